package dev.scimkit.jaxrs;

import dev.scimkit.core.RequestContext;
import java.security.Principal;
import java.util.Optional;

/**
 * Maps the authenticated principal to the id of its own User, for {@code /Me} (RFC 7644 section
 * 3.11). Without a resolver {@code /Me} answers {@code 501 Not Implemented}.
 */
@FunctionalInterface
public interface MeResolver {

  /**
   * The id of the caller's User resource, or empty when the caller has none ({@code /Me} then
   * answers {@code 404}).
   */
  Optional<String> userId(Principal principal, RequestContext ctx);
}
