//! Autosaved sessions: the full current text, the answers, the rule choices and which file,
//! written atomically to the user's data directory a few seconds after each change and on
//! exit, and offered back when the same file is opened again.
//!
//! A session holds a draft nobody else should read, so it is private: the data directory
//! and its `sessions` folder are rwx------ and every session file rw-------. A sessions
//! folder or session file that is a symbolic link or belongs to another user is refused
//! ([`Problem::Unsafe`]); the shell then turns autosave off and says why.
//!
//! Sessions do not pile up: the shell removes one when its changes were exported or its
//! file closed without unsaved work, and [`Store::prune`] removes, at start-up, those older
//! than the retention period and those whose source file is gone ([`retention`] decides).
//!
//! The directory is `QINGGAO_DATA_DIR` when set (tests), else the platform's data
//! directory for "qinggao". No egui here; the CLI lists and clears sessions too.

use crate::clean::RuleSet;
use crate::fs::{Unsafe, Visibility};
use crate::model::Encoding;
use crate::placeholder::Answers;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

pub const FORMAT: &str = "qinggao-session";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub format: String,
    pub version: u32,
    /// The file the edits belong to; None for the built-in sample.
    pub source: Option<PathBuf>,
    pub encoding: Encoding,
    /// Seconds since the Unix epoch.
    pub saved_at: u64,
    /// The whole current text (LF line endings).
    pub text: String,
    pub answers: Answers,
    /// Rule id → on/off.
    pub rules: BTreeMap<String, bool>,
    pub selected: usize,
    /// The proofreading suggestions the user ignored ([`crate::proof::Finding::key`]).
    /// Absent from sessions written before it existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_proof: Vec<String>,
}

impl Session {
    pub fn new(
        source: Option<PathBuf>,
        encoding: Encoding,
        text: String,
        answers: Answers,
        rules: &RuleSet,
        selected: usize,
    ) -> Session {
        Session {
            format: FORMAT.into(),
            version: VERSION,
            source,
            encoding,
            saved_at: now_secs(),
            text,
            answers,
            rules: rules
                .rules
                .iter()
                .map(|r| (r.id.clone(), r.enabled))
                .collect(),
            selected,
            ignored_proof: Vec::new(),
        }
    }

    /// Puts the saved on/off choices back on `rules`.
    pub fn apply_rules(&self, rules: &mut RuleSet) {
        for r in &mut rules.rules {
            if let Some(&on) = self.rules.get(&r.id) {
                r.enabled = on;
            }
        }
    }
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Where sessions live: `$QINGGAO_DATA_DIR`, else the platform data directory.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("QINGGAO_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "qinggao").map(|d| d.data_dir().to_path_buf())
}

/// The session file for `source` (a stable hash of its absolute path; "sample" for the sample).
pub fn path_for(dir: &Path, source: Option<&Path>) -> PathBuf {
    let name = match source {
        None => "sample".to_string(),
        Some(p) => {
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            format!("{:016x}", fnv1a(abs.to_string_lossy().as_bytes()))
        }
    };
    dir.join("sessions").join(format!("{name}.json"))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

/// Why a session could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The sessions folder or a session file is not safe to use (a symbolic link, another
    /// user's): autosave must be turned off.
    Unsafe(Unsafe),
    /// Reading or writing failed, or the file is damaged; the message names the file.
    Failed(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Unsafe(u) => write!(
                f,
                "{u}，为防止别人读到文稿，清稿不在这里自动保存（自动保存已关闭）"
            ),
            Problem::Failed(m) => f.write_str(m),
        }
    }
}

impl From<Unsafe> for Problem {
    fn from(u: Unsafe) -> Problem {
        Problem::Unsafe(u)
    }
}

/// One stored session, as `sessions list` and 设置 show it: never its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    /// Bytes on disk.
    pub size: u64,
    /// When it was saved (seconds since the epoch): its own record, else the file's time.
    pub saved_at: u64,
    /// The file it belongs to; None for the sample or a damaged session.
    pub source: Option<PathBuf>,
    /// The file could not be read as a session.
    pub damaged: bool,
}

