-- Scimkit JDBC store, schema version 6 (H2): the search terms of each document in a table of
-- their own, indexed, as PostgreSQL keeps them in its GIN-indexed search_terms column. A filter
-- on an attribute inside the document (Entra's emails[type eq "work"].value eq "...") first
-- narrows the rows to those having one of the literal's terms, then is decided in Java.
-- Documents stored before this version get their terms from the migration itself (in Java,
-- right after this script, in the same transaction). The store writes and deletes a resource's
-- terms with the resource itself; no foreign key, which would cost a lookup per term written.
CREATE TABLE scim_search_term (
  tenant        VARCHAR NOT NULL,
  resource_type VARCHAR NOT NULL,
  id            VARCHAR NOT NULL,
  term          VARCHAR NOT NULL,
  CONSTRAINT scim_search_term_pk PRIMARY KEY (tenant, resource_type, term, id)
);

CREATE INDEX scim_search_term_owner ON scim_search_term (tenant, resource_type, id);
