/* process.c: starting, seizing, detaching and killing the debuggee.
 *
 * Launch: fork; the child waits on a pipe until the parent has PTRACE_SEIZEd it, then
 * execve()s directly (no shell). A second, close-on-exec pipe carries errno back if chdir or
 * execve fails; end-of-file on it means the exec happened. The first stop we reap is then the
 * PTRACE_EVENT_EXEC stop, before the new image runs its first instruction.
 *
 * Attach: PTRACE_SEIZE every thread listed in /proc/PID/task (repeating until the list stops
 * growing: threads cloned by an already-seized thread are auto-attached by
 * PTRACE_O_TRACECLONE), then PTRACE_INTERRUPT each one. SEIZE (unlike ATTACH) sends no
 * SIGSTOP, so the program sees no signal it did not ask for.
 */
#include "tracer/tracer.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

unsigned tr_ptrace_options(const struct tracer *t)
{
	unsigned o = PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |
		     PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACEVFORKDONE;
	if (t->launched)
		o |= PTRACE_O_EXITKILL; /* a launched debuggee dies with its tracer */
	return o;
}

int tr_open_mem(struct tracer *t)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)t->pid);
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (t->memfd >= 0)
		close(t->memfd);
	t->memfd = fd;
	return 0;
}

static void child_exec(int gate, int errp, const char *cwd, char **argv, char **envp,
		       uint32_t flags)
{
	char c;
	if (flags & TR_LAUNCH_OWN_PGRP)
		setpgid(0, 0);
	/* The tracer ignores SIGINT and blocks SIGCHLD; both would be inherited through exec. */
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGINT, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	/* The program stays in mixdbg's process group, so it can read the terminal (a process
	 * group in the background gets SIGTTIN). Ctrl-C then reaches the program too: its
	 * SIGINT (policy: stop, do not pass) and mixdbg's interrupt request make one stop. */
	if (read(gate, &c, 1) != 1)
		_exit(127);
	if (cwd[0] && chdir(cwd) != 0) {
		int e = -errno;
		if (write(errp, &e, sizeof(e)) < 0)
			_exit(126);
		_exit(127);
	}
	execve(argv[0], argv, envp);
	int e = errno;
	if (write(errp, &e, sizeof(e)) < 0)
		_exit(126);
	_exit(127);
}

/* Splits the launch payload into cwd, argv and envp (pointers into the payload). */
static int parse_launch(const void *payload, uint32_t len, const char **cwd, char ***argv,
			char ***envp, uint32_t *flags)
{
	if (len < sizeof(struct tr_launch))
		return -EINVAL;
	struct tr_launch hdr;
	memcpy(&hdr, payload, sizeof(hdr));
	if (hdr.argc == 0 || hdr.argc > 100000 || hdr.envc > 100000)
		return -EINVAL;
	char *p = (char *)payload + sizeof(hdr), *end = (char *)payload + len;
	char **av = calloc(hdr.argc + 1, sizeof(char *));
	char **ev = calloc(hdr.envc + 1, sizeof(char *));
	if (!av || !ev)
		goto bad;
	size_t total = 1 + hdr.argc + hdr.envc;
	for (size_t i = 0; i < total; i++) {
		char *nul = memchr(p, 0, (size_t)(end - p));
		if (!nul)
			goto bad;
		if (i == 0)
			*cwd = p;
		else if (i <= hdr.argc)
			av[i - 1] = p;
		else
			ev[i - 1 - hdr.argc] = p;
		p = nul + 1;
	}
	*argv = av;
	*envp = ev;
	*flags = hdr.flags;
	return 0;
bad:
	free(av);
	free(ev);
	return -EINVAL;
}

