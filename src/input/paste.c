/* paste.c - reads hex pasted in any of the formats of formats.c (see paste.h).
 *
 * Each line is first cleaned of what notes put around hex; the cleaned text
 * keeps a map back to the original columns, so messages point into the
 * line as it was pasted.  Blocks (runs of lines between blank lines and code
 * fences) are then read by every format in turn, silently; the reading with
 * the most evidence (lines read, offsets that follow on, ASCII columns that
 * match the bytes) is read again, this time reporting what it skipped.
 */
#include "input/paste.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "input/linkguess.h"

/* ---- cleaning a line ---- */

struct cline {
	char *s;             /* cleaned text, ASCII where the paste had full-width forms */
	unsigned long *col;  /* original column (1-based, in bytes) of each character */
	size_t len;
	unsigned long no;
	const char *orig;    /* the line as pasted, to quote under messages */
	bool fence;          /* a Markdown code fence: a block boundary */
	bool blank;
	size_t comment_at;   /* where a trailing comment was cut, or len */
};

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fputs("hexplain: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static void cut(struct cline *c, size_t from, size_t n)
{
	memmove(c->s + from, c->s + from + n, c->len - from - n);
	memmove(c->col + from, c->col + from + n, (c->len - from - n) * sizeof(c->col[0]));
	c->len -= n;
	c->s[c->len] = '\0';
}

static size_t skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* Full-width forms (U+FF01..U+FF5E) become their ASCII letters, no-break and
 * ideographic spaces become spaces: web pages and CJK input methods put
 * them into copied dumps ("0x0000：", "4500 0038"). */
static void clean_unicode(struct cline *c, const char *t, size_t n)
{
	c->s = xmalloc(n + 1);
	c->col = xmalloc((n + 1) * sizeof(c->col[0]));
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)t + i;
		c->col[o] = i + 1;
		if (u[0] == 0xc2 && i + 1 < n && u[1] == 0xa0) {
			c->s[o++] = ' ';
			i += 2;
		} else if (u[0] == 0xe3 && i + 2 < n && u[1] == 0x80 && u[2] == 0x80) {
			c->s[o++] = ' ';
			i += 3;
		} else if (u[0] == 0xef && i + 2 < n && (u[1] == 0xbc || u[1] == 0xbd) &&
			   u[2] >= 0x80 && u[2] <= 0xbf) {
			unsigned cp = ((0xfu) << 12) | ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
			if (cp >= 0xff01 && cp <= 0xff5e) {
				c->s[o++] = (char)(cp - 0xfee0);
				i += 3;
			} else {
				c->s[o++] = (char)u[0];
				i++;
			}
		} else if (u[0] == '\r' && i + 1 == n) {
			i++; /* CRLF */
		} else {
			c->s[o++] = (char)u[0];
			i++;
		}
	}
	c->len = o;
	c->s[o] = '\0';
}

/* Quotes ("> "), gutters ("12 | ... |"), bullets ("- ", "* ", "• ") and
 * trailing comments ("# IP header", "// TCP", C's block comments) go.  A
 * comment starts only after white space and outside quotes, so an ASCII
 * column's "//" or a bytes literal's "#" stays. */
static void clean_decorations(struct cline *c)
{
	size_t i = skip_ws(c->s, 0, c->len);
	if (c->len - i >= 3 && (memcmp(c->s + i, "```", 3) == 0 || memcmp(c->s + i, "~~~", 3) == 0)) {
		c->fence = true;
		return;
	}
	for (;;) {
		i = skip_ws(c->s, 0, c->len);
		if (i < c->len && c->s[i] == '>') {
			size_t k = i + 1;
			if (k < c->len && c->s[k] == ' ')
				k++;
			cut(c, 0, k);
			continue;
		}
		size_t d = i;
		while (d < c->len && isdigit((unsigned char)c->s[d]))
			d++;
		size_t bar = skip_ws(c->s, d, c->len);
		if (d > i && d - i <= 6 && bar < c->len && c->s[bar] == '|' &&
		    (bar + 1 == c->len || c->s[bar + 1] == ' ')) {
			cut(c, 0, bar + 1);
			size_t e = c->len;
			while (e > 0 && c->s[e - 1] == ' ')
				e--;
			if (e > 0 && c->s[e - 1] == '|' && (e == 1 || c->s[e - 2] == ' '))
				c->len = e - 1, c->s[c->len] = '\0';
			continue;
		}
		if (i + 1 < c->len && (c->s[i] == '-' || c->s[i] == '*' || c->s[i] == '+') &&
		    (c->s[i + 1] == ' ' || c->s[i + 1] == '\t') && skip_ws(c->s, i + 1, c->len) < c->len) {
			cut(c, 0, i + 2);
			continue;
		}
		if (c->len - i >= 4 && memcmp(c->s + i, "\xe2\x80\xa2", 3) == 0 && c->s[i + 3] == ' ') {
			cut(c, 0, i + 4);
			continue;
		}
		break;
	}
	/* block comments, then a comment to the end of the line */
	char quote = 0;
	c->comment_at = c->len;
	for (size_t k = 0; k < c->len; k++) {
		char ch = c->s[k];
		if (quote) {
			if (ch == '\\')
				k++;
			else if (ch == quote)
				quote = 0;
			continue;
		}
		if ((ch == '\'' || ch == '"') && k > 0 && (c->s[k - 1] == 'b' || c->s[k - 1] == '=' ||
							    c->s[k - 1] == ' ' || c->s[k - 1] == '(')) {
			quote = ch;
			continue;
		}
		bool after_ws = k == 0 || c->s[k - 1] == ' ' || c->s[k - 1] == '\t' || c->s[k - 1] == ',';
		if (ch == '/' && k + 1 < c->len && c->s[k + 1] == '*') {
			char *end = strstr(c->s + k + 2, "*/");
			size_t stop = end ? (size_t)(end - c->s) + 2 : c->len;
			memset(c->s + k, ' ', stop - k);
			k = stop - 1;
			continue;
		}
		if (after_ws && ((ch == '/' && k + 1 < c->len && c->s[k + 1] == '/') ||
				 (ch == '#' && (k + 1 == c->len || c->s[k + 1] == ' ')))) {
			c->comment_at = k;
			c->len = k;
			c->s[k] = '\0';
			break;
		}
	}
	while (c->len > 0 && (c->s[c->len - 1] == ' ' || c->s[c->len - 1] == '\t'))
		c->s[--c->len] = '\0';
}

