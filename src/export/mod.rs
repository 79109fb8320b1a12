//! Writing results: which text to write (the whole compilation, one report, every report),
//! file names made safe on every OS, encodings and line endings, and atomic writes.
//! Never writes over the source file; never leaves a half-written file. No egui.

pub mod docx;

use crate::analysis::Analysis;
use crate::error::{Error, Result};
use crate::fs::{Visibility, same_file};
use crate::model::{Encoding, LineEnding, Report};
use std::path::{Path, PathBuf};

/// How text files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    pub encoding: Encoding,
    pub line_ending: LineEnding,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            encoding: Encoding::Utf8,
            line_ending: LineEnding::Lf,
        }
    }
}

/// [`encode`], taking the text by value: UTF-8 with LF (the default) is then the text's own
/// bytes, not a copy of a file that may be hundreds of MB.
pub fn encode_owned(text: String, opts: TextOptions) -> Result<Vec<u8>> {
    if opts == TextOptions::default() {
        return Ok(text.into_bytes());
    }
    encode(&text, opts)
}

/// Encodes LF text for writing. Characters the target encoding cannot hold are an error
/// that names them, never silently replaced.
pub fn encode(text: &str, opts: TextOptions) -> Result<Vec<u8>> {
    let text: std::borrow::Cow<str> = match opts.line_ending {
        LineEnding::Lf => text.into(),
        LineEnding::Crlf => text.replace('\n', "\r\n").into(),
    };
    let bytes = match opts.encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let le = opts.encoding == Encoding::Utf16Le;
            let mut out = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for u in text.encode_utf16() {
                out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            out
        }
        Encoding::Gb18030 | Encoding::Big5 => {
            let enc = if opts.encoding == Encoding::Gb18030 {
                encoding_rs::GB18030
            } else {
                encoding_rs::BIG5
            };
            let (bytes, _, had_errors) = enc.encode(&text);
            // encoding_rs writes a few private-use characters (U+E78D..U+E796 and others) as
            // the bytes of the vertical forms they once stood for, which read back as other
            // characters: a file that does not reopen to the same text counts as an error too.
            if had_errors || enc.decode_without_bom_handling(&bytes).0 != *text {
                let round_trips = |c: char| {
                    let s = c.to_string();
                    let (b, _, err) = enc.encode(&s);
                    !err && enc.decode_without_bom_handling(&b).0 == s
                };
                // Named by line and code point, never quoted: error messages reach stderr
                // and logs, where the document's text must not go.
                let bad: Vec<String> = text
                    .split('\n')
                    .enumerate()
                    .flat_map(|(i, line)| {
                        line.chars()
                            .filter(|&c| !round_trips(c))
                            .map(move |c| format!("第 {} 行的 U+{:04X}", i + 1, c as u32))
                    })
                    .take(5)
                    .collect();
                return Err(Error::Invalid {
                    what: format!(
                        "有字符无法用 {} 编码保存：{}；请改用 UTF-8",
                        opts.encoding.name(),
                        bad.join("、")
                    ),
                });
            }
            bytes.into_owned()
        }
    };
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically, with the permissions of any saved file (see
/// [`crate::fs::write_atomic`]). Refuses to write over `source`, and over an existing file
/// unless `overwrite`.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    source: Option<&Path>,
) -> Result<()> {
    crate::fs::write_atomic(path, bytes, overwrite, source, Visibility::Ordinary)?;
    Ok(())
}

/// Longest file stem written, in characters: well inside every file system's 255-byte
/// limit even at 3 bytes a character.
const MAX_STEM_CHARS: usize = 60;

/// A safe file name for report `number` (1-based): "01-标题.txt". Strips what Windows,
/// macOS or Linux forbid, control characters, invisible ones (byte order marks, zero-width
/// spaces), leading dots and trailing dots/spaces, bounds the length, and never yields a
/// path with a separator or a reserved name.
pub fn file_name(number: usize, title: &str, ext: &str) -> String {
    let cleaned: String = title
        .chars()
        .filter(|&c| c != crate::junk::BOM && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'))
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let cleaned = cleaned
        .trim()
        .trim_start_matches('.')
        .trim_end_matches(['.', ' ']);
    let mut stem: String = cleaned.chars().take(MAX_STEM_CHARS).collect();
    stem = stem.trim_end_matches(['.', ' ']).to_string();
    if stem.is_empty() {
        stem = "报告".to_string();
    }
    const RESERVED: [&str; 22] = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];
    if RESERVED.iter().any(|r| stem.eq_ignore_ascii_case(r)) {
        stem.push('_');
    }
    format!("{number:02}-{stem}.{ext}")
}

/// The text of one report, with its title line (or its inferred title) first.
pub fn report_text(text: &str, report: &Report) -> String {
    let body = &text[report.range.clone()];
    let mut out = String::with_capacity(body.len() + 64);
    if report.title_inferred {
        out.push_str(&report.title);
        out.push_str("\n\n");
    }
    out.push_str(body);
    out.push('\n');
    out
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole compilation into one file.
    Whole,
    /// Report `n` (0-based) into one file.
    Report(usize),
    /// Every report into its own file in a folder.
    Split,
}

