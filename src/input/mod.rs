//! Reading a file into the one [`Document`] type: each reader (`text`, `docx`, `doc`) is chosen
//! by the file's bytes, not its extension, and returns the same document, so nothing
//! downstream asks which format the text came from. A Word reader also records where
//! each piece came from (header, hidden text, link…) as data beside the text, for the
//! cleaning rules of the category Word 文档. No dependency on egui or the exporter.

pub mod convert;
pub mod doc;
#[cfg(test)]
mod doc_tests;
pub mod docx;
pub mod numbering;
#[doc(hidden)]
pub mod testing;
#[cfg(test)]
mod tests;
pub mod text;

use crate::error::{Error, Result};
use crate::model::{
    ByteRange, Document, Encoding, LineEnding, Origin, Piece, Source, SourceFormat,
};
use std::path::Path;

/// How a reader's message ends when it refused the file as hostile (a decompression bomb, a
/// DTD, absurd nesting): such a file is not handed to LibreOffice either.
pub const HOSTILE: &str = "已拒绝";

/// Files larger than this are refused (see the README: "支持的文件大小").
pub const MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

/// Reads `path` into a document; `encoding` forces the encoding of a text file instead of
/// detecting one.
pub fn load(path: &Path, encoding: Option<Encoding>) -> Result<Document> {
    let bytes = read_bounded(path)?;
    read_bytes(bytes, path, encoding)
}

/// Reads a file's bytes (already read from `path`, which names it in messages) with the
/// reader its bytes call for.
pub fn read_bytes(bytes: Vec<u8>, path: &Path, encoding: Option<Encoding>) -> Result<Document> {
    match sniff(&bytes) {
        Kind::Zip => {
            let bad = |detail: String| Error::BadDocument {
                path: path.to_path_buf(),
                format: ".docx",
                detail,
            };
            let paras = guarded(|| docx::read(&bytes)).map_err(bad)?;
            assemble(paras, SourceFormat::Docx, path)
        }
        Kind::Ole => {
            let bad = |detail: String| Error::BadDocument {
                path: path.to_path_buf(),
                format: ".doc/.wps",
                detail,
            };
            if is_encrypted_ooxml(&bytes) {
                return Err(bad(docx::encrypted()));
            }
            let file = guarded(|| doc::read(&bytes)).map_err(bad)?;
            let wps_name = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("wps"));
            let format = if file.wps || wps_name {
                SourceFormat::Wps
            } else {
                SourceFormat::Doc
            };
            assemble(file.paras, format, path)
        }
        Kind::Rtf => Err(Error::BadDocument {
            path: path.to_path_buf(),
            format: ".rtf",
            detail: "这是 RTF 格式的文档，清稿不直接读取；请在 Word 或 WPS 中另存为 .docx 再打开"
                .into(),
        }),
        Kind::Other => text::decode_vec(bytes, path, encoding),
    }
}

enum Kind {
    Zip,
    Ole,
    Rtf,
    Other,
}

fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Kind::Zip
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Kind::Ole
    } else if bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii_start()
        .starts_with(b"{\\rtf")
    {
        // Rich Text Format is text, but as text it reads as markup ("{\rtf1\ansi…").
        Kind::Rtf
    } else {
        Kind::Other
    }
}

/// A password-protected .docx is an OLE file holding an `EncryptedPackage` stream.
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    memchr::memmem::find(bytes, &name).is_some()
}

/// Runs a reader so that a panic in it (or in a crate it uses) becomes a message, not a
/// crash of the program.
fn guarded<T>(
    read: impl FnOnce() -> std::result::Result<T, String>,
) -> std::result::Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err("读取时遇到无法处理的内容（读取器内部错误），文件可能已损坏".into())
    })
}

/// What a Word paragraph is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParaKind {
    #[default]
    Body,
    Header,
    Footer,
    TextBox,
    Comment,
    Footnote,
}

/// A span of a paragraph with an origin of its own (hidden text, a link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: ByteRange,
    pub origin: Origin,
}

