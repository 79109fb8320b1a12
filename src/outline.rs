//! The heading structure of one report and its numbering findings.
