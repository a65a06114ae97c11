/* check_lexer.c - the shapes the flex scanner recognises in tcpdump's text.
 *
 * Each test writes a few lines to a temporary file (or a pipe), runs the
 * scanner over it and compares the token kinds, texts, lines and columns
 * with what was worked out by hand from the input. */
#include "check_util.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/token.h"

#define MAX_TOKENS 1024

struct tok {
	int kind;
	char text[256];
	unsigned long line, col;
};

/* The scanner under test: every test runs on both builds of the rules. */
static const struct hexlex_scanner *lx = &hexlex_interactive;
/* The scanner hands over a line's hex area as one token; the tests speak
 * of its groups, so the harness splits it at its single spaces (each group
 * a HEX token at its own column) unless a test asks for the area whole. */
static bool split_hex_areas = true;
/* And it hands over an offset with its hex area, and the ASCII column's end
 * with the newline, as one token each; the harness splits those too unless
 * a test asks for the tokens as they come. */
static bool split_joined = true;

static struct tok toks[MAX_TOKENS];
static size_t ntoks;
static char kinds_buf[4096];

static const char *kind_name(int kind)
{
	switch (kind) {
	case TOK_EOF: return "EOF";
	case TOK_NEWLINE: return "NL";
	case TOK_OFFSET: return "OFFSET";
	case TOK_SPACE: return "SPACE";
	case TOK_HEX: return "HEX";
	case TOK_ASCII: return "ASCII";
	case TOK_BAREHEX: return "BAREHEX";
	case TOK_SUMMARY: return "SUMMARY";
	case TOK_INDENTED: return "INDENTED";
	case TOK_BLANK: return "BLANK";
	case TOK_CUT: return "CUT";
	case TOK_BAD: return "BAD";
	case TOK_REMARK: return "REMARK";
	case TOK_OFFSET_HEX: return "OFFSET_HEX";
	case TOK_ASCII_EOL: return "ASCII_EOL";
	case TOK_OFFSET_FULL: return "OFFSET_FULL";
	case TOK_OFFSET_FULL_GAP: return "OFFSET_FULL_GAP";
	}
	return "?";
}

/* Adds one token of one shape to toks[]; returns false at EOF. */
static bool add_token(int kind, const char *text, size_t len, unsigned long line,
		      unsigned long col)
{
	/* Text comes in pieces of at most 64 characters (so that a
	 * huge line costs linear time): join the pieces of one run. */
	if ((kind == TOK_SUMMARY || kind == TOK_INDENTED || kind == TOK_ASCII) && ntoks &&
	    toks[ntoks - 1].kind == kind) {
		struct tok *prev = &toks[ntoks - 1];
		size_t have = strlen(prev->text);
		ck_assert_uint_le(len, 64);
		ck_assert_uint_lt(have + len, sizeof(prev->text));
		memcpy(prev->text + have, text, len);
		prev->text[have + len] = '\0';
		return true;
	}
	if (kind == TOK_HEX && split_hex_areas) {
		ck_assert(len > 0 && text[0] != ' ' && text[len - 1] != ' ');
		for (size_t i = 0; i < len;) {
			size_t end = i;
			while (end < len && text[end] != ' ')
				end++;
			ck_assert_uint_lt(ntoks + 1, MAX_TOKENS);
			struct tok *g = &toks[ntoks++];
			*g = (struct tok){TOK_HEX, "", line, col + i};
			ck_assert_uint_lt(end - i, sizeof(g->text));
			memcpy(g->text, text + i, end - i);
			if (end < len)
				toks[ntoks++] = (struct tok){TOK_SPACE, " ", line, col + end};
			i = end + 1;
		}
		return true;
	}
	ck_assert_uint_lt(ntoks, MAX_TOKENS);
	struct tok *t = &toks[ntoks++];
	t->kind = kind;
	t->line = line;
	t->col = col;
	ck_assert_uint_lt(len, sizeof(t->text));
	memcpy(t->text, text, len);
	t->text[len] = '\0';
	return kind != TOK_EOF;
}

