/* udp.c - the UDP header (RFC 768), its checksum over IPv4 and IPv6 (RFC 8200 §8.1). */
#include "decode.h"

#include <string.h>

#include "analyze/checksum.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

#define UDP_HEADER 8
/* LBL traceroute's first probe port is 32768 + 666; Wireshark flags the 30
 * ports above it (10 hops, 3 probes each) as likely probes. */
#define TRACEROUTE_BASE 33434u
#define TRACEROUTE_PORTS 30u

/* tshark's checksum verdicts, with the two UDP adds to good/bad/unverified:
 * a zero checksum is "not present" over IPv4 and "illegal" over IPv6. */
enum {
	UDP_CKSUM_NOT_PRESENT = 3,
	UDP_CKSUM_ILLEGAL = 4,
};

static const struct value_name udp_checksum_status_names[] = {
	{CKSUM_BAD, "bad"},
	{CKSUM_GOOD, "good"},
	{CKSUM_UNVERIFIED, "unverified"},
	{UDP_CKSUM_NOT_PRESENT, "not present"},
	{UDP_CKSUM_ILLEGAL, "illegal"},
	{0, NULL},
};

/* What the enclosing IP layer says, read back from its fields so that the
 * explain functions (which see only the packet) reach the same facts. */
struct udp_env {
	int family;         /* 4 or 6; 0 when no IP layer encloses the header */
	bool fragment;      /* the IP layer carries only part of the datagram */
	bool have_payload;  /* ip_payload is known */
	uint32_t ip_payload; /* bytes the IP layer carries from the UDP header on */
};

static bool field_set(const struct packet *p, size_t layer, const char *name)
{
	const struct field *f = packet_find_in_layer(p, layer, name);
	return f && f->value != 0;
}

static struct udp_env udp_env_of(const struct packet *p, size_t udp_layer)
{
	struct udp_env env = {0};
	uint32_t udp_off = p->layers[udp_layer].offset;
	for (size_t l = udp_layer; l-- > 0;) {
		const char *proto = p->layers[l].proto;
		uint64_t ip_end = 0;
		if (strcmp(proto, "ip") == 0) {
			const struct field *len = packet_find_in_layer(p, l, "ip.len");
			env.family = 4;
			env.fragment = field_set(p, l, "ip.flags.mf") || field_set(p, l, "ip.frag_offset");
			if (!len)
				return env;
			ip_end = p->layers[l].offset + len->value;
		} else if (strncmp(proto, "ipv6", 4) == 0) {
			const struct field *plen = packet_find_in_layer(p, l, "ipv6.plen");
			/* an extension header's layer: its fragment fields count, the
			 * payload length sits further out */
			if (field_set(p, l, "ipv6.fraghdr.more") || field_set(p, l, "ipv6.fraghdr.offset"))
				env.fragment = true;
			if (!plen)
				continue;
			env.family = 6;
			ip_end = p->layers[l].offset + 40u + plen->value;
		} else {
			continue;
		}
		if (ip_end >= udp_off) {
			env.have_payload = true;
			env.ip_payload = (uint32_t)(ip_end - udp_off);
		}
		return env;
	}
	return env;
}

/* ---- meanings ---- */

static void explain_srcport(const struct packet *p, const struct field *f, struct strbuf *o)
{
	if (f->value == 0)
		sb_puts(o, _("0: the sender expects no reply; RFC 768 makes the source port optional"));
	else
		explain_port(p, f, "udp", o);
}

static void explain_dstport(const struct packet *p, const struct field *f, struct strbuf *o)
{
	explain_port(p, f, "udp", o);
}

