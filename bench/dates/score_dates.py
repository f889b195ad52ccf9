#!/usr/bin/env python3
"""bench/dates/score_dates.py: scores truce's date reader against TimeML
gold (TempEval-3 platinum .tml files, MEANTIME NewsReader XML).

Reads the gold, writes the plain texts for bench/dates/run_dates, runs it,
matches our mentions to gold TIMEX3 by overlapping byte extent and prints
extent P/R/F1, value accuracy on matched DATE expressions, a TE3-style
value F1 (correct values over all our mentions / all gold TIMEX3), and
speed. Our mention is turned into a TimeML value the obvious way: a day
gives YYYY-MM-DD (with THH:MM or a part of the day when one was written), a month YYYY-MM, a year YYYY, a Monday-Sunday range the
ISO week, a decade YYY, a duration the P.. value its basis names.
Usage: score_dates.py RUN_DATES_BINARY NAME DIR [NAME DIR ...]
"""
import datetime
import glob
import html
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MEANTIME_LAST_SENTENCE = 5
TAG = re.compile(r'<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>', re.S)
ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def read_tml(path):
    raw = open(path, encoding='utf-8').read()
    m = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
    ref = m.group(1)[:10] if m else None
    body = raw[raw.index('<TEXT>') + 6: raw.index('</TEXT>')]
    out = bytearray()
    gold, stack = [], []
    pos = 0
    for t in TAG.finditer(body):
        out += html.unescape(body[pos:t.start()]).encode('utf-8')
        pos = t.end()
        if t.group(2) != 'TIMEX3':
            continue
        if t.group(1) == '/':
            if stack:
                s, attrs = stack.pop()
                gold.append((s, len(out), attrs.get('type', ''), attrs.get('value', '')))
        elif not t.group(4):
            stack.append((len(out), dict(ATTR.findall(t.group(3)))))
    out += html.unescape(body[pos:]).encode('utf-8')
    return ref, bytes(out), gold


def read_meantime(path):
    root = ET.parse(path).getroot()
    toks = {}
    out = bytearray()
    last_sent = None
    # MEANTIME annotates the title, the date line and the first sentences
    # only (sentence indexes 0-5); text beyond them has no gold, so it is
    # left out rather than counted as false positives.
    for tok in root.iter('token'):
        sent = tok.get('sentence')
        if int(sent) > MEANTIME_LAST_SENTENCE:
            continue
        if last_sent is not None:
            out += b'\n' if sent != last_sent else b' '
        last_sent = sent
        s = len(out)
        out += (tok.text or '').encode('utf-8')
        toks[tok.get('t_id')] = (s, len(out))
    gold, ref = [], None
    for tx in root.iter('TIMEX3'):
        if tx.get('functionInDocument') == 'CREATION_TIME':
            ref = (tx.get('value') or '')[:10]
        ids = [a.get('t_id') for a in tx.iter('token_anchor')]
        spans = [toks[i] for i in ids if i in toks]
        if not spans:
            continue
        gold.append((min(s for s, _ in spans), max(e for _, e in spans), tx.get('type', ''),
                     tx.get('value', '')))
    if ref and not re.match(r'\d{4}-\d\d-\d\d$', ref):
        ref = None
    return ref, bytes(out), gold


def our_value(m):
    start, end, prec, dur, basis = m['start'], m['end'], m['prec'], m['dur'], m['basis']
    if dur:
        g = re.search(r'\b(PT?[0-9X.]+[A-Z]+)\b', basis)
        return g.group(1) if g else ''
    if start == '-':
        return ''
    if 'present reference' in basis:
        return 'PRESENT_REF'
    if prec == 'day':
        # a time of day written with the day: 2009-06-01T12:00Z, 2010-07-16TMO
        return start + ('T' + m['time'] if m.get('time') else '')
    if prec == 'month':
        return start[:7]
    if prec == 'year':
        return start[:4]
    if basis.startswith('since '):
        # an open range keeps the precision of the date it starts from
        inner = basis[6:]
        if inner.startswith(('absolute month', 'month,')):
            return start[:7]
        if inner.startswith('year'):
            return start[:4]
        return start
    if prec == 'range':
        a = datetime.date.fromisoformat(start)
        b = datetime.date.fromisoformat(end)
        q = re.match(r'quarter Q(\d) of (\d+)', basis)
        if q:
            return '%s-Q%s' % (q.group(2), q.group(1))
        q = re.match(r'season (\d+-[A-Z]{2})', basis)
        if q:
            return q.group(1)
        if basis.startswith('century'):
            return start[:2]
        if 'decade' in basis:
            return start[:3]
        if 'week' in basis and (b - a).days == 6 and a.weekday() == 0:
            y, w, _ = a.isocalendar()
            return '%04d-W%02d' % (y, w)
        if 'weekend' in basis:
            y, w, _ = a.isocalendar()
            return '%04d-W%02d-WE' % (y, w)
        if a.month == b.month and a.year == b.year and a.day == 1:
            return start[:7]
        return start
    return start


