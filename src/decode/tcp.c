/* tcp.c - the TCP header (RFC 9293), its ECN flags (RFC 3168, RFC 3540) and
 * its checksum, with the loopback / checksum-offload case explained. */
#include "decode.h"

#include <string.h>

#include "analyze/checksum.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

/* The value of a field of the same layer, or dflt when it is not there. */
static uint64_t layer_value(const struct packet *p, size_t layer, const char *name, uint64_t dflt)
{
	const struct field *f = packet_find_in_layer(p, layer, name);
	return f ? f->value : dflt;
}

static void explain_srcport(const struct packet *p, const struct field *f, struct strbuf *o)
{
	explain_port(p, f, "tcp", o);
}

static void explain_dstport(const struct packet *p, const struct field *f, struct strbuf *o)
{
	explain_port(p, f, "tcp", o);
}

/* The segment's data length: tcp.len, or hexplain.tcp.len when the frame
 * ended before the segment the IP header declares (see tcp_declared_len). */
static const struct field *data_len_field(const struct packet *p, size_t layer)
{
	const struct field *len = packet_find_in_layer(p, layer, "tcp.len");
	return len ? len : packet_find_in_layer(p, layer, "hexplain.tcp.len");
}

static void explain_seq(const struct packet *p, const struct field *f, struct strbuf *o)
{
	unsigned seq = (unsigned)f->value;
	if (layer_value(p, f->layer, "tcp.flags.syn", 0)) {
		/* RFC 9293 3.4.1: the SYN itself takes sequence number ISN */
		sb_printf(o, _("%u: initial sequence number (ISN), chosen at random; the SYN "
			       "uses it up, so the first data byte will be %u"),
			  seq, (unsigned)(uint32_t)(seq + 1));
		return;
	}
	sb_printf(o, _("%u: number of this segment's first data byte"), seq);
	const struct field *len = data_len_field(p, f->layer);
	if (len && len->value == 0)
		sb_puts(o, _(" (no data here: the number the next byte will carry)"));
	else if (len)
		sb_printf(o, _("; its %u bytes are %u to %u"), (unsigned)len->value, seq,
			  (unsigned)(uint32_t)(seq + len->value - 1));
}

static void explain_ack(const struct packet *p, const struct field *f, struct strbuf *o)
{
	unsigned ack = (unsigned)f->value;
	if (!layer_value(p, f->layer, "tcp.flags.ack", 0)) {
		if (ack)
			sb_printf(o, _("%u: not meaningful: ACK is not set"), ack);
		else
			sb_puts(o, _("0: not meaningful: ACK is not set"));
		return;
	}
	sb_printf(o, _("%u: next byte expected from the other side (every byte before it "
		       "has arrived)"),
		  ack);
}

static void explain_hdr_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned words = (unsigned)f->value / 4;
	if (words < 5)
		sb_printf(o, _("%u × 4 = %u bytes: less than the 20-byte minimum"), words,
			  (unsigned)f->value);
	else if (words == 5)
		sb_printf(o, _("%u × 4 = %u bytes (no options)"), words, (unsigned)f->value);
	else
		sb_printf(o, _("%u × 4 = %u bytes → %u bytes of options"), words,
			  (unsigned)f->value, (unsigned)f->value - 20);
	/* where the header ends by eye, in tcpdump's 4-digit groups */
	if (words >= 5)
		sb_printf(o, _("; in the dump: %u groups of 4 hex digits from the source port"),
			  words * 2);
}

/* The flag bits, most significant first: tcpdump's bit-token table. */
static const struct value_name flag_names[] = {
	{0x100, "AE"}, {0x080, "CWR"}, {0x040, "ECE"}, {0x020, "URG"}, {0x010, "ACK"},
	{0x008, "PSH"}, {0x004, "RST"}, {0x002, "SYN"}, {0x001, "FIN"}, {0, NULL},
};

