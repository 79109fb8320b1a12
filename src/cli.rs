//! The command line shell over the core: `qinggao inspect`, `qinggao clean`, and (with no
//! subcommand) the desktop editor. Prints each error once, to stderr, and goes on with the
//! next file of a batch; the exit code says whether anything failed.

use crate::analysis::{self, Analysis};
use crate::batch::{self, Stats, Summary};
use crate::clean::{self, RuleSet};
use crate::error::{Error, Result};
use crate::export::{self, Scope, TextOptions};
use crate::input::convert;
use crate::model::{Document, Encoding, LineEnding};
use crate::placeholder::{self, Answers, PlaceholderKind};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Appends a line to a summary being built (writing to a String cannot fail).
macro_rules! put {
    ($out:expr) => {{
        $out.push('\n');
    }};
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Prints a line to stdout. A closed pipe (`qinggao inspect … | head`) is neither a panic
/// nor the end of the program: nothing more is printed, and the batch's exit code still says
/// whether a file failed.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if !stdout_closed() {
            if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
    }};
}

/// Set once a write to stdout found the reader gone.
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

#[derive(Parser, Debug)]
#[command(
    name = "qinggao",
    version,
    about = "清稿：把下载的工作报告汇编整理成可以交付的干净文稿",
    long_about = "清稿：把下载的工作报告汇编整理成可以交付的干净文稿。\n不带子命令时打开桌面编辑器：每个 FILE 一个窗口，不给 FILE 时打开内置示例。",
    args_conflicts_with_subcommands = true,
    after_help = "示例 / Examples:\n  qinggao 汇编.txt                    在桌面编辑器中打开\n  qinggao inspect 汇编.txt            概要：报告、标题层级、占位符、清理将做的修改\n  qinggao clean 汇编.txt -o 干净.txt  写出清理后的文稿"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Open these files in the desktop editor, one window each (without any, the built-in sample opens).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Summarise compilations: reports, headings, placeholders, findings, what cleaning would change.
    Inspect(InspectArgs),
    /// Write the cleaned (and filled) compilation, one report, or every report into a folder.
    Clean(CleanArgs),
    /// The editor's autosaved sessions (drafts of open files): list or delete them.
    Sessions {
        #[command(subcommand)]
        action: SessionsAction,
    },
    /// List the proofreading suggestions (校对): garbled characters, confused words, punctuation.
    Proof(ProofArgs),
}

#[derive(Subcommand, Debug)]
enum SessionsAction {
    /// Where autosaves are kept, and for each: when, how large, which file (never its text).
    List,
    /// Delete every autosaved session.
    Clear,
}

#[derive(clap::Args, Debug)]
struct ProofArgs {
    /// One or more compilation files or folders (walked recursively).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    batch: BatchArgs,
    /// Decode the input with this encoding instead of detecting it.
    #[arg(long, value_name = "ENC")]
    encoding: Option<String>,
}

#[derive(clap::Args, Debug)]
struct InspectArgs {
    /// One or more compilation files or folders (walked recursively).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    batch: BatchArgs,
    /// Print everything as JSON (documented in the README).
    #[arg(long)]
    json: bool,
    /// Decode the input with this encoding instead of detecting it (utf-8, gb18030, gbk, big5, utf-16le...).
    #[arg(long, value_name = "ENC")]
    encoding: Option<String>,
    /// Use this rule file (TOML or JSON) instead of the built-in cleaning rules.
    #[arg(long, value_name = "RULES")]
    rules: Option<PathBuf>,
    /// Leave proofreading (校对) out: no counts in the summary, no proofread[] in the JSON.
    #[arg(long)]
    no_proofread: bool,
    /// Proofreading is on by default; accepted for scripts written when it was not.
    #[arg(long, hide = true, conflicts_with = "no_proofread")]
    proofread: bool,
}

/// How a batch takes its files and shows its progress.
#[derive(clap::Args, Debug)]
struct BatchArgs {
    /// In folders, take the files whose name matches PATTERN (* and ?, any case; repeatable).
    /// Default: *.txt *.docx *.docm *.dotx *.doc *.wps. Files named themselves are always taken.
    #[arg(long = "glob", value_name = "PATTERN")]
    globs: Vec<String>,
    /// No progress bar (it is only drawn when stderr is a terminal).
    #[arg(short, long)]
    quiet: bool,
    /// A file 清稿 cannot read itself (.rtf, .odt, Word 6/95, old WPS, a .doc it refuses):
    /// convert a copy to .docx with LibreOffice (soffice on PATH) and read that. The source is
    /// not touched; LibreOffice is stopped after 60 s (QINGGAO_CONVERT_TIMEOUT=SECONDS).
    /// Folders then also give *.rtf and *.odt.
    #[arg(long)]
    convert: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Txt,
    Docx,
}

