//! Systematic substitution: a report (or a whole text) that writes one character X where
//! another, Y, is meant, throughout, as sites garble text by remapping a font.
//!
//! The evidence, for each report: occurrences of X whose neighbours make no word with it
//! (neither in the word list nor anywhere else in the compilation) while Y in its place
//! makes a word of the list or a pairing the other reports use; Y absent or rare in the
//! report; several different contexts agreeing. The pair found, every occurrence of X in
//! the report whose surroundings read better with Y is proposed, so genuine words with X
//! (生态, 状态) stay: the word list decides.

use super::dict::{Dict, is_han, pair_key};
use crate::model::ByteRange;
use std::collections::{HashMap, HashSet};

type Hasher = foldhash::fast::FixedState;
type Map<K, V> = HashMap<K, V, Hasher>;
type Set<K> = HashSet<K, Hasher>;

/// Fewest different contexts in which Y must mend X before the pair is proposed.
const MIN_CONTEXTS: usize = 3;
/// Fewest occurrences of X that Y must mend.
const MIN_SITES: usize = 3;
/// A character the word list has seen this often as a word of its own (的, 和, 了, 等)
/// stands alone by nature: its making no word with its neighbours is no sign of a garble.
const STANDALONE: u32 = 50_000;
/// How often the word list must have seen a word for it to mend a stray character.
const COMMON: u32 = 50;
/// X must make no word in at least 1 of every `MAX_WORD_SHARE` of its occurrences.
const MAX_WORD_SHARE: usize = 3;
/// How much likelier (as ln) a stretch must read with Y than with X to be changed when the
/// occurrence was not itself part of the evidence.
const MARGIN: f64 = std::f64::consts::LN_2;

const SIMILAR: &str = include_str!("data/similar.txt");

/// One pair found in one stretch of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Swap {
    pub wrong: char,
    pub right: char,
    /// The stretch (a report, or the whole text) the pair holds in.
    pub scope: ByteRange,
    /// Occurrences of `wrong` to change, each the byte range of that one character.
    pub sites: Vec<ByteRange>,
    /// How often `right` occurs in the stretch.
    pub right_count: usize,
    /// Occurrences of `wrong` that make no word where `right` does.
    pub mended: usize,
    /// Whether the other reports use `right` in those contexts (rather than only the word
    /// list knowing the words).
    pub others_agree: bool,
}

impl Swap {
    /// The evidence, as the user reads it.
    pub fn evidence(&self) -> String {
        let (x, y) = (self.wrong, self.right);
        let tail = if self.others_agree {
            format!("其他各篇此处用“{y}”")
        } else {
            format!("换成“{y}”即成词")
        };
        format!(
            "本篇“{y}”出现 {} 次，“{x}”在 {} 处不成词，{tail}",
            self.right_count,
            self.sites.len()
        )
    }
}

/// A character's class as a neighbour: digits are one class; Han characters are
/// themselves; anything else says nothing about the words around it.
fn class(c: char) -> Option<char> {
    if c.is_ascii_digit() || ('０'..='９').contains(&c) {
        Some('0')
    } else if is_han(c) {
        Some(c)
    } else {
        None
    }
}

/// Counts of neighbouring pairs (by [`class`], one of them Han) in a text.
#[derive(Default)]
struct Pairs {
    counts: Map<u64, u32>,
}

impl Pairs {
    fn of(chars: &[(usize, char)]) -> Pairs {
        let mut p = Pairs::default();
        for w in chars.windows(2) {
            if let (Some(a), Some(b)) = (class(w[0].1), class(w[1].1))
                && (is_han(a) || is_han(b))
                && w[0].0 + w[0].1.len_utf8() == w[1].0
            {
                *p.counts.entry(pair_key(a, b)).or_insert(0) += 1;
            }
        }
        p
    }

    fn get(&self, a: char, b: char) -> u32 {
        self.counts.get(&pair_key(a, b)).copied().unwrap_or(0)
    }
}

