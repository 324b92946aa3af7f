/* commands.c: the command table and its handlers. Each row is the one definition of a
 * command: dispatch, `help` and docs/commands.md are all generated from it. */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "proto/proto.h"
#include "util/xalloc.h"

static int report(struct mx_err *err)
{
	return cli_error("%s", err->msg);
}

static int parse_int(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	while (isspace((unsigned char)*end))
		end++;
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Splits args on blanks (no quoting beyond '...' and "..."): for `run ARGS`, `set args`. */
static int split_args(const char *args, char ***argv)
{
	int n = 0;
	char **v = NULL;
	const char *p = args;
	while (*p) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		char *word = xmalloc(strlen(p) + 1), *w = word;
		while (*p && !isspace((unsigned char)*p)) {
			if (*p == '\'' || *p == '"') {
				char q = *p++;
				while (*p && *p != q)
					*w++ = *p++;
				if (*p)
					p++;
			} else {
				*w++ = *p++;
			}
		}
		*w = 0;
		v = xrealloc(v, (size_t)(n + 2) * sizeof(char *));
		v[n++] = word;
		v[n] = NULL;
	}
	*argv = v;
	return n;
}

static void free_argv(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int do_run(struct cli *c, const char *args, bool stop_at_main)
{
	if (*args) {
		char **v;
		int n = split_args(args, &v);
		ses_set_args(c->ses, n, v);
		free_argv(v, n);
	}
	if (ses_program(c->ses))
		printf("Starting program: %s\n", ses_program(c->ses));
	fflush(stdout);
	struct mx_err err;
	if (ses_run(c->ses, stop_at_main, &err) != 0)
		return report(&err);
	return 0;
}

static int cmd_run(struct cli *c, const char *args)
{
	return do_run(c, args, false);
}

static int cmd_start(struct cli *c, const char *args)
{
	return do_run(c, args, true);
}

static int cmd_attach(struct cli *c, const char *args)
{
	long pid;
	if (parse_int(args, 1, 0x7fffffff, &pid) != 0)
		return cli_error("Usage: attach PID (a process id, got '%s').", args);
	printf("Attaching to process %ld\n", pid);
	fflush(stdout);
	struct mx_err err;
	if (ses_attach(c->ses, (pid_t)pid, &err) != 0)
		return report(&err);
	return 0;
}

static int cmd_detach(struct cli *c, const char *args)
{
	(void)args;
	pid_t pid = ses_pid(c->ses);
	struct mx_err err;
	if (ses_detach(c->ses, &err) != 0)
		return report(&err);
	printf("[Inferior 1 (process %d) detached]\n", (int)pid);
	return 0;
}

static int cmd_kill(struct cli *c, const char *args)
{
	(void)args;
	pid_t pid = ses_pid(c->ses);
	struct mx_err err;
	if (ses_kill(c->ses, &err) != 0)
		return report(&err);
	printf("[Inferior 1 (process %d) killed]\n", (int)pid);
	return 0;
}

static int cmd_continue(struct cli *c, const char *args)
{
	struct mx_err err;
	if (!ses_has_process(c->ses))
		return cli_error("The program is not being run.");
	if (*args) {
		/* gdb: `continue N` ignores the breakpoint we are stopped at N-1 more times */
		long n;
		if (parse_int(args, 1, 0x7fffffff, &n) != 0)
			return cli_error("Usage: continue [N] (N a positive count, got '%s').",
					 args);
		int bp = 0;
		for (size_t i = 0; i < ses_break_count(c->ses); i++) {
			const struct ses_bp *b = ses_break_at(c->ses, i);
			const struct ses_thread *t = ses_current_thread(c->ses);
			struct user_regs_struct r;
			if (!t || ses_get_regs(c->ses, t->tid, &r, NULL) != 0)
				break;
			for (size_t j = 0; j < b->nlocs; j++)
				if (b->locs[j].addr == r.rip)
					bp = b->id;
		}
		if (!bp)
			return cli_error("Not stopped at any breakpoint; argument ignored.");
		if (ses_break_ignore(c->ses, bp, (uint32_t)(n - 1), &err) != 0)
			return report(&err);
		printf("Will ignore next %ld crossings of breakpoint %d.  Continuing.\n", n - 1,
		       bp);
	} else {
		printf("Continuing.\n");
	}
	fflush(stdout);
	if (ses_continue(c->ses, &err) != 0)
		return report(&err);
	return 0;
}

/* Repeats a stepping command N times, showing only the last stop (as gdb does), until the
 * program stops for another reason (a breakpoint, a signal) or is gone. */
static int repeat_step(struct cli *c, const char *args, const char *name,
		       int (*fn)(struct ses *, bool, struct mx_err *), bool arg)
{
	long n = 1;
	if (*args && parse_int(args, 1, 1000000, &n) != 0)
		return cli_error("Usage: %s [N] (got '%s').", name, args);
	struct mx_err err;
	int rc = 0;
	for (long i = 0; i < n && ses_has_process(c->ses); i++) {
		c->quiet_steps = i + 1 < n;
		if (fn(c->ses, arg, &err) != 0) {
			rc = report(&err);
			break;
		}
		if (!c->last_stop_was_step)
			break;
	}
	c->quiet_steps = false;
	return rc;
}

static int stepi_fn(struct ses *s, bool unused, struct mx_err *err)
{
	(void)unused;
	return ses_stepi(s, err);
}

static int cmd_stepi(struct cli *c, const char *args)
{
	long n = 1;
	if (*args && parse_int(args, 1, 100000000, &n) != 0)
		return cli_error("Usage: stepi [N] (got '%s').", args);
	if (n == 1)
		return repeat_step(c, "", "stepi", stepi_fn, false);
	/* the tracer counts the steps: one round trip for all of them */
	struct mx_err err;
	if (ses_stepi_n(c->ses, (uint32_t)n, &err) != 0)
		return report(&err);
	return 0;
}

static int step_fn(struct ses *s, bool into, struct mx_err *err)
{
	return ses_step(s, into, err);
}

static int nexti_fn(struct ses *s, bool unused, struct mx_err *err)
{
	(void)unused;
	return ses_nexti(s, err);
}

static int cmd_step(struct cli *c, const char *args)
{
	return repeat_step(c, args, "step", step_fn, true);
}

static int cmd_next(struct cli *c, const char *args)
{
	return repeat_step(c, args, "next", step_fn, false);
}

static int until_fn(struct ses *s, bool unused, struct mx_err *err)
{
	(void)unused;
	return ses_until(s, err);
}

static int cmd_until(struct cli *c, const char *args)
{
	return repeat_step(c, args, "until", until_fn, false);
}

static int cmd_nexti(struct cli *c, const char *args)
{
	return repeat_step(c, args, "nexti", nexti_fn, false);
}

static int cmd_finish(struct cli *c, const char *args)
{
	(void)args;
	struct mx_err err;
	if (!ses_has_process(c->ses))
		return cli_error("The program is not being run.");
	const struct ses_frame *f;
	size_t n;
	const struct ses_thread *t = ses_current_thread(c->ses);
	int level = ses_current_frame(c->ses);
	if (t && ses_backtrace(c->ses, t->tid, &f, &n, &err) == 0 && (size_t)level + 1 < n) {
		printf("Run till exit from ");
		cli_print_frame(c, level, &f[level], false);
	}
	fflush(stdout);
	if (ses_finish(c->ses, &err) != 0)
		return report(&err);
	return 0;
}

static int do_break(struct cli *c, const char *args, bool temporary)
{
	char spec[512];
	snprintf(spec, sizeof(spec), "%s", args);
	/* `break SPEC if COND` */
	char *cond = strstr(spec, " if ");
	if (cond) {
		*cond = 0;
		cond += 4;
	}
	if (!spec[0] && ses_has_process(c->ses)) {
		/* gdb: a bare `break` sets one at the current pc */
		const struct ses_thread *t = ses_current_thread(c->ses);
		struct user_regs_struct r;
		struct ses_where w;
		if (t && ses_is_managed_stop(c->ses) &&
		    ses_managed_thread_where(c->ses, t->tid, &w) == 0 && w.file[0])
			snprintf(spec, sizeof(spec), "%.480s:%d", w.file, w.line); /* C# */
		else if (t && ses_get_regs(c->ses, t->tid, &r, NULL) == 0)
			snprintf(spec, sizeof(spec), "*0x%llx", (unsigned long long)r.rip);
	}
	char msg[1024];
	int id;
	struct mx_err err;
	if (ses_break(c->ses, spec, temporary, &id, msg, sizeof(msg), &err) != 0)
		return report(&err);
	/* the condition is compiled for the breakpoint's location: a bad one takes the
	 * breakpoint with it (gdb creates nothing either) */
	if (cond && ses_break_condition(c->ses, id, cond, &err) != 0) {
		ses_break_delete(c->ses, id, NULL);
		return report(&err);
	}
	printf("%s\n", msg);
	return 0;
}

/* watch/rwatch/awatch NAME | *ADDRESS: NAME's size comes from its ELF symbol; *ADDRESS
 * watches 4 bytes. */
static int do_watch(struct cli *c, const char *args, enum ses_watch_kind kind)
{
	if (!*args)
		return cli_error("Usage: watch VARIABLE | *ADDRESS");
	if (!ses_has_process(c->ses))
		return cli_error("Hardware watchpoints need a running program (use 'start' "
				 "first).");
	uint64_t addr;
	uint32_t len = 4;
	if (cli_eval_address(c, args[0] == '*' ? args + 1 : args, &addr) != 0)
		return -1;
	if (args[0] != '*') {
		struct ses_where w;
		ses_describe(c->ses, addr, &w);
		if (!w.sym_size)
			return cli_error("cannot tell the size of '%s'; use watch *ADDRESS", args);
		len = (uint32_t)w.sym_size;
	}
	int id;
	struct mx_err err;
	if (ses_watch(c->ses, args, addr, len, kind, &id, &err) != 0)
		return report(&err);
	const char *what = kind == SES_WATCH_WRITE  ? "Hardware watchpoint"
			   : kind == SES_WATCH_READ ? "Hardware read watchpoint"
						    : "Hardware access (read/write) watchpoint";
	printf("%s %d: %s\n", what, id, args);
	return 0;
}

static int cmd_watch(struct cli *c, const char *args)
{
	return do_watch(c, args, SES_WATCH_WRITE);
}

static int cmd_rwatch(struct cli *c, const char *args)
{
	return do_watch(c, args, SES_WATCH_READ);
}

static int cmd_awatch(struct cli *c, const char *args)
{
	return do_watch(c, args, SES_WATCH_ACCESS);
}

static int cmd_break(struct cli *c, const char *args)
{
	return do_break(c, args, false);
}

static int cmd_tbreak(struct cli *c, const char *args)
{
	return do_break(c, args, true);
}

/* Applies fn to every breakpoint number in args (all of them when args is empty). */
static int for_each_bp(struct cli *c, const char *args,
		       int (*fn)(struct ses *, int, struct mx_err *))
{
	if (!*args) {
		int ids[4096];
		size_t n = 0;
		for (size_t i = 0; i < ses_break_count(c->ses) && n < 4096; i++)
			ids[n++] = ses_break_at(c->ses, i)->id;
		if (fn == ses_break_delete)
			for (size_t i = 0; i < ses_watch_count(c->ses) && n < 4096; i++)
				ids[n++] = ses_watch_at(c->ses, i)->id;
		for (size_t i = 0; i < n; i++)
			fn(c->ses, ids[i], NULL);
		return 0;
	}
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", args);
	int rc = 0;
	for (char *tok = strtok(buf, " \t"); tok; tok = strtok(NULL, " \t")) {
		long id;
		struct mx_err err;
		if (parse_int(tok, 1, 0x7fffffff, &id) != 0)
			rc = cli_error("Bad breakpoint number '%s'.", tok);
		else if (fn(c->ses, (int)id, &err) != 0)
			rc = report(&err);
	}
	return rc;
}

static int enable_bp(struct ses *s, int id, struct mx_err *err)
{
	return ses_break_enable(s, id, true, err);
}

static int disable_bp(struct ses *s, int id, struct mx_err *err)
{
	return ses_break_enable(s, id, false, err);
}

static int cmd_delete(struct cli *c, const char *args)
{
	return for_each_bp(c, args, ses_break_delete);
}

static int cmd_enable(struct cli *c, const char *args)
{
	return for_each_bp(c, args, enable_bp);
}

static int cmd_disable(struct cli *c, const char *args)
{
	return for_each_bp(c, args, disable_bp);
}

static int cmd_condition(struct cli *c, const char *args)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", args);
	char *rest = buf;
	while (*rest && !isspace((unsigned char)*rest))
		rest++;
	if (*rest)
		*rest++ = 0;
	while (isspace((unsigned char)*rest))
		rest++;
	long id;
	if (parse_int(buf, 1, 0x7fffffff, &id) != 0)
		return cli_error("Usage: condition N [EXPRESSION] (bad breakpoint number '%s').",
				 buf);
	struct mx_err err;
	if (ses_break_condition(c->ses, (int)id, rest, &err) != 0)
		return report(&err);
	if (!*rest)
		printf("Breakpoint %ld now unconditional.\n", id);
	return 0;
}

