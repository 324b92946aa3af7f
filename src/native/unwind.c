/* unwind.c: nat_unwind, through dwfl_attach_state with callbacks of our own.
 *
 * libdwfl's process state is attached once per Dwfl (dwfl_attach_state refuses a second
 * time), with a dwfl_arg that stays valid: the per-call memory and register sources are put
 * into it before each unwind. Stack memory is read through a small page cache, so an unwind
 * costs a few reads of 4 KiB rather than a read per word.
 */
#include "native/unwind.h"

#include <dwarf.h>
#include <stdlib.h>
#include <string.h>

#include "native/sym_internal.h"
#include "native/unwind_internal.h"
#include "util/xalloc.h"

#define CACHE_PAGES 16
#define PAGE	    4096

struct nat_unwind_state {
	const struct nat_unwind_ops *ops; /* sources for the unwind under way */
	pid_t tid;			  /* the thread being unwound */
	uint64_t page_addr[CACHE_PAGES];  /* cached pages (0: free slot) */
	uint8_t page[CACHE_PAGES][PAGE];
	unsigned next_slot; /* round-robin replacement */
};

static pid_t next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	(void)dwfl;
	(void)arg;
	(void)thread_argp;
	return 0; /* we only unwind threads asked for by id */
}

static bool get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_argp)
{
	(void)dwfl;
	struct nat_unwind_state *st = arg;
	st->tid = tid;
	*thread_argp = st;
	return true;
}

static bool memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	(void)dwfl;
	struct nat_unwind_state *st = arg;
	uint64_t base = addr & ~(uint64_t)(PAGE - 1);
	if (addr - base <= PAGE - sizeof(*result)) {
		for (unsigned i = 0; i < CACHE_PAGES; i++) {
			if (st->page_addr[i] == base && base) {
				memcpy(result, st->page[i] + (addr - base), sizeof(*result));
				return true;
			}
		}
		unsigned slot = st->next_slot++ % CACHE_PAGES;
		if (base && st->ops->read_mem(st->ops->ctx, base, st->page[slot], PAGE) == 0) {
			st->page_addr[slot] = base;
			memcpy(result, st->page[slot] + (addr - base), sizeof(*result));
			return true;
		}
	}
	return st->ops->read_mem(st->ops->ctx, addr, result, sizeof(*result)) == 0;
}

static bool set_initial_registers(Dwfl_Thread *thread, void *thread_arg)
{
	struct nat_unwind_state *st = thread_arg;
	struct user_regs_struct r;
	if (st->ops->get_regs(st->ops->ctx, st->tid, &r) != 0)
		return false;
	/* DWARF register numbers of x86-64 (System V psABI): rax rdx rcx rbx rsi rdi rbp rsp,
	 * r8..r15, then the return address column (rip) */
	Dwarf_Word regs[17] = {r.rax, r.rdx, r.rcx, r.rbx, r.rsi, r.rdi, r.rbp, r.rsp, r.r8,
			       r.r9,  r.r10, r.r11, r.r12, r.r13, r.r14, r.r15, r.rip};
	return dwfl_thread_state_registers(thread, 0, 17, regs);
}

static const Dwfl_Thread_Callbacks callbacks = {
    .next_thread = next_thread,
    .get_thread = get_thread,
    .memory_read = memory_read,
    .set_initial_registers = set_initial_registers,
};

struct collect {
	struct nat_frame *out;
	size_t max, n;
};

static int on_frame(Dwfl_Frame *frame, void *arg)
{
	struct collect *c = arg;
	Dwarf_Addr pc;
	bool activation = false;
	if (!dwfl_frame_pc(frame, &pc, &activation) || pc == 0)
		return DWARF_CB_ABORT;
	Dwarf_Word sp = 0;
	dwfl_frame_reg(frame, 7 /* DWARF rsp */, &sp);
	c->out[c->n].sp = sp;
	c->out[c->n].pc = pc;
	c->out[c->n].lookup_pc = activation ? pc : pc - 1;
	c->n++;
	return c->n < c->max ? DWARF_CB_OK : DWARF_CB_ABORT;
}

int nat_unwind(struct nat_syms *s, const struct nat_unwind_ops *ops, pid_t pid, pid_t tid,
	       struct nat_frame *out, size_t max, size_t *n, struct mx_err *err)
{
	*n = 0;
	if (!max)
		return 0;
	Dwfl *dwfl = nat_syms_dwfl(s);
	/* dwfl_attach_state keeps its dwfl_arg for the Dwfl's lifetime: the state lives in (and
	 * is freed with) the nat_syms */
	struct nat_unwind_state **slot = nat_syms_unwind_state(s);
	if (!*slot)
		*slot = xcalloc(1, sizeof(**slot));
	struct nat_unwind_state *st = *slot;
	st->ops = ops;
	memset(st->page_addr, 0, sizeof(st->page_addr)); /* memory changed since last time */
	if (dwfl_pid(dwfl) < 0 && !dwfl_attach_state(dwfl, NULL, pid, &callbacks, st))
		return mx_err_set(err, "cannot unwind: %s", dwfl_errmsg(-1));
	struct collect c = {.out = out, .max = max};
	dwfl_getthread_frames(dwfl, tid, on_frame, &c);
	struct nat_frame caller;
	if (c.n >= 1 && max >= 2 && nat_unwind_entry_caller(dwfl, ops, tid, out[0].pc, &caller)) {
		/* libdw's frame 1 is then the caller's caller: put the caller before it */
		if (c.n == max)
			c.n--;
		memmove(out + 2, out + 1, (c.n - 1) * sizeof(*out));
		out[1] = caller;
		c.n++;
	}
	*n = c.n;
	if (!c.n)
		return mx_err_set(err, "cannot unwind thread %d: %s", (int)tid, dwfl_errmsg(-1));
	return 0;
}
