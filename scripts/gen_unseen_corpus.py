#!/usr/bin/env python3
"""Writes the held-out corpus tests/fixtures/unseen/NN.txt + NN.json (scored by tests/unseen.rs).

The compilations imitate what material sites (范文网, 文库, 公文写作站, 公众号 reposts) make of
work reports: a compilation title, an often empty 目录, site numbering labels, metadata lines,
page headers and footers, paywall and truncation notices, adverts, "扫码获取完整版" lines,
copyright notices, a brand word injected into sentences, 党 masked as D, and a list of related
articles at the end. Every site, label form and junk line here is invented for this corpus and
kept apart from the team's own genre corpus, so the score on it is a held-out score.

Each manifest says what a correct split and cleaning give:
  reports[].title/label  what qinggao::label::label_and_title returns for each report found;
  reports[].markers      the paragraph-initial list markers of the report, in order, as written
                         (inline "一是" inside a paragraph is not listed);
  junk[]                 strings that must not survive cleaning;
  keep[]                 whole lines (trimmed) that must be in the cleaned text byte for byte.

Run: python3 scripts/gen_unseen_corpus.py [OUT_DIR]   (fixed seed: the output is reproducible)
The traditional-character file needs opencc-python-reimplemented (pip, Apache-2.0).
"""

import json
import os
import random
import sys

SEED = 20261207
R = random.Random(SEED)

CN = "零一二三四五六七八九十"


def cn(n):
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
PAREN_DIGIT = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"
FW_DIGIT = "０１２３４５６７８９"
FW_LETTER = "ＡＢＣＤＥＦＧＨ"


def fw(n):
    return "".join(FW_DIGIT[int(c)] for c in str(n))


# Marker styles: a function of the item number giving the marker as written.
STYLES = {
    "cn": lambda i: cn(i) + "、",
    "pcn": lambda i: "（" + cn(i) + "）",
    "pcn_half": lambda i: "(" + cn(i) + ")",
    "dot": lambda i: f"{i}.",
    "dun": lambda i: f"{i}、",
    "fwdot": lambda i: fw(i) + "．",
    "par": lambda i: f"（{i}）",
    "par_half": lambda i: f"({i})",
    "rpar": lambda i: f"{i}）",
    "pdig": lambda i: PAREN_DIGIT[i - 1],
    "circ": lambda i: CIRCLED[i - 1],
    "fwletter": lambda i: FW_LETTER[i - 1] + "．",
    "letter": lambda i: "ABCDEFGH"[i - 1] + ".",
    "shi": lambda i: cn(i) + "是",
    "yao": lambda i: cn(i) + "要",
    "zhua": lambda i: cn(i) + "抓",
    "di": lambda i: "第" + cn(i) + "，",
    "seq": lambda i: ["首先，", "其次，", "再次，", "最后，"][i - 1],
    "zhang": lambda i: "第" + cn(i) + "章",
    "jie": lambda i: "第" + cn(i) + "节",
    "bufen": lambda i: "第" + cn(i) + "部分",
}

PLACES = ["清溪县", "桐江区", "云岭镇", "柳塘街道", "石门乡", "鹤山市", "澄湖区", "梅岭县",
          "白沙镇", "东湖街道", "青川县", "临江区", "栖霞湾镇", "龙泉乡", "松阳县", "枫林街道"]
UNITS = ["县应急管理局", "区市场监督管理局", "县委组织部", "县税务局", "区人力资源和社会保障局",
         "县自然资源局", "县医疗保障局", "区教育体育局", "县农业农村局", "区住房和城乡建设局",
         "县卫生健康委员会", "市生态环境局分局", "县数据资源管理局", "区退役军人事务局"]
FIELDS = ["安全生产", "乡村振兴", "营商环境", "基层治理", "生态环境保护", "民生保障", "招商引资",
          "文明城市创建", "耕地保护", "城市更新", "医疗保障", "就业创业", "防汛抗旱", "信访维稳",
          "数字政府建设", "养老服务", "食品安全", "河湖长制"]

HEAD_PAIRS = [
    "提高政治站位，压实工作责任", "坚持问题导向，补齐短板弱项", "强化统筹协调，形成工作合力",
    "创新方式方法，提升工作质效", "加强队伍建设，夯实基层基础", "严格督查考核，确保取得实效",
    "聚焦主责主业，推动提质增效", "突出民生导向，增进群众福祉", "深化改革创新，激发发展活力",
    "守牢安全底线，维护大局稳定", "坚持党建引领，凝聚发展合力", "优化服务供给，打造一流环境",
    "狠抓项目建设，增强发展后劲", "注重源头治理，化解矛盾纠纷", "强化要素保障，服务企业发展",
    "坚持规划先行，科学有序推进", "突出示范带动，打造特色亮点", "完善制度机制，推动常态长效",
]
HEAD_SHORT = {
    "summary": ["主要工作及成效", "存在的问题和不足", "下一步工作打算"],
    "shuzhi": ["加强理论学习，提升履职能力", "聚焦中心工作，认真履职尽责", "严守纪律规矩，坚持廉洁自律",
               "存在的不足和今后努力方向"],
    "fangan": ["总体要求", "工作目标", "重点任务", "保障措施"],
    "diaoyan": ["基本情况", "存在的主要问题", "对策建议"],
    "duizhao": ["存在的主要问题", "问题产生的原因", "下一步整改措施"],
    "huibao": ["基本情况", "主要做法", "存在的困难", "下一步打算"],
}


def num(lo, hi):
    return R.randint(lo, hi)


def fill(t, ctx):
    d = dict(ctx)
    d.update(a=num(3, 60), b=num(100, 4000), c=num(12, 98), e=num(2, 30), g=round(R.uniform(1.2, 48.5), 1),
             m=num(1, 12), y=ctx["y"])
    return t.format(**d)


