//! Punctuation: half-width , ; : ? ! ( ) inside Chinese text, which 公文 writes full-width,
//! and brackets whose two halves differ in width (（五)). Numbers (1,200 / 3.5), Latin
//! words, addresses and "EOD(2023)" are left alone.

use super::dict::is_han;
use crate::model::ByteRange;

/// One punctuation mark to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: ByteRange,
    pub found: char,
    pub right: char,
    /// A bracket mended to match its other half (rather than a mark widened).
    pub mends_pair: bool,
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// `s` with the marks [`find`] widens written half-width again: what a text says, whatever
/// the width of its marks (tests compare texts before and after cleaning by it).
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| {
            [',', ';', ':', '?', '!', '(', ')']
                .into_iter()
                .find(|&h| full_width(h) == Some(c))
                .unwrap_or(c)
        })
        .collect()
}

/// Chinese text on the side of a mark: a Han character or full-width punctuation.
fn chinese(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0x2014 | 0x2026 | 0x201C..=0x201D | 0x2018..=0x2019)
}

/// The bytes a mark to change can start from: the half-width marks (a bracket to mend
/// has a half-width half).
fn is_mark_byte(b: u8) -> bool {
    matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')')
}

/// Every mark to change in `text`, in text order. Only the lines holding a half-width mark
/// are looked at closer.
pub fn find(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|&b| is_mark_byte(b)) {
        let hit = from + i;
        let start = memchr::memrchr(b'\n', &bytes[..hit]).map_or(0, |j| j + 1);
        let end = memchr::memchr(b'\n', &bytes[hit..]).map_or(bytes.len(), |j| hit + j + 1);
        find_in_line(&text[start..end], start, &mut out);
        from = end;
    }
    out
}

fn find_in_line(line: &str, base: usize, out: &mut Vec<Mark>) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    if !chars.iter().any(|&(_, c)| is_han(c)) {
        return;
    }
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let before = |i: usize| i.checked_sub(1).and_then(at);
    let mut marks = Vec::new();
    // Brackets: pair them up within the line (a stack of opening ones).
    let mut stack: Vec<usize> = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        match c {
            '(' | '（' => stack.push(i),
            ')' | '）' => {
                if let Some(o) = stack.pop() {
                    bracket_pair(&chars, o, i, &mut marks);
                }
            }
            ',' | ';' | ':' | '?' | '!' => {
                let (p, n) = (before(i), at(i + 1));
                let p_cn = p.is_some_and(chinese);
                let n_cn = n.is_some_and(chinese);
                let n_end = n.is_none_or(|n| n == '\n' || n == '\r');
                let p_num = p.is_some_and(|p| p.is_ascii_alphanumeric() || p == '%');
                let n_num = n.is_some_and(|n| n.is_ascii_digit());
                let widen = match c {
                    // 完成3家,其中 / 卫生室的管理,2023年 / 共计117处,
                    ',' | ';' => (p_cn && (n_cn || n_num || n_end)) || (p_num && n_cn),
                    // 联系电话:0551 / 主要内容:
                    ':' => p_cn && (n_cn || n_num || n_end),
                    _ => p_cn && (n_cn || n_end),
                };
                if widen && let Some(right) = full_width(c) {
                    marks.push((i, right, false));
                }
            }
            _ => {}
        }
    }
    marks.sort_unstable_by_key(|m| m.0);
    marks.dedup_by_key(|m| m.0);
    for (i, right, mends_pair) in marks {
        let (o, found) = chars[i];
        out.push(Mark {
            range: base + o..base + o + found.len_utf8(),
            found,
            right,
            mends_pair,
        });
    }
}

/// Decides a bracket pair `o`..`c` (indices into `chars`).
fn bracket_pair(chars: &[(usize, char)], o: usize, c: usize, marks: &mut Vec<(usize, char, bool)>) {
    let (open, close) = (chars[o].1, chars[c].1);
    let inner = &chars[o + 1..c];
    match (open, close) {
        ('（', ')') => marks.push((c, '）', true)),
        ('(', '）') => marks.push((o, '（', true)),
        ('(', ')') => {
            let has_han = inner.iter().any(|&(_, ch)| is_han(ch));
            // (1) or (四) opening a line before Chinese text: a 公文 sequence number.
            let enumerator = o == 0 || chars[..o].iter().all(|&(_, ch)| ch.is_whitespace());
            let short_number = !inner.is_empty()
                && inner.len() <= 3
                && inner
                    .iter()
                    .all(|&(_, ch)| ch.is_ascii_digit() || "一二三四五六七八九十".contains(ch));
            let next_cn = chars.get(c + 1).is_some_and(|&(_, ch)| chinese(ch));
            if has_han || (enumerator && short_number && next_cn) {
                marks.push((o, '（', false));
                marks.push((c, '）', false));
            }
        }
        _ => {}
    }
}

/// A quotation mark that does not pair within its paragraph: the mark that would make the
/// paragraph's marks alternate (“…”), or None when no one change does (an odd number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub range: ByteRange,
    pub found: char,
    pub right: Option<char>,
}

