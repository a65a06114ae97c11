/* linkguess.c - scores each header a dump could start with (see linkguess.h). */
#include "input/linkguess.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/checksum.h"
#include "core/cursor.h"
#include "core/i18n.h"
#include "decode/ether.h"
#include "decode/ipv4.h"

/* The evidence is written only when someone asked for it: the framer asks
 * for a guess at every short line and JSON never shows it, and building
 * the sentences (gettext, printf) was most of the guess's cost.  The
 * arguments are not evaluated when why is NULL. */
#define SAY(fn, why, ...)                    \
	do {                                 \
		if (why)                     \
			fn(why, __VA_ARGS__); \
	} while (0)

/* Points for each kind of evidence.  A correct IPv4 header checksum is the
 * strongest: one chance in 65536 of happening by accident. */
enum {
	PTS_VERSION = 10,
	PTS_LENGTH_EXACT = 20,
	PTS_LENGTH_PADDED = 8,
	PTS_LENGTH_CUT = 4,
	PTS_CHECKSUM = 30,
	PTS_KNOWN_VALUE = 5,
	PTS_SMALL_FIT = 3,
	PTS_ARP_SHAPE = 40,
	PTS_SUMMARY_LINK = 25,  /* the summary names this link header */
	PTS_BANNER = 15,        /* a "link-type" banner names it */
	PTS_SUMMARY_NET = 5,    /* the summary's protocol word matches */
	PTS_PREVIOUS = 2,       /* continues the stream: breaks ties, no more */
	PTS_UNKNOWN_TYPE = 1,   /* an EtherType hexplain has no name for */
	PTS_GROUP_DST = 3,      /* a well-known group destination (STP, CDP...) */
	/* The least a link-header guess needs from the bytes and the summary
	 * (a network header's version nibble is evidence enough): below it
	 * (an unknown EtherType, a loose 802.3 length and nothing else) the
	 * bytes are as likely the payload of a link header tcpdump -x left
	 * out, and no guess is better than a wrong one. */
	PTS_GUESS_MIN = 5,
	ETH_MAX_PADDING = 46,   /* a 60-byte frame around a 14-byte minimum payload */
	MAX_TAGS = 8,
};

enum net { NET_NONE, NET_IPV4, NET_IPV6, NET_ARP };

enum cand {
	C_IPV4, C_IPV6, C_ARP, C_ETHER, C_SLL, C_SLL2, C_NULL, C_LOOP, C_MPLS, C_NSH,
};

static const struct {
	enum link_type link;
	const char *name;
} cand_info[LINK_GUESS_CANDIDATES] = {
	[C_IPV4] = {LINK_IPV4, "ipv4"}, [C_IPV6] = {LINK_IPV6, "ipv6"},
	[C_ARP] = {LINK_ARP, "arp"}, [C_ETHER] = {LINK_ETHER, "ether"},
	[C_SLL] = {LINK_SLL, "sll"},     [C_SLL2] = {LINK_SLL2, "sll2"},
	[C_NULL] = {LINK_NULL, "null"},  [C_LOOP] = {LINK_LOOP, "loop"},
	[C_MPLS] = {LINK_MPLS, "mpls"},  [C_NSH] = {LINK_NSH, "nsh"},
};

/* ---- network headers ---- */

static int score_ipv4(const struct cursor *c, size_t off, struct strbuf *why)
{
	uint8_t vihl = 0, proto = 0;
	if (!cur_u8(c, off, &vihl) || vihl >> 4 != 4 || (vihl & 0x0f) < 5)
		return 0;
	unsigned hlen = (vihl & 0x0fu) * 4;
	size_t avail = cur_avail(c, off);
	int s = PTS_VERSION;
	SAY(sb_printf, why, _("IPv4 header at byte %zu: version 4, IHL %u"), off, vihl & 0x0fu);
	uint16_t total = 0;
	if (cur_be16(c, off + 2, &total)) {
		if (total < hlen) {
			SAY(sb_printf, why, _(", total length %u shorter than the header"), total);
			return 1;
		}
		if (total == avail) {
			s += PTS_LENGTH_EXACT;
			SAY(sb_printf, why, _(", total length %u = the bytes"), total);
		} else if (total < avail) {
			s += avail - total <= ETH_MAX_PADDING ? PTS_LENGTH_PADDED : 1;
			SAY(sb_printf, why, _(", total length %u + %zu bytes of padding"), total,
				  avail - total);
		} else {
			s += PTS_LENGTH_CUT;
			SAY(sb_printf, why, _(", total length %u, %zu captured (cut)"), total, avail);
		}
	}
	uint32_t sum = 0;
	if (cksum_add(&sum, c, off, hlen)) {
		if (cksum_fold(sum) == 0xffff) {
			s += PTS_CHECKSUM;
			SAY(sb_puts, why, _(", checksum correct"));
		} else {
			SAY(sb_puts, why, _(", checksum wrong"));
		}
	}
	if (cur_u8(c, off + 9, &proto) && value_name_find(ip_proto_names, proto)) {
		s += PTS_KNOWN_VALUE;
		SAY(sb_printf, why, _(", protocol %u (%s)"), proto, _(value_name_find(ip_proto_names, proto)));
	}
	return s;
}

static int score_ipv6(const struct cursor *c, size_t off, struct strbuf *why)
{
	uint8_t v = 0, next = 0;
	uint16_t plen = 0;
	if (!cur_u8(c, off, &v) || v >> 4 != 6)
		return 0;
	size_t avail = cur_avail(c, off);
	int s = PTS_VERSION;
	SAY(sb_printf, why, _("IPv6 header at byte %zu: version 6"), off);
	if (cur_be16(c, off + 4, &plen)) {
		size_t total = 40u + plen;
		if (total == avail) {
			s += PTS_LENGTH_EXACT;
			SAY(sb_printf, why, _(", payload length %u + 40 = the bytes"), plen);
		} else if (total < avail) {
			s += avail - total <= ETH_MAX_PADDING ? PTS_LENGTH_PADDED : 1;
			SAY(sb_printf, why, _(", payload length %u + 40, then %zu bytes of padding"), plen,
				  avail - total);
		} else {
			s += PTS_LENGTH_CUT;
			SAY(sb_printf, why, _(", payload length %u + 40, %zu captured (cut)"), plen, avail);
		}
	}
	if (cur_u8(c, off + 6, &next) && value_name_find(ip_proto_names, next)) {
		s += PTS_KNOWN_VALUE;
		SAY(sb_printf, why, _(", next header %u (%s)"), next, _(value_name_find(ip_proto_names, next)));
	}
	return s;
}

