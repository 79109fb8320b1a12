//! Random compilations in the genre, assembled from pieces a real 汇编 has (titles, 目录,
//! 一、/（一）/1./（1） headings, 一是…二是…, placeholders, advert and watermark lines, paywall
//! markers, masked D words and genuine ones, glosses, CRLF, blank-line runs), driven by a
//! byte string so the fuzzer can steer it and the tests can seed it.
//!
//! Every line is labelled with what cleaning may do to it, so a test can check that nothing
//! the author wrote is lost. Depends on nothing but std.

#![allow(dead_code)]

/// What cleaning may do with a generated line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keep {
    /// The author's words: must come out as this line (spaces around it aside).
    Exactly(String),
    /// The author's words with junk inside: must come out as one of these.
    OneOf(Vec<String>),
    /// Junk or blank: may go.
    Junk,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub keep: Keep,
}

#[derive(Debug, Clone)]
pub struct Compilation {
    pub lines: Vec<Line>,
    pub crlf: bool,
}

impl Compilation {
    /// The text as a file would hold it (LF or CRLF), without a final line break.
    pub fn text(&self) -> String {
        let nl = if self.crlf { "\r\n" } else { "\n" };
        self.lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(nl)
    }
}

/// Reads choices from the bytes; past the end every choice is 0, so short inputs make short
/// compilations.
struct Dice<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Dice<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }
    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }
    fn pick<'s>(&mut self, from: &[&'s str]) -> &'s str {
        from[self.below(from.len())]
    }
    fn chance(&mut self, in_256: u8) -> bool {
        self.byte() < in_256
    }
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}

const CHINESE: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

const TITLES: [&str; 8] = [
    "2023年XX区卫生健康工作总结及2024年工作计划",
    "区粮食局2023年工作总结及2024年工作计划",
    "关于2023年度安全生产工作情况的报告",
    "XX镇2023年上半年工作总结",
    "县林业局2023年度工作总结",
    "市場監督管理局2023年工作總結",
    "街道2023年工作总结和2024年工作思路",
    "××县发展和改革委员会2023年工作总结",
];

const HEADING_WORDS: [&str; 8] = [
    "主要工作成效",
    "存在的问题",
    "2024年工作计划",
    "抓好国家卫生城市复审，巩固提升城市品位",
    "深化医药卫生体制改革",
    "加强基层治理能力建设",
    "强化安全生产监管",
    "持续优化营商环境",
];

/// Sentences the author wrote. `{}` takes a figure or a placeholder.
const SENTENCES: [&str; 14] = [
    "今年以来，我镇在县委县政府的坚强领导下，全面贯彻落实新发展理念。",
    "全年完成固定资产投资{}万元，同比增长{}%。",
    "修复人行道板{}平方米，更换井盖{}个。",
    "截至{}月底，全区家庭医生签约共计{}人。",
    "全年通过政务微信公众号发布信息120条，回复群众留言35条。",
    "12345热线客服中心受理群众诉求3.2万件，办结率99%。",
    "密切关注群众急难愁盼问题，下载并推广“赣服通”应用。",
    "经济發展穩中向好，社會大局和諧穩定。",
    "浇筑混凝土{}立方米，其中砼强度等级C30以上占比{}%。",
    "组织开展“四进”活动{}场次，覆盖群众{}人。",
    "2023年{}月{}日召开专题会议，研究部署重点工作。",
    "在1号楼和A栋、B栋开展燃气安全排查，PC端和PAD端同步上线。",
    "EOD模式项目完成投资{}亿元，GDP同比增长{}%。",
    "来源广泛的意见建议已全部吸收。",
];

const FIGURES: [&str; 6] = ["35", "12.5", "1,200", "3", "２８", "100"];
const PLACEHOLDERS: [&str; 10] = [
    "XX", "X", "××", "ＸＸ", "xx", "***", "1XX5", "X.X", "XXX", "x",
];

const ADVERTS: [&str; 10] = [
    "【哒哒素材库】更多精品范文请关注公众号",
    "客服微信：dada1234",
    "公众@号：哒哒素材",
    "来源:网友投稿",
    "更新时间:2023-11-02 10:21",
    "本文档由用户上传，下载后可编辑",
    "https://www.example.com/doc/123.html",
    "关注公众号“哒哒素材库”获取更多范文",
    "【代笔素材】专业写作，客服QQ：123456",
    "请各位小伙伴认准哒哒，哒哒唯一平台（公众号：哒哒君），谨防假冒！",
];

