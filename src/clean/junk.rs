//! Recognising junk a material site adds: paywall markers, advert lines and blocks,
//! watermark lines, and the brand names those adverts carry. Shared by the splitter (junk is
//! never a report title) and by cleaning (junk is what it removes). No dependency on egui,
//! the outline or the rule set: every function here looks at one line or one text only.
//!
//! Adverts are recognised by a score, not by a brand name: each signal (a contact with a
//! colon, a URL, "下载后可编辑", a 【brand】 opening the line…) adds points, report prose
//! (a sentence with 。, figures with units, words like 群众/落实/建设) takes points away, and
//! only a line reaching [`advert_threshold`] is an advert. A cheap keyword scan
//! ([`may_be_advert`]) runs first so that the common content line costs one automaton pass.

use crate::lexicon;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The byte order mark (U+FEFF) a file opens with, left at the start of a line wherever
/// files were joined into one compilation: invisible, never the author's.
pub const BOM: char = '\u{feff}';

/// Paywall markers, removed wherever they stand.
pub const PAYWALL_MARKERS: [&str; 4] = [
    "##paidbegin##",
    "##paidend##",
    "$$paidbegin$$",
    "$$paidend$$",
];

/// Byte ranges of the paywall markers in `text`, in order.
pub fn paywall_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    // One finder for every call: this runs on single lines too, where building a substring
    // finder costs more than the search.
    static PAID: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"paid"));
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Every marker starts with # or $: a text without either has none.
    if memchr::memchr2(b'#', b'$', bytes).is_none() {
        return out;
    }
    // Every marker contains "paid"; the two bytes before it say which family it is.
    for hit in PAID.find_iter(bytes) {
        if hit < 2 {
            continue;
        }
        let start = hit - 2;
        if out
            .last()
            .is_some_and(|r: &std::ops::Range<usize>| start < r.end)
        {
            continue;
        }
        if let Some(m) = PAYWALL_MARKERS
            .iter()
            .find(|m| bytes[start..].starts_with(m.as_bytes()))
        {
            out.push(start..start + m.len());
        }
    }
    out
}

/// The line with any paywall markers taken out.
pub fn strip_paywall(line: &str) -> Cow<'_, str> {
    without(line, &paywall_ranges(line))
}

/// `line` with the sorted, disjoint byte `ranges` taken out.
fn without<'a>(line: &'a str, ranges: &[std::ops::Range<usize>]) -> Cow<'a, str> {
    if ranges.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut s = String::with_capacity(line.len());
    let mut pos = 0;
    for r in ranges {
        s.push_str(&line[pos..r.start]);
        pos = r.end;
    }
    s.push_str(&line[pos..]);
    Cow::Owned(s)
}

/// A line scoring at least this much is an advert (`[adverts] threshold` of the lexicon).
pub fn advert_threshold() -> i32 {
    lexicon::builtin().adverts.threshold
}

/// Longest page number [`is_page_number_line`] reads, in bytes, spaces around it aside (it
/// looks at lines of up to 8 bytes more, and at running headers three times as long).
pub const MAX_PAGE_NUMBER_BYTES: usize = 40;

/// A page number a printed or converted document left on a line of its own: "- 1 -",
/// "— 2 —", "·3·", "[ 4 ]", "第3页", "第 3 页 共 12 页", "第3页（共12页）", "页码：5", "P6", or
/// one beside a running header: "XX县工作资料汇编  第3页", "内部资料 · 7". Never a sentence.
#[inline]
pub fn is_page_number_line(line: &str) -> bool {
    line.len() <= MAX_PAGE_NUMBER_BYTES * 3
        && opens_like_layout_line(line.as_bytes())
        && ((line.len() <= MAX_PAGE_NUMBER_BYTES + 8 && reads_as_page_number(line))
            || running_header(line))
}

/// Whether a line of `bytes` can be a page number or a separator line: it opens with a space,
/// a dash, 第 or a character separators repeat, or it ends as a page number or a running
/// header can ([`ends_like_page_line`]). Decides almost every line on its first and last
/// bytes.
#[inline]
pub fn opens_like_layout_line(bytes: &[u8]) -> bool {
    // A table lookup rules out almost every line before the patterns below are tried.
    const FIRST: [bool; 256] = {
        let mut t = [false; 256];
        let firsts = [
            b' ', b'\t', b'-', b'*', b'=', b'~', b'_', 0xC2, 0xE2, 0xE3, 0xE7, 0xEF, 0xE5, b'P',
            b'p', b'0', b'1', b'2', b'3', b'4', b'5', b'6', b'7', b'8', b'9',
        ];
        let mut i = 0;
        while i < firsts.len() {
            t[firsts[i] as usize] = true;
            i += 1;
        }
        t
    };
    if !bytes.first().is_some_and(|&b| FIRST[b as usize]) {
        return ends_like_page_line(bytes);
    }
    match bytes {
        [
            b' ' | b'\t' | b'-' | b'*' | b'=' | b'~' | b'_' | b'P' | b'p' | b'0'..=b'9',
            ..,
        ] => true,
        // 共
        [0xE5, 0x85, 0xB1, ..] => true,
        // ·
        [0xC2, 0xB7, ..] => true,
        // — – ※ ─ ━, the ideographic space, 第.
        [0xE2, 0x80, 0x94 | 0x93 | 0xBB, ..] | [0xE2, 0x94, 0x80 | 0x81, ..] => true,
        [0xE3, 0x80, 0x80, ..] | [0xE7, 0xAC, 0xAC, ..] => true,
        // － ＊ ＝ ＿ ～
        [0xEF, 0xBC, 0x8D | 0x8A | 0x9D | 0xBF, ..] | [0xEF, 0xBD, 0x9E, ..] => true,
        _ => ends_like_page_line(bytes),
    }
}

