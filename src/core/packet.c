/* packet.c - building a decoded packet (see packet.h). */
#include "packet.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *grow_array(void *arr, size_t *cap, size_t elem)
{
	size_t n = *cap ? *cap * 2 : 64;
	void *p = realloc(arr, n * elem);
	if (!p) {
		fputs("hexplain: out of memory\n", stderr);
		exit(2);
	}
	*cap = n;
	return p;
}

void packet_init(struct packet *p)
{
	memset(p, 0, sizeof(*p));
}

void packet_free(struct packet *p)
{
	free(p->fields);
	free(p->problems);
	memset(p, 0, sizeof(*p));
}

void packet_reset(struct packet *p, const uint8_t *data, size_t len, enum link_type link)
{
	p->bytes.data = data;
	p->bytes.len = len;
	p->link = link;
	p->nfields = 0;
	p->nlayers = 0;
	p->nproblems = 0;
	p->has_payload = false;
	p->payload_offset = p->payload_length = 0;
	p->frame_whole = false;
	p->ip_missing_known = false;
	p->ip_missing = 0;
}

int packet_add_layer(struct packet *p, const char *proto, const char *title,
		     uint32_t offset, bool quoted)
{
	if (p->nlayers >= PACKET_MAX_LAYERS)
		return -1;
	struct layer *l = &p->layers[p->nlayers];
	l->proto = proto;
	l->title = title;
	l->offset = offset;
	l->length = 0;
	l->quoted = quoted;
	l->truncated = false;
	return (int)p->nlayers++;
}

struct field *packet_add_field(struct packet *p, const struct field_def *def,
			       uint32_t offset, uint32_t length, uint64_t value)
{
	if (p->nfields == p->fields_cap)
		p->fields = grow_array(p->fields, &p->fields_cap, sizeof(*p->fields));
	struct field *f = &p->fields[p->nfields++];
	f->def = def;
	f->offset = offset;
	f->length = length;
	f->value = value;
	f->layer = p->nlayers ? (uint16_t)(p->nlayers - 1) : 0;
	f->depth = def->depth;
	f->generated = false;
	return f;
}

struct field *packet_add_generated(struct packet *p, const struct field_def *def,
				   uint64_t value)
{
	struct field *f = packet_add_field(p, def, 0, 0, value);
	f->generated = true;
	return f;
}

void packet_problem(struct packet *p, enum severity sev, const char *field,
		    const char *id, uint32_t offset, const char *fmt, ...)
{
	if (p->nproblems == p->problems_cap)
		p->problems = grow_array(p->problems, &p->problems_cap, sizeof(*p->problems));
	struct problem *pr = &p->problems[p->nproblems++];
	pr->severity = sev;
	pr->field = field;
	pr->id = id;
	pr->offset = offset;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(pr->message, sizeof(pr->message), fmt, ap);
	va_end(ap);
}

static unsigned ctz32(uint32_t m)
{
	unsigned n = 0;
	while (m && !(m & 1)) {
		m >>= 1;
		n++;
	}
	return n;
}

bool packet_read_row(struct packet *p, const struct field_def *def, uint32_t layer_offset,
		     struct field **out)
{
	uint32_t off = layer_offset + def->offset;
	uint64_t v = 0;
	bool ok;
	switch (def->type) {
	case FT_UINT:
	case FT_BOOL:
	case FT_STATUS:
		ok = cur_uint(&p->bytes, off, def->length, &v);
		if (ok && def->mask)
			v = (v & def->mask) >> ctz32(def->mask);
		if (ok && def->scale > 1)
			v *= def->scale;
		break;
	default:
		/* addresses and byte runs are shown from the bytes themselves */
		ok = cur_has(&p->bytes, off, def->length);
		break;
	}
	if (!ok)
		return false;
	struct field *f = packet_add_field(p, def, off, def->length, v);
	if (out)
		*out = f;
	return true;
}

size_t packet_read_rows(struct packet *p, const struct field_def *defs, size_t n,
			uint32_t layer_offset)
{
	for (size_t i = 0; i < n; i++)
		if (!packet_read_row(p, &defs[i], layer_offset, NULL))
			return i;
	return n;
}

const struct field *packet_find_in_layer(const struct packet *p, size_t layer,
					 const char *name)
{
	for (size_t i = p->nfields; i-- > 0;)
		if (p->fields[i].layer == layer && strcmp(p->fields[i].def->name, name) == 0)
			return &p->fields[i];
	return NULL;
}

const struct field *packet_find(const struct packet *p, const char *name)
{
	for (size_t i = p->nfields; i-- > 0;)
		if (strcmp(p->fields[i].def->name, name) == 0)
			return &p->fields[i];
	return NULL;
}

const char *value_name_find(const struct value_name *names, uint64_t value)
{
	for (; names && names->name; names++)
		if (names->value == value)
			return names->name;
	return NULL;
}

unsigned field_def_bits(const struct field_def *def)
{
	if (!def->mask)
		return 8u * def->length;
	unsigned n = 0;
	for (uint32_t m = def->mask; m; m &= m - 1)
		n++;
	return n;
}

static const struct {
	enum link_type link;
	const char *name;
} link_names[] = {
	{LINK_ETHER, "ether"}, {LINK_SLL, "sll"},   {LINK_SLL2, "sll2"},
	{LINK_NULL, "null"},   {LINK_LOOP, "loop"}, {LINK_RAW, "raw"},
	{LINK_IPV4, "ipv4"},   {LINK_IPV6, "ipv6"}, {LINK_ARP, "arp"},
	{LINK_MPLS, "mpls"},   {LINK_NSH, "nsh"},
	{LINK_UNKNOWN, "unknown"},
};

const char *link_type_name(enum link_type l)
{
	for (size_t i = 0; i < sizeof(link_names) / sizeof(link_names[0]); i++)
		if (link_names[i].link == l)
			return link_names[i].name;
	return "unknown";
}

enum link_type link_type_parse(const char *name)
{
	for (size_t i = 0; i < sizeof(link_names) / sizeof(link_names[0]); i++)
		if (strcmp(link_names[i].name, name) == 0)
			return link_names[i].link;
	if (strcmp(name, "eth") == 0 || strcmp(name, "en10mb") == 0)
		return LINK_ETHER;
	if (strcmp(name, "ip") == 0)
		return LINK_IPV4;
	if (strcmp(name, "ip6") == 0)
		return LINK_IPV6;
	return LINK_UNKNOWN;
}
