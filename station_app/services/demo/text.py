"""Text pools of the demo register: the names, businesses, goods and wording of a county station.

Plain data only; complaints.py turns it into payloads. The county is 来安-like (area code 0550,
county code 341122), the station's town is 新集镇.
"""

from __future__ import annotations

# -- people -----------------------------------------------------------------------------------
# Common surnames, most frequent first (the weight falls with the position).
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡"
    "贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段"
)
GIVEN_ONE = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂玲燕华辉鹏飞斌宇浩凯丹琳晶欣怡慧波宁健峰俊梅红英兵亮"
GIVEN_TWO = (
    "建国 建华 建军 秀英 秀兰 秀珍 桂英 桂兰 玉兰 玉梅 志强 志刚 志勇 海涛 海燕 晓燕 晓明 晓东 丽娟 丽华 "
    "春梅 春花 红梅 红霞 国庆 国强 卫东 德明 永刚 永红 学文 文静 子涵 子轩 浩然 欣怡 雨桐 梓萱 一诺 思远 "
    "家豪 宇航 俊杰 明辉 金凤 凤英 淑珍 素芬 广军 长青"
)  # space-separated
# Mobile prefixes in use (1[3-9]x).
MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 "
    "166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199"
)  # space-separated
# County codes of 公民身份号码 with their history (GB/T 2260): (first year of birth it applies to, code).
COUNTIES = [
    ((1992, "341122"), (0, "342322")),  # 来安县 — the station's own county
    ((1996, "341226"), (0, "342128")),  # 颍上县
    ((1986, "410526"), (1983, "410921"), (0, "412127")),  # 滑县
    ((1983, "410523"), (0, "412123")),  # 汤阴县
    ((1994, "130632"), (0, "132433")),  # 安新县
    ((1993, "130523"), (0, "132224")),  # 内丘县
    ((1998, "411525"), (0, "413026")),  # 固始县
]
LOCAL_COUNTY = "341122"
AREA_PHONE = "0550"

TOWNS = ["新集镇", "城关镇", "双河镇", "柳林乡", "石桥镇", "三合镇", "东湖街道", "半塔镇"]
TOWN_WEIGHTS = [30, 22, 10, 8, 8, 7, 9, 6]
STREETS = ["中心路", "人民路", "建设路", "解放街", "新华街", "商贸街", "东风路", "团结路", "振兴大道", "老街"]
VILLAGES = ["大王", "小李", "前进", "红星", "河湾", "杨庄", "张岗", "桥头", "马集", "新庄", "陈洼", "高塘"]
MEDIATORS = ["王建国", "李秀英", "张志强", "刘丽娟", "陈明"]

