#!/usr/bin/env bash
# Sets everything up, builds, and parses the bundled sample page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh -DBM_BUILD_TESTS=OFF
echo "== articles of examples/data/sample-page.txt (C API, examples/c/parse_page.c style) =="
./build/src/cli/banmian parse --summary examples/data/sample-page.txt
echo "== the same page as JSON: ./build/src/cli/banmian parse --pretty examples/data/sample-page.txt =="
./build/src/cli/banmian parse --pretty examples/data/sample-page.txt > build/sample-page.json
head -40 build/sample-page.json
