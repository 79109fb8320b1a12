//! Scanning a large text on every core: the text is cut at line starts into one slice per
//! core, the slices are scanned on rayon's pool (the one a batch's files share, so a large
//! file of a batch does not start threads of its own), and the results come back in text
//! order.
//!
//! Every whole-text scan of the core looks for things that sit inside one line (markers,
//! keywords, placeholders), so cutting at line starts changes no result. Beside a long
//! sequential task (cleaning, round after round), many small jobs fill the other cores
//! ([`beside_jobs`]). No dependency on egui.

use rayon::prelude::*;
use std::ops::Range;

/// Texts shorter than this are scanned on the calling thread: starting threads costs more
/// than it saves.
pub const PARALLEL_MIN: usize = 4 << 20;

/// The cores work is spread over: those the machine offers, at most 8.
/// Asked once: `available_parallelism` reads the cgroup files under /proc on each call,
/// which cost a batch of small files 5% of its time.
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    })
}

/// Threads worth using for a text of `len` bytes (at least one).
pub(crate) fn threads_for(len: usize, min: usize) -> usize {
    if len < min {
        return 1;
    }
    cores().min(len / (min / 2).max(1)).max(1)
}

/// Cuts `bytes` into `n` slices of about equal size, each starting after a line feed (or at
/// the start).
pub fn line_slices(bytes: &[u8], n: usize) -> Vec<Range<usize>> {
    let mut bounds = vec![0];
    for i in 1..n.max(1) {
        let guess = bytes.len() / n * i;
        let cut = memchr::memchr(b'\n', &bytes[guess..]).map_or(bytes.len(), |j| guess + j + 1);
        if cut > *bounds.last().unwrap_or(&0) && cut < bytes.len() {
            bounds.push(cut);
        }
    }
    bounds.push(bytes.len());
    bounds.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Runs `f` on each slice of `bytes` cut after line feeds (byte ranges into it), on the pool
/// when there are at least `min` bytes, and returns the results in order.
pub fn map_slices<T: Send>(
    bytes: &[u8],
    min: usize,
    f: impl Fn(Range<usize>) -> T + Sync,
) -> Vec<T> {
    let threads = threads_for(bytes.len(), min);
    if threads <= 1 {
        return vec![f(0..bytes.len())];
    }
    line_slices(bytes, threads)
        .into_par_iter()
        .map(&f)
        .collect()
}

/// Lists shorter than this are mapped on the calling thread.
const ITEMS_PARALLEL_MIN: usize = 256;

/// `f(index, item)` for every item, in order; a long list is cut into one run per core.
pub fn map_items<T: Sync, U: Send>(items: &[T], f: impl Fn(usize, &T) -> U + Sync) -> Vec<U> {
    let threads = cores();
    if items.len() < ITEMS_PARALLEL_MIN || threads <= 1 {
        return items.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    items
        .par_iter()
        .enumerate()
        .with_min_len(ITEMS_PARALLEL_MIN / 4)
        .map(|(i, t)| f(i, t))
        .collect()
}

/// The result of a scoped thread; a panic in it goes on in the caller.
pub fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// [`map_slices`] for scans that give a list each: the lists joined in text order.
pub fn flat_map_slices<T: Send>(
    text: &str,
    min: usize,
    f: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    join_lists(map_slices(text.as_bytes(), min, f))
}

/// Runs `first` on one thread of the pool while the others run `job(0)`, `job(1)`, …
/// `job(count - 1)` (in any order); once `first` is done its thread takes jobs too. Returns
/// what `first` returned, when every job is done.
///
/// For a long sequential task beside many small independent ones: the task gets a core to
/// itself instead of a share of one among every job's threads, and the jobs fill whatever
/// time it leaves.
pub fn beside_jobs<T: Send>(
    first: impl FnOnce() -> T + Send,
    count: usize,
    job: impl Fn(usize) + Sync,
) -> T {
    // The calling thread (or, outside the pool, one of rayon's) runs `first`; another takes
    // the jobs, which the first steals once it is done.
    rayon::join(first, || {
        (0..count).into_par_iter().with_max_len(1).for_each(&job)
    })
    .0
}

/// Lists moved by one thread into its stretch of a joined list.
type Run<'a, T> = (Vec<Vec<T>>, &'a mut [std::mem::MaybeUninit<T>]);

/// Lists joined in order. A long result of more lists than cores is filled on every core,
/// each thread moving its lists into its own stretch of the result; one list per core is
/// joined by growing the first (remapped, not copied) with the others.
pub fn join_lists<T: Send>(parts: Vec<Vec<T>>) -> Vec<T> {
    let total: usize = parts.iter().map(Vec::len).sum();
    let threads = threads_for(total * std::mem::size_of::<T>(), PARALLEL_MIN);
    if threads <= 1 || parts.len() <= threads {
        let mut parts = parts.into_iter();
        let mut out = parts.next().unwrap_or_default();
        let rest: Vec<Vec<T>> = parts.collect();
        out.reserve_exact(rest.iter().map(Vec::len).sum());
        for mut p in rest {
            out.append(&mut p);
        }
        return out;
    }
    let mut out: Vec<T> = Vec::with_capacity(total);
    // The lists cut into `threads` runs of about equal length, each with its stretch.
    let per = total.div_ceil(threads);
    let mut runs: Vec<Run<'_, T>> = Vec::new();
    let mut rest = &mut out.spare_capacity_mut()[..total];
    let mut run: Vec<Vec<T>> = Vec::new();
    let mut run_len = 0;
    for part in parts {
        run_len += part.len();
        run.push(part);
        if run_len >= per {
            let (stretch, tail) = std::mem::take(&mut rest).split_at_mut(run_len);
            runs.push((std::mem::take(&mut run), stretch));
            rest = tail;
            run_len = 0;
        }
    }
    if !run.is_empty() {
        let (stretch, tail) = std::mem::take(&mut rest).split_at_mut(run_len);
        runs.push((run, stretch));
        rest = tail;
    }
    debug_assert!(rest.is_empty());
    rayon::scope(|s| {
        for (lists, stretch) in runs {
            s.spawn(move |_| {
                for (slot, item) in stretch.iter_mut().zip(lists.into_iter().flatten()) {
                    slot.write(item);
                }
            });
        }
    });
    // SAFETY: the stretches cover the first `total` slots exactly once (each is as long as
    // the lists of its run, whose lengths sum to `total`), and each thread wrote every slot
    // of its stretch from those lists before the scope ended.
    unsafe { out.set_len(total) };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_start_at_lines_and_cover_the_text() {
        let text = "第一行\n第二行比较长一些\n\n第四行\n最后一行没有换行";
        for n in 1..8 {
            let slices = line_slices(text.as_bytes(), n);
            assert_eq!(slices.first().map(|r| r.start), Some(0));
            assert_eq!(slices.last().map(|r| r.end), Some(text.len()));
            for w in slices.windows(2) {
                assert_eq!(w[0].end, w[1].start);
                assert_eq!(&text[w[1].start - 1..w[1].start], "\n", "n = {n}");
            }
        }
    }

    #[test]
    fn items_are_mapped_in_order_with_their_index() {
        for n in [0, 1, 255, 256, 1001] {
            let items: Vec<u32> = (0..n).map(|i| i * 3).collect();
            let mapped = map_items(&items, |i, &x| (i, x + 1));
            let expected: Vec<(usize, u32)> = (0..n).map(|i| (i as usize, i * 3 + 1)).collect();
            assert_eq!(mapped, expected, "n = {n}");
        }
    }

    #[test]
    fn long_lists_are_joined_in_order_on_every_core() {
        // Over PARALLEL_MIN bytes of result, with empty lists, one long list and owned
        // items (each moved exactly once: a double drop or a lost item changes the result).
        let sizes = [0usize, 70_000, 0, 3, 250_000, 1, 0, 90_000, 40_000, 0];
        let mut n = 0;
        let parts: Vec<Vec<String>> = sizes
            .iter()
            .map(|&k| {
                (0..k)
                    .map(|_| {
                        n += 1;
                        format!("占位符{n}")
                    })
                    .collect()
            })
            .collect();
        let expected: Vec<String> = parts.iter().flatten().cloned().collect();
        assert!(expected.len() * std::mem::size_of::<String>() > PARALLEL_MIN);
        assert_eq!(join_lists(parts), expected);
        assert_eq!(join_lists(Vec::<Vec<u8>>::new()), Vec::<u8>::new());
        assert_eq!(
            join_lists(vec![vec![1u8], vec![], vec![2, 3]]),
            vec![1, 2, 3]
        );
    }

    #[test]
    fn results_come_back_in_text_order() {
        let text = "甲\n".repeat(40_000);
        let lines = flat_map_slices(&text, 1 << 10, |r| {
            (r.start..r.end)
                .filter(|&i| text.as_bytes()[i] == b'\n')
                .collect::<Vec<_>>()
        });
        let expected: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
        assert_eq!(lines, expected);
    }
}
