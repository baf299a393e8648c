package dev.scimkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.RequestContext;
import dev.scimkit.core.event.EventOutbox;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.event.ProvisioningEvent.Type;
import dev.scimkit.core.event.ProvisioningListener;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.store.StoredResource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the engine's committed changes into {@link ProvisioningEvent}s and hands them on: to the
 * store's {@link EventOutbox} inside the unit of work when it has one, else to the listeners right
 * after the commit. With no listener it does nothing and costs nothing.
 */
public final class EventRecorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final Map<String, ProvisioningListener> listeners;
  private final Map<String, Set<String>> valueAttributes;
  private final EventOutbox outbox;
  private final Clock clock;
  private final AutoCloseable delivery;

  /**
   * @param listeners the listeners by durable name; empty for none
   * @param valueAttributes per resource type name, the attributes whose old and new values events
   *     carry
   * @param outbox the store's outbox, or {@code null} to deliver synchronously after commit
   */
  public EventRecorder(
      Map<String, ProvisioningListener> listeners,
      Map<String, Set<String>> valueAttributes,
      EventOutbox outbox,
      Clock clock,
      Duration pollInterval) {
    this.listeners = Map.copyOf(listeners);
    this.valueAttributes = Map.copyOf(valueAttributes);
    this.outbox = listeners.isEmpty() ? null : outbox;
    this.clock = clock;
    this.delivery = this.outbox == null ? null : this.outbox.startDelivery(this.listeners, pollInterval);
  }

  /** Whether anyone listens: when not, the engine builds no events at all. */
  boolean enabled() {
    return !listeners.isEmpty();
  }

  // ---- building events -------------------------------------------------------------------------

  /** Events of a created resource (and, for a group created with members, their addition). */
  List<ProvisioningEvent> created(ResourceType type, StoredResource stored, List<String> members, RequestContext ctx) {
    List<ProvisioningEvent> out = new ArrayList<>(2);
    out.add(event(Type.CREATED, type, stored, Set.of(), values(type, null, stored.document()), List.of(), ctx));
    if (!members.isEmpty()) {
      out.add(event(Type.MEMBERS_ADDED, type, stored, Set.of(), Map.of(), members, ctx));
    }
    return out;
  }

  /** The event of a changed document, of the most specific type; nothing if nothing changed. */
  void changed(
      ResourceType type, StoredResource before, StoredResource after, Set<String> attributes,
      RequestContext ctx, List<ProvisioningEvent> out) {
    if (attributes.isEmpty()) {
      return;
    }
    Type t = Type.UPDATED;
    if (type.schema().attribute("active") != null) {
      boolean wasActive = !isFalse(before.document().get("active"));
      boolean isActive = !isFalse(after.document().get("active"));
      t = wasActive && !isActive ? Type.DEACTIVATED : !wasActive && isActive ? Type.REACTIVATED : t;
    }
    if (t == Type.UPDATED && type.hasMembers() && attributes.contains("displayName")) {
      t = Type.RENAMED;
    }
    out.add(event(t, type, after, attributes, values(type, before.document(), after.document()), List.of(), ctx));
  }

  /** Members added to or removed from a group; nothing for an empty list. */
  void members(Type addedOrRemoved, ResourceType groupType, StoredResource group, List<String> ids,
      RequestContext ctx, List<ProvisioningEvent> out) {
    if (!ids.isEmpty()) {
      out.add(event(addedOrRemoved, groupType, group, Set.of(), Map.of(), ids, ctx));
    }
  }

  /** The event of a deleted resource. */
  void deleted(ResourceType type, StoredResource before, RequestContext ctx, List<ProvisioningEvent> out) {
    out.add(event(Type.DELETED, type, before, Set.of(), Map.of(), List.of(), ctx));
  }

  private ProvisioningEvent event(
      Type t, ResourceType type, StoredResource r, Set<String> attributes,
      Map<String, ProvisioningEvent.ValueChange> values, List<String> members, RequestContext ctx) {
    JsonNode externalId = r.document().get("externalId");
    return new ProvisioningEvent(
        UUID.randomUUID().toString(),
        t,
        ctx.tenant(),
        type.name(),
        r.id(),
        externalId == null || externalId.isNull() ? null : externalId.asText(),
        r.version(),
        clock.instant(),
        attributes,
        values,
        members,
        ctx.principal(),
        ctx.requestId());
  }

  /** The watched attributes of {@code type} whose value differs between the two documents. */
  private Map<String, ProvisioningEvent.ValueChange> values(ResourceType type, ObjectNode before, ObjectNode after) {
    Set<String> names = valueAttributes.get(type.name());
    if (names == null) {
      return Map.of();
    }
    Map<String, ProvisioningEvent.ValueChange> out = new LinkedHashMap<>();
    for (String name : names) {
      JsonNode b = valueOf(before, name);
      JsonNode a = valueOf(after, name);
      if (b == null ? a != null : !b.equals(a)) {
        out.put(name, new ProvisioningEvent.ValueChange(b, a));
      }
    }
    return out;
  }

  /** A core attribute by name, or an extension attribute as {@code urn:…:name}. */
  private static JsonNode valueOf(ObjectNode doc, String name) {
    if (doc == null) {
      return null;
    }
    int colon = name.lastIndexOf(':');
    JsonNode v;
    if (name.regionMatches(true, 0, "urn:", 0, 4) && colon > 0) {
      JsonNode ext = doc.get(name.substring(0, colon));
      v = ext == null ? null : ext.get(name.substring(colon + 1));
    } else {
      v = doc.get(name);
    }
    return v == null || v.isNull() ? null : v;
  }

  private static boolean isFalse(JsonNode v) {
    return v != null && v.isBoolean() && !v.booleanValue();
  }

  // ---- handing them on ---------------------------------------------------------------------------

  /** Inside the unit of work: writes the events to the outbox, if the store has one. */
  void append(List<ProvisioningEvent> events, RequestContext ctx) {
    if (outbox != null && !events.isEmpty()) {
      outbox.append(events, ctx);
    }
  }

  /**
   * After the commit: wakes the outbox's delivery up, or (with no outbox) calls every listener
   * with every event, in order. A listener's failure is logged; the change stays committed.
   */
  void committed(List<ProvisioningEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    if (outbox != null) {
      outbox.wakeUp();
      return;
    }
    for (Map.Entry<String, ProvisioningListener> l : listeners.entrySet()) {
      for (ProvisioningEvent e : events) {
        try {
          l.getValue().onEvent(e);
        } catch (Exception | LinkageError ex) {
          LOG.error("event listener '{}' failed on {} of {} {} (event {}); it will not get this event again",
              l.getKey(), e.type(), e.resourceType(), e.resourceId(), e.id(), ex);
        }
      }
    }
  }

  /** Stops the outbox's delivery, if one runs. */
  @Override
  public void close() {
    if (delivery != null) {
      try {
        delivery.close();
      } catch (Exception e) {
        LOG.warn("stopping event delivery failed", e);
      }
    }
  }
}
