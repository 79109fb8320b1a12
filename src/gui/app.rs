//! The application state in one struct, the frame loop (shortcuts, panels, dialogs) and the
//! one place where commands change that state. Panels only read state and push commands.

use super::command::{self, Action, Command};
use super::export_dialog::{ExportDialog, ExportScope};
use super::fill_panel::{self, FillState};
use super::find_replace::FindState;
use super::text_panel::Editor;
use super::workspace::Workspace;
use super::{
    clean_panel, export_dialog, files, find_replace, outline_panel, proof_panel, reports_panel,
    status_bar, text_panel, timing,
};
use crate::clean::RuleSet;
use crate::model::{Document, Encoding, LineEnding};
use crate::placeholder::Answers;
use crate::session::{self, Session};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How long after the last change the session is autosaved, in seconds.
const AUTOSAVE_DELAY: f64 = 3.0;
/// How long typing must pause before a large text is analysed again, in seconds.
const ANALYSIS_PAUSE: f64 = 0.3;
const MAX_RECENT: usize = 10;

/// What persists between runs (eframe storage). Panel sizes persist with egui's memory.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub last_folder: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    /// A name answer fills the whole compilation, not only the report.
    pub fill_whole_compilation: bool,
    pub disabled_rules: Vec<String>,
    pub rules_file: Option<PathBuf>,
    pub export_encoding: Encoding,
    pub export_line_ending: LineEnding,
    pub tool_tab: ToolTab,
    pub text_size: f32,
    /// Autosaved sessions older than this many days are deleted at start-up (设置).
    pub autosave_days: u32,
    /// The author an exported .docx names in its properties (设置); empty names none.
    pub author: String,
    /// 应用清理 cleans the whole compilation (else the report shown).
    pub clean_whole: bool,
    /// The 使用说明 shown at the first start was dismissed for good.
    pub guide_dismissed: bool,
    /// The last export's scope and format, proposed by Ctrl+E.
    pub export_scope: ExportScope,
    pub export_docx: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            last_folder: None,
            recent: Vec::new(),
            fill_whole_compilation: false,
            disabled_rules: Vec::new(),
            rules_file: None,
            export_encoding: Encoding::Utf8,
            export_line_ending: LineEnding::Lf,
            tool_tab: ToolTab::Fill,
            text_size: 16.0,
            autosave_days: session::DEFAULT_RETENTION_DAYS,
            author: String::new(),
            clean_whole: true,
            guide_dismissed: false,
            export_scope: ExportScope::Report,
            export_docx: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToolTab {
    Fill,
    Clean,
    Proof,
}

/// What must happen once the user confirmed dropping unsaved work.
#[derive(Debug, Clone)]
pub enum AfterConfirm {
    Close,
    Open(PathBuf),
    OpenSample,
    New,
}

/// A dialog over the window.
#[derive(Debug, Clone)]
pub enum Modal {
    Message {
        title: String,
        body: String,
    },
    ConfirmDiscard(AfterConfirm),
    RestoreAutosave {
        saved_at: String,
    },
    /// 清除全部自动保存: how many there are, asked before deleting.
    ConfirmClearAutosaves {
        count: usize,
    },
    /// The native file dialog did not show: type a path instead.
    OpenPathEntry {
        text: String,
    },
    /// A file the readers refused that LibreOffice may open: the message, and the offer.
    OfferConvert {
        path: PathBuf,
        body: String,
    },
    /// LibreOffice is converting a file (off the UI thread).
    Converting,
    /// 使用说明: the five steps of the task, at the first start and from 帮助.
    Guide,
    /// 帮助 → 键盘快捷键.
    Shortcuts,
    /// The save dialog for answers did not show: type where to save them; `then` goes on
    /// (close, open another file) only once they are saved.
    SavePathEntry {
        text: String,
        then: Option<AfterConfirm>,
    },
}

/// A line shown above the text: what just happened, or what went wrong and what to do.
#[derive(Debug, Clone)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// How the document is shown: the report selected, the editor, the tool panels' state, the
/// find bar, the export dialog, the dialog over the window and the notice line. None of it is
/// part of the document: changing it never changes the text, the undo history or what is
/// autosaved.
#[derive(Default)]
pub struct View {
    /// The report being edited.
    pub selected: usize,
    pub editor: Editor,
    pub fill: FillState,
    pub find: FindState,
    pub export: Option<ExportDialog>,
    pub modal: Option<Modal>,
    pub notice: Option<Notice>,
}

/// The editor: the document (its workspace — text, undo history, analysis, cleaning plan —
/// with the answers typed and the rule set), how it is shown ([`View`]), and what persists
/// between runs. Panels read it and push [`Command`]s; [`App::run`] is the one place that
/// changes the document.
pub struct App {
    pub prefs: Prefs,
    pub ws: Workspace,
    pub rules: RuleSet,
    pub answers: Answers,
    pub view: View,
    /// Where sessions are autosaved (None: autosave off).
    pub data_dir: Option<PathBuf>,
    /// Ask the system for file dialogs. Off, every dialog behaves as one that did not
    /// appear (no portal): the path entry shows instead. Tests turn it off.
    pub native_dialogs: bool,
    /// LibreOffice, for files the readers refuse.
    pub converter: files::Converter,
    /// An autosave found for the open file, waiting for the user's answer.
    pending_restore: Option<Session>,
    /// A document was shown (and its autosave offered); false for the placeholder
    /// workspace `new` makes, whose autosave must not be touched before it was offered.
    shown: bool,
    autosave_due: Option<f64>,
    autosaved_revision: u64,
    commands: Vec<Command>,
    pub allow_close: bool,
    title: String,
    now: f64,
    last_change: f64,
    /// The first frame that shows a file was logged ([`timing`]).
    timed_first_frame: bool,
}

impl App {
    pub fn new(prefs: Prefs) -> App {
        let mut rules = RuleSet::default();
        if let Some(path) = prefs.rules_file.clone()
            && let Ok(loaded) = files::load_rules(&path)
        {
            // Its word lists join the lexicon before the first text is analysed.
            let _ = loaded.install_words();
            rules = loaded;
        }
        for r in &mut rules.rules {
            if prefs.disabled_rules.contains(&r.id) {
                r.enabled = false;
            }
        }
        App {
            prefs,
            ws: Workspace::new(Document::from_text(super::SAMPLE_TEXT)),
            rules,
            answers: Answers::default(),
            view: View::default(),
            native_dialogs: true,
            converter: files::Converter::default(),
            data_dir: session::data_dir(),
            pending_restore: None,
            shown: false,
            autosave_due: None,
            autosaved_revision: 0,
            commands: Vec::new(),
            allow_close: false,
            title: String::new(),
            now: 0.0,
            last_change: 0.0,
            timed_first_frame: false,
        }
    }

