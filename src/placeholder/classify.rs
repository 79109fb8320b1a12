//! Judging what a placeholder stands for from the words that follow it: a name (区, 街道,
//! 公司…), a figure with its unit (万元, 亩, %…) or a date part (X月X日). Pure string
//! work on the text around one token; knows nothing of scanning, answers or files.

use super::PlaceholderKind;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a word right after a placeholder says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A name suffix: "XX区", "XX公司".
    Name,
    /// A unit or measure word: "XX亩", "XX个".
    Unit,
    /// Both, like 所 ("XX所" an institute, "57所学校" a count); decided by the word before.
    NameOrUnit,
    /// 万/亿/千/百: a unit may follow ("XX万元") or it stands alone ("XX万").
    Multiplier,
    /// A common word that starts with a suffix or unit character but is neither
    /// ("XX人民" is not "XX人", "XX部分" is not "XX部").
    Word,
}

/// Table words by first character, sorted by that character for binary search; each
/// character's words longest first.
type Table = Vec<(char, Vec<(&'static str, Role)>)>;

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut map: HashMap<char, Vec<(&'static str, Role)>> = HashMap::new();
    let mut add = |word: &'static str, role: Role| {
        let Some(first) = word.chars().next() else {
            return;
        };
        let entries = map.entry(first).or_default();
        match entries.iter_mut().find(|(w, _)| *w == word) {
            Some(e)
                if matches!(
                    (e.1, role),
                    (Role::Name, Role::Unit) | (Role::Unit, Role::Name)
                ) =>
            {
                e.1 = Role::NameOrUnit
            }
            Some(_) => {}
            None => entries.push((word, role)),
        }
    };
    // The lexicon's lists (with their traditional forms).
    let p = &crate::lexicon::builtin().placeholders;
    for (words, role) in [
        (&p.not_suffixes, Role::Word),
        (&p.names, Role::Name),
        (&p.units, Role::Unit),
        (&p.multipliers, Role::Multiplier),
    ] {
        for w in words {
            add(w, role);
        }
    }
    let mut table: Table = map.into_iter().collect();
    table.sort_by_key(|(c, _)| *c);
    for (_, entries) in &mut table {
        entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    table
});

/// The longest table word at the start of `rest`.
fn longest(rest: &str) -> Option<(&'static str, Role)> {
    let first = rest.chars().next()?;
    let at = TABLE.binary_search_by_key(&first, |(c, _)| *c).ok()?;
    TABLE[at]
        .1
        .iter()
        .find(|(w, _)| rest.starts_with(w))
        .copied()
}

/// The letter unit at the start of `rest`, when it is not the start of a longer word.
pub(super) fn letter_unit(rest: &str) -> Option<&'static str> {
    // The lexicon's letter units, longest first.
    static LETTER_UNITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut units: Vec<&str> = crate::lexicon::builtin()
            .placeholders
            .letter_units
            .iter()
            .map(String::as_str)
            .collect();
        units.sort_by_key(|u| std::cmp::Reverse(u.len()));
        units
    });
    let unit = LETTER_UNITS.iter().find(|u| rest.starts_with(**u))?;
    let next = rest[unit.len()..].chars().next();
    match next {
        Some(c) if c.is_ascii_alphanumeric() || is_fullwidth_letter(c) => None,
        _ => Some(unit),
    }
}

pub(super) fn is_fullwidth_letter(c: char) -> bool {
    matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// The judgement on one placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Class<'a> {
    pub kind: PlaceholderKind,
    pub suffix: Option<&'static str>,
    /// The unit as written after the placeholder (a slice of the text or of the tables).
    pub unit: Option<&'a str>,
}

