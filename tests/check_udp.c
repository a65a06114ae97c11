/* check_udp.c - the UDP decoder: header fields, length checks, checksum verdicts, payload.
 *
 * Byte strings are packets of the corpus as tcpdump -x prints them (expected
 * values from tshark's oracle) or altered by hand (expected values worked out
 * from the bytes in the comments).
 */
#include <string.h>

#include "check_util.h"
#include "core/strbuf.h"
#include "decode/decode.h"
#include "render/render.h"

static struct packet pkt;
static uint8_t raw[2048];

static void setup(void)
{
	packet_init(&pkt);
}

static void teardown(void)
{
	packet_free(&pkt);
}

/* tshark's numeric verdicts */
enum { ST_BAD = 0, ST_GOOD = 1, ST_UNVERIFIED = 2, ST_NOT_PRESENT = 3, ST_ILLEGAL = 4 };

/* udp-dns frame 1: 127.0.0.1:53411 -> 127.0.0.53:53, A? example.com, 29 bytes of DNS */
#define DNS_IP "450000399a0100004011e27c7f0000017f000035"
#define DNS_UDP_REST "1a2b01000001000000000000076578616d706c6503636f6d0000010001"
#define DNS_QUERY DNS_IP "d0a30035002546fc" DNS_UDP_REST
/* bad-checksums frame 3: checksum 0 ("no cksum"), 11 bytes "no checksum" */
#define ZERO_CKSUM                                                                        \
	"4500002770030000 4011 862c c0000246c0000250 9ca5b79b00130000 6e6f20636865636b73756d"
/* bad-checksums frame 4 with the checksum 0x836e (correct) */
#define GOOD_IP "450000297004000040118629c0000246c0000250"
#define GOOD_REST "676f6f6420636865636b73756d"
/* null-loopback frame 4 without the family word: 127.0.0.1:60002 -> :47602, "be" */
#define LOOP_IP_30 "4500001e010200004011 7bcb 7f0000017f000001"
#define LOOP_UDP "ea62b9f2000a fb1c 6265"
/* ipv4-fragments frame 1: first of three fragments (MF, offset 0), UDP length 80 */
#define FIRST_FRAGMENT                                                                    \
	"4500002c0d0d200040114fb27f0000017f000001"                                           \
	"9c402b670050d2eb667261676d656e74206d6520706c6561"
/* truncated-cuts frame 5: UDP length 34, only 12 of its 26 data bytes captured */
#define CUT_PAYLOAD                                                                       \
	"45000036c003000040113688c0000215c0000216 a41100070022eaa1 6563686f2074686973207465"
/* eth-padding frame 2 (-xx): UDP of 10 bytes, then 16 bytes of Ethernet padding */
#define ETH_PADDED                                                                        \
	"02005e00531402005e00530a0800 4500001ee0020000401116b5c000020bc000020c"              \
	"a0290009000a73266869 00000000000000000000000000000000"
/* null-loopback frame 2 without the family word: IPv6 ::1.60001 -> ::1.47601 */
#define V6_HDR "6000000000131140 00000000000000000000000000000001 00000000000000000000000000000001"
#define V6_REST "6e756c6c20763620756470"
/* icmp frame 3: port unreachable quoting the whole 35-byte IP+UDP datagram */
#define ICMP_QUOTES_ALL                                                                   \
	"45c0003f810200004001 7497 c0000263c0000201 03038182 00000000"                      \
	"450000236001000040119664c0000201c0000263 afc9829a000fd304 70726f62652d31"
/* icmp frame 4: time exceeded quoting the IP header + the 8-byte UDP header */
#define ICMP_QUOTES_HEADER                                                                \
	"45c0003881030000ff01b501c00002fec0000201 0b00d67a00000000"                          \
	"4500003c600200000111 6d73 c0000201c6336407 afca829b0028ebf6"

static void assert_span(const char *name, uint32_t off, uint32_t len)
{
	const struct field *f = field_nth(&pkt, name, 0);
	ck_assert_msg(f != NULL, "field %s missing", name);
	ck_assert_uint_eq(f->offset, off);
	ck_assert_uint_eq(f->length, len);
}

