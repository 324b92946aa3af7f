/* crossing.c: a `step` from C# into the native function a P/Invoke calls.
 *
 * At a managed stop, the IL of the current line is scanned for calls to methods that an
 * ImplMap row forwards to a native library (P/Invoke declarations); each one's entry point is
 * looked up in that library's symbols and gets an internal breakpoint at the end of its
 * prologue (where a native `step` into the function would stop). A library that is not loaded
 * yet (the runtime loads it at the first call) gets its breakpoint when the loader reports it.
 * Meanwhile the runtime's own stepper runs the line: if the native breakpoint is hit by the
 * stepping thread first, the step ends there, in C; otherwise the managed step ends as usual.
 *
 * The runtime's stepper is not cancelled when the step ends in C (it cannot be: the tracer
 * holds the runtime's threads): it stays armed while the thread runs the native code, and
 * completes on the C# line after the call when the native function returns. `finish` out of
 * the native function, or a step past its end, lets it do just that (step.c). */
#include "session/ses_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/str.h"
#include "util/xalloc.h"

/* Whether a library file (its path) is what DllImport("name") loads: the runtime tries the
 * name as given and with the platform's prefix and suffix (libNAME.so), dotnet/runtime
 * src/coreclr/vm/nativelibrary.cpp (DetermineLibNameVariations). */
static bool library_matches(const char *path, const char *name)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *nbase = strrchr(name, '/');
	nbase = nbase ? nbase + 1 : name;
	char variants[4][300];
	snprintf(variants[0], sizeof(variants[0]), "%s", nbase);
	snprintf(variants[1], sizeof(variants[1]), "%s.so", nbase);
	snprintf(variants[2], sizeof(variants[2]), "lib%s.so", nbase);
	snprintf(variants[3], sizeof(variants[3]), "lib%s", nbase);
	for (int i = 0; i < 4; i++) {
		size_t n = strlen(variants[i]);
		/* libfoo.so also matches libfoo.so.1 (a versioned file behind the name) */
		if (strncmp(base, variants[i], n) == 0 && (base[n] == 0 || base[n] == '.'))
			return true;
	}
	return false;
}

void ses_pstep_resolve_in(struct ses *s, const struct nat_module *m)
{
	if (!s->npstep || !s->pid)
		return;
	const char *path = nat_module_path(m);
	for (size_t i = 0; i < s->npstep; i++) {
		if (!library_matches(path, s->pstep[i].library))
			continue;
		struct nat_loc_list ll = {0};
		if (nat_syms_find_function(s->syms, m, s->pstep[i].entry, &ll) > 0) {
			for (size_t j = 0; j < ll.n; j++) {
				uint8_t orig;
				/* only a function with lines: a step does not stop in one without
				 * (it is stepped over, as in native code) */
				if (ll.v[j].inlined || !ll.v[j].file ||
				    ses_insert_raw(s, ll.v[j].addr, SES_GROUP_STEP, TR_BP_INTERNAL,
						   &orig) != 0)
					continue;
				xgrow((void **)&s->pstep_addrs, &s->cap_pstep_addrs,
				      s->npstep_addrs + 1, sizeof(*s->pstep_addrs));
				s->pstep_addrs[s->npstep_addrs++] = ll.v[j].addr;
			}
		}
		nat_loc_list_clear(&ll);
	}
}

size_t ses_pstep_arm(struct ses *s)
{
	ses_pstep_disarm(s);
	if (s->untraced)
		return 0; /* no native breakpoints: the runtime's step goes over the call */
	struct ses_pinvoke found[16];
	size_t n = ses_managed_line_pinvokes(s, found, 16);
	if (!n)
		return 0;
	s->pstep = xmalloc(n * sizeof(*s->pstep));
	memcpy(s->pstep, found, n * sizeof(*s->pstep));
	s->npstep = n;
	for (size_t i = 0; i < nat_syms_module_count(s->syms); i++)
		ses_pstep_resolve_in(s, nat_syms_module_at(s->syms, i));
	return n;
}

void ses_pstep_disarm(struct ses *s)
{
	for (size_t i = 0; i < s->npstep_addrs && s->pid; i++) {
		struct tr_bp req = {.addr = s->pstep_addrs[i], .group = SES_GROUP_STEP};
		ses_call(s, TR_REQ_BP_REMOVE, &req, sizeof(req), NULL, NULL);
	}
	free(s->pstep_addrs);
	s->pstep_addrs = NULL;
	s->npstep_addrs = s->cap_pstep_addrs = 0;
	free(s->pstep);
	s->pstep = NULL;
	s->npstep = 0;
}

bool ses_pstep_is_target(const struct ses *s, uint64_t pc)
{
	for (size_t i = 0; i < s->npstep_addrs; i++)
		if (s->pstep_addrs[i] == pc)
			return true;
	return false;
}

bool ses_pc_in_native_module(struct ses *s, uint64_t pc)
{
	for (size_t i = 0; i < nat_syms_module_count(s->syms); i++) {
		uint64_t lo, hi;
		nat_module_range(nat_syms_module_at(s->syms, i), &lo, &hi);
		if (pc >= lo && pc < hi)
			return true;
	}
	return false;
}
