//! Placeholders: the "XX"/"X"/"××"/"***"/"X月X日"/"1XX5万元" left where a site removed names
//! and figures. Finding them (with kind, unit and group), and filling them from answers.
//!
//! Depends only on the model; no egui, no file system except `Answers::load`/`save`.
//! Scanning lives in `scan`, the judgement by the following words in `classify`, the
//! answers file in `answers`.

mod answers;
mod classify;
mod scan;
mod validate;

pub use answers::{ANSWERS_FORMAT, ANSWERS_VERSION, AnswerSource, Answers, ProofAnswers};
pub use scan::WIDE_MASKS;
pub use validate::{Check, check_answer};

use crate::model::{ByteRange, Edit, EditOrigin, LineIndex};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a placeholder stands for, judged from what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceholderKind {
    /// A name: followed by 区/县/市/镇/乡/街道/村/社区/局/分局/公司…, or inside 《XX…》.
    Name,
    /// A figure: followed by a unit, %, or a measure word.
    Quantity,
    /// A date part: X月X日, XXXX年.
    Date,
    /// Anything else (a person's name, an unknown figure).
    Other,
}

/// One placeholder occurrence. It holds positions, not copies: the texts ("XX", its group
/// "XX区", its unit, the words around it) are read from the document with the accessor
/// methods, so finding the hundreds of thousands of placeholders of a large compilation
/// allocates nothing per placeholder and keeps each in 48 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Bytes of the placeholder itself ("XX" in "XX区").
    pub range: ByteRange,
    pub kind: PlaceholderKind,
    /// The suffix that made it a name (区, 街道...), for names.
    pub suffix: Option<&'static str>,
    /// Where the unit that follows a quantity (万元, 亩, %, 个...) stands: its distance from
    /// the placeholder's end and its length, in bytes (see [`Placeholder::unit_range`]).
    unit: Option<(u8, u8)>,
    /// 0-based line ([`Placeholder::line`]); 32 bits, as the column: a placeholder in 48
    /// bytes, not 56, which a large compilation's hundreds of thousands of them feel.
    line: u32,
    /// 1-based character column ([`Placeholder::column`]).
    column: u32,
}

impl Placeholder {
    /// A placeholder at `range` (on 0-based `line`, 1-based character `column`) with the
    /// unit at `unit_range` after it, if any.
    pub fn new(
        range: ByteRange,
        kind: PlaceholderKind,
        suffix: Option<&'static str>,
        unit_range: Option<ByteRange>,
        line: usize,
        column: usize,
    ) -> Placeholder {
        let unit = unit_range.and_then(|u| {
            let gap = u8::try_from(u.start.checked_sub(range.end)?).ok()?;
            Some((gap, u8::try_from(u.len()).ok()?))
        });
        // Beyond 4 G lines or characters (no text is that long) the position saturates.
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Placeholder {
            range,
            kind,
            suffix,
            unit,
            line: narrow(line),
            column: narrow(column),
        }
    }

    /// 0-based line.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// 1-based character column.
    pub fn column(&self) -> usize {
        self.column as usize
    }

    /// Moves the placeholder `by` lines (its line moved, lines having been added or removed
    /// before it).
    pub(crate) fn shift_lines(&mut self, by: isize) {
        self.line = u32::try_from(self.line().wrapping_add_signed(by)).unwrap_or(u32::MAX);
    }

