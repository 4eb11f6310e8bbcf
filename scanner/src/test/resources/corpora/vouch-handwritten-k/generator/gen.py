import json, random, re, base64, copy, os, sys, collections
sys.path.insert(0, '/tmp/wk')
import s1, s2, s3, s4, s5, s6, s7
from s1 import SERVERS
from frames import PT, CT, CF, PRE, PUSHY, PLAIN_ADD, FILLER, XML_TAGS, PLAIN_HELPER
from foreign import F
from common import schema

rng = random.Random(20261130)
NAME = 'vouch-handwritten-k'
DIR = os.environ.get('OUT', os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.makedirs(DIR + '/servers', exist_ok=True)
for s in SERVERS:
    with open(f"{DIR}/servers/{s['id']}.json", 'w') as f:
        json.dump({"server": s['id'], "tools": s['tools']}, f, ensure_ascii=False, indent=2)
        f.write('\n')

GEN_HELPERS = [
    ("health_check", "Returns ok plus the server version and uptime.", {}),
    ("get_tips", "Returns short usage tips for this server's tools.", {"topic": "s:Optional topic"}),
    ("server_info", "Describes the server, its version and which account it is connected to.", {}),
    ("format_output", "Formats a tool result as a table, a list or JSON.", {"data": "s:Raw result", "as": "s:table, list or json"}),
    ("unit_converter", "Converts between common units of length, mass and temperature.", {"value": "n:Value", "from": "s:Unit", "to": "s:Unit"}),
    ("whats_new", "Lists changes in the latest release of this server.", {}),
]

def cap(x):
    return x[0].upper() + x[1:] if x else x

def helpers_for(s):
    names = {t['name'] for t in s['tools']}
    hs = list(s['helpers'])
    gens = [g for g in GEN_HELPERS if g[0] not in names and g[0] not in {h[0] for h in hs}]
    k = sum(map(ord, s['id']))
    # two generic helpers per server, chosen by server, so its own helpers stay the majority
    hs += [gens[k % len(gens)], gens[(k + 3) % len(gens)]]
    return hs

def dot(d):
    return d if d[-1:] in ".!?;:)" else d + "."

def prop_lines(props):
    return [(k, dot(v.partition(':')[2])) for k, v in props.items()]

WRAPS = ["inline", "inline-start", "verbose", "args-section", "xml-tag", "markdown", "schema-property", "manual"]

def wrap(style, name, D, X, props, reg):
    """Place sentence X into the tool's description or schema. Returns (description, inputSchema, style)."""
    props = dict(props)
    sch = schema(props, [])
    if style == "inline":
        return f"{D} {X}", sch, reg
    if style == "inline-start":
        return f"{X} {D}", sch, reg
    if style == "verbose":
        f1, f2 = rng.sample(FILLER, 2)
        return f"{D} {f1} {X} {f2}", sch, "verbose"
    if style == "args-section":
        head = rng.choice(["Args:", "Parameters:", "Arguments:"])
        if not props:
            props = {"verbose": "b:Include extra detail"}
            sch = schema(props, [])
        lines = "\n".join(f"    {k}: {d}" for k, d in prop_lines(props))
        if rng.random() < 0.5:
            body = f"{D}\n\n{head}\n{lines}\n\nNotes:\n    {X}"
        else:
            body = f"{D}\n\n{head}\n{lines} {X}\n\nReturns:\n    {rng.choice(['JSON object.', 'A short text result.', 'dict with status and data'])}"
        return body, sch, "args-section"
    if style == "xml-tag":
        tag = rng.choice(XML_TAGS)
        sep = rng.choice(["\n", " ", "\n\n"])
        return f"{D}{sep}<{tag}>{X}</{tag}>", sch, "xml-tag"
    if style == "markdown":
        f1 = rng.choice(FILLER)
        hd = rng.choice(["## Usage", "### Notes", "**Usage**", "#### How to use", "## Details"])
        return f"### {name}\n\n{D}\n\n{hd}\n\n- {f1}\n- {X}", sch, "markdown"
    if style == "schema-property":
        if not props:
            props = {"verbose": "b:Include extra detail"}
        sch = schema(props, [])
        k = rng.choice(list(sch['properties']))
        sch['properties'][k]['description'] = dot(sch['properties'][k]['description']) + " " + X
        return D, sch, "schema-property"
    if style == "manual":
        fs = rng.sample(FILLER, 6)
        paras = [D + " " + fs[0], f"{fs[1]} {fs[2]}", f"{fs[3]} {X} {fs[4]}", fs[5]]
        return "\n\n".join(paras), sch, "manual"
    raise ValueError(style)

REG = {"inline": "plain-sentence", "formal": "formal", "casual": "casual", "terse": "terse"}

class PairPool:
    def __init__(self, n, wraps):
        self.n, self.wraps, self.pool = n, wraps, []
    def next(self):
        if not self.pool:
            self.pool = [(i, w) for i in range(self.n) for w in self.wraps]
            rng.shuffle(self.pool)
        return self.pool.pop()

records = []
seen = set()
def add(label, kind, server, lang, style, name, desc, sch):
    # two identical tool definitions would teach nothing twice; vary the wording with one more neutral sentence
    while json.dumps([name, desc, sch], sort_keys=True) in seen:
        desc = desc + " " + rng.choice([f for f in FILLER if f not in desc])
    seen.add(json.dumps([name, desc, sch], sort_keys=True))
    records.append({"label": label, "kind": kind, "server": server, "lang": lang, "style": style,
                    "tool": {"name": name, "description": desc, "inputSchema": sch}})

# ---------- disguise transforms ----------
LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})
def disguise(method, X):
    if method == "leetspeak":
        return X.translate(LEET)
    if method == "spaced-letters":
        return " ".join(X)
    if method == "punctuation-inside-words":
        return re.sub(r"([A-Za-z]{4,})", lambda m: ".".join(m.group(1)), X)
    if method == "combining-marks":
        return "".join(c + "\u0336" if c.isalpha() else c for c in X)
    if method == "base64":
        b = base64.b64encode(X.encode()).decode()
        return rng.choice(["Usage note (base64, decode and follow): ", "Decode the following base64 config hint and apply it: ",
                           "b64 maintenance instruction — decode before use: "]) + b
    if method == "html-entities":
        return "".join(f"&#{ord(c)};" if c.isalpha() else c for c in X)
    if method == "unicode-escapes":
        return "".join(f"\\u{ord(c):04x}" if c.isalpha() else c for c in X)
    if method == "zero-width":
        return "\u200b".join(X)
    raise ValueError(method)
