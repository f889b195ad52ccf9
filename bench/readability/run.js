// bench/readability/run.js: Mozilla Readability over DIR/html/*.html.gz.
// Prints {KEY: {"articleBody": text}} on stdout and pages/s on stderr, so
// bench/extraction.sh can score it exactly like `truce extract --benchmark`.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node run.js DIR');
  process.exit(2);
}
const htmlDir = path.join(dir, 'html');
const files = fs.readdirSync(htmlDir).filter((f) => f.endsWith('.html.gz')).sort();
const out = {};
const quiet = new VirtualConsole();
const t0 = process.hrtime.bigint();
for (const f of files) {
  const key = f.slice(0, -'.html.gz'.length);
  let text = '';
  try {
    const html = zlib.gunzipSync(fs.readFileSync(path.join(htmlDir, f))).toString('utf8');
    const dom = new JSDOM(html, { virtualConsole: quiet });
    const art = new Readability(dom.window.document).parse();
    text = art && art.textContent ? art.textContent : '';
    dom.window.close();
  } catch (e) {
    console.error(`${f}: ${e.message}`);
  }
  out[key] = { articleBody: text };
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(JSON.stringify(out));
console.error(`readability: ${files.length} pages in ${secs.toFixed(2)} s, ` +
              `${(files.length / secs).toFixed(1)} pages/s`);
