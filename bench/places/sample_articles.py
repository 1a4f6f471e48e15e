import json, lzma, hashlib, collections
files = ['/work/shared/data/ant/ant_multisource_v2.1.jsonl.xz', '/work/shared/data/ant/ant_jawharafm_v1.1.jsonl.xz']
by = collections.defaultdict(list)
for f in files:
    for line in lzma.open(f, 'rt'):
        a = json.loads(line)
        if not a.get('text', '').strip(): continue
        h = hashlib.sha1(('rasd-places-' + a['docno']).encode()).hexdigest()
        by[a['src']].append((h, a))
sel = []
for src, lst in sorted(by.items()):
    lst.sort(key=lambda x: x[0])
    sel += [a for _, a in lst[:32]]
print(len(sel), collections.Counter(a['src'] for a in sel))
chunks = [sel[i::4] for i in range(4)]
for i, ch in enumerate(chunks):
    with open(f'chunk{i}.txt', 'w') as out:
        for a in ch:
            out.write(f"=== DOCNO: {a['docno']}\nSOURCE: {a['src']}\nTITLE: {a['title']}\nBYLINE: {a.get('author','')}\nTEXT (first 1800 chars):\n{a['text'][:1800]}\n\n")
    print(i, len(ch))
