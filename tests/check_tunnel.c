/* check_tunnel.c - tunnels whose inner packet is decoded (tunnel.c), the
 * 802.1ad service tag's names, and tshark's rule for quoted ICMP checksums.
 *
 * Every packet is the first of a tcpdump test capture (../shared/corpus-public,
 * named below); every expected value is tshark 4.0's for that frame
 * (NAME.oracle.jsonl), where a name appears once per header that has it:
 * the outer and the inner IPv4 header each give an ip.ttl. */
#include "check_util.h"

static struct packet pkt;

static void setup(void)
{
	packet_init(&pkt);
}

static void teardown(void)
{
	packet_free(&pkt);
}

static uint64_t nth(const char *name, int i)
{
	const struct field *f = field_nth(&pkt, name, i);
	ck_assert_msg(f != NULL, "%s #%d missing", name, i);
	return f->value;
}

/* vxlan.pcap #1: UDP to 4789, VNI 100, an Ethernet frame with an ICMP echo
 * request from 192.168.203.3 inside. */
START_TEST(vxlan_inner_frame_is_decoded)
{
	decode_hex(&pkt, LINK_ETHER,
		   "00163e0871cf36dc851eb340080045000086d2c0400040115152c0a8cb01c0a8ca01b05d12b5"
		   "00720000080000000000640000308801000200163e37f604080045000054000040004001234f"
		   "c0a8cb03c0a8cb050800f6f2050c0001fce2975100000000a6f8020000000000101112131415"
		   "161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f3031323334353637");
	ck_assert_field_eq(&pkt, "udp.dstport", 4789);
	ck_assert_field_eq(&pkt, "vxlan.flags", 0x0800);
	ck_assert_field_eq(&pkt, "vxlan.vni", 100);
	ck_assert_int_eq(field_count(&pkt, "eth.dst"), 2);
	ck_assert_int_eq(field_count(&pkt, "ip.ttl"), 2);
	ck_assert_uint_eq(nth("ip.ttl", 1), 64);
	ck_assert_field_eq(&pkt, "icmp.type", 8);
	ck_assert_field_eq(&pkt, "icmp.checksum.status", 1); /* tshark: good */
}
END_TEST

/* geneve.pcap #1: UDP to 6081, 8 bytes of options, VNI 10, Ethernet. */
START_TEST(geneve_options_and_inner_frame)
{
	decode_hex(&pkt, LINK_ETHER,
		   "001b213cac30001b213cab6408004500008edfad4000401132af1400000114000002314a17c1"
		   "007a00000240655800000a00000080010000000cfe71d883724fb69ed24951480800450000"
		   "54bda24000400141041e0000011e00000208002c5429520017f1a2ce540000000017780c00"
		   "00000000101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f30"
		   "31323334353637");
	ck_assert_field_eq(&pkt, "geneve.vni", 10);
	ck_assert_field_eq(&pkt, "geneve.proto_type", 0x6558);
	ck_assert_field_eq(&pkt, "hexplain.geneve.options_length", 8);
	const struct field *opt = field_nth(&pkt, "geneve.options", 0);
	ck_assert_ptr_nonnull(opt);
	ck_assert_uint_eq(opt->length, 8); /* 00:00:80:01:00:00:00:0c */
	ck_assert_int_eq(field_count(&pkt, "eth.dst"), 2);
	ck_assert_field_eq(&pkt, "icmp.type", 8);
	ck_assert_field_eq(&pkt, "icmp.checksum.status", 1);
}
END_TEST

/* erspan-type-ii-2.pcap #1: GRE with a sequence number, ERSPAN type II
 * (version 1, VLAN 101, session 1, index 540773), a mirrored HSRP frame. */
START_TEST(gre_erspan_type_ii)
{
	decode_hex(&pkt, LINK_ETHER,
		   "000c29f1581e005056c0000108004500006201284000fc2f74ebc0a8c343c0a8c3c4100088be"
		   "001095281065c0010008406501005e00000200000c07acfe080045c000300000000001116931"
		   "0ac86502e000000207c107c1001cd965000010010369fe00636973636f0000000ac86501");
	ck_assert_field_eq(&pkt, "gre.proto", 0x88be);
	ck_assert_field_eq(&pkt, "gre.sequence_number", 1086760);
	ck_assert_field_eq(&pkt, "erspan.version", 1);
	ck_assert_field_eq(&pkt, "erspan.vlan", 101);
	ck_assert_field_eq(&pkt, "erspan.spanid", 1);
	ck_assert_field_eq(&pkt, "erspan.index", 540773);
	ck_assert_uint_eq(nth("ip.ttl", 1), 1);
	ck_assert_field_eq(&pkt, "udp.dstport", 1985);
}
END_TEST

