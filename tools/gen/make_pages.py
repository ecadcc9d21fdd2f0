#!/usr/bin/env python3
"""Assemble a robustness set of page texts from the real articles of the public gold files.

usage: make_pages.py --shared ../shared --out DIR [--pages 2000] [--seed 1]

Every story comes verbatim (paragraphs unchanged) from a public gold file:
``SHARED/eval/dev`` and ``SHARED/eval/rmrb`` (modern pages: news and photo items, duplicates
across the a/b renderings dropped) and ``SHARED/eval/jingbao`` (1920-1939 stories, whose gold
marks headline/title/bylines/dateline "unscored"; they keep that marker here, and jingbao pages
also reuse the real jingbao ad/other items as boxes). What is randomized, per page and per
item (seeded, so one seed always writes the same bytes):

* layout a: headline -> byline -> body, one paragraph per line, blank lines between blocks,
  half-width punctuation substituted for some full-width (only where the normalization rules
  turn it back), column breaks (a blank line splitting a paragraph after a Han character);
  a photo or a brief may print its title after its text (only between boxes or page ends,
  so that the title's owner is not ambiguous);
* layout b: byline -> body hard-wrapped at 16-24 characters (first line of each paragraph
  2 narrower), headline after the body, justified spaces next to Han characters,
  column breaks before a full-width line;
* layout n (narrow columns of historic and tabloid pages): headline first, broken into short
  lines; body hard-wrapped at 6-10 characters with no indent, a blank line between paragraphs,
  closing punctuation carried to the start of the next line or left alone on a line (vertical
  print), sometimes ``×　×　×`` between the paragraphs of a column of notes;
* layout p (the text a PDF extractor gives): no blank lines at all, CRLF line ends on most
  pages, every column hard-wrapped at 18-30 characters with no indent (a paragraph ends where a
  line stops short), headline parts one per line, ``本报记者  X  Y`` bylines, a photo credit
  often on the caption's last line; a masthead line (page number, section, paper, date) on most
  pages, column banners (``短评``) as their own items, an editor credit line at the foot;
* bylines: ``■记者 X 通讯员 Y``, ``本报记者  X  Y``, ``（记者 X、Y）`` after a dateline
  (``本报讯``, ``本报北京3月5日电``, ``新华社…电``; invented for some stories without one),
  a bare author name or ``文/X``, a closing ``（本报记者X、Y）``; two-character names
  letter-spaced (``王 强`` / ``王  强``) on some pages;
* photo credits ``X 摄``, ``■摄影 X``, ``新华社记者 X摄`` (own line or after the caption);
* boxes from a small invented pool (ads with phone numbers, weather, notices, QR prompts);
* extractor repeats (a paragraph line or a wrapped line printed twice) and fake-bold doubled
  headlines (``标题标题``); the gold holds the clean single version;
* 2-8 items per page.

Writes DIR/NAME.txt, DIR/NAME.gold.json (the format of SHARED/eval/score.py) and
DIR/MANIFEST.tsv (one row per page: the conventions that page uses and its source gold files),
after removing an earlier run's pages from DIR. Standard library only.
"""
import argparse
import glob
import json
import os
import random
import re
import sys
import unicodedata

STORY = ('news', 'photo')
SEPARATOR = '×　×　×'  # between the notes of a column (layout n); a paragraph of its own in the gold
NO_LINE_START = set('，。、；：？！”’）》」』】…·%')
CJK_PUNCT = set('，。、；：？！“”‘’（）《》「」『』【】…—·')
HALF = {'，': ',', '；': ';', '：': ':', '？': '?', '！': '!'}
CITIES = ['北京', '上海', '杭州', '南京', '广州', '成都', '武汉', '西安', '重庆', '嘉兴', '合肥', '长沙']


def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9fff or 0xf900 <= o <= 0xfaff or 0x20000 <= o <= 0x3ffff


def is_cn(c):
    return is_han(c) or c in CJK_PUNCT


def key(s):
    s = unicodedata.normalize('NFKC', s or '')
    return ''.join(c for c in s if c.isalnum())


def ascii_alnum(c):
    return c.isascii() and c.isalnum()


# --------------------------------------------------------------------------- sources

