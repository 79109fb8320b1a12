#!/usr/bin/env python3
"""Writes the second blind held-out corpus tests/fixtures/blind2/NN.txt + NN.json (scored by
tests/blind2.rs), and with python-docx a few Word files in tests/fixtures/blind2/word/.

Written by someone who read neither the rules (src/, rules/) nor the other corpora, and did not
run qinggao on these files: the first score of this set is a true held-out score. The
compilations imitate what material sites (范文网, 文库, 公文写作站, 公众号 reposts, 材料站,
forum reposts, 办公资源站) make of Chinese government units' reports: work reports, 述职/述廉,
speeches, 实施方案/工作要点, 调研报告, 心得体会/研讨发言 without headings, 对照检查/剖析材料,
汇报/情况报告; every list-marker form of issue 14 §2; the junk classes of §3 in phrasings made up
here (metadata, breadcrumbs, reading-time lines, navigation and related lists, paywall and
truncation notices, copyright/takedown notices, scan/click-to-get lines, printed-page headers and
footers, adverts, a brand word injected into sentences, 党 masked as D beside genuine D栋/PAD),
site numbering labels in new forms, documents separated by a blank line, none, or only a label.

Manifest fields (see tests/scoring/mod.rs):
  reports[].title/label  each report's title without the site's label, and the label (or null);
  reports[].markers      the paragraph-initial list markers, in order, as written;
  junk[]                 strings that must not survive cleaning;
  keep[]                 whole lines (trimmed, as cleaned) that must survive byte for byte;
  traditional            true for the file written in traditional characters.

Run: python3 scripts/gen_blind2_corpus.py [OUT_DIR]   (fixed seed: the output is reproducible)
Check: python3 scripts/check_unseen_corpus.py tests/fixtures/blind2
The traditional file needs opencc-python-reimplemented (pip, Apache-2.0).
"""

import json
import os
import random
import sys

R = random.Random(202612071)
CN = "一二三四五六七八九十"

PLACES = ["青溪县", "白沙镇", "柳河区", "云岭乡", "北塘街道", "石门县", "东湖新区", "梅林镇", "西平市", "桐江县",
          "南屏街道", "龙泉乡", "长岗镇", "兴安区", "凤凰山管委会", "清浦县"]
UNITS = ["县自然资源局", "区市场监督管理局", "镇人民政府", "县医疗保障局", "市退役军人事务局", "区应急管理局",
         "县统计局", "街道办事处", "县农业农村局", "区住房和城乡建设局", "县机关事务服务中心", "区教育体育局",
         "县司法局", "市档案馆", "县供销合作社", "区城市管理局"]
NAMES = ["周建国", "林晓梅", "赵志强", "孙丽华", "郑海峰", "吴春燕", "冯立新", "陈慧敏", "何文涛", "刘秀英"]
POSTS = ["县委副书记、县长", "区委常委、常务副区长", "镇党委书记", "局党组书记、局长", "副市长", "县政协主席"]

