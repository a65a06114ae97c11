/* services.c - port -> service name, from /etc/services with a built-in
 * fallback, because minimal systems (containers) often have no services file. */
#include "services.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	uint16_t port;
	const char *name;
} builtin[] = {
	{7, "echo"},       {20, "ftp-data"},   {21, "ftp"},        {22, "ssh"},
	{23, "telnet"},    {25, "smtp"},       {53, "domain"},     {67, "bootps"},
	{68, "bootpc"},    {69, "tftp"},       {80, "http"},       {110, "pop3"},
	{123, "ntp"},      {137, "netbios-ns"}, {138, "netbios-dgm"}, {139, "netbios-ssn"},
	{143, "imap2"},    {161, "snmp"},      {162, "snmp-trap"}, {179, "bgp"},
	{389, "ldap"},     {443, "https"},     {445, "microsoft-ds"}, {465, "submissions"},
	{514, "syslog"},   {587, "submission"}, {636, "ldaps"},    {853, "domain-s"},
	{993, "imaps"},    {995, "pop3s"},     {1194, "openvpn"},  {1812, "radius"},
	{3306, "mysql"},   {3389, "ms-wbt-server"}, {5353, "mdns"}, {5432, "postgresql"},
	{6379, "redis"},   {8080, "http-alt"},
};

/* One cache line per port would be wasteful; lookups are rare enough
 * (explain view only) that the libc call per port is fine. */
const char *service_name(uint16_t port, const char *proto)
{
	static char name[64];
	struct servent *s = getservbyport(htons(port), proto);
	if (s && s->s_name) {
		strncpy(name, s->s_name, sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		return name;
	}
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (builtin[i].port == port)
			return builtin[i].name;
	return NULL;
}
