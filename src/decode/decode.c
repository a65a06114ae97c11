/* decode.c - dispatch from one layer to the next, and shared decoder helpers. */
#include "decode.h"

#include <string.h>

#include "core/i18n.h"

/* A capture cut by snaplen is one event: the first layer to notice says so
 * as a warning; what deeper layers add (where exactly inside them it
 * stopped) becomes notes, so one cut counts as one warning. */
static void one_warning_per_cut(struct packet *p)
{
	bool seen = false;
	for (size_t i = 0; i < p->nproblems; i++) {
		struct problem *pr = &p->problems[i];
		if (!pr->id || pr->severity != SEV_WARNING)
			continue;
		size_t n = strlen(pr->id);
		bool cut = strcmp(pr->id, "capture.truncated") == 0 ||
			   (n > 10 && strcmp(pr->id + n - 10, ".truncated") == 0);
		if (!cut)
			continue;
		if (seen)
			pr->severity = SEV_NOTE;
		seen = true;
	}
}

void decode_note_wire_length(struct packet *p, uint32_t off, uint64_t declared)
{
	if (!p->ip_missing_known)
		return;
	p->ip_missing_known = false; /* tcpdump's words are about the first datagram */
	if (declared > p->ip_missing && off + (declared - p->ip_missing) <= p->bytes.len)
		p->frame_whole = true;
}

void decode_packet(struct packet *p)
{
	struct decode_ctx ctx = {0};
	uint8_t first = 0;
	switch (p->link) {
	case LINK_ETHER:
		decode_ether(p, 0, &ctx);
		break;
	case LINK_SLL:
		decode_sll(p, 0, &ctx);
		break;
	case LINK_SLL2:
		decode_sll2(p, 0, &ctx);
		break;
	case LINK_NULL:
		decode_null(p, 0, &ctx);
		break;
	case LINK_LOOP:
		decode_loop(p, 0, &ctx);
		break;
	case LINK_IPV4:
		decode_ipv4(p, 0, (uint32_t)p->bytes.len, &ctx);
		break;
	case LINK_IPV6:
		decode_ipv6(p, 0, (uint32_t)p->bytes.len, &ctx);
		break;
	case LINK_RAW:
		cur_u8(&p->bytes, 0, &first);
		if (first >> 4 == 6)
			decode_ipv6(p, 0, (uint32_t)p->bytes.len, &ctx);
		else
			decode_ipv4(p, 0, (uint32_t)p->bytes.len, &ctx);
		break;
	case LINK_MPLS:
		decode_mpls(p, 0, (uint32_t)p->bytes.len, &ctx);
		break;
	case LINK_NSH:
		decode_nsh(p, 0, (uint32_t)p->bytes.len, &ctx);
		break;
	case LINK_ARP:
		decode_arp(p, 0, (uint32_t)p->bytes.len, &ctx);
		break;
	case LINK_UNKNOWN:
		break;
	}
	one_warning_per_cut(p);
}

void decode_ethertype(struct packet *p, uint16_t ethertype, uint32_t off, uint32_t end,
		      const struct decode_ctx *ctx)
{
	if (ctx->depth > 8 || !cur_has(&p->bytes, off, 1))
		return;
	switch (ethertype) {
	case 0x0800:
		decode_ipv4(p, off, end, ctx);
		break;
	case 0x86dd:
		decode_ipv6(p, off, end, ctx);
		break;
	case 0x0806:
	case 0x8035: /* RARP uses ARP's message format */
		decode_arp(p, off, end, ctx);
		break;
	case 0x8847:
	case 0x8848:
		decode_mpls(p, off, end, ctx);
		break;
	case 0x894f:
		decode_nsh(p, off, end, ctx);
		break;
	case 0x88e5:
		decode_macsec(p, off, end, ctx);
		break;
	default:
		decode_payload(p, off, end);
		break;
	}
}

void decode_ip_proto(struct packet *p, uint8_t proto, uint32_t off, uint32_t end,
		     const struct decode_ctx *ctx)
{
	if (ctx->depth > 8)
		return;
	switch (proto) {
	case 6:
		decode_tcp(p, off, end, ctx);
		break;
	case 1:
		decode_icmp(p, off, end, ctx);
		break;
	case 17:
		decode_udp(p, off, end, ctx);
		break;
	case 58:
		decode_icmpv6(p, off, end, ctx);
		break;
	case 4: /* IPv4 in IP */
		decode_ipv4(p, off, end, ctx);
		break;
	case 41: /* IPv6 in IP: 6in4 tunnels, segment routing encapsulation */
		decode_ipv6(p, off, end, ctx);
		break;
	case 47: /* GRE */
		decode_gre(p, off, end, ctx);
		break;
	case 54: /* NHRP straight over IP (NARP's number, as Wireshark reads it) */
		decode_nhrp(p, off, end, ctx);
		break;
	case 103: /* PIM: a register carries a whole packet */
		decode_pim(p, off, end, ctx);
		break;
	case 143: /* Ethernet in IPv6 (RFC 8986 segment routing) */
		decode_ether(p, off, ctx);
		break;
	case 0:  /* hop-by-hop options */
	case 43: /* routing */
	case 44: /* fragment */
	case 50: /* ESP */
	case 51: /* AH */
	case 59: /* no next header */
	case 60: /* destination options */
		decode_ipv6_ext(p, proto, off, end, ctx);
		break;
	default:
		decode_payload(p, off, end);
		break;
	}
}

void decode_payload(struct packet *p, uint32_t off, uint32_t end)
{
	size_t have = cur_avail(&p->bytes, off);
	uint32_t len = end > off ? end - off : 0;
	if (len > have)
		len = (uint32_t)have;
	if (len == 0 || p->has_payload)
		return;
	p->has_payload = true;
	p->payload_offset = off;
	p->payload_length = len;
}

void decode_truncated(struct packet *p, const char *proto, uint32_t off, uint32_t need)
{
	size_t have = cur_avail(&p->bytes, off);
	if (p->nlayers && p->layers[p->nlayers - 1].quoted) {
		/* not a capture problem: an ICMP error quotes only the start of
		 * the packet it reports (RFC 792: the IP header and 8 bytes) */
		packet_problem(p, SEV_NOTE, NULL, "quoted.cut", (uint32_t)(off + have),
			       _("the quoted copy ends at byte %zu, inside the %s header: %zu of its "
				 "%u bytes were quoted"),
			       off + have, proto, have, need);
		return;
	}
	packet_problem(p, SEV_WARNING, NULL, "capture.truncated", (uint32_t)(off + have),
		       _("the capture stops at byte %zu, inside the %s header: %zu of its %u bytes "
			 "are there, the rest was not captured (snaplen)"),
		       off + have, proto, have, need);
}