/* Scans everything readable from fd into toks[] (EOF included). */
static void lex_fd(int fd)
{
	struct lex_state st = {.line = 1, .col = 1, .next_col = 1, .fd = fd, .ended_line = 1};
	void *scanner;
	ck_assert_int_eq(lx->init(&st, &scanner), 0);
	ntoks = 0;
	for (;;) {
		const char *text;
		size_t len;
		int kind = lx->next(scanner, &text, &len);
		/* Two shapes in one token: the tests speak of each.  An offset
		 * and its hex area: */
		if ((kind == TOK_OFFSET_HEX || kind == TOK_OFFSET_FULL) && split_joined) {
			size_t o = kind == TOK_OFFSET_FULL ? len - 39 : lex_offset_len(text, len);
			ck_assert_uint_eq(o, lex_offset_len(text, len));
			ck_assert(o > 0 && o < len);
			add_token(TOK_OFFSET, text, o, st.line, st.col);
			add_token(TOK_HEX, text + o, len - o, st.line, st.col + o);
			continue;
		}
		/* an offset, a full line's area and the gap after it: */
		if (kind == TOK_OFFSET_FULL_GAP && split_joined) {
			size_t end = len;
			while (end && strchr(" \t\r\f\v", text[end - 1]))
				end--;
			ck_assert_uint_ge(end, 39);
			size_t o = end - 39;
			ck_assert_uint_eq(o, lex_offset_len(text, len));
			add_token(TOK_OFFSET, text, o, st.line, st.col);
			add_token(TOK_HEX, text + o, 39, st.line, st.col + o);
			add_token(TOK_SPACE, text + end, len - end, st.line, st.col + end);
			continue;
		}
		/* the ASCII column's last piece and the newline (the line is
		 * counted already): */
		if (kind == TOK_ASCII_EOL && split_joined) {
			ck_assert(len > 1 && text[len - 1] == '\n');
			add_token(TOK_ASCII, text, len - 1, st.line - 1, st.col);
			add_token(TOK_NEWLINE, "\n", 1, st.line - 1, st.col + len - 1);
			continue;
		}
		/* the newline rules count the line before returning: their
		 * token belongs to the line it ends */
		if (!add_token(kind, text, len,
			       st.line - (kind == TOK_NEWLINE || kind == TOK_ASCII_EOL), st.col))
			break;
	}
	/* the ASCII column's trailing white space (padding, a CR) is the
	 * framer's to drop */
	for (size_t i = 0; i < ntoks; i++)
		if (toks[i].kind == TOK_ASCII)
			for (size_t n = strlen(toks[i].text);
			     n && strchr(" \t\r", toks[i].text[n - 1]); n--)
				toks[i].text[n - 1] = '\0';
	ck_assert_int_eq(st.read_errno, 0);
	lx->destroy(scanner);
}

static void lex(const char *text)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
	fflush(f);
	rewind(f);
	lex_fd(fileno(f));
	fclose(f);
}

/* The token kinds without the SPACE tokens, e.g. "OFFSET HEX HEX NL EOF". */
static const char *kinds(void)
{
	kinds_buf[0] = '\0';
	for (size_t i = 0; i < ntoks; i++) {
		if (toks[i].kind == TOK_SPACE)
			continue;
		if (kinds_buf[0])
			strcat(kinds_buf, " ");
		strcat(kinds_buf, kind_name(toks[i].kind));
	}
	return kinds_buf;
}

/* The idx-th (0-based) token of a kind. */
static const struct tok *nth(int kind, int idx)
{
	for (size_t i = 0; i < ntoks; i++)
		if (toks[i].kind == kind && idx-- == 0)
			return &toks[i];
	ck_abort_msg("no %s token number %d", kind_name(kind), idx);
	return NULL;
}

static int count(int kind)
{
	int n = 0;
	for (size_t i = 0; i < ntoks; i++)
		n += toks[i].kind == kind;
	return n;
}

#define ck_assert_tok(t, kind_, text_, line_, col_)                                   \
	do {                                                                           \
		const struct tok *t_ = (t);                                            \
		ck_assert_str_eq(kind_name(t_->kind), kind_name(kind_));               \
		ck_assert_str_eq(t_->text, (text_));                                   \
		ck_assert_uint_eq(t_->line, (line_));                                  \
		ck_assert_uint_eq(t_->col, (col_));                                    \
	} while (0)

/* ---- tcpdump 4.x offset lines ---- */

START_TEST(offset_line_without_ascii)
{
	lex("\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX HEX HEX HEX HEX HEX HEX NL EOF");
	/* the offset token takes the tab before it and the gap after it */
	ck_assert_tok(nth(TOK_OFFSET, 0), TOK_OFFSET, "\t0x0000:  ", 1, 1);
	ck_assert_tok(nth(TOK_HEX, 0), TOK_HEX, "4500", 1, 11);
	ck_assert_tok(nth(TOK_HEX, 1), TOK_HEX, "0038", 1, 16);
	ck_assert_tok(nth(TOK_HEX, 7), TOK_HEX, "0001", 1, 46);
	ck_assert_uint_eq(nth(TOK_NEWLINE, 0)->col, 50);
}
END_TEST

START_TEST(offset_line_with_ascii)
{
	lex("\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001  E..8.m@.@.,Q....\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX HEX HEX HEX HEX HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_HEX, 7), TOK_HEX, "0001", 1, 46);
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "E..8.m@.@.,Q....", 1, 52);
}
END_TEST

