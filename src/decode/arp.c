/* arp.c - ARP (RFC 826), RARP (RFC 903), InARP (RFC 2390), probes and announcements (RFC 5227). */
#include "decode.h"

#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "ether.h"
#include "explain_util.h"

#define ARP_FIXED 8 /* the part before the addresses */

enum {
	ARPHRD_ETHER = 1,
	ARPHRD_IEEE802 = 6,
	ARPOP_REQUEST = 1,
	ARPOP_REPLY = 2,
	ARPOP_RREQUEST = 3,
	ARPOP_RREPLY = 4,
	ARPOP_IREQUEST = 8,
	ARPOP_IREPLY = 9,
	ETHERTYPE_IPV4 = 0x0800,
	AX25_P_IP = 0xcc, /* AX.25's PID for IP, which AX.25 ARP uses as protocol type */
};

static const struct value_name arp_hw_names[] = {
	{0, N_("reserved")},
	{1, N_("Ethernet")},
	{2, N_("experimental Ethernet (3 Mb/s)")},
	{3, N_("AX.25 amateur radio")},
	{4, N_("ProNET token ring")},
	{5, N_("Chaos")},
	{6, N_("IEEE 802 networks")},
	{7, N_("ARCNET")},
	{8, N_("Hyperchannel")},
	{11, N_("LocalTalk")},
	{15, N_("Frame Relay DLCI")},
	{16, N_("ATM")},
	{17, N_("HDLC")},
	{18, N_("Fibre Channel")},
	{19, N_("ATM (RFC 2225)")},
	{20, N_("serial line")},
	{24, N_("IEEE 1394 (FireWire)")},
	{32, N_("InfiniBand")},
	{0, NULL},
};

static const struct value_name arp_opcode_names[] = {
	{0, N_("reserved")},
	{1, N_("request")},
	{2, N_("reply")},
	{3, N_("reverse request (RARP)")},
	{4, N_("reverse reply (RARP)")},
	{5, N_("DRARP request")},
	{6, N_("DRARP reply")},
	{7, N_("DRARP error")},
	{8, N_("inverse request (InARP)")},
	{9, N_("inverse reply (InARP)")},
	{10, N_("ARP NAK (ATM)")},
	{24, N_("experimental 1")},
	{25, N_("experimental 2")},
	{65535, N_("reserved")},
	{0, NULL},
};

/* The header as it lies in the packet; the address offsets follow from the sizes. */
struct arp_shape {
	uint32_t off;
	uint16_t hrd, pro, op;
	uint8_t hln, pln;
	bool ether;  /* addresses are 6-byte MACs: tshark's arp.*.hw_mac */
	bool ipv4;   /* addresses are 4-byte IPv4: tshark's arp.*.proto_ipv4 */
};

static uint32_t sha_off(const struct arp_shape *a) { return a->off + ARP_FIXED; }
static uint32_t spa_off(const struct arp_shape *a) { return sha_off(a) + a->hln; }
static uint32_t tha_off(const struct arp_shape *a) { return spa_off(a) + a->pln; }
static uint32_t tpa_off(const struct arp_shape *a) { return tha_off(a) + a->hln; }
static uint32_t arp_total(const struct arp_shape *a) { return ARP_FIXED + 2u * a->hln + 2u * a->pln; }

static bool read_shape(const struct packet *p, uint32_t off, struct arp_shape *a)
{
	memset(a, 0, sizeof(*a));
	a->off = off;
	if (!cur_be16(&p->bytes, off, &a->hrd) || !cur_be16(&p->bytes, off + 2, &a->pro) ||
	    !cur_u8(&p->bytes, off + 4, &a->hln) || !cur_u8(&p->bytes, off + 5, &a->pln) ||
	    !cur_be16(&p->bytes, off + 6, &a->op))
		return false;
	/* Wireshark's tests: the type must say so and the size must fit */
	a->ether = (a->hrd == ARPHRD_ETHER || a->hrd == ARPHRD_IEEE802) && a->hln == 6;
	a->ipv4 = (a->pro == ETHERTYPE_IPV4 || a->pro == AX25_P_IP) && a->pln == 4;
	return true;
}

static bool bytes_zero(const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (b[i])
			return false;
	return true;
}

/* What kind of request or reply: tshark's rules for arp.isgratuitous,
 * arp.isprobe and arp.isannouncement. */
struct arp_kind {
	bool gratuitous;   /* request or reply whose sender and target IP are the same */
	bool announcement; /* a gratuitous request with a zero target MAC (RFC 5227 §2.3) */
	bool probe;        /* a request from 0.0.0.0 with a zero target MAC (RFC 5227 §2.1.1) */
};

