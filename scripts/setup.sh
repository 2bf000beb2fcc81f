#!/usr/bin/env bash
# One command to set up station_app on a fresh Debian 12 machine, then start it or test it.
#   bash scripts/setup.sh run [station-app arguments…]   install, then start the app
#   bash scripts/setup.sh test [pytest arguments…]       install, then lint and run every test
# As root it installs the Qt runtime libraries with apt-get; as another user it tells what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-run}"
shift || true
case "$mode" in run|test) ;; *) echo "usage: bash scripts/setup.sh run|test [args…]" >&2; exit 2 ;; esac

# Qt's libraries (offscreen and a real X11 window), printing, and for tests a virtual screen and
# PDF-to-PNG (see ../shared/STACK.md). Python 3.11 with venv is Debian 12's own python3.
system_packages=(
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libcups2
  fonts-hanazono  # CJK Extension A and B (䶮, 𠮷 in names) for printed documents: reports/fonts.py
  fonts-babelstone-han  # the five Han characters of Unicode 11 (U+9FEB..9FEF, GB 18030-2022) no other font has
)
# binutils and libpython3.11 (Python's shared library): PyInstaller's bundle test; cups with cups-pdf: a real
# printer queue for the print tests; LibreOffice: the .xlsx/.docx as an office prints them; PDFBox Preflight
# (with a Java runtime and the two libraries Debian's package leaves out): PDF/A-1b; faketime: the suite on
# another day (README).
[ "$mode" = test ] && system_packages+=(xvfb xauth poppler-utils binutils libpython3.11 faketime cups cups-client cups-pdf
  libreoffice-calc-nogui libreoffice-writer-nogui
  libpdfbox2-java default-jre-headless libactivation-java libjaxb-api-java)

# Debian's own interpreter first: the README's platform (Debian 12, Python 3.11.2) is the one tested, even where
# a newer python3.11 (pyenv, /usr/local) comes first on the PATH.
python_bin=""
for candidate in /usr/bin/python3.11 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 \
     && "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
    python_bin="$(command -v "$candidate")"; break
  fi
done
[ -z "$python_bin" ] && system_packages+=(python3 python3-venv)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing system packages (install them as root): ${missing[*]}" >&2
  fi
fi
if [ -z "$python_bin" ]; then
  python_bin=python3
fi

# A virtual environment beside the source; reinstalled only when the pinned lists change.
lock="requirements/app.txt"
[ "$mode" = test ] && lock="requirements/test.txt"
stamp=".venv/.installed-$(cat requirements/*.txt pyproject.toml | sha256sum | cut -c1-16)-$mode"
# A venv made by another interpreter (say pyenv's 3.11.7 before this script preferred Debian's) is made anew.
interpreter="$("$python_bin" -c 'import sys; print(sys.executable, sys.version.split()[0])')"
if [ -x .venv/bin/python ] && [ "$(cat .venv/.interpreter 2>/dev/null)" != "$interpreter" ]; then
  echo "Re-creating .venv for $interpreter"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
  echo "$interpreter" > .venv/.interpreter
fi
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$lock"
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e . 2>/dev/null \
    || .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  rm -f .venv/.installed-*
  touch "$stamp"
fi

if [ "$mode" = run ]; then
  exec .venv/bin/station-app "$@"
fi
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/ruff check station_app tests bench
exec .venv/bin/python -m pytest -n 2 "$@"