# -- businesses ---------------------------------------------------------------------------------
# kind → (name patterns, how many in the pool). {town} {surname} {shop} are filled in.
BUSINESS_KINDS: dict[str, tuple[list[str], int]] = {
    "supermarket": (["{town}华联超市", "{town}惠民超市", "{town}万家福超市", "{town}{surname}记便利店",
                     "{town}供销社超市", "{town}好邻居便利店", "{town}百货商店", "{town}{surname}家小卖部"], 40),
    "appliance": (["县城国美电器", "县城苏宁易购", "{town}家电城", "{town}家电商场", "{town}{surname}氏电器行",
                   "{town}电器城", "{town}{surname}记家电"], 22),
    "appliance_repair": (["老{surname}家电维修部", "{town}{surname}师傅家电维修", "{town}顺达家电维修中心"], 10),
    "phone": (["{town}通讯城", "{town}{surname}记手机店", "{town}手机卖场", "{town}数码通讯店"], 18),
    "clothing": (["{town}服装城", "{town}{surname}记服装店", "{town}时装店", "{town}服饰商行"], 20),
    "kids": (["{town}童装店", "{town}母婴童装店", "{town}{surname}记童装"], 8),
    "shoes": (["{town}鞋城", "{town}运动专卖店", "{town}{surname}记鞋店"], 10),
    "beauty": (["美丽人生美容美发店", "{town}发艺坊", "{town}丽人美容院", "{town}{surname}记理发店",
                "{town}时尚造型", "{town}瘦身美体中心"], 20),
    "photo": (["{town}婚纱摄影", "{town}{surname}记照相馆", "县城薇拉婚纱摄影"], 4),
    "fitness": (["{town}康乐健身会所", "{town}动感健身房", "{town}瑜伽馆", "{town}游泳馆"], 6),
    "pharmacy": (["{town}惠民药店", "{town}百姓大药房", "{town}康宁大药房", "{town}{surname}氏药店"], 14),
    "health": (["{town}保健品专卖店", "{town}养生馆", "{town}健康体验中心"], 6),
    "restaurant": (["{town}{surname}家饭店", "{town}大酒店", "{town}农家乐", "{town}火锅城"], 20),
    "bakery": (["{town}蛋糕店", "{town}{surname}记烘焙坊"], 5),
    "agri": (["{town}农资门市部", "{town}{surname}记种子化肥店", "{town}农业生产资料有限公司"], 16),
    "agri_machinery": (["{town}农机销售部", "县城农用机械有限公司"], 5),
    "furniture": (["{town}家具城", "{town}全屋定制门店", "{town}{surname}记家具店"], 8),
    "building": (["{town}{surname}记建材店", "{town}建材城", "{town}建材商店"], 8),
    "decoration": (["顺心装饰公司", "{town}家装工程部", "县城佳美装饰有限公司", "{town}{surname}记水电安装"], 8),
    "ebike": (["{town}电动车行", "乐享电动车行", "{town}雅迪专卖店", "{town}三轮车销售部",
               "县城{surname}记摩托车行"], 14),
    "car_sales": (["众鑫汽车销售服务有限公司", "县城汽车城", "县城{surname}氏汽车销售有限公司"], 3),
    "car_repair": (["{town}汽车修理厂", "{town}汽车美容店", "{town}{surname}记汽车快修"], 8),
    "jewelry": (["金福珠宝店", "{town}金店", "{town}老凤祥专柜"], 6),
    "liquor": (["{town}烟酒批发部", "{town}酒水商行", "{town}{surname}记烟酒店"], 8),
    "tea": (["{town}茶叶店", "{town}{surname}记茶庄"], 4),
    "training": (["启航教育培训中心", "县城阳光艺术培训学校", "{town}英语培训班", "{town}书法培训班"], 6),
    "driving": (["{town}驾校", "县城安通驾校"], 3),
    "childcare": (["{town}小学生托管班", "{town}{surname}老师托管中心"], 4),
    "express": (["{town}中通快递", "{town}圆通快递网点", "{town}快递驿站", "{town}邮政所"], 10),
    "telecom": (["{town}移动营业厅", "{town}电信营业厅", "{town}联通营业厅", "{town}广电网络服务站"], 10),
    "online": (["拼多多店铺“{shop}”", "淘宝店铺“{shop}”", "抖音直播间“{shop}”", "快手小店“{shop}”"], 15),
    "scenic": (["青山景区", "{town}温泉度假村", "县城龙山森林公园"], 3),
    "travel_agency": (["县城假日旅行社", "{town}旅行社门市部", "县城青年旅行社"], 4),
    "water": (["县自来水公司{town}营业所"], 3),
    "gas": (["县燃气公司{town}服务点"], 3),
    "property": (["{town}物业管理公司", "县城锦绣花园物业服务中心"], 4),
    "realty": (["{town}房产中介", "县城安居房产经纪有限公司"], 3),
}  # fmt: skip
ONLINE_SHOPS = ["优品生活馆", "好物严选", "家居百货旗舰店", "潮流女装铺", "母婴优选", "数码配件专营", "美妆小铺"]

