/* session.c: the session object: launch, attach, the wait for the next stop, detach and kill.
 *
 * The wait loop is where the tracer's events become the user's: thread and signal news are
 * passed on as notes; a hit of the dynamic loader's breakpoint updates the library list and
 * continues; a hit whose every breakpoint has a false condition continues; anything else is
 * a stop, reported once.
 */
#include "session/ses_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "native/lines.h"
#include "util/xalloc.h"

extern char **environ;

static void notify_nothing(void *ctx, const struct ses_note *n)
{
	(void)ctx;
	(void)n;
}

int ses_new(struct ses **out, const struct ses_options *opt, ses_notify_fn fn, void *ctx,
	    struct mx_err *err)
{
	struct ses *s = xcalloc(1, sizeof(*s));
	s->sock = -1;
	s->memfd = -1;
	s->intr_pipe[0] = s->intr_pipe[1] = -1;
	s->notify = fn ? fn : notify_nothing;
	s->notify_ctx = ctx;
	s->jmc = true;
	s->eval_timeout_ms = 5000;
	s->eval_implicit = true;
	s->debug_dirs = opt && opt->debug_dirs ? xstrdup(opt->debug_dirs) : NULL;
	uint8_t policy[65];
	tr_default_sigpolicy(policy);
	for (int i = 1; i <= 64; i++)
		s->sigpolicy[i] = policy[i];
	if (nat_syms_new(&s->syms, s->debug_dirs, err) != 0 ||
	    ses_link_start(s, opt ? opt->tracer_path : NULL, err) != 0) {
		ses_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

static void forget_process(struct ses *s)
{
	ses_managed_forget(s);
	s->frozen = false;
	ses_bp_process_gone(s);
	ses_watch_process_gone(s);
	ses_solib_clear(s);
	s->pid = 0;
	ses_pstep_disarm(s); /* (its breakpoints left with the process) */
	ses_pending_forget(s);
	s->attached = false;
	s->untraced = false;
	s->nthreads = 0;
	s->cur_tid = 0;
	s->last_stop_pc = 0;
	ses_stack_invalidate(s);
	if (s->memfd >= 0)
		close(s->memfd);
	s->memfd = -1;
}

void ses_free(struct ses *s)
{
	if (!s)
		return;
	if (s->pid) {
		if (s->attached)
			ses_detach(s, NULL);
		else
			ses_kill(s, NULL);
	}
	ses_link_stop(s);
	ses_break_delete_all(s);
	ses_solib_clear(s);
	free(s->libs);
	free(s->bps);
	free(s->watches);
	ses_exc_free(s);
	free(s->threads);
	free(s->bt);
	nat_syms_free(s->syms);
	nat_syms_free(s->static_syms);
	clr_app_free(&s->app);
	free(s->debug_dirs);
	free(s->program);
	for (int i = 0; i < s->nargs; i++)
		free(s->args[i]);
	free(s->args);
	if (s->memfd >= 0)
		close(s->memfd);
	free(s);
}

/* gdb's rule: a name without '/' is looked up in the current directory, then in PATH. */
static char *find_program(const char *name)
{
	if (strchr(name, '/') || access(name, F_OK) == 0)
		return xstrdup(name);
	const char *path = getenv("PATH");
	if (!path)
		return xstrdup(name);
	while (*path) {
		size_t n = strcspn(path, ":");
		char *cand = xasprintf("%.*s/%s", (int)n, path, name);
		if (access(cand, X_OK) == 0)
			return cand;
		free(cand);
		path += n + (path[n] == ':');
	}
	return xstrdup(name);
}

int ses_set_program(struct ses *s, const char *path, struct mx_err *err)
{
	char *full = find_program(path);
	struct stat st;
	if (stat(full, &st) != 0) {
		int e = errno;
		free(full);
		return mx_err_errno(err, e, "cannot use '%s' as the program", path);
	}
	if (S_ISDIR(st.st_mode)) {
		free(full);
		return mx_err_set(err, "cannot use '%s' as the program: it is a directory", path);
	}
	free(s->program);
	s->program = full;
	nat_syms_free(s->static_syms);
	s->static_syms = NULL;
	struct mx_err ignored;
	if (nat_syms_new(&s->static_syms, s->debug_dirs, &ignored) == 0 &&
	    nat_syms_add_module(s->static_syms, full, 0, NULL, &ignored) != 0) {
		/* not an ELF file we can read: checked again, with a message, at `run` */
		nat_syms_free(s->static_syms);
		s->static_syms = NULL;
	}
	return 0;
}

void ses_set_args(struct ses *s, int argc, char *const *argv)
{
	for (int i = 0; i < s->nargs; i++)
		free(s->args[i]);
	free(s->args);
	s->args = xcalloc((size_t)argc + 1, sizeof(char *));
	for (int i = 0; i < argc; i++)
		s->args[i] = xstrdup(argv[i]);
	s->nargs = argc;
}

const char *ses_program(const struct ses *s)
{
	return s->program;
}

bool ses_has_process(const struct ses *s)
{
	return s->pid != 0;
}

bool ses_is_attached(const struct ses *s)
{
	return s->attached;
}

pid_t ses_pid(const struct ses *s)
{
	return s->pid;
}

/* ---- threads ---- */

struct ses_thread *ses_thread_find(struct ses *s, pid_t tid)
{
	for (size_t i = 0; i < s->nthreads; i++)
		if (s->threads[i].tid == tid)
			return &s->threads[i];
	return NULL;
}

struct ses_thread *ses_thread_add(struct ses *s, pid_t tid)
{
	struct ses_thread *t = ses_thread_find(s, tid);
	if (t)
		return t;
	xgrow((void **)&s->threads, &s->cap_threads, s->nthreads + 1, sizeof(*s->threads));
	t = &s->threads[s->nthreads++];
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->num = ++s->next_thread_num;
	return t;
}

void ses_thread_remove(struct ses *s, pid_t tid)
{
	for (size_t i = 0; i < s->nthreads; i++) {
		if (s->threads[i].tid == tid) {
			memmove(&s->threads[i], &s->threads[i + 1],
				(s->nthreads - i - 1) * sizeof(*s->threads));
			s->nthreads--;
			return;
		}
	}
}

static void read_thread_name(struct ses *s, struct ses_thread *t)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task/%d/comm", (int)s->pid, (int)t->tid);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	if (fgets(t->name, sizeof(t->name), f))
		t->name[strcspn(t->name, "\n")] = 0;
	fclose(f);
}

size_t ses_thread_count(const struct ses *s)
{
	return s->nthreads;
}

const struct ses_thread *ses_thread_at(struct ses *s, size_t i)
{
	if (i >= s->nthreads)
		return NULL;
	read_thread_name(s, &s->threads[i]);
	return &s->threads[i];
}

int ses_select_thread(struct ses *s, int num, struct mx_err *err)
{
	for (size_t i = 0; i < s->nthreads; i++) {
		if (s->threads[i].num == num) {
			s->cur_tid = s->threads[i].tid;
			s->cur_frame = 0;
			return 0;
		}
	}
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	return mx_err_set(err, "Invalid thread ID: %d (see 'info threads').", num);
}

const struct ses_thread *ses_current_thread(const struct ses *s)
{
	for (size_t i = 0; i < s->nthreads; i++)
		if (s->threads[i].tid == s->cur_tid)
			return &s->threads[i];
	return NULL;
}

static void refresh_threads(struct ses *s)
{
	struct tr_msg rep = {.fd = -1};
	if (ses_call(s, TR_REQ_THREADS, NULL, 0, &rep, NULL) != 0)
		return;
	size_t n = rep.hdr.len / sizeof(struct tr_thread_info);
	struct tr_thread_info *v = rep.payload;
	for (size_t i = 0; i < n; i++) /* leader first, so it gets number 1 */
		if (v[i].flags & TR_THREAD_LEADER)
			ses_thread_add(s, v[i].tid);
	for (size_t i = 0; i < n; i++)
		ses_thread_add(s, v[i].tid);
	tr_msg_free(&rep);
}

/* ---- memory, registers, symbols ---- */

int ses_read_memory(struct ses *s, uint64_t addr, void *buf, size_t len, struct mx_err *err)
{
	if (!s->pid || s->memfd < 0)
		return mx_err_set(err, "The program is not being run.");
	ssize_t n = pread(s->memfd, buf, len, (off_t)addr);
	if (n != (ssize_t)len)
		return mx_err_set(err, "Cannot access memory at address 0x%" PRIx64, addr);
	/* show the program's bytes, not our int3s */
	uint64_t end = addr + len;
	for (size_t i = 0; i < s->nbps; i++) {
		const struct ses_bp *bp = s->bps[i];
		for (size_t j = 0; j < bp->nlocs; j++) {
			const struct ses_bp_loc *l = &bp->locs[j];
			if (l->inserted && l->addr >= addr && l->addr < end)
				((uint8_t *)buf)[l->addr - addr] = l->orig;
		}
	}
	if (s->solib_bp_inserted && s->solib_bp_addr >= addr && s->solib_bp_addr < end)
		((uint8_t *)buf)[s->solib_bp_addr - addr] = s->solib_bp_orig;
	return 0;
}

int ses_thread_registers(struct ses *s, enum tr_kind kind, pid_t tid, void *out, size_t size,
			 struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	if (ses_native_refused(s, "registers", err) != 0)
		return -1;
	struct tr_pid p = {.pid = tid};
	struct tr_msg rep = {.fd = -1};
	if (ses_call(s, kind, &p, sizeof(p), &rep, err) != 0)
		return -1;
	int rc = 0;
	if (rep.hdr.len >= size)
		memcpy(out, rep.payload, size);
	else
		rc = mx_err_set(err, "short register reply from the tracer");
	tr_msg_free(&rep);
	return rc;
}

int ses_get_regs(struct ses *s, pid_t tid, struct user_regs_struct *r, struct mx_err *err)
{
	return ses_thread_registers(s, TR_REQ_GET_REGS, tid, r, sizeof(*r), err);
}

int ses_thread_regs(struct ses *s, pid_t tid, struct user_regs_struct *r, struct mx_err *err)
{
	struct user_regs_struct leaf;
	if (s->mstopped && !s->untraced && ses_managed_leaf_regs(s, tid, &leaf) == 0) {
		/* flags and segment registers are not in the runtime's register set: the
		 * thread's own, when the tracer holds it */
		if (ses_get_regs(s, tid, r, NULL) != 0)
			memset(r, 0, sizeof(*r));
		r->rip = leaf.rip;
		r->rsp = leaf.rsp;
		r->rbp = leaf.rbp;
		r->rax = leaf.rax;
		r->rbx = leaf.rbx;
		r->rcx = leaf.rcx;
		r->rdx = leaf.rdx;
		r->rsi = leaf.rsi;
		r->rdi = leaf.rdi;
		r->r8 = leaf.r8;
		r->r9 = leaf.r9;
		r->r10 = leaf.r10;
		r->r11 = leaf.r11;
		r->r12 = leaf.r12;
		r->r13 = leaf.r13;
		r->r14 = leaf.r14;
		r->r15 = leaf.r15;
		return 0;
	}
	return ses_get_regs(s, tid, r, err);
}

void ses_describe(struct ses *s, uint64_t pc, struct ses_where *w)
{
	memset(w, 0, sizeof(*w));
	struct nat_addrinfo ai = {0};
	if (!s->syms || nat_syms_addr_info(s->syms, pc, &ai) != 0)
		return;
	if (ai.func)
		snprintf(w->func, sizeof(w->func), "%s", ai.func);
	if (ai.sym) {
		snprintf(w->sym, sizeof(w->sym), "%s", ai.sym);
		w->sym_off = pc - ai.sym_addr;
		w->sym_size = ai.sym_size;
	}
	if (ai.file) {
		snprintf(w->file, sizeof(w->file), "%s", ai.file);
		w->line = ai.line;
	}
	if (ai.module)
		snprintf(w->module, sizeof(w->module), "%s", nat_module_path(ai.module));
	nat_addrinfo_clear(&ai);
	if (w->file[0]) {
		struct nat_line_range lr;
		nat_line_range(s->syms, pc, &lr);
		w->line_start = lr.is_stmt_start;
	}
}

int ses_lookup_symbol(struct ses *s, const char *name, uint64_t *addr)
{
	for (size_t i = 0; i < s->nlibs; i++) {
		uint64_t a = nat_syms_symbol_addr(s->syms, s->libs[i].module, name);
		if (a) {
			*addr = a;
			return 0;
		}
	}
	return -1;
}

size_t ses_module_count(const struct ses *s)
{
	return s->nlibs + ses_managed_module_count(s);
}

void ses_module_at(const struct ses *s, size_t i, struct ses_module_info *out)
{
	memset(out, 0, sizeof(*out));
	if (i >= s->nlibs) {
		if (i - s->nlibs < ses_managed_module_count(s))
			ses_managed_module_at(s, i - s->nlibs, out);
		return;
	}
	const struct ses_lib *l = &s->libs[i];
	out->path = l->path;
	nat_module_range(l->module, &out->lo, &out->hi);
	out->has_dwarf = nat_module_has_dwarf(l->module, &out->debug_path);
}

void ses_sources(struct ses *s, void (*fn)(void *ctx, const char *path), void *ctx)
{
	for (size_t i = 0; i < s->nlibs; i++)
		nat_module_sources(s->libs[i].module, fn, ctx);
	ses_managed_sources(s, fn, ctx);
}

int ses_signal_policy(struct ses *s, int signo, unsigned *flags, bool set, struct mx_err *err)
{
	if (signo < 1 || signo > 64)
		return mx_err_set(err, "Only signals 1-64 are valid.");
	if (set && s->managed_only)
		return mx_err_set(err, "signal policies need mixed mode (set managed-only off): in "
				       "managed-only mode the program is not traced and gets its "
				       "signals untouched");
	if (set) {
		struct tr_sigpolicy p = {.signo = signo, .flags = *flags};
		if (ses_call(s, TR_REQ_SIGNAL_POLICY, &p, sizeof(p), NULL, err) != 0)
			return -1;
		s->sigpolicy[signo] = *flags;
		s->sig_user_set[signo] = true;
	}
	unsigned policy[65];
	memcpy(policy, s->sigpolicy, sizeof(policy));
	ses_managed_signal_defaults(s, policy);
	*flags = policy[signo];
	return 0;
}

/* ---- running ---- */

static void process_exited(struct ses *s, const struct tr_exit *ex)
{
	struct ses_stop st = {.kind = SES_STOP_EXITED,
			      .pid = ex->pid,
			      .exit_code = ex->code,
			      .exit_signo = ex->signo,
			      .exit_unknown = ex->unknown != 0};
	forget_process(s);
	struct ses_note n = {.kind = SES_NOTE_EXITED, .stop = &st};
	s->notify(s->notify_ctx, &n);
}

static int send_continue(struct ses *s, struct mx_err *err);

int ses_send_continue(struct ses *s, struct mx_err *err)
{
	return send_continue(s, err);
}

static int send_continue(struct ses *s, struct mx_err *err)
{
	ses_stack_invalidate(s);
	if (ses_call(s, TR_REQ_CONT, NULL, 0, NULL, err) != 0)
		return -1;
	/* the runtime's threads run again: what ICorDebug could not do at the stop, now */
	ses_managed_run_deferred(s);
	return 0;
}

/* Decides whether a breakpoint stop is the user's. Fills st for a user stop. */
static bool breakpoint_stop(struct ses *s, const struct tr_stop *ev, struct ses_stop *st)
{
	bool user = false;
	for (uint32_t i = 0; i < ev->ngroups && i < TR_STOP_MAX_GROUPS; i++) {
		const struct tr_group *g = &ev->groups[i];
		if (g->id == SES_GROUP_SOLIB) {
			ses_solib_sync(s);
			continue;
		}
		if (g->id == SES_GROUP_STEP) {
			st->step_bp = true; /* the stepping engine decides (step.c) */
			continue;
		}
		struct ses_bp *bp = ses_bp_find(s, (int)g->id);
		if (!bp || !bp->enabled)
			continue;
		bp->hits = g->hits;
		/* a condition was already found true by the tracer (cond.c), unless it runs here */
		if (bp->condition && bp->cond_in_session) {
			bool yes = true;
			struct mx_err cerr;
			if (ses_cond_eval_here(s, ev->tid, bp->condition, &yes, &cerr) != 0) {
				struct ses_note n = {.kind = SES_NOTE_BP_RESOLVED,
						     .bp_id = bp->id,
						     .text = cerr.msg};
				s->notify(s->notify_ctx, &n); /* an error in a condition stops */
			} else if (!yes) {
				/* not a hit after all (the tracer counted it) */
				struct tr_group ug = {.id = g->id};
				ses_call(s, TR_REQ_GROUP_UNHIT, &ug, sizeof(ug), NULL, NULL);
				if (bp->hits)
					bp->hits--;
				continue;
			}
		}
		if (!ses_bp_hit_wanted(bp, g->hits))
			continue; /* counted, but its hit condition picks other hits */
		if (bp->log_kind != SES_LOG_NONE) {
			/* logs and goes on (not while a function is evaluated: its stops are
			 * passed over) */
			if (!s->feval_waiting)
				ses_bp_log_hit(s, bp, ev->tid, false);
			continue;
		}
		if (!user) {
			user = true;
			st->bp_id = bp->id;
			st->bp_hits = g->hits;
			st->bp_temporary = bp->temporary;
		}
	}
	if (user && st->bp_temporary)
		ses_break_delete(s, st->bp_id, NULL);
	return user;
}

/* Waits until the program stops for the user, or exits. */
int ses_wait_event(struct ses *s, struct ses_stop *out, struct mx_err *err)
{
	bool interrupt_sent = false, interrupt_wanted = false;
	/* A program we started shares our terminal: Ctrl-C reaches it as SIGINT, which stops it
	 * by itself. Asking the tracer to interrupt as well could stop it before that SIGINT is
	 * delivered, and the SIGINT would then stop it a second time after `continue`. So wait a
	 * moment for the program's own stop first. */
	bool shares_terminal = !s->attached && isatty(STDIN_FILENO);
	for (;;) {
		struct tr_msg m;
		int timeout = interrupt_wanted && !interrupt_sent ? 300 : -1;
		bool past_deadline = false;
		if (s->feval_deadline_ms) {
			/* a function evaluation waits until its deadline only (feval.c) */
			struct timespec ts;
			clock_gettime(CLOCK_MONOTONIC, &ts);
			uint64_t now =
			    (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
			uint64_t left = s->feval_deadline_ms > now ? s->feval_deadline_ms - now : 0;
			past_deadline = left == 0;
			if (timeout < 0 || left < (uint64_t)timeout)
				timeout = (int)left;
		}
		int r = past_deadline ? 2 : ses_next_event(s, &m, timeout);
		if (s->feval_waiting && (r == 0 || (r == 2 && s->feval_deadline_ms))) {
			/* the evaluation's time is up, or the user interrupted it: it is aborted */
			memset(out, 0, sizeof(*out));
			out->eval_timeout = true;
			s->feval_interrupted = r == 0;
			return 0;
		}
		if (r == 0 && s->untraced) {
			if (s->attaching)
				continue; /* the attach ends in a stop anyway */
			/* untraced: no SIGINT reached the program through us; the runtime
			 * stops it (an async break) */
			struct ses_stop mst;
			if (ses_managed_async_break(s, &mst, err) != 0)
				return -1;
			s->last_stop_pc = mst.pc;
			*out = mst;
			return 0;
		}
		if (r == 2 || (r == 0 && !shares_terminal)) {
			if (!interrupt_sent)
				ses_call(s, TR_REQ_INTERRUPT, NULL, 0, NULL, NULL);
			interrupt_sent = true;
			continue;
		}
		if (r < 0) {
			forget_process(s);
			return mx_err_set(err, "the tracer process died; the program is lost");
		}
		if (r == 0) {
			interrupt_wanted = true;
			continue;
		}
		if (r == 3) {
			struct ses_stop mst;
			if (ses_managed_pump(s, &mst) == 1) {
				ses_freeze_at_managed_stop(s);
				ses_stack_invalidate(s);
				s->last_stop_pc = mst.pc;
				*out = mst;
				return 0;
			}
			continue;
		}
		struct ses_stop st = {0};
		bool stop = false;
		switch (m.hdr.kind) {
		case TR_EV_THREAD: {
			struct tr_thread_ev te;
			memcpy(&te, m.payload, sizeof(te));
			struct ses_thread *t =
			    te.exited ? ses_thread_find(s, te.tid) : ses_thread_add(s, te.tid);
			/* the end of a thread never announced: no number to show */
			if (!t)
				break;
			struct ses_note n = {.kind = te.exited ? SES_NOTE_THREAD_EXIT
							       : SES_NOTE_THREAD_NEW,
					     .tid = te.tid,
					     .thread_num = t ? t->num : 0};
			s->notify(s->notify_ctx, &n);
			if (te.exited)
				ses_thread_remove(s, te.tid);
			break;
		}
		case TR_EV_SIGNAL: {
			struct tr_signal_ev se;
			memcpy(&se, m.payload, sizeof(se));
			struct ses_thread *t = ses_thread_find(s, se.tid);
			struct ses_note n = {.kind = SES_NOTE_SIGNAL,
					     .tid = se.tid,
					     .thread_num = t ? t->num : 0,
					     .signo = se.signo};
			s->notify(s->notify_ctx, &n);
			break;
		}
		case TR_EV_MEMFD:
			if (m.fd >= 0) {
				if (s->memfd >= 0)
					close(s->memfd);
				s->memfd = m.fd;
				m.fd = -1;
			}
			break;
		case TR_EV_EXIT: {
			struct tr_exit ex;
			memcpy(&ex, m.payload, sizeof(ex));
			tr_msg_free(&m);
			process_exited(s, &ex);
			memset(out, 0, sizeof(*out));
			out->kind = SES_STOP_EXITED;
			return 0;
		}
		case TR_EV_STOP: {
			struct tr_stop ev;
			memcpy(&ev, m.payload, sizeof(ev));
			st.tid = ev.tid;
			st.pc = ev.pc;
			ses_thread_add(s, ev.tid);
			switch (ev.reason) {
			case TR_STOP_BREAKPOINT:
				st.kind = SES_STOP_BREAKPOINT;
				stop = breakpoint_stop(s, &ev, &st);
				if (!stop && st.step_bp) {
					st.kind = SES_STOP_STEP; /* only the stepping engine's */
					stop = true;
				}
				break;
			case TR_STOP_SIGNAL:
				st.kind = SES_STOP_SIGNAL;
				st.signo = ev.signo;
				st.sigcode = ev.code;
				st.fault_addr = ev.fault_addr;
				stop = true;
				break;
			case TR_STOP_EXEC: {
				/* one thread survives an exec, with the leader's id: thread 1 again
				 */
				s->nthreads = 0;
				s->next_thread_num = 0;
				ses_thread_add(s, s->pid);
				ses_bp_process_gone(s);
				char exe_link[64], exe[PATH_MAX];
				snprintf(exe_link, sizeof(exe_link), "/proc/%d/exe", (int)s->pid);
				ssize_t len = readlink(exe_link, exe, sizeof(exe) - 1);
				exe[len > 0 ? len : 0] = 0;
				struct ses_note n = {.kind = SES_NOTE_EXEC, .text = exe};
				s->notify(s->notify_ctx, &n);
				struct mx_err e2;
				ses_solib_init(s, &e2);
				break;
			}
			case TR_STOP_STEP:
				st.kind = SES_STOP_STEP;
				stop = true;
				break;
			case TR_STOP_WATCH:
				st.kind = SES_STOP_WATCH;
				stop = ses_watch_hit(s, ev.watch_slot, &st);
				break;
			default:
				st.kind = SES_STOP_INTERRUPT;
				stop = true;
			}
			if (stop && s->feval_waiting) {
				/* a native stop while a function is evaluated (another thread's
				 * breakpoint, a signal): passed over, the evaluation goes on */
				stop = false;
			}
			if (interrupt_sent && !stop) {
				/* the user asked to stop: this stop is theirs */
				st.kind = SES_STOP_INTERRUPT;
				stop = true;
			}
			if (stop && s->clr && !s->attaching &&
			    (st.kind == SES_STOP_INTERRUPT ||
			     (st.kind == SES_STOP_SIGNAL && st.signo == SIGINT))) {
				/* in a .NET program the user's interrupt is the runtime's: let
				 * its threads run again and have it stop them (async break) */
				tr_msg_free(&m);
				struct ses_stop mst;
				if (ses_managed_async_break(s, &mst, err) != 0)
					return -1;
				s->last_stop_pc = mst.pc;
				*out = mst;
				return 0;
			}
			break;
		}
		default:
			break;
		}
		tr_msg_free(&m);
		if (m.hdr.kind != TR_EV_STOP)
			continue;
		if (!stop) {
			if (send_continue(s, err) != 0)
				return -1;
			continue;
		}
		struct ses_thread *t = ses_thread_find(s, st.tid);
		st.thread_num = t ? t->num : 0;
		ses_stack_invalidate(s);
		s->cur_tid = st.tid;
		s->last_stop_pc = st.pc;
		*out = st;
		return 0;
	}
}

void ses_report_stop(struct ses *s, const struct ses_stop *st)
{
	if (st->kind == SES_STOP_EXITED)
		return; /* already told */
	struct ses_note n = {
	    .kind = SES_NOTE_STOPPED, .stop = st, .tid = st->tid, .thread_num = st->thread_num};
	s->notify(s->notify_ctx, &n);
}

static int wait_stop(struct ses *s, struct mx_err *err)
{
	struct ses_stop st;
	if (ses_wait_event(s, &st, err) != 0)
		return -1;
	ses_report_stop(s, &st);
	return 0;
}

static char *build_launch(struct ses *s, uint32_t *len)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof(cwd)))
		cwd[0] = 0;
	/* an assembly given as the program runs as `dotnet app.dll ARGS` */
	const char *host = s->app.kind == CLR_APP_DLL ? s->app.host : NULL;
	size_t envc = 0, size = sizeof(struct tr_launch) + strlen(cwd) + 1;
	size += strlen(s->program) + 1 + (host ? strlen(host) + 1 : 0);
	for (int i = 0; i < s->nargs; i++)
		size += strlen(s->args[i]) + 1;
	for (char **e = environ; *e; e++, envc++)
		size += strlen(*e) + 1;
	char *buf = xmalloc(size), *p = buf;
	struct tr_launch hdr = {.argc = (uint32_t)s->nargs + 1 + (host ? 1 : 0),
				.envc = (uint32_t)envc};
	/* untraced, the program's SIGINT from the terminal's Ctrl-C could not be held back: in a
	 * process group of its own it gets none, and the session stops it through the runtime
	 * (the price: it cannot read the terminal, SIGTTIN) */
	if (s->managed_only && isatty(STDIN_FILENO))
		hdr.flags |= TR_LAUNCH_OWN_PGRP;
	memcpy(p, &hdr, sizeof(hdr));
	p += sizeof(hdr);
