//! Systematic substitution: a report (or a whole text) that writes one character X where
//! another, Y, is meant, throughout, as sites garble text by remapping a font.
//!
//! The evidence, for each report: occurrences of X whose neighbours make no word with it
//! (neither in the word list nor anywhere else in the compilation) while Y in its place
//! makes a word of the list or a pairing the other reports use; Y absent or rare in the
//! report; several different contexts agreeing. The pair found, every occurrence of X in
//! the report whose surroundings read better with Y is proposed, so genuine words with X
//! (生态, 状态) stay: the word list decides.
//!
//! A garble spread over several short reports, none with evidence enough alone, is judged
//! on the pooled evidence of the reports holding X's stray sites that Y mends, against the
//! other reports: Y rare in the pool, X mostly stray there, its pairings unseen outside it,
//! and the other reports using Y in at least two of those contexts. Traditional forms
//! (and reports mostly in traditional characters) are never evidence: the word list is in
//! simplified characters.
//!
//! How it runs: one pass over the text (on every core) counts the neighbouring pairs, with
//! the reports they occur in, and lists the suspects: characters that make no word of the
//! list with either neighbour. Only the suspects are looked at again, report by report (on
//! every core); a report's census (how often a character occurs in it) is taken only when
//! one of its suspects has a candidate that could pass on the evidence that costs nothing.

use super::dict::{COMMON, Dict, is_han, pair_key};
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
    /// How many reports the evidence was pooled from (1: the pair holds in one report, or
    /// the whole text was judged alone).
    pub reports: usize,
}

impl Swap {
    /// The evidence, as the user reads it.
    pub fn evidence(&self) -> String {
        let (x, y) = (self.wrong, self.right);
        if self.reports > 1 {
            return format!(
                "“{x}”在 {} 篇中共 {} 处不成词，这几篇“{y}”出现 {} 次，其他各篇此处用“{y}”",
                self.reports,
                self.sites.len(),
                self.right_count
            );
        }
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

/// A digit (as [`class`] gives it) or a Chinese numeral.
fn is_numeral(c: char) -> bool {
    c == '0' || "〇零一二三四五六七八九十百千万两".contains(c)
}

/// `c` in simplified characters, by OpenCC's conversion (None without the converter).
fn simplified(c: char) -> Option<String> {
    static T2S: std::sync::LazyLock<Option<ferrous_opencc::OpenCC>> =
        std::sync::LazyLock::new(|| {
            ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s).ok()
        });
    Some(T2S.as_ref()?.convert(c.encode_utf8(&mut [0; 4])))
}

/// Whether `a` and `b` are one character in two scripts (開 and 开, 發 and 髮 and 发), by
/// OpenCC's conversion to simplified characters: a traditional text, or a traditional
/// word in a simplified one, is no garble of the simplified text.
fn same_character(a: char, b: char) -> bool {
    simplified(a).is_some_and(|s| Some(s) == simplified(b))
}

/// Whether `c` is a traditional form (OpenCC writes it otherwise in simplified text): the
/// word list, in simplified characters, knows no word with it, so its making none is no
/// sign of a garble, nor is a fix to it one.
fn is_traditional(c: char) -> bool {
    simplified(c).is_some_and(|s| s.chars().ne(std::iter::once(c)))
}

/// Whether a stretch of text is mostly written in traditional characters, which the word
/// list cannot judge.
fn traditional_text(text: &str) -> bool {
    crate::clean::traditional::is_mostly_traditional(text)
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

/// A character and the characters around it, two each side, None past the ends of the
/// stretch looked at.
#[derive(Debug, Clone, Copy)]
struct Window {
    l2: Option<char>,
    l: Option<char>,
    x: char,
    r: Option<char>,
    r2: Option<char>,
}

impl Window {
    /// The window of the character at byte `at`, seeing only the text inside `bounds`.
    fn at(text: &str, at: usize, bounds: &ByteRange) -> Window {
        let mut before = text[bounds.start..at].chars().rev();
        let mut after = text[at..bounds.end].chars();
        let x = after.next().unwrap_or('\0');
        let (l, l2) = (before.next(), before.next());
        let (r, r2) = (after.next(), after.next());
        Window { l2, l, x, r, r2 }
    }

    /// Whether a Latin letter stands right beside the character: a masked name (XX市) or
    /// a Latin word hides the word the character belongs to, so it tells nothing.
    fn beside_latin(&self) -> bool {
        self.l.is_some_and(|c| c.is_ascii_alphabetic())
            || self.r.is_some_and(|c| c.is_ascii_alphabetic())
    }

    /// The neighbours as Han characters only.
    fn han(&self) -> [Option<char>; 4] {
        let han = |c: Option<char>| c.filter(|&c| is_han(c));
        [han(self.l2), han(self.l), han(self.r), han(self.r2)]
    }

    /// The neighbours as classes.
    fn classes(&self) -> [Option<char>; 4] {
        let cl = |c: Option<char>| c.and_then(class);
        [cl(self.l2), cl(self.l), cl(self.r), cl(self.r2)]
    }

    /// Whether the character makes a word of three with its neighbours.
    fn in_triple(&self, dict: &Dict) -> bool {
        self.in_triple_of(dict, self.han())
    }

    /// [`Window::in_triple`] with the neighbours as [`Window::han`] gives them.
    fn in_triple_of(&self, dict: &Dict, [l2, l, r, r2]: [Option<char>; 4]) -> bool {
        let x = Some(self.x);
        let triple = |a: Option<char>, b: Option<char>, c: Option<char>| matches!((a, b, c), (Some(a), Some(b), Some(c)) if dict.is_triple(a, b, c));
        triple(l2, l, x) || triple(l, x, r) || triple(x, r, r2)
    }

    /// Whether the character makes a two-character word with its left and right neighbour.
    fn pairs(&self, dict: &Dict) -> (bool, bool) {
        let [_, l, r, _] = self.han();
        (
            l.is_some_and(|l| dict.is_pair(l, self.x)),
            r.is_some_and(|r| dict.is_pair(self.x, r)),
        )
    }

    /// Whether the character makes no word of the word list with its neighbours (None when
    /// its neighbours tell nothing). `pairs` is [`Window::pairs`].
    fn dict_stray(&self, dict: &Dict, pairs: (bool, bool)) -> Option<bool> {
        let [_, l, r, _] = self.han();
        if !is_han(self.x) || self.beside_latin() || (l.is_none() && r.is_none()) {
            return None;
        }
        Some(!(pairs.0 || pairs.1 || self.in_triple(dict)))
    }

    /// The character as a suspect: a Han character that does not stand alone by nature,
    /// with an informative neighbour, making no word of the list with either (whether the
    /// other reports use its pairings decides later).
    fn suspect(&self, dict: &Dict, pairs: (bool, bool), at: usize) -> Option<Site> {
        let [_, l, r, _] = self.classes();
        (is_han(self.x)
            && !pairs.0
            && !pairs.1
            && (l.is_some() || r.is_some())
            && dict.single(self.x) < STANDALONE
            && !self.beside_latin()
            && !self.in_triple(dict))
        .then_some(Site {
            at,
            x: self.x,
            l,
            r,
        })
    }

    /// How often the word list has seen each neighbour in a word with the character
    /// beyond it (0: none): a neighbour so taken (县|水利|局, 文旅|品牌) is no free partner.
    fn taken(&self, dict: &Dict) -> (u32, u32) {
        let [l2, l, r, r2] = self.han();
        let word = |a: Option<char>, b: Option<char>| match (a, b) {
            (Some(a), Some(b)) => dict.pair(a, b),
            _ => 0,
        };
        (word(l2, l), word(r, r2))
    }
}

/// A suspect: the byte of the character and its neighbours as classes.
#[derive(Debug, Clone, Copy)]
struct Site {
    at: usize,
    x: char,
    l: Option<char>,
    r: Option<char>,
}

/// Where a neighbouring pair occurs: how often in all, and in the first and the last
/// report it occurs in (text order; a pair that is in no single report counts under
/// [`OUTSIDE`]). That answers "how often elsewhere than in report s" exactly up to 2,
/// which is all the evidence asks.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    total: u32,
    first: (u32, u32),
    last: (u32, u32),
}

/// The report id of a pair that lies in no single report.
const OUTSIDE: u32 = u32::MAX;

impl Seen {
    fn add(&mut self, scope: u32) {
        if self.total == 0 {
            self.first = (scope, 0);
            self.last = (scope, 0);
        }
        if self.last.0 != scope {
            self.last = (scope, 0);
        }
        if self.first.0 == scope && self.first == self.last {
            self.first.1 += 1;
        }
        self.last.1 += 1;
        self.total += 1;
    }

