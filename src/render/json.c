/* json.c - one JSON object per packet (JSON Lines), stable for scripts.
 * Field names are Wireshark's display-filter names. */
#include "render.h"

#include <string.h>

#include "core/i18n.h"
#include "decode/explain_util.h"
#include "input/diag.h"

static void json_string(struct strbuf *o, const char *s)
{
	sb_putc(o, '"');
	const char *run = s; /* text that needs no escape is copied in runs */
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c >= 0x20 && *c != '"' && *c != '\\')
			continue;
		sb_putn(o, run, (size_t)((const char *)c - run));
		run = (const char *)c + 1;
		switch (*c) {
		case '"':
			sb_puts(o, "\\\"");
			break;
		case '\\':
			sb_puts(o, "\\\\");
			break;
		case '\n':
			sb_puts(o, "\\n");
			break;
		case '\t':
			sb_puts(o, "\\t");
			break;
		case '\r':
			sb_puts(o, "\\r");
			break;
		default:
			sb_printf(o, "\\u%04x", *c);
		}
	}
	sb_puts(o, run);
	sb_putc(o, '"');
}

static const char hex_digits[] = "0123456789abcdef";

/* Hex of a byte run, with sep between bytes when sep is not 0.  Built in a
 * local buffer: a 1500-byte payload is printed twice per packet, and one
 * printf per byte was most of the JSON view's time. */
static void put_hex_sep(struct strbuf *o, const uint8_t *b, size_t n, char sep)
{
	char buf[768];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (sep && i)
			buf[k++] = sep;
		buf[k++] = hex_digits[b[i] >> 4];
		buf[k++] = hex_digits[b[i] & 15];
		if (k + 3 > sizeof(buf)) {
			sb_putn(o, buf, k);
			k = 0;
		}
	}
	sb_putn(o, buf, k);
}

static void put_hex(struct strbuf *o, const uint8_t *b, size_t n)
{
	put_hex_sep(o, b, n, 0);
}

/* "%llu" without printf's format parsing */
static void put_uint(struct strbuf *o, unsigned long long v)
{
	char buf[24];
	size_t k = sizeof(buf);
	do
		buf[--k] = (char)('0' + v % 10);
	while (v /= 10);
	sb_putn(o, buf + k, sizeof(buf) - k);
}

/* "0x%0*llx": at least digits hex digits */
static void put_hex_uint(struct strbuf *o, unsigned long long v, unsigned digits)
{
	char buf[20];
	size_t k = sizeof(buf);
	do {
		buf[--k] = hex_digits[v & 15];
		v >>= 4;
	} while ((v || sizeof(buf) - k < digits) && k > 2);
	buf[--k] = 'x';
	buf[--k] = '0';
	sb_putn(o, buf + k, sizeof(buf) - k);
}