    /// The placeholder as written ("XX", "××", "1XX5").
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.range.clone()).unwrap_or("")
    }

    /// The key one answer fills: for names the placeholder plus its suffix ("XX区"), for
    /// everything else the occurrence key (see [`Placeholder::key`]).
    pub fn group(&self, doc: &str) -> String {
        match self.suffix {
            Some(suffix) if self.kind == PlaceholderKind::Name => {
                let token = self.text(doc);
                let mut g = String::with_capacity(token.len() + suffix.len());
                g.push_str(token);
                g.push_str(suffix);
                g
            }
            _ => self.key(),
        }
    }

    /// True when `group` is this placeholder's group, without building the group string.
    pub fn in_group(&self, doc: &str, group: &str) -> bool {
        match self.suffix {
            Some(suffix) if self.kind == PlaceholderKind::Name => group
                .strip_suffix(suffix)
                .is_some_and(|t| t == self.text(doc)),
            _ => group == self.key(),
        }
    }

    /// Bytes of the unit that follows a quantity.
    pub fn unit_range(&self) -> Option<ByteRange> {
        self.unit.map(|(gap, len)| {
            let start = self.range.end + gap as usize;
            start..start + len as usize
        })
    }

    /// The unit that follows a quantity ("万元").
    pub fn unit<'a>(&self, doc: &'a str) -> Option<&'a str> {
        self.unit_range().and_then(|r| doc.get(r))
    }

    /// Bytes of the placeholder with up to [`CONTEXT_CHARS`] characters either side on its
    /// line, for the prompt. Read from `doc` (the text it was found in) when asked, not
    /// kept: most placeholders of a large file are counted, never shown.
    pub fn context_range(&self, doc: &str) -> ByteRange {
        context_around(doc, self.range.clone())
    }

    /// Up to a few characters before the placeholder, on its line.
    pub fn before<'a>(&self, doc: &'a str) -> &'a str {
        let start = self.range.start;
        if !doc.is_char_boundary(start) {
            return "";
        }
        &doc[context_before(doc, start)..start]
    }

    /// Up to a few characters after the placeholder, on its line.
    pub fn after<'a>(&self, doc: &'a str) -> &'a str {
        let end = self.range.end;
        if !doc.is_char_boundary(end) {
            return "";
        }
        &doc[end..context_after(doc, end)]
    }

    /// The stable key of this occurrence: "行:列" in the source, 1-based ("31:12").
    pub fn key(&self) -> String {
        occurrence_key(self.line(), self.column())
    }

    /// "…前文【XX】后文…", for lists and JSON.
    pub fn context(&self, doc: &str) -> String {
        format!(
            "{}【{}】{}",
            self.before(doc),
            self.text(doc),
            self.after(doc)
        )
    }

    /// True while the text at `range` still looks like this placeholder (an answer is
    /// never written over text that changed since the placeholder was found).
    pub fn still_in(&self, doc: &str) -> bool {
        let t = self.text(doc);
        !t.is_empty()
            && t.chars().all(|c| "XxＸｘ×*＊.．0123456789".contains(c))
            && t.chars().any(|c| "XxＸｘ×*＊".contains(c))
    }
}

/// How many characters of context `before`/`after` hold.
const CONTEXT_CHARS: usize = 8;

/// Finds every placeholder in `text`, in text order.
///
/// memchr/memmem jump to the bytes a placeholder can start with (X, x, *, ×, Ｘ, ｘ, ＊);
/// only their neighbourhood is looked at by hand. Large texts are split at line starts and
/// scanned on several threads.
pub fn find(text: &str, index: &LineIndex) -> Vec<Placeholder> {
    let own_index;
    let index = if index.line_count() == 0 && !text.is_empty() {
        own_index = LineIndex::new(text);
        &own_index
    } else {
        index
    };
    crate::par::flat_map_slices(text, crate::par::PARALLEL_MIN, |range| {
        find_in(text, index, range)
    })
}

/// The placeholders starting in `range`, which begins at a line start and ends at one (or
/// at the end of the text).
pub(crate) fn find_in(text: &str, index: &LineIndex, range: ByteRange) -> Vec<Placeholder> {
    let mut out = Vec::new();
    let mut cursor = Cursor::new(index, range.start);
    scan::scan(text, range, |start, end, class| {
        let (line, column) = cursor.locate(text, start);
        let unit_range = class.unit.and_then(|unit| unit_range(text, end, unit));
        out.push(Placeholder::new(
            start..end,
            class.kind,
            class.suffix,
            unit_range,
            line,
            column,
        ));
    });
    out
}

/// Where `unit` stands just after a placeholder ending at `end` ("XX余万元" → "万元").
fn unit_range(text: &str, end: usize, unit: &str) -> Option<ByteRange> {
    let rest = &text[end..];
    // A slice of the text: its position is known exactly.
    let (base, p) = (rest.as_ptr() as usize, unit.as_ptr() as usize);
    if p >= base && p + unit.len() <= base + rest.len() {
        let at = end + (p - base);
        return Some(at..at + unit.len());
    }
    // A table entry equal to the text a few characters on.
    let window: usize = rest
        .char_indices()
        .nth(4 + unit.chars().count())
        .map_or(rest.len(), |(i, _)| i);
    rest[..window]
        .find(unit)
        .map(|i| end + i..end + i + unit.len())
}

