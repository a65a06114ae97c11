/* check_paste.c - hex pasted in other formats than tcpdump's: each sample of
 * samples/paste/ read into its bytes, the real xxd, od and hexdump (skipped
 * when not installed), round trips of corpus packets through every format
 * written here, and the ambiguous readings with what is said about them.
 *
 * Expected bytes are the packets of the corpus's pcaps (seed-003: the seed
 * note's packet; seed-handshake: its SYN), not our own output. */
#include "check_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/diag.h"
#include "input/framer.h"
#include "input/paste.h"

#define MAX_FRAMES 16
#define MAX_BYTES 2048

/* corpus seed-003.pcap, the IPv4 packet */
#define SEED_IP                                                                            \
	"4500003810 6d40004006 2c517f000001 7f0000011e61c0ea1c88a9f9d0482bf68018"           \
	"00e5fe2c00000101080a0017c23c8cbd9fc032323333"
/* a SYN with options: 60 bytes */
#define SYN                                                                                \
	"4500003c1c4640004006b1e6ac100a63ac100a0cd7a20050a0b4c1ef00000000a002faf0e2d70000" \
	"020405b40402080a009c27240000000001030307"

struct got {
	uint8_t bytes[MAX_BYTES];
	size_t len;
	bool damaged, has_summary;
	unsigned long line;
};
static struct got frames[MAX_FRAMES];
static int nframes;
static struct diag diag;
static char *messages;
static size_t messages_size;

static void on_frame(const struct frame *f, void *user)
{
	(void)user;
	ck_assert_int_lt(nframes, MAX_FRAMES);
	ck_assert_uint_le(f->len, MAX_BYTES);
	struct got *g = &frames[nframes++];
	memcpy(g->bytes, f->bytes, f->len);
	g->len = f->len;
	g->damaged = f->damaged;
	g->has_summary = f->has_summary;
	g->line = f->line;
}

static void frame_text_as(const char *text, size_t len, const char *format)
{
	nframes = 0;
	free(messages);
	messages = NULL;
	memset(&diag, 0, sizeof(diag));
	diag.out = open_memstream(&messages, &messages_size);
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	fflush(f);
	rewind(f);
	ck_assert(framer_read_fd_as(fileno(f), "t.txt", format, &diag, on_frame, NULL));
	fclose(f);
	fclose(diag.out);
	diag.out = NULL;
}

static void frame_text(const char *text)
{
	frame_text_as(text, strlen(text), NULL);
}

static size_t unhex(const char *hex, uint8_t *out)
{
	size_t n = 0;
	for (const char *s = hex; s[0] && s[1];) {
		if (*s == ' ') {
			s++;
			continue;
		}
		unsigned v;
		ck_assert_int_eq(sscanf(s, "%2x", &v), 1);
		out[n++] = (uint8_t)v;
		s += 2;
	}
	return n;
}

static void assert_frame(int i, const char *hex)
{
	uint8_t want[MAX_BYTES];
	size_t n = unhex(hex, want);
	ck_assert_int_gt(nframes, i);
	ck_assert_uint_eq(frames[i].len, n);
	ck_assert_mem_eq(frames[i].bytes, want, n);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char *buf = malloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void frame_sample(const char *name)
{
	const char *dir = getenv("HEXPLAIN_SAMPLES");
	char path[1024];
	snprintf(path, sizeof(path), "%s/paste/%s", dir ? dir : "../samples", name);
	size_t len;
	char *text = slurp(path, &len);
	frame_text_as(text, len, NULL);
	free(text);
}

static const char *const seed_samples[] = {
	"wireshark-hexdump.txt", "tshark-x.txt", "hex-stream.txt",
	"hex-stream-0x-upper-wrapped.txt", "spaced-bytes.txt", "words-32bit.txt",
	"escaped-string.txt", "c-array.txt", "go-slice.txt", "rust-array.txt", "python-bytes.txt",
	"tcpdump-quoted-crlf.txt", "markdown-fence-gutter.txt", "numbered-gutter.txt",
	"fullwidth-nbsp-comments.txt",
};

START_TEST(sample_gives_the_seed_packet)
{
	frame_sample(seed_samples[_i]);
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, SEED_IP);
	ck_assert_uint_eq(diag.errors, 0);
	ck_assert(!frames[0].damaged);
}
END_TEST

