package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Answers a malformed {@code Content-Type} or {@code Accept} header with a SCIM {@code 400}
 * before the runtime tries to match the request: runtimes parse these headers while choosing a
 * resource method, and some fail there with an empty {@code 400} or even a {@code 500} (Jersey,
 * for {@code Content-Type: application/json; q=x}).
 *
 * <p>Pre-matching filters see every request of the application; this one looks only at requests
 * addressed to Scimkit ({@link ScimScope}), so a host's own resources in a shared application
 * keep the runtime's (or their own) handling of such headers.
 */
@PreMatching
public final class HeaderGuardFilter implements ContainerRequestFilter {
  /** RFC 9110 section 12.4.2: {@code 0} to {@code 1} with at most three decimals. */
  private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

  private static final String TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
  private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E\\x80-\\xFF]|\\\\[\\t \\x21-\\x7E\\x80-\\xFF])*\"";

  /**
   * RFC 9110 section 8.3.1: {@code type "/" subtype *( OWS ";" OWS [ name "=" value ] )}. Checked
   * here because runtimes are lenient in different ways: RESTEasy takes {@code ;;;==} for a
   * type that matches anything.
   */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*[ \\t]*");

  /**
   * Header values found valid, so that a client's usual {@code Content-Type} and {@code Accept} are
   * not parsed again on every request (the parse was 6% of the allocation of a {@code POST}).
   * Bounded, since clients choose them: once full, further values are checked every time.
   */
  private static final int KNOWN_MAX = 64;

  private final Set<String> knownTypes = ConcurrentHashMap.newKeySet();
  private final Set<String> knownAccepts = ConcurrentHashMap.newKeySet();

  @Context private Configuration configuration;
  @Context private Application application;

  private final ScimScope.Lazy scope = new ScimScope.Lazy();

  @Override
  public void filter(ContainerRequestContext request) {
    if (EndpointRuntime.of(configuration) == null
        || !scope.get(application, configuration).covers(request.getUriInfo())) {
      return;
    }
    List<String> contentTypes = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    if (contentTypes != null && (contentTypes.size() > 1 || !isContentType(contentTypes.get(0)))) {
      reject(request, "The Content-Type header is not a single valid media type");
      return;
    }
    List<String> accepts = request.getHeaders().get(HttpHeaders.ACCEPT);
    if (accepts != null) {
      for (String accept : accepts) {
        if (!isAccept(accept)) {
          reject(request, "The Accept header is not a valid list of media ranges");
          return;
        }
      }
    }
  }

  private boolean isContentType(String value) {
    if (knownTypes.contains(value)) {
      return true;
    }
    return isMediaType(value, false) && remember(knownTypes, value);
  }

  private boolean isAccept(String value) {
    if (knownAccepts.contains(value)) {
      return true;
    }
    for (String range : value.split(",")) {
      if (!range.isBlank() && !isMediaType(range.trim(), true)) {
        return false;
      }
    }
    return remember(knownAccepts, value);
  }

  /** Adds a valid value to {@code known} while it has room; true. */
  private static boolean remember(Set<String> known, String value) {
    if (known.size() < KNOWN_MAX) {
      known.add(value);
    }
    return true;
  }

  private static boolean isMediaType(String value, boolean range) {
    if (!MEDIA_TYPE.matcher(value.trim()).matches()) {
      return false;
    }
    try {
      MediaType type = MediaType.valueOf(value);
      if (!range && (type.isWildcardType() || type.isWildcardSubtype())) {
        return false;
      }
      String q = type.getParameters().get("q");
      return q == null || QVALUE.matcher(q.trim()).matches();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void reject(ContainerRequestContext request, String detail) {
    request.abortWith(ErrorBodies.response(400, ErrorBodies.of(400, null, detail)));
  }
}