    /// `self` followed by `later` (the counts of the text after).
    fn then(self, later: Seen) -> Seen {
        if self.total == 0 {
            return later;
        }
        if later.total == 0 {
            return self;
        }
        let single = |s: &Seen| s.first.0 == s.last.0;
        let first = if single(&self) && self.first.0 == later.first.0 {
            (self.first.0, self.first.1 + later.first.1)
        } else {
            self.first
        };
        let last = if single(&later) && later.last.0 == self.last.0 {
            (later.last.0, self.last.1 + later.last.1)
        } else {
            later.last
        };
        Seen {
            total: self.total + later.total,
            first,
            last,
        }
    }

    /// How often the pair occurs outside report `scope`: exact below 2, at least 2 above.
    fn elsewhere(&self, scope: u32) -> u32 {
        if self.first.0 == scope {
            self.total - self.first.1
        } else if self.last.0 == scope {
            self.total - self.last.1
        } else {
            self.total
        }
    }
}

/// How often each Han character occurs, and how often [`Window::dict_stray`] judged it
/// and found it making no word. Indexed by code point.
#[derive(Clone)]
struct CharStats(Vec<[u32; 3]>);

impl CharStats {
    const SIZE: usize = 0x30000;

    fn new() -> CharStats {
        CharStats(vec![[0; 3]; Self::SIZE])
    }

    fn get(&self, c: char) -> [u32; 3] {
        self.0.get(c as usize).copied().unwrap_or_default()
    }

    fn add(&mut self, other: &CharStats) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            for k in 0..3 {
                a[k] += b[k];
            }
        }
    }
}

/// What one pass over (a slice of) the text finds.
struct Pass {
    /// Neighbouring pairs (by [`class`], one of them Han) and where they occur: those that
    /// are words of the list by their slot there, the others by [`pair_key`].
    words: Vec<Seen>,
    pairs: Map<u64, Seen>,
    stats: CharStats,
    suspects: Vec<Site>,
}

