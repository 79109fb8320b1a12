#!/usr/bin/env python3
"""Writes the third part of the differential corpus of issue 14 (tests/fixtures/genres,
files 55..87), in the manifest format of scripts/gen_genre_corpus.py:

    scripts/gen_genre_corpus_c.py tests/fixtures/genres

It is written for the classes the first two parts leave open, each in forms of its own,
several in every file:
- a site's numbering of its reports in any shape: any short word or a bare code, then an
  ordinal in any numeral system (Chinese, 壹贰叁, ASCII, fullwidth or zero-padded digits,
  circled digits, Roman numerals), then any separator or bracket; on the title's line or
  alone on the line before it, the only thing between two reports;
- printed-page headers and footers in new shapes: a number between other decorations, a
  page phrase of other words, and a running header (the compilation's name, a unit's) that
  repeats on every page with the page number beside it;
- a site's brand written into the author's sentences, learned only from the file's own
  adverts, which name it in quotes, after a channel word or in a signature;
- the author's sentences that mention 公众号, 微信, 网站, 扫码, 客户端, 会员 in a
  government context (a unit opening its own public account): they must stay;
- list markers with spaces, full-width spaces or a tab after them.

Files whose number is 2 mod 3 (56, 59, …) are held out: they draw only on the second half of
every pool of junk, label, page, advert and marker-spacing forms. Deterministic: the same
command writes the same files.
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_genre_corpus as first  # noqa: E402

FIRST = 55
COUNT = 33

UNITS = ["柳溪镇", "红石街道", "望江区", "云岭县", "市商务局", "县林业局", "新村社区", "区财政局",
         "县医保局", "枫桥乡", "市统计局", "县自然资源局", "市城管局", "县审计局"]
TOPICS = ["森林防火", "基层减负", "城乡融合", "医保基金监管", "统计造假治理", "老旧小区改造",
          "文旅融合", "园区建设", "矛盾纠纷化解", "耕地保护", "校园安全", "电商助农"]
NAMES = ["孙立平", "周海燕", "吴建军", "郑丽华", "冯志远", "何春梅", "马国庆"]
POSTS = ["区委书记", "镇长", "局党组书记", "副区长", "主任", "乡党委书记"]

CN = "一二三四五六七八九十"
CAPS = "壹贰叁肆伍陆柒捌玖拾"
ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ"]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
FULL = "０１２３４５６７８９"

SENTENCES = [
    "全年完成造林绿化{m}千亩，森林覆盖率提高到{p}%。",
    "围绕{t}重点任务，我们建立工作台账{m}本，明确责任人{n}名。",
    "累计化解各类矛盾纠纷{n}件，化解率达到{p}%。",
    "争取上级资金{n}万元，带动社会投资{m}亿元。",
    "组织开展“回头看”{m}轮，发现问题{n}个，已全部整改到位。",
    "针对{t}中的薄弱环节，出台配套制度{m}项，堵塞管理漏洞。",
    "全区{m}个部门联合发力，{t}工作实现从“各自为战”到“握指成拳”的转变。",
    "党员干部带头攻坚，{t}工作综合排名由全市第{m}位跃升至第{p}位。",
    "建成示范点{m}个，辐射带动周边{n}户群众增收。",
    "坚持“一月一研判、一季一通报”，推动{t}工作常态长效。",
    "通过蹲点调研、座谈交流等方式，梳理形成问题清单{m}条。",
    "严格落实“首问负责”制度，群众办事平均时长缩短{p}%。",
]

# The author's lines that mention the words adverts and site lines use, in a government
# context: they must stay. {u} a unit.
TRAPS = [
    "我局开通“{u}发布”微信公众号，全年推送政务信息{n}条。",
    "通过政府网站、微信公众号等渠道公开征求意见，收到建议{m}条。",
    "群众扫码关注“{u}”公众号，即可在线办理{m}项便民业务。",
    "建成“互联网+政务服务”平台，群众点击即可查询办件进度。",
    "全镇{m}个村全部建立微信工作群，政策信息当天传达到户。",
    "门户网站累计访问量突破{n}万人次，留言办结率100%。",
    "全面推行“扫码亮证”执法，检查过程全程留痕可追溯。",
    "在县融媒体中心客户端开设专栏，累计下载量达{n}次。",
    "行业协会新增会员单位{m}家，服务企业能力不断增强。",
    "依托“{u}之声”公众号发布政策解读{m}篇，阅读量超过{n}次。",
    "设立意见箱和微信举报平台，收到群众反映问题{m}个。",
    "利用短视频、公众号等新媒体开展宣传，覆盖群众{n}万人次。",
    "下一步，我们将关注群众反映强烈的问题，持续推进整改落实。",
    "编印《{t}政策汇编》{n}册，免费发放到村（社区）。",
    "点击率和转发量明显提升，正面舆论引导作用进一步发挥。",
    "严禁在微信群、朋友圈转发涉密信息，全年开展保密教育{m}次。",
    # A call to action and a channel, in the unit's own voice.
    "欢迎广大群众扫码关注“{u}发布”微信公众号，及时了解政策动态。",
    "群众可通过微信搜索“{u}政务”小程序，在线预约办理{m}项业务。",
    "请各单位于5月底前关注“{u}组工”公众号，组织干部职工参加线上学习。",
    "扫描二维码即可下载“{u}通”客户端，注册用户突破{n}万人。",
    "点击“我要办”即可进入办事页面，全程网办事项达到{m}项。",
    "企业可登录{u}门户网站，点击“惠企政策”栏目免费下载申报表格。",
]

HEADS = ["压实工作责任，凝聚攻坚合力", "聚焦短板弱项，精准靶向发力", "创新体制机制，增强发展动能",
         "强化要素保障，夯实发展基础", "坚持群众路线，提升服务质效", "严格督导考核，确保落地见效",
         "深化作风建设，营造干事氛围", "守牢安全底线，维护大局稳定"]

PROBLEMS = ["在政治理论学习方面", "在履职尽责方面", "在服务群众方面", "在作风建设方面",
            "在廉洁自律方面"]

# A site's numbering before a title: (template, alone on its line). {c} Chinese, {k} 壹贰叁,
# {d} digit, {z} two digits zero-padded, {f} fullwidth digit, {o} circled, {r} Roman.
LABELS = [
    ("文档{z} | ", False), ("〖样稿{c}〗", False), ("Doc.{d} ", False), ("选编{o}", True),
    ("#{z} ", False), ("范例-{d}", True), ("【{z}】", False), ("篇目{k}：", False),
    ("[文{c}]", True), ("案例{r}．", False), ("精选 {d}/", False),
    # held out
    ("样本{f}》", False), ("「{d}」", False), ("A{z} ", False), ("参阅件之{c}", True),
    ("文例{o}、", False), ("T{d}-", False), ("第{k}篇>", True), ("稿件No.{z}｜", False),
    ("《文{r}》", False), ("素材包{d}——", False), ("〔{z}〕", True),
]

# Printed pages: a page number, a page phrase or a running header that repeats with the page
# number. {p} this page, {q} the pages, {h} the running header's words.
PAGES = [
    "·{p}·", "第{p}页（共{q}页）", "[ {p} ]", "{h}  第{p}页", "P{p}", "页码：{p}", "{p}/{q}页",
    # held out
    "<{p}>", "— {p}/{q} —", "{h} · {p}", "第{p}页，总{q}页", "页 {p}", "【第{p}页】",
    "{h}\t- {p} -",
]
HEADERS = ["{y}年度材料汇编", "{u}工作资料选编", "内部资料 注意保存", "公文写作参考"]

# Adverts that name the brand ({b}) a site then writes into sentences.
ADVERTS = [
    "更多精品公文，微信搜索「{b}」一键获取",
    "关注“{b}”，后台回复“材料”领取{m}篇范文合集",
    "——本文由{b}整理，转载请联系授权——",
    "想看更多同类材料？认准{b}，每日更新",
    "{b}｜专注公文写作 欢迎订阅",
    # held out
    "需要Word版的朋友，请关注微信公众号“{b}”免费领取",
    "扫码进入{b}小程序，海量范文随心看",
    "本文来自「{b}」，更多材料请点击主页",
    "觉得有用就关注{b}吧，每天分享公文干货",
    "{b}出品，原创不易，转载请注明出处",
]
BRAND_HEADS = ["墨韵", "青禾", "拾光", "云笺", "知行", "听雨", "半亩", "素笺", "竹影", "星火"]
BRAND_TAILS = ["文苑", "笔记", "书斋", "写作社", "小站", "笔谈", "研习社", "文汇"]

PAYWALL = [
    "（本文剩余约{m}00字，成为会员后即可查看）",
    "……余下内容需解锁后阅读……",
    "【温馨提示】完整版共{q}页，下载后可查看全部内容",
    # held out
    "未完待续，开通VIP可阅读全文",
    "本篇仅展示前{p}段，全文请购买后下载",
    "试读部分到此结束，余下{m}00字请付费查看",
]

META = [
    "来源：本站整理　作者：{b}编辑部　发布时间：{y}-0{mo}-{d}",
    "发布日期：{y}年{mo}月{d}日　　浏览量：{n}",
    # held out
    "作者：{b} | 时间：{y}/{mo}/{d} | 阅读量：{n}",
    "上传时间：{y}-0{mo}-{d}　下载次数：{m}　文档大小：{p}KB",
]

NAVS = [
    ["上一篇：{o1}", "下一篇：{o2}"],
    ["相关推荐", "{o1}", "{o2}", "{o3}"],
    # held out
    ["猜你喜欢", "{o1}", "{o2}"],
    ["标签：讲话稿 述职报告 心得体会", "下一篇：{o2}"],
]

OTHER_TITLES = ["2024年机关党建工作总结", "在全市优化营商环境大会上的讲话", "县直机关干部年度述职报告",
                "主题教育专题民主生活会对照检查材料", "学习贯彻全会精神心得体会", "2025年工作要点"]

# Marker families. Each gives the marker of section i; `own_line`: the marker opens a
# heading of its own line (else it opens a paragraph).
FAMILIES = {
    "chinese": (lambda i: CN[i] + "、", True),
    "paren": (lambda i: "（" + CN[i] + "）", True),
    "digit": (lambda i: f"{i + 1}.", True),
    "digit_dun": (lambda i: f"{i + 1}、", False),
    "circled": (lambda i: CIRCLED[i], False),
    "half_paren": (lambda i: f"{i + 1}）", False),
    "yishi": (lambda i: CN[i] + "是", False),
    "sequence": (lambda i: "第" + CN[i] + "，", False),
}
# What may follow a marker before the heading's words: nothing, or odd whitespace.
GAPS = ["", "", " ", "\u3000",
        # held out
        "\t", "  ", "\u3000\u3000", " \u3000"]


def pick(rng, pool, held):
    return first.pick(rng, pool, held)


class Writer(first.Writer):
    def fill(self, s, **kw):
        r = self.rng
        p = r.randint(2, 30)
        vals = dict(n=r.randint(12, 4800), m=r.randint(3, 60), p=p, q=p + r.randint(1, 20),
                    d=r.randint(10, 28), mo=r.randint(1, 9), y="2024")
        vals.update(kw)
        return s.format(**vals)

    def sentence(self, topic):
        """A sentence of the author's; with a brand, sometimes with the brand written into
        it, which cleaning must take out (the manifest keeps the sentence without it)."""
        s = self.fill(self.rng.choice(SENTENCES), t=topic)
        brand = getattr(self, "brand", None)
        if brand and self.rng.random() < 0.2:
            # Right before a comma or the full stop, or after the first comma.
            cuts = [i for i, c in enumerate(s) if c in "，。"]
            at = self.rng.choice(cuts)
            if self.rng.random() < 0.5 and s[at] == "，":
                at += 1
            self.lines.append(s[:at] + brand + s[at:])
            self.keep.append(s)
            self.injected = True
            return
        self.content(s)

    def body(self, topic, unit, k):
        for _ in range(k):
            self.sentence(topic)
        if self.rng.random() < 0.45:
            self.content(self.fill(self.rng.choice(TRAPS), t=topic, u=unit))

    def page_line(self):
        """A printed page's header or footer, the same shape every time in a file."""
        if not hasattr(self, "page_form"):
            return
        self.page += self.rng.randint(1, 2)
        line = self.page_form.format(p=self.page, q=self.pages, h=self.header)
        self.lines.append(line)
        self.junk.append(line.strip())