/* What a combination of flags says about the connection, most telling first. */
static const char *flags_story(unsigned v)
{
	unsigned syn = v & 0x002, ack = v & 0x010;
	if (v & 0x004)
		return N_("a reset: the connection is aborted at once");
	if (syn && !ack)
		return (v & 0x0c0) == 0x0c0 ? N_("step 1 of the handshake, asking for ECN")
					    : N_("step 1 of the three-way handshake: open a connection");
	if (syn && ack)
		return N_("step 2 of the three-way handshake: accept and open the other direction");
	if (v & 0x001)
		return N_("closing: the sender has no more data");
	if (ack && (v & 0x008))
		return N_("data, acknowledging the other side");
	if (ack)
		return N_("an acknowledgment");
	return NULL;
}

static void explain_flags(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v & 0xe00)
		sb_puts(o, _("reserved bits set, "));
	bool any = false;
	for (const struct value_name *n = flag_names; n->name; n++) {
		if (v & n->value) {
			sb_printf(o, any ? ", %s" : "%s", n->name);
			any = true;
		}
	}
	if (!any) {
		sb_puts(o, _("no flag set: not a valid segment in any state"));
		return;
	}
	const char *story = flags_story(v);
	if (story)
		sb_printf(o, " → %s", _(story));
}

/* What one flag bit means when set and when clear, by its mask. */
static const struct {
	uint32_t mask;
	const char *set, *clear;
} flag_meanings[] = {
	{0x0e00, N_("reserved bits set: must be zero (RFC 9293)"), N_("reserved, 000")},
	{0x0100, N_("AE 1: accurate ECN feedback (AccECN; once the ECN nonce sum, RFC 3540)"),
	 N_("AE 0: no accurate-ECN counter bit")},
	{0x0080, N_("CWR 1: congestion window reduced: the sender answered an ECE (RFC 3168)"),
	 N_("CWR 0: no window reduction to report")},
	{0x0040, N_("ECE 1: ECN echo: the receiver saw a congestion mark (CE) (RFC 3168)"),
	 N_("ECE 0: no congestion echoed")},
	{0x0020, N_("URG 1: the urgent pointer is valid"),
	 N_("URG 0: no urgent data; the urgent pointer is ignored")},
	{0x0010, N_("ACK 1: the acknowledgment number is valid"),
	 N_("ACK 0: the acknowledgment number is not valid (only an opening SYN lacks it)")},
	{0x0008, N_("PSH 1: push: hand the data to the application now"),
	 N_("PSH 0: the receiver may buffer the data")},
	{0x0004, N_("RST 1: reset the connection"), N_("RST 0: no reset")},
	{0x0002, N_("SYN 1: synchronize sequence numbers: opens a connection"),
	 N_("SYN 0: not an opening segment")},
	{0x0001, N_("FIN 1: the sender has finished sending"), N_("FIN 0: more data may follow")},
};

static void explain_flag(const struct packet *p, const struct field *f, struct strbuf *o)
{
	uint32_t mask = f->def->mask;
	unsigned flags = (unsigned)layer_value(p, f->layer, "tcp.flags", 0);
	/* RFC 3168 6.1.1: ECE+CWR on a SYN, ECE alone on a SYN-ACK negotiate ECN
	 * rather than report congestion */
	if (f->value && (flags & 0x002) && (mask == 0x0080 || mask == 0x0040)) {
		if (!(flags & 0x010) && (flags & 0x0c0) == 0x0c0)
			sb_puts(o, mask == 0x0080 ? _("CWR 1 on a SYN: with ECE, asks to use ECN "
						      "(ECN-setup SYN, RFC 3168 §6.1.1)")
						  : _("ECE 1 on a SYN: with CWR, asks to use ECN "
						      "(ECN-setup SYN, RFC 3168 §6.1.1)"));
		else if ((flags & 0x010) && mask == 0x0040 && !(flags & 0x080))
			sb_puts(o, _("ECE 1 on a SYN-ACK: agrees to use ECN (ECN-setup SYN-ACK, "
				     "RFC 3168 §6.1.1)"));
		else
			sb_puts(o, mask == 0x0080 ? _(flag_meanings[2].set) : _(flag_meanings[3].set));
		return;
	}
	for (size_t i = 0; i < sizeof(flag_meanings) / sizeof(flag_meanings[0]); i++) {
		if (flag_meanings[i].mask == mask) {
			sb_puts(o, f->value ? _(flag_meanings[i].set) : _(flag_meanings[i].clear));
			return;
		}
	}
}

