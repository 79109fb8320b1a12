//! The text of the selected report, editable, with placeholders, text cleaning would remove
//! and masked words highlighted. One report at a time keeps a 1 MB compilation smooth; the
//! highlighted layout is cached by revision so an idle frame never re-hashes the text.
//!
//! Typing becomes edits (data) recorded by a [`egui::TextBuffer`] wrapper and applied to the
//! document through the workspace, so undo, the dirty mark and the outline never drift.

use super::command::Command;
use super::workspace::{Workspace, byte_offset, char_index, floor_boundary};
use crate::clean::{Category, RuleSet};
use crate::model::{ByteRange, Edit, EditOrigin};
use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Stroke};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// The undo label of typing; typing steps merge.
pub const TYPING: &str = "输入";

/// What a highlighted span marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    Placeholder,
    Removed,
    Masked,
    /// A match of the find bar.
    Found,
    /// The find bar's current match.
    Current,
    /// An answer written where a placeholder stood (hover shows what stood there).
    Filled,
    /// A proofreading suggestion (校对) not ignored.
    Suspect,
}

impl Mark {
    pub const ALL: [Mark; 5] = [
        Mark::Placeholder,
        Mark::Filled,
        Mark::Removed,
        Mark::Masked,
        Mark::Suspect,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mark::Placeholder => "待填占位符",
            Mark::Removed => "清理将删除",
            Mark::Masked => "被遮挡的词",
            Mark::Found => "查找结果",
            Mark::Current => "当前查找结果",
            Mark::Filled => "已填写",
            Mark::Suspect => "校对建议",
        }
    }

    pub fn color(self) -> Color32 {
        match self {
            Mark::Placeholder => Color32::from_rgba_unmultiplied(240, 170, 0, 110),
            Mark::Removed => Color32::from_rgba_unmultiplied(220, 50, 50, 90),
            Mark::Masked => Color32::from_rgba_unmultiplied(60, 130, 240, 110),
            Mark::Found => Color32::from_rgba_unmultiplied(120, 200, 80, 110),
            Mark::Current => Color32::from_rgba_unmultiplied(40, 170, 40, 210),
            Mark::Filled => Color32::from_rgba_unmultiplied(160, 110, 230, 90),
            Mark::Suspect => Color32::from_rgba_unmultiplied(255, 120, 40, 70),
        }
    }
}

/// A highlighted range of the report's text (bytes of the buffer).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub range: ByteRange,
    pub mark: Mark,
}

/// What a cached layout depends on: buffer generation, edits recorded this frame, highlight
/// version, wrap width, dark mode, text size.
type LayoutKey = (u64, u64, u64, u32, bool, u32);

/// The editor's state: the selected report's text as egui edits it, and its caches.
#[derive(Default)]
pub struct Editor {
    /// The selected report's text.
    pub buffer: String,
    /// The document range the buffer mirrors.
    pub range: ByteRange,
    pub report: usize,
    /// The workspace revision the buffer mirrors.
    pub revision: u64,
    /// Changes with every change of the buffer (typing or reload); keys the layout cache.
    generation: u64,
    pub spans: Vec<Span>,
    /// The analysis' highlights, before the find bar's matches go over them.
    base_spans: Vec<Span>,
    /// The find bar's matches (buffer bytes) and the current one.
    found: (Vec<ByteRange>, Option<usize>),
    /// Answers and replaced figures in the report shown (buffer bytes), each with its hover
    /// text (已填写/已替换 and what it replaced).
    filled: Vec<(ByteRange, String)>,
    spans_key: (u64, u64, usize, u64, (u64, usize)),
    /// Changes when the highlights change; keys the layout cache.
    spans_version: u64,
    galley: Option<(LayoutKey, Arc<Galley>)>,
    paragraphs: ParagraphCache,
    /// The cursor as a byte offset in the document, updated every frame.
    pub cursor: Option<usize>,
    /// A selection (document bytes) to set and scroll to on the next frame.
    pending: Option<ByteRange>,
    /// Give the text keyboard focus with the pending selection (false: a fill field keeps it).
    pub focus_text: bool,
    /// Line starts of a report too large to edit, keyed on `generation`.
    readonly_lines: Option<(u64, Vec<usize>)>,
}

