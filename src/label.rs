//! The numbering a material site puts around each report title of a compilation: a label
//! before it (【篇一】, 篇三：, 第五篇 , 范文4：) and a count after it (（第3篇）). The label
//! words are data (`rules/builtin.toml`, `[labels]`). Shared by the splitter (a label marks
//! a title), advert scoring (【范文2】 is a label, not a site's bracketed name) and cleaning
//! (which removes labels). No dependency on anything but the outline's number reading.

use crate::outline;
use std::ops::Range;
use std::sync::LazyLock;

/// The label words (`[labels]` of the lexicon), longest first so that 精选范文 is tried
/// before 范文, and the characters a label can open with.
struct Words {
    words: Vec<&'static str>,
    firsts: Vec<char>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let labels = &crate::lexicon::builtin().labels;
    let mut words: Vec<&'static str> = labels.words.iter().map(String::as_str).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut firsts: Vec<char> = words
        .iter()
        .chain(
            labels
                .number_prefixes
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .iter(),
        )
        .filter_map(|w| w.chars().next())
        .chain(['【', '[', '第'])
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    Words { words, firsts }
});

/// The bytes of a report title line that are the site's numbering of the report, not its
/// title: a label before it ("【篇一】", "篇三：", "第五篇 ", "范文4：") and a count after it
/// ("（第3篇）"). Ranges into `line`, in order; none for a line without them (or with
/// nothing else).
pub fn title_labels(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let start = head_label_len(line);
    // "（第3篇）" closing the line.
    let trimmed = line.trim_end_matches([' ', '　']);
    let mut end = line.len();
    if trimmed.ends_with(['）', ')'])
        && let Some(open) = trimmed.rfind(['（', '('])
        && open >= start
    {
        let inner = trimmed[open..]
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')']);
        if label_len(inner) == Some(inner.len()) {
            end = open;
        }
    }
    // A label with nothing else is the line's text, not a label of it.
    if line[start..end].trim().is_empty() {
        return out;
    }
    if start > 0 {
        out.push(0..start);
    }
    if end < line.len() {
        out.push(end..trimmed.len());
    }
    out
}

/// A number in Chinese or in (at most three) digits at the start of `s`: its byte length.
fn number_len(s: &str) -> Option<usize> {
    if let Some((_, len)) = outline::chinese_number(s) {
        return Some(len);
    }
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (1..=3).contains(&digits).then_some(digits)
}

/// "篇一", "第五篇", "范文4", "NO.3" at the start of `s`: its byte length.
pub(crate) fn label_len(s: &str) -> Option<usize> {
    if let Some(rest) = s.strip_prefix('第') {
        let n = number_len(rest)?;
        return rest[n..].starts_with('篇').then_some(3 + n + 3);
    }
    if let Some(prefix) = crate::lexicon::builtin()
        .labels
        .number_prefixes
        .iter()
        .find(|p| s.starts_with(p.as_str()))
    {
        // "NO.3": digits only, a Chinese number never follows a Latin prefix.
        let rest = &s[prefix.len()..];
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        return (1..=3).contains(&digits).then_some(prefix.len() + digits);
    }
    let word = WORDS.words.iter().find(|w| s.starts_with(*w))?;
    Some(word.len() + number_len(&s[word.len()..])?)
}

/// Bytes of the label opening `line` ("【篇一】", "篇三：", "第五篇 "), with the spaces
/// before and after it; 0 when it opens otherwise.
pub(crate) fn head_label_len(line: &str) -> usize {
    let body = line.trim_start_matches([' ', '　']);
    // Decided on the first character for almost every line.
    if !body
        .chars()
        .next()
        .is_some_and(|c| WORDS.firsts.contains(&c))
    {
        return 0;
    }
    let head = if let Some(inner) = body.strip_prefix(['【', '[']) {
        label_len(inner).and_then(|n| {
            let close = inner[n..]
                .chars()
                .next()
                .filter(|c| matches!(c, '】' | ']'))?;
            Some(body.len() - inner.len() + n + close.len_utf8())
        })
    } else {
        label_len(body).and_then(|n| {
            let sep = body[n..]
                .chars()
                .next()
                .filter(|c| matches!(c, '：' | ':' | '、' | ' ' | '　' | '.' | '．'))?;
            Some(n + sep.len_utf8())
        })
    };
    // Spaces after the label go with it.
    head.map_or(0, |n| {
        line.len() - body[n..].trim_start_matches([' ', '　']).len()
    })
}

