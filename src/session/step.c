/* step.c: source-line stepping (step, next), finish and nexti, on top of single
 * instructions and temporary internal breakpoints.
 *
 * Frames are told apart by their CFA (the caller's rsp after the return), as gdb does with its
 * frame ids, so recursion behaves: `finish` waits for the return-address breakpoint to be hit
 * with the caller's rsp, and `next` over a call waits for the return to the same rsp.
 *
 * A line step single-steps while the pc stays in the current line's address range. A call
 * is stepped over by a breakpoint at its return address (next, or step into a function
 * without line information) or entered (step) and then run to the end of the callee's
 * prologue. Returning into the caller mid-line keeps stepping to the start of a line. Any
 * other stop on the way (a breakpoint, a signal, the end of the program) is reported instead;
 * when it is another thread's (or an interrupt), the step stays pending on its thread and
 * `continue` goes on with it (step_pending.c): only runs to an internal breakpoint can be
 * interrupted so (a single step runs the stepping thread alone), so the step's state at
 * that point (struct ses_step_state: the line, the frame, the run's target and what
 * follows it) is all it takes to resume it.
 */
#include "session/ses_internal.h"

#include <capstone/capstone.h>
#include <inttypes.h>
#include <string.h>

#include "native/lines.h"
#include "util/str.h"

#define STEP_LIMIT 1000000 /* instructions one line step may take before giving up */

struct insn {
	bool is_call;
	unsigned len;
};

static int decode(struct ses *s, uint64_t pc, struct insn *out)
{
	uint8_t code[16];
	size_t n = sizeof(code);
	while (n && ses_read_memory(s, pc, code, n, NULL) != 0)
		n--;
	memset(out, 0, sizeof(*out));
	csh cs;
	if (!n || cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK)
		return -1;
	cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
	cs_insn *insn;
	size_t got = cs_disasm(cs, code, n, pc, 1, &insn);
	if (got) {
		out->len = insn->size;
		out->is_call = cs_insn_group(cs, insn, CS_GRP_CALL);
		cs_free(insn, got);
	}
	cs_close(&cs);
	return got ? 0 : -1;
}

static int regs_of(struct ses *s, struct user_regs_struct *r, struct mx_err *err)
{
	return ses_get_regs(s, s->cur_tid, r, err);
}

/* One instruction of the current thread. *user gets a stop the user must see instead (a
 * breakpoint hit by another thread, a signal, the exit), already in *st. */
static int one_insn(struct ses *s, struct ses_stop *st, bool *user, struct mx_err *err)
{
	struct tr_step p = {.tid = s->cur_tid, .count = 1};
	if (ses_call(s, TR_REQ_SINGLESTEP, &p, sizeof(p), NULL, err) != 0)
		return -1;
	if (ses_wait_event(s, st, err) != 0)
		return -1;
	*user = !(st->kind == SES_STOP_STEP && st->tid == p.tid && !st->step_bp);
	return 0;
}

/* Whether stop st is the current thread's parked managed step (crossing.c) completing in a
 * C# method called from the native code being stepped (its frame deeper than sp): a callback
 * that a `next` or `finish` in C steps over. The step is parked again, as a step out of that
 * method (Just My Code: it completes in the user's C# code the native code returns to). */
static bool repark_in_callback(struct ses *s, pid_t tid, uint64_t sp, const struct ses_stop *st)
{
	if (!st->managed || st->kind != SES_STOP_STEP || st->tid != tid || !sp || !st->frame_sp ||
	    st->frame_sp >= sp)
		return false;
	struct mx_err err;
	return ses_managed_step(s, CLR_STEP_OUT, &err) == 0;
}

/* Waits, the program resumed, until thread tid reaches the step's breakpoint with rsp ==
 * want_sp (0: any rsp). Other stops on the way end it with *user set; with over_callbacks,
 * a parked managed step completing in a C# callback (deeper than here_sp) does not (see
 * repark_in_callback). resumed: the program runs already (else it is continued first). */
