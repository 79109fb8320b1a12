//! The desktop editor: a thin shell over the core.

/// Opens the main window, with `path` loaded or the built-in sample.
pub fn run(path: Option<std::path::PathBuf>) -> Result<(), String> {
    let _ = path;
    Err("GUI not built yet".into())
}
