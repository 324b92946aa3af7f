/* events.c: what the tracer does with each ptrace stop.
 *
 * All-stop model. While the session lets the program run (t->running), every stop is
 * classified: out-of-band stops (a thread created, a signal whose policy is "nostop", a
 * SIGTRAP that is not ours, an ignored breakpoint hit) resume the thread at once; in-band
 * stops (a reported breakpoint hit, a "stop" signal, exec) stop every thread and report one
 * event. A stop that arrives while the others are being stopped is kept on its thread
 * (has_event) and reported at the next continue instead of resuming: no hit is lost and none
 * is reported twice.
 *
 * Frozen (TR_REQ_FREEZE, at a managed stop): stopped as above, except the runtime's service
 * threads, which keep running so the runtime can answer the debugger. Their stops never hold
 * them (free_thread_stop); news of threads and passed signals still go out as events while
 * frozen. The thaw (the next continue, step, detach or untrace; TR_REQ_THAW after a freeze
 * over a reported stop) stops them too before anything else.
 *
 * Kernel facts this relies on (ptrace(2), kernel/signal.c, arch/x86/kernel/traps.c):
 * - int3 raises SIGTRAP with si_code SI_KERNEL and pc just past the 0xCC byte; single-step
 *   raises SIGTRAP with TRAP_TRACE (or si_code SIGTRAP when a signal handler is entered
 *   during the step); a signal sent by kill/tgkill/raise carries SI_USER/SI_TKILL.
 * - A seized thread's clone child starts in a PTRACE_EVENT_STOP: it runs nothing until we
 *   resume it, so it never runs past a removed breakpoint byte.
 * - PTRACE_INTERRUPT sent to a thread that already stopped for another reason may still
 *   produce a PTRACE_EVENT_STOP after the next resume; such stray stops are just resumed.
 * - Resuming a signal-delivery-stop with the same signal number re-delivers the original
 *   siginfo; resuming with 0 discards the signal.
 */
#include "tracer/tracer.h"

#include <errno.h>
#include <linux/kcmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

enum verdict {
	V_RESUME,  /* out-of-band: let the thread go on (with resume_sig) */
	V_REPORT,  /* th->ev is set: stop everything and report */
	V_QUIET,   /* an interrupt or initial stop: nothing to report */
	V_GONE,	   /* the thread (or the process) no longer exists */
	V_RESUMED, /* already resumed here (a dying thread) */
};

#define RIP_OFFSET offsetof(struct user, regs.rip)

static uint64_t get_pc(pid_t tid)
{
	errno = 0;
	long v = ptrace(PTRACE_PEEKUSER, tid, (void *)RIP_OFFSET, 0);
	return errno ? 0 : (uint64_t)v;
}

static uint64_t get_sp(pid_t tid)
{
	errno = 0;
	long v = ptrace(PTRACE_PEEKUSER, tid, (void *)offsetof(struct user, regs.rsp), 0);
	return errno ? 0 : (uint64_t)v;
}

/* The thread leaves breakpoint addr through a signal handler; when the handler returns,
 * the int3 at addr runs again: that is not a new hit. */
static void arm_rehit(struct tr_thread *th, uint64_t addr, uint64_t sp)
{
	th->rehit_addr = addr;
	th->rehit_sp = sp;
}

static void set_pc(pid_t tid, uint64_t pc)
{
	ptrace(PTRACE_POKEUSER, tid, (void *)RIP_OFFSET, (void *)(uintptr_t)pc);
}

/* Gives th a waiting event of this reason at its current pc. */
static void set_event(struct tr_thread *th, enum tr_stop_reason reason)
{
	memset(&th->ev, 0, sizeof(th->ev));
	th->ev.reason = reason;
	th->ev.tid = th->tid;
	th->ev.pc = get_pc(th->tid);
	th->has_event = true;
}

void tr_send_event(struct tracer *t, uint32_t kind, const void *p, uint32_t len, int fd)
{
	tr_send(t->sock, kind, 0, 0, p, len, fd);
}

