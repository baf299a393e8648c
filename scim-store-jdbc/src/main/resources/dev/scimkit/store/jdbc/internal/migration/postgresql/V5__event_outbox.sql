-- Scimkit JDBC store, schema version 5: the outbox of provisioning events.
--
-- A request's events are inserted in the request's own transaction, so they exist exactly when
-- its change committed. Delivery numbers them (position) in the order they became visible, one
-- numbering step at a time (the sequencer row is its lock), so that a consumer's progress is one
-- number that never skips an event committed late.
CREATE TABLE scim_event (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY,
  id            VARCHAR NOT NULL,
  tenant        VARCHAR NOT NULL,
  resource_type VARCHAR NOT NULL,
  resource_id   VARCHAR NOT NULL,
  created_ns    BIGINT NOT NULL,
  position      BIGINT,
  payload       TEXT NOT NULL,
  CONSTRAINT scim_event_pk PRIMARY KEY (seq)
);

CREATE UNIQUE INDEX scim_event_id ON scim_event (id);
CREATE UNIQUE INDEX scim_event_position ON scim_event (position);
CREATE INDEX scim_event_unpositioned ON scim_event (seq) WHERE position IS NULL;

CREATE TABLE scim_event_sequencer (
  name          VARCHAR NOT NULL,
  last_position BIGINT NOT NULL,
  CONSTRAINT scim_event_sequencer_pk PRIMARY KEY (name)
);

INSERT INTO scim_event_sequencer (name, last_position) VALUES ('events', 0);

-- One row per named listener: how far delivery got, and which instance may deliver until when.
CREATE TABLE scim_event_consumer (
  consumer       VARCHAR NOT NULL,
  last_position  BIGINT NOT NULL,
  owner          VARCHAR,
  lease_until_ns BIGINT NOT NULL,
  CONSTRAINT scim_event_consumer_pk PRIMARY KEY (consumer)
);
