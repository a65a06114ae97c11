/* ipv4_options.c - IPv4 options (RFC 791 §3.1): end of list, no-operation,
 * record route, loose and strict source route, timestamp, security (RFC 791
 * and RFC 1108), stream ID, router alert (RFC 2113), MTU probe and reply
 * (RFC 1063), traceroute (RFC 1393), selective directed broadcast (RFC 1770),
 * quick-start (RFC 4782), extended and commercial security (CIPSO).
 *
 * Fields carry tshark 4.0's names where their values mean what tshark's do;
 * what tshark does not show (an unknown kind, a broken option) is shown
 * under hexplain.* names. */
#include "decode.h"

#include <string.h>

#include "core/i18n.h"
#include "core/strbuf.h"
#include "explain_util.h"

/* ---- names ------------------------------------------------------------ */

static const struct value_name kind_names[] = {
	{0, N_("end of option list (EOL)")},
	{1, N_("no-operation (NOP)")},
	{7, N_("record route")},
	{11, N_("MTU probe (RFC 1063, obsolete)")},
	{12, N_("MTU reply (RFC 1063, obsolete)")},
	{25, N_("quick-start (RFC 4782)")},
	{68, N_("timestamp")},
	{82, N_("traceroute (RFC 1393, historic)")},
	{130, N_("security (RFC 1108)")},
	{131, N_("loose source and record route (LSRR)")},
	{133, N_("extended security (RFC 1108)")},
	{134, N_("commercial security (CIPSO)")},
	{136, N_("stream ID (obsolete)")},
	{137, N_("strict source and record route (SSRR)")},
	{148, N_("router alert (RFC 2113)")},
	{149, N_("selective directed broadcast (RFC 1770)")},
	{0, NULL},
};

static const struct value_name class_names[] = {
	{0, N_("control")},
	{1, N_("reserved")},
	{2, N_("debugging and measurement")},
	{3, N_("reserved")},
	{0, NULL},
};

static const struct value_name ts_flag_names[] = {
	{0, N_("timestamps only")},
	{1, N_("each hop's address and timestamp")},
	{3, N_("timestamps from prespecified addresses only")},
	{0, NULL},
};

/* RFC 1108 classification levels (one byte). */
static const struct value_name sec_cl_names[] = {
	{0x3d, N_("Top Secret")},
	{0x5a, N_("Secret")},
	{0x96, N_("Confidential")},
	{0xab, N_("Unclassified")},
	{0x01, N_("Reserved 4")},
	{0x66, N_("Reserved 3")},
	{0xcc, N_("Reserved 2")},
	{0xf1, N_("Reserved 1")},
	{0, NULL},
};

/* RFC 791's own 16-bit security levels. */
static const struct value_name sec_rfc791_names[] = {
	{0x0000, N_("Unclassified")},
	{0xf135, N_("Confidential")},
	{0x789a, N_("EFTO")},
	{0xbc4d, N_("MMMM")},
	{0x5e26, N_("PROG")},
	{0xaf13, N_("Restricted")},
	{0xd788, N_("Secret")},
	{0x6bc5, N_("Top Secret")},
	{0, NULL},
};

static const struct value_name qs_func_names[] = {
	{0, N_("rate request")},
	{8, N_("rate report")},
	{0, NULL},
};

static const char *kind_name(unsigned kind)
{
	const char *n = value_name_find(kind_names, kind);
	return n ? _(n) : _("unknown option");
}

/* ---- reading an option back from the packet, for the explanations ---- */

struct opt_view {
	uint8_t kind, len, ptr, flags;
	bool has_len, has_ptr;
};

/* The option that starts at `at`. */
static struct opt_view opt_at(const struct packet *p, uint32_t at)
{
	struct opt_view v = {0};
	cur_u8(&p->bytes, at, &v.kind);
	if (v.kind > 1)
		v.has_len = cur_u8(&p->bytes, at + 1, &v.len);
	v.has_ptr = v.has_len && v.len >= 3 && cur_u8(&p->bytes, at + 2, &v.ptr);
	cur_u8(&p->bytes, at + 3, &v.flags);
	return v;
}

/* Where the option holding the part f starts: the nearest heading row
 * before it (group rows sit at depth 1). */
static uint32_t option_start(const struct packet *p, const struct field *f)
{
	for (const struct field *g = f; g >= p->fields; g--)
		if (g->depth == 1 && g->layer == f->layer && g->offset <= f->offset &&
		    (g->def->type == FT_BYTES))
			return g->offset;
	return f->offset;
}

/* "hh:mm:ss.mmm UT" for milliseconds since midnight. */
static void put_ut_time(struct strbuf *o, uint32_t ms)
{
	sb_printf(o, "%02u:%02u:%02u.%03u", ms / 3600000u, ms / 60000u % 60u, ms / 1000u % 60u,
		  ms % 1000u);
}

/* ---- explain functions -------------------------------------------------- */

