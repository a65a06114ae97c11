/* macsec.c - MACsec (IEEE 802.1AE, EtherType 0x88e5): the SecTAG, then the
 * protected data and the integrity check value (ICV) that ends the frame.
 *
 *   TCI/AN (1) | SL (1) | PN (4) | [SCI (8), when TCI.SC is set]
 *   secure data | ICV (16 with the default cipher suite)
 *
 * Without a key hexplain cannot check the ICV or decrypt; but data that is
 * only integrity-protected (TCI.E and TCI.C clear) is the frame's own
 * EtherType and payload in clear, and is decoded as such. */
#include "decode.h"

#include "core/i18n.h"
#include "core/strbuf.h"
#include "ether.h"

enum {
	SECTAG_MIN = 6, /* after the EtherType, which 802.1AE counts in the SecTAG */
	SCI_LEN = 8,
	ICV_LEN = 16, /* GCM-AES-128 and -256, the suites 802.1AE defines */
	TCI_SC = 0x20,
	TCI_E = 0x08,
	TCI_C = 0x04,
};

static void explain_sl(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value)
		sb_printf(o, _("%u: the secure data is %u bytes (a short frame)"),
			  (unsigned)f->value, (unsigned)f->value);
	else
		sb_puts(o, _("0: the secure data runs to the ICV (48 bytes or more)"));
}

static void explain_tci(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned tci = (unsigned)f->value << 2; /* back in place in the TCI/AN byte */
	if (tci & (TCI_E | TCI_C))
		sb_puts(o, tci & TCI_E ? _("encrypted: the data cannot be read without the key")
				       : _("changed text: the data cannot be read as it is"));
	else
		sb_puts(o, _("integrity only: the data is in clear, the ICV protects it"));
	sb_puts(o, tci & TCI_SC ? _("; the SCI is present") : _("; no SCI"));
}

static const struct field_def macsec_rows[] = {
	{"macsec.TCI", N_("tag control (TCI)"), FT_UINT, 0, 1, 0xfc, 0, 0, BASE_HEX, NULL, explain_tci,
	 N_("six flag bits that say how the frame is protected (802.1AE §9.5)")},
	{"macsec.TCI.V", N_("version"), FT_UINT, 0, 1, 0x80, 0, 1, BASE_HEX, NULL, NULL,
	 N_("version 0, the only one")},
	{"macsec.TCI.ES", N_("end station (ES)"), FT_BOOL, 0, 1, 0x40, 0, 1, BASE_DEC, NULL, NULL,
	 N_("1: sent by an end station, whose MAC address is the SCI's system identifier")},
	{"macsec.TCI.SC", N_("SCI present (SC)"), FT_BOOL, 0, 1, 0x20, 0, 1, BASE_DEC, NULL, NULL,
	 N_("1: the 8-byte secure channel identifier follows the packet number")},
	{"macsec.TCI.SCB", N_("single copy broadcast (SCB)"), FT_BOOL, 0, 1, 0x10, 0, 1, BASE_DEC,
	 NULL, NULL, N_("1: an EPON single copy broadcast channel")},
	{"macsec.TCI.E", N_("encrypted (E)"), FT_BOOL, 0, 1, 0x08, 0, 1, BASE_DEC, NULL, NULL,
	 N_("1: the data is encrypted; 0: only integrity-protected, readable as it is")},
	{"macsec.TCI.C", N_("changed text (C)"), FT_BOOL, 0, 1, 0x04, 0, 1, BASE_DEC, NULL, NULL,
	 N_("1: the data differs from what was sent (encrypted, or an ICV other than 16 bytes)")},
	{"macsec.AN", N_("association number (AN)"), FT_UINT, 0, 1, 0x03, 0, 0, BASE_HEX, NULL,
	 NULL, N_("which of the channel's 4 secure associations (keys) protects the frame")},
	{"macsec.SL", N_("short length (SL)"), FT_UINT, 1, 1, 0x3f, 0, 0, BASE_DEC, NULL,
	 explain_sl, N_("the secure data's length when under 48 bytes, else 0")},
	{"macsec.PN", N_("packet number (PN)"), FT_UINT, 2, 4, 0, 0, 0, BASE_DEC, NULL, NULL,
	 N_("counts the frames of the association: replay protection, and the cipher's nonce")},
};
static const struct field_def sci_rows[] = {
	{"macsec.SCI.system_identifier", N_("SCI system identifier"), FT_ETHER, 6, 6, 0, 0, 0,
	 BASE_HEX, NULL, NULL, N_("the MAC address of the sending system")},
	{"macsec.SCI.port_identifier", N_("SCI port identifier"), FT_UINT, 12, 2, 0, 0, 0, BASE_DEC,
	 NULL, NULL, N_("which of the system's ports sent the frame")},
};
static const struct field_def macsec_etype = {
	"macsec.etype", N_("type"), FT_UINT, 0, 2, 0, 0, 0, BASE_HEX, ethertype_names,
	explain_ethertype_field, N_("the frame's own EtherType, in clear since the data is not encrypted")};
