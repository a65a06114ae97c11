/* check_icmpv6.c - ICMPv6 (src/decode/icmpv6.c).
 *
 * Corpus packets are ipv6-ext.x.txt's (tshark's values in
 * ipv6-ext.oracle.jsonl); the router advertisement is hand-made, its
 * checksum computed apart from hexplain (a Python one-liner over the bytes). */
#include "check_util.h"
#include "decode/decode.h"
#include "decode/explain_util.h"

#define LOOPBACK "0000 0000 0000 0000 0000 0000 0000 0001"
#define ECHO(type_cksum)                                                                   \
	"6000 0000 001c 3a40 " LOOPBACK " " LOOPBACK " " type_cksum " 0a0b 0007 6865 7870" \
	"6c61 696e 2069 636d 7076 3620 6563 686f"
#define NS_HEAD "6000 0000 0020 3aff fe80 0000 0000 0000 0000 0000 0000 0001 ff02 0000 0000" \
		"0000 0000 0001 ff00 0002"

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

START_TEST(echo_request_and_reply)
{
	decode_hex(&pkt, LINK_RAW, ECHO("8000 c6af"));
	ck_assert_field_eq(&pkt, "icmpv6.type", 128);
	ck_assert_field_eq(&pkt, "icmpv6.code", 0);
	ck_assert_field_eq(&pkt, "icmpv6.checksum", 0xc6af);
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 1);
	ck_assert_field_eq(&pkt, "icmpv6.echo.identifier", 0x0a0b);
	ck_assert_field_eq(&pkt, "icmpv6.echo.sequence_number", 7);
	ck_assert_field_eq(&pkt, "data.len", 20);
	decode_hex(&pkt, LINK_RAW, ECHO("8100 c5af"));
	ck_assert_field_eq(&pkt, "icmpv6.type", 129);
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 1);
}
END_TEST

START_TEST(echo_bad_checksum)
{
	decode_hex(&pkt, LINK_RAW, ECHO("8000 c6b0"));
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 0);
	ck_assert_field_eq(&pkt, "hexplain.icmpv6.checksum_calculated", 0xc6af);
	ck_assert_int_eq(has_problem(&pkt, "icmpv6.checksum.bad"), 1);
}
END_TEST

START_TEST(neighbor_solicitation_source_lladdr)
{
	decode_hex(&pkt, LINK_RAW,
		   NS_HEAD " 8700 c936 0000 0000 fe80 0000 0000 0000 0000 0000 0000 0002 0101"
			   "0200 5e00 5361");
	ck_assert_field_eq(&pkt, "icmpv6.type", 135);
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 1);
	ck_assert_str_eq(addr_of("icmpv6.nd.ns.target_address", 0), "fe80::2");
	ck_assert_field_eq(&pkt, "icmpv6.opt.type", 1);
	ck_assert_field_eq(&pkt, "icmpv6.opt.length", 1);
	ck_assert_uint_eq(field_nth(&pkt, "icmpv6.opt.linkaddr", 0)->offset, 66);
	ck_assert_uint_eq(field_nth(&pkt, "icmpv6.opt.src_linkaddr", 0)->offset, 66);
	ck_assert_int_eq(has_problem(&pkt, "icmpv6.nd.hop_limit"), 0);
}
END_TEST

START_TEST(neighbor_solicitation_hop_limit_not_255)
{
	/* the same message with hop limit 64: no checksum change (hop limit is
	 * not in the pseudo-header), but receivers must drop it */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0020 3a40 fe80 0000 0000 0000 0000 0000 0000 0001 ff02 0000 0000"
		   "0000 0000 0001 ff00 0002 8700 c936 0000 0000 fe80 0000 0000 0000 0000 0000"
		   "0000 0002 0101 0200 5e00 5361");
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 1);
	ck_assert_int_eq(has_problem(&pkt, "icmpv6.nd.hop_limit"), 1);
}
END_TEST