static void clean_line(struct cline *c, const struct paste_line *pl)
{
	memset(c, 0, sizeof(*c));
	c->no = pl->no;
	c->orig = pl->text;
	clean_unicode(c, pl->text, pl->len);
	clean_decorations(c);
	c->blank = !c->fence && skip_ws(c->s, 0, c->len) == c->len;
}

/* A block whose every line starts with a line number ("01: ", "1. ") counting
 * up by one is a listing's gutter, not offsets (which count bytes). */
static void strip_number_gutter(struct cline *b, size_t n)
{
	if (n < 2)
		return;
	unsigned long prev = 0;
	size_t widths[64];
	for (size_t i = 0; i < n; i++) {
		size_t k = skip_ws(b[i].s, 0, b[i].len), d = k;
		while (d < b[i].len && isdigit((unsigned char)b[i].s[d]))
			d++;
		if (d == k || d - k > 4 || d >= b[i].len || !strchr(":.)", b[i].s[d]) ||
		    d + 1 >= b[i].len || b[i].s[d + 1] != ' ')
			return;
		unsigned long v = strtoul(b[i].s + k, NULL, 10);
		if (i > 0 && v != prev + 1)
			return;
		if (i == 0 && v > 1)
			return;
		prev = v;
		if (i < 64)
			widths[i] = d + 2;
	}
	for (size_t i = 0; i < n; i++) {
		size_t w = i < 64 ? widths[i] : 0;
		if (!w) {
			size_t d = skip_ws(b[i].s, 0, b[i].len);
			while (isdigit((unsigned char)b[i].s[d]))
				d++;
			w = d + 2;
		}
		cut(&b[i], 0, w);
	}
}

/* ---- packets being read ---- */

struct pkt {
	uint8_t *bytes;
	size_t len, cap;
	struct strbuf summary;
	bool has_summary, damaged;
	unsigned long line, hex_line, last_line;
};

struct reading {
	const struct paste_format *f;
	const struct paste_sink *sink;
	bool report;  /* the chosen reading: say what was skipped */
	struct pkt *pkts;
	size_t npkts, cap;
	struct pkt *cur;  /* the packet being filled, NULL between packets */
	struct strbuf pending;  /* a summary line waiting for its hex */
	unsigned long pending_line;
	/* evidence */
	long data_lines, bad, off_ok, ascii_ok, ascii_bad, skipped_data;
	/* dump state */
	size_t lost;           /* bytes the offsets say are missing */
	uint8_t *prev_line;    /* the bytes of the line before a '*' */
	size_t prev_n;
	bool star;
	size_t width;          /* bytes on a full line */
	/* stream state: a dangling digit */
	int half;
	unsigned long half_line, half_col;
	const char *half_src;
	bool in_array;
};

static void put(struct pkt *p, uint8_t b)
{
	if (p->len == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->bytes = realloc(p->bytes, p->cap);
		if (!p->bytes) {
			fputs("hexplain: out of memory\n", stderr);
			exit(2);
		}
	}
	p->bytes[p->len++] = b;
}

