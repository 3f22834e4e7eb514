"""Gold records for the extractors of ingest/extract/, written by reading the documents: the
牵头/配合 notes of the Gansu plan's 24 tasks, the 由…负责 sentences and the obligations of the
statute fixture, every time expression of corpus/ and the statute, and the quantified goals of
the Gansu and Guangxi plans.

Data only. The extractor tests (tests/ingest/extract/) and eval/extraction.py both judge
against these tables, so a correction made here reaches both. Paths are relative to the
repository root; the statute is the committed fixture tests/fixtures/statute.txt."""
from __future__ import annotations

# files of corpus/, by name (PLAN_GOALS is keyed by these)
GANSU = "gansu-2015-quality-development-action-plan.txt"
GUANGXI = "guangxi-13th-five-year-quality-plan.txt"
STATUTE = "tests/fixtures/statute.txt"

# --- responsibilities ----------------------------------------------------------------------------

# (task title, lead units, cooperating units, units responsible by their duties), in simplified
# script and in the short names the plan uses; read off the closing parenthesis of each task.
GANSU_RESPONSIBILITIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("简政放权、清理行政审批事项", (), (), ("省质量发展领导小组成员单位",)),
    ("完善质量发展激励机制", ("省质监局",), ("省发展改革委", "省工信委", "省财政厅", "省人社厅"), ()),
    ("加快质量诚信体系建设", (), (), (
        "省发展改革委", "省工信委", "省卫生计生委", "省建设厅", "省交通运输厅", "省水利厅", "省商务厅",
        "省工商局", "省质监局", "省食品药品监管局", "省旅游局", "甘肃出入境检验检疫局")),
    ("整顿和规范市场竞争秩序", ("省商务厅", "省工商局", "省质监局", "省科技厅", "省旅游局"),
     ("省公安厅", "省食品药品监管局", "省新闻出版广电局"), ()),
    ("落实企业质量安全主体责任", ("省工信委", "省建设厅", "省交通运输厅", "省水利厅", "省质监局"),
     ("省商务厅", "省卫生计生委", "省政府国资委", "省工商局", "省食品药品监管局"), ()),
    ("加强农产品及食品药品质量安全监管", ("省农牧厅", "省食品药品监管局", "省卫生计生委", "甘肃出入境检验检疫局"),
     ("省教育厅", "省公安厅", "省商务厅", "省工商局", "省质监局"), ()),
    ("加强消费品等重点产品质量安全监管", ("省质监局", "省工商局", "甘肃出入境检验检疫局"),
     ("省工信委", "省公安厅", "省农牧厅", "省商务厅", "省卫生计生委"), ()),
    ("加强新兴产业质量安全监管", ("省质监局",), ("省发展改革委", "省工信委", "省商务厅", "省工商局"), ()),
    ("促进环境质量改善", ("省环保厅", "省发展改革委", "省质监局"), ("省科技厅", "省工信委"), ()),
    ("加强工程质量安全监管", ("省建设厅", "省交通运输厅", "省水利厅"), ("省质监局", "省旅游局"), ()),
    ("加强特种设备质量安全监管和重大设备监理", ("省质监局", "省发展改革委", "省工信委"),
     ("省建设厅", "省交通运输厅", "省水利厅", "省商务厅", "省政府国资委", "省安监局", "省旅游局"), ()),
    ("加快战略性新兴产业质量升级", ("省发展改革委", "省工信委", "省科技厅"), ("省政府国资委", "省质监局"), ()),
    ("推动服务业质量提升", ("省发展改革委",),
     ("省交通运输厅", "省商务厅", "省卫生计生委", "省质监局", "省统计局", "省旅游局"), ()),
    ("创新工作机制,强化标准实施", (), (), ("各地人民政府", "省质量发展领导小组各成员单位")),
    ("加强质量升级的基础工作", ("省质监局",), ("省质量发展领导小组各成员单位",), ()),
    ("完善质量升级的激励机制", ("省发展改革委", "省工信委", "省科技厅", "省财政厅", "省人社厅", "省质监局"),
     ("省质量发展领导小组各成员单位",), ()),
    ("引导企业加强品牌建设", ("省工信委", "省建设厅", "省商务厅", "省工商局", "省质监局"),
     ("省质量发展领导小组各成员单位",), ()),
    ("加快质量法治和人才队伍建设", ("省教育厅", "省人社厅", "省财政厅", "省质监局"),
     ("省科技厅", "省工信委", "省总工会"), ()),
    ("积极推进质量共治", ("省质监局",), ("省质量发展领导小组各成员单位",), ()),
    ("加强消费者维权机制建设", (
        "省环保厅", "省建设厅", "省交通运输厅", "省水利厅", "省农牧厅", "省商务厅", "省工商局", "省质监局",
        "省旅游局", "省食品药品监管局"), (), ()),
    ("优化质量统计分析", ("省质监局",), (
        "省发展改革委", "省建设厅", "省交通运输厅", "省水利厅", "省环保厅", "省商务厅", "省工商局",
        "省食品药品监管局", "省旅游局", "省统计局", "甘肃出入境检验检疫局"), ()),
    ("广泛开展群众性质量活动", ("省质监局",), ("省工信委", "省人社厅", "团省委", "省妇联", "省总工会", "省质量协会"), ()),
    ("推进检验检测机构整合", ("省编办", "省质监局"),
     ("省发展改革委", "省科技厅", "省工信委", "省财政厅", "省政府国资委"), ()),
    ("完善政府质量工作考核", ("省政府办公厅", "省质监局"), ("省委组织部", "省质量发展领导小组各成员单位"), ()),
)

