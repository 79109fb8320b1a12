//! The desktop editor driven through egui_kittest on the real app state: open the sample,
//! select a report, jump from the outline, fill a name group, toggle a cleaning rule, undo,
//! export, autosave and restore. No GPU and no window needed.

#![cfg(feature = "gui")]

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qinggao::gui::{App, Modal, Prefs, ToolTab};
use std::path::Path;

/// Issue 16's fill tests that came later: keys in source coordinates, the review list,
/// 数字核对, one-click fixes.
mod gui_fill;

fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, egui::vec2(1400.0, 900.0))
}

/// The harness at a window size of `size` (logical points).
fn harness_sized(app: App, size: egui::Vec2) -> Harness<'static, App> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(12)
        .with_context_setup(|ctx| ctx.set_fonts(qinggao::gui::fonts::definitions(false)))
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

/// The app with the sample open and autosave going to `data` (never the user's directory).
fn sample_app(data: &Path) -> App {
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.to_path_buf());
    app.open_sample();
    app
}

/// The outline entry's label: "（一）城市更新稳步推进".
fn heading_label(app: &App, h: &qinggao::model::Heading) -> String {
    format!("{}{}", h.marker(&app.ws.text), h.text(&app.ws.text))
}

fn report_text(app: &App, i: usize) -> String {
    app.ws.text[app.ws.report_range(i)].to_string()
}

#[test]
fn the_sample_opens_with_several_reports_and_selecting_one_shows_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let reports = h.state().ws.analysis.outline.reports.clone();
    assert!(
        reports.len() >= 4,
        "the sample has 4 reports, found {}",
        reports.len()
    );
    assert!(
        reports.iter().any(|r| r.title_inferred),
        "one report of the sample has no title"
    );
    let label = format!("2. {}", reports[1].title);
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().view.selected, 1);
    assert_eq!(h.state().view.editor.buffer, report_text(h.state(), 1));
    assert!(h.state().view.editor.buffer.contains("农业农村"));
}

/// Clicks the first entry of the first sample report's outline that `pick` chooses (`what`
/// says what it should be) and gives its heading.
fn click_heading(
    h: &mut Harness<'static, App>,
    what: &str,
    pick: impl Fn(&App, &qinggao::model::Heading) -> bool,
) -> qinggao::model::Heading {
    let report = h.state().ws.analysis.outline.reports[0].clone();
    let heading = report
        .outline
        .iter()
        .find(|x| pick(h.state(), x))
        .unwrap_or_else(|| panic!("the first sample report has {what}"))
        .clone();
    h.get_by_label(&heading_label(h.state(), &heading)).click();
    h.run();
    heading
}

#[test]
fn clicking_an_outline_entry_moves_the_cursor_to_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let heading = click_heading(&mut h, "（一） headings", |app, x| {
        x.marker(&app.ws.text).starts_with('（') && x.level >= 2
    });
    let want = h.state().ws.analysis.index.line_start(heading.line);
    assert_eq!(h.state().view.editor.cursor, Some(want));
}

#[test]
fn clicking_an_entry_inside_a_paragraph_moves_the_cursor_to_its_marker() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let heading = click_heading(&mut h, "an inline 二是", |_, x| {
        x.kind == qinggao::model::HeadingKind::InlineOrdinal
    });
    let line_start = h.state().ws.analysis.index.line_start(heading.line);
    assert!(heading.marker_range.start > line_start);
    assert_eq!(
        h.state().view.editor.cursor,
        Some(heading.marker_range.start)
    );
}

#[test]
fn typing_then_undo_restores_the_text_exactly_and_marks_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let before = h.state().ws.text.clone();
    assert!(!h.state().window_title().starts_with('●'));
    let heading = h.state().ws.analysis.outline.reports[0].outline[0].clone();
    h.get_by_label(&heading_label(h.state(), &heading)).click();
    h.run();
    h.event(egui::Event::Text("新".into()));
    h.event(egui::Event::Text("增".into()));
    h.run();
    let at = h.state().ws.analysis.index.line_start(heading.line);
    assert_eq!(
        &h.state().ws.text[at..at + 6],
        "新增",
        "typing lands at the cursor"
    );
    assert!(
        h.state().window_title().starts_with("● "),
        "{}",
        h.state().window_title()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().ws.text, before, "one undo removes the typed run");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(
        &h.state().ws.text[at..at + 6],
        "新增",
        "redo brings it back"
    );
}

#[test]
fn filling_a_name_group_changes_every_occurrence_and_undo_restores_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let before = report_text(h.state(), 0);
    let group = |app: &App| {
        app.ws
            .analysis
            .report_placeholders(0)
            .iter()
            .filter(|p| p.group(&app.ws.text) == "XX区")
            .count()
    };
    let n = group(h.state());
    assert!(
        n >= 2,
        "the first sample report names XX区 at least twice, found {n}"
    );
    assert!(!before.contains("滨江"));
    h.state_mut().prefs.tool_tab = ToolTab::Fill;
    h.run();
    h.get_by_role_and_label(Role::TextInput, "XX区").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "XX区")
        .type_text("滨江");
    h.run();
    let after = report_text(h.state(), 0);
    assert_eq!(
        group(h.state()),
        0,
        "every XX区 of the group is filled: {after}"
    );
    assert_eq!(after.matches("滨江区").count(), n);
    assert_eq!(
        h.state().answers.groups.get("XX区").map(String::as_str),
        Some("滨江")
    );
    // The field stays while its group is gone from the text, and Enter moves on.
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        report_text(h.state(), 0),
        before,
        "a typed answer is one undo step"
    );
}

#[test]
fn toggling_a_cleaning_rule_changes_the_preview_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.state_mut().prefs.tool_tab = ToolTab::Clean;
    h.run();
    let total = h.state().ws.plan.len();
    assert!(total > 0, "the sample has junk to clean");
    let (rule, count) = {
        let app = h.state();
        let rule = app
            .rules
            .rules
            .iter()
            .find(|r| r.enabled && app.ws.rule_counts.get(&r.id).copied().unwrap_or(0) > 0)
            .expect("some rule changes the sample")
            .clone();
        let c = app.ws.rule_counts[&rule.id];
        (rule, c)
    };
    h.get_by_label(&rule.label).click();
    h.run();
    let now = h.state().ws.plan.len();
    assert!(
        now < total,
        "turning off {} ({count} changes) shrinks the plan",
        rule.id
    );
    h.get_by_label("应用清理").click();
    h.run();
    assert_eq!(
        h.state().ws.plan.len(),
        0,
        "applying cleans everything planned"
    );
    if rule.category != qinggao::clean::Category::Paywall {
        assert!(
            !h.state().ws.text.contains("##paidbegin##"),
            "paywall markers are gone"
        );
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().ws.text,
        qinggao::gui::SAMPLE_TEXT,
        "cleaning is one undo step"
    );
}

#[test]
fn export_every_report_into_a_folder_and_read_the_files_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("导出");
    let mut h = harness(sample_app(dir.path()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(
        h.state().view.export.is_some(),
        "Ctrl+E opens the export dialog"
    );
    // No folder known yet (the sample has no file): the full options show at once.
    h.get_by_label("每篇报告各存一个文件").click();
    h.run();
    h.get_by_label(".txt 文本").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "保存到文件夹")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "保存到文件夹")
        .type_text(&out.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "导出").click();
    h.run();
    if h.query_by_label("仍然导出").is_some() {
        h.get_by_label("仍然导出").click();
        h.run();
    }
    let reports = h.state().ws.analysis.outline.reports.clone();
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .expect("the folder was created")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), reports.len());
    for (f, r) in files.iter().zip(&reports) {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            text.starts_with(&r.title),
            "{} starts with its title",
            f.display()
        );
        assert!(!text.contains("##paid"), "export applies cleaning");
    }
    assert!(
        h.state()
            .view
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("已导出"))
    );
    // A second Ctrl+E proposes the same choices and folder in one line, and asks before
    // replacing.
    h.state_mut().view.export = None;
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label_contains("每篇报告各存一个文件");
    h.get_by_label_contains("文本（.txt）");
    assert_eq!(
        h.state().view.export.as_ref().unwrap().folder,
        out.display().to_string(),
        "the last folder is remembered"
    );
    // Placeholders are still unfilled: the one button says so, and still exports.
    h.get_by_label_contains("处占位符没有填写");
    h.get_by_role_and_label(Role::Button, "仍然导出").click();
    h.run();
    assert!(
        h.query_by_label("替换").is_some(),
        "existing files are not replaced silently"
    );
}

/// The user who types and presses Ctrl+E at once (before the pause that re-analyses a
/// large text) still gets cleaned files that hold what was typed.
#[test]
fn exporting_right_after_typing_exports_the_cleaned_current_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("导出");
    // A compilation past the size analysed on every keystroke.
    let one = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compilation.txt"),
    )
    .unwrap();
    let big = dir.path().join("大汇编.txt");
    let body = one.split_once("\n\n\n").unwrap().1;
    let copies = qinggao::gui::LIVE_ANALYSIS_LIMIT / body.len() + 2;
    std::fs::write(&big, format!("{}\n\n\n{}", "大汇编", body.repeat(copies))).unwrap();
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(dir.path().to_path_buf());
    app.open_document(qinggao::input::load(&big, None).unwrap());
    let mut h = harness(app);
    h.run();
    let heading = h.state().ws.analysis.outline.reports[0].outline[0].clone();
    let line = {
        let ws = &h.state().ws;
        let at = ws.analysis.index.line_start(heading.line);
        ws.text[at..].lines().next().unwrap().to_string()
    };
    h.get_by_label(&heading_label(h.state(), &heading)).click();
    h.run();
    h.event(egui::Event::Text("新".into()));
    h.step();
    assert!(
        h.state().ws.analysis_is_stale(),
        "typing leaves the analysis for later"
    );
    // Frame by frame, faster than the pause after which the text is analysed again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.step();
    assert!(
        h.state().view.export.is_some(),
        "Ctrl+E opens the export dialog"
    );
    h.get_by_label("更多选项…").click();
    // The options appear, and the window takes their size (a frame each).
    for _ in 0..3 {
        h.step();
    }
    h.get_by_label("每篇报告各存一个文件").click();
    h.step();
    h.get_by_label(".txt 文本").click();
    h.state_mut().view.export.as_mut().unwrap().folder = out.display().to_string();
    h.step();
    // Without the font notice of .docx the window shrinks, a frame later.
    h.step();
    h.get_by_role_and_label(Role::Button, "导出").click();
    h.step();
    h.step();
    if h.query_by_label("仍然导出").is_some() {
        h.get_by_label("仍然导出").click();
        h.step();
        h.step();
    }
    let mut files: Vec<_> = std::fs::read_dir(&out)
        .expect("the folder was created")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let first = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        first.contains(&format!("新{line}")),
        "what was typed is exported: {line}"
    );
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            !text.contains("$$paid") && !text.contains("公众号"),
            "{}: export applies cleaning",
            f.display()
        );
    }
}

