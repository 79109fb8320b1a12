//! Planning: turns a rule set into the edits that clean one text. Whole lines first
//! (adverts, user line patterns, a dropped 目录), then the edits inside the remaining lines
//! (markers, brand words, glosses, masked words, user phrases and replacements, a filled
//! 目录), then whitespace as it will be once those are applied — so that planning the
//! cleaned text again finds nothing.
//!
//! Every scan runs once over the whole text with memchr or one automaton; only the lines
//! those scans hit are looked at closer. No dependency on egui.

use super::rules::ids;
use super::{RuleKind, RuleSet, TocMode, brand, gloss, masked};
use crate::junk;
use crate::model::{ByteRange, Edit, EditOrigin, LineIndex, Outline, Toc};
use crate::site::{self, SiteLine};
use crate::split::LineClasses;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;
use std::collections::HashMap;

/// Nearest content lines looked at on each side when deciding an advert block.
const BLOCK_REACH: usize = 8;

/// The edits one planning pass makes, sorted and non-overlapping. Not idempotent on its
/// own: [`super::plan`] runs passes until nothing changes. For the rule counts of the
/// preview, tests and benches.
pub fn plan_round(text: &str, outline: &Outline, rules: &RuleSet) -> Vec<Edit> {
    plan_with(text, outline, rules, &Hints::default()).edits
}

/// What an earlier scan already knows about the text being planned, so that planning does
/// not scan for it again. The default knows nothing: everything is scanned.
#[derive(Debug, Default)]
pub(crate) struct Hints<'a> {
    /// The line index of this very text.
    pub index: Option<&'a LineIndex>,
    /// The start offsets of the advert candidate lines of this very text
    /// ([`junk::advert_candidate_starts`]).
    pub candidates: Option<&'a [usize]>,
    /// The only line-aligned ranges where a built-in in-line rule can still find something,
    /// and the brand words known to be absent elsewhere (the previous round's). Elsewhere
    /// the text is lines a previous planning round saw unchanged and left alone. Ignored
    /// (everything scanned) when this round harvests a brand word outside that list.
    pub dirty: Option<(&'a [ByteRange], &'a [String])>,
    /// The split's classes of this very text's lines: the site lines it already knows
    /// ([`LineClasses::site`]) are not classified again.
    pub classes: Option<&'a LineClasses>,
}

/// A plan, with what a next round needs to trust it.
#[derive(Debug, Default)]
pub(crate) struct Planned {
    pub edits: Vec<Edit>,
    /// The brand words harvested from this text's adverts.
    pub brands: Vec<String>,
    /// Whether every line outside the edits is now known free of built-in in-line edits:
    /// false when advert lines were kept (their rules off), since a kept advert's brand
    /// words become content once its neighbours change.
    pub settled: bool,
}

/// [`plan_round`], skipping the scans `hints` make unnecessary. The hints must be of this text;
/// a line index of another length is ignored.
pub(crate) fn plan_with(text: &str, outline: &Outline, rules: &RuleSet, hints: &Hints) -> Planned {
    if text.is_empty() {
        return Planned {
            settled: true,
            ..Planned::default()
        };
    }
    let index = hints.index.filter(|i| i.text_len() == text.len());
    Planner::new(text, rules, index).run(outline, hints)
}

/// Rule ids by a small number, so a line's fate is one u16 (0: the line stays).
#[derive(Default)]
struct Slots(Vec<String>);

impl Slots {
    fn get(&mut self, id: &str) -> u16 {
        match self.0.iter().position(|s| s == id) {
            Some(i) => i as u16 + 1,
            None => {
                self.0.push(id.to_string());
                self.0.len() as u16
            }
        }
    }
    fn id(&self, slot: u16) -> &str {
        &self.0[slot as usize - 1]
    }
}

/// The user's own rules, compiled once per plan.
struct UserRules {
    phrases: Option<(AhoCorasick, Vec<String>)>,
    drops: Vec<(Regex, String)>,
    replaces: Vec<(Regex, String, String)>,
}

impl UserRules {
    fn compile(rules: &RuleSet, text_len: usize) -> UserRules {
        let mut phrase_list = Vec::new();
        let mut phrase_ids = Vec::new();
        let mut drops = Vec::new();
        let mut replaces = Vec::new();
        for r in rules.rules.iter().filter(|r| r.enabled) {
            match &r.kind {
                RuleKind::Builtin => {}
                RuleKind::DeletePhrases { phrases } => {
                    for p in phrases.iter().filter(|p| !p.is_empty()) {
                        phrase_list.push(p.clone());
                        phrase_ids.push(r.id.clone());
                    }
                }
                // A rule set built in code may hold a bad pattern; it is skipped here and
                // refused with a reason when read from a file.
                RuleKind::DropLines { pattern } => {
                    if let Ok(re) = Regex::new(&format!(
                        r"(?m)^[ \t\u{{3000}}]*(?:{pattern})[ \t\u{{3000}}]*$"
                    )) {
                        drops.push((re, r.id.clone()));
                    }
                }
                RuleKind::Replace { pattern, with } => {
                    if let Ok(re) = Regex::new(pattern) {
                        replaces.push((re, with.clone(), r.id.clone()));
                    }
                }
            }
        }
        let phrases = longest_first(&phrase_list, text_len).map(|ac| (ac, phrase_ids));
        UserRules {
            phrases,
            drops,
            replaces,
        }
    }
}

/// Texts shorter than this are searched with an NFA: building the DFA the automaton
/// otherwise picks costs more than it saves on a file of a batch.
const DFA_MIN_TEXT: usize = 1 << 20;

/// Up to this many brand names from notices are searched one by one rather than with an
/// automaton ([`Planner::kept_uses`]).
const FEW_NAMES: usize = 8;