def load_sources(shared, exclude=()):
    modern, jb_stories, jb_boxes = [], [], []
    seen = set()
    for sub in ('dev', 'rmrb'):
        if sub in exclude:
            continue
        files = sorted(glob.glob(os.path.join(shared, 'eval', sub, '*.gold.json')))
        if not files:
            sys.exit(f'make_pages: no gold files in {os.path.join(shared, "eval", sub)}')
        for f in files:
            g = json.load(open(f, encoding='utf-8'))
            for a in g['articles']:
                if a['kind'] not in STORY:
                    continue
                k = (a['kind'], key(''.join(a['paragraphs'])))
                if k in seen:  # rmrb a/b pages hold the same records
                    continue
                seen.add(k)
                modern.append(dict(a, _src=f'{sub}/{os.path.basename(f)}'))
    jb_files = [] if 'jingbao' in exclude else sorted(glob.glob(os.path.join(shared, 'eval', 'jingbao', '*.gold.json')))
    for f in jb_files:
        g = json.load(open(f, encoding='utf-8'))
        for a in g['articles']:
            if a['kind'] in STORY:
                jb_stories.append(dict(a, _src=f'jingbao/{os.path.basename(f)}'))
            elif len(key(''.join(a['paragraphs']))) >= 2:
                jb_boxes.append(a)
    return modern, jb_stories, jb_boxes


# --------------------------------------------------------------------------- invented boxes

def phone(rng):
    return f'{rng.choice(["0573", "0571", "010", "021", "025", "028"])}-{rng.randint(20000000, 89999999)}'


def mobile(rng):
    return f'1{rng.choice("3589")}{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}'


def box_pool(rng):
    """One invented box: (kind, [lines]). Lines are already in normalized form."""
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    lo = rng.randint(-5, 24)
    hi = lo + rng.randint(3, 10)
    wind = rng.choice(['东南风', '偏北风', '东北风', '西南风', '偏东风'])
    sky = rng.choice(['多云', '晴', '阴有小雨', '多云转阴', '晴转多云', '小到中雨', '阵雨或雷雨'])
    sky2 = rng.choice(['多云', '晴', '阴', '小雨', '多云到晴'])
    boxes = [
        ('ad', ['金桂园家居建材城', '开业大酬宾全场八折起', f'地址：平湖市新华中路{rng.randint(10, 400)}号',
                f'咨询电话：{phone(rng)}']),
        ('ad', ['嘉禾驾校春季招生', f'报名热线：{phone(rng)}', f'微信同号：{mobile(rng)}']),
        ('ad', ['诚聘', '本公司因业务发展需要，招聘销售代表5名、仓库管理员2名，待遇从优。',
                f'联系人：张女士  电话：{mobile(rng)}']),
        ('ad', ['旺铺出租', f'市中心临街商铺一间，面积约{rng.randint(40, 200)}平方米，水电齐全。', f'电话：{phone(rng)}']),
        ('ad', ['康宁口腔', '种植牙、矫正、洁牙', f'预约电话：{phone(rng)}', '地址：人民路与解放路交叉口东侧']),
        ('ad', ['遗失声明', '平湖市某某贸易有限公司遗失公章一枚，声明作废。', f'{m}月{d}日']),
        ('ad', ['节约粮食', '拒绝浪费']),
        ('ad', ['文明出行', '礼让斑马线']),
        ('ad', ['垃圾分类', '从我做起']),
        ('ad', ['订阅启事', f'{2026 + rng.randint(0, 1)}年度报刊征订工作已开始，欢迎广大读者到当地邮局订阅。',
                f'订阅热线：{phone(rng)}']),
        ('ad', ['征稿启事', '本版面向广大读者征集反映身边新人新事的稿件和照片，一经采用，稿酬从优。',
                f'投稿邮箱：news{rng.randint(10, 99)}@example.cn']),
        ('ad', ['更正', f'本报{m}月{d}日第{rng.randint(2, 8)}版刊发的稿件中，有一处人名有误，特此更正。']),
        ('ad', ['防范电信网络诈骗', '不听不信不转账', f'举报电话：{rng.choice(["96110", "110"])}']),
        ('weather', ['天气预报', f'今天{sky}，{wind}3到4级，今天白天最高气温{hi}℃，明天早晨最低气温{lo}℃。']),
        ('weather', [f'今天{sky}，明天{sky2}，{wind}{rng.randint(2, 5)}级。气温{lo}℃到{hi}℃。']),
        ('weather', ['全国天气', f'北方大部{sky2}，{wind}3到4级。南方{sky}，局地有大雨。']),
        ('weather', ['友情提醒：关注天气，注意交通安全', f'今天{sky}，午后局部有阵雨。今天白天最高气温{hi}℃。']),
        ('other', ['扫码关注本报微信公众号', '获取更多精彩内容']),
        ('other', ['长按识别二维码', '下载本地新闻客户端']),
        ('other', ['本版编辑邮箱：', f'bianji{rng.randint(10, 99)}@example.cn']),
        ('other', ['更多报道请见客户端', '敬请关注']),
    ]
    return boxes[rng.randrange(len(boxes))]


