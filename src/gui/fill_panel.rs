//! The fill-in prompts: the report's placeholders, name groups first (one answer fills every
//! "XX区"), then each figure with its context and unit. Answered prompts stay listed (已填)
//! and editable. A field shows what the text holds at its places, never a copy: after undo,
//! redo or a report switch it cannot show another answer. An answer shows in the text as it
//! is typed, its keystrokes one undo step; Enter/Tab moves to the next unfilled one.
//! Above the prompts, 可一键修正 offers the fixes of the report's findings (crate::fixes);
//! below them, 数字核对 (collapsed at first) lists its figures to replace (crate::figures).

use super::app::App;
use super::command::{self, Action, Command};
use super::workspace::{Filled, Workspace};
use crate::model::{ByteRange, Edit, EditOrigin};
use crate::placeholder::{Check, Placeholder, PlaceholderKind};
use std::collections::{HashMap, HashSet};

/// One place a prompt fills, as the text is now.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub range: ByteRange,
    /// What the text holds there.
    pub text: String,
    /// What stood there before any answer ("XX").
    pub placeholder: String,
    /// The text holds an answer there.
    pub answered: bool,
}

/// One prompt: a name group or a single placeholder, built from the text each time it
/// changes.
#[derive(Debug, Clone, PartialEq)]
pub struct FillEntry {
    /// The answer key: the group ("XX区") or the occurrence ("31:12").
    pub key: String,
    pub is_group: bool,
    /// What the prompt is called (its accessible name too).
    pub label: String,
    pub kind: PlaceholderKind,
    /// The suffix of a name group ("区"; "" for bare place names).
    pub suffix: Option<&'static str>,
    /// The unit after a figure ("万元").
    pub unit: Option<String>,
    /// What the field asks for, shown in it while it is empty ("地名/单位名，如：滨江").
    pub hint: &'static str,
    /// How its answer is checked (a gentle mark, never a refusal).
    pub check: Check,
    pub spots: Vec<Spot>,
    /// An answer given for another name group that this one likely shares ("XX区" = 临川
    /// for the bare place names), offered for the user to confirm.
    pub suggestion: Option<String>,
}

/// Which prompts the panel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Pending,
    Answered,
}

/// Name suffixes of the places a report's own unit is ("XX区", "XX镇"): their answer is the
/// likely answer of the report's bare place names.
const PLACE_SUFFIXES: [&str; 9] = ["区", "县", "市", "镇", "乡", "街道", "旗", "州", "省"];

/// The hint of a prompt: what kind of answer it wants, never 数值 for a name.
fn hint_for(kind: PlaceholderKind, before: &str, after: &str) -> &'static str {
    match kind {
        PlaceholderKind::Name => "地名/单位名，如：滨江",
        PlaceholderKind::Date if after.starts_with('年') => "年份，如：2024",
        PlaceholderKind::Date if after.starts_with('月') => "月份，如：6",
        PlaceholderKind::Date => "日期，如：15",
        PlaceholderKind::Quantity
            if before.ends_with(['：', ':']) || after.starts_with(['：', ':']) =>
        {
            "比例中的一项，如：35"
        }
        PlaceholderKind::Quantity => "数字，如：120 或 3.5",
        PlaceholderKind::Other => "要填的内容",
    }
}

fn check_for(kind: PlaceholderKind, after: &str) -> Check {
    match kind {
        PlaceholderKind::Quantity => Check::Number,
        PlaceholderKind::Date if after.starts_with('年') => Check::Year,
        PlaceholderKind::Date if after.starts_with('月') => Check::Month,
        PlaceholderKind::Date if after.starts_with(['日', '号']) => Check::Day,
        _ => Check::Free,
    }
}

impl FillEntry {
    /// The answer the text holds: at its first answered place ("" when none is).
    pub fn answer(&self) -> &str {
        self.spots
            .iter()
            .find(|s| s.answered)
            .map_or("", |s| s.text.as_str())
    }

    /// Every place holds an answer.
    pub fn is_answered(&self) -> bool {
        self.spots.iter().all(|s| s.answered)
    }

    /// How many of its places hold an answer.
    pub fn answered_count(&self) -> usize {
        self.spots.iter().filter(|s| s.answered).count()
    }

