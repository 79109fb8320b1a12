//! The export dialog: this report, the whole compilation, or every report as its own file;
//! format, encoding and line ending. Unfilled placeholders are listed before writing, an
//! existing file is replaced only when the user says so, and the source is never written.

use super::app::Prefs;
use super::command::Command;
use super::workspace::Workspace;
use crate::export::{self, TextOptions};
use crate::model::{ByteRange, Edit, Encoding, LineEnding};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExportScope {
    Report,
    Whole,
    EachReport,
}

impl ExportScope {
    fn label(self) -> &'static str {
        match self {
            ExportScope::Report => "当前这篇报告",
            ExportScope::Whole => "整部汇编（一个文件）",
            ExportScope::EachReport => "每篇报告各存一个文件",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Ctrl+E: the remembered choices in one line, one click to export.
    Quick,
    Options,
    /// Unfilled placeholders were found: go fill them or export anyway.
    Unfilled,
    /// These files exist already.
    ConfirmReplace(Vec<PathBuf>),
    Done(Vec<PathBuf>),
}

#[derive(Debug, Clone)]
pub struct ExportDialog {
    pub scope: ExportScope,
    pub encoding: Encoding,
    pub line_ending: LineEnding,
    /// Apply the cleaning plan to what is written (the editor's text stays as it is).
    pub apply_cleaning: bool,
    /// Word (.docx, 公文 layout) instead of plain text.
    pub docx: bool,
    /// The folder the files go into.
    pub folder: String,
    /// The author a .docx names in its properties (设置).
    pub author: String,
    pub stage: Stage,
    pub error: Option<String>,
    pub open: bool,
}

impl ExportDialog {
    /// The dialog with the user's last choices of scope and format (this report as .docx
    /// at first), at its one-line confirmation; the full options are one click away.
    pub fn new(prefs: &Prefs, ws: &Workspace) -> ExportDialog {
        ExportDialog {
            scope: prefs.export_scope,
            encoding: prefs.export_encoding,
            line_ending: if ws.path.is_some() {
                ws.line_ending
            } else {
                prefs.export_line_ending
            },
            apply_cleaning: true,
            // A Word source is proposed back as Word.
            docx: prefs.export_docx || ws.source.format.is_word(),
            folder: String::new(),
            author: prefs.author.trim().to_string(),
            stage: Stage::Quick,
            error: None,
            open: true,
        }
    }

    /// The files this export would write, with their text.
    pub fn outputs(&self, ws: &Workspace, selected: usize) -> Vec<(PathBuf, String)> {
        let reports = &ws.analysis.outline.reports;
        self.targets(ws, selected)
            .into_iter()
            .map(|(path, report)| {
                let text = match report {
                    None => {
                        let mut t = self.text_of(ws, 0..ws.text.len());
                        if !t.ends_with('\n') {
                            t.push('\n');
                        }
                        t
                    }
                    Some(i) => with_title(&reports[i], self.text_of(ws, ws.report_range(i))),
                };
                (path, text)
            })
            .collect()
    }

