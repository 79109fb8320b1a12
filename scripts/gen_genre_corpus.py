#!/usr/bin/env python3
"""Writes the differential corpus of issue 14: compilations of mixed genres, each with a
manifest of what 清稿 must find in it.

    scripts/gen_genre_corpus.py tests/fixtures/genres

writes NN.txt and NN.json for NN in 00..35. Each manifest holds:
  reports: [{title, label, markers}]  the reports in order: title without the site's label, the
                             label, and the list markers that open its paragraphs (一、 第一， ① 1） 一是…)
  junk:    [str]             strings that must not survive cleaning
  keep:    [str]             lines of the author's that must survive cleaning byte for byte

Every pool of phrasings below is split in two: files whose number is 2 mod 3 are the
held-out third and draw only on the second half of the pools that mark junk, labels and
metadata, so they test forms the rules were not built on. Deterministic: the same
command writes the same files.
"""

import json
import random
import sys
from pathlib import Path

UNITS = ["白鹭镇", "青山街道", "河西区", "东湖县", "市农业农村局", "县应急管理局", "城南社区",
         "区市场监管局", "县教育局", "南塘乡", "市生态环境局", "县人社局"]
YEARS = ["2022", "2023", "2024", "2025"]

# (genre, title template, opening lines, headings family) -- {u} unit, {y} year, {t} topic
TOPICS = ["安全生产", "乡村振兴", "基层治理", "营商环境", "生态环境保护", "民生保障", "党风廉政建设",
          "招商引资", "疫情防控常态化", "文明城市创建", "耕地保护", "社区养老服务"]

HEADINGS = {
    "chinese": lambda i: "一二三四五六七八九十"[i] + "、",
    "paren": lambda i: "（" + "一二三四五六七八九十"[i] + "）",
    "digit": lambda i: f"{i + 1}.",
    "diyi": lambda i: "第" + "一二三四五六七八九十"[i] + "，",
    "shouxian": lambda i: ["首先，", "其次，", "再次，", "最后，"][min(i, 3)],
    "circled": lambda i: "①②③④⑤⑥⑦⑧⑨⑩"[i],
    "halfparen": lambda i: f"{i + 1}）",
    "yishi": lambda i: "一二三四五六七八九十"[i] + "是",
    "none": lambda i: "",
}

HEAD_WORDS = ["提高政治站位，压实工作责任", "聚焦重点任务，狠抓工作落实", "强化统筹协调，形成工作合力",
              "坚持问题导向，补齐短板弱项", "创新方式方法，提升工作质效", "加强队伍建设，夯实基层基础",
              "健全长效机制，巩固工作成果", "严格督查考核，确保取得实效"]

SENTENCES = [
    "全年共召开专题会议{n}次，研究解决重点难点问题{m}个。",
    "累计投入资金{n}万元，完成{t}项目{m}个，群众满意度达到{p}%。",
    "我们坚持以人民为中心的发展思想，把{t}工作摆在突出位置，推动各项任务落地见效。",
    "组织开展专项检查{n}次，发现并整改问题{m}处，整改完成率{p}%。",
    "建立健全{t}工作责任清单，明确责任单位{m}个、责任人{n}名。",
    "与去年同期相比，相关指标增长{p}%，{t}工作取得阶段性成效。",
    "通过召开座谈会、入户走访等方式，广泛听取意见建议{n}条，已办结{m}条。",
    "下一步，将进一步加大工作力度，推动{t}工作再上新台阶。",
    "针对群众反映强烈的突出问题，我们逐项建立台账，实行销号管理。",
    "全镇{m}个村（社区）全部建立{t}工作站，配备专兼职人员{n}名。",
]

# Lines an author writes that mention words junk also uses: they must stay.
TRAPS = [
    "全年网站浏览量同比增长{p}%，政务新媒体粉丝突破{n}万人。",
    "新吸纳会员单位{m}家，协会会员总数达到{n}家。",
    "我们将在新的起点上，奋力书写{t}工作的下一篇章。",
    "开通“一网通办”服务，群众点击即可查看办理进度。",
    "全县共有付费停车泊位{n}个，全部实现扫码缴费。",
    "组织党员干部阅读红色书籍{m}本，累计阅读时长{n}小时。",
    "本次调研的资料来源主要包括统计年鉴、部门台账和入户问卷。",
    "积极推进VIP客户服务通道建设，为重点企业提供“一对一”服务。",
    "在版权保护方面，全年查处侵权盗版案件{m}起。",
    "截至目前，累计发布政策解读文章{n}篇，点击量超过{m}万次。",
]