/// Whether a line of `bytes` ends as a page number or a running header can: on a digit, 页,
/// or a mark closing a page number (- — · • ] 】 〕 〗 > 〉 》 ) ）). Most lines end on a word or
/// a full stop.
#[inline]
fn ends_like_page_line(bytes: &[u8]) -> bool {
    let end = bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r'))
            .count();
    match &bytes[..end] {
        [
            ..,
            b'0'..=b'9' | b'-' | b']' | b'>' | b')' | b'*' | b'~' | b'=',
        ] => true,
        // 页 (頁 on a converted page), fullwidth digits and －）］＞～, — • ·, 】〉》
        [.., 0xE9, 0xA1, 0xB5]
        | [.., 0xE9, 0xA0, 0x81]
        | [.., 0xEF, 0xBC, 0x90..=0x99 | 0x8D | 0x89 | 0xBD | 0x9E]
        | [.., 0xEF, 0xBD, 0x9E]
        | [.., 0xE2, 0x80, 0x94 | 0xA2]
        | [.., 0xC2, 0xB7]
        | [.., 0xE3, 0x80, 0x91 | 0x89 | 0x8B | 0x95 | 0x97] => true,
        _ => false,
    }
}

const SPACES: [char; 3] = [' ', '\t', '\u{3000}'];

/// Marks a page number stands between, in pairs: "- 3 -", "·3·", "[ 3 ]", "【第3页】", "<3>",
/// "〔3〕".
const PAGE_MARKS: [(char, char); 18] = [
    ('-', '-'),
    ('—', '—'),
    ('–', '–'),
    ('－', '－'),
    ('─', '─'),
    ('·', '·'),
    ('•', '•'),
    ('[', ']'),
    ('［', '］'),
    ('【', '】'),
    ('〔', '〕'),
    ('〖', '〗'),
    ('<', '>'),
    ('〈', '〉'),
    ('《', '》'),
    ('~', '~'),
    ('～', '～'),
    ('*', '*'),
];

/// [`is_page_number_line`] for a short line opening as a layout line can: a number between
/// marks ("- 3 -", "·12·", "[ 3 ]"), or a page phrase ([`page_phrase`]), bare or between
/// marks: "第3页", "第 3 页 共 12 页", "— 第3页 —", "3 / 12", "Page 3 of 12".
fn reads_as_page_number(line: &str) -> bool {
    let l = line.trim_matches(SPACES);
    if l.len() > MAX_PAGE_NUMBER_BYTES {
        return false;
    }
    let mut chars = l.chars();
    if let (Some(first), Some(last)) = (chars.next(), chars.next_back())
        && let Some(&(open, close)) = PAGE_MARKS.iter().find(|(o, _)| *o == first)
        && last == close
    {
        let inner = l.trim_start_matches(open).trim_end_matches(close);
        let inner = inner.trim_matches(SPACES);
        return page_count(inner) || page_phrase(inner);
    }
    page_phrase(l)
}

/// A number of at most four digits, ASCII or fullwidth, spaces around it.
fn page_count(s: &str) -> bool {
    let s = s.trim_matches([' ', '\u{3000}']);
    (1..=4).contains(&s.chars().count())
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// A page phrase: one of the shapes of `[pages]` in the lexicon ("第3页", "第3页（共12页）",
/// "共12页 第3页", "3 / 12", "页码：3", "Page 3 of 12"), this page no greater than the count.
fn page_phrase(l: &str) -> bool {
    static SHAPES: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
        lexicon::builtin()
            .pages
            .shapes
            .iter()
            .map(String::as_str)
            .collect()
    });
    // The characters the shapes are written with besides N: a line holding any other is no
    // page phrase, found before anything is built for it.
    static ALPHABET: LazyLock<Vec<char>> = LazyLock::new(|| {
        let mut chars: Vec<char> = SHAPES.iter().flat_map(|s| s.chars()).collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    let mut shape = String::new();
    let mut numbers: Vec<(u32, usize)> = Vec::new();
    let mut in_number = false;
    for c in l.chars() {
        let digit = c
            .to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32));
        if let Some(d) = digit {
            if !in_number {
                shape.push('N');
                numbers.push((0, 0));
            }
            let n = numbers.last_mut().expect("pushed above");
            *n = (n.0.saturating_mul(10).saturating_add(d), n.1 + 1);
            in_number = true;
            continue;
        }
        in_number = false;
        let c = match c {
            ' ' | '\u{3000}' | '\t' => continue,
            '（' => '(',
            '）' => ')',
            '，' => ',',
            '／' => '/',
            '：' => ':',
            c => c,
        };
        if ALPHABET.binary_search(&c).is_err() {
            return false;
        }
        shape.push(c);
        if shape.len() > 24 {
            return false;
        }
    }
    if numbers.is_empty() || numbers.len() > 2 || numbers.iter().any(|n| n.1 > 4) {
        return false;
    }
    // Two bare numbers are a page of a count only when short: "3/12", not "2023/2024".
    if shape == "N/N" && numbers.iter().any(|n| n.1 > 3) {
        return false;
    }
    if !SHAPES.contains(shape.as_str()) {
        return false;
    }
    match numbers[..] {
        [(this, _), (count, _)] if !shape.starts_with(['共', '总']) => this <= count,
        [(count, _), (this, _)] => this <= count,
        _ => true,
    }
}

