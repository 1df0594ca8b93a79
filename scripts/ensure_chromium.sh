#!/usr/bin/env bash
# Install Debian's Chromium when it is missing, for the docs screenshot test.
#
# Why a script: Chromium is not on a fresh machine and browser tools' own
# downloads (puppeteer, `playwright install`) cannot reach their hosts here;
# Debian's package is the one that installs. Safe to re-run: it does nothing
# when /usr/bin/chromium already exists. Needs root (or sudo) and apt-get.
set -euo pipefail

CHROMIUM="${WXKEFU_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromium: $CHROMIUM is missing and apt-get is not available;" \
       "install Chromium by hand or set WXKEFU_CHROMIUM" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure_chromium: installing chromium needs root (or sudo)" >&2
    exit 1
  fi
fi

echo "ensure_chromium: installing Debian package 'chromium' ..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure_chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
"$CHROMIUM" --version >&2 || true
