package dev.vouch.registry.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The highest snapshot serial a client has seen from each registry key, kept in a small JSON file: a
 * snapshot older than one already seen is a rollback (an old, genuinely signed catalog replayed to hide
 * what came later) and is refused.
 */
public final class SnapshotState {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final Path file;

    public SnapshotState(Path file) {
        this.file = file;
    }

    /** The default state file: {@code ~/.vouch/snapshot-state.json}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".vouch", "snapshot-state.json");
    }

    /**
     * Refuses a serial lower than the last one seen for {@code keyId}; otherwise records it.
     *
     * @throws SnapshotException on a rollback
     * @throws StateFileException when the state file cannot be read or written (checking would be blind)
     */
    public void accept(String keyId, CatalogSnapshot snapshot) {
        ObjectNode state = read();
        JsonNode seen = state.path("keys").path(keyId);
        if (seen.path("serial").canConvertToLong()
                && snapshot.serial() < seen.path("serial").asLong()) {
            throw new SnapshotException("rollback: snapshot serial " + snapshot.serial() + " is lower than serial "
                    + seen.path("serial").asLong() + " already seen (issued "
                    + seen.path("issuedAt").asText() + ")");
        }
        state.with("keys")
                .putObject(keyId)
                .put("serial", snapshot.serial())
                .put("issuedAt", snapshot.issuedAt().toString());
        write(state);
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode state = JSON.readTree(file.toFile());
            if (state instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new StateFileException("cannot read snapshot state " + file + ": " + e.getMessage(), e);
        }
        throw new StateFileException("snapshot state " + file + " is not a JSON object", null);
    }

    private void write(ObjectNode state) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".snapshot-state", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), state);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StateFileException("cannot write snapshot state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The state file is unusable: a usage problem, not a verdict on the snapshot. */
    public static final class StateFileException extends RuntimeException {
        StateFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
