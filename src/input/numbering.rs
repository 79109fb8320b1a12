//! Word's automatic list numbering, rendered as the text Word shows: list definitions
//! (levels with a start, a number format, a level text such as "（%2）" and a restart rule),
//! the counters that advance paragraph by paragraph, and the number formats (一、二…,
//! 甲乙丙…, ①②…, A B…, i ii…). Shared by the .docx and .doc readers; no XML here.

use std::collections::HashMap;

/// Word has nine list levels.
pub const LEVELS: usize = 9;

/// A number format (OOXML `w:numFmt`; the .doc readers map their nfc codes onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumFmt {
    #[default]
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    DecimalEnclosedCircle,
    DecimalEnclosedParen,
    DecimalEnclosedFullstop,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    /// 一 二 … 十 十一 … 一百: chineseCounting, chineseCountingThousand, japaneseCounting,
    /// taiwaneseCounting.
    ChineseCounting,
    /// 壹 贰 叁…
    ChineseLegal,
    /// 〇一二 digit by digit: ideographDigital, taiwaneseDigital.
    ChineseDigits,
    /// 甲 乙 丙 … (the ten heavenly stems), then decimal.
    IdeographTraditional,
    /// 子 丑 寅 … (the twelve earthly branches), then decimal.
    IdeographZodiac,
    /// No number; the level text is shown as it is (bullets).
    Bullet,
    None,
}

impl NumFmt {
    /// The format of an OOXML `w:numFmt/@w:val`; an unknown one counts in decimal, as Word
    /// falls back to.
    pub fn from_ooxml(name: &str) -> NumFmt {
        match name {
            "decimal" | "decimalHalfWidth" | "ordinal" | "cardinalText" | "ordinalText" => {
                NumFmt::Decimal
            }
            "decimalZero" => NumFmt::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => NumFmt::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                NumFmt::DecimalEnclosedCircle
            }
            "decimalEnclosedParen" => NumFmt::DecimalEnclosedParen,
            "decimalEnclosedFullstop" => NumFmt::DecimalEnclosedFullstop,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperRoman" => NumFmt::UpperRoman,
            "lowerRoman" => NumFmt::LowerRoman,
            "chineseCounting"
            | "chineseCountingThousand"
            | "japaneseCounting"
            | "taiwaneseCounting"
            | "taiwaneseCountingThousand"
            | "koreanCounting" => NumFmt::ChineseCounting,
            "chineseLegalSimplified" | "japaneseLegal" => NumFmt::ChineseLegal,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                NumFmt::ChineseDigits
            }
            "ideographTraditional" => NumFmt::IdeographTraditional,
            "ideographZodiac" | "ideographZodiacTraditional" => NumFmt::IdeographZodiac,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            _ => NumFmt::Decimal,
        }
    }

    /// `n` written in this format.
    pub fn format(self, n: u32) -> String {
        match self {
            NumFmt::Decimal => n.to_string(),
            NumFmt::DecimalZero => format!("{n:02}"),
            NumFmt::DecimalFullWidth => n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                .collect(),
            NumFmt::DecimalEnclosedCircle => enclosed(n, '①', 20),
            NumFmt::DecimalEnclosedParen => enclosed(n, '⑴', 20),
            NumFmt::DecimalEnclosedFullstop => enclosed(n, '⒈', 20),
            NumFmt::UpperLetter => letters(n).to_uppercase(),
            NumFmt::LowerLetter => letters(n),
            NumFmt::UpperRoman => roman(n).to_uppercase(),
            NumFmt::LowerRoman => roman(n),
            NumFmt::ChineseCounting => chinese(n, &DIGITS, &["十", "百", "千", "万"]),
            NumFmt::ChineseLegal => chinese(n, &LEGAL_DIGITS, &["拾", "佰", "仟", "万"]),
            NumFmt::ChineseDigits => n
                .to_string()
                .chars()
                .map(|c| DIGITS[c as usize - '0' as usize])
                .collect(),
            NumFmt::IdeographTraditional => cycle(n, &STEMS),
            NumFmt::IdeographZodiac => cycle(n, &BRANCHES),
            NumFmt::Bullet | NumFmt::None => String::new(),
        }
    }
}

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const LEGAL_DIGITS: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
const BRANCHES: [&str; 12] = [
    "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
];

fn enclosed(n: u32, first: char, last: u32) -> String {
    match n {
        1..=20 if n <= last => char::from_u32(first as u32 + n - 1)
            .map(String::from)
            .unwrap_or_else(|| n.to_string()),
        _ => n.to_string(),
    }
}

fn cycle(n: u32, signs: &[&str]) -> String {
    match n {
        1.. if n as usize <= signs.len() => signs[n as usize - 1].to_string(),
        _ => n.to_string(),
    }
}

