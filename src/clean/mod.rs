//! Cleaning: a rule set (built-in defaults plus a user file) that plans edits removing junk
//! and restoring masked words. Planning is pure: it returns edits to preview, never
//! changes the text itself. Cleaning clean text plans nothing.
//!
//! Depends on the model, `junk` and the outline of the compilation; never on egui.

use crate::model::{Edit, Outline};
use serde::{Deserialize, Serialize};

/// The groups rules are listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Paywall,
    Advert,
    BrandWord,
    PinyinGloss,
    MaskedWord,
    Whitespace,
    Toc,
}

impl Category {
    pub fn label(self) -> &'static str {
        match self {
            Category::Paywall => "付费标记",
            Category::Advert => "广告与水印",
            Category::BrandWord => "夹带的品牌词",
            Category::PinyinGloss => "拼音注音",
            Category::MaskedWord => "被遮挡的词",
            Category::Whitespace => "空白",
            Category::Toc => "目录",
        }
    }
}

/// One rule: an id, its category, on/off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    pub enabled: bool,
    /// Simplified Chinese, for the GUI.
    pub label: String,
}

/// What to do with an empty 目录.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TocMode {
    /// Fill it with the report titles.
    #[default]
    Fill,
    /// Remove it.
    Drop,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub toc: TocMode,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet { rules: Vec::new(), toc: TocMode::Fill }
    }
}

/// The edits cleaning would make, sorted and non-overlapping.
pub fn plan(text: &str, outline: &Outline, rules: &RuleSet) -> Vec<Edit> {
    let _ = (text, outline, rules);
    Vec::new()
}

impl RuleSet {
    pub fn load(path: &std::path::Path) -> Result<RuleSet, crate::Error> {
        Err(crate::Error::BadConfig { path: path.to_path_buf(), what: "规则文件", detail: "not yet supported".into() })
    }
}

/// Edits per rule id.
pub fn counts(edits: &[Edit]) -> std::collections::BTreeMap<String, usize> {
    let mut m = std::collections::BTreeMap::new();
    for e in edits {
        if let crate::model::EditOrigin::Rule(id) = &e.origin {
            *m.entry(id.clone()).or_insert(0) += 1;
        }
    }
    m
}