static int wait_at_target(struct ses *s, pid_t tid, uint64_t want_sp, bool over_callbacks,
			  uint64_t here_sp, bool resumed, struct ses_stop *st, bool *user,
			  struct mx_err *err)
{
	int rc = 0;
	for (;;) {
		if ((!resumed && ses_send_continue(s, err) != 0) ||
		    ses_wait_event(s, st, err) != 0) {
			rc = -1;
			break;
		}
		resumed = false;
		if (over_callbacks && repark_in_callback(s, tid, here_sp, st)) {
			resumed = true;
			continue;
		}
		if (st->kind == SES_STOP_EXITED) {
			*user = true;
			return 0; /* the process and its breakpoints are gone */
		}
		if (st->kind == SES_STOP_STEP && st->step_bp && st->tid != tid) {
			s->cur_tid = tid;
			continue; /* another thread passing the same return address */
		}
		bool ours = st->kind == SES_STOP_STEP && st->step_bp;
		struct user_regs_struct r;
		if (ours && want_sp && ses_get_regs(s, tid, &r, NULL) == 0 && r.rsp != want_sp)
			continue; /* a deeper (recursive) activation: not the frame we wait for */
		*user = !ours;
		break;
	}
	s->cur_tid = tid;
	return rc;
}

static void remove_step_bp(struct ses *s, uint64_t addr)
{
	struct tr_bp req = {.addr = addr, .group = SES_GROUP_STEP};
	if (s->pid)
		ses_call(s, TR_REQ_BP_REMOVE, &req, sizeof(req), NULL, NULL);
}

/* Runs the program until the current thread reaches addr with rsp == want_sp (0: any rsp)
 * (see wait_at_target). held: a thread the tracer holds while the program runs otherwise. */
static int run_to_from(struct ses *s, uint64_t addr, uint64_t want_sp, bool over_callbacks,
		       pid_t held, struct ses_stop *st, bool *user, struct mx_err *err)
{
	uint8_t orig;
	pid_t tid = s->cur_tid;
	struct user_regs_struct now;
	uint64_t here_sp = regs_of(s, &now, NULL) == 0 ? now.rsp : 0;
	if (ses_insert_raw(s, addr, SES_GROUP_STEP, TR_BP_INTERNAL, &orig) != 0) {
		if (!held)
			return mx_err_set(err, "cannot set a breakpoint at 0x%" PRIx64, addr);
		/* the program runs already: stop it again, and show that stop */
		ses_managed_release(s, held);
		ses_call(s, TR_REQ_INTERRUPT, NULL, 0, NULL, NULL);
		if (ses_wait_event(s, st, err) != 0)
			return -1;
		*user = true;
		return 0;
	}
	/* the runtime resumed the program itself (a re-parked step), or the program runs but
	 * for the thread the tracer held (callback_step_in), let go now */
	bool resumed = false;
	if (held) {
		ses_managed_release(s, held);
		resumed = true;
	}
	int rc = wait_at_target(s, tid, want_sp, over_callbacks, here_sp, resumed, st, user, err);
	remove_step_bp(s, addr);
	return rc;
}

/* run_to_from for a step whose state is ss, which records the run (phase: what follows it)
 * so that the step can go on after a stop of another thread (step_pending.c). */
static int run_step(struct ses *s, struct ses_step_state *ss, enum ses_step_phase phase,
		    uint64_t addr, uint64_t want_sp, bool over_callbacks, pid_t held,
		    struct ses_stop *st, bool *user, struct mx_err *err)
{
	struct user_regs_struct now;
	ss->phase = phase;
	ss->addr = addr;
	ss->want_sp = want_sp;
	ss->over_callbacks = over_callbacks;
	ss->run_sp = regs_of(s, &now, NULL) == 0 ? now.rsp : 0;
	return run_to_from(s, addr, want_sp, over_callbacks, held, st, user, err);
}

/* The run of step ss was ended by stop st, which is shown; the step stays pending when a
 * continue can go on with it. */
static int interrupted(struct ses *s, const struct ses_step_state *ss, struct ses_stop *st)
{
	ses_pending_native(s, ss, st);
	ses_report_stop(s, st);
	return 0;
}

/* `step` in C entered code in no module (the runtime's stub behind a delegate's function
 * pointer) with no managed step parked: the runtime is stopped with this thread held where it
 * is (as finish_to_managed does) and a Just My Code step-in is armed on the thread: the
 * runtime's method-enter hook stops it in the first C# method the stub calls.
 * Returns the held thread (run_to_from lets it go), or 0 when that cannot be done. */