static int cmd_ignore(struct cli *c, const char *args)
{
	char a[64] = "", b[64] = "";
	long id, count;
	if (sscanf(args, "%63s %63s", a, b) != 2 || parse_int(a, 1, 0x7fffffff, &id) != 0 ||
	    parse_int(b, 0, 0x7fffffff, &count) != 0)
		return cli_error("Usage: ignore N COUNT (breakpoint number and a count, got '%s').",
				 args);
	struct mx_err err;
	if (ses_break_ignore(c->ses, (int)id, (uint32_t)count, &err) != 0)
		return report(&err);
	if (count == 0)
		printf("Will stop next time breakpoint %ld is reached.\n", id);
	else
		printf("Will ignore next %ld crossings of breakpoint %ld.\n", count, id);
	return 0;
}

/* `maint info breakpoints`: how each native breakpoint's hits were decided: the tracer's
 * stops at it (traps) against the hits; a condition decided inside the program (the tracer's
 * in-process conditions) stops only where it holds. */
static int cmd_maint_info_breakpoints(struct cli *c, const char *args)
{
	(void)args;
	size_t n = ses_break_count(c->ses);
	if (!n) {
		printf("No breakpoints.\n");
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		const struct ses_bp *bp = ses_break_at(c->ses, i);
		if (bp->managed && !bp->nlocs) {
			printf("%d: managed (hits counted by the session: %" PRIu64 ")\n", bp->id,
			       bp->hits);
			continue;
		}
		printf("%d: tracer stops %" PRIu64 ", hits %" PRIu64 "\n", bp->id, bp->traps,
		       bp->hits);
	}
	return 0;
}

