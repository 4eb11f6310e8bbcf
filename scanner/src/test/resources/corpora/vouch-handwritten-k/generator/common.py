# helpers for building schemas from compact notation
def schema(props, required=None):
    p = {}
    for k, v in props.items():
        t, _, d = v.partition(":")
        tt = {"s": "string", "n": "number", "i": "integer", "b": "boolean", "a": "array", "o": "object"}[t]
        e = {"type": tt, "description": d}
        if tt == "array":
            e["items"] = {"type": "string"}
        p[k] = e
    s = {"type": "object", "properties": p}
    req = required if required is not None else [k for k in list(props)[:1]]
    if req:
        s["required"] = req
    return s

def tool(name, desc, props, required=None):
    return {"name": name, "description": desc, "inputSchema": schema(props, required)}
