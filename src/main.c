/* main.c - options, wiring and exit status. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "config.h"
#include "analyze/reassembly.h"
#include "core/i18n.h"
#include "core/packet.h"
#include "core/strbuf.h"
#include "decode/decode.h"
#include "input/binary.h"
#include "input/diag.h"
#include "input/framer.h"
#include "input/linkguess.h"
#include "input/paste.h"
#include "input/pcap_in.h"
#include "render/pcap_out.h"
#include "render/render.h"

enum view { VIEW_EXPLAIN, VIEW_JSON, VIEW_BRIEF };

/* Output that is not line-buffered is written in chunks of this size. */
#define OUT_CHUNK (1 << 16)

struct run {
	enum view view;
	enum link_type forced_link;
	const char *format; /* --format NAME, NULL: found per input */
	bool line_buffered;
	struct diag diag;
	struct packet packet;
	struct strbuf out, why;
	unsigned long frames;
	unsigned width;
	enum link_type stream_link; /* what the previous dump of this input began with */
	bool output_failed;
	int output_errno;   /* why, when output_failed */
	struct reassembler *reasm; /* fragments waiting for the rest of their datagram */
	const char *capture_path;     /* -r: a pcap or pcapng file to read */
	enum link_type capture_link;  /* -r: the capture's link type */
	struct pcap_out *writer;      /* -w: packets go to a pcap file instead */
};

static void usage(FILE *f)
{
	fprintf(f, _("Usage: %s [OPTION]... [FILE]...\n"), "hexplain");
	fputs(_("Explain the packets in tcpdump's hex output (-x, -xx, -X, -XX) field by field.\n"
		"With no FILE, or when FILE is -, read standard input.\n"
		"\n"
		"  -j, --json            one JSON object per packet (Wireshark field names)\n"
		"  -b, --brief           one line per packet\n"
		"      --link NAME       the dump starts with NAME: ether, sll, sll2, null, loop,\n"
		"                        raw, ipv4, ipv6, arp, mpls, nsh (default: found from\n"
		"                        the bytes)\n"
		"      --width N         wrap the explain view at N columns (default: the\n"
		"                        terminal's width, 80 when not a terminal)\n"
		"  -l, --line-buffered   write each packet as soon as it is decoded\n"
		"                        (the default when standard output is a terminal)\n"
		"  -r, --read FILE       read a pcap or pcapng capture instead of text\n"
		"  -w, --write FILE      write the packets into a pcap file (- for standard\n"
		"                        output) instead of explaining them\n"
		"      --format NAME     read the text as NAME (xxd, od, hexdump-C, c-array...;\n"
		"                        default: found per input, or per block of a paste)\n"
		"      --list-formats    list the formats with an example of each, and exit\n"
		"  -v, --verbose         also report notes (inner dumps, skipped text, evidence)\n"
		"  -h, --help            show this help and exit\n"
		"  -V, --version         show the version and exit\n"
		"\n"
		"Exit status:\n"
		"  0  every input was read as packets\n"
		"  1  some input could not be read as packets (messages on standard error)\n"
		"  2  usage or I/O error\n"),
	      f);
}

#ifdef ENABLE_NLS
/* Where the message catalogs are: $HEXPLAIN_LOCALEDIR, else the installed
 * ones, else those of the build tree this binary came from. */
static const char *locale_dir(void)
{
	const char *env = getenv("HEXPLAIN_LOCALEDIR");
	if (env && *env)
		return env;
	if (access(LOCALEDIR "/zh_CN/LC_MESSAGES/" PACKAGE ".mo", R_OK) == 0)
		return LOCALEDIR;
	return BUILD_LOCALEDIR;
}
#endif

/* The terminal's width when writing to one; 80 otherwise, so that files and
 * pipes get the same output everywhere. */
static unsigned terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 70)
		return ws.ws_col;
	return 80;
}

/* --verbose: every candidate first layer's plausibility score. */
static void report_link_scores(struct run *run, const struct frame *fr, const char *hint)
{
	struct link_candidate cands[LINK_GUESS_CANDIDATES];
	size_t best = link_guess_scores(fr->bytes, fr->len, hint, run->stream_link, cands, NULL);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < LINK_GUESS_CANDIDATES; i++)
		sb_printf(&sb, "%s%s %d%s", i ? ", " : "", cands[i].name, cands[i].score,
			  i == best ? "*" : "");
	diag_report(&run->diag, SEV_NOTE, fr->source, fr->hex_line ? fr->hex_line : fr->line, 0,
		    NULL, _("first layer, plausibility scores: %s"), sb.s);
	sb_free(&sb);
}

