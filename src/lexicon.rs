//! The built-in lexicon (`rules/builtin.toml`): the word lists behind the rules, kept as
//! data and embedded in the binary. Parsed and validated once, on first use; the test
//! below runs the same validation, so a broken file fails the build's tests, not a user.
//! No dependency on anything else in the crate.

use serde::Deserialize;
use std::sync::LazyLock;

/// The embedded file.
const BUILTIN: &str = include_str!("../rules/builtin.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub metadata: Metadata,
    pub navigation: Navigation,
    pub paywall: Paywall,
    pub labels: Labels,
    pub titles: Titles,
    pub placeholders: Placeholders,
}

/// What the words around a placeholder with no suffix or unit say it is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholders {
    pub place_modifiers: Vec<String>,
    pub place_followers: Vec<String>,
    pub place_verbs: Vec<String>,
    pub count_nouns: Vec<String>,
}

/// What report titles look like.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    pub endings: Vec<String>,
    /// Endings that name a genre outright; each ends with one of `endings`.
    pub genre_endings: Vec<String>,
    /// How a speech opens under its title ("同志们").
    pub salutations: Vec<String>,
    pub compilation_words: Vec<String>,
}

/// The site's numbering of the reports before their titles ("篇三：", "范文4：", "NO.3 ").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Words before a Chinese or Arabic number.
    pub words: Vec<String>,
    /// Latin prefixes before Arabic digits.
    pub number_prefixes: Vec<String>,
}

/// Article metadata lines ("来源：…  作者：…  阅读：3521次").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub fields: Vec<String>,
    /// Fields that count views; each is one of `fields`.
    pub counters: Vec<String>,
}

/// Links between a site's articles ("上一篇：…", "标签：…", "相关文章" and its list).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Navigation {
    pub openers: Vec<String>,
    pub reading_list_headers: Vec<String>,
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

/// The lexicon, parsed on first use.
pub fn builtin() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        parse(BUILTIN).unwrap_or_else(|e| panic!("rules/builtin.toml is invalid: {e}"))
    });
    &LEXICON
}

/// Reads and checks a lexicon: no empty list, no empty or padded word, no word twice in a
/// list, every counter field also a field, every genre ending also a title ending.
pub fn parse(toml_text: &str) -> Result<Lexicon, String> {
    let lexicon: Lexicon = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    let p = &lexicon.placeholders;
    let lists: [(&str, &[String]); 16] = [
        ("placeholders.place_modifiers", &p.place_modifiers),
        ("placeholders.place_followers", &p.place_followers),
        ("placeholders.place_verbs", &p.place_verbs),
        ("placeholders.count_nouns", &p.count_nouns),
        ("titles.endings", &lexicon.titles.endings),
        ("titles.genre_endings", &lexicon.titles.genre_endings),
        ("titles.salutations", &lexicon.titles.salutations),
        (
            "titles.compilation_words",
            &lexicon.titles.compilation_words,
        ),
        ("labels.words", &lexicon.labels.words),
        ("labels.number_prefixes", &lexicon.labels.number_prefixes),
        ("metadata.fields", &lexicon.metadata.fields),
        ("metadata.counters", &lexicon.metadata.counters),
        ("navigation.openers", &lexicon.navigation.openers),
        (
            "navigation.reading_list_headers",
            &lexicon.navigation.reading_list_headers,
        ),
        ("paywall.words", &lexicon.paywall.words),
        ("paywall.alone", &lexicon.paywall.alone),
    ];
    for (name, list) in lists {
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
    Ok(lexicon)
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
}
