//! The user's files from the GUI: answers and rules (thin wrappers so the GUI reports one
//! readable error per file; the formats are the core's, the same the command line reads),
//! a new untitled document and where its autosave and export go, and the LibreOffice
//! conversion of a file the readers refused, run off the UI thread.

use crate::clean::RuleSet;
use crate::error::Error;
use crate::input::convert;
use crate::model::{Document, Edit, EditOrigin};
use crate::placeholder::Answers;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

pub fn save_answers(a: &Answers, path: &Path) -> Result<(), String> {
    a.save(path).map_err(|e| e.to_string())
}

pub fn load_answers(path: &Path) -> Result<Answers, String> {
    Answers::load(path).map_err(|e| e.to_string())
}

pub fn load_rules(path: &Path) -> Result<RuleSet, String> {
    RuleSet::load(path).map_err(|e| e.to_string())
}

/// The file in the data directory an untitled document's autosave is kept for: there is
/// one slot, and 文件 → 新建 offers what it holds. An empty file, so that the start-up
/// clean-up (which deletes autosaves of files that are gone) keeps the slot.
pub const UNTITLED_SLOT: &str = "未命名文稿";

/// The slot of the untitled document's autosave in `data_dir`, created if missing.
pub fn untitled_slot(data_dir: &Path) -> PathBuf {
    let slot = data_dir.join(UNTITLED_SLOT);
    if !slot.exists() && crate::fs::create_private_dir(data_dir).is_ok() {
        // Best effort: without the file the slot still works for this run.
        let _ = crate::fs::write_atomic(&slot, b"", false, None, crate::fs::Visibility::Private);
    }
    slot
}

/// The edit that puts pasted `text` into an empty document, its line ends made LF (text
/// copied on Windows comes with CRLF); none for nothing.
pub fn paste_into_empty(text: &str) -> Vec<Edit> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.is_empty() {
        return Vec::new();
    }
    vec![Edit {
        range: 0..0,
        old: String::new(),
        new: text,
        origin: EditOrigin::User,
    }]
}

/// Where a document without a source file is exported unless the user chose a folder
/// before: the user's documents folder, else the home folder.
pub fn default_export_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .filter(|d| d.is_dir())
            .unwrap_or(dirs.home_dir())
            .to_path_buf(),
    )
}

/// What the window says about a file the readers refused that LibreOffice may open, and
/// whether to offer the conversion (only when LibreOffice is installed).
pub fn refusal_text(err: &Error, office: Option<&Path>) -> (String, bool) {
    if !convert::may_help(err) {
        return (
            format!(
                "{err}\n\n请确认文件存在、是文本文件（.txt）或 Word 文档（.docx/.doc/.wps），或在“文件”菜单的“编码”中换一种编码再试。"
            ),
            false,
        );
    }
    match office {
        Some(_) => (
            format!(
                "{err}\n\n本机装有 LibreOffice：可以用它把这个文件的副本转换为 .docx 后打开。原文件不会改动；转换要几秒到一分钟。"
            ),
            true,
        ),
        None => (
            format!(
                "{err}\n\n安装 LibreOffice 后，清稿可以先用它转换再打开；也可以在 Word 或 WPS 中另存为 .docx。"
            ),
            false,
        ),
    }
}

/// LibreOffice for conversions: where it is (found on PATH at start; tests put a fake
/// one here), the time limit, and the conversion running, if any.
pub struct Converter {
    pub office: Option<PathBuf>,
    pub limit: Duration,
    running: Option<Conversion>,
}

impl Default for Converter {
    fn default() -> Self {
        Converter {
            office: convert::find_office(),
            limit: convert::time_limit(),
            running: None,
        }
    }
}

/// A conversion on a thread of its own; its result comes back through a channel.
struct Conversion {
    path: PathBuf,
    cancel: Arc<AtomicBool>,
    done: mpsc::Receiver<Result<Document, String>>,
}

impl Converter {
    /// Starts converting `path` (LibreOffice must be known). `wake` runs when it is done,
    /// so the window draws the result without waiting for an input event.
    pub fn start(&mut self, path: PathBuf, wake: impl FnOnce() + Send + 'static) -> bool {
        let Some(office) = self.office.clone() else {
            return false;
        };
        self.cancel();
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let (flag, file, limit) = (cancel.clone(), path.clone(), self.limit);
        let spawned = std::thread::Builder::new()
            .name("libreoffice".into())
            .spawn(move || {
                let r = convert::open_converted(&office, &file, limit, &|| {
                    flag.load(Ordering::Relaxed)
                })
                .map_err(|e| e.to_string());
                let _ = tx.send(r);
                wake();
            });
        if spawned.is_err() {
            return false;
        }
        self.running = Some(Conversion {
            path,
            cancel,
            done: rx,
        });
        true
    }

    /// The file being converted, if any.
    pub fn running(&self) -> Option<&Path> {
        self.running.as_ref().map(|c| c.path.as_path())
    }

    /// The finished conversion's file and result, once there is one.
    pub fn poll(&mut self) -> Option<(PathBuf, Result<Document, String>)> {
        let c = self.running.as_ref()?;
        let result = match c.done.try_recv() {
            Ok(r) => r,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => Err("转换中断了".into()),
        };
        let c = self.running.take()?;
        Some((c.path, result))
    }

    /// Stops the running conversion (LibreOffice is killed; the thread reports "cancelled",
    /// which nobody waits for any more).
    pub fn cancel(&mut self) {
        if let Some(c) = self.running.take() {
            c.cancel.store(true, Ordering::Relaxed);
        }
    }
}