static void assert_explain_has(const char *name, const char *text)
{
	const struct field *f = field_nth(&pkt, name, 0);
	ck_assert_msg(f != NULL && f->def->explain, "field %s missing or without meaning", name);
	struct strbuf sb;
	sb_init(&sb);
	f->def->explain(&pkt, f, &sb);
	ck_assert_msg(strstr(sb.s, text) != NULL, "%s: \"%s\" lacks \"%s\"", name, sb.s, text);
	sb_free(&sb);
}

static void assert_text(const char *name, const char *want)
{
	const struct field *f = field_nth(&pkt, name, 0);
	ck_assert_msg(f != NULL, "field %s missing", name);
	struct strbuf sb;
	sb_init(&sb);
	field_value_text(&pkt, f, &sb);
	ck_assert_str_eq(sb.s, want);
	sb_free(&sb);
}

/* Decodes hex with decode_udp at off, the IP layer's part given by ctx. */
static void decode_udp_hex(const char *hex, uint32_t off, const struct decode_ctx *ctx)
{
	size_t n = hex_bytes(hex, raw, sizeof(raw));
	packet_reset(&pkt, raw, n, LINK_UNKNOWN);
	decode_udp(&pkt, off, (uint32_t)n, ctx);
}

/* An IPv6 pseudo-header at byte 0: ::1 -> ::1, payload length plen. */
static struct decode_ctx ipv6_ctx(uint32_t plen)
{
	struct decode_ctx ctx = {0};
	ctx.ph.family = 6;
	ctx.ph.src_off = 8;
	ctx.ph.dst_off = 24;
	ctx.ph.length = plen;
	ctx.ph.proto = 17;
	return ctx;
}

/* ---- fields ---- */

START_TEST(udp_dns_query_fields)
{
	decode_hex(&pkt, LINK_IPV4, DNS_QUERY);
	ck_assert_field_eq(&pkt, "udp.srcport", 53411);
	ck_assert_field_eq(&pkt, "udp.dstport", 53);
	ck_assert_field_eq(&pkt, "udp.length", 37);
	ck_assert_field_eq(&pkt, "udp.checksum", 0x46fc);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0x46fc);
	assert_span("udp.srcport", 20, 2);
	assert_span("udp.dstport", 22, 2);
	assert_span("udp.length", 24, 2);
	assert_span("udp.checksum", 26, 2);
	assert_span("udp.payload", 28, 29);
	assert_text("udp.checksum.status", "good");
	ck_assert_int_eq(pkt.nproblems, 0);
	ck_assert(pkt.has_payload);
	ck_assert_uint_eq(pkt.payload_offset, 28);
	ck_assert_uint_eq(pkt.payload_length, 29);
	ck_assert_no_field(&pkt, "data.data");
}
END_TEST

START_TEST(udp_explains_length_and_ports)
{
	decode_hex(&pkt, LINK_IPV4, DNS_QUERY);
	assert_explain_has("udp.length", "header 8 + 29 data");
	assert_explain_has("udp.length", "✓");
	assert_explain_has("udp.dstport", "53 (domain)");
	assert_explain_has("udp.checksum", "recomputed 0x46fc");
	assert_explain_has("udp.checksum", "IPv4 pseudo-header");
}
END_TEST

START_TEST(udp_source_port_zero)
{
	/* source port 0 adds 0 to the sum: the checksum is unchanged only if
	 * 0xd0a3 is taken out, 0x46fc + 0xd0a3 = 0x1179f -> 0x17a0 */
	decode_hex(&pkt, LINK_IPV4, DNS_IP "0000 0035 0025 17a0" DNS_UDP_REST);
	ck_assert_field_eq(&pkt, "udp.srcport", 0);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	assert_explain_has("udp.srcport", "expects no reply");
}
END_TEST