void tr_process_gone(struct tracer *t, int status)
{
	struct tr_exit ex = {.pid = t->pid};
	if (WIFEXITED(status)) {
		ex.code = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		ex.signo = WTERMSIG(status);
		ex.core = WCOREDUMP(status) ? 1 : 0;
	}
	tr_forget_process(t);
	tr_send_event(t, TR_EV_EXIT, &ex, sizeof(ex), -1);
}

/* A forked child inherits our int3 bytes. Restore them in its copy of memory and let it go.
 * A vfork child shares our memory, so the bytes stay; it runs only until it execs or exits. */
/* kernel_clone reports PTRACE_EVENT_FORK for any clone whose exit signal is SIGCHLD, even
 * with CLONE_VM: ask the kernel whether the child really has memory of its own (kcmp(2);
 * without kcmp, assume it does). */
static bool same_memory(pid_t a, pid_t b)
{
	return syscall(SYS_kcmp, a, b, KCMP_VM, 0, 0) == 0;
}

static void release_fork_child(struct tracer *t, pid_t child, bool shares_memory)
{
	int st;
	if (waitpid(child, &st, __WALL) != child)
		return;
	if (!shares_memory && same_memory(t->pid, child))
		shares_memory = true; /* writing "its" bytes would disable ours */
	if (!shares_memory && t->bp_used) {
		char path[64];
		snprintf(path, sizeof(path), "/proc/%d/mem", (int)child);
		FILE *f = fopen(path, "r+");
		if (f) {
			int fd = fileno(f);
			for (size_t i = 0; i < t->bp_cap; i++)
				if (t->bps[i].addr &&
				    pwrite(fd, &t->bps[i].orig, 1, (off_t)t->bps[i].addr) != 1)
					break;
			tr_agent_restore_into(t, fd); /* the jumps' other four bytes */
			fclose(f);
		}
	}
	ptrace(PTRACE_DETACH, child, 0, 0);
}

/* While a vfork child borrows the memory, it must not meet our int3 bytes (nobody traces
 * it): they are taken out, and put back when the parent resumes (gdb does the same; the
 * parent's other threads may miss a breakpoint meanwhile). */
static void lift_bytes(struct tracer *t, bool lift)
{
	if (t->bytes_lifted == lift)
		return;
	if (lift)
		tr_agent_disarm_all(t); /* back to int3 bytes, then those are lifted */
	t->bytes_lifted = lift;
	for (size_t i = 0; i < t->bp_cap; i++)
		if (t->bps[i].addr)
			tr_mem_write_byte(t, t->bps[i].addr, lift ? t->bps[i].orig : 0xCC);
}

static enum verdict on_exec(struct tracer *t, struct tr_thread **thp)
{
	/* execve() killed every other thread; the survivor now has the leader's tid, and the old
	 * image (with our int3 bytes) is gone. */
	tr_bp_forget_all(t);
	tr_displace_forget(t);
	tr_threads_reset(t);
	struct tr_thread *th = tr_thread_add(t, t->pid);
	th->reaped = th->stopped = true;
	*thp = th;
	if (tr_open_mem(t) == 0) {
		int fd = dup(t->memfd);
		tr_send_event(t, TR_EV_MEMFD, NULL, 0, fd);
		if (fd >= 0)
			close(fd);
	}
	set_event(th, TR_STOP_EXEC);
	return V_REPORT;
}

static enum verdict on_breakpoint(struct tracer *t, struct tr_thread *th, struct tr_bploc *b)
{
	set_pc(th->tid, b->addr);
	th->hit_addr = b->addr;
	if (th->rehit_addr == b->addr) {
		th->rehit_addr = 0;
		/* back from the signal handler that interrupted this hit (same stack): the same
		 * hit, not a new one */
		if (get_sp(th->tid) == th->rehit_sp)
			return V_RESUME;
	}
	struct tr_stop *ev = &th->ev;
	memset(ev, 0, sizeof(*ev));
	for (uint32_t i = 0; i < b->ngroups; i++) {
		const struct tr_condprog *cp = tr_cond_find(t, b->groups[i]);
		struct tr_group *g = tr_group_get(t, b->groups[i]);
		g->traps++;
		if (cp && !tr_cond_true(t, th->tid, cp->code, cp->len))
			continue; /* a false condition: not a hit at all (gdb counts the same way)
				   */
		g->hits++;
		if (!(b->flags[i] & TR_BP_INTERNAL) && g->ignore) {
			g->ignore--;
			continue;
		}
		ev->groups[ev->ngroups++] = *g;
	}
	if (!ev->ngroups)
		return V_RESUME;
	ev->reason = TR_STOP_BREAKPOINT;
	ev->tid = th->tid;
	ev->pc = b->addr;
	th->has_event = true;
	return V_REPORT;
}

