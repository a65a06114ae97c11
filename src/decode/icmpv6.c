/* icmpv6.c - ICMPv6 (RFC 4443): errors quoting the offending packet, echo,
 * multicast listener discovery (RFC 2710, RFC 3810) and neighbor discovery
 * (RFC 4861) with its options (RFC 4861 §4.6, RFC 8106 RDNSS). */
#include "decode.h"

#include <string.h>

#include "analyze/checksum.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

static const struct value_name type_names[] = {
	{1, N_("destination unreachable")},
	{2, N_("packet too big")},
	{3, N_("time exceeded")},
	{4, N_("parameter problem")},
	{128, N_("echo request")},
	{129, N_("echo reply")},
	{130, N_("multicast listener query")},
	{131, N_("multicast listener report (MLDv1)")},
	{132, N_("multicast listener done")},
	{133, N_("router solicitation")},
	{134, N_("router advertisement")},
	{135, N_("neighbor solicitation")},
	{136, N_("neighbor advertisement")},
	{137, N_("redirect")},
	{138, N_("router renumbering")},
	{139, N_("node information query")},
	{140, N_("node information reply")},
	{143, N_("multicast listener report (MLDv2)")},
	{0, NULL},
};

static const struct value_name unreach_codes[] = {
	{0, N_("no route to destination")},
	{1, N_("communication administratively prohibited")},
	{2, N_("beyond scope of source address")},
	{3, N_("address unreachable")},
	{4, N_("port unreachable")},
	{5, N_("source address failed ingress/egress policy")},
	{6, N_("reject route to destination")},
	{7, N_("error in source routing header")},
	{0, NULL},
};

static const struct value_name time_codes[] = {
	{0, N_("hop limit exceeded in transit")},
	{1, N_("fragment reassembly time exceeded")},
	{0, NULL},
};

static const struct value_name param_codes[] = {
	{0, N_("erroneous header field")},
	{1, N_("unrecognized next header type")},
	{2, N_("unrecognized IPv6 option")},
	{3, N_("IPv6 first fragment has incomplete header chain (RFC 7112)")},
	{0, NULL},
};

static bool is_nd(unsigned type)
{
	return type >= 133 && type <= 137;
}

static void explain_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned t = (unsigned)f->value;
	const char *n = value_name_find(type_names, t);
	sb_printf(o, "%u → %s", t, n ? _(n) : _("unknown type"));
	if (t < 128)
		sb_puts(o, _(" (below 128: an error message, quoting the packet that caused it)"));
	switch (t) {
	case 128:
		sb_puts(o, _(": ping asks for an echo reply"));
		break;
	case 133:
		sb_puts(o, _(": \"routers, please announce yourselves\""));
		break;
	case 134:
		sb_puts(o, _(": a router announces itself, its prefixes and settings (SLAAC)"));
		break;
	case 135: {
		const struct field *t_ = packet_find_in_layer(p, f->layer, "icmpv6.nd.ns.target_address");
		const uint8_t *a = t_ ? cur_bytes(&p->bytes, t_->offset, 16) : NULL;
		char text[46];
		if (a) {
			ipv6_format(a, text);
			sb_printf(o, _(": who has %s? — IPv6's ARP"), text);
		} else {
			sb_puts(o, _(": who has this address? — IPv6's ARP"));
		}
		break;
	}
	case 136:
		sb_puts(o, _(": the answer to a neighbor solicitation, like an ARP reply"));
		break;
	case 137:
		sb_puts(o, _(": a router points to a better first hop"));
		break;
	default:
		break;
	}
}

static void explain_code(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field *t = packet_find_in_layer(p, f->layer, "icmpv6.type");
	unsigned type = t ? (unsigned)t->value : 0, c = (unsigned)f->value;
	const struct value_name *names = type == 1 ? unreach_codes
				       : type == 3 ? time_codes
				       : type == 4 ? param_codes
						   : NULL;
	const char *n = value_name_find(names, c);
	if (n)
		sb_printf(o, "%u → %s", c, _(n));
	else if (c == 0)
		sb_puts(o, _("0 (this type has no codes)"));
	else
		sb_printf(o, _("%u: not defined for this type"), c);
}

static void explain_checksum(const struct packet *p, const struct field *f, struct strbuf *o)
{
	if (packet_find_in_layer(p, f->layer, "hexplain.icmpv6.checksum.status")) {
		sb_printf(o, _("not verified: the IPv6 header gives the message more bytes than the "
			       "%zu the frame had on the wire, and the sum covers every byte (tshark "
			       "sums the bytes there are and calls that bad)"),
			  cur_avail(&p->bytes, p->layers[f->layer].offset));
		return;
	}
	explain_checksum_verdict(p, f, "icmpv6.checksum.status",
				 "hexplain.icmpv6.checksum_calculated", o);
	sb_puts(o, _("; unlike ICMPv4's, it covers an IPv6 pseudo-header (addresses, length, "
		     "next header 58)"));
}

static void explain_address(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 16);
	char text[46];
	if (!a)
		return;
	ipv6_format(a, text);
	sb_puts(o, text);
	if (a[0] == 0xff)
		sb_puts(o, _(" (multicast group)"));
	else if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
		sb_puts(o, _(" (link-local)"));
}

