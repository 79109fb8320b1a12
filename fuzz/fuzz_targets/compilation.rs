//! Genre compilations steered by the fuzzer's bytes: every property of `pipeline`, and every
//! line the author wrote survives cleaning inside a report. See `props::check_compilation`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&variant, rest)) = data.split_first() else {
        return;
    };
    let compilation = qinggao_fuzz::genre::compose(rest);
    qinggao_fuzz::props::check_compilation(&compilation, variant);
});