# Body sentences. {f} field, {p} place, {u} unit, numbers {a} {b} {c} {e} {g}.
ACHIEVE = [
    "全年累计投入资金{g}亿元，实施{f}重点项目{a}个，完成年度目标任务的{c}%。",
    "全{lvl}{a}个村（社区）全部建立{f}工作站，配备专兼职工作人员{b}名。",
    "组织开展专项检查{a}轮次，排查各类问题隐患{b}处，已整改到位{c}%。",
    "通过召开座谈会、入户走访等方式，广泛听取意见建议{b}条，已办结{a}条。",
    "建立健全{f}工作责任清单，明确责任单位{a}个、责任人{b}名。",
    "与去年同期相比，主要指标增长{c}%，{f}工作取得阶段性成效。",
    "全年共召开专题会议{a}次，研究解决重点难点问题{e}个。",
    "争取上级专项资金{g}亿元，同比增长{c}%，为各项工作开展提供了有力保障。",
    "新建和改造{f}服务站点{a}个，惠及群众{b}户、{g}万人。",
    "群众满意度测评得分{c}.{e}分，较上年提高{e}个百分点。",
    "{y}年以来，共受理群众诉求{b}件，按期办结率达到{c}%。",
    "累计培训各类人员{b}人次，编印工作手册{a}期，基层干部业务能力明显提升。",
]
PRACTICE = [
    "我们坚持以人民为中心的发展思想，把{f}工作摆在突出位置，推动各项任务落地见效。",
    "针对群众反映强烈的突出问题，逐项建立台账，实行销号管理，做到件件有着落、事事有回音。",
    "坚持月调度、季通报、年考核，对工作推进缓慢的单位及时约谈提醒，形成了一级抓一级、层层抓落实的工作格局。",
    "主动对接上级部门，积极争取政策支持，推动{f}工作由被动应对向主动作为转变。",
    "充分发挥基层党组织战斗堡垒作用和党员先锋模范作用，带动广大群众积极参与。",
    "坚持把{f}工作与中心工作同部署、同推进、同考核，确保工作不断档、不脱节。",
    "建立部门联席会议制度，定期会商研判，协调解决跨部门、跨领域的难点问题。",
    "坚持典型引路，总结推广了一批可复制、可推广的经验做法，形成了比学赶超的良好氛围。",
    "依托网格化管理平台，推动力量下沉、服务下沉、资源下沉，打通服务群众“最后一公里”。",
    "深入学习贯彻党的二十大精神，切实把思想和行动统一到上级决策部署上来。",
]
PROBLEM = [
    "部分单位对{f}工作的重要性认识不足，存在“上热中温下冷”的现象。",
    "工作推进不平衡，个别村（社区）基础薄弱，工作成效与群众期盼还有一定差距。",
    "专业人才相对缺乏，基层工作力量较为薄弱，一人多岗、兼职过多的问题比较突出。",
    "资金投入渠道单一，主要依靠财政投入，社会资本参与的积极性还不够高。",
    "长效机制还不够健全，有的工作满足于完成任务，常态化、制度化水平有待提升。",
    "信息化建设相对滞后，部门之间数据共享不够，“信息孤岛”问题仍然存在。",
]
MEASURE = [
    "下一步，我们将进一步加大工作力度，推动{f}工作再上新台阶。",
    "持续完善考核评价办法，把考核结果与评先评优、干部使用挂钩，充分调动各方面积极性。",
    "加强与先进地区的交流学习，借鉴好经验、好做法，不断提升工作的科学化、规范化水平。",
    "坚持问题导向，建立问题清单、责任清单和整改清单，确保问题整改到位、群众满意。",
    "加大宣传引导力度，充分利用各类媒体平台，营造全社会共同关心支持{f}工作的良好氛围。",
    "强化资金保障，整合各类涉农资金，优先保障重点项目建设需要。",
]
SELF = [
    "本人始终把政治建设摆在首位，认真学习党的创新理论，坚定拥护“两个确立”，坚决做到“两个维护”。",
    "坚持把学习作为提升能力的重要途径，全年参加理论学习中心组学习{a}次，撰写学习体会{e}篇。",
    "严格落实“一岗双责”，认真履行分管领域党风廉政建设责任，做到与业务工作同部署、同落实。",
    "自觉遵守中央八项规定及其实施细则精神，从未利用职务之便为本人或他人谋取私利。",
    "对照岗位职责，我深感自身在统筹谋划、攻坚克难方面还有不足，有时存在求稳怕乱的思想。",
    "深入基层调研{a}次，帮助解决实际困难{e}个，切实做到情况在一线掌握、问题在一线解决。",
    "在工作中有时满足于完成上级交办的任务，主动谋划、开拓创新的劲头还不够足。",
    "理论学习的系统性还不够强，有时以干代学，学用结合不够紧密。",
]
SPEECH = [
    "这次会议的主要任务是，总结回顾前一阶段{f}工作，分析当前形势，安排部署下一步重点任务。",
    "刚才，几位同志作了很好的发言，讲得都很实在，我都同意，请大家认真抓好落实。",
    "我们必须清醒地看到，当前{f}工作还面临不少困难和挑战，绝不能有丝毫松懈和麻痹思想。",
    "各级各部门要切实增强责任感和紧迫感，以更加扎实的作风把各项任务落到实处。",
    "抓落实关键在人、关键在干部，各级领导干部要带头深入一线，靠前指挥、现场解决问题。",
    "我们要坚持一张蓝图绘到底，一任接着一任干，以钉钉子精神推动工作落地见效。",
    "对工作中敷衍塞责、推诿扯皮、不作为慢作为的，要严肃追责问责，决不姑息。",
    "会后，各单位要迅速传达学习会议精神，结合实际细化工作措施，确保件件有落实、事事有回音。",
]
REFLECT = [
    "通过这次集中学习，我对新时代党的创新理论有了更加深刻的理解，思想上受到了深刻洗礼。",
    "学习是立身之本、履职之基，只有持续学、深入学，才能不断提高解决实际问题的能力。",
    "作为一名基层党员干部，必须始终把人民放在心中最高位置，把群众的急难愁盼当作工作的着力点。",
    "实践告诉我们，只有坚持理论联系实际，才能把学习成果转化为推动工作的实际成效。",
    "我将以此次学习为契机，进一步坚定理想信念，锤炼过硬作风，在本职岗位上作出新的更大贡献。",
    "调查研究是谋事之基、成事之道，没有调查就没有发言权，更没有决策权。",
]

# Lines that only mention words a junk rule might look for: the author's content.
TRAPS = [
    "全年门户网站浏览量同比增长{c}%，政务新媒体累计发布信息{b}条。",
    "新发展会员单位{a}家，行业协会会员总数达到{b}家。",
    "立足新起点，奋力书写{p}高质量发展的下一篇章。",
    "扎实开展版权保护工作，全年查处侵权盗版案件{e}起。",
    "城区移动扫码支付普及率达到{c}%，农贸市场实现电子支付全覆盖。",
    "资金来源：县级财政预算安排和上级专项补助资金。",
    "全年开展全民阅读活动{a}场，参与群众{b}人次。",
    "指导企业办理作品著作权登记和原创设计备案{a}件。",
    "群众扫码即可查看办理进度，“一次都不跑”事项占比达到{c}%。",
    "政务服务专栏全年点击量突破{a}万次，群众留言{b}条全部回复。",
    "开通政务微信公众号，关注人数达到{g}万人。",
    "组织辖区{b}名群众下载安装反诈预警应用，实现重点人群全覆盖。",
    "为重点企业开通VIP服务通道，提供“一对一”帮办代办服务。",
    "本方案自印发之日起施行，由{u}负责解释。",
]
# Placeholders a template leaves for the user to fill (cleaning leaves them as they are).
HOLES = [
    "全年完成固定资产投资XX亿元，同比增长X.X%，高于全市平均水平XX个百分点。",
    "××同志带头深入XX村开展蹲点调研，帮助解决群众急难愁盼问题XX个。",
    "于X月X日召开专题会议进行再动员、再部署，印发《XX县{f}工作任务清单》。",
    "全{lvl}XXX名干部职工参与志愿服务活动，累计服务时长XXXX小时。",
    "新增市场主体XX户，其中企业XX家、个体工商户XX户。",
]

# Genuine capital D (not a masked 党).
REAL_D = [
    "项目位于产业园区D栋，建筑面积{b}平方米，目前已完成主体结构封顶。",
    "为{a}个村卫生室配备PAD移动随访终端，实现健康档案实时更新。",
    "探索EOD模式推进流域综合治理，引入社会资本{g}亿元。",
    "排查鉴定D级危房{a}户，已全部纳入改造计划。",
]
# Sentences with 党 that sites commonly mask as D.
PARTY = [
    "深入学习贯彻党的二十大精神，坚决贯彻落实党中央决策部署。",
    "认真落实全面从严治党主体责任，推动党风廉政建设向纵深发展。",
    "充分发挥党组织战斗堡垒作用和党员先锋模范作用。",
    "坚持以党建引领基层治理，全{lvl}{a}个党支部全部达到标准化要求。",
    "扎实开展党纪学习教育，组织党员干部集中学习{e}次。",
    "严格落实“三会一课”制度，全年讲授专题党课{e}次。",
]


