//! The .doc reader (Word 97–2003 binary, and the WPS 文字 files that carry the same
//! WordDocument stream): the OLE container through the `cfb` crate, then the File
//! Information Block, the piece table, the paragraph and character properties, the list
//! tables and the stories (main text, footnotes, headers and footers, comments, text
//! boxes) parsed here, after [MS-DOC].
//!
//! Every offset and length read from the file is checked against the stream it points into
//! before it is used, so a corrupt or hostile file gets a message, never a panic or an
//! allocation larger than the file. No dependency on egui.

use super::numbering::{Level, ListDef, ListInstance, NumFmt, Numbering, Suffix};
use super::{Para, ParaKind, Span};
use crate::model::Origin;
use std::collections::HashMap;
use std::io::Read;

/// Why a file could not be read, in words for the user.
pub type Problem = String;

/// What a .doc file gives: its paragraphs, and whether it looks made by WPS.
#[derive(Debug, Default)]
pub struct DocFile {
    pub paras: Vec<Para>,
    pub wps: bool,
}

/// A stream may hold at most this many bytes (a 300-page compilation's WordDocument stream
/// is about 2 MB; the whole file is already bounded by `MAX_FILE_SIZE`).
const MAX_STREAM: u64 = 512 * 1024 * 1024;
/// At most this many pieces in the piece table (Word's own files have a few thousand).
const MAX_PIECES: usize = 1 << 20;

fn corrupt(what: &str) -> Problem {
    format!(
        "Word 97–2003 文档结构已损坏（{what}），文件可能不完整；请重新下载，或在 Word/WPS 中另存为 .docx 再打开"
    )
}

/// What a Word 6.0/95 file is told.
const WORD_95: &str =
    "这是 Word 6.0/95 或更早版本的文档，清稿读不了；请在 Word 或 WPS 中另存为 .docx 再打开";

pub(super) fn encrypted() -> Problem {
    "文档有打开密码（已加密），清稿无法读取；请在 Word/WPS 中输入密码打开，去掉密码另存后再打开"
        .into()
}

/// The OLE file's bytes as a .doc: its paragraphs, headers first and footers last.
pub fn read(bytes: &[u8]) -> Result<DocFile, Problem> {
    let mut ole = open_ole(bytes)?;
    if !ole.is_stream("/WordDocument") {
        return Err(not_word(&ole));
    }
    let limit = (bytes.len() as u64).min(MAX_STREAM);
    let word = stream(&mut ole, "/WordDocument", limit)?.ok_or_else(|| corrupt("正文流"))?;
    let fib = Fib::parse(&word)?;
    let table_name = if fib.which_table {
        "/1Table"
    } else {
        "/0Table"
    };
    let table =
        stream(&mut ole, table_name, limit)?.ok_or_else(|| corrupt("缺少表格流 0Table/1Table"))?;
    let wps = looks_like_wps(&mut ole, limit);
    let doc = Doc::new(&word, &table, &fib)?;
    Ok(DocFile {
        paras: doc.paragraphs(),
        wps,
    })
}

type Ole<'a> = cfb::CompoundFile<std::io::Cursor<std::borrow::Cow<'a, [u8]>>>;

/// The OLE container. Some programs write a FAT longer than the file (entries for sectors
/// never written, past the end): such a file is read, as LibreOffice reads it, as if it
/// went on with empty sectors, up to 64 MB.
fn open_ole(bytes: &[u8]) -> Result<Ole<'_>, Problem> {
    use std::borrow::Cow;
    let damaged = |e: std::io::Error| {
        format!("OLE 复合文件已损坏或不完整，可能下载时中断了；请重新下载后再试（{e}）")
    };
    match cfb::CompoundFile::open(std::io::Cursor::new(Cow::Borrowed(bytes))) {
        Ok(ole) => Ok(ole),
        Err(e) if e.to_string().contains("but file has only") => match padded_to_fat(bytes) {
            Some(padded) => {
                cfb::CompoundFile::open(std::io::Cursor::new(Cow::Owned(padded))).map_err(damaged)
            }
            None => Err(damaged(e)),
        },
        Err(e) => Err(damaged(e)),
    }
}

/// `bytes` with zero sectors added up to what its FAT covers, if that is within bounds.
fn padded_to_fat(bytes: &[u8]) -> Option<Vec<u8>> {
    let sector = match u16_at(bytes, 0x1E)? {
        9 => 512usize,
        12 => 4096,
        _ => return None,
    };
    let fat_sectors = u32_at(bytes, 0x2C)? as usize;
    let want = sector.checked_add(fat_sectors.checked_mul(sector / 4)?.checked_mul(sector)?)?;
    (want > bytes.len() && want <= 64 << 20).then(|| {
        let mut v = bytes.to_vec();
        v.resize(want, 0);
        v
    })
}

/// What an OLE file without a WordDocument stream is, and what to do.
fn not_word<F: Read + std::io::Seek>(ole: &cfb::CompoundFile<F>) -> Problem {
    let has = |name: &str| ole.is_stream(name);
    if has("/Workbook") || has("/Book") {
        "这是 Excel 97–2003 表格（.xls），不是 Word 文档；请打开 Word 或文本文件".into()
    } else if has("/PowerPoint Document") {
        "这是 PowerPoint 97–2003 演示文稿（.ppt），不是 Word 文档".into()
    } else {
        "这是一个 OLE 复合文件，但里面没有 Word 文档（可能是旧版 WPS 或其他程序的文件）；请在 WPS 或 Word 中另存为 .docx 再打开".into()
    }
}

/// A stream's bytes, None when there is none; refused past `limit` bytes.
fn stream<F: Read + std::io::Seek>(
    ole: &mut cfb::CompoundFile<F>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, Problem> {
    if !ole.is_stream(name) {
        return Ok(None);
    }
    let mut s = ole
        .open_stream(name)
        .map_err(|e| corrupt(&format!("{name}: {e}")))?;
    if s.len() > limit {
        return Err(corrupt(&format!("{name} 的长度超出文件大小")));
    }
    let mut out = Vec::with_capacity(s.len() as usize);
    (&mut s)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|e| corrupt(&format!("{name}: {e}")))?;
    Ok(Some(out))
}