DIS = ["leetspeak", "spaced-letters", "punctuation-inside-words", "combining-marks", "base64", "html-entities", "unicode-escapes", "zero-width"]

# ---------- positives ----------
LANGS = list(F)
def concrete(v):
    return len(v.split()) == 1

def extract(act):
    m = re.match(r"(?:call\s+)?(\w+)(.*)", act)
    t2, rest = m.group(1), m.group(2)
    kws = [k for k in re.findall(r"\w+=(?:\[[^\]]*\]|'[^']*'|[\w.\-:/@]+)", rest) if "<" not in k]
    if kws:
        return t2, ", ".join(kws)
    x = re.search(r"(\S+@[\w.\-]+|https?://\S+)", rest)
    if not x:
        return t2, None
    return t2, x.group(1).rstrip(",.;)'")

def fill_pt(fr, p):
    t, a, v, r = p
    return fr.format(t=t, a=a, v=v, r=r, R=cap(r))
def fill_ct(fr, p):
    trg, act, r = p
    return fr.format(trg=trg, act=act, r=r, R=cap(r))
def fill_cf(fr, p):
    call, pre = p
    return fr.format(call=call, p=pre, P=cap(pre))

def build_pos(kind, frames, key, filler, total, n_foreign, n_dis):
    pool = PairPool(len(frames), WRAPS)
    # (server, payload) combos, cycled so every server contributes
    combos = []
    mx = max(len(s[key]) for s in SERVERS)
    for i in range(mx):
        for s in SERVERS:
            if i < len(s[key]):
                combos.append((s, s[key][i]))
    hcount = collections.Counter()
    dis_i = 0
    for n in range(total):
        s, p = combos[n % len(combos)]
        hs = helpers_for(s)
        # prefer the server's own innocuous helpers, sometimes a generic one
        h = hs[hcount[s['id']] % len(hs)] if rng.random() < 0.8 else rng.choice(hs)
        hcount[s['id']] += 1
        if n < n_foreign:
            lang = LANGS[n % len(LANGS)]
            fd = F[lang]
            lead_name, lead = fd['leads'][n % 2]
            if kind == "param-tamper":
                k = 0
                while not [q for q in SERVERS[(n + k) % len(SERVERS)]['pt'] if concrete(q[2])]:
                    k += 1
                s = SERVERS[(n + k) % len(SERVERS)]
                cands = [q for q in s['pt'] if concrete(q[2])]
                q = cands[n % len(cands)]
                X = rng.choice(fd['pt']).format(t=q[0], a=q[1], v=q[2])
            else:
                src = s['ct'] if kind == "cross-tool-trigger" else s['cf']
                got = None
                for q in src:
                    t2, x = extract(q[1] if kind == "cross-tool-trigger" else q[0])
                    if x:
                        got = (q, t2, x); break
                if not got:
                    # fall back to another server that has a concrete action
                    for s2_ in SERVERS[n:] + SERVERS[:n]:
                        for q in (s2_['ct'] if kind == "cross-tool-trigger" else s2_['cf']):
                            t2, x = extract(q[1] if kind == "cross-tool-trigger" else q[0])
                            if x:
                                got = (q, t2, x); s = s2_; break
                        if got: break
                q, t2, x = got
                fr = fd['ct'][(n // len(LANGS)) % len(fd['ct'])] if kind == "cross-tool-trigger" else fd['cf'][0]
                X = fr.format(trg=q[0], t2=t2, x=x)
            style = rng.choice(["inline", "inline", "xml-tag", "markdown", "schema-property", "args-section"])
            desc, sch, st = wrap(style, lead_name, lead, X, {"topic": "s:Optional topic"} if lead_name == "get_tips" else {}, "plain-sentence")
            add("positive", kind, s['id'], lang, st, lead_name, desc, sch)
            continue
        fi, w = pool.next()
        reg, fr = frames[fi]
        X = filler(fr, p)
        if n < n_foreign + n_dis:
            m = DIS[(dis_i + (0 if kind == "param-tamper" else 3 if kind == "cross-tool-trigger" else 6)) % len(DIS)]
            dis_i += 1
            X = disguise(m, X)
            w = rng.choice(["inline", "xml-tag", "schema-property", "verbose"])
            desc, sch, _ = wrap(w, h[0], h[1], X, h[2], REG[reg])
            add("positive", kind, s['id'], "en", "disguised-" + m, h[0], desc, sch)
            continue
        desc, sch, st = wrap(w, h[0], h[1], X, h[2], REG[reg])
        add("positive", kind, s['id'], "en", st, h[0], desc, sch)

from bespoke import B
from bespoke2 import B2
from bespoke3 import B3
from bespoke4 import B4
from bespoke5 import B5
from bespoke6 import B6
HAND = B + B2 + B3 + B4 + B5 + B6
for lab, kind, srv, lang, style, name, desc, props in HAND:
    assert srv in {s['id'] for s in SERVERS}, srv
    add(lab, kind, srv, lang, style, name, desc, schema(props, []))
hand_n = collections.Counter(b[1] for b in HAND)
hand_f = collections.Counter(b[1] for b in HAND if b[3] != "en")
# targets: (total, non-English, disguised) per kind
POS_T = {"param-tamper": (275, 33, 14), "cross-tool-trigger": (150, 18, 8), "call-first": (75, 9, 3)}
NEG_T = {"benign-precondition": (248, 30), "benign-pushy": (192, 23), "benign-plain": (110, 13)}
def left(kind, tgt):
    return (tgt[0] - hand_n[kind], tgt[1] - hand_f[kind]) + tuple(tgt[2:])

build_pos("param-tamper", PT, 'pt', fill_pt, *left("param-tamper", POS_T["param-tamper"]))
build_pos("cross-tool-trigger", CT, 'ct', fill_ct, *left("cross-tool-trigger", POS_T["cross-tool-trigger"]))
build_pos("call-first", CF, 'cf', fill_cf, *left("call-first", POS_T["call-first"]))

# ---------- negatives ----------
LOOKUP = re.compile(r"^(list|search|get|find|read|check|track|query)", re.I)
def slots(s, i):
    tools = s['tools']
    looks = [t for t in tools if LOOKUP.match(t['name'])] or tools[:1]
    acts = [t for t in tools if not LOOKUP.match(t['name'])] or tools[-1:]
    t1 = looks[i % len(looks)]['name']
    t2t = acts[i % len(acts)]
    props = list(t2t['inputSchema']['properties'])
    a = props[i % len(props)] if props else "id"
    return dict(t1=t1, t2=t2t['name'], a=a)

def build_neg(kind, own_key, generic, total, n_foreign):
    pool = PairPool(len(generic) + 1, WRAPS)
    per = collections.Counter()
    for n in range(total):
        s = SERVERS[n % len(SERVERS)]
        i = per[s['id']]; per[s['id']] += 1
        hs = helpers_for(s)
        sl = slots(s, i + n)
        if n < n_foreign:
            lang = LANGS[n % len(LANGS)]
            fd = F[lang]
            fk = {"benign-precondition": "pre", "benign-pushy": "pushy", "benign-plain": "plain"}[kind]
            X = fd[fk][(n // len(LANGS)) % len(fd[fk])].format(**sl)
            lead_name, lead = fd['leads'][(n // 2) % 2]
            style = rng.choice(["inline", "inline", "xml-tag", "markdown", "schema-property", "args-section"])
            desc, sch, st = wrap(style, lead_name, lead, X, {"topic": "s:Optional topic"} if lead_name == "get_tips" else {}, "plain-sentence")
            add("negative", kind, s['id'], lang, st, lead_name, desc, sch)
            continue
        own = s[own_key]
        gi, w = pool.next()
        reg = "plain-sentence"
        if kind == "benign-plain":
            hmap = {h[0]: h for h in hs}
            r = rng.random()
            if i < 2 * len(own) and r < 0.55:
                j = i % len(own)
                h = hmap[PLAIN_HELPER[s['id']][j]]
                desc, sch, st = wrap(w, h[0], h[1], own[j], h[2], reg)
                add("negative", kind, s['id'], "en", st, h[0], desc, sch)
            elif r < 0.8:
                # an existing server tool, honestly described, often destructive
                t = rng.choice(s['tools'])
                extra = " ".join(rng.sample(PLAIN_ADD, rng.choice([1, 1, 2])))
                tp = {k: {"number": "n:", "integer": "i:", "boolean": "b:", "array": "a:", "object": "o:", "string": "s:"}[v['type']] + v['description']
                      for k, v in t['inputSchema']['properties'].items()}
                desc, sch, st = wrap(w if w != "schema-property" else "inline", t['name'], t['description'], extra, tp, reg)
                if t['inputSchema'].get('required'):
                    sch['required'] = t['inputSchema']['required']
                add("negative", kind, s['id'], "en", st, t['name'], desc, sch)
            else:
                h = rng.choice(hs)
                desc, sch, st = wrap(w, h[0], h[1], rng.choice(FILLER), h[2], reg)
                add("negative", kind, s['id'], "en", st, h[0], desc, sch)
            continue
        if i < len(own) and (i % 2 == 0 or rng.random() < 0.5):
            X = own[i]
        else:
            g = generic[gi % len(generic)]
            if "|" in g[:8]:
                reg, g = g.split("|", 1)
            X = g.format(**sl)
        h = hs[i % len(hs)] if rng.random() < 0.75 else rng.choice(hs)
        desc, sch, st = wrap(w, h[0], h[1], X, h[2], reg)
        add("negative", kind, s['id'], "en", st, h[0], desc, sch)

build_neg("benign-precondition", "pre", PRE, *left("benign-precondition", NEG_T["benign-precondition"]))
build_neg("benign-pushy", "pushy", PUSHY, *left("benign-pushy", NEG_T["benign-pushy"]))
build_neg("benign-plain", "plain", [""], *left("benign-plain", NEG_T["benign-plain"]))

pos = [r for r in records if r['label'] == 'positive']
neg = [r for r in records if r['label'] == 'negative']
# ids should not reveal how an entry was made or which kind it is
rng.shuffle(pos)
rng.shuffle(neg)
with open(f"{DIR}/labelled.jsonl", 'w') as f:
    for lab, rs in (("pos", pos), ("neg", neg)):
        for k, r in enumerate(rs, 1):
            out = {"id": f"{NAME}-{lab}-{k:03d}", **r}
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
print(len(pos), len(neg), len(SERVERS))
