//! The fill-in prompts: the report's placeholders, name groups first (one answer fills every
//! "XX区"), then each figure with its context and unit. A value shows in the text as it is
//! typed (one undo step per answer); Enter/Tab moves to the next unfilled one.

use super::app::App;
use super::command::{Action, Command};
use super::workspace::Workspace;
use crate::model::{Edit, EditOrigin};
use crate::placeholder::{Answers, Placeholder, PlaceholderKind};
use std::collections::BTreeMap;

/// One prompt: a name group or a single placeholder.
#[derive(Debug, Clone, PartialEq)]
pub struct FillEntry {
    /// The answer key: the group ("XX区") or the occurrence ("31:12").
    pub key: String,
    pub is_group: bool,
    /// What the prompt is called (its accessible name too).
    pub label: String,
    pub placeholders: Vec<Placeholder>,
}

impl FillEntry {
    fn first_offset(&self) -> usize {
        self.placeholders.first().map_or(0, |p| p.range.start)
    }

    /// The first occurrence inside `range` (the selected report), else the first one.
    pub fn first_in(&self, range: &std::ops::Range<usize>) -> Option<&Placeholder> {
        self.placeholders
            .iter()
            .find(|p| p.range.start >= range.start && p.range.end <= range.end)
            .or(self.placeholders.first())
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
    let names_from: &[Placeholder] = if whole {
        &ws.analysis.placeholders
    } else {
        in_report
    };
    let mut groups: Vec<FillEntry> = Vec::new();
    for p in names_from
        .iter()
        .filter(|p| p.kind == PlaceholderKind::Name)
    {
        // Only groups that occur in this report are listed.
        if !whole || in_report.iter().any(|q| q.group == p.group) {
            match groups.iter_mut().find(|g| g.key == p.group) {
                Some(g) => g.placeholders.push(p.clone()),
                None => groups.push(FillEntry {
                    key: p.group.clone(),
                    is_group: true,
                    label: p.group.clone(),
                    placeholders: vec![p.clone()],
                }),
            }
        }
    }
    let singles = in_report
        .iter()
        .filter(|p| p.kind != PlaceholderKind::Name)
        .map(|p| FillEntry {
            key: p.key(),
            is_group: false,
            label: format!("{}【{}】{}", p.before, p.text, p.after),
            placeholders: vec![p.clone()],
        });
    groups.extend(singles);
    groups
}

/// The prompts shown: the current ones plus the one being typed (whose placeholders the
/// text no longer holds).
fn shown_entries(ws: &Workspace, report: usize, whole: bool, state: &FillState) -> Vec<FillEntry> {
    let mut list = entries(ws, report, whole);
    if let Some(live) = &state.live
        && !list.iter().any(|e| e.key == live.entry.key)
    {
        let at = list
            .iter()
            .position(|e| {
                e.is_group == live.entry.is_group && e.first_offset() > live.entry.first_offset()
                    || (live.entry.is_group && !e.is_group)
            })
            .unwrap_or(list.len());
        list.insert(at, live.entry.clone());
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
    let list = shown_entries(ws, report, *whole, state);
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
    if list.is_empty() {
        ui.label("这篇报告没有待填的占位符。");
        return;
    }
    let focus = state.focus.take();
    let report_range = ws.report_range(report);
    egui::ScrollArea::vertical()
        .id_salt("fill_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut heading_done = (false, false);
            for entry in &list {
                if entry.is_group && !heading_done.0 {
                    ui.strong("名称（一处填写，处处生效）");
                    heading_done.0 = true;
                }
                if !entry.is_group && !heading_done.1 {
                    ui.add_space(6.0);
                    ui.strong("数字、日期与其他");
                    heading_done.1 = true;
                }
                entry_ui(ui, entry, state, focus.as_deref(), &report_range, cmds);
            }
        });
}

fn entry_ui(
    ui: &mut egui::Ui,
    entry: &FillEntry,
    state: &mut FillState,
    focus: Option<&str>,
    report_range: &std::ops::Range<usize>,
    cmds: &mut Vec<Command>,
) {
    let id = egui::Id::unique(("fill", &entry.key));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(&entry.label);
        if entry.is_group {
            ui.label(
                egui::RichText::new(format!("共 {} 处", entry.placeholders.len()))
                    .small()
                    .weak(),
            );
        } else if let Some(unit) = entry.placeholders.first().and_then(|p| p.unit.as_ref()) {
            ui.label(egui::RichText::new(format!("单位：{unit}")).small().weak());
        }
        let value = state.values.entry(entry.key.clone()).or_default();
        let hint = if entry.is_group {
            "名称，如：滨江"
        } else {
            "数值"
        };
        let resp = ui.add(
            egui::TextEdit::singleline(value)
                .id(id)
                .hint_text(hint)
                .desired_width(120.0),
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
            .placeholders
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