/// The pass over the characters starting in `range` of `text`, seeing their neighbours in
/// the whole text; `scopes` (sorted, disjoint) say which report each pair lies in.
fn scan(dict: &Dict, text: &str, range: std::ops::Range<usize>, scopes: &[ByteRange]) -> Pass {
    let mut pass = Pass::new(dict);
    let mut before = text[..range.start].chars().rev();
    let (l, l2) = (before.next(), before.next());
    let mut chars = text[range.start..]
        .char_indices()
        .map(|(o, c)| (o + range.start, c));
    let (mut x, mut r, mut r2) = (chars.next(), chars.next(), chars.next());
    let mut w = Window {
        l2,
        l,
        x: '\0',
        r: None,
        r2: None,
    };
    let mut scope = scopes.partition_point(|s| s.end <= range.start);
    // Whether the character before makes a word with the current one.
    let mut pair_left = match (l, x) {
        (Some(l), Some((_, x))) => is_han(l) && is_han(x) && dict.is_pair(l, x),
        _ => false,
    };
    let mut id_of = |at: usize, next_at: usize| {
        while scope < scopes.len() && scopes[scope].end <= at {
            scope += 1;
        }
        match scopes.get(scope) {
            Some(s) if s.start <= at && next_at < s.end => scope as u32,
            _ => OUTSIDE,
        }
    };
    while let Some((at, c)) = x {
        if at >= range.end {
            break;
        }
        w.x = c;
        w.r = r.map(|p| p.1);
        w.r2 = r2.map(|p| p.1);
        let c_han = is_han(c);
        let n_han = w.r.is_some_and(is_han);
        let slot = match w.r {
            Some(n) if c_han && n_han => dict.pair_slot(c, n),
            _ => None,
        };
        let pair_right = slot.is_some();
        if let Some((next_at, n)) = r {
            if let Some(slot) = slot {
                pass.words[slot].add(id_of(at, next_at));
            } else if c_han || n_han {
                // One of them Han (a class of its own), the other a Han character or digit.
                if let (Some(a), Some(b)) = (class(c), class(n)) {
                    pass.pairs
                        .entry(pair_key(a, b))
                        .or_default()
                        .add(id_of(at, next_at));
                }
            }
        }
        if c_han {
            let pairs = (pair_left, pair_right);
            let e = &mut pass.stats.0[c as usize];
            e[0] += 1;
            if pairs.0 || pairs.1 {
                // Most characters: a word with a neighbour, which is Han, so the word list
                // judged it (unless a Latin letter stands on the other side) and it is no
                // stray nor suspect. What `dict_stray` says, without its other reads.
                e[1] += u32::from(!w.beside_latin());
            } else {
                // What `dict_stray` and `suspect` say, reading the neighbours and the
                // words of three once.
                let [l2, l, r, r2] = w.han();
                let latin = w.beside_latin();
                let digit = |c: Option<char>| c.and_then(class).is_some();
                let informative = l.is_some() || r.is_some();
                if !latin && (informative || digit(w.l) || digit(w.r)) {
                    let triple = informative && w.in_triple_of(dict, [l2, l, r, r2]);
                    if informative {
                        e[1] += 1;
                        e[2] += u32::from(!triple);
                    }
                    if !triple && dict.single(c) < STANDALONE {
                        pass.suspects.push(Site {
                            at,
                            x: c,
                            l: w.l.and_then(class),
                            r: w.r.and_then(class),
                        });
                    }
                }
            }
        }
        pair_left = pair_right;
        w.l2 = w.l;
        w.l = Some(c);
        (x, r, r2) = (r, r2, chars.next());
    }
    pass
}

/// Everything the pass over the whole text found, merged.
struct Compilation {
    words: Vec<Seen>,
    pairs: Map<u64, Seen>,
    stats: CharStats,
    suspects: Vec<Site>,
    /// Han characters that follow a digit somewhere, and that precede one.
    after_digit: Vec<char>,
    before_digit: Vec<char>,
}

impl Pass {
    fn new(dict: &Dict) -> Pass {
        Pass {
            words: vec![Seen::default(); dict.pair_slots()],
            pairs: Map::default(),
            stats: CharStats::new(),
            suspects: Vec::new(),
        }
    }
}

impl Compilation {
    fn of(dict: &Dict, text: &str, scopes: &[ByteRange]) -> Compilation {
        let passes = crate::par::map_slices(text.as_bytes(), crate::par::PARALLEL_MIN, |r| {
            scan(dict, text, r, scopes)
        });
        let mut passes = passes.into_iter();
        let mut all = passes.next().unwrap_or_else(|| Pass::new(dict));
        for p in passes {
            for (a, later) in all.words.iter_mut().zip(p.words) {
                *a = a.then(later);
            }
            for (k, later) in p.pairs {
                let e = all.pairs.entry(k).or_default();
                *e = e.then(later);
            }
            all.stats.add(&p.stats);
            all.suspects.extend(p.suspects);
        }
        let unpack = |k: u64| {
            (
                char::from_u32((k >> 21) as u32).unwrap_or('\0'),
                char::from_u32((k & 0x1F_FFFF) as u32).unwrap_or('\0'),
            )
        };
        let mut after_digit = Vec::new();
        let mut before_digit = Vec::new();
        for &k in all.pairs.keys() {
            match unpack(k) {
                ('0', b) => after_digit.push(b),
                (a, '0') => before_digit.push(a),
                _ => {}
            }
        }
        after_digit.sort_unstable();
        before_digit.sort_unstable();
        Compilation {
            words: all.words,
            pairs: all.pairs,
            stats: all.stats,
            suspects: all.suspects,
            after_digit,
            before_digit,
        }
    }
}

