#!/usr/bin/env python3
"""Where the test time goes: reads .trx files (test.sh keeps them under its results folder, or pass your own)
and prints the test classes by wall-clock span (first start to last end, fixtures' setup included) and by the
sum of their tests' own durations.

    tools/test-times.py RESULTS_DIR_OR_TRX... [--top N]
"""
import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET
from datetime import datetime


def parse_time(text):
    # 2026-12-01T21:42:10.1234567+00:00: Python wants at most six fraction digits.
    date, _, rest = text.partition(".")
    if not rest:
        return datetime.fromisoformat(text)
    digits = "".join(c for c in rest if c.isdigit())
    zone = rest[len(digits):]
    return datetime.fromisoformat(f"{date}.{digits[:6].ljust(6, '0')}{zone}")


def seconds(duration):
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            yield from glob.glob(os.path.join(p, "**", "*.trx"), recursive=True)
        else:
            yield p


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    classes = {}
    runs = []
    for path in files(args.paths):
        root = ET.parse(path).getroot()
        strip = lambda e: e.tag.rsplit("}", 1)[-1]
        owner = {}
        for e in root.iter():
            if strip(e) == "UnitTest":
                method = next((c for c in e if strip(c) == "TestMethod"), None)
                if method is not None:
                    owner[e.get("id")] = method.get("className")
            elif strip(e) == "Times":
                runs.append((os.path.basename(path), parse_time(e.get("start")), parse_time(e.get("finish"))))
        for e in root.iter():
            if strip(e) != "UnitTestResult" or not e.get("startTime"):
                continue
            name = owner.get(e.get("testId"), e.get("testName").rsplit(".", 1)[0])
            start, end = parse_time(e.get("startTime")), parse_time(e.get("endTime"))
            c = classes.setdefault(name, {"n": 0, "sum": 0.0, "start": start, "end": end, "failed": 0})
            c["n"] += 1
            c["sum"] += seconds(e.get("duration", "0:0:0"))
            c["start"], c["end"] = min(c["start"], start), max(c["end"], end)
            if e.get("outcome") != "Passed":
                c["failed"] += 1
    for name, start, finish in runs:
        print(f"run {name}: {(finish - start).total_seconds():.0f}s")
    if not classes:
        sys.exit("no test results found")
    origin = min(c["start"] for c in classes.values())
    print(f"{'span s':>7} {'sum s':>7} {'from s':>7} {'tests':>5}  class")
    for name, c in sorted(classes.items(), key=lambda kv: -(kv[1]["end"] - kv[1]["start"]).total_seconds())[: args.top]:
        span = (c["end"] - c["start"]).total_seconds()
        bad = f"  ({c['failed']} not passed)" if c["failed"] else ""
        print(f"{span:7.0f} {c['sum']:7.0f} {(c['start'] - origin).total_seconds():7.0f} {c['n']:5}  {name}{bad}")
    print(f"{len(classes)} classes, {sum(c['n'] for c in classes.values())} tests, sum of durations {sum(c['sum'] for c in classes.values()):.0f}s")


if __name__ == "__main__":
    main()
