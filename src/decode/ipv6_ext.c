/* ipv6_ext.c - IPv6 extension headers (RFC 8200 §4): hop-by-hop and
 * destination options, routing (types 0, 2 and 4), fragment, AH (RFC 4302),
 * ESP (RFC 4303) and no next header; each header is a layer of its own. */
#include "decode.h"

#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"
#include "ipv4.h"

/* A chain longer than this is a loop or an attack, not a packet (and the
 * layer table must keep room for the upper layer). */
#define MAX_EXT_HEADERS 10

static void explain_nxt(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(ip_proto_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? _(n) : _("unknown protocol"));
}

static void explain_len8(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	sb_printf(o, _("(%u + 1) × 8 = %u bytes: counted in 8-byte units, not counting the "
		       "first 8"),
		  v, (v + 1) * 8);
}

static void explain_len_oct(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes in this header"), (unsigned)f->value);
}

/* --- options (hop-by-hop and destination options headers) --- */

static const struct value_name action_names[] = {
	{0, N_("skip over this option if unknown and go on")},
	{1, N_("discard the packet if the option is unknown")},
	{2, N_("discard it and send an ICMPv6 parameter problem (code 2), even to a multicast "
	       "destination's sender")},
	{3, N_("discard it and send an ICMPv6 parameter problem unless the destination was "
	       "multicast")},
	{0, NULL},
};

static const struct value_name change_names[] = {
	{0, N_("the option's data does not change en route")},
	{1, N_("the option's data may change en route (AH counts it as zeros)")},
	{0, NULL},
};

static const struct value_name opt_type_names[] = {
	{0x00, N_("Pad1")},
	{0x01, N_("PadN")},
	{0x04, N_("Tunnel Encapsulation Limit")},
	{0x05, N_("Router Alert")},
	{0x07, N_("CALIPSO")},
	{0x26, N_("Quick-Start")},
	{0x63, N_("RPL")},
	{0xc2, N_("Jumbo Payload")},
	{0xc9, N_("Home Address")},
	{0, NULL},
};

static const struct value_name router_alert_names[] = {
	{0, N_("MLD: a multicast listener message that routers must look at")},
	{1, N_("RSVP")},
	{2, N_("active networks")},
	{0, NULL},
};

static void explain_opt_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned t = (unsigned)f->value;
	const char *n = value_name_find(opt_type_names, t);
	if ((t & 0x1f) == 0x1e)
		n = N_("experimental (RFC 4727)");
	sb_printf(o, "0x%02x → %s", t, n ? _(n) : _("unknown option"));
	if (t != 0)
		sb_printf(o, _("; bits %u%u %u %u%u%u%u%u = action, may-change, rest"), t >> 7 & 1,
			  t >> 6 & 1, t >> 5 & 1, t >> 4 & 1, t >> 3 & 1, t >> 2 & 1, t >> 1 & 1,
			  t & 1);
}

static void explain_action(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, "%u%u → %s", (unsigned)(f->value >> 1), (unsigned)(f->value & 1),
		  _(value_name_find(action_names, f->value)));
}

static void explain_opt_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes of option data follow (type and length bytes not counted)"),
		  (unsigned)f->value);
}

static void explain_pad(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->def->type == FT_NONE)
		sb_puts(o, _("one byte of padding: the only option without a length byte"));
	else
		sb_printf(o, _("%u bytes of padding, to keep the next option aligned and the "
			       "header a multiple of 8 bytes"),
			  (unsigned)f->length + 2);
}

static void explain_router_alert(const struct packet *p, const struct field *f,
				 struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(router_alert_names, f->value);
	sb_printf(o, _("%u → %s: routers on the way should look inside this packet (RFC 2711)"),
		  (unsigned)f->value, n ? _(n) : _("unassigned"));
}

static void explain_jumbo(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes after the IPv6 header: a jumbogram, larger than the 16-bit "
		       "payload length can say (RFC 2675)"),
		  (unsigned)f->value);
}

static void explain_tel(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u more levels of tunnel nesting allowed (RFC 2473)"), (unsigned)f->value);
}

static void explain_hoa(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 16);
	char text[46];
	if (!a)
		return;
	ipv6_format(a, text);
	sb_printf(o, _("%s: the mobile node's permanent address; the receiver uses it as the "
		       "source, also for the checksum (RFC 6275)"),
		  text);
}

static void explain_unknown(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes of data of an option hexplain does not decode"),
		  (unsigned)f->length);
}

static void explain_opt_heading(const struct packet *p, const struct field *f,
				struct strbuf *o)
{
	uint8_t t = 0;
	if (!cur_u8(&p->bytes, f->offset, &t))
		return;
	const char *n = value_name_find(opt_type_names, t);
	if ((t & 0x1f) == 0x1e)
		n = N_("experimental (RFC 4727)");
	sb_printf(o, _("%s, %u bytes"), n ? _(n) : _("unknown option"), (unsigned)f->length);
}

