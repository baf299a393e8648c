package dev.scimkit.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Provisioning events as JSON text, for an {@link EventOutbox} that stores them and for webhooks
 * that send them. The form is stable: {@code id}, {@code type}, {@code tenant}, {@code
 * resourceType}, {@code resourceId}, {@code externalId}, {@code version}, {@code at} (ISO-8601),
 * {@code attributes}, {@code values} ({@code {"name": {"before": …, "after": …}}}), {@code
 * members}, {@code actor}, {@code requestId}; absent values are left out.
 */
public final class EventJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  /** The event as a JSON object. */
  public static ObjectNode toJson(ProvisioningEvent e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", e.id());
    o.put("type", e.type().name());
    o.put("tenant", e.tenant());
    o.put("resourceType", e.resourceType());
    o.put("resourceId", e.resourceId());
    if (e.externalId() != null) {
      o.put("externalId", e.externalId());
    }
    o.put("version", e.version());
    o.put("at", e.at().toString());
    if (!e.attributes().isEmpty()) {
      e.attributes().forEach(o.putArray("attributes")::add);
    }
    if (!e.values().isEmpty()) {
      ObjectNode values = o.putObject("values");
      e.values().forEach((name, change) -> {
        ObjectNode c = values.putObject(name);
        if (change.before() != null) {
          c.set("before", change.before());
        }
        if (change.after() != null) {
          c.set("after", change.after());
        }
      });
    }
    if (!e.members().isEmpty()) {
      e.members().forEach(o.putArray("members")::add);
    }
    if (e.actor() != null) {
      o.put("actor", e.actor());
    }
    o.put("requestId", e.requestId());
    return o;
  }

  /** The event as JSON text. */
  public static String write(ProvisioningEvent e) {
    return toJson(e).toString();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException if {@code json} is not such an event
   */
  public static ProvisioningEvent read(String json) {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a provisioning event", e);
    }
    Set<String> attributes = new TreeSet<>();
    o.path("attributes").forEach(a -> attributes.add(a.asText()));
    Map<String, ProvisioningEvent.ValueChange> values = new LinkedHashMap<>();
    o.path("values").properties().forEach(f ->
        values.put(f.getKey(), new ProvisioningEvent.ValueChange(f.getValue().get("before"), f.getValue().get("after"))));
    List<String> members = new ArrayList<>();
    o.path("members").forEach(m -> members.add(m.asText()));
    return new ProvisioningEvent(
        o.path("id").asText(),
        ProvisioningEvent.Type.valueOf(o.path("type").asText()),
        o.path("tenant").asText(),
        o.path("resourceType").asText(),
        o.path("resourceId").asText(),
        o.hasNonNull("externalId") ? o.get("externalId").asText() : null,
        o.path("version").asLong(),
        Instant.parse(o.path("at").asText()),
        attributes,
        values,
        members,
        o.hasNonNull("actor") ? o.get("actor").asText() : null,
        o.path("requestId").asText());
  }
}