# -- goods and services -------------------------------------------------------------------------
# kind, subject, category, lowest and highest price (yuan), weight, group, quantity word,
# typical defects ("|"-separated, each follows e.g. "使用一个月后"; "" = the group's wording).
SUBJECTS: list[tuple[str, str, str, int, int, int, str, str, str]] = [
    ("supermarket", "散装饼干", "G03.01", 5, 60, 6, "food", "", "发现饼干已发霉变质|发现包装内有异物"),
    ("supermarket", "纯牛奶", "G03.03", 30, 120, 5, "food", "一箱", "发现牛奶已过保质期|发现牛奶结块变质"),
    ("supermarket", "食用油", "G03.05", 40, 200, 4, "food", "一桶", "发现油有哈喇味|发现油中有絮状沉淀"),
    ("supermarket", "月饼礼盒", "G03.01", 60, 500, 2, "food", "一盒", "发现月饼已发霉|发现月饼馅料变质"),
    ("supermarket", "猪肉", "G03.04", 20, 150, 3, "food", "", "发现猪肉有异味|发现猪肉注水"),
    ("supermarket", "洗衣液", "G04.01", 15, 80, 3, "daily", "一桶", "发现洗衣液漏液结块"),
    ("supermarket", "保温杯", "G04.01", 30, 200, 2, "daily", "一个", "出现不保温、漏水问题"),
    ("supermarket", "儿童玩具", "G07.04", 20, 300, 2, "daily", "一套", "出现零件脱落问题|电池仓发烫"),
    ("supermarket", "床上四件套", "G04.05", 100, 600, 2, "daily", "一套", "出现严重掉色问题|出现起球、开线问题"),
    ("appliance", "海尔冰箱 BCD-216", "G01.02", 1500, 4500, 4, "appliance", "一台",
     "出现不制冷问题|冷藏室结冰、噪音过大"),
    ("appliance", "格力空调 KFR-35", "G01.03", 2200, 6000, 4, "appliance", "一台",
     "出现不制冷问题|外机噪音过大|室内机漏水"),
    ("appliance", "小天鹅洗衣机", "G01.04", 1200, 4000, 3, "appliance", "一台",
     "出现漏水现象|脱水时剧烈晃动|无法排水"),
    ("appliance", "创维电视 55寸", "G01.01", 1800, 5000, 3, "appliance", "一台", "屏幕出现竖线|出现黑屏、无法开机问题"),
    ("appliance", "燃气热水器", "G01.08", 1000, 4000, 2, "appliance", "一台", "出现不加热问题|点火困难、显示故障代码"),
    ("appliance", "电饭煲", "G01.07", 150, 800, 3, "appliance", "一个", "出现不加热、内胆涂层脱落问题"),
    ("appliance", "电磁炉", "G01.07", 150, 600, 2, "appliance", "一台", "出现无法加热、频繁报警问题"),
    ("appliance_repair", "空调维修", "S01.08", 80, 800, 3, "repair", "", "同一故障再次出现|发现更换的配件是旧件"),
    ("appliance_repair", "冰箱维修", "S01.08", 80, 600, 2, "repair", "", "冰箱仍不制冷|出现新的故障"),
    ("phone", "华为手机", "G01.05", 1000, 6000, 3, "phone", "一部", "出现自动关机问题|屏幕触控失灵|充电发烫"),
    ("phone", "小米手机", "G01.05", 800, 4000, 3, "phone", "一部", "出现死机重启问题|听筒无声"),
    ("phone", "OPPO手机", "G01.05", 1000, 4000, 2, "phone", "一部", "出现信号差、无法通话问题"),
    ("phone", "手机屏幕维修", "S01.08", 150, 900, 2, "repair", "", "更换的屏幕出现漏光|指纹功能失灵"),
    ("kids", "儿童羽绒服", "G02.04", 100, 600, 4, "clothing", "一件", "出现钻绒问题|发现含绒量与标签不符"),
    ("shoes", "男士皮鞋", "G02.02", 100, 800, 3, "clothing", "一双", "出现鞋底开胶问题|鞋面开裂"),
    ("shoes", "运动鞋", "G02.02", 80, 900, 4, "clothing", "一双", "出现鞋底断裂问题|鞋帮开线"),
    ("clothing", "女式大衣", "G02.01", 200, 2000, 2, "clothing", "一件", "出现严重起球问题|洗涤后严重缩水"),
    ("clothing", "连衣裙", "G02.01", 60, 600, 3, "clothing", "一件", "出现严重掉色问题|出现开线问题"),
    ("clothing", "男士夹克", "G02.01", 100, 900, 2, "clothing", "一件", "拉链损坏|出现起皮脱胶问题"),
    ("beauty", "美容美发预付卡", "S13.01", 200, 5000, 7, "prepaid", "", ""),
    ("beauty", "烫染服务", "S01.03", 80, 800, 4, "beauty", "", "烫发后头发干枯断裂|染发后头发颜色与约定不符"),
    ("beauty", "美容护理套餐", "S01.03", 300, 6000, 3, "prepaid", "", ""),
    ("photo", "婚纱摄影套餐", "S01.07", 2000, 9000, 1, "service", "", "成片数量与合同约定不符|照片质量差、底片丢失"),
    ("fitness", "健身年卡", "S01.06", 800, 5000, 3, "prepaid", "", ""),
    ("fitness", "游泳次卡", "S13.01", 200, 1500, 2, "prepaid", "", ""),
    ("pharmacy", "感冒药", "G09.01", 10, 80, 3, "medicine", "一盒", "发现药品已过有效期|服用后出现过敏反应"),
    ("pharmacy", "血压计", "G09.02", 100, 500, 2, "appliance", "一台", "出现测量数据严重不准问题"),
    ("health", "保健品", "G03.02", 200, 8000, 3, "medicine", "一批",
     "服用数月后发现没有任何宣传的功效|发现无保健食品批准文号"),
    ("restaurant", "餐饮服务", "S01.01", 50, 2000, 5, "catering", "", "菜品中吃出异物|就餐后出现腹泻"),
    ("restaurant", "婚宴", "S01.01", 5000, 40000, 1, "service", "", "婚宴菜品数量与约定不符|婚宴多道菜品变质"),
    ("bakery", "生日蛋糕", "G03.01", 80, 400, 2, "food", "一个", "发现蛋糕奶油变质|发现蛋糕内有异物"),
    ("agri", "玉米种子", "G10.01", 100, 3000, 3, "agri", "", "播种后出苗率极低|播种后出现大面积不结穗"),
    ("agri", "复合肥", "G10.02", 200, 6000, 3, "agri", "", "施用后庄稼出现烧苗|经检测养分含量不达标"),
    ("agri", "除草剂", "G10.03", 50, 1500, 2, "agri", "", "喷洒后发现除草无效|喷洒后造成庄稼药害"),
    ("agri_machinery", "小型收割机", "G10.04", 8000, 90000, 1, "appliance", "一台", "发动机损坏|收割时频繁卡死"),
    ("furniture", "实木衣柜", "G04.03", 1500, 9000, 2, "furniture", "一组", "出现柜门变形开裂问题|发现并非实木材质"),
    ("furniture", "沙发", "G04.03", 1000, 12000, 2, "furniture", "一套", "出现皮面脱皮问题|海绵塌陷"),
    ("building", "瓷砖", "G06.02", 500, 15000, 2, "furniture", "一批", "出现色差、空鼓问题"),
    ("building", "铝合金门窗", "G06.04", 2000, 20000, 1, "furniture", "一批", "出现漏雨渗水问题"),
    ("decoration", "家庭装修", "S02.01", 8000, 150000, 2, "decoration", "", ""),
    ("decoration", "卫生间防水", "S02.01", 800, 6000, 2, "decoration", "", ""),
    ("ebike", "电动自行车", "G05.02", 1000, 4500, 4, "vehicle", "一辆",
     "出现电池不耐用问题|出现刹车失灵问题|控制器烧坏"),
    ("ebike", "电动车电池", "G05.02", 300, 1200, 3, "vehicle", "一组", "出现续航严重不足问题|电池鼓包"),
    ("ebike", "老年代步车", "G05.02", 5000, 20000, 1, "vehicle", "一辆", "出现刹车过高、操控困难问题"),
    ("car_sales", "家用汽车", "G05.01", 60000, 200000, 1, "car", "一辆", "发动机异响|变速箱顿挫"),
    ("car_repair", "汽车保养", "S01.08", 300, 3000, 2, "repair", "", "发现使用的机油并非约定品牌|发动机故障灯亮"),
    ("jewelry", "金项链", "G07.01", 2000, 20000, 2, "jewelry", "一条", "发现含金量不足|出现断裂"),
    ("jewelry", "银手镯", "G07.01", 200, 1500, 1, "jewelry", "一只", "出现严重发黑问题"),
    ("liquor", "白酒", "G08.01", 100, 3000, 3, "drinks", "一箱", "发现酒瓶内有沉淀物|发现口感异常"),
    ("tea", "茶叶", "G08.04", 100, 1500, 2, "drinks", "一批", "发现茶叶受潮发霉"),
    ("training", "英语培训课程", "S11.01", 1000, 15000, 2, "training", "", ""),
    ("driving", "驾驶培训", "S11.02", 3000, 6000, 2, "training", "", ""),
    ("childcare", "暑期托管", "S11.03", 800, 4000, 2, "training", "", ""),
    ("express", "快递丢件", "S05.01", 30, 2000, 3, "express", "", ""),
    ("express", "快递物品损毁", "S05.01", 30, 1500, 2, "express", "", ""),
    ("telecom", "宽带套餐", "S06.02", 100, 1500, 2, "telecom", "", ""),
    ("telecom", "手机话费套餐", "S06.01", 20, 600, 3, "telecom", "", ""),
    ("online", "女装", "S07.02", 50, 500, 4, "online", "一件", "收货后发现质量与图片严重不符|洗涤一次即严重掉色"),
    ("online", "化妆品套装", "S07.02", 50, 1000, 3, "online", "一套", "收货后发现疑似三无产品|使用后面部过敏"),
    ("online", "直播间保健品", "S07.04", 100, 3000, 2, "online", "一批", "服用后发现并无主播所宣传的功效"),
    ("online", "小家电", "S07.02", 100, 1500, 2, "online", "一台", "收货后无法开机|使用时插头冒烟"),
    ("scenic", "景区门票", "S03.02", 60, 800, 2, "travel", "", ""),
    ("travel_agency", "跟团旅游", "S03.01", 800, 12000, 2, "travel", "", ""),
    ("gas", "燃气费", "S12.03", 100, 1500, 2, "utility", "", ""),
    ("water", "水费", "S12.01", 50, 800, 1, "utility", "", ""),
    ("property", "物业服务", "S02.02", 500, 3000, 1, "property", "", ""),
    ("realty", "购房中介服务", "S02.03", 3000, 30000, 1, "property", "", ""),
]  # fmt: skip

