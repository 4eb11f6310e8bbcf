#!/bin/bash
# Re-run the whole third harvest (Linux, Node.js 20 on PATH, Python 3, openssl, npm registry reachable) the second
# harvest's way (its rerun.sh, which runs the first harvest's scripts), on this folder's servers.json. Scratch goes to /tmp/h3 (override with SCRATCHBASE, or PKGROOT/RUNROOT/SCRATCH).
H=$(cd "$(dirname "$0")" && pwd)
HARVEST=$H SCRATCHBASE=${SCRATCHBASE:-/tmp/h3} NODES="22:22.23.5 24:24.22.3 26:26.12.1" INSTALL_JOBS=1 \
  exec "$H/../../benign-npm-tools-2/harvest/rerun.sh"
