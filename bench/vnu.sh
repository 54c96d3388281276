#!/usr/bin/env bash
# W3C Nu HTML Checker errors for pages of a running site.
#   bench/vnu.sh http://127.0.0.1:8123 / /articles/some-article/ /search/
# Needs Java 17 and vnu.jar (cd /tmp/vnu && npm install vnu-jar; VNU_JAR=/tmp/vnu/node_modules/vnu-jar/build/dist/vnu.jar).
# vnu refuses loopback URLs, so each page is saved to a file first.
set -euo pipefail
BASE=${1:?usage: bench/vnu.sh BASE_URL PATH...}
shift
VNU_JAR=${VNU_JAR:?set VNU_JAR to the path of vnu.jar}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
status=0
for path in "$@"; do
  file="$TMP/page.html"
  curl -sS "$BASE$path" -o "$file" || { echo "fetch failed  $path"; status=1; continue; }
  result=$(java -jar "$VNU_JAR" --format json --errors-only "$file" 2>&1 || true)
  count=$(echo "$result" | python3 -c 'import json,sys; print(len([m for m in json.load(sys.stdin)["messages"] if m["type"] != "info"]))')
  echo "$count errors  $path"
  if [ "$count" != "0" ]; then
    echo "$result" | python3 -c 'import json,sys; [print("   ", m.get("lastLine"), m["message"]) for m in json.load(sys.stdin)["messages"]]'
    status=1
  fi
done
exit $status
