/* check_checksum.c - Internet checksum arithmetic (RFC 1071). */
#include "check_util.h"

#include "analyze/checksum.h"

/* RFC 1071 section 3's worked example: the words 0001 f203 f4f5 f6f7 sum
 * to 0x2ddf0, which folds to 0xddf2. */
START_TEST(rfc1071_example)
{
	static const uint8_t b[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
	struct cursor c = {b, sizeof(b)};
	uint32_t sum = 0;
	ck_assert(cksum_add(&sum, &c, 0, sizeof(b)));
	ck_assert_uint_eq(cksum_fold(sum), 0xddf2);
}
END_TEST

START_TEST(odd_length_pads_with_zero)
{
	static const uint8_t b[] = {0x12, 0x34, 0x56};
	struct cursor c = {b, sizeof(b)};
	uint32_t sum = 0;
	ck_assert(cksum_add(&sum, &c, 0, 3));
	ck_assert_uint_eq(cksum_fold(sum), 0x1234 + 0x5600);
}
END_TEST

START_TEST(refuses_uncaptured_bytes)
{
	static const uint8_t b[] = {0x12, 0x34};
	struct cursor c = {b, sizeof(b)};
	uint32_t sum = 0;
	ck_assert(!cksum_add(&sum, &c, 0, 3));
}
END_TEST

/* The seed packet's IPv4 header sums to 0xffff with its checksum 0x2c51. */
START_TEST(seed_header_verifies)
{
	uint8_t b[20];
	size_t n = hex_bytes("4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001", b, sizeof(b));
	struct cursor c = {b, n};
	uint32_t sum = 0;
	ck_assert(cksum_add(&sum, &c, 0, n));
	ck_assert_uint_eq(cksum_fold(sum), 0xffff);
}
END_TEST

/* The seed's TCP segment: tcpdump and tshark both say the checksum should be
 * 0x8186; what the loopback sender left, 0xfe2c, is the pseudo-header sum. */
START_TEST(seed_segment_with_pseudo_header)
{
	uint8_t b[64];
	size_t n = hex_bytes("4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001 1e61 c0ea 1c88 a9f9 "
			     "d048 2bf6 8018 00e5 fe2c 0000 0101 080a 0017 c23c 8cbd 9fc0 3232 3333",
			     b, sizeof(b));
	struct cursor c = {b, n};
	struct pseudo_header ph = {.family = 4, .src_off = 12, .dst_off = 16, .length = 36, .proto = 6};
	uint16_t expected, partial;
	ck_assert_int_eq(cksum_transport(&c, &ph, 20, 36, 36, &expected, &partial), CKSUM_BAD);
	ck_assert_uint_eq(expected, 0x8186);
	ck_assert_uint_eq(partial, 0xfe2c);
}
END_TEST

START_TEST(cut_segment_is_unverified)
{
	uint8_t b[64];
	size_t n = hex_bytes("4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001 1e61 c0ea 1c88 a9f9 "
			     "d048 2bf6 8018 00e5 fe2c 0000",
			     b, sizeof(b));
	struct cursor c = {b, n};
	struct pseudo_header ph = {.family = 4, .src_off = 12, .dst_off = 16, .length = 36, .proto = 6};
	uint16_t expected, partial;
	ck_assert_int_eq(cksum_transport(&c, &ph, 20, 36, 36, &expected, &partial),
			 CKSUM_UNVERIFIED);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("checksum");
	TCase *tc = tcase_create("checksum");
	tcase_add_test(tc, rfc1071_example);
	tcase_add_test(tc, odd_length_pads_with_zero);
	tcase_add_test(tc, refuses_uncaptured_bytes);
	tcase_add_test(tc, seed_header_verifies);
	tcase_add_test(tc, seed_segment_with_pseudo_header);
	tcase_add_test(tc, cut_segment_is_unverified);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
