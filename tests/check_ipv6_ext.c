/* check_ipv6_ext.c - IPv6 extension headers (src/decode/ipv6_ext.c).
 *
 * Corpus packets are ipv6-ext.x.txt's, with tshark's values from
 * ipv6-ext.oracle.jsonl; the hand-made ones say where their values come from. */
#include <string.h>

#include "analyze/checksum.h"
#include "check_util.h"
#include "decode/decode.h"
#include "decode/explain_util.h"

#define A10 "2001 0db8 0000 0000 0000 0000 0000 0010"
#define A20 "2001 0db8 0000 0000 0000 0000 0000 0020"
#define LOOPBACK "0000 0000 0000 0000 0000 0000 0000 0001"

/* hop-by-hop (router alert, Pad1 Pad1) -> routing type 0 (2 addresses, 2 left)
 * -> fragment (atomic) -> destination options (PadN) -> UDP */
#define CHAIN_HEAD "6001 2345 0064 0040 " A10 " 2001 0db8 0000 0000 0000 0000 0000 0001"
#define CHAIN_HOP "2b00 0502 0000 0000"
#define CHAIN_REST(segleft)                                                                \
	"2c04 00" segleft " 0000 0000 2001 0db8 0000 0000 0000 0000 0000 0002 " A20        \
	" 3c00 0000 0bad cafe 1100 0104 0000 0000 9c41 1b59 0024 536c 7468 726f 7567 6820" \
	"7468 6520 6578 742d 6865 6164 6572 2063 6861 696e"
#define CHAIN CHAIN_HEAD " " CHAIN_HOP " " CHAIN_REST("02")

static struct packet pkt;

static void setup(void)
{
	packet_init(&pkt);
}

static void teardown(void)
{
	packet_free(&pkt);
}

#define addr_of(name, idx) field_text_at(&pkt, (name), (idx))

#define nth(name, idx) field_value_at(&pkt, (name), (idx))

START_TEST(chain_hop_by_hop_options)
{
	decode_hex(&pkt, LINK_RAW, CHAIN);
	ck_assert_field_eq(&pkt, "ipv6.hopopts.nxt", 43);
	ck_assert_field_eq(&pkt, "ipv6.hopopts.len", 0);
	ck_assert_field_eq(&pkt, "ipv6.hopopts.len_oct", 8);
	/* tshark: ipv6.opt.type 0x05 0x00 0x00 (hop) 0x01 (dst) */
	ck_assert_int_eq(field_count(&pkt, "ipv6.opt.type"), 4);
	ck_assert_uint_eq(nth("ipv6.opt.type", 0), 0x05);
	ck_assert_uint_eq(nth("ipv6.opt.type", 1), 0x00);
	ck_assert_uint_eq(nth("ipv6.opt.type", 2), 0x00);
	ck_assert_uint_eq(nth("ipv6.opt.type", 3), 0x01);
	ck_assert_int_eq(field_count(&pkt, "ipv6.opt.type.action"), 2);
	ck_assert_uint_eq(nth("ipv6.opt.type.rest", 0), 0x05);
	ck_assert_uint_eq(nth("ipv6.opt.length", 0), 2);
	ck_assert_field_eq(&pkt, "ipv6.opt.router_alert", 0);
	ck_assert_int_eq(field_count(&pkt, "ipv6.opt.pad1"), 2);
}
END_TEST

