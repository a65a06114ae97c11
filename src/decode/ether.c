/* ether.c - Ethernet II and 802.3 (IEEE 802.3 §3.2), 802.1Q/802.1ad tags, trailers. */
#include "ether.h"

#include <string.h>

#include "analyze/checksum.h"
#include "avsp.h"
#include "isl.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

#define ETH_HEADER 14
#define VLAN_TAG 4
#define ETH_MIN_FRAME 60     /* 64 on the wire with the 4-byte FCS */
#define ETH_MAX_LENGTH 1500  /* largest 802.3 length value */
#define ETHERTYPE_MIN 0x0600 /* 1536: smallest EtherType (802.3x-1997) */
#define MAX_VLAN_TAGS 8

const struct value_name ethertype_names[] = {
	{0x0800, N_("IPv4")},
	{0x0806, N_("ARP")},
	{0x0842, N_("Wake-on-LAN")},
	{0x22f0, N_("AVTP (audio/video bridging)")},
	{0x8035, N_("RARP")},
	{0x809b, N_("AppleTalk")},
	{0x80f3, N_("AppleTalk ARP")},
	{0x8100, N_("802.1Q VLAN tag")},
	{0x8137, N_("IPX")},
	{0x86dd, N_("IPv6")},
	{0x8808, N_("Ethernet flow control (PAUSE)")},
	{0x8809, N_("slow protocols (LACP, OAM)")},
	{0x8847, N_("MPLS unicast")},
	{0x8848, N_("MPLS multicast")},
	{0x8863, N_("PPPoE discovery")},
	{0x8864, N_("PPPoE session")},
	{0x888e, N_("EAPOL, 802.1X port authentication")},
	{0x8892, N_("PROFINET")},
	{0x88a8, N_("802.1ad service VLAN tag (QinQ)")},
	{0x88cc, N_("LLDP, link layer discovery")},
	{0x88e5, N_("MACsec")},
	{0x88f7, N_("PTP, precision time protocol")},
	{0x8906, N_("Fibre Channel over Ethernet")},
	{0x8914, N_("FCoE initialization")},
	{0x894f, N_("NSH, network service header")},
	{0x9000, N_("loopback (configuration test protocol)")},
	{0x9100, N_("QinQ VLAN tag (pre-802.1ad)")},
	{0xd28b, N_("Arista vendor-specific (timestamp)")},
	{0, NULL},
};

void explain_ethertype_value(uint16_t type, struct strbuf *o)
{
	if (type <= ETH_MAX_LENGTH) {
		sb_printf(o, _("%u ≤ 1500: not a type but an 802.3 length, %u bytes of LLC data follow"),
			  type, type);
		return;
	}
	if (type < ETHERTYPE_MIN) {
		sb_printf(o, _("0x%04x lies between 1500 and 1536: neither a length nor a type"), type);
		return;
	}
	const char *n = value_name_find(ethertype_names, type);
	sb_printf(o, "0x%04x → %s", type, n ? _(n) : _("an EtherType hexplain does not know"));
}

/* ---- Ethernet header ---- */

static bool mac_is_zero(const uint8_t *a)
{
	return !(a[0] | a[1] | a[2] | a[3] | a[4] | a[5]);
}

static void explain_mac(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 6);
	if (!a)
		return;
	if (mac_is_zero(a)) {
		sb_puts(o, _("00:00:00:00:00:00: a loopback capture's placeholder (lo has no real "
			     "hardware address)"));
		return;
	}
	sb_printf(o, "%02x:%02x:%02x:%02x:%02x:%02x: ", a[0], a[1], a[2], a[3], a[4], a[5]);
	if ((a[0] & a[1] & a[2] & a[3] & a[4] & a[5]) == 0xff) {
		sb_puts(o, _("broadcast: every station on the segment takes it"));
		return;
	}
	if (a[0] & 1) {
		if (a[0] == 0x01 && a[1] == 0x00 && a[2] == 0x5e)
			sb_puts(o, _("multicast (I/G bit 1): IPv4 multicast, 01:00:5e + the group's "
				     "low 23 bits"));
		else if (a[0] == 0x33 && a[1] == 0x33)
			sb_puts(o, _("multicast (I/G bit 1): IPv6 multicast, 33:33 + the group's low "
				     "32 bits"));
		else if (a[0] == 0x01 && a[1] == 0x80 && a[2] == 0xc2 && a[3] == 0 && a[4] == 0 &&
			 a[5] < 0x10)
			sb_puts(o, _("multicast (I/G bit 1): IEEE 802.1 link-local group (STP, LACP, "
				     "LLDP, 802.1X): bridges do not forward it"));
		else
			sb_puts(o, _("multicast (I/G bit 1 of the first byte): a group of stations"));
		return;
	}
	if (a[0] & 2)
		sb_puts(o, _("unicast, locally administered (U/L bit 1): set by software, e.g. "
			     "a VM, container or randomized address"));
	else
		sb_printf(o, _("unicast, globally unique: maker's OUI %02x:%02x:%02x + serial"),
			  a[0], a[1], a[2]);
}

