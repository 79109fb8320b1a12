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
