//! The .docx reader (also .docm/.dotx): the zip package, bounded part by part, and the
//! WordprocessingML body read into paragraphs — one line each, runs joined, tables as tab
//! rows, numbering rendered, tracked changes in their final view, fields' results — with
//! the origin of every header, footer, hidden, link, text box, comment and footnote piece.
//!
//! The XML is read by quick-xml, which never expands entities; a document type declaration
//! is refused outright. No dependency on egui.

use super::numbering::{Level, ListDef, ListInstance, NumFmt, Numbering, Suffix};
use super::{Para, ParaKind, Span};
use crate::model::Origin;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::Read;

/// A part may inflate to at most this many bytes (a 300-page compilation's document.xml is
/// about 3 MB)...
pub const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;
/// ...and, past [`RATIO_FROM`] bytes, to at most this many times its compressed size: text
/// XML compresses 5–20 times, a decompression bomb thousands of times.
pub const MAX_RATIO: u64 = 200;
const RATIO_FROM: u64 = 4 * 1024 * 1024;
/// XML nested deeper than this is refused (Word's own files stay under 40).
pub const MAX_DEPTH: usize = 256;

/// Why a package could not be read, in words for the user.
pub type Problem = String;

/// The paragraphs of a .docx package's bytes, headers first and footers last, with the
/// number of body paragraphs images were left out of.
pub fn read(bytes: &[u8]) -> Result<Vec<Para>, Problem> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("文件已损坏或不完整，可能下载时中断了；请重新下载后再试（{e}）"))?;
    let main = main_part(&mut zip)?;
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let rels_path = format!("{dir}/_rels/{}.rels", main.rsplit('/').next().unwrap_or(""));
    let rels = match part(&mut zip, &rels_path)? {
        Some(x) => relationships(&x, &dir)?,
        None => Rels::default(),
    };
    let mut numbering = Numbering::default();
    if let Some(target) = rels.by_type("numbering")
        && let Some(x) = part(&mut zip, &target)?
    {
        read_numbering(&x, &mut numbering)?;
    }
    let styles = match rels.by_type("styles") {
        Some(target) => match part(&mut zip, &target)? {
            Some(x) => read_styles(&x)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let mut notes = Notes::default();
    for kind in ["footnotes", "endnotes"] {
        if let Some(target) = rels.by_type(kind)
            && let Some(x) = part(&mut zip, &target)?
        {
            read_notes(&x, &mut notes, &styles, &rels)?;
        }
    }
    let mut comments = HashMap::new();
    if let Some(target) = rels.by_type("comments")
        && let Some(x) = part(&mut zip, &target)?
    {
        read_comments(&x, &mut comments, &styles, &rels)?;
    }
    let body = part(&mut zip, &main)?.ok_or_else(|| "文档正文缺失".to_string())?;
    let mut parser = Body::new(&rels, &styles, &mut numbering);
    parser.parse(&body)?;
    let Body {
        paras: body_paras,
        header_refs,
        ..
    } = parser;

    // Headers and footers: each part once, in the order the sections name them.
    let mut headers = Vec::new();
    let mut footers = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (is_header, id) in header_refs {
        let Some(target) = rels.targets.get(&id).map(|(t, _)| t.clone()) else {
            continue;
        };
        if !seen.insert(target.clone()) {
            continue;
        }
        let Some(x) = part(&mut zip, &target)? else {
            continue;
        };
        let part_rels = match part(&mut zip, &part_rels_path(&target))? {
            Some(r) => relationships(&r, &dir)?,
            None => Rels::default(),
        };
        let mut numbering = Numbering::default();
        let mut p = Body::new(&part_rels, &styles, &mut numbering);
        p.parse(&x)?;
        let kind = if is_header {
            ParaKind::Header
        } else {
            ParaKind::Footer
        };
        let out = if is_header {
            &mut headers
        } else {
            &mut footers
        };
        for mut para in p.paras {
            if para.text.trim().is_empty() {
                continue;
            }
            para.kind = kind;
            out.push(para);
        }
    }

    let mut paras = headers;
    for mut para in body_paras {
        let notes_here = std::mem::take(&mut para.notes);
        let comments_here = std::mem::take(&mut para.comments);
        paras.push(para);
        for id in comments_here {
            for c in comments.get(&id).into_iter().flatten() {
                paras.push(c.clone());
            }
        }
        // Footnote texts ride on the citing paragraph; the loader moves them to the end of
        // the report that cites them.
        if let Some(last) = paras.last_mut() {
            for (id, mark) in notes_here {
                if let Some(note) = notes.by_id.get(&id) {
                    let mut note = note.clone();
                    note.text.insert_str(0, &format!("[{mark}] "));
                    for s in &mut note.spans {
                        s.range = s.range.start + mark.len() + 3..s.range.end + mark.len() + 3;
                    }
                    last.footnotes.push(note);
                }
            }
        }
    }
    paras.extend(footers);
    Ok(paras)
}

fn part_rels_path(target: &str) -> String {
    match target.rsplit_once('/') {
        Some((d, f)) => format!("{d}/_rels/{f}.rels"),
        None => format!("_rels/{target}.rels"),
    }
}

/// The main document part named by the package relationships, or word/document.xml.
fn main_part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>) -> Result<String, Problem> {
    if zip.by_name("EncryptedPackage").is_ok() || zip.by_name("EncryptionInfo").is_ok() {
        return Err(encrypted());
    }
    if let Some(x) = part(zip, "_rels/.rels")? {
        let rels = relationships(&x, "")?;
        if let Some(t) = rels.by_type("officeDocument")
            && zip.by_name(&t).is_ok()
        {
            return Ok(t);
        }
    }
    if zip.by_name("word/document.xml").is_ok() {
        return Ok("word/document.xml".into());
    }
    let names: Vec<&str> = zip.file_names().take(200).collect();
    let what = if names.iter().any(|n| n.starts_with("xl/")) {
        "这是 Excel 表格（.xlsx），不是 Word 文档"
    } else if names.iter().any(|n| n.starts_with("ppt/")) {
        "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档"
    } else if names.contains(&"content.xml") {
        "这是 OpenDocument 文件（.odt 等）；请在 WPS 或 LibreOffice 中另存为 .docx 再打开"
    } else {
        "这是一个普通压缩包，里面没有 Word 文档；请先解压，再打开其中的 .txt 或 .docx"
    };
    Err(what.to_string())
}

