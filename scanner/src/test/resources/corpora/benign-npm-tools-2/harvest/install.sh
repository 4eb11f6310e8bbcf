#!/bin/bash
# usage: install.sh <pkg> <version> ; installs into $PKGROOT/<short>/
PKGROOT=${PKGROOT:-/tmp/npm2/pkgs}
pkg="$1"; ver="$2"
short=$(echo "$pkg" | tr 'A-Z' 'a-z' | sed -e 's/^@//' -e 's#/#-#g' -e 's/[^a-z0-9-]/-/g')
d="$PKGROOT/$short"; mkdir -p "$d"; cd "$d" || exit 1
[ -f package.json ] || echo '{"name":"harvest-'"$short"'","version":"1.0.0","private":true}' > package.json
if timeout 240 npm install --no-audit --no-fund --ignore-scripts "$pkg@$ver" > install.log 2>&1; then
  echo -e "$short\tOK\tignore-scripts"
else
  echo -e "$short\tFAIL1\t$(tail -c 300 install.log | tr '\n\t' '  ')"
fi
