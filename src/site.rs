//! Lines a material site prints around the text it sells, recognised by class (their shape
//! and the words of the class in `rules/builtin.toml`), never by a site's name: article
//! metadata, navigation between articles, the header of a list of other articles, and
//! paywall or truncation notices. Shared by the splitter (such a line is never a report or
//! its title) and by cleaning (it removes them, each class under a rule of its own), and the
//! list of links under a reading-list header, which both ask for ([`reading_list_links`]).
//! Every other function looks at one line only; no dependency on egui or the rule set.

use crate::lexicon;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::LazyLock;

/// What a site line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteLine {
    /// "来源：网络  作者：佚名  发布时间：2024-03-01  阅读：3521次".
    Metadata,
    /// "上一篇：…", "下一篇：…", "标签：述职报告 讲话稿".
    Navigation,
    /// "相关文章", "【推荐阅读】", "猜你喜欢：": the titles listed under it go too.
    ReadingListHeader,
    /// "剩余3250字未读，开通会员查看全文", "试读已结束，请下载完整版".
    PaywallNotice,
    /// "本文系作者授权本站发表，未经许可，不得转载。": copyright, takedown and disclaimer
    /// notices.
    Notice,
}

/// Lines longer than this are never site lines (a metadata line with every field is
/// shorter): the check costs nothing on body paragraphs.
pub const MAX_BYTES: usize = 360;

struct Words {
    /// Every word of every class: a line none of them hits is no site line.
    any: AhoCorasick,
    fields: AhoCorasick,
    /// Counts after their figure: "1611人看过".
    counted_after: AhoCorasick,
    /// Per pattern of `fields`: whether it counts views.
    counters: Vec<bool>,
    /// Per pattern of `fields`: whether it dates the page.
    dated: Vec<bool>,
    paywall: AhoCorasick,
    alone: AhoCorasick,
    /// The notice subjects, then the words that hold one but name something else.
    subjects: AhoCorasick,
    subject_count: usize,
    footer: AhoCorasick,
    /// The notice acts, then the weak ones.
    acts: AhoCorasick,
    act_count: usize,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let lex = lexicon::builtin();
    // DFAs: these run on every short line of the text; an NFA's search (the default for
    // this many patterns) took half of inspect's time.
    let build = |words: &mut dyn Iterator<Item = &String>| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(words)
            .expect("lexicon words build an automaton")
    };
    let nav = &lex.navigation;
    let tag_marks: Vec<String> = TAG_MARKS.iter().map(|m| m.to_string()).collect();
    Words {
        any: build(
            &mut lex
                .metadata
                .fields
                .iter()
                .chain(&nav.openers)
                .chain(&nav.reading_list_headers)
                .chain(&nav.breadcrumb_openers)
                .chain(&nav.breadcrumb_arrows)
                .chain(&nav.home_words)
                // One character ("完" of "（完）", "赞") would let nearly every line in (完成):
                // a closing mark is asked of short lines apart, a lone 赞 is no row.
                .chain(nav.end_marks.iter().filter(|w| w.chars().count() > 1))
                .chain(&nav.page_actions)
                .chain(nav.page_controls.iter().filter(|w| w.chars().count() > 1))
                .chain(&nav.channel_words)
                .chain(&tag_marks)
                .chain(&lex.metadata.reading_openers)
                .chain(&lex.metadata.counted_after)
                .chain(&lex.metadata.verbs)
                .chain(&lex.metadata.ago)
                .chain(&lex.paywall.words)
                .chain(&lex.paywall.alone)
                .chain(&lex.notices.subjects)
                .chain(&lex.notices.footer_marks)
                .chain(&lex.notices.producers),
        ),
        fields: build(&mut lex.metadata.fields.iter()),
        counted_after: build(&mut lex.metadata.counted_after.iter()),
        counters: lex
            .metadata
            .fields
            .iter()
            .map(|f| lex.metadata.counters.contains(f))
            .collect(),
        dated: lex
            .metadata
            .fields
            .iter()
            .map(|f| lex.metadata.dated.contains(f))
            .collect(),
        paywall: build(&mut lex.paywall.words.iter()),
        alone: build(&mut lex.paywall.alone.iter()),
        subjects: build(&mut lex.notices.subjects.iter().chain(&lex.notices.not_subjects)),
        subject_count: lex.notices.subjects.len(),
        footer: build(&mut lex.notices.footer_marks.iter()),
        acts: build(&mut lex.notices.acts.iter().chain(&lex.notices.weak_acts)),
        act_count: lex.notices.acts.len(),
    }
});

/// The class of `line` when it is a site line.
pub fn classify(line: &str) -> Option<SiteLine> {
    let l = line.trim_matches(|c: char| c.is_whitespace() || c == crate::junk::BOM);
    if l.is_empty() || l.len() > MAX_BYTES {
        return None;
    }
    if !WORDS.any.is_match(l) {
        // A stamp with no word of the lists: a clock time's colon is the cheap sign.
        let stamped = memchr::memchr(b':', l.as_bytes()).is_some() && is_stamp(l);
        if stamped {
            return Some(SiteLine::Metadata);
        }
        if l.len() <= 24 && is_end_mark(l) {
            return Some(SiteLine::Navigation);
        }
        // A slogan line: its short name, a dot or bar, what the site sells.
        return (l.len() <= 80 && slogan_name(l).is_some()).then_some(SiteLine::Notice);
    }
    if is_reading_list_header(l) {
        Some(SiteLine::ReadingListHeader)
    } else if is_navigation(l)
        || is_breadcrumb(l)
        || is_end_mark(l)
        || is_more_link(l)
        || is_page_actions(l)
        || is_tag_row(l)
        || is_channel_header(l)
    {
        Some(SiteLine::Navigation)
    } else if is_metadata(l) {
        Some(SiteLine::Metadata)
    } else if is_paywall_notice(l) {
        Some(SiteLine::PaywallNotice)
    } else if is_notice(l) || producer_name(l).is_some() || slogan_name(l).is_some() {
        Some(SiteLine::Notice)
    } else {
        None
    }
}

/// Characters a site puts before a navigation word or around a header: « » < > 【 】 ….
const DECOR: &[char] = &[
    '«', '»', '<', '>', '‹', '›', '《', '》', '【', '】', '[', ']', '〔', '〕', '·', '•', '●', '◆',
    '■', '►', '▶', '→', '←', '↑', '↓', ' ', '\u{3000}', '\t',
];

