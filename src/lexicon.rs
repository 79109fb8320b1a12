//! The built-in lexicon (`rules/builtin.toml`): the word lists behind the rules, kept as
//! data and embedded in the binary. Parsed and validated once, on first use; the test
//! below runs the same validation, so a broken file fails the build's tests, not a user.
//!
//! A user's rule file may hold sections of the same shape; they are merged into the
//! built-in ones the way helix merges a user's `languages.toml` into its own ([`merged`]):
//! a list of words extends the built-in list, a number or a string replaces the built-in
//! value. The merged lexicon is put in use once, before the first use ([`install`]), since
//! what is derived from it (automata, keyword sets) is built once too.
//! No dependency on anything else in the crate.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded file.
const BUILTIN: &str = include_str!("../rules/builtin.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub metadata: Metadata,
    pub navigation: Navigation,
    pub paywall: Paywall,
    pub notices: Notices,
    pub labels: Labels,
    pub pages: Pages,
    pub titles: Titles,
    pub placeholders: Placeholders,
    pub adverts: Adverts,
    pub brands: Brands,
    pub masked: Masked,
    pub title_breaks: TitleBreaks,
    pub traditional: Traditional,
    pub glued: Glued,
}

/// What a site glues in brackets to the end of an author's line ("【VIP可见】", "（收藏）").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glued {
    pub tags: Vec<String>,
}

/// Traditional forms of simplified characters. The lists that need them ([`Titles`], and
/// the suffix and unit lists of [`Placeholders`]) hold them once loaded, after the words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Traditional {
    /// A simplified character followed by its traditional form or forms: "区區", "汇匯彙".
    pub pairs: Vec<String>,
    #[serde(skip)]
    map: HashMap<char, Vec<char>>,
}

/// What an advert line says, by weight ([`crate::junk`]): phrases adverts use, and words
/// of report prose that take points away.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adverts {
    /// A line scoring at least this much is an advert.
    pub threshold: i32,
    /// The most the prose words of one line take away in all.
    pub prose_cap: i32,
    /// Worth [`Adverts::CERTAIN`] points each.
    pub certain: Vec<String>,
    /// Worth [`Adverts::STRONG`] points each.
    pub strong: Vec<String>,
    /// Worth [`Adverts::WEAK`] point each.
    pub weak: Vec<String>,
    /// Report prose: [`Adverts::PROSE`] each, at most `prose_cap` in all.
    pub prose: Vec<String>,
    /// Measure words after a figure ("120条", "56家"): report facts, a point off.
    pub measures: String,
    /// What a government unit's own call to follow or scan serves: 群众, 办理, 政策… A line
    /// that scores as an advert with none of the `certain` phrases, holding one of these and
    /// none of the `offers`, is the unit's text.
    pub services: Vec<String>,
    /// What a site's advert offers to take away: 范文, 资料, 全文, Word…
    pub offers: Vec<String>,
}

impl Adverts {
    pub const CERTAIN: i32 = 3;
    pub const STRONG: i32 = 2;
    pub const WEAK: i32 = 1;
    pub const PROSE: i32 = -1;

    /// Every phrase with its weight: certain, strong, weak, then prose, each in file order.
    pub fn signals(&self) -> impl Iterator<Item = (&str, i32)> {
        fn tier(words: &[String], w: i32) -> impl Iterator<Item = (&str, i32)> {
            words.iter().map(move |s| (s.as_str(), w))
        }
        tier(&self.certain, Self::CERTAIN)
            .chain(tier(&self.strong, Self::STRONG))
            .chain(tier(&self.weak, Self::WEAK))
            .chain(tier(&self.prose, Self::PROSE))
    }
}