impl<'a> Class<'a> {
    fn other() -> Class<'a> {
        Class {
            kind: PlaceholderKind::Other,
            suffix: None,
            unit: None,
        }
    }
    /// A part of a date; `unit` is the 年/月/日 after it, so a prompt can say which part.
    fn date(unit: &'a str) -> Class<'a> {
        Class {
            kind: PlaceholderKind::Date,
            suffix: None,
            unit: Some(unit),
        }
    }
    fn quantity(unit: &'a str) -> Class<'a> {
        Class {
            kind: PlaceholderKind::Quantity,
            suffix: None,
            unit: Some(unit),
        }
    }
    fn name(suffix: Option<&'static str>) -> Class<'a> {
        Class {
            kind: PlaceholderKind::Name,
            suffix,
            unit: None,
        }
    }
}

/// Words before a figure that make an ambiguous 所/处 a count ("共XX所", "完成XX处").
fn counts_before(prev: Option<char>) -> bool {
    matches!(
        prev,
        Some(
            '共' | '计'
                | '达'
                | '约'
                | '有'
                | '近'
                | '超'
                | '逾'
                | '增'
                | '了'
                | '为'
                | '建'
                | '设'
                | '成'
                | '现'
                | '出'
                | '立'
                | '办'
                | '到'
                | '至'
                | '余'
                | '第'
        )
    )
}

/// Whether the placeholder sits inside an open 《 on its line ("《XX关于…》").
fn inside_title(before: &str) -> bool {
    for (n, c) in before.chars().rev().enumerate() {
        match c {
            '《' => return true,
            '》' | '\n' => return false,
            _ if n > 40 => return false,
            _ => {}
        }
    }
    false
}

/// Classifies the token `token` given the text before it and the text after it.
/// `pure` is true when the token has only placeholder characters (no digits or dots);
/// only such tokens can be names.
pub(super) fn classify<'a>(before: &str, token: &str, rest: &'a str, pure: bool) -> Class<'a> {
    let prev = before.chars().next_back();
    let mut after = rest.chars();
    // The date word right after the token: "月", "日", "号", "年".
    let word = |c: char| &rest[..c.len_utf8()];
    match after.next() {
        Some('月') => return Class::date(word('月')),
        Some('日') if !rest.starts_with("日报") => return Class::date(word('日')),
        Some('号') if prev == Some('月') => return Class::date(word('号')),
        Some('年') => {
            let more = after.as_str();
            let digits = more
                .char_indices()
                .find(|&(_, c)| !(c.is_ascii_digit() || super::scan::is_mask_char(c)))
                .map(|(i, _)| i)
                .unwrap_or(more.len());
            let month_follows = digits > 0 && more[digits..].starts_with('月');
            if token.chars().count() == 4 || month_follows || more.starts_with('度') {
                return Class::date(word('年'));
            }
            return Class::quantity("年");
        }
        _ => {}
    }
    if let Some(unit) = letter_unit(rest) {
        return Class::quantity(unit);
    }
    match longest(rest) {
        Some((word, Role::Name)) if pure => return Class::name(Some(word)),
        Some((word, Role::NameOrUnit)) => {
            // "XX所学校" counts schools, "学校XX所，" ends a count; "XX所负责" names one.
            let then = &rest[word.len()..];
            let counted = counts_before(prev)
                || then.chars().next().is_none_or(|c| !c.is_alphanumeric())
                || matches!(longest(then), Some((_, Role::Name)));
            return if pure && !counted {
                Class::name(Some(word))
            } else {
                Class::quantity(word)
            };
        }
        Some((_, Role::Name | Role::Word)) => {}
        Some((word, Role::Unit)) => {
            if matches!(word, "余" | "多")
                && let Some(unit) = unit_after_approx(&rest[word.len()..])
            {
                return Class::quantity(unit);
            }
            return Class::quantity(word);
        }
        Some((word, Role::Multiplier)) => {
            let tail = &rest[word.len()..];
            let approx = ["余", "多"]
                .into_iter()
                .find(|a| tail.starts_with(a))
                .map_or(0, str::len);
            return match longest(&tail[approx..]) {
                Some((unit, Role::Unit | Role::NameOrUnit)) if !matches!(unit, "余" | "多") => {
                    Class::quantity(&rest[..word.len() + approx + unit.len()])
                }
                _ => Class::quantity(word),
            };
        }
        None => {}
    }
    if pure && inside_title(before) {
        return Class::name(None);
    }
    if pure && let Some(class) = by_context(before, rest) {
        return class;
    }
    // The low end of a range takes the unit of its high end: "XX—XX人", "X至XX万元",
    // "X-X月" (a date).
    if let Some(tail) = RANGE_DASHES.iter().find_map(|d| rest.strip_prefix(d)) {
        let figure = tail
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || super::scan::is_mask_char(c)))
            .map_or(tail.len(), |(i, _)| i);
        if figure > 0 {
            let high = classify(before, &tail[..figure], &tail[figure..], false);
            if matches!(high.kind, PlaceholderKind::Quantity | PlaceholderKind::Date) {
                return high;
            }
        }
    }
    Class::other()
}

