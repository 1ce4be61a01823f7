#!/bin/sh
# Run by ConsoleBrowserTest (./mvnw verify) with BASE_URL pointing at the backend the build started
# in the `local` profile. The packages are already installed by maven-build.sh (generate-resources).
# Runs the unit tests (client, error handling, documents against graphql-schema/) and then the
# browser scripts, which drives Debian's chromium with playwright-core (never a downloaded browser).
set -eu
cd "$(dirname "$0")/.."
if [ ! -d node_modules/playwright-core ]; then
  echo "[console] node_modules is missing: the Maven build installs it (console/scripts/maven-build.sh)" >&2
  exit 1
fi
echo "[console] unit tests"
npx --no-install vitest run
echo "[console] browser against ${BASE_URL:?BASE_URL is required}"
node e2e/review.browser.mjs
node e2e/console.browser.mjs
node e2e/corrections.browser.mjs
node e2e/org.browser.mjs
node e2e/lectures.browser.mjs
node e2e/evaluation.browser.mjs
node e2e/recognition.browser.mjs
node e2e/reports.browser.mjs
node e2e/map.browser.mjs
node e2e/needs-admin.browser.mjs
node e2e/staff-settings.browser.mjs
exec node e2e/activities-store.browser.mjs