void field_value_text(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field_def *d = f->def;
	const uint8_t *b = f->length ? cur_bytes(&p->bytes, f->offset, f->length) : NULL;
	char buf[46];
	switch (d->type) {
	case FT_UINT:
		if (d->base == BASE_HEX) {
			unsigned bits = field_def_bits(d);
			put_hex_uint(o, f->value, (bits + 3) / 4);
		} else {
			put_uint(o, f->value);
		}
		break;
	case FT_BOOL:
		sb_puts(o, f->value ? "1" : "0");
		break;
	case FT_STATUS: {
		const char *n = value_name_find(d->names, f->value);
		sb_puts(o, n ? n : "?");
		break;
	}
	case FT_IPV4:
		if (b && f->length == 4)
			sb_printf(o, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
		break;
	case FT_IPV6:
		/* a prefix shorter than an address (RFC 4191's 8 bytes) reads
		 * as the address with the rest zero */
		if (b && f->length <= 16) {
			uint8_t a[16] = {0};
			memcpy(a, b, f->length);
			ipv6_format(a, buf);
			sb_puts(o, buf);
		}
		break;
	case FT_ETHER:
		if (b)
			put_hex_sep(o, b, f->length, ':');
		break;
	case FT_BYTES:
		/* colon-separated, as tshark prints byte strings, so that a run of
		 * decimal-looking digits ("0000") never reads as a number */
		if (b)
			put_hex_sep(o, b, f->length, ':');
		break;
	case FT_NONE:
		break;
	}
}

static void json_value(const struct packet *p, const struct field *f, struct strbuf *o,
		       struct strbuf *tmp)
{
	switch (f->def->type) {
	case FT_UINT:
		put_uint(o, f->value);
		return;
	case FT_BOOL:
		sb_puts(o, f->value ? "true" : "false");
		return;
	default:
		sb_reset(tmp);
		field_value_text(p, f, tmp);
		json_string(o, tmp->s);
		return;
	}
}

static void put_fields(const struct packet *p, struct strbuf *o, struct strbuf *tmp)
{
	sb_puts(o, "\"fields\":[");
	bool first = true;
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *f = &p->fields[i];
		if (f->def->type == FT_NONE)
			continue;
		sb_puts(o, first ? "{\"name\":" : ",{\"name\":");
		first = false;
		json_string(o, f->def->name);
		if (!f->generated) {
			sb_puts(o, ",\"offset\":");
			put_uint(o, f->offset);
			sb_puts(o, ",\"length\":");
			put_uint(o, f->length);
			if (f->def->mask) {
				sb_puts(o, ",\"bitmask\":");
				put_uint(o, f->def->mask);
			}
		}
		sb_puts(o, ",\"value\":");
		json_value(p, f, o, tmp);
		sb_puts(o, ",\"show\":");
		sb_reset(tmp);
		field_value_text(p, f, tmp);
		json_string(o, tmp->s);
		if (p->layers[f->layer].quoted)
			sb_puts(o, ",\"quoted\":true");
		sb_putc(o, '}');
	}
	sb_putc(o, ']');
}

static void put_problems(const struct packet *p, struct strbuf *o)
{
	sb_puts(o, "\"problems\":[");
	for (size_t i = 0; i < p->nproblems; i++) {
		const struct problem *pr = &p->problems[i];
		sb_puts(o, i ? ",{\"severity\":" : "{\"severity\":");
		json_string(o, severity_name(pr->severity));
		if (pr->field) {
			sb_puts(o, ",\"field\":");
			json_string(o, pr->field);
		}
		if (pr->id) {
			sb_puts(o, ",\"id\":");
			json_string(o, pr->id);
		}
		sb_printf(o, ",\"offset\":%u,\"message\":", pr->offset);
		json_string(o, pr->message);
		sb_putc(o, '}');
	}
	sb_putc(o, ']');
}

static void put_bytes(const struct packet *p, struct strbuf *o)
{
	sb_puts(o, "\"bytes\":\"");
	const uint8_t *all = cur_bytes(&p->bytes, 0, p->bytes.len);
	if (all)
		put_hex(o, all, p->bytes.len);
	sb_putc(o, '"');
}

void render_json(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	struct strbuf tmp;
	sb_init(&tmp);
	sb_printf(o, "{\"frame\":%lu,\"source\":", r->number);
	json_string(o, r->source);
	sb_printf(o, ",\"line\":%lu,\"link\":", r->line);
	json_string(o, link_type_name(p->link));
	sb_putc(o, ',');
	put_bytes(p, o);
	sb_putc(o, ',');
	put_fields(p, o, &tmp);
	sb_putc(o, ',');
	put_problems(p, o);
	if (r->reassembled) {
		/* the datagram this fragment completed: its own decode, kept apart
		 * from "fields", which describe this packet alone */
		const struct packet *q = r->reassembled;
		sb_puts(o, ",\"reassembled\":{\"packets\":[");
		for (size_t i = 0; i < r->reassembled_count; i++)
			sb_printf(o, i ? ",%lu" : "%lu", r->reassembled_from[i]);
		sb_puts(o, "],\"link\":");
		json_string(o, link_type_name(q->link));
		sb_putc(o, ',');
		put_bytes(q, o);
		sb_putc(o, ',');
		put_fields(q, o, &tmp);
		sb_putc(o, ',');
		put_problems(q, o);
		sb_putc(o, '}');
	}
	sb_puts(o, "}\n");
	sb_free(&tmp);
}
