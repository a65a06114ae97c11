/* ipv4.c - the IPv4 header (RFC 791), DS field (RFC 2474) and ECN (RFC 3168). */
#include "decode.h"

#include "analyze/checksum.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"
#include "ipv4.h"

#include <string.h>

static void explain_version(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value == 4)
		sb_puts(o, _("4 → IPv4"));
	else
		sb_printf(o, _("%u: not 4, this is no IPv4 header"), (unsigned)f->value);
}

static void explain_hdr_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned words = (unsigned)f->value / 4;
	if (words < 5)
		sb_printf(o, _("%u × 4 = %u bytes: less than the 20-byte minimum"), words,
			  (unsigned)f->value);
	else if (words == 5)
		sb_printf(o, _("%u × 4 = %u bytes (no options)"), words, (unsigned)f->value);
	else
		sb_printf(o, _("%u × 4 = %u bytes → %u bytes of options"), words,
			  (unsigned)f->value, (unsigned)f->value - 20);
	/* how to find the header's end by eye in tcpdump's 4-digit groups */
	if (words >= 5)
		sb_printf(o, _("; in the dump: the first %u groups of 4 hex digits"), words * 2);
}

const struct value_name ip_dscp_names[] = {
	{0, N_("best effort (CS0)")},
	{8, N_("CS1, lower effort / scavenger")},
	{10, N_("AF11, high-throughput data")},
	{12, N_("AF12")},
	{14, N_("AF13")},
	{16, N_("CS2, network operations")},
	{18, N_("AF21, low-latency data")},
	{20, N_("AF22")},
	{22, N_("AF23")},
	{24, N_("CS3, broadcast video")},
	{26, N_("AF31, multimedia streaming")},
	{28, N_("AF32")},
	{30, N_("AF33")},
	{32, N_("CS4, real-time interactive")},
	{34, N_("AF41, multimedia conferencing")},
	{36, N_("AF42")},
	{38, N_("AF43")},
	{40, N_("CS5, signaling")},
	{44, N_("VOICE-ADMIT")},
	{46, N_("EF, expedited forwarding (telephony)")},
	{48, N_("CS6, network control")},
	{56, N_("CS7, reserved for network control")},
	{0, NULL},
};

const struct value_name ip_ecn_names[] = {
	{0, N_("Not-ECT: not ECN-capable")},
	{1, N_("ECT(1): ECN-capable transport")},
	{2, N_("ECT(0): ECN-capable transport")},
	{3, N_("CE: congestion experienced")},
	{0, NULL},
};

static void explain_dsfield(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *d = value_name_find(ip_dscp_names, f->value >> 2);
	const char *e = value_name_find(ip_ecn_names, f->value & 3);
	sb_printf(o, _("DSCP %u (%s), ECN %u (%s)"), (unsigned)(f->value >> 2),
		  d ? _(d) : _("unassigned"), (unsigned)(f->value & 3), _(e));
}

static void explain_total_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field *ihl = packet_find_in_layer(p, f->layer, "ip.hdr_len");
	unsigned hl = ihl ? (unsigned)ihl->value : 20;
	unsigned tl = (unsigned)f->value;
	size_t have = cur_avail(&p->bytes, p->layers[f->layer].offset);
	uint16_t wire = 0;
	/* total length 0 taken as the bytes carried (TSO/GRO, decode_ipv4) */
	if (cur_be16(&p->bytes, f->offset, &wire) && wire == 0 && tl != 0) {
		sb_printf(o, _("0 on the wire: a segmentation-offload (TSO/GRO) packet, whose "
			       "length the stack never wrote in; taken to be the %u bytes the link "
			       "layer carries, as tcpdump and Wireshark do = %u header + %u payload"),
			  tl, hl, tl > hl ? tl - hl : 0u);
		return;
	}
	sb_printf(o, _("0x%04x = %u bytes"), tl, tl);
	if (tl >= hl)
		sb_printf(o, _(" = %u header + %u payload"), hl, tl - hl);
	if (have == tl)
		sb_puts(o, _("  ✓ matches the bytes"));
	else if (have > tl)
		sb_printf(o, _("  (%zu more bytes follow: link-layer trailer)"), have - tl);
	else if (p->frame_whole && !p->layers[f->layer].quoted)
		sb_printf(o, _("  (the frame had only %zu on the wire)"), have);
	else
		sb_printf(o, _("  (only %zu captured)"), have);
}

