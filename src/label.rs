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
    digits_len(s)
}

/// One to three digits, ASCII or full width ("3", "１２"), at the start of `s`: their byte
/// length.
fn digits_len(s: &str) -> Option<usize> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let count = s.chars().take_while(|&c| is_digit(c)).count();
    let bytes: usize = s.chars().take(count).map(char::len_utf8).sum();
    (1..=3).contains(&count).then_some(bytes)
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
        return digits_len(&s[prefix.len()..]).map(|digits| prefix.len() + digits);
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
        // A site's tag on the title: 【荐】, 【精选】, 【推荐】 (`[glued] tags`).
        let tag = inner.find(['】', ']']).filter(|&close| {
            let tags = &crate::lexicon::builtin().glued.tags;
            tags.iter().any(|t| *t == inner[..close])
        });
        let n = tag.or_else(|| label_len(inner));
        n.and_then(|n| {
            let close = inner[n..]
                .chars()
                .next()
                .filter(|c| matches!(c, '】' | ']'))?;
            Some(body.len() - inner.len() + n + close.len_utf8())
        })
    } else {
        label_len(body).and_then(|n| {
            let next = body[n..].chars().next()?;
            if matches!(next, '：' | ':' | '、' | ' ' | '　' | '.' | '．') {
                return Some(n + next.len_utf8());
            }
            // "NO.3关于…", "NO.7XX镇…": after a Latin prefix's digits a Han character or a
            // placeholder's X can only open the title.
            let latin =
                !body.starts_with(|c: char| crate::junk::is_han(c) || matches!(c, '【' | '['));
            (latin && (crate::junk::is_han(next) || matches!(next, 'X' | 'Ｘ'))).then_some(n)
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

/// Characters a numbering word never holds: numerals of any system (so that 篇一 is 篇 then
/// 一, 篇目壹 is 篇目 then 壹).
fn is_numeral(c: char) -> bool {
    outline::chinese_digit(c).is_some()
        || matches!(c, '十' | '〇' | '零' | '两')
        || financial_digit(c).is_some()
}

/// 壹 … 玖, 拾: the numerals of amounts, which sites number with too.
fn financial_digit(c: char) -> Option<u32> {
    "壹贰叁肆伍陆柒捌玖拾"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32 + 1)
}

/// An ordinal at the start of `s` in any numeral system a site numbers with: Chinese (一,
/// 十二), financial (叁, 拾贰), at most three ASCII or fullwidth digits (3, 03, ３), a
/// circled or bracketed digit (③, ⑶, ⒊), a number in parentheses (（二）, (3)) or a Roman
/// numeral (Ⅲ, ⅲ). Its value, byte length
/// and whether it closes itself (an enclosed or Roman numeral needs no separator after it).
fn ordinal(s: &str) -> Option<(u32, usize, bool)> {
    if let Some((n, len)) = outline::chinese_number(s).or_else(|| outline::leading_digits(s, 3)) {
        return Some((n, len, false));
    }
    let c = s.chars().next()?;
    // A number in parentheses closes the label itself: 讲话稿（二）, Doc(3).
    if let Some(close) = match c {
        '（' => Some('）'),
        '(' => Some(')'),
        _ => None,
    } {
        let inner = &s[c.len_utf8()..];
        let (n, len) =
            outline::chinese_number(inner).or_else(|| outline::leading_digits(inner, 3))?;
        return inner[len..].starts_with(close).then_some((
            n,
            c.len_utf8() + len + close.len_utf8(),
            true,
        ));
    }
    if let Some(d) = financial_digit(c) {
        // 拾, 拾贰, 贰拾, 贰拾叁.
        let mut chars = s[c.len_utf8()..].chars().map(financial_digit);
        let (n, len) = match (d, chars.next().flatten(), chars.next().flatten()) {
            (10, Some(u), _) if u < 10 => (10 + u, 6),
            (t, Some(10), Some(u)) if t < 10 && u < 10 => (t * 10 + u, 9),
            (t, Some(10), _) if t < 10 => (t * 10, 6),
            (d, _, _) => (d, 3),
        };
        return Some((n, len, false));
    }
    let n = match c as u32 {
        // ① … ⑳, ⑴ … ⒇, ⒈ … ⒛
        n @ 0x2460..=0x2473 => n - 0x2460 + 1,
        n @ 0x2474..=0x2487 => n - 0x2474 + 1,
        n @ 0x2488..=0x249B => n - 0x2488 + 1,
        // Ⅰ … Ⅻ, ⅰ … ⅻ
        n @ 0x2160..=0x216B => n - 0x2160 + 1,
        n @ 0x2170..=0x217B => n - 0x2170 + 1,
        _ => return None,
    };
    Some((n, c.len_utf8(), true))
}

/// The brackets and separators a numbering may use (`[labels]` of the lexicon).
struct Marks {
    brackets: Vec<(char, char)>,
    separators: Vec<char>,
}

static MARKS: LazyLock<Marks> = LazyLock::new(|| {
    let labels = &crate::lexicon::builtin().labels;
    let pair = |b: &String| {
        let mut c = b.chars();
        c.next().zip(c.next())
    };
    Marks {
        brackets: labels.brackets.iter().filter_map(pair).collect(),
        separators: labels
            .separators
            .iter()
            .filter_map(|s| s.chars().next())
            .collect(),
    }
});

/// `body` without the opening of a frame of marks a numbering alone on its line can stand in:
/// a run of one separator (at least two of it) that also closes the line ("—— 范文一 ——",
/// "~~ 例文3 ~~"). The closing run, being separators, closes the numbering as it would after
/// any label. Lines not framed so come back as they are.
fn unframed<'a>(body: &'a str, separators: &[char]) -> &'a str {
    let Some(c) = body.chars().next().filter(|c| separators.contains(c)) else {
        return body;
    };
    let run = body.trim_start_matches(c);
    if body.len() - run.len() < 2 * c.len_utf8() || !body.trim_end().ends_with(c) {
        return body;
    }
    run.trim_start_matches([' ', '\u{3000}'])
}

