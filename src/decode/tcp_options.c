/* tcp_options.c - TCP options (RFC 9293 §3.2): MSS, window scale and
 * timestamps (RFC 7323), SACK (RFC 2018), MD5 (RFC 2385), user timeout
 * (RFC 5482), TCP-AO (RFC 5925), MPTCP (RFC 8684), Fast Open (RFC 7413),
 * experimental kinds (RFC 6994). */
#include "decode.h"

#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

/* IANA's option kinds; the names the explain view shows. */
static const struct value_name kind_names[] = {
	{0, N_("end of option list (EOL)")},
	{1, N_("no-operation (NOP)")},
	{2, N_("maximum segment size (MSS)")},
	{3, N_("window scale")},
	{4, N_("SACK permitted")},
	{5, N_("SACK")},
	{6, N_("echo (RFC 1072, obsolete)")},
	{7, N_("echo reply (RFC 1072, obsolete)")},
	{8, N_("timestamps")},
	{9, N_("partial order connection permitted (historic)")},
	{10, N_("partial order service profile (historic)")},
	{11, N_("CC (RFC 1644, historic)")},
	{12, N_("CC.NEW (RFC 1644, historic)")},
	{13, N_("CC.ECHO (RFC 1644, historic)")},
	{14, N_("alternate checksum request (historic)")},
	{15, N_("alternate checksum data (historic)")},
	{19, N_("MD5 signature")},
	{27, N_("quick-start response (RFC 4782)")},
	{28, N_("user timeout")},
	{29, N_("TCP authentication option (TCP-AO)")},
	{30, N_("multipath TCP (MPTCP)")},
	{34, N_("TCP Fast Open cookie")},
	{69, N_("encryption negotiation (TCP-ENO, RFC 8547)")},
	{172, N_("accurate ECN, order 0 (AccECN0)")},
	{174, N_("accurate ECN, order 1 (AccECN1)")},
	{253, N_("experimental (RFC 4727)")},
	{254, N_("experimental (RFC 4727)")},
	{0, NULL},
};

static const struct value_name mptcp_subtype_names[] = {
	{0, "MP_CAPABLE"}, {1, "MP_JOIN"},     {2, "DSS"},          {3, "ADD_ADDR"},
	{4, "REMOVE_ADDR"}, {5, "MP_PRIO"},    {6, "MP_FAIL"},      {7, "MP_FASTCLOSE"},
	{8, "MP_TCPRST"},  {15, "MP_EXPERIMENTAL"}, {0, NULL},
};

static const struct value_name exid_names[] = {
	{0xf989, N_("TCP Fast Open, before it had kind 34 (RFC 7413)")},
	{0xacc0, N_("accurate ECN, order 0")},
	{0xacc1, N_("accurate ECN, order 1")},
	{0, NULL},
};

static const struct field_def opt_sack_le_def;

static uint64_t layer_value(const struct packet *p, size_t layer, const char *name, uint64_t dflt)
{
	const struct field *f = packet_find_in_layer(p, layer, name);
	return f ? f->value : dflt;
}

static const char *kind_name(unsigned kind)
{
	const char *n = value_name_find(kind_names, kind);
	return n ? _(n) : _("unknown kind");
}

/* The heading row of one option: "kind 2, length 4: maximum segment size
 * 1460 bytes", read back from the option's own bytes. */