/// A file saved by WPS says so in its summary information (the creating application) or
/// in the root's class id; a .wps extension is judged by the caller.
fn looks_like_wps<F: Read + std::io::Seek>(ole: &mut cfb::CompoundFile<F>, limit: u64) -> bool {
    let Ok(Some(info)) = stream(ole, "/\u{5}SummaryInformation", limit.min(1 << 20)) else {
        return false;
    };
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    ["WPS", "Kingsoft"].iter().any(|name| {
        memchr::memmem::find(&info, name.as_bytes()).is_some()
            || memchr::memmem::find(&info, &utf16(name)).is_some()
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The parts of the File Information Block this reader uses.
#[derive(Debug, Default, Clone)]
struct Fib {
    which_table: bool,
    lid: u16,
    lid_fe: u16,
    chse: u16,
    /// Character counts of the stories, in order: main, footnotes, headers, macros,
    /// comments, endnotes, text boxes, header text boxes.
    ccp: [u32; 8],
    /// (fc, lcb) pairs of the table stream's structures, by their index in FibRgFcLcb.
    fc_lcb: Vec<(u32, u32)>,
}

const FC_STSHF: usize = 1;
const FC_PLCFFND_REF: usize = 2;
const FC_PLCFFND_TXT: usize = 3;
const FC_PLCFAND_REF: usize = 4;
const FC_PLCFAND_TXT: usize = 5;
const FC_PLCFHDD: usize = 11;
const FC_PLCFBTE_CHPX: usize = 12;
const FC_PLCFBTE_PAPX: usize = 13;
const FC_CLX: usize = 33;
const FC_PLCFEND_REF: usize = 46;
const FC_PLCFEND_TXT: usize = 47;
const FC_PLFLST: usize = 73;
const FC_PLFLFO: usize = 74;

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, Problem> {
        let short = || corrupt("文件信息块 FIB 不完整");
        let ident = u16_at(word, 0).ok_or_else(short)?;
        // Word 6.0 and Word 95 wrote 0xA5DC (with their own, older FIB).
        if ident == 0xA5DC {
            return Err(WORD_95.into());
        }
        if ident != 0xA5EC {
            return Err(corrupt("文件信息块 FIB 的标识不对"));
        }
        let nfib = u16_at(word, 2).ok_or_else(short)?;
        let flags = u16_at(word, 10).ok_or_else(short)?;
        // fEncrypted, and fObfuscated (XOR "encryption", also behind a password).
        if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
            return Err(encrypted());
        }
        if nfib < 101 && nfib != 0 {
            return Err(WORD_95.into());
        }
        let mut fib = Fib {
            which_table: flags & 0x0200 != 0,
            lid: u16_at(word, 6).ok_or_else(short)?,
            chse: u16_at(word, 20).ok_or_else(short)?,
            ..Fib::default()
        };
        let csw = u16_at(word, 32).ok_or_else(short)? as usize;
        let rgw = 34;
        if csw >= 14 {
            fib.lid_fe = u16_at(word, rgw + 26).ok_or_else(short)?;
        }
        let cslw_at = rgw + csw * 2;
        let cslw = u16_at(word, cslw_at).ok_or_else(short)? as usize;
        let rglw = cslw_at + 2;
        if cslw < 11 {
            return Err(corrupt("FIB 的计数区太短"));
        }
        // ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx.
        for (i, slot) in fib.ccp.iter_mut().enumerate() {
            *slot = u32_at(word, rglw + 12 + i * 4).ok_or_else(short)?;
        }
        let cb_at = rglw + cslw * 4;
        let cb = u16_at(word, cb_at).ok_or_else(short)? as usize;
        let blob = cb_at + 2;
        for i in 0..cb {
            let (Some(fc), Some(lcb)) =
                (u32_at(word, blob + i * 8), u32_at(word, blob + i * 8 + 4))
            else {
                return Err(short());
            };
            fib.fc_lcb.push((fc, lcb));
        }
        Ok(fib)
    }

    /// The bytes of a table-stream structure, None when the file has none; an error when
    /// the FIB points outside the stream.
    fn structure<'a>(&self, table: &'a [u8], index: usize) -> Result<Option<&'a [u8]>, Problem> {
        let Some(&(fc, lcb)) = self.fc_lcb.get(index) else {
            return Ok(None);
        };
        if lcb == 0 {
            return Ok(None);
        }
        let (fc, lcb) = (fc as usize, lcb as usize);
        match fc.checked_add(lcb).and_then(|end| table.get(fc..end)) {
            Some(b) => Ok(Some(b)),
            None => Err(corrupt("FIB 指向表格流之外")),
        }
    }
}

/// A piece of the text: CPs `cp..cp_end` stored from byte `fc` of the WordDocument stream,
/// one byte a character (8-bit code page) or two (UTF-16LE).
#[derive(Debug, Clone, Copy)]
struct Pcd {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
    /// Character properties the piece's own sprms give it (a fast-saved file's edits).
    chp: CharProps,
}

/// A PLC: n+1 CPs (or FCs) then n data items of `size` bytes.
fn plc(bytes: &[u8], size: usize) -> Option<(Vec<u32>, &[u8])> {
    let len = bytes.len();
    if len < 4 {
        return None;
    }
    let n = (len - 4) / (4 + size);
    let cps: Vec<u32> = (0..=n).filter_map(|i| u32_at(bytes, i * 4)).collect();
    let data = bytes.get((n + 1) * 4..(n + 1) * 4 + n * size)?;
    Some((cps, data))
}