/// Brand names in advert lines ([`crate::junk::brand_names`], [`crate::clean`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brands {
    /// How a 【name】 opening a line ends when it is a site's (【哒哒素材库】), not a label.
    pub bracket_endings: Vec<String>,
    /// Words adverts use that are never a brand by themselves.
    pub generic: Vec<String>,
    /// Endings taken off a site's name to get its bare brand, the first that fits.
    pub site_endings: Vec<String>,
    /// Words of the government or the Party: a name holding one is never a brand.
    pub never: Vec<String>,
    /// How often the word list must have seen a two-character name for it to be a common
    /// word, never taken for a brand.
    pub common_word_count: u32,
    /// What an advert says right before its site's name: 认准, 关注, 搜索, 由…
    pub cues_before: Vec<String>,
    /// What it says right after it: 整理, 出品, 小程序, 吧…
    pub cues_after: Vec<String>,
}

/// The neighbours that tell a masked 党 ("D员") or GDP ("全年DP") ([`crate::clean`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Masked {
    pub party_after: Vec<String>,
    pub party_before: Vec<String>,
    pub letter_after: Vec<String>,
    pub gdp_before: Vec<String>,
    pub gdp_after: Vec<String>,
    pub not_gdp_after: Vec<String>,
}

/// Words of 公文 titles a line break in a Word title should not cut ([`crate::export`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleBreaks {
    pub words: Vec<String>,
}

/// What the words around a placeholder say it is: the suffix or unit after it, or, with
/// none, the words around it. The suffix and unit lists hold their traditional forms too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholders {
    pub place_modifiers: Vec<String>,
    pub place_followers: Vec<String>,
    pub place_verbs: Vec<String>,
    pub count_nouns: Vec<String>,
    /// Name suffixes after a placeholder: XX区, XX公司.
    pub names: Vec<String>,
    /// Units and measure words after a figure: XX万元, XX亩, XX个.
    pub units: Vec<String>,
    /// 万/亿/千…: a unit may follow ("XX万元") or not ("XX万").
    pub multipliers: Vec<String>,
    /// Common words that open with a suffix or unit but are neither (XX人民, XX部分).
    pub not_suffixes: Vec<String>,
    /// Letters that stand for a unit right after a figure (XXkg, XXkW).
    pub letter_units: Vec<String>,
}

/// What report titles look like. Every list holds its words' traditional forms too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    pub endings: Vec<String>,
    /// Endings that name a genre outright; each ends with one of `endings`.
    pub genre_endings: Vec<String>,
    /// How a speech opens under its title ("同志们").
    pub salutations: Vec<String>,
    pub compilation_words: Vec<String>,
    /// What a compilation's title counts its pieces with, closing it: …（6篇）, …三篇.
    pub piece_counters: Vec<String>,
}

/// The site's numbering of the reports before their titles ("篇三：", "范文4：", "NO.3 ").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Words before a Chinese or Arabic number.
    pub words: Vec<String>,
    /// Latin prefixes before Arabic digits.
    pub number_prefixes: Vec<String>,
    /// What follows 第 and a number in a site's numbering: 第3篇, 第二则.
    pub counters: Vec<String>,
    /// Brackets a numbering may stand in, each an opening and a closing character: 【】.
    pub brackets: Vec<String>,
    /// Characters that may close a numbering before the title: ： | 》 —.
    pub separators: Vec<String>,
}

/// Page numbers and running headers a printed page leaves in the text ("第3页（共12页）").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pages {
    /// Page phrases with spaces taken out and every number written N: "第N页(共N页)".
    pub shapes: Vec<String>,
}

/// Article metadata lines ("来源：…  作者：…  阅读：3521次").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub fields: Vec<String>,
    /// Fields that count views; each is one of `fields`.
    pub counters: Vec<String>,
    /// Fields that date the page ("发布时间"); one with nothing but a date after it is a
    /// metadata line on its own.
    pub dated: Vec<String>,
    /// How a reading-time or length line opens ("阅读本文约需12分钟", "全文约3200字").
    pub reading_openers: Vec<String>,
    /// The units such a line counts in: 分钟, 字…
    pub reading_units: Vec<String>,
    /// Counts a page gives after their figure ("1611人看过"): two make a metadata line.
    pub counted_after: Vec<String>,
    /// What a site says of its page with no field colon ("发表于", "原创", "围观"): a short
    /// line of short pieces, one opening with such a word, with a date, a time ago or a count
    /// is a metadata line.
    pub verbs: Vec<String>,
    /// A time ago ("3天前", "刚刚"): the figure, if any, comes before it.
    pub ago: Vec<String>,
    /// Roles of who made the page ("编辑 | 小文"), one a line.
    pub credits: Vec<String>,
}