static void explain_mtu(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned m = (unsigned)f->value;
	sb_printf(o, _("%u bytes: the largest packet the next link takes; IPv6 routers never "
		       "fragment, so the sender must send smaller packets"),
		  m);
	if (m < 1280)
		sb_puts(o, _(" (below IPv6's minimum MTU of 1280)"));
}

static void explain_pointer(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	static const char *const fixed[] = {N_("version / traffic class"), N_("traffic class / flow label"),
		N_("flow label"), N_("flow label"), N_("payload length"), N_("payload length"),
		N_("next header"), N_("hop limit")};
	if (v < 8)
		sb_printf(o, _("byte %u of the quoted packet is wrong: its %s"), v, _(fixed[v]));
	else if (v < 40)
		sb_printf(o, _("byte %u of the quoted packet is wrong: in its %s address"), v,
			  v < 24 ? _("source") : _("destination"));
	else
		sb_printf(o, _("byte %u of the quoted packet is wrong: past the 40-byte header, in "
			       "an extension header or beyond"),
			  v);
}

static void explain_reserved(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
	bool zero = true;
	for (uint32_t i = 0; b && i < f->length; i++)
		zero = zero && b[i] == 0;
	sb_puts(o, zero ? _("reserved, zero as it must be") : _("reserved, but not zero"));
}

static void explain_ident(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("0x%04x = %u: picked by the sender (often its process id); the reply "
		       "carries the same value"),
		  (unsigned)f->value, (unsigned)f->value);
}

static void explain_seq(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u: counts the requests of one ping run (icmp_seq in ping's output); "
		       "the reply repeats it"),
		  (unsigned)f->value);
}

static void explain_seconds(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	uint32_t v = (uint32_t)f->value;
	if (v == 0xffffffffu)
		sb_puts(o, _("0xffffffff: infinity"));
	else
		sb_printf(o, _("%u seconds"), v);
}

static void explain_ms(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("0: unspecified by this router"));
	else
		sb_printf(o, _("%u ms"), v);
}

static void explain_router_lifetime(const struct packet *p, const struct field *f,
				    struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("0: not a default router"));
	else
		sb_printf(o, _("%u seconds as a default router"), v);
}

static void explain_cur_hlim(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("0: unspecified, hosts keep their own"));
	else
		sb_printf(o, _("hosts should send with hop limit %u"), v);
}

static void explain_flag(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = f->def->blurb;
	sb_printf(o, "%s: %s", f->value ? _("1: set") : _("0: not set"), _(n));
}

#define ROW(name, title, type, off, len, explain, blurb) \
	{name, title, type, off, len, 0, 0, 0, BASE_DEC, NULL, explain, blurb}
#define HEXROW(name, title, off, len, explain, blurb) \
	{name, title, FT_UINT, off, len, 0, 0, 0, BASE_HEX, NULL, explain, blurb}
#define FLAG(name, title, off, len, mask, blurb) \
	{name, title, FT_BOOL, off, len, mask, 0, 1, BASE_DEC, NULL, explain_flag, blurb}

static const struct field_def hdr_rows[] = {
	{"icmpv6.type", N_("type"), FT_UINT, 0, 1, 0, 0, 0, BASE_DEC, type_names, explain_type,
	 N_("what kind of ICMPv6 message this is (RFC 4443 §2.1)")},
	ROW("icmpv6.code", N_("code"), FT_UINT, 1, 1, explain_code,
	    N_("the reason, within the type")),
	HEXROW("icmpv6.checksum", N_("checksum"), 2, 2, explain_checksum,
	       N_("over a pseudo-header and the whole message (RFC 4443 §2.3)")),
};
static const struct field_def f_status = {"icmpv6.checksum.status", N_("checksum status"),
	FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC, checksum_status_names, NULL,
	N_("hexplain's verdict on the checksum")};
/* The frame ended, on the wire, before the message the IPv6 header declares:
 * tshark sums what is there and calls it bad; hexplain's verdict goes under
 * its own name (as for ICMP, icmp.c). */
static const struct field_def f_short_status = {"hexplain.icmpv6.checksum.status",
	N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC, checksum_status_names, NULL,
	N_("not verifiable: the frame ended before the message the IPv6 header declares")};
static const struct field_def f_calc = {"hexplain.icmpv6.checksum_calculated",
	N_("checksum calculated"), FT_UINT, 0, 0, 0, 0, 1, BASE_HEX, NULL, NULL,
	N_("the checksum the message should carry")};

static const struct field_def f_reserved4 = ROW("icmpv6.reserved", N_("reserved"), FT_BYTES, 4,
	4, explain_reserved, N_("unused, zero"));
static const struct field_def f_reserved2_at4 = ROW("icmpv6.reserved", N_("reserved"), FT_BYTES,
	4, 2, explain_reserved, N_("unused, zero"));
static const struct field_def f_mtu = ROW("icmpv6.mtu", N_("MTU"), FT_UINT, 4, 4, explain_mtu,
	N_("the next link's MTU (RFC 4443 §3.2, RFC 8201)"));
static const struct field_def f_pointer = ROW("icmpv6.pointer", N_("pointer"), FT_UINT, 4, 4,
	explain_pointer, N_("the byte of the quoted packet that is in error (RFC 4443 §3.4)"));
