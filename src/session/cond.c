/* cond.c: breakpoint conditions, compiled here into the tracer's stack program (proto.h's
 * enum tr_cond_op), which the tracer runs at each hit: a false condition resumes the thread
 * without a round trip to the session.
 *
 * The tracer's language is C's integer expressions over registers ($rax, $rdi, $pc, ...),
 * literals and the locals and arguments whose DWARF location is a register or a register plus
 * an offset: + - * / % << >> & | ^ ~ ! == != < <= > >= && || and parentheses. Any other
 * condition the full C evaluator accepts at the breakpoint's location (globals, 'q', 1.5,
 * p->x, a[2]: native/vars.h nat_eval_check) is evaluated by the session at each hit instead;
 * only what the evaluator refuses (bad syntax, unknown names) is an error at `condition` time,
 * so no condition silently misbehaves.
 */
#include "session/ses_internal.h"

#include <ctype.h>

#include "native/access.h"
#include "native/vars.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct cond_parser {
	const char *p;	       /* next character to read */
	bool needs_session;    /* a name the tracer cannot reach, but the session can */
	struct nat_syms *syms; /* where variables are looked up (NULL: registers only) */
	uint64_t pc;	       /* the breakpoint location the program is compiled for */
	uint8_t *code;	       /* program being emitted */
	size_t len, cap;       /* bytes used and available in code */
	struct mx_err *err;    /* the first error */
	bool failed;
};

static const struct {
	const char *name;
	size_t off;
} reg_names[] = {
#define R(n)                                                                                       \
	{                                                                                          \
#n, offsetof(struct user_regs_struct, n)                                           \
	}
    R(rax),
    R(rbx),
    R(rcx),
    R(rdx),
    R(rsi),
    R(rdi),
    R(rbp),
    R(rsp),
    R(r8),
    R(r9),
    R(r10),
    R(r11),
    R(r12),
    R(r13),
    R(r14),
    R(r15),
    R(rip),
    R(eflags),
#undef R
    {"pc", offsetof(struct user_regs_struct, rip)},
    {"sp", offsetof(struct user_regs_struct, rsp)},
    {"fp", offsetof(struct user_regs_struct, rbp)},
};

static void fail(struct cond_parser *cp, const char *fmt, const char *what)
{
	if (!cp->failed)
		mx_err_set(cp->err, fmt, what);
	cp->failed = true;
}

static void emit(struct cond_parser *cp, const void *bytes, size_t n)
{
	if (cp->len + n > cp->cap) {
		fail(cp, "condition too long%s", "");
		return;
	}
	memcpy(cp->code + cp->len, bytes, n);
	cp->len += n;
}

static void emit_op(struct cond_parser *cp, uint8_t op)
{
	emit(cp, &op, 1);
}

/* DWARF register number (x86-64 psABI) to its 8-byte slot in struct user_regs_struct. */
static int user_reg_slot(int dwarf)
{
	static const size_t off[17] = {
	    offsetof(struct user_regs_struct, rax), offsetof(struct user_regs_struct, rdx),
	    offsetof(struct user_regs_struct, rcx), offsetof(struct user_regs_struct, rbx),
	    offsetof(struct user_regs_struct, rsi), offsetof(struct user_regs_struct, rdi),
	    offsetof(struct user_regs_struct, rbp), offsetof(struct user_regs_struct, rsp),
	    offsetof(struct user_regs_struct, r8),  offsetof(struct user_regs_struct, r9),
	    offsetof(struct user_regs_struct, r10), offsetof(struct user_regs_struct, r11),
	    offsetof(struct user_regs_struct, r12), offsetof(struct user_regs_struct, r13),
	    offsetof(struct user_regs_struct, r14), offsetof(struct user_regs_struct, r15),
	    offsetof(struct user_regs_struct, rip)};
	return dwarf >= 0 && dwarf < 17 ? (int)(off[dwarf] / 8) : -1;
}

static void emit_const(struct cond_parser *cp, int64_t v)
{
	emit_op(cp, TR_OP_CONST);
	emit(cp, &v, sizeof(v));
}

/* Pushes a variable's value: a load from register + offset, or the register narrowed to the
 * variable's size. */
static void emit_access(struct cond_parser *cp, const struct nat_access *a)
{
	int slot = user_reg_slot(a->reg);
	if (slot < 0) {
		fail(cp, "unsupported register in a variable's location%s", "");
		return;
	}
	uint8_t idx = (uint8_t)slot;
	emit_op(cp, TR_OP_REG);
	emit(cp, &idx, 1);
	if (a->in_memory) {
		emit_const(cp, a->offset);
		emit_op(cp, TR_OP_ADD);
		uint8_t size = (uint8_t)(a->size | (a->is_signed ? 0 : 0x80));
		emit_op(cp, TR_OP_LOAD);
		emit(cp, &size, 1);
	} else if (a->size < 8) {
		int64_t bits = 64 - 8 * (int64_t)a->size;
		if (a->is_signed) {
			emit_const(cp, bits);
			emit_op(cp, TR_OP_SHL);
			emit_const(cp, bits);
			emit_op(cp, TR_OP_SHR);
		} else {
			emit_const(cp, (int64_t)((1ull << (8 * a->size)) - 1));
			emit_op(cp, TR_OP_AND);
		}
	}
}

