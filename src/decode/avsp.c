/* avsp.c - Arista's vendor-specific EtherType 0xd28b: a timestamp shim that
 * Arista switches insert between the MAC addresses and the frame's own
 * EtherType (tcpdump's print-arista.c, Wireshark's packet-avsp.c).
 *
 *   type 0xd28b | sub-type (2) | version (2) | timestamp (8 or 6) | EtherType
 *
 * The version word packs three things: bit 8 the time scale (0 TAI, 1 UTC),
 * bits 7-4 the timestamp format (1: 32-bit seconds + 32-bit nanoseconds,
 * 2: 16-bit seconds + 32-bit nanoseconds), bits 3-0 the switch hardware
 * (0: R/R2, 1: R3). */
#include "avsp.h"

#include "core/i18n.h"
#include "core/strbuf.h"
#include "ether.h"

enum { AVSP_SUBTYPE_TIMESTAMP = 1, AVSP_FORMAT_64 = 1, AVSP_FORMAT_48 = 2 };

static const struct value_name avsp_subtype_names[] = {
	{AVSP_SUBTYPE_TIMESTAMP, N_("timestamp")},
	{0, NULL},
};

static void explain_version(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value, format = v >> 4 & 0xf, hw = v & 0xf;
	sb_printf(o, _("time scale %s (bit 8 = %u), "), v & 0x100 ? "UTC" : "TAI", v >> 8 & 1);
	if (format == AVSP_FORMAT_64)
		sb_puts(o, _("format 1: 64-bit timestamp (32-bit seconds, 32-bit nanoseconds)"));
	else if (format == AVSP_FORMAT_48)
		sb_puts(o, _("format 2: 48-bit timestamp (16-bit seconds, 32-bit nanoseconds)"));
	else
		sb_printf(o, _("format %u: unknown, so the header's length is unknown"), format);
	sb_printf(o, _(", hardware %u (%s)"), hw,
		  hw == 0 ? "R/R2" : hw == 1 ? "R3" : _("unknown"));
}

static void explain_seconds(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%llu seconds of the switch's clock"), (unsigned long long)f->value);
}

static void explain_ns(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%llu ns into that second"), (unsigned long long)f->value);
	if (f->value >= 1000000000u)
		sb_puts(o, _(" (more than a second: not a valid nanosecond count)"));
}

static const struct field_def avsp_rows[] = {
	{"avsp.sub_type", N_("sub-type"), FT_UINT, 0, 2, 0, 0, 0, BASE_DEC, avsp_subtype_names,
	 NULL, N_("what the shim carries: 1, a timestamp")},
	{"avsp.ver", N_("version"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, NULL, explain_version,
	 N_("time scale, timestamp format and switch hardware, packed in one word")},
};
static const struct field_def avsp_64_rows[] = {
	{"avsp.64sec", N_("seconds"), FT_UINT, 4, 4, 0, 0, 0, BASE_DEC, NULL, explain_seconds,
	 N_("the whole seconds of the time the switch saw the frame")},
	{"avsp.64ns", N_("nanoseconds"), FT_UINT, 8, 4, 0, 0, 0, BASE_DEC, NULL, explain_ns,
	 N_("the nanoseconds of the time the switch saw the frame")},
	{"avsp.etype", N_("type"), FT_UINT, 12, 2, 0, 0, 0, BASE_HEX, ethertype_names,
	 explain_ethertype_field, N_("the frame's own EtherType, moved behind the shim")},
};
static const struct field_def avsp_48_rows[] = {
	{"avsp.48sec", N_("seconds"), FT_UINT, 4, 2, 0, 0, 0, BASE_DEC, NULL, explain_seconds,
	 N_("the low 16 bits of the seconds of the time the switch saw the frame")},
	{"avsp.48ns", N_("nanoseconds"), FT_UINT, 6, 4, 0, 0, 0, BASE_DEC, NULL, explain_ns,
	 N_("the nanoseconds of the time the switch saw the frame")},
	{"avsp.etype", N_("type"), FT_UINT, 10, 2, 0, 0, 0, BASE_HEX, ethertype_names,
	 explain_ethertype_field, N_("the frame's own EtherType, moved behind the shim")},
};

bool decode_avsp(struct packet *p, uint32_t off, const struct decode_ctx *ctx,
		 uint16_t *next_type, uint32_t *next_off)
{
	int layer = packet_add_layer(p, "avsp", N_("Arista vendor-specific header"), off,
				     ctx->quoted);
	if (layer < 0)
		return false;
	uint16_t subtype = 0, version = 0;
	if (packet_read_rows(p, avsp_rows, ROWS(avsp_rows), off) < ROWS(avsp_rows) ||
	    !cur_be16(&p->bytes, off, &subtype) || !cur_be16(&p->bytes, off + 2, &version)) {
		p->layers[layer].truncated = true;
		p->layers[layer].length = (uint32_t)cur_avail(&p->bytes, off);
		decode_truncated(p, "avsp", off, 4);
		return false;
	}
	p->layers[layer].length = 4;
	unsigned format = version >> 4 & 0xf;
	const struct field_def *rows = format == AVSP_FORMAT_64	  ? avsp_64_rows
				       : format == AVSP_FORMAT_48 ? avsp_48_rows
								  : NULL;
	if (subtype != AVSP_SUBTYPE_TIMESTAMP || !rows) {
		packet_problem(p, SEV_WARNING, "avsp.ver", "avsp.unknown", off,
			       _("sub-type %u, version 0x%04x: a shim hexplain does not know, so "
				 "where the frame's own EtherType lies is unknown"),
			       subtype, version);
		decode_payload(p, off + 4, (uint32_t)p->bytes.len);
		return false;
	}
	uint32_t len = rows == avsp_64_rows ? 14 : 12;
	if (packet_read_rows(p, rows, 3, off) < 3 || !cur_be16(&p->bytes, off + len - 2, next_type)) {
		p->layers[layer].truncated = true;
		p->layers[layer].length = (uint32_t)cur_avail(&p->bytes, off);
		decode_truncated(p, "avsp", off, len);
		return false;
	}
	p->layers[layer].length = len;
	*next_off = off + len;
	return true;
}
