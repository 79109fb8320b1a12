//! Finding placeholder tokens: jumping with memchr/memmem to the bytes a placeholder can
//! start with, growing the run there by hand and deciding whether it is a redaction or
//! genuine Latin text (Excel, Xbox, XXL, URLs, 1920×1080). Works on bytes of one string;
//! knows nothing of lines, answers or files.

use super::classify::{self, Class};
use memchr::memmem;

/// The characters sites use to blank out names and figures.
pub(super) fn is_mask_char(c: char) -> bool {
    matches!(c, 'X' | 'x' | '×' | 'Ｘ' | 'ｘ' | '*' | '＊')
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mask {
    /// X or Ｘ.
    Upper,
    /// x or ｘ.
    Lower,
    /// ×, the multiplication sign.
    Times,
    /// * or ＊.
    Star,
}

/// The mask character starting at byte `i`, with its length and whether it is ASCII.
#[inline]
fn mask_at(bytes: &[u8], i: usize) -> Option<(Mask, usize, bool)> {
    match *bytes.get(i)? {
        b'X' => Some((Mask::Upper, 1, true)),
        b'x' => Some((Mask::Lower, 1, true)),
        b'*' => Some((Mask::Star, 1, true)),
        0xC3 if bytes.get(i + 1) == Some(&0x97) => Some((Mask::Times, 2, false)),
        0xEF => match (bytes.get(i + 1)?, bytes.get(i + 2)?) {
            (0xBC, 0xB8) => Some((Mask::Upper, 3, false)),
            (0xBD, 0x98) => Some((Mask::Lower, 3, false)),
            (0xBC, 0x8A) => Some((Mask::Star, 3, false)),
            _ => None,
        },
        _ => None,
    }
}

/// The multi-byte mask characters. Four memmem passes over Chinese text measured about
/// twice as fast as one aho-corasick (Teddy) pass over the four patterns.
pub const WIDE_MASKS: [&str; 4] = ["×", "Ｘ", "ｘ", "＊"];

/// Byte offsets where a mask character may start, in increasing order: ASCII X/x/* from
/// one memchr3 pass, the rare multi-byte ones (× Ｘ ｘ ＊) from memmem passes merged in.
struct Candidates<'a> {
    ascii: memchr::Memchr3<'a>,
    next_ascii: Option<usize>,
    wide: Vec<usize>,
    next_wide: usize,
    offset: usize,
}

impl<'a> Candidates<'a> {
    /// Candidates in `bytes[offset..]`, as offsets into the whole text.
    fn new(bytes: &'a [u8], offset: usize) -> Candidates<'a> {
        let mut wide = Vec::new();
        for needle in WIDE_MASKS {
            wide.extend(memmem::find_iter(bytes, needle.as_bytes()).map(|i| i + offset));
        }
        wide.sort_unstable();
        let mut ascii = memchr::memchr3_iter(b'X', b'x', b'*', bytes);
        let next_ascii = ascii.next().map(|i| i + offset);
        Candidates {
            ascii,
            next_ascii,
            wide,
            next_wide: 0,
            offset,
        }
    }
}

impl Iterator for Candidates<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        let wide = self.wide.get(self.next_wide).copied();
        match (self.next_ascii, wide) {
            (Some(a), Some(w)) if w < a => {
                self.next_wide += 1;
                Some(w)
            }
            (Some(a), _) => {
                self.next_ascii = self.ascii.next().map(|i| i + self.offset);
                Some(a)
            }
            (None, Some(w)) => {
                self.next_wide += 1;
                Some(w)
            }
            (None, None) => None,
        }
    }
}

/// A run of mask characters, digits and inner dots around a candidate.
#[derive(Debug, Default)]
struct Run {
    start: usize,
    end: usize,
    upper: u32,
    lower: u32,
    times: u32,
    stars: u32,
    digits: u32,
    dots: u32,
    /// Whether any mask character is ASCII (X, x, *), so Latin neighbours matter.
    ascii: bool,
}

impl Run {
    fn masks(&self) -> u32 {
        self.upper + self.lower + self.times + self.stars
    }
    fn pure(&self) -> bool {
        self.digits == 0 && self.dots == 0
    }
}

