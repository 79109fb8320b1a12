//! Scanning speed of the core on a large compilation.
//!
//!     cargo bench --bench scan [-- FILE]
//!
//! Wall time is what a user waits; CPU time (this thread's, from /proc) is what the code
//! costs, and stays meaningful while other processes load the machine.
//!
//! Without FILE it generates a 100 MB compilation with ../shared/tools/gen_corpus.py into
//! target/bench-100mb.txt (once). Prints the median of several runs for each stage, in
//! MB/s of UTF-8 input, and the GB18030 decoding speed of the same text.

use qinggao::{analysis, clean, decode, placeholder, split};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// CPU time of this thread in nanoseconds (Linux), so the numbers stay honest while other
/// processes share the machine; None elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn bench<T>(name: &str, bytes: usize, mut f: impl FnMut() -> T) -> Duration {
    // QINGGAO_BENCH_ONLY=split runs only the stages whose name contains "split" (profiling).
    if std::env::var("QINGGAO_BENCH_ONLY").is_ok_and(|only| !name.contains(&only)) {
        return Duration::ZERO;
    }
    // One warm-up run, then the measured ones.
    std::hint::black_box(f());
    let mut wall = Vec::with_capacity(RUNS);
    let mut cpu = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let c0 = thread_cpu_ns();
        let t = Instant::now();
        std::hint::black_box(f());
        wall.push(t.elapsed());
        if let (Some(a), Some(b)) = (c0, thread_cpu_ns()) {
            cpu.push(Duration::from_nanos(b - a));
        }
    }
    let m = median(wall);
    let mbps = |d: Duration| bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9);
    let cpu_part = if cpu.is_empty() {
        String::new()
    } else {
        let c = median(cpu);
        format!(
            "   cpu {:>8.1} ms  {:>7.0} MB/s",
            c.as_secs_f64() * 1e3,
            mbps(c)
        )
    };
    println!(
        "{name:<38} wall {:>8.1} ms  {:>7.0} MB/s{cpu_part}",
        m.as_secs_f64() * 1e3,
        mbps(m)
    );
    m
}

fn corpus() -> PathBuf {
    if let Some(arg) = std::env::args().skip(1).find(|a| !a.starts_with("--")) {
        return PathBuf::from(arg);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/bench-100mb.txt");
    if !out.exists() {
        let generator = root.join("../shared/tools/gen_corpus.py");
        let status = std::process::Command::new("python3")
            .arg(&generator)
            .arg(&out)
            .arg("100")
            .status()
            .expect("python3 to generate the corpus");
        assert!(status.success(), "gen_corpus.py failed");
    }
    out
}

fn main() {
    let path = corpus();
    let raw = std::fs::read(&path).expect("read corpus");
    let n = raw.len();
    println!(
        "corpus: {} ({:.1} MB), {RUNS} runs each",
        path.display(),
        n as f64 / 1e6
    );

    bench("read file", n, || std::fs::read(&path).unwrap());
    let doc = decode::decode(&raw, &path, None).expect("decode corpus");
    let text = doc.text.as_str();
    bench("load (read + detect + decode UTF-8)", n, || {
        decode::load(&path, None).unwrap()
    });
    let index = qinggao::LineIndex::new(text);
    bench("line index", n, || qinggao::LineIndex::new(text));
    bench("split + outline", n, || split::split(text, &index));
    bench("placeholders", n, || placeholder::find(text, &index));
    let profiling = std::env::var("QINGGAO_BENCH_ONLY").is_ok();
    if profiling
        && !"analyze clean::plan inspect".contains(&std::env::var("QINGGAO_BENCH_ONLY").unwrap())
    {
        return;
    }
    let a = analysis::analyze(text);
    bench("analyze (all of the above)", n, || analysis::analyze(text));
    let rules = clean::RuleSet::default();
    bench("clean::plan", n, || clean::plan(text, &a.outline, &rules));
    bench("plan_cleaning (to a fixpoint)", n, || {
        analysis::plan_cleaning(text, &a.outline, &rules)
    });
    bench("inspect pipeline (analyze + plan)", n, || {
        let a = analysis::analyze(text);
        analysis::plan_cleaning(text, &a.outline, &rules).len()
    });
    println!(
        "  ({} reports, {} placeholders, {} cleaning edits)",
        a.outline.reports.len(),
        a.placeholders.len(),
        clean::plan(text, &a.outline, &rules).len()
    );

    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let gb = gb.into_owned();
    bench("decode GB18030, detected (GB MB/s)", gb.len(), || {
        decode::decode_vec(gb.clone(), &path, None).unwrap()
    });
    bench("decode GB18030, forced (GB MB/s)", gb.len(), || {
        decode::decode_vec(gb.clone(), &path, Some(qinggao::Encoding::Gb18030)).unwrap()
    });
}
