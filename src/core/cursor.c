/* cursor.c - bounds-checked reads of packet bytes (see cursor.h). */
#include "cursor.h"

bool cur_u8(const struct cursor *c, size_t off, uint8_t *out)
{
	if (!cur_has(c, off, 1))
		return false;
	*out = c->data[off];
	return true;
}

bool cur_uint(const struct cursor *c, size_t off, size_t n, uint64_t *out)
{
	if (n == 0 || n > 8 || !cur_has(c, off, n))
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = (v << 8) | c->data[off + i];
	*out = v;
	return true;
}

bool cur_be16(const struct cursor *c, size_t off, uint16_t *out)
{
	uint64_t v;
	if (!cur_uint(c, off, 2, &v))
		return false;
	*out = (uint16_t)v;
	return true;
}

bool cur_be32(const struct cursor *c, size_t off, uint32_t *out)
{
	uint64_t v;
	if (!cur_uint(c, off, 4, &v))
		return false;
	*out = (uint32_t)v;
	return true;
}

bool cur_le16(const struct cursor *c, size_t off, uint16_t *out)
{
	if (!cur_has(c, off, 2))
		return false;
	*out = (uint16_t)(c->data[off] | c->data[off + 1] << 8);
	return true;
}

bool cur_le32(const struct cursor *c, size_t off, uint32_t *out)
{
	if (!cur_has(c, off, 4))
		return false;
	const uint8_t *p = c->data + off;
	*out = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
	return true;
}

const uint8_t *cur_bytes(const struct cursor *c, size_t off, size_t n)
{
	/* A frame with a summary line but no hex has no buffer at all, and
	 * NULL + 0 is undefined behaviour (found by fuzz/fuzz_text.c). */
	if (!c->data)
		return NULL;
	return cur_has(c, off, n) ? c->data + off : NULL;
}

size_t cur_avail(const struct cursor *c, size_t off)
{
	return off < c->len ? c->len - off : 0;
}
