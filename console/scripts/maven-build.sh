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

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[console] node (20 or newer) and npm are required to build the staff console (console/)." >&2
  echo "[console] Install them (Debian: apt-get install nodejs npm) and build again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "[console] Node.js 20 or newer is required to build the console; found $(node --version)." >&2
  exit 1
fi

lock_hash=$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  # As in miniprogram-stub/scripts/maven-test.sh: `install --no-save` installs the locked versions
  # (npm 11 leaves other platforms' optional binaries out of the lock, which `npm ci` then refuses).
  echo "[console] npm install (locked versions)"
  npm install --no-save --no-audit --no-fund --loglevel=error
  printf '%s' "$lock_hash" > node_modules/.lock-hash
fi

# Everything the bundle is made of; the schema is not (documents are checked by the unit tests).
source_hash=$(node scripts/source-hash.cjs)
if [ -f "$out/index.html" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$source_hash" ]; then
  echo "[console] up to date in $out"
  exit 0
fi
echo "[console] vite build → $out"
npx --no-install vite build --logLevel warn --outDir "$out" --emptyOutDir
printf '%s' "$source_hash" > "$stamp"
