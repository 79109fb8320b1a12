//! The text reader: a file's bytes into text (encoding detection, BOMs, line endings) and
//! clear errors for empty, binary and undecodable input. No dependency on egui.

use crate::error::{Error, Result};
use crate::model::{Document, Encoding, LineEnding};
use std::borrow::Cow;
use std::path::Path;

/// Decodes bytes read from `path` (the path is only used in messages and kept on the document).
pub fn decode(bytes: &[u8], path: &Path, forced: Option<Encoding>) -> Result<Document> {
    decode_vec(bytes.to_vec(), path, forced)
}

/// Like [`decode`], taking the bytes by value so valid UTF-8 becomes the text without a copy.
pub fn decode_vec(mut bytes: Vec<u8>, path: &Path, forced: Option<Encoding>) -> Result<Document> {
    let err_path = || path.to_path_buf();
    if let Some(what) = binary_kind(&bytes) {
        return Err(Error::Binary {
            path: err_path(),
            what: what.to_string(),
        });
    }
    // UTF-8 first (the common case): validated once, no copy.
    let utf8_wanted = matches!(
        forced,
        None | Some(Encoding::Utf8) | Some(Encoding::Utf8Bom)
    );
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let legacy_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let (encoding, text) = if utf8_wanted && !(forced.is_none() && legacy_bom) {
        if has_bom {
            bytes.drain(..3);
        }
        match utf8_string(bytes) {
            Ok(text) => (
                if has_bom {
                    Encoding::Utf8Bom
                } else {
                    forced.unwrap_or(Encoding::Utf8)
                },
                text,
            ),
            Err(mut bytes) => {
                if has_bom {
                    bytes.splice(..0, *b"\xEF\xBB\xBF");
                }
                decode_legacy(&bytes, path, forced)?
            }
        }
    } else {
        decode_legacy(&bytes, path, forced)?
    };
    finish(text, path, encoding)
}

/// The bytes as a String when they are valid UTF-8, else the bytes back.
///
/// simdutf8 validates at several GB/s; std's `String::from_utf8` measured about 1 GB/s on
/// Chinese text and was most of the time `load` spent after reading the file.
fn utf8_string(bytes: Vec<u8>) -> std::result::Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just validated every byte as UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Decodes with a forced or detected encoding other than plain UTF-8.
fn decode_legacy(
    bytes: &[u8],
    path: &Path,
    forced: Option<Encoding>,
) -> Result<(Encoding, String)> {
    let (encoding, body) = match forced {
        Some(enc) => (enc, strip_bom(bytes, enc)),
        None => detect(bytes),
    };
    // A detected guess that does not decode gets the other Chinese encoding's chance.
    let (encoding, first_try) = match (forced, decode_as(body, encoding)) {
        (None, Err(e)) => {
            let other = if encoding == Encoding::Big5 {
                Encoding::Gb18030
            } else {
                Encoding::Big5
            };
            match decode_as(body, other) {
                Ok(t) => (other, Ok(t)),
                Err(_) => (encoding, Err(e)),
            }
        }
        (_, r) => (encoding, r),
    };
    let text = first_try.map_err(|(offset, detail)| {
        // A detected legacy encoding that fails early on a file that is UTF-8 for longer
        // is a damaged UTF-8 file: say where the UTF-8 breaks, which is what the user can fix.
        let utf8_valid = std::str::from_utf8(body)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let (enc_name, offset, detail) = if forced.is_none() && utf8_valid > offset {
            (
                "utf-8",
                utf8_valid,
                format!("第 {} 字节不是有效的 UTF-8", utf8_valid + 1),
            )
        } else {
            (encoding.name(), offset, detail)
        };
        Error::Undecodable {
            path: path.to_path_buf(),
            encoding: enc_name.to_string(),
            line: line_at(body, offset),
            detail,
        }
    })?;
    Ok((encoding, text))
}

/// Checks the decoded text and normalises its line endings.
fn finish(text: String, path: &Path, encoding: Encoding) -> Result<Document> {
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            what: "含有空字节的二进制数据".to_string(),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let line_ending = if memchr::memmem::find(text.as_bytes(), b"\r\n").is_some() {
        LineEnding::Crlf
    } else {
        LineEnding::Lf
    };
    let text = normalize_newlines(text);
    Ok(Document {
        path: Some(path.to_path_buf()),
        encoding,
        line_ending,
        text,
        source: crate::model::Source::default(),
    })
}

/// What [`binary_kind`] calls binary data it does not recognise.
pub const UNKNOWN_BINARY: &str = "二进制数据";

