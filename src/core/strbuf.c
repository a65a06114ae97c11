/* strbuf.c - growable strings (see strbuf.h). */
#include "strbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void sb_grow(struct strbuf *b, size_t need)
{
	if (b->len + need + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + need + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		fputs("hexplain: out of memory\n", stderr);
		exit(2);
	}
	b->s = s;
	b->cap = cap;
}

void sb_init(struct strbuf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
	sb_grow(b, 0);
	b->s[0] = '\0';
}

void sb_free(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Formats straight into the room left; only text longer than that is
 * formatted a second time, after the buffer grew. */
void sb_vprintf(struct strbuf *b, const char *fmt, va_list ap)
{
	if (!b->s)
		sb_grow(b, 0);
	va_list again;
	va_copy(again, ap);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->s + b->len, room, fmt, ap);
	if (n > 0 && (size_t)n >= room) {
		sb_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
	}
	if (n > 0)
		b->len += (size_t)n;
	b->s[b->len] = '\0';
	va_end(again);
}

/* "00" to "99": two digits per division. */
static const char digit_pairs[201] =
	"0001020304050607080910111213141516171819"
	"2021222324252627282930313233343536373839"
	"4041424344454647484950515253545556575859"
	"6061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void sb_put_uint(struct strbuf *b, unsigned long long v)
{
	if (v < 10) { /* most offsets, lengths and flags */
		sb_putc(b, (char)('0' + v));
		return;
	}
	char buf[24];
	size_t k = sizeof(buf);
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		k -= 2;
		memcpy(buf + k, digit_pairs + 2 * r, 2);
	}
	if (v >= 10) {
		k -= 2;
		memcpy(buf + k, digit_pairs + 2 * v, 2);
	} else {
		buf[--k] = (char)('0' + v);
	}
	sb_putn(b, buf + k, sizeof(buf) - k);
}

void sb_printf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(b, fmt, ap);
	va_end(ap);
}

size_t display_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		/* the usual case, plain ASCII: eight columns per step */
		if (i + 8 <= n) {
			uint64_t eight;
			memcpy(&eight, s + i, 8);
			if (!(eight & 0x8080808080808080u)) {
				w += 8;
				i += 8;
				continue;
			}
		}
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			w++;
			i++;
		} else if ((c & 0xe0) == 0xc0) {
			w++;
			i += 2;
		} else if ((c & 0xf0) == 0xe0) {
			/* The three-byte range holds CJK and full-width forms,
			 * which terminals draw two columns wide; arrows and
			 * box-drawing signs (U+2000..U+2FFF) are one column. */
			unsigned cp = (c & 0x0fu) << 12;
			if (i + 1 < n)
				cp |= ((unsigned char)s[i + 1] & 0x3fu) << 6;
			w += (cp >= 0x2e80 && cp < 0xa000) || (cp >= 0xac00 && cp < 0xd7a4) ||
					     (cp >= 0xf900 && cp < 0xfb00) || (cp >= 0xff00 && cp < 0xff61)
				     ? 2
				     : 1;
			i += 3;
		} else {
			w += 2;
			i += 4;
		}
	}
	return w;
}

void sb_pad_to(struct strbuf *b, size_t line_start, size_t col)
{
	size_t w = display_width(b->s + line_start, b->len - line_start);
	size_t n = w + 1 < col ? col - w : 1; /* one space at least */
	memset(sb_reserve(b, n), ' ', n);
	sb_commit(b, n);
}

void sb_write(const struct strbuf *b, FILE *f)
{
	fwrite(b->s, 1, b->len, f);
}
