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
//!
//! The `word` lines read Word files built from the corpus text by the project's fixture
//! code: a ≈ 2 MB .doc (UTF-16 and GBK pieces) and a .docx with a ≈ 3 MB document.xml,
//! the size of a 300-page compilation, in MB/s of the .doc file and of document.xml.
//! `QINGGAO_BENCH_ONLY=word` runs only them.

use qinggao::input::{self, text as decode};
use qinggao::{analysis, clean, placeholder, split};
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
        match median(cpu) {
            // Below one tick of /proc's clock.
            Duration::ZERO => "   cpu   <10    ms".to_string(),
            c => format!(
                "   cpu {:>8.1} ms  {:>7.0} MB/s",
                c.as_secs_f64() * 1e3,
                mbps(c)
            ),
        }
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
        input::load(&path, None).unwrap()
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

    word(text);
    let profiling = std::env::var("QINGGAO_BENCH_ONLY").is_ok();
    if profiling
        && !"analyze clean::plan inspect clean pipeline floor proof"
            .contains(&std::env::var("QINGGAO_BENCH_ONLY").unwrap())
    {
        return;
    }
    let a = analysis::analyze(text);
    proof(text, &a);
    let rules = clean::RuleSet::default();
    bench("clean::plan_round (one round)", n, || {
        clean::plan_round(text, &a.outline, &rules)
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
        clean::apply(text, &rules, &answers, false)
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
    // Both pipelines ran (a QINGGAO_BENCH_ONLY filter may skip them).
    if !inspect.is_zero() && !clean.is_zero() {
        println!(
            "  scanning after the file is read: inspect {:.0} MB/s, clean {:.0} MB/s (target 1000)",
            mbps(inspect),
            mbps(clean)
        );
    }

    floor(text, &a);

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

/// Proofreading (校对) and its parts, on the analysed text (target 200 MB/s).
fn proof(text: &str, a: &analysis::Analysis) {
    use qinggao::proof;
    let n = text.len();
    let scopes: Vec<_> = a.outline.reports.iter().map(|r| r.range.clone()).collect();
    bench("proof: substitutions", n, || {
        proof::substitution::find(text, &scopes).len()
    });
    bench("proof: confused words", n, || {
        proof::confusion::find(text).len()
    });
    bench("proof: punctuation", n, || proof::punct::find(text).len());
    bench("proof: slips", n, || proof::slips::find(text).len());
    bench("proof: proofread (all of it)", n, || {
        proof::proofread(text, &a.outline).len()
    });
}

/// The floor under any design with the rules: finding the bytes each rule starts
/// from, every scan once over the text on one core with nothing done where it hits, and
/// writing the records the analysis keeps into fresh memory. Against it stands the budget of
/// a 1 GB/s target: the CPU time all cores together have for the text at that speed. (One
/// automaton over all the triggers at once measured slower than these passes together.)
fn floor(text: &str, a: &analysis::Analysis) {
    if std::env::var("QINGGAO_BENCH_ONLY").is_ok_and(|only| !"floor".contains(&only)) {
        return;
    }
    let b = text.as_bytes();
    let n = b.len();
    let count = |needle: &str| memchr::memmem::find_iter(b, needle.as_bytes()).count();
    println!("floor: bare scans on one core, nothing done at their hits");
    let scans = [
        bench("  floor: line ends", n, || {
            memchr::memchr_iter(b'\n', b).count()
        }),
        bench("  floor: advert keyword lines", n, || {
            // The core's own scan, in pieces small enough to stay on this thread.
            qinggao::par::line_slices(b, n.div_ceil(qinggao::par::PARALLEL_MIN / 2))
                .into_iter()
                .map(|r| qinggao::junk::advert_candidate_starts(&text[r]).len())
                .sum::<usize>()
        }),
        bench("  floor: placeholder masks", n, || {
            memchr::memchr3_iter(b'X', b'x', b'*', b).count()
                + placeholder::WIDE_MASKS
                    .iter()
                    .map(|m| count(m))
                    .sum::<usize>()
        }),
        bench("  floor: gloss brackets", n, || {
            memchr::memchr2_iter(b'[', b'(', b).count() + count("（")
        }),
        bench("  floor: masked D", n, || {
            memchr::memchr_iter(b'D', b).count()
        }),
        bench("  floor: paywall markers", n, || count("paid")),
        bench("  floor: inline ordinals (是)", n, || count("是")),
    ];
    let scanning: Duration = scans.iter().sum();
    // The records the analysis keeps, written into fresh pages and into reused ones.
    let record_bytes = a
        .outline
        .reports
        .iter()
        .map(|r| r.outline.len())
        .sum::<usize>()
        * std::mem::size_of::<qinggao::Heading>()
        + a.placeholders.len() * std::mem::size_of::<placeholder::Placeholder>()
        + a.index.line_count() * std::mem::size_of::<usize>();
    let fresh = bench("  floor: records into fresh memory", record_bytes, || {
        let mut v: Vec<u8> = Vec::with_capacity(record_bytes);
        v.resize(record_bytes, 1);
        v
    });
    let mut reused = vec![0u8; record_bytes];
    bench("  floor: the same into reused memory", record_bytes, || {
        reused.fill(1);
        reused.len()
    });
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let budget = Duration::from_secs_f64(n as f64 / 1e9 * cores as f64);
    let used = scanning + fresh;
    println!(
        "  floor: scans {:.0} ms + records {:.0} ms ({:.0} MB) = {:.0} ms of CPU; at 1 GB/s \
         {cores} cores have {:.0} ms for this text: {:.0} ms ({:.0}%) left for all the work \
         at the hits",
        scanning.as_secs_f64() * 1e3,
        fresh.as_secs_f64() * 1e3,
        record_bytes as f64 / 1e6,
        used.as_secs_f64() * 1e3,
        budget.as_secs_f64() * 1e3,
        (budget.saturating_sub(used)).as_secs_f64() * 1e3,
        budget.saturating_sub(used).as_secs_f64() / budget.as_secs_f64() * 100.0
    );
}

/// The first `chars` characters of the text's lines, repeated if it is shorter.
fn text_of(text: &str, chars: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()).cycle() {
        if n >= chars {
            break;
        }
        out.push_str(line);
        out.push('\n');
        n += line.chars().count() + 1;
    }
    out
}

/// Reading Word files of the size of a 300-page compilation (see the module comment).
fn word(text: &str) {
    use qinggao::input::testing::{self, DocText};
    if text.trim().is_empty()
        || std::env::var("QINGGAO_BENCH_ONLY").is_ok_and(|only| !"word: .doc .docx".contains(&only))
    {
        return;
    }
    // About a million characters: 2 MB of UTF-16 in the WordDocument stream, cut into
    // pieces as edits cut a Word file, one in four stored as GBK bytes.
    let body = text_of(text, 1_000_000);
    let mut pieces = Vec::new();
    let mut rest = body.as_str();
    while !rest.is_empty() {
        let mut cut = rest.len().min(16 * 1024);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        let how = if pieces.len() % 4 == 3 {
            DocText::EightBit(encoding_rs::GBK)
        } else {
            DocText::Utf16
        };
        pieces.push((piece, how));
        rest = tail;
    }
    let doc = testing::doc(&pieces, 0x0804);
    let path = Path::new("汇编.doc");
    let read = input::read_bytes(doc.clone(), path, None).expect("the .doc reads");
    println!(
        "word: .doc of {:.1} MB ({} pieces, {} paragraphs)",
        doc.len() as f64 / 1e6,
        pieces.len(),
        read.source.paragraphs
    );
    bench("word: read .doc", doc.len(), || {
        input::read_bytes(doc.clone(), path, None).unwrap()
    });
    let open = bench("word: open .doc analysed", doc.len(), || {
        let d = input::read_bytes(doc.clone(), path, None).unwrap();
        analysis::analyze(&d.text).placeholders.len()
    });
    // A .docx whose document.xml is about 3 MB: its runs of five characters make the XML
    // about ten times the text.
    let (docx, _) = testing::from_text(&text_of(text, 280_000));
    let xml_len = zip::ZipArchive::new(std::io::Cursor::new(&docx))
        .ok()
        .and_then(|mut z| z.by_name("word/document.xml").ok().map(|f| f.size()))
        .unwrap_or(0) as usize;
    let docx_path = Path::new("汇编.docx");
    println!(
        "word: .docx of {:.1} MB, document.xml {:.1} MB",
        docx.len() as f64 / 1e6,
        xml_len as f64 / 1e6
    );
    bench("word: read .docx (MB/s of document.xml)", xml_len, || {
        input::read_bytes(docx.clone(), docx_path, None).unwrap()
    });
    if !open.is_zero() {
        println!(
            "  a 300-page .doc opens analysed in {:.0} ms (target 1000)",
            open.as_secs_f64() * 1e3
        );
    }
}