static void explain_ig(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_puts(o, f->value ? _("1: group address (multicast or broadcast)")
			    : _("0: individual address (unicast)"));
}

static void explain_lg(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_puts(o, f->value ? _("1: locally administered (assigned by software)")
			    : _("0: globally unique (IEEE-assigned OUI)"));
}

void explain_ethertype_field(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	explain_ethertype_value((uint16_t)f->value, o);
}

static void explain_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	size_t after = cur_avail(&p->bytes, f->offset + 2);
	sb_printf(o, _("%u ≤ 1500: an IEEE 802.3 frame, the value is the length of the LLC data "
		       "that follows (%zu bytes captured after it)"),
		  (unsigned)f->value, after);
}

static const struct field_def eth_fields[] = {
	{"eth.dst", N_("destination"), FT_ETHER, 0, 6, 0, 0, 0, BASE_HEX, NULL, explain_mac,
	 N_("the receiver's hardware address (IEEE 802.3 §3.2.3)")},
	{"eth.dst.lg", N_("L/G (U/L) bit"), FT_BOOL, 0, 1, 0x02, 0, 1, BASE_DEC, NULL, explain_lg,
	 N_("bit 1 of the first byte: 0 globally unique, 1 locally administered")},
	{"eth.dst.ig", N_("I/G bit"), FT_BOOL, 0, 1, 0x01, 0, 1, BASE_DEC, NULL, explain_ig,
	 N_("bit 0 of the first byte (sent first on the wire): 0 individual, 1 group")},
	{"eth.src", N_("source"), FT_ETHER, 6, 6, 0, 0, 0, BASE_HEX, NULL, explain_mac,
	 N_("the sender's hardware address")},
	{"eth.src.lg", N_("L/G (U/L) bit"), FT_BOOL, 6, 1, 0x02, 0, 1, BASE_DEC, NULL, explain_lg,
	 N_("bit 1 of the first byte: 0 globally unique, 1 locally administered")},
	{"eth.src.ig", N_("I/G bit"), FT_BOOL, 6, 1, 0x01, 0, 1, BASE_DEC, NULL, explain_ig,
	 N_("bit 0 of the first byte: a source must be an individual address")},
};
#define ETH_ADDR_ROWS (sizeof(eth_fields) / sizeof(eth_fields[0]))

/* The last two bytes of the header take one of three rows by value. */
static const struct field_def eth_type = {
	"eth.type", N_("type"), FT_UINT, 12, 2, 0, 0, 0, BASE_HEX, ethertype_names, explain_ethertype_field,
	N_("EtherType: the protocol the frame carries (IEEE registry); ≥ 1536")};
static const struct field_def eth_len = {
	"eth.len", N_("length"), FT_UINT, 12, 2, 0, 0, 0, BASE_DEC, NULL, explain_len,
	N_("IEEE 802.3 length of the LLC data; ≤ 1500")};
static const struct field_def eth_invalid_lentype = {
	"eth.invalid_lentype", N_("length/type"), FT_UINT, 12, 2, 0, 0, 0, BASE_HEX, NULL,
	explain_ethertype_field, N_("1501..1535 is neither an 802.3 length nor an EtherType")};

/* ---- 802.1Q / 802.1ad tags ---- */