static void explain_option(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct opt_view v = opt_at(p, f->offset);
	if (v.kind == 0) {
		sb_puts(o, _("type 0: end of the option list; any bytes after it are padding to "
			     "the 4-byte boundary"));
		return;
	}
	if (v.kind == 1) {
		sb_puts(o, _("type 1: no-operation, a filler byte (often to align the next "
			     "option on 4 bytes)"));
		return;
	}
	sb_printf(o, _("%s, %u bytes"), kind_name(v.kind), (unsigned)f->length);
	switch (v.kind) {
	case 7:
	case 131:
	case 137: {
		if (!v.has_ptr || v.len < 3)
			return;
		unsigned slots = (v.len - 3u) / 4u;
		unsigned filled = v.ptr >= 4 ? (v.ptr - 4u) / 4u : 0;
		if (filled > slots)
			filled = slots;
		if (v.kind == 7)
			sb_printf(o, _(": room for %u addresses, pointer %u → %u filled in"), slots,
				  v.ptr, filled);
		else
			sb_printf(o, _(": a route of %u addresses, pointer %u → %u already "
				       "visited"),
				  slots, v.ptr, filled);
		if (v.ptr > v.len)
			sb_puts(o, v.kind == 7 ? _(" (full)") : _(" (route complete)"));
		return;
	}
	case 68: {
		if (!v.has_ptr || v.len < 4)
			return;
		unsigned slot = (v.flags & 15) == 1 || (v.flags & 15) == 3 ? 8 : 4;
		unsigned slots = (v.len - 4u) / slot;
		unsigned filled = v.ptr >= 5 ? (v.ptr - 5u) / slot : 0;
		if (filled > slots)
			filled = slots;
		sb_printf(o, _(": room for %u entries of %u bytes, pointer %u → %u filled in"),
			  slots, slot, v.ptr, filled);
		if (v.flags >> 4)
			sb_printf(o, _(", %u more hops could not record"), v.flags >> 4);
		return;
	}
	default:
		return;
	}
}

static void explain_type(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned t = (unsigned)f->value;
	sb_printf(o, _("%u = copied %u, class %u, number %u → %s"), t, t >> 7, (t >> 5) & 3,
		  t & 31, kind_name(t));
}

static void explain_copy(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_puts(o, f->value ? _("copied flag 1: copied into every fragment")
			    : _("copied flag 0: kept in the first fragment only"));
}

static void explain_class(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("class %u: %s"), (unsigned)f->value,
		  _(value_name_find(class_names, f->value)));
}

static void explain_number(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const struct field *type = f - 3 >= p->fields ? f - 3 : f;
	sb_printf(o, _("option number %u; with the two bits above it: type %u, %s"),
		  (unsigned)f->value, (unsigned)type->value, kind_name((unsigned)type->value));
}

static void explain_len(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes, the type and length bytes included"), (unsigned)f->value);
}

static void explain_ptr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	struct opt_view v = opt_at(p, f->offset - 2);
	unsigned ptr = (unsigned)f->value;
	if (v.kind == 68) {
		unsigned slot = (v.flags & 15) == 1 || (v.flags & 15) == 3 ? 8 : 4;
		if (ptr < 5)
			sb_printf(o, _("%u: points before the first entry (the smallest legal "
				       "value is 5)"),
				  ptr);
		else if (ptr > v.len)
			sb_printf(o, _("%u: past the option's %u bytes, the timestamp area is full"),
				  ptr, v.len);
		else if ((ptr - 5) % slot)
			sb_printf(o, _("%u: points into the middle of an entry"), ptr);
		else
			sb_printf(o, _("%u: byte %u of the option (counting from 1) is where the "
				       "next hop writes: entry %u"),
				  ptr, ptr, (ptr - 5) / slot + 1);
		return;
	}
	if (ptr < 4)
		sb_printf(o, _("%u: points before the first address (the smallest legal value "
			       "is 4)"),
			  ptr);
	else if (ptr > v.len)
		sb_printf(o, _("%u: past the option's %u bytes, every slot is used"), ptr, v.len);
	else if (ptr & 3)
		sb_printf(o, _("%u: points into the middle of an address"), ptr);
	else
		sb_printf(o, _("%u: byte %u of the option (counting from 1) is the next address "
			       "slot, slot %u"),
			  ptr, ptr, (ptr - 4) / 4 + 1);
}

static void explain_route_addr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 4);
	if (!a)
		return;
	unsigned slot = (f->offset - option_start(p, f) - 3) / 4 + 1;
	sb_printf(o, "%u.%u.%u.%u: ", a[0], a[1], a[2], a[3]);
	const char *n = f->def->name;
	if (!strcmp(n, "ip.rec_rt"))
		sb_printf(o, _("slot %u, an address recorded by a router on the way"), slot);
	else if (!strcmp(n, "ip.empty_rt"))
		sb_printf(o, _("slot %u, still empty: a router will write its address here"),
			  slot);
	else if (!strcmp(n, "ip.src_rt"))
		sb_printf(o, _("slot %u, a hop of the source route still to visit"), slot);
	else if (!strcmp(n, "ip.dst"))
		sb_printf(o, _("slot %u, the last of the route: the datagram's real destination"),
			  slot);
	else
		sb_printf(o, _("slot %u"), slot);
}

static void explain_cur_rt(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 4);
	if (!a)
		return;
	sb_printf(o, _("%u.%u.%u.%u: the hop the source route sends the datagram to now; the "
		       "final destination is the last address of the route option"),
		  a[0], a[1], a[2], a[3]);
}

static void explain_overflow(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value == 0)
		sb_puts(o, _("0: every hop so far found room for its timestamp"));
	else if (f->value == 15)
		sb_puts(o, _("15: the counter is at its maximum, more hops may have been missed"));
	else
		sb_printf(o, _("%u hop(s) found the option full and could not record"),
			  (unsigned)f->value);
}

static void explain_flag(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(ts_flag_names, f->value);
	if (n)
		sb_printf(o, _("%u: %s"), (unsigned)f->value, _(n));
	else
		sb_printf(o, _("%u: not a flag RFC 791 defines (0, 1 or 3)"), (unsigned)f->value);
}

static void explain_time_stamp(const struct packet *p, const struct field *f, struct strbuf *o)
{
	uint32_t ts = (uint32_t)f->value;
	uint32_t start = option_start(p, f);
	struct opt_view v = opt_at(p, start);
	bool filled = f->offset + 4 - start < v.ptr; /* the pointer is past this entry */
	if (ts & 0x80000000u) {
		sb_printf(o, _("%u: high-order bit set: a non-standard time, not milliseconds "
			       "since midnight UT (RFC 791)"),
			  ts);
	} else if (ts >= 86400000u) {
		sb_printf(o, _("%u: more than a day of milliseconds, not a valid standard time"),
			  ts);
	} else {
		sb_printf(o, _("%u ms since midnight UT = "), ts);
		put_ut_time(o, ts);
	}
	if (!filled)
		sb_puts(o, _(" (an empty entry, not written yet)"));
}

