#!/usr/bin/env bash
# Runs 清稿's readers over folders of Word files made by other programs and compares its
# text with LibreOffice's (`soffice --convert-to txt`):
#   scripts/doc_corpus.sh DIR...
# Takes every .docx .docm .dotx .doc .wps .rtf .odt under the DIRs. For each file: crashed
# or hung (20 s), refused (with 清稿's message), or read; for a read file, the share of the
# non-blank characters LibreOffice extracts that 清稿's text also holds (as a multiset),
# and the share of 清稿's characters LibreOffice does not have. LibreOffice leaves out
# headers, footers and text boxes and writes numbering its own way, so 100% is not always
# expected. Prints one line a file, then the totals; QINGGAO_PROFILE=debug uses a debug
# build (no release build needed). The corpora stay outside the repository: the README
# ("Word 文档" → 外部语料) names those behind its figures and how to get them.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/doc_corpus.sh DIR..." >&2; exit 2; }
dirs=()
for d in "$@"; do dirs+=("$(cd "$d" && pwd)"); done
cd "$(dirname "$0")/.."
profile=${QINGGAO_PROFILE:-release}
if [ "$profile" = release ]; then
  cargo build --quiet --release --no-default-features --example word_text
else
  cargo build --quiet --no-default-features --example word_text
fi
bin=${CARGO_TARGET_DIR:-target}/$profile/examples/word_text
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/ours" "$work/lo"
# Every file under a short name of its own (LibreOffice names its output after the input).
n=0
: > "$work/list"
while IFS= read -r -d '' f; do
  n=$((n + 1))
  ext=${f##*.}
  id=$(printf '%05d' "$n")
  cp "$f" "$work/in/$id.${ext,,}"
  printf '%s\t%s\n' "$id.${ext,,}" "$f" >> "$work/list"
done < <(find "${dirs[@]}" -type f \( -iname '*.docx' -o -iname '*.docm' -o -iname '*.dotx' \
  -o -iname '*.doc' -o -iname '*.wps' -o -iname '*.rtf' -o -iname '*.odt' \) -print0 | sort -z)
# LibreOffice's text of them all, in one run (a private profile; 10 minutes at most).
timeout 600 soffice "-env:UserInstallation=file://$work/profile" --headless \
  --convert-to "txt:Text (encoded):UTF8" --outdir "$work/lo" "$work"/in/* >/dev/null 2>&1 || true
read_n=0 refused=0 crashed=0 hung=0
while IFS=$'\t' read -r id f; do
  set +e
  timeout 20 "$bin" "$work/in/$id" > "$work/ours/${id%.*}.txt" 2> "$work/err.txt"
  rc=$?
  set -e
  name=${f#"$PWD/"}
  if [ $rc -eq 124 ]; then
    hung=$((hung + 1)); echo "HANG     $name"; continue
  fi
  if [ $rc -gt 1 ]; then
    crashed=$((crashed + 1)); echo "CRASH($rc) $name: $(head -c 300 "$work/err.txt")"; continue
  fi
  if [ $rc -eq 1 ]; then
    refused=$((refused + 1))
    echo "refused  $name: $(sed "s|$work/in/$id|FILE|" "$work/err.txt" | head -c 300)"
    continue
  fi
  read_n=$((read_n + 1))
  echo "read     $name"
done < "$work/list"
python3 - "$work" <<'PY'
import collections, os, statistics, sys
work = sys.argv[1]
count = lambda s: collections.Counter(c for c in s if not c.isspace())
names = dict(l.rstrip("\n").split("\t") for l in open(os.path.join(work, "list"), encoding="utf-8"))
held, extra, nolo = [], [], []
for idname, path in sorted(names.items()):
    stem = idname.rsplit(".", 1)[0]
    ours_p = os.path.join(work, "ours", stem + ".txt")
    lo_p = os.path.join(work, "lo", stem + ".txt")
    if not os.path.exists(ours_p) or os.path.getsize(ours_p) == 0:
        continue
    if not os.path.exists(lo_p):
        nolo.append(path)
        continue
    a = count(open(lo_p, encoding="utf-8-sig", errors="replace").read())
    b = count(open(ours_p, encoding="utf-8", errors="replace").read())
    total, ours = sum(a.values()), sum(b.values())
    share = 100.0 * sum(min(n, b[c]) for c, n in a.items()) / total if total else 100.0
    more = 100.0 * sum(max(0, n - a[c]) for c, n in b.items()) / ours if ours else 0.0
    held.append(share)
    extra.append(more)
    if share < 95 or more > 10:
        print(f"differs  {path}: holds {share:.1f}% of LibreOffice's {total} characters; "
              f"{more:.1f}% of our {ours} are not in LibreOffice's")
if held:
    print(f"compared with LibreOffice: {len(held)} files; share of LibreOffice's characters held: "
          f"median {statistics.median(held):.1f}%, mean {statistics.mean(held):.1f}%, "
          f"min {min(held):.1f}%; files at >= 99%: {sum(h >= 99 for h in held)}; "
          f"our characters LibreOffice lacks: median {statistics.median(extra):.1f}%")
for p in nolo:
    print(f"no LibreOffice text for {p}")
PY
echo "files: $((read_n + refused + crashed + hung)); read: $read_n, refused with a message: $refused, crashed: $crashed, hung: $hung"
