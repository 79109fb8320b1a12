#!/usr/bin/env python3
"""Writes the third blind held-out corpus: tests/fixtures/blind3/NN.txt + NN.json and
tests/fixtures/blind3/word/wN.docx (+ one .doc) + wN.json.

Written for issue 14 by a helper who read neither the rules, the other corpora nor their
generators, and never ran qinggao on these files. Each file imitates a compilation ("汇编") as a
material site sells it: several reports of mixed genres, a site's labels before the titles, and
the site's junk (metadata, navigation, paywall notices, copyright lines, scan-to-get lines, page
headers and footers, adverts, an injected brand word, 党 masked as D, GDP as DP).

The manifests follow tests/scoring/mod.rs. Deterministic: a fixed seed, run it again and the
files come out byte for byte the same (the .doc aside, which LibreOffice writes).

Run: python3 scripts/gen_blind3_corpus.py
"""

import json
import os
import random
import shutil
import subprocess
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "blind3")
rng = random.Random(31415926)

CN = "一二三四五六七八九十"


def cn(n):
    """1..19 in Chinese numerals."""
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


# ---------------------------------------------------------------- prose -------------------

PLACES = ["白沙街道", "青石镇", "云溪乡", "柳河镇", "城关街道", "东湖街道", "桃源镇", "石门乡", "金港街道",
          "临江镇", "凤岭乡", "南屏街道", "长乐镇", "双桥街道", "XX镇", "XX街道"]
UNITS = ["区应急管理局", "县民政局", "区市场监督管理局", "县自然资源局", "区住房和城乡建设局", "县农业农村局",
         "区人力资源和社会保障局", "区城市管理局", "县卫生健康局", "区教育局", "县水利局", "区商务局",
         "县司法局", "区退役军人事务局", "县医疗保障局", "区统计局"]
TOPICS = ["基层治理", "安全生产", "乡村振兴", "优化营商环境", "生态环境保护", "民生保障", "党建引领",
          "作风建设", "招商引资", "城市精细化管理", "信访维稳", "防汛抗旱", "老旧小区改造", "农村人居环境整治",
          "就业创业", "养老服务", "食品安全", "耕地保护", "法治政府建设", "数字政府建设", "矛盾纠纷化解",
          "河湖长制", "森林防火", "文明城市创建"]
TOPIC_WORK = {
    "基层治理": ["网格化管理", "小区议事会", "“街乡吹哨、部门报到”", "社区工作者队伍", "居民自治章程"],
    "安全生产": ["隐患排查整治", "燃气安全专项整治", "“三合一”场所", "企业主体责任", "应急演练"],
    "乡村振兴": ["高标准农田", "村集体经济", "特色产业基地", "脱贫人口增收", "农村电商"],
    "优化营商环境": ["“一件事一次办”", "涉企收费清理", "政务服务窗口", "企业开办时间", "惠企政策兑现"],
    "生态环境保护": ["大气污染防治", "黑臭水体治理", "秸秆禁烧", "入河排污口排查", "扬尘管控"],
    "民生保障": ["低保动态管理", "临时救助", "残疾人两项补贴", "困难群众走访", "医保参保扩面"],
    "党建引领": ["支部标准化建设", "党员积分管理", "“双报到”", "红色物业", "发展党员"],
    "作风建设": ["“四风”整治", "文山会海", "督查检查考核", "基层减负", "干部担当作为"],
    "招商引资": ["产业链招商", "项目签约落地", "招商专班", "重点客商回访", "亩均效益"],
    "城市精细化管理": ["背街小巷整治", "占道经营", "垃圾分类", "违法建设拆除", "停车秩序"],
    "信访维稳": ["信访积案化解", "领导干部接访", "重点人员稳控", "初信初访", "网格排查"],
    "防汛抗旱": ["山塘水库巡查", "地质灾害隐患点", "防汛物资储备", "转移避险预案", "抗旱水源"],
    "老旧小区改造": ["管网改造", "加装电梯", "楼道整治", "居民意见征集", "长效管理"],
    "农村人居环境整治": ["户厕改造", "村庄清洁行动", "生活污水治理", "美丽庭院", "垃圾收运"],
    "就业创业": ["零工市场", "创业担保贷款", "高校毕业生就业", "技能培训", "公益性岗位"],
    "养老服务": ["居家养老服务站", "老年助餐点", "特困人员供养", "适老化改造", "养老机构安全"],
    "食品安全": ["校园食品安全", "农贸市场抽检", "“明厨亮灶”", "小作坊整治", "食品快检"],
    "耕地保护": ["耕地“非农化”", "永久基本农田", "撂荒地复耕", "田长制", "卫片图斑整改"],
    "法治政府建设": ["行政执法“三项制度”", "合法性审查", "普法宣传", "行政复议应诉", "公共法律服务"],
    "数字政府建设": ["一网通办", "数据共享", "政务服务网", "城市运行平台", "电子证照"],
    "矛盾纠纷化解": ["人民调解", "诉源治理", "“枫桥经验”", "调解委员会", "多元解纷"],
    "河湖长制": ["河湖“四乱”", "巡河履职", "水质监测", "岸线保护", "河道保洁"],
    "森林防火": ["野外用火管控", "护林员巡山", "防火隔离带", "火源检查站", "扑火队伍"],
    "文明城市创建": ["志愿服务", "公益广告", "文明实践站", "市容秩序", "文明餐桌"],
}

OPEN = [
    "{y}年以来，{p}坚持以习近平新时代中国特色社会主义思想为指导，围绕{t}目标任务，统筹推进各项工作，取得了阶段性成效。",
    "今年以来，在上级党委、政府的坚强领导下，{p}聚焦{t}，攻坚克难、真抓实干，较好完成了年初确定的各项目标任务。",
    "按照年初工作部署，{p}把{t}摆在突出位置，压实责任、细化措施，各项工作稳步推进。现将有关情况报告如下。",
    "为全面掌握{t}工作开展情况，近期我们采取实地走访、座谈交流、查阅资料等方式，深入XX个村（社区）开展专题调研，现将调研情况报告如下。",
    "根据组织安排，现将本人{y}年度履行岗位职责、落实全面从严治党责任和廉洁自律情况报告如下，请予评议。",
    "为深入贯彻落实上级关于{t}的决策部署，切实解决群众急难愁盼问题，结合我{unit}实际，制定本方案。",
    "按照这次专题民主生活会的要求，会前我认真学习了规定篇目，广泛征求了意见建议，与班子成员开展了谈心谈话，现对照检查如下。",
    "{y}年是全面贯彻党的二十大精神的关键之年，做好{t}工作意义重大。{p}坚持早谋划、早部署，推动工作开局良好。",
]

