#!/usr/bin/env bash
# Event extraction on reports the rules were not written for: the development
# set in tests/events-dev (our own writing; see its README.md), scored with
# ../shared/tools/score-events. The thresholds sit just under what the
# extractor reaches, so a change that loses events here fails; raise them as
# it improves. Reader comments in dev08 must yield nothing (--forbidden).
. "$(dirname "$0")/common.inc"
DEV="$TRUCE_SOURCE/tests/events-dev"
SCORER="$TRUCE_SHARED/tools/score-events"
if [ ! -x "$SCORER" ]; then
  echo "SKIP: $SCORER is absent (it lives in ../shared beside the repository)"
  exit 77
fi
T="$TRUCE_BIN"
DB="$TMP/d.db"
printf '%s\n' "shelled our village in 2008" "abducted another man last week" > "$TMP/forbidden"
"$T" ingest --db "$DB" --manifest "$DEV/manifest.jsonl" "$DEV"/*.txt 2>"$TMP/err"
check "[ $? -eq 0 ]" "ingest of the development set exits 0: $(cat "$TMP/err")"
"$T" export --db "$DB" --format jsonl > "$TMP/ev.jsonl" 2>/dev/null
"$SCORER" "$DEV/gold-events.jsonl" "$TMP/ev.jsonl" --forbidden "$TMP/forbidden" \
  --min-recall "${TRUCE_DEV_MIN_RECALL:-0.95}" --min-precision "${TRUCE_DEV_MIN_PRECISION:-0.88}" \
  > "$TMP/score" 2>&1
rc=$?
cat "$TMP/score"
check "[ $rc -eq 0 ]" "score-events passes on the development set with no leaks"
finish