/// "行:列", 1-based, without the formatting machinery (this runs once per placeholder).
fn occurrence_key(line: usize, column: usize) -> String {
    let mut key = String::with_capacity(16);
    push_number(&mut key, line + 1);
    key.push(':');
    push_number(&mut key, column);
    key
}

fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [b'0'; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
}

/// Walks line and column forward with the (increasing) offsets of the placeholders, so
/// each column costs only the characters since the previous placeholder.
struct Cursor<'a> {
    index: &'a LineIndex,
    line: usize,
    next_line_start: usize,
    at: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    fn new(index: &'a LineIndex, from: usize) -> Cursor<'a> {
        let line = index.line_of(from);
        let at = index.line_start(line).min(from);
        Cursor {
            index,
            line,
            next_line_start: index.line_start(line + 1),
            at,
            column: 1,
        }
    }

    fn locate(&mut self, text: &str, pos: usize) -> (usize, usize) {
        if pos >= self.next_line_start || pos < self.at {
            let mut line = self.line;
            if pos >= self.next_line_start {
                // Placeholders are dense: the next one is usually a few lines on.
                line += 1;
                let mut steps = 0;
                while self.index.line_start(line + 1) <= pos && steps < 8 {
                    line += 1;
                    steps += 1;
                }
            }
            if pos < self.index.line_start(line) || self.index.line_start(line + 1) <= pos {
                line = self.index.line_of(pos);
            }
            self.line = line;
            self.at = self.index.line_start(line).min(pos);
            self.next_line_start = self.index.line_start(line + 1);
            self.column = 1;
        }
        self.column += count_chars(&text.as_bytes()[self.at..pos]);
        self.at = pos;
        (self.line, self.column)
    }
}

/// Characters in UTF-8 bytes: every byte that is not a continuation byte. Counted in
/// blocks with a byte-wide sum, which the compiler turns into wide vector adds.
fn count_chars(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            block
                .iter()
                .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40)) as usize
        })
        .sum()
}

/// `range` with up to [`CONTEXT_CHARS`] characters either side on its line; `range` itself
/// when it is not a range of `doc`.
pub fn context_around(doc: &str, range: ByteRange) -> ByteRange {
    if doc.get(range.clone()).is_none() {
        return range;
    }
    context_before(doc, range.start)..context_after(doc, range.end)
}

/// The sentence holding `range`: back to the end of the previous sentence and on to the
/// end of this one (。！？；), on its line, at most [`SENTENCE_CHARS`] characters either
/// side; `range` itself when it is not a range of `text`.
pub fn sentence_around(text: &str, range: ByteRange) -> ByteRange {
    if text.get(range.clone()).is_none() {
        return range;
    }
    const ENDS: [char; 5] = ['。', '！', '？', '；', '\n'];
    let mut start = range.start;
    for (n, (i, c)) in text[..range.start].char_indices().rev().enumerate() {
        if ENDS.contains(&c) || n == SENTENCE_CHARS {
            break;
        }
        start = i;
    }
    let mut end = range.end;
    for (n, (i, c)) in text[range.end..].char_indices().enumerate() {
        if c == '\n' || n == SENTENCE_CHARS {
            break;
        }
        end = range.end + i + c.len_utf8();
        if ENDS.contains(&c) {
            break;
        }
    }
    start..end
}

/// How many characters of a sentence either side of a value [`sentence_around`] shows.
const SENTENCE_CHARS: usize = 40;

/// Start of up to [`CONTEXT_CHARS`] characters before `start`, on the same line.
fn context_before(text: &str, start: usize) -> usize {
    let mut from = start;
    for (n, (i, c)) in text[..start].char_indices().rev().enumerate() {
        if c == '\n' || n == CONTEXT_CHARS {
            break;
        }
        from = i;
    }
    from
}

/// End of up to [`CONTEXT_CHARS`] characters after `end`, on the same line.
fn context_after(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let mut to = rest.len();
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if c == '\n' || n == CONTEXT_CHARS {
            to = i;
            break;
        }
    }
    end + to
}

