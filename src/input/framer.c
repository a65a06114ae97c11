/* framer.c - groups the lexer's tokens into records and records into frames.
 *
 * A record is what tcpdump prints for one packet: a summary line in column 0,
 * indented continuation and detail lines, then the hex lines.  Pastes may have
 * no summary at all; then a blank line, a text line or an offset going back
 * to zero separates packets.
 */
#include "framer.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/packet.h"
#include "core/strbuf.h"
#include "input/linkguess.h"
#include "input/paste.h"
#include "input/token.h"

/* One hex line as the lexer delivered it. */
struct hex_line {
	bool has_offset;
	unsigned long offset;
	unsigned long offset_col;
	size_t start;          /* where its bytes begin in the record's buffer */
	const char *ascii;     /* ASCII column text, NULL if none */
	size_t ascii_len;
	bool ascii_in_line;    /* ascii points into the framer's copy of the line */
	unsigned long ascii_col;
};

struct framer {
	struct diag *d;
	const char *name;
	frame_fn fn;
	void *user;

	/* the record being collected */
	struct strbuf summary;
	bool has_summary;
	unsigned long record_line, hex_line, last_line;
	uint8_t *bytes;
	size_t len, cap;
	bool offsets_seen, damaged;
	size_t last_line_bytes;  /* bytes on the record's last hex line */
	char stream_link[32];
	/* declared_length's guess for the bytes as they are now, handed on
	 * with the frame when it is emitted at once (struct frame.guess) */
	bool has_guess;
	enum link_type guess;

	/* the line being scanned */
	struct strbuf line;
	struct hex_line hl;
	int line_kind;   /* the token that decides what the line is */
	unsigned long line_no;
	int half_digit;  /* a dangling digit of an odd run, -1 when none */
	/* Digits lost on this line (odd run, bad character) were reported
	 * there; the offset of the next line then jumps by what was lost, and
	 * saying so again would be a second error for one mistake. */
	bool line_damaged, hex_line_damaged;
	size_t lost;     /* bytes the offsets say are missing from the record */
	/* Text after the hex (TOK_REMARK) is tcpdump's after an inner dump,
	 * which a later offset 0 discards; if it is still there when the
	 * record ends, it was on the packet's own hex: an error then. */
	unsigned long remark_line, remark_col;
	struct strbuf remark_source;
};

/* Room for n more bytes in the record. */
static void reserve_bytes(struct framer *fr, size_t n)
{
	if (fr->len + n <= fr->cap)
		return;
	size_t cap = fr->cap ? fr->cap : 4096;
	while (cap < fr->len + n)
		cap *= 2;
	uint8_t *nb = realloc(fr->bytes, cap);
	if (!nb) {
		fputs("hexplain: out of memory\n", stderr);
		exit(2);
	}
	fr->bytes = nb;
	fr->cap = cap;
}

static void put_byte(struct framer *fr, uint8_t b)
{
	reserve_bytes(fr, 1);
	fr->bytes[fr->len++] = b;
}

/* Each hex digit's value; the lexer hands over nothing else. */
static const uint8_t hex_value[256] = {
	['0'] = 0,  ['1'] = 1,  ['2'] = 2,  ['3'] = 3,  ['4'] = 4,  ['5'] = 5,  ['6'] = 6,
	['7'] = 7,  ['8'] = 8,  ['9'] = 9,  ['a'] = 10, ['b'] = 11, ['c'] = 12, ['d'] = 13,
	['e'] = 14, ['f'] = 15, ['A'] = 10, ['B'] = 11, ['C'] = 12, ['D'] = 13, ['E'] = 14,
	['F'] = 15,
};

static const bool is_hex_digit[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
};

/* tcpdump's mark for a packet it could not print further: "[|proto]". */
static bool is_cut_marker(const char *s, size_t n)
{
	size_t ws = 0;
	while (ws < n && (s[ws] == ' ' || s[ws] == '\t'))
		ws++;
	return n - ws >= 3 && s[ws] == '[' && s[ws + 1] == '|';
}

bool frame_is_whole(const struct frame *fr)
{
	return fr->wire_len && fr->wire_len <= fr->len;
}

bool frame_ip_missing(const struct frame *fr, uint32_t *n)
{
	if (!fr->has_summary)
		return false;
	const char *s = strstr(fr->summary, "truncated-ip - ");
	size_t skip = sizeof("truncated-ip - ") - 1;
	if (!s) {
		s = strstr(fr->summary, "truncated-ip6 - ");
		skip = sizeof("truncated-ip6 - ") - 1;
	}
	if (!s || !isdigit((unsigned char)s[skip]))
		return false;
	char *end = NULL;
	unsigned long v = strtoul(s + skip, &end, 10);
	if (v == 0 || v > UINT32_MAX || strncmp(end, " bytes missing", 14) != 0)
		return false;
	*n = (uint32_t)v;
	return true;
}

void frame_wire_facts(const struct frame *fr, struct packet *p)
{
	p->frame_whole = frame_is_whole(fr);
	p->ip_missing_known = !p->frame_whole && frame_ip_missing(fr, &p->ip_missing);
}

