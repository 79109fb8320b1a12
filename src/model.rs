//! The data every part of 清稿 shares: the loaded document, what analysis finds in it
//! (reports, outline, placeholders, findings) and the edits that change it.
//!
//! Positions are byte offsets into the document's LF-normalised text; line numbers are
//! 0-based here and become 1-based only where a person reads them (CLI, JSON, GUI).
//! Nothing here depends on egui, the file system or the command line.

use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::PathBuf;

/// A half-open byte range into the document text.
pub type ByteRange = Range<usize>;

/// The text encodings 清稿 reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// GB18030, the superset of GBK and GB2312.
    Gb18030,
    Big5,
}

impl Encoding {
    pub const ALL: [Encoding; 6] = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Gb18030,
        Encoding::Big5,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gb18030 => "gb18030",
            Encoding::Big5 => "big5",
        }
    }

    /// Parses a user-given name, accepting the usual aliases (gbk, gb2312, utf8...).
    pub fn parse(name: &str) -> Option<Encoding> {
        let n = name.trim().to_ascii_lowercase().replace('_', "-");
        Some(match n.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-8-bom" | "utf8-bom" | "utf-8-sig" => Encoding::Utf8Bom,
            "utf-16le" | "utf16le" | "utf-16" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "gb18030" | "gbk" | "gb2312" | "cp936" => Encoding::Gb18030,
            "big5" => Encoding::Big5,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The line ending found in (or written to) a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEnding {
    #[default]
    Lf,
    Crlf,
}

impl LineEnding {
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::Crlf => "\r\n",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            LineEnding::Lf => "lf",
            LineEnding::Crlf => "crlf",
        }
    }
}

/// A loaded compilation: its text (LF line endings) and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub path: Option<PathBuf>,
    pub encoding: Encoding,
    pub line_ending: LineEnding,
    /// The decoded text with every CRLF (and lone CR) turned into LF, BOM removed.
    pub text: String,
    /// The file's format and where the pieces of `text` came from in it.
    pub source: Source,
}

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    #[default]
    Text,
    Docx,
    Doc,
    Wps,
}

impl SourceFormat {
    /// The name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Docx => "docx",
            SourceFormat::Doc => "doc",
            SourceFormat::Wps => "wps",
        }
    }

    /// What the status bar calls it.
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Text => "文本",
            SourceFormat::Docx => "Word 文档 (.docx)",
            SourceFormat::Doc => "Word 97–2003 文档 (.doc)",
            SourceFormat::Wps => "WPS 文字 (.wps)",
        }
    }

    pub fn is_word(self) -> bool {
        self != SourceFormat::Text
    }
}

/// Where a piece of an imported text came from: a Word file's parts and run properties
/// that are site junk more often than content. Plain body text has no piece.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Origin {
    Header,
    Footer,
    /// Text formatted hidden (w:vanish, or the .doc equivalent).
    Hidden,
    /// A hyperlink's visible text; `target` is the URL (external) or "#bookmark".
    Link {
        target: String,
    },
    TextBox,
    Comment,
    Footnote,
}

impl Origin {
    pub fn label(&self) -> &'static str {
        match self {
            Origin::Header => "页眉",
            Origin::Footer => "页脚",
            Origin::Hidden => "隐藏文字",
            Origin::Link { .. } => "链接",
            Origin::TextBox => "文本框",
            Origin::Comment => "批注",
            Origin::Footnote => "脚注",
        }
    }
}

/// A piece of the imported text and where it came from. `text` is the piece as imported,
/// so a rule can check that the range still holds it after the text changed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Piece {
    pub range: ByteRange,
    pub origin: Origin,
    pub text: String,
}

