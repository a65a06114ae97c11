/* lexinput.c - how the scanner reads its input (YY_INPUT in lexer/hexlex.l):
 * the framer's prefix first, then read(2) with a pause detector, lone CRs
 * made newlines.  Kept out of the .l file because the build makes two
 * scanners of it and these are shared. */
#include "input/token.h"

#include <errno.h>
#include <poll.h>
#include <string.h>

size_t lex_offset_len(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v'))
		i++;
	i += 2; /* 0x */
	while (i < n && s[i] != ':' && s[i] != '\t')
		i++;
	if (i < n && s[i] == '\t')
		return i + 1;
	for (i++; i < n && s[i] == ' '; i++)
		;
	return i < n ? i : n;
}

size_t lex_take_prefix(struct lex_state *st, char *buf, size_t max)
{
	size_t n = st->prefix_len - st->prefix_off;
	if (n > max)
		n = max;
	memcpy(buf, st->prefix + st->prefix_off, n);
	st->prefix_off += n;
	return n;
}

void lex_wait_for_input(struct lex_state *st)
{
	if (!st->pollable || !st->on_idle)
		return;
	struct pollfd pfd = {.fd = st->fd, .events = POLLIN};
	int n;
	do
		n = poll(&pfd, 1, st->idle_ms);
	while (n < 0 && errno == EINTR);
	if (n == 0)
		st->on_idle(st->idle_ctx); /* then read(2) blocks until more comes */
}

int lex_input_ready(const struct lex_state *st)
{
	struct pollfd pfd = {.fd = st->fd, .events = POLLIN};
	int n;
	do
		n = poll(&pfd, 1, 0);
	while (n < 0 && errno == EINTR);
	return n != 0; /* an error too: read(2) then says what it is */
}

void lex_wait_for_more(struct lex_state *st)
{
	struct pollfd pfd = {.fd = st->fd, .events = POLLIN};
	int n;
	do
		n = poll(&pfd, 1, st->on_idle ? st->idle_ms : -1);
	while (n < 0 && errno == EINTR);
	if (n != 0)
		return;
	st->on_idle(st->idle_ctx);
	do
		n = poll(&pfd, 1, -1);
	while (n < 0 && errno == EINTR);
}

/* Old Mac text ends its lines with a lone CR: read it as a newline, or a
 * whole file would be one line and its packets lost.  CR LF stays as it is
 * (the rules take the CR as white space).  A CR that ends one read may be
 * the first half of a CR LF split across two reads: it is turned into a
 * newline, and an LF that starts the next read is then dropped. */
size_t lex_lone_cr_to_newline(struct lex_state *st, char *buf, size_t n)
{
	if (st->cr_was_last && n > 0 && buf[0] == '\n') {
		memmove(buf, buf + 1, n - 1);
		n--;
	}
	st->cr_was_last = 0;
	for (char *p = memchr(buf, '\r', n); p; p = memchr(p + 1, '\r', n - (size_t)(p + 1 - buf))) {
		if (p + 1 == buf + n) {
			*p = '\n';
			st->cr_was_last = 1;
			break;
		}
		if (p[1] != '\n')
			*p = '\n';
	}
	return n;
}
