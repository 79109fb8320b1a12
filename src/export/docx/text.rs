//! Text shaping for the 公文 layout: balanced title lines, Arabic dates, display widths.
//! Pure string functions; no docx or file access.

use std::ops::Range;

/// Width of `s` in full-width character cells (Latin letters and digits count half).
pub fn cells(s: &str) -> f32 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// Splits a title into lines of at most `max_cells` cells, as even as possible, breaking at
/// natural points (after 年/及/和/的/、…) and never inside a run of Latin letters or digits
/// when that can be avoided. A short title comes back as one line.
pub fn balance_title(title: &str, max_cells: usize) -> Vec<String> {
    let chars: Vec<char> = title.chars().collect();
    let total = cells(title);
    let max = max_cells.max(1) as f32;
    if total <= max || chars.len() < 2 {
        return vec![title.to_string()];
    }
    let lines = (total / max).ceil() as usize;
    // prefix[i] = cells of chars[..i]
    let mut prefix = vec![0.0f32; chars.len() + 1];
    for (i, c) in chars.iter().enumerate() {
        prefix[i + 1] = prefix[i] + if c.is_ascii() { 0.5 } else { 1.0 };
    }
    let ideal = total / lines as f32;
    let n = chars.len();
    // best[k][i]: cost of laying out chars[..i] in k lines; choice[k][i]: start of line k.
    let inf = f32::INFINITY;
    let mut best = vec![vec![inf; n + 1]; lines + 1];
    let mut choice = vec![vec![0usize; n + 1]; lines + 1];
    best[0][0] = 0.0;
    for k in 1..=lines {
        for i in 1..=n {
            let penalty_here = if i == n {
                0.0
            } else {
                break_penalty(&chars, i)
            };
            for j in (k - 1)..i {
                if best[k - 1][j].is_infinite() {
                    continue;
                }
                let width = prefix[i] - prefix[j];
                let over = if width > max {
                    1000.0 * (width - max)
                } else {
                    0.0
                };
                let cost = best[k - 1][j] + (width - ideal).abs() + penalty_here + over;
                if cost < best[k][i] {
                    best[k][i] = cost;
                    choice[k][i] = j;
                }
            }
        }
    }
    let mut cuts = Vec::with_capacity(lines + 1);
    let mut i = n;
    cuts.push(n);
    for k in (1..=lines).rev() {
        i = choice[k][i];
        cuts.push(i);
    }
    cuts.reverse();
    cuts.windows(2)
        .map(|w| chars[w[0]..w[1]].iter().collect::<String>())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The cost of breaking a title between `chars[i - 1]` and `chars[i]`.
fn break_penalty(chars: &[char], i: usize) -> f32 {
    let before = chars[i - 1];
    let after = chars[i];
    let alnum = |c: char| c.is_ascii_alphanumeric() || ('０'..='９').contains(&c);
    if alnum(before) && alnum(after) {
        return 50.0;
    }
    // A line must not start with closing punctuation or end with an opening bracket.
    if "，。、；：）》」』”’！？".contains(after) || "（《「『“‘".contains(before)
    {
        return 50.0;
    }
    if inside_word(chars, i) {
        return 12.0;
    }
    // The 的 that closes a 关于… phrase is the classic break of a 公文 title.
    if before == '的' && chars.starts_with(&['关', '于']) {
        return 0.0;
    }
    if matches!(before, '及' | '暨' | '、' | '，' | '：') {
        return 0.0;
    }
    if before == '年' && i >= 2 && alnum(chars[i - 2]) {
        // "…及2024年|工作计划" would part the year from what it dates.
        let run_start = chars[..i - 1]
            .iter()
            .rposition(|&c| !alnum(c))
            .map_or(0, |p| p + 1);
        let joined = run_start > 0 && matches!(chars[run_start - 1], '及' | '和' | '与' | '暨');
        return if joined { 5.0 } else { 0.0 };
    }
    if before == '的' || at_word_edge(chars, i) {
        return 1.0;
    }
    // 和/与 also join the parts of a name (发展和改革局).
    if matches!(before, '和' | '与') || matches!(after, '及' | '和' | '与' | '暨') {
        return 2.0;
    }
    if matches!(
        before,
        '省' | '市' | '县' | '区' | '镇' | '乡' | '局' | '委' | '府' | '院'
    ) {
        return 2.0;
    }
    // Maybe inside a word we do not know: worth a few characters of imbalance.
    6.0
}

/// Words common in 公文 titles that a line break should not cut (`[title_breaks]` of the
/// lexicon).
fn title_words() -> &'static [String] {
    &crate::lexicon::builtin().title_breaks.words
}

