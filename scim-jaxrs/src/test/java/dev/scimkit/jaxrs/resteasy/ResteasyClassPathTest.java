package dev.scimkit.jaxrs.resteasy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ext.RuntimeDelegate;
import org.junit.jupiter.api.Test;

/** The RESTEasy run sees RESTEasy alone: Jersey, HK2 and Grizzly are off its class path. */
class ResteasyClassPathTest {

  @Test
  void runtimeDelegate_isResteasys() {
    assertThat(RuntimeDelegate.getInstance().getClass().getName()).startsWith("org.jboss.resteasy.");
  }

  @Test
  void jerseyHk2AndGrizzly_areNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("org.glassfish.jersey.server.ResourceConfig"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.glassfish.hk2.api.ServiceLocator"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.glassfish.grizzly.http.server.HttpServer"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