bool looks_like_tcpdump_summary(const char *s, size_t n)
{
	if (is_cut_marker(s, n))
		return true;
	/* with -t, "aarp  [|aarp]": only tcpdump prints cut marks */
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '[' && s[i + 1] == '|')
			return true;
	/* -ttt and -ttttt print a sign before the time: " 00:00:00.000033" */
	if (n > 1 && (s[0] == ' ' || s[0] == '-') && isdigit((unsigned char)s[1])) {
		s++;
		n--;
	}
	size_t digits = 0;
	while (digits < n && isdigit((unsigned char)s[digits]))
		digits++;
	/* -t (none), -tt (1717452586.100000), -ttt/-ttttt (00:00:00.000000),
	 * -tttt (2024-06-03 22:09:46.100000) and the default 22:09:46.100000 */
	if (digits >= 1 && digits < n && (s[digits] == ':' || s[digits] == '.' || s[digits] == '-')) {
		size_t i = digits;
		while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ':' || s[i] == '.' ||
				 s[i] == '-' || s[i] == ' ') && !(s[i] == ' ' && i > 10))
			i++;
		return i < n && memchr(s, '.', i) != NULL;
	}
	static const char *const words[] = {
		"IP ", "IP6 ", "ARP,", "RARP,", "STP ", "LLDP", "CDP", "LLC", "EAP", "PPPoE",
		"MPLS", "vlan ", "ethertype", "IPX", "AppleTalk", "RIP", "OSPF", "ISIS",
		"In ", "Out ", "P ", "M ", "B ", "> ", "AF ",
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t w = strlen(words[i]);
		if (n >= w && memcmp(s, words[i], w) == 0)
			return true;
	}
	/* -e on Ethernet without a time stamp: "00:11:22:33:44:55 > ..." */
	return n >= 17 && isxdigit((unsigned char)s[0]) && s[2] == ':' && s[5] == ':' &&
	       s[14] == ':';
}

static bool is_banner(const char *s, size_t n)
{
	static const char *const banners[] = {
		"listening on ", "reading from file ", "tcpdump: ", "dropped privs",
		"Warning: ", "tcpdump version", "libpcap version",
	};
	for (size_t i = 0; i < sizeof(banners) / sizeof(banners[0]); i++) {
		size_t w = strlen(banners[i]);
		if (n >= w && memcmp(s, banners[i], w) == 0)
			return true;
	}
	/* the closing statistics: "11 packets captured" */
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	return i > 0 && i + 8 < n && memcmp(s + i, " packet", 7) == 0;
}

static void remember_link_banner(struct framer *fr, const char *s, size_t n)
{
	const char *lt = NULL;
	for (size_t i = 0; i + 10 <= n; i++)
		if (memcmp(s + i, "link-type ", 10) == 0) {
			lt = s + i + 10;
			break;
		}
	if (!lt)
		return;
	size_t k = 0;
	while (lt + k < s + n && k + 1 < sizeof(fr->stream_link) && !isspace((unsigned char)lt[k]) &&
	       lt[k] != ',')
		k++;
	memcpy(fr->stream_link, lt, k);
	fr->stream_link[k] = '\0';
}

static void emit(struct framer *fr)
{
	if (fr->remark_line) {
		const char *r = fr->remark_source.s + fr->remark_col - 1;
		diag_report(fr->d, SEV_ERROR, fr->name, fr->remark_line, fr->remark_col,
			    fr->remark_source.s,
			    _("'%c' is not a hex digit; the rest of the line was skipped"), *r);
		fr->damaged = true;
		fr->remark_line = 0;
	}
	bool packet = fr->len > 0 ||
		      (fr->has_summary &&
		       looks_like_tcpdump_summary(fr->summary.s, strcspn(fr->summary.s, "\n")));
	if (packet) {
		struct frame f = {
			.bytes = fr->bytes,
			.len = fr->len,
			.source = fr->name,
			.line = fr->record_line,
			.hex_line = fr->hex_line,
			.last_line = fr->last_line,
			.summary = fr->has_summary ? fr->summary.s : "",
			.has_summary = fr->has_summary,
			.stream_link = fr->stream_link,
			.damaged = fr->damaged,
			.has_guess = fr->has_guess && fr->has_summary,
			.guess = fr->guess,
		};
		fr->fn(&f, fr->user);
	} else if (fr->has_summary) {
		size_t first = strcspn(fr->summary.s, "\n");
		diag_report(fr->d, SEV_NOTE, fr->name, fr->record_line, 1, NULL,
			    _("text without hex was skipped: '%.*s'"), (int)(first < 60 ? first : 60),
			    fr->summary.s);
	}
	fr->has_guess = false;
	sb_reset(&fr->summary);
	fr->has_summary = false;
	fr->len = 0;
	fr->offsets_seen = false;
	fr->damaged = false;
	fr->hex_line_damaged = false;
	fr->lost = 0;
	fr->record_line = fr->hex_line = 0;
}

/* A time stamp in any -t form: 22:09:46.100000, 1717452586.100000,
 * 2024-06-03 22:09:46.100000, and " 00:00:00.000033" with the sign that
 * -ttt and -ttttt print.  The fraction is required: "84:b5:9c:..." (-e's
 * MAC address with -t) starts with digits and a colon too, and taking it
 * for a time stamp glued every following record to it. */