#[derive(clap::Args, Debug)]
struct CleanArgs {
    /// One or more compilation files or folders (walked recursively).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    batch: BatchArgs,
    /// Output file (one input) or folder (several inputs, or a folder: its tree is mirrored).
    #[arg(
        short = 'o',
        long = "output",
        value_name = "OUT",
        conflicts_with = "split"
    )]
    output: Option<PathBuf>,
    /// Write every report into its own file in this folder.
    #[arg(long, value_name = "DIR")]
    split: Option<PathBuf>,
    /// Export only report N (1-based, as `inspect` numbers them).
    #[arg(long, value_name = "N", conflicts_with = "split")]
    report: Option<usize>,
    /// Fill placeholders with the answers in this JSON file (the GUI saves the same format);
    /// the proofreading suggestions it accepts are applied, those it ignores never are.
    #[arg(long, value_name = "ANSWERS.json")]
    fill: Option<PathBuf>,
    /// Use this rule file (TOML or JSON) instead of the built-in cleaning rules.
    #[arg(long, value_name = "RULES")]
    rules: Option<PathBuf>,
    /// Output encoding: utf-8 (default), source (same as the input), gb18030, utf-8-bom, utf-16le...
    #[arg(long, value_name = "ENC", default_value = "utf-8")]
    encoding: String,
    /// Decode the input with this encoding instead of detecting it.
    #[arg(long, value_name = "ENC")]
    input_encoding: Option<String>,
    /// Write CRLF line endings (Windows) instead of LF.
    #[arg(long)]
    crlf: bool,
    /// Replace output files that already exist.
    #[arg(long)]
    force: bool,
    /// Exit with status 3 while placeholders remain unfilled.
    #[arg(long)]
    strict: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "txt")]
    format: Format,
    /// 公文 layout preset for --format docx (TOML; see presets/gongwen.toml).
    #[arg(long, value_name = "PRESET")]
    preset: Option<PathBuf>,
    /// The author named in the .docx file's properties (文件→信息); none by default.
    #[arg(long, value_name = "NAME", default_value = "")]
    author: String,
    /// Also apply the proofreading suggestions of these kinds (comma-separated:
    /// substitution, confused_word, punctuation, bracket; alone or `all`: every kind).
    #[arg(long, visible_alias = "proof", value_name = "KINDS", num_args = 0..=1, default_missing_value = "all")]
    accept_proofread: Option<String>,
}

/// The kinds named by `--accept-proofread`.
fn parse_kinds(list: &str) -> Result<Vec<crate::proof::Kind>> {
    use crate::proof::Kind;
    if list.trim() == "all" {
        return Ok(Kind::ALL.to_vec());
    }
    list.split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| {
            Kind::parse(k).ok_or_else(|| Error::Invalid {
                what: format!(
                    "--accept-proofread：不认识的校对类别“{k}”（可用：all，{}）",
                    Kind::ALL.map(Kind::name).join("，")
                ),
            })
        })
        .collect()
}

/// Replaces the default panic message, whose payload can quote the document (a slice
/// panic prints the string it cut), with one that names only where it happened.
/// `QINGGAO_PANIC_DETAIL=1` brings the full message back, for a developer on their own file.
pub fn quiet_panics() {
    if std::env::var_os("QINGGAO_PANIC_DETAIL").is_some_and(|v| v == "1") {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map_or_else(String::new, |l| format!("（{}:{}）", l.file(), l.line()));
        eprintln!(
            "qinggao: 内部错误{at}；为保护文稿，详细信息不显示（设置 QINGGAO_PANIC_DETAIL=1 可显示）"
        );
    }));
}

/// Runs the command line; with no subcommand, the GUI.
pub fn run() -> ExitCode {
    quiet_panics();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Inspect(args)) => inspect_command(&args),
        Some(Command::Clean(args)) => clean_command(&args),
        Some(Command::Sessions { action }) => sessions_command(action),
        Some(Command::Proof(args)) => proof_command(&args),
        None => run_gui(cli.files),
    }
}

