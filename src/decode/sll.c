/* sll.c - Linux cooked capture headers, v1 (LINKTYPE_LINUX_SLL 113) and v2 (LINUX_SLL2 276).
 *
 * libpcap writes these for captures on "any" (or -y LINUX_SLL*): the kernel's
 * packet socket metadata instead of a real link header.  Layouts from
 * libpcap's pcap/sll.h and https://www.tcpdump.org/linktypes/.
 */
#include "decode.h"

#include "core/i18n.h"
#include "core/strbuf.h"
#include "ether.h"
#include "explain_util.h"

#define SLL_HEADER 16
#define SLL2_HEADER 20
#define SLL_ADDR_LEN 8          /* the address field's fixed size */
#define SLL_LINUX_PROTO_MAX 1536 /* at or below: a Linux protocol number (Linux's own test) */
#define ARPHRD_IPGRE 778

static const struct value_name pkttype_names[] = {
	{0, N_("to us")},
	{1, N_("broadcast")},
	{2, N_("multicast")},
	{3, N_("to someone else")},
	{4, N_("sent by us")},
	{5, N_("looped back inside the kernel")},
	{6, N_("to user space")},
	{7, N_("to the kernel")},
	{0, NULL},
};

/* ARPHRD_* of linux/if_arp.h: what kind of device the packet went through. */
static const struct value_name hatype_names[] = {
	{1, N_("Ethernet")},
	{6, N_("IEEE 802 (Token Ring)")},
	{24, N_("IEEE 1394 (FireWire)")},
	{32, N_("InfiniBand")},
	{256, N_("SLIP")},
	{280, N_("CAN bus")},
	{512, N_("PPP")},
	{519, N_("raw IP")},
	{768, N_("IP-in-IP tunnel")},
	{769, N_("IPv6-in-IPv6 tunnel")},
	{772, N_("loopback")},
	{776, N_("SIT (IPv6-in-IPv4 tunnel)")},
	{778, N_("IP GRE tunnel")},
	{801, N_("IEEE 802.11")},
	{803, N_("IEEE 802.11 with radiotap")},
	{804, N_("IEEE 802.15.4")},
	{823, N_("IPv6 GRE tunnel")},
	{824, N_("netlink")},
	{65534, N_("none (e.g. a tun device)")},
	{65535, N_("void")},
	{0, NULL},
};

/* Protocol values ≤ 1536: Linux's ETH_P_* numbers for frames without an
 * EtherType (linux/if_ether.h). */
static const struct value_name ltype_names[] = {
	{0x0001, N_("Novell raw 802.3")},
	{0x0002, N_("AX.25")},
	{0x0003, N_("Ethernet (every protocol)")},
	{0x0004, N_("802.2 LLC")},
	{0x0007, N_("PPP (HDLC)")},
	{0x000c, N_("CAN")},
	{0x000d, N_("CAN FD")},
	{0x0017, N_("IrDA LAP")},
	{0x00f5, N_("ISI (phonet)")},
	{0x00f6, N_("IEEE 802.15.4")},
	{0, NULL},
};

static void explain_pkttype(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(pkttype_names, f->value);
	unsigned v = (unsigned)f->value;
	if (v == 4)
		sb_puts(o, _("4 → sent by us: this host transmitted it (tcpdump: Out)"));
	else if (v == 0)
		sb_puts(o, _("0 → to us: addressed to this host (tcpdump: In)"));
	else if (v == 3)
		sb_puts(o, _("3 → to someone else: seen only in promiscuous mode"));
	else
		sb_printf(o, "%u → %s", v, n ? _(n) : _("unknown packet type"));
}

static void explain_hatype(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(hatype_names, f->value);
	sb_printf(o, _("%u → %s (ARPHRD_ value: the device's link type)"), (unsigned)f->value,
		  n ? _(n) : _("unknown"));
}

static void explain_halen(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("0: the device has no link-layer address"));
	else if (v <= SLL_ADDR_LEN)
		sb_printf(o, _("%u of the address field's 8 bytes are used"), v);
	else
		sb_printf(o, _("%u: more than the 8 bytes the header keeps, the address is cut"), v);
}

static void explain_address(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, f->length);
	bool zero = a != NULL;
	for (uint32_t i = 0; a && i < f->length; i++)
		zero = zero && a[i] == 0;
	if (zero)
		sb_puts(o, _("all zero: loopback has no hardware address"));
	else
		sb_puts(o, _("the link-layer address of the packet's sender"));
}

static void explain_unused(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("8 − %u = %u bytes of the address field the address does not use"),
		  SLL_ADDR_LEN - (unsigned)f->length, (unsigned)f->length);
}

