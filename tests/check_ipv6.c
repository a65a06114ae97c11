/* check_ipv6.c - the IPv6 fixed header (src/decode/ipv6.c) and RFC 5952
 * address text (ipv6_format in src/decode/explain_util.c).
 *
 * The packets are ipv6-tcp.x.txt's, tshark's values in ipv6-tcp.oracle.jsonl. */
#include <string.h>

#include "check_util.h"
#include "decode/decode.h"
#include "decode/explain_util.h"

#define LOOPBACK "0000 0000 0000 0000 0000 0000 0000 0001"
#define DATA_PACKET                                                                        \
	"6b8a bcde 0034 0640 " LOOPBACK " " LOOPBACK " 8707 1f90 1020 3041 5060 7081 8018"  \
	"0200 3578 0000 0101 080a 0000 2b69 0000 56ce 4745 5420 2f76 3620 4854 5450 2f31"  \
	"2e30 0d0a 0d0a"

static struct packet pkt;

static void setup(void)
{
	packet_init(&pkt);
}

static void teardown(void)
{
	packet_free(&pkt);
}

static const char *text_of(const char *name, int idx)
{
	static char buf[46];
	const struct field *f = field_nth(&pkt, name, idx);
	ck_assert_msg(f != NULL, "field %s missing", name);
	const uint8_t *a = cur_bytes(&pkt.bytes, f->offset, 16);
	ck_assert_ptr_nonnull(a);
	ipv6_format(a, buf);
	return buf;
}

START_TEST(ipv6_fixed_header_fields)
{
	decode_hex(&pkt, LINK_RAW, DATA_PACKET);
	ck_assert_field_eq(&pkt, "ipv6.version", 6);
	ck_assert_field_eq(&pkt, "ipv6.tclass", 0xb8);
	ck_assert_field_eq(&pkt, "ipv6.tclass.dscp", 46);
	ck_assert_field_eq(&pkt, "ipv6.tclass.ecn", 0);
	ck_assert_field_eq(&pkt, "ipv6.flow", 0xabcde);
	ck_assert_field_eq(&pkt, "ipv6.plen", 52);
	ck_assert_field_eq(&pkt, "ipv6.nxt", 6);
	ck_assert_field_eq(&pkt, "ipv6.hlim", 64);
	ck_assert_str_eq(text_of("ipv6.src", 0), "::1");
	ck_assert_str_eq(text_of("ipv6.dst", 0), "::1");
	ck_assert_uint_eq(field_nth(&pkt, "ipv6.src", 0)->offset, 8);
	ck_assert_uint_eq(field_nth(&pkt, "ipv6.dst", 0)->offset, 24);
	ck_assert_uint_eq(pkt.layers[0].length, 40);
	ck_assert_uint_eq(pkt.nproblems, 0);
	/* the TCP header after it, its checksum verified over the IPv6
	 * pseudo-header (tshark: good) */
	ck_assert_field_eq(&pkt, "tcp.srcport", 34567);
	ck_assert_field_eq(&pkt, "tcp.checksum.status", 1);
}
END_TEST

START_TEST(ipv6_flow_label_without_class)
{
	decode_hex(&pkt, LINK_IPV6,
		   "6003 a5b1 0028 0640 " LOOPBACK " " LOOPBACK " 8707 1f90 1020 3040 0000 0000"
		   "a002 ffc4 3bca 0000 0204 ffc4 0402 080a 0000 2b67 0000 0000 0103 0307");
	ck_assert_field_eq(&pkt, "ipv6.tclass", 0);
	ck_assert_field_eq(&pkt, "ipv6.flow", 0x3a5b1);
	ck_assert_field_eq(&pkt, "ipv6.plen", 40);
}
END_TEST

START_TEST(ipv6_extension_header_walked)
{
	/* next header 0 (hop-by-hop, PadN) then 59: the chain is walked */
	decode_hex(&pkt, LINK_RAW,
		   "6000 0000 0008 0040 " LOOPBACK " " LOOPBACK " 3b00 0104 0000 0000");
	ck_assert_field_eq(&pkt, "ipv6.nxt", 0);
	ck_assert_uint_eq(pkt.nlayers, 2);
	ck_assert_field_eq(&pkt, "ipv6.hopopts.nxt", 59);
	ck_assert(!pkt.has_payload);
}
END_TEST

