package dev.scimkit.store.jdbc.internal;

import dev.scimkit.core.RequestContext;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.event.EventJson;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.event.ProvisioningListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event outbox in {@code scim_event}: appended in the request's transaction, delivered by a
 * thread per engine.
 *
 * <p>Delivery, round by round:
 *
 * <ol>
 *   <li><b>Number</b> the events committed since the last round ({@code position}), in the order
 *       they were inserted, holding the sequencer row's lock so that instances number one at a
 *       time. Only committed events are seen, so no event committed late can end up behind a
 *       consumer's progress; the changes of one resource are committed one after the other
 *       (their rows are locked), so they are numbered in order.
 *   <li>For each consumer, take its <b>lease</b> (a row naming this instance as owner until a
 *       time; free or expired leases can be taken), then hand it the events after its {@code
 *       last_position}, one at a time, advancing {@code last_position} after each: an event is
 *       delivered again only if this instance dies between the listener's return and that
 *       update. A listener that throws gets the same event again after a pause (half a second,
 *       doubling to a minute).
 *   <li>Now and then, <b>delete</b> events every consumer has passed, once they are older than
 *       the retention.
 * </ol>
 */
public final class JdbcOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);
  private static final int BATCH = 100;
  /**
   * How long a consumer's lease lasts without renewal (it is renewed with every event delivered):
   * after an instance dies, its consumers wait this long for another instance, or its restart, to
   * take over; a listener call longer than this may see another instance deliver the same event.
   */
  private static final Duration LEASE = Duration.ofSeconds(15);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  private static final Duration CLEANUP_EVERY = Duration.ofMinutes(5);

  private final Database db;
  private final Clock clock;
  private final Duration retention;

  public JdbcOutbox(Database db, Clock clock, Duration retention) {
    this.db = db;
    this.clock = clock;
    this.retention = retention;
  }

  /** Inserts the events in the unit of work open on this thread. */
  public void append(List<ProvisioningEvent> events, RequestContext ctx) {
    long now = Instants.toNanos(clock.instant());
    db.transaction("record the events", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO scim_event (id, tenant, resource_type, resource_id, created_ns, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (ProvisioningEvent e : events) {
          ps.setString(1, e.id());
          ps.setString(2, e.tenant());
          ps.setString(3, e.resourceType());
          ps.setString(4, e.resourceId());
          ps.setLong(5, now);
          ps.setString(6, EventJson.write(e));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** Starts a delivery thread; closing the handle stops it and frees its leases. */
  public Delivery start(Map<String, ProvisioningListener> consumers, Duration pollInterval) {
    Delivery d = new Delivery(new LinkedHashMap<>(consumers), pollInterval);
    d.thread.start();
    return d;
  }

  /** One engine's delivery: a thread and the state of each of its consumers. */
  public final class Delivery implements AutoCloseable {
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, ProvisioningListener> consumers;
    private final Map<String, Long> retryAt = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Thread thread;
    private boolean woken;
    private volatile boolean running = true;
    private long nextCleanup;

    private Delivery(Map<String, ProvisioningListener> consumers, Duration pollInterval) {
      this.consumers = consumers;
      this.pollInterval = pollInterval;
      this.thread = new Thread(this::run, "scimkit-events");
      this.thread.setDaemon(true);
    }

    /** Asks for a round now: events were just committed. */
    public void wakeUp() {
      lock.lock();
      try {
        woken = true;
        work.signal();
      } finally {
        lock.unlock();
      }
    }

    private void run() {
      while (running) {
        long pause = pollInterval.toMillis();
        try {
          pause = Math.min(pause, round());
        } catch (RuntimeException e) {
          LOG.warn("event delivery failed; it will try again ({})", e.getMessage());
        }
        await(pause);
      }
    }

    /** One round; returns how long to wait at most before the next, in milliseconds. */
    private long round() {
      number();
      long soonest = Long.MAX_VALUE;
      for (Map.Entry<String, ProvisioningListener> c : consumers.entrySet()) {
        if (!running) {
          break;
        }
        long wait = deliver(c.getKey(), c.getValue());
        soonest = Math.min(soonest, wait);
      }
      long now = System.nanoTime();
      if (now - nextCleanup >= 0) {
        cleanUp();
        nextCleanup = now + CLEANUP_EVERY.toNanos();
      }
      return soonest;
    }

    /**
     * Delivers what the consumer has not had yet, if its lease can be had; returns how long its
     * next round may wait (0 when there may be more to deliver at once).
     */
    private long deliver(String consumer, ProvisioningListener listener) {
      Long retry = retryAt.get(consumer);
      long now = System.nanoTime();
      if (retry != null && retry - now > 0) {
        return TimeUnit.NANOSECONDS.toMillis(retry - now);
      }
      Long last = lease(consumer);
      if (last == null) {
        return Long.MAX_VALUE; // another instance delivers to it
      }
      List<Object[]> batch = next(last);
      for (Object[] row : batch) {
        long position = (Long) row[0];
        ProvisioningEvent event = EventJson.read((String) row[1]);
        try {
          listener.onEvent(event);
        } catch (Exception | LinkageError e) {
          int n = failures.merge(consumer, 1, Integer::sum);
          long backoff = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(n - 1, 16));
          retryAt.put(consumer, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff));
          LOG.warn("event listener '{}' failed on {} of {} {} (event {}, attempt {}); retrying in {} ms",
              consumer, event.type(), event.resourceType(), event.resourceId(), event.id(), n, backoff, e);
          return backoff;
        }
        failures.remove(consumer);
        retryAt.remove(consumer);
        if (!advance(consumer, position)) {
          return Long.MAX_VALUE; // the lease was lost: another instance goes on
        }
      }
      return batch.size() == BATCH ? 0 : Long.MAX_VALUE;
    }

    private void await(long millis) {
      if (millis <= 0) {
        return;
      }
      lock.lock();
      try {
        if (!woken && running) {
          work.await(millis, TimeUnit.MILLISECONDS);
        }
        woken = false;
      } catch (InterruptedException e) {
        running = false;
      } finally {
        lock.unlock();
      }
    }

    /** Stops delivering (after the event being delivered, if any) and frees the leases. */
    @Override
    public void close() {
      running = false;
      wakeUp();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        db.transaction("free the event leases", c -> {
          try (PreparedStatement ps = c.prepareStatement(
              "UPDATE scim_event_consumer SET owner = NULL, lease_until_ns = 0 WHERE owner = ?")) {
            ps.setString(1, owner);
            return ps.executeUpdate();
          }
        });
      } catch (ScimException e) {
        LOG.warn("could not free the event leases; they expire within {}", LEASE);
      }
    }

    /** Takes or renews the consumer's lease; its last position if held, else null. */
    private Long lease(String consumer) {
      long now = Instants.toNanos(clock.instant());
      try {
        db.transaction("register an event consumer", c -> {
          ensureConsumer(c, consumer);
          return null;
        });
      } catch (Database.UniqueViolation registeredConcurrently) {
        // another instance registered it at the same moment: fine
      }
      return db.transaction("take an event lease", c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE scim_event_consumer SET owner = ?, lease_until_ns = ?"
                + " WHERE consumer = ? AND (owner IS NULL OR owner = ? OR lease_until_ns < ?)")) {
          ps.setString(1, owner);
          ps.setLong(2, now + LEASE.toNanos());
          ps.setString(3, consumer);
          ps.setString(4, owner);
          ps.setLong(5, now);
          if (ps.executeUpdate() == 0) {
            return null;
          }
        }
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT last_position FROM scim_event_consumer WHERE consumer = ?")) {
          ps.setString(1, consumer);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        }
      });
    }

    /** Records delivery up to {@code position}, and renews the lease; false if it was lost. */
    private boolean advance(String consumer, long position) {
      long now = Instants.toNanos(clock.instant());
      return db.transaction("record an event delivery", c -> {
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE scim_event_consumer SET last_position = ?, lease_until_ns = ? WHERE consumer = ? AND owner = ?")) {
          ps.setLong(1, position);
          ps.setLong(2, now + LEASE.toNanos());
          ps.setString(3, consumer);
          ps.setString(4, owner);
          return ps.executeUpdate() == 1;
        }
      });
    }
  }

  private void ensureConsumer(Connection c, String consumer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO scim_event_consumer (consumer, last_position, owner, lease_until_ns)"
            + " SELECT ?, 0, NULL, 0 WHERE NOT EXISTS (SELECT 1 FROM scim_event_consumer WHERE consumer = ?)")) {
      ps.setString(1, consumer);
      ps.setString(2, consumer);
      ps.executeUpdate();
    }
  }

  /** Numbers the committed events that have no position yet, in insertion order. */
  private void number() {
    db.transaction("number the events", c -> {
      long last;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT last_position FROM scim_event_sequencer WHERE name = 'events' FOR UPDATE");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        last = rs.getLong(1);
      }
      List<Long> seqs = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT seq FROM scim_event WHERE position IS NULL ORDER BY seq LIMIT 1000");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
      if (seqs.isEmpty()) {
        return null;
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE scim_event SET position = ? WHERE seq = ?")) {
        for (long seq : seqs) {
          ps.setLong(1, ++last);
          ps.setLong(2, seq);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE scim_event_sequencer SET last_position = ? WHERE name = 'events'")) {
        ps.setLong(1, last);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Up to {@link #BATCH} numbered events after {@code position}: position and payload. */
  private List<Object[]> next(long position) {
    return db.transaction("read events", c -> {
      List<Object[]> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT position, payload FROM scim_event WHERE position > ? ORDER BY position LIMIT " + BATCH)) {
        ps.setLong(1, position);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Object[] {rs.getLong(1), rs.getString(2)});
          }
        }
      }
      return out;
    });
  }

  /** Deletes events older than the retention that every consumer has passed. */
  private void cleanUp() {
    long before = Instants.toNanos(clock.instant().minus(retention));
    db.transaction("delete delivered events", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM scim_event WHERE created_ns < ? AND position <="
              + " (SELECT MIN(last_position) FROM scim_event_consumer)")) {
        ps.setLong(1, before);
        return ps.executeUpdate();
      }
    });
  }
}
