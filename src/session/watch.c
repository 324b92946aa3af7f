/* watch.c: hardware watchpoints (watch, rwatch, awatch) on program memory: one of the four
 * x86 debug-register slots each, set by the tracer in every thread. They share numbers with
 * breakpoints. The value is read at each report, so a write shows the old and new values. */
#include "session/ses_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static int set_slot(struct ses *s, int slot, uint32_t kind, uint64_t addr, uint32_t len,
		    struct mx_err *err)
{
	struct tr_watch w = {.slot = (uint32_t)slot, .kind = kind, .addr = addr, .len = len};
	return ses_call(s, TR_REQ_WATCH, &w, sizeof(w), NULL, err);
}

static uint64_t read_value(struct ses *s, const struct ses_watch *w)
{
	uint64_t v = 0;
	ses_read_memory(s, w->addr, &v, w->len, NULL);
	if (w->is_signed && w->len < 8 && (v >> (8 * w->len - 1) & 1))
		v |= ~0ull << (8 * w->len); /* a short's -2 is -2, not 65534 */
	return v;
}

int ses_watch(struct ses *s, const char *expr, uint64_t addr, uint32_t len,
	      enum ses_watch_kind kind, int *id, struct mx_err *err)
{
	if (s->managed_only)
		return mx_err_set(err, "watchpoints need mixed mode (set managed-only off): they "
				       "are debug registers, set through ptrace");
	if (!s->pid)
		return mx_err_set(err, "Hardware watchpoints need a running program (use 'start' "
				       "first).");
	if (len != 1 && len != 2 && len != 4 && len != 8)
		return mx_err_set(err,
				  "cannot watch %u bytes: a hardware watchpoint covers 1, 2, 4 "
				  "or 8 bytes",
				  len);
	if (addr & (len - 1))
		return mx_err_set(err,
				  "cannot watch 0x%" PRIx64 ": %u-byte watchpoints must be "
				  "aligned to %u bytes",
				  addr, len, len);
	bool used[TR_WATCH_SLOTS] = {false};
	for (size_t i = 0; i < s->nwatches; i++)
		used[s->watches[i].slot] = true;
	int slot = -1;
	for (int i = 0; i < TR_WATCH_SLOTS && slot < 0; i++)
		if (!used[i])
			slot = i;
	if (slot < 0)
		return mx_err_set(err,
				  "all %d hardware watchpoint slots (x86 debug registers) are "
				  "in use; delete one first",
				  TR_WATCH_SLOTS);
	uint32_t tk = kind == SES_WATCH_WRITE ? TR_WATCH_WRITE : TR_WATCH_ACCESS;
	if (set_slot(s, slot, tk, addr, len, err) != 0)
		return -1;
	xgrow((void **)&s->watches, &s->cap_watches, s->nwatches + 1, sizeof(*s->watches));
	struct ses_watch *w = &s->watches[s->nwatches++];
	memset(w, 0, sizeof(*w));
	w->id = ++s->next_bp_id;
	w->expr = xstrdup(expr);
	w->addr = addr;
	w->len = len;
	w->kind = kind;
	w->slot = slot;
	w->is_signed = expr[0] != '*' && ses_native_is_signed_at(s, expr, addr);
	w->value = read_value(s, w);
	*id = w->id;
	return 0;
}

struct ses_watch *ses_watch_find(struct ses *s, int id)
{
	for (size_t i = 0; i < s->nwatches; i++)
		if (s->watches[i].id == id)
			return &s->watches[i];
	return NULL;
}

int ses_watch_delete(struct ses *s, int id)
{
	for (size_t i = 0; i < s->nwatches; i++) {
		if (s->watches[i].id != id)
			continue;
		if (s->pid)
			set_slot(s, s->watches[i].slot, 0, 0, 0, NULL);
		free(s->watches[i].expr);
		s->watches[i] = s->watches[--s->nwatches];
		return 0;
	}
	return -1;
}

/* The program is gone: its memory and its debug registers with it. */
void ses_watch_process_gone(struct ses *s)
{
	for (size_t i = 0; i < s->nwatches; i++)
		free(s->watches[i].expr);
	s->nwatches = 0;
}

/* A watchpoint in slot triggered: fills the stop with old and new values. */
bool ses_watch_hit(struct ses *s, int slot, struct ses_stop *st)
{
	for (size_t i = 0; i < s->nwatches; i++) {
		struct ses_watch *w = &s->watches[i];
		if (w->slot != slot)
			continue;
		uint64_t old = w->value;
		w->value = read_value(s, w);
		/* x86 debug registers have no read-only mode: RW=11 breaks on reads and writes
		 * (Intel SDM vol. 3B, 17.2.4), so a read watchpoint also triggers on writes. As
		 * gdb does (breakpoint.c, bpstat_check_watchpoint), a hit that changed the value
		 * was a write and is not reported; a write of the same value cannot be told
		 * from a read. */
		if (w->kind == SES_WATCH_READ && w->value != old)
			return false;
		w->hits++;
		st->watch_id = w->id;
		st->watch_old = old;
		st->watch_new = w->value;
		return true;
	}
	return true; /* a slot we do not know: the stop is shown as it is */
}

size_t ses_watch_count(const struct ses *s)
{
	return s->nwatches;
}

const struct ses_watch *ses_watch_at(const struct ses *s, size_t i)
{
	return i < s->nwatches ? &s->watches[i] : NULL;
}