/// Links between a site's articles ("上一篇：…", "标签：…", "相关文章" and its list).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Navigation {
    pub openers: Vec<String>,
    pub reading_list_headers: Vec<String>,
    /// How a breadcrumb trail opens ("当前位置：").
    pub breadcrumb_openers: Vec<String>,
    /// Arrows between the steps of a breadcrumb trail ("XX网 > 栏目 > 正文").
    pub breadcrumb_arrows: Vec<String>,
    /// Bars between the steps of a trail or a site's menu ("XX首页 | 汇报材料 | 讲话稿").
    pub breadcrumb_bars: Vec<String>,
    /// Steps only a site's trail or menu holds ("首页", "正文").
    pub home_words: Vec<String>,
    /// What a page's closing mark says ("— END —").
    pub end_marks: Vec<String>,
    /// What a link to more of the site says ("下载更多讲话稿 >>").
    pub link_words: Vec<String>,
    /// A page's own buttons, each enough with another or alone ("收藏本文", "打印本页",
    /// "分享到"): a row of them is navigation.
    pub page_actions: Vec<String>,
    /// A page's buttons that are plain words ("点赞", "收藏", "评论"): a row of two or more.
    pub page_controls: Vec<String>,
    /// What stands beside those buttons: the sizes of 字体, the places 分享到 sends to.
    pub page_options: Vec<String>,
    /// What a site calls a section of itself ("XX网 · 公文范文频道"): 频道, 栏目…
    pub channel_words: Vec<String>,
    /// Marks opening each line of a list of other articles ("→ …", "☞ …").
    pub link_bullets: String,
    /// Words of the header of readers' comments ("全部评论 8 条").
    pub comment_words: Vec<String>,
    /// Words of the short header above such a list ("同类范文推荐", "你可能还想看").
    pub list_header_words: Vec<String>,
}

/// Paywall and truncation notices ("剩余3250字未读，开通会员查看全文").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paywall {
    pub words: Vec<String>,
    /// Words that make a short line a notice by themselves.
    pub alone: Vec<String>,
    pub max_chars: usize,
}

/// Copyright, takedown and disclaimer notices ("如本文侵犯了您的权益，请联系我们删除").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notices {
    /// Who a site's notice speaks of: 本站, 本文, 网友, 原作者…
    pub subjects: Vec<String>,
    /// Words that hold a subject but name something else: 本文件.
    pub not_subjects: Vec<String>,
    /// What only such a notice says: 侵权, 转载, 版权…
    pub acts: Vec<String>,
    /// What it says besides: 删除, 下载, 仅供…; two of them stand for one of `acts`.
    pub weak_acts: Vec<String>,
    /// What only a site's footer says: ©, Copyright, 版权所有, ICP备…
    pub footer_marks: Vec<String>,
    /// How a notice forbids or asks leave: 未经, 不得, 禁止… A notice naming no subject
    /// ([`crate::site::is_unsigned_notice`]) says one.
    pub prohibitions: Vec<String>,
    /// What follows a producer's name on a site's signature line ("—— XX出品 · 用心做好每一篇
    /// 材料 ——"): 出品, 整理, 制作…
    pub producers: Vec<String>,
    pub max_chars: usize,
}

/// The lexicon in use, fixed on first use: the built-in one, or the one [`install`] put in
/// its place before.
static IN_USE: OnceLock<Lexicon> = OnceLock::new();

/// The lexicon in use: the built-in lists, with the user's word lists when a rule file
/// holding some was installed before the first use.
pub fn builtin() -> &'static Lexicon {
    IN_USE.get_or_init(|| {
        parse(BUILTIN).unwrap_or_else(|e| panic!("rules/builtin.toml is invalid: {e}"))
    })
}