static int cmd_info_breakpoints(struct cli *c, const char *args)
{
	(void)args;
	size_t n = ses_break_count(c->ses);
	if (!n && !ses_watch_count(c->ses)) {
		printf("No breakpoints.\n");
		return 0;
	}
	printf("Num     Type           Disp Enb Address            What\n");
	for (size_t i = 0; i < ses_watch_count(c->ses); i++) {
		const struct ses_watch *w = ses_watch_at(c->ses, i);
		printf("%-7d %-14s keep y   0x%016" PRIx64 " %s\n", w->id,
		       w->kind == SES_WATCH_WRITE  ? "hw watchpoint"
		       : w->kind == SES_WATCH_READ ? "read watchpoint"
						   : "acc watchpoint",
		       w->addr, w->expr);
		if (w->hits)
			printf("\tbreakpoint already hit %" PRIu64 " time%s\n", w->hits,
			       w->hits == 1 ? "" : "s");
	}
	for (size_t i = 0; i < n; i++) {
		const struct ses_bp *bp = ses_break_at(c->ses, i);
		const char *type = bp->log_kind == SES_LOG_PRINTF    ? "dprintf"
				   : bp->log_kind == SES_LOG_MESSAGE ? "logpoint"
								     : "breakpoint";
		printf("%-7d %-14s %-4s %-3s ", bp->id, type, bp->temporary ? "del" : "keep",
		       bp->enabled ? "y" : "n");
		size_t nall = bp->nlocs + bp->nmlocs;
		if (nall == 0)
			printf("%-18s %s\n", "<PENDING>", bp->spec);
		else if (nall > 1)
			printf("%-18s %s\n", "<MULTIPLE>", bp->spec);
		for (size_t j = 0; j < bp->nmlocs; j++) {
			/* managed: the IL offset stands where a native address would */
			const struct ses_mloc *l = &bp->mlocs[j];
			if (nall > 1)
				printf("%d.%-5zu %-24s %-3s ", bp->id, bp->nlocs + j + 1, "",
				       bp->enabled ? "y" : "n");
			char il[32];
			snprintf(il, sizeof(il), "IL_%04x", l->il);
			printf("%-18s in %s at %s:%d\n", il, l->where.func, l->where.file,
			       l->where.line);
		}
		for (size_t j = 0; j < bp->nlocs; j++) {
			const struct ses_bp_loc *l = &bp->locs[j];
			if (nall > 1)
				printf("%d.%-5zu %-24s %-3s ", bp->id, j + 1, "",
				       bp->enabled ? "y" : "n");
			printf("0x%016" PRIx64 " ", l->addr);
			if (l->where.file[0])
				printf("in %s at %s:%d\n", l->where.func, l->where.file,
				       l->where.line);
			else if (l->where.sym[0])
				printf("<%s+%" PRIu64 ">\n", l->where.sym, l->where.sym_off);
			else
				printf("\n");
		}
		if (bp->condition)
			printf("\tstop only if %s\n", bp->condition);
		char hitc[64];
		ses_hit_condition_text(bp, hitc, sizeof(hitc));
		if (hitc[0])
			printf("\tonly hits %s count\n", hitc);
		if (bp->log_kind == SES_LOG_PRINTF)
			printf("        printf %s\n", bp->log_text);
		else if (bp->log_kind == SES_LOG_MESSAGE)
			printf("        log \"%s\"\n", bp->log_text);
		if (bp->hits)
			printf("\tbreakpoint already hit %" PRIu64 " time%s\n", bp->hits,
			       bp->hits == 1 ? "" : "s");
		if (bp->ignore)
			printf("\tWill ignore next %u crossings of breakpoint.\n", bp->ignore);
	}
	return 0;
}

static int cmd_info_threads(struct cli *c, const char *args)
{
	(void)args;
	if (!ses_has_process(c->ses)) {
		printf("No threads.\n");
		return 0;
	}
	const struct ses_thread *cur = ses_current_thread(c->ses);
	printf("  Id   Target Id                              Frame\n");
	for (size_t i = 0; i < ses_thread_count(c->ses); i++) {
		const struct ses_thread *t = ses_thread_at(c->ses, i);
		char target[96];
		snprintf(target, sizeof(target), "Thread %d \"%s\"%s%s", (int)t->tid, t->name,
			 t->frozen ? " (frozen)" : "",
			 ses_step_pending_tid(c->ses) == t->tid ? " (interrupted step)" : "");
		printf("%c %-4d %-38s ", cur && cur->tid == t->tid ? '*' : ' ', t->num, target);
		struct user_regs_struct r;
		struct ses_where w;
		if (ses_is_managed_stop(c->ses) &&
		    ses_managed_thread_where(c->ses, t->tid, &w) == 0) {
			/* held by the runtime */
			cli_print_where(c, &w, false);
		} else if (ses_get_regs(c->ses, t->tid, &r, NULL) == 0) {
			cli_print_location(c, r.rip, false);
		} else {
			printf("(running)\n");
		}
	}
	return 0;
}

