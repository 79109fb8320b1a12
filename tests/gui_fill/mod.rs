//! Fill-panel tests of issue 16's later items, using the helpers of tests/gui.rs: answers
//! keyed where they stood in the loaded file (a GUI-saved answers file against
//! `qinggao clean --fill`), the review list of filled values, 数字核对, one-click fixes.

use super::{harness, report_text, retype};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qinggao::gui::{App, Modal, Prefs, ToolTab};
use std::path::Path;

/// Two reports; the first line of the first report's body holds a name group twice and
/// four figures after a pinyin gloss that cleaning removes, its title a paywall marker.
const SAME_LINE: &str = "2024年工作总结汇编

##paidbegin##XX区住房和城乡建设局2024年工作总结

2024年，XX区住房和城乡建设局深入学习贯彻D的二十大精神，各项工作取得新进展。
一、主要工作
（一）户厕(cè)改造。全年投资XX万元，XX区新建户厕XX座，XX区改厕率达X%，完成XX个村。
（二）招商引资。新增企业XX家，到位资金XX亿元。
二、下一步打算
继续推进城乡建设。
##paidend##


XX区农业农村局2024年工作总结

2024年，XX区农业农村局粮食播种面积稳定在XX万亩，总产量XX万吨。
一、主要成效
粮食安全责任全面落实。
";

/// The app on `file`, its fill panel open, autosave in `data`, no system file dialogs.
fn file_app(data: &Path, file: &Path) -> Harness<'static, App> {
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.to_path_buf());
    app.native_dialogs = false;
    app.open_path(file);
    app.prefs.tool_tab = ToolTab::Fill;
    let mut h = harness(app);
    h.run();
    h
}

/// Clicks 应用清理 in the cleaning panel and comes back to the fill panel.
fn apply_cleaning(h: &mut Harness<'static, App>) {
    h.get_by_label_contains("清理（").click();
    for _ in 0..6 {
        h.step();
    }
    h.run();
    h.get_by_role_and_label(Role::Button, "应用清理").click();
    h.run();
    h.state_mut().prefs.tool_tab = ToolTab::Fill;
    h.run();
}

/// Exports the whole compilation as one .txt into `out` through Ctrl+E's full options and
/// returns what was written.
fn export_whole_txt(h: &mut Harness<'static, App>, out: &Path) -> Vec<u8> {
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    if h.query_by_label("更多选项…").is_some() {
        h.get_by_label("更多选项…").click();
        h.run();
    }
    h.get_by_label("整部汇编（一个文件）").click();
    h.run();
    h.get_by_label(".txt 文本").click();
    h.run();
    let folder = h.get_by_role_and_label(Role::TextInput, "保存到文件夹");
    folder.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text(out.display().to_string()));
    h.run();
    h.get_by_role_and_label(Role::Button, "导出").click();
    h.run();
    if h.query_by_label("仍然导出").is_some() {
        h.get_by_label("仍然导出").click();
        h.run();
    }
    let files: Vec<_> = std::fs::read_dir(out)
        .expect("the export folder was made")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::read(&files[0]).unwrap()
}

