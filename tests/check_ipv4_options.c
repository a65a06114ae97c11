/* check_ipv4_options.c - the IPv4 options decoder (src/decode/ipv4_options.c).
 *
 * The corpus packets are ipv4-options.x.txt (tshark 4.0's values in
 * ipv4-options.oracle.jsonl); the hand-made ones were checked against
 * tshark 4.0 where tshark shows them. */
#include <stdio.h>
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

/* The dotted quad of the idx-th field called name. */
#define addr_of(name, idx) field_text_at(&pkt, (name), (idx))

#define nth(name, idx) field_value_at(&pkt, (name), (idx))

/* No problem about the options (the hand-made datagrams carry no UDP
 * header, which the UDP decoder may remark on). */
static void assert_no_option_problem(void)
{
	for (size_t i = 0; i < pkt.nproblems; i++)
		ck_assert_msg(strncmp(pkt.problems[i].id, "ip.option", 9) != 0,
			      "unexpected problem %s", pkt.problems[i].id);
}

/* ---- the corpus ---------------------------------------------------------- */

START_TEST(record_route_then_eol)
{
	decode_hex(&pkt, LINK_RAW,
		   "4900 0038 5001 0000 4011 9174 c000 0232 c000 023c 070f 08c0 0002 0100 0000"
		   "0000 0000 0000 80e8 270f 0014 86d9 7265 636f 7264 2072 6f75 7465");
	ck_assert_int_eq(field_count(&pkt, "ip.options.record_route"), 1);
	ck_assert_uint_eq(field_nth(&pkt, "ip.options.record_route", 0)->length, 15);
	ck_assert_int_eq(field_count(&pkt, "ip.opt.type"), 2);
	ck_assert_uint_eq(nth("ip.opt.type", 0), 7);
	ck_assert_uint_eq(nth("ip.opt.type", 1), 0);
	ck_assert_uint_eq(nth("ip.opt.type.copy", 0), 0);
	ck_assert_uint_eq(nth("ip.opt.type.class", 0), 0);
	ck_assert_uint_eq(nth("ip.opt.type.number", 0), 7);
	ck_assert_field_eq(&pkt, "ip.opt.len", 15);
	ck_assert_field_eq(&pkt, "ip.opt.ptr", 8);
	ck_assert_int_eq(field_count(&pkt, "ip.rec_rt"), 1);
	ck_assert_str_eq(addr_of("ip.rec_rt", 0), "192.0.2.1");
	ck_assert_int_eq(field_count(&pkt, "ip.empty_rt"), 2);
	ck_assert_str_eq(addr_of("ip.empty_rt", 1), "0.0.0.0");
	ck_assert_int_eq(field_count(&pkt, "ip.options.eol"), 1);
	ck_assert_no_field(&pkt, "hexplain.ip.options.padding");
	ck_assert_uint_eq(pkt.nproblems, 0);
}
END_TEST

