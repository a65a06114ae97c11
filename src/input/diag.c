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

/* How many bytes the UTF-8 character at s takes (1 to 4), or 0 when the
 * bytes are not valid UTF-8 (overlong forms and surrogates included). */
static size_t utf8_length(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	if (s[0] < 0x80)
		return 1;
	size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (len == 0 || s[0] > 0xf4 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] >= 0x90))
		return 0;
	return len;
}

/* Writes text that came from the input: a pasted NUL, escape or broken
 * UTF-8 must not reach the terminal as it is.  In a message such a byte is
 * shown as \xNN; in the quoted source line as '?', one column for one
 * byte, so the caret below still points at the right place. */
static void put_escaped(FILE *out, const char *s, size_t n, bool one_column)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		size_t len = utf8_length(s + i, n - i);
		bool control = (c < 0x20 && c != '\t') || c == 0x7f;
		if (len == 0 || control) {
			if (one_column)
				fputc('?', out);
			else
				fprintf(out, "\\x%02x", c);
			i++;
			continue;
		}
		fwrite(s + i, 1, len, out);
		i += len;
	}
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
	char msg[512];
	/* the length, not strlen: a "%c" of a pasted NUL is part of it */
	int msg_len = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (msg_len < 0)
		msg_len = 0;
	put_escaped(d->out, msg, (size_t)msg_len < sizeof(msg) ? (size_t)msg_len : sizeof(msg) - 1,
		    false);
	fputc('\n', d->out);
	if (source && col) {
		size_t n = strcspn(source, "\r\n");
		if (n > 200)
			n = 200; /* absurd lines: the start is enough to find the place */
		fputs("  ", d->out);
		put_escaped(d->out, source, n, true);
		fputs("\n  ", d->out);
		/* one space (or tab) per character shown: a UTF-8 character
		 * takes one column however many bytes it has */
		for (size_t i = 0; i + 1 < col && i < n;) {
			size_t len = utf8_length(source + i, n - i);
			fputc(source[i] == '\t' ? '\t' : ' ', d->out);
			i += len ? len : 1;
		}
		fputs("^\n", d->out);
	}
}
