//! Writing files safely: the one atomic write (a temporary file in the target folder,
//! written, flushed to disk, renamed over the target, and the folder flushed on Unix), the
//! same for a set of files ([`stage`] then [`commit`], what every export writes through),
//! and private folders for what only the user may read.
//!
//! A leaf module: it uses nothing else of the crate, so export, cleaning rules, answers and
//! sessions can all write through it without depending on each other.
//!
//! # Durable writes without one fsync per file
//!
//! A cleaned file must never be seen half written, and once the batch says it is written it
//! must survive a power cut. Paying one `fsync` per file (what [`write_atomic`]
//! does for one export) costs a disk flush per file: most of the time of a batch of small
//! files. A set of files (one export, or a whole batch) instead goes in three steps:
//!
//! 1. [`stage`]: every worker writes its files as hidden temporary files (`.qinggao-*.tmp`)
//!    in their target folders, without syncing. A target name is never written to.
//! 2. [`commit`], once all files are staged: one `syncfs(2)` per file system written to
//!    puts every temporary file on disk in one flush (on systems without `syncfs`, each
//!    temporary file is synced on its own);
//! 3. then each temporary file is renamed to its name (refusing to replace a file unless
//!    allowed (`--force`)), and each folder that got a new name is synced, so that the renames last too.
//!
//! A crash or a kill before step 3 leaves only hidden temporary files, never a target with
//! partial content; one during step 3 leaves each target either absent or complete, since a
//! rename only ever points a name at a file already on disk.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Who may read a written file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Like any file the user saves: an exported file gets the permissions of the file it
    /// replaces, or rw-r--r-- when it is new.
    Ordinary,
    /// Only the user (rw-------), whatever the file replaced had: autosaved sessions.
    Private,
}

/// Why a write did not happen. Every variant names the target.
#[derive(Debug)]
pub enum WriteError {
    /// The target is the source file, which is never written over.
    IsSource { path: PathBuf },
    /// The target exists and overwriting was not allowed.
    Exists { path: PathBuf },
    /// The operating system refused; `action` says what was being done (in Chinese).
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
}

impl WriteError {
    /// The same error again (an `io::Error` cannot be cloned: its kind and message are).
    fn clone_io(&self) -> WriteError {
        match self {
            WriteError::IsSource { path } => WriteError::IsSource { path: path.clone() },
            WriteError::Exists { path } => WriteError::Exists { path: path.clone() },
            WriteError::Io {
                path,
                action,
                source,
            } => WriteError::io(
                path,
                action,
                std::io::Error::new(source.kind(), source.to_string()),
            ),
        }
    }

    fn io(path: &Path, action: &'static str, source: std::io::Error) -> WriteError {
        WriteError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::IsSource { path } => write!(f, "{}: 这是原文件，不能覆盖", path.display()),
            WriteError::Exists { path } => write!(f, "{}: 文件已存在", path.display()),
            WriteError::Io {
                path,
                action,
                source,
            } => write!(f, "{}: 无法{action} ({source})", path.display()),
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// True when `a` and `b` name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    // Outputs are mostly new files: one stat says so, where resolving both paths reads
    // every link on the way (nine system calls a file of a batch).
    if std::fs::symlink_metadata(b).is_err() {
        return false;
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder, flushed to disk
/// and renamed over `path`; on Unix the folder is flushed too, so the rename survives a
/// power cut. Refuses to write over `source`, and over an existing file unless
/// `overwrite`. On any failure the target is untouched and no temporary file remains.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    source: Option<&Path>,
    visibility: Visibility,
) -> Result<(), WriteError> {
    if source.is_some_and(|s| s == path || same_file(s, path)) {
        return Err(WriteError::IsSource {
            path: path.to_path_buf(),
        });
    }
    if path.exists() && !overwrite {
        return Err(WriteError::Exists {
            path: path.to_path_buf(),
        });
    }
    let tmp = temp_beside(path, bytes, visibility)?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| WriteError::io(path, "写入磁盘", e))?;
    // On failure the temporary file is deleted when it drops: no partial file remains.
    rename_into(tmp.into_temp_path(), path, overwrite)?;
    sync_dir(parent_dir(path));
    Ok(())
}

/// The folder `path` is in ("." for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `bytes` in a new temporary file beside `path`, with the permissions `path` is to have:
/// 0600 when private, else those of the file it replaces or rw-r--r--. Not yet synced or
/// renamed; dropping it deletes it.
fn temp_beside(
    path: &Path,
    bytes: &[u8],
    visibility: Visibility,
) -> Result<tempfile::NamedTempFile, WriteError> {
    // The temporary file is created rw------- (tempfile does so on Unix), so a private
    // file is never readable by others, not even for a moment.
    let mut tmp = tempfile::Builder::new()
        .prefix(".qinggao-")
        .suffix(".tmp")
        .tempfile_in(parent_dir(path))
        .map_err(|e| WriteError::io(path, "在目标文件夹创建临时文件", e))?;
    tmp.write_all(bytes)
        .map_err(|e| WriteError::io(path, "写入", e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = match visibility {
            Visibility::Private => std::fs::Permissions::from_mode(0o600),
            Visibility::Ordinary => std::fs::metadata(path)
                .map(|m| m.permissions())
                .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644)),
        };
        tmp.as_file()
            .set_permissions(perms)
            .map_err(|e| WriteError::io(path, "设置文件权限", e))?;
    }
    #[cfg(not(unix))]
    let _ = visibility;
    Ok(tmp)
}

