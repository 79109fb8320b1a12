//! Edits as data: applying a batch of edits to a text, inverting it for undo, and the
//! undo/redo history. The text of a document changes only through [`apply`].
//!
//! No dependency on egui or the file system.

use crate::model::{ByteRange, Edit, EditOrigin};

/// Sorts edits by position and drops any that overlap an earlier one (first wins), so a
/// fill inside a line that cleaning removes never corrupts the text.
pub fn normalize(mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        if let Some(last) = out.last() {
            let overlaps = e.range.start < last.range.end
                // Two insertions at one point keep their order; an insertion inside a
                // replaced range does not survive.
                || (e.range.start == last.range.start && !last.range.is_empty() && e.range.is_empty());
            if overlaps {
                continue;
            }
        }
        out.push(e);
    }
    out
}

/// Applies sorted, non-overlapping edits (see [`normalize`]) and returns the new text and
/// the inverse edits, which applied to the new text give back the old one.
///
/// Edits whose `old` does not match the text or that do not sit on character boundaries
/// are skipped, and so reported in the returned count.
pub fn apply(text: &str, edits: &[Edit]) -> Applied {
    let (kept, inverse, skipped, growth) = applicable(text, edits);
    Applied {
        text: write_applied(text, &kept, text.len().wrapping_add_signed(growth)),
        inverse,
        skipped,
    }
}

/// [`apply`] on the text itself, however many the edits, in its own buffer (grown only when
/// the edits lengthen the text beyond its capacity): a large text edited this way is never
/// held twice, and a keystroke in a 100 MB text moves the text after it instead of copying
/// all of it. Returns the inverse edits and how many edits were skipped.
///
/// The stretches of text between the edits move first, then the edits' new texts are
/// written into the gaps. A stretch moves left by the growth of the edits before it, or
/// right: the left-moving ones are moved from the first on, the right-moving ones from the
/// last on, and no stretch then lands on one still to be moved (in the result they keep
/// their order, and a stretch moving left lands before its old place, one moving right
/// after it).
pub fn apply_in_buffer(text: &mut String, edits: &[Edit]) -> (Vec<Edit>, usize) {
    let (kept, inverse, skipped, growth) = applicable(text, edits);
    if kept.is_empty() {
        return (inverse, skipped);
    }
    let len = text.len();
    let new_len = len.wrapping_add_signed(growth);
    // Each stretch after an edit: where it starts and ends, and the growth before it.
    let mut stretches = Vec::with_capacity(kept.len());
    let mut before: isize = 0;
    for (k, e) in kept.iter().enumerate() {
        before += e.new.len() as isize - e.range.len() as isize;
        let end = kept.get(k + 1).map_or(len, |next| next.range.start);
        stretches.push((e.range.end, end, before));
    }
    // SAFETY: the bytes are UTF-8 again before this function returns: every kept edit starts
    // and ends on a character boundary of the text ([`applicable`] checked), the stretches
    // between them move whole and each edit's place gets a whole `String`. Nothing reads the
    // text in between (it is borrowed mutably), and nothing below panics: every range lies
    // within the buffer, which holds both the old and the new length.
    let bytes = unsafe { text.as_mut_vec() };
    if new_len > len {
        bytes.resize(new_len, 0);
    }
    let moved =
        |(start, end, by): (usize, usize, isize)| (start, end, start.wrapping_add_signed(by));
    for (start, end, to) in stretches.iter().copied().filter(|s| s.2 < 0).map(moved) {
        bytes.copy_within(start..end, to);
    }
    for (start, end, to) in stretches
        .iter()
        .rev()
        .copied()
        .filter(|s| s.2 > 0)
        .map(moved)
    {
        bytes.copy_within(start..end, to);
    }
    let mut shift: isize = 0;
    for e in &kept {
        let at = e.range.start.wrapping_add_signed(shift);
        bytes[at..at + e.new.len()].copy_from_slice(e.new.as_bytes());
        shift += e.new.len() as isize - e.range.len() as isize;
    }
    bytes.truncate(new_len);
    (inverse, skipped)
}

