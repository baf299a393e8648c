package dev.scimkit.examples;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The standalone server as the integration tests run it: {@code java -jar scimkit-server.jar},
 * the jar that this build's {@code package} phase made, in a process of its own.
 */
public final class ServerProcess {
  /** The repository root (failsafe passes it as {@code scimkit.root}). */
  public static final Path ROOT = Path.of(System.getProperty("scimkit.root", "..")).toAbsolutePath().normalize();

  /** The server jar. */
  public static final Path JAR = ROOT.resolve("examples/target/scimkit-server.jar");

  private ServerProcess() {}

  /**
   * Starts {@code argv} (whose {@code examples/target/scimkit-server.jar} is replaced by the jar's
   * absolute path) in {@code work}, with stderr to {@code work/stderr.txt}: a pipe nobody reads
   * would block the server once it fills.
   */
  public static Process start(Path work, List<String> argv) throws IOException {
    List<String> command = new ArrayList<>(argv);
    int jar = command.indexOf("examples/target/scimkit-server.jar");
    if (jar >= 0) {
      command.set(jar, JAR.toString());
    }
    return new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectError(work.resolve("stderr.txt").toFile())
        .start();
  }

  /** A port that was free a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The lines a process prints, read on a thread of their own. */
  public static final class Lines {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public Lines(Process p) {
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process ended
        }
      }, "server-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next line, waiting up to 60 s. */
    public String next() throws InterruptedException {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null) {
        fail("the server printed nothing more within 60 s");
      }
      return line;
    }

    /** Skips lines up to and including the first that starts with {@code prefix}. */
    public void await(String prefix) throws InterruptedException {
      for (String line = next(); !line.startsWith(prefix); line = next()) {
        // skip other output
      }
    }
  }
}