START_TEST(udp_traceroute_port_noted)
{
	/* 33435 is the first traceroute probe: hop 1, probe 1 */
	decode_udp_hex("afca829b0028ebf6", 0, &(struct decode_ctx){0});
	ck_assert(has_problem(&pkt, "udp.possible_traceroute"));
}
END_TEST

/* ---- checksum over IPv4 ---- */

START_TEST(udp_checksum_zero_over_ipv4_is_not_present)
{
	decode_hex(&pkt, LINK_IPV4, ZERO_CKSUM);
	ck_assert_field_eq(&pkt, "udp.checksum", 0);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_NOT_PRESENT);
	assert_text("udp.checksum.status", "not present");
	ck_assert_no_field(&pkt, "udp.checksum_calculated");
	ck_assert(!has_problem(&pkt, "udp.checksum.zero"));
	assert_explain_has("udp.checksum", "0 means the sender did not compute one: allowed over "
					   "IPv4 (RFC 768), forbidden over IPv6 (RFC 8200 8.1)");
	assert_span("udp.payload", 28, 11);
}
END_TEST

START_TEST(udp_checksum_good_over_ipv4)
{
	decode_hex(&pkt, LINK_IPV4, GOOD_IP "9ca5b79b0015836e" GOOD_REST);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0x836e);
	assert_span("udp.payload", 28, 13);
}
END_TEST

START_TEST(udp_checksum_bad_over_ipv4)
{
	decode_hex(&pkt, LINK_IPV4, GOOD_IP "9ca5b79b00151234" GOOD_REST);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_BAD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0x836e);
	ck_assert(has_problem(&pkt, "udp.checksum.bad"));
	ck_assert(!has_problem(&pkt, "udp.checksum.offload"));
	assert_explain_has("udp.checksum", "should be 0x836e");
}
END_TEST

START_TEST(udp_checksum_offload_pattern)
{
	/* pseudo-header sum: 7f00+0001+7f00+0001+0011+000a = 0xfe1d */
	decode_hex(&pkt, LINK_IPV4, LOOP_IP_30 "ea62b9f2000afe1d6265");
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_BAD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0xfb1c);
	ck_assert(has_problem(&pkt, "udp.checksum.offload"));
	ck_assert(!has_problem(&pkt, "udp.checksum.bad"));
	assert_explain_has("udp.checksum", "offload");
}
END_TEST

START_TEST(udp_first_fragment_cannot_be_verified)
{
	decode_hex(&pkt, LINK_IPV4, FIRST_FRAGMENT);
	ck_assert_field_eq(&pkt, "udp.length", 80);
	ck_assert_field_eq(&pkt, "udp.checksum", 0xd2eb);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_UNVERIFIED);
	ck_assert_no_field(&pkt, "udp.checksum_calculated");
	ck_assert(!has_problem(&pkt, "udp.length.bad"));
	assert_span("udp.payload", 28, 16);
	assert_explain_has("udp.checksum", "fragment");
	assert_explain_has("udp.length", "carries 24");
}
END_TEST

START_TEST(udp_cut_payload_is_unverified)
{
	decode_hex(&pkt, LINK_IPV4, CUT_PAYLOAD);
	ck_assert_field_eq(&pkt, "udp.length", 34);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_UNVERIFIED);
	ck_assert_no_field(&pkt, "udp.checksum_calculated");
	assert_span("udp.payload", 28, 12);
	assert_explain_has("udp.checksum", "capture stops after 20 of the datagram's 34 bytes");
}
END_TEST

START_TEST(udp_padding_is_not_payload)
{
	decode_hex(&pkt, LINK_ETHER, ETH_PADDED);
	ck_assert_field_eq(&pkt, "udp.length", 10);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0x7326);
	assert_span("udp.payload", 42, 2);
	ck_assert(!has_problem(&pkt, "udp.length.trailing"));
}
END_TEST

/* ---- length ---- */

START_TEST(udp_length_below_eight)
{
	decode_hex(&pkt, LINK_IPV4, DNS_IP "d0a30035000746fc" DNS_UDP_REST);
	ck_assert_field_eq(&pkt, "udp.length", 7);
	ck_assert(has_problem(&pkt, "udp.length.bad"));
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_UNVERIFIED);
	ck_assert_no_field(&pkt, "udp.payload");
	assert_explain_has("udp.length", "less than the 8 bytes");
}
END_TEST

