//! One-click fixes for findings whose fix is obvious, computed as edits (data) for the
//! shells to offer and apply as one undoable step: a title whose unit name was stripped
//! ("镇2024年工作总结") gets the name the user answered for that unit, and a list whose
//! numbering skips ("（六）" then "（八）") is renumbered from the gap on.
//!
//! Works on a text and its analysis (fresh: the ranges are the text's); no egui.

use crate::model::{Edit, EditOrigin, Finding, FindingKind, Heading, HeadingKind, Report};

/// A fix: what its button says, and the edits it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// "在标题前补上“白鹭”", "把“（八）”起的编号改为“（七）”起".
    pub label: String,
    pub edits: Vec<Edit>,
}

/// The fix of a 标题缺单位名 finding of `report`, given `names`: (suffix, name) pairs of
/// the report's answered name groups ("镇", "白鹭" for XX镇 = 白鹭). The title starts with
/// the bare unit ("镇2024年…"); the name of the group with that suffix goes before it.
pub fn title_name(
    text: &str,
    report: &Report,
    finding: &Finding,
    names: &[(&str, &str)],
) -> Option<Fix> {
    if finding.kind != FindingKind::TitleNameStripped {
        return None;
    }
    let line = text.get(finding.range.clone())?;
    // Where the title starts in its line (a paywall marker may stand before it).
    let at = line.find(report.title.as_str()).or_else(|| {
        let trimmed = line.trim_start();
        Some(line.len() - trimmed.len())
    })?;
    let title = &line[at..];
    let (suffix, name) = names
        .iter()
        .filter(|(s, n)| !s.is_empty() && !n.is_empty() && title.starts_with(s))
        .max_by_key(|(s, _)| s.len())?;
    // The name already there ("白鹭镇…") needs nothing.
    if line[..at].ends_with(name) || name.ends_with(suffix) && title.starts_with(name) {
        return None;
    }
    let pos = finding.range.start + at;
    Some(Fix {
        label: format!("在标题前补上“{name}”，成为“{name}{suffix}…”"),
        edits: vec![Edit {
            range: pos..pos,
            old: String::new(),
            new: name.to_string(),
            origin: EditOrigin::User,
        }],
    })
}

/// The fix of a 编号缺号 finding of `report`: the item where the numbering skips and the
/// items after it in the same list (same kind and level, until the list's parent ends)
/// are numbered on from the item before the gap.
pub fn renumber(text: &str, report: &Report, finding: &Finding) -> Option<Fix> {
    if finding.kind != FindingKind::NumberingGap {
        return None;
    }
    let outline = &report.outline;
    let i = outline
        .iter()
        .position(|h| h.marker_range.start == finding.range.start)?;
    let first = &outline[i];
    // The number the item should have: one after the previous item of its list.
    let previous = outline[..i]
        .iter()
        .rev()
        .take_while(|h| h.level >= first.level)
        .find(|h| h.level == first.level && h.kind == first.kind)
        .map_or(0, |h| h.number);
    let gap = first.number.checked_sub(previous + 1).filter(|&g| g > 0)?;
    let mut edits = Vec::new();
    for h in outline[i..]
        .iter()
        .take_while(|h| h.level >= first.level)
        .filter(|h| h.level == first.level && h.kind == first.kind)
    {
        edits.push(renumbered(text, h, h.number - gap)?);
    }
    let from = first.marker(text);
    let to = from.replacen(edits[0].old.as_str(), &edits[0].new, 1);
    let rest = if edits.len() > 1 {
        format!("，其后 {} 项依次顺延", edits.len() - 1)
    } else {
        String::new()
    };
    Some(Fix {
        label: format!("把“{from}”改为“{to}”{rest}"),
        edits,
    })
}

