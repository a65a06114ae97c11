/* ipv4.h - IPv4 names shared with other decoders and renderers. */
#ifndef HEXPLAIN_IPV4_H
#define HEXPLAIN_IPV4_H

#include "core/field.h"

extern const struct value_name ip_proto_names[];
/* DS field code points (RFC 2474, 4594) and ECN values (RFC 3168), shared by
 * IPv4's TOS byte and IPv6's traffic class. */
extern const struct value_name ip_dscp_names[];
extern const struct value_name ip_ecn_names[];

#endif
