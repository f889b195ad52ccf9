#!/usr/bin/env bash
# truce annotate: one JSON mention a line, byte offsets into the input as given
# (CRLF line ends and Windows-1252 bytes included), resolved fields present,
# and a first "document" line naming the reference date and its basis.
. "$(dirname "$0")/common.inc"
T="$TRUCE_BIN"
printf 'Caf\xe9 owners said on Tuesday that about 7,000 people had returned.\r\nOn 2 March 2021, engineers found 12 mines. The road has been shut since February 20th.\r\n' > "$TMP/in.txt"
"$T" annotate --date 2021-03-05 "$TMP/in.txt" > "$TMP/out.jsonl" 2>"$TMP/err"
check "[ $? -eq 0 ]" "annotate exits 0: $(cat "$TMP/err")"
check "python3 - '$TMP/in.txt' '$TMP/out.jsonl' <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
ms = [json.loads(l) for l in open(sys.argv[2])]
assert ms, 'no mentions'
assert ms[0]['kind'] == 'document' and ms[0]['date'] == '2021-03-05', ms[0]
assert ms[0]['basis'] == 'metadata', ms[0]
ms = ms[1:]
kinds = {m['kind'] for m in ms}
assert {'date', 'number'} <= kinds, kinds
for m in ms:
    got = raw[m['start']:m['end']].decode('cp1252')
    assert got == m['text'], (got, m['text'])
d = [m for m in ms if m['kind'] == 'date' and m['text'] == 'Tuesday'][0]
assert d['date']['start'] == '2021-03-02' and d['precision'] == 'day', d
assert 'weekday before reference 2021-03-05' in d['basis'], d
assert d['future'] is False and d['duration'] is False, d
d = [m for m in ms if m['kind'] == 'date' and m['text'] == '2 March 2021'][0]
assert d['date']['start'] == '2021-03-02', d
d = [m for m in ms if m['kind'] == 'date' and m['text'] == 'February 20th'][0]
assert d['open_end'] is True and d['date']['end'] == '2021-03-05', d
n = [m for m in ms if m['kind'] == 'number' and m['value'] == 7000][0]
assert n['bound'] == 'approx' and n['what'] == 'person', n
n = [m for m in ms if m['kind'] == 'number' and m['value'] == 12][0]
assert n['bound'] == 'exact' and n['what'] == 'mine', n
PY" "mentions point at their bytes in the input, with resolved fields"

# No --date: the reference comes from the dateline and copyright line, and
# the document line says so.
printf 'TBILISI, Oct 14 (Wire) - Two bridges reopened yesterday.\n\nCopyright 2019 Wire\n' > "$TMP/dl.txt"
"$T" annotate "$TMP/dl.txt" > "$TMP/dl.jsonl" 2>"$TMP/err"
check "[ $? -eq 0 ]" "annotate without --date exits 0: $(cat "$TMP/err")"
check "python3 - '$TMP/dl.jsonl' <<'PY'
import json, sys
ms = [json.loads(l) for l in open(sys.argv[1])]
assert ms[0]['kind'] == 'document' and ms[0]['date'] == '2019-10-14', ms[0]
assert 'dateline' in ms[0]['basis'] and 'copyright' in ms[0]['basis'], ms[0]
d = [m for m in ms if m['kind'] == 'date' and m['text'] == 'yesterday'][0]
assert d['date']['start'] == '2019-10-13', d
PY" "a document without a date gets one from its text, with the basis shown"

printf 'Two bridges reopened yesterday.\n' > "$TMP/nd.txt"
"$T" annotate "$TMP/nd.txt" > "$TMP/nd.jsonl" 2>"$TMP/err"
check "python3 - '$TMP/nd.jsonl' <<'PY'
import json, sys
ms = [json.loads(l) for l in open(sys.argv[1])]
assert ms[0]['kind'] == 'document' and ms[0]['date'] is None, ms[0]
d = [m for m in ms if m['kind'] == 'date' and m['text'] == 'yesterday'][0]
assert d['date']['start'] is None and d['precision'] == 'unknown', d
assert 'no' in d['basis'] and 'reference' in d['basis'], d
PY" "no date anywhere: the document line says so and 'yesterday' is kept unresolved, saying why"

# every kind names its evidence "basis" (actors too), places give their
# GeoNames feature class as show --mentions does
printf 'The Armenian defence ministry said shells fell on Stepanakert.\n' > "$TMP/pa.txt"
"$T" annotate --date 2020-10-04 "$TMP/pa.txt" > "$TMP/pa.jsonl" 2>/dev/null
check "python3 - '$TMP/pa.jsonl' <<'PY'
import json, os, sys
ms = [json.loads(l) for l in open(sys.argv[1])][1:]
assert all('basis' in m and 'rule' not in m for m in ms), ms
assert all('feature_class' in m for m in ms if m['kind'] == 'place'), ms
if os.environ.get('TRUCE_REQUIRE_GAZETTEER') == '1':
    assert [m for m in ms if m['kind'] == 'place' and m['feature_class']], ms
PY" "annotate: basis on every mention (actors too), feature_class on places"

"$T" annotate --date 05/03/2021 "$TMP/in.txt" >/dev/null 2>&1
check "[ $? -eq 2 ]" "a malformed --date is a usage error"
finish
