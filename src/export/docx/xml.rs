//! WordprocessingML for the body and the footers, written as text in schema order
//! (pPr: pStyle … pageBreakBefore … ind … jc … outlineLvl; rPr: rFonts, b, sz, highlight;
//! sectPr: footerReference, pgSz, pgMar, cols, docGrid). Depends only on the preset.

use super::parts::{Metrics, esc, id};
use super::preset::Preset;
use std::fmt::Write;
use std::ops::Range;

const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
);
const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Relationship ids docx-rs gives the footers added by `Docx::footer` then `even_footer`.
pub const ODD_FOOTER_RID: &str = "rIdFooter1";
pub const EVEN_FOOTER_RID: &str = "rIdFooter2";

/// Direct formatting of one run. Fonts are always explicit, never theme fonts.
#[derive(Debug, Clone)]
pub struct RunFormat {
    pub latin: String,
    pub east_asia: String,
    pub sz: usize,
    /// `None` leaves boldness to the paragraph style.
    pub bold: Option<bool>,
    pub highlight: bool,
}

impl RunFormat {
    pub fn new(latin: &str, east_asia: &str, sz: usize) -> RunFormat {
        RunFormat {
            latin: latin.to_string(),
            east_asia: east_asia.to_string(),
            sz,
            bold: None,
            highlight: false,
        }
    }

    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            r#"<w:rPr><w:rFonts w:ascii="{l}" w:hAnsi="{l}" w:eastAsia="{e}" w:cs="{l}" w:hint="eastAsia"/>"#,
            l = esc(&self.latin),
            e = esc(&self.east_asia)
        );
        match self.bold {
            Some(true) => out.push_str("<w:b/><w:bCs/>"),
            Some(false) => out.push_str(r#"<w:b w:val="0"/><w:bCs w:val="0"/>"#),
            None => {}
        }
        let _ = write!(
            out,
            r#"<w:sz w:val="{s}"/><w:szCs w:val="{s}"/>"#,
            s = self.sz
        );
        if self.highlight {
            out.push_str(r#"<w:highlight w:val="yellow"/>"#);
        }
        out.push_str("</w:rPr>");
    }
}

/// Direct formatting of one paragraph on top of its style.
#[derive(Debug, Clone)]
pub struct ParaFormat<'a> {
    pub style: &'a str,
    pub keep_next: bool,
    pub page_break_before: bool,
    /// Right indent as (twips, hundredths of a character), for a sign-off centred over
    /// its date. Both units: Word and WPS use the characters, LibreOffice the twips.
    pub right_indent: Option<(i32, i32)>,
    pub outline: Option<usize>,
    /// The paragraph mark is hidden as Word's style separator: the next paragraph goes on
    /// on the same line.
    pub style_separator: bool,
    /// No first-line indent: the paragraph continues the line of a style separator.
    pub no_first_line: bool,
}

impl ParaFormat<'_> {
    pub fn new(style: &str) -> ParaFormat<'_> {
        ParaFormat {
            style,
            keep_next: false,
            page_break_before: false,
            right_indent: None,
            outline: None,
            style_separator: false,
            no_first_line: false,
        }
    }
}

