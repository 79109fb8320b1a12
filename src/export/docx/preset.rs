//! The 公文 format preset (GB/T 9704-2012 by default): page, fonts, sizes and font
//! fallbacks, loadable from a TOML file. Pure data; no file access except `Preset::load`.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Everything the .docx export lets a user change. Missing fields take the standard's values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Preset {
    pub page: PageSetup,
    pub fonts: Fonts,
    pub sizes: Sizes,
    /// Bold for the level-2 （一） and level-3 1. headings.
    pub bold_headings: bool,
    /// Yellow highlight on unfilled placeholders (XX, ××…).
    pub highlight_placeholders: bool,
    /// A run-in heading ("（一）加强领导。全县…") is two paragraphs joined by Word's style
    /// separator (a hidden paragraph mark, `w:specVanish`): only the heading phrase carries
    /// the outline level, so the navigation pane and the table of contents show the
    /// phrase, not the whole paragraph. Off (the default), it is one paragraph with the
    /// level on it: LibreOffice 7.4 shows the two paragraphs on two lines.
    pub style_separator: bool,
    /// A title longer than this many characters is broken into balanced lines.
    pub title_line_chars: usize,
    /// Right indent of the date line, in characters (GB/T 9704: 右空四字).
    pub date_right_chars: f32,
    /// For each font, the fonts to use where it is not installed, best first.
    pub fallbacks: BTreeMap<String, Vec<String>>,
}

/// A4 with the 156 × 225 mm text block of GB/T 9704.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PageSetup {
    pub width_mm: f32,
    pub height_mm: f32,
    pub top_mm: f32,
    pub bottom_mm: f32,
    /// The binding side.
    pub left_mm: f32,
    pub right_mm: f32,
    /// From the bottom edge of the page to the bottom of the page-number line.
    pub footer_mm: f32,
    /// Characters per line of the document grid.
    pub chars_per_line: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Fonts {
    pub title: String,
    pub body: String,
    /// 一、
    pub heading1: String,
    /// （一）
    pub heading2: String,
    /// 1.
    pub heading3: String,
    /// （1）
    pub heading4: String,
    pub page_number: String,
    /// Latin letters and digits everywhere except the page number.
    pub latin: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sizes {
    /// 2号.
    pub title_pt: f32,
    /// 3号, also the headings.
    pub body_pt: f32,
    /// 4号.
    pub page_number_pt: f32,
    /// Exact line spacing and document-grid pitch.
    pub line_pt: f32,
}

impl Default for Preset {
    fn default() -> Self {
        let fallbacks = [
            ("方正小标宋简体", &["华文中宋", "宋体"][..]),
            ("仿宋_GB2312", &["仿宋"][..]),
            ("楷体_GB2312", &["楷体"][..]),
            ("黑体", &["微软雅黑"][..]),
            ("Times New Roman", &["Liberation Serif"][..]),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect();
        Preset {
            page: PageSetup::default(),
            fonts: Fonts::default(),
            sizes: Sizes::default(),
            bold_headings: false,
            highlight_placeholders: true,
            // LibreOffice (7.4) shows the two paragraphs on two lines: off unless asked.
            style_separator: false,
            title_line_chars: 20,
            date_right_chars: 4.0,
            fallbacks,
        }
    }
}

impl Default for PageSetup {
    fn default() -> Self {
        PageSetup {
            width_mm: 210.0,
            height_mm: 297.0,
            top_mm: 37.0,
            bottom_mm: 35.0,
            left_mm: 28.0,
            right_mm: 26.0,
            footer_mm: 23.0,
            chars_per_line: 28,
        }
    }
}

impl Default for Fonts {
    fn default() -> Self {
        Fonts {
            title: "方正小标宋简体".into(),
            body: "仿宋_GB2312".into(),
            heading1: "黑体".into(),
            heading2: "楷体_GB2312".into(),
            heading3: "仿宋_GB2312".into(),
            heading4: "仿宋_GB2312".into(),
            page_number: "宋体".into(),
            latin: "Times New Roman".into(),
        }
    }
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            title_pt: 22.0,
            body_pt: 16.0,
            page_number_pt: 14.0,
            line_pt: 28.0,
        }
    }
}

/// What the problem with a preset file is called in messages.
const WHAT: &str = "公文格式预设";

