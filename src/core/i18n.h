/* i18n.h - gettext wrappers: every sentence a person reads goes through _(). */
#ifndef HEXPLAIN_I18N_H
#define HEXPLAIN_I18N_H

#include "config.h"

#ifdef ENABLE_NLS
#include <libintl.h>
/* A lookup costs a couple of thousand instructions (the explain view makes
 * about a hundred per packet): tr_memo remembers each answer, checked
 * against the message's text, so it serves literals, tables and buffers
 * alike.  Valid because the locale is set once, in main, before any
 * message. */
__attribute__((format_arg(1))) const char *tr_memo(const char *msgid);
#define _(s) tr_memo(s)
#else
#define _(s) (s)
#endif
/* _() of a message shown for every packet: looked up once and remembered
 * in *slot, since a lookup costs more than formatting the line.  Valid
 * because the locale is set once, in main, before any message.  xgettext
 * knows it as a keyword (po/meson.build). */
__attribute__((format_arg(2))) static inline const char *tr_once(const char **slot,
								 const char *msgid)
{
	if (!*slot)
		*slot = _(msgid);
	return *slot;
}

/* _() of a string that lives in a static table (a field's title, a value
 * name), for views that show one per field: the answer is remembered by
 * the string's address, which such a string never shares with another.
 * Never for text in a buffer.  The strings are marked with N_() where the
 * table is. */
const char *tr_static(const char *msgid);

/* Marks a string for extraction where it is stored (tables) and translated
 * later, where it is shown. */
#define N_(s) (s)

#endif
