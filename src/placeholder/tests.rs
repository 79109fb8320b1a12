use super::*;
use crate::edit;

/// A placeholder with its texts read out of the document, for assertions.
#[derive(Debug, Clone)]
struct Found {
    range: ByteRange,
    text: String,
    kind: PlaceholderKind,
    group: String,
    suffix: Option<&'static str>,
    unit: Option<String>,
    line: usize,
    column: usize,
    before: String,
    after: String,
    key: String,
    context: String,
}

impl Found {
    fn key(&self) -> String {
        self.key.clone()
    }
    fn context(&self) -> String {
        self.context.clone()
    }
}

fn raw(text: &str) -> Vec<Placeholder> {
    find(text, &LineIndex::new(text))
}

fn found(text: &str) -> Vec<Found> {
    raw(text)
        .into_iter()
        .map(|p| Found {
            range: p.range.clone(),
            text: p.text(text).to_string(),
            kind: p.kind,
            group: p.group(text),
            suffix: p.suffix,
            unit: p.unit(text).map(str::to_string),
            line: p.line(),
            column: p.column(),
            before: p.before(text).to_string(),
            after: p.after(text).to_string(),
            key: p.key(),
            context: p.context(text),
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    found(text).into_iter().map(|p| p.text).collect()
}

fn one(text: &str) -> Found {
    let mut ps = found(text);
    assert_eq!(ps.len(), 1, "{text}: {ps:#?}");
    ps.remove(0)
}

use crate::test_seed::seed;

#[test]
fn finds_every_written_form() {
    let cases: &[(&str, &[&str])] = &[
        ("2023年XX区卫生健康工作总结", &["XX"]),
        ("全县共有X个村", &["X"]),
        ("××镇人民政府", &["××"]),
        ("ＸＸ街道办事处", &["ＸＸ"]),
        ("ｘｘ县林业局", &["ｘｘ"]),
        ("由xx公司承建", &["xx"]),
        ("累计投入xx万元", &["xx"]),
        ("联系人：***，电话", &["***"]),
        ("负责人＊＊＊同志", &["＊＊＊"]),
        ("同比增长X.X个百分点", &["X.X"]),
        ("截至2023年X月X日", &["X", "X"]),
        ("XXXX年X月X日", &["XXXX", "X", "X"]),
        ("×月×日召开会议", &["×", "×"]),
        ("项目总投资1XX5万元", &["1XX5"]),
        ("按可比价同比增长X%", &["X"]),
        ("占比为XX.X%，", &["XX.X"]),
        ("XX单位  XXX", &["XX", "XXX"]),
        ("202X年工作计划", &["202X"]),
        ("截至X日，已完成", &["X"]),
        ("印发《XX关于加强管理的通知》", &["XX"]),
        ("投放溴鼠灵毒饵XXk、", &["XX"]),
        ("新增装机容量XXkW，", &["XX"]),
        ("（XX）", &["XX"]),
        ("三产比为XX：XX：XX。", &["XX", "XX", "XX"]),
        ("时间：2023-XX-XX", &["XX", "XX"]),
        ("联系QQ：XXXXXXXX 获取", &["XXXXXXXX"]),
        ("电话138****1234", &["138****1234"]),
        ("XX镇 XX村", &["XX", "XX"]),
        ("根据第X条规定", &["X"]),
        ("全街干职工共XX余人", &["XX"]),
        ("XX\nXX", &["XX", "XX"]),
        ("增长XX%；", &["XX"]),
        ("新建X座高大平房仓，仓容量X万吨", &["X", "X"]),
        ("2.XX镇2024年工作总结", &["XX"]),
        ("投入资金2.X亿元", &["2.X"]),
    ];
    for (input, want) in cases {
        assert_eq!(&texts(input), want, "in {input:?}");
    }
    assert!(cases.len() >= 25);
}

#[test]
fn leaves_genuine_latin_text_alone() {
    let cases = [
        "用Excel表格统计",
        "OLED显示屏",
        "细颗粒物（PM2.5）16微克",
        "绿色发展融合EOD项目",
        "开展B超检查",
        "U型槽9300米",
        "订制宣传T恤",
        "采购卖场购买PAD及电脑",
        "X光机",
        "X射线检测",
        "购买Xbox游戏机",
        "尺码XXL的服装",
        "MAX值",
        "请访问 www.xxfanwen.com 获取",
        "网址http://XX.gov.cn/index",
        "第XIV条",
        "XXI世纪",
        "A/B/C/D类",
        "分辨率1920×1080",
        "规格3x4米",
        "3 × 4 = 12",
        "iPhone X 手机",
        "宝马X5车型",
        "**重点工作**",
        "***",
        "正文\n  ＊＊＊  \n正文",
        "a*b",
        "x轴与X/Y坐标",
        "Windows XP系统",
        "Xmas",
        "10月4日京九花园小区D栋2个单位",
    ];
    for input in cases {
        assert_eq!(texts(input), Vec::<String>::new(), "in {input:?}");
    }
}

#[test]
fn position_and_context_count_characters() {
    let text = "第一行\n2023年，XX区卫生健康工作";
    let p = one(text);
    assert_eq!(p.line, 1);
    assert_eq!(p.column, 7, "1-based character column");
    assert_eq!(&text[p.range.clone()], "XX");
    assert_eq!(p.key(), "2:7");
    assert_eq!(p.before, "2023年，");
    assert_eq!(p.after, "区卫生健康工作");
    assert_eq!(p.context(), "2023年，【XX】区卫生健康工作");

    let long = "一二三四五六七八九十XX一二三四五六七八九十";
    let p = one(long);
    assert_eq!(p.before, "三四五六七八九十");
    assert_eq!(p.after, "一二三四五六七八");
}

#[test]
fn names_are_grouped_by_suffix() {
    let text = "XX区卫健委、XX区人民医院和XX街道、XX镇；XX街道社区";
    let ps = found(text);
    let groups: Vec<&str> = ps.iter().map(|p| p.group.as_str()).collect();
    assert_eq!(groups, ["XX区", "XX区", "XX街道", "XX镇", "XX街道"]);
    assert!(ps.iter().all(|p| p.kind == PlaceholderKind::Name));
    assert_eq!(ps[2].suffix, Some("街道"), "longest suffix wins over 街");
}

#[test]
fn measure_word_then_suffix_is_a_quantity() {
    let p = one("辖区共有XX个村");
    assert_eq!(p.kind, PlaceholderKind::Quantity);
    assert_eq!(p.unit.as_deref(), Some("个"));
    assert_eq!(p.group, p.key());

    let p = one("引导XX村成立物业公司");
    assert_eq!(p.kind, PlaceholderKind::Name);
    assert_eq!(p.suffix, Some("村"));
    assert_eq!(p.group, "XX村");

    // 所 is both: a count after 共, a name otherwise.
    assert_eq!(one("全区共XX所学校").kind, PlaceholderKind::Quantity);
    assert_eq!(one("由XX所负责检测").kind, PlaceholderKind::Name);
    assert_eq!(one("各级各类学校XX所，").kind, PlaceholderKind::Quantity);
    assert_eq!(one("新建XX所幼儿园").kind, PlaceholderKind::Quantity);
    assert_eq!(one("排查隐患XX处。").unit.as_deref(), Some("处"));
    // 项目 is a name, 项 a measure word.
    assert_eq!(one("推进XX项目建设").group, "XX项目");
    assert_eq!(one("完成XX项任务").unit.as_deref(), Some("项"));
    // A word that starts like a unit is not one.
    assert_eq!(one("XX人民政府").suffix, Some("人民政府"));
    // A slogan's bare place name (issue 16): a name with no suffix, grouped by itself.
    let bare = one("美丽XX建设");
    assert_eq!(
        (bare.kind, bare.group.as_str()),
        (PlaceholderKind::Name, "XX")
    );
}

/// Placeholders with nothing after them that says what they are, judged by the words
/// around them: bare place names, ratios, counts after a measure noun.
#[test]
fn bare_place_names_ratios_and_counts_are_told_by_their_context() {
    for text in [
        "着力打造美丽XX。",
        "结合XX实际谋划项目",
        "更多企业落户XX合作",
        "全面建设勤廉XX。",
        "围绕长江XX沿线布局",
        "XX至株山路面养护",
        "致力将XX建成生态强县",
        "感谢XX人民的支持",
    ] {
        let p = one(text);
        assert_eq!(
            (p.kind, p.group.as_str()),
            (PlaceholderKind::Name, "XX"),
            "{text}"
        );
    }
    for text in [
        "三产比为XX：9：50。",
        "比例为8：XX。",
        "注册人数XX，",
        "服务次数达XX。",
    ] {
        assert_eq!(one(text).kind, PlaceholderKind::Quantity, "{text}");
    }
    // A range of figures stays a range; a figure with a unit keeps its unit.
    assert_eq!(one("XX至30人").kind, PlaceholderKind::Quantity);
    assert_eq!(one("美丽乡村XX个").unit.as_deref(), Some("个"));
    // Nothing around it says: still other.
    assert_eq!(one("抓好XX，确保").kind, PlaceholderKind::Other);
}

/// Both ends of a range get its unit, so each prompt shows it: "XX—XX人" asks for two
/// figures of 人.
/// A placeholder's kind and unit.
type Judged<'a> = (PlaceholderKind, Option<&'a str>);

#[test]
fn both_ends_of_a_range_take_its_unit() {
    let cases: &[(&str, &[Judged])] = &[
        (
            "接待群众XX—XX人次",
            &[
                (PlaceholderKind::Quantity, Some("人次")),
                (PlaceholderKind::Quantity, Some("人次")),
            ],
        ),
        (
            "投入资金X至XX万元",
            &[
                (PlaceholderKind::Quantity, Some("万元")),
                (PlaceholderKind::Quantity, Some("万元")),
            ],
        ),
        (
            "完成X-X月任务",
            &[
                (PlaceholderKind::Date, Some("月")),
                (PlaceholderKind::Date, Some("月")),
            ],
        ),
        (
            "第XX-XX号文件",
            &[
                (PlaceholderKind::Other, None),
                (PlaceholderKind::Other, None),
            ],
        ),
    ];
    for (input, want) in cases {
        let ps = found(input);
        let got: Vec<Judged> = ps.iter().map(|p| (p.kind, p.unit.as_deref())).collect();
        assert_eq!(&got, want, "in {input:?}");
    }
}

#[test]
fn units_dates_and_titles() {
    let cases: &[(&str, PlaceholderKind, Option<&str>)] = &[
        ("税收完成XX万元", PlaceholderKind::Quantity, Some("万元")),
        (
            "面积XX万平方米",
            PlaceholderKind::Quantity,
            Some("万平方米"),
        ),
        (
            "用电量XX亿千瓦时",
            PlaceholderKind::Quantity,
            Some("亿千瓦时"),
        ),
        ("增长XX%", PlaceholderKind::Quantity, Some("%")),
        ("提高X个百分点", PlaceholderKind::Quantity, Some("个百分点")),
        ("培训XX人次", PlaceholderKind::Quantity, Some("人次")),
        ("举办活动XX场次", PlaceholderKind::Quantity, Some("场次")),
        ("共XX余人", PlaceholderKind::Quantity, Some("人")),
        ("补种树木XX株", PlaceholderKind::Quantity, Some("株")),
        ("收入XX亿，", PlaceholderKind::Quantity, Some("亿")),
        ("连续X年获评", PlaceholderKind::Quantity, Some("年")),
        ("20XX年工作", PlaceholderKind::Date, Some("年")),
        ("X月召开", PlaceholderKind::Date, Some("月")),
        ("《XX关于印发方案的通知》", PlaceholderKind::Name, None),
        // A count after a measure noun is a figure with no unit (issue 16).
        ("注册人数XX，", PlaceholderKind::Quantity, None),
    ];
    for (input, kind, unit) in cases {
        let p = one(input);
        assert_eq!((p.kind, p.unit.as_deref()), (*kind, *unit), "in {input:?}");
    }
    let ps = found("截至2023年X月X日");
    assert!(ps.iter().all(|p| p.kind == PlaceholderKind::Date));
    // Each part of a date says which it is, for its prompt.
    let units: Vec<Option<&str>> = ps.iter().map(|p| p.unit.as_deref()).collect();
    assert_eq!(units, [Some("月"), Some("日")]);
    let title = one("《XX关于印发方案的通知》");
    assert_eq!(
        title.group,
        title.key(),
        "a name without suffix is answered alone"
    );
}

#[test]
fn groups_put_names_first_by_count_then_text_order() {
    let text = "XX镇完成XX万元。\nXX区XX区XX区，XX镇增长X%。";
    let ps = raw(text);
    let gs = groups(&ps, text);
    let keys: Vec<&str> = gs.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, ["XX区", "XX镇", "1:6", "2:16"]);
    assert_eq!(gs[0].count, 3);
    assert_eq!(gs[0].first_line, 1);
    assert_eq!(gs[1].count, 2);
    assert_eq!(gs[2].unit.as_deref(), Some("万元"));
    assert_eq!(gs[3].unit.as_deref(), Some("%"));
}