/// A running header or footer with its page number: a few words with no sentence mark, then
/// a page number after a tab, two spaces or a spaced mark ("XX县工作资料汇编  第3页",
/// "内部资料 · 7", "公文写作参考\t- 3 -"), or the other way round. A bare number follows
/// only a mark (· | ｜ •), never spaces: "合计    35" is a row of a table.
fn running_header(line: &str) -> bool {
    let l = line.trim_matches(SPACES);
    // Most lines are decided here: the page number opens or closes the line, and the line
    // holds a gap (a tab, two spaces, an ideographic space, · | ｜ •).
    let b = l.as_bytes();
    let opens_like_page = matches!(b, [b'0'..=b'9' | b'P' | b'p' | b'-' | b'[' | b'<', ..])
        || l.starts_with(['第', '共', '页', '—', '·', '【', '［', '〈', '《', '－']);
    if !(ends_like_page_line(b) || opens_like_page) {
        return false;
    }
    let gap = (0..b.len()).any(|i| match b[i] {
        b'\t' | b'|' => true,
        b' ' => b.get(i + 1) == Some(&b' '),
        0xC2 => b.get(i + 1) == Some(&0xB7),
        0xE3 => b[i + 1..].starts_with(&[0x80, 0x80]),
        0xEF => b[i + 1..].starts_with(&[0xBD, 0x9C]),
        0xE2 => b[i + 1..].starts_with(&[0x80, 0xA2]),
        _ => false,
    });
    if !gap {
        return false;
    }
    let words = |s: &str| {
        let n = s.chars().count();
        (2..=30).contains(&n)
            && !s.contains([
                '。', '，', '；', '！', '？', '、', '：', ':', ',', ';', '“', '”',
            ])
            && s.chars().any(is_han)
    };
    let is_mark = |c: char| matches!(c, '·' | '|' | '｜' | '•');
    // Each gap: a run of spaces with at most one mark in it, worth splitting at when it holds
    // a tab, two spaces or the mark.
    let mut i = 0;
    while let Some(c) = l[i..].chars().next() {
        if !(SPACES.contains(&c) || is_mark(c)) {
            i += c.len_utf8();
            continue;
        }
        let (mut j, mut spaces, mut tab, mut marked) = (i, 0, false, false);
        while let Some(c) = l[j..].chars().next() {
            if SPACES.contains(&c) {
                // An ideographic space is as wide as two.
                spaces += if c == '\u{3000}' { 2 } else { 1 };
                tab |= c == '\t';
            } else if is_mark(c) && !marked {
                marked = true;
            } else {
                break;
            }
            j += c.len_utf8();
        }
        if (tab || spaces >= 2 || marked) && i > 0 && j < l.len() {
            let (head, tail) = (&l[..i], &l[j..]);
            let page = |s: &str| reads_as_page_number(s) || (marked && page_count(s));
            if (words(head) && page(tail)) || (page(head) && words(tail)) {
                return true;
            }
        }
        i = j;
    }
    false
}

/// Characters a separator line repeats: "————————", "********", "========".
const SEPARATOR_CHARS: [char; 14] = [
    '—', '-', '─', '━', '*', '＊', '=', '＝', '~', '～', '_', '＿', '·', '※',
];

/// A line drawn between two texts, nothing but one character repeated at least three times
/// ("————————", "****************"): a site's or a converter's, not words.
#[inline]
pub fn is_separator_line(line: &str) -> bool {
    let l = line.trim_matches([' ', '\t', '\u{3000}']);
    let Some(first) = l.chars().next() else {
        return false;
    };
    SEPARATOR_CHARS.contains(&first) && l.chars().all(|c| c == first) && l.chars().nth(2).is_some()
}

/// Whether `line` is nothing but a reading-list header: "【推荐阅读】", "相关文章：" (the
/// headers are words of the lexicon, see [`crate::site`]).
pub fn is_reading_list_header(line: &str) -> bool {
    crate::site::is_reading_list_header(line.trim())
}

/// How many of the lines after a reading-list header are its links: the run of lines that
/// look like titles (`is_title`, given the trimmed line) up to a blank line or the end. A
/// run that goes on into body text ends with that text's title, which stays.
pub fn reading_list_len<'a>(
    after: impl IntoIterator<Item = &'a str>,
    is_title: impl Fn(&str) -> bool,
) -> usize {
    let mut links = 0;
    for line in after {
        let line = line.trim();
        if line.is_empty() {
            return links;
        }
        if !is_title(line) {
            // A site's own line (a notice, an advert) ends the list; the author's text opens
            // with its title, the list's last line, which stays.
            let site_line = crate::site::classify(line).is_some() || is_advert_line(line);
            return if site_line {
                links
            } else {
                links.saturating_sub(1)
            };
        }
        links += 1;
    }
    links
}

