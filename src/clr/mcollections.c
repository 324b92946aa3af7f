/* mcollections.c: List<T>, Dictionary<TKey, TValue>, HashSet<T>, Queue<T> and Stack<T> read
 * as their elements from their private fields, in the layouts of dotnet/runtime (.NET 5 and
 * later):
 * - src/libraries/System.Private.CoreLib/src/System/Collections/Generic/List.cs: T[] _items,
 *   int _size (the elements are _items[0.._size)).
 * - .../Collections/Generic/Dictionary.cs: Entry[] _entries, int _count (slots used so far),
 *   int _freeCount; struct Entry { uint hashCode; int next; TKey key; TValue value; }. A freed
 *   slot's next is StartOfFreeList (-3) minus the next free slot, so <= -2; a used slot's is
 *   >= -1, the test its Enumerator makes.
 * - .../Collections/Generic/HashSet.cs: Entry[] _entries, int _count, int _freeCount;
 *   struct Entry { int HashCode; int Next; T Value; }, Next as the dictionary's next.
 * - src/libraries/System.Collections/src/System/Collections/Generic/Queue.cs: T[] _array,
 *   int _head, int _size (a ring: element i at (_head + i) % _array.Length); Stack.cs: T[]
 *   _array, int _size (enumerated from the top, _array[_size - 1] first).
 * Anything else (another layout, a derived class) is not recognised and shows its fields. */
#include "clr/mcollections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mobject.h"
#include "clr/mvalue.h"
#include "meta/meta.h"
#include "util/xalloc.h"

/* The value of an int field of an object or struct. */
static int int_field(struct clr *c, ICorDebugValue *obj, const char *name, int32_t *out)
{
	ICorDebugValue *f = NULL;
	ICorDebugGenericValue *gv = NULL;
	CorElementType et = 0;
	int r = -1;
	if (clr_field_named(c, obj, NULL, name, &f, NULL) == 0 && COM(f, GetType, &et) >= 0 &&
	    (et == ELEMENT_TYPE_I4 || et == ELEMENT_TYPE_U4) &&
	    COM(f, QueryInterface, &IID_ICorDebugGenericValue, (void **)&gv) >= 0 &&
	    COM(gv, GetValue, out) >= 0)
		r = 0;
	COM_RELEASE(gv);
	COM_RELEASE(f);
	return r;
}

/* The array field name of obj: 0 with *out (NULL for null), -1 if it is no array. */
static int array_field(struct clr *c, ICorDebugValue *obj, const char *name,
		       ICorDebugArrayValue **out)
{
	ICorDebugValue *f = NULL, *arr = NULL;
	int r = -1;
	*out = NULL;
	if (clr_field_named(c, obj, NULL, name, &f, NULL) == 0 && clr_value_strip(f, &arr) == 0) {
		r = !arr || COM(arr, QueryInterface, &IID_ICorDebugArrayValue, (void **)out) >= 0
			? 0
			: -1;
	}
	COM_RELEASE(arr);
	COM_RELEASE(f);
	return r;
}

static const struct {
	const char *name; /* the generic type definition's, as meta_type_name gives it */
	enum clr_collection_kind kind;
	const char *store;
} known[] = {
    {"System.Collections.Generic.List<T>", CLR_COLLECTION_LIST, "_items"},
    {"System.Collections.Generic.Dictionary<TKey, TValue>", CLR_COLLECTION_DICTIONARY, "_entries"},
    {"System.Collections.Generic.HashSet<T>", CLR_COLLECTION_HASHSET, "_entries"},
    {"System.Collections.Generic.Queue<T>", CLR_COLLECTION_QUEUE, "_array"},
    {"System.Collections.Generic.Stack<T>", CLR_COLLECTION_STACK, "_array"},
};

static bool is_hashed(const struct clr_collection *col)
{
	return col->kind == CLR_COLLECTION_DICTIONARY || col->kind == CLR_COLLECTION_HASHSET;
}

static const char *next_name(const struct clr_collection *col)
{
	return col->kind == CLR_COLLECTION_DICTIONARY ? "next" : "Next";
}

/* A dictionary's or set's slots in use, when some were freed: those whose next is >= -1. */
static int find_used_slots(struct clr *c, struct clr_collection *col, uint32_t slots)
{
	col->slots = xmalloc(sizeof(*col->slots) * (col->count ? col->count : 1));
	uint32_t n = 0;
	for (uint32_t i = 0; i < slots && n < col->count; i++) {
		ICorDebugValue *entry = NULL;
		int32_t next = -2;
		if (COM(col->store, GetElementAtPosition, i, &entry) < 0 ||
		    int_field(c, entry, next_name(col), &next) != 0) {
			COM_RELEASE(entry);
			return -1;
		}
		COM_RELEASE(entry);
		if (next >= -1)
			col->slots[n++] = i;
	}
	return n == col->count ? 0 : -1;
}