#define HDR_ROW(name, title, off, explain, blurb) \
	{name, title, FT_UINT, off, 1, 0, 0, 0, BASE_DEC, NULL, explain, blurb}

static const struct field_def hop_rows[] = {
	HDR_ROW("ipv6.hopopts.nxt", N_("next header"), 0, explain_nxt,
		N_("the header after this one (RFC 8200 §4.3)")),
	HDR_ROW("ipv6.hopopts.len", N_("length"), 1, explain_len8,
		N_("length in 8-byte units, not counting the first 8 bytes")),
};
static const struct field_def hop_len_oct = {"ipv6.hopopts.len_oct", N_("length in bytes"),
	FT_UINT, 0, 0, 0, 0, 1, BASE_DEC, NULL, explain_len_oct, N_("(length + 1) × 8")};
static const struct field_def dst_rows[] = {
	HDR_ROW("ipv6.dstopts.nxt", N_("next header"), 0, explain_nxt,
		N_("the header after this one (RFC 8200 §4.6)")),
	HDR_ROW("ipv6.dstopts.len", N_("length"), 1, explain_len8,
		N_("length in 8-byte units, not counting the first 8 bytes")),
};
static const struct field_def dst_len_oct = {"ipv6.dstopts.len_oct", N_("length in bytes"),
	FT_UINT, 0, 0, 0, 0, 1, BASE_DEC, NULL, explain_len_oct, N_("(length + 1) × 8")};

/* An option's heading and its parts; offsets from the option's type byte. */
static const struct field_def opt_heading = {"ipv6.opt", N_("option"), FT_NONE, 0, 0, 0, 0, 0,
	BASE_DEC, NULL, explain_opt_heading, N_("type, length, data (RFC 8200 §4.2)")};
static const struct field_def opt_type = {"ipv6.opt.type", N_("type"), FT_UINT, 0, 1, 0, 0, 1,
	BASE_HEX, NULL, explain_opt_type,
	N_("the option's number; its top 3 bits say what to do with an unknown one")};
static const struct field_def opt_type_bits[] = {
	{"ipv6.opt.type.action", N_("action"), FT_UINT, 0, 1, 0xc0, 0, 2, BASE_DEC, NULL,
	 explain_action, N_("what a node that does not know the option must do (RFC 8200 §4.2)")},
	{"ipv6.opt.type.change", N_("may change"), FT_UINT, 0, 1, 0x20, 0, 2, BASE_DEC,
	 change_names, NULL, N_("whether the data may change on the way (RFC 8200 §4.2)")},
	{"ipv6.opt.type.rest", N_("rest"), FT_UINT, 0, 1, 0x1f, 0, 2, BASE_HEX, NULL, NULL,
	 N_("the rest of the option number")},
	{"ipv6.opt.length", N_("length"), FT_UINT, 1, 1, 0, 0, 1, BASE_DEC, NULL, explain_opt_len,
	 N_("bytes of option data")},
};
#define OPT_TYPE_BITS (sizeof(opt_type_bits) / sizeof(opt_type_bits[0]))
static const struct field_def opt_pad1 = {"ipv6.opt.pad1", N_("Pad1"), FT_NONE, 0, 1, 0, 0, 1,
	BASE_DEC, NULL, explain_pad, N_("a single byte of padding")};
static const struct field_def opt_padn = {"ipv6.opt.padn", N_("PadN"), FT_BYTES, 0, 0, 0, 0, 1,
	BASE_HEX, NULL, explain_pad, N_("padding: zero bytes that align what follows")};
static const struct field_def opt_router_alert = {"ipv6.opt.router_alert", N_("Router Alert"),
	FT_UINT, 2, 2, 0, 0, 1, BASE_DEC, router_alert_names, explain_router_alert,
	N_("tells routers to examine the packet (RFC 2711)")};
static const struct field_def opt_jumbo = {"ipv6.opt.jumbo", N_("Jumbo Payload length"), FT_UINT,
	2, 4, 0, 0, 1, BASE_DEC, NULL, explain_jumbo, N_("the real payload length (RFC 2675)")};
static const struct field_def opt_tel = {"ipv6.opt.tel", N_("Tunnel Encapsulation Limit"),
	FT_UINT, 2, 1, 0, 0, 1, BASE_DEC, NULL, explain_tel, N_("RFC 2473 §5.1")};
static const struct field_def opt_hoa = {"ipv6.opt.mipv6.home_address", N_("Home Address"),
	FT_IPV6, 2, 16, 0, 0, 1, BASE_DEC, NULL, explain_hoa, N_("RFC 6275 §6.3")};
static const struct field_def opt_experimental = {"ipv6.opt.experimental", N_("experimental"),
	FT_BYTES, 0, 0, 0, 0, 1, BASE_HEX, NULL, explain_unknown, N_("RFC 4727")};
static const struct field_def opt_unknown = {"ipv6.opt.unknown", N_("unknown option data"),
	FT_BYTES, 0, 0, 0, 0, 1, BASE_HEX, NULL, explain_unknown, N_("not decoded")};
