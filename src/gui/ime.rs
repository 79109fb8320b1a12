//! Keeps the window's input method (IME) context alive while the keyboard focus moves
//! between text fields, so a Chinese input method stays in the mode the user chose.
//!
//! egui asks the integration to "interrupt the composition" whenever a widget requests the
//! focus (every click into a text field, [`egui::Response::request_focus`]), and reports no
//! IME at all in a frame where no text field has the focus (Shift+Tab, Tab onto a button, a
//! click on a button between two fields). egui-winit answers the first with
//! `set_ime_allowed(false)` then `set_ime_allowed(true)`, the second with the same pair over
//! two frames. On X11 winit then destroys the window's input context and creates a new one,
//! and fcitx5 or ibus start every new context in English: the writer who switched to pinyin
//! in one field found Latin letters in the next, and pressed Ctrl+Space in each of twenty
//! fields. Native GTK and Qt programs keep one context per window and so keep the mode.
//!
//! [`KeepIme`] edits each frame's output before the integration sees it: the interrupt is
//! dropped, and a frame without a focused text field keeps the last field's IME area, so the
//! IME is never disallowed once a text field has used it.
//!
//! Without the interrupt, a composition the input method draws inside the text (Wayland,
//! Windows, macOS, XIM "on the spot") would stay behind as pinyin letters where the user
//! clicked away from it, since egui only removes a composition when it receives the next
//! IME event. So a mouse press during such a composition is held back one frame, and the
//! field still holding the focus first receives an empty commit that removes the letters;
//! the input method's own composition then continues at the new caret.
//!
//! On X11 it also moves the reported caret to the caret's bottom: winit hands the top of the
//! caret to the input method as the XIM spot, which X defines as the baseline of the text,
//! so fcitx5 drew its candidate window over the line being typed.

/// The egui plugin that keeps the IME allowed (see the module documentation). One per
/// [`egui::Context`]; 清稿 has one viewport per process.
#[derive(Debug, Default)]
pub struct KeepIme {
    /// The IME area of the last frame in which a text field had the focus.
    last: Option<egui::output::IMEOutput>,
    /// The window talks XIM (X11), where the spot is the text's baseline.
    x11: bool,
    /// A composition is drawn inside the text (the last preedit event was not empty).
    composing: bool,
    /// Input held back to the next frame, behind the end of a composition.
    deferred: Vec<egui::Event>,
}

impl egui::plugin::Plugin for KeepIme {
    fn debug_name(&self) -> &'static str {
        "qinggao::gui::ime::KeepIme"
    }

    fn input_hook(&mut self, ctx: &egui::Context, input: &mut egui::RawInput) {
        if !self.deferred.is_empty() {
            let mut events = std::mem::take(&mut self.deferred);
            events.append(&mut input.events);
            input.events = events;
        }
        self.deferred = end_composition_before_press(&mut self.composing, &mut input.events);
        if !self.deferred.is_empty() {
            ctx.request_repaint();
        }
    }

    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut egui::FullOutput) {
        keep(&mut self.last, &mut output.platform_output, self.x11);
    }
}

/// The rule of [`KeepIme`] on one frame's output.
fn keep(last: &mut Option<egui::output::IMEOutput>, out: &mut egui::PlatformOutput, x11: bool) {
    match &mut out.ime {
        Some(ime) => {
            ime.should_interrupt_composition = false;
            if x11 {
                let c = ime.cursor_rect;
                ime.cursor_rect = egui::Rect::from_x_y_ranges(c.x_range(), c.max.y..=c.max.y);
            }
            *last = Some(*ime);
        }
        None => out.ime = *last,
    }
}

/// Follows the composition through `events`; at a mouse press during a composition drawn in
/// the text, ends the composition there with an empty commit and returns the press and all
/// that follows it, for the next frame.
fn end_composition_before_press(
    composing: &mut bool,
    events: &mut Vec<egui::Event>,
) -> Vec<egui::Event> {
    for i in 0..events.len() {
        match &events[i] {
            egui::Event::Ime(egui::ImeEvent::Preedit { text, .. }) => *composing = !text.is_empty(),
            egui::Event::Ime(egui::ImeEvent::Commit(_)) => *composing = false,
            egui::Event::PointerButton { pressed: true, .. } if *composing => {
                *composing = false;
                let later = events.split_off(i);
                events.push(egui::Event::Ime(egui::ImeEvent::Commit(String::new())));
                return later;
            }
            _ => {}
        }
    }
    Vec::new()
}

