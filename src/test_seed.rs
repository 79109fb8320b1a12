//! The compilations the unit tests read: the project's own fixture, always, and the real
//! seed when `../shared/seeds` is beside the project.
//!
//! A test that needs a real compilation runs on [`compilation`] and, as an extra check, on
//! [`seed`]. With `QINGGAO_REQUIRE_SEED=1` (set by `.ci/run` where the seed must be there) a
//! missing seed fails the test instead of skipping its seed part.

/// Path of the seed compilation.
pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/000_eedebc526b5812bc.txt"
);

/// The project's own synthetic compilation (`tests/fixtures/compilation.txt`): five reports
/// of five genres with the junk classes of a material site.
pub const COMPILATION: &str = include_str!("../tests/fixtures/compilation.txt");

/// The seed's text, or None (with a note) when the file is not there. `QINGGAO_SEED` names
/// another path for it (a work tree that does not sit beside `shared/`).
pub fn seed() -> Option<String> {
    let path = std::env::var_os("QINGGAO_SEED").map_or(SEED.into(), std::path::PathBuf::from);
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(e) => {
            assert!(
                std::env::var_os("QINGGAO_REQUIRE_SEED").is_none(),
                "QINGGAO_REQUIRE_SEED is set but the seed {} cannot be read: {e}",
                path.display()
            );
            eprintln!(
                "seed file {} missing; its checks are skipped",
                path.display()
            );
            None
        }
    }
}

/// The fixture compilation, then the seed when it is there.
pub fn compilations() -> Vec<String> {
    std::iter::once(COMPILATION.to_string())
        .chain(seed())
        .collect()
}
