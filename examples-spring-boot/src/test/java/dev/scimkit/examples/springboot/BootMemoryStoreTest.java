package dev.scimkit.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.core.auth.OrganizationTokens;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.StoreProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample without a {@code DataSource}: the starter serves SCIM from memory, health included. */
class BootMemoryStoreTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void withoutDataSource_scimIsServedFromMemory() throws Exception {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(BootHost.class)
            .properties(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.main.banner-mode=off",
                "management.endpoint.health.show-details=always",
                // Boot 3 and Boot 4 names of the DataSource auto-configuration; each Boot ignores the other's.
                "spring.autoconfigure.exclude="
                    + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
            .run()) {
      assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
      assertThat(context.getBean(StoreProvider.class)).isInstanceOf(InMemoryStore.class);
      String root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
      String token = context.getBean(OrganizationTokens.class).create("acme", "Okta").secret();

      HttpResponse<String> created =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(root + "/api/scim/v2/Users"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/scim+json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"bjensen@example.com\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      HttpResponse<String> health =
          HTTP.send(HttpRequest.newBuilder(URI.create(root + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      JsonNode scimkit = new ObjectMapper().readTree(health.body()).path("components").path("scimkit");
      assertThat(scimkit.path("status").asText()).as(health.body()).isEqualTo("UP");
      assertThat(scimkit.path("details").path("store").asText()).isEqualTo("InMemoryStore");
    }
  }
}
