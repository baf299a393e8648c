package dev.scimkit.examples.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the H2 database file from growing without bound.
 *
 * <p>H2 writes every commit as a new chunk at the end of its file, holding each page the commit
 * changed: for one new user, a page of the table and of each index, and their parents, 55 KB in a
 * new database and about 190 KB once it holds tens of thousands of users (less compressed, see
 * {@link ServerStores#H2_SETTINGS}). Later commits leave the chunk
 * holding a few percent of live pages, and a background thread of H2's rewrites those so the chunk
 * can be reused. With {@code WRITE_DELAY=0}, which the server needs so that an answered write
 * survives {@code kill -9}, H2 starts no such thread: nothing was ever reused, and a clean shutdown
 * compacts for at most 200 ms. Measured on the server before this class: seeding 10,000 users and
 * 501 groups left a 1.6 GB file holding 28 MB of data; writing users without pause grew it by
 * 5 to 5.5 GB a minute, and a clean close gave none of it back (18,000 users: 1.23 GB before,
 * 1.25 GB after).
 *
 * <p>This does what H2's thread would: every second it asks H2 to rewrite the live pages of
 * chunks that are less than half full, a bounded amount each time, under H2's store lock (taken
 * only if free, so a run never waits behind a commit). H2 keeps a chunk for its retention time
 * (45 s) after it stops being needed, in case a crash needs it; then its space is reused. The
 * file levels off at its data plus what about two minutes of writes filled: measured at 10 GB
 * (uncompressed) and 4.1 GB (compressed) while posting 330 to 450 users a second for four
 * minutes, against 5 GB more every minute before. It does not shrink again.
 *
 * <p>It works on a database this process opened itself (the server's); in a process that reached
 * the database through another's {@code AUTO_SERVER}, or on an in-memory one, it does nothing.
 */
final class H2Compaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

  /** Chunks less full than this (percent) are rewritten. */
  static final int TARGET_FILL_RATE = 50;

  /** At most this many bytes are rewritten in one run. */
  static final int MAX_BYTES_PER_RUN = 16 << 20;

  private final DataSource dataSource;
  private final ScheduledExecutorService timer;

  private H2Compaction(DataSource dataSource, Duration every) {
    this.dataSource = dataSource;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "scimkit-h2-compaction");
              t.setDaemon(true);
              return t;
            });
    long millis = every.toMillis();
    timer.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Starts compacting the database behind {@code dataSource} every {@code every}. */
  static H2Compaction start(DataSource dataSource, Duration every) {
    return new H2Compaction(dataSource, every);
  }

  private void runQuietly() {
    try {
      runOnce();
    } catch (SQLException | RuntimeException | LinkageError e) {
      // a database closing under it, or an H2 whose internals differ: tried again next time
      LOG.debug("H2 compaction skipped: {}", e.toString());
    }
  }

  /**
   * One run: whether H2 rewrote anything.
   *
   * @throws SQLException if no connection could be had
   */
  boolean runOnce() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      MVStore store = storeOf(c);
      if (store == null || store.isClosed() || store.getFileStore() == null) {
        return false;
      }
      return store.compact(TARGET_FILL_RATE, MAX_BYTES_PER_RUN);
    }
  }

  /** The store of an H2 database this process opened, or null. */
  private static MVStore storeOf(Connection c) throws SQLException {
    if (!c.isWrapperFor(JdbcConnection.class)
        || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
      return null;
    }
    return local.getDatabase().getStore().getMvStore();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
