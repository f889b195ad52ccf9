#!/usr/bin/env bash
# Killing truce mid-ingest leaves a valid store where every committed document is complete.
. "$(dirname "$0")/common.inc"
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 command not installed (apt-get install sqlite3)"; exit 77; }
T="$TRUCE_BIN"
DB="$TMP/k.db"
mkdir -p "$TMP/corpus"
for i in $(seq 1 2000); do
  printf 'Report %d\n\nOn Monday, %d displaced families returned to the village of Corvale, officials said. Engineers cleared %d mines from the road. Observers from the mission visited the area on Tuesday.\n' "$i" "$i" "$((i * 3))" > "$TMP/corpus/r$i.txt"
done
"$T" ingest --db "$DB" "$TMP/corpus" 2>/dev/null &
pid=$!
# wait until some documents are committed, then kill without warning
for _ in $(seq 1 2000); do
  n=$(sqlite3 "$DB" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 20 ] && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.01
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "[ \"\$(sqlite3 '$DB' 'PRAGMA integrity_check')\" = ok ]" "store passes integrity_check after kill -9"
n=$(sqlite3 "$DB" 'SELECT count(*) FROM documents')
check "[ $n -ge 1 ] && [ $n -lt 2000 ]" "the kill came mid-run: $n of 2000 documents committed"
incomplete=$(sqlite3 "$DB" 'SELECT count(*) FROM documents WHERE sentences_packed IS NULL OR length(sentences_packed) = 0 OR n_sentences = 0 OR tokens_packed IS NULL OR length(tokens_packed) = 0 OR mentions_packed IS NULL OR n_mentions = 0')
check "[ $incomplete -eq 0 ]" "every committed document has its sentences, tokens and mentions ($incomplete incomplete)"
miscounted=$(sqlite3 "$DB" 'SELECT count(*) FROM documents d LEFT JOIN (SELECT doc_id, count(*) AS c FROM events GROUP BY doc_id) e ON e.doc_id = d.id WHERE d.n_events != coalesce(e.c, 0)')
check "[ $miscounted -eq 0 ]" "every committed document has all its events ($miscounted miscounted)"
# finishing the run stores the rest, once each
"$T" ingest --db "$DB" "$TMP/corpus" 2>"$TMP/err"
check "[ $? -eq 0 ]" "resumed ingest exits 0"
n=$(sqlite3 "$DB" 'SELECT count(*) FROM documents')
check "[ $n -eq 2000 ]" "all 2000 documents stored once after resuming, got $n"
finish