static void explain_ts_addr(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *a = cur_bytes(&p->bytes, f->offset, 4);
	if (a)
		sb_printf(o, _("%u.%u.%u.%u: the hop that wrote the timestamp after it"), a[0],
			  a[1], a[2], a[3]);
}

static void explain_ra(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	if (f->value == 0)
		sb_puts(o, _("0: every router on the path should examine this datagram (used by "
			     "IGMP, RSVP)"));
	else
		sb_printf(o, _("%u: reserved value (RFC 2113 defines only 0)"), (unsigned)f->value);
}

static void explain_sid(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("stream %u: a SATNET stream identifier, obsolete (RFC 6814)"),
		  (unsigned)f->value);
}

static void explain_mtu(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes"), (unsigned)f->value);
}

static void explain_sec_cl(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(sec_cl_names, f->value);
	sb_printf(o, "0x%02x → %s", (unsigned)f->value, n ? _(n) : _("not a defined level"));
}

static void explain_sec_rfc791(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	const char *n = value_name_find(sec_rfc791_names, f->value);
	sb_printf(o, "0x%04x → %s", (unsigned)f->value, n ? _(n) : _("not a defined level"));
}

static void explain_unknown(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	(void)f;
	sb_puts(o, _("an option type hexplain does not know: its bytes are shown raw"));
}

static void explain_malformed(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	sb_printf(o, _("%u bytes that cannot be read as options: the length is wrong"),
		  (unsigned)f->length);
}

static void explain_padding(const struct packet *p, const struct field *f, struct strbuf *o)
{
	const uint8_t *b = cur_bytes(&p->bytes, f->offset, f->length);
	bool zero = true;
	for (uint32_t i = 0; b && i < f->length; i++)
		zero = zero && b[i] == 0;
	sb_printf(o, zero ? _("%u byte(s) of zero padding after the end-of-list option")
			  : _("%u byte(s) after the end-of-list option, not all zero"),
		  (unsigned)f->length);
}

static void explain_qs_rate(const struct packet *p, const struct field *f, struct strbuf *o)
{
	(void)p;
	unsigned r = (unsigned)f->value;
	if (r == 0)
		sb_puts(o, _("0 bit/s"));
	else
		sb_printf(o, _("%u: 40 kbit/s × 2^%u = %lu kbit/s"), r, r,
			  40ul << r);
}

/* ---- field table ------------------------------------------------------ */

/* The option as a whole, under Wireshark's ip.options.* name. */
#define GROUP(name, title, blurb) \
	{name, title, FT_BYTES, 0, 0, 0, 0, 1, BASE_HEX, NULL, explain_option, blurb}
/* A part of an option: offsets are relative to where it is read. */
#define PART(name, title, type, len, mask, base, names, explain, blurb) \
	{name, title, type, 0, len, mask, 0, 2, base, names, explain, blurb}
#define BIT(name, title, type, len, mask, base, names, explain, blurb) \
	{name, title, type, 0, len, mask, 0, 3, base, names, explain, blurb}

static const struct field_def g_eol = GROUP("ip.options.eol", N_("end of option list"),
	N_("type 0: marks the end of the options (RFC 791)"));
static const struct field_def g_nop = GROUP("ip.options.nop", N_("no-operation"),
	N_("type 1: a filler between options (RFC 791)"));
static const struct field_def g_rr = GROUP("ip.options.record_route", N_("record route"),
	N_("type 7: routers write their addresses into it (RFC 791)"));
static const struct field_def g_lsrr = GROUP("ip.options.route", N_("loose source route"),
	N_("type 131: hops the datagram must visit, others allowed between (RFC 791)"));
static const struct field_def g_ssrr = GROUP("ip.options.source_route",
	N_("strict source route"),
	N_("type 137: the exact hops the datagram must take (RFC 791)"));
static const struct field_def g_ts = GROUP("ip.options.timestamp", N_("timestamp"),
	N_("type 68: routers write the time they handled the datagram (RFC 791)"));
static const struct field_def g_sec = GROUP("ip.options.security", N_("security"),
	N_("type 130: classification level and protection authorities (RFC 1108)"));
static const struct field_def g_esec = GROUP("ip.options.ext_security",
	N_("extended security"), N_("type 133: additional security information (RFC 1108)"));
static const struct field_def g_cipso = GROUP("ip.options.cipso", N_("commercial security"),
	N_("type 134: CIPSO labels (FIPS 188)"));
static const struct field_def g_sid = GROUP("ip.options.sid", N_("stream ID"),
	N_("type 136: SATNET stream identifier (RFC 791, obsolete)"));
static const struct field_def g_mtup = GROUP("ip.options.mtu_probe", N_("MTU probe"),
	N_("type 11: path MTU discovery, obsolete (RFC 1063)"));
static const struct field_def g_mtur = GROUP("ip.options.mtu_reply", N_("MTU reply"),
	N_("type 12: path MTU discovery, obsolete (RFC 1063)"));
static const struct field_def g_tr = GROUP("ip.options.traceroute", N_("traceroute"),
	N_("type 82: traceroute by option, historic (RFC 1393)"));
static const struct field_def g_ra = GROUP("ip.options.routeralert", N_("router alert"),
	N_("type 148: asks every router to look inside the datagram (RFC 2113)"));
