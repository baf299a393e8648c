package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The Enterprise User extension (RFC 7643 section 4.3), found in a user's JSON under the key
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}. Every attribute may be
 * {@code null}. The RFC's {@code employeeNumber}, {@code costCenter}, {@code organization},
 * {@code division} and {@code department} are plain strings.
 *
 * @param employeeNumber the organization's identifier for the person
 * @param costCenter the cost center
 * @param organization the organization
 * @param division the division
 * @param department the department
 * @param manager the user's manager
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnterpriseUser(
    String employeeNumber,
    String costCenter,
    String organization,
    String division,
    String department,
    Manager manager) {

  /** Starts an extension value. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this value's attributes, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .employeeNumber(employeeNumber)
        .costCenter(costCenter)
        .organization(organization)
        .division(division)
        .department(department)
        .manager(manager);
  }

  /** Builds an {@link EnterpriseUser}; every attribute is optional. */
  public static final class Builder {
    private String employeeNumber;
    private String costCenter;
    private String organization;
    private String division;
    private String department;
    private Manager manager;

    private Builder() {}

    public Builder employeeNumber(String employeeNumber) {
      this.employeeNumber = employeeNumber;
      return this;
    }

    public Builder costCenter(String costCenter) {
      this.costCenter = costCenter;
      return this;
    }

    public Builder organization(String organization) {
      this.organization = organization;
      return this;
    }

    public Builder division(String division) {
      this.division = division;
      return this;
    }

    public Builder department(String department) {
      this.department = department;
      return this;
    }

    public Builder manager(Manager manager) {
      this.manager = manager;
      return this;
    }

    /** The manager named by id only; {@code null} clears it. */
    public Builder manager(String managerId) {
      this.manager = managerId == null ? null : Manager.of(managerId);
      return this;
    }

    public EnterpriseUser build() {
      return new EnterpriseUser(
          employeeNumber, costCenter, organization, division, department, manager);
    }
  }
}
