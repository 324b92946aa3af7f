/* displace.c: resuming a thread from a breakpoint without removing the int3.
 *
 * The naive way over a breakpoint (restore the byte, single-step, re-insert) costs a second
 * stop per hit and needs every other thread stopped meanwhile. Instead, the instruction under
 * the breakpoint is executed out of line: a copy of it, followed by an absolute jump back to
 * the next instruction, sits in a scratch page we map in the debuggee near the code (within
 * +-2 GiB, so RIP-relative operands can be re-aimed by adjusting their 32-bit displacement).
 * The thread's pc is set to the copy and it simply continues: one stop per hit, and the int3
 * never leaves memory, so other threads need not stop.
 *
 * Instructions whose effect depends on where they execute are not copied: a relative call
 * (E8) and relative jumps (E9, EB) are emulated (registers and the pushed return address);
 * conditional and other relative branches, and calls through registers or memory (which would
 * push the copy's address), fall back to the single-step.
 *
 * The scratch page is mapped by running one mmap system call in the stopped thread (a
 * `syscall` instruction written over the breakpoint address for one step, registers saved and
 * restored), while every thread is stopped; it is unmapped the same way at detach.
 * Stops whose pc lies in a copy are reported at the original address.
 */
#include "tracer/tracer.h"

#include <capstone/capstone.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/xalloc.h"

#define SLOT_SIZE 32
#define PAGE	  4096
#define NEAR	  (1ull << 30) /* scratch within 1 GiB of the code keeps disp32 in range */

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static uint64_t dist(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/* Reads the original instruction bytes at addr (our int3s replaced by what they cover). */
static int read_orig(struct tracer *t, uint64_t addr, uint8_t *buf, size_t len)
{
	ssize_t n = pread(t->memfd, buf, len, (off_t)addr);
	if (n <= 0)
		return -1;
	for (ssize_t i = 0; i < n; i++) {
		struct tr_bploc *o = tr_bp_find(t, addr + (uint64_t)i);
		if (o)
			buf[i] = o->orig;
	}
	tr_agent_hide(t, addr, buf, (size_t)n);
	return (int)n;
}

/* Runs one system call in stopped thread tid, with a `syscall` instruction written at `at`
 * for the duration. Every other thread must be stopped. */
static int inject_syscall(struct tracer *t, pid_t tid, uint64_t at, long nr, const long a[6],
			  long *ret)
{
	struct user_regs_struct saved, r;
	uint8_t bytes[2];
	if (ptrace(PTRACE_GETREGS, tid, 0, &saved) != 0)
		return -errno;
	if (pread(t->memfd, bytes, 2, (off_t)at) != 2 ||
	    pwrite(t->memfd, "\x0f\x05", 2, (off_t)at) != 2)
		return -EFAULT;
	r = saved;
	r.rip = at;
	r.rax = (unsigned long)nr;
	r.orig_rax = (unsigned long)-1; /* no system-call restart logic on this step */
	r.rdi = (unsigned long)a[0];
	r.rsi = (unsigned long)a[1];
	r.rdx = (unsigned long)a[2];
	r.r10 = (unsigned long)a[3];
	r.r8 = (unsigned long)a[4];
	r.r9 = (unsigned long)a[5];
	struct user_regs_struct want = r;
	int rc = -EIO;
	if (ptrace(PTRACE_SETREGS, tid, 0, &r) == 0) {
		for (int tries = 0; tries < 8; tries++) {
			int st;
			if (ptrace(PTRACE_SINGLESTEP, tid, 0, 0) != 0 ||
			    waitpid(tid, &st, __WALL) != tid)
				break;
			if (!WIFSTOPPED(st)) { /* killed meanwhile */
				if (tid == t->pid)
					tr_process_gone(t, st);
				else
					tr_thread_remove(t, tid);
				return -ESRCH;
			}
			int event = st >> 16, sig = WSTOPSIG(st);
			if (event == PTRACE_EVENT_STOP && sig == SIGTRAP)
				continue; /* a stale interrupt: step again */
			if (event || sig != SIGTRAP) {
				/* A signal (or group-stop) came first. Give up: with the registers
				 * restored below, the thread sits in that signal's stop at its own
				 * pc, and resuming it with the signal keeps the original siginfo.
				 */
				struct tr_thread *th = tr_thread_find(t, tid);
				if (th && !event)
					th->resume_sig = sig;
				break;
			}
			if (ptrace(PTRACE_GETREGS, tid, 0, &r) != 0)
				break;
			/* A thread stopped in a system call (the exec stop) finishes it first,
			 * writing its result over rax, and reports the single-step trap on leaving
			 * the kernel before running anything (syscall_exit_work:
			 * user_single_step_report): set the registers again and step again. */
			if (r.rip == at) {
				if (ptrace(PTRACE_SETREGS, tid, 0, &want) != 0)
					break;
				continue;
			}
			if (r.rip == at + 2) {
				*ret = (long)r.rax;
				rc = 0;
			}
			break;
		}
	}
	if (pwrite(t->memfd, bytes, 2, (off_t)at) != 2)
		rc = -EFAULT;
	ptrace(PTRACE_SETREGS, tid, 0, &saved);
	return rc;
}

/* A free, page-aligned address near addr, from /proc/PID/maps (0 if none). */
static uint64_t free_spot_near(struct tracer *t, uint64_t addr)
{
	char path[64], line[512];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)t->pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	/* Only the top page of a gap, just below a mapping: the bottom of a gap may be where the
	 * program's brk heap grows. */
	uint64_t prev_end = 0x10000, best = 0;
	while (fgets(line, sizeof(line), f)) {
		unsigned long long lo, hi;
		if (sscanf(line, "%llx-%llx", &lo, &hi) != 2)
			continue;
		if (lo >= prev_end + PAGE) { /* gap [prev_end, lo) */
			uint64_t cand = lo - PAGE;
			if (dist(cand, addr) < NEAR &&
			    (!best || dist(cand, addr) < dist(best, addr)))
				best = cand;
		}
		if (hi > prev_end)
			prev_end = hi;
	}
	fclose(f);
	return best;
}