static bool starts_with_time(const char *s, size_t n)
{
	if (n > 1 && (s[0] == ' ' || s[0] == '-') && isdigit((unsigned char)s[1])) {
		s++;
		n--;
	}
	size_t i = 0;
	if (n > 11 && isdigit((unsigned char)s[0]) && s[4] == '-' && s[7] == '-' && s[10] == ' ')
		i = 11;
	size_t start = i;
	while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ':'))
		i++;
	if (i == start || i >= n || s[i] != '.' || !isdigit((unsigned char)s[start]))
		return false;
	size_t frac = ++i;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	return i > frac;
}

/* tcpdump prints encapsulated packets (VXLAN, GRE...) and some cut marks in
 * column 0 after the summary, before the hex.  When records carry time
 * stamps, a column-0 line without one continues the record (after an inner
 * dump too: the packet's own hex always comes last).  With -t nothing tells
 * the lines apart, but every record ends with its hex unless tcpdump cut it
 * ("[|ether]"): a record with no hex and no cut mark yet is still going on. */
static bool continues_record(const struct framer *fr, const char *s, size_t n)
{
	if (!fr->has_summary || starts_with_time(s, n))
		return false;
	if (starts_with_time(fr->summary.s, fr->summary.len))
		return true;
	if (n >= 2 && s[0] == '[' && s[1] == '|')
		return true; /* a printer's cut mark on a line of its own, after inner dumps */
	return fr->len == 0 && !fr->offsets_seen && !strstr(fr->summary.s, "[|") &&
	       looks_like_tcpdump_summary(fr->summary.s, strcspn(fr->summary.s, "\n"));
}

/* tcpdump prints 16 bytes a line, so a shorter line ends a dump.  When it
 * ends one whose headers declare no more bytes than are there, the packet is
 * complete: hand it on now rather than when the next record starts, so a
 * live `tcpdump -l | hexplain` explains each packet as it arrives.  (An
 * inner -vv dump also ends short, but its bytes do not parse as a packet of
 * the right length, so the record stays open for the packet's own dump.) */
static size_t declared_length(struct framer *fr)
{
	enum link_type link = link_guess(fr->bytes, fr->len, fr->summary.s, LINK_UNKNOWN, NULL);
	fr->guess = link;
	return link_declared_length(fr->bytes, fr->len, link);
}

static void emit_if_complete(struct framer *fr, size_t line_bytes)
{
	fr->last_line_bytes = line_bytes;
	if (!fr->has_summary || line_bytes == 0 || line_bytes >= 16 || fr->len == 0)
		return;
	size_t want = declared_length(fr);
	if (want && fr->len >= want) {
		fr->has_guess = true; /* made of exactly the bytes handed on */
		emit(fr);
	}
}

/* With nothing more to read for a moment, a live pipe's pending record is as
 * complete as it will be until the next one (a packet cut by snaplen, one
 * whose length no header declares): hand it on.  Not when its last line was
 * a full one and its headers promise more: more lines are surely coming. */
static void on_idle(void *ctx)
{
	struct framer *fr = ctx;
	if (fr->line.len != 0 || fr->len == 0)
		return;
	size_t want = declared_length(fr);
	if (fr->last_line_bytes >= 16 && want > fr->len)
		return;
	emit(fr);
}

static void start_record(struct framer *fr, unsigned long line)
{
	emit(fr);
	fr->record_line = line;
}

/* An odd run of n digits at s (column col) lost its last digit: the error
 * quotes the line as read up to the end of the run (quote_end). */
static void odd_run(struct framer *fr, const char *s, size_t n, unsigned long col,
		    size_t quote_end)
{
	fr->damaged = true;
	fr->line_damaged = true;
	char saved = fr->line.s[quote_end];
	fr->line.s[quote_end] = '\0';
	diag_report(fr->d, SEV_ERROR, fr->name, fr->line_no, col + n - 1, fr->line.s,
		    _("odd number of hex digits in '%.*s'; the last digit was dropped"), (int)n, s);
	fr->line.s[quote_end] = saved;
}

/* Appends a run of hex digits to the record; an odd run loses its last
 * digit, with an error pointing at it. */
static void take_hex(struct framer *fr, const char *s, size_t n, unsigned long col,
		     size_t quote_end)
{
	size_t even = n & ~(size_t)1;
	reserve_bytes(fr, even / 2);
	uint8_t *out = fr->bytes + fr->len;
	const unsigned char *in = (const unsigned char *)s;
	for (size_t i = 0; i < even; i += 2)
		*out++ = (uint8_t)(hex_value[in[i]] << 4 | hex_value[in[i + 1]]);
	fr->len += even / 2;
	if (n & 1)
		odd_run(fr, s, n, col, quote_end);
}

/* Whether 39 characters of a hex area (digits and single spaces) are eight
 * groups of four: exactly seven spaces, at 4, 9, ... 34.  Read eight bytes
 * at a time, the spaces found all at once. */
