/* check_linkguess.c - finding what a dump starts with, from its bytes and tcpdump's summary.
 *
 * The byte strings are packets of the corpus as tcpdump -x (network header
 * first) or -xx (link header first) prints them; the expected answer is the
 * capture's link type or the network layer behind it.
 */
#include <string.h>

#include "check_util.h"
#include "input/linkguess.h"

/* seed-003: IPv4/TCP, 56 bytes, checksum correct */
#define SEED_003                                                                            \
	"45000038106d400040062c517f0000017f000001 1e61c0ea1c88a9f9d0482bf6801800e5fe2c0000" \
	"0101080a0017c23c8cbd9fc032323333"
/* raw-ip frame 2: IPv6/TCP, 71 bytes */
#define RAW_IPV6                                                                            \
	"60000777001f063a20010db8000000000000000000000005 20010db8000000000000000000000006" \
	"c00003e1fffffff07fffffff5018ffffb566000061303031204e4f4f500d0a"
/* eth-padding frame 1: Ethernet, IPv4/TCP, 6-byte trailer */
#define ETH_TRAILER                                                                         \
	"02005e00531402005e00530a0800 45000028e00140004006d6b6c000020bc000020c"             \
	"a02800500000138800001770501003e85c640000c0ffee123456"
/* arp frame 1 */
#define ARP_BODY "000108000604000102005e00530ac000020a000000000000c0000201"
#define ARP_FRAME "ffffffffffff02005e00530a0806" ARP_BODY
/* ipv4-fragments frame 1: Linux cooked v1 */
#define SLL_FRAME                                                                           \
	"00040304000600000000000000000800 4500002c0d0d200040114fb27f0000017f000001"         \
	"9c402b670050d2eb667261676d656e74206d6520706c6561"
/* udp-dns frame 1: Linux cooked v2 */
#define SLL2_FRAME                                                                          \
	"0800000000000001030404060000000000000000 450000399a0100004011e27c7f0000017f000035" \
	"d0a30035002546fc1a2b01000001000000000000076578616d706c6503636f6d0000010001"
/* null-loopback frame 1 (little-endian family 2) and 3 (family 30, macOS IPv6) */
#define NULL_IPV4                                                                           \
	"020000004500002f0101400040063bc67f0000017f000001ea6002770000000100000001501818eb"  \
	"7ca600006e756c6c207634"
#define NULL_MACOS_IPV6                                                                     \
	"1e00000060000000000b3a400000000000000000000000000000000100000000000000000000000000" \
	"0000018000af53000100026d6163"
/* loop-openbsd frame 2: family 24 in network order, IPv6/TCP */
#define LOOP_IPV6                                                                           \
	"0000001860000000001806400000000000000000000000000000000100000000000000000000000000" \
	"000001ee4900160000000700000000600240002f9a000002043fd8"
/* truncated-cuts frame 1: -x still starts at the Ethernet header (cut packet) */
#define CUT_SYN_ETH                                                                         \
	"02005e00531402005e00530a08004500003cc00140004006f68ec0000215c0000216"              \
	"a41000501122334400000000a002faf0e01b0000"
/* bad-checksums frame 1 without its Ethernet header: IPv4 checksum wrong */
#define BAD_CKSUM_IPV4                                                                      \
	"45000028700100004006beefc0000246c0000250 9ca400160000000100000000500220006e900000"
/* vlan frame 2, -xx: tag VID 4094 */
#define VLAN_FRAME                                                                          \
	"02005e00530a02005e0053148100fffe0800 45000028b0014000400605a2c00002c8c0000264"      \
	"01bbc5490a0b0c0d010203105010040045790000"

/* LACP.pcap frame 1 (tcpdump's test suite): slow protocols to 01:80:c2:00:00:02;
 * LACP_X is what tcpdump -x prints of it, the LACP PDU without the 14 bytes */
#define LACP_X                                                                              \
	"010101148000 0013c4120f00 000d 800000013d000000000000000000000000000000"