static int score_arp(const struct cursor *c, size_t off, struct strbuf *why)
{
	uint16_t htype = 0, ptype = 0, op = 0;
	uint8_t hlen = 0, plen = 0;
	if (!cur_be16(c, off, &htype) || !cur_be16(c, off + 2, &ptype) ||
	    !cur_u8(c, off + 4, &hlen) || !cur_u8(c, off + 5, &plen))
		return 0;
	if (htype != 1 || ptype != 0x0800 || hlen != 6 || plen != 4)
		return 0;
	int s = PTS_ARP_SHAPE;
	SAY(sb_printf, why, _("ARP at byte %zu: Ethernet/IPv4 addresses of 6 and 4 bytes"), off);
	if (cur_be16(c, off + 6, &op) && (op == 1 || op == 2)) {
		s += PTS_KNOWN_VALUE;
		SAY(sb_puts, why, op == 1 ? _(", a request") : _(", a reply"));
	}
	return s;
}

/* An ARP message of other address kinds (tcpdump: "Unknown Hardware (12336)
 * (len 14)"): its sizes must account for the bytes, and the summary must
 * say ARP, since any 8 bytes have some such shape. */
static int score_odd_arp(const struct cursor *c, enum net said, struct strbuf *why)
{
	uint8_t hlen = 0, plen = 0;
	uint16_t op = 0;
	if (said != NET_ARP || !cur_u8(c, 4, &hlen) || !cur_u8(c, 5, &plen) ||
	    !cur_be16(c, 6, &op) || op == 0 || op > 25)
		return 0;
	size_t need = 8u + 2u * (hlen + plen);
	SAY(sb_printf, why, _("ARP at byte 0: addresses of %u and %u bytes, operation %u"), hlen,
	    plen, op);
	return need <= c->len ? PTS_SMALL_FIT : 1;
}

/* The network header a type value announces, scored; 0 when it does not fit
 * or the type carries something hexplain cannot check. */
static int score_net(const struct cursor *c, enum net net, size_t off, struct strbuf *why)
{
	switch (net) {
	case NET_IPV4:
		return score_ipv4(c, off, why);
	case NET_IPV6:
		return score_ipv6(c, off, why);
	case NET_ARP:
		return score_arp(c, off, why);
	case NET_NONE:
		break;
	}
	return 0;
}

static enum net net_of_ethertype(uint16_t type)
{
	switch (type) {
	case 0x0800:
		return NET_IPV4;
	case 0x86dd:
		return NET_IPV6;
	case 0x0806:
		return NET_ARP;
	default:
		return NET_NONE;
	}
}

/* Past an MPLS label stack (up to its bottom-of-stack entry): where the
 * packet it labels starts, and which IP version that packet claims. */
static size_t skip_mpls_labels(const struct cursor *c, size_t off, enum net *net)
{
	uint32_t entry = 0;
	uint8_t v = 0;
	*net = NET_NONE;
	for (int k = 0; k < MAX_TAGS; k++) {
		if (!cur_be32(c, off, &entry))
			return off;
		off += 4;
		if (entry & 0x100)
			break;
	}
	if (cur_u8(c, off, &v))
		*net = v >> 4 == 4 ? NET_IPV4 : v >> 4 == 6 ? NET_IPV6 : NET_NONE;
	return off;
}

/* An EtherType and what follows it; known types other than IP and ARP
 * count a little, unknown ones less.  vouched: something besides these two
 * bytes says the header is a link header (the summary names the protocol
 * the type announces, a well-known group destination). */
static int score_ethertype_payload(const struct cursor *c, uint16_t type, size_t off,
				   bool vouched, enum net *net, struct strbuf *why)
{
	*net = net_of_ethertype(type);
	const char *name = value_name_find(ethertype_names, type);
	if (!name) {
		SAY(sb_printf, why, _("type 0x%04x (unknown)"), type);
		return PTS_UNKNOWN_TYPE;
	}
	SAY(sb_printf, why, _("type 0x%04x (%s)"), type, _(name));
	if (type == 0x8847 || type == 0x8848)
		off = skip_mpls_labels(c, off, net);
	if (*net == NET_NONE)
		return PTS_KNOWN_VALUE;
	if (!cur_has(c, off, 1)) {
		SAY(sb_puts, why, _(", nothing after it"));
		return PTS_KNOWN_VALUE;
	}
	SAY(sb_puts, why, "; ");
	int n = score_net(c, *net, off, why);
	if (n)
		return PTS_KNOWN_VALUE + n;
	/* A broken IP header still begins with an IP version (tcpdump's "IP6,
	 * wrong link-layer encapsulation" is version 6 after type IPv4); with
	 * neither that nor a voucher, the bytes are more likely other data that
	 * happens to hold the type's value at byte 12 (an LLDP PDU that
	 * tcpdump -x printed). */
	uint8_t first = 0;
	bool ip_version = *net != NET_ARP && cur_u8(c, off, &first) &&
			  (first >> 4 == 4 || first >> 4 == 6);
	if (!ip_version && !vouched)
		return 0;
	SAY(sb_puts, why, _("a header that does not fit"));
	return PTS_KNOWN_VALUE;
}

/* The DSAP/SSAP pairs of the LLC headers 802.3 frames carry: SNAP, STP,
 * OSI (IS-IS, CLNP), NetBIOS, IPX, and Novell's raw 802.3 (no LLC). */
