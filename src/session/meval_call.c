/* meval_call.c: the parts of a C# expression that run code in the program: method calls and
 * property getters, through function evaluation (feval.c). A call the user typed is
 * explicit (a breakpoint inside it stops there); a getter reached by member access is too,
 * since the user named it. Conditions at a breakpoint hit run no code. Every evaluation
 * neuters the frame it started from (feval.h), so the evaluator takes it again afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clr/mobject.h"
#include "clr/mtype.h"
#include "clr/symbols.h"
#include "session/feval.h"
#include "session/meval_internal.h"
#include "session/ses_internal.h"

/* Who runs no code in the program, for the refusals below. */
static const char *no_calls_who(const struct meval *e)
{
	return e->o->no_calls_who ? e->o->no_calls_who : "a breakpoint condition";
}

int meval_refuse_calls(struct meval *e, const char *what)
{
	if (e->o->no_calls)
		return mx_err_set(e->err, "%s: %s does not run code in the program", what,
				  no_calls_who(e));
	return 0;
}

/* Takes the frame again after an evaluation neutered it. */
int meval_refresh(struct meval *e)
{
	COM_RELEASE(e->ilf);
	e->frame = NULL;
	if (ses_managed_eval_frame(e->s, e->o->leaf, e->o->tid, &e->ilf, &e->cm, &e->tok, &e->il,
				   e->err) != 0)
		return -1;
	e->frame = (ICorDebugFrame *)e->ilf;
	return 0;
}

/* An enum constant as a value of its enum type: a box of the enum made in the program with
 * its value__ written (ICorDebugEval2::CreateValueForType gives a value without contents),
 * passed as the value inside the box; the box is held until the evaluation ends. */
static int enum_value(struct meval *e, const struct mv *m, ICorDebugValue **out)
{
	if (e->nheld == sizeof(e->held) / sizeof(e->held[0]))
		return mx_err_set(e->err, "too many enum constants in one expression");
	uint8_t bytes[8] = {0};
	mv_to_bytes(m, bytes, mv_prim_size(m->et));
	ICorDebugType *t = NULL;
	struct clr_typedef td = m->td;
	if (clr_typedef_type(&td, &t, e->err) != 0)
		return -1;
	ICorDebugValue *box = NULL;
	int r = ses_feval_new_boxed(e->s, t, m->et, bytes, &box, out, e->err);
	COM_RELEASE(t);
	if (r == 0)
		e->held[e->nheld++] = box;
	if (meval_refresh(e) != 0 && r == 0)
		r = -1;
	return r;
}

/* A decimal as a value in the program (a System.Decimal made there, its box held until the
 * evaluation ends). */
static int decimal_value(struct meval *e, const struct mv *m, ICorDebugValue **out)
{
	if (e->nheld == sizeof(e->held) / sizeof(e->held[0]))
		return mx_err_set(e->err, "too many decimal constants in one expression");
	ICorDebugValue *box = NULL;
	int r = ses_feval_new_decimal(e->s, &m->dec, &box, out, e->err);
	if (r == 0)
		e->held[e->nheld++] = box;
	if (meval_refresh(e) != 0 && r == 0)
		r = -1;
	return r;
}

/* An argument as a value in the program: numbers, bools, chars, enums, strings and null are
 * made there. */
static int argument_value(struct meval *e, struct mv *m, ICorDebugValue **out)
{
	*out = NULL;
	if (m->kind == MV_VALUE) {
		*out = m->v;
		COM(*out, AddRef);
		return 0;
	}
	if (m->kind == MV_STR) {
		/* the evaluation making it neuters the frame the next arguments are read from */
		int r = ses_feval_new_string(e->s, m->str, out, e->err);
		if (meval_refresh(e) != 0 && r == 0)
			r = -1;
		return r;
	}
	if (m->kind == MV_NULL)
		return ses_feval_null(e->s, out, e->err);
	if (m->kind == MV_DEC)
		return decimal_value(e, m, out);
	if (m->kind == MV_PRIM) {
		if (m->td.cm)
			return enum_value(e, m, out);
		uint8_t bytes[8] = {0};
		mv_to_bytes(m, bytes, mv_prim_size(m->et));
		return ses_feval_prim(e->s, m->et, bytes, out, e->err);
	}
	char tname[64];
	meval_type_text(e, m, tname, sizeof(tname));
	return mx_err_set(e->err, "an argument of type '%s' cannot be passed", tname);
}

int meval_box(struct meval *e, const struct mv *m, ICorDebugValue **out)
{
	*out = NULL;
	if (meval_refuse_calls(e, "boxing a value") != 0)
		return -1;
	int r;
	if (m->kind == MV_DEC) {
		ICorDebugValue *inside = NULL;
		r = ses_feval_new_decimal(e->s, &m->dec, out, &inside, e->err);
		COM_RELEASE(inside);
	} else if (m->td.cm) {
		ICorDebugType *t = NULL;
		struct clr_typedef td = m->td;
		uint8_t bytes[8] = {0};
		mv_to_bytes(m, bytes, mv_prim_size(m->et));
		r = clr_typedef_type(&td, &t, e->err);
		if (r == 0)
			r = ses_feval_new_boxed(e->s, t, m->et, bytes, out, NULL, e->err);
		COM_RELEASE(t);
	} else {
		ICorDebugValue *v = NULL;
		r = argument_value(e, (struct mv *)m, &v);
		if (r == 0)
			r = ses_feval_box(e->s, v, out, e->err);
		COM_RELEASE(v);
	}
	if (meval_refresh(e) != 0 && r == 0) {
		COM_RELEASE(*out);
		r = -1;
	}
	return r;
}

