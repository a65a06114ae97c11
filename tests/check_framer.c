/* check_framer.c - from tcpdump's text to frames: which lines make a packet,
 * which bytes it has, and what the framer says about broken input.
 *
 * Inputs are written inline; most are cut from the corpus's tcpdump 4.99
 * output (seed-003-eth, seed-handshake, vv-inner-hexdump, truncated-cuts,
 * vxlan, ripv2-invalid-length, babel).  Expected bytes are the packets'
 * bytes as the pcap holds them; expected messages were worked out by hand
 * from the input's columns. */
#include "check_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/diag.h"
#include "input/framer.h"

#define MAX_FRAMES 16
#define MAX_BYTES 2048

struct got_frame {
	uint8_t bytes[MAX_BYTES];
	size_t len;
	char source[32];
	unsigned long line, hex_line, last_line;
	char summary[2048];
	bool has_summary;
	char stream_link[32];
	bool damaged;
};

static struct got_frame frames[MAX_FRAMES];
static int nframes;
static struct diag diag;
static char *messages; /* everything the framer reported, notes included */
static size_t messages_size;
static bool read_ok;

/* For the live-pipe test: what to write once the first frame arrives. */
static int live_fd = -1;
static const char *live_rest;

static void on_frame(const struct frame *f, void *user)
{
	(void)user;
	ck_assert_int_lt(nframes, MAX_FRAMES);
	struct got_frame *g = &frames[nframes++];
	/* keep the first MAX_BYTES; len says how many there were */
	memcpy(g->bytes, f->bytes, f->len < MAX_BYTES ? f->len : MAX_BYTES);
	g->len = f->len;
	snprintf(g->source, sizeof(g->source), "%s", f->source);
	g->line = f->line;
	g->hex_line = f->hex_line;
	g->last_line = f->last_line;
	snprintf(g->summary, sizeof(g->summary), "%s", f->summary); /* the start will do */
	g->has_summary = f->has_summary;
	snprintf(g->stream_link, sizeof(g->stream_link), "%s", f->stream_link);
	g->damaged = f->damaged;
	if (live_fd >= 0) {
		ssize_t n = (ssize_t)strlen(live_rest);
		ck_assert_int_eq(write(live_fd, live_rest, (size_t)n), n);
		close(live_fd);
		live_fd = -1;
	}
}

static void frame_fd(int fd)
{
	nframes = 0;
	free(messages);
	messages = NULL;
	memset(&diag, 0, sizeof(diag));
	diag.out = open_memstream(&messages, &messages_size);
	ck_assert_ptr_nonnull(diag.out);
	read_ok = framer_read_fd(fd, "t.txt", &diag, on_frame, NULL);
	fclose(diag.out);
	diag.out = NULL;
}

/* Runs the framer over text, as the file "t.txt". */
static void frame_text(const char *text)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, strlen(text), f), strlen(text));
	fflush(f);
	rewind(f);
	frame_fd(fileno(f));
	fclose(f);
	ck_assert(read_ok);
}

/* The idx-th line of the messages (0-based), without its newline. */
static const char *message_line(int idx)
{
	static char buf[512];
	const char *s = messages ? messages : "";
	for (; idx > 0 && *s; idx--) {
		s = strchr(s, '\n');
		ck_assert_ptr_nonnull(s);
		s++;
	}
	size_t n = strcspn(s, "\n");
	ck_assert_uint_lt(n, sizeof(buf));
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}


/* Removes "HH:MM:SS.ffffff " from the start of every line: tcpdump -t. */
static const char *without_times(const char *text)
{
	static char buf[8192];
	size_t o = 0;
	bool line_start = true;
	for (const char *s = text; *s; s++) {
		if (line_start && strlen(s) > 16 && s[2] == ':' && s[5] == ':' && s[8] == '.' &&
		    s[15] == ' ')
			s += 16;
		ck_assert_uint_lt(o + 1, sizeof(buf));
		buf[o++] = *s;
		line_start = *s == '\n';
	}
	buf[o] = '\0';
	return buf;
}

#define ck_assert_frame_bytes(i, hex)                                                    \
	do {                                                                              \
		uint8_t want_[MAX_BYTES];                                                 \
		size_t n_ = hex_bytes((hex), want_, sizeof(want_));                       \
		ck_assert_uint_eq(frames[i].len, n_);                                     \
		ck_assert_mem_eq(frames[i].bytes, want_, n_);                             \
	} while (0)

#define ck_assert_no_messages()                                                          \
	do {                                                                              \
		ck_assert_uint_eq(diag.errors, 0);                                        \
		ck_assert_uint_eq(diag.warnings, 0);                                      \
		ck_assert_str_eq(messages ? messages : "", "");                          \
	} while (0)

/* ---- the seed packet, 127.0.0.1:7777 -> :49386 PSH/ACK, in Ethernet ---- */

#define SEED_SUMMARY                                                                      \
	"14:46:43.100000 IP (tos 0x0, ttl 64, id 4205, offset 0, flags [DF], proto TCP (6), " \
	"length 56)\n"                                                                    \
	"    127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], cksum 0xfe2c (incorrect -> "   \
	"0x8186), seq 478718457:478718461, ack 3494390774, win 229, options [nop,nop,TS " \
	"val 1557052 ecr 2361237440], length 4\n"

#define SEED_IP                                                                           \
	"4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6 "  \
	"8018 00e5 fe2c 0000 0101 080a 0017 c23c 8cbd 9fc0 3232 3333"
#define SEED_ETH "0000 0000 0000 0000 0000 0000 0800 " SEED_IP

static const char seed_x[] = SEED_SUMMARY
	"\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001\n"
	"\t0x0010:  7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6\n"
	"\t0x0020:  8018 00e5 fe2c 0000 0101 080a 0017 c23c\n"
	"\t0x0030:  8cbd 9fc0 3232 3333\n";

static const char seed_xx[] = SEED_SUMMARY
	"\t0x0000:  0000 0000 0000 0000 0000 0000 0800 4500\n"
	"\t0x0010:  0038 106d 4000 4006 2c51 7f00 0001 7f00\n"
	"\t0x0020:  0001 1e61 c0ea 1c88 a9f9 d048 2bf6 8018\n"
	"\t0x0030:  00e5 fe2c 0000 0101 080a 0017 c23c 8cbd\n"
	"\t0x0040:  9fc0 3232 3333\n";

static const char seed_X[] = SEED_SUMMARY
	"\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001  E..8.m@.@.,Q....\n"
	"\t0x0010:  7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6  .....a.......H+.\n"
	"\t0x0020:  8018 00e5 fe2c 0000 0101 080a 0017 c23c  .....,.........<\n"
	"\t0x0030:  8cbd 9fc0 3232 3333                      ....2233\n";