def heading(w, topic, unit, family, i, gap, markers):
    lead, own = FAMILIES[family]
    lead = lead(i)
    head = w.rng.choice(HEADS)
    if own:
        w.content(lead + gap + head)
    else:
        w.content(lead + gap + head + "。" + w.fill(w.rng.choice(SENTENCES), t=topic))
    markers.append(lead)
    w.body(topic, unit, w.rng.randint(1, 2))


# The genres: each returns (title, opening lines, closing lines, marker family or None).
def work_report(w, unit, topic):
    title = w.rng.choice([f"{unit}2024年工作总结和2025年工作打算", f"{unit}2024年{topic}工作总结"])
    return title, [f"2024年，{unit}在上级的坚强领导下，团结奋进、攻坚克难，各项工作取得新成效。"], \
        [f"{unit}", "2024年12月20日"], w.rng.choice(["chinese", "digit", "circled"])


def duty(w, unit, topic):
    name = w.rng.choice(NAMES)
    title = w.rng.choice([f"{name}同志2024年度述职述廉报告", "2024年度个人述责述廉报告",
                          f"{unit}主要负责人述职报告"])
    return title, [f"述职人：{name}", "按照年度考核工作安排，现将本人履职情况报告如下。"], \
        ["以上报告，不妥之处请批评指正。"], w.rng.choice(["chinese", "yishi", "half_paren"])


