//! Figures written out in a report — 1,200万元, 3.5%, 15起, 2024年10月 — found for 数字核对,
//! where a writer who reuses another unit's report replaces its figures with their own.
//! Pure text in, byte ranges out; no egui. The units are the placeholder units of the
//! lexicon (rules/builtin.toml, [placeholders]).
//!
//! What counts as a figure: Arabic digits (ASCII or full-width) with an optional thousands
//! separator (1,200) and decimals (3.5), then an optional multiplier (万, 亿), 余/多 and a
//! unit; a year, month and day in a row (2024年10月15日) make one date. What does not:
//! - numbers spelled in Chinese (十三五, 一是, 三个方面, 两个维护): in these reports they
//!   name plans, slogans and the structure of the text far more often than a measured
//!   figure, and listing them would bury the figures to check;
//! - heading and list markers (1. / 1、 / （1） / ①) and ordinals (第3);
//! - digits joined to Latin letters (5G, G20, COVID-19), unless the letters are a unit
//!   (30kg, 5km);
//! - digits touching a placeholder (1XX5), which the fill prompts ask for.

use crate::model::ByteRange;

/// What a figure is, for its label in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A count or measure (15起, 1,200人, 3年), or a bare number.
    Number,
    /// A share: 85%, 3‰, 2个百分点.
    Percent,
    /// Money: a unit ending in 元 (3.5万元, 200美元).
    Amount,
    /// A date or part of one: 2024年, 2024年10月, 10月15日.
    Date,
}

impl FigureKind {
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::Number => "数量",
            FigureKind::Percent => "比例",
            FigureKind::Amount => "金额",
            FigureKind::Date => "日期",
        }
    }
}

/// One figure of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The figure as written, unit included ("3.5万元", "2024年10月").
    pub range: ByteRange,
    /// What a replacement writes over: the number with its multiplier ("3.5万"), or the
    /// whole of a date. The unit is what follows it up to `range.end`.
    pub value: ByteRange,
    pub kind: FigureKind,
}

impl Figure {
    /// The unit after the value ("元", "%"; "" for a date or a bare number).
    pub fn unit<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.value.end..self.range.end).unwrap_or("")
    }
}

/// The figures of `text` inside `range`, in text order.
pub fn find(text: &str, range: ByteRange) -> Vec<Figure> {
    let end = range.end.min(text.len());
    let mut out: Vec<Figure> = Vec::new();
    let mut at = range.start.min(end);
    while at < end {
        let Some((c, len)) = char_at(text, at) else {
            break;
        };
        if !is_digit(c) {
            at += len;
            continue;
        }
        let Some(number) = number_at(text, at, end) else {
            // Skip the whole run of digits.
            at = skip_digits(text, at, end);
            continue;
        };
        let next = number.end;
        if let Some(f) = figure_at(text, number, end) {
            // A date part right after a date joins it: 2024年 + 10月.
            match out.last_mut() {
                Some(last)
                    if last.kind == FigureKind::Date
                        && f.kind == FigureKind::Date
                        && last.range.end == f.range.start =>
                {
                    last.range.end = f.range.end;
                    last.value.end = f.range.end;
                }
                _ => out.push(f.clone()),
            }
            at = f.range.end.max(next);
        } else {
            at = next;
        }
    }
    out
}