static void explain_length(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct udp_env env = udp_env_of(p, f->layer);
	unsigned v = (unsigned)f->value;
	if (v == 0 && env.family == 6) {
		sb_puts(o, _("0 over IPv6 marks a jumbogram (RFC 2675): the length is then the IPv6 "
			     "payload's, which must exceed 65535"));
		return;
	}
	if (v < UDP_HEADER) {
		sb_printf(o, _("%u: less than the 8 bytes of the header itself, so the length is "
			       "invalid (RFC 768: at least 8)"),
			  v);
		return;
	}
	sb_printf(o, _("0x%04x = %u bytes = header 8 + %u data"), v, v, v - UDP_HEADER);
	if (!env.have_payload)
		return;
	if (env.fragment)
		sb_printf(o, _("; this fragment carries %u of them, the rest follow in later "
			       "fragments"),
			  env.ip_payload);
	else if (v == env.ip_payload)
		sb_puts(o, _("  ✓ what the IP layer carries"));
	else if (v < env.ip_payload)
		sb_printf(o, _("; the IP layer carries %u: the last %u belong to no datagram"),
			  env.ip_payload, env.ip_payload - v);
	else
		sb_printf(o, _("; but the IP layer carries only %u: the length lies"), env.ip_payload);
}

static bool offload_reported(const struct packet *p, uint32_t offset)
{
	for (size_t i = 0; i < p->nproblems; i++)
		if (p->problems[i].id && p->problems[i].offset == offset &&
		    strcmp(p->problems[i].id, "udp.checksum.offload") == 0)
			return true;
	return false;
}

static void explain_checksum(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field *st = packet_find_in_layer(p, f->layer, "udp.checksum.status");
	const struct field *len = packet_find_in_layer(p, f->layer, "udp.length");
	struct udp_env env = udp_env_of(p, f->layer);
	const struct layer *l = &p->layers[f->layer];
	unsigned ulen = len ? (unsigned)len->value : 0;
	const struct field *own = packet_find_in_layer(p, f->layer, "hexplain.udp.checksum.status");
	if (own && ulen >= UDP_HEADER) {
		explain_checksum_verdict(p, f, "hexplain.udp.checksum.status",
					 "hexplain.udp.checksum_calculated", o);
		sb_printf(o, _(", summed over the IPv%d pseudo-header, the 8-byte header and %u data "
			       "bytes: all of the datagram's bytes are captured, though not all of "
			       "the IP payload (tshark checks only when they are, and says "
			       "unverified)"),
			  env.family, ulen - UDP_HEADER);
		return;
	}
	if (f->value == 0) {
		sb_puts(o, _("0 means the sender did not compute one: allowed over IPv4 (RFC 768), "
			     "forbidden over IPv6 (RFC 8200 8.1)"));
		if (st && st->value == UDP_CKSUM_ILLEGAL)
			sb_puts(o, _("; this is IPv6, so a receiver must drop the datagram"));
		else if (env.family == 4)
			sb_puts(o, _("; this is IPv4, so there is nothing to check"));
		return;
	}
	if (st && st->value == CKSUM_BAD && offload_reported(p, f->offset)) {
		const struct field *calc =
			packet_find_in_layer(p, f->layer, "udp.checksum_calculated");
		sb_printf(o, _("✗ should be 0x%04x — but 0x%04x is exactly the pseudo-header sum: "
			       "checksum offload (the network card was to finish it; loopback never "
			       "does). Not corruption."),
			  calc ? (unsigned)calc->value : 0u, (unsigned)f->value);
		return;
	}
	if (st && (st->value == CKSUM_GOOD || st->value == CKSUM_BAD)) {
		explain_checksum_verdict(p, f, "udp.checksum.status", "udp.checksum_calculated", o);
		sb_printf(o, _(", summed over the IPv%d pseudo-header, the 8-byte header and %u data "
			       "bytes"),
			  env.family, ulen - UDP_HEADER);
		return;
	}
	size_t have = cur_avail(&p->bytes, l->offset);
	if (len && ulen < UDP_HEADER)
		sb_puts(o, _("not verified: the length field is invalid, so the bytes it covers are "
			     "unknown"));
	else if (env.fragment)
		sb_puts(o, _("not verified: this fragment holds only the start of the datagram; the "
			     "rest follows in later fragments (checked on the reassembled datagram when they are "
			     "all in the input)"));
	else if (env.have_payload && ulen > env.ip_payload)
		sb_puts(o, _("not verified: the length field claims more than the IP layer carries"));
	else if (l->quoted && env.have_payload && have < env.ip_payload)
		sb_printf(o, _("not verified: the ICMP error quotes only %zu of the datagram's %u "
			       "bytes"),
			  have, env.ip_payload);
	else if (env.have_payload && have < env.ip_payload)
		sb_printf(o, _("not verified: the capture stops after %zu of the datagram's %u bytes"),
			  have, env.ip_payload);
	else
		sb_puts(o, _("not verified: no IP pseudo-header to sum with"));
}

