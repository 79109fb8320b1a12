//! One call that runs the whole read-only pipeline on a text: split into reports, outline
//! each, find placeholders and findings. Both shells (GUI, CLI) call this. An analysis
//! knows the text it was made of (by fingerprint), so what uses it with a text checks that
//! it is that text; cleaning ([`crate::clean`]) reuses what the analysis scanned only then.

use crate::model::{LineIndex, Outline, Report};
use crate::placeholder::{self, Placeholder};
use crate::split::{Learned, LineClasses};
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
    /// What the split learned of the whole text, to split it again after an edit.
    pub learned: Learned,
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

    /// What cleaning reads of this analysis (the reports without their outlines, and what
    /// the split scanned), for planning on another thread while this one is edited on: a
    /// fraction of a copy of the whole.
    pub fn for_cleaning(&self) -> Analysis {
        let reports = self
            .outline
            .reports
            .iter()
            .map(|r| Report {
                title: r.title.clone(),
                title_inferred: r.title_inferred,
                title_line: r.title_line,
                lines: r.lines.clone(),
                range: r.range.clone(),
                outline: Vec::new(),
                roles: Vec::new(),
                findings: Vec::new(),
                label: r.label.clone(),
            })
            .collect();
        Analysis {
            index: self.index.clone(),
            outline: Outline {
                title: self.outline.title.clone(),
                title_line: self.outline.title_line,
                toc: self.outline.toc.clone(),
                reports,
            },
            placeholders: Vec::new(),
            of: self.of,
            scanned: self.scanned.clone(),
        }
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
    analyze_with(text, &[])
}

/// [`analyze`] of a document's text, with where its pieces came from (`layout`: a Word
/// document's [`crate::model::Source`] pieces): the lines read from a page's header or footer
/// are never a report or its title.
pub fn analyze_with(text: &str, layout: &[crate::model::Piece]) -> Analysis {
    analyze_beside(text, layout, |_, _| (), |_| ()).0
}

/// [`analyze`] and [`crate::clean::plan`] of the same text, as `qinggao inspect` needs both:
/// cleaning starts as soon as the reports are found, beside the outlines and placeholders.
pub fn analyze_and_plan(
    text: &str,
    rules: &crate::clean::RuleSet,
) -> (Analysis, Vec<crate::model::Edit>) {
    let (analysis, edits, _) = analyze_beside(
        text,
        &rules.origins,
        |before, structure| {
            crate::clean::rounds::run(text, structure, rules, Some(before), false).edits
        },
        |_| (),
    );
    (analysis, edits)
}

/// [`analyze_and_plan`] of a text the caller owns, with the same result: cleaning's rounds
/// after the first plan on the text itself, edited in its own buffer and put back, not on a
/// copy, so a large text is not held twice ([`crate::clean::rounds::edits_in_buffer`]).
pub fn analyze_and_plan_owned(
    text: &mut String,
    rules: &crate::clean::RuleSet,
) -> (Analysis, Vec<crate::model::Edit>) {
    let (analysis, edits, _) = analyze_and_plan_reading(text, rules, |_| ());
    (analysis, edits)
}

