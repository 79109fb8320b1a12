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
        let Some(r) = self.outline.reports.get(i) else {
            return &[];
        };
        let lo = self
            .placeholders
            .partition_point(|p| p.range.start < r.range.start);
        let hi = self
            .placeholders
            .partition_point(|p| p.range.start < r.range.end);
        &self.placeholders[lo..hi]
    }
}

pub fn analyze(text: &str) -> Analysis {
    let index = LineIndex::new(text);
    let outline = crate::split::split(text, &index);
    let placeholders = placeholder::find(text, &index);
    Analysis {
        index,
        outline,
        placeholders,
    }
}

/// The cleaned and filled text of a document, with the edits that made it.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub text: String,
    /// Fill edits, positioned in the original text.
    pub fills: Vec<crate::model::Edit>,
    /// Cleaning edits, positioned in the filled text.
    pub cleaning: Vec<crate::model::Edit>,
}

/// Fills the answered placeholders, then plans cleaning on the filled text and applies it.
/// Filling first means text that cleaning derives from the document (the titles it writes
/// into an empty 目录) carries the answers too.
pub fn clean_and_fill(
    text: &str,
    analysis: &Analysis,
    rules: &crate::clean::RuleSet,
    answers: &placeholder::Answers,
) -> Cleaned {
    let fills = crate::edit::normalize(placeholder::fill_edits(
        text,
        &analysis.placeholders,
        answers,
    ));
    let filled;
    let (filled_text, structure) = if fills.is_empty() {
        (text, std::borrow::Cow::Borrowed(&analysis.outline))
    } else {
        filled = crate::edit::apply(text, &fills).text;
        // Cleaning needs the structure of the filled text, not its placeholders or headings.
        let outline = crate::split::split_structure(&filled, &LineIndex::new(&filled));
        (filled.as_str(), std::borrow::Cow::Owned(outline))
    };
    let (cleaning, cleaned) = plan_and_apply_cleaning(filled_text, &structure, rules);
    let text = cleaned.unwrap_or_else(|| filled_text.to_string());
    Cleaned {
        text,
        fills,
        cleaning,
    }
}

/// Cleaning rounds after the first; a text that still changes after them is left as the
/// last round made it.
const EXTRA_CLEANING_ROUNDS: usize = 3;

/// The cleaning edits for `text`, planned until a further cleaning would change nothing.
///
/// One planning pass decides from the structure of the text as it is (which lines are junk,
/// where reports start, whether the 目录 is empty); its own edits can change that structure
/// (a brand word removed from a line that looked like a 目录 entry). Planning again on the
/// result and composing the rounds into one batch makes cleaning idempotent: cleaning clean
/// text changes nothing. Rounds after the first re-split the text for its structure only
/// (no headings, no placeholders).
pub fn plan_cleaning(
    text: &str,
    outline: &Outline,
    rules: &crate::clean::RuleSet,
) -> Vec<crate::model::Edit> {
    plan_and_apply_cleaning(text, outline, rules).0
}

/// [`plan_cleaning`], also giving the cleaned text it computed on the way (None when there
/// is nothing to clean), so callers do not apply the edits a second time.
fn plan_and_apply_cleaning(
    text: &str,
    outline: &Outline,
    rules: &crate::clean::RuleSet,
) -> (Vec<crate::model::Edit>, Option<String>) {
    let mut edits = crate::clean::plan(text, outline, rules);
    if edits.is_empty() {
        return (edits, None);
    }
    let mut current = crate::edit::apply(text, &edits).text;
    for _ in 0..EXTRA_CLEANING_ROUNDS {
        let index = LineIndex::new(&current);
        let outline = crate::split::split_structure(&current, &index);
        let more = crate::clean::plan(&current, &outline, rules);
        if more.is_empty() {
            break;
        }
        let next = crate::edit::apply(&current, &more).text;
        edits = crate::edit::compose(text, &edits, &current, &more);
        current = next;
    }
    (edits, Some(current))
}
