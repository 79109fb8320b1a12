//! Word 97–2003 files made of the fuzzer's bytes: the whole OLE file, or the WordDocument
//! and table streams inside a sound one. See `props::check_doc`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    qinggao_fuzz::props::check_doc(data);
});
