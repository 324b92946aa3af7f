/* watch.c: hardware watchpoints through the x86 debug registers (Intel SDM vol. 3, 17.2).
 *
 * DR0-DR3 hold addresses; DR7 enables each locally (bit 2i) with its condition (R/W bits at
 * 16+4i: 01 write, 11 read/write) and length (LEN bits at 18+4i: 00 one byte, 01 two,
 * 11 four, 10 eight). DR6's low four bits say which one triggered; the CPU does not clear
 * them, so we do. Linux exposes them per thread as struct user's u_debugreg (PTRACE_POKEUSER
 * validates DR7 against the addresses, so addresses are written first); a new thread starts
 * with none, so each is given the set when it first stops. The trap comes after the access,
 * as SIGTRAP with si_code TRAP_HWBKPT.
 */
#include "tracer/tracer.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#define DR_OFFSET(i) (offsetof(struct user, u_debugreg) + (i) * sizeof(long))

static unsigned long dr7_of(const struct tracer *t)
{
	unsigned long dr7 = 0;
	for (unsigned i = 0; i < TR_WATCH_SLOTS; i++) {
		const struct tr_watch *w = &t->watch[i];
		if (!w->kind)
			continue;
		unsigned long len = w->len == 1 ? 0 : w->len == 2 ? 1 : w->len == 8 ? 2 : 3;
		dr7 |= 1ul << (2 * i);
		dr7 |= (unsigned long)(w->kind & 3) << (16 + 4 * i);
		dr7 |= len << (18 + 4 * i);
	}
	return dr7;
}

static int apply_one(struct tracer *t, pid_t tid)
{
	/* disable first, so that no half-written pair is ever active */
	if (ptrace(PTRACE_POKEUSER, tid, (void *)DR_OFFSET(7), 0) != 0)
		return -errno;
	for (unsigned i = 0; i < TR_WATCH_SLOTS; i++)
		if (t->watch[i].kind && ptrace(PTRACE_POKEUSER, tid, (void *)DR_OFFSET(i),
					       (void *)t->watch[i].addr) != 0)
			return -errno;
	if (ptrace(PTRACE_POKEUSER, tid, (void *)DR_OFFSET(7), (void *)dr7_of(t)) != 0)
		return -errno;
	return 0;
}

void tr_watch_apply(struct tracer *t, pid_t tid)
{
	for (unsigned i = 0; i < TR_WATCH_SLOTS; i++)
		if (t->watch[i].kind) {
			apply_one(t, tid);
			return;
		}
}

void tr_watch_sync(struct tracer *t, pid_t tid)
{
	apply_one(t, tid);
}

int tr_watch_set(struct tracer *t, const struct tr_watch *w)
{
	if (w->slot >= TR_WATCH_SLOTS)
		return -EINVAL;
	if (w->kind &&
	    ((w->len != 1 && w->len != 2 && w->len != 4 && w->len != 8) ||
	     (w->addr & (w->len - 1)) || (w->kind != TR_WATCH_WRITE && w->kind != TR_WATCH_ACCESS)))
		return -EINVAL;
	struct tr_watch old = t->watch[w->slot];
	t->watch[w->slot] = *w;
	for (size_t i = 0; i < t->nthreads; i++) {
		if (!t->threads[i].stopped || t->threads[i].exiting)
			continue;
		int r = apply_one(t, t->threads[i].tid);
		if (r) {
			t->watch[w->slot] = old;
			for (size_t j = 0; j <= i; j++)
				if (t->threads[j].stopped && !t->threads[j].exiting)
					apply_one(t, t->threads[j].tid);
			return r;
		}
	}
	return 0;
}

int tr_watch_triggered(struct tracer *t, pid_t tid)
{
	(void)t;
	errno = 0;
	long dr6 = ptrace(PTRACE_PEEKUSER, tid, (void *)DR_OFFSET(6), 0);
	if (errno)
		return -1;
	ptrace(PTRACE_POKEUSER, tid, (void *)DR_OFFSET(6), 0);
	for (int i = 0; i < TR_WATCH_SLOTS; i++)
		if (dr6 & (1l << i))
			return i;
	return -1;
}

/* Before detach: the program keeps no debug registers of ours. */
void tr_watch_remove_all(struct tracer *t)
{
	memset(t->watch, 0, sizeof(t->watch));
	for (size_t i = 0; i < t->nthreads; i++)
		if (t->threads[i].stopped && !t->threads[i].exiting)
			ptrace(PTRACE_POKEUSER, t->threads[i].tid, (void *)DR_OFFSET(7), 0);
}
