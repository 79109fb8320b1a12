//! The fill-in prompts: the report's placeholders, name groups first (one answer fills every
//! "XX区"), then each figure with its context and unit. A value shows in the text as it is
//! typed (one undo step per answer); Enter/Tab moves to the next unfilled one.

use super::app::App;
use super::command::{Action, Command};
use super::workspace::Workspace;
use crate::model::{ByteRange, Edit, EditOrigin};
use crate::placeholder::{Answers, Placeholder, PlaceholderKind};
use std::collections::BTreeMap;

/// One place a prompt fills: the placeholder's bytes and what is written there.
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub range: ByteRange,
    pub text: String,
}

/// One prompt: a name group or a single placeholder. It keeps its own copies of the texts
/// it shows, since the document changes under it while its answer is typed.
#[derive(Debug, Clone, PartialEq)]
pub struct FillEntry {
    /// The answer key: the group ("XX区") or the occurrence ("31:12").
    pub key: String,
    pub is_group: bool,
    /// What the prompt is called (its accessible name too).
    pub label: String,
    /// The unit after a figure ("万元").
    pub unit: Option<String>,
    /// What the field asks for, shown in it while it is empty ("地名/单位名，如：滨江").
    pub hint: &'static str,
    pub spots: Vec<Spot>,
}