START_TEST(ascii_that_looks_like_hex_is_ascii)
{
	lex("\t0x0000:  6361 6665                                cafe\n"
	    "\t0x0000:  2e2e 3132 2e                             ..12.\n"
	    "\t0x0000:  6265 6566 2030 3130 32                   beef 0102\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX ASCII NL "
				  "OFFSET HEX HEX HEX ASCII NL "
				  "OFFSET HEX HEX HEX HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "cafe", 1, 52);
	ck_assert_tok(nth(TOK_ASCII, 1), TOK_ASCII, "..12.", 2, 52);
	ck_assert_tok(nth(TOK_ASCII, 2), TOK_ASCII, "beef 0102", 3, 52);
	ck_assert_int_eq(count(TOK_HEX), 10);
}
END_TEST

START_TEST(short_last_line_padded_before_ascii)
{
	lex("\t0x0030:  8cbd 9fc0 3232 3333                      ....2233\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_HEX, 3), TOK_HEX, "3333", 1, 26);
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "....2233", 1, 52);
}
END_TEST

START_TEST(odd_byte_count_last_line)
{
	lex("\t0x0040:  6672 6f6d 2074 6865 2063 6f72 7075 73    from.the.corpus\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX HEX HEX HEX HEX HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_HEX, 7), TOK_HEX, "73", 1, 46);
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "from.the.corpus", 1, 52);
}
END_TEST

START_TEST(offset_without_leading_tab)
{
	lex("0x0010:  7f00 0001\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX NL EOF");
	ck_assert_tok(nth(TOK_OFFSET, 0), TOK_OFFSET, "0x0010:  ", 1, 1);
	ck_assert_tok(nth(TOK_HEX, 0), TOK_HEX, "7f00", 1, 10);
}
END_TEST

/* ---- tcpdump 3.x ---- */

START_TEST(v3_ascii_after_tab)
{
	lex("0x0000\t4500 0038\tE..8\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_OFFSET, 0), TOK_OFFSET, "0x0000\t", 1, 1);
	ck_assert_tok(nth(TOK_HEX, 0), TOK_HEX, "4500", 1, 8);
	ck_assert_tok(nth(TOK_HEX, 1), TOK_HEX, "0038", 1, 13);
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "E..8", 1, 18);
}
END_TEST

START_TEST(v3_padded_hex_then_tab_before_ascii)
{
	/* 3.x pads the hex to 40 columns with spaces, then a tab: the ASCII
	 * "E..8" starts with a hex letter and must not be read as hex */
	lex("0x0000\t 4500 0038                              \tE..8\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_HEX, 0), TOK_HEX, "4500", 1, 9);
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "E..8", 1, 49);
}
END_TEST

START_TEST(v3_bare_hex_line)
{
	lex("\t4500 0038 106d 4000 4006 2c51 7f00 0001\n"
	    "\t\t\t 7f00 0001 1e61\n");
	ck_assert_str_eq(kinds(), "BAREHEX NL BAREHEX NL EOF");
	ck_assert_tok(nth(TOK_BAREHEX, 0), TOK_BAREHEX,
		      "\t4500 0038 106d 4000 4006 2c51 7f00 0001", 1, 1);
	ck_assert_tok(nth(TOK_BAREHEX, 1), TOK_BAREHEX, "\t\t\t 7f00 0001 1e61", 2, 1);
}
END_TEST

/* ---- text lines ---- */

START_TEST(summary_lines_with_every_time_stamp_option)
{
	static const char *const lines[] = {
		"14:46:43.100000 IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.]",  /* default */
		"IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.]",                  /* -t */
		"1718203603.100000 IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.]", /* -tt */
		"00:00:00.001537 IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.]",  /* -ttt */
		"2024-06-12 14:46:43.100000 IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.]", /* -tttt */
	};
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		char buf[256];
		snprintf(buf, sizeof(buf), "%s\n", lines[i]);
		lex(buf);
		ck_assert_str_eq(kinds(), "SUMMARY NL EOF");
		ck_assert_str_eq(toks[0].text, lines[i]);
		ck_assert_uint_eq(toks[0].col, 1);
	}
}
END_TEST

START_TEST(summary_that_starts_like_hex_is_summary)
{
	/* "de:ad" is an -e MAC address, not hex groups */
	lex("de:ad:be:ef:00:01 > 00:11:22:33:44:55, ethertype IPv4 (0x0800), length 70\n"
	    "add 0x0000 in the text\n");
	ck_assert_str_eq(kinds(), "SUMMARY NL SUMMARY NL EOF");
}
END_TEST

START_TEST(verbose_continuation_and_detail_lines_are_indented)
{
	lex("15:15:35.100000 IP (tos 0x0, ttl 64, id 21249, offset 0, flags [none], proto UDP "
	    "(17), length 79)\n"
	    "    192.0.2.31.40514 > 192.0.2.32.514: [udp sum ok] SYSLOG, length: 51\n"
	    "\tFacility user (1), Severity notice (5)\n"
	    "\tMsg: Jun  1 12:00:00 host app: hello from the corpus\n");
	ck_assert_str_eq(kinds(), "SUMMARY NL INDENTED NL INDENTED NL INDENTED NL EOF");
	ck_assert_tok(nth(TOK_INDENTED, 0), TOK_INDENTED,
		      "    192.0.2.31.40514 > 192.0.2.32.514: [udp sum ok] SYSLOG, length: 51", 2, 1);
	ck_assert_tok(nth(TOK_INDENTED, 1), TOK_INDENTED,
		      "\tFacility user (1), Severity notice (5)", 3, 1);
}
END_TEST

START_TEST(blank_lines)
{
	lex("\n   \n\t\n \t \n");
	ck_assert_str_eq(kinds(), "NL BLANK NL BLANK NL BLANK NL EOF");
	ck_assert_tok(nth(TOK_BLANK, 0), TOK_BLANK, "   ", 2, 1);
	ck_assert_tok(nth(TOK_NEWLINE, 3), TOK_NEWLINE, "\n", 4, 4);
}
END_TEST

/* Old Mac files end lines with a lone CR; a CR LF split across two reads
 * must still give one newline. */
