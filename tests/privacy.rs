//! No document text outside the document: a fixture line carries a unique marker, and the
//! command line (succeeding and failing) and the desktop editor (driven through the
//! egui_kittest harness in a child process, so its stderr can be read) must never print it
//! to stderr, nor leave it in any file but the outputs asked for and the private autosave.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The marker on a line of tests/fixtures/marker.txt (a simplified-Chinese text, which Big5
/// cannot hold).
const MARKER: &str = "QGMARKER7F3A9";

fn run(data: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qinggao"));
    cmd.env("QINGGAO_DATA_DIR", data);
    for a in args {
        cmd.arg(a);
    }
    cmd.output().expect("run qinggao")
}

/// Every file under `dir` whose bytes contain the marker.
fn files_with_marker(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_with_marker(&p));
        } else if std::fs::read(&p)
            .unwrap()
            .windows(MARKER.len())
            .any(|w| w == MARKER.as_bytes())
        {
            out.push(p);
        }
    }
    out
}

#[test]
fn the_command_line_never_prints_document_text_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let src = dir.path().join("汇编.txt");
    std::fs::copy(fixture("marker.txt"), &src).unwrap();
    assert!(std::fs::read_to_string(&src).unwrap().contains(MARKER));
    let out = dir.path().join("out.txt");
    let answers = dir.path().join("answers.json");
    // An answer of the wrong type: the parser's message would quote it.
    std::fs::write(
        &answers,
        format!(r#"{{"format":"qinggao-answers","version":1,"groups":"{MARKER}"}}"#),
    )
    .unwrap();
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::write(
        sessions.join("0000000000000001.json"),
        format!(r#"{{"format":"qinggao-session","version":1,"text":"{MARKER}"#),
    )
    .unwrap();
    let (b5, filled) = (dir.path().join("b5.txt"), dir.path().join("f.txt"));
    let cases: Vec<(Vec<&dyn AsRef<std::ffi::OsStr>>, bool)> = vec![
        (vec![&"inspect", &src], true),
        (vec![&"inspect", &"--json", &src], true),
        (vec![&"clean", &src, &"-o", &out], true),
        // Refused: exists, is the source, Big5 cannot hold a character, bad answers.
        (vec![&"clean", &src, &"-o", &out], false),
        (vec![&"clean", &src, &"-o", &src], false),
        (
            vec![&"clean", &src, &"-o", &b5, &"--encoding", &"big5"],
            false,
        ),
        (
            vec![&"clean", &src, &"-o", &filled, &"--fill", &answers],
            false,
        ),
        (vec![&"inspect", &"--encoding", &"big5", &src], false),
        (vec![&"sessions", &"list"], true),
    ];
    for (args, ok) in &cases {
        let o = run(&data, args);
        let shown: Vec<String> = args
            .iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect();
        if *ok {
            assert!(o.status.success(), "{shown:?}: {}", stderr(&o));
        } else {
            assert!(!o.status.success(), "{shown:?} should fail");
            assert!(!stderr(&o).trim().is_empty(), "{shown:?} says why");
        }
        assert!(
            !stderr(&o).contains(MARKER),
            "{shown:?} printed document text to stderr: {}",
            stderr(&o)
        );
    }
    // The session list names files, not their text.
    let o = run(&data, &[&"sessions", &"list"]);
    assert!(!stdout(&o).contains(MARKER), "{}", stdout(&o));
    // The marker is only where the user put it or asked for it.
    let mut found = files_with_marker(dir.path());
    found.sort();
    let mut expected = vec![
        answers.clone(),
        sessions.join("0000000000000001.json"),
        out.clone(),
        src.clone(),
    ];
    expected.sort();
    assert_eq!(found, expected);
}

/// Runs the editor scenario below in a child test process and reads its stderr.
#[cfg(feature = "gui")]
#[test]
fn the_editor_never_prints_document_text_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "editor_scenario",
            "--nocapture",
            "--include-ignored",
        ])
        .env("QINGGAO_PRIVACY_DIR", dir.path())
        .output()
        .unwrap();
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(o.status.success(), "the scenario failed:\n{out}\n{err}");
    assert!(out.contains("1 passed"), "the scenario ran: {out}");
    assert!(!err.contains(MARKER), "document text on stderr: {err}");
    assert!(!out.contains(MARKER), "document text on stdout: {out}");
    // Only the file and the export hold the text: the autosave (which held it, privately)
    // went once everything was exported.
    let found = files_with_marker(dir.path());
    let names: Vec<String> = found
        .iter()
        .map(|p| p.strip_prefix(dir.path()).unwrap().display().to_string())
        .collect();
    assert_eq!(found.len(), 2, "{names:?}");
    assert!(names.iter().any(|n| n == "汇编.txt"), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("out/")), "{names:?}");
}

/// The editor scenario: open the fixture, type, autosave, fail to load answers, fail to
/// export in Big5, export in UTF-8. Only run by the test above (it needs its folder).
#[cfg(feature = "gui")]
#[test]
#[ignore = "run by the_editor_never_prints_document_text_to_stderr"]
fn editor_scenario() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use qinggao::gui::{App, Prefs};
    let dir = PathBuf::from(std::env::var_os("QINGGAO_PRIVACY_DIR").expect("run by the test"));
    let data = dir.join("data");
    let src = dir.join("汇编.txt");
    std::fs::copy(fixture("marker.txt"), &src).unwrap();
    let mut app = App::new(Prefs::default());
    app.data_dir = Some(data.clone());
    app.prune_sessions(qinggao::session::now_secs());
    app.open_path(&src);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_max_steps(12)
        .with_context_setup(|ctx| ctx.set_fonts(qinggao::gui::fonts::definitions(false)))
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run();
    let heading = h.state().ws.analysis.outline.reports[0].outline[0].clone();
    let label = format!(
        "{}{}",
        heading.marker(&h.state().ws.text),
        heading.text(&h.state().ws.text)
    );
    h.get_by_label(&label).click();
    h.run();
    h.event(egui::Event::Text(format!("{MARKER}补")));
    h.run();
    h.state_mut().autosave_now();
    assert!(h.state().ws.text.contains(&format!("{MARKER}补")));
    let session = qinggao::session::path_for(&data, Some(&src));
    assert!(std::fs::read_to_string(&session).unwrap().contains(MARKER));
    let answers = dir.join("坏答案.json");
    std::fs::write(
        &answers,
        format!(r#"{{"format":"qinggao-answers","version":1,"groups":"{MARKER}"}}"#),
    )
    .unwrap();
    h.state_mut().load_answers(&answers);
    h.run();
    std::fs::remove_file(&answers).unwrap();
    // Export: first in Big5 (refused), then in UTF-8.
    let out = dir.join("out");
    for encoding in [qinggao::Encoding::Big5, qinggao::Encoding::Utf8] {
        h.state_mut().view.modal = None;
        h.state_mut().view.export = None;
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
        h.run();
        let d = h
            .state_mut()
            .view
            .export
            .as_mut()
            .expect("the export dialog");
        d.folder = out.display().to_string();
        d.encoding = encoding;
        // The whole compilation as text, in the full options.
        d.scope = qinggao::gui::ExportScope::Whole;
        d.docx = false;
        d.stage = qinggao::gui::ExportStage::Options;
        h.run();
        h.get_by_role_and_label(egui::accesskit::Role::Button, "导出")
            .click();
        h.run();
        if h.query_by_label("仍然导出").is_some() {
            h.get_by_label("仍然导出").click();
            h.run();
        }
    }
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        1,
        "the UTF-8 export"
    );
    assert!(!session.exists(), "exported: the autosave is deleted");
}
