/* nhrp.c - the Next Hop Resolution Protocol (RFC 2332) over GRE (protocol
 * type 0x2001, as DMVPN carries it): fixed header, mandatory part, client
 * information entries, extensions, and the packet a Traffic Indication
 * quotes, decoded as the copy it is.
 *
 * The field names are Wireshark's (packet-nhrp.c) where tshark shows a
 * field; bytes it shows no field for are rows under hexplain's names. */
#include "decode.h"

#include "analyze/checksum.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

enum {
	NHRP_FIXED = 20,     /* the fixed header (RFC 2332 §5.1) */
	NHRP_MAND_HDR = 8,   /* src/dst protocol lengths, flags, request ID */
	NHRP_CIE = 12,       /* a client information entry before its addresses */
	AFN_IPV4 = 1,        /* address family numbers (IANA) */
	OP_TRAFFIC_INDICATION = 8,
	EXT_AUTH = 7,
	MAX_CIES = 64,
	MAX_EXTENSIONS = 64,
};

static const struct value_name op_names[] = {
	{1, N_("resolution request")},
	{2, N_("resolution reply")},
	{3, N_("registration request")},
	{4, N_("registration reply")},
	{5, N_("purge request")},
	{6, N_("purge reply")},
	{7, N_("error indication")},
	{8, N_("traffic indication")},
	{0, NULL},
};

static const struct value_name afn_names[] = {
	{1, N_("IPv4")},
	{2, N_("IPv6")},
	{0, NULL},
};

static const struct value_name ext_names[] = {
	{0, N_("end of extensions")},
	{3, N_("responder address")},
	{4, N_("forward transit NHS record")},
	{5, N_("reverse transit NHS record")},
	{7, N_("authentication")},
	{8, N_("vendor private")},
	{9, N_("NAT address")},
	{0, NULL},
};

static void explain_hopcnt(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u: each NHS that forwards it subtracts 1, and drops it at 0"),
		  (unsigned)f->value);
}

static void explain_pktsz(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes of NHRP packet: fixed header, mandatory part and extensions"),
		  (unsigned)f->value);
}

static void explain_extoff(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value == 0)
		sb_puts(o, _("0: no extensions"));
	else
		sb_printf(o, _("the extensions start %u bytes into the NHRP packet"),
			  (unsigned)f->value);
}

static void explain_checksum(const struct packet *p, const struct field *f, struct strbuf *o)
{
	explain_checksum_verdict(p, f, "hexplain.nhrp.hdr.chksum.status",
				 "hexplain.nhrp.hdr.chksum_calculated",
				 o);
	sb_puts(o, _(" (the IP checksum over the whole NHRP packet)"));
}

static void explain_type_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned v = (unsigned)f->value;
	sb_printf(o, _("0x%02x: %s, %u bytes"), v, (v & 0x40) ? _("E.164") : _("NSAP format"),
		  v & 0x3f);
}

#define ROW(name, title, type, off, len, mask, depth, base, names, explain, blurb) \
	{name, title, type, off, len, mask, 0, depth, base, names, explain, blurb, 0}

