//! Behaviour of cleaning as a user sees it: on the seed compilation and on fixtures written
//! in the genre. The outline the splitter will provide is built here by a small stand-in.

use super::*;
use crate::edit::apply;
use crate::model::{Edit, Outline, Report, Toc};

use crate::test_seed::{COMPILATION, compilations, seed};

fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, _) in text.match_indices('\n') {
        out.push(s..i);
        s = i + 1;
    }
    if s < text.len() {
        out.push(s..text.len());
    }
    out
}

/// A stand-in for the splitter: the 目录 (a "目录" line and the numbered lines after it)
/// and the reports (the first line after two or more blank lines; a line of prose there
/// means the title is missing and its first words stand in).
fn outline_for(text: &str) -> Outline {
    let lines = line_ranges(text);
    let line = |i: usize| &text[lines[i].clone()];
    let mut outline = Outline::default();
    if let Some(h) = (0..lines.len()).find(|&i| line(i).trim() == "目录") {
        let mut entries = Vec::new();
        let mut last = h;
        for i in h + 1..lines.len() {
            let l = line(i).trim();
            if l.is_empty() {
                if last > h {
                    break;
                }
                continue;
            }
            let digits = l.trim_start_matches(|c: char| c.is_ascii_digit());
            if digits.len() == l.len() {
                break;
            }
            entries.push(digits.trim_start_matches(['.', '、', '．']).to_string());
            last = i;
        }
        outline.toc = Some(Toc {
            heading_line: h,
            lines: h..last + 1,
            range: lines[h].start..lines[last].end,
            entries,
        });
    }
    let toc_end = outline.toc.as_ref().map_or(0, |t| t.lines.end);
    let mut blanks = 0;
    for (i, r) in lines.iter().enumerate() {
        let l = crate::junk::strip_paywall(&text[r.clone()])
            .trim()
            .to_string();
        if l.is_empty() {
            blanks += 1;
            continue;
        }
        if blanks >= 2 && i > toc_end && !crate::junk::is_advert_line(&l) {
            let inferred = l.contains('，') || l.chars().count() > 40;
            let title = if inferred {
                l.chars().take(16).collect()
            } else {
                l
            };
            outline.reports.push(Report {
                title,
                title_inferred: inferred,
                title_line: (!inferred).then_some(i),
                label: None,
                lines: i..i + 1,
                range: r.clone(),
                outline: Vec::new(),
                roles: Vec::new(),
                findings: Vec::new(),
            });
        }
        blanks = 0;
    }
    outline
}

fn clean(text: &str, rules: &RuleSet) -> (String, Vec<Edit>) {
    let edits = plan_round(text, &outline_for(text), rules);
    let applied = apply(text, &edits);
    assert_eq!(applied.skipped, 0, "every planned edit applies");
    (applied.text, edits)
}

/// The invariants every plan keeps: sorted, non-overlapping, on char boundaries, `old`
/// equal to the text, made by a rule.
/// `text` cleaned as the command line cleans it: the real split, round after round.
fn clean_as_shipped(text: &str, rules: &RuleSet) -> (String, Vec<Edit>) {
    let a = crate::analysis::analyze(text);
    let edits = crate::clean::plan(text, &a, rules);
    (apply(text, &edits).text, edits)
}

fn check_edits(text: &str, edits: &[Edit]) {
    let mut end = 0;
    for e in edits {
        assert!(
            e.range.start >= end,
            "edits overlap or are unsorted at {:?}",
            e.range
        );
        assert!(
            text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end),
            "{e:?}"
        );
        assert_eq!(text[e.range.clone()], e.old);
        assert!(matches!(e.origin, EditOrigin::Rule(_)));
        assert_ne!(e.old, e.new);
        end = e.range.end;
    }
}

/// Plans again on the cleaned text (with its own outline) and expects nothing.
fn assert_idempotent(cleaned: &str, rules: &RuleSet) {
    let again = plan_round(cleaned, &outline_for(cleaned), rules);
    assert!(
        again.is_empty(),
        "cleaning the cleaned text changes it again: {again:#?}"
    );
}