def speech(w, unit, topic):
    name, post = w.rng.choice(NAMES), w.rng.choice(POSTS)
    title = w.rng.choice([f"在{unit}{topic}工作推进会上的讲话", f"{name}在全区{topic}动员大会上的讲话",
                          f"在{topic}工作调度会上的讲话提纲"])
    under = [f"{post}　{name}", w.fill("（{y}年{mo}月{d}日）")]
    if w.rng.random() < 0.5:
        under.reverse()
    return title, under + ["同志们：", f"这次会议的主要任务是部署{topic}工作，我讲三点意见。"], \
        ["同志们，任务艰巨、使命光荣，让我们以实干实绩交出满意答卷！"], \
        w.rng.choice(["sequence", "chinese", "yishi"])


def plan(w, unit, topic):
    title = w.rng.choice([f"{unit}{topic}三年行动实施方案", f"{unit}2025年{topic}工作要点"])
    return title, [f"为扎实推进{topic}工作，结合{unit}实际，制定本方案。"], [], \
        w.rng.choice(["chinese", "paren", "digit_dun"])


def survey(w, unit, topic):
    title = w.rng.choice([f"关于{unit}{topic}情况的调研报告", f"关于{topic}工作的调查与思考"])
    return title, [f"今年以来，调研组深入{unit}{w.fill('{m}')}个村（社区）开展专题调研，现将调研情况报告如下。"], \
        ["（调研组成员：XXX、XXX）"], w.rng.choice(["chinese", "digit"])