static void skip_ws(struct cond_parser *cp)
{
	while (isspace((unsigned char)*cp->p))
		cp->p++;
}

/* Takes tok if it comes next (and is not the start of a longer operator). */
static bool eat(struct cond_parser *cp, const char *tok)
{
	skip_ws(cp);
	size_t n = strlen(tok);
	if (strncmp(cp->p, tok, n) != 0)
		return false;
	/* do not take "<" out of "<<" or "<=", "&" out of "&&", "!" out of "!=" */
	if (n == 1 && tok[0] != '(' && tok[0] != ')' &&
	    (cp->p[1] == tok[0] || (strchr("<>!=", tok[0]) && cp->p[1] == '=')))
		return false;
	cp->p += n;
	return true;
}

static void parse_or(struct cond_parser *cp);

static void parse_primary(struct cond_parser *cp)
{
	skip_ws(cp);
	if (eat(cp, "(")) {
		parse_or(cp);
		if (!eat(cp, ")"))
			fail(cp, "missing ')' in condition near '%s'", cp->p);
		return;
	}
	static const struct {
		const char *tok;
		uint8_t op;
	} unary[] = {{"-", TR_OP_NEG}, {"!", TR_OP_NOT}, {"~", TR_OP_BNOT}};
	for (size_t i = 0; i < sizeof(unary) / sizeof(unary[0]); i++) {
		if (eat(cp, unary[i].tok)) {
			parse_primary(cp);
			emit_op(cp, unary[i].op);
			return;
		}
	}
	if (isdigit((unsigned char)*cp->p)) {
		char *end;
		int64_t v = (int64_t)strtoull(cp->p, &end, 0);
		cp->p = end;
		emit_op(cp, TR_OP_CONST);
		emit(cp, &v, sizeof(v));
		return;
	}
	if (*cp->p == '$') {
		const char *start = ++cp->p;
		while (isalnum((unsigned char)*cp->p))
			cp->p++;
		size_t n = (size_t)(cp->p - start);
		for (size_t i = 0; i < sizeof(reg_names) / sizeof(reg_names[0]); i++) {
			if (strlen(reg_names[i].name) == n &&
			    !strncmp(reg_names[i].name, start, n)) {
				uint8_t idx = (uint8_t)(reg_names[i].off / 8);
				emit_op(cp, TR_OP_REG);
				emit(cp, &idx, 1);
				return;
			}
		}
		fail(cp, "unknown register '$%s' in condition", start);
		return;
	}
	if (isalpha((unsigned char)*cp->p) || *cp->p == '_') {
		char name[128];
		size_t n = 0;
		while ((isalnum((unsigned char)cp->p[n]) || cp->p[n] == '_') &&
		       n + 1 < sizeof(name))
			n++;
		memcpy(name, cp->p, n);
		name[n] = 0;
		if (!cp->syms) {
			fail(cp, "'%s': a condition on a variable needs the breakpoint's location",
			     name);
			return;
		}
		struct nat_access acc;
		if (nat_var_access(cp->syms, cp->pc, name, &acc, cp->err) != 0) {
			/* not a local the tracer can read: a global (an ELF symbol) can still be
			 * evaluated by the session at each hit */
			bool global = false;
			for (size_t i = 0; i < nat_syms_module_count(cp->syms) && !global; i++)
				global = nat_syms_symbol_addr(
					     cp->syms, nat_syms_module_at(cp->syms, i), name) != 0;
			if (!global) {
				cp->failed = true;
				return;
			}
			cp->needs_session = true;
			cp->p += n;
			emit_const(cp, 1);
			return;
		}
		cp->p += n;
		emit_access(cp, &acc);
		return;
	}
	fail(cp, "syntax error in condition near '%s'", *cp->p ? cp->p : "end of input");
}

/* One precedence level: operands from next, joined by any of ops. */
struct level {
	void (*next)(struct cond_parser *);
	struct {
		const char *tok;
		uint8_t op;
	} ops[4];
};

static void parse_level(struct cond_parser *cp, const struct level *lv)
{
	lv->next(cp);
	for (bool more = true; more && !cp->failed;) {
		more = false;
		for (size_t i = 0; i < 4 && lv->ops[i].tok; i++) {
			if (eat(cp, lv->ops[i].tok)) {
				lv->next(cp);
				emit_op(cp, lv->ops[i].op);
				more = true;
				break;
			}
		}
	}
}

#define LEVEL(name, nextfn, ...)                                                                   \
	static void name(struct cond_parser *cp)                                                   \
	{                                                                                          \
		static const struct level lv = {nextfn, {__VA_ARGS__}};                            \
		parse_level(cp, &lv);                                                              \
	}

