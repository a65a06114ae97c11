/* lexthread.c - a regular file scanned in chunks by two scanners at once.
 *
 * On a regular file the scanner is more than half of hexplain's time: one
 * table step per character, each waiting for the one before, which no
 * rewrite of the rules makes shorter.  So the file is cut into chunks at
 * line ends, and two scanners (flex's reentrant ones, the same full-table
 * build) take chunks as they are free: one on a thread of its own, which
 * runs ahead; and one on the main thread, which scans only while the framer
 * would otherwise wait for tokens.  So the work balances itself: with the
 * explain view the main thread never waits and the thread scans it all;
 * with --brief the main thread scans a chunk now and then.  Two threads,
 * for the two cores hexplain is meant to run well on.
 *
 * The framer sees the same tokens, in the same order, with the same lines
 * and columns as from one scanner over the whole file:
 *  - a chunk starts after a newline, and every rule ends at a newline at
 *    the latest (none looks past one), so a scanner in its first state at a
 *    line's start makes the same tokens whatever came before that line;
 *  - each scanner reads its chunks one after another, counting their line
 *    ends (newlines, and lone CRs, which YY_INPUT makes newlines); a
 *    chunk's tokens end when the scanner's line count has gone that far,
 *    and its last token says so; the main thread adds the lines of the
 *    chunks before to each token's line.
 * check_lexer runs every scanner test through here with chunks of 8 bytes.
 *
 * Tokens travel in blocks (kind, line, column, a copy of the text), so the
 * threads meet once a block; a chunk's end also ends a block.  Each scanner
 * has a ring of blocks, so memory stays bounded; a block grown for a huge
 * token shrinks back once read.
 *
 * Only for regular files, which never pause (nothing to tell
 * lex_wait_for_input) and can be read at any offset.  Given anything else,
 * it is the full-table scanner on the caller's thread.
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "input/token.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define RING 24          /* blocks a scanner may have filled, not yet read */
/* Chunks claimed and not yet read are fewer than this: each chunk ends a
 * block, a scanner stops when its ring is full, and it claims a chunk only
 * when it has scanned all it read before (so one more at the most). */
#define OWNERS (8 * RING)

/* How the file is cut and the tokens packed: the real sizes, and tiny
 * ones for tests, so that chunk and block ends fall everywhere. */
struct sizes {
	off_t chunk;         /* a chunk is at least this long (unless the last)... */
	off_t helper_chunk;  /* ...or this, scanned on the main thread */
	size_t block_text;   /* a block is handed over past this much text... */
	size_t block_tokens; /* ...or this many tokens */
};
static const struct sizes real_sizes = {512 << 10, 16 << 10, 32 << 10, 1024};
static const struct sizes tiny_sizes = {8, 5, 7, 3};

#define END ((off_t)-1) /* past the file's end */

struct token_rec {
	uint32_t len;
	uint32_t line; /* the scanner's line, less the chunk's first */
	unsigned long col;
	short kind;
	bool ends_chunk; /* the chunk's last token */
};

struct block {
	struct token_rec *tok;
	size_t ntok;
	char *text; /* the tokens' texts, each followed by a NUL */
	size_t text_len, text_cap;
	int read_errno; /* the scanner's, after TOK_EOF */
};

/* A chunk as a scanner's reader serves it. */
struct chunk {
	off_t pos, end;      /* what is left to read; end END: to the file's end */
	unsigned long lines; /* line ends served so far */
	bool cr_pending;     /* the last byte served was a CR */
	bool served;         /* every byte of it went to the scanner */
	bool final;          /* nothing after it: the file (or a read) ended */
	bool first;          /* chunk 0: the prefix comes first */
};

struct lexthread;

struct lexer {
	struct lexthread *lt;
	void *scanner;
	struct lex_state st;
	pthread_t thread;
	/* the ring: blocks [consumed, produced) are full (under lt->mu) */
	struct block ring[RING];
	unsigned long produced, consumed;
	/* the filling side, the lexer's own */
	struct chunk *chunks; /* the chunks its reader took, oldest first */
	size_t head, nchunks, cap_chunks; /* those before head are ended */
	unsigned long first_line;  /* the scanner's line where chunks[head] starts */
	size_t prefix_off;         /* of lt->prefix, served */
	bool exhausted;            /* the reader has nothing more */
	bool done;                 /* its last block (TOK_EOF) is handed over */
};