START_TEST(udp_length_beyond_ip_payload)
{
	/* 0x30 = 48 > the 37 bytes IP carries */
	decode_hex(&pkt, LINK_IPV4, DNS_IP "d0a30035003046fc" DNS_UDP_REST);
	ck_assert(has_problem(&pkt, "udp.length.bad"));
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_UNVERIFIED);
	assert_span("udp.payload", 28, 29);
	assert_explain_has("udp.length", "carries only 37");
	assert_explain_has("udp.checksum", "claims more");
	for (size_t i = 0; i < pkt.nproblems; i++)
		if (strcmp(pkt.problems[i].id, "udp.length.bad") == 0)
			ck_assert_int_eq(pkt.problems[i].severity, SEV_ERROR);
}
END_TEST

START_TEST(udp_length_short_of_ip_payload)
{
	/* IP total length 30 -> 32 (checksum 0x7bcb - 2 = 0x7bc9), two bytes
	 * appended: the 10-byte datagram and its checksum are unchanged */
	decode_hex(&pkt, LINK_IPV4, "45000020010200004011 7bc9 7f0000017f000001" LOOP_UDP "abcd");
	ck_assert_field_eq(&pkt, "ip.checksum.status", ST_GOOD);
	ck_assert(has_problem(&pkt, "udp.length.trailing"));
	ck_assert(!has_problem(&pkt, "udp.length.bad"));
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0xfb1c);
	/* the data ends with the UDP length (RFC 768); tshark's udp.payload
	 * runs on to the end of the IP payload (ripv2-invalid-length: 164
	 * bytes for a length of 168), so hexplain's data has its own name */
	ck_assert_no_field(&pkt, "udp.payload");
	assert_span("hexplain.udp.payload", 28, 2);
	assert_explain_has("hexplain.udp.payload", "2 bytes more");
	assert_explain_has("udp.length", "the last 2 belong to no datagram");
}
END_TEST

START_TEST(udp_header_cut_at_five_bytes)
{
	decode_hex(&pkt, LINK_IPV4, DNS_IP "d0a3003500");
	ck_assert_field_eq(&pkt, "udp.srcport", 53411);
	ck_assert_field_eq(&pkt, "udp.dstport", 53);
	ck_assert_no_field(&pkt, "udp.length");
	ck_assert_no_field(&pkt, "udp.checksum");
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_UNVERIFIED);
	ck_assert(has_problem(&pkt, "capture.truncated"));
	ck_assert_str_eq(pkt.layers[pkt.nlayers - 1].proto, "udp");
	ck_assert(pkt.layers[pkt.nlayers - 1].truncated);
	ck_assert_uint_eq(pkt.layers[pkt.nlayers - 1].length, 5);
}
END_TEST

/* ---- over IPv6 ---- */

START_TEST(udp_checksum_good_over_ipv6)
{
	struct decode_ctx ctx = ipv6_ctx(19);
	decode_udp_hex(V6_HDR "ea61b9f100134496" V6_REST, 40, &ctx);
	ck_assert_field_eq(&pkt, "udp.srcport", 60001);
	ck_assert_field_eq(&pkt, "udp.dstport", 47601);
	ck_assert_field_eq(&pkt, "udp.length", 19);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0x4496);
	assert_span("udp.payload", 48, 11);
}
END_TEST

START_TEST(udp_checksum_bad_over_ipv6)
{
	struct decode_ctx ctx = ipv6_ctx(19);
	decode_udp_hex(V6_HDR "ea61b9f100134497" V6_REST, 40, &ctx);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_BAD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0x4496);
	ck_assert(has_problem(&pkt, "udp.checksum.bad"));
}
END_TEST