static void explain_ltype(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(ltype_names, f->value);
	sb_printf(o, _("%u ≤ 1536: a Linux protocol number, not an EtherType → %s"),
		  (unsigned)f->value, n ? _(n) : _("unknown"));
}

static void explain_ifindex(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value == 1)
		sb_puts(o, _("interface 1: usually lo, the first interface Linux creates "
			     "(`ip link` lists the numbers)"));
	else
		sb_printf(o, _("interface %u (`ip link` lists the numbers)"), (unsigned)f->value);
}

static void explain_reserved(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_puts(o, f->value ? _("reserved, should be 0") : _("reserved, 0"));
}

static const struct field_def sll_fields[] = {
	{"sll.pkttype", N_("packet type"), FT_UINT, 0, 2, 0, 0, 0, BASE_DEC, pkttype_names,
	 explain_pkttype, N_("which way the packet went, from the kernel (PACKET_* of if_packet.h)")},
	{"sll.hatype", N_("link-layer address type"), FT_UINT, 2, 2, 0, 0, 0, BASE_DEC, hatype_names,
	 explain_hatype, N_("ARPHRD_* type of the device the packet went through")},
	{"sll.halen", N_("link-layer address length"), FT_UINT, 4, 2, 0, 0, 0, BASE_DEC, NULL,
	 explain_halen, N_("how many bytes of the 8-byte address field hold the address")},
};
#define SLL_ROWS (sizeof(sll_fields) / sizeof(sll_fields[0]))

