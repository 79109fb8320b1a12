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
    let opts = TextOptions { encoding: Encoding::Gb18030, line_ending: LineEnding::Lf };
    match export::encode(text, opts) {
        Ok(bytes) => {
            let back = encoding_rs::GB18030.decode_without_bom_handling(&bytes).0;
            assert_eq!(back, text, "saving as GB18030 silently changed the text");
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.contains('\u{e78d}') && msg.contains("UTF-8"), "the error names the characters: {msg}");
        }
    }
    // The same through the whole pipeline, as the property test met it.
    let mut utf16 = vec![0xFF, 0xFE];
    text.encode_utf16().for_each(|u| utf16.extend_from_slice(&u.to_le_bytes()));
    props::check_bytes(&utf16);
}