S = [
    "围绕{w}，建立“周调度、月通报、季考核”工作机制，累计召开专题会议XX次，协调解决问题XX个。",
    "全年共排查各类问题{n}个，已整改{m}个，整改率达{pc}%，其余问题均已明确责任人和完成时限。",
    "坚持把{w}作为重要抓手，主要领导亲自部署、分管领导具体负责，形成了一级抓一级、层层抓落实的工作格局。",
    "在{w}方面，我们采取“清单化管理、项目化推进”的办法，逐项明确牵头单位、责任人和完成时限。",
    "投入资金{n}万元，完成{w}项目{m}个，惠及群众XX户，群众满意度明显提升。",
    "组织开展{w}专项行动，出动检查人员{n}人次，下发整改通知书{m}份，立案查处XX起。",
    "主动对接上级部门，争取{w}专项资金{n}万元，为工作开展提供了有力保障。",
    "探索推行“{a}+{b}”模式，把{w}融入日常工作，形成了一批可复制可推广的经验做法。",
    "坚持问题导向，围绕群众反映集中的{w}问题，开展“回头看”，确保问题不反弹、不回潮。",
    "建立健全{w}长效机制，出台配套制度{m}项，推动工作由“阶段性整治”向“常态化治理”转变。",
    "加强宣传引导，通过入户走访、微信群、宣传栏等方式发放资料{n}余份，营造了全社会共同参与的良好氛围。",
    "强化督查问效，将{w}纳入年度综合考核，对推进不力的单位进行约谈提醒{m}次。",
    "组织业务培训{m}期，培训干部群众{n}人次，基层干部的业务能力和服务水平有了新提高。",
    "与{p2}建立结对共建关系，在{w}方面互学互鉴、资源共享，取得了较好效果。",
    "全年受理群众诉求{n}件，办结率{pc}%，群众满意率稳定在XX%以上。",
    "对照年度目标，{w}完成率达到{pc}%，位居全区前列，得到上级部门的充分肯定。",
    "聚焦“人、地、事、物、情、组织”等要素，全面摸清底数，建立工作台账{m}本。",
    "充分发挥村（社区）干部、网格员、志愿者作用，组建工作专班{m}个，实现任务到人、责任到岗。",
    "把{w}与“我为群众办实事”实践活动结合起来，办成民生实事{m}件。",
    "坚持“一月一研判、一季一总结”，及时发现和解决{w}中的苗头性、倾向性问题。",
    "全力推进{w}，年内新增{m}处，完成投资{n}万元，同比增长{pc}%。",
    "严格落实“日报告、周总结”制度，确保各类信息报送及时准确。",
    "针对{w}中存在的短板弱项，列出问题清单、责任清单、整改清单，实行销号管理。",
    "积极引入社会力量参与{w}，培育社会组织{m}家，购买服务项目XX个。",
]
PROB = [
    "思想认识还不够到位，少数干部对{w}的重要性认识不足，存在“等靠要”思想。",
    "工作推进还不够平衡，部分村（社区）{w}基础薄弱，与群众期盼还有差距。",
    "资金保障压力较大，{w}投入主要依靠上级补助，自身造血能力不足。",
    "队伍力量相对薄弱，基层工作人员身兼数职，专业化水平有待提高。",
    "长效机制还不够健全，{w}“重建设、轻管理”的问题依然存在。",
    "宣传发动还不够深入，群众参与{w}的主动性、积极性还没有充分调动起来。",
]
PROB += [
    "部分项目推进较慢，{w}进度滞后于序时，个别任务存在“前松后紧”的情况。",
    "基层基础仍有短板，村（社区）办公经费紧张，{w}的硬件设施还不完善。",
    "群众诉求日益多元，{w}的精细化、个性化水平与群众期盼相比还有差距。",
    "部门协同还不够顺畅，在{w}上存在信息壁垒、各自为战的现象。",
    "考核激励作用发挥不充分，干部干事创业的积极性还没有完全激发出来。",
]
PROB_HEAD = ["思想认识有待深化", "工作推进不够平衡", "要素保障存在短板", "队伍建设相对滞后", "长效机制尚不健全",
             "协同联动不够有力", "群众参与度不高"]
NEXT = [
    "下一步，我们将坚持目标导向，把{w}作为重中之重，倒排工期、挂图作战，确保按期完成任务。",
    "紧盯{w}等关键环节，进一步完善工作机制，推动工作由“被动应对”向“主动作为”转变。",
    "积极争取上级政策和资金支持，多渠道筹措资金，为{w}提供坚实保障。",
    "持续加强干部队伍建设，分批次开展{w}业务轮训，提升干部专业素养。",
    "加大对{w}的督查力度，对工作不力、进度滞后的及时约谈通报。",
    "及时总结推广{w}中的好经验好做法，以点带面推动整体工作提升。",
    "坚持以人民为中心，把群众满意度作为检验{t}工作的根本标准。",
    "健全常态长效机制，推动{t}各项工作制度化、规范化、长效化。",
]
SELF = [
    "在理论学习上，存在以干代学、学用脱节的问题，对新理论新要求学得不够深、悟得不够透。",
    "在担当作为上，面对{w}等难题，有时存在畏难情绪，开拓创新的劲头不足。",
    "在联系群众上，深入基层调研的次数不够多，有时满足于听汇报、看材料。",
    "在作风建设上，有时工作标准不够高，存在“过得去就行”的想法。",
    "在廉洁自律上，对身边工作人员要求不够严格，日常提醒还不够经常。",
    "究其根源，主要是理想信念有所放松，宗旨意识有所淡化，纪律规矩意识有所弱化。",
    "今后，我将认真对照查摆出的问题，逐条制定整改措施，以整改实效取信于民。",
    "始终把政治建设摆在首位，自觉在思想上政治上行动上同党中央保持高度一致。",
    "在调查研究上，有时满足于面上了解情况，对{w}等深层次问题研究不够透。",
    "在斗争精神上，对一些敏感问题不愿较真碰硬，存在“好人主义”思想。",
    "在抓落实上，对{w}等工作跟踪问效不够，有时存在“重部署、轻落实”的现象。",
    "在为民服务上，解决群众急难愁盼问题的办法还不多，主动靠前服务的意识不够强。",
    "严格遵守中央八项规定及其实施细则精神，从未利用职务便利为本人和亲属谋取利益。",
    "认真履行“一岗双责”，定期研究分管领域党风廉政建设工作，做到工作部署到哪里，廉政建设就延伸到哪里。",
]
FEEL = [
    "通过这次集中学习，我深刻认识到，{t}不是一时一事的任务，而是一项需要久久为功的系统工程。",
    "作为一名基层干部，我们要把学习成果转化为推动{t}的实际行动，在解决群众急难愁盼问题中检验学习成效。",
    "回顾这段时间的学习，最大的体会是思想上受到了洗礼，精神上得到了升华，工作上找到了方向。",
    "学然后知不足。对照先进典型，我感到自己在{w}方面还有不少差距，必须在今后工作中加以改进。",
    "群众利益无小事。只有真正沉下身子、扑下身子，才能听到真话、察到实情。",
    "纸上得来终觉浅，绝知此事要躬行。下一步，我将把{w}作为检验学习成效的试金石。",
    "干部干部，干字当头。面对新形势新任务，必须以更加饱满的精神状态投入到{t}工作中去。",
    "思想是行动的先导。只有把理论学深悟透，才能在{w}等具体工作中把准方向、少走弯路。",
    "对照学习内容，我认真反思了自己在{w}工作中的做法，深感有些工作还停留在表面，抓得不够实。",
    "实践告诉我们，抓{t}必须坚持以人民为中心，把群众满意作为最高标准。",
    "这次培训内容丰富、形式多样，既有理论辅导，又有现场教学，让我受益匪浅。",
    "总之，这次学习让我进一步坚定了理想信念，明确了努力方向，我将以更高标准、更严要求做好本职工作。",
]
OPEN_BY = {
    "summary": [OPEN[0], OPEN[1], OPEN[7]],
    "shuzhi": [OPEN[4], "{y}年，在区委的坚强领导下，我认真履行岗位职责，团结带领班子成员推动{t}等各项工作取得新进展。现将有关情况报告如下。"],
    "speech": ["今天召开这次会议，主要任务是总结前一阶段{t}工作，分析当前形势，部署下一步任务。",
               "刚才，几个单位作了交流发言，讲得都很好，各有特色，大家要相互学习借鉴。下面，我就做好{t}工作讲几点意见。",
               "这次会议是经区委研究决定召开的一次重要会议。前一阶段，各级各部门围绕{t}做了大量工作，成效是明显的。"],
    "plan": [OPEN[5], "为进一步加强{t}工作，推动各项任务落地落实，根据上级有关文件精神，结合实际，制定本要点。"],
    "survey": [OPEN[3], "{t}事关群众切身利益。近期，我们围绕{t}工作组成调研组，深入基层开展了专题调研。"],
    "feel": ["近期，我认真参加了{t}专题学习，系统学习了有关文件和领导讲话精神，收获很大、感触很深。",
             "根据安排，下面我结合分管工作，围绕{t}谈几点学习体会，不妥之处请大家批评指正。",
             "按照研讨安排，我重点围绕{t}进行了学习思考，现将学习体会汇报如下。"],
    "check": [OPEN[6], "根据这次专题组织生活会的安排，我认真对照要求，深入查摆自身存在的问题，现将个人剖析情况报告如下。"],
    "huibao": [OPEN[2], "现将{p}{t}工作开展情况汇报如下，不妥之处，请各位领导批评指正。"],
}
HEAD1_BY = {
    "summary": ["{y}年工作开展情况", "坚持高位推动，{t}工作取得新成效", "存在的问题和不足", "下一步工作打算", "几点体会"],
    "shuzhi": ["加强学习，不断提升政治素养和履职能力", "履职尽责，推动各项工作落地见效", "严守纪律，认真落实党风廉政建设责任",
               "存在的不足和今后努力方向", "下一步打算"],
    "speech": ["统一思想，充分认清做好{t}工作的重要意义", "突出重点，扎实抓好{t}各项任务", "压实责任，确保各项部署落到实处",
               "转变作风，以务实举措推动工作见效", "强化保障，营造良好工作氛围"],
    "plan": ["总体要求", "工作目标", "主要任务", "实施步骤", "保障措施"],
    "survey": ["基本情况", "主要做法和成效", "存在的主要问题", "原因分析", "对策建议"],
    "check": ["上年度整改措施落实情况", "查摆的主要问题", "产生问题的原因分析", "今后的努力方向和整改措施", "个人有关事项报告情况"],
    "huibao": ["工作开展情况", "取得的主要成效", "存在的困难和问题", "下一步工作打算", "有关意见建议"],
    "feel": ["深化思想认识", "把握核心要义", "查找差距不足", "推动学用结合", "努力方向"],
}
HEAD1 = ["坚持高位推动，{t}工作取得新成效", "聚焦重点任务，扎实推进{w}", "存在的主要问题", "下一步工作打算",
         "基本情况", "主要做法和成效", "面临的困难和问题", "对策建议", "工作目标", "主要任务", "保障措施",
         "强化组织保障，凝聚工作合力", "坚持问题导向，补齐{w}短板", "履职尽责情况", "廉洁自律情况",
         "存在的不足和努力方向", "查摆的主要问题", "产生问题的原因分析", "今后的努力方向和整改措施",
         "统一思想，充分认清做好{t}工作的重要意义", "突出重点，扎实抓好{t}各项任务", "加强领导，确保各项部署落到实处"]