/// Puts the built-in lexicon extended by `user`'s word lists ([`merged`]) in use. Only the
/// first lexicon used counts for a run: returns `Ok(false)` when one was already in use
/// (the lists then take effect on the next start), an error when the lists are refused.
pub fn install(user: &toml::Table) -> Result<bool, String> {
    if user.is_empty() {
        return Ok(true);
    }
    let lexicon = merged(user)?;
    Ok(IN_USE.set(lexicon).is_ok())
}

/// The names of the sections of the lexicon ("adverts", "brands"…), as a rule file uses them.
pub fn sections() -> Vec<String> {
    builtin_table().keys().cloned().collect()
}

fn builtin_table() -> toml::Table {
    toml::from_str(BUILTIN).unwrap_or_else(|e| panic!("rules/builtin.toml is invalid: {e}"))
}

/// The built-in lexicon extended by `user`: sections of the shape of `rules/builtin.toml`.
/// A list of words adds its words to the built-in list (a word already there is not added
/// twice); a number or a string replaces the built-in value. Refused, with the section and
/// the entry named (in Chinese: the message reaches the user): an unknown section or entry,
/// a value of another kind than the built-in one, an empty or padded word, and a result that
/// breaks a rule of the lexicon (a word in two advert tiers…).
pub fn merged(user: &toml::Table) -> Result<Lexicon, String> {
    use toml::Value;
    let mut base = builtin_table();
    let names = |t: &toml::Table| t.keys().cloned().collect::<Vec<_>>().join("、");
    let known_sections = names(&base);
    for (section, value) in user {
        let Some(Value::Table(into)) = base.get_mut(section) else {
            return Err(format!(
                "没有名为 [{section}] 的词表（可用的有：{known_sections}）"
            ));
        };
        let Value::Table(entries) = value else {
            return Err(format!("[{section}] 应是一节词表，不是单个值"));
        };
        for (key, new) in entries {
            let known = names(into);
            let Some(old) = into.get_mut(key) else {
                return Err(format!(
                    "[{section}] 中没有名为 {key} 的词表（可用的有：{known}）"
                ));
            };
            match (old, new) {
                (Value::Array(words), Value::Array(added)) => {
                    for (i, w) in added.iter().enumerate() {
                        let Some(w) = w.as_str() else {
                            return Err(format!("[{section}] {key} 的第 {} 项不是文字", i + 1));
                        };
                        if w.is_empty() || w.trim() != w {
                            return Err(format!(
                                "[{section}] {key} 的第 {} 项“{}”是空的，或首尾有空格",
                                i + 1,
                                w.escape_debug()
                            ));
                        }
                        if !words.iter().any(|x| x.as_str() == Some(w)) {
                            words.push(Value::String(w.to_string()));
                        }
                    }
                }
                (old @ Value::Integer(_), new @ Value::Integer(_))
                | (old @ Value::String(_), new @ Value::String(_)) => *old = new.clone(),
                (old, _) => {
                    let kind = match old {
                        Value::Array(_) => "文字列表",
                        Value::Integer(_) => "整数",
                        _ => "文字",
                    };
                    return Err(format!("[{section}] {key} 应是{kind}"));
                }
            }
        }
    }
    let lexicon: Lexicon = Value::Table(base)
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    finish(lexicon).map_err(|e| format!("加入这些词后词表不成立：{e}"))
}

/// Reads and checks a lexicon: no empty list, no empty or padded word, no word twice in a
/// list, every counter field also a field, every genre ending also a title ending, no advert
/// phrase in two tiers, each traditional pair one character and its other forms. Then adds
/// the traditional forms to the lists that get them.
pub fn parse(toml_text: &str) -> Result<Lexicon, String> {
    finish(toml::from_str(toml_text).map_err(|e| e.to_string())?)
}

