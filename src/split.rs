//! Splitting a compilation into its parts: the compilation title, the 目录, each report
//! (with an inferred title where the title line is missing) and the junk around them.
//!
//! Lines are classified by cheap checks on their first and last characters; only the few
//! candidate title lines get a closer look. No dependency on egui.

use crate::junk;
use crate::label::without_label;
use crate::model::{Finding, FindingKind, LineIndex, Origin, Outline, Piece, Report, Toc};
use crate::outline;
use crate::site::{self, SiteLine, is_title_shaped, reading_list_links};
use std::ops::Range;

mod again;
pub(crate) use again::{LinesChanged, split_again};

/// The title endings of the lexicon (`[titles] endings`) by their last character, sorted:
/// looked up by a line's last character (most lines have none of them) instead of trying each.
static ENDINGS_BY_LAST: std::sync::LazyLock<Vec<(char, &'static str)>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<(char, &str)> = crate::lexicon::builtin()
            .titles
            .endings
            .iter()
            .filter_map(|w| Some((w.chars().next_back()?, w.as_str())))
            .collect();
        v.sort_unstable();
        v
    });

/// Whether `core` ends with one of the lexicon's title endings.
pub(crate) fn ends_like_title(core: &str) -> bool {
    let Some(last) = core.chars().next_back() else {
        return false;
    };
    let endings = &ENDINGS_BY_LAST[ENDINGS_BY_LAST.partition_point(|(c, _)| *c < last)..];
    endings
        .iter()
        .take_while(|(c, _)| *c == last)
        .any(|(_, w)| core.ends_with(w))
}

/// A title has at most 70 characters (plus paywall markers and spaces around it).
const MAX_TITLE_BYTES: usize = 70 * 3 + 32;

/// Unit words that, standing first and followed by a year, show the unit's name was cut.
const BARE_UNITS: [&str; 7] = ["街道", "镇", "乡", "村", "区", "县", "市"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Junk,
    Text,
}

#[derive(Clone, Copy)]
struct Lines<'a> {
    text: &'a str,
    index: &'a LineIndex,
    /// Those of the [`LineClasses`], with the links under a reading-list header made junk
    /// ([`reading_lists`], [`with_lists`]).
    kinds: &'a [Kind],
    /// Per line, what the report split asks of a text line, decided with its kind.
    looks: &'a [Looks],
}

/// Every line of a text as the report split reads it: its kind and, for a text line, how it
/// looks. A line is decided by its own bytes alone (and whether it holds an advert keyword),
/// so cleaning carries the lines it did not touch over to its result unchanged.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LineClasses {
    kinds: Vec<Kind>,
    looks: Vec<Looks>,
    /// Per line, [`site::classify`] of its bytes, when the split asked it (not of an advert
    /// line, nor of a line with paywall markers): cleaning need not ask again.
    sites: Vec<Option<Option<SiteLine>>>,
}

impl LineClasses {
    /// Classifies every line of `text`, on every core for a large text. `candidates`: the
    /// advert candidate line starts ([`junk::advert_candidate_starts`]).
    pub(crate) fn new(text: &str, index: &LineIndex, candidates: &[usize]) -> LineClasses {
        let line_count = index.line_count();
        let classified = crate::par::flat_map_slices(text, crate::par::PARALLEL_MIN, |range| {
            let first = if range.start == 0 {
                0
            } else {
                index.line_of(range.start)
            };
            let end = if range.end >= text.len() {
                line_count
            } else {
                index.line_of(range.end)
            };
            let from = candidates.partition_point(|&c| c < range.start);
            let mut next_candidate = candidates[from..].iter().copied().peekable();
            // Paywall markers are rare: find their bytes once, not line by line.
            let mut marks = memchr::memchr2_iter(b'#', b'$', &text.as_bytes()[range.clone()])
                .map(|i| i + range.start)
                .peekable();
            (first..end)
                .map(|l| {
                    let start = index.line_start(l);
                    while next_candidate.next_if(|&c| c < start).is_some() {}
                    let candidate = next_candidate.next_if_eq(&start).is_some();
                    let r = index.line_range(text, l);
                    while marks.next_if(|&m| m < r.start).is_some() {}
                    let has_marks = marks.peek().is_some_and(|&m| m < r.end);
                    classify(&text[r], candidate, has_marks)
                })
                .collect::<Vec<_>>()
        });
        let mut classes = LineClasses::with_capacity(classified.len());
        for (kind, looks, site) in classified {
            classes.kinds.push(kind);
            classes.looks.push(looks);
            classes.sites.push(site);
        }
        classes
    }

    pub(crate) fn with_capacity(lines: usize) -> LineClasses {
        LineClasses {
            kinds: Vec::with_capacity(lines),
            looks: Vec::with_capacity(lines),
            sites: Vec::with_capacity(lines),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Classifies `line` of `text` and appends it.
    pub(crate) fn push_line(
        &mut self,
        text: &str,
        index: &LineIndex,
        line: usize,
        candidate: bool,
    ) {
        let raw = &text[index.line_range(text, line)];
        let marks = memchr::memchr2(b'#', b'$', raw.as_bytes()).is_some();
        let (kind, looks, site) = classify(raw, candidate, marks);
        self.kinds.push(kind);
        self.looks.push(looks);
        self.sites.push(site);
    }

    /// Appends the lines `lines` of `other` as they were classified there.
    pub(crate) fn extend_copy(&mut self, other: &LineClasses, lines: Range<usize>) {
        self.kinds.extend_from_slice(&other.kinds[lines.clone()]);
        self.looks.extend_from_slice(&other.looks[lines.clone()]);
        self.sites.extend_from_slice(&other.sites[lines]);
    }

    /// Makes junk the lines a Word reader read from a page's header or footer (`layout`, the
    /// document's pieces and their origins): a running header between two reports ("XX网",
    /// "XX·精品述职报告") is never a report or its title. A piece counts only while its range
    /// still holds the text it was read with and is its line's whole text.
    pub(crate) fn mark_layout(&mut self, text: &str, index: &LineIndex, layout: &[Piece]) {
        for p in layout {
            if !matches!(p.origin, Origin::Header | Origin::Footer)
                || text.get(p.range.clone()) != Some(p.text.as_str())
                || p.text.trim().is_empty()
            {
                continue;
            }
            let line = index.line_of(p.range.start);
            if line < self.kinds.len() && text[index.line_range(text, line)].trim() == p.text.trim()
            {
                self.kinds[line] = Kind::Junk;
                self.looks[line] = Looks::default();
            }
        }
    }

    /// [`site::classify`] of line `line`'s bytes, when the split asked it.
    pub(crate) fn site(&self, line: usize) -> Option<Option<SiteLine>> {
        self.sites.get(line).copied().flatten()
    }
}

/// How a text line reads to the report split.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Looks {
    /// [`title_score`] of a line short enough to be a title, else 0.
    title: u8,
    /// The line has a comma or an enumeration comma (a title run on after a report has none).
    commas: bool,
    /// A date line ([`outline::is_date_line`]): a report ends there.
    date: bool,
    /// Nothing but marks ("~~~~~~", "* * *"): a gap, though it is kept as text.
    rule: bool,
}

/// The line with paywall markers removed and spaces trimmed; `marks`: whether the line
/// holds a `#` or `$` at all.
fn content_of(raw: &str, marks: bool) -> std::borrow::Cow<'_, str> {
    if !marks {
        return std::borrow::Cow::Borrowed(trim_blank(raw));
    }
    match junk::strip_paywall(raw) {
        std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(trim_blank(s)),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(trim_blank(&s).to_string()),
    }
}

/// `s` without the spaces and byte order marks (U+FEFF, left where files were joined into
/// one) around it: nothing a reader sees.
fn trim_blank(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == junk::BOM)
}

/// Cheap test that rules out most body lines before any title scoring: a title is short
/// and has no full stop.
fn may_be_title(raw: &str) -> bool {
    raw.len() <= MAX_TITLE_BYTES && !has_full_stop(raw.as_bytes())
}

/// Whether `bytes` hold 。(E3 80 82). Its lead byte is rare in Chinese text but for 。 and 、,
/// so a memchr and a check beat a substring search on lines this short.
fn has_full_stop(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xE3, bytes).any(|i| bytes[i + 1..].starts_with(&[0x80, 0x82]))
}

