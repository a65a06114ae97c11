/* reassembly.c - IPv4 (RFC 791 §3.2, RFC 815) and IPv6 (RFC 8200 §4.5)
 * fragment reassembly across input packets (see reassembly.h).
 *
 * What a fragment is, is read from the fields its decoders found (ip.*,
 * ipv6.fraghdr.*), never from the bytes by position; its data is copied
 * through the cursor.  Overlapping fragments are kept in arrival order, the
 * first copy of a byte winning, and every overlap is reported: identical
 * bytes are a harmless duplicate, different bytes are what IDS evasion is
 * made of (RFC 5722 forbids overlaps in IPv6 for that reason). */
#include "reassembly.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/checksum.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "decode/decode.h"
#include "decode/explain_util.h"

struct frag {
	uint32_t start, len; /* which bytes of the datagram's data it carries */
	uint8_t *data;
	unsigned long number; /* the input packet it came in */
};

struct pending {
	bool used;
	int family; /* 4 or 6 */
	uint8_t src[16], dst[16];
	uint32_t id;
	uint8_t proto;
	uint8_t *head;      /* the first fragment's header (IPv6: unfragmentable part) */
	uint32_t head_len;
	uint32_t nxt_at;    /* IPv6: where in head the next header pointing at the
			     * fragment header lies */
	bool have_last;     /* a fragment with MF 0 came: the size is known */
	uint32_t total;     /* data bytes, from the last fragment */
	struct frag *frags;
	size_t nfrags, cap;
	size_t bytes;       /* fragment data held */
	unsigned long age;  /* when the first fragment came, for eviction */
	char *source;
	unsigned long line;
};

struct reassembler {
	struct pending *slots;
	size_t max_datagrams, max_bytes, bytes;
	unsigned long clock;
	uint8_t *buf;       /* the reassembled datagram */
	struct packet out;
	unsigned long *numbers;
	struct reasm_done done;
};

/* One fragment as its decoded fields describe it. */
struct frag_info {
	int family;
	const uint8_t *src, *dst;
	uint32_t id;
	uint8_t proto;
	uint32_t start;
	bool more;
	uint32_t data_off, data_len; /* in the input packet */
	uint32_t head_off, head_len;
	uint32_t nxt_off;            /* IPv6: absolute offset of the next-header byte to patch */
};

static void *xalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);
	if (!p)
		abort();
	return p;
}

static const struct field *layer_field(const struct packet *p, size_t l, const char *name)
{
	return packet_find_in_layer(p, l, name);
}

static bool ipv4_fragment(const struct packet *p, size_t l, struct frag_info *fi)
{
	const struct field *mf = layer_field(p, l, "ip.flags.mf");
	const struct field *fo = layer_field(p, l, "ip.frag_offset");
	if (!mf || !fo || (!mf->value && !fo->value))
		return false; /* a whole datagram: no need to look further */
	const struct field *hl = layer_field(p, l, "ip.hdr_len");
	const struct field *len = layer_field(p, l, "ip.len");
	const struct field *id = layer_field(p, l, "ip.id");
	const struct field *proto = layer_field(p, l, "ip.proto");
	const struct field *src = layer_field(p, l, "ip.src");
	const struct field *dst = layer_field(p, l, "ip.dst");
	if (!mf || !fo || !hl || !len || !id || !proto || !src || !dst)
		return false;
	if (!mf->value && !fo->value)
		return false; /* a whole datagram */
	if (hl->value < 20 || len->value < hl->value)
		return false;
	uint16_t wire_len = 0;
	if (cur_be16(&p->bytes, len->offset, &wire_len) && wire_len == 0)
		return false; /* TSO/GRO: ip.len is the bytes carried, not a datagram's */
	fi->family = 4;
	fi->src = cur_bytes(&p->bytes, src->offset, 4);
	fi->dst = cur_bytes(&p->bytes, dst->offset, 4);
	fi->id = (uint32_t)id->value;
	fi->proto = (uint8_t)proto->value;
	fi->start = (uint32_t)fo->value * 8;
	fi->more = mf->value != 0;
	fi->head_off = p->layers[l].offset;
	fi->head_len = (uint32_t)hl->value;
	fi->data_off = fi->head_off + fi->head_len;
	fi->data_len = (uint32_t)(len->value - hl->value);
	return fi->src && fi->dst;
}