START_TEST(quoted_tcpdump_keeps_its_summary)
{
	frame_sample("tcpdump-quoted-crlf.txt");
	ck_assert(frames[0].has_summary);
	ck_assert_uint_eq(frames[0].line, 1);
}
END_TEST

START_TEST(two_packets_however_separated)
{
	static const char *const names[] = {"two-packets-blank-line.txt",
					    "two-packets-offset-restart.txt",
					    "two-packets-text-between.txt"};
	for (size_t i = 0; i < 3; i++) {
		frame_sample(names[i]);
		ck_assert_int_eq(nframes, 2);
		assert_frame(0, SEED_IP);
		assert_frame(1, SYN);
		ck_assert_uint_eq(diag.errors, 0);
	}
}
END_TEST

/* the SYN, 40 zero bytes, then 0x01: od and hexdump fold the zeros into '*' */
START_TEST(star_runs_repeat_up_to_the_next_offset)
{
	static const char *const names[] = {"od-stars.txt", "hexdump-C-stars.txt"};
	char want[512] = SYN;
	for (int i = 0; i < 40; i++)
		strcat(want, "00");
	strcat(want, "01");
	for (size_t i = 0; i < 2; i++) {
		frame_sample(names[i]);
		ck_assert_int_eq(nframes, 1);
		assert_frame(0, want);
		ck_assert_uint_eq(diag.errors, 0);
	}
}
END_TEST

START_TEST(hexdump_words_are_little_endian_and_the_final_offset_cuts_the_pad)
{
	/* 55 bytes: hexdump pads the last word with 00 and prints 0000037 */
	frame_sample("hexdump-le16-odd.txt");
	ck_assert_int_eq(nframes, 1);
	uint8_t want[64];
	size_t n = unhex(SEED_IP, want);
	ck_assert_uint_eq(frames[0].len, n - 1);
	ck_assert_mem_eq(frames[0].bytes, want, n - 1);
	ck_assert_uint_eq(diag.errors, 0);
}
END_TEST

/* ---- the generators themselves ---- */

static bool have(const char *tool)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

/* Runs "cmd FILE" over the bytes of hex and reads its output back. */
static void through_tool(const char *cmd, const char *hex)
{
	uint8_t b[MAX_BYTES];
	size_t n = unhex(hex, b);
	char path[] = "/tmp/check_paste_XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, b, n), (ssize_t)n);
	close(fd);
	char line[256];
	snprintf(line, sizeof(line), "%s %s", cmd, path);
	FILE *p = popen(line, "r");
	ck_assert_ptr_nonnull(p);
	static char out[1 << 16];
	size_t len = fread(out, 1, sizeof(out) - 1, p);
	pclose(p);
	unlink(path);
	out[len] = '\0';
	frame_text_as(out, len, NULL);
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, hex);
	ck_assert_uint_eq(diag.errors, 0);
}

START_TEST(real_generators)
{
	static const char *const cmds[][2] = {
		{"xxd", "xxd"},         {"xxd", "xxd -g1"},          {"xxd", "xxd -g4 -c 24"},
		{"xxd", "xxd -p"},      {"od", "od -Ax -tx1 -v"},    {"od", "od -Ax -tx1"},
		{"hexdump", "hexdump -C"}, {"hexdump", "hexdump"},
	};
	static const char *const pkts[] = {SEED_IP, SYN, "4500001c00010000400100000a0000010a000002"
							 "0800f7ff00000000ff"};
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (!have(cmds[i][0])) {
			fprintf(stderr, "# skipped: %s is not installed\n", cmds[i][0]);
			continue;
		}
		for (size_t k = 0; k < 3; k++)
			through_tool(cmds[i][1], pkts[k]);
	}
}
END_TEST

/* ---- round trips: corpus packets written in every format ---- */

typedef void (*writer_fn)(FILE *f, const uint8_t *b, size_t n);

static void w_ascii(FILE *f, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputc(b[i] >= 0x20 && b[i] < 0x7f ? b[i] : '.', f);
}

static void w_wireshark(FILE *f, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i += 16) {
		fprintf(f, "%04zx  ", i);
		for (size_t k = 0; k < 16; k++)
			i + k < n ? fprintf(f, " %02x", b[i + k]) : fputs("   ", f);
		fputs("   ", f);
		w_ascii(f, b + i, n - i < 16 ? n - i : 16);
		fputc('\n', f);
	}
}

