/**
 * Embedding sample: a host that already has its own users table implements the store SPI over
 * it. {@link dev.scimkit.examples.customstore.UserTableStore} is the store; {@link
 * dev.scimkit.examples.customstore.HostDatabase} the host's existing table; {@link
 * dev.scimkit.examples.customstore.CustomStoreHost} wires the engine and serves it.
 */
package dev.scimkit.examples.customstore;