/* Options Wireshark decodes further (CALIPSO, Quick-Start, ...): raw here,
 * under hexplain's name, since ipv6.opt.unknown would mean "unknown" to it. */
static const struct field_def opt_data = {"hexplain.ipv6.opt.data", N_("option data"), FT_BYTES,
	0, 0, 0, 0, 1, BASE_HEX, NULL, explain_unknown, N_("not decoded by hexplain")};

/* What the chain walk carries from header to header. */
struct chain {
	struct decode_ctx ctx;    /* the pseudo-header for the upper layer */
	uint32_t end;             /* where the datagram ends */
	uint32_t ip_off;          /* the IPv6 header, when there is one */
	bool after_ipv6;          /* the first extension header follows IPv6 at once */
	bool payload_only;        /* a later fragment: the rest is data */
};

static bool known_to_wireshark(uint8_t t)
{
	switch (t) {
	case 0x07: /* CALIPSO */
	case 0x08: /* SMF DPD */
	case 0x11: /* IOAM */
	case 0x26: /* Quick-Start */
	case 0x30: /* path MTU */
	case 0x31: /* IOAM */
	case 0x63: /* RPL */
	case 0x6d: /* MPL */
	case 0x8b: /* ILNP nonce */
	case 0x8c: /* line identification */
	case 0xee: /* IPv6 DFF */
		return true;
	default:
		return false;
	}
}

/* The option data of one option at at (its type byte), olen bytes; false
 * when the option is too short for its own definition, so that what
 * follows cannot be trusted (Wireshark stops there too). */
static bool decode_option_data(struct packet *p, uint8_t t, uint32_t at, uint8_t olen,
			       struct chain *ch)
{
	uint32_t data = at + 2;
	switch (t) {
	case 0x01:
		packet_add_field(p, &opt_padn, data, olen, 0);
		for (uint8_t i = 0; i < olen; i++) {
			uint8_t b = 0;
			if (cur_u8(&p->bytes, data + i, &b) && b != 0) {
				packet_problem(p, SEV_NOTE, "ipv6.opt.padn", "ipv6.opt.padn.nonzero",
					       data + i, _("PadN data should be zeros (RFC 8200 §4.2)"));
				break;
			}
		}
		return true;
	case 0x05:
		if (olen == 2) {
			packet_read_row(p, &opt_router_alert, at, NULL);
			return true;
		}
		break;
	case 0x04:
		if (olen == 1) {
			packet_read_row(p, &opt_tel, at, NULL);
			return true;
		}
		break;
	case 0xc2:
		if (olen == 4) {
			struct field *f = NULL;
			packet_read_row(p, &opt_jumbo, at, &f);
			uint16_t plen = 1;
			if (ch->ip_off != UINT32_MAX)
				cur_be16(&p->bytes, ch->ip_off + 4, &plen);
			if (f && f->value < 65536)
				packet_problem(p, SEV_ERROR, "ipv6.opt.jumbo", "ipv6.opt.jumbo.small",
					       data, _("jumbo payload length %u: a jumbogram must be "
						       "larger than 65535 bytes (RFC 2675)"),
					       (unsigned)f->value);
			else if (f && plen != 0)
				packet_problem(p, SEV_ERROR, "ipv6.opt.jumbo", "ipv6.opt.jumbo.plen",
					       data, _("a Jumbo Payload option, but the IPv6 payload "
						       "length is %u, not 0 (RFC 2675)"),
					       plen);
			else if (f && ch->ip_off != UINT32_MAX) {
				uint64_t jend = (uint64_t)ch->ip_off + 40 + f->value;
				if (!ch->ctx.quoted)
					decode_note_wire_length(p, ch->ip_off, 40 + f->value);
				/* past the capture alone, as a plain payload length
				 * would be: the capture was cut (snaplen), unless the
				 * frame or the link layer is known to end there */
				bool cut = ch->end >= p->bytes.len && !p->frame_whole &&
					   !ch->ctx.quoted && jend <= UINT32_MAX;
				if (jend > ch->end && cut) {
					packet_problem(p, SEV_WARNING, "ipv6.opt.jumbo", "capture.truncated",
						       (uint32_t)p->bytes.len,
						       _("the jumbogram has %u bytes after the IPv6 header "
							 "but the capture stops after %zu of them (snaplen)"),
						       (unsigned)f->value,
						       p->bytes.len - ch->ip_off - 40);
					ch->end = (uint32_t)jend;
				} else if (jend > ch->end)
					packet_problem(p, SEV_ERROR, "ipv6.opt.jumbo",
						       "ipv6.opt.jumbo.beyond", data,
						       _("jumbo payload length %u reaches past the "
							 "%u bytes the link layer carries"),
						       (unsigned)f->value, ch->end - ch->ip_off - 40);
				else
					ch->end = (uint32_t)jend;
			}
			return true;
		}
		break;
	case 0xc9:
		if (olen == 16) {
			packet_read_row(p, &opt_hoa, at, NULL);
			if (ch->ctx.ph.family == 6)
				ch->ctx.ph.src_off = data;
			return true;
		}
		break;
	case 0x07:
		if (olen < 8) {
			/* DOI, compartment length, sensitivity, checksum: 8 bytes at least */
			packet_problem(p, SEV_ERROR, "ipv6.opt.length", "ipv6.opt.length.bad",
				       at + 1, _("a CALIPSO option needs at least 8 bytes of data, "
						 "this one has %u: the options after it are not read"),
				       olen);
			packet_add_field(p, &opt_data, data, olen, 0);
			return false;
		}
		packet_add_field(p, &opt_data, data, olen, 0);
		return true;
	default:
		if ((t & 0x1f) == 0x1e)
			packet_add_field(p, &opt_experimental, data, olen, 0);
		else
			packet_add_field(p, known_to_wireshark(t) ? &opt_data : &opt_unknown,
					 data, olen, 0);
		return true;
	}
	packet_problem(p, SEV_ERROR, "ipv6.opt.length", "ipv6.opt.length.bad", at + 1,
		       _("option 0x%02x has %u bytes of data, which its definition does not "
			 "allow"),
		       t, olen);
	packet_add_field(p, &opt_data, data, olen, 0);
	return true;
}

