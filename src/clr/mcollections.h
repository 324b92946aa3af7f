/* mcollections.h: the generic collections of .NET (List<T>, Dictionary<TKey, TValue>,
 * HashSet<T>, Queue<T>, Stack<T>) seen as their elements, read from their private fields: no
 * code runs in the program, so it works with implicit evaluation off and in conditions. */
#ifndef MX_CLR_MCOLLECTIONS_H
#define MX_CLR_MCOLLECTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clr/clr.h"

enum clr_collection_kind {
	CLR_COLLECTION_LIST,
	CLR_COLLECTION_DICTIONARY,
	CLR_COLLECTION_HASHSET,
	CLR_COLLECTION_QUEUE,
	CLR_COLLECTION_STACK,
};

struct clr_collection {
	enum clr_collection_kind kind;
	ICorDebugArrayValue
	    *store;	    /* _items, _entries or _array; NULL when empty and unallocated */
	uint32_t count;	    /* the elements (the collection's Count) */
	uint32_t store_len; /* the store's length */
	uint32_t first;	    /* Queue: _head */
	uint32_t *slots;    /* Dictionary, HashSet with free slots: each element's slot */
};

/* Whether obj (a stripped object) is one of those collections with the fields expected: 0 and
 * *out (clr_collection_close frees it); -1 for any other object (show its fields then). */
int clr_collection_open(struct clr *c, ICorDebugValue *obj, struct clr_collection *out);
void clr_collection_close(struct clr_collection *col);

/* Element i (0 <= i < count) in the order the collection enumerates them: *value and, for a
 * dictionary, *key (else NULL), new references; *slot: its index in the store. 0 or -1. */
int clr_collection_element(struct clr *c, const struct clr_collection *col, uint32_t i,
			   uint32_t *slot, ICorDebugValue **key, ICorDebugValue **value);

/* The expression reading the value (or, key true, the key) of the element in slot from the
 * fields, after base: "list._items[2]", "dict._entries[0].value". */
void clr_collection_slot_expr(const struct clr_collection *col, const char *base, uint32_t slot,
			      bool key, char *buf, size_t len);

/* Writes "Count = 3 {1, 2, 3}" into buf: at most max elements (0: all that fit), a
 * dictionary's as ["one"] = 1. */
void clr_collection_summary(struct clr *c, const struct clr_collection *col, unsigned max,
			    char *buf, size_t len);

#endif
