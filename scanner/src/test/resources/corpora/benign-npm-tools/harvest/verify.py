#!/usr/bin/env python3
"""Check every servers/<short>/tools.json against the raw JSON-RPC lines the server sent (RUNROOT/<short>/raw.jsonl).

For each saved server: re-parse the raw tools/list responses (ids >= 2, all pages in order), join their `tools` arrays,
and require (1) deep equality with the saved file (all strings compared exactly), (2) the saved file's text to be exactly
json.dumps(joined, indent=2, ensure_ascii=False) + "\n", and (3) no U+FFFD in the raw lines (no undecodable bytes).
"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.environ.get("HARVEST", HERE))
RUNROOT = os.environ.get("RUNROOT", os.environ.get("SCRATCHBASE", "/tmp/npmharvest") + "/runs")
bad = 0
n = 0
ntools = 0
for short in sorted(os.listdir(os.path.join(ROOT, "servers"))):
    saved_text = open(os.path.join(ROOT, "servers", short, "tools.json"), encoding="utf-8").read()
    saved = json.loads(saved_text)
    raw_lines = open(os.path.join(RUNROOT, short, "raw.jsonl"), encoding="utf-8").read().splitlines()
    joined, fffd = [], False
    for line in raw_lines:
        s = line.strip()
        if not s.startswith("{"):
            continue
        try:
            m = json.loads(s)
        except Exception:
            continue
        if isinstance(m.get("id"), int) and m["id"] >= 2 and "result" in m and "method" not in m:
            if "\ufffd" in line:
                fffd = True
            joined.extend(m["result"].get("tools", []))
    ok = (joined == saved) and (json.dumps(joined, indent=2, ensure_ascii=False) + "\n" == saved_text) and not fffd
    n += 1
    ntools += len(saved)
    if not ok:
        bad += 1
        print("MISMATCH", short, "equal=%s fffd=%s" % (joined == saved, fffd))
print("checked %d servers, %d tools, %d mismatches" % (n, ntools, bad))
sys.exit(1 if bad else 0)