# Body sentences of work reports, plans and reports to superiors ({p} place, {a}-{c} numbers, {r} rate).
WORK = [
    "全年完成固定资产投资{a}.{b}亿元，同比增长{r}%。",
    "新建改造农村公路{a}公里，打通断头路{b}条。",
    "累计办理群众来信来访{a}件次，按期办结率达到{r}%。",
    "组织开展专项检查{a}次，发现并督促整改问题{b}个。",
    "新增市场主体{a}户，其中企业{b}户。",
    "全年培训基层干部{a}人次，覆盖所有村（社区）。",
    "建成便民服务站{a}个，实现“一站式”办理事项{b}项。",
    "完成高标准农田建设{a}亩，粮食播种面积保持稳定。",
    "推动{a}个重点项目开工建设，完成年度投资计划的{r}%。",
    "在{p}试点推行网格化管理，划分网格{a}个，配备专兼职网格员{b}名。",
    "投入资金{a}万元改造老旧小区{b}个，惠及居民{c}户。",
    "全年未发生较大以上安全生产事故，事故起数同比下降{r}%。",
    "清理规范涉企收费项目{a}项，为企业减负{b}万元。",
    "建立问题、任务、责任“三张清单”，逐项明确完成时限。",
    "主要领导带头研究部署，分管领导靠前指挥，形成了一级抓一级的工作格局。",
    "对照年度目标逐月调度，对滞后事项实行挂牌督办。",
    "政务新媒体全年发布信息{a}条，阅读量同比增长{r}%。",
    "新发展会员单位{a}家，行业协会的覆盖面进一步扩大。",
    "加强知识产权和版权保护，查处侵权盗版案件{a}起。",
    "推行“先服务后付费”模式，群众满意度提升至{r}%。",
    "在全系统开展“扫码亮证”活动，执法人员全部持证上岗。",
    "完成{p}政务服务中心D栋改造，新增窗口{a}个。",
    "为一线执法人员配发移动执法终端PAD{a}台，实现现场数据实时上传。",
    "排查出D级危房{a}户，全部落实搬迁或加固措施。",
    "全年共召开专题会议{a}次，研究解决具体问题{b}个。",
    "与{p}签订合作协议{a}份，共建实训基地{b}个。",
    "财政资金直达基层{a}万元，拨付进度达到{r}%。",
    "完成营业执照、许可证件“证照联办”{a}件，平均办理时限压缩到3个工作日以内。",
    "开展防汛应急演练{a}场次，储备各类物资{b}批次。",
    "全年接收进馆档案{a}卷，数字化加工{b}万画幅。",
    "组织志愿者{a}名深入社区开展宣传，发放资料{b}份。",
    "建成智慧监管平台，接入重点企业{a}家、视频点位{b}个。",
    "全面推行“双随机、一公开”监管，抽查各类主体{a}户。",
    "通过以案促改，建立完善制度{a}项，堵塞管理漏洞{b}处。",
    "农村居民人均可支配收入达到2.{b}万元，增速高于全市平均水平。",
    "新增城镇就业{c}人，城镇登记失业率控制在省定目标以内。",
]
PARTY = [
    "深入学习贯彻党的二十大精神，把学习成果转化为推动工作的实际成效。",
    "严格落实全面从严治党主体责任，班子成员认真履行“一岗双责”。",
    "坚持“第一议题”制度，全年组织党组理论学习中心组集体学习{a}次。",
    "扎实推进党支部标准化规范化建设，{a}个支部全部达标。",
    "引导党员干部在急难险重任务中冲锋在前，发挥先锋模范作用。",
    "认真落实“三会一课”制度，开展主题党日活动{a}次。",
    "持续加强党风廉政建设，开展警示教育{a}场次。",
]
PROBLEMS = [
    "一些干部的担当精神还不够强，遇到难题习惯于等靠要。",
    "基层基础工作还有短板，部分村（社区）力量配备不足。",
    "项目推进还不够平衡，个别项目前期工作进展缓慢。",
    "财政收支矛盾依然突出，刚性支出压力较大。",
    "服务企业的主动性不够，政策宣传解读还不到位。",
    "工作创新不足，亮点特色还不够鲜明。",
    "部分惠民政策知晓率不高，群众获得感还需提升。",
    "专业技术人才短缺，年龄结构老化问题比较突出。",
    "信息化建设相对滞后，数据壁垒尚未完全打通。",
    "一些工作停留在开会发文层面，抓具体、抓深入不够。",
]
FUTURE = [
    "进一步健全工作推进机制，实行周调度、月通报、季考评。",
    "积极争取上级政策和资金支持，力争全年争取项目资金{a}00万元以上。",
    "持续深化“放管服”改革，推动更多事项网上办、掌上办。",
    "加大干部教育培训力度，计划举办专题培训班{a}期。",
    "把整改责任落实到人，对账销号、逐项清零。",
    "建立常态化督查机制，确保各项措施不打折扣落实到位。",
    "认真抓好问题整改，做到立行立改、真改实改。",
    "加强统筹协调，推动跨部门数据共享和业务协同。",
    "巩固拓展已有成果，力争在{p}形成可复制推广的经验。",
    "严格执行财经纪律，把有限的资金用在刀刃上。",
    "主动接受人大、政协和社会各界的监督。",
    "定期开展回头看，防止问题反弹回潮。",
]
CAUSE = [
    "究其根源，是理想信念这个“总开关”拧得还不够紧。",
    "宗旨意识有所淡化，有时把自己等同于一般的业务干部。",
    "担当作为的劲头有所减弱，满足于守摊子、不出事。",
    "对新知识新业务学得不够，本领恐慌问题依然存在。",
    "制度执行不够严格，抓落实的韧劲还需加强。",
]
CAUSE_ORG = [
    "从投入机制看，主要依靠财政资金，多元投入格局尚未形成。",
    "从管理体制看，多头管理、职责交叉的问题仍然存在。",
    "从人员队伍看，基层力量薄弱，专业人员引不进、留不住。",
    "从政策落实看，配套细则出台滞后，一些政策难以落地。",
    "从群众参与看，宣传发动不够充分，群众主体作用发挥不足。",
]
NEXT = [
    "下一步，我们将聚焦短板弱项，持续用力、久久为功。",
    "下一步，将进一步完善工作机制，推动各项任务落地见效。",
    "我们将以更加务实的作风，确保全年目标任务圆满完成。",
    "下一步，将坚持问题导向，把整改成效体现到服务群众上来。",
]
SELF = [
    "本人能够主动学习政治理论和业务知识，不断提高履职能力。",
    "在工作中坚持原则、敢于负责，协调解决了一批历史遗留问题。",
    "严格遵守中央八项规定及其实施细则精神，从未收受礼品礼金。",
    "对分管领域的廉政风险点进行全面排查，制定防控措施{a}条。",
    "坚持民主集中制，重大事项都提交集体研究决定。",
    "深入基层调研{a}次，形成调研报告{b}篇。",
    "带头落实意识形态工作责任制，牢牢掌握工作主动权。",
    "对照岗位职责，认真查找自身存在的不足和差距。",
    "在今后的工作中，我将始终保持昂扬向上的精神状态。",
]
SELF_NEG = [
    "理论学习的系统性不够，往往满足于读原文、记笔记。",
    "深入一线的时间不够多，对基层的实际困难掌握不全面。",
    "有时存在求稳怕乱思想，改革创新的勇气还不够足。",
    "对下属的日常管理偏宽偏软，批评教育不够及时。",
]
FEEL = [
    "通过这次集中学习，我对新时代党的创新理论有了更加系统的认识。",
    "学习不能停留在表面，必须往深里走、往心里走、往实里走。",
    "作为一名基层干部，最重要的是把群众的事当成自己的事。",
    "回顾自己的成长经历，每一步都离不开组织的培养和同志们的帮助。",
    "理论学习有收获，思想才能有提高，工作才能有进步。",
    "我深切体会到，调查研究是谋事之基、成事之道。",
    "今后我将把所学所悟转化为推动工作的实际行动。",
    "面对新形势新任务，唯有不断学习才能跟上时代的步伐。",
    "在{p}蹲点的那段日子，我真正懂得了什么叫“为民服务无小事”。",
    "干部干部，干字当头，只有实干才能赢得群众的信任。",
    "这些年来，我见证了{p}从泥泞小路到柏油大道的变化。",
    "我们要以更加昂扬的姿态，书写{p}高质量发展的下一篇章。",
    "守住底线、不越红线，是每一名党员干部的基本要求。",
]
SPEECH_OPEN = [
    "今天召开这次会议，主要任务是总结去年工作，分析当前形势，部署今年任务。",
    "刚才，{n}同志通报了上半年的工作情况，几个单位作了交流发言，讲得都很好，我都同意。",
    "这次会议是经县委研究决定召开的一次重要会议。",
]
SPEECH_BODY = [
    "各级各部门要切实增强责任感和紧迫感，以时不我待的精神抓好落实。",
    "要坚持底线思维，把风险隐患消除在萌芽状态。",
    "各乡镇主要负责同志是第一责任人，要亲自抓、负总责。",
    "要把这项工作纳入年度考核，对工作不力的严肃问责。",
    "要用好督查这个抓手，对重点任务实行清单化管理。",
    "要算好长远账、整体账，不能只顾眼前利益。",
    "要善于运用信息化手段，提高工作的精准性和实效性。",
    "要深入开展调查研究，多到矛盾集中的地方去。",
    "要加强部门协同，形成上下联动、齐抓共管的合力。",
    "要关心关爱基层干部，为担当者担当、为干事者撑腰。",
]
SPEECH_END = [
    "同志们，任务艰巨，责任重大。让我们团结一心、真抓实干，为全面完成全年目标任务而努力奋斗！",
    "同志们，时间不等人。希望大家以只争朝夕的劲头，把会议精神落到实处。谢谢大家！",
    "我就讲这些，祝同志们工作顺利、身体健康！",
]
SURVEY = [
    "为摸清{p}{t}的真实情况，调研组采取座谈交流、实地查看、问卷调查等方式开展调研。",
    "共走访村（社区）{a}个、企业{b}家，发放问卷{c}份，有效回收率{r}%。",
    "调查显示，{r}%的受访群众对这项工作表示满意。",
    "从调研情况看，资金投入不足是制约发展的主要因素。",
    "部分群众反映办事还要多头跑，流程有待进一步简化。",
    "从资金来源看，财政投入占{r}%，社会资本参与明显不足。",
    "镇村两级公众号的浏览量普遍不高，群众点击查看政策的比例不到三成。",
    "建议建立稳定的投入增长机制，逐年提高财政保障水平。",
    "建议加强人才队伍建设，探索“县管乡用”的用人模式。",
    "建议完善考核评价办法，把群众评价作为重要依据。",
]
TOPICS = ["农村养老服务", "基层医疗机构运行", "村级集体经济发展", "中小学课后服务", "社区治理", "农村生活污水治理",
          "老旧小区改造", "义务教育阶段学生减负", "乡村旅游", "快递物流进村"]

