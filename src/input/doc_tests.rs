//! The .doc/.wps reader on files LibreOffice wrote (tests/fixtures/word, made by
//! scripts/make_doc_fixtures.sh) and on files built here byte by byte: the text must be
//! what LibreOffice extracts, the compilation must analyse like its text, and every bad
//! file must get a message naming it, never a panic.

use super::testing::{DocText, doc, doc_with_sprms, fib_fc_lcb_at, ole, ole_streams};
use crate::model::{Origin, SourceFormat};
use std::path::Path;

const COMPILATION: &[u8] = include_bytes!("../../tests/fixtures/word/compilation.doc");
const COMPILATION_LO: &str = include_str!("../../tests/fixtures/word/compilation.lo.txt");
const COMPILATION_WPS: &[u8] = include_bytes!("../../tests/fixtures/word/compilation.wps");
const SITE: &[u8] = include_bytes!("../../tests/fixtures/word/site.doc");
const SITE_LO: &str = include_str!("../../tests/fixtures/word/site.lo.txt");
const STYLED: &[u8] = include_bytes!("../../tests/fixtures/word/styled.doc");
const STYLED_LO: &str = include_str!("../../tests/fixtures/word/styled.lo.txt");

fn read(bytes: &[u8], name: &str) -> crate::Document {
    super::read_bytes(bytes.to_vec(), Path::new(name), None).expect("reads")
}

fn error(bytes: Vec<u8>) -> String {
    let e = super::read_bytes(bytes, Path::new("坏文件.doc"), None).expect_err("refused");
    assert!(
        matches!(e, crate::Error::BadDocument { .. }),
        "not a BadDocument: {e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("坏文件.doc"),
        "the message names the file: {msg}"
    );
    msg
}

/// The body of a document as LibreOffice's text export writes it: no header, footer or
/// footnote text, each table cell a line, a note mark as its number.
fn as_libreoffice_lines(doc: &crate::Document) -> Vec<String> {
    let mut text = doc.text.clone();
    let mut pieces: Vec<_> = doc
        .source
        .pieces
        .iter()
        .filter(|p| {
            matches!(
                p.origin,
                Origin::Header | Origin::Footer | Origin::Footnote | Origin::Comment
            )
        })
        .collect();
    pieces.sort_by_key(|p| std::cmp::Reverse(p.range.start));
    for p in pieces {
        // The piece and its newline.
        let end = (p.range.end + 1).min(text.len());
        text.replace_range(p.range.start..end, "");
    }
    let marks = regex::Regex::new(r"\[(\d+)\]").unwrap();
    let text = marks.replace_all(&text, "$1").replace('\t', "\n");
    squeeze(&text)
}

