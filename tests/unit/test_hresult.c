/* test_hresult.c: unit test of src/clr/hresult.c (HRESULT names, explanations, formatting) and of
 * the small runtime parts of src/clr/cordebug.h (interface IDs, the COM call macros).
 *
 * Build and run from the repository root:
 *   make build/unit/test_hresult && build/unit/test_hresult
 * (or: gcc -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -g -Isrc tests/unit/test_hresult.c
 *  src/clr/hresult.c src/clr/cordebug_iids.c -o build/test_hresult && build/test_hresult)
 * The expected values were checked by hand against dotnet/runtime src/coreclr/inc/corerror.xml
 * and cordebug.idl. The vtable layouts themselves are checked at compile time by cordebug.h.
 * Prints "ok NAME" / "not ok NAME: why" per check, then "N passed, N failed".
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/cordebug.h"
#include "clr/hresult.h"

/* Test run state. */
struct t {
	int pass; /* checks passed */
	int fail; /* checks failed */
};

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void check(struct t *t, bool ok, const char *name, const char *fmt, ...)
{
	if (ok) {
		t->pass++;
		printf("ok %s\n", name);
		return;
	}
	t->fail++;
	printf("not ok %s: ", name);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static const char *str(const char *s)
{
	return s ? s : "(null)";
}

static bool streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* ---- known values ---- */

/* One HRESULT macro, its value as written in corerror.xml (or the COM headers), its name. */
struct known {
	HRESULT macro;
	uint32_t value;
	const char *name;
};

#define K(code, value)                                                                             \
	{                                                                                          \
		code, value, #code                                                                 \
	}

static const struct known known[] = {
    K(S_OK, 0x00000000),
    K(S_FALSE, 0x00000001),
    K(E_NOTIMPL, 0x80004001),
    K(E_NOINTERFACE, 0x80004002),
    K(E_POINTER, 0x80004003),
    K(E_ABORT, 0x80004004),
    K(E_FAIL, 0x80004005),
    K(E_PENDING, 0x8000000A),
    K(E_UNEXPECTED, 0x8000FFFF),
    K(E_ACCESSDENIED, 0x80070005),
    K(E_OUTOFMEMORY, 0x8007000E),
    K(E_INVALIDARG, 0x80070057),
    K(E_NOT_SUFFICIENT_BUFFER, 0x8007007A),
    K(CLDB_S_TRUNCATION, 0x00131106),
    K(CLDB_E_RECORD_NOTFOUND, 0x80131130),
    K(META_E_BAD_SIGNATURE, 0x80131192),
    K(CORDBG_S_AT_END_OF_STACK, 0x00131324),
    K(CORDBG_S_FUNC_EVAL_HAS_NO_RESULT, 0x00131316),
    K(CORDBG_E_UNRECOVERABLE_ERROR, 0x80131300),
    K(CORDBG_E_PROCESS_NOT_SYNCHRONIZED, 0x80131302),
    K(CORDBG_E_IL_VAR_NOT_AVAILABLE, 0x80131304),
    K(CORDBG_E_STATIC_VAR_NOT_AVAILABLE, 0x8013131A),
    K(CORDBG_E_INTEROP_NOT_SUPPORTED, 0x8013134D),
    K(CORDBG_E_OBJECT_NEUTERED, 0x8013134F),
    K(CORDBG_E_THREAD_NOT_SCHEDULED, 0x80131C00),
    K(CORDBG_E_NOTREADY, 0x80131C10),
    K(CORDBG_E_INCOMPATIBLE_PLATFORMS, 0x80131C30),
    K(CORDBG_E_MISSING_METADATA, 0x80131C35),
    K(CORDBG_E_DATA_TARGET_ERROR, 0x80131C61),
    K(CORDBG_E_NO_IMAGE_AVAILABLE, 0x80131C64),
    K(CORDBG_E_ASSEMBLY_UPDATES_APPLIED, 0x80131C69),
};

static void check_known(struct t *t)
{
	char name[160];
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		const struct known *k = &known[i];
		snprintf(name, sizeof(name), "value of %s", k->name);
		check(t, (uint32_t)k->macro == k->value, name, "0x%08X, want 0x%08X",
		      (unsigned)k->macro, (unsigned)k->value);
		snprintf(name, sizeof(name), "name of 0x%08X", (unsigned)k->value);
		const char *got = clr_hresult_name((HRESULT)k->value);
		check(t, streq(got, k->name), name, "\"%s\", want \"%s\"", str(got), k->name);
	}
	check(t, CORDBG_E_UNCOMPATIBLE_PLATFORMS == CORDBG_E_INCOMPATIBLE_PLATFORMS,
	      "old name CORDBG_E_UNCOMPATIBLE_PLATFORMS", "differs from the new one");
	check(t,
	      SUCCEEDED(CORDBG_S_AT_END_OF_STACK) && FAILED(CORDBG_E_OBJECT_NEUTERED) &&
		  SUCCEEDED(S_FALSE) && FAILED(E_FAIL),
	      "SUCCEEDED and FAILED", "wrong severity");
}

