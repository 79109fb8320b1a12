//! Word (.docx) export in the official 公文 format (GB/T 9704-2012): one report, or a whole
//! compilation with a table of contents. Pure: returns the bytes of the file; the export
//! module writes them. Like a pandoc writer it takes plain input ([`DocxInput`]: titles,
//! paragraphs, their roles), never an analysis. Depends on docx-rs; never on egui.
//!
//! docx-rs assembles the package (content types, relationships, properties, zip). The
//! WordprocessingML parts are written here in the element order the schema prescribes,
//! because Word rejects out-of-order children and docx-rs can express neither
//! character-unit indents nor updateFields: the body and footers by [`xml`], styles,
//! settings and font table by [`parts`].

mod parts;
mod preset;
mod text;
mod xml;

pub use preset::{Fonts, PageSetup, Preset, Sizes, is_installed, missing_fonts};
pub use text::{balance_title, normalize_date};

use crate::error::{Error, Result};
use docx_rs::{Docx, Footer};
use parts::{Metrics, id};
use std::ops::Range;

/// What goes into one .docx: a single report, or a compilation (a title, or several reports).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxInput {
    /// The compilation title; `Some` makes the file a compilation with a table of contents.
    pub title: Option<String>,
    pub reports: Vec<DocxReport>,
    /// The author named in the file's properties (设置 or `--author`); empty leaves it out.
    pub author: String,
    /// When the file was exported, in seconds since 1970 (UTC); `None` is now.
    pub exported_at: Option<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocxReport {
    pub title: String,
    /// The report's lines after its title, blank lines left out.
    pub paragraphs: Vec<DocxParagraph>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxParagraph {
    pub role: ParagraphRole,
    pub text: String,
    /// Byte ranges of unfilled placeholders in `text`.
    pub highlights: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphRole {
    Body,
    /// A numbered heading, 1 (一、) to 4 (（1）).
    Heading(u8),
    /// 主送机关, flush left.
    Addressee,
    /// The signing unit, right-aligned above the date.
    SignOff,
    /// 成文日期, right-aligned, in Arabic numerals.
    Date,
}

impl DocxParagraph {
    pub fn new(role: ParagraphRole, text: impl Into<String>) -> DocxParagraph {
        DocxParagraph {
            role,
            text: text.into(),
            highlights: Vec::new(),
        }
    }
}

/// Builds the .docx for `input` in the layout of `preset`.
///
/// A compilation (a title, or more than one report) gets the title, a table of contents and
/// each report on a new page; its report titles are outline level 0 and the headings sit
/// one level below them. A single report keeps its headings at outline levels 0 to 3.
pub fn build(input: &DocxInput, preset: &Preset) -> Result<Vec<u8>> {
    preset.validate().map_err(|detail| Error::Invalid {
        what: format!("公文格式预设有误：{detail}"),
    })?;
    let m = Metrics::new(preset);
    let compilation = input.title.is_some() || input.reports.len() > 1;
    let writer = BodyWriter {
        preset,
        m,
        compilation,
    };

    let mut body = String::with_capacity(4096 + input.reports.len() * 16 * 1024);
    let mut started = false;
    if compilation {
        if let Some(title) = input.title.as_deref().filter(|t| !t.trim().is_empty()) {
            writer.title(&mut body, title, id::COMPILATION_TITLE, false);
            writer.blank(&mut body);
            started = true;
        }
        started |= writer.table_of_contents(&mut body, &input.reports);
    }
    for report in &input.reports {
        writer.report(&mut body, report, started);
        started = true;
    }

    // docx-rs assembles the package: content types, relationships, properties and the
    // footer parts (footer1 = odd/default, footer2 = even) that our sectPr points at.
    let docx = Docx::new().footer(Footer::new()).even_footer(Footer::new());
    let mut xml = docx.build();
    xml.document = xml::document(&body, &m).into_bytes();
    xml.footers = vec![
        xml::page_number_footer(preset, &m, true).into_bytes(),
        xml::page_number_footer(preset, &m, false).into_bytes(),
    ];
    xml.styles = parts::styles_xml(preset, &m, compilation).into_bytes();
    xml.settings = parts::settings_xml(compilation).into_bytes();
    xml.font_table = parts::font_table_xml(preset).into_bytes();
    xml.numberings = parts::numbering_xml().into_bytes();
    let title = input
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| input.reports.first().map(|r| r.title.as_str()))
        .unwrap_or("");
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    };
    xml.doc_props.core =
        parts::core_xml(title, &input.author, input.exported_at.unwrap_or_else(now)).into_bytes();
    xml.doc_props.app = parts::app_xml().into_bytes();
    let mut out = std::io::Cursor::new(Vec::new());
    let failed = |e: zip::result::ZipError| Error::Invalid {
        what: format!("生成 Word 文件失败：{e}"),
    };
    xml.pack(&mut out).map_err(failed)?;
    deflated(&out.into_inner()).map_err(failed)
}

