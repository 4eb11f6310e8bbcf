package dev.vouch.provenance.sigstore;

import dev.sigstore.KeylessVerificationException;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.TrustedRootProvider;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.bundle.BundleParseException;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.strings.StringMatcher;
import dev.sigstore.timestamp.client.TimestampVerifier;
import dev.sigstore.trustroot.SigstoreConfigurationException;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.Hashes;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.intoto.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Verifies keyless Sigstore bundles (media types v0.1 to v0.3, message signatures and DSSE envelopes)
 * offline, against a trusted root read from a file: never TUF, never the network.
 *
 * <p>sigstore-java does the cryptography (certificate chain, SCT, Rekor SET, inclusion proof and
 * checkpoint, signature). Around it this class closes what 2.0.0 leaves open: an identity policy is
 * mandatory and is checked here too, so the failure names who signed; the time the log recorded must
 * fall inside the certificate's validity, which sigstore-java does not check; and DSSE attestations go
 * through {@link KeylessAttestations}, which binds subjects in any digest algorithm and counts UTF-8
 * bytes in the pre-authentication encoding, where sigstore-java's own DSSE path does neither.
 */
public final class SigstoreVerifier {

    private static final String PUBLIC_GOOD_ROOT = "public-good-trusted_root.json";

    private final KeylessVerifier verifier;
    private final FulcioVerifier fulcio;
    private final RekorVerifier rekor;
    private final KeylessAttestations attestations;
    private final CosignSignatures cosign;

    private SigstoreVerifier(
            KeylessVerifier verifier,
            FulcioVerifier fulcio,
            RekorVerifier rekor,
            KeylessAttestations attestations,
            CosignSignatures cosign) {
        this.verifier = verifier;
        this.fulcio = fulcio;
        this.rekor = rekor;
        this.attestations = attestations;
        this.cosign = cosign;
    }

