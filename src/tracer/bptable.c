/* bptable.c: software breakpoints (int3, 0xCC) of the tracer, keyed by address.
 *
 * Several user breakpoints may share an address; each keeps its own group (hit count,
 * ignore count). Bytes are written through /proc/PID/mem, which writes read-only text pages
 * (the kernel uses FOLL_FORCE for a tracer) in one syscall, where PTRACE_POKEDATA would need a
 * read-modify-write of a whole word.
 */
#include "tracer/tracer.h"

#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/xalloc.h"

static size_t slot_of(uint64_t addr, size_t cap)
{
	return (size_t)((addr * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1);
}

struct tr_bploc *tr_bp_find(struct tracer *t, uint64_t addr)
{
	if (!t->bp_cap || !addr)
		return NULL;
	for (size_t i = slot_of(addr, t->bp_cap), n = 0; n < t->bp_cap;
	     i = (i + 1) & (t->bp_cap - 1), n++) {
		struct tr_bploc *b = &t->bps[i];
		if (b->addr == addr)
			return b;
		if (!b->addr && !b->tombstone)
			return NULL;
	}
	return NULL;
}

static void rehash(struct tracer *t, size_t ncap)
{
	struct tr_bploc *old = t->bps;
	size_t ocap = t->bp_cap;
	t->bps = xcalloc(ncap, sizeof(*t->bps));
	t->bp_cap = ncap;
	for (size_t i = 0; i < ocap; i++) {
		if (!old[i].addr)
			continue;
		size_t j = slot_of(old[i].addr, ncap);
		while (t->bps[j].addr)
			j = (j + 1) & (ncap - 1);
		t->bps[j] = old[i];
	}
	free(old);
}

static struct tr_bploc *slot_for_new(struct tracer *t, uint64_t addr)
{
	if ((t->bp_used + 1) * 2 > t->bp_cap)
		rehash(t, t->bp_cap ? t->bp_cap * 2 : 64);
	size_t i = slot_of(addr, t->bp_cap);
	while (t->bps[i].addr)
		i = (i + 1) & (t->bp_cap - 1);
	t->bp_used++;
	return &t->bps[i];
}

int tr_mem_write_byte(struct tracer *t, uint64_t addr, uint8_t b)
{
	if (pwrite(t->memfd, &b, 1, (off_t)addr) != 1)
		return -errno ? -errno : -EIO;
	return 0;
}

struct tr_group *tr_group_get(struct tracer *t, uint32_t id)
{
	for (size_t i = 0; i < t->ngroups; i++)
		if (t->groups[i].id == id)
			return &t->groups[i];
	xgrow((void **)&t->groups, &t->cap_groups, t->ngroups + 1, sizeof(*t->groups));
	struct tr_group *g = &t->groups[t->ngroups++];
	memset(g, 0, sizeof(*g));
	g->id = id;
	return g;
}

int tr_bp_insert(struct tracer *t, const struct tr_bp *req, uint8_t *orig)
{
	struct tr_bploc *b = tr_bp_find(t, req->addr);
	if (b) {
		for (uint32_t i = 0; i < b->ngroups; i++)
			if (b->groups[i] == req->group) {
				*orig = b->orig;
				return 0;
			}
		if (b->ngroups == TR_STOP_MAX_GROUPS)
			return -ENOSPC;
		tr_agent_retire(t, b); /* a trampoline serves a breakpoint with one user */
		b->groups[b->ngroups] = req->group;
		b->flags[b->ngroups++] = req->flags;
		*orig = b->orig;
		return 0;
	}
	uint8_t byte;
	tr_agent_disarm_range(t, req->addr, 1); /* not inside an armed jump */
	if (pread(t->memfd, &byte, 1, (off_t)req->addr) != 1)
		return -EFAULT;
	int r = tr_mem_write_byte(t, req->addr, 0xCC);
	if (r)
		return r;
	b = slot_for_new(t, req->addr);
	memset(b, 0, sizeof(*b));
	b->addr = req->addr;
	b->orig = byte;
	b->groups[0] = req->group;
	b->flags[0] = req->flags;
	b->ngroups = 1;
	*orig = byte;
	tr_group_get(t, req->group);
	return 0;
}

int tr_bp_remove(struct tracer *t, const struct tr_bp *req)
{
	struct tr_bploc *b = tr_bp_find(t, req->addr);
	if (!b)
		return -ENOENT;
	for (uint32_t i = 0; i < b->ngroups; i++) {
		if (b->groups[i] != req->group)
			continue;
		b->groups[i] = b->groups[b->ngroups - 1];
		b->flags[i] = b->flags[b->ngroups - 1];
		b->ngroups--;
		tr_agent_retire(t, b);
		break;
	}
	if (b->ngroups)
		return 0;
	int r = tr_mem_write_byte(t, b->addr, b->orig);
	if (b->orig != 0xCC) /* an int3 of the program's own stays the program's */
		t->removed_bps[t->removed_next++ % 64] = b->addr;
	b->addr = 0;
	b->tombstone = true;
	t->bp_used--;
	return r;
}

/* Restores every original byte (detach, session loss); the table is emptied. */
void tr_bp_remove_all_bytes(struct tracer *t)
{
	tr_agent_disarm_all(t);
	for (size_t i = 0; i < t->bp_cap; i++)
		if (t->bps[i].addr)
			tr_mem_write_byte(t, t->bps[i].addr, t->bps[i].orig);
	tr_bp_forget_all(t);
}

/* Forgets every breakpoint without touching memory (after exec the old image is gone). */
void tr_bp_forget_all(struct tracer *t)
{
	memset(t->removed_bps, 0, sizeof(t->removed_bps));
	free(t->bps);
	t->bps = NULL;
	t->bp_cap = t->bp_used = 0;
}
