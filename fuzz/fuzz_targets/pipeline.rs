//! Arbitrary file bytes through the whole core: decode (detected, and forced to the encoding
//! the first byte picks), analyse, clean, fill, undo, export, .docx. See `props::check_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    qinggao_fuzz::props::check_bytes(data);
});
