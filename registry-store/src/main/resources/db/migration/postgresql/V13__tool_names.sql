-- The tool names of each server's latest version: a publish reads its texts against the tools of the other
-- servers the registry holds, which an agent may have connected beside it (a tool that steers another server's
-- tool shadows it). Refreshed with the server's search document, wherever the latest mark moves. A tool is named
-- by "name", or by "function.name" where it is wrapped as OpenAI's chat completions list it; a name longer than
-- 200 characters is no tool name an agent calls, and is left out (and would overflow a btree index row).
CREATE TABLE catalog_tool_names (
    server_name VARCHAR(200) NOT NULL,
    tool_name   TEXT NOT NULL,
    -- The name in lower case, as the scanner asks for it: a scan looks up the few names its texts use.
    tool_key    TEXT NOT NULL,
    PRIMARY KEY (server_name, tool_name)
);
CREATE INDEX ix_catalog_tool_names_key ON catalog_tool_names (tool_key);

INSERT INTO catalog_tool_names (server_name, tool_name, tool_key)
SELECT DISTINCT n.server_name, n.name, lower(n.name COLLATE "C")
FROM (SELECT v.server_name,
             coalesce(CASE WHEN jsonb_typeof(t.tool -> 'name') = 'string' THEN t.tool ->> 'name' END,
                      CASE WHEN jsonb_typeof(t.tool -> 'function' -> 'name') = 'string'
                           THEN t.tool -> 'function' ->> 'name' END) AS name
      FROM server_versions v
      JOIN server_version_details d ON d.version_id = v.id
      CROSS JOIN LATERAL jsonb_array_elements(vouch_tools_array(d.tools)) AS t(tool)
      WHERE v.is_latest) n
WHERE n.name IS NOT NULL AND length(n.name) <= 200
ON CONFLICT DO NOTHING;
