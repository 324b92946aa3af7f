/* test_vars.c: unit test of src/native/vars.c (locals, arguments and globals from DWARF).
 *
 * Build and run from the repository root:
 *   make build/unit/test_vars && build/unit/test_vars
 * (gcc -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -g -Isrc tests/unit/test_vars.c, the .c
 * files of src/native and src/util, -ldw -lelf.)
 * Optional argument: the C compiler to use (default: gcc from PATH). The fixture
 * tests/unit/fixtures/vars_prog.c is compiled at run time into a temporary directory under
 * $TMPDIR (or /tmp). The test traces it itself (PTRACE_TRACEME, then exec): the fixture stops
 * on an int3 in work() once its locals are set; the test reads the registers
 * (PTRACE_GETREGS) and memory (/proc/PID/mem), reports the executable to a nat_syms at its
 * load bias from /proc/PID/maps, builds frame 0 (CFA = rbp + 16: -O0 code keeps a frame
 * pointer) and main's frame from the saved rbp and return address, and checks every formatted
 * value. Prints "ok NAME" / "not ok NAME: why" per check, then "N passed, N failed".
 */
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "native/sym.h"
#include "native/vars.h"
#include "util/xalloc.h"

struct t {
	int pass, fail;
	const char *cc;
	char *fixtures;
	char *tmp;
};

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
{
	if (ok) {
		t->pass++;
		printf("ok %s\n", name);
		return;
	}
	t->fail++;
	printf("not ok %s: ", name);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* ---- helpers ---- */

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static char *find_fixtures(void)
{
	if (exists("tests/unit/fixtures/vars_prog.c"))
		return realpath("tests/unit/fixtures", NULL);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return NULL;
	exe[n] = 0;
	for (char *slash = strrchr(exe, '/'); slash; slash = strrchr(exe, '/')) {
		*slash = 0;
		char *cand = xasprintf("%s/tests/unit/fixtures/vars_prog.c", exe);
		bool ok = exists(cand);
		free(cand);
		if (ok)
			return xasprintf("%s/tests/unit/fixtures", exe);
	}
	return NULL;
}

/* Runs cc with flags on src into out (no shell: paths are passed as they are). */
static bool compile(struct t *t, const char *src, const char *out, const char *const *flags)
{
	const char *argv[16];
	size_t n = 0;
	argv[n++] = t->cc;
	for (size_t i = 0; flags[i] && n < 12; i++)
		argv[n++] = flags[i];
	argv[n++] = src;
	argv[n++] = "-o";
	argv[n++] = out;
	argv[n] = NULL;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return false;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* A process stopped on its int3 in work(). */
struct traced {
	pid_t pid;
	int memfd;
	uint64_t bias;
	struct user_regs_struct regs;
};

static int mem_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct traced *tr = ctx;
	ssize_t n = pread(tr->memfd, buf, len, (off_t)addr);
	return n == (ssize_t)len ? 0 : -1;
}

/* Start of the mapping of exe at file offset 0 in pid's maps (the load bias of a PIE). */
static bool load_bias(pid_t pid, const char *exe, uint64_t *bias)
{
	char path[64], line[PATH_MAX + 256];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	bool found = false;
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		unsigned long long lo, hi, off;
		char perms[8];
		int pos = 0;
		if (sscanf(line, "%llx-%llx %7s %llx %*s %*s%n", &lo, &hi, perms, &off, &pos) < 4)
			continue;
		char *p = line + pos;
		while (*p == ' ')
			p++;
		p[strcspn(p, "\n")] = 0;
		if (off == 0 && !strcmp(p, exe)) {
			*bias = lo;
			found = true;
		}
	}
	fclose(f);
	return found;
}

static void untrace(struct traced *tr)
{
	if (tr->memfd >= 0)
		close(tr->memfd);
	tr->memfd = -1;
	if (tr->pid > 0) {
		kill(tr->pid, SIGKILL);
		waitpid(tr->pid, NULL, 0);
	}
	tr->pid = 0;
}