static void explain_option(const struct packet *p, const struct field *f, struct strbuf *o)
{
	uint8_t kind = 0, len = 0;
	uint16_t v16 = 0;
	uint32_t a = 0, b = 0;
	const struct cursor *c = &p->bytes;
	uint32_t at = f->offset;
	if (!cur_u8(c, at, &kind))
		return;
	if (kind == 0) {
		sb_puts(o, _("kind 0: end of the option list; the bytes after it are padding"));
		return;
	}
	if (kind == 1) {
		sb_puts(o, _("kind 1: no-operation, padding to align the next option on 4 bytes"));
		return;
	}
	cur_u8(c, at + 1, &len);
	sb_printf(o, _("kind %u, length %u: "), kind, len);
	switch (kind) {
	case 2:
		if (len == 4 && cur_be16(c, at + 2, &v16)) {
			sb_printf(o, _("maximum segment size %u bytes"), v16);
			return;
		}
		break;
	case 3:
		if (len == 3 && cur_u8(c, at + 2, &kind)) {
			unsigned shift = kind > 14 ? 14 : kind;
			sb_printf(o, _("window scale: shift %u → windows × %u"), kind, 1u << shift);
			return;
		}
		break;
	case 4:
		sb_puts(o, _("SACK permitted: the sender can take selective acknowledgments"));
		return;
	case 5:
		sb_printf(o, _("SACK: %u block(s) of data received beyond the acknowledgment"),
			  len >= 2 ? (len - 2u) / 8 : 0u);
		return;
	case 8:
		if (len == 10 && cur_be32(c, at + 2, &a) && cur_be32(c, at + 6, &b)) {
			sb_printf(o, _("timestamps: TSval %u, TSecr %u"), a, b);
			return;
		}
		break;
	case 34:
		if (len == 2) {
			sb_puts(o, _("TCP Fast Open: cookie request"));
			return;
		}
		sb_printf(o, _("TCP Fast Open: a %u-byte cookie"), len - 2u);
		return;
	case 253:
	case 254:
		if (len >= 4 && cur_be16(c, at + 2, &v16)) {
			sb_printf(o, _("experimental, ExID 0x%04x"), v16);
			return;
		}
		break;
	default:
		break;
	}
	sb_puts(o, kind_name(kind));
}

static void explain_kind(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, "%u → %s", (unsigned)f->value, kind_name((unsigned)f->value));
}

static void explain_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes, the kind and length bytes included"), (unsigned)f->value);
}

static void explain_mss(const struct packet *p, const struct field *f, struct strbuf *o)
{
	unsigned mss = (unsigned)f->value;
	/* the MTU it implies: MSS plus the minimal IP and TCP headers */
	unsigned ip = f->layer > 0 && !strcmp(p->layers[f->layer - 1].proto, "ipv6") ? 40 : 20;
	sb_printf(o, _("%u bytes: the most data the sender can receive in one segment; "
		       "= an MTU of %u − %u IP − 20 TCP header bytes"),
		  mss, mss + ip + 20, ip);
	if (mss + ip + 20 == 1500)
		sb_puts(o, _(" (Ethernet)"));
	if (!layer_value(p, f->layer, "tcp.flags.syn", 0))
		sb_puts(o, _("; only meaningful on a SYN"));
}

static void explain_wscale_shift(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned s = (unsigned)f->value;
	if (s > 14)
		sb_printf(o, _("shift %u is more than 14: invalid (RFC 7323 §2.3); taken as 14"), s);
	else
		sb_printf(o, _("shift %u → window × %u (2^%u)"), s, 1u << s, s);
}

static void explain_multiplier(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("× %u: every later window field this host sends counts %u times its "
		       "value (RFC 7323)"),
		  (unsigned)f->value, (unsigned)f->value);
}

static void explain_sack_edge(const struct packet *p, const struct field *f, struct strbuf *o)
{
	bool left = strstr(f->def->name, "_le") != NULL;
	uint32_t v = (uint32_t)f->value;
	sb_printf(o, left ? _("%u: first byte of a block received") :
			    _("%u: the byte after the block's last"),
		  v);
	if (layer_value(p, f->layer, "tcp.flags.ack", 0)) {
		uint32_t ack = (uint32_t)layer_value(p, f->layer, "tcp.ack_raw", 0);
		sb_printf(o, _(" (ack + %u)"), (unsigned)(uint32_t)(v - ack));
	}
	/* the block's left edge is the row just before its right edge */
	if (!left && f > p->fields && (f - 1)->def == &opt_sack_le_def)
		sb_printf(o, _("; the block holds %u bytes"),
			  (unsigned)(uint32_t)(v - (uint32_t)(f - 1)->value));
}