static const struct field_def f_echo[] = {
	HEXROW("icmpv6.echo.identifier", N_("identifier"), 4, 2, explain_ident,
	       N_("matches replies to requests (RFC 4443 §4.1)")),
	ROW("icmpv6.echo.sequence_number", N_("sequence number"), FT_UINT, 6, 2, explain_seq,
	    N_("counts the requests")),
};
static const struct field_def f_data = {"data.data", N_("data"), FT_BYTES, 0, 0, 0, 0, 0,
	BASE_HEX, NULL, NULL, N_("the echo payload, returned unchanged in the reply")};
static const struct field_def f_data_len = {"data.len", N_("data length"), FT_UINT, 0, 0, 0, 0,
	1, BASE_DEC, NULL, NULL, N_("bytes of payload")};

/* MLD (RFC 2710) and the MLDv2 query (RFC 3810 §5.1). */
static void explain_max_delay(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u ms: listeners answer after a random delay up to this"),
		  (unsigned)f->value);
}

static void explain_mld_addr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 16);
	bool zero = true;
	for (int i = 0; a && i < 16; i++)
		zero = zero && a[i] == 0;
	if (a && zero)
		sb_puts(o, _(":: → a general query: every group on the link"));
	else
		explain_address(p, f, o);
}

static const struct field_def f_mld1[] = {
	ROW("icmpv6.mld.maximum_response_delay", N_("maximum response delay"), FT_UINT, 4, 2,
	    explain_max_delay, N_("in milliseconds (RFC 2710 §3.4)")),
	ROW("icmpv6.reserved", N_("reserved"), FT_BYTES, 6, 2, explain_reserved, N_("unused, zero")),
	ROW("icmpv6.mld.multicast_address", N_("multicast address"), FT_IPV6, 8, 16,
	    explain_mld_addr, N_("the group concerned; :: in a general query")),
};
static const struct field_def f_mld2q[] = {
	ROW("icmpv6.mld.maximum_response_code", N_("maximum response code"), FT_UINT, 4, 2,
	    explain_max_delay, N_("in milliseconds, floating point above 32767 (RFC 3810 §5.1.3)")),
	ROW("icmpv6.reserved", N_("reserved"), FT_BYTES, 6, 2, explain_reserved, N_("unused, zero")),
	ROW("icmpv6.mld.multicast_address", N_("multicast address"), FT_IPV6, 8, 16,
	    explain_mld_addr, N_("the group concerned; :: in a general query")),
	HEXROW("icmpv6.mld.flag", N_("flags"), 24, 1, NULL, N_("reserved, S, QRV")),
	{"icmpv6.mld.flag.reserved", N_("reserved"), FT_UINT, 24, 1, 0xf0, 0, 1, BASE_DEC, NULL,
	 NULL, N_("zero")},
	FLAG("icmpv6.mld.flag.s", N_("suppress router-side processing"), 24, 1, 0x08,
	     N_("routers do not update their timers on hearing it")),
	{"icmpv6.mld.flag.qrv", N_("querier's robustness variable"), FT_UINT, 24, 1, 0x07, 0, 1,
	 BASE_DEC, NULL, NULL, N_("how often messages are repeated against loss")},
	ROW("icmpv6.mld.qqi", N_("querier's query interval code"), FT_UINT, 25, 1, NULL,
	    N_("seconds between general queries")),
	ROW("icmpv6.mld.nb_sources", N_("number of sources"), FT_UINT, 26, 2, NULL,
	    N_("source addresses listed after")),
};
static const struct field_def f_mld_source = ROW("icmpv6.mld.source_address",
	N_("source address"), FT_IPV6, 0, 16, explain_address, N_("a source of the group"));
/* MLDv2 report (RFC 3810 §5.2). */
static const struct value_name record_types[] = {
	{1, N_("MODE_IS_INCLUDE")},       {2, N_("MODE_IS_EXCLUDE: listening to all sources")},
	{3, N_("CHANGE_TO_INCLUDE_MODE: leaving")}, {4, N_("CHANGE_TO_EXCLUDE_MODE: joining")},
	{5, N_("ALLOW_NEW_SOURCES")},     {6, N_("BLOCK_OLD_SOURCES")},
	{0, NULL},
};
static const struct field_def f_mldr_n = ROW("icmpv6.mldr.nb_mcast_records",
	N_("number of records"), FT_UINT, 6, 2, NULL, N_("multicast address records that follow"));
static const struct field_def f_mar[] = {
	{"icmpv6.mldr.mar.record_type", N_("record type"), FT_UINT, 0, 1, 0, 0, 0, BASE_DEC,
	 record_types, NULL, N_("what the listener reports (RFC 3810 §5.2.12)")},
	ROW("icmpv6.mldr.mar.aux_data_len", N_("aux data length"), FT_UINT, 1, 1, NULL,
	    N_("in 4-byte words")),
	ROW("icmpv6.mldr.mar.nb_sources", N_("number of sources"), FT_UINT, 2, 2, NULL,
	    N_("source addresses listed")),
	ROW("icmpv6.mldr.mar.multicast_address", N_("multicast address"), FT_IPV6, 4, 16,
	    explain_address, N_("the group")),
};
static const struct field_def f_mar_source = ROW("icmpv6.mldr.mar.source_address",
	N_("source address"), FT_IPV6, 0, 16, explain_address, N_("a source of the group"));

