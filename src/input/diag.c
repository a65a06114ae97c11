/* diag.c - input diagnostics in the FILE:LINE:COL form editors understand. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>

#include "core/i18n.h"

const char *severity_name(enum severity sev)
{
	switch (sev) {
	case SEV_NOTE:
		return N_("note");
	case SEV_WARNING:
		return N_("warning");
	case SEV_ERROR:
		return N_("error");
	}
	return "error";
}

/* Severity words stay English in the FILE:LINE:COL prefix, as compilers'
 * do, so editors and scripts can parse them; the message is translated. */
void diag_report(struct diag *d, enum severity sev, const char *file, unsigned long line,
		 unsigned long col, const char *source, const char *fmt, ...)
{
	if (sev == SEV_ERROR)
		d->errors++;
	else if (sev == SEV_WARNING)
		d->warnings++;
	else if (d->quiet_notes)
		return;
	if (!d->out)
		return;
	if (col)
		fprintf(d->out, "%s:%lu:%lu: %s: ", file, line, col, severity_name(sev));
	else
		fprintf(d->out, "%s:%lu: %s: ", file, line, severity_name(sev));
	va_list ap;
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
	if (source && col) {
		size_t n = strcspn(source, "\r\n");
		if (n > 200)
			n = 200; /* absurd lines: the start is enough to find the place */
		fprintf(d->out, "  %.*s\n  ", (int)n, source);
		for (unsigned long i = 1; i < col && i <= n; i++)
			fputc(source[i - 1] == '\t' ? '\t' : ' ', d->out);
		fputs("^\n", d->out);
	}
}
