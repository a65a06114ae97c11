/* pcap_in.c - captures read with libpcap, handed on as frames (see pcap_in.h). */
#include "pcap_in.h"

#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

enum link_type link_type_from_dlt(int dlt)
{
	switch (dlt) {
	case DLT_EN10MB:
		return LINK_ETHER;
	case DLT_LINUX_SLL:
		return LINK_SLL;
	case DLT_LINUX_SLL2:
		return LINK_SLL2;
	case DLT_NULL:
		return LINK_NULL;
	case DLT_LOOP:
		return LINK_LOOP;
	case DLT_RAW:
		return LINK_RAW;
	case DLT_IPV4:
		return LINK_IPV4;
	case DLT_IPV6:
		return LINK_IPV6;
	default:
		return LINK_UNKNOWN;
	}
}

struct reader {
	const char *name;
	enum link_type link;
	unsigned long number;
	capture_frame_fn fn;
	void *user;
};

static void on_packet(u_char *ctx, const struct pcap_pkthdr *h, const u_char *bytes)
{
	struct reader *r = (struct reader *)ctx;
	r->number++;
	/* caplen < len is a capture cut by its snaplen: the decoders see the
	 * captured bytes end early, as with a cut text dump */
	struct frame f = {
		.bytes = bytes,
		.len = h->caplen,
		.wire_len = h->len,
		.source = r->name,
		.line = 0, /* a capture has no lines */
		.summary = "",
		.stream_link = "",
	};
	r->fn(&f, r->link, r->user);
}

int capture_read_file(const char *path, capture_frame_fn fn, void *user)
{
	char err[PCAP_ERRBUF_SIZE] = "";
	pcap_t *pc = pcap_open_offline(path, err);
	if (!pc) {
		fprintf(stderr, _("hexplain: %s: not a capture libpcap can read: %s\n"), path, err);
		return 2;
	}
	struct reader r = {
		.name = strcmp(path, "-") == 0 ? "<stdin>" : path,
		.link = link_type_from_dlt(pcap_datalink(pc)),
		.fn = fn,
		.user = user,
	};
	if (r.link == LINK_UNKNOWN)
		fprintf(stderr,
			_("hexplain: %s: link type %s is not one hexplain decodes; each packet's "
			  "first header is guessed from its bytes\n"),
			path, pcap_datalink_val_to_name(pcap_datalink(pc)) ? pcap_datalink_val_to_name(pcap_datalink(pc)) : "?");
	int rc = pcap_loop(pc, -1, on_packet, (u_char *)&r);
	int status = 0;
	if (rc == PCAP_ERROR) {
		fprintf(stderr, _("hexplain: %s: read error after %lu packets: %s\n"), path, r.number,
			pcap_geterr(pc));
		status = 2;
	}
	pcap_close(pc);
	return status;
}
