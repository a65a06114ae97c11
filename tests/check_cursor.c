/* check_cursor.c - the bounds-checked byte reader. */
#include "check_util.h"

#include "core/cursor.h"

static const uint8_t bytes[] = {0x45, 0x00, 0x00, 0x38, 0x10, 0x6d};
static const struct cursor cur = {bytes, sizeof(bytes)};

START_TEST(reads_big_endian_values)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
	ck_assert(cur_u8(&cur, 0, &u8));
	ck_assert_uint_eq(u8, 0x45);
	ck_assert(cur_be16(&cur, 2, &u16));
	ck_assert_uint_eq(u16, 0x0038);
	ck_assert(cur_be32(&cur, 2, &u32));
	ck_assert_uint_eq(u32, 0x0038106d);
	ck_assert(cur_uint(&cur, 3, 3, &u64));
	ck_assert_uint_eq(u64, 0x38106d);
}
END_TEST

START_TEST(reads_little_endian_values)
{
	uint16_t u16;
	uint32_t u32;
	ck_assert(cur_le16(&cur, 0, &u16));
	ck_assert_uint_eq(u16, 0x0045);
	ck_assert(cur_le32(&cur, 2, &u32));
	ck_assert_uint_eq(u32, 0x6d103800);
}
END_TEST

START_TEST(refuses_reads_past_the_end)
{
	uint8_t u8 = 7;
	uint16_t u16 = 7;
	uint32_t u32 = 7;
	uint64_t u64 = 7;
	ck_assert(!cur_u8(&cur, 6, &u8));
	ck_assert_uint_eq(u8, 7);
	ck_assert(!cur_be16(&cur, 5, &u16));
	ck_assert(!cur_be32(&cur, 3, &u32));
	ck_assert(!cur_le32(&cur, 4, &u32));
	ck_assert(!cur_uint(&cur, 0, 9, &u64));
	ck_assert(!cur_uint(&cur, 0, 0, &u64));
	ck_assert_ptr_null(cur_bytes(&cur, 4, 3));
	ck_assert_ptr_nonnull(cur_bytes(&cur, 4, 2));
}
END_TEST

START_TEST(huge_offsets_do_not_wrap)
{
	uint8_t u8;
	ck_assert(!cur_has(&cur, SIZE_MAX, 2));
	ck_assert(!cur_has(&cur, 2, SIZE_MAX));
	ck_assert(!cur_u8(&cur, SIZE_MAX, &u8));
	ck_assert_uint_eq(cur_avail(&cur, 4), 2);
	ck_assert_uint_eq(cur_avail(&cur, 99), 0);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("cursor");
	TCase *tc = tcase_create("cursor");
	tcase_add_test(tc, reads_big_endian_values);
	tcase_add_test(tc, reads_little_endian_values);
	tcase_add_test(tc, refuses_reads_past_the_end);
	tcase_add_test(tc, huge_offsets_do_not_wrap);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