    /// The files this export would write, each with its report (None: the whole
    /// compilation): the names alone, which the dialog shows every frame without building
    /// the text.
    pub fn targets(&self, ws: &Workspace, selected: usize) -> Vec<(PathBuf, Option<usize>)> {
        let folder = PathBuf::from(self.folder.trim());
        let stem = ws.stem();
        let reports = &ws.analysis.outline.reports;
        let ext = if self.docx { "docx" } else { "txt" };
        match self.scope {
            ExportScope::Whole => vec![(folder.join(format!("{stem}-清稿.{ext}")), None)],
            ExportScope::Report => match reports.get(selected) {
                Some(r) => vec![(
                    folder.join(export::file_name(selected + 1, &r.title, ext)),
                    Some(selected),
                )],
                None => Vec::new(),
            },
            ExportScope::EachReport => {
                let mut seen = std::collections::HashSet::new();
                reports
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut name = export::file_name(i + 1, &r.title, ext);
                        // Two reports with one title still get two files.
                        let mut k = 2;
                        while !seen.insert(name.to_lowercase()) {
                            name = export::file_name(i + 1, &format!("{}-{k}", r.title), ext);
                            k += 1;
                        }
                        (folder.join(name), Some(i))
                    })
                    .collect()
            }
        }
    }

    /// `range` of the text, cleaned when asked.
    fn text_of(&self, ws: &Workspace, range: ByteRange) -> String {
        let slice = &ws.text[range.clone()];
        if !self.apply_cleaning {
            return slice.to_string();
        }
        let local: Vec<Edit> = ws
            .plan
            .iter()
            .filter(|e| e.range.start >= range.start && e.range.end <= range.end)
            .map(|e| Edit {
                range: e.range.start - range.start..e.range.end - range.start,
                ..e.clone()
            })
            .collect();
        crate::edit::apply(slice, &local).text
    }

    /// Placeholders left in what would be exported.
    fn unfilled(&self, ws: &Workspace, selected: usize) -> Vec<(usize, String)> {
        let list: &[crate::placeholder::Placeholder] = match self.scope {
            ExportScope::Report => ws.analysis.report_placeholders(selected),
            _ => &ws.analysis.placeholders,
        };
        list.iter()
            .map(|p| {
                let (_, around) = ws.placeholder_context(p);
                let context = ws.text.get(around).unwrap_or("");
                (p.range.start, format!("第{}行 {context}", p.line + 1))
            })
            .collect()
    }

    /// Writes the files. Refuses the source file; replaces existing files only if `replace`.
    pub fn write(
        &mut self,
        ws: &Workspace,
        selected: usize,
        replace: bool,
    ) -> Result<Vec<PathBuf>, String> {
        if self.folder.trim().is_empty() {
            return Err("请先选择保存的文件夹".into());
        }
        // The plan is of the analysed text: never apply it to a text edited since.
        if ws.analysis_is_stale() {
            return Err("正在分析刚才的修改，请稍候再导出".into());
        }
        let folder = PathBuf::from(self.folder.trim());
        if !folder.is_dir() {
            std::fs::create_dir_all(&folder)
                .map_err(|e| format!("{}: 无法创建文件夹（{e}）", folder.display()))?;
        }
        let outputs = self.outputs(ws, selected);
        let source = ws.path.as_deref();
        if let Some(src) = source
            && outputs.iter().any(|(p, _)| crate::fs::same_file(p, src))
        {
            return Err(format!(
                "{}: 这是原文件，清稿从不覆盖原文件；请换一个文件夹",
                src.display()
            ));
        }
        if !replace {
            let existing: Vec<PathBuf> = outputs
                .iter()
                .filter(|(p, _)| p.exists())
                .map(|(p, _)| p.clone())
                .collect();
            if !existing.is_empty() {
                self.stage = Stage::ConfirmReplace(existing);
                return Ok(Vec::new());
            }
        }
        let opts = TextOptions {
            encoding: self.encoding,
            line_ending: self.line_ending,
        };
        let files: Vec<(PathBuf, Vec<u8>)> = if self.docx {
            self.docx_files(ws, selected, outputs)?
        } else {
            outputs
                .into_iter()
                .map(|(p, t)| export::encode_owned(t, opts).map(|b| (p, b)))
                .collect::<Result<_, _>>()
                .map_err(|e| e.to_string())?
        };
        let mut written = Vec::new();
        for (path, bytes) in files {
            export::write_atomic(&path, &bytes, replace, source).map_err(|e| e.to_string())?;
            written.push(path);
        }
        self.stage = Stage::Done(written.clone());
        Ok(written)
    }
}

