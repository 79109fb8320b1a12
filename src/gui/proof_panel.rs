//! The 校对 (proofreading) tab: the suggestions of the proofreading made with every
//! analysis of the text (so the list and the editor's marks follow typing), grouped by
//! substitution pair and by kind, each with its context (the text as written struck
//! through, the fix in green). Clicking one shows it in the text; 采纳 accepts one, 全部采纳
//! a whole group in one undo step; 忽略 / 全部忽略 put them away for this file, and the
//! autosaved session and the answers file remember that. Kinds a cleaning rule of the 校对
//! category already fixes are left to the 清理 tab.

use super::command::Command;
use super::workspace::Workspace;
use crate::clean::RuleSet;
use crate::placeholder::ProofAnswers;
use crate::proof::{Finding, Kind};

/// How many suggestions of one group the list shows.
const SHOWN_PER_GROUP: usize = 40;

/// One group of the list: its title, the evidence for it, its suggestions.
pub struct Group<'a> {
    pub title: String,
    pub evidence: Option<String>,
    pub items: Vec<&'a Finding>,
}

/// Whether the 校对 tab lists suggestions of `kind`: not when a cleaning rule makes them.
fn listed(kind: Kind, rules: &RuleSet) -> bool {
    !rules.is_enabled(kind.rule_id())
}

/// The suggestions the tab lists: fresh, not ignored, of kinds no cleaning rule fixes.
pub fn shown<'a>(ws: &'a Workspace, rules: &RuleSet) -> Option<Vec<&'a Finding>> {
    let found = ws.fresh_proofreading()?;
    Some(
        found
            .iter()
            .zip(&ws.proof_keys)
            .filter(|(f, key)| listed(f.kind, rules) && !ws.proof_ignored.contains(*key))
            .map(|(f, _)| f)
            .collect(),
    )
}

/// The tab's title: 校对, with the number of suggestions when they are fresh.
pub fn tab_title(ws: &Workspace, rules: &RuleSet) -> String {
    match shown(ws, rules) {
        Some(found) => format!("校对（{}）", found.len()),
        None => "校对".to_string(),
    }
}

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, rules: &RuleSet, cmds: &mut Vec<Command>) {
    let shown = shown(ws, rules);
    ui.horizontal(|ui| {
        match &shown {
            Some(found) => {
                ui.strong(format!("{} 条校对建议", found.len()))
                    .on_hover_text(
                        "整篇替换的错字、易混词、半角标点、不配对的括号和引号，随输入更新",
                    );
            }
            None => {
                let note = if ws.text.len() > super::workspace::LIVE_PROOF_LIMIT {
                    "文本较大，校对不随输入更新"
                } else {
                    "文本已改动，停止输入后更新"
                };
                ui.label(egui::RichText::new(note).weak());
                if ui
                    .button("立即校对")
                    .on_hover_text("不等输入停顿，现在就校对全文")
                    .clicked()
                {
                    cmds.push(Command::Proofread);
                }
            }
        }
        if !ws.proof_ignored.is_empty()
            && ui
                .button(format!("恢复已忽略（{}）", ws.proof_ignored.len()))
                .on_hover_text("重新列出忽略过的建议")
                .clicked()
        {
            cmds.push(Command::UnignoreProof);
        }
    });
    let by_rule: Vec<&str> = [Kind::Punctuation, Kind::Bracket]
        .into_iter()
        .filter(|k| !listed(*k, rules))
        .map(|k| k.label())
        .collect();
    if !by_rule.is_empty() {
        ui.label(
            egui::RichText::new(format!("{}由“清理”处理（校对类规则）", by_rule.join("、")))
                .small()
                .weak(),
        );
    }
    ui.separator();
    let Some(found) = shown else {
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("proof_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if found.is_empty() {
                ui.label("没有校对建议。");
            }
            for g in groups(&found) {
                group_ui(ui, ws, &g, cmds);
            }
        });
}