/// The pairs of the similar-character table, both ways.
fn similar() -> &'static Map<char, Vec<char>> {
    static TABLE: std::sync::OnceLock<Map<char, Vec<char>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: Map<char, Vec<char>> = Map::default();
        for line in SIMILAR.lines() {
            let line = line.split('#').next().unwrap_or("");
            let cs: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
            if let [a, b] = cs[..] {
                m.entry(a).or_default().push(b);
                m.entry(b).or_default().push(a);
            }
        }
        m
    })
}

/// The characters of the table that may stand for `c`.
pub fn similar_to(c: char) -> &'static [char] {
    similar().get(&c).map_or(&[], |v| v)
}

/// The compilation's pairs, and who follows or precedes whom in them.
struct Compilation {
    pairs: Pairs,
    followers: Map<char, Vec<char>>,
    leaders: Map<char, Vec<char>>,
}

impl Compilation {
    fn of(chars: &[(usize, char)]) -> Compilation {
        let pairs = Pairs::of(chars);
        let mut followers: Map<char, Vec<char>> = Map::default();
        let mut leaders: Map<char, Vec<char>> = Map::default();
        for &k in pairs.counts.keys() {
            let a = char::from_u32((k >> 21) as u32).unwrap_or('\0');
            let b = char::from_u32((k & 0x1F_FFFF) as u32).unwrap_or('\0');
            followers.entry(a).or_default().push(b);
            leaders.entry(b).or_default().push(a);
        }
        Compilation {
            pairs,
            followers,
            leaders,
        }
    }
}

/// What one stretch knows of a neighbouring pair.
struct Judge<'a> {
    dict: &'a Dict,
    all: &'a Compilation,
    local: &'a Pairs,
}

impl Judge<'_> {
    /// How often the other reports pair `a` with `b` (as classes).
    fn elsewhere(&self, a: char, b: char) -> u32 {
        self.all.pairs.get(a, b) - self.local.get(a, b).min(self.all.pairs.get(a, b))
    }

    /// Whether `a` then `b` is a word or a pairing the other reports use; None when the
    /// pair tells nothing (a neighbour that is neither Han nor a digit).
    fn known(&self, a: Option<char>, b: Option<char>) -> Option<bool> {
        let (a, b) = (a?, b?);
        if !is_han(a) && !is_han(b) {
            return None;
        }
        Some((is_han(a) && is_han(b) && self.dict.is_pair(a, b)) || self.elsewhere(a, b) > 0)
    }

    /// Whether `x` reads as part of a word (or a used pairing) between its neighbours.
    fn fits(
        &self,
        l2: Option<char>,
        l: Option<char>,
        x: char,
        r: Option<char>,
        r2: Option<char>,
    ) -> Fit {
        let triple = |a: Option<char>, b: Option<char>, c: Option<char>| matches!((a, b, c), (Some(a), Some(b), Some(c)) if self.dict.is_triple(a, b, c));
        if triple(l2, l, Some(x)) || triple(l, Some(x), r) || triple(Some(x), r, r2) {
            return Fit::Word;
        }
        let sides = [self.known(l, Some(x)), self.known(Some(x), r)];
        if sides.contains(&Some(true)) {
            Fit::Word
        } else if sides.contains(&Some(false)) {
            Fit::Stray
        } else {
            Fit::Unknown
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Word,
    Stray,
    Unknown,
}

/// The neighbours of position `i` as classes, None past a gap or a non-informative one.
fn around(chars: &[(usize, char)], i: usize) -> [Option<char>; 4] {
    let adjacent = |a: usize, b: usize| chars[a].0 + chars[a].1.len_utf8() == chars[b].0;
    let at = |j: Option<usize>| j.and_then(|j| chars.get(j)).and_then(|&(_, c)| class(c));
    let l = (i > 0 && adjacent(i - 1, i)).then(|| i - 1);
    let l2 = l.filter(|&l| l > 0 && adjacent(l - 1, l)).map(|l| l - 1);
    let r = (i + 1 < chars.len() && adjacent(i, i + 1)).then_some(i + 1);
    let r2 = r
        .filter(|&r| r + 1 < chars.len() && adjacent(r, r + 1))
        .map(|r| r + 1);
    [at(l2), at(l), at(r), at(r2)]
}

/// Whether a Latin letter stands right beside position `i`: a masked name (XX市) or a
/// Latin word hides the word the character belongs to, so it tells nothing.
fn beside_latin(chars: &[(usize, char)], i: usize) -> bool {
    let adjacent = |a: usize, b: usize| chars[a].0 + chars[a].1.len_utf8() == chars[b].0;
    (i > 0 && adjacent(i - 1, i) && chars[i - 1].1.is_ascii_alphabetic())
        || (i + 1 < chars.len() && adjacent(i, i + 1) && chars[i + 1].1.is_ascii_alphabetic())
}

/// Whether the character at `i` makes no word of the word list with its neighbours (None
/// when its neighbours tell nothing).
fn dict_stray(dict: &Dict, chars: &[(usize, char)], i: usize) -> Option<bool> {
    let x = chars[i].1;
    if !is_han(x) || beside_latin(chars, i) {
        return None;
    }
    let [l2, l, r, r2] = around(chars, i);
    let han = |c: Option<char>| c.filter(|&c| is_han(c));
    let (l2, l, r, r2) = (han(l2), han(l), han(r), han(r2));
    if l.is_none() && r.is_none() {
        return None;
    }
    let pair = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if dict.is_pair(a, b));
    let triple = |a: Option<char>, b: Option<char>, c: Option<char>| matches!((a, b, c), (Some(a), Some(b), Some(c)) if dict.is_triple(a, b, c));
    let word = pair(l, Some(x))
        || pair(Some(x), r)
        || triple(l2, l, Some(x))
        || triple(l, Some(x), r)
        || triple(Some(x), r, r2);
    Some(!word)
}

