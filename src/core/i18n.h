/* i18n.h - gettext wrappers: every sentence a person reads goes through _(). */
#ifndef HEXPLAIN_I18N_H
#define HEXPLAIN_I18N_H

#include "config.h"

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
/* Marks a string for extraction where it is stored (tables) and translated
 * later, where it is shown. */
#define N_(s) (s)

#endif
