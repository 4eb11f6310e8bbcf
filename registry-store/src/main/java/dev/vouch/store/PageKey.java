package dev.vouch.store;

/**
 * The position of the last entry of a page, in the order its query lists: each order pages by its own
 * key, so a deep page costs what the first one does.
 */
public sealed interface PageKey {

    /** The catalog order: server name, then publication order. */
    record ByName(String serverName, long id) implements PageKey {}

    /** The feed order ({@code updated_since}): time of the last change, then id. */
    record ByChange(long updatedAtMicros, long id) implements PageKey {}

    /**
     * The search order: the server's relevance (bm25, lower is better), the server's search document,
     * then publication order within the server.
     */
    record ByRelevance(double score, long documentId, long versionId) implements PageKey {}
}
