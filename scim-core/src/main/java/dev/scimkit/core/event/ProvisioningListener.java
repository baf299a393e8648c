package dev.scimkit.core.event;

/**
 * Acts on provisioning events in the host application: ends a deactivated user's sessions, frees a
 * deleted user's seat, grants the role of a group a user joined. Register one with {@link
 * dev.scimkit.core.ScimEngine.Builder#eventListener}; how and when it is called depends on the
 * store (see the {@linkplain dev.scimkit.core.event package description}).
 *
 * <p>Deliveries may be repeated (after a crash, an event that was delivered but not yet recorded
 * as delivered is delivered again): make the listener idempotent, using {@link
 * ProvisioningEvent#id()} as the key where acting twice would hurt. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface ProvisioningListener {

  /**
   * Acts on one event. Returning normally acknowledges it; throwing asks for it to be delivered
   * again later (with the JDBC store's outbox, after a growing pause; events after it wait, so
   * that the order is kept).
   */
  void onEvent(ProvisioningEvent event) throws Exception;
}