/// Recognises common binary formats by their magic bytes, so a renamed PNG or .docx gets a
/// message saying what it is.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"\x89PNG", "PNG 图片"),
        (b"\xFF\xD8\xFF", "JPEG 图片"),
        (b"GIF8", "GIF 图片"),
        (b"%PDF", "PDF 文件"),
        (b"PK\x03\x04", "压缩包或 Word/WPS 文档（.docx/.zip）"),
        (b"\xD0\xCF\x11\xE0", "旧版 Word/Excel 文档（.doc/.xls）"),
        (b"Rar!", "RAR 压缩包"),
        (b"7z\xBC\xAF", "7z 压缩包"),
        (b"\x7FELF", "可执行程序"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    // NUL bytes in the first 8 KiB without a UTF-16 BOM mean binary data; UTF-16 text without
    // a BOM is also caught here as long as it is not mostly ASCII-in-UTF-16.
    let head = &bytes[..bytes.len().min(8192)];
    let has_utf16_bom = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if !has_utf16_bom && memchr::memchr(0, head).is_some() {
        return Some(UNKNOWN_BINARY);
    }
    None
}

fn strip_bom(bytes: &[u8], enc: Encoding) -> &[u8] {
    let bom: &[u8] = match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => b"\xEF\xBB\xBF",
        Encoding::Utf16Le => b"\xFF\xFE",
        Encoding::Utf16Be => b"\xFE\xFF",
        _ => b"",
    };
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

/// Picks the encoding: a BOM decides; valid UTF-8 is UTF-8; otherwise chardetng guesses
/// among the Chinese legacy encodings (GB18030 or Big5).
fn detect(bytes: &[u8]) -> (Encoding, &[u8]) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (Encoding::Utf8Bom, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (Encoding::Utf16Le, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (Encoding::Utf16Be, rest);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (Encoding::Utf8, bytes);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // A sample is enough for a guess and keeps detection cheap on large files.
    let sample = &bytes[..bytes.len().min(64 << 10)];
    det.feed(sample, sample.len() == bytes.len());
    // No TLD hint: "cn" would force GBK and hide Big5 (traditional) files.
    let guess = det.guess(None, chardetng::Utf8Detection::Deny);
    let enc = if guess == encoding_rs::BIG5 {
        Encoding::Big5
    } else {
        Encoding::Gb18030
    };
    (enc, bytes)
}

/// Decodes a GB18030 or Big5 file, a large one on every core, cut after line feeds: in both,
/// a line feed is never part of a two- or four-byte character, so every piece starts and ends
/// between characters and decodes as it would within the whole. None when a piece does not
/// decode (the caller then finds where the file breaks).
fn decode_lines_in_parallel(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    min: usize,
) -> Option<String> {
    let pieces = crate::par::map_slices(bytes, min, |range| {
        encoding.decode_without_bom_handling_and_without_replacement(&bytes[range])
    });
    let mut pieces = pieces
        .into_iter()
        .collect::<Option<Vec<Cow<str>>>>()?
        .into_iter();
    // The first piece grows in place (a large buffer is remapped, not copied).
    let mut text = pieces.next()?.into_owned();
    let rest: Vec<Cow<str>> = pieces.collect();
    text.reserve_exact(rest.iter().map(|p| p.len()).sum());
    for p in &rest {
        text.push_str(p);
    }
    Some(text)
}

/// Decodes strictly: an invalid sequence is an error at its byte offset, never replaced.
fn decode_as(bytes: &[u8], enc: Encoding) -> std::result::Result<String, (usize, String)> {
    decode_as_with(bytes, enc, crate::par::PARALLEL_MIN)
}

/// [`decode_as`], decoding on several threads from `parallel_min` bytes on.
fn decode_as_with(
    bytes: &[u8],
    enc: Encoding,
    parallel_min: usize,
) -> std::result::Result<String, (usize, String)> {
    let encoding = match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            return match std::str::from_utf8(bytes) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => Err((
                    e.valid_up_to(),
                    format!("第 {} 字节不是有效的 UTF-8", e.valid_up_to() + 1),
                )),
            };
        }
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        Encoding::Gb18030 => encoding_rs::GB18030,
        Encoding::Big5 => encoding_rs::BIG5,
    };
    let decoded = if matches!(enc, Encoding::Gb18030 | Encoding::Big5) {
        decode_lines_in_parallel(bytes, encoding, parallel_min).map(Cow::Owned)
    } else {
        encoding.decode_without_bom_handling_and_without_replacement(bytes)
    };
    match decoded {
        Some(Cow::Owned(s)) => Ok(s),
        Some(Cow::Borrowed(s)) => Ok(s.to_string()),
        None => {
            let offset = first_bad_offset(bytes, encoding);
            Err((
                offset,
                format!("第 {} 字节附近不是有效的 {}", offset + 1, enc.name()),
            ))
        }
    }
}

/// Finds where a strict decode fails, by decoding with replacement into chunks.
fn first_bad_offset(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(4096);
    let mut read_total = 0;
    loop {
        out.clear();
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[read_total..], &mut out, true);
        read_total += read;
        match result {
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                return read_total.saturating_sub(bad as usize);
            }
            encoding_rs::DecoderResult::InputEmpty => return bytes.len(),
            encoding_rs::DecoderResult::OutputFull => {
                out.reserve(4096);
            }
        }
    }
}

