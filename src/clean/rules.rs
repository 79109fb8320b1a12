//! The rule set: the built-in rules (ids, categories, Chinese labels) and the user rule
//! file (TOML or JSON) that switches them on and off and adds rules of its own. Reading and
//! writing only; planning lives in `plan`. No dependency on egui.

use super::{Category, Rule, RuleKind, RuleSet, TocMode};
use crate::error::Error;
use crate::fs::Visibility;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Ids of the built-in rules, for code that asks about one of them.
pub mod ids {
    pub const PAYWALL_MARKERS: &str = "paywall_markers";
    pub const ADVERT_LINES: &str = "advert_lines";
    pub const ADVERT_BLOCKS: &str = "advert_blocks";
    pub const REPORT_LABELS: &str = "report_labels";
    pub const SITE_METADATA: &str = "site_metadata";
    pub const SITE_NAVIGATION: &str = "site_navigation";
    pub const PAYWALL_NOTICES: &str = "paywall_notices";
    pub const SITE_NOTICES: &str = "site_notices";
    pub const BRAND_WORDS: &str = "brand_words";
    pub const PINYIN_GLOSS: &str = "pinyin_gloss";
    pub const MASKED_PARTY: &str = "masked_party";
    pub const MASKED_GDP: &str = "masked_gdp";
    pub const TRADITIONAL: &str = "traditional_to_simplified";
    pub const PAGE_NUMBERS: &str = "page_number_lines";
    pub const SEPARATOR_LINES: &str = "separator_lines";
    pub const TRAILING_SPACES: &str = "trailing_spaces";
    pub const STRAY_BOM: &str = "stray_bom";
    pub const BLANK_RUNS: &str = "blank_runs";
    pub const LEADING_BLANK_LINES: &str = "leading_blank_lines";
    pub const TRAILING_BLANK_LINES: &str = "trailing_blank_lines";
    pub const EMPTY_TOC: &str = "empty_toc";
    pub const WORD_HEADERS: &str = "word_headers_footers";
    pub const WORD_HIDDEN: &str = "word_hidden_text";
    pub const WORD_LINK_ADVERTS: &str = "word_link_adverts";
    pub const WORD_TEXT_BOX_ADVERTS: &str = "word_text_box_adverts";
    pub const WORD_COMMENTS: &str = "word_comments";
    /// The ids the proofreading kinds' edits carry (`proof::Kind::rule_id`).
    pub const PROOF_PUNCTUATION: &str = "proof_punctuation";
    pub const PROOF_BRACKET: &str = "proof_bracket";
}

