-- The tool names of each server's latest version: a publish reads its texts against the tools of the other
-- servers the registry holds, which an agent may have connected beside it (a tool that steers another server's
-- tool shadows it). Refreshed with the server's search document, wherever the latest mark moves.
CREATE TABLE catalog_tool_names (
    server_name VARCHAR(200) NOT NULL,
    tool_name   TEXT NOT NULL,
    PRIMARY KEY (server_name, tool_name)
);

INSERT OR IGNORE INTO catalog_tool_names (server_name, tool_name)
SELECT v.server_name, json_extract(d.tools, t.fullkey || '.name')
FROM server_versions v
JOIN server_version_details d ON d.version_id = v.id,
     json_each(CASE WHEN json_valid(d.tools) THEN d.tools ELSE '[]' END) t
WHERE v.is_latest = 1
  AND json_type(d.tools, t.fullkey || '.name') = 'text';
