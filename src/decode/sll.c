/* placeholder until the decoder lands */
#include "decode.h"
void decode_sll(struct packet *p, uint32_t off, const struct decode_ctx *ctx) { (void)p; (void)off; (void)ctx; }
void decode_sll2(struct packet *p, uint32_t off, const struct decode_ctx *ctx) { (void)p; (void)off; (void)ctx; }