/* The options in [at, stop): stop lies within the captured bytes. */
static void decode_options(struct packet *p, uint32_t at, uint32_t stop, struct chain *ch)
{
	while (at < stop) {
		uint8_t t = 0, olen = 0;
		cur_u8(&p->bytes, at, &t);
		if (t == 0) {
			packet_add_field(p, &opt_heading, at, 1, 0);
			packet_read_row(p, &opt_type, at, NULL);
			packet_add_field(p, &opt_pad1, at, 1, 0);
			at++;
			continue;
		}
		if (at + 1 >= stop) {
			packet_add_field(p, &opt_heading, at, 1, 0);
			packet_read_row(p, &opt_type, at, NULL);
			packet_problem(p, SEV_ERROR, "ipv6.opt.type", "ipv6.opt.no_length", at,
				       _("option 0x%02x has no room for its length byte before the "
					 "header ends"),
				       t);
			return;
		}
		cur_u8(&p->bytes, at + 1, &olen);
		uint32_t span = 2u + olen;
		packet_add_field(p, &opt_heading, at, at + span <= stop ? span : stop - at, 0);
		packet_read_row(p, &opt_type, at, NULL);
		for (size_t i = 0; i < OPT_TYPE_BITS; i++)
			packet_read_row(p, &opt_type_bits[i], at, NULL);
		if (at + span > stop) {
			packet_problem(p, SEV_ERROR, "ipv6.opt.length", "ipv6.opt.length.beyond",
				       at + 1, _("option length %u runs %u bytes past the end of its "
						 "header"),
				       olen, at + span - stop);
			return;
		}
		if (!decode_option_data(p, t, at, olen, ch))
			return;
		at += span;
	}
}

/* --- routing header --- */

static const struct value_name routing_type_names[] = {
	{0, N_("type 0, source route (deprecated by RFC 5095)")},
	{2, N_("type 2, Mobile IPv6 (RFC 6275)")},
	{3, N_("type 3, RPL source route (RFC 6554)")},
	{4, N_("type 4, segment routing (RFC 8754)")},
	{0, NULL},
};

static void explain_rt_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(routing_type_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? _(n) : _("unknown routing type"));
}

static void explain_segleft(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("0: the route is done, this is the final destination: the header is "
			     "ignored"));
	else
		sb_printf(o, _("%u more intermediate nodes to visit; the destination address is "
			       "only the next stop, and the final one is in the list"),
			  v);
}

static void explain_rt_addr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 16);
	char text[46];
	if (!a)
		return;
	ipv6_format(a, text);
	sb_puts(o, text);
}

static const struct field_def rt_rows[] = {
	HDR_ROW("ipv6.routing.nxt", N_("next header"), 0, explain_nxt,
		N_("the header after this one (RFC 8200 §4.4)")),
	HDR_ROW("ipv6.routing.len", N_("length"), 1, explain_len8,
		N_("length in 8-byte units, not counting the first 8 bytes")),
	HDR_ROW("ipv6.routing.type", N_("routing type"), 2, explain_rt_type,
		N_("which kind of routing header")),
	HDR_ROW("ipv6.routing.segleft", N_("segments left"), 3, explain_segleft,
		N_("how many listed nodes are still to be visited")),
};
#define RT_ROWS (sizeof(rt_rows) / sizeof(rt_rows[0]))
static const struct field_def rt_len_oct = {"ipv6.routing.len_oct", N_("length in bytes"),
	FT_UINT, 0, 0, 0, 0, 1, BASE_DEC, NULL, explain_len_oct, N_("(length + 1) × 8")};
static const struct field_def rt0_reserved = {"ipv6.routing.src.reserved", N_("reserved"),
	FT_BYTES, 4, 4, 0, 0, 0, BASE_HEX, NULL, NULL, N_("zero on sending")};
