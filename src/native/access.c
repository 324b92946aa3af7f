/* access.c: nat_var_access. The variable is found in the scopes around pc (innermost first);
 * its location at pc must be a register (DW_OP_regN), a register plus offset (DW_OP_bregN),
 * or an offset from the frame base (DW_OP_fbreg). A frame base of DW_OP_call_frame_cfa (gcc's
 * choice) is resolved through the module's CFI: at pc the CFA rule is itself register plus
 * offset (DW_OP_bregN), so the variable is too. Anything else (optimized out, pieces,
 * computed values) is refused with a message saying so. */
#include "native/access.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <stdlib.h>
#include <string.h>

#include "native/sym_internal.h"

static bool reg_of_op(const Dwarf_Op *op, int *reg, int64_t *off, bool *is_breg)
{
	if (op->atom >= DW_OP_breg0 && op->atom <= DW_OP_breg31) {
		*reg = op->atom - DW_OP_breg0;
		*off = (int64_t)op->number;
		*is_breg = true;
		return true;
	}
	if (op->atom == DW_OP_bregx) {
		*reg = (int)op->number;
		*off = (int64_t)op->number2;
		*is_breg = true;
		return true;
	}
	if (op->atom >= DW_OP_reg0 && op->atom <= DW_OP_reg31) {
		*reg = op->atom - DW_OP_reg0;
		*is_breg = false;
		return true;
	}
	if (op->atom == DW_OP_regx) {
		*reg = (int)op->number;
		*is_breg = false;
		return true;
	}
	return false;
}

/* The CFA at pc (module-relative dpc) as register + offset. */
static bool cfa_rule(Dwfl_Module *mod, uint64_t pc, int *reg, int64_t *off)
{
	Dwarf_Addr bias;
	Dwarf_CFI *cfi = dwfl_module_eh_cfi(mod, &bias);
	if (!cfi)
		cfi = dwfl_module_dwarf_cfi(mod, &bias);
	Dwarf_Frame *frame = NULL;
	if (!cfi || dwarf_cfi_addrframe(cfi, pc - bias, &frame) != 0)
		return false;
	Dwarf_Op *ops;
	size_t n;
	bool breg = false, ok = dwarf_frame_cfa(frame, &ops, &n) == 0 && n == 1 &&
				reg_of_op(&ops[0], reg, off, &breg) && breg;
	free(frame);
	return ok;
}

static bool find_in_scope(Dwarf_Die *scope, const char *name, Dwarf_Die *out)
{
	Dwarf_Die child;
	if (dwarf_child(scope, &child) != 0)
		return false;
	int guard = 0;
	do {
		int tag = dwarf_tag(&child);
		const char *nm = dwarf_diename(&child);
		if ((tag == DW_TAG_variable || tag == DW_TAG_formal_parameter) && nm &&
		    !strcmp(nm, name)) {
			*out = child;
			return true;
		}
	} while (++guard < 100000 && dwarf_siblingof(&child, &child) == 0);
	return false;
}

/* Size and signedness of a scalar type (through typedefs and qualifiers). */
static bool scalar_type(Dwarf_Die *var, unsigned *size, bool *is_signed)
{
	Dwarf_Attribute a;
	Dwarf_Die t;
	if (!dwarf_attr_integrate(var, DW_AT_type, &a) || !dwarf_formref_die(&a, &t))
		return false;
	for (int i = 0; i < 16; i++) {
		int tag = dwarf_tag(&t);
		if (tag == DW_TAG_typedef || tag == DW_TAG_const_type ||
		    tag == DW_TAG_volatile_type) {
			if (!dwarf_attr(&t, DW_AT_type, &a) || !dwarf_formref_die(&a, &t))
				return false;
			continue;
		}
		Dwarf_Word sz = tag == DW_TAG_pointer_type ? 8 : 0, enc = DW_ATE_unsigned;
		if (dwarf_attr(&t, DW_AT_byte_size, &a))
			dwarf_formudata(&a, &sz);
		if (dwarf_attr(&t, DW_AT_encoding, &a))
			dwarf_formudata(&a, &enc);
		if ((tag != DW_TAG_base_type && tag != DW_TAG_pointer_type &&
		     tag != DW_TAG_enumeration_type) ||
		    (sz != 1 && sz != 2 && sz != 4 && sz != 8) || enc == DW_ATE_float)
			return false;
		*size = (unsigned)sz;
		*is_signed = tag == DW_TAG_enumeration_type ||
			     (tag == DW_TAG_base_type &&
			      (enc == DW_ATE_signed || enc == DW_ATE_signed_char));
		return true;
	}
	return false;
}