L1 = {
    "work": ["主要工作及成效", "存在的问题和不足", "下一步工作打算"],
    "plan": ["指导思想", "工作目标", "主要任务", "保障措施"],
    "points": ["持续深化改革", "全力推进项目建设", "着力保障改善民生", "切实加强自身建设"],
    "survey": ["基本情况", "存在的主要问题", "原因分析", "对策建议"],
    "check": ["存在的突出问题", "产生问题的原因", "整改措施"],
    "report": ["工作开展情况", "存在的困难", "下步打算"],
    "duty": ["履职情况", "廉洁自律情况", "存在的不足", "今后努力方向"],
}
L2 = ["强化组织领导，压实工作责任", "突出重点难点，狠抓任务落实", "创新工作方法，提升服务效能", "加强督导检查，确保工作实效",
      "优化营商环境，激发市场活力", "守牢安全底线，维护社会稳定", "补齐民生短板，增进群众福祉", "加强队伍建设，锤炼过硬作风",
      "深化宣传引导，营造良好氛围", "完善制度机制，推进规范管理", "聚焦产业发展，培育增长动能", "坚持系统治理，提升治理水平",
      "抓实源头防控，化解矛盾纠纷", "推进数字赋能，提高办事效率", "坚持节约优先，管好用好资金", "深化结对帮扶，巩固脱贫成果"]


L2_BAD = ["思想认识还不够到位，学用结合不够紧密", "工作落实还不够扎实，推进力度有待加强", "作风建设还有差距，服务意识需要提升",
          "基础保障还不够有力，人员经费比较紧张", "创新意识还不够强，工作方法比较单一", "统筹协调还不够顺畅，部门合力尚未形成"]


def num():
    return R.randint(3, 980)


def fill(s, p):
    return s.format(p=p, a=R.randint(3, 96), b=R.randint(2, 48), c=R.randint(120, 3600), r=R.randint(60, 99), n=R.choice(NAMES), t=R.choice(TOPICS))


def marker(style, i):
    c = CN[i]
    return {
        "cn、": f"{c}、", "（cn）": f"（{c}）", "n.": f"{i + 1}.", "n、": f"{i + 1}、", "（n）": f"（{i + 1}）",
        "n）": f"{i + 1}）", "(n)": f"({i + 1})", "⑴": chr(0x2474 + i), "①": chr(0x2460 + i),
        "Ａ．": chr(0xFF21 + i) + "．", "第cn，": f"第{c}，", "order": ["首先，", "其次，", "再次，", "最后，"][i],
        "cn要": f"{c}要", "cn抓": f"{c}抓", "cn是": f"{c}是", "章": f"第{c}章", "节": f"第{c}节",
    }[style]