/// [`analyze_and_plan_owned`] for a caller that reads each report's outline once: `read`
/// gets every report (on any thread, in any order) right after its outline is made, and
/// returns what the caller keeps of it, in report order. It may take the outline away: a
/// summary that only counts headings then never holds a large compilation's million of
/// them (about 50 MB for 100 MB of text) at once.
pub fn analyze_and_plan_reading<S: Send>(
    text: &mut String,
    rules: &crate::clean::RuleSet,
    read: impl Fn(&mut Report) -> S + Sync,
) -> (Analysis, Vec<crate::model::Edit>, Vec<S>) {
    let (analysis, first, read) = analyze_beside(
        text,
        &rules.origins,
        |before, structure| crate::clean::rounds::first_round(text, structure, rules, Some(before)),
        read,
    );
    let before = analysis.scanned.as_ref().map(|s| Before {
        index: &analysis.index,
        candidates: &s.candidates,
        classes: &s.classes,
    });
    let edits = crate::clean::rounds::edits_in_buffer(text, rules, before, first);
    (analysis, edits, read)
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
/// sequential parts then leave no core idle. `read` sees each report once outlined (see
/// [`analyze_and_plan_reading`]); what it returns comes back in report order.
fn analyze_beside<T: Send, S: Send>(
    text: &str,
    layout: &[crate::model::Piece],
    beside: impl FnOnce(Before, &Outline) -> T + Send,
    read: impl Fn(&mut Report) -> S + Sync,
) -> (Analysis, T, Vec<S>) {
    let (index, structure, of, scanned) = split_scanned(text, layout);
    let before = Before {
        index: &index,
        candidates: &scanned.candidates,
        classes: &scanned.classes,
    };
    let (outline, placeholders, other, read) = if text.len() < crate::par::PARALLEL_MIN {
        let other = beside(before, &structure);
        let mut outline = structure;
        let read = outline
            .reports
            .iter_mut()
            .map(|r| {
                crate::split::add_outline(text, &index, r);
                read(r)
            })
            .collect();
        (outline, placeholder::find(text, &index), other, read)
    } else {
        // `beside` is the long sequential task (cleaning, round after round); outlining the
        // reports and finding the placeholders are cut into many small jobs that fill the
        // other core, and both once it is done.
        let mut outline = structure.clone();
        let runs: Vec<Mutex<(&mut [crate::model::Report], Vec<S>)>> =
            crate::split::report_runs(&mut outline.reports, ANALYSIS_PIECES)
                .into_iter()
                .map(|run| Mutex::new((run, Vec::new())))
                .collect();
        let slices = crate::par::line_slices(text.as_bytes(), ANALYSIS_PIECES);
        let found: Vec<Mutex<Vec<Placeholder>>> = slices.iter().map(|_| Mutex::default()).collect();
        let other = crate::par::beside_jobs(
            || beside(before, &structure),
            runs.len() + slices.len(),
            |i| match i.checked_sub(runs.len()) {
                None => {
                    let (run, kept) = &mut *lock(&runs[i]);
                    for r in run.iter_mut() {
                        crate::split::add_outline(text, &index, r);
                        kept.push(read(r));
                    }
                }
                Some(j) => *lock(&found[j]) = placeholder::find_in(text, &index, slices[j].clone()),
            },
        );
        let read = runs
            .into_iter()
            .flat_map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()).1)
            .collect();
        let placeholders = crate::par::join_lists(
            found
                .into_iter()
                .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
                .collect(),
        );
        (outline, placeholders, other, read)
    };
    let analysis = Analysis {
        index,
        outline,
        placeholders,
        of: Some(of),
        scanned: Some(scanned),
    };
    (analysis, other, read)
}

/// The line index and the reports (without their outlines) of `text`, with its fingerprint
/// and what the split scanned; the lines `layout` says a Word page's header or footer gave
/// are junk ([`LineClasses::mark_layout`]).
pub(crate) fn split_scanned(
    text: &str,
    layout: &[crate::model::Piece],
) -> (LineIndex, Outline, Fingerprint, Scanned) {
    let index = LineIndex::new(text);
    let candidates = crate::junk::advert_candidate_starts(text);
    let mut classes = LineClasses::new(text, &index, &candidates);
    classes.mark_layout(text, &index, layout);
    let (structure, learned) = crate::split::split_learning(text, &index, &classes);
    let scanned = Scanned {
        candidates,
        classes,
        learned,
    };
    (index, structure, Fingerprint::of(text), scanned)
}

/// Where a text differs from the text an analysis was made of: its first `start` bytes and
/// its last `tail` bytes are those of the analysed text; what lies between may differ. An
/// editor keeps one of these while the user types ([`Changed::after`] each edit) and hands
/// it to [`reanalyze`] once typing pauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    pub start: usize,
    pub tail: usize,
}

impl Changed {
    /// `changed` (None: nothing changed yet) after `edits` (sorted, non-overlapping,
    /// positioned in the text before them, which was `len` bytes long) were applied.
    pub fn after(
        changed: Option<Changed>,
        len: usize,
        edits: &[crate::model::Edit],
    ) -> Option<Changed> {
        let (Some(first), Some(last)) = (edits.first(), edits.last()) else {
            return changed;
        };
        let here = Changed {
            start: first.range.start,
            tail: len.saturating_sub(last.range.end),
        };
        Some(match changed {
            None => here,
            Some(c) => Changed {
                start: c.start.min(here.start),
                tail: c.tail.min(here.tail),
            },
        })
    }
}

