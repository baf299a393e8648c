-- Scimkit JDBC store, schema version 1 (H2 2.x). The same tables as on PostgreSQL; the
-- document is kept as the JSON text the store wrote, since H2 cannot query inside JSON.
CREATE TABLE scim_resource (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY,
  tenant           VARCHAR NOT NULL,
  resource_type    VARCHAR NOT NULL,
  id               VARCHAR NOT NULL,
  version          BIGINT NOT NULL,
  created_ns       BIGINT NOT NULL,
  modified_ns      BIGINT NOT NULL,
  user_name_key    VARCHAR,
  display_name     VARCHAR,
  display_name_key VARCHAR,
  external_id_key  VARCHAR,
  irregular        BOOLEAN DEFAULT FALSE NOT NULL,
  document         VARCHAR NOT NULL,
  CONSTRAINT scim_resource_pk PRIMARY KEY (tenant, resource_type, id)
);

CREATE UNIQUE INDEX scim_resource_seq ON scim_resource (tenant, resource_type, seq);
CREATE UNIQUE INDEX scim_resource_user_name ON scim_resource (tenant, resource_type, user_name_key);
CREATE UNIQUE INDEX scim_resource_display_name ON scim_resource (tenant, resource_type, display_name_key);
CREATE INDEX scim_resource_external_id ON scim_resource (tenant, resource_type, external_id_key);
CREATE INDEX scim_resource_irregular ON scim_resource (tenant, resource_type, irregular);

CREATE TABLE scim_unique_value (
  tenant        VARCHAR NOT NULL,
  resource_type VARCHAR NOT NULL,
  attribute     VARCHAR NOT NULL,
  value_key     VARCHAR NOT NULL,
  id            VARCHAR NOT NULL,
  CONSTRAINT scim_unique_value_pk PRIMARY KEY (tenant, resource_type, attribute, value_key)
);

CREATE INDEX scim_unique_value_owner ON scim_unique_value (tenant, resource_type, id);

CREATE TABLE scim_member (
  seq         BIGINT GENERATED ALWAYS AS IDENTITY,
  tenant      VARCHAR NOT NULL,
  group_type  VARCHAR NOT NULL,
  group_id    VARCHAR NOT NULL,
  member_id   VARCHAR NOT NULL,
  member_key  VARCHAR NOT NULL,
  member_type VARCHAR,
  CONSTRAINT scim_member_pk PRIMARY KEY (tenant, group_type, group_id, member_id)
);

CREATE INDEX scim_member_by_member ON scim_member (tenant, group_type, member_key, group_id);
CREATE INDEX scim_member_order ON scim_member (tenant, group_type, group_id, seq);