static bool is_full_line(const unsigned char *in)
{
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
	for (size_t i = 0; i < 39; i++)
		if ((in[i] == ' ') != (i % 5 == 4))
			return false;
	return true;
#else
	static const uint64_t where[5] = {
		/* bit 7 of each byte that must be a space, little-endian loads */
		0x0000008000000000u, /* 4 */
		0x0080000000008000u, /* 9, 14 */
		0x0000000080000000u, /* 19 */
		0x0000800000000080u, /* 24, 29 */
		0x0000000000800000u, /* 34 */
	};
	uint64_t w[5] = {0};
	memcpy(w, in, 39);
	for (int i = 0; i < 5; i++) {
		/* a space byte becomes 0x00, then has bit 7 set below */
		uint64_t x = w[i] ^ 0x2020202020202020u;
		uint64_t zero = (x - 0x0101010101010101u) & ~x & 0x8080808080808080u;
		if (i == 4)
			zero &= 0x0080808080808080u; /* bytes 32..38 only */
		if (zero != where[i])
			return false;
	}
	return true;
#endif
}

/* Appends a full line's area, eight groups of four hex digits with a space
 * between them (the lexer's TOK_OFFSET_FULL said so).  Each group is read
 * at once: a digit's value is its low nibble, plus 9 for a letter (bit 6
 * set), so "b8ce" becomes 0xb8 0xce without a table. */
static void take_full_area(struct framer *fr, const char *s)
{
	reserve_bytes(fr, 16);
	const unsigned char *in = (const unsigned char *)s;
	uint8_t *out = fr->bytes + fr->len;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* two groups a step, in the two halves of a 64-bit word */
	for (int g = 0; g < 8; g += 2, in += 10, out += 4) {
		uint32_t a, b;
		memcpy(&a, in, 4); /* in[0] in the low byte */
		memcpy(&b, in + 5, 4);
		uint64_t x = (uint64_t)b << 32 | a;
		uint64_t nib = (x & 0x0f0f0f0f0f0f0f0fu) + ((x >> 6) & 0x0101010101010101u) * 9;
		uint64_t pairs = (nib << 4 | nib >> 8) & 0x00ff00ff00ff00ffu; /* bytes 0, 2, 4, 6 */
		pairs = (pairs | pairs >> 8) & 0x0000ffff0000ffffu;
		uint32_t four = (uint32_t)(pairs | pairs >> 16);
		memcpy(out, &four, 4);
	}
#else
	for (int g = 0; g < 8; g++, in += 5, out += 2) {
		out[0] = (uint8_t)(hex_value[in[0]] << 4 | hex_value[in[1]]);
		out[1] = (uint8_t)(hex_value[in[2]] << 4 | hex_value[in[3]]);
	}
#endif
	fr->len += 16;
}

/* Appends the hex area of an offset line: runs of digits with one space
 * between them (TOK_HEX), decoded in one pass; each run of odd length is
 * reported at its own column.  line_at is where the area starts in
 * fr->line. */
static void take_hex_area(struct framer *fr, const char *s, size_t n, unsigned long col,
			  size_t line_at)
{
	reserve_bytes(fr, n / 2 + 1);
	const unsigned char *in = (const unsigned char *)s, *end = in + n;
	uint8_t *out = fr->bytes + fr->len;
	/* tcpdump's full line, eight groups of four digits: no run can be
	 * odd, so no digit needs looking at twice */
	if (n == 39 && is_full_line(in)) {
		take_full_area(fr, s);
		return;
	}
	while (in < end) {
		const unsigned char *run = in;
		while (in + 1 < end && in[0] != ' ' && in[1] != ' ') {
			*out++ = (uint8_t)(hex_value[in[0]] << 4 | hex_value[in[1]]);
			in += 2;
		}
		if (in < end && *in != ' ') {
			/* a digit left over: the run is odd */
			fr->len = (size_t)(out - fr->bytes);
			size_t at = (size_t)(run - (const unsigned char *)s);
			size_t len = (size_t)(in + 1 - run);
			odd_run(fr, (const char *)run, len, col + at, line_at + at + len);
			in++;
		}
		in++; /* the space between runs */
	}
	fr->len = (size_t)(out - fr->bytes);
}

/* What tcpdump's ASCII column shows for each byte value. */
static const char ascii_shown[256] =
	"................................"
	".!\"#$%&'()*+,-./0123456789:;<=>?"
	"@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_"
	"`abcdefghijklmnopqrstuvwxyz{|}~."
	"................................................................"
	"................................................................";