# group → (what the consumer did: {s} subject, {q} quantity; payment word; usage before the defect,
# {p} = how long; complaint natures with weights)
GROUPS: dict[str, tuple[str, str, str, str]] = {
    "food": ("购买{s}{q}", "价款", "食用时",
             "quality 50 safety 12 counterfeit 6 price 10 measurement 8 false_advertising 6 after_sales 4 other 4"),
    "drinks": ("购买{s}{q}", "价款", "饮用时",
               "quality 45 counterfeit 20 price 15 false_advertising 10 measurement 5 other 5"),
    "daily": ("购买{s}{q}", "价款", "使用{p}后",
              "quality 55 after_sales 20 safety 8 price 8 false_advertising 5 other 4"),
    "appliance": ("购买{s}{q}", "价款", "使用{p}后",
                  "quality 45 after_sales 35 contract 5 false_advertising 5 safety 4 price 3 counterfeit 3"),
    "phone": ("购买{s}{q}", "价款", "使用{p}后",
              "quality 40 after_sales 38 counterfeit 8 false_advertising 6 price 4 contract 4"),
    "repair": ("接受{s}", "支付维修费", "维修{p}后",
               "quality 35 after_sales 30 price 25 contract 6 other 4"),
    "clothing": ("购买{s}{q}", "价款", "穿着{p}后",
                 "quality 60 after_sales 20 counterfeit 6 price 8 false_advertising 4 other 2"),
    "prepaid": ("办理{s}", "充值", "",
                "contract 62 false_advertising 12 quality 10 price 10 personal_rights 3 other 3"),
    "beauty": ("接受{s}", "支付", "",
               "quality 55 price 20 false_advertising 10 safety 10 personal_rights 3 other 2"),
    "service": ("订购{s}", "支付", "",
                "contract 50 quality 30 false_advertising 10 after_sales 6 other 4"),
    "medicine": ("购买{s}{q}", "价款", "",
                 "quality 30 false_advertising 30 safety 15 counterfeit 10 price 10 other 5"),
    "catering": ("接受{s}", "消费", "",
                 "quality 35 safety 20 price 20 contract 10 personal_rights 8 other 7"),
    "agri": ("购买{s}", "价款", "",
             "quality 60 counterfeit 15 false_advertising 10 measurement 8 after_sales 4 other 3"),
    "furniture": ("购买{s}{q}", "价款", "使用{p}后",
                  "quality 55 after_sales 20 contract 15 false_advertising 6 other 4"),
    "decoration": ("签订{s}合同", "合同价款", "",
                   "quality 45 contract 40 after_sales 10 other 5"),
    "vehicle": ("购买{s}{q}", "价款", "使用{p}后",
                "quality 45 after_sales 35 safety 8 false_advertising 6 contract 3 other 3"),
    "car": ("购买{s}{q}", "价款", "使用{p}后",
            "quality 40 after_sales 35 contract 15 false_advertising 6 other 4"),
    "jewelry": ("购买{s}{q}", "价款", "佩戴{p}后",
                "quality 40 counterfeit 25 measurement 15 price 10 after_sales 10"),
    "training": ("报名参加{s}", "缴纳学费", "",
                 "contract 70 false_advertising 15 quality 8 other 7"),
    "express": ("委托寄递物品", "物品价值", "",
                "contract 50 after_sales 30 other 20"),
    "telecom": ("办理{s}", "费用", "",
                "contract 45 price 35 after_sales 10 false_advertising 10"),
    "online": ("购买{s}{q}", "价款", "",
               "quality 40 after_sales 25 false_advertising 15 counterfeit 10 contract 7 other 3"),
    "travel": ("预订{s}", "费用", "",
               "contract 45 price 25 personal_rights 10 quality 12 other 8"),
    "utility": ("缴纳{s}", "费用", "",
                "price 40 contract 35 measurement 20 other 5"),
    "property": ("接受{s}", "费用", "",
                 "contract 60 price 25 quality 10 other 5"),
}  # fmt: skip

