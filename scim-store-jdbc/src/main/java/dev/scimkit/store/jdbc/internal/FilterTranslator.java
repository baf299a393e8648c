package dev.scimkit.store.jdbc.internal;

import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.search.ScimValues;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a filter to SQL over {@code scim_resource r}, following the core's {@code
 * FilterEvaluator} rule by rule. Each node becomes a {@link Cond}: exact where SQL can decide
 * exactly what Java would, otherwise a sure part and a wider possible part, so that the rows SQL
 * cannot decide are re-checked in Java. Values are always bind parameters.
 *
 * <p>Three kinds of leaves:
 *
 * <ul>
 *   <li>columns: {@code id}, {@code meta.created}, {@code meta.lastModified}, {@code
 *       meta.version}, and the key columns of {@code userName}, group {@code displayName} and
 *       {@code externalId}, which hold values already folded in Java, so they are exact on every
 *       database;
 *   <li>the membership table, for group {@code members};
 *   <li>the JSON document: on PostgreSQL set-returning functions read it as tolerantly as the
 *       evaluator does, with text folded in SQL only where that agrees with Java (ASCII), and
 *       "don't know" (SQL NULL) elsewhere; on H2 only a necessary condition is written (the
 *       attribute's key and the literal occur in the document's text).
 * </ul>
 *
 * <p>On PostgreSQL, {@link #necessaryTerms} adds a condition on the GIN-indexed search terms (the
 * document's scalars folded in Java) that every text equality inside the document implies, so
 * that such lookups use an index.
 *
 * <p>A filter naming an attribute the type does not have matches nothing, as in the evaluator:
 * {@link #translate} returns null.
 */
final class FilterTranslator {
  /** The SQL of SQL NULL as "don't know". */
  private static final String UNKNOWN_SQL = "CAST(NULL AS BOOLEAN)";

  private static final Attribute SCHEMAS =
      Attribute.builder("schemas").type(AttributeType.STRING).multiValued(true).caseExact(false).build();

  private final TableLayout layout;
  private final ResourceType type;
  private final Dialect dialect;
  private final boolean irregularRows;
  private final boolean h2LowerExact;
  private final HostTable host;
  private final boolean hostOnly;
  private int aliases;
  private boolean unknownAttribute;

  /**
   * @param irregularRows whether the tenant may hold documents whose key attributes are not
   *     scalars (then the key columns are only a widening for those rows)
   */
  FilterTranslator(TableLayout layout, Dialect dialect, boolean irregularRows) {
    this(layout, dialect, irregularRows, false);
  }

  private FilterTranslator(TableLayout layout, Dialect dialect, boolean irregularRows, boolean hostOnly) {
    this.layout = layout;
    this.type = layout.type();
    this.dialect = dialect;
    this.irregularRows = irregularRows;
    this.h2LowerExact = Dialect.h2LowerMatchesRoot();
    this.host = layout.host();
    this.hostOnly = hostOnly;
  }

  /**
   * A translator over the host's table {@code u} alone, without the {@code scim_resource} row:
   * what is not in a column is unknown. Its {@link Cond#possible()} holds for every host row that
   * may match.
   */
  static FilterTranslator hostOnly(TableLayout layout, Dialect dialect) {
    if (layout.host() == null) {
      throw new IllegalArgumentException(layout.type().name() + " has no host table");
    }
    return new FilterTranslator(layout, dialect, false, true);
  }

  /** The translation, or null when the filter names an unknown attribute (it matches nothing). */
  Cond translate(Filter filter) {
    Cond c = filter.accept(new ResourceScope(null));
    return unknownAttribute ? null : c;
  }

  private String alias(String prefix) {
    return prefix + (++aliases);
  }

  private Cond unknown() {
    unknownAttribute = true;
    return Cond.FALSE;
  }

  // ---- search terms (PostgreSQL and H2) -------------------------------------------------------

  /**
   * A condition every match of {@code filter} meets, on PostgreSQL's GIN-indexed {@code
   * search_terms}: each text {@code eq} inside the document needs its folded literal among the
   * document's terms. {@code not} gives no such condition; {@code and} and {@code or} combine them.
   */
  static Sql necessaryTerms(TableLayout layout, Filter filter) {
    return filter.accept(new TermsScope(layout, false, null, new IdentityHashMap<>()));
  }

  /**
   * Terms one of which every match of {@code filter} has among its search terms (H2's {@code
   * scim_search_term}), or {@code null} when no such terms are known. Of the operands of an
   * {@code and} only the most selective counts, judged by the length of the shortest term it needs
   * (so that Entra's {@code emails[type eq "work"].value eq "…"} asks for the address, not for
   * {@code work}, which every user has); an {@code or} needs the terms of all its operands.
   */
  static Set<String> necessaryTermSet(TableLayout layout, Filter filter) {
    Sql terms = filter.accept(new TermsScope(layout, true, null, new IdentityHashMap<>()));
    if (terms == Sql.TRUE) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object term : terms.params()) {
      out.add((String) term);
    }
    return out;
  }

  /**
   * Builds the conditions on search terms: SQL over {@code search_terms} for PostgreSQL, or, when
   * {@code pickOne}, SQL whose parameters are the terms needed (see {@link #necessaryTermSet}).
   */
  private static final class TermsScope implements Filter.Visitor<Sql> {
    private final TableLayout layout;
    private final boolean pickOne;
    private final ResolvedAttribute parent;
    /** How selective each condition made so far is: the length of its shortest term. */
    private final Map<Sql, Integer> selectivity;

    TermsScope(TableLayout layout, boolean pickOne, ResolvedAttribute parent, Map<Sql, Integer> selectivity) {
      this.layout = layout;
      this.pickOne = pickOne;
      this.parent = parent;
      this.selectivity = selectivity;
    }

    private Sql scored(Sql sql, int score) {
      selectivity.put(sql, score);
      return sql;
    }

    private int score(Sql sql) {
      return selectivity.getOrDefault(sql, 0);
    }

    private ResolvedAttribute resolve(AttributePath path) {
      return parent == null ? layout.type().resolve(path) : subAttribute(parent, path);
    }

    @Override
    public Sql visitAnd(Filter.And and) {
      List<Sql> parts = new ArrayList<>();
      for (Filter f : and.operands()) {
        parts.add(f.accept(this));
      }
      if (pickOne) {
        Sql best = Sql.TRUE;
        for (Sql part : parts) {
          if (part != Sql.TRUE && (best == Sql.TRUE || score(part) > score(best))) {
            best = part;
          }
        }
        return best;
      }
      return Cond.join(parts, true);
    }

    @Override
    public Sql visitOr(Filter.Or or) {
      List<Sql> parts = new ArrayList<>();
      int score = Integer.MAX_VALUE;
      for (Filter f : or.operands()) {
        Sql part = f.accept(this);
        parts.add(part);
        score = Math.min(score, score(part));
      }
      Sql joined = Cond.join(parts, false);
      return joined == Sql.TRUE ? joined : scored(joined, score);
    }

    @Override
    public Sql visitNot(Filter.Not not) {
      return Sql.TRUE;
    }

    @Override
    public Sql visitPresent(Filter.Present present) {
      return Sql.TRUE;
    }

    @Override
    public Sql visitComparison(Filter.Comparison c) {
      if (c.operator() != ComparisonOperator.EQ || c.value() instanceof FilterValue.NullValue) {
        return Sql.TRUE;
      }
      ResolvedAttribute a = resolve(c.attribute());
      if (a == null
          || a.schema().equals(CommonAttributes.URN)
          || layout.keyColumn(a) != null
          || layout.isMembers(a)
          || (layout.host() != null && layout.host().holds(a))) {
        return Sql.TRUE; // not in the document, or answered by a column of its own
      }
      Attribute target = comparedAttribute(a);
      if (target == null || target.isComplex()) {
        return Sql.TRUE;
      }
      switch (target.type()) {
        case BOOLEAN, INTEGER, DECIMAL, DATE_TIME -> {
          return Sql.TRUE; // compared as typed values, not as text
        }
        default -> { }
      }
      Literal literal = Literal.of(ComparisonOperator.EQ, target, c.value());
      Sql sql = Sql.of(pickOne ? "" : "r.search_terms && CAST(ARRAY[");
      boolean first = true;
      int shortest = Integer.MAX_VALUE;
      for (String term : SearchTerms.forLiteral(literal.text())) {
        sql.append(first ? "" : ", ").param(term);
        first = false;
        shortest = Math.min(shortest, term.length());
      }
      return scored(sql.append(pickOne ? "" : "] AS text[])"), shortest);
    }

    @Override
    public Sql visitValuePath(Filter.ValuePath valuePath) {
      ResolvedAttribute a = resolve(valuePath.attribute());
      if (a == null || !a.attribute().isComplex() || layout.isMembers(a)
          || a.schema().equals(CommonAttributes.URN)
          || (layout.host() != null && layout.host().holds(a))) {
        return Sql.TRUE;
      }
      return valuePath.filter().accept(new TermsScope(layout, pickOne, a, selectivity));
    }
  }

  // ---- scopes ----------------------------------------------------------------------------------

  /** Logic shared by every scope; leaves are the scope's. */
  private abstract class Scope implements Filter.Visitor<Cond> {
    abstract ResolvedAttribute resolve(AttributePath path);

    abstract Cond compare(ResolvedAttribute attribute, Literal literal);

    abstract Cond present(ResolvedAttribute attribute);

    @Override
    public Cond visitAnd(Filter.And and) {
      return Cond.and(operands(and.operands()));
    }

    @Override
    public Cond visitOr(Filter.Or or) {
      return Cond.or(operands(or.operands()));
    }

    @Override
    public Cond visitNot(Filter.Not not) {
      return Cond.not(not.operand().accept(this));
    }

    @Override
    public Cond visitPresent(Filter.Present present) {
      ResolvedAttribute a = resolve(present.attribute());
      return a == null ? unknown() : present(a);
    }

    @Override
    public Cond visitComparison(Filter.Comparison comparison) {
      ResolvedAttribute a = resolve(comparison.attribute());
      if (a == null) {
        return unknown();
      }
      ComparisonOperator op = comparison.operator();
      FilterValue value = comparison.value();
      if (value instanceof FilterValue.NullValue) {
        return op == ComparisonOperator.EQ ? Cond.not(present(a)) : present(a);
      }
      Attribute target = comparedAttribute(a);
      if (op == ComparisonOperator.NE) {
        return Cond.not(compare(a, Literal.of(ComparisonOperator.EQ, target, value)));
      }
      return compare(a, Literal.of(op, target, value));
    }

    private List<Cond> operands(List<Filter> operands) {
      List<Cond> out = new ArrayList<>(operands.size());
      for (Filter f : operands) {
        out.add(f.accept(this));
      }
      return out;
    }
  }

  /** The attribute a comparison compares: the sub-attribute, a complex one's value, or itself. */
  private static Attribute comparedAttribute(ResolvedAttribute a) {
    Attribute target = a.target();
    return target.isComplex() ? target.subAttribute("value") : target;
  }

  private static ResolvedAttribute subAttribute(ResolvedAttribute parent, AttributePath path) {
    if (path.hasSchema() || path.hasSubAttribute()) {
      return null;
    }
    Attribute sub = parent.attribute().subAttribute(path.name());
    return sub == null ? null : new ResolvedAttribute(parent.schema(), parent.extension(), parent.attribute(), sub);
  }

  /** Paths relative to the resource, or to a single-valued complex attribute's value. */
  private final class ResourceScope extends Scope {
    private final ResolvedAttribute parent;

    ResourceScope(ResolvedAttribute parent) {
      this.parent = parent;
    }

    @Override
    ResolvedAttribute resolve(AttributePath path) {
      if (parent != null) {
        return subAttribute(parent, path);
      }
      ResolvedAttribute resolved = type.resolve(path);
      if (resolved == null
          && path.subAttribute() == null
          && path.name().equalsIgnoreCase("schemas")
          && (path.schema() == null || path.schema().equalsIgnoreCase(type.schema().id()))) {
        return new ResolvedAttribute(CommonAttributes.URN, false, SCHEMAS, null);
      }
      return resolved;
    }

    @Override
    Cond compare(ResolvedAttribute a, Literal literal) {
      if (isCommon(a, CommonAttributes.ID)) {
        return columnText(hostOnly ? host.id("u") : "r.id", literal).toCond();
      }
      if (host != null) {
        HostTable.Column column = host.columnOf(a);
        if (column != null) {
          return keyed(hostCompare(column, literal));
        }
        if (hostOnly || host.holdsPartOf(a)) {
          return Cond.UNKNOWN; // the whole document decides, in Java
        }
      }
      if (isCommon(a, CommonAttributes.META)) {
        return compareMeta(a, literal);
      }
      String column = layout.keyColumn(a);
      if (column != null) {
        return keyed(columnText("r." + column, literal).and(Sql.of("r." + column + " IS NOT NULL")));
      }
      if (layout.isMembers(a)) {
        String sub = a.subAttribute() == null ? "value" : a.subAttribute().name();
        String m = alias("m");
        return members(m, memberCompare(m, sub, literal));
      }
      return dialect.queriesDocuments()
          ? json(a, literal)
          : Cond.atMost(h2Necessary(a, literal));
    }

    @Override
    Cond present(ResolvedAttribute a) {
      if (isCommon(a, CommonAttributes.ID)) {
        return Cond.exact(Sql.of((hostOnly ? host.id("u") : "r.id") + " <> ''"));
      }
      if (host != null) {
        HostTable.Column column = host.columnOf(a);
        if (column != null) {
          String c = HostTable.sql("u", column);
          return keyed(Cond.exact(Sql.of(column.valueType() == HostTable.ValueType.BOOLEAN
              ? c + " IS NOT NULL"
              : "(" + c + " IS NOT NULL AND " + c + " <> '')")));
        }
        if (hostOnly || host.holdsPartOf(a)) {
          return Cond.UNKNOWN;
        }
      }
      if (isCommon(a, CommonAttributes.META)) {
        return a.subAttribute() != null && a.subAttribute().name().equals("location")
            ? Cond.FALSE
            : Cond.TRUE;
      }
      String column = layout.keyColumn(a);
      if (column != null) {
        return keyed(Tri.exact(Sql.of("(r." + column + " IS NOT NULL AND r." + column + " <> '')")));
      }
      if (layout.isMembers(a)) {
        String m = alias("m");
        String sub = a.subAttribute() == null ? null : a.subAttribute().name();
        return members(m, memberPresent(m, sub));
      }
      if (!dialect.queriesDocuments()) {
        return Cond.atMost(h2KeyOccurs(a, null));
      }
      Sql top = top(a);
      if (a.subAttribute() == null) {
        return Cond.exact(Sql.of("scim_present(").append(top).append(")"));
      }
      String e = alias("e");
      String x = alias("x");
      Sql from = elementsFrom(top, e).append(", ").append(subValuesFrom(e, a.subAttribute().name(), x));
      return exists(from, Tri.exact(Sql.of("scim_present(" + x + ".v)")));
    }

    @Override
    public Cond visitValuePath(Filter.ValuePath valuePath) {
      ResolvedAttribute a = resolve(valuePath.attribute());
      if (a == null) {
        return unknown();
      }
      if (host != null && (hostOnly || host.holds(a))) {
        return Cond.UNKNOWN;
      }
      // The evaluator has already refused value filters on anything but a complex attribute.
      if (layout.isMembers(a)) {
        String m = alias("m");
        Cond inner = valuePath.filter().accept(new MemberScope(a, m));
        return membersCond(m, inner);
      }
      if (!a.attribute().multiValued()) {
        Cond inner = valuePath.filter().accept(new ResourceScope(a));
        if (isCommon(a, CommonAttributes.META)) {
          return inner;
        }
        if (!dialect.queriesDocuments()) {
          return Cond.and(List.of(Cond.atMost(h2KeyOccurs(a, null)), inner));
        }
        Sql top = top(a);
        Sql exists =
            Sql.of("(").append(top).append(" IS NOT NULL AND jsonb_typeof(").append(top(a)).append(") <> 'null')");
        return Cond.and(List.of(Cond.exact(exists), inner));
      }
      if (!dialect.queriesDocuments()) {
        Cond inner = valuePath.filter().accept(new H2ElementScope(a));
        return Cond.atMost(Cond.join(List.of(h2KeyOccurs(a, null), inner.possible()), true));
      }
      String e = alias("e");
      Cond inner = valuePath.filter().accept(new JsonElementScope(a, e));
      Sql from = elementsFrom(top(a), e);
      if (inner.isExact()) {
        return Cond.exact(existsSql(from, inner.sure()));
      }
      return new Cond(existsSql(from, inner.sure()), existsSql(elementsFrom(top(a), e), inner.possible()));
    }

    private Cond compareMeta(ResolvedAttribute a, Literal literal) {
      String sub = a.subAttribute() == null ? "" : a.subAttribute().name();
      switch (sub) {
        case "created", "lastModified" -> {
          String column = sub.equals("created") ? "r.created_ns" : "r.modified_ns";
          if (literal.instant() != null && !literal.substring()) {
            return Cond.exact(
                Sql.of(column + " " + literal.sqlOperator() + " ")
                    .param(Instants.toNanosSaturated(literal.instant())));
          }
          return Cond.UNKNOWN; // compared as the text of Instant.toString(): left to Java
        }
        case "version" -> {
          return columnText("CONCAT('W/\"', CAST(r.version AS VARCHAR), '\"')", literal).toCond();
        }
        case "resourceType" -> {
          return literal.matchesText(type.name()) ? Cond.TRUE : Cond.FALSE;
        }
        default -> {
          return Cond.FALSE; // location depends on the request's base URI
        }
      }
    }

    /**
     * A comparison on a column of the host's table: text folded as for a key, booleans as
     * booleans, anything else (a boolean compared as text) left to Java.
     */
    private Cond hostCompare(HostTable.Column column, Literal literal) {
      String c = HostTable.sql("u", column);
      if (column.valueType() == HostTable.ValueType.BOOLEAN) {
        return literal.comparesBooleans()
            ? Cond.exact(Sql.of("(" + c + " IS NOT NULL AND " + c + " = ").param(literal.bool()).append(")"))
            : Cond.UNKNOWN;
      }
      return text(c, literal).and(Sql.of(c + " IS NOT NULL")).toCond();
    }

    /** A condition on a key column: exact unless irregular documents exist. */
    private Cond keyed(Tri c) {
      Cond cond = c.toCond();
      if (!irregularRows) {
        return cond;
      }
      return new Cond(
          Cond.join(List.of(cond.sure(), Sql.of("NOT r.irregular")), true),
          Cond.join(List.of(cond.possible(), Sql.of("r.irregular")), false));
    }

    private Cond members(String m, Tri c) {
      return membersCond(m, c.toCond());
    }

    private Cond membersCond(String m, Cond inner) {
      Sql from = Sql.of("scim_member " + m);
      Sql link = Sql.of(m + ".tenant = r.tenant AND " + m + ".group_type = r.resource_type AND " + m
          + ".group_id = r.id" + layout.liveMember(m));
      Cond exists;
      if (inner.isExact()) {
        exists = Cond.exact(existsSql(from, Cond.join(List.of(link, inner.sure()), true)));
      } else {
        exists =
            new Cond(
                existsSql(from, Cond.join(List.of(link, inner.sure()), true)),
                existsSql(Sql.of("scim_member " + m), Cond.join(List.of(link, inner.possible()), true)));
      }
      return keyed(exists);
    }

    private Cond keyed(Cond c) {
      if (!irregularRows) {
        return c;
      }
      return new Cond(
          Cond.join(List.of(c.sure(), Sql.of("NOT r.irregular")), true),
          Cond.join(List.of(c.possible(), Sql.of("r.irregular")), false));
    }

    /** A JSON leaf on PostgreSQL. */
    private Cond json(ResolvedAttribute a, Literal literal) {
      Sql top = top(a);
      String sub = a.subAttribute() != null ? a.subAttribute().name() : a.attribute().isComplex() ? "value" : null;
      String x = alias("x");
      Sql from;
      if (sub == null) {
        from = elementsFrom(top, x);
      } else {
        String e = alias("e");
        from = elementsFrom(top, e).append(", ").append(subValuesFrom(e, sub, x));
      }
      return exists(from, jsonTest(x + ".v", literal));
    }

    /** On H2: the attribute's key, and for some comparisons the literal, occur in the text. */
    private Sql h2Necessary(ResolvedAttribute a, Literal literal) {
      return Cond.join(List.of(h2KeyOccurs(a, null), h2LiteralOccurs(literal)), true);
    }
  }

  /** Paths relative to one element of a multi-valued complex attribute in the JSON document. */
  private final class JsonElementScope extends Scope {
    private final ResolvedAttribute parent;
    private final String element;

    JsonElementScope(ResolvedAttribute parent, String element) {
      this.parent = parent;
      this.element = element;
    }

    @Override
    ResolvedAttribute resolve(AttributePath path) {
      return subAttribute(parent, path);
    }

    @Override
    Cond compare(ResolvedAttribute a, Literal literal) {
      String x = alias("x");
      return exists(subValuesFrom(element, a.subAttribute().name(), x), jsonTest(x + ".v", literal));
    }

    @Override
    Cond present(ResolvedAttribute a) {
      String x = alias("x");
      return exists(
          subValuesFrom(element, a.subAttribute().name(), x), Tri.exact(Sql.of("scim_present(" + x + ".v)")));
    }

    @Override
    public Cond visitValuePath(Filter.ValuePath valuePath) {
      throw new IllegalStateException("value filters cannot be nested");
    }
  }

  /** Paths relative to one element of a multi-valued complex attribute, on H2. */
  private final class H2ElementScope extends Scope {
    private final ResolvedAttribute parent;

    H2ElementScope(ResolvedAttribute parent) {
      this.parent = parent;
    }

    @Override
    ResolvedAttribute resolve(AttributePath path) {
      return subAttribute(parent, path);
    }

    @Override
    Cond compare(ResolvedAttribute a, Literal literal) {
      return Cond.atMost(
          Cond.join(List.of(h2KeyOccurs(a, a.subAttribute().name()), h2LiteralOccurs(literal)), true));
    }

    @Override
    Cond present(ResolvedAttribute a) {
      return Cond.atMost(h2KeyOccurs(a, a.subAttribute().name()));
    }

    @Override
    public Cond visitValuePath(Filter.ValuePath valuePath) {
      throw new IllegalStateException("value filters cannot be nested");
    }
  }

  /** Paths relative to one row of the membership table, {@code {"value": id, "type": t}}. */
  private final class MemberScope extends Scope {
    private final ResolvedAttribute parent;
    private final String m;

    MemberScope(ResolvedAttribute parent, String m) {
      this.parent = parent;
      this.m = m;
    }

    @Override
    ResolvedAttribute resolve(AttributePath path) {
      return subAttribute(parent, path);
    }

    @Override
    Cond compare(ResolvedAttribute a, Literal literal) {
      return memberCompare(m, a.subAttribute().name(), literal).toCond();
    }

    @Override
    Cond present(ResolvedAttribute a) {
      return memberPresent(m, a.subAttribute().name()).toCond();
    }

    @Override
    public Cond visitValuePath(Filter.ValuePath valuePath) {
      throw new IllegalStateException("value filters cannot be nested");
    }
  }

  // ---- membership leaves -----------------------------------------------------------------------

  /** A comparison on a member's {@code value} or {@code type}; other sub-attributes are absent. */
  private Tri memberCompare(String m, String sub, Literal literal) {
    if (literal.kind() != Literal.Kind.TEXT) {
      return Tri.UNKNOWN; // a group schema whose member sub-attributes are not strings
    }
    if (sub.equals("value")) {
      return literal.caseExact()
          ? columnText(m + ".member_id", literal)
          : columnText(m + ".member_key", literal);
    }
    if (sub.equals("type")) {
      String column = m + ".member_type";
      if (literal.caseExact()) {
        return columnText(column, literal).and(Sql.of(column + " IS NOT NULL"));
      }
      Tri folded = foldedText(column, literal);
      return folded.and(Sql.of(column + " IS NOT NULL"));
    }
    return Tri.FALSE;
  }

  private Tri memberPresent(String m, String sub) {
    if (sub == null) {
      return Tri.exact(
          Sql.of("(" + m + ".member_id <> '' OR (" + m + ".member_type IS NOT NULL AND " + m + ".member_type <> ''))"));
    }
    return switch (sub) {
      case "value" -> Tri.exact(Sql.of(m + ".member_id <> ''"));
      case "type" -> Tri.exact(Sql.of("(" + m + ".member_type IS NOT NULL AND " + m + ".member_type <> '')"));
      default -> Tri.FALSE;
    };
  }

  // ---- text comparisons ------------------------------------------------------------------------

  /**
   * Text comparison of a string column or expression that is already in the literal's case form
   * (a key folded in Java, or a caseExact value).
   */
  private Tri columnText(String expression, Literal literal) {
    if (dialect == Dialect.POSTGRESQL && ScimText.hasUnpairedSurrogate(literal.text())) {
      return Tri.UNKNOWN;
    }
    return switch (literal.op()) {
      case EQ -> Tri.exact(Sql.of(expression + " = ").param(literal.text()));
      case CO, SW, EW -> Tri.exact(Sql.of(expression + " LIKE ").param(literal.likePattern()).append(" ESCAPE '!'"));
      default -> {
        if (dialect == Dialect.POSTGRESQL && !ScimText.codePointOrderIsExact(literal.text())) {
          yield Tri.UNKNOWN;
        }
        yield Tri.exact(Sql.of(dialect.ordered(expression) + " " + literal.sqlOperator() + " ").param(literal.text()));
      }
    };
  }

  /**
   * Text comparison of a string that still has to be folded (the attribute is not caseExact):
   * folded in SQL where that agrees with Java, otherwise "don't know".
   */
  private Tri foldedText(String expression, Literal literal) {
    if (dialect == Dialect.POSTGRESQL && ScimText.hasUnpairedSurrogate(literal.text())) {
      return Tri.UNKNOWN;
    }
    if (dialect == Dialect.POSTGRESQL) {
      // scim_fold is NULL for text it cannot fold as Java does; the result is then NULL too.
      // Folded text is ASCII, so code point order is Java's order whatever the literal.
      String folded = "scim_fold(" + expression + ")";
      return switch (literal.op()) {
        case EQ -> Tri.nullable(Sql.of(folded + " = ").param(literal.text()));
        case CO, SW, EW -> Tri.nullable(Sql.of(folded + " LIKE ").param(literal.likePattern()).append(" ESCAPE '!'"));
        default -> Tri.nullable(Sql.of(folded + " COLLATE \"C\" " + literal.sqlOperator() + " ").param(literal.text()));
      };
    }
    if (!h2LowerExact) {
      return Tri.UNKNOWN;
    }
    return columnText("LOWER(" + expression + ")", literal);
  }

  /** A test of a caseExact or folded text, by the literal's case form. */
  private Tri text(String expression, Literal literal) {
    return literal.caseExact() ? columnText(expression, literal) : foldedText(expression, literal);
  }

  // ---- JSON (PostgreSQL) -----------------------------------------------------------------------

  /** The attribute's top-level value: {@code document -> name}, under its extension if any. */
  private Sql top(ResolvedAttribute a) {
    if (a.extension()) {
      return Sql.of("((r.document -> CAST(").param(a.schema()).append(" AS text)) -> CAST(")
          .param(a.attribute().name()).append(" AS text))");
    }
    return Sql.of("(r.document -> CAST(").param(a.attribute().name()).append(" AS text))");
  }

  private static Sql elementsFrom(Sql value, String alias) {
    return Sql.of("scim_elements(").append(value).append(") AS " + alias + "(v)");
  }

  private static Sql subValuesFrom(String element, String sub, String alias) {
    return Sql.of("scim_sub_values(" + element + ".v, CAST(").param(sub).append(" AS VARCHAR)) AS " + alias + "(v)");
  }

  private static Sql existsSql(Sql from, Sql where) {
    if (where.isFalse()) {
      return Sql.FALSE;
    }
    Sql s = Sql.of("EXISTS (SELECT 1 FROM ").append(from);
    if (!where.isTrue()) {
      s.append(" WHERE ").append(where);
    }
    return s.append(")");
  }

  /** Some value of {@code from} passes {@code test}. */
  private static Cond exists(Sql from, Tri test) {
    if (test == Tri.FALSE) {
      return Cond.FALSE;
    }
    if (test == Tri.UNKNOWN) {
      return Cond.atMost(existsSql(from, Sql.TRUE));
    }
    if (!test.nullable()) {
      return Cond.exact(existsSql(from, test.sql()));
    }
    return new Cond(
        existsSql(from, Sql.of("(").append(test.sql()).append(") IS TRUE")),
        existsSql(from, Sql.of("(").append(test.sql()).append(") IS NOT FALSE")));
  }

  /**
   * The core's {@code ComparisonTest.node} on one JSON scalar {@code x}, as a three-valued SQL
   * condition: NULL where only Java can tell.
   */
  private Tri jsonTest(String x, Literal literal) {
    String t = "(" + x + " #>> '{}')";
    Tri string =
        literal.comparesBooleans() || literal.comparesNumbers() || literal.comparesInstants()
            ? Tri.UNKNOWN
            : text(t, literal);
    Tri bool =
        literal.comparesBooleans()
            ? Tri.exact(Sql.of(t + " = ").param(literal.bool().toString()))
            : text(t, literal);
    Tri numberCompare;
    if (literal.comparesNumbers()) {
      numberCompare = literal.numberFitsSql()
          ? Tri.exact(Sql.of("CAST(" + t + " AS numeric) " + literal.sqlOperator() + " ").param(literal.number()))
          : Tri.UNKNOWN;
    } else {
      numberCompare = text(t, literal);
    }
    // Integral numbers read back the same in Java and SQL; anything else is left to Java.
    Tri number = Tri.when(Sql.of(t + " ~ '^-?[0-9]{1,18}$'"), numberCompare);
    Sql sql =
        Sql.of("CASE jsonb_typeof(" + x + ") WHEN 'string' THEN ")
            .append(string.sqlOrUnknown())
            .append(" WHEN 'boolean' THEN ")
            .append(bool.sqlOrUnknown())
            .append(" WHEN 'number' THEN ")
            .append(number.sqlOrUnknown())
            .append(" ELSE FALSE END");
    return Tri.nullable(sql);
  }

  // ---- H2 necessary conditions -------------------------------------------------------------------

  /**
   * The attribute's JSON key occurs in the document text (Jackson writes keys verbatim). For a
   * sub-attribute named {@code value} nothing is required of it: a bare scalar is read as its
   * value.
   */
  private Sql h2KeyOccurs(ResolvedAttribute a, String sub) {
    List<Sql> parts = new ArrayList<>();
    if (a.extension()) {
      parts.add(Sql.of("r.document LIKE ").param('%' + Literal.escapeLike(jsonString(a.schema())) + '%').append(" ESCAPE '!'"));
    }
    parts.add(Sql.of("r.document LIKE ").param('%' + Literal.escapeLike(jsonString(a.attribute().name())) + '%').append(" ESCAPE '!'"));
    if (sub != null && !sub.equals("value")) {
      parts.add(Sql.of("r.document LIKE ").param('%' + Literal.escapeLike(jsonString(sub)) + '%').append(" ESCAPE '!'"));
    }
    return Cond.join(parts, true);
  }

  /**
   * For a text comparison ({@code eq}, {@code co}, {@code sw}, {@code ew}) of a string attribute
   * whose literal no number or boolean could match as text: the literal, escaped as Jackson
   * escapes strings, occurs in the (folded) document text. TRUE when no such condition holds.
   */
  private Sql h2LiteralOccurs(Literal literal) {
    if (literal.kind() != Literal.Kind.TEXT || literal.ordering() || literal.text().isEmpty()) {
      return Sql.TRUE;
    }
    String text = literal.text();
    boolean numeric = true;
    for (int i = 0; i < text.length() && numeric; i++) {
      numeric = "0123456789.-".indexOf(text.charAt(i)) >= 0;
    }
    if (numeric || "true".contains(text) || "false".contains(text)) {
      return Sql.TRUE;
    }
    String escaped = jsonEscape(text);
    String pattern = '%' + Literal.escapeLike(literal.caseExact() ? escaped : ScimValues.fold(escaped)) + '%';
    if (literal.caseExact()) {
      return Sql.of("r.document LIKE ").param(pattern).append(" ESCAPE '!'");
    }
    if (!h2LowerExact) {
      return Sql.TRUE;
    }
    return Sql.of("LOWER(r.document) LIKE ").param(pattern).append(" ESCAPE '!'");
  }

  private static String jsonString(String s) {
    return '"' + jsonEscape(s) + '"';
  }

  /** A string escaped as Jackson's default generator escapes it (without the quotes). */
  static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean isCommon(ResolvedAttribute a, Attribute common) {
    return a.schema().equals(CommonAttributes.URN) && a.attribute() == common;
  }

  // ---- three-valued leaves ---------------------------------------------------------------------

  /** A leaf condition: SQL that is TRUE, FALSE, or (when {@code nullable}) NULL for "don't know". */
  record Tri(Sql sql, boolean nullable) {
    static final Tri FALSE = new Tri(Sql.FALSE, false);
    static final Tri UNKNOWN = new Tri(Sql.of(UNKNOWN_SQL), true);

    static Tri exact(Sql sql) {
      return new Tri(sql, false);
    }

    static Tri nullable(Sql sql) {
      return new Tri(sql, true);
    }

    /** {@code CASE WHEN guard THEN this ELSE NULL END}. */
    static Tri when(Sql guard, Tri then) {
      if (then == UNKNOWN) {
        return UNKNOWN;
      }
      return nullable(Sql.of("CASE WHEN ").append(guard).append(" THEN ").append(then.sqlOrUnknown())
          .append(" ELSE " + UNKNOWN_SQL + " END"));
    }

    Sql sqlOrUnknown() {
      return sql;
    }

    /** This condition and a two-valued guard. */
    Tri and(Sql guard) {
      if (this == FALSE) {
        return FALSE;
      }
      if (this == UNKNOWN) {
        return nullable(Sql.of("CASE WHEN ").append(guard).append(" THEN " + UNKNOWN_SQL + " ELSE FALSE END"));
      }
      return new Tri(Sql.of("(").append(guard).append(" AND ").append(sql).append(")"), nullable);
    }

    Cond toCond() {
      if (this == FALSE) {
        return Cond.FALSE;
      }
      if (this == UNKNOWN) {
        return Cond.UNKNOWN;
      }
      if (!nullable) {
        return Cond.exact(sql);
      }
      return new Cond(
          Sql.of("(").append(sql).append(") IS TRUE"), Sql.of("(").append(sql).append(") IS NOT FALSE"));
    }
  }
}
