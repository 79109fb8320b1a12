//! The status bar: file name, source format or encoding, line ending, reports, placeholders left, findings.

use super::app::App;
use super::command::Command;
use crate::model::Encoding;

pub fn ui(ui: &mut egui::Ui, app: &App, cmds: &mut Vec<Command>) {
    let ws = &app.ws;
    ui.horizontal(|ui| {
        ui.label(ws.display_name());
        ui.separator();
        if ws.source.format.is_word() {
            // A Word file has no text encoding to choose; its format is what the user sees.
            let images = ws.source.images_notice();
            let r = ui.label(ws.source.label());
            if let Some(notice) = images {
                r.on_hover_text(notice);
            }
        } else if ws.path.is_some() {
            ui.menu_button(format!("编码 {}", ws.encoding.name()), |ui| {
                ui.label("文字显示不对时，换一种编码重新读取：");
                for enc in Encoding::ALL {
                    if ui
                        .add(egui::Button::selectable(ws.encoding == enc, enc.name()))
                        .clicked()
                    {
                        cmds.push(Command::Reload(enc));
                    }
                }
            })
            .response
            .on_hover_text("点击可换一种编码重新读取文件");
        } else {
            ui.label(format!("编码 {}", ws.encoding.name()));
        }
        ui.separator();
        ui.label(format!("换行 {}", ws.line_ending.name().to_uppercase()));
        ui.separator();
        ui.label(format!("{} 篇报告", ws.analysis.outline.reports.len()));
        ui.separator();
        ui.label(format!("待填 {} 处", ws.unfilled(None)));
        ui.separator();
        ui.label(format!("问题 {} 条", ws.findings()));
        ui.separator();
        if ws.plan_pending() {
            ui.label("清理预览更新中…");
        } else {
            ui.label(format!("可清理 {} 处", ws.plan.len()));
        }
        if ws.analysis_is_stale() {
            ui.separator();
            ui.label("分析中…");
        }
        if ws.is_dirty() {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, "有未导出的修改");
        }
    });
}
