/* check_reassembly.c - IPv4 and IPv6 fragment reassembly across packets.
 *
 * The fragments are the corpus's real ones (ipv4-fragments.pcap, Linux
 * cooked v1; ipv6-ext.pcap packets 2 and 3, Ethernet).  Expected values
 * come from tshark 4.0 with reassembly on and UDP checksums checked
 * (tshark -o udp.check_checksum:TRUE): the UDP datagram over IPv4 is 80
 * bytes with checksum 0xd2eb, good, from frames 1, 2, 3; over IPv6 88 bytes,
 * 0xffeb, good, from frames 2, 3. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/reassembly.h"
#include "check_util.h"
#include "decode/decode.h"
#include "render/render.h"

/* ipv4-fragments.pcap: UDP 127.0.0.1:40000 → :11111, id 0x0d0d, data bytes
 * 0–23 (MF), 24–47 (MF, offset 3), 48–79 (offset 6) */
static const char *const V4[3] = {
	"00040304000600000000000000000800 4500002c0d0d200040114fb27f0000017f000001"
	"9c402b670050d2eb 667261676d656e74206d6520706c6561",
	"00000304000600000000000000000800 4500002c0d0d200340114faf7f0000017f000001"
	"73652120667261676d656e74206d6520706c656173652120",
	"00000304000600000000000000000800 450000340d0d000640116fa47f0000017f000001"
	"667261676d656e74206d6520706c6561736521202d2d20656e64206f66206974",
};

/* ipv6-ext.pcap packets 2 and 3: 2001:db8::10 → 2001:db8::20, fragment id
 * 0x00c0ffee, bytes 0–47 (M) and 48–87 */
static const char *const V6[2] = {
	"02005e00531402005e00536186dd 6000000000382c40"
	"20010db8000000000000000000000010 20010db8000000000000000000000020"
	"1100000100c0ffee 9c421b5a0058ffeb"
	"30313233343536373839616263646566303132333435363738396162636465663031323334353637",
	"02005e00531402005e00536186dd 6000000000302c40"
	"20010db8000000000000000000000010 20010db8000000000000000000000020"
	"1100003000c0ffee"
	"38396162636465663031323334353637383961626364656630313233343536373839616263646566",
};

/* One decoded input packet: its own bytes and packet, as main.c has. */
struct input {
	uint8_t bytes[256];
	struct packet p;
};

static struct input *make(const char *hex, enum link_type link)
{
	struct input *in = calloc(1, sizeof(*in));
	size_t n = hex_bytes(hex, in->bytes, sizeof(in->bytes));
	packet_init(&in->p);
	packet_reset(&in->p, in->bytes, n, link);
	decode_packet(&in->p);
	return in;
}

static void drop(struct input *in)
{
	packet_free(&in->p);
	free(in);
}

static const struct reasm_done *feed(struct reassembler *r, const char *hex, enum link_type link,
				     unsigned long number)
{
	struct input *in = make(hex, link);
	const struct reasm_done *d = reasm_feed(r, &in->p, number, "test", number);
	drop(in);
	return d;
}

static void assert_packets(const struct reasm_done *d, const unsigned long *want, size_t n)
{
	ck_assert_uint_eq(d->npackets, n);
	for (size_t i = 0; i < n; i++)
		ck_assert_uint_eq(d->packets[i], want[i]);
}

/* The 72-byte UDP payload the three fragments carry, after the 8-byte header. */
static const char PAYLOAD[] = "fragment me please! fragment me please! fragment me please! -- end of it";