static void w_tcpdump_quoted(FILE *f, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i += 16) {
		fprintf(f, ">\t0x%04zx: ", i);
		for (size_t k = 0; k < 16 && i + k < n; k++)
			fprintf(f, "%s%02x", k % 2 ? "" : " ", b[i + k]);
		fputs("\r\n", f);
	}
}

static void w_stream(FILE *f, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%02X%s", b[i], i % 37 == 36 ? "\n" : "");
	fputc('\n', f);
}

static void w_escaped(FILE *f, const uint8_t *b, size_t n)
{
	fputc('"', f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "\\x%02x", b[i]);
	fputs("\"\n", f);
}

static void w_array(FILE *f, const uint8_t *b, size_t n)
{
	fputs("uint8_t pkt[] = { // a packet\n", f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "0x%02x,%s", b[i], i % 8 == 7 ? " /* row */\n" : " ");
	fputs("};\n", f);
}

static void w_python(FILE *f, const uint8_t *b, size_t n)
{
	fputs("pkt = b'", f);
	for (size_t i = 0; i < n; i++) {
		if (b[i] == '\\' || b[i] == '\'')
			fprintf(f, "\\%c", b[i]);
		else if (b[i] == '\n')
			fputs("\\n", f);
		else if (b[i] >= 0x20 && b[i] < 0x7f)
			fputc(b[i], f);
		else
			fprintf(f, "\\x%02x", b[i]);
	}
	fputs("'\n", f);
}

static void w_gutter_words(FILE *f, const uint8_t *b, size_t n)
{
	fputs("```\n", f);
	for (size_t i = 0; i < n; i += 16) {
		fprintf(f, "%zu |", i / 16 + 1);
		for (size_t k = 0; k < 16 && i + k < n; k++)
			fprintf(f, "%s%02x", k % 2 ? "" : " ", b[i + k]);
		fputs(" |\n", f);
	}
	fputs("```\n", f);
}

START_TEST(corpus_packets_round_trip_through_every_format)
{
	static const writer_fn writers[] = {w_wireshark, w_tcpdump_quoted, w_stream, w_escaped,
					    w_array,     w_python,         w_gutter_words};
	static const char *const corpus[] = {"seed-handshake.txt", "tcp-options-zoo.X.txt",
					     "vv-inner-hexdump.XX.txt"};
	const char *dir = getenv("HEXPLAIN_SAMPLES");
	for (size_t c = 0; c < 3; c++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir ? dir : "../samples", corpus[c]);
		size_t len;
		char *text = slurp(path, &len);
		frame_text_as(text, len, NULL);
		free(text);
		int n = nframes;
		ck_assert_int_gt(n, 0);
		static struct got packets[MAX_FRAMES];
		memcpy(packets, frames, sizeof(packets));
		for (int p = 0; p < n; p++)
			for (size_t w = 0; w < sizeof(writers) / sizeof(writers[0]); w++) {
				char *buf = NULL;
				size_t blen = 0;
				FILE *f = open_memstream(&buf, &blen);
				writers[w](f, packets[p].bytes, packets[p].len);
				fclose(f);
				frame_text_as(buf, blen, NULL);
				ck_assert_msg(nframes == 1, "%s packet %d, writer %zu: %d frames",
					      corpus[c], p, w, nframes);
				ck_assert_uint_eq(frames[0].len, packets[p].len);
				ck_assert_msg(memcmp(frames[0].bytes, packets[p].bytes,
						     packets[p].len) == 0,
					      "%s packet %d, writer %zu: bytes differ", corpus[c], p, w);
				free(buf);
			}
	}
}
END_TEST

/* ---- ambiguous readings are said ---- */

START_TEST(offset_or_data_is_decided_by_the_packet_and_said)
{
	/* "0000" as data makes no IPv4 header; as an offset it does */
	frame_text("0000 4500 0038 106d 4000 4006 2c51 7f00\n");
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, "4500 0038 106d 4000 4006 2c51 7f00");
	ck_assert_uint_eq(diag.warnings, 1);
	ck_assert_ptr_nonnull(strstr(messages, "read as offset-hex"));
	ck_assert_ptr_nonnull(strstr(messages, "--format words"));
}
END_TEST

START_TEST(forced_format_reads_the_other_way)
{
	frame_text_as("0000 4500 0038 106d\n", 20, "words");
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, "0000 4500 0038 106d");
	ck_assert_uint_eq(diag.warnings, 0);
}
END_TEST