# (article, verb, responsible unit, duty), read off tests/fixtures/statute.txt
STATUTE_RESPONSIBILITIES: set[tuple[str, str, str, str]] = {
    ("第四条", "主管", "县级以上人民政府质量技术监督部门", "本行政区域内的产品质量监督工作"),
    ("第四条", "负责", "县级以上人民政府有关部门", "产品质量监督工作"),
    ("第七条", "负责", "省人民政府标准化行政主管部门", "本省地方标准的制定、修订和复审工作"),
    ("第九条", "组织实施", "县级以上人民政府市场监督管理部门", "产品质量监督抽查"),
}

# --- time requirements ---------------------------------------------------------------------------

# (expression as written, simplified; kind; relation; values) for every time expression a
# reader would take as a date, a period, a recurrence or a time limit. Left out on purpose:
# years inside cited titles (《…(2012—2020年)》), 连续4年 and 发展的五年 (facts about the past),
# 及时/立即/适时 (no time given). Keyed by path from the repository root.
Y = "year"
TIME_REQUIREMENTS: dict[str, list[tuple[str, str, str, dict]]] = {
    "tests/fixtures/statute.txt": [
        # (the header line …2004年5月28日…会议通过 is the law's metadata, adopted: not a record)
        ("自收到检验结果之日起十五日内", "duration", "within", {"days": 15}),
        ("有效期届满前一个月", "duration", "before", {"months": 1}),
        ("三十日内", "duration", "within", {"days": 30}),
        ("延长三十日", "duration", "extension", {"days": 30}),
        ("自发现之日起5个工作日内", "duration", "within", {"working_days": 5}),
        ("自2019年1月1日起", "date", "from", {"year": 2019, "month": 1, "day": 1}),
    ],
    "corpus/gansu-2015-quality-development-action-plan.txt": [
        ("2015年", Y, "in", {Y: 2015}),  # title: 2015年行动计划
        ("2015年", Y, "in", {Y: 2015}),  # 明确2015年质量发展工作重点
        ("2015年度", Y, "in", {Y: 2015}),  # (十七) 2015年度甘肃名牌产品
        ("“十三五”", "period", "during", {Y: 2016, "year_end": 2020}),  # (十八)
        ("每年", "recurring", "every", {"every": "year"}),  # (十八) 省级财政预算每年安排专项资金
        ("三年", "duration", "during", {"years": 3}),  # (十五) 全面完成…“三年任务”
        ("2015年", Y, "in", {Y: 2015}),  # (十九) 2015年全省“质量月”
        ("2015年度", Y, "in", {Y: 2015}),  # (二十四)
    ],
    "corpus/guangxi-13th-five-year-quality-plan.txt": [
        ("“十二五”期间", "period", "during", {Y: 2011, "year_end": 2015}),
        ("“十二五”时期", "period", "during", {Y: 2011, "year_end": 2015}),
        ("“十二五”", "period", "during", {Y: 2011, "year_end": 2015}),
        ("“十二五”", "period", "during", {Y: 2011, "year_end": 2015}),
        ("年度", "recurring", "every", {"every": Y}),  # 负责年度工作目标和计划的制定
        ("2013年", Y, "in", {Y: 2013}),
        ("到2014年底", "by_year", "by", {Y: 2014}),
        ("2014年", Y, "in", {Y: 2014}),
        ("2013—2014年度", "period", "during", {Y: 2013, "year_end": 2014}),
        ("2013年", Y, "in", {Y: 2013}),
        ("2014年", Y, "in", {Y: 2014}),
        ("2014年", Y, "in", {Y: 2014}),
        ("“十三五”期间", "period", "during", {Y: 2016, "year_end": 2020}),
        ("“十三五”时期", "period", "during", {Y: 2016, "year_end": 2020}),
        ("年度", "recurring", "every", {"every": Y}),  # 建立审查员年度考核机制
        ("定期", "recurring", "every", {}),  # 定期巡查制度
        ("2014年", Y, "in", {Y: 2014}),
        ("五年内", "duration", "within", {"years": 5}),
        ("“十三五”期间", "period", "during", {Y: 2016, "year_end": 2020}),
        ("“十三五”期间", "period", "during", {Y: 2016, "year_end": 2020}),
    ],
    "corpus/hunan-2013-product-quality-supervision.txt": [
        ("定期", "recurring", "every", {}),  # 定期监督检验为基础
        ("定期", "recurring", "every", {}),  # 定期发布产品质量抽查报告
        ("年度", "recurring", "every", {"every": Y}),  # …和年度分析报告
        ("定期", "recurring", "every", {}),  # 定期公布“黑名单”
        ("年度", "recurring", "every", {"every": Y}),  # 领导干部年度绩效考核
        ("2013年12月18日", "date", "on", {Y: 2013, "month": 12, "day": 18}),
    ],
    "corpus/aqsiq-2016-grassroots-quality-supervision.txt": [
        ("定期", "recurring", "every", {}),
        ("2016年5月24日", "date", "on", {Y: 2016, "month": 5, "day": 24}),
    ],
    "corpus/shaanxi-2017-comprehensive-quality-supervision.txt": [
        ("年度", "recurring", "every", {"every": Y}),  # 在年度目标绩效考核中
        ("定期", "recurring", "every", {}),
        ("2017年12月24日", "date", "on", {Y: 2017, "month": 12, "day": 24}),
    ],
}

