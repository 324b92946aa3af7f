/* pe.c: the PE/COFF container of an assembly: headers, sections, the CLI header (ECMA-335
 * II.25) and the debug directory's CodeView and Embedded Portable PDB entries. */
#include "meta/internal.h"

#include <string.h>

#define SECTION_SIZE	   40
#define DEBUG_ENTRY_SIZE   28
#define DIR_DEBUG	   6
#define DIR_CLI		   14
#define DEBUG_CODEVIEW	   2
#define DEBUG_EMBEDDED_PDB 17
#define CODEVIEW_PORTABLE  0x504d /* minor version of a portable PDB's CodeView entry */

/* The section holding rva: its file offset for rva and the bytes left in it. */
static bool rva_lookup(const struct meta_pe *pe, uint32_t rva, uint64_t *off, uint64_t *avail)
{
	for (uint16_t i = 0; i < pe->nsections; i++) {
		const uint8_t *s = pe->sections + (size_t)i * SECTION_SIZE;
		uint32_t va = meta_le32(s + 12), raw_size = meta_le32(s + 16);
		uint32_t raw_ptr = meta_le32(s + 20);
		if (rva < va || rva - va >= raw_size)
			continue;
		uint64_t o = (uint64_t)raw_ptr + (rva - va);
		uint64_t end = (uint64_t)raw_ptr + raw_size;
		if (end > pe->len)
			end = pe->len;
		if (o >= end)
			return false;
		*off = o;
		*avail = end - o;
		return true;
	}
	return false;
}

const uint8_t *meta_pe_rva(const struct meta_pe *pe, uint32_t rva, uint32_t size)
{
	uint64_t off, avail;
	if (!rva_lookup(pe, rva, &off, &avail) || size > avail)
		return NULL;
	return pe->file + off;
}

size_t meta_pe_rva_avail(const struct meta_pe *pe, uint32_t rva)
{
	uint64_t off, avail;
	return rva_lookup(pe, rva, &off, &avail) ? (size_t)avail : 0;
}

/* The bytes of a debug directory entry's data (NULL if they are not in the file). */
static const uint8_t *debug_data(const struct meta_pe *pe, const uint8_t *e)
{
	uint32_t size = meta_le32(e + 16), rva = meta_le32(e + 20), ptr = meta_le32(e + 24);
	if (ptr)
		return meta_in_bounds(pe->len, ptr, size) ? pe->file + ptr : NULL;
	return meta_pe_rva(pe, rva, size);
}

static void read_codeview(struct meta_pe *pe, const uint8_t *e)
{
	uint32_t size = meta_le32(e + 16);
	uint16_t minor = meta_le16(e + 10);
	const uint8_t *d = debug_data(pe, e);
	if (!d || size < 25 || memcmp(d, "RSDS", 4) != 0 || !memchr(d + 24, 0, size - 24))
		return; /* not one we can read: as if absent */
	bool portable = minor == CODEVIEW_PORTABLE;
	if (pe->has_codeview && (pe->cv.portable || !portable))
		return; /* keep the first, or the first portable one */
	pe->has_codeview = true;
	struct meta_codeview *cv = &pe->cv;
	memcpy(cv->guid, d + 4, 16);
	cv->age = meta_le32(d + 20);
	cv->stamp = meta_le32(e + 4);
	cv->portable = portable;
	cv->path = (const char *)d + 24;
	memcpy(cv->pdb_id, cv->guid, 16);
	memcpy(cv->pdb_id + 16, e + 4, 4);
}

static void read_embedded_pdb(struct meta_pe *pe, const uint8_t *e)
{
	uint32_t size = meta_le32(e + 16);
	const uint8_t *d = debug_data(pe, e);
	if (pe->has_embedded_pdb || !d || size < 8 || memcmp(d, "MPDB", 4) != 0)
		return;
	pe->has_embedded_pdb = true;
	pe->embedded_pdb_size = meta_le32(d + 4);
	pe->embedded_pdb.p = d + 8;
	pe->embedded_pdb.len = size - 8;
}

