//! The left panel: the reports of the compilation, inferred titles marked, with how many
//! placeholders are unfilled and how many findings each has.

use super::command::Command;
use super::workspace::Workspace;

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, selected: usize, cmds: &mut Vec<Command>) {
    let outline = &ws.analysis.outline;
    ui.heading("报告");
    if let Some(t) = &outline.title {
        ui.label(egui::RichText::new(t).small().weak());
    }
    ui.separator();
    if outline.reports.is_empty() {
        ui.label("没有识别出报告。");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("reports_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, r) in outline.reports.iter().enumerate() {
                let unfilled = ws.analysis.report_placeholders(i).len();
                let mut title = egui::RichText::new(format!("{}. {}", i + 1, r.title));
                if r.title_inferred {
                    title = title.italics();
                }
                let resp = ui
                    .add(egui::Button::selectable(i == selected, title).wrap())
                    .on_hover_text(if r.title_inferred {
                        "原文没有标题，这是根据开头推断的标题"
                    } else {
                        "点击编辑这篇报告"
                    });
                if resp.clicked() {
                    cmds.push(Command::SelectReport(i));
                }
                ui.horizontal(|ui| {
                    ui.add_space(16.0);
                    if r.title_inferred {
                        ui.label(egui::RichText::new("标题为推断").small().italics().weak());
                    }
                    let warn = ui.visuals().warn_fg_color;
                    let weak = ui.visuals().weak_text_color();
                    ui.label(
                        egui::RichText::new(format!("待填 {unfilled}"))
                            .small()
                            .color(if unfilled > 0 { warn } else { weak }),
                    );
                    ui.label(
                        egui::RichText::new(format!("问题 {}", r.findings.len()))
                            .small()
                            .color(if r.findings.is_empty() { weak } else { warn }),
                    );
                });
                ui.add_space(4.0);
            }
        });
}