#define LACP_XX "0180c2000002 0013c4120f0d 8809 " LACP_X
/* a fuzzed frame of tcpdump's test suite: every byte 0x30, unknown type */
#define ZEROS_30 "303030303030303030303030303030303030303030303030"
/* STP BPDU: 802.3 length 38, LLC 42 42 03 */
#define STP_XX                                                                              \
	"0180c2000000 00000c5d1c33 0026 424203 000000000080000000000c5d1c30000000008000" \
	"00000c5d1c308001000014000200"
/* kday3.pcap frame 1 (tcpdump's test suite): a damaged source address with
 * the group bit set, before a sound IPv4 header */
#define ETH_GROUP_SRC                                                                       \
	"84b59cbe30481bc47a08e9120800 451000a8f6c94000400641 8fcc093650cc093384"
/* kday1.pcap frame 1: type IPv4, but the header there claims version 6 */
#define ETH_BAD_IP "84b59cbe30480cc47a08e9fb0800 6610000000000000400600000102030405060708"

static uint8_t buf[4096];
static struct strbuf why;

static void setup(void)
{
	sb_init(&why);
}

static void teardown(void)
{
	sb_free(&why);
}

static enum link_type guess(const char *hex, const char *summary)
{
	size_t n = hex_bytes(hex, buf, sizeof(buf));
	sb_reset(&why);
	return link_guess(buf, n, summary, LINK_UNKNOWN, &why);
}

static int score_of(const char *hex, const char *summary, const char *name)
{
	struct link_candidate c[LINK_GUESS_CANDIDATES];
	size_t n = hex_bytes(hex, buf, sizeof(buf));
	link_guess_scores(buf, n, summary, LINK_UNKNOWN, c, NULL);
	for (size_t i = 0; i < LINK_GUESS_CANDIDATES; i++)
		if (strcmp(c[i].name, name) == 0)
			return c[i].score;
	ck_abort_msg("no candidate %s", name);
	return -1;
}

#define ck_assert_why_has(text) \
	ck_assert_msg(strstr(why.s, (text)) != NULL, "why \"%s\" lacks \"%s\"", why.s, (text))

/* A big-endian word 00 00 00 18 reads as LOOP or as NULL from a big-endian
 * host; the capture's previous packet decides. */
START_TEST(previous_link_breaks_a_tie)
{
	size_t n = hex_bytes(LOOP_IPV6, buf, sizeof(buf));
	sb_reset(&why);
	ck_assert_int_eq(link_guess(buf, n, NULL, LINK_NULL, &why), LINK_NULL);
	ck_assert_why_has("previous packet");
	ck_assert_int_eq(link_guess(buf, n, NULL, LINK_LOOP, &why), LINK_LOOP);
	/* but it never overrides bytes that fit something else better */
	n = hex_bytes(SEED_003, buf, sizeof(buf));
	ck_assert_int_eq(link_guess(buf, n, NULL, LINK_ETHER, &why), LINK_IPV4);
}
END_TEST

START_TEST(ipv4_at_byte_zero)
{
	ck_assert_int_eq(guess(SEED_003, NULL), LINK_IPV4);
	ck_assert_why_has("IPv4 header at byte 0");
	ck_assert_why_has("total length 56");
	ck_assert_why_has("checksum correct");
}
END_TEST

START_TEST(ipv4_with_wrong_checksum)
{
	ck_assert_int_eq(guess(BAD_CKSUM_IPV4, ""), LINK_IPV4);
	ck_assert_why_has("checksum wrong");
}
END_TEST

START_TEST(ipv6_at_byte_zero)
{
	ck_assert_int_eq(guess(RAW_IPV6, NULL), LINK_IPV6);
	ck_assert_why_has("payload length 31");
}
END_TEST

START_TEST(ethernet_with_trailer)
{
	ck_assert_int_eq(guess(ETH_TRAILER, NULL), LINK_ETHER);
	ck_assert_why_has("IPv4 header at byte 14");
}
END_TEST

START_TEST(ethernet_carrying_arp)
{
	ck_assert_int_eq(guess(ARP_FRAME, "10:44:29.100000 ARP, Ethernet (len 6), IPv4 (len 4)"),
			 LINK_ETHER);
}
END_TEST