static struct arp_kind classify(const struct packet *p, const struct arp_shape *a)
{
	struct arp_kind k = {0};
	if (a->op != ARPOP_REQUEST && a->op != ARPOP_REPLY)
		return k;
	const uint8_t *spa = cur_bytes(&p->bytes, spa_off(a), a->pln);
	const uint8_t *tpa = cur_bytes(&p->bytes, tpa_off(a), a->pln);
	const uint8_t *tha = cur_bytes(&p->bytes, tha_off(a), 6);
	if (!spa || !tpa)
		return k;
	bool tha_zero = tha && bytes_zero(tha, 6);
	if (memcmp(spa, tpa, a->pln) == 0) {
		k.gratuitous = true;
		k.announcement = a->op == ARPOP_REQUEST && tha_zero;
	} else {
		const uint8_t *spa4 = cur_bytes(&p->bytes, spa_off(a), 4);
		k.probe = a->op == ARPOP_REQUEST && tha_zero && spa4 && bytes_zero(spa4, 4);
	}
	return k;
}

/* A hardware or protocol address as text: MAC, dotted quad, or hex bytes. */
static void put_addr(const struct packet *p, uint32_t off, unsigned len, bool ether, bool ipv4,
		     struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, off, len);
	if (!a) {
		sb_puts(o, "?");
		return;
	}
	if (len == 0)
		sb_puts(o, _("(no address)"));
	else if (ipv4)
		sb_printf(o, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	for (unsigned i = 0; !ipv4 && i < len; i++)
		sb_printf(o, ether ? (i ? ":%02x" : "%02x") : "%02x", a[i]);
}

static bool shape_of_field(const struct packet *p, const struct field *f, struct arp_shape *a)
{
	return read_shape(p, p->layers[f->layer].offset, a);
}

/* ---- meanings ---- */

static void explain_hw_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(arp_hw_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? _(n) : _("a type hexplain does not know"));
	if (f->value == ARPHRD_ETHER)
		sb_puts(o, _(": the hardware addresses are MACs (also used on Wi-Fi)"));
}

static void explain_proto_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	explain_ethertype_value((uint16_t)f->value, o);
	sb_puts(o, _(": the kind of address being resolved, named by its EtherType"));
}

static void explain_hw_size(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct arp_shape a;
	sb_printf(o, _("%u bytes per hardware address"), (unsigned)f->value);
	if (!shape_of_field(p, f, &a))
		return;
	if (a.ether)
		sb_puts(o, _(" (a MAC)"));
	else if (a.hrd == ARPHRD_ETHER)
		sb_puts(o, _(": but an Ethernet MAC has 6"));
}

static void explain_proto_size(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct arp_shape a;
	sb_printf(o, _("%u bytes per protocol address"), (unsigned)f->value);
	if (!shape_of_field(p, f, &a))
		return;
	if (a.ipv4)
		sb_puts(o, _(" (IPv4)"));
	else if (a.pro == ETHERTYPE_IPV4)
		sb_puts(o, _(": but an IPv4 address has 4"));
	sb_printf(o, _("; the message is 8 + 2 × %u + 2 × %u = %u bytes"), a.hln, a.pln,
		  arp_total(&a));
}

