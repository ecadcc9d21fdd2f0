#!/usr/bin/env bash
# Installs what building and testing banmian needs on Debian/Ubuntu (idempotent).
# BM_SETUP_EXTRA="clang-14 ..." adds packages (used by CI for fuzzing/ABI checks).
set -euo pipefail
pkgs="cmake ninja-build g++ pkg-config libicu-dev libutf8proc-dev libgtest-dev swig python3-pip python3-venv python3-dev poppler-utils ${BM_SETUP_EXTRA:-}"
missing=""
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing$missing"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
