/* brief.c - one line per packet: who talks to whom, and what the segment says. */
#include "render.h"

#include <stdint.h>
#include <string.h>

#include "core/i18n.h"

/* The fields the brief line is made of. */
enum brief_name {
	B_ARP_OPCODE, B_IP_SRC, B_IP_DST, B_IPV6_SRC, B_IPV6_DST, B_TCP_SRCPORT,
	B_TCP_DSTPORT, B_UDP_SRCPORT, B_UDP_DSTPORT, B_UDP_LENGTH, B_ICMP_TYPE,
	B_ICMPV6_TYPE, B_IP_PROTO, B_IPV6_NXT, B_TCP_SEQ_RAW, B_TCP_ACK_RAW, B_TCP_LEN,
	B_HEXPLAIN_TCP_LEN,
	B_TCP_FLAGS_SYN, B_TCP_FLAGS_FIN, B_TCP_FLAGS_RESET, B_TCP_FLAGS_PUSH,
	B_TCP_FLAGS_ACK, B_TCP_FLAGS_URG, B_TCP_FLAGS_ECE, B_TCP_FLAGS_CWR, B_TCP_FLAGS_AE,
	B_COUNT
};

static const char *const brief_names[B_COUNT] = {
	[B_ARP_OPCODE] = "arp.opcode",         [B_IP_SRC] = "ip.src",
	[B_IP_DST] = "ip.dst",                 [B_IPV6_SRC] = "ipv6.src",
	[B_IPV6_DST] = "ipv6.dst",             [B_TCP_SRCPORT] = "tcp.srcport",
	[B_TCP_DSTPORT] = "tcp.dstport",       [B_UDP_SRCPORT] = "udp.srcport",
	[B_UDP_DSTPORT] = "udp.dstport",       [B_UDP_LENGTH] = "udp.length",
	[B_ICMP_TYPE] = "icmp.type",           [B_ICMPV6_TYPE] = "icmpv6.type",
	[B_IP_PROTO] = "ip.proto",             [B_IPV6_NXT] = "ipv6.nxt",
	[B_TCP_SEQ_RAW] = "tcp.seq_raw",       [B_TCP_ACK_RAW] = "tcp.ack_raw",
	[B_TCP_LEN] = "tcp.len",               [B_TCP_FLAGS_SYN] = "tcp.flags.syn",
	/* given instead of tcp.len where the frame ended before the segment */
	[B_HEXPLAIN_TCP_LEN] = "hexplain.tcp.len",
	[B_TCP_FLAGS_FIN] = "tcp.flags.fin",   [B_TCP_FLAGS_RESET] = "tcp.flags.reset",
	[B_TCP_FLAGS_PUSH] = "tcp.flags.push", [B_TCP_FLAGS_ACK] = "tcp.flags.ack",
	[B_TCP_FLAGS_URG] = "tcp.flags.urg",   [B_TCP_FLAGS_ECE] = "tcp.flags.ece",
	[B_TCP_FLAGS_CWR] = "tcp.flags.cwr",   [B_TCP_FLAGS_AE] = "tcp.flags.ae",
};

/* The outermost instance of each of those fields in one packet. */
struct brief_fields {
	const struct field *f[B_COUNT];
};

/* Which brief_name a row is, or B_COUNT: rows are static and their names
 * never change, so each row's answer is worked out once and remembered by
 * its address (a name compared against every field was most of the brief
 * view's time).  A full memo only means comparing names again. */
#define ROW_MEMO_SIZE 1024
static struct {
	const struct field_def *def;
	uint8_t name;
} row_memo[ROW_MEMO_SIZE];

static unsigned row_name(const struct field_def *def)
{
	size_t h = ((uintptr_t)def >> 3) % ROW_MEMO_SIZE;
	for (size_t probe = 0; probe < 8; probe++, h = (h + 1) % ROW_MEMO_SIZE) {
		if (row_memo[h].def == def)
			return row_memo[h].name;
		if (!row_memo[h].def)
			break;
	}
	unsigned name = B_COUNT;
	for (unsigned i = 0; i < B_COUNT; i++)
		if (strcmp(def->name, brief_names[i]) == 0) {
			name = i;
			break;
		}
	if (!row_memo[h].def) {
		row_memo[h].def = def;
		row_memo[h].name = (uint8_t)name;
	}
	return name;
}