/// The hint of a prompt: what kind of answer it wants, never 数值 for a name.
fn hint_for(p: &Placeholder, before: &str, after: &str) -> &'static str {
    use crate::placeholder::PlaceholderKind;
    match p.kind {
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

impl FillEntry {
    fn first_offset(&self) -> usize {
        self.spots.first().map_or(0, |p| p.range.start)
    }

    /// The first occurrence inside `range` (the selected report), else the first one.
    pub fn first_in(&self, range: &ByteRange) -> Option<&Spot> {
        self.spots
            .iter()
            .find(|p| p.range.start >= range.start && p.range.end <= range.end)
            .or(self.spots.first())
    }
}

/// An answer being typed, already shown in the text as the newest undo step.
#[derive(Debug, Clone)]
pub struct LiveFill {
    pub entry: FillEntry,
    pub revision_after: u64,
}

#[derive(Debug, Default)]
pub struct FillState {
    /// The text of every prompt's field, by key.
    pub values: BTreeMap<String, String>,
    pub live: Option<LiveFill>,
    /// The prompt to give keyboard focus on the next frame.
    pub focus: Option<String>,
    /// The prompts, cached by (analysis revision, report, whole compilation).
    cache: Option<((u64, usize, bool), Vec<FillEntry>)>,
}

impl FillState {
    pub fn load_answers(&mut self, a: &Answers) {
        for (k, v) in a.groups.iter().chain(a.occurrences.iter()) {
            self.values.insert(k.clone(), v.clone());
        }
    }
}

/// The prompts for report `report`: name groups (over the whole compilation when `whole`),
/// then the other placeholders one by one, in text order.
pub fn entries(ws: &Workspace, report: usize, whole: bool) -> Vec<FillEntry> {
    let in_report = ws.analysis.report_placeholders(report);
    let group_of = |p: &Placeholder| -> Option<String> {
        match p.suffix {
            Some(suffix) if p.kind == PlaceholderKind::Name => {
                Some(format!("{}{suffix}", ws.analysed(&p.range)))
            }
            _ => None,
        }
    };
    let spot = |p: &Placeholder| Spot {
        range: ws.mapped(&p.range),
        text: ws.analysed(&p.range).to_string(),
    };
    let report_groups: std::collections::HashSet<String> =
        in_report.iter().filter_map(group_of).collect();
    let names_from: &[Placeholder] = if whole {
        &ws.analysis.placeholders
    } else {
        in_report
    };
    let mut groups: Vec<FillEntry> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for p in names_from {
        let Some(key) = group_of(p) else { continue };
        // Only groups that occur in this report are listed.
        if !report_groups.contains(&key) {
            continue;
        }
        match index.get(&key) {
            Some(&i) => groups[i].spots.push(spot(p)),
            None => {
                index.insert(key.clone(), groups.len());
                // A bare place name ("美丽XX", "结合XX实际") has no suffix of its own.
                let label = if p.suffix == Some("") {
                    format!("本地地名（{key}）")
                } else {
                    key.clone()
                };
                groups.push(FillEntry {
                    label,
                    key,
                    is_group: true,
                    unit: None,
                    hint: "地名/单位名，如：滨江",
                    spots: vec![spot(p)],
                });
            }
        }
    }
    let singles = in_report.iter().filter(|p| group_of(p).is_none()).map(|p| {
        let (at, around) = ws.placeholder_context(p);
        let before = ws.text.get(around.start..at.start).unwrap_or("");
        let after = ws.text.get(at.end..around.end).unwrap_or("");
        FillEntry {
            key: p.key(),
            is_group: false,
            label: format!("{before}【{}】{after}", ws.analysed(&p.range)),
            unit: p.unit_range().map(|r| ws.analysed(&r).to_string()),
            hint: hint_for(p, before, after),
            spots: vec![spot(p)],
        }
    });
    groups.extend(singles);
    groups
}

/// The prompts shown: the current ones plus the one being typed (whose placeholders the
/// text no longer holds).
fn shown_entries<'a>(current: &'a [FillEntry], live: Option<&'a LiveFill>) -> Vec<&'a FillEntry> {
    let mut list: Vec<&FillEntry> = current.iter().collect();
    if let Some(live) = live
        && !list.iter().any(|e| e.key == live.entry.key)
    {
        let at = list
            .iter()
            .position(|e| {
                e.is_group == live.entry.is_group && e.first_offset() > live.entry.first_offset()
                    || (live.entry.is_group && !e.is_group)
            })
            .unwrap_or(list.len());
        list.insert(at, &live.entry);
    }
    list
}

/// Placeholders still unfilled in the report.
pub fn remaining(ws: &Workspace, report: usize, _state: &FillState) -> usize {
    ws.analysis.report_placeholders(report).len()
}

pub fn ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    report: usize,
    state: &mut FillState,
    whole: &mut bool,
    cmds: &mut Vec<Command>,
) {
    let left = remaining(ws, report, state);
    ui.horizontal(|ui| {
        ui.strong(format!("本篇还剩 {left} 处待填"));
        ui.label(format!("（全文 {} 处）", ws.unfilled(None)));
    });
    ui.checkbox(whole, "名称填写应用到整部汇编");
    ui.horizontal(|ui| {
        if ui.button("保存答案…").clicked() {
            cmds.push(Command::Action(Action::SaveAnswers));
        }
        if ui.button("载入答案…").clicked() {
            cmds.push(Command::Action(Action::LoadAnswers));
        }
    });
    ui.label(
        egui::RichText::new("输入后按 Enter 或 Tab 跳到下一处；留空表示暂不填写。")
            .small()
            .weak(),
    );
    ui.separator();

    let key = (ws.analysis_revision, report, *whole);
    if state.cache.as_ref().map(|c| c.0) != Some(key) {
        state.cache = Some((key, entries(ws, report, *whole)));
    }
    let FillState {
        values,
        live,
        focus,
        cache,
    } = state;
    let current = cache.as_ref().map_or(&[][..], |c| c.1.as_slice());
    let list = shown_entries(current, live.as_ref());
    if list.is_empty() {
        ui.label("这篇报告没有待填的占位符。");
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
        .auto_shrink([false, false]);
    if let Some(k) = &focus
        && let Some(i) = rows.iter().position(|r| r.is_some_and(|e| &e.key == k))
    {
        // Bring the prompt about to take the focus into view (it is laid out only then).
        area = area.vertical_scroll_offset(((i as f32) - 2.0).max(0.0) * (row_height + spacing));
    }
    let report_range = ws.report_range(report);
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
                        Some(entry) => {
                            entry_ui(ui, entry, values, focus.as_deref(), &report_range, cmds)
                        }
                    }
                },
            );
        }
    });
}

