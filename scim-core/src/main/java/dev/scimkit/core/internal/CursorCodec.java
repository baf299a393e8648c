package dev.scimkit.core.internal;

import static java.util.Objects.requireNonNull;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.store.Keyset;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals cursor positions into the opaque {@code cursor} strings clients see (RFC 9865), and opens
 * them again.
 *
 * <p>A cursor is AES-256-GCM over what the walk needs (lane, direction, store position, whether
 * the store pages by keyset or the engine by id, the count taken at the start of the walk, and
 * the time it was issued), with the tenant, the endpoint and the canonical filter as associated
 * data. So a cursor cannot be read (a store's position, such as a sequence number shared by every
 * tenant, tells nothing), cannot be forged or altered, and opens only for the tenant, endpoint
 * and filter it was issued for: anything else is {@code 400 invalidCursor}, with one detail for
 * every reason, so the answer tells nothing about the data (RFC 9865 section 5.2). A cursor older
 * than the timeout is {@code 400 expiredCursor}, checked only once it has opened. Cursors are
 * base64url without padding: RFC 3986 unreserved characters only. The engine keeps no state per
 * cursor.
 */
final class CursorCodec {
  /** What a cursor holds. */
  record Position(int lane, Keyset keyset, boolean byId, int total) {}

  /** Longer cursor texts are refused before any decoding. */
  static final int MAX_LENGTH = 4096;

  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String INVALID =
      "The cursor is not valid for this query: send an empty cursor for the first page, then the"
          + " nextCursor or previousCursor of the previous response with the same filter.";

  private final SecretKeySpec key;
  private final Duration timeout;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  CursorCodec(byte[] secret, Duration timeout, Clock clock) {
    this.key = new SecretKeySpec(derive(secret), "AES");
    this.timeout = requireNonNull(timeout, "timeout == null");
    this.clock = requireNonNull(clock, "clock == null");
  }

  /** The key of AES from the host's secret, so that any secret of 16 bytes or more will do. */
  private static byte[] derive(byte[] secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal("scimkit cursor key 1".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  Duration timeout() {
    return timeout;
  }

  /** Seals {@code position} for a query identified by {@code binding}. */
  String seal(Position position, Binding binding) {
    byte[] storePosition =
        position.keyset().position() == null
            ? new byte[0]
            : position.keyset().position().getBytes(StandardCharsets.UTF_8);
    ByteBuffer plain = ByteBuffer.allocate(1 + 1 + 4 + 8 + 4 + storePosition.length);
    int flags = (position.keyset().direction() == Keyset.Direction.BEFORE ? 1 : 0)
        | (position.keyset().position() != null ? 2 : 0)
        | (position.byId() ? 4 : 0);
    plain.put(VERSION).put((byte) flags).putInt(position.lane())
        .putLong(clock.instant().getEpochSecond()).putInt(position.total()).put(storePosition);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(binding.bytes());
      byte[] sealed = cipher.doFinal(plain.array());
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is missing from this JVM", e);
    }
  }

  /**
   * Opens a cursor issued for {@code binding}.
   *
   * @throws ScimException 400 {@code invalidCursor} for anything this codec did not seal for
   *     this binding; 400 {@code expiredCursor} for one older than the timeout
   */
  Position open(String text, Binding binding) {
    if (text.length() > MAX_LENGTH || !text.matches("[A-Za-z0-9_-]+")) {
      throw invalid();
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (raw.length < NONCE_BYTES + TAG_BITS / 8 + 18) {
      throw invalid();
    }
    ByteBuffer plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
      cipher.updateAAD(binding.bytes());
      plain = ByteBuffer.wrap(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES));
    } catch (javax.crypto.AEADBadTagException e) {
      throw invalid();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is missing from this JVM", e);
    }
    if (plain.get() != VERSION) {
      throw invalid();
    }
    int flags = plain.get();
    int lane = plain.getInt();
    long issued = plain.getLong();
    int total = plain.getInt();
    byte[] storePosition = new byte[plain.remaining()];
    plain.get(storePosition);
    if (clock.instant().getEpochSecond() - issued > timeout.toSeconds()) {
      throw new ScimException(
          400,
          ScimType.EXPIRED_CURSOR,
          "The cursor has expired: request the next page within " + timeout.toSeconds()
              + " seconds (cursorTimeout), or start again with an empty cursor.");
    }
    String position = (flags & 2) != 0 ? new String(storePosition, StandardCharsets.UTF_8) : null;
    Keyset.Direction direction = (flags & 1) != 0 ? Keyset.Direction.BEFORE : Keyset.Direction.AFTER;
    return new Position(lane, new Keyset(direction, position), (flags & 4) != 0, total);
  }

  static ScimException invalid() {
    return ScimException.badRequest(ScimType.INVALID_CURSOR, INVALID);
  }

  /** What a cursor is bound to: the tenant, the endpoint searched, and the canonical filter. */
  record Binding(String tenant, String endpoint, String filter) {
    byte[] bytes() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeBytes("scimkit cursor 1");
        for (String part : new String[] {tenant, endpoint, filter == null ? "" : filter}) {
          byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
          out.writeInt(utf8.length);
          out.write(utf8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }
}
