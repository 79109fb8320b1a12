//! Proofreading (校对): what a site garbled and the slips a careful editor would catch,
//! each with a suggested fix for the user to review.
//!
//! - systematic character substitutions, found from the text itself ([`substitution`]);
//! - commonly confused words in 公文, from a curated list, and 截止 for 截至 ([`confusion`]);
//! - half-width punctuation inside Chinese text and brackets whose halves differ ([`punct`]);
//! - a mark or 的 typed twice, a zero digit among Chinese numerals ([`slips`]);
//! - quotation marks that do not pair within a paragraph ([`punct::quotes`]).
//!
//! Pure: findings are data; [`Finding::edit`] turns one into an [`Edit`] that previews,
//! applies and undoes like a cleaning edit. No dependency on egui.

pub mod confusion;
pub mod dict;
pub mod punct;
pub mod slips;
pub mod spots;
pub mod substitution;

use crate::model::{ByteRange, Edit, EditOrigin, Outline};
use serde::Serialize;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One character written for another throughout a report.
    Substitution,
    /// A word from the list of common confusions (布署, 台帐, 截止 for 截至…).
    ConfusedWord,
    /// A half-width mark inside Chinese text.
    Punctuation,
    /// A bracket whose other half is of the other width.
    Bracket,
    /// A mark or 的 typed twice (。。 的的).
    Doubled,
    /// A zero digit among Chinese numerals (二0二四年).
    Numeral,
    /// A quotation mark that does not pair within its paragraph.
    Quote,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Substitution,
        Kind::ConfusedWord,
        Kind::Punctuation,
        Kind::Bracket,
        Kind::Doubled,
        Kind::Numeral,
        Kind::Quote,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Substitution => "substitution",
            Kind::ConfusedWord => "confused_word",
            Kind::Punctuation => "punctuation",
            Kind::Bracket => "bracket",
            Kind::Doubled => "doubled",
            Kind::Numeral => "numeral",
            Kind::Quote => "quote",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Substitution => "错字替换",
            Kind::ConfusedWord => "易混词",
            Kind::Punctuation => "半角标点",
            Kind::Bracket => "括号不配对",
            Kind::Doubled => "重复",
            Kind::Numeral => "数字用法",
            Kind::Quote => "引号不配对",
        }
    }

    /// The rule id the edits of this kind carry, as cleaning edits carry theirs.
    pub fn rule_id(self) -> &'static str {
        match self {
            Kind::Substitution => "proof_substitution",
            Kind::ConfusedWord => "proof_confused_word",
            Kind::Punctuation => "proof_punctuation",
            Kind::Bracket => "proof_bracket",
            Kind::Doubled => "proof_doubled",
            Kind::Numeral => "proof_numeral",
            Kind::Quote => "proof_quote",
        }
    }

    /// The kind whose edits carry `id`.
    pub fn of_rule(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.rule_id() == id)
    }
}

/// The substitution pair a finding belongs to, with the evidence for the pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// Tells groups apart: the pair and where its report starts.
    pub id: String,
    /// "“态”改为“件”".
    pub label: String,
    /// "本篇“件”出现 1 次，“态”在 12 处不成词，其他各篇此处用“件”".
    pub evidence: String,
}

/// Characters each side of a suggestion that [`Finding::key`] keeps.
const KEY_CONTEXT: usize = 6;

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    /// Bytes of the span as written.
    pub range: ByteRange,
    /// The span as written.
    pub found: String,
    /// Its replacement; the span itself when there is none to propose (a quotation mark
    /// whose other half is missing: only the user knows where it goes).
    pub suggestion: String,
    /// Why, in Chinese.
    pub message: String,
    pub group: Option<Group>,
}

impl Finding {
    /// Whether there is a fix to accept (rather than only a place to look at).
    pub fn has_fix(&self) -> bool {
        self.suggestion != self.found
    }

    /// What tells this suggestion apart from others and stays the same while the text
    /// around it changes elsewhere: kind, span, fix and a few characters each side. The
    /// session keeps the keys of the suggestions the user ignored.
    pub fn key(&self, text: &str) -> String {
        let (before, after) = self.context(text);
        format!(
            "{}:{before}[{}→{}]{after}",
            self.kind.name(),
            self.found,
            self.suggestion
        )
    }

    /// Up to [`KEY_CONTEXT`] characters before the span and after it.
    fn context(&self, text: &str) -> (String, String) {
        let before: String = text
            .get(..self.range.start)
            .unwrap_or("")
            .chars()
            .rev()
            .take(KEY_CONTEXT)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after: String = text
            .get(self.range.end..)
            .unwrap_or("")
            .chars()
            .take(KEY_CONTEXT)
            .collect();
        (before, after)
    }

    /// The edit that accepts this suggestion.
    pub fn edit(&self) -> Edit {
        Edit {
            range: self.range.clone(),
            old: self.found.clone(),
            new: self.suggestion.clone(),
            origin: EditOrigin::Rule(self.kind.rule_id().to_string()),
        }
    }
}