/// Lines without their blanks (LibreOffice indents list paragraphs and puts a space after
/// a list number), trailing empty lines dropped.
fn squeeze(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    while lines.last().is_some_and(|l: &String| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[test]
fn a_doc_reads_as_the_text_libreoffice_extracts() {
    let doc = read(COMPILATION, "汇编.doc");
    assert_eq!(doc.source.format, SourceFormat::Doc);
    assert_eq!(as_libreoffice_lines(&doc), squeeze(COMPILATION_LO));
    let lines: Vec<&str> = doc.text.lines().collect();
    // Word's list numbers as Word shows them, table rows as tab lines, the note mark.
    for want in [
        "一、主要做法",
        "（一）加强理论武装",
        "（二）推动产业发展",
        "1.项目建设",
        "2.招商引资",
        "二、存在问题",
        "指标\t2022年\t2023年",
        "地区生产总值（亿元）\t117.9\t125.6",
        "2023年，XX区完成地区生产总值125.6亿元，同比增长6.5%，GDP增速居全市第2位[1]。",
    ] {
        assert!(lines.contains(&want), "{want:?} not in {lines:#?}");
    }
    // The second report's list starts again at 一、.
    let second = lines
        .iter()
        .position(|l| *l == "XX镇2024年工作计划")
        .unwrap();
    assert_eq!(lines[second + 2], "一、总体要求");
    // Header, footer and footnote are there, each with its origin.
    let origin_of = |text: &str| {
        doc.source
            .pieces
            .iter()
            .find(|p| p.text.contains(text))
            .map(|p| p.origin.clone())
    };
    assert_eq!(origin_of("下载更多范文"), Some(Origin::Header));
    assert_eq!(origin_of("第 1 页"), Some(Origin::Footer));
    assert_eq!(
        origin_of("[1] 数据来源：XX区统计局"),
        Some(Origin::Footnote)
    );
}

#[test]
fn a_doc_compilation_splits_into_its_reports_like_the_text() {
    let doc = read(COMPILATION, "汇编.doc");
    let got = crate::analysis::analyze(&doc.text);
    // LibreOffice's text, its list numbers joined to their headings as typed.
    let lo: String = COMPILATION_LO
        .lines()
        .map(|l| {
            let l = l.trim_start();
            match l.split_once(' ') {
                Some((label, rest)) if label.ends_with(['、', '）', '.']) => {
                    format!("{label}{rest}\n")
                }
                _ => format!("{l}\n"),
            }
        })
        .collect();
    let want = crate::analysis::analyze(&lo);
    let titles = |a: &crate::analysis::Analysis| -> Vec<String> {
        a.outline.reports.iter().map(|r| r.title.clone()).collect()
    };
    assert_eq!(
        titles(&got),
        ["XX区2023年工作总结", "XX镇2024年工作计划"],
        "{}",
        doc.text
    );
    assert_eq!(titles(&got), titles(&want));
    let outline = |a: &crate::analysis::Analysis, t: &str| -> Vec<Vec<(String, String, u8)>> {
        a.outline
            .reports
            .iter()
            .map(|r| {
                r.outline
                    .iter()
                    .map(|h| (h.marker(t).to_string(), h.text(t).to_string(), h.level))
                    .collect()
            })
            .collect()
    };
    let got_outline = outline(&got, &doc.text);
    assert_eq!(got_outline, outline(&want, &lo));
    let markers: Vec<&str> = got_outline[0].iter().map(|h| h.0.as_str()).collect();
    assert_eq!(markers, ["一、", "（一）", "（二）", "1.", "2.", "二、"]);
    // The same placeholders, but for the footnote's, which the text export leaves out.
    let note = doc
        .source
        .pieces
        .iter()
        .find(|p| p.origin == Origin::Footnote)
        .unwrap();
    let in_note = got
        .placeholders
        .iter()
        .filter(|p| p.range.start >= note.range.start && p.range.end <= note.range.end)
        .count();
    assert!(in_note > 0);
    assert_eq!(got.placeholders.len() - in_note, want.placeholders.len());
}

#[test]
fn headings_numbered_through_their_styles_reach_the_outline() {
    let doc = read(STYLED, "样式.doc");
    assert_eq!(as_libreoffice_lines(&doc), squeeze(STYLED_LO));
    let a = crate::analysis::analyze(&doc.text);
    let outline: Vec<(&str, &str, u8)> = a.outline.reports[0]
        .outline
        .iter()
        .map(|h| (h.marker(&doc.text), h.text(&doc.text), h.level))
        .collect();
    assert_eq!(
        outline,
        [
            ("一、", "主要成效", 1),
            ("（一）", "经济运行稳中向好", 2),
            ("（二）", "民生保障持续加强", 2),
            ("二、", "下步打算", 1),
        ]
    );
}

#[test]
fn a_wps_file_reads_like_the_doc_and_says_it_is_wps() {
    let wps = read(COMPILATION_WPS, "汇编.wps");
    let doc = read(COMPILATION, "汇编.doc");
    assert_eq!(wps.source.format, SourceFormat::Wps);
    assert_eq!(wps.text, doc.text);
    // A file that WPS saved says so in its summary information, whatever its name.
    let mut streams = ole_streams(COMPILATION);
    streams.retain(|(n, _)| !n.ends_with("SummaryInformation"));
    let mut info = vec![0xFE, 0xFF, 0, 0];
    info.extend(b"\x1e\0\0\0\x0b\0\0\0WPS Office\0");
    streams.push(("/\u{5}SummaryInformation".into(), info));
    let refs: Vec<(&str, &[u8])> = streams
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let by_wps = read(&ole(&refs), "下载.doc");
    assert_eq!(by_wps.source.format, SourceFormat::Wps);
    assert_eq!(by_wps.text, doc.text);
    // A .doc under a .docx or .txt name is still read as a .doc.
    let renamed = read(COMPILATION, "汇编.txt");
    assert_eq!(renamed.source.format, SourceFormat::Doc);
    assert_eq!(renamed.text, doc.text);
}

#[test]
fn hidden_text_links_tracked_changes_and_comments_keep_their_origin() {
    let doc = read(SITE, "网站.doc");
    let lines: Vec<&str> = doc.text.lines().collect();
    assert_eq!(
        lines,
        [
            "XX区2023年工作总结",
            "今年以来，全区上下下载更多精品范文凝心聚力，完成投资1536万元。",
            "详见《XX区国民经济和社会发展统计公报》。",
            "更多范文请访问 www.fanwen-demo.cc",
            // Word's final view: the deletion dropped, the insertion kept.
            "全年新增就业1200人。",
            "第一行",
            "第二行",
            "一、主要工作",
            "编辑：此处待核",
            "继续推进各项工作。",
        ]
    );
    // LibreOffice's text export shows deleted and inserted text both; the rest is the same.
    assert!(SITE_LO.contains("全年新增就业10001200人。"));
    let mut lo = squeeze(SITE_LO);
    lo.retain(|l| !l.contains("10001200"));
    let mut ours = as_libreoffice_lines(&doc);
    ours.retain(|l| !l.contains("1200"));
    assert_eq!(ours, lo);
    let origins: Vec<(&Origin, &str)> = doc
        .source
        .pieces
        .iter()
        .map(|p| (&p.origin, p.text.as_str()))
        .collect();
    assert_eq!(
        origins,
        [
            (&Origin::Hidden, "下载更多精品范文"),
            (
                &Origin::Link {
                    target: "https://tjj.example.gov.cn/gb".into()
                },
                "《XX区国民经济和社会发展统计公报》"
            ),
            (
                &Origin::Link {
                    target: "https://www.fanwen-demo.cc/".into()
                },
                "更多范文请访问 www.fanwen-demo.cc"
            ),
            (&Origin::Comment, "编辑：此处待核"),
        ]
    );
    // The Word 文档 rules take the junk and keep the content link.
    let rules = crate::clean::RuleSet::default().with_origins(&doc.source);
    let (_, edits) = crate::analysis::analyze_and_plan(&doc.text, &rules);
    let cleaned = crate::edit::apply(&doc.text, &edits).text;
    assert!(cleaned.contains("全区上下凝心聚力"), "{cleaned}");
    assert!(cleaned.contains("详见《XX区国民经济和社会发展统计公报》。"));
    for junk in ["下载更多", "www.", "此处待核"] {
        assert!(!cleaned.contains(junk), "{junk} left in {cleaned}");
    }
}

#[test]
fn eight_bit_pieces_in_gbk_cp1252_and_utf16_pieces_side_by_side() {
    let gbk = DocText::EightBit(encoding_rs::GBK);
    let latin = DocText::EightBit(encoding_rs::WINDOWS_1252);
    // A WPS-style file: GBK bytes in 8-bit pieces, the language id saying Chinese.
    let bytes = doc(
        &[
            ("XX区2023年工作总结\n一、主要做法\n", gbk),
            ("全年完成投资12亿元。\n", DocText::Utf16),
        ],
        0x0804,
    );
    let d = read(&bytes, "旧文件.doc");
    assert_eq!(
        d.text,
        "XX区2023年工作总结\n一、主要做法\n全年完成投资12亿元。\n"
    );
    // The same bytes under an English language id: the bytes say GBK.
    let bytes = doc(&[("关于开展安全生产大检查的通知\n", gbk)], 0x0409);
    assert_eq!(read(&bytes, "x.doc").text, "关于开展安全生产大检查的通知\n");
    // Western text in an 8-bit piece is cp1252, as the spec says.
    let bytes = doc(&[("Café “quoted” – 5 €\n", latin)], 0x0409);
    assert_eq!(read(&bytes, "x.doc").text, "Café “quoted” – 5 €\n");
}

/// A fast-saved file gives a piece its properties through the piece table's own sprms.
#[test]
fn pieces_hidden_or_deleted_by_their_own_sprms() {
    const VANISH: &[u8] = &[0x3C, 0x08, 1];
    const DELETED: &[u8] = &[0x00, 0x08, 1];
    let bytes = doc_with_sprms(
        &[
            ("今年以来，全区上下", DocText::Utf16, &[]),
            ("下载更多精品范文", DocText::Utf16, VANISH),
            ("凝心聚力，完成投资", DocText::Utf16, &[]),
            ("1000", DocText::Utf16, DELETED),
            ("1536万元。\n", DocText::Utf16, &[]),
        ],
        0x0804,
    );
    let d = read(&bytes, "快速保存.doc");
    assert_eq!(
        d.text,
        "今年以来，全区上下下载更多精品范文凝心聚力，完成投资1536万元。\n"
    );
    let pieces: Vec<(&Origin, &str)> = d
        .source
        .pieces
        .iter()
        .map(|p| (&p.origin, p.text.as_str()))
        .collect();
    assert_eq!(pieces, [(&Origin::Hidden, "下载更多精品范文")]);
}

#[test]
fn the_piece_decoder_on_bytes_built_by_hand() {
    use super::doc::{CodePage, code_page, decode_8bit};
    let table: Vec<char> = (0u8..=255)
        .map(|b| {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&[b])
                .0
                .chars()
                .next()
                .unwrap()
        })
        .collect();
    // 中文 in GBK, an ASCII digit, a lead byte cut off at the end.
    let bytes = [0xD6, 0xD0, 0xCE, 0xC4, b'1', 0xB0];
    let mut out = Vec::new();
    decode_8bit(&bytes, CodePage::Gbk, &table, &mut out);
    // One entry a byte, so character positions stay those of the file.
    assert_eq!(out.len(), bytes.len());
    let shown: String = out.iter().filter(|&&c| c != '\u{FFFF}').collect();
    assert_eq!(shown, "中文1\u{FFFD}");
    assert_eq!(code_page(0x0804, 0, 0, &bytes[..5]), CodePage::Gbk);
    assert_eq!(code_page(0x0409, 0x0409, 0, &bytes[..5]), CodePage::Gbk);
    assert_eq!(
        code_page(0x0409, 0x0409, 0, b"plain ascii"),
        CodePage::Cp1252
    );
    // "Café " is no GBK: é followed by a space is not a double-byte character.
    assert_eq!(
        code_page(0x0804, 0, 0, b"Caf\xE9 au lait"),
        CodePage::Cp1252
    );
    assert_eq!(
        code_page(0x0404, 0, 0, &[0xA4, 0xA4, 0xA4, 0xE5]),
        CodePage::Big5
    );
}

/// The file with one of its streams changed by `change`.
fn patched(bytes: &[u8], stream: &str, change: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut streams = ole_streams(bytes);
    assert!(!streams.is_empty());
    let s = streams
        .iter_mut()
        .find(|(n, _)| n == stream)
        .unwrap_or_else(|| panic!("no {stream}"));
    change(&mut s.1);
    let refs: Vec<(&str, &[u8])> = streams
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    ole(&refs)
}

#[test]
fn bad_and_hostile_doc_files_get_a_message_naming_the_file() {
    // Cut short, at every kind of place.
    for len in [9, 512, 1000, 4096, 7000, COMPILATION.len() - 100] {
        let msg = error(COMPILATION[..len].to_vec());
        assert!(
            msg.contains("损坏") || msg.contains("不完整"),
            "{len}: {msg}"
        );
    }
    // Random bytes after the OLE signature.
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut random = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect()
    };
    let mut junk = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    junk.extend(random(6000));
    error(junk);
    // A password: fEncrypted in the FIB.
    let locked = patched(COMPILATION, "/WordDocument", |w| w[11] |= 0x01);
    let msg = error(locked);
    assert!(msg.contains("密码") && msg.contains("另存"), "{msg}");
    // A piece table that claims millions of pieces, or points past the text.
    let huge = patched(COMPILATION, "/WordDocument", |w| {
        let at = fib_fc_lcb_at(33) + 4;
        w[at..at + 4].copy_from_slice(&0x7FFF_FFF0u32.to_le_bytes());
    });
    assert!(error(huge).contains("表格流"));
    let text = doc(&[("一段文字\n", DocText::Utf16)], 0x0804);
    let past = patched(&text, "/1Table", |t| {
        // The first piece's fc, far past the end of the WordDocument stream.
        let at = 1 + 4 + 8 + 2;
        t[at..at + 4].copy_from_slice(&0x0100_0000u32.to_le_bytes());
    });
    assert!(error(past).contains("片段"));
    let many = patched(&text, "/1Table", |t| {
        let n = 2_000_000usize;
        let mut clx = vec![2u8];
        clx.extend(((n * 12 + 4) as u32).to_le_bytes());
        clx.extend((0..=n as u32).flat_map(|i| i.to_le_bytes()));
        clx.extend(std::iter::repeat_n(0u8, n * 8));
        *t = clx;
    });
    let patched_many = patched(&many, "/WordDocument", |w| {
        let at = fib_fc_lcb_at(33) + 4;
        let len = (1 + 4 + 2_000_000 * 12 + 4) as u32;
        w[at..at + 4].copy_from_slice(&len.to_le_bytes());
    });
    assert!(error(patched_many).contains("多得不合理"));
    // Pieces that each claim the whole text: more characters than the stream has bytes.
    let again = patched(&text, "/1Table", |t| {
        let n = 300u32;
        let (fc, len) = (1024u32, 10u32);
        let mut clx = vec![2u8];
        clx.extend((n * 12 + 4).to_le_bytes());
        clx.extend((0..=n).flat_map(|i| (i * len).to_le_bytes()));
        for _ in 0..n {
            let mut pcd = [0u8; 8];
            pcd[2..6].copy_from_slice(&fc.to_le_bytes());
            clx.extend(pcd);
        }
        *t = clx;
    });
    let again = patched(&again, "/WordDocument", |w| {
        let at = fib_fc_lcb_at(33) + 4;
        w[at..at + 4].copy_from_slice(&(300u32 * 12 + 4 + 5).to_le_bytes());
    });
    assert!(error(again).contains("字符数"));
    // Not a Word file inside: an old Excel file; a FIB with the wrong signature.
    let xls = ole(&[("/Workbook", b"\x09\x08\x10\x00".as_slice())]);
    assert!(error(xls).contains("Excel"));
    let not_fib = patched(COMPILATION, "/WordDocument", |w| w[0] = 0);
    assert!(error(not_fib).contains("FIB"));
    // An empty document is refused as empty.
    let empty = doc(&[("\n", DocText::Utf16)], 0x0804);
    let e = super::read_bytes(empty, Path::new("空.doc"), None).expect_err("empty");
    assert!(matches!(e, crate::Error::Empty { .. }), "{e:?}");
}

