#!/usr/bin/env python3
"""Writes the second part of the differential corpus of issue 14 (tests/fixtures/genres,
files 36..53), in the same manifest format as scripts/gen_genre_corpus.py:

    scripts/gen_genre_corpus_b.py tests/fixtures/genres

It covers what the first part lacks: a site's label on a line of its own before a title, and
labels of words no list holds (材料1：, 稿件一); documents with no blank line between them;
speeches with the speaker and the date under the title and 同志们：; 述职/述廉 reports with
述职人：; 对照检查材料 and 个人剖析材料; 研讨发言 with no headings; 第X章/第X节, ①, ⑴, 1）, (1)
and Ａ． markers; metadata, navigation, reading lists, paywall notices, copyright and takedown
notices, "scan/click for the full version" lines and printed page headers and footers in
other phrasings; and the author's lines that merely use their words, which must stay.

Files whose number is 2 mod 3 (38, 41, …) are held out: they draw only on the second half of
every pool of junk, label and metadata forms, which the rules were not built on.
Deterministic: the same command writes the same files.
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_genre_corpus as first  # noqa: E402

FIRST = 36
COUNT = 18

UNITS = ["松岗镇", "清河街道", "临江区", "北山县", "市交通运输局", "县水利局", "和平社区",
         "区住建局", "县卫健委", "石桥乡", "市司法局", "县退役军人事务局"]
TOPICS = ["防汛救灾", "农村人居环境整治", "优化营商环境", "法治政府建设", "信访维稳", "河长制",
          "粮食安全", "作风建设", "数字政府", "平安建设", "科技创新", "就业创业"]
NAMES = ["张建国", "李卫东", "王秀英", "刘志强", "陈晓华", "赵红梅"]
POSTS = ["县委书记", "县长", "党委书记", "局长", "街道党工委书记", "副县长"]

CN = "一二三四五六七八九十"

SENTENCES = [
    "全年累计排查隐患{n}处，整改完成率达到{p}%。",
    "围绕{t}这一中心任务，我们细化工作举措{m}项，逐项明确责任单位和完成时限。",
    "先后组织专题培训{m}期，培训干部{n}人次，干部队伍能力素质明显提升。",
    "投入专项资金{n}万元，实施重点项目{m}个，其中已竣工{p}个。",
    "坚持问题导向，对照年初目标逐项梳理，查找短板弱项{m}条。",
    "建立“周调度、月通报、季考核”机制，推动{t}各项任务落地落实。",
    "深入基层一线开展调研{m}次，形成调研报告{p}篇，提出意见建议{n}条。",
    "与上年相比，主要指标均保持两位数增长，{t}工作走在全市前列。",
    "聚焦群众急难愁盼，办结民生实事{m}件，群众获得感进一步增强。",
    "对照先进地区的经验做法，我们在{t}方面还有不小差距。",
]

# Lines of the author's that use the words junk uses; they must stay.
TRAPS = [
    "门户网站全年浏览量同比增长{p}%，发布政务信息{n}条。",
    "新发展会员单位{m}家，商会服务能力不断提升。",
    "站在新的起点上，我们将奋力谱写{t}工作的下一篇章。",
    "扎实开展版权保护工作，查办侵权案件{m}起。",
    "推行“扫码即办”，群众扫描二维码即可查询办理进度。",
    "规划完整版文本已在政府门户网站公开，接受社会监督。",
    "全县共有付费停车泊位{n}个，下一步将全部接入智慧平台。",
    "组织党员干部开展读书活动，人均阅读书籍{m}本。",
    "本报告数据来源：县统计局、县发展改革局。",
    "严禁下载、传播涉密文件，全年开展保密检查{m}次。",
    "上一阶段的工作取得了明显成效，下一阶段要乘势而上。",
    "开通VIP企业服务专线，为重点企业提供全程代办服务。",
]

HEADS = ["提高政治站位，强化责任担当", "聚焦主责主业，狠抓任务落实", "坚持问题导向，推动整改提升",
         "加强统筹调度，形成工作合力", "深化改革创新，激发内生动力", "强化作风建设，提升服务效能",
         "筑牢安全底线，守护群众平安", "完善制度机制，巩固工作成效"]

PROBLEMS = ["在理论学习方面", "在担当作为方面", "在联系群众方面", "在廉洁自律方面", "在工作作风方面"]

# Marker families: (marker of section i, whether the marker opens a heading line of its own)
FAMILIES = {
    "chinese": lambda i: CN[i] + "、",
    "circled": lambda i: "①②③④⑤⑥⑦⑧⑨⑩"[i],
    "paren_digit_char": lambda i: "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"[i],
    "half_paren": lambda i: f"{i + 1}）",
    "ascii_paren": lambda i: f"({i + 1})",
    "letter": lambda i: "ＡＢＣＤＥＦ"[i] + "．",
    "sequence": lambda i: "第" + CN[i] + "，",
}

# Labels before titles. (template, alone on its own line). {c} Chinese numeral, {d} digit.
LABELS = [
    ("【篇{c}】", True), ("材料{d}：", False), ("范文{d}", True), ("材料{c}", True),
    ("例文{d}：", False), ("【材料{d}】", False),
    # held out
    ("稿件{c}：", False), ("【文稿{d}】", True), ("第{d}篇", True), ("资料{d}：", False),
    ("精选{c}", True), ("模板{d}.", False),
]

META = [
    "发布时间：{y}-0{mo}-{d} 作者：佚名 来源：网络",
    "来源：综合整理  编辑：小王  浏览：{n}",
    "【字体：大 中 小】 发布日期：{y}年{mo}月{d}日 浏览次数：{n}",
    "{y}-0{mo}-{d} 15:30 · 阅读 {n}",
    # held out
    "作者：网友投稿 时间：{y}-0{mo}-{d} 热度：{n}℃",
    "日期：{y}年{mo}月{d}日 访问量：{n}",
    "录入：管理员 审核：admin 点击数：{n}",
    "上传时间：{y}-0{mo}-{d} | 大小：{m}KB | 页数：{p}页",
]

NAVS = [
    ["上一篇文章：{o1}", "下一篇文章：{o2}"],
    ["【相关文章】", "{o1}", "{o2}", "{o3}"],
    ["本文关键词：述职报告，讲话稿，心得体会", "上一篇：{o1}"],
    ["您可能也喜欢：", "{o1}", "{o2}"],
    # held out
    ["相关热搜：述职报告 对照检查材料 研讨发言", "下一篇：{o2}"],
    ["更多相关文章", "{o1}", "{o2}", "{o3}"],
    ["‹ 上一篇 {o1}", "下一篇 {o2} ›"],
    ["精彩推荐：", "{o1}", "{o2}"],
]

PAYWALL = [
    "全文共{n}字，剩余{m}00字需开通会员后阅读",
    "以上为部分内容预览，完整版请下载",
    "—— 未完，点击下载完整版 ——",
    "（试读结束，请购买后查看全文）",
    "当前为预览模式，仅显示前{p}页",
    # held out
    "本文为会员专享内容，开通VIP即可阅读全文",
    "剩余内容已隐藏，解锁后继续阅读",
    "温馨提示：登录后可免费试读全文",
    "如需阅读余下内容，请付费下载",
    "因篇幅所限，仅展示部分内容，完整内容请下载后查看",
]

NOTICES = [
    # copyright and takedown
    "本文系作者授权本站发表，未经许可，不得转载。",
    "如本文侵犯了您的权益，请与我们联系，我们将在24小时内删除。",
    "版权声明：本站所有资料均为网友推荐收集整理而来，仅供学习和研究交流使用。",
    # full version
    "点击此处下载完整版Word文档",
    "长按识别二维码，获取更多范文",
    "扫一扫关注公众号，回复“讲话”领取全文",
    # held out
    "声明：本文由用户上传，版权归原作者所有，如有侵权请联系删除",
    "免责声明：本站部分内容来自互联网，如涉及版权问题，请联系我们及时删除",
    "获取完整版请扫描文末二维码",
    "需要完整word版的朋友，请点击下方链接下载",
    "本文档下载后可任意编辑，欢迎收藏转发",
]

PAGES = [
    "- {p} -", "第 {p} 页", "第{p}页，共{q}页", "— {p} —",
    # held out
    "{p} / {q}", "Page {p} of {q}", "— 第{p}页 —", "共{q}页 第{p}页",
]

OTHER_TITLES = ["2024年度民主生活会对照检查材料", "在全县经济工作会议上的讲话", "2024年个人述职述廉报告",
                "学习贯彻全会精神研讨发言", "乡村振兴工作情况汇报", "2025年工作要点"]


pick = first.pick


class Writer(first.Writer):
    def fill(self, s, **kw):
        r = self.rng
        p = r.randint(2, 30)
        vals = dict(n=r.randint(12, 4800), m=r.randint(3, 60), p=p, q=p + r.randint(1, 20),
                    d=r.randint(10, 28), mo=r.randint(1, 9), y="2024")
        vals.update(kw)
        return s.format(**vals)

    def body(self, topic, k):
        for _ in range(k):
            self.content(self.fill(self.rng.choice(SENTENCES), t=topic))
        if self.rng.random() < 0.35:
            self.content(self.fill(self.rng.choice(TRAPS), t=topic))


def sections(w, topic, family, count, markers):
    r = w.rng
    heads = r.sample(HEADS, count)
    for i in range(count):
        lead = FAMILIES[family](i)
        if family == "chinese":
            w.content(lead + heads[i])
            markers.append(lead)
            w.body(topic, r.randint(1, 2))
        else:
            w.content(lead + heads[i] + "。" + w.fill(r.choice(SENTENCES), t=topic))
            markers.append(lead)
            w.body(topic, r.randint(0, 2))


def speech(w, unit, topic):
    r = w.rng
    name, post = r.choice(NAMES), r.choice(POSTS)
    title = r.choice([f"在全县{topic}工作会议上的讲话", f"{name}同志在{unit}{topic}推进会上的讲话",
                      f"在{unit}{topic}工作部署会上的讲话"])
    under = [w.fill("（{y}年{mo}月{d}日）"), f"{post}  {name}"]
    if r.random() < 0.5:
        under.reverse()
    lines = under + ["同志们："]
    lines.append(w.fill(f"今天召开这次会议，主要任务是总结{topic}工作，部署下一阶段任务。"))
    return title, lines, ["同志们，让我们振奋精神、真抓实干，奋力开创工作新局面！"], \
        r.choice(["chinese", "sequence", "chinese"])


def duty(w, unit, topic):
    r = w.rng
    name = r.choice(NAMES)
    title = r.choice(["2024年度个人述职述廉报告", f"{unit}党委书记2024年度述职报告", "2024年述责述廉报告"])
    opening = [f"述职人：{name}", "各位领导、同志们：",
               "一年来，在上级党委的坚强领导下，我认真履行职责，现将有关情况报告如下："]
    if r.random() < 0.5:
        opening = opening[1:]
        closing = ["以上报告，请予评议。", f"述职人：{name}", w.fill("{y}年12月{d}日")]
    else:
        closing = ["以上报告，请予评议。"]
    return title, opening, closing, r.choice(["chinese", "circled", "half_paren"])


def check(w, unit, topic):
    r = w.rng
    title = r.choice(["2024年度专题民主生活会个人对照检查材料", f"{topic}专题组织生活会个人剖析材料",
                      "巡察整改专题民主生活会个人检视剖析材料"])
    opening = ["按照会议要求，我认真对照检查，深入查摆问题，剖析根源，明确整改方向，现报告如下。"]
    closing = ["以上是我的个人对照检查，恳请同志们批评指正。"]
    return title, opening, closing, "problems"


def seminar(w, unit, topic):
    title = w.rng.choice([f"{topic}专题研讨发言", f"学习贯彻全会精神研讨发言材料",
                          f"在{unit}理论学习中心组{topic}专题学习会上的研讨发言"])
    opening = ["按照中心组学习安排，我围绕这次专题谈几点体会。"]
    return title, opening, ["以上发言，不当之处请批评指正。"], "none"


def plan(w, unit, topic):
    title = w.rng.choice([f"{unit}“十五五”{topic}发展规划", f"{unit}{topic}管理办法"])
    opening = [f"为推动{topic}工作高质量发展，结合{unit}实际，制定本规划。"]
    return title, opening, [], "chapters"


def report(w, unit, topic):
    r = w.rng
    title = r.choice([f"关于{unit}{topic}工作情况的报告", f"{unit}2024年{topic}工作情况汇报",
                      f"关于{topic}情况的调研报告"])
    opening = [f"2024年，{unit}认真贯彻上级决策部署，{topic}工作取得新进展。现将有关情况报告如下。"]
    return title, opening, ["特此报告。"], r.choice(["chinese", "ascii_paren", "letter",
                                                  "paren_digit_char", "circled"])


GENRES = [speech, duty, check, seminar, plan, report]


def write_report(w, genre, unit, topic, label):
    r = w.rng
    title, opening, closing, family = genre(w, unit, topic)
    markers = []
    first.title_lines(w, title, label)
    for line in opening:
        w.content(line)
    if family == "problems":
        w.content("一、存在的主要问题")
        markers.append("一、")
        for i, p in enumerate(r.sample(PROBLEMS, 3)):
            lead = "（" + CN[i] + "）"
            w.content(lead + p + "。" + w.fill(r.choice(SENTENCES), t=topic))
            markers.append(lead)
        w.content("二、问题产生的原因")
        markers.append("二、")
        w.body(topic, 2)
        w.content("三、下一步整改措施")
        markers.append("三、")
        sections(w, topic, "circled", 3, markers)
    elif family == "chapters":
        for i in range(r.randint(2, 3)):
            lead = "第" + CN[i] + "章 "
            w.content(lead + r.choice(["总体要求", "重点任务", "保障措施", "发展基础"]))
            markers.append(lead)
            for j in range(2):
                sub = "第" + CN[j] + "节 "
                w.content(sub + r.choice(HEADS)[:6])
                markers.append(sub)
                w.body(topic, 1)
    elif family == "none":
        w.body(topic, r.randint(4, 6))
    else:
        sections(w, topic, family, r.randint(2, 4), markers)
    for line in closing:
        w.content(line)
    return {"title": title, "label": label[0].strip() if label else None, "markers": markers}


def compilation(number, held):
    rng = random.Random(1436 + number)
    w = Writer(rng, held)
    k = rng.randint(3, 5)
    genres = rng.sample(GENRES, k)
    w.lines.append(rng.choice(["2024年讲话、述职、对照检查等材料汇编", "精选公文范文合集（{}篇）".format(k),
                               "2024年度各类材料汇编"]))
    if rng.random() < 0.7:
        w.junk_line(w.fill(pick(rng, META, held)))
    w.lines.append("")
    form = pick(rng, LABELS, held) if rng.random() < 0.7 else None
    sep = rng.choice(["blank", "none", "none", "blank2"])
    reports = []
    for n, genre in enumerate(genres, 1):
        if n > 1:
            first.separate(w, sep)
            # A label alone on its line needs no blank line before it to mark the report; a
            # title after the previous report's last line does in this corpus's other files.
        label = None
        if form:
            label = (form[0].format(c=CN[n - 1], d=n), form[1])
        unit, topic = rng.choice(UNITS), rng.choice(TOPICS)
        reports.append(write_report(w, genre, unit, topic, label))
        if rng.random() < 0.25:
            w.junk_line(w.fill(pick(rng, PAGES, held)))
        if rng.random() < 0.3:
            w.junk_line(w.fill(pick(rng, NOTICES, held)))
        if n == k and rng.random() < 0.7:
            w.junk_line(w.fill(pick(rng, PAYWALL, held)))
    return first.close(w, reports, NAVS, OTHER_TITLES, NOTICES, 0.5)


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/genres")
    first.write(out, range(FIRST, FIRST + COUNT), compilation)


if __name__ == "__main__":
    main()
