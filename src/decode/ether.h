/* ether.h - Ethernet names and the link-payload step shared by the link decoders. */
#ifndef HEXPLAIN_ETHER_H
#define HEXPLAIN_ETHER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/field.h"
#include "decode.h"

/* EtherType -> protocol name (IEEE registry, the common ones). */
extern const struct value_name ethertype_names[];

/* Writes "0x0800 → IPv4" (or the 802.3 length reading for values < 1536). */
void explain_ethertype_value(uint16_t type, struct strbuf *o);
/* The same, as a field table's meaning function for a type field. */
void explain_ethertype_field(const struct packet *p, const struct field *f, struct strbuf *o);

/* What follows a link header that ends in an EtherType: 802.1Q/802.1ad tags
 * (each its own "vlan" layer), then the network layer through
 * decode_ethertype, then the bytes past what the network layer declares
 * (padding, trailer, FCS) as Wireshark shows them.
 * link_layer: the index of the layer the trailer belongs to when no tag
 * follows; trailer: that layer's trailer row (eth.trailer, sll.trailer);
 * may_have_fcs: only a top-level Ethernet frame can end in its FCS. */
void decode_link_payload(struct packet *p, uint16_t ethertype, uint32_t off, int link_layer,
			 const struct field_def *trailer, bool may_have_fcs,
			 const struct decode_ctx *ctx);

#endif