/// The quotation marks of `text` that do not pair within their paragraph (line): curly
/// double and single quotes, and straight double quotes in Chinese text.
pub fn quotes(text: &str) -> Vec<Quote> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // “ ” ‘ ’ are E2 80 9C/9D/98/99 in UTF-8.
    while let Some(i) = memchr::memchr2(b'"', 0xE2, &bytes[from..]) {
        let hit = from + i;
        let quote = bytes[hit] == b'"'
            || (bytes.get(hit + 1) == Some(&0x80)
                && matches!(bytes.get(hit + 2), Some(0x98 | 0x99 | 0x9C | 0x9D)));
        if !quote {
            from = hit + 1;
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..hit]).map_or(0, |j| j + 1);
        let end = memchr::memchr(b'\n', &bytes[hit..]).map_or(bytes.len(), |j| hit + j);
        let line = &text[start..end];
        quotes_in_line(line, start, ('“', '”'), &mut out);
        quotes_in_line(line, start, ('‘', '’'), &mut out);
        if line.chars().any(is_han) {
            straight_quotes(line, start, &mut out);
        }
        from = end.max(hit + 1);
    }
    out.sort_by_key(|q| q.range.start);
    out
}

/// The curly marks `open`/`close` of one line that break the alternation “ ” “ ”.
fn quotes_in_line(line: &str, base: usize, (open, close): (char, char), out: &mut Vec<Quote>) {
    let marks: Vec<(usize, char)> = line
        .char_indices()
        .filter(|&(_, c)| c == open || c == close)
        .collect();
    let expected = |k: usize| if k.is_multiple_of(2) { open } else { close };
    let wrong: Vec<usize> = (0..marks.len())
        .filter(|&k| marks[k].1 != expected(k))
        .collect();
    let at = |k: usize| base + marks[k].0..base + marks[k].0 + marks[k].1.len_utf8();
    if marks.len().is_multiple_of(2) {
        // An even number: each mark out of turn is the other half.
        for k in wrong {
            out.push(Quote {
                range: at(k),
                found: marks[k].1,
                right: Some(expected(k)),
            });
        }
    } else if let Some(k) = wrong.first().copied().or(marks.len().checked_sub(1)) {
        // An odd number: the first mark out of turn, or the last opening one, is unpaired.
        out.push(Quote {
            range: at(k),
            found: marks[k].1,
            right: None,
        });
    }
}

/// The last straight double quote of a line holding an odd number of them.
fn straight_quotes(line: &str, base: usize, out: &mut Vec<Quote>) {
    let marks: Vec<usize> = memchr::memchr_iter(b'"', line.as_bytes()).collect();
    if !marks.len().is_multiple_of(2)
        && let Some(&o) = marks.last()
    {
        out.push(Quote {
            range: base + o..base + o + 1,
            found: '"',
            right: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        let mut out = text.to_string();
        for m in find(text).iter().rev() {
            out.replace_range(m.range.clone(), m.right.encode_utf8(&mut [0; 4]));
        }
        out
    }

    #[test]
    fn half_width_marks_in_chinese_text_become_full_width() {
        assert_eq!(fixed("沟盖板XX个,更换及加固"), "沟盖板XX个，更换及加固");
        assert_eq!(fixed("护理院(中心、站)、"), "护理院（中心、站）、");
        assert_eq!(fixed("卫生室的管理,2023年9月"), "卫生室的管理，2023年9月");
        assert_eq!(fixed("(1)抓好全面从严治党"), "（1）抓好全面从严治党");
        assert_eq!(fixed("有没有问题?有。"), "有没有问题？有。");
        assert_eq!(fixed("完成XX万元）,基数"), "完成XX万元），基数");
    }

    #[test]
    fn numbers_latin_words_and_addresses_are_left_alone() {
        for ok in [
            "投资1,200万元，增长3.5%。",
            "模型EOD(2023)已上线。",
            "详见 https://example.org/a?b=1,2 网站。",
            "邮箱 a.b@example.com，电话 0551-1234。",
            "Hello, world! 你好。",
            "比例为1:2。",
        ] {
            assert_eq!(fixed(ok), ok);
        }
    }

    #[test]
    fn quotation_marks_that_do_not_pair_are_found() {
        let q = |t: &str| {
            quotes(t)
                .into_iter()
                .map(|q| (q.found, q.right))
                .collect::<Vec<_>>()
        };
        // Paired, nested and across kinds: nothing.
        for ok in [
            "他说：“坚持‘三个不放松’，抓好落实。”",
            "“一是”“二是”",
            "Say \"hi\" to 你好。",
            "没有引号的行。",
        ] {
            assert!(q(ok).is_empty(), "{ok}: {:?}", q(ok));
        }
        // An opening mark typed for the closing one.
        assert_eq!(q("提出“三个到位“要求。"), vec![('“', Some('”'))]);
        assert_eq!(q("提出”三个到位”要求。"), vec![('”', Some('“'))]);
        // One half missing: found, no fix proposed.
        assert_eq!(q("提出“三个到位要求。"), vec![('“', None)]);
        assert_eq!(q("提出三个到位”要求。"), vec![('”', None)]);
        assert_eq!(q("他说\"好。"), vec![('"', None)]);
        // Each paragraph pairs on its own.
        assert_eq!(q("“甲”\n“乙\n丙”"), vec![('“', None), ('”', None)]);
    }

    #[test]
    fn a_bracket_of_the_other_width_is_mended() {
        assert_eq!(
            fixed("（五)做好县委、政府交办的工作"),
            "（五）做好县委、政府交办的工作"
        );
        let m = find("（五)做好");
        assert!(m[0].mends_pair);
    }
}