/// For each character, how many of its occurrences [`dict_stray`] judged, and how many of
/// those make no word.
fn stray_counts(dict: &Dict, chars: &[(usize, char)]) -> Map<char, (u32, u32)> {
    let mut m: Map<char, (u32, u32)> = Map::default();
    for i in 0..chars.len() {
        if let Some(stray) = dict_stray(dict, chars, i) {
            let e = m.entry(chars[i].1).or_default();
            e.0 += 1;
            e.1 += u32::from(stray);
        }
    }
    m
}

/// Finds the systematic substitutions of `text`, in each of `scopes` (reports) against
/// the rest, or in the whole text when there is only one scope.
pub fn find(text: &str, scopes: &[ByteRange]) -> Vec<Swap> {
    let dict = Dict::get();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let none = Compilation::of(&[]);
    let no_strays = Map::default();
    // The whole text against the word list alone: a pair garbled in every report (or a
    // text of one report).
    let alone = Everywhere {
        pairs: &none,
        strays: &no_strays,
    };
    let alone = find_in(dict, alone, &chars, 0..text.len(), false);
    if scopes.len() < 2 {
        return alone;
    }
    let all = Compilation::of(&chars);
    let strays = stray_counts(dict, &chars);
    let everywhere = Everywhere {
        pairs: &all,
        strays: &strays,
    };
    let mut out = Vec::new();
    for scope in scopes {
        let lo = chars.partition_point(|&(o, _)| o < scope.start);
        let hi = chars.partition_point(|&(o, _)| o < scope.end);
        out.extend(find_in(
            dict,
            everywhere,
            &chars[lo..hi],
            scope.clone(),
            true,
        ));
    }
    // The word list alone judges a character no single report's evidence explains (one
    // garbled in every report); a report's own evidence comes first.
    for swap in alone {
        if !out.iter().any(|s| s.wrong == swap.wrong) {
            out.push(swap);
        }
    }
    out.sort_by_key(|s| (s.scope.start, s.wrong));
    out
}