/// Bytes of the total that follows a numbering's number in `s` ("/3", "／12", "/共8篇"): a
/// slash, an optional 共, a count no smaller than `number` and an optional counter. None when
/// there is none.
fn total_len(s: &str, number: u32) -> Option<usize> {
    let rest = s.strip_prefix(['/', '／'])?;
    let body = rest.strip_prefix('共').unwrap_or(rest);
    let (total, len, _) = ordinal(body)?;
    if total < number {
        return None;
    }
    let tail = &body[len..];
    let counter = crate::lexicon::builtin()
        .labels
        .counters
        .iter()
        .find(|c| tail.starts_with(c.as_str()))
        .map_or(0, |c| c.len());
    Some(s.len() - tail.len() + counter)
}

/// Bytes of a short word (at most four characters) at the start of `after` that a counter's
/// numbering carries (第1份材料, 第2篇范文), when the bracket `close`, a run of `separators`, a
/// space or the line's end follows it; 0 otherwise.
fn trailing_noun(after: &str, close: Option<char>, separators: &[char]) -> usize {
    let len = after
        .char_indices()
        .take_while(|&(_, c)| crate::junk::is_han(c) && !is_numeral(c))
        .take(5)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if len == 0 || after[..len].chars().count() > 4 {
        return 0;
    }
    let next = after[len..].chars().next();
    let closed = next.is_none_or(|c| {
        Some(c) == close || separators.contains(&c) || matches!(c, ' ' | '\u{3000}' | '\t')
    });
    if closed { len } else { 0 }
}

/// Characters a numbering's word or code holds: Han characters but numerals, Latin letters,
/// and the number signs (#, №).
fn is_word_char(c: char) -> bool {
    (crate::junk::is_han(c) && !is_numeral(c))
        || c.is_ascii_alphabetic()
        || matches!(c, '#' | '＃' | '№')
}