/* Neighbor discovery (RFC 4861 §4). */
static const struct field_def f_ra[] = {
	ROW("icmpv6.nd.ra.cur_hop_limit", N_("cur hop limit"), FT_UINT, 4, 1, explain_cur_hlim,
	    N_("the hop limit hosts should use (RFC 4861 §4.2)")),
	HEXROW("icmpv6.nd.ra.flag", N_("flags"), 5, 1, NULL, N_("M, O, H, preference, P")),
	FLAG("icmpv6.nd.ra.flag.m", N_("managed address configuration"), 5, 1, 0x80,
	     N_("M: addresses come from DHCPv6")),
	FLAG("icmpv6.nd.ra.flag.o", N_("other configuration"), 5, 1, 0x40,
	     N_("O: other settings (DNS) come from DHCPv6")),
	FLAG("icmpv6.nd.ra.flag.h", N_("home agent"), 5, 1, 0x20,
	     N_("H: the router is a Mobile IPv6 home agent")),
	{"icmpv6.nd.ra.flag.prf", N_("default router preference"), FT_UINT, 5, 1, 0x18, 0, 1,
	 BASE_DEC, NULL, NULL, N_("RFC 4191: 1 high, 0 medium, 3 low")},
	FLAG("icmpv6.nd.ra.flag.p", N_("proxy"), 5, 1, 0x04, N_("P: ND proxy (RFC 4389)")),
	{"icmpv6.nd.ra.flag.rsv", N_("reserved"), FT_UINT, 5, 1, 0x03, 0, 1, BASE_DEC, NULL, NULL,
	 N_("zero")},
	ROW("icmpv6.nd.ra.router_lifetime", N_("router lifetime"), FT_UINT, 6, 2,
	    explain_router_lifetime, N_("seconds this router may be a default router")),
	ROW("icmpv6.nd.ra.reachable_time", N_("reachable time"), FT_UINT, 8, 4, explain_ms,
	    N_("ms a neighbor counts as reachable after a confirmation")),
	ROW("icmpv6.nd.ra.retrans_timer", N_("retrans timer"), FT_UINT, 12, 4, explain_ms,
	    N_("ms between retransmitted neighbor solicitations")),
};
static const struct field_def f_ns_target = ROW("icmpv6.nd.ns.target_address",
	N_("target address"), FT_IPV6, 8, 16, explain_address,
	N_("the address whose link-layer address is asked for (RFC 4861 §4.3)"));
static const struct field_def f_na[] = {
	HEXROW("icmpv6.nd.na.flag", N_("flags"), 4, 4, NULL, N_("R, S, O")),
	FLAG("icmpv6.nd.na.flag.r", N_("router"), 4, 4, 0x80000000u, N_("R: the sender is a router")),
	FLAG("icmpv6.nd.na.flag.s", N_("solicited"), 4, 4, 0x40000000u,
	     N_("S: an answer to a solicitation")),
	FLAG("icmpv6.nd.na.flag.o", N_("override"), 4, 4, 0x20000000u,
	     N_("O: replaces a cached link-layer address")),
	{"icmpv6.nd.na.flag.rsv", N_("reserved"), FT_UINT, 4, 4, 0x1fffffffu, 0, 1, BASE_DEC, NULL,
	 NULL, N_("zero")},
	ROW("icmpv6.nd.na.target_address", N_("target address"), FT_IPV6, 8, 16, explain_address,
	    N_("the address being announced (RFC 4861 §4.4)")),
};
static const struct field_def f_rd[] = {
	ROW("icmpv6.nd.rd.target_address", N_("target address"), FT_IPV6, 8, 16, explain_address,
	    N_("the better first hop (RFC 4861 §4.5)")),
	ROW("icmpv6.nd.rd.destination_address", N_("destination address"), FT_IPV6, 24, 16,
	    explain_address, N_("the destination redirected")),
};

/* ND options (RFC 4861 §4.6), offsets from the option's type byte. */
static const struct value_name opt_names[] = {
	{1, N_("source link-layer address")},
	{2, N_("target link-layer address")},
	{3, N_("prefix information")},
	{4, N_("redirected header")},
	{5, N_("MTU")},
	{7, N_("advertisement interval")},
	{8, N_("home agent information")},
	{14, N_("nonce")},
	{24, N_("route information")},
	{25, N_("recursive DNS server")},
	{31, N_("DNS search list")},
	{38, N_("PREF64")},
	{0, NULL},
};

static void explain_opt_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("0: invalid, RFC 4861 says to discard the message"));
	else
		sb_printf(o, _("%u × 8 = %u bytes, type and length included"), v, v * 8);
}

static void explain_linkaddr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, 6);
	if (b)
		sb_printf(o, _("%02x:%02x:%02x:%02x:%02x:%02x: the sender's MAC, so the receiver "
			       "needs no ARP-style question back"),
			  b[0], b[1], b[2], b[3], b[4], b[5]);
}

static void explain_prefix_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	sb_printf(o, _("/%u"), v);
	if (v == 64)
		sb_puts(o, _(": the usual size, leaving 64 bits for SLAAC's interface identifier"));
}

