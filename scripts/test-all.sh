#!/usr/bin/env bash
# npm test — the whole suite, as CI runs it: typecheck, lint, unit + integration, build, browser e2e.
# Prints a closing line "N passed, N failed" summed over all suites; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 NO_COLOR=1
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

bash scripts/ensure-chromium.sh || exit 1

status=0
step() {
  echo "==> $*"
  "$@" || { echo "FAILED: $*"; status=1; }
}

step npx --no-install tsc --noEmit -p .
step npx --no-install eslint . --max-warnings=0
# build first: some integration tests start the production server (auth, crash recovery)
if step npx --no-install next build; then built=1; else built=0; fi
step npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
if [ "$built" = 1 ]; then
  step npx --no-install playwright test
else
  echo "Skipping browser tests: the build failed."
fi

node scripts/summarize-tests.mjs || status=1
exit $status