START_TEST(lone_cr_ends_a_line)
{
	lex("IP x\r\t0x0000:  4500 0038\r");
	ck_assert_str_eq(kinds(), "SUMMARY NL OFFSET HEX HEX NL EOF");
	struct lex_state st = {0};
	char a[] = "ab\r", b[] = "\ncd\r\nef\rg";
	ck_assert_uint_eq(lex_lone_cr_to_newline(&st, a, 3), 3);
	ck_assert_mem_eq(a, "ab\n", 3);
	size_t n = lex_lone_cr_to_newline(&st, b, strlen(b));
	ck_assert_uint_eq(n, strlen(b) - 1);
	ck_assert_mem_eq(b, "cd\r\nef\ng", n);
}
END_TEST

START_TEST(crlf_line_endings)
{
	lex("14:46:43.100000 IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.]\r\n"
	    "\t0x0000:  4500 0038  E..8\r\n"
	    "\t0x0010:  7f00 0001\r\n"
	    "\t4500 0038\r\n"
	    "\r\n");
	ck_assert_str_eq(kinds(), "SUMMARY NL OFFSET HEX HEX ASCII NL OFFSET HEX HEX NL "
				  "BAREHEX NL BLANK NL EOF");
	/* the carriage return is no part of the ASCII column */
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "E..8", 2, 22);
	ck_assert_tok(nth(TOK_HEX, 3), TOK_HEX, "0001", 3, 16);
	ck_assert_uint_eq(nth(TOK_NEWLINE, 4)->line, 5);
}
END_TEST

START_TEST(last_line_without_newline)
{
	lex("\t0x0000:  4500 0038");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX NL EOF");
	ck_assert_tok(nth(TOK_HEX, 1), TOK_HEX, "0038", 1, 16);
	lex("\t0x0000:  4500 0038  E..8");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "E..8", 1, 22);
	lex("IP 1.2.3.4 > 5.6.7.8: ICMP echo request");
	ck_assert_str_eq(kinds(), "SUMMARY NL EOF");
}
END_TEST

START_TEST(empty_input)
{
	lex("");
	ck_assert_str_eq(kinds(), "EOF");
}
END_TEST

/* ---- cut marks and bad characters ---- */

START_TEST(cut_mark_after_hex)
{
	lex("\t0x0010:  0001 0203 [|bgp]\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX CUT NL EOF");
	ck_assert_tok(nth(TOK_CUT, 0), TOK_CUT, " [|bgp]", 1, 20);
}
END_TEST

START_TEST(non_hex_character_in_hex_area)
{
	lex("\t0x0000:  4500 00g8 106d\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX BAD NL EOF");
	ck_assert_tok(nth(TOK_HEX, 1), TOK_HEX, "00", 1, 16);
	/* the bad token starts at the 'g' and runs to the end of the line */
	ck_assert_tok(nth(TOK_BAD, 0), TOK_BAD, "g8 106d", 1, 18);
}
END_TEST

START_TEST(bracketed_remark_after_inner_dump)
{
	/* tcpdump -vv printers dump a bad object's bytes and then say why,
	 * after a single space: that remark is text, not a bad hex digit */
	lex("\t    0x01f0:  0200 0002 0002 0000 0200 0200 0002 0002 [remaining objects length "
	    "249 < 516] (invalid)\n");
	ck_assert_int_eq(count(TOK_BAD), 0);
	ck_assert_int_eq(count(TOK_HEX), 8);
}
END_TEST

START_TEST(comma_text_after_inner_dump)
{
	lex("\t  0x0000:  0000 0001 0000 0000 ffff ffff, length 378\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX HEX HEX HEX HEX REMARK NL EOF");
	ck_assert_tok(nth(TOK_REMARK, 0), TOK_REMARK, ", length 378", 1, 42);
}
END_TEST

START_TEST(ascii_column_may_start_with_a_bracket)
{
	/* byte 0x5b after the two-space gap is ASCII, not a remark or a cut */
	lex("\t0x0030:  5b93 0000 0000 0000 0000 0110 0200 0000  [...............\n"
	    "\t0x0000:  5b7c 7c5d                                [||]\n");
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX HEX HEX HEX HEX HEX HEX ASCII NL "
				  "OFFSET HEX HEX ASCII NL EOF");
	ck_assert_tok(nth(TOK_ASCII, 0), TOK_ASCII, "[...............", 1, 52);
	ck_assert_tok(nth(TOK_ASCII, 1), TOK_ASCII, "[||]", 2, 52);
}
END_TEST

START_TEST(line_numbers_across_many_lines)
{
	char text[8192] = "";
	for (int i = 0; i < 100; i++) {
		char line[64];
		snprintf(line, sizeof(line), "\t0x%04x:  4500 0038\n", i * 4);
		strcat(text, line);
	}
	lex(text);
	ck_assert_int_eq(count(TOK_OFFSET), 100);
	ck_assert_int_eq(count(TOK_HEX), 200);
	for (int i = 0; i < 100; i++) {
		ck_assert_uint_eq(nth(TOK_OFFSET, i)->line, (unsigned long)i + 1);
		ck_assert_uint_eq(nth(TOK_HEX, 2 * i + 1)->line, (unsigned long)i + 1);
		ck_assert_uint_eq(nth(TOK_HEX, 2 * i + 1)->col, 16);
	}
}
END_TEST