HEAD2 = ["强化责任落实", "健全工作机制", "突出{w}", "加大投入力度", "加强队伍建设", "深化宣传引导",
         "强化督查考核", "坚持统筹兼顾", "注重源头治理", "提升服务水平", "严格执纪问责", "抓实{w}"]


class Prose:
    """Sentences filled for one report's topic; never the same sentence twice in a file."""

    def __init__(self):
        self.used = set()
        self.tpl = set()

    def new_report(self):
        self.tpl = set()

    def fill(self, tpl, ctx):
        w = rng.choice(TOPIC_WORK[ctx["t"]])
        n = rng.randint(12, 9800)
        return tpl.format(t=ctx["t"], p=ctx["p"], y=ctx["y"], unit=ctx["unit"], w=w, n=n,
                          m=rng.randint(3, 96), pc=rng.choice(["92.6", "95", "98.3", "100", "87.5", "96.4"]),
                          a=rng.choice(["党建", "网格", "数字", "信用"]), b=rng.choice(["服务", "治理", "监管", "积分"]),
                          p2=rng.choice(PLACES))

    def sentence(self, pool, ctx):
        fresh = [t for t in pool if t not in self.tpl] or pool
        for _ in range(40):
            tpl = rng.choice(fresh)
            self.tpl.add(tpl)
            s = self.fill(tpl, ctx)
            if s not in self.used:
                self.used.add(s)
                return s
        return s

    def para(self, ctx, pool=S, k=(2, 4)):
        return "".join(self.sentence(pool, ctx) for _ in range(rng.randint(*k)))

    def head(self, pool, ctx):
        fresh = [t for t in pool if t not in self.tpl] or pool
        tpl = rng.choice(fresh)
        self.tpl.add(tpl)
        return self.fill(tpl, ctx)


# ---------------------------------------------------------------- reports -----------------

# Marker schemes: level markers for headings (with their own text) and 一是-like paragraph starts.
SCHEMES = ["std", "std_yishi", "std_num_paren", "diyi", "shouxian", "yiyao", "yizhua", "circled", "num_half",
           "paren_ascii", "paren_digit", "fullwidth_letter", "chapter", "none", "std_circled", "std_num_half"]


def ordinal_markers(scheme, n):
    if scheme == "diyi":
        return [f"第{cn(i)}，" for i in range(1, n + 1)]
    if scheme == "shouxian":
        seq = ["首先，", "其次，", "再次，", "最后，"]
        return seq[:n - 1] + ["最后，"] if n <= 4 else seq
    if scheme == "yiyao":
        return [f"{cn(i)}要" for i in range(1, n + 1)]
    if scheme == "yizhua":
        return [f"{cn(i)}抓" for i in range(1, n + 1)]
    if scheme == "yishi":
        return [f"{cn(i)}是" for i in range(1, n + 1)]
    if scheme == "circled":
        return ["①②③④⑤⑥⑦⑧⑨⑩"[i] for i in range(n)]
    if scheme == "num_half":
        return [f"{i}）" for i in range(1, n + 1)]
    if scheme == "paren_ascii":
        return [f"({i})" for i in range(1, n + 1)]
    if scheme == "paren_digit":
        return ["⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"[i] for i in range(n)]
    if scheme == "fullwidth_letter":
        return ["ＡＢＣＤＥＦＧＨ"[i] + "．" for i in range(n)]
    if scheme == "num":
        return [f"{i}." for i in range(1, n + 1)]
    if scheme == "paren_num":
        return [f"（{i}）" for i in range(1, n + 1)]
    raise ValueError(scheme)