# --- quantitative targets ------------------------------------------------------------------------

# (subject, value, value_max, unit, comparator, horizon) of every goal the plans quantify
PLAN_GOALS: dict[str, list[tuple[str, float, float | None, str, str, str | None]]] = {
    GANSU: [
        ("新开工大中型工程项目质量监督覆盖率", 100, None, "%", "exactly", None),
        ("一次验收合格率", 100, None, "%", "exactly", None),
        ("省级重点实验室、工程(技术)研究中心、企业技术中心等创新平台", 20, None, "个", "exactly", None),
        ("新产品、新工艺、新品种", 120, None, "个", "about", None),
    ],
    GUANGXI: [
        ("全区制造业产品质量合格率", 93, None, "%", "at_least", None),
        ("广西名牌产品", 300, None, "个", "exactly", None),
        ("广西服务业品牌企业", 200, None, "家", "exactly", None),
        ("知名品牌创建示范区", 3, None, "个", "exactly", None),
        ("许可工作及时率", 100, None, "%", "exactly", None),
        ("差错率", 0, None, "", "exactly", None),
        ("东盟检验检测认证中心", 6, None, "个", "exactly", None),  # …集聚区(一期)暨6个东盟检验检测认证中心建设
        ("全国及世界知名品牌", 3, 5, "个", "range", None),
        ("广西省内具有特色和优势的名牌产品", 50, None, "个", "exactly", "“十三五”期间"),
    ],
}

