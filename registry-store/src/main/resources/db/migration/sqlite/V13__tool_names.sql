-- The tool names of each server's latest version: a publish reads its texts against the tools of the other
-- servers the registry holds, which an agent may have connected beside it (a tool that steers another server's
-- tool shadows it). Refreshed with the server's search document, wherever the latest mark moves. A tool is named
-- by "name", or by "function.name" where it is wrapped as OpenAI's chat completions list it; a name longer than
-- 200 characters is no tool name an agent calls, and is left out.
CREATE TABLE catalog_tool_names (
    server_name VARCHAR(200) NOT NULL,
    tool_name   TEXT NOT NULL,
    -- The name in lower case, as the scanner asks for it: a scan looks up the few names its texts use.
    tool_key    TEXT NOT NULL,
    PRIMARY KEY (server_name, tool_name)
);
CREATE INDEX ix_catalog_tool_names_key ON catalog_tool_names (tool_key);

-- Each element is read by itself (t.value), not through the whole list (d.tools, a BLOB that SQLite parses again on
-- every call), so a list of n tools costs one parse of it, not n.
INSERT OR IGNORE INTO catalog_tool_names (server_name, tool_name, tool_key)
SELECT server_name, name, lower(name)
FROM (SELECT v.server_name,
             CASE WHEN t.type = 'object' THEN
                 coalesce(CASE WHEN json_type(t.value, '$.name') = 'text' THEN json_extract(t.value, '$.name') END,
                          CASE WHEN json_type(t.value, '$.function.name') = 'text'
                               THEN json_extract(t.value, '$.function.name') END) END AS name
      FROM server_versions v
      JOIN server_version_details d ON d.version_id = v.id,
           json_each(CASE WHEN json_valid(d.tools) THEN d.tools ELSE '[]' END) t
      WHERE v.is_latest = 1 AND t.type = 'object')
WHERE name IS NOT NULL AND length(name) <= 200;