static pid_t callback_step_in(struct ses *s)
{
	pid_t tid = s->cur_tid;
	if (!s->clr || ses_managed_step_parked(s) || ses_managed_stop_holding(s, tid, NULL) != 0)
		return 0; /* (-2: another thread's event is reported on the way instead) */
	/* from here the program runs but for tid: whatever happens, run_to_from lets it go */
	if (ses_managed_step(s, CLR_STEP_IN_NATIVE, NULL) != 0 && s->mstopped)
		ses_managed_resume(s, NULL); /* no step: over the callback like any call */
	return tid;
}

/* A resumed step (step_pending.c) ends: the user learns that this stop is its end. */
static void tell_resumed_end(struct ses *s, const struct ses_stop *st)
{
	if (!ses_pending_take_resumed(s))
		return;
	const struct ses_thread *t = ses_thread_find(s, st->tid);
	char text[128];
	snprintf(text, sizeof(text), "Thread %d finished the step it was doing before the stop.",
		 t ? t->num : 0);
	struct ses_note n = {.kind = SES_NOTE_MESSAGE, .text = text};
	s->notify(s->notify_ctx, &n);
}

static void finish_line_step(struct ses *s, struct ses_stop *st)
{
	st->kind = SES_STOP_STEP;
	st->line_step = true;
	st->step_bp = false;
	struct user_regs_struct r;
	if (regs_of(s, &r, NULL) == 0)
		st->pc = r.rip;
	s->last_stop_pc = st->pc;
	ses_stack_invalidate(s);
	tell_resumed_end(s, st);
	ses_report_stop(s, st);
}

/* The real frame calling frame k: the next one that is no inlined call's caller (those share
 * frame k's pc and sp); n when none. */
static size_t real_caller(const struct ses_frame *f, size_t n, size_t k)
{
	size_t c = k + 1;
	while (c < n && f[c].inline_depth > 0)
		c++;
	return c;
}

/* finish and nexti: the thread is back at return address pc, where the step ends. */
static int return_reached(struct ses *s, struct ses_stop *st, uint64_t pc)
{
	st->kind = SES_STOP_STEP;
	st->step_bp = false;
	st->pc = pc;
	s->last_stop_pc = pc;
	ses_stack_invalidate(s);
	tell_resumed_end(s, st);
	ses_report_stop(s, st);
	return 0;
}

/* The CFA of the current thread's innermost frame (0 if unknown: outermost). */
static uint64_t frame_cfa(struct ses *s)
{
	const struct ses_frame *f;
	size_t n;
	ses_stack_invalidate(s);
	if (ses_backtrace(s, s->cur_tid, &f, &n, NULL) != 0)
		return 0;
	size_t c = real_caller(f, n, 0);
	return c < n ? f[c].sp : 0;
}

/* Where `step` into the PLT stub at pc goes on to: the first line of the function the stub
 * calls (after its prologue), when that function has line information and is defined once
 * among the loaded modules; 0 otherwise (the call is stepped over). The stub, and the dynamic
 * loader's resolver on a lazily bound first call, run without stopping: gdb steps through
 * them the same way. */
static uint64_t plt_step_target(struct ses *s, uint64_t pc)
{
	char name[256];
	if (!nat_plt_target_name(s->syms, pc, name, sizeof(name)))
		return 0;
	struct nat_loc_list ll = {0};
	uint64_t body = 0;
	int defs = 0;
	nat_syms_find_function(s->syms, NULL, name, &ll);
	for (size_t i = 0; i < ll.n; i++)
		if (!ll.v[i].inlined && ll.v[i].file && ll.v[i].line) {
			body = ll.v[i].addr;
			defs++;
		}
	nat_loc_list_clear(&ll);
	return defs == 1 ? body : 0;
}

/* Steps out of a function without line information: to its return address. */
static int step_out(struct ses *s, struct ses_step_state *ss, enum ses_step_phase phase,
		    struct ses_stop *st, bool *user, struct mx_err *err)
{
	const struct ses_frame *f;
	size_t n;
	ses_stack_invalidate(s);
	if (ses_backtrace(s, s->cur_tid, &f, &n, err) != 0)
		return -1;
	size_t c = real_caller(f, n, 0);
	if (c >= n)
		return mx_err_set(err, "cannot step out of the outermost frame");
	return run_step(s, ss, phase, f[c].pc, f[c].sp, !ss->into, 0, st, user, err);
}