static struct tr_scratch *scratch_near(struct tracer *t, uint64_t addr, size_t size)
{
	for (size_t i = 0; i < t->nscratch; i++)
		if (t->scratch[i].used + size <= PAGE && dist(t->scratch[i].base, addr) < NEAR)
			return &t->scratch[i];
	return NULL;
}

/* Maps a scratch page near addr by a system call run in th, with the `syscall` instruction
 * written at inject_at for one step. */
static struct tr_scratch *map_scratch(struct tracer *t, struct tr_thread *th, uint64_t addr,
				      uint64_t inject_at)
{
	uint64_t spot = free_spot_near(t, addr);
	if (!spot)
		return NULL;
	long args[6] = {(long)spot,
			PAGE,
			PROT_READ | PROT_EXEC,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			-1,
			0};
	long ret = 0;
	if (inject_syscall(t, th->tid, inject_at, SYS_mmap, args, &ret) != 0 ||
	    (uint64_t)ret != spot)
		return NULL;
	xgrow((void **)&t->scratch, &t->cap_scratch, t->nscratch + 1, sizeof(*t->scratch));
	struct tr_scratch *s = &t->scratch[t->nscratch++];
	s->base = spot;
	s->used = 0;
	return s;
}

uint64_t tr_scratch_alloc(struct tracer *t, struct tr_thread *th, uint64_t near, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if (size > PAGE)
		return 0;
	struct tr_scratch *s = scratch_near(t, near, size);
	if (!s && th)
		s = map_scratch(t, th, near, near);
	if (!s)
		return 0;
	uint64_t at = s->base + s->used;
	s->used += size;
	return at;
}

