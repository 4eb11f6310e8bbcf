package dev.vouch.provenance.sigstore;

import dev.sigstore.bundle.Bundle;
import dev.sigstore.fulcio.client.FulcioVerificationException;
import dev.sigstore.fulcio.client.FulcioVerifier;
import dev.sigstore.rekor.client.RekorEntry;
import dev.sigstore.rekor.client.RekorVerificationException;
import dev.sigstore.rekor.client.RekorVerifier;
import dev.sigstore.timestamp.client.ImmutableTimestampResponse;
import dev.sigstore.timestamp.client.TimestampException;
import dev.sigstore.timestamp.client.TimestampVerificationException;
import dev.sigstore.timestamp.client.TimestampVerifier;
import dev.sigstore.trustroot.CertificateAuthority;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.VerificationException;
import dev.vouch.provenance.dsse.DsseEnvelope;
import dev.vouch.provenance.intoto.Statement;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keyless DSSE attestations, verified step by step with sigstore-java's parts rather than its
 * {@code KeylessVerifier}, whose DSSE path has two faults: it computes the pre-authentication encoding
 * with character counts (rejecting valid non-ASCII payloads) and it binds the artifact only through a
 * {@code sha256} subject (rejecting npm provenance, whose subjects carry {@code sha512} alone).
 *
 * <p>Steps: certificate chain and SCT (Fulcio verifier), the statement and its subject for the
 * artifact's digest in any algorithm, the DSSE signature over the UTF-8 byte-counted encoding, the log
 * entry's agreement with payload and signature, signed timestamps, and the log entry itself (SET,
 * inclusion proof, checkpoint).
 */
final class KeylessAttestations {

    private final FulcioVerifier fulcio;
    private final RekorVerifier rekor;
    private final TimestampVerifier timestamps;
    private final List<CertificateAuthority> authorities;
    private final boolean logless;

    /**
     * @param logless the trusted root names no transparency log and no CT log (GitHub's private
     *                Sigstore): trusted time must then come from signed timestamps, and the chain is
     *                checked without SCTs. The root's operator chose that model; a root with logs
     *                never falls back to it.
     */
    KeylessAttestations(
            FulcioVerifier fulcio,
            RekorVerifier rekor,
            TimestampVerifier timestamps,
            List<CertificateAuthority> authorities,
            boolean logless) {
        this.fulcio = fulcio;
        this.rekor = rekor;
        this.timestamps = timestamps;
        this.authorities = List.copyOf(authorities);
        this.logless = logless;
    }

    /** The parts of a keyless DSSE bundle this verification reads. */
    record Attestation(
            CertPath certificates,
            String payloadType,
            byte[] payload,
            List<byte[]> signatures,
            List<byte[]> timestamps,
            Optional<RekorEntry> entry) {

        static Attestation of(Bundle bundle) throws VerificationException {
            Bundle.DsseEnvelope envelope = bundle.getDsseEnvelope()
                    .orElseThrow(
                            () -> new VerificationException(Check.BUNDLE_FORMAT, "the bundle holds no DSSE envelope"));
            List<byte[]> signatures = new java.util.ArrayList<>();
            envelope.getSignatures().forEach(signature -> signatures.add(signature.getSig()));
            List<byte[]> timestamps = new java.util.ArrayList<>();
            bundle.getTimestamps().forEach(timestamp -> timestamps.add(timestamp.getRfc3161Timestamp()));
            return new Attestation(
                    bundle.getCertPath(),
                    envelope.getPayloadType(),
                    envelope.getPayload(),
                    signatures,
                    timestamps,
                    bundle.getEntries().stream().findFirst());
        }
    }