/// What happens to a stored session at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Keep,
    /// Older than the retention period.
    Expired,
    /// The file it belongs to no longer exists.
    SourceGone,
}

/// Sessions are kept this many days unless the user chose otherwise (设置).
pub const DEFAULT_RETENTION_DAYS: u32 = 30;

/// The retention policy, on its own: a session saved at `saved_at` is expired once more
/// than `max_age_days` days have passed at `now`; one whose source file no longer exists
/// (`source_exists == Some(false)`; None for the sample, which has no file) is useless.
pub fn retention(
    saved_at: u64,
    source_exists: Option<bool>,
    now: u64,
    max_age_days: u32,
) -> Verdict {
    if now.saturating_sub(saved_at) > u64::from(max_age_days) * 86_400 {
        Verdict::Expired
    } else if source_exists == Some(false) {
        Verdict::SourceGone
    } else {
        Verdict::Keep
    }
}

/// The sessions of one data directory, checked before every use.
#[derive(Debug, Clone)]
pub struct Store {
    data: PathBuf,
    uid: u32,
}

impl Store {
    /// The sessions under `data` (the data directory), for the user this process runs as.
    pub fn new(data: &Path) -> Store {
        Store::for_user(data, crate::fs::current_uid())
    }

    /// As [`Store::new`], for the user with id `uid` (tests check refusals with it).
    pub fn for_user(data: &Path, uid: u32) -> Store {
        Store {
            data: data.to_path_buf(),
            uid,
        }
    }

    /// The folder the session files are in.
    pub fn folder(&self) -> PathBuf {
        self.data.join("sessions")
    }

