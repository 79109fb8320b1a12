//! The export dialog: this report, the whole compilation, or every report as its own file;
//! format, encoding and line ending. Unfilled placeholders are listed before writing, an
//! existing file is replaced only when the user says so, and the source is never written.

use super::app::Prefs;
use super::command::Command;
use super::workspace::Workspace;
use crate::export::{self, TextOptions};
use crate::model::{Encoding, LineEnding};
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

    /// What the core exports for the dialog's choices.
    fn scope(&self, selected: usize) -> export::Scope {
        match self.scope {
            ExportScope::Report => export::Scope::Report(selected),
            ExportScope::Whole => export::Scope::Whole,
            ExportScope::EachReport => export::Scope::Split,
        }
    }

    fn format(&self) -> export::Format {
        if self.docx {
            export::Format::Docx {
                preset: Box::default(),
                author: self.author.clone(),
            }
        } else {
            export::Format::Text(TextOptions {
                encoding: self.encoding,
                line_ending: self.line_ending,
            })
        }
    }

    /// The files this export would write, each with its report (None: the whole
    /// compilation): the names alone, which the dialog shows every frame without building
    /// the text.
    pub fn targets(&self, ws: &Workspace, selected: usize) -> Vec<(PathBuf, Option<usize>)> {
        let folder = PathBuf::from(self.folder.trim());
        let ext = if self.docx { "docx" } else { "txt" };
        export::names(&ws.analysis.outline, self.scope(selected), &ws.stem(), ext)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, report)| (folder.join(name), report))
            .collect()
    }

    /// The files this export writes, with their bytes: of the text as the user sees it,
    /// cleaned by the current plan when asked (the editor's text stays as it is), through
    /// the core's one export path. The report shown is the one exported, found in the
    /// cleaned text where its start moved to.
    pub fn outputs(
        &self,
        ws: &Workspace,
        selected: usize,
    ) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
        use std::borrow::Cow;
        let clean = self.apply_cleaning && !ws.plan.is_empty();
        let (text, analysis): (Cow<str>, Cow<crate::analysis::Analysis>) = if clean {
            let text = crate::edit::apply(&ws.text, &ws.plan).text;
            let analysis = crate::analysis::analyze(&text);
            (Cow::Owned(text), Cow::Owned(analysis))
        } else {
            (Cow::Borrowed(&ws.text), Cow::Borrowed(&ws.analysis))
        };
        let selected = if clean {
            let start = ws.report_range(selected).start;
            export::report_at(&analysis.outline, moved_by(start, &ws.plan))
        } else {
            selected
        };
        let folder = PathBuf::from(self.folder.trim());
        let outputs = export::outputs(
            &text,
            &analysis,
            self.scope(selected),
            &ws.stem(),
            &self.format(),
        )
        .map_err(|e| e.to_string())?;
        Ok(outputs
            .into_iter()
            .map(|o| (folder.join(o.name), o.bytes))
            .collect())
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
                (p.range.start, format!("第{}行 {context}", p.line() + 1))
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
        // The plan is of the analysed text: never apply it to a text edited since (the app
        // brings the analysis up to date before it writes).
        if ws.analysis_is_stale() {
            return Err("正在分析刚才的修改，请稍候再导出".into());
        }
        if self.apply_cleaning && ws.plan_pending() {
            return Err("正在更新清理预览，请稍候再导出".into());
        }
        let folder = PathBuf::from(self.folder.trim());
        if !folder.is_dir() {
            std::fs::create_dir_all(&folder)
                .map_err(|e| format!("{}: 无法创建文件夹（{e}）", folder.display()))?;
        }
        let files = self.outputs(ws, selected)?;
        if !replace {
            let paths: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
            let existing = export::existing(&paths);
            let is_source = |p: &PathBuf| {
                ws.path
                    .as_deref()
                    .is_some_and(|s| crate::fs::same_file(p, s))
            };
            // The source itself is refused below, never offered for replacing.
            if !existing.is_empty() && !existing.iter().any(is_source) {
                self.stage = Stage::ConfirmReplace(existing);
                return Ok(Vec::new());
            }
        }
        export::write_all(&files, replace, ws.path.as_deref()).map_err(|e| e.to_string())?;
        let written: Vec<PathBuf> = files.into_iter().map(|(p, _)| p).collect();
        self.stage = Stage::Done(written.clone());
        Ok(written)
    }
}

/// Where offset `pos` of a text is once `edits` (sorted, of that text) are applied: an
/// offset inside an edit goes to where its new text starts.
fn moved_by(pos: usize, edits: &[crate::model::Edit]) -> usize {
    let mut shift = 0isize;
    for e in edits {
        if e.range.end <= pos {
            shift += e.new.len() as isize - e.range.len() as isize;
        } else {
            if e.range.start < pos {
                return (e.range.start as isize + shift).max(0) as usize;
            }
            break;
        }
    }
    (pos as isize + shift).max(0) as usize
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
                        write_ui(false, cmds);
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
                        write_ui(true, cmds);
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

/// Asks the app to write: it brings a stale analysis up to date first, so what is written
/// is what the user sees, then calls [`write_now`].
fn write_ui(replace: bool, cmds: &mut Vec<Command>) {
    cmds.push(Command::WriteExport { replace });
}

/// Writes the files the dialog shows; the command to run once they are written.
pub fn write_now(
    d: &mut ExportDialog,
    ws: &Workspace,
    selected: usize,
    replace: bool,
) -> Option<Command> {
    let quick = d.stage == Stage::Quick;
    match d.write(ws, selected, replace) {
        Ok(written) if !written.is_empty() => {
            d.error = None;
            // From the one-line confirmation, the notice is enough: no 完成 to click.
            if quick {
                d.open = false;
            }
            Some(Command::Exported {
                whole: d.scope != ExportScope::Report,
                folder: PathBuf::from(d.folder.trim()),
                count: written.len(),
            })
        }
        Ok(_) => None,
        Err(e) => {
            d.error = Some(e);
            d.stage = Stage::Options;
            None
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
            write_ui(false, cmds);
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
                write_ui(false, cmds);
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
        ws.refresh_plan(&crate::clean::RuleSet::default());
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
        // Analysed again, its plan is made on another thread: not written without it.
        ws.refresh_analysis(true);
        ws.refresh_plan(&crate::clean::RuleSet::default());
        assert!(ws.plan_pending() && ws.plan.is_empty());
        let refused = d.write(&ws, 0, false);
        assert!(refused.is_err_and(|e| e.contains("稍候")));
        // Brought up to date (as opening the dialog does), it writes the cleaned new text.
        ws.settle_plan(&crate::clean::RuleSet::default());
        let written = d.write(&ws, 0, false).unwrap();
        let out = std::fs::read_to_string(&written[0]).unwrap();
        assert!(out.starts_with("新关于2023年工作的报告"), "{}", &out[..60]);
        assert!(!out.contains("客服") && out.contains("全体党员干部"));
    }
}