static void explain_opcode(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct arp_shape a;
	const char *n = value_name_find(arp_opcode_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? _(n) : _("an opcode hexplain does not know"));
	if (!shape_of_field(p, f, &a) || !cur_has(&p->bytes, a.off, arp_total(&a)))
		return;
	struct arp_kind k = classify(p, &a);
	sb_puts(o, ": ");
	switch (a.op) {
	case ARPOP_REQUEST:
		if (k.announcement) {
			sb_puts(o, _("ARP announcement (RFC 5227 §2.3): "));
			put_addr(p, spa_off(&a), a.pln, false, a.ipv4, o);
			sb_puts(o, _(" is mine, at "));
			put_addr(p, sha_off(&a), a.hln, a.ether, false, o);
			sb_puts(o, _("; everyone update your cache"));
		} else if (k.gratuitous) {
			sb_puts(o, _("gratuitous: the sender asks for its own address "));
			put_addr(p, spa_off(&a), a.pln, false, a.ipv4, o);
			sb_puts(o, _(", to make others update their caches or to hear if anyone else "
				     "uses it"));
		} else if (k.probe) {
			sb_puts(o, _("ARP probe (RFC 5227 §2.1.1): who has "));
			put_addr(p, tpa_off(&a), a.pln, false, a.ipv4, o);
			sb_puts(o, _("? asked from 0.0.0.0 by a host that wants to use the address and "
				     "first checks that no one else does"));
		} else {
			sb_puts(o, _("who has "));
			put_addr(p, tpa_off(&a), a.pln, false, a.ipv4, o);
			sb_puts(o, _("? tell "));
			put_addr(p, spa_off(&a), a.pln, false, a.ipv4, o);
		}
		break;
	case ARPOP_REPLY:
		if (k.gratuitous)
			sb_puts(o, _("gratuitous, unasked: "));
		put_addr(p, spa_off(&a), a.pln, false, a.ipv4, o);
		sb_puts(o, _(" is at "));
		put_addr(p, sha_off(&a), a.hln, a.ether, false, o);
		break;
	case ARPOP_RREQUEST:
	case ARPOP_IREQUEST:
		sb_puts(o, a.op == ARPOP_RREQUEST ? _("which protocol address has ")
						  : _("which protocol address goes with "));
		put_addr(p, tha_off(&a), a.hln, a.ether, false, o);
		sb_puts(o, _("? tell "));
		put_addr(p, sha_off(&a), a.hln, a.ether, false, o);
		break;
	case ARPOP_RREPLY:
		put_addr(p, tha_off(&a), a.hln, a.ether, false, o);
		sb_puts(o, _(" has "));
		put_addr(p, tpa_off(&a), a.pln, false, a.ipv4, o);
		break;
	case ARPOP_IREPLY:
		put_addr(p, sha_off(&a), a.hln, a.ether, false, o);
		sb_puts(o, _(" has "));
		put_addr(p, spa_off(&a), a.pln, false, a.ipv4, o);
		break;
	default:
		sb_puts(o, _("not a request or reply that hexplain explains"));
		break;
	}
}

static bool is_target(const struct field *f)
{
	return strncmp(f->def->name, "arp.dst.", 8) == 0;
}

static void explain_hw_addr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct arp_shape a;
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
	if (!b || !shape_of_field(p, f, &a))
		return;
	put_addr(p, f->offset, f->length, a.ether, false, o);
	if (is_target(f) && bytes_zero(b, f->length) &&
	    (a.op == ARPOP_REQUEST || a.op == ARPOP_IREQUEST))
		sb_puts(o, _(": not known yet, it is what the request asks for (RFC 826 leaves it "
			     "zero)"));
	else if (is_target(f) && a.op == ARPOP_RREQUEST)
		sb_puts(o, _(": the station whose protocol address is asked for"));
	else if (bytes_zero(b, f->length))
		sb_puts(o, _(": all zero"));
	else if (a.ether && (b[0] & b[1] & b[2] & b[3] & b[4] & b[5]) == 0xff)
		sb_puts(o, _(": broadcast, which is no station's address"));
	else if (!is_target(f))
		sb_puts(o, _(": the sender's; receivers note it with the sender's protocol address"));
}

static void explain_proto_addr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct arp_shape a;
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
	if (!b || !shape_of_field(p, f, &a))
		return;
	put_addr(p, f->offset, f->length, false, a.ipv4, o);
	if (!a.ipv4)
		return;
	if (!is_target(f) && bytes_zero(b, 4)) {
		sb_puts(o, _(": the sender has no address yet (an ARP probe, RFC 5227)"));
		return;
	}
	const char *kind = ipv4_address_kind(b);
	if (kind)
		sb_printf(o, " (%s)", _(kind));
	if (is_target(f) && a.op == ARPOP_REQUEST)
		sb_puts(o, _(": the address whose MAC is asked for"));
}

static void explain_flag(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = f->def->name;
	if (strcmp(n, "arp.isgratuitous") == 0)
		sb_puts(o, _("sender and target protocol address are the same: the sender speaks "
			     "about itself"));
	else if (strcmp(n, "arp.isprobe") == 0)
		sb_puts(o, _("a request from 0.0.0.0 with a zero target MAC: duplicate address "
			     "detection (RFC 5227 §2.1.1)"));
	else
		sb_puts(o, _("a gratuitous request with a zero target MAC: the sender claims the "
			     "address (RFC 5227 §2.3)"));
}

