//! Placeholders: the "XX"/"X"/"××"/"***"/"X月X日"/"1XX5万元" left where a site removed names
//! and figures. Finding them (with kind, unit and group), and filling them from answers.
//!
//! Depends only on the model; no egui, no file system except `Answers::load`/`save`.

use crate::model::{ByteRange, Edit, LineIndex};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a placeholder stands for, judged from what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceholderKind {
    /// A name: followed by 区/县/市/镇/乡/街道/村/社区/局/分局/公司…, or inside 《XX…》.
    Name,
    /// A figure: followed by a unit, %, or a measure word.
    Quantity,
    /// A date part: X月X日, XXXX年.
    Date,
    /// Anything else (a person's name, an unknown figure).
    Other,
}

/// One placeholder occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placeholder {
    /// Bytes of the placeholder itself ("XX" in "XX区").
    pub range: ByteRange,
    /// The placeholder as written ("XX", "××", "1XX5").
    pub text: String,
    pub kind: PlaceholderKind,
    /// The key one answer fills: for names the placeholder plus its suffix ("XX区"), for
    /// everything else the occurrence key (see [`Placeholder::key`]).
    pub group: String,
    /// The suffix that made it a name (区, 街道...), for names.
    pub suffix: Option<String>,
    /// The unit that follows a quantity (万元, 亩, %, 个...).
    pub unit: Option<String>,
    /// 0-based line.
    pub line: usize,
    /// 1-based character column.
    pub column: usize,
    /// A few characters before and after, for the prompt.
    pub before: String,
    pub after: String,
}

impl Placeholder {
    /// The stable key of this occurrence: "行:列" in the source, 1-based ("31:12").
    pub fn key(&self) -> String {
        format!("{}:{}", self.line + 1, self.column)
    }

    /// "…前文【XX】后文…", for lists and JSON.
    pub fn context(&self) -> String {
        format!("{}【{}】{}", self.before, self.text, self.after)
    }
}

/// Finds every placeholder in `text`.
pub fn find(text: &str, index: &LineIndex) -> Vec<Placeholder> {
    let _ = (text, index);
    Vec::new()
}

/// The user's answers: by group ("XX区" → "滨江") and by single occurrence ("31:12" → "35").
/// The same JSON is written by the GUI and read by `qinggao clean --fill`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub format: String,
    pub version: u32,
    pub groups: BTreeMap<String, String>,
    pub occurrences: BTreeMap<String, String>,
}

/// Edits that put the answers in place of the placeholders they answer. An occurrence
/// answer wins over its group's answer.
pub fn fill_edits(text: &str, placeholders: &[Placeholder], answers: &Answers) -> Vec<Edit> {
    let _ = (text, placeholders, answers);
    Vec::new()
}

/// A group of placeholders one answer fills (stub until the placeholder module lands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: String,
    pub kind: PlaceholderKind,
    pub suffix: Option<String>,
    pub unit: Option<String>,
    pub count: usize,
    pub first_line: usize,
}

pub fn groups(placeholders: &[Placeholder]) -> Vec<Group> {
    let _ = placeholders;
    Vec::new()
}

pub fn unfilled<'a>(placeholders: &'a [Placeholder], answers: &Answers) -> Vec<&'a Placeholder> {
    let _ = answers;
    placeholders.iter().collect()
}

impl Answers {
    pub fn load(path: &std::path::Path) -> Result<Answers, crate::Error> {
        let s = std::fs::read_to_string(path).map_err(|e| crate::Error::io(path, "读取答案文件", e))?;
        serde_json::from_str(&s).map_err(|e| crate::Error::BadConfig { path: path.to_path_buf(), what: "答案文件", detail: e.to_string() })
    }
}