pub(super) fn encrypted() -> Problem {
    "文档设置了打开密码（已加密）；请在 Word 或 WPS 中输入密码打开，取消密码后另存，再用清稿打开"
        .into()
}

/// A part's text, None when the package has no such part; refused past the size limits.
fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, Problem> {
    let name = name.trim_start_matches('/');
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(what)) if what.contains("ncrypt") => {
            return Err(encrypted());
        }
        Err(e) => return Err(format!("文档的 {name} 部分无法读取（{e}）；文件可能已损坏")),
    };
    if file.encrypted() {
        return Err(encrypted());
    }
    let compressed = file.compressed_size().max(1);
    let ratio_limit = (compressed.saturating_mul(MAX_RATIO)).max(RATIO_FROM);
    let limit = MAX_PART_BYTES.min(ratio_limit);
    let mut bytes = Vec::new();
    (&mut file)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            format!("文档的 {name} 部分已损坏或不完整，可能下载时中断了；请重新下载（{e}）")
        })?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "文档的 {name} 部分解压后超过 {} MB 或超过压缩大小的 {MAX_RATIO} 倍，疑似压缩炸弹，已拒绝",
            limit / (1024 * 1024)
        ));
    }
    // XML parts are UTF-8 (or UTF-16 with a BOM); other encodings are not used by Word.
    let text = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        enc.decode_without_bom_handling(&bytes[2..]).0.into_owned()
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        String::from_utf8_lossy(bytes).into_owned()
    };
    Ok(Some(text))
}

/// A part's relationships: id → (target part or URL, external).
#[derive(Debug, Default)]
struct Rels {
    targets: HashMap<String, (String, bool)>,
    types: Vec<(String, String)>,
}

impl Rels {
    /// The target of the first relationship whose type ends in `/kind`.
    fn by_type(&self, kind: &str) -> Option<String> {
        self.types
            .iter()
            .find(|(t, _)| t.rsplit('/').next() == Some(kind))
            .and_then(|(_, id)| self.targets.get(id))
            .map(|(t, _)| t.clone())
    }
}