static int cmd_thread(struct cli *c, const char *args)
{
	if (!ses_has_process(c->ses))
		return cli_error("No thread selected (the program is not being run).");
	if (*args) {
		long n;
		if (parse_int(args, 1, 0x7fffffff, &n) != 0)
			return cli_error("Invalid thread ID: %s", args);
		struct mx_err err;
		if (ses_select_thread(c->ses, (int)n, &err) != 0)
			return report(&err);
	}
	const struct ses_thread *t = ses_current_thread(c->ses);
	if (!t)
		return cli_error("No thread selected.");
	for (size_t i = 0; i < ses_thread_count(c->ses); i++)
		ses_thread_at(c->ses, i); /* refresh names */
	printf("[Current thread is %d (Thread %d \"%s\")]\n", t->num, (int)t->tid, t->name);
	struct user_regs_struct r;
	struct ses_where w;
	if (ses_is_managed_stop(c->ses) && ses_managed_thread_where(c->ses, t->tid, &w) == 0)
		cli_print_where(c, &w, false);
	else if (ses_get_regs(c->ses, t->tid, &r, NULL) == 0)
		cli_print_location(c, r.rip, false);
	return 0;
}

static int current_stack(struct cli *c, const struct ses_frame **f, size_t *n)
{
	const struct ses_thread *t = ses_current_thread(c->ses);
	struct mx_err err;
	if (!ses_has_process(c->ses) || !t)
		return cli_error("No stack.");
	if (ses_backtrace(c->ses, t->tid, f, n, &err) != 0)
		return report(&err);
	return 0;
}

static int cmd_backtrace(struct cli *c, const char *args)
{
	long limit = -1;
	if (*args && parse_int(args, 1, 1000000, &limit) != 0)
		return cli_error("Usage: backtrace [N] (N a positive count, got '%s').", args);
	const struct ses_frame *f;
	size_t n;
	if (current_stack(c, &f, &n) != 0)
		return -1;
	size_t shown = limit > 0 && (size_t)limit < n ? (size_t)limit : n;
	for (size_t i = 0; i < shown; i++)
		cli_print_frame(c, (int)i, &f[i], false);
	if (shown < n)
		printf("(More stack frames follow...)\n");
	return 0;
}

/* Selects frame `level` (relative to the current one when rel) and shows it. */
static int select_and_show(struct cli *c, long level, bool rel)
{
	const struct ses_frame *f;
	size_t n;
	if (current_stack(c, &f, &n) != 0)
		return -1;
	if (rel)
		level += ses_current_frame(c->ses);
	if (rel && level < 0)
		return cli_error("Bottom (innermost) frame selected; you cannot go down.");
	if (rel && (size_t)level >= n)
		return cli_error("Initial frame selected; you cannot go up.");
	struct mx_err err;
	if (ses_select_frame(c->ses, (int)level, &err) != 0)
		return report(&err);
	c->list_file[0] = 0; /* `list` starts around the selected frame */
	cli_print_frame(c, (int)level, &f[level], true);
	return 0;
}

/* Whether a frame's function is name: the whole name, or for a .NET method its trailing
 * dotted parts ("Main", "Program.Main" for "Fixtures.Program.Main"). */
static bool frame_is_function(struct cli *c, const struct ses_frame *f, const char *name)
{
	struct ses_where w;
	const char *func = f->where.func;
	if (!f->managed && !f->inline_depth) {
		ses_describe(c->ses, f->lookup_pc, &w);
		func = w.func[0] ? w.func : w.sym;
	}
	size_t fl = strlen(func), nl = strlen(name);
	if (fl == nl)
		return strcmp(func, name) == 0;
	return f->managed && fl > nl && func[fl - nl - 1] == '.' &&
	       strcmp(func + fl - nl, name) == 0;
}

/* gdb's `frame function NAME`: the innermost frame of function NAME. */
static int select_function_frame(struct cli *c, const char *name)
{
	const struct ses_frame *f;
	size_t n;
	if (!*name)
		return cli_error("Usage: frame function NAME");
	if (current_stack(c, &f, &n) != 0)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (frame_is_function(c, &f[k], name))
			return select_and_show(c, (long)k, false);
	return cli_error("No frame for function \"%s\".", name);
}

static int cmd_frame(struct cli *c, const char *args)
{
	long level = ses_has_process(c->ses) ? ses_current_frame(c->ses) : 0;
	if (strncmp(args, "function", 8) == 0 && (!args[8] || isspace((unsigned char)args[8])))
		return select_function_frame(c, args + 8 + strspn(args + 8, " \t"));
	if (*args && parse_int(args, 0, 1000000, &level) != 0)
		return cli_error("Usage: frame [N | function NAME] (a frame number, got '%s').",
				 args);
	return select_and_show(c, level, false);
}

static int cmd_up(struct cli *c, const char *args)
{
	long k = 1;
	if (*args && parse_int(args, 1, 1000000, &k) != 0)
		return cli_error("Usage: up [N] (got '%s').", args);
	return select_and_show(c, k, true);
}

static int cmd_down(struct cli *c, const char *args)
{
	long k = 1;
	if (*args && parse_int(args, 1, 1000000, &k) != 0)
		return cli_error("Usage: down [N] (got '%s').", args);
	return select_and_show(c, -k, true);
}

/* `thread apply all|N... COMMAND`: runs COMMAND with each thread selected (highest number
 * first, as gdb does), then restores the selection. */
static int cmd_thread_apply(struct cli *c, const char *args)
{
	if (!ses_has_process(c->ses))
		return cli_error("No threads (the program is not being run).");
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", args);
	char *p = buf;
	int nums[1024];
	size_t nn = 0;
	while (*p && nn < 1024) {
		while (*p == ' ')
			p++;
		char *end = p;
		while (*end && *end != ' ')
			end++;
		char save = *end;
		*end = 0;
		long v;
		if (!strcmp(p, "all")) {
			for (size_t i = ses_thread_count(c->ses); i-- > 0 && nn < 1024;)
				nums[nn++] = ses_thread_at(c->ses, i)->num;
		} else if (parse_int(p, 1, 0x7fffffff, &v) == 0) {
			nums[nn++] = (int)v;
		} else {
			*end = save;
			break;
		}
		*end = save;
		p = end;
	}
	while (*p == ' ')
		p++;
	if (!nn || !*p)
		return cli_error("Usage: thread apply all|N... COMMAND");
	const struct ses_thread *cur = ses_current_thread(c->ses);
	int saved = cur ? cur->num : 0;
	int rc = 0;
	for (size_t i = 0; i < nn; i++) {
		struct mx_err err;
		if (ses_select_thread(c->ses, nums[i], &err) != 0) {
			rc = report(&err);
			continue;
		}
		const struct ses_thread *t = ses_current_thread(c->ses);
		printf("\nThread %d (Thread %d \"%s\"):\n", t->num, (int)t->tid, t->name);
		if (cli_execute(c, p) != 0)
			rc = -1;
	}
	if (saved)
		ses_select_thread(c->ses, saved, NULL);
	return rc;
}

static void print_var_line(void *arg, const char *name, const char *value)
{
	(void)arg;
	printf("%s = %s\n", name, value);
}