START_TEST(udp_checksum_zero_over_ipv6_is_illegal)
{
	struct decode_ctx ctx = ipv6_ctx(19);
	decode_udp_hex(V6_HDR "ea61b9f100130000" V6_REST, 40, &ctx);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_ILLEGAL);
	assert_text("udp.checksum.status", "illegal");
	ck_assert_no_field(&pkt, "udp.checksum_calculated");
	ck_assert(has_problem(&pkt, "udp.checksum.zero"));
	assert_explain_has("udp.checksum", "forbidden over IPv6");
}
END_TEST

START_TEST(udp_length_zero_over_ipv6_is_no_jumbogram)
{
	struct decode_ctx ctx = ipv6_ctx(19);
	/* the header's length no longer adds 0x13: 0x4496 + 0x13 = 0x44a9 */
	decode_udp_hex(V6_HDR "ea61b9f1000044a9" V6_REST, 40, &ctx);
	ck_assert(has_problem(&pkt, "udp.length.bad_zero"));
	ck_assert(!has_problem(&pkt, "udp.length.bad"));
	/* the datagram is taken as the 19 bytes IPv6 carries (RFC 2675 §4) */
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
}
END_TEST

/* ---- quoted in ICMP errors ---- */

START_TEST(udp_quoted_whole_datagram_is_verified)
{
	struct decode_ctx ctx = {.quoted = true};
	size_t n = hex_bytes(ICMP_QUOTES_ALL, raw, sizeof(raw));
	packet_reset(&pkt, raw, n, LINK_IPV4);
	decode_ipv4(&pkt, 28, (uint32_t)n, &ctx);
	ck_assert_str_eq(pkt.layers[pkt.nlayers - 1].proto, "udp");
	ck_assert(pkt.layers[pkt.nlayers - 1].quoted);
	ck_assert_field_eq(&pkt, "udp.srcport", 45001);
	ck_assert_field_eq(&pkt, "udp.dstport", 33434);
	ck_assert_field_eq(&pkt, "udp.length", 15);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0xd304);
	assert_span("udp.payload", 56, 7);
	ck_assert(!has_problem(&pkt, "udp.possible_traceroute")); /* 33434 itself is not */
}
END_TEST

START_TEST(udp_quoted_header_only_is_unverified)
{
	struct decode_ctx ctx = {.quoted = true};
	size_t n = hex_bytes(ICMP_QUOTES_HEADER, raw, sizeof(raw));
	packet_reset(&pkt, raw, n, LINK_IPV4);
	decode_ipv4(&pkt, 28, (uint32_t)n, &ctx);
	ck_assert_field_eq(&pkt, "udp.length", 40);
	ck_assert_field_eq(&pkt, "udp.checksum", 0xebf6);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_UNVERIFIED);
	ck_assert_no_field(&pkt, "udp.checksum_calculated");
	ck_assert_no_field(&pkt, "udp.payload");
	ck_assert(!has_problem(&pkt, "udp.length.bad"));
	ck_assert(has_problem(&pkt, "udp.possible_traceroute"));
	assert_explain_has("udp.checksum", "quotes only 8 of the datagram's 40 bytes");
}
END_TEST

START_TEST(udp_quoted_zero_checksum_over_ipv6_is_not_present)
{
	struct decode_ctx ctx = ipv6_ctx(19);
	ctx.quoted = true;
	decode_udp_hex(V6_HDR "ea61b9f100130000" V6_REST, 40, &ctx);
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_NOT_PRESENT);
	ck_assert(!has_problem(&pkt, "udp.checksum.zero"));
}
END_TEST

/* UDP length 16, all captured, inside an IP payload of 3939 bytes of which
 * 12 are.  RFC 768: the sum covers the pseudo-header and the 16 bytes the
 * length delimits, so it can be checked (here: good).  tshark checks only
 * an IP payload it has whole: cut by a snaplen (lisp_invalid_length), it
 * says "unverified", so hexplain's verdict goes under its own names; when
 * the frame was that short on the wire (ipv4_invalid_total_length: tcpdump
 * "truncated-ip"), tshark takes the payload to end with the frame and
 * checks, and the verdict is under tshark's names, agreeing. */
