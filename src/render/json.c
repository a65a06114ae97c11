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
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
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
			if (*c < 0x20)
				sb_printf(o, "\\u%04x", *c);
			else
				sb_putc(o, (char)*c);
		}
	}
	sb_putc(o, '"');
}

static void put_hex(struct strbuf *o, const uint8_t *b, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		sb_putc(o, digits[b[i] >> 4]);
		sb_putc(o, digits[b[i] & 15]);
	}
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
			sb_printf(o, "0x%0*llx", (int)((bits + 3) / 4), (unsigned long long)f->value);
		} else {
			sb_printf(o, "%llu", (unsigned long long)f->value);
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
		if (b && f->length == 16) {
			ipv6_format(b, buf);
			sb_puts(o, buf);
		}
		break;
	case FT_ETHER:
		for (size_t i = 0; b && i < f->length; i++)
			sb_printf(o, i ? ":%02x" : "%02x", b[i]);
		break;
	case FT_BYTES:
		/* colon-separated, as tshark prints byte strings, so that a run of
		 * decimal-looking digits ("0000") never reads as a number */
		for (size_t i = 0; b && i < f->length; i++)
			sb_printf(o, i ? ":%02x" : "%02x", b[i]);
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
		sb_printf(o, "%llu", (unsigned long long)f->value);
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

void render_json(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	struct strbuf tmp;
	sb_init(&tmp);
	sb_printf(o, "{\"frame\":%lu,\"source\":", r->number);
	json_string(o, r->source);
	sb_printf(o, ",\"line\":%lu,\"link\":", r->line);
	json_string(o, link_type_name(p->link));
	sb_puts(o, ",\"bytes\":\"");
	const uint8_t *all = cur_bytes(&p->bytes, 0, p->bytes.len);
	if (all)
		put_hex(o, all, p->bytes.len);
	sb_puts(o, "\",\"fields\":[");
	bool first = true;
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *f = &p->fields[i];
		if (f->def->type == FT_NONE)
			continue;
		sb_puts(o, first ? "{\"name\":" : ",{\"name\":");
		first = false;
		json_string(o, f->def->name);
		if (!f->generated) {
			sb_printf(o, ",\"offset\":%u,\"length\":%u", f->offset, f->length);
			if (f->def->mask)
				sb_printf(o, ",\"bitmask\":%u", f->def->mask);
		}
		sb_puts(o, ",\"value\":");
		json_value(p, f, o, &tmp);
		sb_puts(o, ",\"show\":");
		sb_reset(&tmp);
		field_value_text(p, f, &tmp);
		json_string(o, tmp.s);
		if (p->layers[f->layer].quoted)
			sb_puts(o, ",\"quoted\":true");
		sb_putc(o, '}');
	}
	sb_puts(o, "],\"problems\":[");
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
	sb_puts(o, "]}\n");
	sb_free(&tmp);
}
