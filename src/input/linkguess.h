/* linkguess.h - which header a reassembled tcpdump dump starts with.
 *
 * tcpdump -x/-X start the dump at the network header, -xx/-XX at the link
 * header (and -x may still start at the link header when the packet was
 * cut).  The guess scores every candidate by how well the bytes fit its
 * header (lengths that agree, a correct IPv4 checksum, known type values)
 * and by what tcpdump's summary line says.
 */
#ifndef HEXPLAIN_LINKGUESS_H
#define HEXPLAIN_LINKGUESS_H

#include <stddef.h>
#include <stdint.h>

#include "core/packet.h"
#include "core/strbuf.h"

/* One candidate's result.  link is LINK_ARP for a bare ARP message, which
 * is what tcpdump -x prints of an ARP frame. */
struct link_candidate {
	enum link_type link;
	const char *name;  /* "ipv4", "ether", ..., "arp" */
	int score;         /* 0: the bytes do not fit; higher is better */
};

#define LINK_GUESS_CANDIDATES 10

/* Scores every candidate into out (LINK_GUESS_CANDIDATES entries, in a fixed
 * order) and returns the index of the best one.  summary may be NULL or "".
 * previous is what the capture's previous dump began with (LINK_UNKNOWN for
 * none): one capture has one link type, so a candidate that fits and
 * continues the stream wins a tie.  If why is not NULL, the evidence for the
 * best candidate is appended. */
size_t link_guess_scores(const uint8_t *bytes, size_t len, const char *summary,
			 enum link_type previous, struct link_candidate out[LINK_GUESS_CANDIDATES],
			 struct strbuf *why);

/* The best candidate's link type, or LINK_UNKNOWN when nothing fits; writes a
 * short translated explanation of the evidence into why (may be NULL). */
enum link_type link_guess(const uint8_t *bytes, size_t len, const char *summary,
			  enum link_type previous, struct strbuf *why);

/* The length the dump's own headers declare for it (link header plus IPv4
 * total length, IPv6 40 + payload length, or ARP's size), or 0 when they do
 * not say.  A dump at least this long holds the whole packet. */
size_t link_declared_length(const uint8_t *bytes, size_t len, enum link_type link);

#endif