int meval_arguments(struct meval *e, const struct csx_node *const *kids, size_t n,
		    ICorDebugValue ***out)
{
	ICorDebugValue **args = calloc(n ? n : 1, sizeof(*args));
	for (size_t i = 0; i < n; i++) {
		struct mv a = {0};
		int r = meval(e, kids[i], &a);
		if (r == 0 && a.kind == MV_NONE)
			r = mx_err_set(e->err, "a void result cannot be an argument");
		if (r == 0 && a.kind == MV_TYPE)
			r = mx_err_set(e->err, "error CS0119: a type is not valid as an argument");
		if (r == 0 && a.kind != MV_VALUE)
			r = meval_load(e, &a);
		if (r == 0)
			r = argument_value(e, &a, &args[i]);
		mv_clear(&a);
		if (r != 0) {
			meval_arguments_free(args, i);
			return -1;
		}
	}
	*out = args;
	return 0;
}

void meval_arguments_free(ICorDebugValue **args, size_t n)
{
	for (size_t i = 0; args && i < n; i++)
		COM_RELEASE(args[i]);
	free(args);
}

static int type_of_typedef(struct meval *e, struct mv *m, ICorDebugType **t)
{
	return clr_typedef_type(&m->td, t, e->err);
}

int meval_property(struct meval *e, struct mv *target, const char *name, struct mv *out)
{
	if (e->o->no_calls)
		return mx_err_set(e->err,
				  "'%s' is not a field here; if it is a property, its getter would "
				  "run code in the program, which %s does not do",
				  name, no_calls_who(e));
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
	if (meval_refresh(e) != 0 && r == 0)
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
	if (meval_refuse_calls(e, "a method call") != 0)
		return -1;
	const struct csx_node *callee = n->kids[0];
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
	ICorDebugValue **args = NULL;
	ICorDebugType *type = NULL, *mtargs[16] = {0};
	ICorDebugValue *res = NULL;
	size_t nm = 0;
	if (callee->ntype_args > 16) {
		mx_err_set(e->err, "too many type arguments");
		goto out;
	}
	for (; nm < callee->ntype_args; nm++)
		if (meval_resolve_type(e, callee->type_args[nm], &mtargs[nm]) != 0)
			goto out;
	if (meval_arguments(e, (const struct csx_node *const *)n->kids + 1, nargs, &args) != 0)
		goto out;
	if (target.kind == MV_TYPE && type_of_typedef(e, &target, &type) != 0)
		goto out;
	bool was = ses_feval_set_explicit(e->s, true);
	r = ses_feval_invoke_generic(e->s, target.kind == MV_VALUE ? target.v : NULL, type, name,
				     mtargs, nm, args, nargs, &res, e->err);
	ses_feval_set_explicit(e->s, was);
	if (meval_refresh(e) != 0 && r == 0)
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
	if (args)
		meval_arguments_free(args, nargs);
	for (size_t i = 0; i < nm; i++)
		COM_RELEASE(mtargs[i]);
	COM_RELEASE(res);
	COM_RELEASE(type);
	mv_clear(&target);
	return r;
}

int meval_indexer(struct meval *e, struct mv *target, const struct csx_node *n, struct mv *out)
{
	char tname[512];
	meval_type_text(e, target, tname, sizeof(tname));
	if (e->o->no_calls)
		return mx_err_set(e->err,
				  "error CS0021: Cannot apply indexing with [] to an expression of "
				  "type '%s' (indexers are properties: %s does not run code in the "
				  "program)",
				  tname, no_calls_who(e));
	size_t nargs = n->nkids - 1;
	ICorDebugValue **args = NULL, *res = NULL;
	if (meval_arguments(e, (const struct csx_node *const *)n->kids + 1, nargs, &args) != 0)
		return -1;
	/* C#'s indexers are the property Item: get_Item(index...) */
	bool was = ses_feval_set_explicit(e->s, true);
	int r = ses_feval_invoke(e->s, target->v, NULL, "get_Item", args, nargs, &res, e->err);
	ses_feval_set_explicit(e->s, was);
	meval_arguments_free(args, nargs);
	if (meval_refresh(e) != 0 && r == 0)
		r = -1;
	if (r != 0 && strstr(e->err->msg, "does not contain a definition for 'get_Item'"))
		mx_err_set(e->err,
			   "error CS0021: Cannot apply indexing with [] to an expression of type "
			   "'%s'",
			   tname);
	if (r != 0) {
		COM_RELEASE(res);
		return -1;
	}
	out->kind = res ? MV_VALUE : MV_NULL;
	out->v = res;
	return 0;
}

int meval_new_string(struct meval *e, const char *text, ICorDebugValue **out)
{
	if (meval_refuse_calls(e, "a new string") != 0)
		return -1;
	int r = ses_feval_new_string(e->s, text, out, e->err);
	if (meval_refresh(e) != 0 && r == 0) {
		COM_RELEASE(*out);
		r = -1;
	}
	return r;
}

int ses_meval_call(struct ses *s, const char *expr, char *out, size_t outlen, bool *has_value,
		   struct mx_err *err)
{
	struct meval_opts o = {0};
	struct mv m = {0};
	*has_value = false;
	if (meval_parse_eval(s, expr, &o, &m, err) != 0)
		return -1;
	if (m.kind != MV_NONE) {
		meval_format(s, &m, out, outlen);
		*has_value = true;
	}
	mv_clear(&m);
	return 0;
}
