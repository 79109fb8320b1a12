//! The heading structure of one report: heading lines (第一部分, 一、, （一）, 1., （1）),
//! paragraph-initial and inline 一是/二是 runs, the addressee/sign-off/date lines, and
//! numbering findings (gaps, repeats, a missing 三是).
//!
//! Works on byte offsets of the LF text; no regex per line (lines are classified by their
//! first characters), no dependency on egui.

use crate::model::{
    ByteRange, Finding, FindingKind, Heading, HeadingKind, LineIndex, LineRole, RoleLine,
};
use std::ops::Range;

/// A numbered line whose heading text (to the first sentence end) is longer than this is a
/// sentence that happens to start with a number: body text.
const MAX_HEADING_CHARS: usize = 60;

/// What the start of a line is numbered with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub kind: HeadingKind,
    pub number: u32,
    /// Byte length of the marker at the start of the line.
    pub len: usize,
}

/// The value of a Chinese digit 一..九.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses a Chinese numeral 一..九十九 at the start of `s`: (value, byte length).
pub fn chinese_number(s: &str) -> Option<(u32, usize)> {
    let mut chars = s.chars();
    let c1 = chars.next()?;
    // Most lines and words start otherwise: decided on the first character.
    if c1 != '十' && chinese_digit(c1).is_none() {
        return None;
    }
    let c2 = chars.next();
    let c3 = chars.next();
    match (c1, c2, c3) {
        ('十', Some(c), _) if chinese_digit(c).is_some() => Some((10 + chinese_digit(c)?, 6)),
        ('十', _, _) => Some((10, 3)),
        (a, Some('十'), Some(c)) if chinese_digit(a).is_some() && chinese_digit(c).is_some() => {
            Some((chinese_digit(a)? * 10 + chinese_digit(c)?, 9))
        }
        (a, Some('十'), _) if chinese_digit(a).is_some() => Some((chinese_digit(a)? * 10, 6)),
        (a, _, _) => Some((chinese_digit(a)?, 3)),
    }
}

/// Parses ASCII or fullwidth digits at the start of `s`, at most two of them.
fn arabic_number(s: &str) -> Option<(u32, usize)> {
    leading_digits(s, 2)
}

/// ASCII or fullwidth digits at the start of `s`, at most `max` of them (None when more
/// follow): their value and byte length.
pub(crate) fn leading_digits(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut len = 0;
    for (count, c) in s.chars().enumerate() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        if count == max {
            return None;
        }
        value = value * 10 + d;
        len += c.len_utf8();
    }
    (len > 0).then_some((value, len))
}

fn strip_any<'a>(s: &'a str, options: &[char]) -> Option<&'a str> {
    let c = s.chars().next()?;
    options.contains(&c).then(|| &s[c.len_utf8()..])
}

const OPEN: [char; 2] = ['（', '('];
const CLOSE: [char; 2] = ['）', ')'];

/// Recognises the numbering at the start of a line (after leading spaces are skipped by the
/// caller). Returns None for body text.
pub fn line_marker(line: &str) -> Option<Marker> {
    let first = line.as_bytes().first()?;
    // 第一部分 / 第一章 / 第一篇 / 第一节
    if let Some(rest) = line.strip_prefix('第') {
        let (n, nl) = chinese_number(rest)?;
        let after = &rest[nl..];
        for unit in ["部分", "章", "篇", "节"] {
            if let Some(after_unit) = after.strip_prefix(unit) {
                let mut len = 3 + nl + unit.len();
                // "第一部分：" / "第一部分 " keep their separator in the marker.
                if let Some(c) = after_unit
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '：' | ':' | '　' | ' ' | '、'))
                {
                    len += c.len_utf8();
                }
                return Some(Marker {
                    kind: HeadingKind::Part,
                    number: n,
                    len,
                });
            }
        }
        // 第一，第二： paragraphs counted in words.
        if let Some(sep) = after
            .chars()
            .next()
            .filter(|c| matches!(c, '，' | '：' | ':' | ','))
        {
            // "第二，三" lists numbers.
            if chinese_number(&after[sep.len_utf8()..]).is_some() {
                return None;
            }
            return Some(Marker {
                kind: HeadingKind::Sequence,
                number: n,
                len: 3 + nl + sep.len_utf8(),
            });
        }
        return None;
    }
    // ① … ⑳, ⑴ … ⒇
    if let Some(c) = line.chars().next()
        && let Some(m) = enclosed_marker(c)
    {
        return Some(m);
    }
    // 首先，其次，再次，最后
    if let Some(m) = sequence_word(line) {
        return Some(m);
    }
    // （一） (一) （1） (1)
    if let Some(rest) = strip_any(line, &OPEN) {
        let open_len = line.len() - rest.len();
        let (kind, (n, nl)) = match chinese_number(rest) {
            Some(num) => (HeadingKind::ParenChinese, num),
            None => (HeadingKind::ParenArabic, arabic_number(rest)?),
        };
        let after = strip_any(&rest[nl..], &CLOSE)?;
        let len = line.len() - after.len();
        let _ = open_len;
        return Some(Marker {
            kind,
            number: n,
            len,
        });
    }
    // Ａ． A. A、
    if let Some(m) = letter_marker(line) {
        return Some(m);
    }
    // 一、 and 一是
    if *first >= 0xE4 {
        if let Some((n, nl)) = chinese_number(line) {
            let after = &line[nl..];
            if let Some(rest) = after.strip_prefix('、') {
                // "一、二季度" is a list of numbers, not a heading.
                if chinese_number(rest)
                    .is_some_and(|(_, l)| rest[l..].starts_with(['、', '季', '月', '年']))
                {
                    return None;
                }
                return Some(Marker {
                    kind: HeadingKind::Chinese,
                    number: n,
                    len: nl + 3,
                });
            }
            if after.starts_with(ORDINAL_VERBS) {
                return Some(Marker {
                    kind: HeadingKind::Ordinal,
                    number: n,
                    len: nl + 3,
                });
            }
        }
        // Fullwidth digits fall through to the Arabic case below.
        if !line.starts_with(|c: char| ('０'..='９').contains(&c)) {
            return None;
        }
    }
    // 1. 1、 １． 1．, and 1） with its closing bracket only
    let (n, nl) = arabic_number(line)?;
    let after = &line[nl..];
    let sep = after.chars().next()?;
    if matches!(sep, '）' | ')') {
        return (n > 0).then_some(Marker {
            kind: HeadingKind::ParenArabic,
            number: n,
            len: nl + sep.len_utf8(),
        });
    }
    if !matches!(sep, '.' | '、' | '．') {
        return None;
    }
    let rest = &after[sep.len_utf8()..];
    // "1.5万元" is a number, not a heading.
    if rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return None;
    }
    if n == 0 {
        return None;
    }
    Some(Marker {
        kind: HeadingKind::Arabic,
        number: n,
        len: nl + sep.len_utf8(),
    })
}

