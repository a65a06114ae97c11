/* check_arp.c - the ARP decoder: fields, the kinds of request and reply, odd sizes, cuts.
 *
 * Byte strings are the arp case of the corpus (values from tshark's oracle)
 * or built by hand from RFC 826 and RFC 5227 (values in the comments).
 */
#include <string.h>

#include "check_util.h"
#include "core/strbuf.h"
#include "decode/decode.h"
#include "render/render.h"

static struct packet pkt;

static void setup(void)
{
	packet_init(&pkt);
}

static void teardown(void)
{
	packet_free(&pkt);
}

/* arp frame 1 as tcpdump -x prints it: who has 192.0.2.1? tell 192.0.2.10 */
#define REQUEST "0001 0800 06 04 0001 02005e00530a c000020a 000000000000 c0000201"
/* arp frame 2 as tcpdump -xx prints it: 192.0.2.1 is at 02:00:5e:00:53:14 */
#define REPLY_FRAME                                                                       \
	"02005e00530a 02005e005314 0806"                                                     \
	"0001 0800 06 04 0002 02005e005314 c0000201 02005e00530a c000020a"

static void assert_text(const char *name, int idx, const char *want)
{
	const struct field *f = field_nth(&pkt, name, idx);
	ck_assert_msg(f != NULL, "field %s #%d missing", name, idx);
	struct strbuf sb;
	sb_init(&sb);
	field_value_text(&pkt, f, &sb);
	ck_assert_str_eq(sb.s, want);
	sb_free(&sb);
}

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

static void assert_no_kind(void)
{
	ck_assert_no_field(&pkt, "arp.isgratuitous");
	ck_assert_no_field(&pkt, "arp.isprobe");
	ck_assert_no_field(&pkt, "arp.isannouncement");
}

START_TEST(arp_request_fields)
{
	decode_hex(&pkt, LINK_ARP, REQUEST);
	ck_assert_uint_eq(pkt.nlayers, 1);
	ck_assert_str_eq(pkt.layers[0].proto, "arp");
	ck_assert_uint_eq(pkt.layers[0].length, 28);
	ck_assert_field_eq(&pkt, "arp.hw.type", 1);
	ck_assert_field_eq(&pkt, "arp.proto.type", 0x0800);
	ck_assert_field_eq(&pkt, "arp.hw.size", 6);
	ck_assert_field_eq(&pkt, "arp.proto.size", 4);
	ck_assert_field_eq(&pkt, "arp.opcode", 1);
	assert_text("arp.src.hw_mac", 0, "02:00:5e:00:53:0a");
	assert_text("arp.src.proto_ipv4", 0, "192.0.2.10");
	assert_text("arp.dst.hw_mac", 0, "00:00:00:00:00:00");
	assert_text("arp.dst.proto_ipv4", 0, "192.0.2.1");
	assert_span("arp.src.hw_mac", 8, 6);
	assert_span("arp.src.proto_ipv4", 14, 4);
	assert_span("arp.dst.hw_mac", 18, 6);
	assert_span("arp.dst.proto_ipv4", 24, 4);
	assert_no_kind();
	ck_assert_int_eq(pkt.nproblems, 0);
}
END_TEST

START_TEST(arp_request_explained)
{
	decode_hex(&pkt, LINK_ARP, REQUEST);
	assert_explain_has("arp.opcode", "who has 192.0.2.1? tell 192.0.2.10");
	assert_explain_has("arp.proto.size", "8 + 2 × 6 + 2 × 4 = 28 bytes");
	assert_explain_has("arp.dst.hw_mac", "what the request asks for");
	assert_explain_has("arp.hw.type", "Ethernet");
}
END_TEST

START_TEST(arp_reply_in_ethernet)
{
	decode_hex(&pkt, LINK_ETHER, REPLY_FRAME);
	ck_assert_uint_eq(pkt.nlayers, 2);
	ck_assert_str_eq(pkt.layers[1].proto, "arp");
	ck_assert_field_eq(&pkt, "eth.type", 0x0806);
	ck_assert_field_eq(&pkt, "arp.opcode", 2);
	assert_text("arp.src.hw_mac", 0, "02:00:5e:00:53:14");
	assert_text("arp.src.proto_ipv4", 0, "192.0.2.1");
	assert_text("arp.dst.hw_mac", 0, "02:00:5e:00:53:0a");
	assert_text("arp.dst.proto_ipv4", 0, "192.0.2.10");
	assert_span("arp.src.hw_mac", 22, 6);
	assert_no_kind();
	assert_explain_has("arp.opcode", "192.0.2.1 is at 02:00:5e:00:53:14");
	ck_assert(!has_problem(&pkt, "arp.src.hw_mac.not_frame_source"));
}
END_TEST

START_TEST(arp_sender_mac_differs_from_frame_source)
{
	/* the frame comes from ...:99, the reply speaks for ...:14 (proxy ARP) */
	decode_hex(&pkt, LINK_ETHER,
		   "02005e00530a 02005e005399 0806"
		   "0001 0800 06 04 0002 02005e005314 c0000201 02005e00530a c000020a");
	ck_assert(has_problem(&pkt, "arp.src.hw_mac.not_frame_source"));
}
END_TEST

