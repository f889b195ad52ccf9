#!/bin/sh
# bench/dates.sh: the date reader against TimeML gold: TempEval-3 platinum
# and MEANTIME (English). Builds libtruce if needed, compiles
# bench/dates/run_dates.c against it and prints extent P/R/F1, value F1,
# value accuracy on DATE expressions, mentions/s and MB/s.
# Anchor: HeidelTime reports value F1 77.6 on TE3-platinum.
# Env: BUILD (build directory, default build), TRUCE_SHARED (default
# ../shared next to the source tree), TRUCE_BENCH_VERBOSE=1 lists misses.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$SRC/build}
SHARED=${TRUCE_SHARED:-$SRC/../shared}
DATA=$SHARED/bench/dates
if [ ! -d "$DATA/te3-platinum" ]; then
    echo "dates bench: no data in $DATA" >&2
    exit 77
fi
if [ ! -f "$BUILD/libtruce.a" ]; then
    cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j2 --target truce >/dev/null
# The date reader's own sources are compiled in, so the program measures
# exactly this tree's reader; the rest (sentences, arena) comes from libtruce.
cc -std=c17 -O2 -I"$SRC/include" -I"$SRC/lib" -o "$BUILD/bench_run_dates" \
    "$SRC/bench/dates/run_dates.c" "$SRC"/lib/read/date*.c "$SRC/lib/read/calendar.c" "$SRC/lib/read/number.c" \
    "$BUILD/libtruce.a" -lsqlite3 -lutf8proc -lgumbo -lz -lm
python3 "$SRC/bench/dates/score_dates.py" "$BUILD/bench_run_dates" \
    TE3-platinum "$DATA/te3-platinum" \
    MEANTIME-en "$DATA/meantime-en/intra-doc_annotation"