#[test]
fn seed_loses_its_junk_and_keeps_its_words() {
    let Some(text) = seed() else { return };
    let (cleaned, edits) = clean(&text, &RuleSet::default());
    check_edits(&text, &edits);
    for junk in [
        "##paid",
        "$$paid",
        "哒哒",
        "素材库",
        "客服",
        "公众号",
        "svip",
        "[tón]",
        "全年DP",
    ] {
        assert!(!cleaned.contains(junk), "{junk:?} left in the cleaned seed");
    }
    assert!(!cleaned.starts_with('\n'));
    // The report without a title line keeps the wide gap that marks where it starts.
    assert!(
        cleaned
            .contains("家庭健康指导员队伍建设。\n\n\n2023年，在区委、区政府的坚强领导下，XX街道"),
        "gap before the untitled report"
    );
    assert_eq!(
        cleaned.matches("\n\n\n").count(),
        1,
        "elsewhere one blank line"
    );
    assert!(
        cleaned.lines().all(|l| l.trim_end() == l),
        "a line still ends in spaces"
    );
    // The brand word injected mid-sentence goes, the sentence stays.
    assert!(cleaned.contains("被州县两级采纳42篇、视频2期"));
    // 党 restored; letters that are letters stay.
    for masked in [
        "D员",
        "D委",
        "从严治D",
        "D的二十大",
        "D政同责",
        "D建",
        "D校",
    ] {
        assert!(!cleaned.contains(masked), "{masked} left");
    }
    for clear in [
        "党员干部",
        "XX镇党委",
        "全面从严治党",
        "党的二十大",
        "党政同责",
        "县委党校",
        "全年GDP预计增长",
        "对GDP核算",
    ] {
        assert!(cleaned.contains(clear), "{clear} missing");
    }
    for genuine in ["小区D栋", "EOD项目", "购买PAD及电脑", "底板砼浇筑"] {
        assert!(cleaned.contains(genuine), "{genuine} lost");
    }
    // The title that shared its line with the marker is whole, and the empty 目录 is filled.
    assert!(cleaned.contains("\n2023年XX区卫生健康工作总结及2024年工作计划\n"));
    assert!(cleaned.contains("目录\n\n1.2023年XX区卫生健康工作总结及2024年工作计划\n2."));
    assert!(cleaned.contains("\n9.镇2023年上半年工作总结和下半年工作计划\n"));
    // The compilation ends with the last report's last paragraph.
    assert!(
        cleaned.ends_with("全面建设勤廉XX。\n"),
        "{}",
        &cleaned[cleaned.len() - 60..]
    );
    let c = counts(&edits);
    assert_eq!(c.get(ids::ADVERT_LINES), Some(&4), "{c:?}");
    assert_eq!(c.get(ids::BRAND_WORDS), Some(&1), "{c:?}");
    assert_eq!(c.get(ids::PINYIN_GLOSS), Some(&1), "{c:?}");
    assert_eq!(c.get(ids::MASKED_GDP), Some(&3), "{c:?}");
    assert_eq!(c.get(ids::EMPTY_TOC), Some(&9), "{c:?}");
    assert_eq!(c.get(ids::PAYWALL_MARKERS), Some(&2), "{c:?}");
    assert_idempotent(&cleaned, &RuleSet::default());
}

/// The project's own compilation (five genres, another site's junk) as the user gets it.
#[test]
fn the_fixture_compilation_loses_its_junk_and_keeps_its_words() {
    let (cleaned, edits) = clean_as_shipped(COMPILATION, &RuleSet::default());
    check_edits(COMPILATION, &edits);
    for junk in [
        "$$paid",
        "青禾",
        "文库",
        "添加客服",
        "公众号",
        "[tóng]",
        "全年DP",
        "全县DP",
    ] {
        assert!(
            !cleaned.contains(junk),
            "{junk:?} left in the cleaned fixture"
        );
    }
    // The brand word injected mid-sentence goes, the sentence stays.
    assert!(cleaned.contains("认真倾听群众呼声，被群众采纳建议XX条，解决群众急难愁盼问题。"));
    for clear in [
        "履行党建工作",
        "党风廉政建设",
        "党的二十大",
        "党委理论学习中心组",
        "专题党课",
        "党员干部",
        "党政同责",
        "全面从严治党",
        "县委党校",
        "全镇全年GDP增长",
        "对全县GDP的贡献",
        "楼板砼浇筑",
    ] {
        assert!(cleaned.contains(clear), "{clear} missing");
    }
    for genuine in ["新城小区D栋、E栋", "EOD项目", "PAD教学终端"] {
        assert!(cleaned.contains(genuine), "{genuine} lost");
    }
    // The title that shared its line with the marker is whole; the empty 目录 is filled,
    // the untitled report (a 心得体会) keeps the wide gap that marks where it starts.
    assert!(cleaned.contains("\nXX镇党委书记2024年度述职述廉报告\n\n按照县委统一安排"));
    assert!(cleaned.contains(
        "目录\n\n1.XX镇党委书记2024年度述职述廉报告\n2.在全县安全生产工作会议上的讲话\n"
    ));
    assert!(cleaned.contains("2025年X月X日\n\n\n2024年，我深入学习贯彻"));
    assert!(cleaned.ends_with("县政协调研组\n2024年11月\n"), "{cleaned}");
    let c = counts(&edits);
    assert_eq!(c.get(ids::ADVERT_LINES), Some(&2), "{c:?}");
    assert_eq!(c.get(ids::BRAND_WORDS), Some(&1), "{c:?}");
    assert_eq!(c.get(ids::PINYIN_GLOSS), Some(&1), "{c:?}");
    assert_eq!(c.get(ids::MASKED_GDP), Some(&2), "{c:?}");
    assert_eq!(c.get(ids::EMPTY_TOC), Some(&5), "{c:?}");
    assert_eq!(c.get(ids::PAYWALL_MARKERS), Some(&2), "{c:?}");
    assert_idempotent(&cleaned, &RuleSet::default());
}

#[test]
fn the_fixture_toc_can_be_dropped() {
    let rules = RuleSet {
        toc: TocMode::Drop,
        ..RuleSet::default()
    };
    let (cleaned, edits) = clean_as_shipped(COMPILATION, &rules);
    check_edits(COMPILATION, &edits);
    assert!(!cleaned.contains("目录"));
    assert!(cleaned.starts_with(
        "2024年度述职报告、讲话及实施方案汇编（5篇）\n\nXX镇党委书记2024年度述职述廉报告\n\n按照"
    ));
    assert_idempotent(&cleaned, &rules);
}

#[test]
fn every_d_of_the_party_is_restored() {
    for text in compilations() {
        every_d_of_the_party_is_restored_in(&text);
    }
}