static void explain_flags(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("none set: may be fragmented, last (or only) fragment"));
	else
		sb_printf(o, _("set: %s%s%s"), v & 4 ? _("reserved ") : "", v & 2 ? "DF " : "",
			  v & 1 ? "MF" : "");
}

static void explain_flag(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *name = f->def->name;
	if (name[9] == 'r') /* ip.flags.rb */
		sb_puts(o, f->value ? _("reserved bit set: must be 0 (RFC 791)")
				    : _("reserved, 0"));
	else if (name[9] == 'd')
		sb_puts(o, f->value ? _("DF 1: don't fragment") : _("DF 0: may be fragmented"));
	else
		sb_puts(o, f->value ? _("MF 1: more fragments follow")
				    : _("MF 0: last (or only) fragment"));
}

static void explain_frag_offset(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field *mf = packet_find_in_layer(p, f->layer, "ip.flags.mf");
	const struct field *tl = packet_find_in_layer(p, f->layer, "ip.len");
	const struct field *hl = packet_find_in_layer(p, f->layer, "ip.hdr_len");
	unsigned v = (unsigned)f->value;
	bool more = mf && mf->value;
	if (v == 0 && !more) {
		sb_puts(o, _("0 → not a fragment"));
		return;
	}
	if (v == 0)
		sb_puts(o, _("0 → first fragment"));
	else
		sb_printf(o, _("%u × 8 = byte %u of the original datagram"), v, v * 8);
	/* which stretch of the datagram's data this fragment brings */
	if (tl && hl && tl->value > hl->value) {
		unsigned n = (unsigned)(tl->value - hl->value);
		sb_printf(o, _(": carries bytes %u–%u of the datagram's data (%u bytes)"), v * 8,
			  v * 8 + n - 1, n);
		if (!more)
			sb_printf(o, _(", the last ones: the datagram's data is %u bytes"), v * 8 + n);
	}
}

static void explain_ttl(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	sb_printf(o, _("%u hops left"), v);
	if (v == 64)
		sb_puts(o, _(" (Linux's and macOS's default start value)"));
	else if (v == 128)
		sb_puts(o, _(" (Windows' default start value)"));
	else if (v == 255)
		sb_puts(o, _(" (the maximum; routers and network devices often start here)"));
	else if (v == 0)
		sb_puts(o, _(": a router must discard it"));
}

static void explain_proto(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(ip_proto_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? _(n) : _("unknown protocol"));
}

static void explain_checksum(const struct packet *p, const struct field *f, struct strbuf *o)
{
	explain_checksum_verdict(p, f, "ip.checksum.status", "ip.checksum_calculated", o);
}

static void explain_address(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 4);
	if (!a)
		return;
	sb_printf(o, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	const char *kind = ipv4_address_kind(a);
	if (kind)
		sb_printf(o, " (%s)", _(kind));
}

const struct value_name ip_proto_names[] = {
	{0, N_("IPv6 hop-by-hop options")},
	{1, N_("ICMP")},
	{2, N_("IGMP")},
	{4, N_("IPv4 in IPv4")},
	{6, N_("TCP")},
	{17, N_("UDP")},
	{41, N_("IPv6 in IPv4")},
	{43, N_("IPv6 routing header")},
	{44, N_("IPv6 fragment header")},
	{47, N_("GRE")},
	{50, N_("ESP")},
	{51, N_("AH")},
	{58, N_("ICMPv6")},
	{59, N_("no next header")},
	{60, N_("IPv6 destination options")},
	{89, N_("OSPF")},
	{103, N_("PIM")},
	{112, N_("VRRP")},
	{132, N_("SCTP")},
	{0, NULL},
};