static const struct field_def arp_fields[] = {
	{"arp.hw.type", N_("hardware type"), FT_UINT, 0, 2, 0, 0, 0, BASE_DEC, arp_hw_names,
	 explain_hw_type, N_("the kind of link the hardware addresses belong to (RFC 826; IANA "
			     "hardware types)")},
	{"arp.proto.type", N_("protocol type"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, ethertype_names,
	 explain_proto_type, N_("the protocol whose addresses are resolved, as an EtherType")},
	{"arp.hw.size", N_("hardware size"), FT_UINT, 4, 1, 0, 0, 0, BASE_DEC, NULL,
	 explain_hw_size, N_("bytes in each hardware address: 6 for a MAC")},
	{"arp.proto.size", N_("protocol size"), FT_UINT, 5, 1, 0, 0, 0, BASE_DEC, NULL,
	 explain_proto_size, N_("bytes in each protocol address: 4 for IPv4")},
	{"arp.opcode", N_("opcode"), FT_UINT, 6, 2, 0, 0, 0, BASE_DEC, arp_opcode_names,
	 explain_opcode, N_("1 request, 2 reply (RFC 826); 3, 4 RARP (RFC 903); 8, 9 InARP "
			    "(RFC 2390)")},
};
#define ARP_ROWS (sizeof(arp_fields) / sizeof(arp_fields[0]))

/* The four addresses: tshark's typed names when the sizes fit, raw bytes otherwise. */
static const struct field_def arp_src_hw_mac = {
	"arp.src.hw_mac", N_("sender MAC address"), FT_ETHER, 0, 6, 0, 0, 0, BASE_HEX, NULL,
	explain_hw_addr, N_("the sender's hardware address")};
static const struct field_def arp_src_hw = {
	"arp.src.hw", N_("sender hardware address"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL,
	explain_hw_addr, N_("the sender's hardware address, of hardware-size bytes")};
static const struct field_def arp_src_proto_ipv4 = {
	"arp.src.proto_ipv4", N_("sender IP address"), FT_IPV4, 0, 4, 0, 0, 0, BASE_DEC, NULL,
	explain_proto_addr, N_("the sender's protocol address")};
static const struct field_def arp_src_proto = {
	"arp.src.proto", N_("sender protocol address"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL,
	explain_proto_addr, N_("the sender's protocol address, of protocol-size bytes")};
static const struct field_def arp_dst_hw_mac = {
	"arp.dst.hw_mac", N_("target MAC address"), FT_ETHER, 0, 6, 0, 0, 0, BASE_HEX, NULL,
	explain_hw_addr, N_("the target's hardware address; zero in a request")};
static const struct field_def arp_dst_hw = {
	"arp.dst.hw", N_("target hardware address"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL,
	explain_hw_addr, N_("the target's hardware address, of hardware-size bytes")};
static const struct field_def arp_dst_proto_ipv4 = {
	"arp.dst.proto_ipv4", N_("target IP address"), FT_IPV4, 0, 4, 0, 0, 0, BASE_DEC, NULL,
	explain_proto_addr, N_("the target's protocol address: in a request, the one asked for")};
static const struct field_def arp_dst_proto = {
	"arp.dst.proto", N_("target protocol address"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL,
	explain_proto_addr, N_("the target's protocol address, of protocol-size bytes")};

static const struct field_def arp_isgratuitous = {
	"arp.isgratuitous", N_("is gratuitous"), FT_BOOL, 0, 0, 0, 0, 1, BASE_DEC, NULL,
	explain_flag, N_("sender protocol address = target protocol address")};
static const struct field_def arp_isprobe = {
	"arp.isprobe", N_("is probe"), FT_BOOL, 0, 0, 0, 0, 1, BASE_DEC, NULL, explain_flag,
	N_("an address conflict probe (RFC 5227 §2.1.1)")};
static const struct field_def arp_isannouncement = {
	"arp.isannouncement", N_("is announcement"), FT_BOOL, 0, 0, 0, 0, 1, BASE_DEC, NULL,
	explain_flag, N_("an address announcement (RFC 5227 §2.3)")};

/* ---- decoding ---- */

static void check_sizes(struct packet *p, const struct arp_shape *a)
{
	if (a->hrd == ARPHRD_ETHER && a->hln != 6)
		packet_problem(p, SEV_WARNING, "arp.hw.size", "arp.hw.size.unusual", a->off + 4,
			       _("hardware type Ethernet with %u-byte addresses: a MAC has 6"), a->hln);
	if (a->pro == ETHERTYPE_IPV4 && a->pln != 4)
		packet_problem(p, SEV_WARNING, "arp.proto.size", "arp.proto.size.unusual",
			       a->off + 5, _("protocol type IPv4 with %u-byte addresses: an IPv4 "
					     "address has 4"),
			       a->pln);
	if (!value_name_find(arp_opcode_names, a->op))
		packet_problem(p, SEV_WARNING, "arp.opcode", "arp.opcode.unknown", a->off + 6,
			       _("opcode %u is not one IANA has assigned"), a->op);
}

/* The sender MAC should be the frame's source, unless someone answers for
 * another host (proxy ARP) or lies (ARP spoofing). */
static void check_frame_source(struct packet *p, const struct arp_shape *a, int layer)
{
	if (!a->ether || layer < 1 || strcmp(p->layers[layer - 1].proto, "eth") != 0)
		return;
	const struct field *src = packet_find_in_layer(p, (size_t)layer - 1, "eth.src");
	const uint8_t *eth = src ? cur_bytes(&p->bytes, src->offset, 6) : NULL;
	const uint8_t *sha = cur_bytes(&p->bytes, sha_off(a), 6);
	if (eth && sha && memcmp(eth, sha, 6) != 0)
		packet_problem(p, SEV_NOTE, "arp.src.hw_mac", "arp.src.hw_mac.not_frame_source",
			       sha_off(a),
			       _("the sender MAC %02x:%02x:%02x:%02x:%02x:%02x is not the frame's "
				 "source %02x:%02x:%02x:%02x:%02x:%02x: proxy ARP, a bridge, or "
				 "spoofing"),
			       sha[0], sha[1], sha[2], sha[3], sha[4], sha[5], eth[0], eth[1], eth[2],
			       eth[3], eth[4], eth[5]);
}

/* Adds one address row of len bytes at off; false when it was not captured. */
static bool add_address(struct packet *p, const struct field_def *typed,
			const struct field_def *raw, bool use_typed, uint32_t off, unsigned len)
{
	if (len == 0)
		return true; /* tshark shows no field for an empty address */
	if (!cur_has(&p->bytes, off, len))
		return false;
	packet_add_field(p, use_typed ? typed : raw, off, len, 0);
	return true;
}

void decode_arp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	(void)end; /* ARP has no length field: its size follows from the address sizes */
	int layer = packet_add_layer(p, "arp", N_("ARP message"), off, ctx->quoted);
	if (layer < 0)
		return;
	struct arp_shape a;
	size_t avail = cur_avail(&p->bytes, off);
	size_t read = packet_read_rows(p, arp_fields, ARP_ROWS, off);
	if (read < ARP_ROWS || !read_shape(p, off, &a)) {
		p->layers[layer].length = (uint32_t)avail;
		p->layers[layer].truncated = true;
		decode_truncated(p, "arp", off, ARP_FIXED);
		return;
	}
	uint32_t total = arp_total(&a);
	p->layers[layer].length = (uint32_t)(avail < total ? avail : total);
	if (a.op == ARPOP_RREQUEST || a.op == ARPOP_RREPLY)
		p->layers[layer].title = N_("RARP message");
	else if (a.op == ARPOP_IREQUEST || a.op == ARPOP_IREPLY)
		p->layers[layer].title = N_("InARP message");
	check_sizes(p, &a);

	struct arp_kind k = classify(p, &a);
	if (k.gratuitous)
		packet_add_generated(p, &arp_isgratuitous, 1);
	if (k.probe)
		packet_add_generated(p, &arp_isprobe, 1);
	if (k.announcement)
		packet_add_generated(p, &arp_isannouncement, 1);

	if (!add_address(p, &arp_src_hw_mac, &arp_src_hw, a.ether, sha_off(&a), a.hln) ||
	    !add_address(p, &arp_src_proto_ipv4, &arp_src_proto, a.ipv4, spa_off(&a), a.pln) ||
	    !add_address(p, &arp_dst_hw_mac, &arp_dst_hw, a.ether, tha_off(&a), a.hln) ||
	    !add_address(p, &arp_dst_proto_ipv4, &arp_dst_proto, a.ipv4, tpa_off(&a), a.pln)) {
		p->layers[layer].truncated = true;
		decode_truncated(p, "arp", off, total);
		return;
	}
	check_frame_source(p, &a, layer);
	/* A bare dump (tcpdump -x) keeps the frame's padding but no link layer
	 * to own it; inside a link layer, that layer shows its trailer. */
	if (layer == 0 && avail > total)
		packet_problem(p, SEV_NOTE, NULL, "arp.trailing_bytes", off + total,
			       _("%zu bytes follow the %u-byte ARP message: the padding of the "
				 "Ethernet frame it came in (at least 60 bytes), which tcpdump -x "
				 "prints too"),
			       avail - total, total);
}
