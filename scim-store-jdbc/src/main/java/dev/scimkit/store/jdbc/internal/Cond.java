package dev.scimkit.store.jdbc.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter translated to SQL as two two-valued conditions: {@link #sure} holds only for rows
 * that certainly match, {@link #possible} for every row that may match. A row where {@code
 * possible} holds and {@code sure} does not is checked in Java with the core's evaluator. When the
 * translation is exact both are the same fragment, and nothing is checked in Java.
 *
 * <p>This is what keeps the SQL pre-filter safe: {@code possible} may only widen the true result,
 * never narrow it. The connectives keep that property: {@code not} swaps the two sides.
 */
record Cond(Sql sure, Sql possible) {
  static final Cond TRUE = new Cond(Sql.TRUE, Sql.TRUE);
  static final Cond FALSE = new Cond(Sql.FALSE, Sql.FALSE);
  /** Nothing known: every row may match, none certainly does. */
  static final Cond UNKNOWN = new Cond(Sql.FALSE, Sql.TRUE);

  static Cond exact(Sql sql) {
    return new Cond(sql, sql);
  }

  /** Only a necessary condition is known. */
  static Cond atMost(Sql possible) {
    return new Cond(Sql.FALSE, possible);
  }

  boolean isExact() {
    return sure == possible;
  }

  static Cond and(List<Cond> operands) {
    return combine(operands, true);
  }

  static Cond or(List<Cond> operands) {
    return combine(operands, false);
  }

  static Cond not(Cond c) {
    if (c.isExact()) {
      return exact(negate(c.sure));
    }
    return new Cond(negate(c.possible), negate(c.sure));
  }

  private static Cond combine(List<Cond> operands, boolean and) {
    boolean exact = true;
    List<Sql> sure = new ArrayList<>();
    List<Sql> possible = new ArrayList<>();
    for (Cond c : operands) {
      exact &= c.isExact();
      sure.add(c.sure);
      possible.add(c.possible);
    }
    Sql s = join(sure, and);
    return exact ? exact(s) : new Cond(s, join(possible, and));
  }

  static Sql join(List<Sql> parts, boolean and) {
    Sql identity = and ? Sql.TRUE : Sql.FALSE;
    Sql absorbing = and ? Sql.FALSE : Sql.TRUE;
    List<Sql> kept = new ArrayList<>();
    for (Sql p : parts) {
      if (p == absorbing) {
        return absorbing;
      }
      if (p != identity) {
        kept.add(p);
      }
    }
    if (kept.isEmpty()) {
      return identity;
    }
    if (kept.size() == 1) {
      return kept.get(0);
    }
    Sql out = Sql.of("(");
    for (int i = 0; i < kept.size(); i++) {
      if (i > 0) {
        out.append(and ? " AND " : " OR ");
      }
      out.append(kept.get(i));
    }
    return out.append(")");
  }

  static Sql negate(Sql s) {
    if (s.isTrue()) {
      return Sql.FALSE;
    }
    if (s.isFalse()) {
      return Sql.TRUE;
    }
    return Sql.of("(NOT ").append(s).append(")");
  }
}
