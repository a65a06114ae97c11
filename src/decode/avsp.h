/* avsp.h - Arista's timestamp shim (EtherType 0xd28b). */
#ifndef HEXPLAIN_AVSP_H
#define HEXPLAIN_AVSP_H

#include <stdbool.h>
#include <stdint.h>

#include "decode.h"

#define ETHERTYPE_AVSP 0xd28b

/* Decodes the shim at off as its own layer.  True with the frame's own
 * EtherType in *next_type and where its payload starts in *next_off; false
 * when the shim is cut short or of a kind hexplain does not know (then the
 * rest is payload, already added). */
bool decode_avsp(struct packet *p, uint32_t off, const struct decode_ctx *ctx,
		 uint16_t *next_type, uint32_t *next_off);

#endif