USED = set()  # sentence templates already used in the report being written


def sentences(pool, k, ctx):
    fresh = [s for s in pool if s not in USED]
    if len(fresh) < k:
        fresh = list(pool)
    picked = R.sample(fresh, min(k, len(fresh)))
    USED.update(picked)
    return "".join(fill(s, ctx) for s in picked)


class Report:
    def __init__(self, title, genre):
        self.title = title
        self.genre = genre
        self.label = None
        self.label_mode = None  # "inline" (before the title) or "line" (own line before it)
        self.paras = []  # dicts: text (as written), want (cleaned) or None for non-content
        self.markers = []
        self.no_title = False

    def add(self, text, marker=None, want=None, tail=False):
        """`tail` marks a fixed line (speaker, date, sign-off) that nothing is put after."""
        self.paras.append({"text": text, "want": text if want is None else want, "marker": marker,
                           "tail": tail})
        if marker:
            self.markers.append(marker)


def body(pool, ctx, lo=2, hi=3):
    return sentences(pool, R.randint(lo + 1, hi + 1), ctx)


def numbered(rep, style, n, heads, ctx, pools, run_in=True, start=1):
    """n numbered paragraphs of `style`, each a heading followed by body (run in or not)."""
    for i in range(n):
        mk = STYLES[style](start + i)
        head = heads[i % len(heads)]
        if run_in:
            rep.add(mk + head + "。" + body(R.choice(pools), ctx, 1, 3), marker=mk)
        else:
            rep.add(mk + head, marker=mk)
            rep.add(body(R.choice(pools), ctx, 2, 3))


def listed(rep, style, texts):
    """Paragraphs numbered 1, 2, 3… in `style`."""
    for j, text in enumerate(texts):
        mk = STYLES[style](j + 1)
        rep.add(mk + text, marker=mk)


def trap(ctx, genre=""):
    return fill(R.choice(traps_for(genre)), ctx)


def traps_for(genre):
    return [t for t in TRAPS if genre == "fangan" or "本方案" not in t]


def signoff(p):
    if p.endswith(("局", "部", "委员会", "分局")):
        return p
    if p.endswith("街道"):
        return p + "办事处"
    return p + "人民政府"


def start(title, genre, ctx):
    """A new report; a title naming a unit makes that unit the report's subject."""
    if ctx["u"] in title:
        ctx["p"] = ctx["u"]
    rep = Report(title, genre)
    rep.ctx = ctx
    return rep, ctx["p"]