/// A report larger than this opens read-only in a virtualised view: egui's text editor lays
/// out and copies the whole text every frame (~10–25 ms idle at 5 MB), which would freeze
/// the window on a huge file with no report structure. Cleaning, filling and export still
/// work on it.
pub const MAX_EDITABLE_BYTES: usize = 4 << 20;

pub const TEXT_ID: &str = "report_text";

impl Editor {
    /// Reloads the buffer when the document changed under it (undo, fills, cleaning, another
    /// report) and recomputes highlights when the analysis or the rules changed.
    pub fn sync(&mut self, ws: &Workspace, report: usize) {
        let mut range = ws.report_range(report);
        // A report's range stops before trailing blank lines; a newline just typed at the
        // end stays in the buffer so the next keystroke lands after it.
        let typed_end = range.start + self.buffer.len();
        if self.report == report
            && self.range.start == range.start
            && typed_end > range.end
            && typed_end <= ws.text.len()
            && ws.text.is_char_boundary(typed_end)
            && ws.text[range.end..typed_end].trim().is_empty()
            && ws.text[range.start..typed_end] == self.buffer
        {
            range.end = typed_end;
        }
        if self.revision != ws.revision || self.report != report || self.range != range {
            let current = &ws.text[range.clone()];
            if self.buffer != current {
                self.buffer = current.to_string();
                self.generation += 1;
            }
            self.range = range;
            self.report = report;
            self.revision = ws.revision;
        }
        let key = (
            ws.analysis_revision,
            ws.plan_generation,
            report,
            self.generation,
            (
                ws.proofread.as_ref().map_or(0, |p| p.0),
                ws.proof_ignored.len(),
            ),
        );
        if key != self.spans_key {
            self.filled = ws
                .filled
                .iter()
                .filter(|f| f.range.start >= self.range.start && f.range.end <= self.range.end)
                .filter(|f| {
                    ws.text
                        .get(f.range.clone())
                        .is_some_and(|t| t != f.placeholder)
                })
                .map(|f| {
                    let r = f.range.start - self.range.start..f.range.end - self.range.start;
                    let what = if f.figure { "已替换" } else { "已填写" };
                    (
                        r,
                        format!("{what}，原为“{}”（可用 Ctrl+Z 撤销）", f.placeholder),
                    )
                })
                .collect();
            self.base_spans = spans(ws, self.range.clone(), &self.filled);
            self.merge_spans();
            self.spans_key = key;
        }
    }

    /// Shows the find bar's matches (buffer bytes), `current` apart from the others.
    pub fn set_found(&mut self, found: Vec<ByteRange>, current: Option<usize>) {
        if self.found.0 != found || self.found.1 != current {
            self.found = (found, current);
            self.merge_spans();
        }
    }

    /// The highlights shown: the find bar's matches over the analysis' marks.
    fn merge_spans(&mut self) {
        let (found, current) = &self.found;
        let mut out: Vec<Span> = found
            .iter()
            .enumerate()
            .map(|(i, r)| Span {
                range: r.clone(),
                mark: if Some(i) == *current {
                    Mark::Current
                } else {
                    Mark::Found
                },
            })
            .collect();
        out.extend(
            self.base_spans
                .iter()
                .filter(|b| {
                    !found
                        .iter()
                        .any(|f| f.start < b.range.end && b.range.start < f.end)
                })
                .cloned(),
        );
        out.sort_by_key(|s| (s.range.start, s.range.end));
        if out != self.spans {
            self.spans = out;
            self.spans_version += 1;
        }
    }