START_TEST(chain_routing_fragment_dstopts)
{
	decode_hex(&pkt, LINK_RAW, CHAIN);
	ck_assert_field_eq(&pkt, "ipv6.routing.nxt", 44);
	ck_assert_field_eq(&pkt, "ipv6.routing.len", 4);
	ck_assert_field_eq(&pkt, "ipv6.routing.len_oct", 40);
	ck_assert_field_eq(&pkt, "ipv6.routing.type", 0);
	ck_assert_field_eq(&pkt, "ipv6.routing.segleft", 2);
	ck_assert_str_eq(addr_of("ipv6.routing.src.addr", 0), "2001:db8::2");
	ck_assert_str_eq(addr_of("ipv6.routing.src.addr", 1), "2001:db8::20");
	ck_assert_int_eq(has_problem(&pkt, "ipv6.routing.deprecated"), 1);
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.nxt", 60);
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.offset", 0);
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.more", 0);
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.ident", 0x0badcafe);
	ck_assert_field_eq(&pkt, "ipv6.dstopts.nxt", 17);
	ck_assert_field_eq(&pkt, "ipv6.dstopts.len_oct", 8);
	ck_assert_int_eq(field_count(&pkt, "ipv6.opt.padn"), 1);
	ck_assert_uint_eq(field_nth(&pkt, "ipv6.opt.padn", 0)->length, 4);
	/* each header is a layer: ipv6, hop, routing, fragment, dstopts, udp */
	ck_assert_uint_eq(pkt.nlayers, 6);
	ck_assert_str_eq(pkt.layers[2].proto, "ipv6.routing");
	ck_assert_uint_eq(pkt.layers[2].offset, 48);
	ck_assert_uint_eq(pkt.layers[2].length, 40);
}
END_TEST

START_TEST(routing_type0_final_destination_in_checksum)
{
	/* tshark: udp.checksum 0x536c good, over the last listed address */
	decode_hex(&pkt, LINK_RAW, CHAIN);
	ck_assert_field_eq(&pkt, "udp.srcport", 40001);
	ck_assert_field_eq(&pkt, "udp.length", 36);
	ck_assert_field_eq(&pkt, "udp.checksum.status", 1);
	/* the same bytes with segments left 0: the route is done, ipv6.dst is
	 * final, and the checksum (made for 2001:db8::20) no longer fits */
	decode_hex(&pkt, LINK_RAW, CHAIN_HEAD " " CHAIN_HOP " " CHAIN_REST("00"));
	ck_assert_field_eq(&pkt, "udp.checksum.status", 0);
}
END_TEST

START_TEST(ip_version_hidden_in_ipv6)
{
	decode_hex(&pkt, LINK_RAW, CHAIN);
	ck_assert_field_eq(&pkt, "ip.version", 6);
	ck_assert(field_nth(&pkt, "ip.version", 0)->def->flags & FIELD_HIDDEN);
	ck_assert(!(field_nth(&pkt, "ipv6.version", 0)->def->flags & FIELD_HIDDEN));
}
END_TEST

#define FRAG_HEAD(plen) "6000 0000 00" plen " 2c40 " A10 " " A20

START_TEST(fragment_first_checksum_unverified)
{
	decode_hex(&pkt, LINK_RAW,
		   FRAG_HEAD("38") " 1100 0001 00c0 ffee 9c42 1b5a 0058 ffeb 3031 3233 3435 3637"
				   "3839 6162 6364 6566 3031 3233 3435 3637 3839 6162 6364 6566"
				   "3031 3233 3435 3637");
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.more", 1);
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.ident", 0xc0ffee);
	ck_assert_field_eq(&pkt, "udp.length", 88);
	ck_assert_field_eq(&pkt, "udp.checksum.status", 2); /* tshark: 2 */
}
END_TEST

START_TEST(fragment_later_is_payload)
{
	decode_hex(&pkt, LINK_RAW,
		   FRAG_HEAD("30") " 1100 0030 00c0 ffee 3839 6162 6364 6566 3031 3233 3435 3637"
				   "3839 6162 6364 6566 3031 3233 3435 3637 3839 6162 6364 6566");
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.offset", 6);
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.more", 0);
	ck_assert_no_field(&pkt, "udp.srcport");
	ck_assert(pkt.has_payload);
	ck_assert_uint_eq(pkt.payload_offset, 48);
	ck_assert_uint_eq(pkt.payload_length, 40);
}
END_TEST

