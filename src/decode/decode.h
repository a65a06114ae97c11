/* decode.h - entry points of the protocol decoders.
 *
 * A decoder reads its header through the packet's cursor, appends a layer,
 * fields and problems, and hands what it carries to the next decoder.  It
 * never prints.  `end` is where the enclosing header says this layer's data
 * ends; it may lie past the captured bytes (a truncated capture), and bytes
 * between `end` and the capture's end belong to the enclosing layer (an
 * Ethernet trailer).
 */
#ifndef HEXPLAIN_DECODE_H
#define HEXPLAIN_DECODE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/packet.h"

/* Where a transport checksum's pseudo-header comes from. */
struct pseudo_header {
	int family;        /* 4 or 6; 0 = none (quoted or unknown) */
	uint32_t src_off;  /* offset of the source address in the packet */
	uint32_t dst_off;
	uint32_t length;   /* upper-layer length the IP header declares */
	uint8_t proto;     /* next-header value */
};

struct decode_ctx {
	bool quoted;       /* decoding the copy inside an ICMP error */
	int depth;         /* nesting, to stop loops of encapsulation */
	struct pseudo_header ph;
	/* where an inner link-layer frame ends (a tunnel's payload, an sFlow
	 * sample): its trailer stops there; 0: at the end of the capture */
	uint32_t frame_end;
};

/* Decodes the whole packet from p->link. */
void decode_packet(struct packet *p);

/* The first IP header of a dump whose summary says its datagram was N bytes
 * short on the wire (packet.ip_missing): when the declared length less N
 * ends where the bytes do, or before (tcpdump leaves out a trailer it
 * knows, such as a MACsec ICV), the capture holds all the datagram had on
 * the wire: the bytes are the whole frame. */
void decode_note_wire_length(struct packet *p, uint32_t off, uint64_t declared);

/* Link layers. */
void decode_ether(struct packet *p, uint32_t off, const struct decode_ctx *ctx);
void decode_sll(struct packet *p, uint32_t off, const struct decode_ctx *ctx);
void decode_sll2(struct packet *p, uint32_t off, const struct decode_ctx *ctx);
void decode_null(struct packet *p, uint32_t off, const struct decode_ctx *ctx);
void decode_loop(struct packet *p, uint32_t off, const struct decode_ctx *ctx);

/* Network and transport. */
void decode_ethertype(struct packet *p, uint16_t ethertype, uint32_t off, uint32_t end,
		      const struct decode_ctx *ctx);
void decode_ipv4(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
void decode_ipv6(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
void decode_ip_proto(struct packet *p, uint8_t proto, uint32_t off, uint32_t end,
		     const struct decode_ctx *ctx);
/* IPv6 extension headers (RFC 8200 §4) from the first one, nxt, on, then the
 * upper layer; also AH and ESP after an IPv4 header. */
void decode_ipv6_ext(struct packet *p, uint8_t nxt, uint32_t off, uint32_t end,
		     const struct decode_ctx *ctx);
void decode_icmpv6(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
void decode_tcp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
void decode_icmp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
void decode_udp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
/* Tunnels (tunnel.c): the header, then the packet inside through the
 * normal decoders.  decode_udp_tunnel returns false when the ports name no
 * tunnel it knows (VXLAN, VXLAN-GPE, GENEVE, MPLS over UDP). */
bool decode_udp_tunnel(struct packet *p, uint16_t sport, uint16_t dport, uint32_t off,
		       uint32_t end, const struct decode_ctx *ctx);
/* sFlow v5 (UDP 6343): the packet headers it samples, decoded (sflow.c). */
bool decode_sflow(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
void decode_gre(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
/* MACsec (EtherType 0x88e5): the SecTAG, the data in clear when it is only
 * integrity-protected, and the ICV. */
void decode_macsec(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
/* An MPLS label stack (EtherType 0x8847/0x8848, MPLS over UDP) and the IP
 * packet below its bottom label. */
void decode_mpls(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
/* A network service header (RFC 8300; EtherType 0x894f, VXLAN-GPE) and what
 * its next-protocol field names. */
void decode_nsh(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
/* NHRP (RFC 2332), GRE protocol type 0x2001 (nhrp.c). */
void decode_nhrp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
void decode_pim(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
/* ARP and RARP (EtherTypes 0x0806, 0x8035), or a bare ARP dump (LINK_ARP). */
void decode_arp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx);
/* Options areas: [off, off+len) inside the header. */
void decode_ipv4_options(struct packet *p, uint32_t off, uint32_t len);
void decode_tcp_options(struct packet *p, uint32_t off, uint32_t len);

/* Application bytes that no decoder claims: recorded for the hex/ASCII view. */
void decode_payload(struct packet *p, uint32_t off, uint32_t end);

/* Adds a problem saying the capture ends inside this layer's header,
 * naming the byte it stopped at and what was expected. */
void decode_truncated(struct packet *p, const char *proto, uint32_t off, uint32_t need);

#endif
