-- Scimkit JDBC store, schema version 1 (PostgreSQL 14+).
--
-- One row per resource. The document is the resource's attributes as JSONB; the columns beside
-- it are what lookups, uniqueness and ordering need. *_key columns hold the value as Scimkit
-- compares it: folded with Java's String.toLowerCase(Locale.ROOT) unless the attribute is
-- caseExact, so the unique indexes agree exactly with the in-memory store and never depend on
-- the database's locale. Instants are epoch nanoseconds, so nothing is rounded.
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
  irregular        BOOLEAN NOT NULL DEFAULT FALSE,
  search_terms     TEXT[] NOT NULL DEFAULT '{}',
  document         JSONB NOT NULL,
  CONSTRAINT scim_resource_pk PRIMARY KEY (tenant, resource_type, id)
);

CREATE UNIQUE INDEX scim_resource_seq ON scim_resource (tenant, resource_type, seq);
CREATE UNIQUE INDEX scim_resource_user_name ON scim_resource (tenant, resource_type, user_name_key);
CREATE UNIQUE INDEX scim_resource_display_name ON scim_resource (tenant, resource_type, display_name_key);
CREATE INDEX scim_resource_external_id ON scim_resource (tenant, resource_type, external_id_key);
CREATE INDEX scim_resource_irregular ON scim_resource (tenant, resource_type) WHERE irregular;

-- Every scalar of the document, as Java folds it for comparison (numbers and very long strings
-- as markers): a necessary condition for an equality inside the document, so that a lookup such
-- as emails[type eq "work"].value eq "x" reads a handful of rows, not every one.
CREATE INDEX scim_resource_terms ON scim_resource USING gin (search_terms);

-- Unique attributes other than userName and displayName (custom resource types), one row each.
CREATE TABLE scim_unique_value (
  tenant        VARCHAR NOT NULL,
  resource_type VARCHAR NOT NULL,
  attribute     VARCHAR NOT NULL,
  value_key     VARCHAR NOT NULL,
  id            VARCHAR NOT NULL,
  CONSTRAINT scim_unique_value_pk PRIMARY KEY (tenant, resource_type, attribute, value_key)
);

CREATE INDEX scim_unique_value_owner ON scim_unique_value (tenant, resource_type, id);

-- Group membership, one row per member, indexed both ways: by group (the primary key, which also
-- makes adding a member a single insert whatever the group's size) and by member.
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

-- The elements of a multi-valued value: an array's elements, a single value itself, nothing for
-- SQL NULL or JSON null. Mirrors how the in-memory evaluator reads tolerant documents.
CREATE FUNCTION scim_elements(v JSONB) RETURNS SETOF JSONB
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
  SELECT e FROM jsonb_array_elements(
    CASE WHEN jsonb_typeof(v) = 'array' THEN v
         WHEN v IS NULL OR jsonb_typeof(v) = 'null' THEN '[]'::jsonb
         ELSE jsonb_build_array(v) END) AS t(e)
$$;

-- The values of sub-attribute "sub" of one element of a complex attribute: the elements of
-- element->sub for an object; the element itself for a bare scalar read as its "value".
CREATE FUNCTION scim_sub_values(e JSONB, sub VARCHAR) RETURNS SETOF JSONB
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
  SELECT x FROM scim_elements(
    CASE WHEN jsonb_typeof(e) = 'object' THEN e -> sub
         WHEN sub = 'value' AND jsonb_typeof(e) IN ('string', 'number', 'boolean') THEN e
         ELSE NULL END) AS t(x)
$$;

-- A string folded as Java's toLowerCase(Locale.ROOT) folds it, when that can be done without
-- the database's locale (ASCII letters, and the Kelvin sign that folds to 'k'); NULL ("do not
-- know") for any other text, which the store then checks in Java.
-- (A single expression without FROM, so that PostgreSQL inlines it.)
CREATE FUNCTION scim_fold(s VARCHAR) RETURNS VARCHAR
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
  SELECT CASE WHEN octet_length(replace(s, U&'\212A', 'k')) = char_length(replace(s, U&'\212A', 'k'))
              THEN translate(replace(s, U&'\212A', 'k'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
         END
$$;

-- "pr" of RFC 7644 as the in-memory evaluator reads it: not null, "", [] or {}, nor a container
-- of only such values (looked into four levels deep, then a non-empty container is enough).
CREATE FUNCTION scim_present(v JSONB) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
  SELECT v IS NOT NULL AND (
    jsonb_path_exists(v, 'strict $.**{0 to 4} ? (@.type() == "number" || @.type() == "boolean" || (@.type() == "string" && @ != ""))')
    OR jsonb_path_exists(v, 'strict $.**{4} ? (exists (@.*) || exists (@[*]))'))
$$;
