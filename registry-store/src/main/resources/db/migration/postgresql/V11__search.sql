-- Full-text search on PostgreSQL, the counterpart of SQLite's FTS5 tables: one document per server,
-- holding the text of its latest version, as a weighted tsvector under a GIN index. The words are folded
-- (lower case, accents removed) by the registry before they reach to_tsvector, with the 'simple'
-- configuration (no stemming, no stop words), so a term means the same on both databases without the
-- unaccent extension. document_id is the id of the server's first version, which never changes.
--
-- Weights (ts_rank, in PostgresCatalogSearch): the short name and title A, the description B, the
-- namespace C, the tools D.
--
-- Nothing is backfilled: a PostgreSQL database starts empty at V1, so every document is written by the
-- registry as versions arrive (CatalogSearch#refresh).
CREATE TABLE catalog_search (
    document_id BIGINT PRIMARY KEY,
    name_title  TEXT NOT NULL,
    document    TSVECTOR NOT NULL
);
CREATE INDEX ix_catalog_search_document ON catalog_search USING GIN (document);

-- Typo tolerance without the pg_trgm extension (which a managed database may not offer): the letter
-- trigrams of each name and title, looked up by the trigrams of a term that found nothing.
CREATE TABLE catalog_search_trigram (
    trigram     TEXT NOT NULL,
    document_id BIGINT NOT NULL,
    PRIMARY KEY (trigram, document_id)
);
CREATE INDEX ix_catalog_search_trigram_document ON catalog_search_trigram (document_id);

-- A version's stored tool definitions as a JSON array; anything else (not JSON, not an array, not
-- UTF-8) as an empty one, so a malformed blob never fails the write that refreshes the document.
CREATE FUNCTION vouch_tools_array(tools BYTEA) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    parsed JSONB;
BEGIN
    IF tools IS NULL THEN
        RETURN '[]'::jsonb;
    END IF;
    parsed := convert_from(tools, 'UTF8')::jsonb;
    IF jsonb_typeof(parsed) = 'array' THEN
        RETURN parsed;
    END IF;
    RETURN '[]'::jsonb;
EXCEPTION WHEN OTHERS THEN
    RETURN '[]'::jsonb;
END
$$;
