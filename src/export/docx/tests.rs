//! Reads the built .docx back and checks what a user of Word or WPS would see.

use super::*;
use crate::analysis::Analysis;
use crate::model::{Heading, HeadingKind, LineIndex, LineRole, Outline, Report, RoleLine};
use crate::placeholder::{Placeholder, PlaceholderKind};
use regex::Regex;
use std::collections::BTreeMap;
use std::io::Read;

/// Every part of the package by name.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut parts = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        parts.insert(f.name().to_string(), s);
    }
    parts
}

fn part<'a>(parts: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    parts
        .get(name)
        .unwrap_or_else(|| panic!("{name} missing: {:?}", parts.keys()))
}

/// The `<w:p>` elements of a part, as lines a reader sees: a paragraph whose mark is a
/// style separator (hidden, `w:specVanish`) and the one it runs into are one slice.
fn paragraphs(xml: &str) -> Vec<&str> {
    let re = Regex::new(r"<w:p>.*?</w:p>").unwrap();
    let mut out = Vec::new();
    let mut start = None;
    for m in re.find_iter(xml) {
        let from = start.take().unwrap_or(m.start());
        if m.as_str().contains("<w:specVanish/>") {
            start = Some(from);
        } else {
            out.push(&xml[from..m.end()]);
        }
    }
    out
}

/// The `<w:p>` elements one by one, style separators not joined.
fn raw_paragraphs(xml: &str) -> Vec<&str> {
    let re = Regex::new(r"<w:p>.*?</w:p>").unwrap();
    re.find_iter(xml).map(|m| m.as_str()).collect()
}

/// The visible text of an XML fragment (field instructions left out).
fn text_of(xml: &str) -> String {
    let re = Regex::new(r#"<w:t xml:space="preserve">([^<]*)</w:t>|<w:br/>"#).unwrap();
    re.captures_iter(xml)
        .map(|c| c.get(1).map_or("\n".to_string(), |t| unescape(t.as_str())))
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The paragraph whose text is `text`.
fn para_eq<'a>(doc: &'a str, text: &str) -> &'a str {
    paragraphs(doc)
        .into_iter()
        .find(|p| text_of(p) == text)
        .unwrap_or_else(|| panic!("no paragraph {text}"))
}

/// The paragraph whose text contains `needle`.
fn para_with<'a>(doc: &'a str, needle: &str) -> &'a str {
    paragraphs(doc)
        .into_iter()
        .find(|p| text_of(p).contains(needle))
        .unwrap_or_else(|| panic!("no paragraph with {needle}"))
}

fn style_of(p: &str) -> String {
    let re = Regex::new(r#"<w:pStyle w:val="([^"]+)"/>"#).unwrap();
    re.captures(p).map(|c| c[1].to_string()).unwrap_or_default()
}

/// The `<w:style>` element with this id.
fn style_def<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .unwrap_or_else(|| panic!("style {id} missing"));
    let end = styles[start..].find("</w:style>").unwrap() + start;
    &styles[start..end]
}

fn at(text: &str, needle: &str) -> Range<usize> {
    let s = text.find(needle).unwrap();
    s..s + needle.len()
}

/// A work report in the genre, long enough for several pages.
fn sample_report() -> DocxReport {
    use ParagraphRole::*;
    let mut paragraphs = vec![DocxParagraph::new(Addressee, "县政府：")];
    let opening = "今年以来，XX镇在县委、县政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，全年完成固定资产投资XX万元，同比增长X.X%。现将有关情况报告如下：";
    paragraphs.push(DocxParagraph {
        role: Body,
        text: opening.into(),
        highlights: vec![
            at(opening, "XX镇").start..at(opening, "XX镇").start + 2,
            at(opening, "XX万元").start..at(opening, "XX万元").start + 2,
            at(opening, "X.X"),
        ],
    });
    let sections = [
        (
            "一、2023年工作完成情况",
            "（一）经济运行稳中有进。",
            "1.项目建设提速增效。",
            "（1）重点项目。",
        ),
        (
            "二、存在的问题",
            "（一）发展基础仍然薄弱。",
            "1.产业结构不优。",
            "（1）农业规模小。",
        ),
        (
            "三、2024年工作打算",
            "（一）聚焦项目建设。",
            "1.强化要素保障。",
            "（1）土地要素。",
        ),
    ];
    for (h1, h2, h3, h4) in sections {
        paragraphs.push(DocxParagraph::new(Heading(1), h1));
        paragraphs.push(DocxParagraph::new(
            Heading(2),
            format!("{h2}全镇上下围绕年初确定的目标任务，真抓实干、攻坚克难，各项工作取得新成效。"),
        ));
        for _ in 0..2 {
            paragraphs.push(DocxParagraph::new(
                Body,
                "坚持把项目建设作为推动高质量发展的主抓手，实行领导包联、专班推进、周调度月通报机制，全力破解用地、资金、审批等要素制约，推动一批重点项目早开工、早建成、早见效。全年新开工项目12个，续建项目8个，竣工投产5个。",
            ));
        }
        paragraphs.push(DocxParagraph::new(Heading(3), h3));
        paragraphs.push(DocxParagraph::new(Heading(4), h4));
        paragraphs.push(DocxParagraph::new(
            Body,
            "一是抓好春耕备耕，落实粮食播种面积2.3万亩；二是抓好农田水利，新建高标准农田5000亩；三是抓好农产品质量安全，开展专项检查16次。",
        ));
    }
    paragraphs.push(DocxParagraph::new(SignOff, "XX镇人民政府"));
    paragraphs.push(DocxParagraph {
        role: Date,
        text: "2023年01月03日".into(),
        highlights: Vec::new(),
    });
    // "XX镇人民政府": the XX is a placeholder.
    let n = paragraphs.len();
    let xx = 0..2;
    paragraphs[n - 2].highlights = vec![xx];
    DocxReport {
        title: "XX镇人民政府2023年工作总结及2024年工作计划".into(),
        paragraphs,
    }
}