/// Gives the temporary file `tmp` its name `path`: over an existing file only when
/// `overwrite` (a file that appeared meanwhile is refused, never replaced).
fn rename_into(tmp: tempfile::TempPath, path: &Path, overwrite: bool) -> Result<(), WriteError> {
    if overwrite {
        tmp.persist(path)
            .map_err(|e| WriteError::io(path, "保存", e.error))
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                WriteError::io(path, "保存", e.error)
            }
        })
    }
}

/// Flushes a folder's entries (the rename just made) to disk. Best effort: some file
/// systems cannot open a folder for this, and the file itself is already on disk.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

// ---------------------------------------------------------------------------------------
// durable writes of many files (see the module's documentation)

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
) -> Result<Vec<Staged>, WriteError> {
    for (path, _) in files {
        if source.is_some_and(|s| s == path || same_file(s, path)) {
            return Err(WriteError::IsSource { path: path.clone() });
        }
        if !overwrite && path.exists() {
            return Err(WriteError::Exists { path: path.clone() });
        }
    }
    files
        .iter()
        .map(|(path, bytes)| {
            // A temporary file is private until its permissions are set: those of the file
            // it replaces, or the usual rw-r--r--.
            let tmp = temp_beside(path, bytes, Visibility::Ordinary)?;
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
pub fn commit(groups: Vec<Vec<Staged>>, mode: SyncMode) -> Vec<Result<(), WriteError>> {
    let all: Vec<&Staged> = groups.iter().flatten().collect();
    // Step 2: the data on disk. A failure here fails every group: nothing is renamed.
    if let Err(e) = sync_data(&all, mode) {
        return groups.iter().map(|_| Err(e.clone_io())).collect();
    }
    // Step 3: the names.
    let mut folders: Vec<PathBuf> = Vec::new();
    let results: Vec<Result<(), WriteError>> = groups
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
        sync_dir(dir);
    }
    results
}

fn rename(s: Staged) -> Result<(), WriteError> {
    rename_into(s.tmp, &s.dest, s.overwrite)
}

fn sync_each(files: &[&Staged]) -> Result<(), WriteError> {
    for s in files {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&s.tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| WriteError::io(&s.dest, "写入磁盘", e))?;
    }
    Ok(())
}

fn sync_data(files: &[&Staged], mode: SyncMode) -> Result<(), WriteError> {
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
                .map_err(|e| WriteError::io(&s.dest, "写入磁盘", e))?
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
// private folders

/// Why a folder or file meant to be private cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsafe {
    /// It is a symbolic link (which could send the writes anywhere).
    Symlink(PathBuf),
    /// It belongs to another user account (uid).
    Foreign { path: PathBuf, owner: u32 },
    /// It exists but is not a folder (or not a regular file).
    WrongKind(PathBuf),
    /// The operating system refused to create, inspect or tighten it.
    Io { path: PathBuf, detail: String },
}

impl Unsafe {
    pub fn path(&self) -> &Path {
        match self {
            Unsafe::Symlink(p) | Unsafe::WrongKind(p) => p,
            Unsafe::Foreign { path, .. } | Unsafe::Io { path, .. } => path,
        }
    }
}

impl std::fmt::Display for Unsafe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unsafe::Symlink(p) => write!(f, "{} 是符号链接", p.display()),
            Unsafe::Foreign { path, owner } => {
                write!(f, "{} 属于另一个用户（uid {owner}）", path.display())
            }
            Unsafe::WrongKind(p) => write!(f, "{} 的类型不对（不是普通文件夹或文件）", p.display()),
            Unsafe::Io { path, detail } => write!(f, "{}: {detail}", path.display()),
        }
    }
}

/// The user id this process runs as (files it creates belong to it); 0 where there are no
/// Unix user ids (Windows), where the owner is not checked.
pub fn current_uid() -> u32 {
    #[cfg(unix)]
    // SAFETY: geteuid has no preconditions, cannot fail and touches no memory of ours.
    return unsafe { libc::geteuid() };
    #[cfg(not(unix))]
    0
}

/// Creates `dir` (and missing parents) so that only the user can enter it: every folder
/// this call creates is rwx------. Parents that already exist are left as they are.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)
}