static bool known_llc(const struct cursor *c, size_t off)
{
	static const uint8_t saps[] = {0xaa, 0x42, 0xfe, 0xf0, 0xe0, 0x06, 0x04, 0x18, 0xff};
	uint8_t dsap = 0, ssap = 0;
	if (!cur_u8(c, off, &dsap) || !cur_u8(c, off + 1, &ssap))
		return false;
	for (size_t i = 0; i < sizeof(saps); i++)
		if (dsap == saps[i] && (ssap & 0xfe) == saps[i])
			return true;
	return false;
}

/* Destinations that only link-level protocols use: IEEE 802.1 (STP, LACP,
 * LLDP, 802.1X), Cisco (CDP, DTP, VTP, ISL), IPv4 and IPv6 multicast,
 * broadcast. */
static bool well_known_group(const struct cursor *c)
{
	static const uint8_t prefixes[][3] = {
		{0x01, 0x80, 0xc2}, {0x01, 0x00, 0x0c}, {0x01, 0x00, 0x5e},
		{0x33, 0x33, 0x00}, {0xff, 0xff, 0xff}, {0x09, 0x00, 0x2b},
	};
	const uint8_t *d = cur_bytes(c, 0, 3);
	if (!d)
		return false;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = prefixes[i][0] == 0x33 ? 2 : 3; /* 33:33 + any 4 bytes */
		if (memcmp(d, prefixes[i], n) == 0)
			return true;
	}
	return false;
}

/* ---- link headers ---- */

static int score_ether(const struct cursor *c, enum net said, enum net *net,
		       struct strbuf *why)
{
	uint8_t src0 = 0;
	uint16_t type = 0;
	*net = NET_NONE;
	/* a source address is never a group address; a damaged frame may
	 * still carry one, so it costs points instead of ruling Ethernet out */
	int group_src = cur_u8(c, 6, &src0) && (src0 & 1) ? PTS_GROUP_DST : 0;
	if (!cur_be16(c, 12, &type)) {
		SAY(sb_printf, why, _("%zu bytes: too short to show an Ethernet type"), c->len);
		return 1;
	}
	const uint8_t *macs = cur_bytes(c, 0, 12);
	bool zero = true;
	for (size_t i = 0; macs && i < 12; i++)
		zero = zero && macs[i] == 0;
	SAY(sb_puts, why, _("Ethernet header at byte 0: "));
	int s = zero ? PTS_SMALL_FIT : 1;
	if (zero)
		SAY(sb_puts, why, _("zero addresses (a loopback capture), "));
	if (well_known_group(c)) {
		s += PTS_GROUP_DST;
		SAY(sb_puts, why, _("a well-known group destination, "));
	}
	size_t off = 14;
	for (int tags = 0; (type == 0x8100 || type == 0x88a8) && tags < MAX_TAGS; tags++) {
		if (!cur_be16(c, off + 2, &type))
			return s + PTS_KNOWN_VALUE;
		SAY(sb_puts, why, _("VLAN tag, "));
		s += PTS_KNOWN_VALUE;
		off += 4;
	}
	if (type <= 1500) {
		/* 802.3: a length that fits what follows */
		size_t avail = cur_avail(c, off);
		if (type == 0 || type > avail + 1500)
			return 0;
		SAY(sb_printf, why, _("802.3 length %u"), type);
		s += type <= avail ? PTS_SMALL_FIT : 1;
		if (known_llc(c, off)) {
			s += PTS_KNOWN_VALUE;
			SAY(sb_puts, why, _(", then an LLC header"));
		}
		return s > group_src ? s - group_src : 0;
	}
	bool vouched = well_known_group(c) || (said != NET_NONE && said == net_of_ethertype(type));
	int n = score_ethertype_payload(c, type, off, vouched, net, why);
	if (group_src)
		SAY(sb_puts, why, _("; but the source is a group address"));
	return n && s + n > group_src ? s + n - group_src : 0;
}

static int score_sll(const struct cursor *c, enum net said, enum net *net, struct strbuf *why)
{
	uint16_t pkttype = 0, hatype = 0, halen = 0, proto = 0;
	*net = NET_NONE;
	if (!cur_be16(c, 0, &pkttype) || !cur_be16(c, 2, &hatype) || !cur_be16(c, 4, &halen) ||
	    !cur_be16(c, 14, &proto))
		return 0;
	/* out-of-range values cost points instead of ruling SLL out: a
	 * damaged header is still the capture's link header */
	int odd = pkttype > 4 || halen > 8 ? PTS_SMALL_FIT : 0;
	int s = PTS_SMALL_FIT;
	SAY(sb_printf, why, _("Linux cooked v1 header at byte 0: packet type %u, address length %u"),
		  pkttype, halen);
	if (hatype == 1 || hatype == 772 || hatype == 776 || hatype == 778 || hatype == 65534) {
		s += PTS_KNOWN_VALUE;
		SAY(sb_printf, why, _(", device type %u"), hatype);
	}
	SAY(sb_puts, why, ", ");
	bool vouched = said != NET_NONE && said == net_of_ethertype(proto);
	int n = score_ethertype_payload(c, proto, 16, vouched, net, why);
	if (odd)
		SAY(sb_puts, why, _("; but the packet type or address length is out of range"));
	return n && s + n > odd ? s + n - odd : 0;
}

static int score_sll2(const struct cursor *c, enum net said, enum net *net, struct strbuf *why)
{
	uint16_t proto = 0, reserved = 1, hatype = 0;
	uint32_t ifindex = 0;
	uint8_t pkttype = 0, halen = 0;
	*net = NET_NONE;
	if (!cur_be16(c, 0, &proto) || !cur_be16(c, 2, &reserved) || !cur_be32(c, 4, &ifindex) ||
	    !cur_be16(c, 8, &hatype) || !cur_u8(c, 10, &pkttype) || !cur_u8(c, 11, &halen))
		return 0;
	if (reserved != 0 || pkttype > 4 || halen > 8)
		return 0;
	int s = PTS_SMALL_FIT;
	SAY(sb_printf, why, _("Linux cooked v2 header at byte 0: interface %u, packet type %u, "
			 "address length %u"),
		  ifindex, pkttype, halen);
	if (ifindex < 0x10000)
		s += 2;
	if (hatype == 1 || hatype == 772 || hatype == 776 || hatype == 778 || hatype == 65534)
		s += PTS_KNOWN_VALUE;
	SAY(sb_puts, why, ", ");
	bool vouched = said != NET_NONE && said == net_of_ethertype(proto);
	int n = score_ethertype_payload(c, proto, 20, vouched, net, why);
	return n ? s + n : 0;
}

