/* mbreak.c: binding managed breakpoints (see mbreak.h). */
#include "clr/mbreak.h"

#include <stdio.h>
#include <string.h>

#include "clr/dbi.h"
#include "clr/symbols.h"
#include "util/str.h"

static void fill_where(struct clr *c, struct clr_module *cm, struct clr_bp_loc *l)
{
	(void)c;
	memset(&l->where, 0, sizeof(l->where));
	l->module_base = cm->base;
	l->where.token = l->token;
	l->where.il = l->il;
	l->where.il_exact = true;
	mx_strlcpy(l->where.module, cm->name, sizeof(l->where.module));
	clr_sym_method_name(cm, l->token, l->where.func, sizeof(l->where.func));
	clr_sym_line(cm, l->token, l->il, l->where.file, sizeof(l->where.file), &l->where.line);
}

size_t clr_find_line(struct clr *c, struct clr_module *cm, const char *file, int line,
		     struct clr_bp_loc *out, size_t max, int *resolved_line)
{
	struct clr_sym_hit hits[64];
	size_t n = clr_sym_find_line(cm, file, line, hits, 64, resolved_line);
	size_t k = 0;
	for (size_t i = 0; i < n && k < max; i++) {
		memset(&out[k], 0, sizeof(out[k]));
		out[k].token = hits[i].token;
		out[k].il = hits[i].il;
		fill_where(c, cm, &out[k]);
		k++;
	}
	return k;
}

size_t clr_find_method(struct clr *c, struct clr_module *cm, const char *name,
		       struct clr_bp_loc *out, size_t max)
{
	mdMethodDef toks[64];
	size_t n = clr_sym_find_methods(cm, name, toks, 64);
	size_t k = 0;
	for (size_t i = 0; i < n && k < max; i++) {
		memset(&out[k], 0, sizeof(out[k]));
		out[k].token = toks[i];
		out[k].il = clr_sym_first_il(cm, toks[i]);
		fill_where(c, cm, &out[k]);
		k++;
	}
	return k;
}

int clr_bp_loc_create(struct clr *c, struct clr_module *cm, struct clr_bp_loc *l,
		      struct mx_err *err)
{
	(void)c;
	ICorDebugFunction *fn = NULL;
	ICorDebugCode *code = NULL;
	HRESULT hr = COM(cm->mod, GetFunctionFromToken, l->token, &fn);
	if (hr >= 0)
		hr = COM(fn, GetILCode, &code);
	if (hr >= 0)
		hr = COM(code, CreateBreakpoint, l->il, &l->fbp);
	COM_RELEASE(code);
	COM_RELEASE(fn);
	if (hr < 0)
		return mx_err_set(err, "cannot set a breakpoint in %s at IL offset 0x%x: %s",
				  l->where.func, l->il, clr_hr(hr));
	COM(l->fbp, Activate, 1);
	return 0;
}

void clr_bp_loc_activate(struct clr_bp_loc *l, bool on)
{
	if (l->fbp)
		COM(l->fbp, Activate, on ? 1 : 0);
}

void clr_bp_loc_release(struct clr_bp_loc *l)
{
	if (l->fbp) {
		COM(l->fbp, Activate, 0);
		COM_RELEASE(l->fbp);
	}
}

bool clr_bp_loc_is(const struct clr_bp_loc *l, ICorDebugBreakpoint *bp)
{
	if (!l->fbp || !bp)
		return false;
	ICorDebugFunctionBreakpoint *fbp = NULL;
	if (COM(bp, QueryInterface, &IID_ICorDebugFunctionBreakpoint, (void **)&fbp) < 0)
		return false;
	bool same = fbp == l->fbp;
	COM_RELEASE(fbp);
	return same;
}
