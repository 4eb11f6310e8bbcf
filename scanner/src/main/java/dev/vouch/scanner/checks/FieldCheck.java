package dev.vouch.scanner.checks;

import dev.vouch.scanner.Finding;
import java.util.List;

/** A check of one field that is logic rather than a pattern. */
public interface FieldCheck {
    List<Finding> check(ScannedField field);
}
