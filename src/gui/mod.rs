//! The desktop editor: a thin shell over the core. It owns windows, panels, dialogs and the
//! autosaved session; every change of the text goes through the core's `edit::History`.
//! Nothing in the core depends on this module.

mod app;
mod clean_panel;
mod command;
mod export_dialog;
mod files;
mod fill_panel;
mod find_replace;
pub mod fonts;
pub mod ime;
mod outline_panel;
mod planner;
mod proof_panel;
mod reports_panel;
mod review;
mod status_bar;
pub mod system_fonts;
mod text_panel;
mod timing;
mod workspace;

pub use app::{App, Modal, Prefs, ToolTab, View};
pub use command::{Action, Command};
pub use export_dialog::{ExportDialog, ExportScope, Stage as ExportStage};
pub use fill_panel::FillEntry;
pub use text_panel::{MAX_EDITABLE_BYTES, Mark};
pub use workspace::{LIVE_ANALYSIS_LIMIT, Workspace};

/// The compilation shown when 清稿 starts without a file: every kind of junk and gap the
/// editor handles, in a few short reports we wrote ourselves.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/sample.txt");

/// At most this many windows open from one command line: a file manager hands every selected
/// file to one `qinggao %F`.
pub const MAX_WINDOWS: usize = 12;

/// What 帮助 → 关于清稿 says: the version, the licence, and the licence of the bundled font.
pub fn about_text() -> String {
    let mut text = format!(
        "清稿 {}\n把下载的工作报告汇编整理成可以交付的干净文稿。\n\n\
         许可证：MIT License\n\
         内置中文字体：Droid Sans Fallback（Google），Apache License 2.0\n\
         egui 自带的西文字体：Ubuntu Font Licence 1.0、OFL 1.1",
        env!("CARGO_PKG_VERSION")
    );
    if cfg!(target_os = "linux") {
        text.push_str("\n\n安装包中的许可证全文：/usr/share/doc/qinggao/copyright");
    }
    text
}

/// Opens the main window on the first of `files` (or the built-in sample), and each further
/// file in a window of its own: 清稿 edits one compilation per window.
///
/// For demos and screenshots, `QINGGAO_ANSWERS=answers.json` fills those answers in at
/// start and `QINGGAO_START_PANEL=fill|clean` opens that tool panel; `QINGGAO_DATA_DIR`
/// moves the autosaved sessions.
pub fn run(files: Vec<std::path::PathBuf>) -> Result<(), String> {
    let mut files = files.into_iter();
    let path = files.next();
    let others: Vec<_> = files.collect();
    let others_note = open_in_other_windows(&others);
    let icon = eframe::icon_data::from_png_bytes(include_bytes!(
        "../../packaging/icons/hicolor/64x64/apps/qinggao.png"
    ))
    .ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("清稿")
        .with_inner_size([1280.0, 820.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        // Also the app id: the X11 WM_CLASS and Wayland app id that packaging/qinggao.desktop
        // names in StartupWMClass, and the folder of the saved window state.
        "qinggao",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            // A Chinese input method keeps its mode when the focus moves between fields.
            ime::install(&cc.egui_ctx);
            // 公文 users work in Word and WPS, on white: light unless the system asks for dark.
            cc.egui_ctx
                .options_mut(|o| o.fallback_theme = egui::Theme::Light);
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let mut app = App::new(prefs);
            app.prune_sessions(crate::session::now_secs());
            match path {
                Some(p) => app.open_path(&p),
                // A first start from the applications menu shows the sample and the
                // 使用说明; a file opened from the file manager goes straight to work.
                None => {
                    app.open_sample();
                    app.first_start_guide();
                }
            }
            if let Some(note) = others_note {
                match &mut app.view.notice {
                    Some(notice) => notice.text = format!("{}；{note}", notice.text),
                    None => app.say(note),
                }
            }
            // For demos and screenshots: answers to fill in at start, and a tool panel.
            if let Some(answers) = std::env::var_os("QINGGAO_ANSWERS").filter(|a| !a.is_empty()) {
                app.load_answers(std::path::Path::new(&answers));
            }
            match std::env::var("QINGGAO_START_PANEL").as_deref() {
                Ok("fill") => app.start_on(ToolTab::Fill),
                Ok("clean") => app.start_on(ToolTab::Clean),
                _ => {}
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("无法打开窗口：{e}"))
}

/// Starts one more `qinggao` for each of `files`, up to [`MAX_WINDOWS`] windows in all.
/// Returns what the first window should tell the user about files left unopened.
fn open_in_other_windows(files: &[std::path::PathBuf]) -> Option<String> {
    if files.is_empty() {
        return None;
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return Some(format!("其余 {} 个文件没有打开：{e}", files.len())),
    };
    let mut failed = Vec::new();
    for file in files.iter().take(MAX_WINDOWS - 1) {
        let child = std::process::Command::new(&exe)
            .arg("--")
            .arg(file)
            .stdin(std::process::Stdio::null())
            .spawn();
        match child {
            // Reaped in the background, so that a closed window leaves no zombie behind.
            Ok(mut child) => {
                std::thread::spawn(move || child.wait());
            }
            Err(e) => failed.push(format!("{}（{e}）", file.display())),
        }
    }
    let skipped = files.len().saturating_sub(MAX_WINDOWS - 1);
    let mut note = Vec::new();
    if skipped > 0 {
        note.push(format!(
            "一次最多打开 {MAX_WINDOWS} 个窗口，另外 {skipped} 个文件没有打开"
        ));
    }
    if !failed.is_empty() {
        note.push(format!("无法在新窗口中打开：{}", failed.join("、")));
    }
    (!note.is_empty()).then(|| note.join("；"))
}
