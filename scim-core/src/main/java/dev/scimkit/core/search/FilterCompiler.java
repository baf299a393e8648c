package dev.scimkit.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.internal.UnicodeText;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns a filter into predicates, resolving every attribute path once. One visitor per scope: the
 * resource ({@link ResourceScope}, optionally below a single-valued complex attribute whose value
 * filter is being compiled) or an element of a multi-valued complex attribute ({@link
 * ElementScope}). Compiling recurses as deep as the filter nests, no deeper.
 */
final class FilterCompiler {

  private final ResourceType type;
  private final boolean strict;
  private boolean unknownAttribute;

  private FilterCompiler(ResourceType type, boolean strict) {
    this.type = type;
    this.strict = strict;
  }

  /**
   * Compiles {@code filter} for resources of {@code type}.
   *
   * @param strict whether an unknown attribute is an error; otherwise a filter naming one matches
   *     nothing
   * @throws ScimException 400 {@code invalidFilter} for an operator that does not apply to its
   *     attribute, and (when strict) for an unknown attribute or a literal that does not fit
   */
  static Predicate<ResourceSource> compile(ResourceType type, Filter filter, boolean strict) {
    FilterCompiler compiler = new FilterCompiler(type, strict);
    Predicate<ResourceSource> root = filter.accept(compiler.new ResourceScope(null));
    return compiler.unknownAttribute ? Predicates.never() : root;
  }

  private ScimException invalid(String detail) {
    return ScimException.badRequest(ScimType.INVALID_FILTER, detail);
  }

  private <T> Predicate<T> unknown(String detail) {
    if (strict) {
      throw invalid(detail);
    }
    unknownAttribute = true;
    return Predicates.never();
  }

  /** The scope-independent part: logic, and the rules for operators, types and literals. */
  private abstract class Scope<T> implements Filter.Visitor<Predicate<T>> {

    /** The attribute {@code path} names here, or null. */
    abstract ResolvedAttribute resolve(AttributePath path);

    /** How an unknown {@code path} is described in an error. */
    abstract String unknownMessage(AttributePath path);

    abstract Predicate<T> compare(ResolvedAttribute attribute, ValueTest test);

    abstract Predicate<T> present(ResolvedAttribute attribute);

    @Override
    public Predicate<T> visitAnd(Filter.And and) {
      return Predicates.allOf(operands(and.operands()));
    }

    @Override
    public Predicate<T> visitOr(Filter.Or or) {
      return Predicates.anyOf(operands(or.operands()));
    }

    @Override
    public Predicate<T> visitNot(Filter.Not not) {
      return Predicates.not(not.operand().accept(this));
    }

    @Override
    public Predicate<T> visitPresent(Filter.Present present) {
      ResolvedAttribute attribute = resolve(present.attribute());
      if (attribute == null) {
        return unknown(unknownMessage(present.attribute()));
      }
      return present(attribute);
    }

    @Override
    public Predicate<T> visitComparison(Filter.Comparison comparison) {
      AttributePath path = comparison.attribute();
      ResolvedAttribute attribute = resolve(path);
      if (attribute == null) {
        return unknown(unknownMessage(path));
      }
      ComparisonOperator op = comparison.operator();
      FilterValue literal = comparison.value();
      if (literal instanceof FilterValue.NullValue) {
        return switch (op) {
          case EQ -> Predicates.not(present(attribute)); // eq null: absent
          case NE -> present(attribute);
          default ->
              throw invalid(
                  "\"" + path + "\" cannot be compared with null by '" + op.keyword()
                      + "'; only eq null and ne null are allowed (or use pr)");
        };
      }
      Attribute target = comparedAttribute(attribute, path);
      checkOperator(op, target, path);
      if (strict) {
        checkLiteral(op, target, literal, path);
      }
      if (op == ComparisonOperator.NE) {
        ValueTest equal = new ComparisonTest(ComparisonOperator.EQ, target, literal);
        return Predicates.not(compare(attribute, equal));
      }
      return compare(attribute, new ComparisonTest(op, target, literal));
    }

    private List<Predicate<T>> operands(List<Filter> operands) {
      List<Predicate<T>> compiled = new ArrayList<>(operands.size());
      for (Filter operand : operands) {
        compiled.add(operand.accept(this));
      }
      return compiled;
    }
  }

  /**
   * The attribute whose values a comparison compares: the named sub-attribute, the {@code value}
   * sub-attribute of a complex attribute named alone, or the attribute itself.
   */
  private Attribute comparedAttribute(ResolvedAttribute attribute, AttributePath path) {
    Attribute target = attribute.target();
    if (!target.isComplex()) {
      return target;
    }
    Attribute value = target.subAttribute("value");
    if (value == null || value.isComplex()) {
      String example = path + "." + target.subAttributes().get(0).name();
      throw invalid(
          "\"" + path + "\" is a complex attribute without a \"value\" sub-attribute; compare one"
              + " of its sub-attributes, such as \"" + example + "\"");
    }
    return value;
  }

  private void checkOperator(ComparisonOperator op, Attribute target, AttributePath path) {
    boolean ordering =
        op == ComparisonOperator.GT
            || op == ComparisonOperator.GE
            || op == ComparisonOperator.LT
            || op == ComparisonOperator.LE;
    if (ordering
        && (target.type() == AttributeType.BOOLEAN || target.type() == AttributeType.BINARY)) {
      throw invalid(
          "'" + op.keyword() + "' does not apply to \"" + path + "\", a " + target.type().value()
              + " attribute; use eq, ne or pr");
    }
  }

