#!/usr/bin/env python3
"""Parse a generated page set with the CLI, score it, and check the page JSON invariants.

usage: check_generated.py --dir DIR [--pred PRED] [--cli CLI] [--shared SHARED] [--batch 200]
                          [--wait 600] [--examples 5] [--no-parse] [--breakdown]

1. Runs ``CLI parse --out PRED DIR/*.txt`` in batches (argv limits); a batch that fails is
   re-run page by page so that the failing pages are named. When the CLI is missing (being
   rebuilt), waits up to --wait seconds for it.
2. Runs ``SHARED/eval/score.py --gold DIR --pred PRED`` and prints its header and ALL row.
3. Checks every output JSON (the JSON alone and the page text; no gold needed):
   - no_output: a page without a readable PRED/NAME.json
   - span_missing / span_bounds / span_empty: an article without [s, e], or outside
     [0, len(decoded text in UTF-8 bytes)], or with s >= e
   - span_order / span_overlap: article spans not in increasing order / overlapping (two items
     flagged columns_interleaved may overlap: their text is interleaved in the source; a story
     flagged box_inside holds the spans of the boxes printed inside its text)
   - field_span_bounds: a field span (``spans``) outside the text
   - uncovered: a non-blank input line whose text (Han/letters/digits only, NFKC) is not found in
     any article field or the masthead (best effort: the line's key is covered greedily by
     substrings of >= 3 characters of the fields, or by whole short fields such as names; byline
     labels such as 记者/通讯员/摄影/摄 are free; at most 2 characters and under a third of the
     line may stay unmatched), unless an article whose span holds the line is flagged
     duplicate_text_removed or doubled_characters_fixed (counted as "flagged").
With --breakdown, also prints one scorer row per family/layout of DIR/MANIFEST.tsv
(jingbao stories are all "unscored" for headline/title/bylines/dateline: their 0.0 there means
"nothing to score"). Prints counts per violation kind with examples, writes every violation to PRED/violations.tsv,
and exits 1 when there is any violation (2 when the CLI or the scorer cannot run).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

LABELS = ['本报记者', '新华社记者', '特约记者', '见习记者', '本报通讯员', '责任编辑', '编者按', '记者', '通讯员',
          '摄影', '实习生', '编辑']
LABEL_RE = re.compile('|'.join(sorted(LABELS, key=len, reverse=True)))
FIELD_LISTS = ('headline',)
FIELD_STRS = ('kicker', 'title', 'subtitle', 'dateline', 'editor_note')


def key(s):
    s = unicodedata.normalize('NFKC', s or '')
    return ''.join(c for c in s if c.isalnum())


def wait_for(cli, wait):
    t0 = time.time()
    while not (os.path.isfile(cli) and os.access(cli, os.X_OK)):
        if time.time() - t0 > wait:
            return False
        print(f'check: no CLI at {cli} (rebuild in progress?), waiting ...', file=sys.stderr)
        time.sleep(30)
    return True


def run_cli(cli, pages, pred, batch, wait):
    """Returns {page base name: error text} for pages the CLI failed on."""
    failed = {}
    for i in range(0, len(pages), batch):
        chunk = pages[i:i + batch]
        for attempt in range(3):
            if not wait_for(cli, wait):
                sys.exit(f'check: no CLI at {cli} after {wait}s')
            try:
                r = subprocess.run([cli, 'parse', '--out', pred] + chunk, capture_output=True, text=True)
            except OSError as e:  # binary replaced mid-run
                print(f'check: cannot run {cli} ({e}); retrying', file=sys.stderr)
                time.sleep(30)
                continue
            break
        else:
            sys.exit(f'check: {cli} did not run')
        if r.returncode != 0:
            for p in chunk:
                rp = subprocess.run([cli, 'parse', '--out', pred, p], capture_output=True, text=True)
                if rp.returncode != 0:
                    err = (rp.stderr.strip().splitlines() or [f'exit {rp.returncode}'])[-1]
                    failed[os.path.basename(p)] = f'exit {rp.returncode}: {err[:200]}'
    return failed


def page_fields(pred):
    vals = []
    for a in pred.get('articles') or []:
        for f in FIELD_LISTS:
            vals += [x for x in (a.get(f) or []) if isinstance(x, str)]
        for f in FIELD_STRS:
            if isinstance(a.get(f), str):
                vals.append(a[f])
        vals += [b.get('name') or '' for b in (a.get('bylines') or []) if isinstance(b, dict)]
        vals += [x for x in (a.get('paragraphs') or []) if isinstance(x, str)]
    vals += [x for x in (pred.get('masthead') or []) if isinstance(x, str)]
    for f in ('edition', 'paper', 'section', 'page_number', 'issue_date'):
        if isinstance(pred.get(f), str):
            vals.append(pred[f])
    keys = [key(v) for v in vals]
    keys = [k for k in keys if k]
    return '\x00'.join(keys), set(keys)


def longest_at(k, i, blob):
    """Longest L with k[i:i+L] a substring of blob (membership is monotone in L)."""
    lo, hi = 0, len(k) - i
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if k[i:i + mid] in blob:
            lo = mid
        else:
            hi = mid - 1
    return lo


def uncovered_chars(k, blob, whole, names=()):
    if k in blob:
        return 0
    i, miss = 0, 0
    while i < len(k):
        n = longest_at(k, i, blob)
        if n >= 3 or (n and n == len(k) - i):  # or the rest of the line (1-2 characters)
            i += n
            continue
        if n >= 2 and any(k[i:i + n] in nm for nm in names):  # a name broken across lines (黄 / 雨欣）)
            i += n
            continue
        for L in (4, 3, 2, 1):
            if k[i:i + L] in whole:
                i += L
                break
        else:
            m = LABEL_RE.match(k, i)
            if m:
                i = m.end()
            elif k[i] in '摄文图':
                i += 1
            else:
                miss += 1
                i += 1
    return miss


def check_page(name, txt_path, pred_path):
    """Returns a list of (kind, detail) violations and (lines, flagged) counts."""
    out = []
    data = open(txt_path, 'rb').read()
    text = data.decode('utf-8-sig', errors='replace')
    nbytes = len(text.encode('utf-8'))
    try:
        pred = json.load(open(pred_path, encoding='utf-8'))
    except (OSError, ValueError) as e:
        return [('no_output', str(e)[:120])], (0, 0)
    arts = pred.get('articles') or []
    prev = None
    prev_interleaved = False
    prev_box_inside = False
    spans = []
    for ai, a in enumerate(arts):
        interleaved = 'columns_interleaved' in (a.get('flags') or [])
        sp = a.get('span')
        if not (isinstance(sp, list) and len(sp) == 2 and all(isinstance(x, int) for x in sp)):
            out.append(('span_missing', f'article {ai}'))
            spans.append(None)
            continue
        s, e = sp
        spans.append((s, e))
        if s < 0 or e > nbytes:
            out.append(('span_bounds', f'article {ai} span {sp} text {nbytes} bytes'))
        if s >= e:
            out.append(('span_empty', f'article {ai} span {sp}'))
        inside = False  # a box printed inside the story before it (flag box_inside)
        if prev is not None:
            ps, pe = prev
            inside = prev_box_inside and ps <= s and e <= pe
            if s < ps:
                out.append(('span_order', f'article {ai} span {sp} after {list(prev)}'))
            elif s < pe and not (interleaved and prev_interleaved) and not inside:
                out.append(('span_overlap', f'article {ai} span {sp} overlaps {list(prev)}'))
        if not inside:  # the story stays the one the next item is compared with
            prev = (s, e)
            prev_interleaved = interleaved
            prev_box_inside = 'box_inside' in (a.get('flags') or [])
        for field, v in (a.get('spans') or {}).items():
            items = v if field != 'dateline' else [v]
            for fs in items or []:
                if fs is None:
                    continue
                if not (isinstance(fs, list) and len(fs) == 2 and 0 <= fs[0] <= fs[1] <= nbytes):
                    out.append(('field_span_bounds', f'article {ai} spans.{field} {fs}'))
    blob, whole = page_fields(pred)
    names = {key(b.get('name') or '') for a in arts for b in (a.get('bylines') or [])} - {''}
    flagged_spans = [sp for sp, a in zip(spans, arts) if sp and
                     {'duplicate_text_removed', 'doubled_characters_fixed'} & set(a.get('flags') or [])]
    off = 0  # byte offset into the decoded text (as the spans)
    nlines = nflag = 0
    for line in text.split('\n'):
        lb = len(line.encode('utf-8'))
        k = key(line)
        if k:
            nlines += 1
            miss = uncovered_chars(k, blob, whole, names)
            if miss >= 3 or miss * 3 > len(k):
                if any(s <= off < e for s, e in flagged_spans):
                    nflag += 1
                else:
                    out.append(('uncovered', f'byte {off}: {line.strip()[:40]}'))
        off += lb + 1
    return out, (nlines, nflag)


def breakdown(gold_dir, pred, scorer):
    """Scores the pages of each family/layout (from MANIFEST.tsv) apart, through symlinked gold dirs."""
    man = os.path.join(gold_dir, 'MANIFEST.tsv')
    if not os.path.exists(man):
        print('check: no MANIFEST.tsv, no breakdown', file=sys.stderr)
        return
    groups = {}
    for line in open(man, encoding='utf-8').read().splitlines()[1:]:
        f = line.split('\t')
        groups.setdefault(f'{f[1]}-{f[2]}', []).append(f[0])
    cols = ['segment_f1', 'headline_acc', 'title_acc', 'byline_f1', 'dateline_acc', 'body_cer', 'para_f1', 'leaks']
    with tempfile.TemporaryDirectory() as tmp:
        for g in sorted(groups):
            d = os.path.join(tmp, g)
            os.makedirs(d)
            for n in groups[g]:
                os.symlink(os.path.abspath(os.path.join(gold_dir, n + '.gold.json')), os.path.join(d, n + '.gold.json'))
            r = subprocess.run([sys.executable, scorer, '--gold', d, '--pred', pred, '--json'],
                               capture_output=True, text=True)
            if r.returncode:
                print(f'check: scorer failed on {g}', file=sys.stderr)
                continue
            sc = json.loads(r.stdout)
            print(f'{g} ({len(groups[g])})'.ljust(26) + ''.join(str(sc[c]).rjust(13) for c in cols))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--dir', required=True)
    ap.add_argument('--pred')
    ap.add_argument('--cli', default='build/src/cli/banmian')
    ap.add_argument('--shared', default='../shared')
    ap.add_argument('--batch', type=int, default=200)
    ap.add_argument('--wait', type=int, default=600, help='seconds to wait for a missing CLI')
    ap.add_argument('--examples', type=int, default=5)
    ap.add_argument('--no-parse', action='store_true', help='reuse the JSON already in PRED')
    ap.add_argument('--breakdown', action='store_true',
                    help='also score each family/layout of DIR/MANIFEST.tsv (modern/jingbao, a/b) apart')
    a = ap.parse_args()
    pages = sorted(glob.glob(os.path.join(a.dir, '*.txt')))
    if not pages:
        print(f'check: no pages in {a.dir}', file=sys.stderr)
        return 2
    pred = a.pred or os.path.join(a.dir.rstrip('/') + '.pred')
    os.makedirs(pred, exist_ok=True)
    t0 = time.time()
    failed = {}
    if not a.no_parse:
        for old in glob.glob(os.path.join(pred, '*.json')):
            os.remove(old)
        failed = run_cli(a.cli, pages, pred, a.batch, a.wait)
    t_cli = time.time() - t0
    scorer = os.path.join(a.shared, 'eval', 'score.py')
    t1 = time.time()
    r = subprocess.run([sys.executable, scorer, '--gold', a.dir, '--pred', pred], capture_output=True, text=True)
    t_score = time.time() - t1
    if r.returncode != 0:
        print(r.stderr, file=sys.stderr)
        return 2
    rows = r.stdout.splitlines()
    print(f'{len(pages)} pages in {a.dir}; CLI {t_cli:.1f}s ({1000 * t_cli / len(pages):.1f} ms/page), '
          f'scorer {t_score:.1f}s; predictions in {pred}')
    print(rows[0])
    print(next((x for x in rows if x.startswith('ALL')), '(no ALL row)'))
    if a.breakdown:
        breakdown(a.dir, pred, scorer)
    t2 = time.time()
    viol = []
    nlines = nflag = 0
    for p in pages:
        name = os.path.basename(p)[:-4]
        if name + '.txt' in failed:
            viol.append((name, 'cli_failed', failed[name + '.txt']))
        v, (nl, nf) = check_page(name, p, os.path.join(pred, name + '.json'))
        nlines += nl
        nflag += nf
        viol += [(name, k, d) for k, d in v]
    t_check = time.time() - t2
    with open(os.path.join(pred, 'violations.tsv'), 'w', encoding='utf-8') as f:
        for row in viol:
            f.write('\t'.join(row) + '\n')
    kinds = {}
    for name, k, d in viol:
        kinds.setdefault(k, []).append((name, d))
    print(f'invariants ({t_check:.1f}s): {len(pages)} pages, {nlines} non-blank lines checked, '
          f'{nflag} uncovered lines inside a flagged article')
    if not viol:
        print('  no violations')
        return 0
    for k in sorted(kinds):
        pages_k = sorted({n for n, _ in kinds[k]})
        print(f'  {k}: {len(kinds[k])} on {len(pages_k)} pages')
        for n, d in kinds[k][:a.examples]:
            print(f'    {n}: {d}')
    print(f'  all violations: {os.path.join(pred, "violations.tsv")}')
    return 1


if __name__ == '__main__':
    sys.exit(main())
