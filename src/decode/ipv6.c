/* ipv6.c - the IPv6 fixed header (RFC 8200 §3), traffic class as DSCP
 * (RFC 2474) and ECN (RFC 3168).  Extension headers are walked in
 * ipv6_ext.c, reached through decode_ip_proto. */
#include "decode.h"

#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"
#include "ipv4.h"

static void explain_version(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value == 6)
		sb_puts(o, _("6 → IPv6"));
	else
		sb_printf(o, _("%u: not 6, this is no IPv6 header"), (unsigned)f->value);
}

/* DSCP's name from the table IPv4's DS field uses: one byte, two headers. */
static const char *dscp_name(unsigned d)
{
	const char *n = value_name_find(ip_dscp_names, d);
	return n ? _(n) : _("not a standard code point");
}

static void explain_tclass(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	sb_printf(o, _("0x%02x: DSCP %u (%s), ECN %u (%s); the same byte as IPv4's TOS / DS "
		       "field"),
		  v, v >> 2, dscp_name(v >> 2), v & 3, _(value_name_find(ip_ecn_names, v & 3)));
}

static void explain_dscp(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, "%u → %s", (unsigned)f->value, dscp_name((unsigned)f->value));
}

static void explain_ecn(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, "%u → %s", (unsigned)f->value, _(value_name_find(ip_ecn_names, f->value)));
}

static void explain_flow(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value == 0)
		sb_puts(o, _("0: no flow label, the sender does not label its flows"));
	else
		sb_printf(o, _("0x%05x: a label the sender picked for this flow, so routers can "
			       "keep its packets on one path (RFC 6437)"),
			  (unsigned)f->value);
}

static void explain_plen(const struct packet *p, const struct field *f, struct strbuf *o)
{
	unsigned n = (unsigned)f->value;
	size_t have = cur_avail(&p->bytes, p->layers[f->layer].offset);
	sb_printf(o, _("%u bytes after the 40-byte header (extension headers included) → "
		       "%u bytes in all"),
		  n, n + 40);
	if (n == 0)
		sb_puts(o, _("; 0 can mean a jumbogram (RFC 2675)"));
	else if (have == n + 40u)
		sb_puts(o, _("  ✓ matches the bytes"));
	else if (have > n + 40u)
		sb_printf(o, _("  (%zu more bytes follow: link-layer trailer)"), have - n - 40);
	else
		sb_printf(o, _("  (only %zu captured)"), have);
}

static void explain_nxt(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(ip_proto_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? _(n) : _("unknown protocol"));
}

static void explain_hlim(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	sb_printf(o, _("%u hops left (IPv4's TTL under a truer name)"), v);
	if (v == 64)
		sb_puts(o, _("; 64 is Linux's and macOS's default"));
	else if (v == 255)
		sb_puts(o, _("; 255: neighbor discovery requires it, proving the sender is on-link"));
	else if (v == 0)
		sb_puts(o, _(": a router must discard it"));
}

/* What kind of address this is (RFC 4291 and the IANA special registry). */
static const char *ipv6_address_kind(const uint8_t a[16])
{
	bool zero12 = true;
	for (int i = 0; i < 12; i++)
		zero12 = zero12 && a[i] == 0;
	if (zero12 && a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 1)
		return N_("loopback");
	if (zero12 && a[12] == 0 && a[13] == 0 && a[14] == 0 && a[15] == 0)
		return N_("unspecified: no address yet");
	bool zero10 = true;
	for (int i = 0; i < 10; i++)
		zero10 = zero10 && a[i] == 0;
	if (zero10 && a[10] == 0xff && a[11] == 0xff)
		return N_("IPv4-mapped, ::ffff:0:0/96: an IPv4 address in IPv6 form");
	if (a[0] == 0xff)
		return N_("multicast, ff00::/8");
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
		return N_("link-local, fe80::/10: valid on this link only");
	if ((a[0] & 0xfe) == 0xfc)
		return N_("unique local, fc00::/7: private, like IPv4's RFC 1918");
	if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8)
		return N_("documentation, 2001:db8::/32 (RFC 3849)");
	if (a[0] == 0x20 && a[1] == 0x02)
		return N_("6to4, 2002::/16");
	if ((a[0] & 0xe0) == 0x20)
		return N_("global unicast, 2000::/3");
	return NULL;
}

static void explain_address(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 16);
	if (!a)
		return;
	char text[46];
	ipv6_format(a, text);
	sb_puts(o, text);
	const char *kind = ipv6_address_kind(a);
	if (kind)
		sb_printf(o, " (%s)", _(kind));
	if (a[0] == 0xff)
		sb_printf(o, _("; scope %u"), a[1] & 15u);
}