const PAYWALL: [&str; 4] = [
    "##paidbegin##",
    "##paidend##",
    "$$paidbegin$$",
    "$$paidend$$",
];

/// Masked sentences: (as the site wrote them, as the author wrote them).
const MASKED: [(&str, &str); 6] = [
    (
        "全街D员干部齐心协力，圆满完成各项任务。",
        "全街党员干部齐心协力，圆满完成各项任务。",
    ),
    (
        "街道D工委召开专题会议11次。",
        "街道党工委召开专题会议11次。",
    ),
    (
        "坚持全面从严治D，落实主体责任。",
        "坚持全面从严治党，落实主体责任。",
    ),
    (
        "深入学习贯彻D的二十大精神。",
        "深入学习贯彻党的二十大精神。",
    ),
    ("全年DP预计增长6.5%。", "全年GDP预计增长6.5%。"),
    ("村D支部书记带头走访农户。", "村党支部书记带头走访农户。"),
];

/// Genuine words with a D that must never be "restored".
const GENUINE: [&str; 4] = [
    "10月4日京九花园小区D栋2个单元的燃气管道带电，情况十分紧急。",
    "积极探索EOD模式，推进生态环境导向的开发。",
    "为社区工作者配发PAD终端56台。",
    "全年GDP增长6.2%，DVD放映设备更新3套。",
];

/// Sentences with a site's gloss or brand word: (as written, cleaned).
const GLOSSED: [(&str, &str); 4] = [
    (
        "完成医技楼地下层底板砼[tón]浇筑。",
        "完成医技楼地下层底板砼浇筑。",
    ),
    (
        "调研报告被州县两级采纳哒哒君42篇。",
        "调研报告被州县两级采纳42篇。",
    ),
    ("全年信息被采纳哒哒君15篇。", "全年信息被采纳15篇。"),
    ("新建砼[tóng]路面3.5公里。", "新建砼路面3.5公里。"),
];

/// Builds a compilation from `bytes`.
pub fn compose(bytes: &[u8]) -> Compilation {
    let mut d = Dice { bytes, at: 0 };
    let mut lines: Vec<Line> = Vec::new();
    let reports = 1 + d.below(5);
    let has_title = d.chance(160);
    let crlf = d.chance(60);
    let indent = if d.chance(50) { "　　" } else { "" };
    if has_title {
        content(
            &mut lines,
            format!("2023年工作总结及2024年工作计划汇编（{reports}篇）"),
        );
        blank(&mut lines, 1);
        if d.chance(180) {
            lines.push(Line {
                text: "目录".into(),
                keep: Keep::Exactly("目录".into()),
            });
            blank(&mut lines, d.below(2));
            for i in 1..=reports {
                // Bare numbers, as the seed has them; cleaning fills or drops them.
                lines.push(Line {
                    text: format!("{i}."),
                    keep: Keep::Junk,
                });
            }
            blank(&mut lines, 2);
        }
    }
    let brand_advert = d.chance(128);
    for r in 0..reports {
        if r > 0 {
            blank(&mut lines, 1 + d.below(4));
        }
        if d.chance(220) || r == 0 {
            let title = d.pick(&TITLES);
            // The site's numbering of its reports, around the title.
            let written = if d.chance(60) {
                let n = d.below(12);
                match d.below(4) {
                    0 => format!("【篇{}】{title}", CHINESE[n]),
                    1 => format!("篇{}：{title}", CHINESE[n]),
                    2 => format!("范文{}：{title}", n + 1),
                    _ => format!("{title}（第{}篇）", n + 1),
                }
            } else {
                title.to_string()
            };
            if d.chance(70) {
                let marker = d.pick(&PAYWALL);
                lines.push(Line {
                    text: format!("{marker}{written}"),
                    keep: Keep::OneOf(vec![title.to_string()]),
                });
            } else {
                lines.push(Line {
                    text: written,
                    keep: Keep::OneOf(vec![title.to_string()]),
                });
            }
            blank(&mut lines, d.below(2));
        }
        if d.chance(40) {
            content(&mut lines, "县政府：".into());
        }
        let sections = 1 + d.below(4);
        for s in 0..sections {
            let word = d.pick(&HEADING_WORDS);
            // Numbering slips (a skipped or repeated number) are the author's and stay.
            let n = (s + usize::from(d.chance(20))).min(CHINESE.len() - 1);
            content(&mut lines, format!("{}、{word}", CHINESE[n]));
            let subs = d.below(4);
            for (k, chinese) in CHINESE.iter().enumerate().take(subs) {
                let sub = match d.below(3) {
                    0 => format!("（{chinese}）{}。", d.pick(&HEADING_WORDS)),
                    1 => format!("{}.{}。", k + 1, d.pick(&HEADING_WORDS)),
                    _ => format!("（{}）{}。", k + 1, d.pick(&HEADING_WORDS)),
                };
                let body = if d.chance(128) {
                    paragraph(&mut d)
                } else {
                    String::new()
                };
                content(&mut lines, format!("{indent}{sub}{body}"));
                for _ in 0..d.below(3) {
                    body_line(&mut d, &mut lines, indent);
                }
            }
            if d.chance(100) {
                let n = 2 + d.below(3);
                let mut s = String::from(indent);
                for chinese in &CHINESE[..n] {
                    s.push_str(chinese);
                    s.push('是');
                    let sentence = d_sentence(&mut d);
                    s.push_str(&fill(&mut d, sentence));
                }
                content(&mut lines, s);
            }
            if d.chance(40) {
                lines.push(Line {
                    text: d.pick(&ADVERTS).to_string(),
                    keep: Keep::Junk,
                });
            }
            if d.chance(30) {
                blank(&mut lines, d.below(5));
            }
        }
        if d.chance(150) {
            content(&mut lines, "XX镇人民政府".into());
            content(&mut lines, "2023年11月3日".into());
        }
        if d.chance(50) {
            lines.push(Line {
                text: d.pick(&PAYWALL).to_string(),
                keep: Keep::Junk,
            });
        }
    }
    if brand_advert || d.chance(128) {
        blank(&mut lines, d.below(3));
        for _ in 0..1 + d.below(3) {
            lines.push(Line {
                text: d.pick(&ADVERTS).to_string(),
                keep: Keep::Junk,
            });
        }
    }
    if d.chance(30) {
        // Trailing spaces and a final blank-line run.
        if let Some(last) = lines
            .iter_mut()
            .rev()
            .find(|l| matches!(l.keep, Keep::Exactly(_)))
        {
            last.text.push_str("  ");
        }
        blank(&mut lines, 3);
    }
    let _ = d.done();
    Compilation { lines, crlf }
}