/// One line of the placeholder summary: a name group ("XX区", 12 times) or a single
/// occurrence of a figure, date or unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The answers key: the group ("XX区") for names, the occurrence key ("155:12") else.
    pub key: String,
    pub kind: PlaceholderKind,
    pub suffix: Option<String>,
    pub unit: Option<String>,
    /// How many placeholders one answer to this key fills.
    pub count: usize,
    /// 0-based line of the first occurrence.
    pub first_line: usize,
}

/// Summarises placeholders for answering: name groups first (most frequent first), then
/// every other placeholder in text order.
pub fn groups(placeholders: &[Placeholder], doc: &str) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in placeholders {
        let key = p.group(doc);
        match seen.get(&key) {
            Some(&i) => out[i].count += 1,
            None => {
                seen.insert(key.clone(), out.len());
                out.push(Group {
                    key,
                    kind: p.kind,
                    suffix: p.suffix.map(str::to_string),
                    unit: p.unit(doc).map(str::to_string),
                    count: 1,
                    first_line: p.line(),
                });
            }
        }
    }
    // Stable: equal counts and the non-names keep their order of first appearance.
    out.sort_by(|a, b| {
        let (an, bn) = (
            a.kind == PlaceholderKind::Name,
            b.kind == PlaceholderKind::Name,
        );
        bn.cmp(&an).then_with(|| {
            if an && bn {
                b.count.cmp(&a.count)
            } else {
                std::cmp::Ordering::Equal
            }
        })
    });
    out
}

/// Edits that put the answers in place of the placeholders they answer, one per answered
/// placeholder. An occurrence answer wins over its group's answer; blank answers count as
/// none. Only the placeholder's own text is replaced ("XX区" + "滨江" → "滨江区"); an
/// answer that repeats the suffix or unit written after it ("滨江区", "35亿元") is not doubled.
///
/// Occurrence answers are keyed by each placeholder's line and column in `text` (see
/// [`Placeholder::key`]): `text` is the file as loaded, as `qinggao clean --fill` reads it.
pub fn fill_edits(text: &str, placeholders: &[Placeholder], answers: &Answers) -> Vec<Edit> {
    placeholders
        .iter()
        .filter_map(|p| {
            let key = (!answers.occurrences.is_empty()).then(|| p.key());
            fill_edit(text, p, key.as_deref(), answers)
        })
        .collect()
}

/// The edit that writes the answer for `p` (found in `text`), if it has one. `key` is the
/// occurrence key its own answer is filed under: its line and column in the file as loaded
/// (in the GUI's text, earlier edits may have moved it); None when it has none.
pub fn fill_edit(
    text: &str,
    p: &Placeholder,
    key: Option<&str>,
    answers: &Answers,
) -> Option<Edit> {
    let (answer, source) = answers.answer_at(p, key, text)?;
    if !p.still_in(text) {
        return None;
    }
    let old = p.text(text);
    let written_after = &text[p.range.end..];
    let tail = p
        .suffix
        .or(p.unit(text))
        .filter(|t| written_after.starts_with(t));
    let new = without_tail(answer, tail);
    if new == old {
        return None;
    }
    let origin = match source {
        AnswerSource::Occurrence => EditOrigin::Fill(key.unwrap_or_default().to_string()),
        AnswerSource::Group => EditOrigin::Fill(p.group(text)),
    };
    Some(Edit {
        range: p.range.clone(),
        old: old.to_string(),
        new: new.to_string(),
        origin,
    })
}

/// What is written for `answer` where `tail` (the suffix or unit already written after the
/// placeholder) follows: the answer without a repeated tail ("白鹭镇" for "XX镇" → "白鹭"),
/// unless that would leave nothing.
pub fn without_tail<'a>(answer: &'a str, tail: Option<&str>) -> &'a str {
    tail.filter(|t| !t.is_empty())
        .and_then(|t| answer.strip_suffix(t))
        .filter(|a| !a.is_empty())
        .unwrap_or(answer)
}

/// The placeholders no usable answer fills yet, in text order.
pub fn unfilled<'a>(
    placeholders: &'a [Placeholder],
    answers: &Answers,
    doc: &str,
) -> Vec<&'a Placeholder> {
    placeholders
        .iter()
        .filter(|p| answers.answer_for(p, doc).is_none())
        .collect()
}

#[cfg(test)]
mod tests;
