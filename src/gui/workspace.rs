//! The open compilation: its text, the undo history, a revision number that changes with
//! every edit, and what the core derives from the text (analysis, cleaning plan), kept up
//! to date. The text changes only through [`Workspace::apply`], undo and redo.
//!
//! No egui here: this is the GUI's model, testable without a window.

use super::planner::{self, PlanKey, Planned, Planner};
use crate::analysis::{self, Analysis};
use crate::clean::RuleSet;
use crate::edit::History;
use crate::model::{ByteRange, Document, Edit, EditOrigin, Encoding, LineEnding};
use crate::placeholder::{Answers, Placeholder, PlaceholderKind};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Above this size, re-analysis waits for a pause in typing instead of running per keystroke.
pub const LIVE_ANALYSIS_LIMIT: usize = 256 * 1024;

/// Above this size, proofreading (tens of MB/s, the whole text) is not redone with every
/// analysis: it would hold the editor for a second after each pause on a 100 MB
/// compilation. The 校对 tab offers to run it at once instead.
pub const LIVE_PROOF_LIMIT: usize = 4 * 1024 * 1024;

pub struct Workspace {
    pub path: Option<PathBuf>,
    /// A document made with 文件 → 新建 (no source file; not the sample).
    pub untitled: bool,
    pub encoding: Encoding,
    pub line_ending: LineEnding,
    pub text: String,
    /// The source's format and its pieces' origins, moved along with every edit.
    pub source: crate::model::Source,
    pub history: History,
    /// Changes with every change of `text`; caches key on it.
    pub revision: u64,
    /// The revision that matches what is on disk (load) or was last exported.
    pub clean_revision: u64,
    pub analysis: Analysis,
    pub analysis_revision: u64,
    /// How many times the text was analysed (a cost the tests watch).
    pub analyses: u64,
    /// Edits made since the analysis ran, as (start, end, new length), to map its offsets.
    shifts: Vec<(usize, usize, usize)>,
    /// Where the text differs from the text analysed (None: nowhere), so that a large
    /// text's re-analysis reads again only that part ([`analysis::reanalyze`]).
    changed: Option<analysis::Changed>,
    /// The cleaning plan under the current rules; empty while it is being made again
    /// ([`Workspace::plan_pending`]).
    pub plan: Vec<Edit>,
    /// How many of the plan's changes each rule makes.
    pub rule_counts: BTreeMap<String, usize>,
    plan_key: PlanKey,
    /// A large text's plan is made on another thread.
    planner: Planner,
    /// The plan shown is not that of the current analysis and rules: one is being made.
    plan_pending: bool,
    /// Changes whenever the plan is recomputed.
    pub plan_generation: u64,
    /// The last proofreading (made with every analysis) and the revision of the text it read.
    pub proofread: Option<(u64, Vec<crate::proof::Finding>)>,
    /// The [`crate::proof::Finding::key`] of each of those findings.
    pub proof_keys: Vec<String>,
    /// The keys of the suggestions the user ignored (kept in the session).
    pub proof_ignored: std::collections::BTreeSet<String>,
    /// Every place an answer was written, followed through all later edits.
    pub filled: Vec<Filled>,
    /// The placeholders of the text as loaded, followed through all later edits, in text
    /// order: where each is now gives it the key `qinggao clean --fill` gives it.
    sources: Vec<SourcePlace>,
}

/// A placeholder of the text as loaded, and where it is in the current text.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcePlace {
    /// Where it is now: the placeholder, or what was written over it.
    pub range: ByteRange,
    /// As found in the loaded text (its range, line and column there).
    pub found: Placeholder,
    /// What it was ("XX").
    pub token: String,
}

impl SourcePlace {
    /// Its group in the loaded text ("XX区"), for a name with a suffix.
    fn group(&self) -> Option<String> {
        match self.found.suffix {
            Some(suffix) if self.found.kind == PlaceholderKind::Name => {
                Some(format!("{}{suffix}", self.token))
            }
            _ => None,
        }
    }

    /// What the text holds here when that is an answer (not a placeholder any more).
    fn answer<'a>(&self, text: &'a str) -> Option<&'a str> {
        let now = text.get(self.range.clone())?.trim();
        let still = now.is_empty()
            || now == self.token
            || now.chars().all(|c| "XxＸｘ×*＊.．0123456789".contains(c))
                && now.chars().any(|c| "XxＸｘ×*＊".contains(c));
        (!still).then_some(now)
    }
}

