#!/usr/bin/env python3
"""bench/geo/score_geo.py: toponym recognition and resolution scores for the
place reader on LGL, TR-News and GeoVirus (XML with gold spans and
coordinates). Usage: score_geo.py RUNNER NAME FILE [NAME FILE...].
Recognition: a predicted span overlapping a gold span counts as found.
Resolution: on gold toponyms we found, great-circle error of our point;
accuracy@161 km, mean and median error. Speed: CPU time (user+sys) of the
reader only; then the gazetteer's size and the CPU time to open it."""
import math, subprocess, sys, os
import xml.etree.ElementTree as ET

def km(a, b, c, d):
    r = math.pi / 180
    h = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 2 * 6371 * math.asin(min(1, math.sqrt(h)))

def load(path):
    docs = []
    for art in ET.parse(path).getroot().iter('article'):
        text = art.findtext('text') or ''
        gold = []
        for t in art.iter('toponym'):
            lat, lon = t.findtext('gaztag/lat'), t.findtext('gaztag/lon')
            if lat is None:
                lat, lon = t.findtext('lat'), t.findtext('lon')
            if lat is None or lon is None:
                continue
            gold.append((int(t.findtext('start')), int(t.findtext('end')), float(lat), float(lon)))
        for t in art.iter('location'):
            gold.append((int(t.findtext('start')), int(t.findtext('end')), float(t.findtext('lat')), float(t.findtext('lon'))))
        docs.append((text, gold))
    return docs

def run(runner, docs):
    inp = bytearray()
    for text, _ in docs:
        b = text.encode('utf-8')
        inp += b'%d\n' % len(b) + b
    p = subprocess.run([runner], input=bytes(inp), capture_output=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode()); sys.exit(p.returncode)
    preds, cur = [], None
    for line in p.stdout.decode().splitlines():
        if line.startswith('DOC '):
            cur = []; preds.append(cur); continue
        s, e, la, lo = line.split('\t')
        cur.append((int(s), int(e), float(la), float(lo)))
    ndocs, nbytes, nment, secs, open_ms = p.stderr.decode().split()[-5:]
    return preds, int(nbytes), int(nment), float(secs), float(open_ms)

def main():
    runner = sys.argv[1]
    opens = []
    verbose = os.environ.get('TRUCE_BENCH_VERBOSE')
    args = sys.argv[2:]
    print('%-10s %6s %6s %6s %6s | %7s %8s %8s | %6s %9s %6s' % ('corpus', 'gold', 'P', 'R', 'F1', 'acc161', 'mean_km', 'med_km', 'n_res', 'ment/s', 'MB/s'))
    for name, path in zip(args[0::2], args[1::2]):
        docs = load(path)
        preds, nbytes, nment, secs, open_ms = run(runner, docs)
        opens.append(open_ms)
        ng = npred = tp_pred = tp_gold = 0
        errs = []
        for (text, gold), pred in zip(docs, preds):
            # byte offsets -> character offsets
            b2c = {}
            bi = 0
            for ci, ch in enumerate(text):
                b2c[bi] = ci
                bi += len(ch.encode('utf-8'))
            b2c[bi] = len(text)
            pc = [(b2c.get(s, s), b2c.get(e, e), la, lo) for s, e, la, lo in pred]
            ng += len(gold); npred += len(pc)
            tp_pred += sum(1 for p in pc if any(p[0] < g[1] and p[1] > g[0] for g in gold))
            for g in gold:
                hit = [p for p in pc if p[0] < g[1] and p[1] > g[0]]
                if hit:
                    tp_gold += 1
                    errs.append(km(g[2], g[3], hit[0][2], hit[0][3]))
                    if verbose and errs[-1] > 161:
                        print('  far %6.0f km: %s gold %.2f,%.2f ours %.2f,%.2f' % (errs[-1], text[g[0]:g[1]], g[2], g[3], hit[0][2], hit[0][3]))
                elif verbose:
                    print('  missed: %s' % text[g[0]:g[1]])
        P = tp_pred / npred if npred else 0
        R = tp_gold / ng if ng else 0
        F = 2 * P * R / (P + R) if P + R else 0
        errs.sort()
        acc = sum(1 for e in errs if e <= 161) / len(errs) if errs else 0
        mean = sum(errs) / len(errs) if errs else 0
        med = errs[len(errs) // 2] if errs else 0
        print('%-10s %6d %6.3f %6.3f %6.3f | %7.3f %8.0f %8.0f | %6d %9.0f %6.2f' % (
            name, ng, P, R, F, acc, mean, med, len(errs), nment / secs if secs else 0, nbytes / 1e6 / secs if secs else 0))

    gz = os.environ.get('TRUCE_GAZETTEER')
    if gz and os.path.exists(gz):
        print('gazetteer: %.1f MB, opened in %.0f ms CPU (median of %d opens)' % (
            os.path.getsize(gz) / 1e6, sorted(opens)[len(opens) // 2], len(opens)))

main()
