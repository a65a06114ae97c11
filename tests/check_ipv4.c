/* check_ipv4.c - the IPv4 header decoder (src/decode/ipv4.c).
 *
 * The seed packet is the seed note's `4500 0038 106d ...` (tshark's values in
 * seed-003.oracle.jsonl); the variants change one thing each, with the
 * header checksum worked out by hand. */
#include <stdio.h>
#include <string.h>

#include "analyze/checksum.h"
#include "check_util.h"
#include "decode/decode.h"

#define SEED_TAIL "1e61 c0ea 1c88 a9f9 d048 2bf6 8018 00e5 fe2c 0000 0101 080a 0017 c23c 8cbd 9fc0 3232 3333"

static struct packet pkt;

static void setup(void)
{
	packet_init(&pkt);
}

static void teardown(void)
{
	packet_free(&pkt);
}

static const char *addr_of(const char *name, int idx)
{
	static char buf[16];
	const struct field *f = field_nth(&pkt, name, idx);
	ck_assert_msg(f != NULL, "field %s missing", name);
	const uint8_t *a = cur_bytes(&pkt.bytes, f->offset, 4);
	ck_assert_ptr_nonnull(a);
	snprintf(buf, sizeof(buf), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	return buf;
}

START_TEST(ipv4_seed_fields)
{
	decode_hex(&pkt, LINK_RAW, "4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001 " SEED_TAIL);
	ck_assert_field_eq(&pkt, "ip.version", 4);
	ck_assert_field_eq(&pkt, "ip.hdr_len", 20);
	ck_assert_field_eq(&pkt, "ip.dsfield", 0);
	ck_assert_field_eq(&pkt, "ip.dsfield.dscp", 0);
	ck_assert_field_eq(&pkt, "ip.dsfield.ecn", 0);
	ck_assert_field_eq(&pkt, "ip.len", 56);
	ck_assert_field_eq(&pkt, "ip.id", 0x106d);
	ck_assert_field_eq(&pkt, "ip.flags", 0x02);
	ck_assert_field_eq(&pkt, "ip.flags.rb", 0);
	ck_assert_field_eq(&pkt, "ip.flags.df", 1);
	ck_assert_field_eq(&pkt, "ip.flags.mf", 0);
	ck_assert_field_eq(&pkt, "ip.frag_offset", 0);
	ck_assert_field_eq(&pkt, "ip.ttl", 64);
	ck_assert_field_eq(&pkt, "ip.proto", 6);
	ck_assert_field_eq(&pkt, "ip.checksum", 0x2c51);
	ck_assert_field_eq(&pkt, "ip.checksum.status", CKSUM_GOOD);
	ck_assert_field_eq(&pkt, "ip.checksum_calculated", 0x2c51);
	ck_assert_str_eq(addr_of("ip.src", 0), "127.0.0.1");
	ck_assert_str_eq(addr_of("ip.dst", 0), "127.0.0.1");
	ck_assert_uint_eq(field_nth(&pkt, "ip.src", 0)->offset, 12);
	ck_assert_uint_eq(field_nth(&pkt, "ip.dst", 0)->offset, 16);
	ck_assert_uint_eq(pkt.layers[0].length, 20);
	ck_assert(!pkt.layers[0].truncated);
	ck_assert_int_eq(has_problem(&pkt, "ip.checksum.bad"), 0);
	/* and the TCP header after it */
	ck_assert_field_eq(&pkt, "tcp.srcport", 7777);
}
END_TEST

START_TEST(ipv4_bad_header_checksum)
{
	decode_hex(&pkt, LINK_RAW, "4500 0038 106d 4000 4006 2c52 7f00 0001 7f00 0001 " SEED_TAIL);
	ck_assert_field_eq(&pkt, "ip.checksum", 0x2c52);
	ck_assert_field_eq(&pkt, "ip.checksum.status", CKSUM_BAD);
	ck_assert_field_eq(&pkt, "ip.checksum_calculated", 0x2c51);
	ck_assert_int_eq(has_problem(&pkt, "ip.checksum.bad"), 1);
}
END_TEST

START_TEST(ipv4_ihl_below_five)
{
	decode_hex(&pkt, LINK_RAW, "4300 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001 " SEED_TAIL);
	ck_assert_field_eq(&pkt, "ip.hdr_len", 12);
	ck_assert_int_eq(has_problem(&pkt, "ip.hdr_len.bad"), 1);
	ck_assert_field_eq(&pkt, "ip.checksum.status", CKSUM_UNVERIFIED);
	ck_assert_no_field(&pkt, "ip.checksum_calculated");
	/* nothing beyond the header is trusted */
	ck_assert_no_field(&pkt, "tcp.srcport");
	ck_assert_uint_eq(pkt.nlayers, 1);
}
END_TEST

START_TEST(ipv4_total_length_beyond_bytes)
{
	/* length 64 for 56 bytes; checksum 0x2c51 - 8 */
	decode_hex(&pkt, LINK_RAW, "4500 0040 106d 4000 4006 2c49 7f00 0001 7f00 0001 " SEED_TAIL);
	ck_assert_field_eq(&pkt, "ip.len", 64);
	ck_assert_field_eq(&pkt, "ip.checksum.status", CKSUM_GOOD);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
	ck_assert_int_eq(has_problem(&pkt, "ip.len.bad"), 0);
}
END_TEST

START_TEST(ipv4_total_length_below_header)
{
	/* length 16 < 20; checksum 0x2c51 + 0x28 */
	decode_hex(&pkt, LINK_RAW, "4500 0010 106d 4000 4006 2c79 7f00 0001 7f00 0001 " SEED_TAIL);
	ck_assert_field_eq(&pkt, "ip.checksum.status", CKSUM_GOOD);
	ck_assert_int_eq(has_problem(&pkt, "ip.len.bad"), 1);
}
END_TEST

START_TEST(ipv4_fragment_mf_offset_3)
{
	/* flags MF, offset 3 (24 bytes): 0x4000 -> 0x2003, checksum 0x2c51 + 0x1ffd */
	decode_hex(&pkt, LINK_RAW, "4500 0038 106d 2003 4006 4c4e 7f00 0001 7f00 0001 " SEED_TAIL);
	ck_assert_field_eq(&pkt, "ip.flags", 0x01);
	ck_assert_field_eq(&pkt, "ip.flags.df", 0);
	ck_assert_field_eq(&pkt, "ip.flags.mf", 1);
	ck_assert_field_eq(&pkt, "ip.frag_offset", 3);
	ck_assert_field_eq(&pkt, "ip.checksum.status", CKSUM_GOOD);
	/* a later fragment's bytes are no TCP header */
	ck_assert_no_field(&pkt, "tcp.srcport");
	ck_assert(pkt.has_payload);
	ck_assert_uint_eq(pkt.payload_offset, 20);
	ck_assert_uint_eq(pkt.payload_length, 36);
}
END_TEST

START_TEST(ipv4_truncated_header)
{
	decode_hex(&pkt, LINK_RAW, "4500 0038 106d 4000 4006");
	ck_assert_field_eq(&pkt, "ip.version", 4);
	ck_assert_field_eq(&pkt, "ip.len", 56);
	ck_assert_field_eq(&pkt, "ip.ttl", 64);
	ck_assert_field_eq(&pkt, "ip.proto", 6);
	ck_assert_no_field(&pkt, "ip.checksum");
	ck_assert_no_field(&pkt, "ip.src");
	ck_assert_field_eq(&pkt, "ip.checksum.status", CKSUM_UNVERIFIED);
	ck_assert(pkt.layers[0].truncated);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
	ck_assert_int_eq(has_problem(&pkt, "ip.hdr_len.bad"), 0);
}
END_TEST

START_TEST(ipv4_version_not_four)
{
	/* version 5; checksum 0x2c51 - 0x1000 */
	decode_hex(&pkt, LINK_IPV4, "5500 0038 106d 4000 4006 1c51 7f00 0001 7f00 0001 " SEED_TAIL);
	ck_assert_field_eq(&pkt, "ip.version", 5);
	ck_assert_int_eq(has_problem(&pkt, "ip.version.bad"), 1);
	/* nothing more is an IP header, as Wireshark ("Bogus IP version")
	 * and tcpdump stop there too */
	ck_assert_no_field(&pkt, "ip.hdr_len");
	ck_assert_no_field(&pkt, "ip.src");
	ck_assert_int_eq(pkt.layers[0].length, 1);
}
END_TEST

/* EtherType IPv4 over an IPv6 header (kday1, kday3, the pgm heap overflow:
 * tcpdump "IP6, wrong link-layer encapsulation").  Wireshark's IPv4
 * dissector gives the version, 6, calls it bogus and hands the bytes to
 * IPv6, whose hidden ip.version makes two: [6, 6].  hexplain reads the
 * version as IPv4's only row and the rest as the IPv6 header it is. */
START_TEST(ipv4_version_six_is_read_as_ipv6)
{
	decode_hex(&pkt, LINK_ETHER, "020000000002020000000001080060000000000c3b4020010db800000000000000000000000120010db800000000000000000000000201020304050607080910111213");
	ck_assert_int_eq(field_count(&pkt, "ip.version"), 2);
	ck_assert_uint_eq(field_nth(&pkt, "ip.version", 0)->value, 6);
	ck_assert_uint_eq(field_nth(&pkt, "ip.version", 1)->value, 6);
	ck_assert_int_eq(has_problem(&pkt, "ip.version.bad"), 1);
	ck_assert_no_field(&pkt, "ip.hdr_len");
	ck_assert_no_field(&pkt, "ip.checksum");
	ck_assert_field_eq(&pkt, "ipv6.plen", 12);
	ck_assert_field_eq(&pkt, "ipv6.nxt", 59);
	ck_assert_str_eq(field_text_at(&pkt, "ipv6.dst", 0), "2001:db8::2");
}
END_TEST

/* Total length 0 from segmentation offload (TSO/GRO): tcpdump and Wireshark
 * take the datagram to be the bytes the link layer carries, and tshark's
 * ip.len is then that length, "reported as 0" (ipv4_tcp_http_xml_tso:
 * 2016); hexplain's too, the field still covering the two zero bytes, and
 * the segment is the 39 bytes after the header. */
START_TEST(ipv4_total_length_zero_tso)
{
	decode_hex(&pkt, LINK_IPV4, "4500000042c940004006e42c0a0000010a0000029c401f9000000001000000015018040000000000504f5354202f20485454502f312e310d0a0d0a");
	ck_assert_field_eq(&pkt, "ip.len", 59);
	ck_assert_uint_eq(field_nth(&pkt, "ip.len", 0)->offset, 2);
	ck_assert_uint_eq(field_nth(&pkt, "ip.len", 0)->length, 2);
	ck_assert_int_eq(has_problem(&pkt, "ip.len.tso"), 1);
	ck_assert_int_eq(has_problem(&pkt, "ip.len.bad"), 0);
	ck_assert_field_eq(&pkt, "tcp.len", 19);
}
END_TEST

/* Decodes the 40 bytes of an IP datagram of total length 100 as tcpdump's
 * summary "truncated-ip - missing bytes missing!" would have it. */
static void decode_with_missing(uint32_t missing)
{
	static uint8_t buf[64];
	size_t n = hex_bytes("45000064000100004006f68fc0000201c00002029c400050000003e8000007d05010040012340000", buf, sizeof(buf));
	packet_reset(&pkt, buf, n, LINK_IPV4);
	pkt.ip_missing_known = true;
	pkt.ip_missing = missing;
	decode_packet(&pkt);
}

/* tcpdump measures "N bytes missing" against the length on the wire: when
 * the total length less N is exactly the bytes there, the frame was that
 * short on the wire (kday4 #10: 820 - 768 = 52) and the length lies; when
 * it is more, a snaplen cut the capture as well (quic_32_bit_pointer_overflow:
 * 58451 bytes on the wire, 84 captured), and the cut is the capture's. */
START_TEST(ipv4_summary_missing_bytes_decide_whole_frame)
{
	decode_with_missing(60);
	ck_assert(pkt.frame_whole);
	ck_assert_int_eq(has_problem(&pkt, "ip.len.beyond"), 1);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 0);
	decode_with_missing(20);
	ck_assert(!pkt.frame_whole);
	ck_assert_int_eq(has_problem(&pkt, "ip.len.beyond"), 0);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("ipv4");
	TCase *tc = tcase_create("header");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, ipv4_seed_fields);
	tcase_add_test(tc, ipv4_bad_header_checksum);
	tcase_add_test(tc, ipv4_ihl_below_five);
	tcase_add_test(tc, ipv4_total_length_beyond_bytes);
	tcase_add_test(tc, ipv4_total_length_below_header);
	tcase_add_test(tc, ipv4_fragment_mf_offset_3);
	tcase_add_test(tc, ipv4_truncated_header);
	tcase_add_test(tc, ipv4_version_not_four);
	tcase_add_test(tc, ipv4_version_six_is_read_as_ipv6);
	tcase_add_test(tc, ipv4_total_length_zero_tso);
	tcase_add_test(tc, ipv4_summary_missing_bytes_decide_whole_frame);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