  /**
   * The strict rules for a comparison's literal: text that no store could hold ({@link
   * UnicodeText}) is refused, as it would make some stores fail and others match nothing; and a
   * literal that cannot be a value of the attribute's type ({@code meta.created gt "notadate"},
   * {@code active eq "maybe"}) is refused rather than silently matching nothing. {@code co},
   * {@code sw} and {@code ew} compare the text form of any value, so any literal fits them.
   */
  private void checkLiteral(ComparisonOperator op, Attribute target, FilterValue literal, AttributePath path) {
    if (literal instanceof FilterValue.StringValue s) {
      String defect = UnicodeText.defect(s.value());
      if (defect != null) {
        throw invalid("the value compared with \"" + path + "\" contains " + defect);
      }
    }
    if (op == ComparisonOperator.CO || op == ComparisonOperator.SW || op == ComparisonOperator.EW) {
      return;
    }
    String text = literal instanceof FilterValue.StringValue s ? s.value() : null;
    String expected =
        switch (target.type()) {
          case DATE_TIME -> text != null && ScimValues.instant(text) != null ? null : "a dateTime such as \"2011-05-13T04:42:34Z\"";
          case INTEGER, DECIMAL ->
              literal instanceof FilterValue.NumberValue || (text != null && ScimValues.number(text) != null)
                  ? null
                  : "a number";
          case BOOLEAN ->
              literal instanceof FilterValue.BooleanValue || (text != null && ScimValues.bool(text) != null)
                  ? null
                  : "true or false";
          default -> null;
        };
    if (expected != null) {
      String written = literal.toString();
      throw invalid(
          "\"" + path + "\" is a " + target.type().value() + " attribute: compare it with " + expected + ", not "
              + (written.length() > 64 ? written.substring(0, 64) + "..." : written));
    }
  }

  /** Paths relative to the resource, or to a single-valued complex attribute's value. */
  private final class ResourceScope extends Scope<ResourceSource> {
    private final ResolvedAttribute parent;

    /** @param parent the single-valued complex attribute whose value filter this is, or null */
    ResourceScope(ResolvedAttribute parent) {
      this.parent = parent;
    }

    @Override
    ResolvedAttribute resolve(AttributePath path) {
      return parent == null ? SearchAttributes.resolve(type, path) : subAttribute(parent, path);
    }

    @Override
    String unknownMessage(AttributePath path) {
      return parent == null ? "unknown attribute \"" + path + "\"" : unknownIn(parent, path);
    }

    @Override
    Predicate<ResourceSource> compare(ResolvedAttribute attribute, ValueTest test) {
      AttributeReader reader = new AttributeReader(attribute, type.name());
      return source -> reader.compare(source, test);
    }

    @Override
    Predicate<ResourceSource> present(ResolvedAttribute attribute) {
      AttributeReader reader = new AttributeReader(attribute, type.name());
      return reader::present;
    }

    @Override
    public Predicate<ResourceSource> visitValuePath(Filter.ValuePath valuePath) {
      AttributePath path = valuePath.attribute();
      ResolvedAttribute attribute = resolve(path);
      if (attribute == null) {
        return unknown(unknownMessage(path));
      }
      if (!attribute.attribute().isComplex() || attribute.subAttribute() != null) {
        throw invalid(
            "\"" + path + "\" is not a complex attribute, so it cannot take a value filter [...]");
      }
      AttributeReader reader = new AttributeReader(attribute, type.name());
      if (attribute.attribute().multiValued()) {
        Predicate<JsonNode> inner = valuePath.filter().accept(new ElementScope(attribute));
        return source -> reader.anyElementMatches(source, inner);
      }
      // A single-valued complex attribute has one element: test its sub-attributes in place.
      Predicate<ResourceSource> inner = valuePath.filter().accept(new ResourceScope(attribute));
      return source -> reader.exists(source) && inner.test(source);
    }
  }

  /** Paths relative to one element of a multi-valued complex attribute. */
  private final class ElementScope extends Scope<JsonNode> {
    private final ResolvedAttribute parent;

    ElementScope(ResolvedAttribute parent) {
      this.parent = parent;
    }

    @Override
    ResolvedAttribute resolve(AttributePath path) {
      return subAttribute(parent, path);
    }

    @Override
    String unknownMessage(AttributePath path) {
      return unknownIn(parent, path);
    }

    @Override
    Predicate<JsonNode> compare(ResolvedAttribute attribute, ValueTest test) {
      String sub = attribute.subAttribute().name();
      return element -> AttributeReader.elementHas(element, sub, test);
    }

    @Override
    Predicate<JsonNode> present(ResolvedAttribute attribute) {
      String sub = attribute.subAttribute().name();
      return element -> AttributeReader.elementHas(element, sub, ValueTest.PRESENT);
    }

    @Override
    public Predicate<JsonNode> visitValuePath(Filter.ValuePath valuePath) {
      // The AST forbids nesting; kept total for safety.
      throw invalid("value filters cannot be nested: \"" + valuePath + "\"");
    }
  }

  private static String unknownIn(ResolvedAttribute parent, AttributePath path) {
    return "unknown attribute \"" + path + "\" in the value filter of \""
        + parent.attribute().name() + "\"";
  }

  /** A path inside a value filter names a sub-attribute of {@code parent}; nothing else. */
  private static ResolvedAttribute subAttribute(ResolvedAttribute parent, AttributePath path) {
    if (path.hasSchema() || path.hasSubAttribute()) {
      return null;
    }
    Attribute sub = parent.attribute().subAttribute(path.name());
    return sub == null
        ? null
        : new ResolvedAttribute(parent.schema(), parent.extension(), parent.attribute(), sub);
  }
}
