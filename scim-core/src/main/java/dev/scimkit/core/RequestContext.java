package dev.scimkit.core;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

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

  /** The rule {@link #isTenantName(String)} checks, in words. */
  private static final String TENANT_NAME_RULE = "1 to 64 of A-Z a-z 0-9 . _ - (not starting with a dot)";

  private static final Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  public RequestContext {
    requireNonNull(tenant, "tenant == null");
    requireNonNull(requestId, "requestId == null");
  }

  /**
   * Whether {@code name} is a tenant name: 1 to 64 of {@code A-Z a-z 0-9 . _ -}, not starting
   * with a dot. Tenant names appear in
   * URLs (one per organisation with {@code TenantResolver.fromPath()}), on command lines and in
   * log lines, so Scimkit names no other tenant: organisation tokens are created and registered
   * only for such names, and a path segment that is not one names no tenant. (A host's own
   * tenant resolver may still hand any non-null string to the stores.)
   */
  public static boolean isTenantName(String name) {
    return name != null && TENANT_NAME.matcher(name).matches();
  }

  /**
   * Returns {@code name} if it is a {@linkplain #isTenantName tenant name}.
   *
   * @throws IllegalArgumentException if it is not, with a message that names it and the rule
   */
  public static String requireTenantName(String name) {
    if (!isTenantName(name)) {
      throw new IllegalArgumentException(
          "not a tenant name: '" + name + "' (tenant names are " + TENANT_NAME_RULE + ")");
    }
    return name;
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