static enum net net_of_family(uint32_t family)
{
	if (family == 2)
		return NET_IPV4;
	if (family == 24 || family == 28 || family == 30)
		return NET_IPV6;
	return NET_NONE;
}

static int score_family(const struct cursor *c, uint32_t family, const char *order,
			enum net *net, struct strbuf *why)
{
	*net = net_of_family(family);
	if (*net == NET_NONE)
		return 0;
	SAY(sb_printf, why, _("address family %u in %s byte order at byte 0; "), family, _(order));
	int n = score_net(c, *net, 4, why);
	return n ? PTS_VERSION + n : 0;
}

static int score_null(const struct cursor *c, enum net *net, struct strbuf *why)
{
	uint32_t le = 0, be = 0;
	*net = NET_NONE;
	if (!cur_le32(c, 0, &le) || !cur_be32(c, 0, &be))
		return 0;
	if (net_of_family(le) != NET_NONE)
		return score_family(c, le, N_("little-endian"), net, why);
	return score_family(c, be, N_("big-endian"), net, why);
}

static int score_loop(const struct cursor *c, enum net *net, struct strbuf *why)
{
	uint32_t be = 0;
	*net = NET_NONE;
	if (!cur_be32(c, 0, &be))
		return 0;
	int s = score_family(c, be, N_("network"), net, why);
	/* network order is DLT_LOOP's rule; only a big-endian host writes a
	 * DLT_NULL word that way, so a tie goes to LOOP */
	return s ? s + 1 : 0;
}

/* ---- bare shims: what tcpdump -x prints of an MPLS or NSH frame ---- */

/* Such a dump has nothing of its own to tell it from other data, so these
 * count only with the summary's values found in the bytes. */
static int score_bare_mpls(const struct cursor *c, long label, enum net *net,
			   struct strbuf *why)
{
	uint32_t entry = 0;
	*net = NET_NONE;
	if (label < 0 || !cur_be32(c, 0, &entry) || entry >> 12 != (uint32_t)label)
		return 0;
	SAY(sb_printf, why, _("an MPLS label stack at byte 0 with label %ld, as the summary "
			      "says: tcpdump -x prints an MPLS frame from its labels"),
	    label);
	size_t off = skip_mpls_labels(c, 0, net);
	if (*net == NET_NONE)
		return PTS_SUMMARY_LINK;
	SAY(sb_puts, why, "; ");
	return PTS_SUMMARY_LINK + score_net(c, *net, off, why);
}

static int score_bare_nsh(const struct cursor *c, long spi, long si, enum net *net,
			  struct strbuf *why)
{
	uint16_t first = 0;
	uint32_t path = 0;
	uint8_t next = 0;
	*net = NET_NONE;
	if (spi < 0 || si < 0 || !cur_be16(c, 0, &first) || !cur_be32(c, 4, &path) ||
	    !cur_u8(c, 3, &next) || path >> 8 != (uint32_t)spi || (path & 0xff) != (uint32_t)si)
		return 0;
	SAY(sb_printf, why, _("a network service header at byte 0 with service path 0x%06lx and "
			      "index %ld, as the summary says: tcpdump -x prints an NSH frame "
			      "from that header"),
	    spi, si);
	size_t off = (first & 0x3fu) * 4u;
	*net = next == 1 ? NET_IPV4 : next == 2 ? NET_IPV6 : NET_NONE;
	if (*net == NET_NONE || off < 8)
		return PTS_SUMMARY_LINK;
	SAY(sb_puts, why, "; ");
	return PTS_SUMMARY_LINK + score_net(c, *net, off, why);
}

/* ---- the summary line ---- */

struct summary_evidence {
	enum net net;         /* protocol word: IP, IP6, ARP */
	/* tcpdump -e's "SRC > DST," and "ethertype NAME (0xNNNN)": they
	 * count only when the bytes hold the same, since -e -x prints them
	 * above a dump that leaves the link header out */
	const char *mac_src, *mac_dst;
	int ethertype;        /* -1: none named */
	/* the EtherTypes of the link-level protocol tcpdump names first
	 * ("CFMv0 unknown", "EAP packet", "[|decnet]"); 0: none */
	uint16_t word_type[2];
	const char *word;
	/* the part of link_points the bytes confirmed (the rest, a banner or
	 * a word, holds for a -x dump of the same capture too) */
	int checked_points[LINK_GUESS_CANDIDATES];
	/* what the summary says of an MPLS label stack or an NSH header that
	 * tcpdump -x printed bare (-1: nothing): checked against the bytes */
	long mpls_label, nsh_spi, nsh_si;
	/* "IP6, wrong link-layer encapsulation": tcpdump's IPv4 printer met a
	 * version-6 header, so the link layer said IPv4 */
	bool ipv6_as_ipv4;
	/* What one of tcpdump's IP printers says it read at byte 0 when it
	 * gave up ("IP6 version error: 0 != 6", "IP0 (invalid)", "unknown ip
	 * 3", "IP bad-hlen 16"): that byte under mask (0: nothing said), the
	 * candidate the dump then starts with, which of them said it, and the
	 * number it said */
	struct {
		uint8_t mask, value;
		size_t cand;
		enum { SAID_VERSION, SAID_UNKNOWN_IP, SAID_BAD_HLEN } said;
		int number;
	} byte0;
	int link_points[LINK_GUESS_CANDIDATES];
	const char *link_reason[LINK_GUESS_CANDIDATES];
};

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* What ends a token: is_space's characters and the string's NUL. */
static const bool ends_token[256] = {
	[0] = true, [' '] = true, ['\t'] = true, ['\n'] = true, ['\r'] = true,
};

