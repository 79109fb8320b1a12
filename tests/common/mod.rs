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

/// A fake LibreOffice for the conversion tests, so they never need the real one: a
/// `soffice` script in a folder of its own that records its arguments in `args.txt`
/// beside it and then does `body` (with `$out` the --outdir and `$stem` the input's name
/// without extension). Only absolute paths inside: PATH can then hold this folder alone.
pub fn fake_soffice(dir: &std::path::Path, body: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let script = format!(
        "#!/bin/sh\n\
         echo \"$@\" > '{args}'\n\
         out=''; last=''\n\
         while [ $# -gt 0 ]; do\n\
           case \"$1\" in --outdir) out=\"$2\"; shift ;; *) last=\"$1\" ;; esac\n\
           shift\n\
         done\n\
         name=${{last##*/}}; stem=${{name%.*}}\n\
         {body}\n",
        args = bin.join("args.txt").display()
    );
    let path = bin.join("soffice");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// An .rtf file (what a site or an old program may hand out) and the .docx a converter
/// would make of it: the compilation fixture, its headings numbered by Word.
pub fn rtf_and_its_docx(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let rtf = dir.join("汇编.rtf");
    std::fs::write(
        &rtf,
        "{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\\par 关于XX县教育工作\\par}",
    )
    .unwrap();
    let (docx, _) = qinggao::input::testing::from_text(
        &std::fs::read_to_string(fixture("other_site.txt")).unwrap(),
    );
    let converted = dir.join("converted.docx");
    std::fs::write(&converted, docx).unwrap();
    (rtf, converted)
}
