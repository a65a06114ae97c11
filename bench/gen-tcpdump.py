#!/usr/bin/env python3
"""gen-tcpdump.py - writes realistic `tcpdump -nn -vv -XX` text of TCP traffic.

usage: bench/gen-tcpdump.py MEGABYTES [--pcap FILE]

The traffic is a bulk transfer over Ethernet/IPv4/TCP with timestamps: a mix
of pure ACKs (66 bytes), MTU-sized data segments (1514 bytes) and small
segments (100-400 bytes), with correct checksums.  tcpdump itself prints a
pool of distinct packets once (so the text is exactly what tcpdump prints);
the pool is then written over and over with fresh, increasing time stamps
until MEGABYTES of text (10^6 bytes) have gone to standard output.  Nothing
is stored: the output is made on the fly, so it can be piped into hexplain.

With --pcap FILE the pool is also left in FILE (for tools that read pcap).
"""
import os
import random
import struct
import subprocess
import sys
import tempfile

POOL = 2000


def csum(data):
	if len(data) % 2:
		data += b"\0"
	s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
	while s >> 16:
		s = (s & 0xFFFF) + (s >> 16)
	return ~s & 0xFFFF


def tcp_packet(rng, src, dst, sport, dport, seq, ack, flags, payload, ident, tsval, tsecr):
	opts = struct.pack("!BBBBII", 1, 1, 8, 10, tsval, tsecr)  # nop,nop,TS
	thl = 20 + len(opts)
	tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, (thl // 4) << 4, flags,
			  rng.choice((501, 502, 512, 1024)), 0, 0) + opts + payload
	pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
	c = csum(pseudo + tcp)
	tcp = tcp[:16] + struct.pack("!H", c) + tcp[18:]
	tot = 20 + len(tcp)
	ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tot, ident, 0x4000, 64, 6, 0, src, dst)
	ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
	eth = bytes.fromhex("b8cef6048b14d4aff7db48970800")
	return eth + ip + tcp


def make_pool(path):
	rng = random.Random(6)
	client, server = bytes([10, 0, 0, 2]), bytes([10, 0, 0, 1])
	seq_s, seq_c, ident = 1000000, 5000000, 1
	tsval = 3244203756
	frames = []
	for i in range(POOL):
		r = rng.random()
		ident = (ident + 1) & 0xFFFF
		tsval += 1
		if r < 0.45:  # the receiver's pure ACK
			frames.append(tcp_packet(rng, client, server, 51234, 443, seq_c, seq_s, 0x10, b"",
						 ident, tsval, tsval - 7))
		elif r < 0.8:  # MTU-sized data
			data = bytes(rng.getrandbits(8) for _ in range(1448))
			frames.append(tcp_packet(rng, server, client, 443, 51234, seq_s, seq_c, 0x10, data,
						 ident, tsval, tsval - 7))
			seq_s += len(data)
		else:  # small segments both ways
			data = bytes(rng.getrandbits(8) for _ in range(rng.randint(100, 400)))
			frames.append(tcp_packet(rng, client, server, 51234, 443, seq_c, seq_s, 0x18, data,
						 ident, tsval, tsval - 7))
			seq_c += len(data)
	with open(path, "wb") as f:
		f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
		for n, fr in enumerate(frames):
			f.write(struct.pack("<IIII", 1700000000 + n // 1000, (n % 1000) * 1000, len(fr), len(fr)))
			f.write(fr)


def pool_records(pcap):
	text = subprocess.run(["tcpdump", "-r", pcap, "-nn", "-vv", "-XX"], check=True,
			      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
			      env=dict(os.environ, TZ="UTC")).stdout.decode()
	records, cur = [], []
	for line in text.splitlines(True):
		if line[:1] not in (" ", "\t") and cur:
			records.append("".join(cur))
			cur = []
		cur.append(line)
	if cur:
		records.append("".join(cur))
	# "HH:MM:SS.ffffff" comes first: keep what follows it
	return [r[15:] for r in records]


def main():
	args = sys.argv[1:]
	keep = None
	if "--pcap" in args:
		i = args.index("--pcap")
		keep = args[i + 1]
		del args[i:i + 2]
	if len(args) != 1:
		sys.exit(__doc__)
	want = int(float(args[0]) * 1e6)
	with tempfile.TemporaryDirectory() as tmp:
		pcap = keep or os.path.join(tmp, "pool.pcap")
		make_pool(pcap)
		tails = pool_records(pcap)
	out = sys.stdout.buffer
	written, usec, chunk = 0, 0, []
	try:
		while written < want:
			for t in tails:
				usec += 37
				s = "%02d:%02d:%02d.%06d" % (usec // 3600000000 % 24, usec // 60000000 % 60,
							    usec // 1000000 % 60, usec % 1000000) + t
				chunk.append(s)
				written += len(s)
				if written >= want:
					break
			out.write("".join(chunk).encode())
			chunk = []
	except BrokenPipeError:
		sys.stderr.close()


if __name__ == "__main__":
	main()