    /// Shows the built-in sample.
    pub fn open_sample(&mut self) {
        self.set_document(Document::from_text(super::SAMPLE_TEXT));
    }

    /// Opens a file; errors appear in the window with the file name.
    pub fn open_path(&mut self, path: &Path) {
        timing::mark(&format!("opening {}", path.display()));
        match timing::timed("reading the file", || crate::input::load(path, None)) {
            Ok(doc) => self.opened(path, doc),
            Err(e) => {
                let (body, offer) = files::refusal_text(&e, self.converter.office.as_deref());
                self.show_error("无法打开文件", body.clone());
                if offer {
                    self.view.modal = Some(Modal::OfferConvert {
                        path: path.to_path_buf(),
                        body,
                    });
                }
            }
        }
    }

    /// Shows a document read from `path` (itself, or LibreOffice's conversion of it).
    fn opened(&mut self, path: &Path, doc: Document) {
        self.remember(path);
        let converted = doc.source.converted_from.is_some();
        let images = doc.source.images_notice();
        // Cleared first: opening may have something to say about its autosave.
        self.view.notice = None;
        self.set_document(doc);
        if converted && self.view.notice.is_none() {
            self.say("已用 LibreOffice 把这个文件的副本转换为 .docx 后打开，原文件没有改动");
        }
        if let Some(images) = images {
            self.say(images);
        }
        // The plan follows the rule set's fingerprint, so switching a rule on is enough.
        if let Some(note) = crate::clean::traditional::auto_enable(&mut self.rules, &self.ws.text) {
            self.say(note);
        }
    }

    /// 文件 → 新建: an empty untitled document, to paste a compilation into. Its autosave
    /// has one slot; what it holds is offered back here.
    pub fn new_document(&mut self) {
        self.view.notice = None;
        self.set_document_with(Document::from_text(""), true);
        self.go_to(0..0);
        if self.view.notice.is_none() {
            self.say("新建了空白文稿：把网页或 Word 中复制的汇编粘贴进来（Ctrl+V），清稿会像打开文件一样分析它");
        }
    }

    /// Where the open document's autosave is kept: its file, the untitled slot, or (the
    /// sample) none.
    fn session_source(&self) -> Option<PathBuf> {
        match (&self.ws.path, &self.data_dir) {
            (None, Some(dir)) if self.ws.untitled => Some(files::untitled_slot(dir)),
            (path, _) => path.clone(),
        }
    }

    fn remember(&mut self, path: &Path) {
        if let Some(dir) = path.parent() {
            self.prefs.last_folder = Some(dir.to_path_buf());
        }
        self.prefs.recent.retain(|p| p != path);
        self.prefs.recent.insert(0, path.to_path_buf());
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// Opens a tool panel; on the fill panel, puts the focus on the first prompt.
    pub fn start_on(&mut self, tab: ToolTab) {
        self.prefs.tool_tab = tab;
        if tab == ToolTab::Fill {
            self.commands.push(Command::FillFirst);
        }
    }

    /// Shows a document that is already decoded (tests, benchmarks).
    pub fn open_document(&mut self, doc: Document) {
        self.set_document(doc);
    }

    fn set_document(&mut self, doc: Document) {
        self.set_document_with(doc, false);
    }

    fn set_document_with(&mut self, doc: Document, untitled: bool) {
        self.leave_document();
        self.pending_restore = None;
        self.ws = Workspace::new(doc);
        self.ws.untitled = untitled;
        self.view.selected = 0;
        self.view.editor = Editor::default();
        self.answers = Answers::default();
        self.view.fill = FillState::default();
        self.view.find.reset_matches();
        self.view.export = None;
        self.autosave_due = None;
        self.autosaved_revision = self.ws.revision;
        self.shown = true;
        self.offer_restore();
    }

    /// When an autosave newer than the file exists for it, asks whether to restore it.
    fn offer_restore(&mut self) {
        let Some(dir) = &self.data_dir else { return };
        match session::load_newer(dir, self.session_source().as_deref(), &self.ws.text) {
            Ok(Some(s)) => {
                self.view.modal = Some(Modal::RestoreAutosave {
                    saved_at: session::format_time(s.saved_at),
                });
                self.pending_restore = Some(s);
            }
            Ok(None) => {}
            // The file opens as it is; the user is told why nothing is offered.
            Err(problem) => self.session_problem(problem),
        }
    }

    /// Tells the user why a session could not be used; an unsafe sessions folder or file
    /// also turns autosave off for this run.
    fn session_problem(&mut self, problem: session::Problem) {
        if matches!(problem, session::Problem::Unsafe(_)) {
            self.data_dir = None;
        }
        self.view.notice = Some(Notice {
            text: problem.to_string(),
            is_error: true,
        });
    }

    /// The start-up clean-up of autosaves: those older than the days chosen in 设置 and
    /// those whose file no longer exists are deleted. `now` is seconds since the epoch.
    pub fn prune_sessions(&mut self, now: u64) {
        let Some(dir) = &self.data_dir else { return };
        if let Err(p) = session::Store::new(dir).prune(now, self.prefs.autosave_days) {
            self.session_problem(p);
        }
    }

    /// The open document is being closed or replaced: with no unsaved work its autosave is
    /// no longer needed and is deleted (unless the user has not yet answered whether to
    /// restore it); unsaved work stays autosaved.
    fn leave_document(&mut self) {
        if !self.shown || self.pending_restore.is_some() {
            return;
        }
        if self.ws.is_dirty() {
            self.autosave_now();
        } else if let Some(dir) = &self.data_dir {
            session::remove(dir, self.session_source().as_deref());
        }
    }

    pub fn show_error(&mut self, title: &str, body: String) {
        self.view.notice = Some(Notice {
            text: body.lines().next().unwrap_or_default().to_string(),
            is_error: true,
        });
        self.view.modal = Some(Modal::Message {
            title: title.to_string(),
            body,
        });
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.view.notice = Some(Notice {
            text: text.into(),
            is_error: false,
        });
    }

    pub fn push(&mut self, cmd: Command) {
        self.commands.push(cmd);
    }

    /// The window title: "● 文件名 — 清稿" while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let dot = if self.ws.is_dirty() { "● " } else { "" };
        format!("{dot}{} — 清稿", self.ws.display_name())
    }

