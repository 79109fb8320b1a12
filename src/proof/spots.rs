//! One pass over the text that finds the places the word checks look at: where a word of
//! the confusion list (or 截止) may start, and where a mark or function word is typed twice.
//! Each check then reads only around its places, instead of searching the text itself.

use std::sync::OnceLock;

/// The places of one text (byte offsets, in text order).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Spots {
    /// Where a character of [`super::slips::doubled_chars`] follows itself: the first of the two.
    pub doubled: Vec<usize>,
    /// Where a character starts that some word of the confusion list starts with.
    pub words: Vec<usize>,
}

/// A set of characters below U+10000, one bit each.
struct CharSet(Vec<u64>);

impl CharSet {
    fn of(chars: impl Iterator<Item = char>) -> CharSet {
        let mut bits = vec![0u64; 0x10000 / 64];
        for c in chars.filter(|&c| (c as u32) < 0x10000) {
            bits[c as usize / 64] |= 1 << (c as usize % 64);
        }
        CharSet(bits)
    }

    #[inline]
    fn contains(&self, c: char) -> bool {
        let c = c as usize;
        c < 0x10000 && self.0[c / 64] & (1 << (c % 64)) != 0
    }
}

/// (the characters that can be doubled, the first characters of the words, both).
fn sets() -> &'static (CharSet, CharSet, CharSet) {
    static SETS: OnceLock<(CharSet, CharSet, CharSet)> = OnceLock::new();
    SETS.get_or_init(|| {
        let doubled = super::slips::doubled_chars;
        let firsts = super::confusion::first_chars;
        (
            CharSet::of(doubled()),
            CharSet::of(firsts()),
            CharSet::of(doubled().chain(firsts())),
        )
    })
}

/// The places of `text`, found on every core for a large text.
pub fn find(text: &str) -> Spots {
    let parts = crate::par::map_slices(text.as_bytes(), crate::par::PARALLEL_MIN, |r| {
        scan(&text[r.clone()], r.start)
    });
    let mut out = Spots::default();
    for p in parts {
        out.doubled.extend(p.doubled);
        out.words.extend(p.words);
    }
    out
}

/// The places of `slice` (which starts at a line start, or at the start of the text),
/// at `base` in the text. Reads the UTF-8 bytes itself: every character of the sets is
/// three bytes long, so others are only stepped over.
fn scan(slice: &str, base: usize) -> Spots {
    let (doubled, firsts, either) = sets();
    let b = slice.as_bytes();
    let mut out = Spots::default();
    // The previous three-byte character and where it starts.
    let mut prev = (u32::MAX, 0);
    let mut i = 0;
    while i < b.len() {
        let lead = b[i];
        if !(0xE0..0xF0).contains(&lead) || i + 2 >= b.len() {
            i += match lead {
                0xF0.. => 4,
                0xC0.. => 2,
                _ => 1,
            };
            prev.0 = u32::MAX;
            continue;
        }
        let cp = u32::from(lead & 0x0F) << 12
            | u32::from(b[i + 1] & 0x3F) << 6
            | u32::from(b[i + 2] & 0x3F);
        // Below U+10000 and a valid scalar: the text is UTF-8.
        let c = char::from_u32(cp).unwrap_or('\0');
        if either.contains(c) {
            if cp == prev.0 && doubled.contains(c) {
                out.doubled.push(base + prev.1);
            }
            if firsts.contains(c) {
                out.words.push(base + i);
            }
        }
        prev = (cp, i);
        i += 3;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_found_across_the_slices_of_a_large_text() {
        let line = "工作的的部署，统一布署。。截止目前\n";
        let text = line.repeat(crate::par::PARALLEL_MIN / line.len() + 10);
        let s = find(&text);
        let per_line = |v: &[usize]| v.iter().filter(|&&o| o < line.len()).count();
        assert_eq!(per_line(&s.doubled), 2, "的的 and 。。");
        assert!(per_line(&s.words) >= 2, "布 of 布署 and 截 of 截止");
        assert_eq!(s.doubled.len(), 2 * (text.len() / line.len()));
        assert!(s.doubled.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn characters_of_other_lengths_are_stepped_over() {
        let text = "的a的é的的𠀀，，x。布";
        let s = find(text);
        let at = |needle: &str| text.find(needle).unwrap();
        assert_eq!(s.doubled, [at("的的"), at("，，")]);
        assert_eq!(s.words, [at("布")]);
        assert_eq!(find("的的").doubled, [0]);
        assert_eq!(find("的").doubled, Vec::<usize>::new());
    }
}
