#!/usr/bin/env bash
# Differential check: runs `qinggao inspect --json` and `qinggao clean -o` on the seed and
# on every text fixture and a generated corpus, and either records the outputs (record) or
# compares them byte for byte with a recorded set (compare). Use it around a change that must not alter behaviour:
#
#     scripts/differential.sh record  /tmp/base   # before, with the old binary
#     scripts/differential.sh compare /tmp/base   # after; exit 1 and a diff on any change
#
# QINGGAO=path/to/qinggao picks the binary (default: $CARGO_TARGET_DIR or target, release).
# Run it from the repository root. The seed is skipped, with a note, when it is missing.
set -euo pipefail

mode=${1:-}
dir=${2:-}
if [[ $mode != record && $mode != compare ]] || [[ -z $dir ]]; then
    echo "usage: $0 record|compare DIR" >&2
    exit 2
fi
bin=${QINGGAO:-${CARGO_TARGET_DIR:-target}/release/qinggao}
if [[ ! -x $bin ]]; then
    echo "no binary at $bin (cargo build --release, or set QINGGAO)" >&2
    exit 2
fi

seed=../shared/seeds/000_eedebc526b5812bc.txt
[[ -f $seed ]] || seed=/work/shared/seeds/000_eedebc526b5812bc.txt
inputs=()
if [[ -f $seed ]]; then inputs+=("$seed"); else echo "note: seed not found, skipped" >&2; fi
inputs+=(tests/fixtures/*.txt tests/fixtures/genres/*.txt)
# A generated 5 MB compilation (seed 42), when the generator is beside the repository: large
# enough that the scans run in parallel. Made once, kept in the temporary folder.
gen=../shared/tools/gen_corpus.py
[[ -f $gen ]] || gen=/work/shared/tools/gen_corpus.py
if [[ -f $gen ]]; then
    corpus=${TMPDIR:-/tmp}/qinggao-differential/generated_5mb.txt
    if [[ ! -f $corpus ]]; then
        mkdir -p "$(dirname "$corpus")"
        python3 "$gen" "$corpus.part" 5 42 >/dev/null
        mv "$corpus.part" "$corpus"
    fi
    inputs+=("$corpus")
else
    echo "note: gen_corpus.py not found, no generated corpus" >&2
fi

out=$dir
[[ $mode == compare ]] && out=$(mktemp -d)
mkdir -p "$out"
for f in "${inputs[@]}"; do
    # One name per input, unique across folders: genres/03.txt -> genres_03.
    name=$(basename "$(dirname "$f")")_$(basename "$f" .txt)
    # The exit code is part of the behaviour; a failing input records its stderr too.
    rc=0
    "$bin" inspect --json "$f" >"$out/$name.inspect.json" 2>"$out/$name.inspect.err" || rc=$?
    echo "$rc" >"$out/$name.inspect.rc"
    rc=0
    rm -f "$out/$name.clean.txt"
    "$bin" clean "$f" -o "$out/$name.clean.txt" >"$out/$name.clean.out" 2>"$out/$name.clean.err" || rc=$?
    echo "$rc" >"$out/$name.clean.rc"
done

if [[ $mode == record ]]; then
    echo "recorded ${#inputs[@]} inputs into $dir"
    exit 0
fi
# The clean command may name its output file in its messages: compare them with the
# temporary folder's name put back to the baseline's.
sed -i "s|$out|$dir|g" "$out"/*.out "$out"/*.err
if diff -r "$dir" "$out" >"$out.diff"; then
    echo "identical: ${#inputs[@]} inputs, inspect and clean"
    rm -rf "$out" "$out.diff"
else
    echo "DIFFERENT (outputs kept in $out):" >&2
    head -50 "$out.diff" >&2
    exit 1
fi
