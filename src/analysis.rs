//! One call that runs the whole read-only pipeline on a text: split into reports, outline
//! each, find placeholders and findings. Both shells (GUI, CLI) call this. An analysis
//! knows the text it was made of (by fingerprint), so what uses it with a text checks that
//! it is that text; cleaning ([`crate::clean`]) reuses what the analysis scanned only then.

use crate::model::{LineIndex, Outline};
use crate::placeholder::{self, Placeholder};
use crate::split::LineClasses;
use std::sync::Mutex;

/// Everything found in one text.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub index: LineIndex,
    pub outline: Outline,
    /// Every placeholder, in text order.
    pub placeholders: Vec<Placeholder>,
    /// The fingerprint of the text analysed; None when not known (a default analysis).
    pub(crate) of: Option<Fingerprint>,
    /// What the split scanned, reused when the same text is cleaned; None when not known.
    pub(crate) scanned: Option<Scanned>,
}

/// What splitting a text scanned of it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scanned {
    /// The start offsets of the lines holding an advert keyword.
    pub candidates: Vec<usize>,
    pub classes: LineClasses,
}

/// What is known of the text cleaning starts from, so its rounds need not scan it again.
#[derive(Clone, Copy)]
pub(crate) struct Before<'a> {
    pub index: &'a LineIndex,
    pub candidates: &'a [usize],
    pub classes: &'a LineClasses,
}

impl Analysis {
    /// True when this analysis was made of exactly `text` (but for a 2⁻⁶⁴ chance): an
    /// analysis kept while the text is edited no longer fits it, even when the edit kept the
    /// text's length (one character typed over another, a line moved).
    pub fn is_of(&self, text: &str) -> bool {
        self.index.text_len() == text.len() && self.of == Some(Fingerprint::of(text))
    }

    /// What was scanned of `text`, if this analysis was made of exactly that text.
    pub(crate) fn before(&self, text: &str) -> Option<Before<'_>> {
        let scanned = self.scanned.as_ref().filter(|_| self.is_of(text))?;
        Some(Before {
            index: &self.index,
            candidates: &scanned.candidates,
            classes: &scanned.classes,
        })
    }

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
    analyze_beside(text, |_, _| ()).0
}

/// [`analyze`] and [`crate::clean::plan`] of the same text, as `qinggao inspect` needs both:
/// cleaning starts as soon as the reports are found, beside the outlines and placeholders.
pub fn analyze_and_plan(
    text: &str,
    rules: &crate::clean::RuleSet,
) -> (Analysis, Vec<crate::model::Edit>) {
    analyze_beside(text, |before, structure| {
        crate::clean::rounds::run(text, structure, rules, Some(before), false).edits
    })
}

/// Jobs the outlining and the placeholder search of a large text are each cut into.
const ANALYSIS_PIECES: usize = 16;

/// A job's own slot: never contended, and a job that panicked has already stopped the
/// analysis (the panic goes on in the caller).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Analyses `text`, running `beside` on its own thread once the reports are found, while
/// each report is outlined and the placeholders are found: on a large text the steps'
/// sequential parts then leave no core idle.
fn analyze_beside<T: Send>(
    text: &str,
    beside: impl FnOnce(Before, &Outline) -> T + Send,
) -> (Analysis, T) {
    let (index, structure, of, scanned) = split_scanned(text);
    let before = Before {
        index: &index,
        candidates: &scanned.candidates,
        classes: &scanned.classes,
    };
    let (outline, placeholders, other) = if text.len() < crate::par::PARALLEL_MIN {
        let other = beside(before, &structure);
        let outline = crate::split::outline_reports(text, &index, structure);
        (outline, placeholder::find(text, &index), other)
    } else {
        // `beside` is the long sequential task (cleaning, round after round); outlining the
        // reports and finding the placeholders are cut into many small jobs that fill the
        // other core, and both once it is done.
        let mut outline = structure.clone();
        let runs: Vec<Mutex<&mut [crate::model::Report]>> =
            crate::split::report_runs(&mut outline.reports, ANALYSIS_PIECES)
                .into_iter()
                .map(Mutex::new)
                .collect();
        let slices = crate::par::line_slices(text.as_bytes(), ANALYSIS_PIECES);
        let found: Vec<Mutex<Vec<Placeholder>>> = slices.iter().map(|_| Mutex::default()).collect();
        let other = crate::par::beside_jobs(
            || beside(before, &structure),
            runs.len() + slices.len(),
            |i| match i.checked_sub(runs.len()) {
                None => {
                    for r in lock(&runs[i]).iter_mut() {
                        crate::split::add_outline(text, &index, r);
                    }
                }
                Some(j) => *lock(&found[j]) = placeholder::find_in(text, &index, slices[j].clone()),
            },
        );
        drop(runs);
        let placeholders = crate::par::join_lists(
            found
                .into_iter()
                .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
                .collect(),
        );
        (outline, placeholders, other)
    };
    let analysis = Analysis {
        index,
        outline,
        placeholders,
        of: Some(of),
        scanned: Some(scanned),
    };
    (analysis, other)
}

/// The line index and the reports (without their outlines) of `text`, with its fingerprint
/// and what the split scanned.
pub(crate) fn split_scanned(text: &str) -> (LineIndex, Outline, Fingerprint, Scanned) {
    let index = LineIndex::new(text);
    let candidates = crate::junk::advert_candidate_starts(text);
    let classes = LineClasses::new(text, &index, &candidates);
    let structure = crate::split::split_classified(text, &index, &classes);
    let scanned = Scanned {
        candidates,
        classes,
    };
    (index, structure, Fingerprint::of(text), scanned)
}

/// A 64-bit hash of a whole text, to tell exactly (but for a 2⁻⁶⁴ chance) whether what was
/// scanned of one text may be reused for another. Hashing runs at memory speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Fingerprint(u64);

impl Fingerprint {
    pub(crate) fn of(text: &str) -> Fingerprint {
        use std::hash::BuildHasher as _;
        // A fixed seed: fingerprints compare across threads and calls.
        Fingerprint(foldhash::quality::FixedState::with_seed(0x5147_4741_4f21).hash_one(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large text is outlined and searched for placeholders in jobs beside the cleaning:
    /// the same outline, placeholders and cleaning as each step run alone.
    #[test]
    fn a_large_analysis_in_jobs_equals_each_step_alone() {
        let one = "XX县2023年工作总结\n\n今年以来，XX镇完成投资XX万元，D员干部##paidbegin##带头。\n\
                   一、主要工作\n（一）抓好项目。一是抓招商；二是抓建设；四是抓服务。\n\
                   【哒哒素材库】更多范文请关注公众号\n（三）抓好民生，惠及X万户。\n\n";
        let text = one.repeat(crate::par::PARALLEL_MIN / one.len() + 50);
        let rules = crate::clean::RuleSet::default();
        let (analysis, edits) = analyze_and_plan(&text, &rules);
        let index = LineIndex::new(&text);
        assert_eq!(analysis.outline, crate::split::split(&text, &index));
        assert_eq!(analysis.placeholders, placeholder::find(&text, &index));
        // Planned alone: with an analysis of no text, nothing of this one is reused.
        assert_eq!(
            edits,
            crate::clean::plan(&text, &Analysis::default(), &rules)
        );
        assert_eq!(analysis.outline.reports.len(), text.len() / one.len());
        assert!(!edits.is_empty() && analysis.placeholders.len() > 1000);
    }
}