static const struct field_def g_sdb = GROUP("ip.options.sdb",
	N_("selective directed broadcast"), N_("type 149: broadcast on listed networks (RFC 1770)"));
static const struct field_def g_qs = GROUP("ip.options.qs", N_("quick-start"),
	N_("type 25: asks for a sending rate along the path (RFC 4782)"));
static const struct field_def g_unknown = {"hexplain.ip.options.unknown", N_("unknown option"),
	FT_BYTES, 0, 0, 0, 0, 1, BASE_HEX, NULL, explain_unknown,
	N_("an option type hexplain has no decoder for")};
static const struct field_def g_malformed = {"hexplain.ip.options.malformed",
	N_("malformed options"), FT_BYTES, 0, 0, 0, 0, 1, BASE_HEX, NULL, explain_malformed,
	N_("the rest of the options area from an option whose length is impossible")};
static const struct field_def g_padding = {"hexplain.ip.options.padding", N_("padding"),
	FT_BYTES, 0, 0, 0, 0, 1, BASE_HEX, NULL, explain_padding,
	N_("bytes after the end-of-list option, up to the header's end")};

static const struct field_def f_type = PART("ip.opt.type", N_("type"), FT_UINT, 1, 0, BASE_DEC,
	kind_names, explain_type, N_("copied flag, class and number in one byte (RFC 791)"));
static const struct field_def f_copy = BIT("ip.opt.type.copy", N_("copied"), FT_BOOL, 1, 0x80,
	BASE_DEC, NULL, explain_copy, N_("1: repeat the option in every fragment"));
static const struct field_def f_class = BIT("ip.opt.type.class", N_("class"), FT_UINT, 1, 0x60,
	BASE_DEC, class_names, explain_class, N_("0 control, 2 debugging and measurement"));
static const struct field_def f_number = BIT("ip.opt.type.number", N_("number"), FT_UINT, 1,
	0x1f, BASE_DEC, NULL, explain_number, N_("the option number within its class"));
/* The same, for options Wireshark shows no fields for (unknown or broken). */
static const struct field_def fx_type = PART("hexplain.ip.opt.type", N_("type"), FT_UINT, 1, 0,
	BASE_DEC, kind_names, explain_type, N_("copied flag, class and number in one byte"));
static const struct field_def fx_copy = BIT("hexplain.ip.opt.type.copy", N_("copied"), FT_BOOL,
	1, 0x80, BASE_DEC, NULL, explain_copy, N_("1: repeat the option in every fragment"));
static const struct field_def fx_class = BIT("hexplain.ip.opt.type.class", N_("class"),
	FT_UINT, 1, 0x60, BASE_DEC, class_names, explain_class, N_("the option class"));
static const struct field_def fx_number = BIT("hexplain.ip.opt.type.number", N_("number"),
	FT_UINT, 1, 0x1f, BASE_DEC, NULL, explain_number, N_("the option number"));
static const struct field_def fx_len = PART("hexplain.ip.opt.len", N_("length"), FT_UINT, 1, 0,
	BASE_DEC, NULL, explain_len, N_("the option's size as it claims"));
static const struct field_def fx_data = PART("hexplain.ip.opt.data", N_("data"), FT_BYTES, 0, 0,
	BASE_HEX, NULL, NULL, N_("the option's bytes after type and length"));
static const struct field_def fx_route_slot = PART("hexplain.ip.opt.route_addr",
	N_("route address"), FT_IPV4, 4, 0, BASE_DEC, NULL, explain_route_addr,
	N_("an address slot of a route option whose pointer is invalid"));
static const struct field_def fx_leftover = PART("hexplain.ip.opt.leftover", N_("leftover"),
	FT_BYTES, 0, 0, BASE_HEX, NULL, NULL,
	N_("bytes at the option's end too few for a whole entry"));

static const struct field_def f_len = PART("ip.opt.len", N_("length"), FT_UINT, 1, 0, BASE_DEC,
	NULL, explain_len, N_("the option's size, type and length bytes included"));
static const struct field_def f_ptr = PART("ip.opt.ptr", N_("pointer"), FT_UINT, 1, 0, BASE_DEC,
	NULL, explain_ptr, N_("byte of the option (from 1) where the next entry goes"));
static const struct field_def f_rec_rt = PART("ip.rec_rt", N_("recorded route"), FT_IPV4, 4, 0,
	BASE_DEC, NULL, explain_route_addr, N_("an address already recorded or visited"));
static const struct field_def f_empty_rt = PART("ip.empty_rt", N_("empty route slot"), FT_IPV4,
	4, 0, BASE_DEC, NULL, explain_route_addr, N_("a slot not yet filled"));
static const struct field_def f_src_rt = PART("ip.src_rt", N_("source route"), FT_IPV4, 4, 0,
	BASE_DEC, NULL, explain_route_addr, N_("a hop of the source route still to visit"));
static const struct field_def f_route_dst = PART("ip.dst", N_("destination"), FT_IPV4, 4, 0,
	BASE_DEC, NULL, explain_route_addr, N_("the last address of a source route"));
/* The header's destination while a source route is under way. */
static const struct field_def f_cur_rt = {"ip.cur_rt", N_("current route"), FT_IPV4, 16, 4, 0,
	0, 0, BASE_DEC, NULL, explain_cur_rt,
	N_("the destination field holds the current hop of a source route")};
static const struct field_def f_overflow = PART("ip.opt.overflow", N_("overflow"), FT_UINT, 1,
	0xf0, BASE_DEC, NULL, explain_overflow, N_("hops that could not record: no room left"));
static const struct field_def f_flag = PART("ip.opt.flag", N_("flag"), FT_UINT, 1, 0x0f,
	BASE_HEX, ts_flag_names, explain_flag, N_("0 timestamps, 1 address + timestamp, 3 "
						  "prespecified addresses"));