/// [`Source::map_through`] on a list of pieces.
pub fn map_pieces(pieces: &mut Vec<Piece>, edits: &[Edit]) {
    if edits.is_empty() || pieces.is_empty() {
        return;
    }
    let mut shift: isize = 0;
    let mut next = 0;
    pieces.retain_mut(|p| {
        while next < edits.len() && edits[next].range.end <= p.range.start {
            let e = &edits[next];
            // An insertion right at the piece's start moves it, one inside touches it.
            shift += e.new.len() as isize - e.range.len() as isize;
            next += 1;
        }
        let touched = edits[next..]
            .iter()
            .take_while(|e| e.range.start < p.range.end)
            .any(|e| e.range.end > p.range.start || e.range.is_empty());
        if touched {
            return false;
        }
        p.range = p.range.start.wrapping_add_signed(shift)..p.range.end.wrapping_add_signed(shift);
        true
    });
}

/// What a reader knows about the file beside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    pub format: SourceFormat,
    /// Paragraphs read (table rows count one each); 0 for a text file.
    pub paragraphs: usize,
    /// The 0-based lines of the imported text where images were left out, one entry an image.
    pub image_lines: Vec<usize>,
    /// Pieces with an origin, sorted by start.
    pub pieces: Vec<Piece>,
    /// Set when LibreOffice converted the file to .docx before it was read: the original's
    /// extension ("rtf", "odt"; empty when it had none).
    pub converted_from: Option<String>,
}

impl Source {
    /// Moves the pieces' ranges through `edits` (sorted, non-overlapping, positions in the
    /// text before them); a piece an edit touches is dropped, since it no longer holds the
    /// text it was read with.
    pub fn map_through(&mut self, edits: &[Edit]) {
        map_pieces(&mut self.pieces, edits);
    }

    /// How many pieces have an origin like `like` (the link target is ignored).
    pub fn count(&self, like: &Origin) -> usize {
        self.pieces
            .iter()
            .filter(|p| std::mem::discriminant(&p.origin) == std::mem::discriminant(like))
            .count()
    }

    /// What the status bar calls the source: its format, and who converted it if anyone.
    pub fn label(&self) -> String {
        match &self.converted_from {
            None => self.format.label().to_string(),
            Some(ext) if ext.is_empty() => "由 LibreOffice 转换为 .docx 后读取".to_string(),
            Some(ext) => format!("由 LibreOffice 从 .{ext} 转换为 .docx 后读取"),
        }
    }

    /// The notice about images left out, e.g. "本文档有 3 张图片未导入（第 12、40、41 段）".
    pub fn images_notice(&self) -> Option<String> {
        if self.image_lines.is_empty() {
            return None;
        }
        let mut lines: Vec<String> = Vec::new();
        for &l in &self.image_lines {
            let s = (l + 1).to_string();
            if lines.last() != Some(&s) {
                lines.push(s);
            }
        }
        Some(format!(
            "本文档有 {} 张图片未导入（第 {} 行）",
            self.image_lines.len(),
            lines.join("、")
        ))
    }
}

impl Document {
    /// A document that did not come from a file (the built-in sample, tests).
    pub fn from_text(text: impl Into<String>) -> Document {
        Document {
            path: None,
            encoding: Encoding::Utf8,
            line_ending: LineEnding::Lf,
            text: text.into(),
            source: Source::default(),
        }
    }
}

