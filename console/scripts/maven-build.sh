#!/bin/sh
# Run by Maven (backend/pom.xml, generate-resources) with the folder the built console goes to
# (backend/target/classes/static/console), so the jar and `spring-boot:test-run` serve it at
# /console/. Uses the machine's node and npm; never downloads Node. Installs the locked packages only
# when package-lock.json changed, and builds only when the console's sources changed since the last
# build into that folder (a stamp file beside it, outside what is served), so a backend-only build pays a second, not a build.
set -eu
out="$1"
stamp="${2:-$1/../console.source-hash}"
cd "$(dirname "$0")/.."

../.ci/npm-install-locked console 20

# Everything the bundle is made of; the schema is not (documents are checked by the unit tests).
source_hash=$(node scripts/source-hash.cjs)
if [ -f "$out/index.html" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$source_hash" ]; then
  echo "[console] up to date in $out"
  exit 0
fi
echo "[console] vite build → $out"
npx --no-install vite build --logLevel warn --outDir "$out" --emptyOutDir
printf '%s' "$source_hash" > "$stamp"