# --- obligations ---------------------------------------------------------------------------------

P, S = ("生产者",), ("销售者",)
PS = ("生产者", "销售者")
MARKET = "市场监督管理部门"
# (article or item, modality, cue, actors as written, condition) of every obligation, in order
STATUTE_OBLIGATIONS: list[tuple[str, str, str, tuple[str, ...], str | None]] = [
    ("第三条", "must", "应当", ("县级以上人民政府",), None),
    ("第五条", "must", "应当", PS, None),
    ("第六条", "permitted", "有权", ("任何单位和个人",), None),
    ("第六条", "must", "应当", ("受理检举的部门",), None),
    ("第七条", "must", "应当", P, "没有国家标准、行业标准的产品"),
    ("第八条", "prohibited", "不得", PS, None),
    ("第八条", "prohibited", "不得", PS, None),
    ("第八条", "prohibited", "不得", PS, None),
    ("第九条", "must", "应当", (), None),  # 监督抽查应当按照下列规定进行
    ("（一）", "must", "应当", (), None),
    ("（二）", "prohibited", "不得", (), None),
    ("（三）", "prohibited", "不得", (), None),
    ("（四）", "must", "应当", (), None),
    ("第十条", "permitted", "可以", PS, "对抽查检验的结果有异议"),
    ("第十一条", "must", "应当", ("承担产品质量检验工作的检验机构",), None),
    ("第十一条", "must", "应当", ("检验机构",), "资质证书有效期届满需要延续"),
    ("第十二条", "prohibited", "不得", PS, None),
    ("第十二条", "permitted", "可以", ("县级以上人民政府市场监督管理部门",),
     "根据已经取得的违法嫌疑证据或者举报,对涉嫌违反本条例规定的行为进行查处"),
    ("第十三条", "must", "应当", (MARKET,), "依照本条例第十二条的规定查封、扣押产品"),
    ("第十三条", "permitted", "可以", (MARKET,), "情况复杂"),
    ("第十四条", "must", "应当", P, None),
    ("第十四条", "must", "应当", (), None),  # 产品质量应当符合下列要求; not 应当具备的使用性能
    ("第十五条", "prohibited", "不得", P, None),
    ("第十五条", "prohibited", "不得", P, None),
    ("第十五条", "prohibited", "不得", P, None),
    ("第十五条", "prohibited", "不得", P, None),
    ("第十六条", "must", "应当", P, "发现其生产的产品存在缺陷"),
    ("第十七条", "must", "应当", S, None),
    ("第十七条", "prohibited", "不得", S, None),
    ("第十七条", "prohibited", "不得", S, None),
    ("第十八条", "must", "应当", S, None),
    ("第十八条", "must", "应当", S, "不能指明不合格产品的生产者、供货者"),
    ("第十九条", "must", "应当", PS, None),
]


# (precision, recall) each extractor keeps on its table: the measured values rounded down; the
# extractor tests (tests/ingest/extract/) and the extraction eval assert the same floors
FLOORS: dict[str, tuple[float, float]] = {
    "GANSU_RESPONSIBILITIES": (1.0, 1.0),  # P = R = 1.000 over 156 (task, role, unit) triples
    "STATUTE_RESPONSIBILITIES": (1.0, 1.0),  # exact
    "TIME_REQUIREMENTS": (1.0, 0.97),  # P = 1.000, R = 0.978 (45 of 46 gold expressions)
    "PLAN_GOALS": (0.9, 0.8),  # P = 0.917 (11 of 12 goals found), R = 0.846 (11 of 13)
    "STATUTE_OBLIGATIONS": (1.0, 1.0),  # exact
}