static void check_ascii(struct framer *fr, const struct hex_line *hl)
{
	size_t nbytes = fr->len - hl->start;
	/* a line with an ASCII column but no bytes, before any byte was read:
	 * fr->bytes is NULL, and NULL + 0 is undefined (found by
	 * fuzz/fuzz_text.c, tests/regress/text-crash-dbadc093...) */
	const uint8_t *b = nbytes ? fr->bytes + hl->start : NULL;
	size_t n = hl->ascii_len < nbytes ? hl->ascii_len : nbytes;
	/* the usual case, a column that agrees, eight characters a step:
	 * a byte 0x21..0x7e shows as itself, any other as '.' */
	size_t same = 0;
	while (same + 8 <= n) {
		uint64_t x, got;
		memcpy(&x, b + same, 8);
		memcpy(&got, hl->ascii + same, 8);
		const uint64_t hi = 0x8080808080808080u;
		uint64_t low7 = x & ~hi; /* no carry leaves a byte below */
		uint64_t printable = ((low7 + 0x5f5f5f5f5f5f5f5fu) & ~(low7 + 0x0101010101010101u) &
				      ~x & hi);
		uint64_t keep = (printable >> 7) * 0xff;
		if (((x & keep) | (0x2e2e2e2e2e2e2e2eu & ~keep)) != got)
			break;
		same += 8;
	}
	if (same == n)
		n = 0;
	char shown[64];
	if (n && n <= sizeof(shown)) {
		for (size_t i = 0; i < n; i++)
			shown[i] = ascii_shown[b[i]];
		if (memcmp(shown, hl->ascii, n) == 0)
			n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		char want = (b[i] > 0x20 && b[i] < 0x7f) ? (char)b[i] : '.';
		char got = hl->ascii[i];
		if (got != want && !(b[i] == ' ' && got == ' ')) {
			diag_report(fr->d, SEV_WARNING, fr->name, fr->line_no, hl->ascii_col + i,
				    fr->line.s,
				    _("the ASCII column says '%c' but byte %zu is 0x%02x; the hex was "
				      "kept"),
				    got, i, b[i]);
			return;
		}
	}
	if (hl->ascii_len != nbytes)
		diag_report(fr->d, SEV_WARNING, fr->name, fr->line_no, hl->ascii_col, fr->line.s,
			    _("the ASCII column has %zu characters for %zu bytes"), hl->ascii_len,
			    nbytes);
}

/* Places an offset line's bytes (already appended at hl->start) where its
 * offset says, reporting jumps and overlaps. */
static void place_offset_line(struct framer *fr, struct hex_line *hl)
{
	size_t n = fr->len - hl->start;
	/* The dump's offset of this line's first byte: bytes lost to errors
	 * above still count, or every later line would seem to jump again. */
	size_t expect = hl->start + fr->lost;
	if (hl->offset == expect)
		return;
	if (hl->offset == 0 && hl->start == 0) {
		fr->lost = 0; /* nothing read yet: the dump starts here after all */
		return;
	}
	if (hl->offset == 0) {
		/* Offset back to 0: with a summary line this was a dump that a
		 * -vv printer made of an inner message; the packet's own dump
		 * comes last.  Without one, a new packet begins. */
		if (fr->has_summary) {
			memmove(fr->bytes, fr->bytes + hl->start, n);
			fr->len = n;
			diag_report(fr->d, SEV_NOTE, fr->name, fr->line_no, hl->offset_col, NULL,
				    _("offset 0 again: the %zu bytes above were an inner dump "
				      "printed by tcpdump's -vv, not the packet"),
				    hl->start);
			hl->start = 0;
			fr->lost = 0;
			fr->remark_line = 0;
			fr->hex_line = fr->line_no;
			return;
		}
		uint8_t *tmp = malloc(n ? n : 1);
		if (!tmp)
			exit(2);
		memcpy(tmp, fr->bytes + hl->start, n);
		fr->len = hl->start;
		start_record(fr, fr->line_no);
		fr->hex_line = fr->line_no;
		for (size_t i = 0; i < n; i++)
			put_byte(fr, tmp[i]);
		free(tmp);
		hl->start = 0;
		return;
	}
	if (hl->offset > expect) {
		fr->damaged = true;
		if (!fr->hex_line_damaged)
			diag_report(fr->d, SEV_ERROR, fr->name, fr->line_no, hl->offset_col,
				    fr->line.s,
				    _("offset jumps from 0x%04zx to 0x%04lx: %lu bytes are missing; "
				      "the bytes were joined without them"),
				    expect, hl->offset, hl->offset - expect);
		fr->lost += hl->offset - expect;
		return;
	}
	/* Overlap: a repeated line is harmless, different bytes are not. */
	size_t back = expect - hl->offset; /* how far before this line it starts */
	size_t at = back < hl->start ? hl->start - back : 0;
	size_t overlap = back < n ? back : n;
	if (overlap > hl->start - at)
		overlap = hl->start - at;
	/* nothing to compare when nothing overlaps, and fr->bytes may still
	 * be NULL: NULL + 0 is undefined behaviour (found by fuzz/fuzz_text.c,
	 * tests/regress/text-crash-17a204d6...) */
	bool same = overlap == 0 || memcmp(fr->bytes + at, fr->bytes + hl->start, overlap) == 0;
	diag_report(fr->d, same ? SEV_WARNING : SEV_ERROR, fr->name, fr->line_no, hl->offset_col,
		    fr->line.s,
		    same ? _("offset 0x%04lx repeats %zu bytes already read; the repeat was skipped")
			 : _("offset 0x%04lx overlaps %zu bytes already read with different "
			     "values; the first reading was kept"),
		    hl->offset, overlap);
	/* only different bytes damage the frame (clearing the flag on a
	 * repeat lost the damage of earlier lines) */
	if (!same)
		fr->damaged = true;
	if (overlap)
		memmove(fr->bytes + hl->start, fr->bytes + hl->start + overlap, n - overlap);
	fr->len -= overlap;
}

/* -e on a Linux cooked capture prints the packet type as "%3s ": with -t
 * the line starts " In ", "  B ", "  M ", "  P " ("Out " is in column 0). */