    /// Makes the data directory and the sessions folder private (creating them rwx------,
    /// tightening ours), and refuses a sessions folder that is a link or another user's.
    fn prepare(&self) -> Result<PathBuf, Problem> {
        // The data directory itself may legitimately be reached through a link (a home
        // folder on another disk): only a folder of ours is tightened, nothing is refused.
        match std::fs::symlink_metadata(&self.data) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                crate::fs::create_private_dir(&self.data).map_err(|e| {
                    Problem::Failed(format!(
                        "{}: 无法创建数据文件夹（{e}）",
                        self.data.display()
                    ))
                })?;
            }
            Ok(m) if m.is_dir() => {
                let _ = crate::fs::ensure_private_dir(&self.data, self.uid);
            }
            _ => {}
        }
        let folder = self.folder();
        crate::fs::ensure_private_dir(&folder, self.uid)?;
        Ok(folder)
    }

    /// The sessions folder when it exists and is safe; None when there is none yet.
    fn existing_folder(&self) -> Result<Option<PathBuf>, Problem> {
        let folder = self.folder();
        if std::fs::symlink_metadata(&folder).is_err() {
            return Ok(None);
        }
        crate::fs::ensure_private_dir(&folder, self.uid)?;
        Ok(Some(folder))
    }

    /// Writes the session atomically and privately (rw-------).
    pub fn save(&self, s: &Session) -> Result<PathBuf, Problem> {
        self.prepare()?;
        let path = path_for(&self.data, s.source.as_deref());
        crate::fs::check_private_file(&path, self.uid)?;
        let json = serde_json::to_vec(s).map_err(|e| Problem::Failed(e.to_string()))?;
        crate::fs::write_atomic(&path, &json, true, None, Visibility::Private)
            .map_err(|e| Problem::Failed(e.to_string()))?;
        Ok(path)
    }

    /// The saved session for `source`, if there is a readable one of this format.
    /// Ok(None) when there is none; an error naming the file when it cannot be used (unsafe,
    /// damaged, or written by another version of 清稿).
    pub fn load(&self, source: Option<&Path>) -> Result<Option<Session>, Problem> {
        if self.existing_folder()?.is_none() {
            return Ok(None);
        }
        let path = path_for(&self.data, source);
        if !crate::fs::check_private_file(&path, self.uid)? {
            return Ok(None);
        }
        let failed = Problem::Failed;
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(failed(format!(
                    "{}: 无法读取自动保存的会话（{e}）",
                    path.display()
                )));
            }
        };
        let damaged = |e: serde_json::Error| {
            failed(format!(
                "{}: 自动保存的会话已损坏，无法恢复（{}）",
                path.display(),
                crate::error::without_quoted_values(&e.to_string())
            ))
        };
        // The format and version first, so a file of another version says so.
        let h: Header = serde_json::from_slice(&bytes).map_err(damaged)?;
        if h.format != FORMAT || h.version != VERSION {
            return Err(failed(format!(
                "{}: 自动保存的会话是另一版本（“{}” 版本 {}）写的，本版本读取 {FORMAT} 版本 {VERSION}，无法恢复",
                path.display(),
                h.format,
                h.version
            )));
        }
        let s: Session = serde_json::from_slice(&bytes).map_err(damaged)?;
        Ok(Some(s))
    }

    /// The saved session for `source` when it is worth offering: newer than the file and
    /// different from what was just loaded.
    pub fn load_newer(
        &self,
        source: Option<&Path>,
        loaded_text: &str,
    ) -> Result<Option<Session>, Problem> {
        let Some(s) = self.load(source)? else {
            return Ok(None);
        };
        if s.text == loaded_text && s.answers.groups.is_empty() && s.answers.occurrences.is_empty()
        {
            return Ok(None);
        }
        if let Some(p) = source {
            let modified = std::fs::metadata(p)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs());
            if modified > s.saved_at {
                return Ok(None);
            }
        }
        Ok(Some(s))
    }

    /// Deletes the session of `source`, if any.
    pub fn remove(&self, source: Option<&Path>) {
        let _ = std::fs::remove_file(path_for(&self.data, source));
    }

    /// Every stored session, oldest first. Reads each file's record, never keeps its text.
    pub fn list(&self) -> Result<Vec<Entry>, Problem> {
        let mut out = Vec::new();
        for (path, meta) in self.files()? {
            if !is_session_name(&path) {
                continue;
            }
            let record = std::fs::File::open(&path)
                .ok()
                .and_then(|f| serde_json::from_reader::<_, Header>(std::io::BufReader::new(f)).ok())
                .filter(|h| h.format == FORMAT);
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs());
            out.push(Entry {
                size: meta.len(),
                saved_at: record.as_ref().map_or(mtime, |h| h.saved_at),
                source: record.as_ref().and_then(|h| h.source.clone()),
                damaged: record.is_none(),
                path,
            });
        }
        out.sort_by(|a, b| (a.saved_at, &a.path).cmp(&(b.saved_at, &b.path)));
        Ok(out)
    }

    /// How many sessions there are and their total size in bytes, from the folder listing
    /// alone (cheap enough to show in 设置 every frame).
    pub fn usage(&self) -> Result<(usize, u64), Problem> {
        let files = self.files()?;
        let sessions = files.iter().filter(|(p, _)| is_session_name(p));
        Ok(sessions.fold((0, 0), |(n, size), (_, m)| (n + 1, size + m.len())))
    }

    /// Deletes every stored session (and temporary files a crash left). Returns how many
    /// sessions were deleted; an error names the first file that could not be.
    pub fn clear(&self) -> Result<usize, Problem> {
        let mut n = 0;
        for (path, _) in self.files()? {
            let session = is_session_name(&path);
            if !session && !is_temp_name(&path) {
                continue;
            }
            std::fs::remove_file(&path)
                .map_err(|e| Problem::Failed(format!("{}: 无法删除（{e}）", path.display())))?;
            n += usize::from(session);
        }
        Ok(n)
    }

    /// The start-up clean-up: deletes the sessions [`retention`] says to (at `now`, keeping
    /// `max_age_days`), and temporary files older than a day; makes the kept ones private
    /// if an older version left them readable. Returns what was deleted, and why.
    pub fn prune(&self, now: u64, max_age_days: u32) -> Result<Vec<(Entry, Verdict)>, Problem> {
        let mut deleted = Vec::new();
        for e in self.list()? {
            let exists = e.source.as_deref().map(Path::exists);
            match retention(e.saved_at, exists, now, max_age_days) {
                Verdict::Keep => make_private(&e.path),
                v => {
                    if std::fs::remove_file(&e.path).is_ok() {
                        deleted.push((e, v));
                    }
                }
            }
        }
        for (path, meta) in self.files()? {
            let old = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .is_some_and(|t| now.saturating_sub(t.as_secs()) > 86_400);
            if is_temp_name(&path) && old {
                let _ = std::fs::remove_file(&path);
            }
        }
        Ok(deleted)
    }

    /// The files of the sessions folder (none when it does not exist yet), with their own
    /// metadata (a link is not followed).
    fn files(&self) -> Result<Vec<(PathBuf, std::fs::Metadata)>, Problem> {
        let Some(folder) = self.existing_folder()? else {
            return Ok(Vec::new());
        };
        let read = std::fs::read_dir(&folder)
            .map_err(|e| Problem::Failed(format!("{}: 无法读取（{e}）", folder.display())))?;
        Ok(read
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let meta = std::fs::symlink_metadata(e.path()).ok()?;
                (!meta.is_dir()).then(|| (e.path(), meta))
            })
            .collect())
    }
}

