//! Writing .docx packages from WordprocessingML parts, for tests, benchmarks and fuzz
//! seeds: the readers are tested on files written here part by part, and on a text turned
//! into a Word document with its headings numbered by Word's lists. Not used by the app.

use std::io::Write;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A .docx package being put together.
#[derive(Debug, Default, Clone)]
pub struct Package {
    /// The inside of `<w:body>`.
    pub body: String,
    /// The inside of `<w:numbering>`, if any.
    pub numbering: Option<String>,
    /// The inside of `<w:styles>`, if any.
    pub styles: Option<String>,
    /// Headers and footers: (is_header, inside of `<w:hdr>`/`<w:ftr>`).
    pub headers: Vec<(bool, String)>,
    /// The inside of `<w:footnotes>`.
    pub footnotes: Option<String>,
    /// The inside of `<w:comments>`.
    pub comments: Option<String>,
    /// External hyperlinks: (relationship id, URL).
    pub links: Vec<(String, String)>,
}

/// Escapes text for XML.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A run of plain text (spaces kept).
pub fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

/// A paragraph of runs (already XML).
pub fn para(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}

/// A paragraph of list `num` at level `ilvl`.
pub fn numbered(num: u32, ilvl: u32, inner: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{inner}</w:p>"#
    )
}

/// A level of a list definition.
pub fn level(ilvl: u32, fmt: &str, text: &str, start: u32) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{}"/></w:lvl>"#,
        esc(text)
    )
}

impl Package {
    pub fn new(body: impl Into<String>) -> Package {
        Package {
            body: body.into(),
            ..Package::default()
        }
    }

    /// The package's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut put = |name: &str, content: &str| {
            // Writing into memory cannot fail.
            let _ = zip.start_file(name, opts);
            let _ = zip.write_all(content.as_bytes());
        };
        put(
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        );
        put(
            "_rels/.rels",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
        );
        let mut rels = String::new();
        let mut sect = String::new();
        if let Some(n) = &self.numbering {
            rels += &format!(
                r#"<Relationship Id="rNum" Type="{REL}/numbering" Target="numbering.xml"/>"#
            );
            put(
                "word/numbering.xml",
                &format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">{n}</w:numbering>"#
                ),
            );
        }
        if let Some(s) = &self.styles {
            rels +=
                &format!(r#"<Relationship Id="rSty" Type="{REL}/styles" Target="styles.xml"/>"#);
            put(
                "word/styles.xml",
                &format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">{s}</w:styles>"#
                ),
            );
        }
        if let Some(f) = &self.footnotes {
            rels += &format!(
                r#"<Relationship Id="rFn" Type="{REL}/footnotes" Target="footnotes.xml"/>"#
            );
            put(
                "word/footnotes.xml",
                &format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">{f}</w:footnotes>"#
                ),
            );
        }
        if let Some(c) = &self.comments {
            rels +=
                &format!(r#"<Relationship Id="rCm" Type="{REL}/comments" Target="comments.xml"/>"#);
            put(
                "word/comments.xml",
                &format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W_NS}">{c}</w:comments>"#
                ),
            );
        }
        for (i, (is_header, inner)) in self.headers.iter().enumerate() {
            let (tag, kind) = if *is_header {
                ("hdr", "header")
            } else {
                ("ftr", "footer")
            };
            let file = format!("{kind}{i}.xml");
            rels += &format!(r#"<Relationship Id="rH{i}" Type="{REL}/{kind}" Target="{file}"/>"#);
            sect += &format!(r#"<w:{kind}Reference w:type="default" r:id="rH{i}"/>"#);
            put(
                &format!("word/{file}"),
                &format!(
                    r#"<?xml version="1.0" encoding="UTF-8"?><w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{inner}</w:{tag}>"#
                ),
            );
        }
        for (id, url) in &self.links {
            rels += &format!(
                r#"<Relationship Id="{id}" Type="{REL}/hyperlink" Target="{}" TargetMode="External"/>"#,
                esc(url)
            );
        }
        put(
            "word/_rels/document.xml.rels",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
            ),
        );
        put(
            "word/document.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{}<w:sectPr>{sect}</w:sectPr></w:body></w:document>"#,
                self.body
            ),
        );
        zip.finish().map(|c| c.into_inner()).unwrap_or_default()
    }
}

/// The list behind [`from_text`]: 一、 （一） 1. （1） as the four levels of 公文 headings.
const HEADING_LEVELS: [(&str, &str, &str); 4] = [
    ("chineseCounting", "%1、", "一、"),
    ("chineseCounting", "（%2）", "（一）"),
    ("decimal", "%3.", "1."),
    ("decimal", "（%4）", "（1）"),
];

