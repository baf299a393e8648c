package dev.scimkit.core.event;

import dev.scimkit.core.RequestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a {@link dev.scimkit.core.store.StoreProvider} implements to deliver provisioning events
 * reliably: the engine appends each request's events in the request's own unit of work, so they
 * commit with the change or not at all, and the outbox delivers them after the commit, from any
 * instance, surviving crashes. A provider that does not implement it gets synchronous delivery
 * after commit from the engine instead (see the {@linkplain dev.scimkit.core.event package
 * description}).
 */
public interface EventOutbox {

  /**
   * Stores {@code events} in the unit of work open on this thread ({@link
   * dev.scimkit.core.store.StoreProvider#transaction}), in order.
   */
  void append(List<ProvisioningEvent> events, RequestContext ctx);

  /**
   * Starts delivering every appended event to each consumer, in the order appended for each
   * resource, at least once, until the returned handle is closed. Each consumer is named: its
   * progress is kept under that name, so a restarted or another instance goes on where delivery
   * stopped, and at any moment only one instance delivers to a consumer.
   *
   * @param consumers the listeners by their durable names
   * @param pollInterval how often to look for events committed by other instances
   */
  AutoCloseable startDelivery(Map<String, ProvisioningListener> consumers, Duration pollInterval);

  /**
   * Asks the delivery started by {@link #startDelivery} to look for new events now rather than
   * at its next poll; the engine calls it after each commit that appended events. The default
   * does nothing.
   */
  default void wakeUp() {}
}