fn word_at(chars: &[char], start: usize, word: &str) -> bool {
    let len = word.chars().count();
    chars
        .get(start..start + len)
        .is_some_and(|window| window.iter().copied().eq(word.chars()))
}

/// Whether a known word spans the break between `chars[i - 1]` and `chars[i]`.
fn inside_word(chars: &[char], i: usize) -> bool {
    title_words().iter().any(|w| {
        let len = w.chars().count();
        (1..len).any(|back| i >= back && word_at(chars, i - back, w))
    })
}

/// Whether a known word ends just before or starts just after the break.
fn at_word_edge(chars: &[char], i: usize) -> bool {
    title_words().iter().any(|w| {
        let len = w.chars().count();
        word_at(chars, i, w) || (i >= len && word_at(chars, i - len, w))
    })
}

/// Rewrites a date in Arabic numerals without zero padding: "2023年01月03日" →
/// "2023年1月3日", "二〇二三年十一月三日" → "2023年11月3日", "２０２３年１月３日" →
/// "2023年1月3日". Returns the new text and the replacements made (old byte range, new
/// text) so that byte ranges into the old text can be moved with [`map_offset`].
pub fn normalize_date(text: &str) -> (String, Vec<(Range<usize>, String)>) {
    let mut replacements = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !is_date_digit(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = it.peek() {
            if is_date_digit(d) {
                end = i + d.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        let unit = text[end..].chars().next();
        if !matches!(unit, Some('年' | '月' | '日')) {
            continue;
        }
        let run = &text[start..end];
        let value = if unit == Some('年') {
            year_digits(run)
        } else {
            small_number(run)
        };
        if let Some(v) = value
            && v != run
        {
            replacements.push((start..end, v));
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (range, new) in &replacements {
        out.push_str(&text[last..range.start]);
        out.push_str(new);
        last = range.end;
    }
    out.push_str(&text[last..]);
    (out, replacements)
}

fn is_date_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || chinese_digit(c).is_some() || c == '十'
}

/// A Chinese digit of a date, zero included (二〇二三).
fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | 'Ｏ' => Some(0),
        _ => crate::outline::chinese_digit(c),
    }
}

fn digit_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    if ('０'..='９').contains(&c) {
        return Some(c as u32 - '０' as u32);
    }
    chinese_digit(c)
}

/// A year written digit by digit: "２０２３", "二〇二三".
fn year_digits(run: &str) -> Option<String> {
    let digits: Option<String> = run
        .chars()
        .map(|c| digit_value(c).and_then(|d| char::from_digit(d, 10)))
        .collect();
    digits.filter(|d| d.len() == 4 || d.len() == 2)
}

/// A month or day: "01", "１２", "十一", "二十三", "三十".
fn small_number(run: &str) -> Option<String> {
    let chars: Vec<char> = run.chars().collect();
    let value = if let Some(pos) = chars.iter().position(|&c| c == '十') {
        let tens = match &chars[..pos] {
            [] => 1,
            [c] => chinese_digit(*c)?,
            _ => return None,
        };
        let ones = match &chars[pos + 1..] {
            [] => 0,
            [c] => chinese_digit(*c)?,
            _ => return None,
        };
        tens * 10 + ones
    } else {
        chars
            .iter()
            .try_fold(0u32, |acc, &c| Some(acc * 10 + digit_value(c)?))?
    };
    (1..=31).contains(&value).then(|| value.to_string())
}

