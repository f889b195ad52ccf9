#!/usr/bin/env bash
# Issue 5's bar as a test: truce extract on the ScrapingHub benchmark's 181
# pages scores F1 >= 0.96 with ../shared/tools/score-extraction.
. "$(dirname "$0")/common.inc"
B="$TRUCE_SHARED/bench/article-extraction"
SCORER="$TRUCE_SHARED/tools/score-extraction"
if [ ! -d "$B/html" ] || [ ! -x "$SCORER" ]; then
  echo "SKIP: $B or $SCORER is absent (they live in ../shared beside the repository)"
  exit 77
fi
"$TRUCE_BIN" extract --benchmark "$B" > "$TMP/pred.json" 2>"$TMP/err"
check "[ $? -eq 0 ]" "extract --benchmark exits 0: $(tail -3 "$TMP/err")"
"$SCORER" "$B/ground-truth.json" "$TMP/pred.json" --min-f1 0.96 > "$TMP/score" 2>&1
rc=$?
cat "$TMP/score"
check "[ $rc -eq 0 ]" "F1 >= 0.96 on the 181 pages"
check "grep -q 'missing 0' '$TMP/score'" "every page has a prediction"
finish