static void explain_sack_count(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u block(s), 8 bytes each"), (unsigned)f->value);
}

static void explain_tsval(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u: the sender's timestamp clock (ticks, not a date)"), (unsigned)f->value);
}

static void explain_tsecr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	if (!layer_value(p, f->layer, "tcp.flags.ack", 0))
		sb_printf(o, _("%u: not meaningful: ACK is not set (nothing to echo yet)"),
			  (unsigned)f->value);
	else
		sb_printf(o, _("%u: echoes the TSval last received from the other side (for the "
			       "round-trip time)"),
			  (unsigned)f->value);
}

static void explain_uto_granularity(const struct packet *p, const struct field *f,
				    struct strbuf *o)
{
	(void)p;
	sb_puts(o, f->value ? _("1: the timeout is in minutes") : _("0: the timeout is in seconds"));
}

static void explain_uto_value(const struct packet *p, const struct field *f, struct strbuf *o)
{
	bool minutes = layer_value(p, f->layer, "tcp.options.user_to_granularity", 0);
	sb_printf(o, minutes ? _("%u minutes without acknowledgment before the connection is "
				 "dropped")
			     : _("%u seconds without acknowledgment before the connection is dropped"),
		  (unsigned)f->value);
}

static void explain_exid(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(exid_names, f->value);
	sb_printf(o, _("0x%04x: experiment identifier (RFC 6994): %s"), (unsigned)f->value,
		  n ? _(n) : _("not one hexplain knows"));
}

static void explain_mptcp_subtype(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(mptcp_subtype_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? n : _("unknown subtype"));
}

static void explain_tfo_request(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	(void)f;
	sb_puts(o, _("no cookie: the client asks the server for one, to send data in its next "
		     "SYN"));
}

/* Group rows: each option's bytes as a whole, under Wireshark's names. */
#define GROUP(name, title, blurb)                                                               \
	{name, title, FT_BYTES, 0, 0, 0, 0, 1, BASE_HEX, NULL, explain_option, blurb}

static const struct field_def opt_eol = GROUP("tcp.options.eol", N_("end of option list"),
	N_("kind 0: no more options; the rest of the header is zero padding"));
static const struct field_def opt_nop = GROUP("tcp.options.nop", N_("no-operation"),
	N_("kind 1: one byte of padding between options"));
static const struct field_def opt_mss = GROUP("tcp.options.mss", N_("maximum segment size"),
	N_("kind 2: the largest segment the sender can receive (RFC 9293 §3.7.1)"));
static const struct field_def opt_wscale = GROUP("tcp.options.wscale", N_("window scale"),
	N_("kind 3: how far to shift the window field (RFC 7323 §2)"));
static const struct field_def opt_sack_perm = GROUP("tcp.options.sack_perm",
	N_("SACK permitted"), N_("kind 4: selective acknowledgments may be used (RFC 2018)"));
static const struct field_def opt_sack = GROUP("tcp.options.sack", N_("SACK"),
	N_("kind 5: blocks of data received out of order (RFC 2018)"));
static const struct field_def opt_echo = GROUP("tcp.options.echo", N_("echo"),
	N_("kind 6: RFC 1072's round-trip echo, replaced by timestamps"));
static const struct field_def opt_echoreply = GROUP("tcp.options.echoreply", N_("echo reply"),
	N_("kind 7: RFC 1072's echo reply, replaced by timestamps"));
static const struct field_def opt_timestamp = GROUP("tcp.options.timestamp", N_("timestamps"),
	N_("kind 8: round-trip measurement and wrapped-sequence protection (RFC 7323 §3)"));
static const struct field_def opt_cc = GROUP("tcp.options.cc", N_("CC"),
	N_("kind 11: T/TCP connection count (RFC 1644, historic)"));
static const struct field_def opt_ccnew = GROUP("tcp.options.ccnew", N_("CC.NEW"),
	N_("kind 12: T/TCP (RFC 1644, historic)"));
static const struct field_def opt_ccecho = GROUP("tcp.options.ccecho", N_("CC.ECHO"),
	N_("kind 13: T/TCP (RFC 1644, historic)"));
