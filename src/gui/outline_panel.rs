//! The middle panel: the selected report's outline as an indented tree, with its findings
//! (numbering gaps, repeats) marked. Clicking an entry moves the text cursor there.
//! Only the visible rows are laid out, so a report with thousands of headings stays fast.

use super::command::Command;
use super::workspace::Workspace;
use crate::model::{Finding, Heading};

enum Row<'a> {
    /// A finding not tied to a heading line.
    Finding(&'a Finding),
    Heading(&'a Heading),
}

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, selected: usize, cmds: &mut Vec<Command>) {
    ui.heading("提纲");
    ui.separator();
    let Some(report) = ws.analysis.outline.reports.get(selected) else {
        ui.label("没有选中的报告。");
        return;
    };
    if report.outline.is_empty() {
        ui.label("这篇报告没有识别出分级标题。");
    }
    let mut heading_lines: Vec<usize> = report.outline.iter().map(|h| h.line).collect();
    heading_lines.dedup();
    let mut rows: Vec<Row> = report
        .findings
        .iter()
        .filter(|f| heading_lines.binary_search(&f.line).is_err())
        .map(Row::Finding)
        .collect();
    rows.extend(report.outline.iter().map(Row::Heading));
    let index = &ws.analysis.index;
    let warn = ui.visuals().warn_fg_color;
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("outline_scroll")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, visible| {
            for row in &rows[visible] {
                match row {
                    Row::Finding(f) => {
                        let resp = ui
                            .add(
                                egui::Button::new(
                                    egui::RichText::new(format!("！{}", f.kind.label()))
                                        .color(warn),
                                )
                                .frame(false)
                                .truncate(),
                            )
                            .on_hover_text(format!("第 {} 行：{}", f.line + 1, f.message));
                        if resp.clicked() {
                            cmds.push(Command::GoTo(ws.map_offset(f.range.start, true)));
                        }
                    }
                    Row::Heading(h) => {
                        // Only visible rows look up their findings: those at this heading's
                        // marker, and those of its line that are at no heading's.
                        let at_a_marker = |f: &Finding| {
                            report
                                .outline
                                .iter()
                                .any(|o| o.line == f.line && o.marker_range.start == f.range.start)
                        };
                        let findings: Vec<&Finding> = report
                            .findings
                            .iter()
                            .filter(|f| {
                                f.line == h.line
                                    && (f.range.start == h.marker_range.start || !at_a_marker(f))
                            })
                            .collect();
                        ui.horizontal(|ui| {
                            ui.set_height(row_height);
                            ui.add_space(14.0 * h.level.saturating_sub(1) as f32);
                            let mut text = egui::RichText::new(format!(
                                "{}{}",
                                ws.analysed(&h.marker_range),
                                ws.analysed(&h.text_range)
                            ));
                            if h.level <= 1 {
                                text = text.strong();
                            }
                            if !findings.is_empty() {
                                text = text.color(warn);
                                ui.label(egui::RichText::new("！").color(warn).strong());
                            }
                            let mut resp = ui.add(egui::Button::new(text).frame(false).truncate());
                            resp = if findings.is_empty() {
                                resp.on_hover_text(format!("第 {} 行", h.line + 1))
                            } else {
                                let msg: Vec<String> = findings
                                    .iter()
                                    .map(|f| format!("{}：{}", f.kind.label(), f.message))
                                    .collect();
                                resp.on_hover_text(msg.join("\n"))
                            };
                            if resp.clicked() {
                                // A heading opening its line: the line's start; one inside a
                                // paragraph (二是, a list's next item): its marker.
                                let line_start = index.line_start(h.line);
                                let before = ws.analysed(&(line_start..h.marker_range.start));
                                let start = if before.trim().is_empty() {
                                    line_start
                                } else {
                                    h.marker_range.start
                                };
                                cmds.push(Command::GoTo(ws.map_offset(start, true)));
                            }
                        });
                    }
                }
            }
        });
}