/// Which of `edits` apply to `text` (in order), their inverse edits, how many did not
/// apply, and how much the kept ones lengthen the text.
fn applicable<'a>(text: &str, edits: &'a [Edit]) -> (Vec<&'a Edit>, Vec<Edit>, usize, isize) {
    // Which edits apply and where they land: a pass over the edits alone.
    let mut kept: Vec<&Edit> = Vec::with_capacity(edits.len());
    let mut inverse = Vec::with_capacity(edits.len());
    let mut pos = 0;
    let mut skipped = 0;
    // Output length minus input length so far.
    let mut growth: isize = 0;
    for e in edits {
        let ok = e.range.start >= pos
            && e.range.end <= text.len()
            && text.is_char_boundary(e.range.start)
            && text.is_char_boundary(e.range.end)
            && text[e.range.clone()] == e.old;
        if !ok {
            skipped += 1;
            continue;
        }
        let new_start = e.range.start.wrapping_add_signed(growth);
        inverse.push(Edit {
            range: new_start..new_start + e.new.len(),
            old: e.new.clone(),
            new: e.old.clone(),
            origin: e.origin.clone(),
        });
        growth += e.new.len() as isize - e.range.len() as isize;
        kept.push(e);
        pos = e.range.end;
    }
    (kept, inverse, skipped, growth)
}

/// `text` with the `kept` edits (sorted, non-overlapping, on character boundaries) applied:
/// a text of `len` bytes. A large text is written on every core, each thread filling its
/// own part of the one output buffer.
fn write_applied(text: &str, kept: &[&Edit], len: usize) -> String {
    let threads = crate::par::threads_for(text.len(), crate::par::PARALLEL_MIN);
    if threads > 1
        && kept.len() >= threads
        && let Some(out) = write_applied_in_parts(text, kept, len, threads)
    {
        return out;
    }
    write_applied_serially(text, kept, len)
}