fn letters(n: u32) -> String {
    // Word repeats the letter: a … z, aa … zz, aaa …
    if n == 0 {
        return "0".into();
    }
    let letter = (b'a' + ((n - 1) % 26) as u8) as char;
    std::iter::repeat_n(letter, (n as usize - 1) / 26 + 1).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Chinese counting as Word writes it: 十, 十一, 二十, 一百, 一百零一, 一千零一十…
fn chinese(n: u32, digits: &[&str; 10], units: &[&str; 4]) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    if n >= 100_000_000 {
        return n.to_string();
    }
    if n >= 10_000 {
        let high = chinese(n / 10_000, digits, units);
        let low = n % 10_000;
        return match low {
            0 => format!("{high}{}", units[3]),
            1..=999 => format!("{high}{}零{}", units[3], chinese(low, digits, units)),
            _ => format!("{high}{}{}", units[3], chinese(low, digits, units)),
        };
    }
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in places.iter().enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十一, not 一十一, when ten is the highest place.
        if !(i == 2 && d == 1 && out.is_empty()) {
            out.push_str(digits[d as usize]);
        }
        if i < 3 {
            out.push_str(units[2 - i]);
        }
    }
    out
}

/// What follows the number (OOXML `w:suff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One level of a list definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub start: u32,
    pub format: NumFmt,
    /// The level text: "%1、", "（%2）", with %1…%9 standing for the levels' numbers.
    pub text: String,
    /// The 1-based level after which this one restarts; 0: never. None: after any higher
    /// level (Word's default).
    pub restart: Option<u32>,
    /// Legal numbering: every level's number shown in decimal.
    pub legal: bool,
    pub suffix: Suffix,
    /// The paragraph style linked to this level, if any.
    pub style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: NumFmt::Decimal,
            text: String::new(),
            restart: None,
            legal: false,
            suffix: Suffix::Tab,
            style: None,
        }
    }
}

/// A list definition (OOXML abstractNum; a .doc LSTF with its LVLs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListDef {
    pub levels: Vec<Level>,
}

/// A list instance (OOXML num; a .doc LFO): its definition and the levels it overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListInstance {
    pub def: String,
    /// Start overrides by level.
    pub starts: HashMap<usize, u32>,
    /// Whole levels replaced by this instance.
    pub levels: HashMap<usize, Level>,
}

/// Every list of a document, and the counters as the paragraphs advance them.
#[derive(Debug, Default, Clone)]
pub struct Numbering {
    pub defs: HashMap<String, ListDef>,
    pub instances: HashMap<String, ListInstance>,
    counters: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Numbering {
    /// The level of list `num` at `ilvl`, with the instance's overrides.
    fn level(&self, num: &str, ilvl: usize) -> Option<Level> {
        let inst = self.instances.get(num)?;
        if let Some(l) = inst.levels.get(&ilvl) {
            return Some(l.clone());
        }
        let mut level = self.defs.get(&inst.def)?.levels.get(ilvl)?.clone();
        if let Some(&s) = inst.starts.get(&ilvl) {
            level.start = s;
        }
        Some(level)
    }

    /// The level of list `num` linked to paragraph style `style`, for a style that names
    /// the list but not the level.
    pub fn level_of_style(&self, num: &str, style: &str) -> Option<usize> {
        let inst = self.instances.get(num)?;
        let def = self.defs.get(&inst.def)?;
        def.levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))
    }

    /// The number a paragraph of list `num` at level `ilvl` shows, counters advanced; None
    /// for no list (num "0", or a list or level the document does not define).
    pub fn next_label(&mut self, num: &str, ilvl: usize) -> Option<String> {
        if num == "0" || ilvl >= LEVELS {
            return None;
        }
        let this = self.level(num, ilvl)?;
        let inst = self.instances.get(num)?;
        // Instances of one definition share its counters, as in Word, unless an instance
        // restarts the numbering with its own start values.
        let key = if inst.starts.is_empty() && inst.levels.is_empty() {
            format!("def:{}", inst.def)
        } else {
            format!("num:{num}")
        };
        let levels: Vec<Option<Level>> = (0..LEVELS).map(|l| self.level(num, l)).collect();
        let counters = self.counters.entry(key).or_insert([None; LEVELS]);
        counters[ilvl] = Some(counters[ilvl].map_or(this.start, |v| v.saturating_add(1)));
        for (k, level) in levels.iter().enumerate().skip(ilvl + 1) {
            let restart = level.as_ref().and_then(|l| l.restart).unwrap_or(k as u32);
            if restart != 0 && (ilvl as u32) < restart {
                counters[k] = None;
            }
        }
        let counters = *counters;
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match (c, digit) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let k = d as usize - 1;
                    let level = levels[k].clone().unwrap_or_default();
                    let value = counters[k].unwrap_or(level.start);
                    let format = if this.legal && level.format != NumFmt::None {
                        NumFmt::Decimal
                    } else {
                        level.format
                    };
                    out.push_str(&format.format(value));
                }
                _ => out.push(c),
            }
        }
        if this.format == NumFmt::Bullet {
            out = bullet_text(&out);
        }
        if out.is_empty() {
            return Some(out);
        }
        // The tab or space after a number is layout; after a marker that ends in its own
        // punctuation ("一、", "（一）", "1．") the text follows at once, as when typed.
        let ends_marked = out.ends_with(|c: char| "、，,.．)）】」:：".contains(c));
        if this.suffix != Suffix::Nothing && !ends_marked {
            out.push(' ');
        }
        Some(out)
    }
}