START_TEST(ipv6_hidden_ip_version)
{
	/* tshark gives ip.version 6 for every IPv6 header, hidden */
	decode_hex(&pkt, LINK_RAW, DATA_PACKET);
	ck_assert_field_eq(&pkt, "ip.version", 6);
	ck_assert_int_eq(field_count(&pkt, "ip.version"), 1);
	ck_assert(field_nth(&pkt, "ip.version", 0)->def->flags & FIELD_HIDDEN);
}
END_TEST

START_TEST(ipv6_truncated_header)
{
	decode_hex(&pkt, LINK_RAW, "6000 0000 0008 0640 0000 0000 0000 0000 0000");
	ck_assert_field_eq(&pkt, "ipv6.hlim", 64);
	ck_assert_no_field(&pkt, "ipv6.src");
	ck_assert(pkt.layers[0].truncated);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
}
END_TEST

START_TEST(ipv6_payload_beyond_capture)
{
	/* payload length 52, only the 40-byte header and 4 bytes captured */
	decode_hex(&pkt, LINK_RAW, "6000 0000 0034 3b40 " LOOPBACK " " LOOPBACK " 0102 0304");
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
	ck_assert_int_eq(has_problem(&pkt, "ipv6.plen.beyond"), 0);
}
END_TEST

START_TEST(ipv6_version_not_six)
{
	decode_hex(&pkt, LINK_IPV6, "4000 0000 0000 3b40 " LOOPBACK " " LOOPBACK);
	ck_assert_field_eq(&pkt, "ipv6.version", 4);
	ck_assert_int_eq(has_problem(&pkt, "ipv6.version.bad"), 1);
}
END_TEST

/* RFC 5952 text of the 16 bytes given as hex. */
static const char *fmt(const char *hex)
{
	static char out[46];
	uint8_t a[16];
	ck_assert_uint_eq(hex_bytes(hex, a, sizeof(a)), 16);
	ipv6_format(a, out);
	return out;
}

START_TEST(rfc5952_loopback_and_unspecified)
{
	ck_assert_str_eq(fmt(LOOPBACK), "::1");
	ck_assert_str_eq(fmt("0000 0000 0000 0000 0000 0000 0000 0000"), "::");
}
END_TEST

START_TEST(rfc5952_documentation)
{
	ck_assert_str_eq(fmt("2001 0db8 0000 0000 0000 0000 0000 0001"), "2001:db8::1");
	/* two runs of two zero groups: the first one is compressed */
	ck_assert_str_eq(fmt("2001 0db8 0000 0000 0001 0000 0000 0001"), "2001:db8::1:0:0:1");
	/* the longer run wins */
	ck_assert_str_eq(fmt("2001 0000 0000 0001 0000 0000 0000 0001"), "2001:0:0:1::1");
	/* a single zero group is not compressed */
	ck_assert_str_eq(fmt("2001 0db8 0000 0001 0001 0001 0001 0001"), "2001:db8:0:1:1:1:1:1");
}
END_TEST

START_TEST(rfc5952_link_local_and_mapped)
{
	ck_assert_str_eq(fmt("fe80 0000 0000 0000 0000 0000 0000 0001"), "fe80::1");
	ck_assert_str_eq(fmt("0000 0000 0000 0000 0000 ffff c000 0201"), "::ffff:c000:201");
	ck_assert_str_eq(fmt("ff02 0000 0000 0000 0000 0000 0000 0000"), "ff02::");
	ck_assert_str_eq(fmt("ABCD 00EF 0001 0002 0003 0004 0005 0006"), "abcd:ef:1:2:3:4:5:6");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("ipv6");
	TCase *tc = tcase_create("header");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, ipv6_fixed_header_fields);
	tcase_add_test(tc, ipv6_flow_label_without_class);
	tcase_add_test(tc, ipv6_extension_header_walked);
	tcase_add_test(tc, ipv6_hidden_ip_version);
	tcase_add_test(tc, ipv6_truncated_header);
	tcase_add_test(tc, ipv6_payload_beyond_capture);
	tcase_add_test(tc, ipv6_version_not_six);
	suite_add_tcase(s, tc);

	TCase *text = tcase_create("rfc5952");
	tcase_add_test(text, rfc5952_loopback_and_unspecified);
	tcase_add_test(text, rfc5952_documentation);
	tcase_add_test(text, rfc5952_link_local_and_mapped);
	suite_add_tcase(s, text);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