/// Moves a byte offset of the old text to the new text after `replacements`.
/// An offset inside a replaced run goes to the end of its replacement.
pub fn map_offset(offset: usize, replacements: &[(Range<usize>, String)]) -> usize {
    let mut shift: isize = 0;
    for (range, new) in replacements {
        if range.end <= offset {
            shift += new.len() as isize - range.len() as isize;
        } else if range.start < offset {
            return (range.start as isize + shift) as usize + new.len();
        } else {
            break;
        }
    }
    (offset as isize + shift) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_title_stays_on_one_line() {
        assert_eq!(
            balance_title("XX镇2023年工作总结", 20),
            vec!["XX镇2023年工作总结"]
        );
    }

    #[test]
    fn long_title_breaks_near_the_middle_at_a_natural_point() {
        let title = "XX镇人民政府2023年工作总结及2024年工作计划";
        let lines = balance_title(title, 20);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.concat(), title);
        assert!(
            lines[0].ends_with("2023年") || lines[0].ends_with('及') || lines[0].ends_with("总结"),
            "{lines:?}"
        );

        let title = "关于印发全县安全生产专项整治三年行动实施方案的通知";
        let lines = balance_title(title, 20);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.concat(), title);
        // Between two words, not inside 安全生产/专项整治/三年行动/实施方案.
        assert!(
            [
                "关于印发全县",
                "关于印发全县安全生产",
                "关于印发全县安全生产专项整治",
                "关于印发全县安全生产专项整治三年行动"
            ]
            .contains(&lines[0].as_str()),
            "{lines:?}"
        );
    }

    #[test]
    fn year_stays_with_what_it_dates() {
        let lines = balance_title("2023年工作总结及2024年工作计划汇编（9篇）", 20);
        assert_eq!(lines, vec!["2023年工作总结及", "2024年工作计划汇编（9篇）"]);
        let lines = balance_title("XX市XX区人民政府关于2023年法治政府建设情况的报告", 20);
        assert_eq!(
            lines,
            vec!["XX市XX区人民政府关于2023年", "法治政府建设情况的报告"]
        );
        // Nineteen and twenty cells fit on one line.
        assert_eq!(
            balance_title("区粮食局2023年工作总结及2024年工作计划", 20).len(),
            1
        );
        assert_eq!(
            balance_title("镇2023年法治建设工作总结和2024年工作计划", 20).len(),
            1
        );
    }

    #[test]
    fn break_falls_between_words() {
        let title = "县发展和改革局关于2023年度重点项目建设情况及下一步工作打算的报告";
        let lines = balance_title(title, 20);
        assert_eq!(
            lines,
            vec![
                "县发展和改革局关于2023年度重点项目",
                "建设情况及下一步工作打算的报告"
            ]
        );
    }

    #[test]
    fn break_never_splits_a_number() {
        let title = "县发展和改革局关于2023年度重点项目建设情况及下一步工作打算的报告";
        let lines = balance_title(title, 20);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.concat(), title);
        for l in &lines {
            assert!(cells(l) <= 20.0, "{l}");
            assert!(
                !l.starts_with(|c: char| c.is_ascii_digit()) || l.starts_with("2023"),
                "{l}"
            );
        }
        let widths: Vec<f32> = lines.iter().map(|l| cells(l)).collect();
        let spread = widths.iter().cloned().fold(0.0, f32::max)
            - widths.iter().cloned().fold(f32::MAX, f32::min);
        assert!(spread <= 8.0, "balanced: {lines:?}");
    }

    #[test]
    fn dates_lose_zero_padding_and_chinese_numerals() {
        assert_eq!(normalize_date("2023年01月03日").0, "2023年1月3日");
        assert_eq!(normalize_date("2023年11月30日").0, "2023年11月30日");
        assert_eq!(normalize_date("二〇二三年十一月三日").0, "2023年11月3日");
        assert_eq!(normalize_date("二〇二四年一月二十六日").0, "2024年1月26日");
        assert_eq!(normalize_date("２０２３年０１月０９日").0, "2023年1月9日");
        // Placeholders stay as they are.
        assert_eq!(normalize_date("2023年X月X日").0, "2023年X月X日");
        assert_eq!(normalize_date("XX县人民政府").0, "XX县人民政府");
    }

    #[test]
    fn offsets_follow_the_date_rewrite() {
        let old = "2023年01月XX日";
        let (new, reps) = normalize_date(old);
        assert_eq!(new, "2023年1月XX日");
        let xx = old.find("XX").unwrap();
        let moved = map_offset(xx, &reps);
        assert_eq!(&new[moved..moved + 2], "XX");
        assert_eq!(map_offset(old.len(), &reps), new.len());
    }
}
