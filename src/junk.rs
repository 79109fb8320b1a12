//! Recognising junk a material site adds: paywall markers, advert lines and blocks,
//! watermark lines. Shared by the splitter (junk is never a report title) and by cleaning
//! (junk is what it removes). No dependency on egui.

/// Paywall markers, removed wherever they stand.
pub const PAYWALL_MARKERS: [&str; 4] = ["##paidbegin##", "##paidend##", "$$paidbegin$$", "$$paidend$$"];

/// The line with any paywall markers taken out.
pub fn strip_paywall(line: &str) -> std::borrow::Cow<'_, str> {
    if PAYWALL_MARKERS.iter().any(|m| line.contains(m)) {
        let mut s = line.to_string();
        for m in PAYWALL_MARKERS {
            s = s.replace(m, "");
        }
        std::borrow::Cow::Owned(s)
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// True when the whole line is an advert or watermark, never the author's content.
pub fn is_advert_line(line: &str) -> bool {
    let l = line.trim();
    l.starts_with('【') && (l.contains("素材") || l.contains("代笔") || l.contains("公众号"))
        || l.contains("客服")
        || l.contains("公众号")
}