fn every_d_of_the_party_is_restored_in(text: &str) {
    let (cleaned, _) = clean(text, &RuleSet::default());
    // Every isolated D left must be a letter in its own right (D栋).
    let b = cleaned.as_bytes();
    for (i, _) in cleaned.match_indices('D') {
        let isolated = (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && !b.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric());
        if isolated {
            assert!(
                cleaned[i..].starts_with("D栋"),
                "D left at: {}",
                &cleaned[i.saturating_sub(12)..(i + 12).min(cleaned.len())]
            );
        }
    }
}

/// Undoes what cleaning rewrites inside a line, so original and cleaned lines compare.
fn canon(s: &str, brands: &[&str]) -> String {
    let mut s = crate::junk::strip_paywall(s)
        .trim_end()
        .replace("GDP", "DP")
        .replace('党', "D");
    for b in brands {
        s = s.replace(b, "");
    }
    let mut found = Vec::new();
    gloss::find(&s, &mut found);
    for r in found.into_iter().rev() {
        s.replace_range(r, "");
    }
    // The 校对 rules widen marks: a mark's width is no content.
    crate::proof::punct::fold_width(&s)
}

#[test]
fn no_content_line_is_lost() {
    for text in compilations() {
        no_content_line_is_lost_in(&text);
    }
}

fn no_content_line_is_lost_in(text: &str) {
    let (cleaned, _) = clean(text, &RuleSet::default());
    // The brand words the compilations inject (what cleaning takes out of a sentence).
    let brands = ["哒哒君", "哒哒", "青禾君"];
    let cleaned_lines: std::collections::HashSet<String> =
        cleaned.lines().map(|l| canon(l, &brands)).collect();
    let mut content = 0;
    for l in text.lines() {
        let bare = crate::junk::strip_paywall(l);
        if bare.trim().is_empty() || crate::junk::is_advert_line(l) {
            continue;
        }
        content += 1;
        let c = canon(l, &brands);
        // 目录 entries gain their titles.
        let found = cleaned_lines.contains(&c)
            || cleaned_lines
                .iter()
                .any(|k| c.ends_with('.') && k.starts_with(&c));
        assert!(found, "content line lost: {l}");
    }
    let cleaned_content = cleaned.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(
        cleaned_content, content,
        "as many content lines after cleaning as before"
    );
}

#[test]
fn seed_toc_can_be_dropped() {
    let Some(text) = seed() else { return };
    let rules = RuleSet {
        toc: TocMode::Drop,
        ..RuleSet::default()
    };
    let (cleaned, edits) = clean(&text, &rules);
    check_edits(&text, &edits);
    assert!(!cleaned.contains("目录"));
    assert!(cleaned.starts_with("2023年工作总结及2024年工作计划汇编（9篇）\n\n2023年XX区卫生健康工作总结及2024年工作计划\n\n2023年，"));
    assert_idempotent(&cleaned, &rules);
}

#[test]
fn a_toc_with_titles_is_left_alone() {
    let text = "汇编\n\n目录\n1.甲镇工作总结\n2.乙局工作总结\n\n\n甲镇工作总结\n正文一。\n\n\n乙局工作总结\n正文二。\n";
    let (cleaned, _) = clean(text, &RuleSet::default());
    assert!(cleaned.contains("目录\n1.甲镇工作总结\n2.乙局工作总结\n"));
    let dropped = clean(
        text,
        &RuleSet {
            toc: TocMode::Drop,
            ..RuleSet::default()
        },
    )
    .0;
    assert!(
        dropped.contains("目录"),
        "a 目录 with titles is not empty and is kept"
    );
}

#[test]
fn a_short_toc_gets_lines_for_the_extra_reports() {
    let text = "汇编\n\n目录\n1.\n2.\n\n\n甲镇D委工作总结\n正文一。\n\n\n乙局工作总结\n正文二。\n\n\n丙县砼[tón]工程报告\n正文三。\n";
    let (cleaned, _) = clean(text, &RuleSet::default());
    assert!(
        cleaned.contains(
            "目录\n1.甲镇党委工作总结\n2.乙局工作总结\n3.丙县砼工程报告\n\n甲镇党委工作总结"
        ),
        "{cleaned}"
    );
    assert_idempotent(&cleaned, &RuleSet::default());
}

/// A compilation from another site, written for these tests: other markers, watermarks,
/// a source line, traditional characters with glosses, spaces, masked words, letters.
const OTHER_SITE: &str = "\n\n\u{3000}\n$$paidbegin$$2023年度工作总结汇编  \n\n\n\nXX县农业农村局2023年工作总结\n\
2023年，全局D员干部深入开展“百千万工程”，改造户厕（cè）1200座，年度總結(jié)按时报送。\u{3000}\n\
笔杆子文库一、主要成效\n\
（一）建成A/B/C/D四类示范点，其中D类12个；新建D栋厂房，实施EOD项目，采购PAD 30台、3D打印机2台。\n\
（二）指导群众下载国家反诈中心APP2.3万次，开通政务服务公众号，发布信息120条。\n\
设立群众来信来访接待室，来源于群众的意见建议全部办结。\n\
会员单位达到56家。\n\
聘请法律顾问，提供仅供参考的意见。\n\
（三）坚持全面从严治D，抓好基层D组织建设，细颗粒物(PM2.5)浓度下降，《实施办法（试行）》印发。\n\
\n\
公众@号：笔杆子文库\n\
来源:网友投稿\n\
更新时间:2023-11-03 10:21\n\
\n\
XX县农业农村局\n\
2023年12月1日\n\
\n\
\n\
【笔杆子文库】更多精品范文请关注公众号\n\
有意者请联系\n\
本文档由笔杆子文库用户上传，下载后可编辑。访问 www.bgz-wenku.cn\n\
$$paidend$$";

