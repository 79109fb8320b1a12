//! The cleaning panel: the rules by category with on/off and how many changes each would
//! make, and a before/after preview of every change, grouped by rule, before anything is
//! applied. Applying is one undo step.

use super::command::{self, Action, Command};
use super::workspace::{Workspace, floor_boundary};
use crate::clean::{Category, RuleSet};
use crate::model::{Edit, EditOrigin};
use std::collections::BTreeMap;

/// How many changes of one rule the preview lists.
const PREVIEW_PER_RULE: usize = 60;

/// The plan's edits inside the scope: the report shown, or the whole compilation.
pub fn in_scope(ws: &Workspace, selected: usize, whole: bool) -> Vec<&Edit> {
    let range = if whole {
        0..ws.text.len()
    } else {
        ws.report_range(selected)
    };
    ws.plan
        .iter()
        .filter(|e| e.range.start >= range.start && e.range.end <= range.end)
        .collect()
}

pub fn ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    rules: &RuleSet,
    selected: usize,
    whole: &mut bool,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label("范围");
        ui.radio_value(whole, false, "本篇");
        ui.radio_value(whole, true, "全部汇编");
    });
    let plan = in_scope(ws, selected, *whole);
    let by_rule = group_by_rule(plan.iter().copied());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, edits) in &by_rule {
        counts.insert(id.as_str(), edits.len());
    }
    ui.horizontal(|ui| {
        let scope = if *whole { "全部汇编" } else { "本篇" };
        if ws.plan_pending() {
            // A large text's plan is made on another thread after each pause in typing.
            ui.spinner();
            ui.strong("正在更新清理预览…");
        } else {
            ui.strong(format!("{scope}将修改 {} 处", plan.len()));
        }
        let can_apply = !plan.is_empty() || ws.plan_pending();
        command::enabled_button(ui, Action::ApplyCleaning, can_apply, cmds)
            .on_hover_text("一次完成全部修改，可用 Ctrl+Z 撤销");
        command::button(ui, Action::LoadRules, cmds);
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("clean_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut categories: Vec<Category> = rules.rules.iter().map(|r| r.category).collect();
            categories.sort();
            categories.dedup();
            if categories.is_empty() {
                ui.label("没有可用的清理规则。");
            }
            for cat in categories {
                ui.strong(cat.label());
                for rule in rules.rules.iter().filter(|r| r.category == cat) {
                    ui.horizontal(|ui| {
                        let mut on = rule.enabled;
                        if ui.checkbox(&mut on, &rule.label).changed() {
                            cmds.push(Command::SetRule {
                                id: rule.id.clone(),
                                enabled: on,
                            });
                        }
                        let n = counts.get(rule.id.as_str()).copied().unwrap_or(0);
                        let text = egui::RichText::new(format!("{n} 处")).small();
                        ui.label(if n == 0 { text.weak() } else { text });
                    });
                }
                ui.add_space(4.0);
            }
            ui.separator();
            ui.strong("预览：删除线为删去的文字，绿色为改成的文字");
            if plan.is_empty() {
                ui.label("没有要清理的内容。");
            }
            for (id, edits) in &by_rule {
                let label = rules
                    .rules
                    .iter()
                    .find(|r| &r.id == id)
                    .map_or(id.as_str(), |r| r.label.as_str());
                egui::CollapsingHeader::new(format!("{label}（{} 处）", edits.len()))
                    .id_salt(("preview", id))
                    // Short lists open at once so the changes are seen before applying.
                    .default_open(edits.len() <= 6)
                    .show(ui, |ui| {
                        for e in edits.iter().take(PREVIEW_PER_RULE) {
                            change_ui(ui, ws, e);
                        }
                        if edits.len() > PREVIEW_PER_RULE {
                            ui.label(format!("……另有 {} 处", edits.len() - PREVIEW_PER_RULE));
                        }
                    });
            }
        });
}