static bool ipv6_fragment(const struct packet *p, size_t l, struct frag_info *fi)
{
	const struct field *fo = layer_field(p, l, "ipv6.fraghdr.offset");
	const struct field *m = layer_field(p, l, "ipv6.fraghdr.more");
	const struct field *id = layer_field(p, l, "ipv6.fraghdr.ident");
	const struct field *nxt = layer_field(p, l, "ipv6.fraghdr.nxt");
	if (!fo || !m || !id || !nxt)
		return false;
	if (!fo->value && !m->value)
		return false; /* an atomic fragment (RFC 6946): already whole */
	size_t ip = l;
	while (ip-- > 0)
		if (strcmp(p->layers[ip].proto, "ipv6") == 0 && !p->layers[ip].quoted)
			break;
	if (ip == (size_t)-1)
		return false;
	const struct field *plen = layer_field(p, ip, "ipv6.plen");
	const struct field *src = layer_field(p, ip, "ipv6.src");
	const struct field *dst = layer_field(p, ip, "ipv6.dst");
	if (!plen || !src || !dst || plen->value == 0)
		return false;
	uint32_t ip_off = p->layers[ip].offset, frag_off = p->layers[l].offset;
	uint32_t end = ip_off + 40 + (uint32_t)plen->value;
	if (end < frag_off + 8)
		return false;
	/* the next-header field that names the fragment header: the last one before it */
	uint32_t nxt_off = UINT32_MAX;
	for (size_t i = 0; i < p->nfields; i++) {
		const struct field *f = &p->fields[i];
		size_t n = strlen(f->def->name);
		if (f->generated || f->value != 44 || f->offset < ip_off || f->offset >= frag_off ||
		    n < 4 || strcmp(f->def->name + n - 4, ".nxt") != 0)
			continue;
		if (nxt_off == UINT32_MAX || f->offset > nxt_off)
			nxt_off = f->offset;
	}
	if (nxt_off == UINT32_MAX)
		return false;
	fi->family = 6;
	fi->src = cur_bytes(&p->bytes, src->offset, 16);
	fi->dst = cur_bytes(&p->bytes, dst->offset, 16);
	fi->id = (uint32_t)id->value;
	fi->proto = (uint8_t)nxt->value;
	fi->start = (uint32_t)fo->value * 8;
	fi->more = m->value != 0;
	fi->head_off = ip_off;
	fi->head_len = frag_off - ip_off;
	fi->nxt_off = nxt_off;
	fi->data_off = frag_off + 8;
	fi->data_len = end - fi->data_off;
	return fi->src && fi->dst;
}

/* The outermost IP layer (not a quoted copy) that is a fragment. */
static bool find_fragment(const struct packet *p, struct frag_info *fi)
{
	for (size_t l = 0; l < p->nlayers; l++) {
		if (p->layers[l].quoted)
			continue;
		if (strcmp(p->layers[l].proto, "ip") == 0 && ipv4_fragment(p, l, fi))
			return true;
		if (strcmp(p->layers[l].proto, "ipv6.fraghdr") == 0 && ipv6_fragment(p, l, fi))
			return true;
	}
	return false;
}