def box_gold(kind, lines):
    """Gold of an invented box: one paragraph per line, spaces next to a non-ASCII character removed."""
    paras = [re.sub(r'\s+', lambda m: '' if not (m.string[m.start() - 1:m.start()].isascii()
                                                 and m.string[m.end():m.end() + 1].isascii()) else ' ', ln).strip()
             for ln in lines]
    return {'kind': kind, 'headline': [], 'paragraphs': paras}


# --------------------------------------------------------------------------- page furniture (layout p)

PAPERS = ['人民日报', '光明日报', '经济日报', '嘉兴日报', '新华日报', '南方日报', '浙江日报', '湖北日报']
SECTIONS = ['要闻', '社会', '国际', '评论', '政治', '经济', '文化', '体育', '各地传真', '特别报道', '综合', '民生']
BANNERS = ['短评', '人民时评', '国际视点', '金台随笔', '编辑手记', '新闻观察', '记者调查', '一线探访', '今日关注', '民生直通车']
SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'
GIVEN = '明远晓蕾岩敏强伟芳娜静丽军洋勇艳杰涛超秀霞平刚桂英华玉兰萍红鹏飞波辉宁健斌琳雪梅琦晨'


def invented_name(rng):
    return rng.choice(SURNAMES) + ''.join(rng.choice(GIVEN) for _ in range(rng.choice([1, 1, 2])))


def editor_credit(rng, style):
    names = [invented_name(rng) for _ in range(rng.randint(1, 2))]
    line = '本版责编：' + names_text(names, style)
    if rng.random() < 0.6:
        line += '  ' + rng.choice(['版式设计', '美术编辑', '图片编辑']) + '：' + names_text([invented_name(rng)], style)
    return line


def masthead_lines(rng):
    """A page head as an extractor gives it: page number, section, paper and date, in some order,
    on one line or two."""
    import datetime
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 900))
    date = f'{day.year}年{day.month}月{day.day}日'
    if rng.random() < 0.7:
        date += ' 星期' + '一二三四五六日'[day.weekday()]
    n = rng.randint(1, 24)
    number = rng.choice([str(n), f'{n:02d}', f'第{n}版', f'A{n:02d}'])
    section, paper = rng.choice(SECTIONS), rng.choice(PAPERS)
    parts = rng.choice([[number, section, paper + ' ' + date], [section, paper, date, number],
                        [date, paper, section, number], [number, paper + ' ' + date, section]])
    if rng.random() < 0.5:
        return [' '.join(parts)]
    k = rng.randint(1, len(parts) - 1)
    return [' '.join(parts[:k]), ' '.join(parts[k:])]


# --------------------------------------------------------------------------- text artifacts

def halfwidth(text, rate, rng):
    """Swap some full-width punctuation for half-width where rule 2/3 of normalization.md restores it."""
    if rate <= 0:
        return text
    chars = list(text)
    n = len(chars)

    def nb(i, step):
        j = i + step
        while 0 <= j < n and chars[j] in ' \u3000':
            j += step
        return chars[j] if 0 <= j < n else None

    for i, c in enumerate(chars):
        if c in HALF:
            l, r = nb(i, -1), nb(i, 1)
            # one neighbour a Han character, the other Han, Chinese punctuation or the end
            if ((l is not None and is_han(l) and (r is None or is_cn(r))) or
                    (r is not None and is_han(r) and l is not None and is_cn(l))) and rng.random() < rate:
                chars[i] = HALF[c]
    # parentheses: a pair whose content holds Han and no ASCII letter, with a Han or nothing before it
    stack = []
    pairs = []
    for i, c in enumerate(chars):
        if c == '（':
            stack.append(i)
        elif c == '）' and stack:
            pairs.append((stack.pop(), i))
    for s, e in pairs:
        inner = ''.join(chars[s + 1:e])
        before = nb(s, -1)
        if any(is_han(c) for c in inner) and not re.search(r'[A-Za-z]', inner) and '（' not in inner and '）' not in inner \
                and (before is None or is_han(before)) and rng.random() < rate:
            chars[s], chars[e] = '(', ')'
    return ''.join(chars)


def split_points(text, lo):
    """Positions after a Han character (so never after sentence-final punctuation: rule 6 keeps the
    paragraph together) where a column break can split text, not before lo."""
    return [i for i in range(max(lo, 6), len(text) - 5) if is_han(text[i - 1]) and not text[i].isspace()]