/// `line` without a site's label before its title ("【篇一】XX社区…" → "XX社区…"), unless
/// the label is all there is.
pub(crate) fn without_label(line: &str) -> &str {
    match head_label_len(line) {
        0 => line,
        n if line[n..].trim().is_empty() => line,
        n => &line[n..],
    }
}

/// A report title split into the site's label and the title proper:
/// "【篇一】XX社区…（第1篇）" → (Some("【篇一】"), "XX社区…"), "XX社区…（第1篇）" →
/// (Some("（第1篇）"), "XX社区…"). What `inspect --json` reports as
/// `label` and `title`.
pub fn label_and_title(title: &str) -> (Option<&str>, &str) {
    // The label before the title, else the count after it ("（第3篇）").
    let label = title_labels(title).first().map(|r| title[r.clone()].trim());
    (label, unlabelled_title(title))
}

/// A title without the site's numbering around it ([`title_labels`]): "【篇一】XX社区…（第1篇）"
/// → "XX社区…".
pub fn unlabelled_title(title: &str) -> &str {
    let labels = title_labels(title);
    let start = labels.first().filter(|r| r.start == 0).map_or(0, |r| r.end);
    let end = labels
        .last()
        .filter(|r| r.start > 0)
        .map_or(title.len(), |r| r.start);
    title[start..end].trim_end()
}

/// Bytes of `line` that `label` opens it with, with the spaces before and after it; None when
/// the line does not open with it.
pub(crate) fn prefix_len(line: &str, label: &str) -> Option<usize> {
    let body = line.trim_start_matches([' ', '\u{3000}', '\t']);
    let rest = body.strip_prefix(label)?;
    Some(line.len() - rest.trim_start_matches([' ', '\u{3000}']).len())
}

/// A numbering of any word opening a line: "材料2：", "【样文三】", "附件1", "NO.3 ". Whether it
/// is the site's numbering of its reports is decided over the whole compilation
/// ([`crate::split`]: the same word, numbered 1, 2, 3… on successive report titles), never
/// by the word: reports also list their attachments as 材料1：, 材料2：.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Numbering {
    /// The label with its number taken out ("材料#：" → "材料"; brackets kept): labels of
    /// one series share it.
    pub key: String,
    pub number: u32,
    /// Bytes of `line` the label takes, with the spaces around it.
    pub len: usize,
    /// Nothing follows the label on its line.
    pub alone: bool,
}

/// Characters a numbering word never holds: numerals (so that 篇一 is 篇 then 一).
fn is_numeral(c: char) -> bool {
    outline::chinese_digit(c).is_some() || matches!(c, '十' | '〇' | '零' | '两')
}

/// A number in Chinese or in (at most three) ASCII or fullwidth digits at the start of `s`.
fn any_number(s: &str) -> Option<(u32, usize)> {
    outline::chinese_number(s).or_else(|| outline::leading_digits(s, 3))
}

