/* fuzz_bytes.c - libFuzzer harness for the decoders alone: the input is one
 * packet's bytes, decoded as each link type in turn and rendered in every
 * view.  It reaches header combinations that text seldom spells out. */
#define _GNU_SOURCE /* fuzz_common.h: memfd_create */
#include <stdint.h>

#include "decode/decode.h"
#include "fuzz_common.h"
#include "input/binary.h"
#include "input/linkguess.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum link_type links[] = {
		LINK_UNKNOWN, LINK_ETHER, LINK_SLL, LINK_SLL2, LINK_NULL,
		LINK_LOOP, LINK_RAW, LINK_IPV4, LINK_IPV6, LINK_ARP,
		LINK_MPLS, LINK_NSH,
	};
	struct packet p;
	packet_init(&p);
	struct strbuf why;
	sb_init(&why);
	(void)binary_sniff(data, size);
	enum link_type guessed = link_guess(data, size, "", LINK_UNKNOWN, &why);
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		(void)link_declared_length(data, size, links[i]);
		packet_reset(&p, data, size, links[i]);
		decode_packet(&p);
		struct record_info r = {
			.number = i + 1,
			.source = "fuzz.bin",
			.line = 1,
			.summary = "",
			.link_reason = links[i] == guessed ? why.s : "",
			.width = 80,
		};
		fuzz_render_all(&p, &r);
	}
	sb_free(&why);
	packet_free(&p);
	return 0;
}
