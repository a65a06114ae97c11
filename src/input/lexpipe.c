/* lexpipe.c - the full-table scanner on a pipe or a terminal.
 *
 * A full-table scanner looks at the character after each token before it
 * hands the token on: at a line's end that is the next line's first
 * character, which a live tcpdump may not print for seconds.  So YY_INPUT
 * ends the input for now when a line has ended and nothing more is there
 * (lex_state.pause_at_line_end); the scanner then hands on what it has and
 * says TOK_EOF, and this wrapper, instead of passing that on, waits for
 * more input (the framer's on_idle is called meanwhile, as before) and lets
 * the scanner read on.  Nothing is held back, and a fast pipe (cat file |
 * hexplain) never pauses, so it is scanned with the fast tables.  A pause
 * comes only at a line's end, where the scanner is in its first state, so
 * the tokens are those of one uninterrupted scan.
 */
#include "input/token.h"

#include <stdlib.h>

struct lexpipe {
	void *inner;
	struct lex_state *st;
};

static int lp_init(struct lex_state *st, void **out)
{
	struct lexpipe *lp = malloc(sizeof(*lp));
	if (!lp)
		return -1;
	lp->st = st;
	st->pause_at_line_end = 1;
	if (hexlex_full_tables.init(st, &lp->inner) != 0) {
		free(lp);
		return -1;
	}
	*out = lp;
	return 0;
}

static int lp_next(void *scanner, const char **text, size_t *len)
{
	struct lexpipe *lp = scanner;
	for (;;) {
		int kind = hexlex_full_tables.next(lp->inner, text, len);
		if (kind != TOK_EOF || !lp->st->paused)
			return kind;
		lp->st->paused = 0;
		lex_wait_for_more(lp->st);
		hexlex_full_tables.restart(lp->inner);
	}
}

static int lp_destroy(void *scanner)
{
	struct lexpipe *lp = scanner;
	int r = hexlex_full_tables.destroy(lp->inner);
	free(lp);
	return r;
}

static void lp_begin_raw(void *scanner)
{
	struct lexpipe *lp = scanner;
	hexlex_full_tables.begin_raw(lp->inner);
}

static void lp_restart(void *scanner)
{
	struct lexpipe *lp = scanner;
	hexlex_full_tables.restart(lp->inner);
}

const struct hexlex_scanner hexlex_pipe = {
	.init = lp_init,
	.next = lp_next,
	.destroy = lp_destroy,
	.begin_raw = lp_begin_raw,
	.restart = lp_restart,
};
