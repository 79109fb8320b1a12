//! Masked words: 党 written as "D" (D员, 从严治D) and GDP written as "DP" (全年DP预计增长).
//! Whether a D means the Party is decided by its neighbours, from the word lists of the
//! lexicon's `[masked]` section (rules/builtin.toml);
//! anything touching an ASCII letter or digit (EOD, PAD, 3D, ABCD) or standing in a list of
//! letters (A、B、C、D) is left alone. Pure text in, ranges out; no dependency on egui.

use crate::model::ByteRange;

/// A masked word found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masked {
    pub range: ByteRange,
    pub replacement: &'static str,
    pub gdp: bool,
}

fn ascii_alnum_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// What stands between the letters of a list: A、B、C、D, A/B/C/D, C级和D级.
const LIST_SEPARATORS: &[&str] = &[
    "、", "/", "，", ",", "和", "与", "及", "或", "至", "到", "-", "~", "～", "—",
];

fn isolated_capital(c: Option<char>, outer: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_uppercase() && c != 'D')
        && !outer.is_some_and(|o| o.is_ascii_alphanumeric())
}

fn ends_with_capital(s: &str) -> bool {
    let mut it = s.chars().rev();
    isolated_capital(it.next(), it.next())
}

fn starts_with_capital(s: &str) -> bool {
    let mut it = s.chars();
    isolated_capital(it.next(), it.next())
}

/// D as one letter of a list: a capital letter next to it across a separator ("C、D",
/// "D/E"), or across a separator and the word both share ("C组、D组", "D级和E级").
/// A capital elsewhere in the sentence (B超, T恤) does not count.
fn in_letter_list(text: &str, start: usize, end: usize) -> bool {
    let (before, after) = (&text[..start], &text[end..]);
    for sep in LIST_SEPARATORS {
        if before.strip_suffix(sep).is_some_and(ends_with_capital)
            || after.strip_prefix(sep).is_some_and(starts_with_capital)
        {
            return true;
        }
        // The shared word after the letters: one or two characters.
        let mut word_end = 0;
        for c in after.chars().take(2) {
            if !('\u{4e00}'..='\u{9fff}').contains(&c) {
                break;
            }
            word_end += c.len_utf8();
            let word = &after[..word_end];
            let shared_before = before
                .strip_suffix(sep)
                .and_then(|b| b.strip_suffix(word))
                .is_some_and(ends_with_capital);
            let shared_after = after[word_end..]
                .strip_prefix(sep)
                .is_some_and(|a| starts_with_capital(a) && a[1..].starts_with(word));
            if shared_before || shared_after {
                return true;
            }
        }
    }
    false
}