/// What follows 一, 二… in the 一是 family: 一是, 一要, 一抓.
const ORDINAL_VERBS: [char; 3] = ['是', '要', '抓'];

/// ① … ⑳ (Circled) and ⑴ … ⒇ (ParenArabic), one character each.
fn enclosed_marker(c: char) -> Option<Marker> {
    let (kind, number) = match c as u32 {
        n @ 0x2460..=0x2473 => (HeadingKind::Circled, n - 0x2460 + 1),
        n @ 0x2474..=0x2487 => (HeadingKind::ParenArabic, n - 0x2474 + 1),
        _ => return None,
    };
    Some(Marker {
        kind,
        number,
        len: c.len_utf8(),
    })
}

/// The words a paragraph is counted with: 首先，其次，再次，最后. 最后 closes whatever came
/// before it, so it has no number of its own (0; the outline numbers it on).
const SEQUENCE_WORDS: [(&str, u32); 4] = [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)];

fn sequence_word(line: &str) -> Option<Marker> {
    // Decided on the lead byte for almost every line: 首 E9, 其 E5, 再 E5, 最 E6.
    if !matches!(line.as_bytes().first(), Some(0xE5 | 0xE6 | 0xE9)) {
        return None;
    }
    let (word, number) = SEQUENCE_WORDS.iter().find(|(w, _)| line.starts_with(w))?;
    let sep = line[word.len()..]
        .chars()
        .next()
        .filter(|c| matches!(c, '，' | '：' | ',' | ':'))?;
    Some(Marker {
        kind: HeadingKind::Sequence,
        number: *number,
        len: word.len() + sep.len_utf8(),
    })
}

/// Ａ． A. A、 (a capital letter, ASCII or fullwidth, then a full stop or 、): A is 1. Not
/// "A、B两类" (a letter follows) nor "A.股".
fn letter_marker(line: &str) -> Option<Marker> {
    let mut chars = line.chars();
    let c = chars.next()?;
    let number = match c {
        'A'..='Z' => c as u32 - 'A' as u32 + 1,
        'Ａ'..='Ｚ' => c as u32 - 'Ａ' as u32 + 1,
        _ => return None,
    };
    let sep = chars.next().filter(|s| matches!(s, '.' | '．' | '、'))?;
    // Spaces may follow the mark ("A. 加强", "Ａ．\t加强"); then the heading's words, not a
    // letter or a figure ("A. B" stays text).
    let next = chars.find(|c| !matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}'))?;
    if next.is_ascii_alphanumeric() || ('Ａ'..='Ｚ').contains(&next) {
        return None;
    }
    Some(Marker {
        kind: HeadingKind::Letter,
        number,
        len: c.len_utf8() + sep.len_utf8(),
    })
}

/// Sentence ends that close a heading's text: 。！？；
fn is_sentence_end(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [0xE3, 0x80, 0x82, ..] | [0xEF, 0xBC, 0x81 | 0x9F | 0x9B, ..]
    )
}

/// The heading text after a marker (a range within `after_marker`): up to the first sentence
/// end, spaces and a trailing colon trimmed, or None when that is too long to be a heading.
/// Looks at no more than the first MAX_HEADING_CHARS characters, so a long paragraph that
/// starts with a number costs no more than a short heading.
fn heading_text(after_marker: &str) -> Option<Range<usize>> {
    let bytes = after_marker.as_bytes();
    let window = bytes.len().min(MAX_HEADING_CHARS * 3 + 3);
    let end = memchr::memchr2_iter(0xE3, 0xEF, &bytes[..window])
        .find(|&i| is_sentence_end(&bytes[i..]))
        .unwrap_or(bytes.len());
    let raw = &after_marker[..end];
    let start = raw.len() - raw.trim_start().len();
    let text = raw.trim().trim_end_matches(['：', ':']);
    // Counting characters only when the byte length leaves it open.
    let short = text.len() <= MAX_HEADING_CHARS
        || (text.len() <= MAX_HEADING_CHARS * 3 && text.chars().count() <= MAX_HEADING_CHARS);
    short.then(|| start..start + text.len())
}

/// The first `n` characters of `s`, as a byte length.
fn prefix_len(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Inline 一是/二是… runs inside a paragraph: (byte offset in line, number, byte length).
/// Only counted when the run has at least two members, so a stray "统一是" is not a heading.
pub fn inline_ordinals(line: &str, skip: usize) -> Vec<(usize, u32, usize)> {
    // One finder for every line: building a memmem finder per call costs more than the search.
    static VERBS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| {
            ORDINAL_VERBS.map(|c| {
                memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned()
            })
        });
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut positions: Vec<usize> = VERBS[0].find_iter(bytes).collect();
    // 一要/一抓 are rarer than 一是: their finders run only on lines with a numeral before them.
    if VERBS[1].find(bytes).is_some() || VERBS[2].find(bytes).is_some() {
        positions.extend(VERBS[1].find_iter(bytes));
        positions.extend(VERBS[2].find_iter(bytes));
        positions.sort_unstable();
    }
    for pos in positions {
        if pos < skip + 3 {
            continue;
        }
        // Look back for a numeral of one or two characters.
        for nl in [3usize, 6] {
            let Some(start) = pos.checked_sub(nl) else {
                continue;
            };
            if start < skip || !line.is_char_boundary(start) {
                continue;
            }
            let Some((n, l)) = chinese_number(&line[start..pos]) else {
                continue;
            };
            if l != nl {
                continue;
            }
            // Preceded by punctuation (or the skip point): "。二是", "；三是", "：一是".
            let before = line[..start].chars().next_back();
            let starts_clause = start == skip
                || before.is_some_and(|c| {
                    matches!(
                        c,
                        '。' | '；' | '，' | '：' | ':' | ';' | '！' | '？' | '”' | '）'
                    )
                });
            if starts_clause {
                found.push((start, n, nl + 3));
                break;
            }
        }
    }
    if found.len() < 2 || !found.iter().any(|&(_, n, _)| n == 1 || n == 2) {
        found.clear();
    }
    found
}

