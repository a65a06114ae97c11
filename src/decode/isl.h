/* isl.h - Cisco's Inter-Switch Link encapsulation. */
#ifndef HEXPLAIN_ISL_H
#define HEXPLAIN_ISL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/cursor.h"
#include "decode.h"

/* Whether the Ethernet destination at off is ISL's 01:00:0c:00:00:xx or
 * 03:00:0c:00:00:xx. */
bool is_isl_frame(const struct cursor *c, uint32_t off);
/* The ISL header at off, then the frame it carries. */
void decode_isl(struct packet *p, uint32_t off, const struct decode_ctx *ctx);

#endif
