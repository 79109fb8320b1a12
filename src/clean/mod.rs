//! Cleaning: a rule set (built-in defaults plus a user file) that plans edits removing junk
//! and restoring masked words. Planning is pure: it returns edits to preview, never
//! changes the text itself. Cleaning clean text plans nothing. Two ways in: [`plan`] (the
//! edits, to preview or apply) and [`apply`] (the filled and cleaned text to write).
//!
//! Depends on the model, `junk` and the outline of the compilation; never on egui.

mod brand;
pub mod gloss;
pub mod junk;
pub mod masked;
mod plan;
pub(crate) mod rounds;
pub mod rules;
pub mod traditional;
mod word;

pub use plan::plan_round;
pub use rounds::{Cleaned, apply, plan};
pub use rules::{BUILTIN, RULE_FILE_VERSION, RuleFormat, ids};

use crate::model::{Edit, EditOrigin};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The groups rules are listed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Paywall,
    Advert,
    BrandWord,
    PinyinGloss,
    MaskedWord,
    PageNumber,
    Whitespace,
    Toc,
    /// Pieces of a Word file that its structure marks as junk (headers, hidden text…).
    Word,
    /// Proofreading fixes certain enough to make by default (校对): punctuation width.
    Proofread,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Paywall,
        Category::Advert,
        Category::BrandWord,
        Category::PinyinGloss,
        Category::MaskedWord,
        Category::PageNumber,
        Category::Whitespace,
        Category::Toc,
        Category::Word,
        Category::Proofread,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Paywall => "付费标记",
            Category::Advert => "广告与水印",
            Category::BrandWord => "夹带的品牌词",
            Category::PinyinGloss => "拼音注音",
            Category::MaskedWord => "被遮挡的词",
            Category::PageNumber => "页码与分隔线",
            Category::Whitespace => "空白",
            Category::Toc => "目录",
            Category::Word => "Word 文档",
            Category::Proofread => "校对",
        }
    }
}

/// What a rule does: one of the built-in behaviours (known by its id), or a rule from the
/// user's file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum RuleKind {
    #[default]
    Builtin,
    /// Delete these literal phrases wherever they appear.
    DeletePhrases { phrases: Vec<String> },
    /// Delete every line the regex matches as a whole (surrounding spaces allowed).
    DropLines { pattern: String },
    /// Replace every match of the regex (`$1`, `${name}` refer to groups).
    Replace { pattern: String, with: String },
}

/// One rule: an id, its category, on/off.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    pub enabled: bool,
    /// Simplified Chinese, for the GUI.
    pub label: String,
    #[serde(default)]
    pub kind: RuleKind,
}

/// What to do with an empty 目录.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TocMode {
    /// Fill it with the report titles.
    #[default]
    Fill,
    /// Remove it.
    Drop,
}

impl TocMode {
    pub fn label(self) -> &'static str {
        match self {
            TocMode::Fill => "按各篇标题补全",
            TocMode::Drop => "删除空目录",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub toc: TocMode,
    /// The pieces of the document being cleaned that a Word file marked with an origin
    /// (header, hidden text, link…), for the rules of [`Category::Word`]. Not part of a rule
    /// file: set for each document with [`RuleSet::with_origins`].
    #[serde(skip)]
    pub origins: std::sync::Arc<Vec<crate::model::Piece>>,
    /// The rule file's word lists, sections of the lexicon's shape that extend the built-in
    /// lists (as TOML text; empty when none). See [`RuleSet::install_words`].
    #[serde(skip)]
    pub words: String,
}

impl Default for RuleSet {
    /// Every built-in rule, enabled; an empty 目录 is filled.
    fn default() -> Self {
        RuleSet {
            rules: rules::builtin_rules(),
            toc: TocMode::Fill,
            origins: Default::default(),
            words: String::new(),
        }
    }
}

impl RuleSet {
    /// These rules for a document whose pieces came from `source` (nothing for a text file).
    pub fn with_origins(mut self, source: &crate::model::Source) -> RuleSet {
        self.origins = std::sync::Arc::new(source.pieces.clone());
        self
    }

    /// These rules for the text `edits` make of the text the origins were read with.
    pub fn after_edits(&self, edits: &[Edit]) -> std::borrow::Cow<'_, RuleSet> {
        if self.origins.is_empty() || edits.is_empty() {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut pieces = (*self.origins).clone();
        crate::model::map_pieces(&mut pieces, edits);
        let mut rules = self.clone();
        rules.origins = std::sync::Arc::new(pieces);
        std::borrow::Cow::Owned(rules)
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// True when a rule with this id exists and is switched on.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.rule(id).is_some_and(|r| r.enabled)
    }

    /// Switches a rule on or off; false when there is no rule with this id.
    pub fn set_enabled(&mut self, id: &str, on: bool) -> bool {
        match self.rules.iter_mut().find(|r| r.id == id) {
            Some(r) => {
                r.enabled = on;
                true
            }
            None => false,
        }
    }

    /// A fingerprint of what the user chose: every rule (its kind, on or off), the 目录
    /// mode and the word lists. A plan made under these rules is kept while it stays the same, so no revision
    /// number needs to be kept beside the rules and bumped by every change. (The document's
    /// origins are set for each plan, not chosen.)
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{BuildHasher as _, Hash as _, Hasher as _};
        let mut h = foldhash::quality::FixedState::with_seed(0x7275_6c65).build_hasher();
        self.rules.hash(&mut h);
        self.toc.hash(&mut h);
        self.words.hash(&mut h);
        h.finish()
    }

    /// The ids of the rules switched off, as the preferences remember them.
    pub fn disabled_ids(&self) -> Vec<String> {
        self.rules
            .iter()
            .filter(|r| !r.enabled)
            .map(|r| r.id.clone())
            .collect()
    }

    /// The rules grouped by category, in the order of [`Category::ALL`].
    pub fn by_category(&self) -> Vec<(Category, Vec<&Rule>)> {
        Category::ALL
            .iter()
            .map(|c| {
                (
                    *c,
                    self.rules
                        .iter()
                        .filter(|r| r.category == *c)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, rs)| !rs.is_empty())
            .collect()
    }
}

/// How many edits each rule made, by rule id (edits from fills and typing are not counted).
pub fn counts(edits: &[Edit]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for e in edits {
        if let EditOrigin::Rule(id) = &e.origin {
            *out.entry(id.clone()).or_insert(0) += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