    /// The suffix or unit written right after a place, which an answer must not repeat.
    fn tail_at<'a>(&'a self, text: &str, spot: &Spot) -> Option<&'a str> {
        let after = text.get(spot.range.end..).unwrap_or("");
        self.suffix
            .or(self.unit.as_deref())
            .filter(|t| after.starts_with(t))
    }

    /// What typing `value` writes at its places, place by place (the placeholder again for
    /// an empty value); the same for every place unless a tail differs.
    fn written(&self, text: &str, spot: &Spot, value: &str) -> String {
        let value = value.trim();
        if value.is_empty() {
            spot.placeholder.clone()
        } else {
            crate::placeholder::without_tail(value, self.tail_at(text, spot)).to_string()
        }
    }

    fn shown(&self, filter: Filter) -> bool {
        match filter {
            Filter::All => true,
            Filter::Pending => !self.is_answered(),
            Filter::Answered => self.is_answered(),
        }
    }

    /// The first occurrence inside `range` (the selected report), else the first one.
    pub fn first_in(&self, range: &ByteRange) -> Option<&Spot> {
        self.spots
            .iter()
            .find(|p| p.range.start >= range.start && p.range.end <= range.end)
            .or(self.spots.first())
    }
}

/// The answer being typed: its last keystroke made the newest undo step (at `revision`),
/// so the next one merges into it.
#[derive(Debug, Clone)]
pub struct LiveFill {
    pub key: String,
    pub report: usize,
    pub revision: u64,
}

#[derive(Debug, Default)]
pub struct FillState {
    /// What was typed into a field (key, report, text): shown instead of the text's answer
    /// only while the text holds exactly what it writes ("白鹭镇" typed, "白鹭" in the text).
    typed: Option<(String, usize, String)>,
    pub live: Option<LiveFill>,
    /// The prompt to give keyboard focus on the next frame.
    pub focus: Option<String>,
    pub filter: Filter,
    /// The prompts, cached by (text revision, analysis revision, report, whole compilation),
    /// with how many of the workspace's shifts they follow ([`Workspace::shifts`]).
    cache: Option<(CacheKey, usize, Vec<FillEntry>)>,
    /// 核对已填内容 is shown.
    pub review_open: bool,
    /// The figures of 数字核对, cached by (text revision, report).
    figures: Option<((u64, usize), Vec<FigureRow>)>,
    /// 数字核对 is open (it starts collapsed).
    figures_open: bool,
    /// What is being typed over a figure: (where its value starts, the text).
    figure_typed: Option<(usize, String)>,
}

/// One figure of 数字核对 as the text holds it now.
#[derive(Debug, Clone)]
struct FigureRow {
    figure: crate::figures::Figure,
    /// The figure with a few characters either side: "…全年投资【120万元】，惠及…".
    label: String,
    /// The figure it replaced, when the user replaced it.
    replaced: Option<String>,
    /// Its value and unit as the text held them when it was found ("3.5万", "元"): the
    /// ranges of a large text's list wait for a pause in typing.
    value: String,
    unit: String,
}

/// The figures of report `report`, each marked when the user replaced it.
fn figure_rows(ws: &Workspace, report: usize) -> Vec<FigureRow> {
    let text = ws.text.as_str();
    crate::figures::find(text, ws.report_range(report))
        .into_iter()
        .map(|figure| {
            let around = crate::placeholder::context_around(text, figure.range.clone());
            let label = format!(
                "{}【{}】{}",
                &text[around.start..figure.range.start],
                &text[figure.range.clone()],
                &text[figure.range.end..around.end]
            );
            let replaced = ws
                .filled
                .iter()
                .find(|f| f.figure && f.range == figure.value && f.is_answered(text))
                .map(|f| f.placeholder.clone());
            FigureRow {
                value: text[figure.value.clone()].to_string(),
                unit: figure.unit(text).to_string(),
                figure,
                label,
                replaced,
            }
        })
        .collect()
}

/// Replaces the figure value `old` at `range` with `new` as one undo step and remembers the
/// place as replaced (已替换, with the figure it had first). False when nothing changed, or
/// the text there is no longer `old` (a list drawn before the last edits of a large text).
pub fn replace_figure(ws: &mut Workspace, range: ByteRange, old: &str, new: &str) -> bool {
    let new = new.trim();
    if ws.text.get(range.clone()) != Some(old) || new.is_empty() || new == old {
        return false;
    }
    let place = Filled {
        key: "数字核对".to_string(),
        is_group: false,
        placeholder: old.to_string(),
        kind: PlaceholderKind::Quantity,
        suffix: None,
        unit: None,
        range: range.clone(),
        figure: true,
    };
    let label = format!("替换数字 {old}");
    let edit = crate::edit::user_edit(&ws.text, range, new);
    ws.fill(vec![place], vec![edit], &label, false)
}

/// (text revision, analysis revision, report, whole compilation).
type CacheKey = (u64, u64, usize, bool);

/// Bytes around a place within which an edit can change its prompt (its words either side,
/// its unit): more than the context a prompt shows.
const PROMPT_REACH: usize = 128;