fn relationships(xml: &str, dir: &str) -> Result<Rels, Problem> {
    let mut rels = Rels::default();
    walk(xml, |ev, _| {
        if let XmlEvent::Start(e) = ev
            && local(e.name().as_ref()) == b"Relationship"
        {
            let id = attr(e, b"Id").unwrap_or_default();
            let ty = attr(e, b"Type").unwrap_or_default();
            let target = attr(e, b"Target").unwrap_or_default();
            let external = attr(e, b"TargetMode").is_some_and(|m| m == "External");
            let target = if external {
                target
            } else {
                resolve(dir, &target)
            };
            rels.types.push((ty, id.clone()));
            rels.targets.insert(id, (target, external));
        }
        Ok(())
    })?;
    Ok(rels)
}

/// A relative part name resolved against the folder of the part that names it.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The XML events the readers look at: elements (empty ones come as a start and an end)
/// and text, with character and predefined entity references resolved.
enum XmlEvent<'a, 'b> {
    Start(&'b BytesStart<'a>),
    End(&'b [u8]),
    Text(&'b str),
}

/// Walks `xml`, calling `f` with each event and the nesting depth. Refuses a DTD (no entity
/// is ever expanded) and nesting past [`MAX_DEPTH`].
fn walk(
    xml: &str,
    mut f: impl FnMut(XmlEvent, usize) -> Result<(), Problem>,
) -> Result<(), Problem> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.check_comments = false;
    let mut depth = 0usize;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| format!("文档的 XML 有误，文件可能已损坏（{e}）"))?;
        match ev {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!(
                        "文档的 XML 嵌套超过 {MAX_DEPTH} 层，不是正常的 Word 文档，已拒绝"
                    ));
                }
                f(XmlEvent::Start(&e), depth)?;
            }
            Event::End(e) => {
                f(XmlEvent::End(local(e.name().as_ref())), depth)?;
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                let s = t
                    .decode()
                    .map_err(|e| format!("文档的 XML 编码有误（{e}）"))?;
                f(XmlEvent::Text(&s), depth)?;
            }
            Event::CData(t) => {
                let s = t
                    .decode()
                    .map_err(|e| format!("文档的 XML 编码有误（{e}）"))?;
                f(XmlEvent::Text(&s), depth)?;
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.decode().ok().as_deref() {
                        Some("amp") => Some('&'),
                        Some("lt") => Some('<'),
                        Some("gt") => Some('>'),
                        Some("quot") => Some('"'),
                        Some("apos") => Some('\''),
                        // Any other entity would need a DTD, which is refused: nothing.
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    let mut buf = [0u8; 4];
                    f(XmlEvent::Text(c.encode_utf8(&mut buf)), depth)?;
                }
            }
            Event::DocType(_) => {
                return Err(
                    "文档的 XML 含有 DTD/实体定义（Word 从不这样写），可能是恶意文件，已拒绝"
                        .into(),
                );
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The name after the namespace prefix.
fn local(name: &[u8]) -> &[u8] {
    match memchr::memrchr(b':', name) {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// An attribute's value by its local name.
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| local(a.key.as_ref()) == name)
        .map(|a| unescape(&String::from_utf8_lossy(&a.value)))
}

/// An attribute value with its character and predefined entity references resolved; any
/// other entity is left as written (a DTD, which could define one, is refused).
fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An on/off property (w:vanish, w:isLgl): on unless its value says off.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

fn read_numbering(xml: &str, n: &mut Numbering) -> Result<(), Problem> {
    let mut def: Option<(String, ListDef)> = None;
    let mut inst: Option<(String, ListInstance)> = None;
    let mut level: Option<(usize, Level)> = None;
    let mut override_lvl: Option<usize> = None;
    // Definitions that only point at a numbering style (numStyleLink), resolved at the end.
    let mut style_links: Vec<(String, String)> = Vec::new();
    walk(xml, |ev, _| {
        match ev {
            XmlEvent::Start(e) => match local(e.name().as_ref()) {
                b"abstractNum" => {
                    def = Some((
                        attr(e, b"abstractNumId").unwrap_or_default(),
                        ListDef::default(),
                    ))
                }
                b"num" => {
                    inst = Some((
                        attr(e, b"numId").unwrap_or_default(),
                        ListInstance::default(),
                    ))
                }
                b"abstractNumId" => {
                    if let Some((_, i)) = &mut inst {
                        i.def = attr(e, b"val").unwrap_or_default();
                    }
                }
                b"lvlOverride" => override_lvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()),
                b"startOverride" => {
                    if let (Some((_, i)), Some(l), Some(v)) = (
                        &mut inst,
                        override_lvl,
                        attr(e, b"val").and_then(|v| v.parse().ok()),
                    ) {
                        i.starts.insert(l, v);
                    }
                }
                b"lvl" => {
                    let ilvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    level = Some((ilvl, Level::default()));
                }
                b"numStyleLink" => {
                    if let (Some((id, _)), Some(v)) = (&def, attr(e, b"val")) {
                        style_links.push((id.clone(), v));
                    }
                }
                name => {
                    if let Some((_, l)) = &mut level {
                        let val = attr(e, b"val");
                        match name {
                            b"start" => l.start = val.and_then(|v| v.parse().ok()).unwrap_or(1),
                            b"numFmt" => {
                                l.format = NumFmt::from_ooxml(val.as_deref().unwrap_or(""))
                            }
                            b"lvlText" => l.text = val.unwrap_or_default(),
                            b"lvlRestart" => l.restart = val.and_then(|v| v.parse().ok()),
                            b"isLgl" => l.legal = on(e),
                            b"pStyle" => l.style = val,
                            b"suff" => {
                                l.suffix = match val.as_deref() {
                                    Some("space") => Suffix::Space,
                                    Some("nothing") => Suffix::Nothing,
                                    _ => Suffix::Tab,
                                }
                            }
                            _ => {}
                        }
                    }
                }
            },
            XmlEvent::End(name) => match name {
                b"lvl" => {
                    if let Some((ilvl, l)) = level.take()
                        && ilvl < super::numbering::LEVELS
                    {
                        if let Some(o) = override_lvl.filter(|_| inst.is_some()) {
                            if let Some((_, i)) = &mut inst {
                                i.levels.insert(o, l);
                            }
                        } else if let Some((_, d)) = &mut def {
                            if d.levels.len() <= ilvl {
                                d.levels.resize(ilvl + 1, Level::default());
                            }
                            d.levels[ilvl] = l;
                        }
                    }
                }
                b"lvlOverride" => override_lvl = None,
                b"abstractNum" => {
                    if let Some((id, d)) = def.take() {
                        n.defs.insert(id, d);
                    }
                }
                b"num" => {
                    if let Some((id, i)) = inst.take() {
                        n.instances.insert(id, i);
                    }
                }
                _ => {}
            },
            XmlEvent::Text(_) => {}
        }
        Ok(())
    })?;
    // numStyleLink: the definition is the one of the list the numbering style names; the
    // style → list link is in styles.xml, which Word mirrors with a styleLink here.
    let _ = style_links;
    Ok(())
}