/// Text typed while the export dialog is open (a large text waits for a pause before it is
/// analysed again) is in what is written: writing brings the analysis and the cleaning
/// plan up to date first, then exports through the one export path.
#[test]
fn writing_an_export_brings_a_stale_analysis_up_to_date_first() {
    use qinggao::gui::Command;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("导出");
    let one = "关于2023年工作的报告\n\n全体D员干部参加学习。\n请添加客服：qh2024\n\n\n";
    let text = one.repeat(qinggao::gui::LIVE_ANALYSIS_LIMIT / one.len() + 10);
    let mut app = App::new(Prefs::default());
    app.data_dir = None;
    app.open_document(qinggao::model::Document::from_text(text));
    let mut h = harness(app);
    h.run();
    let ctx = h.ctx.clone();
    let app = h.state_mut();
    app.run(Command::Action(qinggao::gui::Action::Export), &ctx);
    let d = app.view.export.as_mut().expect("the dialog opened");
    d.folder = out.display().to_string();
    d.scope = qinggao::gui::ExportScope::Whole;
    d.docx = false;
    let typed = qinggao::edit::user_edit(&app.ws.text, 0..0, "新");
    app.run(
        Command::Apply {
            edits: vec![typed],
            label: "输入".into(),
            merge: true,
        },
        &ctx,
    );
    assert!(app.ws.analysis_is_stale(), "a large text waits for a pause");
    app.run(Command::WriteExport { replace: false }, &ctx);
    let files: Vec<_> = std::fs::read_dir(&out)
        .expect("the folder was created")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let written = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        written.starts_with("新关于2023年工作的报告"),
        "{}",
        &written[..60]
    );
    assert!(!written.contains("客服") && written.contains("全体党员干部"));
}

#[test]
fn autosave_then_reopen_offers_and_restores_the_same_text_and_answers() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();

    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.clone());
    app.open_path(&file);
    assert!(
        app.view.modal.is_none(),
        "nothing to restore the first time"
    );
    let mut h = harness(app);
    h.run();
    let report = h.state().ws.analysis.outline.reports[1].clone();
    h.get_by_label(&format!("2. {}", report.title)).click();
    h.run();
    let heading = report.outline[0].clone();
    h.get_by_label(&heading_label(h.state(), &heading)).click();
    h.run();
    h.event(egui::Event::Text("（已修改）".into()));
    h.run();
    h.state_mut()
        .answers
        .groups
        .insert("XX区".into(), "滨江".into());
    h.state_mut().autosave_now();
    let edited = h.state().ws.text.clone();
    let answers = h.state().answers.clone();
    assert!(edited.contains("（已修改）"));

    let mut again = App::new(Prefs::default());
    again.data_dir = Some(data);
    again.open_path(&file);
    assert!(matches!(
        again.view.modal,
        Some(Modal::RestoreAutosave { .. })
    ));
    let mut h = harness(again);
    h.run();
    h.get_by_label("恢复").click();
    h.run();
    assert_eq!(h.state().ws.text, edited);
    assert_eq!(h.state().answers, answers);
}

#[test]
fn a_file_that_cannot_be_opened_is_reported_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let missing = dir.path().join("不存在.txt");
    app.open_path(&missing);
    let mut h = harness(app);
    h.run();
    match &h.state().view.modal {
        Some(Modal::Message { body, .. }) => assert!(body.contains("不存在.txt"), "{body}"),
        other => panic!("expected an error message, got {other:?}"),
    }
    h.get_by_label("确定").click();
    h.run();
    assert!(h.state().view.modal.is_none());
}

#[test]
fn starting_on_the_fill_panel_focuses_the_first_prompt_and_typing_fills_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.start_on(ToolTab::Fill);
    let mut h = harness(app);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "XX区")
            .is_focused()
    );
    h.event(egui::Event::Text("滨江".into()));
    h.run();
    assert!(report_text(h.state(), 0).contains("滨江区"));
}

/// The harness with the input-method plugin the real window installs.
fn harness_with_ime(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .with_context_setup(|ctx| {
            ctx.set_fonts(qinggao::gui::fonts::definitions(false));
            qinggao::gui::ime::install(ctx);
        })
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

/// Runs `n` frames, one per queued event, and checks that each of them leaves the input
/// method allowed and asks no interruption of it: either would make egui-winit recreate the
/// window's X11 input context, and fcitx5 starts a new context in English.
fn step_keeping_ime(h: &mut Harness<'static, App>, n: usize, what: &str) {
    for frame in 0..n {
        h.step();
        let ime = h.output().platform_output.ime;
        assert!(
            ime.is_some_and(|i| !i.should_interrupt_composition),
            "{what}, frame {frame}: the IME was {ime:?}"
        );
    }
}

#[test]
fn the_input_method_stays_allowed_while_the_focus_moves_between_text_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.start_on(ToolTab::Fill);
    let mut h = harness_with_ime(app);
    h.run();
    let first = h.get_by_role_and_label(Role::TextInput, "XX区");
    assert!(first.is_focused());
    let first_rect = first.rect();
    // A click into another fill field, then into the editor, then the find bar (Ctrl+F).
    let second = h
        .query_all_by_role(Role::TextInput)
        .find(|n| n.rect() != first_rect && n.rect().left() >= first_rect.left() - 1.0)
        .expect("a second fill field");
    let second_rect = second.rect();
    second.click();
    step_keeping_ime(&mut h, 4, "click into the second fill field");
    assert!(
        h.query_all_by_role(Role::TextInput)
            .any(|n| n.is_focused() && n.rect() == second_rect)
    );
    h.get_by_role(Role::MultilineTextInput).click();
    step_keeping_ime(&mut h, 4, "click into the editor");
    assert!(h.get_by_role(Role::MultilineTextInput).is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    step_keeping_ime(&mut h, 4, "Ctrl+F into the find bar");
    assert!(
        h.get_by_role_and_label(Role::TextInput, "查找")
            .is_focused()
    );
    // Shift+Tab leaves a frame with no focused widget (egui hands the focus on a frame later).
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    step_keeping_ime(&mut h, 4, "Shift+Tab out of the find bar");
    // Escape: nothing has the focus at all; the window keeps its context for the next field.
    h.key_press(Key::Escape);
    step_keeping_ime(&mut h, 4, "Escape");
}

#[test]
fn clicking_away_from_a_composition_in_the_text_leaves_no_pinyin_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_with_ime(sample_app(dir.path()));
    h.run();
    let before = report_text(h.state(), 0);
    let editor = h.get_by_role(Role::MultilineTextInput).rect();
    let click = |h: &mut Harness<'static, App>, pos: egui::Pos2| {
        h.event(egui::Event::PointerMoved(pos));
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.run();
    };
    click(&mut h, editor.center());
    // The input method draws its composition inside the text, as on Wayland and Windows.
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "gong".into(),
        active_range_chars: None,
    }));
    h.run();
    assert!(report_text(h.state(), 0).contains("gong"));
    // A click elsewhere in the text while composing; the composition goes on there.
    click(&mut h, editor.left_top() + egui::vec2(60.0, 12.0));
    assert_eq!(
        report_text(h.state(), 0),
        before,
        "pinyin left where the click came from"
    );
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "gong zuo".into(),
        active_range_chars: None,
    }));
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("工作".into())));
    h.run();
    let after = report_text(h.state(), 0);
    assert_eq!(after.chars().count(), before.chars().count() + 2);
    assert!(!after.contains("gong"));
    assert_eq!(
        after.matches("工作").count(),
        before.matches("工作").count() + 1
    );
}

/// eframe's storage, kept in memory (the real one is a RON file in the data folder).
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn a_dragged_panel_width_comes_back_from_the_saved_egui_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let outline_x = |h: &Harness<'static, App>| h.get_by_label("提纲").rect().left();
    let before = outline_x(&h);
    // Drag the divider between 报告 and 提纲 100 points to the right.
    let y = 400.0;
    let mut x = before - 8.0;
    h.event(egui::Event::PointerMoved(egui::pos2(x, y)));
    h.step();
    let press = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.event(press(egui::pos2(x, y), true));
    h.step();
    for _ in 0..10 {
        x += 10.0;
        h.event(egui::Event::PointerMoved(egui::pos2(x, y)));
        h.step();
    }
    h.event(press(egui::pos2(x, y), false));
    h.run();
    let dragged = outline_x(&h);
    assert!(
        (dragged - before - 100.0).abs() < 2.0,
        "{before} -> {dragged}"
    );
    // What eframe writes at exit (egui's memory, through its Storage as RON) and reads at the
    // next start.
    let mut storage = MemoryStorage::default();
    h.ctx.memory(|m| eframe::set_value(&mut storage, "egui", m));
    let mut again = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .with_context_setup(move |ctx| {
            let saved: egui::Memory = eframe::get_value(&storage, "egui").unwrap();
            ctx.memory_mut(|m| *m = saved);
            ctx.set_fonts(qinggao::gui::fonts::definitions(false));
        })
        .build_ui_state(|ui, app: &mut App| app.ui(ui), sample_app(dir.path()));
    again.run();
    assert!(
        (outline_x(&again) - dragged).abs() < 1.0,
        "{dragged} -> {}",
        outline_x(&again)
    );
}

#[test]
fn find_counts_matches_and_replace_all_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let before = report_text(h.state(), 0);
    let n = before.matches("城市更新").count();
    assert!(n >= 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "查找")
        .type_text("城市更新");
    h.run();
    assert_eq!(h.state().view.find.matches.len(), n);
    h.get_by_role_and_label(Role::TextInput, "替换为").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "替换为")
        .type_text("城市焕新");
    h.run();
    h.get_by_label(&format!("全部替换（{n} 处）")).click();
    h.run();
    let after = report_text(h.state(), 0);
    assert_eq!(after.matches("城市焕新").count(), n);
    assert_eq!(after.matches("城市更新").count(), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(report_text(h.state(), 0), before);
}