static void explain_window(const struct packet *p, const struct field *f, struct strbuf *o)
{
	unsigned w = (unsigned)f->value;
	unsigned flags = (unsigned)layer_value(p, f->layer, "tcp.flags", 0);
	if (w == 0 && !(flags & 0x004))
		sb_puts(o, _("0: zero window: the receiver's buffer is full; the sender must wait "
			     "and probe"));
	else if (flags & 0x002)
		sb_printf(o, _("%u bytes the sender can receive (a SYN's window is never scaled, "
			       "RFC 7323)"),
			  w);
	else
		sb_printf(o, _("%u (unscaled; the scale is only known from the SYN)"), w);
}

static bool offload_reported(const struct packet *p, uint32_t offset)
{
	for (size_t i = 0; i < p->nproblems; i++)
		if (p->problems[i].id && p->problems[i].offset == offset &&
		    !strcmp(p->problems[i].id, "tcp.checksum.offload"))
			return true;
	return false;
}

static void explain_checksum(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct layer *ly = &p->layers[f->layer];
	const struct field *st = packet_find_in_layer(p, f->layer, "tcp.checksum.status");
	const struct field *calc = packet_find_in_layer(p, f->layer, "tcp.checksum_calculated");
	if (ly->quoted) {
		sb_puts(o, _("not verified: this TCP header is a copy quoted inside an ICMP error, "
			     "which usually keeps only the first bytes of the segment, so the sum "
			     "cannot be recomputed (tshark checks it anyway and calls it bad)"));
		return;
	}
	const struct field *own = packet_find_in_layer(p, f->layer, "hexplain.tcp.checksum.status");
	const struct field *dlen = packet_find_in_layer(p, f->layer, "hexplain.tcp.len");
	if (own && dlen) {
		unsigned seg = (unsigned)(dlen->value + layer_value(p, f->layer, "tcp.hdr_len", 20));
		sb_printf(o, _("not verified: the IP header gives the segment %u bytes, but the frame "
			       "ended after %zu of them on the wire, and the sum covers every byte "
			       "(tshark sums the bytes there are and calls that bad)"),
			  seg, cur_avail(&p->bytes, ly->offset));
		return;
	}
	if (!st || st->value == CKSUM_UNVERIFIED) {
		const struct field *hl = packet_find_in_layer(p, f->layer, "tcp.hdr_len");
		const struct field *len = packet_find_in_layer(p, f->layer, "tcp.len");
		if (hl && hl->value < 20)
			sb_puts(o, _("not verified: the header length is invalid"));
		else if (ly->truncated ||
			 (len && hl && !cur_has(&p->bytes, ly->offset, hl->value + len->value)))
			sb_puts(o, _("not verified: the segment was not all captured, and the sum "
				     "covers every byte of it"));
		else
			sb_puts(o, _("not verified: no IP pseudo-header to check against (the "
				     "segment is split over IP fragments)"));
		return;
	}
	if (st->value == CKSUM_BAD && calc && offload_reported(p, f->offset)) {
		sb_printf(o, _("✗ should be 0x%04x — but 0x%04x is exactly the pseudo-header sum: "
			       "checksum offload (the network card was to finish it; loopback never "
			       "does). Not corruption."),
			  (unsigned)calc->value, (unsigned)f->value);
		return;
	}
	explain_checksum_verdict(p, f, "tcp.checksum.status", "tcp.checksum_calculated", o);
}