impl ExportDialog {
    /// The .docx files for `outputs` (whose names they keep): the text as exported is
    /// analysed again so headings and titles match what is written.
    fn docx_files(
        &self,
        ws: &Workspace,
        selected: usize,
        outputs: Vec<(PathBuf, String)>,
    ) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
        use crate::export::docx;
        let text = self.text_of(ws, 0..ws.text.len());
        let analysis = crate::analysis::analyze(&text);
        let preset = docx::Preset::default();
        let n = analysis.outline.reports.len();
        let build = |reports: &[usize], whole: bool| {
            let mut input = docx::input_from_text(&text, &analysis, reports, whole);
            input.author = self.author.clone();
            docx::build(&input, &preset).map_err(|e| e.to_string())
        };
        let mut files = Vec::new();
        for (i, (path, _)) in outputs.into_iter().enumerate() {
            let bytes = match self.scope {
                ExportScope::Whole => build(&(0..n).collect::<Vec<_>>(), true)?,
                ExportScope::Report => build(&[selected.min(n.saturating_sub(1))], false)?,
                ExportScope::EachReport => build(&[i], false)?,
            };
            files.push((path, bytes));
        }
        Ok(files)
    }
}

/// A report's text as exported: an inferred title goes first, so the file has one.
fn with_title(r: &crate::model::Report, body: String) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    if r.title_inferred {
        out.push_str(&r.title);
        out.push_str("\n\n");
    }
    out.push_str(&body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

pub fn ui(
    ctx: &egui::Context,
    d: &mut ExportDialog,
    ws: &Workspace,
    selected: usize,
    cmds: &mut Vec<Command>,
) {
    let mut open = d.open;
    // The one-line confirmation and the full options are windows of their own: a
    // resizable window keeps its first size, which would clip the options under it.
    let quick = d.stage == Stage::Quick;
    egui::Window::new("导出")
        .id(egui::Id::unique(("export_dialog", quick)))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(480.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| match d.stage.clone() {
            Stage::Quick => quick_ui(ui, d, ws, selected, cmds),
            Stage::Options => options_ui(ui, d, ws, selected, cmds),
            Stage::Unfilled => {
                let list = d.unfilled(ws, selected);
                ui.label(format!(
                    "要导出的文字里还有 {} 处占位符没有填写：",
                    list.len()
                ));
                egui::ScrollArea::vertical()
                    .max_height(200.0)
                    .show(ui, |ui| {
                        for (_, line) in list.iter().take(50) {
                            ui.label(line);
                        }
                        if list.len() > 50 {
                            ui.label(format!("……另有 {} 处", list.len() - 50));
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button("去填写").clicked() {
                        d.open = false;
                        cmds.push(Command::FillFirst);
                    }
                    if ui.button("仍然导出").clicked() {
                        write_ui(d, ws, selected, false, cmds);
                    }
                    if ui.button("返回").clicked() {
                        d.stage = Stage::Options;
                    }
                });
            }
            Stage::ConfirmReplace(existing) => {
                ui.label("这些文件已经存在：");
                for p in existing.iter().take(20) {
                    ui.monospace(p.display().to_string());
                }
                ui.horizontal(|ui| {
                    if ui.button("替换").clicked() {
                        write_ui(d, ws, selected, true, cmds);
                    }
                    if ui.button("取消").clicked() {
                        d.stage = Stage::Options;
                    }
                });
            }
            Stage::Done(paths) => {
                ui.label(format!("已导出 {} 个文件，位置：", paths.len()));
                ui.monospace(d.folder.trim());
                egui::ScrollArea::vertical()
                    .max_height(200.0)
                    .show(ui, |ui| {
                        for p in &paths {
                            let name = p
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_default();
                            ui.label(name);
                        }
                    });
                if ui.button("完成").clicked() {
                    d.open = false;
                }
            }
        });
    d.open = d.open && open;
}

fn write_ui(
    d: &mut ExportDialog,
    ws: &Workspace,
    selected: usize,
    replace: bool,
    cmds: &mut Vec<Command>,
) {
    let quick = d.stage == Stage::Quick;
    match d.write(ws, selected, replace) {
        Ok(written) if !written.is_empty() => {
            d.error = None;
            // From the one-line confirmation, the notice is enough: no 完成 to click.
            if quick {
                d.open = false;
            }
            cmds.push(Command::Exported {
                whole: d.scope != ExportScope::Report,
                folder: PathBuf::from(d.folder.trim()),
                count: written.len(),
            });
        }
        Ok(_) => {}
        Err(e) => {
            d.error = Some(e);
            d.stage = Stage::Options;
        }
    }
}

/// The one-line confirmation of Ctrl+E: what is written where, in the format chosen last.
/// Enter or 导出 writes; unfilled placeholders are said here and do not cost a step.
fn quick_ui(
    ui: &mut egui::Ui,
    d: &mut ExportDialog,
    ws: &Workspace,
    selected: usize,
    cmds: &mut Vec<Command>,
) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
    let what = match d.scope {
        ExportScope::Report => match ws.analysis.outline.reports.get(selected) {
            Some(r) => format!("第 {} 篇《{}》", selected + 1, r.title),
            None => "当前这篇报告".into(),
        },
        s => s.label().to_string(),
    };
    let format = if d.docx {
        "Word 公文格式（.docx）"
    } else {
        "文本（.txt）"
    };
    ui.label(format!("导出{what}，{format}"));
    if d.folder.trim().is_empty() {
        d.stage = Stage::Options;
        return;
    }
    match d.targets(ws, selected).as_slice() {
        [(p, _)] => ui.monospace(p.display().to_string()),
        list => ui.monospace(format!("{} 中的 {} 个文件", d.folder.trim(), list.len())),
    };
    let unfilled = d.unfilled(ws, selected).len();
    if unfilled > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("还有 {unfilled} 处占位符没有填写，导出的文件中会保留原样并标黄。"),
        );
    }
    super::review::link_ui(ui, ws, cmds);
    if let Some(e) = &d.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.separator();
    ui.horizontal(|ui| {
        let label = if unfilled > 0 {
            "仍然导出"
        } else {
            "导出"
        };
        let go = ui.button(label);
        if go.clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            write_ui(d, ws, selected, false, cmds);
        }
        if unfilled > 0 && ui.button("去填写").clicked() {
            d.open = false;
            cmds.push(Command::FillFirst);
        }
        if ui.button("更多选项…").clicked() {
            d.stage = Stage::Options;
        }
        if ui.button("取消").clicked() {
            d.open = false;
        }
    });
}