GENRES = [
    ("述职报告", ["{y}年度个人述职报告", "{u}党委书记{y}年度述职述廉报告", "{y}年度述职报告（{u}副局长）"],
     ["各位领导、同志们：", "{y}年，在上级党委的坚强领导下，我认真履行岗位职责，现将一年来的履职情况报告如下："],
     ["以上报告，请予审议。", "述职人：XXX", "{y}年12月{d}日"]),
    ("讲话", ["在全县{t}工作会议上的讲话", "在{u}{y}年{t}推进会上的讲话", "{u}主要负责同志在{t}工作部署会上的讲话"],
     ["同志们：", "今天召开这次会议，主要任务是总结前一阶段{t}工作，安排部署下一步任务。"],
     ["同志们，做好{t}工作责任重大，让我们以更加饱满的热情抓好各项工作落实。"]),
    ("发言", ["在{t}专题民主生活会上的发言", "{y}年{t}专题研讨发言材料", "在{u}{t}座谈会上的交流发言"],
     ["按照会议安排，结合个人学习体会，谈几点认识。"],
     ["以上发言，不妥之处请批评指正。"]),
    ("致辞", ["在{u}{y}年{t}表彰大会上的致辞"],
     ["尊敬的各位来宾，同志们、朋友们：", "大家好！在这收获的季节，我们隆重举行表彰大会。"],
     ["最后，祝大家工作顺利、身体健康！谢谢大家！"]),
    ("实施方案", ["{u}{y}年{t}工作实施方案", "关于开展{t}专项行动的实施方案"],
     ["为深入贯彻落实上级关于{t}工作的决策部署，结合我{u}实际，制定本方案。"],
     ["{u}{t}工作领导小组办公室", "{y}年3月{d}日"]),
    ("工作要点", ["{u}{y}年{t}工作要点"],
     ["{y}年{t}工作的总体要求是：坚持稳中求进工作总基调，全面提升工作水平。"],
     []),
    ("调研报告", ["关于{u}{t}情况的调研报告", "关于{t}工作的调研报告", "{u}{t}工作调研报告"],
     ["为深入了解{t}工作推进情况，调研组于{y}年5月深入{m}个村（社区）开展专题调研，现将有关情况报告如下。"],
     ["（执笔人：XXX）"]),
    ("心得体会", ["学习{t}工作心得体会", "{y}年{t}专题培训心得体会"],
     ["近期，我参加了{t}专题学习，深受教育、倍感振奋。"],
     []),
    ("对照检查材料", ["{y}年度专题民主生活会个人对照检查材料", "{t}专题组织生活会个人剖析材料"],
     ["按照会议要求，我认真对照检查，深入查摆问题，现将有关情况报告如下。"],
     ["以上是我的对照检查，请同志们批评指正。"]),
    ("汇报", ["{u}{y}年{t}工作情况汇报", "关于{u}{t}工作情况的报告"],
     ["尊敬的各位领导：", "现将我{u}{t}工作开展情况汇报如下。"],
     ["以上汇报，不妥之处，敬请批评指正。"]),
    ("工作总结", ["{u}{y}年{t}工作总结", "{u}{y}年工作总结及{y2}年工作计划"],
     ["{y}年，{u}坚持以习近平新时代中国特色社会主义思想为指导，扎实推进各项工作。"],
     ["{u}", "{y}年12月{d}日"]),
]

# The site's label before a title: (template with {n} a number, rendered number style).
LABELS = [
    ("篇{c}：", "c"), ("【篇{c}】", "c"), ("第{c}篇 ", "c"), ("范文{d}：", "d"), ("【范文{d}】", "d"),
    ("第{d}篇：", "d"), ("例文{c}：", "c"),
    # held out
    ("文章{c} ", "c"), ("材料{d}：", "d"), ("【第{c}篇】", "c"), ("NO.{d} ", "d"), ("精选范文{d}：", "d"),
    ("样文{c}：", "c"), ("参考范文{d}.", "d"),
]