static void assert_v4_datagram(const struct packet *q)
{
	ck_assert_uint_eq(q->bytes.len, 100);
	ck_assert_field_eq(q, "ip.len", 100);
	ck_assert_field_eq(q, "ip.flags.mf", 0);
	ck_assert_field_eq(q, "ip.frag_offset", 0);
	ck_assert_field_eq(q, "ip.id", 0x0d0d);
	ck_assert_field_eq(q, "ip.checksum.status", 1); /* recomputed: good */
	ck_assert_field_eq(q, "udp.length", 80);
	ck_assert_field_eq(q, "udp.checksum", 0xd2eb);
	ck_assert_field_eq(q, "udp.checksum.status", 1); /* tshark: good */
	const uint8_t *b = cur_bytes(&q->bytes, 28, 72);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(memcmp(b, PAYLOAD, 72), 0);
}

START_TEST(ipv4_in_order)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 2));
	const struct reasm_done *d = feed(r, V4[2], LINK_SLL, 3);
	ck_assert_ptr_nonnull(d);
	assert_packets(d, (const unsigned long[]){1, 2, 3}, 3);
	assert_v4_datagram(d->packet);
	ck_assert(!has_problem(d->packet, "reasm.overlap.differs"));
	ck_assert(!has_problem(d->packet, "reasm.duplicate"));
	ck_assert_uint_eq(reasm_pending(r, NULL), 0);
	reasm_free(r);
}
END_TEST

START_TEST(ipv4_out_of_order)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V4[2], LINK_SLL, 1)); /* the last one first */
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 2));
	const struct reasm_done *d = feed(r, V4[1], LINK_SLL, 3);
	ck_assert_ptr_nonnull(d);
	assert_packets(d, (const unsigned long[]){1, 2, 3}, 3);
	assert_v4_datagram(d->packet);
	reasm_free(r);
}
END_TEST

START_TEST(ipv4_duplicate_fragment)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 2));
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 3));
	const struct reasm_done *d = feed(r, V4[2], LINK_SLL, 4);
	ck_assert_ptr_nonnull(d);
	assert_packets(d, (const unsigned long[]){1, 2, 3, 4}, 4);
	assert_v4_datagram(d->packet);
	ck_assert(has_problem(d->packet, "reasm.duplicate"));
	ck_assert(!has_problem(d->packet, "reasm.overlap.differs"));
	reasm_free(r);
}
END_TEST

/* Fragment 2 again, its data changed ("se! " → "XXX "), sent after the
 * original: the first copy stays, and the difference is an error. */
START_TEST(ipv4_overlap_with_different_bytes)
{
	char evil[512];
	snprintf(evil, sizeof(evil), "%s",
		 "00000304000600000000000000000800 4500002c0d0d200340114faf7f0000017f000001"
		 "58585820667261676d656e74206d6520706c656173652120");
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 2));
	ck_assert_ptr_null(feed(r, evil, LINK_SLL, 3));
	const struct reasm_done *d = feed(r, V4[2], LINK_SLL, 4);
	ck_assert_ptr_nonnull(d);
	ck_assert(has_problem(d->packet, "reasm.overlap.differs"));
	/* the bytes that came first are the ones shown, so the checksum holds */
	assert_v4_datagram(d->packet);
	int errors = 0;
	for (size_t i = 0; i < d->packet->nproblems; i++)
		errors += d->packet->problems[i].severity == SEV_ERROR;
	ck_assert_int_eq(errors, 1);
	reasm_free(r);
}
END_TEST

/* Fragments 1 and 3: bytes 24–47 never come.  Nothing completes, and the
 * end-of-input report names the gap. */
START_TEST(ipv4_gap_reported_at_end)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	ck_assert_ptr_null(feed(r, V4[2], LINK_SLL, 2));
	size_t bytes = 0;
	ck_assert_uint_eq(reasm_pending(r, &bytes), 1);
	ck_assert_uint_eq(bytes, 24 + 32);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct diag dg = {.out = f};
	ck_assert_uint_eq(reasm_finish(r, &dg), 1);
	fclose(f);
	ck_assert_uint_eq(dg.warnings, 1);
	ck_assert_msg(strstr(text, "bytes 24–47") != NULL, "no gap in: %s", text);
	ck_assert_msg(strstr(text, "packets 1, 2") != NULL, "no packets in: %s", text);
	ck_assert_msg(strstr(text, "0x0d0d") != NULL, "no id in: %s", text);
	ck_assert_uint_eq(reasm_pending(r, NULL), 0);
	free(text);
	reasm_free(r);
}
END_TEST