/// A text turned into a Word document the way a site's Word file is made: one paragraph a
/// line, each line's text cut into runs of a few characters, and every heading whose
/// number Word's list would show the same written as a numbered paragraph without its
/// typed number. Returns the package and how many headings became list paragraphs.
pub fn from_text(text: &str) -> (Vec<u8>, usize) {
    use super::numbering::{Level, ListDef, ListInstance, NumFmt, Numbering};
    let mut lists = Numbering::default();
    let mut defs = String::new();
    let mut nums = String::new();
    let mut body = String::new();
    let mut numbered_count = 0;
    let mut current: Option<u32> = None;
    let mut next_id = 1u32;
    let mut add_list = |lists: &mut Numbering, defs: &mut String, nums: &mut String| -> u32 {
        let id = next_id;
        next_id += 1;
        let levels: String = HEADING_LEVELS
            .iter()
            .enumerate()
            .map(|(i, (fmt, t, _))| level(i as u32, fmt, t, 1))
            .collect();
        *defs += &format!(r#"<w:abstractNum w:abstractNumId="{id}">{levels}</w:abstractNum>"#);
        *nums += &format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{id}"/></w:num>"#);
        lists.defs.insert(
            id.to_string(),
            ListDef {
                levels: HEADING_LEVELS
                    .iter()
                    .map(|(fmt, t, _)| Level {
                        format: NumFmt::from_ooxml(fmt),
                        text: (*t).into(),
                        ..Level::default()
                    })
                    .collect(),
            },
        );
        lists.instances.insert(
            id.to_string(),
            ListInstance {
                def: id.to_string(),
                ..ListInstance::default()
            },
        );
        id
    };
    for line in text.lines() {
        let runs = split_runs(line);
        let heading = heading_marker(line);
        let placed = heading.and_then(|(lvl, marker)| {
            // The current list, or a fresh one when this heading starts a list anew.
            for fresh in [false, true] {
                let id = match (fresh, current) {
                    (false, Some(id)) => id,
                    (false, None) => continue,
                    (true, _) => {
                        if marker != HEADING_LEVELS[lvl].2 {
                            return None;
                        }
                        add_list(&mut lists, &mut defs, &mut nums)
                    }
                };
                let mut trial = lists.clone();
                if trial.next_label(&id.to_string(), lvl).as_deref() == Some(marker) {
                    lists = trial;
                    current = Some(id);
                    return Some((id, lvl, marker.len()));
                }
            }
            None
        });
        match placed {
            Some((id, lvl, len)) => {
                numbered_count += 1;
                body += &numbered(id, lvl as u32, &split_runs(&line[len..]));
            }
            None => body += &para(&runs),
        }
    }
    let mut pkg = Package::new(body);
    if !defs.is_empty() {
        pkg.numbering = Some(defs + &nums);
    }
    (pkg.to_bytes(), numbered_count)
}

/// The typed marker a heading line opens with, and its level among [`HEADING_LEVELS`].
fn heading_marker(line: &str) -> Option<(usize, &str)> {
    let chinese = |s: &str| {
        s.chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count()
    };
    if let Some(rest) = line.strip_prefix('（') {
        let n = chinese(rest);
        let m = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if n > 0 && rest[n * 3..].starts_with('）') {
            return Some((1, &line[..3 + n * 3 + 3]));
        }
        if m > 0 && rest[m..].starts_with('）') {
            return Some((3, &line[..3 + m + 3]));
        }
        return None;
    }
    let n = chinese(line);
    if n > 0 && line[n * 3..].starts_with('、') {
        return Some((0, &line[..n * 3 + 3]));
    }
    let m = line.chars().take_while(|c| c.is_ascii_digit()).count();
    if m > 0
        && line[m..].starts_with('.')
        && !line[m + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return Some((2, &line[..m + 1]));
    }
    None
}

/// The line's text as runs of up to five characters, so a word or a placeholder is often
/// cut between runs, as in files edited by hand.
fn split_runs(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    chars
        .chunks(5)
        .map(|c| run(&c.iter().collect::<String>()))
        .collect()
}

/// How a piece of a hand-built .doc stores its text.
#[derive(Debug, Clone, Copy)]
pub enum DocText {
    /// Two bytes a character (fCompressed clear).
    Utf16,
    /// One byte a character position in this code page (fCompressed set); a GBK
    /// character takes two.
    EightBit(&'static encoding_rs::Encoding),
}

/// An OLE compound file holding `streams` (name, bytes).
pub fn ole(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = match cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())) {
        Ok(f) => f,
        Err(_) => return Vec::new(),
    };
    for (name, bytes) in streams {
        // Writing into memory cannot fail.
        if let Ok(mut s) = file.create_stream(name) {
            let _ = s.write_all(bytes);
        }
    }
    let _ = file.flush();
    file.into_inner().into_inner()
}