/* Runs exe until its int3 stop. */
static bool start_traced(struct t *t, const char *exe, struct traced *tr)
{
	memset(tr, 0, sizeof(*tr));
	tr->memfd = -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		ptrace(PTRACE_TRACEME, 0, NULL, NULL);
		execl(exe, exe, (char *)NULL);
		_exit(127);
	}
	tr->pid = pid;
	int st = 0;
	bool ok = waitpid(pid, &st, 0) == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP;
	check(t, ok, "fixture stops at exec", "status 0x%x", st);
	if (!ok)
		return false;
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(long)PTRACE_O_EXITKILL);
	ok = ptrace(PTRACE_CONT, pid, NULL, NULL) == 0 && waitpid(pid, &st, 0) == pid &&
	     WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP;
	check(t, ok, "fixture stops at its int3", "status 0x%x", st);
	if (!ok)
		return false;
	ok = ptrace(PTRACE_GETREGS, pid, NULL, &tr->regs) == 0;
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	tr->memfd = open(path, O_RDONLY | O_CLOEXEC);
	ok = ok && tr->memfd >= 0 && load_bias(pid, exe, &tr->bias);
	check(t, ok, "registers, memory and load bias of the fixture", "bias 0x%llx",
	      (unsigned long long)tr->bias);
	return ok;
}

/* Frame 0: every register. */
static void frame0(const struct traced *tr, struct nat_frame_regs *f)
{
	const struct user_regs_struct *r = &tr->regs;
	uint64_t v[NAT_NREGS] = {r->rax, r->rdx, r->rcx, r->rbx, r->rsi, r->rdi,
				 r->rbp, r->rsp, r->r8,	 r->r9,	 r->r10, r->r11,
				 r->r12, r->r13, r->r14, r->r15, r->rip};
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < NAT_NREGS; i++) {
		f->r[i] = v[i];
		f->valid[i] = true;
	}
	f->cfa = r->rbp + 16;
	f->pc = r->rip;
}

/* The caller's frame through the frame pointer: only rsp, rbp and rip are known. */
static bool frame1(struct traced *tr, const struct nat_frame_regs *f0, struct nat_frame_regs *f)
{
	uint64_t saved[2];
	memset(f, 0, sizeof(*f));
	if (mem_read(tr, f0->r[NAT_REG_RBP], saved, sizeof(saved)))
		return false;
	f->r[NAT_REG_RBP] = saved[0];
	f->r[NAT_REG_RIP] = saved[1];
	f->r[NAT_REG_RSP] = f0->cfa;
	f->valid[NAT_REG_RBP] = f->valid[NAT_REG_RIP] = f->valid[NAT_REG_RSP] = true;
	f->cfa = saved[0] + 16;
	f->pc = saved[1] - 1;
	return true;
}

/* Variables collected from nat_frame_vars. */
struct vars {
	char *name[64];
	char *value[64];
	size_t n;
};

static void collect(void *arg, const char *name, const char *value)
{
	struct vars *v = arg;
	if (v->n < 64) {
		v->name[v->n] = xstrdup(name ? name : "(null)");
		v->value[v->n] = xstrdup(value ? value : "(null)");
		v->n++;
	}
}

static void vars_clear(struct vars *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->name[i]);
		free(v->value[i]);
	}
	v->n = 0;
}

static const char *lookup(const struct vars *v, const char *name)
{
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->name[i], name))
			return v->value[i];
	return NULL;
}

/* True when s is "0x" + hex digits (not 0x0) followed by exactly rest. */
static bool hex_then(const char *s, const char *rest)
{
	if (!s || strncmp(s, "0x", 2))
		return false;
	const char *p = s + 2;
	while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))
		p++;
	return p > s + 2 && !(p == s + 3 && s[2] == '0') && !strcmp(p, rest);
}

/* Expected values of work()'s locals, in gdb's order (innermost scope first). A NULL want
 * means "a non-null pointer followed by rest". */
struct want {
	const char *name;
	const char *want; /* exact value, or NULL to check hex_then(value, rest) */
	const char *rest;
};

