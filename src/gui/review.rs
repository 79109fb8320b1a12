//! 核对已填内容, the review list before export: every answer written where a placeholder
//! stood and every figure replaced in 数字核对, each in the sentence around it, report by
//! report. Clicking a row shows it in the text. Opened from the fill panel and from the
//! Ctrl+E confirmation; reads the workspace, changes nothing itself.

use super::command::Command;
use super::workspace::Workspace;
use crate::model::ByteRange;

/// One filled value as the text holds it now.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub report: Option<usize>,
    /// Where the value is in the text.
    pub range: ByteRange,
    pub value: String,
    /// What stood there before ("XX", or the replaced figure).
    pub was: String,
    pub figure: bool,
    /// The sentence before and after the value.
    pub before: String,
    pub after: String,
}

/// Every filled value of the compilation, in text order.
pub fn rows(ws: &Workspace) -> Vec<Row> {
    let text = ws.text.as_str();
    let mut filled: Vec<_> = ws.filled.iter().filter(|f| f.is_answered(text)).collect();
    filled.sort_by_key(|f| f.range.start);
    filled
        .into_iter()
        .map(|f| {
            let around = crate::placeholder::sentence_around(text, f.range.clone());
            Row {
                report: ws.report_at(f.range.start),
                range: f.range.clone(),
                value: text[f.range.clone()].to_string(),
                was: f.placeholder.clone(),
                figure: f.figure,
                before: text[around.start..f.range.start].to_string(),
                after: text[f.range.end..around.end].to_string(),
            }
        })
        .collect()
}

/// How many values are filled.
pub fn count(ws: &Workspace) -> usize {
    ws.filled.iter().filter(|f| f.is_answered(&ws.text)).count()
}

/// The link that opens the list ("核对已填内容（5 处）"), when anything is filled.
pub fn link_ui(ui: &mut egui::Ui, ws: &Workspace, cmds: &mut Vec<Command>) {
    let n = count(ws);
    if n > 0
        && ui
            .link(format!("核对已填内容（{n} 处）"))
            .on_hover_text("逐条查看填入的答案和替换的数字，点一条即在正文中显示")
            .clicked()
    {
        cmds.push(Command::OpenReview);
    }
}

/// The list, in a window of its own while `open`.
pub fn window(ctx: &egui::Context, ws: &Workspace, open: &mut bool, cmds: &mut Vec<Command>) {
    if !*open {
        return;
    }
    let list = rows(ws);
    let mut still_open = true;
    egui::Window::new("核对已填内容")
        .open(&mut still_open)
        .default_width(520.0)
        .default_height(420.0)
        .collapsible(false)
        .show(ctx, |ui| {
            if list.is_empty() {
                ui.label("还没有填写任何内容。");
                return;
            }
            ui.label(
                egui::RichText::new(format!(
                    "共 {} 处。点一条即在正文中显示；要改，在填写面板或正文中修改。",
                    list.len()
                ))
                .small()
                .weak(),
            );
            ui.separator();
            let strong = ui.visuals().strong_text_color();
            let weak = ui.visuals().weak_text_color();
            let mark = egui::Color32::from_rgb(0x6a, 0x1b, 0x9a);
            let row_height = 2.0 * ui.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .id_salt("review_scroll")
                .auto_shrink([false, false])
                .show_rows(ui, row_height, list.len(), |ui, visible| {
                    for row in &list[visible] {
                        row_ui(ui, ws, row, (strong, weak, mark), row_height, cmds);
                    }
                });
        });
    *open = still_open;
}

fn row_ui(
    ui: &mut egui::Ui,
    ws: &Workspace,
    row: &Row,
    (strong, weak, mark): (egui::Color32, egui::Color32, egui::Color32),
    height: f32,
    cmds: &mut Vec<Command>,
) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let mut job = egui::text::LayoutJob::default();
    let mut put = |s: &str, font: &egui::FontId, color: egui::Color32, underline: bool| {
        let mut format = egui::TextFormat::simple(font.clone(), color);
        if underline {
            format.underline = egui::Stroke::new(1.0, color);
        }
        job.append(s, 0.0, format);
    };
    let report = row
        .report
        .and_then(|i| ws.analysis.outline.reports.get(i).map(|r| (i, r)))
        .map_or_else(String::new, |(i, r)| {
            format!("第 {} 篇《{}》 ", i + 1, r.title)
        });
    let what = if row.figure { "替换数字" } else { "填写" };
    put(
        &format!("{report}{what}：原为“{}”\n", row.was),
        &small,
        weak,
        false,
    );
    put(&row.before, &font, strong, false);
    put(&row.value, &font, mark, true);
    put(&row.after, &font, strong, false);
    job.wrap = egui::text::TextWrapping::truncate_at_width(ui.available_width());
    job.wrap.max_rows = 2;
    let resp = ui.add_sized(
        [ui.available_width(), height],
        egui::Button::new(job).frame(false),
    );
    if resp.on_hover_text("在正文中显示").clicked() {
        cmds.push(Command::Reveal(row.range.clone()));
    }
}
