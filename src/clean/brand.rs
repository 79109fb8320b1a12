//! Brand words a site injects into the author's sentences ("被州县两级采纳哒哒君42篇").
//! The brands are harvested from the document's own advert lines — never from a built-in
//! list — and then deleted wherever they appear in content lines. No dependency on egui.

use crate::junk::{self, BrandNames};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// The brand names the advert lines carry, longest first. A bare brand (哒哒 from
/// 【哒哒素材库】) counts only when at least two different advert lines name it.
pub fn harvest<'a>(advert_lines: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let mut names = BrandNames::default();
    for line in advert_lines.clone() {
        junk::brand_names(line, &mut names);
    }
    let mut out: Vec<String> = names.explicit;
    // Names by position ([`cued_names`]): in how many advert lines, and whether in quotes
    // after a cue in one of them. Counted in one pass: a large text has thousands of adverts.
    let mut cued: std::collections::HashMap<String, (usize, bool)> = Default::default();
    for line in advert_lines.clone() {
        for (name, quoted) in cued_names(line, false) {
            let seen = cued.entry(name).or_default();
            *seen = (seen.0 + 1, seen.1 || quoted);
        }
    }
    let mut cued: Vec<(String, (usize, bool))> = cued.into_iter().collect();
    cued.sort_unstable();
    for (name, (lines, quoted)) in cued {
        if (quoted || lines >= 2) && !out.contains(&name) {
            out.push(name);
        }
    }
    for stem in names.stems {
        // One searcher a stem, not one a line (`str::contains` builds one each call).
        let finder = memchr::memmem::Finder::new(stem.as_bytes());
        let lines = advert_lines
            .clone()
            .filter(|l| finder.find(l.as_bytes()).is_some())
            .count();
        if lines >= 2 && !out.contains(&stem) {
            out.push(stem);
        }
    }
    // Words of the government or the Party (`[brands] never`): a bracket holding one is a
    // citation, not a brand, and deleting it from content would lose the author's words.
    let never = &crate::lexicon::builtin().brands.never;
    out.retain(|n| !never.iter().any(|w| n.contains(w.as_str())));
    out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    out
}

/// Brands a site injects into the author's sentences but names in its notices only once:
/// a name a site line (source, copyright, paywall, navigation) or an advert gives by
/// position ([`cued_names`]), of three Han characters or more and before no colon, that also
/// stands inside at least [`MIN_CONTENT_LINES`] different lines the cleaning keeps (lines of
/// the same words count once), or inside one when the notices name it plainly (in quotes
/// after a cue, 关注“XX”) or in two different lines. Neither signal alone is enough: a
/// notice's words are often plain words, and plain words repeat in content; a site's name in
/// its own notice that then turns up inside the author's sentences is injected.
/// `content_lines(names)` says, per name, in how many different kept lines it stands.
pub fn harvest_injected<'a>(
    junk_lines: impl Iterator<Item = &'a str>,
    content_lines: impl FnOnce(&[String]) -> Vec<usize>,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    // Per name: in how many notice lines, and whether in quotes after a cue in one.
    let mut named: Vec<(usize, bool)> = Vec::new();
    for line in junk_lines {
        let mut found = cued_names(line, true);
        // A slogan line's name ("文秘猫·让公文写作更简单"), which a watermark's dot would
        // otherwise join to the slogan.
        if let Some(name) = crate::site::slogan_name(line)
            && !found.iter().any(|(n, _)| n == name)
        {
            found.push((name.to_string(), false));
        }
        for (name, quoted) in found {
            // A name before a colon labels a field (下一篇：, 来源：), it names no site.
            let labels = [format!("{name}："), format!("{name}:")];
            if name.chars().count() < 3 || labels.iter().any(|l| line.contains(l.as_str())) {
                continue;
            }
            match names.iter().position(|n| *n == name) {
                Some(i) => named[i] = (named[i].0 + 1, named[i].1 || quoted),
                None => {
                    names.push(name);
                    named.push((1, quoted));
                }
            }
        }
    }
    if names.is_empty() {
        return names;
    }
    let counts = content_lines(&names);
    names
        .into_iter()
        .zip(named.into_iter().zip(counts))
        .filter(|&(_, ((notices, quoted), c))| {
            c >= MIN_CONTENT_LINES || (c >= 1 && (quoted || notices >= 2))
        })
        .map(|(n, _)| n)
        .collect()
}