/// Every built-in rule: id, category, label.
pub const BUILTIN: &[(&str, Category, &str)] = &[
    (
        ids::PAYWALL_MARKERS,
        Category::Paywall,
        "删除付费标记（##paidbegin## 等），保留同一行的文字",
    ),
    (
        ids::PAYWALL_NOTICES,
        Category::Paywall,
        "删除付费与截断提示（“剩余3250字未读，开通会员查看全文”“试读已结束”等）",
    ),
    (
        ids::ADVERT_LINES,
        Category::Advert,
        "删除广告行与水印行（素材库、客服、公众号、下载说明等）",
    ),
    (
        ids::ADVERT_BLOCKS,
        Category::Advert,
        "删除广告块：夹在两条广告之间的可疑行、“推荐阅读”下的文章链接",
    ),
    (
        ids::REPORT_LABELS,
        Category::Advert,
        "删除网站给各篇加的篇目编号（【篇一】、范文3：、（第2篇））",
    ),
    (
        ids::SITE_METADATA,
        Category::Advert,
        "删除网页的文章信息行（来源、作者、发布时间、阅读次数）",
    ),
    (
        ids::SITE_NAVIGATION,
        Category::Advert,
        "删除网页导航：上一篇/下一篇、标签，以及“相关文章”“猜你喜欢”下列出的标题",
    ),
    (
        ids::SITE_NOTICES,
        Category::Advert,
        "删除网站的版权、转载与免责声明（“未经许可，不得转载”“如有侵权请联系删除”）",
    ),
    (
        ids::BRAND_WORDS,
        Category::BrandWord,
        "删除正文中夹带的广告品牌词（如“采纳哒哒君42篇”）",
    ),
    (
        ids::PINYIN_GLOSS,
        Category::PinyinGloss,
        "删除字后的拼音注音（如“砼[tón]”）",
    ),
    (
        ids::MASKED_PARTY,
        Category::MaskedWord,
        "把被遮挡的“D”还原为“党”（D员、D委、从严治D…）",
    ),
    (
        ids::MASKED_GDP,
        Category::MaskedWord,
        "把被遮挡的“DP”还原为“GDP”",
    ),
    (
        ids::TRADITIONAL,
        Category::MaskedWord,
        "繁体字转为简体字（按词组转换；默认关闭，全文大部分是繁体字时自动打开）",
    ),
    (
        ids::PAGE_NUMBERS,
        Category::PageNumber,
        "删除单独成行的页码（如“— 1 —”“第1页 共5页”）",
    ),
    (
        ids::SEPARATOR_LINES,
        Category::PageNumber,
        "删除分隔线（“————”“****”这样只有一种符号的行）",
    ),
    (ids::TRAILING_SPACES, Category::Whitespace, "删除行尾空格"),
    (
        ids::STRAY_BOM,
        Category::Whitespace,
        "删除行首看不见的 BOM 字符（多个文件拼接时带入）",
    ),
    (ids::BLANK_RUNS, Category::Whitespace, "连续空行合并为一行"),
    (
        ids::LEADING_BLANK_LINES,
        Category::Whitespace,
        "删除文首空行",
    ),
    (
        ids::TRAILING_BLANK_LINES,
        Category::Whitespace,
        "删除文末空行",
    ),
    (
        ids::EMPTY_TOC,
        Category::Toc,
        "处理空目录：按各篇标题补全，或整体删除",
    ),
    (
        ids::WORD_HEADERS,
        Category::Word,
        "删除 Word 的页眉页脚（网站名、网址、页码）",
    ),
    (
        ids::WORD_HIDDEN,
        Category::Word,
        "删除 Word 中设为隐藏的文字（打印和阅读时都看不到）",
    ),
    (
        ids::WORD_LINK_ADVERTS,
        Category::Word,
        "删除指向其他网站、写着广告或网址的链接文字（普通标题、句子的链接保留文字）",
    ),
    (
        ids::WORD_TEXT_BOX_ADVERTS,
        Category::Word,
        "删除文本框里的广告与网址（文本框里的正文保留）",
    ),
    (ids::WORD_COMMENTS, Category::Word, "删除批注"),
    (
        ids::PROOF_PUNCTUATION,
        Category::Proofread,
        "中文里的半角标点改为全角（“个,更换”改为“个，更换”；数字、英文、网址不动）",
    ),
    (
        ids::PROOF_BRACKET,
        Category::Proofread,
        "补齐前后宽度不一的括号（“（五)”改为“（五）”）",
    ),
];

/// The version of the rule file format this build reads and writes.
pub const RULE_FILE_VERSION: u32 = 1;

/// The rule file as written by people: see `examples/rules.toml`. Besides these fields it
/// may hold sections of the lexicon's shape (`[adverts]`, `[brands]`…), word lists that
/// extend the built-in ones ([`crate::lexicon::merged`]); any other field is refused.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct RuleFile {
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    toc: Option<TocMode>,
    /// Built-in rules switched on or off by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    rules: BTreeMap<String, bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    delete_phrases: Vec<PhraseRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    drop_lines: Vec<PatternRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    replace: Vec<ReplaceRule>,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseRule {
    id: String,
    category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    enabled: bool,
    phrases: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternRule {
    id: String,
    category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    enabled: bool,
    pattern: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplaceRule {
    id: String,
    category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    enabled: bool,
    pattern: String,
    with: String,
}

/// The two file formats, chosen by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFormat {
    Toml,
    Json,
}

impl RuleFormat {
    pub fn from_path(path: &Path) -> Option<RuleFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Some(RuleFormat::Toml),
            "json" => Some(RuleFormat::Json),
            _ => None,
        }
    }
}