# nature → {group or "*": clauses describing the problem (what happened)}
PROBLEMS: dict[str, dict[str, list[str]]] = {
    "quality": {
        "*": ["发现存在明显质量问题"],
        "prepaid": ["服务质量明显下降，与办卡时承诺不符"],
        "decoration": ["墙面大面积开裂、起皮", "卫生间漏水渗到楼下", "瓷砖出现空鼓脱落"],
        "training": ["授课老师频繁更换，教学质量差"],
        "express": ["包裹外包装破损，物品损坏"],
        "travel": ["住宿、餐饮标准明显低于合同约定"],
        "utility": ["供气（水）频繁中断"],
        "telecom": ["宽带经常断网，网速远低于承诺"],
        "property": ["小区卫生、安保服务长期不到位"],
    },
    "after_sales": {
        "*": ["商家多次维修仍未修好", "商家以人为损坏为由拒绝三包", "售后服务一直推诿，至今未处理"],
        "express": ["快递公司以未保价为由只同意按运费三倍赔偿"],
        "telecom": ["报修后一直无人上门处理"],
    },
    "contract": {
        "*": ["商家未按约定时间送货安装", "商家收取定金后迟迟不履行合同"],
        "prepaid": [
            "店铺突然关门停业，卡内余额无法使用",
            "商家更换经营者后拒绝承认原预付卡",
            "商家擅自提高服务价格，拒绝退还余额",
        ],
        "decoration": ["装修公司未按合同约定工期完工", "施工中擅自更换合同约定的材料"],
        "training": ["培训机构未按约定开课", "培训机构停业，剩余课时费无法退还", "驾校迟迟不安排练车和考试"],
        "express": ["快递延误多日未送达", "快递被他人冒领"],
        "telecom": ["营业厅未经同意为其开通增值业务并扣费", "办理时承诺的优惠未兑现"],
        "travel": ["旅行社擅自变更行程、减少景点", "旅行社临时取消行程拒绝全额退款"],
        "utility": ["未提前通知即停止供应"],
        "property": ["物业未按合同提供服务却催缴全额物业费", "中介隐瞒房屋抵押情况"],
        "service": ["商家未按合同约定提供服务"],
    },
    "price": {
        "*": ["结账时实际收费高于标价", "商家宣传为打折商品却按原价收款", "商家收取未事先告知的费用"],
        "telecom": ["话费中出现不明扣费"],
        "utility": ["计费金额明显高于往月用量"],
        "repair": ["维修收费明显高于事先告知的价格"],
    },
    "measurement": {
        "*": ["回家复称发现缺斤短两", "商家使用的计量器具不准"],
        "jewelry": ["经复称发现克重不足"],
        "utility": ["水表（燃气表）计量不准"],
    },
    "counterfeit": {"*": ["经品牌方鉴定为假冒商品", "商品无厂名厂址，疑为假冒伪劣产品"]},
    "false_advertising": {
        "*": ["实际效果与商家宣传严重不符", "商家宣传的赠品和优惠未兑现"],
        "medicine": ["商家宣传能治疗高血压、糖尿病，实际毫无效果"],
        "training": ["机构承诺的“包过”“保分”未兑现"],
    },
    "safety": {
        "*": ["使用中插头冒烟起火", "存在严重安全隐患"],
        "food": ["家人食用后出现腹泻呕吐"],
        "catering": ["同桌多人就餐后出现腹泻呕吐"],
        "vehicle": ["充电时电池起火"],
        "beauty": ["染发后头皮红肿过敏"],
        "daily": ["儿童使用时被锋利边缘划伤"],
        "medicine": ["服用后出现严重过敏反应"],
    },
    "personal_rights": {
        "*": ["遭到店员辱骂", "店员怀疑其偷拿商品并当众搜包"],
        "travel": ["导游强制购物并辱骂游客"],
    },
    "other": {"*": ["与商家发生消费纠纷"]},
}
# what the business said: in general, per nature, per group (which comes first)
REFUSALS: dict[str, list[str]] = {
    "*": ["商家至今未给出处理意见", "双方协商未果", "商家负责人拒不露面"],
    "quality": ["商家以超过七天为由拒绝退货", "商家以人为损坏为由拒绝免费维修"],
    "after_sales": ["商家要求消费者自行承担维修费用"],
    "contract": ["商家以合同另有约定为由拒绝退款"],
    "price": ["商家拒绝退还多收的价款"],
    "food": ["商家称无法证明商品在本店购买", "商家只同意退货，拒绝赔偿"],
    "drinks": ["商家称无法证明商品在本店购买", "商家坚称商品为正品，拒绝退货"],
    "medicine": ["商家以药品已拆封为由拒绝退货"],
    "agri": ["商家称减产是天气原因造成的，拒绝赔偿"],
    "catering": ["店家只同意免单，拒绝赔偿其他损失"],
}
# nature → (request text, request type codes); a group may have its own for quality, contract, after-sales
REQUESTS: dict[str, list[tuple[str, list[str]]]] = {
    "quality": [("要求退货退款", ["return", "refund"]), ("要求更换同型号商品", ["replace"]),
        ("要求免费维修", ["repair"])],
    "after_sales": [("要求更换同型号商品", ["replace"]), ("要求退货退款", ["return", "refund"]),
        ("要求免费维修", ["repair"])],
    "contract": [("要求退还剩余费用", ["refund"]), ("要求按约定履行合同", ["other"]),
        ("要求赔偿损失", ["compensate"])],
    "price": [("要求退还多收的价款", ["refund"])],
    "measurement": [("要求补足数量并赔礼道歉", ["make_up_quantity"])],
    "counterfeit": [("要求退一赔三", ["return", "refund", "compensate"])],
    "false_advertising": [("要求退货退款", ["return", "refund"]), ("要求赔偿损失", ["compensate"])],
    "safety": [("要求赔偿医疗费等损失", ["compensate"])],
    "personal_rights": [("要求赔礼道歉并赔偿损失", ["other", "compensate"])],
    "other": [("要求妥善处理", ["other"])],
    "service_quality": [("要求退还服务费用", ["refund"]), ("要求赔偿损失", ["compensate"])],
    "prepaid": [("要求退还剩余预付款", ["refund"])],
    "decoration": [("要求返工重做并赔偿损失", ["remake", "compensate"])],
    "express": [("要求按物品实际价值赔偿", ["compensate"])],
    "food": [("要求退货退款", ["return", "refund"]), ("要求赔偿损失", ["compensate"])],
    "drinks": [("要求退货退款", ["return", "refund"]), ("要求赔偿损失", ["compensate"])],
    "medicine": [("要求退货退款", ["return", "refund"]), ("要求赔偿医疗费等损失", ["compensate"])],
    "agri": [("要求赔偿减产损失", ["compensate"]), ("要求退货退款", ["return", "refund"])],
}  # fmt: skip
TRANSFER_UNITS = {"S02": "县住房和城乡建设局", "S03": "县文化和旅游局", "G10": "县农业农村局", "S06": "市通信管理局"}
TRANSFER_DEFAULT = ["县市场监督管理局", "县消费者协会"]