START_TEST(reads_from_a_pipe)
{
	static const char text[] = "IP 1.2.3.4 > 5.6.7.8: ICMP echo request\n"
				   "\t0x0000:  4500 001c";
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], text, sizeof(text) - 1), (ssize_t)(sizeof(text) - 1));
	close(fds[1]);
	lex_fd(fds[0]);
	close(fds[0]);
	ck_assert_str_eq(kinds(), "SUMMARY NL OFFSET HEX HEX NL EOF");
	ck_assert_tok(nth(TOK_HEX, 1), TOK_HEX, "001c", 2, 16);
}
END_TEST

/* ---- a live pipe and the full-table scanner ---- */

/* The writer of a live pipe: one line, then (once the reader has seen that
 * line's end) the next line in two pieces, a pause between them. */
struct live_writer {
	int out;      /* the pipe's write end */
	int go;       /* read end of the reader's "seen it" pipe */
};

static void *write_live(void *arg)
{
	struct live_writer *w = arg;
	static const char one[] = "IP 1.2.3.4 > 5.6.7.8: ICMP echo request\n";
	char c;
	if (write(w->out, one, sizeof(one) - 1) < 0 || read(w->go, &c, 1) != 1)
		return NULL;
	static const char two_a[] = "\t0x0000:  45", two_b[] = "00 001c\n";
	if (write(w->out, two_a, sizeof(two_a) - 1) < 0)
		return NULL;
	usleep(20000); /* mid-line: the scanner must wait, not end the line */
	if (write(w->out, two_b, sizeof(two_b) - 1) < 0)
		return NULL;
	close(w->out);
	return NULL;
}

/* A full-table scanner looks one character past each token: on a pipe the
 * line's end must still come out before the next line is written (the
 * writer waits for it, so a scanner that held it back would hang here). */
START_TEST(pipe_scanner_hands_on_a_line_before_the_next_comes)
{
	int data[2], seen[2];
	ck_assert_int_eq(pipe(data), 0);
	ck_assert_int_eq(pipe(seen), 0);
	struct live_writer w = {data[1], seen[0]};
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, write_live, &w), 0);
	struct lex_state st = {.line = 1, .col = 1, .next_col = 1, .fd = data[0], .ended_line = 1,
			       .pollable = 1, .idle_ms = 1000};
	void *scanner;
	ck_assert_int_eq(hexlex_pipe.init(&st, &scanner), 0);
	ntoks = 0;
	bool told = false;
	for (;;) {
		const char *text;
		size_t len;
		int kind = hexlex_pipe.next(scanner, &text, &len);
		if (!add_token(kind, text, len, st.line - (kind == TOK_NEWLINE), st.col))
			break;
		if (kind == TOK_NEWLINE && !told) {
			ck_assert_int_eq(write(seen[1], "x", 1), 1);
			told = true;
		}
	}
	hexlex_pipe.destroy(scanner);
	pthread_join(t, NULL);
	close(data[0]);
	close(seen[0]);
	close(seen[1]);
	/* the line written in two pieces is one token, as from a file */
	ck_assert_str_eq(kinds(), "SUMMARY NL OFFSET_HEX NL EOF");
	ck_assert_tok(nth(TOK_OFFSET_HEX, 0), TOK_OFFSET_HEX, "\t0x0000:  4500 001c", 2, 1);
}
END_TEST

/* ---- a file scanned in chunks on two threads ---- */

/* One token as it came, for comparing whole streams. */
struct seen {
	int kind;
	unsigned long line, col;
	size_t off, len; /* of its text in the stream's text */
};

struct stream {
	struct seen *tok;
	size_t n, cap;
	char *text;
	size_t text_len, text_cap;
};

static void stream_add(struct stream *s, int kind, const char *text, size_t len,
		       unsigned long line, unsigned long col)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 4096;
		s->tok = realloc(s->tok, s->cap * sizeof(*s->tok));
		ck_assert_ptr_nonnull(s->tok);
	}
	while (s->text_len + len + 1 > s->text_cap) {
		s->text_cap = s->text_cap ? 2 * s->text_cap : 1 << 16;
		s->text = realloc(s->text, s->text_cap);
		ck_assert_ptr_nonnull(s->text);
	}
	/* the text must end where its length says, as flex's yytext does */
	ck_assert_int_eq(text[len], '\0');
	memcpy(s->text + s->text_len, text, len);
	s->tok[s->n++] = (struct seen){kind, line, col, s->text_len, len};
	s->text_len += len + 1;
}

/* Every token of the file at path, as scanner sc makes them. */
static void scan_file(const struct hexlex_scanner *sc, const char *path, struct stream *out)
{
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	struct lex_state st = {.line = 1, .col = 1, .next_col = 1, .fd = fileno(f), .ended_line = 1};
	void *scanner;
	ck_assert_int_eq(sc->init(&st, &scanner), 0);
	*out = (struct stream){0};
	for (;;) {
		const char *text;
		size_t len;
		int kind = sc->next(scanner, &text, &len);
		stream_add(out, kind, text, len, st.line, st.col);
		if (kind == TOK_EOF)
			break;
	}
	ck_assert_int_eq(st.read_errno, 0);
	sc->destroy(scanner);
	fclose(f);
}