fn content(lines: &mut Vec<Line>, text: String) {
    let keep = Keep::Exactly(text.trim().to_string());
    lines.push(Line { text, keep });
}

fn blank(lines: &mut Vec<Line>, n: usize) {
    for _ in 0..n {
        lines.push(Line {
            text: String::new(),
            keep: Keep::Junk,
        });
    }
}

fn d_sentence(d: &mut Dice) -> &'static str {
    SENTENCES[d.below(SENTENCES.len())]
}

/// Fills each `{}` with a figure or a placeholder.
fn fill(d: &mut Dice, template: &str) -> String {
    let mut out = String::new();
    let mut parts = template.split("{}").peekable();
    while let Some(p) = parts.next() {
        out.push_str(p);
        if parts.peek().is_some() {
            out.push_str(if d.chance(128) {
                d.pick(&PLACEHOLDERS)
            } else {
                d.pick(&FIGURES)
            });
        }
    }
    out
}

fn paragraph(d: &mut Dice) -> String {
    let n = 1 + d.below(3);
    (0..n)
        .map(|_| {
            let sentence = d_sentence(d);
            fill(d, sentence)
        })
        .collect()
}

fn body_line(d: &mut Dice, lines: &mut Vec<Line>, indent: &str) {
    match d.below(8) {
        0 => {
            let (site, author) = MASKED[d.below(MASKED.len())];
            lines.push(Line {
                text: format!("{indent}{site}"),
                keep: Keep::OneOf(vec![author.to_string(), site.to_string()]),
            });
        }
        1 => {
            let g = d.pick(&GENUINE);
            content(lines, format!("{indent}{g}"));
        }
        2 => {
            let (site, author) = GLOSSED[d.below(GLOSSED.len())];
            let mut keep = vec![author.to_string(), site.to_string()];
            // When the adverts name the brand only as 哒哒, its 君 stays: junk left over,
            // nothing of the author's lost.
            if site.contains("哒哒君") {
                keep.push(site.replace("哒哒", ""));
            }
            lines.push(Line {
                text: format!("{indent}{site}"),
                keep: Keep::OneOf(keep),
            });
        }
        _ => {
            let p = paragraph(d);
            content(lines, format!("{indent}{p}"));
        }
    }
}
