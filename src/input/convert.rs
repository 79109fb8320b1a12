//! Opening, through LibreOffice, a file none of the readers can handle (.rtf, .odt, Word
//! 6/95, an old WPS file, a .doc the parser refuses): when `soffice` (or `libreoffice`) is
//! on PATH, it converts a private copy of the file to .docx in a private temporary folder,
//! under a time limit, and the .docx reader reads the result. The source is never touched
//! and nothing else in 清稿 depends on LibreOffice. No dependency on egui.

use crate::error::{Error, Result};
use crate::model::Document;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a conversion may take before LibreOffice is stopped (a first start of
/// LibreOffice with a fresh profile takes a few seconds; a large file a few more).
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(60);
/// The environment variable that changes the time limit, in seconds (slow machines, tests).
pub const TIME_LIMIT_ENV: &str = "QINGGAO_CONVERT_TIMEOUT";

/// The files a batch takes from a folder, beside the usual ones, when it may convert: the
/// text formats LibreOffice opens and 清稿 does not.
pub const CONVERT_GLOBS: [&str; 2] = ["*.rtf", "*.odt"];

/// The names LibreOffice's program goes by on PATH, in the order they are tried.
const PROGRAMS: [&str; 2] = ["soffice", "libreoffice"];

/// The time limit: [`TIME_LIMIT_ENV`] when it holds a number of seconds, else the default.
pub fn time_limit() -> Duration {
    std::env::var(TIME_LIMIT_ENV)
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_TIME_LIMIT, Duration::from_secs_f64)
}

/// LibreOffice's program on this process's PATH, if any.
pub fn find_office() -> Option<PathBuf> {
    find_office_in(&std::env::var_os("PATH")?)
}

/// LibreOffice's program on the search path `path_var` (as PATH is written), if any.
pub fn find_office_in(path_var: &OsStr) -> Option<PathBuf> {
    let dirs: Vec<PathBuf> = std::env::split_paths(path_var).collect();
    PROGRAMS.iter().find_map(|name| {
        dirs.iter().find_map(|dir| {
            let exe = if cfg!(windows) {
                dir.join(format!("{name}.exe"))
            } else {
                dir.join(name)
            };
            is_executable(&exe).then_some(exe)
        })
    })
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// Whether LibreOffice may open a file the readers refused with `err`: a Word or
/// OpenDocument file they cannot read, an RTF file, an unknown binary file. Not a file
/// with a password (LibreOffice would need it too), one refused as hostile (a bomb, a DTD),
/// a missing, empty or oversized file, or an image or archive.
pub fn may_help(err: &Error) -> bool {
    match err {
        Error::BadDocument { detail, .. } => {
            detail != &super::docx::encrypted()
                && detail != &super::doc::encrypted()
                && !detail.ends_with(super::HOSTILE)
        }
        Error::Binary { what, .. } => what == super::text::UNKNOWN_BINARY,
        _ => false,
    }
}

/// Why a conversion gave no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Neither `soffice` nor `libreoffice` is on PATH.
    NotInstalled,
    /// LibreOffice ran past the time limit and was stopped.
    TimedOut(Duration),
    /// The user stopped it.
    Cancelled,
    /// LibreOffice exited without writing a .docx: its exit status and last words.
    NoOutput { status: String, said: String },
    /// A file or the program could not be read, written or started.
    Io(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::NotInstalled => {
                f.write_str("本机没有安装 LibreOffice（找不到 soffice 或 libreoffice 命令）")
            }
            Failure::TimedOut(d) => write!(
                f,
                "LibreOffice 超过 {} 秒还没转换完，已停止它；文件可能太大或 LibreOffice 卡住了",
                d.as_secs_f64().round()
            ),
            Failure::Cancelled => f.write_str("已取消转换"),
            Failure::NoOutput { status, said } => {
                write!(
                    f,
                    "LibreOffice 没有转换出 .docx（{status}），它也打不开这个文件，或这不是文字文档"
                )?;
                if !said.is_empty() {
                    write!(f, "；LibreOffice 说：{said}")?;
                }
                Ok(())
            }
            Failure::Io(m) => f.write_str(m),
        }
    }
}

