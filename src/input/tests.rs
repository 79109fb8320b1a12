//! The Word reader on packages written part by part: what a user sees in Word must be the
//! text 清稿 reads, and every bad file must get a message, never a panic.

use super::testing::{Package, esc, level, numbered, para, run};
use crate::model::{Origin, SourceFormat};
use std::path::Path;

fn read(pkg: &Package) -> crate::Document {
    super::read_bytes(pkg.to_bytes(), Path::new("汇编.docx"), None).expect("reads")
}

fn lines(doc: &crate::Document) -> Vec<&str> {
    doc.text.lines().collect()
}

fn error(bytes: Vec<u8>) -> String {
    super::read_bytes(bytes, Path::new("坏文件.docx"), None)
        .expect_err("refused")
        .to_string()
}

const GONGWEN_LIST: &str = concat!(
    r#"<w:abstractNum w:abstractNumId="0">"#,
    r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>"#,
    r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>"#,
    r#"<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>"#,
    r#"</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
);

#[test]
fn numbered_headings_read_as_word_shows_them_and_reach_the_outline() {
    let mut pkg = Package::new(
        [
            para(&run("2023年XX区工作总结")),
            numbered(1, 0, &run("主要做法")),
            numbered(1, 1, &run("加强理论武装")),
            numbered(1, 1, &run("推动产业发展")),
            numbered(1, 2, &run("项目建设")),
            numbered(1, 0, &run("存在问题")),
            numbered(1, 1, &run("基础薄弱")),
        ]
        .concat(),
    );
    pkg.numbering = Some(GONGWEN_LIST.into());
    let doc = read(&pkg);
    assert_eq!(
        lines(&doc),
        [
            "2023年XX区工作总结",
            "一、主要做法",
            "（一）加强理论武装",
            "（二）推动产业发展",
            "1.项目建设",
            "二、存在问题",
            "（一）基础薄弱",
        ]
    );
    assert_eq!(doc.source.format, SourceFormat::Docx);
    assert_eq!(doc.source.paragraphs, 7);
    let a = crate::analysis::analyze(&doc.text);
    let markers: Vec<&str> = a.outline.reports[0]
        .outline
        .iter()
        .map(|h| h.marker(&doc.text))
        .collect();
    assert_eq!(
        markers,
        ["一、", "（一）", "（二）", "1.", "二、", "（一）"]
    );
}

#[test]
fn every_listed_number_format_and_a_start_override() {
    let formats = [
        ("chineseCounting", "一"),
        ("chineseCountingThousand", "一"),
        ("ideographTraditional", "甲"),
        ("decimal", "1"),
        ("decimalFullWidth", "１"),
        ("decimalEnclosedCircle", "①"),
        ("upperLetter", "A"),
        ("lowerLetter", "a"),
        ("upperRoman", "I"),
        ("lowerRoman", "i"),
    ];
    let mut defs = String::new();
    let mut body = String::new();
    for (i, (fmt, _)) in formats.iter().enumerate() {
        defs += &format!(
            r#"<w:abstractNum w:abstractNumId="{i}">{}</w:abstractNum><w:num w:numId="{}"><w:abstractNumId w:val="{i}"/></w:num>"#,
            level(0, fmt, "%1、", 1),
            i + 1
        );
        body += &numbered(i as u32 + 1, 0, &run("甲"));
        body += &numbered(i as u32 + 1, 0, &run("乙"));
    }
    // List 20 restarts list 1's definition at 5.
    defs += r#"<w:num w:numId="20"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#;
    body += &numbered(20, 0, &run("丙"));
    let mut pkg = Package::new(body);
    pkg.numbering = Some(defs);
    let doc = read(&pkg);
    let got = lines(&doc);
    for (i, (fmt, first)) in formats.iter().enumerate() {
        assert_eq!(got[2 * i], format!("{first}、甲"), "{fmt}");
    }
    assert_eq!(got[1], "二、乙");
    assert_eq!(got[11], "②、乙");
    assert_eq!(got[19], "ii、乙");
    assert_eq!(got[20], "五、丙");
}