static const struct want work_locals[] = {
    {"inner", "14", NULL},
    {"calls", "3", NULL},
    {"c", "65 'A'", NULL},
    {"sc", "-3 '\\375'", NULL},
    {"uc", "200 '\\310'", NULL},
    {"sh", "-1234", NULL},
    {"us", "60000", NULL},
    {"i", "-7", NULL},
    {"u", "4000000000", NULL},
    {"l", "-1234567890123", NULL},
    {"ul", "18446744073709551615", NULL},
    {"b", "true", NULL},
    {"f", "1.5", NULL},
    {"d", "-2.25", NULL},
    {"col", "GREEN", NULL},
    {"badcol", "7", NULL},
    {"ip", NULL, " <global_counter>"},
    {"np", "0x0", NULL},
    {"str", NULL, " \"hi \\\"there\\\"\\n\""},
    {"buf", "\"abc\\000\\000\\000\\000\"", NULL},
    {"zeros", "\"xy\", '\\000' <repeats 13 times>", NULL},
    {"arr", "{1, 2, 3, 4}", NULL},
    {"big", "{9, 0 <repeats 19 times>}", NULL},
    {"grid", "{{1, 2, 3}, {4, 5, 6}}", NULL},
    {"pt", "{x = 3, y = 4}", NULL},
    {"r", NULL, NULL}, /* checked apart: holds a pointer */
    {"un", "{i = 1069547520, f = 1.5}", NULL},
    {"fl", "{a = 5, b = -3}", NULL},
    {"sum", "0", NULL},
};

static void check_value(struct t *t, const char *label, const char *name, const char *got,
			const struct want *w)
{
	char what[256];
	snprintf(what, sizeof(what), "%s: %s", label, name);
	bool ok = w->want ? got && !strcmp(got, w->want) : hex_then(got, w->rest ? w->rest : "");
	check(t, ok, what, "got [%s] want [%s%s]", got ? got : "(none)",
	      w->want ? w->want : "0x...", w->want ? "" : (w->rest ? w->rest : ""));
}

/* print EXPR (nat_eval_print) in work()'s frame. A want of NULL means "0x..." followed by
 * rest, after the prefix pre. */
