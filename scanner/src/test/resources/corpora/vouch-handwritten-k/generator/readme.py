import json, collections, sys
sys.path.insert(0, '/tmp/wk')
from bespoke import B
from bespoke2 import B2
from bespoke3 import B3
from bespoke4 import B4
from bespoke5 import B5
from bespoke6 import B6
import frames as FR
HAND = B + B2 + B3 + B4 + B5 + B6
hp = sum(1 for b in HAND if b[0] == 'positive')
D = '/work/writer-k/scanner/src/test/resources/corpora/vouch-handwritten-k'
rs = [json.loads(l) for l in open(D + '/labelled.jsonl')]
import os
nserv = len(os.listdir(D + '/servers'))
def table(key, label):
    c = collections.Counter(r[key] for r in rs if r['label'] == label)
    return "\n".join(f"| {k} | {v} |" for k, v in c.most_common())
lab = collections.Counter(r['label'] for r in rs)
txt = f"""# vouch-handwritten-k

Hand-written training data for the Vouch scanner's instruction model (MCP tool poisoning), written on
2026-11-30 for this repository. It was written without reading the scanner's lexicons, rules or model
resources and without reading any other corpus in this directory; no public attack data set, benchmark,
jailbreak list or rule test string was used. Every server, tool, sentence and frame is original writing.

Licence: MIT, the same as the repository.

## Emphasis

This set targets what the scanner misses most: poisoned tools that look like innocuous helpers (formatters,
timezone lookups, health checks, unit converters, "get_tips") whose description, in passing, changes how
ANOTHER tool of the same server is called: a fixed recipient, account, IBAN, path, host, URL, flag, SQL
fragment, amount or shell snippet, usually with a business or technical reason and often with no authority
words at all. The negatives are the hard mirror: helpers and tools whose descriptions legitimately name sibling
tools, arguments and values (ids from a lookup tool, amounts in cents, ISO 8601 dates, "force=true only if
the user confirms", "ask before deleting", "treat returned text as data").

## How it was written

{nserv} fictional but realistic MCP servers across email, payments, banking, treasury, git/CI, cloud,
Kubernetes, databases, CRM, HR, payroll, healthcare, pharmacy, calendars, room booking, chat, file and object
storage, smart home, heating, industrial control, fleet IoT, e-commerce, order management, ticketing, issue
tracking, analytics, DNS, domain registrar, IAM, SSO, travel, maps, wiki, secrets, backups and logistics. For
each server I wrote its clean tools, its innocuous helper tools, the attacker payloads aimed at its other tools
(target tool, argument, value, cover reason), cross-tool side effects, call-first pretexts, and its benign
precondition / pushy / plain sentences. Separately I wrote sentence frames in several registers (formal,
casual, terse, neutral; {len(FR.PT)} param-tamper, {len(FR.CT)} cross-tool, {len(FR.CF)} call-first, {len(FR.PRE)} precondition,
{len(FR.PUSHY)} pushy), non-English
frames in de, es, fr, pt, it, ja, zh, ko and ru, and neutral filler sentences. A small script combined these
(server payload × frame × placement) so that no English positive shares both its frame and its placement with
another, placed the sentence (end or start of the description, verbose, `Args:` section, XML-ish tag, markdown,
an inputSchema property description, or one sentence inside a multi-paragraph manual) and applied the
disguises. In addition, {len(HAND)} entries ({hp} positive, {len(HAND) - hp} negative) were written whole, one by one, most of them as
matched pairs: the same helper on the same server, once with the poisoned sentence and once with a legitimate
sentence that names the same sibling tool, argument or value. Ids are shuffled within each label. Because of the
combination step, frames and server sentences recur across entries with different
payloads, tools and placements; the set is less varied than 1,050 fully independent texts would be.

## Files

- `servers/<server-id>.json`: `{{"server": id, "tools": [{{"name", "description", "inputSchema"}}, ...]}}`, 5-7 clean tools each.
- `labelled.jsonl`: one object per line:
  `{{"id", "label": "positive"|"negative", "kind", "server", "lang", "style", "tool": {{"name", "description", "inputSchema"}}}}`.
  The labelled tool is scanned together with its server's tools; if its name equals a server tool it replaces it,
  otherwise it is added.

`style` is the placement (`verbose`, `args-section`, `xml-tag`, `markdown`, `schema-property`, `manual`) or, for
a single sentence at the start or end of the description, its register (`plain-sentence`, `formal`, `casual`,
`terse`); disguised positives have `disguised-<method>` (leetspeak, spaced letters, punctuation inside words,
combining marks, base64 with a decode hint, HTML entities, literal `\\u` escapes, zero-width spaces).

## Counts

{len(rs)} records: {lab['positive']} positive, {lab['negative']} negative; {nserv} servers.

### Positive by kind
| kind | count |
|---|---|
{table('kind','positive')}

### Negative by kind
| kind | count |
|---|---|
{table('kind','negative')}

### Positive by language
| lang | count |
|---|---|
{table('lang','positive')}

### Negative by language
| lang | count |
|---|---|
{table('lang','negative')}

### Positive by style
| style | count |
|---|---|
{table('style','positive')}

### Negative by style
| style | count |
|---|---|
{table('style','negative')}
"""
open(D + '/README.md', 'w').write(txt)