/// A list going on inside its first item's line, one sentence an item: "（一）加强理论武装。
/// （二）推动产业发展。". The markers that follow each item's first sentence end (from
/// `line[from..]` on, where the first item's text goes on), numbered on from `m` (whose
/// marker `marker` opens the line) and written the same way: (byte offset in `line`, number,
/// byte length). Only for the numbered kinds a line can open with (not 第一部分, not 一是,
/// whose inline runs are found apart). A heading line goes on with its body text after its
/// first sentence, so this looks at one sentence end there and stops.
fn inline_successors(
    line: &str,
    from: usize,
    marker: &str,
    m: &Marker,
) -> Vec<(usize, u32, usize)> {
    let mut found = Vec::new();
    if matches!(
        m.kind,
        HeadingKind::Part | HeadingKind::Ordinal | HeadingKind::InlineOrdinal
    ) {
        return found;
    }
    let bytes = line.as_bytes();
    let mut number = m.number;
    let mut at = from.min(bytes.len());
    // Where an item's text was cut at its sentence end, that end is right here.
    let sentence_end = |at: usize| {
        if is_sentence_end(&bytes[at..]) {
            return Some(at);
        }
        memchr::memchr2_iter(0xE3, 0xEF, &bytes[at..])
            .map(|i| at + i)
            .find(|&i| is_sentence_end(&bytes[i..]))
    };
    while let Some(end) = sentence_end(at) {
        let next = line[end + 3..].trim_start_matches([' ', '　']);
        match opens_alike(next.as_bytes(), marker)
            .then(|| line_marker(next))
            .flatten()
        {
            Some(p)
                if p.kind == m.kind
                    && p.number == number + 1
                    && same_shape(marker, &next[..p.len]) =>
            {
                number += 1;
                at = line.len() - next.len();
                found.push((at, number, p.len));
                at += p.len;
            }
            _ => break,
        }
    }
    found
}

/// Whether `next` (after spaces) opens the way `marker` does: with a bracket ("（" or "("), a
/// digit, or a Chinese numeral (lead byte E4 or E5). A list's next item opens the way the
/// one before it did; most sentences do not.
fn opens_alike(next: &[u8], marker: &str) -> bool {
    let class = |first: Option<&u8>| match first {
        Some(b'0'..=b'9') => Some(b'0'),
        Some(0xE4 | 0xE5) => Some(0xE4),
        // "（" is EF BC 88.
        Some(b'(') => Some(0xEF),
        b => b.copied(),
    };
    let mut next = next;
    while let Some(rest) = next
        .strip_prefix(b" ")
        .or_else(|| next.strip_prefix(b"\t"))
        .or_else(|| next.strip_prefix("　".as_bytes()))
        .or_else(|| next.strip_prefix("\u{a0}".as_bytes()))
    {
        next = rest;
    }
    class(next.first()) == class(marker.as_bytes().first())
}

/// Whether two markers are written alike but for their numbers and the width of their
/// brackets ("（一）" and "(二)"; "1." and "2.", not "2、"; "１．" and "２．", not "2.").
fn same_shape(a: &str, b: &str) -> bool {
    fn is_digit(c: &char) -> bool {
        c.is_ascii_digit() || ('０'..='９').contains(c) || *c == '十' || chinese_digit(*c).is_some()
    }
    fn shape(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| !is_digit(c)).map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
    }
    shape(a).eq(shape(b))
        && a.chars().find(is_digit).map(|c| c.is_ascii_digit())
            == b.chars().find(is_digit).map(|c| c.is_ascii_digit())
}

/// Numbering state of one kind within one parent.
#[derive(Debug, Clone)]
struct Scope {
    kind: HeadingKind,
    last: u32,
    level: u8,
}