fn options_ui(
    ui: &mut egui::Ui,
    d: &mut ExportDialog,
    ws: &Workspace,
    selected: usize,
    cmds: &mut Vec<Command>,
) {
    ui.strong("导出范围");
    for s in [
        ExportScope::Report,
        ExportScope::Whole,
        ExportScope::EachReport,
    ] {
        ui.radio_value(&mut d.scope, s, s.label());
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.strong("格式");
        ui.radio_value(&mut d.docx, false, ".txt 文本");
        ui.radio_value(&mut d.docx, true, ".docx 公文格式");
    });
    if d.docx {
        missing_fonts_ui(ui);
    }
    ui.add_enabled_ui(!d.docx, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label("编码");
            egui::ComboBox::from_id_salt("export_encoding")
                .selected_text(d.encoding.name())
                .show_ui(ui, |ui| {
                    for e in Encoding::ALL {
                        ui.selectable_value(&mut d.encoding, e, e.name());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.label("换行");
            ui.radio_value(&mut d.line_ending, LineEnding::Lf, "LF（通用）");
            ui.radio_value(
                &mut d.line_ending,
                LineEnding::Crlf,
                "CRLF（Windows 记事本）",
            );
        })
    });
    ui.checkbox(
        &mut d.apply_cleaning,
        "导出时应用当前的清理规则（不改动编辑器中的文字）",
    );
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label("保存到文件夹");
        ui.add(egui::TextEdit::singleline(&mut d.folder).desired_width(260.0))
            .labelled_by(label.id);
        if ui.button("选择…").clicked() {
            let mut dialog = rfd::FileDialog::new().set_title("选择导出的文件夹");
            if !d.folder.trim().is_empty() {
                dialog = dialog.set_directory(d.folder.trim());
            }
            match dialog.pick_folder() {
                Some(p) => d.folder = p.display().to_string(),
                None => {
                    d.error = Some(
                        "没有选择文件夹。如果系统对话框没有出现，请直接在框里输入路径。".into(),
                    )
                }
            }
        }
    });
    let outputs = d.targets(ws, selected);
    ui.label(
        egui::RichText::new(match outputs.as_slice() {
            [(p, _)] => format!(
                "将写入：{}",
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            list => format!("将写入 {} 个文件", list.len()),
        })
        .small()
        .weak(),
    );
    if let Some(e) = &d.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.separator();
    ui.horizontal(|ui| {
        if ui.button("导出").clicked() {
            if d.unfilled(ws, selected).is_empty() {
                write_ui(d, ws, selected, false, cmds);
            } else {
                d.stage = Stage::Unfilled;
            }
        }
        if ui.button("取消").clicked() {
            d.open = false;
        }
    });
}

