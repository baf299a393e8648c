package dev.scimkit.core.resource;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import java.util.ArrayList;
import java.util.List;

/**
 * A SCIM group (RFC 7643 section 4.2), as an immutable value.
 *
 * <pre>{@code
 * Group admins = Group.builder()
 *     .displayName("Admins")
 *     .member("2819c223-7f76-453a-919d-413861904646")
 *     .build();
 * }</pre>
 *
 * <p>{@code members} is never {@code null}: a group without members, or one read with {@code
 * excludedAttributes=members}, has an empty list. {@code id} and {@code meta} are the server's.
 *
 * @param id the server's identifier of the group
 * @param externalId the provisioning client's identifier of the group
 * @param displayName the group's name; required, and unique (ignoring case) within a tenant
 * @param members the group's members, users or groups
 * @param meta the resource's metadata; read-only
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemas"})
public record Group(
    String id, String externalId, String displayName, List<GroupMember> members, Meta meta) {

  /** Copies {@code members}; {@code null} becomes empty and {@code null} elements are dropped. */
  public Group {
    members = ResourceJson.copy(members);
  }

  /**
   * Reads a group from a SCIM document in the engine's canonical form. Unknown attributes and
   * {@code schemas} are ignored.
   *
   * @throws IllegalArgumentException if {@code json} is not an object or a value has the wrong
   *     JSON type
   */
  public static Group fromJson(JsonNode json) {
    return ResourceJson.read(json, Group.class);
  }

  /**
   * Writes this group as a SCIM document: {@code schemas}, then every attribute that has a value
   * ({@code null}s, an empty member list and empty objects are left out).
   *
   * @return a new document, owned by the caller
   */
  public ObjectNode toJson() {
    return ResourceJson.write(this, Schemas.GROUP);
  }

  /** The schema URNs of a group: {@link Schemas#GROUP}. */
  @JsonProperty(value = "schemas", access = JsonProperty.Access.READ_ONLY)
  public List<String> schemas() {
    return List.of(Schemas.GROUP);
  }

  /** Starts a group. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this group's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.externalId = externalId;
    b.displayName = displayName;
    b.members.addAll(members);
    b.meta = meta;
    return b;
  }

  /**
   * Builds a {@link Group}. {@link #member} appends, {@link #members} replaces the list. Nothing is
   * required: the engine checks that {@code displayName} is present.
   */
  public static final class Builder {
    private String id;
    private String externalId;
    private String displayName;
    private final List<GroupMember> members = new ArrayList<>();
    private Meta meta;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    /** Appends a member named only by its id. */
    public Builder member(String id) {
      return member(GroupMember.of(requireNonNull(id, "id == null")));
    }

    public Builder member(GroupMember member) {
      members.add(requireNonNull(member, "member == null"));
      return this;
    }

    public Builder members(List<GroupMember> members) {
      requireNonNull(members, "members == null");
      this.members.clear();
      this.members.addAll(members);
      return this;
    }

    public Builder meta(Meta meta) {
      this.meta = meta;
      return this;
    }

    public Group build() {
      return new Group(id, externalId, displayName, members, meta);
    }
  }
}
