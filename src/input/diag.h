/* diag.h - messages about the input, as FILE:LINE:COL: severity: text. */
#ifndef HEXPLAIN_DIAG_H
#define HEXPLAIN_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "core/packet.h"

struct diag {
	FILE *out;           /* stderr, or a memory stream in tests */
	unsigned errors;     /* input that could not be read as packets */
	unsigned warnings;
	bool quiet_notes;    /* notes only with --verbose */
};

/* Reports a problem at file:line:col.  When source is given, the offending
 * line follows with a caret under col. */
void diag_report(struct diag *d, enum severity sev, const char *file, unsigned long line,
		 unsigned long col, const char *source, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

const char *severity_name(enum severity sev);

#endif