def insight(w, unit, topic):
    title = w.rng.choice([f"学习{topic}专题培训心得体会", f"在{unit}理论学习中心组{topic}专题研讨会上的发言"])
    return title, ["近期，按照学习安排，我认真研读了相关文件，现将学习体会交流如下。"], \
        ["以上是我的一点粗浅体会，不当之处请批评指正。"], w.rng.choice([None, None, "sequence"])


def check(w, unit, topic):
    title = w.rng.choice(["2024年度民主生活会个人对照检查材料", f"{topic}专题组织生活会个人检视剖析材料"])
    return title, ["根据会议安排，我深入查摆问题、剖析根源，现报告如下。"], \
        ["以上对照检查，请同志们批评帮助。"], "problems"


def briefing(w, unit, topic):
    title = w.rng.choice([f"{unit}关于{topic}工作情况的汇报", f"关于{unit}{topic}有关情况的报告"])
    return title, ["尊敬的各位领导：", f"现将{unit}{topic}工作开展情况汇报如下。"], \
        ["以上汇报，请予审议。"], w.rng.choice(["chinese", "paren", "circled"])


GENRES = [work_report, duty, speech, plan, survey, insight, check, briefing]


def write_report(w, genre, unit, topic, label, gap):
    r = w.rng
    title, opening, closing, family = genre(w, unit, topic)
    markers = []
    first.title_lines(w, title, label)
    for line in opening:
        w.content(line)
    if family == "problems":
        w.content("一、" + gap + "存在的主要问题")
        markers.append("一、")
        for i, p in enumerate(r.sample(PROBLEMS, 3)):
            lead = "（" + CN[i] + "）"
            w.content(lead + gap + p + "。" + w.fill(r.choice(SENTENCES), t=topic))
            markers.append(lead)
        w.page_line()
        w.content("二、" + gap + "原因剖析")
        markers.append("二、")
        w.body(topic, unit, 2)
        w.content("三、" + gap + "整改措施")
        markers.append("三、")
        for i in range(3):
            heading(w, topic, unit, "half_paren", i, gap, markers)
    elif family is None:
        w.body(topic, unit, r.randint(4, 6))
        w.page_line()
    else:
        count = r.randint(2, 4)
        for i in range(count):
            heading(w, topic, unit, family, i, gap, markers)
            if i == 0:
                w.page_line()
    for line in closing:
        w.content(line)
    return {"title": title, "label": label[0].strip() if label else None, "markers": markers}


