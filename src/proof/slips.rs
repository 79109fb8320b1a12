//! Small slips a careful editor catches: a punctuation mark typed twice (。。 ，，), a
//! function word typed twice (的的, 在在, 了了), and a zero digit among Chinese numerals (二0二四年 for 二〇二四年, GB/T
//! 15835). Each is certain where it is found; runs that mean something else (an ellipsis
//! typed as 。。。, 的的确确, 目的的) are left.

use crate::model::ByteRange;

/// One slip: its bytes, the replacement and which kind of slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub range: ByteRange,
    pub found: String,
    pub right: String,
    pub what: What,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    DoubledMark,
    DoubledCharacter,
    ZeroAmongNumerals,
}

const MARKS: &str = "。，、；：";
/// Function words that are never doubled as a word of their own: 的的, 在在, 了了 are slips,
/// unless a word ends or starts at the pair (目的的, 现在在, 为了了解, 的的确确 — the word
/// list decides) or the pair is half of an AABB form (实实在在).
const NEVER_DOUBLED: &str = "的在了是和与对把被从将";
const NUMERALS: &str = "〇零一二三四五六七八九十";

/// The characters whose doubling is looked at: the marks and the function words.
pub(crate) fn doubled_chars() -> impl Iterator<Item = char> {
    MARKS.chars().chain(NEVER_DOUBLED.chars())
}

/// The characters taken for a zero digit.
fn is_zero(c: char) -> bool {
    matches!(c, '0' | '０' | 'O' | 'Ｏ' | 'o')
}

/// Every slip in `text`, in text order.
pub fn find(text: &str) -> Vec<Slip> {
    find_at(text, &super::spots::find(text).doubled)
}

/// Every slip in `text`, in text order, the doubled forms looked for at `doubled` (where
/// [`super::spots`] saw a character of [`doubled_chars`] follow itself) and the zero digits by
/// memchr; only their neighbours are read.
pub fn find_at(text: &str, doubled: &[usize]) -> Vec<Slip> {
    let bytes = text.as_bytes();
    let before = |at: usize| text[..at].chars().next_back();
    let after = |at: usize| text[at..].chars().next();
    let mut out = Vec::new();
    for &o in doubled {
        let Some(c) = after(o) else { continue };
        let end = o + 2 * c.len_utf8();
        // A run of exactly two.
        if before(o) == Some(c) || after(end) == Some(c) {
            continue;
        }
        let what = if MARKS.contains(c) {
            What::DoubledMark
        } else if !doubled_in_words(text, o, c) {
            What::DoubledCharacter
        } else {
            continue;
        };
        out.push(Slip {
            range: o..end,
            found: text[o..end].to_string(),
            right: c.to_string(),
            what,
        });
    }
    let numeral = |c: Option<char>| c.is_some_and(|c| NUMERALS.contains(c));
    let mut zero_at = |o: usize| {
        let Some(c) = after(o) else { return };
        let end = o + c.len_utf8();
        if is_zero(c) && numeral(before(o)) && numeral(after(end)) {
            out.push(Slip {
                range: o..end,
                found: c.to_string(),
                right: "〇".into(),
                what: What::ZeroAmongNumerals,
            });
        }
    };
    for o in memchr::memchr3_iter(b'0', b'O', b'o', bytes) {
        zero_at(o);
    }
    for wide in ["０", "Ｏ"] {
        for o in memchr::memmem::find_iter(bytes, wide.as_bytes()) {
            zero_at(o);
        }
    }
    out.sort_by_key(|s| s.range.start);
    out
}

/// Whether the pair of `c` at byte `o` belongs to words: a word ends at the
/// first (目的|的, 现在|在) or starts at the second (为了|了解, 的|的确), or the pair is half of
/// an AABB form (实实在在, 的的确确).
fn doubled_in_words(text: &str, o: usize, c: char) -> bool {
    let mut back = text[..o].chars().rev();
    let (prev, prev2) = (back.next(), back.next());
    let mut ahead = text[o..].chars().skip(2);
    let (next, next2) = (ahead.next(), ahead.next());
    let dict = super::dict::Dict::get();
    let word = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if dict.is_pair(a, b));
    let aabb = (prev.is_some() && prev2 == prev) || (next.is_some() && next2 == next);
    word(prev, Some(c)) || word(Some(c), next) || aabb
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        let mut out = text.to_string();
        for s in find(text).iter().rev() {
            out.replace_range(s.range.clone(), &s.right);
        }
        out
    }

    #[test]
    fn doubled_marks_and_characters_lose_one_and_a_zero_among_numerals_becomes_ling() {
        assert_eq!(
            fixed("完成任务。。下一步，，继续"),
            "完成任务。下一步，继续"
        );
        assert_eq!(fixed("我们的的工作"), "我们的工作");
        assert_eq!(fixed("全县在在推进"), "全县在推进");
        assert_eq!(fixed("完成了了任务"), "完成了任务");
        assert_eq!(fixed("二0二四年十二月"), "二〇二四年十二月");
        assert_eq!(fixed("二O二三年"), "二〇二三年");
    }

    #[test]
    fn runs_that_mean_something_else_stay() {
        for ok in [
            "等等。。。",
            "的的确确",
            "达到目的的手段",
            "有的的确很好",
            "实实在在",
            "现在在全县推广",
            "为了了解情况",
            "不了了之",
            "和和美美",
            "2024年",
            "第10条",
            "二〇二四年",
            "天天向上",
            "！！",
        ] {
            assert_eq!(fixed(ok), ok);
        }
    }
}