static int open_known(struct clr *c, ICorDebugValue *obj, struct clr_collection *col,
		      const char *store)
{
	int32_t size = 0, used = 0, freed = 0, head = 0;
	ULONG32 len = 0;
	if (array_field(c, obj, store, &col->store) != 0)
		return -1;
	if (col->store && COM(col->store, GetCount, &len) < 0)
		return -1;
	col->store_len = len;
	switch (col->kind) {
	case CLR_COLLECTION_DICTIONARY:
	case CLR_COLLECTION_HASHSET:
		if (int_field(c, obj, "_count", &used) != 0 ||
		    int_field(c, obj, "_freeCount", &freed) != 0 || used < 0 || freed < 0 ||
		    freed > used || (uint32_t)used > len)
			return -1;
		col->count = (uint32_t)(used - freed);
		/* without freed slots, slot i is element i */
		if (freed && find_used_slots(c, col, (uint32_t)used) != 0)
			return -1;
		return 0;
	case CLR_COLLECTION_QUEUE:
		if (int_field(c, obj, "_head", &head) != 0 || head < 0 ||
		    (len && (uint32_t)head >= len))
			return -1;
		col->first = (uint32_t)head;
		/* and its _size */
		__attribute__((fallthrough));
	default:
		if (int_field(c, obj, "_size", &size) != 0 || size < 0 || (uint32_t)size > len)
			return -1;
		col->count = (uint32_t)size;
		return 0;
	}
}

int clr_collection_open(struct clr *c, ICorDebugValue *obj, struct clr_collection *out)
{
	ICorDebugType *t = NULL;
	struct clr_typedef td;
	char *name = NULL;
	int r = -1;
	memset(out, 0, sizeof(*out));
	if (clr_value_type(obj, &t) != 0)
		return -1;
	if (clr_type_typedef(c, t, &td) && meta_type_name(td.cm->img, td.token, &name, NULL) == 0) {
		for (size_t i = 0; i < sizeof(known) / sizeof(known[0]) && r != 0; i++) {
			if (strcmp(name, known[i].name) != 0)
				continue;
			out->kind = known[i].kind;
			r = open_known(c, obj, out, known[i].store);
			if (r != 0)
				clr_collection_close(out);
		}
	}
	free(name);
	COM_RELEASE(t);
	return r;
}

void clr_collection_close(struct clr_collection *col)
{
	COM_RELEASE(col->store);
	free(col->slots);
	memset(col, 0, sizeof(*col));
}

static uint32_t slot_of(const struct clr_collection *col, uint32_t i)
{
	switch (col->kind) {
	case CLR_COLLECTION_QUEUE:
		return (uint32_t)(((uint64_t)col->first + i) % col->store_len);
	case CLR_COLLECTION_STACK:
		return col->count - 1 - i;
	case CLR_COLLECTION_DICTIONARY:
	case CLR_COLLECTION_HASHSET:
		return col->slots ? col->slots[i] : i;
	default:
		return i;
	}
}

int clr_collection_element(struct clr *c, const struct clr_collection *col, uint32_t i,
			   uint32_t *slot, ICorDebugValue **key, ICorDebugValue **value)
{
	*key = *value = NULL;
	if (i >= col->count || !col->store)
		return -1;
	*slot = slot_of(col, i);
	ICorDebugValue *e = NULL;
	if (COM(col->store, GetElementAtPosition, *slot, &e) < 0 || !e)
		return -1;
	if (!is_hashed(col)) {
		*value = e;
		return 0;
	}
	int r = -1;
	if (col->kind == CLR_COLLECTION_HASHSET) {
		r = clr_field_named(c, e, NULL, "Value", value, NULL) == 0 ? 0 : -1;
	} else if (clr_field_named(c, e, NULL, "key", key, NULL) == 0 &&
		   clr_field_named(c, e, NULL, "value", value, NULL) == 0) {
		r = 0;
	}
	COM_RELEASE(e);
	if (r != 0) {
		COM_RELEASE(*key);
		COM_RELEASE(*value);
		*key = *value = NULL;
	}
	return r;
}

void clr_collection_slot_expr(const struct clr_collection *col, const char *base, uint32_t slot,
			      bool key, char *buf, size_t len)
{
	switch (col->kind) {
	case CLR_COLLECTION_LIST:
		snprintf(buf, len, "%s._items[%u]", base, slot);
		break;
	case CLR_COLLECTION_DICTIONARY:
		snprintf(buf, len, "%s._entries[%u].%s", base, slot, key ? "key" : "value");
		break;
	case CLR_COLLECTION_HASHSET:
		snprintf(buf, len, "%s._entries[%u].Value", base, slot);
		break;
	default:
		snprintf(buf, len, "%s._array[%u]", base, slot);
	}
}

void clr_collection_summary(struct clr *c, const struct clr_collection *col, unsigned max,
			    char *buf, size_t len)
{
	size_t o = (size_t)snprintf(buf, len, "Count = %u", col->count);
	if (!col->count || o + 8 >= len)
		return;
	uint32_t shown = max && col->count > max ? max : col->count;
	char key[512], value[512];
	o += (size_t)snprintf(buf + o, len - o, " {");
	for (uint32_t i = 0; i < shown; i++) {
		ICorDebugValue *k = NULL, *v = NULL;
		uint32_t slot;
		snprintf(value, sizeof(value), "?");
		key[0] = 0;
		if (clr_collection_element(c, col, i, &slot, &k, &v) == 0) {
			clr_value_text(c, v, value, sizeof(value));
			if (k)
				clr_value_text(c, k, key, sizeof(key));
		}
		COM_RELEASE(k);
		COM_RELEASE(v);
		char item[1100];
		if (col->kind == CLR_COLLECTION_DICTIONARY)
			snprintf(item, sizeof(item), "%s[%s] = %s", i ? ", " : "", key, value);
		else
			snprintf(item, sizeof(item), "%s%s", i ? ", " : "", value);
		size_t n = strlen(item);
		if (o + n + 8 >= len) {
			snprintf(buf + o, len - o, "...}");
			return;
		}
		memcpy(buf + o, item, n + 1);
		o += n;
	}
	snprintf(buf + o, len - o, "%s}", shown < col->count ? ", ..." : "");
}