/// Grows the run around the mask character at `p`, not reaching back before `floor`.
fn grow(bytes: &[u8], p: usize, floor: usize) -> Run {
    let mut run = Run {
        start: p,
        end: p,
        ..Run::default()
    };
    let mut i = p;
    loop {
        if let Some((mask, len, ascii)) = mask_at(bytes, i) {
            match mask {
                Mask::Upper => run.upper += 1,
                Mask::Lower => run.lower += 1,
                Mask::Times => run.times += 1,
                Mask::Star => run.stars += 1,
            }
            run.ascii |= ascii;
            i += len;
        } else if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            run.digits += 1;
            i += 1;
        } else if bytes.get(i) == Some(&b'.')
            && (bytes.get(i + 1).is_some_and(u8::is_ascii_digit) || mask_at(bytes, i + 1).is_some())
        {
            run.dots += 1;
            i += 1;
        } else {
            break;
        }
    }
    run.end = i;
    let mut s = p;
    while s > floor {
        let b = bytes[s - 1];
        if b.is_ascii_digit() {
            run.digits += 1;
            s -= 1;
        } else if b == b'.' && s - 1 > floor && bytes[s - 2].is_ascii_digit() {
            // "2.XX镇" at the start of a line is a list number, not "2.X"亿元.
            let digits = bytes[floor..s - 1]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let number_start = s - 1 - digits;
            if number_start == 0 || matches!(bytes[number_start - 1], b'\n' | b' ' | b'\t') {
                break;
            }
            run.dots += 1;
            s -= 1;
        } else {
            break;
        }
    }
    run.start = s;
    run
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphabetic() || classify::is_fullwidth_letter(c))
}

/// Chinese characters and CJK/fullwidth punctuation: what a lowercase "xx" must touch.
fn is_cjkish(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        matches!(c,
            '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{2FA1F}'
            | '\u{2018}'..='\u{201F}' | '\u{2026}' | '\u{2014}')
    })
}

/// Characters of URLs, e-mail addresses, file names and code.
fn is_url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._-/:@#&=?~+%\\".contains(&b)
}

/// Whether the ASCII word touching the run on this side (URL, file name, code) holds
/// Latin letters: then the X belongs to that word ("www.xxfanwen.com", "X/Y").
fn latin_word_before(bytes: &[u8], start: usize) -> bool {
    let lo = start.saturating_sub(64);
    bytes[lo..start]
        .iter()
        .rev()
        .take_while(|&&b| is_url_byte(b))
        .any(is_latin_letter)
}

/// Letters other than X/x: a neighbouring "XX-XX" is another blank, not a word.
fn is_latin_letter(b: &u8) -> bool {
    b.is_ascii_alphabetic() && !matches!(b, b'X' | b'x')
}

fn latin_word_after(bytes: &[u8], end: usize) -> bool {
    let hi = (end + 64).min(bytes.len());
    bytes[end..hi]
        .iter()
        .take_while(|&&b| is_url_byte(b))
        .any(is_latin_letter)
}

/// The character past up to three spaces before `start` / after `end`, when there are spaces.
fn past_spaces_before(text: &str, start: usize) -> Option<char> {
    let before = &text[..start];
    let trimmed = before.trim_end_matches(' ');
    let spaces = before.len() - trimmed.len();
    if spaces == 0 || spaces > 3 {
        return None;
    }
    trimmed.chars().next_back()
}

fn past_spaces_after(text: &str, end: usize) -> Option<char> {
    let after = &text[end..];
    let trimmed = after.trim_start_matches(' ');
    let spaces = after.len() - trimmed.len();
    if spaces == 0 || spaces > 3 {
        return None;
    }
    trimmed.chars().next()
}

/// "**重点**" is Markdown emphasis, not a redaction: the line around it holds an even number
/// (two or more) of exactly-two-star runs. Only 200 bytes each side are looked at, so a
/// huge line full of stars stays linear.
fn markdown_emphasis(bytes: &[u8], start: usize, end: usize) -> bool {
    const REACH: usize = 200;
    let lo = start.saturating_sub(REACH);
    let from = memchr::memrchr(b'\n', &bytes[lo..start]).map_or(lo, |i| lo + i + 1);
    let hi = (end + REACH).min(bytes.len());
    let to = memchr::memchr(b'\n', &bytes[end..hi]).map_or(hi, |i| end + i);
    let pairs = bytes[from..to]
        .split(|&b| b != b'*')
        .filter(|run| run.len() == 2)
        .count();
    pairs >= 2 && pairs % 2 == 0
}

