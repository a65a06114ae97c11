/* pcap_out.h - writes the packets read from text into a pcap file
 * (hexplain -w), so Wireshark and tcpdump -r can open a pasted hex dump.
 *
 * The bytes written are exactly those of the dump.  The file's link type is
 * the first packet's; dumps that start at the network header (tcpdump -x)
 * are written as LINKTYPE_RAW, which holds IPv4 and IPv6 alike (a -x dump
 * of one capture mixes them; LINKTYPE_IPV4/IPV6 would each hold only one).
 */
#ifndef HEXPLAIN_PCAP_OUT_H
#define HEXPLAIN_PCAP_OUT_H

#include <stdbool.h>

#include "core/packet.h"
#include "input/framer.h"

struct pcap_out;

/* Remembers where to write; the file is created at the first packet, when
 * its link type is known.  path "-" is standard output. */
struct pcap_out *pcap_out_new(const char *path);

/* Writes one frame whose dump starts with link; the time stamp comes from
 * the frame's summary line.  Messages go to standard error; returns false
 * when the packet was not written. */
bool pcap_out_frame(struct pcap_out *w, const struct frame *f, enum link_type link,
		    unsigned long number);

/* Closes the file (creating an empty one if no packet came); returns 0, or
 * 2 after an I/O error was reported. */
int pcap_out_close(struct pcap_out *w);

/* The DLT_ value (libpcap writes its LINKTYPE_) for a dump starting with link,
 * -1 when none holds it (a bare ARP message). */
int linktype_of(enum link_type link);

#endif