def body(prose, ctx, scheme, size):
    """(line, marker-or-None) pairs of a report body in `scheme`; size 1 short .. 3 long."""
    out = []
    pool = ctx.get("pool", S)
    out.append((prose.para(ctx, [rng.choice(OPEN_BY[ctx["genre"]])], (1, 1)) + prose.para(ctx, pool, (1, 2)), None))
    nh = min(5, {1: 2, 2: 3, 3: 4}[size] + rng.randint(0, 1))

    def tail(mk, txt):
        return (mk + txt, mk)

    if scheme == "none":
        for _ in range(nh + 1):
            out.append((prose.para(ctx, FEEL + pool, (2, 3)), None))
        return out
    if scheme in ("diyi", "shouxian", "yiyao", "yizhua", "circled", "num_half", "paren_ascii", "paren_digit",
                  "fullwidth_letter"):
        mks = ordinal_markers(scheme, min(nh + 1, 4) if scheme == "shouxian" else nh + 1)
        for mk in mks:
            sep = "" if scheme in ("yiyao", "yizhua") else ""
            h = prose.head(HEAD2, ctx)
            if scheme == "yizhua":
                line = mk + h[2:] + "。" + prose.para(ctx, pool, (1, 3))
            elif scheme == "yiyao":
                line = mk + h + "。" + prose.para(ctx, pool, (1, 3))
            elif scheme in ("diyi", "shouxian"):
                line = mk + "要" + h + "。" + prose.para(ctx, pool, (1, 3))
            else:
                line = mk + sep + h + "。" + prose.para(ctx, pool, (1, 2))
            out.append((line, mk))
            if size >= 2 and rng.random() < 0.5:
                out.append((prose.para(ctx, pool, (2, 3)), None))
        return out
    if scheme == "chapter":
        chap = 1
        for c in range(min(nh, 3)):
            mk = f"第{cn(chap)}章"
            out.append((f"{mk} {['总则', '目标任务', '工作措施', '保障机制'][c]}", mk))
            for s in range(rng.randint(1, 2)):
                mk2 = f"第{cn(s + 1)}节"
                out.append((f"{mk2} {prose.head(HEAD2, ctx)}", mk2))
                out.append((prose.para(ctx, pool, (2, 3)), None))
            chap += 1
        return out
    # Schemes with 一、 headings.
    for h in range(1, nh + 1):
        mk = f"{cn(h)}、"
        htext = prose.fill(HEAD1_BY[ctx["genre"]][h - 1], ctx)
        out.append((mk + htext, mk))
        # What follows a heading reads as the heading asks: problems, plans, or work done.
        section_pool, section_heads = ctx.get("pool", S), HEAD2
        if any(w in htext for w in ("问题", "不足", "困难", "原因")):
            section_pool = PROB + (SELF if ctx["genre"] in ("shuzhi", "check") else [])
            section_heads = PROB_HEAD
        elif any(w in htext for w in ("下一步", "打算", "努力方向", "对策建议", "整改措施", "有关意见")):
            section_pool = NEXT
        pool = section_pool
        if rng.random() < 0.3:
            out.append((prose.para(ctx, pool, (1, 2)), None))
        subs = rng.randint(2, 3) if size >= 2 else rng.randint(1, 2)
        for s in range(1, subs + 1):
            if scheme == "std_yishi":
                mk = f"{cn(s)}是"
                out.append((mk + prose.para(ctx, pool, (1, 2)), mk))
                continue
            if scheme == "std_circled":
                mk = "①②③④"[s - 1]
                out.append((mk + prose.head(section_heads, ctx) + "。" + prose.para(ctx, pool, (1, 2)), mk))
                continue
            if scheme == "std_num_half":
                mk = f"{s}."
                out.append((mk + prose.head(section_heads, ctx) + "。" + prose.para(ctx, pool, (1, 2)), mk))
                for q in range(1, rng.randint(1, 3)):
                    mk3 = f"{q}）"
                    out.append((mk3 + prose.para(ctx, pool, (1, 1)), mk3))
                continue
            mk = f"（{cn(s)}）"
            inline = rng.random() < 0.4
            txt = prose.head(section_heads, ctx) + "。"
            if inline:
                txt += "一是" + prose.sentence(pool, ctx) + "二是" + prose.sentence(pool, ctx)
            else:
                txt += prose.para(ctx, pool, (1, 2))
            out.append((mk + txt, mk))
            if scheme in ("std", "std_num_paren") and size >= 2 and rng.random() < 0.6:
                for q in range(1, rng.randint(2, 3) + 1):
                    mk3 = f"{q}." if scheme == "std" else f"（{q}）"
                    out.append((mk3 + prose.head(section_heads, ctx) + "。" + prose.sentence(pool, ctx), mk3))
                    if scheme == "std" and rng.random() < 0.3:
                        for r in range(1, 3):
                            mk4 = f"（{r}）"
                            out.append((mk4 + prose.sentence(pool, ctx), mk4))
    return out


NAMES = ["王XX", "李XX", "张XX", "刘XX", "陈XX", "杨XX", "赵XX", "黄XX", "周XX", "吴XX", "XXX"]
POSTS = ["党工委副书记、办事处主任", "党委委员、副镇长", "党委书记", "党委委员、武装部部长",
         "党委副书记、镇长", "纪工委书记", "党政办主任", "党工委委员、宣传委员"]
UNIT_POSTS = ["党组成员、副局长", "局长", "党组书记、局长", "办公室主任", "四级调研员", "机关党委书记"]
MEETINGS = ["全区{t}工作推进会", "全县{t}工作部署会", "{t}专题调度会议", "全镇{t}暨作风建设大会",
            "街道{t}工作动员大会", "{t}工作现场观摩会", "全县{t}工作总结表彰会"]


def report(prose, genre, size, used_titles, scheme=None):
    """A report of `genre` whose title is not in `used_titles` yet."""
    while True:
        r = draft(prose, genre, size, used_titles, scheme)
        if r:
            return r


def draft(prose, genre, size, used_titles, scheme=None):
    y = rng.choice([2022, 2023, 2024])
    t = rng.choice(TOPICS)
    p = rng.choice(PLACES + UNITS)
    posts = UNIT_POSTS if p.endswith("局") else POSTS
    ctx = {"t": t, "p": p, "y": y, "unit": "局" if p.endswith("局") else ("镇" if "镇" in p else "街道"), "genre": genre}
    prose.new_report()
    pre = []  # lines between title and body that are not markers
    if genre == "summary":
        title = rng.choice([f"{p}{y}年{t}工作总结", f"{p}{y}年工作总结及{y + 1}年工作计划",
                            f"{p}{y}年上半年{t}工作总结", f"{y}年{p}{t}工作情况总结"])
        scheme = scheme or rng.choice(["std", "std_yishi", "std_num_paren", "std_num_half", "std_circled"])
    elif genre == "shuzhi":
        who = rng.choice(NAMES)
        title = rng.choice([f"{y}年度个人述职述廉报告", f"{who}同志{y}年度述职报告", f"{p}{rng.choice(posts)}{y}年述职述廉报告",
                            f"{who}同志个人述责述廉报告"])
        if rng.random() < 0.7:
            pre.append(rng.choice([f"述职人：{who}", f"述职人：{who}（{rng.choice(posts)}）", f"（{p}{rng.choice(posts)} {who}）"]))
        ctx["pool"] = S + SELF
        scheme = scheme or rng.choice(["std", "std_yishi", "diyi", "shouxian", "paren_ascii"])
    elif genre == "speech":
        m = rng.choice(MEETINGS).format(t=t)
        title = f"在{m}上的讲话"
        if rng.random() < 0.5:
            pre.append(f"{rng.choice(posts).split('、')[-1]} {rng.choice(NAMES)}")
        else:
            pre.append(f"——{rng.choice(NAMES)}")
        pre.append(rng.choice([f"（{y}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日）", f"{y}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
                               f"（{y}年X月X日）", "XXXX年XX月XX日"]))
        pre.append("同志们：")
        scheme = scheme or rng.choice(["std", "diyi", "yiyao", "yizhua", "shouxian", "std_yishi"])
    elif genre == "plan":
        title = rng.choice([f"{p}{t}专项行动实施方案", f"{p}关于开展{t}三年行动的实施方案", f"{p}{y}年{t}工作要点",
                            f"关于印发《{p}{t}工作方案》的通知", f"{p}{y}年{t}工作要点"])
        scheme = scheme or rng.choice(["std", "chapter", "std_num_paren", "fullwidth_letter", "paren_digit", "circled"])
    elif genre == "survey":
        title = rng.choice([f"关于{p}{t}情况的调研报告", f"关于{t}工作的调研报告", f"关于我{ctx['unit']}{t}工作的调查与思考"])
        ctx["pool"] = S
        scheme = scheme or rng.choice(["std", "std_num_half", "num_half", "paren_ascii", "std_circled"])
    elif genre == "feel":
        title = rng.choice([f"学习{t}专题培训心得体会", f"在{t}专题研讨会上的发言", f"{t}专题学习研讨发言材料",
                            f"参加{y}年{t}专题读书班心得体会", f"研讨发言：以{t}为抓手推动工作落地见效"])
        ctx["pool"] = FEEL + S
        scheme = scheme or rng.choice(["none", "none", "diyi", "shouxian"])
    elif genre == "check":
        title = rng.choice([f"{y}年度民主生活会个人对照检查材料", f"主题教育专题组织生活会个人剖析材料",
                            f"{p}领导班子{y}年度民主生活会对照检查材料", f"以案促改专题民主生活会个人对照检查材料"])
        ctx["pool"] = SELF
        scheme = scheme or rng.choice(["std", "std_yishi", "diyi"])
    else:  # report / 汇报
        title = rng.choice([f"关于{p}{t}工作情况的汇报", f"{p}{t}工作情况报告", f"关于{y}年{t}工作开展情况的报告",
                            f"{p}关于{t}工作进展情况的汇报"])
        scheme = scheme or rng.choice(["std", "std_yishi", "paren_ascii", "num_half", "std_num_half"])
    if title in used_titles:
        return None
    used_titles.add(title)
    lines = [(l, None) for l in pre] + body(prose, ctx, scheme, size)
    return {"title": title, "label": None, "lines": lines, "genre": genre, "npre": len(pre)}


GENRES = ["summary", "shuzhi", "speech", "plan", "survey", "feel", "check", "huibao"]