def make_report(genre, ctx, scheme):
    """One report of `genre` with its list markers by `scheme` (a dict of styles by role)."""
    p, f, u, y = ctx["p"], ctx["f"], ctx["u"], ctx["y"]
    USED.clear()
    heads = R.sample(HEAD_PAIRS, 6)
    if genre == "summary":
        title = R.choice([f"{p}{y}年{f}工作总结", f"{u}{y}年工作总结及{y + 1}年工作打算",
                          f"{p}{y}年上半年{f}工作总结"])
        rep, p = start(title, genre, ctx)
        rep.add(f"{y}年，在上级党委、政府的坚强领导下，我们紧紧围绕年度目标任务，" + body(PRACTICE, ctx, 1, 2))
        top = scheme.get("top", "cn")
        names = HEAD_SHORT["summary"]
        if top == "none":
            for _ in range(R.randint(4, 6)):
                rep.add(body(ACHIEVE + PRACTICE, ctx, 2, 4))
            rep.add(trap(ctx, genre))
        else:
            rep.add(STYLES[top](1) + names[0], marker=STYLES[top](1))
            numbered(rep, scheme.get("sub", "pcn"), R.randint(2, 4), heads, ctx, [ACHIEVE, PRACTICE])
            rep.add(trap(ctx, genre))
            rep.add(STYLES[top](2) + names[1], marker=STYLES[top](2))
            if scheme.get("prob") == "inline":
                rep.add("主要表现在：一是" + fill(R.choice(PROBLEM[:3]), ctx).rstrip("。") + "；二是"
                        + fill(R.choice(PROBLEM[3:]), ctx))
            else:
                listed(rep, scheme.get("enum", "shi"), [fill(s, ctx) for s in R.sample(PROBLEM, 3)])
            rep.add(STYLES[top](3) + names[2], marker=STYLES[top](3))
            numbered(rep, scheme.get("third", "dot"), R.randint(2, 4), heads[3:] + heads, ctx, [MEASURE])
        if scheme.get("signoff", True):
            rep.add(signoff(p), tail=True)
            rep.add(f"{y + 1}年1月{num(3, 28)}日", tail=True)
        return rep
    if genre == "shuzhi":
        title = R.choice([f"{y}年度个人述职述廉报告", f"{u}副局长{y}年度述职报告",
                          f"{p}党委书记抓基层党建工作述职报告", f"{y}年度领导班子成员述职述责述廉报告"])
        rep, p = start(title, genre, ctx)
        if scheme.get("who_top"):
            rep.add("述职人：XXX", tail=True)
        rep.add(f"根据安排，现将本人{y}年度履职尽责和廉洁自律情况报告如下，请予评议。")
        top = scheme.get("top", "cn")
        names = HEAD_SHORT["shuzhi"]
        for i, name in enumerate(names):
            mk = STYLES[top](i + 1) if top != "none" else ""
            if mk:
                rep.add(mk + name, marker=mk)
            if i == 1 and scheme.get("enum"):
                listed(rep, scheme["enum"],
                       [heads[j] + "。" + body(ACHIEVE + PRACTICE, ctx, 1, 2) for j in range(3)])
            else:
                rep.add(body(SELF, ctx, 2, 3))
            if i == 2:
                rep.add(trap(ctx, genre))
        rep.add("以上报告，请各位领导和同志们批评指正。", tail=True)
        if not scheme.get("who_top"):
            rep.add("述职人：XXX", tail=True)
            rep.add(f"{y + 1}年1月{num(3, 28)}日", tail=True)
        return rep
    if genre == "speech":
        title = R.choice([f"在全县{f}工作会议上的讲话", f"在{p}{y}年{f}推进会上的讲话",
                          f"在{u}{y}年度工作会议上的讲话", f"在全区{f}工作部署会上的讲话提纲"])
        rep, p = start(title, genre, ctx)
        if scheme.get("speaker", True):
            if R.random() < 0.5:
                rep.add("XXX", tail=True)
            rep.add(f"（{y}年{num(2, 11)}月{num(1, 28)}日）", tail=True)
        rep.add(R.choice(["同志们：", "各位领导、同志们："]), tail=True)
        rep.add(body(SPEECH[:2], ctx, 1, 2) + body(SPEECH[2:], ctx, 1, 1))
        top = scheme.get("top", "cn")
        heads2 = ["统一思想，充分认清做好当前工作的重要意义", "突出重点，全力抓好各项目标任务落实",
                  "强化保障，确保各项工作落地见效"]
        for i in range(3):
            if top == "seq4" or top == "di":
                st = "seq" if top == "seq4" else "di"
                mk = STYLES[st](i + 1)
                rep.add(mk + heads2[i] + "。" + body(SPEECH, ctx, 2, 3), marker=mk)
                continue
            if top != "none":
                mk = STYLES[top](i + 1)
                rep.add(mk + heads2[i], marker=mk)
            if i == 1 and scheme.get("enum"):
                listed(rep, scheme["enum"],
                       [heads[j] + "。" + body(SPEECH + PRACTICE, ctx, 1, 2) for j in range(R.randint(2, 4))])
            else:
                rep.add(body(SPEECH, ctx, 2, 3))
        if top == "seq4":
            rep.add("最后，要强化督查问效。" + body(SPEECH, ctx, 1, 2), marker="最后，")
        rep.add(trap(ctx, genre))
        rep.add("同志们，任务艰巨，责任重大。让我们以更加饱满的热情、更加务实的作风，奋力开创工作新局面！", tail=True)
        if scheme.get("closing"):
            rep.add("最后，祝大家工作顺利、身体健康、阖家幸福！", tail=True)
        return rep
    if genre == "fangan":
        title = R.choice([f"{p}{f}三年行动实施方案", f"{u}{y}年工作要点", f"{p}{y}年{f}工作实施方案"])
        rep, p = start(title, genre, ctx)
        rep.add(f"为深入贯彻落实上级关于{f}工作的决策部署，结合{p}实际，制定本方案。")
        top = scheme.get("top", "cn")
        if top == "zhang":
            for i, name in enumerate(["总则", "主要任务", "组织保障"]):
                mk = STYLES["zhang"](i + 1)
                rep.add(mk + " " + name, marker=mk, want=mk + " " + name)
                if scheme.get("jie") and i == 1:
                    for j in range(2):
                        m2 = STYLES["jie"](j + 1)
                        rep.add(m2 + " " + heads[j].split("，")[0], marker=m2)
                        rep.add(body(MEASURE + PRACTICE, ctx, 2, 3))
                else:
                    rep.add(body(PRACTICE + MEASURE, ctx, 2, 3))
            rep.add(trap(ctx, genre))
            return rep
        names = HEAD_SHORT["fangan"]
        for i, name in enumerate(names):
            mk = STYLES[top](i + 1)
            rep.add(mk + name, marker=mk)
            if i == 2:
                sub = scheme.get("sub", "pcn")
                for j in range(R.randint(2, 3)):
                    m2 = STYLES[sub](j + 1)
                    rep.add(m2 + heads[j], marker=m2)
                    deep = scheme.get("deep")
                    if deep:
                        for k in range(2):
                            m3 = STYLES[deep](k + 1)
                            rep.add(m3 + heads[(j + k + 2) % 6].split("，")[1] + "。" + body(MEASURE, ctx, 1, 2), marker=m3)
                    else:
                        rep.add(body(MEASURE + PRACTICE, ctx, 2, 3))
            elif i == 1:
                rep.add(f"到{y + 2}年底，" + body(ACHIEVE, ctx, 1, 2))
            else:
                rep.add(body(PRACTICE + MEASURE, ctx, 1, 2))
        rep.add(trap(ctx, genre))
        return rep
    if genre == "diaoyan":
        title = R.choice([f"关于{p}{f}情况的调研报告", f"{p}{f}工作调研报告", f"关于推进{f}高质量发展的调研与思考"])
        rep, p = start(title, genre, ctx)
        rep.add(f"为深入了解{f}工作推进情况，调研组于{y}年{num(3, 10)}月深入{num(5, 30)}个村（社区）开展专题调研，现将有关情况报告如下。")
        top = scheme.get("top", "cn")
        names = HEAD_SHORT["diaoyan"]
        for i, name in enumerate(names):
            mk = STYLES[top](i + 1)
            rep.add(mk + name, marker=mk)
            if i == 0:
                rep.add(body(ACHIEVE, ctx, 2, 3))
                rep.add(trap(ctx, genre))
            elif i == 1:
                listed(rep, scheme.get("enum", "shi"), [fill(s, ctx) for s in R.sample(PROBLEM, 3)])
            else:
                listed(rep, scheme.get("sub", "pcn"),
                       [heads[j] + "。" + body(MEASURE, ctx, 1, 2) for j in range(3)])
        return rep
    if genre == "xinde":
        title = R.choice(["学习贯彻新时代中国特色社会主义思想主题教育心得体会", "专题读书班学习研讨发言材料",
                          f"赴外地学习考察{f}工作的心得体会", "党纪学习教育交流研讨发言",
                          f"{y}年度青年干部培训班学习心得", "参加县委党校中青年干部培训班学习体会",
                          "“以学促干”专题学习交流发言材料"])
        if scheme.get("colon_title"):
            title = "专题研讨发言：以务实作风推动" + f + "工作提质增效"
        rep, p = start(title, genre, ctx)
        rep.add(body(REFLECT, ctx, 2, 2))
        top = scheme.get("top", "none")
        if top == "none":
            for _ in range(R.randint(3, 5)):
                rep.add(body(REFLECT + SELF, ctx, 2, 3))
        else:
            heads3 = ["要在学思践悟中坚定理想信念", "要在真抓实干中践行初心使命", "要在严守纪律中锤炼过硬作风"]
            for i in range(3):
                mk = STYLES[top](i + 1)
                rep.add(mk + heads3[i] + "。" + body(REFLECT + SELF, ctx, 2, 3), marker=mk)
        rep.add(trap(ctx, genre))
        return rep
    if genre == "duizhao":
        title = R.choice([f"{y}年度民主生活会个人对照检查材料", "专题组织生活会个人剖析材料",
                          f"{y}年度专题民主生活会班子对照检查材料", f"{u}党组{y}年度民主生活会对照检查材料",
                          f"巡察整改专题民主生活会个人发言提纲", f"{p}党委班子成员个人对照检查材料"])
        rep, p = start(title, genre, ctx)
        rep.add("按照会议要求，我认真对照检查，深入查摆问题，剖析根源，明确整改方向，现将有关情况报告如下。")
        top = scheme.get("top", "cn")
        names = HEAD_SHORT["duizhao"]
        for i, name in enumerate(names):
            mk = STYLES[top](i + 1)
            rep.add(mk + name, marker=mk)
            if i == 0:
                sub = scheme.get("sub", "pcn")
                aspects = ["在理论学习方面", "在担当作为方面", "在工作作风方面", "在廉洁自律方面"]
                listed(rep, sub, [aspects[j] + "。" + body(SELF[4:] + PROBLEM, ctx, 1, 2)
                                  for j in range(R.randint(2, 4))])
            elif i == 1:
                rep.add(body(SELF[4:], ctx, 2, 2))
            else:
                listed(rep, scheme.get("enum", "shi"),
                       [heads[j].split("，")[0] + "，" + body(MEASURE, ctx, 1, 1) for j in range(3)])
        rep.add("以上对照检查，如有不妥之处，请同志们批评指正。", tail=True)
        return rep
    if genre == "huibao":
        title = R.choice([f"关于{p}{f}工作情况的汇报", f"{u}关于{f}工作开展情况的报告",
                          f"{p}{f}工作情况汇报"])
        rep, p = start(title, genre, ctx)
        if scheme.get("addressee"):
            rep.add(R.choice(["尊敬的各位领导：", "县委、县政府："]), tail=True)
        rep.add(f"现将{p}{f}工作开展情况汇报如下：")
        top = scheme.get("top", "cn")
        names = HEAD_SHORT["huibao"]
        for i, name in enumerate(names):
            mk = STYLES[top](i + 1)
            rep.add(mk + name, marker=mk)
            if i == 1:
                listed(rep, scheme.get("enum", "circ"),
                       [heads[j] + "。" + body(ACHIEVE + PRACTICE, ctx, 1, 2) for j in range(R.randint(3, 4))])
            elif i == 3 and scheme.get("letters"):
                listed(rep, scheme["letters"],
                       [heads[3 + j].split("，")[1] + "。" + body(MEASURE, ctx, 1, 1) for j in range(3)])
            else:
                rep.add(body(ACHIEVE + PROBLEM if i == 2 else ACHIEVE, ctx, 2, 3))
        rep.add(trap(ctx, genre))
        return rep
    raise ValueError(genre)


