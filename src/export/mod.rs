//! Writing results, the one path both shells take: [`outputs`] turns a text, its analysis,
//! a scope (the whole compilation, one report, every report) and a format into named files,
//! and [`write_all`] checks every target before it writes any of them through
//! [`crate::fs`]. File names made safe on every OS, encodings and line endings. Never
//! writes over the source file; never leaves a half-written file. No egui.
//!
//! Like a pandoc writer, the .docx writer ([`docx`]) takes plain input (report titles,
//! paragraphs and their roles); [`docx_input`] reads that input out of an analysis.

pub mod docx;

use crate::analysis::Analysis;
use crate::error::{Error, Result};
use crate::model::{Encoding, HeadingKind, LineEnding, LineRole, Outline, Report};
use docx::{DocxInput, DocxParagraph, DocxReport, ParagraphRole};
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

/// The file format written, with its options.
#[derive(Debug, Clone)]
pub enum Format {
    Text(TextOptions),
    /// Word in the 公文 layout of `preset`, naming `author` in its properties ("" for none).
    Docx {
        preset: Box<docx::Preset>,
        author: String,
    },
}

impl Format {
    /// The file name extension, without the dot.
    pub fn ext(&self) -> &'static str {
        match self {
            Format::Text(_) => "txt",
            Format::Docx { .. } => "docx",
        }
    }
}

/// One file an export writes: its name (safe on every OS), the report it holds (None: the
/// whole compilation) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub name: String,
    pub report: Option<usize>,
    pub bytes: Vec<u8>,
}

/// The names of the files an export of `outline` writes, each with its report, without
/// their contents (what a dialog shows while the user chooses). The whole compilation is
/// named after `stem`, the source file's name.
pub fn names(
    outline: &Outline,
    scope: Scope,
    stem: &str,
    ext: &str,
) -> Result<Vec<(String, Option<usize>)>> {
    let reports = &outline.reports;
    Ok(match scope {
        Scope::Whole => vec![(format!("{stem}-清稿.{ext}"), None)],
        Scope::Report(n) => {
            let r = reports.get(n).ok_or_else(|| Error::Invalid {
                what: format!("没有第 {} 篇报告（共 {} 篇）", n + 1, reports.len()),
            })?;
            vec![(file_name(n + 1, &r.title, ext), Some(n))]
        }
        // The number in front keeps two reports with one title apart.
        Scope::Split => reports
            .iter()
            .enumerate()
            .map(|(i, r)| (file_name(i + 1, &r.title, ext), Some(i)))
            .collect(),
    })
}

/// The files an export of `text` writes: the one function both shells call. `analysis`
/// should be of exactly this text; one of another text (kept while the user typed) is
/// never used: the text is analysed afresh.
pub fn outputs(
    text: &str,
    analysis: &Analysis,
    scope: Scope,
    stem: &str,
    format: &Format,
) -> Result<Vec<Output>> {
    let fresh;
    let analysis = if analysis.is_of(text) {
        analysis
    } else {
        fresh = crate::analysis::analyze(text);
        &fresh
    };
    let reports = &analysis.outline.reports;
    names(&analysis.outline, scope, stem, format.ext())?
        .into_iter()
        .map(|(name, report)| {
            let bytes = match format {
                Format::Text(opts) => {
                    let text = match report {
                        Some(i) => report_text(text, &reports[i]),
                        None => whole_text(text),
                    };
                    encode_owned(text, *opts)?
                }
                Format::Docx { preset, author } => {
                    let chosen: Vec<usize> = match report {
                        Some(i) => vec![i],
                        None => (0..reports.len()).collect(),
                    };
                    let mut input = docx_input(text, analysis, &chosen, report.is_none());
                    input.author = author.clone();
                    docx::build(&input, preset)?
                }
            };
            Ok(Output {
                name,
                report,
                bytes,
            })
        })
        .collect()
}

/// The report holding offset `pos` of the text `outline` is of: the last one starting at or
/// before it (the first when none does).
pub fn report_at(outline: &Outline, pos: usize) -> usize {
    outline
        .reports
        .partition_point(|r| r.range.start <= pos)
        .saturating_sub(1)
}

/// The whole compilation as written: its text, ending with a newline.
fn whole_text(text: &str) -> String {
    let mut t = text.to_string();
    if !t.ends_with('\n') {
        t.push('\n');
    }
    t
}