/// A place an answer was written, followed through every later change of the text (typing,
/// cleaning, undo, redo), so the fill panel can show what the text holds there, and a
/// place that undo gave back its placeholder is pending again.
#[derive(Debug, Clone, PartialEq)]
pub struct Filled {
    /// The answer key: the group ("XX区") or the occurrence ("31:12").
    pub key: String,
    pub is_group: bool,
    /// What stood there before the answer ("XX").
    pub placeholder: String,
    pub kind: PlaceholderKind,
    /// The suffix of a name group ("区"; "" for a bare place name).
    pub suffix: Option<&'static str>,
    /// The unit written after a quantity ("万元").
    pub unit: Option<String>,
    /// Where it is in the current text.
    pub range: ByteRange,
    /// A figure replaced in 数字核对 (`placeholder` is the figure it replaced), not an answer.
    pub figure: bool,
}

impl Filled {
    /// True while the text holds an answer here (not the placeholder again).
    pub fn is_answered(&self, text: &str) -> bool {
        text.get(self.range.clone())
            .is_some_and(|t| t != self.placeholder)
    }
}

impl Workspace {
    pub fn new(doc: Document) -> Workspace {
        let mut ws = Workspace {
            path: doc.path,
            untitled: false,
            encoding: doc.encoding,
            line_ending: doc.line_ending,
            text: doc.text,
            source: doc.source,
            history: History::default(),
            revision: 1,
            clean_revision: 1,
            analysis: Analysis::default(),
            analysis_revision: 0,
            analyses: 0,
            shifts: Vec::new(),
            changed: None,
            plan: Vec::new(),
            rule_counts: BTreeMap::new(),
            plan_key: (0, 0),
            planner: Planner::default(),
            plan_pending: false,
            plan_generation: 0,
            proofread: None,
            proof_keys: Vec::new(),
            proof_ignored: Default::default(),
            filled: Vec::new(),
            sources: Vec::new(),
        };
        super::timing::timed("analysis", || ws.refresh_analysis(true));
        ws.sources = ws
            .analysis
            .placeholders
            .iter()
            .map(|p| SourcePlace {
                range: p.range.clone(),
                token: p.text(&ws.text).to_string(),
                found: p.clone(),
            })
            .collect();
        ws
    }

    /// The occurrence key ("31:12", line and column in the file as loaded) of the
    /// placeholder now at `range`; None for one that was not in the loaded file.
    pub fn source_key(&self, range: &ByteRange) -> Option<String> {
        let i = self
            .sources
            .partition_point(|s| s.range.start < range.start);
        self.sources
            .get(i)
            .filter(|s| s.range == *range)
            .map(|s| s.found.key())
    }

    /// The answers file for what the text holds now: every placeholder of the loaded file
    /// that holds an answer, under its key in the loaded file, so `qinggao clean --fill`
    /// fills exactly these places with exactly these answers. A name group whose every
    /// place holds one answer is saved as that group's answer. `typed` adds the group
    /// answers of groups no place of which holds an answer (another file's groups, kept).
    pub fn answers(&self, typed: &Answers) -> Answers {
        let text = self.text.as_str();
        let mut out = Answers::new();
        // Per group: the one answer all its places hold, None once they differ.
        let mut groups: BTreeMap<String, Option<&str>> = BTreeMap::new();
        for s in &self.sources {
            let answer = s.answer(text);
            if let Some(g) = s.group() {
                let agreed = groups.entry(g).or_insert(answer);
                if *agreed != answer {
                    *agreed = None;
                }
            }
        }
        let mut answered_groups = std::collections::HashSet::new();
        for s in &self.sources {
            let Some(answer) = s.answer(text) else {
                continue;
            };
            if let Some(g) = s.group() {
                answered_groups.insert(g);
            }
            match s
                .group()
                .and_then(|g| groups.get(&g).copied().flatten().map(|_| g))
            {
                Some(g) => out.set_group(&g, answer),
                None => out.set_occurrence(&s.found.key(), answer),
            }
        }
        for (g, a) in &typed.groups {
            if !answered_groups.contains(g.as_str()) {
                out.set_group(g, a);
            }
        }
        out
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.clean_revision
    }