/// A paragraph as a Word reader hands it over: one line of the imported text (a soft break
/// makes it two), with its spans, the images left out of it and the notes it cites.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub kind: ParaKind,
    pub spans: Vec<Span>,
    pub images: usize,
    /// Note ids cited here with the marks shown ("1"): resolved by the reader.
    pub notes: Vec<(String, String)>,
    /// Comment ids anchored here: resolved by the reader.
    pub comments: Vec<String>,
    /// The cited notes' texts, which go at the end of the citing report.
    pub footnotes: Vec<Para>,
}

/// The document a Word reader's paragraphs make: one line each, footnotes at the end of
/// the report that cites them, pieces with their origins.
fn assemble(paras: Vec<Para>, format: SourceFormat, path: &Path) -> Result<Document> {
    // Where each footnote goes is known once the reports are: a first text without them.
    let has_notes = paras.iter().any(|p| !p.footnotes.is_empty());
    let mut note_after: Vec<usize> = Vec::new();
    if has_notes {
        let plain: String = paras.iter().map(|p| clean_line(&p.text) + "\n").collect();
        let index = crate::model::LineIndex::new(&plain);
        let structure = crate::split::split_structure(&plain, &index);
        // The paragraph index each line belongs to, and each report's last paragraph.
        let mut para_of_line = Vec::new();
        for (i, p) in paras.iter().enumerate() {
            let lines = clean_line(&p.text).matches('\n').count() + 1;
            para_of_line.extend(std::iter::repeat_n(i, lines));
        }
        let last_para = |line: usize| para_of_line.get(line).copied();
        note_after = (0..paras.len()).collect();
        for r in &structure.reports {
            let (Some(first), Some(last)) = (
                last_para(r.lines.start),
                last_para(r.lines.end.saturating_sub(1)),
            ) else {
                continue;
            };
            for slot in note_after.iter_mut().take(last + 1).skip(first) {
                *slot = last;
            }
        }
    }
    let mut pending: Vec<Vec<Para>> = vec![Vec::new(); paras.len()];
    let mut body: Vec<Para> = Vec::with_capacity(paras.len());
    for (i, mut p) in paras.into_iter().enumerate() {
        let notes = std::mem::take(&mut p.footnotes);
        let at = note_after.get(i).copied().unwrap_or(i).max(i);
        pending[at].extend(notes);
        body.push(p);
    }
    let mut text = String::new();
    let mut source = Source {
        format,
        ..Source::default()
    };
    let mut line = 0usize;
    for (i, p) in body.into_iter().enumerate() {
        for q in std::iter::once(p).chain(std::mem::take(&mut pending[i])) {
            push_para(&mut text, &mut source, &mut line, q);
        }
    }
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    source.pieces.sort_by_key(|p| p.range.start);
    Ok(Document {
        path: Some(path.to_path_buf()),
        encoding: Encoding::Utf8,
        line_ending: LineEnding::Lf,
        text,
        source,
    })
}

/// A paragraph's text as one or more lines: no CR, no NUL, no other control character
/// but the tab and soft break.
fn clean_line(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\t' || c == '\n' || !c.is_control())
        .collect()
}

fn push_para(text: &mut String, source: &mut Source, line: &mut usize, p: Para) {
    let at = text.len();
    // Controls are rare: spans are kept as they are when nothing was removed.
    let cleaned = clean_line(&p.text);
    let same = cleaned.len() == p.text.len();
    text.push_str(&cleaned);
    source.paragraphs += 1;
    for _ in 0..p.images {
        source.image_lines.push(*line);
    }
    let whole = match p.kind {
        ParaKind::Body => None,
        ParaKind::Header => Some(Origin::Header),
        ParaKind::Footer => Some(Origin::Footer),
        ParaKind::TextBox => Some(Origin::TextBox),
        ParaKind::Comment => Some(Origin::Comment),
        ParaKind::Footnote => Some(Origin::Footnote),
    };
    if let Some(origin) = whole.filter(|_| !cleaned.trim().is_empty()) {
        source.pieces.push(Piece {
            range: at..text.len(),
            origin,
            text: cleaned.clone(),
        });
    }
    if same {
        for s in p.spans {
            let range = at + s.range.start..at + s.range.end;
            if let Some(t) = text.get(range.clone()).filter(|t| !t.trim().is_empty()) {
                source.pieces.push(Piece {
                    text: t.to_string(),
                    range,
                    origin: s.origin,
                });
            }
        }
    }
    *line += cleaned.matches('\n').count() + 1;
    text.push('\n');
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
