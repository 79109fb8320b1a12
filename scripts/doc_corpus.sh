#!/usr/bin/env bash
# Runs the .doc/.wps reader over a folder of Word files made by other programs and compares
# its text with LibreOffice's (`soffice --convert-to txt`):
#   scripts/doc_corpus.sh DIR
# For each file: refused (with 清稿's message) or read; for a read file, the share of the
# non-blank characters LibreOffice extracts that 清稿's text also holds (as a multiset;
# LibreOffice leaves out headers, footers and footnotes and shows deleted tracked text,
# so 100% is not always expected). The corpora stay outside the repository; those used for
# the figures in the report: the test documents of textract and msoffcrypto-tool.
set -euo pipefail
dir=${1:?usage: scripts/doc_corpus.sh DIR}
cd "$(dirname "$0")/.."
cargo build --quiet --release --no-default-features --example word_text
bin=${CARGO_TARGET_DIR:-target}/release/examples/word_text
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
read_n=0 refused=0 crashed=0
while IFS= read -r -d '' f; do
  name=$(basename "$f")
  set +e
  timeout 20 "$bin" "$f" > "$work/ours.txt" 2> "$work/err.txt"
  rc=$?
  set -e
  if [ $rc -gt 1 ]; then
    crashed=$((crashed + 1)); echo "CRASH/HANG ($rc) $name"; continue
  fi
  if [ $rc -eq 1 ]; then
    refused=$((refused + 1)); echo "refused  $name: $(head -c 300 "$work/err.txt")"; continue
  fi
  read_n=$((read_n + 1))
  rm -rf "$work/lo"
  soffice "-env:UserInstallation=file://$work/profile" --headless \
    --convert-to "txt:Text (encoded):UTF8" --outdir "$work/lo" "$f" >/dev/null 2>&1 || true
  lo=$(ls "$work"/lo/*.txt 2>/dev/null | head -1 || true)
  if [ -z "$lo" ]; then echo "read     $name (LibreOffice gave no text)"; continue; fi
  python3 - "$lo" "$work/ours.txt" "$name" <<'PY'
import sys, collections
lo = open(sys.argv[1], encoding="utf-8-sig", errors="replace").read()
ours = open(sys.argv[2], encoding="utf-8", errors="replace").read()
count = lambda s: collections.Counter(c for c in s if not c.isspace())
a, b = count(lo), count(ours)
total = sum(a.values())
held = sum(min(n, b[c]) for c, n in a.items())
share = 100.0 * held / total if total else 100.0
print(f"read     {sys.argv[3]}: {share:.1f}% of LibreOffice's {total} characters")
PY
done < <(find "$dir" -type f \( -iname '*.doc' -o -iname '*.wps' -o -iname '*.xls' -o -iname '*.ppt' \) -print0 | sort -z)
echo "files read: $read_n, refused with a message: $refused, crashed or hung: $crashed"
