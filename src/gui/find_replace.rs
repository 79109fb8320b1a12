//! Find and replace (Ctrl+F / Ctrl+H) in the report shown or the whole compilation: plain
//! text or a regular expression, every match highlighted in the editor and the current one
//! apart, a preview of each replacement. Replacing goes through the same edit path as
//! typing; 全部替换 is one undo step and says how many it changed.

use super::command::Command;
use super::text_panel::Editor;
use crate::model::{ByteRange, Edit, EditOrigin};

#[derive(Debug, Default)]
pub struct FindState {
    pub open: bool,
    pub replace_open: bool,
    pub focus: bool,
    pub query: String,
    pub replacement: String,
    pub regex: bool,
    /// Search the whole compilation instead of the report shown.
    pub whole: bool,
    /// Matches (document bytes) with their replacements, in text order.
    pub matches: Vec<(ByteRange, String)>,
    pub current: usize,
    pub error: Option<String>,
    key: Option<(String, String, bool, bool, u64, usize, usize)>,
}

impl FindState {
    pub fn reset_matches(&mut self) {
        self.key = None;
        self.matches.clear();
        self.current = 0;
    }

    /// Opens the bar (Ctrl+F, or Ctrl+H with `replace`). The replacement starts empty: a
    /// value left from an earlier search would replace with the wrong text.
    pub fn open(&mut self, replace: bool) {
        if replace && !self.replace_open {
            self.replacement.clear();
        }
        self.open = true;
        self.replace_open = replace;
        self.focus = true;
    }

