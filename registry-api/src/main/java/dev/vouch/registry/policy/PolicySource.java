package dev.vouch.registry.policy;

import dev.vouch.registry.domain.ServiceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in force. Given a file, it is re-read whenever the file changes, so an operator edits the
 * policy without a restart; an edit that does not parse is logged and the last good policy stays in
 * force (it is never replaced by the permissive default).
 */
public final class PolicySource {

    private static final Logger LOG = LoggerFactory.getLogger(PolicySource.class);

    private final Optional<Path> file;
    private Policy policy;
    private FileTime loadedAt;

    private PolicySource(Optional<Path> file, Policy policy, FileTime loadedAt) {
        this.file = file;
        this.policy = policy;
        this.loadedAt = loadedAt;
    }

    /** The shipped safe default, for a registry started without {@code --policy}. */
    public static PolicySource safeDefault() {
        return new PolicySource(Optional.empty(), Policy.safeDefault(), null);
    }

    /** The policy in {@code file}, which must be valid now. */
    public static PolicySource fromFile(Path file) {
        Policy policy = Policy.load(file);
        try {
            return new PolicySource(Optional.of(file), policy, modified(file));
        } catch (IOException e) {
            throw new PolicyException(
                    "cannot read policy " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * The policy in force, re-read if its file changed.
     *
     * @throws ServiceUnavailableException when the policy file can no longer be read: no decision is made
     *                                     under a policy that may have changed unseen
     */
    public synchronized Policy current() {
        if (file.isPresent()) {
            FileTime now;
            try {
                now = modified(file.get());
            } catch (IOException e) {
                LOG.error(
                        "policy file {} cannot be read ({}); refusing decisions until it can",
                        file.get(),
                        e.getClass().getSimpleName());
                throw new ServiceUnavailableException(
                        "the publish policy cannot be read; publishing is refused " + "until the operator restores it");
            }
            if (!now.equals(loadedAt)) {
                try {
                    policy = Policy.load(file.get());
                    LOG.info("policy reloaded from {}", file.get());
                } catch (PolicyException e) {
                    LOG.error("policy not reloaded, keeping the previous one: {}", e.getMessage());
                }
                loadedAt = now;
            }
        }
        return policy;
    }

    private static FileTime modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file);
    }
}