int tr_displace_relocate(struct tracer *t, uint64_t addr, uint8_t *insn, size_t *len)
{
	uint8_t code[16];
	int n = read_orig(t, addr, code, sizeof(code));
	csh cs;
	if (n <= 0 || cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK)
		return -1;
	cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
	cs_insn *in = NULL;
	int rc = -1;
	if (cs_disasm(cs, code, (size_t)n, addr, 1, &in) == 1) {
		const cs_x86 *x = &in->detail->x86;
		bool relbranch = cs_insn_group(cs, in, CS_GRP_BRANCH_RELATIVE);
		bool flow = cs_insn_group(cs, in, CS_GRP_CALL) ||
			    cs_insn_group(cs, in, CS_GRP_JUMP) ||
			    cs_insn_group(cs, in, CS_GRP_RET) ||
			    cs_insn_group(cs, in, CS_GRP_INT) || cs_insn_group(cs, in, CS_GRP_IRET);
		uint8_t disp_off = 0;
		for (uint8_t i = 0; i < x->op_count; i++)
			if (x->operands[i].type == X86_OP_MEM &&
			    x->operands[i].mem.base == X86_REG_RIP)
				disp_off = x->encoding.disp_offset;
		/* the copy runs at another address: anything that depends on where it runs or
		 * changes the flow of control stays on the int3 path */
		if (!relbranch && !flow && in->id != X86_INS_INVALID && in->id != X86_INS_SYSCALL &&
		    in->id != X86_INS_INT3 && in->id != X86_INS_XBEGIN &&
		    (!disp_off || x->encoding.disp_size == 4)) {
			memcpy(insn, code, in->size);
			*len = in->size;
			rc = disp_off;
		}
		cs_free(in, 1);
	}
	cs_close(&cs);
	return rc;
}

/* Decides how the instruction at b->addr is resumed; maps scratch memory if needed (only
 * when every other thread is stopped: may_inject). */
