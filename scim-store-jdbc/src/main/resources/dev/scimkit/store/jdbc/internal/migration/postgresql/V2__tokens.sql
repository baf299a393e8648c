-- Scimkit JDBC store, schema version 2: organisation bearer tokens, kept only as SHA-256 hashes.
CREATE TABLE scim_token (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY,
  id          VARCHAR NOT NULL,
  tenant      VARCHAR NOT NULL,
  hash        VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  created_ns  BIGINT NOT NULL,
  expires_ns  BIGINT,
  revoked_ns  BIGINT,
  CONSTRAINT scim_token_pk PRIMARY KEY (id)
);

CREATE UNIQUE INDEX scim_token_hash ON scim_token (hash);
CREATE INDEX scim_token_tenant ON scim_token (tenant, created_ns, seq);
