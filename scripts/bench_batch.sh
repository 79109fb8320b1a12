#!/usr/bin/env bash
# Batch benchmark (issue 19 §4): 清稿 against one ripgrep pass over the same input.
#
#   scripts/bench_batch.sh GEN_CORPUS_PY [WORK_DIR] [RUNS]
#   e.g. scripts/bench_batch.sh ../shared/tools/gen_corpus.py /tmp/qinggao-bench 5
#
# Builds (once, kept in WORK_DIR, default /tmp/qinggao-bench) the 100 MB synthetic corpus
# with GEN_CORPUS_PY (seed 42), and the 素材库 made of it: the corpus split at report
# boundaries into files of ~50 KB (about 1,834), 100 to a folder. Then runs each case RUNS
# times (default 5), the cases taking turns so that a noisy neighbour hits them alike, and
# prints the medians (wall, CPU, peak memory) and the ratios of medians to ripgrep's:
#
#   clean   the whole folder, -o DIR (all cores; then one thread; then an fsync per file)
#   inspect the whole folder, with proofreading (the default) and without (--no-proofread)
#   inspect (with and without proofreading) / clean the 100 MB corpus as one file
#   rg -c '\p{Han}XX|XX\p{Han}' on the folder and on the file (rg's own threads)
#
# The binary: $QINGGAO_BIN if set, else $CARGO_TARGET_DIR (or target)/release/qinggao,
# built without the GUI when missing. ripgrep: $RG if set, else rg on PATH (install it with
# `cargo install ripgrep --locked`). Timings are of one machine: on a shared one, rerun.
set -euo pipefail
gen=${1:?usage: scripts/bench_batch.sh GEN_CORPUS_PY [WORK_DIR] [RUNS]}
work=${2:-/tmp/qinggao-bench}
runs=${3:-5}
cd "$(dirname "$0")/.."
bin=${QINGGAO_BIN:-${CARGO_TARGET_DIR:-target}/release/qinggao}
if [ ! -x "$bin" ]; then
  echo "bench: building $bin (release, no GUI)" >&2
  cargo build --release --locked --no-default-features >&2
fi
rg=${RG:-$(command -v rg || true)}
[ -n "$rg" ] || { echo "bench: ripgrep not found: cargo install ripgrep --locked, or set RG" >&2; exit 1; }
mkdir -p "$work"

exec python3 - "$gen" "$work" "$runs" "$bin" "$rg" <<'PY'
import os, re, shutil, statistics, subprocess, sys, time
gen, work, runs, qg, rg = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
corpus = os.path.join(work, "corpus.txt")
lib = os.path.join(work, "素材库")
if not os.path.exists(corpus):
    subprocess.run([sys.executable, gen, corpus, "100", "42"], check=True, stdout=sys.stderr)
if not os.path.isdir(lib):
    # Split at report titles (the generator's "XX…（第N篇）" lines) into files of ~50 KB.
    title = re.compile(r"^XX.*（第\d+篇）$")
    tmp = lib + ".part"
    shutil.rmtree(tmp, ignore_errors=True)
    files, cur, size = [], [], 0
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if title.match(line.rstrip("\n")) and size >= 50 * 1024:
                files.append("".join(cur)); cur, size = [], 0
            cur.append(line); size += len(line.encode("utf-8"))
    if cur:
        files.append("".join(cur))
    for i, text in enumerate(files):
        d = os.path.join(tmp, f"{i // 100:02}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{i:04}.txt"), "w", encoding="utf-8") as out:
            out.write(text)
    os.rename(tmp, lib)
n_files = sum(len(fs) for _, _, fs in os.walk(lib))
lib_mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(lib) for f in fs) / 1e6
corpus_mb = os.path.getsize(corpus) / 1e6
out_dir = os.path.join(work, "out")
out_file = os.path.join(work, "out.txt")
pattern = r"\p{Han}XX|XX\p{Han}"

def clear_out():
    shutil.rmtree(out_dir, ignore_errors=True)

def written():
    return sum(len(fs) for _, _, fs in os.walk(out_dir))