static void check_eval(struct t *t, const char *label, struct nat_syms *s, struct traced *tr,
		       const struct nat_frame_regs *f)
{
	struct nat_mem_ops mem = {mem_read, tr};
	struct mx_err err = {{0}};
	char what[512], out[1024];
	static const struct {
		const char *expr, *want, *pre, *rest;
	} ok[] = {
	    /* names and members */
	    {"n", "7", NULL, NULL},
	    {"p->x", "10", NULL, NULL},
	    {"p -> y", "20", NULL, NULL},
	    {"pt.y", "4", NULL, NULL},
	    {"r.b.y", "6", NULL, NULL},
	    {"(*p).y", "20", NULL, NULL},
	    {"fl.b", "-3", NULL, NULL},
	    {"r.name", NULL, "", " \"box\""},
	    /* indexing */
	    {"arr[2]", "3", NULL, NULL},
	    {"arr[n - 4]", "4", NULL, NULL},
	    {"grid[1][2]", "6", NULL, NULL},
	    {"grid[1]", "{4, 5, 6}", NULL, NULL},
	    {"ip[0]", "42", NULL, NULL},
	    {"p[0]", "{x = 10, y = 20}", NULL, NULL},
	    {"str[1]", "105 'i'", NULL, NULL},
	    {"buf[0]", "97 'a'", NULL, NULL},
	    /* whole values and dereference */
	    {"arr", "{1, 2, 3, 4}", NULL, NULL},
	    {"pt", "{x = 3, y = 4}", NULL, NULL},
	    {"*p", "{x = 10, y = 20}", NULL, NULL},
	    {"*ip", "42", NULL, NULL},
	    {"*arr", "1", NULL, NULL},
	    {"*(arr + 2)", "3", NULL, NULL},
	    {"*s", "104 'h'", NULL, NULL},
	    {"col", "GREEN", NULL, NULL},
	    /* address-of and pointers */
	    {"&i", NULL, "(int *) ", ""},
	    {"&pt", NULL, "(struct point *) ", ""},
	    {"&global_counter", NULL, "(int *) ", " <global_counter>"},
	    {"&arr[3] - &arr[1]", "2", NULL, NULL},
	    {"*&pt", "{x = 3, y = 4}", NULL, NULL},
	    {"&*ip == ip", "1", NULL, NULL},
	    {"ip", NULL, "(int *) ", " <global_counter>"},
	    {"p", NULL, "(struct point *) ", ""},
	    {"s", NULL, "", " \"hello\""},
	    {"&arr", NULL, "(int (*)[4]) ", ""},
	    {"&grid[1]", NULL, "(int (*)[3]) ", ""},
	    {"*&grid[1]", "{4, 5, 6}", NULL, NULL},
	    {"(*&grid[1])[2]", "6", NULL, NULL},
	    {"arr + 1", NULL, "(int *) ", ""},
	    {"*(arr + 1) + *(ip + 0)", "44", NULL, NULL},
	    {"&r.b", NULL, "(struct point *) ", ""},
	    {"&str[1]", NULL, "", " \"i \\\"there\\\"\\n\""},
	    {"str + 3 == &str[3]", "1", NULL, NULL},
	    {"*r.name", "98 'b'", NULL, NULL},
	    {"(char *) &buf[1]", NULL, "", " \"bc\""},
	    {"un.f * 2", "3", NULL, NULL},
	    {"col + 1", "6", NULL, NULL},
	    /* arithmetic and precedence */
	    {"1 + 2 * 3", "7", NULL, NULL},
	    {"(1 + 2) * 3", "9", NULL, NULL},
	    {"n * 2 + inner", "28", NULL, NULL},
	    {"10 - 4 - 3", "3", NULL, NULL},
	    {"10 % 4 - 7 / 2", "-1", NULL, NULL},
	    {"-7 / 2", "-3", NULL, NULL},
	    {"-i", "7", NULL, NULL},
	    {"~0", "-1", NULL, NULL},
	    {"!n", "0", NULL, NULL},
	    {"1 << 4 | 3", "19", NULL, NULL},
	    {"6 & 3 ^ 1", "3", NULL, NULL},
	    {"0x10 + 010", "24", NULL, NULL},
	    {"u + 1", "4000000001", NULL, NULL},
	    {"global_counter * 2", "84", NULL, NULL},
	    {"f * 2", "3", NULL, NULL},
	    {"'A'", "65 'A'", NULL, NULL},
	    {"~u", "294967295", NULL, NULL},
	    {"u * 2", "3705032704", NULL, NULL},
	    {"-1u", "4294967295", NULL, NULL},
	    /* floating literals, sizeof, ?: and enumerators */
	    {"1.5 * 2", "3", NULL, NULL},
	    {"f + .25", "1.75", NULL, NULL},
	    {"2e3 / 8", "250", NULL, NULL},
	    {"sizeof(int)", "4", NULL, NULL},
	    {"sizeof pt", "8", NULL, NULL},
	    {"sizeof(arr) / sizeof arr[0]", "4", NULL, NULL},
	    {"sizeof(struct point *)", "8", NULL, NULL},
	    {"n > 5 ? arr[1] : arr[2]", "2", NULL, NULL},
	    {"n < 5 ? arr[1] : n < 6 ? 0 : 9", "9", NULL, NULL},
	    {"0 ? *(int *) 0 : 1", "1", NULL, NULL},
	    {"GREEN", "GREEN", NULL, NULL},
	    {"l + 1", "-1234567890122", NULL, NULL},
	    {"ul + 1", "0", NULL, NULL},
	    {"arr[1] + grid[1][1]", "7", NULL, NULL},
	    {"sc * 2", "-6", NULL, NULL},
	    {"'\\n' + 0", "10", NULL, NULL},
	    /* comparisons and logic */
	    {"n == 7", "1", NULL, NULL},
	    {"n != 7", "0", NULL, NULL},
	    {"i < 0 && n > 6", "1", NULL, NULL},
	    {"i >= 0 || 0", "0", NULL, NULL},
	    {"u > 5", "1", NULL, NULL},
	    {"n <= 6", "0", NULL, NULL},
	    {"c == 'A'", "1", NULL, NULL},
	    {"1 + 1 == 2", "1", NULL, NULL},
	    /* casts */
	    {"(char) 66", "66 'B'", NULL, NULL},
	    {"(int) d", "-2", NULL, NULL},
	    {"(unsigned char) i", "249 '\\371'", NULL, NULL},
	    {"(long) n * 3", "21", NULL, NULL},
	    {"(struct point *) p", NULL, "(struct point *) ", ""},
	    {"((struct point *) p)->y", "20", NULL, NULL},
	    {"(char *) s", NULL, "", " \"hello\""},
	    {"*(int *) p", "10", NULL, NULL},
	    {"(ulong_t) 5", "5", NULL, NULL},
	    {"(unsigned long) -1", "18446744073709551615", NULL, NULL},
	    {"(short) 70000", "4464", NULL, NULL},
	    {"(double) n / 2", "3.5", NULL, NULL},
	    {"(enum color) 6", "BLUE", NULL, NULL},
	    {"((((((((((n))))))))))", "7", NULL, NULL},
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		out[0] = 0;
		err.msg[0] = 0;
		int rc = nat_eval_print(s, f, &mem, ok[i].expr, out, sizeof(out), &err);
		snprintf(what, sizeof(what), "%s: eval %s", label, ok[i].expr);
		bool good;
		if (ok[i].want) {
			good = !strcmp(out, ok[i].want);
		} else {
			size_t np = strlen(ok[i].pre);
			good = !strncmp(out, ok[i].pre, np) && hex_then(out + np, ok[i].rest);
		}
		check(t, rc == 0 && good, what, "rc %d [%s] %s", rc, out, err.msg);
	}
	static const struct {
		const char *expr, *msg;
	} bad[] = {
	    {"nosuch + 1", "No symbol \"nosuch\" in current context."},
	    {"pt.z", "There is no member named z."},
	    {"p->nope", "There is no member named nope."},
	    {"*n", "Attempt to take contents of a non-pointer value."},
	    {"*pt", "Attempt to take contents of a non-pointer value."},
	    {"n[1]", "cannot subscript something of type `int'"},
	    {"1 +", "A syntax error in expression, near `'."},
	    {"1 + )", "A syntax error in expression, near `)'."},
	    {"n 5", "A syntax error in expression, near `5'."},
	    {"", "A syntax error in expression, near `'."},
	    {"n / 0", "Division by zero"},
	    {"n % (i + 7)", "Division by zero"},
	    {"(struct nosuch *) p", "No struct type named nosuch."},
	    {"&5", "Attempt to take address of value not located in memory."},
	    {"((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))",
	     "Expression too deeply nested."},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		out[0] = 0;
		err.msg[0] = 0;
		int rc = nat_eval_print(s, f, &mem, bad[i].expr, out, sizeof(out), &err);
		snprintf(what, sizeof(what), "%s: eval error %s", label, bad[i].expr);
		check(t, rc == -1 && !strcmp(err.msg, bad[i].msg), what, "rc %d [%s] [%s]", rc,
		      err.msg, out);
	}
	/* malformed or unsupported input: an error, never a crash */
	static const char *const junk[] = {"(",
					   ")",
					   "((",
					   "p->",
					   "arr[",
					   "'",
					   "'\\",
					   "'\\x'",
					   "(struct",
					   "(unsigned",
					   "(int",
					   "99999999999999999999999",
					   "0x",
					   "1 ? 2",
					   "&&",
					   "@",
					   "p.x",
					   "pt->x",
					   "arr[1",
					   "-",
					   "(int *)",
					   "(void) n",
					   "*(void *) ip",
					   "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!1",
					   "n +* 2",
					   "pt + 1",
					   "1.5.2",
					   "1e",
					   "sizeof",
					   "sizeof(struct nosuch)",
					   "1 ? : 2",
					   "0 ? 1 :",
					   "d % 2",
					   "(struct point) n",
					   "&(n + 1)"};
	for (size_t i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		err.msg[0] = 0;
		int rc = nat_eval_print(s, f, &mem, junk[i], out, sizeof(out), &err);
		snprintf(what, sizeof(what), "%s: eval rejects %s", label, junk[i]);
		check(t, rc == -1 && err.msg[0], what, "rc %d [%s] [%s]", rc, out, err.msg);
	}
	char small[6];
	int rc = nat_eval_print(s, f, &mem, "big", small, sizeof(small), &err);
	snprintf(what, sizeof(what), "%s: eval truncates to the buffer", label);
	check(t, rc == 0 && !strcmp(small, "{9, 0"), what, "rc %d [%s]", rc, small);
}

