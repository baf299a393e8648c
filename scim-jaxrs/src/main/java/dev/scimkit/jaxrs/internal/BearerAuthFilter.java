package dev.scimkit.jaxrs.internal;

import dev.scimkit.core.auth.Authenticated;
import dev.scimkit.core.auth.Authenticator;
import dev.scimkit.jaxrs.ScimHttpConfig;
import dev.scimkit.jaxrs.ScimPrincipal;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request to Scimkit's resource with the configured {@link Authenticator}
 * (RFC 6750 bearer tokens) and runs it as a {@link ScimPrincipal}. Does nothing without an
 * authenticator, and nothing to a host's own resources.
 *
 * <p>Every failure is the same {@code 401}, whatever the reason (no header, another scheme, an
 * unknown, revoked or expired token, a token of another tenant), so an answer tells an attacker
 * nothing but "no". The token is never logged and never put into a response.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthFilter.class);

  /** The longest token looked at: Entra's JWTs are 1 to 3 KB; anything this long is not one. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** RFC 6750 section 2.1: {@code Bearer} (any case), spaces, a b64token. */
  private static final Pattern BEARER =
      Pattern.compile("[Bb][Ee][Aa][Rr][Ee][Rr] +([A-Za-z0-9\\-._~+/]+=*) *");

  @Context private Configuration configuration;
  @Context private ResourceInfo resourceInfo;
  @Context private HttpHeaders headers;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!ScimScope.isScimResource(request, resourceInfo)) {
      return;
    }
    EndpointRuntime runtime = EndpointRuntime.of(configuration);
    if (runtime == null || runtime.config().authenticator() == null) {
      return;
    }
    ScimHttpConfig config = runtime.config();
    List<String> values = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (values == null || values.isEmpty()) {
      request.abortWith(challenge(config, false));
      return;
    }
    String token = values.size() == 1 ? bearerToken(values.get(0)) : null;
    if (token == null) {
      request.abortWith(challenge(config, true));
      return;
    }
    Optional<Authenticated> who;
    try {
      who = config.authenticator().authenticate(token);
    } catch (RuntimeException e) {
      // The authenticator could not decide (its store is down): not the client's fault, so not a
      // 401 that would make an identity provider give up on a good token.
      String reference = UUID.randomUUID().toString();
      LOG.error("the authenticator failed (reference {})", reference, e);
      request.abortWith(
          ErrorBodies.response(
              500, ErrorBodies.of(500, null, "An unexpected error occurred (reference " + reference + ")")));
      return;
    }
    if (who == null || who.isEmpty()) {
      request.abortWith(challenge(config, true));
      return;
    }
    Authenticated authenticated = who.get();
    SecurityContext security =
        new TokenSecurityContext(
            new ScimPrincipal(authenticated.tenant(), authenticated.principal()),
            request.getSecurityContext() != null && request.getSecurityContext().isSecure());
    String tenant = config.tenantResolver().tenant(security, headers, request.getUriInfo());
    if (!authenticated.tenant().equals(tenant)) {
      request.abortWith(challenge(config, true));
      return;
    }
    request.setSecurityContext(security);
  }

  /** The token of an {@code Authorization: Bearer} header value, or {@code null}. */
  static String bearerToken(String header) {
    if (header == null || header.length() > MAX_TOKEN_LENGTH + 32) {
      return null;
    }
    Matcher m = BEARER.matcher(header.trim());
    return m.matches() ? m.group(1) : null;
  }

  /**
   * The {@code 401}: {@code WWW-Authenticate: Bearer realm="..."}, with {@code
   * error="invalid_token"} when a credential was presented (RFC 6750 section 3), and no detail
   * that tells why.
   */
  static jakarta.ws.rs.core.Response challenge(ScimHttpConfig config, boolean presented) {
    String challenge = "Bearer realm=\"" + config.realm() + "\"" + (presented ? ", error=\"invalid_token\"" : "");
    String detail =
        presented
            ? "The bearer token is not valid for this endpoint"
            : "Authentication is required: send Authorization: Bearer <token>";
    return ErrorBodies.builder(401, ErrorBodies.of(401, null, detail))
        .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .build();
  }

  private record TokenSecurityContext(ScimPrincipal principal, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