static const struct value_name pcp_names[] = {
	{0, N_("best effort (BE), the default")},
	{1, N_("background (BK), the lowest")},
	{2, N_("excellent effort (EE)")},
	{3, N_("critical applications (CA)")},
	{4, N_("video, < 100 ms latency (VI)")},
	{5, N_("voice, < 10 ms latency (VO)")},
	{6, N_("internetwork control (IC)")},
	{7, N_("network control (NC), the highest")},
	{0, NULL},
};

static void explain_pcp(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u → %s"), (unsigned)f->value, _(value_name_find(pcp_names, f->value)));
}

static void explain_dei(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_puts(o, f->value ? _("1: drop eligible, discarded first under congestion")
			    : _("0: not drop eligible"));
}

static void explain_vid(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == 0)
		sb_puts(o, _("0: priority tag only, the frame belongs to no VLAN (802.1p)"));
	else if (v == 4095)
		sb_puts(o, _("4095: reserved, must not be used"));
	else if (v == 1)
		sb_puts(o, _("VLAN 1, the default VLAN of most switches"));
	else
		sb_printf(o, _("VLAN %u (of 1..4094)"), v);
}

static const struct field_def vlan_fields[] = {
	{"vlan.priority", N_("priority (PCP)"), FT_UINT, 0, 2, 0xe000, 0, 0, BASE_DEC, pcp_names,
	 explain_pcp, N_("priority code point: the traffic class, 0..7 (IEEE 802.1Q Table I-2)")},
	{"vlan.dei", N_("drop eligible (DEI)"), FT_BOOL, 0, 2, 0x1000, 0, 0, BASE_DEC, NULL,
	 explain_dei, N_("drop eligible indicator, formerly CFI (IEEE 802.1Q §6.9.3)")},
	{"vlan.id", N_("VLAN ID"), FT_UINT, 0, 2, 0x0fff, 0, 0, BASE_DEC, NULL, explain_vid,
	 N_("VID: which virtual LAN the frame belongs to, 12 bits")},
};
#define VLAN_TCI_ROWS (sizeof(vlan_fields) / sizeof(vlan_fields[0]))

/* An 802.1ad service tag: the same bits, under the names tshark's 802.1ad
 * dissector gives them (its type field is registered as ieee8021ah.etype). */
static const struct field_def stag_fields[] = {
	{"ieee8021ad.priority", N_("priority (PCP)"), FT_UINT, 0, 2, 0xe000, 0, 0, BASE_DEC,
	 pcp_names, explain_pcp,
	 N_("priority code point: the traffic class, 0..7 (IEEE 802.1Q Table I-2)")},
	{"ieee8021ad.dei", N_("drop eligible (DEI)"), FT_BOOL, 0, 2, 0x1000, 0, 0, BASE_DEC, NULL,
	 explain_dei, N_("drop eligible indicator (IEEE 802.1Q §6.9.3)")},
	{"ieee8021ad.id", N_("VLAN ID"), FT_UINT, 0, 2, 0x0fff, 0, 0, BASE_DEC, NULL, explain_vid,
	 N_("S-VID: the service provider's VLAN, 12 bits")},
};
static const struct field_def stag_etype = {
	"ieee8021ah.etype", N_("type"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, ethertype_names,
	explain_ethertype_field, N_("the EtherType of what follows the tag: usually 0x8100, the customer tag")};

static const struct field_def vlan_etype = {
	"vlan.etype", N_("type"), FT_UINT, 2, 2, 0, 0, 0, BASE_HEX, ethertype_names, explain_ethertype_field,
	N_("the EtherType of what follows the tag")};
static const struct field_def vlan_len = {
	"vlan.len", N_("length"), FT_UINT, 2, 2, 0, 0, 0, BASE_DEC, NULL, explain_len,
	N_("IEEE 802.3 length of the LLC data after the tag")};

/* ---- trailer ---- */

/* The first byte of the link-layer frame the layer owner belongs to: the
 * nearest Ethernet header at or before it (its tags are part of it). */
static uint32_t frame_start(const struct packet *p, int owner)
{
	for (int l = owner; l >= 0; l--)
		if (strcmp(p->layers[l].proto, "eth") == 0)
			return p->layers[l].offset;
	return 0;
}

static void explain_padding(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u + %u zero bytes = 60: Ethernet pads frames to the 60-byte minimum "
		       "(64 with the FCS); the receiver drops them by the network layer's length"),
		  (unsigned)f->offset, (unsigned)f->length);
}