class Report:
    def __init__(self, title):
        self.title, self.lines, self.markers, self.label = title, [], [], None
        self.used = set()
        self.after = []  # lines right under the title (speaker, date, 述职人)

    def para(self, pool, p, k=2):
        """A paragraph of k sentences from pool, none used before in this report."""
        free = [s for s in pool if s not in self.used]
        if len(free) < k:
            free += [s for s in FUTURE + WORK if s not in self.used and s not in free]
        pick = R.sample(free, min(k, len(free)))
        self.used |= set(pick)
        return "".join(fill(s, p) for s in pick)

    def head(self, style, i, text, tail=""):
        m = marker(style, i)
        self.markers.append(m)
        self.lines.append(m + text + tail)


def levels():
    return R.choice([("cn、", "（cn）", "n."), ("cn、", "（cn）", "n、"), ("cn、", "（cn）", "（n）"), ("cn、", "n）", None),
                     ("cn、", "(n)", None), ("cn、", "⑴", None), ("cn、", "①", None), ("Ａ．", "n.", None),
                     ("第cn，", None, None), ("order", None, None), ("cn、", "cn是", None), ("cn、", "cn要", None),
                     ("cn、", "cn抓", None), ("章", "节", None)])


def section_pool(h, pool):
    """The sentences a section with heading h is written from: problems under a heading about
    problems, causes under causes, plans under plans."""
    if h == "原因分析":
        return CAUSE_ORG
    if "原因" in h:
        return CAUSE + SELF_NEG
    if any(w in h for w in ("问题", "不足", "困难")) and "导向" not in h:
        return PROBLEMS + SELF_NEG
    if "建议" in h:
        return [s for s in SURVEY if s.startswith("建议")] + FUTURE
    if any(w in h for w in ("打算", "方向", "措施", "整改", "保障")):
        return FUTURE
    return pool


def outline_body(r, p, heads, pool0, lv):
    a, b, c = lv
    for i, h in enumerate(heads):
        pool = section_pool(h, pool0)
        if a in ("第cn，", "order", "cn要", "cn是", "cn抓"):
            word = h.split("，")[0]
            k = 3 if a == "order" and i == len(heads) - 1 else min(i, 3)
            r.head(a, k, (word[2:] if a == "cn抓" else word) + "。", r.para(pool, p, 2))
            continue
        r.head(a, i, h)
        if b is None:
            r.lines.append(r.para(pool, p, 3))
            if R.random() < 0.4:
                r.lines.append(r.para(pool, p, 2) + "其中，一是{}；二是{}。".format(
                    R.choice(["压实责任", "健全机制", "强化保障"]), R.choice(["严格考核", "加强宣传", "注重实效"])))
            continue
        r.lines.append(r.para(pool, p, 1))
        for j in range(R.randint(2, 3)):
            subs = L2_BAD if pool in (PROBLEMS + SELF_NEG, CAUSE + SELF_NEG, CAUSE_ORG) else L2
            sub = R.choice([x for x in subs if x not in r.used])
            r.used.add(sub)
            if b in ("cn是", "cn要", "cn抓"):
                verb = {"cn是": "", "cn要": "要", "cn抓": "抓"}[b]
                word = sub.split("，")[0]
                r.head(b, j, (word[2:] if verb == "抓" else word) + "。", r.para(pool, p, 1))
                continue
            r.head(b, j, sub if b != "节" else sub.split("，")[0])
            if c:
                for k in range(2):
                    r.head(c, k, r.para(pool, p, 1))
            else:
                r.lines.append(r.para(pool, p, 2))


def work_report(p, unit, year):
    r = Report(R.choice([f"{p}{unit[1:] if unit[0] in '县区市镇' else unit}{year}年工作总结",
                         f"{unit}{year}年工作总结和{year + 1}年工作计划", f"{p}{year}年上半年工作总结",
                         f"{unit}关于{year}年度工作情况的报告"]))
    r.lines.append(f"{year}年，{unit}在上级的坚强领导下，" + r.para(WORK, p, 1) + "现将有关情况总结如下。")
    outline_body(r, p, L1["work"], WORK + PARTY, levels())
    r.lines.append(R.choice(NEXT))
    return r


def duty_report(p, unit, year):
    name = R.choice(NAMES)
    r = Report(R.choice([f"{year}年度个人述职述廉报告", f"{unit}副局长{year}年述职述廉报告", f"{name}同志{year}年度述职报告",
                         f"{p}党委副书记述职述廉述法报告"]))
    r.after.append(f"述职人：{name}")
    r.lines.append(f"{year}年，在{p}党委的正确领导下，我认真履行岗位职责，" + r.para(SELF, p, 1))
    r.lines.append("现将本人履职和廉洁自律情况报告如下，请予评议。")
    outline_body(r, p, L1["duty"], SELF + PARTY + WORK, levels())
    r.lines.append("以上报告，请各位领导和同志们批评指正。")
    return r


