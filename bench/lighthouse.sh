#!/usr/bin/env bash
# Lighthouse (mobile) scores for pages of a running site; run it against production settings:
#
#   python manage.py collectstatic --noinput
#   DJANGO_SETTINGS_MODULE=site_project.settings.production SECRET_KEY=... \
#     SITE_BASE_URL=http://127.0.0.1:8123 gunicorn site_project.wsgi -b 127.0.0.1:8123 &
#   bench/lighthouse.sh http://127.0.0.1:8123 / /articles/some-article/ /search/ /contact/
#
# Needs Lighthouse outside the repo (cd /tmp/lh && npm install lighthouse; LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse)
# and Chromium (CHROME_PATH, default /usr/bin/chromium). Reports go to $OUT (default /tmp/lighthouse).
set -euo pipefail
BASE=${1:?usage: bench/lighthouse.sh BASE_URL PATH...}
shift
LIGHTHOUSE=${LIGHTHOUSE:-lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
OUT=${OUT:-/tmp/lighthouse}
mkdir -p "$OUT"
FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

printf '%-45s %5s %5s %5s %5s\n' page perf a11y bp seo
for path in "$@"; do
  name=$(echo "$path" | tr -c 'a-zA-Z0-9' '_')
  "$LIGHTHOUSE" "$BASE$path" --quiet --chrome-flags="$FLAGS" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$OUT/$name.json" >/dev/null 2>"$OUT/$name.log" || { echo "$path: lighthouse failed, see $OUT/$name.log"; continue; }
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    const s = k => Math.round(c[k].score * 100);
    console.log(process.argv[2].padEnd(45), ...["performance","accessibility","best-practices","seo"].map(k => String(s(k)).padStart(5)));
    for (const [k, cat] of Object.entries(c)) for (const ref of cat.auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("   ", k, a.id, a.score, a.displayValue || "");
    }' "$OUT/$name.json" "$path"
done
