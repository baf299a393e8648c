package dev.scimkit.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers Scimkit's providers (SCIM error bodies for every failure, the response headers) on a
 * host's configuration; a provider already registered is left alone. The resource class itself is not
 * registered: use {@link Scimkit#classes()} or {@link ScimApplication} for that.
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