static const struct field_def opt_md5 = GROUP("tcp.options.md5", N_("MD5 signature"),
	N_("kind 19: keyed MD5 over the segment, used by BGP (RFC 2385)"));
static const struct field_def opt_qs = GROUP("tcp.options.qs", N_("quick-start response"),
	N_("kind 27: quick-start rate response (RFC 4782)"));
static const struct field_def opt_user_to = GROUP("tcp.options.user_to", N_("user timeout"),
	N_("kind 28: how long data may stay unacknowledged before giving up (RFC 5482)"));
static const struct field_def opt_ao = GROUP("tcp.options.ao", N_("TCP-AO"),
	N_("kind 29: TCP authentication option, successor of MD5 (RFC 5925)"));
/* Wireshark treats MPTCP as a protocol of its own: its option is "mptcp" */
static const struct field_def opt_mptcp = GROUP("mptcp", N_("multipath TCP"),
	N_("kind 30: one connection over several paths (RFC 8684)"));
static const struct field_def opt_tfo = GROUP("tcp.options.tfo", N_("TCP Fast Open"),
	N_("kind 34: a cookie that lets a SYN carry data (RFC 7413)"));
static const struct field_def opt_experimental = GROUP("tcp.options.experimental",
	N_("experimental"), N_("kinds 253 and 254: for experiments, told apart by an ExID (RFC 6994)"));
static const struct field_def opt_other = GROUP("hexplain.tcp.options.other", N_("option"),
	N_("an option kind IANA lists that hexplain shows without its parts"));
static const struct field_def opt_unknown = GROUP("tcp.options.unknown", N_("unknown option"),
	N_("an option kind with no registered meaning"));
/* What is left of the options area when an option's length cannot be right. */
static const struct field_def opt_malformed = GROUP("hexplain.tcp.options.malformed",
	N_("malformed option"), N_("an option whose length does not fit: the walk stops here"));

#define PART(name, title, type, len, mask, base, explain, blurb)                                \
	{name, title, type, 0, len, mask, 0, 2, base, NULL, explain, blurb}

static const struct field_def opt_kind = PART("tcp.option_kind", N_("kind"), FT_UINT, 1, 0,
	BASE_DEC, explain_kind, N_("which option this is (IANA TCP option kind numbers)"));
static const struct field_def opt_len = PART("tcp.option_len", N_("length"), FT_UINT, 1, 0,
	BASE_DEC, explain_len, N_("the option's size in bytes, kind and length included"));
/* Kind and length of an option too broken for Wireshark to show them. */
static const struct field_def opt_bad_kind = PART("hexplain.tcp.option_kind", N_("kind"),
	FT_UINT, 1, 0, BASE_DEC, explain_kind, N_("which option this is"));
static const struct field_def opt_bad_len = PART("hexplain.tcp.option_len", N_("length"),
	FT_UINT, 1, 0, BASE_DEC, explain_len, N_("the option's size in bytes, as it claims"));
static const struct field_def opt_mss_val = PART("tcp.options.mss_val", N_("MSS"), FT_UINT, 2, 0,
	BASE_DEC, explain_mss, N_("maximum segment size in bytes"));
static const struct field_def opt_wscale_shift = PART("tcp.options.wscale.shift", N_("shift count"),
	FT_UINT, 1, 0, BASE_DEC, explain_wscale_shift, N_("the window is multiplied by 2^shift, 0..14"));
static const struct field_def opt_wscale_mult = PART("tcp.options.wscale.multiplier",
	N_("multiplier"), FT_UINT, 0, 0, BASE_DEC, explain_multiplier,
	N_("2^shift: what the peer multiplies this host's window field by"));
/* Wireshark's tcp.options.sack_le/_re are relative to the other side's ISN,
 * which needs the flow; these are the absolute numbers on the wire. */
static const struct field_def opt_sack_le_def = PART("hexplain.tcp.options.sack_le_raw",
	N_("left edge"), FT_UINT, 4, 0, BASE_DEC, explain_sack_edge,
	N_("first sequence number of a block received (absolute)"));