static enum verdict on_signal(struct tracer *t, struct tr_thread *th, int sig, const siginfo_t *si)
{
	uint8_t p = t->sigpolicy[sig];
	th->resume_sig = (p & TR_SIG_PASS) ? sig : 0;
	/* si_code > 0: raised by the kernel for an instruction, not sent by kill or tgkill */
	bool fault = si && si->si_code > 0 &&
		     (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL);
	if (fault && (sig == SIGSEGV || sig == SIGBUS) && tr_agent_own_fault(t, th))
		return V_RESUME; /* ours, not the program's: it runs the int3 path instead */
	if ((p & TR_SIG_NATIVE_FAULT) && !(p & TR_SIG_STOP) && fault &&
	    tr_fault_in_native_code(t, get_pc(th->tid)))
		p |= TR_SIG_STOP; /* a crash: shown before the runtime's crash handling */
	if (p & TR_SIG_STOP) {
		struct tr_stop *ev = &th->ev;
		memset(ev, 0, sizeof(*ev));
		ev->reason = TR_STOP_SIGNAL;
		ev->tid = th->tid;
		ev->signo = sig;
		ev->code = si ? si->si_code : 0;
		if (si && (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL))
			ev->fault_addr = (uint64_t)(uintptr_t)si->si_addr;
		ev->pc = get_pc(th->tid);
		th->has_event = true;
		return V_REPORT;
	}
	if (p & TR_SIG_PRINT) {
		struct tr_signal_ev se = {.tid = th->tid, .signo = sig};
		tr_send_event(t, TR_EV_SIGNAL, &se, sizeof(se), -1);
	}
	return V_RESUME;
}

/* Whether addr held a breakpoint we removed lately and now holds its original byte again. */
static bool hit_removed_breakpoint(struct tracer *t, uint64_t addr)
{
	for (unsigned i = 0; i < 64; i++) {
		if (t->removed_bps[i] != addr || !addr)
			continue;
		uint8_t byte;
		return pread(t->memfd, &byte, 1, (off_t)addr) == 1 && byte != 0xCC;
	}
	return false;
}

static enum verdict on_trap(struct tracer *t, struct tr_thread *th, uint64_t pc)
{
	siginfo_t si;
	if (ptrace(PTRACE_GETSIGINFO, th->tid, 0, &si) != 0)
		return V_GONE;
	if (th->user_step && si.si_code != SI_KERNEL && si.si_code != SI_USER &&
	    si.si_code != SI_TKILL) {
		if (th->steps_left > 0 && !tr_bp_find(t, pc)) {
			/* more steps asked for; one landing on our breakpoint ends here instead */
			th->steps_left--;
			if (ptrace(PTRACE_SINGLESTEP, th->tid, 0, 0) == 0) {
				th->stopped = false;
				return V_RESUMED;
			}
		}
		th->user_step = false;
		th->steps_left = 0;
		set_event(th, TR_STOP_STEP);
		return V_REPORT;
	}
	if (si.si_code == TRAP_HWBKPT) {
		int slot = tr_watch_triggered(t, th->tid);
		if (slot >= 0) {
			set_event(th, TR_STOP_WATCH);
			th->ev.watch_slot = slot;
			return V_REPORT;
		}
	}
	if (si.si_code == SI_KERNEL) {
		struct tr_bploc *b = pc ? tr_bp_find(t, pc - 1) : NULL;
		if (b)
			return on_breakpoint(t, th, b);
		if (pc && hit_removed_breakpoint(t, pc - 1)) {
			/* our int3, hit before the session removed it (several threads hit it
			 * at once, this one's SIGTRAP was still queued): the original byte is
			 * back, so run it as if the int3 had never been there */
			set_pc(th->tid, pc - 1);
			return V_RESUME;
		}
	}
	/* Not ours (the program's own int3 or raise(SIGTRAP), or a runtime's trap): the signal
	 * policy decides, and by default it goes back to the program untouched. */
	return on_signal(t, th, SIGTRAP, &si);
}