/// The package docx-rs wrote, with every part deflated. docx-rs stores its parts
/// uncompressed, which makes a compilation's .docx six times the size Word would write;
/// the parts, their order and their contents stay as they are.
fn deflated(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read as _, Write as _};
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6));
    let mut contents = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name().to_owned();
        if entry.is_dir() {
            out.add_directory(name, SimpleFileOptions::default())?;
            continue;
        }
        contents.clear();
        entry.read_to_end(&mut contents)?;
        out.start_file(name, options)?;
        out.write_all(&contents)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Writes reports as WordprocessingML paragraphs with explicit fonts on every run.
struct BodyWriter<'a> {
    preset: &'a Preset,
    m: Metrics,
    compilation: bool,
}

impl BodyWriter<'_> {
    fn font(&self, east_asia: &'_ str, sz: usize) -> xml::RunFormat {
        xml::RunFormat::new(&self.preset.fonts.latin, east_asia, sz)
    }

    /// An empty body line, as 公文 leaves after the title and before the sign-off.
    fn blank(&self, out: &mut String) {
        xml::paragraph(out, &xml::ParaFormat::new(id::BODY), |_| {});
    }

    fn title(&self, out: &mut String, title: &str, style: &str, new_page: bool) {
        let lines = balance_title(title.trim(), self.preset.title_line_chars);
        let fmt = self.font(&self.preset.fonts.title, self.m.title_sz);
        let mut pf = xml::ParaFormat::new(style);
        pf.page_break_before = new_page;
        xml::paragraph(out, &pf, |out| xml::run(out, &lines.join("\n"), &fmt));
    }

    /// The 目录 page: heading, then a TOC field whose cached result already lists the
    /// report titles, so it is never empty where fields are not updated. Returns whether
    /// anything was written.
    fn table_of_contents(&self, out: &mut String, reports: &[DocxReport]) -> bool {
        let titles: Vec<&str> = reports
            .iter()
            .map(|r| r.title.trim())
            .filter(|t| !t.is_empty())
            .collect();
        let Some(last) = titles.len().checked_sub(1) else {
            return false;
        };
        let heading = self.font(&self.preset.fonts.title, self.m.title_sz);
        xml::paragraph(out, &xml::ParaFormat::new(id::TOC_HEADING), |out| {
            xml::run(out, "目  录", &heading)
        });
        self.blank(out);
        let fmt = self.font(&self.preset.fonts.body, self.m.body_sz);
        for (i, title) in titles.iter().enumerate() {
            xml::paragraph(out, &xml::ParaFormat::new(id::TOC[0]), |out| {
                if i == 0 {
                    xml::field_begin(out, TOC_FIELD, &fmt, true);
                }
                xml::run(out, title, &fmt);
                if i == last {
                    xml::field_end(out, &fmt);
                }
            });
        }
        true
    }

    fn report(&self, out: &mut String, report: &DocxReport, new_page: bool) {
        if !report.title.trim().is_empty() {
            self.title(out, &report.title, id::TITLE, new_page);
            self.blank(out);
        } else if new_page {
            let mut pf = xml::ParaFormat::new(id::BODY);
            pf.page_break_before = true;
            xml::paragraph(out, &pf, |_| {});
        }
        let paragraphs = &report.paragraphs;
        for (i, para) in paragraphs.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| paragraphs[j].role);
            if para.role == ParagraphRole::SignOff
                && prev.is_some_and(|r| !matches!(r, ParagraphRole::SignOff | ParagraphRole::Date))
            {
                self.blank(out);
            }
            self.paragraph(out, para, &paragraphs[i + 1..]);
        }
    }

    fn paragraph(&self, out: &mut String, para: &DocxParagraph, rest: &[DocxParagraph]) {
        let f = &self.preset.fonts;
        let sz = self.m.body_sz;
        let mut text = para.text.trim_end_matches(['\r', '\n']).to_string();
        let mut highlights = clean_ranges(&text, &para.highlights);
        if !self.preset.highlight_placeholders {
            highlights.clear();
        }
        let body = self.font(&f.body, sz);
        match para.role {
            ParagraphRole::Body => {
                xml::paragraph(out, &xml::ParaFormat::new(id::BODY), |out| {
                    xml::runs(out, &text, &highlights, &body)
                });
            }
            ParagraphRole::Heading(level) => {
                if let std::borrow::Cow::Owned(full) = full_width_marker(&text) {
                    // Each bracket grew from 1 to 3 bytes; highlights after the marker move.
                    let marker_end = crate::outline::line_marker(&text).map_or(0, |m| m.len);
                    let grown = full.len() - text.len();
                    for r in &mut highlights {
                        if r.start >= marker_end {
                            *r = r.start + grown..r.end + grown;
                        }
                    }
                    text = full;
                }
                let level = level.clamp(1, 4);
                let i = usize::from(level - 1);
                let font = [&f.heading1, &f.heading2, &f.heading3, &f.heading4][i];
                let bold = self.preset.bold_headings && (level == 2 || level == 3);
                let mut pf = xml::ParaFormat::new(id::HEADINGS[i]);
                pf.outline = Some(usize::from(level - 1) + usize::from(self.compilation));
                let mut head_fmt = self.font(font, sz);
                head_fmt.bold = Some(bold);
                let mut tail_fmt = body.clone();
                tail_fmt.bold = Some(false);
                // "（一）加强领导。全县…": the heading sentence in the heading font, the
                // rest of the paragraph as body text.
                let split = heading_end(&text);
                pf.keep_next = split == text.len()
                    && text::cells(&text) <= 2.0 * self.preset.page.chars_per_line as f32;
                let head = sub_ranges(&highlights, 0..split);
                let tail = sub_ranges(&highlights, split..text.len());
                if split < text.len() && self.preset.style_separator {
                    // The heading phrase is a paragraph of its own whose mark is hidden;
                    // the body goes on on the same line as a body paragraph.
                    pf.style_separator = true;
                    xml::paragraph(out, &pf, |out| {
                        xml::runs(out, &text[..split], &head, &head_fmt)
                    });
                    let mut body_pf = xml::ParaFormat::new(id::BODY);
                    body_pf.no_first_line = true;
                    xml::paragraph(out, &body_pf, |out| {
                        xml::runs(out, &text[split..], &tail, &tail_fmt)
                    });
                } else {
                    xml::paragraph(out, &pf, |out| {
                        xml::runs(out, &text[..split], &head, &head_fmt);
                        if split < text.len() {
                            xml::runs(out, &text[split..], &tail, &tail_fmt);
                        }
                    });
                }
            }
            ParagraphRole::Addressee => {
                xml::paragraph(out, &xml::ParaFormat::new(id::ADDRESSEE), |out| {
                    xml::runs(out, &text, &highlights, &body)
                });
            }
            ParagraphRole::SignOff => {
                let mut pf = xml::ParaFormat::new(id::SIGN_OFF);
                // GB/T 9704 7.3.5.1: the unit is centred over the date.
                let date = rest
                    .iter()
                    .take_while(|r| matches!(r.role, ParagraphRole::SignOff | ParagraphRole::Date))
                    .find(|r| r.role == ParagraphRole::Date);
                if let Some(date) = date {
                    let date_w = text::cells(&normalize_date(date.text.trim()).0);
                    let own_w = text::cells(text.trim());
                    let chars = (self.preset.date_right_chars + (date_w - own_w) / 2.0).max(0.0);
                    let twips = (chars * self.m.body_char as f32).round() as i32;
                    pf.right_indent = Some((twips, (chars * 100.0).round() as i32));
                }
                xml::paragraph(out, &pf, |out| xml::runs(out, &text, &highlights, &body));
            }
            ParagraphRole::Date => {
                let (normalized, replacements) = normalize_date(&text);
                highlights = highlights
                    .iter()
                    .map(|r| {
                        text::map_offset(r.start, &replacements)
                            ..text::map_offset(r.end, &replacements)
                    })
                    .collect();
                text = normalized;
                let highlights = clean_ranges(&text, &highlights);
                xml::paragraph(out, &xml::ParaFormat::new(id::DATE), |out| {
                    xml::runs(out, &text, &highlights, &body)
                });
            }
        }
    }
}

