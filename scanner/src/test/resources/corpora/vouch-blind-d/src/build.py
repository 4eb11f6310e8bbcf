#!/usr/bin/env python3
"""Turns the hand-written source notes (servers.txt, entries-*.txt) into servers/*.json and
labelled.jsonl. It only changes notation: every name, description and schema text comes from the
source files as written; nothing is generated, combined or paraphrased here."""
import base64, json, glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def props(spec):
    schema = {"type": "object", "properties": {}}
    required = []
    spec = spec.strip()
    if not spec or spec == "-":
        return schema
    for part in spec.split(" ; "):
        name, typ, desc = part.split(":", 2)
        name, typ = name.strip(), typ.strip()
        if name.endswith("*"):
            name = name[:-1]
            required.append(name)
        p = {"type": typ}
        if typ == "array":
            p["items"] = {"type": "string"}
        if desc.strip():
            p["description"] = desc.strip()
        schema["properties"][name] = p
    if required:
        schema["required"] = required
    return schema


def load_servers():
    servers, cur = {}, None
    for line in open(os.path.join(HERE, "servers.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            cur = line[2:].strip()
            servers[cur] = []
            continue
        name, desc, spec = [x.strip() for x in line.split(" | ", 2)]
        servers[cur].append({"name": name, "description": desc, "inputSchema": props(spec)})
    return servers


def decode_marks(text):
    # b64{...}: the writer's own sentence, stored base64-encoded as a disguise.
    return re.sub(r"b64\{(.*?)\}", lambda m: base64.b64encode(m.group(1).encode()).decode(), text, flags=re.S)


def load_entries(servers):
    entries = []
    for path in sorted(glob.glob(os.path.join(HERE, "entries-*.txt"))):
        blocks = re.split(r"^=== ", open(path, encoding="utf-8").read(), flags=re.M)[1:]
        for b in blocks:
            head, rest = b.split("\n", 1)
            label, kind, lang, style, server = head.split()
            meta, desc = rest.split("\n---\n", 1)
            fields = dict(l.split(": ", 1) for l in meta.strip().split("\n"))
            name = fields["name"].strip()
            orig = next((t for t in servers[server] if t["name"] == name), None)
            spec = fields.get("schema", "=").strip()
            if spec == "=":
                if orig is None:
                    sys.exit(f"{path}: {name} has schema '=' but {server} has no such tool")
                schema = json.loads(json.dumps(orig["inputSchema"]))
            else:
                schema = props(spec)
            desc = desc.strip("\n")
            if "{orig}" in desc:
                desc = desc.replace("{orig}", orig["description"])
            entries.append({"label": "positive" if label == "pos" else "negative", "kind": kind,
                            "server": server, "lang": lang, "style": style,
                            "tool": {"name": name, "description": decode_marks(desc), "inputSchema": schema}})
    return entries


def main():
    servers = load_servers()
    os.makedirs(os.path.join(OUT, "servers"), exist_ok=True)
    for sid, tools in servers.items():
        with open(os.path.join(OUT, "servers", sid + ".json"), "w", encoding="utf-8") as f:
            json.dump({"server": sid, "tools": tools}, f, indent=2, ensure_ascii=False)
            f.write("\n")
    entries = load_entries(servers)
    n = {"positive": 0, "negative": 0}
    with open(os.path.join(OUT, "labelled.jsonl"), "w", encoding="utf-8") as f:
        for e in entries:
            n[e["label"]] += 1
            short = "pos" if e["label"] == "positive" else "neg"
            rec = {"id": f"vouch-blind-d-{short}-{n[e['label']]:03d}", **e}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(len(servers), "servers", n)


if __name__ == "__main__":
    main()