/// Paragraph styles: their base style and the list they number with.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, StyleDef>,
}

#[derive(Debug, Default, Clone)]
struct StyleDef {
    based_on: Option<String>,
    num: Option<String>,
    ilvl: Option<usize>,
    hidden: bool,
}

impl Styles {
    /// The list (num id, level) a paragraph of style `id` has through its style chain.
    fn numbering(&self, id: &str) -> Option<(String, Option<usize>)> {
        let mut cur = Some(id.to_string());
        for _ in 0..32 {
            let s = self.by_id.get(cur.as_deref()?)?;
            if let Some(num) = &s.num {
                return Some((num.clone(), s.ilvl));
            }
            cur = s.based_on.clone();
        }
        None
    }

    fn hidden(&self, id: &str) -> bool {
        let mut cur = Some(id.to_string());
        for _ in 0..32 {
            let Some(s) = cur.as_deref().and_then(|c| self.by_id.get(c)) else {
                return false;
            };
            if s.hidden {
                return true;
            }
            cur = s.based_on.clone();
        }
        false
    }
}

fn read_styles(xml: &str) -> Result<Styles, Problem> {
    let mut styles = Styles::default();
    let mut cur: Option<(String, StyleDef)> = None;
    let mut in_ppr = false;
    let mut in_rpr = false;
    walk(xml, |ev, _| {
        match ev {
            XmlEvent::Start(e) => match local(e.name().as_ref()) {
                b"style" => {
                    cur = Some((attr(e, b"styleId").unwrap_or_default(), StyleDef::default()))
                }
                b"pPr" => in_ppr = true,
                b"rPr" => in_rpr = true,
                name => {
                    if let Some((_, s)) = &mut cur {
                        match name {
                            b"basedOn" => s.based_on = attr(e, b"val"),
                            b"numId" if in_ppr => s.num = attr(e, b"val"),
                            b"ilvl" if in_ppr => {
                                s.ilvl = attr(e, b"val").and_then(|v| v.parse().ok())
                            }
                            b"vanish" if in_rpr => s.hidden = on(e),
                            _ => {}
                        }
                    }
                }
            },
            XmlEvent::End(name) => match name {
                b"style" => {
                    if let Some((id, s)) = cur.take() {
                        styles.by_id.insert(id, s);
                    }
                }
                b"pPr" => in_ppr = false,
                b"rPr" => in_rpr = false,
                _ => {}
            },
            XmlEvent::Text(_) => {}
        }
        Ok(())
    })?;
    Ok(styles)
}