/// Which 公文 fonts this machine lacks, and what Word/WPS will show instead.
fn missing_fonts_ui(ui: &mut egui::Ui) {
    let preset = crate::export::docx::Preset::default();
    let missing = crate::export::docx::missing_fonts(&preset, super::system_fonts::installed());
    if missing.is_empty() {
        ui.label("公文字体齐全。");
        return;
    }
    let list: Vec<String> = missing
        .iter()
        .map(|(want, fallback)| {
            if fallback.is_empty() {
                want.clone()
            } else {
                format!("{want}（可用 {fallback} 代替）")
            }
        })
        .collect();
    // Full size and wrapped inside the dialog: a user must be able to read it.
    ui.add(
        egui::Label::new(
            egui::RichText::new(format!(
                "本机未找到字体：{}。文档照常写入这些字体名，在装有这些字体的电脑上打开即是标准公文样式。",
                list.join("、")
            ))
            .color(ui.visuals().warn_fg_color),
        )
        .wrap(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;

    /// A text edited since its analysis (a large one waits for a pause in typing) is never
    /// written with the old plan, nor raw while cleaning is ticked.
    #[test]
    fn a_stale_analysis_is_not_exported() {
        let one = "关于2023年工作的报告\n\n全体D员干部参加学习。\n请添加客服：qh2024\n\n\n";
        let text = one.repeat(crate::gui::LIVE_ANALYSIS_LIMIT / one.len() + 10);
        let mut ws = Workspace::new(Document::from_text(text));
        ws.refresh_plan(&crate::clean::RuleSet::default(), 1);
        let e = crate::edit::user_edit(&ws.text, 0..0, "新");
        assert!(ws.apply(vec![e], "输入", true));
        assert!(ws.analysis_is_stale(), "a large text waits for a pause");
        let dir = tempfile::tempdir().unwrap();
        let mut d = ExportDialog::new(&Prefs::default(), &ws);
        d.folder = dir.path().display().to_string();
        d.scope = ExportScope::Whole;
        d.docx = false;
        let refused = d.write(&ws, 0, false);
        assert!(refused.is_err_and(|e| e.contains("稍候")));
        assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
        // Brought up to date (as opening the dialog does), it writes the cleaned new text.
        ws.refresh_analysis(true);
        ws.refresh_plan(&crate::clean::RuleSet::default(), 1);
        let written = d.write(&ws, 0, false).unwrap();
        let out = std::fs::read_to_string(&written[0]).unwrap();
        assert!(out.starts_with("新关于2023年工作的报告"), "{}", &out[..60]);
        assert!(!out.contains("客服") && out.contains("全体党员干部"));
    }
}