#[test]
fn closing_with_unsaved_edits_asks_first_and_discard_closes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let heading = h.state().ws.analysis.outline.reports[0].outline[0].clone();
    h.get_by_label(&heading_label(h.state(), &heading)).click();
    h.run();
    h.event(egui::Event::Text("改".into()));
    h.run();
    let close = |h: &mut Harness<'static, App>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.run();
    };
    close(&mut h);
    assert!(
        matches!(h.state().view.modal, Some(Modal::ConfirmDiscard(_))),
        "unsaved work is not closed silently"
    );
    h.get_by_label("取消").click();
    h.run();
    assert!(h.state().view.modal.is_none());
    assert!(h.state().window_title().starts_with("● "), "still unsaved");
    close(&mut h);
    h.get_by_label("放弃修改").click();
    h.run();
    assert!(!h.state().ws.is_dirty(), "discarding lets the window close");
}

#[test]
fn a_huge_report_opens_read_only_instead_of_freezing_the_window() {
    let dir = tempfile::tempdir().unwrap();
    // One report of ~5 MB with no structure: the case that would freeze a text editor.
    let para = "全年完成投资XX万元，同比增长X%，惠及群众XX户，各项工作稳步推进。\n";
    let text = para.repeat(qinggao::gui::MAX_EDITABLE_BYTES / para.len() + 1000);
    let file = dir.path().join("巨大.txt");
    std::fs::write(&file, &text).unwrap();
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(dir.path().to_path_buf());
    app.open_path(&file);
    let mut h = harness(app);
    h.run();
    assert!(h.state().view.editor.buffer.len() > qinggao::gui::MAX_EDITABLE_BYTES);
    h.get_by_label_contains("只读显示");
    assert!(
        h.query_all_by_role(Role::MultilineTextInput)
            .next()
            .is_none(),
        "no editable text box for a huge report"
    );
}

/// A small deterministic generator (no extra crate).
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Thousands of random commands through the app's one command path (typing, deleting,
/// fills, cleaning, rule switches, report switches, undo, redo, export), with frames drawn
/// in between. Undoing everything gives back the loaded text exactly, and autosave +
/// restore gives back the same text and answers.
#[test]
fn random_commands_then_undo_everything_restores_the_loaded_text() {
    use qinggao::gui::{Action, Command};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.clone());
    app.open_path(&file);
    let loaded = app.ws.text.clone();
    let mut h = harness(app);
    h.run();
    let ctx = h.ctx.clone();
    let mut rng = Rng(0x2545F4914F6CDD1D);
    let pieces = ["党", "XX", "一是", "\n", "（二）", "工作", "哒哒", ""];
    let rule_ids: Vec<String> = h.state().rules.rules.iter().map(|r| r.id.clone()).collect();
    let export_dir = dir.path().join("导出");
    for step in 0..2000 {
        let app = h.state_mut();
        let text_len = app.ws.text.len();
        let cmd = match rng.below(12) {
            0..=3 => {
                // Type or delete somewhere in the document, as the text panel records it.
                let mut a = rng.below(text_len + 1);
                while !app.ws.text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (a + rng.below(9)).min(text_len);
                while !app.ws.text.is_char_boundary(b) {
                    b -= 1;
                }
                let new = pieces[rng.below(pieces.len())];
                Command::Apply {
                    edits: vec![qinggao::edit::user_edit(&app.ws.text, a..b, new)],
                    label: "输入".into(),
                    merge: true,
                }
            }
            4 => {
                let groups =
                    qinggao::placeholder::groups(&app.ws.analysis.placeholders, &app.ws.text);
                match groups.get(rng.below(groups.len().max(1))) {
                    Some(g) => Command::FillLive {
                        key: g.key.clone(),
                        value: ["滨江", "35", ""][rng.below(3)].into(),
                        merge: rng.below(2) == 0,
                    },
                    None => Command::Action(Action::Undo),
                }
            }
            5 => Command::Action(Action::ApplyCleaning),
            6 => Command::SetRule {
                id: rule_ids[rng.below(rule_ids.len())].clone(),
                enabled: rng.below(2) == 0,
            },
            7 => Command::SelectReport(rng.below(app.ws.analysis.outline.reports.len().max(1))),
            8 | 9 => Command::Action(Action::Undo),
            10 => Command::Action(Action::Redo),
            _ => Command::GoTo(rng.below(text_len + 1)),
        };
        app.run(cmd, &ctx);
        if step % 25 == 0 {
            h.run();
        }
        if step % 500 == 499 {
            // Export works at any point and never touches the source.
            let app = h.state_mut();
            let dir = export_dir.join(step.to_string());
            let outputs = qinggao::export::outputs(
                &app.ws.text,
                &app.ws.analysis,
                qinggao::export::Scope::Split,
                "汇编",
                &qinggao::export::Format::Text(Default::default()),
            )
            .unwrap();
            std::fs::create_dir_all(&dir).unwrap();
            let bytes: Vec<_> = outputs
                .into_iter()
                .map(|o| (dir.join(o.name), o.bytes))
                .collect();
            qinggao::export::write_all(&bytes, false, Some(&file)).unwrap();
            assert_eq!(
                std::fs::read_to_string(&file).unwrap(),
                qinggao::gui::SAMPLE_TEXT
            );
        }
    }
    h.run();

    // Autosave and restore give back the same state.
    h.state_mut().autosave_now();
    let edited = h.state().ws.text.clone();
    let answers = h.state().answers.clone();
    let mut again = App::new(Prefs::default());
    again.data_dir = Some(data);
    again.open_path(&file);
    if edited != loaded {
        assert!(matches!(
            again.view.modal,
            Some(Modal::RestoreAutosave { .. })
        ));
        let mut h2 = harness(again);
        h2.run();
        h2.get_by_label("恢复").click();
        h2.run();
        assert_eq!(h2.state().ws.text, edited);
        assert_eq!(h2.state().answers, answers);
    }

    // Undo everything: the loaded text, exactly.
    let app = h.state_mut();
    let mut undone = 0;
    while app.ws.undo() {
        undone += 1;
    }
    assert!(
        undone > 50,
        "the random commands made only {undone} undo steps"
    );
    assert_eq!(app.ws.text, loaded);
}

#[test]
fn choosing_docx_says_which_official_fonts_this_machine_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label(".txt 文本").click();
    h.run();
    assert!(
        h.query_by_label_contains("本机未找到字体").is_none(),
        "nothing about fonts for .txt"
    );
    h.get_by_label(".docx 公文格式").click();
    h.run();
    let installed = qinggao::gui::system_fonts::installed();
    let preset = qinggao::export::docx::Preset::default();
    let missing = qinggao::export::docx::missing_fonts(&preset, installed);
    if missing.is_empty() {
        h.get_by_label("公文字体齐全。");
    } else {
        let label = h.get_by_label_contains("本机未找到字体");
        let text = format!("{label:?}");
        for (want, _) in &missing {
            assert!(text.contains(want.as_str()), "{want} missing from {text}");
        }
    }
}

/// A bare place name ("美丽XX", "结合XX实际") is asked for once, as a place, with a hint that
/// asks for a name; a count after a measure noun asks for a figure.
#[test]
fn bare_place_names_are_one_prompt_that_asks_for_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(dir.path().to_path_buf());
    app.open_document(qinggao::Document::from_text(
        "XX镇2024年工作总结\n\n一、主要成效\n着力打造美丽XX，结合XX实际推进项目。\n\
         全面建设勤廉XX。注册人数XX，同比增长。\n",
    ));
    app.prefs.tool_tab = ToolTab::Fill;
    let mut h = harness(app);
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "本地地名（XX）");
    assert_eq!(
        egui_kittest::kittest::NodeT::accesskit_node(&field).placeholder(),
        Some("地名/单位名，如：滨江")
    );
    field.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "本地地名（XX）")
        .type_text("白鹭");
    h.run();
    let text = &h.state().ws.text;
    assert!(
        text.contains("美丽白鹭，结合白鹭实际") && text.contains("勤廉白鹭"),
        "{text}"
    );
    assert!(
        text.contains("注册人数XX"),
        "the count is not a place: {text}"
    );
}

#[test]
fn help_about_names_the_version_the_licence_and_the_font_licence() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    h.get_by_label("帮助").click();
    h.run();
    h.get_by_label("关于清稿").click();
    h.run();
    let version = format!("清稿 {}", env!("CARGO_PKG_VERSION"));
    for text in [
        version.as_str(),
        "MIT",
        "Droid Sans Fallback",
        "Apache License 2.0",
    ] {
        assert!(
            h.query_by_label_contains(text).is_some(),
            "the About window does not show {text:?}"
        );
    }
    h.get_by_label("确定").click();
    h.run();
    assert!(h.state().view.modal.is_none());
}

/// An app with `file` open, autosaving under `data`, after typing `typed` at the first
/// heading and autosaving.
fn edited_file_app(data: &Path, file: &Path, typed: &str) -> Harness<'static, App> {
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.to_path_buf());
    app.open_path(file);
    let mut h = harness(app);
    h.run();
    let heading = h.state().ws.analysis.outline.reports[0].outline[0].clone();
    h.get_by_label(&heading_label(h.state(), &heading)).click();
    h.run();
    h.event(egui::Event::Text(typed.into()));
    h.run();
    h.state_mut().autosave_now();
    h
}

fn session_files(data: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(data.join("sessions")) {
        Ok(rd) => rd.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn settings_show_the_autosaves_and_clear_them_after_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    let mut h = edited_file_app(&data, &file, "（草稿）");
    let files = session_files(&data);
    assert_eq!(files.len(), 1, "one autosave");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&files[0]), 0o600, "only the user reads the autosave");
        assert_eq!(mode(&data.join("sessions")), 0o700);
        assert_eq!(mode(&data), 0o700);
    }
    let size = std::fs::metadata(&files[0]).unwrap().len();
    h.get_by_label("设置").click();
    h.run();
    let folder = data.join("sessions").display().to_string();
    assert!(
        h.query_by_label(&format!("位置：{folder}")).is_some(),
        "设置 says where autosaves live"
    );
    let usage = format!("共 1 个，占 {}", qinggao::session::format_size(size));
    assert!(h.query_by_label(&usage).is_some(), "设置 shows {usage}");
    h.get_by_label("清除全部自动保存…").click();
    h.run();
    assert!(
        matches!(
            h.state().view.modal,
            Some(Modal::ConfirmClearAutosaves { count: 1 })
        ),
        "clearing asks first"
    );
    h.get_by_label("取消").click();
    h.run();
    assert_eq!(session_files(&data).len(), 1, "cancel deletes nothing");
    h.get_by_label("设置").click();
    h.run();
    h.get_by_label("清除全部自动保存…").click();
    h.run();
    h.get_by_label("全部清除").click();
    h.run();
    assert!(session_files(&data).is_empty(), "every autosave is gone");
    assert!(
        h.state()
            .view
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("已清除 1 个自动保存"))
    );
    // Reopening the file offers nothing.
    let mut again = App::new(Prefs::default());
    again.data_dir = Some(data);
    again.open_path(&file);
    assert!(again.view.modal.is_none());
}

