/* mvalue.c: strings and exception messages from ICorDebug values. */
#include "clr/mvalue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/symbols.h"
#include "util/utf16.h"
#include "util/xalloc.h"

int clr_string_value(ICorDebugValue *v, char *buf, size_t len)
{
	ICorDebugReferenceValue *ref = NULL;
	ICorDebugValue *target = NULL;
	ICorDebugStringValue *sv = NULL;
	int r = -1;
	if (COM(v, QueryInterface, &IID_ICorDebugReferenceValue, (void **)&ref) >= 0) {
		BOOL is_null = 0;
		if (COM(ref, IsNull, &is_null) >= 0 && is_null) {
			snprintf(buf, len, "null");
			COM_RELEASE(ref);
			return 0;
		}
		if (COM(ref, Dereference, &target) < 0)
			goto out;
	} else {
		target = v;
		COM(target, AddRef);
	}
	if (COM(target, QueryInterface, &IID_ICorDebugStringValue, (void **)&sv) < 0)
		goto out;
	ULONG32 n = 0;
	if (COM(sv, GetLength, &n) < 0)
		goto out;
	if (n > 1 << 20)
		n = 1 << 20; /* a message, not a novel */
	WCHAR *w = xcalloc((size_t)n + 1, sizeof(WCHAR));
	ULONG32 got = 0;
	if (COM(sv, GetString, n + 1, &got, w) >= 0) {
		utf16_to_utf8(w, got, buf, len);
		r = 0;
	}
	free(w);
out:
	COM_RELEASE(sv);
	COM_RELEASE(target);
	COM_RELEASE(ref);
	return r;
}

int clr_exception_message(struct clr *c, ICorDebugObjectValue *exc, char *buf, size_t len)
{
	ICorDebugValue2 *v2 = NULL;
	ICorDebugType *type = NULL;
	int r = -1;
	if (COM(exc, QueryInterface, &IID_ICorDebugValue2, (void **)&v2) < 0 ||
	    COM(v2, GetExactType, &type) < 0)
		goto out;
	/* walk from the exception's own class up to the one declaring _message */
	for (int depth = 0; type && depth < 32; depth++) {
		ICorDebugClass *cls = NULL;
		ICorDebugModule *m = NULL;
		mdTypeDef td = 0;
		if (COM(type, GetClass, &cls) >= 0 && COM(cls, GetToken, &td) >= 0 &&
		    COM(cls, GetModule, &m) >= 0) {
			struct clr_module *cm = clr_module_find(c, m);
			mdFieldDef fd = cm ? clr_sym_field(cm, td, "_message") : 0;
			if (fd) {
				ICorDebugValue *fv = NULL;
				if (COM(exc, GetFieldValue, cls, fd, &fv) >= 0) {
					r = clr_string_value(fv, buf, len);
					COM_RELEASE(fv);
				}
				COM_RELEASE(m);
				COM_RELEASE(cls);
				break;
			}
		}
		COM_RELEASE(m);
		COM_RELEASE(cls);
		ICorDebugType *base = NULL;
		if (COM(type, GetBase, &base) < 0)
			base = NULL;
		COM_RELEASE(type);
		type = base;
	}
out:
	COM_RELEASE(type);
	COM_RELEASE(v2);
	return r;
}
