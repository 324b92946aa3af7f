/* agent.c: breakpoint conditions decided inside the program.
 *
 * Every hit of an int3 costs a ptrace stop (two context switches and several ptrace calls)
 * even when the condition is false. For a breakpoint with one user, a condition that
 * agent_jit.c can compile and an instruction that covers >= 5 bytes, the int3 is replaced,
 * while the program runs, by `jmp rel32` to a trampoline in the scratch memory displace.c
 * maps within +-1 GiB of the code: it evaluates the condition, and when false runs a
 * relocated copy of the instruction and jumps back, never leaving the program. When true (or
 * unsure) it restores everything and executes an int3, reported as the breakpoint's own int3
 * (pc mapped back to the breakpoint) and decided once more by condvm.c, so hit counts, ignore
 * counts and what the session sees are exactly those of the int3 path. A false condition is
 * not a hit (gdb's count, as condvm.c), so the false path needs no counter.
 *
 * Safety rules, and why:
 * - Only when the 5 bytes of the jump lie within one instruction: no code can branch into the
 *   middle of an instruction, so no other path runs the overwritten bytes, and a thread's pc
 *   is never inside them. (Multi-instruction patches at function entries would need proof
 *   that the following instructions are no branch targets; not done.)
 * - The jump is armed only while the program runs and disarmed at every stop reported to
 *   the session (and before a step over the breakpoint, a vfork child, a detach): at a stop
 *   memory holds the int3 as before, which the session hides; the tracer's own reads of code
 *   hide armed jumps too (tr_agent_hide).
 * - Arming and disarming go through the int3 state, a byte at a time as Linux's text_poke_bp
 *   does (arch/x86/kernel/alternative.c): armed = e9 rel32, disarmed = cc + original tail.
 *   Arm: the tail then e9; disarm: cc then the tail. A thread fetching the instruction
 *   meanwhile sees either the int3 (handled as a plain hit) or a whole jump, so a breakpoint
 *   may be inserted or removed while some threads run (managed stops).
 * - A thread stopped inside a trampoline (an interrupt, a signal) is put back: before the
 *   decision, at the breakpoint address with the registers the trampoline saved (nothing the
 *   program can see was written); on the false path at the copy, at the breakpoint owing the
 *   instruction (hit_addr, as displace.c's copies); after the copy, after the instruction.
 *   So signal handlers and the session see program addresses only.
 * - Trampolines are never reused or freed while the process lives (a retired one may still
 *   be run by a thread that read the jump just before it was disarmed).
 * - Not while a hardware watchpoint is set (the trampoline's own accesses would trigger it).
 * - A fault in a trampoline's own code (its stack space below the red zone beyond the end of
 *   a thread's stack) gives that trampoline up; the thread goes on through the int3.
 * - MIXDBG_NO_AGENT=1 turns it off (every condition decided in the tracer, as before).
 */
#include "tracer/tracer.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <unistd.h>

#include "util/xalloc.h"

#define TRAMP_MAX 2048

static int write_bytes(struct tracer *t, uint64_t addr, const uint8_t *b, size_t n)
{
	return pwrite(t->memfd, b, n, (off_t)addr) == (ssize_t)n ? 0 : -1;
}

static void arm(struct tracer *t, struct tr_agent *a)
{
	uint8_t now;
	if (a->armed || pread(t->memfd, &now, 1, (off_t)a->addr) != 1 || now != 0xCC)
		return; /* not in the int3 state: leave it */
	if (write_bytes(t, a->addr + 1, a->jmp + 1, 4) != 0)
		return;
	if (write_bytes(t, a->addr, a->jmp, 1) != 0) {
		write_bytes(t, a->addr + 1, a->orig + 1, 4);
		return;
	}
	a->armed = true;
}

static void disarm(struct tracer *t, struct tr_agent *a)
{
	if (!a->armed)
		return;
	static const uint8_t int3 = 0xCC;
	write_bytes(t, a->addr, &int3, 1);
	write_bytes(t, a->addr + 1, a->orig + 1, 4);
	a->armed = false;
}

void tr_agent_disarm_all(struct tracer *t)
{
	for (size_t i = 0; i < t->nagents; i++)
		disarm(t, &t->agents[i]);
}

void tr_agent_disarm_range(struct tracer *t, uint64_t addr, size_t len)
{
	for (size_t i = 0; i < t->nagents; i++) {
		struct tr_agent *a = &t->agents[i];
		if (a->armed && addr < a->addr + 5 && a->addr < addr + len)
			disarm(t, a);
	}
}

void tr_agent_retire(struct tracer *t, struct tr_bploc *b)
{
	if (!b->agent)
		return;
	struct tr_agent *a = &t->agents[b->agent - 1];
	disarm(t, a);
	a->live = false;
	b->agent = 0;
}

void tr_agent_cond_changed(struct tracer *t, uint32_t group)
{
	for (size_t i = 0; i < t->bp_cap; i++) {
		struct tr_bploc *b = &t->bps[i];
		for (uint32_t k = 0; b->addr && k < b->ngroups; k++)
			if (b->groups[k] == group) {
				tr_agent_retire(t, b);
				b->agent_tried = 0;
				break;
			}
	}
}

