//! The middle panel: the selected report's outline as an indented tree, with its findings
//! (numbering gaps, repeats) marked. Clicking an entry moves the text cursor there.

use super::command::Command;
use super::workspace::Workspace;

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, selected: usize, cmds: &mut Vec<Command>) {
    ui.heading("提纲");
    ui.separator();
    let Some(report) = ws.analysis.outline.reports.get(selected) else {
        ui.label("没有选中的报告。");
        return;
    };
    let index = &ws.analysis.index;
    let warn = ui.visuals().warn_fg_color;
    egui::ScrollArea::vertical()
        .id_salt("outline_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Findings not tied to a heading line come first.
            let heading_lines: Vec<usize> = report.outline.iter().map(|h| h.line).collect();
            for f in report
                .findings
                .iter()
                .filter(|f| !heading_lines.contains(&f.line))
            {
                let resp = ui
                    .add(
                        egui::Button::new(
                            egui::RichText::new(format!("！{}", f.kind.label())).color(warn),
                        )
                        .frame(false),
                    )
                    .on_hover_text(format!("第 {} 行：{}", f.line + 1, f.message));
                if resp.clicked() {
                    cmds.push(Command::GoTo(ws.map_offset(f.range.start, true)));
                }
            }
            if report.outline.is_empty() {
                ui.label("这篇报告没有识别出分级标题。");
            }
            for h in &report.outline {
                let findings: Vec<_> = report
                    .findings
                    .iter()
                    .filter(|f| f.line == h.line)
                    .collect();
                ui.horizontal(|ui| {
                    ui.add_space(14.0 * h.level.saturating_sub(1) as f32);
                    let mut text = egui::RichText::new(format!("{}{}", h.marker, h.text));
                    if h.level <= 1 {
                        text = text.strong();
                    }
                    if !findings.is_empty() {
                        text = text.color(warn);
                    }
                    let mut resp = ui.add(egui::Button::new(text).frame(false).truncate());
                    if !findings.is_empty() {
                        let msg: Vec<String> = findings
                            .iter()
                            .map(|f| format!("{}：{}", f.kind.label(), f.message))
                            .collect();
                        resp = resp.on_hover_text(msg.join("\n"));
                        ui.label(egui::RichText::new("！").color(warn));
                    } else {
                        resp = resp.on_hover_text(format!("第 {} 行", h.line + 1));
                    }
                    if resp.clicked() {
                        let start = index
                            .line_start(h.line)
                            .max(h.marker_range.start.min(index.line_start(h.line)));
                        cmds.push(Command::GoTo(ws.map_offset(start, true)));
                    }
                });
            }
        });
}
