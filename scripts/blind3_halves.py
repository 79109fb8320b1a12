#!/usr/bin/env python3
"""Scores the two halves of the third blind corpus apart, from the output of
`BLIND3_VERBOSE=1 cargo nextest run --test blind3 --no-capture 2> OUT`: the even-numbered
files are built on (their failures may be read), the odd-numbered ones stay held out (only
their totals are printed, never their failures). A file's checks are counted from its
manifest as tests/scoring/mod.rs makes them.

Run: python3 scripts/blind3_halves.py OUT [--even-failures]
"""

import collections
import glob
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "blind3")


def half(stem):
    return "odd (held out)" if int(re.sub(r"\D", "", stem)) % 2 else "even (built on)"


def main():
    out, show = sys.argv[1], "--even-failures" in sys.argv
    checks = {}
    for j in glob.glob(ROOT + "/*.json") + glob.glob(ROOT + "/word/*.json"):
        m = json.load(open(j, encoding="utf-8"))
        stem = os.path.relpath(j, ROOT)[:-5]
        checks[stem] = 1 + 3 * len(m["reports"]) + 2 + len(m["junk"]) + len(m["keep"])
    fails = collections.defaultdict(collections.Counter)
    failed_files = collections.defaultdict(set)
    for line in open(out, encoding="utf-8"):
        m = re.match(r"^(\S+?)\.(txt|docx|doc): (\w+): ", line)
        if not m:
            continue
        h = half(m.group(1))
        fails[h][m.group(3)] += 1
        failed_files[h].add(m.group(1))
        if show and h.startswith("even"):
            print(line.rstrip())
    for h in ["even (built on)", "odd (held out)"]:
        files = [s for s in checks if half(s) == h]
        total = sum(checks[s] for s in files)
        failed = sum(fails[h].values())
        print(f"{h}: {len(files)} files, {len(files) - len(failed_files[h])} fully right; "
              f"{total - failed} of {total} checks ({(total - failed) / total:.1%}); "
              f"failures {dict(sorted(fails[h].items()))}")


main()
