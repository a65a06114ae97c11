/* check_tcp_options.c - the TCP options walk: every kind hexplain reads,
 * Wireshark's per-option field multiset, and each way an option's length
 * can be wrong.  Option bytes come from the tcp-options-zoo capture (values
 * from tshark's decode of it) or are built by hand. */
#include "check_util.h"

#include <stdio.h>
#include <string.h>

#include "decode/decode.h"

/* Decodes hex as an options area of area_len bytes (0: as many as given)
 * starting at byte 0, inside a TCP layer. */
static void decode_options_area(struct packet *p, const char *hex, uint32_t area_len)
{
	static uint8_t buf[64];
	size_t n = hex_bytes(hex, buf, sizeof(buf));
	packet_reset(p, buf, n, LINK_UNKNOWN);
	packet_add_layer(p, "tcp", "TCP header", 0, false);
	decode_tcp_options(p, 0, area_len ? area_len : (uint32_t)n);
}

static void decode_options(struct packet *p, const char *hex)
{
	decode_options_area(p, hex, 0);
}

/* The values of every field called name, in order, as a string "2,4,8". */
static const char *values_of(const struct packet *p, const char *name)
{
	static char out[256];
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; field_nth(p, name, i); i++)
		used += (size_t)snprintf(out + used, sizeof(out) - used, i ? ",%llu" : "%llu",
					 (unsigned long long)field_nth(p, name, i)->value);
	return out;
}

static int problem_severity(const struct packet *p, const char *id)
{
	for (size_t i = 0; i < p->nproblems; i++)
		if (p->problems[i].id && !strcmp(p->problems[i].id, id))
			return (int)p->problems[i].severity;
	return -1;
}

/* zoo frame 1, a Linux SYN: mss 1460, sackOK, TS val 2718281 ecr 0, nop,
 * wscale 7.  tshark: kinds 2,4,8,1,3; lengths 4,2,10,3. */
START_TEST(syn_options)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0204 05b4 0402 080a 0029 7a49 0000 0000 0103 0307");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "2,4,8,1,3");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "4,2,10,3");
	ck_assert_field_eq(&p, "tcp.options.mss_val", 1460);
	ck_assert_field_eq(&p, "tcp.options.timestamp.tsval", 2718281);
	ck_assert_field_eq(&p, "tcp.options.timestamp.tsecr", 0);
	ck_assert_field_eq(&p, "tcp.options.wscale.shift", 7);
	ck_assert_field_eq(&p, "tcp.options.wscale.multiplier", 128);
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 1);
	const struct field *f = field_nth(&p, "tcp.options.sack_perm", 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->offset, 4);
	ck_assert_uint_eq(f->length, 2);
	f = field_nth(&p, "tcp.options.wscale", 0);
	ck_assert_uint_eq(f->offset, 17);
	ck_assert_uint_eq(f->length, 3);
	ck_assert_uint_eq(f->depth, 1);
	f = field_nth(&p, "tcp.options.mss_val", 0);
	ck_assert_uint_eq(f->offset, 2);
	ck_assert_uint_eq(f->depth, 2);
	f = field_nth(&p, "tcp.options.timestamp", 0);
	ck_assert_uint_eq(f->offset, 6);
	ck_assert_uint_eq(f->length, 10);
	ck_assert_uint_eq(p.nproblems, 0);
	packet_free(&p);
}
END_TEST

/* The seed: NOP NOP TS val 1557052 ecr 2361237440; NOPs have no length. */
START_TEST(seed_nop_nop_timestamps)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0101 080a 0017 c23c 8cbd 9fc0");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "1,1,8");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "10");
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 2);
	ck_assert_field_eq(&p, "tcp.options.timestamp.tsval", 1557052);
	ck_assert_field_eq(&p, "tcp.options.timestamp.tsecr", 2361237440u);
	packet_free(&p);
}
END_TEST

/* zoo frame 4: SACK with 3 blocks.  tshark shows them relative to the
 * peer's ISN 2703024128 (15381:18141 ...); the wire holds absolute numbers. */
START_TEST(sack_three_blocks_absolute)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0101 080a 0029 7ab7 002f efe0 0101 051a a11d 1c15 a11d 26dd a11d 2c41 "
			   "a11d 31a5 a11d 3709 a11d 3c6d");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "1,1,8,1,1,5");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "10,26");
	ck_assert_field_eq(&p, "tcp.options.sack.count", 3);
	ck_assert_str_eq(values_of(&p, "hexplain.tcp.options.sack_le_raw"),
			 "2703039509,2703043649,2703046409");
	ck_assert_str_eq(values_of(&p, "hexplain.tcp.options.sack_re_raw"),
			 "2703042269,2703045029,2703047789");
	/* 15381 + 2703024128 = 2703039509: the same edge tshark shows */
	ck_assert_no_field(&p, "tcp.options.sack_le");
	ck_assert_no_field(&p, "tcp.options.sack_re");
	const struct field *f = field_nth(&p, "tcp.options.sack", 0);
	ck_assert_uint_eq(f->offset, 14);
	ck_assert_uint_eq(f->length, 26);
	packet_free(&p);
}
END_TEST

