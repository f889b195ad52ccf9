// tools/gazetteer/countries.js: turns the npm package world-countries
// (ODbL-licensed facts, see data/README.md) into the builder's place TSV:
// name, alternate names (;), lat, lon, class, country, precision, population,
// geonames id, source. Demonyms ("Georgian", "Israelis") become rows of
// precision "demonym": never place mentions themselves (the actor reader
// owns them), only a hint to the place reader of which country a document is
// about.
'use strict';
const countries = require(process.argv[2]);
// Short forms news writes that the package lists only as codes.
const extra = { US: ['US', 'U.S.', 'USA', 'U.S.A.', 'America'], GB: ['UK', 'U.K.', 'Britain', 'Great Britain'],
  AE: ['UAE', 'U.A.E.'], TR: ['Turkey'], CZ: ['Czech Republic'], CI: ['Ivory Coast'], MM: ['Burma'],
  SZ: ['Swaziland'], MK: ['Macedonia'], CV: ['Cape Verde'], PS: ['Palestine', 'Palestinian territories'], RU: ['Russian Federation'], CN: ['PRC', 'P.R.C.', "People's Republic of China", 'Mainland China'], CD: ['DRC', 'DR Congo'], KR: ['South Korea'], KP: ['North Korea'] };
// GeoNames' own country points where they differ much from the package's.
const point = { US: [39.76, -98.5] };
const out = [];
for (const c of countries) {
  const alts = new Set();
  if (c.name.official) alts.add(c.name.official);
  for (const s of c.altSpellings || [])
    if (s.length > 3 && s !== s.toUpperCase()) alts.add(s);
  for (const e of extra[c.cca2] || []) alts.add(e);
  alts.delete(c.name.common);
  const ll = point[c.cca2] || c.latlng || [0, 0];
  out.push([c.name.common, [...alts].join(';'), ll[0], ll[1], 'A', c.cca2,
            'country', 0, 0, 'world-countries'].join('\t'));
  const dem = new Set();
  for (const d of Object.values((c.demonyms && c.demonyms.eng) || {})) {
    if (!d || d.length < 4) continue;
    dem.add(d);
    if (/[ni]$/.test(d)) dem.add(d + 's');   // Russians, Israelis
  }
  for (const d of dem)
    out.push([d, '', ll[0], ll[1], 'A', c.cca2, 'demonym', 0, 0, 'world-countries'].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
