/* pcap_out.c - packets read from text, written as a pcap file (see pcap_out.h). */
#include "pcap_out.h"

#include <ctype.h>
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "input/linkguess.h"

/* libpcap's DLT_ values, which it writes to the file as the format's
 * LINKTYPE_ values (tcpdump.org/linktypes.html): EN10MB 1, LINUX_SLL 113,
 * LINUX_SLL2 276, NULL 0, LOOP 108, RAW 101.  (DLT_RAW and DLT_LOOP differ
 * between systems; the LINKTYPE_ in the file does not.) */
enum {
	LINKTYPE_NULL = DLT_NULL,
	LINKTYPE_ETHERNET = DLT_EN10MB,
	LINKTYPE_RAW = DLT_RAW,
	LINKTYPE_LOOP = DLT_LOOP,
	LINKTYPE_LINUX_SLL = DLT_LINUX_SLL,
	LINKTYPE_LINUX_SLL2 = DLT_LINUX_SLL2,
};

/* tcpdump's default -s: enough for TSO/GRO packets far above 64 KiB. */
#define SNAPLEN 262144

/* How the summary lines give the time (tcpdump's -t options). */
enum ts_kind {
	TS_NONE,       /* -t: no time stamp */
	TS_TIME_OF_DAY, /* default: 22:09:46.100000 */
	TS_DATE,       /* -tttt: 2024-06-03 22:09:46.100000 */
	TS_EPOCH,      /* -tt: 1717452586.100000 */
	TS_DELTA,      /* -ttt, -ttttt: " 00:00:00.000033", a sign first */
};

struct pcap_out {
	char *path;
	pcap_t *dead;
	pcap_dumper_t *dumper;
	int linktype;
	bool nano;
	bool said_kind, said_skip_arp, said_link, failed;
	long long delta_sum_ns; /* -ttt: the time so far */
	time_t today;           /* local midnight, for a bare time of day */
};

int linktype_of(enum link_type link)
{
	switch (link) {
	case LINK_ETHER:
		return LINKTYPE_ETHERNET;
	case LINK_SLL:
		return LINKTYPE_LINUX_SLL;
	case LINK_SLL2:
		return LINKTYPE_LINUX_SLL2;
	case LINK_NULL:
		return LINKTYPE_NULL;
	case LINK_LOOP:
		return LINKTYPE_LOOP;
	case LINK_RAW:
	case LINK_IPV4:
	case LINK_IPV6:
		return LINKTYPE_RAW;
	case LINK_ARP:
	case LINK_MPLS:
	case LINK_NSH:
	case LINK_UNKNOWN:
		break;
	}
	return -1;
}

struct pcap_out *pcap_out_new(const char *path)
{
	struct pcap_out *w = calloc(1, sizeof(*w));
	if (!w || !(w->path = strdup(path))) {
		fputs("hexplain: out of memory\n", stderr);
		exit(2);
	}
	w->linktype = -1;
	return w;
}

/* Reads up to max digits as a number; *n gets how many were read. */
static long long digits(const char **s, int max, int *n)
{
	long long v = 0;
	*n = 0;
	while (*n < max && isdigit((unsigned char)**s)) {
		v = v * 10 + (**s - '0');
		(*s)++;
		(*n)++;
	}
	return v;
}

/* ".100000" or ".100000000": the fraction in nanoseconds; *nano when it
 * had 9 digits (tcpdump --nano). */
static bool fraction(const char **s, long long *ns, bool *nano)
{
	if (**s != '.')
		return false;
	(*s)++;
	int n;
	long long v = digits(s, 9, &n);
	if (n == 0)
		return false;
	*nano = n > 6;
	for (; n < 9; n++)
		v *= 10;
	*ns = v;
	return true;
}

/* "H:M:S" (hours may exceed 23 in a delta) in seconds. */
static bool clock_time(const char **s, long long *sec)
{
	int n;
	long long h = digits(s, 6, &n);
	if (!n || **s != ':')
		return false;
	(*s)++;
	long long m = digits(s, 2, &n);
	if (!n || **s != ':')
		return false;
	(*s)++;
	long long sc = digits(s, 2, &n);
	if (!n)
		return false;
	*sec = h * 3600 + m * 60 + sc;
	return true;
}

/* The time stamp at the start of a summary line, in ns since the epoch. */
static enum ts_kind parse_time(struct pcap_out *w, const char *s, long long *ns_out,
			       bool *nano)
{
	long long sec = 0, ns = 0;
	const char *p = s;
	int n;
	*nano = false;
	if (*p == ' ' || *p == '-' || *p == '+') {
		/* -ttt/-ttttt: a signed delta */
		bool neg = *p == '-';
		p++;
		if (!clock_time(&p, &sec) || !fraction(&p, &ns, nano))
			return TS_NONE;
		long long d = sec * 1000000000LL + ns;
		w->delta_sum_ns += neg ? -d : d;
		*ns_out = w->delta_sum_ns;
		return TS_DELTA;
	}
	const char *q = p;
	long long first = digits(&q, 19, &n);
	if (n == 4 && *q == '-') {
		/* -tttt: 2024-06-03 22:09:46.100000, local time as tcpdump prints */
		struct tm tm = {.tm_year = (int)first - 1900, .tm_isdst = -1};
		q++;
		tm.tm_mon = (int)digits(&q, 2, &n) - 1;
		if (!n || *q++ != '-')
			return TS_NONE;
		tm.tm_mday = (int)digits(&q, 2, &n);
		if (!n || *q++ != ' ' || !clock_time(&q, &sec) || !fraction(&q, &ns, nano))
			return TS_NONE;
		tm.tm_hour = (int)(sec / 3600);
		tm.tm_min = (int)(sec / 60 % 60);
		tm.tm_sec = (int)(sec % 60);
		*ns_out = (long long)mktime(&tm) * 1000000000LL + ns;
		return TS_DATE;
	}
	if (n > 0 && *q == '.') {
		/* -tt: seconds since the epoch */
		if (!fraction(&q, &ns, nano))
			return TS_NONE;
		*ns_out = first * 1000000000LL + ns;
		return TS_EPOCH;
	}
	if (clock_time(&p, &sec) && fraction(&p, &ns, nano)) {
		if (!w->today) {
			time_t now = time(NULL);
			struct tm tm;
			localtime_r(&now, &tm);
			tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
			tm.tm_isdst = -1;
			w->today = mktime(&tm);
		}
		*ns_out = ((long long)w->today + sec) * 1000000000LL + ns;
		return TS_TIME_OF_DAY;
	}
	return TS_NONE;
}