fn write_applied_serially(text: &str, kept: &[&Edit], len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pos = 0;
    for e in kept {
        out.push_str(&text[pos..e.range.start]);
        out.push_str(&e.new);
        pos = e.range.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// [`write_applied`] on `threads` threads; None if a part came out other than expected
/// (which the serial writer then redoes).
fn write_applied_in_parts(
    text: &str,
    kept: &[&Edit],
    len: usize,
    threads: usize,
) -> Option<String> {
    let runs: Vec<&[&Edit]> = kept.chunks(kept.len().div_ceil(threads)).collect();
    // Where each run's part starts in the input and in the output: at its first edit (the
    // first part at 0), where no edit spans the cut.
    let mut starts = Vec::with_capacity(runs.len());
    let mut growth: isize = 0;
    for (k, run) in runs.iter().enumerate() {
        let at = if k == 0 { 0 } else { run[0].range.start };
        starts.push((at, at.wrapping_add_signed(growth)));
        for e in *run {
            growth += e.new.len() as isize - e.range.len() as isize;
        }
    }
    let mut buf = vec![0u8; len];
    let bytes = text.as_bytes();
    let all_valid = std::thread::scope(|s| {
        let mut rest: &mut [u8] = &mut buf;
        let mut handles = Vec::with_capacity(runs.len());
        for (k, run) in runs.iter().copied().enumerate() {
            let (text_start, out_start) = starts[k];
            let (text_end, out_end) = starts.get(k + 1).copied().unwrap_or((text.len(), len));
            let (part, tail) = std::mem::take(&mut rest).split_at_mut(out_end - out_start);
            rest = tail;
            handles.push(s.spawn(move || {
                let mut w = 0;
                let mut put = |piece: &[u8]| -> bool {
                    let Some(dst) = part.get_mut(w..w + piece.len()) else {
                        return false;
                    };
                    dst.copy_from_slice(piece);
                    w += piece.len();
                    true
                };
                let mut pos = text_start;
                for e in run {
                    if !(put(&bytes[pos..e.range.start]) && put(e.new.as_bytes())) {
                        return false;
                    }
                    pos = e.range.end;
                }
                put(&bytes[pos..text_end])
                    && w == part.len()
                    && simdutf8::basic::from_utf8(part).is_ok()
            }));
        }
        handles.into_iter().all(|h| crate::par::join(h))
    });
    // SAFETY: every part was checked to be UTF-8 just above, and each starts and ends on a
    // character boundary of the output (the start of the text, an edit's start, the end),
    // so the whole buffer is UTF-8.
    all_valid.then(|| unsafe { String::from_utf8_unchecked(buf) })
}

/// The result of [`apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Edits that turn `text` back into the input.
    pub inverse: Vec<Edit>,
    /// Edits that did not match the text and were not applied.
    pub skipped: usize,
}

/// Composes two batches into one: `first` applies to `original` and gives `intermediate`
/// (the caller has it already), `second` applies to `intermediate`; the result applies to
/// `original` and produces what both did. An edit of
/// `second` that touches text `first` wrote merges with that edit (keeping the first's
/// origin); one in untouched text maps back unchanged. Both inputs sorted, non-overlapping.
pub fn compose(original: &str, first: &[Edit], intermediate: &str, second: &[Edit]) -> Vec<Edit> {
    // Where each first edit's new text sits in the intermediate text.
    let mut shift: isize = 0;
    let placed: Vec<(ByteRange, &Edit)> = first
        .iter()
        .map(|e| {
            let start = (e.range.start as isize + shift) as usize;
            shift += e.new.len() as isize - e.old.len() as isize;
            (start..start + e.new.len(), e)
        })
        .collect();
    // Map an intermediate offset lying outside every first edit back to the original.
    let to_original = |pos: usize| -> usize {
        let before =
            placed.partition_point(|(r, _)| r.end <= pos && !(r.is_empty() && r.start == pos));
        let shift: isize = placed[..before]
            .iter()
            .map(|(r, e)| r.len() as isize - e.old.len() as isize)
            .sum();
        (pos as isize - shift) as usize
    };
    let touches = |a: &ByteRange, b: &ByteRange| {
        a.start < b.end && b.start < a.end
            || a.start == b.start
            || a.end == b.start
            || b.end == a.start
    };
    let mut out = Vec::with_capacity(first.len() + second.len());
    let (mut i, mut j) = (0, 0);
    while i < placed.len() || j < second.len() {
        // Start a component with whichever edit comes first in the intermediate text.
        let take_first =
            j >= second.len() || (i < placed.len() && placed[i].0.start <= second[j].range.start);
        let mut span = if take_first {
            placed[i].0.clone()
        } else {
            second[j].range.clone()
        };
        let origin = if take_first {
            placed[i].1.origin.clone()
        } else {
            second[j].origin.clone()
        };
        let (i0, j0) = (i, j);
        if take_first {
            i += 1;
        } else {
            j += 1;
        }
        // Grow it while the next edit of either batch touches it.
        loop {
            if i < placed.len() && touches(&placed[i].0, &span) {
                span = span.start.min(placed[i].0.start)..span.end.max(placed[i].0.end);
                i += 1;
            } else if j < second.len() && touches(&second[j].range, &span) {
                span = span.start.min(second[j].range.start)..span.end.max(second[j].range.end);
                j += 1;
            } else {
                break;
            }
        }
        if i - i0 == 1 && j == j0 {
            out.push(placed[i0].1.clone());
            continue;
        }
        if i == i0 && j - j0 == 1 {
            let e = &second[j0];
            let start = to_original(e.range.start);
            out.push(Edit {
                range: start..start + e.old.len(),
                old: e.old.clone(),
                new: e.new.clone(),
                origin,
            });
            continue;
        }
        // A merged component: its original range runs from the original start of its first
        // piece to the original end of its last; its new text is the span with the second
        // batch applied.
        let first_in = &placed[i0..i];
        let o_start = match first_in.first() {
            Some((r, e)) if r.start == span.start => e.range.start,
            _ => to_original(span.start),
        };
        let o_end = match first_in.last() {
            Some((r, e)) if r.end == span.end => e.range.end,
            _ => to_original(span.end),
        };
        let local: Vec<Edit> = second[j0..j]
            .iter()
            .map(|e| Edit {
                range: e.range.start - span.start..e.range.end - span.start,
                ..e.clone()
            })
            .collect();
        let new = apply(&intermediate[span.clone()], &local).text;
        out.push(Edit {
            range: o_start..o_end,
            old: original[o_start..o_end].to_string(),
            new,
            origin,
        });
    }
    out
}

/// An edit replacing `range` of `text` with `new`, typed by the user.
pub fn user_edit(text: &str, range: ByteRange, new: impl Into<String>) -> Edit {
    Edit {
        old: text[range.clone()].to_string(),
        range,
        new: new.into(),
        origin: EditOrigin::User,
    }
}

/// The smallest single edit turning `old` into `new` (common prefix and suffix kept), on
/// character boundaries. This is how a whole-text change from a text widget becomes data.
pub fn diff(old: &str, new: &str) -> Option<Edit> {
    if old == new {
        return None;
    }
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map(|((i, _), _)| i)
        .unwrap_or_else(|| old.len().min(new.len()));
    let prefix = floor_boundary(new, prefix.min(new.len()));
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let suffix = old.as_bytes()[old.len() - max_suffix..]
        .iter()
        .rev()
        .zip(new.as_bytes()[new.len() - max_suffix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // Keep the suffix on a character boundary in both texts.
    let mut suffix = suffix;
    while suffix > 0
        && !(old.is_char_boundary(old.len() - suffix) && new.is_char_boundary(new.len() - suffix))
    {
        suffix -= 1;
    }
    let range = prefix..old.len() - suffix;
    Some(Edit {
        old: old[range.clone()].to_string(),
        new: new[prefix..new.len() - suffix].to_string(),
        range,
        origin: EditOrigin::User,
    })
}

/// The largest character boundary of `s` at or before byte `i` (`s.len()` past the end).
pub fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One undoable step: the edits as applied and their inverse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub forward: Vec<Edit>,
    pub inverse: Vec<Edit>,
    /// Shown in the undo menu ("清理", "填写", "输入").
    pub label: String,
    /// Later edits may fold into this step (see [`History::apply_edits`]); false once the
    /// step was undone or redone.
    pub mergeable: bool,
}

/// Undo/redo history, capped, never serialised.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    const MAX_STEPS: usize = 500;

    /// Applies `edits` to `text` as one step. Returns false (and changes nothing) when no
    /// edit applied. See [`History::apply_edits`] for `merge`.
    pub fn apply(&mut self, text: &mut String, edits: Vec<Edit>, label: &str, merge: bool) -> bool {
        self.apply_edits(text, edits, label, merge).is_some()
    }

    /// Applies `edits` to `text` and returns them as applied (positions in the text before
    /// them; edits that did not match are left out), or None when none applied.
    ///
    /// `merge` asks to fold this change into the previous undo step, when that step is still
    /// open (it was not undone or redone) and has the same label: one keystroke of a typed run
    /// continuing the last (a single edit next to it), or one more keystroke of an answer that
    /// fills several places at once (any batch).
    pub fn apply_edits(
        &mut self,
        text: &mut String,
        edits: Vec<Edit>,
        label: &str,
        merge: bool,
    ) -> Option<Vec<Edit>> {
        let edits = normalize(edits);
        // Merging a batch of several edits composes it with the text before it, which is
        // then kept whole; anything else (typing above all) is made in place.
        let needs_before =
            merge && (edits.len() != 1 || self.undo.last().is_some_and(|l| l.forward.len() != 1));
        let (inverse, before) = if needs_before {
            let applied = apply(text, &edits);
            let before = std::mem::replace(text, applied.text);
            (applied.inverse, Some(before))
        } else {
            (apply_in_buffer(text, &edits).0, None)
        };
        if inverse.is_empty() {
            return None;
        }
        let forward = forward_of(&inverse);
        self.redo.clear();
        if merge
            && let Some(last) = self.undo.last_mut()
            && last.mergeable
            && last.label == label
        {
            let merged = match &before {
                // Consecutive typing: merged only when it continues the run.
                None => compose_inverse(&last.inverse, &inverse),
                // `inverse` turns the text into `before`, and the last step's inverse turns
                // `before` into the text before that step.
                Some(before) => Some(compose(text, &inverse, before, &last.inverse)),
            };
            if let Some(inverse) = merged {
                last.forward = forward_of(&inverse);
                last.inverse = inverse;
                return Some(forward);
            }
        }
        self.undo.push(Step {
            forward: forward.clone(),
            inverse,
            label: label.to_string(),
            mergeable: true,
        });
        if self.undo.len() > Self::MAX_STEPS {
            self.undo.remove(0);
        }
        Some(forward)
    }

    pub fn undo(&mut self, text: &mut String) -> bool {
        self.undo_edits(text).is_some()
    }

    pub fn redo(&mut self, text: &mut String) -> bool {
        self.redo_edits(text).is_some()
    }

    /// Undoes the last step; returns the edits it applied (positions in the text before).
    pub fn undo_edits(&mut self, text: &mut String) -> Option<Vec<Edit>> {
        let step = self.undo.pop()?;
        let (inverse, skipped) = apply_in_buffer(text, &step.inverse);
        debug_assert_eq!(skipped, 0);
        self.redo.push(Step {
            forward: step.inverse.clone(),
            inverse,
            label: step.label,
            mergeable: false,
        });
        Some(step.inverse)
    }

    /// Redoes the last undone step; returns the edits it applied (positions in the text
    /// before).
    pub fn redo_edits(&mut self, text: &mut String) -> Option<Vec<Edit>> {
        let step = self.redo.pop()?;
        let (inverse, skipped) = apply_in_buffer(text, &step.inverse);
        debug_assert_eq!(skipped, 0);
        self.undo.push(Step {
            forward: step.inverse.clone(),
            inverse,
            label: step.label,
            mergeable: false,
        });
        Some(step.inverse)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }
    pub fn len(&self) -> usize {
        self.undo.len()
    }
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// The forward edits of a step from its inverse: old and new swapped, at their positions in
/// the text before the step.
fn forward_of(inverse: &[Edit]) -> Vec<Edit> {
    let forward = inverse
        .iter()
        .map(|inv| Edit {
            range: 0..0,
            old: inv.new.clone(),
            new: inv.old.clone(),
            origin: inv.origin.clone(),
        })
        .collect();
    rebase_forward(inverse, forward)
}

/// Recomputes the pre-edit ranges of forward edits from their inverses (whose ranges are
/// post-edit ranges): walking in order, the shift is the sum of earlier length changes.
fn rebase_forward(inverse: &[Edit], mut forward: Vec<Edit>) -> Vec<Edit> {
    let mut shift: isize = 0;
    for (inv, fwd) in inverse.iter().zip(forward.iter_mut()) {
        let start = (inv.range.start as isize - shift) as usize;
        fwd.range = start..start + fwd.old.len();
        shift += inv.old.len() as isize - inv.new.len() as isize;
    }
    forward
}

/// Two single-edit inverses of consecutive typing steps, composed into one inverse that
/// undoes both, when the second edit touches the first's result.
fn compose_inverse(first: &[Edit], second: &[Edit]) -> Option<Vec<Edit>> {
    let (a, b) = (first.first()?, second.first()?);
    if first.len() != 1 || second.len() != 1 {
        return None;
    }
    // `a.range` is where the first edit's new text sits (after step 1).
    // `b.range` is where the second edit's new text sits (after step 2), replacing `b.new`
    // text that existed after step 1. Merge only when b's old span lies inside or touches
    // a's span.
    let b_old_start = b.range.start;
    let b_old_end = b.range.start + b.new.len();
    if b_old_start < a.range.start || b_old_end > a.range.end {
        return None;
    }
    // After step 1, a.range held a.old (the text typed so far, as an `old` of the
    // inverse). Replace within it the bytes b replaced.
    let rel = b_old_start - a.range.start;
    let mut typed = a.old.clone();
    typed.replace_range(rel..rel + b.new.len(), &b.old);
    Some(vec![Edit {
        range: a.range.start..a.range.start + typed.len(),
        old: typed,
        new: a.new.clone(),
        origin: a.origin.clone(),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(text: &str, r: ByteRange, new: &str) -> Edit {
        user_edit(text, r, new)
    }

    /// Edits made in place give the text and inverse that writing the text anew gives, a
    /// stale edit skipped alike, for a few edits and for many.
    #[test]
    fn edits_in_place_equal_edits_written_anew() {
        let text = "一、总结XX区\n二、计划XX镇\n".repeat(4);
        let mut stale = e(&text, 0..3, "壹");
        stale.old = "不是这个".into();
        for n in [1, 3, 12] {
            let mut edits: Vec<Edit> = text
                .match_indices("XX")
                .take(n)
                .map(|(i, _)| e(&text, i..i + 2, "滨江新区"))
                .collect();
            edits.push(e(&text, text.len()..text.len(), "附件"));
            edits.insert(0, stale.clone());
            let written = apply(&text, &edits);
            let mut in_place = text.clone();
            let (inverse, skipped) = apply_in_buffer(&mut in_place, &edits);
            assert_eq!(in_place, written.text, "{n} edits");
            assert_eq!(inverse, written.inverse);
            assert_eq!((skipped, written.skipped), (1, 1));
        }
    }

    /// Edits made in the text's own buffer give the text and inverse that writing it anew
    /// gives, and their inverse, made the same way, gives the text back: deletions, and
    /// insertions both before and after them, so that text moves both ways.
    #[test]
    fn edits_in_the_buffer_equal_edits_written_anew_and_undo() {
        let text =
            "关于XX区工作的报告\n\n全体D员参加。\n客服微信：qh2024\n其他内容照旧。\n".repeat(50);
        let mut stale = e(&text, 0..3, "壹");
        stale.old = "不是这个".into();
        let mut edits = vec![e(&text, 0..0, "前言\n"), stale];
        for (i, _) in text.match_indices("客服微信：qh2024\n").take(30) {
            edits.push(e(&text, i..i + "客服微信：qh2024\n".len(), ""));
        }
        for (i, _) in text.match_indices("D员") {
            edits.push(e(&text, i..i + 1, "中国共产党"));
        }
        edits.push(e(&text, text.len()..text.len(), "（完）"));
        let edits = normalize(edits);
        let written = apply(&text, &edits);
        let mut in_buffer = text.clone();
        let (inverse, skipped) = apply_in_buffer(&mut in_buffer, &edits);
        assert_eq!(in_buffer, written.text);
        assert_eq!((inverse.clone(), skipped), (written.inverse, 1));
        assert_eq!(apply_in_buffer(&mut in_buffer, &inverse).1, 0);
        assert_eq!(in_buffer, text);
    }

    #[test]
    fn applying_in_parts_writes_what_applying_serially_writes() {
        // Insertions, deletions and replacements that grow and shrink the text, at its
        // start and end, next to each other and between multi-byte characters.
        let line = "（一）XX区2023年完成投资X亿元，D员干部××人。\n";
        let text = line.repeat(2_000);
        let mut edits = vec![e(&text, 0..0, "前言\n")];
        let mut at = 0;
        for (k, _) in text.match_indices('\n').enumerate() {
            let start = at;
            let xx = start + line.find("XX").unwrap();
            let d = start + line.find('D').unwrap();
            match k % 4 {
                0 => edits.push(e(&text, xx..xx + 2, "滨江")),
                1 => edits.push(e(&text, d..d + 1, "党")),
                2 => edits.push(e(&text, start..start + line.len(), "")),
                _ => {
                    edits.push(e(&text, xx..xx + 2, ""));
                    edits.push(e(&text, xx + 2..xx + 2, "新区"));
                }
            }
            at = start + line.len();
        }
        let end = text.len();
        edits.push(e(&text, end..end, "（完）"));
        let edits = normalize(edits);
        let kept: Vec<&Edit> = edits.iter().collect();
        let len = {
            let grown: usize = edits.iter().map(|e| e.new.len()).sum();
            let shrunk: usize = edits.iter().map(|e| e.range.len()).sum();
            text.len() + grown - shrunk
        };
        let expected = write_applied_serially(&text, &kept, len);
        for threads in [2, 3, 7] {
            assert_eq!(
                write_applied_in_parts(&text, &kept, len, threads).as_deref(),
                Some(expected.as_str()),
                "{threads} threads"
            );
        }
        assert_eq!(apply(&text, &edits).text, expected);
    }

    #[test]
    fn apply_then_inverse_restores_text() {
        let text = "一、总结XX区工作\n二、计划";
        let i = text.find("XX").unwrap();
        let edits = vec![e(text, i..i + 2, "滨江"), e(text, 0..0, "前言\n")];
        let applied = apply(text, &normalize(edits));
        assert_eq!(applied.text, "前言\n一、总结滨江区工作\n二、计划");
        let back = apply(&applied.text, &applied.inverse);
        assert_eq!(back.text, text);
    }

    /// A small deterministic generator, so the property runs without an extra crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    fn random_edits(rng: &mut Rng, text: &str) -> Vec<Edit> {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let pieces = ["", "党", "X", "一是", "\n", "GDP"];
        let mut edits = Vec::new();
        for _ in 0..rng.next(4) {
            let a = bounds[rng.next(bounds.len())];
            let b = bounds[rng.next(bounds.len())];
            let r = a.min(b)..a.max(b).min(a.min(b) + 6);
            let r = r.start..*bounds.iter().filter(|&&x| x <= r.end).max().unwrap();
            edits.push(user_edit(text, r, pieces[rng.next(pieces.len())]));
        }
        normalize(edits)
    }

    #[test]
    fn compose_equals_applying_both_batches() {
        let mut rng = Rng(0x9E3779B97F4A7C15);
        let texts = ["一、D员\n\n\n二、XX区", "目录\n1.\n2.\n\n标题", "abc", ""];
        let mut merged = 0;
        for round in 0..3000 {
            let t0 = texts[round % texts.len()];
            let e1 = random_edits(&mut rng, t0);
            let t1 = apply(t0, &e1).text;
            let e2 = random_edits(&mut rng, &t1);
            let t2 = apply(&t1, &e2).text;
            let c = compose(t0, &e1, &t1, &e2);
            let applied = apply(t0, &c);
            assert_eq!(applied.skipped, 0, "{t0:?} {e1:?} {e2:?} -> {c:?}");
            assert_eq!(applied.text, t2, "{t0:?} {e1:?} {e2:?} -> {c:?}");
            assert_eq!(normalize(c.clone()), c, "sorted, non-overlapping");
            merged += usize::from(c.len() < e1.len() + e2.len());
        }
        assert!(
            merged > 300,
            "the property must exercise merging edits ({merged})"
        );
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let text = "abcdef";
        let edits = normalize(vec![e(text, 1..4, "X"), e(text, 2..3, "Y")]);
        assert_eq!(edits.len(), 1);
        assert_eq!(apply(text, &edits).text, "aXef");
    }

    #[test]
    fn mismatched_edit_is_skipped_not_applied() {
        let text = "党员";
        let bad = Edit {
            range: 0..3,
            old: "D".into(),
            new: "党".into(),
            origin: EditOrigin::User,
        };
        let applied = apply(text, &[bad]);
        assert_eq!(applied.text, text);
        assert_eq!(applied.skipped, 1);
    }

    #[test]
    fn diff_finds_minimal_edit_on_char_boundaries() {
        let d = diff("加强D建工作", "加强党建工作").unwrap();
        assert_eq!(d.old, "D");
        assert_eq!(d.new, "党");
        let d = diff("一二三", "一三").unwrap();
        assert_eq!(apply("一二三", &[d]).text, "一三");
        // Same leading byte, different characters.
        let d = diff("中国", "丰国").unwrap();
        assert_eq!(apply("中国", &[d]).text, "丰国");
    }

    #[test]
    fn history_undo_redo_and_typing_merges() {
        let mut text = String::from("报告");
        let mut h = History::default();
        for (i, ch) in ["工", "作"].iter().enumerate() {
            let at = "报告".len() + i * 3;
            let ed = user_edit(&text, at..at, *ch);
            assert!(h.apply(&mut text, vec![ed], "输入", true));
        }
        assert_eq!(text, "报告工作");
        assert_eq!(h.len(), 1, "consecutive typing is one undo step");
        let fill = user_edit(&text, 0..0, "XX区");
        h.apply(&mut text, vec![fill], "填写", false);
        assert!(h.undo(&mut text));
        assert_eq!(text, "报告工作");
        assert!(h.undo(&mut text));
        assert_eq!(text, "报告");
        assert!(h.redo(&mut text));
        assert_eq!(text, "报告工作");
        assert!(h.redo(&mut text));
        assert_eq!(text, "XX区报告工作");
        assert!(!h.redo(&mut text));
    }

    /// An answer filling several places, typed key by key with `merge`: one undo step, and
    /// undo gives back the placeholders.
    #[test]
    fn merged_batches_are_one_step_that_undoes_to_the_start() {
        let start = "XX区甲，XX区乙，XX区丙";
        let mut text = String::from(start);
        let mut h = History::default();
        let places = |text: &str, now: &str| -> Vec<Edit> {
            let mut at = 0;
            let mut out = Vec::new();
            while let Some(i) = text[at..].find(&format!("{now}区")) {
                let s = at + i;
                out.push(Edit {
                    range: s..s + now.len(),
                    old: now.to_string(),
                    new: String::new(),
                    origin: EditOrigin::Fill("XX区".into()),
                });
                at = s + now.len();
            }
            out
        };
        let mut now = "XX".to_string();
        for (k, value) in ["滨", "滨江", "滨"].iter().enumerate() {
            let edits: Vec<Edit> = places(&text, &now)
                .into_iter()
                .map(|mut e| {
                    e.new = value.to_string();
                    e
                })
                .collect();
            assert!(h.apply(&mut text, edits, "填写 XX区", k > 0));
            now = value.to_string();
        }
        assert_eq!(text, "滨区甲，滨区乙，滨区丙");
        assert_eq!(h.len(), 1, "one undo step for the typed answer");
        assert!(h.undo(&mut text));
        assert_eq!(text, start);
        assert!(h.redo(&mut text));
        assert_eq!(text, "滨区甲，滨区乙，滨区丙");
        // Typed after a redo: a step of its own.
        let edits = places(&text, "滨")
            .into_iter()
            .map(|mut e| {
                e.new = "XX".into();
                e
            })
            .collect();
        assert!(h.apply(&mut text, edits, "填写 XX区", true));
        assert_eq!(h.len(), 2);
        assert!(h.undo(&mut text));
        assert_eq!(text, "滨区甲，滨区乙，滨区丙");
    }
}