/// The piece table from the CLX: Prc records (skipped) then the Pcdt.
fn pieces(clx: &[u8], word_len: usize) -> Result<Vec<Pcd>, Problem> {
    let mut at = 0usize;
    // The Prc records' sprms, which a piece's Prm names by index.
    let mut prcs: Vec<&[u8]> = Vec::new();
    loop {
        match clx.get(at) {
            Some(1) => {
                let cb = u16_at(clx, at + 1).ok_or_else(|| corrupt("片段表 CLX 不完整"))?;
                let grpprl = clx
                    .get(at + 3..at + 3 + cb as usize)
                    .ok_or_else(|| corrupt("片段表 CLX 不完整"))?;
                prcs.push(grpprl);
                at += 3 + cb as usize;
            }
            Some(2) => break,
            _ => return Err(corrupt("片段表 CLX 不完整")),
        }
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(|| corrupt("片段表 CLX 不完整"))? as usize;
    let body = at
        .checked_add(5)
        .and_then(|s| Some(s..s.checked_add(lcb)?))
        .and_then(|r| clx.get(r))
        .ok_or_else(|| corrupt("片段表的长度超出表格流"))?;
    if body.len() < 16 || (body.len() - 4) % 12 != 0 {
        return Err(corrupt("片段表的长度不对"));
    }
    let n = (body.len() - 4) / 12;
    if n > MAX_PIECES {
        return Err(corrupt(&format!("片段表有 {n} 个片段，多得不合理")));
    }
    let (cps, data) = plc(body, 8).ok_or_else(|| corrupt("片段表不完整"))?;
    // Each character takes at least a byte of the stream: more characters than bytes means
    // pieces that claim the same bytes over and over.
    if cps[0] != 0 || cps[n] as usize > word_len {
        return Err(corrupt("片段表的字符数超出正文流"));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (cp, cp_end) = (cps[i], cps[i + 1]);
        if cp_end < cp {
            return Err(corrupt("片段表的位置倒退"));
        }
        let raw = u32_at(data, i * 8 + 2).ok_or_else(|| corrupt("片段表不完整"))?;
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        let fc = if compressed { fc / 2 } else { fc };
        let bytes = (cp_end - cp) as u64 * if compressed { 1 } else { 2 };
        if fc as u64 + bytes > word_len as u64 {
            return Err(corrupt("片段指向正文流之外"));
        }
        // Prm: fComplex set, the rest the index of a Prc (Prm0, a single sprm by a table
        // of short codes, is not read).
        let mut chp = CharProps::default();
        if let Some(prm) = u16_at(data, i * 8 + 6)
            && prm & 1 == 1
            && let Some(grpprl) = prcs.get((prm >> 1) as usize)
        {
            apply_char_sprms(&mut chp, grpprl);
        }
        out.push(Pcd {
            cp,
            cp_end,
            fc,
            compressed,
            chp,
        });
    }
    Ok(out)
}

/// The code page of the 8-bit pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePage {
    Cp1252,
    Gbk,
    Big5,
}

/// The code page the file's 8-bit pieces are in: cp1252 as the spec says, unless the
/// language ids or the charset say Chinese and the bytes decode as such, or the bytes are
/// plainly GBK (WPS and old Chinese programs store GBK there whatever the FIB says).
pub fn code_page(lid: u16, lid_fe: u16, chse: u16, eight_bit: &[u8]) -> CodePage {
    let simplified = [0x0804, 0x1004].contains(&lid) || [0x0804, 0x1004].contains(&lid_fe);
    let traditional = [0x0404, 0x0C04, 0x1404].contains(&lid) && !simplified;
    if !eight_bit.iter().any(|&b| b >= 0x80) {
        return CodePage::Cp1252;
    }
    let cjk_share = |enc: &'static encoding_rs::Encoding| -> Option<f32> {
        let (text, had_errors) = enc.decode_without_bom_handling(eight_bit);
        if had_errors {
            return None;
        }
        let wide = text.chars().filter(|c| !c.is_ascii()).count().max(1);
        let cjk = text
            .chars()
            .filter(|&c| {
                ('\u{3000}'..='\u{9FFF}').contains(&c) || ('\u{FF00}'..='\u{FFEF}').contains(&c)
            })
            .count();
        Some(cjk as f32 / wide as f32)
    };
    if traditional && cjk_share(encoding_rs::BIG5).is_some() {
        return CodePage::Big5;
    }
    match cjk_share(encoding_rs::GBK) {
        Some(_) if simplified || chse == 134 => CodePage::Gbk,
        Some(share) if share > 0.8 => CodePage::Gbk,
        _ => CodePage::Cp1252,
    }
}

/// A character position with no character of its own (the second byte of a GBK pair, the
/// low half of a surrogate pair).
const NONE: char = '\u{FFFF}';

/// The text by CP: each CP's character and the stream offset it is stored at.
#[derive(Debug, Default)]
struct Chars {
    ch: Vec<char>,
    fc: Vec<u32>,
}

/// Decodes the pieces into characters by CP, 8-bit pieces in `cp`.
fn decode(word: &[u8], pcds: &[Pcd], page: CodePage) -> Chars {
    let table: Vec<char> = (0u8..=255)
        .map(|b| {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&[b])
                .0
                .chars()
                .next()
                .unwrap_or('\u{FFFD}')
        })
        .collect();
    let total: usize = pcds.iter().map(|p| (p.cp_end - p.cp) as usize).sum();
    let mut out = Chars {
        ch: Vec::with_capacity(total),
        fc: Vec::with_capacity(total),
    };
    for p in pcds {
        // Pieces cover the CPs in order; a gap or overlap is filled or cut.
        let cp = p.cp as usize;
        if cp > out.ch.len() {
            out.ch.resize(cp, NONE);
            out.fc.resize(cp, 0);
        }
        out.ch.truncate(cp);
        out.fc.truncate(cp);
        let n = (p.cp_end - p.cp) as usize;
        let start = p.fc as usize;
        if p.compressed {
            let bytes = &word[start..start + n];
            decode_8bit(bytes, page, &table, &mut out.ch);
            out.fc.extend((0..n as u32).map(|i| p.fc + i));
        } else {
            let units = word[start..start + 2 * n]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]));
            for c in char::decode_utf16(units) {
                let c = c.unwrap_or('\u{FFFD}');
                out.ch.push(c);
                if c.len_utf16() == 2 {
                    out.ch.push(NONE);
                }
            }
            out.fc.extend((0..n as u32).map(|i| p.fc + 2 * i));
        }
    }
    out
}

