#!/usr/bin/env python3
"""Prints each piece of a page with the state the gold gives it (align.py)
and, with --model, the state the decoder reads: to check the alignment and
see where the model goes wrong.

usage: show_alignment.py --bm-debug BIN --gold GOLD.json PAGE.txt [--model M]
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import align  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bm-debug', required=True)
    ap.add_argument('--gold', required=True)
    ap.add_argument('--model')
    ap.add_argument('--only-diff', action='store_true')
    ap.add_argument('page')
    a = ap.parse_args()
    roles = align.load_roles(os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'lexicon', 'default.lex'))
    out = subprocess.run([a.bm_debug, '--features', a.page], check=True, capture_output=True, text=True).stdout
    page = json.loads(out.splitlines()[1])
    gold = json.load(open(a.gold, encoding='utf-8'))
    states, assign = align.align_page(page['pieces'], gold, roles)
    pred = [None] * len(states)
    if a.model:
        cmd = [a.bm_debug, '--model', a.model, a.page]
        lines = subprocess.run(cmd, check=True, capture_output=True, text=True, errors='replace').stdout.splitlines()[1:]
        pred = [ln.split()[3] for ln in lines]
    for k, p in enumerate(page['pieces']):
        mark = '' if pred[k] in (None, states[k]) else '  <-- ' + pred[k]
        if a.only_diff and not mark:
            continue
        print(f'{k:3} a{assign[k]:<3} {states[k]:12} {p["text"][:60]}{mark}')


if __name__ == '__main__':
    main()
