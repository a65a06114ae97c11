/* check_link.c - the link-layer decoders: Ethernet, 802.1Q, Linux cooked v1/v2, BSD loopback.
 *
 * Byte strings are frames of the corpus (values from tshark's oracle) or
 * built by hand; expected values are worked out from the bytes.
 */
#include <string.h>

#include "check_util.h"
#include "decode/decode.h"

static struct packet pkt;

static void setup(void)
{
	packet_init(&pkt);
}

static void teardown(void)
{
	packet_free(&pkt);
}

/* Index of the nth layer called proto, or -1. */
static int layer_of(const struct packet *p, const char *proto, int nth)
{
	for (size_t i = 0; i < p->nlayers; i++)
		if (strcmp(p->layers[i].proto, proto) == 0 && nth-- == 0)
			return (int)i;
	return -1;
}

static void assert_span(const struct packet *p, const char *name, int idx, uint32_t off,
			uint32_t len)
{
	const struct field *f = field_nth(p, name, idx);
	ck_assert_msg(f != NULL, "field %s #%d missing", name, idx);
	ck_assert_uint_eq(f->offset, off);
	ck_assert_uint_eq(f->length, len);
}

/* eth-padding frame 1: TCP ACK (IPv4 total length 40) + trailer c0:ff:ee:12:34:56 */
#define ETH_TRAILER_FRAME                                                                  \
	"02005e005314 02005e00530a 0800"                                                   \
	"45000028e00140004006d6b6c000020bc000020c a02800500000138800001770501003e85c640000" \
	"c0ffee123456"
/* eth-padding frame 2: UDP (IPv4 total length 30) + 16 zero bytes */
#define ETH_PADDED_HEADERS                                                                 \
	"02005e005314 02005e00530a 0800"                                                   \
	"4500001ee0020000401116b5c000020bc000020c a0290009000a73266869"
#define ZERO16 "00000000000000000000000000000000"
/* arp frame 1: broadcast who-has, 42 bytes */
#define ARP_FRAME                                                                          \
	"ffffffffffff 02005e00530a 0806"                                                   \
	"000108000604000102005e00530ac000020a000000000000c0000201"
/* vlan frame 2: VLAN 4094, PCP 7, DEI 1, IPv4/TCP of 40 bytes */
#define VLAN_IP40                                                                          \
	"45000028b0014000400605a2c00002c8c0000264 01bbc5490a0b0c0d010203105010040045790000"

START_TEST(eth_address_bits_and_type)
{
	decode_hex(&pkt, LINK_ETHER, ETH_TRAILER_FRAME);
	assert_span(&pkt, "eth.dst", 0, 0, 6);
	assert_span(&pkt, "eth.src", 0, 6, 6);
	ck_assert_field_eq(&pkt, "eth.dst.lg", 1);
	ck_assert_field_eq(&pkt, "eth.dst.ig", 0);
	ck_assert_field_eq(&pkt, "eth.src.lg", 1);
	ck_assert_field_eq(&pkt, "eth.src.ig", 0);
	ck_assert_field_eq(&pkt, "eth.type", 0x0800);
	ck_assert_no_field(&pkt, "eth.len");
	ck_assert_int_eq(layer_of(&pkt, "eth", 0), 0);
	ck_assert_uint_eq(pkt.layers[0].length, 14);
	ck_assert(!pkt.layers[0].truncated);
	/* the network layer follows at byte 14 */
	assert_span(&pkt, "ip.len", 0, 16, 2);
	ck_assert_field_eq(&pkt, "ip.len", 40);
}
END_TEST

START_TEST(eth_nonzero_trailer_is_trailer)
{
	decode_hex(&pkt, LINK_ETHER, ETH_TRAILER_FRAME);
	assert_span(&pkt, "eth.trailer", 0, 54, 6);
	ck_assert_no_field(&pkt, "eth.padding");
	ck_assert_no_field(&pkt, "eth.fcs");
	ck_assert_uint_eq(field_nth(&pkt, "eth.trailer", 0)->layer, 0);
	ck_assert(has_problem(&pkt, "eth.padding_bad"));
}
END_TEST

START_TEST(eth_zero_bytes_are_padding)
{
	decode_hex(&pkt, LINK_ETHER, ETH_PADDED_HEADERS ZERO16);
	assert_span(&pkt, "eth.padding", 0, 44, 16);
	ck_assert_uint_eq(field_nth(&pkt, "eth.padding", 0)->layer, 0);
	ck_assert_no_field(&pkt, "eth.trailer");
	ck_assert(!has_problem(&pkt, "eth.padding_bad"));
}
END_TEST

START_TEST(eth_padding_then_fcs)
{
	/* 44 + 16 zero bytes = 60, then 4 more: a 64-byte frame ends in its FCS */
	decode_hex(&pkt, LINK_ETHER, ETH_PADDED_HEADERS ZERO16 "deadbeef");
	assert_span(&pkt, "eth.padding", 0, 44, 16);
	assert_span(&pkt, "eth.fcs", 0, 60, 4);
	ck_assert_field_eq(&pkt, "eth.fcs", 0xdeadbeef);
	/* tshark leaves its eth.fcs.status "unverified"; hexplain computes the
	 * CRC and says so under its own name */
	ck_assert_no_field(&pkt, "eth.fcs.status");
	ck_assert_field_eq(&pkt, "hexplain.eth.fcs.status", 0); /* bad */
	ck_assert_field_eq(&pkt, "hexplain.eth.fcs_calculated", 0x7c794133);
	ck_assert_no_field(&pkt, "eth.trailer");
}
END_TEST

