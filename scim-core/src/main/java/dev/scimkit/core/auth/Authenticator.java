package dev.scimkit.core.auth;

import java.util.Optional;

/**
 * Decides who presented a bearer token, and for which tenant. The HTTP layer calls it with the
 * token of each request's {@code Authorization: Bearer} header; a request whose token is not
 * recognised is answered {@code 401}.
 *
 * <p>Scimkit ships two implementations: organisation tokens ({@link
 * OrganizationTokens#authenticator()}, over any {@link TokenStore}) and, in the {@code
 * scim-auth-jwt} module, validation of Entra-issued JWTs. A host may write its own.
 *
 * <p>Implementations must be thread-safe, must not keep or log the token, and must not put it into
 * an exception message: a token that is not valid is answered with {@link Optional#empty()}, not
 * with an exception. An exception means the authenticator could not decide (its database is down,
 * say) and is answered as a server error, so that a client keeps its token and retries.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * Authenticates a bearer token.
   *
   * @param bearerToken the token as presented, without the {@code Bearer} scheme; never {@code
   *     null} or empty
   * @return the tenant and principal the token stands for, or empty when it does not authenticate
   *     (unknown, malformed, revoked, expired, wrongly signed ...): the caller must not learn which
   */
  Optional<Authenticated> authenticate(String bearerToken);
}