#[cfg(feature = "gui")]
fn run_gui(files: Vec<PathBuf>) -> ExitCode {
    match crate::gui::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qinggao: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn run_gui(_files: Vec<PathBuf>) -> ExitCode {
    eprintln!(
        "qinggao: 此版本未包含桌面界面（编译时未启用 gui 功能）；请使用 qinggao inspect / qinggao clean"
    );
    ExitCode::from(2)
}

/// The files of a batch, with what could not be walked reported (to stderr and into the
/// summary); None when a folder held no file to take.
fn walk(files: &[PathBuf], args: &BatchArgs, summary: &mut Summary) -> Option<batch::Walk> {
    let mut globs = args.globs.clone();
    if globs.is_empty() && args.convert {
        globs = batch::DEFAULT_GLOBS
            .iter()
            .chain(&convert::CONVERT_GLOBS)
            .map(|g| g.to_string())
            .collect();
    }
    let walk = batch::collect(files, &batch::Globs::new(&globs));
    for p in &walk.problems {
        eprintln!("qinggao: {}", p.message);
        summary.problem(p);
    }
    if walk.inputs.is_empty() {
        eprintln!("qinggao: 文件夹里没有要处理的文件（可用 --glob 指定文件名，如 --glob '*.txt'）");
        return None;
    }
    Some(walk)
}

/// The progress bar is for a person watching a terminal: never in a pipe or a log.
fn show_bar(args: &BatchArgs) -> bool {
    use std::io::IsTerminal as _;
    !args.quiet && std::io::stderr().is_terminal()
}

/// The label of a rule, by its id, for summaries.
fn rule_label(rules: &RuleSet, id: &str) -> String {
    rules
        .rules
        .iter()
        .find(|r| r.id == id)
        .map_or(id, |r| r.label.as_str())
        .to_string()
}

/// The exit code of a batch: 1 when anything failed, 3 when placeholders remain under
/// --strict, else 0.
fn exit_code(failed: bool, unfilled: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else if unfilled {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse_encoding(name: &str) -> Result<Encoding> {
    Encoding::parse(name).ok_or_else(|| Error::Invalid {
        what: format!(
            "不认识的编码“{name}”；可用：{}",
            Encoding::ALL
                .iter()
                .map(|e| e.name())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// Reads and decodes a file, in the encoding the user named if any. A file the readers
/// refuse and LibreOffice may open is converted with `--convert`; without it, the message
/// says how.
fn read_document(path: &Path, encoding: Option<&str>, convert: bool) -> Result<Document> {
    let forced = encoding.map(parse_encoding).transpose()?;
    match crate::input::load(path, forced) {
        Err(e) if convert::may_help(&e) => {
            let office = convert::find_office();
            match (convert, office) {
                (true, Some(office)) => {
                    convert::open_converted(&office, path, convert::time_limit(), &|| {
                        batch::interrupted()
                    })
                }
                (true, None) => Err(Error::Conversion {
                    path: path.to_path_buf(),
                    detail: convert::Failure::NotInstalled.to_string(),
                }),
                (false, office) => Err(Error::Invalid {
                    what: format!(
                        "{e}\n  {}",
                        if office.is_some() {
                            "本机装有 LibreOffice：加 --convert 可先用它把文件的副本转换为 .docx 再读取（原文件不变）"
                        } else {
                            "安装 LibreOffice 后，加 --convert 可先用它把文件的副本转换为 .docx 再读取（原文件不变）"
                        }
                    ),
                }),
            }
        }
        r => r,
    }
}

/// The rules of `--rules`, their word lists put into the lexicon before any text is read.
fn load_rules(path: Option<&Path>) -> Result<RuleSet> {
    let Some(path) = path else {
        return Ok(RuleSet::default());
    };
    let rules = RuleSet::load(path)?;
    rules.install_words().map_err(|detail| Error::BadConfig {
        path: path.to_path_buf(),
        what: "规则文件",
        detail,
    })?;
    Ok(rules)
}

// ---------------------------------------------------------------------------------------
// inspect

fn inspect_command(args: &InspectArgs) -> ExitCode {
    // A bad rules file stops everything: every file would fail the same way.
    let rules = match load_rules(args.rules.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("qinggao: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut summary = Summary::default();
    let Some(walk) = walk(&args.files, &args.batch, &mut summary) else {
        return ExitCode::FAILURE;
    };
    let done = print_each(&walk, &args.batch, &mut summary, |path| {
        inspect(path, args, &rules).map(|(text, stats)| (text, Some(stats)))
    });
    if !done {
        return interrupted();
    }
    if walk.inputs.len() > 1 || walk.folders {
        let text = summary.render("清理将修改", |id| rule_label(&rules, id));
        // JSON on stdout stays JSON.
        if args.json {
            eprintln!("{text}");
        } else {
            out!("\n{text}");
        }
    }
    exit_code(summary.any_failed(), false)
}

/// Runs `work` on every input of `walk` on all cores and prints what each returns, in input
/// order, counting it into `summary` (a failure is named and the batch goes on). Once
/// nobody reads stdout, the rest has nothing to do. False when Ctrl-C or SIGTERM stopped it.
fn print_each(
    walk: &batch::Walk,
    args: &BatchArgs,
    summary: &mut Summary,
    work: impl Fn(&Path) -> Result<(String, Option<Stats>)> + Sync,
) -> bool {
    batch::run(
        &walk.inputs,
        show_bar(args),
        |input| {
            if stdout_closed() {
                return Ok(None);
            }
            work(&input.path).map(Some)
        },
        |_, r| match r {
            Ok(Some((text, stats))) => {
                out!("{text}");
                if let Some(stats) = stats {
                    summary.ok(&stats);
                }
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("qinggao: {e}");
                summary.failed(e.to_string());
            }
        },
    );
    !batch::interrupted()
}

/// What a batch stopped by Ctrl-C or SIGTERM says and exits with.
fn interrupted() -> ExitCode {
    eprintln!("qinggao: 已中断 (interrupted)");
    ExitCode::from(130)
}

/// One file's summary (or JSON), and its counts for the batch's summary.
fn inspect(path: &Path, args: &InspectArgs, rules: &RuleSet) -> Result<(String, Stats)> {
    let mut doc = read_document(path, args.encoding.as_deref(), args.batch.convert)?;
    let mut rules = rules.clone().with_origins(&doc.source);
    let script = clean::traditional::auto_enable(&mut rules, &doc.text);
    // The summary only counts each report's headings: they are counted as each report is
    // outlined and not kept (a 100 MB compilation has a million). The JSON lists them.
    let (analysis, edits, headings) = if args.json {
        let (analysis, edits) = analysis::analyze_and_plan_owned(&mut doc.text, &rules);
        (analysis, edits, Vec::new())
    } else {
        analysis::analyze_and_plan_reading(&mut doc.text, &rules, |r| {
            let counts = HeadingCounts::of(&r.outline);
            r.outline = Vec::new();
            counts
        })
    };
    let proofread =
        (!args.no_proofread).then(|| crate::proof::proofread(&doc.text, &analysis.outline));
    let proofread = proofread.as_deref();
    let stats = Stats {
        reports: analysis.outline.reports.len(),
        edits: clean::counts(&edits),
        placeholders: analysis.placeholders.len(),
        fills: 0,
    };
    let text = if args.json {
        let json = InspectJson::new(path, &doc, &analysis, &edits, proofread);
        serde_json::to_string_pretty(&json).map_err(|e| Error::Invalid {
            what: e.to_string(),
        })?
    } else {
        let mut text = summary_text(path, &doc, &analysis, &headings, &edits, proofread);
        // Under the file's name: the conversion the summary's counts include.
        if let Some(note) = script {
            let at = text.find('\n').map_or(text.len(), |i| i + 1);
            text.insert_str(at, &format!("{note}\n"));
        }
        text
    };
    Ok((text, stats))
}

/// `qinggao proof FILE…`: each file's suggestions, files on every core, printed in input
/// order; a bad file is named and the batch goes on.
fn proof_command(args: &ProofArgs) -> ExitCode {
    let mut summary = Summary::default();
    let Some(walk) = walk(&args.files, &args.batch, &mut summary) else {
        return ExitCode::FAILURE;
    };
    let done = print_each(&walk, &args.batch, &mut summary, |path| {
        proof_one(path, args).map(|text| (text, None))
    });
    if !done {
        return interrupted();
    }
    exit_code(summary.any_failed(), false)
}

/// One file's suggestions, one a line, with its place and reason.
fn proof_one(path: &Path, args: &ProofArgs) -> Result<String> {
    let doc = read_document(path, args.encoding.as_deref(), args.batch.convert)?;
    let analysis = analysis::analyze_with(&doc.text, &doc.source.pieces);
    let found = crate::proof::proofread(&doc.text, &analysis.outline);
    let mut text = String::new();
    put!(
        text,
        "文件：{}　校对建议：{} 处",
        path.display(),
        found.len()
    );
    let mut groups: Vec<&crate::proof::Group> = Vec::new();
    for f in &found {
        if let Some(g) = &f.group
            && !groups.iter().any(|x| x.id == g.id)
        {
            groups.push(g);
        }
    }
    for g in groups {
        let n = found
            .iter()
            .filter(|f| f.group.as_ref().is_some_and(|x| x.id == g.id))
            .count();
        put!(text, "  替换组 {}：{n} 处。{}", g.label, g.evidence);
    }
    for f in &found {
        let line = analysis.index.line_of(f.range.start);
        let column = analysis.index.column_of(&doc.text, f.range.start);
        let fix = if f.has_fix() {
            format!("“{}” → “{}”", f.found, f.suggestion)
        } else {
            format!("“{}”（请核对）", f.found)
        };
        put!(
            text,
            "  第 {} 行第 {column} 列　[{}] {fix}　{}",
            line + 1,
            f.kind.label(),
            f.message
        );
    }
    text.truncate(text.trim_end_matches('\n').len());
    Ok(text)
}

/// How many findings of one report the summary shows before "…".
const SUMMARY_FINDINGS: usize = 8;
/// How many placeholder groups of one report the summary names.
const SUMMARY_GROUPS: usize = 6;

/// A report's headings, counted: the numbered ones and the in-line ordinals (一是).
#[derive(Debug, Clone, Copy)]
struct HeadingCounts {
    numbered: usize,
    inline: usize,
}

impl HeadingCounts {
    fn of(outline: &[crate::model::Heading]) -> HeadingCounts {
        let inline = outline
            .iter()
            .filter(|h| h.kind == crate::model::HeadingKind::InlineOrdinal)
            .count();
        HeadingCounts {
            numbered: outline.len() - inline,
            inline,
        }
    }
}

/// The summary `inspect` prints of one file; `headings` per report, counted as the analysis
/// made them (its reports' outlines are left empty).
fn summary_text(
    path: &Path,
    doc: &Document,
    analysis: &Analysis,
    headings: &[HeadingCounts],
    edits: &[crate::model::Edit],
    proofread: Option<&[crate::proof::Finding]>,
) -> String {
    // Written in one go: a summary of a large compilation has tens of thousands of lines,
    // and stdout flushes at every line.
    let mut summary = String::new();
    let o = &analysis.outline;
    put!(summary, "文件：{}", path.display());
    if doc.source.format.is_word() {
        put!(
            summary,
            "格式：{}　段落：{} 段",
            doc.source.label(),
            doc.source.paragraphs
        );
        if let Some(images) = doc.source.images_notice() {
            put!(summary, "{images}");
        }
    }
    put!(
        summary,
        "编码：{}　换行：{}　行数：{}　报告：{} 篇　占位符：{} 处",
        doc.encoding,
        doc.line_ending.name().to_uppercase(),
        analysis.index.line_count(),
        o.reports.len(),
        analysis.placeholders.len()
    );
    if let Some(t) = &o.title {
        put!(summary, "汇编标题：{t}");
    }
    if let Some(toc) = &o.toc {
        let state = if toc.is_empty() {
            "空目录，清理时可填入各篇标题"
        } else {
            "已有标题"
        };
        put!(
            summary,
            "目录：第 {} 行，{} 项（{state}）",
            toc.heading_line + 1,
            toc.entries.len()
        );
    }
    // Each report's block is built on its own (on every core for a large compilation: the
    // placeholders' texts are read from all over the file), then written in order.
    let blocks = crate::par::map_items(&o.reports, |i, r| {
        report_summary(i, r, doc, analysis, headings[i])
    });
    for block in blocks {
        summary.push_str(&block);
    }
    put!(summary);
    let counts = clean::counts(edits);
    if counts.is_empty() {
        put!(summary, "清理：没有需要清理的内容");
    } else {
        let rules = RuleSet::default();
        let parts: Vec<String> = counts
            .iter()
            .map(|(id, n)| {
                let label = rules
                    .rules
                    .iter()
                    .find(|r| &r.id == id)
                    .map_or(id.as_str(), |r| r.label.as_str());
                format!("{label} {n}")
            })
            .collect();
        put!(
            summary,
            "清理将修改 {} 处：{}",
            edits.len(),
            parts.join("，")
        );
    }
    if let Some(proofread) = proofread {
        proof_summary(&mut summary, proofread);
    }
    summary.truncate(summary.trim_end_matches('\n').len());
    summary
}

/// The proofreading lines of a summary: counts per kind and each substitution group.
fn proof_summary(summary: &mut String, proofread: &[crate::proof::Finding]) {
    if proofread.is_empty() {
        put!(summary, "校对：没有建议");
    } else {
        let parts: Vec<String> = crate::proof::Kind::ALL
            .iter()
            .filter_map(|k| {
                let n = proofread.iter().filter(|f| f.kind == *k).count();
                (n > 0).then(|| format!("{} {n}", k.label()))
            })
            .collect();
        put!(
            summary,
            "校对建议 {} 处：{}（qinggao proof 查看）",
            proofread.len(),
            parts.join("，")
        );
        let mut seen: Vec<&str> = Vec::new();
        for g in proofread.iter().filter_map(|f| f.group.as_ref()) {
            if !seen.contains(&g.id.as_str()) {
                seen.push(&g.id);
                put!(summary, "  替换组 {}：{}", g.label, g.evidence);
            }
        }
    }
}

/// One report's block of the summary.
fn report_summary(
    i: usize,
    r: &crate::model::Report,
    doc: &Document,
    analysis: &Analysis,
    headings: HeadingCounts,
) -> String {
    let mut summary = String::new();
    let mark = if r.title_inferred { "（推断）" } else { "" };
    put!(summary);
    put!(
        summary,
        "{:>2}. {}{mark}　[第 {}–{} 行]",
        i + 1,
        r.title,
        r.lines.start + 1,
        r.lines.end
    );
    let ph = analysis.report_placeholders(i);
    put!(
        summary,
        "    标题层级 {} 个（另有文中“一是”类 {} 个）　占位符 {} 处　提示 {} 条",
        headings.numbered,
        headings.inline,
        ph.len(),
        r.findings.len()
    );
    let names: Vec<String> = name_groups(ph, &doc.text)
        .into_iter()
        .take(SUMMARY_GROUPS)
        .map(|(key, n)| format!("{key}×{n}"))
        .collect();
    let quantities = ph
        .iter()
        .filter(|p| p.kind == PlaceholderKind::Quantity)
        .count();
    if !names.is_empty() || quantities > 0 {
        put!(
            summary,
            "    待填：名称 {}；数字 {quantities} 处",
            if names.is_empty() {
                "无".into()
            } else {
                names.join("、")
            }
        );
    }
    for f in r.findings.iter().take(SUMMARY_FINDINGS) {
        put!(
            summary,
            "    ! 第 {} 行 {}：{}",
            f.line + 1,
            f.kind.label(),
            f.message
        );
    }
    if r.findings.len() > SUMMARY_FINDINGS {
        put!(
            summary,
            "    ……另有 {} 条提示（--json 查看全部）",
            r.findings.len() - SUMMARY_FINDINGS
        );
    }
    summary
}

/// Name groups ("XX区") with their counts, most frequent first, without building a
/// string per placeholder (a summary of a huge file must stay fast).
fn name_groups(ph: &[placeholder::Placeholder], doc: &str) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for p in ph.iter().filter(|p| p.kind == PlaceholderKind::Name) {
        if let Some(suffix) = p.suffix {
            *counts.entry((p.text(doc), suffix)).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|((t, s), n)| (format!("{t}{s}"), n))
        .collect();
    v.sort_by_key(|g| std::cmp::Reverse(g.1));
    v
}

/// The documented JSON shape of `inspect --json` (see the README). Lines are 1-based.
#[derive(Serialize)]
struct InspectJson<'a> {
    file: String,
    source: SourceJson,
    encoding: &'static str,
    line_ending: &'static str,
    lines: usize,
    title: Option<&'a str>,
    title_line: Option<usize>,
    toc: Option<TocJson<'a>>,
    reports: Vec<ReportJson<'a>>,
    cleaning: CleaningJson,
}

/// What the file was: its format and, for a Word file, what the reader found beside the
/// text (line numbers are lines of the imported text).
#[derive(Serialize)]
struct SourceJson {
    format: &'static str,
    /// Only when LibreOffice converted the file (`--convert`): the original's extension;
    /// `format` is then "docx", what was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    converted_from: Option<String>,
    paragraphs: usize,
    images: usize,
    image_lines: Vec<usize>,
    headers: usize,
    footers: usize,
    hidden: usize,
    links: usize,
    text_boxes: usize,
    comments: usize,
    footnotes: usize,
}

impl SourceJson {
    fn new(s: &crate::model::Source) -> SourceJson {
        use crate::model::Origin;
        SourceJson {
            format: s.format.name(),
            converted_from: s.converted_from.clone(),
            paragraphs: s.paragraphs,
            images: s.image_lines.len(),
            image_lines: s.image_lines.iter().map(|l| l + 1).collect(),
            headers: s.count(&Origin::Header),
            footers: s.count(&Origin::Footer),
            hidden: s.count(&Origin::Hidden),
            links: s.count(&Origin::Link {
                target: String::new(),
            }),
            text_boxes: s.count(&Origin::TextBox),
            comments: s.count(&Origin::Comment),
            footnotes: s.count(&Origin::Footnote),
        }
    }
}

#[derive(Serialize)]
struct TocJson<'a> {
    line: usize,
    empty: bool,
    entries: &'a [String],
}

#[derive(Serialize)]
struct ReportJson<'a> {
    number: usize,
    /// The title without the site's label ("篇三：", "【范文2】"), which is `label`.
    title: &'a str,
    label: Option<&'a str>,
    title_inferred: bool,
    start_line: usize,
    end_line: usize,
    outline: Vec<HeadingJson<'a>>,
    roles: Vec<RoleJson>,
    placeholders: Vec<PlaceholderJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    /// Left out with `inspect --no-proofread`.
    #[serde(skip_serializing_if = "Option::is_none")]
    proofread: Option<Vec<ProofJson<'a>>>,
}

/// One proofreading suggestion: `text` as written at `line`/`column` (1-based characters)
/// or byte `offset`, its `suggestion`, why (`message`), and for a substitution its group.
#[derive(Serialize)]
struct ProofJson<'a> {
    kind: crate::proof::Kind,
    line: usize,
    column: usize,
    offset: usize,
    text: &'a str,
    suggestion: &'a str,
    message: &'a str,
    group: Option<&'a crate::proof::Group>,
    /// What names this suggestion in an answers file's `proofread.accepted` / `ignored`.
    key: String,
}

#[derive(Serialize)]
struct HeadingJson<'a> {
    kind: crate::model::HeadingKind,
    level: u8,
    marker: &'a str,
    text: &'a str,
    line: usize,
}

#[derive(Serialize)]
struct RoleJson {
    role: crate::model::LineRole,
    line: usize,
}

#[derive(Serialize)]
struct PlaceholderJson<'a> {
    text: &'a str,
    line: usize,
    column: usize,
    kind: PlaceholderKind,
    group: String,
    unit: Option<&'a str>,
    context: String,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    kind: crate::model::FindingKind,
    line: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct CleaningJson {
    edits: usize,
    by_rule: BTreeMap<String, usize>,
}

impl<'a> InspectJson<'a> {
    fn new(
        path: &Path,
        doc: &'a Document,
        a: &'a Analysis,
        edits: &[crate::model::Edit],
        proofread: Option<&'a [crate::proof::Finding]>,
    ) -> Self {
        let o = &a.outline;
        let reports = o
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (label, title) = r.label_and_title();
                ReportJson {
                    number: i + 1,
                    title,
                    label,
                    title_inferred: r.title_inferred,
                    start_line: r.lines.start + 1,
                    end_line: r.lines.end,
                    outline: r
                        .outline
                        .iter()
                        .map(|h| HeadingJson {
                            kind: h.kind,
                            level: h.level,
                            marker: h.marker(&doc.text),
                            text: h.text(&doc.text),
                            line: h.line + 1,
                        })
                        .collect(),
                    roles: r
                        .roles
                        .iter()
                        .map(|x| RoleJson {
                            role: x.role,
                            line: x.line + 1,
                        })
                        .collect(),
                    placeholders: a
                        .report_placeholders(i)
                        .iter()
                        .map(|p| PlaceholderJson {
                            text: p.text(&doc.text),
                            line: p.line() + 1,
                            column: p.column(),
                            kind: p.kind,
                            group: p.group(&doc.text),
                            unit: p.unit(&doc.text),
                            context: p.context(&doc.text),
                        })
                        .collect(),
                    findings: r
                        .findings
                        .iter()
                        .map(|f| FindingJson {
                            kind: f.kind,
                            line: f.line + 1,
                            message: &f.message,
                        })
                        .collect(),
                    proofread: proofread.map(|all| {
                        all.iter()
                            .filter(|f| r.range.contains(&f.range.start))
                            .map(|f| ProofJson {
                                kind: f.kind,
                                line: a.index.line_of(f.range.start) + 1,
                                column: a.index.column_of(&doc.text, f.range.start),
                                offset: f.range.start,
                                text: &f.found,
                                suggestion: &f.suggestion,
                                message: &f.message,
                                group: f.group.as_ref(),
                                key: f.key(&doc.text),
                            })
                            .collect()
                    }),
                }
            })
            .collect();
        InspectJson {
            file: path.display().to_string(),
            source: SourceJson::new(&doc.source),
            encoding: doc.encoding.name(),
            line_ending: doc.line_ending.name(),
            lines: a.index.line_count(),
            title: o.title.as_deref(),
            title_line: o.title_line.map(|l| l + 1),
            toc: o.toc.as_ref().map(|t| TocJson {
                line: t.heading_line + 1,
                empty: t.is_empty(),
                entries: &t.entries,
            }),
            reports,
            cleaning: CleaningJson {
                edits: edits.len(),
                by_rule: clean::counts(edits),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------
// sessions

fn sessions_command(action: SessionsAction) -> ExitCode {
    let Some(data) = crate::session::data_dir() else {
        eprintln!("qinggao: 找不到这个账户的数据文件夹，没有自动保存");
        return ExitCode::FAILURE;
    };
    let store = crate::session::Store::new(&data);
    let result = match action {
        SessionsAction::List => store.list().map(|list| {
            let mut out = String::new();
            put!(out, "自动保存的位置：{}", store.folder().display());
            let total: u64 = list.iter().map(|e| e.size).sum();
            put!(
                out,
                "共 {} 个，占 {}",
                list.len(),
                crate::session::format_size(total)
            );
            for e in &list {
                let file = match (&e.source, e.damaged) {
                    (_, true) => "（已损坏）".to_string(),
                    (Some(p), _) => p.display().to_string(),
                    (None, _) => "（示例汇编）".to_string(),
                };
                put!(
                    out,
                    "{}\t{}\t{file}\t{}",
                    crate::session::format_time(e.saved_at),
                    crate::session::format_size(e.size),
                    e.path.display()
                );
            }
            out!("{}", out.trim_end_matches('\n'));
        }),
        SessionsAction::Clear => store.clear().map(|n| {
            out!("已清除 {n} 个自动保存（{}）", store.folder().display());
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(p) => {
            eprintln!("qinggao: {p}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------------------
// clean

fn clean_command(args: &CleanArgs) -> ExitCode {
    if args.output.is_none() && args.split.is_none() {
        eprintln!("qinggao: 请用 -o OUT 指定输出文件，或用 --split DIR 指定输出文件夹");
        return ExitCode::from(2);
    }
    // Shared inputs are read once; a bad rules or answers file stops everything, since
    // every file would fail the same way.
    let shared = (|| -> Result<(RuleSet, Answers)> {
        let rules = load_rules(args.rules.as_deref())?;
        let answers = match &args.fill {
            Some(p) => Answers::load(p)?,
            None => Answers::default(),
        };
        Ok((rules, answers))
    })();
    let (rules, answers) = match shared {
        Ok(x) => x,
        Err(e) => {
            eprintln!("qinggao: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut summary = Summary::default();
    let Some(walk) = walk(&args.files, &args.batch, &mut summary) else {
        return ExitCode::FAILURE;
    };
    let several = walk.inputs.len() > 1 || walk.folders;
    // Files are cleaned and staged on every core, errors told in input order as they come;
    // the staged files get their names together once all are on disk (see crate::batch),
    // and only then is each file's outcome printed.
    let mut staged = Vec::new();
    let mut cleaned = Vec::new();
    batch::run(
        &walk.inputs,
        show_bar(&args.batch),
        |input| clean_one(input, args, &rules, &answers, several),
        |_, r| match r {
            Ok(c) => {
                staged.push(c.staged);
                cleaned.push(Ok((c.report, c.stats, c.unfilled)));
            }
            Err(e) => {
                eprintln!("qinggao: {e}");
                cleaned.push(Err(e));
            }
        },
    );
    if batch::interrupted() {
        // Dropping the staged files deletes them: an interrupted batch writes nothing.
        drop(staged);
        eprintln!("qinggao: 已中断，没有写入任何文件 (interrupted, nothing written)");
        return ExitCode::from(130);
    }
    let mut committed = crate::fs::commit(staged, crate::fs::SyncMode::from_env()).into_iter();
    let mut unfilled = false;
    for c in cleaned {
        match c {
            Ok((report, stats, strict_unfilled)) => match committed.next() {
                Some(Ok(())) => {
                    out!("{report}");
                    summary.ok(&stats);
                    unfilled |= strict_unfilled;
                }
                Some(Err(e)) => {
                    let e = Error::from(e);
                    eprintln!("qinggao: {e}");
                    summary.failed(e.to_string());
                }
                None => {}
            },
            Err(e) => summary.failed(e.to_string()),
        }
    }
    if several {
        out!("\n{}", summary.render("清理", |id| rule_label(&rules, id)));
    }
    exit_code(summary.any_failed(), unfilled)
}

/// One file cleaned: its files staged, what to print once they are saved.
struct Cleaned {
    staged: Vec<crate::fs::Staged>,
    report: String,
    stats: Stats,
    /// Placeholders remain and --strict was given.
    unfilled: bool,
}

fn clean_one(
    input: &batch::Input,
    args: &CleanArgs,
    rules: &RuleSet,
    answers: &Answers,
    several: bool,
) -> Result<Cleaned> {
    let path = input.path.as_path();
    // Outputs mirror the tree the input was found in.
    let sub = input.rel.parent().unwrap_or(Path::new(""));
    let doc = read_document(path, args.input_encoding.as_deref(), args.batch.convert)?;
    let mut own = None;
    if !doc.source.pieces.is_empty() {
        own = Some(rules.clone().with_origins(&doc.source));
    }
    if clean::traditional::is_mostly_traditional(&doc.text) {
        let own = own.get_or_insert_with(|| rules.clone());
        if let Some(note) = clean::traditional::auto_enable(own, &doc.text) {
            eprintln!("{}：{note}", path.display());
        }
    }
    let rules = own.as_ref().unwrap_or(rules);
    // A .txt needs the reports of the result, a .docx also their headings.
    let outlines = matches!(args.format, Format::Docx);
    let accept = match &args.accept_proofread {
        Some(list) => parse_kinds(list)?,
        None => Vec::new(),
    };
    let (mut cleaned, mut after) = clean::apply(&doc.text, rules, answers, outlines);
    // Proofreading reads the cleaned text (no junk left to judge), and its accepted
    // suggestions apply on top.
    // The answers file names single suggestions: the accepted ones apply whatever their
    // kind, the ignored ones never.
    let mut proofread = 0;
    let named = &answers.proofread;
    if !accept.is_empty() || !named.accepted.is_empty() {
        let found = crate::proof::proofread(&cleaned.text, &after.outline);
        let edits = crate::proof::edits_answered(&found, &cleaned.text, &accept, named);
        if !edits.is_empty() {
            let applied = crate::edit::apply(&cleaned.text, &edits);
            proofread = edits.len() - applied.skipped;
            cleaned.text = applied.text;
            after = analysis::analyze(&cleaned.text);
        }
    }
    let opts = TextOptions {
        encoding: if args.encoding.eq_ignore_ascii_case("source") {
            doc.encoding
        } else {
            parse_encoding(&args.encoding)?
        },
        line_ending: if args.crlf {
            LineEnding::Crlf
        } else {
            LineEnding::Lf
        },
    };
    let stem = path
        .file_stem()
        .map_or_else(|| "报告".to_string(), |s| s.to_string_lossy().into_owned());
    let ext = match args.format {
        Format::Txt => "txt",
        Format::Docx => "docx",
    };
    let (scope, dest) = if let Some(dir) = &args.split {
        let dir = if several {
            dir.join(sub).join(&stem)
        } else {
            dir.clone()
        };
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "创建输出文件夹", e))?;
        (Scope::Split, dir)
    } else {
        let out = args.output.clone().unwrap_or_default();
        let out = if several {
            let out = out.join(sub);
            std::fs::create_dir_all(&out).map_err(|e| Error::io(&out, "创建输出文件夹", e))?;
            out.join(format!("{stem}.clean.{ext}"))
        } else {
            out
        };
        match args.report {
            Some(0) => {
                return Err(Error::Invalid {
                    what: "--report 从 1 开始编号".into(),
                });
            }
            Some(n) => (Scope::Report(n - 1), out),
            None => (Scope::Whole, out),
        }
    };
    let format = match args.format {
        Format::Txt => export::Format::Text(opts),
        Format::Docx => export::Format::Docx {
            preset: match &args.preset {
                Some(p) => Box::new(export::docx::Preset::load(p)?),
                None => Box::default(),
            },
            author: args.author.clone(),
        },
    };
    // The one export path: the outputs, named; -o names the file of a single one.
    let files: Vec<(PathBuf, Vec<u8>)> =
        export::outputs(&cleaned.text, &after, scope, &stem, &format)?
            .into_iter()
            .map(|o| match scope {
                Scope::Split => (dest.join(&o.name), o.bytes),
                _ => (dest.clone(), o.bytes),
            })
            .collect();
    let staged = export::stage(&files, args.force, Some(path))?;

    // What was done.
    let left = &after.placeholders;
    let mut report = String::new();
    put!(
        report,
        "{}：{} 篇报告，清理 {} 处修改",
        path.display(),
        after.outline.reports.len(),
        cleaned.cleaning.len()
    );
    let counts = clean::counts(&cleaned.cleaning);
    for (rule, n) in &counts {
        put!(report, "    {rule}: {n}");
    }
    if !accept.is_empty() {
        put!(report, "    校对: {proofread}");
    }
    let fills = cleaned.fills.len();
    if fills > 0 {
        put!(report, "    填入占位符: {fills}");
    }
    for (p, _) in &files {
        put!(report, "  → {}", p.display());
    }
    if left.is_empty() {
        put!(report, "  占位符已全部填写");
    } else {
        put!(
            report,
            "  还有 {} 处占位符未填写（qinggao inspect 查看，或用 --fill 填写）",
            left.len()
        );
    }
    report.truncate(report.trim_end().len());
    Ok(Cleaned {
        staged,
        report,
        stats: Stats {
            reports: after.outline.reports.len(),
            edits: counts,
            placeholders: left.len(),
            fills,
        },
        unfilled: args.strict && !left.is_empty(),
    })
}