static void check_work_frame(struct t *t, const char *label, struct nat_syms *s, struct traced *tr,
			     const struct nat_frame_regs *f)
{
	struct nat_mem_ops mem = {mem_read, tr};
	struct mx_err err = {{0}};
	struct vars v = {0};
	char what[256], out[1024];
	size_t nw = sizeof(work_locals) / sizeof(work_locals[0]);

	/* arguments */
	int n = nat_frame_vars(s, f, &mem, NAT_VAR_ARG, collect, &v, &err);
	snprintf(what, sizeof(what), "%s: info args lists n, s, p in order", label);
	check(t,
	      n == 3 && v.n == 3 && !strcmp(v.name[0], "n") && !strcmp(v.name[1], "s") &&
		  !strcmp(v.name[2], "p"),
	      what, "n %d (%s) count %zu", n, err.msg, v.n);
	struct want wn = {"n", "7", NULL}, ws = {"s", NULL, " \"hello\""}, wp = {"p", NULL, ""};
	check_value(t, label, "arg n", lookup(&v, "n"), &wn);
	check_value(t, label, "arg s", lookup(&v, "s"), &ws);
	check_value(t, label, "arg p", lookup(&v, "p"), &wp);
	vars_clear(&v);

	/* locals */
	n = nat_frame_vars(s, f, &mem, NAT_VAR_LOCAL, collect, &v, &err);
	snprintf(what, sizeof(what), "%s: info locals lists every local, innermost first", label);
	bool order = n == (int)nw && v.n == nw;
	for (size_t i = 0; order && i < nw; i++)
		order = !strcmp(v.name[i], work_locals[i].name);
	check(t, order, what, "n %d (%s) count %zu, first %s", n, err.msg, v.n,
	      v.n ? v.name[0] : "-");
	for (size_t i = 0; i < nw; i++) {
		if (!strcmp(work_locals[i].name, "r"))
			continue;
		check_value(t, label, work_locals[i].name, lookup(&v, work_locals[i].name),
			    &work_locals[i]);
	}
	const char *r = lookup(&v, "r");
	const char *pre = "{a = {x = 1, y = 2}, b = {x = 5, y = 6}, name = ";
	snprintf(what, sizeof(what), "%s: r (nested structs and a char pointer)", label);
	check(t, r && !strncmp(r, pre, strlen(pre)) && hex_then(r + strlen(pre), " \"box\"}"), what,
	      "got [%s]", r ? r : "(none)");
	vars_clear(&v);

	/* print */
	struct {
		const char *name, *want, *rest;
	} prints[] = {
	    {"n", "7", NULL},
	    {"inner", "14", NULL},
	    {"pt", "{x = 3, y = 4}", NULL},
	    {"global_counter", "42", NULL},
	    {"global_msg", NULL, " \"global\""},
	    {"p", NULL, NULL},
	    {"ip", NULL, NULL},
	    {"np", "(void *) 0x0", NULL},
	    {"s", NULL, " \"hello\""},
	};
	for (size_t i = 0; i < sizeof(prints) / sizeof(prints[0]); i++) {
		int rc = nat_print_var(s, f, &mem, prints[i].name, out, sizeof(out), &err);
		snprintf(what, sizeof(what), "%s: print %s", label, prints[i].name);
		bool ok;
		if (!strcmp(prints[i].name, "p"))
			ok = !strncmp(out, "(struct point *) ", 17) && hex_then(out + 17, "");
		else if (!strcmp(prints[i].name, "ip"))
			ok = !strncmp(out, "(int *) ", 8) && hex_then(out + 8, " <global_counter>");
		else if (prints[i].want)
			ok = !strcmp(out, prints[i].want);
		else
			ok = hex_then(out, prints[i].rest);
		check(t, rc == 0 && ok, what, "rc %d [%s] %s", rc, out, err.msg);
	}
	snprintf(what, sizeof(what), "%s: print of an unknown name", label);
	int rc = nat_print_var(s, f, &mem, "no_such_var", out, sizeof(out), &err);
	check(t, rc == -1 && !strcmp(err.msg, "No symbol \"no_such_var\" in current context."),
	      what, "rc %d [%s]", rc, err.msg);
	snprintf(what, sizeof(what), "%s: print truncates to the buffer", label);
	char small[8];
	rc = nat_print_var(s, f, &mem, "big", small, sizeof(small), &err);
	check(t, rc == 0 && !strcmp(small, "{9, 0 <"), what, "rc %d [%s]", rc, small);
	check_eval(t, label, s, tr, f);
}