int ses_step(struct ses *s, bool into, struct mx_err *err)
{
	return ses_step_mode(s, into, false, err);
}

int ses_until(struct ses *s, struct mx_err *err)
{
	return ses_step_mode(s, false, true, err);
}

/* until: like next, but a jump backwards in the same frame (a loop's end) does not stop it,
 * so a loop runs to its exit. */
/* A step at a managed stop: the runtime's stepper does it; wait for its StepComplete (or
 * whatever stops first). A step into a line that calls P/Invokes may end in their native
 * functions instead (crossing.c). */
/* Where a managed step can leave for native code: when the caller of the C# method at frame 0
 * is C code (it called a delegate's function pointer; the stack shows the runtime's
 * transition between them), the runtime's stepper cannot stop there (it goes on to the next
 * managed code the thread runs), so the step also gets a native breakpoint at that return
 * address, taken when the thread comes back with the caller's rsp. */
static bool native_return_trap(struct ses *s, uint64_t *pc, uint64_t *sp)
{
	const struct ses_frame *f;
	size_t n;
	if (!s->frozen || ses_backtrace(s, s->cur_tid, &f, &n, NULL) != 0 || n < 3 ||
	    !f[0].managed || f[0].label[0])
		return false;
	size_t k = 1;
	while (k < n && f[k].label[0])
		k++;
	if (k == 1 || k >= n || f[k].managed)
		return false;
	*pc = f[k].pc;
	*sp = f[k].sp;
	return true;
}

/* The step came back to the native caller (native_return_trap): `finish` stops there, after
 * the call; `step` and `next` go on to the start of a line, as out of any function. */
static int back_in_native_caller(struct ses *s, enum clr_step_kind kind, struct ses_stop *st,
				 struct mx_err *err)
{
	ses_managed_abandon_step(s);
	if (kind != CLR_STEP_OUT)
		return ses_step_mode(s, kind == CLR_STEP_IN, false, err);
	st->kind = SES_STOP_STEP;
	st->step_bp = false;
	s->last_stop_pc = st->pc;
	ses_stack_invalidate(s);
	ses_report_stop(s, st);
	return 0;
}

static int managed_step(struct ses *s, enum clr_step_kind kind, struct mx_err *err)
{
	pid_t tid = s->cur_tid;
	uint64_t trap = 0, trap_sp = 0;
	uint8_t orig;
	if (kind != CLR_STEP_IL && native_return_trap(s, &trap, &trap_sp) &&
	    ses_insert_raw(s, trap, SES_GROUP_STEP, TR_BP_INTERNAL, &orig) != 0)
		trap = 0;
	if (kind == CLR_STEP_IN)
		ses_pstep_arm(s);
	if (ses_managed_step(s, kind, err) != 0) {
		ses_pstep_disarm(s);
		if (trap)
			remove_step_bp(s, trap);
		return -1;
	}
	struct ses_stop st;
	for (;;) {
		if (ses_wait_event(s, &st, err) != 0) {
			ses_pstep_disarm(s);
			if (trap)
				remove_step_bp(s, trap);
			return -1;
		}
		if (trap && st.kind == SES_STOP_STEP && st.step_bp && !st.managed &&
		    st.pc == trap) {
			struct user_regs_struct r;
			if (st.tid != tid || ses_get_regs(s, tid, &r, NULL) != 0 ||
			    r.rsp != trap_sp) {
				/* another thread, or a deeper call, returning there */
				if (ses_send_continue(s, err) != 0) {
					ses_pstep_disarm(s);
					remove_step_bp(s, trap);
					return -1;
				}
				continue;
			}
			ses_pstep_disarm(s);
			remove_step_bp(s, trap);
			s->cur_tid = tid;
			return back_in_native_caller(s, kind, &st, err);
		}
		if (st.kind == SES_STOP_STEP && st.step_bp && !st.managed &&
		    ses_pstep_is_target(s, st.pc)) {
			if (st.tid != tid) {
				/* another thread calling the same function: not our step */
				if (ses_send_continue(s, err) != 0) {
					ses_pstep_disarm(s);
					if (trap)
						remove_step_bp(s, trap);
					return -1;
				}
				continue;
			}
			/* in the native function, the runtime's stepper parked meanwhile */
			ses_pstep_disarm(s);
			if (trap)
				remove_step_bp(s, trap);
			s->cur_tid = tid;
			finish_line_step(s, &st);
			return 0;
		}
		break;
	}
	ses_pstep_disarm(s);
	if (trap)
		remove_step_bp(s, trap);
	ses_pending_managed(s, tid, &st); /* another thread's stop: the runtime's step stays */
	ses_report_stop(s, &st);
	return 0;
}

