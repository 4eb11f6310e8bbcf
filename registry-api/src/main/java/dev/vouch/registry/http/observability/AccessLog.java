package dev.vouch.registry.http.observability;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where the access log goes: one JSON object per line, one line per answered request. */
@FunctionalInterface
public interface AccessLog {

    void write(String jsonLine);

    /**
     * Standard output, where a container runtime collects it: each line encoded here and written whole, in
     * one write, rather than through the stream's character encoder on every request.
     */
    static AccessLog stdout() {
        PrintStream out = System.out;
        String newline = System.lineSeparator();
        return line -> {
            byte[] bytes = (line + newline).getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(bytes, 0, bytes.length);
            }
        };
    }

    static AccessLog none() {
        return line -> {};
    }
}