START_TEST(fragment_atomic_decodes_normally)
{
	/* offset 0, M 0: the whole UDP datagram (8-byte header, no data) */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0010 2c40 " LOOPBACK " " LOOPBACK
		   " 1100 0000 0000 0001 0007 0007 0008 0000");
	ck_assert_field_eq(&pkt, "ipv6.fraghdr.offset", 0);
	ck_assert_field_eq(&pkt, "udp.dstport", 7);
	ck_assert_field_eq(&pkt, "udp.length", 8);
}
END_TEST

START_TEST(ah_and_esp)
{
	/* AH (length 4: 24 bytes, 12-byte ICV) then ESP */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0028 3340 " LOOPBACK " " LOOPBACK
		   " 3204 0000 0000 1001 0000 0007 0102 0304 0506 0708 090a 0b0c"
		   " 1234 5678 0000 0001 dead beef cafe babe");
	ck_assert_field_eq(&pkt, "ah.next_header", 50);
	ck_assert_field_eq(&pkt, "ah.length", 4);
	ck_assert_field_eq(&pkt, "ah.spi", 0x1001);
	ck_assert_field_eq(&pkt, "ah.sequence", 7);
	ck_assert_uint_eq(field_nth(&pkt, "ah.icv", 0)->length, 12);
	ck_assert_field_eq(&pkt, "esp.spi", 0x12345678);
	ck_assert_field_eq(&pkt, "esp.sequence", 1);
	ck_assert_uint_eq(field_nth(&pkt, "hexplain.esp.encrypted", 0)->length, 8);
}
END_TEST

START_TEST(srh_segments_and_final_destination)
{
	/* SRH with 2 segments, 1 left: tshark names, Segment List[0] final */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0030 2b40 " LOOPBACK " " A10
		   " 3b04 0401 0100 0000 " A20 " " A10 " 0000 0000 0000 0000");
	ck_assert_field_eq(&pkt, "ipv6.routing.type", 4);
	ck_assert_field_eq(&pkt, "ipv6.routing.segleft", 1);
	ck_assert_field_eq(&pkt, "ipv6.routing.srh.last_entry", 1);
	ck_assert_field_eq(&pkt, "ipv6.routing.srh.flags", 0);
	ck_assert_int_eq(field_count(&pkt, "ipv6.routing.srh.addr"), 2);
	ck_assert_str_eq(addr_of("ipv6.routing.srh.addr", 0), "2001:db8::20");
	/* no next header (59): the rest is data */
	ck_assert(pkt.has_payload);
	ck_assert_uint_eq(pkt.payload_offset, 80);
}
END_TEST

START_TEST(header_runs_past_packet)
{
	/* hop-by-hop says 48 bytes, the payload length only 16 */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0010 0040 " LOOPBACK " " LOOPBACK
		   " 3b05 0102 0000 0000 0000 0000 0000 0000");
	ck_assert_int_eq(has_problem(&pkt, "ipv6.ext.len.beyond"), 1);
	ck_assert_uint_eq(pkt.nlayers, 2);
}
END_TEST

START_TEST(option_runs_past_header)
{
	/* PadN claiming 10 bytes in an 8-byte header */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0008 0040 " LOOPBACK " " LOOPBACK " 3b00 010a 0000 0000");
	ck_assert_int_eq(has_problem(&pkt, "ipv6.opt.length.beyond"), 1);
	ck_assert_no_field(&pkt, "ipv6.opt.padn");
}
END_TEST

START_TEST(looping_chain_stops)
{
	/* 12 destination options headers, each naming another one */
	char hex[1024] = "6000 0000 0060 3c40 " LOOPBACK " " LOOPBACK;
	for (int i = 0; i < 12; i++)
		strcat(hex, " 3c00 0104 0000 0000");
	decode_hex(&pkt, LINK_RAW, hex);
	ck_assert_int_eq(has_problem(&pkt, "ipv6.ext.too_many"), 1);
	ck_assert_int_eq(field_count(&pkt, "ipv6.dstopts.nxt"), 10);
	ck_assert(pkt.nlayers <= PACKET_MAX_LAYERS);
}
END_TEST