/* Out of native code into the C# code that called it, when the current thread's managed step
 * is parked (it stepped into a P/Invoke's function): the program runs until that step
 * completes on the C# line after the call (or something else stops it first). */
static int resume_parked_step(struct ses *s, bool to_line_start, struct mx_err *err)
{
	pid_t tid = s->cur_tid;
	struct user_regs_struct r;
	uint64_t sp = regs_of(s, &r, NULL) == 0 ? r.rsp : 0;
	if (ses_send_continue(s, err) != 0)
		return -1;
	struct ses_stop st;
	do {
		if (ses_wait_event(s, &st, err) != 0)
			return -1;
	} while (repark_in_callback(s, tid, sp, &st)); /* C# the native code calls on the way */
	if (to_line_start && st.managed && st.kind == SES_STOP_STEP && st.tid == tid &&
	    !st.where.line_start)
		return managed_step(s, CLR_STEP_OVER, err); /* mid-line after the call: on */
	ses_report_stop(s, &st);
	return 0;
}

/* The instruction loop of a native line step: single steps through the line ss->lr, over or
 * into calls, until a new line starts. returned: the thread just came back from a run over a
 * call (or out of code without lines), so the loop starts by looking where it is. */
static int line_loop(struct ses *s, struct ses_step_state *ss, bool returned, struct mx_err *err)
{
	struct ses_stop st = {.tid = ss->tid};
	bool user = false;
	struct user_regs_struct r;
	if (regs_of(s, &r, err) != 0)
		return -1;
	for (long k = 0; k < STEP_LIMIT; k++) {
		struct insn in;
		if (returned) {
			returned = false;
		} else if (decode(s, r.rip, &in) == 0 && in.is_call) {
			uint64_t ret = r.rip + in.len, sp = r.rsp;
			if (ss->into) {
				if (one_insn(s, &st, &user, err) != 0)
					return -1;
				if (user) {
					ses_report_stop(s, &st);
					return 0;
				}
				if (regs_of(s, &r, err) != 0)
					return -1;
				struct nat_line_range callee;
				nat_line_range(s->syms, r.rip, &callee);
				if (callee.line) {
					/* entered a function with line info: run past its prologue
					 */
					struct ses_where w;
					ses_describe(s, r.rip, &w);
					struct nat_loc_list ll = {0};
					uint64_t body = 0;
					if (w.func[0] &&
					    nat_syms_find_function(s->syms, NULL, w.func, &ll) > 0)
						for (size_t i = 0; i < ll.n; i++)
							if (ll.v[i].addr >= r.rip &&
							    ll.v[i].addr < r.rip + 256 &&
							    !ll.v[i].inlined)
								body = ll.v[i].addr;
					nat_loc_list_clear(&ll);
					/* (any rsp: this activation reaches its body first) */
					if (body && body != r.rip &&
					    run_step(s, ss, SES_STEP_PHASE_BODY, body, 0, false, 0,
						     &st, &user, err) != 0)
						return -1;
					if (user)
						return interrupted(s, ss, &st);
					finish_line_step(s, &st);
					return 0;
				}
				uint64_t target = plt_step_target(s, r.rip);
				if (target) {
					if (run_step(s, ss, SES_STEP_PHASE_BODY, target, 0, false,
						     0, &st, &user, err) != 0)
						return -1;
					if (user)
						return interrupted(s, ss, &st);
					finish_line_step(s, &st);
					return 0;
				}
				/* no line info there: come back out, unless it is the runtime's
				 * way into a C# callback */
				pid_t held = 0;
				if (!ses_pc_in_native_module(s, r.rip))
					held = callback_step_in(s);
				if (run_step(s, ss, SES_STEP_PHASE_LINE, ret, sp, false, held, &st,
					     &user, err) != 0)
					return -1;
				if (held && !user)
					ses_managed_abandon_step(s); /* no C# code ran */
				if (held && user) {
					/* (not resumable: the runtime's step-in was under way) */
					ses_report_stop(s, &st);
					return 0;
				}
			} else if (run_step(s, ss, SES_STEP_PHASE_LINE, ret, sp, true, 0, &st,
					    &user, err) != 0) {
				return -1;
			}
			if (user)
				return interrupted(s, ss, &st);
			if (regs_of(s, &r, err) != 0)
				return -1;
		} else {
			if (one_insn(s, &st, &user, err) != 0)
				return -1;
			if (user) {
				ses_report_stop(s, &st);
				return 0;
			}
			if (regs_of(s, &r, err) != 0)
				return -1;
		}
		if (r.rip >= ss->lr.lo && r.rip < ss->lr.hi)
			continue; /* still on the line */
		if (ss->cfa && r.rsp >= ss->cfa) {
			/* returned into the caller, mid-line: finish that line too */
			ss->cfa = frame_cfa(s);
		}
		struct nat_line_range now;
		nat_line_range(s->syms, r.rip, &now);
		if (!now.line && ses_managed_step_parked(s) && !ses_pc_in_native_module(s, r.rip))
			return resume_parked_step(s, true,
						  err); /* returned to the runtime: to C# */
		if (!now.line) {
			/* jumped somewhere without lines (not by a call): step back out */
			if (step_out(s, ss, SES_STEP_PHASE_OUT_MID, &st, &user, err) != 0)
				return -1;
			if (user)
				return interrupted(s, ss, &st);
			if (regs_of(s, &r, err) != 0)
				return -1;
			nat_line_range(s->syms, r.rip, &ss->lr);
			if (!ss->lr.line) {
				finish_line_step(s, &st);
				return 0;
			}
			continue;
		}
		/* stop at the start of a different line; another block of the same line (a for
		 * loop's condition after its initialisation) continues the step, as in gdb */
		bool backwards = ss->until && r.rip <= ss->start_pc && ss->cfa && r.rsp < ss->cfa;
		if (now.is_stmt_start && !backwards &&
		    (now.line != ss->lr.line || strcmp(now.file, ss->lr.file) != 0)) {
			finish_line_step(s, &st);
			return 0;
		}
		ss->lr = now; /* the middle of a line, or the same line again: keep going */
	}
	finish_line_step(s, &st);
	return 0;
}

