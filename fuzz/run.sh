#!/usr/bin/env bash
# Runs every fuzz target for a fixed time each, one after the other, on the stable toolchain.
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). RUSTC_BOOTSTRAP=1 lets the stable
# compiler accept the -Z flags cargo-fuzz passes (sanitizer coverage, AddressSanitizer).
# The committed seeds in fuzz/corpus/<target> are read, never written: new inputs go to
# $FUZZ_WORK/corpus/<target>, crashes to fuzz/artifacts/<target> (ignored by git).
# libFuzzer runs in fork mode and goes on after a crash, so one known bug does not end the
# run: every crash of the whole time is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pipeline compilation edits doc)
work=${FUZZ_WORK:-/tmp/qinggao-fuzz}
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/fuzz/target}
for t in "${targets[@]}"; do
  mkdir -p "$work/corpus/$t" "fuzz/artifacts/$t"
  # A .doc seed (OLE file or its two streams) is 5–15 KB.
  len=8192
  [ "$t" = doc ] && len=16384
  echo "== $t for ${secs}s"
  cargo fuzz run "$t" "$work/corpus/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -timeout=30 -max_len=$len -print_final_stats=1 \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    2>&1 | tee "$work/$t.log" | grep -E '^#[0-9]+: cov|^INFO: fuzzed|^stat::|ERROR|panicked|Test unit written|crash-' || true
done
