package dev.scimkit.jaxrs.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ext.RuntimeDelegate;
import org.junit.jupiter.api.Test;

/** The Jersey run sees Jersey alone: RESTEasy and Undertow are off its class path. */
class JerseyClassPathTest {

  @Test
  void runtimeDelegate_isJerseys() {
    assertThat(RuntimeDelegate.getInstance().getClass().getName()).startsWith("org.glassfish.jersey.");
  }

  @Test
  void resteasyAndUndertow_areNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("org.jboss.resteasy.core.ResteasyDeploymentImpl"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("io.undertow.Undertow")).isInstanceOf(ClassNotFoundException.class);
  }
}
