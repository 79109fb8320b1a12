use super::*;

fn outline(text: &str) -> Outline {
    crate::analysis::analyze(text).outline
}

#[test]
fn the_seed_report_nine_swaps_tai_for_jian_and_nothing_else() {
    let Some(seed) = crate::test_seed::seed() else {
        return;
    };
    let o = outline(&seed);
    let found = proofread(&seed, &o);
    let nine = o
        .reports
        .iter()
        .find(|r| seed[r.range.clone()].contains("办态3589态"))
        .expect("report 9 of the seed")
        .range
        .clone();
    let genuine = [
        "生态", "常态", "状态", "动态", "姿态", "业态", "心态", "态度", "表态",
    ];
    let expected: Vec<(usize, String, String)> = offsets(&seed, nine.clone(), '态')
        .into_iter()
        .filter(|&at| {
            let lo = seed.floor_char_boundary(at.saturating_sub(3));
            let hi = seed.ceil_char_boundary(at + 6);
            !genuine.iter().any(|g| seed[lo..hi].contains(g))
        })
        .map(|at| (at, "态".to_string(), "件".to_string()))
        .collect();
    assert_eq!(expected.len(), 12, "the issue counts 12 sites");
    assert_eq!(swaps(&found), expected);
    let group = found
        .iter()
        .find_map(|f| f.group.as_ref())
        .expect("the substitution group");
    assert_eq!(group.label, "“态”改为“件”");
    assert!(
        group.evidence.contains("“件”出现 1 次"),
        "{}",
        group.evidence
    );
    assert!(
        group.evidence.contains("其他各篇此处用“件”"),
        "{}",
        group.evidence
    );

    // 截止 for 截至: the three "截止11月…" of the issue, and the same use with other dates.
    let jiezhi: Vec<&Finding> = found
        .iter()
        .filter(|f| f.kind == Kind::ConfusedWord && f.found == "截止")
        .collect();
    let before_november = jiezhi
        .iter()
        .filter(|f| seed[f.range.end..].starts_with("11月"))
        .count();
    assert!(before_november >= 2, "{jiezhi:?}");
    assert!(jiezhi.iter().all(|f| f.suggestion == "截至"));
    assert!(jiezhi.len() >= 3);

    // Accepting everything leaves no half-width comma between Chinese characters.
    let all = edits(&found, &Kind::ALL);
    let fixed = crate::edit::apply(&seed, &all);
    assert_eq!(fixed.skipped, 0);
    assert!(fixed.text.contains("沟盖板XX个，更换") && fixed.text.contains("（中心、站）"));
    assert!(fixed.text.contains("（五）做好县委") && fixed.text.contains("办件3589件"));
    assert!(fixed.text.contains("常态化") && fixed.text.contains("生态"));
    assert_eq!(crate::edit::apply(&fixed.text, &fixed.inverse).text, seed);
}

#[test]
fn the_fixture_as_is_gets_no_substitution_and_no_confused_word() {
    let text = crate::test_seed::COMPILATION;
    let found = proofread(text, &outline(text));
    let words: Vec<&Finding> = found
        .iter()
        .filter(|f| matches!(f.kind, Kind::Substitution | Kind::ConfusedWord))
        .collect();
    assert!(words.is_empty(), "{words:?}");
}

/// `text` with every `wrong` in `range` written `garble`, as a site would garble it.
fn garble(text: &str, range: ByteRange, right: char, wrong: char) -> String {
    let mut out = text[..range.start].to_string();
    out.extend(
        text[range.clone()]
            .chars()
            .map(|c| if c == right { wrong } else { c }),
    );
    out.push_str(&text[range.end..]);
    out
}

/// Where each substitution finding sits, with its pair.
fn swaps(found: &[Finding]) -> Vec<(usize, String, String)> {
    found
        .iter()
        .filter(|f| f.kind == Kind::Substitution)
        .map(|f| (f.range.start, f.found.clone(), f.suggestion.clone()))
        .collect()
}

/// The offsets of `c` in `text` within `range`.
fn offsets(text: &str, range: ByteRange, c: char) -> Vec<usize> {
    text[range.clone()]
        .match_indices(c)
        .map(|(i, _)| range.start + i)
        .collect()
}