static const char seed_XX[] = SEED_SUMMARY
	"\t0x0000:  0000 0000 0000 0000 0000 0000 0800 4500  ..............E.\n"
	"\t0x0010:  0038 106d 4000 4006 2c51 7f00 0001 7f00  .8.m@.@.,Q......\n"
	"\t0x0020:  0001 1e61 c0ea 1c88 a9f9 d048 2bf6 8018  ...a.......H+...\n"
	"\t0x0030:  00e5 fe2c 0000 0101 080a 0017 c23c 8cbd  ...,.........<..\n"
	"\t0x0040:  9fc0 3232 3333                           ..2233\n";

static void check_seed_record(const char *hex, unsigned long last_line)
{
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, hex);
	ck_assert_str_eq(frames[0].source, "t.txt");
	ck_assert_uint_eq(frames[0].line, 1);
	ck_assert_uint_eq(frames[0].hex_line, 3);
	ck_assert_uint_eq(frames[0].last_line, last_line);
	ck_assert(frames[0].has_summary);
	/* both summary lines, and nothing of the hex */
	ck_assert_str_eq(frames[0].summary,
			 "14:46:43.100000 IP (tos 0x0, ttl 64, id 4205, offset 0, flags [DF], proto "
			 "TCP (6), length 56)\n"
			 "    127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], cksum 0xfe2c (incorrect "
			 "-> 0x8186), seq 478718457:478718461, ack 3494390774, win 229, options "
			 "[nop,nop,TS val 1557052 ecr 2361237440], length 4");
	ck_assert_str_eq(frames[0].stream_link, "");
	ck_assert(!frames[0].damaged);
	ck_assert_no_messages();
}

START_TEST(seed_x_gives_the_ip_packet)
{
	frame_text(seed_x);
	check_seed_record(SEED_IP, 6);
}
END_TEST

START_TEST(seed_xx_gives_the_ethernet_frame)
{
	frame_text(seed_xx);
	check_seed_record(SEED_ETH, 7);
}
END_TEST

START_TEST(seed_X_ascii_column_is_not_hex)
{
	frame_text(seed_X);
	check_seed_record(SEED_IP, 6);
}
END_TEST

START_TEST(seed_XX_ascii_column_is_not_hex)
{
	frame_text(seed_XX);
	check_seed_record(SEED_ETH, 7);
}
END_TEST

START_TEST(crlf_line_endings)
{
	char text[4096];
	size_t o = 0;
	for (const char *s = seed_X; *s; s++) {
		if (*s == '\n')
			text[o++] = '\r';
		text[o++] = *s;
	}
	text[o] = '\0';
	frame_text(text);
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, SEED_IP);
	ck_assert_ptr_null(strchr(frames[0].summary, '\r'));
	ck_assert_no_messages();
}
END_TEST

START_TEST(last_line_without_newline)
{
	char text[4096];
	strcpy(text, seed_x);
	text[strlen(text) - 1] = '\0';
	frame_text(text);
	check_seed_record(SEED_IP, 6);
}
END_TEST

START_TEST(reads_a_pipe)
{
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], seed_X, strlen(seed_X)), (ssize_t)strlen(seed_X));
	close(fds[1]);
	frame_fd(fds[0]);
	close(fds[0]);
	ck_assert(read_ok);
	check_seed_record(SEED_IP, 6);
}
END_TEST

START_TEST(live_pipe_gets_a_frame_when_the_next_record_starts)
{
	/* Only the first record and the next summary line are written before
	 * the framer runs; the rest is written by the frame callback.  A framer
	 * that waited for the end of the input would wait forever. */
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	static const char first[] = "IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4\n"
				    "\t0x0000:  4500 0038 106d 4000\n"
				    "IP 127.0.0.1.9090 > 127.0.0.1.44916: Flags [.], length 0\n";
	ck_assert_int_eq(write(fds[1], first, strlen(first)), (ssize_t)strlen(first));
	live_fd = fds[1];
	live_rest = "\t0x0000:  4500 0034 daee 4000\n";
	frame_fd(fds[0]);
	close(fds[0]);
	ck_assert_int_eq(live_fd, -1);
	ck_assert_int_eq(nframes, 2);
	ck_assert_frame_bytes(0, "4500 0038 106d 4000");
	ck_assert_frame_bytes(1, "4500 0034 daee 4000");
}
END_TEST

START_TEST(live_pipe_gets_a_complete_packet_at_its_last_line)
{
	/* Nothing follows the seed packet until its frame has been delivered:
	 * its last line is short and the IP total length (56) is reached, so
	 * the framer must not wait for the next record. */
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	static const char first[] =
		"IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4\n"
		"\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001\n"
		"\t0x0010:  7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6\n"
		"\t0x0020:  8018 00e5 fe2c 0000 0101 080a 0017 c23c\n"
		"\t0x0030:  8cbd 9fc0 3232 3333\n";
	ck_assert_int_eq(write(fds[1], first, strlen(first)), (ssize_t)strlen(first));
	live_fd = fds[1];
	live_rest = "IP 127.0.0.1.9090 > 127.0.0.1.44916: Flags [.], length 0\n"
		    "\t0x0000:  4500 0014 daee 4000\n";
	frame_fd(fds[0]);
	close(fds[0]);
	ck_assert_int_eq(live_fd, -1);
	ck_assert_int_eq(nframes, 2);
	ck_assert_uint_eq(frames[0].len, 56);
}
END_TEST

START_TEST(live_pipe_hands_on_a_cut_packet_when_input_pauses)
{
	/* A packet cut by snaplen never reaches its declared length; when the
	 * pipe goes quiet the framer hands it on anyway. */
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	static const char first[] = "IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4\n"
				    "\t0x0000:  4500 0038 106d 4000 4006 2c51\n";
	ck_assert_int_eq(write(fds[1], first, strlen(first)), (ssize_t)strlen(first));
	live_fd = fds[1];
	live_rest = "IP 127.0.0.1.9090 > 127.0.0.1.44916: Flags [.], length 0\n";
	frame_fd(fds[0]);
	close(fds[0]);
	ck_assert_int_eq(live_fd, -1);
	ck_assert_int_eq(nframes, 2);
	ck_assert_uint_eq(frames[0].len, 12);
}
END_TEST

/* An absurd line (4 MB of text, 1 MB of one hex run) is read whole and
 * costs no more than its length: the lexer hands text on in pieces. */