/// Issue 16 item 8: answers filled on one line (a group twice, single figures after it),
/// some after cleaning was applied, saved from the fill panel, fill the same places through
/// `qinggao clean --fill`: its output equals the GUI's export byte for byte.
#[test]
fn a_gui_saved_answers_file_fills_the_same_places_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("汇编.txt");
    std::fs::write(&src, SAME_LINE).unwrap();
    let mut h = file_app(&dir.path().join("data"), &src);
    retype(&mut h, "【XX】万元", "120");
    retype(&mut h, "XX区", "临川");
    retype(&mut h, "【XX】座", "35");
    apply_cleaning(&mut h);
    let text = report_text(h.state(), 0);
    assert!(!text.contains("(cè)"), "cleaning was applied: {text}");
    retype(&mut h, "【X】%", "98");
    retype(&mut h, "【XX】个村", "12");
    let text = report_text(h.state(), 0);
    let line =
        "（一）户厕改造。全年投资120万元，临川区新建户厕35座，临川区改厕率达98%，完成12个村。";
    assert!(text.contains(line), "{text}");

    h.get_by_label(qinggao::gui::Action::SaveAnswers.label())
        .click();
    h.run();
    assert!(
        matches!(h.state().view.modal, Some(Modal::SavePathEntry { .. })),
        "{:?}",
        h.state().view.modal
    );
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run();
    let answers = dir.path().join("汇编-填空答案.json");
    assert!(answers.exists(), "the answers were saved beside the source");

    let gui = export_whole_txt(&mut h, &dir.path().join("导出"));
    let cli_out = dir.path().join("cli.txt");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_qinggao"))
        .arg("clean")
        .arg(&src)
        .arg("--fill")
        .arg(&answers)
        .arg("-o")
        .arg(&cli_out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let cli = std::fs::read(&cli_out).unwrap();
    let (gui_text, cli_text) = (String::from_utf8_lossy(&gui), String::from_utf8_lossy(&cli));
    assert!(cli_text.contains(line), "{cli_text}");
    assert!(
        gui == cli,
        "GUI export and clean --fill differ:\n--- GUI\n{gui_text}\n--- CLI\n{cli_text}\n--- answers\n{}",
        std::fs::read_to_string(&answers).unwrap()
    );
    // The other report's XX区 was not answered in the GUI, and is not filled by the CLI.
    assert!(cli_text.contains("XX区农业农村局"), "{cli_text}");
}

/// A report whose title lost its unit's name, with a numbering gap and figures.
const TOWN: &str = "镇2024年工作总结

2024年，XX镇坚持稳中求进，全年查处违法案件15起，出动执法车辆38辆次，投入资金3.5万元，群众满意率达到96%。
一、主要工作
（一）抓党建。围绕中心服务大局。
（二）抓发展。项目建设提速。
（四）抓民生。办好民生实事。
（五）抓安全。守牢安全底线。
二、下一步打算
继续推进各项工作。
";

fn town_app(dir: &Path) -> Harness<'static, App> {
    let src = dir.join("镇.txt");
    std::fs::write(&src, TOWN).unwrap();
    file_app(&dir.join("data"), &src)
}

/// Issue 16 item 7: once XX镇 is answered, 标题缺单位名 offers to put the name before the
/// title, and a numbering gap offers to renumber the list; each is one undo step.
#[test]
fn findings_with_an_obvious_fix_offer_it_as_one_undoable_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = town_app(dir.path());
    assert!(
        h.query_by_label_contains("在标题前补上").is_none(),
        "no name to offer before XX镇 is answered"
    );
    retype(&mut h, "XX镇", "白鹭");
    h.key_press(Key::Enter);
    h.run();
    let steps = h.state().ws.history.len();
    h.get_by_label("在标题前补上“白鹭”，成为“白鹭镇…”").click();
    h.run();
    assert!(
        h.state().ws.text.starts_with("白鹭镇2024年工作总结\n"),
        "{}",
        h.state().ws.text
    );
    assert_eq!(h.state().ws.history.len(), steps + 1, "one undo step");
    assert!(
        h.query_by_label_contains("在标题前补上").is_none(),
        "the finding is gone with its fix"
    );

    h.get_by_label("把“（四）”改为“（三）”，其后 1 项依次顺延")
        .click();
    h.run();
    let text = report_text(h.state(), 0);
    assert!(
        text.contains("（二）抓发展。项目建设提速。\n（三）抓民生。办好民生实事。\n（四）抓安全。"),
        "{text}"
    );
    assert!(text.contains("二、下一步打算"), "{text}");
    assert!(h.query_by_label_contains("其后 1 项依次顺延").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let text = report_text(h.state(), 0);
    assert!(
        text.contains("（四）抓民生。"),
        "undo renumbers back: {text}"
    );
    assert!(text.starts_with("白鹭镇"), "{text}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().ws.text.starts_with("镇2024年"),
        "undo takes the name back"
    );
}

