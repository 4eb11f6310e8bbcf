package dev.vouch.registry.auth.exchange;

import java.io.IOException;
import java.util.List;

/** Looks up a domain's DNS TXT records; swapped out in tests, where no DNS is reachable. */
@FunctionalInterface
public interface TxtResolver {

    /** Every TXT record of {@code domain}, each with its character strings joined; empty when there are none. */
    List<String> txt(String domain) throws IOException;
}