# What the clerk writes in the note of a refusal or a termination: the fact each ground rests on
# (domain/grounds.py refuses a ground whose fact is not stated); picked by day, not by the random stream.
GROUND_NOTES = {
    "na_already_handled": ["该争议已由市场监管所受理", "消费者已就该争议向人民法院起诉", "同一争议本站此前已受理"],
    "na_time_barred": ["购买已超过三年，投诉人当时即知道商品有问题"],
    "na_missing_materials": ["投诉人未能提供购物凭证等证明消费关系的材料，经告知未补充", "代理人未提供授权委托书原件"],
    "na_other": ["属于劳动争议，告知投诉人向劳动人事争议仲裁委员会申请仲裁"],
    "t_withdrawn": ["投诉人电话撤回投诉", "双方自行和解，投诉人撤回投诉"],
    "t_testing_fee": ["双方对检测费用由谁承担无法协商一致"],
    "t_absent_or_refused": ["被投诉人明确拒绝调解", "被投诉人经两次通知无正当理由不参加调解"],
    "t_no_agreement": ["经调解，被投诉人明确表示无法达成调解协议"],
    "t_other": ["投诉人已就同一争议申请仲裁，依法终止调解"],
}

# Weights of the register's tables ("code weight …").
WEIGHTS = {
    "channel": "visit 45 phone 28 online 10 transfer_12315 12 letter 2 other 3",
    "na_ground": "na_no_authority 30 na_already_handled 15 na_not_consumption 20 na_time_barred 8 "
    "na_missing_materials 20 na_other 7",
    "t_ground": "t_no_agreement 35 t_withdrawn 25 t_absent_or_refused 20 t_testing_fee 8 t_time_limit 7 t_other 5",
    "route": "court 35 consumer_association 30 market_regulation 30 arbitration 5",
    "consult_channel": "visit 45 phone 40 online 12 other 3",
}
# How long the goods were used, by days since the purchase ("使用一个月后").
PERIODS = [(2, "一两天"), (10, "几天"), (25, "半个月"), (50, "一个月"), (80, "两个月"), (10_000, "几个月")]
# (first day, last day, factor): more complaints around 3·15, National Day, May Day, 618 and 双11.
BUSY_DAYS = [((3, 10), (3, 20), 2.4), ((3, 1), (3, 31), 1.3), ((10, 1), (10, 8), 1.5), ((11, 11), (11, 20), 1.5),
             ((5, 1), (5, 5), 1.3), ((6, 18), (6, 25), 1.3)]  # fmt: skip