static bool starts_with_cooked_direction(const char *s, size_t n)
{
	static const char *const dirs[] = {" In ", "  B ", "  M ", "  P ", "  ? "};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (n >= 4 && memcmp(s, dirs[i], 4) == 0)
			return true;
	return false;
}

static void end_line(struct framer *fr)
{
	struct hex_line *hl = &fr->hl;
	const char *text = fr->line.s;
	size_t tlen = fr->line.len;
	while (tlen > 0 && text[tlen - 1] == '\r')
		tlen--; /* CRLF files: the summary keeps no carriage return */
	int kind = fr->line_kind;
	/* The lexer sees -ttt's " 00:00:00.000033 IP ..." and -e -t's
	 * " In ethertype IPv4" as indented; they are summary lines
	 * (continuation lines are indented by 4 spaces or a tab). */
	if (kind == TOK_INDENTED && text[0] == ' ' &&
	    (starts_with_time(text, tlen) || starts_with_cooked_direction(text, tlen)))
		kind = TOK_SUMMARY;
	switch (kind) {
	case TOK_SUMMARY:
		if (is_banner(text, tlen)) {
			emit(fr);
			remember_link_banner(fr, text, tlen);
			break;
		}
		if (continues_record(fr, text, tlen)) {
			sb_putc(&fr->summary, '\n');
			sb_putn(&fr->summary, text, tlen);
			break;
		}
		start_record(fr, fr->line_no);
		sb_putn(&fr->summary, text, tlen);
		fr->has_summary = true;
		break;
	case TOK_INDENTED:
		if (is_cut_marker(text, tlen) &&
		    (fr->len > 0 || !fr->has_summary || is_cut_marker(fr->summary.s, fr->summary.len))) {
			/* With -t a packet cut inside its link header prints only
			 * " [|ether]": a record of its own, though indented (and
			 * so is the next one when two such packets follow). */
			start_record(fr, fr->line_no);
			sb_putn(&fr->summary, text, tlen);
			fr->has_summary = true;
		} else if (fr->has_summary) {
			sb_putc(&fr->summary, '\n');
			sb_putn(&fr->summary, text, tlen);
		} else if (fr->len > 0) {
			emit(fr);
		}
		break;
	case TOK_BLANK:
	case TOK_NEWLINE:
		/* tcpdump prints no blank lines inside a record; in a paste
		 * without summaries a blank line separates packets */
		if (!fr->has_summary && fr->len > 0)
			emit(fr);
		break;
	case TOK_OFFSET:
		fr->offsets_seen = true;
		if (!fr->record_line)
			fr->record_line = fr->line_no;
		if (!fr->hex_line)
			fr->hex_line = fr->line_no;
		place_offset_line(fr, hl);
		if (hl->ascii && !fr->line_damaged) /* lost digits shift the column */
			check_ascii(fr, hl);
		fr->hex_line_damaged = fr->line_damaged;
		fr->last_line = fr->line_no;
		emit_if_complete(fr, fr->len - hl->start);
		break;
	case TOK_BAREHEX:
		if (fr->offsets_seen && fr->has_summary) {
			/* a -vv detail line that happens to be all hex letters */
			sb_putc(&fr->summary, '\n');
			sb_putn(&fr->summary, text, tlen);
			fr->len = hl->start;
			break;
		}
		if (!fr->record_line)
			fr->record_line = fr->line_no;
		if (!fr->hex_line)
			fr->hex_line = fr->line_no;
		fr->last_line = fr->line_no;
		emit_if_complete(fr, fr->len - hl->start);
		break;
	default:
		break;
	}
}

static void begin_line(struct framer *fr)
{
	sb_reset(&fr->line);
	memset(&fr->hl, 0, sizeof(fr->hl));
	fr->hl.start = fr->len;
	fr->line_kind = TOK_NEWLINE;
	fr->line_damaged = false;
}

/* The lexer's white space, {WS}: " \t\r\f\v". */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The value of an offset token's "0x0010": as strtoul(s, NULL, 16) reads
 * it, saturating at ULONG_MAX. */
static unsigned long parse_offset(const char *s)
{
	s += 2; /* the lexer's rule starts it with 0x or 0X */
	unsigned long v = 0;
	for (; is_hex_digit[(unsigned char)*s]; s++) {
		if (v > ULONG_MAX >> 4)
			return ULONG_MAX;
		v = v << 4 | hex_value[(unsigned char)*s];
	}
	return v;
}

/* The line ended (TOK_NEWLINE) or the input did (TOK_EOF): what it was. */
static void finish_line(struct framer *fr, const struct strbuf *ascii, int tok,
			unsigned long line_no)
{
	fr->line_no = line_no;
	if (fr->line_kind == TOK_OFFSET && fr->hl.ascii && !fr->hl.ascii_in_line)
		fr->hl.ascii = ascii->s;
	if (fr->line.len > 0 || tok == TOK_NEWLINE)
		end_line(fr);
}

