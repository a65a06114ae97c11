/* tunnel.c - the encapsulations that carry a whole packet inside another:
 * VXLAN (RFC 7348) and VXLAN-GPE with NSH (RFC 8300), GENEVE (RFC 8926),
 * MPLS over UDP (RFC 7510), GRE (RFC 2784, RFC 2890) with ERSPAN types I,
 * II and III and WCCP redirection, and PIM register (RFC 7761 §4.9.3).
 *
 * Each tunnel header is shown with its main fields and then left behind:
 * the packet inside is decoded by the normal decoders, as Wireshark does,
 * so its Ethernet, IP, TCP, UDP and ICMP fields are the same names with
 * one more instance each.  Names are Wireshark's where the value means
 * the same; the GENEVE options length, which tshark gives under the same
 * name as each option's length, is hexplain's own. */
#include "decode.h"

#include "core/i18n.h"
#include "core/strbuf.h"

enum {
	PORT_VXLAN = 4789,
	PORT_VXLAN_GPE = 4790,
	PORT_GENEVE = 6081,
	PORT_MPLS_UDP = 6635,
	PORT_SFLOW = 6343,
	ETHERTYPE_TEB = 0x6558, /* transparent Ethernet bridging: an Ethernet frame */
	ETHERTYPE_ERSPAN_2 = 0x88be,
	ETHERTYPE_NHRP = 0x2001,
	ETHERTYPE_ERSPAN_3 = 0x22eb,
	ETHERTYPE_WCCP = 0x883e,
};

static void explain_vni(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u: the virtual network (segment) the inner frame belongs to, like a "
		       "VLAN ID with 24 bits"),
		  (unsigned)f->value);
}

static void explain_inner_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == ETHERTYPE_TEB)
		sb_puts(o, _("0x6558 → an Ethernet frame follows (transparent Ethernet bridging)"));
	else if (v == 0x0800)
		sb_puts(o, _("0x0800 → an IPv4 packet follows"));
	else if (v == 0x86dd)
		sb_puts(o, _("0x86dd → an IPv6 packet follows"));
	else if (v == ETHERTYPE_ERSPAN_2)
		sb_puts(o, _("0x88be → ERSPAN type I or II: a mirrored frame follows"));
	else if (v == ETHERTYPE_ERSPAN_3)
		sb_puts(o, _("0x22eb → ERSPAN type III: a mirrored frame follows"));
	else if (v == ETHERTYPE_WCCP)
		sb_puts(o, _("0x883e → WCCP redirect header, then the redirected IPv4 packet"));
	else
		sb_printf(o, _("0x%04x: an EtherType, the protocol of what follows"), v);
}

static void explain_gpe_next(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	static const char *const names[] = {NULL, N_("IPv4"), N_("IPv6"), N_("Ethernet"),
					    N_("NSH (network service header)")};
	unsigned v = (unsigned)f->value;
	if (v >= 1 && v <= 4)
		sb_printf(o, "%u → %s", v, _(names[v]));
	else
		sb_printf(o, _("%u: unknown next protocol"), v);
}

/* --- VXLAN --- */

static const struct field_def vxlan_rows[] = {
	{"vxlan.flags", N_("flags"), FT_UINT, 0, 2, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("only the I flag (0x0800) is defined: the VNI is valid (RFC 7348 §5)")},
	{"vxlan.flag_i", N_("I flag"), FT_BOOL, 0, 2, 0x0800, 0, 1, BASE_DEC, NULL, NULL,
	 N_("must be 1: the VXLAN network identifier is valid")},
	{"vxlan.vni", N_("VNI"), FT_UINT, 4, 4, 0xffffff00, 0, 0, BASE_DEC, NULL, explain_vni,
	 N_("VXLAN network identifier: which overlay network (24 bits)")},
	{"vxlan.reserved8", N_("reserved"), FT_UINT, 7, 1, 0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("zero")},
};

static const struct field_def gpe_rows[] = {
	{"vxlan.flags", N_("flags"), FT_UINT, 0, 1, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("version, I (VNI valid), P (next protocol present), O (OAM)")},
	{"vxlan.next_proto", N_("next protocol"), FT_UINT, 3, 1, 0, 0, 0, BASE_DEC, NULL,
	 explain_gpe_next, N_("what follows: 1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH")},
	{"vxlan.vni", N_("VNI"), FT_UINT, 4, 4, 0xffffff00, 0, 0, BASE_DEC, NULL, explain_vni,
	 N_("VXLAN network identifier: which overlay network (24 bits)")},
	{"vxlan.reserved8", N_("reserved"), FT_UINT, 7, 1, 0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("zero")},
};