#define PUT(str) (p = stpcpy(p, (str)) + 1)
	PUT(cwd);
	if (host)
		PUT(host);
	PUT(s->program);
	for (int i = 0; i < s->nargs; i++)
		PUT(s->args[i]);
	for (char **e = environ; *e; e++)
		PUT(*e);
#undef PUT
	*len = (uint32_t)size;
	return buf;
}

static void push_signal_policies(struct ses *s)
{
	unsigned policy[65];
	memcpy(policy, s->sigpolicy, sizeof(policy));
	ses_managed_signal_defaults(s, policy);
	for (int i = 1; i <= 64; i++) {
		struct tr_sigpolicy p = {.signo = i, .flags = policy[i]};
		ses_call(s, TR_REQ_SIGNAL_POLICY, &p, sizeof(p), NULL, NULL);
	}
}

static int started(struct ses *s, struct tr_msg *rep, bool attached, struct mx_err *err)
{
	struct tr_launched l = {0};
	if (rep->hdr.len >= sizeof(l))
		memcpy(&l, rep->payload, sizeof(l));
	s->pid = l.pid;
	s->attached = attached;
	s->memfd = rep->fd;
	rep->fd = -1;
	tr_msg_free(rep);
	s->nthreads = 0;
	s->next_thread_num = 0;
	refresh_threads(s);
	s->cur_tid = s->pid;
	if (ses_solib_init(s, err) != 0)
		return -1;
	if (attached)
		ses_solib_sync(s);
	ses_bp_apply_ignores(s);
	return 0;
}