/* Writes the gathered output to standard output's file itself: stdio
 * would first copy most of a 64 KiB chunk into its own buffer. */
static void write_gathered(struct run *run)
{
	if (run->out.len == 0)
		return;
	fflush(stdout); /* whatever stdio holds goes first */
	const char *p = run->out.s;
	size_t n = run->out.len;
	while (n > 0 && !run->output_failed) {
		ssize_t w = write(STDOUT_FILENO, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			run->output_failed = true;
			run->output_errno = errno;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
	sb_reset(&run->out);
}

static void on_frame(const struct frame *fr, void *user)
{
	struct run *run = user;
	struct packet *p = &run->packet;
	sb_reset(&run->why);
	enum link_type link = run->forced_link;
	if (link == LINK_UNKNOWN && run->capture_link != LINK_UNKNOWN) {
		link = run->capture_link;
		sb_puts(&run->why, _("the capture file's link type"));
	} else if (link == LINK_UNKNOWN && fr->len) {
		const char *hint = fr->has_summary ? fr->summary : fr->stream_link;
		/* only the explain view shows why: the others skip writing it,
		 * and take the framer's guess when it continues the stream
		 * (see struct frame) rather than guess a second time */
		if (run->view != VIEW_EXPLAIN && fr->has_guess && fr->guess != LINK_UNKNOWN &&
		    fr->guess == run->stream_link)
			link = fr->guess;
		else
			link = link_guess(fr->bytes, fr->len, hint, run->stream_link,
					  run->view == VIEW_EXPLAIN ? &run->why : NULL);
		if (!run->diag.quiet_notes)
			report_link_scores(run, fr, hint);
		run->stream_link = link;
	} else if (link != LINK_UNKNOWN) {
		sb_puts(&run->why, _("chosen with --link"));
	}
	if (run->writer) {
		pcap_out_frame(run->writer, fr, link, ++run->frames);
		return;
	}
	packet_reset(p, fr->bytes, fr->len, link);
	frame_wire_facts(fr, p);
	run->frames++;
	if (fr->len == 0) {
		packet_problem(p, SEV_WARNING, NULL, "frame.no_bytes", 0,
			       _("tcpdump printed a summary line but no hex for this packet"));
		/* tcpdump -x prints nothing for a frame cut inside its link
		 * header: not an input error, so a note */
		diag_report(&run->diag, SEV_NOTE, fr->source, fr->line, 0, NULL,
			    _("packet %lu has a summary line but no hex lines"), run->frames);
	} else {
		decode_packet(p);
	}
	struct record_info r = {
		.number = run->frames,
		.source = fr->source,
		.line = fr->line,
		.summary = fr->summary,
		.link_reason = run->why.s,
		.width = run->width,
	};
	const struct reasm_done *whole = reasm_feed(run->reasm, p, run->frames, fr->source, fr->line);
	if (whole) {
		r.reassembled = whole->packet;
		r.reassembled_from = whole->packets;
		r.reassembled_count = whole->npackets;
	}
	/* JSON and brief lines gather in run->out and go out 64 KiB at a time,
	 * straight from there; the explain view (which measures its lines
	 * in the buffer) and line-buffered output go packet by packet. */
	bool gather = !run->line_buffered && run->view != VIEW_EXPLAIN;
	if (!gather)
		sb_reset(&run->out);
	switch (run->view) {
	case VIEW_JSON:
		render_json(p, &r, &run->out);
		break;
	case VIEW_BRIEF:
		render_brief(p, &r, &run->out);
		break;
	case VIEW_EXPLAIN:
		render_explain(p, &r, &run->out);
		break;
	}
	if (!gather)
		sb_write(&run->out, stdout);
	else if (run->out.len >= OUT_CHUNK)
		write_gathered(run);
	if (run->line_buffered)
		fflush(stdout);
}

static void on_capture_frame(const struct frame *fr, enum link_type link, void *user)
{
	((struct run *)user)->capture_link = link;
	on_frame(fr, user);
}

static int read_input(struct run *run, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, _("hexplain: %s: %s\n"), path, strerror(errno));
		return 2;
	}
	run->stream_link = LINK_UNKNOWN;
	/* a capture file given as text is refused with one error (exit status 1) */
	bool ok = binary_input_rejected(fd, name, &run->diag) ||
		  framer_read_fd_as(fd, name, run->format, &run->diag, on_frame, run);
	if (!ok)
		fprintf(stderr, _("hexplain: %s: read error: %s\n"), name, strerror(errno));
	if (!is_stdin)
		close(fd);
	return ok ? 0 : 2;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, locale_dir());
	textdomain(PACKAGE);
