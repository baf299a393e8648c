package dev.scimkit.core.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A resource as a store keeps it.
 *
 * <p>The {@code document} holds the resource's attributes with the schema's spelling of names
 * (core attributes at the top level, extension attributes under their schema URN), including
 * {@code schemas} and {@code externalId}, but not {@code id} or {@code meta}, which are the other
 * components here, and not group {@code members}, which a {@link GroupStore} keeps as
 * membership. Stores and the engine treat documents as immutable once stored: neither side
 * changes a document it has handed over or received.
 *
 * @param id the resource id, unique within the tenant and type
 * @param version the optimistic-locking version; a store increments it on every change
 * @param created when the resource was created
 * @param lastModified when it last changed
 * @param document the attributes
 */
public record StoredResource(
    String id, long version, Instant created, Instant lastModified, ObjectNode document) {

  public StoredResource {
    requireNonNull(id, "id == null");
    requireNonNull(created, "created == null");
    requireNonNull(lastModified, "lastModified == null");
    requireNonNull(document, "document == null");
  }

  /** This resource with another version, modification time and document. */
  public StoredResource withChange(long version, Instant lastModified, ObjectNode document) {
    return new StoredResource(id, version, created, lastModified, document);
  }
}