START_TEST(bare_arp_is_link_arp)
{
	/* tcpdump -x of an ARP frame starts at the ARP header */
	ck_assert_int_eq(guess(ARP_BODY, "ARP, Request who-has 192.0.2.1 tell 192.0.2.10"),
			 LINK_ARP);
	ck_assert_why_has("ARP at byte 0");
	ck_assert_why_has("a request");
	ck_assert_int_eq(guess(ARP_BODY, NULL), LINK_ARP);
	ck_assert_int_gt(score_of(ARP_BODY, NULL, "arp"), score_of(ARP_BODY, NULL, "ether"));
	/* other address kinds and sizes: only when the summary says ARP */
	const char *odd = "30300800 0e04 0001 3030303030303030303030303030 30303030"
			  "3030303030303030303030303030 30303030";
	ck_assert_int_eq(guess(odd, "01:10:59.680304 ARP, Unknown Hardware (12336) (len 14), "
				    "IPv4 (len 4), Request who-has 48.48.48.48"),
			 LINK_ARP);
	ck_assert_why_has("addresses of 14 and 4 bytes");
	ck_assert_int_eq(guess(odd, NULL), LINK_UNKNOWN);
	/* the reply of the arp case, -x */
	ck_assert_int_eq(guess("000108000604000202005e005314c000020102005e00530ac000020a",
			       "10:44:29.101537 ARP, Ethernet (len 6), IPv4 (len 4), Reply "
			       "192.0.2.1 is-at 02:00:5e:00:53:14, length 28"),
			 LINK_ARP);
	ck_assert_why_has("a reply");
}
END_TEST

START_TEST(ethernet_vlan_tagged)
{
	ck_assert_int_eq(guess(VLAN_FRAME, NULL), LINK_ETHER);
	ck_assert_why_has("VLAN tag");
}
END_TEST

START_TEST(cut_packet_x_starts_at_link)
{
	ck_assert_int_eq(guess(CUT_SYN_ETH,
			       "04:24:11.100000 IP (tos 0x0, ttl 64, id 49153, offset 0, flags [DF], "
			       "proto TCP (6), length 60)"),
			 LINK_ETHER);
}
END_TEST

START_TEST(ethernet_cut_before_type_by_summary)
{
	const char *cut = "02005e005314 02005e00";
	ck_assert_int_eq(guess(cut, "04:24:11.109222  [|ether]"), LINK_ETHER);
	ck_assert_int_gt(score_of(cut, "04:24:11.109222  [|ether]", "ether"),
			 score_of(cut, NULL, "ether"));
}
END_TEST

START_TEST(sll_v1)
{
	ck_assert_int_eq(guess(SLL_FRAME, NULL), LINK_SLL);
	ck_assert_why_has("IPv4 header at byte 16");
}
END_TEST

START_TEST(sll_v2)
{
	ck_assert_int_eq(guess(SLL2_FRAME, NULL), LINK_SLL2);
	ck_assert_why_has("IPv4 header at byte 20");
}
END_TEST

START_TEST(sll_v2_summary_adds_evidence)
{
	const char *s = "07:51:56.867581 lo    In  IP (tos 0x0, ttl 64, id 56045)";
	ck_assert_int_gt(score_of(SLL2_FRAME, s, "sll2"), score_of(SLL2_FRAME, NULL, "sll2"));
	ck_assert_int_eq(guess(SLL2_FRAME, s), LINK_SLL2);
	ck_assert_why_has("interface and a direction");
	/* -x of the same packet: the summary cannot make a link header out of IP */
	ck_assert_int_eq(guess("450000399a0100004011e27c7f0000017f000035"
			       "d0a30035002546fc1a2b01000001000000000000076578616d706c6503636f6d0000010001",
			       "lo    Out IP 127.0.0.1.53411 > 127.0.0.53.53: 6699+ A? example.com. (29)"),
			 LINK_IPV4);
}
END_TEST