/// The numbering opening `line`, of any word ([`Numbering`]): a word or code of at most six
/// characters (材料, 篇目, Doc., #, A; none inside brackets), or 第 before the number and a
/// counter after it; the ordinal in any numeral system ([`ordinal`]); then the closing
/// bracket, or a run of separators (：, |, 》, ——) or a space before the title.
pub(crate) fn numbering(line: &str) -> Option<Numbering> {
    let marks = &*MARKS;
    let body = unframed(
        line.trim_start_matches([' ', '\u{3000}', '\t', crate::junk::BOM]),
        &marks.separators,
    );
    let lead = line.len() - body.len();
    let first = body.chars().next()?;
    let close = marks
        .brackets
        .iter()
        .find(|(open, _)| *open == first)
        .map(|&(_, close)| close);
    // A run of one mark may open a numbering with no word (">>>01", "——3"), as a bracket does.
    let run = if close.is_none() && marks.separators.contains(&first) {
        body.len() - body.trim_start_matches(first).len()
    } else {
        0
    };
    let open = if close.is_some() {
        &body[..first.len_utf8()]
    } else if run >= 2 * first.len_utf8() {
        &body[..run]
    } else {
        ""
    };
    let inner = &body[open.len()..];
    let counters = &crate::lexicon::builtin().labels.counters;
    // The word: 第…篇 around the number, or a short word or code before it.
    let (word, number, self_closing, after) = if let Some(rest) = inner.strip_prefix('第') {
        let (n, nl, _) = ordinal(rest)?;
        let counter = counters
            .iter()
            .find(|c| rest[nl..].starts_with(c.as_str()))?;
        let after = &rest[nl + counter.len()..];
        // A word may follow the counter when a mark or the line's end closes it: 第1份材料 ===,
        // 【第2篇范文】. Run on into the title ("第4篇XX镇工作总结"), it is the title's.
        let noun = trailing_noun(after, close, &marks.separators);
        // The key names the counter: 第1篇 and 第2则 are no series. The counter closes it.
        (
            format!("第{counter}{}", &after[..noun]),
            n,
            true,
            &after[noun..],
        )
    } else {
        let word_len = inner
            .char_indices()
            .take_while(|&(_, c)| is_word_char(c))
            .take(7)
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &inner[..word_len];
        // A number alone in parentheses is a heading's marker (（一）), not a site's label:
        // only a word in them is (（要点一）).
        let parenthesis = matches!(close, Some('）' | ')'));
        // A number with a leading zero alone on its line ("01", "02"): how posts on
        // 公众号 number their pieces. Never "1", "1." or "1、", a page's or a heading's.
        let zero_padded = word.is_empty()
            && close.is_none()
            && inner.trim_end().len() == 2
            && inner.starts_with('0')
            && inner.as_bytes()[1].is_ascii_digit();
        if word.chars().count() > 6
            || word == "第"
            || (word.is_empty() && close.is_none() && open.is_empty() && !zero_padded)
        {
            return None;
        }
        // A joiner between the word and its number: Doc.1, 范例-1, 精选 1.
        let mut at = word_len;
        if word_len > 0
            && let Some(j) = inner[at..]
                .chars()
                .next()
                .filter(|c| matches!(c, '.' | '．' | '-' | '_' | '·' | ' ' | '\u{3000}'))
            && ordinal(&inner[at + j.len_utf8()..]).is_some()
        {
            at += j.len_utf8();
        }
        let (n, nl, closing) = ordinal(&inner[at..])?;
        // "(1/3)" counts the reports; "（一）" alone is a heading's marker.
        if word.is_empty() && parenthesis && total_len(&inner[at + nl..], n).is_none() {
            return None;
        }
        (inner[..at].to_string(), n, closing, &inner[at + nl..])
    };
    // The total after the number: 1/3, 第2篇/共8篇, 【3/12】.
    let after = &after[total_len(after, number).unwrap_or(0)..];
    let after = match close {
        Some(c) => after.strip_prefix(c)?,
        None => after,
    };
    let rest = after.trim_start_matches([' ', '\u{3000}', '\t']);
    let spaced = rest.len() < after.len();
    let seps = rest
        .char_indices()
        .take_while(|&(_, c)| marks.separators.contains(&c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let rest = if seps > 0 {
        // "范文1.5" is a figure; "材料1、2" a list of them.
        let r = &rest[seps..];
        if matches!(&rest[..seps], "、" | "." | "．") && ordinal(r).is_some() {
            return None;
        }
        r
    } else if rest.is_empty() || spaced || close.is_some() || self_closing {
        rest
    } else {
        return None;
    };
    let rest_trimmed = rest.trim_start_matches([' ', '\u{3000}', '\t']);
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

    /// A Latin number prefix in full width, and digits in full width; after the prefix's
    /// digits the title may follow with no separator ("Ｎｏ．3关于…", "No.7XX镇…").
    /// "01", "02" alone on their lines number a 公众号 post's pieces; "1", "1." and "1、"
    /// stay a page's or a heading's.
    /// A site's tag in brackets opening a title (【荐】, 【精选】) is its label; a bracket that
    /// names the content (【典型案例】) is the title's own.
    #[test]
    fn a_sites_tag_opening_a_title_is_its_label() {
        assert_eq!(
            label_and_title("【荐】XX县2024年财政工作总结"),
            (Some("【荐】"), "XX县2024年财政工作总结")
        );
        assert_eq!(
            label_and_title("[精选]关于农村集体经济发展情况的调研报告").0,
            Some("[精选]")
        );
        assert_eq!(head_label_len("【典型案例】青禾镇推行积分制管理"), 0);
    }

    #[test]
    fn a_zero_padded_number_alone_is_a_numbering() {
        let n = numbering("01").expect("01");
        assert_eq!((n.number, n.alone), (1, true));
        assert_eq!(numbering("12").map(|n| n.number), None);
        for line in ["1", "1.", "1、", "01、加强领导", "（1）"] {
            assert!(numbering(line).is_none(), "{line}");
        }
    }

    #[test]
    fn full_width_numberings_and_a_title_right_after_the_digits() {
        for (line, label) in [
            ("Ｎｏ．3关于2024年作风建设工作开展情况的报告", "Ｎｏ．3"),
            ("No.7XX镇关于文明城市创建工作进展情况的汇报", "No.7"),
            ("第１２篇：在全县经济工作会议上的讲话", "第１２篇："),
        ] {
            assert_eq!(&line[..head_label_len(line)], label, "{line}");
        }
        // A title opening with a year keeps it.
        assert_eq!(head_label_len("2024年工作总结"), 0);
        assert_eq!(head_label_len("篇章结构调整方案"), 0);
    }

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

    /// The bar a byline draws with the Han character 丨 closes a numbering as | does.
    #[test]
    fn a_numbering_closed_by_the_han_bar() {
        let n = numbering("稿件02丨南岗街道乡村振兴工作汇报").unwrap();
        assert_eq!((n.number, n.len), (2, "稿件02丨".len()));
    }

    /// A numbering alone on its line between two runs of one mark is read with the frame;
    /// a dashed line that is no frame, or a page number between dashes, is no numbering.
    #[test]
    fn a_numbering_framed_by_runs_of_one_mark() {
        for (line, number) in [("—— 范文一 ——", 1), ("~~ 例文3 ~~", 3), ("==样稿二==", 2)]
        {
            let n = numbering(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (n.number, n.len, n.alone),
                (number, line.len(), true),
                "{line}"
            );
        }
        for line in ["——记范文一的作者", "-- 3 --", "—范文一—XX镇工作总结"] {
            assert!(
                numbering(line).is_none_or(|n| n.len < line.len() && !n.alone),
                "{line}"
            );
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
        // Any short word or code, an ordinal in any numeral system, any separator or bracket.
        for (line, key, number, label, alone) in [
            ("文档01 | XX镇工作总结", "文档", 1, "文档01 | ", false),
            ("〖样稿二〗XX镇工作总结", "〖样稿〗", 2, "〖样稿二〗", false),
            ("Doc.3 XX镇工作总结", "Doc.", 3, "Doc.3 ", false),
            ("选编④", "选编", 4, "选编④", true),
            ("#05 XX镇工作总结", "#", 5, "#05 ", false),
            ("范例-6", "范例-", 6, "范例-6", true),
            ("【07】XX镇工作总结", "【】", 7, "【07】", false),
            ("篇目捌：XX镇工作总结", "篇目", 8, "篇目捌：", false),
            ("案例Ⅸ．XX镇工作总结", "案例", 9, "案例Ⅸ．", false),
            ("精选 10/XX镇工作总结", "精选 ", 10, "精选 10/", false),
            ("第3则——XX镇工作总结", "第则", 3, "第3则——", false),
            ("稿件１》XX镇工作总结", "稿件", 1, "稿件１》", false),
            ("第4篇XX镇工作总结", "第篇", 4, "第4篇", false),
            (
                "（要点一）县农业农村局2025年工作要点",
                "（要点）",
                1,
                "（要点一）",
                false,
            ),
            ("(样稿2) XX镇工作总结", "(样稿)", 2, "(样稿2) ", false),
            // A word after the counter, a total after the number, a run of one mark and no
            // word: all the label's.
            (
                "=== 第1份材料 ===",
                "第份材料",
                1,
                "=== 第1份材料 ===",
                true,
            ),
            (
                "【第2篇范文】XX镇工作总结",
                "【第篇范文】",
                2,
                "【第2篇范文】",
                false,
            ),
            (
                "第3份材料：XX镇工作总结",
                "第份材料",
                3,
                "第3份材料：",
                false,
            ),
            (
                "精选例文1/3：XX镇工作总结",
                "精选例文",
                1,
                "精选例文1/3：",
                false,
            ),
            ("【3/12】XX镇工作总结", "【】", 3, "【3/12】", false),
            ("(1/3) XX镇工作总结", "()", 1, "(1/3) ", false),
            ("第2篇/共8篇 XX镇工作总结", "第篇", 2, "第2篇/共8篇 ", false),
            ("第4篇XX镇工作总结", "第篇", 4, "第4篇", false),
            (">>>01", ">>>", 1, ">>>01", true),
            ("——2 XX镇工作总结", "——", 2, "——2 ", false),
        ] {
            assert_eq!(n(line), Some((key.into(), number, label, alone)), "{line}");
        }
        // A heading's marker in parentheses, a fraction of a figure, a total smaller than the
        // number.
        for line in [
            "(1)加强组织领导",
            "（一）加强组织领导",
            "1/3以上的村",
            "【5/3】XX镇工作总结",
        ] {
            assert!(
                n(line).is_none_or(|(_, _, label, _)| !label.contains('/')),
                "{line}: {:?}",
                n(line)
            );
        }
        for line in [
            "一、主要工作",
            "第一，抓好落实",
            "A、B两类企业",
            "材料一份",
            "附件1份",
            "范文1、2已印发",
            "第一节 总体要求",
            "（一）加强组织领导",
            "（1）强化责任落实",
            "(2)完善制度",
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