/// The kind of one line, how it reads when it is text, and its [`site::classify`] when
/// asked (see [`LineClasses::site`]).
fn classify(raw: &str, candidate: bool, marks: bool) -> (Kind, Looks, Option<Option<SiteLine>>) {
    // Most lines are body paragraphs: decide those with byte checks only.
    let first = raw.as_bytes().first().copied();
    if first.is_none_or(|b| b == b' ' || b == b'\t' || b == 0xE3) && raw.trim().is_empty() {
        return (Kind::Blank, Looks::default(), Some(None));
    }
    let stripped = if marks {
        junk::strip_paywall(raw)
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    let content = trim_blank(&stripped);
    // Without markers the content is the line trimmed as site::classify trims it.
    let known = |class| (!marks).then_some(class);
    if content.is_empty() {
        return (Kind::Junk, Looks::default(), known(None));
    }
    // A rule of marks ("~~~~~~", "* * *", "———"): text (an export keeps it) that reads as a
    // gap between parts, never a title or a report of its own. Decided on the first
    // character for almost every line.
    if content.starts_with(|c: char| !c.is_alphanumeric())
        && !content.contains(char::is_alphanumeric)
    {
        let looks = Looks {
            rule: true,
            ..Looks::default()
        };
        return (Kind::Text, looks, known(None));
    }
    if candidate && junk::is_advert_line(&stripped) {
        return (Kind::Junk, Looks::default(), None);
    }
    let class = (content.len() <= site::MAX_BYTES)
        .then(|| site::classify(content))
        .flatten();
    if class.is_some() {
        return (Kind::Junk, Looks::default(), known(class));
    }
    let title = if may_be_title(raw) {
        title_score(content).min(u8::MAX as u32) as u8
    } else {
        0
    };
    let looks = Looks {
        title,
        commas: title > 0 && content.contains(['，', '、']),
        date: outline::is_date_line(content),
        rule: false,
    };
    (Kind::Text, looks, known(None))
}

/// The reading lists a site appends under a header (【推荐阅读】, an advert line) among
/// the junk lines `headers` (in order), as (header line, links): the links are titles of
/// other articles, not reports of this compilation.
fn reading_lists(
    text: &str,
    index: &LineIndex,
    kinds: &[Kind],
    headers: impl Iterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let line = |l: usize| &text[index.line_range(text, l)];
    headers
        .filter(|&h| kinds[h] == Kind::Junk)
        .map(|h| (h, reading_list_links(line, h, kinds.len())))
        .filter(|&(_, links)| links > 0)
        .collect()
}

/// The line kinds with the links of `lists` made junk too; None when there are none (the
/// kinds stand as they are).
fn with_lists(kinds: &[Kind], lists: &[(usize, usize)]) -> Option<Vec<Kind>> {
    if lists.is_empty() {
        return None;
    }
    let mut out = kinds.to_vec();
    for &(header, links) in lists {
        out[header + 1..header + 1 + links].fill(Kind::Junk);
    }
    Some(out)
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, index: &'a LineIndex, classes: &'a LineClasses) -> Self {
        Lines {
            text,
            index,
            kinds: &classes.kinds,
            looks: &classes.looks,
        }
    }

    fn len(&self) -> usize {
        self.kinds.len()
    }

    /// The line with paywall markers removed and spaces trimmed.
    fn content(&self, line: usize) -> String {
        self.content_cow(line).into_owned()
    }

    fn content_cow(&self, line: usize) -> std::borrow::Cow<'a, str> {
        let raw = &self.text[self.index.line_range(self.text, line)];
        content_of(raw, memchr::memchr2(b'#', b'$', raw.as_bytes()).is_some())
    }

    fn next_text(&self, from: usize) -> Option<usize> {
        (from..self.len()).find(|&l| self.kinds[l] == Kind::Text)
    }

    /// Number of blank or junk lines directly before `line` (up to the previous text line).
    fn gap_before(&self, line: usize) -> usize {
        (0..line)
            .rev()
            .take_while(|&l| self.kinds[l] != Kind::Text || self.looks[l].rule)
            .count()
    }
}

/// Splits `text` into its parts.
pub fn split(text: &str, index: &LineIndex) -> Outline {
    outline_reports(text, index, split_structure(text, index))
}

/// The parts without each report's headings, roles and numbering findings: what cleaning
/// needs (titles, report ranges, the 目录), at a fraction of the cost.
pub fn split_structure(text: &str, index: &LineIndex) -> Outline {
    // One whole-text keyword pass finds the few lines worth scoring as adverts.
    let candidates = junk::advert_candidate_starts(text);
    split_classified(text, index, &LineClasses::new(text, index, &candidates))
}

/// [`split_structure`] of a text whose lines are already classified.
pub(crate) fn split_classified(text: &str, index: &LineIndex, classes: &LineClasses) -> Outline {
    split_learning(text, index, classes).0
}

/// What a split learned of the whole compilation beyond each line's class: where its head
/// (title, 目录) ends, its reading lists, how the search for a site's numbering of its
/// reports read each line, and that numbering. Kept with an analysis, so that the split
/// after an edit ([`split_again`]) reads again only the lines around it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Learned {
    /// The first line of the reports (after the title and the 目录).
    cursor: usize,
    /// The lines before this one decided the title and the 目录.
    head_hi: usize,
    /// (header line, links), in line order.
    lists: Vec<(usize, usize)>,
    /// Per line, how [`numbering_chain`] reads it.
    roles: Vec<Role>,
    /// The lines of role [`Role::Label`], in line order.
    labels: Vec<Label>,
    chain: Vec<Labelled>,
}

/// [`split_classified`], with what it learned of the whole text.
pub(crate) fn split_learning(
    text: &str,
    index: &LineIndex,
    classes: &LineClasses,
) -> (Outline, Learned) {
    let junk = (classes.kinds.iter().enumerate())
        .filter(|(_, k)| **k == Kind::Junk)
        .map(|(l, _)| l);
    let lists = reading_lists(text, index, &classes.kinds, junk);
    let listed = with_lists(&classes.kinds, &lists);
    let mut lines = Lines::new(text, index, classes);
    if let Some(kinds) = &listed {
        lines.kinds = kinds;
    }
    let (mut out, cursor, head_hi) = split_head(&lines);
    let mut roles = vec![Role::Skip; lines.len()];
    let mut labels = Vec::new();
    label_roles(&lines, cursor..lines.len(), &mut roles, &mut labels);
    let chain = numbering_chain(&roles, &labels, cursor);
    out.reports = if chain.is_empty() {
        split_reports(&lines, cursor)
    } else {
        let (kinds, looks) = with_chain(&lines, &chain);
        let labelled = Lines {
            kinds: &kinds,
            looks: &looks,
            ..lines
        };
        let mut reports = split_reports(&labelled, cursor);
        add_labels(&labelled, &chain, &mut reports);
        reports
    };
    let learned = Learned {
        cursor,
        head_hi,
        lists,
        roles,
        labels,
        chain,
    };
    (out, learned)
}

/// Adds each report's headings, roles and numbering findings to the parts
/// [`split_structure`] found: together, what [`split`] gives. Reports are independent, so a
/// large compilation is cut into runs of reports of about equal size, one per core.
pub fn outline_reports(text: &str, index: &LineIndex, mut parts: Outline) -> Outline {
    let threads = crate::par::cores();
    let reports = &mut parts.reports;
    if text.len() < crate::par::PARALLEL_MIN || threads <= 1 || reports.len() < 2 * threads {
        for r in reports.iter_mut() {
            add_outline(text, index, r);
        }
        return parts;
    }
    std::thread::scope(|s| {
        for run in report_runs(reports, threads) {
            s.spawn(move || {
                for r in run {
                    add_outline(text, index, r);
                }
            });
        }
    });
    parts
}

/// `reports` cut into at most `pieces` runs of about equal bytes, for outlining on several
/// threads.
pub(crate) fn report_runs(reports: &mut [Report], pieces: usize) -> Vec<&mut [Report]> {
    let total: usize = reports.iter().map(|r| r.range.len()).sum();
    let per_piece = total / pieces.max(1) + 1;
    let mut runs: Vec<&mut [Report]> = Vec::with_capacity(pieces);
    let mut rest: &mut [Report] = reports;
    while !rest.is_empty() {
        let mut bytes = 0;
        let take = if runs.len() + 1 >= pieces {
            rest.len()
        } else {
            rest.iter()
                .position(|r| {
                    bytes += r.range.len();
                    bytes >= per_piece
                })
                .map_or(rest.len(), |i| i + 1)
        };
        let (run, tail) = rest.split_at_mut(take);
        runs.push(run);
        rest = tail;
    }
    runs
}