START_TEST(ipv4_last_fragment_missing)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 2));
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct diag dg = {.out = f};
	ck_assert_uint_eq(reasm_finish(r, &dg), 1);
	fclose(f);
	ck_assert_msg(strstr(text, "MF 0) never came") != NULL, "%s", text);
	free(text);
	reasm_free(r);
}
END_TEST

START_TEST(ipv6_fragments_from_corpus)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V6[0], LINK_ETHER, 2));
	const struct reasm_done *d = feed(r, V6[1], LINK_ETHER, 3);
	ck_assert_ptr_nonnull(d);
	assert_packets(d, (const unsigned long[]){2, 3}, 2);
	const struct packet *q = d->packet;
	ck_assert_int_eq(q->link, LINK_IPV6);
	ck_assert_uint_eq(q->bytes.len, 40 + 88);
	ck_assert_field_eq(q, "ipv6.plen", 88);
	ck_assert_field_eq(q, "ipv6.nxt", 17);
	ck_assert_no_field(q, "ipv6.fraghdr.ident");
	ck_assert_field_eq(q, "udp.srcport", 40002);
	ck_assert_field_eq(q, "udp.length", 88);
	ck_assert_field_eq(q, "udp.checksum", 0xffeb);
	ck_assert_field_eq(q, "udp.checksum.status", 1);
	reasm_free(r);
}
END_TEST

/* An atomic fragment (offset 0, M 0; ipv6-ext.pcap packet 1) is whole
 * already: nothing waits for it. */
START_TEST(ipv6_atomic_fragment_is_not_kept)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r,
		"02005e00531402005e00536186dd600123450064004020010db8000000000000000000000010"
		"20010db8000000000000000000000001 2b00050200000000 2c04000200000000"
		"20010db8000000000000000000000002 20010db8000000000000000000000020"
		"3c0000000badcafe 1100010400000000 9c411b590024536c"
		"7468726f75676820746865206578742d68656164657220636861696e",
		LINK_ETHER, 1));
	ck_assert_uint_eq(reasm_pending(r, NULL), 0);
	reasm_free(r);
}
END_TEST

/* At most two datagrams wait: a third pushes out the oldest, with a note on
 * the packet that did, and the dropped one can no longer complete. */
START_TEST(memory_bound_on_datagrams)
{
	struct reassembler *r = reasm_new(2, 65536);
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	/* the same first fragment over IPv6 and a second IPv4 identification */
	ck_assert_ptr_null(feed(r, V6[0], LINK_ETHER, 2));
	struct input *in = make("00040304000600000000000000000800 4500002c0d0e200040114fb17f0000017f000001"
				"9c402b670050d2eb667261676d656e74206d6520706c6561",
				LINK_SLL);
	ck_assert_ptr_null(reasm_feed(r, &in->p, 3, "test", 3));
	ck_assert(has_problem(&in->p, "reasm.dropped"));
	drop(in);
	ck_assert_uint_eq(reasm_pending(r, NULL), 2);
	/* datagram 0x0d0d was the oldest: its other fragments start it anew */
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 4));
	ck_assert_ptr_null(feed(r, V4[2], LINK_SLL, 5));
	reasm_free(r);
}
END_TEST