/// Moves the prompts' places through `shifts` (typing since they were made, while a large
/// text's analysis waits for a pause: (start, end, new length), each in the text the ones
/// before it made) when no shift comes near a place, so that a keystroke in the editor does
/// not make every prompt of a 1 MB report again (a tenth of the frame). False, with the
/// prompts left half moved, when one came near: they must be made again.
fn follow_typing(list: &mut [FillEntry], shifts: &[(usize, usize, usize)]) -> bool {
    for &(start, end, new_len) in shifts {
        let near = |r: &ByteRange| {
            r.start < end.saturating_add(PROMPT_REACH) && start < r.end.saturating_add(PROMPT_REACH)
        };
        if list.iter().flat_map(|e| &e.spots).any(|s| near(&s.range)) {
            return false;
        }
        for s in list.iter_mut().flat_map(|e| &mut e.spots) {
            if s.range.start >= end {
                s.range =
                    s.range.start - (end - start) + new_len..s.range.end - (end - start) + new_len;
            }
        }
    }
    true
}

/// What one place contributes to a prompt, before places are grouped.
struct Item {
    key: String,
    is_group: bool,
    kind: PlaceholderKind,
    suffix: Option<&'static str>,
    unit: Option<String>,
    spot: Spot,
}

/// The prompts for report `report`: name groups (over the whole compilation when `whole`),
/// then the other placeholders one by one, in text order. Answered places are listed
/// with the pending ones, each as the text holds it now.
pub fn entries(ws: &Workspace, report: usize, whole: bool) -> Vec<FillEntry> {
    let text = ws.text.as_str();
    let rr = ws.report_range(report);
    let inside = |r: &ByteRange| r.start >= rr.start && r.end <= rr.end;
    let answered: Vec<&Filled> = ws
        .filled
        .iter()
        .filter(|f| !f.figure && f.is_answered(text))
        .collect();
    let taken: HashSet<usize> = answered.iter().map(|f| f.range.start).collect();

    let mut items: Vec<Item> = Vec::new();
    let mut pending = |p: &Placeholder, names_only: bool| {
        let range = ws.mapped(&p.range);
        if range.is_empty() || taken.contains(&range.start) {
            return;
        }
        let group = match p.suffix {
            Some(suffix) if p.kind == PlaceholderKind::Name => {
                Some(format!("{}{suffix}", ws.analysed(&p.range)))
            }
            _ => None,
        };
        if names_only && group.is_none() {
            return;
        }
        let placeholder = ws.analysed(&p.range).to_string();
        // A single place is keyed where it stood in the file as loaded (what the answers
        // file and `clean --fill` use); one typed since has a key of its own.
        let key = group.clone().unwrap_or_else(|| {
            ws.source_key(&range)
                .unwrap_or_else(|| format!("新{}", p.key()))
        });
        items.push(Item {
            key,
            is_group: group.is_some(),
            kind: p.kind,
            suffix: p.suffix,
            unit: p.unit_range().map(|r| ws.analysed(&r).to_string()),
            spot: Spot {
                range,
                text: placeholder.clone(),
                placeholder,
                answered: false,
            },
        });
    };
    for p in ws.analysis.report_placeholders(report) {
        pending(p, false);
    }
    if whole {
        // Name groups reach over the whole compilation.
        let r = ws
            .analysis
            .outline
            .reports
            .get(report)
            .map(|r| r.range.clone());
        for p in &ws.analysis.placeholders {
            if r.as_ref()
                .is_none_or(|r| p.range.start < r.start || p.range.start >= r.end)
            {
                pending(p, true);
            }
        }
    }
    for f in &answered {
        if !(inside(&f.range) || (whole && f.is_group)) {
            continue;
        }
        items.push(Item {
            key: f.key.clone(),
            is_group: f.is_group,
            kind: f.kind,
            suffix: f.suffix,
            unit: f.unit.clone(),
            spot: Spot {
                range: f.range.clone(),
                text: text[f.range.clone()].to_string(),
                placeholder: f.placeholder.clone(),
                answered: true,
            },
        });
    }
    items.sort_by_key(|i| i.spot.range.start);

    // Only groups with a place in this report are listed.
    let listed: HashSet<String> = items
        .iter()
        .filter(|i| i.is_group && inside(&i.spot.range))
        .map(|i| i.key.clone())
        .collect();
    let mut groups: Vec<FillEntry> = Vec::new();
    let mut singles: Vec<FillEntry> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut single_keys: HashSet<String> = HashSet::new();
    for item in items {
        if item.is_group {
            if !listed.contains(&item.key) {
                continue;
            }
            if let Some(&i) = index.get(&item.key) {
                groups[i].spots.push(item.spot);
                continue;
            }
            index.insert(item.key.clone(), groups.len());
            // A bare place name ("美丽XX", "结合XX实际") has no suffix of its own.
            let label = if item.suffix == Some("") {
                format!("本地地名（{}）", item.key)
            } else {
                item.key.clone()
            };
            groups.push(FillEntry {
                label,
                key: item.key,
                is_group: true,
                kind: item.kind,
                suffix: item.suffix,
                unit: None,
                hint: "地名/单位名，如：滨江",
                check: Check::Free,
                spots: vec![item.spot],
                suggestion: None,
            });
        } else {
            if !single_keys.insert(item.key.clone()) {
                continue;
            }
            let around = crate::placeholder::context_around(text, item.spot.range.clone());
            let before = text.get(around.start..item.spot.range.start).unwrap_or("");
            let after = text.get(item.spot.range.end..around.end).unwrap_or("");
            singles.push(FillEntry {
                label: format!("{before}【{}】{after}", item.spot.placeholder),
                key: item.key,
                is_group: false,
                kind: item.kind,
                suffix: None,
                unit: item.unit,
                hint: hint_for(item.kind, before, after),
                check: check_for(item.kind, after),
                spots: vec![item.spot],
                suggestion: None,
            });
        }
    }
    for g in &mut groups {
        g.suggestion = suggestion(ws, g, &answered, &rr, whole);
    }
    groups.extend(singles);
    groups
}

