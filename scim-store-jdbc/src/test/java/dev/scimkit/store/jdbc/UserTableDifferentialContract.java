package dev.scimkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The differential test with users in a host's table that maps every kind of path: the same
 * answers as the in-memory store, for users and for groups of such users.
 */
abstract class UserTableDifferentialContract extends DifferentialFilterContract {
  private HikariDataSource dataSource;

  /** A pool on a new, empty database. */
  abstract HikariDataSource openDatabase();

  @BeforeEach
  void open() {
    dataSource = openDatabase();
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Override
  JdbcStore store(JdbcStore.Builder builder) {
    HostUserTables.createWide(dataSource, "app_user");
    return builder.userTable(HostUserTables.wide("app_user")).build();
  }

  @Override
  List<ResourceType> types() {
    return List.of(Schemas.userType(), Schemas.groupType());
  }
}
