-- Tokens exchanged for a publisher's proof of identity (OIDC, domain ownership) are short-lived:
-- they stop authenticating at expires_at (microseconds since the epoch). NULL: until revoked.
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
