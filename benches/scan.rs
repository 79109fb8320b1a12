//! Scanning speed of the core on a large compilation.
//!
//!     cargo bench --bench scan [-- FILE]
//!
//! Wall time is what a user waits; CPU time (the whole process's, every thread, from /proc,
//! in 10 ms ticks) is what the code costs, and stays meaningful while other processes load
//! the machine.
//!
//! The two pipelines at the end are what `qinggao inspect` and `qinggao clean -o` do once the
//! file is read; the stages before them are their parts, each measured alone.
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

/// CPU time of the whole process (every thread, user + system) in nanoseconds (Linux), so
/// the numbers stay honest while other processes share the machine and show what the stages
/// that run on several cores cost in all; None elsewhere. /proc counts in ticks of 10 ms.
fn process_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = &s[s.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10_000_000)
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
        let c0 = process_cpu_ns();
        let t = Instant::now();
        std::hint::black_box(f());
        wall.push(t.elapsed());
        if let (Some(a), Some(b)) = (c0, process_cpu_ns()) {
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
    bench("advert keyword scan", n, || {
        qinggao::junk::advert_candidate_starts(text)
    });
    bench("split: reports only", n, || {
        split::split_structure(text, &index)
    });
    bench("split: reports + outlines", n, || {
        split::split(text, &index)
    });
    bench("placeholders", n, || placeholder::find(text, &index));

    let profiling = std::env::var("QINGGAO_BENCH_ONLY").is_ok();
    if profiling
        && !"analyze clean::plan inspect clean pipeline"
            .contains(&std::env::var("QINGGAO_BENCH_ONLY").unwrap())
    {
        return;
    }
    let a = analysis::analyze(text);
    let rules = clean::RuleSet::default();
    bench("clean::plan (one round)", n, || {
        clean::plan(text, &a.outline, &rules)
    });
    bench("analyze (split + outlines + placeholders)", n, || {
        analysis::analyze(text)
    });
    // What `qinggao inspect` and `qinggao clean -o` do after loading the file.
    let inspect = bench("inspect pipeline (analyze + plan)", n, || {
        analysis::analyze_and_plan(text, &rules).1.len()
    });
    let answers = qinggao::placeholder::Answers::default();
    let clean = bench("clean pipeline (clean + result's reports)", n, || {
        analysis::clean_for_export(text, &rules, &answers, false)
            .1
            .placeholders
            .len()
    });
    let (a, edits) = analysis::analyze_and_plan(text, &rules);
    println!(
        "  ({} reports, {} placeholders, {} cleaning edits)",
        a.outline.reports.len(),
        a.placeholders.len(),
        edits.len()
    );
    let mbps = |d: Duration| n as f64 / 1e6 / d.as_secs_f64().max(1e-9);
    println!(
        "  scanning after the file is read: inspect {:.0} MB/s, clean {:.0} MB/s (target 1000)",
        mbps(inspect),
        mbps(clean)
    );

    if std::env::var("QINGGAO_BENCH_ONLY").is_ok_and(|only| !"decode GB18030".contains(&only)) {
        return;
    }
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let gb = gb.into_owned();
    bench("decode GB18030, detected (GB MB/s)", gb.len(), || {
        decode::decode_vec(gb.clone(), &path, None).unwrap()
    });
    bench("decode GB18030, forced (GB MB/s)", gb.len(), || {
        decode::decode_vec(gb.clone(), &path, Some(qinggao::Encoding::Gb18030)).unwrap()
    });
}