def ctx_for(year):
    return {"p": R.choice(PLACES), "f": R.choice(FIELDS), "u": R.choice(UNITS), "y": year, "lvl": "县"}


# ---------------------------------------------------------------------------------------------
# Site dressing

def inject(text, word, times=1):
    """`text` with `word` put between two Han characters past the first 8 characters."""
    for _ in range(times):
        spots = [i for i in range(8, len(text) - 1)
                 if "\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i] <= "\u9fff"]
        if not spots:
            return text
        i = R.choice(spots)
        text = text[:i] + word + text[i:]
    return text


def mask_party(text):
    return text.replace("党", "D")


class Compilation:
    def __init__(self):
        self.lines = []
        self.junk = []
        self.keep = []

    def j(self, line, junk=None):
        self.lines.append(line)
        self.junk.append(line.strip() if junk is None else junk)

    def k(self, line, want=None):
        self.lines.append(line)
        self.keep.append((line if want is None else want).strip())

    def raw(self, line):
        self.lines.append(line)


def render(spec):
    """Builds one compilation from its spec; returns (text, manifest)."""
    c = Compilation()
    reports = spec["reports"]
    indent = spec.get("indent", "")
    gap = spec.get("para_gap", False)
    for line in spec.get("head_junk", []):
        c.j(line)
    if spec.get("head_blank"):
        c.raw("")
    if spec.get("title"):
        c.k(spec["title"])
        c.raw("")
    for line in spec.get("after_title_junk", []):
        c.j(line)
    toc = spec.get("toc")
    if toc:
        c.raw(toc["heading"])
        c.raw("")
        for i, r in enumerate(reports):
            if toc["kind"] == "empty":
                c.raw(f"{i + 1}.")
            elif toc["kind"] == "titles":
                c.raw(r.title)
            elif toc["kind"] == "dots":
                c.raw(f"{r.title}……………………{i * 3 + 2}")
        c.raw("")
    if spec.get("head_after_toc_junk"):
        for line in spec["head_after_toc_junk"]:
            c.j(line)
        c.raw("")
    brand = spec.get("brand")
    brand_every = spec.get("brand_every", 0)
    mask = spec.get("mask", 0.0)
    pages = spec.get("page_lines")  # function(page number) -> junk line
    page_every = spec.get("page_every", 0)
    page_no = [spec.get("first_page", 1)]
    para_count = [0]

    def emit_para(text, want):
        para_count[0] += 1
        if brand and brand_every and para_count[0] % brand_every == 0 and len(text) > 30:
            text = inject(text, brand)
            c.junk.append(brand)
        c.k(indent + text, want)
        if gap:
            c.raw("")
        if pages and page_every and para_count[0] % page_every == 0:
            if not gap:
                pass
            c.j(pages(page_no[0]))
            page_no[0] += 1
            if gap:
                c.raw("")

    for ri, r in enumerate(reports):
        sep = spec.get("sep", "blank")
        if ri > 0:
            if sep == "blank":
                c.raw("")
                c.raw("")
            elif sep == "divider":
                c.raw("")
                c.j(spec["divider"])
                c.raw("")
            elif sep == "none":
                pass
        for line in spec.get("before_report_junk", {}).get(ri, []):
            c.j(line)
        if r.label and r.label_mode == "line":
            c.j(r.label)
        if not r.no_title:
            if r.label and r.label_mode == "inline":
                c.k(r.label + r.title, r.title)
                c.junk.append(r.label)
            else:
                c.k(r.title)
            if spec.get("title_gap", gap):
                c.raw("")
        for line in spec.get("after_title_report_junk", {}).get(ri, []):
            c.j(line)
        cut = spec.get("cut", {}).get(ri)
        for pi, p in enumerate(r.paras):
            text, want = p["text"], p["want"]
            if mask and "党" in text and R.random() < mask:
                text = mask_party(text)
            emit_para(text, want)
            for line in spec.get("mid_junk", {}).get((ri, pi), []):
                c.j(line)
                if gap:
                    c.raw("")
            if cut is not None and pi == cut:
                break
        for line in spec.get("after_report_junk", {}).get(ri, []):
            c.j(line)
    c.raw("")
    for line in spec.get("tail_junk", []):
        if line == "":
            c.raw("")
        else:
            c.j(line)
    text = "\n".join(c.lines).rstrip("\n") + "\n"
    manifest = {
        "held_out": True,
        "reports": [{"title": r.title, "label": r.label, "markers": r.markers if not r.cut_markers else r.cut_markers}
                    for r in reports],
        "junk": dedup(c.junk),
        "keep": dedup(c.keep),
    }
    return text, manifest


def dedup(xs):
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def build(genres_schemes, year, labels=None, label_mode="inline", lvl="县"):
    reps = []
    for i, (g, sch) in enumerate(genres_schemes):
        for _ in range(1000):  # no two reports of a compilation share a title
            ctx = ctx_for(year)
            ctx["lvl"] = lvl
            r = make_report(g, ctx, sch)
            if r.title not in [x.title for x in reps]:
                break
        else:
            raise RuntimeError(f"no fresh title for a report of genre {g}")
        r.cut_markers = None
        if labels:
            r.label = labels(i + 1)
            r.label_mode = label_mode
        reps.append(r)
    return reps


def fix_cut(spec):
    """A report cut off by a paywall after paragraph `cut` keeps only the markers before it."""
    for ri, cut in spec.get("cut", {}).items():
        r = spec["reports"][ri]
        ms = [p["marker"] for p in r.paras[:cut + 1] if p["marker"]]
        r.cut_markers = ms
        r.markers = ms


def add_party(rep, k=2, ctx=None):
    """Puts k sentences with 党 into body paragraphs of `rep` (at the end of a paragraph)."""
    ctx = ctx or {"lvl": "县", "y": 2024, "p": "", "f": "", "u": ""}
    body_ids = [i for i, p in enumerate(rep.paras) if not p["marker"] and not p["tail"] and len(p["text"]) > 30]
    for i in R.sample(body_ids, min(k, len(body_ids))):
        s = fill(R.choice(PARTY), ctx)
        rep.paras[i]["text"] += s
        rep.paras[i]["want"] += s


def add_lines(rep, pool, k, ctx):
    have = {p["text"] for p in rep.paras}
    pool = [t for t in pool if fill(t, ctx) not in have and t.split("{")[0] not in "".join(have)]
    body_ids = [i for i, p in enumerate(rep.paras) if not p["marker"] and not p["tail"]]
    for i in sorted(R.sample(body_ids, min(k, len(body_ids))), reverse=True):
        s = fill(R.choice(pool), ctx)
        rep.paras.insert(i + 1, {"text": s, "want": s, "marker": None, "tail": False})


SPECS = []


def spec(f):
    SPECS.append(f)
    return f


def extras(reps, year, traps=1, real_d=0, party=0, holes=1):
    for r in reps:
        if holes:
            add_lines(r, HOLES, holes, r.ctx)
        if traps:
            add_lines(r, traps_for(r.genre), traps, r.ctx)
        if party:
            add_party(r, party, r.ctx)
    for r in R.sample(reps, min(real_d, len(reps))):
        add_lines(r, REAL_D, 1, r.ctx)


@spec
def f00():
    reps = build([("summary", {"top": "cn", "sub": "pcn", "third": "dot"}),
                  ("summary", {"top": "cn", "sub": "dun", "third": "par", "prob": "inline"}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "dot", "enum": "shi"}),
                  ("huibao", {"top": "cn", "enum": "shi"}),
                  ("summary", {"top": "none"})], 2024,
                 labels=lambda i: f"稿件{cn(i)}：")
    extras(reps, 2024, traps=1, real_d=1, party=1)
    return {
        "reports": reps,
        "head_junk": ["墨香公文网 > 工作总结 > 年终总结", "发布时间：2024-12-18 09:42  来源：墨香公文网  阅读：3,412次"],
        "title": "2024年度工作总结汇编（5篇）",
        "toc": {"heading": "目　录", "kind": "empty"},
        "brand": "墨香公文网", "brand_every": 4,
        "page_lines": lambda n: f"— {n} —", "page_every": 7,
        "mask": 0.7,
        "tail_junk": ["", "相关推荐：", "2025年工作计划范文精选10篇", "年终述职报告通用模板（可编辑）",
                      "个人年度工作总结怎么写？看这几篇就够了",
                      "本文由墨香公文网会员上传，仅供学习交流，如需转载请注明出处。"],
    }