static void explain_urgent(const struct packet *p, const struct field *f, struct strbuf *o)
{
	unsigned up = (unsigned)f->value;
	if (!layer_value(p, f->layer, "tcp.flags.urg", 0)) {
		if (up == 0)
			sb_puts(o, _("0 (URG not set)"));
		else
			sb_printf(o, _("%u, ignored: URG is not set"), up);
		return;
	}
	unsigned seq = (unsigned)layer_value(p, f->layer, "tcp.seq_raw", 0);
	if (up == 0) {
		sb_puts(o, _("0 with URG set: points at this segment's first byte, no urgent data"));
		return;
	}
	/* RFC 9293 3.1: it points at the byte after the urgent data */
	sb_printf(o, _("%u: the first %u data bytes are urgent (sequence numbers %u to %u); "
		       "seq + %u is the byte after them"),
		  up, up, seq, (unsigned)(uint32_t)(seq + up - 1), up);
}

static const struct field_def tcp_declared_len;

static void explain_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct layer *ly = &p->layers[f->layer];
	unsigned hl = (unsigned)layer_value(p, f->layer, "tcp.hdr_len", 20);
	unsigned len = (unsigned)f->value;
	sb_printf(o, _("%u bytes of data = %u bytes of segment (from the IP length) − %u "
		       "header"),
		  len, len + hl, hl);
	size_t have = cur_avail(&p->bytes, ly->offset + hl);
	if (len == 0)
		return;
	if (f->def == &tcp_declared_len) {
		if (have == 0)
			sb_puts(o, _("; none of them were in the frame on the wire (the IP length "
				     "lies, or the frame lost its end on the way): tshark's tcp.len "
				     "counts only those in the frame, 0"));
		else if (have < len)
			sb_printf(o, _("; the frame held only %zu of them on the wire (the IP length "
				       "lies, or the frame lost its end on the way): tshark's tcp.len "
				       "counts only those"),
				  have);
		return;
	}
	if (have == 0)
		sb_puts(o, _("; none of them captured"));
	else if (have < len)
		sb_printf(o, _("; only %zu of them captured"), have);
}

static void explain_payload(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
	if (!b)
		return;
	sb_printf(o, _("%u bytes: \""), f->length);
	for (uint32_t i = 0; i < f->length && i < 40; i++) {
		if (b[i] >= 0x20 && b[i] < 0x7f)
			sb_putc(o, (char)b[i]);
		else if (b[i] == '\n')
			sb_puts(o, "\\n");
		else if (b[i] == '\r')
			sb_puts(o, "\\r");
		else
			sb_putc(o, '.');
	}
	sb_puts(o, f->length > 40 ? "\"…" : "\"");
}

static void explain_options(const struct packet *p, const struct field *f, struct strbuf *o)
{
	/* "12 bytes: NOP, NOP, timestamps": the option rows that follow, in order */
	sb_printf(o, _("%u bytes"), f->length);
	const char *sep = ": ";
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *k = &p->fields[i];
		if (k->layer != f->layer || k->depth != 1 || k->offset < f->offset ||
		    strncmp(k->def->name, "tcp.options.", 12) != 0)
			continue;
		sb_printf(o, "%s%s", sep, _(k->def->title));
		sep = ", ";
	}
}

