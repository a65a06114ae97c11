/* icmp.c - ICMP for IPv4 (RFC 792): echo, the error messages with the
 * datagram they quote, timestamps, address masks (RFC 950), router discovery
 * (RFC 1256), path MTU discovery (RFC 1191) and the RFC 4884 length. */
#include "decode.h"

#include "analyze/checksum.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

static const struct value_name type_names[] = {
	{0, N_("echo reply")},
	{3, N_("destination unreachable")},
	{4, N_("source quench (deprecated, RFC 6633)")},
	{5, N_("redirect")},
	{8, N_("echo request")},
	{9, N_("router advertisement")},
	{10, N_("router solicitation")},
	{11, N_("time exceeded")},
	{12, N_("parameter problem")},
	{13, N_("timestamp request")},
	{14, N_("timestamp reply")},
	{15, N_("information request (obsolete)")},
	{16, N_("information reply (obsolete)")},
	{17, N_("address mask request")},
	{18, N_("address mask reply")},
	{42, N_("extended echo request (RFC 8335)")},
	{43, N_("extended echo reply (RFC 8335)")},
	{0, NULL},
};

/* RFC 8335 §3: why an extended echo reply has no answer. */
static const struct value_name ext_echo_reply_codes[] = {
	{0, N_("no error")},
	{1, N_("malformed query")},
	{2, N_("no such interface")},
	{3, N_("no such table entry")},
	{4, N_("multiple interfaces satisfy the query")},
	{0, NULL},
};

/* What each unreachable code means, in words a person can act on. */
static const struct value_name unreach_codes[] = {
	{0, N_("network unreachable: a router has no route to the destination network")},
	{1, N_("host unreachable: the last router could not deliver to the host (no ARP "
	       "answer, host down)")},
	{2, N_("protocol unreachable: the destination host does not run the protocol named in "
	       "the quoted IP header")},
	{3, N_("port unreachable: no process listens on that port (for UDP; TCP answers with a "
	       "RST instead); the quoted datagram below is the one that was refused")},
	{4, N_("fragmentation needed and DF set: the datagram is larger than the next hop's "
	       "MTU and may not be fragmented; the MTU field says what fits (path MTU "
	       "discovery, RFC 1191)")},
	{5, N_("source route failed: a hop of the source route option could not be reached")},
	{6, N_("destination network unknown")},
	{7, N_("destination host unknown")},
	{8, N_("source host isolated (obsolete)")},
	{9, N_("communication with the destination network administratively prohibited")},
	{10, N_("communication with the destination host administratively prohibited")},
	{11, N_("network unreachable for the type of service")},
	{12, N_("host unreachable for the type of service")},
	{13, N_("communication administratively prohibited: a firewall or filter dropped the "
		"quoted datagram (RFC 1812)")},
	{14, N_("host precedence violation (RFC 1812)")},
	{15, N_("precedence cutoff in effect (RFC 1812)")},
	{0, NULL},
};

static const struct value_name redirect_codes[] = {
	{0, N_("redirect datagrams for the network (obsolete, RFC 1812)")},
	{1, N_("redirect datagrams for the host: use the gateway below for this destination")},
	{2, N_("redirect datagrams for the type of service and network")},
	{3, N_("redirect datagrams for the type of service and host")},
	{0, NULL},
};

static const struct value_name time_exceeded_codes[] = {
	{0, N_("time to live exceeded in transit: a router decremented the TTL to 0 and "
	       "dropped the quoted datagram (this is how traceroute finds each hop)")},
	{1, N_("fragment reassembly time exceeded: not all fragments arrived in time")},
	{0, NULL},
};

static const struct value_name param_problem_codes[] = {
	{0, N_("the pointer below marks the byte of the quoted datagram that is wrong")},
	{1, N_("a required option is missing")},
	{2, N_("bad length")},
	{0, NULL},
};

static const struct value_name router_adv_codes[] = {
	{0, N_("normal router advertisement")},
	{16, N_("does not route common traffic (RFC 2002, mobile IP)")},
	{0, NULL},
};

