package dev.scimkit.core.store;

/**
 * Whether a unit of work only reads or may also write; see {@link
 * StoreProvider#transaction(dev.scimkit.core.RequestContext, TransactionMode,
 * java.util.function.Supplier)}.
 */
public enum TransactionMode {
  /**
   * The work only reads. A store may run it without a transaction of its own (the JDBC store
   * reads on one connection in auto-commit), and should not lock what it reads.
   */
  READ_ONLY,

  /**
   * The work may write. It commits as a whole or not at all, and a store that can lock what
   * {@link ResourceStore#get} returns should do so until the unit ends.
   */
  READ_WRITE
}
