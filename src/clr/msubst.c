/* msubst.c: a generic method's parameter types with the type arguments of the call put in
 * (Echo<T>(T x) called as Echo<long> takes a long), so that arguments are chosen, converted
 * and checked against the types the runtime will really expect. */
#include <stdio.h>
#include <string.h>

#include "clr/mcall.h"
#include "clr/mtype.h"
#include "meta/meta.h"
#include "util/str.h"

void clr_type_keyword_name(char *name, size_t len)
{
	static const char *const names[][2] = {
	    {"System.Boolean", "bool"},	 {"System.Char", "char"},     {"System.SByte", "sbyte"},
	    {"System.Byte", "byte"},	 {"System.Int16", "short"},   {"System.UInt16", "ushort"},
	    {"System.Int32", "int"},	 {"System.UInt32", "uint"},   {"System.Int64", "long"},
	    {"System.UInt64", "ulong"},	 {"System.Single", "float"},  {"System.Double", "double"},
	    {"System.String", "string"}, {"System.Object", "object"}, {"System.Decimal", "decimal"},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i][0]) == 0) {
			mx_strlcpy(name, names[i][1], len);
			return;
		}
}

void clr_method_cand_substitute(struct clr *c, struct clr_method_cand *cd, ICorDebugType **mtargs,
				size_t nmtargs)
{
	ICorDebugModule *m = NULL;
	mdMethodDef tok = 0;
	struct clr_module *cm = NULL;
	if (COM(cd->fn, GetToken, &tok) >= 0 && COM(cd->fn, GetModule, &m) >= 0)
		cm = clr_module_find(c, m);
	COM_RELEASE(m);
	if (!cm || !cm->img)
		return;
	ICorDebugType *class_args[16];
	size_t nclass = clr_type_args(cd->owner, class_args, 16);
	char out[sizeof(cd->params)] = "(";
	bool changed = false;
	for (uint32_t i = 0; i < cd->nparams; i++) {
		char ptype[256] = "";
		bool method_level = false;
		uint32_t number = 0;
		clr_param_type(cd->params, i, ptype, sizeof(ptype));
		if (meta_method_param_generic(cm->img, tok, i, &method_level, &number, NULL) == 1) {
			ICorDebugType *targ = method_level
						  ? (number < nmtargs ? mtargs[number] : NULL)
						  : (number < nclass ? class_args[number] : NULL);
			if (targ) {
				ptype[0] = 0;
				clr_type_name(c, targ, ptype, sizeof(ptype));
				clr_type_keyword_name(ptype, sizeof(ptype));
				changed = true;
			}
		}
		size_t used = strlen(out);
		snprintf(out + used, sizeof(out) - used, "%s%s", i ? ", " : "", ptype);
	}
	size_t used = strlen(out);
	snprintf(out + used, sizeof(out) - used, ")");
	if (changed)
		mx_strlcpy(cd->params, out, sizeof(cd->params));
	for (size_t i = 0; i < nclass; i++)
		COM_RELEASE(class_args[i]);
}