static const struct field_def rt0_addr = {"ipv6.routing.src.addr", N_("address"), FT_IPV6, 0,
	16, 0, 0, 1, BASE_DEC, NULL, explain_rt_addr, N_("a node to pass through, in order")};
static const struct field_def rt2_reserved = {"ipv6.routing.mipv6.reserved", N_("reserved"),
	FT_BYTES, 4, 4, 0, 0, 0, BASE_HEX, NULL, NULL, N_("zero on sending")};
static const struct field_def rt2_hoa = {"ipv6.routing.mipv6.home_address", N_("home address"),
	FT_IPV6, 8, 16, 0, 0, 0, BASE_DEC, NULL, explain_rt_addr,
	N_("the mobile node's home address: the final destination (RFC 6275 §6.4)")};
static const struct field_def srh_rows[] = {
	{"ipv6.routing.srh.last_entry", N_("last entry"), FT_UINT, 4, 1, 0, 0, 0, BASE_DEC, NULL,
	 NULL, N_("index of the last element of the segment list (RFC 8754 §2)")},
	{"ipv6.routing.srh.flags", N_("flags"), FT_UINT, 5, 1, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("none defined yet")},
	{"ipv6.routing.srh.tag", N_("tag"), FT_BYTES, 6, 2, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("marks packets of a class or group")},
};
static const struct field_def srh_addr = {"ipv6.routing.srh.addr", N_("segment"), FT_IPV6, 0,
	16, 0, 0, 1, BASE_DEC, NULL, explain_rt_addr,
	N_("the segment list, last segment first: [0] is the final destination")};
static const struct field_def rt_data = {"hexplain.ipv6.routing.data", N_("type-specific data"),
	FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, NULL, N_("not decoded by hexplain")};

/* Type-specific data of a routing header of hlen bytes at off, all captured. */
static void decode_routing_data(struct packet *p, uint32_t off, uint32_t hlen, struct chain *ch)
{
	uint8_t type = 0, segleft = 0, len = 0;
	cur_u8(&p->bytes, off + 1, &len);
	cur_u8(&p->bytes, off + 2, &type);
	cur_u8(&p->bytes, off + 3, &segleft);
	uint32_t final_dst = 0;
	if (type == 0) {
		packet_problem(p, SEV_WARNING, "ipv6.routing.type", "ipv6.routing.deprecated",
			       off + 2, _("routing header type 0 is deprecated (RFC 5095): it let "
					  "one packet bounce between routers to amplify traffic"));
		packet_read_row(p, &rt0_reserved, off, NULL);
		unsigned n = (hlen - 8) / 16;
		for (unsigned i = 0; i < n; i++)
			packet_add_field(p, &rt0_addr, off + 8 + 16 * i, 16, 0);
		if (len & 1)
			packet_problem(p, SEV_ERROR, "ipv6.routing.len", "ipv6.routing.len.odd",
				       off + 1, _("length %u is odd: type 0 holds whole 16-byte "
						  "addresses (2 units each)"),
				       len);
		if (segleft > n)
			packet_problem(p, SEV_ERROR, "ipv6.routing.segleft",
				       "ipv6.routing.segleft.bad", off + 3,
				       _("segments left %u is more than the %u addresses listed"),
				       segleft, n);
		else if (segleft > 0 && n > 0)
			final_dst = off + 8 + 16 * (n - 1);
	} else if (type == 2 && hlen >= 24) {
		packet_read_row(p, &rt2_reserved, off, NULL);
		packet_read_row(p, &rt2_hoa, off, NULL);
		if (segleft > 0)
			final_dst = off + 8;
	} else if (type == 4 && hlen >= 8) {
		for (size_t i = 0; i < 3; i++)
			packet_read_row(p, &srh_rows[i], off, NULL);
		uint8_t last = 0;
		cur_u8(&p->bytes, off + 4, &last);
		unsigned n = (hlen - 8) / 16;
		if ((unsigned)last + 1 > n) {
			packet_problem(p, SEV_ERROR, "ipv6.routing.srh.last_entry",
				       "ipv6.routing.srh.last_entry.bad", off + 4,
				       _("last entry %u needs %u segments, the header holds %u"),
				       last, last + 1, n);
		} else {
			for (unsigned i = 0; i <= last; i++)
				packet_add_field(p, &srh_addr, off + 8 + 16 * i, 16, 0);
			uint32_t tlv = off + 8 + 16 * (last + 1u);
			if (tlv < off + hlen)
				packet_add_field(p, &rt_data, tlv, off + hlen - tlv, 0);
			if (segleft > 0)
				final_dst = off + 8; /* Segment List[0], the last segment */
		}
	} else if (hlen > 4) {
		packet_add_field(p, &rt_data, off + 4, hlen - 4, 0);
	}
	if (final_dst && ch->ctx.ph.family == 6)
		ch->ctx.ph.dst_off = final_dst; /* RFC 8200 §8.1 */
}

/* --- fragment header --- */

