/* cursor.h - the one bounds-checked way to read packet bytes.
 *
 * Every decoder and renderer reads frame bytes through these calls; nothing
 * else indexes the byte array.  Each call returns false when the requested
 * bytes lie (partly) beyond what was captured, so a truncated capture can
 * never be read past its end.
 */
#ifndef HEXPLAIN_CURSOR_H
#define HEXPLAIN_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cursor {
	const uint8_t *data;
	size_t len;
};

static inline bool cur_has(const struct cursor *c, size_t off, size_t n)
{
	return off <= c->len && n <= c->len - off;
}

bool cur_u8(const struct cursor *c, size_t off, uint8_t *out);
bool cur_be16(const struct cursor *c, size_t off, uint16_t *out);
bool cur_be32(const struct cursor *c, size_t off, uint32_t *out);
bool cur_le16(const struct cursor *c, size_t off, uint16_t *out);
bool cur_le32(const struct cursor *c, size_t off, uint32_t *out);
/* Big-endian unsigned of 1..8 bytes. */
bool cur_uint(const struct cursor *c, size_t off, size_t n, uint64_t *out);
/* A pointer to n bytes for copying or hex printing; NULL when out of range. */
const uint8_t *cur_bytes(const struct cursor *c, size_t off, size_t n);
/* How many bytes exist from off on (0 when off is past the end). */
size_t cur_avail(const struct cursor *c, size_t off);

#endif