/* erspan-type-i-1.pcap #1: GRE without sequence number: type I, no ERSPAN
 * header, the mirrored frame right after GRE. */
START_TEST(gre_erspan_type_i_has_no_header)
{
	decode_hex(&pkt, LINK_ETHER,
		   "00e0009b6d8100259e81b354080045fc007e00000000202fd7a501010101c0a8ff05000088be"
		   "00115c3dde0000259e81b3548100c0650800450000549f430000ff01062a0a3480e90a3480ea"
		   "0800042aac520003fda18a280d0b1600504e4700fda18a28000102030405060708090a0b0c0d"
		   "0e0f101112131415161718191a1b1c1d1e1f2021222324252627");
	ck_assert_no_field(&pkt, "erspan.version");
	ck_assert_int_eq(field_count(&pkt, "eth.dst"), 2);
	ck_assert_uint_eq(nth("ip.ttl", 1), 255);
	ck_assert_field_eq(&pkt, "icmp.checksum.status", 1);
}
END_TEST

/* erspan-type-iii-ft-7.pcap #1: frame type 7 is no Ethernet frame; tshark
 * leaves the rest as data, and so does hexplain (no inner eth fields). */
START_TEST(erspan_type_iii_non_ethernet_is_data)
{
	decode_hex(&pkt, LINK_ETHER,
		   "001018b38f10881dfcc9dc0308004500007000000000ff2f3669c0a801acc0a801f9100022eb"
		   "0000bade2001186534760b0100001e000000abc500004b87010081000100001969dfdc0181"
		   "0000010013aaaa0300008101a200000000000115830c0200000000000000000000000000000000"
		   "000000000000000000000000");
	ck_assert_field_eq(&pkt, "gre.sequence_number", 47838);
	ck_assert_field_eq(&pkt, "erspan.version", 2);
	ck_assert_field_eq(&pkt, "erspan.vlan", 1);
	ck_assert_field_eq(&pkt, "erspan.spanid", 101);
	ck_assert_field_eq(&pkt, "erspan.ft", 7);
	ck_assert_int_eq(field_count(&pkt, "eth.dst"), 1);
	ck_assert_int_eq(field_count(&pkt, "ip.ttl"), 1);
}
END_TEST

/* mpls-over-udp.pcap #1: UDP to 6635, one label (21, TTL 63), then IPv4. */
START_TEST(mpls_over_udp)
{
	decode_hex(&pkt, LINK_ETHER,
		   "529a00c84f88529a00825c62080045000074676f00004011e3fb0a640caa0a640d9de54b19eb"
		   "006000000001513f45000054676f40003f01c0220a03000a0a01000a08007643a6eb001094"
		   "073f5e000000004588030000000000101112131415161718191a1b1c1d1e1f202122232425"
		   "262728292a2b2c2d2e2f3031323334353637");
	ck_assert_field_eq(&pkt, "mpls.label", 21);
	ck_assert_field_eq(&pkt, "mpls.bottom", 1);
	ck_assert_field_eq(&pkt, "mpls.ttl", 63);
	ck_assert_uint_eq(nth("ip.ttl", 1), 63);
	ck_assert_field_eq(&pkt, "icmp.type", 8);
	ck_assert_field_eq(&pkt, "icmp.checksum.status", 1);
}
END_TEST

/* PIM_register_register-stop.pcap #1: a PIM register carrying an ICMP echo
 * request to 239.1.2.3. */
START_TEST(pim_register_carries_a_packet)
{
	decode_hex(&pkt, LINK_ETHER,
		   "cc05061cf000cc06061cf001080045000080015e0000ff673664c0a80006c0a801fe2100deff"
		   "0000000045000064000f0000fe01f6d2c0a8140aef010203080090e10003000000000000"
		   "0005ed60abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd"
		   "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd");
	ck_assert_field_eq(&pkt, "pim.version", 2);
	ck_assert_field_eq(&pkt, "pim.type", 1);
	ck_assert_field_eq(&pkt, "pim.cksum", 0xdeff);
	ck_assert_uint_eq(nth("ip.ttl", 1), 254);
	ck_assert_field_eq(&pkt, "icmp.type", 8);
	ck_assert_field_eq(&pkt, "icmp.checksum.status", 1);
}
END_TEST

/* 802.1ad_QinQ.pcap #1: tshark names the service tag ieee8021ad.* (its
 * type ieee8021ah.etype) and only the customer tag vlan.*. */
