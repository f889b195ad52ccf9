#!/usr/bin/env bash
# Issue 4's bar: the seeds' events scored against gold-events.jsonl with
# ../shared/tools/score-events, strict recall and precision >= 0.85, no leaks.
. "$(dirname "$0")/common.inc"
SEEDS="$TRUCE_SHARED/corpus/seeds"
SCORER="$TRUCE_SHARED/tools/score-events"
if [ ! -d "$SEEDS" ] || [ ! -x "$SCORER" ]; then
  echo "SKIP: $SEEDS or $SCORER is absent (they live in ../shared beside the repository)"
  exit 77
fi
T="$TRUCE_BIN"
DB="$TMP/s.db"
"$T" ingest --db "$DB" --manifest "$SEEDS/manifest.jsonl" "$SEEDS"/*.txt 2>/dev/null
"$T" export --db "$DB" --format jsonl > "$TMP/ev.jsonl" 2>/dev/null
"$SCORER" "$SEEDS/gold-events.jsonl" "$TMP/ev.jsonl" --forbidden "$SEEDS/gold-forbidden.txt" \
  --min-recall 0.85 --min-precision 0.85 > "$TMP/score" 2>&1
rc=$?
cat "$TMP/score"
check "[ $rc -eq 0 ]" "score-events passes at 0.85/0.85 with no leaks"
finish