#[derive(Debug, Default)]
struct Notes {
    by_id: HashMap<String, Para>,
}

/// Footnotes or endnotes: each note's paragraphs joined into one.
fn read_notes(xml: &str, notes: &mut Notes, styles: &Styles, rels: &Rels) -> Result<(), Problem> {
    for (id, paras) in containers(xml, b"footnote", b"endnote", styles, rels)? {
        let mut note = join_paras(paras);
        if note.text.trim().is_empty() {
            continue;
        }
        note.kind = ParaKind::Footnote;
        notes.by_id.insert(id, note);
    }
    Ok(())
}

fn read_comments(
    xml: &str,
    out: &mut HashMap<String, Vec<Para>>,
    styles: &Styles,
    rels: &Rels,
) -> Result<(), Problem> {
    for (id, paras) in containers(xml, b"comment", b"comment", styles, rels)? {
        let paras: Vec<Para> = paras
            .into_iter()
            .filter(|p| !p.text.trim().is_empty())
            .map(|mut p| {
                p.kind = ParaKind::Comment;
                p
            })
            .collect();
        out.insert(id, paras);
    }
    Ok(())
}

/// The paragraphs of each `<w:footnote w:id>` (or comment) of a part, by id.
fn containers(
    xml: &str,
    a: &[u8],
    b: &[u8],
    styles: &Styles,
    rels: &Rels,
) -> Result<Vec<(String, Vec<Para>)>, Problem> {
    // Each container is parsed as a body of its own, so its paragraphs are known apart.
    let mut numbering = Numbering::default();
    let mut body = Body::new(rels, styles, &mut numbering);
    body.containers = Some((a.to_vec(), b.to_vec()));
    body.parse(xml)?;
    Ok(body.by_container)
}

/// Paragraphs of one note joined with spaces, spans shifted.
fn join_paras(paras: Vec<Para>) -> Para {
    let mut out = Para::default();
    for p in paras {
        if p.text.trim().is_empty() {
            continue;
        }
        if !out.text.is_empty() {
            out.text.push(' ');
        }
        let at = out.text.len();
        out.text.push_str(&p.text);
        out.spans.extend(p.spans.into_iter().map(|mut s| {
            s.range = s.range.start + at..s.range.end + at;
            s
        }));
        out.images += p.images;
    }
    out
}

/// A field being read: its instruction, and whether its result (what Word shows) has begun.
struct Field {
    instr: String,
    result: bool,
    /// Where a HYPERLINK field's result starts, in the open paragraph.
    link_at: Option<usize>,
}

/// Where finished paragraphs go.
enum Container {
    Body,
    /// A table cell: its paragraphs are joined with spaces.
    Cell(Vec<Para>),
    /// A table row: its cells, joined with tabs.
    Row(Vec<Para>),
    /// A text box: its paragraphs follow the paragraph it is anchored in.
    TextBox(Vec<Para>),
}