static const struct field_def opt_sack_re = PART("hexplain.tcp.options.sack_re_raw",
	N_("right edge"), FT_UINT, 4, 0, BASE_DEC, explain_sack_edge,
	N_("sequence number after the last byte of the block (absolute)"));
static const struct field_def opt_sack_count = PART("tcp.options.sack.count", N_("blocks"),
	FT_UINT, 0, 0, BASE_DEC, explain_sack_count, N_("how many SACK blocks the option holds"));
static const struct field_def opt_tsval = PART("tcp.options.timestamp.tsval", N_("TSval"), FT_UINT,
	4, 0, BASE_DEC, explain_tsval, N_("timestamp value: the sender's clock"));
static const struct field_def opt_tsecr = PART("tcp.options.timestamp.tsecr", N_("TSecr"), FT_UINT,
	4, 0, BASE_DEC, explain_tsecr, N_("timestamp echo reply: the peer's last TSval"));
static const struct field_def opt_md5_digest = PART("tcp.options.md5.digest", N_("digest"),
	FT_BYTES, 16, 0, BASE_HEX, NULL, N_("MD5 over pseudo-header, header, data and the shared key"));
static const struct field_def opt_uto_g = PART("tcp.options.user_to_granularity",
	N_("granularity"), FT_BOOL, 2, 0x8000, BASE_DEC, explain_uto_granularity,
	N_("1: minutes, 0: seconds"));
static const struct field_def opt_uto_val = PART("tcp.options.user_to_val", N_("user timeout"),
	FT_UINT, 2, 0x7fff, BASE_DEC, explain_uto_value, N_("the timeout, in the unit above"));
static const struct field_def opt_ao_keyid = PART("tcp.options.ao.keyid", N_("key ID"), FT_UINT,
	1, 0, BASE_DEC, NULL, N_("which master key tuple made the MAC"));
static const struct field_def opt_ao_rnext = PART("tcp.options.ao.rnextkeyid", N_("next key ID"),
	FT_UINT, 1, 0, BASE_DEC, NULL, N_("the key the sender wants to receive with next"));
static const struct field_def opt_ao_mac = PART("tcp.options.ao.mac", N_("MAC"), FT_BYTES, 0, 0,
	BASE_HEX, NULL, N_("message authentication code over the segment"));
static const struct field_def opt_mptcp_subtype = PART("tcp.options.mptcp.subtype",
	N_("subtype"), FT_UINT, 1, 0xf0, BASE_DEC, explain_mptcp_subtype,
	N_("which MPTCP message this is (RFC 8684 §3)"));
static const struct field_def opt_tfo_request = PART("tcp.options.tfo.request",
	N_("cookie request"), FT_NONE, 0, 0, BASE_HEX, explain_tfo_request,
	N_("an empty Fast Open option asks for a cookie"));
static const struct field_def opt_tfo_cookie = PART("tcp.options.tfo.cookie", N_("cookie"),
	FT_BYTES, 0, 0, BASE_HEX, NULL, N_("the server's Fast Open cookie, 4 to 16 bytes"));
static const struct field_def opt_exp_exid = PART("tcp.options.experimental.exid", N_("ExID"),
	FT_UINT, 2, 0, BASE_HEX, explain_exid, N_("experiment identifier (RFC 6994)"));
static const struct field_def opt_exp_data = PART("tcp.options.experimental.data", N_("data"),
	FT_BYTES, 0, 0, BASE_HEX, NULL, N_("the experiment's own bytes"));
static const struct field_def opt_unknown_payload = PART("tcp.options.unknown.payload",
	N_("data"), FT_BYTES, 0, 0, BASE_HEX, NULL, N_("the bytes of an option hexplain cannot read"));

typedef void (*option_decoder)(struct packet *p, uint32_t at, unsigned len);

static void add_uint(struct packet *p, const struct field_def *def, uint32_t at)
{
	packet_read_row(p, def, at, NULL);
}