START_TEST(truncated_inside_routing_header)
{
	/* the chain cut after 60 bytes: 12 bytes into the routing header */
	decode_hex(&pkt, LINK_RAW,
		   CHAIN_HEAD " " CHAIN_HOP " 2c04 0002 0000 0000 2001 0db8");
	ck_assert_field_eq(&pkt, "ipv6.routing.segleft", 2);
	ck_assert_no_field(&pkt, "ipv6.routing.src.addr");
	ck_assert(pkt.layers[2].truncated);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
	ck_assert_no_field(&pkt, "udp.srcport");
}
END_TEST

START_TEST(unknown_option_action_bits)
{
	/* option 0xc3 (action 11, may change 0), 2 bytes of data, then Pad1 Pad1 */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0008 0040 " LOOPBACK " " LOOPBACK " 3b00 c302 abcd 0000");
	ck_assert_uint_eq(nth("ipv6.opt.type.action", 0), 3);
	ck_assert_uint_eq(nth("ipv6.opt.type.change", 0), 0);
	ck_assert_uint_eq(nth("ipv6.opt.type.rest", 0), 3);
	ck_assert_uint_eq(field_nth(&pkt, "ipv6.opt.unknown", 0)->length, 2);
	ck_assert_int_eq(field_count(&pkt, "ipv6.opt.pad1"), 2);
}
END_TEST

/* A jumbogram (RFC 2675: payload length 0, Jumbo Payload 100000) of which
 * 76 bytes were captured, its UDP length 0 as §4 asks.  The capture was cut
 * (snaplen), as with a payload length past the bytes: the UDP datagram is
 * the jumbogram's 99992 bytes, not the 28 that are there, so its checksum
 * cannot be checked (tshark: unverified; quic_32_bit_pointer_overflow) and
 * its length 0 is no error. */
START_TEST(jumbogram_cut_by_the_capture)
{
	decode_hex(&pkt, LINK_RAW, "600000000000004020010db800000000000000000000000120010db80000000000000000000000021100c204000186a004d201bb00001234000102030405060708090a0b0c0d0e0f10111213");
	ck_assert_field_eq(&pkt, "ipv6.opt.jumbo", 100000);
	ck_assert_field_eq(&pkt, "udp.length", 0);
	ck_assert_field_eq(&pkt, "udp.checksum.status", CKSUM_UNVERIFIED);
	ck_assert_no_field(&pkt, "udp.checksum_calculated");
	ck_assert_int_eq(field_nth(&pkt, "udp.payload", 0)->length, 20);
	ck_assert(has_problem(&pkt, "capture.truncated"));
	ck_assert(!has_problem(&pkt, "ipv6.opt.jumbo.beyond"));
	ck_assert(!has_problem(&pkt, "udp.length.bad_zero"));
	ck_assert(!has_problem(&pkt, "udp.checksum.bad"));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("ipv6_ext");
	TCase *tc = tcase_create("chain");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, chain_hop_by_hop_options);
	tcase_add_test(tc, chain_routing_fragment_dstopts);
	tcase_add_test(tc, routing_type0_final_destination_in_checksum);
	tcase_add_test(tc, ip_version_hidden_in_ipv6);
	tcase_add_test(tc, fragment_first_checksum_unverified);
	tcase_add_test(tc, fragment_later_is_payload);
	tcase_add_test(tc, fragment_atomic_decodes_normally);
	tcase_add_test(tc, ah_and_esp);
	tcase_add_test(tc, srh_segments_and_final_destination);
	tcase_add_test(tc, unknown_option_action_bits);
	suite_add_tcase(s, tc);

	TCase *bad = tcase_create("malformed");
	tcase_add_checked_fixture(bad, setup, teardown);
	tcase_add_test(bad, header_runs_past_packet);
	tcase_add_test(bad, option_runs_past_header);
	tcase_add_test(bad, looping_chain_stops);
	tcase_add_test(bad, truncated_inside_routing_header);
	tcase_add_test(bad, jumbogram_cut_by_the_capture);
	suite_add_tcase(s, bad);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
