//! The split of a text after an edit, made from the split of the text before it and what
//! that split learned of the whole compilation ([`Learned`]): only the lines around the edit
//! are read again, and the result is the split of the whole new text.
//!
//! A report boundary is decided by a text line, the lines back to the text line before it
//! and the next text line ([`report_starts`]); so boundaries can appear or vanish only
//! next to lines whose kind or looks changed. Three facts of the whole compilation can
//! change more lines than the edit touched, and are followed here: a reading list whose
//! header lies before the edit can run on into it (its links are made junk), a label can
//! join or leave the site's numbering of its reports (which marks titles anywhere), and
//! the compilation's title and 目录 are decided by its first lines (an edit there is split
//! again in full: [`split_again`] gives None).

use super::{
    Kind, Learned, LineClasses, Lines, Role, add_labels, label_roles, numbering_chain,
    reading_lists, report_starts, reports_from, with_chain, with_lists,
};
use crate::model::{LineIndex, Report};
use std::ops::Range;

/// Where an edit changed a text's lines: lines `lo..old_hi` of the old text became lines
/// `lo..new_hi` of the new one; the lines before are the same, those after moved.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LinesChanged {
    pub lo: usize,
    pub old_hi: usize,
    pub new_hi: usize,
}

impl LinesChanged {
    /// Where old line `l` is in the new text; None for a line the edit changed.
    fn moved(&self, l: usize) -> Option<usize> {
        if l < self.lo {
            Some(l)
        } else if l >= self.old_hi {
            Some(l - self.old_hi + self.new_hi)
        } else {
            None
        }
    }

    /// Where an old end of lines (exclusive) is in the new text: one inside the edit is
    /// taken to its end, so that the range covers every new line the old one became.
    fn moved_end(&self, end: usize) -> usize {
        if end <= self.lo {
            end
        } else {
            self.moved(end.max(self.old_hi)).unwrap_or(self.new_hi)
        }
    }
}

/// The split after an edit: the old reports `..keep_before` stand as they were, the old
/// reports `keep_after..` stand moved (by the edit's bytes and lines), and `fresh` (without
/// their outlines) come between them. The compilation's title and 目录 are the old ones.
#[derive(Debug)]
pub(crate) struct Again {
    pub keep_before: usize,
    pub fresh: Vec<Report>,
    pub keep_after: usize,
    pub learned: Learned,
}

