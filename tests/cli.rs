//! The command line, run as a user runs it: the real binary on files in a temp folder.

mod common;
use common::*;

#[test]
fn inspect_summarises_reports_and_cleaning() {
    let o = qinggao(&[&"inspect", &fixture("other_site.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for title in [
        "关于2024年XX县教育工作情况的报告",
        "XX镇2024年工作总结及2025年工作打算",
        "××街道2024年党建工作汇报",
        "市文旅局2024年工作总结和2025年工作谋划",
    ] {
        assert!(out.contains(title), "missing {title} in\n{out}");
    }
    assert!(out.contains("报告：4 篇"), "{out}");
    // Numbering findings are named with their lines.
    assert!(out.contains("缺少“三是”"), "{out}");
    assert!(out.contains("（三）"), "{out}");
}

/// A site's label before each title is its own field: `title` is the title alone, and the
/// metadata line under the compilation title is no report.
#[test]
fn inspect_json_gives_the_title_without_the_sites_label() {
    let o = qinggao(&[&"inspect", &"--json", &fixture("genres/00.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 5);
    assert_eq!(reports[0]["title"], "青山街道2023年招商引资工作要点");
    assert_eq!(reports[0]["label"], "篇一：");
    assert_eq!(reports[0]["start_line"], 4);
    let unlabelled = qinggao(&[&"inspect", &"--json", &fixture("gb18030_crlf.txt")]);
    let v: serde_json::Value = serde_json::from_slice(&unlabelled.stdout).unwrap();
    assert!(v["reports"][0]["label"].is_null());
}

#[test]
fn inspect_json_has_the_documented_shape() {
    let o = qinggao(&[&"inspect", &"--json", &fixture("gb18030_crlf.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["encoding"], "gb18030");
    assert_eq!(v["line_ending"], "crlf");
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    let r = &reports[0];
    assert_eq!(r["title"], "XX区农业农村局2023年工作总结");
    assert_eq!(r["title_inferred"], false);
    assert_eq!(r["start_line"], 3, "1-based line of the title");
    let first = &r["outline"][0];
    assert_eq!(
        (
            first["kind"].as_str(),
            first["level"].as_u64(),
            first["marker"].as_str()
        ),
        (Some("chinese"), Some(1), Some("一、"))
    );
    assert_eq!(first["line"], 6);
    assert_eq!(first["text"], "主要工作");
    for key in ["placeholders", "findings"] {
        assert!(r[key].is_array(), "{key}");
    }
    let second = &reports[1];
    let roles: Vec<(&str, u64)> = second["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["role"].as_str().unwrap(), x["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(roles, [("sign_off", 24), ("date", 25)]);
}

#[test]
fn clean_writes_output_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("清稿.txt");
    let o = qinggao(&[&"clean", &fixture("gb18030_crlf.txt"), &"-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).expect("UTF-8 by default");
    assert!(text.contains("XX区农业农村局2023年工作总结"));
    assert!(!text.contains('\r'), "LF by default");
    assert!(stdout(&o).contains("2 篇报告"), "{}", stdout(&o));

    // A second run without --force leaves the file as it was.
    std::fs::write(&out, "用户改过的文件").unwrap();
    let o = qinggao(&[&"clean", &fixture("gb18030_crlf.txt"), &"-o", &out]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("已存在"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "用户改过的文件");

    let o = qinggao(&[
        &"clean",
        &fixture("gb18030_crlf.txt"),
        &"-o",
        &out,
        &"--force",
        &"--encoding",
        &"source",
        &"--crlf",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    let (decoded, _, bad) = encoding_rs::GB18030.decode(&bytes);
    assert!(!bad);
    assert!(
        decoded.contains("XX区农业农村局2023年工作总结\r\n"),
        "GB18030 with CRLF on request"
    );
    assert_eq!(
        files_in(dir.path()),
        ["清稿.txt"],
        "no temporary files left"
    );
}

#[test]
fn clean_never_writes_over_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("汇编.txt");
    std::fs::copy(fixture("other_site.txt"), &src).unwrap();
    let before = std::fs::read(&src).unwrap();
    let o = qinggao(&[&"clean", &src, &"-o", &src, &"--force"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("原文件"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&src).unwrap(), before);
}

#[test]
fn split_writes_one_safe_file_per_report() {
    let dir = tempfile::tempdir().unwrap();
    let o = qinggao(&[
        &"clean",
        &fixture("other_site.txt"),
        &"--split",
        &dir.path(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names = files_in(dir.path());
    assert_eq!(
        names,
        [
            "01-关于2024年XX县教育工作情况的报告.txt",
            "02-XX镇2024年工作总结及2025年工作打算.txt",
            "03-××街道2024年党建工作汇报.txt",
            "04-市文旅局2024年工作总结和2025年工作谋划.txt",
        ]
    );
    let third = std::fs::read_to_string(dir.path().join(&names[2])).unwrap();
    assert!(third.starts_with("××街道2024年党建工作汇报\n"));
    assert!(third.contains("三、存在不足"));
    assert!(
        !third.contains("市文旅局"),
        "a report file holds only its report"
    );
}

#[test]
fn report_option_exports_one_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("第二篇.txt");
    let o = qinggao(&[
        &"clean",
        &fixture("gb18030_crlf.txt"),
        &"--report",
        &"2",
        &"-o",
        &out,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("XX街道2023年平安建设工作汇报"));
    assert!(!text.contains("农业农村局"));
    let o = qinggao(&[
        &"clean",
        &fixture("gb18030_crlf.txt"),
        &"--report",
        &"9",
        &"-o",
        &dir.path().join("x.txt"),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("共 2 篇"), "{}", stderr(&o));
}

#[test]
fn bad_inputs_get_clear_messages_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("empty.txt", "空"),
        ("renamed_png.txt", "PNG"),
        ("renamed_docx.txt", "docx"),
        ("bad_utf8.txt", "第 3 行"),
    ];
    for (name, expect) in cases {
        let o = qinggao(&[&"inspect", &fixture(name)]);
        assert!(!o.status.success(), "{name}");
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains(expect), "{name}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    // One bad file among good ones: the good one is still written, the exit code says
    // something failed.
    let o = qinggao(&[
        &"clean",
        &fixture("empty.txt"),
        &fixture("gb18030_crlf.txt"),
        &"-o",
        &dir.path(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("empty.txt"));
    assert_eq!(files_in(dir.path()), ["gb18030_crlf.clean.txt"]);
    // A missing file.
    let o = qinggao(&[&"inspect", &dir.path().join("不存在.txt")]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("不存在.txt"));
}

/// `qinggao inspect bad.txt good.txt… | head` must still exit 1: the reader closing the
/// pipe is not a success of the batch.
#[test]
fn a_closed_pipe_does_not_hide_a_failed_file() {
    use std::process::{Command, Stdio};
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qinggao"));
    cmd.arg("inspect").arg("--json").arg(fixture("empty.txt"));
    // Far more JSON than a pipe holds, so the writes after the reader has gone fail.
    for _ in 0..40 {
        cmd.arg(fixture("compilation.txt"));
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run qinggao");
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn forced_input_encoding_and_unknown_encoding() {
    let o = qinggao(&[
        &"inspect",
        &"--encoding",
        &"gbk",
        &fixture("gb18030_crlf.txt"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = qinggao(&[
        &"inspect",
        &"--encoding",
        &"latin-9",
        &fixture("gb18030_crlf.txt"),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("latin-9"), "{}", stderr(&o));
}

/// A compilation saved as Word by a site: its headings numbered by Word's lists, a header
/// with the site's name, a hidden advert and an image in the body.
fn word_compilation(dir: &std::path::Path) -> std::path::PathBuf {
    use qinggao::input::testing::{Package, para, run};
    let text = std::fs::read_to_string(fixture("other_site.txt")).unwrap();
    let mut body = String::new();
    for line in text.lines() {
        body += &para(&run(line));
        if line.starts_with("现将我县") {
            body += &para(
                &[
                    run("全县上下"),
                    r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>下载更多精品范文</w:t></w:r>"#.into(),
                    run("凝心聚力，完成教育投资X.X亿元，新建校舍XX所。"),
                ]
                .concat(),
            );
        }
    }
    body += &para(r#"<w:r><w:drawing><a:blip r:embed="rImg"/></w:drawing></w:r>"#);
    let mut pkg = Package::new(body);
    pkg.headers = vec![(true, para(&run("范文网 www.fanwen-demo.cc 页眉")))];
    let path = dir.join("汇编.docx");
    std::fs::write(&path, pkg.to_bytes()).unwrap();
    path
}

#[test]
fn word_files_are_inspected_and_cleaned_like_text() {
    let dir = tempfile::tempdir().unwrap();
    // The headings numbered by Word reach the outline as the typed ones do.
    let (numbered, lists) = qinggao::input::testing::from_text(
        &std::fs::read_to_string(fixture("other_site.txt")).unwrap(),
    );
    assert!(lists > 5, "the fixture's headings became list paragraphs");
    let listed = dir.path().join("编号.docx");
    std::fs::write(&listed, numbered).unwrap();
    let o = qinggao(&[&"inspect", &"--json", &listed]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["source"]["format"], "docx");
    let reports = v["reports"].as_array().unwrap();
    let titles: Vec<&str> = reports
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "关于2024年XX县教育工作情况的报告",
            "XX镇2024年工作总结及2025年工作打算",
            "××街道2024年党建工作汇报",
            "市文旅局2024年工作总结和2025年工作谋划",
        ]
    );
    let first = reports[0]["outline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == "chinese")
        .expect("a 一、 heading in report 1");
    assert_eq!(first["marker"], "一、");
    assert_eq!(first["text"], "办学条件持续改善");

    // The source object counts what the reader found beside the text.
    let src = word_compilation(dir.path());
    let before = std::fs::read(&src).unwrap();
    let o = qinggao(&[&"inspect", &"--json", &src]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let s = &v["source"];
    assert_eq!(s["format"], "docx");
    assert_eq!(
        (s["headers"].as_u64(), s["hidden"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(s["images"], 1);
    let lines = std::fs::read_to_string(fixture("other_site.txt"))
        .unwrap()
        .lines()
        .count() as u64;
    assert_eq!(
        s["paragraphs"].as_u64(),
        Some(lines + 3),
        "body, header, two more"
    );
    // Line numbers are lines of the imported text: the header is line 1, the image after
    // the last paragraph.
    assert_eq!(s["image_lines"][0].as_u64(), Some(lines + 3));
    assert_eq!(v["reports"].as_array().unwrap().len(), 4);

    // The plain summary names the format.
    let o = qinggao(&[&"inspect", &src]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(".docx"), "{}", stdout(&o));

    // clean writes the text without the header and the hidden advert, in .txt and .docx.
    let out = dir.path().join("干净.txt");
    let o = qinggao(&[&"clean", &src, &"-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("一、办学条件持续改善"), "{text}");
    assert!(text.contains("全县上下凝心聚力，完成教育投资"), "{text}");
    assert!(!text.contains("下载更多精品范文"), "{text}");
    assert!(!text.contains("页眉"), "{text}");
    let out = dir.path().join("干净.docx");
    let o = qinggao(&[&"clean", &src, &"--format", &"docx", &"-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    assert_eq!(
        std::fs::read(&src).unwrap(),
        before,
        "the source is never written"
    );
}

#[test]
fn version_is_the_one_in_cargo_toml() {
    for flag in ["--version", "-V"] {
        let o = qinggao(&[&flag]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(
            stdout(&o).trim(),
            format!("qinggao {}", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn help_shows_the_desktop_use_and_the_subcommands() {
    let o = qinggao(&[&"--help"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    // The desktop editor takes any number of files (a file manager passes them all, %F);
    // the subcommands are a separate form, not something to put after a file.
    assert!(out.contains("Usage: qinggao [FILE]...\n"), "{out}");
    assert!(out.contains("qinggao <COMMAND>"), "{out}");
    assert!(!out.contains("[FILE] [COMMAND]"), "{out}");
    for line in [
        "inspect  ",
        "clean  ",
        "桌面编辑器",
        "qinggao clean 汇编.txt -o 干净.txt",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    let o = qinggao(&[&"clean", &"--help"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("--format <FORMAT>"), "{}", stdout(&o));
}

fn qinggao_in(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_qinggao"))
        .args(args)
        .env("QINGGAO_DATA_DIR", data)
        .output()
        .expect("run qinggao")
}

/// A session file as the editor writes it, for `source`, holding `text`.
fn write_session(data: &std::path::Path, name: &str, source: &std::path::Path, text: &str) {
    let folder = data.join("sessions");
    std::fs::create_dir_all(&folder).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let json = serde_json::json!({
        "format": "qinggao-session", "version": 1, "source": source, "encoding": "utf-8",
        "saved_at": now, "text": text, "answers": {}, "rules": {}, "selected": 0
    });
    std::fs::write(folder.join(name), json.to_string()).unwrap();
}

#[test]
fn sessions_list_names_files_never_their_text_and_clear_deletes_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let o = qinggao_in(&data, &["sessions", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("共 0 个"), "{}", stdout(&o));
    let src = dir.path().join("乡镇总结.txt");
    std::fs::write(&src, "原文").unwrap();
    write_session(&data, "0000000000000001.json", &src, "SECRETDRAFT草稿内容");
    std::fs::write(data.join("sessions/0000000000000002.json"), "{ damaged").unwrap();
    let o = qinggao_in(&data, &["sessions", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(&data.join("sessions").display().to_string()),
        "{out}"
    );
    assert!(out.contains("共 2 个"), "{out}");
    assert!(out.contains(&src.display().to_string()), "{out}");
    assert!(out.contains("已损坏"), "{out}");
    assert!(!out.contains("SECRETDRAFT"), "no document text: {out}");
    let o = qinggao_in(&data, &["sessions", "clear"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("已清除 2 个自动保存"), "{}", stdout(&o));
    assert!(files_in(&data.join("sessions")).is_empty());
    let o = qinggao_in(&data, &["sessions", "list"]);
    assert!(stdout(&o).contains("共 0 个"), "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn sessions_refuse_a_linked_folder_and_say_which() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("keep.json"), "{}").unwrap();
    std::os::unix::fs::symlink(&elsewhere, data.join("sessions")).unwrap();
    let o = qinggao_in(&data, &["sessions", "clear"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&data.join("sessions").display().to_string()) && err.contains("符号链接"),
        "{err}"
    );
    assert_eq!(
        files_in(&elsewhere),
        ["keep.json"],
        "nothing deleted through the link"
    );
}

/// A sessions folder that really belongs to another account (needs the right to chown,
/// as root in CI; elsewhere the ownership check is covered with a fake user id).
#[cfg(unix)]
#[test]
fn sessions_refuse_a_folder_of_another_user() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::write(sessions.join("0000000000000001.json"), "{}").unwrap();
    if std::os::unix::fs::chown(&sessions, Some(54_321), None).is_err() {
        eprintln!("note: cannot chown here; the real foreign-owner check is skipped");
        return;
    }
    for action in ["list", "clear"] {
        let o = qinggao_in(&data, &["sessions", action]);
        assert_eq!(o.status.code(), Some(1), "{action}");
        let err = stderr(&o);
        assert!(
            err.contains(&sessions.display().to_string()) && err.contains("另一个用户"),
            "{action}: {err}"
        );
    }
    assert_eq!(
        files_in(&sessions),
        ["0000000000000001.json"],
        "nothing deleted"
    );
}

#[test]
fn doc_and_wps_files_are_inspected_and_cleaned() {
    for (name, format) in [("compilation.doc", "doc"), ("compilation.wps", "wps")] {
        let path = fixture(&format!("word/{name}"));
        let o = qinggao(&[&"inspect", &"--json", &path]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let s = &v["source"];
        assert_eq!(s["format"], format, "{name}");
        assert_eq!(
            (s["headers"].as_u64(), s["footers"].as_u64()),
            (Some(1), Some(1)),
            "{name}: {s}"
        );
        assert_eq!(
            report_titles(&v),
            ["XX区2023年工作总结", "XX镇2024年工作计划"]
        );
    }
    // clean writes the text without the header's advert; the source is left as it was.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("汇编.doc");
    std::fs::copy(fixture("word/compilation.doc"), &src).unwrap();
    let before = std::fs::read(&src).unwrap();
    let out = dir.path().join("干净.txt");
    let o = qinggao(&[&"clean", &src, &"-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("一、主要做法\n（一）加强理论武装"), "{text}");
    assert!(!text.contains("下载更多范文"), "{text}");
    assert_eq!(std::fs::read(&src).unwrap(), before);
    // A password-protected .doc: a message naming the file, nothing written.
    let streams = qinggao::input::testing::ole_streams(&before);
    let mut word = streams
        .iter()
        .find(|(n, _)| n == "/WordDocument")
        .unwrap()
        .1
        .clone();
    word[11] |= 0x01;
    let locked: Vec<(&str, &[u8])> = streams
        .iter()
        .map(|(n, b)| {
            if n == "/WordDocument" {
                (n.as_str(), word.as_slice())
            } else {
                (n.as_str(), b.as_slice())
            }
        })
        .collect();
    let locked_path = dir.path().join("加密.doc");
    std::fs::write(&locked_path, qinggao::input::testing::ole(&locked)).unwrap();
    let out = dir.path().join("加密.txt");
    let o = qinggao(&[&"clean", &locked_path, &"-o", &out]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("加密.doc") && stderr(&o).contains("密码"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

/// The fixture with slips a proofreader catches: 作 written 昨 throughout (beside a genuine
/// 昨天), 截止 for 截至, a half-width comma and a bracket of mixed width.
fn slipped_compilation(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(fixture("compilation.txt"))
        .unwrap()
        .replace('作', "昨")
        .replace("同志们：\n", "同志们：\n昨天下午，县里召开了专题会议。截止11月6日，共排查隐患3家,其中\n（五)整改到位。\n");
    let path = dir.join("校对.txt");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn proof_lists_suggestions_with_their_place_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = slipped_compilation(dir.path());
    let o = qinggao(&[&"proof", &file]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("替换组 “昨”改为“作”"), "{out}");
    assert!(out.contains("“截止” → “截至”"), "{out}");
    assert!(out.contains("“,” → “，”"), "{out}");
    assert!(out.contains("“)” → “）”"), "{out}");
    // The genuine 昨天 is never proposed.
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("昨天下午"))
        .unwrap()
        + 1;
    assert!(!out.contains(&format!("第 {line} 行第 1 列")), "{out}");

    // inspect proofreads by default; --no-proofread leaves it out.
    let o = qinggao(&[&"inspect", &file]);
    let out = stdout(&o);
    assert!(out.contains("校对建议"), "{out}");
    assert!(out.contains("替换组 “昨”改为“作”"), "{out}");
    let o = qinggao(&[&"inspect", &"--no-proofread", &file]);
    let out = stdout(&o);
    assert!(
        !out.contains("校对建议") && !out.contains("校对：没有建议"),
        "{out}"
    );
    // Scripts written when it had to be asked for still run.
    let o = qinggao(&[&"inspect", &"--proofread", &file]);
    assert!(stdout(&o).contains("校对建议"), "{}", stdout(&o));
}

#[test]
fn inspect_json_lists_proofreading_per_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = slipped_compilation(dir.path());
    let plain = qinggao(&[&"inspect", &"--json", &"--no-proofread", &file]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(plain["reports"][0].get("proofread").is_none());
    let o = qinggao(&[&"inspect", &"--json", &file]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let all: Vec<&serde_json::Value> = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["proofread"].as_array().unwrap())
        .collect();
    let text = std::fs::read_to_string(&file).unwrap();
    let jiezhi = all
        .iter()
        .find(|p| p["text"] == "截止")
        .expect("截止 found");
    assert_eq!(jiezhi["kind"], "confused_word");
    assert_eq!(jiezhi["suggestion"], "截至");
    let line = text
        .lines()
        .position(|l| l.contains("截止11月6日"))
        .unwrap();
    let column = text
        .lines()
        .nth(line)
        .unwrap()
        .split("截止")
        .next()
        .unwrap()
        .chars()
        .count()
        + 1;
    assert_eq!(
        (jiezhi["line"].as_u64(), jiezhi["column"].as_u64()),
        (Some(line as u64 + 1), Some(column as u64))
    );
    let swap = all
        .iter()
        .find(|p| p["kind"] == "substitution")
        .expect("a substitution");
    assert_eq!(
        (swap["text"].as_str(), swap["suggestion"].as_str()),
        (Some("昨"), Some("作"))
    );
    assert_eq!(swap["group"]["label"], "“昨”改为“作”");
    assert!(swap["message"].as_str().unwrap().contains("不成词"));
}

#[test]
fn clean_applies_the_accepted_kinds_of_proofreading_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = slipped_compilation(dir.path());
    let out = dir.path().join("out.txt");
    let o = qinggao(&[
        &"clean",
        &file,
        &"-o",
        &out,
        &"--accept-proofread",
        &"punctuation,bracket",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("共排查隐患3家，其中\n（五）整改到位"),
        "{text}"
    );
    assert!(
        text.contains("工昨") && text.contains("截止11月"),
        "suggestions of other kinds stay"
    );

    let o = qinggao(&[&"clean", &file, &"-o", &out, &"--force", &"--proof"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("工昨") && text.contains("工作"), "{text}");
    assert!(
        text.contains("昨天下午") && text.contains("截至11月6日"),
        "{text}"
    );

    // Without the option, cleaning applies only its own 校对 rules (punctuation width,
    // brackets, issue 13 §2); the suggestions stay suggestions.
    let o = qinggao(&[&"clean", &file, &"-o", &out, &"--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("3家，其中\n（五）整改到位"), "{text}");
    assert!(text.contains("工昨") && text.contains("截止11月"), "{text}");

    let o = qinggao(&[
        &"clean",
        &file,
        &"-o",
        &out,
        &"--force",
        &"--accept-proofread",
        &"spelling",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("不认识的校对类别“spelling”"),
        "{}",
        stderr(&o)
    );
}

/// The answers file carries single suggestions by the key `inspect --json` gives each: the
/// accepted ones apply without their kind being accepted, the ignored ones stay even when
/// their kind is.
#[test]
fn clean_applies_the_suggestions_an_answers_file_accepts_and_leaves_those_it_ignores() {
    let dir = tempfile::tempdir().unwrap();
    let file = slipped_compilation(dir.path());
    let o = qinggao(&[&"inspect", &"--json", &file]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let all: Vec<serde_json::Value> = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["proofread"].as_array().unwrap().clone())
        .collect();
    let key_of = |p: &serde_json::Value| p["key"].as_str().unwrap().to_string();
    let jiezhi = all.iter().find(|p| p["text"] == "截止").expect("截止");
    let swaps: Vec<&serde_json::Value> =
        all.iter().filter(|p| p["kind"] == "substitution").collect();
    assert!(swaps.len() > 3);
    let kept = swaps[1];
    let answers = dir.path().join("答案.json");
    let write = |accepted: Vec<String>, ignored: Vec<String>| {
        let json = serde_json::json!({
            "format": "qinggao-answers",
            "version": 1,
            "proofread": { "accepted": accepted, "ignored": ignored },
        });
        std::fs::write(&answers, json.to_string()).unwrap();
    };
    let out = dir.path().join("out.txt");
    let clean = |extra: &[&dyn AsRef<std::ffi::OsStr>]| {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![
            &"clean", &file, &"-o", &out, &"--force", &"--fill", &answers,
        ];
        args.extend_from_slice(extra);
        let o = qinggao(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(&out).unwrap()
    };
    write(vec![key_of(jiezhi)], vec![]);
    let text = clean(&[]);
    assert!(text.contains("截至11月6日"), "{text}");
    assert!(text.contains("工昨"), "substitutions were not accepted");

    write(vec![], vec![key_of(kept)]);
    let text = clean(&[&"--accept-proofread", &"substitution"]);
    assert_eq!(
        text.matches('昨').count(),
        2,
        "the ignored place and 昨天 stay: {text}"
    );
    assert!(text.contains("截止11月"), "{text}");
}

/// Every file under `dir`, as paths relative to it with `/`, sorted.
fn tree(dir: &std::path::Path) -> Vec<String> {
    fn go(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(rel);
            }
        }
    }
    let mut v = Vec::new();
    go(dir, dir, &mut v);
    v.sort();
    v
}

/// A 素材库: compilations at the top and in nested folders, a note that is no
/// compilation, and one empty file among the good ones.
fn library(dir: &std::path::Path) -> std::path::PathBuf {
    let lib = dir.join("素材库");
    std::fs::create_dir_all(lib.join("乡镇/2024")).unwrap();
    std::fs::copy(fixture("other_site.txt"), lib.join("a汇编.txt")).unwrap();
    std::fs::copy(fixture("gb18030_crlf.txt"), lib.join("乡镇/b农业.TXT")).unwrap();
    std::fs::copy(fixture("compilation.txt"), lib.join("乡镇/2024/c总结.txt")).unwrap();
    std::fs::write(lib.join("乡镇/空白.txt"), "").unwrap();
    std::fs::write(lib.join("说明.md"), "这个文件夹是下载的材料").unwrap();
    lib
}

#[test]
fn a_folder_is_cleaned_into_a_mirrored_tree_and_one_bad_file_does_not_stop_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let out = dir.path().join("清稿");
    let o = qinggao(&[&"clean", &lib, &"-o", &out]);
    let (so, se) = (stdout(&o), stderr(&o));
    assert_eq!(
        o.status.code(),
        Some(1),
        "the empty file failed\n{so}\n{se}"
    );
    assert!(se.contains("空白.txt") && se.contains("空"), "{se}");
    assert!(!se.contains("panicked"), "{se}");
    assert_eq!(
        tree(&out),
        [
            "a汇编.clean.txt",
            "乡镇/2024/c总结.clean.txt",
            "乡镇/b农业.clean.txt",
        ],
        "the input tree mirrored, the note not taken, nothing for the bad file"
    );
    let b = std::fs::read_to_string(out.join("乡镇/b农业.clean.txt")).unwrap();
    assert!(b.contains("XX区农业农村局2023年工作总结"), "{b}");
    // Results in input order: the folder's entries by name, depth first.
    let pos = |name: &str| so.find(name).unwrap_or_else(|| panic!("{name} in\n{so}"));
    assert!(pos("a汇编.txt") < pos("c总结.txt") && pos("c总结.txt") < pos("b农业.TXT"));
    // The summary counts the batch and names the failure.
    assert!(so.contains("4 个文件（成功 3，失败 1）"), "{so}");
    let summary = &so[pos("== 汇总")..];
    assert!(summary.contains("空白.txt"), "{summary}");
    assert!(summary.contains("未填占位符"), "{summary}");
    // No progress bar when stderr is not a terminal.
    assert!(!se.contains("个文件 ["), "{se}");
}

#[test]
fn glob_chooses_the_files_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let o = qinggao(&[&"inspect", &lib, &"--glob", &"b*", &"--glob", &"*.MD"]);
    let so = stdout(&o);
    // Only the files the patterns name (any case), 说明.md too on request.
    assert!(so.contains("b农业.TXT"), "{so}");
    assert!(so.contains("说明.md"), "{so}");
    assert!(
        !so.contains("a汇编.txt") && !so.contains("c总结.txt"),
        "{so}"
    );
    assert!(so.contains("2 个文件"), "{so}");
    let o = qinggao(&[&"inspect", &lib, &"--glob", &"*.pdf"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--glob"), "{}", stderr(&o));
}

#[test]
fn a_batch_prints_results_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("多");
    std::fs::create_dir(&lib).unwrap();
    let big = std::fs::read_to_string(fixture("compilation.txt")).unwrap();
    let small = std::fs::read_to_string(fixture("other_site.txt")).unwrap();
    // The first files are the largest, so later ones finish first on other cores.
    for i in 0..24 {
        let text = if i < 4 { big.repeat(40) } else { small.clone() };
        std::fs::write(lib.join(format!("{i:02}.txt")), text).unwrap();
    }
    let o = qinggao(&[&"inspect", &lib]);
    assert!(o.status.success(), "{}", stderr(&o));
    let so = stdout(&o);
    let order: Vec<&str> = so
        .lines()
        .filter_map(|l| l.strip_prefix("文件："))
        .map(|p| p.rsplit(['/', '\\']).next().unwrap())
        .collect();
    let expected: Vec<String> = (0..24).map(|i| format!("{i:02}.txt")).collect();
    assert_eq!(order, expected);
}

#[test]
fn an_existing_target_is_refused_and_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    std::fs::remove_file(lib.join("乡镇/空白.txt")).unwrap();
    let out = dir.path().join("清稿");
    std::fs::create_dir_all(out.join("乡镇")).unwrap();
    std::fs::write(out.join("乡镇/b农业.clean.txt"), "用户改过的文件").unwrap();
    let o = qinggao(&[&"clean", &lib, &"-o", &out]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("已存在"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("乡镇/b农业.clean.txt")).unwrap(),
        "用户改过的文件"
    );
    // The other files are written, and no temporary file is left anywhere.
    assert_eq!(
        tree(&out),
        [
            "a汇编.clean.txt",
            "乡镇/2024/c总结.clean.txt",
            "乡镇/b农业.clean.txt",
        ]
    );
    // --force replaces it.
    let o = qinggao(&[&"clean", &lib, &"-o", &out, &"--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(out.join("乡镇/b农业.clean.txt"))
            .unwrap()
            .contains("农业农村局")
    );
    assert_eq!(tree(&out).len(), 3);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_named_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    std::fs::remove_file(lib.join("乡镇/空白.txt")).unwrap();
    std::os::unix::fs::symlink(&lib, lib.join("乡镇/回到上层")).unwrap();
    let o = qinggao(&[&"inspect", &lib]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("回到上层"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("3 个文件（成功 3，失败 0）"),
        "{}",
        stdout(&o)
    );
}

/// Ctrl-C in the middle of a batch: the files not yet saved are not written at all, and no
/// temporary file is left behind. (Whenever the signal lands, the outcome must be one of
/// "nothing written" or "everything written", each file complete.)
#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_no_temporary_or_partial_file() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("大批");
    std::fs::create_dir(&lib).unwrap();
    let text = std::fs::read_to_string(fixture("compilation.txt"))
        .unwrap()
        .repeat(20);
    for i in 0..150 {
        std::fs::write(lib.join(format!("{i:03}.txt")), &text).unwrap();
    }
    let reference = dir.path().join("参照");
    let o = qinggao(&[&"clean", &lib.join("000.txt"), &"-o", &reference]);
    assert!(o.status.success(), "{}", stderr(&o));
    let expected = std::fs::read(&reference).unwrap();
    for delay in [30, 150] {
        let out = dir.path().join(format!("out{delay}"));
        let child = Command::new(env!("CARGO_BIN_EXE_qinggao"))
            .args([std::ffi::OsStr::new("clean"), lib.as_os_str()])
            .arg("-o")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let killed = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let o = child.wait_with_output().unwrap();
        // A signal that ends the program before it made the output folder leaves no folder.
        let written = if out.exists() { tree(&out) } else { Vec::new() };
        match o.status.code() {
            Some(130) => {
                assert!(written.is_empty(), "interrupted, yet wrote {written:?}");
                assert!(stderr(&o).contains("中断"), "{}", stderr(&o));
            }
            Some(0) => assert_eq!(written.len(), 150, "{written:?}"),
            // The signal came before the batch began: the default action ended the
            // program before anything was staged.
            None => assert!(written.is_empty(), "killed, yet wrote {written:?}"),
            other => panic!("exit {other:?}: {}", stderr(&o)),
        }
        for name in &written {
            assert!(!name.contains(".qinggao-"), "temporary file left: {name}");
            assert_eq!(std::fs::read(out.join(name)).unwrap(), expected, "{name}");
        }
    }
}

/// The part `name` of the .docx at `path`, as text.
fn docx_part(path: &std::path::Path, name: &str) -> String {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

#[test]
fn an_exported_docx_names_the_author_given_and_never_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("第一篇.docx");
    let o = qinggao(&[
        &"clean",
        &fixture("compilation.txt"),
        &"--report",
        &"1",
        &"--format",
        &"docx",
        &"--author",
        &"县委办 王五",
        &"-o",
        &out,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let core = docx_part(&out, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>县委办 王五</dc:creator>"),
        "{core}"
    );
    assert!(core.contains("<dc:title>"), "{core}");
    assert!(!core.contains("1970-"), "{core}");

    let out = dir.path().join("无作者.docx");
    let o = qinggao(&[
        &"clean",
        &fixture("compilation.txt"),
        &"--format",
        &"docx",
        &"-o",
        &out,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let core = docx_part(&out, "docProps/core.xml");
    assert!(
        !core.contains("unknown") && !core.contains("<dc:creator>"),
        "{core}"
    );
}

/// The report titles of `inspect --json`'s output.
fn report_titles(v: &serde_json::Value) -> Vec<&str> {
    v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap())
        .collect()
}

/// qinggao with PATH set to `path` alone and the temporary folder `tmp`.
fn qinggao_with_path(
    path: &std::path::Path,
    tmp: &std::path::Path,
    args: &[&dyn AsRef<std::ffi::OsStr>],
) -> std::process::Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_qinggao"));
    cmd.env("PATH", path).env("TMPDIR", tmp);
    for a in args {
        cmd.arg(a);
    }
    cmd.output().expect("run qinggao")
}

#[test]
fn a_file_the_readers_refuse_says_how_to_convert_it() {
    let dir = tempfile::tempdir().unwrap();
    let (rtf, converted) = rtf_and_its_docx(dir.path());
    let bin = fake_soffice(
        dir.path(),
        &format!("/bin/cp '{}' \"$out/$stem.docx\"", converted.display()),
    );
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    // RTF is not read as text (its markup would become the document).
    let o = qinggao_with_path(&bin, &tmp, &[&"inspect", &rtf]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("汇编.rtf") && err.contains("RTF"), "{err}");
    assert!(
        err.contains("本机装有 LibreOffice") && err.contains("--convert"),
        "{err}"
    );
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(!bin.join("args.txt").exists(), "LibreOffice ran unasked");
    // Without LibreOffice, the message says what to install.
    let empty = dir.path().join("nothing");
    std::fs::create_dir(&empty).unwrap();
    let o = qinggao_with_path(&empty, &tmp, &[&"inspect", &rtf]);
    assert!(stderr(&o).contains("安装 LibreOffice 后"), "{}", stderr(&o));
    let o = qinggao_with_path(&empty, &tmp, &[&"inspect", &"--convert", &rtf]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("汇编.rtf") && stderr(&o).contains("没有安装 LibreOffice"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn convert_opens_through_libreoffice_and_keeps_the_original_path() {
    let dir = tempfile::tempdir().unwrap();
    let (rtf, converted) = rtf_and_its_docx(dir.path());
    let before = std::fs::read(&rtf).unwrap();
    let bin = fake_soffice(
        dir.path(),
        &format!("/bin/cp '{}' \"$out/$stem.docx\"", converted.display()),
    );
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let o = qinggao_with_path(&bin, &tmp, &[&"inspect", &"--json", &"--convert", &rtf]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["source"]["format"], "docx");
    assert_eq!(v["source"]["converted_from"], "rtf");
    assert!(
        v["file"].as_str().unwrap().ends_with("汇编.rtf"),
        "{}",
        v["file"]
    );
    let titles = report_titles(&v);
    assert!(
        titles.contains(&"XX镇2024年工作总结及2025年工作打算"),
        "{titles:?}"
    );
    // LibreOffice was asked the documented way, on a copy in a private folder that is gone.
    let args = std::fs::read_to_string(bin.join("args.txt")).unwrap();
    assert!(
        args.contains("--headless") && args.contains("--convert-to docx --outdir"),
        "{args}"
    );
    assert!(!args.contains(&rtf.display().to_string()), "{args}");
    assert!(files_in(&tmp).is_empty(), "{:?}", files_in(&tmp));
    assert_eq!(std::fs::read(&rtf).unwrap(), before);
    assert_eq!(
        files_in(dir.path()),
        ["bin", "converted.docx", "tmp", "汇编.rtf"]
    );
    // The plain summary says who converted it; a folder gives its .rtf files with --convert.
    let o = qinggao_with_path(&bin, &tmp, &[&"inspect", &"--convert", &rtf]);
    assert!(
        stdout(&o).contains("由 LibreOffice 从 .rtf 转换为 .docx 后读取"),
        "{}",
        stdout(&o)
    );
    let folder = dir.path().join("下载");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&rtf, folder.join("汇编.rtf")).unwrap();
    let out = dir.path().join("干净");
    let o = qinggao_with_path(&bin, &tmp, &[&"clean", &"--convert", &folder, &"-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let cleaned = std::fs::read_to_string(out.join("汇编.clean.txt")).unwrap();
    assert!(cleaned.contains("XX镇2024年工作总结"), "{cleaned}");
}

#[test]
fn a_hanging_or_failing_libreoffice_is_stopped_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let (rtf, _) = rtf_and_its_docx(dir.path());
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let pid_file = dir.path().join("pid");
    let hang = fake_soffice(
        &dir.path().join("hang"),
        &format!("echo $$ > '{}'; exec /bin/sleep 600", pid_file.display()),
    );
    let started = std::time::Instant::now();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_qinggao"));
    let o = cmd
        .env("PATH", &hang)
        .env("TMPDIR", &tmp)
        .env("QINGGAO_CONVERT_TIMEOUT", "1")
        .args([
            std::ffi::OsStr::new("inspect"),
            "--convert".as_ref(),
            rtf.as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("汇编.rtf") && stderr(&o).contains("超过 1 秒"),
        "{}",
        stderr(&o)
    );
    // The program LibreOffice was running is gone, and so is the temporary folder.
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let alive = std::process::Command::new("/bin/kill")
        .args(["-0", pid.trim()])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!alive.success(), "pid {pid} still runs");
    assert!(files_in(&tmp).is_empty(), "{:?}", files_in(&tmp));

    let fail = fake_soffice(
        &dir.path().join("fail"),
        "echo 'Error: source file could not be loaded' >&2; exit 77",
    );
    let o = qinggao_with_path(&fail, &tmp, &[&"inspect", &"--convert", &rtf]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("汇编.rtf")
            && err.contains("退出码 77")
            && err.contains("source file could not be loaded"),
        "{err}"
    );
}

/// A rule file's word lists extend the built-in lexicon (the way helix merges a user's
/// languages.toml): a phrase the user adds to `[adverts]` makes its line an advert, and a
/// list that does not exist is refused with the file, the section and the entry named.
#[test]
fn a_rule_files_word_lists_extend_the_builtin_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("汇编.txt");
    let line = "每天早八点准时推送写作技巧";
    std::fs::write(
        &input,
        format!("关于2023年工作的报告\n\n全体干部参加学习。\n{line}\n今年完成了任务。\n"),
    )
    .unwrap();
    let clean = |rules: Option<&std::path::Path>, out: &str| {
        let out = dir.path().join(out);
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"clean", &input, &"-o", &out];
        if let Some(r) = &rules {
            args.push(&"--rules");
            args.push(r);
        }
        let o = qinggao(&args);
        (
            o.status.success(),
            stderr(&o),
            std::fs::read_to_string(&out).unwrap_or_default(),
        )
    };
    let (ok, err, plain) = clean(None, "plain.txt");
    assert!(ok && plain.contains(line), "{err}");
    let rules = dir.path().join("rules.toml");
    std::fs::write(
        &rules,
        "version = 1\n\n[adverts]\ncertain = [\"准时推送\"]\n",
    )
    .unwrap();
    let (ok, err, cleaned) = clean(Some(&rules), "cleaned.txt");
    assert!(ok, "{err}");
    assert!(
        !cleaned.contains(line),
        "the user's phrase made it an advert:\n{cleaned}"
    );
    assert!(cleaned.contains("全体干部参加学习。") && cleaned.contains("今年完成了任务。"));

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "version = 1\n\n[adverts]\nsure = [\"准时推送\"]\n").unwrap();
    let (ok, err, _) = clean(Some(&bad), "bad.txt");
    assert!(!ok);
    assert!(
        err.contains("bad.toml") && err.contains("[adverts]") && err.contains("sure"),
        "{err}"
    );
    std::fs::write(
        &bad,
        "version = 1\n\n[adverts]\ncertain = [\" 准时推送\"]\n",
    )
    .unwrap();
    let (ok, err, _) = clean(Some(&bad), "bad.txt");
    assert!(
        !ok && err.contains("certain") && err.contains("第 1 项"),
        "{err}"
    );
}

/// A compilation in traditional characters: inspect says the conversion was switched on,
/// clean writes it in simplified characters word by word (乾坤 stays), and a label the site
/// learned from the compilation ("材料2：") is reported apart from its title.
#[test]
fn a_traditional_compilation_is_converted_with_a_notice() {
    let path = fixture("genres/54.txt");
    let o = qinggao(&[&"inspect", &path]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("繁体字"), "{}", stdout(&o));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let o = qinggao(&[&"clean", &path, &"-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("繁体字"), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("部分老年人头发花白仍独自生活"), "{text}");
    assert!(text.contains("扭转乾坤的决心"), "{text}");
    assert!(!text.contains("閱讀") && !text.contains("阅读："), "{text}");
    // A simplified compilation gets no such notice.
    let o = qinggao(&[&"inspect", &fixture("genres/00.txt")]);
    assert!(!stdout(&o).contains("繁体字"), "{}", stdout(&o));
}

#[test]
fn inspect_json_gives_a_learned_label_apart_from_the_title() {
    let o = qinggao(&[&"inspect", &"--json", &fixture("genres/02.txt")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let r = &v["reports"][0];
    assert_eq!(r["label"], "材料1：");
    assert_eq!(r["title"], "县教育局2022年党风廉政建设工作要点");
}
