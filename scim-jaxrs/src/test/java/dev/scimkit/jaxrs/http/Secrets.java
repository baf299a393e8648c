package dev.scimkit.jaxrs.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.auth.IssuedToken;
import dev.scimkit.core.auth.OrganizationTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the tests of this JVM hand out, so that every reply can be checked for them ({@link
 * ScimHttp} does so) and, after the whole run, every log line ({@code NoSecretInLogsIT} reads the
 * file this class appends to: the system property {@value #FILE_PROPERTY}).
 */
public final class Secrets {
  /** Where the secrets of this run are appended, one a line. */
  public static final String FILE_PROPERTY = "scimkit.test.secrets";

  private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

  static {
    String file = System.getProperty(FILE_PROPERTY);
    if (file != null) {
      try {
        Files.writeString(Path.of(file), "", UTF_8); // this run's secrets only
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Secrets() {}

  /** Creates an organisation token and remembers its secret. */
  public static String issue(OrganizationTokens tokens, String tenant) {
    return remember(tokens.create(tenant, "test token of " + tenant)).secret();
  }

  /** Remembers the secret of {@code issued}. */
  public static IssuedToken remember(IssuedToken issued) {
    remember(issued.secret());
    return issued;
  }

  /** Remembers a secret made some other way (a signed JWT). */
  public static synchronized void remember(String secret) {
    if (!ISSUED.add(secret)) {
      return;
    }
    String file = System.getProperty(FILE_PROPERTY);
    if (file != null) {
      try {
        Files.writeString(Path.of(file), secret + "\n", UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** How many secrets were handed out so far. */
  public static int count() {
    return ISSUED.size();
  }

  /** No secret handed out so far appears in the reply's body or headers. */
  static void assertNoSecret(Reply reply) {
    if (ISSUED.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder(reply.body());
    for (Map.Entry<String, List<String>> h : reply.headers().map().entrySet()) {
      text.append('\n').append(h.getKey()).append(": ").append(h.getValue());
    }
    String all = text.toString();
    for (String secret : ISSUED) {
      // the secret's random part alone would be as bad as the whole
      String core = secret.length() > 24 ? secret.substring(secret.length() - 24) : secret;
      // a boolean, so that a failure does not print the secret once more
      assertThat(all.contains(core)).as("a secret in the reply to %s %s", reply.method(), reply.uri()).isFalse();
    }
  }
}