/// Start offsets of every line, for turning byte offsets into line/column and back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        // A large text is indexed on every core, each thread its slice of lines.
        let mut starts = crate::par::flat_map_slices(text, crate::par::PARALLEL_MIN, |range| {
            let mut part = Vec::with_capacity(range.len() / 64 + 1);
            if range.start == 0 {
                part.push(0);
            }
            let bytes = &text.as_bytes()[range.clone()];
            part.extend(memchr::memchr_iter(b'\n', bytes).map(|i| range.start + i + 1));
            part
        });
        // A trailing newline does not open a new line.
        if starts.len() > 1 && *starts.last().unwrap() == text.len() {
            starts.pop();
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The index of the text `edits` (sorted, non-overlapping, every one applied) made of
    /// this index's text, without reading that text again: the old line starts move with the
    /// edits, those whose newline an edit replaced go, and the newlines of each edit's new
    /// text add theirs. `old_ends_with_newline`: whether the old text ended with a newline
    /// (its last line start is not kept in the index).
    pub fn after_edits(
        &self,
        old_ends_with_newline: bool,
        edits: &[Edit],
        new_text: &str,
    ) -> LineIndex {
        // Every position right after an old newline, the one at the very end included.
        let phantom = (old_ends_with_newline && self.len > 0).then_some(self.len);
        let mut old = self.starts.iter().copied().chain(phantom).peekable();
        let mut starts = Vec::with_capacity(self.starts.len() + 16);
        let mut shift: isize = 0;
        for e in edits {
            let (a, b) = (e.range.start, e.range.end);
            // A start at or before the edit keeps its newline (which stands before `a`).
            while let Some(s) = old.next_if(|&s| s <= a) {
                starts.push(s.wrapping_add_signed(shift));
            }
            // A start inside or right after the edit lost its newline to it.
            while old.next_if(|&s| s <= b).is_some() {}
            let at = a.wrapping_add_signed(shift);
            starts.extend(memchr::memchr_iter(b'\n', e.new.as_bytes()).map(|i| at + i + 1));
            shift += e.new.len() as isize - (b - a) as isize;
        }
        starts.extend(old.map(|s| s.wrapping_add_signed(shift)));
        if starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        // A trailing newline does not open a new line.
        if starts.len() > 1 && *starts.last().unwrap() == new_text.len() {
            starts.pop();
        }
        LineIndex {
            starts,
            len: new_text.len(),
        }
    }

    /// The byte offset where each line starts.
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    /// The line starts, for a caller that keeps only them.
    pub fn into_starts(self) -> Vec<usize> {
        self.starts
    }

    /// The length in bytes of the text this index is of.
    pub fn text_len(&self) -> usize {
        self.len
    }

    pub fn line_count(&self) -> usize {
        if self.len == 0 { 0 } else { self.starts.len() }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte range of 0-based `line`, without its newline.
    pub fn line_range(&self, text: &str, line: usize) -> ByteRange {
        let start = self.line_start(line);
        let end = self
            .starts
            .get(line + 1)
            .map(|&s| s - 1)
            .unwrap_or(self.len);
        let end = end.max(start);
        debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        start..end
    }

    /// 1-based character column of byte `offset` (what an editor shows).
    pub fn column_of(&self, text: &str, offset: usize) -> usize {
        let start = self.line_start(self.line_of(offset));
        text[start..offset].chars().count() + 1
    }
}

/// What a heading line is numbered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingKind {
    /// 第一部分 / 第一章 / 第一篇
    Part,
    /// 一、
    Chinese,
    /// （一） or (一)
    ParenChinese,
    /// 1. / 1、 / １．
    Arabic,
    /// （1）, (1), 1） or ⑴
    ParenArabic,
    /// ①
    Circled,
    /// Ａ． / A. / A、
    Letter,
    /// 第一，… / 首先，其次，再次，最后 at the start of a paragraph.
    Sequence,
    /// 一是… (一要…, 一抓…) at the start of a paragraph.
    Ordinal,
    /// 一是… inside a paragraph; the deepest entries.
    InlineOrdinal,
}

impl HeadingKind {
    /// The conventional nesting order of the kinds, outermost first.
    pub const ORDER: [HeadingKind; 10] = [
        HeadingKind::Part,
        HeadingKind::Chinese,
        HeadingKind::ParenChinese,
        HeadingKind::Arabic,
        HeadingKind::ParenArabic,
        HeadingKind::Circled,
        HeadingKind::Letter,
        HeadingKind::Sequence,
        HeadingKind::Ordinal,
        HeadingKind::InlineOrdinal,
    ];

    /// Chinese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            HeadingKind::Part => "第一部分",
            HeadingKind::Chinese => "一、",
            HeadingKind::ParenChinese => "（一）",
            HeadingKind::Arabic => "1.",
            HeadingKind::ParenArabic => "（1）",
            HeadingKind::Circled => "①",
            HeadingKind::Letter => "A.",
            HeadingKind::Sequence => "第一，/首先",
            HeadingKind::Ordinal => "一是",
            HeadingKind::InlineOrdinal => "文中一是",
        }
    }
}