    /// Changes with every change of the buffer.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Selects `range` (document bytes) and scrolls it into view on the next frame.
    pub fn select(&mut self, range: ByteRange) {
        self.pending = Some(range);
        self.focus_text = true;
    }

    /// The buffer offset of a document offset, clamped into the buffer.
    pub fn to_buffer(&self, doc_offset: usize) -> usize {
        floor_boundary(
            &self.buffer,
            doc_offset
                .saturating_sub(self.range.start)
                .min(self.buffer.len()),
        )
    }
}

/// Highlights of `range` of the document, in buffer bytes; `filled` are the answers in it
/// (buffer bytes, see [`Editor::sync`]).
fn spans(ws: &Workspace, range: ByteRange, filled: &[(ByteRange, String)]) -> Vec<Span> {
    let mut out = Vec::new();
    // The part inside `range`: a deletion of a report's last line takes its newline, which
    // lies past the report's end.
    let to_local = |r: &ByteRange| -> Option<ByteRange> {
        let s = ws.map_offset(r.start, false).max(range.start);
        let e = ws.map_offset(r.end, true).min(range.end);
        (e > s).then(|| s - range.start..e - range.start)
    };
    for p in &ws.analysis.placeholders {
        if let Some(r) = to_local(&p.range) {
            out.push(Span {
                range: r,
                mark: Mark::Placeholder,
            });
        }
    }
    // Answers where placeholders stood (buffer bytes already).
    out.extend(filled.iter().map(|(r, _)| Span {
        range: r.clone(),
        mark: Mark::Filled,
    }));
    for e in &ws.plan {
        let mark = match &e.origin {
            EditOrigin::Rule(id) if rule_category(id) == Some(Category::MaskedWord) => Mark::Masked,
            _ if e.new.is_empty() || e.new.len() < e.old.len() => Mark::Removed,
            _ => Mark::Masked,
        };
        if let Some(r) = to_local(&e.range) {
            out.push(Span { range: r, mark });
        }
    }
    // Proofreading suggestions, made with the analysis (so its offsets map the same way).
    if let Some((rev, found)) = &ws.proofread
        && *rev == ws.analysis_revision
    {
        for (f, key) in found.iter().zip(&ws.proof_keys) {
            if !ws.proof_ignored.contains(key)
                && let Some(r) = to_local(&f.range)
            {
                out.push(Span {
                    range: r,
                    mark: Mark::Suspect,
                });
            }
        }
    }
    out.sort_by_key(|s| (s.range.start, s.range.end));
    // Overlaps: the first wins, so the layout sections stay in order.
    let mut clean: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        if clean.last().is_none_or(|l| s.range.start >= l.range.end) {
            clean.push(s);
        }
    }
    clean
}

/// The category of a default rule, by id.
fn rule_category(id: &str) -> Option<Category> {
    thread_local! {
        static DEFAULTS: RuleSet = RuleSet::default();
    }
    DEFAULTS.with(|d| d.rules.iter().find(|r| r.id == id).map(|r| r.category))
}

/// Moves spans over edits made to the buffer (in the order made); spans an edit touches go.
fn shift_spans(spans: &mut Vec<Span>, edits: &[Edit]) {
    for e in edits {
        let (s, end, n) = (e.range.start, e.range.end, e.new.len());
        spans.retain(|sp| sp.range.end <= s || sp.range.start >= end);
        for sp in spans.iter_mut() {
            if sp.range.start >= end {
                sp.range = sp.range.start - (end - s) + n..sp.range.end - (end - s) + n;
            }
        }
    }
}