static void find_fields(const struct packet *p, struct brief_fields *bf)
{
	memset(bf, 0, sizeof(*bf));
	/* the outermost instance: quoted copies come later in the field list */
	for (size_t i = 0; i < p->nfields; i++) {
		if (p->layers[p->fields[i].layer].quoted)
			continue;
		unsigned n = row_name(p->fields[i].def);
		if (n < B_COUNT && !bf->f[n])
			bf->f[n] = &p->fields[i];
	}
}

/* An address, in brackets when a port follows an IPv6 one (RFC 5952 §6),
 * so "[2001:db8::1]:443" cannot be misread. */
static void put_addr(const struct packet *p, const struct field *f, bool port_follows,
		     struct strbuf *o)
{
	bool brackets = f && port_follows && f->def->type == FT_IPV6;
	if (brackets)
		sb_putc(o, '[');
	if (f)
		field_value_text(p, f, o);
	else
		sb_putc(o, '?');
	if (brackets)
		sb_putc(o, ']');
}

/* The TCP flags that are set, by their names, in tcpdump's order of
 * importance: "SYN, ACK". */
static void put_tcp_flags(const struct brief_fields *bf, struct strbuf *o)
{
	static const struct {
		enum brief_name field;
		const char *name;
	} flags[] = {
		{B_TCP_FLAGS_SYN, "SYN"},  {B_TCP_FLAGS_FIN, "FIN"}, {B_TCP_FLAGS_RESET, "RST"},
		{B_TCP_FLAGS_PUSH, "PSH"}, {B_TCP_FLAGS_ACK, "ACK"}, {B_TCP_FLAGS_URG, "URG"},
		{B_TCP_FLAGS_ECE, "ECE"},  {B_TCP_FLAGS_CWR, "CWR"}, {B_TCP_FLAGS_AE, "AE"},
	};
	bool any = false;
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		const struct field *f = bf->f[flags[i].field];
		if (f && f->value) {
			sb_puts(o, any ? ", " : "");
			sb_puts(o, flags[i].name);
			any = true;
		}
	}
	if (!any)
		sb_puts(o, _("none"));
}

void brief_tcp_flags(const struct packet *p, struct strbuf *o)
{
	struct brief_fields bf;
	find_fields(p, &bf);
	put_tcp_flags(&bf, o);
}

/* "name (v)" of an enumerated field, from its row's value names. */
static void put_named(const struct field *f, struct strbuf *o)
{
	const char *n = value_name_find(f->def->names, f->value);
	if (n)
		sb_printf(o, "%s (%llu)", _(n), (unsigned long long)f->value);
	else
		sb_printf(o, "%llu", (unsigned long long)f->value);
}

static void put_tcp(const struct brief_fields *bf, struct strbuf *o)
{
	sb_puts(o, "  TCP [");
	put_tcp_flags(bf, o);
	sb_putc(o, ']');
	const struct field *seq = bf->f[B_TCP_SEQ_RAW], *ack = bf->f[B_TCP_ACK_RAW];
	const struct field *ackf = bf->f[B_TCP_FLAGS_ACK], *len = bf->f[B_TCP_LEN];
	if (!len)
		len = bf->f[B_HEXPLAIN_TCP_LEN];
	static const char *seq_fmt, *ack_fmt, *data_fmt;
	if (seq)
		sb_printf(o, tr_once(&seq_fmt, "  seq %llu"), (unsigned long long)seq->value);
	if (ack && ackf && ackf->value)
		sb_printf(o, tr_once(&ack_fmt, "  ack %llu"), (unsigned long long)ack->value);
	if (len)
		sb_printf(o, tr_once(&data_fmt, "  %llu bytes data"),
			  (unsigned long long)len->value);
}