/* zoo frame 5: mss, sackOK, TFO cookie 1f2e3d4c5b6a7988, nop, nop, then
 * two zero bytes: tshark shows each as an EOL with kind 0. */
START_TEST(fast_open_cookie_and_eol_padding)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0204 05b4 0402 220a 1f2e 3d4c 5b6a 7988 0101 0000");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "2,4,34,1,1,0,0");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "4,2,10");
	ck_assert_int_eq(field_count(&p, "tcp.options.eol"), 2);
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 2);
	const struct field *f = field_nth(&p, "tcp.options.tfo.cookie", 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->offset, 8);
	ck_assert_uint_eq(f->length, 8);
	ck_assert_no_field(&p, "tcp.options.tfo.request");
	ck_assert_uint_eq(p.nproblems, 0);
	packet_free(&p);
}
END_TEST

START_TEST(fast_open_cookie_request)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "2202 0101");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "2");
	ck_assert_ptr_nonnull(field_nth(&p, "tcp.options.tfo", 0));
	ck_assert_ptr_nonnull(field_nth(&p, "tcp.options.tfo.request", 0));
	ck_assert_no_field(&p, "tcp.options.tfo.cookie");
	packet_free(&p);
}
END_TEST

/* zoo frame 6: BGP's MD5 signature, digest 101112..1f, then nop nop. */
START_TEST(md5_signature)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "1312 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 0101");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "19,1,1");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "18");
	const struct field *f = field_nth(&p, "tcp.options.md5.digest", 0);
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(f->offset, 2);
	ck_assert_uint_eq(f->length, 16);
	packet_free(&p);
}
END_TEST

/* zoo frame 7: mss 1400, kind 253 len 6 ExID 0xdead data beef, EOL EOL. */
START_TEST(experimental_with_exid)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0204 0578 fd06 dead beef 0000");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "2,253,0,0");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "4,6");
	ck_assert_field_eq(&p, "tcp.options.mss_val", 1400);
	ck_assert_field_eq(&p, "tcp.options.experimental.exid", 0xdead);
	const struct field *f = field_nth(&p, "tcp.options.experimental.data", 0);
	ck_assert_uint_eq(f->offset, 8);
	ck_assert_uint_eq(f->length, 2);
	ck_assert_int_eq(field_count(&p, "tcp.options.eol"), 2);
	packet_free(&p);
}
END_TEST

/* RFC 5482: 0x801e = granularity 1 (minutes), 30; 0x012c = seconds, 300. */
START_TEST(user_timeout)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "1c04 801e");
	ck_assert_field_eq(&p, "tcp.options.user_to_granularity", 1);
	ck_assert_field_eq(&p, "tcp.options.user_to_val", 30);
	ck_assert_ptr_nonnull(field_nth(&p, "tcp.options.user_to", 0));
	decode_options(&p, "1c04 012c");
	ck_assert_field_eq(&p, "tcp.options.user_to_granularity", 0);
	ck_assert_field_eq(&p, "tcp.options.user_to_val", 300);
	packet_free(&p);
}
END_TEST

/* RFC 5925: kind 29, length 16, KeyID 5, RNextKeyID 7, a 12-byte MAC. */
START_TEST(tcp_ao)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "1d10 0507 a1a2 a3a4 a5a6 a7a8 a9aa abac");
	ck_assert_field_eq(&p, "tcp.options.ao.keyid", 5);
	ck_assert_field_eq(&p, "tcp.options.ao.rnextkeyid", 7);
	const struct field *f = field_nth(&p, "tcp.options.ao.mac", 0);
	ck_assert_uint_eq(f->offset, 4);
	ck_assert_uint_eq(f->length, 12);
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "16");
	packet_free(&p);
}
END_TEST

/* RFC 8684: the subtype is the high nibble of the third byte. */
START_TEST(mptcp_subtypes)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "1e0c 0081 0102 0304 0506 0708");
	ck_assert_field_eq(&p, "tcp.options.mptcp.subtype", 0); /* MP_CAPABLE */
	/* Wireshark files MPTCP as a protocol of its own, "mptcp" */
	ck_assert_ptr_nonnull(field_nth(&p, "mptcp", 0));
	decode_options(&p, "1e04 2001");
	ck_assert_field_eq(&p, "tcp.options.mptcp.subtype", 2); /* DSS */
	decode_options(&p, "1e08 3001 c000 0201");
	ck_assert_field_eq(&p, "tcp.options.mptcp.subtype", 3); /* ADD_ADDR */
	packet_free(&p);
}
END_TEST

