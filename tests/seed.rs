//! Whole compilations as a user gets them: the project's own fixture
//! (`tests/fixtures/compilation.txt`, always) and the real one in ../shared/seeds (when it
//! is there; `QINGGAO_REQUIRE_SEED=1` makes its absence a failure).

mod common;
use common::*;
use qinggao::analysis;
use qinggao::clean::{self, RuleSet};
use qinggao::placeholder::Answers;

const SEED_TITLES: [&str; 9] = [
    "2023年XX区卫生健康工作总结及2024年工作计划",
    "XX街道2023年工作总结",
    "区粮食局2023年工作总结及2024年工作计划",
    "市生态环境局XX分局2023年工作总结及2024年工作计划",
    "县林业局2023年工作总结及2024年工作计划",
    "县统计局2023年工作总结和2024年工作计划",
    "镇2023年安全生产工作总结及2024年重点工作计划",
    "镇2023年法治建设工作总结和2024年工作计划",
    "镇2023年上半年工作总结和下半年工作计划",
];

const FIXTURE_TITLES: [&str; 5] = [
    "XX镇党委书记2024年度述职述廉报告",
    "在全县安全生产工作会议上的讲话",
    "XX县2025年农村人居环境整治提升实施方案",
    "2024年工作总结",
    "关于我县乡村旅游发展情况的调研报告",
];

fn load_fixture() -> qinggao::Document {
    qinggao::input::load(&fixture("compilation.txt"), None).expect("the fixture decodes")
}

#[test]
fn the_fixture_has_five_reports_of_five_genres_with_their_titles() {
    let doc = load_fixture();
    let a = analysis::analyze(&doc.text);
    assert_eq!(a.outline.report_titles(), FIXTURE_TITLES);
    let inferred: Vec<bool> = a.outline.reports.iter().map(|r| r.title_inferred).collect();
    assert_eq!(inferred, [false, false, false, true, false]);
    assert_eq!(
        a.outline.title.as_deref(),
        Some("2024年度述职报告、讲话及实施方案汇编（5篇）")
    );
    assert!(
        a.outline
            .toc
            .as_ref()
            .is_some_and(|t| t.is_empty() && t.entries.len() == 5)
    );
    for r in &a.outline.reports {
        let top: Vec<_> = r
            .outline
            .iter()
            .filter(|h| h.kind == qinggao::HeadingKind::Chinese)
            .collect();
        assert!(top.len() >= 2, "{}: 一、 headings", r.title);
        assert!(top.iter().all(|h| h.level == 1), "{}", r.title);
    }
}

#[test]
fn placeholders_are_found_on_every_line_of_the_fixture_that_has_one() {
    let doc = load_fixture();
    placeholders_on_every_line(&doc);
    let mut answers = Answers::default();
    answers.groups.insert("XX镇".into(), "白鹭".into());
    let c = clean::apply(&doc.text, &RuleSet::default(), &answers, false).0;
    assert!(!c.text.contains("XX镇"));
    assert!(c.text.contains("\n白鹭镇党委书记2024年度述职述廉报告\n"));
    assert!(c.text.contains("奋力谱写白鹭镇高质量发展新篇章"));
}