static void address_text(int family, const uint8_t *a, char out[46])
{
	if (family == 4)
		snprintf(out, 46, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	else
		ipv6_format(a, out);
}

static void drop_pending(struct reassembler *r, struct pending *d)
{
	for (size_t i = 0; i < d->nfrags; i++)
		free(d->frags[i].data);
	r->bytes -= d->bytes;
	free(d->frags);
	free(d->head);
	free(d->source);
	memset(d, 0, sizeof(*d));
}

static void put_numbers(struct strbuf *o, const struct pending *d)
{
	unsigned long last = 0;
	bool first = true;
	/* fragments are kept in arrival order, so the numbers ascend */
	for (size_t i = 0; i < d->nfrags; i++) {
		if (!first && d->frags[i].number == last)
			continue;
		sb_printf(o, first ? "%lu" : ", %lu", d->frags[i].number);
		last = d->frags[i].number;
		first = false;
	}
}

static void describe(struct strbuf *o, const struct pending *d)
{
	char s[46], t[46];
	address_text(d->family, d->src, s);
	address_text(d->family, d->dst, t);
	sb_printf(o, _("datagram %s → %s, identification 0x%0*x, protocol %u, fragments in "
		       "packets "),
		  s, t, d->family == 4 ? 4 : 8, (unsigned)d->id, d->proto);
	put_numbers(o, d);
}

/* Makes room by dropping the datagram that has waited longest. */
static void evict_oldest(struct reassembler *r, struct packet *p, const struct pending *keep)
{
	struct pending *old = NULL;
	for (size_t i = 0; i < r->max_datagrams; i++) {
		struct pending *d = &r->slots[i];
		if (d->used && d != keep && (!old || d->age < old->age))
			old = d;
	}
	if (!old)
		return;
	struct strbuf why;
	sb_init(&why);
	describe(&why, old);
	packet_problem(p, SEV_NOTE, NULL, "reasm.dropped", 0,
		       _("reassembly memory is full (%zu datagrams, %zu bytes at most): the oldest "
			 "unfinished %s is dropped"),
		       r->max_datagrams, r->max_bytes, why.s);
	sb_free(&why);
	drop_pending(r, old);
}

static struct pending *find_pending(struct reassembler *r, const struct frag_info *fi)
{
	size_t alen = fi->family == 4 ? 4 : 16;
	for (size_t i = 0; i < r->max_datagrams; i++) {
		struct pending *d = &r->slots[i];
		if (d->used && d->family == fi->family && d->id == fi->id &&
		    d->proto == fi->proto && memcmp(d->src, fi->src, alen) == 0 &&
		    memcmp(d->dst, fi->dst, alen) == 0)
			return d;
	}
	return NULL;
}

static struct pending *new_pending(struct reassembler *r, struct packet *p,
				   const struct frag_info *fi, const char *source,
				   unsigned long line)
{
	struct pending *d = NULL;
	for (;;) {
		for (size_t i = 0; i < r->max_datagrams && !d; i++)
			if (!r->slots[i].used)
				d = &r->slots[i];
		if (d)
			break;
		evict_oldest(r, p, NULL);
	}
	size_t alen = fi->family == 4 ? 4 : 16;
	d->used = true;
	d->family = fi->family;
	memcpy(d->src, fi->src, alen);
	memcpy(d->dst, fi->dst, alen);
	d->id = fi->id;
	d->proto = fi->proto;
	d->age = r->clock++;
	d->source = xalloc(strlen(source) + 1);
	strcpy(d->source, source);
	d->line = line;
	return d;
}

/* Whether the fragments cover [0, upto) without a gap. */
static bool covered(const struct pending *d, uint32_t upto)
{
	uint32_t reach = 0;
	for (;;) {
		uint32_t next = reach;
		for (size_t i = 0; i < d->nfrags; i++) {
			const struct frag *f = &d->frags[i];
			if (f->start <= reach && f->start + f->len > next)
				next = f->start + f->len;
		}
		if (next >= upto)
			return true;
		if (next == reach)
			return false;
		reach = next;
	}
}

static bool complete(const struct pending *d)
{
	return d->head && d->have_last && covered(d, d->total);
}

/* Reports how fragment i overlaps the earlier ones. */
static void report_overlaps(struct packet *out, const struct pending *d, size_t i)
{
	const struct frag *f = &d->frags[i];
	for (size_t j = 0; j < i; j++) {
		const struct frag *e = &d->frags[j];
		uint32_t lo = f->start > e->start ? f->start : e->start;
		uint32_t hi = f->start + f->len < e->start + e->len ? f->start + f->len
								    : e->start + e->len;
		if (lo >= hi)
			continue;
		bool same = memcmp(f->data + (lo - f->start), e->data + (lo - e->start), hi - lo) == 0;
		uint32_t at = d->head_len + lo;
		if (same && f->start == e->start && f->len == e->len)
			packet_problem(out, SEV_NOTE, NULL, "reasm.duplicate", at,
				       _("packet %lu repeats the fragment of packet %lu (bytes %u–%u of "
					 "the data): a duplicate, ignored"),
				       f->number, e->number, lo, hi - 1);
		else if (same)
			packet_problem(out, SEV_NOTE, NULL, "reasm.overlap", at,
				       _("packets %lu and %lu both carry bytes %u–%u of the data, with "
					 "the same bytes: harmless, but fragments should not overlap"),
				       e->number, f->number, lo, hi - 1);
		else
			packet_problem(out, SEV_ERROR, NULL, "reasm.overlap.differs", at,
				       _("packets %lu and %lu both carry bytes %u–%u of the data, with "
					 "DIFFERENT bytes: shown are packet %lu's, which came first; a "
					 "receiver may keep either copy, which is how attacks hide data "
					 "from inspection (RFC 5722 makes overlaps an error in IPv6)"),
				       e->number, f->number, lo, hi - 1, e->number);
	}
}

static const struct reasm_done *build(struct reassembler *r, struct pending *d)
{
	size_t len = (size_t)d->head_len + d->total;
	free(r->buf);
	r->buf = xalloc(len);
	memcpy(r->buf, d->head, d->head_len);
	uint8_t *data = r->buf + d->head_len;
	/* later copies never overwrite: the first fragment to bring a byte wins */
	bool *have = xalloc(d->total);
	for (size_t i = 0; i < d->nfrags; i++) {
		const struct frag *f = &d->frags[i];
		for (uint32_t k = 0; k < f->len; k++) {
			if (have[f->start + k])
				continue;
			data[f->start + k] = f->data[k];
			have[f->start + k] = true;
		}
	}
	free(have);

	uint32_t outer = d->family == 4 ? (uint32_t)len : (uint32_t)len - 40;
	bool too_big = outer > 0xffff;
	if (d->family == 4) {
		/* the first fragment's header, rewritten to describe the whole datagram */
		r->buf[2] = (uint8_t)(outer >> 8);
		r->buf[3] = (uint8_t)outer;
		r->buf[6] &= 0xc0; /* keep the reserved bit and DF; MF 0, offset 0 */
		r->buf[7] = 0;
		r->buf[10] = r->buf[11] = 0;
		struct cursor c = {r->buf, d->head_len};
		uint32_t sum = 0;
		cksum_add(&sum, &c, 0, d->head_len);
		uint16_t ck = (uint16_t)~cksum_fold(sum);
		r->buf[10] = (uint8_t)(ck >> 8);
		r->buf[11] = (uint8_t)ck;
	} else {
		r->buf[4] = (uint8_t)(outer >> 8);
		r->buf[5] = (uint8_t)outer;
		r->buf[d->nxt_at] = d->proto;
	}

	struct packet *out = &r->out;
	packet_reset(out, r->buf, len, d->family == 4 ? LINK_IPV4 : LINK_IPV6);
	if (d->family == 4)
		packet_problem(out, SEV_NOTE, NULL, "reasm.header", 0,
			       _("the IPv4 header is the first fragment's, with the total length "
				 "(%u), MF (0) and fragment offset (0) set for the whole datagram and "
				 "its checksum computed again"),
			       outer & 0xffff);
	else
		packet_problem(out, SEV_NOTE, NULL, "reasm.header", 0,
			       _("the headers are the first fragment's unfragmentable part, without "
				 "its fragment header: next header %u and payload length %u set for "
				 "the whole packet (RFC 8200 §4.5)"),
			       d->proto, outer & 0xffff);
	if (too_big)
		packet_problem(out, SEV_ERROR, NULL, "reasm.too_big", 0,
			       _("the fragments add up to %u bytes, more than the 65535 an IP "
				 "length can say: no host may accept this datagram (the 'ping of "
				 "death')"),
			       outer);
	for (size_t i = 1; i < d->nfrags; i++)
		report_overlaps(out, d, i);
	decode_packet(out);

	free(r->numbers);
	r->numbers = xalloc(d->nfrags * sizeof(*r->numbers));
	size_t n = 0;
	for (size_t i = 0; i < d->nfrags; i++)
		if (n == 0 || r->numbers[n - 1] != d->frags[i].number)
			r->numbers[n++] = d->frags[i].number;
	r->done.packet = out;
	r->done.packets = r->numbers;
	r->done.npackets = n;
	drop_pending(r, d);
	return &r->done;
}

struct reassembler *reasm_new(size_t max_datagrams, size_t max_bytes)
{
	struct reassembler *r = xalloc(sizeof(*r));
	r->max_datagrams = max_datagrams ? max_datagrams : 1;
	r->max_bytes = max_bytes;
	r->slots = xalloc(r->max_datagrams * sizeof(*r->slots));
	packet_init(&r->out);
	return r;
}

void reasm_free(struct reassembler *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->max_datagrams; i++)
		if (r->slots[i].used)
			drop_pending(r, &r->slots[i]);
	free(r->slots);
	free(r->buf);
	free(r->numbers);
	packet_free(&r->out);
	free(r);
}