/// Every finding in `text`, whose reports `outline` gives, in text order.
pub fn proofread(text: &str, outline: &Outline) -> Vec<Finding> {
    let scopes: Vec<ByteRange> = outline.reports.iter().map(|r| r.range.clone()).collect();
    let mut out = Vec::new();
    for swap in substitution::find(text, &scopes) {
        let group = Group {
            id: format!("{}→{}@{}", swap.wrong, swap.right, swap.scope.start),
            // In words: the window's fonts have no arrow glyph.
            label: format!("“{}”改为“{}”", swap.wrong, swap.right),
            evidence: swap.evidence(),
        };
        for site in &swap.sites {
            out.push(Finding {
                kind: Kind::Substitution,
                range: site.clone(),
                found: swap.wrong.to_string(),
                suggestion: swap.right.to_string(),
                message: format!(
                    "疑为“{}”误作“{}”：{}",
                    swap.right, swap.wrong, group.evidence
                ),
                group: Some(group.clone()),
            });
        }
    }
    let spots = spots::find(text);
    for f in confusion::find_at(text, &spots.words) {
        out.push(Finding {
            kind: Kind::ConfusedWord,
            range: f.range,
            found: f.wrong,
            suggestion: f.right,
            message: f.why,
            group: None,
        });
    }
    for m in punct::find(text) {
        let (kind, message) = if m.mends_pair {
            (
                Kind::Bracket,
                format!("括号前后半角全角不一，“{}”应作“{}”", m.found, m.right),
            )
        } else {
            (
                Kind::Punctuation,
                format!("中文中的半角“{}”应作全角“{}”", m.found, m.right),
            )
        };
        out.push(Finding {
            kind,
            range: m.range,
            found: m.found.to_string(),
            suggestion: m.right.to_string(),
            message,
            group: None,
        });
    }
    for s in slips::find_at(text, &spots.doubled) {
        let (kind, message) = match s.what {
            slips::What::DoubledMark => (Kind::Doubled, format!("“{}”重复，应只留一个", s.right)),
            slips::What::DoubledCharacter => (Kind::Doubled, "“的”多打了一个".to_string()),
            slips::What::ZeroAmongNumerals => (
                Kind::Numeral,
                "汉字数字中的零应写作“〇”（GB/T 15835）".to_string(),
            ),
        };
        out.push(Finding {
            kind,
            range: s.range,
            found: s.found,
            suggestion: s.right,
            message,
            group: None,
        });
    }
    for q in punct::quotes(text) {
        let found = q.found.to_string();
        let (suggestion, message) = match q.right {
            Some(r) => (
                r.to_string(),
                format!("本段引号前后不配对，“{found}”应作“{r}”"),
            ),
            None => (
                found.clone(),
                "本段引号不配对，缺少另一半，请核对".to_string(),
            ),
        };
        out.push(Finding {
            kind: Kind::Quote,
            range: q.range,
            found,
            suggestion,
            message,
            group: None,
        });
    }
    out.sort_by_key(|f| (f.range.start, f.range.end));
    // Two findings never touch the same text (a confused word holding a substituted
    // character keeps the first found).
    out.dedup_by(|b, a| b.range.start < a.range.end);
    out
}

/// The findings (indices into `found`, proofread from `text`) that `keys` name: saved
/// [`Finding::key`]s, made of another version of the text (the GUI's, before cleaning or
/// an unrelated edit). A key names a finding of the same kind, span and fix whose
/// surroundings agree with the key's next to the span on at least [`KEY_CONTEXT`]
/// characters in all (each side counted outward until the first difference); each key
/// names at most one finding and each finding answers at most one key, best agreement
/// first.
pub fn named(found: &[Finding], text: &str, keys: &[String]) -> Vec<usize> {
    if keys.is_empty() {
        return Vec::new();
    }
    // (agreement, key, finding)
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let head = format!("{}:", f.kind.name());
        let mid = format!("[{}→{}]", f.found, f.suggestion);
        let (before, after) = f.context(text);
        for (k, key) in keys.iter().enumerate() {
            let Some(rest) = key.strip_prefix(&head) else {
                continue;
            };
            let best = rest
                .match_indices(&mid)
                .map(|(at, _)| {
                    let (kb, ka) = (&rest[..at], &rest[at + mid.len()..]);
                    let left = kb
                        .chars()
                        .rev()
                        .zip(before.chars().rev())
                        .take_while(|(a, b)| a == b)
                        .count();
                    let right = ka
                        .chars()
                        .zip(after.chars())
                        .take_while(|(a, b)| a == b)
                        .count();
                    let whole = kb.chars().count() + ka.chars().count();
                    (left + right, whole)
                })
                .max();
            if let Some((agree, whole)) = best
                && agree >= KEY_CONTEXT.min(whole)
            {
                candidates.push((agree, k, i));
            }
        }
    }
    candidates.sort_by_key(|&(agree, k, i)| (std::cmp::Reverse(agree), k, i));
    let (mut key_used, mut found_used) = (vec![false; keys.len()], vec![false; found.len()]);
    let mut out = Vec::new();
    for (_, k, i) in candidates {
        if !key_used[k] && !found_used[i] {
            key_used[k] = true;
            found_used[i] = true;
            out.push(i);
        }
    }
    out.sort_unstable();
    out
}

/// The edits accepting `findings` (proofread from `text`) of the kinds `accept` and those
/// the answers file accepted, leaving those it ignored; sorted and non-overlapping.
pub fn edits_answered(
    findings: &[Finding],
    text: &str,
    accept: &[Kind],
    answers: &crate::placeholder::ProofAnswers,
) -> Vec<Edit> {
    let keys = |set: &std::collections::BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>();
    let accepted = named(findings, text, &keys(&answers.accepted));
    let ignored = named(findings, text, &keys(&answers.ignored));
    crate::edit::normalize(
        findings
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                f.has_fix()
                    && (accept.contains(&f.kind) || accepted.binary_search(i).is_ok())
                    && ignored.binary_search(i).is_err()
            })
            .map(|(_, f)| f.edit())
            .collect(),
    )
}

/// The edits accepting `findings` of the kinds `accept`, sorted and non-overlapping.
pub fn edits(findings: &[Finding], accept: &[Kind]) -> Vec<Edit> {
    crate::edit::normalize(
        findings
            .iter()
            .filter(|f| accept.contains(&f.kind) && f.has_fix())
            .map(Finding::edit)
            .collect(),
    )
}

#[cfg(test)]
mod tests;