static const struct field_def fixed_rows[] = {
	ROW("nhrp.hdr.afn", N_("address family"), FT_UINT, 0, 2, 0, 0, BASE_HEX, afn_names,
	    NULL, N_("the NBMA network's address family (IANA numbers: 1 IPv4)")),
	ROW("nhrp.hdr.pro.type", N_("protocol type"), FT_UINT, 2, 2, 0, 0, BASE_HEX, NULL, NULL,
	    N_("the protocol whose addresses are resolved, as an EtherType")),
	ROW("nhrp.protocol_type", N_("protocol SNAP"), FT_BYTES, 4, 5, 0, 0, BASE_HEX, NULL, NULL,
	    N_("a SNAP-encoded protocol; zero when the type above is an EtherType")),
	ROW("nhrp.hdr.hopcnt", N_("hop count"), FT_UINT, 9, 1, 0, 0, BASE_DEC, NULL,
	    explain_hopcnt, N_("NHSs the packet may still cross (RFC 2332 §5.1)")),
	ROW("nhrp.hdr.pktsz", N_("packet size"), FT_UINT, 10, 2, 0, 0, BASE_DEC, NULL,
	    explain_pktsz, N_("the NHRP packet's length in bytes")),
	ROW("nhrp.hdr.chksum", N_("checksum"), FT_UINT, 12, 2, 0, 0, BASE_HEX, NULL,
	    explain_checksum, N_("the IP checksum over the whole NHRP packet")),
	ROW("nhrp.hdr.extoff", N_("extension offset"), FT_UINT, 14, 2, 0, 0, BASE_DEC, NULL,
	    explain_extoff, N_("where the extensions start, from the packet's first byte")),
	ROW("nhrp.hdr.version", N_("version"), FT_UINT, 16, 1, 0, 0, BASE_DEC, NULL, NULL,
	    N_("1 for RFC 2332")),
	ROW("nhrp.hdr.op.type", N_("packet type"), FT_UINT, 17, 1, 0, 0, BASE_DEC, op_names,
	    NULL, N_("what the packet asks or answers")),
	ROW("nhrp.hdr.shtl", N_("source NBMA address type/length"), FT_UINT, 18, 1, 0, 0,
	    BASE_DEC, NULL, explain_type_len, N_("its type bit and length in bytes")),
	ROW("nhrp.hdr.shtl.type", N_("type"), FT_UINT, 18, 1, 0x40, 1, BASE_DEC, NULL, NULL,
	    N_("0 NSAP format, 1 E.164")),
	ROW("nhrp.hdr.shtl.len", N_("length"), FT_UINT, 18, 1, 0x3f, 1, BASE_DEC, NULL, NULL,
	    N_("bytes of the address")),
	ROW("nhrp.hdr.sstl", N_("source NBMA subaddress type/length"), FT_UINT, 19, 1, 0, 0,
	    BASE_DEC, NULL, explain_type_len, N_("its type bit and length in bytes")),
	ROW("nhrp.hdr.sstl.type", N_("type"), FT_UINT, 19, 1, 0x40, 1, BASE_DEC, NULL, NULL,
	    N_("0 NSAP format, 1 E.164")),
	ROW("nhrp.hdr.sstl.len", N_("length"), FT_UINT, 19, 1, 0x3f, 1, BASE_DEC, NULL, NULL,
	    N_("bytes of the subaddress")),
	ROW("nhrp.src.prot.len", N_("source protocol address length"), FT_UINT, 20, 1, 0, 0,
	    BASE_DEC, NULL, NULL, N_("bytes of the source protocol address")),
	ROW("nhrp.dst.prot.len", N_("destination protocol address length"), FT_UINT, 21, 1, 0,
	    0, BASE_DEC, NULL, NULL, N_("bytes of the destination protocol address")),
};
#define FIXED_ROWS (sizeof(fixed_rows) / sizeof(fixed_rows[0]))

/* Wireshark's nhrp.hdr.chksum.status is the same verdict; hexplain's words
 * for it (good, bad) go under its own name, as tshark gives a number. */
static const struct field_def chksum_status = {"hexplain.nhrp.hdr.chksum.status", N_("checksum status"),
	FT_STATUS, 0, 0, 0, 0, 1, BASE_DEC, checksum_status_names, NULL,
	N_("hexplain's verdict on the checksum")};
/* tshark shows no calculated NHRP checksum; hexplain does, under its own name. */
static const struct field_def chksum_calc = {"hexplain.nhrp.hdr.chksum_calculated",
	N_("checksum calculated"), FT_UINT, 0, 2, 0, 0, 1, BASE_HEX, NULL, NULL,
	N_("the checksum the packet should carry")};

/* The flags of a resolution request and reply (RFC 2332 §5.2.1, §5.2.2,
 * and Cisco's NAT bit, as Wireshark names them); the bits of the other
 * packet types mean other things, and only the word is shown there. */
static const struct field_def flags_row = ROW("nhrp.flags", N_("flags"), FT_UINT, 22, 2, 0, 0,
	BASE_HEX, NULL, NULL, N_("their meaning depends on the packet type"));