META = [
    "来源：网络整理  作者：佚名  发布时间：{y}-{mo}-{d} 10:21  阅读：{n}次",
    "发布时间：{y}年{mo}月{d}日　阅读量：{n}",
    "作者：admin | 来源：本站原创 | 点击：{n}次",
    "更新时间：{y}-{mo}-{d}  浏览次数：{n}",
    # held out
    "发布者：小编　发布日期：{y}/{mo}/{d}　浏览：{n}次",
    "时间：{y}-{mo}-{d} 08:00:00 来源：互联网 阅读 {n} 次",
    "字数：{n}字 | 阅读时间：约{m}分钟 | 发布：{y}-{mo}-{d}",
    "上传者：文档分享 上传时间：{y}-{mo}-{d} 下载次数：{m}",
]

PAYWALL = [
    "剩余{n}字未读，开通会员查看全文",
    "试读已结束，如需继续阅读请下载完整版",
    "（本文为付费内容，VIP会员可查看全文）",
    "点击查看全文",
    "开通VIP，免费下载全文",
    # held out
    "温馨提示：当前仅显示部分内容，剩余{m}页请付费后查看",
    "……此处隐藏{n}字，登录后阅读全文……",
    "免费试读到此结束，完整版请充值后下载",
    "本文档仅展示前{m}页，获取完整文档请购买",
    "内容过长，已隐藏{n}字，付费解锁全文",
]

NAV_HEADS = [
    (["上一篇：{o1}", "下一篇：{o2}"]),
    (["标签：述职报告 讲话稿 调研报告", "上一篇：{o1}", "下一篇：{o2}"]),
    (["相关文章", "{o1}", "{o2}", "{o3}"]),
    (["猜你喜欢：", "{o1}", "{o2}"]),
    # held out
    (["« 上一篇：{o1}", "» 下一篇：{o2}"]),
    (["相关推荐", "{o1}", "{o2}", "{o3}"]),
    (["Tags：心得体会 实施方案", "前一篇：{o1}", "后一篇：{o2}"]),
    (["热门文章", "{o1}", "{o2}", "{o3}"]),
]

ADVERTS = [
    "【文档来源】本文由网友投稿整理，如有侵权请联系删除",
    "关注公众号“公文素材”，获取更多范文",
    "免责声明：本站资料来源于网络，仅供学习参考",
    "扫码添加客服微信，领取完整版素材",
    "版权所有，转载请注明出处",
    # held out
    "声明：文章内容来自网络，版权归原作者所有，如有侵权请告知，我们将及时删除",
    "扫描下方二维码，即可获取完整版word文档",
    "点击下载完整版，可直接编辑使用",
    "本资料收集于网络，仅作交流学习之用",
    "微信搜索“材料之家”，每日分享精品材料",
]

PAGE_LINES = [
    "- {p} -", "第{p}页 共{q}页", "— {p} —",
    # held out
    "第 {p} 页 / 共 {q} 页", "Page {p} of {q}",
]

OTHER_TITLES = ["2023年党支部工作总结", "2024年工作计划范文", "优秀共产党员事迹材料", "安全生产月活动总结",
                "主题教育学习心得体会", "年度考核个人总结"]

SEPARATORS = ["blank", "none", "rule", "blank2"]


def pick(rng, pool, held):
    half = len(pool) // 2
    return rng.choice(pool[half:] if held else pool[:half])


def pick_split(rng, pool, split, held):
    return rng.choice(pool[split:] if held else pool[:split])


def chinese(n):
    return "一二三四五六七八九十"[n - 1]


class Writer:
    def __init__(self, rng, held):
        self.rng = rng
        self.held = held
        self.lines = []
        self.keep = []
        self.junk = []

    def fill(self, s, **kw):
        r = self.rng
        p = r.randint(2, 30)
        vals = dict(n=r.randint(12, 4800), m=r.randint(3, 60), p=p, q=p + r.randint(1, 20),
                    d=r.randint(10, 28), mo=r.randint(10, 12))
        vals.update(kw)
        return s.format(**vals)

    def content(self, line):
        self.lines.append(line)
        self.keep.append(line)

    def junk_line(self, line):
        self.lines.append(line)
        self.junk.append(line.strip())


def title_lines(w, title, label):
    """A report's title line, with the site's label (text, alone on its own line) before it."""
    if label and label[1]:
        w.junk_line(label[0])
        w.lines.append(title)
    elif label:
        w.lines.append(label[0] + title)
        w.junk.append(label[0].strip())
    else:
        w.lines.append(title)
    w.keep.append(title)


def separate(w, sep):
    """What stands between two reports: a blank line, two, a rule between blank lines, or
    nothing."""
    if sep == "blank":
        w.lines.append("")
    elif sep == "blank2":
        w.lines += ["", ""]
    elif sep == "rule":
        w.lines += ["", "——————————", ""]


