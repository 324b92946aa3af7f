/* cursor.c: little-endian and compressed integers read from a bounded buffer. */
#include "meta/internal.h"

int meta_cur_u8(struct meta_cur *c, uint8_t *v)
{
	if (meta_cur_left(c) < 1)
		return -1;
	*v = c->p[c->pos++];
	return 0;
}

int meta_cur_u16(struct meta_cur *c, uint16_t *v)
{
	if (meta_cur_left(c) < 2)
		return -1;
	*v = meta_le16(c->p + c->pos);
	c->pos += 2;
	return 0;
}

int meta_cur_u32(struct meta_cur *c, uint32_t *v)
{
	if (meta_cur_left(c) < 4)
		return -1;
	*v = meta_le32(c->p + c->pos);
	c->pos += 4;
	return 0;
}

int meta_cur_u64(struct meta_cur *c, uint64_t *v)
{
	if (meta_cur_left(c) < 8)
		return -1;
	*v = (uint64_t)meta_le32(c->p + c->pos) | (uint64_t)meta_le32(c->p + c->pos + 4) << 32;
	c->pos += 8;
	return 0;
}

int meta_cur_skip(struct meta_cur *c, size_t n)
{
	if (meta_cur_left(c) < n)
		return -1;
	c->pos += n;
	return 0;
}

/* The compressed unsigned value and its width in bits (7, 14 or 29). */
static int cuint_bits(struct meta_cur *c, uint32_t *v, int *bits)
{
	size_t left = meta_cur_left(c);
	if (left < 1)
		return -1;
	const uint8_t *p = c->p + c->pos;
	if ((p[0] & 0x80) == 0) {
		*v = p[0];
		*bits = 7;
		c->pos += 1;
	} else if ((p[0] & 0xc0) == 0x80) {
		if (left < 2)
			return -1;
		*v = (uint32_t)(p[0] & 0x3f) << 8 | p[1];
		*bits = 14;
		c->pos += 2;
	} else if ((p[0] & 0xe0) == 0xc0) {
		if (left < 4)
			return -1;
		*v = (uint32_t)(p[0] & 0x1f) << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
		     p[3];
		*bits = 29;
		c->pos += 4;
	} else {
		return -1;
	}
	return 0;
}

int meta_cur_cuint(struct meta_cur *c, uint32_t *v)
{
	int bits;
	return cuint_bits(c, v, &bits);
}

/* Signed values are stored rotated: the sign in bit 0, the rest shifted up (II.23.2). */
int meta_cur_cint(struct meta_cur *c, int32_t *v)
{
	uint32_t u;
	int bits;
	if (cuint_bits(c, &u, &bits) < 0)
		return -1;
	int32_t mag = (int32_t)(u >> 1);
	*v = (u & 1) ? mag - ((int32_t)1 << (bits - 1)) : mag;
	return 0;
}
