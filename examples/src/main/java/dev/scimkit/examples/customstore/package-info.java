/**
 * Embedding sample: a host that already has its own users table serves it over SCIM. {@link
 * dev.scimkit.examples.customstore.UserTableStore} maps the table's columns; {@link
 * dev.scimkit.examples.customstore.HostDatabase} is the host's existing table; {@link
 * dev.scimkit.examples.customstore.CustomStoreHost} wires the engine and serves it. A store
 * written entirely by hand, for a database Scimkit's JDBC store does not support, is in {@code
 * dev.scimkit.examples.handwritten}.
 */
package dev.scimkit.examples.customstore;
