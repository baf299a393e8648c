package dev.scimkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A user table description refuses, at the call that makes it, what no table could hold. */
class UserTableBuilderTest {
  private static UserTable.Builder users() {
    return UserTable.named("users").id("id");
  }

  @Test
  void names_mustBePlainSqlNames() {
    assertThatThrownBy(() -> UserTable.named("users; DROP TABLE x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a table name");
    assertThatThrownBy(() -> users().column("userName", "e-mail")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a column name: 'e-mail'");
  }

  @Test
  void paths_mustNameOneValueOfTheUserType() {
    assertThatThrownBy(() -> users().column("nickname.x", "c")).hasMessageContaining("no attribute 'nickname.x'");
    assertThatThrownBy(() -> users().column("emails", "c")).hasMessageContaining("multi-valued");
    assertThatThrownBy(() -> users().column("name", "c")).hasMessageContaining("not a single value");
    assertThatThrownBy(() -> users().column("emails[value eq \"x\"].type", "c")).hasMessageContaining("selected by its type");
    assertThatThrownBy(() -> users().column("password", "c")).hasMessageContaining("never stored in clear");
    assertThatThrownBy(() -> users().column("groups", "c")).hasMessageContaining("computed");
    assertThatThrownBy(() -> users().column("id", "c")).hasMessageContaining("id(column)");
    assertThatThrownBy(() -> users().column("meta.version", "c")).hasMessageContaining("kept by the store");
    assertThatThrownBy(() -> users().column("userName eq", "c")).hasMessageContaining("not an attribute path");
  }

  @Test
  void aPathOrAColumn_isMappedOnce() {
    assertThatThrownBy(() -> users().column("userName", "a").column("USERNAME", "b")).hasMessageContaining("mapped twice");
    assertThatThrownBy(() -> users().column("userName", "a").column("displayName", "A")).hasMessageContaining("column A is mapped twice");
    assertThatThrownBy(() -> users().column("userName", "ID")).hasMessageContaining("column ID is mapped twice");
  }

  @Test
  void build_needsTheIdColumn_andExactlyOneWayToTellTheTenant() {
    assertThatThrownBy(() -> UserTable.named("users").tenant("acme").build()).hasMessageContaining("id column");
    assertThatThrownBy(() -> users().build()).hasMessageContaining("tenant(name)");
    assertThatThrownBy(() -> users().tenant("acme").tenantColumn("org").build()).hasMessageContaining("tenant(name)");
  }
}