/// An answer to offer for an unanswered name group: for the bare place names, the answer
/// of the report's own place ("XX区" = 临川 → 临川); for a group answered in another
/// report ("XX区" elsewhere in the compilation), that answer.
fn suggestion(
    ws: &Workspace,
    g: &FillEntry,
    answered: &[&Filled],
    report: &ByteRange,
    whole: bool,
) -> Option<String> {
    if g.is_answered() {
        return None;
    }
    let text = ws.text.as_str();
    let in_scope =
        |f: &Filled| whole || (f.range.start >= report.start && f.range.end <= report.end);
    let found = if g.suffix == Some("") {
        answered.iter().find(|f| {
            f.is_group && f.suffix.is_some_and(|s| PLACE_SUFFIXES.contains(&s)) && in_scope(f)
        })
    } else {
        answered
            .iter()
            .find(|f| f.is_group && f.key == g.key && !g.spots.iter().any(|s| s.range == f.range))
    };
    found
        .map(|f| text[f.range.clone()].to_string())
        .filter(|a| !a.is_empty())
}

/// Placeholders still unfilled in the report.
pub fn remaining(ws: &Workspace, report: usize) -> usize {
    if ws.filled.is_empty() {
        return ws.analysis.report_placeholders(report).len();
    }
    let answered: HashSet<usize> = ws
        .filled
        .iter()
        .filter(|f| f.is_answered(&ws.text))
        .map(|f| f.range.start)
        .collect();
    ws.analysis
        .report_placeholders(report)
        .iter()
        .filter(|p| !answered.contains(&ws.map_offset(p.range.start, true)))
        .count()
}

pub fn ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    report: usize,
    state: &mut FillState,
    whole: &mut bool,
    cmds: &mut Vec<Command>,
) {
    let left = remaining(ws, report);
    ui.horizontal(|ui| {
        ui.strong(format!("本篇还剩 {left} 处待填"));
        ui.label(format!("（全文 {} 处）", ws.unfilled(None)));
    });
    ui.checkbox(whole, "名称填写应用到整部汇编");
    ui.horizontal(|ui| {
        command::button(ui, Action::SaveAnswers, cmds);
        command::button(ui, Action::LoadAnswers, cmds);
        super::review::link_ui(ui, ws, cmds);
    });
    // Fixes sit above the filter and the hint: nothing that acts borders the prompts.
    fixes_ui(ui, ws, report, cmds);
    ui.horizontal(|ui| {
        ui.label("显示");
        ui.selectable_value(&mut state.filter, Filter::All, "全部");
        ui.selectable_value(&mut state.filter, Filter::Pending, "待填");
        ui.selectable_value(&mut state.filter, Filter::Answered, "已填");
        ui.separator();
        figures_toggle_ui(ui, ws, report, state);
    });
    ui.label(
        egui::RichText::new(
            "输入后按 Enter 或 Tab 跳到下一处；留空表示暂不填写。有建议时，空框中按 Enter 即采用。",
        )
        .small()
        .weak(),
    );
    ui.separator();

    // The prompts first; 数字核对, when opened, below them past a margin of half a prompt
    // (a click on a prompt cut off at the bottom never lands in it).
    let margin = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let below = if state.figures_open {
        (ui.available_height() * 0.5).max(160.0)
    } else {
        0.0
    };
    let height = (ui.available_height() - below).max(4.0 * ui.spacing().interact_size.y);
    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
        prompts_ui(ui, ws, report, state, *whole, height, cmds);
    });
    if state.figures_open {
        ui.add_space(margin);
        ui.separator();
        figures_ui(ui, report, state, cmds);
    }
}

