#!/usr/bin/env bash
# Benchmark: instructions the whole pipeline executes for N generated reports
# (valgrind's callgrind), with each stage's share. Unlike CPU time, the count
# does not move with the load of a shared host, so it compares two builds
# exactly; run bench/ingest.sh for documents per CPU-second.
# usage: bench/instructions.sh [N=300] [BUILD_DIR=build]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
BUILD=${2:-build}
T="$BUILD/truce"
[ -x "$T" ] || { echo "build truce first (cmake --build $BUILD)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
python3 bench/gen_corpus.py "$W/corpus" "$N" >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$W/cg.out" "$T" ingest --db "$W/b.db" \
  --manifest "$W/manifest.jsonl" "$W/corpus" 2>"$W/log" >/dev/null
total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$W/log")
echo "documents: $N  instructions: $((total / 1000000)) M  ($((total / N / 1000)) k a document)"
callgrind_annotate --inclusive=yes "$W/cg.out" 2>/dev/null |
  awk -v total="$total" '
    / \?\?\?:(truce_ingest_document|truce_clean_text|truce_read_all|truce_extract_events|truce_store_put) / {
      n = $1; gsub(",", "", n); f = $0; sub(/.*\?\?\?:/, "", f); sub(/ .*/, "", f)
      printf "  %-22s %6.0f M  %4.1f%%\n", f, n / 1e6, 100 * n / total }'
