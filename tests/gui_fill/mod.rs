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

    h.get_by_label("保存答案…").click();
    h.run();
    assert!(
        matches!(h.state().modal, Some(Modal::SavePathEntry { .. })),
        "{:?}",
        h.state().modal
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