START_TEST(unknown_kind_shown_raw)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "6304 abcd 0101");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "99,1,1");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "4");
	const struct field *f = field_nth(&p, "tcp.options.unknown", 0);
	ck_assert_uint_eq(f->length, 4);
	f = field_nth(&p, "tcp.options.unknown.payload", 0);
	ck_assert_uint_eq(f->offset, 2);
	ck_assert_uint_eq(f->length, 2);
	ck_assert_int_eq(problem_severity(&p, "tcp.option.unknown"), SEV_WARNING);
	packet_free(&p);
}
END_TEST

/* RFC 7323 2.3: a shift over 14 is logged and used as 14. */
START_TEST(wscale_shift_over_fourteen)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0303 0f01");
	ck_assert_field_eq(&p, "tcp.options.wscale.shift", 15);
	ck_assert_field_eq(&p, "tcp.options.wscale.multiplier", 16384);
	ck_assert(has_problem(&p, "tcp.options.wscale.shift.invalid"));
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 1);
	packet_free(&p);
}
END_TEST

/* A length of 0 cannot even cover kind and length: the walk stops. */
START_TEST(length_zero)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0204 05b4 0800 0101");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "2");
	ck_assert_field_eq(&p, "hexplain.tcp.option_kind", 8);
	ck_assert_field_eq(&p, "hexplain.tcp.option_len", 0);
	ck_assert_no_field(&p, "tcp.options.timestamp");
	ck_assert_no_field(&p, "tcp.options.nop");
	ck_assert_int_eq(problem_severity(&p, "tcp.option.len.bad"), SEV_ERROR);
	packet_free(&p);
}
END_TEST

START_TEST(length_one)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0801 0000");
	ck_assert_no_field(&p, "tcp.option_kind");
	ck_assert_field_eq(&p, "hexplain.tcp.option_len", 1);
	ck_assert_int_eq(problem_severity(&p, "tcp.option.len.bad"), SEV_ERROR);
	ck_assert_no_field(&p, "tcp.options.eol");
	packet_free(&p);
}
END_TEST

/* Timestamps say 10 bytes where the options area has 6 left. */
START_TEST(length_past_the_end)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0101 080a 0017 c23c");
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 2);
	ck_assert_no_field(&p, "tcp.options.timestamp");
	ck_assert_int_eq(problem_severity(&p, "tcp.option.len.beyond"), SEV_ERROR);
	const struct field *f = field_nth(&p, "hexplain.tcp.options.malformed", 0);
	ck_assert_uint_eq(f->offset, 2);
	ck_assert_uint_eq(f->length, 6);
	packet_free(&p);
}
END_TEST

START_TEST(length_byte_missing)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0101 0108");
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 3);
	ck_assert_field_eq(&p, "hexplain.tcp.option_kind", 8);
	ck_assert_no_field(&p, "hexplain.tcp.option_len");
	ck_assert_int_eq(problem_severity(&p, "tcp.option.len.missing"), SEV_ERROR);
	packet_free(&p);
}
END_TEST

/* MSS must be 4 bytes; a 3-byte one is shown and reported, and its own
 * length still says where the next option starts (tshark walks on too). */
START_TEST(mss_wrong_fixed_length)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0203 0501");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "2,1");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "3");
	ck_assert_no_field(&p, "tcp.options.mss_val");
	ck_assert_int_eq(problem_severity(&p, "tcp.option.len.bad"), SEV_ERROR);
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 1);
	packet_free(&p);
}
END_TEST

START_TEST(timestamps_wrong_fixed_length)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0808 0000 0001 0000");
	ck_assert_no_field(&p, "tcp.options.timestamp.tsval");
	ck_assert(has_problem(&p, "tcp.option.len.bad"));
	packet_free(&p);
}
END_TEST

/* SACK of 12 bytes: one whole block and 2 stray bytes. */
START_TEST(sack_not_whole_blocks)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "050c 0000 0001 0000 0002 0000");
	ck_assert_field_eq(&p, "tcp.options.sack.count", 1);
	ck_assert_field_eq(&p, "hexplain.tcp.options.sack_le_raw", 1);
	ck_assert_field_eq(&p, "hexplain.tcp.options.sack_re_raw", 2);
	ck_assert(has_problem(&p, "tcp.option.len.bad"));
	packet_free(&p);
}
END_TEST

/* A 12-byte options area of which the capture holds 6: the NOPs are whole,
 * the timestamps option is cut; truncation, not a malformed option. */