/* Whether tid is (still) a thread of the traced process: not a fork child, not one that has
 * exited and been reaped. */
static bool is_our_thread(const struct tracer *t, pid_t tid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/task/%d", (int)t->pid, (int)tid);
	return access(path, F_OK) == 0;
}

/* A thread seen for the first time: added, and announced to the session if it is one of the
 * process's threads. A new thread's first stop, even its exit, can come before its creator's
 * clone event (waitpid takes whichever child is ready), so this is wherever one is first
 * seen; announced only at the clone event, such a thread was unknown to the session until
 * then ("[Thread N (thread 0) exited]"), and one that had exited already came back as a thread
 * that never stops (everything then waited for it). */
static struct tr_thread *thread_appeared(struct tracer *t, pid_t tid)
{
	struct tr_thread *th = tr_thread_add(t, tid);
	if (!is_our_thread(t, tid)) {
		th->silent = true;
		return th;
	}
	struct tr_thread_ev te = {.tid = tid, .exited = 0};
	tr_send_event(t, TR_EV_THREAD, &te, sizeof(te), -1);
	return th;
}

static enum verdict classify_event(struct tracer *t, struct tr_thread **thp, int sig, int event)
{
	struct tr_thread *th = *thp;
	unsigned long msg = 0;
	switch (event) {
	case PTRACE_EVENT_CLONE: {
		ptrace(PTRACE_GETEVENTMSG, th->tid, 0, &msg);
		pid_t tid = (pid_t)msg;
		size_t idx = (size_t)(th - t->threads);
		/* starts unreaped: its first stop is still coming. Unless it was seen first (see
		 * thread_appeared): then it is known, or already gone and must not come back. */
		if (!tr_thread_find(t, tid) && is_our_thread(t, tid))
			thread_appeared(t, tid);
		*thp = &t->threads[idx]; /* the array may have moved */
		return V_RESUME;
	}
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
		ptrace(PTRACE_GETEVENTMSG, th->tid, 0, &msg);
		if (event == PTRACE_EVENT_VFORK)
			lift_bytes(t, true); /* the child runs in our memory until it execs */
		release_fork_child(t, (pid_t)msg, event == PTRACE_EVENT_VFORK);
		return V_RESUME;
	case PTRACE_EVENT_VFORK_DONE:
		lift_bytes(t, false);
		return V_RESUME;
	case PTRACE_EVENT_EXEC:
		return on_exec(t, thp);
	case PTRACE_EVENT_EXIT:
		/* The thread is dying: let it go at once, even while stopping the others, or a
		 * SIGKILLed process would never finish exiting (its leader's status waits for
		 * every thread). */
		if (ptrace(PTRACE_CONT, th->tid, 0, 0) == 0)
			th->stopped = false;
		th->exiting = true; /* a zombie leader reports nothing until the others exit */
		th->has_event = false;
		return V_RESUMED;
	case PTRACE_EVENT_STOP:
		if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)
			return V_RESUME; /* group-stop: see tr_resume_thread */
		return V_QUIET;
	default:
		return V_RESUME;
	}
}

