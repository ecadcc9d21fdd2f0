#!/usr/bin/env python3
"""Fits the decoder's weights (data/model/segment.model) on gold pages.

usage: fit.py --bm-debug build/tools/bm_debug --shared ../shared
              [--corpus NAME ...] [--extra PAGES_DIR:GOLD_DIR ...]
              [--epochs 12] [--gen DIR --gen-pages N [--bag K]] [--out data/model/segment.model]

For every page of the named corpora (../shared/corpus/NAME/*.txt with gold
../shared/eval/NAME/*.gold.json) and every extra directory pair, it asks
`bm_debug --features` for the pieces and their features (the C++ side
computes them; this script never does), aligns the gold to the pieces
(align.py) to get one grammar state per piece, and trains a linear-chain
CRF (crf.py) whose scores are exactly the decoder's, on the grammar the
library uses. Pages are visited in a fixed order per epoch (a
seeded shuffle), so the output is byte-for-byte reproducible.

With --bag K the weights are the mean of K CRFs: member i trains on every
gold page and on the i-th slice of N generated pages, visited in the order of
seed + i. One fit leans on the pages it happened to see last and on its
slice of generated pages; the mean of several is steadier on pages none of
them saw. Members run in parallel processes; their mean is taken in member
order, so the output stays reproducible.
Only the standard library is used.
"""
import argparse
import glob
import multiprocessing
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import align  # noqa: E402
import crf as crf_mod  # noqa: E402

NEG = float('-inf')


def run_features(bm_debug, pages):
    out = subprocess.run([bm_debug, '--features'] + pages, check=True, capture_output=True, text=True).stdout
    lines = out.splitlines()
    return json.loads(lines[0]), [json.loads(x) for x in lines[1:]]


def project(gold, allowed, S):
    """The grammatical state sequence closest to the aligned one (most
    pieces kept): the gold the CRF can reach."""
    if not gold:
        return gold
    return crf_mod.best_path(len(gold), S, lambda s: 0.0 if allowed[0][s] else NEG,
                             lambda k, f, s: 0.0 if allowed[f + 1][s] else NEG,
                             lambda k, s: 1.0 if s == gold[k] else 0.0)


def write_model(path, header, crf, note):
    S, F, G = crf.S, crf.F, crf.G
    states, emit_names, edge_names = header['states'], header['emit'], header['edge']
    lines = ['# banmian segment model: fitted by tools/fit/fit.py; do not edit by hand.',
             '# ' + note,
             '# format: "emit STATE FEATURE WEIGHT" | "edge FROM TO FEATURE WEIGHT" (FROM ^ = page start)']
    for s in range(S):
        for f in range(F):
            w = round(crf.we[s * F + f], 4)
            if w != 0:
                lines.append(f'emit {states[s]} {emit_names[f]} {w:g}')
    for r, t in crf.pairs:
        for g in range(G):
            w = round(crf.wg[(r * S + t) * G + g], 4)
            if w != 0:
                frm = '^' if r == 0 else states[r - 1]
                lines.append(f'edge {frm} {states[t]} {edge_names[g]} {w:g}')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')


def generated_pages(gen_dir, leave_out, most):
    """Pages of a generated set (tools/gen) none of whose stories come from
    the left-out corpus (its MANIFEST.tsv names each page's sources)."""
    pages = []
    with open(os.path.join(gen_dir, 'MANIFEST.tsv'), encoding='utf-8') as fh:
        next(fh)
        for line in fh:
            cols = line.rstrip('\n').split('\t')
            sources = cols[-1].split(';')
            if leave_out and any(s.split('/')[0] == leave_out for s in sources):
                continue
            pages.append(os.path.join(gen_dir, cols[0] + '.txt'))
    return pages[:most]


def collect(bm_debug, shared, corpora, extras, gen, roles):
    """[(page name, pieces, gold state indices)] and the grammar header."""
    sets = [(os.path.join(shared, 'corpus', c), os.path.join(shared, 'eval', c), None) for c in corpora]
    sets += [tuple(e.split(':', 1)) + (None,) for e in extras]
    if gen:
        sets.append((gen[0], gen[0], gen[1]))
    header, data = None, []
    for pages_dir, gold_dir, chosen in sets:
        pages = chosen if chosen is not None else sorted(glob.glob(os.path.join(pages_dir, '*.txt')))
        pages = [p for p in pages if os.path.exists(os.path.join(gold_dir, os.path.basename(p)[:-4] + '.gold.json'))]
        if not pages:
            continue
        header, feats = run_features(bm_debug, pages)
        index = {s: i for i, s in enumerate(header['states'])}
        for page in feats:
            gold = json.load(open(os.path.join(gold_dir, page['page'] + '.gold.json'), encoding='utf-8'))
            states, _ = align.align_page(page['pieces'], gold, roles)
            data.append((page['page'], page['pieces'], [index[s] for s in states]))
    return header, data


_MEMBERS, _SHAPE = None, None  # set by main() before the member processes fork


