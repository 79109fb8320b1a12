//! The held-out corpus (tests/fixtures/unseen, written by scripts/gen_unseen_corpus.py and
//! scripts/gen_unseen_word.py): compilations of sites, label forms, junk and genres the rules
//! were never tuned on, and Word files made by another program, each scored against its
//! manifest as tests/genres.rs scores its corpus. Nobody improving the rules reads these files,
//! so the summary is an honest held-out score. The test only reports it (UNSEEN_VERBOSE=1 lists
//! every failure); the thresholds are the lead's to set.

mod scoring;

use qinggao::clean::RuleSet;
use scoring::{Kind, Manifest};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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

#[test]
fn the_unseen_compilations_score() {
    let verbose = std::env::var_os("UNSEEN_VERBOSE").is_some();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    let files: Vec<PathBuf> = manifests(&root)
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
        let s = scoring::score(&doc.text, &rules, &m);
        passed += s.passed;
        checks += s.checks;
        perfect += usize::from(s.failures.is_empty());
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        for (kind, f) in &s.failures {
            *by_kind.entry(*kind).or_default() += 1;
            if verbose {
                eprintln!("{name}: {kind:?}: {f}");
            }
        }
    }
    eprintln!("unseen: failures by kind: {by_kind:?}");
    eprintln!(
        "unseen: {perfect} of {} files fully right; {passed} of {checks} checks",
        files.len()
    );
    assert!(
        files.len() >= 15,
        "the held-out corpus has {} files",
        files.len()
    );
}