static void ck_assert_same_streams(const struct stream *a, const struct stream *b,
				   const char *what)
{
	ck_assert_msg(a->n == b->n, "%s: %zu tokens, not %zu", what, b->n, a->n);
	for (size_t i = 0; i < a->n; i++) {
		const struct seen *x = &a->tok[i], *y = &b->tok[i];
		ck_assert_msg(x->kind == y->kind && x->line == y->line && x->col == y->col &&
				      x->len == y->len &&
				      memcmp(a->text + x->off, b->text + y->off, x->len) == 0,
			      "%s: token %zu differs: kind %d/%d line %lu/%lu col %lu/%lu", what, i,
			      x->kind, y->kind, x->line, y->line, x->col, y->col);
	}
}

static void stream_free(struct stream *s)
{
	free(s->tok);
	free(s->text);
}

/* Writes every sample, then the samples again with CR LF line ends, then
 * with lone CRs (old Mac), twenty times over (some 1.3 MB, chunks of
 * the usual size); then a line longer than a chunk, and no newline at the
 * end: what the chunks have to be cut around. */
static void write_varied_input(FILE *f)
{
	const char *dir = getenv("HEXPLAIN_SAMPLES");
	ck_assert_msg(dir != NULL, "HEXPLAIN_SAMPLES is not set");
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	struct dirent *e;
	char path[4096];
	for (int round = 0; round < 60; round++) {
		int pass = round % 3;
		rewinddir(d);
		while ((e = readdir(d))) {
			if (!strstr(e->d_name, ".txt"))
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			FILE *in = fopen(path, "r");
			ck_assert_ptr_nonnull(in);
			int c;
			while ((c = getc(in)) != EOF) {
				if (c == '\n' && pass == 1)
					fputc('\r', f); /* CR LF */
				fputc(c == '\n' && pass == 2 ? '\r' : c, f); /* lone CR */
			}
			fclose(in);
		}
		fputc('\n', f);
	}
	closedir(d);
	for (int i = 0; i < 700000; i++)
		fputc("0123456789abcdef "[i % 17], f);
	fputs("\n\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001  E..8.m@.@.,Q....\n"
	      "\t0x0010:  7f00 0001", f);
}

START_TEST(threads_give_the_same_tokens_as_one_scanner)
{
	char path[] = "/tmp/hexplain-lexer-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	ck_assert_ptr_nonnull(f);
	write_varied_input(f);
	ck_assert_int_eq(fclose(f), 0);
	struct stream one, tiny, real;
	scan_file(&hexlex_full_tables, path, &one);
	scan_file(&hexlex_threaded_tiny_blocks, path, &tiny);
	scan_file(&hexlex_threaded, path, &real);
	unlink(path);
	ck_assert_uint_gt(one.n, 5000);
	ck_assert_same_streams(&one, &tiny, "chunks of 8 bytes");
	ck_assert_same_streams(&one, &real, "chunks of the usual size");
	stream_free(&one);
	stream_free(&tiny);
	stream_free(&real);
}
END_TEST

/* The inputs fuzz_scan found the scanners to differ on (tests/regress/
 * scan-*.txt), each scanned often, since a chunk's scanner is a race. */
START_TEST(threads_and_pipe_agree_on_the_fuzzers_finds)
{
	const char *data = getenv("HEXPLAIN_TESTDATA");
	ck_assert_msg(data != NULL, "HEXPLAIN_TESTDATA is not set");
	char dir[4096], path[4096 + 256];
	snprintf(dir, sizeof(dir), "%s/regress", data);
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, "scan-", 5) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		struct stream one, other;
		scan_file(&hexlex_full_tables, path, &one);
		for (int i = 0; i < 200; i++) {
			scan_file(&hexlex_threaded_tiny_blocks, path, &other);
			ck_assert_same_streams(&one, &other, e->d_name);
			stream_free(&other);
		}
		scan_file(&hexlex_pipe, path, &other);
		ck_assert_same_streams(&one, &other, e->d_name);
		stream_free(&other);
		stream_free(&one);
		files++;
	}
	closedir(d);
	ck_assert_int_gt(files, 0);
}
END_TEST

/* A file whose last line ends it: the last chunk ends at the file's end,
 * and the next one, empty, holds the end of input, claimed by either
 * scanner.  The end must keep the last token's column whichever it was
 * (the fuzzer's find, fuzz_scan.c); run often, as which one claims it is
 * a race. */
START_TEST(threads_end_at_a_files_last_newline)
{
	char path[] = "/tmp/hexplain-lexer-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	static const char text[] = "IP6 ::1.61001 > ::1.22: Flags [S], seq 7, length 0\n"
				   "\t0x0000:  6000 0000 0018 0640 0000 0000 0000 0000\n"
				   "\t0x0010:  0000 0000 0000 0001 0000 0000 0000 0000\n";
	ck_assert_int_eq(write(fd, text, sizeof(text) - 1), (ssize_t)(sizeof(text) - 1));
	close(fd);
	struct stream one;
	scan_file(&hexlex_full_tables, path, &one);
	for (int i = 0; i < 500; i++) {
		struct stream tiny;
		scan_file(&hexlex_threaded_tiny_blocks, path, &tiny);
		ck_assert_same_streams(&one, &tiny, "chunks of 8 bytes");
		stream_free(&tiny);
	}
	unlink(path);
	stream_free(&one);
}
END_TEST