/// The outline of the report occupying `lines` (0-based). `title_line` is skipped.
pub fn outline(
    text: &str,
    index: &LineIndex,
    lines: Range<usize>,
    title_line: Option<usize>,
) -> (Vec<Heading>, Vec<Finding>) {
    let mut headings = Vec::new();
    let mut findings = Vec::new();
    // Open scopes from the outermost in: each is the last heading kind seen at that depth.
    let mut stack: Vec<Scope> = Vec::new();
    // The last inline 一是/二是 number of the previous line: a paragraph-initial 三是 may
    // continue a run that started inline.
    let mut prev_inline_last = 0;
    // The last number of an attachment list being read ("附件：1.重点项目清单", then "2.…"):
    // its numbers are the attachments', not headings.
    let mut attachments: Option<u32> = None;
    let lines_end = lines.end;
    for line_no in lines {
        if Some(line_no) == title_line {
            continue;
        }
        let range = index.line_range(text, line_no);
        let raw = &text[range.clone()];
        let trimmed = unindent(raw);
        let lead = raw.len() - trimmed.len();
        let line_start = range.start + lead;
        if let Some(after) = attachment_list(trimmed) {
            attachments = Some(line_marker(after).map_or(0, |m| m.number));
            continue;
        }
        if let Some(last) = attachments {
            match line_marker(trimmed) {
                Some(m) if m.kind == HeadingKind::Arabic && m.number == last + 1 => {
                    attachments = Some(m.number);
                    continue;
                }
                _ => attachments = None,
            }
        }
        let mut inline_skip = 0;
        let mut inline_level = stack.len() as u8 + 1;
        let marker = line_marker(trimmed)
            .and_then(|m| counted_in_words(m, trimmed, &stack))
            .and_then(|m| {
                let after = &trimmed[m.len..];
                match heading_text(after) {
                    Some(t) => Some((m, t, true)),
                    // A long numbered sentence is still a list item when it continues the
                    // numbering of an open scope ("2.按照…" between 1. and 3.), or when the
                    // next numbered line continues it ("（一）推进…。" before "（二）深化…").
                    None if continues(&stack, &m)
                        || continued(text, index, line_no + 1..lines_end, &m)
                        || !inline_successors(trimmed, m.len, &trimmed[..m.len], &m).is_empty() =>
                    {
                        Some((m, 0..prefix_len(after, 30), false))
                    }
                    None => None,
                }
            });
        // `sentence`: the heading's text is its first sentence (not a long one's first words).
        if let Some((m, htext, sentence)) = marker {
            let this_rank = rank(m.kind);
            // Close scopes of kinds nested deeper than this one.
            while stack.last().is_some_and(|s| rank(s.kind) > this_rank) {
                stack.pop();
            }
            let marker = &trimmed[..m.len];
            let marker_range = line_start..line_start + m.len;
            let level;
            match stack.last_mut() {
                Some(s) if s.kind == m.kind => {
                    check_sequence(
                        &mut findings,
                        m.kind,
                        s.last,
                        m.number,
                        marker,
                        line_no,
                        marker_range.clone(),
                    );
                    s.last = m.number;
                    level = s.level;
                }
                _ => {
                    if m.number != 1 && m.kind != HeadingKind::Ordinal {
                        check_sequence(
                            &mut findings,
                            m.kind,
                            0,
                            m.number,
                            marker,
                            line_no,
                            marker_range.clone(),
                        );
                    } else if m.kind == HeadingKind::Ordinal
                        && m.number != 1
                        && m.number != prev_inline_last + 1
                    {
                        findings.push(Finding {
                            kind: FindingKind::OrdinalMissing,
                            line: line_no,
                            range: marker_range.clone(),
                            message: format!("“{marker}”前面缺少“一是”"),
                        });
                    }
                    level = stack.len() as u8 + 1;
                    stack.push(Scope {
                        kind: m.kind,
                        last: m.number,
                        level,
                    });
                }
            }
            let text_start = marker_range.end;
            headings.push(Heading {
                kind: m.kind,
                level,
                number: m.number,
                line: line_no,
                marker_range,
                text_range: text_start + htext.start..text_start + htext.end,
            });
            // The same list going on inside this line: listed beside it, numbered on. Looked
            // for where the heading's sentence ends right after its text and what follows opens
            // like a number (most heading lines go on with body text or end there), and after
            // a long first item.
            let after_text = m.len + htext.end;
            let bytes = trimmed.as_bytes();
            let may_go_on = !sentence
                || is_sentence_end(&bytes[after_text..])
                    && opens_alike(bytes.get(after_text + 3..).unwrap_or(&[]), marker);
            let successors = if may_go_on {
                inline_successors(trimmed, after_text, marker, &m)
            } else {
                Vec::new()
            };
            for (pos, n, len) in successors {
                let after = &trimmed[pos + len..];
                let text = heading_text(after).unwrap_or_else(|| 0..prefix_len(after, 30));
                let text_start = line_start + pos + len;
                headings.push(Heading {
                    kind: m.kind,
                    level,
                    number: n,
                    line: line_no,
                    marker_range: line_start + pos..text_start,
                    text_range: text_start + text.start..text_start + text.end,
                });
                if let Some(s) = stack.last_mut() {
                    s.last = n;
                }
            }
            inline_skip = m.len;
            inline_level = level + 1;
        }
        // Inline 一是/二是 runs in the paragraph. A line opening with 一是 counts that
        // marker as the first member of the run without listing it twice.
        let opens_with_ordinal = headings
            .last()
            .is_some_and(|h: &Heading| h.line == line_no && h.kind == HeadingKind::Ordinal);
        let mut inline = inline_ordinals(trimmed, if opens_with_ordinal { 0 } else { inline_skip });
        if opens_with_ordinal {
            if inline.first().is_some_and(|&(pos, _, _)| pos == 0) {
                inline.remove(0);
            }
            inline_level -= 1;
        }
        prev_inline_last = inline.last().map_or(0, |&(_, n, _)| n);
        let mut last = if opens_with_ordinal {
            headings.last().map_or(0, |h| h.number)
        } else {
            0
        };
        for (pos, n, len) in inline {
            let marker = &trimmed[pos..pos + len];
            let marker_range = line_start + pos..line_start + pos + len;
            if n > last + 1 && last > 0 {
                findings.push(Finding {
                    kind: FindingKind::OrdinalMissing,
                    line: line_no,
                    range: marker_range.clone(),
                    message: format!(
                        "“{}”与“{marker}”之间缺少“{}是”",
                        ordinal_name(last),
                        cn_name(last + 1)
                    ),
                });
            }
            last = n;
            let after = &trimmed[pos + len..];
            let text = heading_text(after).unwrap_or_else(|| 0..prefix_len(after, 20));
            let text_start = marker_range.end;
            headings.push(Heading {
                kind: HeadingKind::InlineOrdinal,
                level: inline_level,
                number: n,
                line: line_no,
                marker_range,
                text_range: text_start + text.start..text_start + text.end,
            });
        }
    }
    // Kept as long as the analysis (a 100 MB compilation has a million headings): without
    // the room the pushes left, which would be a third of them again.
    headings.shrink_to_fit();
    (headings, findings)
}

/// What follows "附件：" (or "附件1：") opening a line: the attachment list of a 公文.
fn attachment_list(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("附件")?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(['：', ':'])?;
    Some(rest.trim_start_matches([' ', '　']))
}

/// True when `m` is the next number of a scope already open at or above its depth.
fn continues(stack: &[Scope], m: &Marker) -> bool {
    let this_rank = rank(m.kind);
    stack
        .iter()
        .rev()
        .find(|s| rank(s.kind) <= this_rank)
        .is_some_and(|s| s.kind == m.kind && s.last + 1 == m.number)
}

/// `line` without what may stand before its numbering: spaces, and a byte order mark left
/// where files were joined into one.
fn unindent(line: &str) -> &str {
    // Most lines start with a Han character: skip the trimming for them. Pages copied from
    // the web indent with no-break and em spaces too (C2 A0, E2 80 80..8A).
    match line.as_bytes().first() {
        Some(b' ' | b'\t' | 0xC2 | 0xE2 | 0xE3 | 0xEF) => {
            line.trim_start_matches(|c: char| c.is_whitespace() || c == crate::junk::BOM)
        }
        _ => line,
    }
}

/// Numbered lines looked at after a long numbered sentence for the number that continues it.
const CONTINUATION_REACH: usize = 40;

/// How a speech's closing wish opens after 最后，.
const CLOSING_WISHES: [&str; 6] = ["祝", "谢谢", "再次感谢", "让我们", "衷心祝愿", "预祝"];

/// A paragraph counted in words (其次，再次，最后) is a list item only inside a list that 首先
/// (or 第一，) opened; 最后 takes the number after the last one.
fn counted_in_words(mut m: Marker, line: &str, stack: &[Scope]) -> Option<Marker> {
    if m.kind != HeadingKind::Sequence || line.starts_with('第') || m.number == 1 {
        return Some(m);
    }
    let open = stack
        .iter()
        .rev()
        .find(|s| s.kind == HeadingKind::Sequence)?;
    // "最后，祝大家…", "最后，让我们…": a speech's closing wish, not its last point.
    if m.number == 0 && CLOSING_WISHES.iter().any(|w| line[m.len..].starts_with(w)) {
        return None;
    }
    if m.number == 0 {
        m.number = open.last + 1;
    }
    Some(m)
}