/// The files an export would write: (path, text). `dest` is a file for Whole/Report and a
/// folder for Split.
pub fn plan_text_export(
    text: &str,
    analysis: &Analysis,
    scope: Scope,
    dest: &Path,
    ext: &str,
) -> Result<Vec<(PathBuf, String)>> {
    let reports = &analysis.outline.reports;
    Ok(match scope {
        Scope::Whole => {
            let mut t = text.to_string();
            if !t.ends_with('\n') {
                t.push('\n');
            }
            vec![(dest.to_path_buf(), t)]
        }
        Scope::Report(n) => {
            let r = reports.get(n).ok_or_else(|| Error::Invalid {
                what: format!("没有第 {} 篇报告（共 {} 篇）", n + 1, reports.len()),
            })?;
            vec![(dest.to_path_buf(), report_text(text, r))]
        }
        Scope::Split => {
            let mut seen = std::collections::HashSet::new();
            reports
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut name = file_name(i + 1, &r.title, ext);
                    // Two reports with one title still get two files.
                    let mut k = 2;
                    while !seen.insert(name.to_lowercase()) {
                        name = file_name(i + 1, &format!("{}-{k}", r.title), ext);
                        k += 1;
                    }
                    (dest.join(name), report_text(text, r))
                })
                .collect()
        }
    })
}

/// Writes planned files. Checks every target first, so a refusal writes nothing at all.
pub fn write_all(
    files: &[(PathBuf, Vec<u8>)],
    overwrite: bool,
    source: Option<&Path>,
) -> Result<()> {
    for (path, _) in files {
        if source.is_some_and(|s| s == path || same_file(s, path)) {
            return Err(Error::WouldOverwriteSource { path: path.clone() });
        }
        if !overwrite && path.exists() {
            return Err(Error::Exists { path: path.clone() });
        }
    }
    for (path, bytes) in files {
        write_atomic(path, bytes, overwrite, source)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(
            file_name(1, "2023年XX区工作总结", "txt"),
            "01-2023年XX区工作总结.txt"
        );
        assert_eq!(
            file_name(2, "a/b\\c:d*e?f\"g<h>i|j", "txt"),
            "02-a_b_c_d_e_f_g_h_i_j.txt"
        );
        assert_eq!(
            file_name(3, "../../etc/passwd", "txt"),
            "03-_.._etc_passwd.txt"
        );
        assert_eq!(file_name(4, "  . ", "txt"), "04-报告.txt");
        assert_eq!(file_name(5, "CON", "txt"), "05-CON_.txt");
        assert_eq!(file_name(6, "标题\u{0007}\n", "txt"), "06-标题__.txt");
        assert_eq!(
            file_name(6, "\u{feff}关于\u{200b}工作的汇报", "txt"),
            "06-关于工作的汇报.txt"
        );
        let long = file_name(7, &"很长".repeat(100), "docx");
        assert!(long.chars().count() <= 3 + MAX_STEM_CHARS + 5, "{long}");
        assert!(long.len() < 255);
        for name in [file_name(8, "..", "txt"), file_name(9, "/", "txt")] {
            assert!(!name.contains('/') && !name.starts_with('.'), "{name}");
        }
    }

    #[test]
    fn encode_line_endings_and_encodings() {
        let crlf = TextOptions {
            encoding: Encoding::Utf8,
            line_ending: LineEnding::Crlf,
        };
        assert_eq!(encode("一\n二\n", crlf).unwrap(), "一\r\n二\r\n".as_bytes());
        let gb = TextOptions {
            encoding: Encoding::Gb18030,
            line_ending: LineEnding::Lf,
        };
        let bytes = encode("党建", gb).unwrap();
        assert_eq!(encoding_rs::GB18030.decode(&bytes).0, "党建");
        let big5 = TextOptions {
            encoding: Encoding::Big5,
            line_ending: LineEnding::Lf,
        };
        let err = encode("党建\n工作😀", big5).unwrap_err().to_string();
        assert!(err.contains("UTF-8"), "{err}");
        assert!(err.contains("第 2 行的 U+1F600"), "{err}");
        assert!(
            !err.contains('😀') && !err.contains("工作"),
            "no text quoted: {err}"
        );
        // Taking the text by value writes the same bytes, in every encoding.
        for opts in [TextOptions::default(), crlf, gb] {
            let text = "全体党员\n参加学习\n";
            assert_eq!(
                encode_owned(text.to_string(), opts).unwrap(),
                encode(text, opts).unwrap()
            );
        }
    }

    #[test]
    fn atomic_write_refuses_source_and_existing() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("原文.txt");
        std::fs::write(&src, "原文").unwrap();
        let err = write_atomic(&src, b"x", true, Some(&src)).unwrap_err();
        assert!(matches!(err, Error::WouldOverwriteSource { .. }));
        assert_eq!(std::fs::read_to_string(&src).unwrap(), "原文");
        let out = dir.path().join("out.txt");
        write_atomic(&out, "新".as_bytes(), false, Some(&src)).unwrap();
        let err = write_atomic(&out, b"again", false, Some(&src)).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "新");
        write_atomic(&out, b"again", true, Some(&src)).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "again");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
            assert_eq!(
                mode, 0o644,
                "exported files are readable by others, like any saved file"
            );
        }
        // No temporary files left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn write_all_writes_nothing_when_one_target_exists() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&b, "old").unwrap();
        let err = write_all(
            &[(a.clone(), b"1".to_vec()), (b.clone(), b"2".to_vec())],
            false,
            None,
        );
        assert!(err.is_err());
        assert!(!a.exists(), "nothing written when one target is refused");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old");
    }
}
