/* brief.c - one line per packet. */
#include "render.h"

void render_brief(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	(void)p;
	sb_printf(o, "%lu %s\n", r->number, r->summary);
}
