import json, os, collections, sys
D = '/work/writer-k/scanner/src/test/resources/corpora/vouch-handwritten-k'
ids = set(); c = collections.Counter(); by = collections.defaultdict(collections.Counter)
descs = collections.Counter()
servers = {}
for fn in os.listdir(D + '/servers'):
    j = json.load(open(f'{D}/servers/{fn}'))
    assert j['server'] + '.json' == fn
    assert 5 <= len(j['tools']) <= 10, fn
    for t in j['tools']:
        assert t['name'] and t['description'] and isinstance(t['inputSchema'], dict)
    servers[j['server']] = j
for n, line in enumerate(open(D + '/labelled.jsonl'), 1):
    r = json.loads(line)
    assert r['id'] not in ids, r['id']; ids.add(r['id'])
    assert r['label'] in ('positive', 'negative')
    t = r['tool']
    assert isinstance(t['name'], str) and t['name'] and isinstance(t['description'], str) and t['description']
    assert isinstance(t['inputSchema'], dict) and t['inputSchema'].get('type') == 'object'
    assert os.path.exists(f"{D}/servers/{r['server']}.json"), r['server']
    for k in ('kind', 'lang', 'style'): assert r[k]
    c[r['label']] += 1
    for k in ('kind', 'lang', 'style'):
        by[(r['label'], k)][r[k]] += 1
    descs[json.dumps(t, sort_keys=True)] += 1
dup = [k for k, v in descs.items() if v > 1]
print('lines', n, dict(c), 'servers', len(servers), 'duplicate tools', len(dup))
for k, v in sorted(by.items()):
    print(k, dict(v.most_common()))
