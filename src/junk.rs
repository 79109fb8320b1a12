//! Recognising junk a material site adds: paywall markers, advert lines and blocks,
//! watermark lines, and the brand names those adverts carry. Shared by the splitter (junk is
//! never a report title) and by cleaning (junk is what it removes). No dependency on egui,
//! the outline or the rule set: every function here looks at one line or one text only.
//!
//! Adverts are recognised by a score, not by a brand name: each signal (a contact with a
//! colon, a URL, "下载后可编辑", a 【brand】 opening the line…) adds points, report prose
//! (a sentence with 。, figures with units, words like 群众/落实/建设) takes points away, and
//! only a line reaching [`ADVERT_THRESHOLD`] is an advert. A cheap keyword scan
//! ([`may_be_advert`]) runs first so that the common content line costs one automaton pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The byte order mark (U+FEFF) a file opens with, left at the start of a line wherever
/// files were joined into one compilation: invisible, never the author's.
pub const BOM: char = '\u{feff}';

/// Paywall markers, removed wherever they stand.
pub const PAYWALL_MARKERS: [&str; 4] = [
    "##paidbegin##",
    "##paidend##",
    "$$paidbegin$$",
    "$$paidend$$",
];

/// Byte ranges of the paywall markers in `text`, in order.
pub fn paywall_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    // One finder for every call: this runs on single lines too, where building a substring
    // finder costs more than the search.
    static PAID: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"paid"));
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Every marker starts with # or $: a text without either has none.
    if memchr::memchr2(b'#', b'$', bytes).is_none() {
        return out;
    }
    // Every marker contains "paid"; the two bytes before it say which family it is.
    for hit in PAID.find_iter(bytes) {
        if hit < 2 {
            continue;
        }
        let start = hit - 2;
        if out
            .last()
            .is_some_and(|r: &std::ops::Range<usize>| start < r.end)
        {
            continue;
        }
        if let Some(m) = PAYWALL_MARKERS
            .iter()
            .find(|m| bytes[start..].starts_with(m.as_bytes()))
        {
            out.push(start..start + m.len());
        }
    }
    out
}

/// The line with any paywall markers taken out.
pub fn strip_paywall(line: &str) -> Cow<'_, str> {
    without(line, &paywall_ranges(line))
}

/// `line` with the sorted, disjoint byte `ranges` taken out.
fn without<'a>(line: &'a str, ranges: &[std::ops::Range<usize>]) -> Cow<'a, str> {
    if ranges.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut s = String::with_capacity(line.len());
    let mut pos = 0;
    for r in ranges {
        s.push_str(&line[pos..r.start]);
        pos = r.end;
    }
    s.push_str(&line[pos..]);
    Cow::Owned(s)
}

/// A line scoring at least this much is an advert.
pub const ADVERT_THRESHOLD: i32 = 3;