START_TEST(hexdump_byte_order_is_said)
{
	/* an even length: nothing but the packet tells little- from big-endian */
	frame_text("0000000 0045 3800 6d10 0040 0640 512c 007f 0100\n"
		   "0000010 007f 0100 611e eac0 881c f9a9 48d0 f62b\n"
		   "0000020\n");
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, "4500 0038 106d 4000 4006 2c51 7f00 0001 7f00 0001 1e61 c0ea 1c88 a9f9 "
			"d048 2bf6");
	ck_assert_ptr_nonnull(strstr(messages, "read as hexdump"));
	ck_assert_ptr_nonnull(strstr(messages, "--format offset-hex"));
}
END_TEST

START_TEST(ascii_column_that_looks_like_hex_is_ascii)
{
	/* bytes "abcd" (61 62 63 64): xxd's ASCII column "abcd" is hex too */
	frame_text("00000000: 6162 6364  abcd\n");
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, "61626364");
}
END_TEST

/* ---- what cannot be read is said precisely ---- */

START_TEST(odd_stream_digit_is_an_error_at_its_place)
{
	frame_text("4500003810\n6d4\n");
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, "4500003810 6d");
	ck_assert(frames[0].damaged);
	ck_assert_uint_eq(diag.errors, 1);
	ck_assert_ptr_nonnull(strstr(messages, "t.txt:2:3: error: odd number of hex digits"));
}
END_TEST

START_TEST(word_in_a_c_array_is_an_error)
{
	frame_text("uint8_t p[] = {\n  0x45, 0x00, 0x4500, 0x38,\n};\n");
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, "4500 38");
	ck_assert(frames[0].damaged);
	ck_assert_ptr_nonnull(strstr(messages, "t.txt:2:15: error: '0x4500' is not a byte"));
}
END_TEST

START_TEST(seed_note_hex_comes_out_as_packets)
{
	frame_text("IP报文分析\n"
		   "1 | sudo tcpdump -ntx -c 1 |\n"
		   "1 | 4500 0038 106d 4000 4006 2c51 7f00 0001 |\n"
		   "使用十六进行表示,一个数字表示四位\n"
		   "- 版本号:0x4 –> IPv4\n"
		   "- 服务类型:0x00 –> 一般服务\n");
	ck_assert_int_eq(nframes, 1);
	assert_frame(0, "4500 0038 106d 4000 4006 2c51 7f00 0001");
	ck_assert_uint_eq(diag.errors, 0);
}
END_TEST

START_TEST(list_has_every_name_once)
{
	for (size_t i = 0; i < paste_format_count; i++) {
		ck_assert_ptr_eq(paste_format_find(paste_formats[i].name), &paste_formats[i]);
		ck_assert_uint_gt(strlen(paste_formats[i].example), 0);
	}
	ck_assert_ptr_eq(paste_format_find("tshark"), paste_format_find("wireshark"));
	ck_assert_ptr_null(paste_format_find("nonsense"));
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("paste");
	TCase *tc = tcase_create("samples");
	tcase_add_loop_test(tc, sample_gives_the_seed_packet, 0,
			    (int)(sizeof(seed_samples) / sizeof(seed_samples[0])));
	tcase_add_test(tc, quoted_tcpdump_keeps_its_summary);
	tcase_add_test(tc, two_packets_however_separated);
	tcase_add_test(tc, star_runs_repeat_up_to_the_next_offset);
	tcase_add_test(tc, hexdump_words_are_little_endian_and_the_final_offset_cuts_the_pad);
	tcase_add_test(tc, seed_note_hex_comes_out_as_packets);
	tcase_add_test(tc, list_has_every_name_once);
	suite_add_tcase(s, tc);
	tc = tcase_create("generators");
	tcase_add_test(tc, real_generators);
	tcase_add_test(tc, corpus_packets_round_trip_through_every_format);
	suite_add_tcase(s, tc);
	tc = tcase_create("ambiguous");
	tcase_add_test(tc, offset_or_data_is_decided_by_the_packet_and_said);
	tcase_add_test(tc, forced_format_reads_the_other_way);
	tcase_add_test(tc, hexdump_byte_order_is_said);
	tcase_add_test(tc, ascii_column_that_looks_like_hex_is_ascii);
	suite_add_tcase(s, tc);
	tc = tcase_create("errors");
	tcase_add_test(tc, odd_stream_digit_is_an_error_at_its_place);
	tcase_add_test(tc, word_in_a_c_array_is_an_error);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