    Statement verify(Attestation attestation, X509Certificate leaf, Digest artifact) throws VerificationException {
        if (logless) {
            requireChain(attestation.certificates(), leaf);
        } else {
            try {
                fulcio.verifySigningCertificate(attestation.certificates());
            } catch (FulcioVerificationException | IOException e) {
                throw new VerificationException(
                        Check.SIGSTORE, "Fulcio certificate was not valid: " + e.getMessage(), e);
            }
        }
        if (!Statement.PAYLOAD_TYPE.equals(attestation.payloadType())) {
            throw new VerificationException(Check.ENVELOPE_FORMAT, "payload type is " + attestation.payloadType());
        }
        Statement statement = Statement.parse(attestation.payload());
        statement.requireSubject(artifact);
        if (attestation.signatures().size() != 1) {
            throw new VerificationException(Check.ENVELOPE_FORMAT, "a keyless DSSE envelope has exactly one signature");
        }
        byte[] signature = attestation.signatures().get(0);
        new DsseEnvelope(
                        attestation.payloadType(),
                        attestation.payload(),
                        List.of(new DsseEnvelope.Signature("", signature)))
                .verifySignature(leaf.getPublicKey());
        if (logless) {
            if (attestation.timestamps().isEmpty()) {
                throw new VerificationException(
                        Check.CERTIFICATE_VALIDITY, "without a transparency log, a signed timestamp is required");
            }
            verifyTimestamps(attestation.timestamps(), leaf, signature);
            return statement;
        }
        RekorEntry entry = attestation
                .entry()
                .orElseThrow(
                        () -> new VerificationException(Check.SIGSTORE, "the bundle has no transparency log entry"));
        DsseLogEntries.requireRecords(entry, attestation.payloadType(), attestation.payload(), signature, leaf);
        verifyTimestamps(attestation.timestamps(), leaf, signature);
        try {
            rekor.verifyEntry(entry);
        } catch (RekorVerificationException e) {
            throw new VerificationException(
                    Check.SIGSTORE, "Transparency log entry could not be verified: " + e.getMessage(), e);
        }
        return statement;
    }

    /** The certificate chains to a trusted CA (PKIX, at the leaf's issuance), without SCTs. */
    private void requireChain(CertPath certificates, X509Certificate leaf) throws VerificationException {
        List<CertificateAuthority> current =
                CertificateAuthority.find(authorities, leaf.getNotBefore().toInstant());
        for (CertificateAuthority authority : current) {
            try {
                List<java.security.cert.Certificate> chain = new java.util.ArrayList<>(certificates.getCertificates());
                List<? extends java.security.cert.Certificate> caChain =
                        authority.getCertPath().getCertificates();
                chain.addAll(caChain.subList(0, Math.max(0, caChain.size() - 1)));
                PKIXParameters parameters = new PKIXParameters(Set.of(authority.asTrustAnchor()));
                parameters.setRevocationEnabled(false);
                parameters.setDate(leaf.getNotBefore());
                CertPathValidator.getInstance("PKIX")
                        .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
                return;
            } catch (GeneralSecurityException e) {
                // try the next authority
            }
        }
        throw new VerificationException(Check.SIGSTORE, "the certificate does not chain to a trusted authority");
    }

    private void verifyTimestamps(List<byte[]> encodedTimestamps, X509Certificate leaf, byte[] signature)
            throws VerificationException {
        for (byte[] encoded : encodedTimestamps) {
            if (encoded == null || encoded.length == 0) {
                throw new VerificationException(Check.SIGSTORE, "empty RFC 3161 timestamp in bundle");
            }
            try {
                var response =
                        ImmutableTimestampResponse.builder().encoded(encoded).build();
                timestamps.verify(response, signature);
                leaf.checkValidity(response.getGenTime());
            } catch (TimestampException | TimestampVerificationException e) {
                throw new VerificationException(
                        Check.SIGSTORE, "RFC 3161 timestamp verification failed: " + e.getMessage(), e);
            } catch (CertificateException e) {
                throw new VerificationException(
                        Check.CERTIFICATE_VALIDITY, "timestamped outside the certificate's validity", e);
            }
        }
    }
}