/// Advert signals and their weights. Positive entries are what adverts say; negative
/// entries are what report prose says. Matched without overlap, longest first, each
/// pattern counted once per line.
const SIGNALS: &[(&str, i32)] = &[
    // Unmistakable: contacts with a colon, URLs, download and copyright boilerplate.
    ("下载后可编辑", 3),
    ("可编辑修改", 3),
    ("可编辑", 3),
    ("本文共", 3),
    ("【推荐阅读】", 3),
    ("【相关阅读】", 3),
    ("【延伸阅读】", 3),
    ("【相关推荐】", 3),
    ("【热门推荐】", 3),
    ("【精彩推荐】", 3),
    ("【往期推荐】", 3),
    ("【猜你喜欢】", 3),
    ("【相关文章】", 3),
    ("版权声明", 3),
    ("版权归", 3),
    ("转载请注明", 3),
    ("如有侵权", 3),
    ("侵权请联系", 3),
    ("侵权删除", 3),
    ("侵删", 3),
    ("本文档由", 3),
    ("本资料由", 3),
    ("本文档来源", 3),
    ("来源于网络", 3),
    ("仅供学习", 3),
    ("仅供个人", 3),
    ("仅供参考学习", 3),
    ("添加客服", 3),
    ("联系客服", 3),
    ("客服：", 3),
    ("客服:", 3),
    ("公众号：", 3),
    ("公众号:", 3),
    ("微信号：", 3),
    ("微信号:", 3),
    ("微信：", 3),
    ("微信:", 3),
    ("QQ：", 3),
    ("QQ:", 3),
    ("qq：", 3),
    ("qq:", 3),
    ("http", 3),
    ("www.", 3),
    ("WWW.", 3),
    (".com", 3),
    ("更新时间：", 3),
    ("更新时间:", 3),
    ("会员群", 3),
    ("svip", 3),
    ("SVIP", 3),
    ("VIP会员", 3),
    ("vip会员", 3),
    ("免费下载", 3),
    ("一键下载", 3),
    ("极速下载", 3),
    ("谨防假冒", 3),
    // Strong hints that real prose can also contain.
    ("公众号", 2),
    ("关注", 2),
    ("点击", 2),
    ("获取更多", 2),
    ("更多范文", 2),
    ("更多资料", 2),
    ("请搜索", 2),
    ("欢迎加入", 2),
    ("有意加入", 2),
    ("请联系", 2),
    ("联系方式", 2),
    ("交流群", 2),
    ("网盘", 2),
    ("原创整理", 2),
    ("整理发布", 2),
    ("精选范文", 2),
    ("范文", 2),
    ("素材库", 2),
    ("文库", 2),
    ("扫码", 2),
    ("代笔", 2),
    ("代写", 2),
    ("网友投稿", 2),
    ("每日更新", 2),
    ("每天更新", 2),
    ("仅供参考", 2),
    ("本文由", 2),
    ("上传", 2),
    // Weak hints.
    ("会员", 1),
    ("下载", 1),
    ("微信", 1),
    ("客服", 1),
    ("素材", 1),
    ("资料", 1),
    ("免费", 1),
    ("干货", 1),
    ("精品", 1),
    ("VIP", 1),
    ("vip", 1),
    ("QQ", 1),
    ("qq", 1),
    ("原创", 1),
    // Report prose.
    ("群众", -1),
    ("工作", -1),
    ("推进", -1),
    ("落实", -1),
    ("开展", -1),
    ("建设", -1),
    ("完成", -1),
    ("加强", -1),
    ("组织", -1),
    ("单位", -1),
    ("全年", -1),
    ("同比", -1),
    ("增长", -1),
    ("政务", -1),
    ("意见", -1),
    ("办结", -1),
    ("指导", -1),
    ("聘请", -1),
    ("积极", -1),
    ("深入", -1),
    ("领导", -1),
    ("干部", -1),
    ("我们", -1),
];

/// Longest page number [`is_page_number_line`] reads, in bytes, spaces around it aside (it
/// looks at lines of up to 8 bytes more).
pub const MAX_PAGE_NUMBER_BYTES: usize = 40;

/// A page number a printed or converted document left on a line of its own: "- 1 -",
/// "— 2 —", "－3－", "第3页", "第 3 页 共 12 页", "第3页/共12页". Never a line with words.
#[inline]
pub fn is_page_number_line(line: &str) -> bool {
    opens_like_layout_line(line.as_bytes())
        && line.len() <= MAX_PAGE_NUMBER_BYTES + 8
        && reads_as_page_number(line)
}

/// Whether a line starting with `bytes` can be a page number or a separator line: it opens
/// with a space, a dash, 第 or a character separators repeat. Decides almost every line on
/// its first byte.
#[inline]
pub fn opens_like_layout_line(bytes: &[u8]) -> bool {
    // A table lookup rules out almost every line before the patterns below are tried.
    const FIRST: [bool; 256] = {
        let mut t = [false; 256];
        let firsts = [
            b' ', b'\t', b'-', b'*', b'=', b'~', b'_', 0xC2, 0xE2, 0xE3, 0xE7, 0xEF,
        ];
        let mut i = 0;
        while i < firsts.len() {
            t[firsts[i] as usize] = true;
            i += 1;
        }
        t
    };
    if !bytes.first().is_some_and(|&b| FIRST[b as usize]) {
        return false;
    }
    match bytes {
        [b' ' | b'\t' | b'-' | b'*' | b'=' | b'~' | b'_', ..] => true,
        // ·
        [0xC2, 0xB7, ..] => true,
        // — – ※ ─ ━, the ideographic space, 第.
        [0xE2, 0x80, 0x94 | 0x93 | 0xBB, ..] | [0xE2, 0x94, 0x80 | 0x81, ..] => true,
        [0xE3, 0x80, 0x80, ..] | [0xE7, 0xAC, 0xAC, ..] => true,
        // － ＊ ＝ ＿ ～
        [0xEF, 0xBC, 0x8D | 0x8A | 0x9D | 0xBF, ..] | [0xEF, 0xBD, 0x9E, ..] => true,
        _ => false,
    }
}

