package dev.vouch.provenance.sigstore;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Who must have signed: the OIDC issuer exactly, and the certificate subject (the email or workflow
 * URI in the SAN) exactly or by a regular expression anchored at both ends.
 *
 * <p>sigstore-java skips the identity check altogether when it is given no matcher, which would accept
 * a signature by anyone; so a policy without issuer or subject cannot be built.
 */
public record IdentityPolicy(String issuer, Optional<String> subject, Optional<Pattern> subjectPattern) {

    public IdentityPolicy {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("an identity policy needs the OIDC issuer");
        }
        if (subject.isPresent() == subjectPattern.isPresent()) {
            throw new IllegalArgumentException("an identity policy needs exactly one subject: exact or regex");
        }
        if (subject.isPresent() && subject.get().isBlank()) {
            throw new IllegalArgumentException("an identity policy's subject must not be empty");
        }
    }

    public static IdentityPolicy exact(String issuer, String subject) {
        return new IdentityPolicy(issuer, Optional.of(subject), Optional.empty());
    }

    public static IdentityPolicy matching(String issuer, String subjectRegex) {
        try {
            return new IdentityPolicy(issuer, Optional.empty(), Optional.of(Pattern.compile(subjectRegex)));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("subject pattern is not a regular expression: " + e.getDescription());
        }
    }

    public boolean accepts(String certificateIssuer, String certificateSubject) {
        if (!issuer.equals(certificateIssuer)) {
            return false;
        }
        return subject.map(certificateSubject::equals)
                .orElseGet(() ->
                        subjectPattern.orElseThrow().matcher(certificateSubject).matches());
    }

    @Override
    public String toString() {
        return "issuer " + issuer + ", subject "
                + subject.orElseGet(() -> "~" + subjectPattern.orElseThrow().pattern());
    }
}