static const struct field_def macsec_data = {
	"macsec.data", N_("protected data"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the frame's own type and payload, encrypted or changed: unreadable without the key")};
static const struct field_def macsec_icv = {
	"macsec.ICV", N_("integrity check value (ICV)"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL,
	NULL, N_("the cipher suite's tag over the frame: checkable only with the key")};

void decode_macsec(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "macsec", N_("MACsec security tag (SecTAG)"), off,
				     ctx->quoted);
	if (layer < 0)
		return;
	uint8_t tci = 0, sl = 0;
	bool cut = packet_read_rows(p, macsec_rows, ROWS(macsec_rows), off) < ROWS(macsec_rows) ||
		   !cur_u8(&p->bytes, off, &tci) || !cur_u8(&p->bytes, off + 1, &sl);
	uint32_t tag = SECTAG_MIN + (tci & TCI_SC ? SCI_LEN : 0);
	if (!cut && (tci & TCI_SC))
		cut = packet_read_rows(p, sci_rows, ROWS(sci_rows), off) < ROWS(sci_rows);
	if (cut) {
		p->layers[layer].truncated = true;
		p->layers[layer].length = (uint32_t)cur_avail(&p->bytes, off);
		decode_truncated(p, "macsec", off, tag);
		return;
	}
	p->layers[layer].length = tag;
	uint32_t data = off + tag, frame = end;
	uint32_t captured = (uint32_t)p->bytes.len < frame ? (uint32_t)p->bytes.len : frame;
	sl &= 0x3f;
	/* SL gives the data's length; without it the ICV is the last 16 bytes */
	uint32_t data_end = sl ? data + sl : (frame >= data + ICV_LEN ? frame - ICV_LEN : data);
	if (data_end > captured)
		data_end = captured;
	if (sl && data + sl + ICV_LEN < captured)
		packet_problem(p, SEV_NOTE, "macsec.SL", "macsec.sl_short", off + 1,
			       _("short length %u, but %u bytes follow the SecTAG: more than the "
				 "data and a 16-byte ICV"),
			       sl, captured - data);
	if (tci & (TCI_E | TCI_C)) {
		if (data_end > data)
			packet_add_field(p, &macsec_data, data, data_end - data, 0);
	} else {
		uint16_t type = 0;
		if (packet_read_row(p, &macsec_etype, data, NULL) &&
		    cur_be16(&p->bytes, data, &type)) {
			struct decode_ctx in = *ctx;
			in.depth++;
			decode_ethertype(p, type, data + 2, data_end, &in);
		}
	}
	uint32_t icv_end = data_end + ICV_LEN < captured ? data_end + ICV_LEN : captured;
	if (icv_end > data_end) {
		struct field *icv = packet_add_field(p, &macsec_icv, data_end, icv_end - data_end, 0);
		if (icv)
			icv->layer = (uint16_t)layer;
	}
}