/// The layout of `text` with `spans` highlighted.
pub fn layout_job(
    text: &str,
    spans: &[Span],
    font: FontId,
    color: Color32,
    wrap: f32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap;
    let mut plain = TextFormat::simple(font.clone(), color);
    // Airier lines read better in long Chinese paragraphs.
    plain.line_height = Some(font.size * 1.55);
    let mut pos = 0;
    for sp in spans {
        let (s, e) = (sp.range.start.min(text.len()), sp.range.end.min(text.len()));
        if s < pos || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > pos {
            job.append(&text[pos..s], 0.0, plain.clone());
        }
        let mut f = plain.clone();
        f.background = sp.mark.color();
        if sp.mark == Mark::Removed {
            f.strikethrough = Stroke::new(1.0, color);
        }
        if sp.mark == Mark::Suspect {
            f.underline = Stroke::new(1.5, Color32::from_rgb(220, 80, 20));
        }
        job.append(&text[s..e], 0.0, f);
        pos = e;
    }
    if pos < text.len() || job.sections.is_empty() {
        job.append(&text[pos..], 0.0, plain);
    }
    job
}

/// Keeps every paragraph's layout alive between edits. egui caches paragraphs too, but only
/// those used in the last frame; since idle frames reuse our whole galley, egui's copies
/// would be gone by the next keystroke and the whole report laid out again. Paragraphs are
/// keyed by their text and highlights, so a keystroke lays out one paragraph.
#[derive(Default)]
struct ParagraphCache {
    galleys: std::collections::HashMap<u64, Arc<Galley>>,
    style: Option<(u32, Color32, u32)>,
}

impl ParagraphCache {
    fn layout(
        &mut self,
        ctx: &egui::Context,
        text: &str,
        spans: &[Span],
        font: &FontId,
        color: Color32,
        wrap: f32,
    ) -> Arc<Galley> {
        // As egui does: integer wrap widths keep layouts stable frame to frame.
        let wrap = if wrap.is_finite() { wrap.round() } else { wrap };
        let style = (font.size.to_bits(), color, wrap.to_bits());
        if self.style != Some(style) {
            self.galleys.clear();
            self.style = Some(style);
        }
        if !text.trim_end_matches('\n').contains('\n') {
            let job = layout_job(text, spans, font.clone(), color, wrap);
            return ctx.fonts_mut(|f| f.layout_job(job));
        }
        let mut next = std::collections::HashMap::with_capacity(self.galleys.len());
        let mut children = Vec::new();
        let mut first_span = 0;
        for (start, end) in paragraphs(text) {
            while first_span < spans.len() && spans[first_span].range.end <= start {
                first_span += 1;
            }
            let local: Vec<Span> = spans[first_span..]
                .iter()
                .take_while(|sp| sp.range.start < end.max(start + 1))
                .filter_map(|sp| {
                    let (s, e) = (sp.range.start.max(start), sp.range.end.min(end));
                    (s < e).then(|| Span {
                        range: s - start..e - start,
                        mark: sp.mark,
                    })
                })
                .collect();
            let slice = &text[start..end];
            let h = egui::util::hash((slice, &local));
            let g = match self.galleys.get(&h) {
                Some(g) => g.clone(),
                None => {
                    let job = layout_job(slice, &local, font.clone(), color, wrap);
                    ctx.fonts_mut(|f| f.layout_job(job))
                }
            };
            next.insert(h, g.clone());
            children.push(g);
        }
        self.galleys = next;
        // The merged galley's job only carries the text: every row keeps the formats of
        // its own paragraph's job (as in egui's own paragraph splitting).
        let mut job =
            LayoutJob::single_section(text.to_owned(), TextFormat::simple(font.clone(), color));
        job.wrap.max_width = wrap;
        Arc::new(Galley::concat(
            Arc::new(job),
            &children,
            ctx.pixels_per_point(),
        ))
    }
}

/// Byte ranges of the paragraphs of `text`, split at newlines exactly as egui splits a
/// job for [`Galley::concat`] (the newline belongs to no paragraph, except a final one).
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if end == text.len() - 1 && text.ends_with('\n') {
            end += 1;
        }
        out.push((start, end));
        start = end + 1;
    }
    out
}

