/* i18n.c - translations of strings from static tables, remembered. */
#include "core/i18n.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef ENABLE_NLS
#define MEMO_SIZE 1024
static struct {
	const char *msgid, *text;
} memo[MEMO_SIZE];
#endif

#ifdef ENABLE_NLS
/* Answers of gettext by the message's address, each with a copy of the
 * message it answered: a buffer reused for other text at the same address
 * then misses instead of getting the old text's translation. */
#define TR_MEMO_SIZE 2048
static struct {
	const char *msgid;
	char *copy;      /* the message as it was looked up */
	const char *text; /* gettext's answer; NULL when it was the msgid itself */
} tr_memo_slot[TR_MEMO_SIZE];

const char *tr_memo(const char *msgid)
{
	if (!msgid)
		return gettext(msgid);
	size_t h = ((uintptr_t)msgid >> 3) % TR_MEMO_SIZE;
	if (tr_memo_slot[h].msgid == msgid && strcmp(tr_memo_slot[h].copy, msgid) == 0)
		return tr_memo_slot[h].text ? tr_memo_slot[h].text : msgid;
	const char *text = gettext(msgid);
	size_t n = strlen(msgid) + 1;
	char *copy = realloc(tr_memo_slot[h].copy, n);
	if (!copy)
		return text; /* not remembered: still the right answer */
	memcpy(copy, msgid, n);
	tr_memo_slot[h].msgid = msgid;
	tr_memo_slot[h].copy = copy;
	/* untranslated, gettext hands back msgid, which may be a buffer */
	tr_memo_slot[h].text = text == msgid ? NULL : text;
	return text;
}
#endif

const char *tr_static(const char *msgid)
{
#ifdef ENABLE_NLS
	size_t h = ((uintptr_t)msgid >> 3) % MEMO_SIZE;
	if (memo[h].msgid != msgid) {
		memo[h].msgid = msgid;
		memo[h].text = _(msgid);
	}
	return memo[h].text;
#else
	return msgid;
#endif
}
