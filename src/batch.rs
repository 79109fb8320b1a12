//! Batches of files for the command line: folders walked into the files a batch takes,
//! the files worked on every core with their results handed back in input order, a
//! progress bar on a terminal, and the summary at the end. The writes of a whole batch are
//! made durable together by [`crate::fs::commit`]. No egui.

use crate::error::{Error, Result};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Set by Ctrl-C or SIGTERM during a batch: no file is started after it, and the caller
/// drops what was staged (deleting the temporary files) instead of committing it.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// True once the batch was asked to stop.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Turns the first Ctrl-C or SIGTERM into [`interrupted`]; a second one ends the program
/// as usual (the handler resets itself).
#[cfg(unix)]
fn catch_interrupts() {
    extern "C" fn on_signal(_: libc::c_int) {
        // Only an atomic store: async-signal-safe.
        INTERRUPTED.store(true, Ordering::Relaxed);
    }
    // SAFETY: a zeroed sigaction is valid; the handler only stores to an atomic, and
    // SA_RESETHAND makes it one-shot.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = libc::SA_RESETHAND;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
        libc::sigaction(libc::SIGTERM, &action, std::ptr::null_mut());
    }
}

#[cfg(not(unix))]
fn catch_interrupts() {}

/// The files a batch takes from a folder unless `--glob` says otherwise: text and the Word
/// formats the readers know.
pub const DEFAULT_GLOBS: [&str; 6] = ["*.txt", "*.docx", "*.docm", "*.dotx", "*.doc", "*.wps"];

/// One file of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Where it sits in what the user named: its path under the folder it was found in, or
    /// its file name when it was named itself. Outputs mirror this tree.
    pub rel: PathBuf,
    /// Its size when listed (0 when unknown), for the progress bar.
    pub size: u64,
}

/// A folder or entry that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    /// True when files may have been missed (an unreadable folder); false for a symlink
    /// that leads back to a folder already walked, whose files the batch has anyway.
    pub failed: bool,
}

/// What the command line named, as files.
#[derive(Debug, Default)]
pub struct Walk {
    pub inputs: Vec<Input>,
    pub problems: Vec<Problem>,
    /// True when a folder was named: the outputs then always go into a folder.
    pub folders: bool,
}

/// File name patterns: `*` any run of characters, `?` one character, case-insensitive. A
/// pattern with a `/` is matched against the path under the folder walked, others against
/// the file name.
#[derive(Debug, Clone)]
pub struct Globs(Vec<String>);

impl Globs {
    /// The patterns given, or the defaults when none were.
    pub fn new(patterns: &[String]) -> Globs {
        let list: Vec<String> = if patterns.is_empty() {
            DEFAULT_GLOBS.iter().map(|s| s.to_string()).collect()
        } else {
            patterns.to_vec()
        };
        Globs(list.iter().map(|p| p.to_lowercase()).collect())
    }

    pub fn matches(&self, rel: &Path) -> bool {
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let full = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
            .to_lowercase();
        self.0.iter().any(|p| {
            let subject = if p.contains('/') { &full } else { &name };
            wildcard(p.as_bytes(), subject.as_bytes())
        })
    }
}

/// `*` and `?` matching over characters (UTF-8 safe: `?` consumes a whole character).
fn wildcard(pattern: &[u8], text: &[u8]) -> bool {
    let p: Vec<char> = String::from_utf8_lossy(pattern).chars().collect();
    let t: Vec<char> = String::from_utf8_lossy(text).chars().collect();
    // The classic greedy matcher with one backtrack point: linear in practice.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// The files named and those found (recursively, following symlinks) in the folders named,
/// in order: the arguments as given, each folder's entries sorted by name. Files named
/// themselves are taken whatever their name; those in folders only when `globs` match.
pub fn collect(paths: &[PathBuf], globs: &Globs) -> Walk {
    let mut walk = Walk::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                walk.folders = true;
                let mut seen = HashSet::new();
                let mut ancestors = Vec::new();
                walk_dir(
                    path,
                    Path::new(""),
                    globs,
                    &mut seen,
                    &mut ancestors,
                    &mut walk,
                );
            }
            // A missing or unreadable file is the reader's to report, as for any file.
            meta => walk.inputs.push(Input {
                path: path.clone(),
                rel: path.file_name().map(PathBuf::from).unwrap_or_default(),
                size: meta.map_or(0, |m| m.len()),
            }),
        }
    }
    walk
}

