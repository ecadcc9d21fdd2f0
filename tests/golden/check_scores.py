#!/usr/bin/env python3
"""Parses a directory of test pages with the CLI, scores them against their
gold with the scorer, and checks the numbers against the corpus's floors
(tools/eval/floors.tsv: the floors of issue 11 for the dev pages, and the
levels our own convention pages are held to)."""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument('--cli', required=True)
ap.add_argument('--pages', required=True, help='directory of NAME.txt')
ap.add_argument('--gold', required=True, help='directory of NAME.gold.json')
ap.add_argument('--corpus', required=True, help='the corpus name in the floors file')
ap.add_argument('--floors', required=True)
ap.add_argument('--scorer', required=True)
ap.add_argument('--work', required=True)
a = ap.parse_args()
floors = []
for line in open(a.floors, encoding='utf-8'):
    f = line.strip().split('\t')
    if len(f) == 5 and f[0] == a.corpus:
        floors.append((f[1], f[2], float(f[3] if f[4] == '-' else f[4])))  # the guard
if not floors:
    sys.exit(f'no floors for corpus {a.corpus} in {a.floors}')
shutil.rmtree(a.work, ignore_errors=True)
os.makedirs(a.work)
pages = sorted(glob.glob(os.path.join(a.pages, '*.txt')))
subprocess.run([a.cli, 'parse', '--out', a.work] + pages, check=True)
out = subprocess.run([sys.executable, a.scorer, '--gold', a.gold, '--pred', a.work, '--json'],
                     check=True, capture_output=True, text=True).stdout
scores = json.loads(out)
failed = []
for name, op, limit in floors:
    value = scores[name]
    ok = value >= limit if op == '>=' else value <= limit
    print(f'{a.corpus:12} {name:13} {value:8} floor {op} {limit}  {"ok" if ok else "MISSED"}')
    if not ok:
        failed.append(name)
sys.exit(1 if failed else 0)