START_TEST(arp_gratuitous_request)
{
	/* sender IP = target IP, target MAC broadcast (not zero): no announcement */
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 04 0001 02005e00530a c000020a ffffffffffff c000020a");
	ck_assert_field_eq(&pkt, "arp.isgratuitous", 1);
	ck_assert_no_field(&pkt, "arp.isannouncement");
	ck_assert_no_field(&pkt, "arp.isprobe");
	assert_text("arp.isgratuitous", 0, "1");
	assert_explain_has("arp.opcode", "gratuitous");
}
END_TEST

START_TEST(arp_gratuitous_reply)
{
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 04 0002 02005e00530a c000020a ffffffffffff c000020a");
	ck_assert_field_eq(&pkt, "arp.isgratuitous", 1);
	ck_assert_no_field(&pkt, "arp.isannouncement");
	assert_explain_has("arp.opcode", "gratuitous, unasked: 192.0.2.10 is at 02:00:5e:00:53:0a");
}
END_TEST

START_TEST(arp_announcement)
{
	/* RFC 5227 §2.3: sender IP = target IP, target MAC zero */
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 04 0001 02005e00530a c000020a 000000000000 c000020a");
	ck_assert_field_eq(&pkt, "arp.isgratuitous", 1);
	ck_assert_field_eq(&pkt, "arp.isannouncement", 1);
	ck_assert_no_field(&pkt, "arp.isprobe");
	assert_explain_has("arp.opcode", "ARP announcement");
}
END_TEST

START_TEST(arp_probe)
{
	/* RFC 5227 §2.1.1: sender IP 0.0.0.0, target MAC zero */
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 04 0001 02005e00530a 00000000 000000000000 c0000201");
	ck_assert_field_eq(&pkt, "arp.isprobe", 1);
	ck_assert_no_field(&pkt, "arp.isgratuitous");
	ck_assert_no_field(&pkt, "arp.isannouncement");
	assert_text("arp.src.proto_ipv4", 0, "0.0.0.0");
	assert_explain_has("arp.opcode", "ARP probe");
	assert_explain_has("arp.src.proto_ipv4", "no address yet");
}
END_TEST

START_TEST(arp_reply_from_zero_is_no_probe)
{
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 04 0002 02005e00530a 00000000 000000000000 c0000201");
	assert_no_kind();
}
END_TEST

START_TEST(arp_rarp_request)
{
	/* EtherType 0x8035, opcode 3: which IP has 02:00:5e:00:53:0a? */
	decode_hex(&pkt, LINK_ETHER,
		   "ffffffffffff 02005e00530a 8035"
		   "0001 0800 06 04 0003 02005e00530a 00000000 02005e00530a 00000000");
	ck_assert_uint_eq(pkt.nlayers, 2);
	ck_assert_str_eq(pkt.layers[1].proto, "arp");
	ck_assert_str_eq(pkt.layers[1].title, "RARP message");
	ck_assert_field_eq(&pkt, "arp.opcode", 3);
	assert_text("arp.dst.hw_mac", 0, "02:00:5e:00:53:0a");
	assert_no_kind();
	assert_explain_has("arp.opcode", "which protocol address has 02:00:5e:00:53:0a?");
}
END_TEST

START_TEST(arp_inverse_reply)
{
	decode_hex(&pkt, LINK_ARP, "000f 0800 02 04 0009 0064 c0000201 00c8 c000020a");
	ck_assert_field_eq(&pkt, "arp.opcode", 9);
	ck_assert_str_eq(pkt.layers[0].title, "InARP message");
	/* hardware type 15 (Frame Relay) with 2-byte DLCIs: raw bytes */
	assert_text("arp.src.hw", 0, "00:64");
	assert_text("arp.dst.hw", 0, "00:c8");
	assert_text("arp.src.proto_ipv4", 0, "192.0.2.1");
	ck_assert_no_field(&pkt, "arp.src.hw_mac");
	ck_assert_uint_eq(pkt.layers[0].length, 8 + 2 * 2 + 2 * 4);
}
END_TEST

START_TEST(arp_non_ethernet_sizes)
{
	/* Ethernet hardware type but 8-byte addresses; IPv6 protocol addresses */
	decode_hex(&pkt, LINK_ARP,
		   "0001 86dd 08 10 0001 0102030405060708 20010db8000000000000000000000001"
		   "0000000000000000 20010db8000000000000000000000002");
	ck_assert_field_eq(&pkt, "arp.hw.size", 8);
	ck_assert_field_eq(&pkt, "arp.proto.size", 16);
	ck_assert_no_field(&pkt, "arp.src.hw_mac");
	ck_assert_no_field(&pkt, "arp.src.proto_ipv4");
	assert_text("arp.src.hw", 0, "01:02:03:04:05:06:07:08");
	assert_span("arp.src.hw", 8, 8);
	assert_span("arp.src.proto", 16, 16);
	assert_span("arp.dst.hw", 32, 8);
	assert_span("arp.dst.proto", 40, 16);
	ck_assert(has_problem(&pkt, "arp.hw.size.unusual"));
	ck_assert(!has_problem(&pkt, "arp.proto.size.unusual"));
	ck_assert_uint_eq(pkt.layers[0].length, 56);
}
END_TEST

