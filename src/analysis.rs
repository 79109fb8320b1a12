//! One call that runs the whole read-only pipeline on a text: split into reports, outline
//! each, find placeholders and findings. Both shells (GUI, CLI) call this.

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
    /// What the split scanned, reused when the same text is cleaned; None when not known.
    pub(crate) scanned: Option<Scanned>,
}

/// What splitting a text scanned of it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scanned {
    /// The fingerprint of the text scanned: what was scanned is reused only for that text.
    pub fingerprint: Fingerprint,
    /// The start offsets of the lines holding an advert keyword.
    pub candidates: Vec<usize>,
    pub classes: LineClasses,
}

/// What is known of the text cleaning starts from, so its rounds need not scan it again.
#[derive(Clone, Copy)]
struct Before<'a> {
    index: &'a LineIndex,
    candidates: &'a [usize],
    classes: &'a LineClasses,
}

impl Analysis {
    /// What was scanned of `text`, if this analysis was made of exactly that text: an
    /// analysis kept while the text is edited no longer fits it, even when the edit kept the
    /// text's length (one character typed over another, a line moved).
    fn before(&self, text: &str) -> Option<Before<'_>> {
        let scanned = self.scanned.as_ref().filter(|s| {
            self.index.text_len() == text.len() && s.fingerprint == Fingerprint::of(text)
        })?;
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

/// [`analyze`] and [`plan_cleaning`] of the same text, as `qinggao inspect` needs both:
/// cleaning starts as soon as the reports are found, beside the outlines and placeholders.
pub fn analyze_and_plan(
    text: &str,
    rules: &crate::clean::RuleSet,
) -> (Analysis, Vec<crate::model::Edit>) {
    analyze_beside(text, |before, structure| {
        plan_and_apply_cleaning(text, structure, rules, Some(before), false).edits
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
    let (index, structure, scanned) = split_scanned(text);
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
        scanned: Some(scanned),
    };
    (analysis, other)
}

/// The line index and the reports (without their outlines) of `text`, with what the split
/// scanned.
fn split_scanned(text: &str) -> (LineIndex, Outline, Scanned) {
    let index = LineIndex::new(text);
    let candidates = crate::junk::advert_candidate_starts(text);
    let classes = LineClasses::new(text, &index, &candidates);
    let structure = crate::split::split_classified(text, &index, &classes);
    let scanned = Scanned {
        fingerprint: Fingerprint::of(text),
        candidates,
        classes,
    };
    (index, structure, scanned)
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
    clean_and_fill_rounds(text, analysis, rules, answers, false).0
}

/// The cleaned and filled text of `text` with its analysis, scanning only what exporting it
/// needs: of `text` its structure (not each report's headings) and its placeholders only when
/// there are answers; of the result its structure (from the last cleaning round, which had to
/// split it anyway), its placeholders (what is left to fill) and, with `outlines`, each
/// report's headings (a .docx needs them, a .txt does not).
pub fn clean_for_export(
    text: &str,
    rules: &crate::clean::RuleSet,
    answers: &placeholder::Answers,
    outlines: bool,
) -> (Cleaned, Analysis) {
    let (index, outline, scanned) = split_scanned(text);
    let no_answers = answers.groups.is_empty() && answers.occurrences.is_empty();
    let placeholders = if no_answers {
        Vec::new()
    } else {
        placeholder::find(text, &index)
    };
    let before = Analysis {
        index,
        outline,
        placeholders,
        scanned: Some(scanned),
    };
    let (cleaned, last, found) = clean_and_fill_rounds(text, &before, rules, answers, true);
    let (index, structure) = match last {
        Some(last) => last,
        // Nothing filled or cleaned: the result is the text itself.
        None if cleaned.fills.is_empty() && cleaned.cleaning.is_empty() => {
            (before.index, before.outline)
        }
        None => {
            let index = LineIndex::new(&cleaned.text);
            let structure = crate::split::split_structure(&cleaned.text, &index);
            (index, structure)
        }
    };
    let outline = if outlines {
        crate::split::outline_reports(&cleaned.text, &index, structure)
    } else {
        structure
    };
    // Found beside the last cleaning round on this very text (and so with this index), or
    // looked for now.
    let placeholders = match found {
        Some(found) => found,
        None => placeholder::find(&cleaned.text, &index),
    };
    let after = Analysis {
        index,
        outline,
        placeholders,
        scanned: None,
    };
    (cleaned, after)
}

/// [`clean_and_fill`], also giving the line index and structure of the result when the last
/// cleaning round computed them, and (with `find_placeholders`) its placeholders when that
/// round found them (see [`plan_and_apply_cleaning`]).
fn clean_and_fill_rounds(
    text: &str,
    analysis: &Analysis,
    rules: &crate::clean::RuleSet,
    answers: &placeholder::Answers,
    find_placeholders: bool,
) -> (
    Cleaned,
    Option<(LineIndex, Outline)>,
    Option<Vec<Placeholder>>,
) {
    let fills = crate::edit::normalize(placeholder::fill_edits(
        text,
        &analysis.placeholders,
        answers,
    ));
    let filled;
    let (filled_text, structure, before) = if fills.is_empty() {
        (
            text,
            std::borrow::Cow::Borrowed(&analysis.outline),
            analysis.before(text),
        )
    } else {
        filled = crate::edit::apply(text, &fills).text;
        // Cleaning needs the structure of the filled text, not its placeholders or headings.
        let outline = crate::split::split_structure(&filled, &LineIndex::new(&filled));
        (filled.as_str(), std::borrow::Cow::Owned(outline), None)
    };
    // A Word document's origins move with the fills, so its rules find their pieces.
    let rules = rules.after_edits(&fills);
    let rounds =
        plan_and_apply_cleaning(filled_text, &structure, &rules, before, find_placeholders);
    let text = rounds.text.unwrap_or_else(|| filled_text.to_string());
    let cleaned = Cleaned {
        text,
        fills,
        cleaning: rounds.edits,
    };
    (cleaned, rounds.last, rounds.placeholders)
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
/// (no headings, no placeholders) and scan again only the lines the previous round changed.
pub fn plan_cleaning(
    text: &str,
    outline: &Outline,
    rules: &crate::clean::RuleSet,
) -> Vec<crate::model::Edit> {
    plan_and_apply_cleaning(text, outline, rules, None, false).edits
}

/// [`plan_cleaning`] of the text `analysis` was made of, reusing what the analysis already
/// scanned.
pub fn plan_cleaning_analyzed(
    text: &str,
    analysis: &Analysis,
    rules: &crate::clean::RuleSet,
) -> Vec<crate::model::Edit> {
    plan_and_apply_cleaning(text, &analysis.outline, rules, analysis.before(text), false).edits
}

/// What the cleaning rounds made.
struct Rounds {
    edits: Vec<crate::model::Edit>,
    /// The cleaned text (None when there is nothing to clean), so callers do not apply the
    /// edits a second time.
    text: Option<String>,
    /// The line index and structure of the cleaned text, when the last round found nothing
    /// more to do in it.
    last: Option<(LineIndex, Outline)>,
    /// The placeholders of the cleaned text, when asked for and found beside that last
    /// round.
    placeholders: Option<Vec<Placeholder>>,
}

/// [`plan_cleaning`], with what the rounds computed on the way.
///
/// With `find_placeholders`, each round after the first looks for the placeholders of the
/// text it plans on, on another thread while it plans: when that round finds nothing more
/// to clean (the usual case) they are the cleaned text's, found while a core would idle.
fn plan_and_apply_cleaning(
    text: &str,
    outline: &Outline,
    rules: &crate::clean::RuleSet,
    before: Option<Before>,
    find_placeholders: bool,
) -> Rounds {
    let scanned;
    let candidates = match before {
        Some(b) => b.candidates,
        None => {
            scanned = crate::junk::advert_candidate_starts(text);
            &scanned
        }
    };
    let hints = crate::clean::Hints {
        index: before.map(|b| b.index),
        candidates: Some(candidates),
        dirty: None,
    };
    let mut round = crate::clean::plan_with(text, outline, rules, &hints);
    if round.edits.is_empty() {
        return Rounds {
            edits: round.edits,
            text: None,
            last: None,
            placeholders: None,
        };
    }
    let mut edits = round.edits.clone();
    let applied = crate::edit::apply(text, &round.edits);
    // Edits planned on a text apply to it; if one did not, nothing below can be trusted
    // and every round scans everything.
    let mut trusted = applied.skipped == 0;
    // Whether the text the round's edits applied to ended with a newline (its line index
    // does not say).
    let mut applied_to_ends_with_newline = text.ends_with('\n');
    let mut current = applied.text;
    let mut candidates = candidates.to_vec();
    // The line index and classes of the text the round's edits apply to, when known: the
    // lines the round leaves alone keep their classes.
    use std::borrow::Cow;
    let mut prev: Option<(Cow<LineIndex>, Cow<LineClasses>)> =
        before.map(|b| (Cow::Borrowed(b.index), Cow::Borrowed(b.classes)));
    let mut last = None;
    let mut placeholders = None;
    for _ in 0..EXTRA_CLEANING_ROUNDS {
        let index = match &prev {
            // The lines move with the edits: no need to read the whole text for them.
            Some((prev_index, _)) if trusted => {
                let moved =
                    prev_index.after_edits(applied_to_ends_with_newline, &round.edits, &current);
                debug_assert_eq!(
                    moved,
                    LineIndex::new(&current),
                    "line index moved with the edits"
                );
                moved
            }
            _ => LineIndex::new(&current),
        };
        let (next, outline, classes, found) = std::thread::scope(|s| {
            let found = find_placeholders.then(|| s.spawn(|| placeholder::find(&current, &index)));
            let changed = Changed::new(&index, &round.edits);
            candidates = if trusted {
                changed.candidates(&current, &candidates)
            } else {
                crate::junk::advert_candidate_starts(&current)
            };
            let classes = match &prev {
                Some((prev_index, prev_classes)) if trusted => {
                    changed.classes(prev_classes, prev_index, &current, &index, &candidates)
                }
                _ => LineClasses::new(&current, &index, &candidates),
            };
            let outline = crate::split::split_classified(&current, &index, &classes);
            let hints = crate::clean::Hints {
                index: Some(&index),
                candidates: Some(&candidates),
                dirty: (trusted && round.settled)
                    .then_some((changed.ranges.as_slice(), round.brands.as_slice())),
            };
            let next = crate::clean::plan_with(&current, &outline, rules, &hints);
            (next, outline, classes, found.map(crate::par::join))
        });
        round = next;
        if round.edits.is_empty() {
            last = Some((index, outline));
            placeholders = found;
            break;
        }
        prev = Some((Cow::Owned(index), Cow::Owned(classes)));
        let applied = crate::edit::apply(&current, &round.edits);
        trusted &= applied.skipped == 0;
        edits = crate::edit::compose(text, &edits, &current, &round.edits);
        applied_to_ends_with_newline = current.ends_with('\n');
        current = applied.text;
    }
    Rounds {
        edits,
        text: Some(current),
        last,
        placeholders,
    }
}

/// Where one round's edits landed in the text they made: the lines they touched, which the
/// next round scans again, and how the untouched text between them moved.
struct Changed<'a> {
    edits: &'a [crate::model::Edit],
    /// Where each edit's new text starts in the new text.
    new_starts: Vec<usize>,
    /// The new text's lines holding an edit, as merged line-aligned byte ranges.
    ranges: Vec<crate::model::ByteRange>,
}

impl<'a> Changed<'a> {
    /// `edits` (sorted, all applied) made the text `index` is of.
    fn new(index: &LineIndex, edits: &'a [crate::model::Edit]) -> Changed<'a> {
        let mut new_starts = Vec::with_capacity(edits.len());
        let mut ranges: Vec<crate::model::ByteRange> = Vec::new();
        let mut shift: isize = 0;
        let len = index.text_len();
        for e in edits {
            let start = (e.range.start as isize + shift) as usize;
            let end = start + e.new.len();
            shift += e.new.len() as isize - e.range.len() as isize;
            new_starts.push(start);
            // Both ends count: a deletion leaves its mark on the line it joined.
            let first = index.line_of(start.min(len));
            let last = index.line_of(end.min(len));
            let lines = index.line_start(first)..index.line_start(last + 1);
            match ranges.last_mut() {
                Some(prev) if lines.start <= prev.end => prev.end = prev.end.max(lines.end),
                _ => ranges.push(lines),
            }
        }
        Changed {
            edits,
            new_starts,
            ranges,
        }
    }

    /// The line classes of the new text `text` (with `index` and `candidates`), from those
    /// of the old: the untouched lines keep theirs, the touched lines are classified again.
    fn classes(
        &self,
        old: &LineClasses,
        old_index: &LineIndex,
        text: &str,
        index: &LineIndex,
        candidates: &[usize],
    ) -> LineClasses {
        let n = index.line_count();
        let mut out = LineClasses::with_capacity(n);
        let (mut e, mut shift, mut r, mut c, mut old_line) = (0, 0isize, 0, 0, 0);
        let mut line = 0;
        while line < n {
            let start = index.line_start(line);
            while self.ranges.get(r).is_some_and(|range| range.end <= start) {
                r += 1;
            }
            let touched = self.ranges.get(r).is_some_and(|range| range.start <= start);
            if !touched {
                while let Some(edit) = self
                    .edits
                    .get(e)
                    .filter(|edit| self.new_starts[e] + edit.new.len() <= start)
                {
                    shift += edit.new.len() as isize - edit.range.len() as isize;
                    e += 1;
                }
                let old_start = (start as isize - shift) as usize;
                while old_line + 1 < old_index.line_count()
                    && old_index.line_start(old_line + 1) <= old_start
                {
                    old_line += 1;
                }
                if old_line < old.len() && old_index.line_start(old_line) == old_start {
                    // Up to the next touched line no edit stands: the bytes, and so the
                    // lines, are the old ones, one for one.
                    let run_end = self
                        .ranges
                        .get(r)
                        .map_or(n, |range| index.line_of(range.start).max(line + 1))
                        .min(line + (old.len() - old_line));
                    out.extend_copy(old, old_line..old_line + (run_end - line));
                    old_line += run_end - line - 1;
                    line = run_end;
                    continue;
                }
            }
            while candidates.get(c).is_some_and(|&at| at < start) {
                c += 1;
            }
            out.push_line(text, index, line, candidates.get(c) == Some(&start));
            line += 1;
        }
        out
    }

    /// The advert candidates of the new text `text`, from those of the old: the untouched
    /// lines keep theirs, moved; the touched lines are scanned again.
    fn candidates(&self, text: &str, old: &[usize]) -> Vec<usize> {
        let mut out = Vec::with_capacity(old.len());
        let (mut e, mut shift, mut r) = (0, 0isize, 0);
        for &c in old {
            while let Some(edit) = self.edits.get(e).filter(|edit| edit.range.end <= c) {
                shift += edit.new.len() as isize - edit.range.len() as isize;
                e += 1;
            }
            let moved = match self.edits.get(e) {
                // Inside an edit: the line is touched, and scanned again below.
                Some(edit) if edit.range.start <= c => self.new_starts[e],
                _ => (c as isize + shift) as usize,
            };
            while self.ranges.get(r).is_some_and(|range| range.end <= moved) {
                r += 1;
            }
            if self.ranges.get(r).is_none_or(|range| range.start > moved) {
                out.push(moved);
            }
        }
        for range in &self.ranges {
            out.extend(crate::junk::candidate_starts_in(text, range.clone()));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> String {
        let a = analyze(text);
        let edits = plan_cleaning_analyzed(text, &a, &crate::clean::RuleSet::default());
        crate::edit::apply(text, &edits).text
    }

    /// A paywall marker between the halves of a masked word: the word is whole only after
    /// the first round, and the next round (which looks only at the lines the first one
    /// changed) restores it.
    #[test]
    fn words_joined_by_the_first_round_are_cleaned_by_the_next() {
        let text = "关于2023年工作的报告\n\n全体D##paidbegin##员干部参加学习，砼$$paidend$$[tón]浇筑完成。\n其他内容照旧。\n";
        assert_eq!(
            cleaned(text),
            "关于2023年工作的报告\n\n全体党员干部参加学习，砼浇筑完成。\n其他内容照旧。\n"
        );
    }

    /// The classes carried over a round's edits are those of classifying the result anew:
    /// untouched runs copied, touched lines classified again.
    #[test]
    fn classes_carried_over_a_round_equal_classifying_the_result() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(fixtures)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        texts.extend(crate::test_seed::seed());
        texts.push(
            "汇编\n\n关于2023年工作的报告\n\n【哒哒素材库】\n全体D##paidbegin##员干部。\n\n\n\n\
             二、下一步打算\n客服微信：dada123\n砼[tón]浇筑   \n\n"
                .repeat(3),
        );
        let rules = crate::clean::RuleSet::default();
        let mut rounds = 0;
        for text in &texts {
            let index = LineIndex::new(text);
            let candidates = crate::junk::advert_candidate_starts(text);
            let classes = LineClasses::new(text, &index, &candidates);
            let outline = crate::split::split_classified(text, &index, &classes);
            let edits = crate::clean::plan(text, &outline, &rules);
            let applied = crate::edit::apply(text, &edits);
            if edits.is_empty() || applied.skipped > 0 {
                continue;
            }
            let new_index = LineIndex::new(&applied.text);
            let changed = Changed::new(&new_index, &edits);
            // Carried candidates may hold a few more lines (an edit's line is scanned again
            // and kept), never fewer: a candidate is only a line worth scoring.
            let new_candidates = changed.candidates(&applied.text, &candidates);
            let fresh_candidates = crate::junk::advert_candidate_starts(&applied.text);
            assert!(
                fresh_candidates
                    .iter()
                    .all(|c| new_candidates.binary_search(c).is_ok())
            );
            let carried =
                changed.classes(&classes, &index, &applied.text, &new_index, &new_candidates);
            let fresh = LineClasses::new(&applied.text, &new_index, &fresh_candidates);
            assert_eq!(carried, fresh);
            rounds += 1;
        }
        assert!(rounds >= 3, "only {rounds} texts had something to clean");
    }

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
        assert_eq!(edits, plan_cleaning(&text, &analysis.outline, &rules));
        assert_eq!(analysis.outline.reports.len(), text.len() / one.len());
        assert!(!edits.is_empty() && analysis.placeholders.len() > 1000);
    }

    /// An analysis kept while the user types one character over another (the length stays)
    /// is not trusted either: the advert the edit made is found, as on a fresh analysis.
    #[test]
    fn an_analysis_of_a_same_length_edit_is_not_trusted() {
        let before = "关于2023年工作的报告\n\n全体D员干部参加学习。\n请添加某某：qh2024\n";
        let after = before.replace("某某", "客服");
        assert_eq!(before.len(), after.len());
        let stale = analyze(before);
        let rules = crate::clean::RuleSet::default();
        let fresh_edits = plan_cleaning_analyzed(&after, &analyze(&after), &rules);
        let stale_edits = plan_cleaning_analyzed(&after, &stale, &rules);
        assert_eq!(stale_edits, fresh_edits);
        assert_eq!(
            crate::edit::apply(&after, &stale_edits).text,
            "关于2023年工作的报告\n\n全体党员干部参加学习。\n"
        );
        // A stale line start inside a character must not reach the planner either.
        let moved = "全体D员干部参加学习。\n关于2023年工作的报告\n\n请添加某某：qh2024\n";
        assert_eq!(moved.len(), before.len());
        let _ = plan_cleaning_analyzed(moved, &stale, &rules);
    }

    /// An analysis of another text (one kept while the user edits) is not trusted for what
    /// it scanned: the advert below is still found.
    #[test]
    fn an_analysis_of_another_text_is_not_trusted() {
        let text =
            "关于2023年工作的报告\n\n全体D员干部参加学习。\n更多范文请关注公众号：哒哒素材库\n";
        let other = analyze("另一段文字，没有广告\n");
        let edits = plan_cleaning_analyzed(text, &other, &crate::clean::RuleSet::default());
        assert_eq!(
            crate::edit::apply(text, &edits).text,
            "关于2023年工作的报告\n\n全体党员干部参加学习。\n"
        );
    }
}