/* Interprets one wait status of tid. Never resumes anything. */
static enum verdict classify(struct tracer *t, struct tr_thread **thp, int status)
{
	struct tr_thread *th = *thp;
	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (th->tid == t->pid) {
			tr_process_gone(t, status);
		} else {
			struct tr_thread_ev te = {.tid = th->tid, .exited = 1};
			bool silent = th->silent;
			tr_thread_remove(t, th->tid);
			if (!silent) /* the session never heard of it: its end is no news either */
				tr_send_event(t, TR_EV_THREAD, &te, sizeof(te), -1);
		}
		*thp = NULL;
		return V_GONE;
	}
	if (!WIFSTOPPED(status))
		return V_QUIET;
	if (!th->reaped)
		tr_watch_apply(t, th->tid); /* a new thread starts without debug registers */
	th->reaped = th->stopped = true;
	int sig = WSTOPSIG(status), event = status >> 16;
	/* one read of the pc serves the scratch check and the breakpoint lookup */
	uint64_t pc = 0;
	th->agent_code = 0;
	if (t->nscratch || (sig == SIGTRAP && !event))
		pc = tr_displace_fix_pc(t, th, get_pc(th->tid));
	if (event)
		return classify_event(t, thp, sig, event);
	if (sig == SIGTRAP)
		return on_trap(t, th, pc);
	siginfo_t si;
	bool have_si = ptrace(PTRACE_GETSIGINFO, th->tid, 0, &si) == 0;
	return on_signal(t, th, sig, have_si ? &si : NULL);
}

static void reinsert(struct tracer *t, uint64_t addr)
{
	if (t->pid && !t->bytes_lifted && tr_bp_find(t, addr))
		tr_mem_write_byte(t, addr, 0xCC);
}

/* Executes the instruction under th's breakpoint with the int3 byte removed. The caller
 * guarantees no other thread runs meanwhile, so none can pass the breakpoint unnoticed. */
static struct tr_thread *step_over(struct tracer *t, struct tr_thread *th)
{
	uint64_t addr = th->hit_addr;
	struct tr_bploc *b = tr_bp_find(t, addr);
	th->hit_addr = 0;
	if (!b || get_pc(th->tid) != addr)
		return th; /* the breakpoint went away, or the session moved the pc */
	pid_t tid = th->tid;
	tr_agent_disarm_range(t, addr, 1); /* the whole instruction back, not just a byte */
	tr_mem_write_byte(t, addr, b->orig);
	/* a signal the thread stopped with goes with the step, keeping its siginfo */
	int sig = th->resume_sig;
	th->resume_sig = 0;
	for (;;) {
		int st;
		uint64_t sp = sig ? get_sp(tid) : 0;
		if (ptrace(PTRACE_SINGLESTEP, tid, 0, (void *)(uintptr_t)sig) != 0)
			break;
		bool delivered = sig != 0;
		sig = 0;
		if (waitpid(tid, &st, __WALL) != tid)
			break;
		if (WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP && !(st >> 16)) {
			siginfo_t si;
			ptrace(PTRACE_GETSIGINFO, tid, 0, &si);
			if (si.si_code != SI_USER && si.si_code != SI_TKILL) {
				/* si_code SIGTRAP: the kernel built a handler frame during the step
				 * (signal_setup_done); the instruction at addr runs after it */
				if (delivered && si.si_code == SIGTRAP)
					arm_rehit(th, addr, sp);
				break;
			}
		}
		struct tr_thread *cur = th;
		enum verdict v = classify(t, &cur, st);
		if (v == V_GONE || v == V_RESUMED || !cur ||
		    (WIFSTOPPED(st) && (st >> 16) == PTRACE_EVENT_EXEC))
			return tr_thread_find(t, tid); /* nothing left to step */
		th = cur;
		if (v == V_REPORT) {
			if (get_pc(tid) == addr)
				th->hit_addr = addr; /* the instruction has not run yet */
			break;
		}
		if (WIFSTOPPED(st) && !(st >> 16) && th->resume_sig) {
			/* A signal to pass arrived before the instruction ran: deliver it with the
			 * step (resuming with 0 would discard it). */
			sig = th->resume_sig;
			th->resume_sig = 0;
		}
	}
	reinsert(t, addr);
	return tr_thread_find(t, tid); /* the table may have grown (a clone) and moved */
}