/// Wraps the buffer so every change egui makes is recorded as an edit.
struct Recording<'a> {
    text: &'a mut String,
    edits: Rc<RefCell<Vec<Edit>>>,
}

impl egui::TextBuffer for Recording<'_> {
    fn is_mutable(&self) -> bool {
        true
    }
    fn as_str(&self) -> &str {
        self.text
    }
    fn insert_text(&mut self, text: &str, char_index: egui::text::CharIndex) -> usize {
        let at = byte_offset(self.text, char_index.0);
        self.text.insert_str(at, text);
        self.edits.borrow_mut().push(Edit {
            range: at..at,
            old: String::new(),
            new: text.to_string(),
            origin: EditOrigin::User,
        });
        text.chars().count()
    }
    fn delete_char_range(&mut self, char_range: std::ops::Range<egui::text::CharIndex>) {
        let s = byte_offset(self.text, char_range.start.0);
        let e = byte_offset(self.text, char_range.end.0).max(s);
        if s == e {
            return;
        }
        let old: String = self.text.drain(s..e).collect();
        self.edits.borrow_mut().push(Edit {
            range: s..e,
            old,
            new: String::new(),
            origin: EditOrigin::User,
        });
    }
    fn type_id(&self) -> std::any::TypeId {
        std::any::TypeId::of::<Recording<'static>>()
    }
}

/// A huge report, shown line by line: only the visible rows are laid out.
fn readonly_ui(ui: &mut egui::Ui, ed: &mut Editor, text_size: f32) {
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "本篇有 {:.1} MB，超过可编辑的 {} MB，只读显示；清理、填空和导出照常可用。",
            ed.buffer.len() as f64 / (1024.0 * 1024.0),
            MAX_EDITABLE_BYTES >> 20
        ),
    );
    if ed
        .readonly_lines
        .as_ref()
        .is_none_or(|(g, _)| *g != ed.generation)
    {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', ed.buffer.as_bytes()).map(|i| i + 1));
        ed.readonly_lines = Some((ed.generation, starts));
    }
    let Some((_, starts)) = &ed.readonly_lines else {
        return;
    };
    let font = FontId::proportional(text_size);
    let row_height = ui.ctx().fonts_mut(|f| f.row_height(&font));
    egui::ScrollArea::both()
        .id_salt("report_text_readonly")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, starts.len(), |ui, rows| {
            for row in rows {
                let end = starts
                    .get(row + 1)
                    .map_or(ed.buffer.len(), |&e| e.saturating_sub(1));
                let line = ed
                    .buffer
                    .get(starts[row]..end.max(starts[row]))
                    .unwrap_or("");
                // A very long line is cut for display only.
                let shown: String = line.chars().take(2000).collect();
                ui.add(egui::Label::new(egui::RichText::new(shown).font(font.clone())).extend());
            }
        });
}

