#!/bin/sh
# bench/geo.sh: the place reader against toponym gold: LGL (US local news),
# TR-News and GeoVirus (WikiNews). Prints recognition P/R/F1 (overlapping
# spans), accuracy@161 km and mean/median error on gold toponyms we found,
# mentions/s and MB/s (CPU time of the reader only), then the gazetteer's
# size and the CPU time to open it. Anchors (acc@161 on LGL/GeoVirus):
# CamCoder 76%/82%, Edinburgh parser 76%/78%.
# Needs the gazetteer (tools/gazetteer/build.sh BUILD/data). Env: BUILD
# (default build), TRUCE_SHARED, TRUCE_BENCH_VERBOSE=1 lists misses.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$SRC/build}
SHARED=${TRUCE_SHARED:-$SRC/../shared}
DATA=$SHARED/bench/geo
if [ ! -f "$DATA/lgl.xml" ]; then
    echo "geo bench: no data in $DATA" >&2
    exit 77
fi
if [ ! -f "$BUILD/libtruce.a" ]; then
    cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j2 --target truce >/dev/null
if [ ! -f "$BUILD/data/gazetteer.bin" ] && [ -z "${TRUCE_DATA_DIR:-}" ]; then
    "$SRC/tools/gazetteer/build.sh" "$BUILD/data"
fi
cc -std=c17 -O2 -I"$SRC/include" -o "$BUILD/bench_run_geo" "$SRC/bench/geo/run_geo.c" \
    -Wl,--whole-archive "$BUILD/libtruce.a" -Wl,--no-whole-archive \
    -lsqlite3 -lutf8proc -lgumbo -lz -lm
TRUCE_GAZETTEER=${TRUCE_DATA_DIR:-$BUILD/data}/gazetteer.bin \
python3 "$SRC/bench/geo/score_geo.py" "$BUILD/bench_run_geo" \
    LGL "$DATA/lgl.xml" TR-News "$DATA/TR-News.xml" GeoVirus "$DATA/GeoVirus.xml"
