//! The answers file: what the user typed for each placeholder group or occurrence, and the
//! proofreading suggestions accepted or ignored, read and written as versioned JSON. The
//! only part of the placeholder module that touches files; no egui.

use super::Placeholder;
use crate::error::Error;
use crate::fs::Visibility;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The `format` tag of an answers file.
pub const ANSWERS_FORMAT: &str = "qinggao-answers";
/// The newest answers-file version this build reads and the one it writes.
pub const ANSWERS_VERSION: u32 = 1;

/// What the error messages call this file.
const WHAT: &str = "答案文件";

/// The user's answers: by group ("XX区" → "滨江") and by single occurrence ("31:12" → "35").
/// The same JSON is written by the GUI and read by `qinggao clean --fill`.
///
/// An occurrence key is the placeholder's line and character column (1-based) in the file
/// as loaded, before any fill or cleaning: the GUI follows each placeholder through its
/// edits to keep that key, so a file it saves fills the same places through the CLI. Files
/// written before keys were kept this way (same format and version) load as they are;
/// their keys differ only for a placeholder after an earlier fill on its line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub format: String,
    pub version: u32,
    pub groups: BTreeMap<String, String>,
    pub occurrences: BTreeMap<String, String>,
    /// Proofreading suggestions the user accepted or ignored (absent when none).
    #[serde(skip_serializing_if = "ProofAnswers::is_empty")]
    pub proofread: ProofAnswers,
}

/// Proofreading suggestions by [`crate::proof::Finding::key`] (kind, span, fix and a few
/// characters each side, found again by [`crate::proof::named`] after other edits):
/// `qinggao clean --answers` applies the accepted ones and leaves the ignored ones even
/// when their kind is accepted; the GUI lists the ignored ones no more.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProofAnswers {
    pub accepted: std::collections::BTreeSet<String>,
    pub ignored: std::collections::BTreeSet<String>,
}

impl ProofAnswers {
    pub fn is_empty(&self) -> bool {
        self.accepted.is_empty() && self.ignored.is_empty()
    }
}

/// Where an answer for one placeholder came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerSource {
    /// Typed for this occurrence alone ("155:12").
    Occurrence,
    /// Typed for the whole group ("XX区").
    Group,
}

impl Answers {
    /// Empty answers, tagged with the current format and version.
    pub fn new() -> Answers {
        Answers {
            format: ANSWERS_FORMAT.to_string(),
            version: ANSWERS_VERSION,
            ..Answers::default()
        }
    }

    /// Reads an answers file, refusing other formats and newer versions.
    pub fn load(path: &Path) -> Result<Answers, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, "读取答案文件", e))?;
        Answers::from_json(&text).map_err(|detail| Error::BadConfig {
            path: path.to_path_buf(),
            what: WHAT,
            detail,
        })
    }

    /// Parses answers from JSON text; the error is a Chinese sentence for the user.
    pub fn from_json(text: &str) -> Result<Answers, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let answers: Answers = serde_json::from_str(text).map_err(|e| {
            format!(
                "不是有效的 JSON，第 {} 行第 {} 列附近出错（{}）",
                e.line(),
                e.column(),
                crate::error::without_quoted_values(&e.to_string())
            )
        })?;
        if answers.format != ANSWERS_FORMAT {
            return Err(if answers.format.is_empty() {
                format!("缺少 \"format\": \"{ANSWERS_FORMAT}\"，这不是清稿的答案文件")
            } else {
                format!(
                    "format 是 \"{}\"，不是清稿的答案文件（应为 \"{ANSWERS_FORMAT}\"）",
                    answers.format
                )
            });
        }
        if answers.version == 0 {
            return Err("缺少版本号 \"version\"".to_string());
        }
        if answers.version > ANSWERS_VERSION {
            return Err(format!(
                "版本 {} 比本程序支持的版本 {ANSWERS_VERSION} 新，请升级清稿后再打开",
                answers.version
            ));
        }
        Ok(answers)
    }

    /// The answers as pretty JSON, with the current format and version.
    pub fn to_json(&self) -> String {
        let mut out = self.clone();
        out.format = ANSWERS_FORMAT.to_string();
        out.version = ANSWERS_VERSION;
        // Serialising string maps cannot fail.
        serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
    }

    /// Writes the answers next to `path` in a temporary file and renames it over `path`,
    /// so a crash never leaves half a file.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        crate::fs::write_atomic(
            path,
            self.to_json().as_bytes(),
            true,
            None,
            Visibility::Ordinary,
        )?;
        Ok(())
    }

    /// The usable answer for `p` and where it came from: a non-blank occurrence answer
    /// wins over a non-blank group answer.
    pub fn answer_for(&self, p: &Placeholder, doc: &str) -> Option<(&str, AnswerSource)> {
        let key = (!self.occurrences.is_empty()).then(|| p.key());
        self.answer_at(p, key.as_deref(), doc)
    }

    /// [`Answers::answer_for`], the occurrence answer looked up under `key` (None: only the
    /// group's answer counts).
    pub fn answer_at(
        &self,
        p: &Placeholder,
        key: Option<&str>,
        doc: &str,
    ) -> Option<(&str, AnswerSource)> {
        let occurrence = key
            .and_then(|k| self.occurrences.get(k))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty());
        if let Some(a) = occurrence {
            return Some((a, AnswerSource::Occurrence));
        }
        if self.groups.is_empty() {
            return None;
        }
        self.groups
            .get(&p.group(doc))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|a| (a, AnswerSource::Group))
    }

    /// Sets (or, with a blank answer, removes) the answer for a whole group.
    pub fn set_group(&mut self, group: &str, answer: &str) {
        set(&mut self.groups, group, answer);
    }

    /// Sets (or, with a blank answer, removes) the answer for one occurrence ("155:12").
    pub fn set_occurrence(&mut self, key: &str, answer: &str) {
        set(&mut self.occurrences, key, answer);
    }
}

fn set(map: &mut BTreeMap<String, String>, key: &str, answer: &str) {
    if answer.trim().is_empty() {
        map.remove(key);
    } else {
        map.insert(key.to_string(), answer.to_string());
    }
}