int ses_run(struct ses *s, bool stop_at_main, struct mx_err *err)
{
	if (!s->program)
		return mx_err_set(err, "No executable file specified. Use 'file PROGRAM' or "
				       "'mixdbg PROGRAM'.");
	if (s->pid)
		return mx_err_set(err,
				  "The program is already running (process %d). Use 'kill' "
				  "or 'detach' first.",
				  (int)s->pid);
	if (ses_managed_detect(s, err) != 0)
		return -1;
	if (s->managed_only && !ses_managed_wanted(s))
		return mx_err_set(err,
				  "managed-only mode debugs .NET programs and %s is not one (set "
				  "managed-only off)",
				  s->program);
	if (s->app.kind != CLR_APP_DLL && access(s->program, X_OK) != 0)
		return mx_err_errno(err, errno, "cannot execute '%s'", s->program);
	uint32_t len;
	char *payload = build_launch(s, &len);
	push_signal_policies(s);
	struct tr_msg rep = {.fd = -1};
	int r = ses_call(s, TR_REQ_LAUNCH, payload, len, &rep, err);
	free(payload);
	if (r != 0)
		return -1;
	if (started(s, &rep, false, err) != 0 || ses_managed_prepare(s, err) != 0) {
		ses_kill(s, NULL);
		return -1;
	}
	if (stop_at_main && ses_managed_wanted(s)) {
		char msg[1024];
		if (ses_managed_break_entry(s, msg, sizeof(msg), err) != 0) {
			ses_kill(s, NULL);
			return -1;
		}
	} else if (stop_at_main) {
		char msg[1024];
		int id;
		struct mx_err e2;
		if (ses_break(s, "main", true, &id, msg, sizeof(msg), &e2) == 0 &&
		    ses_bp_find(s, id)->nlocs == 0) {
			ses_break_delete(s, id, NULL);
			ses_kill(s, NULL);
			return mx_err_set(err, "no function 'main' in %s", s->program);
		}
	}
	if (send_continue(s, err) != 0)
		return -1;
	return wait_stop(s, err);
}