/// 8-bit bytes into one character per byte, a double-byte character followed by [`NONE`].
pub fn decode_8bit(bytes: &[u8], page: CodePage, cp1252: &[char], out: &mut Vec<char>) {
    let enc = match page {
        CodePage::Cp1252 => None,
        CodePage::Gbk => Some(encoding_rs::GBK),
        CodePage::Big5 => Some(encoding_rs::BIG5),
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match enc {
            Some(enc) if b >= 0x81 && b != 0xFF && i + 1 < bytes.len() => {
                let (s, bad) = enc.decode_without_bom_handling(&bytes[i..i + 2]);
                let mut cs = s.chars();
                match (bad, cs.next(), cs.next()) {
                    (false, Some(c), None) => {
                        out.push(c);
                        out.push(NONE);
                        i += 2;
                        continue;
                    }
                    _ => out.push('\u{FFFD}'),
                }
            }
            Some(_) if b >= 0x80 => out.push('\u{FFFD}'),
            _ => out.push(cp1252.get(b as usize).copied().unwrap_or('\u{FFFD}')),
        }
        i += 1;
    }
}

/// The sprms of a grpprl: (operation code, operand).
fn sprms(grpprl: &[u8]) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(op) = u16_at(grpprl, at) {
        at += 2;
        let size = match op >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => {
                // Variable: a size byte, or for sprmTDefTable a size word.
                if op == 0xD608 || op == 0xD606 {
                    match u16_at(grpprl, at) {
                        Some(cb) => {
                            at += 2;
                            (cb as usize).saturating_sub(1)
                        }
                        None => break,
                    }
                } else {
                    match grpprl.get(at) {
                        Some(&cb) => {
                            at += 1;
                            cb as usize
                        }
                        None => break,
                    }
                }
            }
        };
        let Some(operand) = grpprl.get(at..at + size) else {
            break;
        };
        out.push((op, operand));
        at += size;
    }
    out
}

/// Paragraph properties this reader needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ParaProps {
    ilfo: u16,
    ilvl: u8,
    in_table: bool,
    /// The mark ends a table row.
    ttp: bool,
}

/// Character properties this reader needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct CharProps {
    hidden: bool,
    deleted: bool,
    /// sprmCSymbol: the character an inserted symbol shows, stored in the text as "(".
    symbol: Option<char>,
}

/// Property runs by stream offset: (fc, fc_end, props), sorted.
struct Runs<T> {
    runs: Vec<(u32, u32, T)>,
}

impl<T: Copy + Default> Runs<T> {
    fn at(&self, fc: u32) -> T {
        let i = self.runs.partition_point(|r| r.1 <= fc);
        match self.runs.get(i) {
            Some(&(s, e, t)) if s <= fc && fc < e => t,
            _ => T::default(),
        }
    }
}

/// The FKP pages a PlcfBte names, each 512 bytes of the WordDocument stream.
fn fkp_pages<'a>(word: &'a [u8], plcf: &[u8]) -> Vec<&'a [u8]> {
    let Some((_, data)) = plc(plcf, 4) else {
        return Vec::new();
    };
    let mut seen = std::collections::HashSet::new();
    data.chunks_exact(4)
        .filter_map(|c| {
            let pn = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) & 0x003F_FFFF;
            let at = pn as usize * 512;
            if !seen.insert(pn) {
                return None;
            }
            word.get(at..at + 512)
        })
        .collect()
}

/// The character sprms this reader needs (sprmCFVanish, sprmCFRMarkDel, sprmCSymbol), applied on
/// `props`; 0x81 is "the opposite of the style", taken as on.
fn apply_char_sprms(props: &mut CharProps, grpprl: &[u8]) {
    for (op, arg) in sprms(grpprl) {
        let on = matches!(arg.first(), Some(1 | 0x81));
        match op {
            0x083C => props.hidden = on,
            0x0800 => props.deleted = on,
            // The font (2 bytes), then the character.
            0x6A09 => {
                props.symbol = arg
                    .get(2..4)
                    .map(|b| u16::from_le_bytes([b[0], b[1]]) as u32)
                    .and_then(char::from_u32)
            }
            _ => {}
        }
    }
}

fn chpx_runs(word: &[u8], plcf: &[u8]) -> Runs<CharProps> {
    let mut runs = Vec::new();
    for page in fkp_pages(word, plcf) {
        let crun = page[511] as usize;
        for i in 0..crun {
            let (Some(s), Some(e)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4)) else {
                break;
            };
            let Some(&off) = page.get((crun + 1) * 4 + i) else {
                break;
            };
            let mut props = CharProps::default();
            if off != 0 {
                let at = off as usize * 2;
                let cb = page.get(at).copied().unwrap_or(0) as usize;
                if let Some(grpprl) = page.get(at + 1..at + 1 + cb) {
                    apply_char_sprms(&mut props, grpprl);
                }
            }
            if s < e {
                runs.push((s, e, props));
            }
        }
    }
    runs.sort_by_key(|r| r.0);
    Runs { runs }
}

/// The paragraph sprms this reader needs, applied on `props`.
fn apply_para_sprms(props: &mut ParaProps, grpprl: &[u8]) {
    for (op, arg) in sprms(grpprl) {
        match op {
            0x260A => props.ilvl = arg.first().copied().unwrap_or(0),
            0x460B => props.ilfo = u16_at(arg, 0).unwrap_or(0),
            0x2416 => props.in_table = arg.first() == Some(&1),
            0x2417 => props.ttp = arg.first() == Some(&1),
            0x244C => props.ttp |= arg.first() == Some(&1),
            0x6649 => props.in_table |= u32_at(arg, 0).unwrap_or(0) > 0,
            _ => {}
        }
    }
}

