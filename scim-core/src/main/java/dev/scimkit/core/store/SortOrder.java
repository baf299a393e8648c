package dev.scimkit.core.store;

/** {@code sortOrder} of RFC 7644 section 3.4.2.3. */
public enum SortOrder {
  ASCENDING,
  DESCENDING;

  /**
   * Reads a {@code sortOrder} parameter, ignoring case; {@code null} or blank means ascending.
   *
   * @throws IllegalArgumentException for anything but {@code ascending} or {@code descending}
   */
  public static SortOrder fromParameter(String value) {
    if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("ascending")) {
      return ASCENDING;
    }
    if (value.trim().equalsIgnoreCase("descending")) {
      return DESCENDING;
    }
    throw new IllegalArgumentException("sortOrder must be 'ascending' or 'descending'");
  }
}
