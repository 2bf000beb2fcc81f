"""Text pools of the demo's other records: consultations, reports, outreach events and warnings."""

from __future__ import annotations

# (topic, category or "", answer)
CONSULT_TOPICS = [
    ("预付卡退费咨询", "S13.01", "告知可依据消法第五十三条要求退还预付款，并保留办卡凭证。"),
    ("网购七日无理由退货", "S07.02", "告知签收次日起七日内可无理由退货，商品应完好，定作等商品除外。"),
    ("家电三包期限咨询", "G01", "告知三包有效期自开具发票之日起计算，七日内性能故障可退货。"),
    ("食品过期如何维权", "G03", "告知可要求退货并按食品安全法第一百四十八条主张赔偿。"),
    ("装修合同纠纷咨询", "S02.01", "建议保留合同和现场照片，先与装修公司协商，协商不成可来站投诉。"),
    ("快递丢件赔偿标准", "S05.01", "告知保价与未保价的赔偿规则，建议先向快递企业申诉。"),
    ("手机套餐扣费咨询", "S06.01", "建议查询详单，向运营商申诉，并可向通信管理部门投诉。"),
    ("如何投诉网店", "S07.02", "告知可通过平台或全国12315平台投诉，保留订单和聊天记录。"),
    ("家电维修收费", "S01.08", "告知维修前应明码标价并告知收费项目。"),
    ("农资质量问题咨询", "G10", "建议保存购货凭证、包装和种子样品，必要时申请田间鉴定。"),
    ("电动自行车质量咨询", "G05.02", "告知整车三包规定，建议由厂家指定维修点检测。"),
    ("校外培训退费咨询", "S11.01", "告知可按合同约定及未消费课时申请退费。"),
    ("保健品虚假宣传咨询", "G03.02", "提醒保健食品不能治疗疾病，保留宣传资料。"),
    ("消费欺诈赔偿标准", "", "告知消法第五十五条：增加赔偿为价款三倍，不足五百元的为五百元。"),
    ("如何申请调解", "", "告知投诉需提供姓名、电话、被投诉方名称地址、诉求和事实。"),
]
# (what is reported, category, kinds of business it is reported of; () = any)
REPORT_FACTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("销售过期食品", "G03.01", ("supermarket", "bakery")), ("无证经营餐饮", "S01.01", ("restaurant", "bakery")),
    ("销售假冒伪劣商品", "G04", ("supermarket", "clothing", "shoes", "phone", "liquor")),
    ("虚假宣传保健品功效", "G03.02", ("health", "pharmacy")), ("价格欺诈、不明码标价", "", ()),
    ("计量器具作弊", "G03.06", ("supermarket", "agri", "jewelry")), ("销售不合格农资", "G10", ("agri",)),
    ("无照经营", "", ()), ("销售“三无”产品", "G04.01", ("supermarket",)), ("违规销售处方药", "G09.01", ("pharmacy",)),
]  # fmt: skip
REPORT_DETAILS = ["请求依法查处", "有照片为证", "多次发现该问题", "周边居民反映强烈"]
REPORT_RESULTS = ("经核查情况属实，已立案查处", "经现场核查未发现违法行为", "已责令改正，不予立案")

