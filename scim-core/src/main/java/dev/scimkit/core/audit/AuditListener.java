package dev.scimkit.core.audit;

/**
 * Hears about every committed change of a resource: created, replaced, patched (including
 * member-only changes of a group) or deleted, whether by a single request or by an operation of a
 * bulk request. Register listeners with {@link
 * dev.scimkit.core.ScimEngine.Builder#auditListener(AuditListener)}; without any, the engine uses
 * {@link #logging()}.
 *
 * <p>A listener is called on the request's thread, after the store has committed the change and
 * before the response is sent; it should be quick (hand the event to a queue for slow sinks). It
 * is not called for requests that fail or change nothing. An exception it throws is logged and
 * otherwise ignored: the change is committed, and the client must not see a failure and retry.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AuditListener {

  /** Called once per committed change. */
  void changed(AuditEvent event);

  /**
   * The default: one {@code INFO} line per change on the SLF4J logger {@code
   * dev.scimkit.audit}, such as {@code tenant=acme actor=tok_3f… op=PATCH type=User
   * id=2819c223… attributes=[active] requestId=…}. Route or silence that logger in the host's
   * logging configuration.
   */
  static AuditListener logging() {
    return Slf4jAuditListener.INSTANCE;
  }
}