/// The list a paragraph style gives its paragraphs (Word's heading styles linked to a list),
/// by istd, with what each inherits from its base style; the table properties are a
/// paragraph's own and are not inherited.
fn style_props(table: &[u8], fib: &Fib) -> Vec<ParaProps> {
    let Ok(Some(stsh)) = fib.structure(table, FC_STSHF) else {
        return Vec::new();
    };
    let (Some(cb_stshi), Some(cstd), Some(cb_base)) =
        (u16_at(stsh, 0), u16_at(stsh, 2), u16_at(stsh, 4))
    else {
        return Vec::new();
    };
    let cb_base = cb_base as usize;
    // (base style, the style's paragraph sprms)
    let mut raw: Vec<(usize, &[u8])> = Vec::new();
    let mut at = 2 + cb_stshi as usize;
    for _ in 0..cstd {
        let Some(cb) = u16_at(stsh, at) else { break };
        let Some(std) = stsh.get(at + 2..at + 2 + cb as usize) else {
            break;
        };
        at += 2 + cb as usize;
        let mut entry = (0x0FFF, &[][..]);
        if let Some(w) = u16_at(std, 2)
            && w & 0xF == 1
            && let Some(cch) = u16_at(std, cb_base)
        {
            entry.0 = (w >> 4) as usize;
            // After the name (a length, the characters and a terminating zero), the
            // paragraph UPX: its length, the style index, the sprms.
            let upx = cb_base + 2 + cch as usize * 2 + 2;
            if let Some(len) = u16_at(std, upx)
                && let Some(papx) = std.get(upx + 2..upx + 2 + len as usize)
            {
                entry.1 = papx.get(2..).unwrap_or_default();
            }
        }
        raw.push(entry);
    }
    (0..raw.len())
        .map(|i| {
            // The chain of base styles, outermost first, cut at a loop or 16 steps.
            let mut chain = vec![i];
            while let Some(&(base, _)) = raw.get(*chain.last().unwrap_or(&i))
                && base < raw.len()
                && chain.len() < 16
                && !chain.contains(&base)
            {
                chain.push(base);
            }
            let mut props = ParaProps::default();
            for &k in chain.iter().rev() {
                apply_para_sprms(&mut props, raw[k].1);
            }
            props.in_table = false;
            props.ttp = false;
            props
        })
        .collect()
}

fn papx_runs(word: &[u8], plcf: &[u8], styles: &[ParaProps]) -> Runs<ParaProps> {
    let mut runs = Vec::new();
    for page in fkp_pages(word, plcf) {
        let cpara = page[511] as usize;
        for i in 0..cpara {
            let (Some(s), Some(e)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4)) else {
                break;
            };
            let Some(&off) = page.get((cpara + 1) * 4 + i * 13) else {
                break;
            };
            let mut props = ParaProps::default();
            let at = off as usize * 2;
            if off != 0 {
                let grpprl = match page.get(at).copied() {
                    Some(0) => {
                        let cb = page.get(at + 1).copied().unwrap_or(0) as usize * 2;
                        page.get(at + 2..at + 2 + cb)
                    }
                    Some(cb) => page.get(at + 1..at + cb as usize * 2),
                    None => None,
                };
                // GrpPrlAndIstd: the style index, then the sprms.
                if let Some(g) = grpprl {
                    let istd = u16_at(g, 0).unwrap_or(0) as usize;
                    props = styles.get(istd).copied().unwrap_or_default();
                    apply_para_sprms(&mut props, g.get(2..).unwrap_or_default());
                }
            }
            if s < e {
                runs.push((s, e, props));
            }
        }
    }
    runs.sort_by_key(|r| r.0);
    Runs { runs }
}

/// The number format of an MSONFC code ([MS-OSHARED] 2.2.1.3), read as Word and
/// LibreOffice show them.
fn nfc(code: u8) -> NumFmt {
    match code {
        0 | 5 | 6 | 7 | 19 => NumFmt::Decimal,
        1 => NumFmt::UpperRoman,
        2 => NumFmt::LowerRoman,
        3 => NumFmt::UpperLetter,
        4 => NumFmt::LowerLetter,
        14 => NumFmt::DecimalFullWidth,
        18 | 28 => NumFmt::DecimalEnclosedCircle,
        22 => NumFmt::DecimalZero,
        23 => NumFmt::Bullet,
        26 => NumFmt::DecimalEnclosedFullstop,
        27 => NumFmt::DecimalEnclosedParen,
        30 => NumFmt::IdeographTraditional,
        31 | 32 => NumFmt::IdeographZodiac,
        // 一二三 … 十一 (Word writes 39 in simplified-Chinese text, LibreOffice 35 or 39).
        10 | 11 | 33 | 35 | 36 | 37 | 39 => NumFmt::ChineseCounting,
        // 壹贰叁 …
        34 | 38 => NumFmt::ChineseLegal,
        255 => NumFmt::None,
        _ => NumFmt::Decimal,
    }
}

/// One LVL at `at` in the table stream: the level and where the next one starts.
fn lvl(table: &[u8], at: usize) -> Option<(Level, usize)> {
    let f = table.get(at..at + 28)?;
    let start = u32_at(f, 0)?;
    let flags = f[5];
    let follow = f[15];
    let cb_chpx = f[24] as usize;
    let cb_papx = f[25] as usize;
    let restart_lim = f[26];
    let xst = at + 28 + cb_papx + cb_chpx;
    let cch = u16_at(table, xst)? as usize;
    let units = table.get(xst + 2..xst + 2 + cch * 2)?;
    let mut text = String::new();
    for c in char::decode_utf16(
        units
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]])),
    ) {
        match c {
            Ok(c) if (c as u32) < 9 => text.push_str(&format!("%{}", c as u32 + 1)),
            Ok(c) => text.push(c),
            Err(_) => text.push('\u{FFFD}'),
        }
    }
    let level = Level {
        start: start.min(1 << 20),
        format: nfc(f[4]),
        text,
        restart: (flags & 0x08 != 0).then_some(restart_lim as u32),
        legal: flags & 0x04 != 0,
        suffix: match follow {
            1 => Suffix::Space,
            2 => Suffix::Nothing,
            _ => Suffix::Tab,
        },
        style: None,
    };
    Some((level, xst + 2 + cch * 2))
}