START_TEST(option_length_zero)
{
	decode_hex(&pkt, LINK_RAW,
		   NS_HEAD " 8700 c936 0000 0000 fe80 0000 0000 0000 0000 0000 0000 0002 0100"
			   "0200 5e00 5361");
	ck_assert_int_eq(has_problem(&pkt, "icmpv6.opt.length.zero"), 1);
	ck_assert_int_eq(field_count(&pkt, "icmpv6.opt.type"), 1);
	ck_assert_no_field(&pkt, "icmpv6.opt.linkaddr");
}
END_TEST

START_TEST(router_advertisement_prefix_mtu_rdnss)
{
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0050 3aff fe80 0000 0000 0000 0000 0000 0000 0001 ff02 0000 0000"
		   "0000 0000 0000 0000 0001 8600 6c0a 4040 0708 0000 7530 0000 03e8 0304 40c0"
		   "0001 5180 0000 3840 0000 0000 2001 0db8 0001 0000 0000 0000 0000 0000 0501"
		   "0000 0000 05dc 1903 0000 0000 0258 2001 0db8 0000 0000 0000 0000 0000 0053");
	ck_assert_field_eq(&pkt, "icmpv6.type", 134);
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 1);
	ck_assert_field_eq(&pkt, "icmpv6.nd.ra.cur_hop_limit", 64);
	ck_assert_field_eq(&pkt, "icmpv6.nd.ra.flag", 0x40);
	ck_assert_field_eq(&pkt, "icmpv6.nd.ra.flag.m", 0);
	ck_assert_field_eq(&pkt, "icmpv6.nd.ra.flag.o", 1);
	ck_assert_field_eq(&pkt, "icmpv6.nd.ra.router_lifetime", 1800);
	ck_assert_field_eq(&pkt, "icmpv6.nd.ra.reachable_time", 30000);
	ck_assert_field_eq(&pkt, "icmpv6.nd.ra.retrans_timer", 1000);
	ck_assert_int_eq(field_count(&pkt, "icmpv6.opt.type"), 3);
	ck_assert_field_eq(&pkt, "icmpv6.opt.prefix.length", 64);
	ck_assert_field_eq(&pkt, "icmpv6.opt.prefix.flag.l", 1);
	ck_assert_field_eq(&pkt, "icmpv6.opt.prefix.flag.a", 1);
	ck_assert_field_eq(&pkt, "icmpv6.opt.prefix.valid_lifetime", 86400);
	ck_assert_field_eq(&pkt, "icmpv6.opt.prefix.preferred_lifetime", 14400);
	ck_assert_str_eq(addr_of("icmpv6.opt.prefix", 0), "2001:db8:1::");
	ck_assert_field_eq(&pkt, "icmpv6.opt.mtu", 1500);
	ck_assert_field_eq(&pkt, "icmpv6.opt.rdnss.lifetime", 600);
	ck_assert_str_eq(addr_of("icmpv6.opt.rdnss", 0), "2001:db8::53");
	ck_assert_uint_eq(pkt.nproblems, 0);
}
END_TEST

/* RFC 4191 §2.3: a Route Information option's prefix is 0, 8 or 16 bytes
 * as its length (1, 2, 3) says.  tshark gives an 8-byte prefix as the
 * address with the other 8 bytes zero (icmpv6_opt24: fd8d:4fb3:5b2e::),
 * which is what the prefix denotes: so does hexplain, under
 * icmpv6.opt.prefix, the field covering the 8 bytes; length 1 has none. */
START_TEST(route_information_prefix_lengths)
{
	decode_hex(&pkt, LINK_RAW,
		   "6000000000403afffe800000000000000000000000000001ff02000000000000000000000000"
		   "0001860001cf4000070800000000000000001802300000001c2020010db80001000018034008"
		   "0000025820010db8000200000000000000000000180100000000012c");
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 1);
	ck_assert_int_eq(field_count(&pkt, "icmpv6.opt.route_lifetime"), 3);
	ck_assert_int_eq(field_count(&pkt, "icmpv6.opt.prefix"), 2);
	ck_assert_str_eq(addr_of("icmpv6.opt.prefix", 0), "2001:db8:1::");
	ck_assert_uint_eq(field_nth(&pkt, "icmpv6.opt.prefix", 0)->length, 8);
	ck_assert_str_eq(addr_of("icmpv6.opt.prefix", 1), "2001:db8:2::");
	ck_assert_uint_eq(field_nth(&pkt, "icmpv6.opt.prefix", 1)->length, 16);
	ck_assert_no_field(&pkt, "hexplain.icmpv6.opt.route_prefix");
	ck_assert_uint_eq(pkt.nproblems, 0);
}
END_TEST

