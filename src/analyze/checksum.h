/* checksum.h - the Internet checksum (RFC 1071) over packet bytes. */
#ifndef HEXPLAIN_CHECKSUM_H
#define HEXPLAIN_CHECKSUM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/cursor.h"
#include "decode/decode.h"

/* Adds the 16-bit big-endian words of [off, off+len) to sum (an odd last
 * byte is padded with zero).  False when the bytes are not all captured. */
bool cksum_add(uint32_t *sum, const struct cursor *c, size_t off, size_t len);
/* Folds the carries into 16 bits (the ones'-complement sum, not inverted). */
uint16_t cksum_fold(uint32_t sum);
/* The sum of a pseudo-header (RFC 793 / RFC 8200 8.1) for checksumming the
 * upper-layer bytes; false when the addresses are not captured. */
bool cksum_pseudo(uint32_t *sum, const struct cursor *c, const struct pseudo_header *ph,
		  uint32_t upper_len);

/* The IEEE 802.3 CRC-32 (reflected polynomial 0xedb88320, initial value and
 * final xor all ones) of [off, off+len); false when not all captured.  The
 * frame carries it least significant byte first. */
bool crc32_802(const struct cursor *c, size_t off, size_t len, uint32_t *crc);

enum cksum_status {
	CKSUM_BAD = 0,
	CKSUM_GOOD = 1,
	CKSUM_UNVERIFIED = 2,
};

/* Checksums a transport segment [off, off+len) with its pseudo-header,
 * where the stored checksum lies at cksum_off.  Sets *expected to what the
 * field should hold and *partial to the pseudo-header sum a sender that
 * offloads checksumming to its NIC leaves there. */
enum cksum_status cksum_transport(const struct cursor *c, const struct pseudo_header *ph,
				  uint32_t off, uint32_t len, uint32_t cksum_off,
				  uint16_t *expected, uint16_t *partial);

#endif
