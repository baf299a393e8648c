/**
 * Provisioning events for the host application: typed, after commit, in order per resource.
 *
 * <pre>{@code
 * ScimEngine engine = ScimEngine.builder()
 *     .storeProvider(jdbcStore)
 *     .eventListener("sessions", event -> {
 *       if (event.type() == ProvisioningEvent.Type.DEACTIVATED
 *           || event.type() == ProvisioningEvent.Type.DELETED) {
 *         sessions.revokeAll(event.tenant(), event.resourceId());
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <h2>Guarantees, by store</h2>
 *
 * <ul>
 *   <li><b>A store with an {@link dev.scimkit.core.event.EventOutbox}</b> (the JDBC store): each
 *       request's events are written in its own transaction, so they exist exactly when the
 *       change committed. A delivery thread of the engine hands them to each listener after the
 *       commit: at least once, in order per resource, also after a crash (undelivered events
 *       are delivered when an instance runs again) and across instances (progress is kept in
 *       the database per listener name, and one instance at a time delivers to a listener). A
 *       listener that throws gets the event again after a pause that grows to a minute; later
 *       events wait for it. SCIM requests never wait for a listener. {@link
 *       dev.scimkit.core.ScimEngine#close()} stops the delivery thread.
 *   <li><b>Any other store</b> (the in-memory store, a host store): the engine calls the
 *       listeners on the request's thread right after the commit, before the response: once,
 *       in order. A listener that throws is logged and not called again for that event, and an
 *       event is lost if the process ends between the commit and the call: at most once. A slow
 *       listener slows the request.
 * </ul>
 *
 * <p>Rolled-back changes are never seen, in either case. Only engines with listeners record
 * events: give every instance of the application the same listeners under the same names.
 */
package dev.scimkit.core.event;
