#!/usr/bin/env bash
# Exports: JSON Lines fields, CSV in ACLED's columns, GeoJSON; filters; why; corrections.
. "$(dirname "$0")/common.inc"
T="$TRUCE_BIN"
DB="$TMP/e.db"
SRC="$TRUCE_SOURCE/examples"
"$T" ingest --db "$DB" --manifest "$SRC/manifest.jsonl" "$SRC/reports" 2>/dev/null
"$T" export --db "$DB" --format jsonl > "$TMP/ev.jsonl" 2>/dev/null
n=$(wc -l < "$TMP/ev.jsonl")
check "[ $n -ge 3 ]" "the example reports yield events, got $n"
check "python3 - '$TMP/ev.jsonl' <<'PY'
import json, sys
need = ['doc','type','date','place','actors','figures','claimant','certainty','evidence']
for line in open(sys.argv[1]):
    e = json.loads(line)
    missing = [k for k in need if k not in e]
    assert not missing, missing
    ev = e['evidence']
    assert ev['text'] and ev['end'] > ev['start'], ev
    raw = open(e['doc'], 'rb').read()
    # evidence offsets point into the original bytes
    assert raw[ev['start']:ev['end']].decode('utf-8') == ev['text'], (raw[ev['start']:ev['end']], ev['text'])
    if e['date']:
        assert set(e['date']) >= {'start','end','precision'}
PY" "JSON Lines export has the fixed fields and evidence offsets point into the original file"
"$T" export --db "$DB" --format csv > "$TMP/ev.csv" 2>/dev/null
check "head -1 '$TMP/ev.csv' | grep -q '^event_id_cnty,event_date,time_precision,event_type,sub_event_type'" "CSV header uses ACLED column names"
check "python3 -c 'import csv,sys; rows=list(csv.DictReader(open(sys.argv[1]))); assert len(rows)==$n; assert all(r[\"event_type\"] for r in rows), rows' '$TMP/ev.csv'" "CSV has one row per event with an ACLED event type"
"$T" export --db "$DB" --format geojson > "$TMP/ev.geojson" 2>/dev/null
check "python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); assert g[\"type\"]==\"FeatureCollection\" and len(g[\"features\"])==$n' '$TMP/ev.geojson'" "GeoJSON FeatureCollection with every event"
"$T" export --db "$DB" --format xml >/dev/null 2>&1
check "[ $? -eq 2 ]" "unknown format is a usage error"
# filters
all=$("$T" events --db "$DB" --json 2>/dev/null | wc -l)
some=$("$T" events --db "$DB" --json --type humanitarian. 2>/dev/null | wc -l)
check "[ $some -ge 1 ] && [ $some -lt $all ]" "type prefix filter narrows ($some of $all)"
none=$("$T" events --db "$DB" --json --from 2030-01-01 2>/dev/null | wc -l)
check "[ $none -eq 0 ]" "date filter excludes everything after 2030"
# why and corrections
id=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["id"])' "$TMP/ev.jsonl")
"$T" why --db "$DB" "$id" > "$TMP/why.txt" 2>/dev/null
check "grep -q 'rule' '$TMP/why.txt' && grep -q '^sentence' '$TMP/why.txt'" "why prints the sentence and rules"
"$T" why --db "$DB" 999999 >/dev/null 2>&1
check "[ $? -eq 4 ]" "why of an unknown event exits 4"
"$T" correct --db "$DB" --analyst tester "$id" certainty denied 2>/dev/null
check "\"$T\" export --db \"$DB\" 2>/dev/null | grep '\"id\":$id,' | grep -q '\"certainty\":\"denied\".*\"corrected\":true'" "a correction is applied on export"
"$T" correct --db "$DB" "$id" colour blue 2>/dev/null
check "[ $? -eq 2 ]" "correcting an unknown field is a usage error"
for bad in "type conflict.bogus" "date 2020-13-01" "date 2020-02-30" "date 2020-11-20/2020-11-10" "certainty maybe" "deleted yes"; do
  "$T" correct --db "$DB" "$id" $bad 2>/dev/null
  check "[ $? -eq 2 ]" "correct $bad is refused as a usage error"
done
check "\"$T\" export --db \"$DB\" 2>/dev/null | grep '\"id\":$id,' | grep -q '\"certainty\":\"denied\"'" "refused corrections leave the event as it was"
"$T" correct --db "$DB" "$id" place Tbilisi 2>/dev/null
check "\"$T\" export --db \"$DB\" 2>/dev/null | grep '\"id\":$id,' | python3 -c 'import json,sys; p=json.loads(sys.stdin.read())[\"place\"]; assert p[\"name\"]==\"Tbilisi\" and abs(p[\"lat\"]-41.7)<0.2 and abs(p[\"lon\"]-44.8)<0.2 and p[\"country\"]==\"GE\", p'" "a corrected place is resolved in the gazetteer and keeps coordinates"
check "\"$T\" why --db \"$DB\" $id 2>/dev/null | grep -q 'analyst correction'" "why names the analyst's correction as the rule"
finish
