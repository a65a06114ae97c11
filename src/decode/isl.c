/* isl.c - Cisco's Inter-Switch Link (ISL): the 26-byte header a trunk port
 * puts in front of a whole frame, which follows with its own FCS.  Frames
 * to 01:00:0c:00:00:xx (or 03:...) are ISL, as Wireshark decides.
 *
 *   DA (40 bits) type (4) user (4) | SA (6) | length (2) | AAAA03 (3) |
 *   HSA (3) | VLAN (15) BPDU (1) | index (2) | reserved (2) | frame...
 */
#include "isl.h"

#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"

enum { ISL_HEADER = 26, ISL_TYPE_ETHERNET = 0 };

static const struct value_name isl_type_names[] = {
	{0, N_("Ethernet")}, {1, N_("Token Ring")}, {2, N_("FDDI")}, {3, N_("ATM")}, {0, NULL},
};
static const struct value_name isl_user_names[] = {
	{0, N_("normal priority")}, {1, N_("priority 1")}, {2, N_("priority 2")},
	{3, N_("highest priority")}, {0, NULL},
};

static void explain_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes after this field: the rest of the ISL header (12) and the "
		       "frame it carries (%u)"),
		  (unsigned)f->value, f->value >= 12 ? (unsigned)f->value - 12 : 0u);
}

static void explain_vlan(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("VLAN %u (ISL allows 1..1023)"), (unsigned)f->value);
}

static const struct field_def isl_rows[] = {
	{"isl.dst", N_("destination"), FT_ETHER, 0, 6, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("ISL's multicast address 01:00:0c:00:00 and, in the last byte, type and user")},
	{"isl.type", N_("frame type"), FT_UINT, 5, 1, 0xf0, 0, 1, BASE_DEC, isl_type_names, NULL,
	 N_("what kind of frame is inside: 0 Ethernet")},
	{"isl.user_eth", N_("user (priority)"), FT_UINT, 5, 1, 0x0f, 0, 1, BASE_DEC,
	 isl_user_names, NULL, N_("for Ethernet frames, the frame's priority")},
	{"isl.src", N_("source"), FT_ETHER, 6, 6, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("the sending switch port's MAC address")},
	{"isl.len", N_("length"), FT_UINT, 12, 2, 0, 0, 0, BASE_DEC, NULL, explain_len,
	 N_("bytes after this field, up to the end of the carried frame")},
	{"isl.dsap", N_("DSAP"), FT_UINT, 14, 1, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("always 0xaa: the header reads as an 802.2 SNAP frame")},
	{"isl.ssap", N_("SSAP"), FT_UINT, 15, 1, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("always 0xaa")},
	{"isl.control", N_("control"), FT_UINT, 16, 1, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("always 0x03, unnumbered information")},
	{"isl.hsa", N_("high bits of source address"), FT_UINT, 17, 3, 0, 0, 0, BASE_HEX, NULL,
	 NULL, N_("the OUI of the source address: Cisco's 00:00:0c")},
	{"isl.vlan_id", N_("VLAN ID"), FT_UINT, 20, 2, 0xfffe, 0, 0, BASE_DEC, NULL, explain_vlan,
	 N_("which VLAN the carried frame belongs to, 15 bits")},
	{"isl.bpdu", N_("BPDU/CDP/VTP"), FT_BOOL, 20, 2, 0x0001, 0, 0, BASE_DEC, NULL, NULL,
	 N_("1: the carried frame is for the switch itself (spanning tree, CDP, VTP)")},
	{"isl.index", N_("index"), FT_UINT, 22, 2, 0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("the port the frame left the sending switch by; receivers ignore it")},
	{"isl.reserved", N_("reserved"), FT_UINT, 24, 2, 0, 0, 0, BASE_HEX, NULL, NULL,
	 N_("for Token Ring and FDDI frames; 0 for Ethernet")},
};
#define ISL_ROWS (sizeof(isl_rows) / sizeof(isl_rows[0]))

bool is_isl_frame(const struct cursor *c, uint32_t off)
{
	const uint8_t *d = cur_bytes(c, off, 5);
	return d && (d[0] == 0x01 || d[0] == 0x03) && memcmp(d + 1, "\x00\x0c\x00\x00", 4) == 0;
}

void decode_isl(struct packet *p, uint32_t off, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "isl", N_("Cisco ISL header"), off, ctx->quoted);
	if (layer < 0)
		return;
	size_t avail = cur_avail(&p->bytes, off);
	p->layers[layer].length = (uint32_t)(avail < ISL_HEADER ? avail : ISL_HEADER);
	uint8_t type = 0;
	if (packet_read_rows(p, isl_rows, ISL_ROWS, off) < ISL_ROWS ||
	    !cur_u8(&p->bytes, off + 5, &type)) {
		p->layers[layer].truncated = true;
		decode_truncated(p, "isl", off, ISL_HEADER);
		return;
	}
	if (!cur_has(&p->bytes, off + ISL_HEADER, 1))
		return;
	struct decode_ctx in = *ctx;
	in.depth++;
	if (type >> 4 == ISL_TYPE_ETHERNET && in.depth < 4)
		decode_ether(p, off + ISL_HEADER, &in);
	else
		decode_payload(p, off + ISL_HEADER, (uint32_t)p->bytes.len);
}
