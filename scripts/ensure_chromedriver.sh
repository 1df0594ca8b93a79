#!/usr/bin/env bash
# Install Debian's Chromium and its matching chromedriver for the emulator console's
# browser tests (tests/docs/test_console_browser.py, driven by Selenium).
#
# Why Debian's chromium-driver: it is built from the same source package as /usr/bin/chromium,
# so the driver and the browser always match, and nothing is downloaded from Google's hosts
# (Selenium Manager is bypassed by giving the driver's path). Chromium itself (and a CJK font:
# the console shows Chinese) comes from scripts/ensure_chromium.sh.
#
# Safe to re-run: does nothing when chromedriver ($WXKEFU_CHROMEDRIVER, default
# /usr/bin/chromedriver) and Chromium are present. Needs root (or sudo) and apt-get.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DRIVER="${WXKEFU_CHROMEDRIVER:-/usr/bin/chromedriver}"

bash "$HERE/ensure_chromium.sh"

if [ -x "$DRIVER" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromedriver: need chromium-driver but apt-get is not available;" \
       "install it by hand (or set WXKEFU_CHROMEDRIVER to a chromedriver binary)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure_chromedriver: installing chromium-driver needs root (or sudo)" >&2
    exit 1
  fi
fi
echo "ensure_chromedriver: installing Debian package chromium-driver ..." >&2
export DEBIAN_FRONTEND=noninteractive
# ensure_chromium.sh updated the lists when it installed something; update when it did not.
$SUDO apt-get install -y -qq chromium-driver >/dev/null 2>&1 || {
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium-driver >/dev/null
}
if [ ! -x "$DRIVER" ]; then
  echo "ensure_chromedriver: apt-get finished but $DRIVER is still missing" >&2
  exit 1
fi
"$DRIVER" --version >&2 2>/dev/null || true