static const struct field_def sll2_fields[] = {
	/* row 0 is the protocol, chosen by value: see protocol_row() */
	{"hexplain.sll.reserved", N_("reserved"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, NULL,
	 explain_reserved, N_("reserved (mbz)")},
	{"sll.ifindex", N_("interface index"), FT_UINT, 4, 4, 0, 0, 0, BASE_DEC, NULL,
	 explain_ifindex, N_("the kernel's number of the interface the packet went through")},
	{"sll.hatype", N_("link-layer address type"), FT_UINT, 8, 2, 0, 0, 0, BASE_DEC, hatype_names,
	 explain_hatype, N_("ARPHRD_* type of the device the packet went through")},
	{"sll.pkttype", N_("packet type"), FT_UINT, 10, 1, 0, 0, 0, BASE_DEC, pkttype_names,
	 explain_pkttype, N_("which way the packet went, from the kernel (PACKET_* of if_packet.h)")},
	{"sll.halen", N_("link-layer address length"), FT_UINT, 11, 1, 0, 0, 0, BASE_DEC, NULL,
	 explain_halen, N_("how many bytes of the 8-byte address field hold the address")},
};
#define SLL2_ROWS (sizeof(sll2_fields) / sizeof(sll2_fields[0]))

/* The protocol rows, relative to where the protocol field lies. */
static const struct field_def sll_etype = {
	"sll.etype", N_("protocol"), FT_UINT, 0, 2, 0, 0, 0, BASE_HEX, ethertype_names,
	explain_ethertype_field, N_("the EtherType of the packet")};
static const struct field_def sll_ltype = {
	"sll.ltype", N_("protocol"), FT_UINT, 0, 2, 0, 0, 0, BASE_HEX, ltype_names, explain_ltype,
	N_("a Linux protocol number (ETH_P_*) for frames without an EtherType")};
static const struct field_def sll_gretype = {
	"sll.gretype", N_("protocol"), FT_UINT, 0, 2, 0, 0, 0, BASE_HEX, ethertype_names,
	explain_ethertype_field, N_("the GRE protocol type of a packet on a GRE tunnel")};

/* Address rows: where they start depends on the version. */
static const struct field_def sll_src_eth = {
	"sll.src.eth", N_("source"), FT_ETHER, 0, 6, 0, 0, 0, BASE_HEX, NULL, explain_address,
	N_("the sender's link-layer address, 6 bytes")};
static const struct field_def sll_src_ipv4 = {
	"sll.src.ipv4", N_("source"), FT_IPV4, 0, 4, 0, 0, 0, BASE_DEC, NULL, explain_address,
	N_("the sender's link-layer address, 4 bytes (a tunnel endpoint)")};
static const struct field_def sll_src_other = {
	"sll.src.other", N_("source"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, explain_address,
	N_("the sender's link-layer address")};
static const struct field_def sll_unused = {
	"sll.unused", N_("unused"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, explain_unused,
	N_("the rest of the 8-byte address field")};
static const struct field_def sll_trailer = {
	"sll.trailer", N_("trailer"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("bytes after what the network layer declares")};

static const struct field_def *protocol_row(uint16_t protocol, uint16_t hatype)
{
	if (protocol <= SLL_LINUX_PROTO_MAX)
		return &sll_ltype;
	return hatype == ARPHRD_IPGRE ? &sll_gretype : &sll_etype;
}

/* The halen-dependent address rows of the 8-byte field at addr.  False when
 * the field is cut by the end of the capture. */
static bool add_address(struct packet *p, uint32_t addr, uint16_t halen)
{
	const struct field_def *def = NULL;
	uint32_t used = halen > SLL_ADDR_LEN ? SLL_ADDR_LEN : halen;
	if (halen == 4)
		def = &sll_src_ipv4;
	else if (halen == 6)
		def = &sll_src_eth;
	else if (halen != 0)
		def = &sll_src_other;
	if (def) {
		if (!cur_has(&p->bytes, addr, used))
			return false;
		packet_add_field(p, def, addr, used, 0);
	}
	if (used < SLL_ADDR_LEN) {
		if (!cur_has(&p->bytes, addr + used, SLL_ADDR_LEN - used))
			return false;
		packet_add_field(p, &sll_unused, addr + used, SLL_ADDR_LEN - used, 0);
	}
	return true;
}

/* Hands what follows the header on, by the protocol's kind. */
static void sll_payload(struct packet *p, int layer, uint16_t protocol, uint16_t hatype,
			uint32_t off, const struct decode_ctx *ctx)
{
	if (!cur_has(&p->bytes, off, 1))
		return;
	if (protocol <= SLL_LINUX_PROTO_MAX) {
		packet_problem(p, SEV_NOTE, "sll.ltype", "sll.ltype", off,
			       _("protocol %u is a Linux protocol number, not an EtherType: hexplain "
				 "shows the rest as data"),
			       protocol);
		decode_payload(p, off, (uint32_t)p->bytes.len);
		return;
	}
	if (hatype == ARPHRD_IPGRE) {
		/* a GRE protocol type; the tunnel's own header was stripped */
		struct decode_ctx inner = *ctx;
		inner.depth++;
		decode_ethertype(p, protocol, off, (uint32_t)p->bytes.len, &inner);
		return;
	}
	decode_link_payload(p, protocol, off, layer, &sll_trailer, false, ctx);
}

static void sll_truncated(struct packet *p, int layer, uint32_t off, uint32_t need)
{
	p->layers[layer].truncated = true;
	decode_truncated(p, "sll", off, need);
}

static int open_layer(struct packet *p, uint32_t off, const char *title, uint32_t size,
		      const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "sll", title, off, ctx->quoted);
	if (layer >= 0) {
		size_t avail = cur_avail(&p->bytes, off);
		p->layers[layer].length = (uint32_t)(avail < size ? avail : size);
	}
	return layer;
}

void decode_sll(struct packet *p, uint32_t off, const struct decode_ctx *ctx)
{
	int layer = open_layer(p, off, N_("Linux cooked capture v1 header"), SLL_HEADER, ctx);
	if (layer < 0)
		return;
	uint16_t hatype = 0, halen = 0, protocol = 0;
	if (packet_read_rows(p, sll_fields, SLL_ROWS, off) < SLL_ROWS) {
		sll_truncated(p, layer, off, SLL_HEADER);
		return;
	}
	cur_be16(&p->bytes, off + 2, &hatype);
	cur_be16(&p->bytes, off + 4, &halen);
	if (!add_address(p, off + 6, halen) || !cur_be16(&p->bytes, off + 14, &protocol)) {
		sll_truncated(p, layer, off, SLL_HEADER);
		return;
	}
	packet_read_row(p, protocol_row(protocol, hatype), off + 14, NULL);
	sll_payload(p, layer, protocol, hatype, off + SLL_HEADER, ctx);
}

void decode_sll2(struct packet *p, uint32_t off, const struct decode_ctx *ctx)
{
	int layer = open_layer(p, off, N_("Linux cooked capture v2 header"), SLL2_HEADER, ctx);
	if (layer < 0)
		return;
	uint16_t protocol = 0, hatype = 0;
	uint8_t halen = 0;
	if (!cur_be16(&p->bytes, off, &protocol)) {
		sll_truncated(p, layer, off, SLL2_HEADER);
		return;
	}
	/* the hardware type decides the protocol row, but may lie past the cut */
	cur_be16(&p->bytes, off + 8, &hatype);
	packet_read_row(p, protocol_row(protocol, hatype), off, NULL);
	if (packet_read_rows(p, sll2_fields, SLL2_ROWS, off) < SLL2_ROWS) {
		sll_truncated(p, layer, off, SLL2_HEADER);
		return;
	}
	cur_u8(&p->bytes, off + 11, &halen);
	if (!add_address(p, off + 12, halen)) {
		sll_truncated(p, layer, off, SLL2_HEADER);
		return;
	}
	sll_payload(p, layer, protocol, hatype, off + SLL2_HEADER, ctx);
}