# ---------------------------------------------------------------- junk --------------------

META = [
    "发布者：公文小助手 ｜ 更新于 {d} 09:42 ｜ 围观 {n} 人",
    "📅 {d}   👁 {n}   ⭐收藏 86",
    "文档编号：WK-{dd}-0042　页数：37　大小：86KB　格式：DOCX",
    "本文由 网友投稿 上传于 {d} · 已被下载 {n} 次",
    "时间：{d}　来源：网络整理　作者：佚名　人气：{n}",
    "【字号：大 中 小】【打印本页】【关闭窗口】",
    "投稿日期：{d}　栏目：工作总结　热度：{n}℃",
    "分类：述职报告 ▏阅读量：{n} ▏点赞：{m}",
    "作者：材料君　　{d}　　阅读 {n}　　在看 {m}",
    "出处：某某机关文稿库 | 更新时间：{d} | 浏览次数：{n}次",
    "贡献者：xz_2019　上传时间：{d}　下载积分：5",
]
META += [
    "本文共计{n}字，预计阅读时间{m}分钟",
    "阅读量：１２{m}８　｜　收藏：３{m}　｜　发布：{d}",
    "编辑：小周　审核：老杨　{d}　原创投稿",
    "字数：{n} · 适用：机关单位 · 格式：可编辑",
]
# A comment section or a reader's prompt at the end of a post.
COMMENTS = [
    ["网友评论（{m}）", "匿名用户：写得很好，已收藏，谢谢分享", "xx办小刘：求Word版，已私信"],
    ["全部评论 {m} 条", "游客{n}：参考价值很大", "→ 登录后参与评论"],
    ["喜欢作者就打赏一下吧　¥2　¥5　¥10"],
    ["▼ 点个“在看”，材料写作不迷路", "分享 ｜ 点赞 ｜ 在看"],
]
NAV_HEAD = ["« 前一篇：{a}", "后一篇 »：{b}", "上一篇文章：{a}", "下一篇文章：{b}", "上篇：{a}　　下篇：{b}",
            "◀ 返回上一篇　｜　进入下一篇 ▶", "← 上一篇 {a}", "→ 下一篇 {b}"]
TAGS = ["本文标签：工作总结 述职报告 {y}年", "TAG：讲话稿｜实施方案｜调研报告", "关键词：心得体会 研讨发言 范文",
        "🏷 标签：#对照检查 #民主生活会 #个人剖析", "Tags: 汇报材料, 情况报告, 公文范文"]
REL_HEAD = ["▍延伸阅读", "你可能还想看：", "热门文档排行", "同类范文推荐", "相关范文：", "大家都在看👇", "更多精彩内容",
            "本栏目最新更新", "猜你想找"]
REL_BULLET = ["· ", "→ ", "▸ ", "★ ", "◎ ", "- ", "▪ ", "☞ "]
FAKE_TITLES = ["{y}年度机关党支部书记抓党建述职报告", "乡镇{y}年度平安建设工作总结", "在全县经济工作会议上的讲话提纲",
               "社区党组织书记培训心得体会（精选5篇）", "关于加强年轻干部培养的调研与思考", "{y}年安全生产月活动方案",
               "机关作风建设自查报告范文", "巡察整改专题民主生活会发言提纲", "街道综治中心建设情况汇报",
               "关于村级集体经济发展的调研报告（2篇）", "优秀共产党员先进事迹材料", "纪检监察干部教育整顿心得"]
PAY = [
    "——以上为预览部分，购买后可下载完整版（共{n}字）——",
    "本篇仅展示前30%内容，开通年卡即可畅读全站文档",
    "余下{m}页未展示，解锁后可继续阅读",
    "试看已结束，余下正文需兑换{m}积分",
    "此处内容已折叠，登录后展开剩余{n}字",
    "【内容过长，已截断，完整版请至会员中心下载】",
    "VIP专享 | 剩余内容请升级会员后查看",
    "支付9.9元解锁全文并下载Word文档",
    "……（未完，全文共{n}字，当前仅显示{m}00字）",
    "温馨提示：免费用户只能浏览部分内容，成为超级会员立享无限下载",
    "▼▼▼ 付费内容 ▼▼▼ 已隐藏{n}字",
    "￥ 本文为付费文档，试读部分到此结束",
]
COPY = [
    "声明：本站部分内容来自网络，如涉及侵权请联系删除",
    "版权归原作者所有，若有不妥请告知，我们将于24小时内处理",
    "免责说明：本文仅供学习交流，不代表本平台观点，侵删",
    "未经授权禁止转载、摘编，违者必究",
    "本文系平台原创整理，转载请注明出处及链接",
    "© 2018-2024 某某公文网 版权所有 备案号：X ICP备XXXXXXXX号",
    "（图文来源于网络，版权归原作者，如有侵权请后台联系我们删除）",
]
SCAN = [
    "长按识别下方二维码，回复“{m}18”领取Word完整版",
    "👉点击文末“阅读原文”获取可编辑版本",
    "扫码添加小编微信，备注“汇编”即可领取全套材料",
    "关注公众号后台回复关键词【述职】免费获取全文",
    "↓↓↓ 点此下载本文完整Word文档 ↓↓↓",
    "微信扫一扫，获取更多精品材料",
    "戳这里→领取{m}篇同类范文合集",
]
ADS = [
    "【广告】公考面试资料大礼包限时5折，名额有限",
    "专业代写各类汇报材料，原创保过，咨询请加Q：XXXXXXXX",
    "文秘写作培训班火热报名中>>>",
    "材料不会写？一对一定制服务，当天交稿",
    "🔥爆款推荐：{y}年最新公文写作模板库，点击立即抢购",
    "广告位招租 联系电话：XXX-XXXXXXXX",
]
PAGE = [
    "第 {i} 页 共 {k} 页", "— {i} —", "- {i} -", "Page {i} of {k}", "{i} / {k}", "〔第{ci}页〕", "·{i}·",
    "文档来源于网络 仅供参考 第{i}页", "～{i}～", "- 第{i}页 -", "———— {i} ————",
]
HEADER = ["{y}年最新公文范文精选", "内部资料 注意保存", "某某文库 · 精品文档", "材料汇编（内部交流版）"]
MENTIONS = [
    "全年政务网站浏览量同比增长32%，政务新媒体粉丝数突破XX万。",
    "新发展商会会员单位XX家，组织会员单位开展对接活动XX场。",
    "站在新的起点上，我们有信心、有能力书写高质量发展的下一篇章。",
    "扎实开展知识产权和版权保护工作宣传进企业活动，发放资料XX份。",
    "规范养老机构付费服务项目，公开收费标准，接受群众监督。",
    "群众反映的问题，来源于一线、解决在一线。",
    "推动政务服务事项“掌上办”，点击量、办件量实现双提升。",
    "严格落实阅读学习制度，全年组织干部集中学习XX次。",
    "对VIP客户实行“专人对接、全程代办”，企业满意度明显提升。",
    "下一步，我们将在试点基础上全面推开，扩大覆盖面。",
    "加大对侵权假冒行为的打击力度，查办案件XX起。",
    "认真落实“首问负责”制度，点击鼠标就能办的事不再让群众跑腿。",
    "开展“扫码亮证”行动，XX家经营主体全部实现信息公示。",
    "相关推荐意见已报区政府研究，部分建议被纳入年度重点工作。",
]
# Junk a site glues to the end of an author's paragraph.
GLUE_LONG = ["（本文来源于网络，仅供参考学习，请勿照搬）", "【更多精品范文，请收藏本站】", "——转载自某某政务号，侵删",
             "[阅读全文请下载APP]", "（以上内容由AI辅助整理，请核对后使用）"]
GENUINE_D = [
    "对小区A栋至D栋老旧楼道实施改造，完成管线入地XX米。",
    "为全体网格员配发PAD移动终端XX台，实现信息实时采集上报。",
    "积极谋划EOD模式项目，申报生态环境导向开发项目XX个。",
    "推进D级危房排查鉴定，对XX户D级危房全部落实管控措施。",
    "完成DDS数据共享平台与市级平台对接。",
]
DP_LINES = [
    "全区实现DP{n}亿元，同比增长5.{m}%，增速高于全市平均水平。",
    "全年地区生产总值（DP）完成预期目标，一般公共预算收入稳步增长。",
    "力争全镇DP增长6%左右，固定资产投资增长8%以上。",
]
DP_JUNK = ["全区实现DP", "（DP）", "全镇DP增长"]