/// One stretch looked at: a report against the rest of the compilation, or the whole text
/// against the word list alone.
struct Stretch<'a> {
    dict: &'a Dict,
    text: &'a str,
    bounds: ByteRange,
    all: &'a Compilation,
    /// The report's id among the scopes; None for the whole text judged alone.
    id: Option<u32>,
}

impl Stretch<'_> {
    /// How often the other reports pair `a` with `b` (as classes), exact up to 2.
    fn elsewhere(&self, a: char, b: char) -> u32 {
        let Some(id) = self.id else {
            return 0;
        };
        let seen = match self.dict.pair_slot(a, b) {
            Some(slot) => self.all.words.get(slot),
            None => self.all.pairs.get(&pair_key(a, b)),
        };
        seen.map_or(0, |s| s.elsewhere(id))
    }

    fn has_others(&self) -> bool {
        self.id.is_some()
    }

    /// Whether the suspect makes no word and no pairing the other reports use.
    fn stray(&self, s: &Site) -> bool {
        s.l.is_none_or(|l| self.elsewhere(l, s.x) == 0)
            && s.r.is_none_or(|r| self.elsewhere(s.x, r) == 0)
    }

    /// The stray sites of the stretch, by character, in text order.
    fn strays(&self, suspects: &[Site]) -> Map<char, Vec<Site>> {
        let mut by_char: Map<char, Vec<Site>> = Map::default();
        for s in suspects.iter().filter(|s| self.stray(s)) {
            by_char.entry(s.x).or_default().push(*s);
        }
        by_char
    }

    /// The candidates in place of `x` at sites with neighbours `l` and `r` that mend it:
    /// (candidate, whether the other reports agree).
    /// A neighbour taken by a word beyond it (`l_taken`, `r_taken`: how common that word
    /// is) mends only with a commoner word: 大 does not mend 县 in 县水利局, as 大水 would
    /// break 水利, while 理 mends 埋 in 食管埋 (管理 far commoner than 食管).
    fn menders(&self, x: char, context: Context) -> Vec<(char, bool, bool, bool)> {
        let (l, r, l_taken, r_taken) = context;
        let dict = self.dict;
        let mut cands: Vec<char> = similar_to(x).to_vec();
        if let Some(l) = l {
            if is_han(l) {
                cands.extend_from_slice(dict.common_followers(l));
            } else if self.has_others() {
                cands.extend_from_slice(&self.all.after_digit);
            }
        }
        if let Some(r) = r {
            if is_han(r) {
                cands.extend_from_slice(dict.common_leaders(r));
            } else if self.has_others() {
                cands.extend_from_slice(&self.all.before_digit);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut out = Vec::new();
        for y in cands {
            if y == x || !is_han(y) {
                continue;
            }
            // A side mends when Y makes a common word there, or stands beside a number as
            // the other reports write it (168件): the word list decides what a word is,
            // the other reports corroborate.
            let common_word = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if is_han(a) && is_han(b) && dict.pair(a, b) >= COMMON);
            let by_others = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(a), Some(b)) if self.elsewhere(a, b) >= 2);
            let numeric = |a: Option<char>, b: Option<char>| {
                (a == Some('0') || b == Some('0')) && by_others(a, b)
            };
            let free = |taken: u32, a: Option<char>, b: Option<char>| {
                taken == 0
                    || matches!((a, b), (Some(a), Some(b)) if is_han(a) && is_han(b) && dict.pair(a, b) > taken)
            };
            let (l_free, r_free) = (free(l_taken, l, Some(y)), free(r_taken, Some(y), r));
            let left = l_free && (common_word(l, Some(y)) || numeric(l, Some(y)));
            let right = r_free && (common_word(Some(y), r) || numeric(Some(y), r));
            if left || right {
                let others = (l_free && by_others(l, Some(y))) || (r_free && by_others(Some(y), r));
                out.push((y, left, right, others));
            }
        }
        out
    }

    /// What each candidate in place of `x` mends at `sites`; with `taken`, a neighbour
    /// taken by a word beyond it mends only as [`Stretch::menders`] says.
    fn votes(&self, x: char, sites: &[Site], taken: bool) -> Map<char, Votes> {
        let mut by_context: Map<Context, Vec<usize>> = Map::default();
        for s in sites {
            let (l_taken, r_taken) = if taken {
                Window::at(self.text, s.at, &self.bounds).taken(self.dict)
            } else {
                (0, 0)
            };
            by_context
                .entry((s.l, s.r, l_taken, r_taken))
                .or_default()
                .push(s.at);
        }
        let mut votes: Map<char, Votes> = Map::default();
        for (context, ats) in by_context {
            let (l, r, _, _) = context;
            for (y, left, right, others) in self.menders(x, context) {
                let v = votes.entry(y).or_default();
                v.mended.extend_from_slice(&ats);
                // The pairings that mend it: a name repeated (弥渡县, 弥安办) mends with one
                // pairing however often it occurs.
                if left {
                    *v.contexts.entry((l, None)).or_default() += ats.len();
                }
                if right {
                    *v.contexts.entry((None, r)).or_default() += ats.len();
                }
                v.others_agree |= others;
                if others {
                    v.agreed += ats.len();
                }
            }
        }
        votes
    }

    /// Whether the run of Han characters around byte `at` (three each side at most) reads
    /// likelier with every `x` in it written `y`.
    fn reads_better(&self, at: usize, x: char, y: char) -> bool {
        let before: Vec<char> = self.text[self.bounds.start..at]
            .chars()
            .rev()
            .take_while(|&c| is_han(c))
            .take(3)
            .collect();
        let mut run: Vec<char> = before.into_iter().rev().collect();
        let mut after = self.text[at..self.bounds.end].chars();
        run.extend(after.next());
        run.extend(after.take_while(|&c| is_han(c)).take(3));
        let swapped: Vec<char> = run.iter().map(|&c| if c == x { y } else { c }).collect();
        self.dict.score(&swapped) > self.dict.score(&run) + MARGIN
    }

    /// The pairs of this stretch.
    fn find(&self, suspects: &[Site]) -> Vec<Swap> {
        self.find_among(self.sift(suspects, false).0)
    }

    /// The characters with enough stray sites among `suspects` whose candidates pass on the
    /// evidence that needs no census of the stretch, each with its sites and what each
    /// candidate mends; and, with `pool`, those whose candidates could pass on the pooled
    /// evidence of several reports ([`Stretch::pooled`]), with their sites.
    fn sift(&self, suspects: &[Site], pool: bool) -> (Vec<Hopeful>, Vec<(char, Vec<Site>)>) {
        let mut hopeful: Vec<Hopeful> = Vec::new();
        let mut poolable = Vec::new();
        for (x, sites) in self.strays(suspects) {
            if sites.len() < MIN_SITES {
                continue;
            }
            let passes = |votes: &Map<char, Votes>| {
                let most = votes.values().map(|v| v.mended.len()).max().unwrap_or(0);
                votes.iter().any(|(y, v)| {
                    v.mended.len() * 5 >= most * 4
                        && self.admissible_before_census(*y, v, sites.len())
                })
            };
            // Taken neighbours only take mends away: they are looked up (for every site)
            // only for the characters that pass without them.
            let quick = self.votes(x, &sites, false);
            let pooled = pool
                && quick
                    .iter()
                    .any(|(y, v)| self.poolable(*y, v, 0) && !same_character(x, *y));
            if passes(&quick) {
                let votes = self.votes(x, &sites, true);
                if passes(&votes) {
                    hopeful.push((x, sites.clone(), votes));
                }
            }
            if pooled {
                poolable.push((x, sites));
            }
        }
        hopeful.sort_by_key(|h| h.0);
        poolable.sort_by_key(|p| p.0);
        (hopeful, poolable)
    }

    /// The pairs of this stretch among the characters `hopeful` ([`Stretch::sift`]).
    fn find_among(&self, hopeful: Vec<Hopeful>) -> Vec<Swap> {
        if hopeful.is_empty() {
            return Vec::new();
        }
        let census = self.census(&hopeful);
        let mut out = Vec::new();
        for (x, sites, votes) in hopeful {
            if let Some(swap) = self.decide(x, &sites, votes, &census) {
                out.push(swap);
            }
        }
        out
    }

    /// The conditions of [`Stretch::admissible`] that need no census.
    fn admissible_before_census(&self, y: char, v: &Votes, sites: usize) -> bool {
        v.mended.len() >= MIN_SITES
            && v.contexts.len() >= MIN_CONTEXTS
            && v.mended.len() * 2 >= sites
            // Y must mend X beside a word, not only beside numbers: a character before a
            // run of numerals is a numbering scheme (篇一、篇二, 样文一), which Y would
            // only turn into another (初一, 之一, 其一).
            && v.contexts.keys().any(|&(l, r)| l.or(r).is_some_and(|c| !is_numeral(c)))
            && if self.has_others() {
                v.others_agree
            } else {
                self.dict.single(y) > 0 || !self.dict.followers(y).is_empty()
            }
    }

    /// How often the characters of `hopeful` and their candidates occur in the stretch,
    /// where the suspects' characters occur, and how often they make no word here.
    fn census(&self, hopeful: &[(char, Vec<Site>, Map<char, Votes>)]) -> Census {
        let mut census = Census::default();
        let mut wanted: Set<char> = Set::default();
        for (x, _, votes) in hopeful {
            wanted.insert(*x);
            census.places.insert(*x, Vec::new());
            wanted.extend(votes.keys().copied());
        }
        if self.has_others() {
            for (at, c) in self.text[self.bounds.clone()].char_indices() {
                if wanted.contains(&c) {
                    *census.counts.entry(c).or_default() += 1;
                }
                if let Some(places) = census.places.get_mut(&c) {
                    places.push(self.bounds.start + at);
                }
            }
        } else {
            // The whole text: the pass counted every character already; only the places
            // of the suspects' characters are looked for.
            for &c in &wanted {
                census.counts.insert(c, self.all.stats.get(c)[0] as usize);
            }
            for (x, places) in census.places.iter_mut() {
                let mut buf = [0; 4];
                let needle = x.encode_utf8(&mut buf).as_bytes();
                places.extend(memchr::memmem::find_iter(self.text.as_bytes(), needle));
            }
        }
        census
    }

    /// The pair for `x`, if its evidence holds.
    fn decide(
        &self,
        x: char,
        sites: &[Site],
        votes: Map<char, Votes>,
        census: &Census,
    ) -> Option<Swap> {
        if is_traditional(x) || traditional_text(&self.text[self.bounds.clone()]) {
            return None;
        }
        let count = |c: char| census.counts.get(&c).copied().unwrap_or(0);
        let x_count = count(x);
        let admissible = |y: char, v: &Votes| {
            let right_count = count(y);
            self.admissible_before_census(y, v, sites.len())
                // …Y absent or rare here…
                && right_count * 3 <= v.mended.len()
                // …X mostly stray here…
                && sites.len() * MAX_WORD_SHARE >= x_count
                // …with no other reports to compare with, only a garble of nearly every X,
                // with Y all but absent, is told from a character that the word list
                // pairs differently (我县 is no entry of it, 我军 is).
                && (self.has_others()
                    || (sites.len() * 3 >= x_count * 2 && right_count * 10 <= v.mended.len()))
        };
        // Among the candidates that mend nearly the most, the one the other reports use
        // at the most of these sites, then the one in whose place the stretch reads best
        // by the word list (水解 is a word as 化解 is, but the other reports of a
        // compilation write 化解); a runner-up far behind (兵 where 作 is still in use) is
        // no evidence.
        let most = votes.values().map(|v| v.mended.len()).max().unwrap_or(0);
        let places = &census.places[&x];
        // The whole text judged alone: the likeliest fix must itself pass. One that fails
        // only for abounding in the text (化, where one report's 化解 is garbled 华解) says
        // the garble is no compilation's; another fix behind it (水解) is no evidence.
        let alone = !self.has_others();
        let (y, v) = votes
            .into_iter()
            .filter(|(y, v)| {
                v.mended.len() * 5 >= most * 4
                    && (alone || admissible(*y, v))
                    && !same_character(x, *y)
                    && !is_traditional(*y)
            })
            .map(|(y, v)| {
                let better = places
                    .iter()
                    .filter(|&&at| self.reads_better(at, x, y))
                    .count();
                (better, (y, v))
            })
            .max_by_key(|(better, (y, v))| {
                (v.agreed, *better, v.mended.len(), std::cmp::Reverse(*y))
            })
            .map(|(_, v)| v)
            .filter(|(y, v)| admissible(*y, v))?;
        // X garbled here only: where the other reports make no word with X as often, it is
        // a character that often stands alone (共, 县), not a garble.
        if self.has_others() && self.stray_elsewhere_too(x, places) {
            return None;
        }
        let mended: Set<usize> = v.mended.iter().copied().collect();
        let sites = places
            .iter()
            .filter(|&&at| mended.contains(&at) || self.reads_better(at, x, y))
            .map(|&at| at..at + x.len_utf8())
            .collect();
        Some(Swap {
            wrong: x,
            right: y,
            scope: self.bounds.clone(),
            sites,
            right_count: count(y),
            mended: v.mended.len(),
            others_agree: v.others_agree,
            reports: 1,
        })
    }

    /// Whether X, at `places` here, makes no word in the rest of the text at least half as
    /// often as here (judged there at least 5 times): a character that often stands alone.
    fn stray_elsewhere_too(&self, x: char, places: &[usize]) -> bool {
        let [_, judged, stray] = self.all.stats.get(x);
        let (here_judged, here_stray) = self.local_strays(places);
        let (judged, stray) = (
            judged.saturating_sub(here_judged),
            stray.saturating_sub(here_stray),
        );
        let here_rate = f64::from(here_stray) / f64::from(here_judged.max(1));
        judged >= 5 && f64::from(stray) / f64::from(judged) * 2.0 >= here_rate
    }

    /// How often the character at `places` was judged by the word list in this stretch,
    /// and found making no word.
    fn local_strays(&self, places: &[usize]) -> (u32, u32) {
        let (mut judged, mut stray) = (0, 0);
        for &at in places {
            let w = Window::at(self.text, at, &self.bounds);
            if let Some(s) = w.dict_stray(self.dict, w.pairs(self.dict)) {
                judged += 1;
                stray += u32::from(s);
            }
        }
        (judged, stray)
    }
}