const COLONS: &[char] = &['：', ':'];

/// Nothing but a reading-list header: "相关文章", "【推荐阅读】", "猜你喜欢：", "▍延伸阅读".
pub fn is_reading_list_header(line: &str) -> bool {
    if line.len() > 64 {
        return false;
    }
    let core = decoration_off(line);
    lexicon::builtin()
        .navigation
        .reading_list_headers
        .iter()
        .any(|h| h == core)
}

/// A mark, emoji or colon, not a character of a word: what decorates a site's line.
fn is_mark(c: char) -> bool {
    !(crate::junk::is_han(c) || c.is_alphanumeric())
}

/// `line` without the marks, emoji and colons around its words ("▍延伸阅读", "大家都在看👇").
fn decoration_off(line: &str) -> &str {
    line.trim_matches(is_mark)
}

/// One line of a list of other articles a site appends: a bullet, then another article's
/// title ("→ 2023年安全生产月活动方案", "· 关于村级集体经济发展的调研报告（2篇）"). A list is
/// two such lines or more in a row ([`crate::clean`] asks for the run, never one line: a
/// compilation may mark its own titles with a bullet).
pub(crate) fn is_link_item(line: &str) -> bool {
    let nav = &lexicon::builtin().navigation;
    let line = line.trim();
    let Some(bullet) = line.chars().next() else {
        return false;
    };
    if crate::junk::is_han(bullet) || !nav.link_bullets.contains(bullet) {
        return false;
    }
    let title = line[bullet.len_utf8()..].trim_start_matches(|c: char| {
        c == bullet || c.is_whitespace() || nav.link_bullets.contains(c)
    });
    // A piece count after the title: "（2篇）", "（精选5篇）", "10篇".
    let core = match title.rfind(['（', '(']) {
        Some(open) if title.ends_with(['）', ')']) && title[open..].contains('篇') => {
            &title[..open]
        }
        _ => title
            .strip_suffix('篇')
            .map(|t| t.trim_end_matches(|c: char| c.is_ascii_digit()))
            .filter(|t| t.len() + '篇'.len_utf8() < title.len())
            .unwrap_or(title),
    };
    let chars = core.chars().count();
    (4..=40).contains(&chars)
        && !core.contains(['。', '，', '；', '！', '？', '《', '》', '“'])
        // A title with a subtitle: "党课讲稿：牢记初心使命".
        && (crate::split::ends_like_title(core)
            || core
                .split_once('：')
                .is_some_and(|(main, _)| crate::split::ends_like_title(main))
            || lexicon::builtin()
                .titles
                .compilation_words
                .iter()
                .any(|w| core.ends_with(w.as_str())))
}

/// The short line a site puts above such a list when its words do not name a known header:
/// "同类范文推荐", "你可能还想看：", "本栏目最新更新" (`list_header_words`).
pub(crate) fn is_loose_list_header(line: &str) -> bool {
    let core = decoration_off(line.trim());
    let chars = core.chars().count();
    (2..=10).contains(&chars)
        && !core.contains(['。', '，', '；', '！', '？', '、'])
        && lexicon::builtin()
            .navigation
            .list_header_words
            .iter()
            .any(|w| core.contains(w.as_str()))
}

/// "上一篇：…", "« 下一篇 …", "标签：…": a navigation word opening the line, then a colon (or,
/// for the links to the previous and next article, a space).
fn is_navigation(line: &str) -> bool {
    // Any mark or emoji before the word: « 下一篇, 🏷 标签.
    let body = line.trim_start_matches(is_mark);
    lexicon::builtin().navigation.openers.iter().any(|w| {
        body.strip_prefix(w.as_str()).is_some_and(|rest| {
            let rest_trimmed = rest.trim_start_matches([' ', '\u{3000}']);
            rest_trimmed.starts_with(COLONS)
                || (w.ends_with(['篇', '页', '条'])
                    && rest_trimmed.len() < rest.len()
                    && !rest_trimmed.is_empty())
        })
    })
}

/// Characters a step of a breadcrumb trail never holds.
const STEP_PUNCTUATION: &[char] = &[
    '。', '，', ',', '；', ';', '！', '？', '、', '：', ':', '“', '”',
];