const struct reasm_done *reasm_feed(struct reassembler *r, struct packet *p,
				    unsigned long number, const char *source,
				    unsigned long line)
{
	struct frag_info fi = {0};
	if (!r || !find_fragment(p, &fi))
		return NULL;
	const uint8_t *data = cur_bytes(&p->bytes, fi.data_off, fi.data_len);
	const uint8_t *head = cur_bytes(&p->bytes, fi.head_off, fi.head_len);
	if (!data || !head) {
		packet_problem(p, SEV_NOTE, NULL, "reasm.cut", fi.data_off,
			       _("this fragment's data was not all captured, so it cannot take part "
				 "in reassembly"));
		return NULL;
	}
	if (fi.data_len > r->max_bytes) {
		packet_problem(p, SEV_NOTE, NULL, "reasm.too_much", fi.data_off,
			       _("this fragment alone holds more than the %zu bytes kept for "
				 "reassembly: not reassembled"),
			       r->max_bytes);
		return NULL;
	}
	struct pending *d = find_pending(r, &fi);
	if (!d)
		d = new_pending(r, p, &fi, source ? source : "", line);
	while (r->bytes + fi.data_len > r->max_bytes) {
		size_t before = r->bytes;
		evict_oldest(r, p, d);
		if (r->bytes == before)
			break; /* only this datagram is left: it may grow to the bound */
	}
	if (r->bytes + fi.data_len > r->max_bytes) {
		packet_problem(p, SEV_NOTE, NULL, "reasm.too_much", fi.data_off,
			       _("this datagram's fragments hold more than the %zu bytes kept for "
				 "reassembly: it is dropped"),
			       r->max_bytes);
		drop_pending(r, d);
		return NULL;
	}
	if (d->nfrags == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 4;
		struct frag *nf = realloc(d->frags, d->cap * sizeof(*nf));
		if (!nf)
			abort();
		d->frags = nf;
	}
	struct frag *f = &d->frags[d->nfrags++];
	f->start = fi.start;
	f->len = fi.data_len;
	f->number = number;
	f->data = xalloc(fi.data_len);
	memcpy(f->data, data, fi.data_len);
	d->bytes += fi.data_len;
	r->bytes += fi.data_len;
	if (fi.start == 0 && !d->head) {
		d->head = xalloc(fi.head_len);
		memcpy(d->head, head, fi.head_len);
		d->head_len = fi.head_len;
		d->nxt_at = fi.nxt_off - fi.head_off;
	}
	if (!fi.more) {
		uint32_t total = fi.start + fi.data_len;
		if (d->have_last && total != d->total)
			packet_problem(p, SEV_WARNING, NULL, "reasm.two_ends", fi.data_off,
				       _("a second last fragment (MF 0) says the data ends at byte %u, "
					 "the first said %u: kept the first"),
				       total, d->total);
		else {
			d->have_last = true;
			d->total = total;
		}
	}
	if (!complete(d))
		return NULL;
	return build(r, d);
}