fn single() -> DocxInput {
    DocxInput {
        title: None,
        reports: vec![sample_report()],
        ..DocxInput::default()
    }
}

fn built(input: &DocxInput) -> BTreeMap<String, String> {
    unzip(&build(input, &Preset::default()).expect("build"))
}

#[test]
fn page_is_a4_with_the_gongwen_margins_and_a_22_by_28_grid() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    let mar = Regex::new(r#"<w:pgMar [^>]*/>"#)
        .unwrap()
        .find(doc)
        .unwrap()
        .as_str();
    // 37, 35, 28, 26 mm; 28 mm is 1587.4 twips.
    for attr in [
        r#"w:top="2098""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
        r#"w:right="1474""#,
    ] {
        assert!(mar.contains(attr), "{attr} in {mar}");
    }
    let grid = Regex::new(
        r#"<w:docGrid w:type="linesAndChars" w:linePitch="560" w:charSpace="(-?\d+)"/>"#,
    )
    .unwrap()
    .captures(doc)
    .expect("docGrid linesAndChars, 28 pt pitch");
    // Word's character pitch is the body size plus charSpace/4096 pt: exactly 28 must fit
    // the 156 mm text block.
    let char_space: f64 = grid[1].parse().unwrap();
    let pitch_twips = (16.0 + char_space / 4096.0) * 20.0;
    let text_w = 11906.0 - 1587.0 - 1474.0;
    assert!(
        28.0 * pitch_twips <= text_w && 29.0 * pitch_twips > text_w,
        "pitch {pitch_twips}"
    );
    // Paragraphs leave the character grid (LibreOffice would give each character two
    // cells) and are condensed instead, so that 28 characters fit and a 29th does not.
    let styles = part(&parts, "word/styles.xml");
    let normal = style_def(styles, "Normal");
    assert!(normal.contains(r#"<w:snapToGrid w:val="0"/>"#), "{normal}");
    let condense: f64 = Regex::new(r#"<w:spacing w:val="(-?\d+)"/>"#)
        .unwrap()
        .captures(normal)
        .unwrap()[1]
        .parse()
        .unwrap();
    let advance = 16.0 * 20.0 + condense;
    assert!(
        28.0 * advance < text_w - 10.0 && 29.0 * advance > text_w,
        "advance {advance}"
    );
    // 22 lines of 28 pt in the 225 mm block.
    let lines = ((16838 - 2098 - 1984) as f64 / 560.0).floor();
    assert_eq!(lines, 22.0);
}

#[test]
fn styles_name_east_asian_fonts_explicitly_with_exact_28pt_lines() {
    let parts = built(&single());
    let styles = part(&parts, "word/styles.xml");
    // No theme fonts anywhere: WPS reports them missing.
    for (name, xml) in &parts {
        assert!(!xml.contains("Theme\""), "theme font attribute in {name}");
        assert!(
            !xml.contains("w:asciiTheme") && !xml.contains("w:eastAsiaTheme"),
            "{name}"
        );
    }
    let doc_defaults = &styles[..styles.find("</w:docDefaults>").unwrap()];
    assert!(doc_defaults.contains(r#"w:eastAsia="仿宋_GB2312""#));
    assert!(
        doc_defaults
            .contains(r#"<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>"#)
    );
    let expect = [
        ("GwTitle", "方正小标宋简体", 44),
        ("GwBody", "仿宋_GB2312", 32),
        ("GwHeading1", "黑体", 32),
        ("GwHeading2", "楷体_GB2312", 32),
        ("GwHeading3", "仿宋_GB2312", 32),
        ("GwHeading4", "仿宋_GB2312", 32),
        ("GwAddressee", "仿宋_GB2312", 32),
        ("GwSignOff", "仿宋_GB2312", 32),
        ("GwDate", "仿宋_GB2312", 32),
        ("Footer", "宋体", 28),
    ];
    for (id, font, sz) in expect {
        let def = style_def(styles, id);
        assert!(
            def.contains(&format!(r#"w:eastAsia="{font}""#)),
            "{id}: {def}"
        );
        assert!(def.contains(r#"w:ascii=""#), "{id} names its Latin font");
        assert!(
            def.contains(&format!(r#"<w:sz w:val="{sz}"/>"#)),
            "{id}: {def}"
        );
    }
    assert!(style_def(styles, "Normal").contains(r#"w:line="560" w:lineRule="exact""#));
    // Body and headings: first line in by two characters; addressee flush left.
    let body = style_def(styles, "GwBody");
    assert!(
        body.contains(r#"w:firstLineChars="200" w:firstLine="640""#),
        "{body}"
    );
    for id in ["GwHeading1", "GwHeading2", "GwHeading3", "GwHeading4"] {
        assert!(
            style_def(styles, id).contains(r#"<w:basedOn w:val="GwBody"/>"#),
            "{id} indents"
        );
        assert!(
            !style_def(styles, id).contains("firstLineChars=\"0\""),
            "{id}"
        );
    }
    assert!(style_def(styles, "GwAddressee").contains(r#"w:firstLineChars="0" w:firstLine="0""#));
    assert!(style_def(styles, "GwAddressee").contains(r#"<w:jc w:val="left"/>"#));
    assert!(style_def(styles, "GwTitle").contains(r#"<w:jc w:val="center"/>"#));
    assert!(style_def(styles, "GwBody").contains(r#"<w:basedOn w:val="Normal"/>"#));
    assert!(
        style_def(styles, "Normal").contains(r#"<w:jc w:val="both"/>"#),
        "justified"
    );
    // Sign-off and date: right-aligned, four characters in.
    for id in ["GwSignOff", "GwDate"] {
        let def = style_def(styles, id);
        assert!(def.contains(r#"<w:jc w:val="right"/>"#), "{def}");
        assert!(
            def.contains(r#"w:right="1280" w:rightChars="400""#),
            "{def}"
        );
    }
}

#[test]
fn every_run_names_its_fonts_and_size() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    let runs: Vec<&str> = Regex::new(r"<w:r>.*?</w:r>")
        .unwrap()
        .find_iter(doc)
        .map(|m| m.as_str())
        .collect();
    assert!(runs.len() > 30, "{}", runs.len());
    for r in &runs {
        assert!(r.contains(r#"w:eastAsia=""#), "{r}");
        assert!(
            r.contains(r#"w:ascii="Times New Roman" w:hAnsi="Times New Roman""#),
            "{r}"
        );
        assert!(r.contains("<w:sz w:val="), "{r}");
    }
    let title = para_with(doc, "工作计划");
    assert!(
        title.contains(r#"w:eastAsia="方正小标宋简体""#) && title.contains(r#"<w:sz w:val="44"/>"#)
    );
    let body = para_with(doc, "坚持把项目建设");
    assert!(body.contains(r#"w:eastAsia="仿宋_GB2312""#) && body.contains(r#"<w:sz w:val="32"/>"#));
    assert!(para_with(doc, "一、2023年").contains(r#"w:eastAsia="黑体""#));
    assert!(para_with(doc, "（一）经济运行").contains(r#"w:eastAsia="楷体_GB2312""#));
}

#[test]
fn headings_carry_outline_levels_and_fonts_per_level() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    let cases = [
        ("一、2023年工作完成情况", 0, "GwHeading1"),
        ("（一）经济运行", 1, "GwHeading2"),
        ("1.项目建设", 2, "GwHeading3"),
        ("（1）重点项目", 3, "GwHeading4"),
    ];
    for (text, level, style) in cases {
        let p = para_with(doc, text);
        assert!(
            p.contains(&format!(r#"<w:outlineLvl w:val="{level}"/>"#)),
            "{text}: {p}"
        );
        assert_eq!(style_of(p), style);
    }
    // Body paragraphs have none; the title of a single report is not in the outline.
    assert!(!para_with(doc, "坚持把项目建设").contains("outlineLvl"));
    let styles = part(&parts, "word/styles.xml");
    assert!(style_def(styles, "GwTitle").contains(r#"<w:outlineLvl w:val="9"/>"#));
    assert!(style_def(styles, "GwHeading1").contains(r#"<w:outlineLvl w:val="0"/>"#));
    assert!(style_def(styles, "GwHeading4").contains(r#"<w:outlineLvl w:val="3"/>"#));
}

#[test]
fn standalone_headings_keep_with_the_next_paragraph_run_in_ones_do_not() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    for h in [
        "一、2023年工作完成情况",
        "1.项目建设提速增效。",
        "（1）重点项目。",
    ] {
        assert!(para_eq(doc, h).contains("<w:keepNext/>"), "{h}");
    }
    // A long paragraph that only starts with a heading must not drag pages along.
    assert!(!para_with(doc, "（一）经济运行稳中有进。").contains("keepNext"));
    assert!(!para_with(doc, "坚持把项目建设").contains("keepNext"));
    let styles = part(&parts, "word/styles.xml");
    assert!(!style_def(styles, "GwHeading2").contains("keepNext"));
}

#[test]
fn run_in_heading_keeps_its_sentence_in_the_heading_font() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    let p = para_with(doc, "（一）经济运行稳中有进。");
    let runs: Vec<&str> = Regex::new(r"<w:r>.*?</w:r>")
        .unwrap()
        .find_iter(p)
        .map(|m| m.as_str())
        .collect();
    assert_eq!(text_of(runs[0]), "（一）经济运行稳中有进。");
    assert!(runs[0].contains("楷体_GB2312"));
    assert!(text_of(runs[1]).starts_with("全镇上下"));
    assert!(runs[1].contains(r#"w:eastAsia="仿宋_GB2312""#));
}

#[test]
fn bold_option_bolds_levels_two_and_three_only() {
    let preset = Preset {
        bold_headings: true,
        ..Preset::default()
    };
    let parts = unzip(&build(&single(), &preset).unwrap());
    let styles = part(&parts, "word/styles.xml");
    assert!(style_def(styles, "GwHeading2").contains("<w:b/>"));
    assert!(style_def(styles, "GwHeading3").contains("<w:b/>"));
    assert!(!style_def(styles, "GwHeading1").contains("<w:b/>"));
    assert!(!style_def(styles, "GwHeading4").contains("<w:b/>"));
    let doc = part(&parts, "word/document.xml");
    let p = para_with(doc, "（一）经济运行稳中有进。");
    let runs: Vec<&str> = Regex::new(r"<w:r>.*?</w:r>")
        .unwrap()
        .find_iter(p)
        .map(|m| m.as_str())
        .collect();
    assert!(runs[0].contains("<w:b/>"), "heading sentence bold");
    assert!(
        runs[1].contains(r#"<w:b w:val="0"/>"#),
        "run-in text not bold"
    );
    // Off by default.
    let plain = built(&single());
    assert!(!style_def(part(&plain, "word/styles.xml"), "GwHeading2").contains("<w:b/>"));
}

#[test]
fn page_numbers_alternate_sides_in_odd_and_even_footers() {
    let parts = built(&single());
    let settings = part(&parts, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders/>"));
    let doc = part(&parts, "word/document.xml");
    let rels = part(&parts, "word/_rels/document.xml.rels");
    let reference = |kind: &str| {
        let re = Regex::new(&format!(
            r#"<w:footerReference w:type="{kind}" r:id="([^"]+)"/>"#
        ))
        .unwrap();
        let rid = re.captures(doc).unwrap_or_else(|| panic!("{kind} footer"))[1].to_string();
        let target = Regex::new(&format!(r#"Id="{rid}" [^>]*Target="([^"]+)""#)).unwrap();
        let file = target.captures(rels).unwrap_or_else(|| panic!("rel {rid}"))[1].to_string();
        part(&parts, &format!("word/{file}")).to_string()
    };
    let odd = reference("default");
    let even = reference("even");
    for footer in [&odd, &even] {
        assert!(footer.contains(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#));
        assert_eq!(text_of(footer), "— 1 —", "dash, number, dash");
        assert!(footer.contains(r#"w:eastAsia="宋体""#) && footer.contains(r#"w:ascii="宋体""#));
        assert!(footer.contains(r#"<w:sz w:val="28"/>"#), "4号");
    }
    assert!(odd.contains(r#"<w:jc w:val="right"/>"#) && odd.contains(r#"w:right="280""#));
    assert!(even.contains(r#"<w:jc w:val="left"/>"#) && even.contains(r#"w:left="280""#));
    // Schema order: the references come first in sectPr.
    let sect = &doc[doc.find("<w:sectPr>").unwrap()..];
    assert!(sect.find("footerReference").unwrap() < sect.find("pgSz").unwrap());
}

#[test]
fn placeholders_are_highlighted_and_nothing_else() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    let p = para_with(doc, "今年以来");
    let runs: Vec<&str> = Regex::new(r"<w:r>.*?</w:r>")
        .unwrap()
        .find_iter(p)
        .map(|m| m.as_str())
        .collect();
    let marked: Vec<String> = runs
        .iter()
        .filter(|r| r.contains(r#"<w:highlight w:val="yellow"/>"#))
        .map(|r| text_of(r))
        .collect();
    assert_eq!(marked, vec!["XX", "XX", "X.X"]);
    assert_eq!(
        text_of(p),
        sample_report().paragraphs[1].text,
        "text unchanged"
    );
    let sign = para_eq(doc, "XX镇人民政府");
    assert!(sign.contains("yellow"));
    // Turned off in the preset: no highlight anywhere.
    let preset = Preset {
        highlight_placeholders: false,
        ..Preset::default()
    };
    let plain = unzip(&build(&single(), &preset).unwrap());
    assert!(!part(&plain, "word/document.xml").contains("w:highlight"));
}

#[test]
fn bad_highlight_ranges_do_not_break_the_text() {
    let text = "投资XX万元";
    let input = DocxInput {
        title: None,
        reports: vec![DocxReport {
            title: "测试".into(),
            paragraphs: vec![DocxParagraph {
                role: ParagraphRole::Body,
                text: text.into(),
                // Overlapping, mid-character, reversed and out of range.
                highlights: vec![6..8, 7..9, 1..2, Range { start: 5, end: 3 }, 40..50],
            }],
        }],
        ..DocxInput::default()
    };
    let parts = built(&input);
    let p = para_with(part(&parts, "word/document.xml"), "投资");
    assert_eq!(text_of(p), text);
    assert!(p.contains("yellow"));
}

#[test]
fn long_title_is_set_in_balanced_lines() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    let title = paragraphs(doc)[0];
    assert_eq!(style_of(title), "GwTitle");
    let lines: Vec<String> = text_of(title).split('\n').map(String::from).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines.concat(), "XX镇人民政府2023年工作总结及2024年工作计划");
    let w: Vec<f32> = lines.iter().map(|l| text::cells(l)).collect();
    assert!(
        (w[0] - w[1]).abs() <= 8.0 && w.iter().all(|&x| x <= 20.0),
        "{lines:?}"
    );
    // A blank line follows the title.
    assert_eq!(text_of(paragraphs(doc)[1]), "");
    // A short title stays on one line.
    let short = DocxInput {
        title: None,
        reports: vec![DocxReport {
            title: "XX镇2023年工作总结".into(),
            paragraphs: vec![],
        }],
        ..DocxInput::default()
    };
    let parts = built(&short);
    assert_eq!(
        text_of(paragraphs(part(&parts, "word/document.xml"))[0]),
        "XX镇2023年工作总结"
    );
}

#[test]
fn sign_off_is_centred_over_the_date_which_loses_its_zero_padding() {
    let parts = built(&single());
    let doc = part(&parts, "word/document.xml");
    assert!(!doc.contains("01月03日"));
    let date = para_with(doc, "2023年1月3日");
    assert_eq!(style_of(date), "GwDate");
    let sign = para_eq(doc, "XX镇人民政府");
    assert_eq!(style_of(sign), "GwSignOff");
    // "XX镇人民政府" is 6 cells, "2023年1月3日" is 6 cells: both four characters in.
    assert!(
        sign.contains(r#"w:right="1280" w:rightChars="400""#),
        "{sign}"
    );
    // A blank line between the body and the sign-off.
    let ps = paragraphs(doc);
    let i = ps
        .iter()
        .position(|p| text_of(p) == "XX镇人民政府")
        .unwrap();
    assert_eq!(text_of(ps[i - 1]), "");
    // A shorter unit moves left so that it stays centred over the date.
    let mut r = sample_report();
    let n = r.paragraphs.len();
    r.paragraphs[n - 2] = DocxParagraph::new(ParagraphRole::SignOff, "县委办");
    let parts = built(&DocxInput {
        title: None,
        reports: vec![r],
        ..DocxInput::default()
    });
    let sign = para_with(part(&parts, "word/document.xml"), "县委办");
    // 4 + (6 - 3) / 2 = 5.5 characters.
    assert!(sign.contains(r#"w:rightChars="550""#), "{sign}");
}

#[test]
fn compilation_has_title_toc_field_and_a_page_per_report() {
    let mut second = sample_report();
    second.title = "县发展和改革局2023年工作总结".into();
    let input = DocxInput {
        title: Some("2023年度工作总结汇编（2篇）".into()),
        reports: vec![sample_report(), second],
        ..DocxInput::default()
    };
    let parts = built(&input);
    let doc = part(&parts, "word/document.xml");
    let ps = paragraphs(doc);
    assert_eq!(text_of(ps[0]), "2023年度工作总结汇编（2篇）");
    assert_eq!(style_of(ps[0]), "GwCompilationTitle");
    assert!(part(&parts, "word/settings.xml").contains(r#"<w:updateFields w:val="true"/>"#));
    // The TOC field: begin, instruction over outline levels, separate, cached titles, end.
    let begin = doc
        .find(r#"<w:fldChar w:fldCharType="begin" w:dirty="true"/>"#)
        .expect("TOC begin");
    let instr = doc
        .find(r#"TOC \o &quot;1-3&quot; \h \z \u"#)
        .expect("TOC instruction");
    let sep = doc[instr..].find(r#"w:fldCharType="separate""#).unwrap() + instr;
    let end = doc[sep..].find(r#"w:fldCharType="end""#).unwrap() + sep;
    assert!(begin < instr && instr < sep);
    let cached = text_of(&doc[sep..end]);
    assert!(
        cached.contains("XX镇人民政府2023年工作总结及2024年工作计划"),
        "{cached}"
    );
    assert!(cached.contains("县发展和改革局2023年工作总结"), "{cached}");
    assert!(text_of(&doc[..begin]).contains("目  录"));
    // Each report title starts a new page and is outline level 0; headings one below.
    let titles: Vec<&&str> = ps.iter().filter(|p| style_of(p) == "GwTitle").collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.iter().all(|p| p.contains("<w:pageBreakBefore/>")));
    let styles = part(&parts, "word/styles.xml");
    assert!(style_def(styles, "GwTitle").contains(r#"<w:outlineLvl w:val="0"/>"#));
    assert!(style_def(styles, "GwCompilationTitle").contains(r#"<w:outlineLvl w:val="9"/>"#));
    assert!(para_with(doc, "一、2023年工作完成情况").contains(r#"<w:outlineLvl w:val="1"/>"#));
    assert!(para_with(doc, "（1）重点项目").contains(r#"<w:outlineLvl w:val="4"/>"#));
    // TOC styles exist under the names Word's TOC field uses.
    assert!(style_def(styles, "TOC1").contains(r#"<w:name w:val="toc 1"/>"#));
    // A single report has neither a TOC nor updateFields.
    let one = built(&single());
    assert!(!part(&one, "word/document.xml").contains("TOC"));
    assert!(!part(&one, "word/settings.xml").contains("updateFields"));
}

#[test]
fn font_table_names_fallbacks_for_missing_fonts() {
    let parts = built(&single());
    let table = part(&parts, "word/fontTable.xml");
    assert!(table.contains(
        r#"<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/><w:charset w:val="86"/>"#
    ));
    assert!(table.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#));
    assert!(table.contains(r#"<w:font w:name="Times New Roman">"#));
    // Only fonts the document uses: no bullet fonts from an unused numbering part.
    assert!(
        !parts
            .values()
            .any(|x| x.contains("Wingdings") || x.contains(r#""Symbol""#))
    );
}

#[test]
fn preset_changes_reach_the_file() {
    let mut preset = Preset::default();
    preset.fonts.body = "仿宋".into();
    preset.sizes.body_pt = 15.0;
    preset.page.top_mm = 30.0;
    let parts = unzip(&build(&single(), &preset).unwrap());
    let doc = part(&parts, "word/document.xml");
    assert!(para_with(doc, "坚持把项目建设").contains(r#"w:eastAsia="仿宋""#));
    assert!(para_with(doc, "坚持把项目建设").contains(r#"<w:sz w:val="30"/>"#));
    assert!(doc.contains(r#"w:top="1701""#));
    assert!(style_def(part(&parts, "word/styles.xml"), "GwBody").contains(r#"w:firstLine="600""#));
}

#[test]
fn nonsense_preset_is_refused_not_written() {
    let mut preset = Preset::default();
    preset.page.left_mm = 180.0;
    let err = build(&single(), &preset).err().map(|e| e.to_string());
    assert!(
        err.as_deref().is_some_and(|e| e.contains("版心")),
        "{err:?}"
    );
    preset = Preset::default();
    preset.sizes.body_pt = f32::NAN;
    assert!(build(&single(), &preset).is_err());
}

#[test]
fn package_reads_back_with_docx_rs() {
    let bytes = build(&single(), &Preset::default()).unwrap();
    let docx = docx_rs::read_docx(&bytes).expect("docx-rs reads what we wrote");
    assert!(!docx.document.children.is_empty());
    // Text with XML specials survives.
    let input = DocxInput {
        title: None,
        reports: vec![DocxReport {
            title: "A&B <测试>".into(),
            paragraphs: vec![DocxParagraph::new(
                ParagraphRole::Body,
                "收入>支出 & \"结余\"",
            )],
        }],
        ..DocxInput::default()
    };
    let bytes = build(&input, &Preset::default()).unwrap();
    docx_rs::read_docx(&bytes).expect("escaped text reads back");
    // Characters XML 1.0 forbids are dropped rather than corrupting the file.
    let bad = DocxInput {
        title: None,
        reports: vec![DocxReport {
            title: "标题\u{1}".into(),
            paragraphs: vec![DocxParagraph::new(
                ParagraphRole::Body,
                "正文\u{0}\u{b}\u{FFFF}完",
            )],
        }],
        ..DocxInput::default()
    };
    let parts = unzip(&build(&bad, &Preset::default()).unwrap());
    assert!(para_eq(part(&parts, "word/document.xml"), "正文完").contains("GwBody"));
    let parts = unzip(&bytes);
    assert_eq!(
        text_of(paragraphs(part(&parts, "word/document.xml"))[2]),
        "收入>支出 & \"结余\""
    );
}

/// On the project's compilation and, when it is there, the seed.
#[test]
fn a_compilation_survives_the_export_unchanged() {
    for seed in crate::test_seed::compilations() {
        a_compilation_survives_the_export_unchanged_in(&seed);
    }
}

fn a_compilation_survives_the_export_unchanged_in(seed: &str) {
    let lines: Vec<&str> = seed
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let paras = lines
        .iter()
        .map(|l| DocxParagraph {
            role: ParagraphRole::Body,
            text: l.to_string(),
            highlights: l.match_indices("XX").map(|(i, m)| i..i + m.len()).collect(),
        })
        .collect();
    let input = DocxInput {
        title: None,
        reports: vec![DocxReport {
            title: String::new(),
            paragraphs: paras,
        }],
        ..DocxInput::default()
    };
    let parts = built(&input);
    let doc = part(&parts, "word/document.xml");
    let out: Vec<String> = paragraphs(doc).iter().map(|p| text_of(p)).collect();
    assert_eq!(out, lines, "every character of every line is in the .docx");
    assert!(doc.matches("yellow").count() >= seed.matches("XX").count().min(1));
}

/// On the project's compilation and, when it is there, the seed.
#[test]
fn a_compilation_exports_every_report_with_its_outline() {
    for seed in crate::test_seed::compilations() {
        a_compilation_exports_every_report_with_its_outline_in(&seed);
    }
}

fn a_compilation_exports_every_report_with_its_outline_in(seed: &str) {
    let analysis = crate::analysis::analyze(seed);
    let n = analysis.outline.reports.len();
    assert!(n >= 2, "the splitter finds the reports ({n})");
    let all: Vec<usize> = (0..n).collect();
    let input = crate::export::docx_input(seed, &analysis, &all, true);
    let parts = built(&input);
    let doc = part(&parts, "word/document.xml");
    let ps = paragraphs(doc);
    // Every report starts a page with its title; the TOC lists each title.
    let titles: Vec<String> = ps
        .iter()
        .filter(|p| style_of(p) == "GwTitle")
        .map(|p| text_of(p).replace('\n', ""))
        .collect();
    let expected: Vec<String> = analysis
        .outline
        .reports
        .iter()
        .map(|r| r.title.trim().to_string())
        .collect();
    assert_eq!(titles, expected);
    let sep = doc.find(r#"w:fldCharType="separate""#).unwrap();
    let end = doc[sep..].find(r#"w:fldCharType="end""#).unwrap() + sep;
    let cached = text_of(&doc[sep..end]);
    assert!(
        expected.iter().all(|t| cached.contains(t.as_str())),
        "{cached}"
    );
    // Every non-empty line after a title is a paragraph, word for word.
    let texts: Vec<String> = ps.iter().map(|p| text_of(p)).collect();
    for r in &analysis.outline.reports {
        for line in r.lines.clone() {
            if Some(line) == r.title_line {
                continue;
            }
            let t = seed[analysis.index.line_range(seed, line)].trim();
            if t.is_empty() {
                continue;
            }
            let is_date = r
                .roles
                .iter()
                .any(|x| x.line == line && x.role == LineRole::Date);
            let is_heading = r.outline.iter().any(|h| h.line == line);
            let want = if is_date {
                normalize_date(t).0
            } else if is_heading {
                // Heading markers are written with full-width brackets: "（五)" → "（五）".
                super::full_width_marker(t).into_owned()
            } else {
                t.to_string()
            };
            assert!(texts.contains(&want), "line {} missing: {want}", line + 1);
        }
    }
    // Numbered headings carry outline levels below their report title.
    let headings: usize = analysis
        .outline
        .reports
        .iter()
        .map(|r| {
            r.outline
                .iter()
                .filter(|h| !matches!(h.kind, HeadingKind::Ordinal | HeadingKind::InlineOrdinal))
                .filter(|h| Some(h.line) != r.title_line)
                .count()
        })
        .sum();
    let with_level = ps
        .iter()
        .filter(|p| {
            Regex::new(r#"<w:outlineLvl w:val="[1-4]"/>"#)
                .unwrap()
                .is_match(p)
        })
        .count();
    assert_eq!(with_level, headings);
    assert!(headings > 20, "{headings}");
}

/// A hand-built analysis of a short report, as the core's splitter and outline give it.
fn analysed() -> (String, Analysis) {
    let text = "2023年工作总结汇编\nXX县2023年工作总结\n县政府：\n　　今年以来，在XX的领导下，全县完成投资XX万元。\n一、主要成效\n（一）经济运行稳中有进。全年增长X%。\n一是抓项目。二是抓招商。\n\nXX县人民政府\n2023年01月03日\n";
    let index = LineIndex::new(text);
    let heading = |kind, level, line: usize, marker: &str| Heading {
        kind,
        level,
        number: 1,
        line,
        marker_range: index.line_start(line)..index.line_start(line) + marker.len(),
        text_range: index.line_start(line) + marker.len()..index.line_range(text, line).end,
    };
    let end = index.line_range(text, 9).end;
    let report = Report {
        title: "XX县2023年工作总结".into(),
        title_inferred: false,
        title_line: Some(1),
        label: None,
        lines: 1..10,
        range: index.line_start(1)..end,
        outline: vec![
            heading(HeadingKind::Chinese, 1, 4, "一、"),
            heading(HeadingKind::ParenChinese, 2, 5, "（一）"),
            heading(HeadingKind::Ordinal, 3, 6, "一是"),
        ],
        roles: vec![
            RoleLine {
                role: LineRole::Addressee,
                line: 2,
            },
            RoleLine {
                role: LineRole::SignOff,
                line: 8,
            },
            RoleLine {
                role: LineRole::Date,
                line: 9,
            },
        ],
        findings: vec![],
    };
    let mut placeholders = Vec::new();
    for (start, m) in text
        .match_indices("XX")
        .chain(text.match_indices("X%").map(|(i, _)| (i, "X")))
    {
        let line = index.line_of(start);
        placeholders.push(Placeholder::new(
            start..start + m.len(),
            PlaceholderKind::Other,
            None,
            None,
            line,
            index.column_of(text, start),
        ));
    }
    placeholders.sort_by_key(|p| p.range.start);
    let outline = Outline {
        title: Some("2023年工作总结汇编".into()),
        title_line: Some(0),
        toc: None,
        reports: vec![report],
    };
    (
        text.to_string(),
        Analysis {
            index,
            outline,
            placeholders,
            of: None,
            scanned: None,
        },
    )
}

#[test]
fn input_from_text_maps_lines_to_roles_and_highlights() {
    let (text, analysis) = analysed();
    let input = crate::export::docx_input(&text, &analysis, &[0], false);
    assert_eq!(input.title, None);
    assert_eq!(input.reports.len(), 1);
    let r = &input.reports[0];
    assert_eq!(r.title, "XX县2023年工作总结");
    use ParagraphRole::*;
    let roles: Vec<ParagraphRole> = r.paragraphs.iter().map(|p| p.role).collect();
    // Title line not repeated, blank line skipped, 一是 stays body text.
    assert_eq!(
        roles,
        vec![Addressee, Body, Heading(1), Heading(2), Body, SignOff, Date]
    );
    let body = &r.paragraphs[1];
    assert!(
        body.text.starts_with("今年以来"),
        "leading full-width indent trimmed: {}",
        body.text
    );
    let marked: Vec<&str> = body
        .highlights
        .iter()
        .map(|h| &body.text[h.clone()])
        .collect();
    assert_eq!(marked, vec!["XX", "XX"]);
    let h2 = &r.paragraphs[3];
    assert_eq!(
        h2.highlights
            .iter()
            .map(|h| &h2.text[h.clone()])
            .collect::<Vec<_>>(),
        vec!["X"]
    );
    assert_eq!(
        &r.paragraphs[5].text[r.paragraphs[5].highlights[0].clone()],
        "XX"
    );
    assert!(r.paragraphs[6].highlights.is_empty());

    let with_title = crate::export::docx_input(&text, &analysis, &[0], true);
    assert_eq!(with_title.title.as_deref(), Some("2023年工作总结汇编"));
    // Unknown report numbers are skipped, not a panic.
    assert!(
        crate::export::docx_input(&text, &analysis, &[7], false)
            .reports
            .is_empty()
    );

    // And the result exports: the date normalised, the placeholders marked.
    let parts = built(&input);
    let doc = part(&parts, "word/document.xml");
    assert!(para_with(doc, "2023年1月3日").contains("GwDate"));
    assert_eq!(doc.matches(r#"<w:highlight w:val="yellow"/>"#).count(), 4);
}

/// Writes the sample to /tmp/docxcheck for a look in LibreOffice:
/// `cargo test --lib export::docx::tests::write_sample -- --ignored`.
#[test]
#[ignore]
fn write_sample() {
    let dir = std::path::Path::new("/tmp/docxcheck");
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("single.docx"),
        build(&single(), &Preset::default()).unwrap(),
    )
    .unwrap();
    let mut second = sample_report();
    second.title = "县发展和改革局关于2023年度重点项目建设情况及下一步工作打算的报告".into();
    let input = DocxInput {
        title: Some("2023年度工作总结汇编（2篇）".into()),
        reports: vec![sample_report(), second],
        ..DocxInput::default()
    };
    std::fs::write(
        dir.join("compilation.docx"),
        build(&input, &Preset::default()).unwrap(),
    )
    .unwrap();
}

/// A compilation's .docx is a compressed package, as Word writes it: every part deflated,
/// the file a fraction of its parts' size, and the parts the same as before compression.
#[test]
fn the_package_is_compressed() {
    let text = crate::test_seed::COMPILATION;
    let analysis = crate::analysis::analyze(text);
    let all: Vec<usize> = (0..analysis.outline.reports.len()).collect();
    let input = crate::export::docx_input(text, &analysis, &all, true);
    let bytes = build(&input, &Preset::default()).expect("build");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).expect("a zip archive");
    let mut inflated = 0;
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        if f.is_dir() {
            continue;
        }
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{} is stored uncompressed",
            f.name()
        );
        inflated += f.size() as usize;
    }
    assert!(
        bytes.len() * 3 < inflated,
        "the package ({} bytes) is not a third of its parts ({inflated} bytes)",
        bytes.len()
    );
    let parts = unzip(&bytes);
    assert!(part(&parts, "word/document.xml").contains("关于"));
    assert!(parts.contains_key("[Content_Types].xml") && parts.contains_key("word/styles.xml"));
}

/// GB/T 9704 layers by marker kind, not by depth: in a report that has no 一、, （一） is
/// still 楷体 (layer 2) and 1. 仿宋; a long numbered sentence keeps only its marker in the
/// heading font; half-width heading brackets are written full-width.
#[test]
fn heading_fonts_follow_the_markers_layer_and_brackets_are_full_width() {
    let text = "关于2024年工作的报告\n\n(一)加强组织领导。全县上下统一思想。\n\
                1.按照县委统一部署，我们全面推进基层治理体系和治理能力现代化建设，\
                持续深化网格化管理服务，建立健全问题发现、分流、处置、反馈闭环机制，\
                群众满意度明显提升\n2.强化要素保障\n（二)强化督查考核\n";
    let analysis = crate::analysis::analyze(text);
    let input = crate::export::docx_input(text, &analysis, &[0], false);
    let roles: Vec<ParagraphRole> = input.reports[0].paragraphs.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            ParagraphRole::Heading(2),
            ParagraphRole::Heading(3),
            ParagraphRole::Heading(3),
            ParagraphRole::Heading(2)
        ]
    );
    let parts = built(&input);
    let doc = part(&parts, "word/document.xml");
    let ps = paragraphs(doc);
    let texts: Vec<String> = ps.iter().map(|p| text_of(p)).collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "（一）加强组织领导。全县上下统一思想。"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "（二）强化督查考核"), "{texts:?}");
    // The heading phrase in 楷体, the rest of the paragraph in the body font.
    let first = ps
        .iter()
        .find(|p| text_of(p).starts_with("（一）"))
        .unwrap();
    let kai = first.find("楷体").expect("the heading phrase is in 楷体");
    let rest = first.find("全县上下").unwrap();
    assert!(
        first[kai..rest].contains("仿宋"),
        "the body after the phrase is 仿宋: {first}"
    );
    // The long numbered sentence: only "1." in the heading font, the sentence in the body.
    let long = ps
        .iter()
        .find(|p| text_of(p).starts_with("1.按照"))
        .unwrap();
    let sentence = long.find("按照县委").unwrap();
    let last_font = long[..sentence].rfind("w:eastAsia=").unwrap();
    assert!(long[last_font..sentence].contains("仿宋"), "{long}");
}

/// Word's 文件→信息 shows these: the report's title, the author set in 设置 (none when it
/// is empty, never "unknown"), and the export time rather than 1970.
#[test]
fn document_properties_name_the_title_the_author_and_the_export_time() {
    let mut input = single();
    input.author = "白鹭镇党政办 & 张三".into();
    input.exported_at = Some(1_796_601_600);
    let parts = built(&input);
    let core = part(&parts, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>XX镇人民政府2023年工作总结及2024年工作计划</dc:title>"),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>白鹭镇党政办 &amp; 张三</dc:creator>"),
        "{core}"
    );
    assert!(
        core.contains(">2026-12-07T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(
        core.contains(">2026-12-07T00:00:00Z</dcterms:modified>"),
        "{core}"
    );
    assert!(part(&parts, "docProps/app.xml").contains("<Application>清稿 "));

    // No author set, no time given: no author at all, and the time is now.
    let parts = built(&single());
    let core = part(&parts, "docProps/core.xml");
    assert!(
        !core.contains("unknown") && !core.contains("creator"),
        "{core}"
    );
    assert!(!core.contains("1970-"), "{core}");
    let year: u32 = core
        .split("<dcterms:created xsi:type=\"dcterms:W3CDTF\">")
        .nth(1)
        .and_then(|t| t.get(..4))
        .and_then(|y| y.parse().ok())
        .expect("a created time");
    assert!(year >= 2026, "{core}");
}

/// Word's navigation pane shows a run-in heading's phrase, not its paragraph: the phrase is
/// a paragraph of its own with the outline level and a hidden mark (the style separator),
/// the body runs on in a body paragraph without a first-line indent. Off in the preset,
/// it is one paragraph.
#[test]
fn run_in_headings_use_the_style_separator_so_only_the_phrase_is_outlined() {
    let input = DocxInput {
        reports: vec![DocxReport {
            title: "关于工作的报告".into(),
            paragraphs: vec![
                DocxParagraph::new(
                    ParagraphRole::Heading(2),
                    "（一）加强组织领导。全县上下统一思想。",
                ),
                DocxParagraph::new(ParagraphRole::Heading(2), "（二）强化督查考核"),
            ],
        }],
        ..DocxInput::default()
    };
    let mut preset = Preset::default();
    assert!(
        !preset.style_separator,
        "off by default: LibreOffice shows two lines"
    );
    preset.style_separator = true;
    let parts = unzip(&build(&input, &preset).unwrap());
    let doc = part(&parts, "word/document.xml");
    let raw = raw_paragraphs(doc);
    let head = raw
        .iter()
        .position(|p| text_of(p) == "（一）加强组织领导。")
        .expect("the phrase is a paragraph");
    assert!(
        raw[head].contains("<w:vanish/><w:specVanish/>"),
        "{}",
        raw[head]
    );
    assert!(raw[head].contains("<w:outlineLvl "), "{}", raw[head]);
    let body = raw[head + 1];
    assert_eq!(text_of(body), "全县上下统一思想。");
    assert!(!body.contains("outlineLvl"), "{body}");
    assert!(body.contains(r#"w:firstLine="0""#), "{body}");
    assert_eq!(style_of(body), "GwBody");
    // A heading alone on its line has no separator.
    let alone = para_eq(doc, "（二）强化督查考核");
    assert!(!alone.contains("specVanish"));

    preset.style_separator = false;
    let parts = unzip(&build(&input, &preset).unwrap());
    let doc = part(&parts, "word/document.xml");
    assert!(!doc.contains("specVanish"));
    let one = para_eq(doc, "（一）加强组织领导。全县上下统一思想。");
    assert!(one.contains("<w:outlineLvl "), "{one}");
}