#[cfg(unix)]
#[test]
fn a_linked_sessions_folder_turns_autosave_off_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let elsewhere = dir.path().join("别处");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, data.join("sessions")).unwrap();
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    let mut h = edited_file_app(&data, &file, "（草稿）");
    h.run();
    let notice = h.state().view.notice.clone().expect("the user is told");
    assert!(notice.is_error);
    assert!(
        notice
            .text
            .contains(&data.join("sessions").display().to_string())
            && notice.text.contains("自动保存已关闭"),
        "{}",
        notice.text
    );
    assert!(h.state().data_dir.is_none(), "autosave is off");
    h.event(egui::Event::Text("再改".into()));
    h.run();
    h.state_mut().autosave_now();
    assert_eq!(
        std::fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "nothing is written through the link"
    );
}

#[test]
fn exporting_everything_or_closing_unchanged_deletes_the_autosave() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    let mut h = edited_file_app(&data, &file, "（草稿）");
    assert_eq!(session_files(&data).len(), 1);
    // Export the whole compilation.
    let out = dir.path().join("导出");
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("更多选项…").click();
    h.run();
    h.get_by_label("整部汇编（一个文件）").click();
    h.state_mut().view.export.as_mut().unwrap().folder = out.display().to_string();
    h.run();
    h.get_by_role_and_label(Role::Button, "导出").click();
    h.run();
    confirm_export(&mut h);
    assert!(
        session_files(&data).is_empty(),
        "the exported changes need no autosave"
    );
    h.run();
    assert!(session_files(&data).is_empty(), "and none is written again");

    // An autosave of a file then closed with nothing unsaved is deleted too.
    let mut h = edited_file_app(&data, &file, "（又改）");
    assert_eq!(session_files(&data).len(), 1);
    h.state_mut().mark_exported();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert!(session_files(&data).is_empty());
}

#[test]
fn unanswered_restore_prompt_keeps_the_autosave_when_closing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    drop(edited_file_app(&data, &file, "（草稿）"));
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.clone());
    app.prune_sessions(qinggao::session::now_secs());
    app.open_path(&file);
    assert!(matches!(
        app.view.modal,
        Some(Modal::RestoreAutosave { .. })
    ));
    let mut h = harness(app);
    h.run();
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert_eq!(
        session_files(&data).len(),
        1,
        "the question was not answered: the autosave stays"
    );
}

#[test]
fn start_up_deletes_autosaves_older_than_the_days_chosen_in_settings() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    drop(edited_file_app(&data, &file, "（草稿）"));
    assert_eq!(session_files(&data).len(), 1);
    let now = qinggao::session::now_secs();
    let day = 86_400;
    let mut prefs = Prefs::default();
    assert_eq!(prefs.autosave_days, 30, "kept 30 days unless changed");
    // Eight days later with the default: kept, and offered again.
    let mut app = App::new(prefs.clone());
    app.data_dir = Some(data.clone());
    app.prune_sessions(now + 8 * day);
    assert_eq!(session_files(&data).len(), 1);
    // The user chose 7 days in 设置: eight days later it is gone.
    prefs.autosave_days = 7;
    let mut app = App::new(prefs);
    app.data_dir = Some(data.clone());
    app.prune_sessions(now + 8 * day);
    assert!(session_files(&data).is_empty());
    app.open_path(&file);
    assert!(app.view.modal.is_none(), "nothing left to offer");
}

#[test]
fn proofreading_lists_suggestions_and_accepting_one_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    let at = app.ws.report_range(0).end;
    let slip = "\n截止11月6日，共排查隐患3家,其中已整改2家。";
    app.ws.apply(
        vec![qinggao::model::Edit {
            range: at..at,
            old: String::new(),
            new: slip.to_string(),
            origin: qinggao::model::EditOrigin::User,
        }],
        "输入",
        false,
    );
    let before = app.ws.text.clone();
    let mut h = harness(app);
    // The 校对 tab's title counts the suggestions made with the analysis, before it is shown.
    h.get_by_label_contains("校对（").click();
    h.run();
    assert_eq!(h.state().prefs.tool_tab, ToolTab::Proof);
    let found = h
        .state()
        .ws
        .fresh_proofreading()
        .expect("proofread")
        .to_vec();
    assert!(
        found
            .iter()
            .any(|f| f.found == "截止" && f.suggestion == "截至")
    );
    assert!(found.iter().any(|f| f.found == "," && f.suggestion == "，"));
    // The confused word is listed as its own group with the count; the half-width comma is
    // left to the cleaning rule of the 校对 category, which plans it.
    h.get_by_label_contains("易混词（");
    assert!(h.query_by_label_contains("半角标点（").is_none());
    assert!(h.state().ws.plan.iter().any(|e| e.old == ","
        && e.new == "，"
        && e.origin == qinggao::model::EditOrigin::Rule("proof_punctuation".into())));
    let n = found.len();
    h.query_all_by_label("采纳")
        .next()
        .expect("an accept button")
        .click();
    h.run();
    let after = h.state().ws.text.clone();
    assert_ne!(after, before, "accepting changes the text");
    assert!(after.contains("截至11月6日"));
    assert_eq!(
        h.state().ws.fresh_proofreading().map(<[_]>::len),
        Some(n - 1),
        "proofread again after accepting: one suggestion fewer"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().ws.text, before, "accepting is one undo step");
}

/// The sample with every 作 written 昨, as a site's font remapping garbles it.
fn garbled_app(data: &Path) -> (App, usize) {
    let sample = include_str!("fixtures/compilation.txt");
    let text = sample.replace('作', "昨");
    let planted = sample.matches('作').count();
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.to_path_buf());
    app.open_document(qinggao::Document::from_text(text));
    app.prefs.tool_tab = ToolTab::Proof;
    (app, planted)
}

#[test]
fn a_substitution_group_shows_its_context_jumps_to_the_text_and_is_accepted_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let (app, planted) = garbled_app(dir.path());
    let before = app.ws.text.clone();
    let mut h = harness(app);
    h.run();
    h.run();
    // The pair's group, with its evidence and each place in context.
    h.get_by_label_contains("错字替换：“昨”改为“作”（");
    assert!(h.query_all_by_label_contains("不成词").next().is_some());
    let group: Vec<_> = h
        .state()
        .ws
        .fresh_proofreading()
        .unwrap()
        .iter()
        .filter(|f| f.group.is_some())
        .cloned()
        .collect();
    assert_eq!(group.len(), planted, "every garbled place, nothing else");
    // The editor marks the suspects (legend entry with their count).
    let legend = h.get_by_label_contains(" 校对建议 ");
    {
        use egui_kittest::kittest::NodeT;
        let label = legend.accesskit_node().label().unwrap_or_default();
        assert!(!label.contains(" 0 "), "{label}");
    }
    // Clicking a suggestion's context shows that place in the text.
    assert_eq!(h.state().view.selected, 0);
    let report = h.state().ws.report_at(group[0].range.start);
    h.query_all_by_label_contains("昨")
        .find(|n| {
            use egui_kittest::kittest::NodeT;
            let node = n.accesskit_node();
            let text = node.label().or(node.value()).unwrap_or_default();
            text.starts_with("第")
        })
        .expect("a suggestion in context")
        .click();
    h.run();
    assert_eq!(Some(h.state().view.selected), report);
    assert_eq!(Some(h.state().view.editor.report), report);
    // 全部采纳: every place of the group in one step, undone in one.
    let steps = h.state().ws.history.len();
    h.query_all_by_label("全部采纳")
        .next()
        .expect("the group's button")
        .click();
    h.run();
    let text = h.state().ws.text.clone();
    for f in &group {
        assert_eq!(&text[f.range.clone()], "作");
    }
    assert_eq!(
        h.state().ws.history.len(),
        steps + 1,
        "the group is one undo step"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().ws.text, before);
}

#[test]
fn ignored_suggestions_stay_ignored_in_the_autosaved_session() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _) = garbled_app(dir.path());
    let mut h = harness(app);
    h.run();
    h.run();
    let listed = |h: &Harness<'static, App>| {
        h.state()
            .ws
            .fresh_proofreading()
            .unwrap()
            .iter()
            .zip(&h.state().ws.proof_keys)
            .filter(|(_, k)| !h.state().ws.proof_ignored.contains(*k))
            .count()
    };
    let n = listed(&h);
    h.query_all_by_label("忽略")
        .next()
        .expect("an ignore button")
        .click();
    h.run();
    assert_eq!(listed(&h), n - 1, "one suggestion ignored");
    h.query_all_by_label("全部忽略")
        .next()
        .expect("the group's button")
        .click();
    h.run();
    let left = listed(&h);
    assert!(left < n - 1, "the whole group ignored");
    assert!(h.query_by_label_contains("错字替换：").is_none());
    // The session keeps them; reading it back (as restoring does) ignores them again.
    let session = h.state().session();
    assert_eq!(session.ignored_proof.len(), n - left);
    let json = serde_json::to_string(&session).unwrap();
    let back: qinggao::session::Session = serde_json::from_str(&json).unwrap();
    assert_eq!(back.ignored_proof, session.ignored_proof);
    let (mut again, _) = garbled_app(dir.path());
    again.ws.proof_ignored = back.ignored_proof.iter().cloned().collect();
    again.ws.run_proofreading();
    let h2 = harness(again);
    assert_eq!(listed(&h2), left);
}

