/* check_render.c - each view on the seed packet: what a reader must find. */
#include "check_util.h"

#include <string.h>

#include "render/render.h"

#define SEED                                                                                \
	"4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6 " \
	"8018 00e5 fe2c 0000 0101 080a 0017 c23c 8cbd 9fc0 3232 3333"

static struct packet pkt;
static struct strbuf out;
static const struct record_info info = {
	.number = 1, .source = "seed.txt", .line = 3, .summary = "IP 127.0.0.1.7777 > ...",
	.link_reason = "", .width = 80};

static void setup(void)
{
	packet_init(&pkt);
	sb_init(&out);
	decode_hex(&pkt, LINK_IPV4, SEED);
}

static void teardown(void)
{
	packet_free(&pkt);
	sb_free(&out);
}

#define ck_assert_has(text) \
	ck_assert_msg(strstr(out.s, (text)) != NULL, "output lacks \"%s\":\n%s", (text), out.s)

START_TEST(json_names_fields_like_wireshark)
{
	render_json(&pkt, &info, &out);
	ck_assert_has("{\"frame\":1,\"source\":\"seed.txt\",\"line\":3,\"link\":\"ipv4\",");
	ck_assert_has("\"bytes\":\"45000038106d");
	ck_assert_has("{\"name\":\"ip.ttl\",\"offset\":8,\"length\":1,\"value\":64,\"show\":\"64\"}");
	ck_assert_has("{\"name\":\"ip.hdr_len\",\"offset\":0,\"length\":1,\"bitmask\":15,\"value\":20,");
	ck_assert_has("{\"name\":\"ip.flags.df\",\"offset\":6,\"length\":1,\"bitmask\":64,\"value\":true,");
	ck_assert_has("{\"name\":\"ip.src\",\"offset\":12,\"length\":4,\"value\":\"127.0.0.1\",");
	ck_assert_has("{\"name\":\"tcp.checksum.status\",\"value\":\"bad\",");
	ck_assert_has("\"id\":\"tcp.checksum.offload\"");
	/* one object on one line */
	ck_assert_ptr_eq(strchr(out.s, '\n'), out.s + out.len - 1);
}
END_TEST

START_TEST(json_escapes_strings)
{
	struct record_info odd = info;
	odd.source = "a \"quoted\"\\name\n";
	render_json(&pkt, &odd, &out);
	ck_assert_has("\"source\":\"a \\\"quoted\\\"\\\\name\\n\"");
}
END_TEST

/* Every fact of the seed note's hand analysis of this packet. */
START_TEST(explain_states_the_seed_analysis)
{
	render_explain(&pkt, &info, &out);
	ck_assert_has("4 → IPv4");
	ck_assert_has("5 × 4 = 20 bytes");
	ck_assert_has("0x0038 = 56 bytes");
	ck_assert_has("0x106d");
	ck_assert_has("DF 1: don't fragment");
	ck_assert_has("...0 0000 0000 0000");
	ck_assert_has("64 hops left");
	ck_assert_has("6 → TCP");
	ck_assert_has("✓ correct (recomputed 0x2c51)");
	ck_assert_has("127.0.0.1 (loopback)");
	ck_assert_has("7777");
	ck_assert_has("49386");
	ck_assert_has("478718457");
	ck_assert_has("3494390774");
	ck_assert_has("8 × 4 = 32 bytes");
	ck_assert_has("ACK, PSH");
	ck_assert_has("0x00e5");
	ck_assert_has("0x8186");
	ck_assert_has("\"2233\"");
}
END_TEST

START_TEST(explain_stays_within_its_width)
{
	render_explain(&pkt, &info, &out);
	const char *line = out.s;
	while (*line) {
		size_t n = strcspn(line, "\n");
		ck_assert_msg(display_width(line, n) <= 80, "too wide: %.*s", (int)n, line);
		line += n + (line[n] == '\n');
	}
}
END_TEST

START_TEST(brief_is_one_line)
{
	render_brief(&pkt, &info, &out);
	ck_assert_str_eq(out.s, "1  127.0.0.1:7777 → 127.0.0.1:49386  TCP [PSH, ACK]  seq 478718457  "
				"ack 3494390774  4 bytes data\n");
}
END_TEST

START_TEST(field_values_as_people_read_them)
{
	const struct field *f = field_nth(&pkt, "ip.checksum", 0);
	ck_assert_ptr_nonnull(f);
	field_value_text(&pkt, f, &out);
	ck_assert_str_eq(out.s, "0x2c51");
	sb_reset(&out);
	field_value_text(&pkt, field_nth(&pkt, "ip.dst", 0), &out);
	ck_assert_str_eq(out.s, "127.0.0.1");
}
END_TEST

/* The writers behind the views' numbers, without printf: the same text as
 * printf's "%llu", at the edges of their digit tables and beyond. */
START_TEST(numbers_as_printf_writes_them)
{
	static const unsigned long long v[] = {0, 9, 10, 99, 100, 101, 999, 1000, 65535,
					       4294967295ull, 18446744073709551615ull};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		char want[32];
		snprintf(want, sizeof(want), "%llu", v[i]);
		sb_reset(&out);
		sb_put_uint(&out, v[i]);
		ck_assert_str_eq(out.s, want);
	}
	/* and into the room left by sb_printf, growing when it is not enough */
	struct strbuf b;
	sb_init(&b);
	for (int i = 0; i < 100; i++)
		sb_printf(&b, "%d,", i);
	ck_assert_uint_eq(b.len, 10 * 2 + 90 * 3);
	ck_assert_str_eq(b.s + b.len - 6, "98,99,");
	sb_free(&b);
	sb_printf(&b, "%s", "after free");
	ck_assert_str_eq(b.s, "after free");
	sb_free(&b);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("render");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, json_names_fields_like_wireshark);
	tcase_add_test(tc, json_escapes_strings);
	tcase_add_test(tc, explain_states_the_seed_analysis);
	tcase_add_test(tc, explain_stays_within_its_width);
	tcase_add_test(tc, brief_is_one_line);
	tcase_add_test(tc, field_values_as_people_read_them);
	tcase_add_test(tc, numbers_as_printf_writes_them);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
