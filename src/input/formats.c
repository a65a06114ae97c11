/* formats.c - the table of paste formats: what --format and --list-formats
 * name, and the shape of each one's lines.  Order matters: when two formats
 * read a block into the same bytes, the first one names the reading. */
#include "input/paste.h"

#include <string.h>

#include "core/i18n.h"

const struct paste_format paste_formats[] = {
	{"tcpdump", "0x0000:  4500 003c 1c46 4000 4006 b1e6  E..<.F@.@..", N_("tcpdump -x/-xx/-X/-XX"),
	 PK_TCPDUMP, 4, 8, true, 2, 0, false, false, false, 1},
	{"xxd", "00000000: 4500 003c 1c46 4000 4006 b1e6  E..<.F@.@..", N_("xxd (any -g, any -c)"),
	 PK_DUMP, 8, 8, false, 1, 0, false, false, false, 1},
	{"hexdump-C", "00000000  45 00 00 3c 1c 46 40 00  |E..<.F@.|", N_("hexdump -C, with '*' runs"),
	 PK_DUMP, 8, 8, false, 0, 2, false, true, true, 2},
	{"hexdump", "0000000 0045 3c00 461c 0040", N_("hexdump's default: little-endian 16-bit words"),
	 PK_DUMP, 7, 7, false, 0, 4, true, true, true, 0},
	{"od", "000000 45 00 00 3c 1c 46 40 00", N_("od -Ax -tx1 (text2pcap's input), with or without -v"),
	 PK_DUMP, 6, 7, false, 0, 2, false, true, true, 0},
	{"wireshark", "0000   45 00 00 3c 1c 46 40 00   E..<.F@.",
	 N_("Wireshark's Copy as Hex Dump; tshark -x"), PK_DUMP, 4, 4, false, 0, 2, false, false,
	 false, 1},
	{"offset-hex", "0010: 4500 003c 1c46 4000", N_("any offset, then bytes or big-endian words"),
	 PK_DUMP, 1, 8, false, 2, 0, false, true, true, 1},
	{"bytes", "45 00 00 3c 1c 46 40 00", N_("spaced bytes, no offsets"), PK_DUMP, 0, 0, false, 0, 2,
	 false, false, false, 0},
	{"words", "4500 003c 1c46 4000", N_("big-endian words of any width, no offsets"), PK_DUMP, 0,
	 0, false, 0, 0, false, false, false, 0},
	{"stream", "4500003c1c4640004006b1e6", N_("a hex stream (Wireshark's Copy as Hex Stream, xxd -p), "
						 "one line or wrapped, with or without 0x"),
	 PK_STREAM},
	{"escaped", "\"\\x45\\x00\\x00\\x3c\\x1c\\x46\"", N_("Wireshark's Copy as Escaped String"),
	 PK_ESCAPED},
	{"c-array", "{ 0x45, 0x00, 0x00, 0x3c }", N_("a C, Go or Rust array of hex bytes, with casts and "
						 "comments"),
	 PK_ARRAY},
	{"python", "b'E\\x00\\x00<\\x1cF@\\x00'", N_("a Python or Rust bytes literal"), PK_BYTESLIT},
};

const size_t paste_format_count = sizeof(paste_formats) / sizeof(paste_formats[0]);

const struct paste_format *paste_format_find(const char *name)
{
	/* names people may type for the same reader */
	static const char *const aliases[][2] = {
		{"tshark", "wireshark"}, {"xxd-p", "stream"}, {"hex", "stream"},
		{"go", "c-array"},       {"rust", "c-array"}, {"c", "c-array"},
		{"hexdump-c", "hexdump-C"},
	};
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(name, aliases[i][0]) == 0)
			name = aliases[i][1];
	for (size_t i = 0; i < paste_format_count; i++)
		if (strcmp(paste_formats[i].name, name) == 0)
			return &paste_formats[i];
	return NULL;
}