/// The answers file the GUI saves carries the suggestions accepted and ignored in the 校对
/// tab: `qinggao clean --fill` applies the accepted one to the file and leaves the ignored
/// one even with its kind accepted; loading the file into a fresh window ignores the
/// ignored one again and applies the accepted one.
#[test]
fn accepted_and_ignored_suggestions_travel_in_the_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    // The garbled sample with a genuine 昨天, so that the text as cleaned by the command
    // line still reads 作 best (without it the cleaned sample reads 伤: see the README).
    let garbled = include_str!("fixtures/compilation.txt")
        .replace('作', "昨")
        .replace("同志们：\n", "同志们：\n昨天下午，县里召开了专题会议。\n");
    let window = |garbled: &str| {
        let mut app = App::new(Prefs::default());
        app.data_dir = Some(dir.path().to_path_buf());
        app.open_document(qinggao::Document::from_text(garbled.to_string()));
        app.prefs.tool_tab = ToolTab::Proof;
        app
    };
    let app = window(&garbled);
    let mut h = harness(app);
    h.run();
    h.run();
    let before: Vec<String> = h.state().ws.proof_keys.clone();
    h.query_all_by_label("采纳")
        .next()
        .expect("an accept button")
        .click();
    h.run();
    h.query_all_by_label("忽略")
        .next()
        .expect("an ignore button")
        .click();
    h.run();
    let ignored: Vec<String> = h.state().ws.proof_ignored.iter().cloned().collect();
    assert_eq!(ignored.len(), 1);
    let answers = dir.path().join("答案.json");
    assert!(h.state_mut().save_answers(&answers));
    let saved = qinggao::placeholder::Answers::load(&answers).unwrap();
    assert_eq!(saved.proofread.accepted.len(), 1, "{saved:?}");
    assert_eq!(saved.proofread.ignored.len(), 1, "{saved:?}");
    let accepted = saved.proofread.accepted.iter().next().unwrap().clone();
    assert!(before.contains(&accepted) && ignored[0] != accepted);

    // The command line applies them to the file as downloaded (its cleaning changes the
    // text around them, and the counts of 昨: compared with cleaning alone).
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, &garbled).unwrap();
    let out = dir.path().join("out.txt");
    let clean = |extra: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_qinggao"))
            .arg("clean")
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .arg("--force")
            .args(extra)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read_to_string(&out).unwrap()
    };
    let plain = clean(&[]).matches('昨').count();
    let answers_arg = answers.to_str().unwrap();
    let cleaned = clean(&["--fill", answers_arg]);
    assert_eq!(
        cleaned.matches('昨').count(),
        plain - 1,
        "the accepted one only: {accepted}\n{cleaned}"
    );
    let cleaned = clean(&["--fill", answers_arg, "--accept-proofread", "substitution"]);
    assert_eq!(
        cleaned.matches('昨').count(),
        2,
        "the ignored one and 昨天 stay: {cleaned}"
    );

    // A fresh window loading the file: the ignored one is not listed, the accepted applied.
    let mut again = window(&garbled);
    again.load_answers(&answers);
    assert_eq!(
        again.ws.text.matches('昨').count(),
        garbled.matches('昨').count() - 1
    );
    let listed = again
        .ws
        .fresh_proofreading()
        .unwrap()
        .iter()
        .zip(&again.ws.proof_keys)
        .filter(|(_, k)| !again.ws.proof_ignored.contains(*k))
        .count();
    // 昨天 is no suggestion; one accepted, one ignored.
    assert_eq!(listed, garbled.matches('昨').count() - 3);
}

/// Issue 18's task, as a user does it: open a compilation, pick a report, answer its unit's
/// name, apply the cleaning, and hand in the report as a 公文 .docx. Every click and key
/// press is counted (typing an answer is not); the goal is at most ten.
#[test]
fn from_download_to_handed_in_docx_in_at_most_ten_actions() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    let mut actions = 0;
    // 1. Open (from the file manager, the dialog or the recent list: one action).
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(dir.path().join("data"));
    app.open_path(&file);
    actions += 1;
    let mut h = harness(app);
    h.run();
    // 2. Pick the second report.
    let title = h.state().ws.analysis.outline.reports[1].title.clone();
    h.get_by_label_contains(&format!("2. {title}")).click();
    actions += 1;
    h.run();
    assert_eq!(h.state().view.selected, 1);
    // 3. Answer its first named unit (XX镇, XX区…): click the field, type.
    let group = {
        let ws = &h.state().ws;
        ws.analysis
            .report_placeholders(1)
            .iter()
            .map(|p| p.group(&ws.text))
            .find(|g| g.chars().count() > 2 && g.starts_with("XX"))
            .expect("the second sample report names its unit")
    };
    h.get_by_role_and_label(Role::TextInput, &group).click();
    actions += 1;
    h.run();
    h.get_by_role_and_label(Role::TextInput, &group)
        .type_text("白鹭");
    h.run();
    // 4–5. The cleaning tab, 应用清理.
    h.get_by_label_contains("清理（").click();
    actions += 1;
    h.run();
    h.get_by_role_and_label(Role::Button, "应用清理").click();
    actions += 1;
    h.run();
    // 6–7. Ctrl+E proposes this report as .docx beside the source; one click exports.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    actions += 1;
    h.run();
    h.get_by_label_contains("Word 公文格式（.docx）");
    let go = if h.query_by_label("仍然导出").is_some() {
        "仍然导出"
    } else {
        "导出"
    };
    h.get_by_role_and_label(Role::Button, go).click();
    actions += 1;
    h.run();
    assert!(actions <= 10, "{actions} actions");

    assert!(
        h.state().view.export.as_ref().is_none_or(|d| !d.open),
        "the dialog closes; the notice says where the file went"
    );
    assert!(
        h.state()
            .view
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("已导出 1 个文件"))
    );
    // The title names the unit now, and so does the file.
    let title = h.state().ws.analysis.outline.reports[1].title.clone();
    assert!(title.starts_with("白鹭"), "{title}");
    let name = qinggao::export::file_name(2, &title, "docx");
    let out = dir.path().join(&name);
    assert!(out.exists(), "{name} written beside the source");
    let document = {
        use std::io::Read as _;
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        let mut s = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    let filled = format!("白鹭{}", &group["XX".len()..]);
    assert!(
        document.contains(&filled),
        "the answer {filled} is in the file"
    );
    assert!(!document.contains("##paid"), "the junk is cleaned");
    assert!(
        !h.state().ws.is_dirty(),
        "after the export the status bar no longer says 有未导出的修改"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        qinggao::gui::SAMPLE_TEXT,
        "the source is never written"
    );
}

/// A long notice wraps within the editor: its 知道了 stays left of the tools panel, the
/// editor keeps its width, and Esc closes it.
#[test]
fn a_long_notice_wraps_keeps_its_button_in_view_and_closes_with_escape() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let editor_width =
        |h: &Harness<'static, App>| h.get_by_role(Role::MultilineTextInput).rect().width();
    let before = editor_width(&h);
    h.state_mut().say(
        "没有保存答案（未选择位置；如果系统对话框没有出现，答案仍在自动保存中，下次打开同一个文件时可以恢复，\
         也可以在“文件”菜单中选择另一个位置保存，或者把答案复制出来）。"
            .repeat(2),
    );
    h.run();
    let button = h.get_by_role_and_label(Role::Button, "知道了").rect();
    let tools = h.get_by_label_contains("填空（余").rect();
    assert!(
        button.max.x <= tools.min.x,
        "知道了 at {button:?} is under the tools panel at {tools:?}"
    );
    assert!(
        (editor_width(&h) - before).abs() < 1.0,
        "the editor keeps its width"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().view.notice.is_none(), "Esc closes the notice");
    assert!(h.query_by_label("知道了").is_none());
}

/// 保存答案后继续 when no save dialog appears: a path entry asks where, nothing closes
/// until the answers are written, and then the window closes.
#[test]
fn saving_answers_without_a_file_dialog_asks_for_a_path_and_closes_only_once_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    let mut h = edited_file_app(&dir.path().join("data"), &file, "改");
    h.state_mut().native_dialogs = false;
    h.state_mut()
        .answers
        .groups
        .insert("XX区".into(), "滨江".into());
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    h.get_by_label("保存答案后继续").click();
    h.run();
    assert!(
        matches!(h.state().view.modal, Some(Modal::SavePathEntry { .. })),
        "{:?}",
        h.state().view.modal
    );
    assert!(!h.state().allow_close, "nothing saved, nothing closed");
    let proposed = dir.path().join("汇编-填空答案.json");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "保存到").value(),
        Some(proposed.display().to_string()),
        "the proposal sits beside the source"
    );
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run();
    let saved = std::fs::read_to_string(&proposed).expect("the answers were written");
    assert!(saved.contains("滨江"), "{saved}");
    assert!(h.state().allow_close, "saved, then closed");
}

/// The find bar: its buttons never sit on the field, the count stays on one line, every
/// match is highlighted and the current one apart, the scope is said and can be the whole
/// compilation, and 全部替换 there is one undo step that says how many it changed.
#[test]
fn find_highlights_matches_says_its_scope_and_replaces_across_the_compilation() {
    use qinggao::gui::Mark;
    let dir = tempfile::tempdir().unwrap();
    // The window's size at first start (1280 × 820), where the editor is narrowest.
    let mut h = harness_sized(sample_app(dir.path()), egui::vec2(1280.0, 820.0));
    h.run();
    let before = h.state().ws.text.clone();
    let query = "XX区";
    let in_report = report_text(h.state(), 0).matches(query).count();
    let everywhere = before.matches(query).count();
    assert!(
        in_report >= 2 && everywhere > in_report,
        "{in_report}/{everywhere}"
    );
    let editor_width = h.get_by_role(Role::MultilineTextInput).rect().width();
    h.key_press_modifiers(Modifiers::COMMAND, Key::H);
    h.run();
    // Nothing overlaps, before any typing, and everything stays left of the tools panel
    // without widening the editor.
    let field = h.get_by_role_and_label(Role::TextInput, "查找").rect();
    let tools = h.get_by_label_contains("填空（余").rect();
    for b in ["上一个", "下一个", "关闭", "替换", "全部替换（0 处）"] {
        let r = h.get_by_role_and_label(Role::Button, b).rect();
        assert!(!r.intersects(field), "{b} {r:?} on the field {field:?}");
        assert!(
            r.max.x <= tools.min.x,
            "{b} {r:?} under the tools panel {tools:?}"
        );
    }
    assert!(
        (h.get_by_role(Role::MultilineTextInput).rect().width() - editor_width).abs() < 1.0,
        "the find bar does not widen the editor"
    );
    h.get_by_role_and_label(Role::TextInput, "查找")
        .type_text(query);
    h.run();
    let count = h.get_by_label(&format!("第 1/{in_report} 处")).rect();
    assert!(
        count.height() < 2.0 * field.height(),
        "the count is one line: {count:?}"
    );
    let marks = |h: &Harness<'static, App>, m: Mark| {
        h.state()
            .view
            .editor
            .spans
            .iter()
            .filter(|s| s.mark == m)
            .count()
    };
    assert_eq!(marks(&h, Mark::Current), 1);
    assert_eq!(marks(&h, Mark::Found), in_report - 1);
    h.get_by_label("本篇");
    h.get_by_label("全部汇编").click();
    h.run();
    h.get_by_label(&format!("第 1/{everywhere} 处"));
    h.get_by_role_and_label(Role::TextInput, "替换为").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "替换为")
        .type_text("滨江区");
    h.run();
    h.get_by_label_contains("“XX区”改为“滨江区”");
    h.get_by_label(&format!("全部替换（{everywhere} 处）"))
        .click();
    h.run();
    assert_eq!(h.state().ws.text.matches(query).count(), 0);
    assert!(
        h.state()
            .view
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains(&format!("替换 {everywhere} 处"))),
        "{:?}",
        h.state().view.notice
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().ws.text, before, "one undo step");
}