/// [`is_page_number_line`] for a short line opening as a layout line can.
fn reads_as_page_number(line: &str) -> bool {
    const DASHES: [char; 5] = ['-', '—', '–', '－', '─'];
    let l = line.trim_matches([' ', '\t', '\u{3000}']);
    if l.len() > MAX_PAGE_NUMBER_BYTES {
        return false;
    }
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    // A number of at most four digits, spaces around it.
    let number = |s: &str| {
        let s = s.trim_matches([' ', '\u{3000}']);
        (1..=4).contains(&s.chars().count()) && s.chars().all(is_digit)
    };
    if l.starts_with(DASHES) && l.ends_with(DASHES) {
        return number(l.trim_matches(DASHES));
    }
    if !l.starts_with('第') {
        return false;
    }
    // 第N页, then maybe 共M页 after a space, a comma or a slash.
    let page = |s: &str, lead: char| {
        s.strip_prefix(lead)
            .and_then(|s| s.strip_suffix('页'))
            .is_some_and(number)
    };
    let (this, total) = match l.find('共') {
        Some(i) => (
            l[..i].trim_end_matches(['/', '，', ',', ' ', '\u{3000}']),
            Some(&l[i..]),
        ),
        None => (l, None),
    };
    page(this, '第') && total.is_none_or(|t| page(t, '共'))
}

/// Characters a separator line repeats: "————————", "********", "========".
const SEPARATOR_CHARS: [char; 14] = [
    '—', '-', '─', '━', '*', '＊', '=', '＝', '~', '～', '_', '＿', '·', '※',
];

/// A line drawn between two texts, nothing but one character repeated at least three times
/// ("————————", "****************"): a site's or a converter's, not words.
#[inline]
pub fn is_separator_line(line: &str) -> bool {
    let l = line.trim_matches([' ', '\t', '\u{3000}']);
    let Some(first) = l.chars().next() else {
        return false;
    };
    SEPARATOR_CHARS.contains(&first) && l.chars().all(|c| c == first) && l.chars().nth(2).is_some()
}

/// Whether `line` is nothing but a reading-list header: "【推荐阅读】", "相关文章：" (the
/// headers are words of the lexicon, see [`crate::site`]).
pub fn is_reading_list_header(line: &str) -> bool {
    crate::site::is_reading_list_header(line.trim())
}

/// How many of the lines after a reading-list header are its links: the run of lines that
/// look like titles (`is_title`, given the trimmed line) up to a blank line or the end. A
/// run that goes on into body text ends with that text's title, which stays.
pub fn reading_list_len<'a>(
    after: impl IntoIterator<Item = &'a str>,
    is_title: impl Fn(&str) -> bool,
) -> usize {
    let mut links = 0;
    for line in after {
        let line = line.trim();
        if line.is_empty() {
            return links;
        }
        if !is_title(line) {
            return links.saturating_sub(1);
        }
        links += 1;
    }
    links
}

/// The most prose words can take away.
const PROSE_WORDS_CAP: i32 = 3;

/// Punctuation a watermark inserts between two Han characters (公众@号, 微*信, 关.注).
const STRAY: &[char] = &[
    '@', '*', '.', '·', '#', '~', '|', '_', '-', '/', '\\', '^', '&', '%', '!', '$', '+', '=', ' ',
    '\u{3000}', '•', '＊', '＠', '．', '丶', '＃', '～', '｜',
];