/// What one candidate in place of X mends: the stray sites, the pairings that mend them,
/// and whether the other reports agreed.
type Votes = (Vec<usize>, Set<Pairing>, bool);
/// A neighbour on the left (`(l, None)`) or right (`(None, r)`) that Y pairs with.
type Pairing = (Option<char>, Option<char>);

/// What is known of the whole compilation.
#[derive(Clone, Copy)]
struct Everywhere<'a> {
    pairs: &'a Compilation,
    /// [`stray_counts`] of the whole text (empty when there are no other reports).
    strays: &'a Map<char, (u32, u32)>,
}

fn find_in(
    dict: &Dict,
    everywhere: Everywhere,
    chars: &[(usize, char)],
    scope: ByteRange,
    has_others: bool,
) -> Vec<Swap> {
    let all = everywhere.pairs;
    let local = Pairs::of(chars);
    let local_strays = stray_counts(dict, chars);
    let judge = Judge {
        dict,
        all,
        local: &local,
    };
    let mut counts: Map<char, usize> = Map::default();
    for &(_, c) in chars {
        if is_han(c) {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    // Occurrences of each character that make no word, and for each candidate in its
    // place the contexts and sites it mends.
    let mut strays: Map<char, Vec<usize>> = Map::default();
    for (i, &(_, x)) in chars.iter().enumerate() {
        if !is_han(x) {
            continue;
        }
        let [l2, l, r, r2] = around(chars, i);
        if dict.single(x) < STANDALONE
            && !beside_latin(chars, i)
            && judge.fits(l2, l, x, r, r2) == Fit::Stray
        {
            strays.entry(x).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (&x, sites) in &strays {
        if sites.len() < MIN_SITES {
            continue;
        }
        // Candidate → (mended sites, their contexts, whether the other reports agreed).
        let mut votes: Map<char, Votes> = Map::default();
        for &i in sites {
            let [_, l, r, _] = around(chars, i);
            let mut cands: Vec<char> = similar_to(x).to_vec();
            if let Some(l) = l {
                if is_han(l) {
                    cands.extend_from_slice(dict.followers(l));
                }
                cands.extend(all.followers.get(&l).into_iter().flatten());
            }
            if let Some(r) = r {
                if is_han(r) {
                    cands.extend_from_slice(dict.leaders(r));
                }
                cands.extend(all.leaders.get(&r).into_iter().flatten());
            }
            cands.sort_unstable();
            cands.dedup();
            for y in cands {
                if y == x || !is_han(y) {
                    continue;
                }
                // A side mends when Y makes a common word there, or stands beside a
                // number as the other reports write it (168件): the word list decides what
                // a word is, the other reports corroborate.
                let common_word = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if is_han(a) && is_han(b) && dict.pair(a, b) >= COMMON);
                let by_others = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if judge.elsewhere(a, b) >= 2);
                let numeric = |a: Option<char>, b: Option<char>| {
                    (a == Some('0') || b == Some('0')) && by_others(a, b)
                };
                let left = common_word(l, Some(y)) || numeric(l, Some(y));
                let right = common_word(Some(y), r) || numeric(Some(y), r);
                if left || right {
                    let others = by_others(l, Some(y)) || by_others(Some(y), r);
                    let v = votes.entry(y).or_default();
                    v.0.push(i);
                    // The pairings that mend it: a name repeated (弥渡县, 弥安办) mends
                    // with one pairing however often it occurs.
                    if left {
                        v.1.insert((l, None));
                    }
                    if right {
                        v.1.insert((None, r));
                    }
                    v.2 |= others;
                }
            }
        }
        let x_count = counts[&x];
        let local_strays = &local_strays;
        let admissible = |y: char, mended: &[usize], contexts: usize, others_agree: bool| {
            let right_count = counts.get(&y).copied().unwrap_or(0);
            // Enough different contexts…
            mended.len() >= MIN_SITES
                && contexts >= MIN_CONTEXTS
                // …Y absent or rare here…
                && right_count * 3 <= mended.len()
                // …most of X's stray occurrences mended by it, and X mostly stray here…
                && mended.len() * 2 >= sites.len()
                && sites.len() * MAX_WORD_SHARE >= x_count
                // …with no other reports to compare with, only a garble of nearly every X,
                // with Y all but absent, is told from a character that the word list
                // pairs differently (我县 is no entry of it, 我军 is)…
                && (has_others || (sites.len() * 3 >= x_count * 2 && right_count * 10 <= mended.len()))
                // …and a character the rest of the compilation (or the word list) uses.
                && if has_others {
                    others_agree
                } else {
                    dict.single(y) > 0 || !dict.followers(y).is_empty()
                }
        };
        // Among the candidates that mend nearly the most, the one in whose place the
        // report reads best by the word list; a runner-up far behind (兵 where 作 is still
        // in use) is no evidence.
        let most = votes.values().map(|v| v.0.len()).max().unwrap_or(0);
        let occurrences: Vec<usize> = (0..chars.len()).filter(|&i| chars[i].1 == x).collect();
        let Some((y, (mended, _, others_agree))) = votes
            .into_iter()
            .filter(|(y, (m, c, o))| m.len() * 5 >= most * 4 && admissible(*y, m, c.len(), *o))
            .map(|v| {
                let better = occurrences
                    .iter()
                    .filter(|&&i| reads_better(dict, chars, i, x, v.0))
                    .count();
                (better, v)
            })
            .max_by_key(|(better, (y, (m, _, _)))| (*better, m.len(), std::cmp::Reverse(*y)))
            .map(|(_, v)| v)
        else {
            continue;
        };
        let right_count = counts.get(&y).copied().unwrap_or(0);
        // X garbled here only: where the other reports make no word with X as often, it is
        // a character that often stands alone (共, 县), not a garble.
        if let Some(&(judged, stray)) = everywhere.strays.get(&x) {
            let (here_judged, here_stray) = local_strays.get(&x).copied().unwrap_or_default();
            let (judged, stray) = (judged - here_judged, stray - here_stray);
            let here_rate = f64::from(here_stray) / f64::from(here_judged.max(1));
            if judged >= 5 && f64::from(stray) / f64::from(judged) * 2.0 >= here_rate {
                continue;
            }
        }
        let mended_set: Set<usize> = mended.iter().copied().collect();
        let mut swap_sites = Vec::new();
        for (i, &(o, c)) in chars.iter().enumerate() {
            if c != x {
                continue;
            }
            if mended_set.contains(&i) || reads_better(dict, chars, i, x, y) {
                swap_sites.push(o..o + c.len_utf8());
            }
        }
        out.push(Swap {
            wrong: x,
            right: y,
            scope: scope.clone(),
            sites: swap_sites,
            right_count,
            mended: mended.len(),
            others_agree,
        });
    }
    out.sort_by_key(|s| (s.scope.start, s.wrong));
    out
}

/// Whether the run of Han characters around position `i` (three each side at most) reads
/// likelier with every `x` in it written `y`.
fn reads_better(dict: &Dict, chars: &[(usize, char)], i: usize, x: char, y: char) -> bool {
    let adjacent = |a: usize, b: usize| chars[a].0 + chars[a].1.len_utf8() == chars[b].0;
    let mut lo = i;
    while lo > 0 && i - lo < 3 && is_han(chars[lo - 1].1) && adjacent(lo - 1, lo) {
        lo -= 1;
    }
    let mut hi = i + 1;
    while hi < chars.len() && hi - i <= 3 && is_han(chars[hi].1) && adjacent(hi - 1, hi) {
        hi += 1;
    }
    let run: Vec<char> = chars[lo..hi].iter().map(|&(_, c)| c).collect();
    let swapped: Vec<char> = run.iter().map(|&c| if c == x { y } else { c }).collect();
    dict.score(&swapped) > dict.score(&run) + MARGIN
}
