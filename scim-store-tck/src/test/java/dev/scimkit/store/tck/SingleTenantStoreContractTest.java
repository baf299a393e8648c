package dev.scimkit.store.tck;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.store.InMemoryStore;
import dev.scimkit.core.store.ResourceStore;
import dev.scimkit.core.store.SearchRequest;
import dev.scimkit.core.store.SearchResult;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.core.store.TransactionMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The kit in single-tenant mode, on a store whose users belong to one tenant ({@code acme}) and
 * whose groups are kept for any tenant: the shape of a host's users table without a tenant
 * column beside Scimkit's own group store.
 */
class SingleTenantStoreContractTest extends StoreContract {
  private static final RequestContext ACME = RequestContext.of("acme");

  @Override
  protected boolean multiTenant() {
    return false;
  }

  @Override
  protected RequestContext tenant() {
    return ACME;
  }

  @Override
  protected StoreProvider newStoreProvider() {
    return new OneTenantsUsers(new InMemoryStore(), ACME.tenant());
  }

  /** Users of one tenant only; every other type as the wrapped provider keeps it. */
  private static final class OneTenantsUsers implements StoreProvider {
    private final StoreProvider all;
    private final String tenant;

    OneTenantsUsers(StoreProvider all, String tenant) {
      this.all = all;
      this.tenant = tenant;
    }

    @Override
    public ResourceStore storeFor(ResourceType type) {
      ResourceStore store = all.storeFor(type);
      return type.name().equals("User") ? new Confined(store, tenant) : store;
    }

    @Override
    public <T> T transaction(RequestContext ctx, TransactionMode mode, Supplier<T> work) {
      return all.transaction(ctx, mode, work);
    }
  }

  /** A store that serves one tenant and answers every other as if it had nothing. */
  private record Confined(ResourceStore store, String tenant) implements ResourceStore {
    private boolean serves(RequestContext ctx) {
      return ctx.tenant().equals(tenant);
    }

    @Override
    public StoredResource create(StoredResource resource, RequestContext ctx) {
      if (!serves(ctx)) {
        throw new ScimException(403, null, "users are kept for one organisation only");
      }
      return store.create(resource, ctx);
    }

    @Override
    public Optional<StoredResource> get(String id, RequestContext ctx) {
      return serves(ctx) ? store.get(id, ctx) : Optional.empty();
    }

    @Override
    public StoredResource replace(StoredResource resource, long expectedVersion, RequestContext ctx) {
      if (!serves(ctx)) {
        throw ScimException.notFound("User", resource.id());
      }
      return store.replace(resource, expectedVersion, ctx);
    }

    @Override
    public void delete(String id, long expectedVersion, RequestContext ctx) {
      if (!serves(ctx)) {
        throw ScimException.notFound("User", id);
      }
      store.delete(id, expectedVersion, ctx);
    }

    @Override
    public SearchResult search(SearchRequest request, RequestContext ctx) {
      return serves(ctx) ? store.search(request, ctx) : new SearchResult(List.of(), 0);
    }
  }
}
