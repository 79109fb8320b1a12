//! The real compilation the unit tests read when `../shared/seeds` is beside the project.

/// Path of the seed compilation.
pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/000_eedebc526b5812bc.txt"
);

/// The seed's text, or None (with a note) when the file is not there: the test is skipped.
pub fn seed() -> Option<String> {
    match std::fs::read_to_string(SEED) {
        Ok(s) => Some(s),
        Err(_) => {
            eprintln!("seed file {SEED} missing; skipping");
            None
        }
    }
}