def jf(tpl, **extra):
    d = f"{rng.choice([2023, 2024])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return tpl.format(d=d, dd=d.replace("-", ""), n=rng.randint(300, 29000), m=rng.randint(2, 9),
                      y=rng.choice([2023, 2024]), **extra)


# ---------------------------------------------------------------- label forms -------------

def label_form(style, i):
    """The site's label before the i-th title (1-based); None for no label."""
    return {
        "fanwen": f"【范文{i}】", "dipian": f"第{i}篇：", "cailiao": f"材料{cn(i)}", "no": f"No.{i}｜",
        "hash": f"#{i}#", "pianmu": f"篇目{cn(i)}：", "diamond": f"◆范文{cn(i)}◆", "fw_no": f"Ｎｏ．{i}",
        "fullhash": f"＃{i}：", "part": f"Part {i}：", "fanli": f"范例{i}｜", "jingxuan": f"精选范文（{i}）",
        "wenzhang": f"文章{i}——", "zhi": f"（之{cn(i)}）", "bracket_sq": f"[{i:02d}]", "emoji": f"📄{i}.",
        "dipian_fw": f"第{'０１２３４５６７８９'[i] if i < 10 else i}篇", "pian": f"篇{i}：", "fen": f"〔{cn(i)}〕",
        "huabian": f"★第{cn(i)}篇★", "samplecn": f"范本{cn(i)}、", "doc": f"〔文档{i}〕",
    }[style]


LABEL_STYLES = ["fanwen", "dipian", "cailiao", "no", "hash", "pianmu", "diamond", "fw_no", "fullhash", "part",
                "fanli", "jingxuan", "wenzhang", "zhi", "bracket_sq", "emoji", "dipian_fw", "pian", "fen",
                "huabian", "samplecn", "doc"]
# Labels with no mark of their own after them stand on a line of their own.
OWN_LINE = {"cailiao", "dipian_fw"}
SEPARATORS = ["blank", "none", "blank2", "deco:━━━━━━━━━━━━━━━━", "deco:＊　＊　＊", "deco:~~~~~~~~~~~~~~",
              "deco:◇◇◇◇◇◇", "deco:🌸🌸🌸🌸🌸", "deco:············", "deco:=================",
              "labelline"]


# ---------------------------------------------------------------- assembling --------------

class File:
    def __init__(self):
        self.lines = []
        self.junk = []
        self.keep = []
        self.reports = []

    def add_junk(self, line, part=None):
        self.lines.append(line)
        self.junk.append(part or line)

    def blank(self):
        self.lines.append("")


def make_file(idx, spec):
    """spec: dict with n (reports), genres, label, sep, classes (set), size, d_mask, brand, ..."""
    f = File()
    prose = Prose()
    used = set()
    reps = []
    for g in spec["genres"]:
        reps.append(report(prose, g, spec.get("size", rng.randint(1, 3)), used))
    classes = spec["classes"]
    brand = spec.get("brand")
    # Top of the file: compilation title, metadata, maybe 目录.
    if spec.get("comp_title", True):
        f.lines.append(spec.get("comp", f"{rng.choice(['精选', '最新', '优秀', '实用'])}{rng.choice(['工作材料', '公文范文', '述职讲话材料', '综合材料'])}汇编（{len(reps)}篇）"))
    if "meta" in classes:
        f.add_junk(jf(rng.choice(META)))
    if brand:
        f.add_junk(f"{brand}·让公文写作更简单", None)
        f.junk[-1] = brand
    if "copy" in classes and rng.random() < 0.5:
        f.add_junk(rng.choice(COPY))
    if spec.get("toc"):
        f.blank()
        f.lines.append("目  录")
        for i, r in enumerate(reps, 1):
            lab = label_form(spec["label"], i) if spec["label"] else ""
            f.lines.append(f"{lab}　{r['title']}" if lab else r["title"])
    f.blank()
    page_no = [1]
    page_total = rng.randint(20, 60)
    page_tpl = rng.choice(PAGE)
    mention_pool = rng.sample(MENTIONS, len(MENTIONS))
    dline_pool = rng.sample(GENUINE_D, len(GENUINE_D))
    glued = glued_long = False
    for i, r in enumerate(reps, 1):
        lab = label_form(spec["label"], i) if spec["label"] else None
        if "d_mask" in classes:
            f.keep.append(r["title"]) if "党" in r["title"] else None
            r["title"] = r["title"].replace("党", "D")
        # Separator before a report (not the first).
        sep = spec["sep"] if i > 1 else "blank"
        if i > 1:
            if sep.startswith("deco:"):
                if f.lines[-1] != "":
                    f.blank()
                f.lines.append(sep[5:])
            elif sep == "blank2":
                f.blank()
                f.blank()
            elif sep == "blank":
                f.blank()
        if lab and (spec.get("label_own_line") or sep == "labelline" or spec["label"] in OWN_LINE):
            f.lines.append(lab)
            title_line = r["title"]
        else:
            title_line = (lab or "") + r["title"]
        if lab:
            f.junk.append(lab)
        f.lines.append(title_line)
        r["label"] = lab
        f.keep.append(r["title"]) if rng.random() < 0.6 else None
        markers = []
        must_keep = set()
        body_lines = list(r["lines"])
        # Mentions of junk words, kept.
        if "mention" in classes and rng.random() < 0.7 and mention_pool:
            m = mention_pool.pop()
            body_lines.insert(rng.randint(r["npre"] + 1, len(body_lines)), (m, None))
            must_keep.add(m)
        if "genuine_d" in classes and rng.random() < 0.5 and dline_pool:
            m = dline_pool.pop()
            body_lines.insert(rng.randint(r["npre"] + 1, len(body_lines)), (m, None))
            must_keep.add(m)
        if "dp" in classes and i == 1:
            k = rng.randrange(len(DP_LINES))
            body_lines.insert(r["npre"] + 1, (jf(DP_LINES[k]), None))
            f.junk.append(DP_JUNK[k])
        truncated = False
        for j, (line, mk) in enumerate(body_lines):
            # Junk between paragraphs of the same report.
            if "pay_mid" in classes and i == spec.get("pay_at", 2) and j == max(2, len(body_lines) // 2):
                f.add_junk(jf(rng.choice(PAY)))
                if spec.get("truncate"):
                    truncated = True
                    break
            if "page" in classes and rng.random() < 0.18 and j > 0:
                pl = page_tpl.format(i=page_no[0], k=page_total, ci=cn(min(page_no[0], 19)))
                page_no[0] += 1
                if "header" in classes:
                    f.add_junk(jf(rng.choice(HEADER)) if not brand else f"{brand}　内部资料", None if not brand else brand)
                f.add_junk(pl)
            if "ad" in classes and rng.random() < 0.06:
                f.add_junk(jf(rng.choice(ADS)))
            text = line
            if brand and mk is None and j > 0 and rng.random() < 0.3 and "，" in text and not text.endswith("："):
                k = text.index("，")
                text = text[:k + 1] + brand + text[k + 1:]
            glued_here = False
            if (spec.get("glue_long") and not glued_long and mk is None and j > r["npre"] and text.endswith("。")
                    and line not in must_keep):
                glued_long = glued_here = True
                text = text + spec["glue_long"]
                f.junk.append(spec["glue_long"])
            if spec.get("glue") and not glued and j < r["npre"] and line != "同志们：":
                glued = True
                text = text + spec["glue"]
                f.junk.append(spec["glue"])
                f.keep.append(line)
            f.lines.append(text)
            if line in must_keep:
                f.keep.append(line)
            if mk:
                markers.append(mk)
            if (j < 3 and rng.random() < 0.5) or rng.random() < 0.12 or mk and rng.random() < 0.25:
                if line not in f.keep and not glued_here:
                    f.keep.append(line)
        f.reports.append({"title": r["title"], "label": lab, "markers": markers})
        if "pay_end" in classes and i == len(reps):
            f.add_junk(jf(rng.choice(PAY)))
        if "scan" in classes and (i == len(reps) or rng.random() < 0.25):
            f.add_junk(jf(rng.choice(SCAN)))
        if "ad" in classes and rng.random() < 0.2:
            f.add_junk(jf(rng.choice(ADS)))
        if "nav" in classes and spec.get("nav_each") and i < len(reps):
            f.add_junk(jf(rng.choice(NAV_HEAD), a=rng.choice(FAKE_TITLES).format(y=2023), b=rng.choice(FAKE_TITLES).format(y=2024)))
        if spec["sep"] == "none" and rng.random() < 0.3 and i < len(reps):
            pass
    # End of file: navigation, tags, related lists, copyright.
    if "nav" in classes:
        f.blank()
        for tpl in rng.sample(NAV_HEAD[:5], 2):
            f.add_junk(jf(tpl, a=rng.choice(FAKE_TITLES).format(y=2023), b=rng.choice(FAKE_TITLES).format(y=2024)))
        f.add_junk(jf(rng.choice(TAGS)))
        f.add_junk(rng.choice(REL_HEAD))
        bullet = rng.choice(REL_BULLET)
        for t in rng.sample(FAKE_TITLES, rng.randint(3, 5)):
            f.add_junk(bullet + t.format(y=rng.choice([2022, 2023, 2024])))
    if "nav" in classes and rng.random() < 0.6 or "meta" in classes and rng.random() < 0.3:
        for c in rng.choice(COMMENTS):
            f.add_junk(jf(c))
    if "copy" in classes:
        f.add_junk(rng.choice(COPY))
    if "scan" in classes and rng.random() < 0.5:
        f.add_junk(jf(rng.choice(SCAN)))
    if "d_mask" in classes:
        f.junk = [j.replace("党", "D") for j in f.junk]
        masked = []
        for l in f.lines:
            if "党" in l and not any(g in l for g in ("D栋", "PAD", "EOD", "D级", "DDS")):
                masked.append(l.replace("党", "D"))
            else:
                masked.append(l)
        f.lines = masked
        for w in ("D委", "D组织", "D的二十大", "D员", "D建", "D风廉政", "D中央", "D工委", "D支部"):
            if any(w in l for l in f.lines):
                f.junk.append(w)
        # Genuine D lines must not hold a masked 党 (the checker reads D as 党 in the whole line).
    # De-duplicate manifest lists, keep order; drop keep lines that repeat elsewhere as junk.
    f.junk = list(dict.fromkeys(f.junk))
    f.keep = [k for k in dict.fromkeys(f.keep) if not any(j in k for j in f.junk if j not in [r["label"] for r in f.reports])]
    return f


def write_txt(name, f, spec):
    text = "\n".join(f.lines).rstrip("\n") + "\n"
    manifest = {"held_out": True, "traditional": False, "reports": f.reports, "junk": f.junk, "keep": f.keep}
    if spec.get("traditional"):
        import opencc
        s2t = opencc.OpenCC("s2t")
        t2s = opencc.OpenCC("t2s")
        text = s2t.convert(text)
        manifest["traditional"] = True
        manifest["reports"] = [{"title": s2t.convert(r["title"]), "label": r["label"] and s2t.convert(r["label"]),
                                "markers": [s2t.convert(m) for m in r["markers"]]} for r in f.reports]
        # Junk and kept lines as they read once converted back to simplified.
        manifest["junk"] = [t2s.convert(s2t.convert(j)) for j in f.junk]
        manifest["keep"] = [t2s.convert(s2t.convert(k)) for k in f.keep]
    data = text.encode("utf-8")
    if spec.get("crlf"):
        data = text.replace("\n", "\r\n").encode("utf-8")
    if spec.get("gbk"):
        data = text.replace("\n", "\r\n").encode("gb18030")
    if spec.get("bom"):
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(ROOT, name + ".txt"), "wb") as out:
        out.write(data)
    with open(os.path.join(ROOT, name + ".json"), "w", encoding="utf-8") as out:
        json.dump(manifest, out, ensure_ascii=False, indent=1)
        out.write("\n")


