#!/usr/bin/env bash
# truce annotate: one JSON mention a line, byte offsets into the input as given
# (CRLF line ends and Windows-1252 bytes included), resolved fields present.
. "$(dirname "$0")/common.inc"
T="$TRUCE_BIN"
printf 'Caf\xe9 owners said on Tuesday that about 7,000 people had returned.\r\nOn 2 March 2021, engineers found 12 mines.\r\n' > "$TMP/in.txt"
"$T" annotate --date 2021-03-05 "$TMP/in.txt" > "$TMP/out.jsonl" 2>"$TMP/err"
check "[ $? -eq 0 ]" "annotate exits 0: $(cat "$TMP/err")"
check "python3 - '$TMP/in.txt' '$TMP/out.jsonl' <<'PY'
import json, sys
raw = open(sys.argv[1], 'rb').read()
ms = [json.loads(l) for l in open(sys.argv[2])]
assert ms, 'no mentions'
kinds = {m['kind'] for m in ms}
assert {'date', 'number'} <= kinds, kinds
for m in ms:
    got = raw[m['start']:m['end']].decode('cp1252')
    assert got == m['text'], (got, m['text'])
d = [m for m in ms if m['kind'] == 'date' and m['text'] == 'Tuesday'][0]
assert d['date']['start'] == '2021-03-02' and d['precision'] == 'day', d
d = [m for m in ms if m['kind'] == 'date' and m['text'] == '2 March 2021'][0]
assert d['date']['start'] == '2021-03-02', d
n = [m for m in ms if m['kind'] == 'number' and m['value'] == 7000][0]
assert n['bound'] == 'approx', n
PY" "mentions point at their bytes in the input, with resolved fields"
"$T" annotate --date 05/03/2021 "$TMP/in.txt" >/dev/null 2>&1
check "[ $? -eq 2 ]" "a malformed --date is a usage error"
finish
