package dev.scimkit.core.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AuditListener#logging()}. */
final class Slf4jAuditListener implements AuditListener {
  static final Slf4jAuditListener INSTANCE = new Slf4jAuditListener();
  private static final Logger LOG = LoggerFactory.getLogger("dev.scimkit.audit");

  private Slf4jAuditListener() {}

  @Override
  public void changed(AuditEvent e) {
    if (LOG.isInfoEnabled()) {
      LOG.info(
          "tenant={} actor={} op={} type={} id={} attributes={} requestId={}",
          e.tenant(),
          e.actor() == null ? "-" : e.actor(),
          e.operation(),
          e.resourceType(),
          e.resourceId(),
          e.attributes(),
          e.requestId().isEmpty() ? "-" : e.requestId());
    }
  }

  @Override
  public String toString() {
    return "AuditListener.logging()";
  }
}