def cw(c):
    return 1 if ord(c) < 0x100 else 2


def tokens(text):
    return re.findall(r'[!-~]+|.', text, flags=re.S)


def wrap(text, width, first, carry=0.0, rng=None):
    """Hard-wrap at `width` characters (full-width units), the first line at `first`. Closing
    punctuation stays on its line (kinsoku), except with probability `carry`, where it starts the
    next line or stands alone on one (narrow vertical columns)."""
    lines, cur, curw, cap = [], '', 0, first * 2
    for tok in tokens(text):
        tw = sum(cw(c) for c in tok)
        if cur and curw + tw > cap:
            if tok[0] in NO_LINE_START and not (carry and rng.random() < carry):
                cur += tok
                curw += tw
                continue
            if tok[0] in NO_LINE_START and rng.random() < 0.3:  # alone on its line
                lines.append(cur)
                lines.append(tok)
                cur, curw, cap = '', 0, width * 2
                continue
            lines.append(cur)
            cur, curw, cap = tok, tw, width * 2
        else:
            cur += tok
            curw += tw
    if cur:
        lines.append(cur)
    return lines


def justify(line, p_ascii, p_han, rng):
    """Insert justified spaces next to Han characters (removed again by normalization rule 4)."""
    out = [line[0]] if line else []
    for i in range(1, len(line)):
        a, b = line[i - 1], line[i]
        if (is_han(a) and ascii_alnum(b)) or (ascii_alnum(a) and is_han(b)):
            if rng.random() < p_ascii:
                out.append(' ')
        elif is_han(a) and is_han(b) and rng.random() < p_han:
            out.append(rng.choice([' ', ' ', '  ', '\u3000']))
        out.append(b)
    return ''.join(out)


def doubled(part, rng):
    """Fake-bold doubling: the whole part twice, or each run of it twice (``半年度半年度““红旗奖红旗奖””``)."""
    if rng.random() < 0.7 or len(part) < 4:
        return part + part
    runs = re.findall(r'[^“”‘’《》（）]+|.', part)
    return ''.join(r + r for r in runs)


# --------------------------------------------------------------------------- bylines

def names_text(names, style):
    """style: plain (single spaces), dev (2-char names letter-spaced by one space), pad (two spaces)."""
    if style == 'pad':
        return '  '.join(n[0] + '  ' + n[1] if len(n) == 2 else n for n in names)
    if style == 'dev':
        return ' '.join(n[0] + ' ' + n[1] if len(n) == 2 else n for n in names)
    return ' '.join(names)


def groups(bylines):
    out = []
    for b in bylines:
        if out and out[-1][0] == b['role']:
            out[-1][1].append(b['name'])
        else:
            out.append((b['role'], [b['name']]))
    return out


def byline_line(bylines, form, style, rng):
    """One printed byline line (forms square / plain / bare) for the given bylines."""
    parts = []
    for gi, (role, names) in enumerate(groups(bylines)):
        nt = names_text(names, style)
        sp = '  ' if style == 'pad' else ' '
        if role == 'author':
            parts.append(('文/' + ''.join(names) if len(names) == 1 and rng.random() < 0.2 else nt))
        elif role == 'photographer':
            parts.append(('■摄影' if form == 'square' else '摄影') + sp + nt)
        else:
            if role == 'reporter':
                label = '记者' if form == 'square' else rng.choice(['本报记者', '本报记者', '记者'])
            else:
                label = '通讯员'
            if form == 'square' and gi == 0:
                label = '■' + label
            parts.append(label + sp + nt)
    return (' ' if style != 'pad' else '  ').join(parts)


def paren_byline(bylines, rng):
    """``（记者X、Y）`` / ``（记者 X 通讯员 Y）`` after a dateline (reporters and correspondents only)."""
    gs = groups(bylines)
    sep = rng.choice(['', ' '])
    parts = []
    for role, names in gs:
        label = '记者' if role == 'reporter' else '通讯员'
        parts.append(label + sep + ('、'.join(names) if rng.random() < 0.7 else ' '.join(names)))
    return '（' + ' '.join(parts) + '）'


