//! Reading and writing the user's answer and rule files from the GUI. Thin wrappers so the
//! GUI reports one readable error per file; the formats are the core's (serde of
//! `placeholder::Answers`, `clean::RuleSet`), the same the command line reads.

use crate::clean::RuleSet;
use crate::placeholder::Answers;
use std::path::Path;

pub fn save_answers(a: &Answers, path: &Path) -> Result<(), String> {
    let mut a = a.clone();
    if a.format.is_empty() {
        a.format = "qinggao-answers".into();
        a.version = 1;
    }
    let json = serde_json::to_string_pretty(&a).map_err(|e| e.to_string())?;
    crate::export::write_atomic(path, json.as_bytes(), true, None)
        .or_else(|_| {
            std::fs::write(path, json.as_bytes()).map_err(|e| crate::Error::io(path, "写入文件", e))
        })
        .map_err(|e| e.to_string())
}

pub fn load_answers(path: &Path) -> Result<Answers, String> {
    Answers::load(path).map_err(|e| e.to_string())
}

pub fn load_rules(path: &Path) -> Result<RuleSet, String> {
    RuleSet::load(path).map_err(|e| e.to_string())
}