/* The quoted IPv4 header's fields, by byte, for the parameter problem pointer. */
static const char *const ipv4_byte_names[20] = {
	N_("version and header length"), N_("TOS / DS field"), N_("total length"),
	N_("total length"), N_("identification"), N_("identification"), N_("flags and fragment offset"),
	N_("flags and fragment offset"), N_("time to live"), N_("protocol"), N_("header checksum"),
	N_("header checksum"), N_("source address"), N_("source address"), N_("source address"),
	N_("source address"), N_("destination address"), N_("destination address"),
	N_("destination address"), N_("destination address"),
};

static bool is_error_type(unsigned t)
{
	return t == 3 || t == 4 || t == 5 || t == 11 || t == 12;
}

static unsigned layer_type(const struct packet *p, size_t layer)
{
	const struct field *t = packet_find_in_layer(p, layer, "icmp.type");
	return t ? (unsigned)t->value : 256;
}

static const struct value_name *code_names(unsigned type)
{
	switch (type) {
	case 3:
		return unreach_codes;
	case 5:
		return redirect_codes;
	case 9:
		return router_adv_codes;
	case 11:
		return time_exceeded_codes;
	case 12:
		return param_problem_codes;
	case 43:
		return ext_echo_reply_codes;
	default:
		return NULL;
	}
}

static void explain_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned t = (unsigned)f->value;
	const char *n = value_name_find(type_names, t);
	sb_printf(o, "%u → %s", t, n ? _(n) : _("a type hexplain does not know"));
	if (t == 8)
		sb_puts(o, _(": \"are you there?\", what ping sends"));
	else if (t == 0)
		sb_puts(o, _(": the answer to a ping"));
	else if (is_error_type(t))
		sb_puts(o, _(": an error report; it quotes the IP header and the first bytes of "
			     "the datagram that caused it"));
}

static void explain_code(const struct packet *p, const struct field *f, struct strbuf *o)
{
	unsigned t = layer_type(p, f->layer);
	unsigned c = (unsigned)f->value;
	const struct value_name *names = code_names(t);
	const char *n = names ? value_name_find(names, c) : NULL;
	if (n)
		sb_printf(o, "%u/%u %s", t, c, _(n));
	else if (c == 0)
		sb_puts(o, _("0: this type has no codes"));
	else
		sb_printf(o, _("%u: not a code defined for type %u"), c, t);
}

static void explain_checksum(const struct packet *p, const struct field *f, struct strbuf *o)
{
	if (packet_find_in_layer(p, f->layer, "hexplain.icmp.checksum.status")) {
		sb_printf(o, _("not verified: the IP header gives the message more bytes than the "
			       "%zu the frame had on the wire, and the sum covers every byte (tshark "
			       "sums the bytes there are and calls that bad)"),
			  cur_avail(&p->bytes, p->layers[f->layer].offset));
		return;
	}
	explain_checksum_verdict(p, f, "icmp.checksum.status", "hexplain.icmp.checksum_calculated",
				 o);
	sb_puts(o, _(" (over the whole ICMP message, no pseudo-header)"));
}

static void explain_ident(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("0x%04x = %u: ties replies to the pinging process (Linux and BSD ping: "
		       "its process id, or a number the kernel picks); the reply carries the "
		       "same value"),
		  (unsigned)f->value, (unsigned)f->value);
}

static void explain_seq(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u: counts the requests of one ping run, from 0 or 1 up (icmp_seq in "
		       "ping's output); the reply repeats it"),
		  (unsigned)f->value);
}

static void explain_le(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u: the same two bytes read little-endian, as Windows' ping counts"),
		  (unsigned)f->value);
}

static void explain_unused(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
	bool zero = true;
	for (uint32_t i = 0; b && i < f->length; i++)
		zero = zero && b[i] == 0;
	sb_puts(o, zero ? _("unused, zero as it must be") : _("unused, but not zero"));
}

static void explain_mtu(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned m = (unsigned)f->value;
	if (m == 0)
		sb_puts(o, _("0: a router from before RFC 1191 that does not report the MTU"));
	else
		sb_printf(o, _("%u bytes: the largest datagram the next hop takes; the sender "
			       "should send at most %u-byte datagrams to this destination"),
			  m, m);
}

static void explain_gateway(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 4);
	if (a)
		sb_printf(o, _("%u.%u.%u.%u: the better first-hop router for the quoted "
			       "datagram's destination"),
			  a[0], a[1], a[2], a[3]);
}

