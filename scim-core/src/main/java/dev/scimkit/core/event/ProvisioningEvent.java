package dev.scimkit.core.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One committed provisioning change, as the host application needs to act on it: a user was
 * created, changed, deactivated (Entra's soft delete, Okta's deprovisioning), reactivated or
 * deleted; a group was created, renamed, changed or deleted; members were added to or removed from
 * a group. A listener never sees a change that was rolled back, and sees the changes of one
 * resource in the order they were made.
 *
 * <p>Each change of a resource is one event of the most specific {@link Type}: a PATCH that sets
 * {@code active} to {@code false} and changes {@code title} too is one {@link Type#DEACTIVATED}
 * whose {@link #attributes()} name both. Membership changes are events of the group, apart from
 * the change of its document; deleting a user also removes it from its groups, which is a {@link
 * Type#MEMBERS_REMOVED} of each.
 *
 * @param id this event's unique id: the idempotency key of a delivery that may be repeated
 * @param type what happened
 * @param tenant the tenant whose resource changed
 * @param resourceType the resource type's name ({@code "User"}, {@code "Group"})
 * @param resourceId the resource's id
 * @param externalId the resource's {@code externalId} after the change (before it, for a delete),
 *     or {@code null}
 * @param version the resource's version after the change (for a delete: the version deleted)
 * @param at when the change was made, by the engine's clock
 * @param attributes the names of the attributes the change set, changed or removed, as {@link
 *     dev.scimkit.core.audit.AuditEvent#attributes()} names them; empty for membership events
 *     and deletes
 * @param values for the attributes the host asked for ({@link
 *     dev.scimkit.core.ScimEngine.Builder#eventValues}) that changed: the value before and after
 * @param members the ids of the members added or removed, in the order of the request; empty for
 *     other events
 * @param actor the request's principal (a token id), never a secret; may be {@code null}
 * @param requestId the request id, for correlation with logs; may be empty
 */
public record ProvisioningEvent(
    String id,
    Type type,
    String tenant,
    String resourceType,
    String resourceId,
    String externalId,
    long version,
    Instant at,
    Set<String> attributes,
    Map<String, ValueChange> values,
    List<String> members,
    String actor,
    String requestId) {

  /** What happened to the resource. */
  public enum Type {
    /** The resource was created. */
    CREATED,
    /** The resource changed, and none of the more specific types applies. */
    UPDATED,
    /** A user's {@code active} went from {@code true} (or absent) to {@code false}. */
    DEACTIVATED,
    /** A user's {@code active} went from {@code false} to {@code true} (or absent). */
    REACTIVATED,
    /** A group's {@code displayName} changed. */
    RENAMED,
    /** The resource was deleted. */
    DELETED,
    /** Members were added to a group: {@link #members()} are their ids. */
    MEMBERS_ADDED,
    /** Members were removed from a group: {@link #members()} are their ids. */
    MEMBERS_REMOVED
  }

  /**
   * An attribute's value before and after a change, as JSON; {@code null} where it was or is
   * absent.
   */
  public record ValueChange(JsonNode before, JsonNode after) {}

  /** Creates an event; the collections are copied. */
  public ProvisioningEvent {
    requireNonNull(id, "id == null");
    requireNonNull(type, "type == null");
    requireNonNull(tenant, "tenant == null");
    requireNonNull(resourceType, "resourceType == null");
    requireNonNull(resourceId, "resourceId == null");
    requireNonNull(at, "at == null");
    requireNonNull(requestId, "requestId == null");
    attributes = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(attributes, "attributes == null")));
    values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values == null")));
    members = List.copyOf(requireNonNull(members, "members == null"));
  }
}
