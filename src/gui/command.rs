//! Every user action has one name here: the same enum gives the menu text, the buttons'
//! text (through [`button`]), the file dialog's title and the keyboard shortcut, so they
//! never disagree. Panels push [`Command`]s; the app runs them once at the end of the frame.

use crate::model::{Edit, Encoding};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// A user action reachable from the menu (and often a shortcut).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    New,
    Open,
    Export,
    Undo,
    Redo,
    Find,
    Replace,
    SaveAnswers,
    LoadAnswers,
    LoadRules,
    ApplyCleaning,
    OpenSample,
    ClearAutosaves,
    Guide,
    Shortcuts,
    About,
    Quit,
}

impl Action {
    /// Every action, for the tests that check each label is used one way.
    pub const ALL: [Action; 17] = [
        Action::New,
        Action::Open,
        Action::Export,
        Action::Undo,
        Action::Redo,
        Action::Find,
        Action::Replace,
        Action::SaveAnswers,
        Action::LoadAnswers,
        Action::LoadRules,
        Action::ApplyCleaning,
        Action::OpenSample,
        Action::ClearAutosaves,
        Action::Guide,
        Action::Shortcuts,
        Action::About,
        Action::Quit,
    ];

    /// Actions with a shortcut, checked every frame (before any text field sees the keys).
    pub const WITH_SHORTCUTS: [Action; 7] = [
        Action::New,
        Action::Open,
        Action::Export,
        Action::Redo,
        Action::Undo,
        Action::Find,
        Action::Replace,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::New => "新建",
            Action::Open => "打开…",
            Action::Export => "导出…",
            Action::Undo => "撤销",
            Action::Redo => "重做",
            Action::Find => "查找",
            Action::Replace => "替换",
            Action::SaveAnswers => "保存填空答案…",
            Action::LoadAnswers => "载入填空答案…",
            Action::LoadRules => "载入清理规则…",
            Action::ApplyCleaning => "应用清理",
            Action::OpenSample => "打开示例汇编",
            Action::ClearAutosaves => "清除全部自动保存…",
            Action::Guide => "使用说明",
            Action::Shortcuts => "键盘快捷键",
            Action::About => "关于清稿",
            Action::Quit => "退出",
        }
    }

    /// The label as the title of the window the action opens ("载入清理规则"), so the
    /// menu, the panel buttons and the file dialog say the same.
    pub fn title(self) -> &'static str {
        self.label().trim_end_matches('…')
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        Some(match self {
            Action::New => KeyboardShortcut::new(cmd, Key::N),
            Action::Open => KeyboardShortcut::new(cmd, Key::O),
            Action::Export => KeyboardShortcut::new(cmd, Key::E),
            Action::Undo => KeyboardShortcut::new(cmd, Key::Z),
            Action::Redo => KeyboardShortcut::new(cmd_shift, Key::Z),
            Action::Find => KeyboardShortcut::new(cmd, Key::F),
            Action::Replace => KeyboardShortcut::new(cmd, Key::H),
            _ => return None,
        })
    }

    /// Other keys that do the same (Ctrl+Y redoes too).
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            Action::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }
}

/// The button of `action` (in a menu or a panel): its label and shortcut from this table;
/// a click asks the app to run it.
pub fn button(ui: &mut egui::Ui, action: Action, cmds: &mut Vec<Command>) -> egui::Response {
    enabled_button(ui, action, true, cmds)
}

/// [`button`], greyed out unless `enabled`.
pub fn enabled_button(
    ui: &mut egui::Ui,
    action: Action,
    enabled: bool,
    cmds: &mut Vec<Command>,
) -> egui::Response {
    let mut b = egui::Button::new(action.label());
    if let Some(s) = action.shortcut() {
        b = b.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    let r = ui.add_enabled(enabled, b);
    if r.clicked() {
        cmds.push(Command::Action(action));
    }
    r
}

/// Something a panel asks the app to do.
#[derive(Debug, Clone)]
pub enum Command {
    Action(Action),
    OpenPath(PathBuf),
    /// Decode the open file again with another encoding.
    Reload(Encoding),
    SelectReport(usize),
    /// Put the cursor at a byte offset of the document and scroll the text there.
    GoTo(usize),
    /// Select a range of the document and scroll to it, keeping the keyboard focus where it is.
    Reveal(std::ops::Range<usize>),
    /// Apply edits as one undo step.
    Apply {
        edits: Vec<Edit>,
        label: String,
        /// Fold into the previous undo step when it has the same label and this continues
        /// it (a typed run).
        merge: bool,
    },
    SetRule {
        id: String,
        enabled: bool,
    },
    /// Proofread the whole text (校对).
    Proofread,
    /// Accept proofreading suggestions as one undo step, then proofread again.
    AcceptProof {
        edits: Vec<Edit>,
        /// Their [`crate::proof::Finding::key`]s, for the answers file.
        keys: Vec<String>,
        label: String,
    },
    /// Stop listing these proofreading suggestions (their [`crate::proof::Finding::key`]).
    IgnoreProof {
        keys: Vec<String>,
    },
    /// List the ignored proofreading suggestions again.
    UnignoreProof,
    /// A fill field changed: show the value in the text now.
    FillLive {
        key: String,
        value: String,
        /// Another keystroke of the answer being typed: one undo step with the last.
        merge: bool,
    },
    /// Replace a figure in 数字核对 (its value's bytes) with what the user typed, as one
    /// undo step, and mark it 已替换.
    ReplaceFigure {
        range: std::ops::Range<usize>,
        /// What the list showed there; nothing is replaced if the text no longer holds it.
        old: String,
        new: String,
    },
    /// Show 核对已填内容, the list of filled values.
    OpenReview,
    /// The user finished a fill field (Enter/Tab): move to the next unfilled one.
    FillCommit {
        key: String,
    },
    OpenExport,
    /// Write the export dialog's files (replacing existing ones when `replace`), once the
    /// analysis is brought up to date.
    WriteExport {
        replace: bool,
    },
    /// Select a range (bytes of the document), for find.
    Select(std::ops::Range<usize>),
    RestoreAutosave,
    DiscardAutosave,
    /// 清除全部自动保存 was pressed: ask first.
    AskClearAutosaves,
    /// The user confirmed: delete every autosaved session.
    ClearAutosaves,
    /// Files were exported.
    Exported {
        whole: bool,
        folder: PathBuf,
        count: usize,
    },
    /// Go to the first unfilled placeholder and its prompt.
    FillFirst,
    /// The user confirmed dropping unsaved work: do what was waiting.
    Proceed(super::app::AfterConfirm),
    /// Tell the user something on the notice line.
    Say(String),
    /// Ask where to save the answers (the system dialog, else a path entry), then go on
    /// with the confirmed action, if any, once they are saved.
    SaveAnswers(Option<super::app::AfterConfirm>),
    SaveAnswersTo(std::path::PathBuf, Option<super::app::AfterConfirm>),
    /// Convert a file the readers refused with LibreOffice, off the UI thread, and open it.
    Convert(PathBuf),
    /// Stop the running conversion.
    CancelConvert,
}