/// [`parse`] of a lexicon read: the checks, then the traditional forms.
fn finish(mut lexicon: Lexicon) -> Result<Lexicon, String> {
    for (name, list) in lexicon.lists() {
        if list.is_empty() {
            return Err(format!("{name} is empty"));
        }
        let mut seen = std::collections::HashSet::new();
        for w in list {
            if w.is_empty() || w.trim() != w {
                return Err(format!("{name} has an empty or padded word {w:?}"));
            }
            if !seen.insert(w) {
                return Err(format!("{name} lists {w:?} twice"));
            }
        }
    }
    let subset = |name: &str, part: &[String], whole: &[String]| match part
        .iter()
        .find(|w| !whole.contains(w))
    {
        Some(w) => Err(format!("{name}: {w:?} is missing from the main list")),
        None => Ok(()),
    };
    subset(
        "metadata.counters",
        &lexicon.metadata.counters,
        &lexicon.metadata.fields,
    )?;
    subset(
        "metadata.dated",
        &lexicon.metadata.dated,
        &lexicon.metadata.fields,
    )?;
    let t = &lexicon.titles;
    if let Some(g) = t
        .genre_endings
        .iter()
        .find(|g| !t.endings.iter().any(|e| g.ends_with(e.as_str())))
    {
        return Err(format!(
            "titles.genre_endings: {g:?} ends with none of titles.endings"
        ));
    }
    check_adverts(&lexicon.adverts)?;
    let mut map = HashMap::new();
    for pair in &lexicon.traditional.pairs {
        let mut chars = pair.chars();
        let (Some(simplified), forms) = (chars.next(), chars.collect::<Vec<char>>()) else {
            continue;
        };
        if forms.is_empty() || forms.contains(&simplified) {
            return Err(format!(
                "traditional.pairs: {pair:?} is not a character followed by its other forms"
            ));
        }
        if map.insert(simplified, forms).is_some() {
            return Err(format!("traditional.pairs lists {simplified:?} twice"));
        }
    }
    lexicon.traditional.map = map;
    // The lists read with their traditional forms get them once, here.
    let t = &mut lexicon.titles;
    let p = &mut lexicon.placeholders;
    let (m, n, w, o) = (
        &mut lexicon.metadata,
        &mut lexicon.navigation,
        &mut lexicon.paywall,
        &mut lexicon.notices,
    );
    // The site lines too: a site that converts its pages converts its own lines with them.
    let derived: [&mut Vec<String>; 36] = [
        &mut t.endings,
        &mut t.genre_endings,
        &mut t.salutations,
        &mut t.compilation_words,
        &mut t.piece_counters,
        &mut p.names,
        &mut p.units,
        &mut p.multipliers,
        &mut p.not_suffixes,
        &mut m.fields,
        &mut m.counters,
        &mut m.dated,
        &mut m.reading_openers,
        &mut m.reading_units,
        &mut m.counted_after,
        &mut m.verbs,
        &mut m.ago,
        &mut n.openers,
        &mut n.reading_list_headers,
        &mut n.breadcrumb_openers,
        &mut n.home_words,
        &mut n.link_words,
        &mut n.page_actions,
        &mut n.page_controls,
        &mut n.channel_words,
        &mut w.words,
        &mut w.alone,
        &mut o.subjects,
        &mut o.not_subjects,
        &mut o.acts,
        &mut o.weak_acts,
        &mut o.footer_marks,
        &mut o.prohibitions,
        &mut o.producers,
        &mut lexicon.labels.words,
        &mut lexicon.pages.shapes,
    ];
    for list in derived {
        *list = lexicon.traditional.with_forms(list);
    }
    Ok(lexicon)
}

