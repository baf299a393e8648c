package dev.scimkit.jaxrs.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimkit.jaxrs.ScimEndpoints;
import dev.scimkit.jaxrs.Scimkit;
import dev.scimkit.jaxrs.http.HostApplication;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** {@link Scimkit#classes(Class)} takes only an endpoints class that says plainly where it is. */
class ScimkitClassesTest {
  static class NoPath extends ScimEndpoints {}

  @Path("{tenant}/scim")
  static class Templated extends ScimEndpoints {}

  @Path("/")
  static class AtRoot extends ScimEndpoints {}

  @Path("scim/v2")
  abstract static class Abstract extends ScimEndpoints {}

  @Test
  void classes_ofAnEndpointsClass_areItAndTheProviders_withoutTheRootResource() {
    assertThat(Scimkit.classes(HostApplication.Scim.class))
        .contains(HostApplication.Scim.class)
        .containsAll(Scimkit.providerClasses())
        .hasSize(Scimkit.providerClasses().size() + 1);
  }

  @Test
  void classes_rejectAnEndpointsClassWithoutAPlainSubPath() {
    for (Class<? extends ScimEndpoints> bad : java.util.List.of(NoPath.class, Templated.class, AtRoot.class, Abstract.class)) {
      assertThatThrownBy(() -> Scimkit.classes(bad))
          .as(bad.getSimpleName())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad.getName());
    }
  }
}
