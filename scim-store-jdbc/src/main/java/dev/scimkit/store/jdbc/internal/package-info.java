/**
 * Not API, may change: the JDBC store's engine (SQL dialects, schema migrations, filter
 * translation, transactions and error mapping). Use {@link dev.scimkit.store.jdbc.JdbcStore}.
 */
package dev.scimkit.store.jdbc.internal;