/// The record at the start of a session file: everything but the text and answers.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: String,
    #[serde(default)]
    version: u32,
    #[serde(default)]
    source: Option<PathBuf>,
    #[serde(default)]
    saved_at: u64,
}

fn is_session_name(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "json")
}

fn is_temp_name(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(".qinggao-") && n.ends_with(".tmp"))
}

/// Tightens a session file an older version wrote rw-r--r--.
fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::symlink_metadata(path)
            && m.is_file()
            && m.permissions().mode() & 0o077 != 0
        {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// [`Store::save`] for the data directory `dir`.
pub fn save(dir: &Path, s: &Session) -> Result<PathBuf, Problem> {
    Store::new(dir).save(s)
}

/// [`Store::load`] for the data directory `dir`.
pub fn load(dir: &Path, source: Option<&Path>) -> Result<Option<Session>, Problem> {
    Store::new(dir).load(source)
}

/// [`Store::load_newer`] for the data directory `dir`.
pub fn load_newer(
    dir: &Path,
    source: Option<&Path>,
    loaded_text: &str,
) -> Result<Option<Session>, Problem> {
    Store::new(dir).load_newer(source, loaded_text)
}

/// [`Store::remove`] for the data directory `dir`.
pub fn remove(dir: &Path, source: Option<&Path>) {
    Store::new(dir).remove(source)
}

/// "12.3 KB", for sizes shown to the user.
pub fn format_size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} 字节"),
        1024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