def speech(p, unit, year):
    meeting = R.choice(["全县安全生产工作会议", "全区优化营商环境推进会", "全镇秋冬季森林防火工作会议", "全市乡村振兴工作推进会",
                        "全县干部作风建设大会", "全县信访维稳工作会议", "区机关青年干部座谈会", f"{year}年度工作务虚会"])
    kind = R.choice(["讲话", "讲话", "发言", "致辞"])
    who = R.choice(NAMES)
    r = Report(R.choice([f"在{meeting}上的{kind}", f"{who}同志在{meeting}上的{kind}"]))
    r.after.append(R.choice([f"{R.choice(POSTS)}  {who}", f"（{year}年{R.randint(1, 12)}月{R.randint(1, 28)}日）"]))
    if R.random() < 0.5:
        r.after.append(f"（{year}年{R.randint(1, 12)}月{R.randint(1, 28)}日）")
    r.lines.append("同志们：")
    r.lines.append(fill(R.choice(SPEECH_OPEN), p) + "下面，我讲几点意见。")
    lv = R.choice([("cn、", None, None), ("第cn，", None, None), ("order", None, None), ("cn要", None, None),
                   ("cn、", "cn要", None), ("cn、", "cn抓", None)])
    heads = R.sample(["提高政治站位，切实增强做好工作的责任感", "突出工作重点，全力抓好各项任务落实", "强化工作保障，确保各项措施落地见效",
                      "坚持问题导向，着力补齐短板弱项"], 3)
    outline_body(r, p, heads, SPEECH_BODY + PARTY + PROBLEMS, lv)
    r.lines.append(R.choice(SPEECH_END))
    return r


def plan(p, unit, year):
    thing = R.choice(["营商环境提升年活动", "农村人居环境整治提升行动", "安全生产治本攻坚三年行动", "“一件事一次办”改革",
                      "城乡环境卫生大整治", "数字政府建设"])
    if R.random() < 0.5:
        r = Report(f"{p}{thing}实施方案")
        r.lines.append(f"为深入推进{thing}，结合{p}实际，制定本方案。")
        heads = L1["plan"]
    else:
        r = Report(f"{unit}{year}年工作要点")
        r.lines.append(f"{year}年全局工作的总体要求是：坚持稳中求进工作总基调，" + r.para(WORK, p, 1))
        heads = L1["points"]
    outline_body(r, p, heads, WORK + PARTY, levels())
    r.lines.append(R.choice(["本方案自印发之日起施行。", "各科室要根据本要点细化任务，明确责任人和完成时限。",
                             "各单位要于每季度末报送工作进展情况。"]))
    return r


def survey(p, unit, year):
    t = R.choice(TOPICS)
    r = Report(R.choice([f"关于{p}{t}情况的调研报告", f"关于{t}的调研报告", f"{p}{t}调研报告"]))
    r.lines.append(f"为深入了解{t}现状，{year}年{R.randint(3, 11)}月，{unit}组成调研组开展了专题调研。")
    outline_body(r, p, L1["survey"], SURVEY[:3] + WORK, levels())
    r.lines.append("以上建议，供领导决策参考。")
    return r


def feeling(p, unit, year):
    r = Report(R.choice(["学习贯彻党的二十大精神心得体会", "主题教育读书班研讨发言", "参加年轻干部培训班的心得体会",
                         "“以学促干”专题研讨发言材料", "观看警示教育片心得体会", "党纪学习教育交流研讨发言"]))
    for _ in range(R.randint(4, 6)):
        r.lines.append(r.para(FEEL + SELF[:2], p, R.randint(1, 2)))
    if R.random() < 0.5:
        r.lines.append("我体会最深的有三点：一是要学深悟透，二是要联系实际，三是要知行合一。")
    r.lines.append(R.choice(["以上是我的一些粗浅体会，不妥之处请大家批评指正。", "谢谢大家。", "这就是我这次学习最大的收获。"]))
    return r


def check_material(p, unit, year):
    r = Report(R.choice([f"{year}年度民主生活会个人对照检查材料", "专题组织生活会个人剖析材料", f"{unit}领导班子对照检查材料",
                         "巡察整改专题民主生活会个人对照检查发言提纲"]))
    r.lines.append("按照会议要求，本人认真学习规定篇目，广泛征求意见，深入查摆问题，现对照检查如下。")
    outline_body(r, p, L1["check"], SELF_NEG + PROBLEMS, levels())
    r.lines.append("恳请各位同志对我提出批评意见，我将虚心接受、认真整改。")
    return r


def situation(p, unit, year):
    thing = R.choice(["防汛救灾", "秸秆禁烧", "“双减”落实", "欠薪问题治理", "食品安全专项整治", "耕地保护"])
    r = Report(R.choice([f"关于{thing}工作情况的汇报", f"{unit}关于{thing}工作的情况报告", f"{p}{thing}工作汇报材料"]))
    r.lines.append(R.choice(["尊敬的各位领导：", "县委、县政府："]))
    r.lines.append(f"根据通知要求，现将{p}{thing}工作开展情况汇报如下。")
    outline_body(r, p, L1["report"], WORK, levels())
    r.lines.append(R.choice(["特此报告。", "以上汇报，不当之处请批评指正。"]))
    return r


GENRES = {"work": work_report, "duty": duty_report, "speech": speech, "plan": plan, "survey": survey,
          "feel": feeling, "check": check_material, "situ": situation}

# ---- junk, in phrasings invented here ----
BRANDS = ["墨耕斋", "笔友汇", "文渊阁范本", "稿匠", "青简网", "材料侠", "公文坊", "书札君"]