fn filled(text: &str, answers: &Answers) -> String {
    let ps = raw(text);
    let edits = edit::normalize(fill_edits(text, &ps, answers));
    let applied = edit::apply(text, &edits);
    assert_eq!(applied.skipped, 0);
    applied.text
}

#[test]
fn fill_replaces_only_the_placeholder() {
    let text = "XX区卫健委；XX区医院投资1XX5万元，增长X%。";
    let mut a = Answers::new();
    a.set_group("XX区", "滨江");
    let ps = raw(text);
    let pct = ps.iter().find(|p| p.unit(text) == Some("%")).unwrap();
    let mixed = ps.iter().find(|p| p.text(text) == "1XX5").unwrap();
    a.set_occurrence(&pct.key(), "3.5");
    a.set_occurrence(&mixed.key(), "1235");
    assert_eq!(
        filled(text, &a),
        "滨江区卫健委；滨江区医院投资1235万元，增长3.5%。"
    );

    let edits = fill_edits(text, &ps, &a);
    assert_eq!(edits.len(), 4, "one edit per answered placeholder");
    assert_eq!(edits[0].origin, EditOrigin::Fill("XX区".into()));
    assert_eq!(edits[3].origin, EditOrigin::Fill(pct.key()));
    assert_eq!(unfilled(&ps, &a, text).len(), 0);
}

