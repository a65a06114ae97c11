/* framer.h - turns the lexer's tokens into frames: the bytes of one packet
 * and where they came from. */
#ifndef HEXPLAIN_FRAMER_H
#define HEXPLAIN_FRAMER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/packet.h"
#include "input/diag.h"

struct frame {
	const uint8_t *bytes;
	size_t len;
	const char *source;        /* file name as given ("-" is "<stdin>") */
	unsigned long line;        /* first line of the record */
	unsigned long hex_line;    /* first line of its hex, 0 if none */
	unsigned long last_line;
	const char *summary;       /* tcpdump's summary line(s) before the hex, or "" */
	bool has_summary;
	const char *stream_link;   /* "EN10MB" from a "link-type EN10MB" banner, or "" */
	bool damaged;              /* the hex had errors: bytes may be missing */
	/* The framer's own guess of the first layer, made to tell whether the
	 * dump is complete: link_guess(bytes, len, summary, LINK_UNKNOWN,
	 * NULL), when has_summary.  A consumer whose previous packet began
	 * with the same link type gets that answer from a call of its own
	 * too (continuing the stream only adds to that candidate's score),
	 * so it need not guess again. */
	bool has_guess;
	enum link_type guess;
};

/* How long a live input may pause before its pending packet is handed on. */
#define FRAMER_IDLE_MS 300

typedef void (*frame_fn)(const struct frame *f, void *user);

/* Reads hex text from fd (named name in messages) and calls fn once per
 * frame, as soon as the frame is complete.  Returns false on an I/O error. */
bool framer_read_fd(int fd, const char *name, struct diag *d, frame_fn fn, void *user);

/* The same, with the input's format named: NULL to find it (tcpdump's text,
 * or a paste in one of the formats of paste.h, found per block), or a name
 * from paste_formats[] such as "xxd" or "tcpdump". */
bool framer_read_fd_as(int fd, const char *name, const char *format, struct diag *d,
		       frame_fn fn, void *user);

/* Whether a column-0 line is one tcpdump prints for a packet (a time stamp,
 * or with -t a protocol word such as "IP "). */
bool looks_like_tcpdump_summary(const char *line, size_t len);

#endif