/// The state of reading one part's body.
struct Body<'a> {
    rels: &'a Rels,
    styles: &'a Styles,
    numbering: &'a mut Numbering,
    paras: Vec<Para>,
    /// Open paragraphs, innermost last (a text box's paragraphs open inside another).
    open: Vec<OpenPara>,
    containers_stack: Vec<Container>,
    fields: Vec<Field>,
    /// Depth of an element whose content is skipped (deleted text, mc:Fallback…).
    skip_at: Option<usize>,
    in_run: bool,
    in_ppr: bool,
    in_rpr: bool,
    run_hidden: bool,
    in_text: bool,
    /// Open hyperlinks: where their text starts and where they point.
    links: Vec<(usize, Option<String>)>,
    /// Header (true) and footer references of the sections, by relationship id.
    header_refs: Vec<(bool, String)>,
    /// Notes numbered in citing order.
    note_marks: usize,
    /// For notes and comments parts: the container element names, and what was read.
    containers: Option<(Vec<u8>, Vec<u8>)>,
    container_id: Option<String>,
    by_container: Vec<(String, Vec<Para>)>,
}

#[derive(Default)]
struct OpenPara {
    para: Para,
    style: Option<String>,
    num: Option<String>,
    ilvl: Option<usize>,
    /// Text boxes anchored here.
    boxes: Vec<Para>,
}

