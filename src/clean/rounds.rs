//! The cleaning rounds, and the two ways into them: [`plan`] (the edits cleaning would
//! make, to preview or apply) and [`apply`] (the filled and cleaned text, with its
//! analysis, to write). A planning pass ([`super::plan_round`]) can change the structure it
//! decided from; the rounds plan again on each result until nothing changes, rescanning
//! only the lines the previous round touched. No dependency on egui.

use super::RuleSet;
use super::plan::{Hints, Planned, plan_with};
use crate::analysis::{Analysis, Before, Fingerprint, split_scanned};
use crate::model::{ByteRange, Edit, LineIndex, Outline};
use crate::placeholder::{self, Placeholder};
use crate::split::LineClasses;
use std::borrow::Cow;

/// The cleaning edits for `text`, planned until a further cleaning would change nothing.
///
/// `analysis` is reused (its outline and what it scanned) only when it was made of exactly
/// this text; an analysis of another text (one kept while the user typed, even when the edit
/// kept the length) is never trusted: the structure of `text` is found again.
///
/// One planning pass decides from the structure of the text as it is (which lines are junk,
/// where reports start, whether the 目录 is empty); its own edits can change that structure
/// (a brand word removed from a line that looked like a 目录 entry). Planning again on the
/// result and composing the rounds into one batch makes cleaning idempotent: cleaning clean
/// text changes nothing. Rounds after the first re-split the text for its structure only
/// (no headings, no placeholders) and scan again only the lines the previous round changed.
pub fn plan(text: &str, analysis: &Analysis, rules: &RuleSet) -> Vec<Edit> {
    if let Some(before) = analysis.before(text) {
        return run(text, &analysis.outline, rules, Some(before), false).edits;
    }
    if analysis.is_of(text) {
        return run(text, &analysis.outline, rules, None, false).edits;
    }
    let (index, structure, _, scanned) = split_scanned(text, &rules.origins);
    let before = Before {
        index: &index,
        candidates: &scanned.candidates,
        classes: &scanned.classes,
    };
    run(text, &structure, rules, Some(before), false).edits
}

/// The cleaned and filled text of a document, with the edits that made it.
#[derive(Debug, Clone)]
pub struct Cleaned {
    pub text: String,
    /// Fill edits, positioned in the original text.
    pub fills: Vec<Edit>,
    /// Cleaning edits, positioned in the filled text.
    pub cleaning: Vec<Edit>,
}

/// The filled and cleaned text of `text`, with its analysis: what is written. Scans only
/// what writing it needs: of `text` its structure (not each report's headings) and its
/// placeholders only when there are answers; of the result its structure (from the last
/// cleaning round, which had to split it anyway), its placeholders (what is left to fill)
/// and, with `outlines`, each report's headings (a .docx needs them, a .txt does not).
pub fn apply(
    text: &str,
    rules: &RuleSet,
    answers: &placeholder::Answers,
    outlines: bool,
) -> (Cleaned, Analysis) {
    let (index, outline, of, scanned) = split_scanned(text, &rules.origins);
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
        of: Some(of),
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
    let unchanged = cleaned.fills.is_empty() && cleaned.cleaning.is_empty();
    let after = Analysis {
        of: Some(if unchanged {
            of
        } else {
            Fingerprint::of(&cleaned.text)
        }),
        index,
        outline,
        placeholders,
        scanned: None,
    };
    (cleaned, after)
}