/// Below this many bytes of text (or when the changed part is a large share of it), a
/// re-analysis is the full [`analyze`]: it takes no longer than working out what to keep.
const INCREMENTAL_MIN: usize = 64 * 1024;

/// The analysis of `text`, made from `old` (the analysis of a text that differs from `text`
/// only where `changed` says) by analysing again only what the change can have touched:
/// the changed lines are scanned and classified again, the reports around them are split
/// again ([`crate::split::split_again`], which follows what the split learned of the whole
/// compilation: the site's numbering of its reports, reading lists; an edit of the
/// compilation's title or 目录 splits the whole text again), every other report keeps its
/// outline, moved, and the placeholders are found again in the changed lines only. The result equals `analyze(text)`; when `old` cannot
/// say what it was made of, or the change is a large part of the text, it is that call.
pub fn reanalyze(old: Analysis, text: &str, changed: Changed) -> Analysis {
    match Window::of(&old, text, changed) {
        Some(w) => w.reanalyze(old, text),
        None => analyze(text),
    }
}

/// The lines a change touched, with one unchanged line either side, in the old text and
/// the new: bytes `lo..old_hi` of the old text became `lo..new_hi` of the new; lines
/// `line_lo..old_line_hi` became `line_lo..new_line_hi`. Everything after moved by `bytes`
/// and `lines`.
struct Window {
    lo: usize,
    old_hi: usize,
    new_hi: usize,
    line_lo: usize,
    old_line_hi: usize,
    new_line_hi: usize,
    bytes: isize,
    lines: isize,
    index: LineIndex,
}

impl Window {
    fn of(old: &Analysis, text: &str, changed: Changed) -> Option<Window> {
        let old_len = old.index.text_len();
        old.scanned.as_ref()?;
        let unchanged = changed.start.checked_add(changed.tail)?;
        if old.of.is_none()
            || old_len == 0
            || text.len() < INCREMENTAL_MIN
            || unchanged > old_len
            || unchanged > text.len()
        {
            return None;
        }
        let index = &old.index;
        let old_count = index.line_count();
        let line_lo = index.line_of(changed.start).saturating_sub(1);
        let lo = index.line_start(line_lo);
        let old_end = old_len - changed.tail;
        let old_line_hi = (index.line_of(old_end) + 2).min(old_count);
        let old_hi = index.line_start(old_line_hi);
        let bytes = text.len() as isize - old_len as isize;
        let new_hi = old_hi.checked_add_signed(bytes)?;
        if new_hi < lo || new_hi > text.len() || (new_hi - lo) > text.len() / 4 {
            return None;
        }
        // The new line starts: the old ones before and after the window, moved, and those
        // of the window's new bytes.
        let window = crate::model::Edit {
            range: lo..old_hi,
            old: String::new(),
            new: text.get(lo..new_hi)?.to_string(),
            origin: crate::model::EditOrigin::User,
        };
        // Only consulted when the window stops short of the end, where both texts end alike.
        let new_index = index.after_edits(text.ends_with('\n'), &[window], text);
        let new_count = new_index.line_count();
        let new_line_hi = if new_hi >= text.len() {
            new_count
        } else {
            new_index.line_of(new_hi)
        };
        if new_index.line_start(new_line_hi) != new_hi
            || old_count - old_line_hi != new_count.checked_sub(new_line_hi)?
        {
            return None;
        }
        Some(Window {
            lo,
            old_hi,
            new_hi,
            line_lo,
            old_line_hi,
            new_line_hi,
            bytes,
            lines: new_line_hi as isize - old_line_hi as isize,
            index: new_index,
        })
    }

