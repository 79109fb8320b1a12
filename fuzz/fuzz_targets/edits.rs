//! Arbitrary edits and undo/redo sequences on arbitrary text. See `props::check_edit_ops`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    qinggao_fuzz::props::check_edit_ops(data);
});
