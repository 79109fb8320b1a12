//! The left panel: the reports of the compilation, inferred titles marked, with how many
//! placeholders are unfilled and how many findings each has. A long list (a whole
//! 素材库 in one file has thousands of reports) lays out only the rows in view.

use super::command::Command;
use super::workspace::Workspace;

/// Up to this many reports every row is laid out, its title wrapped; above, rows have one
/// height, their titles cut to one line (the whole title shows on hover), and only those
/// in view are laid out.
const WRAPPED_ROWS_UP_TO: usize = 300;

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
    let scroll = egui::ScrollArea::vertical()
        .id_salt("reports_scroll")
        .auto_shrink([false, false]);
    let n = outline.reports.len();
    if n <= WRAPPED_ROWS_UP_TO {
        scroll.show(ui, |ui| {
            for i in 0..n {
                row(ui, ws, i, selected, true, cmds);
            }
        });
        return;
    }
    let spacing = ui.spacing().item_spacing.y;
    let title =
        ui.text_style_height(&egui::TextStyle::Button) + 2.0 * ui.spacing().button_padding.y;
    let counts = ui
        .text_style_height(&egui::TextStyle::Small)
        .max(ui.spacing().interact_size.y);
    let height = title + spacing + counts + ROW_GAP;
    scroll.show_rows(ui, height, n, |ui, rows| {
        for i in rows {
            let width = ui.available_width();
            ui.allocate_ui_with_layout(
                egui::vec2(width, height),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_min_height(height);
                    row(ui, ws, i, selected, false, cmds);
                },
            );
        }
    });
}

/// Space under each report's row.
const ROW_GAP: f32 = 4.0;

/// Report `i`: its title (a button that selects it), then its unfilled placeholders and
/// findings.
fn row(
    ui: &mut egui::Ui,
    ws: &Workspace,
    i: usize,
    selected: usize,
    wrap: bool,
    cmds: &mut Vec<Command>,
) {
    let r = &ws.analysis.outline.reports[i];
    let unfilled = ws.analysis.report_placeholders(i).len();
    let mut title = egui::RichText::new(format!("{}. {}", i + 1, r.title));
    if r.title_inferred {
        title = title.italics();
    }
    let button = egui::Button::selectable(i == selected, title);
    let button = if wrap {
        button.wrap()
    } else {
        button.truncate()
    };
    let what = if r.title_inferred {
        "原文没有标题，这是根据开头推断的标题"
    } else {
        "点击编辑这篇报告"
    };
    // A title cut to one line shows whole on hover.
    let hover = if wrap {
        what.to_string()
    } else {
        format!("{}\n{what}", r.title)
    };
    let resp = ui.add(button).on_hover_text(hover);
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
    ui.add_space(ROW_GAP);
}
