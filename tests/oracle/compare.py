#!/usr/bin/env python3
"""Differential test: hexplain --json against tshark, run now, on the same capture.

usage: compare.py --bin HEXPLAIN [--tshark TSHARK] [--known FILE]
                  [--variants x,XX] [--show N] [--verbose] CASES_DIR

Every case NAME in CASES_DIR has NAME.pcap (the truth) and the text tcpdump
printed from it: NAME.x.txt (-nn -vv -x, link header left out) and NAME.XX.txt
(-nn -vv -XX, whole frame).  For each text dump, packet by packet:
  packets  hexplain reads as many packets as the capture holds
  bytes    hexplain's "bytes" are the frame (-XX), or the frame minus what
           tcpdump left out in front (-x: the link header, as the dump shows)
  fields   every field name that both hexplain and tshark give carries the
           same values, compared as multisets (one value per instance)
Values are put into one comparable form first: numbers as integers (tshark's
"0x106d" equals 4205), true/false as 1/0, byte strings without colons,
everything else lower-case; tshark's checksum status codes become the words
hexplain uses (0 bad, 1 good, 2 unverified, 3 not present, 4 illegal).
A disagreement listed in the known-differences file is counted, shown and
forgiven; any other one fails the run (exit 1).  Standard library only.
"""
import argparse
import fnmatch
import glob
import json
import os
import re
import struct
import subprocess
import sys
from collections import Counter

# The oracle's preferences (mirroring ../shared/corpus/make-corpus.py):
# checksums verified, and no reassembly, so each packet's fields come from
# its own bytes as they do in hexplain.
TSHARK_PREFS = ["-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE",
                "-o", "tcp.relative_sequence_numbers:TRUE",
                "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE"]
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")

# A key in tshark's JSON that is a display-filter field name: dotted words.
FILTER_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[\w-]+)+")
# "\t0x0010:  4500 0038 ..." - one hex line of tcpdump -x/-X/-XX
DUMP_HEX = re.compile(r"\t0x([0-9a-f]+):  ?((?: [0-9a-f]{2,4})+)")
DUMP_HEADER = re.compile(r"\d\d:\d\d:\d\d\.\d{6} ")
COLON_BYTES = re.compile(r"[0-9a-f]{2}(?::[0-9a-f]{2})+")
STATUS_WORDS = {"0": "bad", "1": "good", "2": "unverified", "3": "not present",
                "4": "illegal"}


def read_pcap(path):
    """Return (link type, [(captured bytes, length on the wire)])."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        order = "<"
    elif data[:4] in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        order = ">"
    else:
        raise ValueError(f"{path}: not a classic pcap file")
    linktype = struct.unpack(order + "I", data[20:24])[0] & 0x0FFFFFFF
    frames, pos = [], 24
    while pos + 16 <= len(data):
        caplen, wirelen = struct.unpack(order + "II", data[pos + 8:pos + 16])
        frames.append((data[pos + 16:pos + 16 + caplen], wirelen))
        pos += 16 + caplen
    return linktype, frames


def printed_bytes(path):
    """The bytes tcpdump printed for each packet of a timestamped dump.

    A packet starts at its time stamp line; its bytes are the hex lines after
    it.  When offset 0x0000 comes again inside one packet, an inner dump (a
    -vv printer showing its payload) came first, and the packet's own hex is
    the run that starts last."""
    packets = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = DUMP_HEX.match(line)
            if m is None:
                if DUMP_HEADER.match(line):
                    packets.append(bytearray())
                continue
            if not packets:
                continue
            if int(m.group(1), 16) == 0:
                packets[-1] = bytearray()
            packets[-1] += bytes.fromhex(m.group(2).replace(" ", ""))
    return [bytes(p) for p in packets]


def collect_fields(node, out):
    """Every leaf under a field-name key, in document order: name -> values."""
    if isinstance(node, list):
        for item in node:
            collect_fields(item, out)
        return out
    if not isinstance(node, dict):
        return out
    for key, val in node.items():
        leaves = val if isinstance(val, list) else [val]
        for leaf in leaves:
            if isinstance(leaf, (dict, list)):
                collect_fields(leaf, out)
            elif FILTER_NAME.fullmatch(key) and not key.endswith("_tree"):
                out.setdefault(key, []).append(str(leaf))
    return out


def tshark_packets(tshark, pcap):
    res = subprocess.run([tshark, "-r", pcap, "-T", "json", "--no-duplicate-keys"]
                         + TSHARK_PREFS, env=ENV, capture_output=True)
    if res.returncode != 0:
        raise RuntimeError(f"tshark failed on {pcap}: "
                           + res.stderr.decode("utf-8", "replace").strip())
    return [collect_fields(pkt["_source"]["layers"], {}) for pkt in json.loads(res.stdout)]


def comparable(value):
    """tshark's strings and hexplain's JSON values in one form."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return int(value)
    if not isinstance(value, str):
        return value
    text = value.strip().lower()
    if text in ("true", "false"):
        return int(text == "true")
    try:
        return int(text, 0)     # 4205, 0x106d
    except ValueError:
        pass
    if COLON_BYTES.fullmatch(text):
        return text.replace(":", "")
    return text