static const struct field_def udp_own_payload;

static void explain_payload(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field *len = packet_find_in_layer(p, f->layer, "udp.length");
	unsigned ulen = len ? (unsigned)len->value : 0;
	if (f->def == &udp_own_payload) {
		struct udp_env env = udp_env_of(p, f->layer);
		sb_printf(o, _("%u data bytes, as far as the UDP length reaches; the IP payload "
			       "goes on for %u bytes more, which belong to no datagram (tshark's "
			       "udp.payload takes them in)"),
			  (unsigned)f->length,
			  env.ip_payload > ulen ? env.ip_payload - ulen : 0u);
		return;
	}
	if (ulen > UDP_HEADER && f->length < ulen - UDP_HEADER)
		sb_printf(o, _("%u of the datagram's %u data bytes"), (unsigned)f->length,
			  ulen - UDP_HEADER);
	else
		sb_printf(o, _("%u data bytes for the application on the port"), (unsigned)f->length);
}

static const struct field_def udp_fields[] = {
	{"udp.srcport", N_("source port"), FT_UINT, 0, 2, 0, 0, 0, BASE_DEC, NULL, explain_srcport,
	 N_("the sender's port, where replies go; optional, 0 when unused (RFC 768)")},
	{"udp.dstport", N_("destination port"), FT_UINT, 2, 2, 0, 0, 0, BASE_DEC, NULL,
	 explain_dstport, N_("the receiver's port: which application gets the datagram")},
	{"udp.length", N_("length"), FT_UINT, 4, 2, 0, 0, 0, BASE_DEC, NULL, explain_length,
	 N_("header plus data in bytes, at least 8 (RFC 768)")},
	{"udp.checksum", N_("checksum"), FT_UINT, 6, 2, 0, 0, 0, BASE_HEX, NULL, explain_checksum,
	 N_("ones'-complement sum over a pseudo-header of the IP addresses, protocol 17 and "
	    "length, then the header and data (RFC 768, RFC 8200 §8.1)")},
};
#define UDP_ROWS (sizeof(udp_fields) / sizeof(udp_fields[0]))

static const struct field_def udp_checksum_status = {
	"udp.checksum.status", N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC,
	udp_checksum_status_names, NULL,
	N_("hexplain's verdict: good, bad, unverified, not present (0 over IPv4) or illegal "
	   "(0 over IPv6)")};
static const struct field_def udp_checksum_calculated = {
	"udp.checksum_calculated", N_("checksum calculated"), FT_UINT, 0, 2, 0, 0, 1, BASE_HEX,
	NULL, NULL, N_("the checksum the datagram should carry")};
/* The datagram (as its length field delimits it) is all captured but the
 * IP payload is not, the capture having been cut (snaplen): the sum covers
 * only the datagram (RFC 768), so hexplain checks it; tshark checks only a
 * wholly captured IP payload and says "unverified", so hexplain's verdict
 * goes under its own names. */
static const struct field_def udp_own_checksum_status = {
	"hexplain.udp.checksum.status", N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC,
	udp_checksum_status_names, NULL,
	N_("hexplain's verdict on a datagram captured whole in an IP payload that is not")};
static const struct field_def udp_own_checksum_calculated = {
	"hexplain.udp.checksum_calculated", N_("checksum calculated"), FT_UINT, 0, 2, 0, 0, 1,
	BASE_HEX, NULL, NULL, N_("the checksum the datagram should carry")};
static const struct field_def udp_payload = {
	"udp.payload", N_("payload"), FT_BYTES, UDP_HEADER, 0, 0, 0, 0, BASE_HEX, NULL,
	explain_payload, N_("the data after the header, up to the length field's end")};
/* A UDP length short of the IP payload, with bytes past it captured:
 * tshark's udp.payload runs on to the end of the IP payload (lisp_invalid_
 * length, ripv2-invalid-length), bytes RFC 768 leaves out of the datagram;
 * hexplain's data ends with the length, so it goes under its own name. */