def meta():
    d = f"20{R.randint(21, 25)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"
    return R.choice([
        f"发布人：编辑部小禾 ｜ 更新于 {d} {R.randint(7, 22)}:{R.randint(10, 59)} ｜ 围观 {R.randint(1000, 99999)} 人次",
        f"当前位置：首页 » 范文中心 » {R.choice(['工作总结', '述职报告', '讲话稿', '心得体会'])} » 正文",
        f"全文约 {R.randint(8, 40)}000 字 · 预计阅读 {R.randint(15, 60)} 分钟",
        f"出处：网络整理   责编：阿晴   热度：{R.randint(1, 9)}.{R.randint(1, 9)}万",
        f"文档页数：{R.randint(12, 80)} 页 ｜ 上传时间：{d} ｜ 下载次数：{R.randint(10, 900)}",
        f"原创 {R.choice(NAMES[:3])}笔记 {d} 发表于{R.choice(['江西', '四川', '河南'])}",
        f"收录于合集 #公文写作 {R.randint(20, 300)}个",
        f"{d} ｜ 浏览{R.randint(300, 9000)}次 ｜ 评论{R.randint(0, 90)}条 ｜ 收藏{R.randint(10, 500)}",
        f"首页 > 文库 > 党政公文 > {R.choice(['总结报告', '方案计划', '领导讲话'])}",
        f"作者：佚名    时间：{d}    阅读：{R.randint(200, 9000)}",
    ])


def nav():
    titles = R.sample(["2023年社区网格员年终总结范文", "基层党支部书记抓党建述职报告范文", "乡镇林长制工作总结精选",
                       "防溺水安全教育讲话稿3篇", "机关作风整顿心得体会合集", "村级换届工作总结范文",
                       "主题党日活动方案范本", "医院院长年度述职报告模板"], 3)
    head = R.choice([
        [f"‹‹ 前一篇：{titles[0]}", f"后一篇 ››：{titles[1]}"],
        ["你可能还想看"] + ["· " + t for t in titles],
        ["延伸阅读"] + titles,
        [f"本文关键词：{R.choice(['述职报告', '工作总结'])}  范文  材料  汇编", "热门范文排行"] + ["▪ " + t for t in titles],
        ["◆ 同类文章推荐 ◆"] + titles + ["返回列表 ｜ 打印本页 ｜ 收藏本文"],
        [f"上一条：{titles[0]}", f"下一条：{titles[1]}", "【关闭窗口】"],
    ])
    return head


def paywall():
    n = R.randint(2, 30)
    return R.choice([
        f"—— 以上为预览部分，完整内容共 {n} 页，开通会员后可继续浏览 ——",
        f"本篇仅开放前 {R.randint(20, 60)}% 内容，购买后解锁全文",
        f"试读已结束，剩余{n}00字请登录后查看",
        "VIP专享文档，非会员仅可阅读部分内容",
        f"（余下 {n} 页隐藏中……点击展开）",
        f"付费内容｜支付 {R.randint(3, 29)}.9 元即可获取全文",
        "~~~ 因篇幅所限，后续章节已折叠，升级钻石会员畅读 ~~~",
        f"温馨提示：当前仅显示部分文字（{n}%），下载后可见完整文档",
    ])


def copyright_line():
    return R.choice([
        "声明：本站文档均由网友上传，如有侵权请联系删除。",
        "【免责申明】文章内容源于网络，版权归原作者所有，若有异议请来函告知，我们将于24小时内处理。",
        f"Copyright © 20{R.randint(10, 19)}-2025 范文资源站 All Rights Reserved 备案号：X ICP备{R.randint(10000000, 99999999)}号",
        "本文系作者授权转载，未经许可不得二次转载，违者必究。",
        "※ 如本文侵犯了您的权益，请发邮件至站务邮箱，核实后立即下架。",
    ])


def grab():
    return R.choice([
        "▲ 长按识别下方二维码，领取本文Word可编辑版",
        "👉 点此下载完整版（含目录，可直接修改）",
        f"扫一扫，关注后回复“{R.randint(1000, 9999)}”获取原文",
        "戳左下角【阅读原文】，一键获取全部汇编",
        "→→ 轻触这里，把整套材料存进你的网盘 ←←",
    ])


def page_mark(n, total, title, form):
    return ([f"— {n} —", f"第 {n} 页 / 共 {total} 页", f"Page {n} of {total}", f"～{n}～", f"{n} / {total}",
                     f"{title}    {n}", f"精品文档·可编辑\t{n}", f"<<第{n}页>>"])[form]


def advert(brand):
    return R.choice([
        f"【广告】{brand}公文写作训练营开班啦，30天从新手到笔杆子，报名请加客服微信",
        f"写材料没思路？打开“{brand}”小程序，10万+范文任你挑",
        f"本材料由{brand}整理发布，更多精品请关注{brand}",
        f"关注公众号「{brand}」，每天早上7点更新最新公文范文",
        f"—— {brand}出品 · 用心做好每一篇材料 ——",
    ])


def labels(style, i):
    c = CN[i] if i < 10 else str(i + 1)
    return {
        "稿件": (f"稿件{i + 1:02d}｜", "inline"), "篇": (f"◇第{c}篇◇", "line"), "样文": (f"样文{'壹贰叁肆伍陆柒捌玖拾'[i]}、", "inline"),
        "arrow": (f">>>{i + 1:02d}", "line"), "angle": (f"〈范本{c}〉", "inline"), "no": (f"素材No.{i + 1}：", "inline"),
        "精选": (f"〖精选材料·{i + 1}〗", "line"), "例": (f"例文{chr(0x2460 + i)}", "line"), "t": (f"T{i + 1}.", "inline"),
    }[style]


def inject_brand(line, brand):
    cut = [k for k, ch in enumerate(line) if ch == "，" and 4 < k < len(line) - 4]
    if not cut:
        return None
    k = R.choice(cut) + 1
    return line[:k] + brand + line[k:]


def mask_party(line):
    if "党" not in line or "D" in line:
        return None, []
    out = line.replace("党", "D")
    junk = sorted({out[i:i + 2] for i in range(len(out) - 1) if out[i] == "D" and out[i + 1] not in "栋级"})
    if any(len(j) < 2 for j in junk):
        return None, []
    return out, junk


