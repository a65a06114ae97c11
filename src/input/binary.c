/* binary.c - tells a capture file from tcpdump's text (see binary.h). */
#define _GNU_SOURCE /* tee(2) */
#include "binary.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"

/* Enough for the magics and for a fair count of NULs. */
#define SNIFF_BYTES 512

enum binary_kind binary_sniff(const uint8_t *head, size_t n)
{
	if (n >= 4) {
		uint32_t be = (uint32_t)head[0] << 24 | (uint32_t)head[1] << 16 |
			      (uint32_t)head[2] << 8 | head[3];
		/* pcap: 0xa1b2c3d4 (microseconds) or 0xa1b23c4d (nanoseconds),
		 * in either byte order */
		if (be == 0xa1b2c3d4 || be == 0xd4c3b2a1 || be == 0xa1b23c4d || be == 0x4d3cb2a1)
			return BINARY_PCAP;
		/* pcapng's section header block type reads the same both ways */
		if (be == 0x0a0d0d0a)
			return BINARY_PCAPNG;
	}
	/* Text pasted with a stray NUL or escape is still text (the framer
	 * reports the bad character); when a tenth of the bytes are control
	 * characters no text has, it is not text at all. */
	size_t controls = 0;
	for (size_t i = 0; i < n; i++)
		controls += (head[i] < 0x20 && (head[i] < '\t' || head[i] > '\r')) || head[i] == 0x7f;
	if (n >= 16 && controls * 10 >= n)
		return BINARY_OTHER;
	return BINARY_NONE;
}

/* Copies up to SNIFF_BYTES from the start of fd into head without
 * consuming them; returns how many. */
static size_t peek_start(int fd, uint8_t *head)
{
	struct stat sb;
	if (fstat(fd, &sb) != 0)
		return 0;
	ssize_t n = 0;
	if (S_ISREG(sb.st_mode)) {
		n = pread(fd, head, SNIFF_BYTES, 0);
	} else if (S_ISFIFO(sb.st_mode)) {
		/* tee(2) duplicates what the pipe holds into a pipe of our own
		 * and leaves it for the lexer to read; it waits for the first
		 * write, as the lexer would. */
		int p[2];
		if (pipe(p) != 0)
			return 0;
		do
			n = tee(fd, p[1], SNIFF_BYTES, 0);
		while (n < 0 && errno == EINTR);
		if (n > 0)
			n = read(p[0], head, (size_t)n);
		close(p[0]);
		close(p[1]);
	}
	return n > 0 ? (size_t)n : 0;
}

bool binary_input_rejected(int fd, const char *name, struct diag *d)
{
	uint8_t head[SNIFF_BYTES];
	size_t n = peek_start(fd, head);
	/* standard input has no name to give -r */
	const char *file = strcmp(name, "<stdin>") == 0 ? "FILE" : name;
	switch (binary_sniff(head, n)) {
	case BINARY_NONE:
		return false;
	case BINARY_PCAP:
		diag_report(d, SEV_ERROR, name, 1, 1, NULL,
			    _("this is a pcap capture file, not tcpdump's text: read it with "
			      "'hexplain -r %s'"),
			    file);
		return true;
	case BINARY_PCAPNG:
		diag_report(d, SEV_ERROR, name, 1, 1, NULL,
			    _("this is a pcapng capture file, not tcpdump's text: read it with "
			      "'hexplain -r %s'"),
			    file);
		return true;
	case BINARY_OTHER:
		diag_report(d, SEV_ERROR, name, 1, 1, NULL,
			    _("this is a binary file, not tcpdump's text (a capture file is read "
			      "with 'hexplain -r %s')"),
			    file);
		return true;
	}
	return false;
}
