#!/usr/bin/env bash
# cibuildwheel's before-all (pyproject.toml [tool.cibuildwheel]): installs ICU and
# utf8proc, with headers, where the wheel is built. Not run by this project's CI
# (no containers, macOS or Windows here); scripts/wheel-check.sh covers Linux.
#   Linux   manylinux_2_28 (AlmaLinux 8): libicu-devel (ICU 60) and utf8proc-devel
#           from EPEL; utf8proc from its release tarball if EPEL lacks it
#   macOS   Homebrew icu4c and utf8proc (CMAKE_PREFIX_PATH set in pyproject.toml)
#   Windows vcpkg icu and utf8proc (x64-windows; CMAKE_TOOLCHAIN_FILE in pyproject.toml)
set -euxo pipefail
UTF8PROC_VERSION=2.9.0
case "$(uname -s)" in
  Linux)
    if command -v dnf >/dev/null; then
      dnf install -y libicu-devel
      dnf install -y epel-release && dnf install -y utf8proc-devel || {
        curl -fsSL "https://github.com/JuliaStrings/utf8proc/archive/refs/tags/v${UTF8PROC_VERSION}.tar.gz" | tar -xz -C /tmp
        cmake -S "/tmp/utf8proc-${UTF8PROC_VERSION}" -B /tmp/utf8proc-build -DBUILD_SHARED_LIBS=ON \
          -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local
        cmake --build /tmp/utf8proc-build -j 2 && cmake --install /tmp/utf8proc-build
      }
    elif command -v yum >/dev/null; then
      yum install -y libicu-devel epel-release && yum install -y utf8proc-devel
    else
      echo "cibw-before-all: no dnf or yum (musllinux is skipped in pyproject.toml)" >&2; exit 1
    fi ;;
  Darwin)
    brew install icu4c utf8proc ;;
  MINGW*|MSYS*|CYGWIN*)
    vcpkg install icu utf8proc --triplet x64-windows ;;
  *)
    echo "cibw-before-all: unknown system $(uname -s)" >&2; exit 1 ;;
esac
