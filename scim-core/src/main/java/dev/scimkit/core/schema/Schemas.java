package dev.scimkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The standard schema URNs and the RFC 7643 schemas and resource types, ready to use.
 *
 * <p>One deliberate difference from the RFC's listing: the Group {@code displayName} has {@code
 * uniqueness: server}, because Entra ID and Okta expect {@code 409 uniqueness} for a duplicate
 * group name.
 */
public final class Schemas {
  private Schemas() {}

  public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  public static final String ENTERPRISE_USER =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  public static final String SERVICE_PROVIDER_CONFIG =
      "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  public static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
  public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  public static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
  public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  public static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  public static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

  private static final Schema USER_SCHEMA = load("User.json");
  private static final Schema GROUP_SCHEMA = withUniqueDisplayName(load("Group.json"));
  private static final Schema ENTERPRISE_USER_SCHEMA = load("EnterpriseUser.json");
  private static final Schema SERVICE_PROVIDER_CONFIG_SCHEMA = load("ServiceProviderConfig.json");
  private static final Schema RESOURCE_TYPE_SCHEMA = load("ResourceType.json");
  private static final Schema SCHEMA_SCHEMA = load("Schema.json");

  private static final ResourceType USER_TYPE =
      ResourceType.builder("User", "/Users", USER_SCHEMA)
          .description("User Account")
          .extension(ENTERPRISE_USER_SCHEMA, false)
          .build();
  private static final ResourceType GROUP_TYPE =
      ResourceType.builder("Group", "/Groups", GROUP_SCHEMA).description("Group").build();

  /** The User schema of RFC 7643 section 4.1. */
  public static Schema user() {
    return USER_SCHEMA;
  }

  /** The Group schema of RFC 7643 section 4.2, with {@code displayName} unique. */
  public static Schema group() {
    return GROUP_SCHEMA;
  }

  /** The Enterprise User extension of RFC 7643 section 4.3. */
  public static Schema enterpriseUser() {
    return ENTERPRISE_USER_SCHEMA;
  }

  /** The schema of {@code /ServiceProviderConfig} (RFC 7643 section 5). */
  public static Schema serviceProviderConfig() {
    return SERVICE_PROVIDER_CONFIG_SCHEMA;
  }

  /** The schema of {@code /ResourceTypes} (RFC 7643 section 6). */
  public static Schema resourceType() {
    return RESOURCE_TYPE_SCHEMA;
  }

  /** The schema of {@code /Schemas} (RFC 7643 section 7). */
  public static Schema schema() {
    return SCHEMA_SCHEMA;
  }

  /** The User resource type at {@code /Users}, with the Enterprise User extension (optional). */
  public static ResourceType userType() {
    return USER_TYPE;
  }

  /** The Group resource type at {@code /Groups}. */
  public static ResourceType groupType() {
    return GROUP_TYPE;
  }

  private static Schema load(String file) {
    try (InputStream in = Schemas.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + file);
      }
      JsonNode json = new ObjectMapper().readTree(in);
      return Schema.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema resource " + file, e);
    }
  }

  private static Schema withUniqueDisplayName(Schema group) {
    Schema.Builder b = Schema.builder(group.id()).name(group.name()).description(group.description());
    for (Attribute a : group.attributes()) {
      b.attribute(
          a.name().equals("displayName") ? a.toBuilder().uniqueness(Uniqueness.SERVER).build() : a);
    }
    return b.build();
  }
}