/// Whether winit will open the window on X11: the rule of its Linux/BSD event loop (Wayland
/// when `WAYLAND_DISPLAY` or `WAYLAND_SOCKET` names one, else X11).
fn on_x11() -> bool {
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    cfg!(all(
        unix,
        not(target_os = "macos"),
        not(target_os = "android")
    )) && !set("WAYLAND_DISPLAY")
        && !set("WAYLAND_SOCKET")
}

/// Adds [`KeepIme`] to `ctx` (a second call does nothing).
pub fn install(ctx: &egui::Context) {
    ctx.add_plugin(KeepIme {
        x11: on_x11(),
        ..KeepIme::default()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(x: f32) -> egui::output::IMEOutput {
        egui::output::IMEOutput {
            purpose: egui::IMEPurpose::Normal,
            rect: egui::Rect::from_min_size(egui::pos2(x, 0.0), egui::vec2(100.0, 20.0)),
            cursor_rect: egui::Rect::from_min_size(egui::pos2(x, 0.0), egui::vec2(1.0, 20.0)),
            should_interrupt_composition: false,
        }
    }

    #[test]
    fn a_frame_without_a_text_field_keeps_the_last_area_and_no_interrupt_reaches_the_window() {
        let mut last = None;
        let keep = |last: &mut _, out: &mut _| keep(last, out, false);
        // Nothing has used the IME yet: it stays disallowed.
        let mut out = egui::PlatformOutput::default();
        keep(&mut last, &mut out);
        assert_eq!(out.ime, None);
        // A click into a field: egui asks to interrupt; the window keeps its context.
        let mut out = egui::PlatformOutput {
            ime: Some(egui::output::IMEOutput {
                should_interrupt_composition: true,
                ..area(10.0)
            }),
            ..Default::default()
        };
        keep(&mut last, &mut out);
        assert_eq!(out.ime, Some(area(10.0)));
        // A frame in transit, no field focused: still allowed, at the last caret.
        let mut out = egui::PlatformOutput::default();
        keep(&mut last, &mut out);
        assert_eq!(out.ime, Some(area(10.0)));
    }

    #[test]
    fn a_press_during_a_composition_in_the_text_waits_for_an_empty_commit() {
        let preedit = |t: &str| {
            egui::Event::Ime(egui::ImeEvent::Preedit {
                text: t.into(),
                active_range_chars: None,
            })
        };
        let press = egui::Event::PointerButton {
            pos: egui::pos2(5.0, 5.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        };
        let moved = egui::Event::PointerMoved(egui::pos2(5.0, 5.0));
        // Not composing: a press goes through untouched.
        let mut composing = false;
        let mut events = vec![
            preedit("gong"),
            egui::Event::Ime(egui::ImeEvent::Commit("工".into())),
            press.clone(),
        ];
        assert!(end_composition_before_press(&mut composing, &mut events).is_empty());
        assert_eq!(events.len(), 3);
        // Composing: the press and what follows wait; the composition ends first.
        let mut events = vec![preedit("gong"), moved.clone(), press.clone(), moved.clone()];
        let later = end_composition_before_press(&mut composing, &mut events);
        assert_eq!(later, vec![press, moved.clone()]);
        assert_eq!(
            events,
            vec![
                preedit("gong"),
                moved,
                egui::Event::Ime(egui::ImeEvent::Commit(String::new()))
            ]
        );
        assert!(!composing);
        // An emptied composition is no composition.
        let mut events = vec![preedit("g"), preedit("")];
        assert!(end_composition_before_press(&mut composing, &mut events).is_empty());
        assert!(!composing);
    }

    #[test]
    fn on_x11_the_spot_is_the_bottom_of_the_caret() {
        let mut out = egui::PlatformOutput {
            ime: Some(area(10.0)),
            ..Default::default()
        };
        keep(&mut None, &mut out, true);
        let ime = out.ime.unwrap();
        assert_eq!(ime.cursor_rect.min, egui::pos2(10.0, 20.0));
        assert_eq!(ime.rect, area(10.0).rect);
    }
}
