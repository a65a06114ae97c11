/* explain.c - the default view: every field of every layer, as a teacher
 * works it out by hand: the bytes as written, the field's bits, the value
 * and its meaning, and a verdict where one exists.  Everything shown comes
 * from the field tables' rows and the decoded packet. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "input/diag.h"

/* Column layout; the meaning column wraps at the terminal's width. */
enum {
	COL_TITLE = 2,
	COL_HEX = 19,
	COL_BITS = 30,
	COL_MEANING = 50,
	DEFAULT_WIDTH = 80,
};

/* Set per packet from record_info; a file-level variable keeps the
 * wrapping helpers' signatures short. */
static size_t WIDTH = DEFAULT_WIDTH;

static const char *severity_mark(enum severity s)
{
	return s == SEV_ERROR ? "✗" : s == SEV_WARNING ? "⚠" : "ℹ";
}

/* Pads the current line (which began at line_start) to col; a line already
 * past col goes on at col on a fresh line. */
static void go_to_col(struct strbuf *o, size_t *line_start, size_t col)
{
	if (display_width(o->s + *line_start, o->len - *line_start) >= col) {
		sb_putc(o, '\n');
		*line_start = o->len;
	}
	sb_pad_to(o, *line_start, col);
}

/* Full-width punctuation that must not begin a line (the rule of Chinese
 * typesetting: a closing mark stays with the text before it). */
static bool closes_cjk(const char *s)
{
	static const char *const marks[] = {"，", "。", "、", "；", "：", "）", "！", "？", "」", "》"};
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return true;
	return false;
}

/* Writes text from the current column, wrapping at spaces so no line passes
 * WIDTH; continuation lines start at col. */
static void put_wrapped(struct strbuf *o, size_t *line_start, size_t col, const char *text)
{
	const char *s = text;
	while (*s) {
		size_t used = display_width(o->s + *line_start, o->len - *line_start);
		size_t room = used < WIDTH ? WIDTH - used : 0;
		size_t n = strlen(s);
		if (display_width(s, n) <= room) {
			sb_puts(o, s);
			return;
		}
		/* the longest prefix that fits, ending at a space */
		size_t cut = 0, w = 0;
		for (size_t i = 0; s[i] && w < room;) {
			size_t step = 1;
			unsigned char c = (unsigned char)s[i];
			if (c >= 0xf0)
				step = 4;
			else if (c >= 0xe0)
				step = 3;
			else if (c >= 0xc0)
				step = 2;
			w += c < 0x80 ? 1 : display_width(s + i, step);
			if (w > room)
				break;
			i += step;
			if (s[i] == ' ' || s[i] == '\0' || (step > 2 && !closes_cjk(s + i)))
				cut = i; /* CJK text breaks between any two characters */
		}
		if (cut == 0) {
			/* one word longer than the room: put it on a line of its own */
			size_t word = strcspn(s, " ");
			if (used > col) {
				sb_putc(o, '\n');
				*line_start = o->len;
				sb_pad_to(o, *line_start, col);
				continue;
			}
			cut = word;
		}
		sb_putn(o, s, cut);
		s += cut;
		while (*s == ' ')
			s++;
		if (*s) {
			sb_putc(o, '\n');
			*line_start = o->len;
			sb_pad_to(o, *line_start, col);
		}
	}
}

/* The bytes as written in the dump: "0x4500", "7f00 0001"; a masked field
 * shows its own bits' value: "0x4". */

