//! The properties 清稿 must keep on any input, as plain functions that panic with a message
//! naming the broken property. Shared by the fuzz targets (through the `qinggao_fuzz` lib)
//! and by `tests/properties.rs` and `tests/regressions.rs`, which include this file by path,
//! so a crash the fuzzer finds is re-checked by `cargo test` with exactly the same code.
//!
//! Depends only on the public core API of `qinggao`; no egui, no file system.

#![allow(dead_code)]

use qinggao::analysis::{self, Analysis};
use qinggao::clean::{self, RuleSet};
use qinggao::edit::{self, History};
use qinggao::export::{self, TextOptions};
use qinggao::input::text as decode;
use qinggao::junk;
use qinggao::model::{Document, Edit, Encoding, LineEnding, LineIndex, SourceFormat};
use qinggao::placeholder::{self, Answers, Placeholder};
use std::ops::Range;
use std::path::Path;

/// Texts up to this many bytes also go through the .docx builder (it zips, which is slow).
pub const DOCX_MAX_BYTES: usize = 8 * 1024;

/// Texts up to this many bytes are also saved and reopened as GB18030 and Big5.
pub const LEGACY_EXPORT_MAX_BYTES: usize = 16 * 1024;

thread_local! {
    static IDEMPOTENCE: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Runs `f` with every property but cleaning's idempotence, on this thread. For the
/// property tests while a known idempotence bug is open (it has its own ignored regression
/// test); the fuzz targets always check it.
pub fn without_idempotence<T>(f: impl FnOnce() -> T) -> T {
    IDEMPOTENCE.set(false);
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    IDEMPOTENCE.set(true);
    out.unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// What [`check_bytes`] saw, for the fuzz targets' statistics and the tests' sanity checks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub decoded: usize,
    pub reports: usize,
    pub placeholders: usize,
    pub clean_edits: usize,
    pub fill_edits: usize,
}

impl Seen {
    fn add(&mut self, o: Seen) {
        self.decoded += o.decoded;
        self.reports += o.reports;
        self.placeholders += o.placeholders;
        self.clean_edits += o.clean_edits;
        self.fill_edits += o.fill_edits;
    }
}

/// The encoding the first byte forces (six encodings, or none for two of the eight values).
pub fn forced_from(first: u8) -> Option<Encoding> {
    Encoding::ALL.get(usize::from(first % 8)).copied()
}

/// Runs the whole pipeline on raw file bytes: decoded once with detection and once with the
/// encoding the first byte picks, then every text property on each decoded text.
pub fn check_bytes(data: &[u8]) -> Seen {
    let mut seen = Seen::default();
    let path = Path::new("输入.txt");
    let forced = data.first().and_then(|&b| forced_from(b));
    let mut tries = vec![None];
    if forced.is_some() {
        tries.push(forced);
    }
    for enc in tries {
        let Ok(doc) = decode::decode(data, path, enc) else {
            continue;
        };
        check_document(&doc);
        seen.decoded += 1;
        seen.add(check_text(&doc.text, data));
    }
    seen
}

/// A decoded document: LF-only text that is not blank, and that saving in the document's own
/// encoding and line ending then reopening gives back exactly.
pub fn check_document(doc: &Document) {
    let text = &doc.text;
    assert!(!text.contains('\r'), "decode left a CR in the text");
    assert!(!text.contains('\0'), "decode let a NUL byte through");
    assert!(!text.trim().is_empty(), "decode accepted a blank text");
    if doc.line_ending == LineEnding::Crlf {
        assert!(
            text.contains('\n'),
            "CRLF reported for a text without line breaks"
        );
    }
    let opts = TextOptions {
        encoding: doc.encoding,
        line_ending: doc.line_ending,
    };
    match export::encode(text, opts) {
        Ok(bytes) => {
            let back = decode::decode(&bytes, Path::new("保存.txt"), Some(doc.encoding))
                .unwrap_or_else(|e| panic!("saving as {} then reopening fails: {e}", doc.encoding));
            assert!(
                back.text == *text,
                "saving as {} then reopening changes the text: {}",
                doc.encoding,
                first_difference(text, &back.text)
            );
            assert_eq!(
                back.line_ending, doc.line_ending,
                "reopening changes the line ending"
            );
        }
        Err(e) => assert!(
            matches!(doc.encoding, Encoding::Big5 | Encoding::Gb18030),
            "a text decoded as {} cannot be saved in it: {e}",
            doc.encoding
        ),
    }
}

/// Every text property: analysis ranges, cleaning (valid, complete, idempotent, keeps every
/// untouched line), filling (valid, exactly undoable), history, export and .docx input.
/// `seed` varies the answers given to the placeholders.
pub fn check_text(text: &str, seed: &[u8]) -> Seen {
    let a = analysis::analyze(text);
    check_analysis(text, &a);
    let rules = RuleSet::default();

    // Cleaning.
    let plan = clean::plan(text, &a, &rules);
    check_same_as_from_scratch(text, &a);
    check_edits(text, &plan, "clean::plan");
    check_sorted_disjoint(&plan, "clean::plan");
    let applied = edit::apply(text, &plan);
    assert_eq!(
        applied.skipped, 0,
        "edit::apply skipped {} of the cleaning edits",
        applied.skipped
    );
    let cleaned = applied.text;
    check_inverse(text, &cleaned, &applied.inverse, "cleaning");
    check_untouched_lines(text, &plan, &cleaned);
    let a2 = analysis::analyze(&cleaned);
    check_analysis(&cleaned, &a2);
    let again = clean::plan(&cleaned, &a2, &rules);
    assert!(
        again.is_empty() || !IDEMPOTENCE.get(),
        "cleaning is not idempotent: on the cleaned text it plans {} more edit(s), first {:?}",
        again.len(),
        again.first()
    );

    // Filling.
    let answers = answers_for(&a.placeholders, text, seed);
    let fills = placeholder::fill_edits(text, &a.placeholders, &answers);
    check_edits(text, &fills, "placeholder::fill_edits");
    let normalized = edit::normalize(fills.clone());
    assert_eq!(
        normalized.len(),
        fills.len(),
        "fill edits overlap each other"
    );
    let filled = edit::apply(text, &normalized);
    assert_eq!(
        filled.skipped, 0,
        "edit::apply skipped {} fill edit(s)",
        filled.skipped
    );
    check_inverse(text, &filled.text, &filled.inverse, "filling");
    check_history(text, &normalized, &filled.text);

    // Filling then cleaning in one go, as the CLI and the GUI do: the fills are positioned
    // in the text, the cleaning edits in the filled text.
    let both = clean::apply(text, &rules, &answers, false).0;
    check_edits(text, &both.fills, "clean_and_fill (fills)");
    check_sorted_disjoint(&both.fills, "clean_and_fill (fills)");
    let step1 = edit::apply(text, &both.fills);
    assert_eq!(step1.skipped, 0, "clean_and_fill's fills do not apply");
    check_edits(&step1.text, &both.cleaning, "clean_and_fill (cleaning)");
    check_sorted_disjoint(&both.cleaning, "clean_and_fill (cleaning)");
    let step2 = edit::apply(&step1.text, &both.cleaning);
    assert_eq!(
        step2.skipped, 0,
        "clean_and_fill's cleaning edits do not apply"
    );
    assert!(
        step2.text == both.text,
        "clean_and_fill's edits do not give its text"
    );
    check_inverse(
        &step1.text,
        &both.text,
        &step2.inverse,
        "cleaning the filled text",
    );
    check_inverse(text, &step1.text, &step1.inverse, "filling");

    check_export(&cleaned);
    if cleaned.len() <= DOCX_MAX_BYTES {
        check_docx(&cleaned, &a2);
    }
    Seen {
        decoded: 0,
        reports: a.outline.reports.len(),
        placeholders: a.placeholders.len(),
        clean_edits: plan.len(),
        fill_edits: fills.len(),
    }
}

/// Cleaning planned the way it was first written, every round from scratch: each round
/// re-splits the whole text and plans on all of it. The reference for the rounds
/// `clean::plan` runs, which reuse what the round before saw.
pub fn plan_from_scratch(
    text: &str,
    outline: &qinggao::model::Outline,
    rules: &RuleSet,
) -> Vec<Edit> {
    let mut edits = qinggao::clean::plan_round(text, outline, rules);
    if edits.is_empty() {
        return edits;
    }
    let mut current = edit::apply(text, &edits).text;
    // analysis::EXTRA_CLEANING_ROUNDS
    for _ in 0..3 {
        let outline = qinggao::split::split_structure(&current, &LineIndex::new(&current));
        let more = qinggao::clean::plan_round(&current, &outline, rules);
        if more.is_empty() {
            break;
        }
        let next = edit::apply(&current, &more).text;
        edits = edit::compose(text, &edits, &current, &more);
        current = next;
    }
    edits
}

/// Cleaning plans exactly what planning every round from scratch plans, with the default
/// rules and with the rule sets that keep adverts in the text (their brand words are then
/// judged again each round).
pub fn check_same_as_from_scratch(text: &str, a: &Analysis) {
    use qinggao::clean::ids;
    let variants: [&[&str]; 4] = [
        &[],
        &[ids::ADVERT_LINES],
        &[ids::ADVERT_BLOCKS],
        &[ids::BRAND_WORDS, ids::BLANK_RUNS],
    ];
    for off in variants {
        let mut rules = RuleSet::default();
        for r in &mut rules.rules {
            if off.contains(&r.id.as_str()) {
                r.enabled = false;
            }
        }
        let scratch = plan_from_scratch(text, &a.outline, &rules);
        let planned = clean::plan(text, &Analysis::default(), &rules);
        assert!(
            planned == scratch,
            "cleaning (rules off: {off:?}) plans {} edit(s), from scratch {}: first difference {:?}",
            planned.len(),
            scratch.len(),
            planned
                .iter()
                .zip(&scratch)
                .find(|(p, s)| p != s)
                .map(|(p, s)| (p.clone(), s.clone()))
        );
        let analyzed = clean::plan(text, a, &rules);
        assert!(
            analyzed == scratch,
            "cleaning with the analysis's scan (rules off: {off:?}) plans differently"
        );
    }
}

/// Answers built from the found groups: a mix of names, figures, blanks, answers that look
/// like placeholders or hold line breaks, some given per occurrence.
pub fn answers_for(placeholders: &[Placeholder], doc: &str, seed: &[u8]) -> Answers {
    const CHOICES: [&str; 12] = [
        "滨江",
        "35",
        "",
        "　",
        "XX",
        "张三\n李四",
        "１２",
        "区",
        "a",
        "滨江区",
        "2023年11月3日",
        "𠀀😀",
    ];
    let pick = |i: usize| {
        let b = if seed.is_empty() {
            i
        } else {
            usize::from(seed[i % seed.len()]) + i
        };
        CHOICES[b % CHOICES.len()]
    };
    let mut answers = Answers::default();
    for (i, g) in placeholder::groups(placeholders, doc).iter().enumerate() {
        answers.groups.insert(g.key.clone(), pick(i).to_string());
    }
    for (i, p) in placeholders.iter().enumerate().filter(|(i, _)| i % 3 == 1) {
        answers.occurrences.insert(p.key(), pick(i + 7).to_string());
    }
    answers
}

fn on_boundaries(text: &str, r: &Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

/// Every range the analysis reports lies on character boundaries inside the text and agrees
/// with the line index; headings and placeholders are what the text says at their ranges.
pub fn check_analysis(text: &str, a: &Analysis) {
    let index = LineIndex::new(text);
    assert_eq!(a.index, index, "the analysis' line index is not the text's");
    let lines = index.line_count();
    let o = &a.outline;
    if let Some(t) = o.title_line {
        assert!(
            t < lines,
            "compilation title line {t} past the last line {lines}"
        );
    }
    if let Some(toc) = &o.toc {
        assert!(
            on_boundaries(text, &toc.range),
            "目录 range {:?} off char boundaries",
            toc.range
        );
        assert!(
            toc.lines.start <= toc.lines.end && toc.lines.end <= lines,
            "目录 lines {:?} out of the text",
            toc.lines
        );
        assert!(
            toc.lines.contains(&toc.heading_line),
            "目录 heading outside its lines"
        );
    }
    let mut prev_end = 0;
    for (ri, r) in o.reports.iter().enumerate() {
        assert!(
            on_boundaries(text, &r.range),
            "report {ri} range {:?} off char boundaries",
            r.range
        );
        assert!(
            r.lines.start < r.lines.end && r.lines.end <= lines,
            "report {ri} lines {:?} of {lines}",
            r.lines
        );
        assert!(
            r.lines.start >= prev_end,
            "report {ri} overlaps the report before it"
        );
        prev_end = r.lines.end;
        assert_eq!(
            r.range.start,
            index.line_start(r.lines.start),
            "report {ri} range does not start at its first line"
        );
        assert_eq!(
            r.range.end,
            index.line_range(text, r.lines.end - 1).end,
            "report {ri} range does not end at its last line"
        );
        if let Some(t) = r.title_line {
            assert!(
                r.lines.contains(&t),
                "report {ri} title line {t} outside its lines {:?}",
                r.lines
            );
        }
        for h in &r.outline {
            assert!(
                on_boundaries(text, &h.marker_range),
                "heading marker {:?} off char boundaries",
                h.marker_range
            );
            assert!(
                on_boundaries(text, &h.text_range),
                "heading text {:?} off char boundaries",
                h.text_range
            );
            assert!(
                h.marker_range.end <= h.text_range.start,
                "heading text {:?} before its marker {:?}",
                h.text_range,
                h.marker_range
            );
            assert!(
                !h.marker(text).is_empty(),
                "empty heading marker at {:?}",
                h.marker_range
            );
            assert_eq!(
                index.line_of(h.text_range.start),
                h.line,
                "heading text not on its line"
            );
            assert!(
                r.lines.contains(&h.line),
                "heading on line {} outside report {ri}",
                h.line
            );
            assert_eq!(
                index.line_of(h.marker_range.start),
                h.line,
                "heading marker not on its line"
            );
            assert!(h.level >= 1, "heading level 0");
        }
        for f in &r.findings {
            assert!(
                on_boundaries(text, &f.range),
                "finding {:?} range {:?} off char boundaries",
                f.kind,
                f.range
            );
            assert!(f.line < lines, "finding on line {} of {lines}", f.line);
        }
        for role in &r.roles {
            assert!(
                r.lines.contains(&role.line),
                "{:?} line {} outside report {ri}",
                role.role,
                role.line
            );
        }
        for p in a.report_placeholders(ri) {
            assert!(
                p.range.start >= r.range.start && p.range.start < r.range.end,
                "report_placeholders({ri}) gave one outside it"
            );
        }
    }
    let mut prev = 0;
    for p in &a.placeholders {
        assert!(
            on_boundaries(text, &p.range),
            "placeholder range {:?} off char boundaries",
            p.range
        );
        assert!(
            !p.range.is_empty(),
            "empty placeholder at {}",
            p.range.start
        );
        let context = p.context_range(text);
        assert!(
            on_boundaries(text, &context)
                && context.start <= p.range.start
                && context.end >= p.range.end,
            "placeholder context {context:?} off char boundaries or not around {:?}",
            p.range
        );
        assert!(
            !text[context].contains('\n'),
            "placeholder context crosses a line"
        );
        if let Some(u) = &p.unit_range() {
            assert!(
                on_boundaries(text, u) && u.start >= p.range.end,
                "placeholder unit {u:?} off char boundaries or before {:?}",
                p.range
            );
        }
        assert!(
            p.range.start >= prev,
            "placeholders overlap or are out of order at {}",
            p.range.start
        );
        prev = p.range.end;
        assert_eq!(
            p.line(),
            index.line_of(p.range.start),
            "placeholder {} has the wrong line",
            p.text(text)
        );
        assert_eq!(
            p.column(),
            index.column_of(text, p.range.start),
            "placeholder {} has the wrong column",
            p.text(text)
        );
    }
    check_coverage(text, a);
}

/// Every line that is not blank or junk belongs to the compilation title, the 目录 or a
/// report: a line outside all of them would be left out of every export.
pub fn check_coverage(text: &str, a: &Analysis) {
    let index = &a.index;
    let o = &a.outline;
    let mut owned = vec![false; index.line_count()];
    if let Some(t) = o.title_line {
        owned[t] = true;
    }
    if let Some(toc) = &o.toc {
        owned[toc.lines.clone()].iter_mut().for_each(|x| *x = true);
    }
    for r in &o.reports {
        owned[r.lines.clone()].iter_mut().for_each(|x| *x = true);
    }
    for (l, owned) in owned.iter().enumerate() {
        let line = &text[index.line_range(text, l)];
        let content = junk::strip_paywall(line);
        if *owned || content.trim().is_empty() || junk::is_advert_line(&content) {
            continue;
        }
        panic!(
            "line {} ({line:?}) belongs to no report, title or 目录, so no export has it",
            l + 1
        );
    }
}

/// Edits lie on character boundaries within the text, and `old` is the text at the range.
pub fn check_edits(text: &str, edits: &[Edit], who: &str) {
    for e in edits {
        assert!(
            on_boundaries(text, &e.range),
            "{who}: edit {:?} off char boundaries or past the end ({})",
            e.range,
            text.len()
        );
        assert_eq!(
            text[e.range.clone()],
            e.old,
            "{who}: edit's old is not the text at {:?}",
            e.range
        );
    }
}

pub fn check_sorted_disjoint(edits: &[Edit], who: &str) {
    for w in edits.windows(2) {
        assert!(
            w[0].range.end <= w[1].range.start,
            "{who}: edits {:?} and {:?} overlap or are out of order",
            w[0].range,
            w[1].range
        );
    }
}

fn check_inverse(before: &str, after: &str, inverse: &[Edit], what: &str) {
    let back = edit::apply(after, inverse);
    assert_eq!(
        back.skipped, 0,
        "undoing {what}: {} inverse edit(s) do not match",
        back.skipped
    );
    assert!(
        back.text == before,
        "undoing {what} does not restore the text"
    );
}

/// The history: applying the edits as a step, undo gives the text back, redo the result.
fn check_history(text: &str, edits: &[Edit], expected: &str) {
    let mut t = text.to_string();
    let mut h = History::default();
    let changed = h.apply(&mut t, edits.to_vec(), "填写", false);
    assert_eq!(
        changed,
        text != expected || edits.iter().any(|e| e.old != e.new),
        "History::apply's result is wrong"
    );
    assert_eq!(t, expected, "History::apply does not give the applied text");
    if changed {
        assert!(h.undo(&mut t), "undo after a step did nothing");
        assert_eq!(t, text, "undo does not restore the text");
        assert!(h.redo(&mut t), "redo after undo did nothing");
        assert_eq!(t, expected, "redo does not give the text back");
    }
}

/// A line that no edit touches (its bytes and its line break) is still a whole line of the
/// cleaned text, at the place the edits before it shift it to.
pub fn check_untouched_lines(text: &str, edits: &[Edit], cleaned: &str) {
    let index = LineIndex::new(text);
    let mut ei = 0;
    let mut shift: isize = 0;
    for l in 0..index.line_count() {
        let r = index.line_range(text, l);
        let extent_end = if r.end < text.len() { r.end + 1 } else { r.end };
        // Edits wholly before the line shift it.
        while ei < edits.len()
            && edits[ei].range.end <= r.start
            && !(edits[ei].range.is_empty() && edits[ei].range.start == r.start)
        {
            shift += edits[ei].new.len() as isize - edits[ei].old.len() as isize;
            ei += 1;
        }
        let touched = edits[ei..]
            .iter()
            .take_while(|e| e.range.start <= extent_end)
            .any(|e| {
                if e.range.is_empty() {
                    (r.start..=r.end).contains(&e.range.start)
                } else {
                    e.range.start < extent_end && e.range.end > r.start
                }
            });
        if touched {
            continue;
        }
        let at = (r.start as isize + shift) as usize;
        let line = &text[r.clone()];
        assert_eq!(
            cleaned.get(at..at + line.len()),
            Some(line),
            "untouched line {} did not survive cleaning",
            l + 1
        );
        let starts_line = at == 0 || cleaned.as_bytes()[at - 1] == b'\n';
        let ends_line =
            at + line.len() == cleaned.len() || cleaned.as_bytes()[at + line.len()] == b'\n';
        assert!(
            starts_line && ends_line,
            "untouched line {} ({line:?}) was glued to another line by cleaning",
            l + 1
        );
    }
}

/// Export: the cleaned text saves in every encoding (UTF-8 and UTF-16 always; GB18030 and
/// Big5 or a clear error) and reopens to the same text.
pub fn check_export(text: &str) {
    if text.trim().is_empty() {
        return;
    }
    for encoding in Encoding::ALL {
        // encoding_rs' GB18030 and Big5 encoders search tables and are slow (the slowest
        // part of a fuzz run): larger texts are checked in the Unicode encodings only, and
        // the legacy ones with CRLF only (line endings are handled before the encoding).
        let legacy = matches!(encoding, Encoding::Gb18030 | Encoding::Big5);
        if legacy && text.len() > LEGACY_EXPORT_MAX_BYTES {
            continue;
        }
        let endings: &[LineEnding] = if legacy {
            &[LineEnding::Crlf]
        } else {
            &[LineEnding::Lf, LineEnding::Crlf]
        };
        for &line_ending in endings {
            let opts = TextOptions {
                encoding,
                line_ending,
            };
            let bytes = match export::encode(text, opts) {
                Ok(b) => b,
                Err(e) => {
                    assert!(
                        matches!(encoding, Encoding::Gb18030 | Encoding::Big5),
                        "cannot save as {encoding}: {e}"
                    );
                    continue;
                }
            };
            // A leading U+FEFF cannot survive a plain UTF-8 file: it is read back as a BOM.
            let expected = match encoding {
                Encoding::Utf8 => text.strip_prefix('\u{feff}').unwrap_or(text),
                _ => text,
            };
            if expected.trim().is_empty() {
                continue;
            }
            match decode::decode(&bytes, Path::new("导出.txt"), Some(encoding)) {
                Ok(doc) => assert!(
                    doc.text == expected,
                    "saved as {encoding}/{} and reopened, the text differs: {}",
                    line_ending.name(),
                    first_difference(expected, &doc.text)
                ),
                Err(e) => panic!(
                    "saved as {encoding}/{} but reopening fails: {e}",
                    line_ending.name()
                ),
            }
        }
    }
}

/// .docx: every non-blank line of every report but its title becomes one paragraph with the
/// same text, highlights lie on its boundaries, and the builder makes a zip.
pub fn check_docx(text: &str, a: &Analysis) {
    use qinggao::export::docx;
    let all: Vec<usize> = (0..a.outline.reports.len()).collect();
    let input = export::docx_input(text, a, &all, true);
    assert_eq!(
        input.reports.len(),
        a.outline.reports.len(),
        "docx input lost a report"
    );
    for (r, dr) in a.outline.reports.iter().zip(&input.reports) {
        let lines = r.lines.clone().filter(|&l| Some(l) != r.title_line);
        let expected: Vec<&str> = lines
            .map(|l| text[a.index.line_range(text, l)].trim())
            .filter(|s| !s.is_empty())
            .collect();
        let got: Vec<&str> = dr.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(got, expected, "docx paragraphs are not the report's lines");
        for p in &dr.paragraphs {
            for h in &p.highlights {
                assert!(
                    on_boundaries(&p.text, h) && !h.is_empty(),
                    "highlight {h:?} off boundaries in {:?}",
                    p.text
                );
            }
        }
    }
    if input.reports.is_empty() {
        return;
    }
    match docx::build(&input, &docx::Preset::default()) {
        Ok(bytes) => assert!(
            bytes.starts_with(b"PK\x03\x04"),
            "docx::build did not make a zip"
        ),
        Err(e) => panic!("docx::build refused analysed text: {e}"),
    }
}

/// A generated compilation: the bytes (UTF-8, or GB18030/UTF-16 when `variant` says so) pass
/// every property, and every line the author wrote comes out of cleaning whole, in order, as
/// written (or with only the junk inside it taken out), inside a report, the compilation
/// title or the 目录 — so every export has it.
pub fn check_compilation(c: &crate::genre::Compilation, variant: u8) -> Seen {
    use crate::genre::Keep;
    let text = c.text();
    let bytes = match variant % 4 {
        1 => encoding_rs::GB18030.encode(&text).0.into_owned(),
        2 => {
            let mut b = vec![0xFF, 0xFE];
            text.encode_utf16()
                .for_each(|u| b.extend_from_slice(&u.to_le_bytes()));
            b
        }
        3 => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        _ => text.into_bytes(),
    };
    let mut seen = check_bytes(&bytes);
    let doc = decode::decode(&bytes, Path::new("汇编.txt"), None)
        .unwrap_or_else(|e| panic!("a generated compilation does not load: {e}"));
    let expected: Vec<&str> = c.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        doc.text,
        expected.join("\n"),
        "loading changed the text (variant {variant})"
    );
    assert_eq!(
        doc.line_ending == LineEnding::Crlf,
        c.crlf && c.lines.len() > 1,
        "wrong line ending detected"
    );

    let a = analysis::analyze(&doc.text);
    let plan = clean::plan(&doc.text, &a, &RuleSet::default());
    let cleaned = edit::apply(&doc.text, &plan).text;
    let a2 = analysis::analyze(&cleaned);
    let out: Vec<&str> = cleaned.split('\n').collect();
    let mut owned = vec![false; out.len()];
    if let Some(t) = a2.outline.title_line {
        owned[t] = true;
    }
    if let Some(toc) = &a2.outline.toc {
        owned[toc.lines.clone()].iter_mut().for_each(|x| *x = true);
    }
    for r in &a2.outline.reports {
        owned[r.lines.clone()].iter_mut().for_each(|x| *x = true);
    }
    let mut cursor = 0;
    for (n, line) in c.lines.iter().enumerate() {
        let wanted: Vec<&str> = match &line.keep {
            Keep::Junk => continue,
            Keep::Exactly(s) => vec![s.as_str()],
            Keep::OneOf(v) => v.iter().map(String::as_str).collect(),
        };
        let found = (cursor..out.len()).find(|&i| wanted.contains(&out[i].trim()));
        let Some(i) = found else {
            let r = a.index.line_range(&doc.text, n);
            let touching: Vec<&Edit> = plan
                .iter()
                .filter(|e| e.range.start <= r.end + 1 && e.range.end >= r.start)
                .collect();
            panic!(
                "the author's line {} {:?} did not come out of cleaning whole (wanted one of {wanted:?}); the edits touching it: {touching:?}",
                n + 1,
                line.text,
            )
        };
        assert!(
            owned[i],
            "the author's line {:?} is outside every report after cleaning, so no export has it",
            out[i]
        );
        cursor = i + 1;
    }
    seen.decoded += 1;
    seen
}

/// Edits and history on arbitrary operations: `data` gives a text and a list of operations.
/// Applying any edits (mismatched, overlapping, off char boundaries) never panics, skips
/// exactly the bad ones, and its inverse restores the text; `diff` gives an edit that makes
/// the new text; the history's undo and redo always give back the exact earlier texts, also
/// when typing merges into one step.
pub fn check_edit_ops(data: &[u8]) {
    const NEW: [&str; 8] = ["", "党", "X", "滨江", "\n", "a", "😀", "　　"];
    let split = data.first().map_or(0, |&b| usize::from(b)).min(data.len());
    let text = String::from_utf8_lossy(data.get(1..split).unwrap_or_default()).into_owned();
    let ops = data.get(split..).unwrap_or_default();
    let pos = |b: u8, len: usize| usize::from(b) * (len + 1) / 256;

    // A batch of edits.
    let mut edits = Vec::new();
    for op in ops.chunks_exact(4).take(16) {
        let (a, b) = (pos(op[0], text.len()), pos(op[1], text.len()));
        let range = a.min(b)..a.max(b);
        let old = if op[2] % 5 == 0 {
            "错".to_string()
        } else {
            text.get(range.clone()).unwrap_or("").to_string()
        };
        edits.push(Edit {
            range,
            old,
            new: NEW[usize::from(op[3]) % NEW.len()].to_string(),
            origin: qinggao::model::EditOrigin::User,
        });
    }
    let normalized = edit::normalize(edits.clone());
    check_sorted_disjoint_or_insertions(&normalized);
    let bad = normalized
        .iter()
        .filter(|e| text.get(e.range.clone()) != Some(e.old.as_str()))
        .count();
    let applied = edit::apply(&text, &normalized);
    assert_eq!(
        applied.skipped, bad,
        "edit::apply skipped a different number of edits than do not match"
    );
    check_inverse(&text, &applied.text, &applied.inverse, "a batch of edits");
    if let Some(d) = edit::diff(&text, &applied.text) {
        check_edits(&text, std::slice::from_ref(&d), "edit::diff");
        assert_eq!(
            edit::apply(&text, &[d]).text,
            applied.text,
            "edit::diff's edit does not make the new text"
        );
    } else {
        assert_eq!(
            text, applied.text,
            "edit::diff found no change between different texts"
        );
    }

    // Composing two batches (what clean::plan does with its rounds): the first batch's
    // valid edits, then a second batch of valid edits on the text they made, as one batch
    // on the original text, sorted, disjoint, and giving the same text.
    let first: Vec<Edit> = normalized
        .iter()
        .filter(|e| text.get(e.range.clone()) == Some(e.old.as_str()))
        .cloned()
        .collect();
    let mid = applied.text.as_str();
    let mut second = Vec::new();
    for op in ops.chunks_exact(4).rev().take(16) {
        let a = floor_boundary(mid, pos(op[1], mid.len()));
        let b = floor_boundary(mid, pos(op[0], mid.len())).max(a);
        second.push(edit::user_edit(
            mid,
            a..b,
            NEW[usize::from(op[2]) % NEW.len()],
        ));
    }
    let second = edit::normalize(second);
    let end = edit::apply(mid, &second).text;
    let composed = edit::compose(&text, &first, mid, &second);
    check_edits(&text, &composed, "edit::compose");
    check_sorted_disjoint(&composed, "edit::compose");
    let once = edit::apply(&text, &composed);
    assert_eq!(
        once.skipped, 0,
        "edit::compose made edits that do not apply"
    );
    assert!(
        once.text == end,
        "edit::compose's batch does not give what the two batches give: {}",
        first_difference(&end, &once.text)
    );

    // The history against a model: each step is (text before, text after).
    let mut t = text.clone();
    let mut h = History::default();
    let mut undo: Vec<(String, String)> = Vec::new();
    let mut redo: Vec<(String, String)> = Vec::new();
    let mut cursor = t.len();
    for op in ops.chunks_exact(3).take(64) {
        cursor = floor_boundary(&t, cursor);
        let typed = match op[0] % 6 {
            // Typing one character at the cursor, merging with the typing before.
            0 | 1 => {
                let ch = NEW[usize::from(op[1]) % NEW.len()];
                let e = edit::user_edit(&t, cursor..cursor, ch);
                cursor += ch.len();
                Some((e, true))
            }
            // Backspace.
            2 if cursor > 0 => {
                let start = floor_boundary(&t, cursor - 1);
                let e = edit::user_edit(&t, start..cursor, "");
                cursor = start;
                Some((e, true))
            }
            // A replacement somewhere else, as a step of its own.
            3 => {
                let a = floor_boundary(&t, pos(op[1], t.len()));
                let b = floor_boundary(&t, pos(op[2], t.len())).max(a);
                cursor = b;
                Some((
                    edit::user_edit(&t, a..b, NEW[usize::from(op[2]) % NEW.len()]),
                    false,
                ))
            }
            4 => {
                let did = h.undo(&mut t);
                assert_eq!(
                    did,
                    !undo.is_empty(),
                    "undo disagrees about whether there is a step"
                );
                if let Some(step) = undo.pop() {
                    assert!(
                        t == step.0,
                        "undo did not give back the text before the step"
                    );
                    redo.push(step);
                }
                None
            }
            5 => {
                let did = h.redo(&mut t);
                assert_eq!(
                    did,
                    !redo.is_empty(),
                    "redo disagrees about whether there is a step"
                );
                if let Some(step) = redo.pop() {
                    assert!(
                        t == step.1,
                        "redo did not give back the text after the step"
                    );
                    undo.push(step);
                }
                None
            }
            _ => None,
        };
        if let Some((e, mergeable)) = typed {
            let before = t.clone();
            let steps = h.len();
            let label = if mergeable { "输入" } else { "填写" };
            if h.apply(&mut t, vec![e], label, mergeable) {
                redo.clear();
                if h.len() > steps {
                    undo.push((before, t.clone()));
                } else {
                    let top = undo
                        .last_mut()
                        .expect("a merged step has a step to merge into");
                    top.1 = t.clone();
                }
            }
        }
        assert_eq!(h.can_undo(), !undo.is_empty(), "can_undo is wrong");
        assert_eq!(h.can_redo(), !redo.is_empty(), "can_redo is wrong");
    }
    // Undo everything: back to the first text.
    while h.undo(&mut t) {}
    if let Some(first) = undo.first() {
        assert!(
            t == first.0,
            "undoing every step does not give back the first text"
        );
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn check_sorted_disjoint_or_insertions(edits: &[Edit]) {
    for w in edits.windows(2) {
        assert!(
            w[0].range.end <= w[1].range.start,
            "normalize left overlapping edits {:?} and {:?}",
            w[0].range,
            w[1].range
        );
    }
}

/// Where two texts first differ, with a little context, for failure messages.
pub fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let at = floor_boundary(a, at).min(floor_boundary(b, at));
    let from = floor_boundary(a, at.saturating_sub(12));
    let around = |s: &str| {
        s.get(from..)
            .unwrap_or("")
            .chars()
            .take(16)
            .collect::<String>()
    };
    format!(
        "at byte {at} (of {} and {}): {:?} became {:?}",
        a.len(),
        b.len(),
        around(a),
        around(b)
    )
}

/// A .doc made of fuzzer bytes. The first byte says how: 0, the rest is the whole file (the
/// OLE container's own parsing); otherwise two bytes (LE) split the rest into the
/// WordDocument stream and the table stream (written as both 0Table and 1Table) of a
/// well-formed OLE file, so the fuzzer works on the Word structures themselves.
pub fn doc_file(data: &[u8]) -> Option<Vec<u8>> {
    let (&mode, rest) = data.split_first()?;
    if mode == 0 {
        return Some(rest.to_vec());
    }
    let split = rest
        .get(..2)
        .map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
    let body = rest.get(2..).unwrap_or_default();
    let (word, table) = body.split_at(split.min(body.len()));
    Some(qinggao::input::testing::ole(&[
        ("/WordDocument", word),
        ("/0Table", table),
        ("/1Table", table),
    ]))
}

/// The .doc reader on fuzzer bytes (see [`doc_file`]): the reader itself, outside the
/// panic guard, returns paragraphs or a message; a document the loader makes of them is
/// one line a paragraph without CR or other control characters, and every piece's range
/// holds the piece's text.
pub fn check_doc(data: &[u8]) {
    let Some(file) = doc_file(data) else {
        return;
    };
    if let Ok(read) = qinggao::input::doc::read(&file) {
        for p in &read.paras {
            for s in &p.spans {
                assert!(
                    p.text.get(s.range.clone()).is_some(),
                    "a span {:?} outside its paragraph {:?}",
                    s.range,
                    p.text
                );
            }
        }
    }
    let Ok(doc) = qinggao::input::read_bytes(file, Path::new("输入.doc"), None) else {
        return;
    };
    // Bytes that are no OLE file are read as text (or .docx), whose properties the other
    // targets check: a text file may hold control characters.
    if !matches!(doc.source.format, SourceFormat::Doc | SourceFormat::Wps) {
        return;
    }
    assert!(
        !doc.text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character in the imported text"
    );
    for p in &doc.source.pieces {
        assert_eq!(
            doc.text.get(p.range.clone()),
            Some(p.text.as_str()),
            "a piece's range does not hold its text"
        );
    }
    check_text(&doc.text, doc.text.as_bytes());
}