/// Recall and false suggestions of the substitution search on `text` garbled as
/// `right`→`wrong` in `range`: (planted, found of them, suggestions elsewhere).
fn plant(text: &str, range: ByteRange, right: char, wrong: char) -> (usize, usize, usize) {
    let planted = offsets(text, range.clone(), right);
    let before: Vec<usize> = swaps(&proofread(text, &outline(text)))
        .into_iter()
        .map(|s| s.0)
        .collect();
    let garbled = garble(text, range, right, wrong);
    let found = proofread(&garbled, &outline(&garbled));
    let got = swaps(&found);
    let hits = got
        .iter()
        .filter(|(at, w, r)| {
            planted.contains(at) && *w == wrong.to_string() && *r == right.to_string()
        })
        .count();
    let already = got.iter().filter(|(at, _, _)| before.contains(at)).count();
    let mut wrong_pairs: Vec<String> = got
        .iter()
        .filter(|(at, w, r)| {
            let hit = planted.contains(at) && *w == wrong.to_string() && *r == right.to_string();
            !(before.contains(at) || hit)
        })
        .map(|(_, w, r)| format!("{w}→{r}"))
        .collect();
    wrong_pairs.dedup();
    if !wrong_pairs.is_empty() {
        eprintln!("  false pairs: {wrong_pairs:?}");
    }
    (planted.len(), hits, got.len() - hits - already)
}

/// A report written with 昨 for 作 throughout (a pair the detector was never told of),
/// beside genuine 昨天 in that very report: every 作 is proposed back, 昨天 never.
#[test]
fn a_pair_never_seen_is_found_in_the_fixture_and_genuine_words_stay() {
    let base = crate::test_seed::COMPILATION;
    assert!(substitution::similar_to('昨').is_empty() && substitution::similar_to('陪').is_empty());
    // The genuine word goes in the speech, whose 作 are then all garbled, and in every
    // report (so the whole-text pass also sees it).
    let text = base
        .replace("同志们：\n", "同志们：\n昨天下午，县里召开了专题会议。\n")
        .replace("一、总体要求\n", "一、总体要求\n昨天，县里印发了通知。\n");
    let whole = 0..text.len();
    let (planted, hits, false_) = plant(&text, whole, '作', '昨');
    eprintln!("fixture 作→昨 everywhere: planted {planted}, found {hits}, false {false_}");
    assert!(planted >= 10);
    assert_eq!((hits, false_), (planted, 0));
}

/// The seed with one report garbled at a time, by pairs the detector was never told of.
#[test]
fn held_out_pairs_planted_in_seed_reports_are_found() {
    let Some(seed) = crate::test_seed::seed() else {
        return;
    };
    let o = outline(&seed);
    let pairs = [
        ('作', '昨'),
        ('部', '陪'),
        ('进', '讲'),
        ('建', '健'),
        ('场', '扬'),
    ];
    let (mut planted, mut hits, mut false_) = (0, 0, 0);
    for (right, wrong) in pairs {
        assert!(substitution::similar_to(wrong).is_empty());
        for r in o
            .reports
            .iter()
            .filter(|r| offsets(&seed, r.range.clone(), right).len() >= 8)
        {
            if seed[r.range.clone()].contains(wrong) {
                continue;
            }
            let (p, h, f) = plant(&seed, r.range.clone(), right, wrong);
            eprintln!(
                "{right}→{wrong} in 《{}》: planted {p}, found {h}, false {f}",
                r.title
            );
            planted += p;
            hits += h;
            false_ += f;
        }
    }
    eprintln!("held out: planted {planted}, found {hits}, false {false_}");
    assert!(planted > 100);
    // Measured when written: 533 of 587 found; 45 wrong, all at planted sites with the
    // wrong replacement picked (昨→委, 陪→热 in one report each). Since the whole text
    // judged alone must find its likeliest fix admissible: 551 found, none wrong.
    assert!(hits * 100 >= planted * 93, "recall {hits}/{planted}");
    // The seed's own 态→件 are not counted: they are found in the text as it is.
    assert_eq!(false_, 0, "false {false_} of {planted}");
}

