package dev.vouch.store;

import static dev.vouch.store.Tables.ApiTokens.ALL;
import static dev.vouch.store.Tables.ApiTokens.CREATED_AT;
import static dev.vouch.store.Tables.ApiTokens.DESCRIPTION;
import static dev.vouch.store.Tables.ApiTokens.EXPIRES_AT;
import static dev.vouch.store.Tables.ApiTokens.GRANTS;
import static dev.vouch.store.Tables.ApiTokens.ID;
import static dev.vouch.store.Tables.ApiTokens.REVOKED_AT;
import static dev.vouch.store.Tables.ApiTokens.ROLE;
import static dev.vouch.store.Tables.ApiTokens.TABLE;
import static dev.vouch.store.Tables.ApiTokens.TOKEN_HASH;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** API tokens, looked up by the hash of their secret. */
public final class TokenRepository {

    // Grants are name patterns, which cannot contain a space.
    private static final String GRANT_SEPARATOR = " ";

    private final DSLContext dsl;

    TokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(StoredToken token) {
        dsl.insertInto(TABLE)
                .set(ID, token.id())
                .set(TOKEN_HASH, token.tokenHash())
                .set(ROLE, token.role())
                .set(GRANTS, String.join(GRANT_SEPARATOR, token.grants()))
                .set(DESCRIPTION, token.description().orElse(null))
                .set(CREATED_AT, Micros.of(token.createdAt()))
                .set(EXPIRES_AT, token.expiresAt().map(Micros::of).orElse(null))
                .execute();
    }

    /** The token whose secret hashes to {@code tokenHash}, unless it was revoked; expiry is the caller's check. */
    public Optional<StoredToken> findActiveByHash(String tokenHash) {
        return dsl.select(ALL)
                .from(TABLE)
                .where(TOKEN_HASH.eq(tokenHash).and(REVOKED_AT.isNull()))
                .fetchOptional(TokenRepository::toStored);
    }

    public List<StoredToken> list() {
        return dsl.select(ALL).from(TABLE).orderBy(CREATED_AT.asc(), ID.asc()).fetch(TokenRepository::toStored);
    }

    /** @return whether an active token with that id existed */
    public boolean revoke(String id, Instant at) {
        return dsl.update(TABLE)
                        .set(REVOKED_AT, Micros.of(at))
                        .where(ID.eq(id).and(REVOKED_AT.isNull()))
                        .execute()
                == 1;
    }

    private static StoredToken toStored(Record r) {
        String grants = r.get(GRANTS);
        return new StoredToken(
                r.get(ID),
                r.get(TOKEN_HASH),
                r.get(ROLE),
                grants.isEmpty() ? List.of() : Arrays.asList(grants.split(GRANT_SEPARATOR)),
                Optional.ofNullable(r.get(DESCRIPTION)),
                Micros.toInstant(r.get(CREATED_AT)),
                Optional.ofNullable(r.get(REVOKED_AT)).map(Micros::toInstant),
                Optional.ofNullable(r.get(EXPIRES_AT)).map(Micros::toInstant));
    }
}
