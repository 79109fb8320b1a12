//! Fonts: egui ships no CJK glyphs, so the system's CJK font (when present) and the bundled
//! Droid Sans Fallback are added behind egui's own fonts. No window ever shows empty boxes.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The bundled fallback (Apache-2.0, licence beside it in assets/fonts).
const BUNDLED_CJK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// Usual places of a CJK system font, best first, per platform.
fn system_candidates() -> &'static [&'static str] {
    if cfg!(target_os = "windows") {
        &[
            "C:\\Windows\\Fonts\\msyh.ttc",
            "C:\\Windows\\Fonts\\msyh.ttf",
            "C:\\Windows\\Fonts\\simsun.ttc",
        ]
    } else if cfg!(target_os = "macos") {
        &[
            "/System/Library/Fonts/PingFang.ttc",
            "/System/Library/Fonts/Hiragino Sans GB.ttc",
            "/System/Library/Fonts/STHeiti Light.ttc",
            "/System/Library/Fonts/STHeiti Medium.ttc",
        ]
    } else {
        &[
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        ]
    }
}

/// The first system CJK font that can be read, if any.
fn system_cjk_font() -> Option<Vec<u8>> {
    system_candidates()
        .iter()
        .find_map(|p| std::fs::read(p).ok().filter(|b| b.len() > 1024))
}

/// The font definitions 清稿 uses: egui's defaults, then the system CJK font, then the
/// bundled one.
pub fn definitions(use_system_font: bool) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let mut fallbacks = Vec::new();
    if use_system_font && let Some(bytes) = system_cjk_font() {
        fonts
            .font_data
            .insert("cjk-system".into(), Arc::new(FontData::from_owned(bytes)));
        fallbacks.push("cjk-system".to_string());
    }
    fonts.font_data.insert(
        "cjk-bundled".into(),
        Arc::new(FontData::from_static(BUNDLED_CJK)),
    );
    fallbacks.push("cjk-bundled".to_string());
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.extend(fallbacks.iter().cloned());
    }
    fonts
}

/// Installs the fonts on a context (the app at start, every UI test).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions(true));
}