/// Files written under temporary names, every target checked: [`crate::fs::commit`] gives
/// them their names (a batch commits many such groups at once).
pub fn stage(
    files: &[(PathBuf, Vec<u8>)],
    overwrite: bool,
    source: Option<&Path>,
) -> Result<Vec<crate::fs::Staged>> {
    Ok(crate::fs::stage(files, overwrite, source)?)
}

/// Writes `files`, the one writer of both shells: every target is checked before anything
/// is written (never the source, an existing file only with `overwrite`), so a refusal
/// writes nothing; then all are written under temporary names, put on disk, and renamed.
pub fn write_all(
    files: &[(PathBuf, Vec<u8>)],
    overwrite: bool,
    source: Option<&Path>,
) -> Result<()> {
    let staged = stage(files, overwrite, source)?;
    for done in crate::fs::commit(vec![staged], crate::fs::SyncMode::FileSystem) {
        done?;
    }
    Ok(())
}

/// The targets among `paths` that exist already (to ask before replacing them).
pub fn existing(paths: &[PathBuf]) -> Vec<PathBuf> {
    paths.iter().filter(|p| p.exists()).cloned().collect()
}

/// The .docx input for `reports` of `text` (with its analysis): each non-empty line of a
/// report becomes a paragraph, its role from the report's outline and role lines, its
/// highlights from the placeholders on it. The title line is not repeated as a paragraph.
/// With `with_compilation_title`, the compilation's title heads the file.
pub fn docx_input(
    text: &str,
    analysis: &Analysis,
    reports: &[usize],
    with_compilation_title: bool,
) -> DocxInput {
    let title = if with_compilation_title {
        analysis.outline.title.clone()
    } else {
        None
    };
    let mut out = DocxInput {
        title,
        reports: Vec::with_capacity(reports.len()),
        ..DocxInput::default()
    };
    let index = &analysis.index;
    for &ri in reports {
        let Some(report) = analysis.outline.reports.get(ri) else {
            continue;
        };
        let placeholders = analysis.report_placeholders(ri);
        let mut paragraphs = Vec::new();
        for line in report.lines.clone() {
            if Some(line) == report.title_line {
                continue;
            }
            let range = index.line_range(text, line);
            let Some(raw) = text.get(range.clone()) else {
                continue;
            };
            let trimmed_start = raw.len() - raw.trim_start().len();
            let body = raw.trim();
            if body.is_empty() {
                continue;
            }
            let start = range.start + trimmed_start;
            let end = start + body.len();
            let role = report
                .roles
                .iter()
                .find(|r| r.line == line)
                .map(|r| match r.role {
                    LineRole::Addressee => ParagraphRole::Addressee,
                    LineRole::SignOff => ParagraphRole::SignOff,
                    LineRole::Date => ParagraphRole::Date,
                })
                .or_else(|| {
                    report
                        .outline
                        .iter()
                        .find(|h| {
                            h.line == line
                                && !matches!(
                                    h.kind,
                                    HeadingKind::Sequence
                                        | HeadingKind::Ordinal
                                        | HeadingKind::InlineOrdinal
                                )
                        })
                        .map(|h| ParagraphRole::Heading(gongwen_layer(h.kind)))
                })
                .unwrap_or(ParagraphRole::Body);
            let highlights = placeholders
                .iter()
                .filter(|p| p.range.start < end && p.range.end > start)
                .map(|p| p.range.start.max(start) - start..p.range.end.min(end) - start)
                .collect();
            paragraphs.push(DocxParagraph {
                role,
                text: body.to_string(),
                highlights,
            });
        }
        out.reports.push(DocxReport {
            title: report.title.clone(),
            paragraphs,
        });
    }
    out
}

/// The GB/T 9704 layer of a heading, decided by its marker kind in the standard's order,
/// not by its depth in the report's tree: 一、 is layer 1 (黑体), （一） layer 2 (楷体), 1.
/// layer 3 and （1） layer 4 (both 仿宋). A report that skips a layer (（一） directly under
/// its title) keeps each heading in the font its marker calls for. 第一部分 stands above
/// 一、 and takes layer 1 too; ①, A. sit below （1） and take layer 4.
fn gongwen_layer(kind: HeadingKind) -> u8 {
    match kind {
        HeadingKind::Part | HeadingKind::Chinese => 1,
        HeadingKind::ParenChinese => 2,
        HeadingKind::Arabic => 3,
        _ => 4,
    }
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
    fn the_writer_refuses_source_and_existing() {
        let write_atomic = |path: &Path, bytes: &[u8], overwrite: bool, source: Option<&Path>| {
            write_all(&[(path.to_path_buf(), bytes.to_vec())], overwrite, source)
        };
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
