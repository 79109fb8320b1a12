//! The package parts docx-rs cannot express as 公文 needs them, written whole: styles.xml
//! (character-unit indents, explicit East-Asian fonts, no theme fonts), settings.xml (in
//! schema order, with updateFields and evenAndOddHeaders), fontTable.xml (GB2312 charset and
//! fallback names so Word and WPS substitute instead of warning) and an empty numbering.xml.
//! Pure string building; depends only on the preset.

use super::preset::Preset;
use std::fmt::Write;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Style ids used by the document body.
pub mod id {
    pub const TITLE: &str = "GwTitle";
    pub const COMPILATION_TITLE: &str = "GwCompilationTitle";
    pub const TOC_HEADING: &str = "GwTocHeading";
    pub const BODY: &str = "GwBody";
    pub const HEADINGS: [&str; 4] = ["GwHeading1", "GwHeading2", "GwHeading3", "GwHeading4"];
    pub const ADDRESSEE: &str = "GwAddressee";
    pub const SIGN_OFF: &str = "GwSignOff";
    pub const DATE: &str = "GwDate";
    pub const TOC: [&str; 3] = ["TOC1", "TOC2", "TOC3"];
    pub const FOOTER: &str = "Footer";
}

/// Lengths of the page in twips, derived once from the preset.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    pub page_w: i32,
    pub page_h: i32,
    pub top: i32,
    pub bottom: i32,
    pub left: i32,
    pub right: i32,
    pub footer: i32,
    /// Width of the text block.
    pub text_w: i32,
    /// Exact line spacing and grid pitch.
    pub line: i32,
    /// docGrid charSpace: extra pitch per character in 1/4096 pt over the body size.
    pub char_space: i32,
    /// Character spacing (twips, ≤ 0) that makes a body character no wider than the grid
    /// pitch, so exactly `chars_per_line` fit without relying on the character grid.
    pub condense: i32,
    /// One body character, for indents written in twips.
    pub body_char: i32,
    pub body_sz: usize,
    pub title_sz: usize,
    pub page_number_sz: usize,
}

pub fn mm_to_twips(mm: f32) -> i32 {
    (f64::from(mm) * 1440.0 / 25.4).round() as i32
}

pub fn pt_to_half_points(pt: f32) -> usize {
    (f64::from(pt) * 2.0).round().max(1.0) as usize
}

impl Metrics {
    pub fn new(p: &Preset) -> Metrics {
        let page_w = mm_to_twips(p.page.width_mm);
        let left = mm_to_twips(p.page.left_mm);
        let right = mm_to_twips(p.page.right_mm);
        let text_w = (page_w - left - right).max(1);
        let body_pt = f64::from(p.sizes.body_pt);
        // The grid pitch that fits `chars_per_line` characters, rounded down so they do fit.
        let pitch_pt = f64::from(text_w) / 20.0 / f64::from(p.page.chars_per_line.max(1));
        let char_space = ((pitch_pt - body_pt) * 4096.0).floor() as i32;
        // One twip of headroom: LibreOffice rounds lengths to 1/100 mm and otherwise
        // breaks one character early.
        let condense = if pitch_pt < body_pt {
            ((pitch_pt - body_pt) * 20.0).floor() as i32 - 1
        } else {
            0
        };
        Metrics {
            page_w,
            page_h: mm_to_twips(p.page.height_mm),
            top: mm_to_twips(p.page.top_mm),
            bottom: mm_to_twips(p.page.bottom_mm),
            left,
            right,
            footer: mm_to_twips(p.page.footer_mm),
            text_w,
            line: (f64::from(p.sizes.line_pt) * 20.0).round() as i32,
            char_space,
            condense,
            body_char: (body_pt * 20.0).round() as i32,
            body_sz: pt_to_half_points(p.sizes.body_pt),
            title_sz: pt_to_half_points(p.sizes.title_pt),
            page_number_sz: pt_to_half_points(p.sizes.page_number_pt),
        }
    }
}

