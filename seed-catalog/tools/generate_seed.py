#!/usr/bin/env python3
"""Regenerates the seed catalog resources from the public catalogs in ../shared.

Run from the repository root:  python3 seed-catalog/tools/generate_seed.py ../shared
It rewrites src/main/resources/dev/vouch/seed/{index.json,SOURCES.md,servers/*}. The output is committed;
the registry never runs this script. Needs PyYAML.
"""
import json
import os
import re
import sys

import yaml

SCHEMA = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"
# Entries of Docker's full catalog export whose tool definitions are in the benign corpus.
CATALOG_PICKS = ["Ref", "box-remote", "buildkite", "clickhouse", "github-remote", "keboola-mcp",
                 "sentry-remote", "sonarqube", "webflow-remote"]
EXTRA_CATALOG_SERVERS = 12


def short_description(text):
    text = " ".join(text.split())
    if len(text) <= 100:
        return text
    sentence = re.split(r"(?<=[.!?])\s", text)[0]
    if len(sentence) <= 100:
        return sentence
    cut = text[:99].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def github_owner_repo(url):
    m = re.match(r"https://github\.com/([^/]+)/([^/#?]+)", url or "")
    return (m.group(1), m.group(2).removesuffix(".git")) if m else None


def remote_namespace(url):
    host = re.match(r"https://([^/:]+)", url).group(1)
    labels = host.split(".")
    return ".".join(reversed(labels[-2:]))


def safe_name(text):
    return re.sub(r"[^a-zA-Z0-9._-]", "-", text)


def load_tools(shared, name):
    for path in (f"{shared}/reference/docker/servers/{name}/tools.json",
                 f"{shared}/corpora/benign-docker-tools/servers/{name}/tools.json"):
        if os.path.exists(path):
            try:
                tools = json.load(open(path))
            except json.JSONDecodeError:
                return None, None
            if isinstance(tools, dict):
                tools = tools.get("tools", [])
            if tools:
                return tools, os.path.relpath(path, shared)
    return None, None


def env_inputs(config):
    inputs = []
    for secret in (config or {}).get("secrets", []) or []:
        item = {"name": secret["env"], "isRequired": True, "isSecret": True}
        item["description"] = short_description(secret.get("description") or f"Secret {secret['name']}")
        inputs.append(item)
    for env in (config or {}).get("env", []) or []:
        item = {"name": env["name"]}
        if env.get("example") not in (None, ""):
            item["description"] = f"For example {env['example']}"
        inputs.append(item)
    return inputs


def from_docker_server(name, doc):
    about = doc.get("about", {})
    server = {"$schema": SCHEMA}
    source = doc.get("source", {})
    owner_repo = github_owner_repo(source.get("project"))
    if doc.get("type") == "remote":
        remote = doc["remote"]
        server["name"] = f"{remote_namespace(remote['url'])}/{safe_name(name.removesuffix('-remote'))}"
    elif source.get("directory") or owner_repo[1] in ("servers", "mcp"):
        server["name"] = f"io.github.{owner_repo[0].lower()}/{safe_name(name)}"
    else:
        server["name"] = f"io.github.{owner_repo[0].lower()}/{safe_name(owner_repo[1])}"
    server["description"] = short_description(about.get("description", name))
    if about.get("title"):
        server["title"] = about["title"][:100]
    if owner_repo:
        repository = {"url": f"https://github.com/{owner_repo[0]}/{owner_repo[1]}", "source": "github"}
        if source.get("directory"):
            repository["subfolder"] = source["directory"]
        server["repository"] = repository
    branch = str(source.get("branch", ""))
    if re.fullmatch(r"\d+(\.\d+)+", branch):
        server["version"] = branch
    elif source.get("commit"):
        server["version"] = "0.0.0-git." + source["commit"][:12]
    else:
        server["version"] = "1.0.0"
    if doc.get("type") == "remote":
        remote = doc["remote"]
        server["remotes"] = [{"type": remote.get("transport_type", "streamable-http"), "url": remote["url"]}]
    else:
        image = doc["image"]
        identifier = image if "/" in image.split("/")[0] and "." in image.split("/")[0] else f"docker.io/{image}"
        package = {"registryType": "oci", "identifier": identifier, "transport": {"type": "stdio"}}
        inputs = env_inputs(doc.get("config"))
        if inputs:
            package["environmentVariables"] = inputs
        server["packages"] = [package]
    return server


