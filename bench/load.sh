#!/usr/bin/env bash
# Throughput and latency of the main public pages under the production settings.
# Needs wrk (apt-get install wrk). Server and load generator share this machine's cores,
# so compare the pages with each other within one run, not absolute figures across machines.
# Usage: bench/load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PAGE=${1:-10}
CONNECTIONS=${2:-8}
PORT=8021
DATA=${BENCH_DATA:-/tmp/northwind-bench}
BENCH_DATA=$DATA bench/serve_production.sh "$PORT" 2 >/dev/null
trap 'kill "$(cat "$DATA/gunicorn.pid")"' EXIT
article=$(curl -fs "http://127.0.0.1:$PORT/articles/" | grep -o 'href="/articles/[a-z0-9-]*/"' | grep -v '/articles/author\|/category/\|/tag/' | head -n1 | cut -d'"' -f2)
printf '%-50s %10s %10s %10s\n' page req/s p50 p99
for path in / /articles/ "$article" /articles/category/search/ /search/?q=seo; do
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PAGE}s" --latency "http://127.0.0.1:$PORT$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  printf '%-50s %10s %10s %10s\n' "$path" "$rps" "$p50" "$p99"
done
