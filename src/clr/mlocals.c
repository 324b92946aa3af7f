/* mlocals.c: a managed frame's arguments and locals as values. */
#include "clr/mlocals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meta/meta.h"

static int frame_args(struct clr_module *cm, ICorDebugILFrame *ilf, mdMethodDef tok,
		      const char *name,
		      int (*fn)(void *arg, const char *name, ICorDebugValue *value, HRESULT hr),
		      void *arg)
{
	struct meta_method_attrs attrs = {0};
	if (cm->img)
		meta_method_attrs(cm->img, tok, &attrs, NULL);
	ICorDebugValueEnum *ve = NULL;
	int count = 0;
	if (COM(ilf, EnumerateArguments, &ve) < 0)
		return 0;
	for (uint32_t i = 0;; i++) {
		ICorDebugValue *v = NULL;
		ULONG got = 0;
		if (COM(ve, Next, 1, &v, &got) < 0 || !got)
			break;
		char pname[64];
		const char *vname = pname;
		snprintf(pname, sizeof(pname), "arg%u", i);
		if (attrs.has_this && i == 0)
			vname = "this";
		else if (cm->img)
			meta_method_param_name(cm->img, tok, attrs.has_this ? i : i + 1, &vname,
					       NULL);
		int stop = 0;
		if (!name || strcmp(name, vname) == 0) {
			count++;
			stop = fn(arg, vname, v, 0);
		}
		COM_RELEASE(v);
		if (stop)
			break;
	}
	COM_RELEASE(ve);
	return count;
}

int clr_frame_values(struct clr *c, ICorDebugILFrame *ilf, struct clr_module *cm, mdMethodDef tok,
		     uint32_t il, bool args, const char *name,
		     int (*fn)(void *arg, const char *name, ICorDebugValue *value, HRESULT hr),
		     void *arg)
{
	(void)c;
	if (args)
		return frame_args(cm, ilf, tok, name, fn, arg);
	if (!cm->pdb)
		return 0;
	struct meta_local *locals = NULL;
	size_t n = 0;
	int count = 0;
	if (meta_pdb_locals(cm->pdb, tok, il, &locals, &n, NULL) != 0)
		return 0;
	/* inner scopes come last: with a name given, the innermost declaration wins */
	for (size_t k = n; k-- > 0;) {
		size_t i = name ? k : n - 1 - k;
		if (locals[i].hidden || (name && strcmp(name, locals[i].name) != 0))
			continue;
		ICorDebugValue *v = NULL;
		HRESULT hr = COM(ilf, GetLocalVariable, locals[i].index, &v);
		if (hr < 0)
			v = NULL;
		count++;
		int stop = fn(arg, locals[i].name, v, hr);
		COM_RELEASE(v);
		if (stop || name)
			break;
	}
	free(locals);
	return count;
}
