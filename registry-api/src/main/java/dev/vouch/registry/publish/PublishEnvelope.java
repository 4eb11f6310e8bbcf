package dev.vouch.registry.publish;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.provenance.fetch.FetchedEvidence;
import dev.vouch.provenance.sigstore.DetachedSignature;
import dev.vouch.registry.domain.InterchangeableJson;
import dev.vouch.registry.domain.InvalidRequestException;
import dev.vouch.registry.domain.JsonMappers;
import dev.vouch.registry.domain.Manifest;
import dev.vouch.registry.evidence.SentEvidence;
import dev.vouch.scanner.input.ScanInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a publisher sends: a bare server.json, or an envelope
 * {@code {"server": {…}, "tools": […], "prompts": […], "resources": […], "instructions": "…",
 * "attestations": [{"package": "<identifier>", "bundle": {Sigstore bundle}}],
 * "signatures": [{"package": "<identifier>", "signature": "<base64>", "certificate"|"key": "<PEM>",
 * "payload": "<base64>", "chain": "<PEM>", "rekorBundle": {…}}]}}. A signature is cosign's, kept beside
 * the artifact: over the artifact itself, or over a simple-signing {@code payload} naming its digest;
 * keyless with a Fulcio {@code certificate} (and cosign's Rekor bundle), or by a {@code key} the
 * policy accepts. In an envelope the server.json keeps its exact bytes (the slice of the body between
 * its braces), so the stored manifest is byte for byte what the publisher signed off.
 */
public record PublishEnvelope(
        Manifest manifest,
        Optional<ArrayNode> tools,
        Optional<ArrayNode> prompts,
        Optional<ArrayNode> resources,
        Optional<String> instructions,
        SentEvidence evidence) {

    private static final ObjectMapper JSON = JsonMappers.JSON;

    public static PublishEnvelope parse(byte[] body) {
        Manifest whole = Manifest.parse(body);
        JsonNode tree = whole.tree();
        InterchangeableJson.require(tree);
        if (!tree.path("server").isObject()) {
            return new PublishEnvelope(
                    whole, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SentEvidence.NONE);
        }
        Manifest server = Manifest.parse(serverBytes(body));
        return new PublishEnvelope(
                server,
                array(tree, "tools"),
                array(tree, "prompts"),
                array(tree, "resources"),
                Optional.ofNullable(tree.get("instructions"))
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText),
                new SentEvidence(attestations(tree), signatures(tree)));
    }

    private static List<SentEvidence.Signature> signatures(JsonNode tree) {
        List<SentEvidence.Signature> signatures = new ArrayList<>();
        Optional<ArrayNode> list = array(tree, "signatures");
        if (list.isEmpty()) {
            return signatures;
        }
        if (list.get().size() > FetchedEvidence.MAX_PER_ARTIFACT) {
            throw InvalidRequestException.of(
                    "/signatures", "at most " + FetchedEvidence.MAX_PER_ARTIFACT + " signatures per publish");
        }
        for (int i = 0; i < list.get().size(); i++) {
            String at = "/signatures/" + i;
            JsonNode entry = list.get().get(i);
            if (!entry.path("package").isTextual() || !entry.path("signature").isTextual()) {
                throw InvalidRequestException.of(at, "a signature needs a package identifier and a base64 signature");
            }
            Optional<String> certificate = text(entry, "certificate", at);
            Optional<String> key = text(entry, "key", at);
            if (certificate.isPresent() == key.isPresent()) {
                throw InvalidRequestException.of(at, "a signature needs exactly one of certificate (keyless) or key");
            }
            JsonNode rekorBundle = entry.get("rekorBundle");
            if (rekorBundle != null && !rekorBundle.isNull() && !rekorBundle.isObject()) {
                throw InvalidRequestException.of(
                        at + "/rekorBundle", "rekorBundle must be cosign's Rekor bundle object");
            }
            DetachedSignature signature = new DetachedSignature(
                    text(entry, "payload", at).map(payload -> base64(payload, at + "/payload")),
                    base64(entry.get("signature").asText(), at + "/signature"),
                    certificate,
                    text(entry, "chain", at),
                    Optional.ofNullable(rekorBundle).filter(JsonNode::isObject).map(JsonNode::toString));
            signatures.add(new SentEvidence.Signature(entry.get("package").asText(), signature, key));
        }
        return signatures;
    }

    private static Optional<String> text(JsonNode entry, String field, String at) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw InvalidRequestException.of(at + "/" + field, field + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static byte[] base64(String text, String at) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of(at, "not base64");
        }
    }

    private static List<SentEvidence.Attestation> attestations(JsonNode tree) {
        List<SentEvidence.Attestation> attestations = new ArrayList<>();
        Optional<ArrayNode> list = array(tree, "attestations");
        if (list.isEmpty()) {
            return attestations;
        }
        if (list.get().size() > FetchedEvidence.MAX_PER_ARTIFACT) {
            throw InvalidRequestException.of(
                    "/attestations", "at most " + FetchedEvidence.MAX_PER_ARTIFACT + " attestations per publish");
        }
        for (int i = 0; i < list.get().size(); i++) {
            JsonNode entry = list.get().get(i);
            if (!entry.path("package").isTextual() || !entry.path("bundle").isObject()) {
                throw InvalidRequestException.of(
                        "/attestations/" + i, "an attestation needs a package identifier and a Sigstore bundle object");
            }
            attestations.add(new SentEvidence.Attestation(
                    entry.get("package").asText(),
                    entry.get("bundle").toString().getBytes(StandardCharsets.UTF_8)));
        }
        return attestations;
    }

    /** Everything the scanner reads: the manifest and whatever definitions came with it. */
    public ScanInput scanInput() {
        ObjectNode document = JSON.createObjectNode();
        document.set("server", manifest.tree());
        tools.ifPresent(t -> document.set("tools", t));
        prompts.ifPresent(p -> document.set("prompts", p));
        resources.ifPresent(r -> document.set("resources", r));
        instructions.ifPresent(i -> document.put("instructions", i));
        return ScanInput.fromJson(document);
    }

    /** The tool definitions as stored with the version (the baseline for the next version's drift). */
    public Optional<byte[]> toolsBytes() {
        return tools.map(t -> t.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<ArrayNode> array(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw InvalidRequestException.of("/" + field, field + " must be an array");
        }
        return Optional.of((ArrayNode) value);
    }

    /** The exact bytes of the top-level {@code server} member's value. */
    private static byte[] serverBytes(byte[] body) {
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("server".equals(field) && value == JsonToken.START_OBJECT) {
                    int start = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getByteOffset();
                    return Arrays.copyOfRange(body, start, end);
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw InvalidRequestException.of("/server", "server could not be read");
        }
        throw InvalidRequestException.of("/server", "server must be an object");
    }
}