/// The punctuation and bracket fixes are cleaning rules of the 校对 category, on by
/// default, each its own rule to switch off; planning the cleaned text again finds nothing.
#[test]
fn punctuation_and_brackets_are_cleaning_rules_of_the_proofread_category() {
    use crate::clean::{self, Category, RuleSet};
    let text = "一、总体要求\n沟盖板XX个,更换护理院(中心、站)。\n（五)做好县委交办的工作。\n投资1,200万元。\n";
    let analysis = crate::analysis::analyze(text);
    let mut rules = RuleSet::default();
    for id in ["proof_punctuation", "proof_bracket"] {
        let r = rules.rule(id).expect("a built-in rule");
        assert!(r.enabled && r.category == Category::Proofread);
    }
    let plan = clean::plan(text, &analysis, &rules);
    let by = |id: &str| {
        plan.iter()
            .filter(|e| e.origin == crate::model::EditOrigin::Rule(id.into()))
            .map(|e| (e.old.as_str(), e.new.as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by("proof_punctuation"),
        vec![(",", "，"), ("(", "（"), (")", "）")]
    );
    assert_eq!(by("proof_bracket"), vec![(")", "）")]);
    let cleaned = crate::edit::apply(text, &plan).text;
    assert!(cleaned.contains("XX个，更换护理院（中心、站）") && cleaned.contains("（五）做好"));
    assert!(cleaned.contains("1,200"));
    assert!(clean::plan(&cleaned, &crate::analysis::analyze(&cleaned), &rules).is_empty());
    rules.set_enabled("proof_punctuation", false);
    rules.set_enabled("proof_bracket", false);
    assert!(clean::plan(text, &analysis, &rules).is_empty());
}

/// Issue 13 §3's held-out check, with a pair chosen after the detector was written and
/// never tuned for: 理 written 埋 (管埋, 治埋) in one seed report at a time, beside the
/// genuine 埋 words (掩埋, 埋藏) planted into that report first.
#[test]
fn a_new_held_out_pair_li_written_mai_is_found_beside_genuine_words() {
    let Some(seed) = crate::test_seed::seed() else {
        return;
    };
    assert!(substitution::similar_to('埋').is_empty());
    let o = outline(&seed);
    let (mut planted, mut hits, mut false_) = (0, 0, 0);
    for r in o
        .reports
        .iter()
        .filter(|r| offsets(&seed, r.range.clone(), '理').len() >= 8)
    {
        // Genuine words with the wrong character, in the very report garbled.
        let genuine = "依法掩埋病死畜禽，排查埋藏的隐患。";
        let at = seed[r.range.clone()]
            .find('\n')
            .map_or(r.range.end, |i| r.range.start + i + 1);
        let text = format!("{}{genuine}\n{}", &seed[..at], &seed[at..]);
        let range = r.range.start..r.range.end + genuine.len() + 1;
        let genuine_at: Vec<usize> = offsets(&text, at..at + genuine.len(), '埋');
        let garbled = garble(&text, range.clone(), '理', '埋');
        let found = swaps(&proofread(&garbled, &outline(&garbled)));
        assert!(
            found.iter().all(|(at, _, _)| !genuine_at.contains(at)),
            "a genuine 埋 was changed in 《{}》",
            r.title
        );
        let (p, h, f) = plant(&text, range, '理', '埋');
        eprintln!(
            "理→埋 in 《{}》: planted {p}, found {h}, false {f}",
            r.title
        );
        planted += p;
        hits += h;
        false_ += f;
    }
    eprintln!("held out 理→埋: planted {planted}, found {hits}, false {false_}");
    assert!(planted >= 50, "{planted}");
    // Measured when written (see the closing note of issue 13).
    assert!(hits * 100 >= planted * 80, "recall {hits}/{planted}");
    assert!(false_ * 100 <= planted * 10, "false {false_} of {planted}");
}

/// A key saved from one version of the text names the same suggestion in another: after a
/// paragraph added before it and a placeholder filled right beside it; never another place
/// with the same fix.
#[test]
fn a_saved_key_names_its_suggestion_after_unrelated_edits_and_a_fill_beside_it() {
    let text = "一、工作\n截止11月6日，共排查隐患3家。\n县XX局截止10月，共整改8家。\n";
    let found = proofread(text, &outline(text));
    let jiezhi: Vec<&Finding> = found.iter().filter(|f| f.found == "截止").collect();
    assert_eq!(jiezhi.len(), 2, "{found:?}");
    let key = jiezhi[1].key(text);
    let edited = format!("前言一段。\n{}", text.replace("XX", "农业"));
    let again = proofread(&edited, &outline(&edited));
    let hits = named(&again, &edited, std::slice::from_ref(&key));
    assert_eq!(hits.len(), 1, "{key}");
    assert!(edited[again[hits[0]].range.end..].starts_with("10月"));
    // The other 截止 has the same fix but not the surroundings.
    let first = jiezhi[0].key(text);
    let hits = named(&again, &edited, &[first, key.clone()]);
    assert_eq!(hits.len(), 2);
    let stranger = "confused_word:完全不同的话[截止→截至]另外一段文字".to_string();
    assert!(named(&again, &edited, &[stranger]).is_empty());
    // Accepted through the answers, ignored through them: the ignored one stays.
    let answers = crate::placeholder::ProofAnswers {
        accepted: [key.clone()].into(),
        ignored: Default::default(),
    };
    let edits = edits_answered(&again, &edited, &[], &answers);
    assert_eq!(edits.len(), 1);
    let answers = crate::placeholder::ProofAnswers {
        accepted: Default::default(),
        ignored: [key].into(),
    };
    let edits = edits_answered(&again, &edited, &[Kind::ConfusedWord], &answers);
    assert_eq!(edits.len(), 1, "the other 截止 only");
    assert!(edited[edits[0].range.end..].starts_with("11月"));
}

/// Held-out pairs chosen after the detector was built, in a compilation of the genre
/// fixtures (twelve short reports): one report (28 务, 7 genuine 各: 各级, 各项…) written
/// 各 for 务, then 居 for 展, then 没 for 设. No genuine word nor anything else is
/// proposed. Recall is printed, not asserted: in reports this short the other reports
/// rarely use the right character in the same contexts, and the detector then proposes
/// nothing (measured: 0 of 39; the seed-sized tests above find theirs).
#[test]
fn held_out_pairs_in_short_genre_reports_make_no_false_suggestion() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/genres");
    let mut text = String::new();
    let mut garbled_range = 0..0;
    for i in 0..12 {
        let part = std::fs::read_to_string(format!("{dir}/{i:02}.txt")).unwrap();
        if i == 7 {
            garbled_range = text.len()..text.len() + part.len();
        }
        text.push_str(part.trim_end());
        text.push_str("\n\n");
    }
    assert!(
        text[garbled_range.clone()].matches('各').count() >= 5,
        "genuine 各 beside"
    );
    let mut planted = 0;
    for (right, wrong) in [('务', '各'), ('展', '居'), ('设', '没')] {
        assert!(substitution::similar_to(wrong).is_empty());
        let (p, h, f) = plant(&text, garbled_range.clone(), right, wrong);
        eprintln!("genres {right}→{wrong} in one report: planted {p}, found {h}, false {f}");
        assert_eq!(f, 0, "{right}→{wrong}");
        planted += p;
    }
    assert!(planted >= 35);
}

/// A character before a run of numerals is a numbering scheme (篇一…篇五, 样文一、样文二),
/// not a garble, though 初一 or 其一 would be words: the genre fixtures that number their
/// reports so get no substitution.
#[test]
fn numbering_schemes_are_no_substitution() {
    for name in ["00", "03", "11"] {
        let path = format!(
            "{}/tests/fixtures/genres/{name}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        let found = proofread(&text, &outline(&text));
        let swaps = swaps(&found);
        assert!(swaps.is_empty(), "{name}: {swaps:?}");
    }
}

/// Correct text gets no substitution: every UTF-8 text fixture of the repo (the site
/// fixtures and the genre corpus, 96 files, about 150,000 non-space characters, written correctly
/// apart from site junk). Before the neighbour-taken and one-character-in-two-scripts
/// checks: 25 false suggestions (旅→物 in 文旅局, 县→大 in 县水利局, 開→开 in a
/// traditional text, 请→有, 县→校, 镇→水), 1.66 per 10,000 characters.
#[test]
fn correct_fixtures_get_no_substitution() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in [root.to_string(), format!("{root}/genres")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    let (mut chars, mut false_) = (0usize, Vec::new());
    for path in &files {
        let Ok(text) = String::from_utf8(std::fs::read(path).unwrap()) else {
            continue;
        };
        chars += text.chars().filter(|c| !c.is_whitespace()).count();
        let found = proofread(&text, &outline(&text));
        for (at, w, r) in swaps(&found) {
            false_.push(format!("{}@{at}: {w}→{r}", path.display()));
        }
    }
    eprintln!(
        "correct fixtures: {} files, {chars} non-space characters, {} substitutions, {:.2} per 10,000",
        files.len(),
        false_.len(),
        false_.len() as f64 * 10_000.0 / chars.max(1) as f64
    );
    assert!(chars > 80_000, "{chars}");
    assert!(false_.is_empty(), "{false_:#?}");
}

/// A character standing alone before a word (镇|政府, 镇|财政, 镇|门户) or after one
/// (桃源|镇) is no garble of a character that would make a word with that neighbour: 家
/// would make 家政, 家财, 家门 only by breaking 政府, 财政, 门户.
#[test]
fn a_neighbour_taken_by_a_word_beyond_it_mends_nothing() {
    let text = "镇政府工作报告\n今年以来，我镇坚持稳中求进，经济社会保持良好态势。\n一、主要工作\n\
                桃源镇关于乡村振兴工作，桃源镇财政支持力度加大。\n二、下一步打算\n\
                登录桃源镇门户网站即可查询，关注“桃源镇政务”公众号。\n";
    let found = proofread(text, &outline(text));
    assert!(swaps(&found).is_empty(), "{:?}", swaps(&found));
}

/// A text in traditional characters is no garble of simplified text: its 開 (召開, 開門,
/// 開通, 開展) is the traditional form of 开, which the text never writes.
#[test]
fn a_traditional_text_is_no_garble_of_simplified_text() {
    let text = "關於全區經濟運行情況的報告\n今年以來，全區上下召開專題會議十餘次，研究部署經濟工作。\n\
                一、主要做法\n堅持開門問計，廣泛聽取意見建議，先後開通服務熱線三條。\n\
                二、下一步打算\n繼續開展調研，及時召開推進會，確保各項任務落實。\n";
    let found = proofread(text, &outline(text));
    assert!(swaps(&found).is_empty(), "{:?}", swaps(&found));
}

/// The held-out pairs of issue 13 §3 for short reports, written down (with a genuine
/// sentence using the wrong character) before any result was seen; the test takes three by
/// a fixed rule (a generator seeded with the number), not by how they fare.
const HELD_OUT_SHORT: [(char, char, &str); 10] = [
    ('展', '屏', "会场大屏幕实时播放，筑牢生态屏障。"),
    ('强', '张', "主张依法办事，缓解就医紧张状况。"),
    ('化', '华', "弘扬中华美德，华侨踊跃参与。"),
    ('全', '金', "统筹使用专项资金，防范金融风险。"),
    ('施', '旋', "坚持主旋律，旋即召开会议。"),
    ('落', '络', "健全网络联络机制，畅通联络渠道。"),
    ('服', '报', "按时报送材料，向县委汇报工作。"),
    ('质', '购', "规范政府采购，鼓励居民购买。"),
    ('导', '寻', "寻找差距，寻求突破。"),
    ('提', '堤', "加固河堤，排查堤防隐患。"),
];

/// Issue 13 §3's held-out test on short reports: compilations of twelve genre fixtures each
/// (every fixture once); in each, the report with most of the right character gets a
/// genuine sentence with the wrong one, then is garbled right→wrong, one pair at a time.
/// Counts recall over the planted sites and every other substitution suggested, against
/// the characters of the compilations.
///
/// Measured (the rule picked 质→购, 化→华, 服→报): planted 204, found 0; no genuine word
/// changed. False: 44 (华→水 at planted 华: the whole text judged alone took 水解 for a
/// report's garbled 华解, 化 abounding elsewhere; 1.28 per 10,000 of 343,090 characters)
/// until the whole text's likeliest fix had to pass itself; then 18 (0.52 per 10,000, one
/// compilation). Since the evidence of the reports holding stray sites is pooled (the
/// outline splits each fixture into several reports, which all repeat the garble): found
/// 77, false 0. All 77 are 化→华 (77 of 120); 服→报 makes words of the list (报务) and
/// 质→购 mends in two contexts only, so neither is found.
#[test]
fn held_out_pairs_chosen_by_rule_in_short_reports() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/genres");
    let mut rng = fastrand::Rng::with_seed(13);
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < 3 {
        let i = rng.usize(..HELD_OUT_SHORT.len());
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    let reports: Vec<String> = (0..88)
        .map(|i| std::fs::read_to_string(format!("{dir}/{i:02}.txt")).unwrap())
        .collect();
    let (mut planted, mut hits, mut false_, mut chars) = (0, 0, 0, 0usize);
    let mut genuine_changed = 0;
    for &i in &chosen {
        let (right, wrong, genuine) = HELD_OUT_SHORT[i];
        assert!(substitution::similar_to(wrong).is_empty() && !genuine.contains(right));
        for group in reports.chunks(12) {
            let best = (0..group.len())
                .max_by_key(|&k| group[k].matches(right).count())
                .unwrap();
            if group[best].matches(right).count() < 5 {
                continue;
            }
            let mut text = String::new();
            let mut range = 0..0;
            let mut genuine_range = 0..0;
            for (k, part) in group.iter().enumerate() {
                let part = part.trim_end();
                if k == best {
                    let start = text.len();
                    let cut = part.find('\n').map_or(part.len(), |n| n + 1);
                    text.push_str(&part[..cut]);
                    genuine_range = text.len()..text.len() + genuine.len();
                    text.push_str(genuine);
                    text.push('\n');
                    text.push_str(&part[cut..]);
                    range = start..text.len();
                } else {
                    text.push_str(part);
                }
                text.push_str("\n\n");
            }
            let genuine_at = offsets(&text, genuine_range, wrong);
            let garbled = garble(&text, range.clone(), right, wrong);
            let found = swaps(&proofread(&garbled, &outline(&garbled)));
            genuine_changed += found.iter().filter(|f| genuine_at.contains(&f.0)).count();
            let (p, h, f) = plant(&text, range, right, wrong);
            chars += text.chars().filter(|c| !c.is_whitespace()).count();
            planted += p;
            hits += h;
            false_ += f;
        }
        eprintln!("{right}→{wrong}: running planted {planted}, found {hits}, false {false_}");
    }
    let per_10k = false_ as f64 * 10_000.0 / chars.max(1) as f64;
    eprintln!(
        "held out in short reports: planted {planted}, found {hits}, false {false_} \
         ({per_10k:.2} per 10,000 of {chars} characters), genuine changed {genuine_changed}"
    );
    assert!(planted >= 100, "{planted}");
    assert_eq!(genuine_changed, 0);
    assert!(per_10k < 1.0, "false {false_} in {chars}");
    assert!(hits * 100 >= planted * 35, "recall {hits}/{planted}");
    assert_eq!(false_, 0);
}

/// The other correct fixtures (the unseen and blind sets: reports from other sites, written
/// correctly apart from their planted junk, 80 files, 253,202 non-space characters)
/// proofread as they are. Before traditional characters were kept out of the evidence: 127
/// substitutions on their 77 UTF-8 files (強→开, 會→交, 數→眼 in traditional texts, 家→名 in
/// a traditional report). Left: 35 (1.38 per 10,000 of these; 0.87 with the fixtures above)
/// in four groups, single-character verbs in words the word list lacks (即办, 接访, 抓好,
/// 扫码): 办→可, 访→地, 抓→道, 扫→号. Not yet 0: asserted no worse.
#[test]
fn other_correct_fixtures_get_few_substitutions() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let (mut chars, mut false_) = (0usize, Vec::new());
    for dir in ["unseen", "blind", "blind2"] {
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for path in &files {
            // Each file as the program reads it (some are GB18030).
            let text = crate::input::text::decode_vec(std::fs::read(path).unwrap(), path, None)
                .unwrap()
                .text;
            chars += text.chars().filter(|c| !c.is_whitespace()).count();
            let found = proofread(&text, &outline(&text));
            for (at, w, r) in swaps(&found) {
                false_.push(format!("{}@{at}: {w}→{r}", path.display()));
            }
        }
    }
    let per_10k = false_.len() as f64 * 10_000.0 / chars.max(1) as f64;
    eprintln!(
        "unseen and blind fixtures: {chars} non-space characters, {} substitutions, {per_10k:.2} per 10,000",
        false_.len()
    );
    assert!(chars > 200_000, "{chars}");
    assert!(false_.len() <= 35, "{false_:#?}");
    assert!(
        !false_.iter().any(|f| f.contains("強") || f.contains("家→")),
        "{false_:#?}"
    );
}

/// Issue 13 §1's pooled evidence, held out: a pair garbled in three short reports of each
/// compilation of twelve genre fixtures. The rule, written down before any result was seen:
/// the right characters are those ranked 10th, 30th and 50th (0-based, Han characters by
/// count over all 88 genre fixtures, ties by code point); the wrong one for each is the first
/// Han character after it by code point that the similar-character table lacks (a font
/// remapping swaps glyphs as arbitrarily); in each compilation the reports 0, 4 and 8 are
/// garbled right→wrong. Genuine occurrences of the wrong character are those already in
/// the fixtures. Recall and false suggestions are printed, and what a user would notice is
/// asserted: no genuine occurrence changed and fewer than 1 false suggestion per 10,000
/// characters.
#[test]
fn held_out_pairs_by_rule_spread_over_short_reports() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/genres");
    let reports: Vec<String> = (0..88)
        .map(|i| std::fs::read_to_string(format!("{dir}/{i:02}.txt")).unwrap())
        .collect();
    let mut counts: std::collections::BTreeMap<char, usize> = Default::default();
    for r in &reports {
        for c in r.chars().filter(|&c| dict::is_han(c)) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut ranked: Vec<(char, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    let pairs: Vec<(char, char)> = [10, 30, 50]
        .iter()
        .map(|&rank| {
            let right = ranked[rank].0;
            let wrong = (right as u32 + 1..)
                .filter_map(char::from_u32)
                .find(|&c| dict::is_han(c) && substitution::similar_to(c).is_empty())
                .unwrap();
            (right, wrong)
        })
        .collect();
    let (mut planted, mut hits, mut false_, mut genuine, mut chars) = (0, 0, 0, 0, 0usize);
    let mut genuine_changed = 0;
    for &(right, wrong) in &pairs {
        let (p0, h0, f0) = (planted, hits, false_);
        for group in reports.chunks(12) {
            let mut text = String::new();
            let mut ranges = Vec::new();
            for (k, part) in group.iter().enumerate() {
                let start = text.len();
                text.push_str(part.trim_end());
                if k % 4 == 0 {
                    ranges.push(start..text.len());
                }
                text.push_str("\n\n");
            }
            let before: Vec<usize> = swaps(&proofread(&text, &outline(&text)))
                .into_iter()
                .map(|s| s.0)
                .collect();
            let mut garbled = text.clone();
            let mut sites = Vec::new();
            let mut genuine_at = Vec::new();
            for r in &ranges {
                sites.extend(offsets(&text, r.clone(), right));
                genuine_at.extend(offsets(&text, r.clone(), wrong));
                garbled = garble(&garbled, r.clone(), right, wrong);
            }
            let got = swaps(&proofread(&garbled, &outline(&garbled)));
            let hit = |(at, w, r): &(usize, String, String)| {
                sites.contains(at) && *w == wrong.to_string() && *r == right.to_string()
            };
            genuine_changed += got.iter().filter(|g| genuine_at.contains(&g.0)).count();
            let h = got.iter().filter(|g| hit(g)).count();
            let f = got
                .iter()
                .filter(|g| !hit(g) && !before.contains(&g.0))
                .count();
            chars += garbled.chars().filter(|c| !c.is_whitespace()).count();
            planted += sites.len();
            genuine += genuine_at.len();
            hits += h;
            false_ += f;
        }
        eprintln!(
            "{right}→{wrong} in reports 0, 4, 8 of each compilation: planted {}, found {}, false {}",
            planted - p0,
            hits - h0,
            false_ - f0
        );
    }
    let per_10k = false_ as f64 * 10_000.0 / chars.max(1) as f64;
    eprintln!(
        "held out, spread over short reports ({pairs:?}): planted {planted}, found {hits}, \
         false {false_} ({per_10k:.2} per 10,000 of {chars} characters), genuine {genuine}, \
         changed {genuine_changed}"
    );
    assert!(planted >= 100, "{planted}");
    assert_eq!(genuine_changed, 0);
    assert!(per_10k < 1.0, "false {false_} in {chars}");
    // Measured when written: 实→実, 效→敉, 制→刷; planted 545, found 509 (0 before the
    // evidence was pooled), false 0; the fixtures hold none of 実, 敉, 刷 (genuine 0).
    assert!(hits * 100 >= planted * 90, "recall {hits}/{planted}");
}