/// Every stream of an OLE file (name, bytes), to change one and write the file again.
pub fn ole_streams(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let Ok(mut file) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    let names: Vec<String> = file
        .walk()
        .filter(|e| e.is_stream())
        .map(|e| e.path().to_string_lossy().into_owned())
        .collect();
    names
        .into_iter()
        .filter_map(|n| {
            let mut out = Vec::new();
            file.open_stream(&n).ok()?.read_to_end(&mut out).ok()?;
            Some((n, out))
        })
        .collect()
}

/// A FIB offset of the (fc, lcb) pair `index` of FibRgFcLcb97, as [`doc`] writes it.
pub fn fib_fc_lcb_at(index: usize) -> usize {
    154 + index * 8
}

/// A minimal Word 97 binary file: the main text made of `pieces` (lines end in "\n", which
/// becomes the paragraph mark), language id `lid`, no properties. The FIB names 1Table,
/// where the CLX holds one piece a part.
pub fn doc(pieces: &[(&str, DocText)], lid: u16) -> Vec<u8> {
    let pieces: Vec<(&str, DocText, &[u8])> =
        pieces.iter().map(|&(t, h)| (t, h, &[][..])).collect();
    doc_with_sprms(&pieces, lid)
}

/// [`doc`] whose pieces may carry character sprms of their own (a Prc record each, named
/// by the piece's Prm), as fast-saved files do: `[0x3C, 0x08, 1]` is sprmCFVanish on.
pub fn doc_with_sprms(pieces: &[(&str, DocText, &[u8])], lid: u16) -> Vec<u8> {
    const TEXT_AT: usize = 1024;
    let mut prcs = Vec::new();
    let mut prc_count = 0u16;
    let mut word = vec![0u8; TEXT_AT];
    let mut cps = vec![0u32];
    let mut pcds = Vec::new();
    let mut cp = 0u32;
    for &(text, how, sprms) in pieces {
        let text = text.replace('\n', "\r");
        let fc = word.len() as u32;
        let (bytes, n, raw_fc) = match how {
            DocText::Utf16 => {
                let b: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
                let n = b.len() / 2;
                (b, n, fc)
            }
            DocText::EightBit(enc) => {
                let (b, _, _) = enc.encode(&text);
                let n = b.len();
                (b.into_owned(), n, (fc * 2) | 0x4000_0000)
            }
        };
        word.extend_from_slice(&bytes);
        cp += n as u32;
        cps.push(cp);
        let mut pcd = [0u8; 8];
        pcd[2..6].copy_from_slice(&raw_fc.to_le_bytes());
        if !sprms.is_empty() {
            let prm = (prc_count << 1) | 1;
            prc_count += 1;
            pcd[6..8].copy_from_slice(&prm.to_le_bytes());
            prcs.push(1u8);
            prcs.extend((sprms.len() as u16).to_le_bytes());
            prcs.extend_from_slice(sprms);
        }
        pcds.push(pcd);
    }
    let mut plc: Vec<u8> = cps.iter().flat_map(|c| c.to_le_bytes()).collect();
    plc.extend(pcds.concat());
    let mut clx = prcs;
    clx.push(2);
    clx.extend((plc.len() as u32).to_le_bytes());
    clx.extend(plc);
    let put16 =
        |w: &mut Vec<u8>, at: usize, v: u16| w[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |w: &mut Vec<u8>, at: usize, v: u32| w[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut word, 0, 0xA5EC);
    put16(&mut word, 2, 0x00C1);
    put16(&mut word, 6, lid);
    put16(&mut word, 10, 0x0200); // fWhichTblStm: 1Table
    put16(&mut word, 32, 14); // csw
    put16(&mut word, 60, lid); // lidFE
    put16(&mut word, 62, 22); // cslw
    let len = word.len() as u32;
    put32(&mut word, 64, len); // cbMac
    put32(&mut word, 76, cp); // ccpText
    put16(&mut word, 152, 93); // cbRgFcLcb
    put32(&mut word, fib_fc_lcb_at(33), 0); // fcClx
    put32(&mut word, fib_fc_lcb_at(33) + 4, clx.len() as u32);
    ole(&[("/WordDocument", &word), ("/1Table", &clx)])
}
