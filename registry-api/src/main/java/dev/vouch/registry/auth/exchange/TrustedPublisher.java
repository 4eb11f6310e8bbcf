package dev.vouch.registry.auth.exchange;

import dev.vouch.registry.auth.NamespaceGrant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A trusted-publishing rule for GitHub Actions: tokens from {@code repository} (and, when named, only
 * from {@code workflow}) may publish {@code grants}. Once any rule names a repository of an owner, that
 * owner's tokens get only what a matching rule grants; owners no rule names keep the official
 * {@code io.github.<owner>/*}.
 *
 * @param repository {@code owner/repo}
 * @param workflow the workflow file, {@code release.yml} or {@code .github/workflows/release.yml}
 * @param grants each within {@code io.github.<owner>/}; empty means {@code io.github.<owner>/*}
 */
public record TrustedPublisher(String repository, Optional<String> workflow, List<NamespaceGrant> grants) {

    private static final Pattern REPOSITORY =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");

    public TrustedPublisher {
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("trusted publisher repository '" + repository + "' is not owner/repo");
        }
        workflow = workflow.map(w -> w.contains("/") ? w : ".github/workflows/" + w);
        String namespace = "io.github." + owner(repository);
        grants = grants.isEmpty() ? List.of(new NamespaceGrant(namespace + "/*")) : List.copyOf(grants);
        for (NamespaceGrant grant : grants) {
            if (!grant.pattern().startsWith(namespace + "/")) {
                throw new IllegalArgumentException("trusted publisher " + repository + " may only grant names under "
                        + namespace + "/, not " + grant.pattern());
            }
        }
    }

    /** The repository's owner, lower-cased: GitHub owner names are case-insensitive. */
    public String owner() {
        return owner(repository).toLowerCase(Locale.ROOT);
    }

    /** Whether a token from {@code tokenRepository}, run by {@code workflowPath}, is what this rule trusts. */
    public boolean matches(String tokenRepository, Optional<String> workflowPath) {
        if (!repository.equalsIgnoreCase(tokenRepository)) {
            return false;
        }
        return workflow.isEmpty() || workflowPath.filter(workflow.get()::equals).isPresent();
    }

    private static String owner(String repository) {
        return repository.substring(0, repository.indexOf('/'));
    }
}
