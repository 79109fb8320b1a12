//! Find and replace in the selected report (Ctrl+F / Ctrl+H): plain text or a regular
//! expression, with a match count. Replacing goes through the same edit path as typing.

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
    /// Matches in the report's text (buffer bytes) with their replacements.
    pub matches: Vec<(ByteRange, String)>,
    pub current: usize,
    pub error: Option<String>,
    key: Option<(String, String, bool, u64, usize)>,
}

impl FindState {
    pub fn reset_matches(&mut self) {
        self.key = None;
        self.matches.clear();
        self.current = 0;
    }

    fn refresh(&mut self, ed: &Editor) {
        let key = (
            self.query.clone(),
            self.replacement.clone(),
            self.regex,
            ed.generation(),
            ed.buffer.len(),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.key = Some(key);
        self.error = None;
        self.matches = match find_all(&ed.buffer, &self.query, &self.replacement, self.regex) {
            Ok(m) => m,
            Err(e) => {
                self.error = Some(e);
                Vec::new()
            }
        };
        if self.current >= self.matches.len() {
            self.current = 0;
        }
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

pub fn ui(ui: &mut egui::Ui, st: &mut FindState, ed: &Editor, cmds: &mut Vec<Command>) {
    st.refresh(ed);
    let base = ed.range.start;
    let go = |st: &mut FindState, cmds: &mut Vec<Command>| {
        if let Some((r, _)) = st.matches.get(st.current) {
            cmds.push(Command::Reveal(r.start + base..r.end + base));
        }
    };
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("查找");
        let q = ui.add(
            egui::TextEdit::singleline(&mut st.query)
                .id(egui::Id::unique("find_query"))
                .desired_width(160.0),
        );
        let q = q.labelled_by(label.id);
        if st.focus {
            q.request_focus();
            st.focus = false;
        }
        if q.changed() {
            st.refresh(ed);
            st.current = 0;
            go(st, cmds);
        }
        let enter = q.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.checkbox(&mut st.regex, "正则表达式");
        let n = st.matches.len();
        match &st.error {
            Some(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None if n == 0 => {
                ui.label(if st.query.is_empty() { "" } else { "无匹配" });
            }
            None => {
                ui.label(format!("第 {}/{n} 处", st.current + 1));
            }
        }
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
        if ui.button("关闭").clicked() {
            st.open = false;
        }
    });
    if st.replace_open {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("替换为");
            ui.add(
                egui::TextEdit::singleline(&mut st.replacement)
                    .id(egui::Id::unique("find_replacement"))
                    .desired_width(160.0),
            )
            .labelled_by(label.id);
            let n = st.matches.len();
            if ui.add_enabled(n > 0, egui::Button::new("替换")).clicked()
                && let Some((r, new)) = st.matches.get(st.current)
            {
                cmds.push(Command::Apply {
                    edits: vec![edit(ed, r, new)],
                    label: "替换".into(),
                });
            }
            if ui
                .add_enabled(n > 0, egui::Button::new(format!("全部替换（{n} 处）")))
                .clicked()
            {
                let edits = st.matches.iter().map(|(r, new)| edit(ed, r, new)).collect();
                cmds.push(Command::Apply {
                    edits,
                    label: "全部替换".into(),
                });
            }
        });
    }
    ui.separator();
}

fn edit(ed: &Editor, r: &ByteRange, new: &str) -> Edit {
    Edit {
        range: r.start + ed.range.start..r.end + ed.range.start,
        // A stale match that no longer fits the text is skipped by `edit::apply`.
        old: ed.buffer.get(r.clone()).unwrap_or_default().to_string(),
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