static void report(struct reading *r, enum severity sev, const struct cline *c, size_t at,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(struct reading *r, enum severity sev, const struct cline *c, size_t at,
		   const char *fmt, ...)
{
	if (sev != SEV_NOTE)
		r->bad++;
	if (sev == SEV_ERROR && r->cur)
		r->cur->damaged = true;
	if (!r->report)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	unsigned long col = at < c->len ? c->col[at] : (c->len ? c->col[c->len - 1] + 1 : 1);
	diag_report(r->sink->d, sev, r->sink->name, c->no, col, c->orig, "%s", msg);
}

static struct pkt *begin_packet(struct reading *r, const struct cline *c)
{
	if (r->cur)
		return r->cur;
	if (r->npkts == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->pkts = realloc(r->pkts, r->cap * sizeof(r->pkts[0]));
		if (!r->pkts)
			exit(2);
	}
	struct pkt *p = &r->pkts[r->npkts++];
	memset(p, 0, sizeof(*p));
	sb_init(&p->summary);
	p->line = p->hex_line = c->no;
	if (r->pending.len) {
		sb_puts(&p->summary, r->pending.s);
		p->has_summary = true;
		p->line = r->pending_line;
		sb_reset(&r->pending);
	}
	r->cur = p;
	r->lost = 0;
	r->star = false;
	r->prev_n = 0;
	return p;
}

static void end_packet(struct reading *r)
{
	r->cur = NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return (tolower((unsigned char)c) - 'a' + 10) & 0xf;
}

static bool all_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

/* Whether a line of text might have been meant as data: two or more words
 * of hex digits. */
static bool looks_like_data(const char *s, size_t n)
{
	int words = 0;
	for (size_t i = 0; i < n;) {
		i = skip_ws(s, i, n);
		size_t k = i;
		while (k < n && s[k] != ' ' && s[k] != '\t')
			k++;
		size_t w = k - i;
		if (w >= 2 && w % 2 == 0 && all_hex(s + i, w))
			words++;
		i = k;
	}
	return words >= 2;
}

/* A tcpdump summary whose hex never came: a packet of its own, as tcpdump
 * prints for a frame cut inside its link header. */
static void flush_summary(struct reading *r)
{
	if (!r->pending.len)
		return;
	struct cline none = {.no = r->pending_line};
	begin_packet(r, &none);
	r->cur->hex_line = 0;
	end_packet(r);
}

/* A line that is not data: a tcpdump summary waits for its hex; other text
 * ends the packet, and is worth a word when it looked like hex. */
static void text_line(struct reading *r, const struct cline *c)
{
	bool inside = r->cur != NULL;
	end_packet(r);
	size_t i = skip_ws(c->s, 0, c->len);
	if (i == c->len)
		return;
	if (i == 0 && looks_like_tcpdump_summary(c->s, c->len)) {
		flush_summary(r);
		sb_putn(&r->pending, c->s, c->len);
		r->pending_line = c->no;
		return;
	}
	if (r->pending.len && i > 0) {
		sb_putc(&r->pending, '\n');
		sb_putn(&r->pending, c->s, c->len);
		return;
	}
	/* inside a dump, a line that looks like hex is bytes lost; between
	 * dumps, it may be a note's prose */
	if (looks_like_data(c->s + i, c->len - i)) {
		r->skipped_data++;
		report(r, inside && r->f->off_max ? SEV_ERROR : SEV_NOTE, c, i,
		       _("this line looks like hex but not like %s; it was skipped (--format NAME "
			 "reads it another way)"),
		       r->f->name);
	}
	else if (r->report)
		report(r, SEV_NOTE, c, i, _("text skipped: '%.*s'"),
		       (int)(c->len - i < 60 ? c->len - i : 60), c->s + i);
}

/* ---- dumps: offset, groups, ASCII column ---- */

struct group {
	size_t at, len;
	size_t gap;  /* white space before it */
};

struct dline {
	enum { DL_TEXT, DL_DATA, DL_STAR, DL_FINAL } kind;
	bool has_off;
	unsigned long off;
	size_t off_at;
	struct group *g;
	size_t ng, gcap;
	size_t rest;  /* where the text after the groups starts (ASCII column or junk) */
};

static bool parse_offset(const struct paste_format *f, const char *s, size_t n, size_t *i,
			 unsigned long *off)
{
	size_t k = *i;
	bool prefix = n - k > 2 && s[k] == '0' && (s[k + 1] == 'x' || s[k + 1] == 'X');
	if (f->off_0x && !prefix)
		return false;
	/* the catch-all offset format takes "0x0010:" and "0010:" alike */
	if (prefix && (f->off_0x || f->off_min == 1))
		k += 2;
	size_t d = k;
	while (d < n && isxdigit((unsigned char)s[d]))
		d++;
	if (d - k < f->off_min || d - k > f->off_max)
		return false;
	size_t e = d;
	if (e < n && s[e] == ':') {
		if (f->colon == 0)
			return false;
		e++;
	} else if (f->colon == 1) {
		return false;
	}
	if (e < n && s[e] != ' ' && s[e] != '\t')
		return false;
	*off = strtoul(s + k, NULL, 16);
	*i = e;
	return true;
}

static bool group_fits(const struct paste_format *f, const char *s, size_t n, bool last)
{
	if (!all_hex(s, n))
		return false;
	if (f->group)
		return n == f->group || (last && f->group > 2 && !f->le16 && n % 2 == 0 && n < f->group);
	return n >= 2;
}

static void parse_dump_line(const struct paste_format *f, const struct cline *c, struct dline *dl)
{
	const char *s = c->s;
	size_t n = c->len;
	dl->kind = DL_TEXT;
	dl->ng = 0;
	dl->has_off = false;
	size_t i = skip_ws(s, 0, n);
	if (i == n)
		return;
	if (f->stars && s[i] == '*' && skip_ws(s, i + 1, n) == n) {
		dl->kind = DL_STAR;
		return;
	}
	if (f->off_max) {
		dl->off_at = i;
		if (!parse_offset(f, s, n, &i, &dl->off))
			return;
		dl->has_off = true;
		if (skip_ws(s, i, n) == n) {
			dl->kind = f->final_offset ? DL_FINAL : DL_TEXT;
			return;
		}
	}
	dl->rest = n;
	while (i < n) {
		size_t at = skip_ws(s, i, n);
		if (at == n)
			break;
		if (f->ascii == 2 && s[at] == '|') {
			dl->rest = at;
			break;
		}
		size_t e = at;
		while (e < n && s[e] != ' ' && s[e] != '\t')
			e++;
		/* "0x45" words in a bytes line */
		size_t ds = at;
		if (!f->off_max && e - at > 2 && s[at] == '0' && (s[at + 1] == 'x' || s[at + 1] == 'X'))
			ds += 2;
		size_t de = e; /* "0x45," is an array's: c-array reads it */
		if (!group_fits(f, s + ds, de - ds, true)) {
			dl->rest = at;
			break;
		}
		if (dl->ng == dl->gcap) {
			dl->gcap = dl->gcap ? dl->gcap * 2 : 64;
			dl->g = realloc(dl->g, dl->gcap * sizeof(dl->g[0]));
			if (!dl->g)
				exit(2);
		}
		dl->g[dl->ng++] = (struct group){ds, de - ds, at - i};
		i = e;
	}
	dl->kind = dl->ng ? DL_DATA : DL_TEXT;
}

static size_t group_bytes(const struct dline *dl, size_t upto)
{
	size_t b = 0;
	for (size_t k = 0; k < upto; k++)
		b += dl->g[k].len / 2;
	return b;
}

static void group_decode(const struct paste_format *f, const char *s, const struct group *g,
			 uint8_t *out)
{
	size_t nb = g->len / 2;
	for (size_t j = 0; j < nb; j++)
		out[j] = (uint8_t)(hexval(s[g->at + 2 * j]) << 4 | hexval(s[g->at + 2 * j + 1]));
	if (f->le16 && nb == 2) {
		uint8_t t = out[0];
		out[0] = out[1];
		out[1] = t;
	}
}

/* How a byte shows in an ASCII column: itself when printable, else '.'. */
static bool ascii_matches(const uint8_t *b, size_t nb, const char *t, size_t tn)
{
	if (nb == 0 || tn != nb)
		return false;
	for (size_t i = 0; i < nb; i++) {
		bool printable = b[i] >= 0x20 && b[i] < 0x7f;
		if (printable ? !(t[i] == (char)b[i] || (b[i] == ' ' && t[i] == '.')) : t[i] != '.')
			return false;
	}
	return true;
}

/* Where the hex of a line stops.  At most limit bytes are data (the next
 * line's offset, or the width of full lines); trailing groups that spell the
 * bytes before them are their ASCII column ("6162 6364  abcd"). */
static size_t data_groups(const struct paste_format *f, const struct cline *c, struct dline *dl,
			  size_t limit)
{
	size_t ng = dl->ng;
	if (limit) {
		size_t b = 0, k = 0;
		while (k < ng && b + dl->g[k].len / 2 <= limit)
			b += dl->g[k++].len / 2;
		if (k < ng && k > 0)
			ng = k;
	}
	if (f->ascii == 1 && ng > 1) {
		uint8_t *tmp = xmalloc(group_bytes(dl, ng) + 1);
		/* the column follows the last wide gaps; trying a few keeps an
		 * absurd line linear */
		int tries = 0;
		for (size_t k = ng - 1; k > 0 && tries < 4; k--) {
			if (dl->g[k].gap < 2)
				continue;
			tries++;
			size_t nb = 0;
			for (size_t j = 0; j < k; j++) {
				group_decode(f, c->s, &dl->g[j], tmp + nb);
				nb += dl->g[j].len / 2;
			}
			size_t ta = dl->g[k].at;
			size_t te = c->len;
			if (ascii_matches(tmp, nb, c->s + ta, te - ta)) {
				ng = k;
				break;
			}
		}
		free(tmp);
	}
	if (ng < dl->ng)
		dl->rest = dl->g[ng].at - (dl->g[ng].at > 0 && c->s[dl->g[ng].at - 1] == 'x' ? 2 : 0);
	return ng;
}

static void check_rest(struct reading *r, const struct cline *c, const struct dline *dl,
		       const uint8_t *b, size_t nb)
{
	const struct paste_format *f = r->f;
	size_t at = skip_ws(c->s, dl->rest, c->len);
	if (at >= c->len)
		return;
	const char *t = c->s + at;
	size_t tn = c->len - at;
	if (f->ascii == 2) {
		if (t[0] == '|' && tn >= 2 && t[tn - 1] == '|') {
			t++;
			tn -= 2;
		} else {
			report(r, SEV_ERROR, c, at, _("'%c' is not a hex digit; the rest of the line was "
						      "skipped"),
			       *t);
			return;
		}
	} else if (f->ascii == 0) {
		size_t w = strcspn(t, " \t");
		if (all_hex(t, w))
			report(r, SEV_ERROR, c, at,
			       _("'%.*s' is not a group of %u hex digits like the others; the rest of "
				 "the line was skipped"),
			       (int)w, t, (unsigned)(f->group ? f->group : 2));
		else
			report(r, SEV_ERROR, c, at,
			       _("'%c' is not a hex digit; the rest of the line was skipped"), *t);
		return;
	}
	if (ascii_matches(b, nb, t, tn)) {
		r->ascii_ok++;
		return;
	}
	/* The column may be cut short or padded; compare what is there. */
	size_t m = tn < nb ? tn : nb;
	for (size_t i = 0; i < m; i++)
		if (!ascii_matches(b + i, 1, t + i, 1)) {
			r->ascii_bad++;
			report(r, SEV_WARNING, c, at + i + (size_t)(t - (c->s + at)),
			       _("the ASCII column says '%c' but byte %zu is 0x%02x; the hex was kept"),
			       t[i], i, b[i]);
			return;
		}
	if (tn != nb) {
		r->ascii_bad++;
		report(r, SEV_WARNING, c, at, _("the ASCII column has %zu characters for %zu bytes"),
		       tn, nb);
	}
}

/* Repeats the line before a '*' until the packet reaches want bytes. */
static void fill_stars(struct reading *r, size_t want)
{
	struct pkt *p = r->cur;
	if (!r->prev_n)
		return;
	while (p->len + r->lost < want)
		put(p, r->prev_line[(p->len + r->lost) % r->prev_n]);
	r->star = false;
}

static void read_dump_block(struct reading *r, const struct cline *b, size_t n)
{
	const struct paste_format *f = r->f;
	struct dline *dl = xmalloc(n * sizeof(*dl));
	memset(dl, 0, n * sizeof(*dl));
	for (size_t i = 0; i < n; i++)
		parse_dump_line(f, &b[i], &dl[i]);
	r->width = 0;
	uint8_t *tmp = NULL;
	size_t tmpcap = 0;
	for (size_t i = 0; i < n; i++) {
		const struct cline *c = &b[i];
		struct dline *d = &dl[i];
		if (d->kind == DL_TEXT) {
			text_line(r, c);
			continue;
		}
		if (d->kind == DL_STAR) {
			if (!r->cur)
				report(r, SEV_ERROR, c, 0, _("'*' repeats a line, but no line came before"));
			r->star = true;
			continue;
		}
		if (d->kind == DL_FINAL) {
			if (!r->cur)
				continue;
			if (r->star)
				fill_stars(r, d->off);
			if (f->le16 && d->off < r->cur->len + r->lost &&
			    d->off + 2 > r->cur->len + r->lost) {
				r->cur->len = d->off - r->lost; /* the last word's padding */
				r->off_ok++;
			} else if (d->off == r->cur->len + r->lost) {
				r->off_ok++;
			} else {
				report(r, SEV_ERROR, c, d->off_at,
				       _("the final offset 0x%lx says %lu bytes, but %zu were read"), d->off,
				       d->off, r->cur->len + r->lost);
			}
			r->cur->last_line = c->no;
			end_packet(r);
			continue;
		}
		/* how many bytes this line holds: up to the next line's offset */
		size_t limit = r->width;
		if (d->has_off) {
			for (size_t k = i + 1; k < n; k++) {
				if (dl[k].kind == DL_DATA || dl[k].kind == DL_FINAL) {
					if (dl[k].off > d->off && dl[k].kind == DL_DATA &&
					    dl[k - 1].kind != DL_STAR)
						limit = dl[k].off - d->off;
					break;
				}
				if (dl[k].kind != DL_STAR)
					break;
			}
		}
		size_t ng = data_groups(f, c, d, limit);
		size_t nb = group_bytes(d, ng);
		if (nb + 2 > tmpcap) {
			tmpcap = nb + 2;
			tmp = realloc(tmp, tmpcap);
			if (!tmp)
				exit(2);
		}
		size_t o = 0;
		for (size_t k = 0; k < ng; k++) {
			if (d->g[k].len % 2) {
				report(r, SEV_ERROR, c, d->g[k].at + d->g[k].len - 1,
				       _("odd number of hex digits in '%.*s'; the last digit was dropped"),
				       (int)d->g[k].len, c->s + d->g[k].at);
			}
			group_decode(f, c->s, &d->g[k], tmp + o);
			o += d->g[k].len / 2;
		}
		if (d->has_off && d->off == 0 && r->cur && r->cur->len > 0)
			end_packet(r); /* offsets start again: a new packet */
		struct pkt *p = begin_packet(r, c);
		r->data_lines++;
		if (d->has_off) {
			size_t expect = p->len + r->lost;
			if (r->star && d->off > expect)
				fill_stars(r, d->off), expect = p->len + r->lost;
			if (d->off == expect) {
				r->off_ok += expect > 0 ? 2 : 0; /* offset 0 proves nothing */
			} else if (d->off > expect) {
				report(r, SEV_ERROR, c, d->off_at,
				       _("offset jumps from 0x%04zx to 0x%04lx: %lu bytes are missing; the "
					 "bytes were joined without them"),
				       expect, d->off, d->off - expect);
				r->lost += d->off - expect;
			} else {
				report(r, SEV_ERROR, c, d->off_at,
				       _("offset 0x%04lx goes back into %zu bytes already read; this "
					 "line was skipped"),
				       d->off, expect - d->off);
				continue;
			}
		}
		for (size_t k = 0; k < o; k++)
			put(p, tmp[k]);
		check_rest(r, c, d, tmp, o);
		if (nb > r->width)
			r->width = nb;
		if (f->stars) {
			r->prev_line = realloc(r->prev_line, o ? o : 1);
			memcpy(r->prev_line, tmp, o);
			r->prev_n = o;
		}
		r->star = false;
		p->last_line = c->no;
	}
	if (r->star && r->cur)
		report(r, SEV_ERROR, &b[n - 1], 0,
		       _("'*' at the end with no offset after it: how many repeats is unknown"));
	end_packet(r);
	for (size_t i = 0; i < n; i++)
		free(dl[i].g);
	free(dl);
	free(tmp);
}

/* ---- hex streams ---- */

static void stream_digit(struct reading *r, const struct cline *c, size_t at)
{
	int v = hexval(c->s[at]);
	if (r->half < 0) {
		r->half = v;
		r->half_line = c->no;
		r->half_col = c->col[at];
		r->half_src = c->orig;
		return;
	}
	put(r->cur, (uint8_t)(r->half << 4 | v));
	r->half = -1;
}

static void stream_end(struct reading *r)
{
	if (r->half >= 0 && r->cur) {
		r->bad++;
		r->cur->damaged = true;
		if (r->report)
			diag_report(r->sink->d, SEV_ERROR, r->sink->name, r->half_line, r->half_col,
				    r->half_src,
				    _("odd number of hex digits: the last digit '%x' was dropped"),
				    (unsigned)r->half);
	}
	r->half = -1;
	end_packet(r);
}

static void read_stream_block(struct reading *r, const struct cline *b, size_t n)
{
	r->half = -1;
	for (size_t i = 0; i < n; i++) {
		const struct cline *c = &b[i];
		size_t a = skip_ws(c->s, 0, c->len), e = c->len;
		if (e - a > 2 && c->s[a] == '0' && (c->s[a + 1] == 'x' || c->s[a + 1] == 'X'))
			a += 2;
		if (!all_hex(c->s + a, e - a)) {
			stream_end(r);
			text_line(r, c);
			continue;
		}
		begin_packet(r, c);
		r->data_lines++;
		for (size_t k = a; k < e; k++)
			stream_digit(r, c, k);
		r->cur->last_line = c->no;
	}
	stream_end(r);
}

/* ---- "\x45\x00" ---- */

static void read_escaped_block(struct reading *r, const struct cline *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct cline *c = &b[i];
		const char *s = c->s;
		char *first = strstr(s, "\\x");
		if (!first) {
			text_line(r, c);
			continue;
		}
		struct pkt *p = begin_packet(r, c);
		r->data_lines++;
		for (size_t k = (size_t)(first - s); k < c->len;) {
			if (s[k] == '\\' && k + 3 < c->len && s[k + 1] == 'x' &&
			    isxdigit((unsigned char)s[k + 2]) && isxdigit((unsigned char)s[k + 3])) {
				put(p, (uint8_t)(hexval(s[k + 2]) << 4 | hexval(s[k + 3])));
				k += 4;
			} else if (strchr(" \t\"'+;,)\\", s[k])) {
				k++;
			} else {
				report(r, SEV_ERROR, c, k,
				       _("'%c' is not part of a \\x escape; the rest of the line was "
					 "skipped"),
				       s[k]);
				break;
			}
		}
		p->last_line = c->no;
	}
	end_packet(r);
}