/// The cleaning panel says its scope: 本篇 counts and cleans only the report shown.
#[test]
fn cleaning_says_its_scope_and_can_clean_only_the_report_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    h.get_by_label_contains("清理（").click();
    // The tools panel widens to the cleaning list over a few frames.
    for _ in 0..6 {
        h.step();
    }
    h.run();
    let all = h.state().ws.plan.len();
    h.get_by_label(&format!("全部汇编将修改 {all} 处"));
    h.get_by_label("本篇").click();
    h.run();
    let range = h.state().ws.report_range(0);
    let here = h
        .state()
        .ws
        .plan
        .iter()
        .filter(|e| e.range.start >= range.start && e.range.end <= range.end)
        .count();
    assert!(here > 0 && here < all, "{here} of {all}");
    h.get_by_label(&format!("本篇将修改 {here} 处"));
    let other = report_text(h.state(), 1);
    h.get_by_role_and_label(Role::Button, "应用清理").click();
    h.run();
    assert_eq!(report_text(h.state(), 1), other, "other reports untouched");
    assert!(
        h.state()
            .view
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains(&format!("已清理本篇 {here} 处")))
    );
}

/// The first start shows the 使用说明 until 不再显示; 帮助 lists the keyboard shortcuts.
#[test]
fn the_first_start_guide_can_be_dismissed_for_good_and_shortcuts_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.first_start_guide();
    let mut h = harness(app);
    h.run();
    h.get_by_label("使用说明");
    h.get_by_label_contains("Ctrl+E");
    h.get_by_role_and_label(Role::Button, "不再显示").click();
    h.run();
    assert!(h.state().view.modal.is_none());
    assert!(
        h.state().prefs.guide_dismissed,
        "remembered in the preferences"
    );
    h.state_mut().first_start_guide();
    h.run();
    assert!(h.state().view.modal.is_none(), "not shown again");

    h.get_by_label("帮助").click();
    h.run();
    h.get_by_label("键盘快捷键").click();
    h.run();
    for (what, key) in [("导出…", "Ctrl+E"), ("查找", "Ctrl+F"), ("重做", "Ctrl+Y")] {
        h.get_by_label(what);
        h.get_by_label_contains(key);
    }
}

/// What the fill field called `label` shows.
fn field(h: &Harness<'static, App>, label: &str) -> String {
    h.get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

/// Clicks report `i` in the reports list.
fn select_report(h: &mut Harness<'static, App>, i: usize) {
    let title = h.state().ws.analysis.outline.reports[i].title.clone();
    h.get_by_label(&format!("{}. {title}", i + 1)).click();
    h.run();
    assert_eq!(h.state().view.selected, i);
}

/// Clicks the fill field whose label contains `part` and types `text` over what it holds.
fn retype(h: &mut Harness<'static, App>, part: &str, text: &str) {
    let node = h
        .get_all_by_role(Role::TextInput)
        .find(|n| {
            egui_kittest::kittest::NodeT::accesskit_node(n)
                .label()
                .is_some_and(|l| l.contains(part))
        })
        .unwrap_or_else(|| panic!("no fill field for {part}"));
    node.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    if text.is_empty() {
        h.key_press(Key::Backspace);
    } else {
        h.event(egui::Event::Text(text.into()));
    }
    h.run();
}

/// How many places of report 1 the group XX区 has.
fn xx_qu(app: &App) -> usize {
    app.ws
        .analysis
        .report_placeholders(0)
        .iter()
        .filter(|p| p.group(&app.ws.text) == "XX区")
        .count()
}

fn fill_app(data: &Path, text: &str) -> App {
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.to_path_buf());
    app.open_document(qinggao::Document::from_text(text));
    app.prefs.tool_tab = ToolTab::Fill;
    app
}

/// Issue 16 item 7: after undo, redo and a switch to another report the field shows what
/// that report's text holds, never the answer typed in another report.
#[test]
fn a_fill_field_shows_what_the_text_holds_after_undo_redo_and_a_report_switch() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.prefs.tool_tab = ToolTab::Fill;
    let mut h = harness(app);
    h.run();
    let first = report_text(h.state(), 0);
    let n = xx_qu(h.state());
    retype(&mut h, "XX区", "滨江");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(report_text(h.state(), 0).matches("滨江区").count(), n);
    assert_eq!(
        field(&h, "XX区"),
        "滨江",
        "the answered group stays in view"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(report_text(h.state(), 0), first);
    assert_eq!(
        field(&h, "XX区"),
        "",
        "after undo the field shows the text: no answer"
    );
    assert!(h.query_by_label("这篇报告没有待填的占位符。").is_none());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(report_text(h.state(), 0).matches("滨江区").count(), n);
    assert_eq!(
        field(&h, "XX区"),
        "滨江",
        "after redo the answer is back in the field"
    );

    select_report(&mut h, 1);
    assert!(report_text(h.state(), 1).contains("XX区"));
    assert_eq!(field(&h, "XX区"), "", "report 2's XX区 is not answered yet");
    retype(&mut h, "XX区", "江北");
    assert!(report_text(h.state(), 1).contains("江北区"));
    assert!(!report_text(h.state(), 1).contains("XX区"));
    assert_eq!(
        report_text(h.state(), 0).matches("滨江区").count(),
        n,
        "typing in report 2 leaves report 1 alone"
    );
    select_report(&mut h, 0);
    assert_eq!(field(&h, "XX区"), "滨江");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        field(&h, "XX区"),
        "滨江",
        "undoing report 2's answer leaves report 1's"
    );
    select_report(&mut h, 1);
    assert_eq!(field(&h, "XX区"), "");
    assert!(report_text(h.state(), 1).contains("XX区"));
}

/// Issue 16 item 7: an answer that already ends with the group's suffix is not doubled.
#[test]
fn an_answer_ending_in_the_suffix_is_not_doubled() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(fill_app(
        dir.path(),
        "XX镇2024年工作总结\n\n一、主要成效\nXX镇全年完成投资XX万元。\n",
    ));
    h.run();
    retype(&mut h, "XX镇", "白鹭镇");
    let text = h.state().ws.text.clone();
    assert!(
        text.contains("白鹭镇2024年") && text.contains("白鹭镇全年"),
        "{text}"
    );
    assert!(!text.contains("镇镇"), "{text}");
    assert_eq!(
        field(&h, "XX镇"),
        "白鹭镇",
        "what was typed stays while typing"
    );
    retype(&mut h, "投资【XX】万元", "120万元");
    assert!(
        h.state().ws.text.contains("投资120万元。"),
        "{}",
        h.state().ws.text
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        field(&h, "XX镇"),
        "白鹭",
        "then the field shows what the text holds"
    );
}

/// Issue 17 defect 5: the keystrokes of an answer are one undo step, each analyses the text
/// once (not undo + re-apply), and redo still works after undoing it.
#[test]
fn typing_an_answer_key_by_key_is_one_undo_step_and_one_analysis_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.prefs.tool_tab = ToolTab::Fill;
    let mut h = harness(app);
    h.run();
    let before = report_text(h.state(), 0);
    h.get_by_role_and_label(Role::TextInput, "XX区").click();
    h.run();
    let steps = h.state().ws.history.len();
    for ch in ["滨", "江", "新", "区"] {
        let analyses = h.state().ws.analyses;
        h.event(egui::Event::Text(ch.into()));
        h.run();
        assert!(
            h.state().ws.analyses - analyses <= 1,
            "{} analyses for one key",
            h.state().ws.analyses - analyses
        );
    }
    assert!(report_text(h.state(), 0).contains("滨江新区"));
    assert!(!report_text(h.state(), 0).contains("滨江新区区"));
    assert_eq!(
        h.state().ws.history.len(),
        steps + 1,
        "one step for the answer"
    );
    assert_eq!(h.state().ws.history.undo_label(), Some("填写 XX区"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(report_text(h.state(), 0), before);
    assert!(h.state().ws.history.can_redo());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert!(report_text(h.state(), 0).contains("滨江新区"));
}

/// Issue 16 item 3: an answered group stays listed as 已填, the filter shows 待填 or 已填
/// only, and editing the answer in place changes every place it filled, as one undo step.
#[test]
fn an_answered_group_stays_listed_and_editing_it_refills_every_place_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.prefs.tool_tab = ToolTab::Fill;
    let mut h = harness(app);
    h.run();
    let n = xx_qu(h.state());
    retype(&mut h, "XX区", "滨江");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("已填写");
    let singles = |h: &Harness<'static, App>| {
        h.get_all_by_role(Role::TextInput)
            .filter(|n| {
                egui_kittest::kittest::NodeT::accesskit_node(n)
                    .label()
                    .is_some_and(|l| l.contains('【'))
            })
            .count()
    };
    assert!(singles(&h) > 0);
    h.get_by_label("待填").click();
    h.run();
    assert!(h.query_by_role_and_label(Role::TextInput, "XX区").is_none());
    assert!(singles(&h) > 0, "pending figures are listed");
    h.get_by_label("已填").click();
    h.run();
    assert_eq!(field(&h, "XX区"), "滨江");
    assert_eq!(singles(&h), 0, "no figure is answered yet");
    h.get_by_label("全部").click();
    h.run();

    let steps = h.state().ws.history.len();
    retype(&mut h, "XX区", "江北");
    h.event(egui::Event::Text("新".into()));
    h.run();
    let text = report_text(h.state(), 0);
    assert_eq!(text.matches("江北新区").count(), n, "{text}");
    assert!(!text.contains("滨江"));
    assert_eq!(
        h.state().ws.history.len(),
        steps + 1,
        "one step for the change"
    );
    assert_eq!(
        h.state().answers.groups.get("XX区").map(String::as_str),
        Some("江北新")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(report_text(h.state(), 0).matches("滨江区").count(), n);
    assert_eq!(field(&h, "XX区"), "滨江");
}