int tr_launch(struct tracer *t, const void *payload, uint32_t len, char *err, size_t errlen)
{
	const char *cwd = "";
	char **argv = NULL, **envp = NULL;
	uint32_t flags = 0;
	if (parse_launch(payload, len, &cwd, &argv, &envp, &flags)) {
		snprintf(err, errlen, "malformed launch request");
		return -EINVAL;
	}
	int gate[2], errp[2];
	if (pipe2(gate, O_CLOEXEC) || pipe2(errp, O_CLOEXEC)) {
		snprintf(err, errlen, "cannot create pipes: %s", strerror(errno));
		free(argv);
		free(envp);
		return -errno;
	}
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		snprintf(err, errlen, "cannot fork: %s", strerror(e));
		free(argv);
		free(envp);
		return -e;
	}
	if (pid == 0) {
		close(gate[1]);
		close(errp[0]);
		close(t->sock);
		close(t->sigfd);
		child_exec(gate[0], errp[1], cwd, argv, envp, flags);
	}
	close(gate[0]);
	close(errp[1]);
	t->pid = pid;
	t->launched = true;
	int rc = 0;
	if (ptrace(PTRACE_SEIZE, pid, 0, (void *)(uintptr_t)tr_ptrace_options(t)) != 0) {
		rc = -errno;
		snprintf(err, errlen, "cannot trace the new process: %s", strerror(errno));
		kill(pid, SIGKILL);
	}
	if (write(gate[1], "g", 1) != 1 && !rc)
		rc = -EIO;
	close(gate[1]);
	int child_errno = 0;
	ssize_t n;
	do
		n = read(errp[0], &child_errno, sizeof(child_errno));
	while (n < 0 && errno == EINTR);
	close(errp[0]);
	if (!rc && n == (ssize_t)sizeof(child_errno)) {
		if (child_errno < 0)
			snprintf(err, errlen, "cannot change to directory '%s': %s", cwd,
				 strerror(-child_errno));
		else
			snprintf(err, errlen, "cannot execute '%s': %s", argv[0],
				 strerror(child_errno));
		rc = child_errno < 0 ? child_errno : -child_errno;
	}
	free(argv);
	free(envp);
	if (rc) {
		int st;
		kill(pid, SIGKILL);
		while (waitpid(pid, &st, __WALL) == pid && !WIFEXITED(st) && !WIFSIGNALED(st))
			ptrace(PTRACE_CONT, pid, 0, 0);
		t->pid = 0;
		t->launched = false;
		return rc;
	}
	/* The exec stop: the new image has not run an instruction yet. */
	int st;
	if (waitpid(pid, &st, __WALL) != pid || !WIFSTOPPED(st) ||
	    (st >> 8) != (SIGTRAP | (PTRACE_EVENT_EXEC << 8))) {
		snprintf(err, errlen, "the new process did not stop at exec (status 0x%x)", st);
		kill(pid, SIGKILL);
		t->pid = 0;
		return -EIO;
	}
	tr_threads_reset(t);
	struct tr_thread *th = tr_thread_add(t, pid);
	th->reaped = th->stopped = true;
	if (tr_open_mem(t)) {
		snprintf(err, errlen, "cannot open /proc/%d/mem: %s", (int)pid, strerror(errno));
		kill(pid, SIGKILL);
		t->pid = 0;
		return -EIO;
	}
	t->running = false;
	return 0;
}

/* Seizes every thread of pid not yet seized; returns how many were new (or -errno for the
 * leader). */
static int seize_tasks(struct tracer *t, pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return -errno;
	int added = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		pid_t tid = (pid_t)atoi(e->d_name);
		if (tid <= 0 || tr_thread_find(t, tid))
			continue;
		if (ptrace(PTRACE_SEIZE, tid, 0, (void *)(uintptr_t)tr_ptrace_options(t)) != 0)
			continue; /* it exited meanwhile */
		tr_thread_add(t, tid);
		added++;
	}
	closedir(d);
	return added;
}

static void describe_tracer(pid_t pid, char *buf, size_t len)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	buf[0] = 0;
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		int tp;
		if (sscanf(line, "TracerPid: %d", &tp) == 1 && tp > 0)
			snprintf(buf, len, " (it is already traced by process %d)", tp);
	}
	fclose(f);
}