static int frame_vars(struct cli *c, bool args, const char *none)
{
	struct mx_err err;
	if (!ses_has_process(c->ses))
		return cli_error("No frame selected.");
	int n = ses_frame_vars(c->ses, args, print_var_line, NULL, &err);
	if (n < 0)
		return report(&err);
	if (n == 0)
		printf("%s\n", none);
	return 0;
}

static int cmd_info_locals(struct cli *c, const char *args)
{
	(void)args;
	return frame_vars(c, false, "No locals.");
}

static int cmd_info_args(struct cli *c, const char *args)
{
	(void)args;
	return frame_vars(c, true, "No arguments.");
}

static int cmd_print(struct cli *c, const char *args)
{
	if (!*args)
		return cli_error("Usage: print EXPRESSION");
	if (!ses_has_process(c->ses))
		return cli_error("No frame selected (the program is not being run).");
	char value[8192];
	struct mx_err err;
	if (ses_print_var(c->ses, args, value, sizeof(value), &err) != 0)
		return report(&err);
	printf("%s = %s\n", args, value);
	return 0;
}

static int show_type(struct cli *c, const char *args, bool whatis)
{
	if (!*args)
		return cli_error(whatis ? "Usage: whatis EXPRESSION" : "Usage: ptype EXPRESSION");
	if (!ses_has_process(c->ses))
		return cli_error("No frame selected (the program is not being run).");
	char text[8192];
	struct mx_err err;
	if (ses_ptype(c->ses, args, whatis, text, sizeof(text), &err) != 0)
		return report(&err);
	printf("type = %s\n", text);
	return 0;
}

static int cmd_ptype(struct cli *c, const char *args)
{
	return show_type(c, args, false);
}

static int cmd_whatis(struct cli *c, const char *args)
{
	return show_type(c, args, true);
}

static int cmd_set_var(struct cli *c, const char *args)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", args);
	char *eq = strchr(buf, '=');
	if (!eq || eq == buf)
		return cli_error("Usage: set var VARIABLE = VALUE");
	*eq = 0;
	char *name = buf, *value = eq + 1, *e = eq;
	while (e > name && isspace((unsigned char)e[-1]))
		*--e = 0;
	while (isspace((unsigned char)*value))
		value++;
	for (char *v = value + strlen(value); v > value && isspace((unsigned char)v[-1]);)
		*--v = 0;
	if (!*name || !*value)
		return cli_error("Usage: set var VARIABLE = VALUE");
	if (!ses_has_process(c->ses))
		return cli_error("No frame selected (the program is not being run).");
	struct mx_err err;
	if (ses_set_var(c->ses, name, value, &err) != 0)
		return report(&err);
	return 0;
}

static int parse_on_off(const char *args, bool *on)
{
	if (strcmp(args, "on") == 0 || strcmp(args, "1") == 0)
		*on = true;
	else if (strcmp(args, "off") == 0 || strcmp(args, "0") == 0)
		*on = false;
	else
		return cli_error("Expected \"on\" or \"off\", not \"%s\".", args);
	return 0;
}

static int cmd_set_native_only(struct cli *c, const char *args)
{
	bool on;
	if (!*args) {
		printf("Native-only debugging is %s.\n", ses_native_only(c->ses) ? "on" : "off");
		return 0;
	}
	if (parse_on_off(args, &on) != 0)
		return -1;
	if (on && ses_managed_only(c->ses))
		return cli_error("native-only and managed-only exclude each other (set "
				 "managed-only off first)");
	ses_set_native_only(c->ses, on);
	return 0;
}

static int cmd_set_managed_only(struct cli *c, const char *args)
{
	bool on;
	if (!*args) {
		printf("Managed-only debugging is %s.\n", ses_managed_only(c->ses) ? "on" : "off");
		return 0;
	}
	if (parse_on_off(args, &on) != 0)
		return -1;
	struct mx_err err;
	if (ses_set_managed_only(c->ses, on, &err) != 0)
		return report(&err);
	return 0;
}

static int cmd_set_jmc(struct cli *c, const char *args)
{
	bool on;
	if (!*args) {
		printf("Just My Code is %s.\n", ses_jmc(c->ses) ? "on" : "off");
		return 0;
	}
	if (parse_on_off(args, &on) != 0)
		return -1;
	ses_set_jmc(c->ses, on);
	return 0;
}

static int cmd_set_print_events(struct cli *c, const char *args)
{
	bool on;
	if (parse_on_off(args, &on) != 0)
		return -1;
	ses_set_print_events(c->ses, on);
	return 0;
}

static int cmd_set_print_elements(struct cli *c, const char *args)
{
	long n;
	if (!strcmp(args, "unlimited"))
		n = 0;
	else if (parse_int(args, 0, UINT32_MAX, &n) != 0)
		return cli_error(
		    "Usage: set print elements N (a count of 0 or more; 0 or unlimited: "
		    "no limit), got '%s'.",
		    args);
	ses_set_print_elements(c->ses, (unsigned)n);
	return 0;
}

static int cmd_show_print_elements(struct cli *c, const char *args)
{
	(void)args;
	unsigned n = ses_print_elements(c->ses);
	if (n)
		printf("Limit on array elements to print is %u.\n", n);
	else
		printf("Limit on array elements to print is unlimited.\n");
	return 0;
}

static void print_check(void *ctx, bool ok, const char *what)
{
	(void)ctx;
	printf("%s %s\n", ok ? "ok  " : "FAIL", what);
}

static int cmd_maint_check_cordebug(struct cli *c, const char *args)
{
	struct mx_err err;
	int failed = ses_managed_selftest(c->ses, *args ? args : NULL, print_check, NULL, &err);
	if (failed < 0)
		return report(&err);
	printf("%d check%s failed.\n", failed, failed == 1 ? "" : "s");
	return failed ? -1 : 0;
}

struct source_seen {
	char **paths;
	size_t n, cap;
};

static void print_source(void *ctx, const char *path)
{
	struct source_seen *seen = ctx;
	for (size_t i = 0; i < seen->n; i++)
		if (strcmp(seen->paths[i], path) == 0)
			return;
	xgrow((void **)&seen->paths, &seen->cap, seen->n + 1, sizeof(*seen->paths));
	seen->paths[seen->n++] = xstrdup(path);
	printf("%s\n", path);
}

static int cmd_info_sources(struct cli *c, const char *args)
{
	(void)args;
	if (!ses_has_process(c->ses))
		return cli_error("No program is loaded (sources are listed once it runs).");
	struct source_seen seen = {0};
	ses_sources(c->ses, print_source, &seen);
	if (!seen.n)
		printf("No loaded module has source information.\n");
	for (size_t i = 0; i < seen.n; i++)
		free(seen.paths[i]);
	free(seen.paths);
	return 0;
}