/// The ASCII ones rare enough in reports to make a line worth a closer look by themselves.
const RARE_STRAY_BYTES: [u8; 5] = [b'@', b'*', b'~', b'|', b'#'];

/// The keywords that make a line worth scoring: every signal worth 2 or more contains one
/// (a test checks it), and so do 【 and 来源 openings. At most 64 patterns of 3 bytes or
/// more, so the automaton can use its SIMD prefilter: the scan runs over whole
/// compilations and must stay at GB/s on Chinese text.
const TRIGGERS_LIST: &[&str] = &[
    // 4 bytes or more: two automata of 16.
    "客服",
    "微信",
    "QQ：",
    "qq：",
    "http",
    ".com",
    "版权",
    "本文",
    "资料",
    "来源",
    "仅供",
    "更新",
    "会员",
    "谨防",
    "公众",
    "关注",
    "点击",
    "获取更多",
    "搜索",
    "加入",
    "联系",
    "交流群",
    "网盘",
    "原创",
    "整理发布",
    "范文",
    "素材",
    "文库",
    "扫码",
    "代笔",
    "代写",
    "上传",
    // 3 bytes: one automaton. 载 stands for 下载/转载, 侵 for 侵权/侵删, 辑 for 可编辑,
    // 稿 for 投稿; the rest are watermark punctuation.
    "QQ:",
    "qq:",
    "www",
    "WWW",
    "vip",
    "VIP",
    "【",
    "载",
    "侵",
    "辑",
    "稿",
    "＠",
    "＊",
    "丶",
    "•",
];

/// The end of a 【brand】 name that marks it as a site, not a content label like 【典型案例】.
const BRAND_SUFFIXES: &[&str] = &[
    "素材库",
    "素材",
    "文库",
    "范文",
    "代笔",
    "代写",
    "公众号",
    "写作",
    "文秘",
    "网",
    "库",
    "帮",
    "君",
    "站",
    "狗",
    "圈",
    "助手",
    "资料",
    "号",
];

/// Measure words after a figure: "120条", "56家", "2.3万次" are report facts.
const MEASURES: &str = "家个次人条件户项篇名所座元吨亩%％万亿";

struct Signals {
    all: AhoCorasick,
    weights: Vec<i32>,
}

static SIGNAL_SET: LazyLock<Signals> = LazyLock::new(|| {
    let all = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(SIGNALS.iter().map(|(p, _)| *p))
        .expect("static advert signals build");
    Signals {
        all,
        weights: SIGNALS.iter().map(|(_, w)| *w).collect(),
    }
});

/// Patterns per automaton: up to 16 lets aho-corasick use its "slim" Teddy prefilter,
/// several times faster on Chinese text than one automaton with all of them.
const TRIGGERS_PER_SET: usize = 16;

/// The trigger keywords as a few automata: those of 4 bytes or more apart from the short
/// ones, so that Teddy fingerprints 4 bytes (a character and the next lead byte), not 3.
static TRIGGER_SETS: LazyLock<Vec<AhoCorasick>> = LazyLock::new(|| {
    let (long, short): (Vec<&str>, Vec<&str>) = TRIGGERS_LIST.iter().partition(|t| t.len() >= 4);
    long.chunks(TRIGGERS_PER_SET)
        .chain(short.chunks(TRIGGERS_PER_SET))
        .map(|chunk| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostFirst)
                .kind(Some(AhoCorasickKind::DFA))
                .build(chunk)
                .expect("static advert triggers build")
        })
        .collect()
});

/// Start offsets of the lines of `text` worth scoring with [`advert_score`], sorted: the
/// lines holding a trigger keyword or a watermark split. One pass per keyword automaton,
/// skipping to the next line after a hit; a large text is scanned on every core.
pub fn advert_candidate_starts(text: &str) -> Vec<usize> {
    crate::par::flat_map_slices(text, crate::par::PARALLEL_MIN, |range| {
        candidate_starts_in(text, range)
    })
}

