package dev.scimkit.core.internal;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.store.StoreProvider;
import dev.scimkit.core.store.TransactionMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs the engine's store work as units of work of the {@link StoreProvider}, and carries out
 * "no precondition means last writer wins": a read-modify-write without {@code If-Match} that
 * loses a race to a concurrent change is run again on the new state, never answered 412.
 */
final class StoreUnits {
  /**
   * How often a change without a precondition is tried before the engine gives up with 503. A
   * store that locks in {@code get} never needs a second try; with one that does not, the
   * backoff below spreads ten tries over about a quarter of a second.
   */
  static final int ATTEMPTS = 10;

  private static final long MAX_BACKOFF_MICROS = 64_000;

  private final StoreProvider provider;

  StoreUnits(StoreProvider provider) {
    this.provider = provider;
  }

  <T> T read(RequestContext ctx, Supplier<T> work) {
    return provider.transaction(ctx, TransactionMode.READ_ONLY, work);
  }

  <T> T write(RequestContext ctx, Supplier<T> work) {
    return provider.transaction(ctx, TransactionMode.READ_WRITE, work);
  }

  /**
   * Runs a read-modify-write in a unit of its own. With {@code precondition} (the client sent
   * {@code If-Match}) a version conflict is the client's 412; without, the work runs again, with
   * a growing, jittered pause, and after {@link #ATTEMPTS} conflicts the answer is 503.
   */
  <T> T change(RequestContext ctx, boolean precondition, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write(ctx, work);
      } catch (ScimException e) {
        if (e.status() != 412 || precondition) {
          throw e;
        }
        if (attempt >= ATTEMPTS) {
          throw new ScimException(
              503,
              null,
              "The resource is being changed by other requests at the same moment; retry the request.",
              e);
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    long ceiling = Math.min(MAX_BACKOFF_MICROS, 1000L << (attempt - 1));
    long micros = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    try {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScimException(503, null, "The server is shutting down; retry the request.", e);
    }
  }
}