@spec
def f01():
    reps = build([("shuzhi", {"top": "cn", "enum": "shi"}),
                  ("shuzhi", {"top": "pcn"}),
                  ("shuzhi", {"top": "cn", "enum": "zhua"}),
                  ("shuzhi", {"top": "none"})], 2024,
                 labels=lambda i: f"〔例文{cn(i)}〕", label_mode="line")
    extras(reps, 2024, traps=1, party=1)
    return {
        "reports": reps, "indent": "　　", "sep": "none",
        "title": "2024年度领导干部述职述廉报告范文（4篇）",
        "after_title_junk": ["【文档简介】本资料共4篇，约19000字，格式为Word，下载后可直接编辑。"],
        "mask": 0.5,
        "tail_junk": ["", "【免责声明】本站所有文档均由网友上传分享，版权归原作者所有；如有侵权，请发送邮件至案头范文网客服邮箱，我们将在24小时内删除。",
                      "案头范文网 版权所有 © 2018-2025  备案号：浙ICP备20250417号-3"],
    }


@spec
def f02():
    reps = build([("speech", {"top": "cn", "enum": "yao"}),
                  ("speech", {"top": "cn", "enum": "shi", "closing": True}),
                  ("speech", {"top": "seq4"}),
                  ("speech", {"top": "cn", "speaker": False}),
                  ("speech", {"top": "di"})], 2025)
    extras(reps, 2025, traps=1, party=1)
    return {
        "reports": reps, "sep": "divider", "divider": "＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊",
        "title": "2025年各类会议领导讲话稿汇编（5篇）",
        "toc": {"heading": "目录", "kind": "titles"},
        "mask": 0.8,
        "mid_junk": {(2, 4): ["……………… 剩余内容需开通会员后查看，本文共 9,860 字 ………………"]},
        "tail_junk": ["", "<<上一篇：在全市经济工作会议上的讲话（通用版）", "下一篇：在机关作风建设大会上的表态发言>>",
                      "星火范文社——专注公文写作服务，讲话稿、汇报材料量身定制，欢迎垂询！"],
    }


@spec
def f03():
    reps = build([("xinde", {"top": "none"}),
                  ("xinde", {"top": "di"}),
                  ("xinde", {"top": "none", "colon_title": True}),
                  ("diaoyan", {"top": "cn", "enum": "shi", "sub": "pcn"})], 2025,
                 labels=lambda i: f"No.{i}｜")
    extras(reps, 2025, traps=1, party=1)
    return {
        "reports": reps, "sep": "blank", "para_gap": True,
        "head_junk": ["点击上方蓝字「文海拾贝」关注我们，每天分享优质公文素材"],
        "head_blank": True,
        "title": "主题教育学习研讨发言材料4篇",
        "after_title_junk": ["文字丨文海拾贝编辑部　　审核丨小贝", "阅读本文约需12分钟"],
        "brand": "文海拾贝", "brand_every": 5,
        "mask": 1.0,
        "tail_junk": ["", "— END —", "往期推荐", "▶ 2025年党建工作要点（附全文）", "▶ 巡察整改专题民主生活会发言提纲",
                      "觉得有用，就点个“在看”分享给更多的小伙伴吧！", "长按识别下方二维码，加入素材交流群，领取3000篇精品范文"],
    }


@spec
def f04():
    # Converted to traditional characters after rendering (see main).
    reps = build([("summary", {"top": "cn", "sub": "pcn", "third": "dot"}),
                  ("fangan", {"top": "cn", "sub": "pcn"}),
                  ("huibao", {"top": "cn", "enum": "shi"})], 2024,
                 labels=lambda i: f"参考稿{cn(i)}：")
    extras(reps, 2024, traps=1)
    return {
        "reports": reps, "sep": "blank", "traditional": True,
        "head_junk": ["发布日期：2024-11-03　分类：工作总结　浏览次数：1,208"],
        "title": "2024年工作总结与工作方案汇编（3篇）",
        "page_lines": lambda n: f"书山材料库　第{n}页", "page_every": 9,
        "tail_junk": ["", "猜您喜欢：", "年终总结开头结尾精彩句子大全", "2025年度工作思路与打算（12篇）",
                      "以上内容仅为部分预览，下载完整文档请访问书山材料库会员中心。"],
    }


@spec
def f05():
    reps = build([("huibao", {"top": "cn", "enum": "circ"}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "dot"}),
                  ("diaoyan", {"top": "cn", "enum": "shi", "sub": "dot"}),
                  ("huibao", {"top": "cn", "enum": "shi", "addressee": True})], 2024,
                 labels=lambda i: f"【第{i}则】", label_mode="line")
    extras(reps, 2024, traps=1, real_d=1)
    reps[2].no_title = True
    return {
        "reports": reps, "sep": "blank",
        "title": "工作情况汇报材料汇编",
        "toc": {"heading": "目录", "kind": "titles"},
        "brand": "白鹭文秘网", "brand_every": 6,
        "tail_junk": ["", "白鹭文秘网（原创首发）——未经授权，禁止转载、摘编、复制或建立镜像，违者必究。"],
    }


@spec
def f06():
    reps = build([("fangan", {"top": "zhang", "jie": True}),
                  ("fangan", {"top": "cn", "sub": "pcn", "deep": "dot"}),
                  ("fangan", {"top": "cn", "sub": "pcn_half"}),
                  ("fangan", {"top": "zhang"})], 2025,
                 labels=lambda i: f"材料之{cn(i)}：")
    extras(reps, 2025, traps=1, real_d=1)
    return {
        "reports": reps, "sep": "blank", "para_gap": True,
        "title": "2025年实施方案及工作要点合集",
        "toc": {"heading": "目录", "kind": "dots"},
        "head_after_toc_junk": ["扫码关注“公文驿站”，回复“方案”获取本文完整版Word文档"],
        "page_lines": lambda n: f"公文驿站整理　　第 {n} 页 共 14 页", "page_every": 8,
        "tail_junk": ["", "热门标签：实施方案 工作要点 三年行动 工作计划", "公文驿站 - 让写材料不再难"],
    }