cases = [
    # name, argv, extra env, prepare, check
    ("clean folder", [qg, "clean", "--quiet", lib, "-o", out_dir], {}, clear_out, lambda: written() == n_files),
    ("clean folder, 1 thread", [qg, "clean", "--quiet", lib, "-o", out_dir], {"RAYON_NUM_THREADS": "1"}, clear_out, lambda: written() == n_files),
    ("clean folder, fsync each file", [qg, "clean", "--quiet", lib, "-o", out_dir], {"QINGGAO_SYNC": "each"}, clear_out, lambda: written() == n_files),
    ("inspect folder", [qg, "inspect", "--quiet", lib], {}, None, None),
    ("inspect folder, no proofreading", [qg, "inspect", "--quiet", "--no-proofread", lib], {}, None, None),
    ("rg folder", [rg, "-c", pattern, lib], {}, None, None),
    ("inspect one file", [qg, "inspect", corpus], {}, None, None),
    ("inspect one file, no proofreading", [qg, "inspect", "--no-proofread", corpus], {}, None, None),
    ("clean one file", [qg, "clean", corpus, "-o", out_file, "--force"], {}, None, None),
    ("rg one file", [rg, "-c", pattern, corpus], {}, None, None),
]
results = {c[0]: [] for c in cases}
for r in range(runs):
    for name, argv, env, prep, check in cases:
        if prep:
            prep()
        e = dict(os.environ, **env)
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=e)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        err = p.stderr.read().decode(errors="replace")
        code = os.waitstatus_to_exitcode(status)
        # rg exits 1 when nothing matched; 清稿 3 never (no --strict): anything else is a failure.
        if code not in (0, 1) or (code == 1 and not name.startswith("rg")):
            sys.exit(f"bench: {name} failed ({code}): {err[:500]}")
        if check and not check():
            sys.exit(f"bench: {name} wrote {written()} files, expected {n_files}")
        results[name].append((wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024))
    print(f"bench: run {r + 1}/{runs} done", file=sys.stderr)
clear_out()

def med(name, k):
    return statistics.median(x[k] for x in results[name])

load = os.getloadavg()
print(f"Folder: {n_files} files, {lib_mb:.0f} MB; one file: {corpus_mb:.0f} MB; "
      f"{os.cpu_count()} cores; medians of {runs} runs; load average at the end "
      f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min).\n")
print("| work | 清稿 wall | CPU | peak RSS | `rg -c` same input (wall / CPU) | ratio (wall) | ratio (CPU) |")
print("|---|---|---|---|---|---|---|")
rows = [("clean folder", "rg folder", "`clean` folder, `-o DIR`"),
        ("clean folder, 1 thread", "rg folder", "`clean` folder, one thread (`RAYON_NUM_THREADS=1`)"),
        ("clean folder, fsync each file", "rg folder", "`clean` folder, an fsync per file (`QINGGAO_SYNC=each`)"),
        ("inspect folder", "rg folder", "`inspect` folder (with proofreading, the default)"),
        ("inspect folder, no proofreading", "rg folder", "`inspect --no-proofread` folder"),
        ("inspect one file", "rg one file", "`inspect` one file (with proofreading)"),
        ("inspect one file, no proofreading", "rg one file", "`inspect --no-proofread` one file"),
        ("clean one file", "rg one file", "`clean` one file")]
for name, base, label in rows:
    w, c, m = med(name, 0), med(name, 1), med(name, 2)
    b, bc = med(base, 0), med(base, 1)
    print(f"| {label} | {w:.3f} s | {c:.2f} s | {m:.0f} MB | {b:.3f} s / {bc:.2f} s | **{w / b:.1f}×** | {c / max(bc, 0.01):.1f}× |")
print()
print(f"rayon over one thread: {med('clean folder, 1 thread', 0) / med('clean folder', 0):.2f}× faster; "
      f"one syncfs over an fsync per file: {med('clean folder, fsync each file', 0) / med('clean folder', 0):.2f}× faster")
print("all runs (wall s): " + "; ".join(f"{k}: " + " ".join(f"{x[0]:.3f}" for x in v) for k, v in results.items()))
PY