/* ---- 0x45, 0x00 ---- */

/* Whether a line is part of an array of hex bytes: after the declaration
 * ("... = {", "[]byte{"), only 0x literals, their suffixes, casts and
 * punctuation.  Prose that mentions "0x45" is not. */
static bool array_line(const struct reading *r, const char *s, size_t len)
{
	const char *lit = NULL;
	for (size_t k = 0; k + 2 < len; k++)
		if (s[k] == '0' && (s[k + 1] == 'x' || s[k + 1] == 'X') &&
		    isxdigit((unsigned char)s[k + 2]) && (k == 0 || !isalnum((unsigned char)s[k - 1]))) {
			lit = s + k;
			break;
		}
	if (!lit)
		return false;
	size_t start = 0, nlit = 0;
	for (size_t k = 0; k < (size_t)(lit - s); k++)
		if (s[k] == '{' || s[k] == '[' || s[k] == '=')
			start = k + 1;
	bool opened = r->in_array || start > 0;
	for (size_t k = start; k < len;) {
		char ch = s[k];
		if (ch == '0' && k + 2 < len && (s[k + 1] == 'x' || s[k + 1] == 'X')) {
			k += 2;
			while (k < len && (isalnum((unsigned char)s[k]) || s[k] == '_'))
				k++; /* digits and a suffix: 0x45u8 */
			nlit++;
		} else if (ch == '(') {
			const char *close = memchr(s + k, ')', len - k);
			if (close && !memchr(s + k, '0', (size_t)(close - (s + k))))
				k = (size_t)(close - s) + 1; /* a cast: (uint8_t) */
			else
				k++;
		} else if (isalpha((unsigned char)ch) || ch == '_') {
			size_t e = k;
			while (e < len && (isalnum((unsigned char)s[e]) || s[e] == '_'))
				e++;
			if (e >= len || s[e] != '(')
				return false; /* a word: prose, not an array */
			k = e; /* byte(0x45) */
		} else if (strchr(" \t,)}];{[", ch)) {
			k++;
		} else {
			return false;
		}
	}
	return opened || nlit >= 2;
}

