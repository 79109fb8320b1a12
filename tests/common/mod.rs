//! Helpers shared by the integration tests: run the real binary, find fixtures and the seed.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The real compilation in ../shared/seeds, when that folder exists.
pub fn seed() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_eedebc526b5812bc.txt");
    if p.exists() {
        Some(p)
    } else {
        assert!(
            std::env::var_os("QINGGAO_REQUIRE_SEED").is_none(),
            "QINGGAO_REQUIRE_SEED is set but the seed {} is not there",
            p.display()
        );
        eprintln!("note: {} not found; seed checks skipped", p.display());
        None
    }
}

pub fn qinggao(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qinggao"));
    for a in args {
        cmd.arg(a);
    }
    cmd.output().expect("run qinggao")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