    /// The session as it would be autosaved now.
    pub fn session(&self) -> Session {
        let mut s = Session::new(
            self.session_source(),
            self.ws.encoding,
            self.ws.text.clone(),
            self.answers.clone(),
            &self.rules,
            self.view.selected,
        );
        s.ignored_proof = self.ws.proof_ignored.iter().cloned().collect();
        s
    }

    /// Writes the session now (autosave timer, exit). Errors go to the notice line.
    pub fn autosave_now(&mut self) {
        let Some(dir) = self.data_dir.clone() else {
            return;
        };
        self.autosave_due = None;
        if self.autosaved_revision == self.ws.revision && !self.ws.is_dirty() {
            return;
        }
        match session::save(&dir, &self.session()) {
            Ok(_) => self.autosaved_revision = self.ws.revision,
            Err(p @ session::Problem::Unsafe(_)) => self.session_problem(p),
            Err(e) => self.say(format!("自动保存失败：{e}")),
        }
    }

    /// Draws one frame and runs what it asked for. The eframe `App::ui` and the tests call this.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.now = ctx.input(|i| i.time);
        self.shortcuts_and_drops(&ctx);
        self.handle_close_request(&ctx);
        self.conversion_done(&ctx);

        let paused = self.now - self.last_change > ANALYSIS_PAUSE;
        if self.ws.analysis_is_stale() {
            // The export dialog shows and writes what cleaning makes of the current text.
            if paused || self.view.export.is_some() {
                timing::timed("re-analysis", || self.ws.refresh_analysis(true));
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(ANALYSIS_PAUSE));
            }
        }
        timing::timed("cleaning plan", || self.ws.refresh_plan(&self.rules));
        if self.ws.plan_pending() {
            // The planning job does not wake the window: look again shortly.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let reports = self.ws.analysis.outline.reports.len();
        if reports > 0 && self.view.selected >= reports {
            self.view.selected = reports - 1;
        }
        timing::timed("editor sync", || {
            self.view.editor.sync(&self.ws, self.view.selected)
        });

        let mut cmds = std::mem::take(&mut self.commands);
        self.menu_bar_ui(ui, &mut cmds);
        timing::timed("status bar", || {
            egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::ui(ui, self, &mut cmds))
        });
        timing::timed("reports panel", || {
            egui::Panel::left("reports_panel")
                .default_size(230.0)
                .show(ui, |ui| {
                    reports_panel::ui(ui, &self.ws, self.view.selected, &mut cmds)
                })
        });
        timing::timed("outline panel", || {
            egui::Panel::left("outline_panel")
                .default_size(250.0)
                .show(ui, |ui| {
                    outline_panel::ui(ui, &self.ws, self.view.selected, &mut cmds)
                })
        });
        timing::timed("tools panel", || {
            egui::Panel::right("tools_panel")
                .default_size(360.0)
                .max_size(560.0)
                .show(ui, |ui| self.tools_ui(ui, &mut cmds))
        });
        egui::CentralPanel::default().show(ui, |ui| {
            self.notice_ui(ui);
            if self.view.find.open {
                find_replace::ui(
                    ui,
                    &mut self.view.find,
                    &self.view.editor,
                    &self.ws.text,
                    self.ws.revision,
                    &mut cmds,
                );
            }
            let (found, current) = self.view.find.in_editor(&self.view.editor);
            self.view.editor.set_found(found, current);
            let font = self.prefs.text_size;
            timing::timed("text panel", || {
                text_panel::ui(ui, &mut self.view.editor, &self.rules, font, &mut cmds)
            });
        });
        self.modal_ui(&ctx, &mut cmds);
        drop_hint_ui(&ctx);
        if let Some(dialog) = &mut self.view.export {
            export_dialog::ui(&ctx, dialog, &self.ws, self.view.selected, &mut cmds);
            if !dialog.open {
                self.view.export = None;
            }
        }
        super::review::window(&ctx, &self.ws, &mut self.view.fill.review_open, &mut cmds);
        cmds.append(&mut self.commands);
        for cmd in cmds {
            self.run(cmd, &ctx);
        }
        self.after_frame(&ctx);
        if timing::on() && !self.timed_first_frame && self.ws.path.is_some() {
            self.timed_first_frame = true;
            timing::mark(&format!(
                "first frame listing the {} reports of {}",
                self.ws.analysis.outline.reports.len(),
                self.ws.display_name()
            ));
        }
    }

    fn shortcuts_and_drops(&mut self, ctx: &egui::Context) {
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for action in Action::WITH_SHORTCUTS {
                // Redo (Ctrl+Shift+Z) comes before undo (Ctrl+Z) in the list: matching
                // ignores extra Shift, so the more specific shortcut must win first.
                let hit = action.shortcut().is_some_and(|s| i.consume_shortcut(&s))
                    || action
                        .alternative_shortcut()
                        .is_some_and(|s| i.consume_shortcut(&s));
                if hit {
                    fired.push(action);
                }
            }
        });
        for a in fired {
            self.commands.push(Command::Action(a));
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            self.commands.push(Command::OpenPath(p));
        }
        // Ctrl+V into an empty new document lands in it wherever the focus is: its editor
        // is one line tall, and a click below it leaves the focus nowhere.
        if self.ws.untitled && self.ws.text.is_empty() {
            let pasted = ctx.input_mut(|i| {
                let at = i
                    .events
                    .iter()
                    .position(|e| matches!(e, egui::Event::Paste(_)));
                at.map(|k| i.events.remove(k))
            });
            if let Some(egui::Event::Paste(text)) = pasted {
                let edits = files::paste_into_empty(&text);
                if !edits.is_empty() {
                    self.view.notice = None;
                    self.commands.push(Command::Apply {
                        edits,
                        label: "粘贴".into(),
                        merge: false,
                    });
                }
            }
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) {
            if self.ws.is_dirty() && !self.allow_close {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.view.modal = Some(Modal::ConfirmDiscard(AfterConfirm::Close));
            } else {
                self.leave_document();
            }
        }
    }

    fn after_frame(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if self.ws.revision != self.autosaved_revision && self.autosave_due.is_none() {
            self.autosave_due = Some(self.now + AUTOSAVE_DELAY);
        }
        if let Some(due) = self.autosave_due {
            if self.now >= due {
                self.autosave_now();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - self.now));
            }
        }
    }

    fn menu_bar_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("文件", |ui| {
                    command::button(ui, Action::New, cmds);
                    command::button(ui, Action::Open, cmds);
                    ui.menu_button("最近打开", |ui| {
                        if self.prefs.recent.is_empty() {
                            ui.label("（还没有）");
                        }
                        for p in &self.prefs.recent {
                            if ui.button(p.display().to_string()).clicked() {
                                cmds.push(Command::OpenPath(p.clone()));
                            }
                        }
                    });
                    command::button(ui, Action::OpenSample, cmds);
                    ui.menu_button("编码（重新解读）", |ui| {
                        for enc in Encoding::ALL {
                            let on = self.ws.encoding == enc;
                            if ui
                                .add_enabled(
                                    self.ws.path.is_some(),
                                    egui::Button::selectable(on, enc.name()),
                                )
                                .clicked()
                            {
                                cmds.push(Command::Reload(enc));
                            }
                        }
                    });
                    ui.separator();
                    command::button(ui, Action::Export, cmds);
                    command::button(ui, Action::SaveAnswers, cmds);
                    command::button(ui, Action::LoadAnswers, cmds);
                    command::button(ui, Action::LoadRules, cmds);
                    ui.separator();
                    command::button(ui, Action::Quit, cmds);
                });
                ui.menu_button("编辑", |ui| {
                    // "撤销“输入”": the action's label, and the step it undoes.
                    let named = |a: Action, step: Option<&str>| match step {
                        Some(l) => format!("{}“{l}”", a.label()),
                        None => a.label().to_string(),
                    };
                    let undo = named(Action::Undo, self.ws.history.undo_label());
                    let redo = named(Action::Redo, self.ws.history.redo_label());
                    let sc = |a: Action| a.shortcut().map(|s| ui.ctx().format_shortcut(&s));
                    let (su, sr) = (sc(Action::Undo), sc(Action::Redo));
                    if ui
                        .add_enabled(
                            self.ws.history.can_undo(),
                            egui::Button::new(undo).shortcut_text(su.unwrap_or_default()),
                        )
                        .clicked()
                    {
                        cmds.push(Command::Action(Action::Undo));
                    }
                    if ui
                        .add_enabled(
                            self.ws.history.can_redo(),
                            egui::Button::new(redo).shortcut_text(sr.unwrap_or_default()),
                        )
                        .clicked()
                    {
                        cmds.push(Command::Action(Action::Redo));
                    }
                    ui.separator();
                    command::button(ui, Action::Find, cmds);
                    command::button(ui, Action::Replace, cmds);
                    command::button(ui, Action::ApplyCleaning, cmds);
                });
                ui.menu_button("设置", |ui| self.settings_ui(ui, cmds));
                ui.menu_button("视图", |ui| {
                    ui.add(
                        egui::Slider::new(&mut self.prefs.text_size, 12.0..=28.0).text("正文字号"),
                    );
                    let mut dark = ui.visuals().dark_mode;
                    if ui.checkbox(&mut dark, "深色界面").changed() {
                        ui.ctx().set_theme(if dark {
                            egui::Theme::Dark
                        } else {
                            egui::Theme::Light
                        });
                    }
                });
                ui.menu_button("帮助", |ui| {
                    command::button(ui, Action::Guide, cmds);
                    command::button(ui, Action::Shortcuts, cmds);
                    command::button(ui, Action::About, cmds);
                });
            });
        });
    }

    /// 设置: where autosaves live, how many and how large, how long they are kept, and a
    /// way to delete them all.
    fn settings_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        ui.set_min_width(360.0);
        ui.strong("导出");
        ui.horizontal(|ui| {
            let label = ui.label("作者");
            ui.add(
                egui::TextEdit::singleline(&mut self.prefs.author)
                    .hint_text("不填则不写作者")
                    .desired_width(200.0),
            )
            .labelled_by(label.id)
            .on_hover_text("导出的 Word 文件在“文件”>“信息”中显示的作者");
        });
        ui.separator();
        ui.strong("自动保存");
        let Some(dir) = &self.data_dir else {
            ui.label("自动保存已关闭。");
            return;
        };
        let store = session::Store::new(dir);
        ui.label(format!("位置：{}", store.folder().display()));
        match store.usage() {
            Ok((n, size)) => {
                ui.label(format!("共 {n} 个，占 {}", session::format_size(size)));
            }
            Err(p) => {
                ui.colored_label(ui.visuals().error_fg_color, p.to_string());
            }
        }
        ui.label("只有你的账户能读取。导出或无修改地关闭文件后即删除。");
        ui.horizontal(|ui| {
            let label = ui.label("保留天数");
            ui.add(egui::DragValue::new(&mut self.prefs.autosave_days).range(1..=365))
                .labelled_by(label.id)
                .on_hover_text("超过这个天数的自动保存在下次启动时删除");
        });
        command::button(ui, Action::ClearAutosaves, cmds);
    }

    fn tools_ui(&mut self, ui: &mut egui::Ui, cmds: &mut Vec<Command>) {
        // Long rule names and contexts wrap instead of widening the panel over the text.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
        ui.horizontal(|ui| {
            let left = fill_panel::remaining(&self.ws, self.view.selected);
            ui.selectable_value(
                &mut self.prefs.tool_tab,
                ToolTab::Fill,
                format!("填空（余 {left}）"),
            );
            ui.selectable_value(
                &mut self.prefs.tool_tab,
                ToolTab::Clean,
                if self.ws.plan_pending() {
                    // A large text's plan is still being made: no count yet.
                    "清理（计算中）".to_string()
                } else {
                    format!(
                        "清理（{} 处）",
                        clean_panel::in_scope(&self.ws, self.view.selected, self.prefs.clean_whole)
                            .len()
                    )
                },
            );
            ui.selectable_value(
                &mut self.prefs.tool_tab,
                ToolTab::Proof,
                proof_panel::tab_title(&self.ws, &self.rules),
            );
        });
        ui.separator();
        match self.prefs.tool_tab {
            ToolTab::Fill => fill_panel::ui(
                ui,
                &self.ws,
                self.view.selected,
                &mut self.view.fill,
                &mut self.prefs.fill_whole_compilation,
                cmds,
            ),
            ToolTab::Clean => clean_panel::ui(
                ui,
                &self.ws,
                &self.rules,
                self.view.selected,
                &mut self.prefs.clean_whole,
                cmds,
            ),
            ToolTab::Proof => proof_panel::ui(ui, &self.ws, &self.rules, cmds),
        }
    }

    /// The notice line over the editor: its text wraps within the editor's width, its
    /// 知道了 stays in view at the right, and Esc closes it (when no dialog is open).
    fn notice_ui(&mut self, ui: &mut egui::Ui) {
        let Some(n) = &self.view.notice else { return };
        let color = if n.is_error {
            ui.visuals().error_fg_color
        } else {
            ui.visuals().hyperlink_color
        };
        let mut close = self.view.modal.is_none()
            && self.view.export.is_none()
            && ui.input(|i| i.key_pressed(egui::Key::Escape));
        let width = ui.available_width();
        ui.allocate_ui_with_layout(
            egui::vec2(width, 0.0),
            egui::Layout::right_to_left(egui::Align::Min),
            |ui| {
                if ui.button("知道了").on_hover_text("Esc").clicked() {
                    close = true;
                }
                ui.add(egui::Label::new(egui::RichText::new(&n.text).color(color)).wrap());
            },
        );
        if close {
            self.view.notice = None;
        }
    }

    fn modal_ui(&mut self, ctx: &egui::Context, cmds: &mut Vec<Command>) {
        let Some(modal) = &mut self.view.modal else {
            return;
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            match modal {
                Modal::Guide => {
                    ui.heading("使用说明");
                    for step in GUIDE {
                        ui.label(step);
                    }
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        if ui.button("知道了").clicked() {
                            close = true;
                        }
                        if !self.prefs.guide_dismissed && ui.button("不再显示").clicked() {
                            self.prefs.guide_dismissed = true;
                            close = true;
                        }
                    });
                    ui.label(
                        egui::RichText::new("以后可在“帮助”>“使用说明”中再看。")
                            .small()
                            .weak(),
                    );
                }
                Modal::Shortcuts => {
                    ui.heading("键盘快捷键");
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for a in Action::WITH_SHORTCUTS {
                            let keys: Vec<String> = [a.shortcut(), a.alternative_shortcut()]
                                .into_iter()
                                .flatten()
                                .map(|k| ui.ctx().format_shortcut(&k))
                                .collect();
                            ui.label(a.label());
                            ui.label(keys.join("  或  "));
                            ui.end_row();
                        }
                        for (what, keys) in [
                            ("填空：下一处", "Enter 或 Tab"),
                            ("关闭提示、查找栏", "Esc"),
                        ] {
                            ui.label(what);
                            ui.label(keys);
                            ui.end_row();
                        }
                    });
                    if ui.button("确定").clicked() {
                        close = true;
                    }
                }
                Modal::OfferConvert { path, body } => {
                    ui.heading("无法打开文件");
                    ui.label(body.as_str());
                    ui.horizontal(|ui| {
                        if ui.button("用 LibreOffice 转换后打开").clicked() {
                            cmds.push(Command::Convert(path.clone()));
                            close = true;
                        }
                        if ui.button("取消").clicked() {
                            close = true;
                        }
                    });
                }
                Modal::Converting => {
                    let name = self.converter.running().map_or_else(String::new, |p| {
                        p.file_name()
                            .unwrap_or(p.as_os_str())
                            .to_string_lossy()
                            .into_owned()
                    });
                    ui.heading("正在转换");
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.add(
                            egui::Label::new(format!(
                                "LibreOffice 正在把“{name}”转换为 .docx…"
                            ))
                            .wrap(),
                        );
                    });
                    ui.label(
                        egui::RichText::new(format!(
                            "最多等 {} 秒；原文件不会改动。",
                            self.converter.limit.as_secs()
                        ))
                        .small()
                        .weak(),
                    );
                    if ui.button("取消").clicked() {
                        cmds.push(Command::CancelConvert);
                        close = true;
                    }
                }
                Modal::Message { title, body } => {
                    ui.heading(title.as_str());
                    ui.label(body.as_str());
                    if ui.button("确定").clicked() {
                        close = true;
                    }
                }
                Modal::ConfirmDiscard(after) => {
                    ui.heading("有未保存的修改");
                    ui.label("这份汇编的修改还没有导出。已填的答案可以先存成文件，下次载入。");
                    ui.horizontal(|ui| {
                        if ui.button("保存答案后继续").clicked() {
                            cmds.push(Command::SaveAnswers(Some(after.clone())));
                            close = true;
                        }
                        if ui.button("放弃修改").clicked() {
                            cmds.push(Command::DiscardAutosave);
                            cmds.push(Command::Proceed(after.clone()));
                            close = true;
                        }
                        if ui.button("取消").clicked() {
                            close = true;
                        }
                    });
                }
                Modal::RestoreAutosave { saved_at } => {
                    ui.heading("发现自动保存的编辑");
                    ui.label(format!(
                        "上次编辑这份文件时留下了自动保存（{saved_at}），比文件本身新。要恢复这些编辑和填空答案吗？"
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("恢复").clicked() {
                            cmds.push(Command::RestoreAutosave);
                            close = true;
                        }
                        if ui.button("不恢复").clicked() {
                            cmds.push(Command::DiscardAutosave);
                            close = true;
                        }
                    });
                }
                Modal::ConfirmClearAutosaves { count } => {
                    ui.heading("清除全部自动保存");
                    ui.label(format!(
                        "将删除全部 {count} 个自动保存，包括当前文件的。删除后无法恢复这些编辑。"
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("全部清除").clicked() {
                            cmds.push(Command::ClearAutosaves);
                            close = true;
                        }
                        if ui.button("取消").clicked() {
                            close = true;
                        }
                    });
                }
                Modal::SavePathEntry { text, then } => {
                    ui.heading("保存填空答案");
                    ui.label("没有弹出系统的保存对话框（或已取消）。可以直接输入保存的位置：");
                    let label = ui.label("保存到");
                    let r = ui
                        .add(egui::TextEdit::singleline(text).desired_width(420.0))
                        .labelled_by(label.id);
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        if (ui.button("保存").clicked() || enter) && !text.trim().is_empty() {
                            cmds.push(Command::SaveAnswersTo(
                                PathBuf::from(text.trim()),
                                then.clone(),
                            ));
                            close = true;
                        }
                        let cancel = if then.is_some() {
                            "取消（不关闭）"
                        } else {
                            "取消"
                        };
                        if ui.button(cancel).clicked() {
                            close = true;
                        }
                    });
                }
                Modal::OpenPathEntry { text } => {
                    ui.heading("打开文件");
                    ui.label("没有弹出系统的文件对话框（或已取消）。也可以直接输入文件路径：");
                    let label = ui.label("文件路径");
                    let r = ui
                        .add(
                            egui::TextEdit::singleline(text)
                                .hint_text("/home/用户/下载/汇编.txt")
                                .desired_width(420.0),
                        )
                        .labelled_by(label.id);
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        if (ui.button("打开").clicked() || enter) && !text.trim().is_empty() {
                            cmds.push(Command::OpenPath(PathBuf::from(text.trim())));
                            close = true;
                        }
                        if ui.button("取消").clicked() {
                            close = true;
                        }
                    });
                }
            }
        });
        if close {
            self.view.modal = None;
        }
    }

    /// Runs one command: the only place app state changes in response to the user.
    pub fn run(&mut self, cmd: Command, ctx: &egui::Context) {
        match cmd {
            Command::Action(a) => self.run_action(a, ctx),
            Command::OpenPath(p) => {
                if self.ws.is_dirty() {
                    self.view.modal = Some(Modal::ConfirmDiscard(AfterConfirm::Open(p)));
                } else {
                    self.open_path(&p);
                }
            }
            Command::Reload(enc) => {
                let Some(path) = self.ws.path.clone() else {
                    return;
                };
                match crate::input::load(&path, Some(enc)) {
                    Ok(doc) => {
                        self.set_document(doc);
                        self.say(format!("已按 {} 重新解读", enc.name()));
                    }
                    Err(e) => self.show_error("无法按此编码解读", e.to_string()),
                }
            }
            Command::SelectReport(i) => {
                self.view.selected = i;
                self.view.editor.sync(&self.ws, i);
                self.view.find.reset_matches();
            }
            Command::GoTo(offset) => self.go_to(offset..offset),
            Command::Reveal(range) => {
                self.go_to(range);
                self.view.editor.focus_text = false;
            }
            Command::Select(range) => self.go_to(range),
            Command::Apply {
                edits,
                label,
                merge,
            } => {
                if self.ws.apply(edits, &label, merge) {
                    self.changed();
                }
            }
            Command::Proofread => self.ws.run_proofreading(),
            Command::AcceptProof { edits, keys, label } => {
                if self.ws.apply(edits, &label, false) {
                    self.answers.proofread.accepted.extend(keys);
                    self.changed();
                    self.ws.run_proofreading();
                }
            }
            Command::IgnoreProof { keys } => {
                self.ws.proof_ignored.extend(keys);
                self.changed();
            }
            Command::UnignoreProof => {
                self.ws.proof_ignored.clear();
                self.changed();
            }
            Command::SetRule { id, enabled } => {
                if let Some(r) = self.rules.rules.iter_mut().find(|r| r.id == id) {
                    r.enabled = enabled;
                    self.ws.refresh_plan(&self.rules);
                }
            }
            Command::FillLive { key, value, merge } => {
                fill_panel::live(self, &key, &value, merge);
                self.changed();
            }
            Command::ReplaceFigure { range, old, new } => {
                if fill_panel::replace_figure(&mut self.ws, range, &old, &new) {
                    self.changed();
                }
            }
            Command::OpenReview => self.view.fill.review_open = true,
            Command::FillCommit { key } => {
                if let Some(next) = fill_panel::commit(self, &key) {
                    self.go_to(next);
                    self.view.editor.focus_text = false;
                }
            }
            Command::OpenExport => self.run_action(Action::Export, ctx),
            Command::WriteExport { replace } => {
                // Export writes what the user sees: a text edited since its analysis (a
                // large one waits for a pause in typing) is analysed and planned first.
                self.ws.settle_plan(&self.rules);
                let done = self.view.export.as_mut().and_then(|d| {
                    export_dialog::write_now(d, &self.ws, self.view.selected, replace)
                });
                if let Some(done) = done {
                    self.run(done, ctx);
                }
            }
            Command::Exported {
                whole,
                folder,
                count,
            } => {
                // The work is in a file the user chose: the status bar and the close prompt
                // no longer say it was not exported. Only a whole export makes the autosave
                // redundant; after one report's export it stays, for the other reports.
                self.mark_exported();
                if whole {
                    if let Some(dir) = &self.data_dir {
                        session::remove(dir, self.session_source().as_deref());
                    }
                    self.autosave_due = None;
                    self.autosaved_revision = self.ws.revision;
                }
                self.prefs.last_folder = Some(folder.clone());
                if let Some(d) = &self.view.export {
                    self.prefs.export_encoding = d.encoding;
                    self.prefs.export_line_ending = d.line_ending;
                    self.prefs.export_scope = d.scope;
                    self.prefs.export_docx = d.docx;
                }
                self.say(format!("已导出 {count} 个文件到 {}", folder.display()));
            }
            Command::FillFirst => {
                self.prefs.tool_tab = ToolTab::Fill;
                let first = fill_panel::first_pending(
                    &self.ws,
                    self.view.selected,
                    self.prefs.fill_whole_compilation,
                );
                let range = self.ws.report_range(self.view.selected);
                if let Some(e) = first {
                    self.view.fill.focus = Some(e.key.clone());
                    if let Some(p) = e.first_in(&range) {
                        let r = p.range.clone();
                        self.go_to(r);
                        self.view.editor.focus_text = false;
                    }
                } else if let Some(p) = self.ws.analysis.placeholders.first() {
                    let r = p.range.clone();
                    self.go_to(r);
                }
            }
            Command::RestoreAutosave => {
                if let Some(s) = self.pending_restore.take() {
                    fill_panel::restore(&mut self.ws, &s.text, &s.answers, "恢复自动保存");
                    self.answers = s.answers.clone();
                    self.ws.proof_ignored = s.ignored_proof.iter().cloned().collect();
                    s.apply_rules(&mut self.rules);
                    self.view.selected = s.selected;
                    self.changed();
                    self.say("已恢复自动保存的编辑");
                }
            }
            Command::AskClearAutosaves => {
                let Some(dir) = &self.data_dir else { return };
                match session::Store::new(dir).usage() {
                    Ok((count, _)) => {
                        self.view.modal = Some(Modal::ConfirmClearAutosaves { count })
                    }
                    Err(p) => self.session_problem(p),
                }
            }
            Command::ClearAutosaves => {
                let Some(dir) = &self.data_dir else { return };
                match session::Store::new(dir).clear() {
                    Ok(n) => {
                        // What is open now is not saved again until it changes again.
                        self.pending_restore = None;
                        self.autosave_due = None;
                        self.autosaved_revision = self.ws.revision;
                        self.say(format!("已清除 {n} 个自动保存"));
                    }
                    Err(p) => self.session_problem(p),
                }
            }
            Command::DiscardAutosave => {
                self.pending_restore = None;
                self.autosaved_revision = self.ws.revision;
                if let Some(dir) = &self.data_dir {
                    session::remove(dir, self.session_source().as_deref());
                }
            }
            Command::Say(text) => self.say(text),
            Command::Convert(path) => {
                let wake = ctx.clone();
                if self.converter.start(path, move || wake.request_repaint()) {
                    self.view.modal = Some(Modal::Converting);
                }
            }
            Command::CancelConvert => {
                self.converter.cancel();
                self.say("已取消转换");
            }
            Command::SaveAnswers(then) => {
                let picked = if self.native_dialogs {
                    rfd::FileDialog::new()
                        .set_title(Action::SaveAnswers.title())
                        .add_filter("答案 JSON", &["json"])
                        .set_file_name("填空答案.json")
                        .save_file()
                } else {
                    None
                };
                match picked {
                    Some(p) => self.run(Command::SaveAnswersTo(p, then), ctx),
                    // No dialog appeared (or it was cancelled): never go on as if saved.
                    None => {
                        self.view.modal = Some(Modal::SavePathEntry {
                            text: self.answers_path_proposal().display().to_string(),
                            then,
                        })
                    }
                }
            }
            Command::SaveAnswersTo(path, then) => {
                if self.save_answers(&path)
                    && let Some(after) = then
                {
                    self.run(Command::Proceed(after), ctx);
                }
            }
            Command::Proceed(after) => {
                // The user chose: the current edits no longer hold anything up.
                self.mark_exported();
                match after {
                    AfterConfirm::Close => {
                        self.allow_close = true;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                    AfterConfirm::Open(p) => self.open_path(&p),
                    AfterConfirm::OpenSample => self.open_sample(),
                    AfterConfirm::New => self.new_document(),
                }
            }
        }
    }

    /// A conversion finished: its document opens as the file's, or the window says why not.
    fn conversion_done(&mut self, ctx: &egui::Context) {
        if self.converter.running().is_none() {
            return;
        }
        match self.converter.poll() {
            None => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
            Some((path, result)) => {
                if matches!(self.view.modal, Some(Modal::Converting)) {
                    self.view.modal = None;
                }
                match result {
                    Ok(doc) => self.opened(&path, doc),
                    Err(e) => self.show_error("无法转换", e),
                }
            }
        }
    }

    /// Something changed the text or the answers: schedule an autosave.
    fn changed(&mut self) {
        self.last_change = self.now;
        self.autosave_due = Some(self.now + AUTOSAVE_DELAY);
    }

    fn go_to(&mut self, range: std::ops::Range<usize>) {
        if let Some(i) = self.ws.report_at(range.start)
            && i != self.view.selected
        {
            self.view.selected = i;
        }
        self.view.editor.sync(&self.ws, self.view.selected);
        self.view.editor.select(range);
    }

    fn run_action(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::New => {
                if self.ws.is_dirty() {
                    self.view.modal = Some(Modal::ConfirmDiscard(AfterConfirm::New));
                } else {
                    self.new_document();
                }
            }
            Action::Open => {
                let mut dialog = rfd::FileDialog::new()
                    .set_title("打开汇编")
                    .add_filter(
                        "汇编（文本、Word、WPS）",
                        &[
                            "txt", "TXT", "docx", "DOCX", "docm", "dotx", "doc", "DOC", "wps",
                            "WPS",
                        ],
                    )
                    .add_filter("文本文件", &["txt", "TXT"])
                    .add_filter(
                        "Word 文档（含 WPS）",
                        &["docx", "DOCX", "docm", "dotx", "doc", "DOC", "wps", "WPS"],
                    )
                    .add_filter("所有文件", &["*"]);
                if let Some(dir) = &self.prefs.last_folder {
                    dialog = dialog.set_directory(dir);
                }
                let picked = if self.native_dialogs {
                    dialog.pick_file()
                } else {
                    None
                };
                match picked {
                    Some(p) => self.run(Command::OpenPath(p), ctx),
                    None => {
                        self.view.modal = Some(Modal::OpenPathEntry {
                            text: String::new(),
                        })
                    }
                }
            }
            Action::Export => {
                self.ws.settle_plan(&self.rules);
                let mut d = ExportDialog::new(&self.prefs, &self.ws);
                d.folder = self
                    .prefs
                    .last_folder
                    .clone()
                    .or_else(|| {
                        self.ws
                            .path
                            .as_ref()
                            .and_then(|p| p.parent().map(Path::to_path_buf))
                    })
                    // A new document has no file to sit beside: the documents folder.
                    .or_else(|| {
                        self.ws
                            .untitled
                            .then(files::default_export_folder)
                            .flatten()
                    })
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                self.view.export = Some(d);
            }
            Action::Undo => {
                if self.ws.undo() {
                    self.view.fill.live = None;
                    self.changed();
                }
            }
            Action::Redo => {
                if self.ws.redo() {
                    self.view.fill.live = None;
                    self.changed();
                }
            }
            Action::Find => self.view.find.open(false),
            Action::Replace => self.view.find.open(true),
            Action::SaveAnswers => self.run(Command::SaveAnswers(None), ctx),
            Action::LoadAnswers => {
                if let Some(p) = rfd::FileDialog::new()
                    .set_title(Action::LoadAnswers.title())
                    .add_filter("答案 JSON", &["json"])
                    .pick_file()
                {
                    self.load_answers(&p);
                }
            }
            Action::LoadRules => {
                if let Some(p) = rfd::FileDialog::new()
                    .set_title(Action::LoadRules.title())
                    .add_filter("规则文件", &["toml", "json"])
                    .pick_file()
                {
                    self.load_rules(&p);
                }
            }
            Action::ApplyCleaning => self.apply_cleaning(),
            Action::OpenSample => {
                if self.ws.is_dirty() {
                    self.view.modal = Some(Modal::ConfirmDiscard(AfterConfirm::OpenSample));
                } else {
                    self.open_sample();
                }
            }
            Action::ClearAutosaves => self.run(Command::AskClearAutosaves, ctx),
            Action::Guide => self.view.modal = Some(Modal::Guide),
            Action::Shortcuts => self.view.modal = Some(Modal::Shortcuts),
            Action::About => {
                self.view.modal = Some(Modal::Message {
                    title: Action::About.label().into(),
                    body: super::about_text(),
                })
            }
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Applies the whole cleaning plan as one undo step.
    pub fn apply_cleaning(&mut self) {
        self.ws.settle_plan(&self.rules);
        let whole = self.prefs.clean_whole;
        let edits: Vec<_> = clean_panel::in_scope(&self.ws, self.view.selected, whole)
            .into_iter()
            .cloned()
            .collect();
        let n = edits.len();
        let scope = if whole { "全部汇编" } else { "本篇" };
        if n == 0 {
            self.say(format!("{scope}没有需要清理的内容"));
            return;
        }
        if self.ws.apply(edits, "清理", false) {
            self.changed();
            self.say(format!("已清理{scope} {n} 处，可用 Ctrl+Z 撤销"));
        }
    }

    /// Saves the answers the text holds to `path` (see [`Workspace::answers`]); says where,
    /// or why not. True when they were saved.
    pub fn save_answers(&mut self, path: &Path) -> bool {
        let mut answers = self.ws.answers(&self.answers);
        answers.proofread = proof_panel::answers(&mut self.ws, &self.answers.proofread.accepted);
        match files::save_answers(&answers, path) {
            Ok(()) => {
                self.say(format!("答案已保存到 {}", path.display()));
                true
            }
            Err(e) => {
                self.show_error("无法保存答案", e.to_string());
                false
            }
        }
    }

    /// Where answers are proposed to go: beside the source ("汇编-填空答案.json"), else
    /// in the last folder used.
    fn answers_path_proposal(&self) -> PathBuf {
        let folder = self
            .ws
            .path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(|| self.prefs.last_folder.clone())
            .unwrap_or_default();
        let stem = self
            .ws
            .path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map_or_else(|| "汇编".into(), |s| s.to_string_lossy().into_owned());
        folder.join(format!("{stem}-填空答案.json"))
    }

    /// Loads answers and fills every placeholder they answer, as one undo step.
    pub fn load_answers(&mut self, path: &Path) {
        match files::load_answers(path) {
            Ok(a) => {
                self.ws.refresh_analysis(true);
                let (places, edits) = fill_panel::loaded(&self.ws, &a);
                let n = edits.len();
                self.answers.groups.extend(a.groups.clone());
                self.answers.occurrences.extend(a.occurrences.clone());
                if self.ws.fill(places, edits, "填写（载入答案）", false) {
                    self.changed();
                }
                // The proofreading suggestions it names: ignored ones listed no more,
                // accepted ones applied (one undo step).
                let accepted = proof_panel::load_answers(&mut self.ws, &a.proofread);
                if accepted > 0 {
                    self.answers
                        .proofread
                        .accepted
                        .extend(a.proofread.accepted.clone());
                    self.changed();
                }
                self.say(format!(
                    "已载入答案，填写了 {n} 处，采纳校对建议 {accepted} 处"
                ));
            }
            Err(e) => self.show_error("无法载入答案", e.to_string()),
        }
    }

    pub fn load_rules(&mut self, path: &Path) {
        match files::load_rules(path) {
            Ok(r) => {
                let words_now = r.install_words().unwrap_or(false);
                self.rules = r;
                self.prefs.rules_file = Some(path.to_path_buf());
                self.say(if words_now {
                    format!("已载入规则 {}", path.display())
                } else {
                    format!(
                        "已载入规则 {}；其中的词表在下次启动清稿时生效",
                        path.display()
                    )
                });
            }
            Err(e) => self.show_error("无法载入规则", e.to_string()),
        }
    }

    /// Marks the text as exported (no longer unsaved).
    pub fn mark_exported(&mut self) {
        self.ws.clean_revision = self.ws.revision;
    }
}

/// 使用说明: the task in five steps, as a first-time user needs it.
const GUIDE: [&str; 5] = [
    "1. 打开：Ctrl+O，或把 .txt/.docx/.doc/.wps 文件拖进窗口；左边列出汇编里的各篇报告。",
    "2. 查看：点一篇报告，中间是它的正文，旁边是它的标题层次（一、（一）1.），点标题跳到那里。",
    "3. 填空：右边“填空”列出 XX 等待填的地方，填一次，同一名称处处都改。",
    "4. 清理：“清理”列出网站加进来的广告、水印和遮挡的字，看过预览后点“应用清理”（可撤销）。",
    "5. 导出：Ctrl+E，把这一篇存成公文格式的 Word 文件，放在原文件旁边；“更多选项…”可改格式和位置。",
];

impl App {
    /// At the first start (until 不再显示), the 使用说明 over the window.
    pub fn first_start_guide(&mut self) {
        if !self.prefs.guide_dismissed && self.view.modal.is_none() {
            self.view.modal = Some(Modal::Guide);
        }
    }
}

/// While a file is dragged over the window, says what dropping it does.
fn drop_hint_ui(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "松开鼠标即可打开这个文件",
        egui::FontId::proportional(28.0),
        egui::Color32::WHITE,
    );
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        App::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // Which rules are off is the rule set's to say; the preferences keep a copy.
        self.prefs.disabled_rules = self.rules.disabled_ids();
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }

    fn on_exit(&mut self) {
        self.leave_document();
    }
}