/// [`advert_candidate_starts`] for the lines in `range` (line-aligned).
pub(crate) fn candidate_starts_in(text: &str, range: std::ops::Range<usize>) -> Vec<usize> {
    let b = text.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    let mut starts = Vec::new();
    for ac in TRIGGER_SETS.iter() {
        let mut pos = range.start;
        while pos < range.end {
            let Some(m) = ac.find(Input::new(text).span(pos..range.end)) else {
                break;
            };
            starts.push(line_start(m.start()));
            pos = memchr::memchr(b'\n', &b[m.end()..]).map_or(text.len(), |i| m.end() + i + 1);
        }
    }
    starts.extend(
        watermark_splits(&text[range.clone()])
            .map(|i| i + range.start)
            .map(line_start),
    );
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Offsets of rare watermark punctuation standing between two Han characters (公众@号);
/// cleaning runs it once over a whole text inside [`advert_candidate_starts`].
pub fn watermark_splits(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    let [a, c, d, e, f] = RARE_STRAY_BYTES;
    memchr::memchr3_iter(a, c, d, b)
        .chain(memchr::memchr2_iter(e, f, b))
        .filter(move |&i| {
            text[..i].chars().next_back().is_some_and(is_han)
                && text[i + 1..].chars().next().is_some_and(is_han)
        })
}

/// Cheap first check: false means the line is certainly not an advert.
pub fn may_be_advert(line: &str) -> bool {
    TRIGGER_SETS.iter().any(|ac| ac.is_match(line)) || watermark_splits(line).next().is_some()
}

/// True when the whole line is an advert or watermark, never the author's content.
pub fn is_advert_line(line: &str) -> bool {
    may_be_advert(line) && advert_score(line) >= ADVERT_THRESHOLD
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// The line with watermark punctuation between two Han characters removed (公众@号 →
/// 公众号), or the line itself when it has none.
pub fn unsplit_watermark(line: &str) -> Cow<'_, str> {
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut prev_han = false;
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if prev_han && STRAY.contains(&c) && it.peek().is_some_and(|&(_, n)| is_han(n)) {
            cuts.push(i..i + c.len_utf8());
        }
        prev_han = is_han(c);
    }
    without(line, &cuts)
}

/// How much the line looks like an advert: at least [`ADVERT_THRESHOLD`] is an advert,
/// 1 or 2 is suspicious (an advert block may take it along), 0 or less is content.
pub fn advert_score(line: &str) -> i32 {
    let stripped = strip_paywall(line);
    let unsplit = unsplit_watermark(stripped.trim());
    let l: &str = &unsplit;
    if l.is_empty() {
        return 0;
    }
    let set = &*SIGNAL_SET;
    let mut seen = vec![false; set.weights.len()];
    let mut score = 0;
    let mut prose = 0;
    for m in set.all.find_iter(l) {
        let id = m.pattern().as_usize();
        if std::mem::replace(&mut seen[id], true) {
            continue;
        }
        let w = set.weights[id];
        if w < 0 {
            prose -= w;
        } else {
            score += w;
        }
    }
    score -= prose.min(PROSE_WORDS_CAP);
    score += bracket_brand_score(l);
    if ["来源：", "来源:", "来源 :", "来源 ："]
        .iter()
        .any(|p| l.starts_with(p))
    {
        score += 2;
    }
    let chars = l.chars().count();
    if l.contains('。') && chars >= 25 {
        score -= 2;
    }
    if has_figure_with_unit(l) {
        score -= 1;
    }
    score
}

/// 【brand】 opening the line: +2, +1 more when the name ends like a site's.
fn bracket_brand_score(l: &str) -> i32 {
    let Some(rest) = l.strip_prefix('【') else {
        return 0;
    };
    let Some(close) = rest.find('】') else {
        return 0;
    };
    let name = &rest[..close];
    // 【范文2】 is the site's number for a report (see [`crate::label`]), not its name.
    if name.chars().count() > 20 || crate::label::label_len(name) == Some(name.len()) {
        return 0;
    }
    if BRAND_SUFFIXES.iter().any(|s| name.ends_with(s)) || name.contains("公众号") {
        3
    } else {
        2
    }
}

/// A figure followed by a measure word ("120条", "2.3万次", "56家"): report facts.
fn has_figure_with_unit(l: &str) -> bool {
    let mut prev_digit = false;
    for c in l.chars() {
        if prev_digit && MEASURES.contains(c) {
            return true;
        }
        prev_digit = c.is_ascii_digit() || (prev_digit && (c == '.' || c == '多' || c == '余'));
    }
    false
}

