#!/usr/bin/env bash
# Event extraction on reports the rules were not written for: the development
# set in tests/events-dev (our own writing; see its README.md), scored with
# ../shared/tools/score-events in two parts, each ingested into its own store:
# dev01-dev41 (the first six batches), dev42-dev53 (batch 7, written after
# the rules of batch 6) and dev54-dev61 (batch 8, written after batch 7's). The thresholds sit just under what the extractor
# reaches on each part, so a change that loses events fails; raise them as it
# improves. Reader comments in dev08 and the furniture listed in
# gold-forbidden-batch7.txt and -batch8.txt must yield nothing (--forbidden).
. "$(dirname "$0")/common.inc"
DEV="$TRUCE_SOURCE/tests/events-dev"
SCORER="$TRUCE_SHARED/tools/score-events"
if [ ! -x "$SCORER" ]; then
  echo "SKIP: $SCORER is absent (it lives in ../shared beside the repository)"
  exit 77
fi
T="$TRUCE_BIN"

# score_part NAME FIRST LAST MIN_RECALL MIN_PRECISION FORBIDDEN: reports devFIRST..devLAST
score_part() {
  local name=$1 first=$2 last=$3 minr=$4 minp=$5 forbidden=$6 files=()
  mapfile -t files < <("$DEV/part" "$first" "$last" "$TMP/$name.gold")
  check "[ ${#files[@]} -eq $((last - first + 1)) ]" "$name: reports dev$first-dev$last are all present (${#files[@]})"
  "$T" ingest --db "$TMP/$name.db" --manifest "$DEV/manifest.jsonl" "${files[@]}" 2>"$TMP/err"
  check "[ $? -eq 0 ]" "$name: ingest exits 0: $(cat "$TMP/err")"
  "$T" export --db "$TMP/$name.db" --format jsonl > "$TMP/$name.jsonl" 2>/dev/null
  "$SCORER" "$TMP/$name.gold" "$TMP/$name.jsonl" --forbidden "$forbidden" \
    --min-recall "$minr" --min-precision "$minp" > "$TMP/$name.score" 2>&1
  local rc=$?
  echo "== $name"
  cat "$TMP/$name.score"
  check "[ $rc -eq 0 ]" "$name: score-events passes (recall >= $minr, precision >= $minp) with no leaks"
}

printf '%s\n' "shelled our village in 2008" "abducted another man last week" > "$TMP/forbidden"
score_part batches1-6 1 41 "${TRUCE_DEV_MIN_RECALL:-0.95}" "${TRUCE_DEV_MIN_PRECISION:-0.88}" "$TMP/forbidden"
score_part batch7 42 53 "${TRUCE_DEV7_MIN_RECALL:-0.87}" "${TRUCE_DEV7_MIN_PRECISION:-0.82}" "$DEV/gold-forbidden-batch7.txt"
score_part batch8 54 61 "${TRUCE_DEV8_MIN_RECALL:-0.79}" "${TRUCE_DEV8_MIN_PRECISION:-0.74}" "$DEV/gold-forbidden-batch8.txt"
finish
