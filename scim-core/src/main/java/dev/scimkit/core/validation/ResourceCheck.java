package dev.scimkit.core.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.ResourceType;

/**
 * A host's own rule for a resource type, run by the engine on create, replace and PATCH after the
 * resource has passed schema validation and before it reaches the store. A check rejects by
 * throwing {@link ScimException}, usually {@code ScimException.badRequest(ScimType.INVALID_VALUE,
 * "'emails.value' must be an address of example.com")}; returning normally accepts. Nothing is
 * stored when a check throws.
 *
 * <pre>{@code
 * ResourceCheck companyMail = (type, doc, ctx) -> {
 *   for (JsonNode email : doc.path("emails")) {
 *     if (!email.path("value").asText().endsWith("@example.com")) {
 *       throw ScimException.badRequest(ScimType.INVALID_VALUE,
 *           "'emails.value' must be an address of example.com");
 *     }
 *   }
 * };
 * }</pre>
 *
 * <p>The document is the resource as it would be stored, in the engine's canonical form:
 *
 * <ul>
 *   <li>for PATCH, the result of applying all operations, not the operations themselves;
 *   <li>attribute names spelled as in the schema ({@code userName}, never {@code USERNAME});
 *       values of the right JSON type (booleans are booleans, a manager is an object); absent
 *       attributes are missing keys, never {@code null} or {@code []};
 *   <li>extension attributes inside an object under the extension's URN ({@code
 *       doc.path(Schemas.ENTERPRISE_USER).path("employeeNumber")}); {@code schemas} lists the
 *       core schema and each extension present;
 *   <li>no {@code id} and no {@code meta}, nor other read-only attributes such as a user's {@code
 *       groups};
 *   <li>for a group, no {@code members}: membership is stored as deltas and never loaded for a
 *       check.
 * </ul>
 *
 * <p>The document is shared with the engine: a check must not modify it. Checks run on the
 * request's thread and may be called concurrently; they should be fast and should not call back
 * into the engine.
 */
@FunctionalInterface
public interface ResourceCheck {

  /**
   * Accepts the resource by returning, or rejects it by throwing.
   *
   * @param type the resource type of the document
   * @param document the resource as it would be stored (see the class description); read only
   * @param ctx the request's tenant, principal and request id, for rules that differ per tenant
   * @throws ScimException to reject the resource, with a detail safe to show to the client
   */
  void check(ResourceType type, ObjectNode document, RequestContext ctx);
}
