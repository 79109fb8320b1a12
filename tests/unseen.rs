//! The held-out corpus (tests/fixtures/unseen, written by scripts/gen_unseen_corpus.py and
//! scripts/gen_unseen_word.py): compilations of sites, label forms, junk and genres the rules
//! were never tuned on, and Word files made by another program, each scored against its
//! manifest as tests/genres.rs scores its corpus. Nobody improving the rules reads these files,
//! so the summary is an honest held-out score. The test only reports it (UNSEEN_VERBOSE=1 lists
//! every failure); the thresholds are the lead's to set.

mod scoring;

use std::path::Path;

#[test]
fn the_unseen_compilations_score() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/unseen");
    let files = scoring::report_held_out("unseen", &root, "UNSEEN_VERBOSE");
    assert!(files >= 15, "the held-out corpus has {files} files");
}
