#!/usr/bin/env bash
# bench/devbatch.sh: truce on one range of the development set
# (tests/events-dev/devFIRST..devLAST), scored with ../shared/tools/score-events,
# then why each required gold event was missed and which exported events
# matched none (tests/heldout/explain-misses, the scorer's own criteria).
#
#   bench/devbatch.sh [FIRST=42] [LAST=53]
# env: TRUCE_BIN (default build/truce), TRUCE_SHARED (default ../shared).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${TRUCE_SHARED:-$root/../shared}"
bin="${TRUCE_BIN:-$root/build/truce}"
first=${1:-42}
last=${2:-53}
dev="$root/tests/events-dev"
score="$shared/tools/score-events"
[ -x "$score" ] || { echo "bench/devbatch.sh: $score is absent (../shared beside the repository)" >&2; exit 1; }
[ -x "$bin" ] || { echo "bench/devbatch.sh: $bin not built" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <("$dev/part" "$first" "$last" "$tmp/gold.jsonl")
"$bin" ingest --db "$tmp/d.db" --manifest "$dev/manifest.jsonl" "${files[@]}" || exit 1
"$bin" export --db "$tmp/d.db" --format jsonl > "$tmp/ev.jsonl" || exit 1
cat "$dev"/gold-forbidden-batch*.txt > "$tmp/forbidden"
forbidden="$tmp/forbidden"
echo "== score-events (dev$first-dev$last: ${#files[@]} reports, $(grep -c . "$tmp/gold.jsonl") gold events, $(grep -vc '"optional":true' "$tmp/gold.jsonl") required)"
"$score" "$tmp/gold.jsonl" "$tmp/ev.jsonl" --forbidden "$forbidden"
"$root/tests/heldout/explain-misses" "$score" "$tmp/gold.jsonl" "$tmp/ev.jsonl"
exit 0