impl<'a> Body<'a> {
    fn new(rels: &'a Rels, styles: &'a Styles, numbering: &'a mut Numbering) -> Body<'a> {
        Body {
            rels,
            styles,
            numbering,
            paras: Vec::new(),
            open: Vec::new(),
            containers_stack: vec![Container::Body],
            fields: Vec::new(),
            skip_at: None,
            in_run: false,
            in_ppr: false,
            in_rpr: false,
            run_hidden: false,
            in_text: false,
            links: Vec::new(),
            header_refs: Vec::new(),
            note_marks: 0,
            containers: None,
            container_id: None,
            by_container: Vec::new(),
        }
    }

    fn parse(&mut self, xml: &str) -> Result<(), Problem> {
        walk(xml, |ev, depth| {
            match ev {
                XmlEvent::Start(e) => self.start(e, depth),
                XmlEvent::End(name) => self.end(name, depth),
                XmlEvent::Text(t) => self.text(t),
            }
            Ok(())
        })?;
        // A part cut short: what was open still counts.
        while !self.open.is_empty() {
            self.close_para();
        }
        Ok(())
    }

    /// Whether text read now is what Word shows: not inside a field's instruction.
    fn shown(&self) -> bool {
        self.fields.iter().all(|f| f.result)
    }

    fn cur(&mut self) -> Option<&mut Para> {
        self.open.last_mut().map(|o| &mut o.para)
    }

    fn push_text(&mut self, s: &str) {
        if !self.shown() || s.is_empty() {
            return;
        }
        let hidden = self.run_hidden;
        if self.open.is_empty() {
            // Text outside any paragraph (a malformed part): a paragraph of its own.
            self.open.push(OpenPara::default());
        }
        let Some(p) = self.cur() else { return };
        let at = p.text.len();
        p.text.push_str(s);
        if hidden {
            match p.spans.last_mut() {
                Some(last) if last.origin == Origin::Hidden && last.range.end == at => {
                    last.range.end = p.text.len()
                }
                _ => p.spans.push(Span {
                    range: at..p.text.len(),
                    origin: Origin::Hidden,
                }),
            }
        }
    }

    fn start(&mut self, e: &BytesStart, depth: usize) {
        if self.skip_at.is_some() {
            return;
        }
        let name = e.name();
        let name = local(name.as_ref());
        if let Some((a, b)) = &self.containers
            && (name == a.as_slice() || name == b.as_slice())
        {
            // Separator notes (type separator/continuationSeparator) hold no text.
            self.container_id = attr(e, b"id");
            return;
        }
        match name {
            b"del" | b"moveFrom" | b"Fallback" | b"delInstrText" => self.skip_at = Some(depth),
            b"instrText" => self.in_text = true,
            b"p" => self.open.push(OpenPara::default()),
            b"pPr" => self.in_ppr = true,
            b"rPr" => self.in_rpr = true,
            b"pStyle" if self.in_ppr && !self.in_rpr => {
                if let Some(o) = self.open.last_mut() {
                    o.style = attr(e, b"val");
                }
            }
            b"numId" if self.in_ppr => {
                if let Some(o) = self.open.last_mut() {
                    o.num = attr(e, b"val");
                }
            }
            b"ilvl" if self.in_ppr => {
                if let Some(o) = self.open.last_mut() {
                    o.ilvl = attr(e, b"val").and_then(|v| v.parse().ok());
                }
            }
            b"r" => {
                self.in_run = true;
                self.run_hidden = false;
            }
            b"rStyle"
                if self.in_run
                    && self.in_rpr
                    && attr(e, b"val").is_some_and(|s| self.styles.hidden(&s)) =>
            {
                self.run_hidden = true;
            }
            b"vanish" | b"specVanish" if self.in_run && self.in_rpr => {
                self.run_hidden = on(e);
            }
            b"t" if self.in_run => self.in_text = true,
            b"tab" | b"ptab" if self.in_run && !self.in_ppr => self.push_text("\t"),
            b"br"
                if self.in_run
                    && !matches!(attr(e, b"type").as_deref(), Some("page" | "column")) =>
            {
                self.push_text("\n");
            }
            b"cr" if self.in_run => self.push_text("\n"),
            b"noBreakHyphen" if self.in_run => self.push_text("-"),
            b"sym" if self.in_run => {
                // Symbol-font characters sit in the private use area: a bullet-like mark.
                if let Some(c) = attr(e, b"char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .and_then(char::from_u32)
                {
                    let c = if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                        '•'
                    } else {
                        c
                    };
                    self.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            b"fldChar" => match attr(e, b"fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field {
                    instr: String::new(),
                    result: false,
                    link_at: None,
                }),
                Some("separate") => {
                    let at = self.cur().map(|p| p.text.len());
                    if let Some(f) = self.fields.last_mut() {
                        f.result = true;
                        if f.instr.trim_start().starts_with("HYPERLINK") {
                            f.link_at = at;
                        }
                    }
                }
                Some("end") => {
                    if let Some(f) = self.fields.pop()
                        && let Some(at) = f.link_at
                    {
                        let target = field_link_target(&f.instr);
                        self.close_link(at, Some(target));
                    }
                }
                _ => {}
            },
            b"fldSimple" => {
                let instr = attr(e, b"instr").unwrap_or_default();
                let at = self.cur().map(|p| p.text.len()).unwrap_or(0);
                self.links.push((
                    at,
                    instr
                        .trim_start()
                        .starts_with("HYPERLINK")
                        .then(|| field_link_target(&instr)),
                ));
            }
            b"hyperlink" => {
                let at = self.cur().map(|p| p.text.len()).unwrap_or(0);
                let target = match (attr(e, b"id"), attr(e, b"anchor")) {
                    (Some(id), _) => self.rels.targets.get(&id).map(|(t, _)| t.clone()),
                    (None, Some(anchor)) => Some(format!("#{anchor}")),
                    _ => None,
                };
                self.links.push((at, target));
            }
            b"blip" | b"imagedata" => {
                if let Some(p) = self.cur() {
                    p.images += 1;
                }
            }
            b"txbxContent" => self.containers_stack.push(Container::TextBox(Vec::new())),
            b"tr" => self.containers_stack.push(Container::Row(Vec::new())),
            b"tc" => self.containers_stack.push(Container::Cell(Vec::new())),
            b"footnoteReference" | b"endnoteReference" => {
                if let Some(id) = attr(e, b"id") {
                    self.note_marks += 1;
                    let mark = self.note_marks.to_string();
                    self.push_text(&format!("[{mark}]"));
                    if let Some(p) = self.cur() {
                        p.notes.push((id, mark));
                    }
                }
            }
            b"commentReference" => {
                if let (Some(id), Some(p)) = (attr(e, b"id"), self.cur()) {
                    p.comments.push(id);
                }
            }
            b"headerReference" | b"footerReference" => {
                if let Some(id) = attr(e, b"id") {
                    self.header_refs.push((name == b"headerReference", id));
                }
            }
            _ => {}
        }
    }

    fn close_link(&mut self, at: usize, target: Option<String>) {
        let Some(target) = target else { return };
        if let Some(p) = self.cur()
            && p.text.len() > at
            && p.text[at..].trim().chars().next().is_some()
        {
            let end = p.text.len();
            p.spans.push(Span {
                range: at..end,
                origin: Origin::Link { target },
            });
        }
    }

    fn end(&mut self, name: &[u8], depth: usize) {
        if let Some(at) = self.skip_at {
            if depth == at {
                self.skip_at = None;
            }
            return;
        }
        if let Some((a, b)) = &self.containers
            && (name == a.as_slice() || name == b.as_slice())
        {
            while !self.open.is_empty() {
                self.close_para();
            }
            if let Some(id) = self.container_id.take() {
                let paras = std::mem::take(&mut self.paras);
                self.by_container.push((id, paras));
            }
            return;
        }
        match name {
            b"p" => self.close_para(),
            b"pPr" => self.in_ppr = false,
            b"rPr" => self.in_rpr = false,
            b"r" => {
                self.in_run = false;
                self.run_hidden = false;
            }
            b"t" | b"instrText" => self.in_text = false,
            b"hyperlink" | b"fldSimple" => {
                if let Some((at, target)) = self.links.pop() {
                    self.close_link(at, target);
                }
            }
            b"txbxContent" => {
                if let Some(Container::TextBox(paras)) = self.containers_stack.pop() {
                    let boxed = paras.into_iter().map(|mut p| {
                        p.kind = ParaKind::TextBox;
                        p
                    });
                    match self.open.last_mut() {
                        Some(o) => o.boxes.extend(boxed),
                        None => self.paras.extend(boxed),
                    }
                }
            }
            b"tc" => {
                if let Some(Container::Cell(paras)) = self.containers_stack.pop() {
                    let cell = join_paras(paras);
                    match self.containers_stack.last_mut() {
                        Some(Container::Row(cells)) => cells.push(cell),
                        _ => self.finish(cell),
                    }
                }
            }
            b"tr" => {
                if let Some(Container::Row(cells)) = self.containers_stack.pop() {
                    let mut row = Para::default();
                    for (i, cell) in cells.into_iter().enumerate() {
                        if i > 0 {
                            row.text.push('\t');
                        }
                        let at = row.text.len();
                        // A cell's soft breaks stay in its row.
                        row.text.push_str(&cell.text.replace('\n', " "));
                        row.spans.extend(cell.spans.into_iter().map(|mut s| {
                            s.range = s.range.start + at..s.range.end + at;
                            s
                        }));
                        row.images += cell.images;
                        row.notes.extend(cell.notes);
                        row.comments.extend(cell.comments);
                        row.footnotes.extend(cell.footnotes);
                    }
                    if !row.text.trim().is_empty() || row.images > 0 {
                        self.finish(row);
                    }
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if self.skip_at.is_some() {
            return;
        }
        if self.in_text {
            if let Some(f) = self.fields.last_mut().filter(|f| !f.result) {
                f.instr.push_str(t);
                return;
            }
            self.push_text(t);
        }
    }

    fn close_para(&mut self) {
        let Some(mut o) = self.open.pop() else { return };
        // Numbering: the paragraph's own, else its style's.
        let (num, ilvl) = match (o.num.take(), o.style.as_deref()) {
            (Some(n), _) => (Some(n), o.ilvl),
            (None, Some(style)) => match self.styles.numbering(style) {
                Some((n, l)) => {
                    let l = o
                        .ilvl
                        .or(l)
                        .or_else(|| self.numbering.level_of_style(&n, style));
                    (Some(n), l)
                }
                None => (None, None),
            },
            (None, None) => (None, None),
        };
        if let Some(num) = num
            && let Some(label) = self.numbering.next_label(&num, ilvl.unwrap_or(0))
        {
            o.para.text.insert_str(0, &label);
            for s in &mut o.para.spans {
                s.range = s.range.start + label.len()..s.range.end + label.len();
            }
        }
        let boxes = std::mem::take(&mut o.boxes);
        self.finish(o.para);
        for b in boxes {
            self.finish(b);
        }
    }

    /// A finished paragraph goes to the innermost container.
    fn finish(&mut self, p: Para) {
        match self.containers_stack.last_mut() {
            Some(Container::Cell(paras)) | Some(Container::TextBox(paras)) => paras.push(p),
            Some(Container::Row(cells)) => cells.push(p),
            Some(Container::Body) | None => self.paras.push(p),
        }
    }
}

/// The URL of a HYPERLINK field instruction: `HYPERLINK "http://…" \o "tip"`.
fn field_link_target(instr: &str) -> String {
    let rest = instr.trim_start().trim_start_matches("HYPERLINK").trim();
    if let Some(r) = rest.strip_prefix('"') {
        return r.split('"').next().unwrap_or("").to_string();
    }
    if let Some(r) = rest.strip_prefix("\\l") {
        return format!("#{}", r.trim().trim_matches('"'));
    }
    rest.split_whitespace().next().unwrap_or("").to_string()
}