/* Whether another breakpoint lies inside the bytes after addr that a jump would cover. */
static bool bp_inside(struct tracer *t, uint64_t addr, size_t len)
{
	for (uint64_t p = addr + 1; p < addr + len; p++)
		if (tr_bp_find(t, p))
			return true;
	return false;
}

/* A stopped thread that can run one injected system call (to map scratch memory). */
static struct tr_thread *injector(struct tracer *t)
{
	for (size_t i = 0; i < t->nthreads; i++) {
		struct tr_thread *th = &t->threads[i];
		if (th->stopped && th->reaped && !th->exiting && !th->resume_sig && !th->has_event)
			return th;
	}
	return NULL;
}

/* A trampoline for b, or -1 (then b stays on the int3 path). */
static int build(struct tracer *t, struct tr_bploc *b, const struct tr_condprog *cp)
{
	struct tr_agent a = {.addr = b->addr, .cond_gen = cp->gen, .live = true};
	size_t len = 0;
	int disp_off = tr_displace_relocate(t, b->addr, a.orig, &len);
	if (disp_off < 0 || len < 5 || len > sizeof(a.orig))
		return -1;
	a.len = (uint8_t)len;
	if (bp_inside(t, b->addr, len))
		return -1;
	for (size_t i = 0; i < t->nagents; i++) {
		/* one retired here for the same condition and code (disabled and enabled again,
		 * a step's breakpoint there for a while) serves again */
		struct tr_agent *old = &t->agents[i];
		if (!old->live && old->addr == b->addr && old->cond_gen == cp->gen &&
		    old->len == len && !memcmp(old->orig, a.orig, len)) {
			old->live = true;
			b->agent = (uint32_t)i + 1;
			return 0;
		}
	}
	struct tr_tramp_req rq = {.cond = cp->code,
				  .cond_len = cp->len,
				  .bp_addr = b->addr,
				  .tramp_addr = 0,
				  .insn = a.orig,
				  .insn_len = len,
				  .disp_off = 0};
	uint8_t code[TRAMP_MAX];
	int size = tr_tramp_build(&rq, code, sizeof(code), &a.lay); /* to learn the size */
	struct tr_thread *th = injector(t);
	if (size < 0 || !th)
		return -1;
	uint64_t base = tr_scratch_alloc(t, th, b->addr, (size_t)size);
	if (!base)
		return -1;
	rq.tramp_addr = base;
	rq.disp_off = disp_off;
	if (tr_tramp_build(&rq, code, sizeof(code), &a.lay) != size)
		return -1;
	int64_t rel = (int64_t)(base - (b->addr + 5));
	if (rel < INT32_MIN || rel > INT32_MAX)
		return -1;
	if (pwrite(t->memfd, code, (size_t)size, (off_t)base) != size)
		return -1;
	a.base = base;
	int32_t rel32 = (int32_t)rel;
	a.jmp[0] = 0xE9;
	memcpy(a.jmp + 1, &rel32, 4);
	xgrow((void **)&t->agents, &t->cap_agents, t->nagents + 1, sizeof(*t->agents));
	t->agents[t->nagents++] = a;
	b->agent = (uint32_t)t->nagents;
	return 0;
}

/* The pcs of the stopped threads (read once per arming). */
struct pcs {
	uint64_t *v;
	size_t n;
	bool read;
};

/* Whether a stopped thread's pc lies inside the bytes after addr that a jump would cover. */
static bool thread_inside(struct tracer *t, struct pcs *pcs, uint64_t addr, size_t len)
{
	if (!pcs->read) {
		pcs->read = true;
		pcs->v = xcalloc(t->nthreads + 1, sizeof(*pcs->v));
		for (size_t i = 0; i < t->nthreads; i++) {
			if (!t->threads[i].stopped)
				continue;
			errno = 0;
			long pc = ptrace(PTRACE_PEEKUSER, t->threads[i].tid,
					 (void *)offsetof(struct user, regs.rip), 0);
			if (!errno)
				pcs->v[pcs->n++] = (uint64_t)pc;
		}
	}
	for (size_t i = 0; i < pcs->n; i++)
		if (pcs->v[i] > addr && pcs->v[i] < addr + len)
			return true;
	return false;
}