/// One report's headings, roles and numbering findings.
pub(crate) fn add_outline(text: &str, index: &LineIndex, report: &mut Report) {
    let (headings, numbering) =
        outline::outline(text, index, report.lines.clone(), report.title_line);
    report.findings.extend(numbering);
    report.findings.sort_by_key(|f| (f.line, f.range.start));
    report.roles = outline::roles(text, index, report.lines.clone(), report.title_line);
    report.outline = headings;
}

/// The compilation's title and 目录, the line its reports start from (`cursor`), and the
/// end of the lines that decided them (the second text line from the cursor on, included).
fn split_head(lines: &Lines) -> (Outline, usize, usize) {
    let mut out = Outline::default();
    let Some(mut cursor) = lines.next_text(0) else {
        return (out, lines.len(), lines.len());
    };

    // A 目录 among the first few short lines: the lines above it are the compilation's head
    // (its title, and the site's lines about the article that no junk rule knew).
    let (toc_at, looked) = toc_below_head(lines, cursor);
    if let Some(toc) = toc_at.filter(|&t| t > cursor) {
        let head: Vec<usize> = (cursor..toc)
            .filter(|&l| lines.kinds[l] == Kind::Text)
            .collect();
        let title = head
            .iter()
            .rev()
            .copied()
            .find(|&l| names_compilation(&lines.content(l)))
            .or(head.last().copied());
        if let Some(t) = title {
            out.title = Some(lines.content(t));
            out.title_line = Some(t);
        }
        cursor = toc;
    } else {
        // The compilation title: a first line naming a compilation, or followed by a 目录.
        let first = lines.content(cursor);
        let toc_next = lines
            .next_text(cursor + 1)
            .is_some_and(|l| is_toc_heading(&lines.content(l)));
        if names_compilation(&first) || toc_next {
            out.title = Some(first);
            out.title_line = Some(cursor);
            cursor = lines.next_text(cursor + 1).unwrap_or(lines.len());
            cursor = past_subtitle(lines, cursor);
        }
    }

    // The 目录 and its entries.
    if cursor < lines.len() && is_toc_heading(&lines.content(cursor)) {
        let (toc, next) = read_toc(lines, cursor);
        out.toc = Some(toc);
        cursor = next;
    }
    // What decided the head: at most the first text line from the cursor on (which ended
    // the 目录) and the text line after it (read to tell a title from a 目录 entry).
    let head_hi = lines
        .next_text(cursor)
        .and_then(|l| lines.next_text(l + 1))
        .map_or(lines.len(), |l| l + 1)
        .max(looked);
    (out, cursor, head_hi)
}

/// Where the reports start when one or two short lines right under the compilation's title
/// stand apart from what follows (a site's slogan, "XX·让公文写作更简单"; a subtitle): they are
/// the compilation's head, not a report without a title. A line that reads as a title or a
/// sentence is a report's.
fn past_subtitle(lines: &Lines, cursor: usize) -> usize {
    let mut end = cursor;
    while end < lines.len() && lines.kinds[end] == Kind::Text && end - cursor < 2 {
        let content = lines.content(end);
        let subtitle = (2..=30).contains(&content.chars().count())
            && !content.contains(['。', '，', '；', '！', '？', '：', ':', '、'])
            && !ends_like_title(&content)
            && title_score(&content) < 2
            && !is_toc_heading(&content)
            && crate::outline::line_marker(&content).is_none();
        if !subtitle {
            return cursor;
        }
        end += 1;
    }
    // Apart: a blank or junk line after them, then text.
    match lines.next_text(end) {
        Some(next) if end > cursor && next > end => next,
        _ => cursor,
    }
}

/// The line kinds and looks with the chain's labels marking titles: a label of its own line
/// is junk before its title, a label opening a title line counts as one of the known words
/// does.
fn with_chain(lines: &Lines, chain: &[Labelled]) -> (Vec<Kind>, Vec<Looks>) {
    let mut kinds = lines.kinds.to_vec();
    let mut looks = lines.looks.to_vec();
    for c in chain {
        if c.alone {
            kinds[c.line] = Kind::Junk;
        } else {
            let content = lines.content_cow(c.line);
            let rest = &content[c.len..];
            let score = (title_score(rest) + 2).min(u8::MAX as u32) as u8;
            looks[c.line].title = looks[c.line].title.max(score);
            // The site's numbering marks a title: an enumeration comma in it is the title's
            // ("党组成员、副主任2024年述职报告"); a full comma still reads as a sentence.
            looks[c.line].commas = rest.contains('，');
        }
    }
    (kinds, looks)
}

/// Gives each report whose title a label of the chain numbers that label (`labelled`: the
/// lines [`with_chain`] made).
fn add_labels(labelled: &Lines, chain: &[Labelled], reports: &mut [Report]) {
    for r in reports {
        let Some(t) = r.title_line else { continue };
        let found = chain.iter().find(|c| {
            if c.alone {
                labelled.next_text(c.line + 1) == Some(t)
            } else {
                c.line == t
            }
        });
        if let Some(c) = found {
            let content = labelled.content_cow(c.line);
            r.label = Some(crate::model::SiteLabel {
                line: c.line,
                text: content[..c.len].trim().to_string(),
            });
        }
    }
}

/// How many text lines from the top the search for a 目录 below the compilation's head reads.
const HEAD_LINES: usize = 8;

/// The 目录 heading among the first [`HEAD_LINES`] text lines from `from`, when every text
/// line above it is short and ends no sentence (a head, not a report's body), and the end
/// of the lines read to tell.
fn toc_below_head(lines: &Lines, from: usize) -> (Option<usize>, usize) {
    let mut l = from;
    for _ in 0..HEAD_LINES {
        let Some(t) = lines.next_text(l) else {
            return (None, lines.len());
        };
        let content = lines.content(t);
        if is_toc_heading(&content) {
            return (Some(t), t + 1);
        }
        let body = content.chars().count() > 40 || content.ends_with(['。', '：', ':']);
        if body {
            return (None, t + 1);
        }
        l = t + 1;
    }
    (None, l)
}

/// Whether a first line names a compilation: a compilation word, or counting its pieces.
/// "范文1：…工作总结" is the first report's title, numbered by the site: its label is no
/// compilation word.
fn names_compilation(line: &str) -> bool {
    let named = without_label(line);
    crate::lexicon::builtin()
        .titles
        .compilation_words
        .iter()
        .any(|w| named.contains(w.as_str()))
        || counts_pieces(named)
        || counted_then_remark(named)
}

/// Whether `title` counts its pieces and then adds a short remark of the site's:
/// "…述廉报告5篇汇总", "…材料3篇，建议收藏", "…材料5篇（可编辑）".
fn counted_then_remark(title: &str) -> bool {
    /// At most this many characters after the count.
    const REMARK: usize = 6;
    let counters = &crate::lexicon::builtin().titles.piece_counters;
    title.char_indices().any(|(i, c)| {
        let end = i + c.len_utf8();
        end < title.len()
            && counters.iter().any(|k| title[..end].ends_with(k.as_str()))
            && title[end..].chars().count() <= REMARK
            && counts_pieces(&title[..end])
    })
}

/// Whether `title` ends by counting the pieces it gathers, as only a compilation's title
/// does: "…工作计划（6篇）", "…述廉报告3篇", "…范文三篇", "…材料（4份）". Not "…（第3篇）", a
/// report's number in the compilation; at least two pieces.
fn counts_pieces(title: &str) -> bool {
    let t = title.trim_end().trim_end_matches(['）', ')']);
    let Some(counter) = crate::lexicon::builtin()
        .titles
        .piece_counters
        .iter()
        .find(|c| t.ends_with(c.as_str()))
    else {
        return false;
    };
    let head = &t[..t.len() - counter.len()];
    // The number before the counter: digits, or a Chinese number of up to three characters.
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            c.is_ascii_digit() || outline::chinese_digit(c).is_some() || c == '十'
        })
        .last()
        .map_or(head.len(), |(i, _)| i);
    let number = &head[start..];
    let value = outline::leading_digits(number, 3)
        .filter(|&(_, len)| len == number.len())
        .or_else(|| outline::chinese_number(number).filter(|&(_, len)| len == number.len()))
        .map(|(n, _)| n);
    value.is_some_and(|n| n >= 2) && start > 0 && !head[..start].ends_with('第')
}