def report(w, genre, topic, unit, year, label_form, n):
    r = w.rng
    name, titles, opening, closing = genre
    kw = dict(t=topic, u=unit, y=year, y2=str(int(year) + 1))
    title = w.fill(r.choice(titles), **kw)
    label = None
    if label_form:
        label = w.fill(label_form, c=chinese(n), d=str(n))
    heading_line = (label or "") + title
    w.lines.append(heading_line)
    if label:
        w.junk.append(label.strip())
    w.keep.append(title)
    for line in opening:
        w.content(w.fill(line, **kw))
    family = r.choice(["chinese", "chinese", "diyi", "shouxian", "circled", "halfparen", "yishi", "none"])
    if name == "心得体会":
        family = r.choice(["none", "diyi", "shouxian"])
    sections = r.randint(2, 4)
    heads = r.sample(HEAD_WORDS, sections)
    page_junk = r.random() < 0.25
    markers = []
    for i in range(sections):
        if family in ("chinese",):
            w.content(HEADINGS["chinese"](i) + heads[i])
            markers.append(HEADINGS["chinese"](i))
            if r.random() < 0.5:
                w.content(HEADINGS["paren"](0) + r.choice(HEAD_WORDS)[:8] + "。" + w.fill(r.choice(SENTENCES), t=topic))
                markers.append(HEADINGS["paren"](0))
        for k in range(r.randint(1, 3)):
            s = w.fill(r.choice(SENTENCES), t=topic)
            if k == 0 and family in ("diyi", "shouxian", "circled", "halfparen", "yishi"):
                lead = HEADINGS[family](i)
                s = lead + heads[i] + ("。" if family != "yishi" else "，") + s
                markers.append(lead if family != "yishi" else lead)
            w.content(s)
        if r.random() < 0.3:
            w.content(w.fill(r.choice(TRAPS), t=topic))
        if page_junk and i == 0:
            w.junk_line(w.fill(pick(r, PAGE_LINES, w.held)))
    for line in closing:
        w.content(w.fill(line, **kw))
    return {"title": title, "label": label.strip() if label else None, "markers": markers}


def compilation(number, held):
    rng = random.Random(1400 + number)
    w = Writer(rng, held)
    year = rng.choice(YEARS)
    k = rng.randint(3, 6)
    genres = rng.sample(GENRES, k)
    names = "、".join(g[0] for g in genres[:3])
    w.lines.append(f"{year}年{names}等材料汇编（{k}篇）")
    if rng.random() < 0.6:
        w.junk_line(w.fill(pick(rng, META, held), y=year))
    w.lines.append("")
    # A site labels all the reports of a compilation alike, or none.
    label_form = pick_split(rng, LABELS, 7, held)[0] if rng.random() < 0.7 else None
    sep = rng.choice(SEPARATORS)
    reports = []
    for n, genre in enumerate(genres, 1):
        if n > 1:
            separate(w, sep)
        unit = rng.choice(UNITS)
        topic = rng.choice(TOPICS)
        reports.append(report(w, genre, topic, unit, year, label_form, n))
        if rng.random() < 0.3:
            w.junk_line(w.fill(pick(rng, ADVERTS, held)))
        if n == k and rng.random() < 0.7:
            w.junk_line(w.fill(pick(rng, PAYWALL, held)))
    return close(w, reports, NAV_HEADS, OTHER_TITLES, ADVERTS, 0.4)


def close(w, reports, navs, titles, last_lines, last_chance):
    """The site's navigation and a last junk line after the reports; the text and manifest."""
    rng, held = w.rng, w.held
    if rng.random() < 0.7:
        w.lines.append("")
        others = rng.sample(titles, 3)
        for line in pick(rng, navs, held):
            w.junk_line(line.format(o1=others[0], o2=others[1], o3=others[2]))
    if rng.random() < last_chance:
        w.junk_line(w.fill(pick(rng, last_lines, held)))
    text = "\n".join(w.lines) + "\n"
    manifest = {"held_out": held, "reports": reports, "junk": w.junk, "keep": w.keep}
    return text, manifest


def write(out, numbers, make):
    """Writes NN.txt and NN.json for each number; those 2 mod 3 are held out."""
    out.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        held = number % 3 == 2
        text, manifest = make(number, held)
        (out / f"{number:02}.txt").write_text(text, encoding="utf-8")
        (out / f"{number:02}.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main():
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/genres"), range(36), compilation)


if __name__ == "__main__":
    main()
