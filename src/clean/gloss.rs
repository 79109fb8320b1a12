//! Pinyin glosses a site put after a character: 砼[tón], 總結(jié), 户厕(cè). A gloss is a
//! bracket right after a Han character holding only pinyin: syllables with tone marks
//! (even cut short, like "tón"), or plain syllables with a tone digit or of two letters or
//! more. Real parentheses — （1）, (EOD), （试行）, (PM2.5), (kg) — are never glosses.
//! Pure text in, ranges out; no dependency on egui.

use crate::model::ByteRange;

const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

const FINALS: &[&str] = &[
    "a", "o", "e", "i", "u", "v", "ü", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong",
    "er", "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui",
    "uan", "un", "uang", "ue", "üe", "ve",
];

/// Plain syllables that are more often English or units than a gloss: 公顷(ha).
const PLAIN_EXCLUDED: &[&str] = &[
    "a", "an", "in", "he", "me", "we", "ha", "pa", "ma", "de", "le", "ne", "er", "e", "o",
];

/// Vowels with tone marks and the plain vowel they stand for.
const TONED: &[(char, char)] = &[
    ('ā', 'a'),
    ('á', 'a'),
    ('ǎ', 'a'),
    ('à', 'a'),
    ('ē', 'e'),
    ('é', 'e'),
    ('ě', 'e'),
    ('è', 'e'),
    ('ī', 'i'),
    ('í', 'i'),
    ('ǐ', 'i'),
    ('ì', 'i'),
    ('ō', 'o'),
    ('ó', 'o'),
    ('ǒ', 'o'),
    ('ò', 'o'),
    ('ū', 'u'),
    ('ú', 'u'),
    ('ǔ', 'u'),
    ('ù', 'u'),
    ('ǖ', 'ü'),
    ('ǘ', 'ü'),
    ('ǚ', 'ü'),
    ('ǜ', 'ü'),
];

const MAX_GLOSS_BYTES: usize = 40;

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// True when `s` (tone marks removed) is a pinyin syllable, or the start of one when
/// `allow_cut` (sites cut glosses short: "tón" for tóng).
fn is_syllable(s: &str, allow_cut: bool) -> bool {
    INITIALS.iter().any(|i| {
        s.strip_prefix(i).is_some_and(|rest| {
            !rest.is_empty()
                && FINALS
                    .iter()
                    .any(|f| *f == rest || (allow_cut && f.starts_with(rest)))
        })
    })
}

/// Whether the text inside a bracket is a pinyin gloss.
fn is_gloss(inner: &str) -> bool {
    let syllables: Vec<&str> = inner.split(' ').collect();
    if syllables.is_empty() || syllables.len() > 4 {
        return false;
    }
    let mut any_tone = false;
    let mut plain = Vec::with_capacity(syllables.len());
    for s in &syllables {
        let (body, digit) = match s.strip_suffix(|c: char| ('1'..='5').contains(&c)) {
            Some(b) => (b, true),
            None => (*s, false),
        };
        let mut base = String::with_capacity(body.len());
        let mut toned = false;
        for c in body.chars() {
            if let Some((_, b)) = TONED.iter().find(|(t, _)| *t == c) {
                toned = true;
                base.push(*b);
            } else if c.is_ascii_lowercase() || c == 'ü' {
                base.push(c);
            } else {
                return false;
            }
        }
        if base.is_empty() || base.chars().count() > 6 {
            return false;
        }
        any_tone |= toned || digit;
        plain.push((base, toned || digit));
    }
    if any_tone {
        plain.iter().all(|(b, t)| is_syllable(b, *t))
    } else {
        plain.iter().all(|(b, _)| {
            b.len() >= 2 && is_syllable(b, false) && !PLAIN_EXCLUDED.contains(&b.as_str())
        })
    }
}

/// Byte ranges of every gloss in `text`, brackets included.
pub fn find(text: &str, out: &mut Vec<ByteRange>) {
    let b = text.as_bytes();
    let start = out.len();
    let mut check = |open: usize, open_len: usize| {
        // Every syllable is lowercase Latin letters (toned or not): most brackets open on
        // a Han character or a digit and are decided here, on one character.
        let from = open + open_len;
        if !text[from..].chars().next().is_some_and(|c| {
            c.is_ascii_lowercase() || c == 'ü' || TONED.iter().any(|(t, _)| *t == c)
        }) {
            return;
        }
        let Some(prev) = text[..open].chars().next_back() else {
            return;
        };
        if !is_han(prev) {
            return;
        }
        let mut to = (from + MAX_GLOSS_BYTES).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let window = &text[from..to];
        let Some((close, c)) = window
            .char_indices()
            .find(|(_, c)| matches!(c, ']' | ')' | '）' | '\n'))
        else {
            return;
        };
        if c == '\n' || close == 0 {
            return;
        }
        if is_gloss(&window[..close]) {
            out.push(open..from + close + c.len_utf8());
        }
    };
    for i in memchr::memchr2_iter(b'[', b'(', b) {
        check(i, 1);
    }
    for i in memchr::memmem::find_iter(b, "（".as_bytes()) {
        check(i, "（".len());
    }
    out[start..].sort_by_key(|r| r.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str) -> String {
        let mut found = Vec::new();
        find(text, &mut found);
        let mut out = String::new();
        let mut pos = 0;
        for r in found {
            out.push_str(&text[pos..r.start]);
            pos = r.end;
        }
        out.push_str(&text[pos..]);
        out
    }

    #[test]
    fn glosses_after_a_character_come_out() {
        assert_eq!(
            strip("医技楼地下层底板砼[tón]浇筑"),
            "医技楼地下层底板砼浇筑"
        );
        assert_eq!(strip("年度總結(jié)报告"), "年度總結报告");
        assert_eq!(strip("改造户厕（cè）1200座"), "改造户厕1200座");
        assert_eq!(strip("工作总结（zǒng jié）"), "工作总结");
        assert_eq!(strip("砼(tong2)"), "砼");
        assert_eq!(strip("氙(xian)灯"), "氙灯");
    }

    #[test]
    fn real_parentheses_stay() {
        for text in [
            "（1）组建了机构",
            "(1)抓好全面从严治党",
            "融合发展EOD项目（EOD）",
            "实施办法（试行）",
            "细颗粒物(PM2.5)浓度",
            "化肥用量(kg)",
            "面积(ha)",
            "文献[1]",
            "选项(a)",
            "咖啡(café)",
            "共产党员网(www)",
            "（五)做好县委交办的工作",
            "工业增值税（退税后）",
            "Word(docx)",
            "砼[]",
            "砼(",
        ] {
            assert_eq!(strip(text), text, "{text}");
        }
    }
}