static const struct field_def udp_own_payload = {
	"hexplain.udp.payload", N_("payload"), FT_BYTES, UDP_HEADER, 0, 0, 0, 0, BASE_HEX, NULL,
	explain_payload, N_("the data after the header, up to the length field's end")};

/* ---- decoding ---- */

static void check_length(struct packet *p, uint32_t off, unsigned ulen, uint32_t ip_payload)
{
	if (ulen > ip_payload)
		packet_problem(p, SEV_ERROR, "udp.length", "udp.length.bad", off + 4,
			       _("UDP length %u reaches past the %u bytes the IP layer carries: one "
				 "of the two lengths lies"),
			       ulen, ip_payload);
	else if (ulen < ip_payload)
		packet_problem(p, SEV_WARNING, "udp.length", "udp.length.trailing", off + 4,
			       _("UDP length %u is less than the %u bytes the IP layer carries: the "
				 "last %u bytes of the IP payload belong to no datagram"),
			       ulen, ip_payload, ip_payload - ulen);
}

static void verify_checksum(struct packet *p, uint32_t off, unsigned ulen, uint16_t stored,
			    const struct pseudo_header *outer, bool own_names)
{
	const struct field_def *status = own_names ? &udp_own_checksum_status : &udp_checksum_status;
	const struct field_def *calc =
		own_names ? &udp_own_checksum_calculated : &udp_checksum_calculated;
	struct pseudo_header ph = *outer;
	ph.proto = 17; /* the last next-header, whatever extension headers came before */
	uint16_t expected = 0, partial = 0;
	enum cksum_status st =
		cksum_transport(&p->bytes, &ph, off, ulen, off + 6, &expected, &partial);
	packet_add_generated(p, status, st);
	if (st == CKSUM_UNVERIFIED)
		return;
	packet_add_generated(p, calc, st == CKSUM_GOOD ? stored : expected);
	if (st == CKSUM_GOOD)
		return;
	uint16_t complement = (uint16_t)~partial;
	if (stored == partial || stored == complement)
		packet_problem(p, SEV_NOTE, "udp.checksum", "udp.checksum.offload", off + 6,
			       _("UDP checksum 0x%04x is the pseudo-header sum alone, not the "
				 "datagram's (0x%04x): checksum offload left it for the network "
				 "card, and the capture saw the datagram before the card filled it "
				 "in; not corruption"),
			       stored, expected);
	else
		packet_problem(p, SEV_ERROR, "udp.checksum", "udp.checksum.bad", off + 6,
			       _("UDP checksum 0x%04x is wrong: it should be 0x%04x"), stored,
			       expected);
}

static void note_traceroute(struct packet *p, uint32_t at, unsigned port)
{
	if (port <= TRACEROUTE_BASE || port > TRACEROUTE_BASE + TRACEROUTE_PORTS)
		return;
	unsigned n = port - TRACEROUTE_BASE - 1;
	packet_problem(p, SEV_NOTE, NULL, "udp.possible_traceroute", at,
		       _("port %u lies just above 33434, where traceroute's probes start: "
			 "probably hop %u, probe %u"),
		       port, n / 3 + 1, n % 3 + 1);
}