/// The list definitions (PlfLst, then their LVLs) and instances (PlfLfo with its
/// LFOData), keyed by lsid and by the 1-based ilfo paragraphs use.
fn lists(table: &[u8], fib: &Fib) -> Numbering {
    let mut numbering = Numbering::default();
    let Some(&(fc, lcb)) = fib.fc_lcb.get(FC_PLFLST) else {
        return numbering;
    };
    if lcb == 0 {
        return numbering;
    }
    let fc = fc as usize;
    let count = u16_at(table, fc).unwrap_or(0) as usize;
    let mut lsts = Vec::new();
    for i in 0..count {
        let at = fc + 2 + i * 28;
        let (Some(lsid), Some(&flags)) = (u32_at(table, at), table.get(at + 26)) else {
            break;
        };
        lsts.push((lsid, flags & 1 != 0));
    }
    // The LVLs follow the LSTFs in the table stream, nine a list (one for a simple list).
    let mut at = fc + 2 + lsts.len() * 28;
    'lists: for (lsid, simple) in lsts {
        let mut def = ListDef::default();
        for _ in 0..if simple { 1 } else { 9 } {
            match lvl(table, at) {
                Some((level, next)) => {
                    def.levels.push(level);
                    at = next;
                }
                None => {
                    numbering.defs.insert(lsid.to_string(), def);
                    break 'lists;
                }
            }
        }
        numbering.defs.insert(lsid.to_string(), def);
    }
    let Some(&(fc, lcb)) = fib.fc_lcb.get(FC_PLFLFO) else {
        return numbering;
    };
    if lcb == 0 {
        return numbering;
    }
    let fc = fc as usize;
    let count = (u32_at(table, fc).unwrap_or(0) as usize).min(table.len() / 16);
    let mut lfos = Vec::new();
    for i in 0..count {
        let at = fc + 4 + i * 16;
        let (Some(lsid), Some(&clfolvl)) = (u32_at(table, at), table.get(at + 12)) else {
            break;
        };
        lfos.push((lsid, clfolvl as usize));
    }
    let mut at = fc + 4 + lfos.len() * 16;
    for (i, (lsid, clfolvl)) in lfos.into_iter().enumerate() {
        let mut inst = ListInstance {
            def: lsid.to_string(),
            ..ListInstance::default()
        };
        // LFOData: a CP, then the level overrides.
        at += 4;
        for _ in 0..clfolvl {
            let (Some(start), Some(flags)) = (u32_at(table, at), u32_at(table, at + 4)) else {
                break;
            };
            at += 8;
            let ilvl = (flags & 0xF) as usize;
            if flags & 0x20 != 0 {
                match lvl(table, at) {
                    Some((level, next)) => {
                        inst.levels.insert(ilvl, level);
                        at = next;
                    }
                    None => break,
                }
            } else if flags & 0x10 != 0 {
                inst.starts.insert(ilvl, start.min(1 << 20));
            }
        }
        numbering.instances.insert((i + 1).to_string(), inst);
    }
    numbering
}

/// A field being read: its code so far, whether its result has begun, where a HYPERLINK
/// field's result starts in the open paragraph.
struct Field {
    code: String,
    result: bool,
    link: Option<(String, usize)>,
}

/// The target of a HYPERLINK field code: `HYPERLINK "url"` or `HYPERLINK \l "bookmark"`.
fn link_target(code: &str) -> Option<String> {
    let rest = code.trim_start().strip_prefix("HYPERLINK")?;
    let bookmark = rest.contains("\\l");
    let quoted = rest.split('"').nth(1).map(str::to_string);
    let target = quoted.or_else(|| {
        rest.split_whitespace()
            .find(|w| !w.starts_with('\\'))
            .map(str::to_string)
    })?;
    Some(if bookmark {
        format!("#{target}")
    } else {
        target
    })
}

/// The decoded document with its properties.
struct Doc<'a> {
    table: &'a [u8],
    fib: &'a Fib,
    chars: Chars,
    paps: Runs<ParaProps>,
    chps: Runs<CharProps>,
    /// Pieces whose own sprms make their text hidden or deleted: (cp, cp_end, props).
    piece_chps: Vec<(usize, usize, CharProps)>,
    numbering: Numbering,
}