static void plan(struct tracer *t, struct tr_thread *th, struct tr_bploc *b, bool may_inject)
{
	uint8_t code[16];
	if (th->resume_sig)
		may_inject = false; /* the injected step would have to carry that signal */
	int n = read_orig(t, b->addr, code, sizeof(code));
	csh cs;
	if (n <= 0 || cs_open(CS_ARCH_X86, CS_MODE_64, &cs) != CS_ERR_OK) {
		b->ds_mode = TR_DS_STEP;
		return;
	}
	cs_option(cs, CS_OPT_DETAIL, CS_OPT_ON);
	cs_insn *insn = NULL;
	size_t got = cs_disasm(cs, code, (size_t)n, b->addr, 1, &insn);
	enum tr_ds_mode mode = TR_DS_STEP;
	if (got == 1) {
		const cs_x86 *x = &insn->detail->x86;
		bool relbranch = cs_insn_group(cs, insn, CS_GRP_BRANCH_RELATIVE);
		bool is_call = cs_insn_group(cs, insn, CS_GRP_CALL);
		/* capstone 4 decodes "66 e9 rel32" as a 4-byte jmp rel16; Intel CPUs ignore the
		 * prefix in 64-bit mode (6 bytes): never emulate a prefixed branch */
		bool prefixed = false;
		for (int i = 0; i < 4; i++)
			prefixed |= x->prefix[i] != 0;
		b->ds_len = insn->size;
		if (prefixed && relbranch) {
			mode = TR_DS_STEP;
		} else if (insn->id == X86_INS_CALL && relbranch && x->op_count == 1 &&
			   x->operands[0].type == X86_OP_IMM) {
			mode = TR_DS_CALL;
			b->ds_target = (uint64_t)x->operands[0].imm;
		} else if (insn->id == X86_INS_JMP && relbranch && x->op_count == 1 &&
			   x->operands[0].type == X86_OP_IMM) {
			mode = TR_DS_JMP;
			b->ds_target = (uint64_t)x->operands[0].imm;
		} else if (!relbranch && !is_call && insn->id != X86_INS_INT3 &&
			   insn->id != X86_INS_INVALID) {
			mode = TR_DS_SLOT;
			b->ds_disp_off = 0;
			for (uint8_t i = 0; i < x->op_count; i++)
				if (x->operands[i].type == X86_OP_MEM &&
				    x->operands[i].mem.base == X86_REG_RIP)
					b->ds_disp_off = x->encoding.disp_offset;
			if (b->ds_disp_off && x->encoding.disp_size != 4)
				mode = TR_DS_STEP;
		}
		cs_free(insn, got);
	}
	cs_close(&cs);
	if (mode != TR_DS_SLOT) {
		b->ds_mode = mode;
		return;
	}
	struct tr_scratch *s = scratch_near(t, b->addr, SLOT_SIZE);
	if (!s && !may_inject)
		return; /* undecided: try again when every thread is stopped */
	if (!s)
		s = map_scratch(t, th, b->addr, b->addr);
	if (!s) {
		b->ds_mode = TR_DS_STEP;
		return;
	}
	uint64_t slot = s->base + s->used;
	uint8_t buf[SLOT_SIZE];
	memcpy(buf, code, b->ds_len);
	if (b->ds_disp_off) {
		int32_t disp;
		memcpy(&disp, buf + b->ds_disp_off, 4);
		int64_t moved = (int64_t)disp + (int64_t)(b->addr - slot);
		if (moved < INT32_MIN || moved > INT32_MAX) {
			b->ds_mode = TR_DS_STEP;
			return;
		}
		disp = (int32_t)moved;
		memcpy(buf + b->ds_disp_off, &disp, 4);
	}
	uint64_t back = b->addr + b->ds_len;
	memcpy(buf + b->ds_len, "\xff\x25\x00\x00\x00\x00", 6); /* jmp *0(%rip) */
	memcpy(buf + b->ds_len + 6, &back, 8);
	if (pwrite(t->memfd, buf, b->ds_len + 14u, (off_t)slot) != (ssize_t)(b->ds_len + 14u)) {
		b->ds_mode = TR_DS_STEP;
		return;
	}
	s->used += SLOT_SIZE;
	b->ds_slot = slot;
	b->ds_mode = TR_DS_SLOT;
}

bool tr_displace_ready(struct tracer *t, struct tr_thread *th, bool may_inject)
{
	struct tr_bploc *b = tr_bp_find(t, th->hit_addr);
	if (!b || t->no_displace)
		return false;
	if (b->ds_mode == TR_DS_UNKNOWN)
		plan(t, th, b, may_inject);
	return b->ds_mode == TR_DS_SLOT || b->ds_mode == TR_DS_CALL || b->ds_mode == TR_DS_JMP;
}

int tr_displace_resume(struct tracer *t, struct tr_thread *th)
{
	struct tr_bploc *b = tr_bp_find(t, th->hit_addr);
	th->hit_addr = 0;
	if (!b)
		return 0;
	struct user_regs_struct r;
	switch (b->ds_mode) {
	case TR_DS_SLOT:
		return ptrace(PTRACE_POKEUSER, th->tid, (void *)offsetof(struct user, regs.rip),
			      (void *)(uintptr_t)b->ds_slot) == 0
			   ? 0
			   : -errno;
	case TR_DS_CALL: {
		if (ptrace(PTRACE_GETREGS, th->tid, 0, &r) != 0)
			return -errno;
		uint64_t ret = b->addr + b->ds_len;
		r.rsp -= 8;
		if (pwrite(t->memfd, &ret, 8, (off_t)r.rsp) != 8)
			return -EFAULT;
		r.rip = b->ds_target;
		return ptrace(PTRACE_SETREGS, th->tid, 0, &r) == 0 ? 0 : -errno;
	}
	case TR_DS_JMP:
		return ptrace(PTRACE_POKEUSER, th->tid, (void *)offsetof(struct user, regs.rip),
			      (void *)(uintptr_t)b->ds_target) == 0
			   ? 0
			   : -errno;
	default:
		return -EINVAL;
	}
}