/// The steps of `s` between the separators `seps` (the longest that fits at a place), each
/// trimmed: one step when none is found.
fn steps<'a>(s: &'a str, seps: &[&String]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut i = 0;
    while i < s.len() {
        let sep = seps
            .iter()
            .filter(|p| s[i..].starts_with(p.as_str()))
            .map(|p| p.len())
            .max();
        match sep {
            Some(n) => {
                out.push(s[from..i].trim_matches([' ', '\u{3000}', '\t']));
                i += n;
                from = i;
            }
            None => i += s[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    out.push(s[from..].trim_matches([' ', '\u{3000}', '\t']));
    out
}

/// A breadcrumb trail or a site's menu: "XX网 > 工作总结 > 年终总结", "当前位置：XX库 » 调研报告
/// » 正文", "XX首页 | 汇报材料 | 讲话稿 | 述职报告". Short steps with no sentence punctuation
/// between arrows or bars, three of them or more (two after an opener such as 当前位置：).
/// A step must show the trail is a site's ([`is_site_step`]) unless the arrows are a web
/// page's own (» ›): "申请 > 受理 > 办结" in a report stays.
fn is_breadcrumb(line: &str) -> bool {
    /// The separators, arrows and bars together, then the arrows; and the characters they
    /// open with: a line holding none of those is no trail (most lines, decided in one pass).
    static SEPARATORS: LazyLock<(Vec<&'static String>, Vec<&'static String>, Vec<char>)> =
        LazyLock::new(|| {
            let nav = &lexicon::builtin().navigation;
            let all: Vec<&String> = nav
                .breadcrumb_arrows
                .iter()
                .chain(&nav.breadcrumb_bars)
                .collect();
            let mut firsts: Vec<char> = all.iter().filter_map(|s| s.chars().next()).collect();
            firsts.sort_unstable();
            firsts.dedup();
            (all, nav.breadcrumb_arrows.iter().collect(), firsts)
        });
    let (seps, arrows, firsts) = &*SEPARATORS;
    if !line.contains(|c| firsts.binary_search(&c).is_ok()) {
        return false;
    }
    let nav = &lexicon::builtin().navigation;
    let mut body = line.trim_start_matches(DECOR);
    let mut opened = false;
    if let Some(o) = nav
        .breadcrumb_openers
        .iter()
        .filter(|o| body.starts_with(o.as_str()))
        .max_by_key(|o| o.len())
        && let Some(rest) = body[o.len()..]
            .trim_start_matches([' ', '\u{3000}'])
            .strip_prefix(COLONS)
    {
        body = rest;
        opened = true;
    }
    let mut parts = steps(body, seps);
    // A trail may close with its arrow: "首页 >> 研讨发言 >>".
    if parts.len() > 2 && parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    if parts.len() < if opened { 2 } else { 3 }
        || parts
            .iter()
            .any(|p| p.is_empty() || p.chars().count() > 16 || p.contains(STEP_PUNCTUATION))
    {
        return false;
    }
    let has_arrow = steps(body, arrows).len() > 1;
    let web_arrow = body.contains(['»', '›']);
    let home = |p: &&str| nav.home_words.iter().any(|h| p.ends_with(h.as_str()));
    if has_arrow {
        opened || web_arrow || parts.iter().any(|p| home(p) || is_site_step(p))
    } else {
        parts.iter().any(home)
    }
}

/// A link to more of the site: a short line ending with an arrow (>> » ＞＞) that says
/// 更多, 下载, 查看…: "下载更多讲话稿 >>", "查看更多范文 »". A sentence never ends so.
fn is_more_link(line: &str) -> bool {
    let nav = &lexicon::builtin().navigation;
    let Some(body) = nav
        .breadcrumb_arrows
        .iter()
        .filter(|a| a.chars().count() > 1 || matches!(a.as_str(), "»" | "›"))
        .find_map(|a| line.strip_suffix(a.as_str()))
    else {
        return false;
    };
    body.chars().count() <= 20
        && !body.contains(['。', '，', '；'])
        && nav.link_words.iter().any(|w| body.contains(w.as_str()))
}

/// Marks between the buttons of a page's row: bars, dots, brackets, arrows (and spaces).
const BUTTON_GAPS: &[char] = &[
    '|', '｜', '丨', '/', '／', '·', '•', '・', '：', ':', '【', '】', '[', ']', '（', '）', '(',
    ')', '▲', '△', '↑', '★', '☆', '♥', '❤', '>', '<', '»', '«',
];

fn is_button_gap(c: char) -> bool {
    c.is_whitespace() || BUTTON_GAPS.contains(&c)
}

/// A row of a page's own buttons: "收藏本文 | 打印本页 | 关闭窗口", "【字体：大 中 小】",
/// "分享到：微信 微博 QQ空间", "点赞 收藏 评论", "▲ 返回顶部". Every piece between the gaps is a
/// button word or what stands beside one (`[navigation] page_actions`, `page_controls`,
/// `page_options`), or a count ("评论(3)"); one piece is an action, or a plain control with
/// another piece beside it. A sentence that names such words has other words between them.
fn is_page_actions(line: &str) -> bool {
    let nav = &lexicon::builtin().navigation;
    if line.chars().count() > 60 {
        return false;
    }
    let (mut actions, mut controls, mut pieces) = (0, 0, 0);
    for piece in line.split(is_button_gap).filter(|p| !p.is_empty()) {
        if piece
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '+' | '万' | 'w' | 'W' | 'k'))
        {
            continue;
        }
        pieces += 1;
        let is = |list: &[String]| list.iter().any(|w| w == piece);
        if is(&nav.page_actions) {
            actions += 1;
        } else if is(&nav.page_controls) {
            controls += 1;
        } else if !is(&nav.page_options) {
            return false;
        }
    }
    actions >= 1 || (controls >= 1 && pieces >= 2)
}

/// A site's running header naming one of its sections: "公文在线·公文范文频道", "办公资源站 ·
/// 公文频道". Two or three short steps (at most 12 characters, none a sentence) between dots
/// or bars, the last ending with a `[navigation] channel_words` word longer than it.
fn is_channel_header(line: &str) -> bool {
    let nav = &lexicon::builtin().navigation;
    let steps: Vec<&str> = line
        .split(['·', '•', '・', '|', '｜', '丨'])
        .map(|s| s.trim_matches([' ', '\u{3000}']))
        .collect();
    let short = |s: &&str| {
        (2..=12).contains(&s.chars().count())
            && !s.contains(STEP_PUNCTUATION)
            && !s.contains(char::is_whitespace)
    };
    (2..=3).contains(&steps.len())
        && steps.iter().all(short)
        && steps.last().is_some_and(|last| {
            nav.channel_words
                .iter()
                .any(|w| last.ends_with(w.as_str()) && last.len() > w.len())
        })
}

/// What opens a tag of a page's tag row ("#研讨发言# #公文写作#").
const TAG_MARKS: [&str; 2] = ["#", "＃"];

/// A page's row of tags: two or more pieces between spaces, each opening with # (and perhaps
/// closing with it), each a short word: "#研讨发言# #公文写作# #材料#".
fn is_tag_row(line: &str) -> bool {
    let mut tags = 0;
    for piece in line.split_whitespace() {
        let Some(tag) = piece.strip_prefix(['#', '＃']) else {
            return false;
        };
        let tag = tag.trim_end_matches(['#', '＃']);
        let n = tag.chars().count();
        if !(1..=16).contains(&n)
            || !tag.starts_with(|c: char| crate::junk::is_han(c) || c.is_alphabetic())
            || tag.contains(['#', '＃', '。', '，', '；'])
        {
            return false;
        }
        tags += 1;
    }
    tags >= 2
}

/// A page's closing mark: "— END —", "-THE END-", "（全文完）".
fn is_end_mark(line: &str) -> bool {
    let core = line.trim_matches(|c: char| {
        DECOR.contains(&c)
            || matches!(
                c,
                '—' | '-' | '－' | '–' | '―' | '=' | '（' | '）' | '(' | ')' | '~' | '～'
            )
    });
    lexicon::builtin()
        .navigation
        .end_marks
        .iter()
        .any(|m| m == core)
}