static int cmd_info_sharedlibrary(struct cli *c, const char *args)
{
	(void)args;
	size_t n = ses_module_count(c->ses);
	if (!n) {
		printf("No shared libraries loaded at this time.\n");
		return 0;
	}
	printf("From                To                  Debug info  Object\n");
	for (size_t i = 0; i < n; i++) {
		struct ses_module_info m;
		ses_module_at(c->ses, i, &m);
		if (m.managed)
			printf("%-18s  %-18s  %-11s %s\n", "(managed)", "",
			       m.has_dwarf ? "Yes (PDB)" : "No", m.path);
		else
			printf("0x%016" PRIx64 "  0x%016" PRIx64 "  %-11s %s\n", m.lo, m.hi,
			       m.has_dwarf ? "Yes" : "No", m.path);
	}
	return 0;
}

static void print_policy_header(void)
{
	printf("Signal        Stop\tPrint\tPass to program\tDescription\n");
}

static void print_policy(int sig, unsigned f)
{
	/* "Native": a .NET program's fault stops only in native code (TR_SIG_NATIVE_FAULT) */
	printf("%-13s %s\t%s\t%s\t\t%s\n", ses_signal_name(sig),
	       f & TR_SIG_STOP		 ? "Yes"
	       : f & TR_SIG_NATIVE_FAULT ? "Native"
					 : "No",
	       f & TR_SIG_PRINT ? "Yes" : "No", f & TR_SIG_PASS ? "Yes" : "No",
	       ses_signal_desc(sig));
}

static int cmd_handle(struct cli *c, const char *args)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", args);
	char *tok = strtok(buf, " \t");
	if (!tok)
		return cli_error("Usage: handle SIGNAL [stop|nostop|print|noprint|pass|nopass]...");
	int sig = ses_signal_parse(tok);
	if (!sig)
		return cli_error("Unknown signal '%s' (use a name like SIGUSR1 or a number 1-64).",
				 tok);
	unsigned f;
	struct mx_err err;
	ses_signal_policy(c->ses, sig, &f, false, &err);
	bool changed = false;
	while ((tok = strtok(NULL, " \t"))) {
		if (!strcmp(tok, "stop"))
			f |= TR_SIG_STOP | TR_SIG_PRINT;
		else if (!strcmp(tok, "nostop"))
			f &= ~(TR_SIG_STOP | TR_SIG_NATIVE_FAULT);
		else if (!strcmp(tok, "print"))
			f |= TR_SIG_PRINT;
		else if (!strcmp(tok, "noprint"))
			f &= ~(TR_SIG_PRINT | TR_SIG_STOP | TR_SIG_NATIVE_FAULT);
		else if (!strcmp(tok, "pass") || !strcmp(tok, "noignore"))
			f |= TR_SIG_PASS;
		else if (!strcmp(tok, "nopass") || !strcmp(tok, "ignore"))
			f &= ~TR_SIG_PASS;
		else
			return cli_error("Unrecognized action '%s' (stop, nostop, print, noprint, "
					 "pass, nopass).",
					 tok);
		changed = true;
	}
	if (changed && ses_signal_policy(c->ses, sig, &f, true, &err) != 0)
		return report(&err);
	print_policy_header();
	print_policy(sig, f);
	return 0;
}

static int cmd_info_signals(struct cli *c, const char *args)
{
	print_policy_header();
	for (int sig = 1; sig <= 64; sig++) {
		if (*args && sig != ses_signal_parse(args))
			continue;
		unsigned f;
		ses_signal_policy(c->ses, sig, &f, false, NULL);
		print_policy(sig, f);
	}
	return 0;
}

static int cmd_file(struct cli *c, const char *args)
{
	if (!*args)
		return cli_error("Usage: file PROGRAM");
	struct mx_err err;
	if (ses_set_program(c->ses, args, &err) != 0)
		return report(&err);
	printf("Reading symbols from %s...\n", ses_program(c->ses));
	return 0;
}

static int cmd_set_args(struct cli *c, const char *args)
{
	char **v;
	int n = split_args(args, &v);
	ses_set_args(c->ses, n, v);
	free_argv(v, n);
	return 0;
}

static int cmd_help(struct cli *c, const char *args);

static int cmd_quit(struct cli *c, const char *args)
{
	(void)args;
	c->quit = true;
	return 0;
}