/// True when `name` is a common word of two characters (分享, 推荐, 精选): a site's tag
/// such as 【分享】 names no brand, and deleting the word from the sentences would cut the
/// author's own (召开经验分享会). How common is `common_word_count` in the lexicon.
pub fn is_common_word(name: &str) -> bool {
    let mut chars = name.chars();
    let (Some(a), Some(b), None) = (chars.next(), chars.next(), chars.next()) else {
        return false;
    };
    let least = crate::lexicon::builtin().brands.common_word_count;
    crate::proof::dict::Dict::get().pair(a, b) >= least
}

/// In how many kept lines a name from a notice must stand to be taken as injected.
pub const MIN_CONTENT_LINES: usize = 2;

/// In this many different kept lines a name is the author's own vocabulary, however the
/// site's notices name it: sites inject a brand into a few sentences.
pub const AUTHORS_VOCABULARY_LINES: usize = 6;

/// The word lists [`cued_names`] looks for inside each name it reads, as automata built
/// once from the lexicon in use: `str::find` builds a searcher at each call, several a name,
/// which cost a folder of small files 2–3% of its time.
struct NameWords {
    /// The cues that follow a name (整理, 出品, 小程序, 吧).
    cues_after: AhoCorasick,
    /// The words of the government or the Party (`[brands] never`) and title endings: a
    /// name holding one is none.
    never_or_endings: AhoCorasick,
}

static NAME_WORDS: LazyLock<NameWords> = LazyLock::new(|| {
    let lex = crate::lexicon::builtin();
    let build = |words: &mut dyn Iterator<Item = &String>| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .build(words)
            .expect("lexicon words build an automaton")
    };
    NameWords {
        cues_after: build(&mut lex.brands.cues_after.iter()),
        never_or_endings: build(&mut lex.brands.never.iter().chain(&lex.titles.endings)),
    }
});

/// Names an advert line gives its site by position rather than by a label: the Han words in
/// quotes or brackets, after a cue word (认准XX, 关注XX, 由XX整理) or opening the line, up to
/// a mark, a cue that follows a name (整理, 出品, 小程序, 吧) or the end; none that scores as
/// an advert itself, holds a generic word or a title ending (回复“讲话” names no site). With whether
/// the name stands in quotes right after a cue word (关注“XX”, 搜索「XX」), which names a
/// channel as plainly as 公众号：XX does; [`harvest`] keeps the others only when two advert
/// lines name them. With `advert_words`, a name may hold an advert's word (星火范文社,
/// 某某素材馆): [`harvest_injected`] asks more of it than a notice.
fn cued_names(line: &str, advert_words: bool) -> Vec<(String, bool)> {
    let brands = &crate::lexicon::builtin().brands;
    let l = junk::unsplit_watermark(line.trim());
    let l: &str = &l;
    // Where a name may start: the line's start, after an opening quote or bracket, or after a
    // cue word (and the quote after it).
    // A byline's bar ("文字丨XX编辑部") opens a name too; 丨 is a Han character, and ends one.
    let is_quote = |c: char| {
        matches!(
            c,
            '“' | '「' | '『' | '"' | '《' | '【' | '〖' | '‘' | '丨' | '｜' | '|'
        )
    };
    // After the decoration a line opens with ("—— XX出品 ——").
    let opening = l
        .char_indices()
        .find(|&(_, c)| !(c.is_whitespace() || c.is_ascii_punctuation() || is_decoration(c)))
        .map_or(0, |(i, _)| i);
    let mut starts = vec![(0, false), (opening, false)];
    let mut cued = Vec::new();
    for cue in &brands.cues_before {
        cued.extend(l.match_indices(cue.as_str()).map(|(i, m)| i + m.len()));
    }
    for (i, c) in l.char_indices().filter(|&(_, c)| is_quote(c)) {
        starts.push((i + c.len_utf8(), cued.contains(&i)));
    }
    starts.extend(cued.iter().map(|&i| (i, false)));
    let mut out: Vec<(String, bool)> = Vec::new();
    for (start, quoted) in starts {
        let rest = &l[start..];
        let run = rest
            .char_indices()
            .find(|&(_, c)| !junk::is_han(c) || c == '丨')
            .map_or(rest.len(), |(i, _)| i);
        let mut name = &rest[..run];
        // Up to the first cue after a name, wherever it starts.
        if let Some(cue) = NAME_WORDS.cues_after.find(name) {
            name = &name[..cue.start()];
        }
        let n = name.chars().count();
        if !(2..=8).contains(&n)
            || brands.generic.iter().any(|g| g == name)
            || NAME_WORDS.never_or_endings.is_match(name)
            || (!advert_words && junk::advert_score(name) > 0)
        {
            continue;
        }
        match out.iter_mut().find(|(o, _)| o == name) {
            Some((_, q)) => *q |= quoted,
            None => out.push((name.to_string(), quoted)),
        }
    }
    out
}

