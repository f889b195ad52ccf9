#!/usr/bin/env bash
# bench/extraction.sh: article-body extraction quality and speed on the
# ScrapingHub article-extraction benchmark, for truce and for Mozilla
# Readability (installed with npm into bench/readability/node_modules, which
# is not committed). Prints F1, precision, recall and pages/s for each.
#
#   bench/extraction.sh [BENCH_DIR]
# env: TRUCE_BIN (default build/truce), TRUCE_SHARED (default ../shared),
#      SKIP_READABILITY=1 to measure truce only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${TRUCE_SHARED:-$root/../shared}"
dir="${1:-$shared/bench/article-extraction}"
bin="${TRUCE_BIN:-$root/build/truce}"
score="$shared/tools/score-extraction"
gt="$dir/ground-truth.json"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

pages=$(ls "$dir"/html/*.html.gz | wc -l)

t0=$(date +%s.%N)
"$bin" extract --benchmark "$dir" > "$tmp/truce.json" 2> "$tmp/truce.err" || true
t1=$(date +%s.%N)
echo "== truce extract"
"$score" "$gt" "$tmp/truce.json"
awk -v n="$pages" -v a="$t0" -v b="$t1" 'BEGIN { printf "%d pages in %.2f s, %.1f pages/s\n", n, b - a, n / (b - a) }'
echo "refused pages: $(grep -c . "$tmp/truce.err" || true)"

if [ "${SKIP_READABILITY:-0}" = 1 ]; then
  exit 0
fi
if ! command -v node >/dev/null; then
  echo "node not found: skipping Readability" >&2
  exit 0
fi
if [ ! -d "$here/readability/node_modules/@mozilla/readability" ]; then
  (cd "$here/readability" && npm install --no-audit --no-fund --silent) >&2
fi
echo "== Mozilla Readability (jsdom)"
node "$here/readability/run.js" "$dir" > "$tmp/readability.json"
"$score" "$gt" "$tmp/readability.json"
