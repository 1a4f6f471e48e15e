#!/usr/bin/env python3
"""Draws pairs of ANT articles to judge for bench/stories/judged_pairs.tsv (see LABELLING.md).

usage: sample_pairs.py STORIES OUTDIR
  STORIES  one line per story of two or more articles, the ids TAB-separated, from an archive of
           both ANT files (rasd-index --db DB both files; then the ids of each XSTORY term
           holding two or more articles)
  OUTDIR   where sample.tsv (the pairs and their strata) and batch1.txt, batch2.txt (the pairs'
           titles and first 900 characters, for the readers) are written; never into the
           repository: the text stays in the dumps

Strata (word 3-shingles of the folded text, exact Jaccard over pairs sharing a shingle held by at
most 20 articles): 60 pairs drawn from the pairs rasd put in one story ("same-story"), 60 from
pairs it kept apart with Jaccard 0.3 to 0.6 ("near-miss") and 10 kept apart with Jaccard >= 0.6
("missed"). Deterministic: shingles hashed with blake2b, lists sorted before a seeded draw.
"""
import collections, hashlib, itertools, json, lzma, random, re, sys

ANT = ["../shared/data/ant/ant_multisource_v2.1.jsonl.xz", "../shared/data/ant/ant_jawharafm_v1.1.jsonl.xz"]
SEED = 20261207
RARE = 20
DIACRITICS = re.compile("[\u064B-\u0652\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def words(text):
    return re.findall(r"\w+", DIACRITICS.sub("", text).translate(FOLD))


def shingles(text):
    w = words(text)
    return {hashlib.blake2b(" ".join(w[k:k + 3]).encode(), digest_size=8).digest() for k in range(len(w) - 2)}


def main(stories_file, outdir):
    articles = {}
    for name in ANT:
        for line in lzma.open(name, "rt", encoding="utf-8"):
            try:
                a = json.loads(line)
            except ValueError:
                continue
            if a.get("text", "").strip():
                articles[a["docno"]] = a
    sets = {i: shingles(a["text"]) for i, a in articles.items()}
    holders = collections.defaultdict(list)
    for i, s in sets.items():
        for x in s:
            holders[x].append(i)
    candidates = set()
    for ids in holders.values():
        if 2 <= len(ids) <= RARE:
            candidates.update(itertools.combinations(sorted(ids), 2))

    def jaccard(p):
        a, b = sets[p[0]], sets[p[1]]
        return len(a & b) / len(a | b) if a and b else 0.0

    story = {}
    together = []
    for line in open(stories_file, encoding="utf-8"):
        ids = [i for i in line.rstrip("\n").split("\t") if i in articles]
        for i in ids:
            story[i] = ids[0]
        together += [tuple(sorted(p)) for p in itertools.combinations(ids, 2)]
    near, missed = [], []
    for p in sorted(candidates):
        if story.get(p[0]) is not None and story.get(p[0]) == story.get(p[1]):
            continue
        j = jaccard(p)
        if 0.3 <= j < 0.6:
            near.append(p)
        elif j >= 0.6:
            missed.append(p)
    rng = random.Random(SEED)
    drawn = [("same-story", p) for p in rng.sample(sorted(together), 60)]
    drawn += [("near-miss", p) for p in rng.sample(near, min(60, len(near)))]
    drawn += [("missed", p) for p in rng.sample(missed, min(10, len(missed)))]
    rng.shuffle(drawn)
    print(f"same-story pairs {len(together)}, near misses {len(near)}, missed {len(missed)}", file=sys.stderr)
    with open(f"{outdir}/sample.tsv", "w", encoding="utf-8") as out:
        for stratum, (a, b) in drawn:
            out.write(f"{a}\t{b}\t{stratum}\t{jaccard((a, b)):.3f}\n")

    def shown(a):
        return (f"TITLE: {a.get('title', '')}\nDATE: {a.get('date', '')}  SOURCE: {a.get('src', '')}\n"
                f"BODY: {a['text'].replace(chr(10), ' ')[:900]}")

    for part in range(2):
        with open(f"{outdir}/batch{part + 1}.txt", "w", encoding="utf-8") as out:
            for _, (a, b) in drawn[part::2]:
                out.write(f"=== PAIR {a} | {b}\n--- A ({a})\n{shown(articles[a])}\n--- B ({b})\n{shown(articles[b])}\n\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
