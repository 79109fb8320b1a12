//! The rules of the category Word 文档: they read the origin a Word reader recorded for a
//! piece of the text (header, footer, hidden text, link, text box, comment) and remove the
//! piece, judged by what it is, as a preview like every other rule. A piece counts only
//! while its range still holds the text it was read with, so an edited or already cleaned
//! text is never cut at a stale place. No dependency on egui.

use super::RuleSet;
use super::rules::ids;
use crate::junk;
use crate::model::{ByteRange, Origin};

/// What the Word rules want: whole lines to drop and spans to delete, by rule id.
#[derive(Debug, Default)]
pub(super) struct WordPlan {
    pub lines: Vec<(usize, &'static str)>,
    pub spans: Vec<(ByteRange, &'static str)>,
}

/// Plans the Word rules on `text`; `line_of` and `line_range` are the planner's own line
/// lookups.
pub(super) fn plan(
    text: &str,
    rules: &RuleSet,
    line_of: impl Fn(usize) -> usize,
    line_range: impl Fn(usize) -> ByteRange,
) -> WordPlan {
    let mut out = WordPlan::default();
    for p in rules.origins.iter() {
        if text.get(p.range.clone()) != Some(p.text.as_str()) {
            continue;
        }
        let li = line_of(p.range.start);
        let line = line_range(li);
        // The piece is its whole line (spaces around it aside).
        let whole = text[line.clone()].trim() == p.text.trim();
        let id = match &p.origin {
            Origin::Header | Origin::Footer => Some(ids::WORD_HEADERS),
            Origin::Comment => Some(ids::WORD_COMMENTS),
            Origin::Hidden => Some(ids::WORD_HIDDEN),
            Origin::TextBox if looks_like_junk(&p.text) => Some(ids::WORD_TEXT_BOX_ADVERTS),
            Origin::Link { target } if is_external(target) && looks_like_junk(&p.text) => {
                Some(ids::WORD_LINK_ADVERTS)
            }
            _ => None,
        };
        let Some(id) = id.filter(|id| rules.is_enabled(id)) else {
            continue;
        };
        if whole {
            out.lines.push((li, id));
        } else {
            out.spans.push((p.range.clone(), id));
        }
    }
    out
}

fn is_external(target: &str) -> bool {
    let t = target.trim().to_ascii_lowercase();
    !t.starts_with('#') && !t.is_empty()
}

/// Advert wording, or an address (a link whose visible text is a URL is never content).
fn looks_like_junk(text: &str) -> bool {
    junk::is_advert_line(text) || has_address(text)
}

fn has_address(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    if t.contains("http://") || t.contains("https://") || t.contains("www.") {
        return true;
    }
    // A bare domain: letters or digits, a dot, a common top-level domain, not in a number.
    const TLDS: [&str; 6] = [".com", ".cn", ".net", ".org", ".cc", ".top"];
    TLDS.iter().any(|tld| {
        t.match_indices(tld).any(|(i, _)| {
            let before = t[..i].chars().next_back();
            let after = t[i + tld.len()..].chars().next();
            before.is_some_and(|c| c.is_ascii_alphanumeric() && !c.is_ascii_digit())
                && after.is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_numbers_and_words() {
        assert!(has_address("更多范文见 www.fanwen.cc"));
        assert!(has_address("fanwen.com"));
        assert!(!has_address("增长3.5%，达到1.cn"));
        assert!(!has_address("推进乡村振兴"));
    }
}