/* Lists the stretches of [0, upto) no fragment carries. */
static void put_gaps(struct strbuf *o, const struct pending *d, uint32_t upto)
{
	uint32_t reach = 0;
	bool first = true;
	while (reach < upto) {
		bool grew = true;
		while (grew) {
			grew = false;
			for (size_t i = 0; i < d->nfrags; i++) {
				const struct frag *f = &d->frags[i];
				if (f->start <= reach && f->start + f->len > reach) {
					reach = f->start + f->len;
					grew = true;
				}
			}
		}
		if (reach >= upto)
			break;
		uint32_t after = upto;
		for (size_t i = 0; i < d->nfrags; i++)
			if (d->frags[i].start > reach && d->frags[i].start < after)
				after = d->frags[i].start;
		sb_printf(o, first ? _("; missing: bytes %u–%u of the data") : _(", bytes %u–%u"),
			  reach, after - 1);
		first = false;
		reach = after;
	}
}

size_t reasm_finish(struct reassembler *r, struct diag *dg)
{
	size_t n = 0;
	if (!r)
		return 0;
	/* oldest first, as they came */
	for (;;) {
		struct pending *d = NULL;
		for (size_t i = 0; i < r->max_datagrams; i++)
			if (r->slots[i].used && (!d || r->slots[i].age < d->age))
				d = &r->slots[i];
		if (!d)
			break;
		struct strbuf m;
		sb_init(&m);
		describe(&m, d);
		sb_puts(&m, _(": never completed"));
		uint32_t upto = d->total;
		if (!d->have_last) {
			upto = 0;
			for (size_t i = 0; i < d->nfrags; i++)
				if (d->frags[i].start + d->frags[i].len > upto)
					upto = d->frags[i].start + d->frags[i].len;
		}
		put_gaps(&m, d, upto);
		if (!d->head)
			sb_puts(&m, _("; the first fragment (offset 0), which holds the header, never "
				      "came"));
		if (!d->have_last)
			sb_printf(&m, _("; the last fragment (MF 0) never came, so the size is "
					"unknown (the data seen reaches byte %u)"),
				  upto ? upto - 1 : 0);
		diag_report(dg, SEV_WARNING, d->source, d->line, 0, NULL, "%s", m.s);
		sb_free(&m);
		drop_pending(r, d);
		n++;
	}
	return n;
}

size_t reasm_pending(const struct reassembler *r, size_t *bytes)
{
	size_t n = 0;
	for (size_t i = 0; i < r->max_datagrams; i++)
		n += r->slots[i].used;
	if (bytes)
		*bytes = r->bytes;
	return n;
}
