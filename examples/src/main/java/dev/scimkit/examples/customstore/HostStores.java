package dev.scimkit.examples.customstore;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.TransactionMode;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The sample's stores: users in the host's {@code app_user} table ({@link UserTableStore}),
 * groups in Scimkit's {@link InMemoryStore}. Each SCIM request is one unit of work of both: the
 * in-memory unit outside (it holds the tenant's lock and undoes its changes if anything fails),
 * the host's database transaction inside, committed last of all steps that can fail, so that if
 * the commit fails the group changes are undone too.
 */
public final class HostStores implements StoreProvider {
  private final HostTransactions transactions;
  private final UserTableStore users;
  private final InMemoryStore others = new InMemoryStore();

  /** Stores over the {@code app_user} table of {@code hostDatabase}. */
  public HostStores(DataSource hostDatabase) {
    this.transactions = new HostTransactions(requireNonNull(hostDatabase, "hostDatabase == null"));
    this.users = new UserTableStore(transactions);
  }

  @Override
  public ResourceStore storeFor(ResourceType type) {
    return type.name().equals("User") ? users : others.storeFor(type);
  }

  @Override
  public <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
    if (mode == TransactionMode.READ_ONLY) {
      return work.get();
    }
    return others.transaction(ctx, mode, () -> transactions.inTransaction(work));
  }
}