    /** A verifier trusting the roots in a {@code trusted_root.json} file. */
    public static SigstoreVerifier withTrustedRoot(Path trustedRoot) throws VerificationException {
        try (InputStream in = Files.newInputStream(trustedRoot)) {
            return withTrustedRoot(in);
        } catch (IOException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "cannot read trusted root " + trustedRoot, e);
        }
    }

    /** A verifier trusting the Sigstore public-good roots shipped with Vouch. */
    public static SigstoreVerifier withPublicGoodRoot() throws VerificationException {
        try (InputStream in = SigstoreVerifier.class.getResourceAsStream(PUBLIC_GOOD_ROOT)) {
            if (in == null) {
                throw new IllegalStateException("bundled trusted root " + PUBLIC_GOOD_ROOT + " missing");
            }
            return withTrustedRoot(in);
        } catch (IOException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "cannot read the bundled trusted root", e);
        }
    }

    private static SigstoreVerifier withTrustedRoot(InputStream in) throws VerificationException {
        try {
            byte[] json = in.readAllBytes();
            TrustedRootValidity.requireStarts(json);
            SigstoreTrustedRoot root = SigstoreTrustedRoot.from(new java.io.ByteArrayInputStream(json));
            TrustedRootProvider provider = () -> root;
            RekorVerifier rekor = RekorVerifier.newRekorVerifier(root);
            FulcioVerifier fulcio = FulcioVerifier.newFulcioVerifier(root);
            boolean logless = root.getTLogs().isEmpty() && root.getCTLogs().isEmpty();
            return new SigstoreVerifier(
                    KeylessVerifier.builder().trustedRootProvider(provider).build(),
                    fulcio,
                    rekor,
                    new KeylessAttestations(
                            fulcio, rekor, TimestampVerifier.newTimestampVerifier(root), root.getCAs(), logless),
                    new CosignSignatures(fulcio, root.getTLogs()));
        } catch (SigstoreConfigurationException | GeneralSecurityException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "trusted root is not usable: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "cannot read the trusted root", e);
        }
    }

    public static Bundle readBundle(Reader reader) throws VerificationException {
        try {
            return Bundle.from(reader);
        } catch (BundleParseException | RuntimeException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "not a Sigstore bundle: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a managed-key bundle (verification material: a public key hint), which sigstore-java
     * 2.0.0 refuses to read: the signature over the artifact with {@code key}, the log entry's
     * agreement with artifact, signature and key, and the entry itself (SET, inclusion proof,
     * checkpoint) with sigstore-java's Rekor verifier.
     */
    public KeyedEvidence verifyWithKey(byte[] bundleJson, PublicKey key, byte[] artifact) throws VerificationException {
        if (ManagedKeyAttestations.isAttestation(bundleJson)) {
            return ManagedKeyAttestations.verify(bundleJson, key, Digest.of("sha256", sha256(artifact)), rekor);
        }
        return JsonMessageBundles.verifyManagedKey(bundleJson, key, artifact, rekor);
    }

    /**
     * Verifies a managed-key bundle over an artifact known by its SHA-256 digest: a message signature,
     * or a DSSE attestation whose statement names the digest.
     */
    public KeyedEvidence verifyWithKey(byte[] bundleJson, PublicKey key, Digest artifact) throws VerificationException {
        if (ManagedKeyAttestations.isAttestation(bundleJson)) {
            return ManagedKeyAttestations.verify(bundleJson, key, artifact, rekor);
        }
        return JsonMessageBundles.verifyManagedKey(bundleJson, key, artifact, rekor);
    }

    private static byte[] sha256(byte[] bytes) {
        return Hashes.sha256(bytes);
    }

    /** Verifies a keyless cosign signature kept beside the artifact; see {@link CosignSignatures}. */
    public KeylessEvidence verifyDetached(DetachedSignature signature, Digest artifact, IdentityPolicy policy)
            throws VerificationException {
        return cosign.verifyKeyless(signature, artifact, policy);
    }

    /** Verifies a cosign signature by a known key, kept beside the artifact. */
    public KeyedEvidence verifyDetached(DetachedSignature signature, Digest artifact, PublicKey key)
            throws VerificationException {
        return cosign.verifyWithKey(signature, artifact, key);
    }

    /** Verifies a keyless cosign attestation kept beside the artifact (cosign's legacy {@code .att} tag). */
    public KeylessEvidence verifyDetached(DetachedAttestation attestation, Digest artifact, IdentityPolicy policy)
            throws VerificationException {
        return cosign.verifyKeyless(attestation, artifact, policy);
    }

    /** Verifies a cosign attestation by a known key, kept beside the artifact. */
    public KeyedEvidence verifyDetached(DetachedAttestation attestation, Digest artifact, PublicKey key)
            throws VerificationException {
        return cosign.verifyWithKey(attestation, artifact, key);
    }

    /** Whether a bundle is signed by a managed key (verified with a key) rather than keyless. */
    public static boolean isManagedKeyBundle(byte[] bundleJson) throws VerificationException {
        return JsonMessageBundles.shape(bundleJson) == JsonMessageBundles.Shape.MANAGED_KEY;
    }

    /**
     * Verifies a DSSE attestation bundle, given as JSON, that carries no transparency log entry (which
     * sigstore-java refuses to read): only under a trusted root that itself has no logs, by signed
     * timestamp.
     */
    public KeylessEvidence verifyLoglessAttestation(byte[] bundleJson, Digest artifact, IdentityPolicy policy)
            throws VerificationException {
        KeylessAttestations.Attestation attestation = JsonMessageBundles.loglessAttestation(bundleJson);
        X509Certificate leaf =
                (X509Certificate) attestation.certificates().getCertificates().get(0);
        SignerIdentity signer = requireAccepted(leaf, policy);
        Statement statement = attestations.verify(attestation, leaf, artifact);
        return new KeylessEvidence(signer, Optional.empty(), Optional.of(statement));
    }

    /**
     * Verifies a bundle, given as JSON, over an artifact file. Bundles sigstore-java 2.0.0 cannot read
     * because their message digest is SHA-384 or SHA-512 are verified from their JSON, with the same
     * checks: certificate chain and SCT, identity, signature, log entry, log time.
     */
    public KeylessEvidence verifyFile(Path artifact, byte[] bundleJson, IdentityPolicy policy)
            throws VerificationException {
        switch (JsonMessageBundles.shape(bundleJson)) {
            case WIDE_DIGEST:
                return verifyJsonMessageBundle(artifact, bundleJson, policy);
            case LOGLESS:
                return verifyLoglessAttestation(bundleJson, fileSha256(artifact), policy);
            case MANAGED_KEY:
                throw managedKeyNeedsKey();
            default:
                return verifyFile(artifact, readBundle(bundleJson), policy);
        }
    }

    /** Verifies a bundle, given as JSON, over an artifact known by its digest. */
    public KeylessEvidence verifyDigest(Digest artifact, byte[] bundleJson, IdentityPolicy policy)
            throws VerificationException {
        switch (JsonMessageBundles.shape(bundleJson)) {
            case LOGLESS:
                return verifyLoglessAttestation(bundleJson, artifact, policy);
            case WIDE_DIGEST:
                throw new VerificationException(
                        Check.BUNDLE_FORMAT,
                        "a bundle over a SHA-384/512 digest is verified over the artifact file, not a digest");
            case MANAGED_KEY:
                throw managedKeyNeedsKey();
            default:
                return verifyDigest(artifact, readBundle(bundleJson), policy);
        }
    }

    private static VerificationException managedKeyNeedsKey() {
        return new VerificationException(
                Check.BUNDLE_FORMAT, "a managed-key bundle is verified with its public key (--key), not an identity");
    }

    private static Bundle readBundle(byte[] json) throws VerificationException {
        return readBundle(new java.io.StringReader(new String(json, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private KeylessEvidence verifyJsonMessageBundle(Path artifact, byte[] bundleJson, IdentityPolicy policy)
            throws VerificationException {
        java.security.cert.CertPath path = JsonMessageBundles.certificatePath(bundleJson);
        X509Certificate leaf = (X509Certificate) path.getCertificates().get(0);
        SignerIdentity signer = requireAccepted(leaf, policy);
        try {
            fulcio.verifySigningCertificate(path);
        } catch (dev.sigstore.fulcio.client.FulcioVerificationException | IOException e) {
            throw new VerificationException(Check.SIGSTORE, "Fulcio certificate was not valid: " + e.getMessage(), e);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(artifact);
        } catch (IOException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "cannot read artifact " + artifact, e);
        }
        Instant loggedAt = JsonMessageBundles.verifyCertificate(bundleJson, leaf, content, rekor);
        requireWithinValidity(leaf, loggedAt);
        return new KeylessEvidence(signer, Optional.of(loggedAt), Optional.empty());
    }

    /** Verifies a bundle over an artifact file, hashed with the algorithm the bundle uses. */
    public KeylessEvidence verifyFile(Path artifact, Bundle bundle, IdentityPolicy policy)
            throws VerificationException {
        if (bundle.getDsseEnvelope().isPresent()) {
            return verifyDigest(fileSha256(artifact), bundle, policy);
        }
        SignerIdentity signer = checkIdentity(bundle, policy);
        try {
            verifier.verify(artifact, bundle, options(policy));
        } catch (KeylessVerificationException e) {
            throw new VerificationException(Check.SIGSTORE, e.getMessage(), e);
        }
        return evidence(bundle, signer);
    }

    /**
     * Verifies a bundle over an artifact known by its digest: SHA-256 for message signatures, any
     * algorithm a DSSE statement's subjects use (npm provenance binds by sha512).
     */
    public KeylessEvidence verifyDigest(Digest artifact, Bundle bundle, IdentityPolicy policy)
            throws VerificationException {
        if (bundle.getDsseEnvelope().isPresent()) {
            SignerIdentity signer = checkIdentity(bundle, policy);
            Statement statement =
                    attestations.verify(KeylessAttestations.Attestation.of(bundle), leaf(bundle), artifact);
            KeylessEvidence evidence = evidence(bundle, signer);
            return new KeylessEvidence(evidence.signer(), evidence.loggedAt(), Optional.of(statement));
        }
        if (!"sha256".equals(artifact.algorithm())) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "an artifact digest must be sha256");
        }
        SignerIdentity signer = checkIdentity(bundle, policy);
        try {
            verifier.verify(HexFormat.of().parseHex(artifact.hex()), bundle, options(policy));
        } catch (KeylessVerificationException e) {
            throw new VerificationException(Check.SIGSTORE, e.getMessage(), e);
        }
        return evidence(bundle, signer);
    }

    static void requireWithinValidity(X509Certificate leaf, Instant at) throws VerificationException {
        if (at.isBefore(leaf.getNotBefore().toInstant())
                || at.isAfter(leaf.getNotAfter().toInstant())) {
            throw new VerificationException(
                    Check.CERTIFICATE_VALIDITY,
                    "logged at " + at
                            + ", outside the certificate's validity "
                            + leaf.getNotBefore().toInstant() + " to "
                            + leaf.getNotAfter().toInstant());
        }
    }

    private static Digest fileSha256(Path artifact) throws VerificationException {
        try (InputStream in = Files.newInputStream(artifact)) {
            return Hashes.sha256(in);
        } catch (IOException e) {
            throw new VerificationException(Check.BUNDLE_FORMAT, "cannot read artifact " + artifact, e);
        }
    }

    private static SignerIdentity checkIdentity(Bundle bundle, IdentityPolicy policy) throws VerificationException {
        return requireAccepted(leaf(bundle), policy);
    }

    /** Who the certificate says signed, once the identity policy accepts them. */
    static SignerIdentity requireAccepted(X509Certificate leaf, IdentityPolicy policy) throws VerificationException {
        SignerIdentity signer = SignerIdentity.of(leaf);
        if (!policy.accepts(signer.issuer(), signer.subject())) {
            throw new VerificationException(
                    Check.IDENTITY,
                    "signed by " + signer.subject() + " (issuer " + signer.issuer() + "), policy requires " + policy);
        }
        return signer;
    }

    private static X509Certificate leaf(Bundle bundle) throws VerificationException {
        try {
            return (X509Certificate) bundle.getCertPath().getCertificates().get(0);
        } catch (RuntimeException e) {
            throw new VerificationException(
                    Check.BUNDLE_FORMAT,
                    "the bundle carries no signing certificate (managed-key bundles are not supported here)",
                    e);
        }
    }

    private static VerificationOptions options(IdentityPolicy policy) throws VerificationException {
        StringMatcher subject;
        try {
            subject = policy.subject().isPresent()
                    ? StringMatcher.string(policy.subject().get())
                    : StringMatcher.regex(policy.subjectPattern().orElseThrow().pattern());
        } catch (RuntimeException | dev.sigstore.strings.RegexSyntaxException e) {
            throw new VerificationException(Check.IDENTITY, "subject pattern rejected: " + e.getMessage(), e);
        }
        return VerificationOptions.builder()
                .addCertificateMatchers(VerificationOptions.CertificateMatcher.fulcio()
                        .issuer(StringMatcher.string(policy.issuer()))
                        .subjectAlternativeName(subject)
                        .build())
                .build();
    }

    /** After sigstore-java: the log time inside the certificate's validity, and the DSSE statement. */
    private static KeylessEvidence evidence(Bundle bundle, SignerIdentity signer) throws VerificationException {
        X509Certificate leaf = leaf(bundle);
        // Rekor v2 entries carry no integrated time (0): their time comes from RFC 3161 timestamps,
        // which sigstore-java checks against the certificate's validity itself.
        Optional<Instant> loggedAt = bundle.getEntries().stream()
                .filter(entry -> entry.getIntegratedTime() > 0)
                .map(RekorEntry::getIntegratedTimeInstant)
                .findFirst();
        if (loggedAt.isEmpty() && bundle.getTimestamps().isEmpty()) {
            throw new VerificationException(
                    Check.CERTIFICATE_VALIDITY, "the bundle has neither a log integration time nor a signed timestamp");
        }
        if (loggedAt.isPresent()) {
            requireWithinValidity(leaf, loggedAt.get());
        }
        Optional<Statement> statement = Optional.empty();
        if (bundle.getDsseEnvelope().isPresent()) {
            statement =
                    Optional.of(Statement.parse(bundle.getDsseEnvelope().get().getPayload()));
        }
        return new KeylessEvidence(signer, loggedAt, statement);
    }
}