START_TEST(service_tag_has_its_own_names)
{
	decode_hex(&pkt, LINK_ETHER,
		   "ffffffffffff0020d25afb3f88a800c8810007d1080600010800060400010020d25afb3fac15"
		   "4f61000000000000ac154f640000000000000000000000000000");
	ck_assert_field_eq(&pkt, "ieee8021ad.id", 200);
	ck_assert_field_eq(&pkt, "ieee8021ah.etype", 0x8100);
	ck_assert_int_eq(field_count(&pkt, "vlan.id"), 1);
	ck_assert_field_eq(&pkt, "vlan.id", 2001);
	ck_assert_field_eq(&pkt, "vlan.etype", 0x0806);
}
END_TEST

/* dhcp-rfc4388.pcap #6: port unreachable quoting a whole ICMP echo request.
 * tshark never verifies an ICMP checksum inside an ICMP error ("[in ICMP
 * error packet]", status unverified) even when the copy is whole, and
 * hexplain gives the same: the outer checksum is verified (good). */
START_TEST(quoted_icmp_checksum_is_unverified)
{
	decode_hex(&pkt, LINK_ETHER,
		   "a6824bc9a1a77483ef07d0a9080045c0004c9c6a00004001c6330a2801010a2802030301fcfe"
		   "000000004500003061b440003f01bfcc0a2802030a1e04040800b7db40240000000000000000"
		   "0000000000000000000000000000");
	ck_assert_int_eq(field_count(&pkt, "icmp.checksum.status"), 2);
	ck_assert_uint_eq(nth("icmp.checksum.status", 0), 1); /* good */
	ck_assert_uint_eq(nth("icmp.checksum.status", 1), 2); /* unverified */
	ck_assert_int_eq(has_problem(&pkt, "icmp.checksum.bad"), 0);
}
END_TEST

/* sflow_expanded.pcap #1: an sFlow v5 datagram whose expanded flow sample
 * holds the first 122 bytes of a VLAN-tagged SSH segment; tshark decodes
 * them (eth, vlan 809, IPv4 from 52.52.52.52, TCP 22 → 52237), and so does
 * hexplain, with no trailer past the sampled bytes. */
START_TEST(sflow_sampled_header_is_decoded)
{
	decode_hex(&pkt, LINK_ETHER,
		   "005300445566005300112233080045000164000100004011f4bec0000264c0000265bb0118c7"
		   "0150731a0000000500000001313131310000000006e55a64ce87bcf000000001000000030000"
		   "0124815ee69c0000000000002af9000003e85ab4d16000000000000000000000714900000000"
		   "4ca4019100000003000000010000008c000000010000007e000000040000007a22421f4a9fcd"
		   "948ed30a713b81000329080045080068ab4e40003d0616f234343434353535350016cc0df855"
		   "7b8492f05ff980180044e42000000101080a5d8fe27bcc23eea70000002006e30b56cb4a1694"
		   "516442de040522d87dca1433d3162a13ba899091009e293e910b53e7335609f22f7fb43933ac"
		   "fbfe0064000003eb0000004400000001363636360000713000031ad400031ad4000000010000"
		   "0002000000030000201a000073a500031a6100000004201a006571f1006471f1c35071f1c9fa"
		   "00000064000003ea0000001000000001363636360000002000000016");
	ck_assert_field_eq(&pkt, "udp.dstport", 6343);
	ck_assert_field_eq(&pkt, "hexplain.sflow.header_length", 122);
	ck_assert_int_eq(field_count(&pkt, "eth.src"), 2);
	ck_assert_field_eq(&pkt, "vlan.id", 809);
	ck_assert_int_eq(field_count(&pkt, "ip.ttl"), 2);
	ck_assert_uint_eq(nth("ip.ttl", 1), 61);
	ck_assert_field_eq(&pkt, "tcp.srcport", 22);
	ck_assert_field_eq(&pkt, "tcp.dstport", 52237);
	ck_assert_field_eq(&pkt, "tcp.checksum.status", 0); /* tshark: bad */
	ck_assert_no_field(&pkt, "vlan.trailer");
}
END_TEST

/* An sFlow datagram with eight flow samples, each a sampled Ethernet + IPv4
 * header: tshark decodes all eight (sflow-print-v6 #20 has six); 3 layers a
 * sample must not run out of room in the packet's layer table. */