START_TEST(null_little_endian)
{
	ck_assert_int_eq(guess(NULL_IPV4, NULL), LINK_NULL);
	ck_assert_why_has("little-endian");
	ck_assert_int_eq(guess(NULL_MACOS_IPV6, NULL), LINK_NULL);
	ck_assert_why_has("family 30");
}
END_TEST

START_TEST(loop_network_order)
{
	ck_assert_int_eq(guess(LOOP_IPV6, NULL), LINK_LOOP);
	ck_assert_why_has("family 24");
	/* the same word also fits a big-endian DLT_NULL host, one point behind */
	ck_assert_int_eq(score_of(LOOP_IPV6, NULL, "loop"), score_of(LOOP_IPV6, NULL, "null") + 1);
}
END_TEST

START_TEST(banner_supports_a_fitting_header)
{
	ck_assert_int_gt(score_of(ETH_TRAILER, "EN10MB", "ether"), score_of(ETH_TRAILER, NULL, "ether"));
	ck_assert_int_eq(guess(ETH_TRAILER, "listening on eth0, link-type EN10MB (Ethernet)"),
			 LINK_ETHER);
	/* -x on an Ethernet capture: the banner does not override the bytes */
	ck_assert_int_eq(guess(SEED_003, "EN10MB"), LINK_IPV4);
	ck_assert_int_eq(score_of(SEED_003, "EN10MB", "ether"), 0);
}
END_TEST

START_TEST(summary_e_line_names_ethernet)
{
	const char *s = "10:44:29.100000 02:00:5e:00:53:0a > ff:ff:ff:ff:ff:ff, ethertype ARP "
			"(0x0806), length 42: Request who-has 192.0.2.1 tell 192.0.2.10";
	ck_assert_int_gt(score_of(ARP_FRAME, s, "ether"), score_of(ARP_FRAME, NULL, "ether"));
}
END_TEST