/// Writes `<w:p>` with the given formatting; `content` writes its runs.
pub fn paragraph(out: &mut String, pf: &ParaFormat, content: impl FnOnce(&mut String)) {
    let _ = write!(out, r#"<w:p><w:pPr><w:pStyle w:val="{}"/>"#, esc(pf.style));
    if pf.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if pf.page_break_before {
        out.push_str("<w:pageBreakBefore/>");
    }
    if let Some((twips, hundredths)) = pf.right_indent {
        let _ = write!(
            out,
            r#"<w:ind w:left="0" w:right="{twips}" w:rightChars="{hundredths}" w:firstLineChars="0" w:firstLine="0"/>"#
        );
    }
    if pf.no_first_line && pf.right_indent.is_none() {
        out.push_str(r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#);
    }
    if let Some(level) = pf.outline {
        let _ = write!(out, r#"<w:outlineLvl w:val="{}"/>"#, level.min(9));
    }
    if pf.style_separator {
        out.push_str("<w:rPr><w:vanish/><w:specVanish/></w:rPr>");
    }
    out.push_str("</w:pPr>");
    content(out);
    out.push_str("</w:p>");
}

/// Writes `text` as one run (more when it has line breaks or tabs).
pub fn run(out: &mut String, text: &str, fmt: &RunFormat) {
    out.push_str("<w:r>");
    fmt.write(out);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            let piece = piece.replace('\r', "");
            if !piece.is_empty() {
                let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t>"#, esc(&piece));
            }
        }
    }
    out.push_str("</w:r>");
}

/// Writes `text` as runs, the `highlights` (sorted, disjoint, on char boundaries) in yellow.
pub fn runs(out: &mut String, text: &str, highlights: &[Range<usize>], fmt: &RunFormat) {
    let mut marked = fmt.clone();
    marked.highlight = true;
    let mut pos = 0;
    for r in highlights {
        let (Some(before), Some(inside)) = (text.get(pos..r.start), text.get(r.clone())) else {
            continue;
        };
        if !before.is_empty() {
            run(out, before, fmt);
        }
        run(out, inside, &marked);
        pos = r.end;
    }
    if let Some(rest) = text.get(pos..)
        && !rest.is_empty()
    {
        run(out, rest, fmt);
    }
}

/// Opens a field: begin, instruction, separate. The result runs follow.
pub fn field_begin(out: &mut String, instr: &str, fmt: &RunFormat, dirty: bool) {
    let mut rpr = String::new();
    fmt.write(&mut rpr);
    let _ = write!(
        out,
        r#"<w:r>{rpr}<w:fldChar w:fldCharType="begin"{}/></w:r><w:r>{rpr}<w:instrText xml:space="preserve">{}</w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>"#,
        if dirty { r#" w:dirty="true""# } else { "" },
        esc(instr)
    );
}

pub fn field_end(out: &mut String, fmt: &RunFormat) {
    let mut rpr = String::new();
    fmt.write(&mut rpr);
    let _ = write!(out, r#"<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>"#);
}

/// document.xml around the body paragraphs, with the section: A4, the 公文 margins, the
/// 22 × 28 document grid and the odd/even page-number footers.
pub fn document(body: &str, m: &Metrics) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    let _ = write!(out, "{DECL}<w:document {NS}><w:body>");
    out.push_str(body);
    let _ = write!(
        out,
        concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="{odd}"/>"#,
            r#"<w:footerReference w:type="even" r:id="{even}"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"/>"#,
            r#"<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" w:header="851" w:footer="{footer}" w:gutter="0"/>"#,
            r#"<w:cols w:space="425"/>"#,
            r#"<w:docGrid w:type="linesAndChars" w:linePitch="{line}" w:charSpace="{cs}"/>"#,
            "</w:sectPr></w:body></w:document>"
        ),
        odd = ODD_FOOTER_RID,
        even = EVEN_FOOTER_RID,
        w = m.page_w,
        h = m.page_h,
        top = m.top,
        right = m.right,
        bottom = m.bottom,
        left = m.left,
        footer = m.footer,
        line = m.line,
        cs = m.char_space,
    );
    out
}

/// A footer with "— N —": odd pages right-aligned one character from the right edge of
/// the text block, even pages left-aligned one character in.
pub fn page_number_footer(p: &Preset, m: &Metrics, odd: bool) -> String {
    let font = &p.fonts.page_number;
    let fmt = RunFormat::new(font, font, m.page_number_sz);
    let one_char = (p.sizes.page_number_pt * 20.0).round() as i32;
    let mut out = String::with_capacity(2048);
    let _ = write!(
        out,
        "{DECL}<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val=\"{}\"/>",
        id::FOOTER
    );
    if odd {
        let _ = write!(
            out,
            r#"<w:ind w:left="0" w:right="{one_char}" w:firstLine="0"/><w:jc w:val="right"/>"#
        );
    } else {
        let _ = write!(
            out,
            r#"<w:ind w:left="{one_char}" w:right="0" w:firstLine="0"/><w:jc w:val="left"/>"#
        );
    }
    out.push_str("</w:pPr>");
    run(&mut out, "— ", &fmt);
    field_begin(&mut out, " PAGE ", &fmt, false);
    run(&mut out, "1", &fmt);
    field_end(&mut out, &fmt);
    run(&mut out, " —", &fmt);
    out.push_str("</w:p></w:ftr>");
    out
}