static void check_main_frame(struct t *t, const char *label, struct nat_syms *s, struct traced *tr,
			     const struct nat_frame_regs *f0)
{
	struct nat_frame_regs f;
	struct nat_mem_ops mem = {mem_read, tr};
	struct mx_err err = {{0}};
	struct vars v = {0};
	char what[256];
	snprintf(what, sizeof(what), "%s: caller frame from the frame pointer", label);
	check(t, frame1(tr, f0, &f), what, "cannot read the saved rbp");
	int n = nat_frame_vars(s, &f, &mem, NAT_VAR_ARG, collect, &v, &err);
	snprintf(what, sizeof(what), "%s: main's args", label);
	const char *argc = lookup(&v, "argc"), *argv = lookup(&v, "argv");
	check(t, n == 2 && argc && !strcmp(argc, "1") && hex_then(argv, ""), what,
	      "n %d (%s) argc [%s] argv [%s]", n, err.msg, argc ? argc : "-", argv ? argv : "-");
	vars_clear(&v);
	n = nat_frame_vars(s, &f, &mem, NAT_VAR_LOCAL, collect, &v, &err);
	snprintf(what, sizeof(what), "%s: main's locals", label);
	check(t, n == 1 && v.n == 1 && !strcmp(v.value[0], "{x = 10, y = 20}"), what,
	      "n %d (%s) [%s]", n, err.msg, v.n ? v.value[0] : "-");
	vars_clear(&v);

	snprintf(what, sizeof(what), "%s: no function at the pc", label);
	f.pc = 16;
	n = nat_frame_vars(s, &f, &mem, NAT_VAR_LOCAL, collect, &v, &err);
	check(t, n == -1 && v.n == 0 && !strcmp(err.msg, "No symbol table info available."), what,
	      "n %d [%s]", n, err.msg);
	vars_clear(&v);
}