/// Bytes of the streams changed one at a time, all over: the reader itself (not the
/// panic guard around it) returns text or a message for every one.
#[test]
fn corrupt_streams_never_panic_the_reader() {
    for name in ["/WordDocument", "/1Table", "/0Table"] {
        let streams = ole_streams(COMPILATION);
        let Some((_, original)) = streams.iter().find(|(n, _)| n == name) else {
            continue;
        };
        let len = original.len();
        let mut checked = 0;
        for at in (0..len).step_by((len / 300).max(1)) {
            for value in [0x00, 0xFF, 0x7F, 0x01] {
                let bytes = patched(COMPILATION, name, |s| s[at] = value);
                let _ = super::doc::read(&bytes);
                checked += 1;
            }
        }
        assert!(checked > 100, "{name}: {checked}");
        // And cut short, the FIB's pointers then running past the end.
        for cut in (0..len).step_by((len / 50).max(1)) {
            let bytes = patched(COMPILATION, name, |s| s.truncate(cut));
            let _ = super::doc::read(&bytes);
        }
    }
}

/// Word 6.0 and Word 95 mark their FIB 0xA5DC: such a file is told it is one (and may be
/// converted), not that it is damaged. Found on the wvWareNet examples (95list.doc…).
#[test]
fn a_word_95_file_is_named_as_one_not_as_damaged() {
    let bytes = doc(&[("一、总体情况\n", DocText::Utf16)], 0x0804);
    let mut streams = ole_streams(&bytes);
    let word = &mut streams
        .iter_mut()
        .find(|(n, _)| n.ends_with("WordDocument"))
        .unwrap()
        .1;
    word[0..2].copy_from_slice(&0xA5DCu16.to_le_bytes());
    word[2..4].copy_from_slice(&0x0065u16.to_le_bytes());
    let named: Vec<(&str, &[u8])> = streams
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let e = super::read_bytes(ole(&named), Path::new("旧文件.doc"), None).expect_err("refused");
    let msg = e.to_string();
    assert!(
        msg.contains("旧文件.doc") && msg.contains("Word 6.0/95"),
        "{msg}"
    );
    assert!(!msg.contains("损坏"), "{msg}");
    assert!(super::convert::may_help(&e));
}