static bool others_running(struct tracer *t, const struct tr_thread *th)
{
	for (size_t i = 0; i < t->nthreads; i++)
		if (&t->threads[i] != th && t->threads[i].reaped && !t->threads[i].stopped &&
		    !t->threads[i].exiting)
			return true;
	return false;
}

static void resume_thread(struct tracer *t, struct tr_thread *th)
{
	th->user_step = false;
	th->steps_left = 0;
	if (th->hit_addr && th->resume_sig) {
		/* Deliver the signal at the breakpoint address itself (its handler must see the
		 * program's own pc, not a copy's); the int3 then runs again on return. */
		arm_rehit(th, th->hit_addr, get_sp(th->tid));
		th->hit_addr = 0;
	} else if (th->hit_addr) {
		if (tr_displace_ready(t, th, !others_running(t, th))) {
			tr_displace_resume(t, th);
		} else {
			th = step_over(t, th);
			if (!th)
				return;
		}
	}
	if (th->has_event)
		return;
	if (ptrace(PTRACE_CONT, th->tid, 0, (void *)(uintptr_t)th->resume_sig) == 0)
		th->stopped = false;
	th->resume_sig = 0;
}

static struct tr_thread *pick_event(struct tracer *t)
{
	for (size_t k = 0; k < t->nthreads; k++) {
		size_t i = (t->report_cursor + k) % t->nthreads;
		struct tr_thread *th = &t->threads[i];
		if (!th->has_event)
			continue;
		if (th->ev.reason == TR_STOP_BREAKPOINT && !tr_bp_find(t, th->ev.pc)) {
			th->has_event =
			    false; /* deleted since the hit: the pc was already rewound */
			th->hit_addr = 0;
			continue;
		}
		t->report_cursor = i + 1;
		return th;
	}
	return NULL;
}

static void report(struct tracer *t, struct tr_thread *th)
{
	tr_agent_disarm_all(t); /* the session sees int3 bytes at stops */
	th->has_event = false;
	th->user_step = false;
	th->steps_left = 0;
	t->running = false;
	struct tr_stop ev = th->ev;
	tr_send_event(t, TR_EV_STOP, &ev, sizeof(ev), -1);
}

/* Every thread is stopped: report the next waiting event, or resume everything. */
static void finish_stop(struct tracer *t)
{
	for (;;) {
		if (!t->pid)
			return;
		struct tr_thread *th = pick_event(t);
		if (th) {
			report(t, th);
			return;
		}
		bool stepped = false;
		for (size_t i = 0; i < t->nthreads; i++) {
			struct tr_thread *th = &t->threads[i];
			if (th->stopped && th->hit_addr && !th->resume_sig && !th->user_frozen &&
			    !tr_displace_ready(t, th, true)) {
				step_over(t, th);
				stepped = true;
				break; /* the table may have changed: scan again */
			}
		}
		if (stepped)
			continue; /* a step may have produced an event (or ended the process) */
		break;
	}
	tr_agent_arm_all(t);
	t->running = true;
	for (size_t i = 0; i < t->nthreads; i++)
		if (t->threads[i].stopped && t->threads[i].tid != t->hold_tid &&
		    !t->threads[i].user_frozen)
			resume_thread(t, &t->threads[i]);
}

void tr_release(struct tracer *t, pid_t tid)
{
	if (t->hold_tid != tid)
		return;
	t->hold_tid = 0;
	struct tr_thread *th = tr_thread_find(t, tid);
	if (t->running && th && th->stopped && !th->user_frozen)
		resume_thread(t, th);
}

void tr_wait_all_stopped(struct tracer *t)
{
	for (;;) {
		bool waiting = false;
		for (size_t i = 0; i < t->nthreads; i++)
			if (!t->threads[i].stopped && !t->threads[i].exiting)
				waiting = true;
		if (!waiting || !t->pid)
			return;
		int st;
		pid_t w = waitpid(-1, &st, __WALL);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		struct tr_thread *th = tr_thread_find(t, w);
		if (!th && tr_let_go_reaped(t, w))
			continue;
		if (!th)
			th = thread_appeared(t, w); /* its clone event is still queued */
		classify(t, &th, st);
	}
}