/// Words adverts use that are never a brand by themselves.
const GENERIC_WORDS: &[&str] = &[
    "素材",
    "素材库",
    "公文",
    "范文",
    "材料",
    "写作",
    "文秘",
    "资料",
    "会员",
    "客服",
    "公众号",
    "微信",
    "平台",
    "网站",
    "代笔",
    "代写",
    "文库",
    "原创",
    "精品",
    "干货",
    "更多",
    "免费",
    "下载",
    "关注",
    "小伙伴",
    "各位",
    "我们",
    "官方",
    "唯一",
    "本站",
    "网盘",
];

/// Endings taken off a bracketed site name to get its bare brand (哒哒素材库 → 哒哒).
const SITE_ENDINGS: &[&str] = &[
    "素材库",
    "素材网",
    "素材",
    "文库",
    "范文网",
    "范文",
    "代笔",
    "代写",
    "公众号",
    "写作",
    "资料库",
    "资料",
    "网",
];

/// Brand names an advert line names: the text in 【…】, the name after 公众号：/认准, and
/// a bracketed name with its site ending taken off. `explicit` names come from a bracket
/// or a 公众号 label; `stems` are bare brands that only count when they recur.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BrandNames {
    pub explicit: Vec<String>,
    pub stems: Vec<String>,
}