/* The scanner every chunk is read with. */
static const struct hexlex_scanner *const inner = &hexlex_full_tables;

struct lexthread {
	void *direct;               /* not a regular file: the inner scanner itself */
	struct lex_state *outer_st; /* the framer's */
	struct sizes size;
	int fd;
	const char *prefix;
	size_t prefix_len;
	pthread_mutex_t mu;
	pthread_cond_t produced_cv, consumed_cv;
	bool stop; /* the main thread is done */
	bool started;
	/* claims (under mu): chunk k goes to whoever asks for one first */
	unsigned long next_claim;
	off_t next_start;       /* where chunk next_claim starts */
	char scratch[4096];     /* for finding where it ends */
	unsigned char owner[OWNERS]; /* chunk k's lexer: owner[k % OWNERS] */
	struct lexer lexers[2]; /* 0: on a thread; 1: the main thread's helper */
	/* the main thread's place */
	unsigned long chunk;     /* the chunk it reads */
	unsigned long line_base; /* that chunk's first line */
	struct block *cur;       /* the block it reads, of lexers[cur_lexer] */
	int cur_lexer;
	size_t pos;
	const char *text_at; /* the next token's text in cur */
};

/* ---- chunks and who scans them ---- */

/* Where a chunk starting at start ends: after the first newline at least
 * size bytes on (so no chunk is empty); END when the file ends first. */
