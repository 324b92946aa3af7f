/* ptrace_floor.c: the least a ptrace debugger can do per breakpoint hit, the floor for
 * mixdbg's cost per hit. Usage: ptrace_floor ADDR PROG [ARGS...], ADDR (hex) the run-time
 * address of the breakpoint (PROG built -no-pie). Forks and execs PROG under PTRACE_TRACEME,
 * plants an int3 at ADDR and, on each hit, puts the original byte back, rewinds rip,
 * single-steps, re-inserts the int3 and continues. Prints "hits=N" to stderr at the end and
 * exits with PROG's status. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(127);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: ptrace_floor ADDR PROG [ARGS...]\n");
		return 2;
	}
	unsigned long addr = strtoul(argv[1], NULL, 16);
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		execv(argv[2], argv + 2);
		_exit(127);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st))
		die("exec stop");
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)PTRACE_O_EXITKILL);
	errno = 0;
	long orig = ptrace(PTRACE_PEEKTEXT, pid, (void *)addr, NULL);
	if (errno)
		die("peek");
	long trap = (orig & ~0xffL) | 0xcc;
	if (ptrace(PTRACE_POKETEXT, pid, (void *)addr, (void *)trap) < 0)
		die("poke");
	long hits = 0;
	int sig = 0;
	for (;;) {
		if (ptrace(PTRACE_CONT, pid, NULL, (void *)(long)sig) < 0)
			die("cont");
		sig = 0;
		if (waitpid(pid, &st, 0) != pid)
			die("waitpid");
		if (WIFEXITED(st) || WIFSIGNALED(st))
			break;
		if (WSTOPSIG(st) != SIGTRAP) {
			sig = WSTOPSIG(st);
			continue;
		}
		struct user_regs_struct regs;
		ptrace(PTRACE_GETREGS, pid, NULL, &regs);
		if (regs.rip - 1 != addr) {
			sig = SIGTRAP;
			continue;
		}
		hits++;
		regs.rip = addr;
		ptrace(PTRACE_POKETEXT, pid, (void *)addr, (void *)orig);
		ptrace(PTRACE_SETREGS, pid, NULL, &regs);
		ptrace(PTRACE_SINGLESTEP, pid, NULL, NULL);
		if (waitpid(pid, &st, 0) != pid || !WIFSTOPPED(st))
			break;
		ptrace(PTRACE_POKETEXT, pid, (void *)addr, (void *)trap);
	}
	fprintf(stderr, "hits=%ld\n", hits);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