/// One label of a site's numbering of its reports ([`numbering_chain`]).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Labelled {
    line: usize,
    /// Bytes of the line's content the label takes.
    len: usize,
    /// The label is all its line holds; the title is the next text line.
    alone: bool,
}

/// How the search for a site's numbering of its reports ([`numbering_chain`]) reads a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not a text line, or before the reports.
    Skip,
    /// Body text: a label after it comes after some of a report.
    Body,
    /// A title-shaped line (a heading of a kind the numbering does not count, a title).
    Title,
    /// A label of a numbering on a title (or alone on its line right before one).
    Label,
}

/// A line of role [`Role::Label`].
#[derive(Debug, Clone, PartialEq)]
struct Label {
    labelled: Labelled,
    key: String,
    number: u32,
}

/// The role of each text line of `range` (written into `roles`, indexed by line), and the
/// labels among them, appended to `labels`. A line's role is a function of its bytes and,
/// for a label alone on its line, of the next text line.
fn label_roles(lines: &Lines, range: Range<usize>, roles: &mut [Role], labels: &mut Vec<Label>) {
    let mut l = range.start;
    while let Some(t) = lines.next_text(l).filter(|&t| t < range.end) {
        l = t + 1;
        roles[t] = label_role(lines, t, labels);
    }
}

fn label_role(lines: &Lines, t: usize, labels: &mut Vec<Label>) -> Role {
    let raw = &lines.text[lines.index.line_range(lines.text, t)];
    if !may_be_title(raw) {
        return Role::Body;
    }
    let content = lines.content_cow(t);
    if let Some(n) = crate::label::numbering(&content) {
        let titled = if n.alone {
            lines
                .next_text(t + 1)
                .is_some_and(|x| title_score(&lines.content_cow(x)) >= 2)
        } else {
            title_score(&content[n.len..]) >= 2
        };
        if titled {
            labels.push(Label {
                labelled: Labelled {
                    line: t,
                    len: n.len,
                    alone: n.alone,
                },
                key: n.key,
                number: n.number,
            });
            return Role::Label;
        }
    }
    if is_title_shaped(&content) {
        Role::Title
    } else {
        Role::Body
    }
}

/// The labels a site numbers the compilation's reports with, learned from the compilation:
/// lines opening with the same word and the numbers 1, 2, 3… in order ([`label::numbering`]),
/// the first before any body text (from `from`, after the compilation's title and 目录), each
/// next one after some, each on a title (or alone on its line right before one). Reports
/// list their attachments as 材料1：, 材料2： too, but one under the other, inside a report:
/// that is no chain. Empty when there is none of two labels or more. Read from the lines'
/// roles ([`label_roles`]) and `labels`, the lines of role [`Role::Label`].
/// How many body lines may stand before the first label of a site's numbering.
const PREFACE_LINES: usize = 3;

fn numbering_chain(roles: &[Role], labels: &[Label], from: usize) -> Vec<Labelled> {
    /// A label and the body lines before it.
    struct Candidate<'a> {
        label: &'a Label,
        body: usize,
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    let (mut body, mut at) = (0, from);
    for label in labels.iter().filter(|c| c.labelled.line >= from) {
        let line = label.labelled.line;
        body += roles[at..line].iter().filter(|r| **r == Role::Body).count();
        at = line + 1;
        candidates.push(Candidate { label, body });
    }
    // The first label opens the reports, or follows a few lines of a poster's preface
    // ("各位同行，整理了几篇述职报告，供大家参考。"): never deep in a report's body.
    let opens = |c: &Candidate| c.label.number == 1 && c.body <= PREFACE_LINES;
    let mut keys: Vec<&str> = candidates
        .iter()
        .filter(|c| opens(c))
        .map(|c| c.label.key.as_str())
        .collect();
    keys.dedup();
    let mut chain: Vec<Labelled> = Vec::new();
    for key in keys {
        let mut series: Vec<&Candidate> = Vec::new();
        for c in candidates.iter().filter(|c| c.label.key == key) {
            let next = match series.last() {
                None => opens(c),
                Some(last) => c.label.number == last.label.number + 1 && c.body > last.body,
            };
            if next {
                series.push(c);
            }
        }
        if series.len() >= 2 {
            chain.extend(series.into_iter().map(|c| c.label.labelled));
        }
    }
    chain
}

/// "目录", "目 录", also in brackets: "【目录】", "〔目录〕", "[目录]".
fn is_toc_heading(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact
        .trim_start_matches(['【', '〔', '[', '［', '「', '〖', '（', '('])
        .trim_end_matches(['】', '〕', ']', '］', '」', '〗', '）', ')']);
    matches!(compact, "目录" | "目次" | "目錄")
}

/// Reads the 目录 entries after its heading: numbered lines (possibly without titles) and
/// title-like lines, until the first line that is neither or a line that re-appears later
/// as a report title has already been read once.
fn read_toc(lines: &Lines, heading: usize) -> (Toc, usize) {
    let mut entries = Vec::new();
    let mut last = heading;
    let mut l = heading + 1;
    let mut seen = std::collections::HashSet::new();
    while l < lines.len() {
        match lines.kinds[l] {
            Kind::Blank | Kind::Junk => {
                l += 1;
                continue;
            }
            Kind::Text => {}
        }
        let content = lines.content(l);
        let entry = toc_entry(&content);
        let Some(entry) = entry else { break };
        // A filled 目录 lists the titles; the first report repeats the first title. Stop
        // when a title comes round again without the 目录's number: a compilation may hold
        // two reports of one title, and its 目录 lists both ("1.…材料", "3.…材料").
        if !entry.is_empty() && !seen.insert(entry.clone()) && toc_number_len(&content).is_none() {
            break;
        }
        // A site's label alone on its line ("【第1则】") opens the first report when a title
        // the 目录 listed follows it, or a title and then body text.
        if crate::label::numbering(&content).is_some_and(|n| n.alone)
            && let Some(next) = lines.next_text(l + 1)
        {
            let title = lines.content(next);
            let listed = toc_entry(&title).is_some_and(|t| seen.contains(&t));
            let opens = is_title_shaped(&title)
                && lines
                    .next_text(next + 1)
                    .is_some_and(|b| !is_title_shaped(&lines.content(b)));
            if listed || opens {
                break;
            }
        }
        // A title-like line that is not numbered ends the 目录 when it is followed by body
        // text (it is the first report's title).
        if toc_number_len(&content).is_none()
            && lines
                .next_text(l + 1)
                .is_some_and(|n| !is_title_shaped(&lines.content(n)))
        {
            break;
        }
        entries.push(entry);
        last = l;
        l += 1;
    }
    let range = lines.index.line_start(heading)..lines.index.line_range(lines.text, last).end;
    let toc = Toc {
        heading_line: heading,
        lines: heading..last + 1,
        range,
        entries,
    };
    (toc, (last + 1).min(lines.len()))
}

/// Byte length of the number that opens a 目录 entry: "1." "12、" "１．" "一、" — unlike a
/// heading marker, "1.2023年…" counts (an entry's title may start with a year).
fn toc_number_len(line: &str) -> Option<usize> {
    if let Some(m) = outline::line_marker(line) {
        return Some(m.len);
    }
    let digits = line.find(|c: char| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))?;
    let sep = line[digits..].chars().next()?;
    (digits > 0 && digits <= 6 && matches!(sep, '.' | '、' | '．')).then(|| digits + sep.len_utf8())
}

/// A 目录 entry: "1." (empty), "1.标题", "一、标题", "标题……3", or a bare title line.
fn toc_entry(line: &str) -> Option<String> {
    let rest = match toc_number_len(line) {
        Some(len) => &line[len..],
        None => line,
    };
    // Dot leaders and page numbers.
    let rest = rest.trim_end_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '…' | '·' | ' ' | '　')
    });
    if rest.is_empty() {
        return Some(String::new());
    }
    is_title_shaped(rest).then(|| rest.to_string())
}

