//! Autosaved sessions: the full current text, the answers, the rule choices and which file,
//! written atomically to the user's data directory a few seconds after each change and on
//! exit, and offered back when the same file is opened again.
//!
//! No egui here. The directory is `QINGGAO_DATA_DIR` when set (tests), else the platform's
//! data directory for "qinggao".

use crate::clean::RuleSet;
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

/// Writes the session atomically (temp file in the same folder, then rename).
pub fn save(dir: &Path, s: &Session) -> Result<PathBuf, String> {
    let path = path_for(dir, s.source.as_deref());
    let folder = path.parent().unwrap_or(dir);
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let json = serde_json::to_vec(s).map_err(|e| e.to_string())?;
    crate::export::write_atomic(&path, &json, true, None).map_err(|e| e.to_string())?;
    Ok(path)
}

/// The saved session for `source`, if there is a readable one of this format.
/// Ok(None) when there is none; an error naming the file when it cannot be used (damaged,
/// or written by another version of 清稿).
pub fn load(dir: &Path, source: Option<&Path>) -> Result<Option<Session>, String> {
    let path = path_for(dir, source);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: 无法读取自动保存的会话（{e}）", path.display())),
    };
    let damaged =
        |e: serde_json::Error| format!("{}: 自动保存的会话已损坏，无法恢复（{e}）", path.display());
    // The format and version first, so a file of another version says so.
    #[derive(Deserialize)]
    struct Header {
        #[serde(default)]
        format: String,
        #[serde(default)]
        version: u32,
    }
    let h: Header = serde_json::from_slice(&bytes).map_err(damaged)?;
    if h.format != FORMAT || h.version != VERSION {
        return Err(format!(
            "{}: 自动保存的会话是另一版本（“{}” 版本 {}）写的，本版本读取 {FORMAT} 版本 {VERSION}，无法恢复",
            path.display(),
            h.format,
            h.version
        ));
    }
    let s: Session = serde_json::from_slice(&bytes).map_err(damaged)?;
    Ok(Some(s))
}

/// The saved session for `source` when it is worth offering: newer than the file and
/// different from what was just loaded.
pub fn load_newer(
    dir: &Path,
    source: Option<&Path>,
    loaded_text: &str,
) -> Result<Option<Session>, String> {
    let Some(s) = load(dir, source)? else {
        return Ok(None);
    };
    if s.text == loaded_text && s.answers.groups.is_empty() && s.answers.occurrences.is_empty() {
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

pub fn remove(dir: &Path, source: Option<&Path>) {
    let _ = std::fs::remove_file(path_for(dir, source));
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
        let err = load(dir.path(), None).unwrap_err();
        assert!(
            err.contains(&path.display().to_string()) && err.contains("损坏"),
            "{err}"
        );
        std::fs::write(&path, r#"{"format":"qinggao-session","version":99}"#).unwrap();
        let err = load(dir.path(), None).unwrap_err();
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
}
