package dev.scimkit.jaxrs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After the HTTP runs (Jersey and RESTEasy, each with Scimkit in its own application and under a
 * host's): no organisation token or JWT that any test handed out appears in any line a run logged, Scimkit's own lines (SLF4J) and the runtimes' (JUL,
 * bridged) alike. The runs write their secrets and their logs to {@code target/test-*}.
 */
class NoSecretInLogsIT {
  private static final Path DIR = Path.of(System.getProperty("scimkit.test.logs", "target"));

  @Test
  void noSecretHandedOutByTheTests_appearsInAnyLogLine() throws IOException {
    Set<String> secrets = new LinkedHashSet<>();
    List<Path> secretFiles = files("-secrets.txt");
    for (Path f : secretFiles) {
      for (String line : Files.readAllLines(f, UTF_8)) {
        if (!line.isBlank()) {
          secrets.add(line.trim());
        }
      }
    }
    List<Path> logs = files(".log");

    assertThat(secretFiles).as("secrets of the four runs: Jersey, RESTEasy, each in two mounts").hasSize(4);
    assertThat(logs).as("logs of the four runs: Jersey, RESTEasy, each in two mounts").hasSize(4);
    assertThat(secrets).as("the runs used tokens").hasSizeGreaterThan(20);
    long lines = 0;
    for (Path log : logs) {
      List<String> all = Files.readAllLines(log, UTF_8);
      lines += all.size();
      assertThat(all).as("%s holds the audit trail: logging was captured", log)
          .anyMatch(l -> l.contains("dev.scimkit.audit") && l.contains("op=CREATE"));
      for (String line : all) {
        for (String secret : secrets) {
          String core = secret.length() > 24 ? secret.substring(secret.length() - 24) : secret;
          // a boolean, so that a failure does not print the secret once more
          assertThat(line.contains(core)).as("a secret in a line of %s", log.getFileName()).isFalse();
        }
      }
    }
    assertThat(lines).as("lines logged").isGreaterThan(100);
  }

  private static List<Path> files(String suffix) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(DIR)) {
      s.filter(p -> p.getFileName().toString().startsWith("test-"))
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .forEach(out::add);
    }
    return out;
  }
}