fn walk_dir(
    dir: &Path,
    rel: &Path,
    globs: &Globs,
    seen: &mut HashSet<PathBuf>,
    ancestors: &mut Vec<PathBuf>,
    walk: &mut Walk,
) {
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            walk.problems.push(Problem {
                message: format!("{}: 无法读取文件夹 ({e})", dir.display()),
                failed: true,
            });
            return;
        }
    };
    if ancestors.contains(&canonical) {
        walk.problems.push(Problem {
            message: format!(
                "{}: 符号链接指回上层文件夹（循环），已跳过 (symlink loop)",
                dir.display()
            ),
            failed: false,
        });
        return;
    }
    if !seen.insert(canonical.clone()) {
        walk.problems.push(Problem {
            message: format!(
                "{}: 与已处理的文件夹是同一个（符号链接），已跳过",
                dir.display()
            ),
            failed: false,
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            walk.problems.push(Problem {
                message: format!("{}: 无法读取文件夹 ({e})", dir.display()),
                failed: true,
            });
            return;
        }
    };
    let mut names = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => walk.problems.push(Problem {
                message: format!("{}: 无法读取文件夹 ({e})", dir.display()),
                failed: true,
            }),
        }
    }
    names.sort();
    ancestors.push(canonical);
    for name in names {
        let path = dir.join(&name);
        let rel = rel.join(&name);
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk_dir(&path, &rel, globs, seen, ancestors, walk),
            Ok(m) => {
                if m.is_file() && globs.matches(&rel) {
                    walk.inputs.push(Input {
                        path,
                        rel,
                        size: m.len(),
                    });
                }
            }
            Err(e) => {
                // A dangling symlink or one that points at itself: only worth a word when
                // it looks like a file the batch would take.
                if globs.matches(&rel) {
                    walk.problems.push(Problem {
                        message: format!("{}: 无法读取 ({e})", path.display()),
                        failed: true,
                    });
                }
            }
        }
    }
    ancestors.pop();
}

/// Runs `work` on every input on all cores (rayon's pool) and hands each result to `emit`
/// on the calling thread, in input order, as soon as it and all before it are done. Files
/// are taken in order from a shared counter, so results arrive nearly in order and few
/// wait. A panic while working on one file becomes that file's error: the batch goes on.
///
/// After Ctrl-C or SIGTERM no file is started ([`interrupted`] says so).
///
/// With `bar`, a progress bar on stderr shows files done/total, MB/s, the time left and the
/// file being worked on; `emit` then runs with the bar hidden, so lines it prints are not
/// torn by it.
pub fn run<T: Send>(
    inputs: &[Input],
    bar: bool,
    work: impl Fn(&Input) -> Result<T> + Sync,
    mut emit: impl FnMut(usize, Result<T>),
) {
    catch_interrupts();
    let progress = bar.then(|| progress_bar(inputs));
    let progress = progress.as_ref();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let threads = rayon::current_num_threads().clamp(1, inputs.len().max(1));
    let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<T>)>();
    let (work, next, done) = (&work, &next, &done);
    std::thread::scope(|s| {
        s.spawn(move || {
            rayon::scope(|rs| {
                for _ in 0..threads {
                    let tx = tx.clone();
                    rs.spawn(move |_| {
                        loop {
                            if interrupted() {
                                break;
                            }
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(input) = inputs.get(i) else { break };
                            if let Some(p) = progress {
                                p.set_message(input.path.display().to_string());
                            }
                            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                work(input)
                            }))
                            .unwrap_or_else(|_| {
                                Err(Error::Invalid {
                                    what: format!(
                                        "{}: 处理时出现内部错误，已跳过此文件 (internal error)",
                                        input.path.display()
                                    ),
                                })
                            });
                            if let Some(p) = progress {
                                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                                p.set_prefix(format!("{n}/{}", inputs.len()));
                                p.inc(input.size);
                            }
                            if tx.send((i, r)).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&want) {
                match progress {
                    Some(p) => p.suspend(|| emit(want, r)),
                    None => emit(want, r),
                }
                want += 1;
            }
        }
    });
    if let Some(p) = progress {
        p.finish_and_clear();
    }
}

fn progress_bar(inputs: &[Input]) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let total: u64 = inputs.iter().map(|i| i.size).sum();
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{prefix} 个文件 [{bar:24}] {binary_bytes_per_sec} 剩余 {eta} {wide_msg}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(format!("0/{}", inputs.len()));
    bar
}

// ---------------------------------------------------------------------------------------
// the summary

/// What one file of a batch gave.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub reports: usize,
    /// Edits by rule id (made by `clean`, that cleaning would make for `inspect`).
    pub edits: BTreeMap<String, usize>,
    /// Placeholders still unfilled.
    pub placeholders: usize,
    /// Placeholders filled from --fill.
    pub fills: usize,
}

/// The summary of a whole batch, built as results come in.
#[derive(Debug, Default)]
pub struct Summary {
    files: usize,
    done: usize,
    total: Stats,
    failures: Vec<String>,
    notices: Vec<String>,
}