void decode_udp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "udp", ctx->quoted ? N_("quoted UDP header") : N_("UDP header"),
				     off, ctx->quoted);
	if (layer < 0)
		return;
	size_t avail = cur_avail(&p->bytes, off);
	p->layers[layer].length = (uint32_t)(avail < UDP_HEADER ? avail : UDP_HEADER);
	size_t read = packet_read_rows(p, udp_fields, UDP_ROWS, off);
	if (read < UDP_ROWS) {
		p->layers[layer].truncated = true;
		if (read > 0)
			packet_add_generated(p, &udp_checksum_status, CKSUM_UNVERIFIED);
		if (ctx->quoted)
			packet_problem(p, SEV_NOTE, NULL, "udp.quoted_cut", (uint32_t)(off + avail),
				       _("the ICMP error quotes only %zu of the UDP header's 8 bytes"),
				       avail);
		else
			decode_truncated(p, "udp", off, UDP_HEADER);
		return;
	}
	uint16_t sport = 0, dport = 0, ulen = 0, stored = 0;
	cur_be16(&p->bytes, off, &sport);
	cur_be16(&p->bytes, off + 2, &dport);
	cur_be16(&p->bytes, off + 4, &ulen);
	cur_be16(&p->bytes, off + 6, &stored);

	/* An IP layer that hands over a pseudo-header carries the whole
	 * datagram; one that hands over none (family 0) carries a fragment. */
	bool fragment = ctx->ph.family == 0;
	int family = ctx->ph.family ? ctx->ph.family : udp_env_of(p, (size_t)layer).family;
	uint32_t ip_payload = fragment ? (end > off ? end - off : 0) : ctx->ph.length;
	unsigned dlen = ulen;

	note_traceroute(p, off, sport);
	note_traceroute(p, off + 2, dport);
	if (ulen == 0 && family == 6 && !fragment) {
		/* RFC 2675 §4: the length of a jumbogram is the IPv6 payload's */
		dlen = ip_payload;
	}
	if (ulen == 0 && family == 6 && !fragment && ip_payload <= 0xffff) {
		packet_problem(p, SEV_ERROR, "udp.length", "udp.length.bad_zero", off + 4,
			       _("UDP length 0 marks a jumbogram (RFC 2675), but the IPv6 payload "
				 "is only %u bytes: a jumbogram has more than 65535"),
			       ip_payload);
	}
	if (dlen < UDP_HEADER) {
		packet_problem(p, SEV_ERROR, "udp.length", "udp.length.bad", off + 4,
			       _("UDP length %u is less than the 8-byte header: the length is "
				 "invalid and the datagram cannot be delimited"),
			       dlen);
		packet_add_generated(p, &udp_checksum_status, CKSUM_UNVERIFIED);
		decode_payload(p, off + UDP_HEADER, end);
		return;
	}
	if (!fragment)
		check_length(p, off, dlen, ip_payload);

	if (stored == 0) {
		/* tshark ignores a zero in a quoted copy whatever the family */
		if (family == 6 && !ctx->quoted) {
			packet_add_generated(p, &udp_checksum_status, UDP_CKSUM_ILLEGAL);
			packet_problem(p, SEV_ERROR, "udp.checksum", "udp.checksum.zero", off + 6,
				       _("UDP checksum 0 over IPv6: the sender computed none, which "
					 "IPv6 forbids (RFC 8200 §8.1); a receiver drops the datagram"));
		} else {
			packet_add_generated(p, &udp_checksum_status, UDP_CKSUM_NOT_PRESENT);
		}
	} else if (!fragment && dlen <= ip_payload && cur_has(&p->bytes, off, dlen)) {
		/* the sum covers the pseudo-header and the UDP length's bytes
		 * (RFC 768): what lies past them in the IP payload, captured or
		 * not, takes no part.  tshark checks only when the IP payload is
		 * all there -- as far as the frame had it on the wire, and a copy
		 * quoted in an ICMP error ends with the error */
		bool tshark_checks = cur_has(&p->bytes, off, ip_payload) || p->frame_whole ||
				     ctx->quoted;
		verify_checksum(p, off, dlen, stored, &ctx->ph, !tshark_checks);
	} else {
		packet_add_generated(p, &udp_checksum_status, CKSUM_UNVERIFIED);
	}

	/* The data ends where the shorter of the two lengths says. */
	uint32_t data_end = off + (dlen < ip_payload ? dlen : ip_payload);
	if (data_end > off + UDP_HEADER) {
		size_t have = cur_avail(&p->bytes, off + UDP_HEADER);
		uint32_t n = data_end - (off + UDP_HEADER);
		if (n > have)
			n = (uint32_t)have;
		/* bytes past the UDP length, inside the IP payload, captured */
		bool more = !fragment && dlen < ip_payload && cur_has(&p->bytes, data_end, 1);
		if (n)
			packet_add_field(p, more ? &udp_own_payload : &udp_payload, off + UDP_HEADER,
					 n, 0);
	}
	/* a tunnel's packet inside is decoded as tshark does (tunnel.c) */
	if (!ctx->quoted && !fragment &&
	    decode_udp_tunnel(p, sport, dport, off + UDP_HEADER, data_end, ctx))
		return;
	decode_payload(p, off + UDP_HEADER, data_end);
}