static void add_bytes(struct packet *p, const struct field_def *def, uint32_t at, unsigned n)
{
	/* an option cut by the capture shows the bytes that are there */
	size_t have = cur_avail(&p->bytes, at);
	if (n > have)
		n = (unsigned)have;
	if (n > 0)
		packet_add_field(p, def, at, n, 0);
}

static void decode_mss(struct packet *p, uint32_t at, unsigned len)
{
	(void)len;
	add_uint(p, &opt_mss_val, at + 2);
}

static void decode_wscale(struct packet *p, uint32_t at, unsigned len)
{
	(void)len;
	uint8_t shift = 0;
	cur_u8(&p->bytes, at + 2, &shift);
	add_uint(p, &opt_wscale_shift, at + 2);
	if (shift > 14)
		packet_problem(p, SEV_WARNING, "tcp.options.wscale.shift",
			       "tcp.options.wscale.shift.invalid", at + 2,
			       _("window scale shift %u is more than 14 (RFC 7323 §2.3): a receiver "
				 "logs it and uses 14"),
			       shift);
	packet_add_generated(p, &opt_wscale_mult, 1u << (shift > 14 ? 14 : shift));
}

static void decode_sack(struct packet *p, uint32_t at, unsigned len)
{
	unsigned blocks = (len - 2) / 8;
	if ((len - 2) % 8)
		packet_problem(p, SEV_ERROR, "tcp.option_len", "tcp.option.len.bad", at + 1,
			       _("SACK option length %u is not 2 + 8 × blocks: the last %u bytes "
				 "are no whole block"),
			       len, (len - 2) % 8);
	for (unsigned i = 0; i < blocks; i++) {
		add_uint(p, &opt_sack_le_def, at + 2 + 8 * i);
		add_uint(p, &opt_sack_re, at + 6 + 8 * i);
	}
	packet_add_generated(p, &opt_sack_count, blocks);
}

static void decode_timestamp(struct packet *p, uint32_t at, unsigned len)
{
	(void)len;
	add_uint(p, &opt_tsval, at + 2);
	add_uint(p, &opt_tsecr, at + 6);
}

static void decode_md5(struct packet *p, uint32_t at, unsigned len)
{
	(void)len;
	add_bytes(p, &opt_md5_digest, at + 2, 16);
}

static void decode_user_to(struct packet *p, uint32_t at, unsigned len)
{
	(void)len;
	add_uint(p, &opt_uto_g, at + 2);
	add_uint(p, &opt_uto_val, at + 2);
}

static void decode_ao(struct packet *p, uint32_t at, unsigned len)
{
	add_uint(p, &opt_ao_keyid, at + 2);
	add_uint(p, &opt_ao_rnext, at + 3);
	add_bytes(p, &opt_ao_mac, at + 4, len - 4);
}

static void decode_mptcp(struct packet *p, uint32_t at, unsigned len)
{
	(void)len;
	add_uint(p, &opt_mptcp_subtype, at + 2);
}

static void decode_tfo(struct packet *p, uint32_t at, unsigned len)
{
	if (len == 2) {
		packet_add_field(p, &opt_tfo_request, at, 2, 0);
		return;
	}
	add_bytes(p, &opt_tfo_cookie, at + 2, len - 2);
	if (len < 6 || len > 18)
		packet_problem(p, SEV_ERROR, "tcp.option_len", "tcp.option.len.bad", at + 1,
			       _("a Fast Open cookie of %u bytes: RFC 7413 allows 4 to 16"), len - 2);
}

/* RFC 6994: shared experimental options start with a 16-bit ExID. */
static void decode_experimental(struct packet *p, uint32_t at, unsigned len)
{
	add_uint(p, &opt_exp_exid, at + 2);
	add_bytes(p, &opt_exp_data, at + 4, len - 4);
}

