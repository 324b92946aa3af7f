/* meval_range.c: C#'s index from end and ranges inside [] (C# 8): arr[^1], s[1..4], arr[..3],
 * arr[990..]. As C# defines them (System.Index, System.Range; RuntimeHelpers.GetSubArray for
 * arrays, String.Substring for strings): ^n is length - n, a range's start defaults to 0 and
 * its end to ^0, and start > end or either outside 0..length throws
 * ArgumentOutOfRangeException. A string's range is its substring (a value like any other); an
 * array's range would be a new array in the debuggee, so `print arr[a..b]` shows the elements
 * with their indices instead of creating one, and a range of an array inside a larger
 * expression is refused. */
#include "session/meval.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mformat.h"
#include "clr/mobject.h"
#include "clr/mvalue.h"
#include "native/vars.h"
#include "session/meval_internal.h"
#include "session/ses_internal.h"
#include "util/utf16.h"
#include "util/xalloc.h"

/* An integer operand (int, long... as C# converts them to int for an index). */
static int integer_operand(struct meval *e, const struct csx_node *k, int64_t *out)
{
	struct mv v = {0}, conv = {0};
	if (meval(e, k, &v) != 0 || meval_load(e, &v) != 0) {
		mv_clear(&v);
		return -1;
	}
	if (v.kind != MV_PRIM || !mv_is_numeric(v.et) || v.et == ELEMENT_TYPE_R4 ||
	    v.et == ELEMENT_TYPE_R8) {
		char tname[64];
		meval_type_text(e, &v, tname, sizeof(tname));
		mv_clear(&v);
		return mx_err_set(
		    e->err, "error CS0029: Cannot implicitly convert type '%s' to 'int'", tname);
	}
	mv_convert(&v, ELEMENT_TYPE_I8, true, &conv, NULL);
	mv_clear(&v);
	*out = conv.n.i;
	return 0;
}

/* An index: n, or ^n counted back from len (System.Index refuses a negative n). */
static int index_operand(struct meval *e, const struct csx_node *k, int64_t len, int64_t *out)
{
	bool from_end = k->kind == CSX_FROM_END;
	int64_t v = 0;
	if (integer_operand(e, from_end ? k->kids[0] : k, &v) != 0)
		return -1;
	if (from_end && v < 0)
		return mx_err_set(e->err,
				  "^%" PRId64 ": an index from the end must not be "
				  "negative (ArgumentOutOfRangeException).",
				  v);
	*out = from_end ? len - v : v;
	return 0;
}

/* The bounds [from, to) of range node r over a length. */
static int range_bounds(struct meval *e, const struct csx_node *r, int64_t len, int64_t *from,
			int64_t *to)
{
	size_t k = 0;
	*from = 0;
	*to = len;
	if ((r->flags & CSX_RANGE_START) && index_operand(e, r->kids[k++], len, from) != 0)
		return -1;
	if ((r->flags & CSX_RANGE_END) && index_operand(e, r->kids[k], len, to) != 0)
		return -1;
	if (*from < 0 || *to > len || *from > *to)
		return mx_err_set(e->err,
				  "The range %" PRId64 "..%" PRId64 " is outside 0..%" PRId64
				  " (the length): ArgumentOutOfRangeException.",
				  *from, *to, len);
	return 0;
}

/* A rank-1 array's stripped value and length; 1 if v is no array, -1 with err. */
static int vector_of(struct meval *e, const struct mv *m, ICorDebugValue **obj, int64_t *len)
{
	*obj = NULL;
	if (m->kind != MV_VALUE)
		return 1;
	ICorDebugArrayValue *av = NULL;
	if (clr_value_strip(m->v, obj) < 0 || !*obj ||
	    COM(*obj, QueryInterface, &IID_ICorDebugArrayValue, (void **)&av) < 0) {
		COM_RELEASE(*obj);
		return 1;
	}
	ULONG32 rank = 0, n = 0;
	int r = 0;
	if (COM(av, GetRank, &rank) < 0 || COM(av, GetCount, &n) < 0)
		r = mx_err_set(e->err, "cannot read the array");
	else if (rank != 1)
		r = mx_err_set(e->err,
			       "^ and ranges index one-dimensional arrays (this one has %u "
			       "dimensions).",
			       (unsigned)rank);
	COM_RELEASE(av);
	if (r)
		COM_RELEASE(*obj);
	*len = n;
	return r;
}

