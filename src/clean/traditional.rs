//! Traditional characters to simplified ones, for compilations a site published converted:
//! the `traditional_to_simplified` rule. Off by default; [`auto_enable`] switches it on
//! when most of a text is traditional. The conversion is OpenCC's (ferrous-opencc, its
//! tables embedded in the binary): phrase by phrase, then character by character, so that
//! 頭髮 becomes 头发 and 乾淨 干净 while 乾坤 stays 乾坤, which one table of characters
//! cannot do. No dependency on egui; nothing is read at run time.

use super::RuleSet;
use super::rules::ids;
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::ops::Range;
use std::sync::LazyLock;

/// The converter, built once. None only if the embedded tables failed to load, which the
/// tests rule out: the rule then changes nothing.
static T2S: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).ok());

/// How much of the text the script check reads: its start, cut at a character boundary.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Fewest traditional characters before a text counts as traditional.
const MIN_TRADITIONAL: usize = 20;

/// Share of the Han characters, in percent, that traditional text writes differently from
/// simplified text: about a quarter of running text (們 這 會 發 國 為 …), and none in a
/// simplified one. A text at or above this is mostly traditional.
const TRADITIONAL_PERCENT: usize = 12;

/// Whether most of `text` is written in traditional characters: in its first 64 KB, the
/// characters the conversion changes are at least [`TRADITIONAL_PERCENT`] of the Han ones.
pub fn is_mostly_traditional(text: &str) -> bool {
    let Some(t2s) = T2S.as_ref() else {
        return false;
    };
    let sample = sample(text);
    // Converting the sample costs milliseconds: a folder of small files spent most of its
    // time here. The characters the conversion changes on their own are counted first;
    // a text with less than half the share of them is simplified, whatever its phrases.
    let (han, alone) = count_han(sample);
    if han < MIN_TRADITIONAL {
        return false;
    }
    if alone < MIN_TRADITIONAL || alone * 100 * 2 < han * TRADITIONAL_PERCENT {
        return false;
    }
    converts_enough(t2s, sample, han)
}

/// The start of `text` the script check reads.
fn sample(text: &str) -> &str {
    &text[..crate::edit::floor_boundary(text, SAMPLE_BYTES.min(text.len()))]
}