LEVEL(parse_mul, parse_primary, {"*", TR_OP_MUL}, {"/", TR_OP_DIV}, {"%", TR_OP_MOD})
LEVEL(parse_add, parse_mul, {"+", TR_OP_ADD}, {"-", TR_OP_SUB})
LEVEL(parse_shift, parse_add, {"<<", TR_OP_SHL}, {">>", TR_OP_SHR})
LEVEL(parse_cmp, parse_shift, {"<=", TR_OP_LE}, {">=", TR_OP_GE}, {"<", TR_OP_LT}, {">", TR_OP_GT})
LEVEL(parse_eq, parse_cmp, {"==", TR_OP_EQ}, {"!=", TR_OP_NE})
LEVEL(parse_bits, parse_eq, {"&", TR_OP_AND}, {"^", TR_OP_XOR}, {"|", TR_OP_OR})
LEVEL(parse_and, parse_bits, {"&&", TR_OP_LAND})
LEVEL(parse_or_level, parse_and, {"||", TR_OP_LOR})

static void parse_or(struct cond_parser *cp)
{
	parse_or_level(cp);
}

int ses_cond_compile(const char *expr, struct nat_syms *syms, uint64_t pc, uint8_t *code,
		     size_t cap, size_t *len, bool *needs_session, struct mx_err *err)
{
	struct cond_parser cp = {
	    .p = expr, .syms = syms, .pc = pc, .code = code, .cap = cap, .err = err};
	parse_or(&cp);
	skip_ws(&cp);
	if (*cp.p && !cp.failed)
		fail(&cp, "syntax error in condition near '%s'", cp.p);
	*len = cp.len;
	if (needs_session)
		*needs_session = cp.needs_session;
	return cp.failed ? -1 : 0;
}

/* Compiles expr for the tracer at pc (have_pc false: a breakpoint without a location yet, so
 * registers only). What the tracer cannot run but the C evaluator accepts at pc falls back to
 * the session (*in_session, no program); what the evaluator refuses is an error with its
 * message. */
static int compile_or_fall_back(const char *expr, struct nat_syms *syms, bool have_pc, uint64_t pc,
				uint8_t *code, size_t cap, size_t *len, bool *in_session,
				struct mx_err *err)
{
	struct mx_err tracer_err = {{0}};
	*in_session = false;
	if (ses_cond_compile(expr, have_pc ? syms : NULL, pc, code, cap, len, in_session,
			     &tracer_err) == 0 &&
	    !*in_session)
		return 0;
	if (!have_pc) {
		if (err)
			*err = tracer_err;
		return -1;
	}
	if (nat_eval_check(syms, pc, expr, err) != 0)
		return -1;
	*in_session = true;
	*len = 0; /* the tracer reports every hit; breakpoint_stop evaluates it */
	return 0;
}

int ses_cond_check(const char *expr, struct mx_err *err)
{
	uint8_t code[TR_COND_MAX];
	size_t len;
	return ses_cond_compile(expr, NULL, 0, code, sizeof(code), &len, NULL, err);
}

/* Hands breakpoint bp's condition (or its absence) to the tracer. */
int ses_cond_install(struct ses *s, int id, const char *expr, struct mx_err *err)
{
	uint8_t buf[sizeof(struct tr_cond) + TR_COND_MAX];
	size_t len = 0;
	if (expr) {
		/* variables are compiled for the breakpoint's locations (the program file's before
		 * it runs: the recipe is relative to registers, so it holds wherever the code is
		 * loaded); every location must give the same program */
		struct nat_syms *syms = NULL;
		uint64_t pcs[64];
		size_t npcs = ses_bp_pcs(s, id, &syms, pcs, 64);
		bool in_session = false;
		if (compile_or_fall_back(expr, syms, npcs > 0, npcs ? pcs[0] : 0,
					 buf + sizeof(struct tr_cond), TR_COND_MAX, &len,
					 &in_session, err))
			return -1;
		for (size_t i = 1; i < npcs; i++) {
			uint8_t other[TR_COND_MAX];
			size_t olen = 0;
			bool other_in_session = false;
			if (compile_or_fall_back(expr, syms, true, pcs[i], other, sizeof(other),
						 &olen, &other_in_session, err))
				return -1;
			/* one program for every location, else the session evaluates it at each
			 * (the variables may live in different places there) */
			if (other_in_session || olen != len ||
			    memcmp(other, buf + sizeof(struct tr_cond), len) != 0)
				in_session = true;
		}
		if (in_session)
			len = 0;
		struct ses_bp *bp = ses_bp_find(s, id);
		if (bp)
			bp->cond_in_session = in_session;
	}
	struct tr_cond c = {.group = (uint32_t)id, .len = (uint32_t)len};
	memcpy(buf, &c, sizeof(c));
	return ses_call(s, TR_REQ_GROUP_COND, buf, (uint32_t)(sizeof(c) + len), NULL, err);
}
