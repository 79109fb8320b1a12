//! Writes the .docx inputs that scripts/make_doc_fixtures.sh turns into .doc/.wps fixtures
//! with LibreOffice: `cargo run --no-default-features --example word_fixtures -- DIR`.
//! The .docx are built with the project's own fixture code (qinggao::input::testing), so
//! what Word would number (一、（一）1.) is a list paragraph, not typed text.

use qinggao::input::testing::{Package, level, numbered, para, run};
use std::path::PathBuf;

/// The 公文 heading levels 一、 （一） 1. as one list definition, with two list instances
/// (one per report) so the second report starts again at 一、.
fn gongwen_lists() -> String {
    let levels: String = [
        level(0, "chineseCounting", "%1、", 1),
        level(1, "chineseCounting", "（%2）", 1),
        level(2, "decimal", "%3.", 1),
    ]
    .concat();
    let mut out = String::new();
    for id in [1, 2] {
        out += &format!(r#"<w:abstractNum w:abstractNumId="{id}">{levels}</w:abstractNum>"#);
    }
    for id in [1, 2] {
        out += &format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{id}"/></w:num>"#);
    }
    out
}

fn cell(text: &str) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"2800\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
        para(&run(text))
    )
}

fn table(rows: &[&[&str]]) -> String {
    let grid: String = (0..rows[0].len())
        .map(|_| r#"<w:gridCol w:w="2800"/>"#)
        .collect();
    let body: String = rows
        .iter()
        .map(|r| {
            format!(
                "<w:tr>{}</w:tr>",
                r.iter().map(|c| cell(c)).collect::<String>()
            )
        })
        .collect();
    format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"#
    )
}

/// A compilation of two reports: numbered headings, a table, a footnote, a header with an
/// advert line and a footer, Chinese with Latin letters and digits.
fn compilation() -> Package {
    let body = vec![
        para(&run("2023年XX区工作总结及计划汇编（2篇）")),
        para(""),
        para(&run("XX区2023年工作总结")),
        para(&format!(
            "{}{}{}",
            run("2023年，XX区完成地区生产总值125.6亿元，同比增长6.5%，GDP增速居全市第2位"),
            r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>"#,
            run("。")
        )),
        numbered(1, 0, &run("主要做法")),
        numbered(1, 1, &run("加强理论武装")),
        para(&run("全年开展集中学习XX次，覆盖党员干部XXX人。")),
        numbered(1, 1, &run("推动产业发展")),
        numbered(1, 2, &run("项目建设")),
        para(&run("新建项目12个，总投资3.5亿元，其中5G基站建设完成80%。")),
        numbered(1, 2, &run("招商引资")),
        para(&run("引进企业XX家，到位资金XX亿元。")),
        table(&[
            &["指标", "2022年", "2023年"],
            &["地区生产总值（亿元）", "117.9", "125.6"],
            &["固定资产投资增速", "5.1%", "7.2%"],
        ]),
        numbered(1, 0, &run("存在问题")),
        para(&run("基础设施仍有短板，城乡发展还不平衡。")),
        para(&run("XX区人民政府")),
        para(&run("2023年12月20日")),
        para(""),
        para(""),
        para(&run("XX镇2024年工作计划")),
        para(&run(
            "2024年，XX镇将围绕“三个一”目标，推动全镇经济社会高质量发展。",
        )),
        numbered(2, 0, &run("总体要求")),
        para(&run("坚持稳中求进工作总基调，GDP增长7%以上。")),
        numbered(2, 0, &run("重点任务")),
        numbered(2, 1, &run("抓好乡村振兴")),
        para(&run("新建高标准农田XXXX亩，发展特色产业X个。")),
        numbered(2, 1, &run("抓好民生实事")),
        para(&run("改造农村公路XX公里，新建养老服务站X个。")),
        para(&run("XX镇人民政府")),
        para(&run("2024年1月5日")),
    ];
    let mut pkg = Package::new(body.concat());
    pkg.numbering = Some(gongwen_lists());
    pkg.headers = vec![
        (
            true,
            para(&run(
                "本文档由范文网整理 下载更多范文请访问 www.fanwen-demo.cc",
            )),
        ),
        (false, para(&run("第 1 页"))),
    ];
    pkg.footnotes = Some(format!(
        r#"<w:footnote w:id="1">{}</w:footnote>"#,
        para(&run("数据来源：XX区统计局2024年1月发布。"))
    ));
    pkg
}

/// A site's Word file: hidden text, links (one content, one advert), a tracked change,
/// a soft break, a field and a comment.
fn site() -> Package {
    let body = [
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
        para(&[
            run("全年新增就业"),
            r#"<w:del w:id="11" w:author="editor" w:date="2024-01-02T00:00:00Z"><w:r><w:delText>1000</w:delText></w:r></w:del>"#.into(),
            r#"<w:ins w:id="12" w:author="editor" w:date="2024-01-02T00:00:00Z"><w:r><w:t>1200</w:t></w:r></w:ins>"#.into(),
            run("人。"),
        ]
        .concat()),
        para(r#"<w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r>"#),
        para(&[
            run("一、主要工作"),
            r#"<w:r><w:commentReference w:id="0"/></w:r>"#.into(),
        ]
        .concat()),
        para(&run("继续推进各项工作。")),
    ]
    .concat();
    let mut pkg = Package::new(body);
    pkg.links = vec![
        ("rL1".into(), "https://tjj.example.gov.cn/gb".into()),
        ("rL2".into(), "https://www.fanwen-demo.cc".into()),
    ];
    pkg.comments = Some(format!(
        r#"<w:comment w:id="0" w:author="editor">{}</w:comment>"#,
        para(&run("编辑：此处待核"))
    ));
    pkg
}

/// Headings numbered through their paragraph styles (标题 1/2 linked to a list), as
/// templates do.
fn styled() -> Package {
    let styled = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
            run(text)
        )
    };
    let body = [
        para(&run("XX县2023年工作总结")),
        styled("Heading1", "主要成效"),
        styled("Heading2", "经济运行稳中向好"),
        para(&run("全县完成生产总值XX亿元。")),
        styled("Heading2", "民生保障持续加强"),
        styled("Heading1", "下步打算"),
        para(&run("继续推进各项工作。")),
    ]
    .concat();
    let mut pkg = Package::new(body);
    pkg.numbering = Some(format!(
        r#"<w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
        level(0, "chineseCounting", "%1、", 1)
            .replace("<w:start", r#"<w:pStyle w:val="Heading1"/><w:start"#),
        level(1, "chineseCounting", "（%2）", 1)
            .replace("<w:start", r#"<w:pStyle w:val="Heading2"/><w:start"#),
    ));
    pkg.styles = Some(
        [("Heading1", "heading 1", 0), ("Heading2", "heading 2", 1)]
            .iter()
            .map(|(id, name, ilvl)| {
                format!(
                    r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#
                )
            })
            .collect(),
    );
    pkg
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("compilation.docx"), compilation().to_bytes())?;
        std::fs::write(dir.join("site.docx"), site().to_bytes())?;
        std::fs::write(dir.join("styled.docx"), styled().to_bytes())
    };
    if let Err(e) = write() {
        eprintln!("word_fixtures: {}: {e}", dir.display());
        std::process::exit(1);
    }
}