static void explain_pointer(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned ptr = (unsigned)f->value;
	if (ptr < 20)
		sb_printf(o, _("byte %u of the quoted datagram is wrong: its %s"), ptr,
			  _(ipv4_byte_names[ptr]));
	else
		sb_printf(o, _("byte %u of the quoted datagram is wrong: past the fixed IPv4 "
			       "header, in its options or data"),
			  ptr);
}

static void explain_timestamp(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	uint32_t ms = (uint32_t)f->value;
	if (ms & 0x80000000u) {
		sb_printf(o, _("%u: high-order bit set: a non-standard time, not milliseconds "
			       "since midnight UT"),
			  ms);
		return;
	}
	sb_printf(o, _("%u ms since midnight UT = %02u:%02u:%02u.%03u"), ms, ms / 3600000u,
		  ms / 60000u % 60u, ms / 1000u % 60u, ms % 1000u);
	if (ms >= 86400000u)
		sb_puts(o, _(" (more than a day: not a valid standard time)"));
}

static void explain_length(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u × 4 = %u bytes of the original datagram are quoted, then ICMP "
		       "extensions follow (RFC 4884)"),
		  (unsigned)f->value, (unsigned)f->value * 4);
}

static void explain_lifetime(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u seconds the advertised addresses stay valid"), (unsigned)f->value);
}

static void explain_pref(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	uint32_t v = (uint32_t)f->value;
	if (v == 0x80000000u)
		sb_puts(o, _("-2147483648: the lowest possible: never use this router as default"));
	else
		sb_printf(o, _("%d: higher is preferred as default router"), (int32_t)v);
}

