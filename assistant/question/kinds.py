"""What kind of question it is, decided in one place, for analysis, composition and the
premise checks alike:

- its type (``QuestionType``): the first ``TypeRule`` whose ``asked`` pattern the question
  matches; the rule's ``answered`` pattern is what a sentence answering that type carries
  (牵头/配合 for who leads, a date for a deadline, a number with a unit for a target);
- the kind of figure it asks for (``QuantityRule``: 多少天, 几次, 罚了多少钱, a 文号 …), which
  an answer must state;
- the fields of a document it asks about (``FieldRule``: 文号, 发文机关, 成文日期 …);
- whether it asks for a section's items (哪几条, 步骤).

All functions take normalised (simplified) text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import QuestionType
from ingest.patterns import DOC_NUMBER

Q = QuestionType

# a number of days, hours, months or years asked (几天, 多少个工作日, 几个小时, 多少年, 具体天数); not 几月, a month
_COUNTED_TIME_ASKED = r"(?:天数|日数|(?:多少|几)(?:个(?:工作日|小时|钟头|星期|月)|工作日|天|日|小时|钟头|分钟|周|星期|年))"
_SPECIFIC_TIME_ASKED = r"(?:具体|明确|固定)的?(?:期限|时限)"  # a number of days asked, as by 几天
# 怎么理解, 如何界定 ask what a word means, 怎么算, 如何认定 how a thing is counted or told: not
# how to do something
_NOT_MEANING = r"(?!理解|界定|算|计算|认定)"


@dataclass(frozen=True)
class TypeRule:
    type: QuestionType
    asked: re.Pattern[str]  # the question is of this type when it says this
    answered: re.Pattern[str] | None = None  # a sentence that answers it carries this


TYPE_RULES: tuple[TypeRule, ...] = (
    TypeRule(Q.COMPARISON, asked=re.compile(r"比较|区别|异同|不同|相同|对比|差异|相比|分别|各自|各是|各有|一样吗|是否一样|compare|difference")),
    TypeRule(
        Q.RESPONSIBILITY,
        asked=re.compile(r"谁|哪(?:个|一个|一级|级|家)?(?:政府)?(?:部门|单位|机关|机构)|哪些部门|哪些单位|牵头|配合|负责(?!人)|主管(?!部门)|职责|责任单位|who|which department|responsib|lead"),
        answered=re.compile(r"牵头|配合|负责|主管|按职责|承担|职责"),
    ),
    TypeRule(
        Q.DEADLINE,
        asked=re.compile(rf"何时|什么时[候间]|啥时[候间]|期限|时限|多久|多长|{_COUNTED_TIME_ASKED}|几号|截止|哪一?[年天日]|届满|之前|以前|日内|when|deadline|by what year|which year"),
        answered=re.compile(r"\d{4}年|年底|年末|月底|日内|日前|期间|届满|之前|以前|每年|工作日|\d{4}[—\-]\d{4}"),
    ),
    TypeRule(
        Q.TARGET,
        asked=re.compile(r"多少|比例|目标|合格率|达到|百分之|%|(?<!哪)几(?:个|家|方|件|台|套|名|人|位|次|倍|成|批|座|所|户)|how many|how much|percent|rate|target"),
        answered=re.compile(r"\d+(?:\.\d+)?\s*(?:%|个|家|项|件|亿|万|人|次|以上)|百分之"),
    ),
    TypeRule(Q.PROCEDURE, asked=re.compile(rf"(?:如何|怎样|怎么|咋){_NOT_MEANING}|程序|步骤|流程|办理|how to|how do|procedure|steps")),
    TypeRule(
        Q.DEFINITION,
        asked=re.compile(r"什么是|是什么|指什么|含义|定义|是指|什么意思|啥意思|什么叫|啥叫|是啥|指啥|(?:如何|怎样|怎么)(?:理解|界定|算|计算|认定)|what is|what are|meaning|define"),
        answered=re.compile(r"是指|系指|指的是|所称|含义|定义为"),  # 本法所称经营者，是指…
    ),
    TypeRule(Q.LIST, asked=re.compile(r"哪些|哪几|有几|包括|包含|列举|which|list")),
)
_ANSWER_CUES = {rule.type: rule.answered for rule in TYPE_RULES if rule.answered is not None}

# types whose answer may be a section's heading and items rather than one sentence
ITEM_TYPES = frozenset({Q.LIST, Q.PROCEDURE})
# types whose answer quotes several sentences, so the quote may be longer
LONG_ANSWER_TYPES = frozenset({Q.LIST, Q.PROCEDURE, Q.COMPARISON})
# types that ask a figure of several things at once: no one passage must state it
MANY_THINGS_TYPES = frozenset({Q.COMPARISON, Q.LIST})


# a term the question quotes (“首问负责制”是什么意思?) is what it asks about, not how it asks
_QUOTED_TERM = re.compile(r"“[^”]{1,30}”|「[^」]{1,30}」|『[^』]{1,30}』")


def question_type(normalized: str) -> QuestionType:
    normalized = _QUOTED_TERM.sub("“”", normalized)
    penalty = asks_penalty(normalized)
    for rule in TYPE_RULES:
        if rule.type == Q.PROCEDURE and penalty:
            continue  # 怎么罚, 会怎么处理 ask what befalls a violation, not how to do something
        if rule.asked.search(normalized):
            return rule.type
    return Q.OTHER


def answer_cue(qtype: QuestionType) -> re.Pattern[str] | None:
    """What a sentence answering a question of this type carries; None when any sentence may."""
    return _ANSWER_CUES.get(qtype)


# whether one may, must or need do something: 能不能, 可以…吗, 是否需要, 要不要, 算不算违规
_PERMISSION_ASKED = re.compile(
    r"能不能|可不可以|能否|可否|准不准|让不让|允不允许|要不要|需不需要|用不用|必须[^，。？?]{0,12}吗"
    r"|是否(?:可以|能|允许|需要|应当|必须|要)|(?:可以|能|允许|需要)[^，。？?]{0,16}吗|算不算(?:违法|违规)|合不合法|违不违法|违法吗|违规吗|合法吗"
    r"|(?:这样|这么)(?:做|说|处理|搞|弄)?(?:对不对|(?:对|合理|合规|合适)[吗吧么])"  # after a story: is the conduct lawful
)
# what the sentence that answers it says: a duty, a prohibition or a permission
MODAL = re.compile(r"不得|禁止|严禁|不准|不允许|应当|必须|可以|有权|无须|不需要")


def asks_permission(normalized_question: str) -> bool:
    """Does the question ask whether something may, must or need be done (可以跟普通食品放在一起卖吗,
    要不要报检, 这算不算违规)? The sentence answering it states a duty, a ban or a permission."""
    return bool(_PERMISSION_ASKED.search(normalized_question))


# ---------------------------------------------------------------- the figure asked for

_NUM = r"(?:\d+(?:\.\d+)?|[〇零一二两三四五六七八九十百千万]+)"
_SHARE = rf"(?:{_NUM}\s*[%％]|百分之{_NUM})"  # 百分之五, 5%: a fine may be a share of another
_TIME_UNIT = r"个?(?:工作日|天|日|小时|月|年|周|星期|分钟)"  # 罚款后多少天内: a time, not an amount
_MONEY_SUM = re.compile(rf"{_NUM}\s*(?:万|亿)?元")
_PROVISION_NUMBER = re.compile(rf"第{_NUM}(?:[编章节条款项目](?:之{_NUM})?)+")
# what is paid or held as money (续展费, 注册资本, 保证金): asked "how much", an amount is asked
_MONEY_THING = r"(?:费|资本|资金|保证金|押金|价款|货款|罚金|奖励|补贴|赔偿金)"


@dataclass(frozen=True)
class QuantityRule:
    kind: str  # money, percent, times, duration, people, batch, docno, count
    label: str  # 金额, 比例, … for the abstention message
    asked: re.Pattern[str]  # what the question says
    answered: re.Pattern[str]  # what an answer must contain

    def found_in(self, normalized: str) -> bool:
        """Does the text state a figure of this kind? A provision's number (第十八条, 前款第三项)
        names where a rule stands, not a count of anything."""
        text = _PROVISION_NUMBER.sub("", normalized)
        if self.kind == "count":  # nor is a sum of money (五万元以下的罚款) a count of things, nor
            text = _VAGUE_COUNT.sub("", _MONEY_SUM.sub("", text))  # 一批 (形成一批名牌产品: some)
        return bool(self.answered.search(text))


_VAGUE_COUNT = re.compile(r"一批|一系列|一些|若干")
_CODE_ASKED = re.compile(r"(?:电话|手机|号码|邮编|传真|邮政编码|联系方式)(?:号码|号)?(?:是|为)?多少")


# the first rule whose question pattern matches decides
QUANTITY_RULES: tuple[QuantityRule, ...] = (
    QuantityRule(
        "money", "金额",
        asked=re.compile(rf"多少钱|罚(?:了|款)?(?:的?(?:最高|最低|最多|最少|上限|下限|数额|金额|标准))?(?:是|为|有|要|能|会)?多少(?!{_TIME_UNIT})|(?:赔偿?|赔付|补偿)多少|多少元|多少万|金额|工资标准|收费标准|罚款标准|多少费用|费用是多少|多少[^，。？?]{{0,3}}费|{_MONEY_THING}[^，。？?]{{0,6}}多少(?!{_TIME_UNIT})|多少奖金|奖金多少|几倍|多少倍|what fine|how much money|what penalt(?:y|ies) amount|how much.*(?:fine|fee|cost)"),
        answered=re.compile(rf"{_NUM}\s*(?:万|亿)?元|{_NUM}\s*倍|{_SHARE}(?:(?:以上|至|到|—|-|~){_SHARE})?(?:以下|以内)?的?罚款"),
    ),
    QuantityRule(
        "percent", "比例",
        asked=re.compile(r"税率|比例[^，。？?]{0,6}多少|比重|占比|百分之几|百分之多少|几成|多少成|百分比|多少%|率[^，。？?]{0,6}多少|what (?:tax )?rate|what percentage|what share"),
        answered=re.compile(rf"{_NUM}\s*[%％]|百分之|{_NUM}\s*成(?![为立])|率为0|为零"),
    ),
    QuantityRule(
        "times", "频次",
        asked=re.compile(r"几次|多少次|频次|频率|多久[^，。？?]{0,10}一次|多长时间[^，。？?]{0,10}一次|how often|how many times"),
        answered=re.compile(rf"{_NUM}\s*次|每(?:年|季|季度|月|周|半年)"),  # 定期 says regularly, not how often
    ),
    QuantityRule(
        "duration", "期限",
        asked=re.compile(rf"{_COUNTED_TIME_ASKED}|多久|多长|期限是|时限是|周期是|{_SPECIFIC_TIME_ASKED}|how many days|how long|within how many"),
        # a period another sets is a time limit too: 在商检机构规定的期限内, 在与委托人约定的期限内
        answered=re.compile(rf"{_NUM}\s*(?:个)?(?:工作日|日|天|小时|钟头|分钟|个月|月|年|周|星期)|半(?:个月|年)|届满|即时|立即|当日|当天"
                            r"|(?:规定|约定|确定|指定|限定|商定)的(?:期限|时限)(?:内|以内|之内)"),
    ),
    QuantityRule(
        "people", "人数",
        asked=re.compile(r"多少名|多少人|几名|几个人|几人|编制|how many (?:staff|people|persons)"),
        answered=re.compile(rf"{_NUM}\s*(?:名|人)"),
    ),
    QuantityRule("batch", "批次", asked=re.compile(r"多少批|几批|批次"), answered=re.compile(rf"{_NUM}\s*批")),
    QuantityRule("docno", "文号", asked=re.compile(r"文号|发文字号|document numbers?"), answered=DOC_NUMBER),
    QuantityRule(
        "count", "数量",
        asked=re.compile(r"多少个|几个|多少家|几家|多少项|几项|多少座|几座|多少所|多少处|几方|多少方|多少|(?:几|多少)(?:件|台|套|户|份|种|类|级|枚|只|箱|袋|瓶|张)|how many"),
        answered=re.compile(rf"{_NUM}\s*(?:[—\-~至到]\s*{_NUM}\s*)?(?:个|家|项|座|所|处|件|类|批|名|人|次|万|亿|%|种|条|户|台|套|方)|{_NUM}\s*[%％]|(?:达到?|为|是)\s*\d+(?:\.\d+)?(?![\d年月日])"),
    ),
)


_COUNTED_TIME = re.compile(_COUNTED_TIME_ASKED)
_SPECIFIC_TIME = re.compile(_SPECIFIC_TIME_ASKED)
# a number of them: not a year (2020年 is a date, not twenty centuries of days)
_TIME_FIGURE = re.compile(rf"(?<![\d.])(?!(?:19|20)\d\d\s*年){_NUM}\s*(?:个)?(?:工作日|日|天|小时|钟头|分钟|个月|月|年|周|星期)|半(?:个月|年)")
_CLASSIFIED = re.compile(r"(?:多少|几)(件|台|套|座|所|户|批|份|种|类|级|枚|只|箱|袋|瓶|张)")
# 哪几类 asks which kinds, not how many; 几月几号 asks a date, not a number of days
_WHICH = re.compile(r"哪几")
_BARE_HOW_MANY = re.compile(r"多少(?![个家项座所处方件台套户份种类级枚只箱袋瓶张名人批次])")
_MONEY_TALK = re.compile(rf"罚款|罚金|赔偿|赔付|补偿|{_MONEY_THING}")
_DATE_ASKED = re.compile(r"几月几[日号]")


def asked_quantity(normalized_question: str) -> QuantityRule | None:
    """The kind of figure the question asks for, if it asks for one; a count asked with its
    classifier (抽几件样品, 多少台) must be answered with that classifier (两件, 3台), and a
    number of days or months (多少个工作日, 几天) with a number of them. 哪几类 asks which kinds,
    not how many, and 几月几号 a date, not a number of days."""
    q = _DATE_ASKED.sub("哪天", _WHICH.sub("哪些", normalized_question.lower()))
    if _CODE_ASKED.search(q):
        return None  # 电话是多少: a number written out, not a figure of anything
    for rule in QUANTITY_RULES:
        if rule.asked.search(q):
            if rule.kind == "count" and (m := _CLASSIFIED.search(q)):
                return QuantityRule("count", "数量", rule.asked, re.compile(rf"{_NUM}\s*{m.group(1)}"))
            if rule.kind == "count" and _BARE_HOW_MANY.search(q) and _MONEY_TALK.search(q):
                # 罚款…上限是多少, 还能多要多少赔偿: a bare 多少 said of a fine or a payment asks an amount
                return QUANTITY_RULES[0]
            if rule.kind == "duration" and (_COUNTED_TIME.search(q) or _SPECIFIC_TIME.search(q)):
                # 多少个工作日, 几天: a number of days is asked; 立即, 当日 or 届满 do not state one
                return QuantityRule("duration", rule.label, rule.asked, _TIME_FIGURE)
            return rule
    return None


# ---------------------------------------------------------------- the document's own fields

@dataclass(frozen=True)
class FieldRule:
    field: str  # doc_number, issuer, date, published, source, addressees, index_number, topic, openness, region …
    label: str  # 文号, 发文机关, … as the answer names it
    named: re.Pattern[str]  # words that name the field
    asked_of_document: re.Pattern[str] | None = None  # questions that ask it of a document they name


# …是国务院办公厅发的: the body a claim says issued the document (group 1)
CLAIMED_ISSUER = re.compile(r"是([\u4e00-\u9fff]{1,24}?(?:政府|办公厅|办公室|委员会|总局|局|厅|部|委|院|会))(?:联合)?(?:印发|发布|下发|制定|出台|发)的")

FIELD_RULES: tuple[FieldRule, ...] = (
    # which document a number names (黔府发[2015]15号是份什么文件? 索引号…查的是哪份规划?)
    FieldRule(
        "title", "标题",
        named=re.compile(r"标题|文件名称|(?<!”)(?<!”,)(?:全称|全名)|正式名称|叫什么名字|document title"),  # (not “联席会议”,全称…)
        asked_of_document=re.compile(r"(?:是|为)一?(?:份|个|篇|部)?(?:什么|哪个|哪一?份|哪一?个|哪一?篇)(?:文件|通知|规划|办法|意见|方案|计划|纲要)"
                                     r"|(?:查|找)的是(?:什么|哪一?份|哪一?个|哪一?篇)"
                                     r"|印发的是(?:什么|哪个|哪份|哪一份)(?:文件|通知|规划|办法|意见|方案|计划|纲要)?"),
    ),
    FieldRule("doc_number", "文号", named=re.compile(r"文号|发文字号|令号|第几号令|几号令|令第几号|document number|reference number")),
    FieldRule(
        "issuer", "发文机关",
        named=re.compile(r"发文机关|落款单位|issued by|who issued|issuer|which (agency|department|body|authority) (issued|published)"),
        # (哪个单位、哪天发布的: two question words sharing the verb; 哪两个部门一起印发的: several bodies)
        asked_of_document=re.compile(r"(哪个|什么)(机关|单位|部门)(?:[、和,，][^,，。?？]{0,6}?)?(印发|发布|制定|出台|发的|出的|公布|颁布|通过)|(谁|由谁)(印发|发布|制定|出台|公布|颁布|通过)|是?谁(发|出|下发)的|哪家(?:单位|机关|部门)?(?:印发|发布|下发|发|出)的"
                                    r"|哪(?:两|几)?(?:个|些)(?:机关|单位|部门)(?:一起|一块|联合|共同)(?:印发|发布|下发|发)的"
                                    rf"|{CLAIMED_ISSUER.pattern}(?:吗|吧|[,，]?(?:对吗|对吧|是吗|是吧|对不对|没错吧|是不是))"
                                    rf"|{CLAIMED_ISSUER.pattern}还是"),  # 是区政府发的还是区里部门发的? asks which
    ),
    FieldRule(
        "date", "成文日期",
        named=re.compile(r"落款时间|印发时间|成文时间|成文日期|签发日期|when was.*(issued|signed|published)|(on )?what date|date (was|did)"),
        asked_of_document=re.compile(r"(?<!卡在)(?<!最晚)(?<!最迟)(?<!截止)(?<!截至)(?:哪天|哪一天|日期(?!为准)|几月几[号日])(?!前|之前|以前|截止|为止|[交报]|提交|完成|备案)|(何时|什么时候|哪年|哪一年|哪月)(印发|发布|签发|出台)|签发"
                                     r"|哪一?年(?:的(?:文件|文|政策)|出的|发的|下发的)"
                                     r"|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?:印发|发布|下发|出台|发)的"),
    ),
    # the date a web page put the document online, beside the date it was signed
    FieldRule(
        "published", "发布时间",
        named=re.compile(r"发布时间|发布日期|when was.*(posted|published online)"),
        asked_of_document=re.compile(r"(何时|什么时候|哪天|哪一天)(发布|挂网|上网)|(网站|官网|网上)\S{0,8}(何时|什么时候|哪天|时间)"),
    ),
    FieldRule(
        "source", "来源",
        named=re.compile(r"出处|where was.*published|which website"),
        asked_of_document=re.compile(r"(哪里|哪儿|何处|什么地方|哪个网站)(发布|公布|刊登|刊发|转载|转来|转过来|转的)|来源(?!于)"
                                     r"|(?:原文|备注)[^,，。?？]{0,6}(?:链接|网址)"),  # 来源于该地区 is content, not the page's source
    ),
    FieldRule(
        "addressees", "主送",
        named=re.compile(r"主送|发送对象|(?:发文|发送|下发|印发|分送)范围|发给哪些|下发给|印发给|addressed to|recipients"),
        asked_of_document=re.compile(r"发给了?(谁|哪些)"),
    ),
    # a law's history: adopted (通过), in force (施行), amended (修改, 修正, 修订)
    FieldRule(
        "effective", "施行日期",
        named=re.compile(r"施行日期|施行时间|生效日期|生效时间|when (?:did|does) it (?:take|come into) (?:effect|force)"),
        asked_of_document=re.compile(r"(何时|什么时候|哪天|哪一天|哪年|哪一年|从什么时候|从哪天)(开始|起)?(施行|实施|生效)|(起|开始)(施行|生效)"),
    ),
    FieldRule(
        "adopted", "通过日期",
        named=re.compile(r"通过日期|通过时间|when was it (?:adopted|passed)"),
        asked_of_document=re.compile(r"(何时|什么时候|哪天|哪一天|哪年|哪一年)(审议)?(通过|制定|颁布)|(哪次|哪一次|什么)会议(审议)?通过"),
    ),
    FieldRule(
        "amended", "修改",
        named=re.compile(r"修改过几次|修正过几次|修订过几次|修改历史|修正情况|how many times.*amended"),
        asked_of_document=re.compile(r"(何时|什么时候|哪天|哪一天|哪年|哪一年|哪几年)(被)?(修改|修正|修订)|(修改|修正|修订)(过|了)(几次|哪几次|多少次)|(哪次|哪一次|什么)会议(修改|修正|修订)"),
    ),
    FieldRule("index_number", "索引号", named=re.compile(r"索引号|index number")),
    FieldRule("topic", "主题分类", named=re.compile(r"主题分类|组配分类|信息分类|体裁分类"),
              # 在政务公开目录里归在哪个分类下: the page's classification, not a kind the text defines
              asked_of_document=re.compile(r"公开目录[^,，。?？]{0,8}(?:哪个|什么|哪一)(?:分类|类别|类)"
                                           r"|归(?:在|入|到|于)?(?:哪个|什么|哪一)(?:分类|类别)")),
    FieldRule("openness", "公开方式", named=re.compile(r"公开方式|公开属性|公开范围|主动公开|依申请公开")),
    # the level of government it is of (算哪一级的文件? 是省级文件还是市级文件?)
    FieldRule("level", "层级", named=re.compile(r"层级|哪一?级(?:别)?的(?:文件|政策|规定|规划|方案|意见)|(?:国家|省|市|县|区)级(?:的)?(?:文件|政策)还是|什么级别的(?:文件|政策)")),
    FieldRule(
        "region", "地区",
        named=re.compile(r"which (province|region)"),
        # not the place of a body the text names (举报由哪里的市场监管部门处理, 向哪个区的法院起诉)
        asked_of_document=re.compile(r"(?:(哪个|哪一个|什么)(省|省份|地区|自治区|地方|城市|地级市|市|县|区)(出|发|印发|发布|制定)?的|哪里的)"
                                     r"(?![^，,。？?]{0,12}(?:部门|机关|局|机构|法院|政府|单位))"),
    ),
)
# a question about "when", "who" or "where" asks it of the document only when it names one
# (这份意见什么时候发布的), not of something in it (考核结果什么时候公布)
_DOCUMENT = re.compile(r"意见|规划|计划|方案|纲要|通知|办法|条例|决定|文件|法|规定|细则|解释|document|plan|opinion|notice|law|regulation")
# fields that a document the text cites (所依据的…意见) has too: asked of it, not of this one
_ALSO_REFERENCED = frozenset({"doc_number", "issuer", "date", "title"})
_REFERENCED = re.compile(r"依据|根据|贯彻|落实|上级|提到的|引用|援引|转发")
_CONTENT_FRAME = re.compile(r"(?:规定|要求|明确|提出)[，,：:]")
# a referencing word inside the name of the document asked about: 贯彻质量发展纲要、实施…的意见是哪年的
_IN_OWN_NAME = re.compile(r"(?:贯彻|落实)[^的,，。?？]{2,40}的(?:实施)?(?:意见|通知|方案|办法|规划|纲要|计划|决定)(?![里中])")


_YEAR_ASKED = re.compile(r"哪一?年|年份")
_DAY_ASKED = re.compile(r"哪一?天|几月|哪月|日期|几号|时间")


def asks_year_only(normalized_question: str) -> bool:
    """Does the question ask the year of a document, not its day (是哪年的文件, 哪一年出的)?"""
    return bool(_YEAR_ASKED.search(normalized_question)) and not _DAY_ASKED.search(normalized_question)


def asked_fields(normalized_question: str) -> list[FieldRule]:
    """The document fields (文号, 发文机关, 成文日期, 发布时间, 来源, 主送, 地区) a question asks
    about the document itself; the first three not when it asks about a document the text
    refers to (所依据的…意见文号)."""
    q = normalized_question.lower()
    own_names = [m.span() for m in _IN_OWN_NAME.finditer(q)]
    referenced = any(not any(s <= m.start() < e for s, e in own_names) for m in _REFERENCED.finditer(q))
    names_document = bool(_DOCUMENT.search(q)) or states_identifier(q)  # (国质检质〔2006〕282号是哪个部门发的?)
    # after …条例规定， the question asks what the text says (地方标准化指导性技术文件由谁制定), not
    # who made the document
    framed = _CONTENT_FRAME.search(q)
    of_document = q[:framed.start()] if framed else q
    fields = [
        rule for rule in FIELD_RULES
        if (rule.named.search(q) or names_document and rule.asked_of_document is not None and rule.asked_of_document.search(of_document))
        and not (referenced and rule.field in _ALSO_REFERENCED)
    ]
    if any(rule.field == "title" for rule in fields) and states_identifier(q):
        # the number the question quotes names the document: it is not asked (索引号…查的是哪份规划?)
        fields = [rule for rule in fields if rule.field not in ("doc_number", "index_number")]
    return fields


# an index number a page's table gives (001008003006082/2021-55914, 11320000014000000/2013-00012)
INDEX_NUMBER = re.compile(r"(?<![0-9A-Za-z/-])[0-9A-Za-z]{6,}(?:[/-][0-9A-Za-z]{2,}){1,3}(?![0-9A-Za-z/-])")


def states_identifier(normalized_question: str) -> bool:
    """Does the question quote a 文号 or an index number?"""
    return bool(DOC_NUMBER.search(normalized_question) or INDEX_NUMBER.search(normalized_question))


# ---------------------------------------------------------------- a claim put to the documents

# 对吗, 是不是这样, …，是不是, 是这么规定的吧, …就够了吧 (a sentence-final 吧 seeks assent): the question
# states something and asks whether it holds
# (not 这样对吗, 这么做对不对 after a story: that asks whether the conduct told is lawful)
_CLAIM = re.compile(r"(?<!这样)(?<!这么)(?<!样做)(?<!么做)(?<!样说)(?<!么说)(?:对吗|对么|对不对|是吗|是么|是不是这样|是这样吗|是这样的吗|没错吗|是真的吗|[，,]\s*是不是|吧)[?？。!！\s]*$")


def asserts_claim(normalized_question: str) -> bool:
    """Does the question put a claim to the documents (…有效期是5年,对吗?)?"""
    return bool(_CLAIM.search(normalized_question))


# ---------------------------------------------------------------- a penalty asked for

_PENALTY_ASKED = re.compile(
    r"处罚|罚款|罚多少|(?:怎么|怎样|如何|咋)罚|罚不罚|罚了|法律责任|(?:什么|啥|何)责任|后果|追究|吊销|没收|责令"
    r"|会被?(?:怎么样|怎样|咋样)|坐牢|判刑|拘留"  # 会怎么样: what befalls it; the criminal penalties
)


def asks_penalty(normalized_question: str) -> bool:
    """Does the question ask what befalls a violation (怎么处罚, 罚多少, 承担什么法律责任, 会怎么样)?"""
    return bool(_PENALTY_ASKED.search(normalized_question))


# ---------------------------------------------------------------- a section's items

_ITEMS_ASKED = re.compile(r"哪几条|哪几个方面|哪几部分|几条|哪些方面|步骤|流程|程序|环节|分别")


def items_asked(normalized_question: str) -> bool:
    """Does the question ask for the items of a section (哪几条, 步骤, 分别)?"""
    return bool(_ITEMS_ASKED.search(normalized_question))