static const struct field_def nsh_rows[] = {
	{"nsh.version", N_("version"), FT_UINT, 0, 2, 0xc000, 0, 0, BASE_DEC, NULL, NULL,
	 N_("NSH version, 0 (RFC 8300 §2.2)")},
	{"nsh.length", N_("length"), FT_UINT, 0, 2, 0x003f, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the whole NSH header in 4-byte words")},
	{"nsh.mdtype", N_("MD type"), FT_UINT, 2, 1, 0x0f, 0, 0, BASE_DEC, NULL, NULL,
	 N_("metadata format: 1 fixed, 2 variable-length context headers")},
	{"nsh.nextproto", N_("next protocol"), FT_UINT, 3, 1, 0, 0, 0, BASE_DEC, NULL,
	 explain_gpe_next, N_("what follows: 1 IPv4, 2 IPv6, 3 Ethernet")},
	{"nsh.spi", N_("service path"), FT_UINT, 4, 4, 0xffffff00, 0, 0, BASE_DEC, NULL, NULL,
	 N_("service path identifier: the chain of service functions")},
	{"nsh.si", N_("service index"), FT_UINT, 7, 1, 0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("where along the path the packet is; each function decrements it")},
};

/* --- GENEVE --- */

static const struct field_def geneve_rows[] = {
	{"geneve.version", N_("version"), FT_UINT, 0, 1, 0xc0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("0 (RFC 8926 §3.4)")},
	{"hexplain.geneve.options_length", N_("options length"), FT_UINT, 0, 1, 0x3f, 4, 0,
	 BASE_DEC, NULL, NULL, N_("bytes of options after the 8-byte header, counted in 4-byte words")},
	{"geneve.flags", N_("flags"), FT_UINT, 1, 1, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("O (control packet) and C (critical options present)")},
	{"geneve.flags.oam", N_("O flag"), FT_BOOL, 1, 1, 0x80, 0, 1, BASE_DEC, NULL, NULL,
	 N_("a control (OAM) packet, not data")},
	{"geneve.flags.critical", N_("C flag"), FT_BOOL, 1, 1, 0x40, 0, 1, BASE_DEC, NULL, NULL,
	 N_("critical options present: a receiver that does not know them must drop")},
	{"geneve.proto_type", N_("protocol type"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, NULL,
	 explain_inner_type, N_("EtherType of the payload; 0x6558 for Ethernet")},
	{"geneve.vni", N_("VNI"), FT_UINT, 4, 4, 0xffffff00, 0, 0, BASE_DEC, NULL, explain_vni,
	 N_("virtual network identifier (24 bits)")},
	{"geneve.reserved", N_("reserved"), FT_UINT, 7, 1, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("zero")},
};
static const struct field_def geneve_options = {
	"geneve.options", N_("options"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("type-length-value options (class, type, length, data)")};

/* --- MPLS --- */

static const struct field_def mpls_rows[] = {
	{"mpls.label", N_("label"), FT_UINT, 0, 4, 0xfffff000, 0, 0, BASE_DEC, NULL, NULL,
	 N_("20-bit label: what the next router does with the packet (RFC 3032)")},
	{"mpls.exp", N_("traffic class"), FT_UINT, 0, 4, 0x00000e00, 0, 0, BASE_DEC, NULL, NULL,
	 N_("3 bits of QoS, formerly \"experimental\" (RFC 5462)")},
	{"mpls.bottom", N_("bottom of stack"), FT_UINT, 0, 4, 0x00000100, 0, 0, BASE_DEC, NULL,
	 NULL, N_("1 on the last label: the packet follows")},
	{"mpls.ttl", N_("time to live"), FT_UINT, 0, 4, 0x000000ff, 0, 0, BASE_DEC, NULL, NULL,
	 N_("hops left, like IP's")},
};

/* --- GRE and ERSPAN --- */

static const struct field_def gre_rows[] = {
	{"gre.flags_and_version", N_("flags and version"), FT_UINT, 0, 2, 0, 0, 0, BASE_HEX, NULL,
	 NULL, N_("C, R, K, S flags, recursion, and the version (RFC 2784, RFC 2890)")},
	{"gre.flags.checksum", N_("checksum present"), FT_BOOL, 0, 2, 0x8000, 0, 1, BASE_DEC,
	 NULL, NULL, N_("C: a checksum and offset follow the protocol type")},
	{"gre.flags.routing", N_("routing present"), FT_BOOL, 0, 2, 0x4000, 0, 1, BASE_DEC, NULL,
	 NULL, N_("R: source routing (RFC 1701, deprecated)")},
	{"gre.flags.key", N_("key present"), FT_BOOL, 0, 2, 0x2000, 0, 1, BASE_DEC, NULL, NULL,
	 N_("K: a 4-byte key identifies the flow (RFC 2890)")},
	{"gre.flags.sequence_number", N_("sequence present"), FT_BOOL, 0, 2, 0x1000, 0, 1,
	 BASE_DEC, NULL, NULL, N_("S: a 4-byte sequence number follows (RFC 2890)")},
	{"gre.flags.version", N_("version"), FT_UINT, 0, 2, 0x0007, 0, 1, BASE_DEC, NULL, NULL,
	 N_("0 for GRE; 1 is PPTP's enhanced GRE")},
	{"gre.proto", N_("protocol type"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, NULL,
	 explain_inner_type, N_("EtherType of the payload")},
};
static const struct field_def gre_checksum = {
	"gre.checksum", N_("checksum"), FT_UINT, 0, 2, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("ones'-complement sum over the GRE header and payload")};
static const struct field_def gre_key = {
	"gre.key", N_("key"), FT_UINT, 0, 4, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("identifies a flow within the tunnel (RFC 2890 §2.1)")};
static const struct field_def gre_sequence = {
	"gre.sequence_number", N_("sequence number"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC, NULL,
	NULL, N_("counts the packets of the tunnel, for in-order delivery (RFC 2890 §2.2)")};

/* ERSPAN types II and III share their first 4 bytes. */
static const struct field_def erspan2_rows[] = {
	{"erspan.version", N_("version"), FT_UINT, 0, 2, 0xf000, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1 for type II, 2 for type III")},
	{"erspan.vlan", N_("VLAN"), FT_UINT, 0, 2, 0x0fff, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the VLAN of the mirrored frame")},
	{"erspan.cos", N_("class of service"), FT_UINT, 2, 2, 0xe000, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the mirrored frame's priority")},
	{"erspan.truncated", N_("truncated"), FT_UINT, 2, 2, 0x0400, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1: the mirrored frame was cut to fit")},
	{"erspan.spanid", N_("session ID"), FT_UINT, 2, 2, 0x03ff, 0, 0, BASE_DEC, NULL, NULL,
	 N_("which mirroring session sent it")},
	{"erspan.index", N_("index"), FT_UINT, 4, 4, 0x000fffff, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the port the frame was mirrored from")},
};
static const struct field_def erspan3_rows[] = {
	{"erspan.version", N_("version"), FT_UINT, 0, 2, 0xf000, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1 for type II, 2 for type III")},
	{"erspan.vlan", N_("VLAN"), FT_UINT, 0, 2, 0x0fff, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the VLAN of the mirrored frame")},
	{"erspan.cos", N_("class of service"), FT_UINT, 2, 2, 0xe000, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the mirrored frame's priority")},
	{"erspan.truncated", N_("truncated"), FT_UINT, 2, 2, 0x0400, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1: the mirrored frame was cut to fit")},
	{"erspan.spanid", N_("session ID"), FT_UINT, 2, 2, 0x03ff, 0, 0, BASE_DEC, NULL, NULL,
	 N_("which mirroring session sent it")},
	{"erspan.timestamp", N_("timestamp"), FT_UINT, 4, 4, 0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("when the frame was mirrored, in units the granularity field gives")},
	{"erspan.sgt", N_("security group tag"), FT_UINT, 8, 2, 0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the source's security group")},
	{"erspan.ft", N_("frame type"), FT_UINT, 10, 2, 0x7c00, 0, 0, BASE_DEC, NULL, NULL,
	 N_("what was mirrored: 0 an Ethernet frame, 2 an IP packet")},
	{"erspan.o", N_("optional header"), FT_UINT, 10, 2, 0x0001, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1: an 8-byte platform-specific subheader follows")},
};
static const struct field_def wccp_redirect = {
	"hexplain.wccp.redirect_header", N_("redirect header"), FT_BYTES, 0, 4, 0, 0, 0, BASE_HEX,
	NULL, NULL, N_("WCCP's service and bucket (draft-wilson-wrec-wccp-v2), then the packet")};

/* --- PIM register --- */

static const struct field_def pim_rows[] = {
	{"pim.version", N_("version"), FT_UINT, 0, 1, 0xf0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("2 (RFC 7761)")},
	{"pim.type", N_("type"), FT_UINT, 0, 1, 0x0f, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the message: 0 hello, 1 register, 2 register-stop, 3 join/prune, ...")},
	{"pim.cksum", N_("checksum"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("ones'-complement sum; for a register, over the PIM header only")},
};
static const struct field_def pim_register_flag = {
	"pim.register_flag", N_("register flags"), FT_UINT, 4, 4, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("B (border) and N (null register); the encapsulated packet follows")};


/* Opens a tunnel layer and reads its fixed rows; false when cut short. */
static bool tunnel_header(struct packet *p, const char *proto, const char *title,
			  const struct field_def *rows, size_t n, uint32_t off, uint32_t hlen,
			  const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, proto, title, off, ctx->quoted);
	if (layer < 0)
		return false;
	size_t avail = cur_avail(&p->bytes, off);
	p->layers[layer].length = (uint32_t)(avail < hlen ? avail : hlen);
	if (packet_read_rows(p, rows, n, off) < n || avail < hlen) {
		p->layers[layer].truncated = true;
		if (!ctx->quoted)
			decode_truncated(p, proto, off, hlen);
		return false;
	}
	return true;
}

static struct decode_ctx inner_ctx(const struct decode_ctx *ctx, uint32_t end)
{
	struct decode_ctx in = *ctx;
	in.depth++;
	in.ph.family = 0;
	in.frame_end = end; /* an inner Ethernet frame ends with its carrier */
	return in;
}

/* An IP packet whose version the first nibble says. */
static void decode_ip_by_version(struct packet *p, uint32_t off, uint32_t end,
				 const struct decode_ctx *ctx)
{
	uint8_t v = 0;
	if (!cur_u8(&p->bytes, off, &v))
		return;
	if (v >> 4 == 4)
		decode_ipv4(p, off, end, ctx);
	else if (v >> 4 == 6)
		decode_ipv6(p, off, end, ctx);
	else
		decode_payload(p, off, end);
}

void decode_nsh(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	uint16_t first = 0;
	cur_be16(&p->bytes, off, &first);
	uint32_t hlen = (first & 0x3f) * 4u;
	if (hlen < 8)
		hlen = 8;
	if (!tunnel_header(p, "nsh", N_("NSH header"), nsh_rows, ROWS(nsh_rows), off, hlen, ctx))
		return;
	uint8_t next = 0;
	cur_u8(&p->bytes, off + 3, &next);
	struct decode_ctx in = inner_ctx(ctx, end);
	if (next == 1 || next == 2)
		decode_ip_by_version(p, off + hlen, end, &in);
	else if (next == 3)
		decode_ether(p, off + hlen, &in);
	else
		decode_payload(p, off + hlen, end);
}

void decode_mpls(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "mpls", N_("MPLS label stack"), off, ctx->quoted);
	if (layer < 0)
		return;
	uint32_t at = off;
	for (unsigned n = 0; n < 16; n++) {
		uint32_t entry = 0;
		if (packet_read_rows(p, mpls_rows, ROWS(mpls_rows), at) < ROWS(mpls_rows) ||
		    !cur_be32(&p->bytes, at, &entry)) {
			p->layers[layer].truncated = true;
			decode_truncated(p, "mpls", at, 4);
			return;
		}
		at += 4;
		p->layers[layer].length = at - off;
		if (entry & 0x100)
			break;
	}
	struct decode_ctx in = inner_ctx(ctx, end);
	decode_ip_by_version(p, at, end, &in);
}

bool decode_udp_tunnel(struct packet *p, uint16_t sport, uint16_t dport, uint32_t off,
		       uint32_t end, const struct decode_ctx *ctx)
{
	(void)sport;
	if (ctx->depth > 6 || !cur_has(&p->bytes, off, 1))
		return false;
	struct decode_ctx in = inner_ctx(ctx, end);
	switch (dport) {
	case PORT_VXLAN:
		if (tunnel_header(p, "vxlan", N_("VXLAN header"), vxlan_rows, ROWS(vxlan_rows), off,
				  8, ctx))
			decode_ether(p, off + 8, &in);
		return true;
	case PORT_VXLAN_GPE: {
		if (!tunnel_header(p, "vxlan", N_("VXLAN-GPE header"), gpe_rows, ROWS(gpe_rows),
				   off, 8, ctx))
			return true;
		uint8_t next = 0;
		cur_u8(&p->bytes, off + 3, &next);
		if (next == 1 || next == 2)
			decode_ip_by_version(p, off + 8, end, &in);
		else if (next == 3)
			decode_ether(p, off + 8, &in);
		else if (next == 4)
			decode_nsh(p, off + 8, end, &in);
		else
			decode_payload(p, off + 8, end);
		return true;
	}
	case PORT_GENEVE: {
		uint8_t vo = 0;
		uint16_t type = 0;
		cur_u8(&p->bytes, off, &vo);
		cur_be16(&p->bytes, off + 2, &type);
		uint32_t optlen = (vo & 0x3fu) * 4u;
		if (!tunnel_header(p, "geneve", N_("GENEVE header"), geneve_rows,
				   ROWS(geneve_rows), off, 8 + optlen, ctx))
			return true;
		if (optlen)
			packet_add_field(p, &geneve_options, off + 8, optlen, 0);
		if (type == ETHERTYPE_TEB)
			decode_ether(p, off + 8 + optlen, &in);
		else
			decode_ethertype(p, type, off + 8 + optlen, end, &in);
		return true;
	}
	case PORT_MPLS_UDP:
		decode_mpls(p, off, end, ctx);
		return true;
	case PORT_SFLOW:
		return decode_sflow(p, off, end, ctx);
	default:
		return false;
	}
}

void decode_gre(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	uint16_t fv = 0, proto = 0;
	cur_be16(&p->bytes, off, &fv);
	cur_be16(&p->bytes, off + 2, &proto);
	uint32_t hlen = 4 + ((fv & 0xc000) ? 4 : 0) + ((fv & 0x2000) ? 4 : 0) +
			((fv & 0x1000) ? 4 : 0);
	if (ctx->depth > 6 || (fv & 0x4007) != 0) {
		/* routing present (RFC 1701) or enhanced GRE (PPTP): not decoded */
		decode_payload(p, off, end);
		return;
	}
	if (!tunnel_header(p, "gre", N_("GRE header"), gre_rows, ROWS(gre_rows), off, hlen, ctx))
		return;
	uint32_t at = off + 4;
	if (fv & 0x8000) {
		uint16_t c = 0;
		cur_be16(&p->bytes, at, &c);
		packet_add_field(p, &gre_checksum, at, 2, c);
		at += 4;
	}
	uint32_t v = 0;
	if (fv & 0x2000) {
		cur_be32(&p->bytes, at, &v);
		packet_add_field(p, &gre_key, at, 4, v);
		at += 4;
	}
	if (fv & 0x1000) {
		cur_be32(&p->bytes, at, &v);
		packet_add_field(p, &gre_sequence, at, 4, v);
		at += 4;
	}
	struct decode_ctx in = inner_ctx(ctx, end);
	switch (proto) {
	case ETHERTYPE_TEB:
		decode_ether(p, at, &in);
		return;
	case ETHERTYPE_ERSPAN_2:
		/* type I has no header of its own; type II is told by the S flag */
		if ((fv & 0x1000) && !tunnel_header(p, "erspan", N_("ERSPAN type II header"),
						    erspan2_rows, ROWS(erspan2_rows), at, 8, ctx))
			return;
		decode_ether(p, at + ((fv & 0x1000) ? 8 : 0), &in);
		return;
	case ETHERTYPE_ERSPAN_3: {
		uint16_t flags = 0;
		cur_be16(&p->bytes, at + 10, &flags);
		uint32_t elen = 12 + ((flags & 1) ? 8 : 0);
		if (!tunnel_header(p, "erspan", N_("ERSPAN type III header"), erspan3_rows,
				   ROWS(erspan3_rows), at, elen, ctx))
			return;
		/* the frame type: 0 Ethernet; others (2 IP, 7 ...) tshark leaves as data */
		if ((flags & 0x7c00) == 0)
			decode_ether(p, at + elen, &in);
		else
			decode_payload(p, at + elen, end);
		return;
	}
	case ETHERTYPE_NHRP:
		decode_nhrp(p, at, end, &in);
		return;
	case ETHERTYPE_WCCP:
		if (!cur_has(&p->bytes, at, 4))
			return;
		packet_add_field(p, &wccp_redirect, at, 4, 0);
		decode_ip_by_version(p, at + 4, end, &in);
		return;
	default:
		decode_ethertype(p, proto, at, end, &in);
		return;
	}
}

void decode_pim(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	uint8_t vt = 0;
	cur_u8(&p->bytes, off, &vt);
	bool reg = (vt & 0x0f) == 1 && (vt >> 4) == 2;
	if (!tunnel_header(p, "pim", N_("PIM header"), pim_rows, ROWS(pim_rows), off,
			   reg ? 8 : 4, ctx))
		return;
	if (!reg || ctx->depth > 6) {
		decode_payload(p, off + 4, end);
		return;
	}
	uint32_t flags = 0;
	cur_be32(&p->bytes, off + 4, &flags);
	packet_add_field(p, &pim_register_flag, off + 4, 4, flags);
	struct decode_ctx in = inner_ctx(ctx, end);
	decode_ip_by_version(p, off + 8, end, &in);
}