static void explain_prefix(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 16);
	const struct field *l = NULL;
	for (size_t i = p->nfields; i-- > 0;)
		if (&p->fields[i] != f && p->fields[i].offset == f->offset - 14 &&
		    p->fields[i].def->name[0] == 'i' && p->fields[i].length == 1) {
			l = &p->fields[i];
			break;
		}
	char text[46];
	if (!a)
		return;
	ipv6_format(a, text);
	if (l)
		sb_printf(o, "%s/%u", text, (unsigned)l->value);
	else
		sb_puts(o, text);
}

static void explain_opt_heading(const struct packet *p, const struct field *f,
				struct strbuf *o)
{
	uint8_t t = 0;
	if (!cur_u8(&p->bytes, f->offset, &t))
		return;
	const char *n = value_name_find(opt_names, t);
	sb_printf(o, _("%u → %s, %u bytes"), t, n ? _(n) : _("unknown option"),
		  (unsigned)f->length);
}

static const struct field_def opt_heading = {"icmpv6.opt", N_("option"), FT_NONE, 0, 0, 0, 0, 0,
	BASE_DEC, NULL, explain_opt_heading, N_("type, length in 8-byte units, data (RFC 4861 §4.6)")};
static const struct field_def opt_hdr[] = {
	{"icmpv6.opt.type", N_("type"), FT_UINT, 0, 1, 0, 0, 1, BASE_DEC, opt_names, NULL,
	 N_("which option")},
	{"icmpv6.opt.length", N_("length"), FT_UINT, 1, 1, 0, 0, 1, BASE_DEC, NULL,
	 explain_opt_len, N_("in units of 8 bytes")},
};
static const struct field_def opt_linkaddr = {"icmpv6.opt.linkaddr", N_("link-layer address"),
	FT_ETHER, 2, 6, 0, 0, 1, BASE_DEC, NULL, explain_linkaddr, N_("an Ethernet address")};
static const struct field_def opt_src_linkaddr = {"icmpv6.opt.src_linkaddr",
	N_("source link-layer address"), FT_ETHER, 2, 6, 0, 0, 1, BASE_DEC, NULL, NULL,
	N_("the sender's"), FIELD_HIDDEN};
static const struct field_def opt_target_linkaddr = {"icmpv6.opt.target_linkaddr",
	N_("target link-layer address"), FT_ETHER, 2, 6, 0, 0, 1, BASE_DEC, NULL, NULL,
	N_("the target's"), FIELD_HIDDEN};
static const struct field_def opt_reserved2 = {"icmpv6.opt.reserved", N_("reserved"), FT_NONE,
	2, 2, 0, 0, 1, BASE_DEC, NULL, explain_reserved, N_("unused, zero")};
static const struct field_def opt_reserved4 = {"icmpv6.opt.reserved", N_("reserved"), FT_NONE,
	12, 4, 0, 0, 1, BASE_DEC, NULL, explain_reserved, N_("unused, zero")};
static const struct field_def opt_prefix[] = {
	{"icmpv6.opt.prefix.length", N_("prefix length"), FT_UINT, 2, 1, 0, 0, 1, BASE_DEC, NULL,
	 explain_prefix_len, N_("significant leading bits")},
	{"icmpv6.opt.prefix.flag", N_("flags"), FT_UINT, 3, 1, 0, 0, 1, BASE_HEX, NULL, NULL,
	 N_("L, A, R")},
	{"icmpv6.opt.prefix.flag.l", N_("on-link"), FT_BOOL, 3, 1, 0x80, 0, 2, BASE_DEC, NULL,
	 explain_flag, N_("L: addresses with this prefix are on this link")},
	{"icmpv6.opt.prefix.flag.a", N_("autonomous"), FT_BOOL, 3, 1, 0x40, 0, 2, BASE_DEC, NULL,
	 explain_flag, N_("A: hosts may form their own address from it (SLAAC)")},
	{"icmpv6.opt.prefix.flag.r", N_("router address"), FT_BOOL, 3, 1, 0x20, 0, 2, BASE_DEC,
	 NULL, explain_flag, N_("R: the prefix field holds the router's address (RFC 6275)")},
	{"icmpv6.opt.prefix.flag.reserved", N_("reserved"), FT_UINT, 3, 1, 0x1f, 0, 2, BASE_DEC,
	 NULL, NULL, N_("zero")},
	{"icmpv6.opt.prefix.valid_lifetime", N_("valid lifetime"), FT_UINT, 4, 4, 0, 0, 1,
	 BASE_DEC, NULL, explain_seconds, N_("how long addresses from it stay valid")},
	{"icmpv6.opt.prefix.preferred_lifetime", N_("preferred lifetime"), FT_UINT, 8, 4, 0, 0, 1,
	 BASE_DEC, NULL, explain_seconds, N_("how long they are preferred for new connections")},
};
static const struct field_def opt_prefix_addr = {"icmpv6.opt.prefix", N_("prefix"), FT_IPV6, 16,
	16, 0, 0, 1, BASE_DEC, NULL, explain_prefix, N_("the prefix advertised")};
static const struct field_def opt_mtu = {"icmpv6.opt.mtu", N_("MTU"), FT_UINT, 4, 4, 0, 0, 1,
	BASE_DEC, NULL, NULL, N_("the link's MTU, for hosts to use")};
static const struct field_def opt_rdnss_life = {"icmpv6.opt.rdnss.lifetime", N_("lifetime"),
	FT_UINT, 4, 4, 0, 0, 1, BASE_DEC, NULL, explain_seconds,
	N_("how long the servers may be used (RFC 8106)")};
