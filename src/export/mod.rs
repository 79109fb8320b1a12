//! Writing results: file names made safe, atomic writes, encodings and line endings.
//! Never writes over the source file; never leaves a half-written file.

pub mod docx;

use crate::error::{Error, Result};
use crate::model::{Encoding, LineEnding};
use std::path::Path;

/// How text files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    pub encoding: Encoding,
    pub line_ending: LineEnding,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions { encoding: Encoding::Utf8, line_ending: LineEnding::Lf }
    }
}

/// Encodes LF text for writing.
pub fn encode(text: &str, opts: TextOptions) -> Result<Vec<u8>> {
    let _ = opts;
    Ok(text.as_bytes().to_vec())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
/// Refuses to write over `source`, and over an existing file unless `overwrite`.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool, source: Option<&Path>) -> Result<()> {
    let _ = (bytes, overwrite, source);
    Err(Error::Invalid { what: format!("{}: not implemented", path.display()) })
}