/// The edit giving heading `h` the number `n`, written as its marker writes numbers.
fn renumbered(text: &str, h: &Heading, n: u32) -> Option<Edit> {
    let marker = h.marker(text);
    let chinese = |c: char| "零〇一二两三四五六七八九十百".contains(c);
    let (old_at, old) = match h.kind {
        HeadingKind::Arabic | HeadingKind::ParenArabic => {
            let start = marker.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))?;
            let len = marker[start..]
                .find(|c: char| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))
                .unwrap_or(marker.len() - start);
            (start, &marker[start..start + len])
        }
        HeadingKind::Circled | HeadingKind::Letter => {
            let (start, c) = marker
                .char_indices()
                .find(|(_, c)| !matches!(c, '（' | '(' | ' ' | '\u{3000}'))?;
            (start, &marker[start..start + c.len_utf8()])
        }
        _ => {
            let start = marker.find(chinese)?;
            let len = marker[start..]
                .find(|c: char| !chinese(c))
                .unwrap_or(marker.len() - start);
            (start, &marker[start..start + len])
        }
    };
    let wide = old.chars().any(|c| ('０'..='９').contains(&c));
    let new = match h.kind {
        HeadingKind::Arabic | HeadingKind::ParenArabic if wide => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        HeadingKind::Arabic | HeadingKind::ParenArabic => n.to_string(),
        HeadingKind::Circled => char::from_u32(0x2460 + n.checked_sub(1)?)?.to_string(),
        HeadingKind::Letter => {
            let base = old.chars().next()?;
            let a = if base.is_ascii_lowercase() {
                'a'
            } else if base.is_ascii_uppercase() {
                'A'
            } else {
                'Ａ'
            };
            char::from_u32(a as u32 + n.checked_sub(1)?)?.to_string()
        }
        _ => crate::outline::cn_name(n),
    };
    let start = h.marker_range.start + old_at;
    Some(Edit {
        range: start..start + old.len(),
        old: old.to_string(),
        new,
        origin: EditOrigin::User,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn fixed(text: &str, fix: &Fix) -> String {
        crate::edit::apply(text, &crate::edit::normalize(fix.edits.clone())).text
    }

    /// The first report of `text` and its first finding of `kind`.
    fn first_finding(text: &str, kind: FindingKind) -> (Report, Finding) {
        let report = analyze(text).outline.reports.remove(0);
        let Some(finding) = report.findings.iter().find(|f| f.kind == kind).cloned() else {
            panic!("no {kind:?} in {:?}", report.findings);
        };
        (report, finding)
    }

    #[test]
    fn a_gap_renumbers_the_rest_of_its_list_and_no_other() {
        let text = "某某局2024年工作总结\n\n一、主要工作\n（一）抓党建。\n（二）抓发展。\n（四）抓民生。\n（五）抓安全。\n二、下一步打算\n（一）继续抓。\n（二）再抓。\n";
        let (report, gap) = first_finding(text, FindingKind::NumberingGap);
        let fix = renumber(text, &report, &gap).expect("a fix");
        assert_eq!(fix.label, "把“（四）”改为“（三）”，其后 1 项依次顺延");
        let out = fixed(text, &fix);
        assert!(
            out.contains("（二）抓发展。\n（三）抓民生。\n（四）抓安全。\n二、"),
            "{out}"
        );
        assert!(
            out.contains("二、下一步打算\n（一）继续抓。\n（二）再抓。"),
            "{out}"
        );
        let again = analyze(&out);
        assert!(
            again.outline.reports[0]
                .findings
                .iter()
                .all(|f| f.kind != FindingKind::NumberingGap),
            "no gap is left"
        );
    }

    #[test]
    fn arabic_markers_keep_their_digits_style() {
        let text =
            "某某局2024年工作总结\n\n一、主要工作\n１．抓党建。\n３．抓民生。\n４．抓安全。\n";
        let (report, gap) = first_finding(text, FindingKind::NumberingGap);
        let out = fixed(text, &renumber(text, &report, &gap).unwrap());
        assert!(
            out.contains("１．抓党建。\n２．抓民生。\n３．抓安全。"),
            "{out}"
        );
    }

    #[test]
    fn a_stripped_title_gets_the_answered_name_before_its_unit() {
        let text = "镇2024年工作总结\n\n2024年，XX镇坚持发展。\n一、主要工作\n";
        let (report, finding) = first_finding(text, FindingKind::TitleNameStripped);
        assert!(
            title_name(text, &report, &finding, &[]).is_none(),
            "nothing answered"
        );
        assert!(title_name(text, &report, &finding, &[("区", "临川")]).is_none());
        let fix = title_name(text, &report, &finding, &[("镇", "白鹭")]).unwrap();
        assert_eq!(fix.label, "在标题前补上“白鹭”，成为“白鹭镇…”");
        assert!(fixed(text, &fix).starts_with("白鹭镇2024年工作总结\n"));
    }
}