/* Next whitespace-separated token of s from *pos: [*start, *start + *n). */
static bool next_token(const char *s, size_t *pos, size_t *start, size_t *n)
{
	size_t i = *pos;
	while (s[i] && is_space(s[i]))
		i++;
	if (!s[i])
		return false;
	*start = i;
	while (!ends_token[(unsigned char)s[i]])
		i++;
	*n = i - *start;
	*pos = i;
	return true;
}

static bool tok_is(const char *t, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(t, word, n) == 0;
}

/* A time stamp in any of tcpdump's -t forms: 07:51:56.867581,
 * 1700000000.123456, 2024-01-02, 00:00:00.000000 (-ttt). */
static bool is_timestamp(const char *t, size_t n)
{
	if (n == 0 || t[0] < '0' || t[0] > '9')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || t[i] == ':' || t[i] == '.' || t[i] == '-'))
			return false;
	return true;
}

static bool is_mac(const char *t, size_t n)
{
	if (n < 17)
		return false;
	for (size_t i = 0; i < 17; i++) {
		char ch = t[i];
		bool hex = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
		if (i % 3 == 2 ? ch != ':' : !hex)
			return false;
	}
	return n == 17 || t[17] == ',';
}

static int hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Four hex digits and a ')': tcpdump's "(0x88cc)"; -1 otherwise. */
static int parse_hex16(const char *t)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		int d = hex_digit(t[i]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return t[4] == ')' ? v : -1;
}

/* The words tcpdump starts a summary with (or cuts it with) for protocols
 * it found by their EtherType: only the type can have told it. */
static const struct {
	const char *prefix;
	uint16_t type[2];
} type_words[] = {
	{"CFM", {0x8902, 0}},	      {"EAP", {0x888e, 0}},	    {"LLDP", {0x88cc, 0}},
	{"LACP", {0x8809, 0}},	      {"DECnet", {0x6003, 0}},	    {"[|decnet]", {0x6003, 0}},
	{"PPPoE", {0x8863, 0x8864}}, {"NSH", {0x894f, 0}},	    {"IPX", {0x8137, 0}},
	{"Loopback", {0x9000, 0}},    {"PTPv2", {0x88f7, 0}},	    {"MACsec", {0x88e5, 0}},
	/* OSI over Cisco's EtherType 0xfefe; GeoNetworking, with its
	 * first EtherType; PPP's control protocols over EtherType 0x880b */
	{"CLNP", {0xfefe, 0}},	      {"ES-IS", {0xfefe, 0}},	    {"IS-IS", {0xfefe, 0}},
	{"[|isoclns]", {0xfefe, 0}},  {"[|clnp]", {0xfefe, 0}},	    {"[|esis]", {0xfefe, 0}},
	{"[|isis]", {0xfefe, 0}},     {"GeoNet", {0x8947, 0x0707}}, {"[|geonet]", {0x8947, 0x0707}},
	{"LCP", {0x880b, 0}},	      {"CCP", {0x880b, 0}},	    {"IPCP", {0x880b, 0}},
	{"IP6CP", {0x880b, 0}},	      {"PAP", {0x880b, 0}},	    {"CHAP", {0x880b, 0}},
	{"(protocol", {0x880b, 0}},
};

static void said_byte0(struct summary_evidence *ev, size_t cand, uint8_t mask, uint8_t value,
		       int said, int number)
{
	ev->byte0.mask = mask;
	ev->byte0.value = value;
	ev->byte0.cand = cand;
	ev->byte0.said = said;
	ev->byte0.number = number;
}

/* The number after the token that ends at pos ("... bad-hlen 16"), or -1. */
static long number_after(const char *s, size_t pos)
{
	if (s[pos] != ' ' || s[pos + 1] < '0' || s[pos + 1] > '9')
		return -1;
	return strtol(s + pos, NULL, 10);
}

/* The IP version tcpdump rejected, where the link layer announced IP. */
static void said_version(struct summary_evidence *ev, size_t cand, int version)
{
	said_byte0(ev, cand, 0xf0, (uint8_t)(version << 4), SAID_VERSION, version);
}

static void type_word(const char *t, size_t n, struct summary_evidence *ev)
{
	for (size_t i = 0; i < sizeof(type_words) / sizeof(type_words[0]); i++) {
		size_t len = strlen(type_words[i].prefix);
		if (n >= len && memcmp(t, type_words[i].prefix, len) == 0) {
			ev->word_type[0] = type_words[i].type[0];
			ev->word_type[1] = type_words[i].type[1];
			ev->word = type_words[i].prefix;
			return;
		}
	}
}

/* Does the summary's "aa:bb:cc:dd:ee:ff" name the 6 bytes at off? */
static bool mac_matches(const char *mac, const struct cursor *c, size_t off)
{
	const uint8_t *b = cur_bytes(c, off, 6);
	if (!mac || !b)
		return false;
	for (size_t i = 0; i < 6; i++)
		if (hex_digit(mac[3 * i]) * 16 + hex_digit(mac[3 * i + 1]) != b[i])
			return false;
	return true;
}

/* What tcpdump -e's summary says of an Ethernet header, checked against
 * the bytes. */