START_TEST(memory_bound_on_bytes)
{
	struct reassembler *r = reasm_new(8, 50); /* room for two 24-byte fragments */
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 2));
	size_t bytes = 0;
	ck_assert_uint_eq(reasm_pending(r, &bytes), 1);
	ck_assert_uint_eq(bytes, 48);
	/* the third (32 bytes) does not fit: the datagram is given up */
	struct input *in = make(V4[2], LINK_SLL);
	ck_assert_ptr_null(reasm_feed(r, &in->p, 3, "test", 3));
	ck_assert(has_problem(&in->p, "reasm.too_much"));
	drop(in);
	ck_assert_uint_eq(reasm_pending(r, &bytes), 0);
	ck_assert_uint_eq(bytes, 0);
	reasm_free(r);
}
END_TEST

/* A fragment whose data the capture cut cannot be used; it says so. */
START_TEST(cut_fragment_is_not_used)
{
	struct reassembler *r = reasm_new(8, 65536);
	struct input *in = make("00040304000600000000000000000800 4500002c0d0d200040114fb27f0000017f000001"
				"9c402b670050d2eb6672",
				LINK_SLL);
	ck_assert_ptr_null(reasm_feed(r, &in->p, 1, "test", 1));
	ck_assert(has_problem(&in->p, "reasm.cut"));
	drop(in);
	ck_assert_uint_eq(reasm_pending(r, NULL), 0);
	reasm_free(r);
}
END_TEST

/* The views: JSON stays one object (one line) per input packet, the
 * datagram inside the completing fragment's object under "reassembled";
 * the explain view adds a section after the fragment, the brief view a line. */
START_TEST(views_show_the_datagram_after_its_last_fragment)
{
	struct reassembler *r = reasm_new(8, 65536);
	ck_assert_ptr_null(feed(r, V4[0], LINK_SLL, 1));
	ck_assert_ptr_null(feed(r, V4[1], LINK_SLL, 2));
	struct input *in = make(V4[2], LINK_SLL);
	const struct reasm_done *d = reasm_feed(r, &in->p, 3, "test", 3);
	ck_assert_ptr_nonnull(d);
	struct record_info ri = {.number = 3, .source = "test", .line = 3, .summary = "",
				 .link_reason = "", .width = 80, .reassembled = d->packet,
				 .reassembled_from = d->packets,
				 .reassembled_count = d->npackets};
	struct strbuf o;
	sb_init(&o);
	render_json(&in->p, &ri, &o);
	ck_assert_ptr_eq(strchr(o.s, '\n'), o.s + o.len - 1); /* one line */
	ck_assert_ptr_nonnull(strstr(o.s, ",\"reassembled\":{\"packets\":[1,2,3],"));
	/* the fragment's own fields come first and hold no UDP header */
	char *reasm = strstr(o.s, "\"reassembled\"");
	char *udp = strstr(o.s, "\"udp.srcport\"");
	ck_assert_ptr_nonnull(udp);
	ck_assert(udp > reasm);
	sb_reset(&o);
	render_explain(&in->p, &ri, &o);
	ck_assert_ptr_nonnull(strstr(o.s, "reassembled datagram from packets 1, 2, 3 · 100 bytes"));
	sb_reset(&o);
	render_brief(&in->p, &ri, &o);
	ck_assert_ptr_nonnull(strstr(o.s, "reassembled from packets 1,2,3 (100 bytes)"));
	sb_free(&o);
	drop(in);
	reasm_free(r);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("reassembly");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, ipv4_in_order);
	tcase_add_test(tc, ipv4_out_of_order);
	tcase_add_test(tc, ipv4_duplicate_fragment);
	tcase_add_test(tc, ipv4_overlap_with_different_bytes);
	tcase_add_test(tc, ipv4_gap_reported_at_end);
	tcase_add_test(tc, ipv4_last_fragment_missing);
	tcase_add_test(tc, ipv6_fragments_from_corpus);
	tcase_add_test(tc, ipv6_atomic_fragment_is_not_kept);
	tcase_add_test(tc, memory_bound_on_datagrams);
	tcase_add_test(tc, memory_bound_on_bytes);
	tcase_add_test(tc, cut_fragment_is_not_used);
	tcase_add_test(tc, views_show_the_datagram_after_its_last_fragment);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