/// The prompts of the report, in a scroll area `height` high.
fn prompts_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    report: usize,
    state: &mut FillState,
    whole: bool,
    height: f32,
    cmds: &mut Vec<Command>,
) {
    let key = (ws.revision, ws.analysis_revision, report, whole);
    let kept = match &mut state.cache {
        Some((at, _, _)) if *at == key => true,
        Some((at, followed, list)) if (at.1, at.2, at.3) == (key.1, key.2, key.3) => {
            let moved = (ws.shifts().get(*followed..)).is_some_and(|new| follow_typing(list, new));
            (*at, *followed) = (key, ws.shifts().len());
            moved
        }
        _ => false,
    };
    if !kept {
        state.cache = Some((key, ws.shifts().len(), entries(ws, report, whole)));
    }
    let FillState {
        typed,
        live,
        focus,
        filter,
        cache,
        ..
    } = state;
    let current = cache.as_ref().map_or(&[][..], |c| c.2.as_slice());
    let list: Vec<&FillEntry> = current.iter().filter(|e| e.shown(*filter)).collect();
    if list.is_empty() {
        ui.label(match (*filter, current.is_empty()) {
            (_, true) | (Filter::Pending, _) => "这篇报告没有待填的占位符。",
            _ => "这篇报告还没有填写的答案。",
        });
        return;
    }
    // Rows of one height (section headings included), so only visible ones are laid out.
    let mut rows: Vec<Option<&FillEntry>> = Vec::with_capacity(list.len() + 2);
    for (i, e) in list.iter().enumerate() {
        if i == 0 || list[i - 1].is_group != e.is_group {
            rows.push(None);
        }
        rows.push(Some(e));
    }
    let focus = focus.take();
    let spacing = ui.spacing().item_spacing.y;
    let row_height = 2.0 * ui.spacing().interact_size.y + spacing;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("fill_scroll")
        .max_height(height)
        .auto_shrink([false, false]);
    if let Some(k) = &focus
        && let Some(i) = rows.iter().position(|r| r.is_some_and(|e| &e.key == k))
    {
        // Bring the prompt about to take the focus into view (it is laid out only then).
        area = area.vertical_scroll_offset(((i as f32) - 2.0).max(0.0) * (row_height + spacing));
    }
    let report_range = ws.report_range(report);
    let ctx = EntryCtx {
        ws,
        report,
        focus: focus.as_deref(),
        report_range: &report_range,
        live: live.as_ref(),
    };
    area.show_rows(ui, row_height, rows.len(), |ui, visible| {
        for (i, row) in rows[visible.clone()].iter().enumerate() {
            let next_is_group = rows
                .get(visible.start + i + 1)
                .and_then(|r| *r)
                .is_some_and(|e| e.is_group);
            ui.allocate_ui_with_layout(
                egui::vec2(ui.available_width(), row_height),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_min_height(row_height);
                    match row {
                        None => {
                            ui.add_space(row_height * 0.3);
                            ui.strong(if next_is_group {
                                "名称（一处填写，处处生效）"
                            } else {
                                "数字、日期与其他"
                            });
                        }
                        Some(entry) => entry_ui(ui, entry, &ctx, typed, cmds),
                    }
                },
            );
        }
    });
}

/// 可一键修正: the report's findings with an obvious fix (a title missing the unit's name
/// once it is answered, a numbering gap), each a button that applies it as one undo step.
fn fixes_ui(ui: &mut egui::Ui, ws: &Workspace, report: usize, cmds: &mut Vec<Command>) {
    // The findings' ranges are those of the analysed text.
    if ws.analysis_is_stale() {
        return;
    }
    let Some(r) = ws.analysis.outline.reports.get(report) else {
        return;
    };
    let text = ws.text.as_str();
    let names: Vec<(&str, &str)> = ws
        .filled
        .iter()
        .filter(|f| {
            f.is_group
                && !f.figure
                && f.range.start >= r.range.start
                && f.range.end <= r.range.end
                && f.is_answered(text)
        })
        .filter_map(|f| Some((f.suffix?, &text[f.range.clone()])))
        .collect();
    let fixes: Vec<_> = r
        .findings
        .iter()
        .filter_map(|f| {
            crate::fixes::title_name(text, r, f, &names)
                .or_else(|| crate::fixes::renumber(text, r, f))
                .map(|fix| (f, fix))
        })
        .collect();
    if fixes.is_empty() {
        return;
    }
    ui.strong("可一键修正");
    let warn = ui.visuals().warn_fg_color;
    for (finding, fix) in fixes {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("！{}", finding.kind.label())).color(warn))
                .on_hover_text(&finding.message);
            // Not a keyboard stop: Enter and Tab in this panel move between prompts, and a
            // fix is never made by an Enter meant for the next prompt.
            if ui
                .add(egui::Button::new(&fix.label).sense(egui::Sense::CLICK))
                .on_hover_text(format!("{}（可用 Ctrl+Z 撤销）", finding.message))
                .clicked()
            {
                cmds.push(Command::Apply {
                    edits: fix.edits,
                    label: format!("修正{}", finding.kind.label()),
                    merge: false,
                });
            }
        });
    }
    ui.separator();
}

