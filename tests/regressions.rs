//! Inputs that once broke a property, kept forever: each runs the same checks as the fuzz
//! targets (fuzz/src/props.rs, included by path) on the exact bytes that failed.

#[path = "../fuzz/src/genre.rs"]
mod genre;
#[path = "../fuzz/src/props.rs"]
mod props;

use qinggao::export::{self, TextOptions};
use qinggao::model::{Encoding, LineEnding};

/// encoding_rs writes the private-use characters U+E78D..U+E796 as the GB18030 bytes of the
/// vertical forms U+FE10..U+FE19, which read back as those forms: saving as GB18030 changed
/// the text without a word. Found by the property tests on a UTF-16 decode of the seed.
#[test]
fn gb18030_export_refuses_characters_that_do_not_read_back() {
    let text = "竖排标点\u{e78d}与\u{e796}";
    let opts = TextOptions {
        encoding: Encoding::Gb18030,
        line_ending: LineEnding::Lf,
    };
    match export::encode(text, opts) {
        Ok(bytes) => {
            let back = encoding_rs::GB18030.decode_without_bom_handling(&bytes).0;
            assert_eq!(back, text, "saving as GB18030 silently changed the text");
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.contains("第 1 行的 U+E78D") && msg.contains("UTF-8"),
                "the error names the characters by line and code point: {msg}"
            );
            assert!(
                !msg.contains('\u{e78d}') && !msg.contains("竖排"),
                "and never quotes the text: {msg}"
            );
        }
    }
    // The same through the whole pipeline, as the property test met it.
    let mut utf16 = vec![0xFF, 0xFE];
    text.encode_utf16()
        .for_each(|u| utf16.extend_from_slice(&u.to_le_bytes()));
    props::check_bytes(&utf16);
}

/// A 目录 with more bare entries than reports found is filled only partly, and a title that
/// starts with a year was written "1.2023年…". `outline::line_marker` does not take "1.2023"
/// for a number (so that "1.5亿元" is no heading), so on the cleaned text the 目录 ended
/// before that entry and "1.2023年…" became a phantom report holding "2." and "3.".
/// Found by the pipeline fuzz target; fixed in split.rs (`toc_number_len`).
#[test]
fn a_partly_filled_toc_with_a_year_title_stays_a_toc() {
    let text = "2023年工作总结及2024年工作计划汇编（3篇）\n\n目录\n\n1.\n2.\n3.\n\n\n\
                2023年XX区卫生健康工作总结及2024年工作计划\n\n\
                2023年，在区委、区政府的正确领导下，我们全面贯彻落实党的二十大精神。\n\
                一、主要做法及成效\n全年完成投资35万元。\n";
    let a = qinggao::analysis::analyze(text);
    assert_eq!(a.outline.reports.len(), 1);
    let plan = qinggao::clean::plan_round(text, &a.outline, &Default::default());
    let cleaned = qinggao::edit::apply(text, &plan).text;
    assert!(
        cleaned.contains("1.2023年XX区卫生健康工作总结及2024年工作计划\n2.\n3."),
        "{cleaned}"
    );
    let again = qinggao::analysis::analyze(&cleaned);
    let titles = again.outline.report_titles();
    assert_eq!(
        titles,
        ["2023年XX区卫生健康工作总结及2024年工作计划"],
        "a phantom report appeared"
    );
    let toc = again
        .outline
        .toc
        .as_ref()
        .expect("the 目录 is still a 目录");
    assert_eq!(
        toc.entries,
        ["2023年XX区卫生健康工作总结及2024年工作计划", "", ""]
    );
    props::check_text(text, b"");
}

/// The exact bytes the pipeline fuzz target found (GB18030, CRLF): the first report's title
/// is followed by a title-shaped line ending in a brand word, so the 目录 reader takes the
/// title as a 目录 entry and the 目录 is not empty: nothing is filled. Cleaning removes the
/// brand word, the line stops looking like a title, and on the cleaned text the 目录 is empty
/// and a single clean::plan pass plans the fill: that pass alone is not idempotent.
/// clean::plan plans again on its own result until nothing is left.
#[test]
fn fuzz_pipeline_toc_fill_is_not_idempotent() {
    props::check_bytes(include_bytes!(
        "../fuzz/regressions/toc_fill_not_idempotent.txt"
    ));
}

/// Every committed seed input of the fuzz targets keeps every property.
#[test]
fn the_fuzz_seed_corpus_keeps_every_property() {
    let dir = |t: &str| {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(t)
    };
    let files = |t: &str| {
        let mut v: Vec<_> = std::fs::read_dir(dir(t))
            .expect("the seed corpus is committed")
            .map(|e| e.expect("readable").path())
            .collect();
        v.sort();
        v
    };
    let mut n = 0;
    for f in files("pipeline") {
        props::check_bytes(&std::fs::read(&f).expect("readable"));
        n += 1;
    }
    for f in files("compilation") {
        let data = std::fs::read(&f).expect("readable");
        if let Some((&variant, rest)) = data.split_first() {
            props::check_compilation(&genre::compose(rest), variant);
            n += 1;
        }
    }
    for f in files("edits") {
        props::check_edit_ops(&std::fs::read(&f).expect("readable"));
        n += 1;
    }
    assert!(n >= 15, "only {n} seed inputs");
}

/// Found by the property tests after the cleaning module landed (random GB18030 bytes of
/// genre pieces): the first cleaning leaves a run of two blank lines after the line
/// "X月X日EOD。D员X月X日##paidbegin##（1）##paidbegin##" and a second cleaning of the result
/// collapses it (`blank_runs`). Like the 目录 fill, the rule decides from the outline of the
/// text before the other edits (which lines are junk or in a report) while those edits change
/// it. Cleaning must plan nothing on its own output.
#[test]
fn random_bytes_blank_runs_not_idempotent() {
    props::check_bytes(include_bytes!(
        "../fuzz/regressions/blank_runs_not_idempotent.bin"
    ));
}

/// The crash inputs of the pipeline fuzz target (fuzz/regressions/pipeline/), all of them
/// cleaning-idempotence failures of the two kinds above (目录 fill, blank_runs).
fn pipeline_crashes() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions/pipeline");
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("the crash inputs are committed")
        .map(|e| {
            let p = e.expect("readable").path();
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                std::fs::read(&p).expect("readable"),
            )
        })
        .collect();
    v.sort();
    assert!(!v.is_empty());
    v
}

/// Every other property holds on the fuzzer's crash inputs.
#[test]
fn fuzz_pipeline_crashes_keep_every_other_property() {
    for (name, data) in pipeline_crashes() {
        println!("{name}");
        props::without_idempotence(|| props::check_bytes(&data));
    }
}

#[test]
fn fuzz_pipeline_crashes_clean_idempotently() {
    for (name, data) in pipeline_crashes() {
        println!("{name}");
        props::check_bytes(&data);
    }
}

/// The .doc fuzz target's seeds and crash inputs (fuzz/corpus/doc, fuzz/regressions/doc):
/// the reader returns text or a message on each, and what it returns is a clean document.
#[test]
fn fuzz_doc_inputs_keep_the_reader_properties() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for dir in ["fuzz/corpus/doc", "fuzz/regressions/doc"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries {
            let path = e.expect("readable").path();
            props::check_doc(&std::fs::read(&path).expect("readable"));
            checked += 1;
        }
    }
    assert!(checked >= 4, "the seeds are committed");
}
