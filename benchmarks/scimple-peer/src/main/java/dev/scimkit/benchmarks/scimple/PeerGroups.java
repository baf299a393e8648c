package dev.scimkit.benchmarks.scimple;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.resources.ScimGroup;

/** SCIMple's groups, in memory: {@code displayName} unique ignoring case; filters are scans. */
@Named
@ApplicationScoped
public class PeerGroups extends PeerRepository<ScimGroup> {
  PeerGroups() {
    super(null, ScimGroup.class, ScimGroup.SCHEMA_URI);
  }

  @Inject
  public PeerGroups(SchemaRegistry schemas) {
    super(schemas, ScimGroup.class, ScimGroup.SCHEMA_URI);
  }

  @Override
  String uniqueKey(ScimGroup group) {
    return group.getDisplayName() == null ? null : group.getDisplayName().toLowerCase(Locale.ROOT);
  }

  @Override
  String indexedEquality(Filter filter) {
    return null;
  }
}