#[test]
fn cli_cleans_the_fixture_into_five_files() {
    let dir = tempfile::tempdir().unwrap();
    let o = qinggao(&[
        &"clean",
        &fixture("compilation.txt"),
        &"--split",
        &dir.path(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names = files_in(dir.path());
    assert_eq!(names.len(), 5, "{names:?}");
    for (name, title) in names.iter().zip(FIXTURE_TITLES) {
        assert!(name.contains(title), "{name} vs {title}");
    }
    let speech = std::fs::read_to_string(dir.path().join(&names[1])).unwrap();
    assert!(speech.starts_with("在全县安全生产工作会议上的讲话\n同志们："));
    assert!(
        !speech.contains("青禾") && !speech.contains("公众号"),
        "{speech}"
    );
}

fn load_seed() -> Option<qinggao::Document> {
    let p = seed()?;
    Some(qinggao::input::load(&p, None).expect("seed decodes"))
}

#[test]
fn seed_has_nine_reports_with_their_titles() {
    let Some(doc) = load_seed() else { return };
    let a = analysis::analyze(&doc.text);
    let titles = a.outline.report_titles();
    assert_eq!(titles, SEED_TITLES);
    let inferred: Vec<bool> = a.outline.reports.iter().map(|r| r.title_inferred).collect();
    assert_eq!(
        inferred,
        [false, true, false, false, false, false, false, false, false]
    );
    assert_eq!(
        a.outline.title.as_deref(),
        Some("2023年工作总结及2024年工作计划汇编（9篇）")
    );
    assert!(
        a.outline
            .toc
            .as_ref()
            .is_some_and(|t| t.is_empty() && t.entries.len() == 9)
    );
    // The numbering slips a user must be told about.
    let first = &a.outline.reports[0];
    let kinds: Vec<(qinggao::FindingKind, usize)> = first
        .findings
        .iter()
        .map(|f| (f.kind, f.line + 1))
        .collect();
    assert!(
        kinds.contains(&(qinggao::FindingKind::NumberingRepeat, 25)),
        "（四） twice: {kinds:?}"
    );
    assert!(
        kinds.contains(&(qinggao::FindingKind::NumberingGap, 26)),
        "一、 then 三、: {kinds:?}"
    );
    // Stripped unit names are flagged.
    for r in &a.outline.reports[6..] {
        assert!(
            r.findings
                .iter()
                .any(|f| f.kind == qinggao::FindingKind::TitleNameStripped),
            "{}",
            r.title
        );
    }
    // The outline's top level is 一、 in every report that has one.
    for r in &a.outline.reports {
        if let Some(h) = r
            .outline
            .iter()
            .find(|h| h.kind == qinggao::HeadingKind::Chinese)
        {
            assert_eq!(h.level, 1, "{}", r.title);
        }
    }
}

fn cleaned_seed() -> Option<(String, String)> {
    let doc = load_seed()?;
    let c = clean::apply(&doc.text, &RuleSet::default(), &Answers::default(), false).0;
    Some((doc.text, c.text))
}

#[test]
fn cleaning_the_seed_removes_junk_and_restores_masked_words() {
    let Some((_, clean)) = cleaned_seed() else {
        return;
    };
    for junk in [
        "paidbegin",
        "paidend",
        "哒哒",
        "素材库",
        "客服",
        "公众号",
        "代笔",
        "[tón]",
    ] {
        assert!(!clean.contains(junk), "{junk} left in the cleaned text");
    }
    for restored in ["党的二十大", "党员", "党委", "从严治党", "党建", "GDP"] {
        assert!(clean.contains(restored), "{restored} not restored");
    }
    for genuine in ["D栋", "EOD", "PAD"] {
        assert!(clean.contains(genuine), "{genuine} must stay as written");
    }
    assert!(!clean.contains("D员") && !clean.contains("D委") && !clean.contains("治D"));
    assert!(
        clean.contains("被州县两级采纳42篇"),
        "injected brand word removed from the sentence"
    );
    assert!(clean.contains("砼浇筑"));
}

#[test]
fn cleaning_the_seed_keeps_every_content_line() {
    let Some((original, clean)) = cleaned_seed() else {
        return;
    };
    // Undo the in-line substitutions cleaning makes, then every content line of the
    // original must still be there.
    let normalized = |s: &str| -> String {
        s.replace("党", "D")
            .replace("GDP", "DP")
            .replace("[tón]", "")
            .replace("哒哒君", "")
            .replace("##paidbegin##", "")
    };
    // The 校对 rules widen half-width marks: a mark's width is no content.
    let normalized = |s: &str| qinggao::proof::punct::fold_width(&normalized(s));
    let clean_lines: std::collections::HashSet<String> =
        clean.lines().map(|l| normalized(l.trim_end())).collect();
    let mut missing = Vec::new();
    for (i, line) in original.lines().enumerate() {
        let l = normalized(line.trim_end());
        let junk = l.trim().is_empty()
            || l.contains("哒哒")
            || l.contains("paidend")
            || l.trim_start().starts_with(|c: char| c.is_ascii_digit())
                && l.trim().len() <= 3
                && i < 20;
        if !junk && !clean_lines.contains(&l) {
            missing.push(format!(
                "{}: {}",
                i + 1,
                line.chars().take(30).collect::<String>()
            ));
        }
    }
    assert!(missing.is_empty(), "content lines lost: {missing:#?}");
    // Cleaning is idempotent.
    let a = analysis::analyze(&clean);
    let again = clean::plan_round(&clean, &a.outline, &RuleSet::default());
    assert!(again.is_empty(), "cleaning clean text changed: {again:#?}");
}

/// Every line with an X that is not part of a Latin word has a placeholder on it.
fn placeholders_on_every_line(doc: &qinggao::Document) {
    let a = analysis::analyze(&doc.text);
    let lines_with: std::collections::HashSet<usize> =
        a.placeholders.iter().map(|p| p.line()).collect();
    for (i, line) in doc.text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let has = chars.iter().enumerate().any(|(j, &c)| {
            c == 'X'
                && !chars
                    .get(j.wrapping_sub(1))
                    .is_some_and(|p| p.is_ascii_alphabetic() && *p != 'X')
                && !chars
                    .get(j + 1)
                    .is_some_and(|n| n.is_ascii_alphabetic() && *n != 'X')
        });
        if has {
            assert!(
                lines_with.contains(&i),
                "line {} has a placeholder: {}",
                i + 1,
                line.chars().take(40).collect::<String>()
            );
        }
    }
}

#[test]
fn placeholders_are_found_on_every_line_that_has_one() {
    let Some(doc) = load_seed() else { return };
    placeholders_on_every_line(&doc);
    let a = analysis::analyze(&doc.text);
    // One answer fills every XX区 of the compilation.
    let xx_qu: Vec<_> = a
        .placeholders
        .iter()
        .filter(|p| p.group(&doc.text) == "XX区")
        .collect();
    assert!(xx_qu.len() >= 3, "{}", xx_qu.len());
    let mut answers = Answers::default();
    answers.groups.insert("XX区".into(), "浔阳".into());
    let c = clean::apply(&doc.text, &RuleSet::default(), &answers, false).0;
    assert!(!c.text.contains("XX区"));
    assert!(c.text.contains("2023年浔阳区卫生健康工作总结"));
}

#[test]
fn cli_cleans_the_seed_into_nine_files() {
    let Some(p) = seed() else { return };
    let dir = tempfile::tempdir().unwrap();
    let o = qinggao(&[&"clean", &p, &"--split", &dir.path()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names = files_in(dir.path());
    assert_eq!(names.len(), 9, "{names:?}");
    for (name, title) in names.iter().zip(SEED_TITLES) {
        assert!(name.contains(title), "{name} vs {title}");
    }
}