int meval_index_range(struct meval *e, struct mv *target, const struct csx_node *n, struct mv *out)
{
	const struct csx_node *k = n->kids[1];
	bool range = k->kind == CSX_RANGE;
	if (n->nkids != 2)
		return mx_err_set(e->err, "^ and ranges take one index: a[^1], a[1..3].");
	if (target->kind == MV_NULL ||
	    (target->kind == MV_VALUE && meval_load(e, target) == 0 && target->kind == MV_NULL)) {
		if (n->conditional) {
			out->kind = MV_NULL;
			return 0;
		}
		return mx_err_set(e->err, "Object reference not set to an instance of an object.");
	}
	ICorDebugValue *arr = NULL;
	int64_t len = 0, from, to;
	int r = vector_of(e, target, &arr, &len);
	if (r < 0)
		return -1;
	if (r == 0) {
		if (range) {
			COM_RELEASE(arr);
			return mx_err_set(e->err, "A range of an array is shown by print (print "
						  "arr[a..b]); inside an expression it is not "
						  "supported.");
		}
		if (index_operand(e, k, len, &from) == 0) {
			if (from < 0 || from >= len) {
				r = mx_err_set(e->err,
					       "Index was outside the bounds of the array.");
			} else {
				uint32_t idx = (uint32_t)from;
				ICorDebugValue *ev = NULL;
				r = clr_array_element(arr, &idx, 1, &ev, e->err);
				if (r == 0) {
					out->kind = MV_VALUE;
					out->v = ev;
				}
			}
		} else {
			r = -1;
		}
		COM_RELEASE(arr);
		return r;
	}
	if (meval_load(e, target) != 0)
		return -1;
	if (target->kind != MV_STR) {
		char tname[512];
		meval_type_text(e, target, tname, sizeof(tname));
		return mx_err_set(e->err,
				  "error CS0021: Cannot apply indexing with [] to an expression of "
				  "type '%s': %s apply to arrays and strings here",
				  tname, range ? "ranges" : "indices from the end (^)");
	}
	/* strings count UTF-16 code units, as C# does */
	char16_t *w = utf8_to_utf16(target->str);
	len = (int64_t)utf16_len(w);
	if (range) {
		r = range_bounds(e, k, len, &from, &to);
		if (r == 0) {
			size_t cap = (size_t)(to - from) * 3 + 1;
			out->kind = MV_STR;
			out->str = xmalloc(cap);
			utf16_to_utf8(w + from, (size_t)(to - from), out->str, cap);
		}
	} else {
		r = index_operand(e, k, len, &from);
		if (r == 0 && (from < 0 || from >= len))
			r = mx_err_set(e->err, "Index was outside the bounds of the array.");
		if (r == 0) {
			char16_t unit = w[from];
			mv_from_bytes(out, ELEMENT_TYPE_CHAR, (const uint8_t *)&unit);
		}
	}
	free(w);
	return r;
}

int meval_print_slice(struct ses *s, const char *expr, const struct meval_opts *o, char *out,
		      size_t outlen, struct mx_err *err)
{
	struct csx_node *tree = NULL;
	if (csx_parse(expr, &tree, err) != 0)
		return -1;
	if (tree->kind != CSX_INDEX || tree->nkids != 2 || tree->kids[1]->kind != CSX_RANGE) {
		csx_free(tree);
		return 1;
	}
	struct meval e;
	struct mv target = {0};
	ICorDebugValue *arr = NULL;
	int64_t len = 0, from, to;
	int r = meval_begin(&e, s, o, err);
	if (r == 0)
		r = meval(&e, tree->kids[0], &target);
	if (r == 0)
		r = vector_of(&e, &target, &arr, &len); /* 1: a string...: evaluated as usual */
	if (r == 0)
		r = range_bounds(&e, tree->kids[1], len, &from, &to);
	if (r == 0) {
		uint64_t limit = nat_print_elements(), shown = (uint64_t)(to - from);
		if (limit && shown > limit)
			shown = limit;
		size_t o_len = 0;
		out[0] = 0;
		o_len += (size_t)snprintf(out, outlen, "{");
		char text[512];
		for (uint64_t i = 0; i < shown && o_len + 1 < outlen; i++) {
			uint32_t idx = (uint32_t)(from + (int64_t)i);
			ICorDebugValue *ev = NULL;
			if (clr_array_element(arr, &idx, 1, &ev, err) == 0 && ev)
				clr_value_text(e.c, ev, text, sizeof(text));
			else
				snprintf(text, sizeof(text), "<unreadable>");
			COM_RELEASE(ev);
			o_len += (size_t)snprintf(out + o_len, outlen - o_len, "%s[%u] = %s",
						  i ? ", " : "", idx, text);
		}
		if (o_len + 1 < outlen)
			snprintf(out + o_len, outlen - o_len, "%s}",
				 shown < (uint64_t)(to - from) ? "..." : "");
	}
	COM_RELEASE(arr);
	mv_clear(&target);
	meval_end(&e);
	csx_free(tree);
	return r;
}
