package dev.scimkit.examples.handwritten;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.store.GroupStore;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.TransactionMode;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The sample's stores: users in the host's {@code scim_user} table ({@link DocumentUserStore}),
 * groups in Scimkit's {@link InMemoryStore} (listing their user members by the names {@link
 * UserNamesOfMembers} reads from the users' store). Each SCIM request is one unit of work of both: the
 * in-memory unit outside (it holds the tenant's lock and undoes its changes if anything fails),
 * the host's database transaction inside, committed last of all steps that can fail, so that if
 * the commit fails the group changes are undone too. This is all a hand-written store needs to
 * take part in the engine's units of work: a transaction bound to the thread, which the store's
 * statements join.
 *
 * <pre>{@code
 * ScimEngine engine = ScimEngine.builder().storeProvider(new HostStores(dataSource)).build();
 * }</pre>
 */
public final class HostStores implements StoreProvider {
  private final HostTransactions transactions;
  private final DocumentUserStore users;
  private final InMemoryStore others = new InMemoryStore();

  /** Stores over the {@code scim_user} table of {@code hostDatabase}, created if missing. */
  public HostStores(DataSource hostDatabase) {
    this.transactions = new HostTransactions(requireNonNull(hostDatabase, "hostDatabase == null"));
    this.users = new DocumentUserStore(transactions);
    DocumentUserStore.createTable(hostDatabase);
  }

  @Override
  public ResourceStore storeFor(ResourceType type) {
    if (type.name().equals("User")) {
      return users;
    }
    ResourceStore store = others.storeFor(type);
    return store instanceof GroupStore groups ? new UserNamesOfMembers(groups, users) : store;
  }

  @Override
  public <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
    if (mode == TransactionMode.READ_ONLY) {
      return work.get();
    }
    return others.transaction(ctx, mode, () -> transactions.inTransaction(work));
  }
}
