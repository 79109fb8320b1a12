//! Fuzzing support for 清稿: the properties every input must keep ([`props`]) and the
//! generator of genre compilations ([`genre`]). The same two files are included by path in
//! the crate's `tests/properties.rs` and `tests/regressions.rs`.

pub mod genre;
pub mod props;
