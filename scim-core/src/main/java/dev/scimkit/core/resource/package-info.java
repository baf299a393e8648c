/**
 * Typed, immutable views of the standard SCIM resources ({@link dev.scimkit.core.resource.User},
 * {@link dev.scimkit.core.resource.Group}) for host code that would rather not walk JSON trees.
 *
 * <p>Each view converts from and to the engine's canonical JSON document ({@code fromJson} /
 * {@code toJson}) and has a fluent builder for creating resources in code:
 *
 * <pre>{@code
 * User user = User.builder()
 *     .userName("bjensen")
 *     .name("Barbara", "Jensen")
 *     .email("bjensen@example.com", "work", true)
 *     .active(true)
 *     .build();
 * ObjectNode json = user.toJson();   // {"schemas":[...User],"userName":"bjensen",...}
 * }</pre>
 *
 * <p>The views carry the attributes of RFC 7643 sections 4.1 to 4.3 only: attributes of other
 * extension schemas are dropped by {@code fromJson}; keep the JSON document where they matter.
 * Lists are never {@code null} (an absent multi-valued attribute is an empty list); single values
 * are {@code null} when absent. The records bind with any Jackson {@code ObjectMapper}, ignoring
 * unknown properties and omitting absent values.
 */
package dev.scimkit.core.resource;
