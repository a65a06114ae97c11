/* i18n.c - translations of strings from static tables, remembered. */
#include "core/i18n.h"

#include <stddef.h>
#include <stdint.h>

#ifdef ENABLE_NLS
#define MEMO_SIZE 1024
static struct {
	const char *msgid, *text;
} memo[MEMO_SIZE];
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