/* "%llx" */
static void put_hex_digits(struct strbuf *o, unsigned long long v)
{
	char buf[16];
	size_t k = sizeof(buf);
	do {
		buf[--k] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	sb_putn(o, buf + k, sizeof(buf) - k);
}

/* Bytes as "%02x" each, a space before every second pair ("4500 0038 10"):
 * written from a table, since a printf per byte was half the view's time. */
static void put_hex_pairs(struct strbuf *o, const uint8_t *b, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	char *out = sb_reserve(o, n * 3);
	char *start = out;
	for (size_t k = 0; k < n; k++) {
		if (k && !(k & 1))
			*out++ = ' ';
		*out++ = digits[b[k] >> 4];
		*out++ = digits[b[k] & 15];
	}
	sb_commit(o, (size_t)(out - start));
}
static void put_hex_column(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field_def *d = f->def;
	if (f->generated) {
		sb_puts(o, _("(computed)"));
		return;
	}
	if (d->type == FT_NONE)
		return;
	if (d->mask && (d->type == FT_UINT || d->type == FT_BOOL)) {
		uint64_t raw = d->scale > 1 ? f->value / d->scale : f->value;
		sb_puts(o, "0x");
		put_hex_digits(o, raw);
		return;
	}
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
	if (!b)
		return;
	if (f->length <= 4 && d->type != FT_IPV4) {
		sb_puts(o, "0x");
		for (size_t i = 0; i < f->length; i++)
			put_hex_pairs(o, b + i, 1);
		return;
	}
	put_hex_pairs(o, b, f->length < 4 ? f->length : 4);
	if (f->length > 4)
		sb_puts(o, "…");
}

/* The field's bits in place within its bytes, Wireshark style:
 * "0100 ...." for the version nibble, "...0 0000 0000 0000" for the
 * fragment offset; plain bits for a whole byte.  Nothing for wider fields. */
static void put_bits_column(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field_def *d = f->def;
	if (f->generated || d->type == FT_NONE || f->length == 0 || f->length > 2)
		return;
	if (!d->mask && f->length != 1)
		return;
	uint64_t raw;
	if (!cur_uint(&p->bytes, f->offset, f->length, &raw))
		return;
	unsigned nbits = 8u * f->length;
	uint32_t mask = d->mask ? d->mask : 0xffu;
	for (unsigned i = 0; i < nbits; i++) {
		unsigned bit = nbits - 1 - i;
		if (i && i % 4 == 0)
			sb_putc(o, ' ');
		if (mask >> bit & 1)
			sb_putc(o, (raw >> bit & 1) ? '1' : '0');
		else
			sb_putc(o, '.');
	}
}

static void put_meaning(const struct packet *p, const struct field *f, struct strbuf *tmp)
{
	const struct field_def *d = f->def;
	if (d->explain) {
		d->explain(p, f, tmp);
		return;
	}
	const char *name = d->names ? value_name_find(d->names, f->value) : NULL;
	if (d->type == FT_BOOL) {
		sb_puts(tmp, f->value ? _("1: set") : _("0: not set"));
		return;
	}
	field_value_text(p, f, tmp);
	if (d->type == FT_UINT && d->base == BASE_HEX)
		sb_printf(tmp, " = %llu", (unsigned long long)f->value);
	if (name)
		sb_printf(tmp, " → %s", _(name));
}

/* The checksum a verdict judges: "tcp.checksum" for tcp.checksum.status,
 * tcp.checksum_calculated and hexplain.tcp.checksum.status; false when the
 * name is no verdict's. */
static bool verdict_base(const char *n, char *base, size_t cap)
{
	if (strncmp(n, "hexplain.", 9) == 0)
		n += 9;
	size_t len = strlen(n), keep;
	if (len > 7 && strcmp(n + len - 7, ".status") == 0)
		keep = len - 7;
	else if (len > 11 && strcmp(n + len - 11, "_calculated") == 0)
		keep = len - 11;
	else
		return false;
	if (keep >= cap)
		return false;
	memcpy(base, n, keep);
	base[keep] = '\0';
	return true;
}

/* Verdict rows (checksum status, calculated value) are folded into the
 * meaning of the checksum they judge -- when that checksum has a row: a
 * header cut before its checksum keeps its verdict ("unverified") as a row
 * of its own. */
static bool folded_into_checksum(const struct packet *p, const struct field *f)
{
	char base[96];
	if (!f->generated || !verdict_base(f->def->name, base, sizeof(base)))
		return false;
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *c = &p->fields[i];
		if (c->layer == f->layer && !c->generated && strcmp(c->def->name, base) == 0)
			return true;
	}
	return false;
}

static void put_problems_for(const struct packet *p, const struct field *f, bool *shown,
			     struct strbuf *o)
{
	for (size_t i = 0; i < p->nproblems; i++) {
		const struct problem *pr = &p->problems[i];
		if (shown[i] || !pr->field || strcmp(pr->field, f->def->name) != 0)
			continue;
		if (!f->generated && (pr->offset < f->offset || pr->offset > f->offset + f->length))
			continue;
		shown[i] = true;
		size_t ls = o->len;
		sb_pad_to(o, ls, COL_TITLE + 2);
		sb_printf(o, "%s ", severity_mark(pr->severity));
		put_wrapped(o, &ls, COL_TITLE + 4, pr->message);
		sb_putc(o, '\n');
	}
}

static void put_field_row(const struct packet *p, const struct field *f, bool *shown,
			  struct strbuf *o, struct strbuf *tmp)
{
	size_t ls = o->len;
	sb_pad_to(o, ls, COL_TITLE + 2 * f->depth);
	sb_puts(o, tr_static(f->def->title));
	go_to_col(o, &ls, COL_HEX);
	put_hex_column(p, f, o);
	go_to_col(o, &ls, COL_BITS);
	put_bits_column(p, f, o);
	sb_reset(tmp);
	put_meaning(p, f, tmp);
	if (tmp->len) {
		go_to_col(o, &ls, COL_MEANING);
		put_wrapped(o, &ls, COL_MEANING, tmp->s);
	}
	sb_putc(o, '\n');
	/* a byte run longer than the hex column shows in full below */
	if (!f->generated && f->length > 4 &&
	    (f->def->type == FT_BYTES || f->def->type == FT_NONE)) {
		const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
		for (size_t i = 0; b && i < f->length; i += 16) {
			size_t line = o->len;
			sb_pad_to(o, line, COL_HEX);
			put_hex_pairs(o, b + i, f->length - i < 16 ? f->length - i : 16);
			sb_putc(o, '\n');
		}
	}
	put_problems_for(p, f, shown, o);
}

