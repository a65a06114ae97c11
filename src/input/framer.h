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
	size_t wire_len;           /* the frame's length on the wire when known (a
				    * capture file's record says it), else 0 */
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

/* Whether the capture holds the frame as it was on the wire, to its last
 * byte, as a capture file's record says (length on the wire = captured).
 * False when unknown. */
bool frame_is_whole(const struct frame *fr);

/* tcpdump's "truncated-ip - N bytes missing!" (or truncated-ip6): the IP
 * datagram was N bytes shorter on the wire than its header says -- tcpdump
 * measures against the length on the wire, not the captured one.  Sets *n
 * and returns true when the summary says so. */
bool frame_ip_missing(const struct frame *fr, uint32_t *n);

struct packet;
/* Gives p what the frame says about its length on the wire (above). */
void frame_wire_facts(const struct frame *fr, struct packet *p);

/* Whether a column-0 line is one tcpdump prints for a packet (a time stamp,
 * or with -t a protocol word such as "IP "). */
bool looks_like_tcpdump_summary(const char *line, size_t len);

#endif