/// Makes sure `dir` is a private folder of user `uid`: creates it rwx------ when missing;
/// refuses a symbolic link, something that is not a folder, or a folder of another user;
/// tightens a folder of ours that others could read. On Windows the folder lives in the
/// user's profile, whose ACLs already keep other users out: only symlinks are refused.
pub fn ensure_private_dir(dir: &Path, uid: u32) -> Result<(), Unsafe> {
    let io = |e: std::io::Error| Unsafe::Io {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    };
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            create_private_dir(dir).map_err(io)?;
        }
        Err(e) => return Err(io(e)),
        Ok(_) => {}
    }
    let meta = std::fs::symlink_metadata(dir).map_err(io)?;
    if meta.file_type().is_symlink() {
        return Err(Unsafe::Symlink(dir.to_path_buf()));
    }
    if !meta.is_dir() {
        return Err(Unsafe::WrongKind(dir.to_path_buf()));
    }
    #[cfg(not(unix))]
    let _ = uid;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if meta.uid() != uid {
            return Err(Unsafe::Foreign {
                path: dir.to_path_buf(),
                owner: meta.uid(),
            });
        }
        if meta.mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io)?;
        }
    }
    Ok(())
}

/// Checks an existing file meant to be private to user `uid`: Ok(false) when it does not
/// exist, Ok(true) when it is a regular file of ours; refuses a symbolic link, a folder or
/// another user's file.
pub fn check_private_file(path: &Path, uid: u32) -> Result<bool, Unsafe> {
    let meta = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => {
            return Err(Unsafe::Io {
                path: path.to_path_buf(),
                detail: e.to_string(),
            });
        }
        Ok(m) => m,
    };
    if meta.file_type().is_symlink() {
        return Err(Unsafe::Symlink(path.to_path_buf()));
    }
    if !meta.is_file() {
        return Err(Unsafe::WrongKind(path.to_path_buf()));
    }
    #[cfg(not(unix))]
    let _ = uid;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != uid {
            return Err(Unsafe::Foreign {
                path: path.to_path_buf(),
                owner: meta.uid(),
            });
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn refuses_the_source_and_an_existing_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("原文.txt");
        std::fs::write(&src, "原文").unwrap();
        let err = write_atomic(&src, b"x", true, Some(&src), Visibility::Ordinary).unwrap_err();
        assert!(matches!(err, WriteError::IsSource { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&src).unwrap(), "原文");
        let out = dir.path().join("out.txt");
        write_atomic(&out, "新".as_bytes(), false, None, Visibility::Ordinary).unwrap();
        let err = write_atomic(&out, b"again", false, None, Visibility::Ordinary).unwrap_err();
        assert!(matches!(err, WriteError::Exists { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "新");
        write_atomic(&out, b"again", true, None, Visibility::Ordinary).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "again");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn ordinary_files_keep_the_usual_permissions_and_private_ones_are_the_users_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("导出.txt");
        write_atomic(&out, b"1", false, None, Visibility::Ordinary).unwrap();
        assert_eq!(
            mode(&out),
            0o644,
            "a new exported file is readable like any other"
        );
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic(&out, b"2", true, None, Visibility::Ordinary).unwrap();
        assert_eq!(mode(&out), 0o664, "a replaced file keeps its permissions");
        // A private file replacing a readable one is private all the same.
        write_atomic(&out, b"3", true, None, Visibility::Private).unwrap();
        assert_eq!(mode(&out), 0o600);
        let new = dir.path().join("会话.json");
        write_atomic(&new, b"{}", false, None, Visibility::Private).unwrap();
        assert_eq!(mode(&new), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn private_folders_are_created_tightened_and_refused_when_not_ours() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let me = current_uid();
        let data = dir.path().join("data").join("sessions");
        ensure_private_dir(&data, me).unwrap();
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(data.parent().unwrap()), 0o700, "created parents too");
        // Ours but readable by others: tightened.
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        ensure_private_dir(&data, me).unwrap();
        assert_eq!(mode(&data), 0o700);
        // A folder of another account is refused (tested as a user it does not belong to).
        let err = ensure_private_dir(&data, me + 1).unwrap_err();
        assert!(matches!(err, Unsafe::Foreign { .. }), "{err}");
        assert!(err.to_string().contains(&data.display().to_string()));
        // A symbolic link is refused, even to a folder of ours.
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&data, &link).unwrap();
        let err = ensure_private_dir(&link, me).unwrap_err();
        assert_eq!(err, Unsafe::Symlink(link.clone()));
        let file = data.join("a.json");
        std::fs::write(&file, "{}").unwrap();
        assert_eq!(
            ensure_private_dir(&file, me),
            Err(Unsafe::WrongKind(file.clone()))
        );
        assert_eq!(check_private_file(&file, me), Ok(true));
        assert_eq!(check_private_file(&data.join("none.json"), me), Ok(false));
        assert!(matches!(
            check_private_file(&file, me + 1),
            Err(Unsafe::Foreign { .. })
        ));
        let file_link = data.join("b.json");
        std::os::unix::fs::symlink(&file, &file_link).unwrap();
        assert_eq!(
            check_private_file(&file_link, me),
            Err(Unsafe::Symlink(file_link.clone()))
        );
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
        assert!(matches!(refused, Err(WriteError::Exists { .. })));
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
