#!/usr/bin/env python3
"""A seeded mix of real queries drawn from an ANT JSON-lines dump (.jsonl.xz), for the rasd-serve
load test: words and phrases of the articles' own titles, some with the article's year as a
date: filter. Prints qid<TAB>query lines (rasd-search --queries); the ANT text never leaves the
machine's temporary files.

usage: make_queries.py ANT.jsonl.xz COUNT SEED
"""
import json
import lzma
import random
import re
import sys

ARABIC_WORD = re.compile(r"^[\u0621-\u064A]{3,}$")


def main():
    path, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    titles = []
    with lzma.open(path, "rt", encoding="utf-8") as dump:
        for line in dump:
            record = json.loads(line)
            words = [w for w in record.get("title", "").split() if ARABIC_WORD.match(w)]
            if len(words) >= 3:
                titles.append((words, record.get("docno", "")))
    draw = random.Random(seed)
    for number in range(1, count + 1):
        words, docno = draw.choice(titles)
        shape = draw.random()
        start = draw.randrange(len(words) - 2)
        if shape < 0.4:
            query = words[start]
        elif shape < 0.7:
            query = " ".join(words[start:start + 2])
        elif shape < 0.85:
            query = '"' + " ".join(words[start:start + 2]) + '"'
        else:
            year = re.search(r"(20[0-9]{2})", docno)
            query = words[start] + (" date:" + year.group(1) if year else "")
        print(f"{number}\t{query}")


if __name__ == "__main__":
    main()
