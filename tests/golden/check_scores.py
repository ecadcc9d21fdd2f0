#!/usr/bin/env python3
"""Parses the dev pages with the CLI and checks the scorer's numbers against
the targets of the parser issue (segment_f1 >= 0.97, headline_acc >= 0.90,
title_acc >= 0.85, byline_f1 >= 0.95, dateline_acc >= 0.97, body_cer <= 0.01,
para_f1 >= 0.90, leaks == 0)."""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

TARGETS = {
    'segment_f1': ('>=', 0.97), 'headline_acc': ('>=', 0.90), 'title_acc': ('>=', 0.85),
    'byline_f1': ('>=', 0.95), 'dateline_acc': ('>=', 0.97), 'body_cer': ('<=', 0.01),
    'para_f1': ('>=', 0.90), 'leaks': ('<=', 0),
}

ap = argparse.ArgumentParser()
ap.add_argument('--cli', required=True)
ap.add_argument('--data', required=True)
ap.add_argument('--scorer', required=True)
ap.add_argument('--work', required=True)
a = ap.parse_args()
shutil.rmtree(a.work, ignore_errors=True)
os.makedirs(a.work)
pages = sorted(glob.glob(os.path.join(a.data, 'pages', 'dev', '*.txt')))
subprocess.run([a.cli, 'parse', '--out', a.work] + pages, check=True)
out = subprocess.run([sys.executable, a.scorer, '--gold', os.path.join(a.data, 'gold', 'dev'),
                      '--pred', a.work, '--json'], check=True, capture_output=True, text=True).stdout
scores = json.loads(out)
failed = []
for name, (op, limit) in TARGETS.items():
    value = scores[name]
    ok = value >= limit if op == '>=' else value <= limit
    print(f'{name:13} {value:8} target {op} {limit}  {"ok" if ok else "MISSED"}')
    if not ok:
        failed.append(name)
sys.exit(1 if failed else 0)