/// The 数字核对 switch (closed at first), beside the filter: the figures list opens below
/// the prompts.
fn figures_toggle_ui(ui: &mut egui::Ui, ws: &Workspace, report: usize, state: &mut FillState) {
    // A large text is scanned again after a pause in typing, as it is analysed.
    let revision = if ws.text.len() > super::workspace::LIVE_ANALYSIS_LIMIT {
        ws.analysis_revision
    } else {
        ws.revision
    };
    let key = (revision, report);
    if state.figures.as_ref().map(|c| c.0) != Some(key) {
        state.figures = Some((key, figure_rows(ws, report)));
    }
    let n = state.figures.as_ref().map_or(0, |c| c.1.len());
    // Opened with the mouse: Enter and Tab stay for moving between prompts.
    let toggle = egui::Button::selectable(state.figures_open, format!("数字核对（{n}）"))
        .sense(egui::Sense::CLICK);
    if ui
        .add(toggle)
        .on_hover_text("可选：列出本篇原文中的数字、百分比、金额和日期，换成本单位的数字")
        .clicked()
    {
        state.figures_open = !state.figures_open;
    }
}

/// The figures of 数字核对 (when opened by [`figures_toggle_ui`]), each with its context
/// and a field to replace it.
fn figures_ui(ui: &mut egui::Ui, report: usize, state: &mut FillState, cmds: &mut Vec<Command>) {
    let rows = state.figures.as_ref().map_or(&[][..], |c| c.1.as_slice());
    let typed = &mut state.figure_typed;
    ui.strong(format!("数字核对（本篇 {} 处数字，可选）", rows.len()));
    ui.label(
                egui::RichText::new(
                    "原文中的数字、百分比、金额和日期。要换成本单位的数字，在框中改好后按 Enter；可用 Ctrl+Z 撤销。",
                )
                .small()
                .weak(),
            );
    if rows.is_empty() {
        ui.label("这篇报告没有数字。");
        return;
    }
    let row_height = 2.0 * ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("figures_scroll")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, visible| {
            for row in &rows[visible] {
                ui.allocate_ui_with_layout(
                    egui::vec2(ui.available_width(), row_height),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_min_height(row_height);
                        figure_ui(ui, report, row, typed, cmds);
                    },
                );
            }
        });
}

fn figure_ui(
    ui: &mut egui::Ui,
    report: usize,
    row: &FigureRow,
    typed: &mut Option<(usize, String)>,
    cmds: &mut Vec<Command>,
) {
    let f = &row.figure;
    let label = ui
        .horizontal(|ui| {
            ui.label(egui::RichText::new(f.kind.label()).small().weak());
            let label = ui.add(egui::Label::new(&row.label).truncate());
            if let Some(was) = &row.replaced {
                let green = egui::Color32::from_rgb(0x2e, 0x7d, 0x32);
                ui.label(egui::RichText::new("已替换").small().color(green))
                    .on_hover_text(format!("原为“{was}”（可用 Ctrl+Z 撤销）"));
            }
            label
        })
        .inner;
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        let (value, unit) = (row.value.as_str(), row.unit.as_str());
        let mut shown = match typed {
            Some((at, buf)) if *at == f.value.start => buf.clone(),
            _ => value.to_string(),
        };
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut shown)
                    .id(egui::Id::unique(("figure", report, f.value.start)))
                    .desired_width(120.0),
            )
            .labelled_by(label.id);
        if !unit.is_empty() {
            ui.label(egui::RichText::new(unit).weak());
        }
        if resp.changed() {
            *typed = Some((f.value.start, shown.clone()));
        }
        if resp.gained_focus() {
            cmds.push(Command::Reveal(f.range.clone()));
        }
        if resp.lost_focus() {
            *typed = None;
            let unit = (!unit.is_empty()).then_some(unit);
            let new = crate::placeholder::without_tail(shown.trim(), unit);
            if ui.input(|i| i.key_pressed(egui::Key::Enter)) && !new.is_empty() && new != value {
                cmds.push(Command::ReplaceFigure {
                    range: f.value.clone(),
                    old: value.to_string(),
                    new: new.to_string(),
                });
            }
        }
    });
}

/// What every prompt row reads.
struct EntryCtx<'a> {
    ws: &'a Workspace,
    report: usize,
    focus: Option<&'a str>,
    report_range: &'a std::ops::Range<usize>,
    live: Option<&'a LiveFill>,
}

