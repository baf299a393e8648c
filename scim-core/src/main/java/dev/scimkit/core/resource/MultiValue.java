package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One element of a simple multi-valued attribute of a user: {@code emails}, {@code phoneNumbers},
 * {@code ims}, {@code photos}, {@code entitlements}, {@code roles} and {@code x509Certificates}
 * (RFC 7643 section 2.4).
 *
 * @param value the value itself (an address, a number, a URL, a base64 certificate…)
 * @param display a human-readable name, or {@code null}
 * @param type a label such as {@code "work"}, {@code "home"} or {@code "mobile"}, or {@code null}
 * @param primary whether this is the preferred element; at most one element of an attribute is
 *     primary; {@code null} when not stated
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultiValue(String value, String display, String type, Boolean primary) {

  /** An element with only a value. */
  public static MultiValue of(String value) {
    return new MultiValue(value, null, null, null);
  }

  /** An element with a value and a type ({@code "work"}), primary not stated. */
  public static MultiValue of(String value, String type) {
    return new MultiValue(value, null, type, null);
  }

  /** An element with a value, a type and whether it is the primary one. */
  public static MultiValue of(String value, String type, boolean primary) {
    return new MultiValue(value, null, type, primary);
  }
}
