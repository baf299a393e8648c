package dev.scimkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code scimkit-server.jar} that {@code package} built, run as a process the way a user
 * runs it: for the integration tests that check what it prints.
 */
public final class ServerJar {
  /** The project's root folder. */
  public static final Path ROOT =
      Path.of(System.getProperty("scimkit.root", "..")).toAbsolutePath().normalize();

  /** The jar. */
  public static final Path JAR = ROOT.resolve("examples/target/scimkit-server.jar");

  private ServerJar() {}

  /** A finished command: its exit status and what it printed. */
  public record Result(int status, String out, String err) {}

  /** Runs {@code java -jar scimkit-server.jar args...} in {@code work} to its end. */
  public static Result run(Path work, String... args) throws IOException, InterruptedException {
    Process p = start(work, args);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished: %s", List.of(args)).isTrue();
    return new Result(p.exitValue(), out, Files.readString(work.resolve("stderr.txt")));
  }

  /** As {@link #start(Path, String...)}. */
  public static Process start(Path work, List<String> args) throws IOException {
    return start(work, args.toArray(String[]::new));
  }

  /** A port that was free a moment ago. */
  public static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Starts {@code java -jar scimkit-server.jar args...} in {@code work}, its stderr going to
   * {@code work/stderr.txt} (a pipe nobody reads would block the server once it fills).
   */
  public static Process start(Path work, String... args) throws IOException {
    assertThat(JAR).as("built by the package phase of this very build").exists();
    List<String> argv = new ArrayList<>(List.of(javaCommand(), "-jar", JAR.toString()));
    argv.addAll(List.of(args));
    return new ProcessBuilder(argv).directory(work.toFile()).redirectError(work.resolve("stderr.txt").toFile()).start();
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The lines a process prints on stdout, read on a thread of their own. */
  public static final class Lines {
    /** Queued after the last line, compared by identity: the process closed its stdout. */
    private static final String END = new String("");

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    public Lines(Process p) {
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process ended
        } finally {
          lines.add(END);
        }
      }, "server-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next line, waiting up to 60 s for it; fails at once if the process closed its stdout. */
    public String next() throws InterruptedException {
      String line = lines.poll(60, TimeUnit.SECONDS);
      if (line == null) {
        fail("the server printed nothing more within 60 s");
      }
      if (line == END) {
        lines.add(END);
        fail("the server closed its stdout (ended?) before printing the line awaited");
      }
      return line;
    }

    /** Skips lines up to and including the first that starts with {@code prefix}; returns it. */
    public String await(String prefix) throws InterruptedException {
      String line = next();
      while (!line.startsWith(prefix)) {
        line = next();
      }
      return line;
    }
  }
}