/* Hands the tracer the descriptors the next launch gives the program (-1: forget the one kept).
 * ses_call cannot carry a descriptor, so the message goes straight out; its reply carries no
 * news and ses_call drops it as a reply nobody waits for. The tracer serves requests in order,
 * so the descriptors are in place before the TR_REQ_LAUNCH that follows. */
static void send_stdio(struct ses *s, const int stdio[3])
{
	for (int i = 0; i < 3; i++) {
		struct tr_stdio sio = {.which = i};
		if (s->sock >= 0)
			tr_send(s->sock, TR_REQ_STDIO, ++s->next_seq, 0, &sio, sizeof(sio),
				stdio ? stdio[i] : -1);
	}
}

int ses_run_stdio(struct ses *s, bool stop_at_main, const int stdio[3], struct mx_err *err)
{
	send_stdio(s, stdio);
	int r = ses_run(s, stop_at_main, err);
	if (r != 0)
		send_stdio(s, NULL); /* a launch that never happened must not keep them */
	return r;
}

int ses_attach(struct ses *s, pid_t pid, struct mx_err *err)
{
	if (s->pid)
		return mx_err_set(err,
				  "Already debugging process %d. Use 'detach' or 'kill' first.",
				  (int)s->pid);
	/* a .NET process (its runtime mapped) is debugged on both sides: its runtime's
	 * signals then pass quietly from the first instant */
	struct clr_runtime rt;
	bool managed = ses_managed_probe(s, pid, &rt);
	if (s->managed_only && !managed)
		return mx_err_set(
		    err,
		    "managed-only mode debugs .NET processes and process %d runs no .NET "
		    "runtime (set managed-only off)",
		    (int)pid);
	push_signal_policies(s);
	struct tr_pid p = {.pid = pid};
	struct tr_msg rep = {.fd = -1};
	if (ses_call(s, TR_REQ_ATTACH, &p, sizeof(p), &rep, err) != 0)
		return -1;
	char link[64], exe[PATH_MAX];
	snprintf(link, sizeof(link), "/proc/%d/exe", (int)pid);
	ssize_t n = readlink(link, exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = 0;
		if (!s->program)
			ses_set_program(s, exe, NULL);
	}
	if (started(s, &rep, true, err) != 0) {
		ses_detach(s, NULL);
		return -1;
	}
	if (managed && ses_managed_attach(s, &rt) == 0)
		return 0; /* stopped by the runtime once its attach events are in */
	if (s->managed_only) {
		/* without the runtime there is nothing to debug in this mode: let it go */
		ses_call(s, TR_REQ_DETACH, NULL, 0, NULL, NULL);
		forget_process(s);
		return mx_err_set(err,
				  "process %d not attached: managed-only mode needs the "
				  "runtime's debugger (see above)",
				  (int)pid);
	}
	struct ses_stop st = {.kind = SES_STOP_INTERRUPT, .tid = pid, .thread_num = 1};
	struct user_regs_struct regs;
	if (ses_get_regs(s, pid, &regs, NULL) == 0)
		st.pc = regs.rip;
	s->last_stop_pc = st.pc;
	struct ses_note note = {.kind = SES_NOTE_STOPPED, .stop = &st, .tid = pid, .thread_num = 1};
	s->notify(s->notify_ctx, &note);
	return 0;
}