static const struct field_def ip_fields[] = {
	{"ip.version", N_("version"), FT_UINT, 0, 1, 0xf0, 0, 0, BASE_DEC, NULL, explain_version,
	 N_("IP version: 4 for IPv4, 6 for IPv6 (RFC 791 §3.1)")},
	{"ip.hdr_len", N_("header length"), FT_UINT, 0, 1, 0x0f, 4, 0, BASE_DEC, NULL,
	 explain_hdr_len, N_("IHL: header length in 32-bit words, options included")},
	{"ip.dsfield", N_("TOS / DS field"), FT_UINT, 1, 1, 0, 0, 0, BASE_HEX, NULL, explain_dsfield,
	 N_("type of service, today DSCP (RFC 2474) and ECN (RFC 3168)")},
	{"ip.dsfield.dscp", N_("DSCP"), FT_UINT, 1, 1, 0xfc, 0, 1, BASE_DEC, ip_dscp_names, NULL,
	 N_("differentiated services code point: the forwarding class")},
	{"ip.dsfield.ecn", N_("ECN"), FT_UINT, 1, 1, 0x03, 0, 1, BASE_DEC, ip_ecn_names, NULL,
	 N_("explicit congestion notification (RFC 3168)")},
	{"ip.len", N_("total length"), FT_UINT, 2, 2, 0, 0, 0, BASE_DEC, NULL, explain_total_len,
	 N_("header plus data, in bytes; at most 65535")},
	{"ip.id", N_("identification"), FT_UINT, 4, 2, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("ties the fragments of one datagram together")},
	{"ip.flags", N_("flags"), FT_UINT, 6, 1, 0xe0, 0, 0, BASE_HEX, NULL, explain_flags,
	 N_("reserved, don't fragment (DF), more fragments (MF)")},
	{"ip.flags.rb", N_("reserved bit"), FT_BOOL, 6, 1, 0x80, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("must be zero (RFC 791)")},
	{"ip.flags.df", N_("don't fragment"), FT_BOOL, 6, 1, 0x40, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("routers must not fragment the datagram; used for path MTU discovery")},
	{"ip.flags.mf", N_("more fragments"), FT_BOOL, 6, 1, 0x20, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("set on every fragment except the last")},
	{"ip.frag_offset", N_("fragment offset"), FT_UINT, 6, 2, 0x1fff, 0, 0, BASE_DEC, NULL,
	 explain_frag_offset, N_("where this fragment's data sits in the datagram, in 8-byte units")},
	{"ip.ttl", N_("time to live"), FT_UINT, 8, 1, 0, 0, 0, BASE_DEC, NULL, explain_ttl,
	 N_("hops left: each router subtracts 1 and discards the datagram at 0")},
	{"ip.proto", N_("protocol"), FT_UINT, 9, 1, 0, 0, 0, BASE_DEC, ip_proto_names, explain_proto,
	 N_("the protocol of the data: 1 ICMP, 6 TCP, 17 UDP (IANA numbers)")},
	{"ip.checksum", N_("header checksum"), FT_UINT, 10, 2, 0, 0, 0, BASE_HEX, NULL,
	 explain_checksum, N_("ones'-complement sum over the header only (RFC 791, RFC 1071)")},
	{"ip.src", N_("source"), FT_IPV4, 12, 4, 0, 0, 0, BASE_DEC, NULL, explain_address,
	 N_("the sender's address")},
	{"ip.dst", N_("destination"), FT_IPV4, 16, 4, 0, 0, 0, BASE_DEC, NULL, explain_address,
	 N_("the receiver's address")},
};

const struct field_def ip_checksum_status = {
	"ip.checksum.status", N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC,
	checksum_status_names, NULL, N_("hexplain's verdict on the header checksum")};
