#!/usr/bin/env python3
"""Runs the CLI over the public corpora and scores each with ../shared/eval/score.py.

usage: run_eval.py --cli CLI --shared DIR --work DIR [--floors TSV] [--verbose 0|1] CORPUS...

A corpus NAME is the pages ``DIR/corpus/NAME/*.txt`` with gold ``DIR/eval/NAME``;
NAME.VARIANT is the pages ``DIR/corpus/NAME/*.VARIANT.txt`` alone, with their gold
(rmrbpdf.pdfium and rmrbpdf.poppler: one extractor's text, held to its own floors;
rmrbpdf.pdf: the PDFs through banmian.parse_pdf; rmrbpdf.layout: the PDFs through
poppler's `pdftotext -layout`, made at run time).
Prints one summary row per corpus (and the scorer's per-page table with
--verbose 1); exits 1 when a corpus misses a floor of the floors file.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

COLS = ['segment_f1', 'headline_acc', 'title_acc', 'byline_f1', 'dateline_acc', 'body_cer', 'para_f1', 'leaks']


def load_floors(path):
    floors = {}
    if not path or not os.path.exists(path):
        return floors
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        corpus, metric, op, target, guard = line.split('\t')
        floors.setdefault(corpus, []).append((metric, op, float(target), float(target if guard == '-' else guard)))
    return floors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cli', required=True)
    ap.add_argument('--shared', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--floors')
    ap.add_argument('--verbose', type=int, default=0)
    ap.add_argument('--model', help='parse with bm_debug and this segment model instead of the CLI')
    ap.add_argument('--bm-debug', default='build/tools/bm_debug')
    ap.add_argument('--corpus-dir', action='append', default=[],
                    help='NAME=PAGES_DIR:GOLD_DIR, a corpus outside --shared (e.g. the repo\'s own test pages)')
    ap.add_argument('--python', default=sys.executable,
                    help='a Python with banmian and pypdfium2 importable, for NAME.pdf corpora')
    ap.add_argument('corpora', nargs='+')
    a = ap.parse_args()
    scorer = os.path.join(a.shared, 'eval', 'score.py')
    floors = load_floors(a.floors)
    failed, missed = [], []
    rows = []
    dirs = {}
    for spec in a.corpus_dir:
        name, rest = spec.split('=', 1)
        dirs[name] = tuple(rest.split(':', 1))
    for corpus in a.corpora:
        base, _, variant = corpus.partition('.')
        pages_dir, gold = dirs.get(corpus, (os.path.join(a.shared, 'corpus', base), os.path.join(a.shared, 'eval', base)))
        # NAME.pdf: the PDFs of DIR/corpus/NAME/pdf, parsed from their geometry
        # (python -m banmian parse), scored against the pdfium gold (the same
        # content; the gold names the page NAME_NN.pdfium).
        is_pdf = variant == 'pdf'
        # NAME.layout: the same PDFs as poppler's `pdftotext -layout` prints
        # them (every line holds all the columns side by side, padded with
        # spaces), made here, scored against the poppler gold (same content).
        is_layout = variant == 'layout'
        if is_pdf:
            pages = sorted(glob.glob(os.path.join(pages_dir, 'pdf', '*.pdf')))
            variant = 'pdfium'
        elif is_layout:
            pdfs = sorted(glob.glob(os.path.join(pages_dir, 'pdf', '*.pdf')))
            text_dir = os.path.join(a.work, corpus + '.text')
            shutil.rmtree(text_dir, ignore_errors=True)
            os.makedirs(text_dir)
            pages = []
            for pdf in pdfs:
                page = os.path.join(text_dir, os.path.basename(pdf)[:-len('.pdf')] + '.layout.txt')
                subprocess.run(['pdftotext', '-layout', '-enc', 'UTF-8', pdf, page], check=True)
                pages.append(page)
        else:
            pages = sorted(glob.glob(os.path.join(pages_dir, f'*.{variant}.txt' if variant else '*.txt')))
        if not pages or not os.path.isdir(gold):
            print(f'eval: corpus {corpus}: no pages or no gold, skipped', file=sys.stderr)
            continue
        out = os.path.join(a.work, corpus)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        if variant:  # the scorer reads every gold file of its directory: only this variant's
            sub = os.path.join(a.work, corpus + '.gold')
            shutil.rmtree(sub, ignore_errors=True)
            os.makedirs(sub)
            for g in glob.glob(os.path.join(gold, f'*.{"poppler" if is_layout else variant}.gold.json')):
                if is_layout:  # the gold names the page it scores
                    doc = json.load(open(g, encoding='utf-8'))
                    doc['page'] = doc['page'].replace('.poppler.txt', '.layout.txt')
                    name = os.path.basename(g).replace('.poppler.gold.json', '.layout.gold.json')
                    with open(os.path.join(sub, name), 'w', encoding='utf-8') as f:
                        json.dump(doc, f, ensure_ascii=False)
                else:
                    shutil.copy(g, sub)
            gold = sub
        if is_pdf:
            subprocess.run([a.python, '-m', 'banmian', 'parse', '--no-summary', '--out', out] + pages, check=True)
            for f in glob.glob(os.path.join(out, '*.json')):
                os.replace(f, f[:-len('.json')] + '.pdfium.json')
        elif a.model:
            subprocess.run([a.bm_debug, '--model', a.model, '--out', out] + pages, check=True)
        else:
            subprocess.run([a.cli, 'parse', '--out', out] + pages, check=True)
        # rmrbpdf: NAME.pdfium.txt -> NAME.pdfium.json; the gold names the pages the same way
        scores = json.loads(subprocess.run([sys.executable, scorer, '--gold', gold, '--pred', out, '--json'],
                                           check=True, capture_output=True, text=True).stdout)
        if a.verbose:
            print(f'== {corpus}')
            sys.stdout.flush()
            subprocess.run([sys.executable, scorer, '--gold', gold, '--pred', out, '--verbose'], check=True)
        rows.append((corpus, scores))
        for metric, op, target, guard in floors.get(corpus, []):
            v = scores[metric]
            holds = lambda limit: v >= limit if op == '>=' else v <= limit  # noqa: E731
            if not holds(guard):
                failed.append(f'{corpus}.{metric} = {v} (guard {op} {guard})')
            elif not holds(target):
                missed.append(f'{corpus}.{metric} = {v} (target {op} {target}, guard {guard} holds)')
    print('corpus'.ljust(16) + 'stories'.rjust(9) + ''.join(c[:12].rjust(13) for c in COLS))
    for corpus, s in rows:
        print(corpus.ljust(16) + f"{s['stories_gold']}".rjust(9) + ''.join(str(s[c]).rjust(13) for c in COLS))
    for f in missed:
        print(f'eval: target not yet met: {f}')
    for f in failed:
        print(f'eval: BELOW GUARD {f}')
    print('eval: ' + ('FAILED' if failed else 'all guards hold' + (', some targets not yet met' if missed else ', all targets met')))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