/// A step of a trail that names a site (XX网, XX库: a [brands] bracket ending) or a genre
/// the site files its pages under (工作总结: a title ending).
fn is_site_step(step: &str) -> bool {
    let lex = lexicon::builtin();
    lex.brands
        .bracket_endings
        .iter()
        .chain(&lex.titles.endings)
        .any(|e| step.chars().count() > e.chars().count() && step.ends_with(e.as_str()))
}

/// What may stand before a metadata field: the line's start or a separator.
fn field_may_follow(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '|' | '｜'
                    | '丨'
                    | '/'
                    | '／'
                    | '，'
                    | ','
                    | '·'
                    | '•'
                    | '('
                    | '（'
                    | '【'
                    | '['
                    | '】'
                    | ']'
                    | '；'
                    // Bars drawn with box characters: "分类：述职报告 ▏阅读量：12050".
                    | '▏'
                    | '▕'
                    | '│'
                    | '┃'
                    | '¦'
            )
    })
}

/// What follows a metadata field's name: a colon, or the bar of a byline ("文字丨XX").
const FIELD_MARKS: &[char] = &['：', ':', '丨', '｜', '|'];

/// Article metadata: two fields with a colon (or a byline's bar) after each ("作者：admin |
/// 来源：本站原创", "文字丨XX编辑部　审核丨XX"), one view counter with a figure ("阅读 3521 次",
/// "浏览量：86"), or one dating field with nothing but a date after it ("发布时间：2024-12-18
/// 09:42"), on a line that is no sentence; or a reading-time line ([`is_reading_time`]).
fn is_metadata(line: &str) -> bool {
    if line.contains(['。', '；', '！', '？']) {
        return false;
    }
    let w = &*WORDS;
    let mut fields = 0;
    let mut counter = false;
    let mut dated_alone = false;
    for m in w.fields.find_iter(line) {
        if !field_may_follow(line[..m.start()].chars().next_back()) {
            continue;
        }
        let rest = line[m.end()..].trim_start_matches([' ', '\u{3000}']);
        let after_colon = rest.strip_prefix(FIELD_MARKS);
        let value = after_colon
            .unwrap_or(rest)
            .trim_start_matches([' ', '\u{3000}']);
        let id = m.pattern().as_usize();
        // A dating field needs no colon before its date: "更新于 2023-09-26 17:33".
        if after_colon.is_some() || (w.dated[id] && opens_with_date(value)) {
            fields += 1;
        }
        // "阅读 3521 次", "网友评论（0）".
        let figure = value.trim_start_matches(['（', '(']);
        if w.counters[id] && figure.starts_with(|c: char| c.is_ascii_digit()) {
            counter = true;
        }
        // "发布时间：2024-12-18 09:42", "发布于 2024年3月1日": the line's start, then a date.
        if w.dated[id] && line[..m.start()].trim_matches(DECOR).is_empty() && is_date_value(value) {
            dated_alone = true;
        }
    }
    // "1611人看过 · 97人收藏": counts after their figure.
    let counted = (w.counted_after.find_iter(line))
        .filter(|m| line[..m.start()].ends_with(|c: char| c.is_ascii_digit()))
        .count();
    fields >= 2 || counter || dated_alone || counted >= 2 || is_reading_time(line) || is_stamp(line)
}

/// One role of who made the page and a short name after it: "编辑 | 小文", "审核：老李",
/// "图片丨网络" (`[metadata] credits`). Only in a run of them, or beside the site's other lines,
/// is it the site's ([`crate::clean`] asks).
pub(crate) fn is_credit_line(line: &str) -> bool {
    let l = line.trim();
    if l.len() > 60 {
        return false;
    }
    let credits = &lexicon::builtin().metadata.credits;
    credits.iter().any(|c| {
        l.strip_prefix(c.as_str()).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', '\u{3000}']);
            rest.strip_prefix(FIELD_MARKS).is_some_and(|name| {
                let name = name.trim();
                (1..=12).contains(&name.chars().count())
                    && !name.contains(['。', '，', '；', '！', '？', '：', ':'])
            })
        })
    })
}

/// Whether `value` opens with a date (at least six digits of it): "2023-09-26 17:33 ｜ …".
fn opens_with_date(value: &str) -> bool {
    let date: String = value
        .chars()
        .take_while(|&c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '年' | '月' | '日'))
        .collect();
    date.chars().filter(char::is_ascii_digit).count() >= 6
}

/// A clock time: "10:21", "09:25:03".
fn is_clock(piece: &str) -> bool {
    let mut parts = piece.split(':');
    let hours = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    (1..=2).contains(&hours.len())
        && hours.bytes().all(|b| b.is_ascii_digit())
        && (1..=2).contains(&rest.len())
        && rest
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A count a page shows: "35524", "2.3万", "214个", "1.2w+".
fn is_count(piece: &str) -> bool {
    let figure = piece
        .find(|c: char| {
            !(c.is_ascii_digit() || matches!(c, '.' | ',' | '万' | 'w' | 'W' | 'k' | '+'))
        })
        .unwrap_or(piece.len());
    piece.starts_with(|c: char| c.is_ascii_digit()) && piece[figure..].chars().count() <= 2
}

/// A site's stamp with no field colon: "原创 张三 2023-05-06 10:21 发表于某某网", "某某 发布于
/// 3天前", "2023-05-06 10:21 · 阅读 2.3万", "收录于合集 #公文写作 214个", "写作小站  2025-12-03
/// 13:16". A short line that is no sentence and holds no colon but a clock time's, of a few
/// short pieces (between spaces, dots and bars): one opening with a site's verb (`[metadata]
/// verbs`) beside a date, a time ago or a count, or a date beside a clock time (an author's 落款
/// carries no clock time).
fn is_stamp(line: &str) -> bool {
    let lex = &lexicon::builtin().metadata;
    if line.chars().count() > 80
        || line.contains(['。', '；', '！', '？', '，', ',', '、', '“', '”', '（', '('])
    {
        return false;
    }
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let colons_are_clocks = line.char_indices().all(|(i, c)| {
        !matches!(c, ':' | '：')
            || (digit(line[..i].chars().next_back())
                && digit(line[i + c.len_utf8()..].chars().next()))
    });
    if !colons_are_clocks {
        return false;
    }
    let (mut date, mut clock, mut verb, mut ago, mut count) = (false, false, false, false, false);
    let mut pieces = 0;
    for piece in line
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '•' | '|' | '｜' | '丨'))
        .filter(|p| !p.is_empty())
    {
        pieces += 1;
        if is_clock(piece) {
            clock = true;
        } else if is_date_value(piece) {
            date = true;
        } else if is_count(piece) {
            count = true;
        } else if let Some(a) = lex.ago.iter().find(|a| piece.ends_with(a.as_str())) {
            let figure = &piece[..piece.len() - a.len()];
            if !figure.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            ago = true;
        } else if piece.chars().count() > 12 {
            return false;
        } else if lex.verbs.iter().any(|v| piece.starts_with(v.as_str())) {
            verb = true;
            // "发布于2023-05-06": the date after the verb.
            let rest = lex
                .verbs
                .iter()
                .filter_map(|v| piece.strip_prefix(v.as_str()))
                .min_by_key(|r| r.len())
                .unwrap_or_default();
            date |= opens_with_date(rest);
        } else if piece.chars().any(|c| c.is_ascii_digit()) && !piece.starts_with(['#', '＃']) {
            // A figure the stamp cannot read: a sentence's, not a page's.
            return false;
        }
    }
    pieces <= 8 && ((date && clock) || (verb && (date || ago || count)))
}