/// Titles as TOC level 1, the 一、 and （一） headings as levels 2 and 3 (their outline
/// levels in a compilation), with hyperlinks, from outline levels of any paragraph.
const TOC_FIELD: &str = r#" TOC \o "1-3" \h \z \u "#;

/// Longest heading phrase of a run-in heading, in characters: past it, a paragraph that
/// opens with a marker is a numbered sentence, and only its marker takes the heading font.
const MAX_HEADING_PHRASE_CHARS: usize = 40;

/// Where the heading phrase of a heading paragraph ends: after its first 。！？； when more
/// text follows ("（一）加强领导。全县…"); the whole paragraph when it is a heading alone;
/// only the marker when the paragraph is one long numbered sentence ("2.按照…，…").
fn heading_end(text: &str) -> usize {
    let stop = text
        .char_indices()
        .take(MAX_HEADING_PHRASE_CHARS + 8)
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；'))
        .map(|(i, c)| i + c.len_utf8());
    match stop {
        Some(end) if !text[end..].trim().is_empty() => end,
        Some(_) => text.len(),
        None if text.chars().count() <= MAX_HEADING_PHRASE_CHARS + 8 => text.len(),
        None => crate::outline::line_marker(text).map_or(text.len(), |m| m.len),
    }
}

/// A heading's marker written as GB/T 9704 writes it: full-width brackets ("(四)" →
/// "（四）", "(1)" → "（1）"), whatever the text held. The rest of the text is untouched.
fn full_width_marker(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(m) = crate::outline::line_marker(text) else {
        return std::borrow::Cow::Borrowed(text);
    };
    let marker = &text[..m.len];
    if !marker.contains(['(', ')']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = marker.replace('(', "（").replace(')', "）");
    out.push_str(&text[m.len..]);
    std::borrow::Cow::Owned(out)
}

/// Highlight ranges made safe: inside the text, on character boundaries, sorted, merged.
fn clean_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let mut v: Vec<Range<usize>> = ranges
        .iter()
        .map(|r| floor(r.start)..ceil(r.end))
        .filter(|r| r.start < r.end)
        .collect();
    v.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The parts of `ranges` inside `window`, relative to its start.
fn sub_ranges(ranges: &[Range<usize>], window: Range<usize>) -> Vec<Range<usize>> {
    ranges
        .iter()
        .filter_map(|r| {
            let s = r.start.max(window.start);
            let e = r.end.min(window.end);
            (s < e).then(|| s - window.start..e - window.start)
        })
        .collect()
}

#[cfg(test)]
mod tests;
