package dev.scimkit.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.store.StoredResource;
import java.util.function.Function;

/**
 * Where search reads a resource's attributes from: a full JSON representation, or a {@link
 * StoredResource} whose {@code id} and {@code meta} are record components. One is made per
 * resource evaluated; it copies nothing.
 */
abstract class ResourceSource {

  /** The value of a top-level core or common attribute, by its canonical name, or null. */
  abstract JsonNode topLevel(String name);

  /** The object holding an extension's attributes, by the extension URN, or null. */
  abstract JsonNode extension(String urn);

  /**
   * The stored record when {@code id} and {@code meta} are to be read from it rather than from
   * JSON; null for a representation.
   */
  StoredResource stored() {
    return null;
  }

  static ResourceSource of(ObjectNode representation) {
    return new Representation(representation);
  }

  static ResourceSource of(
      StoredResource resource, Function<String, ? extends JsonNode> extraTopLevel) {
    return new Stored(resource, extraTopLevel);
  }

  private static final class Representation extends ResourceSource {
    private final ObjectNode document;

    Representation(ObjectNode document) {
      this.document = document;
    }

    @Override
    JsonNode topLevel(String name) {
      return document.get(name);
    }

    @Override
    JsonNode extension(String urn) {
      return document.get(urn);
    }
  }

  private static final class Stored extends ResourceSource {
    private final StoredResource resource;
    private final Function<String, ? extends JsonNode> extraTopLevel;

    Stored(StoredResource resource, Function<String, ? extends JsonNode> extraTopLevel) {
      this.resource = resource;
      this.extraTopLevel = extraTopLevel;
    }

    @Override
    JsonNode topLevel(String name) {
      JsonNode value = resource.document().get(name);
      if (value == null && extraTopLevel != null) {
        value = extraTopLevel.apply(name);
      }
      return value;
    }

    @Override
    JsonNode extension(String urn) {
      return resource.document().get(urn);
    }

    @Override
    StoredResource stored() {
      return resource;
    }
  }
}
