/* field.h - the declarative description of a protocol field.
 *
 * Each protocol declares its fields once, as rows of struct field_def (in the
 * spirit of Wireshark's hf_register_info).  The same rows drive decoding, the
 * explain view, JSON, and later the diagram and worksheet views: a renderer
 * learns everything it shows about a field from its row.
 */
#ifndef HEXPLAIN_FIELD_H
#define HEXPLAIN_FIELD_H

#include <stdbool.h>
#include <stdint.h>

struct packet;
struct field;
struct strbuf;

enum field_type {
	FT_UINT,   /* unsigned integer: JSON number */
	FT_BOOL,   /* one bit: JSON true/false */
	FT_IPV4,   /* 4 bytes: dotted quad */
	FT_IPV6,   /* 16 bytes: RFC 5952 text */
	FT_ETHER,  /* 6 bytes: aa:bb:cc:dd:ee:ff */
	FT_BYTES,  /* a run of bytes: lowercase hex */
	FT_STATUS, /* a verdict (checksum.status): its value name as a string */
	FT_NONE,   /* a heading that groups rows (an option): no value of its own */
};

enum field_base {
	BASE_DEC,
	BASE_HEX,
};

/* Value -> name, for small enumerations; ends with a NULL name. */
struct value_name {
	uint64_t value;
	const char *name; /* N_()-marked: translated when shown */
};

/* Writes the meaning of a decoded field (the "working" of a hand analysis,
 * e.g. "5 x 4 = 20 bytes") to out.  Optional; must not print. */
typedef void (*field_explain_fn)(const struct packet *p, const struct field *f,
				 struct strbuf *out);

/* How many rows a field table has. */
#define ROWS(table) (sizeof(table) / sizeof((table)[0]))

struct field_def {
	const char *name;  /* Wireshark display-filter name: ip.ttl */
	const char *title; /* N_() short title: "time to live" */
	enum field_type type;
	uint16_t offset;   /* bytes from the start of the layer (fixed rows) */
	uint16_t length;   /* bytes the field's bits lie in */
	uint32_t mask;     /* the field's bits within those bytes; 0 = all */
	uint8_t scale;     /* multiplier to the value's unit (IHL x4); 0 = 1 */
	uint8_t depth;     /* 0: header field, 1: part of the row above it */
	enum field_base base;
	const struct value_name *names;
	field_explain_fn explain;
	const char *blurb; /* N_() one line: what the field is for, and where defined */
	uint8_t flags;     /* FIELD_* bits; positional initializers leave it 0 */
};

/* Given in JSON for Wireshark compatibility, not shown in the explain view,
 * like Wireshark's hidden items (ip.version inside an IPv6 header). */
#define FIELD_HIDDEN 1

/* Looks a value up in a NULL-terminated table; NULL if absent. */
const char *value_name_find(const struct value_name *names, uint64_t value);

/* Number of bits in def's mask (or 8 x length). */
unsigned field_def_bits(const struct field_def *def);

#endif
