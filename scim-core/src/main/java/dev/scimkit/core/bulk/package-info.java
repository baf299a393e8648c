/**
 * SCIM bulk requests (RFC 7644 section 3.7): many creates, replaces, patches and deletes in one
 * {@code POST /Bulk}, with {@code bulkId} cross-references between them.
 *
 * <p>The usual way in is {@link
 * dev.scimkit.core.ScimEngine#bulk(com.fasterxml.jackson.databind.JsonNode, long,
 * dev.scimkit.core.RequestContext, dev.scimkit.core.ResponseOptions)}; the HTTP layer passes
 * the parsed body and its size in bytes, and sends back the {@code BulkResponse} it gets with
 * status {@code 200}:
 *
 * <pre>{@code
 * ObjectNode response = engine.bulk(body, bodyBytes.length, ctx, ResponseOptions.at(baseUri));
 * }</pre>
 *
 * <h2>What a request may carry</h2>
 *
 * <ul>
 *   <li>{@code schemas} is not looked at: missing or wrong is fine. Keys ({@code Operations},
 *       {@code failOnErrors}, {@code method}, {@code path}, {@code bulkId}, {@code version},
 *       {@code data}) are matched ignoring case, and so are method names.
 *   <li>{@code path} is {@code /Users} for a POST and {@code /Users/{id}} for PUT, PATCH and
 *       DELETE, for any registered resource type endpoint. The id may be a reference, {@code
 *       /Groups/bulkId:qwerty}.
 *   <li>{@code version} is treated as {@code If-Match}: {@code W/"3"}, {@code "3"} or {@code *}.
 *       It is ignored on a POST.
 *   <li>{@code bulkId:<bulkId>} is a reference to the resource created by the POST with that
 *       {@code bulkId}, and is replaced by its id. A reference is a whole string value anywhere in
 *       {@code data} (a group's {@code members[].value}, the enterprise {@code manager}, a PATCH
 *       operation's {@code value}), the id in {@code path}, or, in a PATCH, a quoted literal inside
 *       an operation's {@code path} filter ({@code members[value eq "bulkId:qwerty"]}). A string
 *       that merely contains {@code bulkId:} elsewhere is left alone.
 * </ul>
 *
 * <h2>How it is carried out</h2>
 *
 * <ul>
 *   <li>Operations run one at a time through the engine's own create, replace, patch and delete,
 *       so normalisation, validation, host checks, tenancy and versions apply exactly as to single
 *       requests. An operation's changes stay when a later one fails; there is no rollback (the
 *       RFC asks for as many changes as possible).
 *   <li>Operations run in request order, except that an operation that references a {@code
 *       bulkId} runs after the POST that defines it (RFC 7644 section 3.7.2: a group may be
 *       POSTed before the users it lists).
 *   <li>{@code failOnErrors} (a positive integer) stops processing once that many operations have
 *       failed; operations not processed are not listed. Without it, every operation is tried.
 *   <li>The response lists the processed operations in request order, each with {@code method},
 *       its {@code bulkId} when it had one, {@code location} (absolute when the options carry a
 *       base URI; missing only for a failed POST and for an operation whose resource is not
 *       known), {@code version} (the entity tag after a successful POST, PUT or PATCH), and
 *       {@code status} as a string: {@code "201"} for POST, {@code "200"} for PUT and PATCH,
 *       {@code "204"} for DELETE. (A group PATCH is {@code "200"} too, as in the RFC's examples:
 *       the {@code 204} a single request gets only spares a body, and bulk entries carry none.)
 *       A failed operation also has a {@code response}: the SCIM Error body, with {@code status}
 *       as a string and {@code scimType} when there is one.
 * </ul>
 *
 * <h2>Errors</h2>
 *
 * <p>The whole request is refused, and nothing is changed, with a {@link
 * dev.scimkit.core.ScimException}:
 *
 * <ul>
 *   <li>{@code 413} when the body is larger than {@link
 *       dev.scimkit.core.BulkLimits#maxPayloadSize()} or has more operations than {@link
 *       dev.scimkit.core.BulkLimits#maxOperations()} (RFC 7644 section 3.7.4);
 *   <li>{@code 400 invalidSyntax} when the body is not a JSON object with an {@code Operations}
 *       array; {@code 400 invalidValue} when {@code failOnErrors} is not a positive integer.
 * </ul>
 *
 * <p>Everything else fails a single operation, whose {@code status} is the one a single request
 * would have had (RFC 7644 section 3.7.3):
 *
 * <ul>
 *   <li>{@code 400 invalidSyntax}: the operation is not an object; no or an unknown {@code
 *       method}; a POST without a {@code bulkId}; no {@code path}; a POST, PUT or PATCH without a
 *       {@code data} object; a {@code bulkId} or {@code version} that is not a string.
 *   <li>{@code 400 invalidPath}: a path that does not fit the method (a POST to {@code
 *       /Users/{id}}, a PUT, PATCH or DELETE of {@code /Users}).
 *   <li>{@code 400 invalidValue}: a second POST with a {@code bulkId} already used in the request.
 *   <li>{@code 404}: a path under no resource type endpoint, or an id the tenant does not have.
 *   <li>{@code 409}, no {@code scimType}: a reference to a {@code bulkId} that no POST of the
 *       request defines, or whose POST failed; and every POST of a circular reference (RFC 7644
 *       section 3.7.1 lets a server answer {@code 409} instead of resolving the cycle; this one
 *       always does, and the detail names the {@code bulkId}s of the cycle). RFC 7644 section
 *       3.12 defines no {@code scimType} for these, so none is made up.
 *   <li>whatever the engine answers for the operation itself: {@code 400} for invalid data, {@code
 *       409 uniqueness}, {@code 412} for a {@code version} that is not current.
 *   <li>{@code 500} with a generic detail (and the request id) for anything unexpected; the
 *       exception goes to the log, never into the response.
 * </ul>
 */
package dev.scimkit.core.bulk;