/// Issue 16 item 6: 数字核对 lists the report's figures below the prompts, collapsed at
/// first; replacing one is one undo step and it is marked 已替换, in the list and the text.
#[test]
fn figures_can_be_replaced_from_a_collapsed_list_below_the_prompts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = town_app(dir.path());
    let figure_fields = |h: &Harness<'static, App>| {
        h.get_all_by_role(Role::TextInput)
            .filter(|n| {
                egui_kittest::kittest::NodeT::accesskit_node(n)
                    .label()
                    .is_some_and(|l| l.contains("【15起】") || l.contains("【38辆次】"))
            })
            .count()
    };
    assert_eq!(figure_fields(&h), 0, "collapsed by default");
    assert!(
        h.query_by_role_and_label(Role::TextInput, "XX镇").is_some(),
        "the placeholder prompt is there"
    );
    h.get_by_label("数字核对（6）").click();
    h.run();
    assert_eq!(figure_fields(&h), 2, "open: the figures are listed");
    let steps = h.state().ws.history.len();
    retype(&mut h, "【15起】", "20");
    h.key_press(Key::Enter);
    h.run();
    let text = report_text(h.state(), 0);
    assert!(text.contains("全年查处违法案件20起，"), "{text}");
    assert_eq!(h.state().ws.history.len(), steps + 1, "one undo step");
    h.get_by_label("已替换");
    // The whole figure typed with its unit does not double the unit.
    retype(&mut h, "【38辆次】", "40辆次");
    h.key_press(Key::Enter);
    h.run();
    let text = report_text(h.state(), 0);
    assert!(text.contains("出动执法车辆40辆次，"), "{text}");
    assert_eq!(h.get_all_by_label("已替换").count(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let text = report_text(h.state(), 0);
    assert!(
        text.contains("违法案件15起，") && text.contains("达到96%。"),
        "{text}"
    );
    assert!(h.query_by_label("已替换").is_none());
}

/// Issue 16 item 3: 核对已填内容 lists every filled value in its sentence, from the fill
/// panel and from Ctrl+E's confirmation; clicking one shows it in its report.
#[test]
fn the_review_list_shows_each_filled_value_in_its_sentence_and_jumps_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("汇编.txt");
    std::fs::write(&src, SAME_LINE).unwrap();
    let mut h = file_app(&dir.path().join("data"), &src);
    assert!(
        h.query_by_label_contains("核对已填内容").is_none(),
        "nothing filled yet"
    );
    retype(&mut h, "【XX】座", "35");
    retype(&mut h, "XX区", "临川");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("核对已填内容（4 处）").click();
    h.run();
    assert_eq!(
        h.get_all_by_label_contains("全年投资XX万元，临川区新建户厕35座，临川区改厕率达X%，")
            .count(),
        3,
        "the three values of that sentence, each in it"
    );
    h.state_mut().view.fill.review_open = false;
    h.run();

    super::select_report(&mut h, 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert!(h.state().view.export.is_some());
    // The fill panel's link and the confirmation's: the confirmation is drawn last.
    let links: Vec<_> = h.get_all_by_label("核对已填内容（4 处）").collect();
    assert_eq!(
        links.len(),
        2,
        "the Ctrl+E confirmation offers the list too"
    );
    links[1].click();
    h.run();
    let rows: Vec<String> = h
        .get_all_by_role(Role::Button)
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .filter(|l| l.contains("原为"))
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(
        rows[0].contains("第 1 篇") && rows[0].contains("原为“XX”"),
        "{rows:?}"
    );
    h.get_by_label_contains("原为“XX”\n2024年，临川区住房和城乡建设局")
        .click();
    h.run();
    assert_eq!(h.state().view.selected, 0, "the row's report is shown");
}