/// Collects the brand names in one advert line (see [`BrandNames`]).
pub fn brand_names(line: &str, out: &mut BrandNames) {
    let l = unsplit_watermark(line.trim());
    let push = |v: &mut Vec<String>, name: &str| {
        let name = name.trim();
        let n = name.chars().count();
        if (2..=12).contains(&n)
            && name.chars().any(is_han)
            && !GENERIC_WORDS.contains(&name)
            && !v.iter().any(|x| x == name)
        {
            v.push(name.to_string());
        }
    };
    let mut rest: &str = &l;
    while let Some(open) = rest.find('【') {
        let after = &rest[open + '【'.len_utf8()..];
        let Some(close) = after.find('】') else {
            break;
        };
        let name = &after[..close];
        let name = name.rsplit(['：', ':']).next().unwrap_or(name);
        push(&mut out.explicit, name);
        for end in SITE_ENDINGS {
            if let Some(stem) = name.strip_suffix(end) {
                push(&mut out.stems, stem);
                break;
            }
        }
        rest = &after[close..];
    }
    for label in ["公众号：", "公众号:", "认准"] {
        let mut rest: &str = &l;
        while let Some(at) = rest.find(label) {
            let after = &rest[at + label.len()..];
            let end = after
                .char_indices()
                .find(|&(_, c)| !(is_han(c) || c.is_ascii_alphanumeric()))
                .map(|(i, _)| i)
                .unwrap_or(after.len());
            let name = &after[..end];
            if name.chars().all(is_han) {
                push(&mut out.explicit, name);
            }
            rest = &after[end..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paywall_markers_come_out_and_text_beside_them_stays() {
        assert_eq!(
            strip_paywall("##paidbegin##2023年XX区卫生健康工作总结"),
            "2023年XX区卫生健康工作总结"
        );
        assert_eq!(strip_paywall("$$paidend$$"), "");
        assert_eq!(
            strip_paywall("正文$$paidbegin$$正文##paidend##"),
            "正文正文"
        );
        assert!(matches!(strip_paywall("没有标记的行"), Cow::Borrowed(_)));
        assert_eq!(paywall_ranges("a##paidend##b"), vec![1..12]);
        // "paid" alone is no marker.
        assert!(paywall_ranges("prepaid card #paid#").is_empty());
    }

    #[test]
    fn seed_style_adverts_are_adverts() {
        for l in [
            "【哒哒素材库】——每天更新材料1000多篇内部高质量素材，会员群+网盘群同步每日更新，一键精准搜索、一键快速查找、一键极速下载，有意加入请联系：1 4367，：9 649564",
            "欢迎加入“哒哒素材库svip会员”，9000万字材料，轻松解决您的各类素材需求！添加客服：cwk,请各位小伙伴认准哒哒，哒哒唯一平台（公众号：哒哒君、：cwk），谨防假冒！",
            "【哒哒代笔】——原创高质量保障、高度保密，各类代笔（润笔），好评如潮！PPT设计、各类杂志报刊网站(共产党员网等)代发布业务，持续接单中，需要的小伙伴请代笔客服：cwk",
            "【笔杆子文库】更多精品范文请关注公众号",
            "本文档由会员上传，仅供参考学习",
            "更多范文请访问 www.xxfanwen.com",
            "本文来源于网络，如有侵权请联系删除",
            "【公众号：写材料的老王】每日更新",
            "关注微信公众号获取更多资料",
            "【范文网】免费下载 Word 版本",
            "扫码加入写作交流群",
            "本资料由【材料狗】整理发布",
            "版权声明：转载请注明出处",
            "【文秘帮】精选范文",
            "下载后可编辑修改",
            "联系QQ：12345678 获取全套资料",
            "点击关注，获取更多干货",
            "本文由AI辅助生成，仅供参考",
            "来源:网友投稿",
            "更新时间:2023-11-03 10:21",
            "本文档由笔杆子文库用户上传，下载后可编辑",
            "https://www.example.cn/doc/123.html",
        ] {
            assert!(
                is_advert_line(l),
                "not recognised as an advert: {l} (score {})",
                advert_score(l)
            );
        }
    }

    #[test]
    fn watermarks_with_stray_punctuation_are_adverts() {
        for l in [
            "公众@号：笔杆子文库",
            "微*信：abc123 更多范文",
            "关.注公众号，获取更多资料",
            "##paidbegin##客服：cwk",
        ] {
            assert!(
                is_advert_line(l),
                "not recognised: {l} (score {})",
                advert_score(l)
            );
        }
        assert_eq!(unsplit_watermark("公众@号"), "公众号");
        // Stray punctuation between digits or Latin letters is left for the scorer as is.
        assert_eq!(unsplit_watermark("PM2.5"), "PM2.5");
    }

    #[test]
    fn content_lines_with_advert_words_are_never_adverts() {
        for l in [
            "指导群众下载国家反诈中心APP2.3万次",
            "开通政务服务公众号，发布信息120条",
            "设立群众来信来访接待室，来源于群众的意见建议全部办结",
            "会员单位达到56家",
            "聘请法律顾问，提供仅供参考的意见",
            "建立微信群、QQ群等联系群众渠道，全年解答咨询300余条。",
            "四、关注民生",
            "（三）加强公众号建设",
            "【典型案例】XX镇创新开展矛盾纠纷化解，全年化解纠纷120件。",
            "【基本情况】",
            "来源：XX市统计局",
            "二是迅速宣传动员。9月19日，召开局主题教育动员大会，全体D员干部参加，正式拉开主题教育帷幕。运用AAA群督促学习，在单位内部挂横幅，张贴共产D员网音频二维码等营造浓厚氛围。",
            "严禁找人代写心得体会，杜绝照搬照抄。",
            "推行群众扫码评价，收集意见建议320条。",
            "组织党员干部关注“学习强国”平台，全年积分排名全市第一。",
            "上传各类数据资料1200余份，完成率100%。",
            "",
            "   ",
        ] {
            assert!(
                !is_advert_line(l),
                "content taken for an advert: {l} (score {})",
                advert_score(l)
            );
        }
    }

    #[test]
    fn page_numbers_on_their_own_lines() {
        for line in [
            "- 1 -",
            "—2—",
            "－ 3 －",
            "  — 12 —  ",
            "– 7 –",
            "第4页",
            "第 5 页 共 12 页",
            "第6页/共12页",
            "第７页，共９页",
        ] {
            assert!(is_page_number_line(line), "{line}");
        }
        for line in [
            "第一部分",
            "第3页的表格",
            "- 详见附件 -",
            "—— END ——",
            "-5%",
            "1-2月",
            "第X页",
            "（一）抓好落实",
            "第 5 页 共 12 页，见附表",
            "- 12345 -",
        ] {
            assert!(!is_page_number_line(line), "{line}");
        }
    }

    #[test]
    fn separator_lines_repeat_one_character() {
        for line in [
            "————————",
            "****************",
            " ======= ",
            "---",
            "※※※※",
            "～～～～",
        ] {
            assert!(is_separator_line(line), "{line}");
            assert!(opens_like_layout_line(line.as_bytes()), "{line}");
        }
        for line in [
            "——",
            "—— END ——",
            "**注意**",
            "-=-=-=",
            "……",
            "一一一一",
            "",
        ] {
            assert!(!is_separator_line(line), "{line}");
        }
    }

    #[test]
    fn reading_lists_end_at_a_blank_line_or_before_the_next_title() {
        assert!(is_reading_list_header("【推荐阅读】"));
        assert!(is_reading_list_header(" 相关文章： "));
        assert!(!is_reading_list_header("【推荐阅读】XX镇2023年工作总结"));
        let title = |l: &str| l.ends_with("总结");
        assert_eq!(
            reading_list_len(["甲镇总结", "乙村总结", "", "丙"], title),
            2
        );
        assert_eq!(reading_list_len(["甲镇总结", "乙村总结"], title), 2);
        // The last title opens the text after it: it stays.
        assert_eq!(
            reading_list_len(["甲镇总结", "乙村总结", "正文。"], title),
            1
        );
        assert_eq!(reading_list_len(["", "甲镇总结"], title), 0);
    }

    #[test]
    fn the_cheap_check_never_hides_an_advert() {
        // Every line the scorer calls an advert passes the keyword pre-check.
        for text in crate::test_seed::compilations() {
            for l in text.lines() {
                if advert_score(l) >= ADVERT_THRESHOLD {
                    assert!(may_be_advert(l), "{l}");
                }
            }
        }
    }

    #[test]
    fn every_strong_signal_is_found_by_the_cheap_check() {
        assert!(TRIGGERS_LIST.iter().all(|t| t.len() >= 3));
        // Three automata in all: two of long keywords, one of short.
        assert!(TRIGGERS_LIST.iter().filter(|t| t.len() >= 4).count() <= 2 * TRIGGERS_PER_SET);
        assert!(TRIGGERS_LIST.iter().filter(|t| t.len() < 4).count() <= TRIGGERS_PER_SET);
        for (sig, w) in SIGNALS {
            if *w >= 2 {
                assert!(
                    TRIGGERS_LIST.iter().any(|t| sig.contains(t)),
                    "no trigger finds {sig}"
                );
            }
        }
    }

    #[test]
    fn on_the_fixture_only_the_two_adverts_are_adverts() {
        let adverts: Vec<usize> = crate::test_seed::COMPILATION
            .lines()
            .enumerate()
            .filter(|(_, l)| is_advert_line(l))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(adverts, vec![39, 40]);
    }

    #[test]
    fn on_the_seed_only_the_four_closing_adverts_are_adverts() {
        let Some(seed) = crate::test_seed::seed() else {
            return;
        };
        let adverts: Vec<usize> = seed
            .lines()
            .enumerate()
            .filter(|(_, l)| is_advert_line(l))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(adverts, vec![294, 295, 296, 297]);
    }

    #[test]
    fn brand_names_come_from_brackets_and_labels() {
        let mut b = BrandNames::default();
        brand_names("【哒哒素材库】——每天更新材料", &mut b);
        brand_names(
            "请各位小伙伴认准哒哒，哒哒唯一平台（公众号：哒哒君、：cwk），谨防假冒！",
            &mut b,
        );
        brand_names("【哒哒代笔】——原创高质量保障", &mut b);
        brand_names("【公众号：笔杆子素材】每日更新", &mut b);
        brand_names("【范文网】免费下载", &mut b);
        let mut explicit = b.explicit.clone();
        explicit.sort();
        let mut want = vec![
            "哒哒素材库",
            "哒哒",
            "哒哒君",
            "哒哒代笔",
            "笔杆子素材",
            "范文网",
        ];
        want.sort();
        assert_eq!(explicit, want);
        // 范文 is a plain word, never a brand.
        assert_eq!(b.stems, vec!["哒哒", "笔杆子"]);
    }
}