    /// The file name shown in the title and status bar.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None if self.untitled => "未命名".to_string(),
            None => "示例汇编.txt".to_string(),
        }
    }

    /// The name exported files start from: the source's name; for an untitled document
    /// its compilation title (else its first report's), as a file name.
    pub fn stem(&self) -> String {
        if let Some(stem) = self.path.as_ref().and_then(|p| p.file_stem()) {
            return stem.to_string_lossy().into_owned();
        }
        if !self.untitled {
            return "示例汇编".to_string();
        }
        let outline = &self.analysis.outline;
        let title = outline
            .title
            .as_deref()
            .or_else(|| outline.reports.first().map(|r| r.title.as_str()))
            .unwrap_or("");
        if title.trim().is_empty() {
            return "新建文稿".to_string();
        }
        // export::file_name numbers its names ("01-…"): without the number and extension.
        let name = crate::export::file_name(1, title, "x");
        let name = name.strip_suffix(".x").unwrap_or(&name);
        name.split_once('-').map_or(name, |(_, t)| t).to_string()
    }

    /// Applies `edits` as one undo step. With `merge` (typing, and every keystroke of an
    /// answer after its first) they fold into the previous step when that step continues
    /// (see [`History::apply_edits`]) and a large text's analysis waits for a pause;
    /// everything else re-analyses at once.
    pub fn apply(&mut self, edits: Vec<Edit>, label: &str, merge: bool) -> bool {
        let edits = crate::edit::normalize(edits);
        let shifts: Vec<_> = edits
            .iter()
            .map(|e| (e.range.start, e.range.end, e.new.len()))
            .collect();
        let source_edits = if self.source.pieces.is_empty() {
            Vec::new()
        } else {
            edits.clone()
        };
        let len = self.text.len();
        let Some(applied) = self
            .history
            .apply_edits(&mut self.text, edits, label, merge)
        else {
            return false;
        };
        self.follow(&applied);
        self.changed = analysis::Changed::after(self.changed, len, &applied);
        self.source.map_through(&source_edits);
        self.revision += 1;
        // Shifts of one batch are in pre-edit positions; record them last-first so each
        // maps positions that the ones before it (in text order) did not move yet.
        self.shifts.extend(shifts.into_iter().rev());
        self.refresh_analysis(!merge);
        true
    }

    /// Writes answers: `edits` (origin `Fill`) as one undo step, merged as
    /// [`Workspace::apply`] says, and `places` (the placeholders they fill) remembered as
    /// filled places from now on.
    pub fn fill(
        &mut self,
        places: Vec<Filled>,
        edits: Vec<Edit>,
        label: &str,
        merge: bool,
    ) -> bool {
        for p in places {
            if !self.filled.iter().any(|f| f.range == p.range) {
                self.filled.push(p);
            }
        }
        self.apply(edits, label, merge)
    }

    pub fn undo(&mut self) -> bool {
        let Some(applied) = self.history.undo_edits(&mut self.text) else {
            return false;
        };
        self.after_history(&applied);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(applied) = self.history.redo_edits(&mut self.text) else {
            return false;
        };
        self.after_history(&applied);
        true
    }

    fn after_history(&mut self, applied: &[Edit]) {
        // The text before these edits was as long as the text now, less what they added.
        let added: isize = applied
            .iter()
            .map(|e| e.new.len() as isize - e.range.len() as isize)
            .sum();
        let len = self.text.len().wrapping_add_signed(-added);
        self.changed = analysis::Changed::after(self.changed, len, applied);
        self.follow(applied);
        self.revision += 1;
        self.refresh_analysis(true);
    }

    /// Moves the filled places through `edits` (sorted, positions before them); a place
    /// whose text was deleted is forgotten.
    fn follow(&mut self, edits: &[Edit]) {
        let Some(first) = edits.first() else {
            return;
        };
        let mut growth = Vec::with_capacity(edits.len() + 1);
        let mut sum: isize = 0;
        growth.push(0);
        for e in edits {
            sum += e.new.len() as isize - e.range.len() as isize;
            growth.push(sum);
        }
        self.filled
            .retain_mut(|f| match map_range(&f.range, edits, &growth) {
                Some(r) => {
                    f.range = r;
                    true
                }
                None => false,
            });
        // Places before the first edit stay; a large file has many, typing moves few.
        let from = self
            .sources
            .partition_point(|s| s.range.end < first.range.start);
        let mut kept = from;
        for i in from..self.sources.len() {
            if let Some(r) = map_range(&self.sources[i].range, edits, &growth) {
                self.sources[i].range = r;
                self.sources.swap(kept, i);
                kept += 1;
            }
        }
        self.sources.truncate(kept);
    }

    /// Replaces the whole text as one undoable step (restoring an autosave).
    pub fn replace_all(&mut self, new_text: &str, label: &str) -> bool {
        match crate::edit::diff(&self.text, new_text) {
            Some(mut e) => {
                e.origin = EditOrigin::User;
                self.apply(vec![e], label, false)
            }
            None => false,
        }
    }

    pub fn analysis_is_stale(&self) -> bool {
        self.analysis_revision != self.revision
    }

    /// Re-analyses when the text changed; a large text waits unless `force`.
    pub fn refresh_analysis(&mut self, force: bool) {
        if !self.analysis_is_stale() {
            return;
        }
        if !force && self.text.len() > LIVE_ANALYSIS_LIMIT {
            return;
        }
        self.analysis = match self.changed.take() {
            // Only what the edits since the last analysis touched is read again.
            Some(changed) => {
                analysis::reanalyze(std::mem::take(&mut self.analysis), &self.text, changed)
            }
            None => analysis::analyze_with(&self.text, &self.source.pieces),
        };
        self.analyses += 1;
        self.analysis_revision = self.revision;
        self.shifts.clear();
        // Proofreading is part of the analysis: the 校对 tab and the editor's marks follow it
        // (on a text that proofreads in a few tens of milliseconds).
        if self.text.len() <= LIVE_PROOF_LIMIT {
            self.proofread_analysed();
        }
    }

    /// Proofreads the text as it is now (after analysing it, if it changed).
    pub fn run_proofreading(&mut self) {
        self.refresh_analysis(true);
        if self.fresh_proofreading().is_none() {
            self.proofread_analysed();
        }
    }

    /// Proofreads the analysed text (with every analysis).
    fn proofread_analysed(&mut self) {
        let found = crate::proof::proofread(&self.text, &self.analysis.outline);
        self.proof_keys = found.iter().map(|f| f.key(&self.text)).collect();
        self.proofread = Some((self.analysis_revision, found));
    }

    /// The proofreading findings when they were made of the text as it is now.
    pub fn fresh_proofreading(&self) -> Option<&[crate::proof::Finding]> {
        match &self.proofread {
            Some((rev, found)) if *rev == self.revision => Some(found),
            _ => None,
        }
    }

    /// Brings the cleaning plan up to date with the analysis and `rules`: at once for a
    /// small text; for a large one on another thread, the plan staying empty and
    /// [`Workspace::plan_pending`] true until a later call finds the job done.
    /// While the analysis is stale the plan stays that of the analysed text (planning the
    /// edited text on a stale outline would mix two texts).
    pub fn refresh_plan(&mut self, rules: &RuleSet) {
        if self.analysis_is_stale() {
            return;
        }
        let Some(key) = self.wanted(rules) else {
            return;
        };
        let finished = self.planner.finished();
        if self.adopt(finished, key) {
            return;
        }
        self.plan_pending = true;
        if self.planner.is_busy() {
            // One job at a time: a plan of an older text finishes first.
            return;
        }
        if self.text.len() <= LIVE_ANALYSIS_LIMIT {
            let planned = planner::plan(&self.text, &self.analysis, rules, &self.source);
            self.set_plan(key, planned);
            return;
        }
        self.plan.clear();
        self.planner.start(
            key,
            self.text.clone(),
            self.analysis.for_cleaning(),
            rules.clone(),
            self.source.clone(),
        );
    }

    /// Brings the analysis and the cleaning plan up to date now, waiting for the planning
    /// job if one runs: what applying or exporting the plan needs.
    pub fn settle_plan(&mut self, rules: &RuleSet) {
        self.refresh_analysis(true);
        let Some(key) = self.wanted(rules) else {
            return;
        };
        let waited = self.planner.wait();
        if self.adopt(waited, key) {
            return;
        }
        let planned = planner::plan(&self.text, &self.analysis, rules, &self.source);
        self.set_plan(key, planned);
    }

    /// True while the plan shown is not yet that of the analysed text and the rules.
    pub fn plan_pending(&self) -> bool {
        self.plan_pending || self.plan_key.0 != self.analysis_revision
    }

    /// The plan wanted under `rules` for the analysed text; None when it is the one shown.
    fn wanted(&self, rules: &RuleSet) -> Option<PlanKey> {
        let key = (self.analysis_revision, rules.fingerprint());
        (self.plan_key != key).then_some(key)
    }

    /// Takes the plan of a finished job when it is the one wanted (`key`); one of an older
    /// text or rule set is dropped.
    fn adopt(&mut self, job: Option<(PlanKey, Planned)>, key: PlanKey) -> bool {
        match job {
            Some((done, planned)) if done == key => {
                self.set_plan(key, planned);
                true
            }
            _ => false,
        }
    }

    fn set_plan(&mut self, key: PlanKey, planned: Planned) {
        self.plan_key = key;
        self.plan_generation += 1;
        self.plan = planned.edits;
        self.rule_counts = planned.rule_counts;
        self.plan_pending = false;
    }

    /// The edits since the analysis, as (start, end, new length), each in the text the
    /// ones before it made: what [`Workspace::map_offset`] maps through.
    pub fn shifts(&self) -> &[(usize, usize, usize)] {
        &self.shifts
    }

    /// Maps an offset from the (possibly stale) analysis to the current text.
    /// `stick_left`: an insertion exactly at the offset stays after it.
    pub fn map_offset(&self, mut pos: usize, stick_left: bool) -> usize {
        for &(start, end, new_len) in &self.shifts {
            if pos > end || (pos == end && !(stick_left && start == end)) {
                pos = pos - (end - start) + new_len;
            } else if pos > start {
                pos = start + new_len.min(pos - start);
            }
        }
        floor_boundary(&self.text, pos.min(self.text.len()))
    }

    /// A range from the (possibly stale) analysis, in the current text.
    pub fn mapped(&self, r: &ByteRange) -> ByteRange {
        let start = self.map_offset(r.start, true);
        let end = self.map_offset(r.end, false).max(start);
        start..end
    }

    /// The current text of a range from the analysis (never panics, even while the
    /// analysis waits for a pause in typing).
    pub fn analysed(&self, r: &ByteRange) -> &str {
        self.text.get(self.mapped(r)).unwrap_or("")
    }

    /// A placeholder of the analysis in the current text: its range, and that range with up
    /// to a few characters either side on its line (for prompts and lists).
    pub fn placeholder_context(
        &self,
        p: &crate::placeholder::Placeholder,
    ) -> (ByteRange, ByteRange) {
        let at = self.mapped(&p.range);
        let around = crate::placeholder::context_around(&self.text, at.clone());
        (at, around)
    }

    /// The current byte range of report `i` (mapped through edits since the analysis).
    pub fn report_range(&self, i: usize) -> ByteRange {
        let Some(r) = self.analysis.outline.reports.get(i) else {
            return 0..self.text.len();
        };
        let start = self.map_offset(r.range.start, true);
        let end = self.map_offset(r.range.end, false).max(start);
        start..end
    }

    /// The report holding byte `offset`, if any.
    pub fn report_at(&self, offset: usize) -> Option<usize> {
        let reports = &self.analysis.outline.reports;
        (0..reports.len()).find(|&i| {
            let r = self.report_range(i);
            offset >= r.start && offset <= r.end
        })
    }

    /// How many placeholders are still in report `i` (or the whole text).
    pub fn unfilled(&self, report: Option<usize>) -> usize {
        match report {
            Some(i) => self.analysis.report_placeholders(i).len(),
            None => self.analysis.placeholders.len(),
        }
    }

    /// Number of findings in all reports.
    pub fn findings(&self) -> usize {
        self.analysis
            .outline
            .reports
            .iter()
            .map(|r| r.findings.len())
            .sum()
    }
}

