package dev.scimkit.jaxrs.internal;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which requests of an application are Scimkit's, so that its providers act on those alone: a
 * host's own resources in the same application keep their own authentication, errors and media
 * types.
 *
 * <p>A request matched to a resource method is Scimkit's when that method is one of {@link
 * ScimEndpoint}'s. A request matched to none (an unknown path, a wrong method, a media type no
 * method takes, or a filter running before matching) is Scimkit's when its path lies under the
 * path of a SCIM resource class registered in the application: anywhere for {@link ScimEndpoint}
 * itself (SCIM at the application's root), under {@code scim/v2} for a {@code
 * ScimEndpoints} subclass annotated {@code @Path("scim/v2")}.
 *
 * <p>Computed once per application from its classes and singletons (as the application and as
 * the runtime's configuration see them); when no SCIM resource class is found there, every
 * unmatched request is taken to be Scimkit's, as in an application of Scimkit's own.
 */
final class ScimScope {
  /** Path prefixes under the application's root, without slashes at either end; "" is all. */
  private final List<String> roots;

  private ScimScope(List<String> roots) {
    this.roots = roots;
  }

  /** The scope of the application that {@code application} and {@code configuration} describe. */
  static ScimScope of(Application application, Configuration configuration) {
    List<String> roots = new ArrayList<>();
    if (application != null) {
      addRoots(application.getClasses(), roots);
      addRoots(instanceClasses(application.getSingletons()), roots);
    }
    if (configuration != null) {
      addRoots(configuration.getClasses(), roots);
      addRoots(instanceClasses(configuration.getInstances()), roots);
    }
    if (roots.isEmpty() || roots.contains("")) {
      return new ScimScope(List.of(""));
    }
    return new ScimScope(List.copyOf(roots));
  }

  /** Whether {@code resource} is a SCIM resource class. */
  static boolean isScimResource(Class<?> resource) {
    return resource != null && ScimEndpoint.class.isAssignableFrom(resource);
  }

  /** Whether the request was matched to a SCIM resource method. */
  static boolean isScimResource(ContainerRequestContext request, ResourceInfo matched) {
    return isScimResource(matchedClass(request, matched));
  }

  /**
   * Whether the request is Scimkit's: matched to a SCIM resource method, or matched to nothing
   * and addressed to a path under a SCIM resource class.
   */
  boolean covers(ContainerRequestContext request, ResourceInfo matched) {
    Class<?> resource = matchedClass(request, matched);
    return resource != null ? isScimResource(resource) : covers(request.getUriInfo());
  }

  /** The request property in which the first provider to ask keeps the matched class. */
  private static final String MATCHED = ScimScope.class.getName() + ".matched";

  /**
   * The resource class the request was matched to, or {@code null}: found once per request and
   * kept as a request property for the other providers. The request's own {@link UriInfo} names
   * the matched resource instance where the runtime has made it before filters run (Jersey does);
   * else {@code matched} is asked, an injected {@link ResourceInfo}: a proxy whose every call
   * looks the request up again (with Jersey, 4% of the CPU of a {@code GET /Users/{id}}). Only
   * for providers that run after matching.
   */
  private static Class<?> matchedClass(ContainerRequestContext request, ResourceInfo matched) {
    Object known = request.getProperty(MATCHED);
    if (known != null) {
      return known instanceof Class<?> c ? c : null;
    }
    List<Object> instances = request.getUriInfo().getMatchedResources();
    Class<?> resource =
        !instances.isEmpty()
            ? instances.get(0).getClass()
            : matched == null ? null : matched.getResourceClass();
    request.setProperty(MATCHED, resource == null ? Boolean.FALSE : resource);
    return resource;
  }

  /** Whether SCIM sits at the application's root, taking every request no host resource takes. */
  boolean atRoot() {
    return roots.get(0).isEmpty();
  }

  /** Whether the request's path lies under a SCIM resource class. */
  boolean covers(UriInfo uri) {
    if (atRoot()) {
      return true;
    }
    String path = strip(uri.getPath());
    for (String root : roots) {
      if (path.equals(root) || path.startsWith(root + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A provider's scope, computed on first use: providers are created once per application, and
   * the application's classes do not change once it runs.
   */
  static final class Lazy {
    private volatile ScimScope scope;

    ScimScope get(Application application, Configuration configuration) {
      ScimScope s = scope;
      if (s == null) {
        s = of(application, configuration);
        scope = s;
      }
      return s;
    }
  }

  /**
   * The path of a SCIM resource class without slashes at either end: its own {@code @Path}, or
   * that of the nearest superclass with one (a runtime's proxy subclass has none of its own).
   */
  static String pathOf(Class<?> resource) {
    for (Class<?> c = resource; c != null; c = c.getSuperclass()) {
      Path path = c.getAnnotation(Path.class);
      if (path != null) {
        return strip(path.value());
      }
    }
    return "";
  }

  private static void addRoots(Collection<Class<?>> classes, List<String> roots) {
    if (classes == null) {
      return;
    }
    for (Class<?> c : classes) {
      if (isScimResource(c)) {
        String root = pathOf(c);
        if (!roots.contains(root)) {
          roots.add(root);
        }
      }
    }
  }

  private static List<Class<?>> instanceClasses(Collection<Object> instances) {
    List<Class<?>> classes = new ArrayList<>();
    if (instances != null) {
      instances.forEach(i -> classes.add(i.getClass()));
    }
    return classes;
  }

  /** The path without slashes at either end. */
  static String strip(String path) {
    int from = 0;
    int to = path.length();
    while (from < to && path.charAt(from) == '/') {
      from++;
    }
    while (to > from && path.charAt(to - 1) == '/') {
      to--;
    }
    return path.substring(from, to);
  }
}