/// Punctuation a watermark inserts between two Han characters (公众@号, 微*信, 关.注).
const STRAY: &[char] = &[
    '@', '*', '.', '·', '#', '~', '|', '_', '-', '/', '\\', '^', '&', '%', '!', '$', '+', '=', ' ',
    '\u{3000}', '•', '＊', '＠', '．', '丶', '＃', '～', '｜',
];

/// The ASCII ones rare enough in reports to make a line worth a closer look by themselves.
const RARE_STRAY_BYTES: [u8; 5] = [b'@', b'*', b'~', b'|', b'#'];

/// What makes a line worth scoring besides the lexicon's phrases: the openings
/// [`advert_score`] rewards (a 【brand】, 来源：) and the rarer watermark marks that are not
/// ASCII (the ASCII ones are [`RARE_STRAY_BYTES`]).
const SHAPE_TRIGGERS: [&str; 6] = ["【", "来源", "＠", "＊", "丶", "•"];

/// The keywords of the cheap pre-check, derived from the lexicon's certain and strong advert
/// phrases: a small set of pieces (two characters, or three ASCII letters) such that every
/// such phrase contains one, chosen greedily, each time the piece most of the phrases still
/// without one share (the shortest, then the first, on a tie). With [`SHAPE_TRIGGERS`], every
/// line holding a phrase worth 2 or more, or the shapes the score rewards, is scored. The
/// pieces are 3 bytes or more, so the automata can use their SIMD prefilter.
fn derive_triggers<'a>(phrases: &[&'a str]) -> Vec<&'a str> {
    let mut triggers: Vec<&str> = SHAPE_TRIGGERS.to_vec();
    let mut left: Vec<&str> = phrases
        .iter()
        .copied()
        .filter(|p| !triggers.iter().any(|t| p.contains(t)))
        .collect();
    while !left.is_empty() {
        // Every piece of every phrase still left, in order of phrase and position.
        let mut pieces: Vec<&str> = Vec::new();
        for &p in &left {
            let idx: Vec<usize> = p.char_indices().map(|(i, _)| i).chain([p.len()]).collect();
            let mut own: Vec<&str> = (0..idx.len().saturating_sub(2))
                .map(|i| &p[idx[i]..idx[i + 2]])
                .chain(
                    (0..idx.len().saturating_sub(3))
                        .map(|i| &p[idx[i]..idx[i + 3]])
                        .filter(|s| s.is_ascii()),
                )
                .filter(|s| s.len() >= 3)
                .collect();
            if own.is_empty() {
                own.push(p);
            }
            pieces.extend(own);
        }
        let covered = |piece: &str| left.iter().filter(|p| p.contains(piece)).count();
        let mut best = pieces[0];
        let mut best_key = (covered(best), std::cmp::Reverse(best.len()));
        for &piece in &pieces[1..] {
            let key = (covered(piece), std::cmp::Reverse(piece.len()));
            if key > best_key {
                (best, best_key) = (piece, key);
            }
        }
        triggers.push(best);
        left.retain(|p| !p.contains(best));
    }
    triggers
}

struct Signals {
    all: AhoCorasick,
    weights: Vec<i32>,
    prose_cap: i32,
    threshold: i32,
    measures: &'static str,
    bracket_endings: &'static [String],
}

static SIGNAL_SET: LazyLock<Signals> = LazyLock::new(|| {
    let adverts = &lexicon::builtin().adverts;
    let all = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(adverts.signals().map(|(p, _)| p))
        .expect("lexicon advert signals build");
    Signals {
        all,
        weights: adverts.signals().map(|(_, w)| w).collect(),
        prose_cap: adverts.prose_cap,
        threshold: adverts.threshold,
        measures: &adverts.measures,
        bracket_endings: &lexicon::builtin().brands.bracket_endings,
    }
});

/// Patterns per automaton: up to 16 lets aho-corasick use its "slim" Teddy prefilter,
/// several times faster on Chinese text than one automaton with all of them.
const TRIGGERS_PER_SET: usize = 16;

/// The pre-check keywords ([`derive_triggers`]), longest first.
static TRIGGERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let adverts = &lexicon::builtin().adverts;
    let strong: Vec<&str> = adverts
        .signals()
        .filter(|&(_, w)| w >= lexicon::Adverts::STRONG)
        .map(|(p, _)| p)
        .collect();
    let mut triggers = derive_triggers(&strong);
    triggers.sort_by_key(|t| std::cmp::Reverse(t.len() >= 4));
    triggers
});

/// The trigger keywords as a few automata of [`TRIGGERS_PER_SET`]: those of 4 bytes or more
/// first, so that Teddy fingerprints 4 bytes (a character and the next lead byte), not 3,
/// in every automaton but the last.
static TRIGGER_SETS: LazyLock<Vec<AhoCorasick>> = LazyLock::new(|| {
    TRIGGERS
        .chunks(TRIGGERS_PER_SET)
        .map(|chunk| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .kind(Some(AhoCorasickKind::DFA))
                .build(chunk)
                .expect("advert triggers build")
        })
        .collect()
});

/// Start offsets of the lines of `text` worth scoring with [`advert_score`], sorted: the
/// lines holding a trigger keyword or a watermark split. One pass per keyword automaton,
/// skipping to the next line after a hit; a large text is scanned on every core.
pub fn advert_candidate_starts(text: &str) -> Vec<usize> {
    crate::par::flat_map_slices(text, crate::par::PARALLEL_MIN, |range| {
        candidate_starts_in(text, range)
    })
}

