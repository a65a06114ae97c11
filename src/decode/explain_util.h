/* explain_util.h - meaning helpers shared by the field tables. */
#ifndef HEXPLAIN_EXPLAIN_UTIL_H
#define HEXPLAIN_EXPLAIN_UTIL_H

#include <stdint.h>

#include "core/field.h"
#include "core/packet.h"
#include "core/strbuf.h"

/* good / bad / unverified, as JSON strings. */
extern const struct value_name checksum_status_names[];

/* "loopback", "private (RFC 1918)", ... or NULL for an ordinary address. */
const char *ipv4_address_kind(const uint8_t a[4]);

/* Writes "✓ correct (recomputed 0x....)" or "✗ should be 0x....", reading the
 * verdict from the generated fields status_name and calc_name of f's layer. */
void explain_checksum_verdict(const struct packet *p, const struct field *f,
			      const char *status_name, const char *calc_name, struct strbuf *o);

/* "7777" or "80 (http)": a port with its service name where known. */
void explain_port(const struct packet *p, const struct field *f, const char *proto,
		  struct strbuf *o);

/* RFC 5952 text of an IPv6 address (lowercase, longest zero run as ::). */
void ipv6_format(const uint8_t a[16], char out[46]);

#endif
