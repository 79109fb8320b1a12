//! Commonly confused words in 公文: a curated list (`data/confusions.toml`), and 截止
//! written where 截至 (up to a date) is meant.

use serde::Deserialize;
use std::sync::OnceLock;

/// One entry of the list.
#[derive(Debug, Clone, Deserialize)]
pub struct Confusion {
    pub wrong: String,
    pub right: String,
    /// Characters after which `wrong` is a different, correct reading.
    #[serde(default)]
    pub not_before: String,
    pub why: String,
}

#[derive(Deserialize)]
struct List {
    word: Vec<Confusion>,
}

const LIST: &str = include_str!("data/confusions.toml");

/// The built-in list.
pub fn builtin() -> &'static [Confusion] {
    static L: OnceLock<Vec<Confusion>> = OnceLock::new();
    L.get_or_init(|| {
        toml::from_str::<List>(LIST)
            .map(|l| l.word)
            .unwrap_or_else(|e| panic!("src/proof/data/confusions.toml is invalid: {e}"))
    })
}

/// A confused word found: its byte range, the right form and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: crate::model::ByteRange,
    pub wrong: String,
    pub right: String,
    pub why: String,
}

/// The word the list leaves out, decided by what follows.
const JIEZHI: &str = "截止";

/// The listed wrong forms and 截止 (the last), as they start a word of the text.
fn words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        builtin()
            .iter()
            .map(|c| c.wrong.as_str())
            .chain([JIEZHI])
            .collect()
    })
}

/// The characters a listed wrong form (or 截止) starts with.
pub(crate) fn first_chars() -> impl Iterator<Item = char> {
    words().iter().filter_map(|w| w.chars().next())
}

/// Every listed confusion in `text`, and every 截止 that means 截至, in text order (at one
/// place, in the order of the list).
pub fn find(text: &str) -> Vec<Found> {
    find_at(text, &super::spots::find(text).words)
}

/// [`find`], the words looked for at `starts` only (where [`super::spots`] saw a character
/// that a word of the list starts with).
pub fn find_at(text: &str, starts: &[usize]) -> Vec<Found> {
    let list = builtin();
    let words = words();
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    // Where the last match of each word ended: a word is matched without overlapping
    // itself, as `str::match_indices` does.
    let mut ends = vec![0; words.len()];
    for &at in starts {
        let rest = text.as_bytes().get(at..).unwrap_or_default();
        for (k, w) in words.iter().enumerate() {
            if at >= ends[k] && rest.starts_with(w.as_bytes()) {
                ends[k] = at + w.len();
                hits.push((at, k, at + w.len()));
            }
        }
    }
    hits.sort_unstable();
    let mut out = Vec::new();
    for (at, k, end) in hits {
        let next = text[end..].chars().next();
        match list.get(k) {
            Some(c) => {
                if next.is_some_and(|n| c.not_before.contains(n)) {
                    continue;
                }
                out.push(Found {
                    range: at..end,
                    wrong: c.wrong.clone(),
                    right: c.right.clone(),
                    why: c.why.clone(),
                });
            }
            None => {
                if means_up_to(&text[end..]) {
                    out.push(Found {
                        range: at..end,
                        wrong: JIEZHI.into(),
                        right: "截至".into(),
                        why: "后接时间、再接所述情况时表示“到某时为止”，应作“截至”；“截止”是到期停止（报名截止、截止日期）"
                            .into(),
                    });
                }
            }
        }
    }
    out
}

/// Whether what follows 截止 is a point in time and then a clause (截止11月6日，共指导…),
/// rather than the end of a sentence (报名于11月6日截止。) or a noun (截止日期).
fn means_up_to(after: &str) -> bool {
    let Some(rest) = time_point(after) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    match rest.chars().next() {
        // A comma, or a clause going straight on (截止目前已完成…).
        Some('，' | ',' | '、') => true,
        Some(c) => super::dict::is_han(c) || c.is_ascii_digit(),
        None => false,
    }
}

/// The text after a leading point in time (2023年10月, 11月6日, 7月底, 目前, 今年…), or
/// None when it does not start with one.
fn time_point(s: &str) -> Option<&str> {
    const WORDS: [&str; 12] = [
        "目前",
        "当前",
        "现在",
        "今年",
        "本年",
        "去年",
        "上年",
        "本月",
        "上月",
        "年底",
        "上半年",
        "发稿时",
    ];
    for w in WORDS {
        if let Some(rest) = s.strip_prefix(w) {
            // 今年 may go on to a month: 截止今年10月底.
            return Some(time_point(rest).unwrap_or(rest));
        }
    }
    let mut rest = s;
    let mut any = false;
    loop {
        let digits = rest
            .char_indices()
            .take_while(|&(_, c)| {
                c.is_ascii_digit()
                    || ('０'..='９').contains(&c)
                    || "〇零一二三四五六七八九十".contains(c)
            })
            .last()
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        if digits == 0 {
            break;
        }
        let after = &rest[digits..];
        let Some(unit) = after.chars().next().filter(|c| "年月日号时点".contains(*c)) else {
            break;
        };
        rest = &after[unit.len_utf8()..];
        any = true;
        for tail in ["底", "末", "初", "中旬", "上旬", "下旬", "前", "止", "以来"] {
            if let Some(r) = rest.strip_prefix(tail) {
                rest = r;
                break;
            }
        }
    }
    any.then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> Vec<(String, String)> {
        find(text).into_iter().map(|f| (f.wrong, f.right)).collect()
    }

    #[test]
    fn jiezhi_before_a_date_and_a_clause_becomes_jiezhi_up_to() {
        let pair = vec![("截止".to_string(), "截至".to_string())];
        assert_eq!(fixed("截止11月6日，共指导建设单位完成备案。"), pair);
        assert_eq!(fixed("截止2023年10月，已完成油茶低改。"), pair);
        assert_eq!(fixed("截止7月底共接待办事群众3675人次。"), pair);
        assert_eq!(fixed("截止目前，已发出整改通知书18份。"), pair);
        assert_eq!(fixed("截止今年10月底，共有131家企业入驻。"), pair);
    }

    #[test]
    fn jiezhi_as_a_deadline_stays() {
        for ok in [
            "申报截止日期为11月6日。",
            "截止时间另行通知。",
            "报名截止。",
            "报名于11月6日截止。",
            "活动报名截止11月6日。",
            "截至11月6日，共指导建设单位。",
        ] {
            assert!(fixed(ok).is_empty(), "{ok}: {:?}", fixed(ok));
        }
    }

    #[test]
    fn listed_confusions_are_found_and_their_exceptions_left() {
        assert_eq!(
            fixed("统一布署，建立台帐。"),
            vec![
                ("布署".to_string(), "部署".to_string()),
                ("台帐".to_string(), "台账".to_string())
            ]
        );
        assert!(fixed("按装修标准验收。").is_empty());
        assert_eq!(fixed("按装设备").len(), 1);
        assert!(
            builtin()
                .iter()
                .all(|c| !c.why.is_empty() && c.wrong != c.right)
        );
    }
}