/// A date and time and nothing else: "2024-12-18 09:42", "2024年3月1日".
fn is_date_value(value: &str) -> bool {
    let v = value.trim_end();
    v.chars().filter(char::is_ascii_digit).count() >= 6
        && v.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '-' | '/'
                        | '.'
                        | ':'
                        | '：'
                        | ' '
                        | '年'
                        | '月'
                        | '日'
                        | '时'
                        | '分'
                        | '秒'
                        | 'T'
                )
        })
}

/// A line telling how long the page is or takes to read: every clause opens with a reading
/// opener ("阅读本文", "全文约"), then a figure and a unit ("阅读本文约需12分钟", "全文约3200字，
/// 预计阅读8分钟"). A report's "每天阅读时间不少于30分钟" puts words between opener and figure.
fn is_reading_time(line: &str) -> bool {
    if line.chars().count() > 40 {
        return false;
    }
    // Clauses between marks, or between spaces ("全文约3200字 预计阅读8分钟"); the spaces inside a
    // clause aside ("全文约 26000 字 · 预计阅读 46 分钟").
    let marks = ['，', ',', '|', '｜', '丨', '；', '·', '•'];
    let spaced: Vec<String> = line
        .split(|c| marks.contains(&c) || c == ' ' || c == '\u{3000}')
        .map(String::from)
        .collect();
    let joined: Vec<String> = line
        .split(marks)
        .map(|c| c.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    [spaced, joined]
        .iter()
        .any(|clauses| reading_clauses(clauses))
}

/// Whether every clause of `clauses` (empty ones aside) reads as a reading time or length
/// ([`is_reading_time`]).
fn reading_clauses(clauses: &[String]) -> bool {
    let lex = &lexicon::builtin().metadata;
    clauses
        .iter()
        .map(|c| c.trim_matches(DECOR))
        .filter(|c| !c.is_empty())
        .all(|clause| {
            let Some(opener) = lex
                .reading_openers
                .iter()
                .filter(|o| clause.starts_with(o.as_str()))
                .max_by_key(|o| o.len())
            else {
                return false;
            };
            let rest = clause[opener.len()..].trim_start_matches(|c| {
                matches!(
                    c,
                    '：' | ':' | '约' | '需' | '要' | '为' | '共' | '计' | '大' | '概'
                )
            });
            // The figure, or the site's template left unfilled ("全文约XX字").
            let digits = rest
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | 'X')))
                .unwrap_or(rest.len());
            digits > 0 && {
                let unit = rest[digits..].trim_start();
                lex.reading_units.iter().any(|u| {
                    unit == u.as_str()
                        || unit
                            .strip_prefix(u.as_str())
                            .is_some_and(|r| r.trim_matches(['左', '右']).is_empty())
                })
            }
        })
}

/// A paywall or truncation notice: a short line with two of the notice words ("剩余…字未读，
/// 开通会员查看全文"), or with one that says so alone and little else ("点击查看全文").
fn is_paywall_notice(line: &str) -> bool {
    let lex = lexicon::builtin();
    let chars = line.chars().count();
    if chars > lex.paywall.max_chars {
        return false;
    }
    let w = &*WORDS;
    if chars <= 12 && w.alone.is_match(line) {
        return true;
    }
    let mut seen = Vec::new();
    for m in w.paywall.find_iter(line) {
        let id = m.pattern().as_usize();
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    // A sentence of the report that happens to hold two of the words ends with 。: it
    // takes a third to call it a notice.
    let needed = if line.contains('。') { 3 } else { 2 };
    seen.len() >= needed
}

/// A copyright, takedown or disclaimer notice: a short line that speaks of the site, the
/// article or its uploader and says what only such notices say ("转载", "侵权"), or two of
/// the weaker words ("下载", "删除"). The author's "查办侵权案件12起" names no such subject.
fn is_notice(line: &str) -> bool {
    let w = &*WORDS;
    if is_footer(line) {
        return true;
    }
    if line.chars().count() > lexicon::builtin().notices.max_chars
        || !w
            .subjects
            .find_iter(line)
            .any(|m| m.pattern().as_usize() < w.subject_count)
    {
        return false;
    }
    let mut weak = Vec::new();
    for m in w.acts.find_iter(line) {
        let id = m.pattern().as_usize();
        if id < w.act_count {
            return true;
        }
        if !weak.contains(&id) {
            weak.push(id);
        }
    }
    weak.len() >= 2
}

/// The text between the runs of one mark that open and close `line` ("—— … ——", "★ … ★",
/// "【…】"): None when the line is not framed so.
pub(crate) fn framed_inner(line: &str) -> Option<&str> {
    let l = line.trim();
    let first = l.chars().next()?;
    let last = l.chars().next_back()?;
    let close = match first {
        '【' => '】',
        '〖' => '〗',
        '[' => ']',
        c if !(c.is_alphanumeric() || crate::junk::is_han(c) || is_quote_mark(c)) => c,
        _ => return None,
    };
    if last != close || l.len() <= first.len_utf8() + last.len_utf8() {
        return None;
    }
    let inner = l.trim_start_matches(first).trim_end_matches(close);
    let inner = inner.trim_matches([' ', '\u{3000}', '\t']);
    (!inner.is_empty()).then_some(inner)
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '「' | '」' | '『' | '』' | '‘' | '’' | '《' | '》'
    )
}

