package dev.vouch.scanner.checks;

import dev.vouch.scanner.Finding;
import dev.vouch.scanner.input.ToolDefinition;
import java.util.List;

/** A check of one whole tool definition. */
public interface ToolCheck {
    List<Finding> check(ToolDefinition tool, List<ScannedField> fields);
}
