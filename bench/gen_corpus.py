#!/usr/bin/env python3
"""Writes N synthetic reports (about 3 KB each) of our own wording into DIR.

usage: gen_corpus.py DIR [N] [SEED]

Sentences are assembled from templates with varied places, actors, dates and
figures, so the readers and the extractor have real work; the text is ours.
"""
import os, random, sys

PLACES = ["Corvale", "Tiraspol", "Gori", "Kherson", "Mosul", "Aleppo", "Goma", "Bender", "Stepanakert",
          "Donetsk", "Marib", "Kidal", "Mekelle", "Sirte", "Idlib", "Juba", "Bunia", "Taiz"]
ACTORS = ["government forces", "rebel fighters", "the army", "militia units", "police",
          "peacekeepers", "the Interior Ministry", "the opposition", "separatist forces"]
OFFICIALS = ["Defense Minister Ana Torres", "President Malik Odu", "Prime Minister Ines Varga",
             "General Piotr Haas", "Governor Sami Eldar"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "On {day}, {actor} shelled the outskirts of {place}, killing {n} civilians and wounding {m}, local officials said.",
    "{official} said on {day} that {actor} will withdraw from {place} by the end of the month.",
    "About {big} displaced people have returned to {place} since {month} {d}, the agency said.",
    "Engineers cleared {n} mines and {m} artillery shells from farmland near {place} on {month} {d}.",
    "{actor} accused {actor2} of violating the ceasefire near {place} late on {day}.",
    "More than {big} residents fled {place} after clashes between {actor} and {actor2}.",
    "Observers from the mission visited {place} on {day} and counted {n} craters.",
    "{official} met envoys in {place} on {month} {d} to discuss a prisoner exchange.",
    "Protesters blocked the main road into {place} on {day}, demanding the release of {n} detainees.",
    "The ministry denied that its troops had fired on a checkpoint in {place}.",
]

def report(rng, i):
    paras = [f"Report {i}: situation around {rng.choice(PLACES)}", ""]
    size = 0
    while size < 2900:
        t = rng.choice(TEMPLATES)
        a, b = rng.sample(ACTORS, 2)
        s = t.format(day=rng.choice(DAYS), actor=a, actor2=b, place=rng.choice(PLACES),
                     official=rng.choice(OFFICIALS), month=rng.choice(MONTHS), d=rng.randint(1, 28),
                     n=rng.randint(2, 60), m=rng.randint(2, 40), big=f"{rng.randint(1, 20)},{rng.randint(100, 999)}")
        s = s[0].upper() + s[1:]
        paras.append(s)
        paras.append("")
        size += len(s) + 2
    return "\n".join(paras)

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "..", "manifest.jsonl"), "w") as m:
        for i in range(n):
            name = f"r{i:05d}.txt"
            with open(os.path.join(out, name), "w") as f:
                f.write(report(rng, i))
            y, mo, d = 2020 + i % 4, 1 + i % 12, 1 + i % 28
            m.write(f'{{"file":"{name}","source":"Bench Wire","published":"{y}-{mo:02d}-{d:02d}"}}\n')

if __name__ == "__main__":
    main()