static void read_array_block(struct reading *r, const struct cline *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct cline *c = &b[i];
		const char *s = c->s;
		size_t len = c->len;
		bool any = false;
		if (!array_line(r, s, len)) {
			size_t a = skip_ws(s, 0, len);
			if (strchr(s, '0') && strstr(s, "0x") && !strpbrk(s, "{}[]"))
				text_line(r, c);
			else if (a < len && strpbrk(s, "{[")) {
				/* "let pkt: [u8; 56] = [": the last bracket opens it */
				size_t k = len;
				while (k > 0 && !strchr("{[}]", s[k - 1]))
					k--;
				r->in_array = k > 0 && (s[k - 1] == '{' || s[k - 1] == '[');
			}
			else if (a < len && strpbrk(s, "}]") && r->cur)
				end_packet(r), r->in_array = false;
			else if (a < len)
				text_line(r, c);
			continue;
		}
		for (size_t k = 0; k < len;) {
			char ch = s[k];
			if (ch == '{' || ch == '[') {
				if (r->cur && r->cur->len)
					end_packet(r);
				r->in_array = true;
				k++;
			} else if (ch == '}' || ch == ']') {
				if (r->cur)
					r->cur->last_line = c->no;
				end_packet(r);
				r->in_array = false;
				k++;
			} else if (ch == '0' && k + 1 < len && (s[k + 1] == 'x' || s[k + 1] == 'X') &&
				   (k == 0 || !isalnum((unsigned char)s[k - 1]))) {
				size_t d = k + 2;
				while (d < len && isxdigit((unsigned char)s[d]))
					d++;
				unsigned long v = strtoul(s + k + 2, NULL, 16);
				size_t after = d;
				while (after < len && (isalnum((unsigned char)s[after]) || s[after] == '_'))
					after++;
				after = skip_ws(s, after, len);
				/* prose mentions "0x45" too: only a list is an array */
				(void)after;
				if (d == k + 2 || v > 0xff) {
					report(r, SEV_ERROR, c, k,
					       _("'%.*s' is not a byte; it was skipped"), (int)(d - k),
					       s + k);
				} else {
					struct pkt *p = begin_packet(r, c);
					if (!any)
						r->data_lines++;
					any = true;
					put(p, (uint8_t)v);
					p->last_line = c->no;
				}
				k = d;
				while (k < len && (isalnum((unsigned char)s[k]) || s[k] == '_'))
					k++; /* Rust's 0x45u8 */
			} else if (isalpha((unsigned char)ch) || ch == '_') {
				while (k < len && (isalnum((unsigned char)s[k]) || s[k] == '_'))
					k++; /* types, casts, names */
			} else if (isdigit((unsigned char)ch)) {
				size_t d = k;
				while (d < len && isalnum((unsigned char)s[d]))
					d++;
				size_t nx = skip_ws(s, d, len);
				if (r->in_array && (r->cur || (nx < len && s[nx] == ',')))
					report(r, SEV_ERROR, c, k,
					       _("'%.*s' is not a hex byte (0x..); it was skipped"),
					       (int)(d - k), s + k);
				k = d;
			} else {
				k++;
			}
		}
	}
	end_packet(r);
}