@spec
def f07():
    reps = build([("diaoyan", {"top": "cn", "enum": "shi", "sub": "pcn"}),
                  ("diaoyan", {"top": "cn", "enum": "fwletter", "sub": "dot"}),
                  ("diaoyan", {"top": "cn", "enum": "di", "sub": "pcn"})], 2024,
                 labels=lambda i: f"◆范本0{i}◆")
    extras(reps, 2024, traps=1, party=1)
    s = {
        "reports": reps, "sep": "blank",
        "title": "基层调研报告范文3篇",
        "head_junk": ["所属栏目：调研报告　更新时间：2024年9月6日　字数：7,452"],
        "mask": 0.6,
        "cut": {2: 6},
        "after_report_junk": {2: ["试读已结束，剩余73%内容请付费后下载阅读（￥9.90）", "【点击此处获取完整版】"]},
        "tail_junk": ["", "版权说明：本文为砚池写作网原创，转载须获授权。"],
    }
    fix_cut(s)
    return s


@spec
def f08():
    reps = build([("summary", {"top": "cn", "sub": "pcn", "third": "dot"}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "rpar", "enum": "shi"}),
                  ("summary", {"top": "cn", "sub": "dot", "third": "par"}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "dot", "signoff": False}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "circ"}),
                  ("summary", {"top": "none"})], 2023, lvl="镇")
    extras(reps, 2023, traps=1, real_d=1, party=1)
    return {
        "reports": reps, "sep": "blank",
        "title": "乡镇2023年工作总结和2024年工作计划（6篇）",
        "page_lines": lambda n: (f"青灯材料站·内部交流资料　　第 {n} 页 / 共 22 页"), "page_every": 5,
        "mask": 0.5,
        "tail_junk": ["", "青灯材料站：每日更新体制内优质材料，会员可无限下载，详询客服QQ 3319087542",
                      "青灯材料站：每日更新体制内优质材料，会员可无限下载，详询客服QQ 3319087542"],
    }


@spec
def f09():
    reps = build([("xinde", {"top": "none"}),
                  ("xinde", {"top": "none"}),
                  ("xinde", {"top": "di"}),
                  ("xinde", {"top": "none"}),
                  ("xinde", {"top": "seq"})], 2024,
                 labels=lambda i: f"【精选{i}】")
    extras(reps, 2024, traps=1, party=1)
    return {
        "reports": reps, "sep": "blank", "indent": "　　",
        "title": "学习心得体会精选5篇",
        "toc": {"heading": "目　录", "kind": "empty"},
        "brand": "【笔耕文库】", "brand_every": 3,
        "mask": 0.9,
        "tail_junk": ["", "相关阅读", "· 学习心得体会1000字（通用8篇）", "· 读书班交流发言稿（精选）",
                      "下载提示：1.本文档为付费下载资源；2.下载后请用Word打开；3.如有疑问请联系笔耕文库客服。"],
    }


@spec
def f10():
    reps = build([("duizhao", {"top": "cn", "sub": "pcn", "enum": "shi"}),
                  ("duizhao", {"top": "cn", "sub": "pcn_half", "enum": "yao"}),
                  ("duizhao", {"top": "cn", "sub": "pcn", "enum": "di"}),
                  ("duizhao", {"top": "cn", "sub": "dot", "enum": "shi"})], 2024)
    extras(reps, 2024, traps=1, party=2)
    return {
        "reports": reps, "sep": "blank",
        "head_junk": ["字数：6,832 | 下载次数：213 | 上传者：知行公文苑 | 格式：DOCX"],
        "title": "2024年度民主生活会对照检查材料汇编（4篇）",
        "mask": 1.0,
        "before_report_junk": {1: ["微信扫一扫，获取本篇完整版"], 2: ["微信扫一扫，获取本篇完整版"],
                               3: ["微信扫一扫，获取本篇完整版"]},
        "tail_junk": ["", "知行公文苑提醒：本站资料仅供参考，请勿照搬照抄。"],
    }


@spec
def f11():
    reps = build([("huibao", {"top": "cn", "enum": "circ", "letters": "fwletter"}),
                  ("huibao", {"top": "cn", "enum": "pdig"}),
                  ("huibao", {"top": "cn", "enum": "par_half", "letters": "letter"}),
                  ("huibao", {"top": "cn", "enum": "rpar"})], 2025,
                 labels=lambda i: f"第{i}份：")
    extras(reps, 2025, traps=1, real_d=2)
    return {
        "reports": reps, "sep": "blank", "para_gap": True,
        "title": "向上级汇报材料范文（4份）",
        "toc": {"heading": "目录", "kind": "empty"},
        "brand": "金笔头素材馆", "brand_every": 4,
        "mid_junk": {(1, 3): ["▲本段以下为VIP专享内容，开通金笔头素材馆会员即可阅读全文▲"]},
        "tail_junk": ["", "更多精彩内容 >>", "金笔头素材馆首页 | 汇报材料 | 讲话稿 | 述职报告"],
    }


@spec
def f12():
    reps = build([("summary", {"top": "cn", "sub": "pcn", "third": "dot"}),
                  ("shuzhi", {"top": "cn", "enum": "shi"}),
                  ("speech", {"top": "cn", "enum": "yao"}),
                  ("fangan", {"top": "cn", "sub": "pcn"}),
                  ("diaoyan", {"top": "cn", "enum": "shi", "sub": "pcn"}),
                  ("xinde", {"top": "none"}),
                  ("duizhao", {"top": "cn", "sub": "pcn", "enum": "shi"}),
                  ("huibao", {"top": "cn", "enum": "circ"})], 2024,
                 labels=lambda i: f"【{i:02d}】")
    extras(reps, 2024, traps=1, real_d=2, party=1)
    return {
        "reports": reps, "sep": "blank",
        "title": "机关常用公文材料大礼包（8篇）",
        "toc": {"heading": "目录", "kind": "empty"},
        "mask": 0.7,
        "page_lines": lambda n: f"·{n}·", "page_every": 11,
        "tail_junk": ["", "本合集由知识付费平台用户“老笔杆”整理，禁止二次售卖。",
                      "版权投诉：如认为本文侵犯了您的合法权益，请提供权属证明，平台核实后立即下架。"],
    }


@spec
def f13():
    reps = build([("shuzhi", {"top": "cn", "enum": "zhua", "who_top": True}),
                  ("shuzhi", {"top": "cn", "enum": "shi"}),
                  ("shuzhi", {"top": "pcn", "enum": "yao", "who_top": True})], 2024)
    extras(reps, 2024, traps=2, real_d=3, party=2)
    return {
        "reports": reps, "sep": "divider", "divider": "-----------------------------------------",
        "title": "2024年度述职述责述廉报告3篇",
        "mask": 1.0,
        "tail_junk": ["", "↓↓↓ 点击下方“阅读原文”获取全部3篇Word版 ↓↓↓"],
    }