/// One automaton finding the longest of `words` at each place, to search a text of
/// `text_len` bytes; None for no words.
fn longest_first(words: &[String], text_len: usize) -> Option<AhoCorasick> {
    if words.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind((text_len < DFA_MIN_TEXT).then_some(AhoCorasickKind::ContiguousNFA))
        .build(words)
        .ok()
}

/// `r` widened over the brackets or quotes right around it (【name】, 「name」): a brand
/// set in a pair of its own leaves no empty pair behind in the author's sentence.
fn with_enclosing_pair(part: &str, r: ByteRange) -> ByteRange {
    const PAIRS: [(char, char); 8] = [
        ('【', '】'),
        ('〖', '〗'),
        ('[', ']'),
        ('「', '」'),
        ('『', '』'),
        ('（', '）'),
        ('(', ')'),
        ('“', '”'),
    ];
    let (Some(open), Some(close)) = (
        part[..r.start].chars().next_back(),
        part[r.end..].chars().next(),
    ) else {
        return r;
    };
    if PAIRS.contains(&(open, close)) {
        r.start - open.len_utf8()..r.end + close.len_utf8()
    } else {
        r
    }
}

/// What the edits inside lines need: switches, the harvested brands, the user's rules.
struct Inline {
    paywall: bool,
    gloss: bool,
    party: bool,
    gdp: bool,
    /// The 校对 rules: half-width marks in Chinese text, brackets of mixed width.
    punctuation: bool,
    bracket: bool,
    traditional: bool,
    brands: Option<AhoCorasick>,
    user: UserRules,
}

fn rule_edit(text: &str, range: ByteRange, new: impl Into<String>, id: &str) -> Edit {
    Edit {
        old: text[range.clone()].to_string(),
        range,
        new: new.into(),
        origin: EditOrigin::Rule(id.to_string()),
    }
}

/// Site junk in brackets glued to the end of an author's line: "…增长8%以上。[阅读全文请下载
/// APP]", "纪工委书记 黄XX【VIP可见】", "——王XX（收藏）": where the bracket opens in `line` (trimmed
/// at its end) and the rule it goes under. It goes when what it holds is a paywall notice, a
/// notice or an advert by itself, or nothing but one of the site's `[glued] tags`, and the line
/// has words of its own before it; an author's "（试行）", "（2023年）" stays.
fn glued_tail(line: &str) -> Option<(usize, &'static str)> {
    const PAIRS: [(char, char); 5] = [
        ('【', '】'),
        ('[', ']'),
        ('［', '］'),
        ('（', '）'),
        ('(', ')'),
    ];
    let close = line.chars().next_back()?;
    let &(open, _) = PAIRS.iter().find(|(_, c)| *c == close)?;
    let at = line.rfind(open)?;
    let inner = &line[at + open.len_utf8()..line.len() - close.len_utf8()];
    if line[..at].trim().is_empty() || inner.is_empty() || inner.chars().count() > 40 {
        return None;
    }
    let tags = &crate::lexicon::builtin().glued.tags;
    if tags.iter().any(|t| t == inner) {
        return Some((at, ids::PAYWALL_NOTICES));
    }
    if junk::advert_score(inner) >= junk::advert_threshold() {
        return Some((at, ids::ADVERT_LINES));
    }
    match site::classify(inner) {
        Some(SiteLine::PaywallNotice) => Some((at, ids::PAYWALL_NOTICES)),
        Some(SiteLine::Notice) => Some((at, ids::SITE_NOTICES)),
        _ => None,
    }
}

/// A reader's comment: a short line, a name of a few characters, a colon, a short remark with
/// no heading marker ("游客24818：参考价值很大", "小李：收藏了，谢谢分享！").
fn is_reader_comment(line: &str) -> bool {
    let line = line.trim();
    let Some(colon) = line.find(['：', ':']) else {
        return false;
    };
    let name = line[..colon].chars().count();
    let remark = line[colon..].chars().count() - 1;
    (1..=12).contains(&name)
        && (1..=30).contains(&remark)
        && !line.contains('。')
        && crate::outline::line_marker(line).is_none()
}

/// Whether `line` is junk only for what a site glued to its end ([`glued_tail`]): the
/// words before the bracket are the author's, and only the bracket goes.
fn junk_only_at_its_end(line: &str) -> bool {
    let line = line.trim_end();
    glued_tail(line).is_some_and(|(at, _)| {
        let before = line[..at].trim();
        site::classify(before).is_none() && junk::advert_score(before) < junk::advert_threshold()
    })
}

impl Inline {
    /// The edits inside lines of `text`; `brand_ok(offset)` says whether a brand word at
    /// that offset is in content (brand words in the adverts themselves are left to the
    /// advert rules). The built-in rules look inside one line at a time, so a large text is
    /// scanned on every core; the user's patterns run over the whole text.
    fn edits(
        &self,
        text: &str,
        only: Option<&[ByteRange]>,
        brand_ok: &(dyn Fn(usize) -> bool + Sync),
    ) -> Vec<Edit> {
        let mut out = match only {
            None => crate::par::flat_map_slices(text, crate::par::PARALLEL_MIN, |range| {
                self.builtin_edits(text, range, brand_ok)
            }),
            Some(ranges) => ranges
                .iter()
                .flat_map(|r| self.builtin_edits(text, r.clone(), brand_ok))
                .collect(),
        };
        if let Some((ac, phrase_ids)) = &self.user.phrases {
            for m in ac.find_iter(text) {
                out.push(rule_edit(
                    text,
                    m.range(),
                    "",
                    &phrase_ids[m.pattern().as_usize()],
                ));
            }
        }
        for (re, with, id) in &self.user.replaces {
            for caps in re.captures_iter(text) {
                let Some(m) = caps.get(0) else { continue };
                let mut new = String::new();
                caps.expand(with, &mut new);
                if m.is_empty() || new == m.as_str() {
                    continue;
                }
                out.push(rule_edit(text, m.range(), new, id));
            }
        }
        out.retain(|e| e.old != e.new);
        crate::edit::normalize(out)
    }