/// The Han characters of `text` ([`crate::junk::is_han`]) and those of them the conversion
/// changes on their own ([`changes_alone`]). Read byte by byte, not char by char: every file
/// of a folder is read here (5–6% of a folder's `clean` -> 4%; the same counts, a test
/// compares them).
fn count_han(text: &str) -> (usize, usize) {
    let bits = CHANGES_ALONE.as_slice();
    let b = text.as_bytes();
    let (mut han, mut alone, mut i) = (0, 0, 0);
    while i < b.len() {
        let lead = b[i];
        // ASCII, a two-byte character or a continuation byte: never Han.
        if lead < 0xE0 {
            i += 1;
            continue;
        }
        // `text` is UTF-8: a lead byte is followed by its continuation bytes.
        let cont = |k: usize| u32::from(b[i + k] & 0x3F);
        if lead < 0xF0 {
            let c = (u32::from(lead & 0x0F) << 12) | (cont(1) << 6) | cont(2);
            if matches!(c, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF) {
                han += 1;
                let k = (c - ALONE_FIRST) as usize;
                alone += usize::from(bits[k / 64] >> (k % 64) & 1 == 1);
            }
            i += 3;
        } else {
            let c = (u32::from(lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
            // Beyond the BMP: outside the table, counted as changing (see changes_alone).
            if (0x20000..=0x2FA1F).contains(&c) {
                han += 1;
                alone += 1;
            }
            i += 4;
        }
    }
    (han, alone)
}

/// Whether converting `sample` changes at least the traditional share of its `han` Han
/// characters.
fn converts_enough(t2s: &OpenCC, sample: &str, han: usize) -> bool {
    let converted = t2s.convert(sample);
    // Phrases keep their length in characters but for a handful: counted side by side.
    let changed = sample
        .chars()
        .zip(converted.chars())
        .filter(|(x, y)| x != y)
        .count();
    changed >= MIN_TRADITIONAL && changed * 100 >= han * TRADITIONAL_PERCENT
}

/// The Han characters of the BMP's main blocks, from U+3400, that [`T2S`] changes on their
/// own, one bit each: found once by converting them all, a line each.
static CHANGES_ALONE: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let chars: Vec<char> = (ALONE_FIRST..=ALONE_LAST)
        .filter_map(char::from_u32)
        .filter(|&c| crate::junk::is_han(c))
        .collect();
    let mut bits = vec![0u64; (ALONE_LAST - ALONE_FIRST) as usize / 64 + 1];
    let Some(t2s) = T2S.as_ref() else { return bits };
    let mut all = String::with_capacity(chars.len() * 4);
    for &c in &chars {
        all.push(c);
        all.push('\n');
    }
    for (&c, converted) in chars.iter().zip(t2s.convert(&all).split('\n')) {
        if converted.chars().ne(std::iter::once(c)) {
            let i = (c as u32 - ALONE_FIRST) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

const ALONE_FIRST: u32 = 0x3400;
const ALONE_LAST: u32 = 0xFAFF;

/// Whether the conversion changes the Han character `c` standing alone; true for every one
/// outside the table (beyond the BMP), so that the count errs towards converting.
#[cfg(test)]
fn changes_alone(c: char) -> bool {
    let Some(i) = (c as u32)
        .checked_sub(ALONE_FIRST)
        .filter(|_| c as u32 <= ALONE_LAST)
    else {
        return true;
    };
    let i = i as usize;
    CHANGES_ALONE[i / 64] >> (i % 64) & 1 == 1
}

/// Switches the rule on when most of `text` is traditional and it is off; returns the notice
/// to show the user, or None when nothing changed.
pub fn auto_enable(rules: &mut RuleSet, text: &str) -> Option<String> {
    if rules.is_enabled(ids::TRADITIONAL) || !is_mostly_traditional(text) {
        return None;
    }
    rules.set_enabled(ids::TRADITIONAL, true);
    Some("这份文件大部分是繁体字，已自动打开“繁体字转为简体字”规则（可在清理规则中关闭）".into())
}

/// The conversions in `text`: byte ranges and their simplified text, in order. A line is
/// converted as a whole (phrases do not cross lines) and each run of changed characters
/// becomes one edit; a line whose length in characters changes is one edit.
pub fn find(text: &str, out: &mut Vec<(Range<usize>, String)>) {
    let Some(t2s) = T2S.as_ref() else { return };
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let at = start;
        start += line.len();
        // Only lines with a character outside ASCII can change.
        if line.is_ascii() {
            continue;
        }
        let converted = t2s.convert(line);
        if converted == line {
            continue;
        }
        if line.chars().count() != converted.chars().count() {
            let end = line.trim_end_matches('\n').len();
            let new = converted.trim_end_matches('\n').to_string();
            out.push((at..at + end, new));
            continue;
        }
        let mut run: Option<(usize, usize, String)> = None;
        for ((i, a), b) in line.char_indices().zip(converted.chars()) {
            if a != b {
                let r = run.get_or_insert_with(|| (at + i, at + i, String::new()));
                r.1 = at + i + a.len_utf8();
                r.2.push(b);
            } else if let Some((s, e, new)) = run.take() {
                out.push((s..e, new));
            }
        }
        if let Some((s, e, new)) = run.take() {
            out.push((s..e, new));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(text: &str) -> String {
        let mut found = Vec::new();
        find(text, &mut found);
        let mut out = String::new();
        let mut pos = 0;
        for (r, new) in found {
            out.push_str(&text[pos..r.start]);
            out.push_str(&new);
            pos = r.end;
        }
        out.push_str(&text[pos..]);
        out
    }

    #[test]
    fn words_are_converted_as_words() {
        assert_eq!(convert("她的頭髮很乾淨。\n"), "她的头发很干净。\n");
        assert_eq!(convert("扭轉乾坤\n"), "扭转乾坤\n");
        assert_eq!(
            convert("XX區衛生健康局2023年工作總結\n"),
            "XX区卫生健康局2023年工作总结\n"
        );
        // Simplified text and ASCII are left as they are.
        let simplified = "一、主要工作\n今年以来，我们扎实推进各项工作。\nabc\n";
        assert_eq!(convert(simplified), simplified);
    }

    #[test]
    fn the_script_check_reads_most_of_the_text() {
        let traditional = "今年以來，我們堅持以人民為中心，紮實推進鄉村振興、基層治理和營商環境建設，\
                           各項工作取得新進展。全縣共發放補貼資金三千萬元，群眾滿意度進一步提升。\n";
        assert!(is_mostly_traditional(traditional));
        let simplified = "今年以来，我们坚持以人民为中心，扎实推进乡村振兴、基层治理和营商环境建设，\
                          各项工作取得新进展。全县共发放补贴资金三千万元，群众满意度进一步提升。\n";
        assert!(!is_mostly_traditional(simplified));
        // A simplified text quoting a few traditional words stays simplified.
        let quoting = format!("{simplified}题字“為人民服務”。\n");
        assert!(!is_mostly_traditional(&quoting));
        let mut rules = RuleSet::default();
        assert!(!rules.is_enabled(ids::TRADITIONAL), "off by default");
        assert!(auto_enable(&mut rules, simplified).is_none());
        assert!(auto_enable(&mut rules, traditional).is_some());
        assert!(rules.is_enabled(ids::TRADITIONAL));
        assert!(auto_enable(&mut rules, traditional).is_none(), "already on");
    }

    /// The decision as made by converting the whole sample, without the count of the
    /// characters that change alone.
    fn by_converting(text: &str) -> bool {
        let sample = sample(text);
        let han = sample.chars().filter(|&c| crate::junk::is_han(c)).count();
        han >= MIN_TRADITIONAL && converts_enough(T2S.as_ref().unwrap(), sample, han)
    }

    /// Counting first decides every mix of simplified and traditional lines as converting
    /// the sample does, up to the share where the text turns traditional.
    #[test]
    fn counting_first_decides_as_converting() {
        let simplified = "今年以来，我们坚持以人民为中心，扎实推进乡村振兴、基层治理和营商环境建设，\
                          各项工作取得新进展。全县共发放补贴资金三千万元，群众满意度进一步提升。\n";
        let traditional = "今年以來，我們堅持以人民為中心，紮實推進鄉村振興、基層治理和營商環境建設，\
                           各項工作取得新進展。全縣共發放補貼資金三千萬元，群眾滿意度進一步提升。\n";
        let mut decided = Vec::new();
        for traditional_lines in 0..=20 {
            let text: String = (0..20)
                .map(|i| {
                    if i < traditional_lines {
                        traditional
                    } else {
                        simplified
                    }
                })
                .collect();
            assert_eq!(is_mostly_traditional(&text), by_converting(&text), "{text}");
            decided.push(is_mostly_traditional(&text));
        }
        assert!(!decided[0] && decided[20]);
        // Single characters that the conversion changes alone are known as such.
        assert!(changes_alone('們') && changes_alone('髮') && !changes_alone('们'));
        assert!(!changes_alone('国') && changes_alone('國'));
        // Counting byte by byte counts what reading each character would.
        let mixed =
            "A們们é国國\u{3400}\u{4DBF}\u{F900}\u{FAFF}\u{20000}\u{2FA1F}\u{2FA20}😀，。髮\n";
        for text in [mixed.to_string(), mixed.repeat(50), text_of_fixtures()] {
            let by_char = text
                .chars()
                .filter(|&c| crate::junk::is_han(c))
                .fold((0, 0), |(han, alone), c| {
                    (han + 1, alone + usize::from(changes_alone(c)))
                });
            assert_eq!(count_han(&text), by_char);
        }
        // And so is every text fixture, the traditional ones among them.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut seen = 0;
        for dir in [root.clone(), root.join("genres"), root.join("unseen")] {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if path.extension().is_some_and(|e| e == "txt") {
                    let decided = is_mostly_traditional(&text);
                    assert_eq!(decided, by_converting(&text), "{}", path.display());
                    seen += usize::from(decided);
                }
            }
        }
        assert!(seen >= 1, "a traditional fixture was decided traditional");
    }

    /// Every text fixture, one after another.
    fn text_of_fixtures() -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        [root.clone(), root.join("genres"), root.join("unseen")]
            .iter()
            .flat_map(|d| std::fs::read_dir(d).unwrap())
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect()
    }
}