START_TEST(huge_lines_are_read_whole)
{
	size_t big = 4u << 20, hex = 1u << 20;
	const char *rec = "IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4\n"
			  "\t0x0000:  4500 0038 106d 4000\n";
	char *text = malloc(big + hex + 256);
	ck_assert_ptr_nonnull(text);
	memset(text, 'x', big);
	text[big] = '\n';
	memset(text + big + 1, 'a', hex); /* 512 KiB of 0xaa with no spaces */
	text[big + 1 + hex] = '\n';
	strcpy(text + big + 2 + hex, rec);
	frame_text(text);
	free(text);
	ck_assert(read_ok);
	/* the text line heads the hex run (a paste's title line), then the
	 * record follows intact */
	ck_assert_int_eq(nframes, 2);
	ck_assert_uint_eq(frames[0].len, hex / 2);
	ck_assert_uint_eq(frames[0].bytes[MAX_BYTES - 1], 0xaa);
	ck_assert_frame_bytes(1, "4500 0038 106d 4000");
}
END_TEST

/* ---- records ---- */

START_TEST(several_records_in_a_row)
{
	frame_text(
		"07:51:56.867583 IP (tos 0x0, ttl 64, id 56045, offset 0, flags [DF], proto TCP (6), length 60)\n"
		"    127.0.0.1.44916 > 127.0.0.1.9090: Flags [S], cksum 0xfe30 (incorrect -> 0x7d2d), seq 3998162677, win 65495, options [mss 65495,sackOK,TS val 3579583801 ecr 0,nop,wscale 10], length 0\n"
		"\t0x0000:  4500 003c daed 4000 4006 61cc 7f00 0001\n"
		"\t0x0010:  7f00 0001 af74 2382 ee4f 1ef5 0000 0000\n"
		"\t0x0020:  a002 ffd7 fe30 0000 0204 ffd7 0402 080a\n"
		"\t0x0030:  d55c 1d39 0000 0000 0103 030a\n"
		"07:51:56.867616 IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto TCP (6), length 60)\n"
		"    127.0.0.1.9090 > 127.0.0.1.44916: Flags [S.], cksum 0xfe30 (incorrect -> 0xd000), seq 410448014, ack 3998162678, win 65483, options [mss 65495,sackOK,TS val 1525500213 ecr 3579583801,nop,wscale 10], length 0\n"
		"\t0x0000:  4500 003c 0000 4000 4006 3cba 7f00 0001\n"
		"\t0x0010:  7f00 0001 2382 af74 1876 f08e ee4f 1ef6\n"
		"\t0x0020:  a012 ffcb fe30 0000 0204 ffd7 0402 080a\n"
		"\t0x0030:  5aed 4935 d55c 1d39 0103 030a\n"
		"07:51:56.867635 IP (tos 0x0, ttl 64, id 56046, offset 0, flags [DF], proto TCP (6), length 52)\n"
		"    127.0.0.1.44916 > 127.0.0.1.9090: Flags [.], cksum 0xfe28 (incorrect -> 0xf87f), seq 1, ack 1, win 64, options [nop,nop,TS val 3579583801 ecr 1525500213], length 0\n"
		"\t0x0000:  4500 0034 daee 4000 4006 61d3 7f00 0001\n"
		"\t0x0010:  7f00 0001 af74 2382 ee4f 1ef6 1876 f08f\n"
		"\t0x0020:  8010 0040 fe28 0000 0101 080a d55c 1d39\n"
		"\t0x0030:  5aed 4935\n");
	ck_assert_int_eq(nframes, 3);
	ck_assert_frame_bytes(0, "4500 003c daed 4000 4006 61cc 7f00 0001 7f00 0001 af74 2382"
				 "ee4f 1ef5 0000 0000 a002 ffd7 fe30 0000 0204 ffd7 0402 080a"
				 "d55c 1d39 0000 0000 0103 030a");
	ck_assert_frame_bytes(1, "4500 003c 0000 4000 4006 3cba 7f00 0001 7f00 0001 2382 af74"
				 "1876 f08e ee4f 1ef6 a012 ffcb fe30 0000 0204 ffd7 0402 080a"
				 "5aed 4935 d55c 1d39 0103 030a");
	ck_assert_frame_bytes(2, "4500 0034 daee 4000 4006 61d3 7f00 0001 7f00 0001 af74 2382"
				 "ee4f 1ef6 1876 f08f 8010 0040 fe28 0000 0101 080a d55c 1d39"
				 "5aed 4935");
	ck_assert_uint_eq(frames[0].line, 1);
	ck_assert_uint_eq(frames[0].last_line, 6);
	ck_assert_uint_eq(frames[1].line, 7);
	ck_assert_uint_eq(frames[1].hex_line, 9);
	ck_assert_uint_eq(frames[1].last_line, 12);
	ck_assert_uint_eq(frames[2].line, 13);
	ck_assert_uint_eq(frames[2].last_line, 18);
	ck_assert(strncmp(frames[2].summary, "07:51:56.867635 IP (tos 0x0, ttl 64, id 56046", 45) == 0);
	ck_assert_no_messages();
}
END_TEST