/// Converts `file` to .docx with `office` and returns the .docx's bytes. `file` is copied
/// into a private temporary folder first (LibreOffice writes lock files beside what it
/// opens), converted there with a private LibreOffice profile (so a LibreOffice window the
/// user has open does not take the job over), and the folder is deleted afterwards. Past
/// `limit`, or once `cancel` says so, LibreOffice and its children are killed.
pub fn to_docx(
    office: &Path,
    file: &Path,
    limit: Duration,
    cancel: &dyn Fn() -> bool,
) -> std::result::Result<Vec<u8>, Failure> {
    let io = |what: &str, e: std::io::Error| Failure::Io(format!("{what}失败（{e}）"));
    let meta = std::fs::metadata(file).map_err(|e| io("读取原文件", e))?;
    if meta.len() > super::MAX_FILE_SIZE {
        return Err(Failure::Io("文件超过支持的大小上限".into()));
    }
    let work = tempfile::Builder::new()
        .prefix("qinggao-convert-")
        .tempdir()
        .map_err(|e| io("创建临时文件夹", e))?;
    private(work.path());
    let input = work.path().join(match file.extension() {
        Some(ext) => format!("input.{}", ext.to_string_lossy()),
        None => "input".to_string(),
    });
    std::fs::copy(file, &input).map_err(|e| io("复制原文件到临时文件夹", e))?;
    let out = work.path().join("out");
    let profile = work.path().join("profile");
    std::fs::create_dir(&out).map_err(|e| io("创建临时文件夹", e))?;
    let log = work.path().join("log.txt");
    let log_file = std::fs::File::create(&log).map_err(|e| io("创建临时文件", e))?;
    let log_err = log_file.try_clone().map_err(|e| io("创建临时文件", e))?;
    let mut cmd = Command::new(office);
    cmd.arg(format!("-env:UserInstallation={}", file_url(&profile)))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(&out)
        .arg(&input)
        .current_dir(work.path())
        .stdin(Stdio::null())
        .stdout(log_file)
        .stderr(log_err);
    #[cfg(unix)]
    {
        // Its own process group, so that a time-out stops LibreOffice's children too.
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| Failure::Io(format!("无法启动 LibreOffice（{}）：{e}", office.display())))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => {
                stop(&mut child);
                return Err(io("等待 LibreOffice", e));
            }
        }
        if cancel() {
            stop(&mut child);
            return Err(Failure::Cancelled);
        }
        if started.elapsed() >= limit {
            stop(&mut child);
            return Err(Failure::TimedOut(limit));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let docx = out.join("input.docx");
    match std::fs::metadata(&docx) {
        Ok(m) if m.len() > super::MAX_FILE_SIZE => Err(Failure::Io(
            "LibreOffice 转换出的文件超过支持的大小上限".into(),
        )),
        Ok(_) => std::fs::read(&docx).map_err(|e| io("读取转换出的 .docx", e)),
        Err(_) => Err(Failure::NoOutput {
            status: match status.code() {
                Some(c) => format!("退出码 {c}"),
                None => "被信号终止".into(),
            },
            said: last_words(&log),
        }),
    }
}

/// Converts `path` with `office` and reads the result as the document of `path`: its
/// status bar, export folder and autosave are those of the original file; its source
/// says it was converted by LibreOffice from the original's format.
pub fn open_converted(
    office: &Path,
    path: &Path,
    limit: Duration,
    cancel: &dyn Fn() -> bool,
) -> Result<Document> {
    let failed = |detail: String| Error::Conversion {
        path: path.to_path_buf(),
        detail,
    };
    let bytes = to_docx(office, path, limit, cancel).map_err(|f| failed(f.to_string()))?;
    if !bytes.starts_with(b"PK") {
        return Err(failed("LibreOffice 转换出的文件不是 .docx".into()));
    }
    let mut doc = super::read_bytes(bytes, path, None)?;
    doc.source.converted_from = Some(
        path.extension()
            .map_or_else(String::new, |e| e.to_string_lossy().to_lowercase()),
    );
    Ok(doc)
}

/// The last non-blank lines LibreOffice printed, short enough for a message.
fn last_words(log: &Path) -> String {
    let text = std::fs::read(log).unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let tail = lines[lines.len().saturating_sub(2)..].join(" ");
    tail.chars().take(200).collect()
}

fn stop(child: &mut std::process::Child) {
    kill_group(child);
    let _ = child.kill();
    let _ = child.wait();
}

fn kill_group(child: &std::process::Child) {
    #[cfg(unix)]
    {
        if let Ok(pid) = i32::try_from(child.id()) {
            // SAFETY: kill(2) with a negative pid signals the process group the child
            // leads (it was started with process_group(0)); no memory is involved.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = child;
}

fn private(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A `file://` URL for a local folder, as LibreOffice's -env:UserInstallation wants it.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    let s = path.to_string_lossy().replace('\\', "/");
    if !s.starts_with('/') {
        url.push('/');
    }
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}
