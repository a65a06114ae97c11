/* pcap_in.h - reads a pcap or pcapng capture with libpcap (hexplain -r).
 *
 * Each packet becomes a frame like those the framer makes from text, so the
 * same decoders and views explain captures and dumps alike; only the frame
 * has no summary line, and its link type comes from the file instead of a
 * guess.
 */
#ifndef HEXPLAIN_PCAP_IN_H
#define HEXPLAIN_PCAP_IN_H

#include "core/packet.h"
#include "input/framer.h"

/* Called once per packet with the link type the capture declares
 * (LINK_UNKNOWN when hexplain has no decoder for it: then guess). */
typedef void (*capture_frame_fn)(const struct frame *f, enum link_type link, void *user);

/* Reads every packet of the capture at path ("-" is standard input).
 * Returns 0, or 2 after printing why the file could not be read. */
int capture_read_file(const char *path, capture_frame_fn fn, void *user);

/* hexplain's link type for a libpcap DLT_ value, LINK_UNKNOWN if none. */
enum link_type link_type_from_dlt(int dlt);

#endif
