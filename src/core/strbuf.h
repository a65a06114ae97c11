/* strbuf.h - a growable string for building output without per-piece stdio. */
#ifndef HEXPLAIN_STRBUF_H
#define HEXPLAIN_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf {
	char *s;
	size_t len, cap;
};

void sb_init(struct strbuf *b);
void sb_free(struct strbuf *b);
void sb_reset(struct strbuf *b);
void sb_putc(struct strbuf *b, char c);
void sb_puts(struct strbuf *b, const char *s);
void sb_putn(struct strbuf *b, const char *s, size_t n);
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
