package dev.scimkit.examples.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.scimkit.core.event.EventJson;
import dev.scimkit.core.event.ProvisioningEvent;
import dev.scimkit.core.event.ProvisioningListener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The standalone server's {@code --webhook}: every provisioning event is POSTed to the host's URL
 * as JSON ({@link EventJson}), so that the host application can end a deactivated user's
 * sessions, free a deleted user's seat, or grant a group's role, without reading Scimkit's tables.
 *
 * <p>Each request carries:
 *
 * <ul>
 *   <li>{@code Scimkit-Event-Id}: the event's id. Deliveries are at least once (after a crash, an
 *       event the host acknowledged may come again): the host drops an id it has already handled.
 *   <li>{@code Scimkit-Event-Type}: {@code DEACTIVATED}, {@code DELETED}, ...
 *   <li>{@code Scimkit-Signature: t=SECONDS,v1=HEX}: with {@code --webhook-secret}, the
 *       lower-case hex HMAC-SHA256, keyed with the secret, of {@code SECONDS + "." + body}, where
 *       {@code SECONDS} is the Unix time of the sending. The host recomputes it, compares in
 *       constant time, and refuses a time far from its own clock (a replay).
 * </ul>
 *
 * <p>Any 2xx answer acknowledges the event; anything else, or no answer within ten seconds, has it
 * sent again later (on the JDBC stores, after a growing pause, surviving restarts; on the memory
 * store, not at all: see {@link dev.scimkit.core.event}).
 */
final class WebhookListener implements ProvisioningListener {
  static final String EVENT_ID = "Scimkit-Event-Id";
  static final String EVENT_TYPE = "Scimkit-Event-Type";
  static final String SIGNATURE = "Scimkit-Signature";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI url;
  private final byte[] secret;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  /** A webhook to {@code url}, signed with {@code secret} unless it is {@code null}. */
  WebhookListener(URI url, String secret, Clock clock) {
    this.url = url;
    this.secret = secret == null ? null : secret.getBytes(UTF_8);
    this.clock = clock;
  }

  @Override
  public void onEvent(ProvisioningEvent event) throws IOException, InterruptedException {
    String body = EventJson.write(event);
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header(EVENT_ID, event.id())
        .header(EVENT_TYPE, event.type().name())
        .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
    if (secret != null) {
      request.header(SIGNATURE, signature(secret, clock.instant().getEpochSecond(), body));
    }
    HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the webhook answered " + response.statusCode());
    }
  }

  /** {@code t=SECONDS,v1=HEX}: the HMAC-SHA256 of {@code SECONDS + "." + body}. */
  static String signature(byte[] secret, long seconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal((seconds + "." + body).getBytes(UTF_8));
      return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "webhook " + url;
  }
}
