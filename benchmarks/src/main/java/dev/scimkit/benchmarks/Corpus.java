package dev.scimkit.benchmarks;

/**
 * The fixed inputs of the filter parse benchmarks: four filters (RFC 7644 section 3.4.2.2) and
 * three PATCH paths (section 3.5.2). Every library is given exactly these strings.
 */
public enum Corpus {
  /** One comparison. */
  SIMPLE(Kind.FILTER, "userName eq \"bjensen@example.com\""),
  /** A long chain mixing and, or, not and a group. */
  LONG_LOGIC(
      Kind.FILTER,
      "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")"
          + " and not (title pr) and meta.lastModified gt \"2011-05-13T04:42:34Z\""
          + " or userName sw \"J\" and active eq true"),
  /** One value path with logic inside the brackets. */
  VALUE_PATH(Kind.FILTER, "emails[type eq \"work\" and value co \"@example.com\"]"),
  /** Two value paths joined by or. */
  TWO_VALUE_PATHS(
      Kind.FILTER,
      "emails[type eq \"work\" and value co \"@example.com\"]"
          + " or ims[type eq \"xmpp\" and value co \"@foo.com\"]"),
  /** The PATCH path Entra ID and Okta send to remove one group member. */
  PATCH_MEMBER(Kind.PATH, "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]"),
  /** A PATCH path with a value filter and a sub-attribute. */
  PATCH_SUB_ATTRIBUTE(Kind.PATH, "emails[type eq \"work\"].value"),
  /** A PATCH path qualified by an extension schema URN. */
  PATCH_URN(Kind.PATH, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager");

  /** Which parser an entry is for: the filter parser or the PATCH path parser. */
  public enum Kind {
    FILTER,
    PATH
  }

  private final Kind kind;
  private final String text;

  Corpus(Kind kind, String text) {
    this.kind = kind;
    this.text = text;
  }

  public Kind kind() {
    return kind;
  }

  public String text() {
    return text;
  }
}
