//! 清稿 (qinggao): the pure core that turns a downloaded compilation of Chinese work
//! reports into clean documents, plus the desktop editor (feature `gui`).
//!
//! The core modules never import egui, eframe or rfd; the GUI and the command line are
//! two thin shells over them.

pub mod analysis;
pub mod batch;
pub mod clean;
pub mod cli;
pub mod edit;
pub mod error;
pub mod export;
pub mod figures;
pub mod fixes;
pub mod fs;
pub mod input;
pub mod label;
pub mod lexicon;
pub mod model;
pub mod outline;
pub mod par;
pub mod placeholder;
pub mod proof;
pub mod session;
pub mod site;
pub mod split;
#[cfg(test)]
mod test_seed;

#[cfg(feature = "gui")]
pub mod gui;

/// Advert knowledge lives under cleaning ([`clean::junk`]); the old path stays valid.
pub use clean::junk;
pub use error::Error;
pub use model::*;
