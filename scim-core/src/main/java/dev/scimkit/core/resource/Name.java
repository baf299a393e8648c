package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The components of a user's name (RFC 7643 section 4.1.1, {@code name}). Every component may be
 * {@code null}.
 *
 * @param formatted the full name for display ({@code "Ms. Barbara J Jensen, III"})
 * @param familyName the family (last) name
 * @param givenName the given (first) name
 * @param middleName the middle name(s)
 * @param honorificPrefix titles before the name ({@code "Ms."})
 * @param honorificSuffix suffixes after the name ({@code "III"})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Name(
    String formatted,
    String familyName,
    String givenName,
    String middleName,
    String honorificPrefix,
    String honorificSuffix) {

  /** A name with only a given and a family name. */
  public static Name of(String givenName, String familyName) {
    return new Name(null, familyName, givenName, null, null, null);
  }
}