/// The producer a site's signature names: a decorated line ([`framed_inner`]) that is no
/// sentence, where a short name (2 to 6 Han characters) stands right before a
/// `[notices] producers` word ("—— 墨耕斋出品 · 用心做好每一篇材料 ——" → 墨耕斋). Not a unit
/// signing its own work: a name ending like a unit (`[placeholders] names`: 中心, 局, 县…) or
/// holding a `[brands] never` word.
pub fn producer_name(line: &str) -> Option<&str> {
    let inner = framed_inner(line)?;
    if inner.chars().count() > 30 || inner.contains(['。', '；', '！', '？']) {
        return None;
    }
    let lex = lexicon::builtin();
    lex.notices.producers.iter().find_map(|p| {
        let at = inner.find(p.as_str())?;
        let before = &inner[..at];
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| crate::junk::is_han(c))
            .last()
            .map_or(before.len(), |(i, _)| i);
        let name = &before[start..];
        ((2..=6).contains(&name.chars().count()) && !names_a_unit(name)).then_some(name)
    })
}

/// A name ending like a unit (`[placeholders] names`: 中心, 局, 县…) or holding a
/// `[brands] never` word: a unit signing its own work, never a site.
fn names_a_unit(name: &str) -> bool {
    let lex = lexicon::builtin();
    lex.placeholders
        .names
        .iter()
        .any(|u| name.ends_with(u.as_str()))
        || lex.brands.never.iter().any(|w| name.contains(w.as_str()))
}

/// The name a site's slogan line gives itself: a short name (2 to 6 Han characters), a dot
/// or bar, and a slogan about what the site sells (an `[adverts] offers` word: 公文, 材料,
/// 范文…), no sentence ("文秘猫·让公文写作更简单", "笔杆库 | 材料写作好帮手"). Not a unit's own
/// slogan ("青禾镇·让生活更美好" names no such thing; a name ending like a unit never counts).
pub fn slogan_name(line: &str) -> Option<&str> {
    let l = line.trim();
    let (name, slogan) = l.split_once(['·', '•', '・', '|', '｜', '丨'])?;
    let (name, slogan) = (name.trim(), slogan.trim());
    let offers = &lexicon::builtin().adverts.offers;
    let sells = |s: &str| offers.iter().any(|o| s.contains(o.as_str()));
    ((2..=6).contains(&name.chars().count())
        && name.chars().all(crate::junk::is_han)
        && !names_a_unit(name)
        && !sells(name)
        && !slogan.contains(['·', '•', '・', '|', '｜', '丨'])
        && (2..=20).contains(&slogan.chars().count())
        && !slogan.contains(['。', '，', '；', '！', '？', '：', ':'])
        && sells(slogan))
    .then_some(name)
}

/// A site's footer: "XX网 版权所有 © 2018-2024", "Copyright © XX All Rights Reserved": a
/// short line that is no sentence and no heading, holding a footer mark.
fn is_footer(line: &str) -> bool {
    line.chars().count() <= lexicon::builtin().notices.max_chars
        && !line.contains(['。', '；', '！', '？', '，'])
        && WORDS.footer.is_match(line)
        && crate::outline::line_marker(line).is_none()
}

/// A notice that names no subject (本站, 本文…) but says two different things only such
/// notices say ("XX网（原创首发）——未经授权，禁止转载…"): a site notice when it stands
/// apart closing the text ([`crate::clean`] asks it only of the last line with words, after
/// a blank line). The author's "扎实开展版权保护工作，查办侵权案件12起。" also holds two,
/// which is why the position is asked as well.
pub fn is_unsigned_notice(line: &str) -> bool {
    let w = &*WORDS;
    let notices = &lexicon::builtin().notices;
    // A notice forbids or asks leave ("未经授权，不得转载"); the author's sentence about
    // copyright work reports what was done. Its place alone does not tell them apart: once
    // the site's own lines below it are cleaned away, the author's sentence closes the text.
    if line.chars().count() > notices.max_chars
        || !notices
            .prohibitions
            .iter()
            .any(|p| line.contains(p.as_str()))
    {
        return false;
    }
    let mut acts = Vec::new();
    for m in w.acts.find_iter(line) {
        let id = m.pattern().as_usize();
        if id < w.act_count && !acts.contains(&id) {
            acts.push(id);
        }
    }
    acts.len() >= 2
}

/// How many of the lines after line `header` (of `count`, read with `line`) are the links
/// under a reading-list header ([`crate::junk::is_reading_list_header`],
/// [`crate::junk::reading_list_len`] with titles as the split reads them); 0 when `header` is
/// no such header. The split and cleaning both ask this.
pub(crate) fn reading_list_links<'a>(
    line: impl Fn(usize) -> &'a str,
    header: usize,
    count: usize,
) -> usize {
    // Decided on the length for the adverts (a header is a few words).
    if !crate::junk::is_reading_list_header(line(header)) {
        return 0;
    }
    crate::junk::reading_list_len((header + 1..count).map(line), is_title_shaped)
}

/// Shape of a title line: short, no sentence punctuation at the end, not a numbered heading.
pub(crate) fn is_title_shaped(line: &str) -> bool {
    // Cheapest tests first: most short lines that reach here are numbered headings.
    !line.ends_with(SENTENCE_ENDS)
        && crate::outline::line_marker(line).is_none()
        && (5..=70).contains(&line.chars().count())
        && !line.contains('。')
        && !crate::outline::is_date_line(line)
}

