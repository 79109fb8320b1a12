//! Scoring one compilation against its manifest, shared by the corpus tests (tests/genres.rs,
//! tests/unseen.rs, tests/blind.rs): the reports and titles the split must find, each report's
//! list markers, the junk cleaning must remove and the author's lines it must keep.
#![allow(dead_code)]

use qinggao::analysis;
use qinggao::clean::RuleSet;
use qinggao::placeholder::Answers;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
pub struct Manifest {
    pub held_out: bool,
    /// A compilation in traditional characters: cleaning must switch the conversion on by
    /// itself, and the lines to keep are given converted.
    #[serde(default)]
    pub traditional: bool,
    pub reports: Vec<Expected>,
    pub junk: Vec<String>,
    pub keep: Vec<String>,
}

#[derive(Deserialize)]
pub struct Expected {
    pub title: String,
    pub label: Option<String>,
    /// The list markers opening the report's paragraphs, in order.
    pub markers: Vec<String>,
}

impl Manifest {
    pub fn read(path: &std::path::Path) -> Manifest {
        let json =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// What a check is about, for counting failures by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Split,
    Title,
    Label,
    Markers,
    Junk,
    Keep,
    /// The conversion to simplified switched on as it should, and cleaning is idempotent.
    Clean,
}

/// What one file scored: checks passed of checks made, and what failed.
pub struct Score {
    pub passed: usize,
    pub checks: usize,
    pub failures: Vec<(Kind, String)>,
}

impl Score {
    fn check(&mut self, kind: Kind, ok: bool, what: impl FnOnce() -> String) {
        self.checks += 1;
        if ok {
            self.passed += 1;
        } else {
            self.failures.push((kind, what()));
        }
    }
}

/// Scores `text` (a compilation as read) against `m`, cleaning with `rules`.
pub fn score(text: &str, rules: &RuleSet, m: &Manifest) -> Score {
    // As `qinggao inspect` reads it: with a Word document's origins (its pages' headers).
    let a = analysis::analyze_with(text, &rules.origins);
    let mut s = Score {
        passed: 0,
        checks: 0,
        failures: Vec::new(),
    };
    let found: Vec<(Option<&str>, &str)> = a
        .outline
        .reports
        .iter()
        .map(|r| r.label_and_title())
        .collect();
    s.check(Kind::Split, found.len() == m.reports.len(), || {
        format!(
            "{} reports found, {} expected: {:?}",
            found.len(),
            m.reports.len(),
            found.iter().map(|f| f.1).collect::<Vec<_>>()
        )
    });
    for (i, want) in m.reports.iter().enumerate() {
        let got = found.get(i);
        s.check(Kind::Title, got.is_some_and(|g| g.1 == want.title), || {
            format!(
                "report {}: title {:?}, expected {:?}",
                i + 1,
                got,
                want.title
            )
        });
        s.check(
            Kind::Label,
            got.is_some_and(|g| g.0 == want.label.as_deref()),
            || {
                format!(
                    "report {}: label {:?}, expected {:?}",
                    i + 1,
                    got,
                    want.label
                )
            },
        );
    }
    for (i, want) in m.reports.iter().enumerate() {
        let Some(r) = a.outline.reports.get(i) else {
            continue;
        };
        let markers: Vec<&str> = r
            .outline
            .iter()
            .filter(|h| h.kind != qinggao::HeadingKind::InlineOrdinal)
            .map(|h| h.marker(text))
            .collect();
        s.check(Kind::Markers, markers == want.markers, || {
            format!(
                "report {}: outline markers {markers:?}, expected {:?}",
                i + 1,
                want.markers
            )
        });
    }
    let mut rules = rules.clone();
    let switched = qinggao::clean::traditional::auto_enable(&mut rules, text).is_some();
    s.check(Kind::Clean, switched == m.traditional, || {
        format!("conversion to simplified switched on: {switched}")
    });
    let cleaned = qinggao::clean::apply(text, &rules, &Answers::default(), false)
        .0
        .text;
    // Cleaning what cleaning left changes nothing.
    let again = qinggao::clean::plan(&cleaned, &analysis::analyze(&cleaned), &rules);
    s.check(Kind::Clean, again.is_empty(), || {
        format!("cleaning the cleaned text changes it again: {again:?}")
    });
    // The 校对 cleaning rules (on by default) write half-width marks in Chinese text full
    // width, "(1)加强" as "（1）加强": an author's line is kept when only that differs.
    let fold = qinggao::proof::punct::fold_width;
    let lines: std::collections::HashSet<String> =
        cleaned.lines().map(|l| fold(l.trim())).collect();
    for junk in &m.junk {
        // A label goes from the start of its title line; other junk goes wherever it stood.
        let left = if m.reports.iter().any(|r| r.label.as_deref() == Some(junk)) {
            cleaned
                .lines()
                .any(|l| l.trim_start().starts_with(junk.as_str()))
        } else {
            cleaned.contains(junk.as_str())
        };
        s.check(Kind::Junk, !left, || {
            format!("junk survives cleaning: {junk:?}")
        });
    }
    for keep in &m.keep {
        s.check(Kind::Keep, lines.contains(&fold(keep.trim())), || {
            format!("content line lost or changed: {keep:?}")
        });
    }
    s
}

/// The document a manifest describes: the file beside it with the same stem.
fn document_of(json: &Path) -> PathBuf {
    ["txt", "docx", "doc", "wps"]
        .iter()
        .map(|ext| json.with_extension(ext))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("{}: no .txt/.docx/.doc/.wps beside it", json.display()))
}

fn manifests(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Scores a held-out corpus: every manifest in `root` and `root/word`, each against the document
/// beside it read as the program reads it. Prints the failures by kind and the files and checks
/// passed, each line opening with `name`; with the environment variable `verbose` set, every
/// failure too. Only reports (the thresholds are the lead's); returns the number of files scored.
pub fn report_held_out(name: &str, root: &Path, verbose: &str) -> usize {
    let verbose = std::env::var_os(verbose).is_some();
    let files: Vec<PathBuf> = manifests(root)
        .into_iter()
        .chain(manifests(&root.join("word")))
        .collect();
    let (mut passed, mut checks, mut perfect) = (0, 0, 0);
    let mut by_kind: BTreeMap<Kind, usize> = BTreeMap::new();
    for json in &files {
        let m = Manifest::read(json);
        assert!(m.held_out, "{}: not marked held out", json.display());
        let path = document_of(json);
        // Read as the program reads it, so a Word file's pieces keep their origins.
        let doc =
            qinggao::input::load(&path, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rules = RuleSet::default().with_origins(&doc.source);
        let s = score(&doc.text, &rules, &m);
        passed += s.passed;
        checks += s.checks;
        perfect += usize::from(s.failures.is_empty());
        let file = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        for (kind, f) in &s.failures {
            *by_kind.entry(*kind).or_default() += 1;
            if verbose {
                eprintln!("{file}: {kind:?}: {f}");
            }
        }
    }
    eprintln!("{name}: failures by kind: {by_kind:?}");
    eprintln!(
        "{name}: {perfect} of {} files fully right; {passed} of {checks} checks",
        files.len()
    );
    files.len()
}