/// The built-in rules, all enabled.
pub(super) fn builtin_rules() -> Vec<Rule> {
    BUILTIN
        .iter()
        .map(|(id, category, label)| Rule {
            id: id.to_string(),
            category: *category,
            // Converting the script is asked for, not assumed (see `traditional`).
            enabled: *id != ids::TRADITIONAL,
            label: label.to_string(),
            kind: RuleKind::Builtin,
        })
        .collect()
}

fn bad(path: &Path, detail: String) -> Error {
    Error::BadConfig {
        path: path.to_path_buf(),
        what: "规则文件",
        detail,
    }
}

impl RuleSet {
    /// Reads a user rule file (`.toml` or `.json`): the built-in rules with the file's
    /// switches applied, followed by the file's own rules.
    pub fn load(path: &Path) -> Result<RuleSet, Error> {
        let format = RuleFormat::from_path(path).ok_or_else(|| {
            bad(
                path,
                "不认识的文件类型，规则文件应以 .toml 或 .json 结尾".into(),
            )
        })?;
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, "读取规则文件", e))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            bad(
                path,
                format!(
                    "不是 UTF-8 编码的文本（第 {} 个字节处）",
                    e.valid_up_to() + 1
                ),
            )
        })?;
        RuleSet::parse(text.trim_start_matches('\u{feff}'), format).map_err(|d| bad(path, d))
    }

    /// Parses the text of a rule file; the error is a Chinese sentence naming the problem.
    pub fn parse(text: &str, format: RuleFormat) -> Result<RuleSet, String> {
        let toml_error = |e: toml::de::Error| match e.span() {
            Some(span) => {
                let (line, col) = line_col(text, span.start);
                format!("第 {line} 行第 {col} 列：{}", e.message().trim())
            }
            None => e.message().trim().to_string(),
        };
        let json_error =
            |e: serde_json::Error| format!("第 {} 行第 {} 列：{e}", e.line(), e.column());
        let (file, all): (RuleFile, toml::Table) = match format {
            RuleFormat::Toml => (
                toml::from_str(text).map_err(toml_error)?,
                toml::from_str(text).map_err(toml_error)?,
            ),
            RuleFormat::Json => (
                serde_json::from_str(text).map_err(json_error)?,
                serde_json::from_str(text).map_err(json_error)?,
            ),
        };
        let mut set = file.into_rule_set()?;
        set.words = word_lists(all)?;
        Ok(set)
    }

    /// Puts this rule file's word lists into the lexicon in use, when nothing has used it
    /// yet ([`crate::lexicon::install`]): `Ok(false)` when it was in use already.
    pub fn install_words(&self) -> Result<bool, String> {
        if self.words.is_empty() {
            return Ok(true);
        }
        let table: toml::Table = toml::from_str(&self.words).map_err(|e| e.to_string())?;
        crate::lexicon::install(&table)
    }

    /// Writes the rule set as a rule file (`.toml` or `.json`, by extension): the state of
    /// every built-in rule, the 目录 mode and the user's own rules.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let format = RuleFormat::from_path(path).ok_or_else(|| {
            bad(
                path,
                "不认识的文件类型，规则文件应以 .toml 或 .json 结尾".into(),
            )
        })?;
        let text = self.to_text(format).map_err(|d| bad(path, d))?;
        // Through a temporary file and a rename, like every file 清稿 writes.
        crate::fs::write_atomic(path, text.as_bytes(), true, None, Visibility::Ordinary)?;
        Ok(())
    }

    /// The rule set as the text of a rule file, its word lists included.
    pub fn to_text(&self, format: RuleFormat) -> Result<String, String> {
        let file = RuleFile::from_rule_set(self);
        let words: toml::Table = toml::from_str(&self.words).map_err(|e| e.to_string())?;
        match format {
            RuleFormat::Toml => {
                let mut text = toml::to_string_pretty(&file).map_err(|e| e.to_string())?;
                if !words.is_empty() {
                    text.push('\n');
                    text.push_str(&toml::to_string_pretty(&words).map_err(|e| e.to_string())?);
                }
                Ok(text)
            }
            RuleFormat::Json => {
                let mut value = serde_json::to_value(&file).map_err(|e| e.to_string())?;
                if let serde_json::Value::Object(map) = &mut value {
                    for (section, lists) in words {
                        map.insert(
                            section,
                            serde_json::to_value(lists).map_err(|e| e.to_string())?,
                        );
                    }
                }
                serde_json::to_string_pretty(&value).map_err(|e| e.to_string())
            }
        }
    }
}

