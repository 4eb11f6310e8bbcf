package dev.vouch.scanner.corpus.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fictional servers of servers.json, in file order, with their tools. */
final class Servers {

    private final Map<String, List<ObjectNode>> tools = new LinkedHashMap<>();

    static Servers load(Path file) throws IOException {
        Servers s = new Servers();
        JsonNode root = Templates.JSON.readTree(file.toFile());
        root.fields().forEachRemaining(e -> {
            List<ObjectNode> list = new ArrayList<>();
            e.getValue().get("tools").forEach(t -> list.add((ObjectNode) t));
            s.tools.put(e.getKey(), list);
        });
        return s;
    }

    List<String> ids() {
        return List.copyOf(tools.keySet());
    }

    boolean has(String server) {
        return tools.containsKey(server);
    }

    List<ObjectNode> tools(String server) {
        return tools.get(server);
    }
}
