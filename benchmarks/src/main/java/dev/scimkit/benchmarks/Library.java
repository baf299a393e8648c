package dev.scimkit.benchmarks;

import dev.scimkit.filter.Filters;
import org.apache.directory.scim.spec.patch.PatchOperationPath;

/**
 * The three parsers measured, each through the public entry point an application calls.
 *
 * <ul>
 *   <li>Scimkit: {@link Filters#parse(String)} and {@link Filters#parsePath(String)}.
 *   <li>Apache SCIMple 1.0.0-M1: {@code new org.apache.directory.scim.spec.filter.Filter(String)}
 *       and {@link PatchOperationPath#fromString(String)}.
 *   <li>UnboundID / Ping SCIM 2 SDK 6.0.0: {@code com.unboundid.scim2.common.filters.Filter
 *       .fromString(String)} and {@code com.unboundid.scim2.common.Path.fromString(String)}.
 * </ul>
 *
 * <p>The benchmark methods call these entry points directly; this enum serves the corpus check
 * that runs before measuring and the unit test.
 */
public enum Library {
  SCIMKIT {
    @Override
    public Object parseFilter(String text) {
      return Filters.parse(text);
    }

    @Override
    public Object parsePath(String text) {
      return Filters.parsePath(text);
    }

    @Override
    public String render(Object parsed) {
      return parsed instanceof dev.scimkit.filter.Filter f
          ? Filters.format(f)
          : Filters.format((dev.scimkit.filter.PatchPath) parsed);
    }
  },
  SCIMPLE {
    @Override
    public Object parseFilter(String text) throws Exception {
      return new org.apache.directory.scim.spec.filter.Filter(text);
    }

    @Override
    public Object parsePath(String text) throws Exception {
      return PatchOperationPath.fromString(text);
    }

    @Override
    public String render(Object parsed) {
      return parsed instanceof org.apache.directory.scim.spec.filter.Filter f
          ? f.getExpression().toFilter()
          : parsed.toString();
    }
  },
  UNBOUNDID {
    @Override
    public Object parseFilter(String text) throws Exception {
      return com.unboundid.scim2.common.filters.Filter.fromString(text);
    }

    @Override
    public Object parsePath(String text) throws Exception {
      return com.unboundid.scim2.common.Path.fromString(text);
    }

    @Override
    public String render(Object parsed) {
      return parsed.toString();
    }
  };

  public abstract Object parseFilter(String text) throws Exception;

  public abstract Object parsePath(String text) throws Exception;

  /** The library's own text form of a parse result, to show what it understood. */
  public abstract String render(Object parsed);

  /** Parses an entry of the corpus with the parser its kind calls for. */
  public Object parse(Corpus entry) throws Exception {
    return entry.kind() == Corpus.Kind.FILTER ? parseFilter(entry.text()) : parsePath(entry.text());
  }
}
