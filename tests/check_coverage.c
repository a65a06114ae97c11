/* check_coverage.c - the explain view covers every field the JSON gives.
 *
 * For every packet of tests/coverage/packets.txt (the corpus's captures and
 * the unit tests' hand-made packets, all protocols) and every dump among the
 * samples and the oracle's cases, the packet is decoded and rendered; then
 * each field row the explain view must show -- every field except those
 * flagged FIELD_HIDDEN and the generated verdicts (checksum status and
 * calculated value) folded into their checksum's meaning -- is looked for as
 * a line that starts with the row's indentation and title.  Each folded
 * verdict must have its checksum row in the same layer to be folded into.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "decode/decode.h"
#include "input/diag.h"
#include "input/framer.h"
#include "input/linkguess.h"
#include "render/render.h"

enum { COL_TITLE = 2 }; /* where explain.c starts a depth-0 row */

/* The checksum a verdict judges: "tcp.checksum" for tcp.checksum.status,
 * tcp.checksum_calculated and hexplain.tcp.checksum.status. */
static bool verdict_base(const char *n, char *base, size_t cap)
{
	if (strncmp(n, "hexplain.", 9) == 0)
		n += 9;
	snprintf(base, cap, "%s", n);
	size_t len = strlen(base);
	if (len > 7 && strcmp(base + len - 7, ".status") == 0)
		base[len - 7] = '\0';
	else if (len > 11 && strcmp(base + len - 11, "_calculated") == 0)
		base[len - 11] = '\0';
	else
		return false;
	return true;
}

/* The rule of render/explain.c: a verdict hexplain computed (checksum
 * status, calculated value) is shown inside the meaning of the checksum it
 * judges, when that checksum has a row in the same layer. */
static bool folded(const struct packet *p, const struct field *f)
{
	char base[128];
	if (!f->generated || !verdict_base(f->def->name, base, sizeof(base)))
		return false;
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *c = &p->fields[i];
		if (c->layer == f->layer && !c->generated && !(c->def->flags & FIELD_HIDDEN) &&
		    strcmp(c->def->name, base) == 0)
			return true;
	}
	return false;
}

static bool must_show(const struct packet *p, const struct field *f)
{
	return !folded(p, f) && !(f->def->flags & FIELD_HIDDEN);
}

/* Lines of text that are exactly `indent` spaces, then title, then the end
 * of the line or a space. */
static int count_rows(const char *text, size_t indent, const char *title)
{
	int n = 0;
	size_t tl = strlen(title);
	for (const char *line = text; line && *line;) {
		const char *eol = strchr(line, '\n');
		size_t i = 0;
		while (line[i] == ' ')
			i++;
		if (i == indent && strncmp(line + i, title, tl) == 0 &&
		    (line[i + tl] == '\n' || line[i + tl] == ' ' || line[i + tl] == '\0'))
			n++;
		line = eol ? eol + 1 : NULL;
	}
	return n;
}

static int checked_packets, checked_rows;

/* Fails with the packet's origin and the row that is missing. */
static void check_packet(const struct packet *p, const char *where)
{
	struct strbuf out;
	sb_init(&out);
	struct record_info r = {.number = 1, .source = where, .line = 1, .summary = "",
				.link_reason = "", .width = 80};
	render_explain(p, &r, &out);
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *f = &p->fields[i];
		if (!must_show(p, f))
			continue;
		/* as many rows of this title at this depth as there are fields */
		const char *title = _(f->def->title);
		size_t indent = COL_TITLE + 2u * f->depth;
		int want = 0;
		for (size_t k = 0; k < p->nfields; k++) {
			const struct field *g = &p->fields[k];
			if (must_show(p, g) && g->depth == f->depth && strcmp(_(g->def->title), title) == 0)
				want++;
		}
		int got = count_rows(out.s, indent, title);
		ck_assert_msg(got >= want,
			      "%s: field %s (\"%s\", depth %u) has %d row(s) in the explain view, "
			      "%d expected",
			      where, f->def->name, title, f->depth, got, want);
		checked_rows++;
	}
	checked_packets++;
	sb_free(&out);
}

START_TEST(every_listed_packet)
{
	const char *dir = getenv("HEXPLAIN_TESTDATA");
	char path[4096];
	snprintf(path, sizeof(path), "%s/coverage/packets.txt", dir ? dir : "tests");
	FILE *f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char line[8192];
	static uint8_t bytes[4096];
	unsigned long n = 0;
	while (fgets(line, sizeof(line), f)) {
		n++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char link[16], hex[8192], where[8300];
		if (sscanf(line, "%15s %8191s", link, hex) != 2)
			continue;
		enum link_type lt = link_type_parse(link);
		ck_assert_msg(lt != LINK_UNKNOWN, "%s:%lu: link %s", path, n, link);
		size_t len = hex_bytes(hex, bytes, sizeof(bytes));
		struct packet p;
		packet_init(&p);
		packet_reset(&p, bytes, len, lt);
		decode_packet(&p);
		const char *from = strchr(line, '#');
		snprintf(where, sizeof(where), "%s:%lu (%s)", path, n, from ? from : "");
		where[strcspn(where, "\n")] = '\0';
		check_packet(&p, where);
		packet_free(&p);
	}
	fclose(f);
	ck_assert_int_gt(checked_packets, 150);
	ck_assert_int_gt(checked_rows, 4000);
}
END_TEST

struct dump_run {
	enum link_type stream_link;
	struct strbuf why;
	struct packet p;
};

static void on_frame(const struct frame *fr, void *user)
{
	struct dump_run *run = user;
	if (!fr->len)
		return;
	sb_reset(&run->why);
	const char *hint = fr->has_summary ? fr->summary : fr->stream_link;
	enum link_type lt = link_guess(fr->bytes, fr->len, hint, run->stream_link, &run->why);
	run->stream_link = lt;
	packet_reset(&run->p, fr->bytes, fr->len, lt);
	frame_wire_facts(fr, &run->p);
	decode_packet(&run->p);
	char where[4200];
	snprintf(where, sizeof(where), "%s:%lu", fr->source, fr->line);
	check_packet(&run->p, where);
}

static int check_dumps_in(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int files = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0 || strcmp(e->d_name, "README.md") == 0)
			continue;
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		int fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		struct dump_run run = {.stream_link = LINK_UNKNOWN};
		sb_init(&run.why);
		packet_init(&run.p);
		FILE *sink = fopen("/dev/null", "w");
		struct diag dg = {.out = sink, .quiet_notes = true};
		framer_read_fd(fd, path, &dg, on_frame, &run);
		fclose(sink);
		close(fd);
		packet_free(&run.p);
		sb_free(&run.why);
		files++;
	}
	closedir(d);
	return files;
}

START_TEST(every_sample_and_oracle_dump)
{
	const char *samples = getenv("HEXPLAIN_SAMPLES");
	const char *data = getenv("HEXPLAIN_TESTDATA");
	char cases[4096];
	snprintf(cases, sizeof(cases), "%s/oracle/cases", data ? data : "tests");
	int files = check_dumps_in(samples ? samples : "samples") + check_dumps_in(cases);
	ck_assert_int_gt(files, 10);
	ck_assert_int_gt(checked_packets, 50);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("coverage");
	TCase *tc = tcase_create("explain");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, every_listed_packet);
	tcase_add_test(tc, every_sample_and_oracle_dump);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
