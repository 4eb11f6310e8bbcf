-- The tool names of each server's latest version: a publish reads its texts against the tools of the other
-- servers the registry holds, which an agent may have connected beside it (a tool that steers another server's
-- tool shadows it). Refreshed with the server's search document, wherever the latest mark moves.
CREATE TABLE catalog_tool_names (
    server_name VARCHAR(200) NOT NULL,
    tool_name   TEXT NOT NULL,
    PRIMARY KEY (server_name, tool_name)
);

INSERT INTO catalog_tool_names (server_name, tool_name)
SELECT DISTINCT v.server_name, t.tool ->> 'name'
FROM server_versions v
JOIN server_version_details d ON d.version_id = v.id
CROSS JOIN LATERAL jsonb_array_elements(vouch_tools_array(d.tools)) AS t(tool)
WHERE v.is_latest
  AND jsonb_typeof(t.tool -> 'name') = 'string'
ON CONFLICT DO NOTHING;