static void explain_frag_offset(const struct packet *p, const struct field *f,
				struct strbuf *o)
{
	const struct field *m = packet_find_in_layer(p, f->layer, "ipv6.fraghdr.more");
	unsigned v = (unsigned)f->value;
	if (v == 0 && m && !m->value) {
		sb_puts(o, _("0 and M 0: an atomic fragment, the whole packet in one piece "
			     "(RFC 6946): decoded as usual"));
		return;
	}
	if (v == 0)
		sb_puts(o, _("0 → the first fragment, the one with the upper-layer header"));
	else
		sb_printf(o, _("%u × 8 = byte %u of the original packet's fragmentable part"), v,
			  v * 8);
	/* which stretch of the fragmentable part this fragment brings: from
	 * after the fragment header to where the IPv6 payload length ends */
	size_t ip = f->layer;
	while (ip-- > 0)
		if (strcmp(p->layers[ip].proto, "ipv6") == 0)
			break;
	const struct field *plen =
		ip != (size_t)-1 ? packet_find_in_layer(p, ip, "ipv6.plen") : NULL;
	uint32_t data = p->layers[f->layer].offset + 8;
	if (plen && plen->value && p->layers[ip].offset + 40 + plen->value > data) {
		unsigned n = (unsigned)(p->layers[ip].offset + 40 + plen->value - data);
		sb_printf(o, _(": carries bytes %u–%u of it (%u bytes)"), v * 8, v * 8 + n - 1, n);
		if (m && !m->value)
			sb_printf(o, _(", the last ones: the fragmentable part is %u bytes"),
				  v * 8 + n);
	}
}

static void explain_more(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_puts(o, f->value ? _("M 1: more fragments follow")
			    : _("M 0: the last (or only) fragment"));
}

static void explain_ident(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("0x%08x: all fragments of one packet carry the same identification"),
		  (unsigned)f->value);
}

static const struct field_def frag_rows[] = {
	HDR_ROW("ipv6.fraghdr.nxt", N_("next header"), 0, explain_nxt,
		N_("the header the reassembled packet continues with (RFC 8200 §4.5)")),
	{"ipv6.fraghdr.reserved_octet", N_("reserved"), FT_UINT, 1, 1, 0, 0, 0, BASE_HEX, NULL,
	 NULL, N_("zero on sending")},
	{"ipv6.fraghdr.offset", N_("fragment offset"), FT_UINT, 2, 2, 0xfff8, 0, 0, BASE_DEC, NULL,
	 explain_frag_offset, N_("where this fragment's data belongs, in 8-byte units")},
	{"ipv6.fraghdr.reserved_bits", N_("reserved bits"), FT_UINT, 2, 2, 0x0006, 0, 1, BASE_DEC,
	 NULL, NULL, N_("zero on sending")},
	{"ipv6.fraghdr.more", N_("more fragments"), FT_BOOL, 2, 2, 0x0001, 0, 1, BASE_DEC, NULL,
	 explain_more, N_("M flag: set on every fragment but the last")},
	{"ipv6.fraghdr.ident", N_("identification"), FT_UINT, 4, 4, 0, 0, 0, BASE_HEX, NULL,
	 explain_ident, N_("ties the fragments of one packet together")},
};
#define FRAG_ROWS (sizeof(frag_rows) / sizeof(frag_rows[0]))

/* --- AH and ESP --- */

static void explain_ah_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	sb_printf(o, _("(%u + 2) × 4 = %u bytes: counted in 4-byte units, minus 2"), v,
		  (v + 2) * 4);
}

static void explain_spi(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("0x%08x: names the security association (keys, algorithms) the receiver "
		       "must use"),
		  (unsigned)f->value);
}

static void explain_sequence(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u: counts the packets of this association, against replays"),
		  (unsigned)f->value);
}

static const struct field_def ah_rows[] = {
	{"ah.next_header", N_("next header"), FT_UINT, 0, 1, 0, 0, 0, BASE_DEC, NULL, explain_nxt,
	 N_("the protocol AH protects (RFC 4302 §2.1)")},
	{"ah.reserved", N_("reserved"), FT_BYTES, 2, 2, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("zero on sending")},
	{"ah.spi", N_("SPI"), FT_UINT, 4, 4, 0, 0, 0, BASE_HEX, NULL, explain_spi,
	 N_("security parameters index (RFC 4302 §2.4)")},
	{"ah.sequence", N_("sequence number"), FT_UINT, 8, 4, 0, 0, 0, BASE_DEC, NULL,
	 explain_sequence, N_("anti-replay counter (RFC 4302 §2.5)")},
};
static const struct field_def ah_length = {"ah.length", N_("payload length"), FT_UINT, 1, 1, 0,
	0, 0, BASE_DEC, NULL, explain_ah_len, N_("AH's length in 4-byte words minus 2")};
static const struct field_def ah_icv = {"ah.icv", N_("ICV"), FT_BYTES, 12, 0, 0, 0, 0, BASE_HEX,
	NULL, NULL, N_("integrity check value: a keyed MAC over the packet (RFC 4302 §2.6)")};
