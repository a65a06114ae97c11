/* check_util.h - shared helpers for the Check suites. */
#ifndef HEXPLAIN_CHECK_UTIL_H
#define HEXPLAIN_CHECK_UTIL_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

#include "core/packet.h"

/* Runs a suite with TAP output (meson's protocol: 'tap'); returns the exit code. */
int run_suite(Suite *s);

/* Parses "4500 0038 ..." (spaces ignored) into buf; returns the byte count. */
size_t hex_bytes(const char *hex, uint8_t *buf, size_t cap);

/* Decodes hex as a packet of the given link type into p (p keeps pointing at
 * a static copy of the bytes until the next call). */
void decode_hex(struct packet *p, enum link_type link, const char *hex);

/* The same, for bytes known to be the whole frame as it was on the wire
 * (packet.frame_whole: a capture file's record, or tcpdump's "truncated-ip"). */
void decode_hex_whole(struct packet *p, enum link_type link, const char *hex);

/* The idx-th (0-based) field called name, or NULL. */
const struct field *field_nth(const struct packet *p, const char *name, int idx);
/* How many fields are called name. */
int field_count(const struct packet *p, const char *name);
/* The value of the idx-th field called name; fails the test when it is absent. */
uint64_t field_value_at(const struct packet *p, const char *name, int idx);
/* The idx-th field called name as a person reads it ("192.0.2.1",
 * "2001:db8::1", "0x2c51"); fails the test when it is absent. */
const char *field_text_at(const struct packet *p, const char *name, int idx);

/* Whether a problem with this id was reported. */
int has_problem(const struct packet *p, const char *id);

#define ck_assert_field_eq(p, name, v)                                                     \
	do {                                                                                \
		const struct field *f_ = field_nth((p), (name), 0);                         \
		ck_assert_msg(f_ != NULL, "field %s missing", (name));                      \
		ck_assert_msg(f_->value == (uint64_t)(v), "%s = %llu, expected %llu", (name), \
			      (unsigned long long)f_->value, (unsigned long long)(v));      \
	} while (0)

#define ck_assert_no_field(p, name) \
	ck_assert_msg(field_nth((p), (name), 0) == NULL, "field %s present", (name))

#endif