/// An inserted symbol (Insert → Symbol) is stored as "(" with sprmCSymbol naming the
/// character: it reads as that character (a symbol font's private-use one as "•", as the
/// .docx reader does), never as a stray "(". Found on the wvWareNet examples (symbol.doc,
/// wingding.doc read as rows of "(").
#[test]
fn inserted_symbols_read_as_their_character_not_as_a_parenthesis() {
    // sprmCSymbol 0x6A09: the font index, then the character.
    const WINGDINGS_BOX: &[u8] = &[0x09, 0x6A, 0x02, 0x00, 0xA8, 0xF0];
    const STAR: &[u8] = &[0x09, 0x6A, 0x02, 0x00, 0x05, 0x26];
    let bytes = doc_with_sprms(
        &[
            ("(", DocText::Utf16, WINGDINGS_BOX),
            ("同意（打", DocText::Utf16, &[]),
            ("(", DocText::Utf16, STAR),
            ("）\n", DocText::Utf16, &[]),
        ],
        0x0804,
    );
    assert_eq!(read(&bytes, "符号.doc").text, "•同意（打★）\n");
}

/// A FAT that covers sectors past the end of the file (written by some programs; the
/// wvWareNet examples 47950_*.doc, which LibreOffice opens): read as if the file went on
/// with empty sectors, not refused as damaged.
#[test]
fn a_fat_longer_than_the_file_is_read() {
    let long = "一、总体情况。".repeat(800) + "\n";
    let mut bytes = doc(&[(long.as_str(), DocText::Utf16)], 0x0804);
    let sector = 1usize << u16::from_le_bytes([bytes[0x1E], bytes[0x1F]]);
    let first_fat = u32::from_le_bytes(bytes[0x4C..0x50].try_into().unwrap()) as usize;
    let fat = sector + sector * first_fat;
    let last = sector / 4 - 1;
    assert!(
        (bytes.len() - sector) / sector < last,
        "the test needs a FAT entry past the end"
    );
    // The FAT's last entry (a sector past the end) says "end of a chain".
    bytes[fat + last * 4..fat + last * 4 + 4].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    assert_eq!(read(&bytes, "长FAT.doc").text, long);
}
