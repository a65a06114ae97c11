/* fuzz_text.c - libFuzzer harness for the whole text path: binary sniff,
 * lexer, framer, link guess, decoders and every renderer, as hexplain runs
 * them on a file.
 *
 * The framer reads from a file descriptor, so the input goes into a memfd:
 * a regular file, so the lexer never polls or waits for more input.
 */
#define _GNU_SOURCE /* memfd_create */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "decode/decode.h"
#include "fuzz_common.h"
#include "input/binary.h"
#include "input/framer.h"
#include "input/linkguess.h"

struct fuzz_run {
	struct packet packet;
	struct strbuf why;
	enum link_type stream_link;
	unsigned long frames;
};

/* What main.c's on_frame does, minus the output. */
static void on_frame(const struct frame *fr, void *user)
{
	struct fuzz_run *run = user;
	struct packet *p = &run->packet;
	sb_reset(&run->why);
	enum link_type link = LINK_UNKNOWN;
	if (fr->len) {
		const char *hint = fr->has_summary ? fr->summary : fr->stream_link;
		link = link_guess(fr->bytes, fr->len, hint, run->stream_link, &run->why);
		run->stream_link = link;
		(void)link_declared_length(fr->bytes, fr->len, link);
	}
	packet_reset(p, fr->bytes, fr->len, link);
	run->frames++;
	if (fr->len)
		decode_packet(p);
	struct record_info r = {
		.number = run->frames,
		.source = fr->source,
		.line = fr->line,
		.summary = fr->summary,
		.link_reason = run->why.s,
		.width = 70 + (unsigned)(run->frames % 3) * 40,
	};
	fuzz_render_all(p, &r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = fuzz_memfd(data, size);
	struct diag d = {.out = fuzz_devnull(), .quiet_notes = false};
	struct fuzz_run run = {.stream_link = LINK_UNKNOWN};
	packet_init(&run.packet);
	sb_init(&run.why);
	if (!binary_input_rejected(fd, "fuzz.txt", &d))
		framer_read_fd(fd, "fuzz.txt", &d, on_frame, &run);
	packet_free(&run.packet);
	sb_free(&run.why);
	close(fd);
	return 0;
}
