/* null.c - BSD loopback headers: DLT_NULL (0, host byte order) and DLT_LOOP (108, network order).
 *
 * Both are one 4-byte word holding the sender's AF_ address family
 * (https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html).  DLT_NULL writes
 * it in the capturing host's byte order, which the file does not record:
 * the reader has to find the order in which the value comes out small.
 */
#include "decode.h"

#include "core/i18n.h"
#include "core/strbuf.h"
#include "ether.h"

#define NULL_HEADER 4
#define AF_MAX_SMALL 0xffffu     /* AF_ values fit in 16 bits */
#define IEEE_802_3_MAX_LEN 1500  /* above: an EtherType, not an AF_ value */

/* BSD AF_ values; they differ between systems for IPv6. */
static const struct value_name family_names[] = {
	{2, N_("IPv4 (AF_INET)")},
	{7, N_("OSI (AF_ISO)")},
	{16, N_("AppleTalk")},
	{23, N_("IPX (AF_IPX on BSD)")},
	{24, N_("IPv6 (AF_INET6 on NetBSD, OpenBSD, BSD/OS; also Npcap on Windows)")},
	{28, N_("IPv6 (AF_INET6 on FreeBSD, DragonFly)")},
	{30, N_("IPv6 (AF_INET6 on macOS, iOS)")},
	{0, NULL},
};

static void explain_family_value(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const char *n = value_name_find(family_names, f->value);
	sb_printf(o, "%u → %s", (unsigned)f->value, n ? _(n) : _("an address family hexplain "
								"does not know"));
	(void)p;
}

/* DLT_NULL: tells which byte order was found by re-reading the bytes. */
static void explain_null_family(const struct packet *p, const struct field *f, struct strbuf *o)
{
	uint32_t le = 0, be = 0;
	explain_family_value(p, f, o);
	if (!cur_le32(&p->bytes, f->offset, &le) || !cur_be32(&p->bytes, f->offset, &be))
		return;
	if (le == f->value && be != f->value)
		sb_puts(o, _("; read little-endian (low byte first): the capturing host was "
			     "little-endian (x86, ARM)"));
	else if (be == f->value && le != f->value)
		sb_puts(o, _("; read big-endian: the capturing host was big-endian (SPARC, "
			     "PowerPC, MIPS)"));
	else if (le != f->value)
		sb_puts(o, _("; only 16 of the 32 bits hold the family (IRIX / UNICOS style)"));
}

static void explain_loop_family(const struct packet *p, const struct field *f, struct strbuf *o)
{
	explain_family_value(p, f, o);
	sb_puts(o, _("; DLT_LOOP stores it in network byte order (big-endian)"));
}

static void explain_null_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	explain_ethertype_value((uint16_t)f->value, o);
	sb_puts(o, _(" (above 1500: an EtherType, not an address family)"));
}

static const struct field_def null_family = {
	"null.family", N_("family"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC, family_names,
	explain_null_family, N_("the address family of the packet, in the capturing host's byte order")};
static const struct field_def loop_family = {
	"null.family", N_("family"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC, family_names,
	explain_loop_family, N_("the address family of the packet, in network byte order (DLT_LOOP)")};
static const struct field_def null_type = {
	"null.type", N_("type"), FT_UINT, 0, 4, 0, 0, 0, BASE_HEX, NULL, explain_null_type,
	N_("some systems store an EtherType in the word instead of a family")};

/* The family value as Wireshark reads a DLT_NULL word on a little-endian
 * machine: the reading in which the value is small wins. */
static uint32_t null_value(uint32_t le)
{
	if (le > AF_MAX_SMALL) {
		/* the family in the upper half (IRIX, UNICOS/mp) */
		if ((le & 0xff000000u) == 0 && (le & 0x00ff0000u) < 0x00060000u)
			return le >> 16;
		/* written by a big-endian host */
		return (le >> 24) | ((le >> 8) & 0xff00u) | ((le << 8) & 0xff0000u) | (le << 24);
	}
	/* the family byte-swapped in the lower half */
	if ((le & 0xffu) == 0 && (le & 0xff00u) < 0x0600u)
		return (le >> 8) & 0xffu;
	return le;
}

static void hand_on(struct packet *p, uint32_t family, uint32_t off, const struct decode_ctx *ctx)
{
	struct decode_ctx inner = *ctx;
	inner.depth++;
	uint32_t end = (uint32_t)p->bytes.len;
	if (!cur_has(&p->bytes, off, 1))
		return;
	switch (family) {
	case 2:
		decode_ipv4(p, off, end, &inner);
		break;
	case 24:
	case 28:
	case 30:
		decode_ipv6(p, off, end, &inner);
		break;
	default:
		packet_problem(p, SEV_NOTE, "null.family", "null.family.unknown", off - NULL_HEADER,
			       _("address family %u is not IPv4 or IPv6: hexplain shows the rest "
				 "as data"),
			       family);
		decode_payload(p, off, end);
		break;
	}
}

static int open_layer(struct packet *p, uint32_t off, const char *title,
		      const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "null", title, off, ctx->quoted);
	if (layer >= 0) {
		size_t avail = cur_avail(&p->bytes, off);
		p->layers[layer].length = (uint32_t)(avail < NULL_HEADER ? avail : NULL_HEADER);
		if (avail < NULL_HEADER) {
			p->layers[layer].truncated = true;
			decode_truncated(p, "null", off, NULL_HEADER);
			return -1;
		}
	}
	return layer;
}

void decode_null(struct packet *p, uint32_t off, const struct decode_ctx *ctx)
{
	uint16_t first = 0;
	if (cur_be16(&p->bytes, off, &first) && first == 0xff03) {
		/* PPP in HDLC framing shares DLT_NULL on some old systems */
		packet_problem(p, SEV_NOTE, NULL, "null.ppp", off,
			       _("the header starts ff 03: PPP in HDLC framing, not a BSD loopback "
				 "word; hexplain shows it as data"));
		decode_payload(p, off, (uint32_t)p->bytes.len);
		return;
	}
	int layer = open_layer(p, off, N_("BSD loopback header"), ctx);
	if (layer < 0)
		return;
	uint32_t le = 0;
	cur_le32(&p->bytes, off, &le);
	uint32_t value = null_value(le);
	if (value > IEEE_802_3_MAX_LEN) {
		packet_add_field(p, &null_type, off, NULL_HEADER, value & 0xffffu);
		struct decode_ctx inner = *ctx;
		inner.depth++;
		decode_ethertype(p, (uint16_t)value, off + NULL_HEADER, (uint32_t)p->bytes.len,
				 &inner);
		return;
	}
	packet_add_field(p, &null_family, off, NULL_HEADER, value);
	hand_on(p, value, off + NULL_HEADER, ctx);
}

void decode_loop(struct packet *p, uint32_t off, const struct decode_ctx *ctx)
{
	int layer = open_layer(p, off, N_("OpenBSD loopback header"), ctx);
	if (layer < 0)
		return;
	uint32_t family = 0;
	cur_be32(&p->bytes, off, &family);
	packet_add_field(p, &loop_family, off, NULL_HEADER, family);
	hand_on(p, family, off + NULL_HEADER, ctx);
}
