/* placeholder until the decoder lands */
#include "decode.h"
void decode_null(struct packet *p, uint32_t off, const struct decode_ctx *ctx) { (void)p; (void)off; (void)ctx; }
void decode_loop(struct packet *p, uint32_t off, const struct decode_ctx *ctx) { (void)p; (void)off; (void)ctx; }
