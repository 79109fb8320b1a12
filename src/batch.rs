//! Batches of files for the command line: folders walked into the files a batch takes,
//! the files worked on every core with their results handed back in input order, a
//! progress bar on a terminal, the writes of a whole batch made durable together, and the
//! summary at the end. No egui.
//!
//! # Durable writes without one fsync per file
//!
//! A cleaned file must never be seen half written, and once the batch says it is written it
//! must survive a power cut. Paying one `fsync` per file (what [`crate::export::write_atomic`]
//! does for one export) costs a disk flush per file: most of the time of a batch of small
//! files. A batch instead goes in three steps:
//!
//! 1. [`stage`]: every worker writes its files as hidden temporary files (`.qinggao-*.tmp`)
//!    in their target folders, without syncing. A target name is never written to.
//! 2. [`commit`], once all files are staged: one `syncfs(2)` per file system written to
//!    puts every temporary file on disk in one flush (on systems without `syncfs`, each
//!    temporary file is synced on its own);
//! 3. then each temporary file is renamed to its name (refusing to replace a file unless
//!    `--force`), and each folder that got a new name is synced, so that the renames last too.
//!
//! A crash or a kill before step 3 leaves only hidden temporary files, never a target with
//! partial content; one during step 3 leaves each target either absent or complete, since a
//! rename only ever points a name at a file already on disk.

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
// durable writes (see the module's documentation)

/// A file written under a temporary name, waiting for [`commit`].
#[derive(Debug)]
pub struct Staged {
    tmp: tempfile::TempPath,
    dest: PathBuf,
    overwrite: bool,
}

impl Staged {
    pub fn dest(&self) -> &Path {
        &self.dest
    }
}

/// Writes `files` as temporary files beside their targets, after checking every target
/// first (a refusal writes nothing): never over `source`, and over an existing file only
/// with `overwrite`. Dropping what it returns deletes the temporary files.
pub fn stage(
    files: &[(PathBuf, Vec<u8>)],
    overwrite: bool,
    source: Option<&Path>,
) -> Result<Vec<Staged>> {
    for (path, _) in files {
        if source.is_some_and(|s| s == path || crate::fs::same_file(s, path)) {
            return Err(Error::WouldOverwriteSource { path: path.clone() });
        }
        if !overwrite && path.exists() {
            return Err(Error::Exists { path: path.clone() });
        }
    }
    files
        .iter()
        .map(|(path, bytes)| {
            // A temporary file is private until its permissions are set: those of the file
            // it replaces, or the usual rw-r--r--.
            let tmp = crate::fs::temp_beside(path, bytes, crate::fs::Visibility::Ordinary)?;
            // The file is closed now (a batch of thousands must not hold a descriptor per
            // file); its path still deletes it when dropped.
            Ok(Staged {
                tmp: tmp.into_temp_path(),
                dest: path.clone(),
                overwrite,
            })
        })
        .collect()
}

/// How the temporary files reach the disk before their renames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncMode {
    /// One `syncfs` per file system (Linux); elsewhere as `EachFile`.
    FileSystem,
    /// `fsync` on every temporary file.
    EachFile,
}

impl SyncMode {
    /// `QINGGAO_SYNC=each` picks [`SyncMode::EachFile`], so that the benchmark can weigh
    /// the two; the default is [`SyncMode::FileSystem`].
    pub fn from_env() -> SyncMode {
        match std::env::var("QINGGAO_SYNC").as_deref() {
            Ok("each") => SyncMode::EachFile,
            _ => SyncMode::FileSystem,
        }
    }
}

/// Makes staged files durable and gives them their names: one sync for all, then the
/// renames in order, then a sync of each folder renamed into. Returns, for each group,
/// whether all its files got their names; a group stops at its first failure (its other
/// temporary files are deleted), the other groups go on.
pub fn commit(groups: Vec<Vec<Staged>>, mode: SyncMode) -> Vec<Result<()>> {
    let all: Vec<&Staged> = groups.iter().flatten().collect();
    // Step 2: the data on disk. A failure here fails every group: nothing is renamed.
    if let Err(e) = sync_data(&all, mode) {
        let msg = e.to_string();
        return groups
            .iter()
            .map(|_| Err(Error::Invalid { what: msg.clone() }))
            .collect();
    }
    // Step 3: the names.
    let mut folders: Vec<PathBuf> = Vec::new();
    let results: Vec<Result<()>> = groups
        .into_iter()
        .map(|group| {
            for s in group {
                let dest = s.dest.clone();
                let parent = dest.parent().map(Path::to_path_buf).unwrap_or_default();
                rename(s)?;
                if !folders.contains(&parent) {
                    folders.push(parent);
                }
            }
            Ok(())
        })
        .collect();
    #[cfg(unix)]
    for dir in &folders {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        // A folder that cannot be synced still holds its files; the rename is done, and
        // only its durability across a power cut is less certain: not worth failing for.
        crate::fs::sync_dir(dir);
    }
    results
}

fn rename(s: Staged) -> Result<()> {
    Ok(crate::fs::rename_into(s.tmp, &s.dest, s.overwrite)?)
}

fn sync_each(files: &[&Staged]) -> Result<()> {
    for s in files {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&s.tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&s.dest, "写入磁盘", e))?;
    }
    Ok(())
}

fn sync_data(files: &[&Staged], mode: SyncMode) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    // One file: its own fsync flushes less than the whole file system.
    if mode == SyncMode::EachFile || files.len() == 1 {
        return sync_each(files);
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt as _;
        // One folder per file system written to.
        let mut devices: Vec<(u64, &Path)> = Vec::new();
        for s in files {
            let dir = s.tmp.parent().unwrap_or(Path::new("."));
            let dev = std::fs::metadata(&s.tmp)
                .map_err(|e| Error::io(&s.dest, "写入磁盘", e))?
                .dev();
            if !devices.iter().any(|(d, _)| *d == dev) {
                devices.push((dev, dir));
            }
        }
        for (_, dir) in devices {
            let synced = std::fs::File::open(dir)
                .and_then(|f| rustix::fs::syncfs(&f).map_err(std::io::Error::from));
            if synced.is_err() {
                // A file system that refuses syncfs still takes fsync.
                return sync_each(files);
            }
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    sync_each(files)
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

    #[test]
    fn staged_files_appear_only_on_commit_and_refusals_write_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let c = dir.path().join("c.txt");
        std::fs::write(&c, "old").unwrap();
        let g1 = stage(
            &[(a.clone(), b"1".to_vec()), (b.clone(), b"2".to_vec())],
            false,
            None,
        )
        .unwrap();
        assert!(!a.exists() && !b.exists(), "not before the commit");
        let refused = stage(&[(c.clone(), b"3".to_vec())], false, None);
        assert!(matches!(refused, Err(Error::Exists { .. })));
        let results = commit(vec![g1], SyncMode::FileSystem);
        assert!(results.iter().all(|r| r.is_ok()));
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "1");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "2");
        assert_eq!(std::fs::read_to_string(&c).unwrap(), "old");
        // A staged group dropped (a failed file) leaves no temporary file.
        let g = stage(&[(dir.path().join("d.txt"), b"4".to_vec())], false, None).unwrap();
        drop(g);
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.txt", "b.txt", "c.txt"]);
    }
}