def build(idx, cfg):
    p, unit, year = R.choice(PLACES), R.choice(UNITS), R.choice([2022, 2023, 2024, 2025])
    reports = []
    for g in cfg["genres"]:
        reports.append(GENRES[g](R.choice(PLACES) if R.random() < 0.3 else p, R.choice(UNITS) if R.random() < 0.3 else unit, year))
    junk, keep, out = [], [], []
    site = R.choice(BRANDS)  # the one site whose adverts the file carries
    brand = site if "brand" in cfg["junk"] else None
    if cfg.get("label"):
        for i, r in enumerate(reports):
            r.label = labels(cfg["label"], i)
    # above the compilation title
    if "meta" in cfg["junk"]:
        for _ in range(R.randint(1, 2)):
            m = meta()
            out.append(m)
            junk.append(m)
    ctitle = R.choice([f"{year}年{R.choice(['工作总结', '述职报告', '材料'])}汇编（{len(reports)}篇）",
                       f"精选{len(reports)}篇：{R.choice(['机关单位', '乡镇', '部门'])}常用公文材料合集",
                       f"【{len(reports)}篇】{year}年度各类报告范文大全", f"党政机关材料汇编{len(reports)}篇"])
    out.append(ctitle)
    if "meta2" in cfg["junk"]:
        m = meta()
        out.append(m)
        junk.append(m)
    if cfg.get("toc") == "empty":
        out += ["", "目录", ""] + [f"{i + 1}." for i in range(len(reports))] + [""]
    elif cfg.get("toc") == "full":
        out += ["", "目  录"] + [r.title for r in reports] + [""]
    if brand and "advert_top" not in cfg:
        a = advert(brand)
        out.append(a)
        junk.append(a)
    out.append("")
    page = [1]
    total = R.randint(20, 60)
    pform, head = R.randrange(8), R.choice([ctitle + "（内部资料）", "办公资源站 · 公文频道", "仅供学习参考 请勿外传"])
    for i, r in enumerate(reports):
        sep = cfg.get("sep", "blank")
        if i and sep == "blank":
            out.append("")
        elif i and sep == "mixed":
            out += [""] * R.choice([0, 1, 2])
        if r.label and r.label[1] == "line":
            out.append(r.label[0])
            titleline = r.title
        elif r.label:
            titleline = r.label[0] + r.title
        else:
            titleline = r.title
        out.append(titleline)
        keep.append(r.title)
        if i and R.random() < 0.5:
            keep.append(r.title)
        for a in r.after:
            out.append(a)
            keep.append(a)
        n = len(r.lines)
        for j, line in enumerate(r.lines):
            clean = line
            dirty = line
            if brand and j not in (0, n - 1) and R.random() < 0.35 and "D" not in line:
                b = inject_brand(line, brand)
                if b:
                    dirty = b
                    if brand not in junk:
                        junk.append(brand)
            if "mask" in cfg["junk"] and dirty == line:
                m, js = mask_party(line)
                if m:
                    dirty = m
                    junk += [x for x in js if x not in junk]
            out.append(dirty)
            if j in (0, 1, n - 1) or dirty != clean or R.random() < 0.35 or any(
                    w in clean for w in ("阅读量", "会员单位", "下一步", "版权", "付费", "扫码", "浏览量", "下一篇章", "来源", "D栋", "PAD", "D级")):
                keep.append(clean)
            # junk between paragraphs
            if 0 < j < n - 1 and R.random() < cfg.get("density", 0.12):
                cls = R.choice([c for c in cfg["junk"] if c in ("page", "paywall", "copy", "grab", "advert")] or ["none"])
                if cls == "none":
                    continue
                if cls == "page":
                    page[0] += R.randint(1, 2)
                    jl = [page_mark(page[0], total, ctitle, pform)]
                    if R.random() < 0.4:
                        jl.append(head)
                elif cls == "paywall":
                    jl = [paywall()]
                elif cls == "copy":
                    jl = [copyright_line()]
                elif cls == "grab":
                    jl = [grab()]
                else:
                    jl = [advert(site)]
                out += jl
                junk += [x for x in jl if x not in junk]
                if j + 1 < n:
                    keep.append(r.lines[j + 1])
        if "paywall_end" in cfg["junk"] and i == len(reports) - 1:
            pw = paywall()
            out.append(pw)
            junk.append(pw)
    tail = []
    if "grab" in cfg["junk"] and R.random() < 0.6:
        tail.append(grab())
    if "copy" in cfg["junk"]:
        tail.append(copyright_line())
    if "nav" in cfg["junk"]:
        tail += nav()
    if tail:
        out.append("")
        out += tail
        junk += [t for t in tail if t not in junk]
    keep = list(dict.fromkeys(k for k in keep if k not in junk))
    man = {"held_out": True, "reports": [{"title": r.title, "label": r.label[0] if r.label else None, "markers": r.markers}
                                         for r in reports], "junk": junk, "keep": keep}
    return "\n".join(out) + "\n", man