START_TEST(arp_ipv4_with_wrong_size)
{
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 03 0001 02005e00530a c00002 000000000000 c00002");
	ck_assert(has_problem(&pkt, "arp.proto.size.unusual"));
	ck_assert_no_field(&pkt, "arp.src.proto_ipv4");
	assert_text("arp.src.proto", 0, "c0:00:02");
}
END_TEST

START_TEST(arp_unknown_opcode)
{
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 04 0063 02005e00530a c000020a 000000000000 c0000201");
	ck_assert_field_eq(&pkt, "arp.opcode", 99);
	ck_assert(has_problem(&pkt, "arp.opcode.unknown"));
	assert_no_kind();
}
END_TEST

START_TEST(arp_cut_inside_addresses)
{
	/* 20 of 28 bytes: the sender's addresses are there, the target MAC is not */
	decode_hex(&pkt, LINK_ARP, "0001 0800 06 04 0001 02005e00530a c000020a 0000");
	ck_assert_field_eq(&pkt, "arp.opcode", 1);
	assert_text("arp.src.hw_mac", 0, "02:00:5e:00:53:0a");
	assert_text("arp.src.proto_ipv4", 0, "192.0.2.10");
	ck_assert_no_field(&pkt, "arp.dst.hw_mac");
	ck_assert_no_field(&pkt, "arp.dst.proto_ipv4");
	ck_assert(pkt.layers[0].truncated);
	ck_assert_uint_eq(pkt.layers[0].length, 20);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

START_TEST(arp_cut_inside_fixed_part)
{
	decode_hex(&pkt, LINK_ARP, "0001 0800 06");
	ck_assert_field_eq(&pkt, "arp.hw.type", 1);
	ck_assert_field_eq(&pkt, "arp.proto.type", 0x0800);
	ck_assert_field_eq(&pkt, "arp.hw.size", 6);
	ck_assert_no_field(&pkt, "arp.proto.size");
	ck_assert_no_field(&pkt, "arp.opcode");
	ck_assert(pkt.layers[0].truncated);
	ck_assert(has_problem(&pkt, "capture.truncated"));
}
END_TEST

START_TEST(arp_bare_dump_with_padding)
{
	/* tcpdump -x of a 60-byte frame: 28 bytes of ARP, 18 of padding */
	decode_hex(&pkt, LINK_ARP, REQUEST "000000000000000000000000000000000000");
	ck_assert_uint_eq(pkt.layers[0].length, 28);
	ck_assert(has_problem(&pkt, "arp.trailing_bytes"));
	ck_assert_int_eq(field_count(&pkt, "arp.dst.proto_ipv4"), 1);
}
END_TEST

START_TEST(arp_link_type_name)
{
	ck_assert_int_eq(link_type_parse("arp"), LINK_ARP);
	ck_assert_str_eq(link_type_name(LINK_ARP), "arp");
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("arp");
	TCase *fields = tcase_create("fields");
	tcase_add_checked_fixture(fields, setup, teardown);
	tcase_add_test(fields, arp_request_fields);
	tcase_add_test(fields, arp_request_explained);
	tcase_add_test(fields, arp_reply_in_ethernet);
	tcase_add_test(fields, arp_sender_mac_differs_from_frame_source);
	tcase_add_test(fields, arp_link_type_name);
	suite_add_tcase(s, fields);

	TCase *kinds = tcase_create("kinds");
	tcase_add_checked_fixture(kinds, setup, teardown);
	tcase_add_test(kinds, arp_gratuitous_request);
	tcase_add_test(kinds, arp_gratuitous_reply);
	tcase_add_test(kinds, arp_announcement);
	tcase_add_test(kinds, arp_probe);
	tcase_add_test(kinds, arp_reply_from_zero_is_no_probe);
	tcase_add_test(kinds, arp_rarp_request);
	tcase_add_test(kinds, arp_inverse_reply);
	tcase_add_test(kinds, arp_unknown_opcode);
	suite_add_tcase(s, kinds);

	TCase *odd = tcase_create("sizes_and_cuts");
	tcase_add_checked_fixture(odd, setup, teardown);
	tcase_add_test(odd, arp_non_ethernet_sizes);
	tcase_add_test(odd, arp_ipv4_with_wrong_size);
	tcase_add_test(odd, arp_cut_inside_addresses);
	tcase_add_test(odd, arp_cut_inside_fixed_part);
	tcase_add_test(odd, arp_bare_dump_with_padding);
	suite_add_tcase(s, odd);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