/* ---- b'E\x00\x00<' ---- */

static void read_byteslit_block(struct reading *r, const struct cline *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct cline *c = &b[i];
		const char *s = c->s;
		size_t len = c->len;
		bool any = false;
		for (size_t k = 0; k + 1 < len; k++) {
			if (!((s[k] == 'b' || s[k] == 'B') && (s[k + 1] == '\'' || s[k + 1] == '"') &&
			      (k == 0 || !isalnum((unsigned char)s[k - 1]))))
				continue;
			if (!any && r->cur && r->cur->len && memchr(s, '=', k))
				end_packet(r); /* a new assignment: a new packet */
			char q = s[k + 1];
			struct pkt *p = begin_packet(r, c);
			if (!any)
				r->data_lines++;
			any = true;
			size_t j = k + 2;
			for (; j < len && s[j] != q; j++) {
				if (s[j] != '\\') {
					put(p, (uint8_t)s[j]);
					continue;
				}
				if (++j >= len)
					break;
				static const char from[] = "ntr\\'\"abfv";
				static const uint8_t to[] = {'\n', '\t', '\r', '\\', '\'', '"', 7, 8, 12, 11};
				const char *e = strchr(from, s[j]);
				if (s[j] == 'x' && j + 2 < len && isxdigit((unsigned char)s[j + 1]) &&
				    isxdigit((unsigned char)s[j + 2])) {
					put(p, (uint8_t)(hexval(s[j + 1]) << 4 | hexval(s[j + 2])));
					j += 2;
				} else if (s[j] >= '0' && s[j] <= '7') {
					unsigned v = 0;
					size_t m = 0;
					while (m < 3 && j < len && s[j] >= '0' && s[j] <= '7')
						v = v * 8 + (unsigned)(s[j++] - '0'), m++;
					j--;
					put(p, (uint8_t)v);
				} else if (e && *e) {
					put(p, to[e - from]);
				} else {
					report(r, SEV_ERROR, c, j - 1,
					       _("'\\%c' is not an escape of a bytes literal; it was "
						 "skipped"),
					       s[j]);
				}
			}
			if (j >= len)
				report(r, SEV_ERROR, c, len, _("the bytes literal has no closing %c"), q);
			p->last_line = c->no;
			k = j;
		}
		if (!any && !r->cur)
			text_line(r, c);
	}
	end_packet(r);
}