fn line_at(bytes: &[u8], offset: usize) -> usize {
    memchr::memchr_iter(b'\n', &bytes[..offset.min(bytes.len())]).count() + 1
}

/// CRLF and lone CR become LF. Returns the input untouched when it has no CR.
fn normalize_newlines(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("测试.txt")
    }

    /// Lines of two-byte characters, a four-byte one (𠀀) and ASCII, so that cuts fall next
    /// to every kind of character; decoded on several threads from 1 KiB on.
    const SMALL_PARALLEL_MIN: usize = 1 << 10;

    fn legacy_lines(enc: &'static encoding_rs::Encoding) -> (String, Vec<u8>) {
        let line = if enc == encoding_rs::GB18030 {
            "全体党员参加学习，XX区完成投资1536万元𠀀；\n"
        } else {
            "全體黨員參加學習，XX區完成投資1536萬元；\n"
        };
        let text = line.repeat(2000);
        let bytes = enc.encode(&text).0.into_owned();
        (text, bytes)
    }

    #[test]
    fn gb18030_and_big5_decode_the_same_on_several_threads() {
        for (enc, ours) in [
            (encoding_rs::GB18030, Encoding::Gb18030),
            (encoding_rs::BIG5, Encoding::Big5),
        ] {
            let (text, bytes) = legacy_lines(enc);
            let parallel = decode_lines_in_parallel(&bytes, enc, SMALL_PARALLEL_MIN);
            assert_eq!(parallel.as_deref(), Some(text.as_str()), "{}", enc.name());
            let via = decode_as_with(&bytes, ours, SMALL_PARALLEL_MIN);
            assert_eq!(via.ok().as_deref(), Some(text.as_str()));
        }
    }

    #[test]
    fn a_bad_byte_late_in_a_gb18030_file_is_found_where_it_is() {
        let (_, mut bytes) = legacy_lines(encoding_rs::GB18030);
        // A lead byte followed by a line feed, in the last quarter of the file.
        let at = bytes.len() / 4 * 3;
        let at = at + memchr::memchr(b'\n', &bytes[at..]).unwrap();
        bytes.insert(at, 0x81);
        assert_eq!(
            decode_lines_in_parallel(&bytes, encoding_rs::GB18030, SMALL_PARALLEL_MIN),
            None
        );
        let err = decode_as_with(&bytes, Encoding::Gb18030, SMALL_PARALLEL_MIN).unwrap_err();
        assert_eq!(err.0, at);
    }

    #[test]
    fn gb18030_with_crlf_is_detected() {
        let text = "2023年XX区卫生健康工作总结\r\n一、主要做法及成效\r\n全面贯彻落实党的二十大精神，扎实推进各项工作。\r\n";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let d = decode(&bytes, p(), None).unwrap();
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.line_ending, LineEnding::Crlf);
        assert_eq!(d.text, text.replace("\r\n", "\n"));
    }

    #[test]
    fn big5_traditional_text_is_detected() {
        let text = "二〇二三年工作總結\n一、主要工作\n本局認真貫徹落實上級部署，各項工作取得顯著成效，群眾滿意度明顯提升。\n";
        let (bytes, _, bad) = encoding_rs::BIG5.encode(text);
        assert!(!bad);
        let d = decode(&bytes, p(), None).unwrap();
        assert_eq!(d.encoding, Encoding::Big5);
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "工作总结\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, p(), None).unwrap();
        assert_eq!(
            (d.encoding, d.text.as_str()),
            (Encoding::Utf16Le, "工作总结\n")
        );
    }

    #[test]
    fn empty_binary_and_undecodable_files_get_clear_errors() {
        let e = decode(b"", p(), None).unwrap_err().to_string();
        assert!(e.contains("测试.txt") && e.contains("空"), "{e}");
        let e = decode(b" \n\r\n", p(), None).unwrap_err().to_string();
        assert!(e.contains("空"), "{e}");
        let e = decode(b"\x89PNG\r\n\x1a\n\0\0\0", p(), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("PNG") && e.contains("测试.txt"), "{e}");
        let e = decode(b"PK\x03\x04rest", p(), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("docx"), "{e}");
        let e = decode(b"abc\0\0def", p(), None).unwrap_err().to_string();
        assert!(e.contains("二进制"), "{e}");
        // Forced UTF-8 on GBK bytes: says which line.
        let (bytes, _, _) = encoding_rs::GB18030.encode("第一行\n第二行");
        let e = decode(&bytes, p(), Some(Encoding::Utf8))
            .unwrap_err()
            .to_string();
        assert!(e.contains("utf-8") && e.contains("第 1 行"), "{e}");
    }

    #[test]
    fn forced_encoding_wins() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("总结");
        let d = decode(&bytes, p(), Some(Encoding::Gb18030)).unwrap();
        assert_eq!(d.text, "总结");
    }

    #[test]
    fn lone_cr_becomes_lf() {
        assert_eq!(normalize_newlines("a\rb\r\nc".into()), "a\nb\nc");
    }
}