const struct field_def ip_checksum_calculated = {
	"ip.checksum_calculated", N_("checksum calculated"), FT_UINT, 0, 0, 0, 0, 1, BASE_HEX,
	NULL, NULL, N_("the checksum the header should carry")};

#define IP_ROWS (sizeof(ip_fields) / sizeof(ip_fields[0]))

static void verify_header_checksum(struct packet *p, uint32_t off, unsigned hlen)
{
	uint32_t sum = 0;
	uint16_t stored = 0;
	if (hlen < 20 || !cur_be16(&p->bytes, off + 10, &stored) ||
	    !cksum_add(&sum, &p->bytes, off, hlen)) {
		packet_add_generated(p, &ip_checksum_status, CKSUM_UNVERIFIED);
		return;
	}
	/* Sum with the stored value zeroed: subtract it back out. */
	uint16_t without = (uint16_t)~cksum_fold(sum + (uint16_t)~stored);
	bool good = cksum_fold(sum) == 0xffff;
	packet_add_generated(p, &ip_checksum_status, good ? CKSUM_GOOD : CKSUM_BAD);
	packet_add_generated(p, &ip_checksum_calculated, without);
	if (!good)
		packet_problem(p, SEV_ERROR, "ip.checksum", "ip.checksum.bad", off + 10,
			       _("IPv4 header checksum 0x%04x is wrong: it should be 0x%04x"),
			       stored, without);
}