/// How strongly `line` reads as a report title.
fn title_score(line: &str) -> u32 {
    let unlabelled = without_label(line);
    // A site numbers reports, never headings: its label marks a title.
    let labelled = unlabelled.len() < line.len();
    let line = unlabelled;
    if !is_title_shaped(line) {
        return 0;
    }
    let core = strip_title_suffix(line);
    // "专题研讨发言：以务实作风推动…": the genre, then the subject after a colon.
    let core = match core.split_once(['：', ':']) {
        Some((genre, subject))
            if !ends_like_title(core) && !subject.is_empty() && ends_like_title(genre) =>
        {
            genre
        }
        _ => core,
    };
    let mut score: u32 = 0;
    if ends_like_title(core) {
        score += 2;
        // "…的讲话", "…心得体会", "…实施方案": the ending names the genre.
        if crate::lexicon::builtin()
            .titles
            .genre_endings
            .iter()
            .any(|g| core.ends_with(g.as_str()))
        {
            score += 1;
        }
    }
    if core.starts_with("关于") {
        score += 2;
    }
    if line.contains("20") && line.contains('年') {
        score += 1;
    }
    if line.chars().count() > 50 || line.contains('，') {
        score = score.saturating_sub(2);
    }
    if labelled {
        score += 2;
    }
    score
}

/// "…工作总结（第3篇）" → "…工作总结"; also drops a trailing "（2023年）" or "（草稿）".
fn strip_title_suffix(line: &str) -> &str {
    let l = line.trim();
    if l.ends_with(['）', ')'])
        && let Some(open) = l.rfind(['（', '('])
        && open > 0
    {
        return &l[..open];
    }
    l
}

/// Finds the reports in the lines from `start` on.
fn split_reports(lines: &Lines, start: usize) -> Vec<Report> {
    let (starts, _) = report_starts(lines, start, None, usize::MAX);
    reports_from(lines, &starts, lines.len())
}

/// Where reports start (line, whether it is a title line) among the text lines from `from`
/// on, the last text line before them being `prev_text`, until the first text line whose
/// previous text line is `until` or later: candidate starts are title lines, and text after
/// a wide gap when the compilation separates its reports with wide gaps. Whether a text
/// line starts a report depends only on it, the lines back to the text line before it and
/// the next text line. Also gives the line it stopped at (the end of the lines when none).
fn report_starts(
    lines: &Lines,
    from: usize,
    mut prev_text: Option<usize>,
    until: usize,
) -> (Vec<(usize, bool)>, usize) {
    let mut starts: Vec<(usize, bool)> = Vec::new();
    let mut l = from;
    while let Some(t) = lines.next_text(l) {
        if prev_text.is_some_and(|p| p >= until) {
            return (starts, t);
        }
        let gap = lines.gap_before(t);
        let is_first = prev_text.is_none();
        let looks = lines.looks[t];
        // A rule of marks goes with the report before it (or opens the first).
        if looks.rule && !is_first {
            l = t + 1;
            continue;
        }
        let title = looks.title > 0 && {
            let score = looks.title;
            // A report ended at a date line or the line before it.
            let after_end = prev_text.is_some_and(|p| lines.looks[p].date);
            let next_is_body = || {
                lines
                    .next_text(t + 1)
                    .is_none_or(|n| lines.looks[n].title < 2)
            };
            if is_first {
                score >= 2 || (score >= 1 && gap >= 1 && next_is_body())
            } else if gap >= 1 || after_end {
                score >= 2 && next_is_body()
            } else {
                // Only the next title line separates it from the previous report, or what
                // follows it: a speech's 同志们：.
                (score >= 3 || (score >= 2 && opens_with_salutation(lines, t + 1)))
                    && !looks.commas
                    && next_is_body()
            }
        };
        if title {
            starts.push((t, true));
        } else if is_first || (gap >= 2 && opens_report(lines, t, prev_text)) {
            starts.push((t, false));
        }
        prev_text = Some(t);
        l = t + 1;
    }
    (starts, lines.len())
}

/// The reports that start at `starts`, the last one ending before line `end`.
fn reports_from(lines: &Lines, starts: &[(usize, bool)], end: usize) -> Vec<Report> {
    let mut reports = Vec::with_capacity(starts.len());
    for (i, &(first, has_title)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(end, |&(s, _)| s);
        // Trailing blank and junk lines belong to no report.
        let Some(last) = (first..end).rev().find(|&l| lines.kinds[l] == Kind::Text) else {
            continue;
        };
        let range = lines.index.line_start(first)..lines.index.line_range(lines.text, last).end;
        reports.push(build_report(
            lines,
            first..last + 1,
            range,
            has_title.then_some(first),
        ));
    }
    reports
}

/// Whether the next text line from `from` on is how a speech or 汇报 opens under its title:
/// "同志们：", "尊敬的各位领导、各位来宾：".
fn opens_with_salutation(lines: &Lines, from: usize) -> bool {
    let Some(next) = lines.next_text(from) else {
        return false;
    };
    let content = lines.content_cow(next);
    content.ends_with(['：', ':'])
        && content.chars().count() <= 40
        && crate::lexicon::builtin()
            .titles
            .salutations
            .iter()
            .any(|w| content.starts_with(w.as_str()))
}

/// After a wide gap, text opens a new (untitled) report when it reads as an opening: body
/// text, not a heading continuing the previous numbering.
fn opens_report(lines: &Lines, line: usize, prev_text: Option<usize>) -> bool {
    let content = lines.content_cow(line);
    if prev_text.is_none() {
        return true;
    }
    match outline::line_marker(&content) {
        // A numbered line after a gap continues the report unless it restarts at one.
        Some(m) => m.number == 1 && m.kind != crate::model::HeadingKind::Ordinal,
        None => content.chars().count() >= 30,
    }
}

fn build_report(
    lines: &Lines,
    line_range: Range<usize>,
    range: Range<usize>,
    title_line: Option<usize>,
) -> Report {
    let text = lines.text;
    let index = lines.index;
    let mut findings = Vec::new();
    let (title, title_inferred) = match title_line {
        Some(t) => {
            let title = lines.content(t);
            if let Some(unit) = stripped_unit(&title) {
                findings.push(Finding {
                    kind: FindingKind::TitleNameStripped,
                    line: t,
                    range: index.line_range(text, t),
                    message: format!("标题以“{unit}”开头，前面的单位名称可能被删去了，请补全"),
                });
            }
            (title, false)
        }
        None => {
            let opening = (line_range.start..line_range.end)
                .find(|&l| lines.kinds[l] == Kind::Text)
                .map(|l| lines.content(l))
                .unwrap_or_default();
            let title = infer_title(&opening);
            findings.push(Finding {
                kind: FindingKind::TitleInferred,
                line: line_range.start,
                range: index.line_range(text, line_range.start),
                message: format!("这篇没有标题行，标题“{title}”是根据开头推断的"),
            });
            (title, true)
        }
    };
    Report {
        title,
        title_inferred,
        title_line,
        label: None,
        lines: line_range,
        range,
        outline: Vec::new(),
        roles: Vec::new(),
        findings,
    }
}

/// "镇2023年安全生产…" starts with a bare unit word followed by a year.
fn stripped_unit(title: &str) -> Option<&'static str> {
    BARE_UNITS.into_iter().find(|u| {
        title.strip_prefix(u).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit() || c == '上' || c == '下' || c == '今')
        })
    })
}

/// Derives a title from a report's opening paragraph: the unit it names and the year.
pub fn infer_title(opening: &str) -> String {
    let year = find_year(opening);
    let unit = find_unit(opening);
    match (unit, year) {
        (Some(u), Some(y)) => format!("{u}{y}年工作总结"),
        (Some(u), None) => format!("{u}工作总结"),
        (None, Some(y)) => format!("{y}年工作总结"),
        (None, None) => {
            let head: String = opening
                .chars()
                .take_while(|c| !matches!(c, '，' | '。'))
                .take(20)
                .collect();
            if head.is_empty() {
                "未命名报告".to_string()
            } else {
                head
            }
        }
    }
}

fn find_year(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let y = &b[i..i + 4];
        (y.iter().all(u8::is_ascii_digit)
            && (y.starts_with(b"19") || y.starts_with(b"20"))
            && s[i + 4..].starts_with('年'))
        .then(|| &s[i..i + 4])
    })
}

/// Unit suffixes an opening names its unit with ("XX街道深入学习…").
const UNIT_WORDS: [&str; 14] = [
    "街道办事处",
    "街道",
    "人民政府",
    "镇",
    "乡",
    "局",
    "委员会",
    "办公室",
    "中心",
    "公司",
    "医院",
    "学校",
    "社区",
    "村",
];