COMPANY_WORDS = ("公司", "中心", "学校", "县城", "酒店", "营业厅", "所", "景区", "驾校")

# Lunar new year's day, to bump complaints before and after the Spring Festival.
SPRING_FESTIVAL = {
    2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6),
    2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31),
}  # fmt: skip

# request type → (agreement, outcomes, share of the amount recovered: lowest, highest)
SETTLEMENTS: dict[str, tuple[str, tuple[str, ...], tuple[float, float]]] = {
    "return": ("商家退还货款{}元，消费者退回商品。", ("return_refund",), (1.0, 1.0)),
    "refund": ("商家退还货款{}元，消费者退回商品。", ("return_refund",), (1.0, 1.0)),
    "replace": ("商家为消费者更换同型号新品（价值{}元）。", ("replace",), (1.0, 1.0)),
    "repair": ("商家免费维修，承担维修费用{}元，保修期顺延。", ("repair",), (0.05, 0.3)),
    "remake": ("经营者对问题部位免费返工，并补偿消费者{}元。", ("other", "compensate"), (0.1, 0.4)),
    "make_up_quantity": ("商家补足短缺部分（折合{}元）并赔礼道歉。", ("make_up", "apology"), (0.03, 0.2)),
    "compensate": ("商家一次性赔偿消费者{}元，双方再无其他纠纷。", ("compensate",), (0.2, 1.0)),
    "other": ("双方达成一致，商家补偿消费者{}元并按约定履行。", ("other",), (0.1, 0.6)),
}
SERVICE_REFUND = "商家退还消费者{}元。"
APOLOGY = ("商家当面向消费者赔礼道歉。", "商家向消费者赔礼道歉，并补偿{}元。")
FRAUD_AGREEMENT = "商家退还货款{}元，并依照《消费者权益保护法》第五十五条赔偿{}元。"