def tshark_values(fields):
    out = {}
    for name, values in fields.items():
        if name.endswith("checksum.status"):
            out[name] = [STATUS_WORDS.get(v, v) for v in values]
        else:
            out[name] = [comparable(v) for v in values]
    return out


def hexplain_values(obj):
    out = {}
    for field in obj.get("fields", []):
        name = field.get("name")
        if name is None or "value" not in field:
            continue
        value = field["value"]
        if name.endswith(".status") and isinstance(value, str):
            value = value.lower()
        out.setdefault(name, []).append(comparable(value))
    return out


def as_multiset(values):
    return Counter(map(str, values))


class Known:
    """known-differences.txt: FIELD WHERE REASON..., one a line.  WHERE is a
    glob over "CASE.VARIANT#FRAME" (seed-handshake.*#3, *#*, bad-checksums*).
    A REASON that starts with "[subset]" forgives only a difference where
    every value hexplain gives is also among tshark's (tshark shows more)."""

    def __init__(self, path):
        self.entries = []
        if path and os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    line = line.strip()
                    if not line or line.startswith("#"):
                        continue
                    parts = line.split(None, 2)
                    if len(parts) < 3:
                        raise SystemExit(f"{path}:{number}: want FIELD WHERE REASON")
                    self.entries.append({"field": parts[0], "where": parts[1],
                                         "reason": parts[2], "line": number, "used": 0})
        self.path = path

    def match(self, field, where):
        for entry in self.entries:
            if fnmatch.fnmatchcase(field, entry["field"]) and \
                    fnmatch.fnmatchcase(where, entry["where"]):
                entry["used"] += 1
                return entry
        return None


def run_hexplain(binary, dump):
    res = subprocess.run([binary, "--json", dump], env=ENV, capture_output=True,
                         timeout=60, stdin=subprocess.DEVNULL)
    objs, junk = [], 0
    for line in res.stdout.decode("utf-8", "replace").splitlines():
        if line.strip():
            try:
                objs.append(json.loads(line))
            except json.JSONDecodeError:
                junk += 1
    return res.returncode, objs, junk


