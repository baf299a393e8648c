package dev.scimkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@code scimkit.*} property is in the configuration metadata that IDEs and Boot's docs
 * read ({@code META-INF/spring-configuration-metadata.json}, written at compile time from the
 * javadoc of {@link ScimkitProperties}), with a description.
 */
class ConfigurationMetadataTest {

  @Test
  void metadata_listsEveryPropertyOfScimkitProperties_eachWithADescription() throws Exception {
    Map<String, JsonNode> metadata = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("spring-configuration-metadata.json").isNotNull();
      for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
        metadata.put(property.get("name").asText(), property);
      }
    }

    Set<String> expected = new TreeSet<>();
    collect("scimkit", ScimkitProperties.class, expected);
    expected.add("management.health.scimkit.enabled");

    assertThat(expected).contains("scimkit.base-path", "scimkit.store", "scimkit.tokens.configured", "scimkit.metrics.enabled");
    assertThat(metadata.keySet()).containsAll(expected);
    for (String name : expected) {
      JsonNode description = metadata.get(name).get("description");
      assertThat(description).as(name + " has a description").isNotNull();
      assertThat(description.asText()).as(name).hasSizeGreaterThan(20);
    }
    assertThat(metadata.get("scimkit.base-path").get("defaultValue").asText()).isEqualTo("/scim/v2");
  }

  /** The relaxed names of every property of {@code type}, nested groups followed. */
  private static void collect(String prefix, Class<?> type, Set<String> names) throws Exception {
    for (PropertyDescriptor p : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
      String name = prefix + "." + dashed(p.getName());
      Class<?> value = p.getPropertyType();
      if (value.getDeclaringClass() == ScimkitProperties.class && !value.isEnum()) {
        collect(name, value, names);
      } else {
        names.add(name);
      }
    }
  }

  private static String dashed(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
