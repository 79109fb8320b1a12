//! The one error type of the core. Every message names the file and says what is wrong,
//! in Chinese first and English after, because it reaches users of both the GUI and the CLI.

use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum Error {
    /// Reading or writing failed at the OS level.
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// The file has no bytes (or only a BOM / whitespace).
    Empty { path: PathBuf },
    /// The bytes are not text: an image, an archive, a Word file renamed .txt...
    Binary { path: PathBuf, what: String },
    /// The bytes do not decode in the given or detected encoding.
    Undecodable {
        path: PathBuf,
        encoding: String,
        line: usize,
        detail: String,
    },
    /// A Word file that cannot be read: damaged, encrypted, not a Word package, or past a
    /// limit. `detail` says which, and what the user can do.
    BadDocument {
        path: PathBuf,
        /// ".docx", ".doc": what the bytes looked like.
        format: &'static str,
        detail: String,
    },
    /// LibreOffice could not convert a file the readers refused (see `input::convert`).
    Conversion { path: PathBuf, detail: String },
    /// The file is larger than 清稿 supports.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// An answers, rules, preset or session file is malformed or of an unknown version.
    BadConfig {
        path: PathBuf,
        what: &'static str,
        detail: String,
    },
    /// Export refused: the target exists and overwriting was not allowed.
    Exists { path: PathBuf },
    /// Export refused: the target is the source file.
    WouldOverwriteSource { path: PathBuf },
    /// Something the user asked for does not exist (a report number, an encoding name...).
    Invalid { what: String },
}

impl Error {
    pub fn io(path: &Path, action: &'static str, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    }
}

impl From<crate::fs::WriteError> for Error {
    fn from(e: crate::fs::WriteError) -> Error {
        match e {
            crate::fs::WriteError::IsSource { path } => Error::WouldOverwriteSource { path },
            crate::fs::WriteError::Exists { path } => Error::Exists { path },
            crate::fs::WriteError::Io {
                path,
                action,
                source,
            } => Error::Io {
                path,
                action,
                source,
            },
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io {
                path,
                action,
                source,
            } => {
                write!(f, "{}: 无法{action} ({source})", path.display())
            }
            Error::Empty { path } => write!(
                f,
                "{}: 文件是空的，没有可处理的文字 (empty file)",
                path.display()
            ),
            Error::Binary { path, what } => write!(
                f,
                "{}: 这不是文本文件，看起来是{what}；请打开 .txt 文本或 Word 文档 (not a text file)",
                path.display()
            ),
            Error::Undecodable {
                path,
                encoding,
                line,
                detail,
            } => write!(
                f,
                "{}: 按 {encoding} 编码无法解读，第 {line} 行附近有无效字节（{detail}）；请换一种编码再试 (does not decode)",
                path.display()
            ),
            Error::BadDocument {
                path,
                format,
                detail,
            } => write!(
                f,
                "{}: 无法读取这个 Word 文档（{format}）：{detail} (cannot read the Word file)",
                path.display()
            ),
            Error::Conversion { path, detail } => write!(
                f,
                "{}: 用 LibreOffice 转换失败：{detail} (conversion failed)",
                path.display()
            ),
            Error::TooLarge { path, size, limit } => write!(
                f,
                "{}: 文件有 {} MB，超过支持的上限 {} MB (file too large)",
                path.display(),
                size / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            Error::BadConfig { path, what, detail } => {
                write!(f, "{}: {what}格式有误：{detail}", path.display())
            }
            Error::Exists { path } => write!(
                f,
                "{}: 文件已存在，未覆盖；如要覆盖请加 --force (already exists)",
                path.display()
            ),
            Error::WouldOverwriteSource { path } => write!(
                f,
                "{}: 这是原文件，清稿从不覆盖原文件；请换一个输出位置 (refusing to overwrite the source)",
                path.display()
            ),
            Error::Invalid { what } => f.write_str(what),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A parser's message with the values it quotes replaced by "…": serde quotes what it
/// found (`invalid type: string "滨江区"`, ``unknown field `XX区` ``), and for answers and
/// sessions that is the document's content, which must not reach stderr or logs. The
/// line, column and what was expected stay.
pub fn without_quoted_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                // serde writes strings with Debug escapes: skip to the unescaped close.
                let mut escaped = false;
                for d in chars.by_ref() {
                    match d {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                out.push_str("\"…\"");
            }
            '`' => {
                for d in chars.by_ref() {
                    if d == '`' {
                        break;
                    }
                }
                out.push_str("`…`");
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_values_are_dropped_from_parser_messages() {
        let m = r#"invalid type: string "滨江\"区", expected a map at line 1 column 30"#;
        assert_eq!(
            super::without_quoted_values(m),
            r#"invalid type: string "…", expected a map at line 1 column 30"#
        );
        assert_eq!(
            super::without_quoted_values("unknown field `XX区`, expected `groups`"),
            "unknown field `…`, expected `…`"
        );
    }
}
