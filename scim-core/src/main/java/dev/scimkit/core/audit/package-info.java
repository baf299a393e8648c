/**
 * Audit events: an {@link dev.scimkit.core.audit.AuditListener} hears about every committed
 * change (who, which tenant, what operation on which resource, which attribute names), never
 * about attribute values.
 */
package dev.scimkit.core.audit;
