/**
 * Embedding sample: a store written by hand, for a database Scimkit's JDBC store does not
 * support or a data layer of the host's own, taking part in the engine's units of work. {@link
 * dev.scimkit.examples.handwritten.DocumentUserStore} keeps users as JSON documents over plain
 * JDBC; {@link dev.scimkit.examples.handwritten.HostTransactions} is the host's transaction
 * bound to the thread; {@link dev.scimkit.examples.handwritten.HostStores} joins the two with an
 * in-memory store for groups into one unit of work per request. A host whose users table already
 * exists on PostgreSQL or H2 needs none of this: see {@code dev.scimkit.examples.customstore}.
 */
package dev.scimkit.examples.handwritten;