    /// The built-in rules' edits in the lines of `range` (line-aligned), placed in `text`.
    fn builtin_edits(
        &self,
        text: &str,
        range: ByteRange,
        brand_ok: &(dyn Fn(usize) -> bool + Sync),
    ) -> Vec<Edit> {
        let at = range.start;
        let part = &text[range];
        let place = |r: ByteRange| r.start + at..r.end + at;
        let mut out = Vec::new();
        if self.paywall {
            for r in junk::paywall_ranges(part) {
                out.push(rule_edit(text, place(r), "", ids::PAYWALL_MARKERS));
            }
        }
        if let Some(ac) = &self.brands {
            for m in ac.find_iter(part) {
                if brand_ok(m.start() + at) {
                    let r = with_enclosing_pair(part, m.range());
                    out.push(rule_edit(text, place(r), "", ids::BRAND_WORDS));
                }
            }
        }
        if self.gloss {
            let mut found = Vec::new();
            gloss::find(part, &mut found);
            out.extend(
                found
                    .into_iter()
                    .map(|r| rule_edit(text, place(r), "", ids::PINYIN_GLOSS)),
            );
        }
        if self.punctuation || self.bracket {
            for m in crate::proof::punct::find(part) {
                let (on, id) = if m.mends_pair {
                    (self.bracket, ids::PROOF_BRACKET)
                } else {
                    (self.punctuation, ids::PROOF_PUNCTUATION)
                };
                if on {
                    out.push(rule_edit(text, place(m.range), m.right, id));
                }
            }
        }
        if self.traditional {
            let mut found = Vec::new();
            super::traditional::find(part, &mut found);
            out.extend(
                found
                    .into_iter()
                    .map(|(r, new)| rule_edit(text, place(r), new, ids::TRADITIONAL)),
            );
        }
        if self.party || self.gdp {
            let mut found = Vec::new();
            masked::find(part, self.party, self.gdp, &mut found);
            out.extend(found.into_iter().map(|m| {
                let id = if m.gdp {
                    ids::MASKED_GDP
                } else {
                    ids::MASKED_PARTY
                };
                rule_edit(text, place(m.range), m.replacement, id)
            }));
        }
        out
    }

    /// A piece of text (a report title going into the 目录) cleaned the same way.
    fn clean_fragment(&self, s: &str) -> String {
        let edits = self.edits(s, None, &|_| true);
        crate::edit::apply(s, &edits).text.trim().to_string()
    }
}

struct Planner<'a> {
    text: &'a str,
    rules: &'a RuleSet,
    /// The text's lines: the caller's [`LineIndex`], borrowed when it has one.
    index: std::borrow::Cow<'a, LineIndex>,
    /// Where the last line ends: before the text's final newline, if any.
    last_end: usize,
    slots: Slots,
    /// Per line: 0 when it stays, else the slot of the rule deleting it.
    fate: Vec<u16>,
}

impl<'a> Planner<'a> {
    fn new(text: &'a str, rules: &'a RuleSet, index: Option<&'a LineIndex>) -> Planner<'a> {
        let index = match index {
            Some(index) => std::borrow::Cow::Borrowed(index),
            None => std::borrow::Cow::Owned(LineIndex::new(text)),
        };
        let fate = vec![0; index.line_count()];
        Planner {
            text,
            rules,
            index,
            last_end: text.strip_suffix('\n').unwrap_or(text).len(),
            slots: Slots::default(),
            fate,
        }
    }

    fn on(&self, id: &str) -> bool {
        self.rules.is_enabled(id)
    }

    fn drop_line(&mut self, line: usize, id: &str) {
        if self.fate[line] == 0 {
            self.fate[line] = self.slots.get(id);
        }
    }

    /// The line's bytes without its newline (the last line's too).
    fn line_range(&self, i: usize) -> ByteRange {
        let r = self.index.line_range(self.text, i);
        r.start..r.end.min(self.last_end).max(r.start)
    }

    fn line_text(&self, i: usize) -> &'a str {
        &self.text[self.line_range(i)]
    }

    /// Blank for deciding neighbours: nothing but spaces and paywall markers.
    fn looks_blank(&self, i: usize) -> bool {
        junk::strip_paywall(self.line_text(i)).trim().is_empty()
    }

    /// The next line after `from` that is not blank, within [`BLOCK_REACH`] lines.
    fn next_words(&self, from: usize) -> Option<usize> {
        (from + 1..(from + 1 + BLOCK_REACH).min(self.index.line_count()))
            .find(|&i| !self.looks_blank(i))
    }

    /// The last line before `before` that is not blank, however far above it.
    fn prev_words(&self, before: usize) -> Option<usize> {
        (0..before).rev().find(|&i| !self.looks_blank(i))
    }

    /// Scores every line the advert keywords hit; returns, per line, whether it is junk
    /// (an advert, or a doubtful line with adverts right above and below it).
    fn find_adverts(&mut self, known: Option<&[usize]>) -> Vec<bool> {
        let n = self.index.line_count();
        let scanned;
        let starts = match known {
            Some(starts) => starts,
            None => {
                scanned = junk::advert_candidate_starts(self.text);
                &scanned
            }
        };
        let mut advert = vec![false; n];
        let threshold = junk::advert_threshold();
        // The candidates are sorted: their lines are found walking forward, not by a binary
        // search each (tens of thousands of them on a large text).
        let mut li = 0;
        for &at in starts {
            if at < self.index.starts()[li] {
                li = self.index.line_of(at);
            }
            while li + 1 < n && self.index.starts()[li + 1] <= at {
                li += 1;
            }
            advert[li] = junk::advert_score(self.line_text(li)) >= threshold;
        }
        let mut block = Vec::new();
        for a in (0..n).filter(|&i| advert[i]) {
            // The links a site appends under a reading-list header (【推荐阅读】) go with it.
            let links = crate::site::reading_list_links(|l| self.line_text(l), a, n);
            block.extend(a + 1..a + 1 + links);
            let Some(b) = self.next_words(a) else {
                continue;
            };
            if advert[b] {
                continue;
            }
            if self.next_words(b).is_some_and(|c| advert[c])
                && junk::advert_score(self.line_text(b)) >= 1
            {
                block.push(b);
            }
        }
        let (lines_on, blocks_on) = (self.on(ids::ADVERT_LINES), self.on(ids::ADVERT_BLOCKS));
        let mut junk_line = advert;
        if lines_on {
            for li in (0..n).filter(|&i| junk_line[i]) {
                self.drop_line(li, ids::ADVERT_LINES);
            }
        }
        for li in block {
            junk_line[li] = true;
            if lines_on && blocks_on {
                self.drop_line(li, ids::ADVERT_BLOCKS);
            }
        }
        junk_line
    }

