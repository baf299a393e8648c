package dev.scimkit.core.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One committed change of one resource. It names what changed, never a value: no attribute
 * values at all are carried, so neither {@code password} nor any other {@code returned: never}
 * attribute can leak through an audit trail.
 *
 * @param at when the change was committed, by the engine's clock
 * @param tenant the tenant whose resource changed
 * @param actor who made the change: the request's principal (a token id, a JWT subject, a user
 *     name), never a secret; {@code null} when the host does not authenticate
 * @param requestId the request id, for correlation with other log lines; may be empty
 * @param operation what was done
 * @param resourceType the resource type's name ({@code "User"})
 * @param resourceId the resource's id
 * @param attributes the names of the attributes the change set, changed or removed, sorted: core
 *     attributes by name ({@code "displayName"}, {@code "name"}, {@code "members"}), extension
 *     attributes qualified by their schema URN ({@code
 *     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}); empty for a delete
 */
public record AuditEvent(
    Instant at,
    String tenant,
    String actor,
    String requestId,
    Operation operation,
    String resourceType,
    String resourceId,
    Set<String> attributes) {

  /** What a change did. */
  public enum Operation {
    /** {@code POST}: the resource was created. */
    CREATE,
    /** {@code PUT}: the resource was replaced. */
    REPLACE,
    /** {@code PATCH}: the resource was modified (also a change of a group's members only). */
    PATCH,
    /** {@code DELETE}: the resource was deleted. */
    DELETE
  }

  /** Creates an event; {@code attributes} is copied and sorted. */
  public AuditEvent {
    requireNonNull(at, "at == null");
    requireNonNull(tenant, "tenant == null");
    requireNonNull(requestId, "requestId == null");
    requireNonNull(operation, "operation == null");
    requireNonNull(resourceType, "resourceType == null");
    requireNonNull(resourceId, "resourceId == null");
    attributes = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(attributes, "attributes == null")));
  }
}
