#!/usr/bin/env python3
"""gso-record.py - prints one `tcpdump -nn -XX` record of a TSO/GRO packet
bigger than 64 KiB, as tcpdump shows one captured on loopback: IPv4 total
length 0 (it cannot hold the size), the real size only in the bytes.

usage: gso-record.py PAYLOAD_BYTES
"""
import struct
import sys

n = int(sys.argv[1])
payload = bytes((i * 7 + 3) & 0xFF for i in range(n))
tcp = struct.pack("!HHIIBBHHH", 443, 51234, 1000, 2000, 5 << 4, 0x18, 512, 0, 0)
ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 0, 1, 0x4000, 64, 6, 0,
                 bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]))
frame = bytes(12) + b"\x08\x00" + ip + tcp + payload
out = ["12:00:00.000001 IP 127.0.0.1.443 > 127.0.0.1.51234: Flags [P.], seq 1000:%d, "
       "ack 2000, win 512, length %d" % (1000 + n, n)]
for off in range(0, len(frame), 16):
    chunk = frame[off:off + 16]
    groups = " ".join(chunk[i:i + 2].hex() for i in range(0, len(chunk), 2))
    text = "".join(chr(b) if 0x20 < b < 0x7F else "." for b in chunk)
    out.append("\t0x%04x:  %-39s  %s" % (off, groups, text))
sys.stdout.write("\n".join(out) + "\n")
