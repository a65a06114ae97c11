/* linkguess.h - finds what a dump starts with (link or network header). */
#ifndef HEXPLAIN_LINKGUESS_H
#define HEXPLAIN_LINKGUESS_H

#include <stddef.h>
#include <stdint.h>

#include "core/packet.h"
#include "core/strbuf.h"

/* Picks the first layer of a dump from its bytes and tcpdump's summary line
 * (or a "link-type NAME" banner; either may be NULL or empty), writing the
 * evidence, translated, into why. */
enum link_type link_guess(const uint8_t *bytes, size_t len, const char *summary,
			  struct strbuf *why);

#endif
