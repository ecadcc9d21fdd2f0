# banmian default lexicon: general conventions of mainland Chinese dailies.
# Format (docs/lexicon.md): "[section]" starts a section; one entry per line;
# "#" starts a comment line; "!entry" removes an entry loaded earlier.
# Sections marked (regex) hold ICU regular expressions.

# Role words of bylines and credits, longest first is not required.
[role.reporter]
本报记者
本报首席记者
首席记者
特约记者
见习记者
融媒记者
全媒体记者
融媒体记者
新华社记者
中新社记者
人民日报记者
本台记者
本网记者
央视记者
总台记者
记者
# Traditional characters (Hong Kong, Taiwan, historic papers)
本報記者
特約記者
中央社記者
記者

[role.correspondent]
本报通讯员
特约通讯员
通讯员
本報通訊員
通訊員

[role.photographer]
本报摄影记者
摄影记者
摄影报道
摄影
图片
摄
图
攝影記者
攝影
攝
圖

# Where a photo came from, beside its credit (新华社发（张伟摄）, 张伟摄（视觉中国）):
# a word of a credit that names nobody.
[photo.source]
新华社发
中新社发
新华社
中新社
人民视觉
视觉中国
影像中国
资料图片
资料照片
无人机照片
新华社發
中新社發
資料圖片
資料照片

# Labels that open a sidebar of a story, a line of their own: the reading
# under it (its title, its text) is the story's, set in its box.
[story.sidebar]
延伸阅读
相关阅读
相关链接
新闻链接
背景链接
知识链接
资料链接
链接
背景资料
名词解释
延伸閱讀
相關閱讀
相關鏈接
新聞鏈接
背景資料

# Words that open a caption printed inside a story's text (图为村民在…):
# the photo is the story's, its credit the story's photographer.
[photo.in_story]
图为
上图
下图
左图
右图
中图
圖為
上圖
下圖

[role.editor]
责任编辑
执行编辑
本版编辑
编辑
责编
美编
責任編輯
編輯

[role.intern]
实习生
见习生
實習生

[role.author]
撰文
作者
文

# Marks that open a byline or credit line in many papers (■记者 X, ●通讯员 Y).
[byline_marker]
■
□
●
○
◆
◇
▲
△
★
☆
▶
►

