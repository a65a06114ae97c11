/* fuzz_common.h - what the harnesses share: every view of a decoded
 * packet, a sink for messages, the input as a file.
 *
 * The renderers walk every field and problem, so running all of them is
 * what finds a field whose offset or length lies outside the bytes. */
#ifndef HEXPLAIN_FUZZ_COMMON_H
#define HEXPLAIN_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/packet.h"
#include "core/strbuf.h"
#include "render/render.h"

static inline void fuzz_render_all(const struct packet *p, const struct record_info *r)
{
	struct strbuf o;
	sb_init(&o);
	render_explain(p, r, &o);
	sb_reset(&o);
	render_brief(p, r, &o);
	sb_reset(&o);
	render_json(p, r, &o);
	sb_free(&o);
}

/* Messages are formatted (that is code to test too) into the void. */
static inline FILE *fuzz_devnull(void)
{
	static FILE *f;
	if (!f)
		f = fopen("/dev/null", "w");
	return f;
}

/* The input in a memfd, read from its start: a regular file, as the
 * framer and the scanners read one (never polled, never waited on).
 * Needs _GNU_SOURCE (memfd_create) before the first include. */
static inline int fuzz_memfd(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0)
		abort();
	for (size_t done = 0; done < size;) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0)
			abort();
		done += (size_t)n;
	}
	if (lseek(fd, 0, SEEK_SET) != 0)
		abort();
	return fd;
}

#endif