static const struct field_def opt_rdnss = {"icmpv6.opt.rdnss", N_("recursive DNS server"),
	FT_IPV6, 0, 16, 0, 0, 1, BASE_DEC, NULL, explain_address, N_("a DNS resolver's address")};
static const struct field_def opt_dnssl_life = {"icmpv6.opt.dnssl.lifetime", N_("lifetime"),
	FT_UINT, 4, 4, 0, 0, 1, BASE_DEC, NULL, explain_seconds,
	N_("how long the names may be used (RFC 8106)")};
static const struct field_def opt_adv_int = {"icmpv6.opt.advertisement_interval",
	N_("advertisement interval"), FT_UINT, 4, 4, 0, 0, 1, BASE_DEC, NULL, NULL,
	N_("ms between unsolicited advertisements (RFC 6275)")};
static const struct field_def opt_ha[] = {
	{"icmpv6.opt.home_agent_preference", N_("home agent preference"), FT_UINT, 4, 2, 0, 0, 1,
	 BASE_DEC, NULL, NULL, N_("RFC 6275 §7.4")},
	{"icmpv6.opt.home_agent_lifetime", N_("home agent lifetime"), FT_UINT, 6, 2, 0, 0, 1,
	 BASE_DEC, NULL, NULL, N_("seconds")},
};
static const struct field_def opt_nonce = {"icmpv6.opt.nonce", N_("nonce"), FT_BYTES, 2, 0, 0,
	0, 1, BASE_HEX, NULL, NULL, N_("ties a solicitation to its answer (RFC 3971)")};
static const struct field_def opt_route[] = {
	{"icmpv6.opt.prefix.length", N_("prefix length"), FT_UINT, 2, 1, 0, 0, 1, BASE_DEC, NULL,
	 explain_prefix_len, N_("significant leading bits of the route (RFC 4191 §2.3)")},
	{"icmpv6.opt.route_info.flag", N_("flags"), FT_UINT, 3, 1, 0, 0, 1, BASE_HEX, NULL, NULL,
	 N_("reserved, preference")},
	{"icmpv6.opt.route_info.flag.route_preference", N_("route preference"), FT_UINT, 3, 1,
	 0x18, 0, 2, BASE_DEC, NULL, NULL, N_("1 high, 0 medium, 3 low (RFC 4191)")},
	{"icmpv6.opt.route_info.flag.reserved", N_("reserved"), FT_UINT, 3, 1, 0xe7, 0, 2,
	 BASE_DEC, NULL, NULL, N_("zero")},
	{"icmpv6.opt.route_lifetime", N_("route lifetime"), FT_UINT, 4, 4, 0, 0, 1, BASE_DEC, NULL,
	 explain_seconds, N_("how long the route is valid")},
};
/* RFC 4191 §2.3: the prefix is 0, 8 or 16 bytes as the option's length
 * says, the bits past the prefix length zero.  8 bytes give the address
 * with the other 8 taken as zeros, as Wireshark gives it (and as the
 * prefix reads: fd8d:4fb3:5b2e::/48); the field covers the bytes carried. */
static void explain_route_prefix(const struct packet *p, const struct field *f,
				 struct strbuf *o)
{
	uint8_t a[16] = {0};
	const uint8_t *b = f->length <= 16 ? cur_bytes(&p->bytes, f->offset, f->length) : NULL;
	if (!b)
		return;
	memcpy(a, b, f->length);
	char text[46];
	ipv6_format(a, text);
	/* this option's prefix length, 6 bytes before the prefix */
	const struct field *l = NULL;
	for (size_t i = p->nfields; i-- > 0;)
		if (p->fields[i].offset == f->offset - 6 &&
		    strcmp(p->fields[i].def->name, "icmpv6.opt.prefix.length") == 0) {
			l = &p->fields[i];
			break;
		}
	if (l)
		sb_printf(o, "%s/%u", text, (unsigned)l->value);
	else
		sb_puts(o, text);
	if (f->length < 16)
		sb_printf(o, _(": the option carries its first %u bytes, the other %u are zeros "
			       "(RFC 4191 §2.3)"),
			  (unsigned)f->length, 16u - (unsigned)f->length);
}

static const struct field_def opt_route_prefix = {"icmpv6.opt.prefix", N_("prefix"), FT_IPV6, 8,
	16, 0, 0, 1, BASE_DEC, NULL, explain_route_prefix, N_("the route's prefix")};
static const struct field_def opt_data = {"hexplain.icmpv6.opt.data", N_("option data"),
	FT_BYTES, 2, 0, 0, 0, 1, BASE_HEX, NULL, NULL, N_("not decoded by hexplain")};

static void rows(struct packet *p, const struct field_def *defs, size_t n, uint32_t at)
{
	packet_read_rows(p, defs, n, at);
}