/// The figure whose number is `number`, when it is one.
fn figure_at(text: &str, number: ByteRange, end: usize) -> Option<Figure> {
    let before = &text[..number.start];
    let prev = before.chars().next_back();
    // 5G's neighbour G20, COVID-19, 1XX5, v2.1: not a figure.
    let joined =
        |c: char| c.is_ascii_alphabetic() || is_mask(c) || (c == '-' && ascii_word_before(before));
    if prev.is_some_and(joined) {
        return None;
    }
    // An ordinal: 第3.
    if prev == Some('第') {
        return None;
    }
    let rest = &text[number.end..end];
    let next = rest.chars().next();
    if next.is_some_and(is_mask) {
        return None;
    }
    if is_marker(text, &number, rest) {
        return None;
    }
    let digits = &text[number.clone()];
    // A date part.
    let value: u32 = digits
        .chars()
        .filter_map(|c| c.to_digit(10).or_else(|| wide_digit(c)))
        .fold(0u32, |n, d| n.saturating_mul(10).saturating_add(d));
    let plain = !digits.contains(['.', ',', '．']);
    let date_unit = if plain && digits.chars().count() == 4 && (1900..=2100).contains(&value) {
        Some("年")
    } else if plain && (1..=12).contains(&value) && !rest.starts_with("月份") {
        Some("月")
    } else {
        None
    };
    if let Some(u) = date_unit
        && rest.starts_with(u)
    {
        let end = number.end + u.len();
        return Some(Figure {
            range: number.start..end,
            value: number.start..end,
            kind: FigureKind::Date,
        });
    }
    if plain && (1..=31).contains(&value) && rest.starts_with(['日', '号']) {
        // A day only after a month (10月15日); "15号楼" is not a date.
        let after_month = before.ends_with('月');
        if after_month {
            let end = number.end + '日'.len_utf8();
            return Some(Figure {
                range: number.start..end,
                value: number.start..end,
                kind: FigureKind::Date,
            });
        }
    }
    let lex = &crate::lexicon::builtin().placeholders;
    let mut value_end = number.end;
    if let Some(m) = longest(&text[value_end..end], &lex.multipliers) {
        value_end += m.len();
    }
    let mut unit_end = value_end;
    // 1200余人, 30多家: the approximation is part of the unit.
    for approx in ["余", "多"] {
        if text[unit_end..end].starts_with(approx)
            && longest(&text[unit_end + approx.len()..end], &lex.units).is_some()
        {
            unit_end += approx.len();
            break;
        }
    }
    let tail = &text[unit_end..end];
    let unit = longest(tail, &lex.units)
        .filter(|u| {
            // A common word that opens with a unit is not one (3人民 is not 3人).
            !lex.not_suffixes
                .iter()
                .any(|w| tail.starts_with(w.as_str()))
                && !["余", "多"].contains(u)
        })
        .or_else(|| {
            longest(tail, &lex.letter_units).filter(|u| {
                !tail[u.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
            })
        });
    // Letters right after a number that are no unit: 5G, 3D.
    if unit.is_none()
        && text[value_end..end]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    unit_end += unit.map_or(0, str::len);
    let unit_text = &text[value_end..unit_end];
    let kind = if unit_text.ends_with(['%', '％', '‰']) || unit_text.ends_with("百分点") {
        FigureKind::Percent
    } else if unit_text.ends_with('元') {
        FigureKind::Amount
    } else {
        FigureKind::Number
    };
    Some(Figure {
        range: number.start..unit_end,
        value: number.start..value_end,
        kind,
    })
}

/// A heading or list marker: "1." / "1、" / "1）" at the start of a line, "（1）", "(1)".
fn is_marker(text: &str, number: &ByteRange, rest: &str) -> bool {
    let line_start = text[..number.start].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..number.start].trim_start_matches([' ', '\t', '\u{3000}']);
    let opens_line = lead.is_empty() || lead == "（" || lead == "(";
    if lead.ends_with(['（', '(']) && rest.starts_with(['）', ')']) {
        return true;
    }
    opens_line
        && (rest.starts_with(['、', '）', ')'])
            || (rest.starts_with(['.', '．'])
                && !rest[1..].chars().next().is_some_and(|c| c.is_ascii_digit())))
}

/// The number starting at `at` (a digit): digits, thousands groups (1,200) and decimals.
fn number_at(text: &str, at: usize, end: usize) -> Option<ByteRange> {
    let mut pos = skip_digits(text, at, end);
    loop {
        let rest = &text[pos..end];
        let sep = rest.chars().next();
        match sep {
            Some(',') => {
                // A thousands group: exactly three digits, then no digit.
                let after = skip_digits(text, pos + 1, end);
                let group = &text[pos + 1..after];
                if group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()) {
                    pos = after;
                    continue;
                }
                break;
            }
            Some('.' | '．') => {
                let dot = sep.map_or(1, char::len_utf8);
                let after = skip_digits(text, pos + dot, end);
                if after > pos + dot {
                    pos = after;
                    // A second decimal point: a version or a date (2024.10.15).
                    if text[pos..end].starts_with(['.', '．']) {
                        return None;
                    }
                }
                break;
            }
            _ => break,
        }
    }
    Some(at..pos)
}