/// The plan's edits grouped by the rule that made them, rules in order of first change.
pub fn group_by_rule<'a>(plan: impl IntoIterator<Item = &'a Edit>) -> Vec<(String, Vec<&'a Edit>)> {
    let mut order: Vec<String> = Vec::new();
    let mut map: BTreeMap<String, Vec<&'a Edit>> = BTreeMap::new();
    for e in plan {
        let id = match &e.origin {
            EditOrigin::Rule(id) => id.clone(),
            EditOrigin::Fill(_) => "填写".to_string(),
            EditOrigin::User => "其他".to_string(),
        };
        if !map.contains_key(&id) {
            order.push(id.clone());
        }
        map.entry(id).or_default().push(e);
    }
    order
        .into_iter()
        .map(|id| {
            let v = map.remove(&id).unwrap_or_default();
            (id, v)
        })
        .collect()
}

pub(super) fn change_ui(ui: &mut egui::Ui, ws: &Workspace, e: &Edit) {
    change_label(ui, ws, e).on_hover_text("清理后这段文字将如此改变");
}

/// The change as one label that wraps as a sentence (clickable): its line, the context,
/// the text removed struck through and the text put in, in green.
pub(super) fn change_label(ui: &mut egui::Ui, ws: &Workspace, e: &Edit) -> egui::Response {
    let text = &ws.text;
    if e.range.end > text.len() {
        return ui.label("");
    }
    let line = ws.analysis.index.line_of(e.range.start) + 1;
    let before = context_before(text, e.range.start, 10);
    let after = context_after(text, e.range.end, 10);
    let removed = ui.visuals().error_fg_color;
    let added = egui::Color32::from_rgb(60, 160, 90);
    let shorten = |s: &str| -> String {
        let s = s.replace('\n', " / ");
        if s.chars().count() > 40 {
            let head: String = s.chars().take(38).collect();
            format!("{head}…")
        } else {
            s
        }
    };
    // One label per change, so it wraps as a sentence.
    let style = ui.style().clone();
    let mut job = egui::text::LayoutJob::default();
    let mut add = |text: &str, rich: egui::RichText| {
        if !text.is_empty() {
            rich.append_to(
                &mut job,
                &style,
                egui::FontSelection::Default,
                egui::Align::Center,
            );
        }
    };
    let line_label = format!("第{line}行  ");
    add(&line_label, egui::RichText::new(&line_label).small().weak());
    let before = shorten(before);
    add(&before, egui::RichText::new(&before));
    if e.old.trim().is_empty() && !e.old.is_empty() {
        let what = if e.old.contains('\n') {
            "〔空行〕"
        } else {
            "〔空格〕"
        };
        add(
            what,
            egui::RichText::new(what).strikethrough().color(removed),
        );
    } else {
        let old = shorten(&e.old);
        add(
            &old,
            egui::RichText::new(&old).strikethrough().color(removed),
        );
    }
    if !e.new.trim().is_empty() {
        let new = shorten(&e.new);
        add(&new, egui::RichText::new(&new).color(added).strong());
    }
    let after = shorten(after);
    add(&after, egui::RichText::new(&after));
    ui.add(egui::Label::new(job).sense(egui::Sense::click()))
}

fn context_before(text: &str, at: usize, chars: usize) -> &str {
    let at = floor_boundary(text, at);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let start = text[line_start..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(line_start, |(i, _)| line_start + i);
    &text[start..at]
}

fn context_after(text: &str, at: usize, chars: usize) -> &str {
    let at = floor_boundary(text, at);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let end = text[at..line_end]
        .char_indices()
        .nth(chars)
        .map_or(line_end, |(i, _)| at + i);
    &text[at..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_stays_on_the_line_and_on_char_boundaries() {
        let text = "第一行\n加强D建工作，全面从严治D\n下一行";
        let at = text.find('D').unwrap();
        assert_eq!(context_before(text, at, 10), "加强");
        assert_eq!(context_after(text, at + 1, 3), "建工作");
    }
}