def credit_line(bylines, style, rng):
    """Photo credit: ``X Y 摄``, ``■摄影 X Y``, ``新华社记者 X摄``; a reporter before the photographers."""
    gs = groups(bylines)
    out = []
    for role, names in gs:
        nt = names_text(names, style)
        if role == 'photographer':
            f = rng.random()
            if f < 0.4:
                out.append('■摄影 ' + nt)
            elif f < 0.8 or len(names) > 1:
                out.append(nt + rng.choice([' 摄', '摄', '  摄']))
            else:
                out.append(rng.choice(['新华社记者', '本报记者']) + '  ' + nt + rng.choice(['摄', ' 摄']))
        elif role == 'reporter':
            out.append('■记者 ' + nt)
        elif role == 'correspondent':
            out.append('通讯员 ' + nt)
        else:
            out.append(nt)
    return out


# --------------------------------------------------------------------------- page assembly

class Page:
    def __init__(self, rng, layout, family):
        self.rng = rng
        self.layout = layout
        self.family = family
        self.halfrate = rng.choice([0.0, 0.0, 0.3, 0.7, 1.0]) if layout == 'a' else 0.0
        self.colbreak = rng.choice([0.0, 0.04, 0.1]) if layout == 'a' else rng.choice([0.0, 0.1, 0.2])
        self.repeats = rng.choice([0, 0, 0, 1, 2])
        self.width = {'n': (6, 10), 'p': (18, 30)}.get(layout, (16, 24))
        self.width = rng.randint(*self.width)
        self.crlf = layout == 'p' and rng.random() < 0.7
        self.carry = rng.choice([0.0, 0.5, 0.9]) if layout == 'n' else 0.0
        self.separators = layout == 'n' and rng.random() < 0.15
        self.p_ascii = rng.choice([0.0, 0.4, 0.8]) if layout == 'b' else 0.0
        self.p_han = rng.choice([0.0, 0.0, 0.01, 0.03]) if layout == 'b' else 0.0
        self.para_gap = layout in 'an' or (layout != 'p' and rng.random() < 0.75)
        self.name_style = (rng.choices(['plain', 'dev', 'pad'], [5, 1, 1])[0] if layout == 'a'
                           else rng.choices(['plain', 'pad'], [2, 3])[0])
        self.hl_one_block = rng.random() < 0.5
        self.features = set()

    # ---- body paragraphs
    def body_blocks(self, paras, prefix='', repeat_ok=False):
        """Blocks for body paragraphs; `prefix` (dateline, byline) opens the first one."""
        rng = self.rng
        blocks = []
        want_repeat = set()
        if repeat_ok and self.repeats:
            cands = [i for i, p in enumerate(paras) if len(key(p)) >= 10 and (i > 0 or not prefix)
                     and (i == 0 or paras[i] != paras[i - 1])]
            for i in rng.sample(cands, min(len(cands), self.repeats)):
                want_repeat.add(i)
        for i, p in enumerate(paras):
            text = (prefix if i == 0 else '') + p
            lo = len(prefix) if i == 0 else 0
            if self.layout == 'a':
                line = halfwidth(text, self.halfrate, rng)
                if self.halfrate and line != text:
                    self.features.add('halfwidth')
                pts = split_points(line, lo + 1)
                if pts and rng.random() < self.colbreak:
                    k = rng.choice(pts)
                    blocks.append([line[:k]])
                    blocks.append([line[k:]])
                    self.features.add('colbreak')
                else:
                    blocks.append([line])
                    if i in want_repeat:
                        if rng.random() < 0.5:
                            blocks.append([line])
                        else:
                            blocks[-1] = [line, line]
                        self.features.add('repeat')
            elif self.layout == 'p':
                # An extractor's column: full lines, no indent; the paragraph's last
                # line stops short (or, by chance, exactly at the column's edge).
                blocks.append(wrap(text, self.width, self.width))
            elif self.layout == 'n':
                if self.separator_before(paras, i):
                    blocks.append([SEPARATOR])
                    self.features.add('separators')
                blocks.append(wrap(text, self.width, self.width, self.carry, rng))
                if self.carry:
                    self.features.add('punct_carried')
            else:
                lines = wrap(text, self.width, self.width - 2)
                lines = [justify(ln, self.p_ascii, self.p_han, rng) if j < len(lines) - 1 else ln
                         for j, ln in enumerate(lines)]
                if any(ln != ln0 for ln, ln0 in zip(lines, wrap(text, self.width, self.width - 2))):
                    self.features.add('justify')
                if i in want_repeat and len(lines) >= 3:
                    j = rng.randint(1, len(lines) - 2)
                    if len(key(lines[j])) >= 8:
                        lines = lines[:j + 1] + [lines[j]] + lines[j + 1:]
                        self.features.add('repeat')
                if len(lines) >= 4 and rng.random() < self.colbreak:
                    j = rng.randint(1, len(lines) - 2)  # the line after the break is a full one
                    blocks.append(lines[:j])
                    blocks.append(lines[j:])
                    self.features.add('colbreak')
                elif self.para_gap or not blocks:
                    blocks.append(lines)
                else:
                    blocks[-1].extend(lines)
        return blocks

    def separator_before(self, paras, i):
        """A separator stands between two notes: after a paragraph that ends a sentence."""
        return self.layout == 'n' and self.separators and i > 0 and paras[i - 1].rstrip()[-1:] in tuple('。！？」』、')

    def gold_paragraphs(self, paras):
        """The gold paragraphs of text rendered by body_blocks: separators included."""
        out = []
        for i, p in enumerate(paras):
            if self.separator_before(paras, i):
                out.append(SEPARATOR)
            out.append(p)
        return out

    def headline_blocks(self, parts, double_idx):
        shown = [doubled(p, self.rng) if i == double_idx else p for i, p in enumerate(parts)]
        if not shown:
            return []
        if self.layout == 'n':  # a narrow column breaks every part into short lines
            return [sum((self.short_lines(p) for p in shown), [])]
        return [shown] if self.hl_one_block else [[p] for p in shown]

    def short_lines(self, part):
        """A headline part in lines of at most the column width, cut where the printer would."""
        n = max(1, -(-len(part) // self.width))
        if n == 1 and len(part) > 4 and self.rng.random() < 0.5:
            n = 2
        size = -(-len(part) // n)
        return [part[i:i + size] for i in range(0, len(part), size)]


def story_gold(src, bylines, dateline):
    g = {'kind': src['kind'], 'headline': list(src.get('headline') or [])}
    for f in ('title', 'kicker', 'subtitle'):
        if f in src:
            g[f] = src[f]
    g['bylines'] = [dict(role=b['role'], name=b['name']) for b in bylines]
    g['dateline'] = dateline
    if src.get('editor_note'):
        g['editor_note'] = src['editor_note']
    g['paragraphs'] = list(src['paragraphs'])
    return g


def with_separators(pg, g, paras):
    g['paragraphs'] = pg.gold_paragraphs(paras)
    return g


def render_story(pg, src, flip, allow_repeat):
    """Blocks and gold for one modern story (news or photo)."""
    rng = pg.rng
    kind = src['kind']
    parts = list(src.get('headline') or [])
    bylines = list(src.get('bylines') or [])
    dateline = src.get('dateline') if kind == 'news' else None
    roles = {b['role'] for b in bylines}
    if kind == 'news' and not dateline and roles <= {'reporter', 'correspondent'} and rng.random() < 0.2:
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        dateline = rng.choice(['本报讯', f'本报{rng.choice(CITIES)}{m}月{d}日电', f'新华社{rng.choice(CITIES)}{m}月{d}日电'])
        pg.features.add('dateline_invented')
    double_idx = None
    if parts and rng.random() < 0.07:
        double_idx = parts.index(src['title']) if src.get('title') in parts else rng.randrange(len(parts))
        pg.features.add('doubled_headline')
    hl = pg.headline_blocks(parts, double_idx)
    style = pg.name_style
    pre, post, prefix = [], [], ''
    closing_dateline = False
    if kind == 'photo':
        credit = credit_line(bylines, style, rng)
        caption = pg.body_blocks(src['paragraphs'], '', allow_repeat)
        inline = 0.25 if pg.layout == 'a' and len(caption) == 1 and len(caption[0]) == 1 else 0.5 if pg.layout == 'p' else 0
        if credit and rng.random() < inline:
            caption[-1][-1] += rng.choice(['  ', ' ', '\u3000\u3000']) + ' '.join(credit)
            body = caption
            pg.features.add('credit_inline')
        else:
            body = caption + ([credit] if credit else [])
    else:
        form = None
        if bylines:
            if roles == {'author'}:
                form = 'bare'
            elif dateline and roles <= {'reporter', 'correspondent'} and rng.random() < 0.5:
                form = 'paren'
            elif roles == {'reporter'} and rng.random() < 0.06:
                form = 'closing'
            else:
                form = rng.choice(['square', 'plain'])
            pg.features.add('byline_' + form)
        if dateline:
            if dateline.startswith('新华社') and dateline.endswith('电') and not bylines and rng.random() < 0.2:
                closing_dateline = True
                pg.features.add('dateline_closing')
            else:
                if form == 'paren':
                    prefix = dateline + rng.choice(['', ' ', '  ']) + paren_byline(bylines, rng)
                else:
                    prefix = dateline + rng.choice([' ', ' ', '  ', '\u3000', ''])
        if form in ('square', 'plain', 'bare'):
            pre.append([byline_line(bylines, form, style, rng)])
        if src.get('editor_note'):
            note = '编者按：' + src['editor_note']
            pre.append([note] if pg.layout == 'a' else wrap(note, pg.width, pg.width, pg.carry, rng))
        body = pg.body_blocks(src['paragraphs'], prefix, allow_repeat)
        if form == 'closing':
            post.append(['（本报记者' + '、'.join(b['name'] for b in bylines) + '）'])
        if closing_dateline:
            post.append(['（' + dateline + '）'])
    if pg.layout == 'a':
        blocks = (pre + body + post + hl) if flip else (hl + pre + body + post)
    elif pg.layout in 'np':
        blocks = hl + pre + body + post
    else:
        blocks = pre + body + post + hl
    return blocks, with_separators(pg, story_gold(src, bylines, dateline), src['paragraphs'])


def render_jingbao(pg, src, allow_repeat):
    paras = src['paragraphs']
    first = paras[0] if paras else ''
    if pg.layout == 'n' and len(paras) > 1 and 2 <= len(first) <= 24 and not any(c in CJK_PUNCT for c in first):
        # its title (the gold keeps it as the first paragraph): short lines of its own
        blocks = pg.headline_blocks([first], None) + pg.body_blocks(paras[1:], '', allow_repeat)
        gold_paras = [first] + pg.gold_paragraphs(paras[1:])
    else:
        blocks = pg.body_blocks(paras, '', allow_repeat)
        gold_paras = pg.gold_paragraphs(paras)
    g = {'kind': src['kind'], 'headline': list(src.get('headline') or [])}
    for f in ('title', 'kicker', 'subtitle', 'bylines', 'dateline', 'editor_note'):
        if f in src:
            g[f] = src[f]
    g['paragraphs'] = gold_paras
    if 'unscored' in src:
        g['unscored'] = list(src['unscored'])
    return blocks, g


def is_brief(src):
    return src['kind'] == 'news' and len(src['paragraphs']) <= 2 and sum(len(p) for p in src['paragraphs']) <= 400


def make_page(seed, idx, sources):
    modern, jb_stories, jb_boxes = sources
    rng = random.Random(f'banmian-gen:{seed}:{idx}')
    family = 'jingbao' if rng.random() < 0.2 else 'modern'
    if not jb_stories or not modern:  # a corpus left out (--exclude): the other family only
        family = 'modern' if modern else 'jingbao'
    layout = rng.choices('abn', [5, 5, 2])[0]
    # A quarter of the modern pages come as a PDF extractor's text (layout p),
    # drawn apart so that the other pages stay what they were.
    prng = random.Random(f'banmian-gen-p:{seed}:{idx}')
    if family == 'modern' and prng.random() < 0.25:
        layout = 'p'
    pg = Page(rng, layout, family)
    n_items = rng.randint(2, 8)
    n_boxes = min(rng.choices([0, 1, 2, 3], [3, 4, 2, 1])[0], n_items - 1)
    pool = modern if family == 'modern' else jb_stories
    stories = rng.sample(pool, n_items - n_boxes)
    # items: ('story', src, flip) / ('box', kind, lines) / ('jbbox', src)
    items = [['story', s, False] for s in stories]
    for _ in range(n_boxes):
        if family == 'jingbao' and rng.random() < 0.7:
            box = ['jbbox', rng.choice(jb_boxes)]
        else:
            box = ['box'] + list(box_pool(rng))
        items.insert(rng.randint(0, len(items)), box)
    # a photo or brief with its title after its text (layout a): boxes or page ends around it
    if layout == 'a' and family == 'modern':
        i = 0
        while i < len(items):
            it = items[i]
            if it[0] == 'story' and it[1]['headline'] and (it[1]['kind'] == 'photo' or is_brief(it[1])) \
                    and rng.random() < 0.35:
                need_prev = i > 0 and items[i - 1][0] == 'story'
                need_next = i < len(items) - 1 and items[i + 1][0] == 'story'
                if len(items) + need_prev + need_next <= 8:
                    it[2] = True
                    pg.features.add('title_after')
                    if need_next:
                        items.insert(i + 1, ['box'] + list(box_pool(rng)))
                    if need_prev:
                        items.insert(i, ['box'] + list(box_pool(rng)))
                        i += 1
            i += 1
    masthead = []
    if layout == 'p':
        # Column banners above some stories, an editor credit line at the foot.
        i = 0
        while i < len(items):
            if items[i][0] == 'story' and rng.random() < 0.15:
                items.insert(i, ['box', 'other', [rng.choice(BANNERS)]])
                i += 1
            i += 1
        if rng.random() < 0.3:
            items.append(['box', 'other', [editor_credit(rng, pg.name_style)]])
        if rng.random() < 0.7:
            masthead = masthead_lines(rng)
    # extractor repeats go to one story per page
    story_idx = [i for i, it in enumerate(items) if it[0] == 'story']
    repeat_item = rng.choice(story_idx) if pg.repeats and story_idx else None
    blocks_per_item, gold = [], []
    for i, it in enumerate(items):
        if it[0] == 'story':
            if family == 'jingbao':
                b, g = render_jingbao(pg, it[1], i == repeat_item)
            else:
                b, g = render_story(pg, it[1], it[2], i == repeat_item)
        elif it[0] == 'jbbox':
            b, g = [list(it[1]['paragraphs'])], {'kind': it[1]['kind'], 'headline': [],
                                                 'paragraphs': list(it[1]['paragraphs'])}
        else:
            kind, lines = it[1], it[2]
            shown = [halfwidth(ln, pg.halfrate, rng) for ln in lines]
            b, g = [shown], box_gold(kind, lines)
        blocks_per_item.append(b)
        gold.append(g)
    if layout == 'p':  # no blank line anywhere
        out = list(masthead) + [ln for blocks in blocks_per_item for blk in blocks for ln in blk]
        text = ('\r\n' if pg.crlf else '\n').join(out) + ('\r\n' if pg.crlf else '\n')
    else:
        out = [''] * rng.choice([0, 0, 1, 2, 3])
        item_gap = rng.choice([1, 1, 2])
        for i, blocks in enumerate(blocks_per_item):
            for j, blk in enumerate(blocks):
                if out and (i or j):
                    out += [''] * (item_gap if j == 0 else (2 if rng.random() < 0.05 else 1))
                out += blk
        text = '\n'.join(out) + '\n'
    name = f'gen{seed}_{idx:05d}{layout}{"j" if family == "jingbao" else ""}'
    feats = sorted(pg.features)
    if masthead:
        feats.append('masthead')
    if layout == 'p' and pg.crlf:
        feats.append('crlf')
    if layout in 'bnp':
        feats.append(f'width{pg.width}')
        if not pg.para_gap:
            feats.append('no_para_gap')
    feats.append('names_' + pg.name_style)
    manifest = [name, family, layout, str(len(items)), str(sum(1 for g in gold if g['kind'] in STORY)), ','.join(feats),
                ';'.join(it[1]['_src'] for it in items if it[0] == 'story')]
    page_gold = {'page': name + '.txt', 'edition': None, 'articles': gold}
    if masthead:
        page_gold['masthead'] = masthead
    return name, text, page_gold, manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--shared', required=True, help='the shared directory (holds eval/dev, eval/rmrb, eval/jingbao)')
    ap.add_argument('--out', required=True)
    ap.add_argument('--pages', type=int, default=2000)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--exclude', action='append', default=[], choices=['dev', 'rmrb', 'jingbao'],
                    help='build no page from this corpus\'s stories (leave-one-out fitting)')
    a = ap.parse_args()
    sources = load_sources(a.shared, a.exclude)
    os.makedirs(a.out, exist_ok=True)
    stale = re.compile(r'^gen\d+_\d{5}[a-z]j?\.(txt|gold\.json)$')  # an earlier run's pages (another --pages)
    for fn in sorted(os.listdir(a.out)):
        if stale.match(fn) or fn == 'MANIFEST.tsv':
            os.remove(os.path.join(a.out, fn))
    rows = ['page\tfamily\tlayout\titems\tstories\tconventions\tsources']
    for idx in range(a.pages):
        name, text, gold, row = make_page(a.seed, idx, sources)
        with open(os.path.join(a.out, name + '.txt'), 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        with open(os.path.join(a.out, name + '.gold.json'), 'w', encoding='utf-8', newline='\n') as f:
            f.write(json.dumps(gold, ensure_ascii=False, indent=1) + '\n')
        rows.append('\t'.join(row))
    with open(os.path.join(a.out, 'MANIFEST.tsv'), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(rows) + '\n')
    print(f'make_pages: {a.pages} pages ({len(sources[0])} modern stories, {len(sources[1])} jingbao stories, '
          f'{len(sources[2])} jingbao boxes) -> {a.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