impl<'a> Doc<'a> {
    fn new(word: &'a [u8], table: &'a [u8], fib: &'a Fib) -> Result<Doc<'a>, Problem> {
        let clx = fib
            .structure(table, FC_CLX)?
            .ok_or_else(|| corrupt("缺少片段表 CLX"))?;
        let pcds = pieces(clx, word.len())?;
        let mut eight_bit = Vec::new();
        for p in pcds.iter().filter(|p| p.compressed) {
            let s = p.fc as usize;
            eight_bit.extend_from_slice(&word[s..s + (p.cp_end - p.cp) as usize]);
            if eight_bit.len() > 1 << 20 {
                break;
            }
        }
        let page = code_page(fib.lid, fib.lid_fe, fib.chse, &eight_bit);
        let chars = decode(word, &pcds, page);
        let paps = match fib.structure(table, FC_PLCFBTE_PAPX)? {
            Some(p) => papx_runs(word, p, &style_props(table, fib)),
            None => Runs { runs: Vec::new() },
        };
        let chps = match fib.structure(table, FC_PLCFBTE_CHPX)? {
            Some(p) => chpx_runs(word, p),
            None => Runs { runs: Vec::new() },
        };
        let numbering = lists(table, fib);
        let piece_chps = pcds
            .iter()
            .filter(|p| p.chp != CharProps::default())
            .map(|p| (p.cp as usize, p.cp_end as usize, p.chp))
            .collect();
        Ok(Doc {
            table,
            fib,
            chars,
            paps,
            chps,
            piece_chps,
            numbering,
        })
    }

    /// CPs of story `i` (0 main, 1 footnotes, 2 headers, 4 comments, 5 endnotes, 6 text
    /// boxes), clamped to the text there is.
    fn story(&self, i: usize) -> std::ops::Range<usize> {
        let start: u64 = self.fib.ccp[..i].iter().map(|&c| c as u64).sum();
        let end = start + self.fib.ccp[i] as u64;
        let len = self.chars.ch.len() as u64;
        start.min(len) as usize..end.min(len) as usize
    }

    /// CP ranges (relative to the story) from a PLC of CPs in the table stream.
    fn plc_cps(&self, index: usize, size: usize) -> Vec<u32> {
        let cps = match self.fib.structure(self.table, index) {
            Ok(Some(b)) => plc(b, size).map(|(cps, _)| cps).unwrap_or_default(),
            _ => Vec::new(),
        };
        // A PLC's CPs only go up; one that goes back would have the same text read again
        // and again, so it is left out.
        if cps.windows(2).all(|w| w[0] <= w[1]) {
            cps
        } else {
            Vec::new()
        }
    }

    /// Texts of the notes or comments of a story, keyed by the CP of their reference mark
    /// in the main text.
    fn notes(&self, story: usize, refs: usize, texts: usize, size: usize) -> HashMap<usize, Para> {
        let range = self.story(story);
        let mut out = HashMap::new();
        if range.is_empty() {
            return out;
        }
        let refs = self.plc_cps(refs, size);
        let texts = self.plc_cps(texts, 0);
        for (i, w) in texts.windows(2).enumerate() {
            let (Some(&cp), true) = (refs.get(i), w[0] <= w[1]) else {
                continue;
            };
            let a = (range.start + w[0] as usize).min(range.end);
            let b = (range.start + w[1] as usize).min(range.end);
            let paras = self.read_paras(a..b, ParaKind::Footnote, None);
            let mut note = Para {
                kind: ParaKind::Footnote,
                ..Para::default()
            };
            for p in paras.into_iter().filter(|p| !p.text.trim().is_empty()) {
                if !note.text.is_empty() {
                    note.text.push(' ');
                }
                let at = note.text.len();
                let body = p.text.trim_start();
                let lead = p.text.len() - body.len();
                note.text.push_str(body);
                note.spans.extend(p.spans.into_iter().filter_map(|mut s| {
                    s.range = (s.range.start.checked_sub(lead)? + at)..(s.range.end - lead + at);
                    Some(s)
                }));
                note.images += p.images;
            }
            out.insert(cp as usize, note);
        }
        out
    }

    fn paragraphs(mut self) -> Vec<Para> {
        let notes = {
            let mut n = self.notes(1, FC_PLCFFND_REF, FC_PLCFFND_TXT, 2);
            n.extend(self.notes(5, FC_PLCFEND_REF, FC_PLCFEND_TXT, 2));
            n
        };
        let comments = self.notes(4, FC_PLCFAND_REF, FC_PLCFAND_TXT, 30);
        let mut refs = Refs {
            notes,
            comments,
            marks: 0,
        };
        // Headers and footers: PlcfHdd's stories after the six separators, six a section.
        let mut headers = Vec::new();
        let mut footers = Vec::new();
        let hdd = self.story(2);
        let cps = self.plc_cps(FC_PLCFHDD, 0);
        let mut seen = std::collections::HashSet::new();
        for (i, w) in cps.windows(2).enumerate().skip(6) {
            if w[0] >= w[1] {
                continue;
            }
            let a = (hdd.start + w[0] as usize).min(hdd.end);
            let b = (hdd.start + w[1] as usize).min(hdd.end);
            let footer = matches!((i - 6) % 6, 2 | 3 | 5);
            let kind = if footer {
                ParaKind::Footer
            } else {
                ParaKind::Header
            };
            for p in self.read_paras(a..b, kind, None) {
                if p.text.trim().is_empty() || !seen.insert((footer, p.text.clone())) {
                    continue;
                }
                if footer {
                    footers.push(p);
                } else {
                    headers.push(p);
                }
            }
        }
        let mut out = headers;
        let main = self.story(0);
        let numbering = std::mem::take(&mut self.numbering);
        let mut numbering = Some(numbering);
        out.extend(self.read_paras_with(main, ParaKind::Body, Some(&mut refs), &mut numbering));
        let boxes = self.story(6);
        out.extend(
            self.read_paras(boxes, ParaKind::TextBox, None)
                .into_iter()
                .filter(|p| !p.text.trim().is_empty()),
        );
        out.extend(footers);
        out
    }

    fn read_paras(
        &self,
        range: std::ops::Range<usize>,
        kind: ParaKind,
        refs: Option<&mut Refs>,
    ) -> Vec<Para> {
        self.read_paras_with(range, kind, refs, &mut None)
    }

    /// The paragraphs of CPs `range`: fields' results, table rows as tab lines, hidden
    /// text as spans, deleted text dropped, list numbers rendered when `numbering` is
    /// given, note marks resolved when `refs` is.
    fn read_paras_with(
        &self,
        range: std::ops::Range<usize>,
        kind: ParaKind,
        mut refs: Option<&mut Refs>,
        numbering: &mut Option<Numbering>,
    ) -> Vec<Para> {
        let mut out = Vec::new();
        let mut para = Para {
            kind,
            ..Para::default()
        };
        let mut after: Vec<Para> = Vec::new();
        let mut fields: Vec<Field> = Vec::new();
        let mut hidden_from: Option<usize> = None;
        let mut prev = '\0';
        let end_hidden = |para: &mut Para, from: &mut Option<usize>| {
            if let Some(s) = from.take()
                && s < para.text.len()
            {
                para.spans.push(Span {
                    range: s..para.text.len(),
                    origin: Origin::Hidden,
                });
            }
        };
        for cp in range {
            let c = self.chars.ch[cp];
            if c == NONE {
                continue;
            }
            let fc = self.chars.fc[cp];
            let mut chp = self.chps.at(fc);
            if !self.piece_chps.is_empty() {
                let i = self.piece_chps.partition_point(|r| r.1 <= cp);
                if let Some(&(a, _, extra)) = self.piece_chps.get(i)
                    && a <= cp
                {
                    chp.hidden |= extra.hidden;
                    chp.deleted |= extra.deleted;
                    chp.symbol = extra.symbol.or(chp.symbol);
                }
            }
            if chp.deleted {
                continue;
            }
            let visible = fields.iter().all(|f| f.result);
            let mut finish = false;
            let mut by_mark = false;
            match c {
                '\u{13}' => fields.push(Field {
                    code: String::new(),
                    result: false,
                    link: None,
                }),
                '\u{14}' => {
                    if let Some(f) = fields.last_mut() {
                        f.result = true;
                        f.link = link_target(&f.code).map(|t| (t, para.text.len()));
                    }
                }
                '\u{15}' => {
                    if let Some(f) = fields.pop()
                        && let Some((target, at)) = f.link
                        && at < para.text.len()
                    {
                        para.spans.push(Span {
                            range: at..para.text.len(),
                            origin: Origin::Link { target },
                        });
                    }
                }
                _ if !visible => {
                    if let Some(f) = fields.last_mut()
                        && !f.result
                        && f.code.len() < 4096
                    {
                        f.code.push(c);
                    }
                }
                '\r' => {
                    let pap = self.paps.at(fc);
                    if pap.in_table && !pap.ttp {
                        para.text.push(' ');
                    } else {
                        finish = true;
                        by_mark = true;
                    }
                }
                '\u{7}' => {
                    let pap = self.paps.at(fc);
                    let row_end = if pap.in_table || pap.ttp {
                        pap.ttp
                    } else {
                        prev == '\u{7}'
                    };
                    if row_end {
                        while para.text.ends_with('\t') || para.text.ends_with(' ') {
                            para.text.pop();
                        }
                        finish = true;
                    } else {
                        while para.text.ends_with(' ') {
                            para.text.pop();
                        }
                        para.text.push('\t');
                    }
                }
                '\u{b}' => para.text.push('\n'),
                '\u{c}' => finish = !para.text.is_empty(),
                '\t' => para.text.push('\t'),
                '\u{1}' | '\u{8}' => para.images += 1,
                '\u{2}' => {
                    if let Some(r) = refs.as_deref_mut()
                        && let Some(mut note) = r.notes.remove(&cp)
                    {
                        r.marks += 1;
                        let mark = r.marks.to_string();
                        para.text.push_str(&format!("[{mark}]"));
                        let prefix = format!("[{mark}] ");
                        note.text.insert_str(0, &prefix);
                        for s in &mut note.spans {
                            s.range = s.range.start + prefix.len()..s.range.end + prefix.len();
                        }
                        para.footnotes.push(note);
                    }
                }
                '\u{5}' => {
                    if let Some(r) = refs.as_deref_mut()
                        && let Some(mut c) = r.comments.remove(&cp)
                    {
                        c.kind = ParaKind::Comment;
                        after.push(c);
                    }
                }
                '\u{1e}' => para.text.push('-'),
                '\u{a0}' => para.text.push(' '),
                c if c.is_control() => {}
                c => {
                    // A symbol-font character sits in the private use area: a bullet-like
                    // mark, as the .docx reader's w:sym.
                    let c = match chp.symbol {
                        Some(s) if c == '(' && ('\u{E000}'..='\u{F8FF}').contains(&s) => '•',
                        Some(s) if c == '(' && !s.is_control() => s,
                        _ => c,
                    };
                    if chp.hidden {
                        if hidden_from.is_none() {
                            hidden_from = Some(para.text.len());
                        }
                    } else {
                        end_hidden(&mut para, &mut hidden_from);
                    }
                    para.text.push(c);
                }
            }
            if !chp.hidden {
                end_hidden(&mut para, &mut hidden_from);
            }
            if finish {
                end_hidden(&mut para, &mut hidden_from);
                // A link running on into the next paragraph is cut here and goes on there.
                for f in &mut fields {
                    if let Some((target, at)) = &mut f.link {
                        if *at < para.text.len() {
                            para.spans.push(Span {
                                range: *at..para.text.len(),
                                origin: Origin::Link {
                                    target: target.clone(),
                                },
                            });
                        }
                        *at = 0;
                    }
                }
                let pap = self.paps.at(fc);
                if let Some(n) = numbering.as_mut()
                    && by_mark
                    && pap.ilfo != 0
                    && pap.ilfo < 0xF000
                    && !pap.in_table
                    && let Some(label) = n.next_label(&pap.ilfo.to_string(), pap.ilvl as usize)
                {
                    para.text.insert_str(0, &label);
                    for s in &mut para.spans {
                        s.range = s.range.start + label.len()..s.range.end + label.len();
                    }
                }
                out.push(std::mem::replace(
                    &mut para,
                    Para {
                        kind,
                        ..Para::default()
                    },
                ));
                out.append(&mut after);
            }
            prev = c;
        }
        end_hidden(&mut para, &mut hidden_from);
        if !para.text.trim().is_empty() || para.images > 0 {
            out.push(para);
        }
        out.append(&mut after);
        out
    }
}

/// Notes and comments waiting for the mark that cites them.
struct Refs {
    notes: HashMap<usize, Para>,
    comments: HashMap<usize, Para>,
    marks: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn streams(bytes: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let s = super::super::testing::ole_streams(bytes);
        let get = |name: &str| s.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone());
        let word = get("/WordDocument").unwrap();
        let table = get("/1Table").or_else(|| get("/0Table")).unwrap();
        (word, table)
    }

