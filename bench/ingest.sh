#!/usr/bin/env bash
# Benchmark: the whole pipeline (ingest, clean, read, extract, store) on a
# generated corpus, one process on one core. Prints documents/s, MB/s and
# events/s twice: by wall time, and by CPU time (user + sys of the truce
# process), which is what counts on a machine shared with other work. Also
# peak memory and the store's size.
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
import os, resource, subprocess, sys, time, sqlite3
t, w, nbytes, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
start = time.perf_counter()
p = subprocess.run([t, "ingest", "--db", f"{w}/b.db", "--manifest", f"{w}/manifest.jsonl", f"{w}/corpus"],
                   stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu, user, sys_ = ru.ru_utime + ru.ru_stime, ru.ru_utime, ru.ru_stime
peak = ru.ru_maxrss / 1024
db = sqlite3.connect(f"{w}/b.db")
docs = db.execute("select count(*) from documents").fetchone()[0]
events = db.execute("select count(*) from events").fetchone()[0]
size = sum(os.path.getsize(f"{w}/{f}") for f in os.listdir(w) if f.startswith("b.db"))
print(f"documents: {docs} of {n} ({nbytes/1e6:.1f} MB), events: {events}")
print(f"wall: {wall:.2f} s  documents/s: {docs/wall:.0f}  MB/s: {nbytes/1e6/wall:.2f}  events/s: {events/wall:.0f}")
print(f"cpu:  {cpu:.2f} s (user {user:.2f}, sys {sys_:.2f})  documents/cpu-s: {docs/cpu:.0f}  MB/cpu-s: {nbytes/1e6/cpu:.2f}"
      f"  events/cpu-s: {events/cpu:.0f}  ({cpu/docs*1e3:.2f} ms a document)")
print(f"peak memory (max RSS): {peak:.1f} MB  store: {size/1e6:.1f} MB")
print(p.stderr.strip().splitlines()[-1] if p.stderr.strip() else "")
PY
