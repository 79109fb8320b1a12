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
mod outline_panel;
mod reports_panel;
pub mod session;
mod status_bar;
pub mod system_fonts;
mod text_panel;
mod workspace;

pub use app::{App, Modal, Prefs, ToolTab};
pub use command::{Action, Command};
pub use export_dialog::{ExportDialog, ExportScope};
pub use fill_panel::FillEntry;
pub use text_panel::MAX_EDITABLE_BYTES;
pub use workspace::{LIVE_ANALYSIS_LIMIT, Workspace};

/// The compilation shown when 清稿 starts without a file: every kind of junk and gap the
/// editor handles, in a few short reports we wrote ourselves.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/sample.txt");

/// Opens the main window, with `path` loaded or the built-in sample.
///
/// For demos and screenshots, `QINGGAO_ANSWERS=answers.json` fills those answers in at
/// start and `QINGGAO_START_PANEL=fill|clean` opens that tool panel; `QINGGAO_DATA_DIR`
/// moves the autosaved sessions.
pub fn run(path: Option<std::path::PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("清稿")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "qinggao",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            let mut app = App::new(prefs);
            match path {
                Some(p) => app.open_path(&p),
                None => app.open_sample(),
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