START_TEST(vv_inner_hexdump_is_not_the_packet)
{
	/* the syslog printer dumps the message in the same format before the
	 * packet's own hex: only the last run from offset 0 is the packet */
	frame_text(
		"15:15:35.100000 IP (tos 0x0, ttl 64, id 21249, offset 0, flags [none], proto UDP (17), length 79)\n"
		"    192.0.2.31.40514 > 192.0.2.32.514: [udp sum ok] SYSLOG, length: 51\n"
		"\tFacility user (1), Severity notice (5)\n"
		"\tMsg: Jun  1 12:00:00 host app: hello from the corpus\n"
		"\t0x0000:  3c31 333e 4a75 6e20 2031 2031 323a 3030\n"
		"\t0x0010:  3a30 3020 686f 7374 2061 7070 3a20 6865\n"
		"\t0x0020:  6c6c 6f20 6672 6f6d 2074 6865 2063 6f72\n"
		"\t0x0030:  7075 73\n"
		"\t0x0000:  4500 004f 5301 0000 4011 a35d c000 021f  E..OS...@..]....\n"
		"\t0x0010:  c000 0220 9e42 0202 003b e904 3c31 333e  .....B...;..<13>\n"
		"\t0x0020:  4a75 6e20 2031 2031 323a 3030 3a30 3020  Jun..1.12:00:00.\n"
		"\t0x0030:  686f 7374 2061 7070 3a20 6865 6c6c 6f20  host.app:.hello.\n"
		"\t0x0040:  6672 6f6d 2074 6865 2063 6f72 7075 73    from.the.corpus\n"
		"15:15:35.101537 IP (tos 0x0, ttl 64, id 21250, offset 0, flags [none], proto UDP (17), length 38)\n"
		"    192.0.2.31.40514 > 192.0.2.32.514: [udp sum ok] SYSLOG, length: 10\n"
		"\tFacility local4 (20), Severity notice (5)\n"
		"\tMsg: short\n"
		"\t0x0000:  3c31 3635 3e73 686f 7274\n"
		"\t0x0000:  4500 0026 5302 0000 4011 a385 c000 021f  E..&S...@.......\n"
		"\t0x0010:  c000 0220 9e42 0202 0012 4f88 3c31 3635  .....B....O.<165\n"
		"\t0x0020:  3e73 686f 7274                           >short\n");
	ck_assert_int_eq(nframes, 2);
	ck_assert_frame_bytes(0, "4500 004f 5301 0000 4011 a35d c000 021f c000 0220 9e42 0202"
				 "003b e904 3c31 333e 4a75 6e20 2031 2031 323a 3030 3a30 3020"
				 "686f 7374 2061 7070 3a20 6865 6c6c 6f20 6672 6f6d 2074 6865"
				 "2063 6f72 7075 73");
	ck_assert_frame_bytes(1, "4500 0026 5302 0000 4011 a385 c000 021f c000 0220 9e42 0202"
				 "0012 4f88 3c31 3635 3e73 686f 7274");
	ck_assert_uint_eq(frames[0].line, 1);
	ck_assert_uint_eq(frames[0].hex_line, 9);
	ck_assert_uint_eq(frames[0].last_line, 13);
	ck_assert_uint_eq(frames[1].line, 14);
	ck_assert_uint_eq(frames[1].hex_line, 19);
	ck_assert_uint_eq(frames[1].last_line, 21);
	ck_assert(strstr(frames[0].summary, "\n\tMsg: Jun  1 12:00:00 host app: hello") != NULL);
	ck_assert(!frames[0].damaged && !frames[1].damaged);
	ck_assert_uint_eq(diag.errors, 0);
	ck_assert_uint_eq(diag.warnings, 0);
	ck_assert_str_eq(message_line(0), "t.txt:9:2: note: offset 0 again: the 51 bytes above were "
					  "an inner dump printed by tcpdump's -vv, not the packet");
	ck_assert_str_eq(message_line(1), "t.txt:19:2: note: offset 0 again: the 10 bytes above "
					  "were an inner dump printed by tcpdump's -vv, not the packet");
	ck_assert_str_eq(message_line(2), "");
}
END_TEST