    fn reanalyze(self, old: Analysis, text: &str) -> Analysis {
        let Analysis {
            index: old_index,
            outline: old_outline,
            placeholders: old_placeholders,
            scanned,
            ..
        } = old;
        let Some(scanned) = scanned else {
            return analyze(text);
        };
        // Advert candidates: the window's scanned again, the others kept or moved.
        let mut candidates: Vec<usize> = scanned
            .candidates
            .iter()
            .copied()
            .take_while(|&c| c < self.lo)
            .collect();
        let first_in_window = candidates.len();
        candidates.extend(crate::junk::candidate_starts_in(text, self.lo..self.new_hi));
        let after_window = candidates.len();
        let from = scanned.candidates.partition_point(|&c| c < self.old_hi);
        candidates.extend(
            scanned.candidates[from..]
                .iter()
                .map(|&c| c.wrapping_add_signed(self.bytes)),
        );
        // Line classes: each line is classified by its own bytes, so only the window's.
        let mut classes = LineClasses::with_capacity(self.index.line_count());
        classes.extend_copy(&scanned.classes, 0..self.line_lo);
        let mut window_candidates = candidates[first_in_window..after_window].iter().peekable();
        for line in self.line_lo..self.new_line_hi {
            let start = self.index.line_start(line);
            while window_candidates.next_if(|&&c| c < start).is_some() {}
            let candidate = window_candidates.next_if(|&&c| c == start).is_some();
            classes.push_line(text, &self.index, line, candidate);
        }
        classes.extend_copy(&scanned.classes, self.old_line_hi..old_index.line_count());
        drop(old_index);
        // The text is hashed beside the split.
        let (outline, learned, of) = std::thread::scope(|s| {
            let of = s.spawn(|| Fingerprint::of(text));
            let (outline, learned) = self.split(text, &classes, old_outline, &scanned.learned);
            (outline, learned, crate::par::join(of))
        });
        let placeholders = self.placeholders(old_placeholders, text);
        Analysis {
            index: self.index,
            outline,
            placeholders,
            of: Some(of),
            scanned: Some(Scanned {
                candidates,
                classes,
                learned,
            }),
        }
    }

    /// The reports of the new text: those around the window split again, with their
    /// outlines, and the others kept, moved; or, when the edit touched the compilation's
    /// title or 目录, the whole text split again (a report whose lines and split are those
    /// it had, moved, still keeps its outline).
    fn split(
        &self,
        text: &str,
        classes: &LineClasses,
        old: Outline,
        learned: &Learned,
    ) -> (Outline, Learned) {
        let changed = crate::split::LinesChanged {
            lo: self.line_lo,
            old_hi: self.old_line_hi,
            new_hi: self.new_line_hi,
        };
        let again =
            crate::split::split_again(text, &self.index, classes, &old.reports, learned, changed);
        #[cfg(test)]
        tests::SPLIT_AGAIN.with(|n| n.set(n.get() + usize::from(again.is_some())));
        let Some(again) = again else {
            let (mut outline, learned) = crate::split::split_learning(text, &self.index, classes);
            let mut old_reports = old.reports;
            for r in &mut outline.reports {
                match self.kept_report(r, &mut old_reports) {
                    Some(kept) => *r = kept,
                    None => crate::split::add_outline(text, &self.index, r),
                }
            }
            return (outline, learned);
        };
        let mut reports = old.reports;
        let mut after = reports.split_off(again.keep_after);
        reports.truncate(again.keep_before);
        reports.reserve(again.fresh.len() + after.len());
        for mut r in again.fresh {
            crate::split::add_outline(text, &self.index, &mut r);
            reports.push(r);
        }
        for r in &mut after {
            shift_report(r, self.bytes, self.lines);
        }
        reports.append(&mut after);
        (Outline { reports, ..old }, again.learned)
    }

    /// The old report that `new` (a report of the new split, without its outline) is, moved,
    /// when it lies wholly before or after the window and was split alike: its headings,
    /// roles and findings are a function of its lines alone, so they stand, moved.
    fn kept_report(&self, new: &Report, old: &mut [Report]) -> Option<Report> {
        let (bytes, lines) = if new.lines.end <= self.line_lo {
            (0, 0)
        } else if new.lines.start >= self.new_line_hi {
            (self.bytes, self.lines)
        } else {
            return None;
        };
        let start = new.range.start.wrapping_add_signed(-bytes);
        let i = old.partition_point(|r| r.range.start < start);
        let o = old.get_mut(i)?;
        let at = o.range.clone();
        let mut moved = std::mem::replace(o, taken(at));
        shift_report(&mut moved, bytes, lines);
        let alike = moved.range == new.range
            && moved.lines == new.lines
            && moved.title_line == new.title_line
            && moved.title == new.title
            && moved.title_inferred == new.title_inferred
            && moved.label == new.label;
        if alike {
            Some(moved)
        } else {
            shift_report(&mut moved, -bytes, -lines);
            *o = moved;
            None
        }
    }