START_TEST(cut_by_the_capture)
{
	struct packet p;
	packet_init(&p);
	/* tshark 4.0 on this cut (seed packet, caplen 46) gives the option's
	 * kind 8, length 10 and the 4 captured bytes 080a0017 of
	 * tcp.options.timestamp, but no tsval: so do we */
	decode_options_area(&p, "0101 080a 0017", 12);
	ck_assert_int_eq(field_count(&p, "tcp.options.nop"), 2);
	ck_assert_int_eq(field_count(&p, "tcp.option_kind"), 3);
	ck_assert_field_eq(&p, "tcp.option_len", 10);
	ck_assert_uint_eq(field_nth(&p, "tcp.options.timestamp", 0)->length, 4);
	ck_assert_no_field(&p, "tcp.options.timestamp.tsval");
	ck_assert_no_field(&p, "hexplain.tcp.options.malformed");
	ck_assert_int_eq(problem_severity(&p, "tcp.options.truncated"), SEV_WARNING);
	ck_assert(!has_problem(&p, "tcp.option.len.beyond"));
	packet_free(&p);
}
END_TEST

START_TEST(cut_between_options)
{
	struct packet p;
	packet_init(&p);
	decode_options_area(&p, "0204 05b4", 8);
	ck_assert_field_eq(&p, "tcp.options.mss_val", 1460);
	ck_assert(has_problem(&p, "tcp.options.truncated"));
	packet_free(&p);
}
END_TEST

/* RFC 9293: what follows an EOL is zero padding.  tshark reads zero bytes
 * on as more EOLs (zoo frame 5) but stops at a non-zero byte ("Non-zero
 * header padding"): kinds 0 only, no NOPs. */
START_TEST(nonzero_padding_after_eol)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0001 0101");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "0");
	ck_assert_int_eq(field_count(&p, "tcp.options.eol"), 1);
	ck_assert_no_field(&p, "tcp.options.nop");
	ck_assert_int_eq(problem_severity(&p, "tcp.options.padding"), SEV_WARNING);
	packet_free(&p);
}
END_TEST

/* The zero bytes before the first non-zero one are still read as EOLs, one
 * each, as tshark does (of10_inv_OFPST_FLOW: 00 00 00 00 01 ... gives four
 * EOLs, then "Non-zero header padding"). */
START_TEST(zero_padding_then_nonzero_after_eol)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "0000 0000 0100 0000 ff00 4e00");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "0,0,0,0");
	ck_assert_int_eq(field_count(&p, "tcp.options.eol"), 4);
	ck_assert_int_eq(field_nth(&p, "tcp.options.eol", 3)->offset, 3);
	ck_assert_no_field(&p, "tcp.options.nop");
	ck_assert_int_eq(problem_severity(&p, "tcp.options.padding"), SEV_WARNING);
	packet_free(&p);
}
END_TEST

/* RFC 6994: an experimental option needs 4 bytes for its ExID; tshark:
 * "option length 3 smaller than 4", kind and length shown, nothing else. */
START_TEST(experimental_too_short)
{
	struct packet p;
	packet_init(&p);
	decode_options(&p, "fe03 0100");
	ck_assert_str_eq(values_of(&p, "tcp.option_kind"), "254,0");
	ck_assert_str_eq(values_of(&p, "tcp.option_len"), "3");
	ck_assert_no_field(&p, "tcp.options.experimental.exid");
	ck_assert_no_field(&p, "tcp.options.experimental.data");
	ck_assert(has_problem(&p, "tcp.option.len.bad"));
	packet_free(&p);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("tcp_options");
	TCase *tc = tcase_create("kinds");
	tcase_add_test(tc, syn_options);
	tcase_add_test(tc, seed_nop_nop_timestamps);
	tcase_add_test(tc, sack_three_blocks_absolute);
	tcase_add_test(tc, fast_open_cookie_and_eol_padding);
	tcase_add_test(tc, fast_open_cookie_request);
	tcase_add_test(tc, md5_signature);
	tcase_add_test(tc, experimental_with_exid);
	tcase_add_test(tc, user_timeout);
	tcase_add_test(tc, tcp_ao);
	tcase_add_test(tc, mptcp_subtypes);
	tcase_add_test(tc, unknown_kind_shown_raw);
	tcase_add_test(tc, wscale_shift_over_fourteen);
	suite_add_tcase(s, tc);
	tc = tcase_create("malformed");
	tcase_add_test(tc, length_zero);
	tcase_add_test(tc, length_one);
	tcase_add_test(tc, length_past_the_end);
	tcase_add_test(tc, length_byte_missing);
	tcase_add_test(tc, mss_wrong_fixed_length);
	tcase_add_test(tc, timestamps_wrong_fixed_length);
	tcase_add_test(tc, sack_not_whole_blocks);
	tcase_add_test(tc, cut_by_the_capture);
	tcase_add_test(tc, cut_between_options);
	tcase_add_test(tc, nonzero_padding_after_eol);
	tcase_add_test(tc, zero_padding_then_nonzero_after_eol);
	tcase_add_test(tc, experimental_too_short);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