const OTHER_SITE_CLEAN: &str = "2023年度工作总结汇编\n\nXX县农业农村局2023年工作总结\n\
2023年，全局党员干部深入开展“百千万工程”，改造户厕1200座，年度總結按时报送。\n\
一、主要成效\n\
（一）建成A/B/C/D四类示范点，其中D类12个；新建D栋厂房，实施EOD项目，采购PAD 30台、3D打印机2台。\n\
（二）指导群众下载国家反诈中心APP2.3万次，开通政务服务公众号，发布信息120条。\n\
设立群众来信来访接待室，来源于群众的意见建议全部办结。\n\
会员单位达到56家。\n\
聘请法律顾问，提供仅供参考的意见。\n\
（三）坚持全面从严治党，抓好基层党组织建设，细颗粒物(PM2.5)浓度下降，《实施办法（试行）》印发。\n\
\n\
XX县农业农村局\n\
2023年12月1日";

#[test]
fn another_sites_compilation_comes_out_clean() {
    let (cleaned, edits) = clean(OTHER_SITE, &RuleSet::default());
    check_edits(OTHER_SITE, &edits);
    assert_eq!(cleaned, OTHER_SITE_CLEAN);
    assert_idempotent(&cleaned, &RuleSet::default());
    let c = counts(&edits);
    assert_eq!(
        c.get(ids::ADVERT_BLOCKS),
        Some(&1),
        "有意者请联系 goes with the adverts around it: {c:?}"
    );
    assert!(c.contains_key(ids::LEADING_BLANK_LINES));
}

#[test]
fn switched_off_rules_leave_their_junk() {
    let mut rules = RuleSet::default();
    for id in [
        ids::MASKED_PARTY,
        ids::MASKED_GDP,
        ids::PINYIN_GLOSS,
        ids::ADVERT_LINES,
    ] {
        assert!(rules.set_enabled(id, false));
    }
    let (cleaned, edits) = clean(OTHER_SITE, &rules);
    check_edits(OTHER_SITE, &edits);
    assert!(
        cleaned.contains("全局D员干部")
            && cleaned.contains("户厕（cè）")
            && cleaned.contains("公众@号")
    );
    // Brands are still known from the adverts, so the injected one still goes.
    assert!(cleaned.contains("\n一、主要成效"));
    assert!(!cleaned.contains("$$paid"));
    assert_idempotent(&cleaned, &rules);
}

#[test]
fn user_rules_delete_drop_and_replace() {
    let rules = RuleSet::parse(
        r#"
version = 1
[rules]
trailing_spaces = false

[[delete_phrases]]
id = "site"
category = "brand_word"
phrases = ["（内部资料）"]

[[drop_lines]]
id = "page_numbers"
category = "advert"
pattern = "第\\s*\\d+\\s*页"

[[replace]]
id = "zf"
category = "masked_word"
pattern = "Z府"
with = "政府"
"#,
        RuleFormat::Toml,
    )
    .unwrap();
    let text = "XX镇Z府工作报告（内部资料）\n第 3 页\n正文提到第3页的表格。  \n";
    let (cleaned, edits) = clean(text, &rules);
    check_edits(text, &edits);
    assert_eq!(cleaned, "XX镇政府工作报告\n正文提到第3页的表格。  \n");
    let c = counts(&edits);
    assert_eq!((c["site"], c["page_numbers"], c["zf"]), (1, 1, 1));
    assert_idempotent(&cleaned, &rules);
}

#[test]
fn blank_lines_and_spaces() {
    let rules = RuleSet::default();
    let (cleaned, _) = clean("\n \n甲  \n\n\n\u{3000}\n乙\u{3000}\n\n", &rules);
    assert_eq!(cleaned, "甲\n\n乙\n");
    // A marker-only line disappears with its newline; its neighbours' blank lines merge.
    let (cleaned, _) = clean("甲\n\n##paidend##\n\n乙", &rules);
    assert_eq!(cleaned, "甲\n\n乙");
    // A marker ending a line takes no words and leaves no space behind.
    let (cleaned, _) = clean("甲 ##paidend##\n乙", &rules);
    assert_eq!(cleaned, "甲\n乙");
    let (cleaned, _) = clean("甲\n##paidend##", &rules);
    assert_eq!(cleaned, "甲");
    assert_eq!(clean("##paidbegin##", &rules).0, "");
    assert_eq!(clean("\n\n\n", &rules).0, "");
    let mut keep_blanks = RuleSet::default();
    keep_blanks.set_enabled(ids::BLANK_RUNS, false);
    assert_eq!(clean("甲\n\n\n乙\n", &keep_blanks).0, "甲\n\n\n乙\n");
}