ALL = ["meta", "meta2", "nav", "paywall", "paywall_end", "copy", "grab", "page", "advert", "brand", "mask"]
CONFIGS = [
    dict(genres=["work", "speech", "duty", "feel"], junk=["meta", "nav", "paywall"], toc="empty", label="稿件"),
    dict(genres=["duty", "duty", "check", "speech"], junk=["meta2", "page", "mask"], sep="none"),
    dict(genres=["speech", "work", "plan"], junk=[], toc="full"),  # clean
    dict(genres=["survey", "situ", "feel", "work", "duty"], junk=["meta", "copy", "grab", "brand"], label="篇"),
    dict(genres=["plan", "plan", "speech", "speech"], junk=["page", "paywall_end", "nav"], label="arrow", sep="label"),
    dict(genres=["check", "feel", "feel", "check"], junk=["meta", "mask", "advert", "brand"], toc="empty"),
    dict(genres=["work", "work", "survey"], junk=["page", "copy"], label="样文", sep="mixed"),
    dict(genres=["situ", "speech", "duty", "plan", "feel"], junk=["meta", "meta2", "paywall", "nav", "grab"], label="angle"),
    dict(genres=["duty", "work", "speech"], junk=[], sep="none"),  # clean
    dict(genres=["feel", "speech", "survey", "check"], junk=["brand", "page", "nav"], label="no"),
    dict(genres=["plan", "work", "situ", "speech"], junk=["meta", "paywall", "paywall_end", "copy"], toc="full", label="精选"),
    dict(genres=["speech", "speech", "speech"], junk=["meta", "grab", "advert", "mask"], sep="none"),
    dict(genres=["work", "duty", "check", "feel", "survey"], junk=["page", "meta2", "nav"], label="例", toc="empty"),
    dict(genres=["survey", "survey", "situ"], junk=["paywall", "copy", "brand"], sep="mixed"),
    dict(genres=["duty", "speech", "work", "feel"], junk=["meta", "page", "grab", "nav", "mask"], label="t"),
    dict(genres=["check", "situ", "plan"], junk=["advert", "paywall_end"], toc="full"),
    dict(genres=["feel", "work", "speech", "duty", "plan", "survey"], junk=["meta", "paywall", "page", "copy", "nav", "brand"],
         label="稿件", density=0.2),
    dict(genres=["work", "check", "speech"], junk=["meta", "mask", "page"], sep="none", label="精选"),
    dict(genres=["plan", "duty", "feel"], junk=[]),  # clean
    dict(genres=["situ", "situ", "speech", "work"], junk=["grab", "nav", "advert"], label="no", sep="mixed"),
    dict(genres=["survey", "feel", "duty"], junk=["meta", "meta2", "paywall", "paywall_end", "copy"], label="angle", toc="empty"),
    dict(genres=["speech", "check", "check", "work"], junk=["page", "brand", "mask"], label="样文"),
    dict(genres=["work", "situ", "survey", "speech"], junk=["meta", "nav", "page", "paywall"], traditional=True, label="篇"),
    dict(genres=["duty", "plan", "speech", "feel"], junk=["meta", "copy", "page", "advert"], gb18030=True, sep="none"),
    dict(genres=["check", "work", "feel", "speech", "situ"], junk=["meta2", "grab", "paywall", "nav", "mask", "brand"],
         label="arrow", density=0.2),
    dict(genres=["plan", "survey", "duty"], junk=["meta", "page", "copy", "nav"], label="t", toc="full"),
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "blind2")
    os.makedirs(out, exist_ok=True)
    for i, cfg in enumerate(CONFIGS):
        text, man = build(i, cfg)
        if cfg.get("traditional"):
            import opencc

            s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
            text = s2t.convert(text)
            man["traditional"] = True
            for r in man["reports"]:
                r["title"] = s2t.convert(r["title"])
                r["label"] = r["label"] and s2t.convert(r["label"])
                r["markers"] = [s2t.convert(m) for m in r["markers"]]
            man["junk"] = [t2s.convert(s2t.convert(j)) for j in man["junk"]]
            man["keep"] = [t2s.convert(s2t.convert(k)) for k in man["keep"]]
        name = os.path.join(out, f"{i:02d}")
        if cfg.get("gb18030"):
            open(name + ".txt", "wb").write(text.replace("\n", "\r\n").encode("gb18030"))
        else:
            open(name + ".txt", "w", encoding="utf-8").write(text)
        json.dump(man, open(name + ".json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        print(name, len(man["reports"]), "reports")
    word(os.path.join(out, "word"))


WORD = [
    (dict(genres=["work", "speech", "duty"], junk=["meta", "paywall", "nav"], label="精选"),
     "公文材料汇编 · 可编辑版", "本文档由办公资源站整理，仅供学习交流，严禁商用"),
    (dict(genres=["plan", "check", "feel"], junk=["copy", "grab", "mask"], sep="none"),
     "内部学习资料  请勿外传", "下载更多范文请访问资源站 ｜ 会员免费"),
    (dict(genres=["situ", "survey", "speech", "duty"], junk=["meta", "advert", "brand"], toc="empty", label="稿件"),
     "精品文档 —— 可直接编辑打印", "该文档来自网络，侵删"),
]


def word(out):
    """Word files made with python-docx: each line a paragraph, and the site's junk also in the page
    header and footer (added to the manifest's junk)."""
    try:
        import docx
    except ImportError:
        print("python-docx not installed: no Word files")
        return
    os.makedirs(out, exist_ok=True)
    for i, (cfg, header, footer) in enumerate(WORD):
        text, man = build(100 + i, cfg)
        d = docx.Document()
        sec = d.sections[0]
        sec.header.paragraphs[0].text = header
        sec.footer.paragraphs[0].text = footer
        for line in text.rstrip("\n").split("\n"):
            d.add_paragraph(line)
        man["junk"] += [header, footer]
        name = os.path.join(out, f"w{i}")
        d.save(name + ".docx")
        json.dump(man, open(name + ".json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
        print(name, len(man["reports"]), "reports")


if __name__ == "__main__":
    main()