/// Escapes text for an XML attribute or element.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not allowed in XML 1.0; Word refuses the whole file over one of them.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn fonts_xml(latin: &str, east_asia: &str) -> String {
    format!(
        r#"<w:rFonts w:ascii="{l}" w:hAnsi="{l}" w:eastAsia="{e}" w:cs="{l}" w:hint="eastAsia"/>"#,
        l = esc(latin),
        e = esc(east_asia)
    )
}

struct StyleDef<'a> {
    id: &'a str,
    /// Character spacing in twips, written only on the default style (others inherit).
    condense: Option<i32>,
    name: &'a str,
    based_on: Option<&'a str>,
    /// Inner pPr children, in schema order.
    ppr: String,
    font: &'a str,
    latin: &'a str,
    sz: usize,
    bold: bool,
}

impl StyleDef<'_> {
    fn write(&self, out: &mut String, default: bool) {
        let _ = write!(
            out,
            r#"<w:style w:type="paragraph"{} w:styleId="{}"><w:name w:val="{}"/>"#,
            if default { r#" w:default="1""# } else { "" },
            self.id,
            esc(self.name)
        );
        if let Some(b) = self.based_on {
            let _ = write!(out, r#"<w:basedOn w:val="{b}"/>"#);
        }
        out.push_str("<w:qFormat/>");
        let _ = write!(out, "<w:pPr>{}</w:pPr>", self.ppr);
        let _ = write!(
            out,
            r#"<w:rPr>{}{}{}<w:kern w:val="2"/><w:sz w:val="{s}"/><w:szCs w:val="{s}"/></w:rPr></w:style>"#,
            fonts_xml(self.latin, self.font),
            if self.bold {
                "<w:b/><w:bCs/>"
            } else {
                r#"<w:b w:val="0"/><w:bCs w:val="0"/>"#
            },
            self.condense
                .map(|c| format!(r#"<w:spacing w:val="{c}"/>"#))
                .unwrap_or_default(),
            s = self.sz
        );
    }
}

/// `<w:spacing>` for exact lines of `line` twips.
fn exact(line: i32) -> String {
    format!(r#"<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>"#)
}

fn outline(level: Option<u8>) -> String {
    // 9 is "body text": it stops a level inherited from the base style.
    format!(r#"<w:outlineLvl w:val="{}"/>"#, level.unwrap_or(9))
}

/// styles.xml. `titles_in_outline`: report titles are outline level 0 and headings one
/// below them (the compilation); otherwise headings start at level 0.
pub fn styles_xml(p: &Preset, m: &Metrics, titles_in_outline: bool) -> String {
    let f = &p.fonts;
    let latin = f.latin.as_str();
    let first_line = format!(
        r#"<w:ind w:firstLineChars="200" w:firstLine="{}"/>"#,
        2 * m.body_char
    );
    let no_indent = r#"<w:ind w:left="0" w:leftChars="0" w:right="0" w:rightChars="0" w:firstLineChars="0" w:firstLine="0"/>"#;
    let right_indent = format!(
        r#"<w:ind w:left="0" w:right="{}" w:rightChars="{}" w:firstLineChars="0" w:firstLine="0"/>"#,
        (p.date_right_chars * m.body_char as f32).round() as i32,
        (p.date_right_chars * 100.0).round() as i32
    );
    let shift = u8::from(titles_in_outline);
    let body = StyleDef {
        condense: None,
        id: id::BODY,
        name: "公文正文",
        based_on: Some("Normal"),
        ppr: first_line.clone(),
        font: &f.body,
        latin,
        sz: m.body_sz,
        bold: false,
    };
    let mut styles = vec![
        StyleDef {
            // Off the character grid: LibreOffice gives a character wider than the grid
            // pitch two cells (14 characters a line). The condensed spacing fits the 28
            // characters in every application; the exact line spacing keeps 22 lines.
            condense: Some(m.condense),
            id: "Normal",
            name: "Normal",
            based_on: None,
            ppr: format!(
                r#"<w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>{}<w:jc w:val="both"/>"#,
                exact(m.line)
            ),
            font: &f.body,
            latin,
            sz: m.body_sz,
            bold: false,
        },
        StyleDef {
            condense: None,
            id: id::TITLE,
            name: "公文标题",
            based_on: Some("Normal"),
            ppr: format!(
                r#"<w:keepNext/>{no_indent}<w:jc w:val="center"/>{}"#,
                outline(titles_in_outline.then_some(0))
            ),
            font: &f.title,
            latin,
            sz: m.title_sz,
            bold: false,
        },
        StyleDef {
            condense: None,
            id: id::COMPILATION_TITLE,
            name: "汇编标题",
            based_on: Some(id::TITLE),
            ppr: outline(None),
            font: &f.title,
            latin,
            sz: m.title_sz,
            bold: false,
        },
        StyleDef {
            condense: None,
            id: id::TOC_HEADING,
            name: "目录标题",
            based_on: Some(id::TITLE),
            ppr: outline(None),
            font: &f.title,
            latin,
            sz: m.title_sz,
            bold: false,
        },
    ];
    styles.push(body);
    let heading_fonts = [&f.heading1, &f.heading2, &f.heading3, &f.heading4];
    let heading_names = ["一级标题", "二级标题", "三级标题", "四级标题"];
    for level in 0..4u8 {
        let i = usize::from(level);
        styles.push(StyleDef {
            condense: None,
            id: id::HEADINGS[i],
            name: heading_names[i],
            based_on: Some(id::BODY),
            // keepNext is set per paragraph: only a standalone heading keeps with the text
            // after it; on a long run-in heading it would push whole pages on.
            ppr: outline(Some(level + shift)),
            font: heading_fonts[i],
            latin,
            sz: m.body_sz,
            bold: p.bold_headings && (level == 1 || level == 2),
        });
    }
    styles.push(StyleDef {
        condense: None,
        id: id::ADDRESSEE,
        name: "主送机关",
        based_on: Some("Normal"),
        ppr: format!(r#"{no_indent}<w:jc w:val="left"/>"#),
        font: &f.body,
        latin,
        sz: m.body_sz,
        bold: false,
    });
    for (sid, name) in [(id::SIGN_OFF, "发文机关署名"), (id::DATE, "成文日期")] {
        styles.push(StyleDef {
            condense: None,
            id: sid,
            name,
            based_on: Some("Normal"),
            ppr: format!(r#"{right_indent}<w:jc w:val="right"/>"#),
            font: &f.body,
            latin,
            sz: m.body_sz,
            bold: false,
        });
    }
    let tab = format!(
        r#"<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{}"/></w:tabs>"#,
        m.text_w
    );
    for (i, sid) in id::TOC.iter().enumerate() {
        styles.push(StyleDef {
            condense: None,
            id: sid,
            name: ["toc 1", "toc 2", "toc 3"][i],
            based_on: Some("Normal"),
            ppr: format!(
                r#"{tab}<w:ind w:left="{}" w:leftChars="{}" w:right="0" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>"#,
                i as i32 * 2 * m.body_char,
                i * 200
            ),
            font: &f.body,
            latin,
            sz: m.body_sz,
            bold: false,
        });
    }
    styles.push(StyleDef {
        condense: Some(0),
        id: id::FOOTER,
        name: "footer",
        based_on: Some("Normal"),
        ppr: format!(
            r#"<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>{no_indent}"#
        ),
        font: &f.page_number,
        latin: &f.page_number,
        sz: m.page_number_sz,
        bold: false,
    });

    let mut out = String::with_capacity(16 * 1024);
    out.push_str(DECL);
    let _ = write!(out, r#"<w:styles xmlns:w="{W_NS}">"#);
    let _ = write!(
        out,
        r#"<w:docDefaults><w:rPrDefault><w:rPr>{}<w:kern w:val="2"/><w:sz w:val="{s}"/><w:szCs w:val="{s}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{}</w:pPr></w:pPrDefault></w:docDefaults>"#,
        fonts_xml(latin, &f.body),
        exact(m.line),
        s = m.body_sz
    );
    for (i, s) in styles.iter().enumerate() {
        s.write(&mut out, i == 0);
    }
    out.push_str(
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
    );
    out.push_str(
        r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:unhideWhenUsed/></w:style>"#,
    );
    out.push_str("</w:styles>");
    out
}

/// settings.xml, elements in the order CT_Settings requires (Word rejects other orders).
pub fn settings_xml(update_fields: bool) -> String {
    let mut out = String::from(DECL);
    let _ = write!(out, r#"<w:settings xmlns:w="{W_NS}">"#);
    out.push_str(r#"<w:zoom w:percent="100"/>"#);
    out.push_str(r#"<w:defaultTabStop w:val="420"/>"#);
    out.push_str(r#"<w:evenAndOddHeaders/>"#);
    out.push_str(r#"<w:characterSpacingControl w:val="doNotCompress"/>"#);
    if update_fields {
        out.push_str(r#"<w:updateFields w:val="true"/>"#);
    }
    out.push_str(concat!(
        "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>",
        "<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>",
        "<w:adjustLineHeightInTable/><w:useFELayout/>",
        r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
        "</w:compat>"
    ));
    out.push_str(r#"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#);
    out.push_str(r#"<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>"#);
    out.push_str("</w:settings>");
    out
}

/// fontTable.xml naming every font of the preset; a CJK font carries the GB2312 charset and
/// its first fallback as altName, which Word and WPS use when the font is missing.
pub fn font_table_xml(p: &Preset) -> String {
    let mut out = String::from(DECL);
    let _ = write!(out, r#"<w:fonts xmlns:w="{W_NS}">"#);
    for name in p.font_names() {
        let cjk = !name.is_ascii();
        let _ = write!(out, r#"<w:font w:name="{}">"#, esc(&name));
        if let Some(alt) = p.first_fallback(&name) {
            let _ = write!(out, r#"<w:altName w:val="{}"/>"#, esc(alt));
        }
        if cjk {
            out.push_str(
                r#"<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/>"#,
            );
        } else {
            out.push_str(
                r#"<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>"#,
            );
        }
        out.push_str("</w:font>");
    }
    out.push_str("</w:fonts>");
    out
}

/// numbering.xml with no lists: docx-rs's default carries bullet fonts we never use.
pub fn numbering_xml() -> String {
    format!(r#"{DECL}<w:numbering xmlns:w="{W_NS}"/>"#)
}

/// docProps/core.xml: the title, the author (left out when empty: never "unknown") and the
/// export time, as created and modified. Replaces what docx-rs writes (1970, "unknown").
pub fn core_xml(title: &str, author: &str, unix_secs: u64) -> String {
    let when = w3cdtf(unix_secs);
    let mut out = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#,
        r#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#,
        r#" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    let title = title.trim();
    if !title.is_empty() {
        let _ = write!(out, "<dc:title>{}</dc:title>", esc(title));
    }
    let author = author.trim();
    if !author.is_empty() {
        let a = esc(author);
        let _ = write!(
            out,
            "<dc:creator>{a}</dc:creator><cp:lastModifiedBy>{a}</cp:lastModifiedBy>"
        );
    }
    let _ = write!(
        out,
        concat!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            "<cp:revision>1</cp:revision></cp:coreProperties>"
        ),
        when = when
    );
    out
}

/// docProps/app.xml: which program wrote the file (docx-rs would name another).
pub fn app_xml() -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties""#,
            r#" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>清稿 {}</Application></Properties>"
        ),
        env!("CARGO_PKG_VERSION")
    )
}

/// Seconds since 1970 as a W3CDTF UTC time, "2026-12-06T20:45:00Z" (the civil-from-days
/// algorithm of H. Hinnant, exact for every date after 1970).
fn w3cdtf(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let rem = unix_secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod core_tests {
    use super::*;

    #[test]
    fn export_times_are_utc_calendar_dates() {
        assert_eq!(w3cdtf(0), "1970-01-01T00:00:00Z");
        assert_eq!(w3cdtf(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(w3cdtf(1_709_251_199), "2024-02-29T23:59:59Z");
        assert_eq!(w3cdtf(1_798_761_600), "2027-01-01T00:00:00Z");
    }
}
