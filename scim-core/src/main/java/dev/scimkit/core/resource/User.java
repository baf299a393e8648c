package dev.scimkit.core.resource;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SCIM user (RFC 7643 section 4.1) with the Enterprise User extension (section 4.3), as an
 * immutable value.
 *
 * <p>Read one from the engine's JSON with {@link #fromJson(JsonNode)}, write one with {@link
 * #toJson()}, or create one in code:
 *
 * <pre>{@code
 * User user = User.builder()
 *     .userName("bjensen")
 *     .name("Barbara", "Jensen")
 *     .email("bjensen@example.com", "work", true)
 *     .enterprise(EnterpriseUser.builder().employeeNumber("701984").manager("26118915").build())
 *     .active(true)
 *     .build();
 * }</pre>
 *
 * <p>Every single-valued component is {@code null} when absent; every list is empty, never {@code
 * null}, and unmodifiable. {@code id}, {@code meta} and {@code groups} are the server's: they are
 * filled in on resources the engine returns and ignored on create and replace.
 *
 * <p>{@code password} is write-only (RFC 7643 {@code returned: never}): set it to give a new user
 * an initial password; the engine never returns it, so it is {@code null} on a user read from a
 * response. {@link #toString()} never shows it.
 *
 * @param id the server's identifier of the user
 * @param externalId the provisioning client's identifier of the user
 * @param userName the unique name the user signs in with; required by the schema
 * @param name the components of the user's name
 * @param displayName the name to display
 * @param nickName the casual name
 * @param profileUrl the URL of the user's online profile
 * @param title the job title ({@code "Vice President"})
 * @param userType the relationship to the organization ({@code "Employee"}, {@code "Contractor"})
 * @param preferredLanguage the preferred language, as in HTTP {@code Accept-Language} ({@code
 *     "en-US"})
 * @param locale the locale for formatting, as a language tag ({@code "en-US"})
 * @param timezone the time zone, as an IANA name ({@code "America/Los_Angeles"})
 * @param active whether the user may sign in; {@code false} for a disabled (soft-deleted) user
 * @param password the initial or new password; write-only, see above
 * @param emails email addresses
 * @param phoneNumbers phone numbers
 * @param ims instant messaging addresses
 * @param photos URLs of photos
 * @param addresses physical mailing addresses
 * @param groups the groups the user belongs to; read-only, computed by the server
 * @param entitlements entitlements
 * @param roles roles
 * @param x509Certificates DER-encoded X.509 certificates, base64
 * @param enterprise the Enterprise User extension, under its URN in the JSON
 * @param meta the resource's metadata; read-only
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemas"})
public record User(
    String id,
    String externalId,
    String userName,
    Name name,
    String displayName,
    String nickName,
    String profileUrl,
    String title,
    String userType,
    String preferredLanguage,
    String locale,
    String timezone,
    Boolean active,
    String password,
    List<MultiValue> emails,
    List<MultiValue> phoneNumbers,
    List<MultiValue> ims,
    List<MultiValue> photos,
    List<Address> addresses,
    List<GroupMembership> groups,
    List<MultiValue> entitlements,
    List<MultiValue> roles,
    List<MultiValue> x509Certificates,
    @JsonProperty(Schemas.ENTERPRISE_USER) EnterpriseUser enterprise,
    Meta meta) {

  /** Copies every list; {@code null} lists become empty and {@code null} elements are dropped. */
  public User {
    emails = ResourceJson.copy(emails);
    phoneNumbers = ResourceJson.copy(phoneNumbers);
    ims = ResourceJson.copy(ims);
    photos = ResourceJson.copy(photos);
    addresses = ResourceJson.copy(addresses);
    groups = ResourceJson.copy(groups);
    entitlements = ResourceJson.copy(entitlements);
    roles = ResourceJson.copy(roles);
    x509Certificates = ResourceJson.copy(x509Certificates);
  }

  /**
   * Reads a user from a SCIM document in the engine's canonical form (attribute names spelled as
   * in the schema, the extension as an object under its URN). Unknown attributes, attributes of
   * other extensions and {@code schemas} are ignored.
   *
   * @throws IllegalArgumentException if {@code json} is not an object or a value has the wrong
   *     JSON type (an object where a string belongs)
   */
  public static User fromJson(JsonNode json) {
    return ResourceJson.read(json, User.class);
  }

  /**
   * Writes this user as a SCIM document: {@code schemas} (the User URN, plus the Enterprise User
   * URN when the extension has a value), then every attribute that has a value. {@code null}s,
   * empty lists and empty objects are left out. {@code password} is written when set, since this
   * document is what a host sends to create a user.
   *
   * @return a new document, owned by the caller
   */
  public ObjectNode toJson() {
    return ResourceJson.write(this, Schemas.USER);
  }

  /**
   * The schema URNs of this user: {@link Schemas#USER}, then {@link Schemas#ENTERPRISE_USER} if
   * {@link #enterprise()} is not {@code null}.
   */
  @JsonProperty(value = "schemas", access = JsonProperty.Access.READ_ONLY)
  public List<String> schemas() {
    return enterprise == null
        ? List.of(Schemas.USER)
        : List.of(Schemas.USER, Schemas.ENTERPRISE_USER);
  }

  /**
   * The value of the email marked primary, else of the first email; empty if there is none.
   * Identity providers usually send exactly one, of type {@code "work"}, marked primary.
   */
  public Optional<String> primaryEmail() {
    for (MultiValue e : emails) {
      if (Boolean.TRUE.equals(e.primary()) && e.value() != null) {
        return Optional.of(e.value());
      }
    }
    return emails.stream().map(MultiValue::value).filter(v -> v != null).findFirst();
  }

  /** Starts a user. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this user's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.externalId = externalId;
    b.userName = userName;
    b.name = name;
    b.displayName = displayName;
    b.nickName = nickName;
    b.profileUrl = profileUrl;
    b.title = title;
    b.userType = userType;
    b.preferredLanguage = preferredLanguage;
    b.locale = locale;
    b.timezone = timezone;
    b.active = active;
    b.password = password;
    b.emails.addAll(emails);
    b.phoneNumbers.addAll(phoneNumbers);
    b.ims.addAll(ims);
    b.photos.addAll(photos);
    b.addresses.addAll(addresses);
    b.groups.addAll(groups);
    b.entitlements.addAll(entitlements);
    b.roles.addAll(roles);
    b.x509Certificates.addAll(x509Certificates);
    b.enterprise = enterprise;
    b.meta = meta;
    return b;
  }

  /** As the record's, with {@code password} shown only as present or absent. */
  @Override
  public String toString() {
    return "User[id=" + id
        + ", externalId=" + externalId
        + ", userName=" + userName
        + ", name=" + name
        + ", displayName=" + displayName
        + ", nickName=" + nickName
        + ", profileUrl=" + profileUrl
        + ", title=" + title
        + ", userType=" + userType
        + ", preferredLanguage=" + preferredLanguage
        + ", locale=" + locale
        + ", timezone=" + timezone
        + ", active=" + active
        + ", password=" + (password == null ? "null" : "(hidden)")
        + ", emails=" + emails
        + ", phoneNumbers=" + phoneNumbers
        + ", ims=" + ims
        + ", photos=" + photos
        + ", addresses=" + addresses
        + ", groups=" + groups
        + ", entitlements=" + entitlements
        + ", roles=" + roles
        + ", x509Certificates=" + x509Certificates
        + ", enterprise=" + enterprise
        + ", meta=" + meta
        + ']';
  }

  /**
   * Builds a {@link User}. Single values are replaced by each call; methods named after one
   * element ({@link #email}, {@link #phoneNumber}, …) append to their list, and methods named
   * after the list ({@link #emails}) replace it. Nothing is required: the engine, not the builder,
   * checks that {@code userName} is present.
   */
  public static final class Builder {
    private String id;
    private String externalId;
    private String userName;
    private Name name;
    private String displayName;
    private String nickName;
    private String profileUrl;
    private String title;
    private String userType;
    private String preferredLanguage;
    private String locale;
    private String timezone;
    private Boolean active;
    private String password;
    private final List<MultiValue> emails = new ArrayList<>();
    private final List<MultiValue> phoneNumbers = new ArrayList<>();
    private final List<MultiValue> ims = new ArrayList<>();
    private final List<MultiValue> photos = new ArrayList<>();
    private final List<Address> addresses = new ArrayList<>();
    private final List<GroupMembership> groups = new ArrayList<>();
    private final List<MultiValue> entitlements = new ArrayList<>();
    private final List<MultiValue> roles = new ArrayList<>();
    private final List<MultiValue> x509Certificates = new ArrayList<>();
    private EnterpriseUser enterprise;
    private Meta meta;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    public Builder userName(String userName) {
      this.userName = userName;
      return this;
    }

    public Builder name(Name name) {
      this.name = name;
      return this;
    }

    /** The name with only a given and a family name. */
    public Builder name(String givenName, String familyName) {
      this.name = Name.of(givenName, familyName);
      return this;
    }

    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    public Builder nickName(String nickName) {
      this.nickName = nickName;
      return this;
    }

    public Builder profileUrl(String profileUrl) {
      this.profileUrl = profileUrl;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder userType(String userType) {
      this.userType = userType;
      return this;
    }

    public Builder preferredLanguage(String preferredLanguage) {
      this.preferredLanguage = preferredLanguage;
      return this;
    }

    public Builder locale(String locale) {
      this.locale = locale;
      return this;
    }

    public Builder timezone(String timezone) {
      this.timezone = timezone;
      return this;
    }

    public Builder active(Boolean active) {
      this.active = active;
      return this;
    }

    /** The initial password; write-only, never returned by the engine. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** Appends an email with only a value. */
    public Builder email(String value) {
      return email(MultiValue.of(value));
    }

    /** Appends an email: {@code email("b@example.com", "work", true)}. */
    public Builder email(String value, String type, boolean primary) {
      return email(MultiValue.of(value, type, primary));
    }

    public Builder email(MultiValue email) {
      emails.add(requireNonNull(email, "email == null"));
      return this;
    }

    public Builder emails(List<MultiValue> emails) {
      return replace(this.emails, emails, "emails");
    }

    /** Appends a phone number: {@code phoneNumber("+1 555 0100", "mobile", false)}. */
    public Builder phoneNumber(String value, String type, boolean primary) {
      return phoneNumber(MultiValue.of(value, type, primary));
    }

    public Builder phoneNumber(MultiValue phoneNumber) {
      phoneNumbers.add(requireNonNull(phoneNumber, "phoneNumber == null"));
      return this;
    }

    public Builder phoneNumbers(List<MultiValue> phoneNumbers) {
      return replace(this.phoneNumbers, phoneNumbers, "phoneNumbers");
    }

    public Builder im(MultiValue im) {
      ims.add(requireNonNull(im, "im == null"));
      return this;
    }

    public Builder ims(List<MultiValue> ims) {
      return replace(this.ims, ims, "ims");
    }

    public Builder photo(MultiValue photo) {
      photos.add(requireNonNull(photo, "photo == null"));
      return this;
    }

    public Builder photos(List<MultiValue> photos) {
      return replace(this.photos, photos, "photos");
    }

    public Builder address(Address address) {
      addresses.add(requireNonNull(address, "address == null"));
      return this;
    }

    public Builder addresses(List<Address> addresses) {
      return replace(this.addresses, addresses, "addresses");
    }

    /** Appends a group membership; only meaningful on users the server returns. */
    public Builder group(GroupMembership group) {
      groups.add(requireNonNull(group, "group == null"));
      return this;
    }

    public Builder groups(List<GroupMembership> groups) {
      return replace(this.groups, groups, "groups");
    }

    public Builder entitlement(MultiValue entitlement) {
      entitlements.add(requireNonNull(entitlement, "entitlement == null"));
      return this;
    }

    public Builder entitlements(List<MultiValue> entitlements) {
      return replace(this.entitlements, entitlements, "entitlements");
    }

    /** Appends a role with only a value. */
    public Builder role(String value) {
      return role(MultiValue.of(value));
    }

    public Builder role(MultiValue role) {
      roles.add(requireNonNull(role, "role == null"));
      return this;
    }

    public Builder roles(List<MultiValue> roles) {
      return replace(this.roles, roles, "roles");
    }

    public Builder x509Certificate(MultiValue certificate) {
      x509Certificates.add(requireNonNull(certificate, "certificate == null"));
      return this;
    }

    public Builder x509Certificates(List<MultiValue> certificates) {
      return replace(this.x509Certificates, certificates, "x509Certificates");
    }

    public Builder enterprise(EnterpriseUser enterprise) {
      this.enterprise = enterprise;
      return this;
    }

    public Builder meta(Meta meta) {
      this.meta = meta;
      return this;
    }

    public User build() {
      return new User(
          id,
          externalId,
          userName,
          name,
          displayName,
          nickName,
          profileUrl,
          title,
          userType,
          preferredLanguage,
          locale,
          timezone,
          active,
          password,
          emails,
          phoneNumbers,
          ims,
          photos,
          addresses,
          groups,
          entitlements,
          roles,
          x509Certificates,
          enterprise,
          meta);
    }

    private <E> Builder replace(List<E> target, List<E> values, String what) {
      requireNonNull(values, what + " == null");
      target.clear();
      target.addAll(values);
      return this;
    }
  }
}