/* Out of code without lines at a step's start, at st->pc now: a line's start ends the step,
 * the middle of one is stepped to its end. */
static int after_out_top(struct ses *s, struct ses_step_state *ss, struct ses_stop *st,
			 struct mx_err *err)
{
	nat_line_range(s->syms, st->pc, &ss->lr);
	if (!ss->lr.line || ss->lr.is_stmt_start) {
		finish_line_step(s, st);
		return 0;
	}
	struct user_regs_struct r;
	if (regs_of(s, &r, err) != 0)
		return -1;
	ss->cfa = frame_cfa(s);
	ss->start_pc = r.rip;
	return line_loop(s, ss, false, err);
}

/* Out of code without lines reached on the way: on with the line the thread is in. */
static int after_out_mid(struct ses *s, struct ses_step_state *ss, struct ses_stop *st,
			 struct mx_err *err)
{
	struct user_regs_struct r;
	if (regs_of(s, &r, err) != 0)
		return -1;
	nat_line_range(s->syms, r.rip, &ss->lr);
	if (!ss->lr.line) {
		finish_line_step(s, st);
		return 0;
	}
	return line_loop(s, ss, false, err);
}

int ses_step_mode(struct ses *s, bool into, bool until, struct mx_err *err)
{
	if (ses_refuse_frozen_step(s, err) != 0)
		return -1;
	ses_pending_replace(s);
	if (s->mstopped)
		return managed_step(s, into ? CLR_STEP_IN : CLR_STEP_OVER, err);
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	struct user_regs_struct r;
	if (regs_of(s, &r, err) != 0)
		return -1;
	struct ses_step_state ss = {.tid = s->cur_tid, .into = into, .until = until};
	nat_line_range(s->syms, r.rip, &ss.lr);
	if (!ss.lr.line && ses_managed_step_parked(s) && !ses_pc_in_native_module(s, r.rip))
		return resume_parked_step(s, true, err); /* back in the runtime's code: to C# */
	if (!ss.lr.line) {
		/* gdb: "Single stepping until exit from function X, which has no line number
		 * information." */
		struct ses_stop st = {.tid = s->cur_tid};
		bool user = false;
		if (step_out(s, &ss, SES_STEP_PHASE_OUT_TOP, &st, &user, err) != 0)
			return -1;
		if (user)
			return interrupted(s, &ss, &st);
		return after_out_top(s, &ss, &st, err);
	}
	ss.cfa = frame_cfa(s);
	ss.start_pc = r.rip;
	return line_loop(s, &ss, false, err);
}

