#!/bin/sh
# Run by `./mvnw verify` (backend/pom.xml, integration-test phase) with GRAPHQL_URL pointing at the
# backend the build started in the `local` profile. Uses the machine's node and npm; never downloads
# Node itself. Installs the locked packages when package-lock.json changed, then runs the unit tests
# (schema validation, client, pages), the end-to-end journey and the care-mode drawings in Debian's
# chromium (test/render; .ci/test-tools installs it).
set -eu
cd "$(dirname "$0")/.."

../.ci/npm-install-locked miniprogram-stub 18

if [ -z "${GRAPHQL_URL:-}" ]; then
  echo "[miniprogram-stub] GRAPHQL_URL is not set: the journey needs a running backend." >&2
  exit 1
fi
echo "[miniprogram-stub] unit tests and journey against ${GRAPHQL_URL}"
exec npx --no-install jest --runInBand --ci
