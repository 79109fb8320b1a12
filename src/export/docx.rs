//! Word (.docx) export in the 公文 format (stub until the docx module lands).

use crate::analysis::Analysis;

#[derive(Debug, Clone, Default)]
pub struct Preset;

impl Preset {
    pub fn load(path: &std::path::Path) -> Result<Preset, crate::Error> {
        let _ = path;
        Ok(Preset)
    }
}

pub struct DocxInput;

pub fn input_from_text(text: &str, analysis: &Analysis, reports: &[usize], with_compilation_title: bool) -> DocxInput {
    let _ = (text, analysis, reports, with_compilation_title);
    DocxInput
}

pub fn build(input: &DocxInput, preset: &Preset) -> Result<Vec<u8>, crate::Error> {
    let _ = (input, preset);
    Err(crate::Error::Invalid { what: "docx export is not built yet".into() })
}