/* Reads tcpdump's text; prefix is what was read already to tell the format. */
static bool read_tcpdump(int fd, const char *name, struct diag *d, frame_fn fn, void *user,
			 const struct strbuf *prefix, int read_errno)
{
	struct lex_state st = {.line = 1, .col = 1, .next_col = 1, .fd = fd, .ended_line = 1,
			       .prefix = prefix->s, .prefix_len = prefix->len,
			       .read_errno = read_errno};
	struct stat sb;
	st.pollable = fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode);
	/* full tables: a file is scanned in chunks on two threads
	 * (lexthread.c); a pipe pauses the scanner at a line's end when
	 * nothing more has come (lexpipe.c) */
	const struct hexlex_scanner *lx = st.pollable ? &hexlex_pipe : hexlex_for_regular_file();
	void *scanner;
	if (lx->init(&st, &scanner) != 0)
		return false;
	struct framer fr = {.d = d, .name = name, .fn = fn, .user = user};
	st.idle_ms = FRAMER_IDLE_MS;
	st.on_idle = on_idle;
	st.idle_ctx = &fr;
	sb_init(&fr.summary);
	sb_init(&fr.line);
	sb_init(&fr.remark_source);
	/* The ASCII column is checked after the line ends, and flex may move
	 * its buffer meanwhile: keep a copy. */
	struct strbuf ascii;
	sb_init(&ascii);
	begin_line(&fr);
	for (;;) {
		const char *text;
		size_t len;
		int tok = lx->next(scanner, &text, &len);
		/* the column's last piece, then the line's end */
		bool eol = tok == TOK_ASCII_EOL;
		if (eol) {
			tok = TOK_ASCII;
			len--;
		}
		if (tok == TOK_NEWLINE || tok == TOK_EOF) {
			finish_line(&fr, &ascii, tok, st.line - (tok == TOK_NEWLINE));
			if (tok == TOK_EOF)
				break;
			begin_line(&fr);
			continue;
		}
		unsigned long col = st.col;
		fr.line_no = st.line - eol;
		sb_putn(&fr.line, text, len);
		size_t offset_len = len, area_end;
		switch (tok) {
		case TOK_OFFSET_FULL_GAP: /* the offset, a full line's area, the gap */
			area_end = len;
			while (is_blank(text[area_end - 1]))
				area_end--; /* the area ends with a digit */
			offset_len = area_end - 39;
			tok = TOK_OFFSET_FULL;
			__attribute__((fallthrough));
		case TOK_OFFSET_FULL: /* the offset, then a full line's area */
		case TOK_OFFSET_HEX:  /* the offset, then its hex area */
			if (tok == TOK_OFFSET_FULL && offset_len == len)
				offset_len = len - 39;
			else if (tok == TOK_OFFSET_HEX)
				offset_len = lex_offset_len(text, len);
			__attribute__((fallthrough));
		case TOK_OFFSET:
			fr.line_kind = TOK_OFFSET;
			fr.hl.has_offset = true;
		{
			size_t ws = 0;
			while (is_blank(text[ws]))
				ws++;
			fr.hl.offset_col = col + ws;
			fr.hl.offset = parse_offset(text + ws);
		}
			if (tok == TOK_OFFSET_FULL)
				take_full_area(&fr, text + offset_len);
			else if (tok == TOK_OFFSET_HEX)
				take_hex_area(&fr, text + offset_len, len - offset_len, col + offset_len,
					      fr.line.len - (len - offset_len));
			break;
		case TOK_HEX:
			take_hex_area(&fr, text, len, col, fr.line.len - len);
			break;
		case TOK_BAREHEX:
			fr.line_kind = TOK_BAREHEX;
			for (size_t i = 0; i < len;) {
				size_t sp = strspn(text + i, " \t\r\f\v");
				i += sp;
				size_t run = strspn(text + i, "0123456789abcdefABCDEF");
				if (run)
					take_hex(&fr, text + i, run, col + i, fr.line.len);
				i += run;
				if (!sp && !run)
					i++;
			}
			break;
		case TOK_ASCII:
			/* the column comes in pieces: join them, drop the padding
			 * after the last character */
			if (!fr.hl.ascii && eol) {
				/* the whole column in one piece (the usual case):
				 * read where it is, at the end of the line's copy,
				 * which stays as it is until the line is done */
				size_t n = len;
				while (n && is_blank(text[n - 1]))
					n--;
				fr.hl.ascii_col = col;
				fr.hl.ascii = fr.line.s + fr.line.len - len;
				fr.hl.ascii_len = n;
				fr.hl.ascii_in_line = true;
				break;
			}
			if (!fr.hl.ascii) {
				sb_reset(&ascii);
				fr.hl.ascii_col = col;
			}
			sb_putn(&ascii, text, len);
			while (ascii.len && is_blank(ascii.s[ascii.len - 1]))
				ascii.s[--ascii.len] = '\0';
			fr.hl.ascii = ascii.s;
			fr.hl.ascii_len = ascii.len;
			break;
		case TOK_CUT:
			diag_report(d, SEV_NOTE, name, st.line, col, NULL,
				    _("tcpdump marked a cut here: %.*s"), (int)len, text);
			break;
		case TOK_REMARK:
			diag_report(d, SEV_NOTE, name, st.line, col, NULL,
				    _("tcpdump's remark after the hex was skipped: %.*s"), (int)len,
				    text);
			if (!fr.remark_line) {
				fr.remark_line = st.line;
				fr.remark_col = col + (text[0] == ' ');
				sb_reset(&fr.remark_source);
				sb_puts(&fr.remark_source, fr.line.s);
			}
			break;
		case TOK_BAD:
			fr.damaged = true;
			fr.line_damaged = true;
			/* the token runs to the line's end: the whole line is there
			 * to quote under the message */
			diag_report(d, SEV_ERROR, name, st.line, col, fr.line.s,
				    _("'%c' is not a hex digit; the rest of the line was skipped"),
				    text[0]);
			break;
		case TOK_SUMMARY:
		case TOK_INDENTED:
		case TOK_BLANK:
			fr.line_kind = tok;
			break;
		default:
			break;
		}
		if (eol) {
			finish_line(&fr, &ascii, TOK_NEWLINE, st.line - 1);
			begin_line(&fr);
		}
	}
	emit(&fr);
	bool ok = st.read_errno == 0;
	errno = st.read_errno;
	lx->destroy(scanner);
	sb_free(&fr.summary);
	sb_free(&fr.line);
	sb_free(&fr.remark_source);
	sb_free(&ascii);
	free(fr.bytes);
	return ok;
}