/// Finds the masked words in `text`: D → 党 when `party`, DP → GDP when `gdp`.
pub fn find(text: &str, party: bool, gdp: bool, out: &mut Vec<Masked>) {
    if !party && !gdp {
        return;
    }
    let words = &crate::lexicon::builtin().masked;
    let starts = |s: &str, list: &[String]| list.iter().any(|w| s.starts_with(w.as_str()));
    let ends = |s: &str, list: &[String]| list.iter().any(|w| s.ends_with(w.as_str()));
    let b = text.as_bytes();
    for i in memchr::memchr_iter(b'D', b) {
        if i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let before = &text[..i];
        if b.get(i + 1) == Some(&b'P') {
            if !gdp || ascii_alnum_at(b, i + 2) || in_letter_list(text, i, i + 2) {
                continue;
            }
            let after = &text[i + 2..];
            if starts(after, &words.not_gdp_after) {
                continue;
            }
            if starts(after, &words.gdp_after) || ends(before, &words.gdp_before) {
                out.push(Masked {
                    range: i..i + 2,
                    replacement: "GDP",
                    gdp: true,
                });
            }
            continue;
        }
        if !party || ascii_alnum_at(b, i + 1) || in_letter_list(text, i, i + 1) {
            continue;
        }
        let after = &text[i + 1..];
        if starts(after, &words.letter_after) {
            continue;
        }
        if starts(after, &words.party_after) || ends(before, &words.party_before) {
            out.push(Masked {
                range: i..i + 1,
                replacement: "党",
                gdp: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restore(text: &str) -> String {
        let mut found = Vec::new();
        find(text, true, true, &mut found);
        let mut out = String::new();
        let mut pos = 0;
        for m in found {
            out.push_str(&text[pos..m.range.start]);
            out.push_str(m.replacement);
            pos = m.range.end;
        }
        out.push_str(&text[pos..]);
        out
    }

    #[test]
    fn party_words_are_restored() {
        for (masked, clear) in [
            ("全体D员干部参加", "全体党员干部参加"),
            ("XX镇D委、政府", "XX镇党委、政府"),
            ("由D组书记任组长", "由党组书记任组长"),
            ("抓D建、夯基础", "抓党建、夯基础"),
            ("落实D风廉政建设", "落实党风廉政建设"),
            ("讲D性、做示范", "讲党性、做示范"),
            ("在县委D校举办", "在县委党校举办"),
            ("坚持“D政同责、一岗双责”", "坚持“党政同责、一岗双责”"),
            (
                "抓好全面从严治D，加强机关D组织建设",
                "抓好全面从严治党，加强机关党组织建设",
            ),
            ("全面贯彻D的二十大精神", "全面贯彻党的二十大精神"),
            ("落实D中央决策部署", "落实党中央决策部署"),
            ("村D支部", "村党支部"),
            ("专题D课", "专题党课"),
            ("学习D史，严守D纪，遵守D章", "学习党史，严守党纪，遵守党章"),
            ("发展对象入D", "发展对象入党"),
            ("万名D员进D校", "万名党员进党校"),
            ("群众与D和政府之间", "群众与党和政府之间"),
            ("坚持D的领导", "坚持党的领导"),
            (
                "打造让D放心、人民满意的模范机关",
                "打造让党放心、人民满意的模范机关",
            ),
            ("张贴共产D员网音频二维码", "张贴共产党员网音频二维码"),
            ("X镇D委", "X镇党委"),
            ("从严治D", "从严治党"),
            (
                "完成B超体检XX人次，为困难D员发放T恤XX件",
                "完成B超体检XX人次，为困难党员发放T恤XX件",
            ),
            ("改造U型槽，组织D员清理", "改造U型槽，组织党员清理"),
        ] {
            assert_eq!(restore(masked), clear, "{masked}");
        }
    }

    #[test]
    fn letters_and_ascii_words_stay() {
        for text in [
            "京九花园小区D栋2个单位",
            "D区、D座、D级、D类",
            "选项A/B/C/D",
            "分为A、B、C、D四档",
            "ABCD",
            "3D打印和4D影院",
            "融合EOD项目",
            "购买PAD及电脑",
            "OLED屏和DVD、CD光盘",
            "C组、D组比赛",
            "D组和E组",
            "B级和D级",
            "D、E两类",
            "D/E",
            "新建D栋厂房",
            "D",
            "HDP管材",
            "DP算法",
            "Dell电脑",
        ] {
            assert_eq!(restore(text), text, "{text}");
        }
    }

    #[test]
    fn gdp_is_restored_only_about_the_economy() {
        assert_eq!(
            restore("（一）前三季度经济运行完成情况和全年DP预计增长"),
            "（一）前三季度经济运行完成情况和全年GDP预计增长"
        );
        assert_eq!(
            restore("加强对DP核算落后基础指标的监测"),
            "加强对GDP核算落后基础指标的监测"
        );
        assert_eq!(restore("全年完成DP增长X%"), "全年完成GDP增长X%");
        for text in ["HDPE管", "DP接口", "使用DPS系统"] {
            assert_eq!(restore(text), text);
        }
    }
}
