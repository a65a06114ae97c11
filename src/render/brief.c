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

static void put_addr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	if (f)
		field_value_text(p, f, o);
	else
		sb_putc(o, '?');
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

void brief_summary(const struct packet *p, struct strbuf *o)
{
	const struct field *src = find(p, "ip.src"), *dst = find(p, "ip.dst");
	if (!src) {
		src = find(p, "ipv6.src");
		dst = find(p, "ipv6.dst");
	}
	const struct field *sport = find(p, "tcp.srcport"), *dport = find(p, "tcp.dstport");
	if (!src && !sport) {
		sb_printf(o, _("%zu bytes, no IP header found"), p->bytes.len);
		return;
	}
	put_addr(p, src, o);
	if (sport)
		sb_printf(o, ":%u", (unsigned)sport->value);
	sb_puts(o, " → ");
	put_addr(p, dst, o);
	if (dport)
		sb_printf(o, ":%u", (unsigned)dport->value);
	if (sport) {
		sb_puts(o, "  TCP [");
		brief_tcp_flags(p, o);
		sb_putc(o, ']');
		const struct field *seq = find(p, "tcp.seq_raw"), *ack = find(p, "tcp.ack_raw");
		const struct field *ackf = find(p, "tcp.flags.ack"), *len = find(p, "tcp.len");
		if (seq)
			sb_printf(o, _("  seq %llu"), (unsigned long long)seq->value);
		if (ack && ackf && ackf->value)
			sb_printf(o, _("  ack %llu"), (unsigned long long)ack->value);
		if (len)
			sb_printf(o, _("  %llu bytes data"), (unsigned long long)len->value);
		return;
	}
	const struct field *proto = find(p, "ip.proto");
	if (!proto)
		proto = find(p, "ipv6.nxt");
	if (proto) {
		const char *n = value_name_find(proto->def->names, proto->value);
		sb_printf(o, "  %s", n ? _(n) : _("protocol"));
		sb_printf(o, " (%u)", (unsigned)proto->value);
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
}
