/* fpregs.c: the x87, SSE and AVX registers in `info registers NAME` and `info all-registers`,
 * written as gdb writes them: st0-7 as a value and its 80 raw bits, the x87 control words
 * (fctrl, fstat, ftag, fiseg, fioff, foseg, fooff, fop), mxcsr with its flags, and xmm0-15 /
 * ymm0-15 as unions of lanes in hex. */
#include "cli/cli.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "proto/proto.h"

#define REPEAT_MIN 10 /* runs longer than this print as <repeats N times> (gdb) */

static int fetch(struct cli *c, struct tr_fpregs *fr)
{
	const struct ses_thread *t = ses_current_thread(c->ses);
	struct mx_err err;
	if (!ses_has_process(c->ses))
		return cli_error("The program has no registers now.");
	if (!t || ses_get_fpregs(c->ses, t->tid, fr, &err) != 0)
		return cli_error("%s", t ? err.msg : "No thread selected.");
	return 0;
}

/* ---- x87 ---- */

/* The 10 bytes of stack register ST(i) (FXSAVE keeps them in stack order, ST(0) first, each
 * in a 16-byte slot: Intel SDM vol. 1, 10.5.1). */
static const uint8_t *st_bytes(const struct tr_fpregs *fr, int i)
{
	return (const uint8_t *)fr->fp.st_space + 16 * i;
}

static void print_st(const struct tr_fpregs *fr, int i)
{
	const uint8_t *b = st_bytes(fr, i);
	long double v = 0;
	memcpy(&v, b, 10); /* x86-64's long double is this 80-bit format */
	char name[8], text[64];
	snprintf(name, sizeof(name), "st%d", i);
	snprintf(text, sizeof(text), "%.20Lg", v);
	printf("%-15s%-20s(raw 0x", name, text);
	for (int k = 9; k >= 0; k--)
		printf("%02x", b[k]);
	printf(")\n");
}

/* The full 16-bit tag word from FXSAVE's abridged one (a bit per physical register, 1 when
 * not empty), classifying each register's contents as the x87 does: 0 valid, 1 zero, 2
 * special (NaN, infinity, denormal, unnormal), 3 empty. Physical register p holds stack
 * register (p - TOP) mod 8, TOP being fstat bits 11-13 (Intel SDM vol. 1, 8.1.7 and 10.5.1.1;
 * gdb's i387_supply_fxsave does the same). */
static unsigned full_tag_word(const struct tr_fpregs *fr)
{
	unsigned top = (fr->fp.swd >> 11) & 7, word = 0;
	for (unsigned p = 0; p < 8; p++) {
		unsigned tag = 3;
		if (fr->fp.ftw & (1u << p)) {
			const uint8_t *b = st_bytes(fr, (int)((p - top) & 7));
			unsigned exp = (unsigned)(b[9] & 0x7f) << 8 | b[8];
			uint64_t mant;
			memcpy(&mant, b, 8);
			bool integer_bit = mant >> 63;
			if (exp == 0x7fff)
				tag = 2;
			else if (exp == 0)
				tag = mant == 0 ? 1 : 2;
			else
				tag = integer_bit ? 0 : 2;
		}
		word |= tag << (2 * p);
	}
	return word;
}

static void print_word(const char *name, uint64_t v)
{
	printf("%-15s0x%-18" PRIx64 "%" PRIu64 "\n", name, v, v);
}

static void print_mxcsr(uint32_t v)
{
	static const char *const flags[16] = {"IE", "DE", "ZE", "OE", "UE", "PE", "DAZ", "IM",
					      "DM", "ZM", "OM", "UM", "PM", NULL, NULL,	 "FZ"};
	printf("%-15s0x%-18" PRIx32 "[ ", "mxcsr", v);
	for (int i = 0; i < 16; i++)
		if (flags[i] && (v & (1u << i)))
			printf("%s ", flags[i]);
	printf("]\n");
}

/* The x87 control registers by name; false when name is none of them. */
static bool x87_word(const struct tr_fpregs *fr, const char *name, uint64_t *v)
{
	/* in 64-bit mode FXSAVE keeps 64-bit instruction and operand pointers: gdb shows the
	 * low halves as fioff/fooff and the high ones as fiseg/foseg */
	const struct user_fpregs_struct *f = &fr->fp;
	if (!strcmp(name, "fctrl"))
		*v = f->cwd;
	else if (!strcmp(name, "fstat"))
		*v = f->swd;
	else if (!strcmp(name, "ftag"))
		*v = full_tag_word(fr);
	else if (!strcmp(name, "fiseg"))
		*v = f->rip >> 32;
	else if (!strcmp(name, "fioff"))
		*v = f->rip & 0xffffffffu;
	else if (!strcmp(name, "foseg"))
		*v = f->rdp >> 32;
	else if (!strcmp(name, "fooff"))
		*v = f->rdp & 0xffffffffu;
	else if (!strcmp(name, "fop"))
		*v = f->fop & 0x7ff;
	else
		return false;
	return true;
}

static const char *const x87_words[] = {"fctrl", "fstat", "ftag",  "fiseg",
					"fioff", "foseg", "fooff", "fop"};