static const struct field_def f_ts = PART("ip.opt.time_stamp", N_("timestamp"), FT_UINT, 4, 0,
	BASE_DEC, NULL, explain_time_stamp, N_("milliseconds since midnight UT"));
static const struct field_def f_ts_addr = PART("ip.opt.time_stamp_addr", N_("address"),
	FT_IPV4, 4, 0, BASE_DEC, NULL, explain_ts_addr, N_("the hop that wrote the timestamp"));
static const struct field_def f_ra = PART("ip.opt.ra", N_("router alert"), FT_UINT, 2, 0,
	BASE_DEC, NULL, explain_ra, N_("0: routers shall examine the datagram"));
static const struct field_def f_sid = PART("ip.opt.sid", N_("stream ID"), FT_UINT, 2, 0,
	BASE_DEC, NULL, explain_sid, N_("16-bit SATNET stream identifier"));
static const struct field_def f_mtu = PART("ip.opt.mtu", N_("MTU"), FT_UINT, 2, 0, BASE_DEC,
	NULL, explain_mtu, N_("the MTU probed or reported (RFC 1063)"));
static const struct field_def f_tr_id = PART("ip.opt.id_number", N_("ID number"), FT_UINT, 2, 0,
	BASE_DEC, NULL, NULL, N_("identifies the traceroute (RFC 1393)"));
static const struct field_def f_tr_ohc = PART("ip.opt.ohc", N_("outbound hop count"), FT_UINT, 2,
	0, BASE_DEC, NULL, NULL, N_("routers passed on the way out"));
static const struct field_def f_tr_rhc = PART("ip.opt.rhc", N_("return hop count"), FT_UINT, 2,
	0, BASE_DEC, NULL, NULL, N_("routers passed on the way back"));
static const struct field_def f_tr_orig = PART("ip.opt.originator", N_("originator"), FT_IPV4, 4,
	0, BASE_DEC, NULL, NULL, N_("who started the traceroute"));
static const struct field_def f_sdb_addr = PART("ip.opt.addr", N_("address"), FT_IPV4, 4, 0,
	BASE_DEC, NULL, NULL, N_("a network to broadcast on (RFC 1770)"));
static const struct field_def f_sec_cl = PART("ip.opt.sec_cl", N_("classification level"),
	FT_UINT, 1, 0, BASE_HEX, sec_cl_names, explain_sec_cl, N_("RFC 1108 §2.3"));
static const struct field_def f_sec_flags = PART("ip.opt.sec_prot_auth_flags",
	N_("protection authority flags"), FT_UINT, 1, 0, BASE_HEX, NULL, NULL,
	N_("who sets the protection rules (RFC 1108 §2.4)"));
static const struct field_def f_sec_genser = BIT("ip.opt.sec_prot_auth_genser", "GENSER",
	FT_BOOL, 1, 0x80, BASE_DEC, NULL, NULL, N_("general services"));
static const struct field_def f_sec_siop = BIT("ip.opt.sec_prot_auth_siop_esi", "SIOP-ESI",
	FT_BOOL, 1, 0x40, BASE_DEC, NULL, NULL, N_("single integrated operational plan"));
static const struct field_def f_sec_sci = BIT("ip.opt.sec_prot_auth_sci", "SCI", FT_BOOL, 1,
	0x20, BASE_DEC, NULL, NULL, N_("sensitive compartmented information"));
static const struct field_def f_sec_nsa = BIT("ip.opt.sec_prot_auth_nsa", "NSA", FT_BOOL, 1,
	0x10, BASE_DEC, NULL, NULL, N_("National Security Agency"));
static const struct field_def f_sec_doe = BIT("ip.opt.sec_prot_auth_doe", "DOE", FT_BOOL, 1,
	0x08, BASE_DEC, NULL, NULL, N_("Department of Energy"));
static const struct field_def f_sec_unass = BIT("ip.opt.sec_prot_auth_unassigned",
	N_("unassigned"), FT_UINT, 1, 0x06, BASE_HEX, NULL, NULL, N_("must be zero"));
static const struct field_def f_sec_unass2 = BIT("ip.opt.sec_prot_auth_unassigned",
	N_("unassigned"), FT_UINT, 1, 0xfe, BASE_HEX, NULL, NULL, N_("must be zero"));
static const struct field_def f_sec_fti = BIT("ip.opt.sec_prot_auth_fti",
	N_("field termination indicator"), FT_BOOL, 1, 0x01, BASE_DEC, NULL, NULL,
	N_("1: another flags byte follows"));
static const struct field_def f_sec791 = PART("ip.opt.sec_rfc791_sec", N_("security"), FT_UINT,
	2, 0, BASE_HEX, sec_rfc791_names, explain_sec_rfc791, N_("RFC 791's security level"));
static const struct field_def f_sec791_comp = PART("ip.opt.sec_rfc791_comp",
	N_("compartments"), FT_UINT, 2, 0, BASE_DEC, NULL, NULL, N_("0: not compartmented"));
/* Wireshark shows these as text strings; hexplain shows their bytes. */
static const struct field_def f_sec791_hr = PART("hexplain.ip.opt.sec_rfc791_hr",
	N_("handling restrictions"), FT_BYTES, 2, 0, BASE_HEX, NULL, NULL,
	N_("two characters from the Defense Intelligence Agency's list"));
static const struct field_def f_sec791_tcc = PART("hexplain.ip.opt.sec_rfc791_tcc",
	N_("transmission control code"), FT_BYTES, 3, 0, BASE_HEX, NULL, NULL,
	N_("three characters grouping traffic into communities"));
static const struct field_def f_esec_code = PART("ip.opt.ext_sec_add_sec_info_format_code",
	N_("format code"), FT_UINT, 1, 0, BASE_HEX, NULL, NULL,
	N_("which additional security information format follows"));
