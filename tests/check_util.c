/* check_util.c - shared helpers for the Check suites (see check_util.h). */
#include "check_util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"
#include "render/render.h"

int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

size_t hex_bytes(const char *hex, uint8_t *buf, size_t cap)
{
	size_t n = 0;
	int half = -1;
	for (; *hex; hex++) {
		if (!isxdigit((unsigned char)*hex))
			continue;
		int d = isdigit((unsigned char)*hex) ? *hex - '0' : (tolower((unsigned char)*hex) - 'a' + 10);
		if (half < 0) {
			half = d;
		} else {
			ck_assert_uint_lt(n, cap);
			buf[n++] = (uint8_t)(half << 4 | d);
			half = -1;
		}
	}
	ck_assert_msg(half < 0, "odd number of hex digits in test data");
	return n;
}

void decode_hex(struct packet *p, enum link_type link, const char *hex)
{
	static uint8_t buf[70000];
	size_t n = hex_bytes(hex, buf, sizeof(buf));
	packet_reset(p, buf, n, link);
	decode_packet(p);
}

void decode_hex_whole(struct packet *p, enum link_type link, const char *hex)
{
	static uint8_t buf[70000];
	size_t n = hex_bytes(hex, buf, sizeof(buf));
	packet_reset(p, buf, n, link);
	p->frame_whole = true;
	decode_packet(p);
}

const struct field *field_nth(const struct packet *p, const char *name, int idx)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].def->name, name) == 0 && idx-- == 0)
			return &p->fields[i];
	return NULL;
}

int field_count(const struct packet *p, const char *name)
{
	int n = 0;
	for (size_t i = 0; i < p->nfields; i++)
		n += strcmp(p->fields[i].def->name, name) == 0;
	return n;
}

uint64_t field_value_at(const struct packet *p, const char *name, int idx)
{
	const struct field *f = field_nth(p, name, idx);
	ck_assert_msg(f != NULL, "field %s #%d missing", name, idx);
	return f->value;
}

const char *field_text_at(const struct packet *p, const char *name, int idx)
{
	static struct strbuf text;
	const struct field *f = field_nth(p, name, idx);
	ck_assert_msg(f != NULL, "field %s #%d missing", name, idx);
	if (!text.s)
		sb_init(&text);
	sb_reset(&text);
	field_value_text(p, f, &text);
	return text.s;
}

int has_problem(const struct packet *p, const char *id)
{
	for (size_t i = 0; i < p->nproblems; i++)
		if (p->problems[i].id && strcmp(p->problems[i].id, id) == 0)
			return 1;
	return 0;
}
