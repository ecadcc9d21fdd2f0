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
记者

[role.correspondent]
本报通讯员
特约通讯员
通讯员

[role.photographer]
本报摄影记者
摄影记者
摄影报道
摄影
图片
摄
图

[role.editor]
责任编辑
执行编辑
本版编辑
编辑
责编
美编

[role.intern]
实习生
见习生

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

# Labels of an editor's note, followed by ： or a space.
[editor_note]
编者按
编者的话
编前语
编后语
编后

# Cues of advertisements and public-service notices. An ad needs two cue hits
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

[ad.strong]
广告
公益广告
公益/广告

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
