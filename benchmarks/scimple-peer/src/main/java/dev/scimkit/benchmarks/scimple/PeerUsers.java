package dev.scimkit.benchmarks.scimple;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * SCIMple's users, in memory. Beyond {@link PeerRepository}: {@code userName} is unique ignoring
 * case, and a filter that is just {@code userName eq "…"} (Entra's lookup) is answered from an
 * index, as Scimkit's in-memory store answers it, rather than by a scan.
 */
@Named
@ApplicationScoped
public class PeerUsers extends PeerRepository<ScimUser> {
  PeerUsers() {
    super(null, ScimUser.class, ScimUser.SCHEMA_URI);
  }

  @Inject
  public PeerUsers(SchemaRegistry schemas) {
    super(schemas, ScimUser.class, ScimUser.SCHEMA_URI);
  }

  @Override
  String uniqueKey(ScimUser user) {
    return user.getUserName() == null ? null : user.getUserName().toLowerCase(Locale.ROOT);
  }

  @Override
  String indexedEquality(Filter filter) {
    if (filter != null
        && filter.getExpression() instanceof AttributeComparisonExpression c
        && c.getOperation() == CompareOperator.EQ
        && c.getCompareValue() instanceof String value
        && "userName".equalsIgnoreCase(c.getAttributePath().getAttributeName())
        && c.getAttributePath().getSubAttributeName() == null) {
      return value.toLowerCase(Locale.ROOT);
    }
    return null;
  }

  @Override
  public List<Class<? extends ScimExtension>> getExtensionList() {
    return List.of(EnterpriseExtension.class);
  }
}