static const struct field_def f_esec_info = PART("ip.opt.ext_sec_add_sec_info",
	N_("additional security info"), FT_BYTES, 0, 0, BASE_HEX, NULL, NULL,
	N_("defined by the authority named by the format code"));
static const struct field_def f_cipso_doi = PART("ip.cipso.doi", N_("domain of interpretation"),
	FT_UINT, 4, 0, BASE_DEC, NULL, NULL, N_("which label mapping the tags use"));
static const struct field_def f_cipso_tags = PART("hexplain.ip.cipso.tags", N_("tags"),
	FT_BYTES, 0, 0, BASE_HEX, NULL, NULL, N_("CIPSO tags, shown raw"));
static const struct field_def f_qs_func = PART("ip.opt.qs_func", N_("function"), FT_UINT, 1,
	0xf0, BASE_DEC, qs_func_names, NULL, N_("0 rate request, 8 rate report"));
static const struct field_def f_qs_rate = PART("ip.opt.qs_rate", N_("rate"), FT_UINT, 1, 0x0f,
	BASE_DEC, NULL, explain_qs_rate, N_("the rate asked for or granted"));
static const struct field_def f_qs_ttl = PART("ip.opt.qs_ttl", N_("QS TTL"), FT_UINT, 1, 0,
	BASE_DEC, NULL, NULL, N_("random start value; routers that approve decrement it"));
static const struct field_def f_qs_unused = PART("ip.opt.qs_unused", N_("not used"), FT_UINT, 1,
	0, BASE_DEC, NULL, NULL, N_("unused in a rate report"));
static const struct field_def f_qs_nonce = PART("ip.opt.qs_nonce", N_("QS nonce"), FT_UINT, 4,
	0xfffffffc, BASE_HEX, NULL, NULL, N_("30 bits that stop a receiver from faking approval"));
static const struct field_def f_qs_reserved = PART("ip.opt.qs_reserved", N_("reserved"),
	FT_UINT, 4, 0x3, BASE_HEX, NULL, NULL, N_("must be zero"));

/* ---- decoders ----------------------------------------------------------- */

struct walk {
	bool clean;       /* no option so far had a length wrong for its kind */
	bool route_seen;  /* a source route already claimed the destination */
};

static void add_row(struct packet *p, const struct field_def *def, uint32_t at)
{
	packet_read_row(p, def, at, NULL);
}

static void add_bytes(struct packet *p, const struct field_def *def, uint32_t at, unsigned n)
{
	if (n > 0 && cur_has(&p->bytes, at, n))
		packet_add_field(p, def, at, n, 0);
}

static void add_type(struct packet *p, uint32_t at, bool known)
{
	add_row(p, known ? &f_type : &fx_type, at);
	add_row(p, known ? &f_copy : &fx_copy, at);
	add_row(p, known ? &f_class : &fx_class, at);
	add_row(p, known ? &f_number : &fx_number, at);
}

static void len_problem(struct packet *p, uint32_t at, uint8_t kind, unsigned len,
			unsigned want, bool fixed)
{
	if (fixed)
		packet_problem(p, SEV_ERROR, "ip.opt.len", "ip.option.len.bad", at + 1,
			       _("%s option with length %u: it must be %u"), kind_name(kind), len,
			       want);
	else
		packet_problem(p, SEV_ERROR, "ip.opt.len", "ip.option.len.bad", at + 1,
			       _("%s option with length %u: it must be at least %u"),
			       kind_name(kind), len, want);
}

/* Record route, loose and strict source route: a pointer and address slots. */
static void decode_route(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	uint8_t kind = 0, ptr = 0;
	cur_u8(&p->bytes, at, &kind);
	cur_u8(&p->bytes, at + 2, &ptr);
	add_row(p, &f_ptr, at + 2);
	bool bad_ptr = ptr < 4 || (ptr & 3);
	if (bad_ptr)
		packet_problem(p, SEV_ERROR, "ip.opt.ptr", "ip.option.ptr.bad", at + 2,
			       ptr < 4 ? _("%s pointer %u points before the first address (it "
					   "must be at least 4)")
				       : _("%s pointer %u points into the middle of an address (it "
					   "must be 4, 8, 12, ...)"),
			       kind_name(kind), ptr);
	bool source = kind != 7;
	/* Wireshark: while a source route is under way, the header's
	 * destination is the current hop and the route's last slot the real
	 * destination. */
	if (source && !bad_ptr && ptr <= len && w->clean && !w->route_seen) {
		size_t layer = p->nlayers - 1;
		for (size_t i = p->nfields; i-- > 0;) {
			struct field *f = &p->fields[i];
			if (f->layer == layer && strcmp(f->def->name, "ip.dst") == 0) {
				f->def = &f_cur_rt;
				break;
			}
		}
	}
	if (source)
		w->route_seen = true;
	unsigned o = 3;
	for (; o + 4 <= len; o += 4) {
		const struct field_def *def;
		if (bad_ptr)
			def = &fx_route_slot;
		else if (ptr > len || o + 1 < ptr)
			def = &f_rec_rt;
		else if (!source)
			def = &f_empty_rt;
		else if (o == len - 4)
			def = &f_route_dst;
		else
			def = &f_src_rt;
		add_row(p, def, at + o);
	}
	if (o < len) {
		add_bytes(p, &fx_leftover, at + o, len - o);
		packet_problem(p, SEV_ERROR, "ip.opt.len", "ip.option.len.bad", at + 1,
			       _("%s length %u is not 3 + 4 × addresses: the last %u bytes are no "
				 "whole address"),
			       kind_name(kind), len, len - o);
	}
}

