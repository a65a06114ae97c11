/* sflow.c - sFlow version 5 (sflow.org, sflow_version_5.txt) over UDP port
 * 6343, as far as the packet headers it samples.
 *
 * A switch running sFlow copies the first bytes (usually 128) of one packet
 * in N and sends them to a collector, several samples to a datagram.  tshark
 * decodes each sampled header with the normal dissectors, so its eth.*,
 * ip.*, tcp.* lists hold one more instance per sample; hexplain does the
 * same.  The sFlow framing itself (counters, interface numbers, sampling
 * rates) is shown only as the headings of the samples, under hexplain's
 * own names: it is not among the project's protocols. */
#include "decode.h"

#include "core/i18n.h"
#include "core/strbuf.h"

enum {
	SFLOW_MAX_SAMPLES = 64,
	SFLOW_MAX_RECORDS = 64,
	FORMAT_FLOW_SAMPLE = 1,
	FORMAT_EXPANDED_FLOW_SAMPLE = 3,
	RECORD_RAW_HEADER = 1,
	HEADER_ETHERNET = 1,
	HEADER_IPV4 = 11,
	HEADER_IPV6 = 12,
};

static void explain_header_proto(const struct packet *p, const struct field *f,
				 struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	if (v == HEADER_ETHERNET)
		sb_puts(o, _("1 → the sampled bytes start with an Ethernet header"));
	else if (v == HEADER_IPV4)
		sb_puts(o, _("11 → the sampled bytes start with an IPv4 header"));
	else if (v == HEADER_IPV6)
		sb_puts(o, _("12 → the sampled bytes start with an IPv6 header"));
	else
		sb_printf(o, _("%u: a header protocol hexplain does not decode"), v);
}

static void explain_header_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes of the sampled packet follow: its first bytes only, so the "
		       "headers below end where the sampler stopped copying"),
		  (unsigned)f->value);
}

static const struct field_def sflow_version = {
	"hexplain.sflow.version", N_("version"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC, NULL, NULL,
	N_("sFlow datagram version; 5 is the one in use")};
static const struct field_def sflow_samples = {
	"hexplain.sflow.samples", N_("samples"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC, NULL, NULL,
	N_("how many samples (flow or counter) the datagram carries")};
static const struct field_def sflow_header_proto = {
	"hexplain.sflow.header_protocol", N_("header protocol"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC,
	NULL, explain_header_proto, N_("what the sampled bytes start with")};
static const struct field_def sflow_frame_len = {
	"hexplain.sflow.frame_length", N_("frame length"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC, NULL,
	NULL, N_("the sampled packet's original length")};
static const struct field_def sflow_header_len = {
	"hexplain.sflow.header_length", N_("header length"), FT_UINT, 0, 4, 0, 0, 0, BASE_DEC,
	NULL, explain_header_len, N_("how many of its bytes were copied")};

/* A 32-bit word inside [.., end); the lengths added up below are checked
 * by subtraction, so a huge length cannot wrap around. */
static bool be32(const struct packet *p, uint32_t at, uint32_t end, uint32_t *v)
{
	return at <= end && end - at >= 4 && cur_be32(&p->bytes, at, v);
}

/* One raw packet header record: [at, at + len). */
static void decode_raw_header(struct packet *p, uint32_t at, uint32_t len,
			      const struct decode_ctx *ctx)
{
	uint32_t proto = 0, flen = 0, hlen = 0, end = at + len;
	if (!be32(p, at, end, &proto) || !be32(p, at + 4, end, &flen) ||
	    !be32(p, at + 12, end, &hlen) || hlen > end - (at + 16))
		return;
	int layer = packet_add_layer(p, "sflow", N_("sFlow sampled packet header"), at,
				     ctx->quoted);
	if (layer < 0)
		return;
	p->layers[layer].length = 16;
	packet_add_field(p, &sflow_header_proto, at, 4, proto);
	packet_add_field(p, &sflow_frame_len, at + 4, 4, flen);
	packet_add_field(p, &sflow_header_len, at + 12, 4, hlen);
	struct decode_ctx in = *ctx;
	in.depth++;
	in.ph.family = 0;
	uint32_t h = at + 16;
	in.frame_end = h + hlen; /* the sampled bytes end there */
	if (proto == HEADER_ETHERNET)
		decode_ether(p, h, &in);
	else if (proto == HEADER_IPV4)
		decode_ipv4(p, h, h + hlen, &in);
	else if (proto == HEADER_IPV6)
		decode_ipv6(p, h, h + hlen, &in);
}

/* A flow sample (format 1) or an expanded one (3): its records. */
static void decode_flow_sample(struct packet *p, uint32_t at, uint32_t end, bool expanded,
			       const struct decode_ctx *ctx)
{
	uint32_t n = 0;
	uint32_t rec = at + (expanded ? 44 : 32);
	if (!be32(p, rec - 4, end, &n))
		return;
	for (uint32_t i = 0; i < n && i < SFLOW_MAX_RECORDS; i++) {
		uint32_t format = 0, len = 0;
		if (!be32(p, rec, end, &format) || !be32(p, rec + 4, end, &len) ||
		    len > end - (rec + 8))
			return;
		if (format == RECORD_RAW_HEADER)
			decode_raw_header(p, rec + 8, len, ctx);
		rec += 8 + len;
	}
}

bool decode_sflow(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	uint32_t version = 0, atype = 0;
	if (ctx->depth > 6 || !be32(p, off, end, &version) || version != 5 ||
	    !be32(p, off + 4, end, &atype) || (atype != 1 && atype != 2))
		return false;
	uint32_t at = off + 8 + (atype == 1 ? 4 : 16) + 12; /* agent, sub-agent, seq, uptime */
	uint32_t nsamples = 0;
	if (!be32(p, at, end, &nsamples))
		return false;
	int layer = packet_add_layer(p, "sflow", N_("sFlow datagram"), off, ctx->quoted);
	if (layer < 0)
		return false;
	p->layers[layer].length = at + 4 - off;
	packet_add_field(p, &sflow_version, off, 4, version);
	packet_add_field(p, &sflow_samples, at, 4, nsamples);
	at += 4;
	for (uint32_t i = 0; i < nsamples && i < SFLOW_MAX_SAMPLES; i++) {
		uint32_t format = 0, len = 0;
		if (!be32(p, at, end, &format) || !be32(p, at + 4, end, &len) ||
		    len > end - (at + 8))
			break;
		if ((format >> 12) == 0 && ((format & 0xfff) == FORMAT_FLOW_SAMPLE ||
					    (format & 0xfff) == FORMAT_EXPANDED_FLOW_SAMPLE))
			decode_flow_sample(p, at + 8, at + 8 + len,
					   (format & 0xfff) == FORMAT_EXPANDED_FLOW_SAMPLE, ctx);
		at += 8 + len;
	}
	return true;
}