    fn refresh(&mut self, ed: &Editor, text: &str, revision: u64) {
        let key = (
            self.query.clone(),
            self.replacement.clone(),
            self.regex,
            self.whole,
            if self.whole {
                revision
            } else {
                ed.generation()
            },
            ed.range.start,
            if self.whole {
                text.len()
            } else {
                ed.buffer.len()
            },
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.key = Some(key);
        self.error = None;
        let (haystack, base) = if self.whole {
            (text, 0)
        } else {
            (ed.buffer.as_str(), ed.range.start)
        };
        self.matches = match find_all(haystack, &self.query, &self.replacement, self.regex) {
            Ok(m) => m
                .into_iter()
                .map(|(r, new)| (r.start + base..r.end + base, new))
                .collect(),
            Err(e) => {
                self.error = Some(e);
                Vec::new()
            }
        };
        if self.current >= self.matches.len() {
            self.current = 0;
        }
    }

    /// The matches inside the report shown, in its buffer's bytes, and which of them is the
    /// current one: what the editor highlights.
    pub fn in_editor(&self, ed: &Editor) -> (Vec<ByteRange>, Option<usize>) {
        if !self.open {
            return (Vec::new(), None);
        }
        let mut current = None;
        let mut out = Vec::new();
        for (i, (r, _)) in self.matches.iter().enumerate() {
            if r.start >= ed.range.start && r.end <= ed.range.end {
                if i == self.current {
                    current = Some(out.len());
                }
                out.push(r.start - ed.range.start..r.end - ed.range.start);
            }
        }
        (out, current)
    }
}

/// Every match of `query` in `text` and what it would be replaced with.
pub fn find_all(
    text: &str,
    query: &str,
    replacement: &str,
    regex: bool,
) -> Result<Vec<(ByteRange, String)>, String> {
    if query.is_empty() {
        return Ok(Vec::new());
    }
    if regex {
        let re = regex::Regex::new(query).map_err(|e| format!("正则表达式有误：{e}"))?;
        Ok(re
            .captures_iter(text)
            .filter_map(|c| {
                let m = c.get(0)?;
                if m.is_empty() {
                    return None;
                }
                let mut dst = String::new();
                c.expand(replacement, &mut dst);
                Some((m.range(), dst))
            })
            .collect())
    } else {
        Ok(text
            .match_indices(query)
            .map(|(i, m)| (i..i + m.len(), replacement.to_string()))
            .collect())
    }
}

/// The find bar over the editor. `text` and `revision` are the whole document's, for the
/// 全部汇编 scope.
pub fn ui(
    ui: &mut egui::Ui,
    st: &mut FindState,
    ed: &Editor,
    text: &str,
    revision: u64,
    cmds: &mut Vec<Command>,
) {
    st.refresh(ed, text, revision);
    let go = |st: &mut FindState, cmds: &mut Vec<Command>| {
        if let Some((r, _)) = st.matches.get(st.current) {
            cmds.push(Command::Reveal(r.clone()));
        }
    };
    // Rows that fit the editor's width, however narrow: the field shrinks to the room left
    // by its label and the count (which has a fixed width, so it never wraps); the buttons
    // go on rows of their own, which wrap rather than widen the editor.
    const COUNT_WIDTH: f32 = 96.0;
    let field_width = |ui: &egui::Ui, label: f32| {
        (ui.available_width() - label - COUNT_WIDTH - 3.0 * ui.spacing().item_spacing.x)
            .clamp(60.0, 220.0)
    };
    let mut enter = false;
    ui.horizontal(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        let label = ui.label("查找");
        let width = field_width(ui, label.rect.width());
        let q = ui.add(
            egui::TextEdit::singleline(&mut st.query)
                .id(egui::Id::unique("find_query"))
                .desired_width(width),
        );
        let q = q.labelled_by(label.id);
        if st.focus {
            q.request_focus();
            st.focus = false;
        }
        if q.changed() {
            st.refresh(ed, text, revision);
            st.current = 0;
            go(st, cmds);
        }
        enter = q.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let n = st.matches.len();
        let count = match &st.error {
            Some(_) => "有误".to_string(),
            None if n == 0 && st.query.is_empty() => String::new(),
            None if n == 0 => "无匹配".to_string(),
            None => format!("第 {}/{n} 处", st.current + 1),
        };
        ui.add_sized(
            [COUNT_WIDTH, ui.spacing().interact_size.y],
            egui::Label::new(count).truncate(),
        );
    });
    ui.horizontal_wrapped(|ui| {
        let n = st.matches.len();
        if ui.button("上一个").clicked() && n > 0 {
            st.current = (st.current + n - 1) % n;
            go(st, cmds);
        }
        if (ui.button("下一个").clicked() || enter) && n > 0 {
            st.current = (st.current + 1) % n;
            go(st, cmds);
            if enter {
                st.focus = true;
            }
        }
        if ui.button("关闭").on_hover_text("Esc").clicked() {
            st.open = false;
        }
        ui.separator();
        ui.label("范围");
        let before = st.whole;
        ui.radio_value(&mut st.whole, false, "本篇");
        ui.radio_value(&mut st.whole, true, "全部汇编");
        if st.whole != before {
            st.refresh(ed, text, revision);
            st.current = 0;
        }
        ui.checkbox(&mut st.regex, "正则表达式");
    });
    if let Some(e) = &st.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    if st.replace_open {
        ui.horizontal(|ui| {
            let label = ui.label("替换为");
            let width = field_width(ui, label.rect.width()) + COUNT_WIDTH;
            ui.add(
                egui::TextEdit::singleline(&mut st.replacement)
                    .id(egui::Id::unique("find_replacement"))
                    .desired_width(width),
            )
            .labelled_by(label.id);
        });
        let n = st.matches.len();
        let current = st.matches.get(st.current).cloned();
        let preview = current
            .as_ref()
            .map(|(r, new)| format!("“{}”改为“{new}”", text.get(r.clone()).unwrap_or("")))
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(n > 0, egui::Button::new("替换"))
                .on_hover_text(&preview)
                .clicked()
                && let Some((r, new)) = &current
            {
                cmds.push(Command::Apply {
                    edits: vec![edit(text, r, new)],
                    label: "替换".into(),
                    merge: false,
                });
            }
            if ui
                .add_enabled(n > 0, egui::Button::new(format!("全部替换（{n} 处）")))
                .clicked()
            {
                let edits = st
                    .matches
                    .iter()
                    .map(|(r, new)| edit(text, r, new))
                    .collect();
                cmds.push(Command::Apply {
                    edits,
                    label: "全部替换".into(),
                    merge: false,
                });
                let scope = if st.whole { "全部汇编" } else { "本篇" };
                cmds.push(Command::Say(format!(
                    "已在{scope}替换 {n} 处（Ctrl+Z 一次撤销）"
                )));
            }
        });
        if !preview.is_empty() {
            ui.add(egui::Label::new(egui::RichText::new(preview).weak()).wrap());
        }
    }
    ui.separator();
}

/// The edit replacing `r` (document bytes) of `text` with `new`.
fn edit(text: &str, r: &ByteRange, new: &str) -> Edit {
    Edit {
        range: r.clone(),
        // A stale match that no longer fits the text is skipped by `edit::apply`.
        old: text.get(r.clone()).unwrap_or_default().to_string(),
        new: new.to_string(),
        origin: EditOrigin::User,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_regex_matches_with_replacements() {
        let t = "XX区、XX县和XX区";
        assert_eq!(find_all(t, "XX区", "滨江区", false).unwrap().len(), 2);
        let m = find_all(t, r"XX(区|县)", "滨江$1", true).unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!(m[1].1, "滨江县");
        assert!(find_all(t, "(", "", true).is_err());
    }
}