#endif
	struct run run = {.view = VIEW_EXPLAIN, .forced_link = LINK_UNKNOWN};
	run.line_buffered = isatty(STDOUT_FILENO);
	run.diag.out = stderr;
	run.diag.quiet_notes = true;

	run.width = terminal_width();
	enum { OPT_LINK = 256, OPT_WIDTH, OPT_FORMAT, OPT_LIST_FORMATS };
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{"brief", no_argument, NULL, 'b'},
		{"link", required_argument, NULL, OPT_LINK},
		{"line-buffered", no_argument, NULL, 'l'},
		{"width", required_argument, NULL, OPT_WIDTH},
		{"read", required_argument, NULL, 'r'},
		{"write", required_argument, NULL, 'w'},
		{"verbose", no_argument, NULL, 'v'},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"list-formats", no_argument, NULL, OPT_LIST_FORMATS},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "jblr:w:vhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			run.view = VIEW_JSON;
			break;
		case 'b':
			run.view = VIEW_BRIEF;
			break;
		case OPT_LINK:
			run.forced_link = link_type_parse(optarg);
			if (run.forced_link == LINK_UNKNOWN) {
				fprintf(stderr,
					_("hexplain: unknown link type '%s' (ether, sll, sll2, null, "
					  "loop, raw, ipv4, ipv6, arp, mpls, nsh)\n"),
					optarg);
				return 2;
			}
			break;
		case 'l':
			run.line_buffered = true;
			break;
		case OPT_WIDTH: {
			char *end;
			unsigned long w = strtoul(optarg, &end, 10);
			if (*end || w < 70 || w > 1000) {
				fprintf(stderr, _("hexplain: --width takes a number from 70 to 1000\n"));
				return 2;
			}
			run.width = (unsigned)w;
			break;
		}
		case 'r':
			run.capture_path = optarg;
			break;
		case 'w':
			run.writer = pcap_out_new(optarg);
			break;
		case 'v':
			run.diag.quiet_notes = false;
			break;
		case OPT_FORMAT:
			if (!paste_format_find(optarg)) {
				fprintf(stderr, _("hexplain: unknown format '%s' (--list-formats lists "
						  "them)\n"),
					optarg);
				return 2;
			}
			run.format = optarg;
			break;
		case OPT_LIST_FORMATS:
			for (size_t i = 0; i < paste_format_count; i++)
				printf("%-11s %-50s %s\n", paste_formats[i].name,
				       paste_formats[i].example, _(paste_formats[i].what));
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("hexplain %s\n", VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	/* Output not wanted packet by packet goes out in 64 KiB writes: one
	 * write per packet was a tenth of the JSON view's time.  (Not with -w,
	 * which may have written to standard output already.) */
	static char out_buf[OUT_CHUNK];
	if (!run.line_buffered && !run.writer)
		setvbuf(stdout, out_buf, _IOFBF, sizeof(out_buf));
	packet_init(&run.packet);
	run.reasm = reasm_new(REASM_DEFAULT_DATAGRAMS, REASM_DEFAULT_BYTES);
	sb_init(&run.out);
	sb_init(&run.why);
	int status = 0;
	if (run.capture_path && optind < argc) {
		fprintf(stderr, _("hexplain: -r reads one capture; text files cannot follow it\n"));
		return 2;
	}
	if (run.capture_path) {
		status = capture_read_file(run.capture_path, on_capture_frame, &run);
	} else if (optind == argc) {
		status = read_input(&run, "-");
	} else {
		for (int i = optind; i < argc; i++) {
			int s = read_input(&run, argv[i]);
			if (s > status)
				status = s;
		}
	}
	if (!run.line_buffered && run.view != VIEW_EXPLAIN)
		write_gathered(&run); /* what gathered since the last chunk */
	reasm_finish(run.reasm, &run.diag); /* datagrams still missing a fragment */
	reasm_free(run.reasm);
	if (run.writer) {
		int s = pcap_out_close(run.writer);
		if (s > status)
			status = s;
	}
	if (fflush(stdout) != 0 || ferror(stdout) || run.output_failed) {
		if (run.output_failed)
			errno = run.output_errno;
		fprintf(stderr, _("hexplain: error writing output: %s\n"), strerror(errno));
		status = 2;
	}
	if (status == 0 && run.diag.errors > 0)
		status = 1;
	packet_free(&run.packet);
	sb_free(&run.out);
	sb_free(&run.why);
	return status;
}