/// The numbering opening `line`, of any word ([`Numbering`]).
pub(crate) fn numbering(line: &str) -> Option<Numbering> {
    let body = line.trim_start_matches([' ', '\u{3000}', '\t', crate::junk::BOM]);
    let lead = line.len() - body.len();
    let (open, close) = match body.chars().next()? {
        '【' => ("【", Some('】')),
        '[' => ("[", Some(']')),
        '〔' => ("〔", Some('〕')),
        _ => ("", None),
    };
    let inner = &body[open.len()..];
    // The word: 第…篇 around the number, or up to four Han characters (or Latin letters, with
    // a full stop: NO.) before it.
    let (word, number, after) = if let Some(rest) = inner.strip_prefix('第') {
        let (n, nl) = any_number(rest)?;
        let after = rest[nl..].strip_prefix('篇')?;
        ("第篇", n, after)
    } else {
        let han = inner
            .char_indices()
            .take_while(|&(_, c)| crate::junk::is_han(c) && !is_numeral(c))
            .take(5)
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word_len = if han > 0 {
            han
        } else {
            let letters = inner
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(inner.len());
            let dot = inner[letters..]
                .chars()
                .next()
                .filter(|c| letters > 0 && matches!(c, '.' | '．'))
                .map_or(0, char::len_utf8);
            letters + dot
        };
        let word = &inner[..word_len];
        if word.is_empty() || word.chars().count() > 4 || word == "第" {
            return None;
        }
        let (n, nl) = any_number(&inner[word_len..])?;
        (word, n, &inner[word_len + nl..])
    };
    let after = match close {
        Some(c) => after.strip_prefix(c)?,
        None => after,
    };
    let rest = after.trim_start_matches([' ', '\u{3000}']);
    let spaced = rest.len() < after.len();
    let rest = match rest.chars().next() {
        None => rest,
        Some(c @ ('：' | ':' | '、')) => &rest[c.len_utf8()..],
        // "范文1.5" is a figure.
        Some(c @ ('.' | '．')) => {
            let r = &rest[c.len_utf8()..];
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            r
        }
        Some(_) if spaced || close.is_some() => rest,
        Some(_) => return None,
    };
    let rest_trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    Some(Numbering {
        key: format!(
            "{open}{word}{}",
            close.map(String::from).unwrap_or_default()
        ),
        number,
        len: line.len() - rest_trimmed.len(),
        alone: rest_trimmed.trim_end().is_empty(),
    })
    .filter(|_| lead < line.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sites_numbering_of_its_reports_is_a_label_around_the_title() {
        fn label(line: &str) -> Vec<&str> {
            title_labels(line).into_iter().map(|r| &line[r]).collect()
        }
        assert_eq!(label("【篇一】XX社区2024年工作总结"), ["【篇一】"]);
        assert_eq!(label("[篇12]XX社区2024年工作总结"), ["[篇12]"]);
        assert_eq!(label("篇三：XX街道2024年度工作总结"), ["篇三："]);
        assert_eq!(label("第五篇 XX社区网格化管理工作总结"), ["第五篇 "]);
        assert_eq!(label("范文4：社区党支部2024年工作总结"), ["范文4："]);
        assert_eq!(label("县林业局2023年度工作总结（第3篇）"), ["（第3篇）"]);
        assert_eq!(
            label("【篇二】XX镇工作总结（第2篇） "),
            ["【篇二】", "（第2篇）"]
        );
        assert_eq!(
            unlabelled_title("【篇二】XX镇工作总结（第2篇） "),
            "XX镇工作总结"
        );
        // Not labels: a part heading, a count in a title, a label alone, a date.
        for line in [
            "第一部分 总体情况",
            "范文3篇汇编",
            "篇一",
            "【篇一】",
            "XX镇2023年工作总结（2023年）",
            "篇章结构调整方案",
        ] {
            assert!(title_labels(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn a_numbering_of_any_word_is_read_with_its_series() {
        fn n(line: &str) -> Option<(String, u32, &str, bool)> {
            numbering(line).map(|n| (n.key, n.number, &line[..n.len], n.alone))
        }
        assert_eq!(
            n("材料1：县教育局工作要点"),
            Some(("材料".into(), 1, "材料1：", false))
        );
        assert_eq!(
            n("【样文三】XX镇总结"),
            Some(("【样文】".into(), 3, "【样文三】", false))
        );
        assert_eq!(n("  附件2"), Some(("附件".into(), 2, "  附件2", true)));
        assert_eq!(
            n("第十二篇 XX镇总结"),
            Some(("第篇".into(), 12, "第十二篇 ", false))
        );
        assert_eq!(n("NO.3 XX镇总结"), Some(("NO.".into(), 3, "NO.3 ", false)));
        assert_eq!(n("范文２."), Some(("范文".into(), 2, "范文２.", true)));
        for line in [
            "一、主要工作",
            "第一，抓好落实",
            "第一章 总则",
            "2023年工作总结",
            "范文1.5万字",
            "关于2023年工作的报告",
            "材料1份",
            "XX镇1号楼",
            "",
        ] {
            assert_eq!(n(line), None, "{line}");
        }
    }
}