/// One entry of a report's outline. Its marker and text are ranges into the document text
/// (a heading costs no allocation, which keeps analysis of 100 MB fast); read them with
/// [`Heading::marker`] and [`Heading::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub kind: HeadingKind,
    /// Depth in the report's outline tree; 1 is the outermost kind the report uses.
    pub level: u8,
    /// The value of the number (一 → 1).
    pub number: u32,
    /// 0-based line.
    pub line: usize,
    /// Bytes of the numbering as written: "一、", "（二）", "3.", "二是".
    pub marker_range: ByteRange,
    /// Bytes of the heading's text after the marker, up to the first sentence end (or the
    /// line end); for a long numbered sentence, its first 30 characters.
    pub text_range: ByteRange,
}

impl Heading {
    /// The numbering as written ("（二）").
    pub fn marker<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.marker_range.clone()).unwrap_or("")
    }

    /// The heading's text ("抓好深化医改工作").
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.text_range.clone()).unwrap_or("")
    }
}

/// Special lines of an official document that are not headings or body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineRole {
    /// 主送机关: "县政府：" at the top.
    Addressee,
    /// The unit signing off at the end: "XX镇人民政府".
    SignOff,
    /// The date under the sign-off: "2023年11月3日".
    Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleLine {
    pub role: LineRole,
    pub line: usize,
}

/// What kind of problem or notice a finding reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// 一、 then 三、: a number was skipped.
    NumberingGap,
    /// （四） twice.
    NumberingRepeat,
    /// The numbering goes backwards without a new parent.
    NumberingBackward,
    /// 二是 then 四是: the 三是 is missing.
    OrdinalMissing,
    /// The report had no title line; one was derived from its opening.
    TitleInferred,
    /// The title starts with a bare unit word ("镇2023年…"): its leading name was stripped.
    TitleNameStripped,
    /// A placeholder nobody filled.
    UnfilledPlaceholder,
    /// A line that looks like an advert but that no rule removes.
    SuspectedAdvert,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::NumberingGap => "编号缺号",
            FindingKind::NumberingRepeat => "编号重复",
            FindingKind::NumberingBackward => "编号倒退",
            FindingKind::OrdinalMissing => "缺少“X是”",
            FindingKind::TitleInferred => "标题为推断",
            FindingKind::TitleNameStripped => "标题缺单位名",
            FindingKind::UnfilledPlaceholder => "未填占位符",
            FindingKind::SuspectedAdvert => "疑似广告",
        }
    }
}

/// A notice about the text, shown by the GUI and printed by the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// 0-based line.
    pub line: usize,
    pub range: ByteRange,
    /// A sentence in Simplified Chinese for the user.
    pub message: String,
}

/// One report in the compilation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The title as written (paywall markers removed), or inferred from the opening.
    pub title: String,
    pub title_inferred: bool,
    /// The title line, when the report has one.
    pub title_line: Option<usize>,
    /// 0-based lines of the report, title included, trailing blank lines excluded.
    pub lines: Range<usize>,
    /// Bytes of those lines (up to the end of the last line, without its newline).
    pub range: ByteRange,
    pub outline: Vec<Heading>,
    pub roles: Vec<RoleLine>,
    pub findings: Vec<Finding>,
    /// The site's numbering of this report that the split learned from the whole
    /// compilation (the split's numbering chain): "材料2：" opening the title line, or
    /// "【篇二】" on a line of its own before it. Labels of the known words ("篇三：") are
    /// read from the title itself ([`Report::label_and_title`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<SiteLabel>,
}

/// A label a site numbers a report with, where the split found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteLabel {
    /// 0-based line: the title line, or the line of its own before it.
    pub line: usize,
    /// The label as written, spaces around it trimmed ("材料2：").
    pub text: String,
}