void tr_agent_arm_all(struct tracer *t)
{
	if (t->no_agent || t->bytes_lifted || !t->pid || t->memfd < 0)
		return;
	/* A trampoline's loads would trigger a read or access watchpoint where the tracer's
	 * reads (/proc/PID/mem) do not, and its stack space below the red zone could lie under
	 * a write watchpoint: while any watchpoint is set, conditions stay in the tracer. */
	for (int i = 0; i < TR_WATCH_SLOTS; i++)
		if (t->watch[i].kind)
			return;
	struct pcs pcs = {0};
	for (size_t i = 0; i < t->bp_cap; i++) {
		struct tr_bploc *b = &t->bps[i];
		if (!b->addr)
			continue;
		const struct tr_condprog *cp = b->ngroups == 1 && !(b->flags[0] & TR_BP_INTERNAL)
						   ? tr_cond_find(t, b->groups[0])
						   : NULL;
		if (!cp || !cp->len) {
			tr_agent_retire(t, b);
			continue;
		}
		if (b->agent && t->agents[b->agent - 1].cond_gen != cp->gen)
			tr_agent_retire(t, b);
		if (!b->agent && b->agent_tried != cp->gen && build(t, b, cp) != 0)
			b->agent_tried = cp->gen;
		if (!b->agent)
			continue;
		struct tr_agent *a = &t->agents[b->agent - 1];
		/* checked at each arming: a breakpoint may have been set inside the bytes since
		 * the trampoline was made, a thread moved there (jump *ADDR) */
		if (!bp_inside(t, a->addr, a->len) && !thread_inside(t, &pcs, a->addr, a->len))
			arm(t, a);
	}
	free(pcs.v);
}

/* Puts a thread stopped at offset o of trampoline a back into the program's own state. */
static uint64_t put_back(struct tr_thread *th, const struct tr_agent *a, uint64_t o,
			 struct tracer *t)
{
	const struct tr_tramp_layout *l = &a->lay;
	struct user_regs_struct r;
	if (ptrace(PTRACE_GETREGS, th->tid, 0, &r) != 0)
		return a->base + o;
	uint64_t full = 128 + (uint64_t)l->frame; /* rsp was lowered by this after pushfq */
	uint64_t pc = a->addr;
	if (o == 0) {
		/* nothing run yet */
	} else if (o <= l->pushf) {
		r.rsp += full - 8;
	} else if (o <= l->body) {
		r.rsp += full; /* saves under way: registers and flags untouched */
	} else if (o < l->false_lea || (o >= l->true_epi && o < l->true_lea)) {
		uint64_t saved[4]; /* flags, rax, rcx, rdx */
		if (pread(t->memfd, saved, sizeof(saved), (off_t)r.rsp) != sizeof(saved))
			return a->base + o;
		r.eflags = saved[0];
		r.rax = saved[1];
		r.rcx = saved[2];
		r.rdx = saved[3];
		r.rsp += full;
	} else if (o == l->false_lea || o == l->true_lea) {
		r.rsp += full - 8; /* everything but rsp given back */
	} else if (o == l->copy) {
		th->hit_addr = a->addr; /* false: the thread owes the instruction, no new hit */
	} else if (o > l->copy && o < l->true_epi) {
		pc = a->addr + a->len; /* the copy ran */
	} else if (o == l->trap) {
		/* the int3 not yet run: it runs again at the breakpoint (no hit counted yet) */
	} else if (o == (uint64_t)l->trap + 1) {
		pc = a->addr + 1; /* as if the breakpoint's own int3 had run */
	} else {
		return a->base + o;
	}
	r.rip = pc;
	if (ptrace(PTRACE_SETREGS, th->tid, 0, &r) != 0)
		return a->base + o;
	return pc;
}

bool tr_agent_fix_pc(struct tracer *t, struct tr_thread *th, uint64_t *pc)
{
	for (size_t i = 0; i < t->nagents; i++) {
		const struct tr_agent *a = &t->agents[i];
		if (*pc < a->base || *pc > a->base + a->lay.size)
			continue;
		uint64_t o = *pc - a->base;
		if (o < a->lay.copy || (o >= a->lay.true_epi && o <= a->lay.trap))
			th->agent_code = (uint32_t)i + 1;
		*pc = put_back(th, a, o, t);
		return true;
	}
	return false;
}

bool tr_agent_own_fault(struct tracer *t, struct tr_thread *th)
{
	if (!th->agent_code || th->agent_code > t->nagents)
		return false;
	const struct tr_agent *a = &t->agents[th->agent_code - 1];
	struct tr_bploc *b = tr_bp_find(t, a->addr);
	if (b && b->agent == th->agent_code) {
		b->agent_tried = a->cond_gen;
		tr_agent_retire(t, b);
	}
	th->agent_code = 0;
	th->resume_sig = 0;
	return true;
}

void tr_agent_hide(const struct tracer *t, uint64_t addr, uint8_t *buf, size_t len)
{
	for (size_t i = 0; i < t->nagents; i++) {
		const struct tr_agent *a = &t->agents[i];
		if (!a->armed)
			continue;
		for (size_t k = 0; k < 5; k++)
			if (a->addr + k >= addr && a->addr + k < addr + len)
				buf[a->addr + k - addr] = a->orig[k];
	}
}

void tr_agent_restore_into(const struct tracer *t, int memfd)
{
	for (size_t i = 0; i < t->nagents; i++) {
		const struct tr_agent *a = &t->agents[i];
		if (a->armed && pwrite(memfd, a->orig, 5, (off_t)a->addr) != 5)
			return;
	}
}

void tr_agent_forget(struct tracer *t)
{
	free(t->agents);
	t->agents = NULL;
	t->nagents = t->cap_agents = 0;
	for (size_t i = 0; i < t->bp_cap; i++) {
		t->bps[i].agent = 0;
		t->bps[i].agent_tried = 0;
	}
}
