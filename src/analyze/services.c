/* services.c - port -> service name, from /etc/services with a built-in
 * fallback, because minimal systems (containers) often have no services file. */
#include "services.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <stdbool.h>
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

static const char *lookup(uint16_t port, const char *proto, char name[64])
{
	struct servent *s = getservbyport(htons(port), proto);
	if (s && s->s_name) {
		strncpy(name, s->s_name, 63);
		name[63] = '\0';
		return name;
	}
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		if (builtin[i].port == port)
			return builtin[i].name;
	return NULL;
}

/* getservbyport reads /etc/services from the top on every call, which was
 * a tenth of the explain view's time: the answers for recent ports are
 * kept, one slot per port number modulo the table size. */
#define SERVICE_CACHE_SIZE 256
static struct {
	bool used;
	uint16_t port;
	char proto[8];
	const char *answer; /* NULL, a builtin name, or name below */
	char name[64];
} cache[SERVICE_CACHE_SIZE];

const char *service_name(uint16_t port, const char *proto)
{
	static char name[64];
	if (strlen(proto) >= sizeof(cache[0].proto))
		return lookup(port, proto, name);
	unsigned h = port % SERVICE_CACHE_SIZE;
	if (!cache[h].used || cache[h].port != port || strcmp(cache[h].proto, proto) != 0) {
		const char *a = lookup(port, proto, cache[h].name);
		cache[h].used = true;
		cache[h].port = port;
		strcpy(cache[h].proto, proto);
		cache[h].answer = a;
	}
	return cache[h].answer;
}
