#!/usr/bin/env bash
# Browser tests use Debian's Chromium (Playwright's own download is not reachable here).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
echo "Chromium not found at $CHROMIUM: installing Debian's chromium and fonts-liberation…"
if [ "$(id -u)" = "0" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium fonts-liberation >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null
else
  echo "Cannot install Chromium without root. Run: sudo apt-get install -y chromium fonts-liberation" >&2
  exit 1
fi
[ -x "$CHROMIUM" ] || { echo "Chromium still missing at $CHROMIUM" >&2; exit 1; }
