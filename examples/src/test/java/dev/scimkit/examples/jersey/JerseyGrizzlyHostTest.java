package dev.scimkit.examples.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.examples.Provisioning;
import dev.scimkit.examples.ScimClient;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JerseyGrizzlyHostTest {
  private JerseyGrizzlyHost host;
  private ScimClient scim;
  private ScimClient api;

  @BeforeAll
  void start() throws Exception {
    host = JerseyGrizzlyHost.start("127.0.0.1", 0);
    String token = host.tokens().create("acme", "test").secret();
    scim = ScimClient.at(host.scimUri()).withBearer(token);
    api = ScimClient.at(host.apiUri());
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  @Timeout(30)
  void aSlowBodyWithoutAToken_is401AtOnce_andTheConnectionIsClosedNotDrained() throws Exception {
    try (Socket socket = new Socket(host.scimUri().getHost(), host.scimUri().getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/scim/v2/Users HTTP/1.1\r\nHost: x\r\nContent-Type: application/scim+json\r\n"
          + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));

      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1); // to the close
      assertThat(answer).startsWith("HTTP/1.1 401").contains("urn:ietf:params:scim:api:messages:2.0:Error");
    }
  }

  @Test
  void scimUnderApiScimV2_provisionsAUserAndAGroup() {
    assertThat(host.scimUri().getPath()).isEqualTo("/api/scim/v2");

    Provisioning.provisionUserAndGroup(scim, host.scimUri());
  }

  @Test
  void hostResources_answerBesideScim_withoutAToken() {
    ScimClient.Reply health = api.get("/health").expect(200);
    assertThat(health.body()).isEqualTo("ok");
    assertThat(api.get("/hello?name=Ada").expect(200).body()).isEqualTo("Hello, Ada!");
  }

  @Test
  void scim_needsAnOrganisationToken() {
    ScimClient.Reply anonymous = ScimClient.at(host.scimUri()).get("/Users").expect(401);
    assertThat(anonymous.json().path("status").asText()).isEqualTo("401");
    ScimClient.at(host.scimUri()).withBearer("scimkit_not-a-token").get("/Users").expect(401);
  }

  @Test
  void scimResources_areNotAtTheHostsRoot() {
    ScimClient.Reply notHere = api.get("/Users");
    assertThat(notHere.status()).isEqualTo(404);
    assertThat(String.valueOf(notHere.contentType())).doesNotContain("scim");
  }

  @Test
  void scimRuntimeErrors_areScimErrors_hostOnesAreNot() {
    ScimClient.Reply scimMiss = scim.get("/NoSuchEndpoint").expect(404);
    assertThat(scimMiss.contentType()).startsWith("application/scim+json");
    assertThat(api.get("/no-such-thing").expect(404).body()).doesNotContain("urn:ietf:params:scim");
  }
}