const struct cli_cmd cli_commands[] = {
    {"run", "r", "[ARGS...]",
     "Start the program under the debugger, with ARGS (or the previous arguments), and run "
     "it until it stops or exits.",
     cmd_run},
    {"start", NULL, "[ARGS...]",
     "Like run, but stop at the beginning of main (a temporary breakpoint).", cmd_start},
    {"attach", NULL, "PID", "Attach to the running process PID (every thread) and stop it.",
     cmd_attach},
    {"detach", NULL, "", "Remove every breakpoint and let the program run on as if never debugged.",
     cmd_detach},
    {"kill", "k", "", "Kill the program being debugged.", cmd_kill},
    {"continue", "c, cont, fg", "[N]",
     "Resume the program. With N, ignore the breakpoint stopped at N-1 more times. A step "
     "that another thread's stop interrupted (info threads marks its thread) goes on: the "
     "program stops where that step ends, or at any stop before ('thread step-abandon' "
     "first to just continue).",
     cmd_continue},
    {"stepi", "si", "[N]", "Execute one machine instruction (N times) in the current thread.",
     cmd_stepi},
    {"nexti", "ni", "[N]",
     "Execute one machine instruction, running a called function to its return.", cmd_nexti},
    {"step", "s", "[N]",
     "Run to the next source line, entering called functions that have line information.",
     cmd_step},
    {"next", "n", "[N]", "Run to the next source line of this function, over calls.", cmd_next},
    {"jump", "j", "LINE | FILE:LINE",
     "Go on at LINE (of FILE) in the current function: the current thread's pc moves to the "
     "line's first code (C# at a managed stop: the runtime's SetIP), then the program continues. "
     "Lines in other functions are refused.",
     cli_cmd_jump},
    {"until", "u", "[N]",
     "Like next, but a jump backwards (the end of a loop) does not stop: runs a loop to its exit.",
     cmd_until},
    {"finish", "fin", "",
     "Run until the selected frame returns (recursion-aware: the same frame, by its "
     "stack address).",
     cmd_finish},
    {"break", "b, br", "[LOCATION] [if CONDITION]",
     "Set a breakpoint at LOCATION: FUNCTION, FILE:LINE, LINE (in the current file) or "
     "*ADDRESS. It is set in every loaded module that matches, and stays pending for "
     "libraries not loaded yet. CONDITION is an expression over registers ($rdi == 5).",
     cmd_break},
    {"tbreak", NULL, "LOCATION", "Set a temporary breakpoint: deleted when first hit.", cmd_tbreak},
    {"dprintf", NULL, "LOCATION,\"FORMAT\",ARG...",
     "Set a breakpoint that prints FORMAT with the values of the C expressions ARG... (%d %i "
     "%u %x %o %c %s %p %f %g %e %%, with h, l, ll, z) and goes on; it does not end a step "
     "under way. At a C# hit each ARG shows as print would.",
     cli_cmd_dprintf},
    {"logpoint", NULL, "LOCATION MESSAGE",
     "Set a breakpoint that prints MESSAGE, each {EXPRESSION} in it evaluated at the hit (C or "
     "C#; {{ and }} for braces; C# runs no code there), and goes on.",
     cli_cmd_logpoint},
    {"watch", NULL, "VARIABLE | *ADDRESS",
     "Stop after each write to VARIABLE (its size from the symbol table) or to the 4 bytes at "
     "ADDRESS, showing the old and new values. Hardware: 4 at most, 1/2/4/8 aligned bytes.",
     cmd_watch},
    {"rwatch", NULL, "VARIABLE | *ADDRESS",
     "Stop after each access (x86 has no read-only watchpoints: reads and writes).", cmd_rwatch},
    {"awatch", NULL, "VARIABLE | *ADDRESS", "Stop after each read or write.", cmd_awatch},
    {"delete", "d", "[N...]", "Delete breakpoints N... (all if none given).", cmd_delete},
    {"disable", NULL, "[N...]", "Disable breakpoints N... (all if none given).", cmd_disable},
    {"enable", NULL, "[N...]", "Enable breakpoints N... (all if none given).", cmd_enable},
    {"condition", NULL, "N [EXPRESSION]",
     "Stop at breakpoint N only when EXPRESSION (over registers and numbers) is nonzero; "
     "without EXPRESSION, make it unconditional.",
     cmd_condition},
    {"ignore", NULL, "N COUNT",
     "Ignore the next COUNT hits of breakpoint N (decided in the tracer: an ignored hit "
     "costs no round trip).",
     cmd_ignore},
    {"info breakpoints", "i b, info b, info break", "",
     "List breakpoints with their locations, conditions and hit counts.", cmd_info_breakpoints},
    {"info threads", "i threads", "", "List the program's threads and where each one is.",
     cmd_info_threads},
    {"thread", NULL, "[N]", "Select thread N (or show the current thread).", cmd_thread},
    {"thread freeze", NULL, "[N...|all]",
     "Freeze threads N... (the current one if none given): they stay stopped when the program "
     "continues or steps, the others run. In a .NET program at a managed stop; a frozen thread "
     "cannot step. If only frozen or blocked threads could go on, the program waits: Ctrl-C "
     "stops it.",
     cli_cmd_thread_freeze},
    {"thread thaw", NULL, "[N...|all]",
     "Thaw frozen threads N... (the current one if none given): they run again with the others.",
     cli_cmd_thread_thaw},
    {"thread step-abandon", NULL, "",
     "Drop the step (step, next, until, finish, nexti) that another thread's stop interrupted: "
     "the next continue just continues. A new step command replaces it too.",
     cli_cmd_thread_step_abandon},
    {"thread apply", NULL, "all|N... COMMAND",
     "Run COMMAND for each listed thread (all: every thread), e.g. thread apply all bt.",
     cmd_thread_apply},
    {"backtrace", "bt, where", "[N]",
     "Show the call stack of the current thread (the first N frames), unwound with the "
     "modules' call-frame information.",
     cmd_backtrace},
    {"frame", "f", "[N | function NAME]",
     "Select frame N of the current thread, or the innermost frame of function NAME (a .NET "
     "method also by its last dotted parts: Main, Program.Main); without argument, show the "
     "selected one.",
     cmd_frame},
    {"up", NULL, "[N]", "Select the frame N levels up (towards the caller).", cmd_up},
    {"down", NULL, "[N]", "Select the frame N levels down (towards the innermost).", cmd_down},
    {"list", "l", "[LINE | FILE:LINE | -]",
     "Show ten source lines around the selected frame's line (or around LINE, of FILE), then "
     "the next ten at each `list`, or the ten before with `list -`. A C# source that is not on "
     "this machine is read from the assembly's PDB when the sources are embedded in it.",
     cli_cmd_list},
    {"info locals", NULL, "",
     "Show the local variables of the selected frame (innermost scope first), from DWARF.",
     cmd_info_locals},
    {"info args", NULL, "", "Show the arguments of the selected frame.", cmd_info_args},
    {"print", "p, inspect", "EXPRESSION",
     "Evaluate a C expression over the selected frame's variables (locals, arguments, globals): "
     "literals, names, a.b, p->b, a[i], *p, &x, casts, arithmetic, comparison, logical and bitwise "
     "operators. Values are shown like gdb (structs, arrays, pointers with their strings).",
     cmd_print},
    {"ptype", NULL, "EXPRESSION",
     "The type of an expression in the selected frame (C or C#), with the members of a struct, "
     "union, enum or class spelled out.",
     cmd_ptype},
    {"whatis", NULL, "EXPRESSION", "The name of the type of an expression in the selected frame.",
     cmd_whatis},
    {"call", NULL, "EXPRESSION",
     "At a managed stop, evaluate a C# expression like print, running the methods, property "
     "getters and constructors it calls (gdb's call: nothing is shown for a void result). It "
     "runs on the current thread while the other managed threads stay suspended; an exception "
     "it throws is shown, and it is aborted after the evaluation timeout. If it hits a "
     "breakpoint the program stops there (the call is abandoned); `continue` lets it finish "
     "and stops again where it was called, showing its result. Calls of C functions (a native "
     "frame) are not supported yet.",
     cli_cmd_call},
    {"info sources", NULL, "",
     "List the source files of the loaded modules: the compilation units of native code with "
     "DWARF, the documents of the assemblies' PDBs.",
     cmd_info_sources},
    {"info sharedlibrary", "info shared, i shared, info dll", "",
     "List the loaded ELF objects with their address ranges and whether debug info was "
     "found.",
     cmd_info_sharedlibrary},
    {"info registers", "i r, info reg", "[REGISTER...]",
     "Show the general registers of the current thread, or the named ones: general, x87 "
     "(st0-st7, fctrl, fstat, ftag, fiseg, fioff, foseg, fooff, fop), SSE (xmm0-xmm15, "
     "mxcsr) and AVX (ymm0-ymm15).",
     cli_cmd_info_registers},
    {"info all-registers", NULL, "[REGISTER...]",
     "Show every register of the current thread: general, x87, SSE and AVX.",
     cli_cmd_info_all_registers},
    {"info signals", "i signals, info handle", "[SIGNAL]",
     "Show what the debugger does with each signal.", cmd_info_signals},
    {"handle", NULL, "SIGNAL ACTION...",
     "Set what happens when the program gets SIGNAL: stop/nostop, print/noprint, "
     "pass/nopass.",
     cmd_handle},
    {"x", NULL, "[/NFU] ADDRESS",
     "Examine memory: N units of format F (x d u o t c a s i) and size U (b h w g) from "
     "ADDRESS (a number, $register or symbol, with + and -).",
     cli_cmd_x},
    {"disassemble", NULL, "[ADDRESS]",
     "Disassemble the function holding ADDRESS (default: the selected frame's pc, marked "
     "=>).",
     cli_cmd_disassemble},
    {"file", NULL, "PROGRAM", "Use PROGRAM as the program to debug.", cmd_file},
    {"set var", "set variable", "VARIABLE = VALUE",
     "Assign an integer, a character ('c') or a float to a scalar variable (local, argument or "
     "global) of the selected frame; the program then runs with it.",
     cmd_set_var},
    {"set args", NULL, "ARGS...", "Set the arguments of the next run.", cmd_set_args},
    {"set native-only", NULL, "on|off",
     "Debug a .NET program as a native one only (no managed breakpoints, stacks or steps). "
     "Off by default: dotnet app.dll, app.dll and apphosts are debugged as .NET.",
     cmd_set_native_only},
    {"set managed-only", NULL, "on|off",
     "Debug a .NET program with the runtime's debugger (ICorDebug) alone: once the runtime is "
     "attached no thread is traced, so its faults and GC suspensions cost no ptrace stop. "
     "Managed breakpoints, steps, stacks, variables, threads, Ctrl-C, detach and kill work; "
     "native breakpoints, registers, watchpoints and `handle` are refused. Only between runs "
     "(also --managed-only); `run` refuses a program that is not .NET. At a terminal the "
     "program runs in a process group of its own (Ctrl-C reaches mixdbg only), so it cannot "
     "read the terminal.",
     cmd_set_managed_only},
    {"set just-my-code", "set jmc", "on|off",
     "Managed steps skip code without symbols (the framework); on by default.", cmd_set_jmc},
    {"set eval-timeout", NULL, "MILLISECONDS",
     "How long a function evaluation (`call`, property getters and ToString for display) may "
     "run before it is aborted; 5000 by default.",
     cli_cmd_set_eval_timeout},
    {"set eval-implicit", NULL, "on|off",
     "Whether displaying a managed object may run code in the program: with it on (the "
     "default) an object whose type overrides ToString() is shown as {Type} \"its text\".",
     cli_cmd_set_eval_implicit},
    {"set print managed-events", NULL, "on|off",
     "Print a line for each event of the .NET runtime (modules, threads, breakpoints...), "
     "and the synthesized \"attach complete\" after an attach.",
     cmd_set_print_events},
    {"set print elements", NULL, "N|unlimited",
     "Show at most N elements of an array when printing (C and C# arrays, C char arrays, "
     "C# ranges arr[a..b] and C's p@n), then \"...\"; 0 or unlimited: all of them. gdb's "
     "default, 200.",
     cmd_set_print_elements},
    {"show print elements", NULL, "", "Show the `set print elements` limit.",
     cmd_show_print_elements},
    {"maint info breakpoints", NULL, "",
     "For each native breakpoint, how often a thread stopped in the tracer at it (false "
     "conditions included) and how many hits counted: a condition decided inside the program "
     "stops the tracer only where it holds.",
     cmd_maint_info_breakpoints},
    {"maint check-cordebug", NULL, "[EXCEPTION-TYPE]",
     "At a managed stop, call each ICorDebug method mixdbg uses and check its answer against "
     "facts found without it (/proc, the assembly's metadata and PDB): proof that our "
     "declarations reach the right methods of this runtime. EXCEPTION-TYPE: the type of the "
     "thread's current exception, if stopped at one.",
     cmd_maint_check_cordebug},
    {"catch", NULL, "throw|user-unhandled [TYPE...] [!TYPE...] | off",
     "Stop at managed exceptions: `catch throw` when thrown (first chance, caught or not), "
     "`catch user-unhandled` when thrown in or through user code (modules with symbols) "
     "and caught outside it (by the framework); each replaces that kind's list. TYPEs "
     "(blanks or commas between them) are full or short names matched against the "
     "exception's exact type (not its base types); !TYPE excludes one; none: every "
     "exception. `catch off` clears both. Unhandled exceptions always stop.",
     cli_cmd_catch},
    {"info catch", NULL, "", "List which managed exceptions stop (see `catch`).",
     cli_cmd_info_catch},
    {"info exception", NULL, "",
     "At an exception stop: the exception's type and message, the chain of its inner "
     "exceptions (an AggregateException's count and first one) and the stack trace the "
     "runtime saved in it, if any. `print $exception` shows the exception object.",
     cli_cmd_info_exception},
    {"help", "h", "[COMMAND]", "List the commands, or describe one.", cmd_help},
    {"quit", "q, exit", "",
     "Exit mixdbg (a started program is killed, an attached one "
     "detached).",
     cmd_quit},
};
const size_t cli_ncommands = sizeof(cli_commands) / sizeof(cli_commands[0]);

