#!/usr/bin/env python3
"""Copy successful harvests into servers/<short>/tools.json and write PROVENANCE.tsv / SKIPPED.tsv.

Licence comes from `npm view <pkg> license` (saved in views/), with notes in licence_notes.json where the
npm field is empty or 'SEE LICENSE IN ...'. tools.json files are copied byte-for-byte from the run dir.
"""
import json, os, shutil, sys

HERE = os.path.dirname(os.path.abspath(__file__))
HARVEST = os.environ.get("HARVEST", HERE)
ROOT = os.path.dirname(HARVEST)
BASE = os.environ.get("SCRATCHBASE", "/tmp/npmharvest")
RUNROOT = os.environ.get("RUNROOT", BASE + "/runs")
SCRATCH = os.environ.get("SCRATCH", BASE + "/scratch")
DATE = os.environ.get("HARVEST_DATE", "2026-12-04")
sys.path.insert(0, HERE)
from run_all import short_name  # noqa

PERMISSIVE = {"MIT", "Apache-2.0", "ISC", "BSD-2-Clause", "BSD-3-Clause", "MPL-2.0", "0BSD", "Unlicense", "CC0-1.0"}

servers = json.load(open(os.path.join(HARVEST, "servers.json")))
views = json.load(open(os.path.join(HARVEST, "npm-view.json")))
notes = json.load(open(os.path.join(HARVEST, "licence_notes.json")))
manual_skips = [l.rstrip("\n").split("\t") for l in open(os.path.join(HARVEST, "skipped_manual.tsv")) if l.strip() and not l.startswith("#")]

prov, skipped = [], []
os.makedirs(os.path.join(ROOT, "servers"), exist_ok=True)
for e in servers:
    pkg = e["pkg"]
    short = short_name(pkg)
    v = views.get(pkg, {})
    npm_lic = v.get("license")
    lic = notes.get(pkg, {}).get("licence", npm_lic)
    rd = os.path.join(RUNROOT, short)
    if e.get("skip"):
        skipped.append([pkg, e["version"], str(npm_lic), e["skip"]])
        continue
    res = json.load(open(os.path.join(rd, "result.json"))) if os.path.exists(os.path.join(rd, "result.json")) else None
    if not res or not res.get("ok"):
        skipped.append([pkg, e["version"], str(npm_lic), e.get("fail_reason") or ("tools/list failed: " + (res or {}).get("error", "not run"))])
        continue
    if res.get("ntools", 0) < 1:
        skipped.append([pkg, e["version"], str(npm_lic), "tools/list returned 0 tools"])
        continue
    if lic not in PERMISSIVE:
        skipped.append([pkg, e["version"], str(npm_lic), "licence not permissive/none: %s (listed %d tools, not saved)" % (lic, res["ntools"])])
        continue
    od = os.path.join(ROOT, "servers", short)
    os.makedirs(od, exist_ok=True)
    shutil.copyfile(os.path.join(rd, "tools.json"), os.path.join(od, "tools.json"))
    n = len(json.load(open(os.path.join(od, "tools.json"))))
    node = {"22": "node22", "24": "node24", "26": "node26"}.get(e.get("node"), "node")
    binrel = res["cmd"][1].split("/node_modules/", 1)[1]
    args = " ".join(a.replace(os.path.join(SCRATCH, "work-" + short), "<workdir>") for a in res["cmd"][2:])
    cmdline = ("%s node_modules/%s %s" % (node, binrel, args)).strip()
    envnames = ",".join(["HOME"] + sorted(e.get("env", {}).keys()))
    lic_col = lic if lic == npm_lic else "%s (%s)" % (lic, notes[pkg]["note"])
    prov.append([short, pkg, e["version"], lic_col, str(n), cmdline, envnames, DATE,
                 (res.get("serverInfo") or {}).get("name", "") + " " + str((res.get("serverInfo") or {}).get("version", ""))])

for row in manual_skips:
    skipped.append(row)

with open(os.path.join(ROOT, "PROVENANCE.tsv"), "w") as f:
    f.write("short_name\tnpm_package\tversion\tlicence\tn_tools\tcommand_line\tenv_var_names\tdate_harvested\tserverInfo\n")
    for r in sorted(prov):
        f.write("\t".join(r) + "\n")
with open(os.path.join(ROOT, "SKIPPED.tsv"), "w") as f:
    f.write("npm_package\tversion\tnpm_licence\treason\n")
    for r in skipped:
        f.write("\t".join(r) + "\n")
print("saved", len(prov), "servers,", sum(int(r[4]) for r in prov), "tools; skipped", len(skipped))
