/* meval_call.c: the parts of a C# expression that run code in the program: method calls and
 * property getters, through function evaluation (feval.c). A call the user typed is
 * explicit (a breakpoint inside it stops there); a getter reached by member access is too,
 * since the user named it. Conditions at a breakpoint hit run no code. Every evaluation
 * neuters the frame it started from (feval.h), so the evaluator takes it again afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mobject.h"
#include "session/feval.h"
#include "session/meval_internal.h"
#include "session/ses_internal.h"

static int refuse_calls(struct meval *e, const char *what)
{
	if (e->o->no_calls)
		return mx_err_set(e->err,
				  "%s: a breakpoint condition does not run code in the "
				  "program",
				  what);
	return 0;
}

/* Takes the frame again after an evaluation neutered it. */
static int refresh(struct meval *e)
{
	COM_RELEASE(e->ilf);
	e->frame = NULL;
	if (ses_managed_eval_frame(e->s, e->o->leaf, e->o->tid, &e->ilf, &e->cm, &e->tok, &e->il,
				   e->err) != 0)
		return -1;
	e->frame = (ICorDebugFrame *)e->ilf;
	return 0;
}

/* An argument as a value in the program: ints and strings are made there. */
static int argument_value(struct meval *e, struct mv *m, ICorDebugValue **out)
{
	*out = NULL;
	if (m->kind == MV_VALUE) {
		*out = m->v;
		COM(*out, AddRef);
		return 0;
	}
	if (m->kind == MV_STR)
		return ses_feval_new_string(e->s, m->str, out, e->err);
	if (m->kind == MV_PRIM && m->et == ELEMENT_TYPE_I4)
		return ses_feval_int(e->s, (int32_t)m->n.i, out, e->err);
	char tname[64];
	meval_type_text(e, m, tname, sizeof(tname));
	return mx_err_set(e->err,
			  "an argument of type '%s' cannot be passed yet (ints, strings "
			  "and the program's own values can)",
			  tname);
}

static int type_of_typedef(struct meval *e, struct mv *m, ICorDebugType **t)
{
	return clr_typedef_type(&m->td, t, e->err);
}

int meval_property(struct meval *e, struct mv *target, const char *name, struct mv *out)
{
	if (e->o->no_calls)
		return mx_err_set(
		    e->err,
		    "'%s' is not a field here; if it is a property, its getter would run "
		    "code in the program, which a breakpoint condition does not do",
		    name);
	ICorDebugType *t = NULL;
	ICorDebugValue *obj = NULL, *res = NULL;
	if (target->kind == MV_TYPE && type_of_typedef(e, target, &t) != 0)
		return -1;
	if (target->kind == MV_VALUE)
		obj = target->v;
	bool was = ses_feval_set_explicit(e->s, true);
	int r = ses_feval_property(e->s, obj, t, name, &res, e->err);
	ses_feval_set_explicit(e->s, was);
	COM_RELEASE(t);
	if (refresh(e) != 0 && r == 0)
		r = -1;
	if (r != 0) {
		COM_RELEASE(res);
		return -1;
	}
	if (!res) {
		out->kind = MV_NULL;
		return 0;
	}
	out->kind = MV_VALUE;
	out->v = res;
	return 0;
}

int meval_call(struct meval *e, const struct csx_node *n, struct mv *out)
{
	if (refuse_calls(e, "a method call") != 0)
		return -1;
	const struct csx_node *callee = n->kids[0];
	if (n->ntype_args || callee->ntype_args)
		return mx_err_set(e->err, "calls with type arguments are not supported");
	struct mv target = {0};
	const char *name;
	int r = -1;
	if (callee->kind == CSX_NAME) {
		/* a method of this class: on `this`, or a static one */
		ICorDebugValue *self = NULL;
		ICorDebugType *type = NULL;
		if (ses_feval_frame_self(e->s, &self, &type, e->err) != 0)
			return -1;
		if (self) {
			target.kind = MV_VALUE;
			target.v = self;
			COM_RELEASE(type);
		} else {
			target.kind = MV_TYPE;
			if (!clr_type_typedef(e->c, type, &target.td)) {
				COM_RELEASE(type);
				return mx_err_set(e->err, "cannot tell the method's class");
			}
			COM_RELEASE(type);
		}
		name = callee->text;
	} else if (callee->kind == CSX_MEMBER) {
		if (meval(e, callee->kids[0], &target) != 0)
			return -1;
		name = callee->text;
		if (target.kind == MV_NULL && callee->conditional) {
			out->kind = MV_NULL;
			return 0;
		}
		if (target.kind == MV_NULL) {
			mv_clear(&target);
			return mx_err_set(e->err, "Object reference not set to an instance of an "
						  "object.");
		}
		if (target.kind == MV_STR || target.kind == MV_PRIM) {
			char tname[64];
			meval_type_text(e, &target, tname, sizeof(tname));
			mv_clear(&target);
			return mx_err_set(e->err,
					  "calls on a computed '%s' are not supported: call "
					  "on a variable",
					  tname);
		}
		if (target.kind != MV_VALUE && target.kind != MV_TYPE) {
			mv_clear(&target);
			return mx_err_set(e->err, "that cannot be called");
		}
	} else {
		return mx_err_set(e->err, "error CS0149: Method name expected");
	}
	size_t nargs = n->nkids - 1;
	ICorDebugValue **args = calloc(nargs ? nargs : 1, sizeof(*args));
	ICorDebugType *type = NULL;
	ICorDebugValue *res = NULL;
	size_t made = 0;
	for (; made < nargs; made++) {
		struct mv a = {0};
		int ar = meval(e, n->kids[made + 1], &a);
		if (ar == 0 && a.kind != MV_VALUE)
			ar = meval_load(e, &a);
		if (ar == 0)
			ar = argument_value(e, &a, &args[made]);
		mv_clear(&a);
		if (ar != 0)
			goto out;
	}
	if (target.kind == MV_TYPE && type_of_typedef(e, &target, &type) != 0)
		goto out;
	bool was = ses_feval_set_explicit(e->s, true);
	r = ses_feval_invoke(e->s, target.kind == MV_VALUE ? target.v : NULL, type, name, args,
			     nargs, &res, e->err);
	ses_feval_set_explicit(e->s, was);
	if (refresh(e) != 0 && r == 0)
		r = -1;
	if (r == 0) {
		if (res) {
			out->kind = MV_VALUE;
			out->v = res;
			res = NULL;
		} else {
			out->kind = MV_NONE; /* void */
		}
	}
out:
	for (size_t i = 0; i < made; i++)
		COM_RELEASE(args[i]);
	free(args);
	COM_RELEASE(res);
	COM_RELEASE(type);
	mv_clear(&target);
	return r;
}

int meval_new_string(struct meval *e, const char *text, ICorDebugValue **out)
{
	if (refuse_calls(e, "a new string") != 0)
		return -1;
	int r = ses_feval_new_string(e->s, text, out, e->err);
	if (refresh(e) != 0 && r == 0) {
		COM_RELEASE(*out);
		r = -1;
	}
	return r;
}