static const struct field_def esp_rows[] = {
	{"esp.spi", N_("SPI"), FT_UINT, 0, 4, 0, 0, 0, BASE_HEX, NULL, explain_spi,
	 N_("security parameters index (RFC 4303 §2.1)")},
	{"esp.sequence", N_("sequence number"), FT_UINT, 4, 4, 0, 0, 0, BASE_DEC, NULL,
	 explain_sequence, N_("anti-replay counter (RFC 4303 §2.2)")},
};
static const struct field_def esp_data = {"hexplain.esp.encrypted", N_("encrypted data"),
	FT_BYTES, 8, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("payload, padding, next header and ICV: opaque without the keys")};

/* --- the walk --- */

static bool is_extension(uint8_t nxt)
{
	return nxt == 0 || nxt == 43 || nxt == 44 || nxt == 50 || nxt == 51 || nxt == 59 ||
	       nxt == 60;
}

static const char *title_of(uint8_t nxt, bool quoted)
{
	switch (nxt) {
	case 0:
		return quoted ? N_("quoted IPv6 hop-by-hop options") : N_("IPv6 hop-by-hop options");
	case 43:
		return quoted ? N_("quoted IPv6 routing header") : N_("IPv6 routing header");
	case 44:
		return quoted ? N_("quoted IPv6 fragment header") : N_("IPv6 fragment header");
	case 51:
		return quoted ? N_("quoted AH header") : N_("AH header");
	case 50:
		return quoted ? N_("quoted ESP header") : N_("ESP header");
	default:
		return quoted ? N_("quoted IPv6 destination options")
			      : N_("IPv6 destination options");
	}
}

static const char *proto_of(uint8_t nxt)
{
	switch (nxt) {
	case 0:
		return "ipv6.hopopts";
	case 43:
		return "ipv6.routing";
	case 44:
		return "ipv6.fraghdr";
	case 51:
		return "ah";
	case 50:
		return "esp";
	default:
		return "ipv6.dstopts";
	}
}

/* The header's length in bytes from its length byte; 0 when not captured. */
static uint32_t header_length(const struct packet *p, uint8_t nxt, uint32_t off)
{
	uint8_t len = 0;
	if (nxt == 44)
		return 8;
	if (!cur_u8(&p->bytes, off + 1, &len))
		return 0;
	if (nxt == 51)
		return (len + 2u) * 4u;
	return (len + 1u) * 8u;
}

/* Decodes one extension header at off; returns its length, or 0 to stop. */
static uint32_t decode_one(struct packet *p, uint8_t nxt, uint32_t off, struct chain *ch,
			   int layer)
{
	struct layer *ly = &p->layers[layer];
	size_t have = cur_avail(&p->bytes, off);
	uint32_t hlen = header_length(p, nxt, off);
	bool whole = hlen && have >= hlen;
	/* the bytes that are there, as far as the header goes */
	ly->length = (uint32_t)(hlen && have > hlen ? hlen : have);
	if (hlen && off + hlen > ch->end) {
		packet_problem(p, SEV_ERROR, NULL, "ipv6.ext.len.beyond", off + 1,
			       _("this %u-byte extension header runs %u bytes past the end of the "
				 "packet (payload length)"),
			       hlen, off + hlen - ch->end);
		whole = false;
		if (have > ch->end - off)
			have = ch->end - off;
		ly->length = (uint32_t)have;
	}
	uint8_t b = 0;
	switch (nxt) {
	case 0:
	case 60: {
		const struct field_def *rows = nxt == 0 ? hop_rows : dst_rows;
		if (!packet_read_row(p, &rows[0], off, NULL) ||
		    !packet_read_row(p, &rows[1], off, NULL))
			break;
		packet_add_generated(p, nxt == 0 ? &hop_len_oct : &dst_len_oct, hlen);
		if (nxt == 0 && !ch->after_ipv6)
			packet_problem(p, SEV_ERROR, "ipv6.hopopts.nxt", "ipv6.hopopts.misplaced",
				       off, _("a hop-by-hop options header must come right after "
					      "the IPv6 header (RFC 8200 §4.3)"));
		uint32_t stop = off + (uint32_t)(have < hlen ? have : hlen);
		decode_options(p, off + 2, stop, ch);
		break;
	}
	case 43:
		if (packet_read_rows(p, rt_rows, RT_ROWS, off) < 2)
			break;
		packet_add_generated(p, &rt_len_oct, hlen);
		if (whole)
			decode_routing_data(p, off, hlen, ch);
		break;
	case 44: {
		if (packet_read_rows(p, frag_rows, FRAG_ROWS, off) < FRAG_ROWS)
			break;
		uint16_t offlg = 0;
		cur_be16(&p->bytes, off + 2, &offlg);
		if (offlg >> 3 != 0)
			ch->payload_only = true;
		else if (offlg & 1)
			ch->ctx.ph.family = 0; /* the first piece: the checksum covers the rest too */
		break;
	}
	case 51:
		if (!packet_read_row(p, &ah_rows[0], off, NULL) || !cur_u8(&p->bytes, off + 1, &b))
			break;
		packet_read_row(p, &ah_length, off, NULL);
		if (packet_read_rows(p, ah_rows + 1, 3, off) < 3)
			break;
		if (hlen < 12) {
			packet_problem(p, SEV_ERROR, "ah.length", "ah.length.bad", off + 1,
				       _("AH length %u bytes is less than its 12-byte fixed part"),
				       hlen);
			return 0;
		}
		if (whole && hlen > 12)
			packet_add_field(p, &ah_icv, off + 12, hlen - 12, 0);
		break;
	case 50:
		packet_read_rows(p, esp_rows, 2, off);
		if (have > 8) {
			uint32_t n = ch->end > off + 8 ? ch->end - off - 8 : 0;
			if (n > have - 8)
				n = (uint32_t)(have - 8);
			if (n)
				packet_add_field(p, &esp_data, off + 8, n, 0);
		}
		ly->length = (uint32_t)(have < 8 ? have : 8);
		if (have < 8) {
			ly->truncated = true;
			if (!ly->quoted)
				decode_truncated(p, "esp", off, 8);
		}
		return 0; /* nothing after ESP can be read without its keys */
	}
	if (!whole) {
		if (!hlen || off + hlen <= ch->end) {
			ly->truncated = true;
			if (!ly->quoted)
				decode_truncated(p, proto_of(nxt), off, hlen ? hlen : 2);
		}
		return 0;
	}
	return hlen;
}

