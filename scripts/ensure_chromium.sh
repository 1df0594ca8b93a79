#!/usr/bin/env bash
# Install Debian's Chromium (and a small CJK font) for the docs screenshot test.
#
# Why a script: Chromium is not on a fresh machine, and browser tools' own downloads
# (puppeteer, `playwright install`) cannot reach their hosts here; Debian's package is
# the one that installs. The spec's summaries contain Chinese (视频号, 微信客服), which
# render as empty boxes without a CJK font, so fonts-wqy-microhei (1.6 MB) comes along
# when no font covers Chinese.
#
# Safe to re-run: does nothing when /usr/bin/chromium (or $WXKEFU_CHROMIUM) exists and a
# Chinese font is installed. Needs root (or sudo) and apt-get.
set -euo pipefail

CHROMIUM="${WXKEFU_CHROMIUM:-/usr/bin/chromium}"

packages=()
if [ ! -x "$CHROMIUM" ]; then
  packages+=(chromium)
fi
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  packages+=(fonts-wqy-microhei)
fi
if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromium: need ${packages[*]} but apt-get is not available;" \
       "install them by hand (or set WXKEFU_CHROMIUM to a Chromium binary)" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure_chromium: installing ${packages[*]} needs root (or sudo)" >&2
    exit 1
  fi
fi

echo "ensure_chromium: installing Debian packages: ${packages[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${packages[@]}" >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure_chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
"$CHROMIUM" --version >&2 2>/dev/null || true
