package dev.vouch.registry.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.keys.PublicKeys;
import dev.vouch.registry.domain.JsonMappers;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The registry's own signing key, which signs catalog snapshots: Ed25519 (generated on first start) or
 * ECDSA P-256 (an operator's key). The private key never leaves this class; the public key is published
 * as PEM and as a JWKS so mirrors and clients can pin it.
 */
public final class RegistryKey {

    /** Where a generated key is kept, inside the data directory. */
    public static final String FILE_NAME = "registry-signing-key.pem";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = JsonMappers.JSON;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String signatureAlgorithm;

    private RegistryKey(PrivateKey privateKey, PublicKey publicKey, String signatureAlgorithm) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /**
     * The key kept in {@code dataDir}, generated (Ed25519, owner-only permissions) when there is none.
     *
     * @throws SigningKeyException when the file cannot be read or written, or others may read it
     */
    public static RegistryKey loadOrGenerate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            generate(file);
        }
        return load(file);
    }

    /**
     * An operator's key: a PEM private key (PKCS#8 or SEC 1), Ed25519 or ECDSA P-256, unencrypted, readable
     * by its owner alone.
     *
     * @throws SigningKeyException when it is anything else
     */
    public static RegistryKey load(Path file) {
        requireOwnerOnly(file);
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SigningKeyException("cannot read signing key " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromPem(pem);
        } catch (SigningKeyException e) {
            throw new SigningKeyException("signing key " + file + ": " + e.getMessage(), e);
        }
    }

    static RegistryKey fromPem(String pem) {
        Object parsed;
        try (Reader reader = new StringReader(pem);
                PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new SigningKeyException("not a PEM private key", e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                requireP256(pair.getPrivateKeyInfo());
                return new RegistryKey(
                        converter.getPrivateKey(pair.getPrivateKeyInfo()),
                        converter.getPublicKey(pair.getPublicKeyInfo()),
                        "SHA256withECDSA");
            }
            if (parsed instanceof PrivateKeyInfo info) {
                ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
                if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
                    byte[] seed =
                            ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
                    byte[] raw = new Ed25519PrivateKeyParameters(seed, 0)
                            .generatePublicKey()
                            .getEncoded();
                    return new RegistryKey(
                            converter.getPrivateKey(info),
                            publicKey(
                                    "Ed25519",
                                    new SubjectPublicKeyInfo(
                                            new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), raw)),
                            "Ed25519");
                }
                if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                    requireP256(info);
                    BigInteger d = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey())
                            .getKey();
                    X9ECParameters curve = ECNamedCurveTable.getByName("secp256r1");
                    byte[] point = curve.getG().multiply(d).normalize().getEncoded(false);
                    return new RegistryKey(
                            converter.getPrivateKey(info),
                            publicKey(
                                    "EC",
                                    new SubjectPublicKeyInfo(
                                            new AlgorithmIdentifier(
                                                    X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
                                            point)),
                            "SHA256withECDSA");
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SigningKeyException("the private key cannot be read: " + e.getMessage(), e);
        }
        throw new SigningKeyException("an unencrypted Ed25519 or ECDSA P-256 private key is required");
    }

    private static void requireP256(PrivateKeyInfo info) {
        // SEC 1 keys carry the curve wrapped in X9.62 parameters, PKCS#8 keys the bare identifier.
        var parameters = info.getPrivateKeyAlgorithm().getParameters();
        if (parameters == null || !SECObjectIdentifiers.secp256r1.equals(parameters.toASN1Primitive())) {
            throw new SigningKeyException("an ECDSA key must be on P-256");
        }
    }

    private static PublicKey publicKey(String algorithm, SubjectPublicKeyInfo info)
            throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    }

    /**
     * Writes a new Ed25519 key to a file created owner-only, then moves it into place, so neither a crash
     * nor a second process starting at the same time leaves a partial or readable key.
     */
    private static void generate(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            PrivateKey key =
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded()));
            }
            Path temporary = posix(file)
                    ? Files.createTempFile(
                            file.toAbsolutePath().getParent(),
                            ".signing-key",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp");
            Files.writeString(temporary, pem.toString(), StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningKeyException("cannot create the signing key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireOwnerOnly(Path file) {
        if (!posix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            for (PosixFilePermission permission : permissions) {
                if (!permission.name().startsWith("OWNER_")) {
                    throw new SigningKeyException("signing key " + file + " is accessible to others ("
                            + PosixFilePermissions.toString(permissions) + "); chmod 600 it");
                }
            }
        } catch (IOException e) {
            throw new SigningKeyException("cannot read signing key " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path file) {
        Path existing = Files.exists(file) ? file : file.toAbsolutePath().getParent();
        return existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The signature over {@code data}: Ed25519, or ECDSA P-256 with SHA-256 (ASN.1 DER). */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the registry key cannot sign", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** {@code sha256:<hex>} of the public key's SubjectPublicKeyInfo, as Vouch names keys everywhere. */
    public String keyId() {
        return PublicKeys.fingerprint(publicKey);
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The public key as a JSON Web Key Set (RFC 7517; OKP keys per RFC 8037). */
    public ObjectNode jwks() {
        ObjectNode jwks = JSON.createObjectNode();
        ObjectNode jwk = jwks.putArray("keys").addObject();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        if (publicKey instanceof ECPublicKey ec) {
            jwk.put("kty", "EC")
                    .put("crv", "P-256")
                    .put("x", url.encodeToString(unsigned(ec.getW().getAffineX())))
                    .put("y", url.encodeToString(unsigned(ec.getW().getAffineY())))
                    .put("alg", "ES256");
        } else {
            byte[] spki = publicKey.getEncoded();
            jwk.put("kty", "OKP")
                    .put("crv", "Ed25519")
                    .put("x", url.encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length)))
                    .put("alg", "EdDSA");
        }
        jwk.put("use", "sig").put("kid", keyId());
        return jwks;
    }

    private static byte[] unsigned(BigInteger coordinate) {
        byte[] bytes = coordinate.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }
}