/* Reads a paste in another format: the lexer hands its lines over in
 * pieces (RAW mode), the paste reader reads them whole at the end. */
static bool read_paste(int fd, const char *name, const struct paste_format *format,
		       struct diag *d, frame_fn fn, void *user, const struct strbuf *prefix,
		       int read_errno)
{
	struct lex_state st = {.line = 1, .col = 1, .next_col = 1, .fd = fd, .ended_line = 1,
			       .prefix = prefix->s, .prefix_len = prefix->len,
			       .read_errno = read_errno};
	/* pastes are small: the interactive scanner serves files too */
	const struct hexlex_scanner *lx = &hexlex_interactive;
	void *scanner;
	if (lx->init(&st, &scanner) != 0)
		return false;
	lx->begin_raw(scanner);
	struct paste_line *lines = NULL;
	size_t n = 0, cap = 0;
	struct strbuf line;
	sb_init(&line);
	for (;;) {
		const char *text;
		size_t len;
		int tok = lx->next(scanner, &text, &len);
		if (tok == TOK_TEXT) {
			sb_putn(&line, text, len);
			continue;
		}
		if (tok != TOK_NEWLINE && (tok != TOK_EOF || line.len == 0))
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			lines = realloc(lines, cap * sizeof(*lines));
			if (!lines) {
				fputs("hexplain: out of memory\n", stderr);
				exit(2);
			}
		}
		char *t = malloc(line.len + 1);
		if (!t)
			exit(2);
		memcpy(t, line.len ? line.s : "", line.len);
		t[line.len] = '\0';
		lines[n] = (struct paste_line){t, line.len, st.line - (tok == TOK_NEWLINE)};
		n++;
		sb_reset(&line);
		if (tok == TOK_EOF)
			break;
	}
	struct paste_sink sink = {.d = d, .name = name, .fn = fn, .user = user};
	paste_read(lines, n, format, &sink);
	for (size_t i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
	sb_free(&line);
	bool ok = st.read_errno == 0;
	errno = st.read_errno;
	lx->destroy(scanner);
	return ok;
}

/* Whether fd has input within ms milliseconds. */
static bool input_within(int fd, int ms)
{
	struct pollfd pfd = {.fd = fd, .events = POLLIN};
	int r;
	do
		r = poll(&pfd, 1, ms);
	while (r < 0 && errno == EINTR);
	return r != 0;
}

/* Reads until the lines say whether this is tcpdump's text or a paste (a
 * live tcpdump's first line does), up to 64 KiB, or until a pipe pauses. */
bool framer_read_fd_as(int fd, const char *name, const char *format, struct diag *d,
		       frame_fn fn, void *user)
{
	const struct paste_format *pf = format ? paste_format_find(format) : NULL;
	int mode = pf ? pf->kind == PK_TCPDUMP : -1;
	struct strbuf head;
	sb_init(&head);
	struct stat sb;
	bool pollable = fstat(fd, &sb) == 0 && !S_ISREG(sb.st_mode);
	bool at_end = false;
	int read_errno = 0;
	while (mode < 0) {
		mode = paste_sniff(head.s, head.len, at_end);
		if (mode >= 0)
			break;
		if (head.len >= 65536 ||
		    (pollable && head.len && !input_within(fd, FRAMER_IDLE_MS))) {
			mode = paste_sniff(head.s, head.len, true);
			break;
		}
		char buf[16384];
		ssize_t got;
		do
			got = read(fd, buf, sizeof(buf));
		while (got < 0 && errno == EINTR);
		if (got <= 0) {
			read_errno = got < 0 ? errno : 0;
			at_end = true;
		} else {
			sb_putn(&head, buf, (size_t)got);
		}
	}
	bool ok = mode == 1 ? read_tcpdump(fd, name, d, fn, user, &head, read_errno)
			    : read_paste(fd, name, pf, d, fn, user, &head, read_errno);
	int e = errno;
	sb_free(&head);
	errno = e;
	return ok;
}

bool framer_read_fd(int fd, const char *name, struct diag *d, frame_fn fn, void *user)
{
	return framer_read_fd_as(fd, name, NULL, d, fn, user);
}