impl Preset {
    /// Reads a preset from a TOML file; fields left out keep the standard's values.
    pub fn load(path: &Path) -> Result<Preset> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, "读取格式预设", e))?;
        let text = String::from_utf8(bytes).map_err(|_| Error::BadConfig {
            path: path.to_path_buf(),
            what: WHAT,
            detail: "文件不是 UTF-8 编码".into(),
        })?;
        Preset::from_toml(&text).map_err(|detail| Error::BadConfig {
            path: path.to_path_buf(),
            what: WHAT,
            detail,
        })
    }

    /// Parses and checks a preset; the error is a sentence for the user.
    pub fn from_toml(text: &str) -> std::result::Result<Preset, String> {
        let preset: Preset = toml::from_str(text).map_err(|e| e.to_string().trim().to_string())?;
        preset.validate()?;
        Ok(preset)
    }

    /// Rejects values that would give a broken page; the error is a sentence for the user.
    pub fn validate(&self) -> std::result::Result<(), String> {
        let p = &self.page;
        let lengths = [
            ("page.width_mm", p.width_mm),
            ("page.height_mm", p.height_mm),
            ("page.top_mm", p.top_mm),
            ("page.bottom_mm", p.bottom_mm),
            ("page.left_mm", p.left_mm),
            ("page.right_mm", p.right_mm),
            ("page.footer_mm", p.footer_mm),
        ];
        for (name, v) in lengths {
            if !v.is_finite() || !(0.0..=1000.0).contains(&v) {
                return Err(format!("{name} = {v} 不是合理的毫米数"));
            }
        }
        if p.width_mm - p.left_mm - p.right_mm < 20.0 || p.height_mm - p.top_mm - p.bottom_mm < 20.0
        {
            return Err("页边距太大，版心不足 20 毫米".into());
        }
        if !(1..=80).contains(&p.chars_per_line) {
            return Err(format!(
                "page.chars_per_line = {} 应在 1 到 80 之间",
                p.chars_per_line
            ));
        }
        let s = &self.sizes;
        for (name, v) in [
            ("sizes.title_pt", s.title_pt),
            ("sizes.body_pt", s.body_pt),
            ("sizes.page_number_pt", s.page_number_pt),
            ("sizes.line_pt", s.line_pt),
        ] {
            if !v.is_finite() || !(5.0..=100.0).contains(&v) {
                return Err(format!("{name} = {v} 应在 5 到 100 磅之间"));
            }
        }
        let f = &self.fonts;
        for (name, v) in [
            ("fonts.title", &f.title),
            ("fonts.body", &f.body),
            ("fonts.heading1", &f.heading1),
            ("fonts.heading2", &f.heading2),
            ("fonts.heading3", &f.heading3),
            ("fonts.heading4", &f.heading4),
            ("fonts.page_number", &f.page_number),
            ("fonts.latin", &f.latin),
        ] {
            if v.trim().is_empty() {
                return Err(format!("{name} 不能为空"));
            }
        }
        if !(0.0..=20.0).contains(&self.date_right_chars) {
            return Err(format!(
                "date_right_chars = {} 应在 0 到 20 之间",
                self.date_right_chars
            ));
        }
        if self.title_line_chars < 4 {
            return Err(format!("title_line_chars = {} 太小", self.title_line_chars));
        }
        Ok(())
    }

    /// Every distinct font the preset names, in a stable order.
    pub fn font_names(&self) -> Vec<String> {
        let f = &self.fonts;
        let mut names: Vec<String> = Vec::new();
        for n in [
            &f.title,
            &f.body,
            &f.heading1,
            &f.heading2,
            &f.heading3,
            &f.heading4,
            &f.page_number,
            &f.latin,
        ] {
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        names
    }

    /// The first fallback of `font`, if the preset names one.
    pub fn first_fallback(&self, font: &str) -> Option<&str> {
        self.fallbacks
            .get(font)
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    /// This preset with each font that is not in `installed` replaced by its first
    /// installed fallback (fonts without an installed fallback stay as they are).
    pub fn substituted(&self, installed: &[String]) -> Preset {
        let mut out = self.clone();
        let swaps: BTreeMap<String, String> = missing_fonts(self, installed)
            .into_iter()
            .filter(|(_, fallback)| is_installed(fallback, installed))
            .collect();
        let f = &mut out.fonts;
        for slot in [
            &mut f.title,
            &mut f.body,
            &mut f.heading1,
            &mut f.heading2,
            &mut f.heading3,
            &mut f.heading4,
            &mut f.page_number,
            &mut f.latin,
        ] {
            if let Some(to) = swaps.get(slot.as_str()) {
                *slot = to.clone();
            }
        }
        out
    }
}

/// The fonts the preset wants that are not in `installed` (the system's font family
/// names), each with the fallback to use: the first installed one of its fallbacks, else
/// the first it names, else "" when the preset names none.
pub fn missing_fonts(preset: &Preset, installed: &[String]) -> Vec<(String, String)> {
    preset
        .font_names()
        .into_iter()
        .filter(|name| !is_installed(name, installed))
        .map(|name| {
            let options = preset
                .fallbacks
                .get(&name)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let fallback = options
                .iter()
                .find(|f| is_installed(f, installed))
                .or_else(|| options.first())
                .cloned()
                .unwrap_or_default();
            (name, fallback)
        })
        .collect()
}

/// The English and Chinese family names a font goes by; systems list either.
const ALIASES: &[&[&str]] = &[
    &["仿宋_GB2312", "FangSong_GB2312"],
    &["仿宋", "FangSong"],
    &["楷体_GB2312", "KaiTi_GB2312"],
    &["楷体", "KaiTi"],
    &["黑体", "SimHei"],
    &["宋体", "SimSun"],
    &["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S"],
    &["华文中宋", "STZhongsong"],
    &["微软雅黑", "Microsoft YaHei"],
];

fn normalize_font(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `font` (or one of its aliases) is among the installed family names.
pub fn is_installed(font: &str, installed: &[String]) -> bool {
    let want = normalize_font(font);
    let names: Vec<String> = ALIASES
        .iter()
        .find(|group| group.iter().any(|a| normalize_font(a) == want))
        .map(|group| group.iter().map(|a| normalize_font(a)).collect())
        .unwrap_or_else(|| vec![want]);
    installed.iter().any(|i| names.contains(&normalize_font(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn shipped_preset_file_is_the_standard() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/presets/gongwen.toml");
        let loaded = Preset::load(Path::new(path)).expect("presets/gongwen.toml loads");
        assert_eq!(loaded, Preset::default());
    }

    #[test]
    fn partial_file_keeps_the_rest_of_the_standard() {
        let p = Preset::from_toml("bold_headings = true\n[fonts]\nbody = \"仿宋\"\n").unwrap();
        assert!(p.bold_headings);
        assert_eq!(p.fonts.body, "仿宋");
        assert_eq!(p.fonts.title, "方正小标宋简体");
        assert_eq!(p.page.top_mm, 37.0);
    }

    #[test]
    fn bad_file_names_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "[page]\ntop_mm = \"很多\"\n").unwrap();
        let err = Preset::load(&path).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, Error::BadConfig { .. }), "{msg}");
        assert!(msg.contains("top_mm") && msg.contains("p.toml"), "{msg}");

        std::fs::write(&path, "[fonts]\nbodyy = \"仿宋\"\n").unwrap();
        let msg = Preset::load(&path).unwrap_err().to_string();
        assert!(msg.contains("bodyy"), "a typo is named: {msg}");

        std::fs::write(&path, "[page]\nleft_mm = 120\nright_mm = 90\n").unwrap();
        let msg = Preset::load(&path).unwrap_err().to_string();
        assert!(msg.contains("版心"), "{msg}");

        let missing = Preset::load(&dir.path().join("none.toml")).unwrap_err();
        assert!(matches!(missing, Error::Io { .. }));
    }

    #[test]
    fn missing_fonts_with_installed_fallbacks() {
        let p = Preset::default();
        // A typical Windows machine without the government fonts.
        let installed = names(&[
            "SimSun",
            "黑体",
            "FangSong",
            "KaiTi",
            "Times New Roman",
            "Arial",
        ]);
        let missing = missing_fonts(&p, &installed);
        assert_eq!(
            missing,
            vec![
                ("方正小标宋简体".to_string(), "宋体".to_string()),
                ("仿宋_GB2312".to_string(), "仿宋".to_string()),
                ("楷体_GB2312".to_string(), "楷体".to_string()),
            ]
        );
        let sub = p.substituted(&installed);
        assert_eq!(sub.fonts.title, "宋体");
        assert_eq!(sub.fonts.body, "仿宋");
        assert_eq!(sub.fonts.heading3, "仿宋");
        assert_eq!(sub.fonts.heading1, "黑体");
        assert!(missing_fonts(&sub, &installed).is_empty());
    }

    #[test]
    fn all_fonts_present_means_nothing_missing() {
        let p = Preset::default();
        let installed = names(&[
            "方正小标宋简体",
            "仿宋_gb2312",
            "KaiTi_GB2312",
            "SimHei",
            "宋体",
            "Times New Roman",
        ]);
        assert!(missing_fonts(&p, &installed).is_empty());
        // Nothing installed: every font is reported, with the first fallback named.
        let none = missing_fonts(&p, &[]);
        assert_eq!(none.len(), p.font_names().len());
        assert!(none.contains(&("方正小标宋简体".to_string(), "华文中宋".to_string())));
        assert!(none.contains(&("宋体".to_string(), String::new())));
    }
}
