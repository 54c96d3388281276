#!/usr/bin/env bash
# The concurrent-submission check (bench/load_submissions.py) on SQLite, then on PostgreSQL.
# Usage: bench/load_submissions.sh [--leads N] [--comments N] [--clients N]
# LOAD_POSTGRES_URL names the scratch PostgreSQL database: it is dropped and created afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python bench/load_submissions.py "$@"
.venv/bin/python bench/load_submissions.py \
  --postgres "${LOAD_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/load_submissions}" "$@"