/* One option of olen bytes (all captured) at at. */
static void decode_option(struct packet *p, uint8_t type, uint32_t at, uint32_t olen)
{
	switch (type) {
	case 1:
	case 2:
		if (olen == 8) {
			packet_read_row(p, &opt_linkaddr, at, NULL);
			packet_read_row(p, type == 1 ? &opt_src_linkaddr : &opt_target_linkaddr, at,
					NULL);
			return;
		}
		break;
	case 3:
		if (olen == 32) {
			rows(p, opt_prefix, sizeof(opt_prefix) / sizeof(opt_prefix[0]), at);
			packet_read_row(p, &opt_reserved4, at, NULL);
			packet_read_row(p, &opt_prefix_addr, at, NULL);
			return;
		}
		break;
	case 5:
		if (olen == 8) {
			packet_read_row(p, &opt_reserved2, at, NULL);
			packet_read_row(p, &opt_mtu, at, NULL);
			return;
		}
		break;
	case 7:
		if (olen == 8) {
			packet_read_row(p, &opt_reserved2, at, NULL);
			packet_read_row(p, &opt_adv_int, at, NULL);
			return;
		}
		break;
	case 8:
		if (olen == 8) {
			packet_read_row(p, &opt_reserved2, at, NULL);
			rows(p, opt_ha, 2, at);
			return;
		}
		break;
	case 14:
		packet_add_field(p, &opt_nonce, at + 2, olen - 2, 0);
		return;
	case 24:
		if (olen >= 8 && olen <= 24) {
			rows(p, opt_route, sizeof(opt_route) / sizeof(opt_route[0]), at);
			if (olen > 8) /* 16 or 24: a prefix of 8 or 16 bytes */
				packet_add_field(p, &opt_route_prefix, at + 8, olen - 8, 0);
			return;
		}
		break;
	case 25:
		if (olen >= 24) {
			packet_read_row(p, &opt_reserved2, at, NULL);
			packet_read_row(p, &opt_rdnss_life, at, NULL);
			for (uint32_t a = 8; a + 16 <= olen; a += 16)
				packet_add_field(p, &opt_rdnss, at + a, 16, 0);
			return;
		}
		break;
	case 31:
		if (olen >= 16) {
			packet_read_row(p, &opt_reserved2, at, NULL);
			packet_read_row(p, &opt_dnssl_life, at, NULL);
			packet_add_field(p, &opt_data, at + 8, olen - 8, 0);
			return;
		}
		break;
	default:
		break;
	}
	if (olen > 2)
		packet_add_field(p, &opt_data, at + 2, olen - 2, 0);
}

/* The ND options in [at, stop); stop may lie past the capture. */
static void decode_options(struct packet *p, uint32_t at, uint32_t stop, bool *cut)
{
	while (at < stop) {
		uint8_t type = 0, units = 0;
		if (!cur_u8(&p->bytes, at, &type) || !cur_u8(&p->bytes, at + 1, &units)) {
			*cut = true;
			return;
		}
		uint32_t olen = units * 8u;
		packet_add_field(p, &opt_heading, at, olen ? olen : 2, 0);
		rows(p, opt_hdr, 2, at);
		if (units == 0) {
			packet_problem(p, SEV_ERROR, "icmpv6.opt.length", "icmpv6.opt.length.zero",
				       at + 1, _("option length 0: invalid, the receiver must discard "
						 "the whole message (RFC 4861 §4.6)"));
			return;
		}
		if (at + olen > stop) {
			packet_problem(p, SEV_ERROR, "icmpv6.opt.length", "icmpv6.opt.length.beyond",
				       at + 1, _("option length %u bytes runs %u bytes past the end of "
						 "the message"),
				       olen, at + olen - stop);
			return;
		}
		if (!cur_has(&p->bytes, at, olen)) {
			*cut = true;
			return;
		}
		decode_option(p, type, at, olen);
		at += olen;
	}
}

static void verify_checksum(struct packet *p, uint32_t off, uint32_t end,
			    const struct decode_ctx *ctx)
{
	struct pseudo_header ph = ctx->ph;
	uint16_t want = 0, partial = 0, stored = 0;
	ph.proto = 58;
	if (ctx->quoted || ph.family != 6 || end <= off) {
		packet_add_generated(p, &f_status, CKSUM_UNVERIFIED);
		return;
	}
	if (p->frame_whole && !cur_has(&p->bytes, off, end - off)) {
		packet_add_generated(p, &f_short_status, CKSUM_UNVERIFIED);
		return;
	}
	enum cksum_status st =
		cksum_transport(&p->bytes, &ph, off, end - off, off + 2, &want, &partial);
	packet_add_generated(p, &f_status, st);
	if (st == CKSUM_UNVERIFIED)
		return;
	packet_add_generated(p, &f_calc, want);
	cur_be16(&p->bytes, off + 2, &stored);
	if (st == CKSUM_BAD)
		packet_problem(p, SEV_ERROR, "icmpv6.checksum", "icmpv6.checksum.bad", off + 2,
			       _("ICMPv6 checksum 0x%04x is wrong: it should be 0x%04x"), stored,
			       want);
}

/* ND messages must arrive with hop limit 255 (RFC 4861 §6.1): proof that no
 * router forwarded them, so they come from this very link. */
static void check_nd_hop_limit(struct packet *p, unsigned type, uint32_t off)
{
	if (p->nlayers < 2)
		return;
	for (size_t l = p->nlayers - 1; l-- > 0;) {
		const struct field *h = packet_find_in_layer(p, l, "ipv6.hlim");
		if (!h)
			continue;
		if (h->value != 255)
			packet_problem(p, SEV_WARNING, "ipv6.hlim", "icmpv6.nd.hop_limit", h->offset,
				       _("hop limit %u on a neighbor discovery message (type %u): "
					 "it must be 255, proving it was not routed; receivers "
					 "drop it"),
				       (unsigned)h->value, type);
		return;
	}
}