static const struct field_def icmp_fields[] = {
	{"icmp.type", N_("type"), FT_UINT, 0, 1, 0, 0, 0, BASE_DEC, type_names, explain_type,
	 N_("what kind of ICMP message this is (RFC 792)")},
	{"icmp.code", N_("code"), FT_UINT, 1, 1, 0, 0, 0, BASE_DEC, NULL, explain_code,
	 N_("the reason, within the type")},
	{"icmp.checksum", N_("checksum"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, NULL, explain_checksum,
	 N_("ones'-complement sum over the whole ICMP message (RFC 792)")},
};
#define ICMP_HDR_ROWS (sizeof(icmp_fields) / sizeof(icmp_fields[0]))

static const struct field_def f_status = {"icmp.checksum.status", N_("checksum status"),
	FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC, checksum_status_names, NULL,
	N_("hexplain's verdict on the checksum")};
/* The frame ended, on the wire, before the message the IP header declares:
 * tshark sums the bytes that are there and calls the checksum bad, a
 * verdict on a message that never existed as such; hexplain's honest one
 * goes under its own name. */
static const struct field_def f_short_status = {"hexplain.icmp.checksum.status",
	N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC, checksum_status_names, NULL,
	N_("not verifiable: the frame ended before the message the IP header declares")};
/* tshark shows no calculated ICMP checksum; hexplain does, under its own name. */
static const struct field_def f_calc = {"hexplain.icmp.checksum_calculated",
	N_("checksum calculated"), FT_UINT, 0, 0, 0, 0, 1, BASE_HEX, NULL, NULL,
	N_("the checksum the message should carry")};

#define ROW(name, title, type, off, len, explain, blurb) \
	{name, title, type, off, len, 0, 0, 0, BASE_DEC, NULL, explain, blurb}

static const struct field_def f_ident = ROW("icmp.ident", N_("identifier"), FT_UINT, 4, 2,
	explain_ident, N_("matches replies to requests"));
static const struct field_def f_ident_le = {"icmp.ident_le", N_("identifier (LE)"), FT_UINT, 4,
	2, 0, 0, 1, BASE_DEC, NULL, explain_le, N_("the identifier read little-endian")};
static const struct field_def f_seq = ROW("icmp.seq", N_("sequence number"), FT_UINT, 6, 2,
	explain_seq, N_("counts the requests"));
static const struct field_def f_seq_le = {"icmp.seq_le", N_("sequence number (LE)"), FT_UINT, 6,
	2, 0, 0, 1, BASE_DEC, NULL, explain_le, N_("the sequence number read little-endian")};
/* RFC 8335 extended echo: a 16-bit identifier, an 8-bit sequence number,
 * then flag bits that differ between request and reply. */
static const struct value_name ext_echo_states[] = {
	{0, N_("reserved")},	{1, N_("incomplete")}, {2, N_("reachable")}, {3, N_("stale")},
	{4, N_("delay")},	{5, N_("probe")},      {6, N_("failed")},    {0, NULL},
};
static const struct field_def ext_echo_rows[] = {
	ROW("icmp.ext.echo.seq", N_("sequence number"), FT_UINT, 6, 1, NULL,
	    N_("counts the requests, 8 bits")),
};
static const struct field_def ext_echo_req_rows[] = {
	{"icmp.ext.echo.req.res", N_("reserved"), FT_UINT, 7, 1, 0xfe, 0, 0, BASE_HEX, NULL, NULL,
	 N_("must be zero")},
	{"icmp.ext.echo.req.local", N_("local (L)"), FT_BOOL, 7, 1, 0x01, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1: the interface asked about is on the node that answers")},
};
static const struct field_def ext_echo_rsp_rows[] = {
	{"icmp.ext.echo.rsp.state", N_("state"), FT_UINT, 7, 1, 0xe0, 0, 0, BASE_DEC,
	 ext_echo_states, NULL, N_("the neighbor cache state of a remote interface")},
	{"icmp.ext.echo.rsp.res", N_("reserved"), FT_UINT, 7, 1, 0x18, 0, 0, BASE_HEX, NULL, NULL,
	 N_("must be zero")},
	{"icmp.ext.echo.rsp.active", N_("active (A)"), FT_BOOL, 7, 1, 0x04, 0, 0, BASE_DEC, NULL,
	 NULL, N_("1: the interface is up")},
	{"icmp.ext.echo.rsp.ipv4", N_("IPv4 (4)"), FT_BOOL, 7, 1, 0x02, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1: IPv4 runs on the interface")},
	{"icmp.ext.echo.rsp.ipv6", N_("IPv6 (6)"), FT_BOOL, 7, 1, 0x01, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1: IPv6 runs on the interface")},
};
static const struct field_def f_unused4 = ROW("icmp.unused", N_("unused"), FT_BYTES, 4, 4,
	explain_unused, N_("must be zero"));
static const struct field_def f_unused2 = ROW("icmp.unused", N_("unused"), FT_BYTES, 4, 2,
	explain_unused, N_("must be zero"));
static const struct field_def f_unused1 = ROW("icmp.unused", N_("unused"), FT_BYTES, 4, 1,
	explain_unused, N_("must be zero"));
static const struct field_def f_unused_tail = ROW("icmp.unused", N_("unused"), FT_BYTES, 6, 2,
	explain_unused, N_("must be zero"));
static const struct field_def f_unused3 = ROW("icmp.unused", N_("unused"), FT_BYTES, 5, 3,
	explain_unused, N_("must be zero"));
/* Wireshark shows nothing for these four bytes. */
static const struct field_def fx_unused = ROW("hexplain.icmp.unused", N_("unused"), FT_BYTES,
	4, 4, explain_unused, N_("must be zero"));
static const struct field_def f_length = ROW("icmp.length", N_("length"), FT_UINT, 5, 1,
	explain_length, N_("the quoted datagram's length in 32-bit words (RFC 4884)"));
static const struct field_def f_length_orig = {"icmp.length.original_datagram",
	N_("original datagram length"), FT_UINT, 0, 0, 0, 0, 1, BASE_DEC, NULL, NULL,
	N_("length × 4 bytes")};
static const struct field_def f_mtu = ROW("icmp.mtu", N_("next-hop MTU"), FT_UINT, 6, 2,
	explain_mtu, N_("the MTU of the link that refused the datagram (RFC 1191)"));
static const struct field_def f_gw = ROW("icmp.redir_gw", N_("gateway address"), FT_IPV4, 4, 4,
	explain_gateway, N_("the router to use instead (RFC 792)"));
static const struct field_def f_pointer = ROW("icmp.pointer", N_("pointer"), FT_UINT, 4, 1,
	explain_pointer, N_("the byte of the quoted datagram that is in error"));
static const struct field_def f_orig_ts = ROW("icmp.originate_timestamp",
	N_("originate timestamp"), FT_UINT, 8, 4, explain_timestamp,
	N_("when the requester sent the request"));
static const struct field_def f_recv_ts = ROW("icmp.receive_timestamp", N_("receive timestamp"),
	FT_UINT, 12, 4, explain_timestamp, N_("when the replier received it"));
static const struct field_def f_xmit_ts = ROW("icmp.transmit_timestamp",
	N_("transmit timestamp"), FT_UINT, 16, 4, explain_timestamp,
	N_("when the replier sent the reply"));
static const struct field_def f_mask = ROW("icmp.address_mask", N_("address mask"), FT_IPV4, 8,
	4, NULL, N_("the subnet mask of the network (RFC 950)"));
static const struct field_def f_num_addrs = ROW("icmp.num_addrs", N_("number of addresses"),
	FT_UINT, 4, 1, NULL, N_("router addresses in this advertisement (RFC 1256)"));
static const struct field_def f_entry_size = ROW("icmp.addr_entry_size",
	N_("address entry size"), FT_UINT, 5, 1, NULL,
	N_("32-bit words per address entry: 2 (address and preference)"));
static const struct field_def f_lifetime = ROW("icmp.lifetime", N_("lifetime"), FT_UINT, 6, 2,
	explain_lifetime, N_("seconds the addresses may be considered valid"));
static const struct field_def f_router = ROW("icmp.router_address", N_("router address"),
	FT_IPV4, 0, 4, NULL, N_("an address of the advertising router"));
static const struct field_def f_pref = ROW("icmp.pref_level", N_("preference level"), FT_UINT,
	0, 4, explain_pref, N_("signed; higher is preferred as default router"));
/* tshark shows the preference signed: a negative one keeps hexplain's name. */
static const struct field_def fx_pref = ROW("hexplain.icmp.pref_level_unsigned",
	N_("preference level"), FT_UINT, 0, 4, explain_pref,
	N_("a preference with its sign bit set, as an unsigned number"));
static const struct field_def f_data = {"data.data", N_("data"), FT_BYTES, 0, 0, 0, 0, 0,
	BASE_HEX, NULL, NULL, N_("the echo payload, returned unchanged in the reply")};
static const struct field_def f_data_len = {"data.len", N_("data length"), FT_UINT, 0, 0, 0, 0,
	1, BASE_DEC, NULL, NULL, N_("bytes of payload")};

/* tshark takes the first 8 echo data bytes for a send time (32-bit seconds,
 * 32-bit microseconds, either byte order) when the microseconds are below a
 * million and the seconds lie in the day after the frame's own time stamp,
 * and then calls only the rest data.  A hex dump has no date, so whether
 * tshark does cannot be known: such data goes under hexplain's names. */
static void explain_echo_data(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes, returned unchanged in the reply; the first 8 may be the "
		       "sender's clock (seconds, microseconds), as ping writes it"),
		  (unsigned)f->length);
}

static const struct field_def fx_data = {"hexplain.icmp.echo_data", N_("data"), FT_BYTES, 0, 0,
	0, 0, 0, BASE_HEX, NULL, explain_echo_data,
	N_("the echo payload; tshark may split off a time stamp here, which needs the capture "
	   "date a dump lacks")};
static const struct field_def fx_data_len = {"hexplain.icmp.echo_data_len", N_("data length"),
	FT_UINT, 0, 0, 0, 0, 1, BASE_DEC, NULL, NULL, N_("bytes of payload")};

/* Whether tshark could read the first 8 data bytes as a time stamp. */
static bool may_be_timestamp(const struct packet *p, uint32_t at, uint32_t n)
{
	uint32_t usec_be = 0;
	uint8_t b[4] = {0};
	if (n < 8 || !cur_be32(&p->bytes, at + 4, &usec_be))
		return false;
	for (int i = 0; i < 4; i++)
		cur_u8(&p->bytes, at + 4 + (uint32_t)i, &b[i]);
	uint32_t usec_le = b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	return usec_be < 1000000 || usec_le < 1000000;
}

static void add_le16(struct packet *p, const struct field_def *def, uint32_t at)
{
	uint16_t v = 0;
	if (cur_le16(&p->bytes, at, &v))
		packet_add_field(p, def, at, 2, v);
}

static void verify_checksum(struct packet *p, uint32_t off, uint32_t end)
{
	uint32_t sum = 0;
	uint16_t stored = 0;
	uint32_t len = end > off ? end - off : 0;
	if (len >= 4 && p->frame_whole && !cur_has(&p->bytes, off, len)) {
		packet_add_generated(p, &f_short_status, CKSUM_UNVERIFIED);
		return;
	}
	if (len < 4 || !cur_be16(&p->bytes, off + 2, &stored) ||
	    !cksum_add(&sum, &p->bytes, off, len)) {
		packet_add_generated(p, &f_status, CKSUM_UNVERIFIED);
		return;
	}
	uint16_t want = (uint16_t)~cksum_fold(sum + (uint16_t)~stored);
	bool good = cksum_fold(sum) == 0xffff;
	packet_add_generated(p, &f_status, good ? CKSUM_GOOD : CKSUM_BAD);
	packet_add_generated(p, &f_calc, want);
	if (!good)
		packet_problem(p, SEV_ERROR, "icmp.checksum", "icmp.checksum.bad", off + 2,
			       _("ICMP checksum 0x%04x is wrong: it should be 0x%04x"), stored, want);
}

/* The datagram an error message quotes: its IP header and first data bytes,
 * decoded as layers of their own, marked quoted. */
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
	else if (first >> 4 == 4)
		decode_ipv4(p, at, end, &inner);
	else
		decode_payload(p, at, end);
}

/* Rows that need the whole 8-byte header; false when it is cut. */
static bool read_rows(struct packet *p, const struct field_def *const *defs, size_t n,
		      uint32_t off)
{
	for (size_t i = 0; i < n; i++)
		if (!packet_read_row(p, defs[i], off, NULL))
			return false;
	return true;
}

static bool read_rows_of(struct packet *p, const struct field_def *defs, size_t n, uint32_t off)
{
	return packet_read_rows(p, defs, n, off) == n;
}

static bool decode_echo_like(struct packet *p, uint32_t off)
{
	if (!packet_read_row(p, &f_ident, off, NULL))
		return false;
	add_le16(p, &f_ident_le, off + 4);
	if (!packet_read_row(p, &f_seq, off, NULL))
		return false;
	add_le16(p, &f_seq_le, off + 6);
	return true;
}

static bool decode_ext_echo(struct packet *p, uint32_t off, bool request)
{
	if (!packet_read_row(p, &f_ident, off, NULL))
		return false;
	add_le16(p, &f_ident_le, off + 4);
	if (!packet_read_row(p, &ext_echo_rows[0], off, NULL))
		return false;
	return request ? read_rows_of(p, ext_echo_req_rows, 2, off)
		       : read_rows_of(p, ext_echo_rsp_rows, 5, off);
}

/* The 4 bytes after the checksum of unreachable and time exceeded: unused,
 * or an RFC 4884 length in the second byte. */
static bool decode_unused_or_length(struct packet *p, uint32_t off)
{
	uint8_t words = 0;
	if (!cur_u8(&p->bytes, off + 5, &words))
		return false;
	if (words == 0)
		return packet_read_row(p, &f_unused4, off, NULL);
	const struct field_def *const rows[] = {&f_unused1, &f_length, &f_unused_tail};
	if (!read_rows(p, rows, 3, off))
		return false;
	packet_add_generated(p, &f_length_orig, words * 4u);
	return true;
}

void decode_icmp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "icmp",
				     ctx->quoted ? N_("quoted ICMP header") : N_("ICMP header"), off,
				     ctx->quoted);
	if (layer < 0)
		return;
	size_t have = cur_avail(&p->bytes, off);
	size_t read = packet_read_rows(p, icmp_fields, ICMP_HDR_ROWS, off);
	if (read == ICMP_HDR_ROWS && (ctx->quoted || ctx->ph.family == 0))
		/* a copy inside an error, or the first fragment of a datagram: the
		 * message is not all here to sum (tshark: "in ICMP error packet",
		 * "fragmented datagram") */
		packet_add_generated(p, &f_status, CKSUM_UNVERIFIED);
	else if (read == ICMP_HDR_ROWS)
		verify_checksum(p, off, end);
	uint8_t type = 0, code = 0;
	cur_u8(&p->bytes, off, &type);
	cur_u8(&p->bytes, off + 1, &code);
	if (ctx->quoted && read > 0 && (type == 3 || type == 4 || type == 5 || type == 11 || type == 12))
		/* the outer message is an error about an error */
		packet_problem(p, SEV_WARNING, "icmp.type", "icmp.error_about_error", off,
			       _("an ICMP error quoting an ICMP error (type %u): RFC 1122 §3.2.2 "
				 "forbids sending one, so that errors cannot breed errors"),
			       type);

	unsigned hlen = 8;
	bool ok = read == ICMP_HDR_ROWS;
	if (ok) {
		switch (type) {
		case 0:
		case 8:
		case 15:
		case 16:
			ok = decode_echo_like(p, off);
			break;
		case 13:
		case 14: {
			hlen = 20;
			const struct field_def *const rows[] = {&f_orig_ts, &f_recv_ts, &f_xmit_ts};
			ok = decode_echo_like(p, off) && read_rows(p, rows, 3, off);
			break;
		}
		case 42:
		case 43:
			ok = decode_ext_echo(p, off, type == 42);
			break;
		case 17:
		case 18:
			hlen = 12;
			ok = decode_echo_like(p, off) && packet_read_row(p, &f_mask, off, NULL);
			break;
		case 3:
			if (code == 4) {
				const struct field_def *const rows[] = {&f_unused2, &f_mtu};
				ok = read_rows(p, rows, 2, off);
			} else {
				ok = decode_unused_or_length(p, off);
			}
			break;
		case 11:
			ok = decode_unused_or_length(p, off);
			break;
		case 4:
		case 10:
			ok = packet_read_row(p, &fx_unused, off, NULL);
			break;
		case 5:
			ok = packet_read_row(p, &f_gw, off, NULL);
			break;
		case 12: {
			const struct field_def *const rows[] = {&f_pointer, &f_unused3};
			ok = read_rows(p, rows, 2, off);
			break;
		}
		case 9: {
			const struct field_def *const rows[] = {&f_num_addrs, &f_entry_size,
								&f_lifetime};
			ok = read_rows(p, rows, 3, off);
			uint8_t n = 0, size = 0;
			cur_u8(&p->bytes, off + 4, &n);
			cur_u8(&p->bytes, off + 5, &size);
			unsigned step = size >= 2 ? size * 4u : 8u;
			for (unsigned i = 0; ok && i < n; i++) {
				uint32_t at = off + 8 + i * step;
				uint32_t pref = 0;
				if (!cur_be32(&p->bytes, at + 4, &pref)) {
					ok = false;
					break;
				}
				packet_read_row(p, &f_router, at, NULL);
				packet_read_row(p, pref & 0x80000000u ? &fx_pref : &f_pref, at + 4,
						NULL);
				hlen = 8 + (i + 1) * step;
			}
			if (size != 2 && ok)
				packet_problem(p, SEV_WARNING, "icmp.addr_entry_size",
					       "icmp.addr_entry_size.bad", off + 5,
					       _("address entry size %u: RFC 1256 defines only 2"),
					       size);
			break;
		}
		default:
			hlen = 4;
			break;
		}
	}
	p->layers[layer].length = (uint32_t)(have < hlen ? have : hlen);
	if (!ok) {
		p->layers[layer].truncated = true;
		/* (a checksum that was read has its verdict already; one that was
		 * not gets none) */
		decode_truncated(p, "icmp", off, hlen);
		return;
	}

	uint32_t body = off + hlen;
	if (is_error_type(type)) {
		decode_quoted(p, body, end, ctx);
		return;
	}
	if (type == 0 || type == 8) {
		/* the echo payload, as much as was captured */
		size_t avail = cur_avail(&p->bytes, body);
		uint32_t n = end > body ? end - body : 0;
		if (n > avail)
			n = (uint32_t)avail;
		if (n > 0) {
			bool stamp = may_be_timestamp(p, body, n);
			packet_add_field(p, stamp ? &fx_data : &f_data, body, n, 0);
			packet_add_generated(p, stamp ? &fx_data_len : &f_data_len, n);
		}
	}
	decode_payload(p, body, end);
}