impl Report {
    /// The title split into the site's label and the title proper ("材料2：XX镇…" →
    /// (Some("材料2："), "XX镇…")): what `inspect --json` reports as `label` and `title`.
    pub fn label_and_title(&self) -> (Option<&str>, &str) {
        match &self.label {
            Some(l) => {
                let title = self.title.trim_start();
                let title = title
                    .strip_prefix(l.text.as_str())
                    .map_or(title, |t| t.trim_start_matches([' ', '\u{3000}']));
                (Some(l.text.as_str()), crate::label::unlabelled_title(title))
            }
            None => crate::label::label_and_title(&self.title),
        }
    }
}

/// The compilation's table of contents (目录).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toc {
    /// 0-based line of the word 目录.
    pub heading_line: usize,
    /// Lines from the 目录 heading to its last entry.
    pub lines: Range<usize>,
    pub range: ByteRange,
    /// The entries' texts after their numbers ("" for the seed's bare "1.").
    pub entries: Vec<String>,
}

impl Toc {
    /// An empty 目录: numbered lines without titles, or no lines at all.
    pub fn is_empty(&self) -> bool {
        self.entries.iter().all(|e| e.trim().is_empty())
    }
}

/// The structure found in a compilation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outline {
    /// The compilation title ("…汇编（9篇）"), when there is one.
    pub title: Option<String>,
    pub title_line: Option<usize>,
    pub toc: Option<Toc>,
    pub reports: Vec<Report>,
}

impl Outline {
    /// The reports' titles, in order, as written.
    pub fn report_titles(&self) -> Vec<&str> {
        self.reports.iter().map(|r| r.title.as_str()).collect()
    }
}

/// Why an edit was made.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "by", content = "id")]
pub enum EditOrigin {
    /// A cleaning rule, by its id.
    Rule(String),
    /// A placeholder answer, by the group or occurrence key it answers.
    Fill(String),
    /// Typed by the user.
    User,
}

/// A replacement of `range` (whose current text is `old`) by `new`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub range: ByteRange,
    pub old: String,
    pub new: String,
    pub origin: EditOrigin,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line starts as the definition says: 0, then after every newline but a final one.
    fn starts_one_by_one(text: &str) -> Vec<usize> {
        let mut starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' && i + 1 < text.len() {
                starts.push(i + 1);
            }
        }
        starts
    }

    #[test]
    fn the_index_after_edits_is_the_index_of_the_edited_text() {
        // Small pseudo-random edits on short texts: deletions across lines, newlines
        // inserted and removed, edits at both ends, texts with and without a final newline.
        let pieces = ["\n", "\n\n", "甲", "乙丙", "a", "", "丁\n戊"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        for case in 0..3000 {
            let text: String = (0..next(12)).map(|_| pieces[next(pieces.len())]).collect();
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let mut cuts: Vec<usize> = (0..next(6) * 2)
                .map(|_| bounds[next(bounds.len())])
                .collect();
            cuts.sort_unstable();
            let edits: Vec<Edit> = cuts
                .chunks(2)
                .filter(|c| c.len() == 2)
                .map(|c| Edit {
                    range: c[0]..c[1],
                    old: text[c[0]..c[1]].to_string(),
                    new: pieces[next(pieces.len())].to_string(),
                    origin: EditOrigin::User,
                })
                .collect();
            let edits = crate::edit::normalize(edits);
            let applied = crate::edit::apply(&text, &edits);
            assert_eq!(applied.skipped, 0);
            let derived =
                LineIndex::new(&text).after_edits(text.ends_with('\n'), &edits, &applied.text);
            assert_eq!(
                derived,
                LineIndex::new(&applied.text),
                "case {case}: {text:?} with {edits:?} gave {:?}",
                applied.text
            );
        }
    }

    #[test]
    fn a_large_text_indexed_on_every_core_has_every_line_start() {
        // Over crate::par::PARALLEL_MIN, so the index is built in slices.
        let body = "一、总体情况\n\n2023年，XX区完成投资12亿元。\n".repeat(110_000);
        assert!(body.len() > crate::par::PARALLEL_MIN);
        for text in [body.clone(), format!("{body}最后一行没有换行")] {
            let index = LineIndex::new(&text);
            assert_eq!(index.starts(), starts_one_by_one(&text).as_slice());
            assert_eq!(index.line_count(), index.starts().len());
        }
    }
}
