#!/usr/bin/env bash
# Benchmark: the whole pipeline (ingest, clean, read, extract, store) on a
# generated corpus. Prints documents/s, MB/s, events/s and peak memory.
# usage: bench/ingest.sh [N=10000] [BUILD_DIR=build]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BUILD=${2:-build}
T="$BUILD/truce"
[ -x "$T" ] || { echo "build truce first (cmake --build $BUILD)" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
python3 bench/gen_corpus.py "$W/corpus" "$N"
bytes=$(du -sb "$W/corpus" | cut -f1)
python3 - "$T" "$W" "$bytes" "$N" <<'PY'
import resource, subprocess, sys, time, sqlite3
t, w, nbytes, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
start = time.perf_counter()
p = subprocess.run([t, "ingest", "--db", f"{w}/b.db", "--manifest", f"{w}/manifest.jsonl", f"{w}/corpus"],
                   stderr=subprocess.PIPE, text=True)
secs = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
db = sqlite3.connect(f"{w}/b.db")
docs = db.execute("select count(*) from documents").fetchone()[0]
events = db.execute("select count(*) from events").fetchone()[0]
print(f"documents: {docs} of {n} ({nbytes/1e6:.1f} MB), events: {events}")
print(f"time: {secs:.2f} s  documents/s: {docs/secs:.0f}  MB/s: {nbytes/1e6/secs:.2f}  events/s: {events/secs:.0f}")
print(f"peak memory (max RSS): {peak:.1f} MB")
print(p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "")
PY