/// [`advert_candidate_starts`] for the lines in `range` (line-aligned).
pub(crate) fn candidate_starts_in(text: &str, range: std::ops::Range<usize>) -> Vec<usize> {
    let b = text.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    let mut starts = Vec::new();
    for ac in TRIGGER_SETS.iter() {
        let mut pos = range.start;
        while pos < range.end {
            let Some(m) = ac.find(Input::new(text).span(pos..range.end)) else {
                break;
            };
            starts.push(line_start(m.start()));
            pos = memchr::memchr(b'\n', &b[m.end()..]).map_or(text.len(), |i| m.end() + i + 1);
        }
    }
    starts.extend(
        watermark_splits(&text[range.clone()])
            .map(|i| i + range.start)
            .map(line_start),
    );
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Offsets of rare watermark punctuation standing between two Han characters (公众@号);
/// cleaning runs it once over a whole text inside [`advert_candidate_starts`].
pub fn watermark_splits(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let [a, c, d, e, f] = RARE_STRAY_BYTES;
    memchr::memchr3_iter(a, c, d, b)
        .chain(memchr::memchr2_iter(e, f, b))
        .filter(move |&i| {
            text[..i].chars().next_back().is_some_and(is_han)
                && text[i + 1..].chars().next().is_some_and(is_han)
        })
}

/// Cheap first check: false means the line is certainly not an advert.
pub fn may_be_advert(line: &str) -> bool {
    TRIGGER_SETS.iter().any(|ac| ac.is_match(line)) || watermark_splits(line).next().is_some()
}

/// True when the whole line is an advert or watermark, never the author's content.
pub fn is_advert_line(line: &str) -> bool {
    may_be_advert(line) && advert_score(line) >= advert_threshold()
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The line with watermark punctuation between two Han characters removed (公众@号 →
/// 公众号), or the line itself when it has none.
pub fn unsplit_watermark(line: &str) -> Cow<'_, str> {
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut prev_han = false;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if prev_han && STRAY.contains(&c) && it.peek().is_some_and(|&(_, n)| is_han(n)) {
            cuts.push(i..i + c.len_utf8());
        }
        prev_han = is_han(c);
    }
    without(line, &cuts)
}

/// How much the line looks like an advert: at least [`advert_threshold`] is an advert,
/// 1 or 2 is suspicious (an advert block may take it along), 0 or less is content.
pub fn advert_score(line: &str) -> i32 {
    let stripped = strip_paywall(line);
    let unsplit = unsplit_watermark(stripped.trim());
    let l: &str = &unsplit;
    if l.is_empty() {
        return 0;
    }
    let set = &*SIGNAL_SET;
    let mut seen = vec![false; set.weights.len()];
    let mut score = 0;
    let mut prose = 0;
    let mut certain = false;
    for m in set.all.find_iter(l) {
        let id = m.pattern().as_usize();
        if std::mem::replace(&mut seen[id], true) {
            continue;
        }
        let w = set.weights[id];
        certain |= w == lexicon::Adverts::CERTAIN;
        if w < 0 {
            prose -= w;
        } else {
            score += w;
        }
    }
    score -= prose.min(set.prose_cap);
    // A line framed by one mark at both ends ("—— 关注“XX”，写材料不再熬夜 ——") is decorated
    // as a slogan is, not written as a sentence: a point more for a line that already scores.
    // A numbering in such a frame ("—— 范文一 ——") is a label (see [`crate::label`]).
    if score > 0
        && !l.starts_with(['【', '〖', '['])
        && crate::site::framed_inner(l).is_some()
        && !crate::label::numbering(l).is_some_and(|n| n.alone)
    {
        score += 1;
    }
    let bracket = bracket_brand_score(l);
    score += bracket;
    // A call to scan or follow in the unit's own voice ("欢迎广大群众扫码关注“XX发布”公众号，
    // 及时了解政策动态"): it offers a service, not documents to take away. With a phrase of
    // the certain tier ("免费下载", "www.") only a whole sentence of the author's is. Only a
    // line that scores as an advert is asked, so the lists cost nothing on the others.
    if score >= set.threshold && bracket == 0 && (!certain || l.ends_with(['。', '；', '！'])) {
        let adverts = &lexicon::builtin().adverts;
        let has = |words: &[String]| words.iter().any(|w| l.contains(w.as_str()));
        if has(&adverts.services) && !has(&adverts.offers) {
            return 0;
        }
    }
    if ["来源：", "来源:", "来源 :", "来源 ："]
        .iter()
        .any(|p| l.starts_with(p))
    {
        score += 2;
    }
    let chars = l.chars().count();
    if l.contains('。') && chars >= 25 {
        score -= 2;
    }
    if has_figure_with_unit(l, set.measures) {
        score -= 1;
    }
    score
}

/// 【brand】 opening the line: +2, +1 more when the name ends like a site's.
fn bracket_brand_score(l: &str) -> i32 {
    let Some(rest) = l.strip_prefix('【') else {
        return 0;
    };
    let Some(close) = rest.find('】') else {
        return 0;
    };
    let name = &rest[..close];
    // 【范文2】, 【范文推荐·1】 are the site's number for a report (see [`crate::label`]),
    // not its name: a word and an ordinal filling the bracket.
    let bracket = &l[..'【'.len_utf8() + close + '】'.len_utf8()];
    if name.chars().count() > 20
        || crate::label::label_len(name) == Some(name.len())
        || crate::label::numbering(bracket).is_some_and(|n| n.len >= bracket.len())
    {
        return 0;
    }
    let endings = SIGNAL_SET.bracket_endings;
    if endings.iter().any(|s| name.ends_with(s.as_str())) || name.contains("公众号") {
        3
    } else {
        2
    }
}

/// A figure followed by a measure word ("120条", "2.3万次", "56家"): report facts.
fn has_figure_with_unit(l: &str, measures: &str) -> bool {
    let mut prev_digit = false;
    for c in l.chars() {
        if prev_digit && measures.contains(c) {
            return true;
        }
        prev_digit = c.is_ascii_digit() || (prev_digit && (c == '.' || c == '多' || c == '余'));
    }
    false
}

/// Brand names an advert line names: the text in 【…】, the name after 公众号：/认准, and
/// a bracketed name with its site ending taken off. `explicit` names come from a bracket
/// or a 公众号 label; `stems` are bare brands that only count when they recur.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BrandNames {
    pub explicit: Vec<String>,
    pub stems: Vec<String>,
}

