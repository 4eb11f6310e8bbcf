package dev.vouch.registry.http;

import dev.vouch.registry.domain.RegistryException;

/** The problem a failure maps to, for other faces of the registry (the web pages) that render it their own way. */
public final class HttpProblems {

    private HttpProblems() {}

    public static Problem of(RegistryException e) {
        return ProblemMapping.of(e);
    }
}
