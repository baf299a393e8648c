package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One element of a user's {@code addresses} (RFC 7643 section 4.1.2). Every component may be
 * {@code null}.
 *
 * @param formatted the full address for display, lines separated by {@code \n}
 * @param streetAddress the street, house number and similar
 * @param locality the city or locality
 * @param region the state or region
 * @param postalCode the postal code
 * @param country the country, as an ISO 3166-1 alpha-2 code ({@code "US"})
 * @param type a label such as {@code "work"} or {@code "home"}
 * @param primary whether this is the preferred address; {@code null} when not stated
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Address(
    String formatted,
    String streetAddress,
    String locality,
    String region,
    String postalCode,
    String country,
    String type,
    Boolean primary) {

  /** Starts an address. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Address}; every component is optional. */
  public static final class Builder {
    private String formatted;
    private String streetAddress;
    private String locality;
    private String region;
    private String postalCode;
    private String country;
    private String type;
    private Boolean primary;

    private Builder() {}

    public Builder formatted(String formatted) {
      this.formatted = formatted;
      return this;
    }

    public Builder streetAddress(String streetAddress) {
      this.streetAddress = streetAddress;
      return this;
    }

    public Builder locality(String locality) {
      this.locality = locality;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder postalCode(String postalCode) {
      this.postalCode = postalCode;
      return this;
    }

    public Builder country(String country) {
      this.country = country;
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder primary(Boolean primary) {
      this.primary = primary;
      return this;
    }

    public Address build() {
      return new Address(
          formatted, streetAddress, locality, region, postalCode, country, type, primary);
    }
  }
}