START_TEST(eth_fcs_recomputed)
{
	/* the same frame ending in its real CRC-32, least significant byte first
	 * (python3: struct.pack('<I', zlib.crc32(frame)).hex()) */
	decode_hex(&pkt, LINK_ETHER, ETH_PADDED_HEADERS ZERO16 "7c794133");
	ck_assert_field_eq(&pkt, "eth.fcs", 0x7c794133);
	ck_assert_field_eq(&pkt, "hexplain.eth.fcs.status", 1); /* good */
	ck_assert_field_eq(&pkt, "hexplain.eth.fcs_calculated", 0x7c794133);
	/* one bit flipped in the payload: the same bytes no longer check */
	decode_hex(&pkt, LINK_ETHER, ETH_PADDED_HEADERS "00000000000000000000000000000001" "7c794133");
	ck_assert_field_eq(&pkt, "hexplain.eth.fcs.status", 0);
}
END_TEST

START_TEST(eth_short_frame_extra_bytes_are_trailer)
{
	/* 44 + 2 bytes = 46 < 60: no padding possible, so even zeros are a trailer */
	decode_hex(&pkt, LINK_ETHER, ETH_PADDED_HEADERS "0000");
	assert_span(&pkt, "eth.trailer", 0, 44, 2);
	ck_assert_no_field(&pkt, "eth.padding");
	ck_assert(!has_problem(&pkt, "eth.padding_bad"));
}
END_TEST

START_TEST(eth_exact_frame_has_no_trailer)
{
	decode_hex(&pkt, LINK_ETHER, ETH_PADDED_HEADERS);
	ck_assert_no_field(&pkt, "eth.padding");
	ck_assert_no_field(&pkt, "eth.trailer");
}
END_TEST

START_TEST(eth_broadcast_arp)
{
	decode_hex(&pkt, LINK_ETHER, ARP_FRAME);
	ck_assert_field_eq(&pkt, "eth.dst.ig", 1);
	ck_assert_field_eq(&pkt, "eth.dst.lg", 1);
	ck_assert_field_eq(&pkt, "eth.src.ig", 0);
	ck_assert_field_eq(&pkt, "eth.type", 0x0806);
	ck_assert_no_field(&pkt, "eth.padding");
	ck_assert_no_field(&pkt, "eth.trailer");
}
END_TEST

START_TEST(eth_arp_padded_to_60)
{
	/* ARP is 8 + 2x6 + 2x4 = 28 bytes: 42 + 18 zero bytes = 60 */
	decode_hex(&pkt, LINK_ETHER, ARP_FRAME "000000000000000000000000000000000000");
	assert_span(&pkt, "eth.padding", 0, 42, 18);
}
END_TEST

START_TEST(eth_8023_length_and_llc)
{
	/* length 8: LLC 42 42 03 + 5 bytes, then 38 zero bytes to 60 */
	decode_hex(&pkt, LINK_ETHER,
		   "0180c2000000 02005e00530a 0008 424203 0000000000"
		   "0000000000000000000000000000000000000000000000000000000000000000000000000000");
	ck_assert_field_eq(&pkt, "eth.len", 8);
	ck_assert_no_field(&pkt, "eth.type");
	ck_assert_field_eq(&pkt, "eth.dst.ig", 1);
	ck_assert(pkt.has_payload);
	ck_assert_uint_eq(pkt.payload_offset, 14);
	ck_assert_uint_eq(pkt.payload_length, 8);
	assert_span(&pkt, "eth.padding", 0, 22, 38);
}
END_TEST

START_TEST(eth_invalid_lentype)
{
	decode_hex(&pkt, LINK_ETHER, "02005e005314 02005e00530a 05f0 00112233");
	ck_assert_field_eq(&pkt, "eth.invalid_lentype", 0x05f0);
	ck_assert_no_field(&pkt, "eth.type");
	ck_assert(has_problem(&pkt, "eth.invalid_lentype"));
}
END_TEST

START_TEST(eth_group_source_is_flagged)
{
	decode_hex(&pkt, LINK_ETHER, "02005e005314 01005e000001 0800 " VLAN_IP40);
	ck_assert_field_eq(&pkt, "eth.src.ig", 1);
	ck_assert(has_problem(&pkt, "eth.src_not_group"));
}
END_TEST