def train_member(i):
    """Weights of one CRF on member i's pages, seed + i (Polyak-averaged over
    the second half of the epochs: one page's step moves AdaGrad's weights a
    little, and the mean does not depend on which page came last)."""
    S, F, G, allowed, epochs, rate, l2, seed = _SHAPE
    data = _MEMBERS[i]
    model = crf_mod.CRF(S, F, G, allowed)
    rng = random.Random(seed + i)
    order = list(range(len(data)))
    avg_e, avg_g, averaged = [0.0] * len(model.we), [0.0] * len(model.wg), 0
    for epoch in range(epochs):
        rng.shuffle(order)
        loss = 0.0
        for k in order:
            _, pieces, gold = data[k]
            loss += model.step(pieces, gold, rate, l2)
        if epoch >= epochs // 2:
            avg_e = [x + y for x, y in zip(avg_e, model.we)]
            avg_g = [x + y for x, y in zip(avg_g, model.wg)]
            averaged += 1
        print(f'fit: member {i + 1}, epoch {epoch + 1}: loss {loss:.1f}', file=sys.stderr, flush=True)
    return [x / averaged for x in avg_e], [x / averaged for x in avg_g]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bm-debug', required=True)
    ap.add_argument('--shared', required=True)
    ap.add_argument('--corpus', action='append', default=[])
    ap.add_argument('--extra', action='append', default=[], help='PAGES_DIR:GOLD_DIR')
    ap.add_argument('--lexicon', default=os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'lexicon',
                                                      'default.lex'))
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--rate', type=float, default=0.5, help='AdaGrad learning rate')
    ap.add_argument('--l2', type=float, default=0.01, help='L2 penalty per step')
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--gen', help='a generated set (tools/gen/make_pages.py output) to train on as well')
    ap.add_argument('--gen-pages', type=int, default=300, help='at most this many generated pages')
    ap.add_argument('--leave-out', help='a corpus to leave out (also generated pages built from it, and '
                                        'extra sets whose pages directory names it)')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--bag', type=int, default=1, help='mean of this many fits, each on its own slice of '
                    '--gen-pages generated pages (the set must hold bag x gen-pages of them)')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    roles = align.load_roles(a.lexicon)
    corpora = [c for c in a.corpus if c != a.leave_out]
    extras = [e for e in a.extra if not (a.leave_out and a.leave_out in e.split(':', 1)[0])]
    gen = (a.gen, generated_pages(a.gen, a.leave_out, a.gen_pages * a.bag)) if a.gen else None
    header, data = collect(a.bm_debug, a.shared, corpora, extras, gen, roles)
    S, F, G = len(header['states']), len(header['emit']), len(header['edge'])
    allowed = [[False] * S for _ in range(S + 1)]
    for f, t in header['allowed']:
        allowed[f + 1][t] = True
    moved = 0
    for i, (name, pieces, gold) in enumerate(data):
        fixed = project(gold, allowed, S)
        moved += sum(1 for x, y in zip(gold, fixed) if x != y)
        data[i] = (name, pieces, fixed)
    print(f'fit: {len(data)} pages, {sum(len(g) for _, _, g in data)} pieces; '
          f'{moved} aligned states changed to fit the grammar', file=sys.stderr)
    # Gold pages first, then the generated ones (collect keeps that order).
    gen_names = {os.path.basename(p)[:-4] for p in gen[1]} if gen else set()
    base = [d for d in data if d[0] not in gen_names]
    generated = [d for d in data if d[0] in gen_names]
    members = [base + generated[i * a.gen_pages:(i + 1) * a.gen_pages] for i in range(a.bag)]
    global _MEMBERS, _SHAPE
    _MEMBERS, _SHAPE = members, (S, F, G, allowed, a.epochs, a.rate, a.l2, a.seed)
    if a.bag > 1:
        with multiprocessing.get_context('fork').Pool(min(a.bag, os.cpu_count() or 1)) as pool:
            fitted = pool.map(train_member, range(a.bag))
    else:
        fitted = [train_member(0)]
    model = crf_mod.CRF(S, F, G, allowed)
    model.we = [sum(ws) / len(fitted) for ws in zip(*(we for we, _ in fitted))]
    model.wg = [sum(ws) / len(fitted) for ws in zip(*(wg for _, wg in fitted))]
    wrong = sum(sum(1 for x, y in zip(model.viterbi(p), g) if x != y) for _, p, g in data)
    print(f'fit: {wrong} pieces misread by the {"mean of " + str(a.bag) + " fits" if a.bag > 1 else "fit"}',
          file=sys.stderr)
    note = (f'corpora: {" ".join(corpora) or "-"}; extra: {" ".join(os.path.basename(e.split(":")[0]) for e in extras) or "-"}; '
            f'generated: {len(gen[1]) if gen else 0} pages; '
            f'CRF, {a.epochs} epochs (mean of the last {a.epochs - a.epochs // 2}), rate {a.rate}, l2 {a.l2}, seed {a.seed}'
            + (f'; mean of {a.bag} fits (seeds {a.seed}..{a.seed + a.bag - 1}, {a.gen_pages} generated pages each)'
               if a.bag > 1 else ''))
    write_model(a.out, header, model, note)


if __name__ == '__main__':
    main()
