package dev.scimkit.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Threads released at the same instant, for the tests of what concurrent requests do. */
final class Race {
  private Race() {}

  /** What one of the threads does; {@code thread} is its number, from 0. */
  @FunctionalInterface
  interface ThreadTask {
    void run(int thread) throws Exception;
  }

  /** Runs {@code task(thread)} on {@code threads} threads released at once; rethrows failures. */
  static void race(int threads, ThreadTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Callable<Void> c = () -> {
          start.await();
          task.run(thread);
          return null;
        };
        futures.add(pool.submit(c));
      }
      start.countDown();
      for (Future<Void> f : futures) {
        f.get(100, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