/// Files joined into one compilation leave each one's byte order mark (U+FEFF) at the start
/// of its first line: invisible, but in the report's title, its file name, its heading. The
/// split and the outline look past it; cleaning takes it out, and only at line starts.
#[test]
fn byte_order_marks_where_files_were_joined_come_out() {
    let text = "关于甲镇2023年工作的报告\n一、主要工作\n全年完成任务。\n\n\n\u{feff}关于乙镇2023年工作的报告\n\u{feff}一、主要工作\n\u{feff}\n\n正文\u{feff}照旧。\n##paidbegin##\u{feff}付费部分。\n";
    let analysis = crate::analysis::analyze(text);
    let titles = analysis.outline.report_titles();
    assert_eq!(
        titles,
        ["关于甲镇2023年工作的报告", "关于乙镇2023年工作的报告"]
    );
    let second = &analysis.outline.reports[1];
    assert_eq!(second.outline.len(), 1, "一、 after a mark is a heading");
    assert_eq!(second.outline[0].marker(text), "一、");
    let rules = RuleSet::default();
    let edits = crate::clean::plan(text, &analysis, &rules);
    check_edits(text, &edits);
    let cleaned = apply(text, &edits).text;
    assert_eq!(
        cleaned,
        "关于甲镇2023年工作的报告\n一、主要工作\n全年完成任务。\n\n关于乙镇2023年工作的报告\n一、主要工作\n\n正文\u{feff}照旧。\n付费部分。\n"
    );
    // The summary names the rule (an edit right next to another one is merged into it, and
    // counted under the first).
    assert!(
        edits
            .iter()
            .any(|e| e.origin == EditOrigin::Rule(ids::STRAY_BOM.into()))
    );
    assert_idempotent(&cleaned, &rules);
    let mut keep = RuleSet::default();
    keep.set_enabled(ids::STRAY_BOM, false);
    let kept = apply(text, &crate::clean::plan(text, &analysis, &keep)).text;
    assert_eq!(
        kept.matches('\u{feff}').count(),
        5,
        "switched off, every mark stays"
    );
}

/// Site furniture that is neither a report nor the author's: a word-count note under the
/// compilation title, and a reading list of other articles' titles after the last report.
/// Neither becomes a report, and cleaning takes both away; a report that follows a reading
/// list directly keeps its title.
#[test]
fn word_count_notes_and_reading_lists_are_junk_not_reports() {
    let rules = RuleSet::default();
    let text = "2023年度乡镇街道工作总结汇编（精选2篇）\n（本文共计3256字，word版可编辑）\n\n\
                XX街道2023年工作总结\n2023年，我街道扎实推进各项工作。\n一、主要工作\n完成投资XX万元。\n\n\
                XX镇2023年安全生产自查报告\n我镇对照细则认真开展自查。\n一、主要工作\n检查企业XX家。\n\
                【推荐阅读】\nXX镇2023年工作总结及2024年工作计划\nXX村2023年工作总结\n";
    let titles = |text: &str| -> Vec<String> {
        let a = crate::analysis::analyze(text);
        a.outline.reports.iter().map(|r| r.title.clone()).collect()
    };
    assert_eq!(
        titles(text),
        ["XX街道2023年工作总结", "XX镇2023年安全生产自查报告"]
    );
    let (cleaned, _) = clean_as_shipped(text, &rules);
    for junk in ["本文共计", "推荐阅读", "工作计划", "XX村"] {
        assert!(!cleaned.contains(junk), "{junk} left in:\n{cleaned}");
    }
    assert!(
        cleaned.ends_with("一、主要工作\n检查企业XX家。\n"),
        "{cleaned}"
    );
    assert_idempotent(&cleaned, &rules);

    let text = "XX镇2023年安全生产自查报告\n我镇对照细则认真开展自查。\n【推荐阅读】\n\
                XX镇2023年工作总结\nXX村2023年工作总结\n2023年，我村扎实推进各项工作。\n";
    assert_eq!(
        titles(text),
        ["XX镇2023年安全生产自查报告", "XX村2023年工作总结"]
    );
    let (cleaned, _) = clean_as_shipped(text, &rules);
    assert_eq!(
        cleaned,
        "XX镇2023年安全生产自查报告\n我镇对照细则认真开展自查。\n\
         XX村2023年工作总结\n2023年，我村扎实推进各项工作。\n"
    );
}

/// Page numbers a printed document left between paragraphs and between reports go, and a
/// separator line, with the blank lines around them; the reports are found as if they had
/// never been there.
#[test]
fn page_numbers_on_their_own_lines_go() {
    let rules = RuleSet::default();
    let text = "XX街道2023年工作总结\n2023年，我街道扎实推进各项工作。\n\n— 1 —\n\n\
                一、主要工作\n完成投资XX万元。\n第2页 共3页\n————————————\n\n\n\
                XX镇2023年安全生产自查报告\n我镇对照细则认真开展自查。\n- 3 -\n";
    let a = crate::analysis::analyze(text);
    let titles = a.outline.report_titles();
    assert_eq!(
        titles,
        ["XX街道2023年工作总结", "XX镇2023年安全生产自查报告"]
    );
    let (cleaned, edits) = clean_as_shipped(text, &rules);
    assert_eq!(
        cleaned,
        "XX街道2023年工作总结\n2023年，我街道扎实推进各项工作。\n\n一、主要工作\n完成投资XX万元。\n\n\
         XX镇2023年安全生产自查报告\n我镇对照细则认真开展自查。\n"
    );
    assert_eq!(
        (
            counts(&edits).get(ids::PAGE_NUMBERS),
            counts(&edits).get(ids::SEPARATOR_LINES)
        ),
        (Some(&3), Some(&1)),
        "{:?}",
        counts(&edits)
    );
    assert_idempotent(&cleaned, &rules);
    // Switched off, they stay.
    let mut off = RuleSet::default();
    off.set_enabled(ids::PAGE_NUMBERS, false);
    let (kept, _) = clean_as_shipped(text, &off);
    assert!(
        kept.contains("— 1 —") && kept.contains("第2页 共3页"),
        "{kept}"
    );
}

