//! One call that runs the whole read-only pipeline on a text: split into reports, outline
//! each, find placeholders and findings. Both shells (GUI, CLI) call this.

use crate::model::{LineIndex, Outline};
use crate::placeholder::{self, Placeholder};

/// Everything found in one text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub index: LineIndex,
    pub outline: Outline,
    /// Every placeholder, in text order.
    pub placeholders: Vec<Placeholder>,
}

impl Analysis {
    /// Placeholders inside report `i` (its title line included).
    pub fn report_placeholders(&self, i: usize) -> &[Placeholder] {
        let Some(r) = self.outline.reports.get(i) else { return &[] };
        let lo = self.placeholders.partition_point(|p| p.range.start < r.range.start);
        let hi = self.placeholders.partition_point(|p| p.range.start < r.range.end);
        &self.placeholders[lo..hi]
    }
}

pub fn analyze(text: &str) -> Analysis {
    let index = LineIndex::new(text);
    let outline = crate::split::split(text, &index);
    let placeholders = placeholder::find(text, &index);
    Analysis { index, outline, placeholders }
}

/// The cleaned and filled text of a document, with the edits that made it.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub text: String,
    pub edits: Vec<crate::model::Edit>,
}

/// Plans cleaning and filling on `text` and applies both in one go.
pub fn clean_and_fill(
    text: &str,
    analysis: &Analysis,
    rules: &crate::clean::RuleSet,
    answers: &placeholder::Answers,
) -> Cleaned {
    let mut edits = crate::clean::plan(text, &analysis.outline, rules);
    edits.extend(placeholder::fill_edits(text, &analysis.placeholders, answers));
    let edits = crate::edit::normalize(edits);
    let applied = crate::edit::apply(text, &edits);
    Cleaned { text: applied.text, edits }
}