/* ---- the hex area as the scanner delivers it ---- */

START_TEST(hex_area_is_one_token)
{
	split_hex_areas = false;
	lex("\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001  E..8.m@.@.,Q....\n"
	    "\t0x0010:  7f 0001 [|tcp]\n");
	split_hex_areas = true;
	ck_assert_str_eq(kinds(), "OFFSET HEX ASCII NL OFFSET HEX CUT NL EOF");
	ck_assert_tok(nth(TOK_HEX, 0), TOK_HEX, "4500 0038 106d 4000 4006 2c51 7f00 0001", 1, 11);
	ck_assert_tok(nth(TOK_HEX, 1), TOK_HEX, "7f 0001", 2, 11);
}
END_TEST

/* An absurd run of groups comes in pieces of at most 16 groups, each at its
 * own column: a token is scanned again from its start at each refill. */
START_TEST(long_hex_area_comes_in_pieces)
{
	char line[256] = "\t0x0000:  ";
	for (int g = 0; g < 20; g++)
		strcat(line, g ? " abcd" : "abcd");
	strcat(line, "\n");
	split_hex_areas = false;
	lex(line);
	split_hex_areas = true;
	ck_assert_str_eq(kinds(), "OFFSET HEX HEX NL EOF");
	ck_assert_uint_eq(strlen(nth(TOK_HEX, 0)->text), 16 * 5 - 1);
	ck_assert_uint_eq(nth(TOK_HEX, 1)->col, 11 + 16 * 5);
	ck_assert_str_eq(nth(TOK_HEX, 1)->text, "abcd abcd abcd abcd");
}
END_TEST

/* A full line is two tokens: the offset with its hex area and the gap, the
 * ASCII column with the newline; other lines join the offset and the hex
 * area; an offset without hex stays alone. */
START_TEST(full_line_is_two_tokens)
{
	split_joined = false;
	lex("\t0x0000:  4500 0038  E..8\n"
	    "\t0x0010\t4500 0038 \n"
	    "\t0x0020:  \n"
	    "\t0x0030:  4500 0038 106d 4000 4006 2c51 7f00 0001  E..8.m@.@.,Q....\n"
	    "0x0040:4500 0038 106d 4000 4006 2c51 7f00 0001\n"
	    "\t0x0050:  4500 0038 106d 4000 4006 2c51 7f00 0001 0203\n"
	    "\t0x0060:  4500 0038 106d 4000 4006 2c51 7f00 001\n");
	split_joined = true;
	ck_assert_str_eq(kinds(), "OFFSET_HEX ASCII_EOL OFFSET_HEX NL OFFSET NL "
				  "OFFSET_FULL_GAP ASCII_EOL OFFSET_FULL NL OFFSET_HEX NL OFFSET_HEX NL "
				  "EOF");
	/* a full line's area: eight groups of four, as its last 39 characters */
	ck_assert_tok(nth(TOK_OFFSET_FULL_GAP, 0), TOK_OFFSET_FULL_GAP,
		      "\t0x0030:  4500 0038 106d 4000 4006 2c51 7f00 0001  ", 4, 1);
	ck_assert_tok(nth(TOK_OFFSET_FULL, 0), TOK_OFFSET_FULL,
		      "0x0040:4500 0038 106d 4000 4006 2c51 7f00 0001", 5, 1);
	ck_assert_tok(nth(TOK_OFFSET_HEX, 0), TOK_OFFSET_HEX, "\t0x0000:  4500 0038", 1, 1);
	ck_assert_tok(nth(TOK_ASCII_EOL, 0), TOK_ASCII_EOL, "E..8\n", 1, 22);
	/* the space after the area is not part of it */
	ck_assert_tok(nth(TOK_OFFSET_HEX, 1), TOK_OFFSET_HEX, "\t0x0010\t4500 0038", 2, 1);
	ck_assert_tok(nth(TOK_SPACE, 1), TOK_SPACE, " ", 2, 18);
	ck_assert_uint_eq(nth(TOK_NEWLINE, 0)->line, 2);
	ck_assert_uint_eq(lex_offset_len("\t0x0000:  4500 0038", 20), 10);
	ck_assert_uint_eq(lex_offset_len("\t0x0010\t4500 0038", 18), 8);
	ck_assert_uint_eq(lex_offset_len(" 0x00a0:4500", 12), 8);
}
END_TEST

/* After a full line's area, white space opens an ASCII column as it does
 * after any other area: two spaces or a tab, up to the first character that
 * is not [ \t\r\n]; otherwise the area is alone and the rest is space. */
