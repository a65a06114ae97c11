/* explain.c - placeholder until the explain view lands. */
#include "render.h"

void render_explain(const struct packet *p, const struct record_info *r, struct strbuf *o)
{
	render_json(p, r, o);
}