static off_t chunk_end(struct lexthread *lt, off_t start, off_t size)
{
	off_t at = start + size - 1;
	for (;;) {
		ssize_t n = pread(lt->fd, lt->scratch, sizeof(lt->scratch), at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return END; /* a read error: the reader meets it again, and says so */
		char *nl = memchr(lt->scratch, '\n', (size_t)n);
		if (nl)
			return at + (nl - lt->scratch) + 1;
		at += n;
	}
}

/* The next chunk for lexer x: its place in the file, c->end END when it is
 * the last one; false when the file ended before it. */
static bool claim(struct lexer *x, struct chunk *c)
{
	struct lexthread *lt = x->lt;
	pthread_mutex_lock(&lt->mu);
	unsigned long k = lt->next_claim++;
	lt->owner[k % OWNERS] = (unsigned char)(x - lt->lexers);
	off_t start = lt->next_start;
	if (start != END)
		/* the main thread's are small: it scans one while it would
		 * wait, and must finish it before it reads on */
		lt->next_start = chunk_end(lt, start, x == &lt->lexers[0] ? lt->size.chunk
								   : lt->size.helper_chunk);
	*c = (struct chunk){.pos = start, .end = lt->next_start, .first = k == 0};
	pthread_mutex_unlock(&lt->mu);
	c->final = c->end == END;
	return start != END;
}

/* Line ends in what was served: newlines, and lone CRs (YY_INPUT's
 * lex_lone_cr_to_newline makes them newlines; CR LF is one). */
static void count_lines(struct chunk *c, const char *buf, size_t n)
{
	if (n == 0)
		return;
	if (c->cr_pending && buf[0] != '\n')
		c->lines++;
	for (const char *p = buf, *end = buf + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		c->lines++;
	for (const char *p = buf, *end = buf + n; (p = memchr(p, '\r', (size_t)(end - p))); p++)
		if (p + 1 < end && p[1] != '\n')
			c->lines++;
	c->cr_pending = buf[n - 1] == '\r';
}

static struct chunk *push_chunk(struct lexer *x)
{
	if (x->head > 64 && x->head * 2 > x->nchunks) {
		/* forget the ended ones */
		memmove(x->chunks, x->chunks + x->head, (x->nchunks - x->head) * sizeof(*x->chunks));
		x->nchunks -= x->head;
		x->head = 0;
	}
	if (x->nchunks == x->cap_chunks) {
		x->cap_chunks = x->cap_chunks ? 2 * x->cap_chunks : 8;
		x->chunks = realloc(x->chunks, x->cap_chunks * sizeof(*x->chunks));
		if (!x->chunks)
			abort();
	}
	return &x->chunks[x->nchunks++];
}

/* YY_INPUT's source (lex_state.pull): the bytes of the lexer's chunks in
 * turn, a new one claimed when one is served; 0 when it has no more. */
static ssize_t pull(void *ctx, char *buf, size_t max)
{
	struct lexer *x = ctx;
	struct lexthread *lt = x->lt;
	for (;;) {
		if (x->exhausted)
			return 0;
		struct chunk *c = x->nchunks > x->head ? &x->chunks[x->nchunks - 1] : NULL;
		if (!c || c->served) {
			c = push_chunk(x);
			if (!claim(x, c)) {
				/* the file ended in an earlier chunk, where the main
				 * thread stops; this one ends the scanner's input */
				c->served = c->final = true;
				x->exhausted = true;
				return 0;
			}
			continue;
		}
		if (c->first && x->prefix_off < lt->prefix_len) {
			/* what the framer read to tell the format comes first */
			size_t n = lt->prefix_len - x->prefix_off;
			if (n > max)
				n = max;
			memcpy(buf, lt->prefix + x->prefix_off, n);
			x->prefix_off += n;
			count_lines(c, buf, n);
			return (ssize_t)n;
		}
		size_t want = max;
		if (!c->final && (off_t)want > c->end - c->pos)
			want = (size_t)(c->end - c->pos);
		ssize_t n = pread(lt->fd, buf, want, c->pos);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* the file's end (or a read error, for YY_INPUT to report):
			 * nothing comes after this chunk */
			c->served = c->final = true;
			x->exhausted = true;
			return n;
		}
		count_lines(c, buf, (size_t)n);
		c->pos += n;
		if (!c->final && c->pos == c->end)
			c->served = true;
		return n;
	}
}

/* ---- filling blocks ---- */

static void block_alloc(struct block *b, const struct sizes *sz)
{
	b->tok = malloc(sz->block_tokens * sizeof(*b->tok));
	b->text_cap = sz->block_text + 1;
	b->text = malloc(b->text_cap);
	if (!b->tok || !b->text)
		abort();
}

/* A block grown for a huge token (a line of megabytes) goes back to its
 * usual size once read, so memory stays flat. */
static void block_reset(struct block *b, const struct sizes *sz)
{
	b->ntok = 0;
	b->text_len = 0;
	b->read_errno = 0;
	if (b->text_cap > 4 * (sz->block_text + 1)) {
		free(b->text);
		b->text_cap = sz->block_text + 1;
		b->text = malloc(b->text_cap);
		if (!b->text)
			abort();
	}
}

/* Appends a token and a NUL (the framer reads some texts with strspn, as
 * it would flex's yytext). */
static struct token_rec *block_add(struct block *b, int kind, const char *text, size_t len,
				   unsigned long line, unsigned long col)
{
	if (b->text_len + len + 1 > b->text_cap) {
		size_t cap = b->text_cap;
		while (b->text_len + len + 1 > cap)
			cap *= 2;
		b->text = realloc(b->text, cap);
		if (!b->text)
			abort();
		b->text_cap = cap;
	}
	memcpy(b->text + b->text_len, text, len);
	b->text[b->text_len + len] = '\0';
	b->text_len += len + 1;
	struct token_rec *t = &b->tok[b->ntok++];
	*t = (struct token_rec){.kind = (short)kind, .len = (uint32_t)len,
				.line = (uint32_t)line, .col = col};
	return t;
}

/* Waits until lexer x has an empty block to fill; false when the main
 * thread is done instead. */
static bool wait_for_room(struct lexer *x)
{
	struct lexthread *lt = x->lt;
	pthread_mutex_lock(&lt->mu);
	while (x->produced - x->consumed == RING && !lt->stop)
		pthread_cond_wait(&lt->consumed_cv, &lt->mu);
	bool room = !lt->stop;
	pthread_mutex_unlock(&lt->mu);
	return room;
}

static void hand_over(struct lexer *x)
{
	struct lexthread *lt = x->lt;
	pthread_mutex_lock(&lt->mu);
	x->produced++;
	pthread_cond_broadcast(&lt->produced_cv);
	pthread_mutex_unlock(&lt->mu);
}

/* Fills one block with the next tokens and hands it over: when it is
 * full, at a chunk's end, or at the scanner's end.  Call with room. */
static void fill_block(struct lexer *x)
{
	const struct sizes *sz = &x->lt->size;
	struct block *b = &x->ring[x->produced % RING];
	block_reset(b, sz);
	while (b->ntok < sz->block_tokens && b->text_len < sz->block_text) {
		const char *text;
		size_t len;
		int kind = inner->next(x->scanner, &text, &len);
		if (len > UINT32_MAX)
			len = UINT32_MAX; /* flex's yyleng is an int */
		struct token_rec *t =
			block_add(b, kind, text, len, x->st.line - x->first_line, x->st.col);
		if (kind == TOK_EOF) {
			b->read_errno = x->st.read_errno;
			x->done = true;
			break;
		}
		const struct chunk *c = &x->chunks[x->head];
		if (c->served && !c->final && x->st.line - x->first_line == c->lines) {
			/* the chunk's last line end: the next token is another's */
			t->ends_chunk = true;
			x->first_line = x->st.line;
			x->head++;
			break;
		}
	}
	hand_over(x);
}

static void *scan_ahead(void *arg)
{
	struct lexer *x = arg;
	while (!x->done && wait_for_room(x))
		fill_block(x);
	return NULL;
}

/* ---- the main thread: the framer's scanner interface ---- */

static void lt_free(struct lexthread *lt)
{
	for (size_t i = 0; i < 2; i++) {
		struct lexer *x = &lt->lexers[i];
		for (size_t j = 0; j < RING; j++) {
			free(x->ring[j].tok);
			free(x->ring[j].text);
		}
		free(x->chunks);
	}
	pthread_mutex_destroy(&lt->mu);
	pthread_cond_destroy(&lt->produced_cv);
	pthread_cond_destroy(&lt->consumed_cv);
	free(lt);
}

static int lt_init_sized(const struct sizes *sz, struct lex_state *st, void **out)
{
	struct lexthread *lt = calloc(1, sizeof(*lt));
	if (!lt)
		return -1;
	lt->outer_st = st;
	lt->size = *sz;
	lt->fd = st->fd;
	pthread_mutex_init(&lt->mu, NULL);
	pthread_cond_init(&lt->produced_cv, NULL);
	pthread_cond_init(&lt->consumed_cv, NULL);
	/* a pipe, or an input that failed already: one scanner, here */
	lt->next_start = lseek(st->fd, 0, SEEK_CUR);
	if (lt->next_start < 0 || st->read_errno || st->prefix_off) {
		int r = inner->init(st, &lt->direct);
		if (r != 0) {
			lt_free(lt);
			return r;
		}
		*out = lt;
		return 0;
	}
	lt->prefix = st->prefix;
	lt->prefix_len = st->prefix_len;
	lt->line_base = st->line;
	for (size_t i = 0; i < 2; i++) {
		struct lexer *x = &lt->lexers[i];
		x->lt = lt;
		x->st = *st;
		x->st.prefix = NULL;
		x->st.prefix_len = x->st.prefix_off = 0;
		x->st.pollable = 0;
		x->st.on_idle = NULL;
		x->st.pull = pull;
		x->st.pull_ctx = x;
		x->first_line = st->line;
		for (size_t j = 0; j < RING; j++)
			block_alloc(&x->ring[j], sz);
		if (inner->init(&x->st, &x->scanner) != 0) {
			if (i == 1)
				inner->destroy(lt->lexers[0].scanner);
			lt_free(lt);
			return -1;
		}
	}
	*out = lt;
	return 0;
}

static int lt_init(struct lex_state *st, void **out)
{
	return lt_init_sized(&real_sizes, st, out);
}

static int lt_init_tiny(struct lex_state *st, void **out)
{
	return lt_init_sized(&tiny_sizes, st, out);
}

/* Makes cur the block with the next token of the chunk being read: the
 * next full block of the chunk's lexer.  While the thread's is not ready,
 * the main thread scans a chunk of its own meanwhile (or the chunk it
 * waits for, when nobody has it yet). */
static void next_block(struct lexthread *lt)
{
	struct lexer *helper = &lt->lexers[1];
	pthread_mutex_lock(&lt->mu);
	if (lt->cur) {
		lt->lexers[lt->cur_lexer].consumed++;
		pthread_cond_broadcast(&lt->consumed_cv);
		lt->cur = NULL;
	}
	for (;;) {
		bool claimed = lt->chunk < lt->next_claim;
		int who = claimed ? lt->owner[lt->chunk % OWNERS] : 1;
		struct lexer *x = &lt->lexers[who];
		if (claimed && x->consumed < x->produced) {
			lt->cur_lexer = who;
			lt->cur = &x->ring[x->consumed % RING];
			break;
		}
		/* the helper scans when the chunk is its own, or nobody's yet
		 * (it then claims it), or else while the thread works on it */
		bool can_help = !helper->done && helper->produced - helper->consumed < RING;
		if (can_help) {
			pthread_mutex_unlock(&lt->mu);
			fill_block(helper);
			pthread_mutex_lock(&lt->mu);
			continue;
		}
		pthread_cond_wait(&lt->produced_cv, &lt->mu);
	}
	pthread_mutex_unlock(&lt->mu);
	lt->pos = 0;
	lt->text_at = lt->cur->text;
}

static int lt_next(void *scanner, const char **text, size_t *len)
{
	struct lexthread *lt = scanner;
	if (lt->direct)
		return inner->next(lt->direct, text, len);
	if (!lt->started) {
		/* the thread starts with the first token, so that begin_raw
		 * can come before */
		if (pthread_create(&lt->lexers[0].thread, NULL, scan_ahead, &lt->lexers[0]) != 0)
			abort();
		lt->started = true;
	}
	if (!lt->cur || lt->pos == lt->cur->ntok) {
		if (lt->cur && lt->cur->ntok && lt->cur->tok[lt->cur->ntok - 1].kind == TOK_EOF) {
			/* asked again after the end: the end again */
			lt->pos--;
			lt->text_at = lt->cur->text + lt->cur->text_len - 1;
		} else {
			next_block(lt);
		}
	}
	const struct token_rec *t = &lt->cur->tok[lt->pos++];
	struct lex_state *st = lt->outer_st;
	st->line = lt->line_base + t->line;
	if (t->kind != TOK_EOF) {
		st->col = t->col;
		st->next_col = t->col + t->len;
	} else {
		/* the end keeps the last token's column, as one scanner's does
		 * (its YY_USER_ACTION does not run); the lexer that met the end
		 * may not be the one that made the last token */
		st->read_errno = lt->cur->read_errno;
	}
	*text = lt->text_at;
	*len = t->len;
	lt->text_at += t->len + 1;
	if (t->ends_chunk) {
		lt->line_base += t->line;
		lt->chunk++;
	}
	return t->kind;
}

static int lt_destroy(void *scanner)
{
	struct lexthread *lt = scanner;
	int r = 0;
	if (lt->direct) {
		r = inner->destroy(lt->direct);
	} else {
		pthread_mutex_lock(&lt->mu);
		lt->stop = true;
		pthread_cond_broadcast(&lt->consumed_cv);
		pthread_mutex_unlock(&lt->mu);
		if (lt->started)
			pthread_join(lt->lexers[0].thread, NULL);
		for (size_t i = 0; i < 2; i++)
			r |= inner->destroy(lt->lexers[i].scanner);
		/* pread(2) leaves the offset where it was; read(2) to the end
		 * would not ({ hexplain; cat; } <file reads on after it) */
		lseek(lt->fd, 0, SEEK_END);
	}
	lt_free(lt);
	return r;
}

/* Only the paste reader asks for RAW mode, and it reads pipes' way. */
static void lt_begin_raw(void *scanner)
{
	struct lexthread *lt = scanner;
	if (lt->direct)
		inner->begin_raw(lt->direct);
	else
		for (size_t i = 0; i < 2; i++)
			inner->begin_raw(lt->lexers[i].scanner);
}

const struct hexlex_scanner hexlex_threaded = {
	.init = lt_init,
	.next = lt_next,
	.destroy = lt_destroy,
	.begin_raw = lt_begin_raw,
};

const struct hexlex_scanner hexlex_threaded_tiny_blocks = {
	.init = lt_init_tiny,
	.next = lt_next,
	.destroy = lt_destroy,
	.begin_raw = lt_begin_raw,
};

/* How many processors this process may run on (taskset and cgroups'
 * cpusets say so through the affinity mask). */
static int usable_cpus(void)
{
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		return CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

const struct hexlex_scanner *hexlex_for_regular_file(void)
{
	static int threads; /* 0: not decided yet */
	if (!threads) {
		const char *env = getenv("HEXPLAIN_THREADS");
		if (env && *env)
			threads = atoi(env) == 1 ? 1 : 2;
		else
			threads = usable_cpus() > 1 ? 2 : 1;
	}
	return threads > 1 ? &hexlex_threaded : &hexlex_full_tables;
}