def main():
    binary = sys.argv[1]
    sets = list(zip(sys.argv[2::2], sys.argv[3::2]))
    for name, d in sets:
        files = sorted(glob.glob(os.path.join(d, '*.tml')))
        reader = read_tml
        if not files:
            files = sorted(glob.glob(os.path.join(d, '**', '*.xml'), recursive=True))
            reader = read_meantime
        docs = [reader(f) for f in files]
        with tempfile.NamedTemporaryFile('wb', delete=False) as tf:
            for ref, text, _ in docs:
                tf.write(b'DOC %s %d\n' % ((ref or '-').encode(), len(text)))
                tf.write(text)
            path = tf.name
        res = subprocess.run([binary, path], capture_output=True, text=True)
        os.unlink(path)
        if res.returncode != 0:
            print('%s: run_dates failed: %s' % (name, res.stderr.strip()))
            return 1
        ours = [[] for _ in docs]
        secs = nbytes = nment = nsecs = nnum = 0
        for line in res.stdout.splitlines():
            f = line.split('\t')
            if f[0] == 'M':
                ours[int(f[1])].append({'s': int(f[2]), 'e': int(f[3]), 'start': f[4], 'end': f[5],
                                        'prec': f[6], 'dur': f[7] == '1', 'basis': f[8] if len(f) > 8 else '',
                                        'time': f[9] if len(f) > 9 else ''})
            elif f[0] == 'T':
                secs, nbytes, nment = float(f[1]), int(f[2]), int(f[3])
            elif f[0] == 'N':
                nsecs, nnum = float(f[1]), int(f[2])
        n_gold = n_sys = 0
        strict_sys = strict_gold = relax_sys = relax_gold = val_sys = val_gold = 0
        date_matched = date_correct = n_date = 0
        misses, unmatched, spurious = [], [], []
        for (ref, text, gold), sysm in zip(docs, ours):
            n_gold += len(gold)
            n_sys += len(sysm)
            vals = [our_value(m) for m in sysm]

            def show(s, e):
                return text[s:e].decode('utf-8', 'replace').replace('\n', ' ')

            def ctx(s, e):
                return (show(max(0, s - 60), s) + '[' + show(s, e) + ']' + show(e, e + 40))
            # TE3 definitions, both directions counted separately: a system
            # timex counts for precision when it overlaps some gold TIMEX3
            # (and, for value, one whose value equals its own); a gold timex
            # counts for recall when some system timex overlaps it (with the
            # same value).
            for k, m in enumerate(sysm):
                ov = [g for g in gold if min(g[1], m['e']) > max(g[0], m['s'])]
                strict_sys += any(g[0] == m['s'] and g[1] == m['e'] for g in ov)
                relax_sys += bool(ov)
                val_sys += any(g[3] == vals[k] for g in ov)
                if not ov:
                    spurious.append('%s | %s | ours %s (%s)' % (ctx(m['s'], m['e']), ref, vals[k],
                                                                  m['basis']))
            for gs, ge, gtype, gval in gold:
                ov = [k for k, m in enumerate(sysm) if min(ge, m['e']) > max(gs, m['s'])]
                strict_gold += any(sysm[k]['s'] == gs and sysm[k]['e'] == ge for k in ov)
                relax_gold += bool(ov)
                ok = any(vals[k] == gval for k in ov)
                val_gold += ok
                if gtype == 'DATE':
                    n_date += 1
                    if ov:
                        date_matched += 1
                        date_correct += ok
                if not ov:
                    unmatched.append('%s | %s | %s %s' % (ctx(gs, ge), ref, gtype, gval))
                elif not ok:
                    k = max(ov, key=lambda k: min(ge, sysm[k]['e']) - max(gs, sysm[k]['s']))
                    misses.append('%s | %s | %s gold %s ours %s "%s" (%s)' % (
                        ctx(gs, ge), ref, gtype, gval, vals[k], show(sysm[k]['s'], sysm[k]['e']),
                        sysm[k]['basis']))

        def prf(a, b):
            p = a / n_sys if n_sys else 0
            r = b / n_gold if n_gold else 0
            return 100 * p, 100 * r, 100 * (2 * p * r / (p + r) if p + r else 0)
        print('%s: %d documents, %d gold TIMEX3 (%d DATE), %d mentions of ours' % (
            name, len(docs), n_gold, n_date, n_sys))
        print('  extent strict:  P %.1f  R %.1f  F1 %.1f' % prf(strict_sys, strict_gold))
        sp, sr, sf = prf(relax_sys, relax_gold)
        print('  extent relaxed: P %.1f  R %.1f  F1 %.1f' % (sp, sr, sf))
        print('  value F1:       P %.1f  R %.1f  F1 %.1f' % prf(val_sys, val_gold))
        acc = val_gold / relax_gold if relax_gold else 0
        print('  value accuracy on overlapped gold %.1f%% (%d/%d); x relaxed F1 (TE3 toolkit form) %.1f' % (
            100 * acc, val_gold, relax_gold, acc * sf))
        print('  DATE: value right on %d of %d overlapped, %d of %d gold' % (
            date_correct, date_matched, date_correct, n_date))
        if secs > 0:
            print('  speed (sentences+dates, CPU time, best of 10): %.0f mentions/s, %.2f MB/s' % (
                nment / secs, nbytes / secs / 1e6))
        if nsecs > 0:
            print('  number reader on the same text: %d numbers, %.0f numbers/s, %.2f MB/s' % (
                nnum, nnum / nsecs, nbytes / nsecs / 1e6))
        if os.environ.get('TRUCE_BENCH_VERBOSE'):
            for m in misses:
                print('    wrong value: ' + m)
            for m in unmatched:
                print('    missed: ' + m)
            for m in spurious:
                print('    spurious: ' + m)
    return 0


if __name__ == '__main__':
    sys.exit(main())