static void explain_trailer(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes after what the network layer declares, not all zero: not "
		       "padding but a trailer (a driver's or a network tap's)"),
		  (unsigned)f->length);
}

static void explain_fcs(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field *st = packet_find_in_layer(p, f->layer, "hexplain.eth.fcs.status");
	const struct field *calc = packet_find_in_layer(p, f->layer, "hexplain.eth.fcs_calculated");
	unsigned want = calc ? (unsigned)calc->value : 0u;
	sb_printf(o, _("0x%08x: the last 4 bytes, taken as the frame check sequence (CRC-32 "
		       "over the frame before it), as tshark does for frames of 64 bytes or "
		       "more; "),
		  (unsigned)f->value);
	if (st && st->value == CKSUM_GOOD)
		sb_printf(o, _("✓ correct (recomputed 0x%08x): the capture kept the FCS"), want);
	else
		sb_printf(o, _("✗ the CRC-32 of the frame is 0x%08x: the frame was damaged, or "
			       "these bytes are a trailer and the capture has no FCS"),
			  want);
}

static const struct field_def eth_padding = {
	"eth.padding", N_("padding"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, explain_padding,
	N_("zero bytes that bring a short frame to the 60-byte minimum (IEEE 802.3 §4.2.3.3)")};
static const struct field_def eth_trailer = {
	"eth.trailer", N_("trailer"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, explain_trailer,
	N_("bytes after the frame's data that are not padding")};
static const struct field_def vlan_trailer = {
	"vlan.trailer", N_("trailer"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, explain_trailer,
	N_("bytes after the tagged frame's data that are not padding")};
static const struct field_def eth_fcs = {
	"eth.fcs", N_("frame check sequence"), FT_UINT, 0, 4, 0, 0, 0, BASE_HEX, NULL, explain_fcs,
	N_("CRC-32 over the frame (IEEE 802.3 §3.2.9); most captures leave it out")};
/* tshark's eth.fcs.status says "unverified": it does not compute the CRC
 * unless told to.  hexplain does, so its verdict goes under its own name
 * rather than give tshark's field a value that means something else. */
static const struct field_def eth_fcs_status = {
	"hexplain.eth.fcs.status", N_("FCS status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC,
	checksum_status_names, NULL, N_("hexplain's verdict on the FCS: the CRC-32 recomputed")};
static const struct field_def eth_fcs_calculated = {
	"hexplain.eth.fcs_calculated", N_("FCS calculated"), FT_UINT, 0, 4, 0, 0, 1, BASE_HEX,
	NULL, NULL, N_("the CRC-32 the frame should end with, as tshark shows an FCS")};

static void own_field(struct field *f, int layer)
{
	if (f && layer >= 0)
		f->layer = (uint16_t)layer;
}

/* Bytes [start, end of capture) that lie past the network layer: the rule of
 * Wireshark's add_ethernet_trailer with its defaults (padding must be zeros,
 * FCS guessed), so the names match tshark's.  The frame is taken to begin at
 * byte 0 and to be whole (a dump has no original length). */
static void add_link_trailer(struct packet *p, int owner, uint32_t start, uint32_t frame,
			     const struct field_def *trailer, bool may_have_fcs)
{
	if (start >= frame)
		return;
	/* The 60-byte minimum counts from byte 0, as tshark counts it: the
	 * wire pads the frame that was captured, so the zeros after a frame
	 * carried inside it (ISL, a tunnel, an sFlow sample) are its carrier's
	 * trailer.  An FCS, though, is the CRC of the frame it ends. */
	uint32_t base = p->nlayers && owner >= 0 ? frame_start(p, owner) : 0;
	bool maybe_padded = frame >= ETH_MIN_FRAME && start < ETH_MIN_FRAME;
	uint32_t pad = maybe_padded ? ETH_MIN_FRAME - start : 0;
	for (uint32_t i = 0; i < pad; i++) {
		uint8_t b = 1;
		if (!cur_u8(&p->bytes, start + i, &b) || b != 0) {
			pad = 0;
			break;
		}
	}
	if (pad)
		own_field(packet_add_field(p, &eth_padding, start, pad, 0), owner);
	uint32_t rest = frame - start - pad;
	bool fcs = may_have_fcs && frame - base >= ETH_MIN_FRAME + 4 && rest >= 4;
	if (fcs)
		rest -= 4;
	if (rest) {
		own_field(packet_add_field(p, trailer, start + pad, rest, 0), owner);
		if (maybe_padded && pad == 0)
			packet_problem(p, SEV_NOTE, trailer->name, "eth.padding_bad", start,
				       _("the %u bytes after byte %u are not all zero, so they are not "
					 "Ethernet padding: a trailer that a driver or tap added"),
				       rest, start);
	}
	if (fcs) {
		uint32_t v = 0;
		cur_be32(&p->bytes, frame - 4, &v);
		own_field(packet_add_field(p, &eth_fcs, frame - 4, 4, v), owner);
		uint32_t crc = 0;
		crc32_802(&p->bytes, base, frame - 4 - base, &crc);
		/* sent least significant byte first; tshark shows the bytes as read */
		uint32_t shown = __builtin_bswap32(crc);
		own_field(packet_add_generated(p, &eth_fcs_status,
					       shown == v ? CKSUM_GOOD : CKSUM_BAD),
			  owner);
		own_field(packet_add_generated(p, &eth_fcs_calculated, shown), owner);
	}
}

/* How many bytes the network layer at off says it has; false when unknown
 * (no such layer, a header that lies, or a protocol without a length). */
static bool network_length(const struct packet *p, uint16_t type, uint32_t off, size_t layer,
			   uint32_t *len)
{
	bool have_layer = layer < p->nlayers;
	uint8_t b4 = 0, b5 = 0, vers = 0;
	uint16_t plen = 0;
	switch (type) {
	case 0x0800: {
		if (!have_layer)
			return false;
		const struct field *tl = packet_find_in_layer(p, layer, "ip.len");
		const struct field *hl = packet_find_in_layer(p, layer, "ip.hdr_len");
		const struct field *v = packet_find_in_layer(p, layer, "ip.version");
		/* tshark trusts the total length only when it covers the header */
		if (!tl || !hl || !v || v->value != 4 || hl->value < 20 || tl->value < hl->value)
			return false;
		*len = (uint32_t)tl->value;
		return true;
	}
	case 0x86dd: {
		const struct field *pl = have_layer ? packet_find_in_layer(p, layer, "ipv6.plen") : NULL;
		if (pl) {
			plen = (uint16_t)pl->value;
		} else if (!cur_u8(&p->bytes, off, &vers) || vers >> 4 != 6 ||
			   !cur_be16(&p->bytes, off + 4, &plen)) {
			return false;
		}
		if (plen == 0) /* a jumbogram's length is in an option */
			return false;
		*len = 40u + plen;
		return true;
	}
	case 0x0806:
		/* ARP carries no length: its size follows from the address sizes */
		if (!cur_u8(&p->bytes, off + 4, &b4) || !cur_u8(&p->bytes, off + 5, &b5))
			return false;
		*len = 8u + 2u * b4 + 2u * b5;
		return true;
	default:
		return false;
	}
}

/* The data after a type/length field at off: LLC (802.3) or a network layer. */
static void carry(struct packet *p, uint16_t type, uint32_t off, int owner,
		  const struct field_def *trailer, bool may_have_fcs, const struct decode_ctx *ctx)
{
	uint32_t declared = 0;
	bool known;
	/* an inner frame (tunnel, sFlow sample) ends where its carrier says,
	 * and carries no FCS */
	uint32_t frame = ctx->frame_end ? ctx->frame_end : (uint32_t)p->bytes.len;
	if (ctx->frame_end)
		may_have_fcs = false;
	if (type <= ETH_MAX_LENGTH) {
		decode_payload(p, off, off + type);
		declared = type;
		known = true;
	} else if (type < ETHERTYPE_MIN) {
		decode_payload(p, off, frame);
		return;
	} else {
		size_t first = p->nlayers;
		struct decode_ctx inner = *ctx;
		inner.depth++;
		inner.frame_end = 0;
		decode_ethertype(p, type, off, frame, &inner);
		known = network_length(p, type, off, first, &declared);
	}
	if (known && !ctx->quoted)
		add_link_trailer(p, owner, off + declared, frame, trailer, may_have_fcs);
}

static bool is_tag_type(uint16_t type)
{
	return type == 0x8100 || type == 0x88a8 || type == 0x9100;
}

void decode_link_payload(struct packet *p, uint16_t ethertype, uint32_t off, int link_layer,
			 const struct field_def *trailer, bool may_have_fcs,
			 const struct decode_ctx *ctx)
{
	int owner = link_layer;
	for (int tags = 0; (is_tag_type(ethertype) || ethertype == ETHERTYPE_AVSP) &&
			   tags < MAX_VLAN_TAGS;
	     tags++) {
		if (ethertype == ETHERTYPE_AVSP) {
			/* a shim before the frame's own type, like a tag; its
			 * layer owns no trailer (tshark gives eth.trailer) */
			if (!decode_avsp(p, off, ctx, &ethertype, &off))
				return;
			continue;
		}
		const char *title = ethertype == 0x8100 ? N_("802.1Q VLAN tag")
							: N_("802.1ad service VLAN tag");
		int l = packet_add_layer(p, "vlan", title, off, ctx->quoted);
		if (l < 0)
			return;
		size_t avail = cur_avail(&p->bytes, off);
		p->layers[l].length = (uint32_t)(avail < VLAN_TAG ? avail : VLAN_TAG);
		uint16_t inner = 0;
		bool stag = ethertype == 0x88a8;
		if (packet_read_rows(p, stag ? stag_fields : vlan_fields, VLAN_TCI_ROWS, off) <
			    VLAN_TCI_ROWS ||
		    !cur_be16(&p->bytes, off + 2, &inner)) {
			p->layers[l].truncated = true;
			decode_truncated(p, "vlan", off, VLAN_TAG);
			return;
		}
		packet_read_row(p,
				inner <= ETH_MAX_LENGTH ? &vlan_len
				: stag			? &stag_etype
							: &vlan_etype,
				off, NULL);
		ethertype = inner;
		off += VLAN_TAG;
		owner = l;
		trailer = &vlan_trailer;
		may_have_fcs = false; /* Wireshark hands tagged payloads no FCS */
	}
	if (!cur_has(&p->bytes, off, 1))
		return;
	carry(p, ethertype, off, owner, trailer, may_have_fcs, ctx);
}

void decode_ether(struct packet *p, uint32_t off, const struct decode_ctx *ctx)
{
	if (is_isl_frame(&p->bytes, off)) {
		decode_isl(p, off, ctx);
		return;
	}
	int layer = packet_add_layer(p, "eth", N_("Ethernet II header"), off, ctx->quoted);
	if (layer < 0)
		return;
	size_t avail = cur_avail(&p->bytes, off);
	p->layers[layer].length = (uint32_t)(avail < ETH_HEADER ? avail : ETH_HEADER);
	size_t read = packet_read_rows(p, eth_fields, ETH_ADDR_ROWS, off);
	uint16_t type = 0;
	if (read < ETH_ADDR_ROWS || !cur_be16(&p->bytes, off + 12, &type)) {
		p->layers[layer].truncated = true;
		decode_truncated(p, "eth", off, ETH_HEADER);
		return;
	}
	const struct field_def *row = &eth_type;
	if (type <= ETH_MAX_LENGTH) {
		row = &eth_len;
		p->layers[layer].title = N_("IEEE 802.3 header");
	} else if (type < ETHERTYPE_MIN) {
		row = &eth_invalid_lentype;
		packet_problem(p, SEV_WARNING, "eth.invalid_lentype", "eth.invalid_lentype", off + 12,
			       _("length/type 0x%04x is neither an 802.3 length (≤ 1500) nor an "
				 "EtherType (≥ 1536)"),
			       type);
	}
	packet_read_row(p, row, off, NULL);

	uint8_t src0 = 0;
	cur_u8(&p->bytes, off + 6, &src0);
	if (src0 & 1)
		packet_problem(p, SEV_WARNING, "eth.src", "eth.src_not_group", off + 6,
			       _("the source address is a group address (I/G bit 1): a frame is "
				 "always sent by one station (IEEE 802.3 §3.2.3)"));

	if (!cur_has(&p->bytes, off + ETH_HEADER, 1))
		return;
	decode_link_payload(p, type, off + ETH_HEADER, layer, &eth_trailer, true, ctx);
}