/* ---- choosing a reading ---- */

static void read_block(struct reading *r, const struct cline *b, size_t n)
{
	switch (r->f->kind) {
	case PK_TCPDUMP:
	case PK_DUMP:
		read_dump_block(r, b, n);
		break;
	case PK_STREAM:
		read_stream_block(r, b, n);
		break;
	case PK_ESCAPED:
		read_escaped_block(r, b, n);
		break;
	case PK_ARRAY:
		read_array_block(r, b, n);
		break;
	case PK_BYTESLIT:
		read_byteslit_block(r, b, n);
		break;
	}
}

static void reading_free(struct reading *r)
{
	for (size_t i = 0; i < r->npkts; i++) {
		free(r->pkts[i].bytes);
		sb_free(&r->pkts[i].summary);
	}
	free(r->pkts);
	free(r->prev_line);
	sb_free(&r->pending);
	memset(r, 0, sizeof(*r));
}

static long score(const struct reading *r)
{
	return r->data_lines * 4 + r->off_ok + r->ascii_ok * 2 - r->bad * 6 - r->ascii_bad * 4 -
	       r->skipped_data * 3;
}

static bool same_bytes(const struct reading *a, const struct reading *b)
{
	if (a->npkts != b->npkts)
		return false;
	for (size_t i = 0; i < a->npkts; i++)
		/* an empty packet may have no buffer, and memcmp(NULL, ..., 0)
		 * is undefined (found by fuzz/fuzz_text.c, tests/regress/
		 * text-crash-64178c23...) */
		if (a->pkts[i].len != b->pkts[i].len ||
		    (a->pkts[i].len &&
		     memcmp(a->pkts[i].bytes, b->pkts[i].bytes, a->pkts[i].len) != 0))
			return false;
	return true;
}

/* How well the first packet parses as a packet: the best link guess. */
static int packet_plausibility(const struct reading *r)
{
	if (!r->npkts || !r->pkts[0].len)
		return 0;
	struct link_candidate cands[LINK_GUESS_CANDIDATES];
	size_t best = link_guess_scores(r->pkts[0].bytes, r->pkts[0].len, r->pkts[0].summary.s,
					LINK_UNKNOWN, cands, NULL);
	return cands[best].score;
}

static void emit_packets(const struct reading *r)
{
	for (size_t i = 0; i < r->npkts; i++) {
		const struct pkt *p = &r->pkts[i];
		struct frame fr = {
			.bytes = p->bytes,
			.len = p->len,
			.source = r->sink->name,
			.line = p->line,
			.hex_line = p->hex_line,
			.last_line = p->last_line ? p->last_line : p->hex_line,
			.summary = p->summary.s ? p->summary.s : "",
			.has_summary = p->has_summary,
			.stream_link = "",
			.damaged = p->damaged,
		};
		r->sink->fn(&fr, r->sink->user);
	}
}

static void read_chosen(const struct paste_format *f, const struct cline *b, size_t n,
			const struct paste_sink *sink)
{
	struct reading r = {.f = f, .sink = sink, .report = true, .half = -1};
	sb_init(&r.pending);
	read_block(&r, b, n);
	flush_summary(&r);
	emit_packets(&r);
	reading_free(&r);
}

static void read_detected(const struct cline *b, size_t n, const struct paste_sink *sink)
{
	struct reading all[32];
	size_t nr = 0, best = SIZE_MAX, second = SIZE_MAX;
	for (size_t i = 0; i < paste_format_count && nr < 32; i++) {
		struct reading *r = &all[nr];
		*r = (struct reading){.f = &paste_formats[i], .sink = sink, .half = -1};
		sb_init(&r->pending);
		read_block(r, b, n);
		if (r->data_lines == 0) {
			reading_free(r);
			continue;
		}
		if (best == SIZE_MAX || score(r) > score(&all[best]))
			best = nr;
		nr++;
	}
	if (best == SIZE_MAX) {
		struct reading r = {.f = &paste_formats[0], .sink = sink, .report = true, .half = -1};
		sb_init(&r.pending);
		for (size_t i = 0; i < n; i++)
			text_line(&r, &b[i]);
		flush_summary(&r);
		emit_packets(&r);
		reading_free(&r);
		return;
	}
	for (size_t i = 0; i < nr; i++)
		if (i != best && !same_bytes(&all[i], &all[best]) &&
		    (second == SIZE_MAX || score(&all[i]) > score(&all[second])))
			second = i;
	const struct paste_format *chosen = all[best].f;
	/* Another reading nearly as good, with other bytes: the packet that
	 * parses better decides, and both are named. */
	bool ambiguous = second != SIZE_MAX && all[second].bad == 0 &&
			 score(&all[best]) - score(&all[second]) < 2;
	if (ambiguous) {
		int pb = packet_plausibility(&all[best]), ps = packet_plausibility(&all[second]);
		const struct paste_format *other = all[second].f;
		if (ps > pb) {
			chosen = all[second].f;
			other = all[best].f;
		}
		diag_report(sink->d, SEV_WARNING, sink->name, b[0].no, 0, NULL,
			    _("read as %s (%s); --format %s to read it as %s (%s): the packet "
			      "parses with %d points against %d"),
			    chosen->name, _(chosen->what), other->name, other->name, _(other->what),
			    ps > pb ? ps : pb, ps > pb ? pb : ps);
	} else {
		diag_report(sink->d, SEV_NOTE, sink->name, b[0].no, 0, NULL, _("read as %s (%s)"),
			    chosen->name, _(chosen->what));
	}
	for (size_t i = 0; i < nr; i++)
		reading_free(&all[i]);
	read_chosen(chosen, b, n, sink);
}