#[test]
fn numbering_through_paragraph_styles_and_missing_levels() {
    let styles = concat!(
        r#"<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>"#,
        r#"<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#
    );
    let styled = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
            run(text)
        )
    };
    let body = [
        styled("H1", "总体情况"),
        styled("H2", "基本做法"),
        styled("H1b", "下步打算"),
        // A level the list does not define, and a list that does not exist: no number,
        // the text kept.
        numbered(1, 7, &run("第八层")),
        numbered(42, 0, &run("没有的列表")),
    ]
    .concat();
    let mut pkg = Package::new(body);
    pkg.numbering = Some(GONGWEN_LIST.into());
    pkg.styles = Some(styles.into());
    let doc = read(&pkg);
    assert_eq!(
        lines(&doc),
        [
            "一、总体情况",
            "（一）基本做法",
            "二、下步打算",
            "第八层",
            "没有的列表"
        ]
    );
}

#[test]
fn runs_join_so_a_split_placeholder_is_one() {
    let pkg = Package::new(para(
        &[run("全"), run("X"), run("X区完成投资"), run("1536万元")].concat(),
    ));
    let doc = read(&pkg);
    assert_eq!(doc.text, "全XX区完成投资1536万元\n");
    let a = crate::analysis::analyze(&doc.text);
    assert_eq!(a.placeholders.len(), 1);
    assert_eq!(&doc.text[a.placeholders[0].range.clone()], "XX");
}