fn skip_digits(text: &str, mut at: usize, end: usize) -> usize {
    while let Some((c, len)) = char_at(text, at) {
        if at >= end || !is_digit(c) {
            break;
        }
        at += len;
    }
    at.min(end)
}

fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    text.get(at..)?.chars().next().map(|c| (c, c.len_utf8()))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || wide_digit(c).is_some()
}

fn wide_digit(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

/// A character placeholders are written with.
fn is_mask(c: char) -> bool {
    "XxＸｘ×*＊".contains(c)
}

/// "COVID" before "-19": Latin letters right before the hyphen.
fn ascii_word_before(before: &str) -> bool {
    before
        .strip_suffix('-')
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// The longest word of `words` that `s` starts with.
fn longest<'a>(s: &str, words: &'a [String]) -> Option<&'a str> {
    words
        .iter()
        .filter(|w| s.starts_with(w.as_str()))
        .max_by_key(|w| w.len())
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figures of `text` as (figure, value, kind).
    fn found(text: &str) -> Vec<(&str, &str, FigureKind)> {
        find(text, 0..text.len())
            .into_iter()
            .map(|f| (&text[f.range.clone()], &text[f.value.clone()], f.kind))
            .collect()
    }

    #[test]
    fn figures_come_with_their_units_and_kinds() {
        use FigureKind::*;
        assert_eq!(
            found(
                "全年投资3.5万元，惠及居民1,200户，增长85%，查处15起，出动38辆次，超过1200余人。"
            ),
            [
                ("3.5万元", "3.5万", Amount),
                ("1,200户", "1,200", Number),
                ("85%", "85", Percent),
                ("15起", "15", Number),
                ("38辆次", "38", Number),
                ("1200余人", "1200", Number),
            ]
        );
        assert_eq!(
            found("提高2.5个百分点，面积３０００亩，重30kg，共计200美元。"),
            [
                ("2.5个百分点", "2.5", Percent),
                ("３０００亩", "３０００", Number),
                ("30kg", "30", Number),
                ("200美元", "200", Amount),
            ]
        );
    }

    #[test]
    fn a_year_month_and_day_in_a_row_are_one_date() {
        use FigureKind::*;
        assert_eq!(
            found("2024年10月，于10月15日开工，2023年全年，规划（2024-2035年）。"),
            [
                ("2024年10月", "2024年10月", Date),
                ("10月15日", "10月15日", Date),
                ("2023年", "2023年", Date),
                ("2024", "2024", Number),
                ("2035年", "2035年", Date),
            ]
        );
        // 3年 is a duration, 15号楼 a building.
        assert_eq!(
            found("用3年时间，15号楼"),
            [("3年", "3", Number), ("15", "15", Number)]
        );
    }

    #[test]
    fn markers_ordinals_plan_names_and_codes_are_not_figures() {
        let text = "1.义务教育均衡发展。\n（1）开展工程。\n2、加强管理\n第3季度，十三五规划，一是抓规划，三个方面，5G基站，G20峰会，COVID-19，1XX5万元，v2.1版";
        assert_eq!(found(text), []);
        // A decimal at a line start is a figure, not a marker.
        assert_eq!(
            found("3.5万元已拨付"),
            [("3.5万元", "3.5万", FigureKind::Amount)]
        );
    }

    #[test]
    fn a_range_limits_the_search_and_the_unit_is_read_back() {
        let text = "甲12个，乙34人，丙56家";
        let from = text.find('乙').unwrap();
        let figures = find(text, from..text.len());
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].unit(text), "人");
        assert_eq!(&text[figures[1].value.clone()], "56");
    }
}