static void decode_unknown(struct packet *p, uint32_t at, unsigned len)
{
	uint8_t kind = 0;
	cur_u8(&p->bytes, at, &kind);
	add_bytes(p, &opt_unknown_payload, at + 2, len - 2);
	packet_problem(p, SEV_WARNING, "tcp.options.unknown", "tcp.option.unknown", at,
		       _("option kind %u has no meaning hexplain knows; its %u bytes are shown "
			 "raw"),
		       kind, len);
}

/* How each kind with a length byte is read.  len_min = len_max: a fixed
 * length the RFC requires; otherwise the range a decoder needs. */
static const struct option_kind {
	uint8_t kind;
	uint8_t len_min, len_max;
	const struct field_def *group;
	option_decoder decode;
} option_kinds[] = {
	{2, 4, 4, &opt_mss, decode_mss},
	{3, 3, 3, &opt_wscale, decode_wscale},
	{4, 2, 2, &opt_sack_perm, NULL},
	{5, 10, 34, &opt_sack, decode_sack},
	{6, 6, 6, &opt_echo, NULL},
	{7, 6, 6, &opt_echoreply, NULL},
	{8, 10, 10, &opt_timestamp, decode_timestamp},
	{11, 6, 6, &opt_cc, NULL},
	{12, 6, 6, &opt_ccnew, NULL},
	{13, 6, 6, &opt_ccecho, NULL},
	{19, 18, 18, &opt_md5, decode_md5},
	{27, 8, 8, &opt_qs, NULL},
	{28, 4, 4, &opt_user_to, decode_user_to},
	{29, 4, 40, &opt_ao, decode_ao},
	{30, 3, 40, &opt_mptcp, decode_mptcp},
	{34, 2, 40, &opt_tfo, decode_tfo},
	{253, 4, 40, &opt_experimental, decode_experimental},
	{254, 4, 40, &opt_experimental, decode_experimental},
};

static const struct option_kind *find_kind(uint8_t kind)
{
	for (size_t i = 0; i < sizeof(option_kinds) / sizeof(option_kinds[0]); i++)
		if (option_kinds[i].kind == kind)
			return &option_kinds[i];
	return NULL;
}

/* One option with a length byte that lies within the options area and is
 * captured: its heading, kind, length and parts. */
/* Decodes one option whose kind and length bytes are there; when the
 * capture cuts the option, the fields whose bytes were captured are given,
 * as Wireshark does (sub-field rows read through the cursor and stop). */
static void decode_option(struct packet *p, uint8_t kind, uint32_t at, unsigned len)
{
	const struct option_kind *k = find_kind(kind);
	const struct field_def *group = k ? k->group
				       : value_name_find(kind_names, kind) ? &opt_other : &opt_unknown;
	add_bytes(p, group, at, len);
	packet_add_field(p, &opt_kind, at, 1, kind);
	packet_add_field(p, &opt_len, at + 1, 1, len);
	if (!k) {
		if (group == &opt_unknown)
			decode_unknown(p, at, len);
		return;
	}
	if (len < k->len_min || len > k->len_max) {
		/* the option's own length still delimits it: later options are read */
		if (k->len_min == k->len_max)
			packet_problem(p, SEV_ERROR, "tcp.option_len", "tcp.option.len.bad", at + 1,
				       _("%s option with length %u: it must be %u"),
				       kind_name(kind), len, k->len_min);
		else
			packet_problem(p, SEV_ERROR, "tcp.option_len", "tcp.option.len.bad", at + 1,
				       _("%s option with length %u: it must be %u to %u"),
				       kind_name(kind), len, k->len_min, k->len_max);
		return;
	}
	if (k->decode)
		k->decode(p, at, len);
}

/* The rest of the area from a broken option on, with its kind (and length
 * when there is one) under hexplain's names: Wireshark shows none of them. */
static void malformed(struct packet *p, uint32_t at, uint32_t end, bool has_len)
{
	size_t have = cur_avail(&p->bytes, at);
	uint32_t n = end - at;
	if (n > have)
		n = (uint32_t)have;
	packet_add_field(p, &opt_malformed, at, n, 0);
	uint8_t b = 0;
	if (cur_u8(&p->bytes, at, &b))
		packet_add_field(p, &opt_bad_kind, at, 1, b);
	if (has_len && cur_u8(&p->bytes, at + 1, &b))
		packet_add_field(p, &opt_bad_len, at + 1, 1, b);
}