/// Draws the legend and the editable text of the selected report.
pub fn ui(
    ui: &mut egui::Ui,
    ed: &mut Editor,
    _rules: &RuleSet,
    text_size: f32,
    cmds: &mut Vec<Command>,
) {
    legend_ui(ui, ed);
    if ed.buffer.len() > MAX_EDITABLE_BYTES {
        readonly_ui(ui, ed, text_size);
        return;
    }
    let id = egui::Id::unique(TEXT_ID);
    let ctx = ui.ctx().clone();
    let pending = ed.pending.take();
    let mut pending_cursor = None;
    if let Some(range) = &pending {
        let (s, e) = (ed.to_buffer(range.start), ed.to_buffer(range.end));
        let (cs, ce) = (char_index(&ed.buffer, s), char_index(&ed.buffer, e));
        let mut state = egui::TextEdit::load_state(&ctx, id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(CCursorRange::two(CCursor::new(cs), CCursor::new(ce))));
        egui::TextEdit::store_state(&ctx, id, state);
        if ed.focus_text {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        pending_cursor = Some(CCursor::new(cs));
    }

    let recorded = Rc::new(RefCell::new(Vec::<Edit>::new()));
    let font = FontId::proportional(text_size);
    // The body is what the user reads for long stretches: the strong text colour.
    let color = ui.visuals().strong_text_color();
    let dark = ui.visuals().dark_mode;
    let generation = ed.generation;
    let spans_version = ed.spans_version;
    let spans = &ed.spans;
    let filled = &ed.filled;
    let cache = &mut ed.galley;
    let para_cache = &mut ed.paragraphs;
    let rec = recorded.clone();
    let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap: f32| -> Arc<Galley> {
        let n = rec.borrow().len() as u64;
        let key = (
            generation,
            n,
            spans_version,
            wrap.to_bits(),
            dark,
            text_size.to_bits(),
        );
        if let Some((k, g)) = cache.as_ref()
            && *k == key
        {
            return g.clone();
        }
        let g = if n == 0 {
            para_cache.layout(ui.ctx(), buf.as_str(), spans, &font, color, wrap)
        } else {
            let mut moved = spans.clone();
            shift_spans(&mut moved, &rec.borrow());
            para_cache.layout(ui.ctx(), buf.as_str(), &moved, &font, color, wrap)
        };
        *cache = Some((key, g.clone()));
        g
    };

    let mut buffer = Recording {
        text: &mut ed.buffer,
        edits: recorded.clone(),
    };
    let output = egui::ScrollArea::vertical()
        .id_salt("report_text_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let out = egui::TextEdit::multiline(&mut buffer)
                .id(id)
                .desired_width(f32::INFINITY)
                .desired_rows(30)
                .frame(egui::Frame::NONE)
                .hint_text("报告正文")
                .layouter(&mut layouter)
                .show(ui);
            // Hovering an answer says what placeholder it replaced.
            if let Some(pos) = out.response.hover_pos() {
                let at = out.galley.cursor_from_pos(pos - out.galley_pos);
                let byte = byte_offset(egui::TextBuffer::as_str(&buffer), at.index.0);
                if let Some((_, hover)) = filled.iter().find(|(r, _)| r.contains(&byte)) {
                    let r: egui::Response = (*out.response).clone();
                    r.on_hover_text(hover);
                }
            }
            if let Some(c) = pending_cursor {
                let rect = out
                    .galley
                    .pos_from_cursor(c)
                    .translate(out.galley_pos.to_vec2())
                    .expand(40.0);
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
            out
        })
        .inner;

    let edits = std::mem::take(&mut *recorded.borrow_mut());
    if !edits.is_empty() {
        // Re-key the cached layout: it already shows the typed text, so the next frame
        // (same text, new revision) need not lay it out again.
        ed.generation += 1;
        if let Some((k, _)) = &mut ed.galley {
            k.0 = ed.generation;
            k.1 = 0;
        }
        shift_spans(&mut ed.spans, &edits);
        shift_spans(&mut ed.base_spans, &edits);
        let base = ed.range.start;
        let mut delta: isize = 0;
        let doc_edits: Vec<Edit> = edits
            .into_iter()
            .map(|mut e| {
                e.range = e.range.start + base..e.range.end + base;
                delta += e.new.len() as isize - e.old.len() as isize;
                e
            })
            .collect();
        // Each recorded edit is relative to the text after the previous one: one command each.
        for e in doc_edits {
            cmds.push(Command::Apply {
                edits: vec![e],
                label: TYPING.to_string(),
                merge: true,
            });
        }
        ed.range.end = (ed.range.end as isize + delta).max(ed.range.start as isize) as usize;
        ed.spans_key.3 = ed.generation;
    }
    if let Some(range) = output.cursor_range {
        let ci = range.primary.index.0;
        ed.cursor = Some(ed.range.start + byte_offset(&ed.buffer, ci));
    }
}

fn legend_ui(ui: &mut egui::Ui, ed: &Editor) {
    ui.horizontal_wrapped(|ui| {
        ui.label("图例：");
        let found = !ed.found.0.is_empty();
        let shown = Mark::ALL.into_iter().chain(found.then_some(Mark::Found));
        for m in shown {
            let n = match m {
                Mark::Found => ed.found.0.len(),
                _ => ed.spans.iter().filter(|s| s.mark == m).count(),
            };
            let text =
                egui::RichText::new(format!(" {} {n} ", m.label())).background_color(m.color());
            // Whole items move to the next row; none breaks inside ("校对 / 建议 3").
            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
        }
    });
    ui.separator();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_sections_cover_the_text_once() {
        let text = "一、XX区工作##paidend##";
        let spans = vec![
            Span {
                range: 6..8,
                mark: Mark::Placeholder,
            },
            Span {
                range: 17..text.len(),
                mark: Mark::Removed,
            },
        ];
        let job = layout_job(
            text,
            &spans,
            FontId::proportional(14.0),
            Color32::WHITE,
            100.0,
        );
        assert_eq!(job.text, text);
        assert_eq!(job.sections.len(), 4);
    }

    #[test]
    fn paragraph_cache_lays_out_like_egui_and_reuses_unchanged_paragraphs() {
        let text = "一、总体情况\nXX区全年完成投资XX万元。\n\n二、下一步打算\n继续推进。\n";
        let spans = vec![Span {
            range: 19..21,
            mark: Mark::Placeholder,
        }];
        let ctx = egui::Context::default();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = FontId::proportional(16.0);
            let direct = ui.ctx().fonts_mut(|f| {
                f.layout_job(layout_job(
                    text,
                    &spans,
                    font.clone(),
                    Color32::WHITE,
                    200.0,
                ))
            });
            let mut cache = ParagraphCache::default();
            let ours = cache.layout(ui.ctx(), text, &spans, &font, Color32::WHITE, 200.0);
            assert_eq!(ours.text(), direct.text());
            assert_eq!(ours.rows.len(), direct.rows.len());
            assert_eq!(ours.size(), direct.size());
            let kept = cache.galleys.len();
            let edited = text.replacen("继续推进", "继续全面推进", 1);
            cache.layout(ui.ctx(), &edited, &spans, &font, Color32::WHITE, 200.0);
            assert_eq!(
                cache.galleys.len(),
                kept,
                "one paragraph replaced, the others reused"
            );
        });
        out.textures_delta.clear();
    }

    /// A line cleaning deletes at the end of a report (a page number, an advert) is marked,
    /// although its deletion takes the newline past the report's end.
    #[test]
    fn a_deleted_last_line_of_a_report_is_marked() {
        let text = "XX镇2023年工作总结\n今年以来，我镇扎实推进各项工作。\n— 1 —\n\n\n\
                    XX村2023年工作总结\n今年以来，我村扎实推进各项工作。\n";
        let mut ws = Workspace::new(crate::model::Document::from_text(text));
        ws.refresh_plan(&crate::clean::RuleSet::default());
        let r = ws.report_range(0);
        let page = ws.text[r.clone()]
            .find("— 1 —")
            .expect("the page number is in report 1");
        let marks = spans(&ws, r, &[]);
        assert!(
            marks
                .iter()
                .any(|s| s.mark == Mark::Removed && s.range.start == page),
            "{:?}",
            marks.iter().map(|s| (&s.range, s.mark)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn spans_follow_typing() {
        let mut spans = vec![
            Span {
                range: 0..2,
                mark: Mark::Placeholder,
            },
            Span {
                range: 10..12,
                mark: Mark::Placeholder,
            },
        ];
        let e = Edit {
            range: 5..5,
            old: String::new(),
            new: "滨江".into(),
            origin: EditOrigin::User,
        };
        shift_spans(&mut spans, &[e]);
        assert_eq!(spans[0].range, 0..2);
        assert_eq!(spans[1].range, 16..18);
    }
}