void brief_summary(const struct packet *p, struct strbuf *o)
{
	struct brief_fields bf;
	find_fields(p, &bf);
	const struct field *arp = bf.f[B_ARP_OPCODE];
	if (arp) {
		/* ARP says it best in its own words: "who has ...? tell ..." */
		sb_puts(o, "ARP ");
		if (arp->def->explain)
			arp->def->explain(p, arp, o);
		else
			put_named(arp, o);
		return;
	}
	const struct field *src = bf.f[B_IP_SRC], *dst = bf.f[B_IP_DST];
	if (!src) {
		src = bf.f[B_IPV6_SRC];
		dst = bf.f[B_IPV6_DST];
	}
	const struct field *sport = bf.f[B_TCP_SRCPORT], *dport = bf.f[B_TCP_DSTPORT];
	const struct field *uport = bf.f[B_UDP_SRCPORT], *udport = bf.f[B_UDP_DSTPORT];
	if (!sport && uport) {
		sport = uport;
		dport = udport;
	}
	if (!src && !sport) {
		sb_printf(o, _("%zu bytes, no IP header found"), p->bytes.len);
		return;
	}
	put_addr(p, src, sport != NULL, o);
	if (sport) {
		sb_putc(o, ':');
		sb_put_uint(o, (unsigned)sport->value);
	}
	sb_puts(o, " → ");
	put_addr(p, dst, dport != NULL, o);
	if (dport) {
		sb_putc(o, ':');
		sb_put_uint(o, (unsigned)dport->value);
	}
	if (bf.f[B_TCP_SRCPORT]) {
		put_tcp(&bf, o);
		return;
	}
	if (uport) {
		const struct field *len = bf.f[B_UDP_LENGTH];
		sb_puts(o, "  UDP");
		if (len && len->value >= 8)
			sb_printf(o, _("  %llu bytes data"), (unsigned long long)len->value - 8);
		return;
	}
	const struct field *type = bf.f[B_ICMP_TYPE];
	const char *proto = "ICMP";
	if (!type) {
		type = bf.f[B_ICMPV6_TYPE];
		proto = "ICMPv6";
	}
	if (type) {
		sb_printf(o, "  %s ", proto);
		put_named(type, o);
		return;
	}
	const struct field *next = bf.f[B_IP_PROTO];
	if (!next)
		next = bf.f[B_IPV6_NXT];
	if (next) {
		sb_puts(o, "  ");
		put_named(next, o);
	}
}

void render_brief(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	sb_put_uint(o, r->number);
	sb_puts(o, "  ");
	brief_summary(p, o);
	unsigned errors = 0, warnings = 0;
	for (size_t i = 0; i < p->nproblems; i++) {
		errors += p->problems[i].severity == SEV_ERROR;
		warnings += p->problems[i].severity == SEV_WARNING;
	}
	if (errors)
		sb_printf(o, _("  ✗ %u error(s)"), errors);
	if (warnings)
		sb_printf(o, _("  ⚠ %u warning(s)"), warnings);
	sb_putc(o, '\n');
	if (r->reassembled) {
		/* one more line: the datagram this fragment completed */
		const struct packet *q = r->reassembled;
		sb_puts(o, _("   ↳ reassembled from packets "));
		for (size_t i = 0; i < r->reassembled_count; i++)
			sb_printf(o, i ? ",%lu" : "%lu", r->reassembled_from[i]);
		sb_printf(o, _(" (%zu bytes): "), q->bytes.len);
		brief_summary(q, o);
		errors = warnings = 0;
		for (size_t i = 0; i < q->nproblems; i++) {
			errors += q->problems[i].severity == SEV_ERROR;
			warnings += q->problems[i].severity == SEV_WARNING;
		}
		if (errors)
			sb_printf(o, _("  ✗ %u error(s)"), errors);
		if (warnings)
			sb_printf(o, _("  ⚠ %u warning(s)"), warnings);
		sb_putc(o, '\n');
	}
}
