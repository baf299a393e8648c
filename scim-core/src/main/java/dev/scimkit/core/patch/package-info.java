/**
 * SCIM PATCH (RFC 7644 section 3.5.2) as real clients send it.
 *
 * <p>Two steps, both free of I/O:
 *
 * <pre>{@code
 * PatchRequest request = PatchRequest.fromJson(body);            // 400 on a malformed body
 * PatchResult result = PatchApplier.forType(Schemas.groupType())
 *     .apply(storedDocument, request, () -> store.members(id, ctx));
 * if (result.documentChanged()) { store.replace(id, result.document(), version, ctx); }
 * if (result.membership() != null) { ... addMembers / removeMembers / replaceMembers ... }
 * }</pre>
 *
 * <p>Besides the RFC, every PATCH dialect of {@code CLIENTS.md} is understood without
 * configuration: Entra ID's capitalised op names, booleans sent as strings, path-less values with
 * dotted and URN-qualified keys, value paths that create the element they name, the enterprise
 * {@code manager} sent as a plain string or removed with {@code {"value":""}}, member removal with
 * a value array, and Okta's path-less replace that carries the resource's {@code id}.
 *
 * <p>Group membership never travels inside documents: member operations are folded into a
 * {@link dev.scimkit.core.patch.MembershipChange} that a store applies as deltas.
 */
package dev.scimkit.core.patch;
