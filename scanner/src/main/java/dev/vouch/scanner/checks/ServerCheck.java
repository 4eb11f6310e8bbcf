package dev.vouch.scanner.checks;

import dev.vouch.scanner.Finding;
import dev.vouch.scanner.input.ScanInput;
import java.util.List;

/** A check of the server as a whole: its manifest and all its tools together. */
public interface ServerCheck {
    List<Finding> check(ScanInput input);
}