static const struct field_def resolution_flags[] = {
	ROW("nhrp.flag.q", N_("Q: the requester is a router"), FT_BOOL, 22, 2, 0x8000, 1,
	    BASE_DEC, NULL, NULL, N_("RFC 2332 §5.2.1")),
	ROW("nhrp.flag.a", N_("A: authoritative answer wanted"), FT_BOOL, 22, 2, 0x4000, 1,
	    BASE_DEC, NULL, NULL, N_("only the station's own NHS may answer")),
	ROW("nhrp.flag.d", N_("D: the destination is stable"), FT_BOOL, 22, 2, 0x2000, 1,
	    BASE_DEC, NULL, NULL, N_("the destination's address is stable")),
	ROW("nhrp.flag.u", N_("U: unique"), FT_BOOL, 22, 2, 0x1000, 1, BASE_DEC, NULL, NULL,
	    N_("the binding may not be replaced")),
	ROW("nhrp.flag.s", N_("S: the source is stable"), FT_BOOL, 22, 2, 0x0800, 1, BASE_DEC,
	    NULL, NULL, N_("the source's binding is stable")),
	ROW("nhrp.flag.nat", N_("NAT: a NAT address extension is welcome"), FT_BOOL, 22, 2,
	    0x0002, 1, BASE_DEC, NULL, NULL, N_("Cisco's extension")),
};
static const struct field_def registration_flags[] = {
	ROW("nhrp.flag.u", N_("U: unique"), FT_BOOL, 22, 2, 0x8000, 1, BASE_DEC, NULL, NULL,
	    N_("the registration may not be replaced by another (RFC 2332 §5.2.3)")),
	ROW("nhrp.flag.nat", N_("NAT: a NAT address extension is welcome"), FT_BOOL, 22, 2,
	    0x0002, 1, BASE_DEC, NULL, NULL, N_("Cisco's extension")),
};
static const struct field_def reqid_row = ROW("nhrp.reqid", N_("request ID"), FT_UINT, 24, 4, 0,
	0, BASE_HEX, NULL, NULL, N_("ties a reply to its request"));
/* A Traffic Indication's four bytes after the lengths: tshark shows no field. */
static const struct field_def traffic_code = ROW("hexplain.nhrp.traffic_code",
	N_("traffic code"), FT_UINT, 22, 2, 0, 0, BASE_DEC, NULL, NULL,
	N_("0: a shortcut to the destination is possible (DMVPN)"));
static const struct field_def traffic_unused = ROW("hexplain.nhrp.traffic_unused",
	N_("unused"), FT_UINT, 24, 4, 0, 0, BASE_HEX, NULL, NULL, N_("zero"));

/* Addresses: IPv4 ones under Wireshark's names, others as bytes. */
static const struct field_def src_nbma_v4 = ROW("nhrp.src.nbma.addr", N_("source NBMA address"),
	FT_IPV4, 0, 4, 0, 0, BASE_DEC, NULL, NULL, N_("the sender's address in the NBMA network"));