/// Issue 16 item 4: once XX镇 is answered, its name is offered for the bare place names,
/// taken with one key (Enter in the empty field) or one click.
#[test]
fn a_carried_over_answer_is_offered_and_confirmed_with_one_key_or_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(fill_app(
        dir.path(),
        "XX镇2024年工作总结\n\n一、主要成效\n着力打造美丽XX，结合XX实际推进项目。\n\
         全面建设勤廉XX。注册人数XX，同比增长。\n",
    ));
    h.run();
    assert!(
        h.query_by_label_contains("采用“").is_none(),
        "nothing to offer yet"
    );
    retype(&mut h, "XX镇", "白鹭");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.get_by_role_and_label(Role::TextInput, "本地地名（XX）")
            .is_focused(),
        "Enter moves on to the bare place names"
    );
    h.get_by_label("采用“白鹭”");
    h.key_press(Key::Enter);
    h.run();
    let text = h.state().ws.text.clone();
    assert!(
        text.contains("美丽白鹭，结合白鹭实际") && text.contains("勤廉白鹭"),
        "{text}"
    );
    assert_eq!(field(&h, "本地地名（XX）"), "白鹭");
    assert!(
        h.query_by_label("采用“白鹭”").is_none(),
        "nothing left to offer"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().ws.text.contains("美丽XX"));
    h.get_by_label("采用“白鹭”").click();
    h.run();
    assert!(h.state().ws.text.contains("美丽白鹭"));
    assert!(h.state().ws.text.contains("注册人数XX"));
}

/// Issue 16 item 5: a figure that is not a number in any usual form gets a gentle mark; a
/// month past 12 too. Nothing is refused.
#[test]
fn an_answer_that_is_not_a_number_gets_a_gentle_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(fill_app(
        dir.path(),
        "XX区2024年工作总结\n\n一、主要成效\n全年完成投资XX万元，项目于X月开工。\n",
    ));
    h.run();
    assert!(h.query_by_label("请核对").is_none());
    retype(&mut h, "投资【XX】万元", "很多");
    assert!(
        h.state().ws.text.contains("投资很多万元"),
        "written all the same"
    );
    h.get_by_label("请核对");
    retype(&mut h, "投资【XX】万元", "1,200");
    assert!(h.query_by_label("请核对").is_none(), "1,200 is a number");
    retype(&mut h, "于【X】月", "13");
    h.get_by_label("请核对");
    retype(&mut h, "于【X】月", "十二");
    assert!(h.query_by_label("请核对").is_none());
}

/// What the fill fields of the selected report must show, worked out from the text alone:
/// since only answers change it, each placeholder of the loaded text now holds the text
/// between the unchanged stretches around it. Checks every field on screen; returns how
/// name groups and single placeholders it checked.
fn check_fields(
    h: &Harness<'static, App>,
    original: &str,
    placeholders: &[qinggao::placeholder::Placeholder],
    reports: &[std::ops::Range<usize>],
    step: usize,
) -> (usize, usize) {
    use qinggao::placeholder::without_tail;
    let app = h.state();
    let text = app.ws.text.as_str();
    // Where each placeholder stands now, and what it holds.
    let mut now = Vec::with_capacity(placeholders.len());
    let first = &original[..placeholders[0].range.start];
    assert!(
        text.starts_with(first),
        "step {step}: text before the first placeholder"
    );
    let mut pos = first.len();
    for (i, p) in placeholders.iter().enumerate() {
        let gap_end = placeholders
            .get(i + 1)
            .map_or(original.len(), |q| q.range.start);
        let gap = &original[p.range.end..gap_end];
        let end = if i + 1 < placeholders.len() {
            pos + text[pos..]
                .find(gap)
                .expect("the text between answers is unchanged")
        } else {
            assert!(text.ends_with(gap), "step {step}");
            text.len() - gap.len()
        };
        now.push(pos..end);
        pos = end + gap.len();
    }
    let report = &reports[app.view.selected];
    let in_report: Vec<usize> = (0..placeholders.len())
        .filter(|&i| {
            placeholders[i].range.start >= report.start && placeholders[i].range.end <= report.end
        })
        .collect();
    let answered = |i: usize| text[now[i].clone()] != original[placeholders[i].range.clone()];
    let mut checked = (0, 0);
    for node in h.get_all_by_role(Role::TextInput) {
        let ak = egui_kittest::kittest::NodeT::accesskit_node(&node);
        let (Some(label), value) = (ak.label(), node.value().unwrap_or_default()) else {
            continue;
        };
        let group = label
            .strip_prefix("本地地名（")
            .and_then(|l| l.strip_suffix('）'))
            .unwrap_or(&label);
        let places: Vec<usize> = in_report
            .iter()
            .copied()
            .filter(|&i| {
                let p = &placeholders[i];
                p.kind == qinggao::placeholder::PlaceholderKind::Name
                    && p.suffix.is_some()
                    && p.group(original) == group
            })
            .collect();
        let (expected, tail): (Vec<String>, Option<String>) = if !places.is_empty() {
            let first = places.iter().find(|&&i| answered(i));
            let p = &placeholders[places[0]];
            (
                vec![first.map_or(String::new(), |&i| text[now[i].clone()].to_string())],
                p.suffix.map(str::to_string),
            )
        } else {
            // A single placeholder: its label is its context in the text as it is now.
            let singles: Vec<usize> = in_report
                .iter()
                .copied()
                .filter(|&i| {
                    let around = qinggao::placeholder::context_around(text, now[i].clone());
                    let l = format!(
                        "{}【{}】{}",
                        &text[around.start..now[i].start],
                        &original[placeholders[i].range.clone()],
                        &text[now[i].end..around.end]
                    );
                    l == label
                })
                .collect();
            if singles.is_empty() {
                continue;
            }
            (
                singles
                    .iter()
                    .map(|&i| {
                        if answered(i) {
                            text[now[i].clone()].to_string()
                        } else {
                            String::new()
                        }
                    })
                    .collect(),
                placeholders[singles[0]].unit(original).map(str::to_string),
            )
        };
        let shows = |e: &String| value == *e || without_tail(value.trim(), tail.as_deref()) == e;
        assert!(
            expected.iter().any(shows),
            "step {step}: field {label} shows {value:?}, the text holds {expected:?}"
        );
        if places.is_empty() {
            checked.1 += 1;
        } else {
            checked.0 += 1;
        }
    }
    checked
}

/// Issue 16 proof: fills, answer edits, undo/redo and report switches interleaved at random
/// through the UI; after every step each fill field on screen shows what the text holds.
#[test]
fn random_fills_edits_undo_and_report_switches_keep_every_field_true_to_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app(dir.path());
    app.prefs.tool_tab = ToolTab::Fill;
    let original = app.ws.text.clone();
    let analysis = qinggao::analysis::analyze(&original);
    let placeholders = analysis.placeholders.clone();
    let reports: Vec<_> = analysis
        .outline
        .reports
        .iter()
        .map(|r| r.range.clone())
        .collect();
    let mut h = harness(app);
    h.run();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let values = ["滨江", "江北", "35", "1.5", "白鹭镇", "二十", "12"];
    let mut checked = (0, 0);
    let mut steps = [0usize; 6];
    for step in 0..160 {
        let kind = rng.below(10);
        match kind {
            0..=3 => {
                // Type an answer (or clear one) into a field of this report.
                let labels: Vec<String> = h
                    .get_all_by_role(Role::TextInput)
                    .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
                    .filter(|l| l.contains('【') || l.contains("XX"))
                    .collect();
                if let Some(l) = labels.get(rng.below(labels.len())) {
                    let v = if rng.below(6) == 0 {
                        ""
                    } else {
                        values[rng.below(values.len())]
                    };
                    retype(&mut h, l, v);
                    steps[0] += 1;
                }
            }
            4 => {
                // One more keystroke into the fill field being typed, if one has the focus.
                let typing = h.get_all_by_role(Role::TextInput).any(|n| {
                    n.is_focused()
                        && egui_kittest::kittest::NodeT::accesskit_node(&n)
                            .label()
                            .is_some_and(|l| l.contains('【') || l.contains("XX"))
                });
                if typing {
                    h.event(egui::Event::Text(["新", "5"][rng.below(2)].into()));
                    steps[1] += 1;
                }
            }
            5 => {
                h.key_press([Key::Enter, Key::Tab][rng.below(2)]);
                steps[2] += 1;
            }
            6 | 7 => {
                h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
                steps[3] += 1;
            }
            8 => {
                h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
                steps[4] += 1;
            }
            _ => {
                let i = rng.below(reports.len());
                select_report(&mut h, i);
                steps[5] += 1;
            }
        }
        h.run();
        let (groups, singles) = check_fields(&h, &original, &placeholders, &reports, step);
        checked = (checked.0 + groups, checked.1 + singles);
    }
    assert!(
        steps.iter().all(|&n| n > 5),
        "every kind of step ran: {steps:?}"
    );
    assert!(
        checked.0 > 100 && checked.1 > 1000,
        "only {checked:?} group and single fields checked"
    );
    // Undo everything: the loaded text again.
    let app = h.state_mut();
    while app.ws.undo() {}
    assert_eq!(app.ws.text, original);
}

/// After restoring an autosave, the answers in it are listed as answered, not lost from
/// the panel.
#[test]
fn restored_answers_stay_listed_as_answered() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("汇编.txt");
    std::fs::write(&file, qinggao::gui::SAMPLE_TEXT).unwrap();
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.clone());
    app.open_path(&file);
    app.prefs.tool_tab = ToolTab::Fill;
    let mut h = harness(app);
    h.run();
    retype(&mut h, "XX区", "滨江");
    h.key_press(Key::Enter);
    h.run();
    let edited = h.state().ws.text.clone();
    h.state_mut().autosave_now();
    let mut again = App::new(Prefs::default());
    again.data_dir = Some(data);
    again.open_path(&file);
    again.prefs.tool_tab = ToolTab::Fill;
    let mut h = harness(again);
    h.run();
    h.get_by_label("恢复").click();
    h.run();
    assert_eq!(h.state().ws.text, edited);
    assert_eq!(field(&h, "XX区"), "滨江");
    h.get_by_label("已填写");
}

/// Filled answers are marked in the editor with a colour of their own, counted in the legend.
#[test]
fn filled_answers_are_marked_in_the_editor() {
    use qinggao::gui::Mark;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let n = h
        .state()
        .ws
        .analysis
        .report_placeholders(0)
        .iter()
        .filter(|p| p.group(&h.state().ws.text) == "XX区")
        .count();
    assert!(n >= 2);
    let marked = |h: &Harness<'static, App>| {
        h.state()
            .view
            .editor
            .spans
            .iter()
            .filter(|s| s.mark == Mark::Filled)
            .count()
    };
    assert_eq!(marked(&h), 0);
    h.state_mut().prefs.tool_tab = ToolTab::Fill;
    h.run();
    h.get_by_role_and_label(Role::TextInput, "XX区").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "XX区")
        .type_text("滨江");
    h.run();
    assert_eq!(marked(&h), n, "every filled place is marked");
    let ws = &h.state().ws;
    let base = ws.report_range(0).start;
    for s in h
        .state()
        .view
        .editor
        .spans
        .iter()
        .filter(|s| s.mark == Mark::Filled)
    {
        assert_eq!(&ws.text[base + s.range.start..base + s.range.end], "滨江");
    }
    h.get_by_label_contains(&format!("已填写 {n}"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(marked(&h), 0, "undone, the mark goes");
}

/// Goes past 仍然导出 (placeholders left) if asked, and sees the notice say it exported.
fn confirm_export(h: &mut Harness<'static, App>) {
    if h.query_by_label("仍然导出").is_some() {
        h.get_by_label("仍然导出").click();
        h.run();
    }
    assert!(
        h.state()
            .view
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("已导出")),
        "{:?}",
        h.state().view.notice
    );
}