static const struct field_def ipv6_fields[] = {
	{"ipv6.version", N_("version"), FT_UINT, 0, 1, 0xf0, 0, 0, BASE_DEC, NULL, explain_version,
	 N_("IP version: 6 (RFC 8200 §3)")},
	/* Wireshark adds ip.version to every IPv6 header as a hidden item, so
	 * that "ip.version == 6" filters work; the row above already shows it. */
	{"ip.version", N_("version"), FT_UINT, 0, 1, 0xf0, 0, 0, BASE_DEC, NULL, explain_version,
	 N_("IP version, as Wireshark's hidden ip.version"), FIELD_HIDDEN},
	{"ipv6.tclass", N_("traffic class"), FT_UINT, 0, 2, 0x0ff0, 0, 0, BASE_HEX, NULL,
	 explain_tclass, N_("DSCP and ECN, as in IPv4's DS field")},
	{"ipv6.tclass.dscp", N_("DSCP"), FT_UINT, 0, 2, 0x0fc0, 0, 1, BASE_DEC, NULL, explain_dscp,
	 N_("differentiated services code point (RFC 2474)")},
	{"ipv6.tclass.ecn", N_("ECN"), FT_UINT, 0, 2, 0x0030, 0, 1, BASE_DEC, ip_ecn_names, explain_ecn,
	 N_("explicit congestion notification (RFC 3168)")},
	{"ipv6.flow", N_("flow label"), FT_UINT, 1, 3, 0x0fffff, 0, 0, BASE_HEX, NULL, explain_flow,
	 N_("20 bits naming a flow of packets (RFC 6437)")},
	{"ipv6.plen", N_("payload length"), FT_UINT, 4, 2, 0, 0, 0, BASE_DEC, NULL, explain_plen,
	 N_("bytes after this 40-byte header, extension headers included")},
	{"ipv6.nxt", N_("next header"), FT_UINT, 6, 1, 0, 0, 0, BASE_DEC, ip_proto_names,
	 explain_nxt, N_("the header that follows: an extension header or the upper layer")},
	{"ipv6.hlim", N_("hop limit"), FT_UINT, 7, 1, 0, 0, 0, BASE_DEC, NULL, explain_hlim,
	 N_("each router subtracts 1 and discards the packet at 0")},
	{"ipv6.src", N_("source"), FT_IPV6, 8, 16, 0, 0, 0, BASE_DEC, NULL, explain_address,
	 N_("the sender's address")},
	{"ipv6.dst", N_("destination"), FT_IPV6, 24, 16, 0, 0, 0, BASE_DEC, NULL, explain_address,
	 N_("the receiver's address")},
};
#define IPV6_ROWS (sizeof(ipv6_fields) / sizeof(ipv6_fields[0]))

void decode_ipv6(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "ipv6",
				     ctx->quoted ? N_("quoted IPv6 header") : N_("IPv6 header"), off,
				     ctx->quoted);
	if (layer < 0)
		return;
	size_t have = cur_avail(&p->bytes, off);
	p->layers[layer].length = (uint32_t)(have < 40 ? have : 40);
	size_t read = packet_read_rows(p, ipv6_fields, IPV6_ROWS, off);
	if (read < IPV6_ROWS) {
		p->layers[layer].truncated = true;
		decode_truncated(p, "ipv6", off, 40);
		return;
	}
	uint8_t v = 0, nxt = 0;
	uint16_t plen = 0;
	cur_u8(&p->bytes, off, &v);
	cur_be16(&p->bytes, off + 4, &plen);
	cur_u8(&p->bytes, off + 6, &nxt);
	if (v >> 4 != 6)
		packet_problem(p, SEV_ERROR, "ipv6.version", "ipv6.version.bad", off,
			       _("IP version %u in an IPv6 header"), v >> 4);

	uint32_t dend = off + 40 + plen;
	if (!ctx->quoted && !(plen == 0 && nxt == 0)) /* a jumbogram's length comes later */
		decode_note_wire_length(p, off, 40u + plen);
	if (plen == 0 && nxt == 0) {
		/* maybe a jumbogram (RFC 2675): its length is in a hop-by-hop
		 * option, so until that is read the datagram ends where the link
		 * layer's data does */
		dend = end < p->bytes.len ? end : (uint32_t)p->bytes.len;
		if (dend < off + 40)
			dend = off + 40;
	} else if (plen == 0) {
		/* a jumbo payload length needs a hop-by-hop option; without one,
		 * 0 really means no payload */
		dend = off + 40;
	} else if (dend > end && end < p->bytes.len && !ctx->quoted) {
		packet_problem(p, SEV_ERROR, "ipv6.plen", "ipv6.plen.beyond", off + 4,
			       _("payload length %u reaches past the %u bytes the link layer "
				 "carries"),
			       plen, end - off - 40);
	} else if (dend > p->bytes.len && !ctx->quoted && p->frame_whole) {
		/* the frame was this short on the wire: no snaplen cut it */
		packet_problem(p, SEV_ERROR, "ipv6.plen", "ipv6.plen.beyond", off + 4,
			       _("payload length %u reaches past the %zu bytes the frame had after "
				 "this header on the wire (tcpdump: \"truncated-ip6\"): the header "
				 "lies, or the frame lost its end on the way"),
			       plen, p->bytes.len - off - 40);
	} else if (dend > p->bytes.len && !ctx->quoted) {
		packet_problem(p, SEV_WARNING, "ipv6.plen", "capture.truncated",
			       (uint32_t)p->bytes.len,
			       _("the packet has %u bytes but the capture stops after %zu of them "
				 "(snaplen): %zu bytes were not captured"),
			       40u + plen, p->bytes.len - off, (size_t)dend - p->bytes.len);
	}
	if (!cur_has(&p->bytes, off + 40, 0))
		return;
	struct decode_ctx inner = *ctx;
	inner.depth++;
	inner.ph.family = 6;
	inner.ph.src_off = off + 8;
	inner.ph.dst_off = off + 24;
	inner.ph.length = dend - (off + 40);
	inner.ph.proto = nxt;
	/* extension headers (0, 43, 44, 60, ...) go on to ipv6_ext.c from there */
	decode_ip_proto(p, nxt, off + 40, dend, &inner);
}
