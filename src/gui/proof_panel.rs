//! The 校对 (proofreading) section of the cleaning panel: run on request, its suggestions
//! grouped by substitution pair and by kind, each previewed like a cleaning change with
//! 采纳 (accept) and 定位 (go to); a group is accepted in one undo step. A suggestion not
//! accepted is simply left (跳过).

use super::command::Command;
use super::workspace::Workspace;
use crate::proof::{Finding, Kind};

/// How many suggestions of one group the list shows.
const SHOWN_PER_GROUP: usize = 40;

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, cmds: &mut Vec<Command>) {
    ui.strong("校对");
    let fresh = ws.fresh_proofreading();
    ui.horizontal(|ui| {
        let label = if ws.proofread.is_none() {
            "校对全文"
        } else {
            "重新校对"
        };
        if ui
            .button(label)
            .on_hover_text("查找整篇替换的错字、易混词、半角标点和不配对的括号")
            .clicked()
        {
            cmds.push(Command::Proofread);
        }
        match (fresh, &ws.proofread) {
            (Some(found), _) => {
                ui.label(format!("{} 条建议", found.len()));
            }
            (None, Some(_)) => {
                ui.label(egui::RichText::new("文本已改动，请重新校对").weak());
            }
            (None, None) => {}
        }
    });
    let Some(found) = fresh else {
        return;
    };
    if found.is_empty() {
        ui.label("没有校对建议。");
    }
    for (title, evidence, items) in groups(found) {
        let id = ("proof", title.clone());
        egui::CollapsingHeader::new(format!("{title}（{} 处）", items.len()))
            .id_salt(id)
            .default_open(items.len() <= 6)
            .show(ui, |ui| {
                if let Some(evidence) = evidence {
                    ui.label(egui::RichText::new(evidence).small());
                }
                if ui
                    .button("全部采纳")
                    .on_hover_text("一次改完本组各处，可用 Ctrl+Z 撤销")
                    .clicked()
                {
                    cmds.push(Command::AcceptProof {
                        edits: items.iter().map(|f| f.edit()).collect(),
                        label: format!("校对：{title}"),
                    });
                }
                for f in items.iter().take(SHOWN_PER_GROUP) {
                    ui.horizontal_wrapped(|ui| {
                        if ui.small_button("采纳").on_hover_text(&f.message).clicked() {
                            cmds.push(Command::AcceptProof {
                                edits: vec![f.edit()],
                                label: format!("校对：{}", f.kind.label()),
                            });
                        }
                        if ui.small_button("定位").clicked() {
                            cmds.push(Command::Reveal(f.range.clone()));
                        }
                        super::clean_panel::change_ui(ui, ws, &f.edit());
                    });
                }
                if items.len() > SHOWN_PER_GROUP {
                    ui.label(format!("……另有 {} 处", items.len() - SHOWN_PER_GROUP));
                }
            });
    }
    ui.add_space(4.0);
}

/// The findings by substitution pair (each with its evidence), then by kind.
fn groups(found: &[Finding]) -> Vec<(String, Option<String>, Vec<&Finding>)> {
    let mut out: Vec<(String, Option<String>, Vec<&Finding>)> = Vec::new();
    for f in found.iter().filter(|f| f.group.is_some()) {
        let g = f.group.as_ref().expect("filtered");
        let title = format!("{}：{}", Kind::Substitution.label(), g.label);
        match out
            .iter_mut()
            .find(|(t, e, _)| *t == title && e.as_deref() == Some(&g.evidence))
        {
            Some((_, _, items)) => items.push(f),
            None => out.push((title, Some(g.evidence.clone()), vec![f])),
        }
    }
    for kind in Kind::ALL {
        let items: Vec<&Finding> = found
            .iter()
            .filter(|f| f.kind == kind && f.group.is_none())
            .collect();
        if !items.is_empty() {
            out.push((kind.label().to_string(), None, items));
        }
    }
    out
}