int tr_attach(struct tracer *t, pid_t pid, char *err, size_t errlen)
{
	if (pid <= 0) {
		snprintf(err, errlen, "invalid process id %d", (int)pid);
		return -EINVAL;
	}
	if (pid == getpid() || pid == getppid()) {
		snprintf(err, errlen, "process %d is the debugger itself", (int)pid);
		return -EINVAL;
	}
	t->launched = false;
	tr_threads_reset(t);
	if (ptrace(PTRACE_SEIZE, pid, 0, (void *)(uintptr_t)tr_ptrace_options(t)) != 0) {
		int e = errno;
		char why[96];
		describe_tracer(pid, why, sizeof(why));
		if (e == ESRCH)
			snprintf(err, errlen, "no process with id %d", (int)pid);
		else
			snprintf(err, errlen, "cannot attach to process %d: %s%s", (int)pid,
				 strerror(e), why);
		return -e;
	}
	t->pid = pid;
	tr_thread_add(t, pid);
	while (seize_tasks(t, pid) > 0)
		;
	for (size_t i = 0; i < t->nthreads; i++)
		ptrace(PTRACE_INTERRUPT, t->threads[i].tid, 0, 0);
	tr_wait_all_stopped(t);
	if (!t->pid) {
		snprintf(err, errlen, "process %d exited while attaching", (int)pid);
		return -ESRCH;
	}
	if (tr_open_mem(t)) {
		snprintf(err, errlen, "cannot open /proc/%d/mem: %s", (int)pid, strerror(errno));
		tr_detach(t);
		return -EIO;
	}
	t->running = false;
	return 0;
}

/* Threads past PTRACE_EVENT_EXIT run (they were let go to die) and cannot be detached; they
 * stay traced until reaped, and with PTRACE_O_EXITKILL the tracer's own exit would then
 * SIGKILL them, which kills the whole process (exit_ptrace, kernel/ptrace.c). They end within
 * moments: reap them (not the leader, whose status waits for every thread). */
void tr_reap_exiting(struct tracer *t)
{
	for (size_t i = 0; i < t->nthreads; i++) {
		struct tr_thread *th = &t->threads[i];
		if (!th->exiting || th->tid == t->pid)
			continue;
		for (int tries = 0; tries < 400; tries++) {
			int st;
			pid_t w = waitpid(th->tid, &st, WNOHANG | __WALL);
			if (w == th->tid && (WIFEXITED(st) || WIFSIGNALED(st)))
				break;
			if (w < 0 && errno != EINTR)
				break;
			if (w == th->tid && WIFSTOPPED(st))
				ptrace(PTRACE_CONT, th->tid, 0, 0);
			usleep(2500);
		}
	}
}

/* Leaves the process running as if never traced: every int3 byte restored, each thread
 * detached with the signal it was stopped with (so no signal is lost). */
void tr_detach(struct tracer *t)
{
	if (!t->pid)
		return;
	tr_thaw(t); /* frozen at a managed stop: the threads left running are stopped too */
	if (t->running)
		tr_stop_all(t);
	tr_displace_release(t);
	tr_bp_remove_all_bytes(t);
	tr_watch_remove_all(t);
	tr_reap_exiting(t);
	for (size_t i = 0; i < t->nthreads; i++) {
		struct tr_thread *th = &t->threads[i];
		int sig = th->resume_sig;
		if (th->has_event && th->ev.reason == TR_STOP_SIGNAL &&
		    (t->sigpolicy[th->ev.signo] & TR_SIG_PASS))
			sig = th->ev.signo;
		ptrace(PTRACE_DETACH, th->tid, 0, (void *)(uintptr_t)sig);
	}
	tr_forget_process(t);
}

void tr_kill(struct tracer *t)
{
	if (!t->pid)
		return;
	kill(t->pid, SIGKILL);
	int st;
	pid_t w;
	/* Reap every thread; the leader's status comes last. */
	while ((w = waitpid(-1, &st, __WALL)) > 0) {
		if (w == t->pid && (WIFEXITED(st) || WIFSIGNALED(st)))
			break;
		if (WIFSTOPPED(st))
			ptrace(PTRACE_CONT, w, 0, 0);
	}
	tr_forget_process(t);
}

/* The debuggee is gone or let go: forget its threads, breakpoints and memory. */
void tr_forget_process(struct tracer *t)
{
	memset(t->watch, 0, sizeof(t->watch));
	tr_threads_reset(t);
	tr_bp_forget_all(t);
	tr_displace_forget(t);
	t->pid = 0;
	t->running = false;
	t->frozen = false;
	t->untraced = false;
	if (t->pidfd >= 0)
		close(t->pidfd);
	t->pidfd = -1;
	t->bytes_lifted = false;
	if (t->memfd >= 0)
		close(t->memfd);
	t->memfd = -1;
}
