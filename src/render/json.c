/* json.c - one JSON object per packet (JSON Lines), stable for scripts.
 * Field names are Wireshark's display-filter names. */
#include "render.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/i18n.h"
#include "decode/explain_util.h"
#include "input/diag.h"

/* Characters a JSON string cannot hold as they are: controls, '"', '\\'. */
static const bool json_escaped[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
	[0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
	[0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
	[0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
	[0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1,  ['\\'] = 1,
};

static void json_string(struct strbuf *o, const char *s)
{
	sb_putc(o, '"');
	const unsigned char *c = (const unsigned char *)s;
	for (;;) {
		/* text that needs no escape is copied in runs */
		const unsigned char *run = c;
		while (!json_escaped[*c])
			c++;
		sb_putn(o, (const char *)run, (size_t)(c - run));
		switch (*c) {
		case '\0':
			sb_putc(o, '"');
			return;
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
		c++;
	}
}

static const char hex_digits[] = "0123456789abcdef";

/* Each byte's two hex digits. */
static const char hex_pairs[256][2] = {
#define D(v) ((v) < 10 ? '0' + (v) : 'a' - 10 + (v)) /* a constant expression */
#define P1(n) {D((n) >> 4), D((n) & 15)}
#define P4(n) P1(n), P1((n) + 1), P1((n) + 2), P1((n) + 3)
#define P16(n) P4(n), P4((n) + 4), P4((n) + 8), P4((n) + 12)
#define P64(n) P16(n), P16((n) + 16), P16((n) + 32), P16((n) + 48)
	P64(0), P64(64), P64(128), P64(192)
#undef P64
#undef P16
#undef P4
#undef P1
#undef D
};

/* Hex of a byte run, with sep between bytes when sep is not 0, written
 * straight into the output: a 1500-byte payload is printed three times
 * per packet. */
static void put_hex_sep(struct strbuf *o, const uint8_t *b, size_t n, char sep)
{
	if (n == 0)
		return;
	char *out = sb_reserve(o, 3 * n);
	char *start = out;
	memcpy(out, hex_pairs[b[0]], 2);
	out += 2;
	if (sep) {
		for (size_t i = 1; i < n; i++, out += 3) {
			out[0] = sep;
			memcpy(out + 1, hex_pairs[b[i]], 2);
		}
	} else {
		for (size_t i = 1; i < n; i++, out += 2)
			memcpy(out, hex_pairs[b[i]], 2);
	}
	sb_commit(o, (size_t)(out - start));
}

static void put_hex(struct strbuf *o, const uint8_t *b, size_t n)
{
	put_hex_sep(o, b, n, 0);
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

/* "%u.%u.%u.%u" */
static void put_ipv4(struct strbuf *o, const uint8_t *b)
{
	char buf[16];
	size_t k = 0;
	for (int i = 0; i < 4; i++) {
		unsigned v = b[i];
		if (i)
			buf[k++] = '.';
		if (v >= 100)
			buf[k++] = (char)('0' + v / 100);
		if (v >= 10)
			buf[k++] = (char)('0' + v / 10 % 10);
		buf[k++] = (char)('0' + v % 10);
	}
	sb_putn(o, buf, k);
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
			sb_put_uint(o, f->value);
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
			put_ipv4(o, b);
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

/* The field's text as a JSON string.  Only a status word comes from a
 * table of names; every other type's text is digits, hex, '.', ':' and 'x',
 * which need no escape, and is written straight into the output. */
static void json_field_text(const struct packet *p, const struct field *f, struct strbuf *o,
			    struct strbuf *tmp)
{
	if (f->def->type == FT_STATUS) {
		sb_reset(tmp);
		field_value_text(p, f, tmp);
		json_string(o, tmp->s);
		return;
	}
	sb_putc(o, '"');
	field_value_text(p, f, o);
	sb_putc(o, '"');
}

/* What a row always contributes to a field's object: its name as a JSON
 * string and its ",\"bitmask\":N".  Rows are static and never change, so
 * both are made once per row and remembered by the row's address; a name
 * too long for the memo, or one needing escapes, is written each time. */
#define ROW_MEMO_SIZE 1024
struct row_text {
	const struct field_def *def;
	uint8_t name_len; /* 0: not kept, write it with json_string */
	uint8_t mask_len;
	char name[62];    /* "ip.ttl", quotes included */
	char mask[24];    /* ,"bitmask":4294967295 */
};
static struct row_text row_memo[ROW_MEMO_SIZE];

static const struct row_text *row_text(const struct field_def *def)
{
	struct row_text *t = &row_memo[((uintptr_t)def >> 3) % ROW_MEMO_SIZE];
	if (t->def == def)
		return t;
	t->def = def;
	size_t n = strlen(def->name);
	bool plain = n + 2 <= sizeof(t->name);
	for (size_t i = 0; plain && i < n; i++)
		plain = !json_escaped[(unsigned char)def->name[i]];
	t->name_len = 0;
	if (plain) {
		t->name[0] = '"';
		memcpy(t->name + 1, def->name, n);
		t->name[n + 1] = '"';
		t->name_len = (uint8_t)(n + 2);
	}
	t->mask_len = 0;
	if (def->mask) {
		struct strbuf m;
		sb_init(&m);
		sb_puts(&m, ",\"bitmask\":");
		sb_put_uint(&m, def->mask);
		memcpy(t->mask, m.s, m.len);
		t->mask_len = (uint8_t)m.len;
		sb_free(&m);
	}
	return t;
}

/* Appends the n bytes at o->s + from again. */
static void repeat(struct strbuf *o, size_t from, size_t n)
{
	char *to = sb_reserve(o, n);
	memcpy(to, o->s + from, n);
	sb_commit(o, n);
}

static void put_fields(const struct packet *p, struct strbuf *o, struct strbuf *tmp)
{
	sb_puts(o, "\"fields\":[");
	bool first = true;
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *f = &p->fields[i];
		if (f->def->type == FT_NONE)
			continue;
		const struct row_text *t = row_text(f->def);
		sb_puts(o, first ? "{\"name\":" : ",{\"name\":");
		first = false;
		if (t->name_len)
			sb_putn(o, t->name, t->name_len);
		else
			json_string(o, f->def->name);
		if (!f->generated) {
			sb_puts(o, ",\"offset\":");
			sb_put_uint(o, f->offset);
			sb_puts(o, ",\"length\":");
			sb_put_uint(o, f->length);
			sb_putn(o, t->mask, t->mask_len);
		}
		sb_puts(o, ",\"value\":");
		switch (f->def->type) {
		case FT_UINT:
			if (f->def->base == BASE_DEC) {
				/* the shown text is the same digits */
				size_t start = o->len;
				sb_put_uint(o, f->value);
				size_t n = o->len - start;
				sb_puts(o, ",\"show\":\"");
				repeat(o, start, n);
				sb_putc(o, '"');
				break;
			}
			sb_put_uint(o, f->value);
			sb_puts(o, ",\"show\":");
			json_field_text(p, f, o, tmp);
			break;
		case FT_BOOL:
			sb_puts(o, f->value ? "true,\"show\":\"1\"" : "false,\"show\":\"0\"");
			break;
		default: {
			/* the value is the shown text: written once, copied */
			size_t start = o->len;
			json_field_text(p, f, o, tmp);
			size_t n = o->len - start;
			sb_puts(o, ",\"show\":");
			repeat(o, start, n);
			break;
		}
		}
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
		sb_puts(o, ",\"offset\":");
		sb_put_uint(o, pr->offset);
		sb_puts(o, ",\"message\":");
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
	sb_puts(o, "{\"frame\":");
	sb_put_uint(o, r->number);
	sb_puts(o, ",\"source\":");
	json_string(o, r->source);
	sb_puts(o, ",\"line\":");
	sb_put_uint(o, r->line);
	sb_puts(o, ",\"link\":");
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