/// A line that is nothing but the star run ("***" as a section break).
fn whole_line(text: &str, run: &Run) -> bool {
    let blank = |c: char| c != '\n' && c.is_whitespace();
    let before = text[..run.start]
        .trim_end_matches(blank)
        .chars()
        .next_back();
    let after = text[run.end..].trim_start_matches(blank).chars().next();
    before.is_none_or(|c| c == '\n') && after.is_none_or(|c| c == '\n')
}

/// Words after a lone "X" that make it Latin, not a blank: X光, X射线, X型, X轴.
const SINGLE_X_WORDS: &[&str] = &["光", "射线", "线", "型", "轴", "染色体", "战警"];

/// Decides whether `run` is a placeholder, and what kind.
fn judge<'a>(text: &'a str, run: &Run) -> Option<Class<'a>> {
    let bytes = text.as_bytes();
    let before = &text[..run.start];
    let token = &text[run.start..run.end];
    let rest = &text[run.end..];
    let prev = before.chars().next_back();
    let next = rest.chars().next();
    let masks = run.masks();
    let pure = run.pure();

    if masks == run.stars {
        // Stars: "***", "＊＊＊", "138****1234".
        if masks < 2
            || prev.is_some_and(|c| c.is_ascii_alphabetic())
            || next.is_some_and(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        if pure && masks == 2 && run.ascii && markdown_emphasis(bytes, run.start, run.end) {
            return None;
        }
        if pure && whole_line(text, run) {
            return None;
        }
        return Some(classify::classify(before, token, rest, pure));
    }

    // X-like: X, x, ×, Ｘ, ｘ.
    if is_letter(prev) {
        return None;
    }
    let letter_unit = if is_letter(next) {
        Some(classify::letter_unit(rest)?)
    } else {
        None
    };
    if run.ascii {
        if latin_word_before(bytes, run.start)
            || (letter_unit.is_none() && latin_word_after(bytes, run.end))
        {
            return None;
        }
        if past_spaces_before(text, run.start).is_some_and(|c| c.is_ascii_alphabetic())
            || past_spaces_after(text, run.end).is_some_and(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
    }
    let lower_only = run.upper == 0 && run.times == 0;
    if lower_only && pure && !(is_cjkish(prev) || is_cjkish(next)) {
        return None;
    }
    let class = classify::classify(before, token, rest, pure);
    if pure {
        if masks == 1 {
            let spaced_digits = past_spaces_before(text, run.start)
                .is_some_and(|c| c.is_ascii_digit())
                && past_spaces_after(text, run.end).is_some_and(|c| c.is_ascii_digit());
            if run.upper == 0 && spaced_digits {
                // "3 × 4", "2 x 3": multiplication.
                return None;
            }
            if run.upper == 1 && run.ascii && SINGLE_X_WORDS.iter().any(|w| rest.starts_with(w)) {
                return None;
            }
            if run.lower == 1 && rest.starts_with('轴') {
                return None;
            }
        }
        return Some(class);
    }
    if masks >= 2 {
        return Some(class);
    }
    // One mask character among digits: "202X年", "1X%" are blanks; "X5" (a model), "3×4"
    // and "1920x1080" are not.
    let inner =
        token.as_bytes()[0].is_ascii_digit() && token.as_bytes()[token.len() - 1].is_ascii_digit();
    if inner && run.upper == 0 {
        return None;
    }
    match class.kind {
        super::PlaceholderKind::Quantity | super::PlaceholderKind::Date => Some(class),
        _ => None,
    }
}

/// Calls `found(start, end, class)` for every placeholder starting in `range` of `text`, in
/// text order. `range` must start at a line start and end at one or at the end of the text
/// (placeholders never cross lines); the words around it are read from the whole text.
pub(super) fn scan<'a>(
    text: &'a str,
    range: std::ops::Range<usize>,
    mut found: impl FnMut(usize, usize, Class<'a>),
) {
    let bytes = text.as_bytes();
    let mut floor = range.start;
    for p in Candidates::new(&bytes[range.clone()], range.start) {
        if p < floor {
            continue;
        }
        let run = grow(bytes, p, floor);
        floor = run.end;
        if let Some(class) = judge(text, &run) {
            found(run.start, run.end, class);
        }
    }
}
