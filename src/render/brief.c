/* brief.c - one line per packet: who talks to whom, and what the segment says. */
#include "render.h"

#include <string.h>

#include "core/i18n.h"

static const struct field *find(const struct packet *p, const char *name)
{
	/* the outermost instance: quoted copies come later in the field list */
	for (size_t i = 0; i < p->nfields; i++)
		if (!p->layers[p->fields[i].layer].quoted &&
		    strcmp(p->fields[i].def->name, name) == 0)
			return &p->fields[i];
	return NULL;
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
void brief_tcp_flags(const struct packet *p, struct strbuf *o)
{
	static const struct {
		const char *field, *name;
	} flags[] = {
		{"tcp.flags.syn", "SYN"},  {"tcp.flags.fin", "FIN"}, {"tcp.flags.reset", "RST"},
		{"tcp.flags.push", "PSH"}, {"tcp.flags.ack", "ACK"}, {"tcp.flags.urg", "URG"},
		{"tcp.flags.ece", "ECE"},  {"tcp.flags.cwr", "CWR"}, {"tcp.flags.ae", "AE"},
	};
	bool any = false;
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		const struct field *f = find(p, flags[i].field);
		if (f && f->value) {
			sb_puts(o, any ? ", " : "");
			sb_puts(o, flags[i].name);
			any = true;
		}
	}
	if (!any)
		sb_puts(o, _("none"));
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

static void put_tcp(const struct packet *p, struct strbuf *o)
{
	sb_puts(o, "  TCP [");
	brief_tcp_flags(p, o);
	sb_putc(o, ']');
	const struct field *seq = find(p, "tcp.seq_raw"), *ack = find(p, "tcp.ack_raw");
	const struct field *ackf = find(p, "tcp.flags.ack"), *len = find(p, "tcp.len");
	if (!len)
		len = find(p, "hexplain.tcp.len");
	if (seq)
		sb_printf(o, _("  seq %llu"), (unsigned long long)seq->value);
	if (ack && ackf && ackf->value)
		sb_printf(o, _("  ack %llu"), (unsigned long long)ack->value);
	if (len)
		sb_printf(o, _("  %llu bytes data"), (unsigned long long)len->value);
}

void brief_summary(const struct packet *p, struct strbuf *o)
{
	const struct field *arp = find(p, "arp.opcode");
	if (arp) {
		/* ARP says it best in its own words: "who has ...? tell ..." */
		sb_puts(o, "ARP ");
		if (arp->def->explain)
			arp->def->explain(p, arp, o);
		else
			put_named(arp, o);
		return;
	}
	const struct field *src = find(p, "ip.src"), *dst = find(p, "ip.dst");
	if (!src) {
		src = find(p, "ipv6.src");
		dst = find(p, "ipv6.dst");
	}
	const struct field *sport = find(p, "tcp.srcport"), *dport = find(p, "tcp.dstport");
	const struct field *uport = find(p, "udp.srcport"), *udport = find(p, "udp.dstport");
	if (!sport && uport) {
		sport = uport;
		dport = udport;
	}
	if (!src && !sport) {
		sb_printf(o, _("%zu bytes, no IP header found"), p->bytes.len);
		return;
	}
	put_addr(p, src, sport != NULL, o);
	if (sport)
		sb_printf(o, ":%u", (unsigned)sport->value);
	sb_puts(o, " → ");
	put_addr(p, dst, dport != NULL, o);
	if (dport)
		sb_printf(o, ":%u", (unsigned)dport->value);
	if (find(p, "tcp.srcport")) {
		put_tcp(p, o);
		return;
	}
	if (uport) {
		const struct field *len = find(p, "udp.length");
		sb_puts(o, "  UDP");
		if (len && len->value >= 8)
			sb_printf(o, _("  %llu bytes data"), (unsigned long long)len->value - 8);
		return;
	}
	const struct field *type = find(p, "icmp.type");
	const char *proto = "ICMP";
	if (!type) {
		type = find(p, "icmpv6.type");
		proto = "ICMPv6";
	}
	if (type) {
		sb_printf(o, "  %s ", proto);
		put_named(type, o);
		return;
	}
	const struct field *next = find(p, "ip.proto");
	if (!next)
		next = find(p, "ipv6.nxt");
	if (next) {
		sb_puts(o, "  ");
		put_named(next, o);
	}
}

void render_brief(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	sb_printf(o, "%lu  ", r->number);
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