#[test]
fn content_lines_between_adverts_survive() {
    let text = "【哒哒素材库】每天更新材料，会员群同步更新\n会员单位达到56家。\n【哒哒代笔】持续接单中，请联系客服：cwk\n";
    let (cleaned, _) = clean(text, &RuleSet::default());
    assert_eq!(cleaned, "会员单位达到56家。\n");
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "D",
        "DP",
        "(",
        "（",
        "[",
        "【",
        "】",
        "##paid",
        "$$paidend$",
        "\n",
        "\r\n",
        "砼[",
        "砼(tón",
        "目录",
        "a\u{3000}",
        "€D€",
    ] {
        let edits = plan_round(text, &outline_for(text), &RuleSet::default());
        check_edits(text, &edits);
    }
    // A 目录 pointing past the end of the text.
    let outline = Outline {
        toc: Some(Toc {
            heading_line: 0,
            lines: 0..99,
            range: 0..2,
            entries: vec![String::new(); 98],
        }),
        ..Outline::default()
    };
    for mode in [TocMode::Fill, TocMode::Drop] {
        let edits = plan_round(
            "目录\n1.",
            &outline,
            &RuleSet {
                toc: mode,
                ..RuleSet::default()
            },
        );
        check_edits("目录\n1.", &edits);
    }
}

#[test]
fn by_category_lists_every_rule_once() {
    let set = RuleSet::default();
    let listed: usize = set.by_category().iter().map(|(_, rs)| rs.len()).sum();
    assert_eq!(listed, set.rules.len());
}

/// The planner takes the site lines the split already classified from its line classes:
/// the same plan as classifying every line again, with each rule on or off (a site line
/// with paywall markers, or inside an advert the rules keep, is classified again).
#[test]
fn the_splits_site_classes_plan_as_classifying_again() {
    let extra = "XX县2023年工作总结\n\n来源：网络  作者：佚名  阅读：3521次\n\
                 上##paidbegin##一篇：2023年党支部工作总结\n\
                 相关文章\n2024年工作计划\n\n剩余3250字未读，开通会员查看全文\n\
                 【哒哒素材库】更多范文请关注公众号 作者：admin 来源：本站\n\
                 本文系作者授权本站发表，未经许可，不得转载。\n一、主要工作\n今年以来成效明显。\n";
    let mut texts = compilations();
    texts.push(extra.to_string());
    for text in &texts {
        let analysis = crate::analysis::analyze(text);
        let before = analysis.before(text).expect("an analysis of this text");
        for off in [None, Some(ids::ADVERT_LINES), Some(ids::SITE_METADATA)] {
            let mut rules = RuleSet::default();
            if let Some(id) = off {
                rules.set_enabled(id, false);
            }
            let hints = plan::Hints {
                index: Some(before.index),
                candidates: Some(before.candidates),
                classes: Some(before.classes),
                ..Default::default()
            };
            let with_classes = plan::plan_with(text, &analysis.outline, &rules, &hints).edits;
            let alone = plan_round(text, &analysis.outline, &rules);
            assert_eq!(with_classes, alone, "rule off: {off:?}");
            assert!(!alone.is_empty());
        }
    }
}

/// A site names itself once, in its own notices, and slips the same name into the author's
/// sentences: the name goes from the sentences too, with the brackets it stands in there. A
/// notice's field label (下一篇：) that the
/// author's words happen to hold stays in them.
#[test]
fn a_brand_named_only_by_the_sites_notices_goes_from_the_sentences() {
    let text = "关于青禾镇人居环境整治工作的报告\n\
发布日期：2023-05-06　来源：青柳范文苑　浏览：1,205次\n\
今年以来，我镇坚持规划引领，完成村庄青柳范文苑道路硬化12公里。\n\
新建垃圾分类收集点30个，群众满意度明显【青柳范文苑】提升。\n\
我们要接续奋斗，写好人居环境整治的下一篇章。\n\
全镇上下要同心协力，共同书写乡村建设的下一篇章。\n\
（余下内容需登录青柳范文苑后查看）\n\
下一篇：关于青禾镇垃圾分类的调研报告\n";
    let (cleaned, _) = clean_as_shipped(text, &RuleSet::default());
    assert!(!cleaned.contains("青柳范文苑"), "{cleaned}");
    for line in [
        "今年以来，我镇坚持规划引领，完成村庄道路硬化12公里。",
        "新建垃圾分类收集点30个，群众满意度明显提升。",
        "我们要接续奋斗，写好人居环境整治的下一篇章。",
        "全镇上下要同心协力，共同书写乡村建设的下一篇章。",
    ] {
        assert!(cleaned.lines().any(|l| l == line), "{line} lost: {cleaned}");
    }
}

/// A forum's or a site's tag in brackets (【分享】, 【推荐】) opening an advert line is a common
/// word, not the site's name: the advert goes, and the word stays in the author's sentences.
#[test]
fn a_tag_in_brackets_is_no_brand_and_the_authors_word_stays() {
    let authors = "始终把政治建设摆在首位，组织召开经验分享会3次。";
    let text = format!(
        "【分享】2023年度述职述廉报告合集（附下载）\n第1篇\n县财政局局长2023年度述职述廉报告\n\
根据县委统一安排，现将本人2023年度履职尽责和廉洁自律情况报告如下。\n\
一、坚持政治引领，提升履职能力\n{authors}\n二、严守纪律规矩，筑牢廉洁防线\n\
严格落实中央八项规定精神，自觉接受监督。\n第2篇\n县住建局副局长2023年度述职报告\n\
一、思想政治方面\n认真学习贯彻党的二十大精神，坚定理想信念。\n"
    );
    let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
    assert!(!cleaned.contains("附下载"), "{cleaned}");
    assert!(cleaned.lines().any(|l| l == authors), "{cleaned}");
}