void paste_read(const struct paste_line *lines, size_t n, const struct paste_format *format,
		const struct paste_sink *sink)
{
	struct cline *c = xmalloc(n * sizeof(*c));
	for (size_t i = 0; i < n; i++)
		clean_line(&c[i], &lines[i]);
	for (size_t i = 0; i < n;) {
		if (c[i].blank || c[i].fence) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < n && !c[e].blank && !c[e].fence)
			e++;
		strip_number_gutter(c + i, e - i);
		if (format)
			read_chosen(format, c + i, e - i, sink);
		else
			read_detected(c + i, e - i, sink);
		i = e;
	}
	for (size_t i = 0; i < n; i++) {
		free(c[i].s);
		free(c[i].col);
	}
	free(c);
}

/* ---- telling tcpdump's text from a paste ---- */

/* 1: this line is tcpdump's; 0: it is a paste's; -1: either. */
static int sniff_line(const char *s, size_t n)
{
	if (n > 256)
		n = 256; /* the start of an absurd line says enough */
	while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
		n--;
	size_t i = skip_ws(s, 0, n);
	if (i == n)
		return -1;
	/* tcpdump's offset lines, summaries and banners */
	if (n - i > 7 && s[i] == '0' && s[i + 1] == 'x' && all_hex(s + i + 2, 4) &&
	    (s[i + 6] == ':' || s[i + 6] == '\t'))
		return 1;
	if (i == 0 && s[0] != '>' && looks_like_tcpdump_summary(s, n) &&
	    (isdigit((unsigned char)s[0]) || strncmp(s, "IP", 2) == 0 || strncmp(s, "ARP", 3) == 0))
		return 1;
	static const char *const banners[] = {"listening on ", "reading from file ", "tcpdump: "};
	for (size_t k = 0; k < sizeof(banners) / sizeof(banners[0]); k++)
		if (strncmp(s, banners[k], strlen(banners[k])) == 0)
			return 1;
	/* what only pastes have */
	for (size_t k = i; k < n; k++) {
		unsigned char u = (unsigned char)s[k];
		if (u == '\\' && k + 1 < n && s[k + 1] == 'x')
			return 0;
		/* "0x45, 0x00" (an array) or "0x4500003c..." (a stream); tcpdump's
		 * summaries say "tos 0x0," and "(0x86dd)" too, so not any 0x */
		if (u == '0' && k + 3 < n && (s[k + 1] == 'x' || s[k + 1] == 'X') &&
		    isxdigit((unsigned char)s[k + 2])) {
			size_t e = k + 2;
			while (e < n && isxdigit((unsigned char)s[e]))
				e++;
			size_t after = e;
			while (after < n && (isalnum((unsigned char)s[after]) || s[after] == '_'))
				after++; /* 0x45u8 */
			after = skip_ws(s, after, n);
			if (k == i && (e == n || (e - k <= 4 && after < n && s[after] == ',')))
				return 0;
			if (e - k <= 4 && after < n && s[after] == ',' && after + 1 < n &&
			    strstr(s + after, "0x") == s + skip_ws(s, after + 1, n))
				return 0;
		}
		if ((u == 'b' || u == 'B') && k + 1 < n && (s[k + 1] == '\'' || s[k + 1] == '"'))
			return 0;
		if (u >= 0x80 && (u == 0xc2 || u == 0xe3 || u == 0xef)) {
			/* no-break or full-width characters among hex */
			size_t hexd = 0;
			for (size_t m = i; m < n; m++)
				hexd += isxdigit((unsigned char)s[m]) != 0;
			if (hexd >= 8)
				return 0;
		}
	}
	if (s[i] == '>' || s[i] == '|' || strncmp(s + i, "```", 3) == 0 || strncmp(s + i, "~~~", 3) == 0)
		return 0;
	size_t d = i;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	size_t bar = skip_ws(s, d, n);
	if (d > i && bar < n && s[bar] == '|')
		return 0; /* a listing's gutter */
	if (d > i && d - i <= 4 && d + 1 < n && strchr(":.)", s[d]) && s[d + 1] == ' ' &&
	    looks_like_data(s + d + 1, n - d - 1))
		return 0; /* "01: 4500 0038": a gutter, or an offset; the paste reader tells */
	if (d - i >= 4 && d - i <= 8 && strspn(s + i, "0") == d - i && d < n && s[d] == ' ' &&
	    looks_like_data(s + d, n - d))
		return 0; /* "0000 4500 ...": an offset 0, or data? the paste reader weighs it */
	/* an offset without 0x (xxd, od, hexdump, Wireshark) before hex */
	size_t h = i;
	while (h < n && isxdigit((unsigned char)s[h]))
		h++;
	if (h - i >= 4 && h < n && (s[h] == ':' || (s[h] == ' ' && h + 1 < n && s[h + 1] == ' ')))
		return 0;
	if (h - i >= 6 && h - i <= 8 && h < n && s[h] == ' ') {
		size_t g = h + 1, w = g;
		while (w < n && isxdigit((unsigned char)s[w]))
			w++;
		if (w > g && w - g != h - i)
			return 0; /* od and hexdump: the offset is wider than the groups */
	}
	if (strchr("-*+", s[i]) && i + 1 < n && s[i + 1] == ' ' && looks_like_data(s + i + 2, n - i - 2))
		return 0;
	/* a line of hex with a comment after it */
	const char *hash = memchr(s, '#', n), *sl = NULL;
	for (size_t k = i; k + 1 < n; k++)
		if (s[k] == '/' && s[k + 1] == '/') {
			sl = s + k;
			break;
		}
	const char *cm = hash ? hash : sl;
	if (cm && cm > s + i && looks_like_data(s + i, (size_t)(cm - s) - i))
		return 0;
	return -1;
}

int paste_sniff(const char *buf, size_t len, bool at_end)
{
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		if (!nl && !at_end && len - i < 256)
			return -1; /* wait for the line to end */
		size_t n = nl ? (size_t)(nl - (buf + i)) : len - i;
		int v = sniff_line(buf + i, n);
		if (v >= 0)
			return v;
		if (!nl)
			break;
		i += n + 1;
	}
	return at_end ? 1 : -1;
}