static void summary_ether(const struct cursor *c, struct summary_evidence *ev)
{
	uint16_t type = 0;
	uint32_t entry = 0;
	if (mac_matches(ev->mac_src, c, 6) && (!ev->mac_dst || mac_matches(ev->mac_dst, c, 0))) {
		ev->checked_points[C_ETHER] = PTS_SUMMARY_LINK;
		ev->link_points[C_ETHER] += PTS_SUMMARY_LINK;
		ev->link_reason[C_ETHER] = N_("the summary's MAC addresses are the first 12 bytes, "
					      "as tcpdump -e prints Ethernet");
	} else if (ev->ethertype >= 0 && cur_be16(c, 12, &type) && type == ev->ethertype) {
		ev->checked_points[C_ETHER] = PTS_SUMMARY_LINK;
		ev->link_points[C_ETHER] += PTS_SUMMARY_LINK;
		ev->link_reason[C_ETHER] = N_("the EtherType the summary names is at byte 12");
	} else if (ev->word && cur_be16(c, 12, &type) &&
		   (type == ev->word_type[0] || (ev->word_type[1] && type == ev->word_type[1]))) {
		ev->checked_points[C_ETHER] = PTS_SUMMARY_LINK;
		ev->link_points[C_ETHER] += PTS_SUMMARY_LINK;
		ev->link_reason[C_ETHER] = N_("the protocol the summary names first is the EtherType "
					      "at byte 12");
	} else if (ev->mpls_label >= 0 && cur_be16(c, 12, &type) &&
		   (type == 0x8847 || type == 0x8848) && cur_be32(c, 14, &entry) &&
		   entry >> 12 == (uint32_t)ev->mpls_label) {
		/* the label tcpdump printed is behind an MPLS EtherType: a whole
		 * frame, not the bare stack -x would print */
		ev->checked_points[C_ETHER] = PTS_SUMMARY_LINK;
		ev->link_points[C_ETHER] += PTS_SUMMARY_LINK;
		ev->link_reason[C_ETHER] = N_("the MPLS label the summary names is at byte 14, after "
					      "an MPLS EtherType");
	}
}

static bool is_direction(const char *t, size_t n)
{
	return tok_is(t, n, "In") || tok_is(t, n, "Out") || tok_is(t, n, "B") ||
	       tok_is(t, n, "M") || tok_is(t, n, "P");
}

static void banner_link(const char *t, size_t n, struct summary_evidence *ev)
{
	static const struct {
		const char *name;
		enum cand cand;
	} names[] = {
		{"EN10MB", C_ETHER}, {"LINUX_SLL", C_SLL}, {"LINUX_SLL2", C_SLL2},
		{"NULL", C_NULL},    {"LOOP", C_LOOP},     {"RAW", C_IPV4},
		{"IPV4", C_IPV4},    {"IPV6", C_IPV6},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!tok_is(t, n, names[i].name))
			continue;
		ev->link_points[names[i].cand] += PTS_BANNER;
		ev->link_reason[names[i].cand] = N_("the capture's link-type banner names it");
		if (names[i].cand == C_IPV4) { /* raw IP: either version */
			ev->link_points[C_IPV6] += PTS_BANNER;
			ev->link_reason[C_IPV6] = ev->link_reason[C_IPV4];
		}
	}
}

static void read_summary(const char *s, struct summary_evidence *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->ethertype = -1;
	ev->mpls_label = ev->nsh_spi = ev->nsh_si = -1;
	if (!s || !*s)
		return;
	bool after_ethertype = false;
	size_t pos = 0, start = 0, n = 0, index = 0;
	const char *prev = NULL;
	size_t prev_n = 0;
	while (next_token(s, &pos, &start, &n)) {
		const char *t = s + start;
		if (tok_is(t, n, "link-type") && next_token(s, &pos, &start, &n)) {
			banner_link(s + start, n, ev);
			continue;
		}
		if (index == 0 && pos == strlen(s)) /* the bare name of a banner */
			banner_link(t, n, ev);
		if (index == 0 && is_timestamp(t, n) && !is_mac(t, n)) /* 30:30:30:30:30:30 */
			continue; /* -tttt prints two: neither counts as the packet's first */
		if (index == 0 && n == 1 && *t == ':')
			continue; /* PPP over Ethernet without -e: ": CCP, Conf-Request" */
		if (index == 1 && prev && is_direction(t, n)) {
			/* "lo    In  IP": an interface name and a direction, SLL2's -x
			 * line (v1's only with -e, as "In 00:00:...") */
			ev->link_points[C_SLL2] += PTS_SUMMARY_LINK;
			ev->link_reason[C_SLL2] = N_("the summary starts with an interface and a "
						     "direction, as tcpdump prints Linux cooked v2");
		}
		if (index <= 1 && prev && is_direction(prev, prev_n) && is_mac(t, n) &&
		    !ev->link_points[C_SLL2]) {
			ev->link_points[C_SLL] += PTS_SUMMARY_LINK;
			ev->link_reason[C_SLL] = N_("the summary shows a direction and an address, as "
						    "tcpdump -e prints Linux cooked v1");
		}
		if (index == 0 && is_mac(t, n))
			ev->mac_src = t;
		if ((index == 0 || (n > 2 && t[0] == '[' && t[1] == '|')) && !ev->word)
			type_word(t, n, ev);
		if (index == 2 && ev->mac_src && prev_n == 1 && *prev == '>' && is_mac(t, n))
			ev->mac_dst = t;
		if (tok_is(t, n, "ethertype"))
			after_ethertype = true;
		/* "MPLS (label 1024, tc 0, [S], ttl 64)": the first label only */
		if (tok_is(t, n, "(label") && prev && tok_is(prev, prev_n, "MPLS") &&
		    ev->mpls_label < 0)
			ev->mpls_label = strtol(s + pos, NULL, 10);
		/* "NSH, ver 0, ..., service-path-id 0x000309, service-index 0x7" */
		if (tok_is(t, n, "encapsulation") && prev && tok_is(prev, prev_n, "link-layer") &&
		    ev->net == NET_IPV6)
			ev->ipv6_as_ipv4 = true;
		if (tok_is(t, n, "error:") && prev && tok_is(prev, prev_n, "version") &&
		    (ev->net == NET_IPV4 || ev->net == NET_IPV6)) {
			long v = number_after(s, pos);
			if (v >= 0 && v <= 15)
				said_version(ev, ev->net == NET_IPV4 ? C_IPV4 : C_IPV6, (int)v);
		}
		/* "IP0 (invalid)": tcpdump's IPv4 printer met version 0 (any
		 * but 4 and 6) where IPv4 was announced */
		if (tok_is(t, n, "(invalid)") && prev && prev_n == 3 && memcmp(prev, "IP", 2) == 0 &&
		    prev[2] >= '0' && prev[2] <= '9' && prev[2] != '4' && prev[2] != '6' &&
		    ev->net == NET_NONE) {
			ev->net = NET_IPV4;
			said_version(ev, C_IPV4, prev[2] - '0');
		}
		/* tcpdump's printer for raw IP links read a version it knows not */
		if (tok_is(t, n, "ip") && prev && tok_is(prev, prev_n, "unknown") && index <= 2) {
			long v = number_after(s, pos);
			if (v >= 0 && v <= 15 && v != 4 && v != 6)
				said_byte0(ev, C_IPV4, 0xf0, (uint8_t)(v << 4), SAID_UNKNOWN_IP, (int)v);
		}
		/* its IPv4 printer read a header length below 20 bytes */
		if (tok_is(t, n, "bad-hlen") && prev && tok_is(prev, prev_n, "IP")) {
			long v = number_after(s, pos);
			if (v >= 0 && v <= 60 && v % 4 == 0)
				said_byte0(ev, C_IPV4, 0xff, (uint8_t)(0x40 | v / 4), SAID_BAD_HLEN,
					   (int)v);
		}
		if (tok_is(t, n, "service-path-id") && ev->nsh_spi < 0)
			ev->nsh_spi = strtol(s + pos, NULL, 16);
		if (tok_is(t, n, "service-index") && ev->nsh_si < 0)
			ev->nsh_si = strtol(s + pos, NULL, 16);
		else if (after_ethertype && n >= 7 && memcmp(t, "(0x", 3) == 0) {
			after_ethertype = false;
			ev->ethertype = parse_hex16(t + 3);
		}
		if (tok_is(t, n, "ifindex")) {
			ev->link_points[C_SLL2] += PTS_SUMMARY_LINK;
			ev->link_reason[C_SLL2] = N_("the summary shows an ifindex, as tcpdump -e "
						     "prints Linux cooked v2");
		}
		if (tok_is(t, n, "AF")) {
			ev->link_points[C_NULL] += PTS_SUMMARY_LINK;
			ev->link_points[C_LOOP] += PTS_SUMMARY_LINK;
			ev->link_reason[C_NULL] = ev->link_reason[C_LOOP] =
				N_("the summary shows an address family (AF), as tcpdump -e prints "
				   "BSD loopback");
		}
		if (tok_is(t, n, "[|ether]")) { /* said of these very bytes */
			ev->checked_points[C_ETHER] = PTS_SUMMARY_LINK;
			ev->link_points[C_ETHER] += PTS_SUMMARY_LINK;
			ev->link_reason[C_ETHER] = N_("tcpdump's cut mark [|ether] names Ethernet");
		}
		if (ev->net == NET_NONE) {
			size_t w = n && t[n - 1] == ',' ? n - 1 : n; /* "IP6, wrong link-layer" */
			if (tok_is(t, w, "IP") || tok_is(t, w, "IPv4"))
				ev->net = NET_IPV4;
			else if (tok_is(t, w, "IP6") || tok_is(t, w, "IPv6"))
				ev->net = NET_IPV6;
			else if (tok_is(t, w, "ARP"))
				ev->net = NET_ARP;
		}
		prev = t;
		prev_n = n;
		index++;
	}
}

