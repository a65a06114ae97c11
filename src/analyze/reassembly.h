/* reassembly.h - putting IPv4 and IPv6 fragments back together.
 *
 * Fragmentation (RFC 791 §2.3, RFC 8200 §4.5) is the one part of IP that
 * spans packets, so it lives here, in analyze/, and not in a decoder: each
 * fragment is decoded as itself; the reassembler keeps copies of the
 * fragments' data, keyed by (source, destination, identification,
 * protocol), and when a datagram's pieces cover it from byte 0 to the end
 * of the fragment with MF 0, builds the whole datagram and decodes it with
 * the normal decoders, on a packet of its own.
 *
 * Memory is bounded: at most max_datagrams datagrams wait at once, holding
 * at most max_bytes of fragment data together; to make room, the oldest
 * waiting datagram is dropped, with a note on the packet that pushed it out.
 */
#ifndef HEXPLAIN_REASSEMBLY_H
#define HEXPLAIN_REASSEMBLY_H

#include <stddef.h>
#include <stdint.h>

#include "core/packet.h"
#include "input/diag.h"

#define REASM_DEFAULT_DATAGRAMS 64
#define REASM_DEFAULT_BYTES (4u * 1024u * 1024u)

struct reassembler;

/* A datagram completed by the packet just fed: valid until the next call. */
struct reasm_done {
	const struct packet *packet;  /* the whole datagram, decoded from its IP header */
	const unsigned long *packets; /* the input packets its fragments came in, ascending */
	size_t npackets;
};

struct reassembler *reasm_new(size_t max_datagrams, size_t max_bytes);
void reasm_free(struct reassembler *r);

/* Feeds one decoded input packet (number: 1-based across the input; source
 * and line: where it was read, for the end-of-input report).  When p is a
 * fragment that completes its datagram, returns the reassembled datagram;
 * otherwise NULL.  Notes about p's part in reassembly (a fragment cut by the
 * capture, a datagram dropped to make room) are added to p's problems. */
const struct reasm_done *reasm_feed(struct reassembler *r, struct packet *p,
				    unsigned long number, const char *source,
				    unsigned long line);

/* Reports every datagram still waiting (a fragment missing, or the gap
 * where it would be) as a warning at its first fragment's place, and
 * forgets them; returns how many there were. */
size_t reasm_finish(struct reassembler *r, struct diag *d);

/* How many datagrams wait, and their fragment bytes (for tests). */
size_t reasm_pending(const struct reassembler *r, size_t *bytes);

#endif
