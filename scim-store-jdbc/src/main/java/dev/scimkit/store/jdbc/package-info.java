/**
 * The JDBC store: {@link dev.scimkit.store.jdbc.JdbcStore}, a {@link
 * dev.scimkit.core.store.StoreProvider} on PostgreSQL 14+ or H2 2.x, and {@link
 * dev.scimkit.store.jdbc.JdbcTokenStore}, the organisation tokens beside it.
 *
 * <p>Everything else of this module lives in {@code dev.scimkit.store.jdbc.internal}, which is not
 * API.
 */
package dev.scimkit.store.jdbc;
