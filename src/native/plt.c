/* plt.c: which function a PLT stub calls, so that `step` can follow a call through it.
 *
 * Every x86-64 PLT entry form jumps through a GOT slot with `jmp *disp32(%rip)` (ff 25),
 * preceded by endbr64 (f3 0f 1e fa) in the IBT layouts (.plt.sec) and possibly with a bnd (f2)
 * prefix: .plt entries of lazy binding, .plt.sec entries, and .plt.got entries (System V
 * x86-64 psABI 5.2 "Procedure Linkage Table" and the x86-64 IBT/SHSTK extension). The slot is
 * the r_offset of a R_X86_64_JUMP_SLOT relocation (or R_X86_64_GLOB_DAT for .plt.got) whose
 * symbol names the function. The stub's bytes are read from the file, so breakpoints in memory
 * do not matter, and the answer does not depend on whether the slot is bound yet (lazy
 * binding leaves it pointing back into the PLT until the first call). */
#include <elf.h>
#include <elfutils/libdwfl.h>
#include <gelf.h>
#include <stdio.h>
#include <string.h>

#include "native/sym.h"
#include "native/sym_internal.h"

#define STUB_BYTES 16

/* Reads n bytes at module address addr (unbiased) from the file's sections. */
static bool file_bytes(Elf *elf, uint64_t addr, uint8_t *out, size_t n)
{
	Elf_Scn *scn = NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_PROGBITS ||
		    !(sh.sh_flags & SHF_EXECINSTR) || addr < sh.sh_addr ||
		    addr - sh.sh_addr >= sh.sh_size)
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		uint64_t off = addr - sh.sh_addr;
		if (!d || off >= d->d_size || !d->d_buf)
			return false;
		if (n > d->d_size - off)
			n = d->d_size - off;
		memset(out, 0, STUB_BYTES);
		memcpy(out, (const uint8_t *)d->d_buf + off, n);
		return true;
	}
	return false;
}

/* The GOT slot (module address) the stub at addr jumps through; 0 when it is no such stub. */
static uint64_t stub_slot(const uint8_t *b, uint64_t addr)
{
	size_t at = 0;
	static const uint8_t endbr64[4] = {0xf3, 0x0f, 0x1e, 0xfa};
	if (!memcmp(b, endbr64, 4))
		at = 4;
	if (b[at] == 0xf2) /* bnd */
		at++;
	if (b[at] != 0xff || b[at + 1] != 0x25)
		return 0;
	int32_t disp;
	memcpy(&disp, b + at + 2, 4);
	return addr + at + 6 + (uint64_t)(int64_t)disp; /* rip-relative: from the next insn */
}

/* The name of the symbol of the JUMP_SLOT or GLOB_DAT relocation at slot. */
static bool slot_symbol(Elf *elf, uint64_t slot, char *name, size_t len)
{
	Elf_Scn *scn = NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_RELA || !sh.sh_entsize)
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		Elf_Scn *symscn = elf_getscn(elf, sh.sh_link);
		GElf_Shdr symsh;
		if (!d || !symscn || !gelf_getshdr(symscn, &symsh))
			continue;
		Elf_Data *syms = elf_getdata(symscn, NULL);
		size_t count = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; syms && i < count; i++) {
			GElf_Rela r;
			if (!gelf_getrela(d, (int)i, &r) || r.r_offset != slot)
				continue;
			unsigned type = (unsigned)GELF_R_TYPE(r.r_info);
			GElf_Sym sym;
			const char *nm;
			if ((type != R_X86_64_JUMP_SLOT && type != R_X86_64_GLOB_DAT) ||
			    !gelf_getsym(syms, (int)GELF_R_SYM(r.r_info), &sym) ||
			    !(nm = elf_strptr(elf, symsh.sh_link, sym.st_name)) || !*nm)
				return false;
			snprintf(name, len, "%s", nm);
			return true;
		}
	}
	return false;
}

bool nat_plt_target_name(struct nat_syms *s, uint64_t pc, char *name, size_t len)
{
	Dwfl_Module *mod = dwfl_addrmodule(nat_syms_dwfl(s), pc);
	GElf_Addr bias = 0;
	Elf *elf = mod ? dwfl_module_getelf(mod, &bias) : NULL;
	uint8_t b[STUB_BYTES];
	if (!elf || !file_bytes(elf, pc - bias, b, sizeof(b)))
		return false;
	uint64_t slot = stub_slot(b, pc - bias);
	return slot && slot_symbol(elf, slot, name, len);
}