static void options_cut(struct packet *p, uint32_t at, uint8_t kind, unsigned need)
{
	packet_problem(p, SEV_WARNING, "tcp.options", "tcp.options.truncated", at,
		       _("the options stop being captured at byte %u: the %s option there needs "
			 "%u bytes and only %zu were captured"),
		       at, kind_name(kind), need, cur_avail(&p->bytes, at));
}

/* The capture ends right where an option would start. */
static void options_cut_between(struct packet *p, uint32_t at, uint32_t end)
{
	packet_problem(p, SEV_WARNING, "tcp.options", "tcp.options.truncated", at,
		       _("the options stop being captured at byte %u, between two options: "
			 "the last %u bytes of options were not captured"),
		       at, end - at);
}

/* Whether the captured bytes of [at, end) are all zero. */
static bool padding_is_zero(const struct packet *p, uint32_t at, uint32_t end)
{
	uint8_t b;
	for (; at < end && cur_u8(&p->bytes, at, &b); at++)
		if (b != 0)
			return false;
	return true;
}

void decode_tcp_options(struct packet *p, uint32_t off, uint32_t len)
{
	uint32_t end = off + len;
	for (uint32_t at = off; at < end;) {
		uint8_t kind = 0, olen = 0;
		if (!cur_u8(&p->bytes, at, &kind)) {
			options_cut_between(p, at, end);
			return;
		}
		if (kind == 0 || kind == 1) {
			packet_add_field(p, kind ? &opt_nop : &opt_eol, at, 1, 0);
			packet_add_field(p, &opt_kind, at, 1, kind);
			at++;
			/* RFC 9293: after EOL comes zero padding.  Wireshark reads each
			 * zero byte on as one more EOL and stops at the first other
			 * byte: so do we */
			if (kind == 0 && !padding_is_zero(p, at, end)) {
				uint8_t b = 0;
				while (at < end && cur_u8(&p->bytes, at, &b) && b == 0) {
					packet_add_field(p, &opt_eol, at, 1, 0);
					packet_add_field(p, &opt_kind, at, 1, 0);
					at++;
				}
				packet_problem(p, SEV_WARNING, "tcp.options.eol", "tcp.options.padding",
					       at - 1,
					       _("bytes after the end-of-options marker are not zero: "
						 "the padding must be, and they are not read as options"));
				return;
			}
			continue;
		}
		if (at + 1 >= end) {
			malformed(p, at, end, false);
			packet_problem(p, SEV_ERROR, "hexplain.tcp.options.malformed",
				       "tcp.option.len.missing", at,
				       _("option kind %u (%s) is the last byte of the options: its "
					 "length byte is missing"),
				       kind, kind_name(kind));
			return;
		}
		if (!cur_u8(&p->bytes, at + 1, &olen)) {
			options_cut(p, at, kind, 2);
			return;
		}
		if (olen < 2) {
			malformed(p, at, end, true);
			packet_problem(p, SEV_ERROR, "hexplain.tcp.option_len", "tcp.option.len.bad",
				       at + 1,
				       _("option kind %u says its length is %u, less than its own kind "
					 "and length bytes: the options cannot be read on from here"),
				       kind, olen);
			return;
		}
		if (olen > end - at) {
			malformed(p, at, end, true);
			packet_problem(p, SEV_ERROR, "hexplain.tcp.option_len", "tcp.option.len.beyond",
				       at + 1,
				       _("option kind %u says its length is %u, but only %u bytes of "
					 "options are left: it runs past the header's end"),
				       kind, olen, end - at);
			return;
		}
		if (!cur_has(&p->bytes, at, olen)) {
			decode_option(p, kind, at, olen);
			options_cut(p, at, kind, olen);
			return;
		}
		decode_option(p, kind, at, olen);
		at += olen;
	}
}