#[test]
fn tabs_soft_breaks_tracked_changes_and_fields() {
    let body = [
        para(r#"<w:r><w:t>一是</w:t><w:tab/><w:t>抓落实</w:t><w:br/><w:t>二是</w:t><w:br w:type="page"/></w:r>"#),
        para(&format!(
            r#"{}<w:ins w:id="1"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>删去</w:delText></w:r></w:del>{}"#,
            run("保留"),
            run("。")
        )),
        para(&format!(
            r#"{}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            run("第"),
            run("3")
        )),
        para(r#"<w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月</w:t></w:r></w:fldSimple>"#),
    ]
    .concat();
    let doc = read(&Package::new(body));
    assert_eq!(
        lines(&doc),
        ["一是\t抓落实", "二是", "保留新增。", "第3", "2024年1月"]
    );
}

#[test]
fn tables_become_tab_rows() {
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", para(&run(t)));
    let body = format!(
        "{}<w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}<w:tc>{}{}</w:tc>{}</w:tr></w:tbl>{}",
        para(&run("表1 主要指标")),
        cell("指标"),
        cell("2023年"),
        cell("增长"),
        cell("GDP"),
        para(&run("1536")),
        para(&run("亿元")),
        cell("5.2%"),
        para(&run("表后正文")),
    );
    let doc = read(&Package::new(body));
    assert_eq!(
        lines(&doc),
        [
            "表1 主要指标",
            "指标\t2023年\t增长",
            "GDP\t1536 亿元\t5.2%",
            "表后正文"
        ]
    );
}

#[test]
fn headers_footers_hidden_text_links_and_text_boxes_keep_their_origin() {
    let mut pkg = Package::new(
        [
            para(&run("2023年工作总结")),
            para(&[
                run("正文"),
                r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的广告词</w:t></w:r>"#.to_string(),
                run("继续。"),
            ]
            .concat()),
            para(&format!(
                r#"<w:hyperlink r:id="rL1">{}</w:hyperlink>"#,
                run("更多精品范文请访问本站")
            )),
            // A text box, written twice as Word does (the shape and its VML fallback): read once,
            // after the paragraph it is anchored in.
            para(&format!(
                r#"{}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
                run("锚定段"),
                para(&run("文本框里的字")),
                para(&run("文本框里的字"))
            )),
            para(r#"<w:r><w:drawing><a:blip r:embed="rImg"/></w:drawing></w:r>"#),
        ]
        .concat(),
    );
    pkg.headers = vec![
        (true, para(&run("某某文库 页眉"))),
        (false, para(&run("第 1 页"))),
    ];
    pkg.links = vec![("rL1".into(), "https://example.com/more".into())];
    let doc = read(&pkg);
    assert_eq!(
        lines(&doc),
        [
            "某某文库 页眉",
            "2023年工作总结",
            "正文隐藏的广告词继续。",
            "更多精品范文请访问本站",
            "锚定段",
            "文本框里的字",
            "",
            "第 1 页",
        ]
    );
    let pieces: Vec<(&str, &Origin)> = doc
        .source
        .pieces
        .iter()
        .map(|p| (&doc.text[p.range.clone()], &p.origin))
        .collect();
    assert_eq!(
        pieces,
        [
            ("某某文库 页眉", &Origin::Header),
            ("隐藏的广告词", &Origin::Hidden),
            (
                "更多精品范文请访问本站",
                &Origin::Link {
                    target: "https://example.com/more".into()
                }
            ),
            ("文本框里的字", &Origin::TextBox),
            ("第 1 页", &Origin::Footer),
        ]
    );
    assert_eq!(doc.source.image_lines, [6]);
    assert_eq!(
        doc.source.images_notice().as_deref(),
        Some("本文档有 1 张图片未导入（第 7 行）")
    );
}

#[test]
fn footnotes_go_to_the_end_of_the_report_that_cites_them() {
    let report = |title: &str, cite: bool| {
        [
            para(&run(title)),
            para(&run("一、主要工作")),
            para(&format!(
                "{}{}",
                run("全年完成投资1536万元"),
                if cite {
                    r#"<w:r><w:footnoteReference w:id="2"/></w:r>"#
                } else {
                    ""
                }
            )),
            para(&run("二、下步打算")),
            para(&run("继续努力，再创佳绩。")),
        ]
        .concat()
    };
    let mut pkg = Package::new(
        [
            report("XX区2023年工作总结", true),
            report("XX局2023年工作总结", false),
        ]
        .concat(),
    );
    pkg.footnotes = Some(format!(
        r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2">{}</w:footnote>"#,
        para(&run("数据来源：区统计局。"))
    ));
    let doc = read(&pkg);
    let l = lines(&doc);
    assert_eq!(l[2], "全年完成投资1536万元[1]");
    assert_eq!(l[5], "[1] 数据来源：区统计局。");
    assert_eq!(l[6], "XX局2023年工作总结");
    let note = doc
        .source
        .pieces
        .iter()
        .find(|p| p.origin == Origin::Footnote)
        .expect("a footnote piece");
    assert_eq!(&doc.text[note.range.clone()], l[5]);
}

#[test]
fn comments_follow_their_paragraph_as_comments() {
    let mut pkg = Package::new(para(&format!(
        r#"{}<w:r><w:commentReference w:id="0"/></w:r>"#,
        run("正文一句。")
    )));
    pkg.comments = Some(format!(
        r#"<w:comment w:id="0" w:author="编辑">{}</w:comment>"#,
        para(&run("此处请核实"))
    ));
    let doc = read(&pkg);
    assert_eq!(lines(&doc), ["正文一句。", "此处请核实"]);
    assert_eq!(doc.source.count(&Origin::Comment), 1);
}

#[test]
fn a_word_file_under_another_name_is_read_as_what_it_is() {
    let bytes = Package::new(para(&run("工作总结"))).to_bytes();
    let doc = super::read_bytes(bytes, Path::new("下载.txt"), None).unwrap();
    assert_eq!(doc.text, "工作总结\n");
    assert_eq!(doc.source.format, SourceFormat::Docx);
}

/// A zip package with the given parts, stored as they are.
fn zip_of(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, data) in parts {
        z.start_file(*name, opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// An OLE file holding an encrypted package (a .docx with an open password).
fn encrypted_ooxml() -> Vec<u8> {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.extend(std::iter::repeat_n(0u8, 500));
    ole.extend(
        "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    ole
}

#[test]
fn bad_and_hostile_files_get_a_message_naming_the_file() {
    let good = Package::new(para(&run("正文"))).to_bytes();
    let mut cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_vec(), "不完整"),
        (
            "not word",
            zip_of(&[("readme.txt", b"hello")], zip::CompressionMethod::Stored),
            "压缩包",
        ),
        (
            "excel",
            zip_of(
                &[("xl/workbook.xml", b"<x/>")],
                zip::CompressionMethod::Stored,
            ),
            "Excel",
        ),
        ("empty document", Package::new(para("")).to_bytes(), "空"),
    ];
    cases.push(("encrypted", encrypted_ooxml(), "密码"));
    // A DTD with an entity: refused, never expanded.
    let mut dtd = Package::new(para(&run("&lol;")));
    dtd.body = para(r#"<w:r><w:t>&lol;</w:t></w:r>"#);
    let bytes = dtd.to_bytes();
    let doc_xml = unzip_part(&bytes, "word/document.xml");
    let evil = doc_xml.replacen(
        "<w:document",
        r#"<!DOCTYPE w:document [<!ENTITY lol "lollollollollol">]><w:document"#,
        1,
    );
    cases.push((
        "dtd",
        replace_part(&bytes, "word/document.xml", &evil),
        "DTD",
    ));
    // Deep nesting.
    let deep = format!(
        r#"<w:document xmlns:w="x"><w:body>{}{}</w:body></w:document>"#,
        "<w:sdt>".repeat(5000),
        "</w:sdt>".repeat(5000)
    );
    cases.push((
        "deep",
        replace_part(&good, "word/document.xml", &deep),
        "嵌套",
    ));
    // A decompression bomb: 64 MB of one byte, a few KB compressed.
    let bomb = vec![b' '; 64 << 20];
    cases.push((
        "bomb",
        zip_of(
            &[("word/document.xml", bomb.as_slice()), ("_rels/.rels", b"")],
            zip::CompressionMethod::Deflated,
        ),
        "压缩炸弹",
    ));
    for (what, bytes, expect) in cases {
        let e = error(bytes);
        assert!(
            e.contains("坏文件.docx") && e.contains(expect),
            "{what}: {e}"
        );
    }
}

fn unzip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn replace_part(bytes: &[u8], name: &str, content: &str) -> Vec<u8> {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        let n = f.name().to_string();
        let data = if n == name {
            content.as_bytes().to_vec()
        } else {
            data
        };
        parts.push((n, data));
    }
    let refs: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    zip_of(&refs, zip::CompressionMethod::Deflated)
}

/// The project's sample compilation and (when present) the seed, turned into Word
/// documents with their headings numbered by Word's lists: the same reports, titles,
/// outline and placeholders as the text.
#[test]
fn a_compilation_as_a_word_file_analyses_like_its_text() {
    let mut texts = vec![(
        "sample",
        include_str!("../../assets/sample.txt").to_string(),
    )];
    texts.push(("fixture", crate::test_seed::COMPILATION.to_string()));
    if let Some(seed) = crate::test_seed::seed() {
        texts.push(("seed", seed));
    }
    for (name, text) in texts {
        let text = text.replace("\r\n", "\n");
        let (bytes, numbered) = super::testing::from_text(&text);
        assert!(
            numbered > 3,
            "{name}: only {numbered} headings numbered by Word"
        );
        let doc = super::read_bytes(bytes, Path::new("x.docx"), None).unwrap();
        let want = crate::analysis::analyze(&text);
        let got = crate::analysis::analyze(&doc.text);
        assert_eq!(doc.text.trim_end(), text.trim_end(), "{name}: text");
        let titles = |a: &crate::analysis::Analysis| -> Vec<String> {
            a.outline.reports.iter().map(|r| r.title.clone()).collect()
        };
        assert_eq!(titles(&got), titles(&want), "{name}: titles");
        let outline = |a: &crate::analysis::Analysis, t: &str| -> Vec<(String, String, u8)> {
            a.outline
                .reports
                .iter()
                .flat_map(|r| r.outline.iter())
                .map(|h| (h.marker(t).to_string(), h.text(t).to_string(), h.level))
                .collect()
        };
        assert_eq!(
            outline(&got, &doc.text),
            outline(&want, &text),
            "{name}: outline"
        );
        let holes = |a: &crate::analysis::Analysis| a.placeholders.len();
        assert_eq!(holes(&got), holes(&want), "{name}: placeholders");
    }
    let _ = esc("");
}

/// A site's Word file: its junk comes in a header, a footer, hidden text, a link and a text
/// box; the same kinds of piece also carry content, which stays.
fn site_package() -> Package {
    let mut pkg = Package::new(
        [
            para(&run("XX区2023年工作总结")),
            para(&[
                run("今年以来，全区上下"),
                r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>下载更多精品范文</w:t></w:r>"#.into(),
                run("凝心聚力，完成投资1536万元。"),
            ]
            .concat()),
            para(&format!(
                r#"{}<w:hyperlink r:id="rL1">{}</w:hyperlink>{}"#,
                run("详见"),
                run("《XX区国民经济和社会发展统计公报》"),
                run("。")
            )),
            para(&format!(
                r#"<w:hyperlink r:id="rL2">{}</w:hyperlink>"#,
                run("更多范文请访问 www.fanwen-demo.cc")
            )),
            para(&format!(
                r#"{}<w:r><w:drawing><wps:txbx><w:txbxContent>{}{}</w:txbxContent></wps:txbx></w:drawing></w:r>"#,
                run("一、主要工作"),
                para(&run("扫码关注公众号，免费下载更多范文")),
                para(&run("图1 全区项目分布"))
            )),
            para(&format!(
                r#"{}<w:r><w:commentReference w:id="0"/></w:r>"#,
                run("二、下步打算")
            )),
            para(&run("继续推进各项工作。")),
        ]
        .concat(),
    );
    pkg.headers = vec![
        (true, para(&run("范文网 www.fanwen-demo.cc"))),
        (false, para(&run("第 1 页"))),
    ];
    pkg.links = vec![
        ("rL1".into(), "https://tjj.example.gov.cn/gb".into()),
        ("rL2".into(), "https://www.fanwen-demo.cc".into()),
    ];
    pkg.comments = Some(format!(
        r#"<w:comment w:id="0">{}</w:comment>"#,
        para(&run("编辑：此处待核"))
    ));
    pkg
}

#[test]
fn word_rules_remove_junk_pieces_by_origin_and_keep_content() {
    let doc = read(&site_package());
    let rules = crate::clean::RuleSet::default().with_origins(&doc.source);
    let (_, edits) = crate::analysis::analyze_and_plan(&doc.text, &rules);
    let cleaned = crate::edit::apply(&doc.text, &edits).text;
    assert_eq!(
        cleaned,
        "XX区2023年工作总结\n今年以来，全区上下凝心聚力，完成投资1536万元。\n详见《XX区国民经济和社会发展统计公报》。\n一、主要工作\n图1 全区项目分布\n二、下步打算\n继续推进各项工作。\n"
    );
    // The Word rules alone (the text's advert rules off) take the same junk.
    let mut word_only = rules.clone();
    for id in [
        crate::clean::ids::ADVERT_LINES,
        crate::clean::ids::ADVERT_BLOCKS,
    ] {
        word_only.set_enabled(id, false);
    }
    let (_, edits) = crate::analysis::analyze_and_plan(&doc.text, &word_only);
    assert_eq!(crate::edit::apply(&doc.text, &edits).text, cleaned);
    let by_rule = crate::clean::counts(&edits);
    for id in [
        crate::clean::ids::WORD_HEADERS,
        crate::clean::ids::WORD_HIDDEN,
        crate::clean::ids::WORD_LINK_ADVERTS,
        crate::clean::ids::WORD_TEXT_BOX_ADVERTS,
        crate::clean::ids::WORD_COMMENTS,
    ] {
        assert!(by_rule.contains_key(id), "{id} made no edit: {by_rule:?}");
    }
    // Each rule can be switched off, like every other: the hidden text then stays.
    let mut keep = rules.clone();
    keep.set_enabled(crate::clean::ids::WORD_HIDDEN, false);
    let (_, edits) = crate::analysis::analyze_and_plan(&doc.text, &keep);
    let kept = crate::edit::apply(&doc.text, &edits).text;
    assert!(kept.contains("全区上下下载更多精品范文凝心聚力"), "{kept}");
    // Cleaning the cleaned text again changes nothing, even with the stale origins.
    let (_, again) = crate::analysis::analyze_and_plan(&cleaned, &rules);
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn word_rules_still_find_their_pieces_after_fills() {
    let doc = read(&site_package());
    let rules = crate::clean::RuleSet::default().with_origins(&doc.source);
    let mut answers = crate::placeholder::Answers::default();
    answers.groups.insert("XX区".into(), "浔阳".into());
    let cleaned = crate::clean::apply(&doc.text, &rules, &answers, false).0;
    assert!(
        cleaned.text.starts_with("浔阳区2023年工作总结\n"),
        "{}",
        cleaned.text
    );
    for junk in ["第 1 页", "下载更多", "www.", "公众号", "此处待核"] {
        assert!(
            !cleaned.text.contains(junk),
            "{junk} left in {}",
            cleaned.text
        );
    }
    assert!(
        cleaned
            .text
            .contains("《浔阳区国民经济和社会发展统计公报》")
    );
}

/// RTF is text, but read as text its markup would become the document: it is refused
/// with its name, and LibreOffice may open it. Which refusals LibreOffice may help with.
#[test]
fn rtf_is_refused_and_what_libreoffice_may_open_is_told_apart() {
    use super::convert::may_help;
    let refuse = |bytes: Vec<u8>, name: &str| {
        super::read_bytes(bytes, Path::new(name), None).expect_err("refused")
    };
    let rtf = refuse(
        b"\xEF\xBB\xBF {\\rtf1\\ansi \\par XX\\par}".to_vec(),
        "汇编.rtf",
    );
    assert!(rtf.to_string().contains("汇编.rtf"), "{rtf}");
    assert!(rtf.to_string().contains("RTF"), "{rtf}");
    assert!(may_help(&rtf));
    let odt = refuse(
        zip_of(
            &[
                ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ("content.xml", b"<x/>"),
            ],
            zip::CompressionMethod::Stored,
        ),
        "汇编.odt",
    );
    assert!(may_help(&odt), "{odt}");
    let old_wps = refuse(
        super::testing::ole(&[("WksSSWorkBook", b"\x01\x02")]),
        "汇编.wps",
    );
    assert!(may_help(&old_wps), "{old_wps}");
    let unknown = refuse(b"\x01\x00\x02\x00binary".to_vec(), "汇编.wps");
    assert!(may_help(&unknown), "{unknown}");
    // Not: a password (LibreOffice would need it too), a bomb or DTD, a picture, an empty file.
    assert!(!may_help(&refuse(encrypted_ooxml(), "有密码.docx")));
    let bytes = Package::new(para(&run("正文"))).to_bytes();
    let evil = unzip_part(&bytes, "word/document.xml").replacen(
        "<w:document",
        r#"<!DOCTYPE w:document [<!ENTITY lol "lol">]><w:document"#,
        1,
    );
    let dtd = refuse(
        replace_part(&bytes, "word/document.xml", &evil),
        "恶意.docx",
    );
    assert!(!may_help(&dtd), "{dtd}");
    assert!(!may_help(&refuse(
        b"\x89PNG\r\n\x1a\n....".to_vec(),
        "图.txt"
    )));
    assert!(!may_help(&refuse(b"  \n".to_vec(), "空.txt")));
}

#[test]
fn libreoffice_is_found_on_the_search_path_only_when_executable() {
    use super::convert::find_office_in;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let path = std::env::join_paths([&a, &b]).unwrap();
    assert_eq!(find_office_in(&path), None);
    let lo = b.join("libreoffice");
    std::fs::write(&lo, "#!/bin/sh\n").unwrap();
    assert_eq!(find_office_in(&path), None, "not executable");
    std::fs::set_permissions(&lo, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(find_office_in(&path), Some(lo));
    let soffice = b.join("soffice");
    std::fs::write(&soffice, "#!/bin/sh\n").unwrap();
    std::fs::set_permissions(&soffice, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(find_office_in(&path), Some(soffice), "soffice first");
}