static void decode_timestamp(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	uint8_t ptr = 0, of = 0;
	cur_u8(&p->bytes, at + 2, &ptr);
	cur_u8(&p->bytes, at + 3, &of);
	add_row(p, &f_ptr, at + 2);
	add_row(p, &f_overflow, at + 3);
	add_row(p, &f_flag, at + 3);
	unsigned flag = of & 15;
	unsigned slot = flag == 1 || flag == 3 ? 8 : 4;
	if (flag != 0 && flag != 1 && flag != 3)
		packet_problem(p, SEV_ERROR, "ip.opt.flag", "ip.option.ts.flag.bad", at + 3,
			       _("timestamp flag %u is not one RFC 791 defines (0, 1 or 3)"), flag);
	if (ptr < 5)
		packet_problem(p, SEV_ERROR, "ip.opt.ptr", "ip.option.ptr.bad", at + 2,
			       _("timestamp pointer %u points before the first entry (it must be "
				 "at least 5)"),
			       ptr);
	else if (ptr <= len && (ptr - 5u) % slot)
		packet_problem(p, SEV_ERROR, "ip.opt.ptr", "ip.option.ptr.bad", at + 2,
			       _("timestamp pointer %u points into the middle of a %u-byte entry"),
			       ptr, slot);
	unsigned o = 4;
	for (; o + slot <= len; o += slot) {
		if (slot == 8)
			add_row(p, &f_ts_addr, at + o);
		add_row(p, &f_ts, at + o + slot - 4);
	}
	if (o < len) {
		add_bytes(p, &fx_leftover, at + o, len - o);
		packet_problem(p, SEV_ERROR, "ip.opt.len", "ip.option.len.bad", at + 1,
			       _("timestamp length %u is not 4 + %u × entries: the last %u bytes are "
				 "no whole entry"),
			       len, slot, len - o);
	}
}

static void decode_security(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	uint16_t level = 0;
	if (len == 11 && cur_be16(&p->bytes, at + 2, &level) &&
	    value_name_find(sec_rfc791_names, level)) {
		/* RFC 791's 11-byte form */
		add_row(p, &f_sec791, at + 2);
		add_row(p, &f_sec791_comp, at + 4);
		add_row(p, &f_sec791_hr, at + 6);
		add_row(p, &f_sec791_tcc, at + 8);
		return;
	}
	add_row(p, &f_sec_cl, at + 2);
	bool first = true;
	for (unsigned o = 3; o < len; o++) {
		uint8_t b = 0;
		cur_u8(&p->bytes, at + o, &b);
		add_row(p, &f_sec_flags, at + o);
		if (first) {
			add_row(p, &f_sec_genser, at + o);
			add_row(p, &f_sec_siop, at + o);
			add_row(p, &f_sec_sci, at + o);
			add_row(p, &f_sec_nsa, at + o);
			add_row(p, &f_sec_doe, at + o);
			add_row(p, &f_sec_unass, at + o);
		} else {
			add_row(p, &f_sec_unass2, at + o);
		}
		add_row(p, &f_sec_fti, at + o);
		first = false;
		if (!(b & 1)) {
			if (o + 1 < len)
				packet_problem(p, SEV_WARNING, "ip.opt.len", "ip.option.sec.extra",
					       at + o + 1,
					       _("%u bytes follow the last protection authority byte "
						 "inside the security option"),
					       len - o - 1);
			break;
		}
		if (o + 1 == len)
			packet_problem(p, SEV_WARNING, "ip.opt.sec_prot_auth_fti",
				       "ip.option.sec.fti", at + o,
				       _("the last protection authority byte says another one "
					 "follows (its low bit is 1), but the option ends"));
	}
}

static void decode_esec(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	add_row(p, &f_esec_code, at + 2);
	add_bytes(p, &f_esec_info, at + 3, len > 3 ? len - 3 : 0);
}

static void decode_cipso(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	add_row(p, &f_cipso_doi, at + 2);
	add_bytes(p, &f_cipso_tags, at + 6, len - 6);
}

static void decode_ra(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	(void)len;
	add_row(p, &f_ra, at + 2);
}

static void decode_sid(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	(void)len;
	add_row(p, &f_sid, at + 2);
}

static void decode_mtu(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	(void)len;
	add_row(p, &f_mtu, at + 2);
}

static void decode_traceroute(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	(void)len;
	add_row(p, &f_tr_id, at + 2);
	add_row(p, &f_tr_ohc, at + 4);
	add_row(p, &f_tr_rhc, at + 6);
	add_row(p, &f_tr_orig, at + 8);
}

static void decode_sdb(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	unsigned o = 2;
	for (; o + 4 <= len; o += 4)
		add_row(p, &f_sdb_addr, at + o);
	add_bytes(p, &fx_leftover, at + o, len - o);
}

static void decode_qs(struct packet *p, uint32_t at, unsigned len, struct walk *w)
{
	(void)w;
	(void)len;
	uint8_t cmd = 0;
	cur_u8(&p->bytes, at + 2, &cmd);
	add_row(p, &f_qs_func, at + 2);
	if (cmd >> 4 == 0) {
		add_row(p, &f_qs_rate, at + 2);
		add_row(p, &f_qs_ttl, at + 3);
	} else if (cmd >> 4 == 8) {
		add_row(p, &f_qs_rate, at + 2);
		add_row(p, &f_qs_unused, at + 3);
	} else {
		return;
	}
	add_row(p, &f_qs_nonce, at + 4);
	add_row(p, &f_qs_reserved, at + 4);
}

typedef void (*option_decoder)(struct packet *p, uint32_t at, unsigned len, struct walk *w);

/* The kinds Wireshark knows (it shows nothing for other kinds).  fixed: the
 * length must be len_min; else len_min is the least a decoder can read. */