/// A placeholder with no suffix or unit after it, judged by the words around it (the
/// `[placeholders]` lists of the lexicon): a part of a ratio ("XX：XX：XX"), a count after
/// a measure noun ("注册人数XX"), or a bare place name ("美丽XX", "结合XX实际", "落户XX",
/// "XX至株山"). None when the words say nothing.
fn by_context<'a>(before: &str, rest: &'a str) -> Option<Class<'a>> {
    let lex = &crate::lexicon::builtin().placeholders;
    let figure_or_mask =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || super::scan::is_mask_char(c));
    let mut after = rest.chars();
    let next = after.next();
    let colon = |c: Option<char>| matches!(c, Some('：' | ':'));
    let mut back = before.chars().rev();
    let prev = back.next();
    if (colon(next) && figure_or_mask(after.next())) || (colon(prev) && figure_or_mask(back.next()))
    {
        return Some(Class::quantity("比例"));
    }
    // "注册人数XX", "人数为XX", "数量达XX".
    let noun_end = before.trim_end_matches(['为', '是', '达', '约', '：', ':', ' ']);
    if lex
        .count_nouns
        .iter()
        .any(|n| noun_end.ends_with(n.as_str()))
    {
        return Some(Class {
            kind: PlaceholderKind::Quantity,
            suffix: None,
            unit: None,
        });
    }
    let place = lex.place_modifiers.iter().any(|m| before.ends_with(m.as_str()))
        || lex.place_verbs.iter().any(|v| before.ends_with(v.as_str()))
        || lex.place_followers.iter().any(|f| rest.starts_with(f.as_str()))
        // "XX至株山": a road from one place to another, not a range of figures.
        || (rest.starts_with(['至', '到'])
            && rest[3..].chars().next().is_some_and(is_han_name_char))
        // "将XX建成…": the place a plan makes something of.
        || (before.ends_with(['将', '把']) && rest.starts_with(['建', '打']));
    place.then(|| Class::name(Some("")))
}

/// A Han character that can start a place name (not a figure, a mask or punctuation).
fn is_han_name_char(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF)
        && !super::scan::is_mask_char(c)
        && !"一二三四五六七八九十百千万".contains(c)
}

/// What joins the two ends of a range of figures.
const RANGE_DASHES: [&str; 8] = ["—", "–", "－", "-", "～", "~", "至", "到"];

/// The unit after "余"/"多" in "XX余人", "XX多万元": the unit without the approximation.
fn unit_after_approx(rest: &str) -> Option<&str> {
    match longest(rest)? {
        (unit, Role::Unit | Role::NameOrUnit) if !matches!(unit, "余" | "多") => Some(unit),
        (mult, Role::Multiplier) => {
            let tail = &rest[mult.len()..];
            match longest(tail) {
                Some((unit, Role::Unit | Role::NameOrUnit)) if !matches!(unit, "余" | "多") => {
                    Some(&rest[..mult.len() + unit.len()])
                }
                _ => Some(mult),
            }
        }
        _ => None,
    }
}
