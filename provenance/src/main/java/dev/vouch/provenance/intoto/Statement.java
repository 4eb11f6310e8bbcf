package dev.vouch.provenance.intoto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.provenance.Check;
import dev.vouch.provenance.Digest;
import dev.vouch.provenance.JsonMappers;
import dev.vouch.provenance.VerificationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** An in-toto Statement (v0.1 or v1): what it is about (subjects) and what it says (predicate). */
public record Statement(String type, List<Subject> subjects, String predicateType, JsonNode predicate) {

    public static final String PAYLOAD_TYPE = "application/vnd.in-toto+json";
    private static final List<String> TYPES =
            List.of("https://in-toto.io/Statement/v0.1", "https://in-toto.io/Statement/v1");
    private static final ObjectMapper JSON = JsonMappers.JSON;

    /** One subject: a name and its digests by algorithm. */
    public record Subject(String name, List<Digest> digests) {
        public Subject {
            digests = List.copyOf(digests);
        }
    }

    public Statement {
        subjects = List.copyOf(subjects);
    }

    public static Statement parse(byte[] payload) throws VerificationException {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new VerificationException(Check.STATEMENT_FORMAT, "payload is not JSON", e);
        }
        String type = root.path("_type").asText();
        if (!TYPES.contains(type)) {
            throw new VerificationException(Check.STATEMENT_FORMAT, "unsupported statement type '" + type + "'");
        }
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode subject : root.path("subject")) {
            List<Digest> digests = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            subject.path("digest").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> digest = it.next();
                try {
                    digests.add(new Digest(digest.getKey(), digest.getValue().asText()));
                } catch (IllegalArgumentException e) {
                    // Algorithms we do not know (gitCommit, dirHash…) cannot bind an artifact digest.
                }
            }
            subjects.add(new Subject(subject.path("name").asText(""), digests));
        }
        if (subjects.isEmpty()) {
            throw new VerificationException(Check.STATEMENT_FORMAT, "statement has no subject");
        }
        return new Statement(type, subjects, root.path("predicateType").asText(""), root.path("predicate"));
    }

    /**
     * Succeeds when some subject carries {@code artifact}'s digest, in the artifact's algorithm.
     */
    public void requireSubject(Digest artifact) throws VerificationException {
        for (Subject subject : subjects) {
            if (subject.digests().contains(artifact)) {
                return;
            }
        }
        throw new VerificationException(Check.SUBJECT_DIGEST, "no subject has digest " + artifact);
    }
}