START_TEST(timestamp_only)
{
	decode_hex(&pkt, LINK_RAW,
		   "4700 002d 5002 0000 4001 5351 c000 0232 c000 023c 4408 0900 0102 0304 0800"
		   "1734 0404 0001 7473 206f 7074 696f 6e");
	ck_assert_field_eq(&pkt, "ip.opt.type", 68);
	ck_assert_field_eq(&pkt, "ip.opt.type.copy", 0);
	ck_assert_field_eq(&pkt, "ip.opt.type.class", 2);
	ck_assert_field_eq(&pkt, "ip.opt.type.number", 4);
	ck_assert_field_eq(&pkt, "ip.opt.len", 8);
	ck_assert_field_eq(&pkt, "ip.opt.ptr", 9);
	ck_assert_field_eq(&pkt, "ip.opt.overflow", 0);
	ck_assert_field_eq(&pkt, "ip.opt.flag", 0);
	ck_assert_int_eq(field_count(&pkt, "ip.opt.time_stamp"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.time_stamp", 16909060);
	ck_assert_no_field(&pkt, "ip.opt.time_stamp_addr");
	ck_assert_uint_eq(pkt.nproblems, 0);
}
END_TEST

START_TEST(router_alert)
{
	decode_hex(&pkt, LINK_RAW,
		   "4600 002c 5003 4000 4006 d155 c000 0232 c000 023c 9404 0000 80e9 0050 0000"
		   "1092 0000 0000 5002 0400 95a8 0000");
	ck_assert_int_eq(field_count(&pkt, "ip.options.routeralert"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.type", 148);
	ck_assert_field_eq(&pkt, "ip.opt.type.copy", 1);
	ck_assert_field_eq(&pkt, "ip.opt.type.class", 0);
	ck_assert_field_eq(&pkt, "ip.opt.type.number", 20);
	ck_assert_field_eq(&pkt, "ip.opt.len", 4);
	ck_assert_field_eq(&pkt, "ip.opt.ra", 0);
	/* the TCP header after the options is still found */
	ck_assert_field_eq(&pkt, "tcp.srcport", 33001);
}
END_TEST

START_TEST(nop_ra_nop_eol_padding)
{
	decode_hex(&pkt, LINK_RAW,
		   "4700 002a 5004 0000 4011 9ebb c000 0232 c000 023c 0194 0400 0001 0000 80ea"
		   "b79a 000e 08b4 7061 6464 6564");
	ck_assert_int_eq(field_count(&pkt, "ip.options.nop"), 2);
	ck_assert_int_eq(field_count(&pkt, "ip.opt.type"), 4);
	ck_assert_uint_eq(nth("ip.opt.type", 0), 1);
	ck_assert_uint_eq(nth("ip.opt.type", 1), 148);
	ck_assert_uint_eq(nth("ip.opt.type", 2), 1);
	ck_assert_uint_eq(nth("ip.opt.type", 3), 0);
	ck_assert_int_eq(field_count(&pkt, "ip.opt.len"), 1);
	ck_assert_int_eq(field_count(&pkt, "ip.options.eol"), 1);
	/* one zero byte after the EOL: padding, not another option */
	ck_assert_int_eq(field_count(&pkt, "hexplain.ip.options.padding"), 1);
	ck_assert_uint_eq(field_nth(&pkt, "hexplain.ip.options.padding", 0)->length, 1);
	ck_assert_int_eq(has_problem(&pkt, "ip.option.padding.nonzero"), 0);
}
END_TEST

START_TEST(rr_and_timestamp_overflow)
{
	decode_hex(&pkt, LINK_RAW,
		   "4d00 003c 5005 0000 0311 f7fb c000 0232 c000 023c 0107 130c c000 0201 c000"
		   "0202 0000 0000 0000 0000 4408 0520 0000 0000 0101 0101 80eb 829a 0008 77e9");
	ck_assert_int_eq(field_count(&pkt, "ip.options.nop"), 5);
	ck_assert_int_eq(field_count(&pkt, "ip.opt.type"), 7);
	ck_assert_uint_eq(nth("ip.opt.len", 0), 19);
	ck_assert_uint_eq(nth("ip.opt.len", 1), 8);
	ck_assert_uint_eq(nth("ip.opt.ptr", 0), 12);
	ck_assert_uint_eq(nth("ip.opt.ptr", 1), 5);
	ck_assert_int_eq(field_count(&pkt, "ip.rec_rt"), 2);
	ck_assert_str_eq(addr_of("ip.rec_rt", 1), "192.0.2.2");
	ck_assert_int_eq(field_count(&pkt, "ip.empty_rt"), 2);
	ck_assert_field_eq(&pkt, "ip.opt.overflow", 2);
	ck_assert_field_eq(&pkt, "ip.opt.flag", 0);
	/* tshark lists every slot, filled or not */
	ck_assert_int_eq(field_count(&pkt, "ip.opt.time_stamp"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.time_stamp", 0);
	ck_assert_uint_eq(pkt.nproblems, 0);
}
END_TEST

/* ---- hand-made kinds --------------------------------------------------- */

START_TEST(loose_source_route_under_way)
{
	/* LSRR 192.0.2.1, .2, .3, pointer 8: .1 visited, .2 next, .3 the end */
	decode_hex(&pkt, LINK_RAW,
		   "4900 0024 1234 0000 4011 4cd1 c000 0232 c000 023c 830f 08c0 0002 01c0 0002"
		   "02c0 0002 0300");
	ck_assert_int_eq(field_count(&pkt, "ip.options.route"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.type", 131);
	ck_assert_field_eq(&pkt, "ip.opt.type.copy", 1);
	ck_assert_field_eq(&pkt, "ip.opt.type.number", 3);
	ck_assert_field_eq(&pkt, "ip.opt.ptr", 8);
	ck_assert_int_eq(field_count(&pkt, "ip.rec_rt"), 1);
	ck_assert_str_eq(addr_of("ip.rec_rt", 0), "192.0.2.1");
	ck_assert_int_eq(field_count(&pkt, "ip.src_rt"), 1);
	ck_assert_str_eq(addr_of("ip.src_rt", 0), "192.0.2.2");
	/* like tshark: the header's destination is the current hop, the
	 * route's last address the destination */
	ck_assert_int_eq(field_count(&pkt, "ip.dst"), 1);
	ck_assert_str_eq(addr_of("ip.dst", 0), "192.0.2.3");
	ck_assert_int_eq(field_count(&pkt, "ip.cur_rt"), 1);
	ck_assert_str_eq(addr_of("ip.cur_rt", 0), "192.0.2.60");
	assert_no_option_problem();
}
END_TEST

START_TEST(loose_source_route_complete)
{
	decode_hex(&pkt, LINK_RAW,
		   "4900 0024 1234 0000 4011 44d1 c000 0232 c000 023c 830f 10c0 0002 01c0 0002"
		   "02c0 0002 0300");
	ck_assert_int_eq(field_count(&pkt, "ip.rec_rt"), 3);
	ck_assert_no_field(&pkt, "ip.cur_rt");
	ck_assert_int_eq(field_count(&pkt, "ip.dst"), 1);
	ck_assert_str_eq(addr_of("ip.dst", 0), "192.0.2.60");
}
END_TEST

START_TEST(strict_source_route)
{
	decode_hex(&pkt, LINK_RAW,
		   "4800 0020 1234 0000 4011 4f9b c000 0232 c000 023c 890b 04c0 0002 01c0 0002"
		   "0200");
	ck_assert_int_eq(field_count(&pkt, "ip.options.source_route"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.type", 137);
	ck_assert_int_eq(field_count(&pkt, "ip.src_rt"), 1);
	ck_assert_str_eq(addr_of("ip.src_rt", 0), "192.0.2.1");
	ck_assert_str_eq(addr_of("ip.dst", 0), "192.0.2.2");
	ck_assert_str_eq(addr_of("ip.cur_rt", 0), "192.0.2.60");
}
END_TEST

START_TEST(timestamp_with_addresses)
{
	decode_hex(&pkt, LINK_RAW,
		   "4800 0020 1234 0000 4011 cda7 c000 0232 c000 023c 440c 0d11 c000 0201 0000"
		   "0064");
	ck_assert_field_eq(&pkt, "ip.opt.flag", 1);
	ck_assert_field_eq(&pkt, "ip.opt.overflow", 1);
	ck_assert_field_eq(&pkt, "ip.opt.ptr", 13);
	ck_assert_str_eq(addr_of("ip.opt.time_stamp_addr", 0), "192.0.2.1");
	ck_assert_field_eq(&pkt, "ip.opt.time_stamp", 100);
	assert_no_option_problem();
}
END_TEST

START_TEST(timestamp_prespecified)
{
	decode_hex(&pkt, LINK_RAW,
		   "4a00 0028 1234 0000 4011 861d c000 0232 c000 023c 4414 0d03 c000 0201 0000"
		   "03e8 c000 0202 8000 0001");
	ck_assert_field_eq(&pkt, "ip.opt.flag", 3);
	ck_assert_int_eq(field_count(&pkt, "ip.opt.time_stamp_addr"), 2);
	ck_assert_str_eq(addr_of("ip.opt.time_stamp_addr", 1), "192.0.2.2");
	ck_assert_uint_eq(nth("ip.opt.time_stamp", 0), 1000);
	/* high bit: a non-standard time, still shown as the number */
	ck_assert_uint_eq(nth("ip.opt.time_stamp", 1), 0x80000001u);
}
END_TEST

START_TEST(timestamp_flag_undefined)
{
	decode_hex(&pkt, LINK_RAW,
		   "4700 001c 1234 0000 4011 9825 c000 0232 c000 023c 4408 0502 0000 00ff");
	ck_assert_field_eq(&pkt, "ip.opt.flag", 2);
	ck_assert_int_eq(has_problem(&pkt, "ip.option.ts.flag.bad"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.time_stamp", 255);
}
END_TEST

START_TEST(timestamp_pointer_before_first)
{
	decode_hex(&pkt, LINK_RAW,
		   "4700 001c 1234 0000 4011 9b26 c000 0232 c000 023c 4408 0300 0000 0000");
	ck_assert_field_eq(&pkt, "ip.opt.ptr", 3);
	ck_assert_int_eq(has_problem(&pkt, "ip.option.ptr.bad"), 1);
}
END_TEST

START_TEST(stream_id)
{
	decode_hex(&pkt, LINK_RAW, "4600 0018 1234 0000 4011 48fa c000 0232 c000 023c 8804 1234");
	ck_assert_int_eq(field_count(&pkt, "ip.options.sid"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.type", 136);
	ck_assert_field_eq(&pkt, "ip.opt.sid", 0x1234);
	assert_no_option_problem();
}
END_TEST

START_TEST(security_rfc1108)
{
	decode_hex(&pkt, LINK_RAW,
		   "4700 001c 1234 0000 4011 562a c000 0232 c000 023c 8204 0a00 0000 0000");
	ck_assert_int_eq(field_count(&pkt, "ip.options.security"), 1);
	ck_assert_field_eq(&pkt, "ip.opt.type", 130);
	ck_assert_field_eq(&pkt, "ip.opt.sec_cl", 0x0a);
	ck_assert_field_eq(&pkt, "ip.opt.sec_prot_auth_flags", 0);
	ck_assert_field_eq(&pkt, "ip.opt.sec_prot_auth_fti", 0);
	ck_assert_no_field(&pkt, "ip.opt.sec_rfc791_sec");
}
END_TEST

START_TEST(security_rfc791)
{
	decode_hex(&pkt, LINK_RAW,
		   "4800 0020 1234 0000 4011 6de9 c000 0232 c000 023c 820b f135 0000 0000 0000"
		   "0000 0000");
	ck_assert_field_eq(&pkt, "ip.opt.sec_rfc791_sec", 0xf135);
	ck_assert_field_eq(&pkt, "ip.opt.sec_rfc791_comp", 0);
	ck_assert_no_field(&pkt, "ip.opt.sec_cl");
}
END_TEST

START_TEST(unknown_kind_raw)
{
	decode_hex(&pkt, LINK_RAW, "4600 0018 1234 0000 4011 d960 c000 0232 c000 023c 5e04 abcd");
	/* tshark shows no field for a kind it does not know */
	ck_assert_no_field(&pkt, "ip.opt.type");
	ck_assert_no_field(&pkt, "ip.opt.len");
	ck_assert_field_eq(&pkt, "hexplain.ip.opt.type", 0x5e);
	ck_assert_field_eq(&pkt, "hexplain.ip.opt.len", 4);
	ck_assert_uint_eq(field_nth(&pkt, "hexplain.ip.options.unknown", 0)->length, 4);
	ck_assert_int_eq(has_problem(&pkt, "ip.option.unknown"), 1);
	ck_assert_int_eq(pkt.problems[0].severity, SEV_WARNING);
}
END_TEST

static void assert_error(const char *id)
{
	ck_assert_msg(has_problem(&pkt, id), "problem %s missing", id);
	for (size_t i = 0; i < pkt.nproblems; i++)
		if (!strcmp(pkt.problems[i].id, id))
			ck_assert_int_eq(pkt.problems[i].severity, SEV_ERROR);
}

START_TEST(length_zero)
{
	decode_hex(&pkt, LINK_RAW, "4600 0018 1234 0000 4011 dc32 c000 0232 c000 023c 0700 0000");
	assert_error("ip.option.len.bad");
	ck_assert_no_field(&pkt, "ip.opt.type");
	ck_assert_no_field(&pkt, "ip.options.record_route");
	ck_assert_field_eq(&pkt, "hexplain.ip.opt.len", 0);
	/* the walk stops: the zero bytes after it are no EOLs */
	ck_assert_no_field(&pkt, "ip.options.eol");
}
END_TEST

START_TEST(length_one)
{
	decode_hex(&pkt, LINK_RAW,
		   "4700 001c 1234 0000 4011 db2d c000 0232 c000 023c 0701 0000 0000 0000");
	assert_error("ip.option.len.bad");
	ck_assert_field_eq(&pkt, "hexplain.ip.opt.len", 1);
	ck_assert_no_field(&pkt, "ip.options.eol");
}
END_TEST

START_TEST(length_past_the_end)
{
	decode_hex(&pkt, LINK_RAW, "4600 0018 1234 0000 4011 d828 c000 0232 c000 023c 070a 0400");
	assert_error("ip.option.len.beyond");
	ck_assert_no_field(&pkt, "ip.opt.ptr");
	ck_assert_uint_eq(field_nth(&pkt, "hexplain.ip.options.malformed", 0)->length, 4);
}
END_TEST

START_TEST(length_byte_missing)
{
	decode_hex(&pkt, LINK_RAW, "4600 0018 1234 0000 4011 e0d3 c000 0232 c000 023c 0101 015e");
	ck_assert_int_eq(field_count(&pkt, "ip.options.nop"), 3);
	assert_error("ip.option.len.missing");
	ck_assert_field_eq(&pkt, "hexplain.ip.opt.type", 0x5e);
}
END_TEST

START_TEST(router_alert_too_short)
{
	decode_hex(&pkt, LINK_RAW, "4600 0018 1234 0000 4011 4f2f c000 0232 c000 023c 9403 0000");
	assert_error("ip.option.len.bad");
	ck_assert_field_eq(&pkt, "ip.opt.len", 3);
	ck_assert_no_field(&pkt, "ip.opt.ra");
	ck_assert_no_field(&pkt, "ip.options.eol");
}
END_TEST

START_TEST(router_alert_too_long)
{
	/* the length still delimits it: read it and go on, as tshark does */
	decode_hex(&pkt, LINK_RAW,
		   "4700 001c 1234 0000 4011 4e29 c000 0232 c000 023c 9405 0000 0000 0000");
	assert_error("ip.option.len.bad");
	ck_assert_field_eq(&pkt, "ip.opt.ra", 0);
	ck_assert_int_eq(field_count(&pkt, "ip.options.eol"), 1);
}
END_TEST

START_TEST(record_route_pointer_mid_address)
{
	decode_hex(&pkt, LINK_RAW,
		   "4800 0020 1234 0000 4011 d09b c000 0232 c000 023c 070b 05c0 0002 01c0 0002"
		   "0200");
	assert_error("ip.option.ptr.bad");
	ck_assert_no_field(&pkt, "ip.rec_rt");
	ck_assert_no_field(&pkt, "ip.empty_rt");
	ck_assert_int_eq(field_count(&pkt, "hexplain.ip.opt.route_addr"), 2);
}
END_TEST

START_TEST(record_route_partial_slot)
{
	decode_hex(&pkt, LINK_RAW,
		   "4800 0020 1234 0000 4011 d39c c000 0232 c000 023c 070a 04c0 0002 01c0 0002"
		   "0000");
	assert_error("ip.option.len.bad");
	ck_assert_int_eq(field_count(&pkt, "ip.empty_rt"), 1);
	ck_assert_uint_eq(field_nth(&pkt, "hexplain.ip.opt.leftover", 0)->length, 3);
	/* the option's length is still good: the EOL after it is read */
	ck_assert_int_eq(field_count(&pkt, "ip.options.eol"), 1);
}
END_TEST

START_TEST(nonzero_padding_after_eol)
{
	decode_hex(&pkt, LINK_RAW, "4600 0018 1234 0000 4011 e232 c000 0232 c000 023c 0000 0100");
	ck_assert_int_eq(field_count(&pkt, "ip.options.eol"), 1);
	ck_assert_no_field(&pkt, "ip.options.nop");
	ck_assert_int_eq(has_problem(&pkt, "ip.option.padding.nonzero"), 1);
}
END_TEST

START_TEST(options_cut_by_capture)
{
	/* IHL 9 but the capture stops inside the record route option */
	decode_hex(&pkt, LINK_RAW, "4900 0038 5001 0000 4011 9174 c000 0232 c000 023c 070f 08c0");
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 1);
	ck_assert_no_field(&pkt, "ip.rec_rt");
	ck_assert_int_eq(has_problem(&pkt, "ip.option.len.bad"), 0);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("ipv4_options");
	TCase *corpus = tcase_create("corpus");
	tcase_add_checked_fixture(corpus, setup, teardown);
	tcase_add_test(corpus, record_route_then_eol);
	tcase_add_test(corpus, timestamp_only);
	tcase_add_test(corpus, router_alert);
	tcase_add_test(corpus, nop_ra_nop_eol_padding);
	tcase_add_test(corpus, rr_and_timestamp_overflow);
	suite_add_tcase(s, corpus);

	TCase *kinds = tcase_create("kinds");
	tcase_add_checked_fixture(kinds, setup, teardown);
	tcase_add_test(kinds, loose_source_route_under_way);
	tcase_add_test(kinds, loose_source_route_complete);
	tcase_add_test(kinds, strict_source_route);
	tcase_add_test(kinds, timestamp_with_addresses);
	tcase_add_test(kinds, timestamp_prespecified);
	tcase_add_test(kinds, stream_id);
	tcase_add_test(kinds, security_rfc1108);
	tcase_add_test(kinds, security_rfc791);
	tcase_add_test(kinds, unknown_kind_raw);
	suite_add_tcase(s, kinds);

	TCase *bad = tcase_create("malformed");
	tcase_add_checked_fixture(bad, setup, teardown);
	tcase_add_test(bad, length_zero);
	tcase_add_test(bad, length_one);
	tcase_add_test(bad, length_past_the_end);
	tcase_add_test(bad, length_byte_missing);
	tcase_add_test(bad, router_alert_too_short);
	tcase_add_test(bad, router_alert_too_long);
	tcase_add_test(bad, record_route_pointer_mid_address);
	tcase_add_test(bad, record_route_partial_slot);
	tcase_add_test(bad, timestamp_flag_undefined);
	tcase_add_test(bad, timestamp_pointer_before_first);
	tcase_add_test(bad, nonzero_padding_after_eol);
	tcase_add_test(bad, options_cut_by_capture);
	suite_add_tcase(s, bad);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