#[test]
fn occurrence_answer_wins_and_blank_answers_are_ignored() {
    let text = "XX区、XX区";
    let ps = raw(text);
    let mut a = Answers::new();
    a.groups.insert("XX区".into(), "滨江".into());
    a.occurrences.insert(ps[1].key(), "西湖".into());
    assert_eq!(filled(text, &a), "滨江区、西湖区");

    a.occurrences.insert(ps[1].key(), "  ".into());
    assert_eq!(
        filled(text, &a),
        "滨江区、滨江区",
        "a blank occurrence answer falls back to the group"
    );

    a.groups.insert("XX区".into(), String::new());
    assert_eq!(filled(text, &a), text);
    assert_eq!(unfilled(&ps, &a, text).len(), 2);
}

#[test]
fn answer_repeating_the_suffix_is_not_doubled() {
    let mut a = Answers::new();
    a.set_group("XX区", "滨江区");
    assert_eq!(filled("XX区政府", &a), "滨江区政府");
    let text = "生产总值XX亿元";
    let key = found(text)[0].key();
    a.set_occurrence(&key, "35亿元");
    assert_eq!(filled(text, &a), "生产总值35亿元");
}

#[test]
fn stale_placeholders_are_not_filled() {
    let text = "XX区政府";
    let ps = raw(text);
    let mut a = Answers::new();
    a.set_group("XX区", "滨江");
    assert!(fill_edits("滨江区政府", &ps, &a).is_empty());
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn answers_round_trip_through_a_file() {
    let dir = temp_dir();
    let path = dir.path().join("answers.json");
    let mut a = Answers::new();
    a.set_group("XX区", "滨江");
    a.set_occurrence("155:12", "35");
    a.save(&path).unwrap();
    let json = std::fs::read_to_string(&path).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], "qinggao-answers");
    assert_eq!(value["version"], 1);
    assert_eq!(value["groups"]["XX区"], "滨江");
    assert_eq!(value["occurrences"]["155:12"], "35");
    assert_eq!(Answers::load(&path).unwrap(), a);
    // Saving again replaces the file and leaves no temporary file behind.
    a.set_group("XX镇", "长安");
    a.save(&path).unwrap();
    assert_eq!(Answers::load(&path).unwrap(), a);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["answers.json"]);
}

