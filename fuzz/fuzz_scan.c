/* fuzz_scan.c - libFuzzer harness that compares the scanners: the input,
 * as a file (a memfd), scanned by one full-table scanner, by the threaded
 * one with chunks of 8 bytes (lexthread.c), and by the pipe scanner
 * (lexpipe.c), must give the same tokens with the same texts, lines and
 * columns.  A difference traps, and the input is a bug in the chunking.
 */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "input/token.h"

struct tokens {
	unsigned char *buf; /* per token: kind, line, col, len, then the text */
	size_t len, cap;
};

static void put(struct tokens *t, const void *p, size_t n)
{
	if (t->len + n > t->cap) {
		while (t->len + n > t->cap)
			t->cap = t->cap ? 2 * t->cap : 4096;
		t->buf = realloc(t->buf, t->cap);
		if (!t->buf)
			abort();
	}
	memcpy(t->buf + t->len, p, n);
	t->len += n;
}

static void scan(const struct hexlex_scanner *sc, int fd, struct tokens *out)
{
	if (lseek(fd, 0, SEEK_SET) != 0)
		abort();
	struct lex_state st = {.line = 1, .col = 1, .next_col = 1, .fd = fd, .ended_line = 1};
	void *scanner;
	if (sc->init(&st, &scanner) != 0)
		abort();
	out->len = 0;
	for (;;) {
		const char *text;
		size_t len;
		int kind = sc->next(scanner, &text, &len);
		unsigned long head[4] = {(unsigned long)kind, st.line, st.col, len};
		put(out, head, sizeof(head));
		put(out, text, len);
		if (text[len] != '\0')
			__builtin_trap(); /* a text ends where its length says */
		if (kind == TOK_EOF)
			break;
	}
	sc->destroy(scanner);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = fuzz_memfd(data, size);
	static struct tokens one, threads, piped;
	scan(&hexlex_full_tables, fd, &one);
	scan(&hexlex_threaded_tiny_blocks, fd, &threads);
	scan(&hexlex_pipe, fd, &piped);
	if (one.len != threads.len || memcmp(one.buf, threads.buf, one.len) != 0)
		__builtin_trap();
	if (one.len != piped.len || memcmp(one.buf, piped.buf, one.len) != 0)
		__builtin_trap();
	close(fd);
	return 0;
}
