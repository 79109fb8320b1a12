//! Brand words a site injects into the author's sentences ("被州县两级采纳哒哒君42篇").
//! The brands are harvested from the document's own advert lines — never from a built-in
//! list — and then deleted wherever they appear in content lines. No dependency on egui.

use crate::junk::{self, BrandNames};

/// The brand names the advert lines carry, longest first. A bare brand (哒哒 from
/// 【哒哒素材库】) counts only when at least two different advert lines name it.
pub fn harvest<'a>(advert_lines: impl Iterator<Item = &'a str> + Clone) -> Vec<String> {
    let mut names = BrandNames::default();
    for line in advert_lines.clone() {
        junk::brand_names(line, &mut names);
    }
    let mut out: Vec<String> = names.explicit;
    for stem in names.stems {
        let lines = advert_lines
            .clone()
            .filter(|l| l.contains(stem.as_str()))
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
}
