#!/usr/bin/env bash
# The five founding reports in ../shared/corpus/seeds: stored with their
# manifest, split, and every line of gold-forbidden.txt inside a skipped region.
. "$(dirname "$0")/common.inc"
SEEDS="$TRUCE_SHARED/corpus/seeds"
if [ ! -d "$SEEDS" ]; then
  echo "SKIP: $SEEDS is absent (the seed reports live in ../shared beside the repository)"
  exit 77
fi
T="$TRUCE_BIN"
DB="$TMP/s.db"
"$T" ingest --db "$DB" --manifest "$SEEDS/manifest.jsonl" "$SEEDS"/*.txt 2>"$TMP/err"
check "[ $? -eq 0 ]" "ingest of the seeds exits 0: $(cat "$TMP/err")"
# the glob also takes gold-forbidden.txt, a text file like any other
check "grep -q '6 documents: 6 stored' '$TMP/err'" "the five seeds and the forbidden list stored: $(tail -1 "$TMP/err")"
check "python3 - '$DB' '$SEEDS' <<'PY'
import sqlite3, sys, os
db = sqlite3.connect(sys.argv[1])
seeds = sys.argv[2]
man = {l.split('\"file\":\"')[1].split('\"')[0] for l in open(os.path.join(seeds, 'manifest.jsonl')) if l.strip()}
rows = [r for r in db.execute('select id, path, published, CASE WHEN text_is_raw THEN CAST(raw AS TEXT) ELSE text END from documents').fetchall() if os.path.basename(r[1]) in man]
assert len(rows) == 5, len(rows)
for id_, path, published, text in rows:
    assert os.path.basename(path) in man, path
    assert published, path
    n = db.execute('select n_sentences from documents where id=?', (id_,)).fetchone()[0]
    assert n >= 10, (path, n)
bad = [l.strip() for l in open(os.path.join(seeds, 'gold-forbidden.txt')) if l.strip() and not l.startswith('#')]
for b in bad:
    hits = 0
    for id_, path, published, text in rows:
        raw = text.encode()
        i = raw.find(b.encode())
        while i >= 0:
            hits += 1
            inside = db.execute('select reason from regions where doc_id=? and start<=? and end>=?', (id_, i, i + len(b.encode()))).fetchone()
            assert inside, ('not skipped', b, path)
            i = raw.find(b.encode(), i + 1)
    assert hits or b, b
PY" "seeds stored with manifest metadata and sentences; every forbidden line lies in a skipped region"
finish
