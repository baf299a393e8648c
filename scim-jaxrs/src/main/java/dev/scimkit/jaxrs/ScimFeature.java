package dev.scimkit.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers Scimkit's providers (SCIM error bodies for every failure of a SCIM request, the
 * response headers, the request filters) on a host's configuration; a provider already registered
 * is left alone. The resource class itself is not registered, nor the properties: use {@link
 * Scimkit#classes()} (or {@link Scimkit#classes(Class)}) and {@link
 * Scimkit#properties(ScimHttpConfig)}, or {@link ScimApplication}, for those.
 *
 * <pre>{@code
 * resourceConfig.register(new ScimFeature());
 * }</pre>
 */
public final class ScimFeature implements Feature {
  @Override
  public boolean configure(FeatureContext context) {
    for (Class<?> provider : Scimkit.providerClasses()) {
      if (!context.getConfiguration().isRegistered(provider)) {
        context.register(provider);
      }
    }
    return true;
  }
}