START_TEST(gap_after_full_area)
{
	split_joined = false;
	lex("\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001   \n"
	    "\t0x0010:  4500 0038 106d 4000 4006 2c51 7f00 0001 \tE.\n"
	    "\t0x0020:  4500 0038 106d 4000 4006 2c51 7f00 0001  \f\n"
	    "\t0x0030:  4500 0038 106d 4000 4006 2c51 7f00 0001 [|ip]\n");
	split_joined = true;
	ck_assert_str_eq(kinds(), "OFFSET_FULL NL OFFSET_FULL_GAP ASCII_EOL "
				  "OFFSET_FULL_GAP ASCII_EOL OFFSET_FULL CUT NL EOF");
	ck_assert_tok(nth(TOK_SPACE, 0), TOK_SPACE, "   ", 1, 50);
	ck_assert_tok(nth(TOK_OFFSET_FULL_GAP, 0), TOK_OFFSET_FULL_GAP,
		      "\t0x0010:  4500 0038 106d 4000 4006 2c51 7f00 0001 \t", 2, 1);
	ck_assert_tok(nth(TOK_ASCII_EOL, 0), TOK_ASCII_EOL, "E.\n", 2, 52);
	/* the gap ends before the \f, which starts the column */
	ck_assert_tok(nth(TOK_OFFSET_FULL_GAP, 1), TOK_OFFSET_FULL_GAP,
		      "\t0x0020:  4500 0038 106d 4000 4006 2c51 7f00 0001  ", 3, 1);
	ck_assert_tok(nth(TOK_ASCII_EOL, 1), TOK_ASCII_EOL, "\f\n", 3, 52);
}
END_TEST

static void use_full_tables(void)
{
	lx = &hexlex_full_tables;
}

/* The full tables as pipes get them: they pause at a line's end when
 * nothing more has come (lexpipe.c). */
static void use_pipe_scanner(void)
{
	lx = &hexlex_pipe;
}

/* The file cut into chunks of 8 bytes for two scanners on threads of their
 * own, tokens handed over three at a time: every test's input then has
 * chunk and block ends in every kind of place (lexthread.c). */
static void use_threads(void)
{
	lx = &hexlex_threaded_tiny_blocks;
}

/* The tests, once per build of the scanner (suffix names the build). */
static void add_tcases(Suite *s, const char *suffix, void (*setup)(void))
{
	/* Check keeps the pointer to a test case's name, not a copy: the names
	 * must outlive the run */
	static char names[32][64]; /* 4 cases a build now, 4 builds */
	static size_t used;
	char *name = NULL;
#define NEW_TCASE(n)                                                                   \
	(name = names[used++ % 32], snprintf(name, sizeof(names[0]), "%s%s", (n), suffix), \
	 tc = tcase_create(name), setup ? tcase_add_checked_fixture(tc, setup, NULL) : (void)0)
	TCase *tc;
	NEW_TCASE("offset_lines");
	tcase_add_test(tc, offset_line_without_ascii);
	tcase_add_test(tc, full_line_is_two_tokens);
	tcase_add_test(tc, gap_after_full_area);
	tcase_add_test(tc, offset_line_with_ascii);
	tcase_add_test(tc, ascii_that_looks_like_hex_is_ascii);
	tcase_add_test(tc, short_last_line_padded_before_ascii);
	tcase_add_test(tc, odd_byte_count_last_line);
	tcase_add_test(tc, offset_without_leading_tab);
	suite_add_tcase(s, tc);

	NEW_TCASE("tcpdump3");
	tcase_add_test(tc, v3_ascii_after_tab);
	tcase_add_test(tc, v3_padded_hex_then_tab_before_ascii);
	tcase_add_test(tc, v3_bare_hex_line);
	suite_add_tcase(s, tc);

	NEW_TCASE("text_lines");
	tcase_add_test(tc, summary_lines_with_every_time_stamp_option);
	tcase_add_test(tc, summary_that_starts_like_hex_is_summary);
	tcase_add_test(tc, verbose_continuation_and_detail_lines_are_indented);
	tcase_add_test(tc, blank_lines);
	tcase_add_test(tc, crlf_line_endings);
	tcase_add_test(tc, lone_cr_ends_a_line);
	tcase_add_test(tc, last_line_without_newline);
	tcase_add_test(tc, empty_input);
	suite_add_tcase(s, tc);

	NEW_TCASE("marks_and_errors");
	tcase_add_test(tc, cut_mark_after_hex);
	tcase_add_test(tc, non_hex_character_in_hex_area);
	tcase_add_test(tc, bracketed_remark_after_inner_dump);
	tcase_add_test(tc, comma_text_after_inner_dump);
	tcase_add_test(tc, ascii_column_may_start_with_a_bracket);
	tcase_add_test(tc, line_numbers_across_many_lines);
	tcase_add_test(tc, reads_from_a_pipe);
	tcase_add_test(tc, hex_area_is_one_token);
	tcase_add_test(tc, long_hex_area_comes_in_pieces);
	suite_add_tcase(s, tc);
#undef NEW_TCASE
}

static Suite *make_suite(void)
{
	Suite *s = suite_create("lexer");
	add_tcases(s, "", NULL);
	add_tcases(s, "_full_tables", use_full_tables);
	add_tcases(s, "_threads", use_threads);
	add_tcases(s, "_pipe", use_pipe_scanner);
	TCase *tc = tcase_create("threads");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, threads_give_the_same_tokens_as_one_scanner);
	tcase_add_test(tc, threads_end_at_a_files_last_newline);
	tcase_add_test(tc, threads_and_pipe_agree_on_the_fuzzers_finds);
	suite_add_tcase(s, tc);
	tc = tcase_create("live_pipe");
	tcase_set_timeout(tc, 10);
	tcase_add_test(tc, pipe_scanner_hands_on_a_line_before_the_next_comes);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