    /// Drops the lines a site prints around the text (metadata, navigation, the titles of a
    /// reading list, paywall notices; see [`crate::site`]), each class under its rule.
    fn find_site_lines(&mut self, classes: Option<&LineClasses>) {
        let rule = |class| match class {
            SiteLine::Metadata => ids::SITE_METADATA,
            SiteLine::Navigation | SiteLine::ReadingListHeader => ids::SITE_NAVIGATION,
            SiteLine::PaywallNotice => ids::PAYWALL_NOTICES,
            SiteLine::Notice => ids::SITE_NOTICES,
        };
        let n = self.index.line_count();
        for li in 0..n {
            let r = self.line_range(li);
            if r.len() > site::MAX_BYTES || self.fate[li] != 0 {
                continue;
            }
            let known = classes.and_then(|c| c.site(li));
            let Some(class) = known.unwrap_or_else(|| site::classify(&self.text[r.clone()])) else {
                continue;
            };
            if junk_only_at_its_end(&self.text[r]) {
                continue;
            }
            let id = rule(class);
            if !self.on(id) {
                continue;
            }
            self.drop_line(li, id);
            if class == SiteLine::ReadingListHeader {
                let links = crate::site::reading_list_links(|l| self.line_text(l), li, n);
                for link in li + 1..li + 1 + links {
                    self.drop_line(link, id);
                }
            }
        }
    }

    /// The lists of other articles a site appends under a header no list of words knows
    /// (or none): two bulleted titles or more in a row ([`site::is_link_item`]), with the
    /// short header above them ([`site::is_loose_list_header`]). Not the entries of a 目录.
    fn find_link_lists(&mut self, toc: Option<&Toc>) {
        if !self.on(ids::SITE_NAVIGATION) {
            return;
        }
        let n = self.index.line_count();
        let in_toc = |li: usize| toc.is_some_and(|t| t.lines.contains(&li));
        // Most lines open with a Han character: no bullet, nothing to ask.
        let item = |p: &Self, li: usize| {
            let line = p.line_text(li);
            line.len() <= 200 && site::is_link_item(line)
        };
        let mut li = 0;
        while li < n {
            if !item(self, li) || in_toc(li) {
                li += 1;
                continue;
            }
            let mut items = vec![li];
            let mut next = li + 1;
            while let Some(b) = self.next_words(next - 1).filter(|&b| item(self, b)) {
                items.push(b);
                next = b + 1;
            }
            if items.len() >= 2 {
                for &item in &items {
                    self.drop_line(item, ids::SITE_NAVIGATION);
                }
                if let Some(h) = self.prev_words(li)
                    && site::is_loose_list_header(self.line_text(h))
                {
                    self.drop_line(h, ids::SITE_NAVIGATION);
                }
            }
            li = next;
        }
    }

    /// Site junk in brackets glued to the end of a kept line ([`glued_tail`]).
    fn glued_tails(&self) -> Vec<Edit> {
        let mut out = Vec::new();
        for li in 0..self.index.line_count() {
            if self.fate[li] != 0 {
                continue;
            }
            let r = self.line_range(li);
            let line = self.text[r.clone()].trim_end();
            if let Some((at, id)) = glued_tail(line)
                && self.on(id)
            {
                out.push(rule_edit(
                    self.text,
                    r.start + at..r.start + line.len(),
                    "",
                    id,
                ));
            }
        }
        out
    }

    /// Who made the page, a role a line ("编辑 | 小文", "审核 | 老李": [`site::is_credit_line`]),
    /// when the next or the previous line with words is another such line or a line the
    /// site's rules already drop.
    fn find_credits(&mut self) {
        if !self.on(ids::SITE_METADATA) {
            return;
        }
        let n = self.index.line_count();
        let credit: Vec<usize> = (0..n)
            .filter(|&li| self.fate[li] == 0 && site::is_credit_line(self.line_text(li)))
            .collect();
        for &li in &credit {
            let prev = self.prev_words(li);
            let next = self.next_words(li);
            let beside = |o: Option<usize>| {
                o.is_some_and(|o| self.fate[o] != 0 || credit.binary_search(&o).is_ok())
            };
            if beside(prev) || beside(next) {
                self.drop_line(li, ids::SITE_METADATA);
            }
        }
    }

    /// Readers' comments under a comment header the site lines already dropped ("全部评论 8
    /// 条", "网友评论"): the short "name：remark" lines right under it ("游客24818：参考价值很大"),
    /// up to the first line that is not one. Header words are `[navigation] comment_words`.
    fn find_comments(&mut self) {
        if !self.on(ids::SITE_NAVIGATION) {
            return;
        }
        let words = &crate::lexicon::builtin().navigation.comment_words;
        let n = self.index.line_count();
        for li in 0..n {
            if self.fate[li] == 0 || self.line_range(li).len() > 60 {
                continue;
            }
            let header = self.line_text(li);
            if !words.iter().any(|w| header.contains(w.as_str())) {
                continue;
            }
            let mut next = li;
            while let Some(c) = self.next_words(next) {
                if self.fate[c] == 0 && !is_reader_comment(self.line_text(c)) {
                    break;
                }
                self.drop_line(c, ids::SITE_NAVIGATION);
                next = c;
            }
        }
    }