static void say_kind(struct pcap_out *w, enum ts_kind kind)
{
	if (w->said_kind)
		return;
	w->said_kind = true;
	switch (kind) {
	case TS_NONE:
		fprintf(stderr, _("hexplain: %s: the text has no time stamps (tcpdump -t); the "
				  "packets were written with time 0\n"),
			w->path);
		break;
	case TS_TIME_OF_DAY: {
		char day[16];
		struct tm tm;
		localtime_r(&w->today, &tm);
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
		fprintf(stderr, _("hexplain: %s: the time stamps have no date; today's (%s) was "
				  "given to them (tcpdump -tttt prints the date)\n"),
			w->path, day);
		break;
	}
	case TS_DELTA:
		fprintf(stderr, _("hexplain: %s: the time stamps are gaps between packets (tcpdump "
				  "-ttt); they were added up from time 0\n"),
			w->path);
		break;
	case TS_DATE:
	case TS_EPOCH:
		break;
	}
}

static bool open_file(struct pcap_out *w, int linktype, bool nano)
{
	w->nano = nano;
	w->dead = pcap_open_dead_with_tstamp_precision(
		linktype, SNAPLEN, nano ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO);
	if (!w->dead) {
		fputs("hexplain: out of memory\n", stderr);
		exit(2);
	}
	w->dumper = pcap_dump_open(w->dead, w->path);
	if (!w->dumper) {
		fprintf(stderr, _("hexplain: %s: %s\n"), w->path, pcap_geterr(w->dead));
		w->failed = true;
		return false;
	}
	w->linktype = linktype;
	return true;
}

bool pcap_out_frame(struct pcap_out *w, const struct frame *f, enum link_type link,
		    unsigned long number)
{
	if (w->failed || f->len == 0)
		return false;
	int lt = linktype_of(link);
	if (lt < 0 && w->linktype >= 0 && link == LINK_UNKNOWN)
		lt = w->linktype; /* nothing known fits: the bytes go in as they are */
	if (lt < 0) {
		if (!w->said_skip_arp)
			fprintf(stderr, _("hexplain: %s: packet %lu starts with no header a pcap link "
					  "type holds (a bare ARP message, or unknown); it was not "
					  "written\n"),
				w->path, number);
		w->said_skip_arp = true;
		return false;
	}
	long long ns = 0;
	bool nano = false;
	enum ts_kind kind = f->has_summary ? parse_time(w, f->summary, &ns, &nano) : TS_NONE;
	say_kind(w, kind);
	if (!w->dumper && !open_file(w, lt, nano))
		return false;
	if (lt != w->linktype) {
		if (!w->said_link)
			fprintf(stderr, _("hexplain: %s: packet %lu starts with a %s header, not the "
					  "file's link type; it was not written\n"),
				w->path, number, link_type_name(link));
		w->said_link = true;
		return false;
	}
	/* The wire length: what the headers declare when the dump was cut
	 * (snaplen), else the bytes; a length of 0 (TSO/GRO) declares nothing.
	 * A dump of a frame tcpdump found short on the wire ("truncated-ip -
	 * N bytes missing!") says how long it was there. */
	size_t wire = link_declared_length(f->bytes, f->len, link);
	uint32_t missing = 0;
	if (frame_ip_missing(f, &missing) && wire > missing && wire - missing >= f->len)
		wire -= missing;
	if (wire < f->len)
		wire = f->len;
	struct pcap_pkthdr h = {
		.caplen = (bpf_u_int32)f->len,
		.len = (bpf_u_int32)wire,
	};
	long long sec = ns / 1000000000LL, frac = ns % 1000000000LL;
	if (frac < 0) {
		frac += 1000000000LL;
		sec--;
	}
	h.ts.tv_sec = (time_t)sec;
	h.ts.tv_usec = (suseconds_t)(w->nano ? frac : frac / 1000);
	pcap_dump((u_char *)w->dumper, &h, f->bytes);
	return true;
}

int pcap_out_close(struct pcap_out *w)
{
	int status = w->failed ? 2 : 0;
	if (!w->dumper && !w->failed) {
		/* no packet: still leave a valid, empty capture */
		if (!open_file(w, LINKTYPE_ETHERNET, false))
			status = 2;
	}
	if (w->dumper) {
		if (pcap_dump_flush(w->dumper) != 0) {
			fprintf(stderr, _("hexplain: %s: write error: %s\n"), w->path, strerror(errno));
			status = 2;
		}
		pcap_dump_close(w->dumper);
	}
	if (w->dead)
		pcap_close(w->dead);
	free(w->path);
	free(w);
	return status;
}