fn check_adverts(a: &Adverts) -> Result<(), String> {
    if a.threshold < 1 || a.prose_cap < 0 {
        return Err(format!(
            "adverts: threshold ({}) must be positive and prose_cap ({}) not negative",
            a.threshold, a.prose_cap
        ));
    }
    if a.measures.is_empty() || a.measures.contains(char::is_whitespace) {
        return Err("adverts.measures must be characters with no space between".into());
    }
    let tiers = [
        ("adverts.certain", &a.certain),
        ("adverts.strong", &a.strong),
        ("adverts.weak", &a.weak),
        ("adverts.prose", &a.prose),
    ];
    for (i, (name, words)) in tiers.iter().enumerate() {
        for (other, other_words) in &tiers[i + 1..] {
            if let Some(w) = words.iter().find(|w| other_words.contains(w)) {
                return Err(format!("{w:?} is in both {name} and {other}"));
            }
        }
    }
    // The cheap keyword check finds a strong phrase by a piece of it of 3 bytes or more.
    for (name, words) in &tiers[..2] {
        if let Some(w) = words.iter().find(|w| w.len() < 3) {
            return Err(format!(
                "{name}: {w:?} is shorter than 3 bytes (one Han character or three letters)"
            ));
        }
    }
    Ok(())
}

impl Lexicon {
    /// Every word list, named `section.entry` as in the file.
    fn lists(&self) -> Vec<(&'static str, &[String])> {
        let (p, t, a, b, m) = (
            &self.placeholders,
            &self.titles,
            &self.adverts,
            &self.brands,
            &self.masked,
        );
        vec![
            ("placeholders.place_modifiers", &p.place_modifiers),
            ("placeholders.place_followers", &p.place_followers),
            ("placeholders.place_verbs", &p.place_verbs),
            ("placeholders.count_nouns", &p.count_nouns),
            ("placeholders.names", &p.names),
            ("placeholders.units", &p.units),
            ("placeholders.multipliers", &p.multipliers),
            ("placeholders.not_suffixes", &p.not_suffixes),
            ("placeholders.letter_units", &p.letter_units),
            ("titles.endings", &t.endings),
            ("titles.genre_endings", &t.genre_endings),
            ("titles.salutations", &t.salutations),
            ("titles.compilation_words", &t.compilation_words),
            ("titles.piece_counters", &t.piece_counters),
            ("labels.words", &self.labels.words),
            ("labels.number_prefixes", &self.labels.number_prefixes),
            ("labels.counters", &self.labels.counters),
            ("labels.brackets", &self.labels.brackets),
            ("labels.separators", &self.labels.separators),
            ("pages.shapes", &self.pages.shapes),
            ("metadata.fields", &self.metadata.fields),
            ("metadata.credits", &self.metadata.credits),
            ("metadata.counters", &self.metadata.counters),
            ("metadata.dated", &self.metadata.dated),
            ("metadata.reading_openers", &self.metadata.reading_openers),
            ("metadata.reading_units", &self.metadata.reading_units),
            ("metadata.counted_after", &self.metadata.counted_after),
            ("metadata.verbs", &self.metadata.verbs),
            ("metadata.ago", &self.metadata.ago),
            ("navigation.openers", &self.navigation.openers),
            (
                "navigation.reading_list_headers",
                &self.navigation.reading_list_headers,
            ),
            (
                "navigation.breadcrumb_openers",
                &self.navigation.breadcrumb_openers,
            ),
            (
                "navigation.breadcrumb_arrows",
                &self.navigation.breadcrumb_arrows,
            ),
            (
                "navigation.breadcrumb_bars",
                &self.navigation.breadcrumb_bars,
            ),
            ("navigation.home_words", &self.navigation.home_words),
            ("navigation.end_marks", &self.navigation.end_marks),
            ("navigation.link_words", &self.navigation.link_words),
            ("navigation.page_actions", &self.navigation.page_actions),
            ("navigation.page_controls", &self.navigation.page_controls),
            ("navigation.page_options", &self.navigation.page_options),
            ("navigation.channel_words", &self.navigation.channel_words),
            (
                "navigation.list_header_words",
                &self.navigation.list_header_words,
            ),
            ("paywall.words", &self.paywall.words),
            ("paywall.alone", &self.paywall.alone),
            ("notices.subjects", &self.notices.subjects),
            ("notices.not_subjects", &self.notices.not_subjects),
            ("notices.acts", &self.notices.acts),
            ("notices.weak_acts", &self.notices.weak_acts),
            ("notices.footer_marks", &self.notices.footer_marks),
            ("notices.prohibitions", &self.notices.prohibitions),
            ("notices.producers", &self.notices.producers),
            ("adverts.certain", &a.certain),
            ("adverts.strong", &a.strong),
            ("adverts.weak", &a.weak),
            ("adverts.prose", &a.prose),
            ("adverts.services", &a.services),
            ("adverts.offers", &a.offers),
            ("brands.bracket_endings", &b.bracket_endings),
            ("brands.generic", &b.generic),
            ("brands.site_endings", &b.site_endings),
            ("brands.never", &b.never),
            ("brands.cues_before", &b.cues_before),
            ("brands.cues_after", &b.cues_after),
            ("masked.party_after", &m.party_after),
            ("masked.party_before", &m.party_before),
            ("masked.letter_after", &m.letter_after),
            ("masked.gdp_before", &m.gdp_before),
            ("masked.gdp_after", &m.gdp_after),
            ("masked.not_gdp_after", &m.not_gdp_after),
            ("title_breaks.words", &self.title_breaks.words),
            ("traditional.pairs", &self.traditional.pairs),
            ("glued.tags", &self.glued.tags),
        ]
    }
}