static void put_payload(const struct packet *p, struct strbuf *o)
{
	uint32_t off = p->payload_offset, len = p->payload_length;
	const uint8_t *b = cur_bytes(&p->bytes, off, len);
	if (!b)
		return;
	sb_printf(o, _("\npayload · bytes %u–%u (%u bytes)\n"), off, off + len - 1, len);
	for (uint32_t i = 0; i < len; i += 16) {
		size_t ls = o->len;
		sb_pad_to(o, ls, COL_TITLE);
		put_hex_pairs(o, b + i, len - i < 16 ? len - i : 16);
		sb_pad_to(o, ls, COL_MEANING);
		sb_putc(o, '"');
		for (uint32_t k = i; k < len && k < i + 16; k++) {
			if (b[k] >= 0x20 && b[k] < 0x7f)
				sb_putc(o, (char)b[k]);
			else if (b[k] == '\n')
				sb_puts(o, "\\n");
			else if (b[k] == '\r')
				sb_puts(o, "\\r");
			else
				sb_putc(o, '.');
		}
		sb_puts(o, "\"\n");
	}
}

static void put_heading(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	if (r->line)
		sb_printf(o, _("packet %lu · %s line %lu · %zu bytes"), r->number, r->source,
			  r->line, p->bytes.len);
	else /* from a capture file (-r): no line to point at */
		sb_printf(o, _("packet %lu · %s · %zu bytes"), r->number, r->source, p->bytes.len);
	if (p->nlayers)
		sb_printf(o, _(" · starts at the %s"), _(p->layers[0].title));
	sb_putc(o, '\n');
	if (r->link_reason && *r->link_reason) {
		size_t ls = o->len;
		sb_puts(o, "  ");
		sb_puts(o, _("why: "));
		put_wrapped(o, &ls, 7, r->link_reason);
		sb_putc(o, '\n');
	}
	struct strbuf line;
	sb_init(&line);
	if (r->summary && *r->summary) {
		/* tcpdump's own first line, wrapped like everything else */
		size_t n = strcspn(r->summary, "\n");
		sb_putn(&line, r->summary, n);
		size_t ls = o->len;
		sb_puts(o, "  tcpdump: ");
		put_wrapped(o, &ls, 11, line.s);
		sb_putc(o, '\n');
		sb_reset(&line);
	}
	brief_summary(p, &line);
	size_t ls = o->len;
	sb_puts(o, "  ");
	put_wrapped(o, &ls, 4, line.s);
	sb_putc(o, '\n');
	sb_free(&line);
}

/* Every layer's rows, the payload and the problems not shown at a row. */
static void put_body(const struct packet *p, struct strbuf *o, struct strbuf *tmp)
{
	bool shown_stack[64] = {false};
	bool *shown = p->nproblems <= 64 ? shown_stack : calloc(p->nproblems, 1);
	for (size_t l = 0; l < p->nlayers; l++) {
		const struct layer *ly = &p->layers[l];
		sb_putc(o, '\n');
		sb_puts(o, _(ly->title));
		if (ly->length)
			sb_printf(o, _(" · bytes %u–%u (%u bytes)"), ly->offset,
				  ly->offset + ly->length - 1, ly->length);
		if (ly->truncated)
			sb_puts(o, _(" · cut short by the capture"));
		sb_putc(o, '\n');
		for (size_t i = 0; i < p->nfields; i++) {
			const struct field *f = &p->fields[i];
			if (f->layer != l || folded_into_checksum(p, f) ||
			    (f->def->flags & FIELD_HIDDEN))
				continue;
			put_field_row(p, f, shown, o, tmp);
		}
	}
	if (p->has_payload)
		put_payload(p, o);
	bool heading = false;
	for (size_t i = 0; i < p->nproblems; i++) {
		if (shown[i])
			continue;
		const struct problem *pr = &p->problems[i];
		if (!heading) {
			sb_puts(o, _("\nproblems\n"));
			heading = true;
		}
		size_t ls = o->len;
		sb_printf(o, "  %s %s: ", severity_mark(pr->severity), _(severity_name(pr->severity)));
		put_wrapped(o, &ls, 4, pr->message);
		sb_putc(o, '\n');
	}
	if (shown != shown_stack)
		free(shown);
}

void render_explain(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	struct strbuf tmp;
	sb_init(&tmp);
	WIDTH = r->width >= COL_MEANING + 20 ? r->width : DEFAULT_WIDTH;
	put_heading(p, r, o);
	put_body(p, o, &tmp);
	if (r->reassembled) {
		/* the datagram this fragment completed, decoded from its first byte;
		 * offsets below count in the reassembled datagram */
		const struct packet *q = r->reassembled;
		sb_puts(o, _("\nreassembled datagram from packets "));
		for (size_t i = 0; i < r->reassembled_count; i++)
			sb_printf(o, i ? ", %lu" : "%lu", r->reassembled_from[i]);
		sb_printf(o, _(" · %zu bytes\n"), q->bytes.len);
		sb_reset(&tmp);
		brief_summary(q, &tmp);
		size_t ls = o->len;
		sb_puts(o, "  ");
		put_wrapped(o, &ls, 4, tmp.s);
		sb_putc(o, '\n');
		put_body(q, o, &tmp);
	}
	sb_putc(o, '\n');
	sb_free(&tmp);
}