/// A bullet's text: symbol-font characters (private use area) become "•".
fn bullet_text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                '•'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_write_numbers_as_word_shows_them() {
        let cases = [
            (NumFmt::ChineseCounting, 1, "一"),
            (NumFmt::ChineseCounting, 10, "十"),
            (NumFmt::ChineseCounting, 11, "十一"),
            (NumFmt::ChineseCounting, 20, "二十"),
            (NumFmt::ChineseCounting, 35, "三十五"),
            (NumFmt::ChineseCounting, 100, "一百"),
            (NumFmt::ChineseCounting, 101, "一百零一"),
            (NumFmt::ChineseCounting, 110, "一百一十"),
            (NumFmt::ChineseCounting, 1005, "一千零五"),
            (NumFmt::ChineseCounting, 10001, "一万零一"),
            (NumFmt::ChineseLegal, 12, "拾贰"),
            (NumFmt::ChineseDigits, 105, "一〇五"),
            (NumFmt::IdeographTraditional, 3, "丙"),
            (NumFmt::IdeographTraditional, 11, "11"),
            (NumFmt::IdeographZodiac, 12, "亥"),
            (NumFmt::DecimalFullWidth, 12, "１２"),
            (NumFmt::DecimalEnclosedCircle, 3, "③"),
            (NumFmt::DecimalEnclosedCircle, 21, "21"),
            (NumFmt::DecimalEnclosedParen, 2, "⑵"),
            (NumFmt::DecimalEnclosedFullstop, 2, "⒉"),
            (NumFmt::UpperLetter, 28, "BB"),
            (NumFmt::LowerLetter, 1, "a"),
            (NumFmt::UpperRoman, 14, "XIV"),
            (NumFmt::LowerRoman, 9, "ix"),
            (NumFmt::DecimalZero, 7, "07"),
        ];
        for (fmt, n, want) in cases {
            assert_eq!(fmt.format(n), want, "{fmt:?} {n}");
        }
    }

    fn gongwen_list() -> Numbering {
        let level = |format, text: &str| Level {
            format,
            text: text.into(),
            ..Level::default()
        };
        let mut n = Numbering::default();
        n.defs.insert(
            "0".into(),
            ListDef {
                levels: vec![
                    level(NumFmt::ChineseCounting, "%1、"),
                    level(NumFmt::ChineseCounting, "（%2）"),
                    level(NumFmt::Decimal, "%3."),
                    level(NumFmt::Decimal, "（%4）"),
                ],
            },
        );
        n.instances.insert(
            "1".into(),
            ListInstance {
                def: "0".into(),
                ..ListInstance::default()
            },
        );
        n
    }

    #[test]
    fn levels_count_and_restart_under_their_parent() {
        let mut n = gongwen_list();
        let got: Vec<String> = [0, 1, 1, 2, 3, 2, 0, 1]
            .into_iter()
            .map(|l| n.next_label("1", l).unwrap())
            .collect();
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "（二）",
                "1.",
                "（1）",
                "2.",
                "二、",
                "（一）"
            ]
        );
    }

    #[test]
    fn a_restart_override_and_missing_lists_or_levels() {
        let mut n = gongwen_list();
        n.instances.insert(
            "2".into(),
            ListInstance {
                def: "0".into(),
                starts: [(0, 5)].into(),
                ..ListInstance::default()
            },
        );
        assert_eq!(n.next_label("1", 0).as_deref(), Some("一、"));
        assert_eq!(n.next_label("2", 0).as_deref(), Some("五、"));
        assert_eq!(n.next_label("1", 0).as_deref(), Some("二、"));
        // A level the definition lacks, a list that does not exist, numbering off.
        assert_eq!(n.next_label("1", 7), None);
        assert_eq!(n.next_label("9", 0), None);
        assert_eq!(n.next_label("0", 0), None);
        assert_eq!(n.next_label("1", 99), None);
    }

    #[test]
    fn legal_numbering_and_a_number_without_punctuation() {
        let mut n = Numbering::default();
        n.defs.insert(
            "a".into(),
            ListDef {
                levels: vec![
                    Level {
                        format: NumFmt::ChineseCounting,
                        text: "第%1章".into(),
                        ..Level::default()
                    },
                    Level {
                        text: "%1.%2".into(),
                        legal: true,
                        ..Level::default()
                    },
                ],
            },
        );
        n.instances.insert(
            "3".into(),
            ListInstance {
                def: "a".into(),
                ..ListInstance::default()
            },
        );
        assert_eq!(n.next_label("3", 0).as_deref(), Some("第一章 "));
        assert_eq!(n.next_label("3", 1).as_deref(), Some("1.1 "));
    }
}