# ---------------------------------------------------------------- the text files ----------

ALL_CLASSES = ["meta", "nav", "pay_mid", "pay_end", "copy", "scan", "page", "header", "ad", "mention",
               "d_mask", "genuine_d", "dp"]


def specs():
    out = []
    n_reports = [2, 3, 12, 5, 4, 7, 10, 3, 6, 11, 4, 8, 2, 9, 5, 6, 12, 3, 7, 4, 10, 5, 3, 8, 6, 2, 9, 4, 5, 7, 3, 6]
    for k, n in enumerate(n_reports):
        genres = [rng.choice(GENRES) for _ in range(n)]
        # Every genre shows up often: rotate one in.
        genres[0] = GENRES[k % len(GENRES)]
        if n > 2:
            genres[-1] = GENRES[(k + 3) % len(GENRES)]
        classes = set(rng.sample(["meta", "nav", "pay_mid", "pay_end", "copy", "scan", "page", "ad"], rng.randint(3, 5)))
        classes.add("mention")
        if k % 3 == 0:
            classes |= {"d_mask", "genuine_d"}
        if k % 5 == 1:
            classes.add("dp")
        if "page" in classes and k % 2 == 0:
            classes.add("header")
        spec = {
            "genres": genres,
            "label": LABEL_STYLES[(k - k // 4) % len(LABEL_STYLES)] if k % 4 != 3 else None,
            "sep": SEPARATORS[k % len(SEPARATORS)],
            "classes": classes,
            "size": 1 if n >= 9 and k % 2 else rng.randint(1, 3),
            "toc": k % 6 == 2,
            "comp_title": k % 7 != 4,
            "label_own_line": k % 5 == 2,
            "truncate": k % 4 == 1 and "pay_mid" in classes,
            "pay_at": rng.randint(1, n),
        }
        if k % 8 == 5:
            spec["brand"] = ["文秘猫", "笔杆库", "公文侠", "材料宝"][k // 8 % 4]
        if k % 9 == 7:
            spec["glue"] = rng.choice(["【VIP可见】", "（收藏）", "↓下载全文", "[复制本文]"])
        if k % 7 == 3:
            spec["glue_long"] = rng.choice(GLUE_LONG)
        if k == 17:
            spec["traditional"] = True
            spec["classes"] = (classes - {"d_mask", "genuine_d", "dp"})
        if k == 11:
            spec["gbk"] = True
        if k == 20:
            spec["crlf"] = True
        if k == 23:
            spec["bom"] = True
        out.append(spec)
    return out


# ---------------------------------------------------------------- Word files --------------

def fix_zip_times(path):
    """Rewrites a .docx with a fixed time on every part, so that runs come out the same."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, (2024, 3, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def word_files():
    import docx
    from docx.shared import Pt

    wdir = os.path.join(ROOT, "word")
    os.makedirs(wdir, exist_ok=True)
    made = []

    def save(name, d, reports, junk, keep):
        path = os.path.join(wdir, name + ".docx")
        d.core_properties.created = __import__("datetime").datetime(2024, 3, 1)
        d.core_properties.modified = __import__("datetime").datetime(2024, 3, 1)
        d.save(path)
        fix_zip_times(path)
        m = {"held_out": True, "traditional": False, "reports": reports,
             "junk": list(dict.fromkeys(junk)), "keep": list(dict.fromkeys(keep))}
        with open(os.path.join(wdir, name + ".json"), "w", encoding="utf-8") as out:
            json.dump(m, out, ensure_ascii=False, indent=1)
            out.write("\n")
        made.append(name)
        return m

    def plain_reports(d, reps, style_title=None, label=None, junk=None, keep=None, mid_junk=None):
        out = []
        for i, r in enumerate(reps, 1):
            lab = label(i) if label else None
            if lab:
                junk.append(lab)
            p = d.add_paragraph(((lab or "") + r["title"]), style=style_title) if style_title else d.add_paragraph((lab or "") + r["title"])
            keep.append(r["title"])
            mk = []
            for j, (line, m) in enumerate(r["lines"]):
                if mid_junk and i == 1 and j == 2:
                    d.add_paragraph(mid_junk)
                    junk.append(mid_junk)
                d.add_paragraph(line)
                if m:
                    mk.append(m)
                if j < 2 or rng.random() < 0.15:
                    keep.append(line)
            out.append({"title": r["title"], "label": lab, "markers": mk})
        return out

    # w1: site junk in the page header and footer; reports separated by nothing.
    prose = Prose()
    used = set()
    reps = [report(prose, g, 2, used) for g in ["summary", "speech", "shuzhi", "huibao"]]
    d = docx.Document()
    junk, keep = [], []
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "搜材网 · 海量范文免费下载 · 请勿商用"
    sec.footer.paragraphs[0].text = "本文档由用户上传，仅供参考 | 搜材网 www.xxx.com"
    junk += ["搜材网 · 海量范文免费下载 · 请勿商用", "本文档由用户上传，仅供参考 | 搜材网 www.xxx.com"]
    reports = plain_reports(d, reps, junk=junk, keep=keep, mid_junk="（本页内容仅供会员下载，转载请联系平台授权）")
    save("w1", d, reports, junk, keep)

    # w2: headings styled as Word headings (Heading 1 for titles, Heading 2 for 一、).
    prose = Prose()
    used = set()
    reps = [report(prose, g, 2, used, scheme="std") for g in ["plan", "survey", "check"]]
    d = docx.Document()
    junk, keep = [], []
    p = d.add_paragraph("来源：某某政务文库　　发布时间：2024-04-12　　点击：3867次")
    junk.append(p.text)
    reports = []
    for i, r in enumerate(reps, 1):
        lab = f"范文{cn(i)}："
        junk.append(lab)
        d.add_heading(lab + r["title"], level=1)
        keep.append(r["title"])
        mk = []
        for line, m in r["lines"]:
            if m and m.endswith("、"):
                d.add_heading(line, level=2)
            elif m and m.startswith("（") and not m[1].isdigit():
                d.add_heading(line, level=3)
            else:
                d.add_paragraph(line)
            if m:
                mk.append(m)
            if rng.random() < 0.3:
                keep.append(line)
        reports.append({"title": r["title"], "label": lab, "markers": mk})
    p = d.add_paragraph("相关阅读：")
    junk.append("相关阅读：")
    for t in rng.sample(FAKE_TITLES, 3):
        d.add_paragraph("▸ " + t.format(y=2024))
        junk.append("▸ " + t.format(y=2024))
    save("w2", d, reports, junk, keep)

    # w3: a table inside a 汇报, and a paywall paragraph at the end.
    prose = Prose()
    used = set()
    reps = [report(prose, g, 2, used) for g in ["huibao", "summary"]]
    d = docx.Document()
    junk, keep = [], []
    reports = []
    for i, r in enumerate(reps, 1):
        d.add_paragraph(r["title"])
        keep.append(r["title"])
        mk = []
        for j, (line, m) in enumerate(r["lines"]):
            d.add_paragraph(line)
            if m:
                mk.append(m)
            if j < 2:
                keep.append(line)
            if i == 1 and j == 1:
                rows = [("项目", "年度目标", "完成情况", "完成率"), ("新增就业岗位", "1200个", "1356个", "113%"),
                        ("改造老旧小区", "8个", "8个", "100%"), ("整治背街小巷", "25条", "23条", "92%")]
                t = d.add_table(rows=len(rows), cols=4)
                t.style = "Table Grid"
                for a, row in enumerate(rows):
                    for b, cell in enumerate(row):
                        t.cell(a, b).text = cell
                keep.append("新增就业岗位\t1200个\t1356个\t113%")
                keep.append("改造老旧小区\t8个\t8个\t100%")
        reports.append({"title": r["title"], "label": None, "markers": mk})
    p = d.add_paragraph("●●● 剩余2页未读，开通会员继续阅读 ●●●")
    junk.append(p.text)
    save("w3", d, reports, junk, keep)

    # w4: automatic list numbering (Word's List Number) for the points of a 工作要点.
    prose = Prose()
    used = set()
    d = docx.Document()
    junk, keep, reports = [], [], []
    for i, g in enumerate(["plan", "speech"]):
        r = report(prose, g, 1, used, scheme="none")
        lab = f"第{i + 1}篇 "
        d.add_paragraph(f"第{i + 1}篇")
        junk_label = f"第{i + 1}篇"
        d.add_paragraph(r["title"])
        keep.append(r["title"])
        ctx = {"t": rng.choice(TOPICS), "p": rng.choice(PLACES), "y": 2024, "unit": "镇"}
        mk = []
        for line, m in r["lines"]:
            d.add_paragraph(line)
            keep.append(line)
        for q in range(1, 5):
            line = prose.head(HEAD2, ctx) + "。" + prose.sentence(S, ctx)
            if i == 0:
                # Word's automatic numbering: the "1." is not in the paragraph's text.
                d.add_paragraph(line, style="List Number")
                mk.append(f"{q}.")
            else:
                d.add_paragraph(f"{q}）{line}")
                mk.append(f"{q}）")
                keep.append(f"{q}）{line}")
        if i == 0:
            d.add_paragraph("扫一扫下方二维码，回复“要点”获取可编辑版")
            junk.append("扫一扫下方二维码，回复“要点”获取可编辑版")
        reports.append({"title": r["title"], "label": junk_label, "markers": mk})
        junk.append(junk_label)
    save("w4", d, reports, junk, keep)

    # w5: a 述职 and a 对照检查 in one file with a printed-page footer and 党 masked as D.
    prose = Prose()
    used = set()
    reps = [report(prose, g, 2, used) for g in ["shuzhi", "check", "feel"]]
    d = docx.Document()
    junk, keep = [], []
    sec = d.sections[0]
    sec.footer.paragraphs[0].text = "第 1 页 / 共 9 页　　更多范文请访问公文吧"
    junk.append("更多范文请访问公文吧")
    reports = []
    for i, r in enumerate(reps, 1):
        lab = f"【{i}】"
        junk.append(lab)
        d.add_paragraph(lab + r["title"].replace("党", "D"))
        keep.append(r["title"])
        mk = []
        for j, (line, m) in enumerate(r["lines"]):
            d.add_paragraph(line.replace("党", "D"))
            if m:
                mk.append(m)
            if j < 3 or "党" in line and rng.random() < 0.5:
                keep.append(line)
        reports.append({"title": r["title"].replace("党", "D"), "label": lab, "markers": mk})
    d.add_paragraph("免责声明：文档内容来源于网友分享，若侵犯了您的权益，请来信告知，核实后立即下架。")
    junk.append("免责声明：文档内容来源于网友分享，若侵犯了您的权益，请来信告知，核实后立即下架。")
    for w in ("D委", "D组织", "D员", "D建", "D的二十大"):
        if any(w in p.text for p in d.paragraphs):
            junk.append(w)
    save("w5", d, reports, junk, keep)
    return made


def make_doc():
    """w10.doc: w1.docx saved by LibreOffice as a Word 97 .doc; its manifest is w1's.
    (The checker finds the .docx a .doc was made from by the stem minus its last character.)"""
    wdir = os.path.join(ROOT, "word")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(os.path.join(wdir, "w1.docx"), os.path.join(tmp, "w10.docx"))
        subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", tmp, os.path.join(tmp, "w10.docx")],
                       check=True, capture_output=True, timeout=300)
        shutil.copy(os.path.join(tmp, "w10.doc"), os.path.join(wdir, "w10.doc"))
    shutil.copy(os.path.join(wdir, "w1.json"), os.path.join(wdir, "w10.json"))


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    for k, spec in enumerate(specs()):
        f = make_file(k, spec)
        write_txt(f"{k + 1:02d}", f, spec)
    word_files()
    make_doc()


if __name__ == "__main__":
    main()