/// True when the first numbered line in `lines` of `m`'s kind or an outer one is `m`'s kind
/// numbered one more: `m` opens a list though its own line is a long sentence. Paragraph
/// 一是/二是 are left to the inline runs, which already count a sentence opening with 一是.
fn continued(text: &str, index: &LineIndex, lines: Range<usize>, m: &Marker) -> bool {
    if m.kind == HeadingKind::Ordinal {
        return false;
    }
    let this_rank = rank(m.kind);
    for line in lines.take(CONTINUATION_REACH) {
        let raw = &text[index.line_range(text, line)];
        let Some(next) = line_marker(unindent(raw)) else {
            continue;
        };
        if next.kind == m.kind {
            return next.number == m.number + 1;
        }
        if rank(next.kind) < this_rank {
            return false;
        }
    }
    false
}

/// Nesting rank of a kind: lower is outer.
fn rank(kind: HeadingKind) -> usize {
    HeadingKind::ORDER
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(usize::MAX)
}

fn check_sequence(
    findings: &mut Vec<Finding>,
    kind: HeadingKind,
    last: u32,
    number: u32,
    marker: &str,
    line: usize,
    range: ByteRange,
) {
    if number == last + 1 {
        return;
    }
    let (fkind, message) = if number == last {
        (
            FindingKind::NumberingRepeat,
            format!("编号“{marker}”重复出现"),
        )
    } else if number > last + 1 {
        let missing: Vec<String> = (last + 1..number)
            .take(5)
            .map(|n| render_marker(kind, n))
            .collect();
        if kind == HeadingKind::Ordinal {
            (
                FindingKind::OrdinalMissing,
                format!("“{marker}”前面缺少{}", missing.join("、")),
            )
        } else {
            (
                FindingKind::NumberingGap,
                format!("编号跳过了{}，直接到“{marker}”", missing.join("")),
            )
        }
    } else {
        (
            FindingKind::NumberingBackward,
            format!("编号“{marker}”比前一个编号小"),
        )
    };
    findings.push(Finding {
        kind: fkind,
        line,
        range,
        message,
    });
}

