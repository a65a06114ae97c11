/* services.h - well-known port names. */
#ifndef HEXPLAIN_SERVICES_H
#define HEXPLAIN_SERVICES_H

#include <stdint.h>

/* The service registered for port over proto ("tcp", "udp"): from the system's
 * services database, else a built-in list of the common ones; NULL if none. */
const char *service_name(uint16_t port, const char *proto);

#endif
