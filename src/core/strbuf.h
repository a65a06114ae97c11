/* strbuf.h - a growable string for building output without per-piece stdio. */
#ifndef HEXPLAIN_STRBUF_H
#define HEXPLAIN_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct strbuf {
	char *s;
	size_t len, cap;
};

void sb_init(struct strbuf *b);
void sb_free(struct strbuf *b);
/* Empties the buffer, keeping its room: inline, as the framer does it
 * twice a line. */
static inline void sb_reset(struct strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}
/* Makes room for need more bytes and the terminating NUL. */
void sb_grow(struct strbuf *b, size_t need);

/* The appends are inline: renderers make millions of them, most a few
 * bytes long, and a call per piece was a fifth of the JSON view's time. */
static inline void sb_putn(struct strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void sb_putc(struct strbuf *b, char c)
{
	if (b->len + 2 > b->cap)
		sb_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static inline void sb_puts(struct strbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

/* Room for n bytes written straight into the buffer: returns where they
 * go; sb_commit(b, k) then adds the k bytes written (k <= n). */
static inline char *sb_reserve(struct strbuf *b, size_t n)
{
	if (b->len + n + 1 > b->cap)
		sb_grow(b, n);
	return b->s + b->len;
}

static inline void sb_commit(struct strbuf *b, size_t k)
{
	b->len += k;
	b->s[b->len] = '\0';
}

/* "%llu" without printf's format parsing. */
void sb_put_uint(struct strbuf *b, unsigned long long v);
void sb_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *b, const char *fmt, va_list ap);
/* Pads with spaces to reach display column col (counts UTF-8 code points,
 * wide CJK characters as two). */
void sb_pad_to(struct strbuf *b, size_t line_start, size_t col);
/* Display width of s in terminal columns. */
size_t display_width(const char *s, size_t n);
void sb_write(const struct strbuf *b, FILE *f);

#endif
