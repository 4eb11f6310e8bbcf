package dev.vouch.scanner.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.scanner.input.FieldKind;
import dev.vouch.scanner.input.ScanInput;
import dev.vouch.scanner.input.TextExtractor;
import dev.vouch.scanner.input.TextField;
import dev.vouch.scanner.input.ToolDefinition;
import dev.vouch.scanner.normalize.Normalizer;
import java.util.List;

/** Inputs for one check at a time: a field as the scanner hands it over, a tool, a whole input. */
final class Fields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fields() {}

    static ScannedField field(FieldKind kind, String text) {
        return new ScannedField(
                new TextField("/tools/0/description", kind, "description", text), Normalizer.normalize(text));
    }

    /** Single quotes stand for double quotes, to keep the JSON in tests readable. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ScanInput input(String json) {
        return ScanInput.fromJson(json(json));
    }

    static ToolDefinition tool(String json) {
        return new ToolDefinition("/tools/0", json(json));
    }

    static List<ScannedField> scanned(ToolDefinition tool) {
        return TextExtractor.tool(tool).stream()
                .map(f -> new ScannedField(f, Normalizer.normalize(f.text())))
                .toList();
    }
}
