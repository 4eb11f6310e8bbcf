#!/usr/bin/env python3
"""Minimal MCP stdio client: initialize -> notifications/initialized -> tools/list (all pages).

Never calls any tool. Hard timeout per server; kills the whole process group afterwards.

usage: mcp_list_tools.py --out OUTDIR [--timeout 40] [--cwd DIR] [--env K=V ...] -- CMD ARGS...
Writes OUTDIR/tools.json (JSON array of tool objects exactly as returned, pretty-printed),
OUTDIR/raw.jsonl (every raw line received on stdout), OUTDIR/stderr.log, OUTDIR/result.json.
Exit code 0 if tools/list succeeded, 1 otherwise.
"""
import argparse, json, os, signal, subprocess, sys, threading, time, queue

PROTOCOL = "2025-06-18"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--timeout", type=float, default=40)
    ap.add_argument("--cwd", default=None)
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    os.makedirs(a.out, exist_ok=True)
    env = dict(os.environ)
    for kv in a.env:
        k, _, v = kv.partition("=")
        env[k] = v
    errf = open(os.path.join(a.out, "stderr.log"), "wb")
    rawf = open(os.path.join(a.out, "raw.jsonl"), "w", encoding="utf-8")
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errf,
                            cwd=a.cwd, env=env, start_new_session=True)
    q = queue.Queue()

    def reader():
        for line in proc.stdout:
            q.put(line)
        q.put(None)

    threading.Thread(target=reader, daemon=True).start()
    deadline = time.time() + a.timeout
    result = {"ok": False, "cmd": cmd}

    def send(obj):
        proc.stdin.write((json.dumps(obj) + "\n").encode("utf-8"))
        proc.stdin.flush()

    def wait_for(rid):
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError("timeout waiting for id %s" % rid)
            try:
                line = q.get(timeout=left)
            except queue.Empty:
                raise TimeoutError("timeout waiting for id %s" % rid)
            if line is None:
                raise EOFError("server closed stdout (exit=%s)" % proc.poll())
            text = line.decode("utf-8", errors="replace")
            rawf.write(text if text.endswith("\n") else text + "\n")
            rawf.flush()
            s = text.strip()
            if not s.startswith("{"):
                continue  # non-JSON log noise on stdout
            try:
                msg = json.loads(s)
            except Exception:
                continue
            if "method" in msg and "id" in msg:  # server->client request: answer minimally
                m = msg["method"]
                if m == "ping":
                    send({"jsonrpc": "2.0", "id": msg["id"], "result": {}})
                elif m == "roots/list":
                    send({"jsonrpc": "2.0", "id": msg["id"], "result": {"roots": []}})
                else:
                    send({"jsonrpc": "2.0", "id": msg["id"],
                          "error": {"code": -32601, "message": "Method not found"}})
                continue
            if msg.get("id") == rid and ("result" in msg or "error" in msg):
                return msg

    try:
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": PROTOCOL, "capabilities": {},
                         "clientInfo": {"name": "harvest", "version": "1"}}})
        init = wait_for(1)
        if "error" in init:
            raise RuntimeError("initialize error: %s" % json.dumps(init["error"]))
        result["serverInfo"] = init["result"].get("serverInfo")
        result["protocolVersion"] = init["result"].get("protocolVersion")
        result["instructions"] = init["result"].get("instructions")
        send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        tools, cursor, rid = [], None, 2
        while True:
            params = {"cursor": cursor} if cursor else {}
            send({"jsonrpc": "2.0", "id": rid, "method": "tools/list", "params": params})
            resp = wait_for(rid)
            if "error" in resp:
                raise RuntimeError("tools/list error: %s" % json.dumps(resp["error"]))
            tools.extend(resp["result"].get("tools", []))
            cursor = resp["result"].get("nextCursor")
            rid += 1
            if not cursor or rid > 200:
                break
        with open(os.path.join(a.out, "tools.json"), "w", encoding="utf-8") as f:
            json.dump(tools, f, indent=2, ensure_ascii=False)
            f.write("\n")
        result["ok"] = True
        result["ntools"] = len(tools)
    except Exception as e:
        result["error"] = "%s: %s" % (type(e).__name__, e)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except Exception:
            pass
        time.sleep(0.5)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except Exception:
            pass
        try:
            proc.wait(timeout=5)
        except Exception:
            pass
    with open(os.path.join(a.out, "result.json"), "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
    print(json.dumps({k: result.get(k) for k in ("ok", "ntools", "error")}))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