START_TEST(remark_after_inner_dump_is_not_an_error)
{
	frame_text(
		"08:36:15.227124 IP (tos 0xc0, ttl 2, id 0, offset 0, flags [none], proto UDP (17), length 192)\n"
		"    10.7.56.254.520 > 224.0.0.9.520: [bad udp cksum 0x0b22 -> 0xfa88!] \n"
		"\tRIPv2, Response, length: 160, routes: 8 or less\n"
		"\t  AFI Unknown (37)\n"
		"\t  0x0000:  5100 0000 ff00 0000 0000 0000 0000 0002 [remaining entries length 16 < 20] (invalid)\n"
		"\t0x0000:  0202 0000 0002 0000 0a07 0000 ffff ff00\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "0202 0000 0002 0000 0a07 0000 ffff ff00");
	ck_assert(!frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 0);
	ck_assert_uint_eq(diag.warnings, 0);
	ck_assert_str_eq(message_line(0), "t.txt:5:52: note: tcpdump's remark after the hex was "
					  "skipped:  [remaining entries length 16 < 20] (invalid)");
}
END_TEST

START_TEST(text_after_an_inner_dump_is_not_an_error)
{
	/* CDP at -x: its last inner dump runs into the summary's tail */
	frame_text("11:46:11.550157 CDPv2, ttl: 180s\n"
		   "\t  0x0000:  0000 0001 0000 0000 ffff ffff, length 378\n"
		   "\t0x0000:  02b4 b0bd 0001 000a 5377 6974 6368 0005\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "02b4 b0bd 0001 000a 5377 6974 6368 0005");
	ck_assert(!frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 0);
}
END_TEST

START_TEST(text_after_the_packets_own_hex_is_an_error)
{
	/* no dump follows, so the text sat in the packet's own hex */
	frame_text("IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4\n"
		   "\t0x0000:  4500 0038 106d, 4000\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 0038 106d");
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_str_eq(message_line(1), "t.txt:2:25: error: ',' is not a hex digit; the rest of "
					  "the line was skipped");
	ck_assert_str_eq(message_line(2), "  \t0x0000:  4500 0038 106d, 4000");
}
END_TEST

START_TEST(summary_without_hex_is_a_frame)
{
	/* truncated-cuts 7: a frame cut inside its Ethernet header; -x prints
	 * no hex for it, but it is still a packet */
	frame_text(
		"04:24:11.107685 IP (tos 0x0, ttl 64, id 49156, offset 0, flags [none], proto ICMP (1), length 76)\n"
		"    192.0.2.21 > 192.0.2.22: ICMP echo request, id 9, seq 9, length 56\n"
		"\t0x0000:  4500 004c c004 0000 4001 3681 c000 0215\n"
		"\t0x0010:  c000 0216 0800 cdab 0009 0009 0001 0203\n"
		"\t0x0020:  0405 0607\n"
		"04:24:11.109222  [|ether]\n");
	ck_assert_int_eq(nframes, 2);
	ck_assert_frame_bytes(0, "4500 004c c004 0000 4001 3681 c000 0215 c000 0216 0800 cdab"
				 "0009 0009 0001 0203 0405 0607");
	ck_assert_uint_eq(frames[1].len, 0);
	ck_assert(frames[1].has_summary);
	ck_assert_str_eq(frames[1].summary, "04:24:11.109222  [|ether]");
	ck_assert_uint_eq(frames[1].line, 6);
	ck_assert_uint_eq(frames[1].hex_line, 0);
	ck_assert_no_messages();
}
END_TEST

START_TEST(t_records_and_the_ether_cut_record)
{
	/* -t: no time stamps; the cut record is indented by one space */
	frame_text("IP 192.0.2.21 > 192.0.2.22: ICMP echo request, id 9, seq 9, length 56\n"
		   "\t0x0000:  4500 004c c004 0000 4001 3681 c000 0215\n"
		   "\t0x0010:  c000 0216 0800 cdab 0009 0009 0001 0203\n"
		   "\t0x0020:  0405 0607\n"
		   " [|ether]\n"
		   " [|ether]\n"
		   "IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4\n"
		   "\t0x0000:  4500 0038\n");
	ck_assert_int_eq(nframes, 4);
	ck_assert_uint_eq(frames[0].len, 36);
	ck_assert_str_eq(frames[0].summary,
			 "IP 192.0.2.21 > 192.0.2.22: ICMP echo request, id 9, seq 9, length 56");
	for (int i = 1; i <= 2; i++) {
		ck_assert_uint_eq(frames[i].len, 0);
		ck_assert_str_eq(frames[i].summary, " [|ether]");
		ck_assert_uint_eq(frames[i].line, (unsigned long)i + 4);
	}
	ck_assert_frame_bytes(3, "4500 0038");
	ck_assert_uint_eq(frames[3].line, 7);
	ck_assert_no_messages();
}
END_TEST

static const char vxlan_x[] =
	"20:21:44.837063 IP (tos 0x0, ttl 64, id 53952, offset 0, flags [DF], proto UDP (17), length 134)\n"
	"    192.168.203.1.45149 > 192.168.202.1.4789: [no cksum] VXLAN, flags [I] (0x08), vni 100\n"
	"IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto ICMP (1), length 84)\n"
	"    192.168.203.3 > 192.168.203.5: ICMP echo request, id 1292, seq 1, length 64\n"
	"\t0x0000:  4500 0086 d2c0 4000 4011 5152 c0a8 cb01\n"
	"\t0x0010:  c0a8 ca01 b05d 12b5 0072 0000 0800 0000\n"
	"\t0x0020:  0000 6400 0030 8801 0002 0016 3e37 f604\n"
	"\t0x0030:  0800 4500 0054 0000 4000 4001 234f c0a8\n"
	"\t0x0040:  cb03 c0a8 cb05 0800 f6f2 050c 0001 fce2\n"
	"\t0x0050:  9751 0000 0000 a6f8 0200 0000 0000 1011\n"
	"\t0x0060:  1213 1415 1617 1819 1a1b 1c1d 1e1f 2021\n"
	"\t0x0070:  2223 2425 2627 2829 2a2b 2c2d 2e2f 3031\n"
	"\t0x0080:  3233 3435 3637\n"
	"20:21:44.882198 IP (tos 0x0, ttl 62, id 47106, offset 0, flags [DF], proto UDP (17), length 78)\n"
	"    192.168.202.1.42710 > 192.168.203.1.4789: [no cksum] VXLAN, flags [I] (0x08), vni 100\n"
	"ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 192.168.203.3 tell 192.168.203.5, length 28\n"
	"\t0x0000:  4500 004e b802 4000 3e11 6e48 c0a8 ca01\n"
	"\t0x0010:  c0a8 cb01 a6d6 12b5 003a 0000 0800 0000\n"
	"\t0x0020:  0000 6400 ffff ffff ffff 0030 8801 0002\n"
	"\t0x0030:  0806 0001 0800 0604 0001 0030 8801 0002\n"
	"\t0x0040:  c0a8 cb05 0000 0000 0000 c0a8 cb03\n";

static void check_vxlan_frames(void)
{
	ck_assert_int_eq(nframes, 2);
	ck_assert_uint_eq(frames[0].len, 134);
	ck_assert_uint_eq(frames[1].len, 78);
	ck_assert_frame_bytes(1, "4500 004e b802 4000 3e11 6e48 c0a8 ca01 c0a8 cb01 a6d6 12b5"
				 "003a 0000 0800 0000 0000 6400 ffff ffff ffff 0030 8801 0002"
				 "0806 0001 0800 0604 0001 0030 8801 0002 c0a8 cb05 0000 0000"
				 "0000 c0a8 cb03");
	ck_assert(strstr(frames[0].summary, "\nIP (tos 0x0, ttl 64, id 0,") != NULL);
	ck_assert(strstr(frames[0].summary, "ICMP echo request, id 1292") != NULL);
	ck_assert(strstr(frames[1].summary, "\nARP, Ethernet (len 6)") != NULL);
	ck_assert_uint_eq(frames[0].line, 1);
	ck_assert_uint_eq(frames[0].hex_line, 5);
	ck_assert_uint_eq(frames[1].line, 14);
	ck_assert_no_messages();
}

START_TEST(vxlan_inner_lines_continue_the_record)
{
	frame_text(vxlan_x);
	check_vxlan_frames();
}
END_TEST

START_TEST(vxlan_inner_lines_continue_the_record_with_t)
{
	/* without time stamps the inner "IP (tos" line still comes before any
	 * hex of a record that tcpdump did not cut */
	frame_text(without_times(vxlan_x));
	check_vxlan_frames();
}
END_TEST

START_TEST(t_cut_mark_line_after_inner_dumps)
{
	/* -t: the BGP printer ends with a column-0 cut mark after its inner
	 * dumps; the packet's own hex still follows */
	frame_text("IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 4748)\n"
		   "    127.0.0.1.540 > 127.0.0.1.179: Flags [S], length 4708: BGP [|bgp]\n"
		   "\tUpdate Message (2), length: 30\n"
		   "\t    0x0000:  0001 80\n"
		   "[|BGP Unknown Message Type]\n"
		   "\t0x0000:  4500 128c 0001 0000 4006 6a69 7f00 0001\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 128c 0001 0000 4006 6a69 7f00 0001");
	ck_assert(strstr(frames[0].summary, "\n[|BGP Unknown Message Type]") != NULL);
}
END_TEST

START_TEST(e_t_mac_summary_does_not_swallow_records)
{
	/* -e -t: "84:b5:..." starts with digits and a colon but is no time
	 * stamp; the IP records after it are records of their own */
	frame_text("84:b5:9c:be:30:48 Unknown SSAP 0x10 > 0c:c4:7a:08:e9:12 Unknown DSAP 0x44 "
		   "Information, send seq 0, rcv seq 26, Flags [Command], length 52\n"
		   "\t0x0000:  f5c8 4000 3e06 4504 cc09 3384 cc09 3650\n"
		   "IP (tos 0x0, ttl 64, id 63178, offset 0, flags [DF], proto TCP (6), length 52)\n"
		   "    204.9.54.80.55936 > 204.9.55.10.443: Flags [.], length 0\n"
		   "\t0x0000:  4500 0034 f6ca 4000 4006 3e8c cc09 3650\n"
		   "IP (tos 0x0, ttl 64, id 36752, offset 0, flags [DF], proto TCP (6), length 399)\n"
		   "    204.0.55.10.323 > 204.9.54.80.55936: Flags [P.], length 347\n"
		   "\t0x0000:  4500 018f 8f90 4000 4006 a46b cc00 370a\n");
	ck_assert_int_eq(nframes, 3);
	ck_assert_frame_bytes(0, "f5c8 4000 3e06 4504 cc09 3384 cc09 3650");
	ck_assert_frame_bytes(1, "4500 0034 f6ca 4000 4006 3e8c cc09 3650");
	ck_assert_frame_bytes(2, "4500 018f 8f90 4000 4006 a46b cc00 370a");
	ck_assert_no_messages();
}
END_TEST

START_TEST(ttt_summaries_start_with_a_space)
{
	/* -ttt and -ttttt print a sign before the time */
	frame_text(" 00:00:00.000000 IP 127.0.0.1.44916 > 127.0.0.1.9090: Flags [S], length 0\n"
		   "\t0x0000:  4500 003c daed 4000\n"
		   " 00:00:00.000033 IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto TCP (6), length 60)\n"
		   "    127.0.0.1.9090 > 127.0.0.1.44916: Flags [S.], length 0\n"
		   "\t0x0000:  4500 003c 0000 4000\n");
	ck_assert_int_eq(nframes, 2);
	ck_assert(frames[0].has_summary && frames[1].has_summary);
	ck_assert_str_eq(frames[0].summary, " 00:00:00.000000 IP 127.0.0.1.44916 > 127.0.0.1.9090: "
					    "Flags [S], length 0");
	ck_assert(strncmp(frames[1].summary, " 00:00:00.000033 IP (tos", 24) == 0);
	ck_assert_uint_eq(frames[1].line, 3);
	ck_assert_frame_bytes(1, "4500 003c 0000 4000");
	ck_assert_no_messages();
}
END_TEST

START_TEST(e_t_cooked_direction_is_a_summary)
{
	/* -e -t on Linux cooked captures: the direction is padded, " In" */
	frame_text(" In ethertype IPv6 (0x86dd), length 76: (hlim 1, next-header UDP (17) payload "
		   "length: 20) fe80::68d3:1235:d068:1f9e.6697 > ff02::1:6.6697: [udp sum ok] babel 2 (8)\n"
		   "\tHello seqno 8042 interval 20.00s\n"
		   "\t0x0000:  0000 030a 0000 0000 0000 0000 0000 86dd\n"
		   "Out ethertype IPv6 (0x86dd), length 76: (hlim 1, next-header UDP (17) payload "
		   "length: 20) fe80::3428:af91:251:d626.6697 > ff02::1:6.6697: [udp sum ok] babel 2 (8)\n"
		   "\tHello seqno 40102 interval 20.00s\n"
		   "\t0x0000:  0004 030a 0000 0000 0000 0000 0000 86dd\n"
		   "  M ethertype IPv4 (0x0800), length 62: 10.0.0.1 > 224.0.0.5: OSPFv2, Hello, length 28\n"
		   "\t0x0000:  0002 0001 0006 0000 0000 0000 0000 0800\n");
	ck_assert_int_eq(nframes, 3);
	ck_assert(strncmp(frames[2].summary, "  M ethertype IPv4", 18) == 0);
	ck_assert(strncmp(frames[0].summary, " In ethertype IPv6", 18) == 0);
	ck_assert(strstr(frames[0].summary, "\n\tHello seqno 8042") != NULL);
	ck_assert_frame_bytes(0, "0000 030a 0000 0000 0000 0000 0000 86dd");
	ck_assert_frame_bytes(1, "0004 030a 0000 0000 0000 0000 0000 86dd");
}
END_TEST

START_TEST(banners_are_not_packets)
{
	frame_text("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n"
		   "listening on lo, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n"
		   "IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4\n"
		   "\t0x0000:  0000 0000 0000 0000 0000 0000 0800 4500\n"
		   "3 packets captured\n"
		   "6 packets received by filter\n"
		   "0 packets dropped by kernel\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "0000 0000 0000 0000 0000 0000 0800 4500");
	ck_assert_str_eq(frames[0].stream_link, "EN10MB");
	ck_assert_uint_eq(frames[0].line, 3);
	ck_assert_str_eq(frames[0].summary, "IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], length 4");
	ck_assert_no_messages();
}
END_TEST

START_TEST(reading_banner_names_the_link)
{
	frame_text("reading from file x.pcap, link-type LINUX_SLL (Linux cooked v1), snapshot length "
		   "262144\n"
		   "\t0x0000:  0000 0304 0006 0000 0000 0000 0000 0800\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_str_eq(frames[0].stream_link, "LINUX_SLL");
	ck_assert(!frames[0].has_summary);
}
END_TEST

/* ---- pastes without summaries ---- */

START_TEST(blank_line_separates_headerless_dumps)
{
	frame_text("\t0x0000:  4500 0038 106d 4000\n"
		   "\n"
		   "0x0000:  4500 001c 0001 0000\n");
	ck_assert_int_eq(nframes, 2);
	ck_assert_frame_bytes(0, "4500 0038 106d 4000");
	ck_assert_frame_bytes(1, "4500 001c 0001 0000");
	ck_assert(!frames[0].has_summary && !frames[1].has_summary);
	ck_assert_str_eq(frames[0].summary, "");
	ck_assert_uint_eq(frames[0].line, 1);
	ck_assert_uint_eq(frames[1].line, 3);
	ck_assert_no_messages();
}
END_TEST

START_TEST(offset_zero_again_starts_a_headerless_dump)
{
	frame_text("0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001\n"
		   "0x0010:  7f00 0001\n"
		   "0x0000:  4500 001c 0001 0000\n");
	ck_assert_int_eq(nframes, 2);
	ck_assert_frame_bytes(0, "4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001");
	ck_assert_frame_bytes(1, "4500 001c 0001 0000");
	ck_assert_uint_eq(frames[0].last_line, 2);
	ck_assert_uint_eq(frames[1].line, 3);
	ck_assert_uint_eq(frames[1].hex_line, 3);
	ck_assert_no_messages();
}
END_TEST

START_TEST(bare_hex_lines_separated_by_a_blank_line)
{
	frame_text("4500 0038 106d 4000\n"
		   "4006 2c51\n"
		   "\n"
		   "4500 001c 0001 0000\n");
	ck_assert_int_eq(nframes, 2);
	ck_assert_frame_bytes(0, "4500 0038 106d 4000 4006 2c51");
	ck_assert_frame_bytes(1, "4500 001c 0001 0000");
	ck_assert_no_messages();
}
END_TEST

/* ---- tcpdump 3.x ---- */

START_TEST(v3_offsetless_lines_after_a_summary)
{
	frame_text("14:46:43.100000 127.0.0.1.7777 > 127.0.0.1.49386: P 478718457:478718461(4) ack "
		   "3494390774 win 229 <nop,nop,timestamp 1557052 2361237440> (DF)\n"
		   "\t\t\t 4500 0038 106d 4000 4006 2c51 7f00 0001\n"
		   "\t\t\t 7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6\n"
		   "\t\t\t 8018 00e5 fe2c 0000 0101 080a 0017 c23c\n"
		   "\t\t\t 8cbd 9fc0 3232 3333\n"
		   "14:46:43.200000 127.0.0.1.49386 > 127.0.0.1.7777: . ack 4 win 229\n"
		   "\t\t\t 4500 0034 daee 4000\n");
	ck_assert_int_eq(nframes, 2);
	ck_assert_frame_bytes(0, SEED_IP);
	ck_assert_uint_eq(frames[0].hex_line, 2);
	ck_assert_uint_eq(frames[0].last_line, 5);
	ck_assert_frame_bytes(1, "4500 0034 daee 4000");
	ck_assert_no_messages();
}
END_TEST

START_TEST(v3_X_lines_with_tab_before_ascii)
{
	/* tcpdump 3.x -X: "0x%04x\t%-40s\t%s", hex groups each after a space */
	frame_text("14:46:43.100000 127.0.0.1.7777 > 127.0.0.1.49386: P 478718457:478718461(4)\n"
		   "0x0000\t 4500 0038 106d 4000 4006 2c51 7f00 0001\tE..8.m@.@.,Q....\n"
		   "0x0010\t 7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6\t.....a.......H+.\n"
		   "0x0020\t 8018 00e5 fe2c 0000 0101 080a 0017 c23c\t.....,.........<\n"
		   "0x0030\t 8cbd 9fc0 3232 3333                    \t....2233\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, SEED_IP);
	ck_assert_no_messages();
}
END_TEST

/* ---- errors ---- */

START_TEST(odd_digit_count)
{
	frame_text("\t0x0000:  4500 0038 106\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 0038 10");
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_uint_eq(diag.warnings, 0);
	/* the caret sits under the dropped digit: column 23 */
	ck_assert_str_eq(messages, "t.txt:1:23: error: odd number of hex digits in '106'; the last "
				   "digit was dropped\n"
				   "  \t0x0000:  4500 0038 106\n"
				   "  \t                     ^\n");
}
END_TEST

START_TEST(odd_digit_count_is_one_error_not_two)
{
	/* the digit lost on line 4 makes the next offset look 1 byte ahead;
	 * that is the same mistake, reported once */
	frame_text(SEED_SUMMARY
		   "\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001\n"
		   "\t0x0010:  7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf\n"
		   "\t0x0020:  8018 00e5 fe2c 0000 0101 080a 0017 c23c\n"
		   "\t0x0030:  8cbd 9fc0 3232 3333\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_uint_eq(frames[0].len, 55);
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_str_eq(message_line(0), "t.txt:4:48: error: odd number of hex digits in '2bf'; the "
					  "last digit was dropped");
	ck_assert_str_eq(message_line(3), "");
}
END_TEST

/* A line as long as a full one, its spaces where a full line has them
 * but with one more: not taken for eight groups of four.  The odd run is
 * reported at its column, quoting the line up to it. */
START_TEST(odd_run_in_a_line_as_long_as_a_full_one)
{
	frame_text("\t0x0000:  4 00 0038 106d 4000 4006 2c51 7f00 0001\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "0000 3810 6d40 0040 062c 517f 0000 01");
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_str_eq(messages, "t.txt:1:11: error: odd number of hex digits in '4'; the last "
				   "digit was dropped\n"
				   "  \t0x0000:  4\n"
				   "  \t         ^\n");
}
END_TEST

START_TEST(non_hex_character)
{
	frame_text("\t0x0000:  4500 00g8 106d\n"
		   "\t0x0006:  4006 2c51\n");
	ck_assert_int_eq(nframes, 1);
	/* "00" before the 'g' is kept; the rest of the line is not */
	ck_assert_frame_bytes(0, "4500 00 4006 2c51");
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_str_eq(messages, "t.txt:1:18: error: 'g' is not a hex digit; the rest of the line "
				   "was skipped\n"
				   "  \t0x0000:  4500 00g8 106d\n"
				   "  \t                ^\n");
}
END_TEST

START_TEST(offset_jumps_forward)
{
	frame_text("\t0x0000:  4500 0038\n"
		   "\t0x0010:  7f00 0001\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 0038 7f00 0001");
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_str_eq(messages, "t.txt:2:2: error: offset jumps from 0x0004 to 0x0010: 12 bytes "
				   "are missing; the bytes were joined without them\n"
				   "  \t0x0010:  7f00 0001\n"
				   "  \t^\n");
}
END_TEST

START_TEST(offset_jump_is_reported_once)
{
	/* the line after the gap is where the dump says it is */
	frame_text("\t0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001\n"
		   "\t0x0020:  8018 00e5 fe2c 0000 0101 080a 0017 c23c\n"
		   "\t0x0030:  8cbd 9fc0 3232 3333\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_uint_eq(frames[0].len, 40);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_uint_eq(diag.warnings, 0);
	ck_assert_str_eq(message_line(0), "t.txt:2:2: error: offset jumps from 0x0010 to 0x0020: 16 "
					  "bytes are missing; the bytes were joined without them");
}
END_TEST

START_TEST(offset_back_with_the_same_bytes)
{
	frame_text("\t0x0000:  4500 0038 106d 4000\n"
		   "\t0x0004:  106d 4000 4006 2c51\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 0038 106d 4000 4006 2c51");
	ck_assert(!frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 0);
	ck_assert_uint_eq(diag.warnings, 1);
	ck_assert_str_eq(message_line(0), "t.txt:2:2: warning: offset 0x0004 repeats 4 bytes already "
					  "read; the repeat was skipped");
}
END_TEST

START_TEST(repeat_keeps_earlier_damage)
{
	/* line 1 loses a digit (7 bytes); line 2 repeats bytes 4..6 */
	frame_text("\t0x0000:  4500 0038 106d 400\n"
		   "\t0x0004:  106d 40\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 0038 106d 40");
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_uint_eq(diag.warnings, 1);
}
END_TEST

START_TEST(offset_back_with_different_bytes)
{
	frame_text("\t0x0000:  4500 0038 106d 4000\n"
		   "\t0x0004:  ffff 4000 4006 2c51\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 0038 106d 4000 4006 2c51");
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_uint_eq(diag.warnings, 0);
	ck_assert_str_eq(message_line(0), "t.txt:2:2: error: offset 0x0004 overlaps 4 bytes already "
					  "read with different values; the first reading was kept");
}
END_TEST

START_TEST(ascii_column_does_not_match_the_bytes)
{
	frame_text("\t0x0000:  4500 0038  E..9\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 0038");
	ck_assert(!frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 0);
	ck_assert_uint_eq(diag.warnings, 1);
	ck_assert_str_eq(messages, "t.txt:1:25: warning: the ASCII column says '9' but byte 3 is "
				   "0x38; the hex was kept\n"
				   "  \t0x0000:  4500 0038  E..9\n"
				   "  \t                       ^\n");
}
END_TEST

START_TEST(ascii_column_has_too_many_characters)
{
	frame_text("\t0x0000:  4500 0038  E..8x\n");
	ck_assert_uint_eq(diag.warnings, 1);
	ck_assert_str_eq(message_line(0), "t.txt:1:22: warning: the ASCII column has 5 characters for "
					  "4 bytes");
}
END_TEST

START_TEST(empty_file)
{
	frame_text("");
	ck_assert_int_eq(nframes, 0);
	ck_assert_no_messages();
}
END_TEST

START_TEST(file_of_only_text)
{
	frame_text("hello world\n"
		   "this is not a dump\n");
	ck_assert_int_eq(nframes, 0);
	ck_assert_uint_eq(diag.errors, 0);
	ck_assert_uint_eq(diag.warnings, 0);
	ck_assert_str_eq(messages, "t.txt:1:1: note: text without hex was skipped: 'hello world'\n"
				   "t.txt:2:1: note: text without hex was skipped: 'this is not a "
				   "dump'\n");
}
END_TEST

START_TEST(cut_mark_after_the_packets_hex)
{
	frame_text("IP 127.0.0.1.540 > 127.0.0.1.179: Flags [S], length 4708: BGP [|bgp]\n"
		   "\t0x0000:  4500 128c 0001 0000 4006 6a69 7f00 0001\n"
		   "\t0x0010:  0001 0000 b500 01 [|bgp]\n");
	ck_assert_int_eq(nframes, 1);
	ck_assert_frame_bytes(0, "4500 128c 0001 0000 4006 6a69 7f00 0001 0001 0000 b500 01");
	ck_assert(!frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 0);
	ck_assert_str_eq(messages, "t.txt:3:28: note: tcpdump marked a cut here:  [|bgp]\n");
}
END_TEST

/* What a frame says of its length on the wire: a capture file's record by
 * its two lengths; tcpdump's "truncated-ip - N bytes missing!", measured
 * against the length on the wire, how much shorter the datagram was there
 * than its header says (a snaplen cut shows as "[|tcp]" instead). */
START_TEST(frame_wire_length_from_record_or_summary)
{
	static const uint8_t b[40] = {0x45};
	struct frame f = {.bytes = b, .len = 40, .summary = "", .stream_link = ""};
	uint32_t n = 0;
	ck_assert(!frame_is_whole(&f));
	ck_assert(!frame_ip_missing(&f, &n));
	f.wire_len = 40;
	ck_assert(frame_is_whole(&f));
	f.wire_len = 1500;
	ck_assert(!frame_is_whole(&f));
	f.wire_len = 0;
	f.has_summary = true;
	f.summary = "23:52:05.672232 IP truncated-ip - 768 bytes missing! (tos 0x10, ttl 62)";
	ck_assert(frame_ip_missing(&f, &n));
	ck_assert_uint_eq(n, 768);
	ck_assert(!frame_is_whole(&f)); /* by itself: the IP decoder weighs it */
	f.summary = "08:59:14.753767 IP6 truncated-ip6 - 1 bytes missing!(flowlabel 0x67576)";
	ck_assert(frame_ip_missing(&f, &n));
	ck_assert_uint_eq(n, 1);
	f.summary = "10:00:00.000000 IP 10.0.0.1.22 > 10.0.0.2.5000: Flags [P.] [|ssh]";
	ck_assert(!frame_ip_missing(&f, &n));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("framer");
	TCase *tc = tcase_create("seed");
	tcase_add_test(tc, seed_x_gives_the_ip_packet);
	tcase_add_test(tc, seed_xx_gives_the_ethernet_frame);
	tcase_add_test(tc, seed_X_ascii_column_is_not_hex);
	tcase_add_test(tc, seed_XX_ascii_column_is_not_hex);
	tcase_add_test(tc, crlf_line_endings);
	tcase_add_test(tc, last_line_without_newline);
	tcase_add_test(tc, reads_a_pipe);
	tcase_add_test(tc, live_pipe_gets_a_frame_when_the_next_record_starts);
	tcase_add_test(tc, live_pipe_gets_a_complete_packet_at_its_last_line);
	tcase_add_test(tc, live_pipe_hands_on_a_cut_packet_when_input_pauses);
	tcase_add_test(tc, huge_lines_are_read_whole);
	suite_add_tcase(s, tc);

	tc = tcase_create("records");
	tcase_add_test(tc, several_records_in_a_row);
	tcase_add_test(tc, vv_inner_hexdump_is_not_the_packet);
	tcase_add_test(tc, remark_after_inner_dump_is_not_an_error);
	tcase_add_test(tc, text_after_an_inner_dump_is_not_an_error);
	tcase_add_test(tc, text_after_the_packets_own_hex_is_an_error);
	tcase_add_test(tc, summary_without_hex_is_a_frame);
	tcase_add_test(tc, t_records_and_the_ether_cut_record);
	tcase_add_test(tc, vxlan_inner_lines_continue_the_record);
	tcase_add_test(tc, vxlan_inner_lines_continue_the_record_with_t);
	tcase_add_test(tc, t_cut_mark_line_after_inner_dumps);
	tcase_add_test(tc, e_t_mac_summary_does_not_swallow_records);
	tcase_add_test(tc, ttt_summaries_start_with_a_space);
	tcase_add_test(tc, e_t_cooked_direction_is_a_summary);
	tcase_add_test(tc, banners_are_not_packets);
	tcase_add_test(tc, reading_banner_names_the_link);
	suite_add_tcase(s, tc);

	tc = tcase_create("headerless");
	tcase_add_test(tc, blank_line_separates_headerless_dumps);
	tcase_add_test(tc, offset_zero_again_starts_a_headerless_dump);
	tcase_add_test(tc, bare_hex_lines_separated_by_a_blank_line);
	tcase_add_test(tc, v3_offsetless_lines_after_a_summary);
	tcase_add_test(tc, v3_X_lines_with_tab_before_ascii);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, odd_digit_count);
	tcase_add_test(tc, odd_digit_count_is_one_error_not_two);
	tcase_add_test(tc, odd_run_in_a_line_as_long_as_a_full_one);
	tcase_add_test(tc, non_hex_character);
	tcase_add_test(tc, offset_jumps_forward);
	tcase_add_test(tc, offset_jump_is_reported_once);
	tcase_add_test(tc, offset_back_with_the_same_bytes);
	tcase_add_test(tc, repeat_keeps_earlier_damage);
	tcase_add_test(tc, offset_back_with_different_bytes);
	tcase_add_test(tc, ascii_column_does_not_match_the_bytes);
	tcase_add_test(tc, ascii_column_has_too_many_characters);
	tcase_add_test(tc, empty_file);
	tcase_add_test(tc, file_of_only_text);
	tcase_add_test(tc, cut_mark_after_the_packets_hex);
	tcase_add_test(tc, frame_wire_length_from_record_or_summary);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
