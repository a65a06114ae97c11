/* placeholder until the module lands */
typedef int placeholder_unit;
#include "input/linkguess.h"
enum link_type link_guess(const uint8_t *bytes, size_t len, const char *summary, struct strbuf *why)
{ (void)summary; (void)why; (void)len; return bytes[0] >> 4 == 4 ? LINK_IPV4 : LINK_ETHER; }