    #[test]
    fn heading_styles_carry_their_list_and_level() {
        let (word, table) = streams(include_bytes!("../../tests/fixtures/word/styled.doc"));
        let fib = Fib::parse(&word).unwrap();
        let styles = style_props(&table, &fib);
        let listed: Vec<(u16, u8)> = styles
            .iter()
            .filter(|p| p.ilfo != 0)
            .map(|p| (p.ilfo, p.ilvl))
            .collect();
        assert_eq!(listed.len(), 2, "{styles:?}");
        assert_eq!(listed[0].0, listed[1].0, "one list");
        assert_eq!((listed[0].1, listed[1].1), (0, 1));
    }

    #[test]
    fn a_paragraph_takes_the_list_of_its_style_unless_it_says_otherwise() {
        // One FKP page: two paragraphs, both of style 3; the second sets its own level.
        let mut page = vec![0u8; 512];
        for (i, fc) in [0u32, 10, 20].iter().enumerate() {
            page[i * 4..i * 4 + 4].copy_from_slice(&fc.to_le_bytes());
        }
        page[511] = 2;
        // BxPap offsets (in words) to the PapxInFkp of each.
        page[12] = 100;
        page[12 + 13] = 110;
        // cb 0, then cb' = 1 word: the style index 3 alone.
        page[200..204].copy_from_slice(&[0, 1, 3, 0]);
        // cb 0, then cb' = 3 words: style 3, sprmPIlvl 2.
        page[220..228].copy_from_slice(&[0, 3, 3, 0, 0x0A, 0x26, 2, 0]);
        let mut plcf = Vec::new();
        for v in [0u32, 20, 0] {
            plcf.extend(v.to_le_bytes());
        }
        let mut styles = vec![ParaProps::default(); 4];
        styles[3] = ParaProps {
            ilfo: 1,
            ilvl: 1,
            ..ParaProps::default()
        };
        let runs = papx_runs(&page, &plcf, &styles);
        assert_eq!((runs.at(5).ilfo, runs.at(5).ilvl), (1, 1));
        assert_eq!((runs.at(15).ilfo, runs.at(15).ilvl), (1, 2));
        assert_eq!(runs.at(25), ParaProps::default());
    }
}