VENUE_WEIGHTS = {
    "village": 25, "community": 18, "school": 15, "enterprise": 8, "mall": 8, "supermarket": 10,
    "market": 10, "scenic_spot": 3, "religious_site": 1, "other": 2,
}  # fmt: skip
VENUE_CN = {
    "village": "农村", "community": "社区", "school": "校园", "enterprise": "企业", "mall": "商场",
    "supermarket": "超市", "market": "市场", "scenic_spot": "景区", "religious_site": "宗教场所", "other": "基层",
}  # fmt: skip
VENUE_PLACES = {
    "village": ["{village}村委会", "{village}村文化广场"], "community": ["{street}社区服务中心", "{town}文化广场"],
    "school": ["{town}中心小学", "{town}初级中学", "县第二中学"], "enterprise": ["{town}工业园区"],
    "mall": ["县城百货大楼"], "supermarket": ["{town}华联超市门前"], "market": ["{town}农贸市场"],
    "scenic_spot": ["青山景区游客中心"], "religious_site": ["{town}清风寺"], "other": ["{town}人民政府门前"],
}  # fmt: skip
OUTREACH_KINDS = {"lecture": 25, "fair": 20, "onsite_advice": 30, "exhibition": 8, "fake_destruction": 5, "other": 12}
OUTREACH_TITLES = {
    "day_315": "{year}年“3·15”国际消费者权益日宣传咨询活动",
    "lecture": "消费维权知识进{venue}讲座",
    "fair": "消费维权宣传进{venue}活动",
    "onsite_advice": "消费维权现场咨询服务",
    "exhibition": "识假辨假展览",
    "fake_destruction": "假冒伪劣商品集中销毁活动",
    "other": "放心消费创建宣传",
}
# count → (least, spread) for an ordinary event; bigger events multiply them by their scale
OUTREACH_COUNTS = {
    "leaflets": (100, 700), "banners": (1, 2), "boards": (0, 4), "onsite_consultations": (10, 90),
    "audience": (50, 350), "complaints_taken": (0, 3), "articles": (0, 1.3),
}  # fmt: skip
OUTREACH_SCALE = {"day_315": 5.0, "fair": 2.0, "exhibition": 1.5}
PARTNERS = ["县市场监督管理局", "市场监管所", "司法所、派出所", "团县委", "县教育局", "县农业农村局", "县妇联"]

# (type, title, body, category, months in which it is usually issued)
WARNINGS: list[tuple[str, str, str, str, tuple[int, ...]]] = [
    ("warning", "关于预付式消费的消费警示",
     "谨慎办理大额预付卡，签订书面合同并保留凭证。发现商家经营异常应及时维权。", "S13.01", ()),
    ("tip", "春节期间消费提示",
     "节日购物请索要发票，注意商品保质期。外出就餐理性消费，拒绝铺张浪费。", "G03", (1, 2)),
    ("warning", "谨防低价旅游陷阱的消费警示",
     "选择正规旅行社，签订旅游合同。警惕“零团费”“低价游”强制购物。", "S03.01", (4, 7, 9)),
    ("tip", "春季农资购买消费提示",
     "购买种子化肥请认准正规渠道，保存购货凭证和包装。发现问题及时保留证据。", "G10", (2, 3, 4)),
    ("warning", "校外培训消费警示",
     "警惕培训机构停业跑路风险，避免一次性缴纳高额费用。签订合同时看清退费条款。", "S11.01", (7, 8, 9)),
    ("tip", "网络购物消费提示",
     "网购请选择正规平台，保存聊天记录和订单截图。七日无理由退货商品应保持完好。", "S07.02", (6, 11)),
    ("warning", "电动自行车安全消费警示",
     "购买符合国家标准的电动自行车，不私自改装。充电时远离楼道和居室。", "G05.02", ()),
    ("tip", "中秋月饼消费提示",
     "购买月饼请查看生产日期和保质期，拒绝过度包装。", "G03.01", (9,)),
    ("warning", "保健品虚假宣传消费警示",
     "保健食品不是药物，不能治疗疾病。警惕“免费体验”“健康讲座”推销陷阱。", "G03.02", ()),
    ("tip", "“3·15”消费维权提示",
     "遇到消费纠纷可拨打12315或到就近消费维权服务站投诉。保留好购物凭证。", "", (3,)),
    ("tip", "家电以旧换新消费提示",
     "参加以旧换新活动请看清补贴条件，索要发票和三包凭证。", "G01", (5, 6, 10)),
    ("warning", "直播带货消费警示",
     "直播间购物要理性，警惕夸大宣传和“限时秒杀”话术。", "S07.04", ()),
    ("tip", "夏季饮食安全消费提示",
     "夏季食品易变质，购买熟食注意冷藏，外出就餐选择证照齐全的餐馆。", "S01.01", (6, 7, 8)),
    ("warning", "装修消费警示",
     "选择有资质的装修企业，签订书面合同，约定工期、材料和付款方式。", "S02.01", ()),
]  # fmt: skip

FINES = {500: 8, 1000: 15, 2000: 15, 3000: 12, 5000: 18, 8000: 8, 10_000: 10, 12_000: 6, 20_000: 5, 50_000: 3}