START_TEST(udp_datagram_whole_in_cut_ip_payload)
{
	decode_hex(&pkt, LINK_IPV4, "45000f77000100004011e771c0000201c000020204d210f6001054ed414243444546474801020304");
	ck_assert_no_field(&pkt, "udp.checksum.status");
	ck_assert_no_field(&pkt, "udp.checksum_calculated");
	ck_assert_field_eq(&pkt, "hexplain.udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "hexplain.udp.checksum_calculated", 0x54ed);
	ck_assert(has_problem(&pkt, "capture.truncated"));

	decode_hex_whole(&pkt, LINK_IPV4, "45000f77000100004011e771c0000201c000020204d210f6001054ed414243444546474801020304");
	ck_assert_field_eq(&pkt, "udp.checksum.status", ST_GOOD);
	ck_assert_field_eq(&pkt, "udp.checksum_calculated", 0x54ed);
	ck_assert_no_field(&pkt, "hexplain.udp.checksum.status");
	ck_assert(has_problem(&pkt, "ip.len.beyond"));
}
END_TEST

START_TEST(udp_quoted_header_cut)
{
	struct decode_ctx ctx = {.quoted = true};
	decode_udp_hex("afca829b", 0, &ctx);
	ck_assert_field_eq(&pkt, "udp.dstport", 33435);
	ck_assert_no_field(&pkt, "udp.length");
	ck_assert(has_problem(&pkt, "udp.quoted_cut"));
	ck_assert(!has_problem(&pkt, "capture.truncated"));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("udp");
	TCase *fields = tcase_create("fields");
	tcase_add_checked_fixture(fields, setup, teardown);
	tcase_add_test(fields, udp_dns_query_fields);
	tcase_add_test(fields, udp_explains_length_and_ports);
	tcase_add_test(fields, udp_source_port_zero);
	tcase_add_test(fields, udp_traceroute_port_noted);
	suite_add_tcase(s, fields);

	TCase *v4 = tcase_create("checksum_ipv4");
	tcase_add_checked_fixture(v4, setup, teardown);
	tcase_add_test(v4, udp_checksum_zero_over_ipv4_is_not_present);
	tcase_add_test(v4, udp_checksum_good_over_ipv4);
	tcase_add_test(v4, udp_checksum_bad_over_ipv4);
	tcase_add_test(v4, udp_checksum_offload_pattern);
	tcase_add_test(v4, udp_first_fragment_cannot_be_verified);
	tcase_add_test(v4, udp_cut_payload_is_unverified);
	tcase_add_test(v4, udp_padding_is_not_payload);
	suite_add_tcase(s, v4);

	TCase *length = tcase_create("length");
	tcase_add_checked_fixture(length, setup, teardown);
	tcase_add_test(length, udp_length_below_eight);
	tcase_add_test(length, udp_length_beyond_ip_payload);
	tcase_add_test(length, udp_length_short_of_ip_payload);
	tcase_add_test(length, udp_header_cut_at_five_bytes);
	suite_add_tcase(s, length);

	TCase *v6 = tcase_create("checksum_ipv6");
	tcase_add_checked_fixture(v6, setup, teardown);
	tcase_add_test(v6, udp_checksum_good_over_ipv6);
	tcase_add_test(v6, udp_checksum_bad_over_ipv6);
	tcase_add_test(v6, udp_checksum_zero_over_ipv6_is_illegal);
	tcase_add_test(v6, udp_length_zero_over_ipv6_is_no_jumbogram);
	suite_add_tcase(s, v6);

	TCase *quoted = tcase_create("quoted");
	tcase_add_checked_fixture(quoted, setup, teardown);
	tcase_add_test(quoted, udp_quoted_whole_datagram_is_verified);
	tcase_add_test(quoted, udp_quoted_header_only_is_unverified);
	tcase_add_test(quoted, udp_quoted_zero_checksum_over_ipv6_is_not_present);
	tcase_add_test(quoted, udp_quoted_header_cut);
	tcase_add_test(quoted, udp_datagram_whole_in_cut_ip_payload);
	suite_add_tcase(s, quoted);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
