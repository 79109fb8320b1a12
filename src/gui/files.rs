//! Reading and writing the user's answer and rule files from the GUI. Thin wrappers so the
//! GUI reports one readable error per file; the formats are the core's (serde of
//! `placeholder::Answers`, `clean::RuleSet`), the same the command line reads.

use crate::clean::RuleSet;
use crate::placeholder::Answers;
use std::path::Path;

pub fn save_answers(a: &Answers, path: &Path) -> Result<(), String> {
    a.save(path).map_err(|e| e.to_string())
}

pub fn load_answers(path: &Path) -> Result<Answers, String> {
    Answers::load(path).map_err(|e| e.to_string())
}

pub fn load_rules(path: &Path) -> Result<RuleSet, String> {
    RuleSet::load(path).map_err(|e| e.to_string())
}