# Datelines that open a story body (regex, matched at the start of a paragraph).
[dateline]
本报讯
本报消息
本报综合消息
本报[\p{Han}]{0,8}\d{1,2}月\d{1,2}日(?:电|讯)
本报[\p{Han}]{0,8}[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日(?:电|讯)
(?:新华社|中新社|人民网|新华网|中新网|央视网|中国新闻社)[\p{Han}]{0,10}\d{1,2}月\d{1,2}日(?:电|讯)
(?:新华社|中新社)[\p{Han}]{0,10}[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日(?:电|讯)
据(?:新华社|中新社)[\p{Han}]{0,10}(?:\d{1,2}月\d{1,2}日)?电
据新华社
据中新社
(?:央视网|人民网|新华网|中新网|澎湃新闻)消息
# Traditional-character papers (Hong Kong, Taiwan, historic): 本報訊, wire
# markers in brackets (（重慶廿日海通電）, （倫敦廿日路透電）), a reporter
# inside the marker (中央社記者X台北報導, 【記者X／台北報導】: a group named
# "byline" or "byline1".."byline9" becomes the byline, the rest the dateline;
# distinct names keep the patterns combinable into one matcher).
本報訊
本報[\p{Han}]{0,8}\d{1,2}月\d{1,2}日(?:電|訊)
[（(][\p{Han}]{1,8}?[〇一二三四五六七八九十廿卅]{1,3}日[\p{Han}]{0,6}?[電电][）)]
中央社(?<byline1>記者[\p{Han}、]{2,12})\p{Han}{2,3}(?:報導|電)
【(?<byline2>記者[^／/】]{2,16})[／/]\p{Han}{2,4}報導】

# The parts of a dateline (regex, the whole dateline as in the JSON, spaces
# and brackets removed): named groups source, place, month, day give
# dateline_info (docs/page-json.md). Tried in order; the first that matches
# the whole dateline wins. Source words and place shapes live here, not in code.
[dateline.info]
(?<source>本报|本報)(?:讯|訊|消息|综合消息)
(?<source>本报|本報)(?<place>\p{Han}{1,8}?)(?<month>[0-9〇一二三四五六七八九十]{1,3})月(?<day>[0-9〇一二三四五六七八九十廿卅]{1,3})日(?:电|讯|電|訊)
据?(?<source>新华社|中新社|人民网|新华网|中新网|央视网|中国新闻社)(?<place>\p{Han}{0,10}?)(?:(?<month>[0-9〇一二三四五六七八九十]{1,3})月)?(?<day>[0-9〇一二三四五六七八九十廿卅]{1,3})日(?:电|讯)
据(?<source>新华社|中新社)(?<place>\p{Han}{0,10}?)电?
(?<source>央视网|人民网|新华网|中新网|澎湃新闻)消息
(?<source>中央社)(?<place>\p{Han}{2,3})(?:報導|電)
# Historic wire markers: （重慶廿日海通電）, （漢口廿四日路透電）, （洛陽廿日電）
(?<place>\p{Han}{2,4}?)(?:(?<month>[〇一二三四五六七八九十]{1,2})月)?(?<day>[〇一二三四五六七八九十廿卅]{1,3})日(?<source>\p{Han}{0,4}?社?)[電电]
# A reporter's own report, the reporter taken out as the byline: 【記者X／台北報導】
(?<place>\p{Han}{2,3})(?:報導|报导)

# Day expressions (dates): the words around the numbers. An entry is a word,
# or a word, one space and a number (its meaning is the section's).
# Days relative to the issue date: word and offset in days.
[date.relative]
今天 0
今日 0
昨天 -1
昨日 -1
前天 -2
前日 -2
大前天 -3
明天 1
明日 1
后天 2
後天 2
大后天 3
# Weekday words: word and ISO weekday (1 = Monday, 7 = Sunday).
[date.weekday]
周一 1
周二 2
周三 3
周四 4
周五 5
周六 6
周日 7
周天 7
星期一 1
星期二 2
星期三 3
星期四 4
星期五 5
星期六 6
星期日 7
星期天 7
礼拜一 1
礼拜二 2
礼拜三 3
礼拜四 4
礼拜五 5
礼拜六 6
礼拜天 7
禮拜一 1
禮拜二 2
禮拜三 3
禮拜四 4
禮拜五 5
禮拜六 6
禮拜日 7
禮拜天 7
週一 1
週二 2
週三 3
週四 4
週五 5
週六 6
週日 7
# Words before a weekday: word and offset in weeks (上周五, 下星期一).
[date.week]
上 -1
上个 -1
本 0
这 0
這 0
下 1
下个 1
# Words before a day of the month: word and offset in months (本月3日).
[date.month]
本月 0
当月 0
上月 -1
上个月 -1
下月 1
下个月 1
# Words before a month and day: word and offset in years (今年3月1日).
[date.year]
今年 0
去年 -1
前年 -2
明年 1
# Eras: word and the number added to the year printed after it (民國九年 = 1920).
[date.era]
中華民國 1911
中华民国 1911
民國 1911
民国 1911
公元 0
# Months of the lunar calendar by name: word and month (正月初八).
[date.lunar_month]
正月 1
冬月 11
腊月 12
臘月 12
# Words that make the month and day after them lunar (农历二月初二).
[date.lunar]
农历
農曆
夏历
阴历
陰曆
旧历
舊曆
# Words joining the two ends of a range of days (1月7日至9日).
[date.range]
至
到
-
－
—
～
~
# Vague time words: not one day (日前 is "recently", not a date).
[date.vague]
日前
近日
近期
连日
連日
日后
日後
日内
今后
昔日
往日
节日
節日
生日
假日
平日
时日
# Words after "N日" that make it a count of days, not a day (3日内, 7日以来).
[date.not_day]
内
內
以内
之内
以来
来
間
间
游

# Page metadata from the page's first lines (docs/page-json.md).
# The paper's name (regex, a whole space-separated word of a header line).
[paper]
\p{Han}{1,6}(?:日报|日報|晚报|晚報|时报|時報|都市报|商报|商報|早报|早報|晨报|晨報|快报|快報|青年报|法治报|经济报)
(?:晶報|晶报|申報|申报|大公報|大公报|新聞報|新闻报|中央日報)
# The page number (regex, a whole word; the group page is the number as printed).
[page_number]
第(?<page>[0-9０-９〇一二三四五六七八九十]{1,3})(?:版|頁|页)
(?<page>[A-Z][0-9]{1,2})版?
# Section names printed at the top of a page.
[page.section]
要闻
要聞
评论
評論
理论
国际
國際
国内
文化
体育
經濟
经济
社会
副刊
综合新闻
本地新闻
国内新闻
国际新闻
文化遗产
地方新闻
民生
政治
财经
科技
教育
健康
法治
生态
城市
农村
旅游
时事
专题
特别报道
观察
地方
周刊
读书
文艺
党建
乡村振兴
财經
科教
法治社会

# Marks that end a story ("(完)"): the next text starts a new item.
[end_mark]
（完）
(完)
（全文完）
（终）

# Labels of an editor's note, followed by ： or a space.
[editor_note]
编者按
编者的话
编前语
编后语
编后

# Cues of advertisements and public-service notices (also a paper's own
# notices: calls for contributions, corrections). An ad needs two cue hits
# in one block, or one "strong" cue (广告 / 公益).
[ad]
广告
公益
热线
招生
报名
咨询电话
联系电话
服务电话
订购
地址
优惠
折扣
促销
招聘
开业
营业时间
官方网站
诚邀
宣传
启事
征稿
征文
来稿
更正

[ad.strong]
广告
公益广告
公益/广告

# The word that closes a public-service ad's signature, after its sponsor
# and a space (市生态环境局 宣, 县文明办 宣制): the last word of such a line.
[ad.sponsor]
宣
宣制
监制

# Cues of weather boxes. A weather block needs three cue hits.
[weather]
天气
气温
最高气温
最低气温
多云
阴
晴
阵雨
雷雨
小雨
中雨
大雨
暴雨
雷阵雨
雨夹雪
小雪
大雪
雾
霾
风力
级
℃
降水
台风
预报

# A line that opens with one of these credits the page, not a story
# (本版责编：X  版式设计：Y at a page's foot): page furniture, though it
# names people with roles.
[other.page_credit]
本版责编
本版编辑
本版统筹
本版策划
本版主编
版式设计
本版设计

# Cues of other furniture: QR-code prompts, video links, page banners.
[other]
扫一扫
扫码
二维码
看视频
长按识别
关注我们
微信公众号

# Masthead furniture at the top of a page (matched anywhere in a short line).
[masthead]
# Page section labels printed at the top of a page.
要闻
综合新闻
本地新闻
国内新闻
国际新闻
客户端
DAILY
Daily
NEWS
TIMES
日报
晚报
晨报
早报
时报
商报
快报
都市报
发布
公众号
微信
微博
抖音
视频号
电子版
融媒体中心

# Edition lines (regex, the whole line).
[edition]
\p{Han}{1,8}版
第?[A-Z]?\d{1,2}版
[A-Z]\d{1,2}

# A weather block needs one of these besides its three cue hits.
[weather.strong]
气温
℃
天气预报

# A weather block also names the day it forecasts.
[weather.time]
今天
明天
今日
明日
后天
白天
夜间
夜里
今晚

# Family names (the 百家姓 and common modern ones). A byline name must start
# with one; an empty section (after --replace-lexicon) accepts any name.
[surname]
赵
钱
孙
李
周
吴
郑
王
冯
陈
褚
卫
蒋
沈
韩
杨
朱
秦
尤
许
何
吕
施
张
孔
曹
严
华
金
魏
陶
姜
戚
谢
邹
喻
柏
水
窦
章
云
苏
潘
葛
奚
范
彭
郎
鲁
韦
昌
马
苗
凤
花
方
俞
任
袁
柳
酆
鲍
史
唐
费
廉
岑
薛
雷
贺
倪
汤
滕
殷
罗
毕
郝
邬
安
常
乐
于
时
傅
皮
卞
齐
康
伍
余
元
卜
顾
孟
平
黄
和
穆
萧
尹
姚
邵
湛
汪
祁
毛
禹
狄
米
贝
明
臧
计
伏
成
戴
谈
宋
茅
庞
熊
纪
舒
屈
项
祝
董
梁
杜
阮
蓝
闵
席
季
麻
强
贾
路
娄
危
江
童
颜
郭
梅
盛
林
刁
钟
徐
邱
骆
高
夏
蔡
田
樊
胡
凌
霍
虞
万
支
柯
昝
管
卢
莫
经
房
裘
缪
干
解
应
宗
丁
宣
贲
邓
郁
单
杭
洪
包
诸
左
石
崔
吉
钮
龚
程
嵇
邢
滑
裴
陆
荣
翁
荀
羊
於
惠
甄
曲
家
封
芮
羿
储
靳
汲
邴
糜
松
井
段
富
巫
乌
焦
巴
弓
牧
隗
山
谷
车
侯
宓
蓬
全
郗
班
仰
秋
仲
伊
宫
宁
仇
栾
暴
甘
钭
厉
戎
祖
武
符
刘
景
詹
束
龙
叶
幸
司
韶
郜
黎
蓟
薄
印
宿
白
怀
蒲
邰
从
鄂
索
咸
籍
赖
卓
蔺
屠
蒙
池
乔
阴
胥
能
苍
双
闻
莘
党
翟
谭
贡
劳
逄
姬
申
扶
堵
冉
宰
郦
雍
却
璩
桑
桂
濮
牛
寿
通
边
扈
燕
冀
郏
浦
尚
农
温
别
庄
晏
柴
瞿
阎
充
慕
连
茹
习
宦
艾
鱼
容
向
古
易
慎
戈
廖
庾
终
暨
居
衡
步
都
耿
满
弘
匡
国
文
寇
广
禄
阙
东
欧
殳
沃
利
蔚
越
夔
隆
师
巩
厍
聂
晁
勾
敖
融
冷
訾
辛
阚
那
简
饶
空
曾
毋
沙
乜
养
鞠
须
丰
巢
关
蒯
相
查
后
荆
红
游
竺
权
逯
盖
益
桓
公
晋
楚
闫
法
汝
鄢
涂
钦
岳
帅
缑
亢
况
郈
佘
佴
墨
哈
谯
笪
年
爱
阳
佟
言
福
付
肖
覃
揭
冼
庹
粟
檀
代
兰
来
练
凡
过
操
逢
母
迟
雒
丛
邝
植
区
麦
官
万俟
司马
上官
欧阳
夏侯
诸葛
闻人
东方
赫连
皇甫
尉迟
公羊
澹台
公冶
宗政
濮阳
淳于
单于
太叔
申屠
公孙
仲孙
轩辕
令狐
钟离
宇文
长孙
慕容
鲜于
闾丘
司徒
司空
亓官
司寇
子车
颛孙
端木
巫马
公西
漆雕
乐正
壤驷
公良
拓跋
夹谷
宰父
谷梁
段干
百里
东郭
南门
呼延
归海
羊舌
微生
梁丘
左丘
东门
西门
南宫
第五

# Cues of a closing note after a story's body (bracketed): the author's
# affiliation, a reprint source, a co-writer's credit. Not body text.
[end_note]
作者为
作者系
作者单位
参与采写
参与报道
参与调研
摘编自
摘自
原载
来源
转载自