void decode_ipv4(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "ip", ctx->quoted ? N_("quoted IPv4 header") : N_("IPv4 header"),
				     off, ctx->quoted);
	if (layer < 0)
		return;
	uint8_t vihl = 0;
	if (cur_u8(&p->bytes, off, &vihl) && vihl >> 4 == 6) {
		/* the link layer says IPv4, the bytes are an IPv6 header: the
		 * version is all of the IPv4 header there is, and the rest is
		 * read as IPv6, as Wireshark does (tcpdump: "IP6, wrong
		 * link-layer encapsulation") */
		packet_read_row(p, &ip_fields[0], off, NULL);
		p->layers[layer].length = 1;
		packet_problem(p, SEV_ERROR, "ip.version", "ip.version.bad", off,
			       _("IP version 6 in an IPv4 header: the link layer says IPv4, but the "
				 "bytes are an IPv6 header, read as such below"));
		decode_ipv6(p, off, end, ctx);
		return;
	}
	if (cur_has(&p->bytes, off, 1) && vihl >> 4 != 4) {
		/* neither IPv4 nor IPv6: nothing after the version can be read
		 * as an IP header (Wireshark: "Bogus IP version"; tcpdump stops
		 * there too) */
		packet_read_row(p, &ip_fields[0], off, NULL);
		p->layers[layer].length = 1;
		packet_problem(p, SEV_ERROR, "ip.version", "ip.version.bad", off,
			       _("IP version %u is neither 4 nor 6: the rest is not an IP header "
				 "that can be read"),
			       vihl >> 4);
		return;
	}
	size_t read = packet_read_rows(p, ip_fields, IP_ROWS, off);
	unsigned hlen = (vihl & 0x0f) * 4u;
	p->layers[layer].length = (uint32_t)(cur_avail(&p->bytes, off) < 20 ? cur_avail(&p->bytes, off) : 20);
	if (read < IP_ROWS) {
		p->layers[layer].truncated = true;
		if (read > 0)
			packet_add_generated(p, &ip_checksum_status, CKSUM_UNVERIFIED);
		decode_truncated(p, "ip", off, 20);
		return;
	}
	if (hlen < 20) {
		packet_problem(p, SEV_ERROR, "ip.hdr_len", "ip.hdr_len.bad", off,
			       _("header length %u bytes is less than 20: the header is invalid"), hlen);
		packet_add_generated(p, &ip_checksum_status, CKSUM_UNVERIFIED);
		return;
	}
	p->layers[layer].length = hlen;
	verify_header_checksum(p, off, hlen);
	if (hlen > 20) {
		if (!cur_has(&p->bytes, off + 20, hlen - 20)) {
			p->layers[layer].truncated = true;
			decode_truncated(p, "ip", off, hlen);
		}
		decode_ipv4_options(p, off + 20, hlen - 20);
	}

	uint16_t total = 0, frag = 0;
	uint8_t proto = 0;
	cur_be16(&p->bytes, off + 2, &total);
	cur_be16(&p->bytes, off + 6, &frag);
	cur_u8(&p->bytes, off + 9, &proto);
	uint32_t dend = off + total;
	if (!ctx->quoted)
		decode_note_wire_length(p, off, total);
	if (total == 0 && !ctx->quoted && end > off + hlen) {
		/* TSO/GRO (segmentation offload): the stack hands over one big
		 * segment, often more than 64 KiB, which a capture on loopback
		 * shows with total length 0; tcpdump and Wireshark then take the
		 * datagram to be the bytes the link layer carries */
		packet_problem(p, SEV_NOTE, "ip.len", "ip.len.tso", off + 2,
			       _("total length 0: a segmentation-offload (TSO/GRO) packet; its "
				 "length is the %u bytes captured"),
			       end - off);
		dend = end;
		/* Wireshark's ip.len is then that length, "reported as 0": the
		 * value a filter on it matches; the bytes stay what they are */
		for (size_t i = p->nfields; i-- > 0;)
			if (p->fields[i].layer == layer && strcmp(p->fields[i].def->name, "ip.len") == 0) {
				p->fields[i].value = end - off;
				break;
			}
	} else if (total < hlen) {
		packet_problem(p, SEV_ERROR, "ip.len", "ip.len.bad", off + 2,
			       _("total length %u is less than the header length %u"), total, hlen);
		dend = off + hlen;
	} else if (dend > end && end < p->bytes.len && !ctx->quoted) {
		/* the enclosing layer says the datagram is shorter: one of them lies
		 * (a quoted copy is cut short by design, whatever follows it) */
		packet_problem(p, SEV_ERROR, "ip.len", "ip.len.beyond", off + 2,
			       _("total length %u reaches past the %u bytes the link layer carries"),
			       total, end - off);
	} else if (dend > p->bytes.len && !ctx->quoted && p->frame_whole) {
		/* the frame was this short on the wire: no snaplen cut it */
		packet_problem(p, SEV_ERROR, "ip.len", "ip.len.beyond", off + 2,
			       _("total length %u reaches past the %zu bytes the frame had on the "
				 "wire (tcpdump: \"truncated-ip\"): the header lies, or the frame "
				 "lost its end on the way"),
			       total, p->bytes.len - off);
	} else if (dend > p->bytes.len && !ctx->quoted) {
		/* the capture stopped early (snaplen); a quoted copy is short by design */
		packet_problem(p, SEV_WARNING, "ip.len", "capture.truncated", (uint32_t)p->bytes.len,
			       _("the datagram has %u bytes but the capture stops after %zu of them "
				 "(snaplen): %zu bytes were not captured"),
			       total, p->bytes.len - off, off + total - p->bytes.len);
	}
	if (!cur_has(&p->bytes, off + hlen, 0))
		return;

	if ((frag & 0x1fff) != 0) {
		/* A later fragment: its bytes continue someone else's header. */
		decode_payload(p, off + hlen, dend);
		return;
	}
	struct decode_ctx inner = *ctx;
	inner.depth++;
	inner.ph.family = 4;
	inner.ph.src_off = off + 12;
	inner.ph.dst_off = off + 16;
	inner.ph.length = dend - (off + hlen);
	inner.ph.proto = proto;
	if (frag & 0x2000)
		inner.ph.family = 0; /* first fragment: the segment is incomplete */
	/* a copy's bytes end with what holds it, whatever its length says
	 * (an NHRP traffic indication's extensions follow it) */
	if (ctx->quoted && dend > end && end >= off + hlen)
		dend = end;
	decode_ip_proto(p, proto, off + hlen, dend, &inner);
}