void tr_stop_all(struct tracer *t)
{
	for (size_t i = 0; i < t->nthreads; i++)
		if (!t->threads[i].stopped && t->threads[i].reaped && !t->threads[i].exiting)
			ptrace(PTRACE_INTERRUPT, t->threads[i].tid, 0, 0);
	tr_wait_all_stopped(t);
}

/* A stop of a thread a freeze left running. It must not stay stopped: the runtime answers
 * the debugger on such threads. What it would have reported is dropped (a breakpoint hit,
 * uncounted; a watchpoint trigger), or kept for later (a signal sent to the process, which
 * the kernel gives to a thread that is not stopped: raised again at the thaw). A fault in
 * the thread's own code stays (it could not run on). */
static void free_thread_stop(struct tracer *t, struct tr_thread *th, enum verdict v)
{
	if (v == V_REPORT) {
		const struct tr_stop *ev = &th->ev;
		bool fault = ev->reason == TR_STOP_SIGNAL && ev->code > 0 &&
			     (ev->signo == SIGSEGV || ev->signo == SIGBUS || ev->signo == SIGFPE ||
			      ev->signo == SIGILL);
		if (fault || (ev->reason != TR_STOP_BREAKPOINT && ev->reason != TR_STOP_SIGNAL &&
			      ev->reason != TR_STOP_WATCH))
			return;
		if (ev->reason == TR_STOP_BREAKPOINT)
			for (uint32_t i = 0; i < ev->ngroups; i++) {
				struct tr_group *g = tr_group_get(t, ev->groups[i].id);
				if (g->hits)
					g->hits--;
			}
		if (ev->reason == TR_STOP_SIGNAL) {
			th->deferred_sig = ev->signo;
			th->resume_sig = 0;
		}
		th->has_event = false;
	}
	resume_thread(t, th);
}

static void on_status(struct tracer *t, pid_t tid, int status)
{
	struct tr_thread *th = tr_thread_find(t, tid);
	if (!th && tr_let_go_reaped(t, tid))
		return; /* a program let go untraced earlier ended (untrace.c) */
	if (!th)
		th = thread_appeared(t, tid); /* its clone event is still queued */
	enum verdict v = classify(t, &th, status);
	if (v == V_GONE || v == V_RESUMED || !t->pid)
		return;
	if (!t->running) {
		/* stopped state: whatever this was stays with the thread, unless the thread is
		 * one a freeze left running (free_thread_stop) */
		if (th->free_running)
			free_thread_stop(t, th, v);
		return;
	}
	if (th->user_step && v != V_REPORT) {
		/* an out-of-band stop in the middle of a user's single-step: step again */
		ptrace(PTRACE_SINGLESTEP, th->tid, 0, (void *)(uintptr_t)th->resume_sig);
		th->resume_sig = 0;
		th->stopped = false;
		return;
	}
	if (v == V_REPORT ||
	    (th->hit_addr && others_running(t, th) && !tr_displace_ready(t, th, false))) {
		tr_stop_all(t);
		finish_stop(t);
		return;
	}
	resume_thread(t, th);
	if (th->has_event) { /* the step over the breakpoint produced an event */
		tr_stop_all(t);
		finish_stop(t);
	}
}

void tr_on_sigchld(struct tracer *t)
{
	int st;
	pid_t w;
	while (t->pid && (w = waitpid(-1, &st, WNOHANG | __WALL)) > 0)
		on_status(t, w, st);
	/* with no process, only programs let go untraced (untrace.c) end */
	while (!t->pid && (w = waitpid(-1, &st, WNOHANG | __WALL)) > 0)
		tr_let_go_reaped(t, w);
}

void tr_continue(struct tracer *t)
{
	finish_stop(t);
}

