/* paste.h - hex pasted from notes, tickets, blogs and source code: every
 * common shape other than tcpdump's own text (xxd, od, hexdump, Wireshark's
 * copies, C arrays, Python bytes...), found per block of the paste and read
 * exactly, or said precisely what could not be read.
 *
 * The framer hands the paste's lines over whole (the lexer delivered them in
 * pieces, in its RAW mode); the reader strips what notes add around hex
 * (quotes, gutters, bullets, code fences, comments, full-width punctuation),
 * tries every format of the table on each block, keeps the reading with the
 * most evidence and says so when another one was nearly as good. */
#ifndef HEXPLAIN_PASTE_H
#define HEXPLAIN_PASTE_H

#include <stdbool.h>
#include <stddef.h>

#include "input/diag.h"
#include "input/framer.h"

enum paste_kind {
	PK_TCPDUMP,  /* tcpdump's own text: the framer's record reader */
	PK_DUMP,     /* offset (or not), hex groups, maybe an ASCII column */
	PK_STREAM,   /* hex digits only, wrapped anywhere */
	PK_ESCAPED,  /* "\x45\x00" */
	PK_ARRAY,    /* 0x45, 0x00 in braces or brackets */
	PK_BYTESLIT, /* b'E\x00\x00<' */
};

/* One format: its name for --format, an example line for --list-formats and
 * the shape its lines have (for PK_DUMP). */
struct paste_format {
	const char *name;
	const char *example;
	const char *what;        /* N_() one-line description */
	enum paste_kind kind;
	unsigned char off_min, off_max; /* digits of the offset; 0: no offset */
	bool off_0x;             /* the offset has a 0x prefix */
	char colon;              /* after the offset: 0 never, 1 always, 2 maybe */
	unsigned char group;     /* hex digits per group; 0: any even number */
	bool le16;               /* 16-bit words printed little-endian */
	bool stars;              /* '*' stands for lines repeating the one before */
	bool final_offset;       /* a last line with only an offset: the length */
	char ascii;              /* 0 none, 1 after a gap, 2 between '|' */
};

extern const struct paste_format paste_formats[];
extern const size_t paste_format_count;

/* The format named name, or NULL. */
const struct paste_format *paste_format_find(const char *name);

/* One line of the paste, without its newline. */
struct paste_line {
	char *text;
	size_t len;
	unsigned long no;
};

struct paste_sink {
	struct diag *d;
	const char *name;
	frame_fn fn;
	void *user;
};

/* Reads the paste's lines in format (NULL: found per block) and hands on
 * one frame per packet. */
void paste_read(const struct paste_line *lines, size_t n, const struct paste_format *format,
		const struct paste_sink *sink);

/* Whether the start of an input is tcpdump's text (1) or a paste in another
 * format (0); -1 when the lines so far do not tell (at_end: no more will
 * come, and then it answers 1, tcpdump's reader being the default). */
int paste_sniff(const char *buf, size_t len, bool at_end);

#endif