static void check_win32(struct t *t)
{
	check(t, (uint32_t)HRESULT_FROM_WIN32(ERROR_PARTIAL_COPY) == 0x8007012B,
	      "HRESULT_FROM_WIN32(ERROR_PARTIAL_COPY)", "0x%08X",
	      (unsigned)HRESULT_FROM_WIN32(ERROR_PARTIAL_COPY));
	check(t,
	      HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED) == E_ACCESSDENIED &&
		  HRESULT_FROM_WIN32(ERROR_INVALID_PARAMETER) == E_INVALIDARG &&
		  HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) == E_NOT_SUFFICIENT_BUFFER &&
		  HRESULT_FROM_WIN32(ERROR_OUTOFMEMORY) == E_OUTOFMEMORY,
	      "Win32 codes with COM names", "HRESULT_FROM_WIN32 disagrees with the COM names");
	check(t, HRESULT_FROM_WIN32(0) == S_OK && HRESULT_FROM_WIN32(E_FAIL) == E_FAIL,
	      "HRESULT_FROM_WIN32 of 0 and of an HRESULT", "not passed through");
	const char *n = clr_hresult_name(HRESULT_FROM_WIN32(ERROR_TIMEOUT));
	check(t, streq(n, "HRESULT_FROM_WIN32(ERROR_TIMEOUT)"), "name of a Win32 HRESULT", "%s",
	      str(n));
}

/* ---- formatting ---- */

static void check_str(struct t *t)
{
	char buf[128];
	const char *r = clr_hresult_str(CORDBG_E_PROCESS_NOT_SYNCHRONIZED, buf, sizeof(buf));
	check(t, r == buf && streq(buf, "CORDBG_E_PROCESS_NOT_SYNCHRONIZED (0x80131302)"),
	      "str of a known failure", "\"%s\"", buf);
	clr_hresult_str(S_OK, buf, sizeof(buf));
	check(t, streq(buf, "S_OK (0x00000000)"), "str of S_OK", "\"%s\"", buf);
	clr_hresult_str(CORDBG_E_INTEROP_NOT_SUPPORTED, buf, sizeof(buf));
	check(t, streq(buf, "CORDBG_E_INTEROP_NOT_SUPPORTED (0x8013134D)"), "str hex is upper-case",
	      "\"%s\"", buf);

	HRESULT unknown = (HRESULT)0x8013ABCD;
	clr_hresult_str(unknown, buf, sizeof(buf));
	check(t, streq(buf, "0x8013ABCD"), "str of an unknown value", "\"%s\"", buf);
	check(t, !clr_hresult_name(unknown) && !clr_hresult_desc(unknown),
	      "no name or explanation for an unknown value", "name %s desc %s",
	      str(clr_hresult_name(unknown)), str(clr_hresult_desc(unknown)));
	clr_hresult_str((HRESULT)0x00000002, buf, sizeof(buf));
	check(t, streq(buf, "0x00000002"), "str of an unknown success value", "\"%s\"", buf);

	char small[8];
	memset(small, 'x', sizeof(small));
	r = clr_hresult_str(CORDBG_E_OBJECT_NEUTERED, small, sizeof(small));
	check(t, r == small && streq(small, "CORDBG_"), "str truncates to the buffer", "\"%.8s\"",
	      small);
}

