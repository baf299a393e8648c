package dev.scimkit.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fragment of SQL with its bind parameters, in the order their {@code ?} appear. Values never
 * enter the text: {@link #param} adds a {@code ?} and remembers the value.
 */
final class Sql {
  static final Sql TRUE = new Sql("TRUE", List.of());
  static final Sql FALSE = new Sql("FALSE", List.of());

  private final StringBuilder text;
  private final List<Object> params;

  private Sql(String text, List<Object> params) {
    this.text = new StringBuilder(text);
    this.params = params;
  }

  Sql() {
    this("", new ArrayList<>());
  }

  static Sql of(String text) {
    return new Sql().append(text);
  }

  Sql append(String s) {
    text.append(s);
    return this;
  }

  Sql append(Sql other) {
    text.append(other.text);
    params.addAll(other.params);
    return this;
  }

  /** Appends {@code ?} bound to {@code value} (a String, Long, Integer, BigDecimal or Boolean). */
  Sql param(Object value) {
    text.append('?');
    params.add(value);
    return this;
  }

  String text() {
    return text.toString();
  }

  List<Object> params() {
    return Collections.unmodifiableList(params);
  }

  boolean isTrue() {
    return this == TRUE;
  }

  boolean isFalse() {
    return this == FALSE;
  }

  /** Binds the parameters to {@code ps} from position {@code first}; returns the next position. */
  int bind(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object p : params) {
      bindOne(ps, i++, p);
    }
    return i;
  }

  static void bindOne(PreparedStatement ps, int i, Object p) throws SQLException {
    if (p == null) {
      ps.setNull(i, Types.VARCHAR);
    } else if (p instanceof String s) {
      ps.setString(i, s);
    } else if (p instanceof Long l) {
      ps.setLong(i, l);
    } else if (p instanceof Integer n) {
      ps.setInt(i, n);
    } else if (p instanceof BigDecimal d) {
      ps.setBigDecimal(i, d);
    } else if (p instanceof Boolean b) {
      ps.setBoolean(i, b);
    } else {
      throw new IllegalArgumentException("unsupported parameter type " + p.getClass());
    }
  }

  @Override
  public String toString() {
    return text + " " + params;
  }
}
