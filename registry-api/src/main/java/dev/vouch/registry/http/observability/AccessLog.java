package dev.vouch.registry.http.observability;

import java.io.PrintStream;

/** Where the access log goes: one JSON object per line, one line per answered request. */
@FunctionalInterface
public interface AccessLog {

    void write(String jsonLine);

    /** Standard output, where a container runtime collects it. */
    static AccessLog stdout() {
        PrintStream out = System.out;
        return line -> {
            synchronized (out) {
                out.println(line);
            }
        };
    }

    static AccessLog none() {
        return line -> {};
    }
}