/// The split of the new text (`text`, its `index` and line `classes`), from the old text's
/// reports (without or with their outlines) and what its split learned, when the edit
/// (`changed`) left the compilation's head alone; None when it did not (or the old split
/// does not fit the edit), and the text must be split in full.
pub(crate) fn split_again(
    text: &str,
    index: &LineIndex,
    classes: &LineClasses,
    old_reports: &[Report],
    old: &Learned,
    changed: LinesChanged,
) -> Option<Again> {
    let count = classes.len();
    let fits = changed.lo <= changed.old_hi
        && changed.old_hi <= old.roles.len()
        && changed.lo <= changed.new_hi
        && count == old.roles.len() - changed.old_hi + changed.new_hi;
    if !fits || changed.lo < old.head_hi {
        return None;
    }
    // The new lines whose kind, looks or role may differ from those of the old line they
    // were (or that are new): the edit's, widened below.
    let mut dirty = changed.lo..changed.new_hi;
    let (lists, listed) = lists_again(text, index, classes, old, changed, &mut dirty);
    if dirty.start < old.head_hi {
        return None;
    }
    let mut lines = Lines::new(text, index, classes);
    if let Some(kinds) = &listed {
        lines.kinds = kinds;
    }

    // Roles: a line's depends on it and, for a label alone on its line, the next text line.
    let from = prev_text(&lines, dirty.start)
        .unwrap_or(dirty.start)
        .max(old.cursor);
    let mut roles = Vec::with_capacity(count);
    roles.extend_from_slice(&old.roles[..changed.lo]);
    roles.resize(changed.new_hi, Role::Skip);
    roles.extend_from_slice(&old.roles[changed.old_hi..]);
    roles[from..dirty.end].fill(Role::Skip);
    let mut labels: Vec<_> = old
        .labels
        .iter()
        .take_while(|c| c.labelled.line < from)
        .cloned()
        .collect();
    label_roles(&lines, from..dirty.end, &mut roles, &mut labels);
    for c in &old.labels {
        if let Some(line) = changed.moved(c.labelled.line).filter(|&l| l >= dirty.end) {
            let mut c = c.clone();
            c.labelled.line = line;
            labels.push(c);
        }
    }
    let chain = numbering_chain(&roles, &labels, old.cursor);
    // A label that joined or left the numbering marks (or no longer marks) its title.
    let mut was: Vec<_> = (old.chain.iter())
        .filter_map(|c| {
            let line = changed.moved(c.line)?;
            Some((line, c.len, c.alone))
        })
        .collect();
    let mut is: Vec<_> = chain.iter().map(|c| (c.line, c.len, c.alone)).collect();
    was.sort_unstable();
    is.sort_unstable();
    for (line, ..) in symmetric_difference(&was, &is) {
        widen(&mut dirty, line..line + 1);
    }

    let with;
    let labelled = if chain.is_empty() {
        lines
    } else {
        with = with_chain(&lines, &chain);
        Lines {
            kinds: &with.0,
            looks: &with.1,
            ..lines
        }
    };
    // Reports from the last one whose start no changed line decided (its text line before,
    // itself and the text line after lie before the changed lines) to the first whose start
    // none decided either.
    let before = prev_text(&labelled, dirty.start)?;
    let keep_before = old_reports
        .partition_point(|r| r.lines.start < before)
        .checked_sub(1)?;
    let first = &old_reports[keep_before];
    let a = first.lines.start;
    let (mut starts, stop) = report_starts(&labelled, a + 1, Some(a), dirty.end);
    starts.insert(0, (a, first.title_line.is_some()));
    // The old starts from `stop` on stand; `stop` lies after the changed lines.
    let old_stop = stop - changed.new_hi + changed.old_hi;
    let keep_after = old_reports.partition_point(|r| r.lines.start < old_stop);
    let end = old_reports
        .get(keep_after)
        .and_then(|r| changed.moved(r.lines.start))
        .unwrap_or(count);
    let mut fresh = reports_from(&labelled, &starts, end);
    if !chain.is_empty() {
        add_labels(&labelled, &chain, &mut fresh);
    }
    let learned = Learned {
        cursor: old.cursor,
        head_hi: old.head_hi,
        lists,
        roles,
        labels,
        chain,
    };
    Some(Again {
        keep_before,
        fresh,
        keep_after,
        learned,
    })
}

/// The reading lists of the new text and its line kinds with their links made junk: the old
/// lists that read no changed line, those read again (those whose header lies before the
/// edit and that read into it, those whose header the edit wrote) and the old ones after the
/// edit, moved. Widens `dirty` to the links of every list read again, before and after.
fn lists_again(
    text: &str,
    index: &LineIndex,
    classes: &LineClasses,
    old: &Learned,
    changed: LinesChanged,
    dirty: &mut Range<usize>,
) -> (Vec<(usize, usize)>, Option<Vec<Kind>>) {
    let mut lists = Vec::with_capacity(old.lists.len() + 1);
    let mut again = Vec::new();
    for &(header, links) in &old.lists {
        if header >= changed.old_hi {
            lists.push((header - changed.old_hi + changed.new_hi, links));
            continue;
        }
        // A list reads its header, its links and at most two lines after them.
        if header + links + 2 < changed.lo {
            lists.push((header, links));
            continue;
        }
        widen(dirty, header + 1..changed.moved_end(header + 1 + links));
        if header < changed.lo {
            again.push(header);
        }
    }
    again.extend((changed.lo..changed.new_hi).filter(|&l| classes.kinds[l] == Kind::Junk));
    for (header, links) in reading_lists(text, index, &classes.kinds, again.into_iter()) {
        widen(dirty, header + 1..header + 1 + links);
        lists.push((header, links));
    }
    lists.sort_unstable();
    let listed = with_lists(&classes.kinds, &lists);
    (lists, listed)
}

/// The last text line before `line`.
fn prev_text(lines: &Lines, line: usize) -> Option<usize> {
    (0..line).rev().find(|&l| lines.kinds[l] == Kind::Text)
}

/// Widens `r` to cover `by` too (an empty `by` leaves it).
fn widen(r: &mut Range<usize>, by: Range<usize>) {
    if !by.is_empty() {
        r.start = r.start.min(by.start);
        r.end = r.end.max(by.end);
    }
}

/// The items of two sorted lists that are in one and not the other.
fn symmetric_difference<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                out.push(*x);
                i += 1;
            }
            (Some(_), Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (None, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}