fn entry_ui(
    ui: &mut egui::Ui,
    entry: &FillEntry,
    cx: &EntryCtx,
    typed: &mut Option<(String, usize, String)>,
    cmds: &mut Vec<Command>,
) {
    let text = cx.ws.text.as_str();
    let id = egui::Id::unique(("fill", cx.report, &entry.key));
    let label = ui
        .horizontal(|ui| {
            let label = ui.add(egui::Label::new(&entry.label).truncate());
            let done = entry.answered_count();
            if done > 0 {
                let green = egui::Color32::from_rgb(0x2e, 0x7d, 0x32);
                let mark = if done == entry.spots.len() {
                    "已填写".to_string()
                } else {
                    format!("已填写 {done}/{}", entry.spots.len())
                };
                ui.label(egui::RichText::new(mark).small().color(green));
            }
            if entry.is_group {
                ui.label(
                    egui::RichText::new(format!("共 {} 处", entry.spots.len()))
                        .small()
                        .weak(),
                );
            } else if let Some(unit) = &entry.unit {
                ui.label(egui::RichText::new(format!("单位：{unit}")).small().weak());
            }
            label
        })
        .inner;
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        // What the text holds; what was typed only while the text holds what it writes.
        let answer = entry.answer();
        let mut value = match typed {
            Some((k, r, buf))
                if *k == entry.key
                    && *r == cx.report
                    && entry
                        .spots
                        .iter()
                        .all(|s| s.text == entry.written(text, s, buf)) =>
            {
                buf.clone()
            }
            _ => answer.to_string(),
        };
        let hint = entry.hint;
        let resp = ui.add(
            egui::TextEdit::singleline(&mut value)
                .id(id)
                .hint_text(hint)
                .desired_width(160.0),
        );
        let resp = resp.labelled_by(label.id);
        if cx.focus == Some(entry.key.as_str()) {
            resp.request_focus();
        }
        if resp.changed() {
            let merge = cx
                .live
                .is_some_and(|l| l.key == entry.key && l.report == cx.report);
            *typed = Some((entry.key.clone(), cx.report, value.clone()));
            cmds.push(Command::FillLive {
                key: entry.key.clone(),
                value: value.clone(),
                merge,
            });
        }
        if resp.gained_focus()
            && let Some(p) = entry.first_in(cx.report_range)
        {
            cmds.push(Command::Reveal(p.range.clone()));
        }
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        let next = enter || ui.input(|i| i.key_pressed(egui::Key::Tab));
        if let Some(s) = &entry.suggestion {
            let take = ui
                .small_button(format!("采用“{s}”"))
                .on_hover_text("与本篇已填的名称相同，点一下填入");
            if take.clicked() || (resp.lost_focus() && enter && value.trim().is_empty()) {
                cmds.push(Command::FillLive {
                    key: entry.key.clone(),
                    value: s.clone(),
                    merge: false,
                });
            }
        }
        if let Some(why) = crate::placeholder::check_answer(&value, entry.check) {
            let color = ui.visuals().warn_fg_color;
            ui.label(egui::RichText::new("请核对").small().color(color))
                .on_hover_text(why);
        }
        if resp.lost_focus() && next {
            cmds.push(Command::FillCommit {
                key: entry.key.clone(),
            });
        }
    });
}

/// Writes `value` for prompt `key` of the selected report at every place it fills (an empty
/// value gives the places their placeholder back). With `merge`, and when the newest undo
/// step is still this prompt's last keystroke, it folds into that step: an answer typed
/// key by key is one undo step.
pub fn live(app: &mut App, key: &str, value: &str, merge: bool) {
    let report = app.view.selected;
    // Clearing a field is a step of its own (undo brings the answer back).
    let merge =
        merge
            && !value.trim().is_empty()
            && app.view.fill.live.as_ref().is_some_and(|l| {
                l.key == key && l.report == report && l.revision == app.ws.revision
            });
    if !merge {
        app.ws.refresh_analysis(true);
    }
    let whole = app.prefs.fill_whole_compilation;
    let Some(entry) = entries(&app.ws, report, whole)
        .into_iter()
        .find(|e| e.key == key)
    else {
        return;
    };
    if entry.is_group {
        app.answers.set_group(key, value.trim());
    } else {
        app.answers.set_occurrence(key, value.trim());
    }
    let mut places = Vec::new();
    let mut edits = Vec::new();
    for s in &entry.spots {
        let new = entry.written(&app.ws.text, s, value);
        if new == s.text {
            continue;
        }
        if !s.answered {
            places.push(Filled {
                key: key.to_string(),
                is_group: entry.is_group,
                placeholder: s.placeholder.clone(),
                kind: entry.kind,
                suffix: entry.suffix,
                unit: entry.unit.clone(),
                range: s.range.clone(),
                figure: false,
            });
        }
        edits.push(Edit {
            range: s.range.clone(),
            old: s.text.clone(),
            new,
            origin: EditOrigin::Fill(key.to_string()),
        });
    }
    app.ws
        .fill(places, edits, &format!("填写 {}", entry.label), merge);
    // A cleared field starts a new step with its next keystroke.
    app.view.fill.live = (!value.trim().is_empty()).then(|| LiveFill {
        key: key.to_string(),
        report,
        revision: app.ws.revision,
    });
}

