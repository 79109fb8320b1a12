//! The cleaning plan of the open text: what the clean panel previews and 应用清理 applies.
//! On a large text it is made on another thread, one job at a time, so that neither
//! opening a file nor a pause in typing waits for it; the panel says it is being updated
//! until it is there. Whatever needs the exact plan (applying it, exporting) waits for it.
//!
//! No egui here.

use crate::analysis::Analysis;
use crate::clean::{self, RuleSet};
use crate::model::{Edit, EditOrigin, Source};
use std::collections::BTreeMap;
use std::thread::JoinHandle;

/// What a plan was made of: the revision of the analysed text and the rule set's
/// fingerprint.
pub type PlanKey = (u64, u64);

/// A cleaning plan and, beside it, how many of its changes each rule makes.
#[derive(Debug, Clone, Default)]
pub struct Planned {
    pub edits: Vec<Edit>,
    pub rule_counts: BTreeMap<String, usize>,
}

/// Plans the cleaning of `text` (whose analysis is `analysis`) under `rules`; a Word
/// document's rules also see where its pieces came from (`source`).
pub fn plan(text: &str, analysis: &Analysis, rules: &RuleSet, source: &Source) -> Planned {
    let with_origins;
    let rules = if source.pieces.is_empty() {
        rules
    } else {
        with_origins = rules.clone().with_origins(source);
        &with_origins
    };
    let edits = clean::plan(text, analysis, rules);
    // Counted from the plan itself. A second planning round with every rule on, to count
    // what the rules that are off would change, cost five times the plan on a 100 MB text
    // (the traditional-script rule, off by default, converts every line), and no panel
    // showed those counts: the 清理 tab counts the plan's changes by rule.
    let mut rule_counts = BTreeMap::new();
    for e in &edits {
        if let EditOrigin::Rule(id) = &e.origin {
            *rule_counts.entry(id.clone()).or_default() += 1;
        }
    }
    Planned { edits, rule_counts }
}

/// Lowers the calling thread's scheduling priority, so that on a busy machine the editor's
/// own thread (typing, re-analysis) runs first and the plan takes what is left. On Linux a
/// thread has a nice value of its own (setpriority(2) with the thread's id).
fn yield_to_the_editor() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take no pointers; a failure leaves the priority as it is.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
}

/// The one planning job running on another thread, if any.
#[derive(Default)]
pub struct Planner {
    job: Option<(PlanKey, JoinHandle<Planned>)>,
}

impl Planner {
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Starts planning `text` on another thread; `analysis` is its analysis for cleaning
    /// ([`Analysis::for_cleaning`]): the job owns them, and the editor goes on changing its
    /// own. Call only when not busy.
    pub fn start(
        &mut self,
        key: PlanKey,
        text: String,
        analysis: Analysis,
        rules: RuleSet,
        source: Source,
    ) {
        debug_assert!(self.job.is_none(), "one planning job at a time");
        let job = std::thread::spawn(move || {
            yield_to_the_editor();
            super::timing::timed("cleaning plan job", || {
                plan(&text, &analysis, &rules, &source)
            })
        });
        self.job = Some((key, job));
    }

    /// The plan of the job, once it is done (without waiting).
    pub fn finished(&mut self) -> Option<(PlanKey, Planned)> {
        if self.job.as_ref().is_some_and(|(_, j)| j.is_finished()) {
            return self.wait();
        }
        None
    }

    /// The plan of the job, waiting for it; None when there is no job (or it panicked:
    /// the caller plans again itself, and so sees the panic).
    pub fn wait(&mut self) -> Option<(PlanKey, Planned)> {
        let (key, job) = self.job.take()?;
        job.join().ok().map(|planned| (key, planned))
    }
}