pub(crate) fn cn_name(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

fn ordinal_name(n: u32) -> String {
    format!("{}是", cn_name(n))
}

fn render_marker(kind: HeadingKind, n: u32) -> String {
    match kind {
        HeadingKind::Part => format!("第{}部分", cn_name(n)),
        HeadingKind::Chinese => format!("“{}、”", cn_name(n)),
        HeadingKind::ParenChinese => format!("“（{}）”", cn_name(n)),
        HeadingKind::Arabic => format!("“{n}.”"),
        HeadingKind::ParenArabic => format!("“（{n}）”"),
        HeadingKind::Circled => format!(
            "“{}”",
            char::from_u32(0x2460 + n.saturating_sub(1)).unwrap_or('①')
        ),
        HeadingKind::Letter => format!(
            "“{}.”",
            char::from_u32('A' as u32 + n.saturating_sub(1)).unwrap_or('A')
        ),
        HeadingKind::Sequence => match n {
            1 => "“首先”或“第一，”".into(),
            2 => "“其次”或“第二，”".into(),
            n => format!("“第{}，”", cn_name(n)),
        },
        HeadingKind::Ordinal | HeadingKind::InlineOrdinal => format!("“{}”", ordinal_name(n)),
    }
}

/// Suffixes of units that sign off a report.
const UNIT_SUFFIXES: [&str; 23] = [
    "人民政府",
    "政府",
    "委员会",
    "办公室",
    "办事处",
    "街道",
    "党委",
    "党组",
    "支部",
    "局",
    "委",
    "镇",
    "乡",
    "县",
    "区",
    "市",
    "公司",
    "中心",
    "医院",
    "学校",
    "单位",
    "处",
    "组",
];

/// True for a date line: "2023年11月3日", "2023年X月X日", "二〇二三年十一月三日", "（2023年5月3日）",
/// and the year and month alone that studies and plans are often signed with ("2024年10月").
pub fn is_date_line(line: &str) -> bool {
    // Most lines end otherwise: that test first, before any trimming or counting.
    if line.as_bytes().ends_with("。".as_bytes()) {
        return false;
    }
    let end = line.trim_end().as_bytes();
    if !(end.ends_with("日".as_bytes())
        || end.ends_with("月".as_bytes())
        || end.ends_with("）".as_bytes())
        || end.ends_with(b")"))
    {
        return false;
    }
    let l = line
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    // Most lines end otherwise: that test first, counting only the few that pass.
    if !l.ends_with(['日', '月']) || !(6..=16).contains(&l.chars().count()) {
        return false;
    }
    let (Some(y), Some(m)) = (l.find('年'), l.find('月')) else {
        return false;
    };
    // A month ends the date or is followed by its day.
    y < m
        && (l.ends_with('日') || m + '月'.len_utf8() == l.len())
        && l.chars().all(|c| {
            c.is_ascii_digit()
                || "年月日Xx〇零一二三四五六七八九十０１２３４５６７８９ ".contains(c)
        })
}

/// A person signing a report in their role: "述职人：XXX", "报告人：张三".
fn signer(line: &str) -> bool {
    line.split_once(['：', ':']).is_some_and(|(role, name)| {
        role.ends_with('人')
            && (2..=4).contains(&role.chars().count())
            && (1..=6).contains(&name.trim().chars().count())
    })
}

/// Addressee, sign-off and date lines of a report.
pub fn roles(
    text: &str,
    index: &LineIndex,
    lines: Range<usize>,
    title_line: Option<usize>,
) -> Vec<RoleLine> {
    let mut roles = Vec::new();
    let is_content =
        |l: usize| Some(l) != title_line && !text[index.line_range(text, l)].trim().is_empty();
    // Only the first content lines and the last three matter: found from each end, so a long
    // report costs no more than a short one.
    let mut opening = lines.clone().filter(|&l| is_content(l));
    let line_text = |l: usize| text[index.line_range(text, l)].trim();
    let mut first = opening.next();
    // A speech opens with its date and speaker before the addressee: "（2025年1月8日）",
    // "XXX", "同志们：".
    if first.is_some_and(|l| is_date_line(line_text(l))) {
        first = opening.next();
        if first.is_some_and(|l| {
            let speaker = line_text(l);
            speaker.len() <= 36
                && speaker.chars().count() <= 12
                && !speaker.contains(['：', ':', '，', '。', '；', '、'])
                && line_marker(speaker).is_none()
        }) {
            first = opening.next();
        }
    }
    let last_three: Vec<usize> = lines
        .clone()
        .rev()
        .filter(|&l| is_content(l))
        .take(3)
        .collect();
    // The addressee is the first content line: short, ending in a colon, not a heading.
    if let Some(first) = first {
        let l = text[index.line_range(text, first)].trim();
        let n = l.chars().count();
        if (2..=24).contains(&n)
            && (l.ends_with('：') || l.ends_with(':'))
            && line_marker(l).is_none()
            && !l.contains(['，', '。'])
        {
            roles.push(RoleLine {
                role: LineRole::Addressee,
                line: first,
            });
        }
    }
    // The date is among the last two content lines; the sign-off is the line before it.
    for (i, &line_no) in last_three.iter().take(2).enumerate() {
        let l = text[index.line_range(text, line_no)].trim();
        if is_date_line(l) {
            if let Some(&prev) = last_three.get(i + 1) {
                let p = text[index.line_range(text, prev)].trim();
                let pn = p.chars().count();
                let looks_unit = UNIT_SUFFIXES.iter().any(|s| p.ends_with(s))
                    || p.split_whitespace().count() == 2 && pn <= 24
                    || signer(p);
                if (2..=30).contains(&pn)
                    && looks_unit
                    && !p.contains(['。', '，', '；'])
                    && line_marker(p).is_none()
                {
                    roles.push(RoleLine {
                        role: LineRole::SignOff,
                        line: prev,
                    });
                }
            }
            roles.push(RoleLine {
                role: LineRole::Date,
                line: line_no,
            });
            break;
        }
    }
    roles.sort_by_key(|r| r.line);
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<Heading>, Vec<Finding>) {
        let index = LineIndex::new(text);
        outline(text, &index, 0..index.line_count(), None)
    }

    /// (marker, level) of each heading.
    fn markers<'a>(text: &'a str, h: &[Heading]) -> Vec<(&'a str, u8)> {
        h.iter().map(|h| (h.marker(text), h.level)).collect()
    }

    #[test]
    fn markers_of_every_kind() {
        let cases = [
            ("第一部分 总体情况", HeadingKind::Part, 1),
            ("第三章　保障措施", HeadingKind::Part, 3),
            ("一、主要做法及成效", HeadingKind::Chinese, 1),
            ("十二、其他", HeadingKind::Chinese, 12),
            ("（一）抓好国家卫生城市复审", HeadingKind::ParenChinese, 1),
            ("(四)扎实开展安全生产", HeadingKind::ParenChinese, 4),
            (
                "（五)做好县委、政府交办的各项中心工作",
                HeadingKind::ParenChinese,
                5,
            ),
            ("1.政策性粮食轮换出库。", HeadingKind::Arabic, 1),
            ("2、制定方案。", HeadingKind::Arabic, 2),
            ("１．加强领导", HeadingKind::Arabic, 1),
            ("（1）组建了机构", HeadingKind::ParenArabic, 1),
            ("(3)抓好统计法治建设", HeadingKind::ParenArabic, 3),
            ("二是补短板、提品质", HeadingKind::Ordinal, 2),
        ];
        for (line, kind, n) in cases {
            let m = line_marker(line).unwrap_or_else(|| panic!("no marker in {line}"));
            assert_eq!((m.kind, m.number), (kind, n), "{line}");
        }
        for body in [
            "2023年，在区委的领导下",
            "1.5万元用于改造",
            "一、二季度经济运行平稳",
            "今年以来，我们",
            "第一书记驻村",
            "12345热线",
        ] {
            assert!(line_marker(body).is_none(), "{body}");
        }
    }

    #[test]
    fn levels_follow_the_tree_the_report_uses() {
        let text = "一、工作总结\n（一）落实政策\n1.轮换出库。根据要求。\n（1）组建机构\n2.储备粮。\n二、问题\n一是财政投入不足。\n二是力度不够。\n";
        let (h, f) = run(text);
        let got = markers(text, &h);
        assert_eq!(
            got,
            [
                ("一、", 1),
                ("（一）", 2),
                ("1.", 3),
                ("（1）", 4),
                ("2.", 3),
                ("二、", 1),
                ("一是", 2),
                ("二是", 2)
            ]
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(h[2].text(text), "轮换出库");
        assert_eq!(h[0].text(text), "工作总结");
    }

    #[test]
    fn a_report_starting_with_part_puts_it_at_level_one() {
        let (h, _) = run("第一部分 总体情况\n一、基本情况\n第二部分 下步打算\n一、目标\n");
        let got: Vec<u8> = h.iter().map(|h| h.level).collect();
        assert_eq!(got, [1, 2, 1, 2]);
    }

    /// The list markers of speeches, 实施方案 and 调研报告 beside 一、（一）1.（1）: each is a
    /// heading of its own kind, nested under the kinds around it, with numbering findings.
    #[test]
    fn speech_and_plan_list_markers_are_headings() {
        let text = "一、存在的问题\n第一，产业基础薄弱。部分村收入不足10万元。\n第二，人才支撑不足。\n\
                    第四，机制不健全。\n二、对策建议\n首先，要强化产业支撑。\n其次，要加强人才培养。\n\
                    最后，要完善体制机制。\n最后，祝大家工作顺利！\n一要提高认识，二要压实责任，三要强化督导。\n\
                    ①完善设施。\n③优化服务。\n1）加强领导。\n2）落实责任。\n⑴明确目标。\n⑵细化措施。\n\
                    Ａ．总体要求\nＢ．主要任务\n";
        let (h, f) = run(text);
        let got: Vec<(HeadingKind, &str, u8, u32)> = h
            .iter()
            .map(|h| (h.kind, h.marker(text), h.level, h.number))
            .collect();
        use HeadingKind::*;
        assert_eq!(
            got,
            [
                (Chinese, "一、", 1, 1),
                (Sequence, "第一，", 2, 1),
                (Sequence, "第二，", 2, 2),
                (Sequence, "第四，", 2, 4),
                (Chinese, "二、", 1, 2),
                (Sequence, "首先，", 2, 1),
                (Sequence, "其次，", 2, 2),
                (Sequence, "最后，", 2, 3),
                (Ordinal, "一要", 3, 1),
                (InlineOrdinal, "二要", 3, 2),
                (InlineOrdinal, "三要", 3, 3),
                (Circled, "①", 2, 1),
                (Circled, "③", 2, 3),
                (ParenArabic, "1）", 2, 1),
                (ParenArabic, "2）", 2, 2),
                (ParenArabic, "⑴", 2, 1),
                (ParenArabic, "⑵", 2, 2),
                (Letter, "Ａ．", 3, 1),
                (Letter, "Ｂ．", 3, 2),
            ]
        );
        let findings: Vec<(FindingKind, usize)> = f.iter().map(|f| (f.kind, f.line)).collect();
        assert_eq!(
            findings,
            [
                (FindingKind::NumberingGap, 3),
                (FindingKind::NumberingGap, 11),
                (FindingKind::NumberingBackward, 14),
            ]
        );
        assert!(f[0].message.contains("第三"), "{}", f[0].message);
        assert!(f[1].message.contains("②"), "{}", f[1].message);
    }

    /// Markers with spaces after them, half width, full width, no-break or a tab, and lines
    /// indented with no-break or em spaces (pages copied from the web): the same headings,
    /// the marker without its spaces.
    #[test]
    fn markers_followed_or_preceded_by_odd_spaces_are_headings() {
        let text = "一、 总体要求\n二、\t主要任务\n（一）\u{3000}健全机制。全年召开会议12次。\n\
                    （二）\u{a0}压实责任。全年召开会议12次。\nA. 抓好落实。全年召开会议12次。\n\
                    B.\t抓好落实。全年召开会议12次。\n\u{a0}\u{a0}三、保障措施\n\u{2003}\u{2003}四、组织实施\n";
        let (h, _) = run(text);
        let got: Vec<(&str, &str)> = h.iter().map(|h| (h.marker(text), h.text(text))).collect();
        assert_eq!(
            got,
            [
                ("一、", "总体要求"),
                ("二、", "主要任务"),
                ("（一）", "健全机制"),
                ("（二）", "压实责任"),
                ("A.", "抓好落实"),
                ("B.", "抓好落实"),
                ("三、", "保障措施"),
                ("四、", "组织实施"),
            ]
        );
    }

    /// Prose that opens like a marker stays prose: 其次/最后 with no list before them, 第一书记,
    /// "A、B两类", "第二，三季度".
    #[test]
    fn prose_that_opens_like_a_list_marker_is_not_a_heading() {
        for line in [
            "其次，我们还要看到存在的不足。",
            "最后，我代表县委向大家表示感谢。",
            "第一书记驻村帮扶工作扎实开展。",
            "A、B两类项目全部开工。",
            "第二，三季度的工作重点是招商。",
        ] {
            let (h, _) = run(&format!("{line}\n"));
            assert!(h.is_empty(), "{line}: {:?}", h.first().map(|h| h.kind));
        }
    }

    #[test]
    fn numbering_findings() {
        let (_, f) =
            run("一、做法\n（一）甲\n（二）乙\n（四）丙\n（四）丁\n三、问题\n（六）戊\n（八）己\n");
        let kinds: Vec<(FindingKind, usize)> = f.iter().map(|f| (f.kind, f.line)).collect();
        assert_eq!(
            kinds,
            [
                (FindingKind::NumberingGap, 3),
                (FindingKind::NumberingRepeat, 4),
                (FindingKind::NumberingGap, 5),
                (FindingKind::NumberingGap, 6),
                (FindingKind::NumberingGap, 7),
            ]
        );
        assert!(f[0].message.contains("（三）"), "{}", f[0].message);
        assert!(f[2].message.contains("二、"), "{}", f[2].message);
    }

    #[test]
    fn inline_ordinals_and_missing_one() {
        let text = "（一）抓好复审。一是开展全民洗手；二是推进创建；四是完善机制。\n";
        let (h, f) = run(text);
        let inline: Vec<(&str, u8)> = h
            .iter()
            .filter(|h| h.kind == HeadingKind::InlineOrdinal)
            .map(|h| (h.marker(text), h.level))
            .collect();
        assert_eq!(inline, [("一是", 2), ("二是", 2), ("四是", 2)]);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, FindingKind::OrdinalMissing);
        assert!(f[0].message.contains("三是"));
        // A line opening with 一是 continues its run inline, at the same level.
        let text = "一、问题\n一是学习不够深入；二是创新不够；四是作风不实。\n";
        let (h, f) = run(text);
        let got: Vec<(HeadingKind, &str, u8)> = h
            .iter()
            .map(|h| (h.kind, h.marker(text), h.level))
            .collect();
        assert_eq!(
            got,
            [
                (HeadingKind::Chinese, "一、", 1),
                (HeadingKind::Ordinal, "一是", 2),
                (HeadingKind::InlineOrdinal, "二是", 2),
                (HeadingKind::InlineOrdinal, "四是", 2)
            ]
        );
        assert_eq!(f.len(), 1, "{f:?}");
        // A lone "统一是" is not a run.
        let (h, _) = run("要做到思想统一是关键。\n");
        assert!(h.is_empty());
    }

    #[test]
    fn long_numbered_sentence_is_body() {
        let long = format!("1.{}。", "这是一句很长的话".repeat(10));
        let (h, _) = run(&long);
        assert!(h.is_empty());
        // Followed by another kind's heading, or by its own kind numbered otherwise, it
        // stays body text.
        let (h, _) = run(&format!("{long}\n（一）抓项目\n3.抓落实\n"));
        assert_eq!(h.iter().map(|h| h.line).collect::<Vec<_>>(), [1, 2]);
    }

    /// A list whose first item is a long sentence ("（一）推进网格化管理，…。") and whose
    /// second is a short heading: the first is listed (its opening words), and no number is
    /// reported missing.
    #[test]
    fn a_long_sentence_opening_a_list_is_its_first_item() {
        let long = format!(
            "（一）推进网格化管理，{}。",
            "在全社区范围内划分网格，实现全覆盖".repeat(4)
        );
        let text =
            format!("一、总体思路\n1.坚持党建引领。\n{long}\n（二）深化志愿服务。\n二、保障\n");
        let (h, f) = run(&text);
        let got: Vec<(HeadingKind, u8, u32, usize)> = h
            .iter()
            .map(|h| (h.kind, h.level, h.number, h.line))
            .collect();
        assert_eq!(
            got,
            [
                (HeadingKind::Chinese, 1, 1, 0),
                (HeadingKind::Arabic, 2, 1, 1),
                (HeadingKind::ParenChinese, 2, 1, 2),
                (HeadingKind::ParenChinese, 2, 2, 3),
                (HeadingKind::Chinese, 1, 2, 4),
            ]
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(
            h[2].text(&text),
            "推进网格化管理，在全社区范围内划分网格，实现全覆盖在全社区范"
        );
    }

    /// Short items run into one paragraph ("（一）甲。（二）乙。") are each listed, and the
    /// numbering goes on from the last of them: no number is reported missing.
    #[test]
    fn a_list_run_into_one_line_is_listed_and_numbered_on() {
        let text = "一、主要工作\n（一）加强理论武装。（二）推动产业发展； (三)强化队伍。\n（四）抓落实\n\
                    二、打算\n1.加大资金投入。2.健全长效机制。\n3.强化督导考核。\n";
        let (h, f) = run(text);
        let got: Vec<(&str, &str, u8, usize)> = h
            .iter()
            .map(|h| (h.marker(text), h.text(text), h.level, h.line))
            .collect();
        assert_eq!(
            got,
            [
                ("一、", "主要工作", 1, 0),
                ("（一）", "加强理论武装", 2, 1),
                ("（二）", "推动产业发展", 2, 1),
                ("(三)", "强化队伍", 2, 1),
                ("（四）", "抓落实", 2, 2),
                ("二、", "打算", 1, 3),
                ("1.", "加大资金投入", 2, 4),
                ("2.", "健全长效机制", 2, 4),
                ("3.", "强化督导考核", 2, 5),
            ]
        );
        assert!(f.is_empty(), "{f:?}");
        // Their positions are where the author wrote them.
        assert_eq!(&text[h[2].marker_range.clone()], "（二）");
    }

    /// Only the next number right after an item's sentence, written the same way, goes on
    /// with the list: a mention in a sentence, a decimal, another style or a number further
    /// on is body text, and a real gap is still reported.
    #[test]
    fn a_number_inside_a_sentence_does_not_go_on_with_the_list() {
        for line in [
            "（一）抓好落实，详见（二）所列事项。",
            "（一）抓好落实。全年完成任务，（二）季度过半。",
            "1.加大投入。2.5万元用于改造。",
            "1.加大投入。2、健全机制。",
            "（一）抓好落实。（三）健全机制。",
            "（一）抓好落实。全年完成任务。（二）健全机制。",
        ] {
            let (h, _) = run(line);
            assert_eq!(h.len(), 1, "{line}: {:?}", markers(line, &h));
        }
        let text = "（一）抓好落实。（三）健全机制。\n（四）强化考核\n";
        let (_, f) = run(text);
        assert_eq!(
            f.iter().map(|f| (f.kind, f.line)).collect::<Vec<_>>(),
            [(FindingKind::NumberingGap, 1)]
        );
    }

    /// A long first item followed by the next one in its own line is a list, not body text.
    #[test]
    fn a_long_first_item_run_into_its_successor_is_listed() {
        let text = format!(
            "（一）推进网格化管理，{}。（二）深化志愿服务。\n",
            "在全社区范围内划分网格，实现全覆盖".repeat(4)
        );
        let (h, f) = run(&text);
        assert_eq!(markers(&text, &h), [("（一）", 1), ("（二）", 1)]);
        assert!(f.is_empty(), "{f:?}");
    }

    /// An attachment list numbers attachments, not headings: no heading, no gap reported.
    #[test]
    fn an_attachment_list_is_not_part_of_the_outline() {
        let text = "一、主要工作\n二、存在的问题\n附件：1.重点项目清单\n      2.招商引资项目表\n";
        let (h, f) = run(text);
        assert_eq!(markers(text, &h), [("一、", 1), ("二、", 1)]);
        assert!(f.is_empty(), "{f:?}");
        let text = "一、主要工作\n附件：\n1.重点项目清单\n2.招商引资项目表\n三、问题\n";
        let (h, f) = run(text);
        assert_eq!(markers(text, &h), [("一、", 1), ("三、", 1)]);
        // The outline goes on after the list: 二、 is still missing.
        assert_eq!(f.len(), 1, "{f:?}");
    }

    /// Studies, speeches and 述职 reports sign and open otherwise than a 公文.
    #[test]
    fn roles_of_speeches_studies_and_duty_reports() {
        let got = |text: &str| {
            let index = LineIndex::new(text);
            roles(text, &index, 0..index.line_count(), None)
                .iter()
                .map(|r| (r.role, r.line))
                .collect::<Vec<_>>()
        };
        // A study signed by its group with a year and month.
        assert_eq!(
            got("调研情况如下。\n一、基本情况\n内容。\nXX镇调研组\n2024年10月\n"),
            [(LineRole::SignOff, 3), (LineRole::Date, 4)]
        );
        // A duty report signed by its speaker.
        assert_eq!(
            got("各位领导、同志们：\n内容。\n述职人：XXX\n2024年12月18日\n"),
            [
                (LineRole::Addressee, 0),
                (LineRole::SignOff, 2),
                (LineRole::Date, 3)
            ]
        );
        // A speech: date and speaker under the title, then the addressee.
        assert_eq!(
            got("（2025年1月8日）\nXXX\n同志们：\n这次会议的主要任务是部署工作。\n"),
            [(LineRole::Addressee, 2)]
        );
        assert!(is_date_line("2024年10月"));
        assert!(is_date_line("二〇二四年十月"));
        assert!(!is_date_line("截至2024年10月"));
        assert!(!is_date_line("2024年10月份"));
    }

    #[test]
    fn roles_addressee_signoff_date() {
        let text = "县政府：\n现将工作汇报如下。\n一、做法\n内容。\nXX镇人民政府\n2023年11月3日\n";
        let index = LineIndex::new(text);
        let r = roles(text, &index, 0..index.line_count(), None);
        let got: Vec<(LineRole, usize)> = r.iter().map(|r| (r.role, r.line)).collect();
        assert_eq!(
            got,
            [
                (LineRole::Addressee, 0),
                (LineRole::SignOff, 4),
                (LineRole::Date, 5)
            ]
        );
        assert!(is_date_line("2023年X月X日"));
        assert!(is_date_line("二〇二三年十一月三日"));
        assert!(!is_date_line("2023年11月3日召开会议"));
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("一、"), Some((1, 3)));
        assert_eq!(chinese_number("十、"), Some((10, 3)));
        assert_eq!(chinese_number("十一、"), Some((11, 6)));
        assert_eq!(chinese_number("二十、"), Some((20, 6)));
        assert_eq!(chinese_number("二十三、"), Some((23, 9)));
        assert_eq!(chinese_number("是"), None);
    }
}