int nat_var_access(struct nat_syms *s, uint64_t pc, const char *name, struct nat_access *out,
		   struct mx_err *err)
{
	memset(out, 0, sizeof(*out));
	Dwfl_Module *mod = dwfl_addrmodule(nat_syms_dwfl(s), pc);
	Dwarf_Addr bias;
	Dwarf_Die *cu = mod ? dwfl_module_addrdie(mod, pc, &bias) : NULL;
	Dwarf_Die *scopes = NULL;
	int n = cu ? dwarf_getscopes(cu, pc - bias, &scopes) : -1;
	Dwarf_Die var, fn;
	bool found = false, have_fn = false;
	for (int i = 0; i < n && !found; i++) {
		found = find_in_scope(&scopes[i], name, &var);
		int tag = dwarf_tag(&scopes[i]);
		if (tag == DW_TAG_subprogram && !have_fn) {
			fn = scopes[i];
			have_fn = true;
		}
		if (found && !have_fn) /* the frame base comes from the enclosing function */
			for (int j = i + 1; j < n && !have_fn; j++)
				if (dwarf_tag(&scopes[j]) == DW_TAG_subprogram) {
					fn = scopes[j];
					have_fn = true;
				}
		if (tag == DW_TAG_subprogram && !found)
			break; /* locals and arguments only: not the CU's globals */
	}
	free(scopes);
	if (!found)
		return mx_err_set(err, "No local or argument \"%s\" where the breakpoint is.",
				  name);
	if (!scalar_type(&var, &out->size, &out->is_signed))
		return mx_err_set(err,
				  "'%s' is not an integer, character, enum or pointer: it cannot "
				  "be used in a condition",
				  name);
	Dwarf_Attribute loc;
	Dwarf_Op *ops;
	size_t nops;
	if (!dwarf_attr(&var, DW_AT_location, &loc) ||
	    dwarf_getlocation_addr(&loc, pc - bias, &ops, &nops, 1) != 1 || nops != 1)
		return mx_err_set(err,
				  "'%s' has no simple location where the breakpoint is "
				  "(optimized out?): it cannot be used in a condition",
				  name);
	bool breg = false;
	if (reg_of_op(&ops[0], &out->reg, &out->offset, &breg)) {
		out->in_memory = breg;
		return 0;
	}
	if (ops[0].atom != DW_OP_fbreg || !have_fn)
		return mx_err_set(err,
				  "'%s' is not in a register or a stack slot where the "
				  "breakpoint is: it cannot be used in a condition",
				  name);
	int64_t fb_off = (int64_t)ops[0].number;
	Dwarf_Attribute fba;
	Dwarf_Op *fbops;
	size_t nfb;
	if (!dwarf_attr(&fn, DW_AT_frame_base, &fba) ||
	    dwarf_getlocation_addr(&fba, pc - bias, &fbops, &nfb, 1) != 1 || nfb != 1)
		return mx_err_set(err, "no frame base for '%s' at the breakpoint", name);
	int reg;
	int64_t off;
	if (fbops[0].atom == DW_OP_call_frame_cfa) {
		if (!cfa_rule(mod, pc, &reg, &off))
			return mx_err_set(
			    err, "no call-frame information at the breakpoint for '%s'", name);
	} else if (!reg_of_op(&fbops[0], &reg, &off, &breg) || !breg) {
		return mx_err_set(err, "unsupported frame base for '%s'", name);
	}
	out->in_memory = true;
	out->reg = reg;
	out->offset = off + fb_off;
	return 0;
}