START_TEST(eth_cut_inside_source)
{
	/* truncated-cuts frame 7: 10 bytes of a 79-byte frame */
	decode_hex(&pkt, LINK_ETHER, "02005e005314 02005e00");
	assert_span(&pkt, "eth.dst", 0, 0, 6);
	ck_assert_field_eq(&pkt, "eth.dst.lg", 1);
	ck_assert_field_eq(&pkt, "eth.dst.ig", 0);
	ck_assert_no_field(&pkt, "eth.src");
	ck_assert_no_field(&pkt, "eth.type");
	ck_assert(pkt.layers[0].truncated);
	ck_assert_uint_eq(pkt.layers[0].length, 10);
	ck_assert(has_problem(&pkt, "capture.truncated"));
	ck_assert_uint_eq(pkt.nlayers, 1);
}
END_TEST

START_TEST(eth_cut_inside_type)
{
	decode_hex(&pkt, LINK_ETHER, "02005e005314 02005e00530a 08");
	assert_span(&pkt, "eth.src", 0, 6, 6);
	ck_assert_field_eq(&pkt, "eth.src.ig", 0);
	ck_assert_no_field(&pkt, "eth.type");
	ck_assert(pkt.layers[0].truncated);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

START_TEST(eth_header_only)
{
	/* the header is whole, nothing follows: not truncated, no next layer */
	decode_hex(&pkt, LINK_ETHER, "02005e005314 02005e00530a 0800");
	ck_assert_field_eq(&pkt, "eth.type", 0x0800);
	ck_assert(!pkt.layers[0].truncated);
	ck_assert_uint_eq(pkt.nlayers, 1);
}
END_TEST

/* ---- VLAN ---- */

START_TEST(vlan_single_tag)
{
	/* vlan frame 1: PCP 3, DEI 0, VID 100 */
	decode_hex(&pkt, LINK_ETHER,
		   "02005e005314 02005e00530a 8100 6064 0800"
		   "45000034a001400040061596c0000264c00002c8 c54901bb010203040a0b0c0d501801f51fe40000"
		   "766c616e207061796c6f6164");
	ck_assert_field_eq(&pkt, "eth.type", 0x8100);
	ck_assert_field_eq(&pkt, "vlan.priority", 3);
	ck_assert_field_eq(&pkt, "vlan.dei", 0);
	ck_assert_field_eq(&pkt, "vlan.id", 100);
	ck_assert_field_eq(&pkt, "vlan.etype", 0x0800);
	int v = layer_of(&pkt, "vlan", 0);
	ck_assert_int_eq(v, 1);
	ck_assert_uint_eq(pkt.layers[v].offset, 14);
	ck_assert_uint_eq(pkt.layers[v].length, 4);
	assert_span(&pkt, "vlan.etype", 0, 16, 2);
	ck_assert_uint_eq(field_nth(&pkt, "vlan.id", 0)->layer, 1);
	assert_span(&pkt, "ip.version", 0, 18, 1);
	ck_assert_no_field(&pkt, "eth.trailer");
	ck_assert_no_field(&pkt, "vlan.trailer");
}
END_TEST

START_TEST(vlan_priority_seven_dei_set)
{
	decode_hex(&pkt, LINK_ETHER, "02005e00530a 02005e005314 8100 fffe 0800 " VLAN_IP40);
	ck_assert_field_eq(&pkt, "vlan.priority", 7);
	ck_assert_field_eq(&pkt, "vlan.dei", 1);
	ck_assert_field_eq(&pkt, "vlan.id", 4094);
}
END_TEST

START_TEST(vlan_stacked_qinq)
{
	/* 802.1ad S-tag PCP 5 VID 10, then 802.1Q C-tag PCP 0 VID 100.  tshark
	 * names the S-tag's fields ieee8021ad.* and its type ieee8021ah.etype
	 * (corpus-public 802.1ad_QinQ.oracle.jsonl); only the C-tag is vlan.* */
	decode_hex(&pkt, LINK_ETHER,
		   "02005e00530a 02005e005314 88a8 a00a 8100 0064 0800 " VLAN_IP40);
	ck_assert_int_eq(field_count(&pkt, "vlan.id"), 1);
	ck_assert_uint_eq(field_nth(&pkt, "ieee8021ad.id", 0)->value, 10);
	ck_assert_uint_eq(field_nth(&pkt, "vlan.id", 0)->value, 100);
	ck_assert_uint_eq(field_nth(&pkt, "ieee8021ad.priority", 0)->value, 5);
	ck_assert_uint_eq(field_nth(&pkt, "vlan.priority", 0)->value, 0);
	ck_assert_uint_eq(field_nth(&pkt, "ieee8021ah.etype", 0)->value, 0x8100);
	ck_assert_uint_eq(field_nth(&pkt, "vlan.etype", 0)->value, 0x0800);
	ck_assert_field_eq(&pkt, "eth.type", 0x88a8);
	ck_assert_int_eq(layer_of(&pkt, "vlan", 1), 2);
	ck_assert_uint_eq(pkt.layers[2].offset, 18);
	assert_span(&pkt, "ip.version", 0, 22, 1);
}
END_TEST

START_TEST(vlan_padding_belongs_to_the_tag)
{
	/* 18 + 30 = 48 bytes, 12 zero bytes to 60: Wireshark puts them in the tag */
	decode_hex(&pkt, LINK_ETHER,
		   "02005e005314 02005e00530a 8100 0064 0800"
		   "4500001ee0020000401116b5c000020bc000020c a0290009000a73266869 000000000000000000000000");
	assert_span(&pkt, "eth.padding", 0, 48, 12);
	ck_assert_uint_eq(field_nth(&pkt, "eth.padding", 0)->layer, 1);
}
END_TEST

/* Arista's timestamp shim: 00:00:00:00:00:01 <- 00:11:22:33:44:55, type 0xd28b,
 * sub-type 1, then the version word, the timestamp, the frame's own type */
#define AVSP_MACS "000000000001 001122334455 d28b 0001"
#define AVSP_IP "4500001c0001000040fdf5e0c0000201c00002020000000000000000"

START_TEST(avsp_64bit_timestamp)
{
	decode_hex(&pkt, LINK_ETHER, AVSP_MACS "0010 5ceeed57 384f59c8 0800 " AVSP_IP);
	ck_assert_field_eq(&pkt, "eth.type", 0xd28b);
	ck_assert_field_eq(&pkt, "avsp.sub_type", 1);
	ck_assert_field_eq(&pkt, "avsp.ver", 0x0010);
	ck_assert_field_eq(&pkt, "avsp.64sec", 1559162199);
	ck_assert_field_eq(&pkt, "avsp.64ns", 944724424);
	assert_span(&pkt, "avsp.etype", 0, 26, 2);
	ck_assert_field_eq(&pkt, "avsp.etype", 0x0800);
	/* the IPv4 header follows the 14-byte shim */
	assert_span(&pkt, "ip.src", 0, 40, 4);
	ck_assert_int_eq(layer_of(&pkt, "avsp", 0), 1);
	ck_assert_no_field(&pkt, "eth.trailer");
}
END_TEST

START_TEST(avsp_48bit_timestamp_then_vlan)
{
	/* format 2 (48-bit), UTC: 16-bit seconds, 32-bit nanoseconds, then a tag */
	decode_hex(&pkt, LINK_ETHER,
		   AVSP_MACS "0120 ed95 18143ab4 8100 0064 0800 " AVSP_IP);
	ck_assert_field_eq(&pkt, "avsp.48sec", 0xed95);
	ck_assert_field_eq(&pkt, "avsp.48ns", 0x18143ab4);
	ck_assert_no_field(&pkt, "avsp.64sec");
	ck_assert_field_eq(&pkt, "avsp.etype", 0x8100);
	ck_assert_field_eq(&pkt, "vlan.id", 100);
	ck_assert_field_eq(&pkt, "ip.proto", 253);
}
END_TEST

START_TEST(avsp_unknown_format_stops)
{
	/* format 3 is no layout hexplain knows: where the type lies is unknown */
	decode_hex(&pkt, LINK_ETHER, AVSP_MACS "0030 5ceeed57 384f59c8 0800 " AVSP_IP);
	ck_assert_field_eq(&pkt, "avsp.ver", 0x0030);
	ck_assert(has_problem(&pkt, "avsp.unknown"));
	ck_assert_no_field(&pkt, "avsp.etype");
	ck_assert_no_field(&pkt, "ip.src");
	/* cut inside the shim */
	decode_hex(&pkt, LINK_ETHER, AVSP_MACS "0010 5cee");
	ck_assert_field_eq(&pkt, "avsp.ver", 0x0010);
	ck_assert_no_field(&pkt, "avsp.64sec");
	ck_assert(pkt.layers[layer_of(&pkt, "avsp", 0)].truncated);
}
END_TEST

START_TEST(mpls_and_nsh_over_ethernet)
{
	/* EtherType 0x8847: one label (bottom of stack), then IPv4 */
	decode_hex(&pkt, LINK_ETHER,
		   "02005e005314 02005e00530a 8847 00040140 " AVSP_IP);
	ck_assert_field_eq(&pkt, "mpls.label", 64);
	ck_assert_field_eq(&pkt, "mpls.bottom", 1);
	assert_span(&pkt, "ip.src", 0, 30, 4);
	/* EtherType 0x894f: NSH, MD type 2, length 2 words, next protocol 1 (IPv4) */
	decode_hex(&pkt, LINK_ETHER,
		   "02005e005314 02005e00530a 894f 0002 0201 00030907 " AVSP_IP);
	ck_assert_field_eq(&pkt, "nsh.nextproto", 1);
	assert_span(&pkt, "ip.src", 0, 34, 4);
}
END_TEST

/* MACsec SecTAG after the addresses: TCI/AN 0x20 (SC set), SL 0, PN 68, SCI
 * 2e:b7:3f:39:95:c3 port 1; then the data and a 16-byte ICV */
#define MACSEC_HDR "02005e005314 02005e00530a 88e5 20 00 00000044 2eb73f3995c3 0001"
#define MACSEC_ICV "debaa9324fad9a4c3b74722f7470752b"

START_TEST(macsec_integrity_only_is_decoded)
{
	decode_hex(&pkt, LINK_ETHER, MACSEC_HDR "0800 " AVSP_IP MACSEC_ICV);
	ck_assert_field_eq(&pkt, "macsec.TCI", 0x08); /* the six bits, shifted as tshark does */
	ck_assert_field_eq(&pkt, "macsec.TCI.SC", 1);
	ck_assert_field_eq(&pkt, "macsec.TCI.E", 0);
	ck_assert_field_eq(&pkt, "macsec.PN", 68);
	ck_assert_str_eq(field_text_at(&pkt, "macsec.SCI.system_identifier", 0),
			 "2e:b7:3f:39:95:c3");
	ck_assert_field_eq(&pkt, "macsec.SCI.port_identifier", 1);
	assert_span(&pkt, "macsec.etype", 0, 28, 2);
	assert_span(&pkt, "ip.src", 0, 42, 4);
	assert_span(&pkt, "macsec.ICV", 0, 58, 16);
}
END_TEST

START_TEST(macsec_encrypted_is_opaque)
{
	/* TCI 0x2c: E and C set; SL 28 (a short frame); no SCI: 0x0c */
	decode_hex(&pkt, LINK_ETHER, "02005e005314 02005e00530a 88e5 0c 1c 00000048 " AVSP_IP
				     MACSEC_ICV);
	ck_assert_field_eq(&pkt, "macsec.TCI.E", 1);
	ck_assert_field_eq(&pkt, "macsec.SL", 28);
	ck_assert_no_field(&pkt, "macsec.SCI.port_identifier");
	ck_assert_no_field(&pkt, "macsec.etype");
	ck_assert_no_field(&pkt, "ip.src");
	assert_span(&pkt, "macsec.data", 0, 20, 28);
	assert_span(&pkt, "macsec.ICV", 0, 48, 16);
	/* cut inside the SCI */
	decode_hex(&pkt, LINK_ETHER, MACSEC_HDR);
	decode_hex(&pkt, LINK_ETHER, "02005e005314 02005e00530a 88e5 20 00 00000044 2eb7");
	ck_assert_no_field(&pkt, "macsec.SCI.system_identifier");
	ck_assert(pkt.layers[layer_of(&pkt, "macsec", 0)].truncated);
}
END_TEST

/* An ISL frame carrying a DTP frame (802.3, LLC/SNAP) with its own FCS:
 * 26-byte ISL header, 51 bytes of frame, 9 bytes of padding, the CRC-32 */
#define ISL_DTP                                                                             \
	"01000c000000001906eab885004caaaa0300000c0003000000 00"                            \
	"01000ccccccc001906eab8850025aaaa0300000c200401000100084c61620000020005040003"     \
	"0005400004000a001906eab885 000000000000000000 f7a7fe42"

START_TEST(bare_mpls_and_nsh_links)
{
	/* what tcpdump -x prints of an MPLS frame: two labels, then IPv4 */
	decode_hex(&pkt, LINK_MPLS, "000400ff 00400140 " AVSP_IP);
	ck_assert_int_eq(field_count(&pkt, "mpls.label"), 2);
	ck_assert_uint_eq(field_value_at(&pkt, "mpls.label", 1), 1024);
	assert_span(&pkt, "ip.src", 0, 20, 4);
	/* and of an NSH frame: the header, then IPv4 */
	decode_hex(&pkt, LINK_NSH, "0002 0201 00030907 " AVSP_IP);
	ck_assert_field_eq(&pkt, "nsh.spi", 0x309);
	assert_span(&pkt, "ip.src", 0, 20, 4);
}
END_TEST

START_TEST(isl_carries_a_whole_frame)
{
	decode_hex(&pkt, LINK_ETHER, ISL_DTP);
	ck_assert_int_eq(layer_of(&pkt, "isl", 0), 0);
	ck_assert_str_eq(field_text_at(&pkt, "isl.dst", 0), "01:00:0c:00:00:00");
	ck_assert_field_eq(&pkt, "isl.type", 0);
	ck_assert_field_eq(&pkt, "isl.len", 76);
	ck_assert_field_eq(&pkt, "isl.vlan_id", 1);
	ck_assert_field_eq(&pkt, "isl.bpdu", 1);
	/* the carried frame is an Ethernet frame of its own, from byte 26 */
	ck_assert_int_eq(layer_of(&pkt, "eth", 0), 1);
	assert_span(&pkt, "eth.dst", 0, 26, 6);
	ck_assert_str_eq(field_text_at(&pkt, "eth.dst", 0), "01:00:0c:cc:cc:cc");
	ck_assert_field_eq(&pkt, "eth.len", 37);
	/* the 60-byte minimum counts from byte 0, so its 9 zero bytes are a
	 * trailer (as tshark shows them); its FCS is the CRC of its own bytes */
	assert_span(&pkt, "eth.trailer", 0, 77, 9);
	ck_assert_no_field(&pkt, "eth.padding");
	assert_span(&pkt, "eth.fcs", 0, 86, 4);
	ck_assert_field_eq(&pkt, "hexplain.eth.fcs.status", 1);
	/* not ISL: 01:00:0c:cc:cc:cc is CDP's address */
	decode_hex(&pkt, LINK_ETHER, "01000ccccccc001906eab8850025aaaa0300000c2004");
	ck_assert_no_field(&pkt, "isl.dst");
}
END_TEST

START_TEST(vlan_trailer_has_no_fcs)
{
	/* 58 + 8 = 66 bytes: past 60, so no padding; a tagged payload gets no FCS */
	decode_hex(&pkt, LINK_ETHER,
		   "02005e00530a 02005e005314 8100 fffe 0800 " VLAN_IP40 "0102030405060708");
	assert_span(&pkt, "vlan.trailer", 0, 58, 8);
	ck_assert_no_field(&pkt, "eth.fcs");
	ck_assert_no_field(&pkt, "eth.trailer");
}
END_TEST

START_TEST(vlan_cut_inside_tag)
{
	decode_hex(&pkt, LINK_ETHER, "02005e00530a 02005e005314 8100 fffe 08");
	ck_assert_field_eq(&pkt, "vlan.id", 4094);
	ck_assert_no_field(&pkt, "vlan.etype");
	int v = layer_of(&pkt, "vlan", 0);
	ck_assert_int_ge(v, 0);
	ck_assert(pkt.layers[v].truncated);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

/* ---- Linux cooked capture ---- */

/* ipv4-fragments frame 1: sent by us on lo, first fragment */
#define SLL_FRAGMENT                                                                      \
	"0004 0304 0006 000000000000 0000 0800"                                            \
	"4500002c0d0d200040114fb27f0000017f000001 9c402b670050d2eb667261676d656e74206d6520706c6561"

START_TEST(sll_v1_fields)
{
	decode_hex(&pkt, LINK_SLL, SLL_FRAGMENT);
	ck_assert_field_eq(&pkt, "sll.pkttype", 4);
	ck_assert_field_eq(&pkt, "sll.hatype", 772);
	ck_assert_field_eq(&pkt, "sll.halen", 6);
	assert_span(&pkt, "sll.src.eth", 0, 6, 6);
	assert_span(&pkt, "sll.unused", 0, 12, 2);
	ck_assert_field_eq(&pkt, "sll.etype", 0x0800);
	assert_span(&pkt, "sll.etype", 0, 14, 2);
	ck_assert_int_eq(layer_of(&pkt, "sll", 0), 0);
	ck_assert_uint_eq(pkt.layers[0].length, 16);
	assert_span(&pkt, "ip.version", 0, 16, 1);
	ck_assert_no_field(&pkt, "sll.trailer");
}
END_TEST

START_TEST(sll_v1_four_byte_address)
{
	/* a SIT tunnel: 4-byte address 192.0.2.1, four unused bytes */
	decode_hex(&pkt, LINK_SLL, "0000 0308 0004 c0000201 00000000 86dd");
	ck_assert_field_eq(&pkt, "sll.hatype", 776);
	assert_span(&pkt, "sll.src.ipv4", 0, 6, 4);
	assert_span(&pkt, "sll.unused", 0, 10, 4);
	ck_assert_no_field(&pkt, "sll.src.eth");
	ck_assert_field_eq(&pkt, "sll.etype", 0x86dd);
}
END_TEST

START_TEST(sll_v1_no_address)
{
	decode_hex(&pkt, LINK_SLL, "0000 fffe 0000 0000000000000000 0800");
	ck_assert_field_eq(&pkt, "sll.halen", 0);
	ck_assert_no_field(&pkt, "sll.src.eth");
	ck_assert_no_field(&pkt, "sll.src.other");
	assert_span(&pkt, "sll.unused", 0, 6, 8);
}
END_TEST

START_TEST(sll_v1_linux_protocol_stops)
{
	/* protocol 4 = 802.2 LLC: a Linux number, not an EtherType */
	decode_hex(&pkt, LINK_SLL, "0000 0001 0006 02005e005314 0000 0004 424203000000");
	ck_assert_field_eq(&pkt, "sll.ltype", 4);
	ck_assert_no_field(&pkt, "sll.etype");
	ck_assert(has_problem(&pkt, "sll.ltype"));
	ck_assert(pkt.has_payload);
	ck_assert_uint_eq(pkt.payload_offset, 16);
	ck_assert_uint_eq(pkt.nlayers, 1);
}
END_TEST

START_TEST(sll_v1_trailer)
{
	/* 16 + 44 = 60 declared bytes, 4 more: SLL has no FCS, all trailer */
	decode_hex(&pkt, LINK_SLL, SLL_FRAGMENT "01020304");
	assert_span(&pkt, "sll.trailer", 0, 60, 4);
	ck_assert_uint_eq(field_nth(&pkt, "sll.trailer", 0)->layer, 0);
	ck_assert_no_field(&pkt, "eth.fcs");
}
END_TEST

START_TEST(sll_v1_cut_inside_address)
{
	decode_hex(&pkt, LINK_SLL, "0004 0304 0006 00000000");
	ck_assert_field_eq(&pkt, "sll.halen", 6);
	ck_assert_no_field(&pkt, "sll.src.eth");
	ck_assert_no_field(&pkt, "sll.etype");
	ck_assert(pkt.layers[0].truncated);
	ck_assert_uint_eq(pkt.layers[0].length, 10);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

START_TEST(sll_v1_cut_inside_protocol)
{
	decode_hex(&pkt, LINK_SLL, "0004 0304 0006 000000000000 0000 08");
	assert_span(&pkt, "sll.src.eth", 0, 6, 6);
	assert_span(&pkt, "sll.unused", 0, 12, 2);
	ck_assert_no_field(&pkt, "sll.etype");
	ck_assert(pkt.layers[0].truncated);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

/* udp-dns frame 1: v2, ifindex 1 (lo), sent by us */
#define SLL2_DNS                                                                           \
	"0800 0000 00000001 0304 04 06 0000000000000000"                                   \
	"450000399a0100004011e27c7f0000017f000035 d0a30035002546fc1a2b0100000100000000000007" \
	"6578616d706c6503636f6d0000010001"

START_TEST(sll_v2_fields)
{
	decode_hex(&pkt, LINK_SLL2, SLL2_DNS);
	ck_assert_field_eq(&pkt, "sll.etype", 0x0800);
	assert_span(&pkt, "sll.etype", 0, 0, 2);
	ck_assert_field_eq(&pkt, "hexplain.sll.reserved", 0);
	ck_assert_field_eq(&pkt, "sll.ifindex", 1);
	ck_assert_field_eq(&pkt, "sll.hatype", 772);
	ck_assert_field_eq(&pkt, "sll.pkttype", 4);
	assert_span(&pkt, "sll.pkttype", 0, 10, 1);
	ck_assert_field_eq(&pkt, "sll.halen", 6);
	assert_span(&pkt, "sll.src.eth", 0, 12, 6);
	assert_span(&pkt, "sll.unused", 0, 18, 2);
	ck_assert_uint_eq(pkt.layers[0].length, 20);
	assert_span(&pkt, "ip.version", 0, 20, 1);
}
END_TEST

START_TEST(sll_v2_cut_inside_hatype)
{
	decode_hex(&pkt, LINK_SLL2, "0800 0000 00000001 03");
	ck_assert_field_eq(&pkt, "sll.etype", 0x0800);
	ck_assert_field_eq(&pkt, "sll.ifindex", 1);
	ck_assert_no_field(&pkt, "sll.hatype");
	ck_assert_no_field(&pkt, "sll.pkttype");
	ck_assert(pkt.layers[0].truncated);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

START_TEST(sll_v2_cut_inside_protocol)
{
	decode_hex(&pkt, LINK_SLL2, "08");
	ck_assert_no_field(&pkt, "sll.etype");
	ck_assert(pkt.layers[0].truncated);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

/* ---- BSD loopback ---- */

START_TEST(null_little_endian_ipv4)
{
	/* null-loopback frame 1 */
	decode_hex(&pkt, LINK_NULL,
		   "02000000 4500002f0101400040063bc67f0000017f000001 ea6002770000000100000001501818eb"
		   "7ca600006e756c6c207634");
	ck_assert_field_eq(&pkt, "null.family", 2);
	assert_span(&pkt, "null.family", 0, 0, 4);
	ck_assert_int_eq(layer_of(&pkt, "null", 0), 0);
	ck_assert_uint_eq(pkt.layers[0].length, 4);
	assert_span(&pkt, "ip.version", 0, 4, 1);
}
END_TEST

START_TEST(null_big_endian_ipv4)
{
	/* null-loopback frame 4: the other byte order */
	decode_hex(&pkt, LINK_NULL,
		   "00000002 4500001e0102000040117bcb7f0000017f000001 ea62b9f2000afb1c6265");
	ck_assert_field_eq(&pkt, "null.family", 2);
	assert_span(&pkt, "ip.version", 0, 4, 1);
}
END_TEST

START_TEST(null_ipv6_families)
{
	decode_hex(&pkt, LINK_NULL, "18000000 6000000000131140");
	ck_assert_field_eq(&pkt, "null.family", 24);
	ck_assert(!has_problem(&pkt, "null.family.unknown"));
	decode_hex(&pkt, LINK_NULL, "1e000000 60000000000b3a40");
	ck_assert_field_eq(&pkt, "null.family", 30);
	ck_assert(!has_problem(&pkt, "null.family.unknown"));
	decode_hex(&pkt, LINK_NULL, "0000001c 60000000000b3a40");
	ck_assert_field_eq(&pkt, "null.family", 28);
}
END_TEST

START_TEST(null_unknown_family)
{
	decode_hex(&pkt, LINK_NULL, "07000000 00112233");
	ck_assert_field_eq(&pkt, "null.family", 7);
	ck_assert(has_problem(&pkt, "null.family.unknown"));
	ck_assert(pkt.has_payload);
	ck_assert_uint_eq(pkt.payload_offset, 4);
}
END_TEST

START_TEST(null_ethertype_word)
{
	/* read little-endian 0x00000800 is byte-swapped in its low half: 0x0800 */
	decode_hex(&pkt, LINK_NULL, "00080000 4500001e0102000040117bcb7f0000017f000001");
	ck_assert_field_eq(&pkt, "null.type", 0x0800);
	ck_assert_no_field(&pkt, "null.family");
	assert_span(&pkt, "ip.version", 0, 4, 1);
}
END_TEST

START_TEST(null_cut_inside_family)
{
	decode_hex(&pkt, LINK_NULL, "020000");
	ck_assert_no_field(&pkt, "null.family");
	ck_assert(pkt.layers[0].truncated);
	ck_assert_uint_eq(pkt.layers[0].length, 3);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

START_TEST(loop_network_order)
{
	/* loop-openbsd frames 1 and 2 */
	decode_hex(&pkt, LINK_LOOP,
		   "00000002 4500004c0201000040117a9e7f0000017f000001 ee48007b0038efb7");
	ck_assert_field_eq(&pkt, "null.family", 2);
	assert_span(&pkt, "ip.version", 0, 4, 1);
	decode_hex(&pkt, LINK_LOOP, "00000018 6000000000180640");
	ck_assert_field_eq(&pkt, "null.family", 24);
}
END_TEST

START_TEST(loop_little_endian_is_not_a_family)
{
	/* DLT_LOOP never swaps: 02 00 00 00 is 0x02000000 */
	decode_hex(&pkt, LINK_LOOP, "02000000 45000014");
	ck_assert_field_eq(&pkt, "null.family", 0x02000000);
	ck_assert(has_problem(&pkt, "null.family.unknown"));
	ck_assert_no_field(&pkt, "ip.version");
}
END_TEST

START_TEST(loop_cut_inside_family)
{
	decode_hex(&pkt, LINK_LOOP, "0000");
	ck_assert_no_field(&pkt, "null.family");
	ck_assert(pkt.layers[0].truncated);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("link");
	TCase *eth = tcase_create("ether");
	tcase_add_checked_fixture(eth, setup, teardown);
	tcase_add_test(eth, eth_address_bits_and_type);
	tcase_add_test(eth, eth_nonzero_trailer_is_trailer);
	tcase_add_test(eth, eth_zero_bytes_are_padding);
	tcase_add_test(eth, eth_padding_then_fcs);
	tcase_add_test(eth, eth_fcs_recomputed);
	tcase_add_test(eth, avsp_64bit_timestamp);
	tcase_add_test(eth, avsp_48bit_timestamp_then_vlan);
	tcase_add_test(eth, avsp_unknown_format_stops);
	tcase_add_test(eth, mpls_and_nsh_over_ethernet);
	tcase_add_test(eth, macsec_integrity_only_is_decoded);
	tcase_add_test(eth, macsec_encrypted_is_opaque);
	tcase_add_test(eth, isl_carries_a_whole_frame);
	tcase_add_test(eth, bare_mpls_and_nsh_links);
	tcase_add_test(eth, eth_short_frame_extra_bytes_are_trailer);
	tcase_add_test(eth, eth_exact_frame_has_no_trailer);
	tcase_add_test(eth, eth_broadcast_arp);
	tcase_add_test(eth, eth_arp_padded_to_60);
	tcase_add_test(eth, eth_8023_length_and_llc);
	tcase_add_test(eth, eth_invalid_lentype);
	tcase_add_test(eth, eth_group_source_is_flagged);
	tcase_add_test(eth, eth_cut_inside_source);
	tcase_add_test(eth, eth_cut_inside_type);
	tcase_add_test(eth, eth_header_only);
	suite_add_tcase(s, eth);

	TCase *vlan = tcase_create("vlan");
	tcase_add_checked_fixture(vlan, setup, teardown);
	tcase_add_test(vlan, vlan_single_tag);
	tcase_add_test(vlan, vlan_priority_seven_dei_set);
	tcase_add_test(vlan, vlan_stacked_qinq);
	tcase_add_test(vlan, vlan_padding_belongs_to_the_tag);
	tcase_add_test(vlan, vlan_trailer_has_no_fcs);
	tcase_add_test(vlan, vlan_cut_inside_tag);
	suite_add_tcase(s, vlan);

	TCase *sll = tcase_create("sll");
	tcase_add_checked_fixture(sll, setup, teardown);
	tcase_add_test(sll, sll_v1_fields);
	tcase_add_test(sll, sll_v1_four_byte_address);
	tcase_add_test(sll, sll_v1_no_address);
	tcase_add_test(sll, sll_v1_linux_protocol_stops);
	tcase_add_test(sll, sll_v1_trailer);
	tcase_add_test(sll, sll_v1_cut_inside_address);
	tcase_add_test(sll, sll_v1_cut_inside_protocol);
	tcase_add_test(sll, sll_v2_fields);
	tcase_add_test(sll, sll_v2_cut_inside_hatype);
	tcase_add_test(sll, sll_v2_cut_inside_protocol);
	suite_add_tcase(s, sll);

	TCase *null = tcase_create("null");
	tcase_add_checked_fixture(null, setup, teardown);
	tcase_add_test(null, null_little_endian_ipv4);
	tcase_add_test(null, null_big_endian_ipv4);
	tcase_add_test(null, null_ipv6_families);
	tcase_add_test(null, null_unknown_family);
	tcase_add_test(null, null_ethertype_word);
	tcase_add_test(null, null_cut_inside_family);
	tcase_add_test(null, loop_network_order);
	tcase_add_test(null, loop_little_endian_is_not_a_family);
	tcase_add_test(null, loop_cut_inside_family);
	suite_add_tcase(s, null);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
