//! The second blind held-out corpus (tests/fixtures/blind2 and blind2/word, written by
//! scripts/gen_blind2_corpus.py by someone who read neither the rules nor the other corpora and
//! never ran qinggao on it), scored against its manifests with the same scorer as tests/blind.rs.
//! Its first run is a true held-out score; once its failures have been read (BLIND2_VERBOSE=1
//! lists them) it is a built-on score. The test only reports; the thresholds are the lead's to set.

mod scoring;

use std::path::Path;

#[test]
fn the_second_blind_compilations_score() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/blind2");
    let files = scoring::report_held_out("blind2", &root, "BLIND2_VERBOSE");
    assert!(files >= 20, "the second blind corpus has {files} files");
}