static const struct field_def tcp_fields[] = {
	{"tcp.srcport", N_("source port"), FT_UINT, 0, 2, 0, 0, 0, BASE_DEC, NULL, explain_srcport,
	 N_("the sending application's port (RFC 9293 §3.1)")},
	{"tcp.dstport", N_("destination port"), FT_UINT, 2, 2, 0, 0, 0, BASE_DEC, NULL,
	 explain_dstport, N_("the receiving application's port")},
	{"tcp.seq_raw", N_("sequence number"), FT_UINT, 4, 4, 0, 0, 0, BASE_DEC, NULL, explain_seq,
	 N_("number of the first data byte; on a SYN the initial sequence number (absolute)")},
	{"tcp.ack_raw", N_("acknowledgment number"), FT_UINT, 8, 4, 0, 0, 0, BASE_DEC, NULL,
	 explain_ack, N_("the next sequence number the sender expects to receive, when ACK is set")},
	{"tcp.hdr_len", N_("data offset"), FT_UINT, 12, 1, 0xf0, 4, 0, BASE_DEC, NULL,
	 explain_hdr_len, N_("header length in 32-bit words, options included (5..15)")},
	{"tcp.flags", N_("flags"), FT_UINT, 12, 2, 0x0fff, 0, 0, BASE_HEX, NULL, explain_flags,
	 N_("reserved bits and the control bits AE CWR ECE URG ACK PSH RST SYN FIN")},
	{"tcp.flags.res", N_("reserved"), FT_BOOL, 12, 2, 0x0e00, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("reserved for future use, must be zero (RFC 9293)")},
	{"tcp.flags.ae", N_("AE"), FT_BOOL, 12, 2, 0x0100, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("accurate ECN (AccECN); formerly NS, the ECN nonce sum (RFC 3540, historic)")},
	{"tcp.flags.cwr", N_("CWR"), FT_BOOL, 12, 2, 0x0080, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("congestion window reduced (RFC 3168)")},
	{"tcp.flags.ece", N_("ECE"), FT_BOOL, 12, 2, 0x0040, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("ECN echo (RFC 3168)")},
	{"tcp.flags.urg", N_("URG"), FT_BOOL, 12, 2, 0x0020, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("the urgent pointer field is significant")},
	{"tcp.flags.ack", N_("ACK"), FT_BOOL, 12, 2, 0x0010, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("the acknowledgment field is significant")},
	{"tcp.flags.push", N_("PSH"), FT_BOOL, 12, 2, 0x0008, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("push function: deliver the data without waiting for more")},
	{"tcp.flags.reset", N_("RST"), FT_BOOL, 12, 2, 0x0004, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("reset the connection")},
	{"tcp.flags.syn", N_("SYN"), FT_BOOL, 12, 2, 0x0002, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("synchronize sequence numbers: the first segment of each direction")},
	{"tcp.flags.fin", N_("FIN"), FT_BOOL, 12, 2, 0x0001, 0, 1, BASE_DEC, NULL, explain_flag,
	 N_("no more data from the sender")},
	{"tcp.window_size_value", N_("window"), FT_UINT, 14, 2, 0, 0, 0, BASE_DEC, NULL,
	 explain_window, N_("how many bytes the sender can receive beyond the acknowledged one, "
			    "before window scaling (RFC 7323)")},
	{"tcp.checksum", N_("checksum"), FT_UINT, 16, 2, 0, 0, 0, BASE_HEX, NULL, explain_checksum,
	 N_("ones'-complement sum over a pseudo-header, the TCP header and the data (RFC 9293 §3.1)")},
	{"tcp.urgent_pointer", N_("urgent pointer"), FT_UINT, 18, 2, 0, 0, 0, BASE_DEC, NULL,
	 explain_urgent, N_("offset from the sequence number to the byte after the urgent data, "
			    "when URG is set")},
};

#define TCP_ROWS (sizeof(tcp_fields) / sizeof(tcp_fields[0]))
enum { ROW_CHECKSUM = 17 }; /* index of tcp.checksum in tcp_fields */

static const struct field_def tcp_checksum_status = {
	"tcp.checksum.status", N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC,
	checksum_status_names, NULL, N_("hexplain's verdict on the TCP checksum")};
/* A quoted header's verdict: tshark reports "bad" there, which misleads, so
 * the honest "unverified" goes under hexplain's own name. */