static void check_build(struct t *t, const char *label, const char *const *flags, bool pie)
{
	char *src = xasprintf("%s/vars_prog.c", t->fixtures);
	char *exe = xasprintf("%s/vars_prog_%s", t->tmp, label);
	char what[256];
	struct traced tr = {.memfd = -1};
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL;

	snprintf(what, sizeof(what), "%s: build the fixture", label);
	bool ok = compile(t, src, exe, flags);
	check(t, ok, what, "compiler failed");
	if (ok && start_traced(t, exe, &tr)) {
		snprintf(what, sizeof(what), "%s: add the executable", label);
		ok = nat_syms_new(&s, NULL, &err) == 0 &&
		     nat_syms_add_module(s, exe, pie ? tr.bias : 0, &m, &err) == 0;
		check(t, ok, what, "%s", err.msg);
		if (ok) {
			struct nat_frame_regs f0;
			frame0(&tr, &f0);
			check_work_frame(t, label, s, &tr, &f0);
			check_main_frame(t, label, s, &tr, &f0);
		}
	}
	untrace(&tr);
	nat_syms_free(s);
	free(src);
	free(exe);
}

/* Optimized code: values may be in registers, in location lists or gone; nothing may crash
 * and every name must still be listed. */
static void check_optimized(struct t *t)
{
	static const char *const flags[] = {"-g", "-O2", "-fno-omit-frame-pointer", NULL};
	char *src = xasprintf("%s/vars_prog.c", t->fixtures);
	char *exe = xasprintf("%s/vars_prog_o2", t->tmp);
	struct traced tr = {.memfd = -1};
	struct nat_syms *s = NULL;
	struct mx_err err = {{0}};
	const struct nat_module *m = NULL;
	bool ok = compile(t, src, exe, flags);
	check(t, ok, "O2: build the fixture", "compiler failed");
	if (ok && start_traced(t, exe, &tr) && nat_syms_new(&s, NULL, &err) == 0 &&
	    nat_syms_add_module(s, exe, tr.bias, &m, &err) == 0) {
		struct nat_frame_regs f0;
		struct nat_mem_ops mem = {mem_read, &tr};
		struct vars v = {0};
		frame0(&tr, &f0);
		int na = nat_frame_vars(s, &f0, &mem, NAT_VAR_ARG, collect, &v, &err);
		const char *n = lookup(&v, "n");
		check(t, na == 3 && n && (!strcmp(n, "7") || !strcmp(n, "<optimized out>")),
		      "O2: args listed, n is 7 or optimized out", "count %d n [%s] (%s)", na,
		      n ? n : "-", err.msg);
		for (size_t i = 0; i < v.n; i++)
			printf("# O2 arg %s = %s\n", v.name[i], v.value[i]);
		vars_clear(&v);
		/* print EXPR on values in registers, location lists or gone: any result or a
		 * clean error, never a crash */
		static const char *const exprs[] = {
		    "n + 1",  "p->x",	     "*p",	 "&n",	       "arr[1] + grid[1][1]",
		    "str[0]", "fl.a",	     "un.f",	 "(char) c",   "*ip",
		    "d * 2",  "-d",	     "(int) f",	 "np",	       "*np",
		    "ip + 1", "arr + 1",     "&arr",	 "(void *) 0", "&grid[1]",
		    "r.name", "s[1] == 'e'", "inner",	 "sum",	       "(double) 3",
		    "~u",     "1.5",	     "sizeof n", "a ? b : c",  "buf"};
		for (size_t i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++) {
			char out[512];
			err.msg[0] = 0;
			int rc = nat_eval_print(s, &f0, &mem, exprs[i], out, sizeof(out), &err);
			printf("# O2 eval %s = %s\n", exprs[i], rc == 0 ? out : err.msg);
		}
		int nl = nat_frame_vars(s, &f0, &mem, NAT_VAR_LOCAL, collect, &v, &err);
		check(t, nl == (int)(sizeof(work_locals) / sizeof(work_locals[0])),
		      "O2: every local listed", "count %d (%s)", nl, err.msg);
		for (size_t i = 0; i < v.n; i++)
			printf("# O2 local %s = %s\n", v.name[i], v.value[i]);
		vars_clear(&v);
	}
	untrace(&tr);
	nat_syms_free(s);
	free(src);
	free(exe);
}

int main(int argc, char **argv)
{
	struct t t = {.cc = argc > 1 ? argv[1] : "gcc"};
	const char *tmpdir = getenv("TMPDIR");
	static const char *const dwarf5[] = {"-g", "-O0", "-fPIE", "-pie", NULL};
	static const char *const dwarf4[] = {"-gdwarf-4", "-O0", "-fPIE", "-pie", NULL};
	static const char *const nopie[] = {"-g", "-O0", "-fno-PIE", "-no-pie", NULL};

	setvbuf(stdout, NULL, _IOLBF, 0);
	t.fixtures = find_fixtures();
	t.tmp = xasprintf("%s/mixdbg-test-vars.XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
	if (!t.fixtures || !mkdtemp(t.tmp)) {
		check(&t, false, "setup", "no fixtures directory or no temporary directory");
	} else {
		check_build(&t, "pie-dwarf5", dwarf5, true);
		check_build(&t, "pie-dwarf4", dwarf4, true);
		check_build(&t, "exec", nopie, false);
		check_optimized(&t);
		nftw(t.tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	}
	free(t.tmp);
	free(t.fixtures);
	printf("%d passed, %d failed\n", t.pass, t.fail);
	return t.fail ? 1 : 0;
}