/// Cleans the author's lines followed (after `between`) by the site's, as shipped: every
/// author's line stays as it was, no site line is left.
fn assert_site_lines_go(authors: &[&str], between: &str, site: &[&str]) {
    let text = format!("{}\n{between}{}\n", authors.join("\n"), site.join("\n"));
    let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
    for line in authors {
        assert!(
            cleaned.lines().any(|l| l == *line),
            "{line} lost: {cleaned}"
        );
    }
    for line in site {
        assert!(!cleaned.contains(line), "{line} left: {cleaned}");
    }
}

/// A list of other articles the site appends goes by its shape (bulleted titles in a row),
/// with the short header above it, whatever words the header uses; a report's own bulleted
/// points and a single bulleted title stay.
#[test]
fn a_list_of_other_articles_goes_by_its_shape() {
    let own = [
        "★ 在全县安全生产工作会议上的讲话",
        "同志们：",
        "今天召开会议，主要任务是部署安全生产工作。",
        "◆ 压实企业主体责任，推动隐患排查整治",
        "◆ 加强应急值守，确保信息畅通",
        "下一步，我们要抓好各项工作的落实。",
    ];
    let list = [
        "你可能还想看：",
        "→ 2023年安全生产月活动方案",
        "→ 关于村级集体经济发展的调研报告（2篇）",
        "→ 机关作风建设自查报告范文",
    ];
    assert_site_lines_go(&own, "", &list);
}

/// What a site glues in brackets to the end of an author's line goes, and the line stays:
/// the speaker under a speech's title, a sentence, the name after a dash. The author's own
/// brackets at a line's end stay.
#[test]
fn junk_glued_to_the_end_of_a_line_goes_and_the_line_stays() {
    let text = "在民生保障工作现场观摩会上的讲话\n纪工委书记 黄XX【VIP可见】\n（2023年3月16日）\n同志们：\n\
力争全镇GDP增长6%左右，固定资产投资增长8%以上。[阅读全文请下载APP]\n\
——王XX（收藏）\n我们制定了《村级事务管理办法（试行）》\n全年举办培训班12期（含线上）\n";
    let (cleaned, _) = clean_as_shipped(text, &RuleSet::default());
    for line in [
        "纪工委书记 黄XX",
        "力争全镇GDP增长6%左右，固定资产投资增长8%以上。",
        "——王XX",
        "我们制定了《村级事务管理办法（试行）》",
        "全年举办培训班12期（含线上）",
        "（2023年3月16日）",
    ] {
        assert!(cleaned.lines().any(|l| l == line), "{line}: {cleaned}");
    }
}

/// Readers' comments under the page's comment count go, and so does the unsigned notice that
/// closes the page after them; the author's last paragraph and a remark of the author's with a
/// colon in the report stay.
#[test]
fn readers_comments_and_the_closing_notice_after_them_go() {
    let authors = [
        "关于青禾镇作风建设工作的报告",
        "今年以来，我镇扎实推进作风建设。",
        "群众反映：办事更方便了",
        "下一步，我们将持续巩固作风建设成果。",
    ];
    let site = [
        "全部评论 8 条",
        "游客24818：参考价值很大",
        "小李：收藏了，谢谢分享！",
        "→ 登录后参与评论",
        "未经授权禁止转载、摘编，违者必究",
    ];
    assert_site_lines_go(&authors, "", &site);
}

/// Who made a 公众号 post, a role a line under it ("编辑 | 小文", "审核 | 老李"), goes; a
/// single "作者：" line with nothing of the site's beside it stays, and so does the author's
/// sentence naming an editor.
#[test]
fn a_posts_credit_lines_go() {
    let authors = [
        "关于青禾镇作风建设工作的报告",
        "作者：张三",
        "今年以来，我镇扎实推进作风建设。",
        "编辑部同志：本期简报由党政办编辑。",
        "下一步，我们将持续巩固作风建设成果。",
    ];
    let site = ["编辑 | 小文", "审核 | 老李"];
    assert_site_lines_go(&authors, "\n", &site);
}

/// A copyright notice that names no subject goes when it stands apart closing the text; the
/// author's sentence about copyright work, which says as much, stays where reports have it.
#[test]
fn an_unsigned_copyright_notice_closing_the_text_goes_and_the_authors_sentence_stays() {
    let authors = "严厉打击侵权盗版行为，版权执法检查覆盖率达到百分之百。";
    let notice = "云栖范文阁出品——未经授权，不得转载或摘编，违者追究责任。";
    let text = format!(
        "关于青禾镇文化市场管理工作的报告\n今年以来，我镇扎实推进文化市场管理。\n{authors}\n\n青禾镇人民政府\n2024年12月1日\n\n{notice}\n"
    );
    let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
    assert!(!cleaned.contains(notice), "{cleaned}");
    assert!(cleaned.lines().any(|l| l == authors), "{cleaned}");
    // The same sentence closing the text but not standing apart is the author's.
    let text = format!(
        "关于青禾镇文化市场管理工作的报告\n今年以来，我镇扎实推进文化市场管理。\n{authors}\n"
    );
    let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
    assert!(cleaned.lines().any(|l| l == authors), "{cleaned}");
}

