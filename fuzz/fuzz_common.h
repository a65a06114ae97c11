/* fuzz_common.h - what both harnesses do with a decoded packet: every view.
 *
 * The renderers walk every field and problem, so running all of them is
 * what finds a field whose offset or length lies outside the bytes. */
#ifndef HEXPLAIN_FUZZ_COMMON_H
#define HEXPLAIN_FUZZ_COMMON_H

#include <stdio.h>

#include "core/packet.h"
#include "core/strbuf.h"
#include "render/render.h"

static inline void fuzz_render_all(const struct packet *p, const struct record_info *r)
{
	struct strbuf o;
	sb_init(&o);
	render_explain(p, r, &o);
	sb_reset(&o);
	render_brief(p, r, &o);
	sb_reset(&o);
	render_json(p, r, &o);
	sb_free(&o);
}

/* Messages are formatted (that is code to test too) into the void. */
static inline FILE *fuzz_devnull(void)
{
	static FILE *f;
	if (!f)
		f = fopen("/dev/null", "w");
	return f;
}

#endif
