#!/usr/bin/env python3
"""pcap_interop.py - hexplain -w and -r against libpcap's own files.

usage: pcap_interop.py HEXPLAIN_BINARY CASES_DIR

For every CASE.pcap in CASES_DIR (tests/oracle/cases, copied from the corpus):
  1. round trip: `tcpdump -r CASE.pcap -nn -XX -tttt | hexplain -w OUT.pcap`
     gives the same link type and, packet for packet, the same bytes and
     time stamps as CASE.pcap (the wire length too when the text shows it);
  2. binary path = text path: `hexplain -r CASE.pcap --json` and
     `hexplain --json CASE.XX.txt` give the same fields, packet for packet.
Exit status 77 (skipped) when tcpdump is not installed.
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile


def read_pcap(path):
    """(linktype, [(sec, frac_ns, caplen, wirelen, bytes)]) of a pcap file."""
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    if magic in (0xA1B2C3D4, 0xA1B23C4D):
        end = "<"
    else:
        end = ">"
        magic = struct.unpack(">I", data[:4])[0]
    nano = magic == 0xA1B23C4D
    linktype = struct.unpack(end + "I", data[20:24])[0] & 0x0FFFFFFF
    out, off = [], 24
    while off + 16 <= len(data):
        sec, frac, caplen, wire = struct.unpack(end + "IIII", data[off:off + 16])
        off += 16
        out.append((sec, frac if nano else frac * 1000, caplen, wire, data[off:off + caplen]))
        off += caplen
    return linktype, out


def fields(lines):
    """Per packet: the multiset of (name, value) of its fields."""
    got = []
    for line in lines.splitlines():
        obj = json.loads(line)
        got.append(sorted((f["name"], json.dumps(f["value"])) for f in obj["fields"]))
    return got


def main():
    binary, cases = sys.argv[1], sys.argv[2]
    if not shutil.which("tcpdump"):
        print("SKIP: tcpdump not installed")
        return 77
    env = dict(os.environ, TZ="UTC")
    failures = checked = 0
    tmp = tempfile.mkdtemp(prefix="hexplain-pcap-")
    for name in sorted(os.listdir(cases)):
        if not name.endswith(".pcap"):
            continue
        case = name[:-5]
        src = os.path.join(cases, name)
        out = os.path.join(tmp, case + ".pcap")
        text = subprocess.run(["tcpdump", "-r", src, "-nn", "-XX", "-tttt"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              check=True).stdout
        w = subprocess.run([binary, "-w", out], input=text, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        want_lt, want = read_pcap(src)
        got_lt, got = read_pcap(out) if os.path.exists(out) else (None, [])
        problems = []
        if w.returncode != 0:
            problems.append("hexplain -w exited %d: %s" % (w.returncode, w.stderr.decode()))
        if got_lt != want_lt:
            problems.append("link type %s, want %s" % (got_lt, want_lt))
        if len(got) != len(want):
            problems.append("%d packets, want %d" % (len(got), len(want)))
        for i, (g, e) in enumerate(zip(got, want), 1):
            if g[4] != e[4]:
                problems.append("packet %d: bytes differ" % i)
            if g[:2] != e[:2]:
                problems.append("packet %d: time %s, want %s" % (i, g[:2], e[:2]))
            # the wire length is known when the dump holds it all, or when
            # its headers declare it (a cut inside the link header does not)
            if g[3] != e[3] and e[2] >= 14:
                problems.append("packet %d: length %d, want %d" % (i, g[3], e[3]))
        # the binary path explains what the text path explains
        xx = os.path.join(cases, case + ".XX.txt")
        if os.path.exists(xx):
            a = subprocess.run([binary, "--json", "-r", src], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env).stdout.decode()
            b = subprocess.run([binary, "--json", xx], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env).stdout.decode()
            fa, fb = fields(a), fields(b)
            if len(fa) != len(fb):
                problems.append("-r gave %d packets, the text %d" % (len(fa), len(fb)))
            for i, (x, y) in enumerate(zip(fa, fb), 1):
                if x != y:
                    only_r = sorted(set(x) - set(y))[:4]
                    only_t = sorted(set(y) - set(x))[:4]
                    problems.append("packet %d: -r fields differ from the text's: only -r %s, "
                                    "only text %s" % (i, only_r, only_t))
        checked += 1
        if problems:
            failures += 1
            print("FAIL %s" % case)
            for p in problems:
                print("   ", p)
        else:
            print("ok   %s (%d packets)" % (case, len(want)))
    shutil.rmtree(tmp)
    print("%d cases, %d failed" % (checked, failures))
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
