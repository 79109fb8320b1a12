//! With `QINGGAO_TIMINGS=1`, how long the editor's steps take, on stderr: opening a file
//! (reading, analysing, planning the cleaning), each step of a frame that takes a while, and
//! the moment the first frame lists a file's reports, as a time since the epoch, so that
//! scripts/time_open.sh can time a start from the process's launch to that frame.

use std::sync::LazyLock;
use std::time::Instant;

static ON: LazyLock<bool> = LazyLock::new(|| std::env::var_os("QINGGAO_TIMINGS").is_some());

/// Steps shorter than this are not logged (a frame has many).
const LOG_FROM_MS: f64 = 2.0;

/// Runs `f`, logging how long it took when timings are on and it took a while.
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    if !*ON {
        return f();
    }
    let start = Instant::now();
    let out = f();
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    if ms >= LOG_FROM_MS {
        eprintln!("qinggao timing: {what}: {ms:.1} ms");
    }
    out
}

/// Logs that `what` happened now, as milliseconds since the epoch, when timings are on.
pub fn mark(what: &str) {
    if !*ON {
        return;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    eprintln!("qinggao timing: {what} at {now} ms since the epoch");
}

/// Whether timings are on.
pub fn on() -> bool {
    *ON
}
