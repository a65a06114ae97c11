/* binary.h - refuses input that is not text before the lexer sees it.
 *
 * A pcap or pcapng file given where tcpdump's text is expected would turn
 * into thousands of "not a hex digit" errors; one message that says what the
 * file is and how to read it is what the user needs.
 */
#ifndef HEXPLAIN_BINARY_H
#define HEXPLAIN_BINARY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/diag.h"

enum binary_kind {
	BINARY_NONE,    /* text, or too little to tell */
	BINARY_PCAP,    /* a libpcap capture file (any byte order, us or ns) */
	BINARY_PCAPNG,  /* a pcapng section header block */
	BINARY_OTHER,   /* control characters that no text has */
};

/* What the first n bytes of an input are. */
enum binary_kind binary_sniff(const uint8_t *head, size_t n);

/* Looks at the start of fd without consuming it (pread on a file, tee(2)
 * on a pipe; terminals are not looked at).  When the input is binary,
 * reports an error at name:1:1 that says what it is and how to read it,
 * and returns true: the caller then skips the input. */
bool binary_input_rejected(int fd, const char *name, struct diag *d);

#endif