static void decode_quoted(struct packet *p, uint32_t at, uint32_t end,
			  const struct decode_ctx *ctx)
{
	uint8_t first = 0;
	if (at >= end || !cur_u8(&p->bytes, at, &first))
		return;
	struct decode_ctx inner = *ctx;
	inner.quoted = true;
	inner.depth++;
	inner.ph.family = 0;
	if (first >> 4 == 6)
		decode_ipv6(p, at, end, &inner);
	else
		decode_payload(p, at, end);
}

void decode_icmpv6(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "icmpv6",
				     ctx->quoted ? N_("quoted ICMPv6 header") : N_("ICMPv6 header"),
				     off, ctx->quoted);
	if (layer < 0)
		return;
	size_t have = cur_avail(&p->bytes, off);
	size_t read = packet_read_rows(p, hdr_rows, 3, off);
	if (read == 3)
		verify_checksum(p, off, end, ctx);
	uint8_t type = 0;
	cur_u8(&p->bytes, off, &type);
	uint32_t msg_len = end > off ? end - off : 0;

	unsigned hlen = 4;
	bool ok = read == 3;
	if (ok) {
		switch (type) {
		case 1:
		case 3:
			hlen = 8;
			ok = packet_read_row(p, &f_reserved4, off, NULL);
			break;
		case 2:
			hlen = 8;
			ok = packet_read_row(p, &f_mtu, off, NULL);
			break;
		case 4:
			hlen = 8;
			ok = packet_read_row(p, &f_pointer, off, NULL);
			break;
		case 128:
		case 129:
			hlen = 8;
			ok = packet_read_rows(p, f_echo, 2, off) == 2;
			break;
		case 130:
			if (msg_len >= 28) {
				hlen = 28;
				ok = packet_read_rows(p, f_mld2q, 9, off) == 9;
				uint16_t n = 0;
				cur_be16(&p->bytes, off + 26, &n);
				for (unsigned i = 0; ok && i < n; i++, hlen += 16)
					if (!packet_read_row(p, &f_mld_source, off + hlen, NULL))
						ok = false;
				break;
			}
			/* an MLDv1 query */
			__attribute__((fallthrough));
		case 131:
		case 132:
			hlen = 24;
			ok = packet_read_rows(p, f_mld1, 3, off) == 3;
			break;
		case 143: {
			hlen = 8;
			ok = packet_read_row(p, &f_reserved2_at4, off, NULL) &&
			     packet_read_row(p, &f_mldr_n, off, NULL);
			uint16_t n = 0;
			cur_be16(&p->bytes, off + 6, &n);
			for (unsigned i = 0; ok && i < n; i++) {
				uint8_t aux = 0;
				uint16_t ns = 0;
				if (packet_read_rows(p, f_mar, 4, off + hlen) < 4) {
					ok = false;
					break;
				}
				cur_u8(&p->bytes, off + hlen + 1, &aux);
				cur_be16(&p->bytes, off + hlen + 2, &ns);
				hlen += 20;
				for (unsigned s = 0; ok && s < ns; s++, hlen += 16)
					ok = packet_read_row(p, &f_mar_source, off + hlen, NULL);
				hlen += aux * 4u;
			}
			break;
		}
		case 133:
			hlen = 8;
			ok = packet_read_row(p, &f_reserved4, off, NULL);
			break;
		case 134:
			hlen = 16;
			ok = packet_read_rows(p, f_ra, 11, off) == 11;
			break;
		case 135:
			hlen = 24;
			ok = packet_read_row(p, &f_reserved4, off, NULL) &&
			     packet_read_row(p, &f_ns_target, off, NULL);
			break;
		case 136:
			hlen = 24;
			ok = packet_read_rows(p, f_na, 6, off) == 6;
			break;
		case 137:
			hlen = 40;
			ok = packet_read_row(p, &f_reserved4, off, NULL) &&
			     packet_read_rows(p, f_rd, 2, off) == 2;
			break;
		default:
			break;
		}
	}
	p->layers[layer].length = (uint32_t)(have < hlen ? have : hlen);
	if (!ok) {
		p->layers[layer].truncated = true;
		if (!ctx->quoted)
			decode_truncated(p, "icmpv6", off, hlen);
		return;
	}
	if (is_nd(type) && !ctx->quoted)
		check_nd_hop_limit(p, type, off);

	uint32_t body = off + hlen;
	if (type < 128) {
		decode_quoted(p, body, end, ctx);
		return;
	}
	if (is_nd(type)) {
		bool cut = false;
		decode_options(p, body, end, &cut);
		if (cut) {
			p->layers[layer].truncated = true;
			if (!ctx->quoted)
				decode_truncated(p, "icmpv6", off, msg_len);
		}
		p->layers[layer].length = (uint32_t)(have < msg_len ? have : msg_len);
		return;
	}
	if (type == 128 || type == 129) {
		size_t avail = cur_avail(&p->bytes, body);
		uint32_t n = end > body ? end - body : 0;
		if (n > avail)
			n = (uint32_t)avail;
		if (n > 0) {
			packet_add_field(p, &f_data, body, n, 0);
			packet_add_generated(p, &f_data_len, n);
		}
	}
	decode_payload(p, body, end);
}