/* Entries that cannot be read are skipped: they do not keep the metadata from being read. */
static void read_debug_directory(struct meta_pe *pe, uint32_t rva, uint32_t size)
{
	const uint8_t *dir = size ? meta_pe_rva(pe, rva, size) : NULL;
	if (!dir)
		return;
	for (uint32_t i = 0; i < size / DEBUG_ENTRY_SIZE; i++) {
		const uint8_t *e = dir + (size_t)i * DEBUG_ENTRY_SIZE;
		uint32_t type = meta_le32(e + 12);
		if (type == DEBUG_CODEVIEW)
			read_codeview(pe, e);
		else if (type == DEBUG_EMBEDDED_PDB)
			read_embedded_pdb(pe, e);
	}
}

int meta_pe_parse(struct meta_pe *pe, const uint8_t *file, size_t len, struct mx_err *err)
{
	memset(pe, 0, sizeof(*pe));
	pe->file = file;
	pe->len = len;
	if (len == 0)
		return mx_err_set(err, "empty file");
	if (len < 64 || file[0] != 'M' || file[1] != 'Z')
		return mx_err_set(err, "not a PE file (no MZ header)");
	uint32_t lfanew = meta_le32(file + 0x3c);
	if (!meta_in_bounds(len, lfanew, 24) || memcmp(file + lfanew, "PE\0\0", 4) != 0)
		return mx_err_set(err, "not a PE file (no PE signature)");
	const uint8_t *coff = file + lfanew + 4;
	uint16_t nsections = meta_le16(coff + 2), opt_size = meta_le16(coff + 16);
	uint64_t opt_off = (uint64_t)lfanew + 24;
	if (!meta_in_bounds(len, opt_off, opt_size) || opt_size < 2)
		return mx_err_set(err, "PE optional header truncated");
	const uint8_t *opt = file + opt_off;
	uint16_t magic = meta_le16(opt);
	unsigned ndirs_off, dirs_off;
	if (magic == 0x10b) {
		ndirs_off = 92;
		dirs_off = 96;
	} else if (magic == 0x20b) {
		ndirs_off = 108;
		dirs_off = 112;
	} else {
		return mx_err_set(err, "PE optional header has unknown magic 0x%x", magic);
	}
	if (opt_size < dirs_off)
		return mx_err_set(err, "PE optional header truncated");
	uint32_t ndirs = meta_le32(opt + ndirs_off);
	if (ndirs > (opt_size - dirs_off) / 8)
		ndirs = (opt_size - dirs_off) / 8;
	if (ndirs <= DIR_CLI)
		return mx_err_set(err, "not a .NET assembly (no CLI header directory)");
	uint64_t sect_off = opt_off + opt_size;
	if (!meta_in_bounds(len, sect_off, (uint64_t)nsections * SECTION_SIZE))
		return mx_err_set(err, "PE section table truncated");
	pe->sections = file + sect_off;
	pe->nsections = nsections;

	const uint8_t *cli_dir = opt + dirs_off + DIR_CLI * 8;
	uint32_t cli_rva = meta_le32(cli_dir), cli_size = meta_le32(cli_dir + 4);
	if (!cli_rva)
		return mx_err_set(err, "not a .NET assembly (no CLI header)");
	const uint8_t *cli = cli_size >= 72 ? meta_pe_rva(pe, cli_rva, 72) : NULL;
	if (!cli)
		return mx_err_set(err, "CLI header (RVA 0x%x, %u bytes) is not in the file",
				  cli_rva, cli_size);
	uint32_t md_rva = meta_le32(cli + 8), md_size = meta_le32(cli + 12);
	pe->cli_flags = meta_le32(cli + 16);
	pe->entry_point = meta_le32(cli + 20);
	pe->metadata.p = md_size ? meta_pe_rva(pe, md_rva, md_size) : NULL;
	pe->metadata.len = md_size;
	if (!pe->metadata.p)
		return mx_err_set(err, "metadata (RVA 0x%x, %u bytes) is not in the file", md_rva,
				  md_size);
	const uint8_t *dbg_dir = opt + dirs_off + DIR_DEBUG * 8;
	read_debug_directory(pe, meta_le32(dbg_dir), meta_le32(dbg_dir + 4));
	return 0;
}