def check_case(args, pcap, known, tally, failures, forgiven, by_field):
    case = os.path.basename(pcap)[:-len(".pcap")]
    base = pcap[:-len(".pcap")]
    _, frames = read_pcap(pcap)
    theirs = [tshark_values(f) for f in tshark_packets(args.tshark, pcap)]
    if len(theirs) != len(frames):
        failures.append(f"{case}: tshark decoded {len(theirs)} packets, the pcap has {len(frames)}")
    for variant in args.variants:
        dump = f"{base}.{variant}.txt"
        if not os.path.exists(dump):
            continue
        label = f"{case}.{variant}"
        tally["dumps"] += 1
        printed = printed_bytes(dump)
        if len(printed) != len(frames):
            failures.append(f"{label}: the dump shows {len(printed)} packets, the pcap has "
                            f"{len(frames)} (test data broken?)")
            continue
        status, objs, junk = run_hexplain(args.bin, dump)
        if junk:
            failures.append(f"{label}: {junk} lines of hexplain's output are not JSON")
        if status not in (0, 1):
            failures.append(f"{label}: hexplain exited with status {status}")
        if len(objs) != len(frames):
            failures.append(f"{label}: hexplain read {len(objs)} packets, the pcap has {len(frames)}")
        for i, obj in enumerate(objs[:len(frames)]):
            where = f"{label}#{i + 1}"
            frame = frames[i][0]
            tally["packets"] += 1
            # what the dump holds must be the end of the frame: all of it
            # for -XX, the frame past what tcpdump left out for -x
            want = printed[i]
            if not frame.endswith(want) or (variant in ("xx", "XX") and want != frame):
                failures.append(f"{where}: the dump's bytes are not the pcap's frame "
                                f"(test data broken?)")
            got = str(obj.get("bytes", "")).lower()
            if got == want.hex():
                tally["bytes_ok"] += 1
            else:
                first = next((k // 2 for k in range(0, min(len(got), 2 * len(want)), 2)
                              if got[k:k + 2] != want.hex()[k:k + 2]),
                             min(len(got) // 2, len(want)))
                failures.append(f"{where}: bytes differ from byte {first}: hexplain has "
                                f"{len(got) // 2}, the frame"
                                f"{'' if variant in ('xx', 'XX') else ' past what -x leaves out'}"
                                f" has {len(want)}")
            if i >= len(theirs):
                continue
            mine = hexplain_values(obj)
            for name in sorted(mine.keys() & theirs[i].keys()):
                tally["fields"] += 1
                stats = by_field.setdefault(name, Counter())
                stats["compared"] += 1
                if as_multiset(mine[name]) == as_multiset(theirs[i][name]):
                    tally["agree"] += 1
                    continue
                text = f"{where}: {name}: hexplain {mine[name]}, tshark {theirs[i][name]}"
                entry = known.match(name, where)
                if entry and entry["reason"].startswith("[subset]") and \
                        as_multiset(mine[name]) - as_multiset(theirs[i][name]):
                    entry = None  # a value tshark does not have: not what was pinned
                if entry:
                    tally["known"] += 1
                    stats["known"] += 1
                    forgiven.append(f"{text}  [known: {entry['reason']}]")
                else:
                    stats["differ"] += 1
                    failures.append(text)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True, help="the hexplain binary")
    ap.add_argument("--tshark", default="tshark")
    ap.add_argument("--known", default=os.path.join(here, "known-differences.txt"))
    ap.add_argument("--variants", default="x,XX")
    ap.add_argument("--show", type=int, default=200, help="how many disagreements to list")
    ap.add_argument("--verbose", action="store_true",
                    help="also list the forgiven differences and every field compared")
    ap.add_argument("cases")
    args = ap.parse_args()
    args.variants = [v for v in args.variants.split(",") if v]

    known = Known(args.known)
    tally = Counter()
    failures, forgiven, by_field = [], [], {}
    pcaps = sorted(glob.glob(os.path.join(args.cases, "*.pcap")))
    if not pcaps:
        print(f"oracle: no *.pcap in {args.cases}")
        return 1
    for pcap in pcaps:
        try:
            check_case(args, pcap, known, tally, failures, forgiven, by_field)
        except (OSError, ValueError, RuntimeError, subprocess.TimeoutExpired) as err:
            failures.append(f"{os.path.basename(pcap)}: {err}")

    if failures:
        print(f"DISAGREEMENTS ({len(failures)}):")
        for line in failures[:args.show]:
            print("  " + line)
        if len(failures) > args.show:
            print(f"  ... and {len(failures) - args.show} more (--show N)")
        differing = sorted((s["differ"], n) for n, s in by_field.items() if s["differ"])
        if differing:
            print("fields that disagree (instances): "
                  + ", ".join(f"{n} {c}" for c, n in reversed(differing)))
    if forgiven:
        print(f"known differences seen: {len(forgiven)} (see {os.path.basename(args.known)})")
        for line in forgiven if args.verbose else forgiven[:10]:
            print("  " + line)
    for entry in known.entries:
        if not entry["used"]:
            print(f"note: {os.path.basename(args.known)}:{entry['line']} "
                  f"({entry['field']} {entry['where']}) no longer differs; remove it?")
    if args.verbose:
        print("fields compared: " + ", ".join(
            f"{n} {s['compared']}" for n, s in sorted(by_field.items())))
    print(f"oracle: {len(pcaps)} cases, {tally['dumps']} dumps, bytes "
          f"{tally['bytes_ok']}/{tally['packets']} packets, fields {tally['agree']}/"
          f"{tally['fields']} agree with tshark ({tally['known']} known differences), "
          f"{len(by_field)} distinct names compared")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
