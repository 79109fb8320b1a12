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

/// Every slip in `text`, in text order.
pub fn find(text: &str) -> Vec<Slip> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (o, c) = chars[i];
        // A run of one mark or of 的.
        let mut j = i + 1;
        while at(j) == Some(c) {
            j += 1;
        }
        let run = j - i;
        if run == 2 && MARKS.contains(c) {
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            out.push(Slip {
                range: o..end,
                found: text[o..end].to_string(),
                right: c.to_string(),
                what: What::DoubledMark,
            });
        } else if run == 2 && NEVER_DOUBLED.contains(c) && !doubled_in_words(&chars, i) {
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            out.push(Slip {
                range: o..end,
                found: text[o..end].to_string(),
                right: c.to_string(),
                what: What::DoubledCharacter,
            });
        } else if matches!(c, '0' | '０' | 'O' | 'Ｏ' | 'o')
            && run == 1
            && i > 0
            && at(i - 1).is_some_and(|p| NUMERALS.contains(p))
            && at(i + 1).is_some_and(|n| NUMERALS.contains(n))
        {
            out.push(Slip {
                range: o..o + c.len_utf8(),
                found: c.to_string(),
                right: "〇".into(),
                what: What::ZeroAmongNumerals,
            });
        }
        i = j;
    }
    out
}

/// Whether the pair of one character at `i`, `i + 1` belongs to words: a word ends at the
/// first (目的|的, 现在|在) or starts at the second (为了|了解, 的|的确), or the pair is half of
/// an AABB form (实实在在, 的的确确).
fn doubled_in_words(chars: &[(usize, char)], i: usize) -> bool {
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let c = chars[i].1;
    let (prev, next) = (i.checked_sub(1).and_then(at), at(i + 2));
    let dict = super::dict::Dict::get();
    let word = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if dict.is_pair(a, b));
    let aabb =
        (i >= 2 && prev.is_some() && at(i - 2) == prev) || (next.is_some() && at(i + 3) == next);
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