fn load_error(json: &str) -> String {
    let dir = temp_dir();
    let path = dir.path().join("answers.json");
    std::fs::write(&path, json).unwrap();
    match Answers::load(&path) {
        Err(
            e @ crate::Error::BadConfig {
                what: "答案文件",
            ..
            },
        ) => e.to_string(),
        other => panic!("expected BadConfig, got {other:?}"),
    }
}

#[test]
fn bad_answer_files_are_refused_with_a_reason() {
    let newer = load_error(r#"{"format":"qinggao-answers","version":2,"groups":{}}"#);
    assert!(
        newer.contains("版本 2") && newer.contains("升级"),
        "{newer}"
    );
    let foreign = load_error(r#"{"format":"other-tool","version":1}"#);
    assert!(foreign.contains("other-tool"), "{foreign}");
    let bare = load_error(r#"{"groups":{"XX区":"滨江"}}"#);
    assert!(bare.contains("format"), "{bare}");
    let broken = load_error(
        "{\n  \"format\": \"qinggao-answers\",\n  \"version\": 1,\n  \"groups\": {\"XX区\": }\n}",
    );
    assert!(broken.contains("第 4 行"), "{broken}");
    let wrong_type = load_error(r#"{"format":"qinggao-answers","version":1,"groups":{"XX区":3}}"#);
    assert!(wrong_type.contains("第 1 行"), "{wrong_type}");
    assert!(matches!(
        Answers::load(std::path::Path::new("/nonexistent/answers.json")),
        Err(crate::Error::Io { .. })
    ));
}

#[test]
fn never_panics_and_stays_on_char_boundaries() {
    let samples = [
        "",
        "X",
        "x",
        "*",
        "×",
        "Ｘ",
        "＊＊",
        "XX.",
        ".X",
        "1.",
        "X.X.X",
        "**",
        "x*X×Ｘ",
        "\nX\n",
        "2.5X",
        "中X",
        "X中",
        "ＸＸ",
        "\u{FF38}",
        "\u{00D7}\u{00D7}",
        "9X",
        "X9",
        "1X",
        "XX年",
        "《XX",
        "XXXX",
        "X\r\nX",
        "ｘ",
    ];
    for s in samples {
        for p in found(s) {
            assert!(
                s.is_char_boundary(p.range.start) && s.is_char_boundary(p.range.end),
                "{s:?}"
            );
            assert_eq!(&s[p.range.clone()], p.text);
        }
    }
    // Long lines full of candidates stay linear (each is looked at within a bounded window).
    for unit in ["** ", "*** ", "x ", "X", "1X.", "《X"] {
        let long = unit.repeat(60_000);
        for p in found(&long) {
            assert_eq!(&long[p.range.clone()], p.text);
        }
    }
    // A default (empty) index does not crash either.
    assert_eq!(find("XX区", &LineIndex::default()).len(), 1);
}

#[test]
fn lines_with_placeholders_all_yield_one() {
    for text in crate::test_seed::compilations() {
        lines_with_placeholders_all_yield_one_in(&text);
    }
}

fn lines_with_placeholders_all_yield_one_in(text: &str) {
    let text = text.to_string();
    let index = LineIndex::new(&text);
    let ps = find(&text, &index);
    for (n, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let standalone_x = chars.iter().enumerate().any(|(i, &c)| {
            c == 'X'
                && !i
                    .checked_sub(1)
                    .and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && !chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic())
        });
        if line.contains("XX") || standalone_x {
            assert!(ps.iter().any(|p| p.line() == n), "line {}: {line}", n + 1);
        }
    }
    for p in &ps {
        assert_eq!(index.line_of(p.range.start), p.line());
        assert_eq!(index.column_of(&text, p.range.start), p.column());
    }
}

#[test]
fn seed_xx_district_is_one_group() {
    let Some(text) = seed() else { return };
    let ps = find(&text, &LineIndex::new(&text));
    let district: Vec<&Placeholder> = ps
        .iter()
        .filter(|p| text[p.range.end..].starts_with('区'))
        .collect();
    assert_eq!(district.len(), text.matches("XX区").count());
    assert!(
        district
            .iter()
            .all(|p| p.group(&text) == "XX区" && p.kind == PlaceholderKind::Name)
    );
    let gs = groups(&ps, &text);
    let g = gs.iter().find(|g| g.key == "XX区").unwrap();
    assert_eq!(g.count, district.len());
    assert_eq!(gs.iter().filter(|g| g.key == "XX区").count(), 1);
}

#[test]
fn genuine_latin_words_are_not_placeholders() {
    for text in crate::test_seed::compilations() {
        let ps = find(&text, &LineIndex::new(&text));
        for word in ["D栋", "E栋", "EOD", "PAD", "PM2.5", "U型槽", "T恤", "Fun"] {
            for (at, _) in text.match_indices(word) {
                let r = at..at + word.len();
                assert!(
                    !ps.iter()
                        .any(|p| p.range.start < r.end && r.start < p.range.end),
                    "{word} at byte {at}"
                );
            }
        }
    }
}

#[test]
fn seed_line_155_figures_have_units() {
    let Some(text) = seed() else { return };
    let ps = find(&text, &LineIndex::new(&text));
    let line: Vec<&Placeholder> = ps.iter().filter(|p| p.line == 154).collect();
    assert!(text.lines().nth(154).unwrap().starts_with("初步核算"));
    assert_eq!(line[0].kind, PlaceholderKind::Quantity);
    assert_eq!(line[0].unit(&text), Some("亿元"));
    assert_eq!(line[0].key(), "155:17");
    assert_eq!(line[1].kind, PlaceholderKind::Quantity);
    assert_eq!(line[1].unit(&text), Some("%"));
}

#[test]
fn parallel_scan_matches_sequential_scan() {
    use crate::par::PARALLEL_MIN;
    let seed = crate::test_seed::COMPILATION;
    let text = seed.repeat(PARALLEL_MIN / seed.len() + 2);
    assert!(text.len() >= PARALLEL_MIN);
    let index = LineIndex::new(&text);
    let parallel = find(&text, &index);
    let sequential = find_in(&text, &index, 0..text.len());
    assert_eq!(parallel.len(), sequential.len());
    assert!(parallel == sequential);
    let per_copy = find(seed, &LineIndex::new(seed)).len();
    assert_eq!(parallel.len(), per_copy * (PARALLEL_MIN / seed.len() + 2));
}

/// On the seed, `other` is left for the few placeholders no reader could place, and report
/// 9's bare place names (平安XX, 美丽XX, 勤廉XX…) are one group, answered once.
#[test]
fn on_the_seed_few_placeholders_are_other_and_bare_names_are_one_group() {
    let Some(seed) = seed() else { return };
    let a = crate::analysis::analyze(&seed);
    let others = a
        .placeholders
        .iter()
        .filter(|p| p.kind == PlaceholderKind::Other)
        .count();
    assert!(others <= 6, "{others} placeholders of kind other");
    let report9 = a.outline.reports[8].range.clone();
    let bare: Vec<String> = a
        .placeholders
        .iter()
        .filter(|p| p.range.start >= report9.start && p.range.end <= report9.end)
        .filter(|p| p.kind == PlaceholderKind::Name && p.suffix == Some(""))
        .map(|p| p.group(&seed))
        .collect();
    assert!(bare.len() >= 8, "{bare:?}");
    assert!(bare.iter().all(|g| g == "XX"), "{bare:?}");
}

#[test]
fn the_sentence_around_a_value_stops_at_sentence_ends_and_the_line() {
    let text = "一是抓规划。全年投资120万元，增长8%。二是抓落实\n下一行";
    let at = text.find("120").unwrap();
    let r = super::sentence_around(text, at..at + 3);
    assert_eq!(&text[r], "全年投资120万元，增长8%。");
    let at = text.find("落实").unwrap();
    let r = super::sentence_around(text, at..at + "落实".len());
    assert_eq!(&text[r], "二是抓落实");
}