pub use crate::edit::floor_boundary;

/// `r` after `edits` (sorted, non-overlapping, positions before them; `growth[i]` is how
/// much the first `i` of them lengthen the text). An edit of exactly `r` (a fill, its undo,
/// another answer) gives the range of its new text; one inside `r` grows or shrinks it; an
/// insertion at either end stays outside. None when nothing of `r` is left.
fn map_range(r: &ByteRange, edits: &[Edit], growth: &[isize]) -> Option<ByteRange> {
    let key = (r.start, r.end);
    let i = edits.partition_point(|e| (e.range.start, e.range.end) < key);
    if let Some(e) = edits.get(i)
        && e.range == *r
    {
        let start = r.start.wrapping_add_signed(growth[i]);
        return Some(start..start + e.new.len());
    }
    // `start_side`: an insertion right at `pos` goes before it.
    let map = |pos: usize, start_side: bool| -> usize {
        let i = edits.partition_point(|e| {
            e.range.end < pos || (e.range.end == pos && (!e.range.is_empty() || start_side))
        });
        match edits.get(i) {
            // `pos` inside a replaced span: just after its new text, or just before it.
            Some(e) if e.range.start < pos => {
                let at = e.range.start.wrapping_add_signed(growth[i]);
                if start_side { at + e.new.len() } else { at }
            }
            _ => pos.wrapping_add_signed(growth[i]),
        }
    };
    let (start, end) = (map(r.start, true), map(r.end, false));
    (start < end).then_some(start..end)
}