    /// The last line with words, standing apart after a blank line or the site's own lines,
    /// when it is a notice naming no subject ([`site::is_unsigned_notice`]).
    fn find_closing_notice(&mut self) {
        let n = self.index.line_count();
        let blank = |p: &Self, i: usize| p.line_text(i).trim().is_empty();
        // The last line that stays so far: the site's lines after it are going.
        let Some(last) = (0..n).rev().find(|&i| !blank(self, i) && self.fate[i] == 0) else {
            return;
        };
        // Apart: after a blank line, or after lines the site added that already go.
        if last > 0
            && (blank(self, last - 1) || self.fate[last - 1] != 0)
            && self.on(ids::SITE_NOTICES)
            && site::is_unsigned_notice(self.line_text(last).trim())
        {
            self.drop_line(last, ids::SITE_NOTICES);
        }
    }

    /// The report titles the cleaning keeps, as written.
    fn kept_titles(&self, outline: &Outline, junk_line: &[bool]) -> Vec<&'a str> {
        let n = self.index.line_count();
        (outline.reports.iter())
            .filter_map(|r| r.title_line)
            .filter(|&li| li < n && self.fate[li] == 0 && !junk_line[li])
            .map(|li| self.line_text(li))
            .collect()
    }

    /// The brands to delete from the author's sentences: those the adverts name
    /// ([`brand::harvest`]) and those the site's own notices or adverts name that also
    /// stand inside the lines the cleaning keeps ([`brand::harvest_injected`]; page headers
    /// and the like are not read: a running header is often the author's own words).
    ///
    /// A name only adverts give is the author's vocabulary, whatever an advert calls it
    /// (关注“乡村振兴”公众号), when a kept report title holds it or the author's clauses use
    /// it throughout: sites inject their brands into a few sentences, not into titles. A
    /// name the site's own notices give (来源：, bylines, navigation, copyright) is its
    /// name, deleted however often it was injected. The text is searched once for all names.
    fn brands(&mut self, adverts: &[&str], outline: &Outline, junk_line: &[bool]) -> Vec<String> {
        let n = self.index.line_count();
        let site: Vec<u16> = [
            ids::SITE_METADATA,
            ids::SITE_NAVIGATION,
            ids::PAYWALL_NOTICES,
            ids::SITE_NOTICES,
            ids::WORD_LINK_ADVERTS,
            ids::WORD_TEXT_BOX_ADVERTS,
        ]
        .iter()
        .map(|id| self.slots.get(id))
        .collect();
        let site_lines: Vec<&str> = (0..n)
            .filter(|&i| site.contains(&self.fate[i]))
            .map(|i| self.line_text(i))
            .collect();
        let mut noticed: Vec<&str> = adverts.iter().chain(&site_lines).copied().collect();
        noticed.sort_unstable();
        noticed.dedup();
        let mut names = brand::harvest(adverts.iter().copied());
        // Uses of the harvested names and of the notices' candidates, from one search.
        let mut uses: HashMap<String, (usize, usize)> = HashMap::new();
        let injected = brand::harvest_injected(noticed.into_iter(), |candidates| {
            let all: Vec<String> = names.iter().chain(candidates).cloned().collect();
            let found = self.kept_uses(&all, junk_line);
            let lines = found[names.len()..]
                .iter()
                .map(|&(lines, _)| lines)
                .collect();
            uses.extend(all.into_iter().zip(found));
            lines
        });
        if uses.is_empty() && !names.is_empty() {
            uses.extend(names.iter().cloned().zip(self.kept_uses(&names, junk_line)));
        }
        for name in injected {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let titles = self.kept_titles(outline, junk_line);
        names.retain(|name| {
            let (lines, inside) = uses.get(name).copied().unwrap_or((0, 0));
            let the_sites_own = site_lines.iter().any(|l| l.contains(name.as_str()));
            // Two different adverts naming it make it the site's own, however often the
            // site injected it (【XX】专注…, 关注“XX”…): a word of the author's an advert
            // borrows (关注“乡村振兴”公众号) stands in one.
            let named_often = adverts.iter().filter(|l| l.contains(name.as_str())).count() >= 2;
            let vocabulary =
                (!named_often && lines >= brand::AUTHORS_VOCABULARY_LINES && inside * 2 >= lines)
                    || titles.iter().any(|t| t.contains(name.as_str()));
            (the_sites_own || !vocabulary) && !brand::is_common_word(name)
        });
        names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        names
    }

    /// Per name: in how many different kept lines it stands, and in how many of those it
    /// stands at least once between two Han characters.
    fn kept_uses(&self, names: &[String], junk_line: &[bool]) -> Vec<(usize, usize)> {
        let kept = |i: usize| self.fate[i] == 0 && !junk_line[i];
        let han = |c: Option<char>| c.is_some_and(crate::junk::is_han);
        let mut lines = vec![HashMap::<&str, bool>::new(); names.len()];
        let mut record = |p: usize, start: usize, end: usize, li: usize| {
            if kept(li) {
                let inside = han(self.text[..start].chars().next_back())
                    && han(self.text[end..].chars().next());
                *lines[p].entry(self.line_text(li)).or_default() |= inside;
            }
        };
        // A few names (the usual case) are each found with a searcher of its own: building
        // two automata cost more than the whole search on a file of a batch. Every use is
        // found, overlapping ones too, as the automaton's overlapping search finds them: a
        // use starts at a character, so the next may start at the next character.
        if names.len() <= FEW_NAMES && names.iter().all(|n| !n.is_empty()) {
            let bytes = self.text.as_bytes();
            for (p, name) in names.iter().enumerate() {
                let finder = memchr::memmem::Finder::new(name.as_bytes());
                let step = name.chars().next().map_or(1, char::len_utf8);
                let mut from = 0;
                while let Some(i) = finder.find(&bytes[from..]) {
                    let start = from + i;
                    record(p, start, start + name.len(), self.index.line_of(start));
                    from = start + step;
                }
            }
            return lines.iter().map(count_uses).collect();
        }
        // A DFA costs more to build than it saves on a file of a batch, as in `longest_first`.
        let kind = (self.text.len() < DFA_MIN_TEXT).then_some(AhoCorasickKind::ContiguousNFA);
        let Ok(ac) = AhoCorasickBuilder::new().kind(kind).build(names) else {
            return vec![(0, 0); names.len()];
        };
        // The lines holding any name are found first with a search that can run on SIMD
        // (an overlapping search cannot; it cost a tenth of planning), and only they are
        // searched for every use of every name. Names within a line: the same uses.
        let finder = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .kind(kind)
            .build(names)
            .ok()
            .filter(|_| names.iter().all(|n| !n.contains('\n')));
        let Some(finder) = finder else {
            for m in ac.find_overlapping_iter(self.text) {
                let li = self.index.line_of(m.start());
                record(m.pattern().as_usize(), m.start(), m.end(), li);
            }
            return lines.iter().map(count_uses).collect();
        };
        let mut from = 0;
        while let Some(m) = finder.find(aho_corasick::Input::new(self.text).range(from..)) {
            let li = self.index.line_of(m.start());
            let r = self.line_range(li);
            for m in ac.find_overlapping_iter(&self.text[r.clone()]) {
                record(
                    m.pattern().as_usize(),
                    r.start + m.start(),
                    r.start + m.end(),
                    li,
                );
            }
            from = self.index.line_start(li + 1).max(m.end());
            if from >= self.text.len() {
                break;
            }
        }
        lines.iter().map(count_uses).collect()
    }

    fn drop_user_lines(&mut self, user: &UserRules) {
        for (re, id) in &user.drops {
            for m in re.find_iter(self.text) {
                let first = self.index.line_of(m.start());
                let last = self.index.line_of(m.end().saturating_sub(1).max(m.start()));
                for li in first..=last {
                    self.drop_line(li, id);
                }
            }
        }
    }

    /// Entry lines of an empty 目录 (the non-blank lines after its heading).
    fn toc_entry_lines(&self, toc: &Toc) -> Vec<usize> {
        let end = toc.lines.end.min(self.index.line_count());
        (toc.heading_line + 1..end)
            .filter(|&i| !self.line_text(i).trim().is_empty())
            .collect()
    }

    /// Edits writing the report titles into an empty 目录, one per entry line; reports
    /// beyond the entries get new entry lines numbered the same way.
    fn toc_fill(&self, toc: &Toc, outline: &Outline, inline: &Inline) -> Vec<Edit> {
        let labels_on = self.on(ids::REPORT_LABELS);
        let titles: Vec<String> = outline
            .reports
            .iter()
            .map(|r| {
                inline.clean_fragment(if labels_on {
                    crate::label::unlabelled_title(&r.title)
                } else {
                    &r.title
                })
            })
            .collect();
        let entries = self.toc_entry_lines(toc);
        let mut out = Vec::new();
        if titles.is_empty() || entries.is_empty() || titles.iter().any(|t| t.is_empty()) {
            return out;
        }
        for (k, &li) in entries.iter().enumerate().take(titles.len()) {
            let r = self.line_range(li);
            let line = &self.text[r.clone()];
            let marker = line.trim();
            // Only a bare number is an empty entry ("1.", "（二）"); never write over words.
            if marker.chars().count() > 6
                || marker.chars().any(|c| {
                    ('\u{4e00}'..='\u{9fff}').contains(&c) && !"一二三四五六七八九十".contains(c)
                })
            {
                return Vec::new();
            }
            let mut new = titles[k].clone();
            if k + 1 == entries.len()
                && let Some((prefix, number, suffix)) = split_arabic_marker(line.trim_end())
            {
                for (m, title) in titles.iter().enumerate().skip(entries.len()) {
                    new.push_str(&format!(
                        "\n{prefix}{}{suffix}{title}",
                        number + (m - k) as u64
                    ));
                }
            }
            let at = r.start + line.trim_end().len();
            out.push(rule_edit(self.text, at..r.end, new, ids::EMPTY_TOC));
        }
        out
    }

    /// The site's numbering around each report's title: "【篇一】", "范文3：", "（第2篇）".
    fn report_labels(&self, outline: &Outline) -> Vec<Edit> {
        let mut out = Vec::new();
        for (report, li) in outline
            .reports
            .iter()
            .filter_map(|r| Some((r, r.title_line?)))
        {
            if li >= self.index.line_count() {
                continue;
            }
            let r = self.line_range(li);
            // A title right under the previous report's last line was told apart by its label:
            // a blank line takes the label's place.
            let joined = li > 0 && !self.looks_blank(li - 1);
            let mut labels = crate::label::title_labels(&self.text[r.clone()]);
            // A label the split learned from the compilation ("材料2："), on the title line.
            if let Some(l) = report.label.as_ref().filter(|l| l.line == li)
                && let Some(len) = crate::label::prefix_len(&self.text[r.clone()], &l.text)
                && labels.first().is_none_or(|f| f.start > 0)
            {
                labels.insert(0, 0..len);
            }
            for label in labels {
                let new = if label.start == 0 && joined { "\n" } else { "" };
                let at = r.start + label.start..r.start + label.end;
                out.push(rule_edit(self.text, at, new, ids::REPORT_LABELS));
            }
        }
        out
    }

    /// A byte order mark opening a line: what joining files into one leaves where each
    /// began. Looked for at line starts only, and with `only` at those inside its ranges
    /// (where an earlier round's edit may have brought a mark to the start of a line).
    fn stray_boms(&self, only: Option<&[ByteRange]>) -> Vec<Edit> {
        let starts: &[usize] = self.index.starts();
        let mark = |&s: &usize| {
            self.text[s..]
                .starts_with(junk::BOM)
                .then(|| rule_edit(self.text, s..s + junk::BOM.len_utf8(), "", ids::STRAY_BOM))
        };
        match only {
            None => starts.iter().filter_map(mark).collect(),
            Some(ranges) => ranges
                .iter()
                .flat_map(|r| {
                    let from = starts.partition_point(|&s| s < r.start);
                    let to = starts.partition_point(|&s| s < r.end);
                    starts[from..to].iter().filter_map(mark)
                })
                .collect(),
        }
    }

    fn run(mut self, outline: &Outline, hints: &Hints) -> Planned {
        let text = self.text;
        let n = self.index.line_count();
        let user = UserRules::compile(self.rules, text.len());

        // Whole lines.
        let junk_line = self.find_adverts(hints.candidates);
        let classes = hints.classes.filter(|c| c.len() == self.index.line_count());
        self.find_site_lines(classes);
        self.find_link_lists(outline.toc.as_ref());
        self.find_comments();
        self.find_credits();
        self.find_closing_notice();
        self.drop_user_lines(&user);
        let word = (!self.rules.origins.is_empty()).then(|| {
            super::word::plan(
                text,
                self.rules,
                |at| self.index.line_of(at),
                |li| self.line_range(li),
            )
        });
        for &(li, id) in word.iter().flat_map(|w| &w.lines) {
            self.drop_line(li, id);
        }
        // A site's label on a line of its own before a title ("【篇二】").
        if self.on(ids::REPORT_LABELS) {
            for r in &outline.reports {
                if let Some(l) = r.label.as_ref().filter(|l| Some(l.line) != r.title_line)
                    && l.line < n
                {
                    self.drop_line(l.line, ids::REPORT_LABELS);
                }
            }
        }
        let empty_toc = outline
            .toc
            .as_ref()
            .filter(|t| t.is_empty() && self.on(ids::EMPTY_TOC));
        if let (Some(toc), TocMode::Drop) = (empty_toc, self.rules.toc) {
            for li in toc.lines.start..toc.lines.end.min(n) {
                self.drop_line(li, ids::EMPTY_TOC);
            }
        }

        // Inside lines.
        let brand_on = self.on(ids::BRAND_WORDS);
        let mut names = Vec::new();
        let brands = if brand_on {
            // Sites repeat the same few adverts; each distinct one is read once (a hash set
            // first: sorting tens of thousands of lines with long common prefixes cost more).
            let distinct: std::collections::HashSet<&str> = (0..n)
                .filter(|&i| junk_line[i])
                .map(|i| self.line_text(i))
                .collect();
            let mut advert_texts: Vec<&str> = distinct.into_iter().collect();
            advert_texts.sort_unstable();
            names = self.brands(&advert_texts, outline, &junk_line);
            longest_first(&names, self.text.len())
        } else {
            None
        };
        let inline = Inline {
            paywall: self.on(ids::PAYWALL_MARKERS),
            gloss: self.on(ids::PINYIN_GLOSS),
            party: self.on(ids::MASKED_PARTY),
            gdp: self.on(ids::MASKED_GDP),
            punctuation: self.on(ids::PROOF_PUNCTUATION),
            bracket: self.on(ids::PROOF_BRACKET),
            traditional: self.on(ids::TRADITIONAL),
            brands,
            user,
        };
        // Lines an earlier round saw unchanged hold nothing for the built-in rules, unless
        // this round found a brand word that round did not look for.
        let only = hints
            .dirty
            .filter(|(_, seen)| names.iter().all(|b| seen.contains(b)))
            .map(|(ranges, _)| ranges);
        let index = &self.index;
        let mut edits = inline.edits(text, only, &|at| !junk_line[index.line_of(at)]);
        // Edits no in-line scan makes: a filled 目录, marks at line starts.
        let mut more = Vec::new();
        if let (Some(toc), TocMode::Fill) = (empty_toc, self.rules.toc) {
            more.extend(self.toc_fill(toc, outline, &inline));
        }
        if self.on(ids::STRAY_BOM) {
            more.extend(self.stray_boms(only));
        }
        if self.on(ids::REPORT_LABELS) {
            more.extend(self.report_labels(outline));
        }
        more.extend(self.glued_tails());
        for (range, id) in word.iter().flat_map(|w| &w.spans) {
            more.push(rule_edit(text, range.clone(), "", id));
        }
        if !more.is_empty() {
            edits.extend(more);
            edits = crate::edit::normalize(edits);
        }

        // Whitespace as it will be: walk each kept line back from its end over spaces and
        // deletions. A line left with nothing is deleted whole; a line of spaces is blank.
        let trailing_on = self.on(ids::TRAILING_SPACES);
        let pages_on = self.on(ids::PAGE_NUMBERS);
        let separators_on = self.on(ids::SEPARATOR_LINES);
        let mut kept: Vec<(usize, Edit)> = Vec::with_capacity(edits.len());
        let mut blank = vec![false; n];
        let mut edits = edits.into_iter().peekable();
        for (li, blank_li) in blank.iter_mut().enumerate() {
            let r = self.line_range(li);
            // A page number on a line of its own ("— 2 —") goes whole; decided here, where every
            // line passes once (most are longer than any page number). One that shares its line
            // with a paywall marker is left to the next round, when the marker is gone.
            // A separator line ("————————") goes whole too; it may be three times as long.
            if r.len() <= junk::MAX_PAGE_NUMBER_BYTES * 3
                && junk::opens_like_layout_line(&text.as_bytes()[r.clone()])
            {
                let line = &text[r.clone()];
                if pages_on && junk::is_page_number_line(line) {
                    self.drop_line(li, ids::PAGE_NUMBERS);
                } else if separators_on && junk::is_separator_line(line) {
                    self.drop_line(li, ids::SEPARATOR_LINES);
                }
            }
            // Most lines have no edit and end on a word: nothing to walk back over.
            if edits.peek().is_none_or(|e| e.range.start > r.end)
                && text[..r.end]
                    .chars()
                    .next_back()
                    .is_some_and(|c| r.end > r.start && !c.is_whitespace())
            {
                continue;
            }
            let mut line_edits = Vec::new();
            while let Some(e) = edits.next_if(|e| e.range.start <= r.end) {
                line_edits.push(e);
            }
            if self.fate[li] != 0 {
                continue;
            }
            let mut pos = r.end;
            let mut j = line_edits.len();
            let mut spaces: Vec<ByteRange> = Vec::new();
            let mut deleted_by: Option<String> = None;
            let mut has_words = false;
            loop {
                if j > 0 && line_edits[j - 1].range.end >= pos {
                    let e = &line_edits[j - 1];
                    if e.range.end == pos && e.new.is_empty() && !e.range.is_empty() {
                        if let EditOrigin::Rule(id) = &e.origin {
                            deleted_by = Some(id.clone());
                        }
                        pos = e.range.start;
                        j -= 1;
                        continue;
                    }
                    has_words = true;
                    break;
                }
                if pos == r.start {
                    break;
                }
                let mut start = pos;
                for (i, c) in text[r.start..pos].char_indices().rev() {
                    if !c.is_whitespace()
                        || (j > 0 && line_edits[j - 1].range.end == r.start + i + c.len_utf8())
                    {
                        break;
                    }
                    start = r.start + i;
                }
                if start == pos {
                    has_words = true;
                    break;
                }
                spaces.push(start..pos);
                pos = start;
            }
            if !has_words {
                if let Some(id) = deleted_by {
                    self.drop_line(li, &id);
                    continue;
                }
                *blank_li = true;
            }
            kept.extend(line_edits.into_iter().map(|e| (li, e)));
            if trailing_on {
                kept.extend(
                    spaces
                        .into_iter()
                        .map(|s| (li, rule_edit(text, s, "", ids::TRAILING_SPACES))),
                );
            }
        }

        // Blank lines: none before the first words, none after the last, one between —
        // two before a report without a title line, whose only mark is the wide gap.
        let first_words = (0..n).find(|&i| self.fate[i] == 0 && !blank[i]);
        let last_words = (0..n).rev().find(|&i| self.fate[i] == 0 && !blank[i]);
        let (leading_on, trailing_lines_on, runs_on) = (
            self.on(ids::LEADING_BLANK_LINES),
            self.on(ids::TRAILING_BLANK_LINES),
            self.on(ids::BLANK_RUNS),
        );
        let mut untitled_start = vec![false; n];
        for r in outline.reports.iter().filter(|r| r.title_line.is_none()) {
            if let Some(s) = untitled_start.get_mut(r.lines.start) {
                *s = true;
            }
        }
        let mut run = 0;
        let mut run_limit = 1;
        for (li, &is_blank) in blank.iter().enumerate() {
            if self.fate[li] != 0 {
                continue;
            }
            if !is_blank {
                run = 0;
            } else if leading_on && first_words.is_none_or(|f| li < f) {
                self.drop_line(li, ids::LEADING_BLANK_LINES);
            } else if trailing_lines_on && last_words.is_some_and(|l| li > l) {
                self.drop_line(li, ids::TRAILING_BLANK_LINES);
            } else {
                if run == 0 {
                    let next = (li + 1..n).find(|&i| self.fate[i] == 0 && !blank[i]);
                    run_limit = if next.is_some_and(|i| untitled_start[i]) {
                        2
                    } else {
                        1
                    };
                }
                if runs_on && run >= run_limit {
                    self.drop_line(li, ids::BLANK_RUNS);
                } else {
                    run += 1;
                }
            }
        }

        // Deleted lines take their newline along; at the end of a text without a final
        // newline they take the newline before them instead.
        let mut out: Vec<Edit> = kept
            .into_iter()
            .filter(|(li, _)| self.fate[*li] == 0)
            .map(|(_, e)| e)
            .collect();
        let settled = !brand_on || (0..n).all(|i| !junk_line[i] || self.fate[i] != 0);
        let tail = (0..n)
            .rev()
            .take_while(|&i| self.fate[i] != 0)
            .last()
            .unwrap_or(n);
        let ends_open = !text.ends_with('\n');
        for li in 0..n {
            let slot = self.fate[li];
            if slot == 0 {
                continue;
            }
            let r = self.line_range(li);
            let range = if ends_open && tail > 0 && li >= tail {
                r.start - 1..r.end
            } else if r.end < text.len() {
                r.start..r.end + 1
            } else {
                r
            };
            out.push(rule_edit(text, range, "", self.slots.id(slot)));
        }
        Planned {
            edits: crate::edit::normalize(out),
            brands: names,
            settled,
        }
    }
}

/// In how many different lines a name stands, and in how many of those between two Han
/// characters (the lines it stands in, each with whether it does so there).
fn count_uses(lines: &HashMap<&str, bool>) -> (usize, usize) {
    (
        lines.len(),
        lines.values().filter(|&&inside| inside).count(),
    )
}

/// "  12." → ("  ", 12, "."): the parts of an Arabic-numbered 目录 entry.
fn split_arabic_marker(line: &str) -> Option<(&str, u64, &str)> {
    let start = line.find(|c: char| c.is_ascii_digit())?;
    let digits_end = line[start..]
        .find(|c: char| !c.is_ascii_digit())
        .map(|i| start + i)
        .unwrap_or(line.len());
    let number = line[start..digits_end].parse().ok()?;
    Some((&line[..start], number, &line[digits_end..]))
}
