#!/usr/bin/env bash
# The CSV's fatalities column: the killed of an event, each figure once; a
# part of a whole told before ("25 of them", "including two children") is not
# added to it. Texts of our own.
. "$(dirname "$0")/common.inc"
T="$TRUCE_BIN"
DB="$TMP/f.db"
mkdir -p "$TMP/docs"
printf '%s\n' "Insurgents shelled Kupiansk on Tuesday, killing four residents and wounding nine." > "$TMP/docs/a.txt"
printf '%s\n' "Forty civilians were killed in Balakliia on Monday. Of them, 25 were killed by shells and 15 died in the cellars." > "$TMP/docs/b.txt"
printf '%s\n' "A car bomb in Hama on Sunday killed 11 people, including two children who were killed near the school." > "$TMP/docs/c.txt"
for f in a b c; do
  printf '{"file":"%s.txt","source":"Example Wire","published":"2022-10-12","lang":"en"}\n' "$f"
done > "$TMP/docs/manifest.jsonl"
"$T" ingest --db "$DB" --manifest "$TMP/docs/manifest.jsonl" "$TMP/docs"/*.txt 2>/dev/null
"$T" export --db "$DB" --format csv > "$TMP/ev.csv" 2>/dev/null
got=$(python3 -c '
import csv, sys
rows = csv.DictReader(open(sys.argv[1]))
print(" ".join(sorted(r["doc"].rsplit("/", 1)[-1][0] + "=" + r["fatalities"] for r in rows)))' "$TMP/ev.csv")
check "[ '$got' = 'a=4 b=40 c=11' ]" "fatalities count the killed once, parts not added (got: $got)"
finish
