#!/usr/bin/env python3
"""Checks each manifest of tests/fixtures/unseen or another held-out set such as tests/fixtures/blind (and of unseen/word, read through LibreOffice's
text export, with the words of the .docx parts for the junk in headers and footers) against its text,
independently of the generator: the junk is in the text, every kept line is a line of the text
(up to the junk around it: a label before the title, an injected brand word, D for 党), no kept
line holds junk, and each report's paragraph-initial markers, found here by their own patterns,
are the manifest's.

Run: python3 scripts/check_unseen_corpus.py [DIR]
"""

import glob
import json
import os
import re
import sys

N = "一二三四五六七八九十"
MARKER = re.compile(
    rf"^(第[{N}]+(?:章|节|部分)"
    rf"|[{N}]+、|（[{N}]+）|\([{N}]+\)"
    r"|\d+[.、](?!\d)|[０-９]+．|（\d+）|\(\d+\)|\d+）|[⑴-⒇]|[①-⑩]|[Ａ-Ｚ]．|[A-Z]\."
    rf"|第[{N}]+，|首先，|其次，|再次，|最后，(?!祝)"
    rf"|[{N}]+[是要抓])"
)


def word_text(path):
    """LibreOffice's text of a Word file, list labels joined to their text as Word shows them
    (its export puts a space after the label), table cells one a line."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, path],
                       capture_output=True, timeout=180)
        name = os.path.splitext(os.path.basename(path))[0] + ".txt"
        text = open(os.path.join(tmp, name), encoding="utf-8-sig").read()
    return "\n".join(re.sub(r"^\s*(\S+?[、）.]) ", r"\1", l) for l in text.split("\n"))


def docx_words(path):
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
        xml = "".join(z.read(n).decode("utf-8") for n in parts)
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    import html

    return "\n".join(html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))) for p in paras)


def simplified(text):
    """The text as it reads after conversion to simplified (for a manifest marked traditional,
    whose junk and kept lines are given converted)."""
    import opencc

    return opencc.OpenCC("t2s").convert(text)


def check(txt_path, m, text, junk_text=None):
    errors = []
    lines = [l.strip() for l in text.split("\n")]
    if m.get("traditional"):
        # Titles, labels and markers are as written; junk and kept lines as converted.
        raw = text if junk_text is None else junk_text
        lines, text = [simplified(l) for l in lines], simplified(text)
        junk_text = raw + "\n" + text  # junk may be given as written or as converted
        m = dict(m, reports=[dict(r, title=simplified(r["title"]), label=r["label"] and simplified(r["label"]),
                                  markers=[simplified(x) for x in r["markers"]]) for r in m["reports"]])
    brands = [j for j in m["junk"] if any(j in l and l != j for l in lines) and len(j) <= 8]
    labels = [r["label"] for r in m["reports"] if r["label"]]

    def variants(line):
        out = {line}
        for lab in labels:
            if line.startswith(lab):
                out.add(line[len(lab):])
        for b in brands:
            out |= {v.replace(b, "") for v in list(out)}
        out |= {v.replace("D", "党").replace("黨", "黨") for v in list(out)}
        return out

    allv = set()
    for l in lines:
        allv |= variants(l)
    for k in m["keep"]:
        if "\t" in k and all(cell in allv for cell in k.split("\t")):
            continue  # a table row: LibreOffice writes each cell on a line
        if k not in allv:
            errors.append(f"keep line not in text: {k}")
        for j in m["junk"]:
            if j in k and j not in labels:
                errors.append(f"keep line holds junk {j!r}: {k}")
    for j in m["junk"]:
        if j not in (text if junk_text is None else junk_text):
            errors.append(f"junk not in text: {j}")
    # Report regions: from each title (or its label line) to the next, found from the end so
    # that a 目录 listing the titles is passed over.
    starts = []
    end = len(lines)
    for r in reversed(m["reports"]):
        found = None
        for i in range(end - 1, -1, -1):
            l = lines[i]
            if l == r["title"] or (r["label"] and l in (r["label"] + r["title"], r["label"])):
                found = i
                break
        if found is None:
            errors.append(f"report not found: {r['title']}")
            return errors
        if r["label"] and lines[found] == r["title"] and found > 0 and lines[found - 1] == r["label"]:
            found -= 1
        starts.insert(0, found)
        end = found
    starts.append(len(lines))
    for n, r in enumerate(m["reports"]):
        got = []
        for l in lines[starts[n] + 1:starts[n + 1]]:
            if l == r["title"]:
                continue
            mm = MARKER.match(l)
            if mm:
                got.append(mm.group(1))
        if got != r["markers"]:
            errors.append(f"report {n + 1} markers {got} != manifest {r['markers']}")
    return errors


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "unseen")
    bad = 0
    files = sorted(glob.glob(os.path.join(d, "*.json"))) + sorted(glob.glob(os.path.join(d, "word", "*.json")))
    for js in files:
        m = json.load(open(js, encoding="utf-8"))
        assert m["held_out"] is True and set(m) - {"traditional"} == {"held_out", "reports", "junk", "keep"}, js
        for r in m["reports"]:
            assert set(r) == {"title", "label", "markers"}, js
        if os.sep + "word" + os.sep in js:
            doc = next(js[:-5] + e for e in (".docx", ".doc") if os.path.exists(js[:-5] + e))
            text = word_text(doc)
            junk_text = docx_words(doc) if doc.endswith(".docx") else None
            if junk_text is None:  # a .doc converted from the .docx of the same manifest
                junk_text = docx_words(doc[:-5] + ".docx")
            errs = check(doc, m, text, junk_text)
        else:
            txt = js[:-5] + ".txt"
            raw = open(txt, "rb").read()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("gb18030")
            errs = check(txt, m, text.replace("\r\n", "\n"))
        for e in errs:
            print(f"{os.path.basename(js)}: {e}")
        bad += bool(errs)
    print(f"{len(files) - bad} of {len(files)} manifests agree with their text")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