START_TEST(sflow_many_samples_all_decoded)
{
	decode_hex(&pkt, LINK_IPV4,
		   "45000358000100004011f390c0000201c000020204d218c7034400000000000500000001c000"
		   "020100000000000000010000000100000008000000010000005c000000010000000100000001"
		   "0000000100000000000000010000000200000001000000010000003400000001000000220000"
		   "0000000000220200000000020200000000010800450000140001000040fd65ea0a0000010a00"
		   "00020000000000010000005c0000000100000001000000010000000100000000000000010000"
		   "0002000000010000000100000034000000010000002200000000000000220200000000020200"
		   "000000010800450000140001000040fd65ea0a0000010a0000020000000000010000005c0000"
		   "0001000000010000000100000001000000000000000100000002000000010000000100000034"
		   "0000000100000022000000000000002202000000000202000000000108004500001400010000"
		   "40fd65ea0a0000010a0000020000000000010000005c00000001000000010000000100000001"
		   "0000000000000001000000020000000100000001000000340000000100000022000000000000"
		   "00220200000000020200000000010800450000140001000040fd65ea0a0000010a0000020000"
		   "000000010000005c000000010000000100000001000000010000000000000001000000020000"
		   "0001000000010000003400000001000000220000000000000022020000000002020000000001"
		   "0800450000140001000040fd65ea0a0000010a0000020000000000010000005c000000010000"
		   "0001000000010000000100000000000000010000000200000001000000010000003400000001"
		   "0000002200000000000000220200000000020200000000010800450000140001000040fd65ea"
		   "0a0000010a0000020000000000010000005c0000000100000001000000010000000100000000"
		   "0000000100000002000000010000000100000034000000010000002200000000000000220200"
		   "000000020200000000010800450000140001000040fd65ea0a0000010a000002000000000001"
		   "0000005c00000001000000010000000100000001000000000000000100000002000000010000"
		   "0001000000340000000100000022000000000000002202000000000202000000000108004500"
		   "00140001000040fd65ea0a0000010a0000020000");
	ck_assert_field_eq(&pkt, "hexplain.sflow.samples", 8);
	ck_assert_int_eq(field_count(&pkt, "hexplain.sflow.header_length"), 8);
	ck_assert_int_eq(field_count(&pkt, "eth.src"), 8);
	ck_assert_int_eq(field_count(&pkt, "ip.ttl"), 9);
	ck_assert_uint_eq(nth("ip.proto", 8), 253);
}
END_TEST

/* NHRP over GRE (0x2001), hand-made after nhrp-trace #1: a Traffic
 * Indication (RFC 2332 fixed header and mandatory part; the DMVPN type 8)
 * quoting the first 28 bytes of the packet that caused it, then an
 * authentication extension.  tshark decodes the quoted IPv4 header and
 * ICMP echo as a copy ("in ICMP error packet"), so its ip.* lists hold two
 * entries; hexplain too, the copy marked quoted and ending where the
 * extensions begin (RFC 2332 §5.1: the extension offset). */
START_TEST(nhrp_traffic_indication_quotes_a_packet)
{
	decode_hex(&pkt, LINK_IPV4, "4500007200010000402ff657c0000201c000020320002001000003e8000108000000000000ff0056c0bf0044010804000404000000000000c00002010a0000010a0000034500006400050000ff01a78f0a0000030a00000208001234000100008007000a0000000173656372657480000000");
	ck_assert_field_eq(&pkt, "gre.proto", 0x2001);
	ck_assert_field_eq(&pkt, "nhrp.hdr.afn", 1);
	ck_assert_field_eq(&pkt, "nhrp.hdr.pktsz", 86);
	ck_assert_field_eq(&pkt, "nhrp.hdr.extoff", 68);
	ck_assert_field_eq(&pkt, "nhrp.hdr.op.type", 8);
	ck_assert_field_eq(&pkt, "nhrp.hdr.shtl.len", 4);
	ck_assert_field_eq(&pkt, "hexplain.nhrp.hdr.chksum.status", 1); /* good */
	ck_assert_no_field(&pkt, "nhrp.flags");
	ck_assert_str_eq(field_text_at(&pkt, "nhrp.src.nbma.addr", 0), "192.0.2.1");
	ck_assert_str_eq(field_text_at(&pkt, "nhrp.dst.prot.addr", 0), "10.0.0.3");
	ck_assert_int_eq(field_count(&pkt, "ip.version"), 2);
	ck_assert_uint_eq(nth("ip.len", 1), 100);
	ck_assert_str_eq(field_text_at(&pkt, "ip.src", 1), "10.0.0.3");
	const struct field *t = field_nth(&pkt, "icmp.type", 0);
	ck_assert_ptr_nonnull(t);
	ck_assert(pkt.layers[t->layer].quoted);
	ck_assert_uint_eq(nth("icmp.checksum.status", 0), 2); /* unverified */
	ck_assert_no_field(&pkt, "data.data"); /* the extensions are no echo data */
	ck_assert_field_eq(&pkt, "nhrp.auth_ext.spi", 1);
	ck_assert_int_eq(field_count(&pkt, "nhrp.ext.type"), 2);
	ck_assert_int_eq(has_problem(&pkt, "capture.truncated"), 0);
}
END_TEST

