"""Gold pages -> one grammar state per piece: the training targets of fit.py.

The gold (../shared/eval/CORPUS/NAME.gold.json) says what each article's
headline, bylines, dateline, paragraphs and editor's note are, not which
line of the page holds them. This module finds, for every piece that
`bm_debug --features` printed, the gold article and field it came from, by
text: a monotone alignment (articles are in page order) where a piece scores
for an article by how much of its text stands in that article's fields.
The field and the piece's place in its article give the state.
"""
import json
import os
import re
import unicodedata

STORY = ('news', 'photo')


def key(s):
    """Han characters, letters and digits only, NFKC-folded (as the scorer)."""
    s = unicodedata.normalize('NFKC', s or '')
    return ''.join(c for c in s if c.isalnum())


def load_roles(lexicon_path):
    """Role words of the lexicon ([role.*] sections), longest first, with their role."""
    roles, section = [], None
    for line in open(lexicon_path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        m = re.match(r'^\[(.+)\]$', line)
        if m:
            section = m.group(1)
            continue
        if section and section.startswith('role.'):
            roles.append((key(line), section[5:]))
    roles.sort(key=lambda r: -len(r[0]))
    return roles


HEAD_MAX = 30     # a headline line is at most this long (key characters)
AUTHOR_MAX = 12   # a bracketed author line after it
HEADER_NAME_MAX = 12  # a header line is a name (the paper, a section); longer ones are boxes
DECK_MAX = 80     # a deck of headline lines the gold joined into one paragraph (no punctuation at all)


def implied_headline(a):
    """Where the gold leaves headlines unannotated ("unscored", historic pages
    keep them as the first paragraphs), the short unpunctuated first
    paragraphs are the headline and a short bracketed one after them the
    author: so that every corpus teaches the same states."""
    paras = list(a.get('paragraphs') or [])
    head, names = [], []
    while paras and len(head) < 4:
        p = paras[0].strip()
        deck = len(key(p)) <= DECK_MAX and key(p) == p.replace('\u3000', '').replace(' ', '')
        if not p or (len(key(p)) > HEAD_MAX and not deck) or any(c in p for c in '。！？；，、') \
                or p.startswith(('（', '(')):
            break
        head.append(p)
        paras.pop(0)
    if head and paras:
        p = paras[0].strip()
        if p.startswith(('（', '(')) and p.endswith(('）', ')')) and len(key(p)) <= AUTHOR_MAX:
            names.append(p)
            paras.pop(0)
    if not head or not paras:
        return a
    b = dict(a)
    b['headline'] = head
    b['bylines'] = [{'role': 'author', 'name': n} for n in names]
    b['paragraphs'] = paras
    return b


class Article:
    def __init__(self, a):
        if 'headline' in (a.get('unscored') or ()) and not a.get('headline'):
            a = implied_headline(a)
        self.kind = a.get('kind')
        self.story = self.kind in STORY
        self.head = [key(h) for h in a.get('headline') or []]
        self.head_all = ''.join(self.head)
        self.names = [key(b.get('name')) for b in a.get('bylines') or []]
        self.photographers = {key(b.get('name')) for b in a.get('bylines') or [] if b.get('role') == 'photographer'}
        self.dateline = key(a.get('dateline'))
        self.body = key('\n'.join(a.get('paragraphs') or []))
        self.note = key(a.get('editor_note'))
        self.grams = {self.body[i:i + 3] for i in range(max(0, len(self.body) - 2))}


def coverage(pk, art):
    if len(pk) < 6 or not art.grams:
        return 0.0
    g = [pk[i:i + 3] for i in range(len(pk) - 2)]
    return sum(1 for x in g if x in art.grams) / len(g)


def strip_roles(pk, roles):
    for w, _ in roles:
        if w:
            pk = pk.replace(w, '')
    return pk


def names_cover(rest, names):
    """Is `rest` made only of the article's names (each any number of times)?"""
    if not rest or not names:
        return False
    ok = [False] * (len(rest) + 1)
    ok[0] = True
    for i in range(len(rest)):
        if ok[i]:
            for n in names:
                if n and rest.startswith(n, i):
                    ok[i + len(n)] = True
    return ok[len(rest)]


def field_score(pk, art, roles):
    """(score, field) of piece key `pk` in article `art`; score 0 = not there."""
    if not pk:
        return 0.0, None
    best = (0.0, None)

    def offer(score, field):
        nonlocal best
        if score > best[0]:
            best = (score, field)

    if art.story:
        half = pk[:len(pk) // 2] if len(pk) % 2 == 0 and pk[:len(pk) // 2] == pk[len(pk) // 2:] else None
        for h in art.head:
            if pk == h or (half and half == h):
                offer(3.0 + len(pk), 'headline')
            elif (len(pk) * 2 >= len(h) or len(pk) >= 4) and pk not in art.body and \
                    (pk in h or (half and half in h)):
                offer(1.0 + len(pk), 'headline')  # a headline line the page broke in two
        if len(pk) > 2 and (len(pk) * 2 >= len(art.head_all) or len(pk) >= 4) and pk not in art.body \
                and pk in art.head_all:
            offer(0.5 + len(pk), 'headline')
        rest = strip_roles(pk, roles)
        after = None  # the names after the last role word (四川日报记者 X Y)
        for w, _ in roles:
            if w and w in pk:
                after = pk[pk.rindex(w) + len(w):]
                break
        if names_cover(rest, art.names) or (after and names_cover(after, art.names)):
            offer(2.0 + len(pk), 'byline')
        elif rest == '' and pk and any(w == pk for w, _ in roles):
            offer(0.5, 'byline')  # a role word with no names (新华社记者)
        if art.note and len(pk) >= 2 and pk in art.note:
            offer(1.5 + len(pk), 'note')
        if art.dateline and pk.startswith(art.dateline):
            tail = pk[len(art.dateline):]
            changed = True
            while changed:  # （记者 X Y）after the dateline: role words and names
                changed = False
                for w in [r for r, _ in roles] + art.names:
                    if w and tail.startswith(w):
                        tail, changed = tail[len(w):], True
            if not tail or tail[:6] in art.body or any(nm.startswith(tail) for nm in art.names) \
                    or any(w.startswith(tail) for w, _ in roles if w):
                offer(2.5 + len(pk), 'body')  # the dateline line (its bracket byline included)
    if pk in art.body:
        offer(1.0 + len(pk), 'body')
    else:
        c = coverage(pk, art)
        if c >= 0.6:
            offer(c * len(pk), 'body')
    return best


def align_page(pieces, gold, roles):
    """States (names of grammar.h) for the pieces of one page."""
    arts = [Article(a) for a in gold.get('articles', [])]
    mast = key(''.join(gold.get('masthead') or []) + (gold.get('edition') or ''))
    keys = [key(p['text']) for p in pieces]
    n, m = len(pieces), len(arts)
    # score[k][j]: how well piece k fits article j
    scores = [[field_score(pk, a, roles) for a in arts] for pk in keys]
    # Monotone alignment: piece k goes to article j(k), j non-decreasing;
    # -1 is the page header before the first article. Maximise total score.
    NEG = float('-inf')
    best = [[NEG] * (m + 1) for _ in range(n)]
    back = [[0] * (m + 1) for _ in range(n)]

    def s(k, j):  # j = -1 .. m-1 stored at index j+1
        if j < 0:
            return 1.0 + len(keys[k]) if keys[k] and keys[k] in mast else 0.0
        sc = scores[k][j][0]
        # A longer piece that fits two articles equally (the same dateline
        # opens both) goes to the later one: the earlier has ended.
        return sc + 1e-3 * j if sc > 0 and len(keys[k]) >= 4 else sc

    for j in range(-1, m):
        best[0][j + 1] = s(0, j)
    for k in range(1, n):
        run_max, run_arg = NEG, 0
        for j in range(-1, m):
            if best[k - 1][j + 1] > run_max:
                run_max, run_arg = best[k - 1][j + 1], j
            best[k][j + 1] = run_max + s(k, j)
            back[k][j + 1] = run_arg
    j = max(range(-1, m), key=lambda x: best[n - 1][x + 1]) if n else -1
    assign = [0] * n
    for k in range(n - 1, -1, -1):
        assign[k] = j
        if k > 0:
            j = back[k][j + 1]
    # States from the article and field of each piece.
    states = []
    seen = {}  # article -> set of roles seen so far
    prev_j = None
    for k in range(n):
        j = assign[k]
        if j < 0:
            states.append('header')
            prev_j = j
            continue
        art = arts[j]
        field = scores[k][j][1]
        first = j != prev_j
        roles_seen = seen.setdefault(j, set())
        if not art.story and all(not arts[i].story for i in range(j + 1)) and \
                (k == 0 or states[-1] == 'header') and len(keys[k]) <= HEADER_NAME_MAX:
            states.append('header')  # names above the first story (paper, date line): the page's head
            prev_j = j
            continue
        if not art.story:
            # Consecutive boxes read as one: their boundaries are not scored
            # and the page rarely shows them.
            prev_box = k > 0 and states[-1] in ('box_start', 'box')
            st = 'box' if prev_box else 'box_start'
        elif field is None and not keys[k] and 'body' in roles_seen and \
                k + 1 < n and assign[k + 1] == j and scores[k + 1][j][1] == 'body':
            st = 'body'  # punctuation or ornaments between two paragraphs (×　×　×)
        elif field is None:
            # Text the gold does not hold: closing notes after the body, a
            # label before the item (its own box), a bare role line.
            if 'body' in roles_seen:
                st = 'credit' if any(ph and ph in keys[k] for ph in art.photographers) else 'end_note'
            elif not roles_seen:
                st = 'box_start' if first else 'box'
                roles_seen.add('box')
            else:
                st = 'byline'
        elif field == 'headline':
            if 'body' in roles_seen:
                st = 'head_after'
            elif first or roles_seen <= {'box'}:
                st = 'head_start'
            else:
                st = 'head'
        elif field == 'byline':
            if 'body' in roles_seen:
                st = 'credit' if any(ph and ph in keys[k] for ph in art.photographers) else 'end_note'
            elif first or roles_seen <= {'box'}:
                st = 'byline_start'
            else:
                st = 'byline'
        elif field == 'note':
            st = 'note_start' if first or roles_seen <= {'box'} else 'note'
        elif art.kind == 'photo':
            st = 'caption_start' if first or roles_seen <= {'box'} else 'caption'
        else:  # body
            st = 'body_start' if first or roles_seen <= {'box'} else 'body'
        roles_seen.add({'head_after': 'body'}.get(st, field or 'none'))
        if st in ('credit', 'end_note'):
            roles_seen.add('body')
        states.append(st)
        prev_j = j
    # A story item that began with a box label: its first real piece opens it.
    for k in range(1, n):
        if states[k - 1] in ('box_start', 'box') and assign[k] == assign[k - 1] and arts[assign[k]].story \
                and not states[k].startswith('box'):
            states[k] = {'head': 'head_start', 'byline': 'byline_start', 'note': 'note_start',
                         'body': 'body_start', 'caption': 'caption_start'}.get(states[k], states[k])
    return states, assign


def load_gold(shared, corpus, page):
    path = os.path.join(shared, 'eval', corpus, page + '.gold.json')
    if not os.path.exists(path):
        return None
    return json.load(open(path, encoding='utf-8'))