static const struct field_def src_nbma_raw = ROW("hexplain.nhrp.src.nbma.addr",
	N_("source NBMA address"), FT_BYTES, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the sender's address in the NBMA network"));
static const struct field_def src_nbma_sub = ROW("hexplain.nhrp.src.nbma.saddr",
	N_("source NBMA subaddress"), FT_BYTES, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the sender's subaddress"));
static const struct field_def src_prot_v4 = ROW("nhrp.src.prot.addr",
	N_("source protocol address"), FT_IPV4, 0, 4, 0, 0, BASE_DEC, NULL, NULL,
	N_("the sender's address in the protocol resolved"));
static const struct field_def src_prot_raw = ROW("hexplain.nhrp.src.prot.addr",
	N_("source protocol address"), FT_BYTES, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the sender's address in the protocol resolved"));
static const struct field_def dst_prot_v4 = ROW("nhrp.dst.prot.addr",
	N_("destination protocol address"), FT_IPV4, 0, 4, 0, 0, BASE_DEC, NULL, NULL,
	N_("the address whose NBMA address is sought"));
static const struct field_def dst_prot_raw = ROW("hexplain.nhrp.dst.prot.addr",
	N_("destination protocol address"), FT_BYTES, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the address whose NBMA address is sought"));

static const struct field_def cie_rows[] = {
	ROW("nhrp.code", N_("code"), FT_UINT, 0, 1, 0, 0, BASE_DEC, NULL, NULL,
	    N_("0: success; otherwise why the entry failed")),
	ROW("nhrp.prefix", N_("prefix length"), FT_UINT, 1, 1, 0, 0, BASE_DEC, NULL, NULL,
	    N_("leading bits of the address the entry covers")),
	ROW("nhrp.unused", N_("unused"), FT_UINT, 2, 2, 0, 0, BASE_DEC, NULL, NULL, N_("zero")),
	ROW("nhrp.mtu", N_("MTU"), FT_UINT, 4, 2, 0, 0, BASE_DEC, NULL, NULL,
	    N_("the largest packet the client takes")),
	ROW("nhrp.htime", N_("holding time"), FT_UINT, 6, 2, 0, 0, BASE_DEC, NULL, NULL,
	    N_("seconds the binding may be kept")),
	ROW("nhrp.cli.addr_tl", N_("client NBMA address type/length"), FT_UINT, 8, 1, 0, 0,
	    BASE_DEC, NULL, explain_type_len, N_("its type bit and length in bytes")),
	ROW("nhrp.cli.addr_tl.type", N_("type"), FT_UINT, 8, 1, 0x40, 1, BASE_DEC, NULL, NULL,
	    N_("0 NSAP format, 1 E.164")),
	ROW("nhrp.cli.addr_tl.len", N_("length"), FT_UINT, 8, 1, 0x3f, 1, BASE_DEC, NULL, NULL,
	    N_("bytes of the address")),
	ROW("nhrp.cli.saddr_tl", N_("client NBMA subaddress type/length"), FT_UINT, 9, 1, 0, 0,
	    BASE_DEC, NULL, explain_type_len, N_("its type bit and length in bytes")),
	ROW("nhrp.cli.saddr_tl.type", N_("type"), FT_UINT, 9, 1, 0x40, 1, BASE_DEC, NULL, NULL,
	    N_("0 NSAP format, 1 E.164")),
	ROW("nhrp.cli.saddr_tl.len", N_("length"), FT_UINT, 9, 1, 0x3f, 1, BASE_DEC, NULL, NULL,
	    N_("bytes of the subaddress")),
	ROW("nhrp.prot.len", N_("client protocol address length"), FT_UINT, 10, 1, 0, 0,
	    BASE_DEC, NULL, NULL, N_("bytes of the client's protocol address")),
	ROW("nhrp.pref", N_("preference"), FT_UINT, 11, 1, 0, 0, BASE_DEC, NULL, NULL,
	    N_("the higher, the more preferred among entries")),
};
#define CIE_ROWS (sizeof(cie_rows) / sizeof(cie_rows[0]))
static const struct field_def cli_nbma_v4 = ROW("nhrp.client.nbma.addr",
	N_("client NBMA address"), FT_IPV4, 0, 4, 0, 0, BASE_DEC, NULL, NULL,
	N_("the client's address in the NBMA network"));
static const struct field_def cli_nbma_raw = ROW("hexplain.nhrp.client.nbma.addr",
	N_("client NBMA address"), FT_BYTES, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the client's address in the NBMA network"));
static const struct field_def cli_nbma_sub = ROW("hexplain.nhrp.client.nbma.saddr",
	N_("client NBMA subaddress"), FT_BYTES, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the client's subaddress"));
static const struct field_def cli_prot_v4 = ROW("nhrp.client.prot.addr",
	N_("client protocol address"), FT_IPV4, 0, 4, 0, 0, BASE_DEC, NULL, NULL,
	N_("the client's address in the protocol resolved"));
static const struct field_def cli_prot_raw = ROW("hexplain.nhrp.client.prot.addr",
	N_("client protocol address"), FT_BYTES, 0, 0, 0, 0, BASE_HEX, NULL, NULL,
	N_("the client's address in the protocol resolved"));

static const struct field_def ext_rows[] = {
	ROW("nhrp.ext.c", N_("compulsory"), FT_BOOL, 0, 2, 0x8000, 0, BASE_DEC, NULL, NULL,
	    N_("C: a receiver that does not know the extension must reject the packet")),
	ROW("nhrp.ext.type", N_("extension type"), FT_UINT, 0, 2, 0x3fff, 0, BASE_HEX, ext_names,
	    NULL, N_("RFC 2332 §5.3")),
	ROW("nhrp.ext.len", N_("extension length"), FT_UINT, 2, 2, 0, 0, BASE_DEC, NULL, NULL,
	    N_("bytes of the extension's value")),
};
static const struct field_def auth_rows[] = {
	ROW("nhrp.auth_ext.reserved", N_("reserved"), FT_UINT, 0, 2, 0, 1, BASE_DEC, NULL, NULL,
	    N_("zero")),
	ROW("nhrp.auth_ext.spi", N_("security parameter index"), FT_UINT, 2, 2, 0, 1, BASE_DEC,
	    NULL, NULL, N_("which authentication: 1 cleartext password")),
	ROW("nhrp.auth_ext.src_addr", N_("source address"), FT_IPV4, 4, 4, 0, 1, BASE_DEC, NULL,
	    NULL, N_("the first 4 bytes of the authentication data, as Wireshark reads them")),
};
static const struct field_def auth_data = ROW("nhrp.auth_ext.data", N_("authentication data"),
	FT_BYTES, 0, 0, 0, 1, BASE_HEX, NULL, NULL, N_("the rest: with SPI 1, the password"));
static const struct field_def ext_data = ROW("hexplain.nhrp.ext.data", N_("extension value"),
	FT_BYTES, 0, 0, 0, 1, BASE_HEX, NULL, NULL, N_("not decoded by hexplain"));

/* One address of len bytes at at: the IPv4 row when it is one, else bytes. */
static void address(struct packet *p, uint32_t at, uint32_t len, bool ipv4,
		    const struct field_def *v4, const struct field_def *raw)
{
	if (len == 0 || !cur_has(&p->bytes, at, len))
		return;
	if (ipv4 && len == 4)
		packet_add_field(p, v4, at, 4, 0);
	else
		packet_add_field(p, raw, at, len, 0);
}

/* The client information entries in [at, end). */
static void decode_cies(struct packet *p, uint32_t at, uint32_t end, bool nbma_v4,
			bool prot_v4)
{
	for (int n = 0; n < MAX_CIES && at < end && end - at >= NHRP_CIE; n++) {
		if (packet_read_rows(p, cie_rows, CIE_ROWS, at) < CIE_ROWS)
			return;
		uint8_t atl = 0, stl = 0, pl = 0;
		cur_u8(&p->bytes, at + 8, &atl);
		cur_u8(&p->bytes, at + 9, &stl);
		cur_u8(&p->bytes, at + 10, &pl);
		uint32_t a = at + NHRP_CIE, alen = atl & 0x3fu, slen = stl & 0x3fu;
		if (alen + slen + pl > end - a)
			return;
		address(p, a, alen, nbma_v4, &cli_nbma_v4, &cli_nbma_raw);
		address(p, a + alen, slen, false, &cli_nbma_sub, &cli_nbma_sub);
		address(p, a + alen + slen, pl, prot_v4, &cli_prot_v4, &cli_prot_raw);
		at = a + alen + slen + pl;
	}
}

static void decode_extensions(struct packet *p, uint32_t at, uint32_t end, bool nbma_v4,
			      bool prot_v4)
{
	for (int n = 0; n < MAX_EXTENSIONS && at < end && end - at >= 4; n++) {
		if (packet_read_rows(p, ext_rows, 3, at) < 3)
			return;
		uint16_t type = 0, len = 0;
		cur_be16(&p->bytes, at, &type);
		cur_be16(&p->bytes, at + 2, &len);
		type &= 0x3fff;
		uint32_t v = at + 4;
		if (len > end - v)
			return;
		if (type == 0)
			return;
		if (type == 3 || type == 4 || type == 5 || type == 9) /* entries inside */
			decode_cies(p, v, v + len, nbma_v4, prot_v4);
		else if (type == EXT_AUTH && len >= 8) {
			packet_read_rows(p, auth_rows, 3, v);
			if (len > 8 && cur_has(&p->bytes, v + 8, len - 8u))
				packet_add_field(p, &auth_data, v + 8, len - 8u, 0);
		} else if (len && cur_has(&p->bytes, v, len)) {
			packet_add_field(p, &ext_data, v, len, 0);
		}
		at = v + len;
	}
}

static void verify_checksum(struct packet *p, uint32_t off, uint32_t size)
{
	uint32_t sum = 0;
	uint16_t stored = 0;
	if (size < NHRP_FIXED || !cur_be16(&p->bytes, off + 12, &stored) ||
	    !cksum_add(&sum, &p->bytes, off, size)) {
		packet_add_generated(p, &chksum_status, CKSUM_UNVERIFIED);
		return;
	}
	uint16_t want = (uint16_t)~cksum_fold(sum + (uint16_t)~stored);
	bool good = cksum_fold(sum) == 0xffff;
	packet_add_generated(p, &chksum_status, good ? CKSUM_GOOD : CKSUM_BAD);
	packet_add_generated(p, &chksum_calc, want);
	if (!good)
		packet_problem(p, SEV_ERROR, "nhrp.hdr.chksum", "nhrp.hdr.chksum.bad", off + 12,
			       _("NHRP checksum 0x%04x is wrong: it should be 0x%04x"), stored, want);
}

void decode_nhrp(struct packet *p, uint32_t off, uint32_t end, const struct decode_ctx *ctx)
{
	int layer = packet_add_layer(p, "nhrp", N_("NHRP packet"), off, ctx->quoted);
	if (layer < 0)
		return;
	size_t avail = cur_avail(&p->bytes, off);
	size_t read = packet_read_rows(p, fixed_rows, FIXED_ROWS, off);
	if (read < FIXED_ROWS) {
		p->layers[layer].truncated = true;
		p->layers[layer].length = (uint32_t)avail;
		decode_truncated(p, "nhrp", off, NHRP_FIXED + 2);
		return;
	}
	uint16_t afn = 0, pro = 0, size = 0, extoff = 0;
	uint8_t op = 0, shtl = 0, sstl = 0, spl = 0, dpl = 0;
	cur_be16(&p->bytes, off, &afn);
	cur_be16(&p->bytes, off + 2, &pro);
	cur_be16(&p->bytes, off + 10, &size);
	cur_be16(&p->bytes, off + 14, &extoff);
	cur_u8(&p->bytes, off + 17, &op);
	cur_u8(&p->bytes, off + 18, &shtl);
	cur_u8(&p->bytes, off + 19, &sstl);
	cur_u8(&p->bytes, off + 20, &spl);
	cur_u8(&p->bytes, off + 21, &dpl);
	if (end < off + NHRP_FIXED)
		end = off + NHRP_FIXED;
	uint32_t pend = off + size;
	bool fits = size >= NHRP_FIXED + NHRP_MAND_HDR && pend <= end;
	if (!fits) {
		packet_problem(p, SEV_ERROR, "nhrp.hdr.pktsz", "nhrp.hdr.pktsz.bad", off + 10,
			       _("packet size %u does not fit: the fixed header and mandatory part "
				 "need 28 bytes, and the layer below carries %u"),
			       size, end - off);
		pend = end;
	}
	/* the sum covers the packet size's bytes: unknown when that lies */
	verify_checksum(p, off, fits ? size : 0u);

	bool nbma_v4 = afn == AFN_IPV4, prot_v4 = pro == 0x0800;
	if (op == OP_TRAFFIC_INDICATION) {
		packet_read_row(p, &traffic_code, off, NULL);
		packet_read_row(p, &traffic_unused, off, NULL);
	} else {
		packet_read_row(p, &flags_row, off, NULL);
		if (op == 1 || op == 2)
			packet_read_rows(p, resolution_flags,
					 sizeof(resolution_flags) / sizeof(resolution_flags[0]), off);
		else if (op == 3 || op == 4)
			packet_read_rows(p, registration_flags, 2, off);
		packet_read_row(p, &reqid_row, off, NULL);
	}
	uint32_t at = off + NHRP_FIXED + NHRP_MAND_HDR;
	uint32_t slen = shtl & 0x3fu, sslen = sstl & 0x3fu;
	uint32_t mand_end = extoff >= NHRP_FIXED + NHRP_MAND_HDR && off + extoff <= pend
				    ? off + extoff
				    : pend;
	if (at + slen + sslen + spl + dpl > mand_end) {
		p->layers[layer].length = at - off;
		return;
	}
	address(p, at, slen, nbma_v4, &src_nbma_v4, &src_nbma_raw);
	address(p, at + slen, sslen, false, &src_nbma_sub, &src_nbma_sub);
	address(p, at + slen + sslen, spl, prot_v4, &src_prot_v4, &src_prot_raw);
	address(p, at + slen + sslen + spl, dpl, prot_v4, &dst_prot_v4, &dst_prot_raw);
	at += slen + sslen + spl + dpl;
	p->layers[layer].length = at - off;

	if (op == OP_TRAFFIC_INDICATION) {
		/* the packet that caused the indication, as far as the mandatory
		 * part goes: a copy, like an ICMP error's (Wireshark decodes it
		 * as one, "in ICMP error packet") */
		if (at < mand_end && ctx->depth < 6) {
			struct decode_ctx in = *ctx;
			in.depth++;
			in.quoted = true;
			in.ph.family = 0;
			in.frame_end = 0;
			decode_ethertype(p, pro, at, mand_end, &in);
		}
	} else {
		decode_cies(p, at, mand_end, nbma_v4, prot_v4);
	}
	if (extoff >= NHRP_FIXED + NHRP_MAND_HDR && off + extoff < pend) {
		int ext = packet_add_layer(p, "nhrp", N_("NHRP extensions"), off + extoff,
					   ctx->quoted);
		if (ext < 0)
			return;
		p->layers[ext].length = pend - (off + extoff);
		decode_extensions(p, off + extoff, pend, nbma_v4, prot_v4);
	}
}
