package dev.scimkit.examples;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attacker that holds many connections open and feeds them a byte at a time, on one thread
 * with non-blocking sockets: it can keep thousands of connections busy at little cost to itself.
 * When the server closes a connection, the attacker notices at its next byte and opens another, as
 * a real one would. It opens at most {@code connectsPerSecond} connections a second, so that its
 * connections come and go spread out in time, not all in one burst.
 */
final class SlowClients implements AutoCloseable {

  /** What a connection sends. */
  enum Kind {
    /** Part of a request head, then a byte every 2 s: the head never ends. */
    SLOW_HEAD("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 2_000),
    /**
     * A whole head announcing 100,000 bytes of body without a token, then a byte every 2 s: the
     * slow-body attack of issue 11.
     */
    SLOW_BODY("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/scim+json\r\n"
        + "Content-Length: 100000\r\n\r\n{", 2_000),
    /** The same with a token that is not valid. */
    SLOW_BODY_BAD_TOKEN("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/scim+json\r\n"
        + "Authorization: Bearer scimkit_NotAValidTokenNotAValidTokenNotAValidTok\r\n"
        + "Content-Length: 100000\r\n\r\n{", 2_000),
    /**
     * The same with a valid token (the constructor's): this body is read, and must hold no worker
     * thread while it trickles in.
     */
    SLOW_BODY_VALID_TOKEN("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/scim+json\r\n"
        + "Authorization: Bearer %s\r\n"
        + "Content-Length: 100000\r\n\r\n{", 2_000),
    /** Nothing at all. */
    IDLE("", 0);

    final String opening;
    final long tickMillis;

    Kind(String opening, long tickMillis) {
      this.opening = opening;
      this.tickMillis = tickMillis;
    }
  }

  /** One connection of the attacker. */
  private static final class Connection {
    final Kind kind;
    final SocketChannel channel;
    long nextTick;
    boolean connected;
    boolean answered;

    Connection(Kind kind, SocketChannel channel) {
      this.kind = kind;
      this.channel = channel;
    }
  }

  private final InetSocketAddress server;
  private final Selector selector;
  private final Map<Kind, AtomicInteger> wanted = new EnumMap<>(Kind.class);
  private final Map<Kind, AtomicInteger> open = new EnumMap<>(Kind.class);
  private final Map<Kind, AtomicInteger> closedByServer = new EnumMap<>(Kind.class);
  private final Map<Kind, AtomicInteger> answered = new EnumMap<>(Kind.class);
  private final AtomicInteger refused = new AtomicInteger();
  private final Map<Kind, AtomicInteger> waiting = new EnumMap<>(Kind.class);
  private final Map<Kind, byte[]> openings = new EnumMap<>(Kind.class);
  private final ArrayDeque<Reopen> reopens = new ArrayDeque<>();
  private final List<Connection> connections = new ArrayList<>();
  private final double connectsPerSecond;
  private double connectTokens;
  private long tokensAt = System.nanoTime();
  private final Thread loop;
  private volatile boolean running = true;

  /** A replacement for a connection the server closed, due at {@code at} (milliseconds). */
  private record Reopen(Kind kind, long at) {}

  SlowClients(int port, int connectsPerSecond, String validToken) throws IOException {
    this.server = new InetSocketAddress("127.0.0.1", port);
    for (Kind k : Kind.values()) {
      openings.put(k, String.format(k.opening, validToken).getBytes(ISO_8859_1));
    }
    this.connectsPerSecond = connectsPerSecond;
    this.selector = Selector.open();
    for (Kind k : Kind.values()) {
      wanted.put(k, new AtomicInteger());
      open.put(k, new AtomicInteger());
      closedByServer.put(k, new AtomicInteger());
      answered.put(k, new AtomicInteger());
      waiting.put(k, new AtomicInteger());
    }
    this.loop = new Thread(this::run, "slow-clients");
    loop.setDaemon(true);
    loop.start();
  }

  /** Keeps {@code count} more connections of {@code kind} open from now on. */
  void add(Kind kind, int count) {
    wanted.get(kind).addAndGet(count);
    selector.wakeup();
  }

  /** Connections of {@code kind} open now (connected or connecting). */
  int open(Kind kind) {
    return open.get(kind).get();
  }

  /** Connections of {@code kind} the server has closed so far. */
  int closedByServer(Kind kind) {
    return closedByServer.get(kind).get();
  }

  /** Connections that could not be opened at all. */
  int refused() {
    return refused.get();
  }

  /** Connections of {@code kind} that received any answer before being closed. */
  int answered(Kind kind) {
    return answered.get(kind).get();
  }

  private void run() {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    ByteBuffer tick = ByteBuffer.wrap(new byte[] {'a'});
    try {
      while (running) {
        openWanted();
        selector.select(50);
        for (SelectionKey key : selector.selectedKeys()) {
          Connection c = (Connection) key.attachment();
          try {
            if (key.isConnectable()) {
              if (!c.channel.finishConnect()) {
                continue;
              }
              c.connected = true;
              c.channel.write(ByteBuffer.wrap(openings.get(c.kind)));
              key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
              sink.clear();
              if (c.channel.read(sink) == -1) {
                serverClosed(c, key);
              } else if (!c.answered) {
                c.answered = true;
                answered.get(c.kind).incrementAndGet();
              }
            }
          } catch (IOException e) {
            serverClosed(c, key);
          }
        }
        selector.selectedKeys().clear();
        long now = System.currentTimeMillis();
        for (Connection c : new ArrayList<>(connections)) {
          if (c.kind.tickMillis > 0 && c.connected && now >= c.nextTick) {
            c.nextTick = now + c.kind.tickMillis;
            try {
              c.channel.write(tick.clear());
            } catch (IOException e) {
              serverClosed(c, c.channel.keyFor(selector));
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        throw new IllegalStateException("the attacker failed", e);
      }
    }
  }

  /** Opens connections up to the wanted counts, as fast as {@code connectsPerSecond} allows. */
  private void openWanted() throws IOException {
    long now = System.currentTimeMillis();
    while (!reopens.isEmpty() && reopens.peek().at() <= now) {
      waiting.get(reopens.poll().kind()).decrementAndGet();
    }
    long nanos = System.nanoTime();
    connectTokens = Math.min(connectsPerSecond / 10, connectTokens + (nanos - tokensAt) * connectsPerSecond / 1e9);
    tokensAt = nanos;
    for (Kind k : Kind.values()) {
      while (connectTokens >= 1 && open.get(k).get() + waiting.get(k).get() < wanted.get(k).get()) {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        Connection c = new Connection(k, channel);
        c.nextTick = System.currentTimeMillis() + k.tickMillis;
        channel.register(selector, SelectionKey.OP_CONNECT, c);
        channel.connect(server);
        connections.add(c);
        open.get(k).incrementAndGet();
        connectTokens--;
      }
    }
  }

  private void serverClosed(Connection c, SelectionKey key) {
    if (key != null) {
      key.cancel();
    }
    try {
      c.channel.close();
    } catch (IOException e) {
      // closing anyway
    }
    if (connections.remove(c)) {
      open.get(c.kind).decrementAndGet();
      (c.connected ? closedByServer.get(c.kind) : refused).incrementAndGet();
      waiting.get(c.kind).incrementAndGet();
      reopens.add(new Reopen(c.kind, System.currentTimeMillis() + Math.max(c.kind.tickMillis, 1_000)));
    }
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c : connections) {
      try {
        c.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