impl Summary {
    pub fn ok(&mut self, s: &Stats) {
        self.files += 1;
        self.done += 1;
        self.total.reports += s.reports;
        self.total.placeholders += s.placeholders;
        self.total.fills += s.fills;
        for (k, n) in &s.edits {
            *self.total.edits.entry(k.clone()).or_default() += n;
        }
    }

    pub fn failed(&mut self, message: String) {
        self.files += 1;
        self.failures.push(message);
    }

    /// A folder that could not be walked (not a file of the batch).
    pub fn problem(&mut self, p: &Problem) {
        if p.failed {
            self.failures.push(p.message.clone());
        } else {
            self.notices.push(p.message.clone());
        }
    }

    pub fn any_failed(&self) -> bool {
        !self.failures.is_empty()
    }

    /// The summary's lines; `label` names a rule by its id, `verb` is what was done
    /// ("清理" or "清理将修改").
    pub fn render(&self, verb: &str, label: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        use std::fmt::Write as _;
        let failed = self.files - self.done;
        let _ = writeln!(
            out,
            "== 汇总：{} 个文件（成功 {}，失败 {failed}），报告 {} 篇",
            self.files, self.done, self.total.reports
        );
        let edits: usize = self.total.edits.values().sum();
        if edits == 0 {
            let _ = writeln!(out, "   {verb}：0 处");
        } else {
            let _ = writeln!(out, "   {verb}：{edits} 处");
            for (id, n) in &self.total.edits {
                let _ = writeln!(out, "     {n:>6}  {}", label(id));
            }
        }
        if self.total.fills > 0 {
            let _ = writeln!(out, "   填入占位符：{} 处", self.total.fills);
        }
        let _ = writeln!(out, "   未填占位符：{} 处", self.total.placeholders);
        if !self.failures.is_empty() {
            let _ = writeln!(out, "   出错 {} 项：", self.failures.len());
            for f in &self.failures {
                let _ = writeln!(out, "     ✗ {f}");
            }
        }
        for n in &self.notices {
            let _ = writeln!(out, "   注意：{n}");
        }
        out.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_names_case_insensitively() {
        let g = Globs::new(&[]);
        for yes in ["a.txt", "汇编.DOCX", "x/y/旧.Doc", "z.wps"] {
            assert!(g.matches(Path::new(yes)), "{yes}");
        }
        for no in ["a.txt.bak", "a.pdf", "txt", "图.png"] {
            assert!(!g.matches(Path::new(no)), "{no}");
        }
        let g = Globs::new(&["20??年*总结*".into(), "sub/*.md".into()]);
        assert!(g.matches(Path::new("x/2023年工作总结.txt")));
        assert!(!g.matches(Path::new("2023年工作计划.txt")));
        assert!(g.matches(Path::new("sub/readme.MD")));
        assert!(!g.matches(Path::new("other/readme.md")));
    }

    #[test]
    fn folders_are_walked_in_name_order_and_loops_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/深")).unwrap();
        for f in ["c.txt", "a.TXT", "b/深/d.docx", "b/e.txt", "skip.pdf"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root, root.join("b/回环")).unwrap();
        let walk = collect(&[root.to_path_buf()], &Globs::new(&[]));
        let rels: Vec<String> = walk
            .inputs
            .iter()
            .map(|i| i.rel.to_string_lossy().replace('\\', "/"))
            .collect();
        assert_eq!(rels, ["a.TXT", "b/e.txt", "b/深/d.docx", "c.txt"]);
        assert!(walk.folders);
        #[cfg(unix)]
        {
            assert_eq!(walk.problems.len(), 1, "{:?}", walk.problems);
            assert!(walk.problems[0].message.contains("回环"));
            assert!(!walk.problems[0].failed);
        }
    }

    #[test]
    fn results_come_back_in_input_order_and_a_panic_is_one_files_error() {
        let inputs: Vec<Input> = (0..200)
            .map(|i| Input {
                path: PathBuf::from(format!("{i}.txt")),
                rel: PathBuf::from(format!("{i}.txt")),
                size: 1,
            })
            .collect();
        let mut seen = Vec::new();
        run(
            &inputs,
            false,
            |input| {
                let n: usize = input
                    .path
                    .to_string_lossy()
                    .trim_end_matches(".txt")
                    .parse()
                    .unwrap();
                // Early files take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros((200 - n as u64) * 20));
                if n == 7 {
                    panic!("boom");
                }
                Ok(n)
            },
            |i, r| seen.push((i, r.ok())),
        );
        let expected: Vec<(usize, Option<usize>)> =
            (0..200).map(|i| (i, (i != 7).then_some(i))).collect();
        assert_eq!(seen, expected);
    }
}