static const struct field_def tcp_quoted_checksum_status = {
	"hexplain.tcp.checksum.status", N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC,
	checksum_status_names, NULL,
	N_("not verifiable: a TCP header quoted in an ICMP error is usually cut short")};
static const struct field_def tcp_checksum_calculated = {
	"tcp.checksum_calculated", N_("checksum calculated"), FT_UINT, 0, 2, 0, 0, 1, BASE_HEX,
	NULL, NULL, N_("the checksum the segment should carry")};
static const struct field_def tcp_len = {
	"tcp.len", N_("data length"), FT_UINT, 0, 0, 0, 0, 0, BASE_DEC, NULL, explain_len,
	N_("bytes of data in the segment: the IP payload length minus the TCP header")};
/* The frame ended, on the wire, before the segment the IP header declares
 * (the IP length lies, or the frame lost its end): tshark then takes the
 * segment to be the bytes that are there, and gives their count as tcp.len
 * and a sum over them as the checksum's verdict, "bad".  hexplain keeps the
 * count RFC 9293 defines (from the IP length) and its honest verdict,
 * "unverified", under its own names. */
static const struct field_def tcp_declared_len = {
	"hexplain.tcp.len", N_("data length"), FT_UINT, 0, 0, 0, 0, 0, BASE_DEC, NULL, explain_len,
	N_("bytes of data the IP length declares; the frame held fewer")};
static const struct field_def tcp_short_checksum_status = {
	"hexplain.tcp.checksum.status", N_("checksum status"), FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC,
	checksum_status_names, NULL,
	N_("not verifiable: the frame ended before the segment the IP header declares")};