static void print_help_row(const struct cli_cmd *cmd)
{
	printf("%s %s\n    %s\n", cmd->name, cmd->usage, cmd->help);
	if (cmd->aliases)
		printf("    Aliases: %s\n", cmd->aliases);
}

static int cmd_help(struct cli *c, const char *args)
{
	(void)c;
	if (*args) {
		const char *rest;
		const struct cli_cmd *cmd = cli_find_command(args, &rest);
		if (!cmd)
			return cli_error("Undefined command: \"%s\".  Try \"help\".", args);
		print_help_row(cmd);
		return 0;
	}
	printf("mixdbg commands (abbreviations are accepted when unambiguous):\n\n");
	for (size_t i = 0; i < cli_ncommands; i++)
		printf("  %-20s %s\n", cli_commands[i].name, cli_commands[i].usage);
	printf("\nType \"help COMMAND\" for a description.\n");
	return 0;
}

void cli_print_commands_markdown(FILE *out)
{
	fprintf(out, "# mixdbg commands\n\n"
		     "Generated from the command table in src/cli/commands.c by "
		     "`mixdbg --help-commands-markdown`; do not edit.\n\n"
		     "Unambiguous prefixes of a command are accepted (`cont`, `disa`).\n\n");
	for (size_t i = 0; i < cli_ncommands; i++) {
		const struct cli_cmd *cmd = &cli_commands[i];
		fprintf(out, "## `%s`\n\n`%s%s%s`\n\n%s\n\n", cmd->name, cmd->name,
			*cmd->usage ? " " : "", cmd->usage, cmd->help);
		if (cmd->aliases)
			fprintf(out, "Aliases: `%s`\n\n", cmd->aliases);
	}
}