static int need_stopped_process(struct ses *s, struct mx_err *err)
{
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	return 0;
}

/* Resumes the program from the current stop, whichever side made it. */
static int resume(struct ses *s, struct mx_err *err)
{
	if (s->mstopped)
		return ses_managed_resume(s, err);
	ses_managed_abandon_step(s); /* a step parked in native code (crossing.c) ends here */
	return send_continue(s, err);
}

int ses_continue(struct ses *s, struct mx_err *err)
{
	if (need_stopped_process(s, err))
		return -1;
	int pending = ses_pending_continue(s, err); /* a step another stop interrupted */
	if (pending != 0)
		return pending < 0 ? -1 : 0;
	if (resume(s, err) != 0)
		return -1;
	return wait_stop(s, err);
}

int ses_stepi(struct ses *s, struct mx_err *err)
{
	return ses_stepi_n(s, 1, err);
}

int ses_stepi_n(struct ses *s, uint32_t count, struct mx_err *err)
{
	if (need_stopped_process(s, err))
		return -1;
	if (ses_refuse_frozen_step(s, err) != 0)
		return -1;
	ses_pending_replace(s);
	if (s->mstopped) {
		/* one IL instruction at a time, `count` times */
		for (uint32_t i = 0; i < (count ? count : 1); i++) {
			if (ses_managed_step(s, CLR_STEP_IL, err) != 0)
				return -1;
			struct ses_stop st;
			if (ses_wait_event(s, &st, err) != 0)
				return -1;
			if (i + 1 == (count ? count : 1) || st.kind != SES_STOP_STEP) {
				ses_report_stop(s, &st);
				return 0;
			}
		}
		return 0;
	}
	if (ses_native_refused(s, "instruction steps in native code", err) != 0)
		return -1;
	ses_stack_invalidate(s);
	struct tr_step p = {.tid = s->cur_tid, .count = count ? count : 1};
	if (ses_call(s, TR_REQ_SINGLESTEP, &p, sizeof(p), NULL, err) != 0)
		return -1;
	return wait_stop(s, err);
}

int ses_detach(struct ses *s, struct mx_err *err)
{
	if (need_stopped_process(s, err))
		return -1;
	if (s->clr && s->mstopped) {
		/* at a managed stop the runtime holds the program: detach from it first (its
		 * breakpoints and steppers go), then from the native side */
		ses_frozen_release_runtime(s); /* threads the user froze run on too */
		ses_managed_detach(s);
	}
	int r = ses_call(s, TR_REQ_DETACH, NULL, 0, NULL, err);
	if (s->clr)
		ses_managed_detach(s); /* the program runs now: the runtime can stop it */
	forget_process(s);
	return r ? -1 : 0;
}

int ses_kill(struct ses *s, struct mx_err *err)
{
	if (need_stopped_process(s, err))
		return -1;
	int r = ses_call(s, TR_REQ_KILL, NULL, 0, NULL, err);
	/* the tracer may have queued an exit event for the killed process: drop it */
	for (size_t i = 0; i < s->nqueued; i++)
		tr_msg_free(&s->queued[i]);
	s->nqueued = 0;
	forget_process(s);
	return r ? -1 : 0;
}