impl Traditional {
    /// `words`, then the traditional-character form of each that has one (区 → 區, 开发区
    /// → 開發區; 汇报 → 匯報 and 彙報), for sites that convert their pages. Every character
    /// of `[traditional]` in a word is converted; a form already in the list is not repeated.
    fn with_forms(&self, words: &[String]) -> Vec<String> {
        let map = &self.map;
        let mut out: Vec<String> = words.to_vec();
        for w in words {
            let mut forms = vec![String::new()];
            for c in w.chars() {
                forms = match map.get(&c) {
                    Some(trad) => forms
                        .iter()
                        .flat_map(|f| trad.iter().map(move |t| format!("{f}{t}")))
                        .collect(),
                    None => forms.into_iter().map(|f| format!("{f}{c}")).collect(),
                };
            }
            for f in forms {
                if f != *w && !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_is_valid() {
        parse(BUILTIN).unwrap();
    }

    #[test]
    fn a_broken_lexicon_is_refused_with_the_list_named() {
        let doubled = BUILTIN.replacen("\"上一篇\",", "\"上一篇\", \"上一篇\",", 1);
        assert!(parse(&doubled).unwrap_err().contains("navigation.openers"));
        let unknown = format!("{BUILTIN}\n[extra]\nx = 1\n");
        assert!(parse(&unknown).is_err());
    }

    #[test]
    fn traditional_forms_are_derived_for_every_word_once_listed_by_hand() {
        // The forms rules/builtin.toml listed pair by pair before they were derived.
        let lex = builtin();
        let (t, p) = (&lex.titles, &lex.placeholders);
        let cases: [(&[String], &[&str]); 7] = [
            (
                &t.endings,
                &[
                    "總結",
                    "計劃",
                    "報告",
                    "匯報",
                    "彙報",
                    "謀劃",
                    "規劃",
                    "要點",
                    "講話",
                    "發言",
                    "發言稿",
                    "述職",
                    "情況",
                    "意見",
                    "提綱",
                    "對照檢查",
                    "心得體會",
                    "體會",
                    "調研",
                    "舉措",
                    "致詞",
                    "賀詞",
                    "主持詞",
                    "講稿",
                    "演講稿",
                    "倡議書",
                    "黨課",
                ],
            ),
            (
                &t.genre_endings,
                &[
                    "講話",
                    "發言",
                    "致詞",
                    "心得體會",
                    "述職報告",
                    "調研報告",
                    "實施方案",
                    "工作要點",
                    "對照檢查材料",
                    "情況匯報",
                    "情況報告",
                    "工作總結",
                    "工作計劃",
                ],
            ),
            (&t.salutations, &["同志們", "各位領導", "各位來賓"]),
            (
                &t.compilation_words,
                &["彙編", "匯編", "合輯", "範文", "精選"],
            ),
            (
                &p.names,
                &[
                    "區",
                    "縣",
                    "鎮",
                    "鄉",
                    "社區",
                    "園區",
                    "開發區",
                    "醫院",
                    "學校",
                    "集團",
                    "辦",
                    "廳",
                    "隊",
                    "單位",
                    "銀行",
                    "辦事處",
                    "辦公室",
                    "委員會",
                    "居委會",
                    "管委會",
                    "衛生院",
                    "學院",
                    "幼兒園",
                    "黨委",
                    "黨支部",
                    "人民醫院",
                    "市場",
                    "館",
                ],
            ),
            (
                &p.units,
                &[
                    "噸", "畝", "戶", "個", "項", "場", "臺", "輛", "條", "棟", "間", "頭", "塊",
                    "屆", "類", "節", "場次", "週",
                ],
            ),
            (&p.multipliers, &["萬", "億"]),
        ];
        for (list, forms) in cases {
            for f in forms {
                assert!(list.iter().any(|w| w == f), "{f} is not derived");
            }
        }
    }

    #[test]
    fn a_traditional_form_converts_every_character_it_knows() {
        let lex = parse(BUILTIN).unwrap();
        let forms = lex.traditional.with_forms(&[
            "汇报".to_string(),
            "开发区".to_string(),
            "方案".to_string(),
        ]);
        assert_eq!(forms, ["汇报", "开发区", "方案", "匯報", "彙報", "開發區"]);
        let bad = BUILTIN.replacen("\"万萬\",", "\"万万\",", 1);
        assert!(parse(&bad).unwrap_err().contains("traditional.pairs"));
    }

    #[test]
    fn an_advert_phrase_in_two_tiers_is_refused() {
        let twice = BUILTIN.replacen("weak = [\n", "weak = [\n    \"下载后可编辑\",", 1);
        let e = parse(&twice).unwrap_err();
        assert!(
            e.contains("adverts.certain") && e.contains("adverts.weak"),
            "{e}"
        );
    }

    fn table(text: &str) -> toml::Table {
        toml::from_str(text).unwrap()
    }

    /// A user's sections merge into the built-in ones as helix merges languages.toml: a
    /// list gains the new words (and its traditional forms where the list gets them), a
    /// number is replaced, the other lists stay as built.
    #[test]
    fn a_users_word_lists_extend_the_builtin_ones() {
        let lex = merged(&table(
            "[adverts]\nstrong = [\"准时推送\", \"扫码\"]\nthreshold = 4\n\n\
             [placeholders]\nnames = [\"片区\"]\n",
        ))
        .unwrap();
        let base = parse(BUILTIN).unwrap();
        assert_eq!(lex.adverts.strong.len(), base.adverts.strong.len() + 1);
        assert!(lex.adverts.strong.ends_with(&["准时推送".to_string()]));
        assert_eq!(lex.adverts.threshold, 4);
        assert_eq!(lex.adverts.certain, base.adverts.certain);
        assert!(lex.placeholders.names.iter().any(|w| w == "片區"));
    }

    #[test]
    fn a_users_word_lists_are_refused_with_section_and_entry_named() {
        for (text, want) in [
            ("[advert]\nstrong = [\"x\"]\n", "[advert]"),
            ("[adverts]\nsure = [\"准时推送\"]\n", "sure"),
            ("[adverts]\nstrong = \"准时推送\"\n", "strong 应是文字列表"),
            (
                "[adverts]\nstrong = [\"准时推送\", \"\"]\n",
                "strong 的第 2 项",
            ),
            ("[adverts]\nthreshold = \"3\"\n", "threshold 应是整数"),
            // In two tiers once merged.
            ("[adverts]\nweak = [\"下载后可编辑\"]\n", "adverts.weak"),
        ] {
            let e = merged(&table(text)).map(|_| ()).unwrap_err();
            assert!(e.contains(want), "{text}: {e}");
        }
    }
}
