/* ipv4.h - IPv4 names shared with other decoders and renderers. */
#ifndef HEXPLAIN_IPV4_H
#define HEXPLAIN_IPV4_H

#include "core/field.h"

extern const struct value_name ip_proto_names[];

#endif
