/* packet.h - one decoded packet: its bytes, layers, fields and problems.
 *
 * Decoders append to a packet; renderers only read it.  The arrays are reused
 * from one packet to the next (packet_reset), so decoding allocates nothing
 * per field in the steady state.
 */
#ifndef HEXPLAIN_PACKET_H
#define HEXPLAIN_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cursor.h"
#include "field.h"

enum link_type {
	LINK_UNKNOWN,
	LINK_ETHER,
	LINK_SLL,
	LINK_SLL2,
	LINK_NULL,
	LINK_LOOP,
	LINK_RAW,  /* raw IP, version taken from the first nibble */
	LINK_IPV4,
	LINK_IPV6,
	LINK_ARP,  /* a bare ARP message: tcpdump -x of an ARP frame */
	LINK_MPLS, /* a bare MPLS label stack: tcpdump -x of an MPLS frame */
	LINK_NSH,  /* a bare network service header: tcpdump -x of an NSH frame */
};

enum severity {
	SEV_NOTE,
	SEV_WARNING,
	SEV_ERROR,
};

/* A field found in the packet. */
struct field {
	const struct field_def *def;
	uint32_t offset;   /* first byte, from the start of the dump */
	uint32_t length;   /* bytes covered; 0 for generated fields */
	uint64_t value;    /* integer value, already masked, shifted, scaled */
	uint16_t layer;    /* index into packet.layers */
	uint8_t depth;     /* nesting for display: 0 header, 1 part, 2 sub-part */
	bool generated;    /* computed by hexplain, not read from the wire */
};

struct layer {
	const char *proto;  /* short protocol name: "ip", "tcp" (Wireshark's) */
	const char *title;  /* N_() heading: "IPv4 header" */
	uint32_t offset;    /* first byte */
	uint32_t length;    /* header bytes the decoder consumed */
	bool quoted;        /* inside an ICMP error: a copy of another packet */
	bool truncated;     /* the capture ended inside this header */
};

struct problem {
	enum severity severity;
	const char *field; /* display-filter name it concerns, or NULL */
	const char *id;    /* stable id: "tcp.checksum.offload" */
	uint32_t offset;   /* byte it points at */
	char message[200]; /* already translated */
};

#define PACKET_MAX_LAYERS 64

struct packet {
	struct cursor bytes;      /* the reassembled dump */
	enum link_type link;      /* what the dump starts with */
	struct field *fields;
	size_t nfields, fields_cap;
	struct layer layers[PACKET_MAX_LAYERS];
	size_t nlayers;
	struct problem *problems;
	size_t nproblems, problems_cap;
	uint32_t payload_offset;  /* application data, when found */
	uint32_t payload_length;
	bool has_payload;
	/* the bytes are the whole frame as it was on the wire (a capture
	 * file's record says so, or tcpdump's summary, see ip_missing): a
	 * header that claims more than they hold lies, or the frame lost its
	 * end on the way; no snaplen cut it */
	bool frame_whole;
	/* tcpdump's summary: "truncated-ip - N bytes missing!", the first IP
	 * datagram N bytes shorter on the wire than its header says; the IP
	 * decoder sets frame_whole when that leaves exactly the bytes there */
	bool ip_missing_known;
	uint32_t ip_missing;
};

void packet_init(struct packet *p);
void packet_free(struct packet *p);
void packet_reset(struct packet *p, const uint8_t *data, size_t len, enum link_type link);

/* Opens a layer; returns its index, or -1 when the layer table is full. */
int packet_add_layer(struct packet *p, const char *proto, const char *title,
		     uint32_t offset, bool quoted);
struct field *packet_add_field(struct packet *p, const struct field_def *def,
			       uint32_t offset, uint32_t length, uint64_t value);
/* A value hexplain computed (checksum status, expected checksum). */
struct field *packet_add_generated(struct packet *p, const struct field_def *def,
				   uint64_t value);
void packet_problem(struct packet *p, enum severity sev, const char *field,
		    const char *id, uint32_t offset, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Reads the row def at layer_offset + def->offset and adds it; false when the
 * bytes are not there (truncated). */
bool packet_read_row(struct packet *p, const struct field_def *def, uint32_t layer_offset,
		     struct field **out);
/* Reads rows [0, n) of a fixed-layout table; returns how many were read
 * before the first one that did not fit. */
size_t packet_read_rows(struct packet *p, const struct field_def *defs, size_t n,
			uint32_t layer_offset);

/* The last field with this name in the current (last) layer or any layer. */
const struct field *packet_find(const struct packet *p, const char *name);
const struct field *packet_find_in_layer(const struct packet *p, size_t layer,
					 const char *name);

const char *link_type_name(enum link_type l);
enum link_type link_type_parse(const char *name);

#endif