/* ---- putting it together ---- */

size_t link_guess_scores(const uint8_t *bytes, size_t len, const char *summary,
			 enum link_type previous, struct link_candidate out[LINK_GUESS_CANDIDATES],
			 struct strbuf *why)
{
	struct cursor c = {bytes, len};
	struct strbuf reason[LINK_GUESS_CANDIDATES];
	enum net net[LINK_GUESS_CANDIDATES] = {0};
	struct summary_evidence ev;
	read_summary(summary, &ev);
	summary_ether(&c, &ev);

	struct strbuf *r[LINK_GUESS_CANDIDATES] = {NULL};
	for (size_t i = 0; i < LINK_GUESS_CANDIDATES; i++) {
		if (why) {
			sb_init(&reason[i]);
			r[i] = &reason[i];
		}
		out[i].link = cand_info[i].link;
		out[i].name = cand_info[i].name;
	}
	out[C_IPV4].score = score_ipv4(&c, 0, r[C_IPV4]);
	net[C_IPV4] = NET_IPV4;
	out[C_IPV6].score = score_ipv6(&c, 0, r[C_IPV6]);
	net[C_IPV6] = NET_IPV6;
	uint8_t first = 0;
	if (ev.byte0.mask && cur_u8(&c, 0, &first) && (first & ev.byte0.mask) == ev.byte0.value) {
		/* an IP printer of tcpdump's read this byte at byte 0 and gave
		 * up there: the dump starts at that IP header */
		struct strbuf *said = r[ev.byte0.cand];
		int n = ev.byte0.number;
		out[ev.byte0.cand].score = PTS_SUMMARY_LINK;
		switch (ev.byte0.said) {
		case SAID_VERSION:
			SAY(sb_printf, said, _("tcpdump rejected the IP version (\"version error\", "
					      "\"IP0 (invalid)\"): the link layer announced IP, the "
					      "header at byte 0 says version %d"),
			    n);
			break;
		case SAID_UNKNOWN_IP:
			SAY(sb_printf, said, _("tcpdump says \"unknown ip %d\": its raw IP printer "
					      "read that version at byte 0"),
			    n);
			break;
		case SAID_BAD_HLEN:
			SAY(sb_printf, said, _("tcpdump says \"bad-hlen %d\": its IPv4 printer read "
					      "that header length at byte 0"),
			    n);
			break;
		}
	}
	if (ev.ipv6_as_ipv4 && out[C_IPV6].score) {
		/* the dump starts where the IPv4 header was announced: decoded
		 * as IPv4, whose version field says 6, as Wireshark reads it */
		out[C_IPV4].score = score_ipv6(&c, 0, r[C_IPV4]) + PTS_SUMMARY_LINK;
		SAY(sb_puts, r[C_IPV4], _("; tcpdump says \"wrong link-layer encapsulation\": the "
					  "link layer announced IPv4"));
	}
	out[C_ARP].score = score_arp(&c, 0, r[C_ARP]);
	if (!out[C_ARP].score)
		out[C_ARP].score = score_odd_arp(&c, ev.net, r[C_ARP]);
	net[C_ARP] = NET_ARP;
	out[C_ETHER].score = score_ether(&c, ev.net, &net[C_ETHER], r[C_ETHER]);
	out[C_SLL].score = score_sll(&c, ev.net, &net[C_SLL], r[C_SLL]);
	out[C_SLL2].score = score_sll2(&c, ev.net, &net[C_SLL2], r[C_SLL2]);
	out[C_NULL].score = score_null(&c, &net[C_NULL], r[C_NULL]);
	out[C_LOOP].score = score_loop(&c, &net[C_LOOP], r[C_LOOP]);
	out[C_MPLS].score = score_bare_mpls(&c, ev.mpls_label, &net[C_MPLS], r[C_MPLS]);
	out[C_NSH].score = score_bare_nsh(&c, ev.nsh_spi, ev.nsh_si, &net[C_NSH], r[C_NSH]);