def from_catalog_entry(name, doc):
    server = {"$schema": SCHEMA}
    owner_repo = github_owner_repo(doc.get("source"))
    if doc.get("remote"):
        server["name"] = f"{remote_namespace(doc['remote']['url'])}/{safe_name(name.removesuffix('-remote'))}"
    elif re.search(r"/tree/[^/]+/.+", doc.get("source", "")) or owner_repo[1] in ("servers", "mcp"):
        server["name"] = f"io.github.{owner_repo[0].lower()}/{safe_name(name.lower())}"
    else:
        server["name"] = f"io.github.{owner_repo[0].lower()}/{safe_name(owner_repo[1])}"
    server["description"] = short_description(doc["description"])
    server["title"] = doc["title"][:100]
    if owner_repo:
        server["repository"] = {"url": f"https://github.com/{owner_repo[0]}/{owner_repo[1]}", "source": "github"}
    date = doc["dateAdded"][:10].split("-")
    server["version"] = f"{int(date[0])}.{int(date[1])}.{int(date[2])}"
    if doc.get("remote"):
        remote = doc["remote"]
        server["remotes"] = [{"type": remote.get("transport_type", "streamable-http"), "url": remote["url"]}]
    else:
        package = {"registryType": "oci", "identifier": f"docker.io/{doc['image']}", "transport": {"type": "stdio"}}
        inputs = env_inputs({"secrets": doc.get("secrets"), "env": doc.get("env")})
        if inputs:
            package["environmentVariables"] = inputs
        server["packages"] = [package]
    return server


def main(shared):
    out = "seed-catalog/src/main/resources/dev/vouch/seed"
    servers_dir = f"{out}/servers"
    os.makedirs(servers_dir, exist_ok=True)
    for old in os.listdir(servers_dir):
        os.remove(os.path.join(servers_dir, old))
    entries, sources, seen = [], [], set()

    def add(slug, server, tools, origin, tools_origin, new_name_only=True):
        if new_name_only and server["name"] in seen:
            return
        seen.add(server["name"])
        server_file = f"servers/{slug}.server.json"
        with open(f"{out}/{server_file}", "w") as f:
            json.dump(server, f, indent=2, ensure_ascii=False)
            f.write("\n")
        entry = {"server": server_file}
        if tools:
            tools_file = f"servers/{slug}.tools.json"
            with open(f"{out}/{tools_file}", "w") as f:
                json.dump(tools, f, indent=2, ensure_ascii=False)
                f.write("\n")
            entry["tools"] = tools_file
        entries.append(entry)
        sources.append(f"| `{server['name']}` | {server['version']} | {origin} | {tools_origin or '—'} |")

    for i, server in enumerate(json.load(open(f"{shared}/reference/official/seed.json"))):
        slug = safe_name(server["name"].split("/")[1]) + "-" + server["version"]
        add(slug, server, None, "official registry `data/seed.json` (verbatim)", None, new_name_only=False)

    docker_dir = f"{shared}/reference/docker/servers"
    for name in sorted(os.listdir(docker_dir)):
        doc = yaml.safe_load(open(f"{docker_dir}/{name}/server.yaml"))
        if doc.get("type") not in ("server", "remote"):
            continue  # "poci" entries wrap a plain container command, not an MCP server
        tools, tools_origin = load_tools(shared, name)
        add(name, from_docker_server(name, doc), tools, f"docker/mcp-registry `servers/{name}/server.yaml`",
            tools_origin)

    catalog = yaml.safe_load(open(f"{shared}/reference/docker/catalog-example.yaml"))["registry"]
    for name in CATALOG_PICKS:
        tools, tools_origin = load_tools(shared, name)
        add("catalog-" + name.lower(), from_catalog_entry(name, catalog[name]), tools,
            f"docker/mcp-gateway catalog export, entry `{name}`", tools_origin)

    # More of Docker's catalog, in name order: servers built from a GitHub source, tools unknown.
    extra = 0
    for name in sorted(catalog):
        doc = catalog[name]
        if extra >= EXTRA_CATALOG_SERVERS or name in CATALOG_PICKS or doc.get("remote") or not doc.get("image"):
            continue
        if not github_owner_repo(doc.get("source")):
            continue
        before = len(entries)
        add("catalog-" + safe_name(name.lower()), from_catalog_entry(name, doc), None,
            f"docker/mcp-gateway catalog export, entry `{name}`", None)
        extra += len(entries) - before

    with open(f"{out}/index.json", "w") as f:
        json.dump({"entries": entries}, f, indent=2)
        f.write("\n")
    with open(f"{out}/SOURCES.md", "w") as f:
        f.write("# Where the seed catalog's facts come from\n\n"
                "Generated by `seed-catalog/tools/generate_seed.py` from the public catalogs described in\n"
                "`shared/reference/README.md` (official MCP registry: Apache-2.0/MIT; Docker: MIT).\n\n"
                "Conversions: Docker entries become an `oci` package (`docker.io/<image>`) or a remote; secrets\n"
                "become secret environment variables. Names are `io.github.<owner>/<repo>` from the source\n"
                "repository (the Docker entry name for monorepos) or the reversed domain of a remote.\n"
                "Versions: a release branch when the source names one; otherwise `0.0.0-git.<commit>` of the\n"
                "commit Docker built; for catalog entries the date Docker added them; `1.0.0` for remote\n"
                "services, which publish no version. Descriptions longer than the official 100 characters\n"
                "are cut to their first sentence or at a word.\n\n"
                "| name | version | server facts | tool definitions |\n|---|---|---|---|\n")
        f.write("\n".join(sources) + "\n")
    print(f"{len(entries)} entries, {sum(1 for e in entries if 'tools' in e)} with tools")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared")