static const struct option_kind {
	uint8_t kind;
	uint8_t len_min;
	bool fixed;
	const struct field_def *group;
	option_decoder decode;
} option_kinds[] = {
	{7, 3, false, &g_rr, decode_route},
	{11, 4, true, &g_mtup, decode_mtu},
	{12, 4, true, &g_mtur, decode_mtu},
	{25, 8, true, &g_qs, decode_qs},
	{68, 4, false, &g_ts, decode_timestamp},
	{82, 12, true, &g_tr, decode_traceroute},
	{130, 3, false, &g_sec, decode_security},
	{131, 3, false, &g_lsrr, decode_route},
	{133, 3, false, &g_esec, decode_esec},
	{134, 6, false, &g_cipso, decode_cipso},
	{136, 4, true, &g_sid, decode_sid},
	{137, 3, false, &g_ssrr, decode_route},
	{148, 4, true, &g_ra, decode_ra},
	{149, 2, false, &g_sdb, decode_sdb},
};

static const struct option_kind *find_kind(uint8_t kind)
{
	for (size_t i = 0; i < sizeof(option_kinds) / sizeof(option_kinds[0]); i++)
		if (option_kinds[i].kind == kind)
			return &option_kinds[i];
	return NULL;
}

/* The rest of the area from a broken option on, with its type (and length
 * when there is one) under hexplain's names: Wireshark shows none of them. */
static void malformed(struct packet *p, uint32_t at, uint32_t end, bool has_len)
{
	size_t have = cur_avail(&p->bytes, at);
	uint32_t n = end - at;
	if (n > have)
		n = (uint32_t)have;
	packet_add_field(p, &g_malformed, at, n, 0);
	add_type(p, at, false);
	if (has_len)
		add_row(p, &fx_len, at + 1);
}

/* One option whose length byte is sane and whose bytes are all captured;
 * false when the walk must stop after it. */
static bool decode_option(struct packet *p, uint8_t kind, uint32_t at, unsigned len,
			  struct walk *w)
{
	const struct option_kind *k = find_kind(kind);
	if (!k) {
		packet_add_field(p, &g_unknown, at, len, 0);
		add_type(p, at, false);
		add_row(p, &fx_len, at + 1);
		add_bytes(p, &fx_data, at + 2, len - 2);
		packet_problem(p, SEV_WARNING, "hexplain.ip.options.unknown", "ip.option.unknown",
			       at, _("IP option type %u has no meaning hexplain knows; its %u bytes "
				     "are shown raw"),
			       kind, len);
		return true;
	}
	packet_add_field(p, k->group, at, len, 0);
	add_type(p, at, true);
	add_row(p, &f_len, at + 1);
	if (len < k->len_min) {
		if (kind == 68 && len >= 3)
			add_row(p, &f_ptr, at + 2);
		len_problem(p, at, kind, len, k->len_min, k->fixed);
		/* too short to hold its own fields: do not trust what follows */
		return false;
	}
	if (k->fixed && len != k->len_min) {
		len_problem(p, at, kind, len, k->len_min, true);
		w->clean = false;
	}
	k->decode(p, at, len, w);
	return true;
}

void decode_ipv4_options(struct packet *p, uint32_t off, uint32_t len)
{
	uint32_t end = off + len;
	struct walk w = {true, false};
	for (uint32_t at = off; at < end;) {
		uint8_t kind = 0, olen = 0;
		/* the IPv4 decoder has reported a capture cut inside the header */
		if (!cur_u8(&p->bytes, at, &kind))
			return;
		if (kind == 0) {
			packet_add_field(p, &g_eol, at, 1, 0);
			add_type(p, at, true);
			at++;
			if (at < end) {
				uint32_t n = end - at;
				size_t have = cur_avail(&p->bytes, at);
				if (n > have)
					n = (uint32_t)have;
				if (n > 0)
					packet_add_field(p, &g_padding, at, n, 0);
				const uint8_t *b = cur_bytes(&p->bytes, at, n);
				for (uint32_t i = 0; b && i < n; i++) {
					if (b[i] != 0) {
						packet_problem(p, SEV_WARNING,
							       "hexplain.ip.options.padding",
							       "ip.option.padding.nonzero", at + i,
							       _("byte %u after the end-of-list option "
								 "is 0x%02x: padding must be zero "
								 "(RFC 791)"),
							       at + i, b[i]);
						break;
					}
				}
			}
			return;
		}
		if (kind == 1) {
			packet_add_field(p, &g_nop, at, 1, 0);
			add_type(p, at, true);
			at++;
			continue;
		}
		if (at + 1 >= end) {
			malformed(p, at, end, false);
			packet_problem(p, SEV_ERROR, "hexplain.ip.options.malformed",
				       "ip.option.len.missing", at,
				       _("option type %u (%s) is the last byte of the options: its "
					 "length byte is missing"),
				       kind, kind_name(kind));
			return;
		}
		if (!cur_u8(&p->bytes, at + 1, &olen))
			return;
		if (olen < 2) {
			malformed(p, at, end, true);
			packet_problem(p, SEV_ERROR, "hexplain.ip.opt.len", "ip.option.len.bad",
				       at + 1,
				       _("option type %u says its length is %u, less than its own type "
					 "and length bytes: the options cannot be read on from here"),
				       kind, olen);
			return;
		}
		if (olen > end - at) {
			malformed(p, at, end, true);
			packet_problem(p, SEV_ERROR, "hexplain.ip.opt.len", "ip.option.len.beyond",
				       at + 1,
				       _("option type %u says its length is %u, but only %u bytes of "
					 "options are left: it runs past the header's end"),
				       kind, olen, end - at);
			return;
		}
		if (!cur_has(&p->bytes, at, olen))
			return;
		if (!decode_option(p, kind, at, olen, &w))
			return;
		at += olen;
	}
}
