#!/usr/bin/env bash
# Dates at the command line: impossible dates in options are usage errors
# (exit 2, naming the option); a stored date mention keeps its time of day;
# a document dated only by its copyright year says so in `docs --json`;
# annotate names the evidence of every kind "basis" and gives places their
# feature class.
. "$(dirname "$0")/common.inc"
T="$TRUCE_BIN"
DB="$TMP/d.db"
printf 'Shelling was reported before dawn.\n' > "$TMP/a.txt"

for bad in 2021-13-02 2021-02-29 2020-04-31 2021-1-5 tomorrow; do
  "$T" events --db "$DB" --from "$bad" >/dev/null 2>"$TMP/err"; rc=$?
  check "[ $rc -eq 2 ] && grep -q -- '--from' '$TMP/err'" "events --from $bad exits 2 naming the option (got $rc: $(cat "$TMP/err"))"
done
"$T" events --db "$DB" --to 2022-06-31 >/dev/null 2>"$TMP/err"
check "[ $? -eq 2 ] && grep -q -- '--to' '$TMP/err'" "events --to 2022-06-31 is a usage error"
"$T" export --db "$DB" --from=2019-00-10 >/dev/null 2>"$TMP/err"
check "[ $? -eq 2 ]" "export --from=2019-00-10 is a usage error"
"$T" annotate --date 2022-02-29 "$TMP/a.txt" >/dev/null 2>"$TMP/err"
check "[ $? -eq 2 ] && grep -q -- '--date' '$TMP/err'" "annotate --date 2022-02-29 is a usage error"
"$T" annotate --date 2024-02-29 "$TMP/a.txt" >/dev/null 2>"$TMP/err"
check "[ $? -eq 0 ]" "annotate --date 2024-02-29 (a leap day) is accepted: $(cat "$TMP/err")"
"$T" correct --db "$DB" 1 date 2021-04-31 >/dev/null 2>"$TMP/err"
check "[ $? -eq 2 ]" "correct with an impossible date is a usage error"

# a manifest's published date is an ingest override: it must exist too
mkdir -p "$TMP/bad"
printf 'Quiet day.\n' > "$TMP/bad/q.txt"
printf '{"file":"q.txt","published":"2021-02-30"}\n' > "$TMP/bad/m.jsonl"
"$T" ingest --db "$TMP/bad.db" --manifest "$TMP/bad/m.jsonl" "$TMP/bad/q.txt" >/dev/null 2>"$TMP/err"; rc=$?
check "[ $rc -eq 2 ] && grep -q '2021-02-30' '$TMP/err'" "a manifest date 2021-02-30 is refused, naming it (got $rc: $(cat "$TMP/err"))"

# the time of day written with a day is stored and shown
mkdir -p "$TMP/in"
printf 'Gunners fired on the depot at 6 a.m. on Tuesday, the garrison said. Patrols resumed on Thursday evening.\n' > "$TMP/in/timed.txt"
printf '{"file":"timed.txt","published":"2022-10-07","source":"Ridge Post"}\n' > "$TMP/in/m.jsonl"
"$T" ingest --db "$DB" --manifest "$TMP/in/m.jsonl" "$TMP/in/timed.txt" >/dev/null 2>"$TMP/err"
check "[ $? -eq 0 ]" "ingest with a manifest exits 0: $(cat "$TMP/err")"
"$T" show --db "$DB" --mentions timed.txt > "$TMP/show" 2>/dev/null
check "grep -q '\"start\":\"2022-10-04\".*\"time\":\"06:00\"' '$TMP/show'" "show --mentions gives Tuesday its clock time: $(grep '^date' "$TMP/show")"
check "grep -q '\"start\":\"2022-10-06\".*\"time\":\"EV\"' '$TMP/show'" "show --mentions gives Thursday evening its part of the day"

# a document dated only by its copyright line: basis and precision in docs --json
printf 'Raiders burned a granary on Saturday.\n\nCopyright 2016 Valley Courier\n' > "$TMP/in/cy.txt"
"$T" ingest --db "$DB" "$TMP/in/cy.txt" >/dev/null 2>&1
"$T" docs --db "$DB" --json > "$TMP/docs" 2>/dev/null
check "python3 - '$TMP/docs' <<'PY'
import json, sys
ds = [json.loads(l) for l in open(sys.argv[1])]
d = [x for x in ds if x['path'].endswith('cy.txt')][0]
assert d['published'] == '2016-01-01', d
assert d['published_precision'] == 'year' and 'copyright' in d['published_basis'], d
m = [x for x in ds if x['path'].endswith('timed.txt')][0]
assert m['published_precision'] == 'day' and m['published_basis'] == 'metadata', m
PY" "docs --json gives the published date's basis and precision"
"$T" show --db "$DB" --mentions cy.txt > "$TMP/show2" 2>/dev/null
check "grep -q 'Saturday.*\"start\":\"2016-01-01\",\"end\":\"2016-12-31\",\"precision\":\"year\"' '$TMP/show2'" "a weekday against a year-only date stays at year precision: $(grep '^date' "$TMP/show2")"

# annotate: every kind's evidence is "basis"; places carry feature_class
printf 'Officials in Tbilisi said the Georgian army withdrew on Monday.\n' > "$TMP/p.txt"
"$T" annotate --date 2022-03-09 "$TMP/p.txt" > "$TMP/p.jsonl" 2>/dev/null
check "python3 - '$TMP/p.jsonl' <<'PY'
import json, sys
ms = [json.loads(l) for l in open(sys.argv[1])][1:]
assert ms, 'no mentions'
for m in ms:
    assert 'basis' in m and 'rule' not in m, m
for m in ms:
    if m['kind'] == 'place':
        assert 'feature_class' in m, m
import os
if os.environ.get('TRUCE_REQUIRE_GAZETTEER') == '1' or [m for m in ms if m['kind'] == 'place']:
    assert [m for m in ms if m['kind'] == 'place' and m['feature_class']], ms
else:
    print('dates.sh: no gazetteer built: feature_class not checked', file=sys.stderr)
PY" "annotate: basis on every mention, feature_class on places"
# a document dated only by its copyright line: events carry the year, not a made-up day
printf 'Rebels shelled the village of Tsveri, the ministry said.\n\nCopyright 2019 Example News\n' > "$TMP/yearonly.txt"
"$T" ingest --db "$TMP/yearonly.db" "$TMP/yearonly.txt" 2>/dev/null
check "\"$T\" export --db \"$TMP/yearonly.db\" 2>/dev/null | python3 -c 'import json,sys; es=[json.loads(l) for l in sys.stdin]; assert es and all(e[\"date\"] is None or (e[\"date\"][\"precision\"]==\"year\" and e[\"date\"][\"start\"]==\"2019-01-01\") for e in es), es'" "copyright-dated document: no event is given a made-up day"
finish