/* RFC 8200 §4.1: every extension header at most once, destination options
 * at most twice (where hop-by-hop may stand is checked by its decoder). */
static void check_repeats(struct packet *p, uint8_t nxt, uint32_t off, bool quoted,
			  uint32_t *seen)
{
	static const uint8_t kinds[] = {0, 43, 44, 50, 51, 60};
	unsigned k = 0;
	while (k < sizeof(kinds) && kinds[k] != nxt)
		k++;
	if (k == sizeof(kinds))
		return;
	/* two bits a kind: a count of 0, 1, 2 */
	unsigned count = (*seen >> (2 * k)) & 3;
	if (count == 1 + (nxt == 60))
		packet_problem(p, SEV_WARNING, NULL, "ipv6.ext.repeated", off,
			       _("%s again: RFC 8200 §4.1 allows each extension header once "
				 "(destination options twice)"),
			       _(title_of(nxt, quoted)));
	if (count < 3)
		*seen += 1u << (2 * k);
}

void decode_ipv6_ext(struct packet *p, uint8_t nxt, uint32_t off, uint32_t end,
		     const struct decode_ctx *ctx)
{
	struct chain ch = {.ctx = *ctx, .end = end, .ip_off = UINT32_MAX};
	ch.ctx.depth++;
	if (p->nlayers > 0) {
		const struct layer *prev = &p->layers[p->nlayers - 1];
		bool v6 = prev->proto[0] == 'i' && prev->proto[1] == 'p' && prev->proto[2] == 'v' &&
			  prev->proto[3] == '6' && prev->proto[4] == '\0';
		if (v6 && prev->offset + 40 == off) {
			ch.ip_off = prev->offset;
			ch.after_ipv6 = true;
		}
	}
	uint32_t seen = 0; /* which of the header kinds below came already */
	for (unsigned n = 0;; n++) {
		if (!is_extension(nxt)) {
			ch.ctx.ph.proto = nxt;
			ch.ctx.ph.length = ch.end > off ? ch.end - off : 0;
			decode_ip_proto(p, nxt, off, ch.end, &ch.ctx);
			return;
		}
		if (nxt == 59) {
			/* no next header: whatever follows is to be ignored */
			decode_payload(p, off, ch.end);
			return;
		}
		if (!cur_has(&p->bytes, off, 1) || off >= ch.end)
			return;
		if (n == MAX_EXT_HEADERS) {
			packet_problem(p, SEV_ERROR, NULL, "ipv6.ext.too_many", off,
				       _("more than %u extension headers in a row: a loop or an "
					 "attack; the rest is not decoded"),
				       MAX_EXT_HEADERS);
			decode_payload(p, off, ch.end);
			return;
		}
		check_repeats(p, nxt, off, ctx->quoted, &seen);
		int layer = packet_add_layer(p, proto_of(nxt), title_of(nxt, ctx->quoted), off,
					     ctx->quoted);
		if (layer < 0) {
			decode_payload(p, off, ch.end);
			return;
		}
		uint32_t hlen = decode_one(p, nxt, off, &ch, layer);
		ch.after_ipv6 = false;
		if (hlen == 0)
			return;
		cur_u8(&p->bytes, off, &nxt);
		off += hlen;
		if (ch.payload_only) {
			/* a later fragment continues someone else's header */
			decode_payload(p, off, ch.end);
			return;
		}
	}
}
