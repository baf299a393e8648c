package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

/**
 * Who is asking, for which tenant: passed to every store call so that each call is scoped to
 * exactly one tenant.
 *
 * @param tenant the tenant (organization) every read and write of this request is confined to
 * @param principal the authenticated caller (a token id or a user name), never a secret; may be
 *     {@code null} when the host does not authenticate
 * @param requestId an id for correlating log lines; never {@code null}
 */
public record RequestContext(String tenant, String principal, String requestId) {

  /** The tenant used when a host has only one. */
  public static final String DEFAULT_TENANT = "default";

  public RequestContext {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(requestId, "requestId == null");
  }

  /** A context for {@code tenant} with no principal and an empty request id. */
  public static RequestContext of(String tenant) {
    return new RequestContext(tenant, null, "");
  }

  /** A context for the {@link #DEFAULT_TENANT}. */
  public static RequestContext defaultTenant() {
    return of(DEFAULT_TENANT);
  }
}