/* A Resolution Request with one client information entry and a Cisco NAT
 * address extension holding another (NHRP-responder-address: tshark's
 * nhrp.code, nhrp.mtu, ... list both); the flags are the request's. */
START_TEST(nhrp_resolution_request_entries_and_extensions)
{
	decode_hex(&pkt, LINK_IPV4, "4500006c00010000402ff65dc0000201c000020320002001000003e8000108000000000000ff00506ad50034010104000404c80200000005c00002010a0000010a0000030020000005ea1c2000000000000900140020000005ea000004000400c63364070a00000780000000");
	ck_assert_field_eq(&pkt, "nhrp.hdr.op.type", 1);
	ck_assert_field_eq(&pkt, "hexplain.nhrp.hdr.chksum.status", 1);
	ck_assert_field_eq(&pkt, "nhrp.flags", 0xc802);
	ck_assert_field_eq(&pkt, "nhrp.flag.q", 1);
	ck_assert_field_eq(&pkt, "nhrp.flag.d", 0);
	ck_assert_field_eq(&pkt, "nhrp.flag.nat", 1);
	ck_assert_field_eq(&pkt, "nhrp.reqid", 5);
	ck_assert_int_eq(field_count(&pkt, "nhrp.code"), 2);
	ck_assert_uint_eq(nth("nhrp.htime", 0), 7200);
	ck_assert_uint_eq(nth("nhrp.htime", 1), 0);
	ck_assert_str_eq(field_text_at(&pkt, "nhrp.client.nbma.addr", 0), "198.51.100.7");
	ck_assert_str_eq(field_text_at(&pkt, "nhrp.client.prot.addr", 0), "10.0.0.7");
	ck_assert_uint_eq(nth("nhrp.ext.type", 0), 9);
	ck_assert_uint_eq(nth("nhrp.ext.c", 0), 0);
	ck_assert_int_eq(field_count(&pkt, "ip.version"), 1);
}
END_TEST

/* NHRP straight over IP (protocol 54, as tshark reads it: pb_nhrp_1), its
 * packet size past the bytes IP carries: the checksum covers the packet
 * size's bytes, so it cannot be checked, and the size is an error. */
START_TEST(nhrp_over_ip_packet_size_too_big)
{
	decode_hex(&pkt, LINK_IPV4, "45000064000100004036f65ec0000201c0000203000108000000000000ff03e86ad50034010104000404c80200000005c00002010a0000010a0000030020000005ea1c2000000000000900140020000005ea000004000400c63364070a00000780000000");
	ck_assert_field_eq(&pkt, "ip.proto", 54);
	ck_assert_field_eq(&pkt, "nhrp.hdr.pktsz", 1000);
	ck_assert_field_eq(&pkt, "hexplain.nhrp.hdr.chksum.status", 2); /* unverified */
	ck_assert_no_field(&pkt, "hexplain.nhrp.hdr.chksum_calculated");
	ck_assert(has_problem(&pkt, "nhrp.hdr.pktsz.bad"));
	ck_assert(!has_problem(&pkt, "nhrp.hdr.chksum.bad"));
	ck_assert_field_eq(&pkt, "nhrp.reqid", 5);
}
END_TEST

static Suite *make_suite(void)
{
	Suite *s = suite_create("tunnel");
	TCase *tc = tcase_create("tunnels");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, vxlan_inner_frame_is_decoded);
	tcase_add_test(tc, geneve_options_and_inner_frame);
	tcase_add_test(tc, gre_erspan_type_ii);
	tcase_add_test(tc, gre_erspan_type_i_has_no_header);
	tcase_add_test(tc, erspan_type_iii_non_ethernet_is_data);
	tcase_add_test(tc, mpls_over_udp);
	tcase_add_test(tc, pim_register_carries_a_packet);
	tcase_add_test(tc, service_tag_has_its_own_names);
	tcase_add_test(tc, quoted_icmp_checksum_is_unverified);
	tcase_add_test(tc, sflow_sampled_header_is_decoded);
	tcase_add_test(tc, sflow_many_samples_all_decoded);
	tcase_add_test(tc, nhrp_traffic_indication_quotes_a_packet);
	tcase_add_test(tc, nhrp_resolution_request_entries_and_extensions);
	tcase_add_test(tc, nhrp_over_ip_packet_size_too_big);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(make_suite());
}