/// The neighbours of a suspect as [`Site`] has them, and how taken each is
/// ([`Window::taken`]).
type Context = (Option<char>, Option<char>, u32, u32);

/// What one candidate in place of X mends.
#[derive(Default)]
struct Votes {
    /// The stray sites (bytes) it mends.
    mended: Vec<usize>,
    /// The pairings that mend them: a neighbour on the left (`(l, None)`) or right.
    /// With how many of the sites each.
    contexts: Map<(Option<char>, Option<char>), usize>,
    /// Whether the other reports use it in those contexts.
    others_agree: bool,
    /// How many of the sites it mends are in contexts the other reports use it in.
    agreed: usize,
}

/// A character with enough stray sites, the sites, and what each candidate mends there.
type Hopeful = (char, Vec<Site>, Map<char, Votes>);

/// How often characters occur in a stretch, and where.
#[derive(Default)]
struct Census {
    counts: Map<char, usize>,
    places: Map<char, Vec<usize>>,
}

/// Finds the systematic substitutions of `text`, in each of `scopes` (reports, in text
/// order, not overlapping) against the rest, or in the whole text when there is only one
/// scope.
pub fn find(text: &str, scopes: &[ByteRange]) -> Vec<Swap> {
    let dict = Dict::get();
    // Reports as the outline gives them: in order and apart.
    let mut scopes = scopes.to_vec();
    scopes.sort_by_key(|s| s.start);
    let mut end = 0;
    for s in &mut scopes {
        s.start = s.start.max(end).min(text.len());
        s.end = s.end.max(s.start).min(text.len());
        end = s.end;
    }
    let all = Compilation::of(dict, text, &scopes);
    // The whole text against the word list alone: a pair garbled in every report (or a
    // text of one report).
    let whole = Stretch {
        dict,
        text,
        bounds: 0..text.len(),
        all: &all,
        id: None,
    };
    let (hopeful, poolable) = whole.sift(&all.suspects, scopes.len() >= 2);
    let alone = whole.find_among(hopeful);
    if scopes.len() < 2 {
        return alone;
    }
    let found = crate::par::map_items(&scopes, |i, scope| {
        let stretch = Stretch {
            dict,
            text,
            bounds: scope.clone(),
            all: &all,
            id: Some(i as u32),
        };
        stretch.find(&stretch.suspects_in(&all.suspects))
    });
    let mut out: Vec<Swap> = found.into_iter().flatten().collect();
    // Then the evidence of a character garbled in several reports, each too short to tell,
    // pooled and compared with the other reports.
    let done: Set<char> = out.iter().map(|s| s.wrong).collect();
    out.extend(whole.pooled(&poolable, &scopes, &done));
    // The word list alone judges a character no report's evidence explains (one garbled
    // in every report); the reports' own evidence comes first.
    for swap in alone {
        if !out.iter().any(|s| s.wrong == swap.wrong) {
            out.push(swap);
        }
    }
    out.sort_by_key(|s| (s.scope.start, s.wrong));
    out
}