	/* The summary only supports headers the bytes already fit. */
	size_t best = 0;
	for (size_t i = 0; i < LINK_GUESS_CANDIDATES; i++) {
		bool link_header = i != C_IPV4 && i != C_IPV6 && i != C_ARP;
		if (out[i].score <= 0 ||
		    (link_header && out[i].score + ev.checked_points[i] < PTS_GUESS_MIN)) {
			out[i].score = 0;
			continue;
		}
		if (ev.link_points[i]) {
			out[i].score += ev.link_points[i];
			SAY(sb_printf, r[i], "; %s", _(ev.link_reason[i]));
		}
		if (ev.net != NET_NONE && ev.net == net[i]) {
			out[i].score += PTS_SUMMARY_NET;
			SAY(sb_puts, r[i], _("; the summary names the same protocol"));
		}
		if (out[i].link == previous) {
			out[i].score += PTS_PREVIOUS;
			SAY(sb_puts, r[i], _("; the previous packet began the same way"));
		}
		if (out[i].score > out[best].score)
			best = i;
	}
	if (why) {
		if (out[best].score == 0)
			SAY(sb_puts, why, _("no known header fits the first bytes"));
		else if (best == C_ARP)
			SAY(sb_printf, why, _("%s (a bare ARP message, as tcpdump -x prints an ARP frame)"),
				  reason[best].s);
		else
			SAY(sb_puts, why, reason[best].s);
	}
	for (size_t i = 0; i < LINK_GUESS_CANDIDATES; i++)
		if (r[i])
			sb_free(r[i]);
	return best;
}

enum link_type link_guess(const uint8_t *bytes, size_t len, const char *summary,
			  enum link_type previous, struct strbuf *why)
{
	struct link_candidate cands[LINK_GUESS_CANDIDATES];
	size_t best = link_guess_scores(bytes, len, summary, previous, cands, why);
	return cands[best].score ? cands[best].link : LINK_UNKNOWN;
}

/* ---- how long the dump should be ---- */

/* Where the network header starts after a link header, and which one it is;
 * 0 with NET_NONE when the link header does not say. */
static size_t network_offset(const struct cursor *c, enum link_type link, enum net *net)
{
	uint16_t type = 0;
	uint32_t family = 0;
	uint8_t first = 0;
	size_t off = 0;
	*net = NET_NONE;
	switch (link) {
	case LINK_ETHER:
		off = 12;
		/* 802.1Q / 802.1ad tags, stacked */
		while (cur_be16(c, off, &type) && (type == 0x8100 || type == 0x88a8 || type == 0x9100))
			off += 4;
		*net = net_of_ethertype(type);
		return off + 2;
	case LINK_SLL:
		if (cur_be16(c, 14, &type))
			*net = net_of_ethertype(type);
		return 16;
	case LINK_SLL2:
		if (cur_be16(c, 0, &type))
			*net = net_of_ethertype(type);
		return 20;
	case LINK_NULL:
	case LINK_LOOP:
		if (cur_be32(c, 0, &family) && net_of_family(family) == NET_NONE)
			cur_le32(c, 0, &family);
		*net = net_of_family(family);
		return 4;
	case LINK_IPV4:
		*net = NET_IPV4;
		return 0;
	case LINK_IPV6:
		*net = NET_IPV6;
		return 0;
	case LINK_RAW:
		if (cur_u8(c, 0, &first))
			*net = first >> 4 == 6 ? NET_IPV6 : NET_IPV4;
		return 0;
	case LINK_ARP:
		*net = NET_ARP;
		return 0;
	case LINK_MPLS:
		return skip_mpls_labels(c, 0, net);
	case LINK_NSH:
		if (cur_be16(c, 0, &type) && cur_u8(c, 3, &first))
			*net = first == 1 ? NET_IPV4 : first == 2 ? NET_IPV6 : NET_NONE;
		return (type & 0x3fu) * 4u;
	case LINK_UNKNOWN:
		break;
	}
	return 0;
}

size_t link_declared_length(const uint8_t *bytes, size_t len, enum link_type link)
{
	struct cursor c = {bytes, len};
	enum net net;
	size_t off = network_offset(&c, link, &net);
	uint16_t n16 = 0;
	uint8_t hl = 0, pl = 0;
	switch (net) {
	case NET_IPV4:
		return cur_be16(&c, off + 2, &n16) ? off + n16 : 0;
	case NET_IPV6:
		return cur_be16(&c, off + 4, &n16) ? off + 40 + n16 : 0;
	case NET_ARP:
		if (!cur_u8(&c, off + 4, &hl) || !cur_u8(&c, off + 5, &pl))
			return 0;
		return off + 8 + 2u * (hl + pl);
	case NET_NONE:
		break;
	}
	return 0;
}