/// Collects the brand names in one advert line (see [`BrandNames`]).
pub fn brand_names(line: &str, out: &mut BrandNames) {
    let brands = &lexicon::builtin().brands;
    let l = unsplit_watermark(line.trim());
    let push = |v: &mut Vec<String>, name: &str| {
        let name = name.trim();
        let n = name.chars().count();
        if (2..=12).contains(&n)
            && name.chars().any(is_han)
            && !brands.generic.iter().any(|g| g == name)
            && !v.iter().any(|x| x == name)
        {
            v.push(name.to_string());
        }
    };
    let mut rest: &str = &l;
    while let Some(open) = rest.find('【') {
        let after = &rest[open + '【'.len_utf8()..];
        let Some(close) = after.find('】') else {
            break;
        };
        let name = &after[..close];
        let name = name.rsplit(['：', ':']).next().unwrap_or(name);
        push(&mut out.explicit, name);
        for end in &brands.site_endings {
            if let Some(stem) = name.strip_suffix(end.as_str()) {
                push(&mut out.stems, stem);
                break;
            }
        }
        rest = &after[close..];
    }
    for label in ["公众号：", "公众号:", "认准"] {
        let mut rest: &str = &l;
        while let Some(at) = rest.find(label) {
            let after = &rest[at + label.len()..];
            let end = after
                .char_indices()
                .find(|&(_, c)| !(is_han(c) || c.is_ascii_alphanumeric()))
                .map(|(i, _)| i)
                .unwrap_or(after.len());
            let name = &after[..end];
            if name.chars().all(is_han) {
                push(&mut out.explicit, name);
            }
            rest = &after[end..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paywall_markers_come_out_and_text_beside_them_stays() {
        assert_eq!(
            strip_paywall("##paidbegin##2023年XX区卫生健康工作总结"),
            "2023年XX区卫生健康工作总结"
        );
        assert_eq!(strip_paywall("$$paidend$$"), "");
        assert_eq!(
            strip_paywall("正文$$paidbegin$$正文##paidend##"),
            "正文正文"
        );
        assert!(matches!(strip_paywall("没有标记的行"), Cow::Borrowed(_)));
        assert_eq!(paywall_ranges("a##paidend##b"), vec![1..12]);
        // "paid" alone is no marker.
        assert!(paywall_ranges("prepaid card #paid#").is_empty());
    }

    #[test]
    fn seed_style_adverts_are_adverts() {
        for l in [
            "【哒哒素材库】——每天更新材料1000多篇内部高质量素材，会员群+网盘群同步每日更新，一键精准搜索、一键快速查找、一键极速下载，有意加入请联系：1 4367，：9 649564",
            "欢迎加入“哒哒素材库svip会员”，9000万字材料，轻松解决您的各类素材需求！添加客服：cwk,请各位小伙伴认准哒哒，哒哒唯一平台（公众号：哒哒君、：cwk），谨防假冒！",
            "【哒哒代笔】——原创高质量保障、高度保密，各类代笔（润笔），好评如潮！PPT设计、各类杂志报刊网站(共产党员网等)代发布业务，持续接单中，需要的小伙伴请代笔客服：cwk",
            "【笔杆子文库】更多精品范文请关注公众号",
            "本文档由会员上传，仅供参考学习",
            "更多范文请访问 www.xxfanwen.com",
            "本文来源于网络，如有侵权请联系删除",
            "【公众号：写材料的老王】每日更新",
            "关注微信公众号获取更多资料",
            "【范文网】免费下载 Word 版本",
            "扫码加入写作交流群",
            "本资料由【材料狗】整理发布",
            "版权声明：转载请注明出处",
            "【文秘帮】精选范文",
            "下载后可编辑修改",
            "联系QQ：12345678 获取全套资料",
            "点击关注，获取更多干货",
            "本文由AI辅助生成，仅供参考",
            "来源:网友投稿",
            "更新时间:2023-11-03 10:21",
            "—— 关注“公文研习社”，写材料不再熬夜 ——",
            "本文档由笔杆子文库用户上传，下载后可编辑",
            "https://www.example.cn/doc/123.html",
        ] {
            assert!(
                is_advert_line(l),
                "not recognised as an advert: {l} (score {})",
                advert_score(l)
            );
        }
    }

    #[test]
    fn watermarks_with_stray_punctuation_are_adverts() {
        for l in [
            "公众@号：笔杆子文库",
            "微*信：abc123 更多范文",
            "关.注公众号，获取更多资料",
            "##paidbegin##客服：cwk",
        ] {
            assert!(
                is_advert_line(l),
                "not recognised: {l} (score {})",
                advert_score(l)
            );
        }
        assert_eq!(unsplit_watermark("公众@号"), "公众号");
        // Stray punctuation between digits or Latin letters is left for the scorer as is.
        assert_eq!(unsplit_watermark("PM2.5"), "PM2.5");
    }

    #[test]
    fn content_lines_with_advert_words_are_never_adverts() {
        for l in [
            // A site's numbering of its reports, however long its word: a label, not a brand.
            "【范文推荐·1】",
            "【精选范文03】",
            "指导群众下载国家反诈中心APP2.3万次",
            "开通政务服务公众号，发布信息120条",
            "设立群众来信来访接待室，来源于群众的意见建议全部办结",
            "会员单位达到56家",
            "聘请法律顾问，提供仅供参考的意见",
            "建立微信群、QQ群等联系群众渠道，全年解答咨询300余条。",
            "四、关注民生",
            "（三）加强公众号建设",
            "【典型案例】XX镇创新开展矛盾纠纷化解，全年化解纠纷120件。",
            "【基本情况】",
            "来源：XX市统计局",
            "二是迅速宣传动员。9月19日，召开局主题教育动员大会，全体D员干部参加，正式拉开主题教育帷幕。运用AAA群督促学习，在单位内部挂横幅，张贴共产D员网音频二维码等营造浓厚氛围。",
            "严禁找人代写心得体会，杜绝照搬照抄。",
            "——关注民生，服务群众——",
            "—— 在全县经济工作会议上的讲话 ——",
            "—— 范文一 ——",
            "推行群众扫码评价，收集意见建议320条。",
            "组织党员干部关注“学习强国”平台，全年积分排名全市第一。",
            "上传各类数据资料1200余份，完成率100%。",
            "",
            "   ",
        ] {
            assert!(
                !is_advert_line(l),
                "content taken for an advert: {l} (score {})",
                advert_score(l)
            );
        }
    }

    /// A page number between the brackets of official documents: "〔3〕", "〖12〗".
    #[test]
    fn page_numbers_between_hexagonal_and_white_brackets() {
        for line in ["〔1〕", "〔12〕", "〖3〗", " 〔 4 〕 "] {
            assert!(is_page_number_line(line), "{line}");
        }
        for line in ["〔2023〕12号", "〔一〕加强领导"] {
            assert!(!is_page_number_line(line), "{line}");
        }
    }

    #[test]
    fn page_numbers_on_their_own_lines() {
        for line in [
            "- 1 -",
            "—2—",
            "－ 3 －",
            "  — 12 —  ",
            "– 7 –",
            "第4页",
            "第 5 页 共 12 页",
            "第6页/共12页",
            "第７页，共９页",
            "Page 3 of 12",
            "page 7",
            "3 / 12",
            "12/12",
            "— 第3页 —",
            "共12页 第3页",
            "- 3/12 -",
            // Other marks and phrasings, and running headers beside the number.
            "·3·",
            "[ 4 ]",
            "<5>",
            "【第6页】",
            "第3页（共31页）",
            "第 3 页，总 31 页",
            "5/33页",
            "页码：7",
            "P8",
            "p.9",
            "2024年度材料汇编  第3页",
            "内部资料 注意保存\t- 4 -",
            "XX县工作资料选编 · 12",
            "第5页  XX县工作资料选编",
            // A page converted to traditional characters.
            "XX材料库\u{3000}第1頁",
            "第 2 頁 共 9 頁",
        ] {
            assert!(is_page_number_line(line), "{line}");
        }
        for line in [
            "合计    35",
            "全年召开会议  第3次",
            "XX镇2024年工作总结",
            "详见附件：第3页",
            "【3】号文件",
            "P2P网贷风险专项整治",
            "共N页",
            "第3页（共2页）",
        ] {
            assert!(!is_page_number_line(line), "{line}");
        }
        for line in [
            "第一部分",
            "第3页的表格",
            "- 详见附件 -",
            "—— END ——",
            "-5%",
            "1-2月",
            "第X页",
            "（一）抓好落实",
            "第 5 页 共 12 页，见附表",
            "- 12345 -",
            "12/3",
            "2023/2024",
            "3",
            "Page One",
            "Pages 3 of 12",
            "1/2以上",
            "共3页",
            "第3页共",
        ] {
            assert!(!is_page_number_line(line), "{line}");
        }
    }

    #[test]
    fn a_units_own_call_to_follow_its_channel_is_no_advert() {
        for line in [
            "欢迎广大群众扫码关注“XX发布”微信公众号，及时了解政策动态。",
            "企业可登录县政府门户网站，点击“惠企政策”栏目免费下载申报表格。",
            "群众可通过微信搜索“XX政务”小程序，在线预约办理12项业务。",
        ] {
            assert!(advert_score(line) < advert_threshold(), "{line}");
        }
        // A site's advert offers documents, whatever else it says.
        for line in [
            "关注公众号“公文素材”，获取更多范文",
            "扫码添加客服微信，领取完整版素材",
            "想看更多同类材料？认准XX笔记，每日更新",
        ] {
            assert!(advert_score(line) >= advert_threshold(), "{line}");
        }
    }

    #[test]
    fn separator_lines_repeat_one_character() {
        for line in [
            "————————",
            "****************",
            " ======= ",
            "---",
            "※※※※",
            "～～～～",
        ] {
            assert!(is_separator_line(line), "{line}");
            assert!(opens_like_layout_line(line.as_bytes()), "{line}");
        }
        for line in [
            "——",
            "—— END ——",
            "**注意**",
            "-=-=-=",
            "……",
            "一一一一",
            "",
        ] {
            assert!(!is_separator_line(line), "{line}");
        }
    }

    #[test]
    fn reading_lists_end_at_a_blank_line_or_before_the_next_title() {
        assert!(is_reading_list_header("【推荐阅读】"));
        assert!(is_reading_list_header(" 相关文章： "));
        assert!(!is_reading_list_header("【推荐阅读】XX镇2023年工作总结"));
        let title = |l: &str| l.ends_with("总结");
        assert_eq!(
            reading_list_len(["甲镇总结", "乙村总结", "", "丙"], title),
            2
        );
        assert_eq!(reading_list_len(["甲镇总结", "乙村总结"], title), 2);
        // The last title opens the text after it: it stays.
        assert_eq!(
            reading_list_len(["甲镇总结", "乙村总结", "正文。"], title),
            1
        );
        assert_eq!(reading_list_len(["", "甲镇总结"], title), 0);
        // A site's notice after the list ends it: every title in it goes.
        assert_eq!(
            reading_list_len(
                [
                    "甲镇总结",
                    "乙村总结",
                    "本文系作者授权本站发表，未经许可，不得转载。"
                ],
                title
            ),
            2
        );
    }

    #[test]
    fn the_cheap_check_never_hides_an_advert() {
        // Every line the scorer calls an advert passes the keyword pre-check.
        for text in crate::test_seed::compilations() {
            for l in text.lines() {
                if advert_score(l) >= advert_threshold() {
                    assert!(may_be_advert(l), "{l}");
                }
            }
        }
    }

    #[test]
    fn every_strong_signal_is_found_by_the_cheap_check() {
        assert!(TRIGGERS.iter().all(|t| t.len() >= 3));
        // Three automata in all, every one but the last of long keywords only: each more
        // is one more pass over every text (a few more strong phrases of their own do it).
        assert!(
            TRIGGER_SETS.len() <= 3,
            "{} automata: {:?}",
            TRIGGER_SETS.len(),
            *TRIGGERS
        );
        let long = TRIGGERS.iter().filter(|t| t.len() >= 4).count();
        assert!(long >= (TRIGGER_SETS.len() - 1) * TRIGGERS_PER_SET);
        for (sig, w) in lexicon::builtin().adverts.signals() {
            if w >= 2 {
                assert!(
                    TRIGGERS.iter().any(|t| sig.contains(t)),
                    "no trigger finds {sig}"
                );
            }
        }
    }

    #[test]
    fn triggers_are_pieces_the_phrases_share() {
        let t = derive_triggers(&[
            "添加客服",
            "联系客服",
            "客服：",
            "下载后可编辑",
            "免费下载",
            "svip",
        ]);
        assert_eq!(t[SHAPE_TRIGGERS.len()..], ["客服", "下载", "svi"]);
        // A phrase the shapes already find gets no keyword of its own.
        assert_eq!(derive_triggers(&["【推荐阅读】"]), SHAPE_TRIGGERS);
    }

    #[test]
    fn on_the_fixture_only_the_two_adverts_are_adverts() {
        let adverts: Vec<usize> = crate::test_seed::COMPILATION
            .lines()
            .enumerate()
            .filter(|(_, l)| is_advert_line(l))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(adverts, vec![39, 40]);
    }

    #[test]
    fn on_the_seed_only_the_four_closing_adverts_are_adverts() {
        let Some(seed) = crate::test_seed::seed() else {
            return;
        };
        let adverts: Vec<usize> = seed
            .lines()
            .enumerate()
            .filter(|(_, l)| is_advert_line(l))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(adverts, vec![294, 295, 296, 297]);
    }

    #[test]
    fn brand_names_come_from_brackets_and_labels() {
        let mut b = BrandNames::default();
        brand_names("【哒哒素材库】——每天更新材料", &mut b);
        brand_names(
            "请各位小伙伴认准哒哒，哒哒唯一平台（公众号：哒哒君、：cwk），谨防假冒！",
            &mut b,
        );
        brand_names("【哒哒代笔】——原创高质量保障", &mut b);
        brand_names("【公众号：笔杆子素材】每日更新", &mut b);
        brand_names("【范文网】免费下载", &mut b);
        let mut explicit = b.explicit.clone();
        explicit.sort();
        let mut want = vec![
            "哒哒素材库",
            "哒哒",
            "哒哒君",
            "哒哒代笔",
            "笔杆子素材",
            "范文网",
        ];
        want.sort();
        assert_eq!(explicit, want);
        // 范文 is a plain word, never a brand.
        assert_eq!(b.stems, vec!["哒哒", "笔杆子"]);
    }
}
