//! Scanning speed of the core on a large compilation.
//!
//!     cargo bench --bench scan [-- FILE]
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

fn bench<T>(name: &str, bytes: usize, mut f: impl FnMut() -> T) -> Duration {
    // QINGGAO_BENCH_ONLY=split runs only the stages whose name contains "split" (profiling).
    if std::env::var("QINGGAO_BENCH_ONLY").is_ok_and(|only| !name.contains(&only)) {
        return Duration::ZERO;
    }
    // One warm-up run, then the measured ones.
    std::hint::black_box(f());
    let times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    let m = median(times);
    let mbps = bytes as f64 / 1e6 / m.as_secs_f64();
    println!("{name:<34} median {:>8.1} ms   {:>7.0} MB/s", m.as_secs_f64() * 1e3, mbps);
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
    println!("corpus: {} ({:.1} MB), {RUNS} runs each", path.display(), n as f64 / 1e6);

    bench("read file", n, || std::fs::read(&path).unwrap());
    let doc = decode::decode(&raw, &path, None).expect("decode corpus");
    let text = doc.text.as_str();
    bench("load (read + detect + decode UTF-8)", n, || decode::load(&path, None).unwrap());
    let index = qinggao::LineIndex::new(text);
    bench("line index", n, || qinggao::LineIndex::new(text));
    bench("split + outline", n, || split::split(text, &index));
    bench("placeholders", n, || placeholder::find(text, &index));
    let a = analysis::analyze(text);
    bench("analyze (all of the above)", n, || analysis::analyze(text));
    let rules = clean::RuleSet::default();
    bench("clean::plan", n, || clean::plan(text, &a.outline, &rules));
    bench("inspect pipeline (analyze + plan)", n, || {
        let a = analysis::analyze(text);
        clean::plan(text, &a.outline, &rules).len()
    });
    println!(
        "  ({} reports, {} placeholders, {} cleaning edits)",
        a.outline.reports.len(),
        a.placeholders.len(),
        clean::plan(text, &a.outline, &rules).len()
    );

    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let gb = gb.into_owned();
    bench("decode GB18030, detected (GB MB/s)", gb.len(), || decode::decode_vec(gb.clone(), &path, None).unwrap());
    bench("decode GB18030, forced (GB MB/s)", gb.len(), || {
        decode::decode_vec(gb.clone(), &path, Some(qinggao::Encoding::Gb18030)).unwrap()
    });
}