/// The fields of a rule file besides the lexicon's sections.
const RULE_FILE_FIELDS: [&str; 6] = [
    "version",
    "toc",
    "rules",
    "delete_phrases",
    "drop_lines",
    "replace",
];

/// The word lists of a rule file (its sections named as the lexicon's), checked by merging
/// them into the built-in lexicon, as TOML text ("" when there are none). Any field that is
/// neither a rule file's nor a lexicon section is refused.
fn word_lists(all: toml::Table) -> Result<String, String> {
    let sections = crate::lexicon::sections();
    let mut words = toml::Table::new();
    for (key, value) in all {
        if sections.contains(&key) {
            words.insert(key, value);
        } else if !RULE_FILE_FIELDS.contains(&key.as_str()) {
            return Err(format!(
                "不认识的字段“{key}”（可用：{}；以及词表的各节：{}）",
                RULE_FILE_FIELDS.join("、"),
                sections.join("、")
            ));
        }
    }
    if words.is_empty() {
        return Ok(String::new());
    }
    crate::lexicon::merged(&words).map_err(|e| format!("词表：{e}"))?;
    toml::to_string(&words).map_err(|e| e.to_string())
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut at = offset;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

fn check_id(id: &str, seen: &mut Vec<String>) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("有一条规则的 id 是空的".into());
    }
    if id.chars().any(char::is_whitespace) {
        return Err(format!("规则 id “{id}” 不能含空格"));
    }
    if BUILTIN.iter().any(|(b, _, _)| *b == id) {
        return Err(format!("规则 id “{id}” 与内置规则重名，请换一个"));
    }
    if seen.iter().any(|s| s == id) {
        return Err(format!("规则 id “{id}” 出现了不止一次"));
    }
    seen.push(id.to_string());
    Ok(())
}

fn check_regex(id: &str, pattern: &str) -> Result<(), String> {
    if pattern.is_empty() {
        return Err(format!("规则“{id}”的正则表达式是空的"));
    }
    regex::Regex::new(pattern)
        .map(|_| ())
        .map_err(|e| format!("规则“{id}”的正则表达式有误：{e}"))
}

impl RuleFile {
    fn into_rule_set(self) -> Result<RuleSet, String> {
        if self.version != RULE_FILE_VERSION {
            return Err(format!(
                "不支持的版本 {}（本程序读取版本 {RULE_FILE_VERSION}）",
                self.version
            ));
        }
        let mut set = RuleSet::default();
        if let Some(toc) = self.toc {
            set.toc = toc;
        }
        for (id, on) in &self.rules {
            if !set.set_enabled(id, *on) {
                let known: Vec<&str> = BUILTIN.iter().map(|(i, _, _)| *i).collect();
                return Err(format!(
                    "未知的规则 id “{id}”（内置规则有：{}）",
                    known.join("、")
                ));
            }
        }
        let mut seen = Vec::new();
        for r in self.delete_phrases {
            check_id(&r.id, &mut seen)?;
            if r.phrases.is_empty() {
                return Err(format!("规则“{}”没有列出要删除的短语（phrases）", r.id));
            }
            if let Some(p) = r
                .phrases
                .iter()
                .find(|p| p.trim().is_empty() || p.contains('\n'))
            {
                return Err(format!(
                    "规则“{}”的短语“{}”为空或含换行",
                    r.id,
                    p.escape_debug()
                ));
            }
            set.rules.push(Rule {
                label: r
                    .label
                    .unwrap_or_else(|| format!("删除短语：{}", r.phrases.join("、"))),
                id: r.id,
                category: r.category,
                enabled: r.enabled,
                kind: RuleKind::DeletePhrases { phrases: r.phrases },
            });
        }
        for r in self.drop_lines {
            check_id(&r.id, &mut seen)?;
            check_regex(&r.id, &r.pattern)?;
            set.rules.push(Rule {
                label: r
                    .label
                    .unwrap_or_else(|| format!("删除整行：{}", r.pattern)),
                id: r.id,
                category: r.category,
                enabled: r.enabled,
                kind: RuleKind::DropLines { pattern: r.pattern },
            });
        }
        for r in self.replace {
            check_id(&r.id, &mut seen)?;
            check_regex(&r.id, &r.pattern)?;
            set.rules.push(Rule {
                label: r
                    .label
                    .unwrap_or_else(|| format!("替换：{} → {}", r.pattern, r.with)),
                id: r.id,
                category: r.category,
                enabled: r.enabled,
                kind: RuleKind::Replace {
                    pattern: r.pattern,
                    with: r.with,
                },
            });
        }
        Ok(set)
    }