void tr_interrupt(struct tracer *t)
{
	tr_stop_all(t);
	if (!t->pid)
		return;
	struct tr_thread *th = pick_event(t);
	if (th) {
		report(t, th);
		return;
	}
	struct tr_stop ev = {.reason = TR_STOP_INTERRUPT, .tid = t->pid};
	struct tr_thread *leader = tr_thread_find(t, t->pid);
	if (!leader && t->nthreads)
		ev.tid = t->threads[0].tid;
	ev.pc = get_pc(ev.tid);
	t->running = false;
	tr_agent_disarm_all(t);
	tr_send_event(t, TR_EV_STOP, &ev, sizeof(ev), -1);
}

/* The threads listed run on while the others stay stopped (a thread the user froze stays). */
static void run_free(struct tracer *t, const int32_t *keep, size_t nkeep)
{
	for (size_t i = 0; i < nkeep; i++) {
		struct tr_thread *th = tr_thread_find(t, keep[i]);
		if (!th || th->free_running || th->user_frozen || !th->stopped || th->has_event ||
		    th->exiting)
			continue;
		th->free_running = true;
		resume_thread(t, th);
	}
}

/* At a managed stop the runtime has parked the threads running managed code; its debugger
 * service threads must keep running to answer ICorDebug, while everything else (threads in
 * native code, native-only threads) is held here so the user sees one stopped program. */
int tr_freeze(struct tracer *t, const int32_t *keep, size_t nkeep)
{
	if (t->frozen) {
		run_free(t, keep, nkeep); /* frozen already: these join the threads left running */
		return 0;
	}
	/* not running: a stop was reported (its event waits in the session): the freeze is over
	 * it, and the thaw stops the kept threads again without resuming anything */
	t->frozen_over_stop = !t->running;
	tr_stop_all(t);
	tr_agent_disarm_all(t);
	if (!t->pid)
		return -ESRCH; /* it ended meanwhile (TR_EV_EXIT was sent) */
	t->running = false;
	t->frozen = true;
	run_free(t, keep, nkeep);
	return 0;
}

bool tr_event_pending(const struct tracer *t)
{
	for (size_t i = 0; i < t->nthreads; i++)
		if (t->threads[i].has_event)
			return true;
	return false;
}

/* Back to the plain all-stop state: the threads a freeze left running are stopped too. */
void tr_thaw(struct tracer *t)
{
	if (!t->frozen)
		return;
	t->frozen = false;
	t->frozen_over_stop = false;
	tr_stop_all(t);
	for (size_t i = 0; i < t->nthreads; i++) {
		struct tr_thread *th = &t->threads[i];
		/* watchpoints set or deleted meanwhile reached only the stopped threads */
		if (th->free_running && th->stopped && !th->exiting)
			tr_watch_sync(t, th->tid);
		th->free_running = false;
		if (th->deferred_sig && !th->exiting)
			syscall(SYS_tgkill, t->pid, th->tid, th->deferred_sig);
		th->deferred_sig = 0;
	}
}

int tr_singlestep(struct tracer *t, pid_t tid, uint32_t count)
{
	struct tr_thread *th = tr_thread_find(t, tid);
	if (!th || !th->stopped)
		return -ESRCH;
	th->user_step = true;
	th->steps_left = count - 1;
	uint64_t pc = get_pc(tid);
	if (!th->hit_addr && tr_bp_find(t, pc))
		th->hit_addr = pc; /* step the instruction under our int3, not the int3 */
	if (th->hit_addr) {
		/* executes exactly the instruction under the breakpoint */
		th = step_over(t, th);
		if (!t->pid || !th)
			return 0;
		if (!th->has_event && th->steps_left > 0 && !tr_bp_find(t, get_pc(tid))) {
			th->steps_left--; /* that was one; go on with plain steps */
		} else {
			if (!th->has_event) {
				th->user_step = false;
				set_event(th, TR_STOP_STEP);
			}
			report(t, th);
			return 0;
		}
	}
	t->running = true; /* only this thread runs; the others stay stopped */
	if (ptrace(PTRACE_SINGLESTEP, tid, 0, (void *)(uintptr_t)th->resume_sig) != 0) {
		t->running = false;
		th->user_step = false;
		return -errno;
	}
	th->resume_sig = 0;
	th->stopped = false;
	return 0;
}