/// Fills the answered placeholders, then plans cleaning on the filled text and applies it,
/// also giving the line index and structure of the result when the last cleaning round
/// computed them, and (with `find_placeholders`) its placeholders when that round found
/// them (see [`run`]). Filling first means text that cleaning derives from the document
/// (the titles it writes into an empty 目录) carries the answers too.
fn clean_and_fill_rounds(
    text: &str,
    analysis: &Analysis,
    rules: &RuleSet,
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
    let rounds = run(filled_text, &structure, &rules, before, find_placeholders);
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

/// What the cleaning rounds made.
pub(crate) struct Rounds {
    pub edits: Vec<Edit>,
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

/// The cleaning rounds: [`plan`], with what the rounds computed on the way.
///
/// With `find_placeholders`, each round after the first looks for the placeholders of the
/// text it plans on, on another thread while it plans: when that round finds nothing more
/// to clean (the usual case) they are the cleaned text's, found while a core would idle.
pub(crate) fn run(
    text: &str,
    outline: &Outline,
    rules: &RuleSet,
    before: Option<Before>,
    find_placeholders: bool,
) -> Rounds {
    let first = first_round(text, outline, rules, before);
    if first.planned.edits.is_empty() {
        return Rounds {
            edits: first.planned.edits,
            text: None,
            last: None,
            placeholders: None,
        };
    }
    let applied = crate::edit::apply(text, &first.planned.edits);
    Next::after(first, before, applied.skipped == 0, text).finish(
        text,
        applied.text,
        rules,
        find_placeholders,
        None,
    )
}

/// The first cleaning round, planned on `text` (with what `before` knows of it), with the
/// advert candidates it used.
pub(crate) struct First {
    planned: Planned,
    candidates: Vec<usize>,
}

/// Plans the first cleaning round of `text`, whose structure is `outline`.
pub(crate) fn first_round(
    text: &str,
    outline: &Outline,
    rules: &RuleSet,
    before: Option<Before>,
) -> First {
    let candidates = match before {
        Some(b) => b.candidates.to_vec(),
        None => crate::junk::advert_candidate_starts(text),
    };
    let hints = Hints {
        index: before.map(|b| b.index),
        candidates: Some(&candidates),
        dirty: None,
        classes: before.map(|b| b.classes),
    };
    let planned = plan_with(text, outline, rules, &hints);
    First {
        planned,
        candidates,
    }
}

/// The edits of the cleaning rounds of `text` (as [`run`] gives them), the first round
/// (`first`) planned already with `before`, for a caller that owns the text and wants only
/// the edits (`qinggao inspect`). The second round, which finds nothing more to clean in
/// almost every text, plans on `text` itself, the first round's edits made in its own buffer
/// and undone after ([`crate::edit::apply_in_buffer`]): a large text is not held twice.
/// Only when that round finds more does cleaning go on, on a copy, as [`run`] does.
pub(crate) fn edits_in_buffer(
    text: &mut String,
    rules: &RuleSet,
    before: Option<Before>,
    first: First,
) -> Vec<Edit> {
    if first.planned.edits.is_empty() {
        return first.planned.edits;
    }
    let edits = first.planned.edits.clone();
    let (inverse, skipped) = crate::edit::apply_in_buffer(text, &edits);
    let mut next = Next::after(first, before, skipped == 0, text);
    let step = next.step(text, rules, false);
    let current = (!step.planned.edits.is_empty()).then(|| text.clone());
    let (_, undo_skipped) = crate::edit::apply_in_buffer(text, &inverse);
    debug_assert_eq!(undo_skipped, 0, "the first round's edits undone");
    match current {
        None => edits,
        Some(current) => next.finish(text, current, rules, false, Some(step)).edits,
    }
}

/// What a round after the first plans from: the round before it, and what is known of the
/// text that round planned on.
struct Next<'a> {
    /// The previous round's plan.
    round: Planned,
    /// Every round's edits so far, composed, positioned in the original text.
    edits: Vec<Edit>,
    /// Whether every edit so far applied: else nothing carried over can be trusted, and
    /// every round scans everything.
    trusted: bool,
    /// Whether the text the previous round's edits applied to ended with a newline (its
    /// line index does not say).
    applied_to_ends_with_newline: bool,
    /// The advert candidates of the text the previous round planned on.
    candidates: Vec<usize>,
    /// The line index and classes of that text, when known: the lines the round leaves
    /// alone keep their classes.
    prev: Option<(Cow<'a, LineIndex>, Cow<'a, LineClasses>)>,
}

/// One round after the first, planned on the text the rounds before it made.
struct Step {
    planned: Planned,
    index: LineIndex,
    outline: Outline,
    classes: LineClasses,
    placeholders: Option<Vec<Placeholder>>,
}

impl<'a> Next<'a> {
    /// After the first round of `text`, whose edits all applied when `trusted`.
    fn after(first: First, before: Option<Before<'a>>, trusted: bool, text: &str) -> Next<'a> {
        Next {
            edits: first.planned.edits.clone(),
            round: first.planned,
            trusted,
            applied_to_ends_with_newline: text.ends_with('\n'),
            candidates: first.candidates,
            prev: before.map(|b| (Cow::Borrowed(b.index), Cow::Borrowed(b.classes))),
        }
    }

    /// Plans the next round on `current`, the text the previous round's edits made.
    fn step(&mut self, current: &str, rules: &RuleSet, find_placeholders: bool) -> Step {
        let trusted = self.trusted;
        let index = match &self.prev {
            // The lines move with the edits: no need to read the whole text for them.
            Some((prev_index, _)) if trusted => {
                let moved = prev_index.after_edits(
                    self.applied_to_ends_with_newline,
                    &self.round.edits,
                    current,
                );
                debug_assert_eq!(
                    moved,
                    LineIndex::new(current),
                    "line index moved with the edits"
                );
                moved
            }
            _ => LineIndex::new(current),
        };
        let round = &self.round;
        let prev = &self.prev;
        let old_candidates = &self.candidates;
        let (planned, outline, classes, placeholders, candidates) = std::thread::scope(|s| {
            // Beside on a thread of its own when that pays (not for a file of a batch,
            // whose files already fill the cores), else after the planning below.
            let beside = current.len() >= crate::par::PARALLEL_MIN;
            let find = || placeholder::find(current, &index);
            let found = (find_placeholders && beside).then(|| s.spawn(find));
            let changed = Changed::new(&index, &round.edits);
            let candidates = if trusted {
                changed.candidates(current, old_candidates)
            } else {
                crate::junk::advert_candidate_starts(current)
            };
            let classes = match prev {
                Some((prev_index, prev_classes)) if trusted => {
                    changed.classes(prev_classes, prev_index, current, &index, &candidates)
                }
                _ => LineClasses::new(current, &index, &candidates),
            };
            let outline = crate::split::split_classified(current, &index, &classes);
            let hints = Hints {
                index: Some(&index),
                candidates: Some(&candidates),
                dirty: (trusted && round.settled)
                    .then_some((changed.ranges.as_slice(), round.brands.as_slice())),
                classes: Some(&classes),
            };
            let planned = plan_with(current, &outline, rules, &hints);
            let found = match found {
                Some(handle) => Some(crate::par::join(handle)),
                None => (find_placeholders && !beside).then(find),
            };
            (planned, outline, classes, found, candidates)
        });
        self.candidates = candidates;
        Step {
            planned,
            index,
            outline,
            classes,
            placeholders,
        }
    }

    /// Plans rounds on `current` (the text the rounds so far made of `text`) until one
    /// finds nothing, `first` being the next round when it was planned already.
    fn finish(
        mut self,
        text: &str,
        mut current: String,
        rules: &RuleSet,
        find_placeholders: bool,
        mut first: Option<Step>,
    ) -> Rounds {
        for _ in 0..EXTRA_CLEANING_ROUNDS {
            let step = match first.take() {
                Some(step) => step,
                None => self.step(&current, rules, find_placeholders),
            };
            if step.planned.edits.is_empty() {
                return Rounds {
                    edits: self.edits,
                    text: Some(current),
                    last: Some((step.index, step.outline)),
                    placeholders: step.placeholders,
                };
            }
            self.round = step.planned;
            self.prev = Some((Cow::Owned(step.index), Cow::Owned(step.classes)));
            let applied = crate::edit::apply(&current, &self.round.edits);
            self.trusted &= applied.skipped == 0;
            self.edits = crate::edit::compose(text, &self.edits, &current, &self.round.edits);
            self.applied_to_ends_with_newline = current.ends_with('\n');
            current = applied.text;
        }
        Rounds {
            edits: self.edits,
            text: Some(current),
            last: None,
            placeholders: None,
        }
    }
}

/// Where one round's edits landed in the text they made: the lines they touched, which the
/// next round scans again, and how the untouched text between them moved.
struct Changed<'a> {
    edits: &'a [Edit],
    /// Where each edit's new text starts in the new text.
    new_starts: Vec<usize>,
    /// The new text's lines holding an edit, as merged line-aligned byte ranges.
    ranges: Vec<ByteRange>,
}

impl<'a> Changed<'a> {
    /// `edits` (sorted, all applied) made the text `index` is of.
    fn new(index: &LineIndex, edits: &'a [Edit]) -> Changed<'a> {
        let mut new_starts = Vec::with_capacity(edits.len());
        let mut ranges: Vec<ByteRange> = Vec::new();
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

    use crate::analysis::analyze;

    fn cleaned(text: &str) -> String {
        let a = analyze(text);
        let edits = plan(text, &a, &crate::clean::RuleSet::default());
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

    /// Planning the rounds after the first in the text's own buffer gives the edits planning
    /// them on a copy gives, and leaves the text as it was: on texts whose second round
    /// finds nothing, and on ones where it finds more (a masked word joined by the first
    /// round; a site's labels the split learns once the first round simplified them).
    #[test]
    fn rounds_planned_in_the_buffer_equal_rounds_planned_on_a_copy() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts: Vec<String> = ["", "/genres", "/unseen"]
            .iter()
            .flat_map(|sub| {
                std::fs::read_dir(format!("{fixtures}{sub}"))
                    .into_iter()
                    .flatten()
            })
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        texts.extend(crate::test_seed::seed());
        texts.push(
            "关于2023年工作的报告\n\n全体D##paidbegin##员干部参加学习，砼$$paidend$$[tón]浇筑完成。\n"
                .to_string(),
        );
        let mut rules = crate::clean::RuleSet::default();
        rules.set_enabled(crate::clean::ids::TRADITIONAL, true);
        let mut more_rounds = 0;
        for text in &texts {
            let (_, on_copy) = crate::analysis::analyze_and_plan(text, &rules);
            let mut own = text.clone();
            let (_, in_buffer) = crate::analysis::analyze_and_plan_owned(&mut own, &rules);
            assert_eq!(in_buffer, on_copy);
            assert_eq!(&own, text, "the text is put back");
            let a = analyze(text);
            let first = plan_with(text, &a.outline, &rules, &Hints::default()).edits;
            more_rounds += usize::from(first != on_copy);
        }
        assert!(
            more_rounds >= 2,
            "{more_rounds} texts needed a second round"
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
            let edits = crate::clean::plan_round(text, &outline, &rules);
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

    /// An analysis kept while the user types one character over another (the length stays)
    /// is not trusted either: the advert the edit made is found, as on a fresh analysis.
    #[test]
    fn an_analysis_of_a_same_length_edit_is_not_trusted() {
        let before = "关于2023年工作的报告\n\n全体D员干部参加学习。\n请添加某某：qh2024\n";
        let after = before.replace("某某", "客服");
        assert_eq!(before.len(), after.len());
        let stale = analyze(before);
        let rules = crate::clean::RuleSet::default();
        let fresh_edits = plan(&after, &analyze(&after), &rules);
        let stale_edits = plan(&after, &stale, &rules);
        assert_eq!(stale_edits, fresh_edits);
        assert_eq!(
            crate::edit::apply(&after, &stale_edits).text,
            "关于2023年工作的报告\n\n全体党员干部参加学习。\n"
        );
        // A stale line start inside a character must not reach the planner either, nor a
        // stale outline: the moved line plans as on a fresh analysis.
        let moved = "全体D员干部参加学习。\n关于2023年工作的报告\n\n请添加某某：qh2024\n";
        assert_eq!(moved.len(), before.len());
        assert_eq!(
            plan(moved, &stale, &rules),
            plan(moved, &analyze(moved), &rules)
        );
    }

    /// An analysis of another text (one kept while the user edits) is not trusted for what
    /// it scanned: the advert below is still found.
    #[test]
    fn an_analysis_of_another_text_is_not_trusted() {
        let text =
            "关于2023年工作的报告\n\n全体D员干部参加学习。\n更多范文请关注公众号：哒哒素材库\n";
        let other = analyze("另一段文字，没有广告\n");
        let edits = plan(text, &other, &crate::clean::RuleSet::default());
        assert_eq!(
            crate::edit::apply(text, &edits).text,
            "关于2023年工作的报告\n\n全体党员干部参加学习。\n"
        );
    }
}
