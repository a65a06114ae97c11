/* explain_util.c - meaning helpers shared by the field tables. */
#include "explain_util.h"

#include <stdio.h>

#include "analyze/checksum.h"
#include "analyze/services.h"
#include "core/i18n.h"

const struct value_name checksum_status_names[] = {
	{CKSUM_BAD, "bad"},
	{CKSUM_GOOD, "good"},
	{CKSUM_UNVERIFIED, "unverified"},
	{0, NULL},
};

const char *ipv4_address_kind(const uint8_t a[4])
{
	if (a[0] == 127)
		return N_("loopback");
	if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168))
		return N_("private, RFC 1918");
	if (a[0] == 169 && a[1] == 254)
		return N_("link-local");
	if (a[0] == 100 && (a[1] & 0xc0) == 64)
		return N_("shared address space, RFC 6598");
	if ((a[0] == 192 && a[1] == 0 && a[2] == 2) || (a[0] == 198 && a[1] == 51 && a[2] == 100) ||
	    (a[0] == 203 && a[1] == 0 && a[2] == 113))
		return N_("documentation, RFC 5737");
	if (a[0] >= 224 && a[0] < 240)
		return N_("multicast");
	if (a[0] == 255 && a[1] == 255 && a[2] == 255 && a[3] == 255)
		return N_("limited broadcast");
	if (a[0] == 0)
		return N_("this network");
	if (a[0] >= 240)
		return N_("reserved");
	return NULL;
}

void explain_checksum_verdict(const struct packet *p, const struct field *f,
			      const char *status_name, const char *calc_name, struct strbuf *o)
{
	const struct field *st = packet_find_in_layer(p, f->layer, status_name);
	const struct field *calc = packet_find_in_layer(p, f->layer, calc_name);
	if (!st || st->value == CKSUM_UNVERIFIED) {
		sb_puts(o, _("not verified: the bytes it covers were not all captured"));
		return;
	}
	if (st->value == CKSUM_GOOD)
		sb_printf(o, _("✓ correct (recomputed 0x%04x)"), calc ? (unsigned)calc->value : 0u);
	else
		sb_printf(o, _("✗ wrong: should be 0x%04x"), calc ? (unsigned)calc->value : 0u);
}

void explain_port(const struct packet *p, const struct field *f, const char *proto,
		  struct strbuf *o)
{
	(void)p;
	unsigned port = (unsigned)f->value;
	const char *svc = service_name((uint16_t)port, proto);
	sb_printf(o, "%u", port);
	if (svc)
		sb_printf(o, " (%s)", svc);
	else if (port >= 32768)
		sb_puts(o, _(" (ephemeral: a client's temporary port)"));
	else if (port == 0)
		sb_puts(o, _(" (reserved: never valid on the wire)"));
}

void ipv6_format(const uint8_t a[16], char out[46])
{
	unsigned g[8];
	for (int i = 0; i < 8; i++)
		g[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
	/* RFC 5952 4.2: compress the longest run of two or more zero groups,
	 * the first one on a tie. */
	int best = -1, best_len = 1;
	for (int i = 0; i < 8;) {
		int j = i;
		while (j < 8 && g[j] == 0)
			j++;
		if (j - i > best_len) {
			best = i;
			best_len = j - i;
		}
		i = j > i ? j : i + 1;
	}
	char *o = out;
	for (int i = 0; i < 8; i++) {
		if (i == best) {
			*o++ = ':';
			if (i == 0)
				*o++ = ':';
			i += best_len - 1;
			continue;
		}
		o += sprintf(o, "%x", g[i]);
		if (i < 7)
			*o++ = ':';
	}
	*o = '\0';
}
