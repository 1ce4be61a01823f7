#!/bin/sh
# Run by `./mvnw verify` (backend/pom.xml, integration-test phase) with GRAPHQL_URL pointing at the
# backend the build started in the `local` profile. Uses the machine's node and npm; never downloads
# Node itself. Installs the locked packages when package-lock.json changed, then runs the unit tests
# (schema validation, client, pages) and the end-to-end journey.
set -eu
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[miniprogram-stub] node and npm are required to test the mini-program client (Node.js 18 or newer)." >&2
  echo "[miniprogram-stub] Install them (Debian: apt-get install nodejs npm) and run ./mvnw verify again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "[miniprogram-stub] Node.js 18 or newer is required; found $(node --version)." >&2
  exit 1
fi

lock_hash=$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  # Not `npm ci`: npm 11 leaves other platforms' optional binaries (e.g. @unrs/resolver-binding-*)
  # out of the lock file and `npm ci` then refuses it as out of sync. `install --no-save` installs the
  # locked versions and writes neither package.json nor package-lock.json.
  echo "[miniprogram-stub] npm install (locked versions)"
  npm install --no-save --no-audit --no-fund --loglevel=error
  printf '%s' "$lock_hash" > node_modules/.lock-hash
fi

if [ -z "${GRAPHQL_URL:-}" ]; then
  echo "[miniprogram-stub] GRAPHQL_URL is not set: the journey needs a running backend." >&2
  exit 1
fi
echo "[miniprogram-stub] unit tests and journey against ${GRAPHQL_URL}"
exec npx --no-install jest --runInBand --ci
