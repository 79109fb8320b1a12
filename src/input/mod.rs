//! Reading a file into the one [`Document`] type: each reader (`text` for now; Word
//! readers join here) recognises its format by the bytes, not the extension, and returns
//! the same document, so nothing downstream asks which format the text came from.
//! No dependency on egui or the exporter.

pub mod text;

use crate::error::{Error, Result};
use crate::model::{Document, Encoding};
use std::path::Path;

/// Files larger than this are refused (see the README: "支持的文件大小").
pub const MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

/// Reads `path` into a document; `encoding` forces the encoding of a text file instead of
/// detecting one.
pub fn load(path: &Path, encoding: Option<Encoding>) -> Result<Document> {
    let bytes = read_bounded(path)?;
    text::decode_vec(bytes, path, encoding)
}

/// The file's bytes, refusing folders and files past [`MAX_FILE_SIZE`] before reading them.
fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, "读取文件", e))?;
    if meta.is_dir() {
        return Err(Error::Invalid {
            what: format!(
                "{}: 这是一个文件夹，不是文本文件 (is a directory)",
                path.display()
            ),
        });
    }
    if meta.len() > MAX_FILE_SIZE {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: MAX_FILE_SIZE,
        });
    }
    std::fs::read(path).map_err(|e| Error::io(path, "读取文件", e))
}