START_TEST(summary_e_addresses_checked_against_bytes)
{
	const char *s = "05:27:12.999999 30:30:30:30:30:30 > 30:30:30:30:30:30, ethertype Unknown "
			"(0x3030), length 262144: ";
	/* the bytes alone are not enough for a guess; the summary's addresses are them */
	ck_assert_int_eq(guess(ZEROS_30, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(ZEROS_30, s), LINK_ETHER);
	ck_assert_why_has("MAC addresses are the first 12 bytes");
	/* tcpdump -e -x prints the addresses above a dump that starts at IP */
	const char *ex = "10:00:00.000000 02:00:5e:00:53:0a > 02:00:5e:00:53:14, ethertype IPv4 "
			 "(0x0800), length 70: 127.0.0.1.7777 > 127.0.0.1.49386";
	ck_assert_int_eq(guess(SEED_003, ex), LINK_IPV4);
	ck_assert_int_eq(score_of(SEED_003, ex, "ether"), 0);
}
END_TEST

START_TEST(summary_ethertype_checked_against_bytes)
{
	/* a type hexplain has no name for: the bytes alone do not make a guess */
	const char *hex = "000000000001001122334455 3a3b 000100105ceeed57384f59c80800";
	const char *s = "20:36:40.091512 ethertype Unknown (0x3a3b), length 110: ";
	ck_assert_int_eq(guess(hex, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(hex, s), LINK_ETHER);
	ck_assert_why_has("EtherType the summary names is at byte 12");
	/* the same summary over another type: no support */
	ck_assert_int_eq(guess("000000000001001122334455 3a3c 0001", s), LINK_UNKNOWN);
	/* the protocol tcpdump names first, when only its EtherType can have
	 * told it: kday5.pcap's damaged CFM frame (its source has the group bit) */
	const char *cfm = "84b59cbe3048 0cc4ad3710e0 8902 00cc000000800000000000000000";
	ck_assert_int_eq(guess(cfm, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(cfm, "17:19:33.663606 CFMv0 unknown (204), MD Level 0, length 168"),
			 LINK_ETHER);
	ck_assert_why_has("protocol the summary names first");
	ck_assert_int_eq(guess("84b59cbe3048 0cc4ad3710e0 8903 00cc000000800000000000000000",
			       "17:19:33.663606 CFMv0 unknown (204), MD Level 0, length 168"),
			 LINK_UNKNOWN);
	/* a known type needs no summary (Arista's timestamp shim) */
	ck_assert_int_eq(guess("000000000001001122334455 d28b 000100105ceeed57384f59c80800",
			       NULL),
			 LINK_ETHER);
}
END_TEST

START_TEST(x_dump_of_link_protocol_is_not_ethernet)
{
	const char *s = "04:02:10.267147 LACPv1, length 110";
	/* -x: the PDU only; reading it as Ethernet would invent addresses */
	ck_assert_int_eq(guess(LACP_X, s), LINK_UNKNOWN);
	ck_assert_why_has("no known header");
	/* -xx: a well-known group destination and the slow-protocols type */
	ck_assert_int_eq(guess(LACP_XX, s), LINK_ETHER);
	ck_assert_why_has("well-known group destination");
	ck_assert_int_eq(guess(STP_XX, NULL), LINK_ETHER);
	ck_assert_why_has("then an LLC header");
}
END_TEST

START_TEST(damaged_ethernet_is_still_ethernet)
{
	ck_assert_int_eq(guess(ETH_BAD_IP, NULL), LINK_ETHER);
	ck_assert_why_has("a header that does not fit");
	/* version 0 after type IPv6: the IPv6 multicast destination vouches */
	ck_assert_int_eq(guess("3333ff766c14 000c29766c14 86dd 0000000000183aff", NULL), LINK_ETHER);
	/* an LLDP PDU that tcpdump -x printed holds 0x0800 at byte 12 by chance */
	ck_assert_int_eq(guess("020704080027 42ba59040703 0800 2742ba590602 0078fe060080c2010001",
			       "06:05:15.631413 LLDP, length 72"),
			 LINK_UNKNOWN);
	/* tcpdump's own word for the network layer vouches too */
	ck_assert_int_eq(guess("020704080027 42ba59040703 0800 2742ba590602 0078fe060080c2010001",
			       "10:23:33.663606 IP, wrong link-layer encapsulation (invalid)"),
			 LINK_ETHER);
	/* MPLS: the labelled packet is scored, past the label stack */
	ck_assert_int_eq(guess("020202020202 010101010101 8847 03e861ff 4600007080020000011100000000"
			       "c0a800017f000001",
			       NULL),
			 LINK_ETHER);
	ck_assert_why_has("MPLS");
	/* Linux cooked v1 with a packet type out of range, before a sound IPv4 header */
	ck_assert_int_eq(guess("3030 3030 3030 3030303030303030 0800 4530003030304000301100003030"
			       "30303030 3030",
			       "01:10:59.680304 IP (tos 0x30, ttl 48, id 12336, offset 0, flags [DF])"),
			 LINK_SLL);
	ck_assert_why_has("out of range");
	ck_assert_int_eq(guess(ETH_GROUP_SRC, NULL), LINK_ETHER);
	ck_assert_why_has("source is a group address");
	/* the penalty: a group source scores lower than a unicast one */
	ck_assert_int_lt(score_of(ETH_GROUP_SRC, NULL, "ether"),
			 score_of("84b59cbe30481ac47a08e9120800 451000a8f6c94000400641 8fcc093650cc093384",
				  NULL, "ether"));
}
END_TEST

START_TEST(bare_mpls_and_nsh_by_summary)
{
	/* tcpdump -x of an MPLS frame starts at the labels: label 1024, S, ttl 64 */
	const char *mpls = "00400140 4500004e000000004 03f4db00a8801200a021718";
	const char *s = "20:36:41.063992 MPLS (label 1024, tc 0, [S], ttl 64)";
	ck_assert_int_eq(guess(mpls, s), LINK_MPLS);
	ck_assert_why_has("label 1024");
	ck_assert_why_has("IPv4 header at byte 4");
	/* the same bytes without the summary, or with another label: nothing to go on */
	ck_assert_int_eq(score_of(mpls, NULL, "mpls"), 0);
	ck_assert_int_eq(score_of(mpls, "20:36:41.063992 MPLS (label 1025, tc 0, [S], ttl 64)", "mpls"),
			 0);
	/* a whole frame of 0x30 bytes reads as label 197379 at byte 0 as well as
	 * at byte 14, behind its MPLS type: the frame wins */
	const char *fuzz = "303030303030303030303030 8848 30303030303030303030";
	ck_assert_int_eq(guess(fuzz, "05:27:12.999999 MPLS (label 197379, tc 0, ttl 48)"),
			 LINK_ETHER);
	ck_assert_why_has("MPLS label the summary names is at byte 14");
	/* NSH: version 0, length 6 words, MD type 1, next protocol IPv4 */
	const char *nsh = "0006 01 01 00030907 0000000100000002000000030000000400000005"
			  "45000022284440004011 00000a0008030a0d0d0d";
	const char *ns = "23:13:40.394208 NSH, ver 0, flags [none], next-protocol IPv4, "
			 "service-path-id 0x000309, service-index 0x7";
	ck_assert_int_eq(guess(nsh, ns), LINK_NSH);
	ck_assert_why_has("service path 0x000309");
	ck_assert_int_eq(score_of(nsh, NULL, "nsh"), 0);
}
END_TEST

START_TEST(ipv6_where_ipv4_was_announced)
{
	/* kday1.pcap -x: EtherType IPv4, but a version-6 header; tcpdump's IPv4
	 * printer says so, and the dump is read as the IPv4 it was announced as */
	const char *hex = "6610 0000 0018 0640 20010db8000000000000000000000001"
			  "20010db8000000000000000000000002 0016c39f0000000100000000500220000000"
			  "0000";
	ck_assert_int_eq(guess(hex, NULL), LINK_IPV6);
	ck_assert_int_eq(guess(hex, "10:23:33.663606 IP6, wrong link-layer encapsulation (invalid)"),
			 LINK_IPV4);
	ck_assert_why_has("link layer announced IPv4");
	/* "IP6 version error: 0 != 6": a version-0 header where IPv6 was announced */
	const char *v0 = "0000 0000 0020 3aff fe80000000000000020c29fffe766c14 ff020000000000000000"
			 "0000000000018800ab13";
	ck_assert_int_eq(guess(v0, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(v0, "15:15:01.279230 IP6 version error: 0 != 6"), LINK_IPV6);
	ck_assert_why_has("says version 0");
	/* the number must be the one in the bytes */
	ck_assert_int_eq(guess(v0, "15:15:01.279230 IP6 version error: 5 != 6"), LINK_UNKNOWN);
	/* "unknown ip 3": tcpdump's raw IP printer read version 3 at byte 0
	 * (beep-oobr.pcap); IPv4's decoder gives the version and stops */
	const char *v3 = "3030303030303030303030303030303030303030";
	ck_assert_int_eq(guess(v3, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(v3, "05:27:12.999999 unknown ip 3"), LINK_IPV4);
	ck_assert_why_has("unknown ip 3");
	ck_assert_int_eq(guess(v3, "05:27:12.999999 unknown ip 5"), LINK_UNKNOWN);
	/* "IP0 (invalid)": IPv4's printer met version 0 (gre-heapoverflow-1.pcap) */
	const char *ip0 = "0830303030300000302f303030303030303030303030";
	ck_assert_int_eq(guess(ip0, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(ip0, "05:27:12.999999 IP0 (invalid)"), LINK_IPV4);
	ck_assert_why_has("IP0 (invalid)");
	ck_assert_int_eq(guess(ip0, "05:27:12.999999 IP5 (invalid)"), LINK_UNKNOWN);
	/* "IP bad-hlen 16": a 16-byte IPv4 header (ipv4_invalid_hdr_length.pcap) */
	const char *hl16 = "44000054f1a6000040114594 8cd309ce2d217f9c98b700350040";
	ck_assert_int_eq(guess(hl16, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(hl16, "08:57:44.621711 IP bad-hlen 16"), LINK_IPV4);
	ck_assert_why_has("bad-hlen 16");
	ck_assert_int_eq(guess(hl16, "08:57:44.621711 IP bad-hlen 12"), LINK_UNKNOWN);
}
END_TEST

START_TEST(protocol_word_names_the_ethertype)
{
	/* tcpdump names these only after reading their EtherType at byte 12:
	 * OSI over Cisco's 0xfefe (hoobr_lookup_nsap.pcap), GeoNetworking's
	 * first type 0x0707 (geonet-mac-lookup-heapoverflow.pcap), PPP's control
	 * protocols over 0x880b, printed after a lone ':' without -e */
	const char *clnp = "303030303030 303030303030 fefe 3081 3001303030303030";
	ck_assert_int_eq(guess(clnp, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(clnp, "05:27:12.999999 CLNP, length 262129"), LINK_ETHER);
	ck_assert_int_eq(guess(clnp, "05:27:12.999999  [|isoclns]"), LINK_ETHER);
	const char *geo = "303030303030 303030303030 0707 30303030303030303030";
	ck_assert_int_eq(guess(geo, NULL), LINK_UNKNOWN);
	ck_assert_int_eq(guess(geo, "05:27:12.999999 GeoNet src:30:30:30:30:30:30; v:3 NH:0-Any"),
			 LINK_ETHER);
	const char *ppp = "100cfb10737e 00fd1c7c8a8a 880b 80fd01df000f";
	ck_assert_int_eq(guess(ppp, "06:58:21.999999 : CCP, Conf-Request (0x01), id 223"),
			 LINK_ETHER);
	ck_assert_why_has("protocol the summary names first");
	/* the word over another type: no support */
	ck_assert_int_eq(guess("303030303030 303030303030 fefd 3081 3001303030303030",
			       "05:27:12.999999 CLNP, length 262129"),
			 LINK_UNKNOWN);
}
END_TEST

START_TEST(nothing_fits)
{
	ck_assert_int_eq(guess("ffffffffffffffff", NULL), LINK_UNKNOWN);
	ck_assert_why_has("no known header");
	ck_assert_int_eq(guess("45", NULL), LINK_IPV4); /* one byte: only the version fits */
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("linkguess");
	TCase *bytes = tcase_create("bytes");
	tcase_add_checked_fixture(bytes, setup, teardown);
	tcase_add_test(bytes, ipv4_at_byte_zero);
	tcase_add_test(bytes, ipv4_with_wrong_checksum);
	tcase_add_test(bytes, ipv6_at_byte_zero);
	tcase_add_test(bytes, ethernet_with_trailer);
	tcase_add_test(bytes, ethernet_carrying_arp);
	tcase_add_test(bytes, bare_arp_is_link_arp);
	tcase_add_test(bytes, ethernet_vlan_tagged);
	tcase_add_test(bytes, cut_packet_x_starts_at_link);
	tcase_add_test(bytes, sll_v1);
	tcase_add_test(bytes, sll_v2);
	tcase_add_test(bytes, null_little_endian);
	tcase_add_test(bytes, loop_network_order);
	tcase_add_test(bytes, previous_link_breaks_a_tie);
	tcase_add_test(bytes, nothing_fits);
	tcase_add_test(bytes, x_dump_of_link_protocol_is_not_ethernet);
	tcase_add_test(bytes, damaged_ethernet_is_still_ethernet);
	suite_add_tcase(s, bytes);

	TCase *summary = tcase_create("summary");
	tcase_add_checked_fixture(summary, setup, teardown);
	tcase_add_test(summary, ethernet_cut_before_type_by_summary);
	tcase_add_test(summary, sll_v2_summary_adds_evidence);
	tcase_add_test(summary, banner_supports_a_fitting_header);
	tcase_add_test(summary, summary_e_line_names_ethernet);
	tcase_add_test(summary, summary_e_addresses_checked_against_bytes);
	tcase_add_test(summary, summary_ethertype_checked_against_bytes);
	tcase_add_test(summary, bare_mpls_and_nsh_by_summary);
	tcase_add_test(summary, ipv6_where_ipv4_was_announced);
	tcase_add_test(summary, protocol_word_names_the_ethertype);
	suite_add_tcase(s, summary);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