/// Characters a title never ends with.
const SENTENCE_ENDS: [char; 8] = ['。', '，', '；', '：', ':', '！', '？', '、'];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `lines` is of class `class` (None: no site line).
    fn all_of(class: Option<SiteLine>, lines: &[&str]) {
        for line in lines {
            assert_eq!(classify(line), class, "{line}");
        }
    }

    /// Counts after their figure ("1611人看过 · 97人收藏") make a metadata line; one count in
    /// an author's sentence does not.
    #[test]
    fn counts_after_their_figure_are_metadata() {
        all_of(
            Some(SiteLine::Metadata),
            &[
                "更新于2023-01-16 · 1611人看过 · 97人收藏",
                "3521次阅读　12人点赞",
            ],
        );
        for line in [
            "全年举办读书会12场，3000人阅读了推荐书目。",
            "演出共吸引1611人看过",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn site_lines_are_recognised_by_class() {
        let cases = [
            (
                "来源：网络整理  作者：佚名  发布时间：2023-12-05 10:21  阅读：3521次",
                SiteLine::Metadata,
            ),
            (
                "作者：admin | 来源：本站原创 | 点击：88次",
                SiteLine::Metadata,
            ),
            ("发布时间：2023年5月6日　阅读量：532", SiteLine::Metadata),
            ("浏览 86 次", SiteLine::Metadata),
            ("上一篇：2023年党支部工作总结", SiteLine::Navigation),
            ("« 下一篇 2024年工作计划", SiteLine::Navigation),
            ("标签：述职报告 讲话稿", SiteLine::Navigation),
            ("🏷 标签：#对照检查 #民主生活会", SiteLine::Navigation),
            ("▍延伸阅读", SiteLine::ReadingListHeader),
            ("大家都在看👇", SiteLine::ReadingListHeader),
            ("分类：述职报告 ▏阅读量：12050 ▏点赞：8", SiteLine::Metadata),
            ("全部评论 8 条", SiteLine::Metadata),
            ("试看已结束，余下正文请下载APP", SiteLine::PaywallNotice),
            ("相关文章", SiteLine::ReadingListHeader),
            ("【推荐阅读】", SiteLine::ReadingListHeader),
            ("猜你喜欢：", SiteLine::ReadingListHeader),
            ("剩余3250字未读，开通会员查看全文", SiteLine::PaywallNotice),
            (
                "试读已结束，如需继续阅读请下载完整版",
                SiteLine::PaywallNotice,
            ),
            ("点击查看全文", SiteLine::PaywallNotice),
            (
                "扫描下方二维码，即可获取完整版word文档",
                SiteLine::PaywallNotice,
            ),
            (
                "本文系作者授权本站发表，未经许可，不得转载。",
                SiteLine::Notice,
            ),
            (
                "如本文侵犯了您的权益，请与我们联系，我们将在24小时内删除。",
                SiteLine::Notice,
            ),
            ("本文档下载后可任意编辑，欢迎收藏转发", SiteLine::Notice),
            ("上一篇文章：2024年工作要点", SiteLine::Navigation),
            ("本文关键词：述职报告，讲话稿", SiteLine::Navigation),
            ("您可能也喜欢：", SiteLine::ReadingListHeader),
        ];
        for (line, class) in cases {
            assert_eq!(classify(line), Some(class), "{line}");
        }
    }

    /// What a site prints above a compilation's title: its breadcrumb trail or menu, a
    /// byline, a reading-time line, a publish time alone.
    #[test]
    fn header_lines_above_a_title_are_site_lines() {
        let cases = [
            ("墨香公文网 > 工作总结 > 年终总结", SiteLine::Navigation),
            (
                "知行公文苑 | 首页 > 精品范文 > 综合材料",
                SiteLine::Navigation,
            ),
            (
                "当前位置：书山材料库 » 调研报告 » 正文",
                SiteLine::Navigation,
            ),
            ("您的位置：首页 > 心得体会", SiteLine::Navigation),
            (
                "金笔头素材馆首页 | 汇报材料 | 讲话稿 | 述职报告",
                SiteLine::Navigation,
            ),
            ("首页 › 范文大全 › 述职报告", SiteLine::Navigation),
            ("文字丨文海拾贝编辑部　　审核丨小贝", SiteLine::Metadata),
            ("撰稿｜李明　摄影｜王强　责编｜赵六", SiteLine::Metadata),
            ("阅读本文约需12分钟", SiteLine::Metadata),
            ("全文约3200字，预计阅读8分钟", SiteLine::Metadata),
            ("发布时间：2024-12-18 09:42", SiteLine::Metadata),
            ("发布于 2024年3月1日", SiteLine::Metadata),
            ("案头范文网 版权所有 © 2018-2025", SiteLine::Notice),
            (
                "Copyright © 2024 XX网 All Rights Reserved",
                SiteLine::Notice,
            ),
            ("— END —", SiteLine::Navigation),
            ("下载更多讲话稿 >>", SiteLine::Navigation),
            ("查看更多范文 »", SiteLine::Navigation),
            ("XX材料网：点此领取2025全套材料", SiteLine::PaywallNotice),
            ("网友评论（0）　我要评论", SiteLine::Metadata),
            ("更新日期：2025/01/06", SiteLine::Metadata),
        ];
        for (line, class) in cases {
            assert_eq!(classify(line), Some(class), "{line}");
        }
    }

    /// Trails with other arrows or openers, a page's row of buttons, a row of tags.
    #[test]
    fn arrow_trails_button_rows_and_tag_rows_are_navigation() {
        for line in [
            "首页 -> 范文大全 -> 工作总结",
            "导航：网站首页 -> 讲话致辞 -> 实施方案",
            "您所在位置：首页 >> 对照检查 >> 浏览文章",
            "您所在位置：首頁 >> 研討發言 >>",
            "當前位置：首頁 » 範文中心 » 工作總結 » 正文",
            "首页 → 公文写作 → 讲话稿",
            "收藏本文 | 打印本页 | 关闭窗口",
            "返回列表 ｜ 打印本页 ｜ 收藏本文",
            "【字体：大 中 小】",
            "分享到：微信 微博 QQ空间",
            "点赞(12) 收藏(3) 评论(0)",
            "▲ 返回顶部",
            "#研讨发言# #公文写作# #材料#",
            "公文在线·公文范文频道",
            "办公资源站 · 公文频道",
        ] {
            assert_eq!(classify(line), Some(SiteLine::Navigation), "{line}");
        }
    }

    /// A site's stamp with no field colon: a date with a clock time, or a site's verb beside a
    /// date, a time ago or a count, among short pieces. An author's line with a date, a
    /// meeting's time and place, or a 落款 stays.
    #[test]
    fn a_sites_stamp_without_field_colons_is_metadata() {
        all_of(
            Some(SiteLine::Metadata),
            &[
                "原创 张三 2023-05-06 发表于某某网",
                "原创 笔尖上的舞者 笔尖上的舞者 2022-08-15 09:25 发表于山东",
                "2023-05-06 10:21 · 阅读 2.3万",
                "某某 发布于 3天前",
                "笔尖上的舞者  写作导航网  2025-12-03 13:16",
                "发布人：编辑部小禾 ｜ 更新于 2023-09-26 17:33 ｜ 围观 35524 人次",
                "收录于合集 #公文写作 214个",
                "全文约 26000 字 · 预计阅读 46 分钟",
                "全文约XX字，阅读需7分钟",
            ],
        );
        for line in [
            "2023年5月6日，县委召开全县经济工作会议，部署全年工作。",
            "会议时间：2024年3月5日 09:30",
            "时间：2024年3月5日上午9:30  地点：县政府三楼会议室",
            "XX县应急管理局  2024年1月5日",
            "县应急管理局",
            "2024年1月5日",
            "原创作品评选获奖12件",
            "阅读推广活动26场",
            "全年发布政务信息1200条",
            "论文发表于2023年第3期",
            "（2025年12月8日）",
            "原创 2024年度工作总结",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    /// A site's decorated signature names its producer; a unit signing its own work, or a
    /// framed line with no producer, is no such line.
    #[test]
    fn a_decorated_signature_names_the_sites_producer() {
        for (line, name) in [
            ("—— 墨耕斋出品 · 用心做好每一篇材料 ——", "墨耕斋"),
            ("★ 笔友汇整理 ★", "笔友汇"),
            ("【材料侠原创】", "材料侠"),
        ] {
            assert_eq!(producer_name(line), Some(name), "{line}");
            assert_eq!(classify(line), Some(SiteLine::Notice), "{line}");
        }
        for line in [
            "—— 县融媒体中心出品 ——",
            "—— 在全县经济工作会议上的讲话 ——",
            "——记优秀共产党员张三同志",
            "墨耕斋出品 · 用心做好每一篇材料",
            "—— 用心做好每一篇材料。我们精心整理了全年的工作。——",
        ] {
            assert_eq!(producer_name(line), None, "{line}");
        }
    }

    /// A site's slogan line names the site; a unit's slogan, a title with a dot, a
    /// sentence do not.
    #[test]
    fn a_slogan_line_names_the_site() {
        for (line, name) in [
            ("文秘猫·让公文写作更简单", "文秘猫"),
            ("笔杆库 | 材料写作好帮手", "笔杆库"),
        ] {
            assert_eq!(slogan_name(line), Some(name), "{line}");
            assert_eq!(classify(line), Some(SiteLine::Notice), "{line}");
        }
        for line in [
            "青禾镇·让生活更美好",
            "县融媒体中心·权威发布",
            "党建引领·凝聚基层治理合力",
            "青禾镇·材料汇编",
            "学习强国·学习材料，认真阅读。",
        ] {
            assert_eq!(slogan_name(line), None, "{line}");
        }
    }

    /// A notice that names no subject forbids something; the author's sentence about
    /// copyright work, with as many of the notice words, does not.
    #[test]
    fn an_unsigned_notice_forbids_and_the_authors_sentence_reports() {
        assert!(is_unsigned_notice(
            "云栖范文阁出品——未经授权，不得转载或摘编，违者追究责任。"
        ));
        assert!(is_unsigned_notice(
            "XX网（原创首发）——未经授权，禁止转载、摘编"
        ));
        for line in [
            "扎实开展版权保护工作，全年查处侵权盗版案件4起。",
            "严厉打击侵权盗版行为，版权执法检查覆盖率达到百分之百。",
        ] {
            assert!(!is_unsigned_notice(line), "{line}");
        }
    }

    /// Report lines that use the words of a class but not its shape stay content.
    #[test]
    fn content_that_mentions_the_words_is_not_a_site_line() {
        for line in [
            "全年网站浏览量同比增长15%，政务新媒体粉丝突破3万人。",
            "新吸纳会员单位12家，协会会员总数达到86家。",
            "我们将在新的起点上，奋力书写乡村振兴工作的下一篇章。",
            "开通“一网通办”服务，群众点击即可查看办理进度。",
            "全县共有付费停车泊位1200个，全部实现扫码缴费。",
            "时间：2023年5月6日 地点：县政府三楼会议室",
            "截至目前，累计发布政策解读文章36篇，点击量超过12万次。",
            "一、全文贯彻落实会议精神",
            "（三）关于剩余资金的使用",
            "作者简介",
            "相关文章的撰写要求",
            "关于下一篇章的几点思考",
            "发布会上，我们通报了全年阅读推广活动的情况",
            "扎实开展版权保护工作，查办侵权案件12起。",
            "推行“扫码即办”，群众扫描二维码即可查询办理进度。",
            "规划完整版文本已在政府门户网站公开，接受社会监督。",
            "本文件由县政府办公室负责解释，各单位可下载参考。",
            "严禁下载、传播涉密文件，全年开展保密检查12次。",
            "本报告数据来源：县统计局、县发展改革局。",
            "申请 > 受理 > 审核 > 办结",
            "申请 -> 受理 -> 办结",
            "投入 → 产出 → 见效",
            "导航系统 → 定位 → 调度",
            "评论",
            "点赞、收藏、评论量同比增长20%",
            "收藏",
            "大 中 小",
            "分享经验做法",
            "#1 高炉",
            "#1机组 #2机组检修完成",
            "点击“惠企政策”栏目免费下载申报表格",
            "开设“廉政之窗”专栏",
            "新闻频道",
            "优秀 > 良好 > 合格",
            "2024/12/18",
            "每天阅读时间不少于30分钟",
            "阅读时间：每周二下午",
            "发布时间：每季度第一个月",
            "文字材料｜图片资料｜视频资料",
            "项目名称 | 投资额 | 进度",
            "一、坚持党建引领 > 二、强化服务",
            "（三）版权所有人合法权益保护",
            "ENDING",
            "产值>>1000万元",
            "下一步，完善网友评论回复机制",
            "依法保护著作权人的版权所有权益，全年查处侵权案件4起。",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }
}
