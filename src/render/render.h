/* render.h - views of a decoded packet.  A renderer reads the packet and its
 * record; it never parses text or bytes on its own. */
#ifndef HEXPLAIN_RENDER_H
#define HEXPLAIN_RENDER_H

#include "core/packet.h"
#include "core/strbuf.h"

/* Where a packet came from, for headings and JSON. */
struct record_info {
	unsigned long number;     /* 1-based across all inputs */
	const char *source;
	unsigned long line;       /* first line of the record */
	const char *summary;      /* tcpdump's summary text, or "" */
	const char *link_reason;  /* why the first layer was taken to be what it is */
	unsigned width;           /* terminal columns for the explain view; 0 = 80 */
	/* the datagram this packet's fragment completed (analyze/reassembly),
	 * shown after the packet itself; NULL when none */
	const struct packet *reassembled;
	const unsigned long *reassembled_from; /* its fragments' packet numbers */
	size_t reassembled_count;
};

/* The value of a field as a person reads it: 64, 0x2c51, 127.0.0.1,
 * 00:00:00:00:00:00, hex for byte runs, the verdict word for a status. */
void field_value_text(const struct packet *p, const struct field *f, struct strbuf *o);

/* The one-line summary of a packet ("127.0.0.1:7777 → 127.0.0.1:49386  TCP
 * [PSH, ACK] ..."), shared by the brief and explain views. */
void brief_summary(const struct packet *p, struct strbuf *o);
void brief_tcp_flags(const struct packet *p, struct strbuf *o);

void render_json(const struct packet *p, const struct record_info *r, struct strbuf *o);
void render_explain(const struct packet *p, const struct record_info *r, struct strbuf *o);
void render_brief(const struct packet *p, const struct record_info *r, struct strbuf *o);

#endif
