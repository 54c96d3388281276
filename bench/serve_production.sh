#!/usr/bin/env bash
# Serve the demo site with the production settings over plain http on loopback, for
# benchmarks and audits (Lighthouse, wrk). Usage: bench/serve_production.sh [PORT] [WORKERS]
# Leaves the server running in the background and prints its PID; data lives in /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8020}
WORKERS=${2:-2}
DATA=${BENCH_DATA:-/tmp/northwind-bench}
mkdir -p "$DATA"
export DJANGO_SETTINGS_MODULE=site_project.settings.production
export SECRET_KEY=${SECRET_KEY:-$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))")}
export SITE_BASE_URL=http://127.0.0.1:$PORT
export DATABASE_URL=${DATABASE_URL:-sqlite:///$DATA/site.sqlite3}
export STATIC_ROOT=$DATA/static MEDIA_ROOT=$DATA/media PAGE_CACHE_DIR=$DATA/page-cache
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/python manage.py load_demo_content --force >/dev/null
.venv/bin/gunicorn site_project.wsgi --bind 127.0.0.1:"$PORT" --workers "$WORKERS" \
  --access-logfile /dev/null --error-logfile "$DATA/gunicorn.log" --daemon --pid "$DATA/gunicorn.pid"
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
echo "serving http://127.0.0.1:$PORT/ (pid $(cat "$DATA/gunicorn.pid")); stop: kill \$(cat $DATA/gunicorn.pid)"
