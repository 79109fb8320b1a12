//! A gentle check of what was typed for a figure or a date part: is it a number in any
//! usual form (123, 1.5, 1,200, 3.5万, 二十, 10—15, 35%)? The GUI marks an answer that is
//! not; nothing is ever refused. No egui here.

/// What an answer is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Anything goes (names, unknown placeholders).
    Free,
    /// A figure.
    Number,
    /// The year of a date ("XXXX年").
    Year,
    /// The month of a date ("X月").
    Month,
    /// The day of a date ("X日").
    Day,
}

/// Why `answer` looks wrong for `check`, said gently (the mark's tooltip); None when it
/// looks right or is empty.
pub fn check_answer(answer: &str, check: Check) -> Option<&'static str> {
    let a = answer.trim();
    if a.is_empty() {
        return None;
    }
    match check {
        Check::Free => None,
        Check::Number => (!is_number(a)).then_some("这里要填数字，这个答案看起来不是数字"),
        Check::Year => match small_value(a) {
            Some(y) if (1900..=2100).contains(&y) => None,
            _ => Some("年份一般是四位数字，如 2024"),
        },
        Check::Month => match small_value(a) {
            Some(m) if (1..=12).contains(&m) => None,
            _ => Some("月份应在 1 到 12 之间"),
        },
        Check::Day => match small_value(a) {
            Some(d) if (1..=31).contains(&d) => None,
            _ => Some("日期应在 1 到 31 之间"),
        },
    }
}

/// A figure in any usual form: digits with a decimal point or thousands commas, Chinese
/// numerals, a magnitude (万/亿), a percent sign, a range (10—15) or "约/近/余" around it.
fn is_number(a: &str) -> bool {
    let a = a.trim_start_matches(['约', '近', '超', '逾', '达', '共']);
    // A range: two figures joined by a dash, a tilde or 至/到.
    let dashes = ['—', '–', '-', '~', '～', '至', '到', '－'];
    if let Some((i, c)) = a.char_indices().skip(1).find(|&(_, c)| dashes.contains(&c)) {
        let (left, right) = (&a[..i], a[i + c.len_utf8()..].trim_start_matches('—'));
        return is_single(left) && is_single(right);
    }
    is_single(a)
}

fn is_single(a: &str) -> bool {
    let a = a.trim();
    let a = a.strip_prefix(['-', '－', '+', '负']).unwrap_or(a);
    let a = a.trim_end_matches(['%', '％', '‰']);
    let a = a.trim_end_matches(['余', '多', '左', '右']);
    let a = a.trim_end_matches(['万', '亿', '千', '百']);
    let a = a.trim_end_matches(['余', '多']);
    if a.is_empty() {
        return false;
    }
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if a.chars().any(digit) {
        // 1,200 / 1，200 / 1.5 / １２０ / 3/4
        let mut points = 0;
        for c in a.chars() {
            match c {
                c if digit(c) => {}
                '.' | '．' => points += 1,
                ',' | '，' | '/' => {}
                _ => return false,
            }
        }
        return points <= 1 && a.starts_with(digit) && a.ends_with(digit);
    }
    // 二十, 三百五十, 两千, 一点五, 三分之一
    let a = a.replace("分之", "");
    a.chars()
        .all(|c| "零〇一二两三四五六七八九十百千万亿点".contains(c))
}

/// The value of a small whole number written in digits or Chinese numerals (2024, 06,
/// 十二, 二〇二四, 三十一).
fn small_value(a: &str) -> Option<u32> {
    let a = a.trim_start_matches('0');
    if a.is_empty() {
        return Some(0);
    }
    let ascii: String = a
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if ascii.chars().all(|c| c.is_ascii_digit()) {
        return ascii.parse().ok().filter(|_| ascii.len() <= 4);
    }
    let digit = |c: char| "〇一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    // 二〇二四: one numeral a digit.
    if a.chars().count() == 4 && a.chars().all(|c| digit(c).is_some()) {
        return a.chars().try_fold(0, |n, c| Some(n * 10 + digit(c)?));
    }
    // Up to 九十九: [tens]十[units].
    match a.split_once('十') {
        Some((tens, units)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                single(tens, digit)?
            };
            let units = if units.is_empty() {
                0
            } else {
                single(units, digit)?
            };
            Some(tens * 10 + units)
        }
        None => single(a, digit),
    }
}

fn single(s: &str, digit: impl Fn(char) -> Option<u32>) -> Option<u32> {
    let mut chars = s.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    digit(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_figures_pass_and_words_are_marked() {
        for ok in [
            "123",
            "1.5",
            "1,200",
            "1，200",
            "3.5万",
            "二十",
            "三百五十",
            "10—15",
            "10-15",
            "10～15",
            "35%",
            "约120",
            "20余",
            "１２０",
            "两千",
            "1.2万亿",
            "三分之一",
        ] {
            assert_eq!(check_answer(ok, Check::Number), None, "{ok}");
        }
        for bad in ["临川", "很多", "1.2.3", "abc", "十来个人", "12个"] {
            assert!(check_answer(bad, Check::Number).is_some(), "{bad}");
        }
        assert_eq!(
            check_answer("", Check::Number),
            None,
            "an empty field is not marked"
        );
        assert_eq!(check_answer("临川", Check::Free), None);
    }

    #[test]
    fn date_parts_are_checked_against_their_unit() {
        assert_eq!(check_answer("2024", Check::Year), None);
        assert_eq!(check_answer("二〇二四", Check::Year), None);
        assert!(check_answer("24", Check::Year).is_some());
        assert_eq!(check_answer("12", Check::Month), None);
        assert_eq!(check_answer("十二", Check::Month), None);
        assert_eq!(check_answer("06", Check::Month), None);
        assert!(check_answer("13", Check::Month).is_some());
        assert_eq!(check_answer("三十一", Check::Day), None);
        assert!(check_answer("32", Check::Day).is_some());
        assert!(check_answer("月底", Check::Day).is_some());
    }
}
