package dev.scimkit.core.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generating, recognising and hashing organisation token secrets. */
final class TokenSecrets {
  private TokenSecrets() {}

  /** What every secret starts with, so that secret scanners and people recognise one. */
  static final String PREFIX = "scimkit_";

  /** Random bytes in a secret: 256 bits. */
  static final int SECRET_BYTES = 32;

  /** Random bytes in a public token id. */
  static final int ID_BYTES = 12;

  /**
   * The longest text worth hashing: a generated secret is {@code PREFIX} plus 43 characters, a
   * registered one at most this long; anything longer is refused before it costs a hash.
   */
  static final int MAX_PRESENTED_LENGTH = 256;

  /** The shortest secret a host may {@linkplain OrganizationTokens#register register}. */
  static final int MIN_REGISTERED_LENGTH = 32;

  /** RFC 6750's b64token: what a bearer token may consist of. */
  private static final java.util.regex.Pattern B64TOKEN =
      java.util.regex.Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  static String newSecret(SecureRandom random) {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return PREFIX + BASE64URL.encodeToString(bytes);
  }

  static String newId(SecureRandom random) {
    byte[] bytes = new byte[ID_BYTES];
    random.nextBytes(bytes);
    return "tok_" + HexFormat.of().formatHex(bytes);
  }

  /** Whether a host-chosen secret is long enough and can be sent as a bearer token. */
  static boolean isAcceptableSecret(String secret) {
    return secret.length() >= MIN_REGISTERED_LENGTH
        && secret.length() <= MAX_PRESENTED_LENGTH
        && B64TOKEN.matcher(secret).matches();
  }

  /** The lower-case hex SHA-256 of {@code secret}'s UTF-8 bytes, as {@link StoredToken#hash()}. */
  static String hash(String secret) {
    return HexFormat.of().formatHex(sha256().digest(secret.getBytes(UTF_8)));
  }

  /** Compares two hex hashes in time that does not depend on where they differ. */
  static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(UTF_8), b.getBytes(UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