/* ---- vectors ---- */

static void put_hex(const uint8_t *b, size_t size)
{
	if (size <= 8) {
		uint64_t v = 0;
		memcpy(&v, b, size);
		printf("0x%" PRIx64, v);
		return;
	}
	uint64_t lo, hi;
	memcpy(&lo, b, 8);
	memcpy(&hi, b + 8, 8);
	if (hi)
		printf("0x%" PRIx64 "%016" PRIx64, hi, lo);
	else
		printf("0x%" PRIx64, lo);
}

/* name = {lane, lane, ...} over n bytes in lanes of size bytes, runs folded as gdb folds them. */
static void print_lanes(const char *name, const uint8_t *b, size_t n, size_t size)
{
	size_t count = n / size;
	printf("%s = {", name);
	for (size_t i = 0; i < count;) {
		size_t run = 1;
		while (i + run < count && !memcmp(b + i * size, b + (i + run) * size, size))
			run++;
		if (i)
			printf(", ");
		put_hex(b + i * size, size);
		if (run > REPEAT_MIN) {
			printf(" <repeats %zu times>", run);
			i += run;
		} else {
			i++;
		}
	}
	printf("}");
}

/* xmmN (16 bytes) or ymmN (32): every view gdb gives of it, all in hex. */
static void print_vector(const char *name, const uint8_t *b, size_t n)
{
	static const struct {
		const char *kind;
		size_t size;
	} views[] = {{"bfloat16", 2}, {"half", 2},  {"float", 4}, {"double", 8},
		     {"int8", 1},     {"int16", 2}, {"int32", 4}, {"int64", 8}};
	printf("%-15s{", name);
	for (size_t i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		char lane[32];
		snprintf(lane, sizeof(lane), "v%zu_%s", n / views[i].size, views[i].kind);
		print_lanes(lane, b, n, views[i].size);
		printf(", ");
	}
	if (n == 16) {
		printf("uint128 = ");
		put_hex(b, 16);
	} else {
		print_lanes("v2_int128", b, n, 16);
	}
	printf("}\n");
}

static void xmm_bytes(const struct tr_fpregs *fr, int i, uint8_t out[16])
{
	memcpy(out, (const uint8_t *)fr->fp.xmm_space + 16 * i, 16);
}

static void print_xmm(const struct tr_fpregs *fr, int i, bool ymm)
{
	uint8_t b[32];
	char name[8];
	xmm_bytes(fr, i, b);
	memcpy(b + 16, fr->ymm_hi[i], 16);
	snprintf(name, sizeof(name), "%s%d", ymm ? "ymm" : "xmm", i);
	print_vector(name, b, ymm ? 32 : 16);
}

/* "xmm12" -> 12 (prefix "xmm"); -1 when name is not prefix followed by 0..max-1. */
static int numbered(const char *name, const char *prefix, int max)
{
	size_t n = strlen(prefix);
	if (strncmp(name, prefix, n) || !name[n] || strlen(name + n) > 2)
		return -1;
	int v = 0;
	for (const char *q = name + n; *q; q++) {
		if (*q < '0' || *q > '9')
			return -1;
		v = v * 10 + (*q - '0');
	}
	if ((name[n] == '0' && name[n + 1]) || v >= max)
		return -1;
	return v;
}

int cli_info_fp_register(struct cli *c, const char *name)
{
	int st = numbered(name, "st", 8), xmm = numbered(name, "xmm", 16),
	    ymm = numbered(name, "ymm", 16);
	uint64_t word;
	struct tr_fpregs fr;
	bool known = st >= 0 || xmm >= 0 || ymm >= 0 || !strcmp(name, "mxcsr");
	for (size_t i = 0; i < sizeof(x87_words) / sizeof(x87_words[0]); i++)
		known |= !strcmp(name, x87_words[i]);
	if (!known)
		return 0;
	if (fetch(c, &fr) != 0)
		return -1;
	if (ymm >= 0 && !fr.has_avx)
		return cli_error("Invalid register `%s' (this CPU has no AVX registers)", name);
	if (st >= 0)
		print_st(&fr, st);
	else if (xmm >= 0 || ymm >= 0)
		print_xmm(&fr, xmm >= 0 ? xmm : ymm, ymm >= 0);
	else if (!strcmp(name, "mxcsr"))
		print_mxcsr(fr.fp.mxcsr);
	else if (x87_word(&fr, name, &word))
		print_word(name, word);
	return 1;
}

int cli_info_all_fp_registers(struct cli *c)
{
	struct tr_fpregs fr;
	uint64_t word;
	if (fetch(c, &fr) != 0)
		return -1;
	for (int i = 0; i < 8; i++)
		print_st(&fr, i);
	for (size_t i = 0; i < sizeof(x87_words) / sizeof(x87_words[0]); i++)
		if (x87_word(&fr, x87_words[i], &word))
			print_word(x87_words[i], word);
	print_mxcsr(fr.fp.mxcsr);
	for (int i = 0; i < 16; i++)
		print_xmm(&fr, i, false);
	for (int i = 0; fr.has_avx && i < 16; i++)
		print_xmm(&fr, i, true);
	return 0;
}