impl Stretch<'_> {
    /// The suspects of a report: those of the whole text inside it, with the two
    /// characters at each end judged again seeing only the report.
    fn suspects_in(&self, whole: &[Site]) -> Vec<Site> {
        let b = &self.bounds;
        let text = &self.text[b.clone()];
        let head: Vec<usize> = text
            .char_indices()
            .take(2)
            .map(|(o, _)| b.start + o)
            .collect();
        let tail: Vec<usize> = text
            .char_indices()
            .rev()
            .take(2)
            .map(|(o, _)| b.start + o)
            .collect();
        let lo = whole.partition_point(|s| s.at < b.start);
        let hi = whole.partition_point(|s| s.at < b.end);
        let edge = |at: usize| head.contains(&at) || tail.contains(&at);
        let mut out: Vec<Site> = whole[lo..hi]
            .iter()
            .filter(|s| !edge(s.at))
            .copied()
            .collect();
        let mut edges: Vec<usize> = head.into_iter().chain(tail).collect();
        edges.sort_unstable();
        edges.dedup();
        for at in edges {
            let w = Window::at(self.text, at, b);
            if let Some(s) = w.suspect(self.dict, w.pairs(self.dict), at) {
                out.push(s);
            }
        }
        out.sort_by_key(|s| s.at);
        out
    }
}