int ses_step_resume_native(struct ses *s, struct mx_err *err)
{
	struct ses_step_state ss = s->pending;
	s->cur_tid = ss.tid;
	uint8_t orig;
	if (ses_insert_raw(s, ss.addr, SES_GROUP_STEP, TR_BP_INTERNAL, &orig) != 0)
		return mx_err_set(err,
				  "cannot set a breakpoint at 0x%" PRIx64 " to go on with "
				  "the interrupted step",
				  ss.addr);
	struct ses_stop st = {.tid = ss.tid};
	bool user = false;
	int rc = s->mstopped ? ses_managed_resume(s, err) : ses_send_continue(s, err);
	if (rc == 0)
		rc = wait_at_target(s, ss.tid, ss.want_sp, ss.over_callbacks, ss.run_sp, true, &st,
				    &user, err);
	remove_step_bp(s, ss.addr);
	if (rc != 0)
		return -1;
	if (user)
		return interrupted(s, &ss, &st);
	s->pending_resumed = true; /* the stop that ends it says so (tell_resumed_end) */
	switch (ss.phase) {
	case SES_STEP_PHASE_LINE:
		rc = line_loop(s, &ss, true, err);
		break;
	case SES_STEP_PHASE_BODY:
		finish_line_step(s, &st);
		break;
	case SES_STEP_PHASE_OUT_TOP:
		rc = after_out_top(s, &ss, &st, err);
		break;
	case SES_STEP_PHASE_OUT_MID:
		rc = after_out_mid(s, &ss, &st, err);
		break;
	case SES_STEP_PHASE_RETURN:
		rc = return_reached(s, &st, ss.addr);
		break;
	}
	s->pending_resumed = false;
	return rc;
}

/* `finish` out of a native function called from C# with no managed step under way (the stop
 * was a native breakpoint): the runtime is stopped instead of the tracer, with this thread
 * held where it is meanwhile (so it cannot return to C# before the step is armed), and the
 * runtime's stepper steps over the C# line that made the call: the step completes on the
 * caller's next line once the thread is let go and the native function returns. */
static int finish_to_managed(struct ses *s, struct mx_err *err)
{
	pid_t tid = s->cur_tid;
	int held = ses_managed_stop_holding(s, tid, err);
	struct ses_stop st;
	if (held == -2) {
		/* another thread's stop comes first: it is what `finish` shows (as any stop on
		 * the way would be) */
		if (ses_send_continue(s, err) != 0 || ses_wait_event(s, &st, err) != 0)
			return -1;
		ses_report_stop(s, &st);
		return 0;
	}
	if (held != 0)
		return -1;
	int r = ses_managed_step(s, CLR_STEP_OVER, err);
	ses_managed_release(s, tid);
	if (r != 0) {
		if (s->mstopped)
			ses_managed_resume(s, NULL);
		return -1;
	}
	if (ses_wait_event(s, &st, err) != 0)
		return -1;
	ses_report_stop(s, &st);
	return 0;
}

/* `finish` out of an inlined function (frame level, whose caller frame is the function it was
 * inlined into, caller): there is no return to wait for, so instructions are stepped (calls
 * stepped over) until the pc is in caller's code again, outside any inlined copy of the
 * function finished, or the real frame returns. gdb does the same ("Run till exit"). */