/* A stop inside a copy is shown at the original instruction: before it ran (pc at the copy's
 * start: the thread still owes that instruction, without a new hit) or after (pc in the jump
 * back). */
/* True when the thread is stopped in an interrupted system call that the kernel will
 * restart by moving the pc back over the `syscall` instruction (-ERESTARTSYS and kin in rax,
 * the call number in orig_rax: arch/x86/kernel/signal.c). */
static bool restart_pending(pid_t tid)
{
	struct user_regs_struct r;
	if (ptrace(PTRACE_GETREGS, tid, 0, &r) != 0)
		return false;
	long rax = (long)r.rax;
	return (long)r.orig_rax >= 0 && (rax == -512 || rax == -513 || rax == -514 || rax == -516);
}

uint64_t tr_displace_fix_pc(struct tracer *t, struct tr_thread *th, uint64_t pc)
{
	if (!t->nscratch)
		return pc;
	bool inside = false;
	for (size_t i = 0; i < t->nscratch && !inside; i++)
		inside = pc >= t->scratch[i].base && pc < t->scratch[i].base + PAGE;
	if (!inside || tr_agent_fix_pc(t, th, &pc))
		return pc;
	for (size_t i = 0; i < t->bp_cap; i++) {
		struct tr_bploc *b = &t->bps[i];
		if (!b->addr || b->ds_mode != TR_DS_SLOT || pc < b->ds_slot ||
		    pc >= b->ds_slot + SLOT_SIZE)
			continue;
		if (pc != b->ds_slot && restart_pending(th->tid))
			return pc; /* the kernel will back up onto the copied syscall: stay */
		uint64_t fixed = pc == b->ds_slot ? b->addr : b->addr + b->ds_len;
		if (pc == b->ds_slot)
			th->hit_addr = b->addr;
		ptrace(PTRACE_POKEUSER, th->tid, (void *)offsetof(struct user, regs.rip),
		       (void *)(uintptr_t)fixed);
		return fixed;
	}
	return pc;
}

/* Before detach: every thread out of the copies, then the scratch pages unmapped. */
void tr_displace_release(struct tracer *t)
{
	tr_agent_disarm_all(t); /* no jump into a page about to go */
	for (size_t i = 0; i < t->nthreads; i++)
		if (t->threads[i].stopped) {
			errno = 0;
			long pc = ptrace(PTRACE_PEEKUSER, t->threads[i].tid,
					 (void *)offsetof(struct user, regs.rip), 0);
			if (!errno)
				tr_displace_fix_pc(t, &t->threads[i], (uint64_t)pc);
		}
	for (size_t k = 0; k < t->nscratch; k++) {
		for (size_t i = 0; i < t->nthreads; i++) {
			struct tr_thread *th = &t->threads[i];
			if (!th->stopped || th->exiting || th->resume_sig || th->has_event)
				continue;
			errno = 0;
			long pc = ptrace(PTRACE_PEEKUSER, th->tid,
					 (void *)offsetof(struct user, regs.rip), 0);
			if (errno)
				continue;
			long args[6] = {(long)t->scratch[k].base, PAGE, 0, 0, 0, 0};
			long ret;
			if (inject_syscall(t, th->tid, (uint64_t)pc, SYS_munmap, args, &ret) == 0)
				break;
		}
	}
	tr_displace_forget(t);
}

void tr_displace_forget(struct tracer *t)
{
	tr_agent_forget(t);
	free(t->scratch);
	t->scratch = NULL;
	t->nscratch = t->cap_scratch = 0;
}