    /// The old placeholders before the window, those found in it, and the old ones after
    /// it, moved (a placeholder lies within its line; its column stays).
    fn placeholders(&self, mut old: Vec<Placeholder>, text: &str) -> Vec<Placeholder> {
        let before = old.partition_point(|p| p.range.start < self.lo);
        let after = old.partition_point(|p| p.range.start < self.old_hi);
        for p in &mut old[after..] {
            p.range = shift(&p.range, self.bytes);
            p.shift_lines(self.lines);
        }
        let found = placeholder::find_in(text, &self.index, self.lo..self.new_hi);
        old.splice(before..after, found);
        old
    }
}

/// What stands in the old reports for one that was kept: at its place (the old reports stay
/// in order for the search), with no lines, so it is never taken again.
fn taken(range: crate::model::ByteRange) -> Report {
    Report {
        title: String::new(),
        title_inferred: false,
        title_line: None,
        lines: 0..0,
        range,
        outline: Vec::new(),
        roles: Vec::new(),
        findings: Vec::new(),
        label: None,
    }
}

fn shift(r: &crate::model::ByteRange, by: isize) -> crate::model::ByteRange {
    r.start.wrapping_add_signed(by)..r.end.wrapping_add_signed(by)
}

/// Moves a report (its lines, bytes and everything found in it) by `bytes` and `lines`.
fn shift_report(r: &mut Report, bytes: isize, lines: isize) {
    if bytes == 0 && lines == 0 {
        return;
    }
    let line = |l: usize| l.wrapping_add_signed(lines);
    r.title_line = r.title_line.map(line);
    r.lines = line(r.lines.start)..line(r.lines.end);
    r.range = shift(&r.range, bytes);
    if let Some(label) = &mut r.label {
        label.line = line(label.line);
    }
    for h in &mut r.outline {
        h.line = line(h.line);
        h.marker_range = shift(&h.marker_range, bytes);
        h.text_range = shift(&h.text_range, bytes);
    }
    for role in &mut r.roles {
        role.line = line(role.line);
    }
    for f in &mut r.findings {
        f.line = line(f.line);
        f.range = shift(&f.range, bytes);
    }
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

    thread_local! {
        /// How many re-analyses split only around the edit.
        pub(super) static SPLIT_AGAIN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
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
        // Planned alone: with an analysis of no text, nothing of this one is reused.
        assert_eq!(
            edits,
            crate::clean::plan(&text, &Analysis::default(), &rules)
        );
        assert_eq!(analysis.outline.reports.len(), text.len() / one.len());
        assert!(!edits.is_empty() && analysis.placeholders.len() > 1000);
    }

    /// The tests' seeded generator (a failure prints its seed).
    struct Rng(fastrand::Rng);

    impl Rng {
        fn new(seed: u64) -> Rng {
            Rng(fastrand::Rng::with_seed(seed))
        }
        fn below(&mut self, n: usize) -> usize {
            self.0.usize(..n.max(1))
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    /// Lines of the genre, each shaping the split in its own way: titles, a site's labels,
    /// headings, date lines, adverts, a reading list, a 目录, placeholders, blank lines.
    const LINES: [&str; 19] = [
        "相关文章",
        "【篇四】XX镇2024年工作总结",
        "XX区2024年工作要点",
        "XX县2024年安全生产工作总结",
        "材料2：关于加强基层治理的实施方案",
        "【篇三】",
        "一、主要工作",
        "（二）抓好项目建设。全年完成投资XX万元，惠及XX户。",
        "1.压实工作责任。截至2023年X月X日，累计投入资金XX万元。",
        "今年以来，XX镇深入学习贯彻D的二十大精神，推动各项工作取得新成效，群众满意度明显提升。",
        "2024年12月X日",
        "【青禾文库】——海量精品范文每日更新，会员免费下载，需要请联系",
        "推荐阅读：",
        "目录",
        "同志们：",
        "",
        "",
        "$$paidbegin$$XX镇党委书记2024年度述职述廉报告",
        "二是强化督促检查，确保各项任务按期完成。",
    ];

    /// The fixture compilation followed by random lines of the genre, to `bytes` or more;
    /// or (one seed in two) a compilation whose reports a site numbered, now and then with a
    /// number left out, a label on its own line, a reading list after a report.
    fn compilation(rng: &mut Rng, bytes: usize) -> String {
        if rng.below(2) == 0 {
            return labelled_compilation(rng, bytes);
        }
        let mut text = include_str!("../tests/fixtures/compilation.txt").to_string();
        while text.len() < bytes {
            text.push_str(rng.pick(&LINES));
            text.push('\n');
        }
        text
    }

    fn labelled_compilation(rng: &mut Rng, bytes: usize) -> String {
        let mut text = String::from("2024年工作总结汇编\n\n");
        let word = rng.pick(&["范文", "【篇", "材料"]);
        let mut n = 0;
        while text.len() < bytes {
            n += 1 + usize::from(rng.below(30) == 0);
            let label = match word {
                "【篇" => format!("【篇{n}】"),
                w => format!("{w}{n}："),
            };
            let sep = if rng.below(5) == 0 { "\n" } else { "" };
            text.push_str(&format!(
                "{label}{sep}XX镇2024年{}\n",
                rng.pick(&TITLE_ENDS)
            ));
            for _ in 0..2 + rng.below(6) {
                text.push_str(rng.pick(&BODY));
                text.push('\n');
            }
            if rng.below(6) == 0 {
                text.push_str("推荐阅读：\nXX区2023年工作总结\nXX县2024年工作计划\n");
            }
            if rng.below(2) == 0 {
                text.push('\n');
            }
        }
        text
    }

    const TITLE_ENDS: [&str; 4] = ["工作总结", "述职报告", "工作计划", "安全生产工作总结"];

    const BODY: [&str; 5] = [
        "今年以来，XX镇深入学习贯彻D的二十大精神，推动各项工作取得新成效，群众满意度明显提升。",
        "一、主要工作",
        "（一）抓好项目建设。全年完成投资XX万元，惠及XX户。",
        "二是强化督促检查，确保各项任务按期完成。",
        "2024年12月X日",
    ];

    /// A random edit of `text` as a user makes one: a character typed over another (same
    /// length), an insertion (text, a newline, a title line, a heading, a placeholder), a
    /// deletion (a few characters, possibly across lines, or a whole line). Near `near`
    /// (within a few lines), when given: a user edits in one place, then another.
    fn random_edit(rng: &mut Rng, text: &str, near: Option<usize>) -> crate::model::Edit {
        let at = |rng: &mut Rng| {
            let at = match near {
                Some(n) => (n + rng.below(600)).saturating_sub(300),
                None => rng.below(text.len() + 1),
            };
            crate::edit::floor_boundary(text, at.min(text.len()))
        };
        let (range, new) = match rng.below(5) {
            0 => {
                let a = at(rng);
                let b = text[a..].chars().next().map_or(a, |c| a + c.len_utf8());
                let by = if text[a..b].len() == 3 { "镇" } else { "x" };
                (a..b, by.to_string())
            }
            1 => {
                let a = at(rng);
                let what = rng.pick(&[
                    "\n",
                    "\n\n",
                    "新增XX",
                    "XX区2025年工作计划\n",
                    "\n一、",
                    "材料3：",
                    "。",
                    "关注公众号：青禾君，获取更多精品材料\n",
                    "目录\n1.\n2.\n",
                    "【篇二】",
                    "范文3：",
                    "材料2：XX镇2024年工作总结\n",
                    "推荐阅读：\n",
                    "相关文章\nXX县2024年工作计划\n",
                ]);
                (a..a, what.to_string())
            }
            2 => {
                let a = at(rng);
                let b = crate::edit::floor_boundary(text, (a + rng.below(40)).min(text.len()));
                (a..b, String::new())
            }
            3 => {
                let a = at(rng);
                let start = text[..a].rfind('\n').map_or(0, |i| i + 1);
                let end = text[a..].find('\n').map_or(text.len(), |i| a + i + 1);
                (start..end, String::new())
            }
            _ => {
                let a = at(rng);
                let line = rng.pick(&LINES);
                (a..a, format!("{line}\n"))
            }
        };
        crate::edit::user_edit(text, range, &new)
    }

    fn assert_same(incremental: &Analysis, full: &Analysis, seed: u64) {
        assert_eq!(incremental.index, full.index, "line index, seed {seed}");
        assert_eq!(incremental.outline, full.outline, "outline, seed {seed}");
        assert_eq!(
            incremental.placeholders, full.placeholders,
            "placeholders, seed {seed}"
        );
        assert_eq!(incremental.of, full.of, "fingerprint, seed {seed}");
        let (a, b) = (incremental.scanned.as_ref(), full.scanned.as_ref());
        assert_eq!(
            a.map(|s| &s.learned),
            b.map(|s| &s.learned),
            "what the split learned, seed {seed}"
        );
        assert_eq!(
            a.map(|s| &s.candidates),
            b.map(|s| &s.candidates),
            "candidates, seed {seed}"
        );
        assert_eq!(
            a.map(|s| &s.classes),
            b.map(|s| &s.classes),
            "classes, seed {seed}"
        );
    }

    /// Random edits — characters typed over others, insertions, deletions, edits that make
    /// or unmake a title line, a heading, a report boundary, a 目录, a site's label (which can
    /// join or break its numbering of the reports), a reading list — one to three at a time,
    /// each followed by a re-analysis from the last: every time equal to a full analysis,
    /// and most of them split only around the edit.
    #[test]
    fn a_reanalysis_after_random_edits_equals_a_full_analysis() {
        let cases: u64 = std::env::var("PROPERTY_CASES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(12);
        let (mut incremental, mut rounds) = (0, 0);
        for seed in 0..cases {
            let mut rng = Rng::new(seed);
            let mut text = compilation(&mut rng, INCREMENTAL_MIN + 8 * 1024);
            let mut analysis = analyze(&text);
            for _ in 0..8 {
                let mut changed: Option<Changed> = None;
                // Now and then edits far apart: one window over both, or a full analysis.
                let far = rng.below(8) == 0;
                for _ in 0..1 + rng.below(3) {
                    let near = changed.filter(|_| !far).map(|c| c.start);
                    let e = random_edit(&mut rng, &text, near);
                    changed = Changed::after(changed, text.len(), std::slice::from_ref(&e));
                    text = crate::edit::apply(&text, &[e]).text;
                }
                let Some(changed) = changed else { continue };
                incremental += usize::from(Window::of(&analysis, &text, changed).is_some());
                rounds += 1;
                analysis = reanalyze(analysis, &text, changed);
                assert_same(&analysis, &analyze(&text), seed);
            }
        }
        assert!(
            incremental * 4 >= rounds * 3,
            "{incremental} of {rounds} incremental"
        );
        let split_again = SPLIT_AGAIN.with(|n| n.get());
        assert!(
            split_again * 3 >= rounds * 2,
            "{split_again} of {rounds} split only around the edit"
        );
    }

    /// An edit in one report of many re-analyses that report only: the others keep their
    /// outlines (the same values, moved), and the result is still the full analysis.
    #[test]
    fn a_reanalysis_keeps_the_reports_the_edit_did_not_touch() {
        let one = "XX县2023年工作总结\n\n今年以来，XX镇完成投资XX万元。\n一、主要工作\n（一）抓好项目。\n\n";
        let text = one.repeat(INCREMENTAL_MIN / one.len() + 100);
        let old = analyze(&text);
        let reports = old.outline.reports.len();
        let at = old.outline.reports[reports / 2].range.start + "XX县".len();
        let e = crate::edit::user_edit(&text, at..at, "新");
        let changed = Changed::after(None, text.len(), std::slice::from_ref(&e)).unwrap();
        let new_text = crate::edit::apply(&text, &[e]).text;
        let window = Window::of(&old, &new_text, changed).expect("a small change is incremental");
        assert!(
            window.new_hi - window.lo < 4 * one.len(),
            "only a few lines are read again"
        );
        let again = reanalyze(old, &new_text, changed);
        assert_same(&again, &analyze(&new_text), 0);
        assert_eq!(
            again.outline.reports[reports / 2].title,
            "XX县新2023年工作总结"
        );
    }
}