@spec
def f14():
    reps = build([("speech", {"top": "cn", "enum": "yao", "closing": True}),
                  ("speech", {"top": "di"}),
                  ("speech", {"top": "seq4"}),
                  ("speech", {"top": "cn", "enum": "di"}),
                  ("speech", {"top": "none", "closing": True})], 2024,
                 labels=lambda i: f"讲话稿（{cn(i)}）")
    extras(reps, 2024, traps=1, party=1)
    return {
        "reports": reps, "sep": "blank", "para_gap": True,
        "title": "各类会议讲话材料汇编",
        "head_junk": ["来源：网络整理　　编辑：砚池写作网　　2024-08-21"],
        "brand": "砚池写作网", "brand_every": 6,
        "mask": 0.6,
        "tail_junk": ["", "本文关键词：讲话稿，会议讲话，表态发言，领导讲话",
                      "砚池写作网——原创代写、材料润色、PPT定制，添加客服微信：yanchi-wz"],
    }


@spec
def f15():
    reps = build([("fangan", {"top": "cn", "sub": "pcn", "deep": "par"}),
                  ("fangan", {"top": "cn", "sub": "pcn", "deep": "fwdot"}),
                  ("fangan", {"top": "cn", "sub": "pcn", "deep": "rpar"}),
                  ("fangan", {"top": "bufen"})], 2025,
                 labels=lambda i: f"（要点{cn(i)}）")
    extras(reps, 2025, traps=1, real_d=1)
    return {
        "reports": reps, "sep": "blank",
        "title": "2025年部门工作要点汇编（4篇）",
        "toc": {"heading": "目录", "kind": "titles"},
        "page_lines": lambda n: f"Page {n} of 16", "page_every": 6,
        "tail_junk": ["", "温馨提示：当前文档最多只能预览30页，完整内容请下载后查看。"],
    }


@spec
def f16():
    reps = build([("summary", {"top": "cn", "sub": "pcn", "third": "dot"}),
                  ("huibao", {"top": "cn", "enum": "shi"}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "dun"})], 2023,
                 labels=lambda i: f"范例{i}、")
    extras(reps, 2023, traps=1, real_d=1, party=1)
    return {
        "reports": reps, "sep": "none",
        "mask": 0.8,
        "tail_junk": ["", "==========", "《金笔头素材馆》网店同步上新，一站式解决您的写作难题，搜索店铺名即可进入。"],
    }


@spec
def f17():
    reps = build([("summary", {"top": "cn", "sub": "pcn", "third": "par_half"}),
                  ("huibao", {"top": "cn", "enum": "shi", "letters": "letter"}),
                  ("duizhao", {"top": "cn", "sub": "pcn", "enum": "shi"}),
                  ("fangan", {"top": "cn", "sub": "pcn", "deep": "circ"}),
                  ("speech", {"top": "cn", "enum": "zhua"})], 2025,
                 labels=lambda i: f"素材{i:02d}｜")
    extras(reps, 2025, traps=1, real_d=1, party=1)
    return {
        "reports": reps, "sep": "divider", "divider": "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
        "title": "2025年第一季度材料精选（5篇）",
        "head_junk": ["知行公文苑 | 首页 > 精品范文 > 综合材料", "作者：佚名　来源：知行公文苑　时间：2025-04-02　浏览：866"],
        "mask": 0.5,
        "after_report_junk": {0: ["本文档下载后可编辑，如需原创定制请咨询在线客服。"],
                              2: ["本文档下载后可编辑，如需原创定制请咨询在线客服。"]},
        "tail_junk": ["", "声明：本站部分内容来源于互联网，仅供学习交流使用，版权归原作者所有，若有侵权请联系删除。",
                      "知行公文苑 版权所有 Copyright © 2016-2025 All Rights Reserved"],
    }


@spec
def f18():
    # Saved as GB18030 with CRLF line ends, as many downloaded .txt files are (see main).
    reps = build([("huibao", {"top": "cn", "enum": "shi"}),
                  ("speech", {"top": "cn", "enum": "yao"}),
                  ("summary", {"top": "cn", "sub": "pcn", "third": "dot"}),
                  ("shuzhi", {"top": "cn", "enum": "shi"})], 2025,
                 labels=lambda i: f"【范文推荐·{i}】", label_mode="line")
    extras(reps, 2025, traps=1, real_d=1, party=1)
    return {
        "reports": reps, "sep": "blank", "encoding": "gb18030", "crlf": True,
        "title": "2025年上半年工作汇报及讲话材料汇编",
        "toc": {"heading": "目录", "kind": "empty"},
        "mask": 0.7,
        "brand": "星火范文社", "brand_every": 7,
        "mid_junk": {(1, 5): ["（本篇未完，登录星火范文社后可查看剩余4页）"]},
        "tail_junk": ["", "网友评论（0）　我要评论", "星火范文社首页　|　关于我们　|　联系我们　|　免责声明"],
    }


@spec
def f19():
    # UTF-8 with a byte-order mark; every paragraph indented and followed by a blank line.
    reps = build([("diaoyan", {"top": "cn", "enum": "shi", "sub": "pcn"}),
                  ("fangan", {"top": "cn", "sub": "pcn", "deep": "circ"}),
                  ("xinde", {"top": "none"})], 2024)
    extras(reps, 2024, traps=1, real_d=1, party=1)
    return {
        "reports": reps, "sep": "blank", "encoding": "utf-8-sig", "para_gap": True, "indent": "　　",
        "head_junk": ["当前位置：书山材料库 » 调研报告 » 正文"],
        "title": "调研报告与实施方案范文三篇",
        "page_lines": lambda n: f"第{n}页（共9页）", "page_every": 6,
        "mask": 0.6,
        "tail_junk": ["", "【下载说明】本文档由书山材料库整理，下载即表示同意本站服务条款。",
                      "你可能还喜欢：", "关于基层减负的调研报告（精选6篇）", "2024年乡村振兴实施方案（通用范本）"],
    }


def to_traditional(text, manifest):
    from opencc import OpenCC

    conv = OpenCC("s2tw").convert
    # The product converts a mostly traditional compilation back with OpenCC's phrase
    # tables (issue 14 §4): titles and markers are read before cleaning, so they stay
    # traditional; the lines to keep are expected as OpenCC's t2s gives them, and junk
    # must be gone in either form.
    back = OpenCC("t2s").convert
    m = json.loads(json.dumps(manifest))
    m["traditional"] = True
    for r in m["reports"]:
        r["title"] = conv(r["title"])
        r["label"] = conv(r["label"]) if r["label"] else None
        r["markers"] = [conv(x) for x in r["markers"]]
    m["junk"] = sorted({form for x in m["junk"] for form in (conv(x), back(conv(x)))})
    m["keep"] = [back(conv(x)) for x in m["keep"]]
    return conv(text), m


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "unseen")
    os.makedirs(out, exist_ok=True)
    for n, make in enumerate(SPECS):
        s = make()
        text, manifest = render(s)
        if s.get("traditional"):
            text, manifest = to_traditional(text, manifest)
        if s.get("crlf"):
            text = text.replace("\n", "\r\n")
        with open(os.path.join(out, f"{n:02d}.txt"), "w", encoding=s.get("encoding", "utf-8"), newline="") as fh:
            fh.write(text)
        with open(os.path.join(out, f"{n:02d}.json"), "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    print(f"wrote {len(SPECS)} compilations to {out}")


if __name__ == "__main__":
    main()