    fn from_rule_set(set: &RuleSet) -> RuleFile {
        let mut file = RuleFile {
            version: RULE_FILE_VERSION,
            toc: Some(set.toc),
            ..RuleFile::default()
        };
        for r in &set.rules {
            let label = Some(r.label.clone());
            match &r.kind {
                RuleKind::Builtin => {
                    file.rules.insert(r.id.clone(), r.enabled);
                }
                RuleKind::DeletePhrases { phrases } => file.delete_phrases.push(PhraseRule {
                    id: r.id.clone(),
                    category: r.category,
                    label,
                    enabled: r.enabled,
                    phrases: phrases.clone(),
                }),
                RuleKind::DropLines { pattern } => file.drop_lines.push(PatternRule {
                    id: r.id.clone(),
                    category: r.category,
                    label,
                    enabled: r.enabled,
                    pattern: pattern.clone(),
                }),
                RuleKind::Replace { pattern, with } => file.replace.push(ReplaceRule {
                    id: r.id.clone(),
                    category: r.category,
                    label,
                    enabled: r.enabled,
                    pattern: pattern.clone(),
                    with: with.clone(),
                }),
            }
        }
        file
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> String {
        RuleSet::parse(text, RuleFormat::Toml).expect_err("should be refused")
    }

    #[test]
    fn defaults_hold_every_builtin_rule_enabled_with_chinese_labels() {
        let set = RuleSet::default();
        assert_eq!(set.rules.len(), BUILTIN.len());
        // All but the conversion of traditional characters, which is switched on per text.
        assert!(
            set.rules
                .iter()
                .all(|r| r.enabled == (r.id != ids::TRADITIONAL))
        );
        for r in &set.rules {
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}",
                r.id
            );
            assert!(
                r.label
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                r.label
            );
        }
        assert_eq!(set.toc, TocMode::Fill);
    }

    #[test]
    fn a_user_file_switches_rules_sets_toc_and_adds_its_own() {
        let set = RuleSet::parse(
            r#"
version = 1
toc = "drop"

[rules]
masked_gdp = false

[[delete_phrases]]
id = "site_name"
category = "brand_word"
phrases = ["笔杆子文库", "写材料的老王"]

[[drop_lines]]
id = "source_lines"
category = "advert"
pattern = "来源[:：].*"

[[replace]]
id = "zf"
category = "masked_word"
label = "Z府 → 政府"
pattern = "Z府"
with = "政府"
"#,
            RuleFormat::Toml,
        )
        .unwrap();
        assert_eq!(set.toc, TocMode::Drop);
        assert!(!set.is_enabled(ids::MASKED_GDP));
        assert!(set.is_enabled(ids::MASKED_PARTY));
        let zf = set.rule("zf").unwrap();
        assert_eq!(zf.label, "Z府 → 政府");
        assert_eq!(zf.category, Category::MaskedWord);
        assert!(matches!(
            set.rule("site_name").unwrap().kind,
            RuleKind::DeletePhrases { .. }
        ));
        assert!(set.rule("source_lines").unwrap().enabled);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let e = parse_err("version = 1\n[rules]\nno_such_rule = false\n");
        assert!(e.contains("no_such_rule") && e.contains("未知"), "{e}");
        let e = parse_err(
            "version = 1\n[[drop_lines]]\nid = \"x\"\ncategory = \"advert\"\npattern = \"(unclosed\"\n",
        );
        assert!(e.contains("正则") && e.contains('x'), "{e}");
        let e = parse_err("version = 1\ntoc = \"fill\"\n\n[rules\nx = 1\n");
        assert!(e.contains("第 4 行"), "{e}");
        let e = parse_err("version = 2\n");
        assert!(e.contains("版本 2"), "{e}");
        let e = parse_err("version = 1\ntoc = \"keep\"\n");
        assert!(e.contains("第 2 行"), "{e}");
        let e = parse_err(
            "version = 1\n[[delete_phrases]]\nid = \"advert_lines\"\ncategory = \"advert\"\nphrases = [\"x\"]\n",
        );
        assert!(e.contains("重名"), "{e}");
        let e = parse_err(
            "version = 1\n[[delete_phrases]]\nid = \"a\"\ncategory = \"advert\"\nphrase = [\"x\"]\n",
        );
        assert!(e.contains("phrase"), "{e}");
        let e = parse_err("toc = \"fill\"\n");
        assert!(e.contains("version"), "{e}");
        let e = RuleSet::parse(
            "{\"version\": 1,\n \"rules\": {\"advert_lines\": \"yes\"}}",
            RuleFormat::Json,
        )
        .unwrap_err();
        assert!(e.contains("第 2 行"), "{e}");
    }

    #[test]
    fn load_names_the_file_and_save_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let mut set = RuleSet {
            toc: TocMode::Drop,
            ..RuleSet::default()
        };
        set.set_enabled(ids::BLANK_RUNS, false);
        set.rules.push(Rule {
            id: "zf".into(),
            category: Category::MaskedWord,
            enabled: false,
            label: "Z府".into(),
            kind: RuleKind::Replace {
                pattern: "Z府".into(),
                with: "政府".into(),
            },
        });
        for name in ["r.toml", "r.json"] {
            let p = dir.path().join(name);
            set.save(&p).unwrap();
            assert_eq!(RuleSet::load(&p).unwrap(), set, "{name}");
        }
        let p = dir.path().join("bad.toml");
        std::fs::write(&p, "version = 1\n[rules]\nadvert_lines = 3\n").unwrap();
        let e = RuleSet::load(&p).unwrap_err();
        assert!(
            matches!(
                e,
                Error::BadConfig {
                    what: "规则文件",
                    ..
                }
            ),
            "{e}"
        );
        let shown = e.to_string();
        assert!(
            shown.contains("bad.toml") && shown.contains("第 3 行"),
            "{shown}"
        );
        let e = RuleSet::load(&dir.path().join("r.yaml")).unwrap_err();
        assert!(e.to_string().contains(".toml"), "{e}");
        assert!(matches!(
            RuleSet::load(&dir.path().join("missing.toml")),
            Err(Error::Io { .. })
        ));
    }

    #[test]
    fn the_example_file_loads() {
        let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rules.toml"));
        let set = RuleSet::load(p).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            set.rules.len() > BUILTIN.len(),
            "the example adds rules of its own"
        );
    }

    /// Word lists in a rule file are kept (and written back); a field that is neither a
    /// rule file's nor a lexicon section is refused by name.
    #[test]
    fn a_rule_file_holds_word_lists_of_the_lexicons_shape() {
        let text = "version = 1\n\n[adverts]\ncertain = [\"准时推送\"]\n";
        let set = RuleSet::parse(text, RuleFormat::Toml).unwrap();
        assert!(set.words.contains("准时推送"), "{}", set.words);
        for format in [RuleFormat::Toml, RuleFormat::Json] {
            let again = RuleSet::parse(&set.to_text(format).unwrap(), format).unwrap();
            assert_eq!(again, set);
        }
        assert_ne!(set.fingerprint(), RuleSet::default().fingerprint());
        let e = RuleSet::parse("version = 1\n[advert]\nx = 1\n", RuleFormat::Toml).unwrap_err();
        assert!(e.contains("advert") && e.contains("adverts"), "{e}");
        let e =
            RuleSet::parse("version = 1\n[adverts]\nx = [\"y\"]\n", RuleFormat::Toml).unwrap_err();
        assert!(e.contains("[adverts]") && e.contains("x"), "{e}");
    }
}