/// Fewest different pairings in which the reports outside a pool must use Y.
const MIN_AGREED_CONTEXTS: usize = 2;

/// The census of a pool of reports: how often Y occurs in them (counted up to a limit), and
/// where X does.
struct PoolCensus {
    right_count: usize,
    places: Vec<usize>,
}

impl Stretch<'_> {
    /// How often `a` and `b` (as classes) stand together in the whole text.
    fn total(&self, a: char, b: char) -> u32 {
        let seen = match self.dict.pair_slot(a, b) {
            Some(slot) => self.all.words.get(slot),
            None => self.all.pairs.get(&pair_key(a, b)),
        };
        seen.map_or(0, |s| s.total)
    }

    /// The contexts of `v` (and the sites in them) in which the text pairs Y as it would
    /// mend X at least twice more than `in_pool` times: at least twice outside a pool in
    /// which Y occurs `in_pool` times.
    fn agreed(&self, y: char, v: &Votes, in_pool: usize) -> (usize, usize) {
        let mut n = (0, 0);
        for (&(l, r), &sites) in &v.contexts {
            let total = match (l, r) {
                (Some(l), _) => self.total(l, y),
                (_, Some(r)) => self.total(y, r),
                _ => 0,
            };
            if total as usize >= in_pool + 2 {
                n.0 += 1;
                n.1 += sites;
            }
        }
        n
    }

    /// Whether Y mends X at enough sites, in enough contexts beside words, that reports
    /// outside the pool (where Y occurs `in_pool` times) use.
    fn poolable(&self, y: char, v: &Votes, in_pool: usize) -> bool {
        let (contexts, sites) = self.agreed(y, v, in_pool);
        v.mended.len() >= MIN_SITES
            && v.contexts.len() >= MIN_CONTEXTS
            && v.contexts
                .keys()
                .any(|&(l, r)| l.or(r).is_some_and(|c| !is_numeral(c)))
            && contexts >= MIN_AGREED_CONTEXTS
            && sites >= MIN_SITES
    }

    /// The pairs garbled in several reports, each too short to tell alone: the evidence of
    /// the reports holding stray sites of X that Y mends (the pool) is pooled, and the other
    /// reports are what the pool is compared with. `poolable` are the characters
    /// [`Stretch::sift`] found hopeful, with their stray sites in the whole text; those of
    /// `done` were found already.
    fn pooled(
        &self,
        poolable: &[(char, Vec<Site>)],
        scopes: &[ByteRange],
        done: &Set<char>,
    ) -> Vec<Swap> {
        let mut out = Vec::new();
        for (x, sites) in poolable {
            let (x, sites) = (*x, sites.as_slice());
            if done.contains(&x) {
                continue;
            }
            let votes = self.votes(x, sites, true);
            let mut candidates: Vec<char> = votes
                .iter()
                .filter(|(y, v)| self.poolable(**y, v, 0) && !same_character(x, **y))
                .map(|(y, _)| *y)
                .collect();
            candidates.sort_unstable();
            let best = candidates
                .into_iter()
                .filter_map(|y| self.pool(x, y, &votes[&y], sites, scopes))
                .max_by_key(|(rank, _)| *rank);
            out.extend(best.map(|b| b.1));
        }
        out
    }

    /// The census of `ranges` for X and Y; None as soon as Y occurs more than `most` times.
    fn pool_census(
        &self,
        x: char,
        y: char,
        ranges: &[ByteRange],
        most: usize,
    ) -> Option<PoolCensus> {
        let (mut xb, mut yb) = ([0; 4], [0; 4]);
        let (xn, yn) = (
            x.encode_utf8(&mut xb).as_bytes(),
            y.encode_utf8(&mut yb).as_bytes(),
        );
        let mut right_count = 0;
        for r in ranges {
            right_count += memchr::memmem::find_iter(&self.text.as_bytes()[r.clone()], yn).count();
            if right_count > most {
                return None;
            }
        }
        let mut places = Vec::new();
        for r in ranges {
            let bytes = &self.text.as_bytes()[r.clone()];
            places.extend(memchr::memmem::find_iter(bytes, xn).map(|o| r.start + o));
        }
        Some(PoolCensus {
            right_count,
            places,
        })
    }

    /// The pair X→Y over the pool of reports holding the sites Y mends (with the text
    /// between reports, which belongs to none), if its evidence holds there against the
    /// other reports, with how strongly (sites the other reports agree on, occurrences that
    /// read better with Y, sites mended).
    fn pool(
        &self,
        x: char,
        y: char,
        votes: &Votes,
        sites: &[Site],
        scopes: &[ByteRange],
    ) -> Option<((usize, usize, usize), Swap)> {
        let report = |at: usize| {
            let i = scopes.partition_point(|s| s.end <= at);
            (i < scopes.len() && scopes[i].start <= at).then_some(i)
        };
        let mut pool: Vec<usize> = votes.mended.iter().filter_map(|&at| report(at)).collect();
        pool.sort_unstable();
        pool.dedup();
        if is_traditional(x)
            || is_traditional(y)
            || pool
                .iter()
                .any(|&i| traditional_text(&self.text[scopes[i].clone()]))
        {
            return None;
        }
        let in_pool = |at: usize| report(at).is_none_or(|i| pool.binary_search(&i).is_ok());
        let mut ranges: Vec<ByteRange> = pool.iter().map(|&i| scopes[i].clone()).collect();
        let mut end = 0;
        for s in scopes.iter().chain([&(self.text.len()..self.text.len())]) {
            if s.start > end {
                ranges.push(end..s.start);
            }
            end = end.max(s.end);
        }
        ranges.sort_by_key(|r| r.start);
        // …Y absent or rare in the pool…
        let census = self.pool_census(x, y, &ranges, votes.mended.len() / 3)?;
        // The pool's sites that pair with their neighbours nowhere outside the pool.
        let mut here: Map<u64, u32> = Map::default();
        for &at in &census.places {
            let [_, l, r, _] = Window::at(self.text, at, &self.bounds).classes();
            if let Some(l) = l {
                *here.entry(pair_key(l, x)).or_default() += 1;
            }
            if let Some(r) = r {
                *here.entry(pair_key(x, r)).or_default() += 1;
            }
        }
        let unseen_outside =
            |a: char, b: char| self.total(a, b) <= here.get(&pair_key(a, b)).copied().unwrap_or(0);
        let pool_sites: Vec<Site> = sites.iter().filter(|s| in_pool(s.at)).copied().collect();
        let strays: Vec<Site> = pool_sites
            .iter()
            .filter(|s| {
                s.l.is_none_or(|l| unseen_outside(l, x)) && s.r.is_none_or(|r| unseen_outside(x, r))
            })
            .copied()
            .collect();
        let v = self.votes(x, &strays, true).remove(&y)?;
        let admissible = self.poolable(y, &v, census.right_count)
            && v.mended.len() * 2 >= pool_sites.len()
            && census.right_count * 3 <= v.mended.len()
            // …X mostly stray in the pool…
            && pool_sites.len() * MAX_WORD_SHARE >= census.places.len();
        if !admissible {
            return None;
        }
        // X garbled in the pool only: where the other reports make no word with X as often,
        // it is a character that often stands alone, not a garble.
        if self.stray_elsewhere_too(x, &census.places) {
            return None;
        }
        let mended: Set<usize> = v.mended.iter().copied().collect();
        let mut better = 0;
        let mut chosen = Vec::new();
        for &at in &census.places {
            let reads = self.reads_better(at, x, y);
            better += usize::from(reads);
            if reads || mended.contains(&at) {
                chosen.push(at..at + x.len_utf8());
            }
        }
        let rank = (
            self.agreed(y, &v, census.right_count).1,
            better,
            v.mended.len(),
        );
        let (first, last) = (pool.first()?, pool.last()?);
        Some((
            rank,
            Swap {
                wrong: x,
                right: y,
                scope: scopes[*first].start..scopes[*last].end,
                sites: chosen,
                right_count: census.right_count,
                mended: v.mended.len(),
                others_agree: true,
                reports: pool.len(),
            },
        ))
    }
}