#define TIME_EXCEEDED                                                                      \
	"6000 0000 0050 3a40 2001 0db8 0000 0000 0000 0000 0000 0001 2001 0db8 0000 0000"  \
	"0000 0000 0000 0010 0300 3f01 0000 0000 6000 0000 0028 0601 2001 0db8 0000 0000"  \
	"0000 0000 0000 0010 2001 0db8 0000 0000 0000 0000 0000 0099 9c43 01bb 1010 1010"  \
	"0000 0000 a002 fd20 30b5 0000 0204 05a0 0402 080a 0000 0005"

START_TEST(time_exceeded_quotes_ipv6_tcp)
{
	decode_hex(&pkt, LINK_RAW, TIME_EXCEEDED);
	ck_assert_field_eq(&pkt, "icmpv6.type", 3);
	ck_assert_field_eq(&pkt, "icmpv6.code", 0);
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 1);
	/* tshark: ipv6.hlim 64 then 1, ipv6.plen 80 then 40 */
	ck_assert_int_eq(field_count(&pkt, "ipv6.hlim"), 2);
	ck_assert_uint_eq(field_nth(&pkt, "ipv6.hlim", 1)->value, 1);
	ck_assert_uint_eq(field_nth(&pkt, "ipv6.plen", 1)->value, 40);
	ck_assert_str_eq(addr_of("ipv6.dst", 1), "2001:db8::99");
	ck_assert_field_eq(&pkt, "tcp.srcport", 40003);
	ck_assert_field_eq(&pkt, "tcp.dstport", 443);
	ck_assert_uint_eq(pkt.nlayers, 4);
	ck_assert(pkt.layers[2].quoted);
	ck_assert(pkt.layers[3].quoted);
	ck_assert(!pkt.layers[1].quoted);
	/* the quoted IPv6 header is whole: no problem of its own */
	ck_assert_int_eq(has_problem(&pkt, "ipv6.plen.beyond"), 0);
}
END_TEST

START_TEST(packet_too_big_and_parameter_problem)
{
	/* checksums are not the point here: the fields after them */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0008 3a40 " LOOPBACK " " LOOPBACK " 0200 0000 0000 0500");
	ck_assert_field_eq(&pkt, "icmpv6.mtu", 1280);
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0008 3a40 " LOOPBACK " " LOOPBACK " 0401 0000 0000 0030");
	ck_assert_field_eq(&pkt, "icmpv6.pointer", 48);
}
END_TEST

START_TEST(truncated_echo_header)
{
	decode_hex(&pkt, LINK_RAW, "6000 0000 001c 3a40 " LOOPBACK " " LOOPBACK " 8000 c6af 0a");
	ck_assert_field_eq(&pkt, "icmpv6.type", 128);
	ck_assert_field_eq(&pkt, "icmpv6.checksum.status", 2);
	ck_assert_no_field(&pkt, "icmpv6.echo.identifier");
	ck_assert(pkt.layers[1].truncated);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("icmpv6");
	TCase *tc = tcase_create("messages");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, echo_request_and_reply);
	tcase_add_test(tc, echo_bad_checksum);
	tcase_add_test(tc, neighbor_solicitation_source_lladdr);
	tcase_add_test(tc, neighbor_solicitation_hop_limit_not_255);
	tcase_add_test(tc, option_length_zero);
	tcase_add_test(tc, router_advertisement_prefix_mtu_rdnss);
	tcase_add_test(tc, route_information_prefix_lengths);
	tcase_add_test(tc, time_exceeded_quotes_ipv6_tcp);
	tcase_add_test(tc, packet_too_big_and_parameter_problem);
	tcase_add_test(tc, truncated_echo_header);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
