/* token.h - what the hex-text lexer recognises, one shape per token. */
#ifndef HEXPLAIN_TOKEN_H
#define HEXPLAIN_TOKEN_H

#include <stddef.h>
#include <sys/types.h>

enum token_kind {
	TOK_EOF = 0,
	TOK_NEWLINE,   /* end of a line */
	TOK_OFFSET,    /* "0x0010:" (tcpdump 4.x) or "0x0010<TAB>" (3.x -X) */
	TOK_SPACE,     /* white space inside a hex line: kept only to quote the line */
	TOK_HEX,       /* a run of hex digits on an offset line or a bare hex line */
	TOK_ASCII,     /* the ASCII column after the hex */
	TOK_BAREHEX,   /* a line that is only groups of hex digits, no offset (3.x -x) */
	TOK_SUMMARY,   /* a line starting in column 0 that is not hex: tcpdump's summary */
	TOK_INDENTED,  /* an indented line that is not hex: -v continuation, -vv details */
	TOK_BLANK,     /* an empty or all-white line */
	TOK_CUT,       /* tcpdump's "[|proto]": it stopped printing there */
	TOK_BAD,       /* a character that cannot stand in the hex area; text runs to line end */
	TOK_REMARK,    /* "[why]", ", length N" after an inner dump's hex; runs to line end */
	TOK_TEXT,      /* a piece of a line of a paste in another format (RAW mode) */
	/* Shapes joined in one token, so a full line costs two tokens, not
	 * five: */
	TOK_OFFSET_HEX, /* an offset and the hex area after it (lex_offset_len splits it) */
	TOK_ASCII_EOL,  /* the ASCII column's last piece and its newline (counted already) */
	TOK_OFFSET_FULL, /* an offset and a full line's area: its last 39 characters,
			  * eight groups of four digits */
	TOK_OFFSET_FULL_GAP, /* TOK_OFFSET_FULL and the gap (white space) before the
			      * ASCII column, which comes next */
};

/* How many characters of a TOK_OFFSET_HEX token are the offset (as
 * TOK_OFFSET would be: white space, "0x", digits, then ':' and spaces or a
 * tab); the rest is the hex area (as TOK_HEX would be). */
size_t lex_offset_len(const char *s, size_t n);

/* State the scanner keeps in yyextra: where the current token starts. */
struct lex_state {
	unsigned long line;     /* 1-based line of the current token */
	unsigned long col;      /* 1-based column of the current token */
	unsigned long next_col; /* column after it */
	int fd;                 /* input read with read(2): never blocks for more than a line */
	int ended_line;         /* the input so far ends with a newline */
	int read_errno;         /* errno of a failed read, 0 if none */
	int cr_was_last;        /* the last read ended in a CR made a newline */
	int pollable;           /* a pipe or terminal: input may pause */
	/* hexlex_pipe's: YY_INPUT ends the input (for now) at a line's end
	 * when nothing more has come, so that a full-table scanner hands on
	 * the line without waiting to see what follows it; paused says so */
	int pause_at_line_end;
	int paused;
	int idle_ms;            /* after this long without input, call on_idle */
	void (*on_idle)(void *ctx);
	void *idle_ctx;
	/* Input the framer read before the scanner started (to tell the
	 * format), served before fd is read again. */
	const char *prefix;
	size_t prefix_len, prefix_off;
	/* When set, where the input comes from instead of fd (lexthread.c's
	 * chunks of a file): like read(2), 0 at the end, -1 with errno. */
	ssize_t (*pull)(void *ctx, char *buf, size_t max);
	void *pull_ctx;
};

/* Waits until fd has input; while it pauses for idle_ms, calls on_idle
 * once (a live capture's last packet is then handed on at once). */
void lex_wait_for_input(struct lex_state *st);
/* Whether fd has input (or its end) to read at once. */
int lex_input_ready(const struct lex_state *st);
/* After a pause (st->paused): waits until fd has input or ends, calling
 * on_idle once if that takes idle_ms. */
void lex_wait_for_more(struct lex_state *st);
/* Turns lone CRs (old Mac line ends) in a read into newlines; returns the
 * new length. */
size_t lex_lone_cr_to_newline(struct lex_state *st, char *buf, size_t n);

/* A scanner's entry points.  lexer/hexlex.l is built twice: with
 * compressed tables, an interactive scanner that hands on a line
 * as soon as its newline is read (for pastes in other formats); and with
 * full tables (-Cfe, see meson.build), which scan about twice as fast but
 * always look at the character after a token, so that a live pipe's last
 * line would wait for the next one to arrive: on pipes and terminals they
 * pause at a line's end instead (hexlex_pipe, lexpipe.c), and regular files
 * never pause (hexlex_threaded, lexthread.c).  The same rules make the same
 * tokens in all of them. */
struct hexlex_scanner {
	int (*init)(struct lex_state *st, void **scanner);
	/* the next token's kind, with its text and length */
	int (*next)(void *scanner, const char **text, size_t *len);
	int (*destroy)(void *scanner);
	/* Puts a fresh scanner in RAW mode: every line is text in pieces
	 * (TOK_TEXT), for the paste reader.  Call before the first token. */
	void (*begin_raw)(void *scanner);
	/* Reads on after the end of input (after a pause, see
	 * pause_at_line_end), from the state the scanner is in.  The
	 * threaded scanners have none (NULL). */
	void (*restart)(void *scanner);
};

extern const struct hexlex_scanner hexlex_interactive;
extern const struct hexlex_scanner hexlex_full_tables;
/* A regular file cut into chunks that two full-table scanners read on
 * threads of their own (lexthread.c), and the same with chunks and blocks
 * of a few bytes, for tests.  Given a pipe, the full-table scanner. */
/* The full-table scanner for pipes and terminals: it pauses at a line's
 * end when nothing more has come (lexpipe.c), so a live tcpdump's line is
 * handed on when it arrives. */
extern const struct hexlex_scanner hexlex_pipe;
extern const struct hexlex_scanner hexlex_threaded;
extern const struct hexlex_scanner hexlex_threaded_tiny_blocks;

/* The scanner for a regular file: hexlex_threaded when this process may
 * use more than one processor, else hexlex_full_tables.  HEXPLAIN_THREADS=1
 * in the environment asks for one thread. */
const struct hexlex_scanner *hexlex_for_regular_file(void);

/* Copies up to max bytes of the unread prefix into buf; returns how many. */
size_t lex_take_prefix(struct lex_state *st, char *buf, size_t max);

#endif
