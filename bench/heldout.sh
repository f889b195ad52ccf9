#!/usr/bin/env bash
# bench/heldout.sh: truce on the held-out set (tests/heldout/, reports of our
# own writing that no rule was written for). Ingests them into a scratch
# store, exports JSON Lines and prints ../shared/tools/score-events' full
# score (loose and strict recall/precision, missed gold ids, furniture leaks),
# then why each required gold event was missed and which events matched none.
#
#   bench/heldout.sh
# env: TRUCE_BIN (default build/truce), TRUCE_SHARED (default ../shared).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${TRUCE_SHARED:-$root/../shared}"
bin="${TRUCE_BIN:-$root/build/truce}"
set="$root/tests/heldout"
score="$shared/tools/score-events"
[ -x "$score" ] || { echo "bench/heldout.sh: $score is absent (../shared beside the repository)" >&2; exit 1; }
[ -x "$bin" ] || { echo "bench/heldout.sh: $bin not built" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$set/check-gold" "$set" || exit 1
"$bin" ingest --db "$tmp/h.db" --manifest "$set/manifest.jsonl" "$set"/reports/* || exit 1
"$bin" export --db "$tmp/h.db" --format jsonl > "$tmp/ev.jsonl" || exit 1
echo "== score-events (held-out set, $(grep -c . "$set/gold-events.jsonl") gold events, $(grep -vc '"optional":true' "$set/gold-events.jsonl") required)"
"$score" "$set/gold-events.jsonl" "$tmp/ev.jsonl" --forbidden "$set/gold-forbidden.txt"
"$set/explain-misses" "$score" "$set/gold-events.jsonl" "$tmp/ev.jsonl"
exit 0