/// Char index (what egui cursors count) of byte `offset` in `s`.
pub fn char_index(s: &str, offset: usize) -> usize {
    s[..floor_boundary(s, offset)].chars().count()
}

/// Byte offset of char index `ci` in `s`.
pub fn byte_offset(s: &str, ci: usize) -> usize {
    s.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::user_edit;

    #[test]
    fn offsets_follow_typing_before_reanalysis() {
        let text = "一、总结\n".repeat(100_000);
        let mut ws = Workspace::new(Document::from_text(text));
        let rev = ws.analysis_revision;
        let at = 3;
        let e = user_edit(&ws.text, at..at, "新增");
        assert!(ws.apply(vec![e], "输入", true));
        assert_eq!(ws.analysis_revision, rev, "large text waits for a pause");
        assert_eq!(ws.map_offset(0, true), 0);
        assert_eq!(ws.map_offset(3, true), 3);
        assert_eq!(ws.map_offset(3, false), 9);
        assert_eq!(ws.map_offset(100, false), 106);
        ws.refresh_analysis(true);
        assert_eq!(ws.map_offset(100, false), 100);
    }

    #[test]
    fn undo_restores_text_and_changes_revision() {
        let mut ws = Workspace::new(Document::from_text("XX区工作"));
        let e = user_edit(&ws.text, 0..2, "滨江");
        ws.apply(vec![e], "填写", false);
        assert!(ws.is_dirty());
        let r = ws.revision;
        assert!(ws.undo());
        assert_eq!(ws.text, "XX区工作");
        assert!(ws.revision > r);
    }

    #[test]
    fn char_and_byte_offsets_round_trip() {
        let s = "一二a三";
        assert_eq!(char_index(s, 6), 2);
        assert_eq!(byte_offset(s, 3), 7);
        assert_eq!(byte_offset(s, 9), s.len());
    }

    fn place(ws: &Workspace, range: ByteRange) -> Filled {
        Filled {
            key: "XX区".into(),
            is_group: true,
            placeholder: ws.text[range.clone()].to_string(),
            kind: PlaceholderKind::Name,
            suffix: Some("区"),
            unit: None,
            range,
            figure: false,
        }
    }

    /// A filled place follows typing before it and inside it, undo gives it back its
    /// placeholder, redo its answer, and deleting its text forgets it.
    #[test]
    fn filled_places_follow_edits_undo_and_redo() {
        let mut ws = Workspace::new(Document::from_text("一、XX区工作\n二、XX区计划\n"));
        let ranges: Vec<ByteRange> = ws.text.match_indices("XX").map(|(i, _)| i..i + 2).collect();
        let places = ranges.iter().map(|r| place(&ws, r.clone())).collect();
        let edits = ranges
            .iter()
            .map(|r| Edit {
                range: r.clone(),
                old: "XX".into(),
                new: "滨江".into(),
                origin: EditOrigin::Fill("XX区".into()),
            })
            .collect();
        assert!(ws.fill(places, edits, "填写 XX区", false));
        let held = |ws: &Workspace| -> Vec<String> {
            ws.filled
                .iter()
                .map(|f| ws.text[f.range.clone()].to_string())
                .collect()
        };
        assert_eq!(held(&ws), ["滨江", "滨江"]);
        let e = user_edit(&ws.text, 0..0, "前言\n");
        ws.apply(vec![e], "输入", true);
        assert_eq!(held(&ws), ["滨江", "滨江"], "typing before moves them");
        let at = ws.filled[0].range.start + 3;
        let e = user_edit(&ws.text, at..at, "新");
        ws.apply(vec![e], "输入", false);
        assert_eq!(held(&ws), ["滨新江", "滨江"], "typing inside grows it");
        let end = ws.filled[1].range.end;
        let e = user_edit(&ws.text, end..end, "x");
        ws.apply(vec![e], "输入", false);
        assert_eq!(
            held(&ws),
            ["滨新江", "滨江"],
            "typing at its end stays outside"
        );
        assert!(ws.undo() && ws.undo() && ws.undo());
        assert_eq!(held(&ws), ["滨江", "滨江"]);
        assert!(ws.undo());
        assert_eq!(held(&ws), ["XX", "XX"], "undo gives the placeholders back");
        assert!(!ws.filled[0].is_answered(&ws.text));
        assert!(ws.redo());
        assert_eq!(held(&ws), ["滨江", "滨江"]);
        assert!(ws.filled[0].is_answered(&ws.text));
        // Deleting the line of the first place forgets it.
        let line = ws.text.find("一、").unwrap()..ws.text.find("二、").unwrap();
        let e = user_edit(&ws.text, line, "");
        ws.apply(vec![e], "删除", false);
        assert_eq!(held(&ws), ["滨江"]);
    }

    /// Answers are saved under the place's line and column in the loaded text, even after
    /// a longer answer earlier on its line and a deletion before it; a group all of whose
    /// places hold one answer is saved as the group, one answered in part place by place.
    #[test]
    fn answers_are_keyed_where_the_placeholders_stood_in_the_loaded_text() {
        let loaded = "投资(cè)XX万元，XX区建XX座。\nXX区其他。\n";
        let mut ws = Workspace::new(Document::from_text(loaded));
        let at = |ws: &Workspace, needle: &str| {
            let i = ws.text.find(needle).unwrap();
            i..i + "XX".len()
        };
        let zuo = at(&ws, "XX座");
        assert_eq!(ws.source_key(&zuo).as_deref(), Some("1:16"));
        let wan = at(&ws, "XX万");
        let e = user_edit(&ws.text, wan, "1200");
        ws.apply(vec![e], "填写", false);
        let gloss = ws.text.find("(cè)").unwrap();
        let e = user_edit(&ws.text, gloss..gloss + "(cè)".len(), "");
        ws.apply(vec![e], "清理", false);
        ws.refresh_analysis(true);
        let zuo = at(&ws, "XX座");
        assert_eq!(ws.source_key(&zuo).as_deref(), Some("1:16"), "{}", ws.text);
        let e = user_edit(&ws.text, zuo, "35");
        ws.apply(vec![e], "填写", false);
        let first_qu = at(&ws, "XX区");
        let e = user_edit(&ws.text, first_qu, "临川");
        ws.apply(vec![e], "填写", false);
        let a = ws.answers(&Answers::new());
        let occurrences: Vec<(&str, &str)> = a
            .occurrences
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            occurrences,
            [("1:12", "临川"), ("1:16", "35"), ("1:7", "1200")]
        );
        assert!(a.groups.is_empty(), "XX区 is answered in one place of two");
        let second_qu = at(&ws, "XX区");
        let e = user_edit(&ws.text, second_qu, "临川");
        ws.apply(vec![e], "填写", false);
        let a = ws.answers(&Answers::new());
        assert_eq!(a.groups.get("XX区").map(String::as_str), Some("临川"));
        assert_eq!(a.occurrences.len(), 2);
        // Undo gives a place its placeholder back: it is no longer answered.
        assert!(ws.undo() && ws.undo() && ws.undo());
        let a = ws.answers(&Answers::new());
        assert!(!a.occurrences.contains_key("1:16"), "{a:?}");
        assert!(a.occurrences.contains_key("1:7"), "{a:?}");
    }
}