fn group_ui(ui: &mut egui::Ui, ws: &Workspace, g: &Group, cmds: &mut Vec<Command>) {
    let title = &g.title;
    egui::CollapsingHeader::new(format!("{title}（{} 处）", g.items.len()))
        .id_salt(("proof", title))
        .default_open(true)
        .show(ui, |ui| {
            if let Some(evidence) = &g.evidence {
                ui.label(egui::RichText::new(evidence).small());
            }
            let fixes: Vec<_> = g.items.iter().filter(|f| f.has_fix()).collect();
            ui.horizontal(|ui| {
                if !fixes.is_empty()
                    && ui
                        .button("全部采纳")
                        .on_hover_text("一次改完本组各处，可用 Ctrl+Z 撤销")
                        .clicked()
                {
                    cmds.push(Command::AcceptProof {
                        edits: fixes.iter().map(|f| f.edit()).collect(),
                        keys: fixes.iter().map(|f| f.key(&ws.text)).collect(),
                        label: format!("校对：{title}"),
                    });
                }
                if ui
                    .button("全部忽略")
                    .on_hover_text("本组各处不再列出（随自动保存记住）")
                    .clicked()
                {
                    cmds.push(Command::IgnoreProof {
                        keys: g.items.iter().map(|f| f.key(&ws.text)).collect(),
                    });
                }
            });
            for f in g.items.iter().take(SHOWN_PER_GROUP) {
                ui.horizontal_wrapped(|ui| {
                    if f.has_fix() && ui.small_button("采纳").on_hover_text(&f.message).clicked()
                    {
                        cmds.push(Command::AcceptProof {
                            edits: vec![f.edit()],
                            keys: vec![f.key(&ws.text)],
                            label: format!("校对：{}", f.kind.label()),
                        });
                    }
                    if ui
                        .small_button("忽略")
                        .on_hover_text("这一处不再列出")
                        .clicked()
                    {
                        cmds.push(Command::IgnoreProof {
                            keys: vec![f.key(&ws.text)],
                        });
                    }
                    let clicked = super::clean_panel::change_label(ui, ws, &f.edit())
                        .on_hover_text(format!("{}（点击在正文中查看）", f.message))
                        .clicked();
                    if clicked {
                        cmds.push(Command::Reveal(f.range.clone()));
                    }
                });
            }
            if g.items.len() > SHOWN_PER_GROUP {
                ui.label(format!("……另有 {} 处", g.items.len() - SHOWN_PER_GROUP));
            }
        });
}

/// The findings by substitution pair (each with its evidence), then by kind.
pub fn groups<'a>(found: &[&'a Finding]) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = Vec::new();
    for &f in found {
        let Some(g) = &f.group else { continue };
        let title = format!("{}：{}", Kind::Substitution.label(), g.label);
        match out
            .iter_mut()
            .find(|x| x.title == title && x.evidence.as_deref() == Some(&g.evidence))
        {
            Some(x) => x.items.push(f),
            None => out.push(Group {
                title,
                evidence: Some(g.evidence.clone()),
                items: vec![f],
            }),
        }
    }
    for kind in Kind::ALL {
        let items: Vec<&Finding> = found
            .iter()
            .copied()
            .filter(|f| f.kind == kind && f.group.is_none())
            .collect();
        if !items.is_empty() {
            out.push(Group {
                title: kind.label().to_string(),
                evidence: None,
                items,
            });
        }
    }
    out
}

/// The proofreading part of the answers file: the suggestions accepted (of `accepted`, the
/// keys of every acceptance, those not listed again: an undone acceptance lists its
/// suggestion again under the same key) and those ignored.
pub fn answers(ws: &mut Workspace, accepted: &std::collections::BTreeSet<String>) -> ProofAnswers {
    ws.run_proofreading();
    let outstanding: std::collections::HashSet<&String> = ws.proof_keys.iter().collect();
    ProofAnswers {
        accepted: accepted
            .iter()
            .filter(|k| !outstanding.contains(k))
            .cloned()
            .collect(),
        ignored: ws.proof_ignored.clone(),
    }
}

/// Takes in the proofreading part of a loaded answers file: its ignored suggestions are
/// listed no more, its accepted ones found again ([`crate::proof::named`]) and applied as
/// one undo step. How many were applied.
pub fn load_answers(ws: &mut Workspace, a: &ProofAnswers) -> usize {
    if a.is_empty() {
        return 0;
    }
    ws.run_proofreading();
    let Some(found) = ws.fresh_proofreading() else {
        return 0;
    };
    // An ignored suggestion under its key in this text (the file's may differ around it).
    let ignored: Vec<String> = a.ignored.iter().cloned().collect();
    let keys: Vec<String> = crate::proof::named(found, &ws.text, &ignored)
        .into_iter()
        .map(|i| ws.proof_keys[i].clone())
        .collect();
    ws.proof_ignored.extend(ignored);
    ws.proof_ignored.extend(keys);
    let Some(found) = ws.fresh_proofreading() else {
        return 0;
    };
    let edits = crate::proof::edits_answered(
        found,
        &ws.text,
        &[],
        &ProofAnswers {
            accepted: a.accepted.clone(),
            ignored: ws.proof_ignored.clone(),
        },
    );
    let n = edits.len();
    if n > 0 && ws.apply(edits, "校对（载入答案）", false) {
        n
    } else {
        0
    }
}
