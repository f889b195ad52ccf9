#!/usr/bin/env bash
# truce ingest: idempotence, refusals with reasons, nothing stored is changed by bad input.
. "$(dirname "$0")/common.inc"
T="$TRUCE_BIN"
DB="$TMP/t.db"
SRC="$TRUCE_SOURCE/examples"

"$T" ingest --db "$DB" --manifest "$SRC/manifest.jsonl" "$SRC/reports" 2>"$TMP/err1"
check "[ $? -eq 0 ]" "ingest of the examples exits 0 ($(cat "$TMP/err1"))"
n=$("$T" docs --db "$DB" --json 2>/dev/null | wc -l)
check "[ $n -eq 3 ]" "three documents stored, got $n"
check "grep -q '\"source\":\"Example Wire\"' <("$T" docs --db "$DB" --json)" "manifest source recorded"
check "grep -q '\"published\":\"2021-03-03\"' <("$T" docs --db "$DB" --json)" "manifest date recorded"

# idempotent: the same bytes again, even under another name, are stored once
cp "$SRC/reports/border-shelling.txt" "$TMP/copy-of-border.txt"
"$T" ingest --db "$DB" "$SRC/reports" "$TMP/copy-of-border.txt" 2>"$TMP/err2"
check "[ $? -eq 0 ]" "re-ingest exits 0"
check "[ $(grep -c 'not stored again' "$TMP/err2") -eq 4 ]" "each duplicate is reported: $(cat "$TMP/err2")"
n=$("$T" docs --db "$DB" --json 2>/dev/null | wc -l)
check "[ $n -eq 3 ]" "still three documents after re-ingest, got $n"

before=$("$T" export --db "$DB" --format jsonl 2>/dev/null | sha256sum)
docs_before=$("$T" docs --db "$DB" --json 2>/dev/null | sha256sum)

# bad inputs: each named with its reason; the good one still goes in
mkdir -p "$TMP/bad"
: > "$TMP/bad/empty.txt"
printf '\x7fELF\x00\x00\x01\x02binary\x00' > "$TMP/bad/program.txt"
ln -s "$TMP/bad/nowhere" "$TMP/bad/dangling.txt"
head -c 5000 /dev/zero | tr '\0' 'a' > "$TMP/bad/large.txt"
printf 'Troops crossed the river on Monday, officials said.\n' > "$TMP/bad/good.txt"
printf 'The caf\xe9 near the front reopened on Tuesday.\n' > "$TMP/bad/latin1.txt"
"$T" ingest --db "$DB" --max-bytes 4000 "$TMP/bad" 2>"$TMP/err3"
rc=$?
check "[ $rc -eq 1 ]" "ingest with refused files exits 1, got $rc"
check "grep -q 'empty.txt.*empty' '$TMP/err3'" "empty file reported: $(cat "$TMP/err3")"
check "grep -q 'program.txt.*binary' '$TMP/err3'" "binary file reported"
check "grep -q 'dangling.txt.*cannot read' '$TMP/err3'" "unreadable file reported"
check "grep -q 'large.txt.*over the limit' '$TMP/err3'" "over-size file reported"
check "grep -q 'latin1.txt.*Windows-1252' '$TMP/err3'" "Latin-1 file decoded with a warning"
check "grep -q '6 documents: 2 stored, 0 already stored, 4 failed' '$TMP/err3'" "summary counts: $(tail -1 "$TMP/err3")"
n=$("$T" docs --db "$DB" --json 2>/dev/null | wc -l)
check "[ $n -eq 5 ]" "the two good files were stored, got $n documents"
cafe=$'caf\xc3\xa9 near'
check "\"$T\" show --db \"$DB\" latin1.txt 2>/dev/null | grep -q \"$cafe\"" "Latin-1 text stored as UTF-8"
after=$("$T" export --db "$DB" --format jsonl 2>/dev/null | sha256sum)
check "[ \"$before\" = \"$after\" ]" "events already stored are unchanged"
docs_after=$("$T" docs --db "$DB" --json 2>/dev/null | head -3 | sha256sum)
check "[ \"$docs_before\" = \"$docs_after\" ]" "documents already stored are unchanged"

# usage errors and lookups
"$T" ingest --db "$DB" 2>/dev/null; rc=$?
check "[ $rc -eq 2 ]" "ingest without PATH is a usage error (2), got $rc"
"$T" ingest --db "$DB" --manifest "$TMP/none.jsonl" "$SRC/reports" 2>"$TMP/err4"; rc=$?
check "[ $rc -eq 2 ] && grep -q 'none.jsonl' '$TMP/err4'" "missing manifest named, got $rc"
printf '{"file": "x.txt", "published": "yesterday"}\n' > "$TMP/badman.jsonl"
"$T" ingest --db "$DB" --manifest "$TMP/badman.jsonl" "$SRC/reports" 2>"$TMP/err5"; rc=$?
check "[ $rc -eq 2 ] && grep -q 'line 1' '$TMP/err5'" "bad manifest line named: $(cat "$TMP/err5")"
"$T" show --db "$DB" no-such-document >/dev/null 2>&1; rc=$?
check "[ $rc -eq 4 ]" "show of an unknown document exits 4, got $rc"
"$T" frobnicate >/dev/null 2>&1; rc=$?
check "[ $rc -eq 2 ]" "unknown command exits 2"
for c in ingest docs show events export why annotate extract correct; do
  check "\"$T\" $c --help | grep -q usage" "help for $c"
done

# show marks sentences and skipped regions
out=$("$T" show --db "$DB" lakeside-truce.txt 2>/dev/null)
check "grep -q '\[\[0| ' <<<\"\$out\"" "show marks sentences"
check "grep -q '{{skipped: reader comments' <<<\"\$out\"" "show marks the comment thread"
finish