/// Marks a line is decorated with: dashes, stars, dots, diamonds.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '—' | '–'
            | '―'
            | '－'
            | '～'
            | '★'
            | '☆'
            | '◆'
            | '◇'
            | '●'
            | '○'
            | '■'
            | '□'
            | '·'
            | '•'
            | '▲'
            | '▼'
            | '※'
            | '＝'
            | '＊'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brands_come_from_the_documents_own_adverts() {
        let ads = [
            "【哒哒素材库】——每天更新材料1000多篇内部高质量素材，会员群+网盘群同步每日更新",
            "欢迎加入“哒哒素材库svip会员”，添加客服：cwk,请各位小伙伴认准哒哒，哒哒唯一平台（公众号：哒哒君、：cwk），谨防假冒！",
            "【哒哒代笔】——原创高质量保障、高度保密",
        ];
        let got = harvest(ads.iter().copied());
        for want in ["哒哒素材库", "哒哒代笔", "哒哒君", "哒哒"] {
            assert!(
                got.contains(&want.to_string()),
                "{want} missing from {got:?}"
            );
        }
        // Longest first, so 哒哒君 is deleted whole rather than leaving 君 behind.
        let pos = |w: &str| got.iter().position(|g| g == w).unwrap();
        assert!(pos("哒哒君") < pos("哒哒"));
    }

    #[test]
    fn a_different_site_gives_its_own_brand_and_plain_words_are_never_brands() {
        let ads = [
            "【笔杆子文库】更多精品范文请关注公众号",
            "【范文网】免费下载",
            "【XX市政务网】",
        ];
        let got = harvest(ads.iter().copied());
        assert_eq!(got, vec!["笔杆子文库", "范文网"]);
        // A bare stem named by one advert only is not trusted.
        assert!(!got.contains(&"笔杆子".to_string()));
    }

    #[test]
    fn a_brand_named_by_position_is_learned_when_two_adverts_name_it() {
        let ads = [
            "更多精品公文，微信搜索「青苇笔记」一键获取",
            "——本文由青苇笔记整理，转载请联系授权——",
            "想看更多同类材料？认准青苇笔记，每日更新",
            "后台回复“讲话”领取全文",
        ];
        let got = harvest(ads.iter().copied());
        assert!(got.contains(&"青苇笔记".to_string()), "{got:?}");
        // A keyword to reply with names no site; a title ending never is a brand.
        assert!(!got.iter().any(|g| g.contains("讲话")), "{got:?}");
        // One advert following a name in quotes names its channel plainly.
        let got = harvest(["关注“半亩书斋”，后台回复“材料”领取范文合集"].into_iter());
        assert_eq!(got, vec!["半亩书斋"]);
        // One advert naming a word by position only is not trusted.
        let got = harvest(["青苇笔记｜专注公文写作，获取更多范文"].into_iter());
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_notices_name_is_injected_when_it_also_stands_inside_kept_lines() {
        let notices = [
            "微信搜索“松间书屋”，领取更多参考材料",
            "（全文需登录竹影范文社后下载）",
            "上一篇：关于加强基层队伍建设的思考",
        ];
        // As many kept lines as the name stands in: the caller counts them.
        let harvest_with = |counts: &'static [(&'static str, usize)]| {
            harvest_injected(notices.iter().copied(), |names| {
                names
                    .iter()
                    .map(|n| counts.iter().find(|c| c.0 == n).map_or(0, |c| c.1))
                    .collect()
            })
        };
        // Named plainly (in quotes after a cue): one kept line is enough.
        let got = harvest_with(&[("松间书屋", 1), ("竹影范文社", 1), ("上一篇", 5)]);
        assert_eq!(got, vec!["松间书屋"]);
        // Named once, by position: it must stand in two kept lines; a field label never counts.
        let got = harvest_with(&[("竹影范文社", 2), ("上一篇", 5)]);
        assert_eq!(got, vec!["竹影范文社"]);
        // In no kept line: the notice's words are its own business.
        assert!(harvest_with(&[]).is_empty());
        // A byline names its site after a bar.
        let got = harvest_injected(
            ["文字丨竹影书斋编辑部　　审核丨小贝"].into_iter(),
            |names| {
                names
                    .iter()
                    .map(|n| usize::from(n == "竹影书斋") * 2)
                    .collect()
            },
        );
        assert_eq!(got, vec!["竹影书斋"]);
    }
}