/// Finishes prompt `key`; returns where the next unfilled placeholder is (document bytes)
/// and puts the keyboard focus on its prompt.
pub fn commit(app: &mut App, key: &str) -> Option<std::ops::Range<usize>> {
    app.view.fill.live = None;
    app.view.fill.typed = None;
    let whole = app.prefs.fill_whole_compilation;
    let list = entries(&app.ws, app.view.selected, whole);
    let after = list.iter().position(|e| e.key == key).map_or(0, |i| i + 1);
    let next = list
        .iter()
        .skip(after)
        .chain(list.iter().take(after))
        .find(|e| e.key != key && !e.is_answered())?;
    app.view.fill.focus = Some(next.key.clone());
    let range = app.ws.report_range(app.view.selected);
    next.first_in(&range).map(|p| p.range.clone())
}

/// The first prompt of the report still waiting for an answer.
pub fn first_pending(ws: &Workspace, report: usize, whole: bool) -> Option<FillEntry> {
    entries(ws, report, whole)
        .into_iter()
        .find(|e| !e.is_answered())
}

/// The edits that fill the compilation from loaded `answers` (as `qinggao clean --fill`
/// does, each placeholder under its key in the file as loaded), and the places they fill,
/// to be remembered as answered.
pub fn loaded(ws: &Workspace, answers: &crate::placeholder::Answers) -> (Vec<Filled>, Vec<Edit>) {
    let text = ws.text.as_str();
    let mut places = Vec::new();
    let mut edits = Vec::new();
    for p in &ws.analysis.placeholders {
        let key = ws.source_key(&p.range);
        // A placeholder typed since loading answers by its group alone.
        let Some(e) = crate::placeholder::fill_edit(text, p, key.as_deref(), answers) else {
            continue;
        };
        let EditOrigin::Fill(fill_key) = &e.origin else {
            continue;
        };
        places.push(Filled {
            key: fill_key.clone(),
            is_group: key.as_ref() != Some(fill_key),
            placeholder: e.old.clone(),
            kind: p.kind,
            suffix: p.suffix,
            unit: p.unit(text).map(str::to_string),
            range: e.range.clone(),
            figure: false,
        });
        edits.push(e);
    }
    (places, edits)
}

/// Restores an autosaved text: its answers first, where they fill the text as loaded (so
/// their places are known and listed as answered), then the rest of the saved text, merged
/// into the same undo step.
pub fn restore(
    ws: &mut Workspace,
    saved: &str,
    answers: &crate::placeholder::Answers,
    label: &str,
) {
    ws.refresh_analysis(true);
    let (places, edits) = loaded(ws, answers);
    ws.fill(places, edits, label, false);
    if let Some(mut e) = crate::edit::diff(&ws.text, saved) {
        e.origin = EditOrigin::User;
        ws.apply(vec![e], label, true);
    }
    ws.refresh_analysis(true);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::user_edit;
    use crate::model::Document;

    /// While a large text waits for a pause in typing, the prompts followed through typing
    /// away from every place are those made again from the text; a keystroke next to a
    /// place has them made again.
    #[test]
    fn prompts_followed_through_typing_are_those_made_again() {
        let filler = "全面推进各项重点工作，取得明显成效，群众满意度进一步提升。";
        let opening = "今年以来，XX镇完成投资XX万元。";
        let para = format!("{opening}{}\n", filler.repeat(4));
        let reps = super::super::workspace::LIVE_ANALYSIS_LIMIT / para.len() + 10;
        let text = format!("XX区2024年工作总结\n\n{}", para.repeat(reps));
        let mut ws = Workspace::new(Document::from_text(text));
        let mut list = entries(&ws, 0, false);
        assert!(list.len() > 100, "{} prompts", list.len());
        let followed = ws.shifts().len();
        let fifth = ws.text.match_indices("今年以来").nth(4).unwrap().0;
        let mut at = fifth + opening.len() + 2 * filler.len();
        for _ in 0..3 {
            let e = user_edit(&ws.text, at..at, "新");
            assert!(ws.apply(vec![e], "输入", true));
            at += "新".len();
        }
        assert!(ws.analysis_is_stale(), "a large text waits for a pause");
        assert!(follow_typing(&mut list, &ws.shifts()[followed..]));
        assert_eq!(list, entries(&ws, 0, false));
        let followed = ws.shifts().len();
        let xx = at + ws.text[at..].find("XX").unwrap();
        let e = user_edit(&ws.text, xx..xx, "新");
        assert!(ws.apply(vec![e], "输入", true));
        assert!(!follow_typing(&mut list, &ws.shifts()[followed..]));
    }
}