static const struct field_def tcp_options = {
	"tcp.options", N_("options"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, explain_options,
	N_("up to 40 bytes of options, each kind[, length, data] (RFC 9293 §3.2)")};
static const struct field_def tcp_payload = {
	"tcp.payload", N_("data"), FT_BYTES, 0, 0, 0, 0, 0, BASE_HEX, NULL, explain_payload,
	N_("the application's bytes carried by this segment")};

static void verify_checksum(struct packet *p, uint32_t off, uint32_t end,
			    const struct decode_ctx *ctx)
{
	if (ctx->quoted) {
		packet_add_generated(p, &tcp_quoted_checksum_status, CKSUM_UNVERIFIED);
		return;
	}
	uint32_t seglen = end > off ? end - off : 0;
	uint16_t expected = 0, partial = 0, stored = 0;
	if (seglen >= 20 && ctx->ph.family != 0 && p->frame_whole &&
	    !cur_has(&p->bytes, off, seglen)) {
		packet_add_generated(p, &tcp_short_checksum_status, CKSUM_UNVERIFIED);
		return;
	}
	if (seglen < 20 || ctx->ph.family == 0 || !cur_has(&p->bytes, off, seglen) ||
	    !cur_be16(&p->bytes, off + 16, &stored)) {
		packet_add_generated(p, &tcp_checksum_status, CKSUM_UNVERIFIED);
		return;
	}
	enum cksum_status st =
		cksum_transport(&p->bytes, &ctx->ph, off, seglen, off + 16, &expected, &partial);
	packet_add_generated(p, &tcp_checksum_status, st);
	if (st == CKSUM_UNVERIFIED)
		return;
	packet_add_generated(p, &tcp_checksum_calculated, expected);
	if (st != CKSUM_BAD)
		return;
	uint16_t complement = (uint16_t)~partial;
	if (stored == partial || stored == complement)
		packet_problem(p, SEV_NOTE, "tcp.checksum", "tcp.checksum.offload", off + 16,
			       _("TCP checksum 0x%04x is the pseudo-header sum alone, not the "
				 "segment's (0x%04x): checksum offload left it for the network card, "
				 "and loopback never fills it in; not corruption"),
			       stored, expected);
	else
		packet_problem(p, SEV_ERROR, "tcp.checksum", "tcp.checksum.bad", off + 16,
			       _("TCP checksum 0x%04x is wrong: it should be 0x%04x; the segment was "
				 "damaged or altered on its way"),
			       stored, expected);
}

/* Rows read, a truncated fixed header: what is there, then where it stopped. */
static void fixed_header_cut(struct packet *p, int layer, uint32_t off, size_t read)
{
	uint8_t doff = 0;
	unsigned need = 20;
	if (cur_u8(&p->bytes, off + 12, &doff) && (doff >> 4) >= 5)
		need = (doff >> 4) * 4u;
	p->layers[layer].truncated = true;
	p->layers[layer].length = (uint32_t)(cur_avail(&p->bytes, off) < 20 ? cur_avail(&p->bytes, off) : 20);
	if (read > ROW_CHECKSUM)
		packet_add_generated(p, &tcp_checksum_status, CKSUM_UNVERIFIED);
	decode_truncated(p, "tcp", off, need);
}

void decode_tcp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "tcp", ctx->quoted ? N_("quoted TCP header") : N_("TCP header"),
				     off, ctx->quoted);
	if (layer < 0)
		return;
	size_t read = packet_read_rows(p, tcp_fields, TCP_ROWS, off);
	if (read < TCP_ROWS) {
		fixed_header_cut(p, layer, off, read);
		return;
	}
	uint8_t doff = 0;
	cur_u8(&p->bytes, off + 12, &doff);
	unsigned hlen = (doff >> 4) * 4u;
	p->layers[layer].length = 20;
	if (hlen < 20) {
		packet_problem(p, SEV_ERROR, "tcp.hdr_len", "tcp.hdr_len.bad", off + 12,
			       _("data offset %u means a %u-byte header, less than the 20-byte "
				 "minimum: the header is invalid, so where its data starts is unknown"),
			       doff >> 4, hlen);
		packet_add_generated(p, &tcp_checksum_status, CKSUM_UNVERIFIED);
		return;
	}
	p->layers[layer].length = hlen;

	uint32_t seglen = end > off ? end - off : 0;
	uint32_t opt_end = off + hlen;
	if (seglen < hlen) {
		/* the IP header says the segment ends inside the TCP header: one lies */
		packet_problem(p, SEV_ERROR, "tcp.hdr_len", "tcp.hdr_len.beyond", off + 12,
			       _("the TCP header claims %u bytes but the IP header leaves only %u "
				 "for the whole segment"),
			       hlen, seglen);
		opt_end = seglen > 20 ? off + seglen : off + 20;
	} else {
		bool short_frame = !ctx->quoted && p->frame_whole && !cur_has(&p->bytes, off, seglen);
		packet_add_generated(p, short_frame ? &tcp_declared_len : &tcp_len, seglen - hlen);
	}
	verify_checksum(p, off, end, ctx);

	if (opt_end > off + 20) {
		/* the options the capture holds, as Wireshark gives them: all,
		 * part, or none (an empty run) when the capture stops before them */
		size_t have = cur_avail(&p->bytes, off + 20);
		uint32_t olen = opt_end - (off + 20);
		packet_add_field(p, &tcp_options, off + 20, have < olen ? (uint32_t)have : olen, 0);
		if (!cur_has(&p->bytes, off + 20, hlen - 20)) {
			p->layers[layer].truncated = true;
			decode_truncated(p, "tcp", off, hlen);
		}
		decode_tcp_options(p, off + 20, opt_end - (off + 20));
	}
	if (seglen <= hlen)
		return;
	size_t have = cur_avail(&p->bytes, off + hlen);
	uint32_t data = seglen - hlen;
	if (have > 0)
		packet_add_field(p, &tcp_payload, off + hlen, have < data ? (uint32_t)have : data, 0);
	decode_payload(p, off + hlen, end);
}