def label_text(form, n):
    return form.format(c=CN[n - 1], k=CAPS[n - 1], d=n, z=f"{n:02}", f=FULL[n],
                       o=CIRCLED[n - 1], r=ROMAN[n - 1])


def compilation(number, held):
    rng = random.Random(1455 + number)
    w = Writer(rng, held)
    unit0 = rng.choice(UNITS)
    k = rng.randint(3, 5)
    genres = rng.sample(GENRES, k)
    brand = None
    if rng.random() < 0.6:
        brand = rng.choice(BRAND_HEADS) + rng.choice(BRAND_TAILS)
    w.brand = brand
    w.injected = False
    w.lines.append(rng.choice([f"2024年{unit0}各类材料汇编", f"讲话、述职、心得体会等范文合集（{k}篇）",
                               "年终材料选编"]))
    if rng.random() < 0.6:
        w.junk_line(w.fill(pick(rng, META, held), b=brand or "小编"))
    w.lines.append("")
    if rng.random() < 0.5:
        w.page_form = pick(rng, PAGES, held)
        w.header = w.fill(rng.choice(HEADERS), u=unit0)
        w.page = rng.randint(1, 5)
        w.pages = w.page + 30
    form = pick(rng, LABELS, held) if rng.random() < 0.75 else None
    # A label alone on its line may be all that stands between two reports.
    sep = rng.choice(["blank", "none", "blank2"]) if not (form and form[1]) else \
        rng.choice(["none", "none", "blank"])
    gap = pick(rng, GAPS, held)
    adverts = list(ADVERTS[5:] if held else ADVERTS[:5])
    rng.shuffle(adverts)
    reports = []
    for n, genre in enumerate(genres, 1):
        if n > 1:
            first.separate(w, sep)
        label = (label_text(form[0], n), form[1]) if form else None
        unit, topic = rng.choice(UNITS), rng.choice(TOPICS)
        reports.append(write_report(w, genre, unit, topic, label, gap))
        if brand and (n <= 2 or rng.random() < 0.4):
            w.junk_line(w.fill(adverts.pop(), b=brand))
        if n == k and rng.random() < 0.6:
            w.junk_line(w.fill(pick(rng, PAYWALL, held)))
    if brand and w.injected:
        w.junk.append(brand)
    return first.close(w, reports, NAVS, OTHER_TITLES, [], 0.0)


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/genres")
    first.write(out, range(FIRST, FIRST + COUNT), compilation)


if __name__ == "__main__":
    main()