static int finish_inlined(struct ses *s, size_t level, const char *caller, struct mx_err *err)
{
	if (level != 0)
		return mx_err_set(err, "finish out of an inlined function works from frame 0 only "
				       "(select frame 0)");
	const struct ses_frame *f;
	size_t n;
	if (ses_backtrace(s, s->cur_tid, &f, &n, err) != 0)
		return -1;
	size_t c = real_caller(f, n, 0);
	uint64_t cfa = c < n ? f[c].sp : 0;
	char callee[sizeof(f[0].where.func)];
	struct ses_where w;
	ses_describe(s, f[0].lookup_pc, &w);
	mx_strlcpy(callee, w.func, sizeof(callee));
	struct ses_stop st = {.tid = s->cur_tid};
	bool user = false;
	struct user_regs_struct r;
	for (long k = 0; k < STEP_LIMIT; k++) {
		struct insn in;
		if (regs_of(s, &r, err) != 0)
			return -1;
		if (decode(s, r.rip, &in) == 0 && in.is_call) {
			if (run_to_from(s, r.rip + in.len, r.rsp, true, 0, &st, &user, err) != 0)
				return -1;
		} else if (one_insn(s, &st, &user, err) != 0) {
			return -1;
		}
		if (user) {
			ses_report_stop(s, &st);
			return 0;
		}
		if (regs_of(s, &r, err) != 0)
			return -1;
		ses_describe(s, r.rip, &w);
		if ((cfa && r.rsp >= cfa) || (strcmp(w.func, callee) && !strcmp(w.func, caller)))
			break;
	}
	finish_line_step(s, &st);
	return 0;
}

int ses_finish(struct ses *s, struct mx_err *err)
{
	if (ses_refuse_frozen_step(s, err) != 0)
		return -1;
	if (s->mstopped && s->cur_frame != 0)
		return mx_err_set(err, "at a managed stop only the innermost frame can be finished "
				       "(select frame 0)");
	ses_pending_replace(s);
	if (s->mstopped)
		return managed_step(s, CLR_STEP_OUT, err);
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	const struct ses_frame *f;
	size_t n;
	if (ses_backtrace(s, s->cur_tid, &f, &n, err) != 0)
		return -1;
	size_t level = (size_t)s->cur_frame;
	if (level + 1 >= n)
		return mx_err_set(err, "\"finish\" not meaningful in the outermost frame.");
	if (ses_managed_step_parked(s) && (f[level + 1].managed || f[level + 1].label[0]))
		return resume_parked_step(s, false, err); /* out to the C# caller */
	if (level == 0 && s->clr && (f[1].managed || f[1].label[0]))
		return finish_to_managed(s, err);
	if (f[level + 1].inline_depth > 0)
		return finish_inlined(s, level, f[level + 1].where.func, err);
	uint64_t ret = f[level + 1].pc, sp = f[level + 1].sp;
	struct ses_step_state ss = {.tid = s->cur_tid};
	struct ses_stop st = {.tid = s->cur_tid};
	bool user = false;
	if (run_step(s, &ss, SES_STEP_PHASE_RETURN, ret, sp, true, 0, &st, &user, err) != 0)
		return -1;
	if (user)
		return interrupted(s, &ss, &st);
	return return_reached(s, &st, ret);
}

int ses_nexti(struct ses *s, struct mx_err *err)
{
	if (ses_refuse_frozen_step(s, err) != 0)
		return -1;
	if (!s->pid)
		return mx_err_set(err, "The program is not being run.");
	if (s->mstopped)
		return ses_stepi(s, err); /* IL level: over calls is not distinguished yet */
	ses_pending_replace(s);
	struct user_regs_struct r;
	if (regs_of(s, &r, err) != 0)
		return -1;
	struct insn in;
	if (decode(s, r.rip, &in) != 0 || !in.is_call)
		return ses_stepi(s, err);
	struct ses_step_state ss = {.tid = s->cur_tid};
	struct ses_stop st = {.tid = s->cur_tid};
	bool user = false;
	if (run_step(s, &ss, SES_STEP_PHASE_RETURN, r.rip + in.len, r.rsp, true, 0, &st, &user,
		     err) != 0)
		return -1;
	if (user)
		return interrupted(s, &ss, &st);
	return return_reached(s, &st, r.rip + in.len);
}