fn entry_ui(
    ui: &mut egui::Ui,
    entry: &FillEntry,
    values: &mut BTreeMap<String, String>,
    focus: Option<&str>,
    report_range: &std::ops::Range<usize>,
    cmds: &mut Vec<Command>,
) {
    let id = egui::Id::unique(("fill", &entry.key));
    let label = ui
        .horizontal(|ui| {
            let label = ui.add(egui::Label::new(&entry.label).truncate());
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
        let value = values.entry(entry.key.clone()).or_default();
        let hint = entry.hint;
        let resp = ui.add(
            egui::TextEdit::singleline(value)
                .id(id)
                .hint_text(hint)
                .desired_width(160.0),
        );
        let resp = resp.labelled_by(label.id);
        if focus == Some(entry.key.as_str()) {
            resp.request_focus();
        }
        if resp.changed() {
            cmds.push(Command::FillLive {
                key: entry.key.clone(),
                value: value.clone(),
            });
        }
        if resp.gained_focus()
            && let Some(p) = entry.first_in(report_range)
        {
            cmds.push(Command::Reveal(p.range.clone()));
        }
        let next = ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Tab));
        if resp.lost_focus() && next {
            cmds.push(Command::FillCommit {
                key: entry.key.clone(),
            });
        }
    });
}

/// Shows `value` for prompt `key` in the text now: the previous live value of the same
/// prompt is undone first, so one answer is one undo step.
pub fn live(app: &mut App, key: &str, value: &str) {
    let whole = app.prefs.fill_whole_compilation;
    let reuse = app.fill.live.take().filter(|l| l.entry.key == key);
    let entry = match reuse {
        Some(l) => {
            if app.ws.revision == l.revision_after {
                app.ws.undo();
            }
            l.entry
        }
        None => {
            app.ws.refresh_analysis(true);
            match entries(&app.ws, app.selected, whole)
                .into_iter()
                .find(|e| e.key == key)
            {
                Some(e) => e,
                None => return,
            }
        }
    };
    let target = if entry.is_group {
        &mut app.answers.groups
    } else {
        &mut app.answers.occurrences
    };
    if value.is_empty() {
        target.remove(key);
    } else {
        target.insert(key.to_string(), value.to_string());
    }
    if !value.is_empty() {
        let edits: Vec<Edit> = entry
            .spots
            .iter()
            .map(|p| Edit {
                range: p.range.clone(),
                old: p.text.clone(),
                new: value.to_string(),
                origin: EditOrigin::Fill(key.to_string()),
            })
            .collect();
        app.ws.apply(edits, &format!("填写 {}", entry.label), false);
    }
    app.fill.live = Some(LiveFill {
        entry,
        revision_after: app.ws.revision,
    });
}

/// Finishes prompt `key`; returns where the next unfilled placeholder is (document bytes)
/// and puts the keyboard focus on its prompt.
pub fn commit(app: &mut App, key: &str) -> Option<std::ops::Range<usize>> {
    let done = app
        .fill
        .live
        .take()
        .filter(|l| l.entry.key == key)
        .map(|l| l.entry);
    let whole = app.prefs.fill_whole_compilation;
    let list = entries(&app.ws, app.selected, whole);
    let after = done.as_ref().map_or_else(
        || list.iter().position(|e| e.key == key).map_or(0, |i| i + 1),
        |d| {
            list.iter()
                .position(|e| {
                    e.is_group == d.is_group && e.first_offset() > d.first_offset()
                        || (d.is_group && !e.is_group)
                })
                .unwrap_or(list.len())
        },
    );
    let next = list
        .iter()
        .skip(after)
        .chain(list.iter().take(after))
        .find(|e| e.key != key && app.fill.values.get(&e.key).is_none_or(|v| v.is_empty()))?;
    app.fill.focus = Some(next.key.clone());
    let range = app.ws.report_range(app.selected);
    next.first_in(&range).map(|p| p.range.clone())
}