fn find_unit(s: &str) -> Option<String> {
    // Take the clause after the leading time phrase ("2023年，在…领导下，XX街道…").
    for clause in s.split(['，', '。', '；']) {
        for w in UNIT_WORDS {
            if let Some(pos) = clause.find(w) {
                let before = &clause[..pos];
                // The name: the run of characters before the unit word that are not verbs
                // of the clause; take at most 8 characters back, stopping at 在/的/下/，.
                let name: String = before
                    .chars()
                    .rev()
                    .take_while(|c| {
                        !matches!(c, '在' | '的' | '下' | '、' | ' ' | '　') && !c.is_ascii_digit()
                    })
                    .take(8)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if !name.is_empty() && !["我", "本", "全"].iter().any(|p| name.ends_with(p)) {
                    return Some(format!("{name}{w}"));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_str(text: &str) -> Outline {
        split(text, &LineIndex::new(text))
    }

    /// A 目录 in brackets, below the site's lines about the article and a title that counts
    /// its pieces and adds a remark: all of it is the compilation's head, no report.
    #[test]
    fn a_head_of_site_lines_above_a_bracketed_toc_is_no_report() {
        let text = "写作小站  2025-12-03 13:16\n年终材料3篇，建议收藏\n文件大小：85KB  评分：4.7分\n\n【目录】\n1.\n2.\n\nXX县教育局2023年工作总结\n今年以来，我局认真贯彻落实上级部署，各项工作取得了新成效。\n一、主要工作\n（一）抓好教学。\n\n关于2023年安全生产工作情况的报告\n县政府：\n现将有关情况报告如下。\n一、基本情况\n";
        let o = split(text, &LineIndex::new(text));
        assert_eq!(o.title.as_deref(), Some("年终材料3篇，建议收藏"));
        assert!(o.toc.is_some());
        let titles: Vec<_> = o.reports.iter().map(|r| r.title.clone()).collect();
        assert_eq!(
            titles,
            [
                "XX县教育局2023年工作总结",
                "关于2023年安全生产工作情况的报告"
            ]
        );
    }

    /// A Word page's running header, read into the text above each report, is no report
    /// once the split knows where it came from.
    #[test]
    fn a_word_page_header_between_reports_is_no_report() {
        let text = "公文汇·精品述职报告
县卫生健康委员会副局长2024年度述职报告
根据安排，现将本人履职情况报告如下。
一、履职情况
                    公文汇·精品述职报告
2024年度领导班子成员述职述责述廉报告
一年来，班子认真履行职责。
一、主要工作
";
        let header = "公文汇·精品述职报告";
        let layout: Vec<Piece> = text
            .match_indices(header)
            .map(|(at, h)| Piece {
                range: at..at + h.len(),
                origin: Origin::Header,
                text: h.to_string(),
            })
            .collect();
        let titles = |a: crate::analysis::Analysis| -> Vec<String> {
            a.outline.reports.into_iter().map(|r| r.title).collect()
        };
        assert_eq!(
            titles(crate::analysis::analyze_with(text, &layout)),
            [
                "县卫生健康委员会副局长2024年度述职报告",
                "2024年度领导班子成员述职述责述廉报告"
            ]
        );
        // A piece whose text is no longer at its place is not read.
        let mut stale = layout.clone();
        stale[0].range = 1..stale[0].range.end;
        assert_eq!(
            crate::analysis::analyze_with(text, &stale).outline.reports[0].title,
            header
        );
    }

    /// A slogan or subtitle under the compilation's title, set apart by a blank line, is the
    /// compilation's head, not a report with an inferred title; a report without a title line
    /// right under the compilation's title (a sentence) is still one.
    #[test]
    fn a_slogan_under_the_compilations_title_is_no_report() {
        let text = "实用公文范文汇编（2篇）\n某某猫·让公文写作更简单\n\n#1#就业创业专题学习研讨发言材料\n按照研讨安排，我重点围绕就业创业进行了学习思考。\n\n#2#在全县安全生产工作会议上的讲话\n同志们：\n今天召开会议，部署安全生产工作。\n";
        let o = split_str(text);
        let titles: Vec<_> = o.reports.iter().map(|r| r.label_and_title().1).collect();
        assert_eq!(
            titles,
            [
                "就业创业专题学习研讨发言材料",
                "在全县安全生产工作会议上的讲话"
            ]
        );
        let untitled = "工作总结汇编（2篇）\n今年以来，我镇各项工作稳步推进。\n\n在全县安全生产工作会议上的讲话\n同志们：\n今天召开会议，部署安全生产工作。\n";
        assert_eq!(split_str(untitled).reports.len(), 2);
    }

    /// A poster's preface of a line or two before the site's first label does not hide the
    /// numbering: the labels are still read off the titles.
    #[test]
    fn a_numbering_after_a_posters_preface() {
        let text = "【分享】述职报告合集\n各位同行，整理了几篇述职报告，供大家参考。\n第1篇\n县财政局局长2023年度述职述廉报告\n根据县委统一安排，现将本人履职情况报告如下。\n一、坚持政治引领\n始终把政治建设摆在首位。\n第2篇\nXX同志2023年度述职报告\nXX同志，现任县住建局副局长。\n一、思想政治方面\n认真学习，坚定理想信念。\n";
        let o = split_str(text);
        let found: Vec<_> = o.reports.iter().map(|r| r.label_and_title()).collect();
        assert!(
            found.ends_with(&[
                (Some("第1篇"), "县财政局局长2023年度述职述廉报告"),
                (Some("第2篇"), "XX同志2023年度述职报告")
            ]),
            "{found:?}"
        );
    }

    /// A 公众号 post numbers its pieces "01", "02" on lines of their own: no report is
    /// called "01", and each number is its report's label.
    #[test]
    fn zero_padded_numbers_on_their_own_lines_label_the_reports() {
        let text = "乡镇工作总结及讲话稿精选（共2篇）\n01\n白云镇2024年工作总结\n今年以来，白云镇各项工作取得明显成效。\n一、主要工作成效\n经济运行稳中向好。\n02\n在全镇安全生产工作会议上的讲话\n同志们：\n今天召开全镇安全生产工作会议。\n";
        let o = split_str(text);
        let found: Vec<_> = o.reports.iter().map(|r| r.label_and_title()).collect();
        assert_eq!(
            found,
            [
                (Some("01"), "白云镇2024年工作总结"),
                (Some("02"), "在全镇安全生产工作会议上的讲话")
            ]
        );
    }

    /// A first line counting its pieces, then a remark: "…5篇汇总", "…5篇（可编辑）".
    #[test]
    fn a_count_followed_by_a_remark_names_a_compilation() {
        assert!(names_compilation("2022年优秀述职述廉报告5篇汇总"));
        assert!(names_compilation("【最新】年终材料5篇（可编辑）"));
        assert!(!names_compilation("关于第3篇章的调研报告"));
        assert!(!names_compilation("XX县教育局2023年工作总结"));
    }

    /// A 目录 that lists one title twice, numbered both times, reads to its end: the second
    /// listing is no report.
    #[test]
    fn a_toc_listing_a_title_twice_reads_to_its_end() {
        let text = "年终材料汇编\n\n目录\n1.个人对照检查材料\n2.个人剖析材料\n3.个人对照检查材料\n\n个人对照检查材料\n按照通知要求，本人认真学习，查摆问题。\n一、存在问题\n\n个人剖析材料\n按照通知要求，本人深入剖析。\n一、存在问题\n\n个人对照检查材料\n按照通知要求，本人对照检查。\n一、存在问题\n";
        let o = split(text, &LineIndex::new(text));
        assert_eq!(o.toc.as_ref().unwrap().entries.len(), 3);
        assert_eq!(
            o.reports.len(),
            3,
            "{:?}",
            o.reports.iter().map(|r| &r.title).collect::<Vec<_>>()
        );
    }

    #[test]
    fn title_toc_and_reports_separated_by_one_blank_line() {
        let text = "工作总结汇编（3篇）\n\n目录\n1.\n2.\n3.\n\nXX县教育局2023年工作总结\n\n今年以来，我局认真贯彻落实上级部署，各项工作取得了新成效。\n一、主要工作\n（一）抓好教学。\n\n关于2023年安全生产工作情况的报告\n县政府：\n现将有关情况报告如下。\n一、基本情况\n\n镇2023年法治建设工作总结和2024年工作计划\n今年以来，XX镇深入贯彻落实县委部署，法治建设取得明显成效。\n";
        let o = split_str(text);
        assert_eq!(o.title.as_deref(), Some("工作总结汇编（3篇）"));
        let toc = o.toc.as_ref().unwrap();
        assert_eq!(toc.entries.len(), 3);
        assert!(toc.is_empty());
        let titles = o.report_titles();
        assert_eq!(
            titles,
            [
                "XX县教育局2023年工作总结",
                "关于2023年安全生产工作情况的报告",
                "镇2023年法治建设工作总结和2024年工作计划"
            ]
        );
        assert!(
            o.reports[2]
                .findings
                .iter()
                .any(|f| f.kind == FindingKind::TitleNameStripped)
        );
        assert!(
            o.reports[1]
                .roles
                .iter()
                .any(|r| r.role == crate::model::LineRole::Addressee)
        );
    }

    /// The lines a site prints above the compilation's title (its trail, a byline, a reading
    /// time, the publish time) are no report, and the title under them is the compilation's.
    #[test]
    fn site_header_lines_above_the_title_are_no_reports() {
        let text = "某某公文网 > 工作总结 > 年终总结\n发布时间：2024-12-18 09:42\n文字丨某某编辑部　　审核丨小王\n阅读本文约需12分钟\n2024年度工作总结汇编\n\n稿件一：石门乡2024年基层治理工作总结\n2024年，我们紧紧围绕年度目标任务，扎实推进各项工作。\n一、主要工作\n\n稿件二：梅岭县2024年城市更新工作总结\n2024年，全县城市更新工作稳步推进，取得明显成效。\n一、主要工作\n";
        let o = split_str(text);
        assert_eq!(o.title.as_deref(), Some("2024年度工作总结汇编"));
        let got: Vec<(Option<&str>, &str)> =
            o.reports.iter().map(|r| r.label_and_title()).collect();
        assert_eq!(
            got,
            [
                (Some("稿件一："), "石门乡2024年基层治理工作总结"),
                (Some("稿件二："), "梅岭县2024年城市更新工作总结"),
            ]
        );
    }

    /// A first line counting its pieces ("…4篇", "…（6篇）", "…三篇") is the compilation's
    /// title, though it names no compilation word; "…（第3篇）" numbers a report.
    #[test]
    fn a_first_line_counting_its_pieces_is_the_compilations_title() {
        for title in [
            "主题教育学习研讨发言材料4篇",
            "乡镇2023年工作总结和2024年工作计划（6篇）",
            "2024年度述职述责述廉报告三篇",
        ] {
            let text = format!(
                "{title}\n\n2024年度个人述职述廉报告\n根据安排，现将本人2024年度履职尽责情况报告如下。\n一、加强理论学习\n\n县农业农村局副局长2024年度述职报告\n2024年，本人在局党组的领导下，认真履行职责。\n一、主要工作\n"
            );
            let o = split_str(&text);
            assert_eq!(o.title.as_deref(), Some(title), "{title}");
            assert_eq!(o.reports.len(), 2, "{title}");
        }
        assert!(!counts_pieces("县林业局2023年度工作总结（第3篇）"));
        assert!(!counts_pieces("关于发表论文的报告"));
    }

    /// A site's label alone on its line right after a filled 目录 opens the first report,
    /// not the 目录; a title "genre：subject" and a rule of marks between reports are read.
    #[test]
    fn a_label_after_the_toc_a_colon_title_and_a_rule_of_marks() {
        let text = "工作情况汇报材料汇编\n\n目录\n\n关于桐江区就业创业工作情况的汇报\n专题研讨发言：以务实作风推动招商引资工作提质增效\n\n【第1则】\n关于桐江区就业创业工作情况的汇报\n现将桐江区就业创业工作开展情况汇报如下：\n一、基本情况\n~~~~~~~~~~~~~~~~~~~~\n【第2则】\n专题研讨发言：以务实作风推动招商引资工作提质增效\n通过这次集中学习，我对新时代党的创新理论有了更加深刻的理解。\n";
        let o = split_str(text);
        let got: Vec<(Option<&str>, &str)> =
            o.reports.iter().map(|r| r.label_and_title()).collect();
        assert_eq!(
            got,
            [
                (Some("【第1则】"), "关于桐江区就业创业工作情况的汇报"),
                (
                    Some("【第2则】"),
                    "专题研讨发言：以务实作风推动招商引资工作提质增效"
                ),
            ]
        );
        // An empty 目录 ("1." "2."), and a label whose word a bracketed brand could have.
        let text = "材料汇编\n\n目录\n\n1.\n2.\n\n【范文推荐·1】\n关于栖霞湾镇河湖长制工作情况的汇报\n现将有关情况汇报如下。\n一、基本情况\n\n【范文推荐·2】\n县税务局副局长2025年度述职报告\n根据安排，现将本人履职情况报告如下。\n";
        let o = split_str(text);
        let got: Vec<(Option<&str>, &str)> =
            o.reports.iter().map(|r| r.label_and_title()).collect();
        assert_eq!(
            got,
            [
                (Some("【范文推荐·1】"), "关于栖霞湾镇河湖长制工作情况的汇报"),
                (Some("【范文推荐·2】"), "县税务局副局长2025年度述职报告"),
            ]
        );
    }

    /// A site's numbering of any word is learned from its first title on, also when that
    /// title ends in 心得 (a 学习心得 is a title as a 心得体会 is).
    #[test]
    fn a_numbering_is_learned_from_a_first_title_ending_in_xinde() {
        let text = "读书体会选编\n\n【选录1】2023年秋季读书班学习心得\n通过学习，我更加坚定了理想信念。\n\n【选录2】参加基层干部轮训的几点体会\n这次轮训让我收获很大。\n\n【选录3】主题党日活动心得体会\n活动中我深受教育。\n";
        let o = split_str(text);
        let got: Vec<(Option<&str>, &str)> =
            o.reports.iter().map(|r| r.label_and_title()).collect();
        assert_eq!(
            got,
            [
                (Some("【选录1】"), "2023年秋季读书班学习心得"),
                (Some("【选录2】"), "参加基层干部轮训的几点体会"),
                (Some("【选录3】"), "主题党日活动心得体会"),
            ]
        );
    }

    /// A report numbered by the site right after the last line of the report before it, its
    /// title holding an enumeration comma, is a report of its own.
    #[test]
    fn a_labelled_title_with_an_enumeration_comma_follows_with_no_gap() {
        let text = "发言材料选编\n\n例文(一)在全镇防汛工作会议上的讲话\n同志们：今天召开会议，部署防汛工作。\n例文(二)参加读书班的心得体会\n这次读书班让我收获很大，我更加坚定了理想信念。\n例文(三)党组成员、副主任2024年述职报告\n2024年，我认真履行职责，现将有关情况报告如下。\n一、加强学习\n";
        let o = split_str(text);
        let got: Vec<(Option<&str>, &str)> =
            o.reports.iter().map(|r| r.label_and_title()).collect();
        assert_eq!(
            got,
            [
                (Some("例文(一)"), "在全镇防汛工作会议上的讲话"),
                (Some("例文(二)"), "参加读书班的心得体会"),
                (Some("例文(三)"), "党组成员、副主任2024年述职报告"),
            ]
        );
    }

    /// A numbering whose number stands in parentheses (讲话材料（二）) or whose label sits
    /// between two like marks (◇样稿02◇) is learned as any other and leaves the titles.
    #[test]
    fn numberings_in_parentheses_or_between_like_marks_are_learned() {
        for (a, b, c) in [
            ("讲话材料（一）", "讲话材料（二）", "讲话材料（三）"),
            ("◇样稿01◇", "◇样稿02◇", "◇样稿03◇"),
        ] {
            let text = format!(
                "会议讲话选编\n\n{a}在全镇防汛工作会议上的讲话\n同志们：今天召开会议，部署防汛工作。\n\n{b}在全镇秋季征兵工作会议上的讲话\n同志们：征兵工作事关国防建设。\n\n{c}在全镇森林防火工作会议上的讲话\n同志们：森林防火责任重大。\n"
            );
            let o = split_str(&text);
            let got: Vec<(Option<&str>, &str)> =
                o.reports.iter().map(|r| r.label_and_title()).collect();
            assert_eq!(
                got,
                [
                    (Some(a), "在全镇防汛工作会议上的讲话"),
                    (Some(b), "在全镇秋季征兵工作会议上的讲话"),
                    (Some(c), "在全镇森林防火工作会议上的讲话"),
                ]
            );
        }
    }

    /// With no blank line and no label between them, a speech, a 心得体会 and a 研讨发言 are
    /// told apart by what their titles name and by the 同志们： under a speech's title.
    #[test]
    fn genres_follow_each_other_with_no_blank_line() {
        let text = "2024年材料汇编\n\n关于2024年安全生产工作的报告\n\
                    今年以来，我们扎实推进安全生产工作，全年未发生较大事故。\n一、主要做法\n\
                    全年开展检查120次。\n在全县安全生产大会上的讲话\n同志们：\n\
                    今天召开大会，主要任务是部署工作。\n一、提高认识\n要坚持人民至上。\n\
                    学习贯彻全会精神心得体会\n近期，我认真学习了全会精神，深受教育。\n\
                    全会提出了一系列新举措。\n乡村振兴专题研讨发言\n按照安排，我谈几点体会。\n\
                    一、深刻认识重大意义\n乡村振兴是大事。\n主要做法\n坚持规划先行。\n";
        let o = split_str(text);
        assert_eq!(
            o.report_titles(),
            [
                "关于2024年安全生产工作的报告",
                "在全县安全生产大会上的讲话",
                "学习贯彻全会精神心得体会",
                "乡村振兴专题研讨发言",
            ]
        );
    }

    #[test]
    fn reports_separated_only_by_the_next_title() {
        let text = "区粮食局2023年工作总结\n今年以来，我局认真履行职责，粮食安全保障能力持续增强。\n一、主要工作\n县林业局2023年工作总结及2024年工作打算\n2023年以来，全县林业工作稳步推进。\n一、重点工作\n";
        let o = split_str(text);
        assert_eq!(
            o.reports.len(),
            2,
            "{:?}",
            o.reports.iter().map(|r| &r.title).collect::<Vec<_>>()
        );
        assert_eq!(o.reports[1].title, "县林业局2023年工作总结及2024年工作打算");
    }

    #[test]
    fn toc_filled_by_cleaning_is_read_back() {
        let text = "汇编（2篇）\n\n目录\n\n1.2023年XX区工作总结\n2.2023年XX镇工作总结\n\n2023年XX区工作总结\n\n今年以来，全区上下齐心协力，各项工作扎实推进，取得明显成效。\n\n2023年XX镇工作总结\n\n今年以来，全镇干部群众团结奋斗，经济社会持续健康发展。\n";
        let o = split_str(text);
        assert_eq!(
            o.toc.as_ref().unwrap().entries,
            ["2023年XX区工作总结", "2023年XX镇工作总结"]
        );
        let titles = o.report_titles();
        assert_eq!(titles, ["2023年XX区工作总结", "2023年XX镇工作总结"]);
    }

    #[test]
    fn filled_toc_titles_are_not_reports() {
        let text = "目录\n1.XX区2023年工作总结\n2.XX镇2023年工作总结\n\nXX区2023年工作总结\n\n今年以来，全区上下齐心协力，各项工作扎实推进，取得明显成效。\n\nXX镇2023年工作总结\n\n今年以来，全镇干部群众团结奋斗，经济社会持续健康发展。\n";
        let o = split_str(text);
        assert_eq!(
            o.toc.as_ref().unwrap().entries,
            ["XX区2023年工作总结", "XX镇2023年工作总结"]
        );
        assert_eq!(o.reports.len(), 2);
        assert_eq!(o.reports[0].title_line, Some(4));
    }

    #[test]
    fn advert_between_reports_and_missing_title() {
        let text = "XX区卫生健康工作总结\n\n2023年，全区卫生健康工作扎实推进。\n一、主要做法\n（一）抓好复审。\n\n\n\n2023年，在区委、区政府的坚强领导下，XX街道深入学习贯彻党的二十大精神，各项工作取得新成效。\n一是抓项目、求质效。\n二是补短板、提品质。\n";
        let o = split_str(text);
        assert_eq!(o.reports.len(), 2);
        assert!(o.reports[1].title_inferred);
        assert_eq!(o.reports[1].title, "XX街道2023年工作总结");
    }

    #[test]
    fn large_compilations_outline_in_parallel_with_the_same_result() {
        let one = "XX县2023年工作总结\n\n今年以来，我县认真贯彻落实上级部署，各项工作取得新成效。\n一、主要工作\n（一）抓好项目。一是抓招商；二是抓建设；四是抓服务。\n（三）抓好民生。\n\n";
        let text = one.repeat(crate::par::PARALLEL_MIN / one.len() + 50);
        let index = LineIndex::new(&text);
        let parts = split_structure(&text, &index);
        let parallel = outline_reports(&text, &index, parts.clone()).reports;
        let mut serial = parts.reports;
        for r in &mut serial {
            add_outline(&text, &index, r);
        }
        assert_eq!(parallel.len(), text.len() / one.len());
        assert_eq!(parallel, serial);
        assert!(
            parallel.iter().all(|r| r.findings.len() == 2),
            "（三） after （一） and 四是 after 二是"
        );
    }

    /// Reports numbered by the site and separated only by their title lines are all found,
    /// a "第五篇" title is a report, not a heading of the report before it, and cleaning
    /// takes the labels away without joining two reports.
    #[test]
    fn labelled_reports_are_found_and_stay_apart_once_cleaned() {
        let text = "社区工作总结汇编（3篇）\n\n【篇一】XX社区2024年工作总结\n2024年，社区完成各项目标任务。\n\
                    一、主要工作\n二、下一步计划\n范文2：社区党支部2024年工作总结\n一年来，党支部坚持以人民为中心。\n\
                    一、加强思想建设\n第三篇 XX社区网格化管理工作总结\n为提升基层治理水平，我社区开展网格化管理试点。\n\
                    一、基本情况\n";
        let titles = |text: &str| -> Vec<String> {
            split_str(text)
                .reports
                .iter()
                .map(|r| r.title.clone())
                .collect()
        };
        assert_eq!(
            titles(text),
            [
                "【篇一】XX社区2024年工作总结",
                "范文2：社区党支部2024年工作总结",
                "第三篇 XX社区网格化管理工作总结"
            ]
        );
        assert!(
            split_str(text)
                .reports
                .iter()
                .all(|r| r.findings.is_empty()),
            "no numbering finding"
        );
        let rules = crate::clean::RuleSet::default();
        let a = crate::analysis::analyze(text);
        let cleaned = crate::edit::apply(text, &crate::clean::plan(text, &a, &rules)).text;
        assert_eq!(
            titles(&cleaned),
            [
                "XX社区2024年工作总结",
                "社区党支部2024年工作总结",
                "XX社区网格化管理工作总结"
            ]
        );
        let again = crate::analysis::analyze(&cleaned);
        assert!(crate::clean::plan(&cleaned, &again, &rules).is_empty());
    }

    /// "范文1：…" opening the file is the first report, numbered by the site; 范文 in its
    /// label is no compilation word. Found by the compilation fuzz target.
    #[test]
    fn a_labelled_first_report_is_not_the_compilation_title() {
        let text = "范文1：2023年XX区卫生健康工作总结及2024年工作计划\n今年以来，我区全面贯彻落实新发展理念。\n\
                    一、主要工作成效\n";
        let o = split_str(text);
        assert_eq!(o.title, None);
        assert_eq!(o.reports.len(), 1);
        assert_eq!(o.reports[0].title_line, Some(0));
        // A compilation title is still one.
        let o = split_str(
            "2023年工作总结范文汇编\n\nXX镇2023年工作总结\n今年以来，我镇扎实推进各项工作。\n",
        );
        assert_eq!(o.title.as_deref(), Some("2023年工作总结范文汇编"));
    }

    /// Sites that convert their pages to traditional characters: the titles still read as
    /// titles and the compilation's title as one.
    #[test]
    fn a_compilation_in_traditional_characters_splits() {
        let text = "2023年工作總結及2024年工作計劃彙編（2篇）\n\n\
                    XX區衛生健康局2023年工作總結及2024年工作計劃\n2023年，我局全面貫徹落實黨的二十大精神。\n\
                    一、主要做法及成效\n\nXX鎮2023年安全生產工作總結\n今年以來，XX鎮堅持以人民為中心。\n一、主要工作\n";
        let o = split_str(text);
        assert_eq!(
            o.title.as_deref(),
            Some("2023年工作總結及2024年工作計劃彙編（2篇）")
        );
        let titles = o.report_titles();
        assert_eq!(
            titles,
            [
                "XX區衛生健康局2023年工作總結及2024年工作計劃",
                "XX鎮2023年安全生產工作總結"
            ]
        );
    }

    #[test]
    fn no_structure_is_one_report() {
        let o = split_str("这是一段普通的文字，没有标题。\n第二段文字。\n");
        assert_eq!(o.reports.len(), 1);
        assert_eq!(o.reports[0].lines, 0..2);
    }
}