static void check_desc(struct t *t)
{
	const char *d = clr_hresult_desc(CORDBG_E_IL_VAR_NOT_AVAILABLE);
	check(t, streq(d, "the variable is not available at this IL offset"),
	      "explanation of CORDBG_E_IL_VAR_NOT_AVAILABLE", "%s", str(d));
	d = clr_hresult_desc(CORDBG_E_PROCESS_NOT_SYNCHRONIZED);
	check(t, d && strstr(d, "running"), "explanation of CORDBG_E_PROCESS_NOT_SYNCHRONIZED",
	      "%s", str(d));
	check(t, !clr_hresult_desc(CORDBG_E_ENC_IN_FUNCLET), "a code without explanation",
	      "has one: %s", str(clr_hresult_desc(CORDBG_E_ENC_IN_FUNCLET)));
}

/* ---- the table ---- */

static void check_table(struct t *t)
{
	size_t n = 0;
	const struct clr_hresult_info *tab = clr_hresult_table(&n);
	check(t, tab && n > 150, "table size", "%zu entries", n);
	if (!tab)
		return;
	size_t dup_names = 0, dup_values = 0, bad_names = 0, bad_severity = 0, no_roundtrip = 0;
	size_t cordbg = 0, described = 0;
	for (size_t i = 0; i < n; i++) {
		const struct clr_hresult_info *e = &tab[i];
		for (size_t j = i + 1; j < n; j++) {
			if (strcmp(e->name, tab[j].name) == 0) {
				dup_names++;
				printf("# duplicate name %s\n", e->name);
			}
			if (e->hr == tab[j].hr) {
				dup_values++;
				printf("# duplicate value 0x%08X: %s and %s\n", (unsigned)e->hr,
				       e->name, tab[j].name);
			}
		}
		if (strspn(e->name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_()") != strlen(e->name) ||
		    !e->name[0]) {
			bad_names++;
			printf("# odd name \"%s\"\n", e->name);
		}
		/* "_E_" names are failures (bit 31 set), "_S_" and S_ names successes. */
		bool fail_name = strstr(e->name, "_E_") || strncmp(e->name, "E_", 2) == 0 ||
				 strncmp(e->name, "HRESULT_FROM_WIN32(", 19) == 0;
		if (fail_name != (e->hr < 0)) {
			bad_severity++;
			printf("# %s is 0x%08X\n", e->name, (unsigned)e->hr);
		}
		if (!streq(clr_hresult_name(e->hr), e->name))
			no_roundtrip++;
		if (strncmp(e->name, "CORDBG_", 7) == 0) {
			cordbg++;
			uint32_t facility = ((uint32_t)e->hr >> 16) & 0x1fff;
			if (facility != 0x13) {
				bad_severity++;
				printf("# %s is not of facility 0x13\n", e->name);
			}
		}
		if (e->desc) {
			described++;
			if (!e->desc[0] || e->desc[strlen(e->desc) - 1] == '.') {
				bad_names++;
				printf("# explanation of %s: \"%s\"\n", e->name, e->desc);
			}
		}
	}
	check(t, dup_names == 0, "every name is unique", "%zu duplicates", dup_names);
	check(t, dup_values == 0, "every value is unique", "%zu duplicates", dup_values);
	check(t, bad_names == 0, "names and explanations are well-formed", "%zu bad", bad_names);
	check(t, bad_severity == 0, "severity and facility match the names", "%zu mismatches",
	      bad_severity);
	check(t, no_roundtrip == 0, "every value maps back to its name", "%zu do not",
	      no_roundtrip);
	check(t, cordbg >= 110, "every CORDBG_ code is listed", "only %zu", cordbg);
	check(t, described >= 30, "the common codes are explained", "only %zu", described);
}

/* ---- cordebug.h: IIDs and the call macros ---- */

static void iid_str(const IID *g, char *buf, size_t len)
{
	snprintf(buf, len, "%08X-%04X-%04X-%02X%02X-%02X%02X%02X%02X%02X%02X", (unsigned)g->Data1,
		 (unsigned)g->Data2, (unsigned)g->Data3, g->Data4[0], g->Data4[1], g->Data4[2],
		 g->Data4[3], g->Data4[4], g->Data4[5], g->Data4[6], g->Data4[7]);
}

static void check_iids(struct t *t)
{
	static const struct {
		const IID *iid;
		const char *name, *want;
	} iids[] = {
	    {&IID_IUnknown, "IUnknown", "00000000-0000-0000-C000-000000000046"},
	    {&IID_ICorDebug, "ICorDebug", "3D6F5F61-7538-11D3-8D5B-00104B35E7EF"},
	    {&IID_ICorDebugProcess, "ICorDebugProcess", "3D6F5F64-7538-11D3-8D5B-00104B35E7EF"},
	    {&IID_ICorDebugManagedCallback2, "ICorDebugManagedCallback2",
	     "250E5EEA-DB5C-4C76-B6F3-8C46F12E3203"},
	    {&IID_ICorDebugThread, "ICorDebugThread", "938C6D66-7FB6-4F69-B389-425B8987329B"},
	    {&IID_ICorDebugILFrame, "ICorDebugILFrame", "03E26311-4F76-11D3-88C6-006097945418"},
	};
	char buf[64], name[96];
	for (size_t i = 0; i < sizeof(iids) / sizeof(iids[0]); i++) {
		iid_str(iids[i].iid, buf, sizeof(buf));
		snprintf(name, sizeof(name), "IID_%s", iids[i].name);
		check(t, streq(buf, iids[i].want), name, "%s, want %s", buf, iids[i].want);
	}
}

/* A minimal COM object: an IUnknown that counts its references. */
struct fake {
	IUnknown face;
	int refs;
	const IID *last_riid;
};

static HRESULT fake_query(IUnknown *self, const IID *riid, void **ppv)
{
	struct fake *f = (struct fake *)self;
	f->last_riid = riid;
	*ppv = self;
	f->refs++;
	return S_OK;
}

static ULONG fake_addref(IUnknown *self)
{
	return (ULONG)++((struct fake *)self)->refs;
}

static ULONG fake_release(IUnknown *self)
{
	return (ULONG)--((struct fake *)self)->refs;
}

static const struct IUnknownVtbl fake_vtbl = {fake_query, fake_addref, fake_release};

static void check_macros(struct t *t)
{
	struct fake f = {.face = {&fake_vtbl}, .refs = 1};
	IUnknown *p = &f.face;
	ULONG r = COM(p, AddRef);
	check(t, r == 2 && f.refs == 2, "COM without arguments", "refs %d", f.refs);
	void *out = NULL;
	HRESULT hr = COM(p, QueryInterface, &IID_IUnknown, &out);
	check(t, hr == S_OK && out == p && f.last_riid == &IID_IUnknown && f.refs == 3,
	      "COM with arguments", "hr 0x%08X refs %d", (unsigned)hr, f.refs);
	IUnknown *q = p;
	COM_RELEASE(q);
	check(t, q == NULL && f.refs == 2, "COM_RELEASE releases and clears", "refs %d", f.refs);
	COM_RELEASE(q);
	check(t, q == NULL && f.refs == 2, "COM_RELEASE of NULL does nothing", "refs %d", f.refs);
}

int main(void)
{
	struct t t = {0};

	setvbuf(stdout, NULL, _IOLBF, 0);
	check_known(&t);
	check_win32(&t);
	check_str(&t);
	check_desc(&t);
	check_table(&t);
	check_iids(&t);
	check_macros(&t);
	printf("%d passed, %d failed\n", t.pass, t.fail);
	return t.fail ? 1 : 0;
}