/// "3 分钟前", for the restore prompt.
pub fn format_time(saved_at: u64) -> String {
    let ago = now_secs().saturating_sub(saved_at);
    match ago {
        0..60 => "刚才".into(),
        60..3600 => format!("{} 分钟前", ago / 60),
        3600..86400 => format!("{} 小时前", ago / 3600),
        _ => format!("{} 天前", ago / 86400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_or_foreign_session_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load(dir.path(), None).unwrap(),
            None,
            "no session is no error"
        );
        let path = path_for(dir.path(), None);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{ not json").unwrap();
        let err = load(dir.path(), None).unwrap_err().to_string();
        assert!(
            err.contains(&path.display().to_string()) && err.contains("损坏"),
            "{err}"
        );
        std::fs::write(&path, r#"{"format":"qinggao-session","version":99}"#).unwrap();
        let err = load(dir.path(), None).unwrap_err().to_string();
        assert!(err.contains("99"), "{err}");
    }

    #[test]
    fn save_then_load_gives_the_same_session() {
        let dir = tempfile::tempdir().unwrap();
        let mut answers = Answers::default();
        answers.groups.insert("XX区".into(), "滨江".into());
        let s = Session::new(
            None,
            Encoding::Utf8,
            "一、总结\n滨江区".into(),
            answers,
            &RuleSet::default(),
            2,
        );
        save(dir.path(), &s).unwrap();
        assert_eq!(load(dir.path(), None).unwrap().as_ref(), Some(&s));
        assert!(load_newer(dir.path(), None, "别的文字").unwrap().is_some());
        remove(dir.path(), None);
        assert!(load(dir.path(), None).unwrap().is_none());
    }

    #[test]
    fn an_older_session_than_the_file_is_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("汇编.txt");
        std::fs::write(&file, "原文").unwrap();
        let mut s = Session::new(
            Some(file.clone()),
            Encoding::Utf8,
            "改过".into(),
            Answers::default(),
            &RuleSet::default(),
            0,
        );
        s.saved_at = 1;
        save(dir.path(), &s).unwrap();
        assert!(
            load_newer(dir.path(), Some(&file), "原文")
                .unwrap()
                .is_none()
        );
    }

    /// A session written before ignored proofreading suggestions were kept still loads, and
    /// one that keeps them writes them back.
    #[test]
    fn sessions_without_ignored_suggestions_still_load() {
        let mut old = serde_json::to_value(session_for(None, 5)).unwrap();
        old.as_object_mut().unwrap().remove("ignored_proof");
        let back: Session = serde_json::from_value(old).unwrap();
        assert!(back.ignored_proof.is_empty());
        let mut s = session_for(None, 5);
        s.ignored_proof = vec!["substitution:本篇[昨→作]工作".into()];
        let json = serde_json::to_string(&s).unwrap();
        let again: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(again, s);
    }

    fn session_for(source: Option<PathBuf>, saved_at: u64) -> Session {
        let mut s = Session::new(
            source,
            Encoding::Utf8,
            "改过的草稿".into(),
            Answers::default(),
            &RuleSet::default(),
            0,
        );
        s.saved_at = saved_at;
        s
    }

    #[cfg(unix)]
    fn mode(p: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn an_autosave_is_readable_by_its_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("qinggao");
        let path = save(&data, &session_for(None, now_secs())).unwrap();
        assert_eq!(mode(&data), 0o700, "the data directory");
        assert_eq!(mode(&data.join("sessions")), 0o700, "the sessions folder");
        assert_eq!(mode(&path), 0o600, "the session file");
        // Left readable by an older version: tightened on the next save.
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(
            data.join("sessions"),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        save(&data, &session_for(None, now_secs())).unwrap();
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("sessions")), 0o700);
        assert_eq!(mode(&path), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_or_foreign_sessions_folder_or_file_is_refused_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let me = crate::fs::current_uid();
        // The sessions folder is a link to somewhere else.
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let data = dir.path().join("linked");
        std::fs::create_dir(&data).unwrap();
        std::os::unix::fs::symlink(&elsewhere, data.join("sessions")).unwrap();
        let store = Store::for_user(&data, me);
        let err = store.save(&session_for(None, now_secs())).unwrap_err();
        assert!(matches!(err, Problem::Unsafe(Unsafe::Symlink(_))), "{err}");
        assert!(
            err.to_string()
                .contains(&data.join("sessions").display().to_string())
        );
        assert!(err.to_string().contains("自动保存已关闭"), "{err}");
        assert_eq!(
            std::fs::read_dir(&elsewhere).unwrap().count(),
            0,
            "nothing written through the link"
        );
        assert!(matches!(store.load(None), Err(Problem::Unsafe(_))));
        // A session file that is a link: neither read nor written through.
        let data = dir.path().join("file-link");
        let store = Store::for_user(&data, me);
        let path = store.save(&session_for(None, now_secs())).unwrap();
        let target = dir.path().join("target.json");
        std::fs::rename(&path, &target).unwrap();
        std::os::unix::fs::symlink(&target, &path).unwrap();
        assert!(matches!(
            store.load(None),
            Err(Problem::Unsafe(Unsafe::Symlink(_)))
        ));
        assert!(matches!(
            store.save(&session_for(None, now_secs())),
            Err(Problem::Unsafe(Unsafe::Symlink(_)))
        ));
        // Folder and files of another account (this process seen as another user).
        let data = dir.path().join("foreign");
        Store::for_user(&data, me)
            .save(&session_for(None, now_secs()))
            .unwrap();
        let other = Store::for_user(&data, me + 1);
        assert!(matches!(
            other.save(&session_for(None, now_secs())),
            Err(Problem::Unsafe(Unsafe::Foreign { .. }))
        ));
        assert!(matches!(
            other.load(None),
            Err(Problem::Unsafe(Unsafe::Foreign { .. }))
        ));
    }

    #[test]
    fn retention_keeps_recent_sessions_of_existing_files_only() {
        let day = 86_400;
        let now = 1_800_000_000;
        assert_eq!(
            retention(now - 29 * day, Some(true), now, 30),
            Verdict::Keep
        );
        assert_eq!(
            retention(now - 30 * day, Some(true), now, 30),
            Verdict::Keep
        );
        assert_eq!(
            retention(now - 30 * day - 1, Some(true), now, 30),
            Verdict::Expired
        );
        assert_eq!(
            retention(now - 8 * day, Some(true), now, 7),
            Verdict::Expired,
            "configurable"
        );
        assert_eq!(
            retention(now - day, Some(false), now, 30),
            Verdict::SourceGone
        );
        assert_eq!(
            retention(now - day, None, now, 30),
            Verdict::Keep,
            "the sample has no file"
        );
        assert_eq!(
            retention(now + day, Some(true), now, 30),
            Verdict::Keep,
            "a clock set back"
        );
    }

    #[test]
    fn pruning_at_start_up_deletes_old_and_orphaned_sessions_only() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let store = Store::new(&data);
        let day = 86_400;
        let now = now_secs() + 100 * day; // a fake clock, 100 days ahead
        let file = |name: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, "原文").unwrap();
            p
        };
        let (recent, old, gone) = (file("近.txt"), file("旧.txt"), file("删.txt"));
        store
            .save(&session_for(Some(recent.clone()), now - 2 * day))
            .unwrap();
        store
            .save(&session_for(Some(old.clone()), now - 31 * day))
            .unwrap();
        store
            .save(&session_for(Some(gone.clone()), now - day))
            .unwrap();
        std::fs::remove_file(&gone).unwrap();
        assert_eq!(store.list().unwrap().len(), 3);
        let deleted = store.prune(now, 30).unwrap();
        let why: Vec<_> = deleted
            .iter()
            .map(|(e, v)| (e.source.clone().unwrap(), *v))
            .collect();
        assert!(why.contains(&(old.clone(), Verdict::Expired)), "{why:?}");
        assert!(
            why.contains(&(gone.clone(), Verdict::SourceGone)),
            "{why:?}"
        );
        assert_eq!(why.len(), 2, "{why:?}");
        let left = store.list().unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].source.as_deref(), Some(recent.as_path()));
        assert!(
            store.load(Some(&recent)).unwrap().is_some(),
            "the recent one still restores"
        );
    }

    #[test]
    fn listing_shows_paths_and_sizes_and_clearing_deletes_everything() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        assert_eq!(store.usage().unwrap(), (0, 0), "no folder yet is no error");
        assert_eq!(store.clear().unwrap(), 0);
        let src = dir.path().join("汇编.txt");
        std::fs::write(&src, "原文").unwrap();
        store
            .save(&session_for(Some(src.clone()), now_secs()))
            .unwrap();
        store.save(&session_for(None, now_secs())).unwrap();
        std::fs::write(store.folder().join("坏.json"), "{").unwrap();
        std::fs::write(store.folder().join(".qinggao-x.tmp"), "半").unwrap();
        let list = store.list().unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list.iter().filter(|e| e.damaged).count(), 1);
        assert!(
            list.iter()
                .any(|e| e.source.as_deref() == Some(src.as_path()))
        );
        let (n, size) = store.usage().unwrap();
        assert_eq!(n, 3);
        assert_eq!(size, list.iter().map(|e| e.size).sum::<u64>());
        assert_eq!(store.clear().unwrap(), 3);
        assert_eq!(
            std::fs::read_dir(store.folder()).unwrap().count(),
            0,
            "temporary files too"
        );
        assert!(store.load(Some(&src)).unwrap().is_none());
    }
}