/// Steps the harness until `done` holds (a conversion runs on a thread of its own), at
/// most `secs` seconds.
fn run_until(h: &mut Harness<'static, App>, secs: u64, done: impl Fn(&App) -> bool) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !done(h.state()) {
        assert!(std::time::Instant::now() < until, "timed out waiting");
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    h.run();
}

/// 文件 → 新建, paste a compilation copied from a web page: it is analysed like an opened
/// file (reports, outline, placeholders, cleaning), is called 未命名, and Ctrl+E proposes a
/// name made of its title in the last folder and writes it.
#[test]
fn a_new_document_takes_a_pasted_compilation_and_exports_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("导出");
    std::fs::create_dir(&out).unwrap();
    let mut app = sample_app(&dir.path().join("data"));
    app.prefs.last_folder = Some(out.clone());
    app.native_dialogs = false;
    let mut h = harness(app);
    h.run();
    h.get_by_label("文件").click();
    h.run();
    assert!(h.query_by_label_contains("新建").is_some(), "文件 has 新建");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().ws.text.is_empty());
    assert!(h.state().ws.untitled);
    assert_eq!(h.state().window_title(), "未命名 — 清稿");
    h.get_by_label_contains("粘贴进来（Ctrl+V）");
    let pasted = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/other_site.txt"),
    )
    .unwrap();
    // A click below the one-line editor leaves the focus nowhere: Ctrl+V still lands in
    // the empty document, its Windows line ends made LF.
    h.get_by_label("未命名").click();
    h.run();
    h.event(egui::Event::Paste(pasted.replace('\n', "\r\n")));
    h.run();
    std::thread::sleep(std::time::Duration::from_millis(350));
    h.run();
    assert_eq!(h.state().ws.text, pasted);
    let reports = h.state().ws.analysis.outline.reports.clone();
    assert_eq!(
        reports.len(),
        4,
        "{:?}",
        reports.iter().map(|r| &r.title).collect::<Vec<_>>()
    );
    for (i, r) in reports.iter().enumerate() {
        h.get_by_label(&format!("{}. {}", i + 1, r.title));
    }
    assert!(!h.state().ws.analysis.placeholders.is_empty());
    assert!(!h.state().ws.plan.is_empty(), "the site's junk is found");
    h.get_by_label_contains("4 篇报告");
    assert_eq!(h.state().ws.stem(), "2024年各单位工作总结范文精选（4篇）");
    // Ctrl+E: the first report as .docx, named by its title, in the last folder; Enter.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let name = qinggao::export::file_name(1, &reports[0].title, "docx");
    h.get_by_label_contains(&name);
    h.key_press(Key::Enter);
    h.run();
    confirm_export(&mut h);
    let written = out.join(&name);
    assert!(written.exists(), "{:?}", common::files_in(&out));
}

/// An untitled document is autosaved in one slot of its own: 新建 in a later run offers
/// it back, and the sample is never offered it.
#[test]
fn an_untitled_document_is_autosaved_and_offered_back_by_new() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut app = sample_app(&data);
    app.new_document();
    let mut h = harness(app);
    h.run();
    h.event(egui::Event::Paste(
        "关于XX区2024年工作的报告\n一、主要工作\n".into(),
    ));
    h.run();
    h.state_mut().autosave_now();
    let text = h.state().ws.text.clone();
    assert!(text.contains("主要工作"));
    drop(h);
    // The next run: the sample opens as usual, with no offer.
    let mut again = sample_app(&data);
    assert!(again.view.modal.is_none(), "{:?}", again.view.modal);
    again.new_document();
    assert!(
        matches!(again.view.modal, Some(Modal::RestoreAutosave { .. })),
        "{:?}",
        again.view.modal
    );
    let mut h = harness(again);
    h.run();
    h.get_by_label("恢复").click();
    h.run();
    assert_eq!(h.state().ws.text, text);
    assert!(h.state().ws.untitled);
}

/// A file the readers refuse: the notice offers LibreOffice's conversion; it runs off the
/// UI thread while the window shows that it works, and opens as the original file.
#[test]
fn a_refused_file_is_converted_by_libreoffice_on_request_and_opens_as_itself() {
    let dir = tempfile::tempdir().unwrap();
    let (rtf, converted) = common::rtf_and_its_docx(dir.path());
    let before = std::fs::read(&rtf).unwrap();
    // A LibreOffice that takes a moment, then writes the .docx.
    let bin = common::fake_soffice(
        dir.path(),
        &format!(
            "/bin/sleep 0.5; /bin/cp '{}' \"$out/$stem.docx\"",
            converted.display()
        ),
    );
    let mut app = sample_app(&dir.path().join("data"));
    app.converter.office = Some(bin.join("soffice"));
    app.open_path(&rtf);
    let mut h = harness(app);
    h.run();
    assert!(h.query_all_by_label_contains("汇编.rtf").count() >= 1);
    h.get_by_label("用 LibreOffice 转换后打开").click();
    // The spinner keeps the window drawing: steps, not run().
    h.run_steps(2);
    // While LibreOffice works, the window draws and says so.
    h.get_by_label("正在转换");
    h.get_by_label_contains("LibreOffice 正在把“汇编.rtf”转换为 .docx");
    run_until(&mut h, 20, |a| a.converter.running().is_none());
    let app = h.state();
    assert_eq!(app.ws.path.as_deref(), Some(rtf.as_path()));
    assert_eq!(app.ws.analysis.outline.reports.len(), 4);
    assert_eq!(app.prefs.recent.first(), Some(&rtf));
    h.get_by_label("由 LibreOffice 从 .rtf 转换为 .docx 后读取");
    h.get_by_label_contains("原文件没有改动");
    assert_eq!(std::fs::read(&rtf).unwrap(), before);
}

/// A LibreOffice that hangs is stopped at the time limit and the window says so; one that
/// is cancelled stops at once; without LibreOffice nothing is offered.
#[test]
fn a_hanging_conversion_times_out_or_is_cancelled_and_none_is_offered_without_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let (rtf, _) = common::rtf_and_its_docx(dir.path());
    let bin = common::fake_soffice(dir.path(), "exec /bin/sleep 600");
    let mut app = sample_app(&dir.path().join("data"));
    app.converter.office = Some(bin.join("soffice"));
    app.converter.limit = std::time::Duration::from_secs(1);
    app.open_path(&rtf);
    let mut h = harness(app);
    h.run();
    h.get_by_label("用 LibreOffice 转换后打开").click();
    h.run_steps(2);
    run_until(&mut h, 20, |a| a.converter.running().is_none());
    h.get_by_label("无法转换");
    assert!(h.query_all_by_label_contains("超过 1 秒").count() >= 1);
    assert!(h.state().ws.path.is_none(), "the sample is still open");
    // Cancelled: at once, and the window says so.
    h.get_by_label("确定").click();
    h.state_mut().converter.limit = std::time::Duration::from_secs(600);
    h.state_mut().open_path(&rtf);
    h.run();
    h.get_by_label("用 LibreOffice 转换后打开").click();
    // A few frames, until the dialog has its place (it is laid out over two).
    h.run_steps(5);
    h.get_by_role_and_label(Role::Button, "取消").click();
    h.run();
    assert!(h.state().converter.running().is_none());
    h.get_by_label("已取消转换");
    // No LibreOffice: the message says what to do, and there is nothing to click.
    h.state_mut().converter.office = None;
    h.state_mut().open_path(&rtf);
    h.run();
    assert!(h.query_all_by_label_contains("安装 LibreOffice 后").count() >= 1);
    assert!(h.query_by_label("用 LibreOffice 转换后打开").is_none());
}

/// The labels of every button in view.
fn button_labels(h: &Harness<'static, App>) -> Vec<String> {
    h.query_all_by_role(Role::Button)
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .map(|l| l.trim().to_string())
        .collect()
}

/// Issue 17, one label per action: the menus and the tool panels name an action as the
/// command table does (the fill panel once said 保存答案… where the menu said
/// 保存填空答案…). A button that asks for more ("…") is always an action of the table, and
/// the panels' buttons for the menu's actions carry the same labels.
#[test]
fn menus_and_panels_name_each_action_as_the_command_table_does() {
    use qinggao::gui::Action;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(sample_app(dir.path()));
    h.run();
    let mut seen: Vec<String> = Vec::new();
    for menu in ["文件", "编辑", "设置", "帮助"] {
        h.get_by_label(menu).click();
        h.run();
        seen.extend(button_labels(&h));
        h.key_press(Key::Escape);
        h.run();
    }
    for tab in [ToolTab::Fill, ToolTab::Clean] {
        h.state_mut().prefs.tool_tab = tab;
        h.run();
        let labels = button_labels(&h);
        let wanted: &[Action] = match tab {
            ToolTab::Fill => &[Action::SaveAnswers, Action::LoadAnswers],
            _ => &[Action::ApplyCleaning, Action::LoadRules],
        };
        for a in wanted {
            assert!(
                labels.iter().any(|l| l == a.label()),
                "the {tab:?} panel offers {} under its name: {labels:?}",
                a.label()
            );
        }
        seen.extend(labels);
    }
    let table: Vec<&str> = Action::ALL.iter().map(|a| a.label()).collect();
    // Menu buttons carry their shortcut after the label in the accessible name.
    let named = |l: &str| {
        table
            .iter()
            .any(|t| l == *t || l.starts_with(&format!("{t} ")))
    };
    for l in seen.iter().filter(|l| l.contains('…')) {
        assert!(
            named(l),
            "“{l}” is no action of the command table: {table:?}"
        );
    }
    for a in [
        Action::OpenSample,
        Action::Guide,
        Action::About,
        Action::ClearAutosaves,
    ] {
        assert!(
            seen.iter().any(|l| l == a.label()),
            "the menus show {}: {seen:?}",
            a.label()
        );
    }
}