/// A notice that quotes a phrase the author uses ("关注“数字乡村”公众号") does not make that
/// phrase a brand to delete from the author's sentences: not when a report is titled with
/// it, and not when the author's clauses use it throughout (in six lines or more).
#[test]
fn a_phrase_a_notice_quotes_stays_in_the_authors_sentences() {
    let adverts = "更多范文请关注“数字乡村”公众号，回复关键词免费领取。\n";
    let body = "今年以来，我镇坚持把数字乡村作为重点工作，全面推进数字乡村各项任务。\n\
                一、主要做法\n\
                （一）加强组织领导。成立数字乡村工作专班，定期研究数字乡村重点工作。\n\
                （二）夯实基础设施。围绕数字乡村目标，建成5G基站12座。\n\
                全年组织数字乡村培训3期，培训村干部120人次。\n\
                二、下步打算\n\
                继续推进数字乡村，推动数字乡村同产业发展有效衔接。\n\
                全镇上下紧扣数字乡村战略，数字乡村示范村建设有序推进。\n";
    for title in ["XX镇2024年数字乡村工作总结", "XX镇2024年农业农村工作总结"] {
        let text = format!(
            "{title}\n\n{body}{adverts}\nXX县2024年农业工作汇报\n\n全县农业生产保持稳定。\n{adverts}"
        );
        let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
        assert!(!cleaned.contains("公众号"), "the adverts go: {cleaned}");
        for line in body.lines() {
            assert!(
                cleaned.contains(line),
                "kept byte for byte: {line}\n{cleaned}"
            );
        }
        assert!(cleaned.contains(title));
    }
}

/// A site that slips its brand into many of the author's sentences, and names it in two of
/// its adverts (【XX】专注…, 搜索“XX”): the brand goes from every sentence, however often
/// it was injected. Before, six sentences made it the author's own vocabulary.
#[test]
fn a_brand_two_adverts_name_goes_from_however_many_sentences() {
    assert_injected_brand_goes(
        "云笺阁",
        ("扎实", "扎云笺阁实"),
        "【云笺阁】专注机关公文写作十二年，关注我们每天学一篇好材料\n想要更多同类范文？微信搜索“云笺阁”，回复“汇编”获取",
    );
}

/// Seven sentences of the author's with `brand` injected into each (`inject`: a piece of the
/// sentence and the piece with the brand in it), and the site's `lines` after them: cleaned,
/// the brand is gone and every sentence is back byte for byte.
fn assert_injected_brand_goes(brand: &str, inject: (&str, &str), lines: &str) {
    let sentences: Vec<String> = (1..=7)
        .map(|i| format!("第{i}项工作扎实推进，全年完成投资{i}亿元，群众满意度明显提升。"))
        .collect();
    let injected: Vec<String> = sentences
        .iter()
        .map(|s| s.replacen(inject.0, inject.1, 1))
        .collect();
    let text = format!("青禾镇2023年工作总结\n{}\n{lines}\n", injected.join("\n"));
    let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
    assert!(!cleaned.contains(brand), "{cleaned}");
    for line in &sentences {
        assert!(cleaned.lines().any(|l| l == line), "{line} lost: {cleaned}");
    }
}

/// Notices in words the lexicon lacked: a file's size and rating, a list of the site's
/// articles under "相关文章推荐", paywall lines that hide or fold the text for paying users.
/// The author's "由此可见" and "折叠屏" stay.
#[test]
fn size_rating_folded_and_paying_users_notices_go() {
    let junk = [
        "文档大小：80KB  上传者：jy**6  评分：4.9分",
        "此段内容仅对付费用户可见",
        "【余下52%内容已折叠，开通超级会员无限下载】",
        "相关文章推荐",
    ];
    let authors = [
        "由此可见，基层治理必须依靠群众。",
        "引进折叠屏生产线2条，新增产值3亿元。",
    ];
    let text = format!(
        "青禾镇2023年工作总结\n{}\n{}\n{}\n{}\n{}\n\n{}\n",
        junk[0], authors[0], junk[1], authors[1], junk[2], junk[3]
    );
    let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
    for j in junk {
        assert!(!cleaned.contains(j), "{j} left: {cleaned}");
    }
    for line in authors {
        assert!(cleaned.lines().any(|l| l == line), "{line} lost: {cleaned}");
    }
}

/// A site that names itself only on its slogan line ("XX·让公文写作更简单") and slips the name
/// into the author's sentences: the slogan goes, and the name goes from every sentence.
#[test]
fn a_brand_a_slogan_line_names_goes_from_the_sentences() {
    assert_injected_brand_goes(
        "文秘猫",
        ("，全年", "，文秘猫全年"),
        "文秘猫·让公文写作更简单",
    );
}

/// A site that names its brand only on its decorated signature ("—— XX出品 · … ——") and slips
/// it into many of the author's sentences: the signature goes, and the brand goes from every
/// sentence. A unit signing its own work ("—— 县融媒体中心出品 ——") keeps its line and name.
#[test]
fn a_brand_a_decorated_signature_names_goes_from_the_sentences() {
    assert_injected_brand_goes(
        "墨耕斋",
        ("，全年", "，墨耕斋全年"),
        "—— 墨耕斋出品 · 用心做好每一篇材料 ——",
    );
    let own = "—— 县融媒体中心出品 ——";
    let text = format!(
        "青禾镇2023年融媒体工作总结\n{own}\n{}\n",
        (1..=3)
            .map(|i| format!("县融媒体中心第{i}季度发稿{i}百篇。"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let (cleaned, _) = clean_as_shipped(&text, &RuleSet::default());
    assert_eq!(cleaned.matches("县融媒体中心").count(), 4, "{cleaned}");
}
