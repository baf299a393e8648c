package dev.scimkit.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.schema.Uniqueness;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.filter.AttributePath;
import dev.scimkit.filter.ComparisonOperator;
import dev.scimkit.filter.Filter;
import dev.scimkit.filter.FilterValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded generators of documents and filters for the differential test: data full of what makes
 * SQL and Java disagree (letter case beyond ASCII, SQL and JSON-path metacharacters, values off
 * their schema's type, tolerant shapes) and filters over every operator and attribute.
 */
final class Generated {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static final String DEVICE = "urn:example:params:scim:schemas:Device";

  /** A custom type with every attribute type, a caseExact unique attribute and nested values. */
  static final ResourceType DEVICE_TYPE =
      ResourceType.builder("Device", "/Devices",
              Schema.builder(DEVICE)
                  .name("Device")
                  .attribute(Attribute.builder("serial").caseExact(true).uniqueness(Uniqueness.SERVER).build())
                  .attribute(Attribute.builder("label").build())
                  .attribute(Attribute.builder("ports").type(AttributeType.INTEGER).build())
                  .attribute(Attribute.builder("weight").type(AttributeType.DECIMAL).build())
                  .attribute(Attribute.builder("enabled").type(AttributeType.BOOLEAN).build())
                  .attribute(Attribute.builder("installed").type(AttributeType.DATE_TIME).build())
                  .attribute(Attribute.builder("firmware").type(AttributeType.BINARY).caseExact(true).build())
                  .attribute(Attribute.builder("homepage").type(AttributeType.REFERENCE).build())
                  .attribute(Attribute.builder("tags").multiValued(true).build())
                  .attribute(Attribute.builder("codes").multiValued(true).caseExact(true).build())
                  .attribute(Attribute.builder("readings").type(AttributeType.COMPLEX).multiValued(true)
                      .subAttribute(Attribute.builder("value").type(AttributeType.DECIMAL).build())
                      .subAttribute(Attribute.builder("unit").build())
                      .subAttribute(Attribute.builder("at").type(AttributeType.DATE_TIME).build())
                      .build())
                  .attribute(Attribute.builder("location").type(AttributeType.COMPLEX)
                      .subAttribute(Attribute.builder("building").build())
                      .subAttribute(Attribute.builder("floor").type(AttributeType.INTEGER).build())
                      .build())
                  .build())
          .build();

  /** Strings that SQL, LIKE, JSON paths and case folding treat specially. */
  static final List<String> SPECIAL = List.of(
      "alice", "Alice", "ALICE", "bob", "bjensen@example.com", "BJensen@Example.COM", "work", "Work",
      "home", "other", "mobile", "x'y", "O'Brien", "100%", "100", "a_b", "a%b", "back\\slash",
      "quo\"te", "$dollar", "$.emails[*]", "@.value", "it's \"quoted\"", "!bang", "tab\there",
      "line\nbreak", "É", "é", "Émile", "émile", "straße", "STRASSE", "İstanbul", "istanbul", "i̇stanbul",
      "\u212Aelvin", "kelvin", "KELVIN", "ΟΔΟΣ", "οδος", "οδοσ", "emoji😀", "\uE000private", "\uFF21wide",
      "", " ", "42", "42.0", "1e3", "-7", "007", "true", "True", "FALSE", "false", "null",
      "2011-05-13T04:42:34Z", "2011-05-13T06:42:34+02:00", "2011-05-13T04:42:34", "2011-05-13t04:42:34z",
      "2011-02-30T00:00:00Z", "2025-12-31T23:59:59.123456789Z", "2026-01-01T00:00:00Z", "urn:x:y",
      "https://example.com/a?b=c&d=%20", "Z", "z", "zz", "a", "A", "AB", "ab");

  private final Random random;
  final List<String> pool = new ArrayList<>();

  Generated(long seed) {
    this.random = new Random(seed);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  // ---- values ----------------------------------------------------------------------------------

  String word() {
    String w = chance(0.6) ? pick(SPECIAL) : pick(List.of("eng", "sales", "ops", "x@y.org", "Ann", "Zoë", "Çelik", "smith", "Smith"));
    pool.add(w);
    return w;
  }

  /** A string, sometimes a value off the attribute's type (messy documents only). */
  JsonNode scalar(AttributeType type, boolean messy) {
    if (messy && chance(0.15)) {
      return offType();
    }
    return switch (type) {
      case BOOLEAN -> NODES.booleanNode(random.nextBoolean());
      case INTEGER -> NODES.numberNode(pick(List.of(0, 1, 7, 42, -3, 1000, 123456789)));
      case DECIMAL -> chance(0.5) ? NODES.numberNode(pick(List.of(1.5, 0.1, 2.0, -0.5, 42.0, 1e20)))
          : NODES.numberNode(pick(List.of(3, 42, -1)));
      case DATE_TIME -> text(pick(List.of("2011-05-13T04:42:34Z", "2011-05-13T06:42:34+02:00",
          "2020-02-29T12:00:00.5Z", "2026-01-01T00:00:00Z", "1999-12-31T23:59:59-08:00", "2011-05-13T04:42:34")));
      default -> text(word());
    };
  }

  private JsonNode text(String s) {
    pool.add(s);
    return NODES.textNode(s);
  }

  private JsonNode offType() {
    return switch (random.nextInt(9)) {
      case 0 -> NODES.numberNode(pick(List.of(42, 7, -1)));
      case 1 -> NODES.numberNode(pick(List.of(1.5, 42.0, 1e20)));
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.textNode(pick(List.of("True", "false", "42", "1.5", "2011-05-13T04:42:34Z", "x")));
      case 4 -> NODES.nullNode();
      case 5 -> NODES.arrayNode().add(word()).add(word());
      case 6 -> NODES.objectNode().put("value", word());
      case 7 -> NODES.arrayNode();
      default -> NODES.textNode("");
    };
  }

  private JsonNode value(Attribute a, boolean messy) {
    if (a.isComplex()) {
      if (a.multiValued()) {
        ArrayNode array = NODES.arrayNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (messy && chance(0.1)) {
            array.add(chance(0.5) ? NODES.textNode(word()) : NODES.nullNode());
          } else {
            array.add(complex(a, messy));
          }
        }
        if (messy && chance(0.1)) {
          return complex(a, messy); // a single object where an array belongs
        }
        return array;
      }
      if (messy && chance(0.2)) {
        return NODES.textNode(word()); // Entra's bare "manager": "<id>"
      }
      return complex(a, messy);
    }
    if (a.multiValued()) {
      ArrayNode array = NODES.arrayNode();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        array.add(scalar(a.type(), messy));
      }
      return messy && chance(0.1) ? scalar(a.type(), messy) : array;
    }
    if (messy && chance(0.08)) {
      return NODES.arrayNode().add(scalar(a.type(), messy)).add(scalar(a.type(), messy));
    }
    return scalar(a.type(), messy);
  }

  private ObjectNode complex(Attribute a, boolean messy) {
    ObjectNode o = NODES.objectNode();
    for (Attribute sub : a.subAttributes()) {
      if (chance(0.6)) {
        if (sub.name().equals("type")) {
          o.set("type", text(pick(List.of("work", "Work", "home", "other", "WORK", "mobile"))));
        } else {
          o.set(sub.name(), value(sub, messy));
        }
      }
    }
    return o;
  }

  /** A document of {@code type}: every attribute present with some probability. */
  ObjectNode document(ResourceType type, String unique, boolean messy) {
    ObjectNode doc = NODES.objectNode();
    doc.putArray("schemas").add(type.schema().id());
    for (Attribute a : type.schema().attributes()) {
      if (a.name().equals("members") || a.name().equals("groups") || a.name().equals("password")) {
        continue;
      }
      if (a.uniqueness() != Uniqueness.NONE) {
        if (messy && a.name().equals("userName") && chance(0.02)) {
          doc.set(a.name(), NODES.arrayNode().add(unique + "-a").add(unique + "-b")); // irregular
        } else {
          doc.put(a.name(), unique);
          pool.add(unique);
        }
        continue;
      }
      if (chance(0.55)) {
        doc.set(a.name(), value(a, messy));
      }
    }
    if (chance(0.5)) {
      // Always a string: InMemoryStore's externalId index holds only strings, so for other
      // values it disagrees with FilterEvaluator (the engine never stores them).
      doc.set("externalId", text(word() + (chance(0.5) ? "" : "-x")));
    }
    for (ResourceType.Extension e : type.extensions()) {
      if (chance(0.5)) {
        ObjectNode ext = doc.putObject(e.schema().id());
        for (Attribute a : e.schema().attributes()) {
          if (chance(0.6)) {
            ext.set(a.name(), value(a, messy));
          }
        }
        ((ArrayNode) doc.get("schemas")).add(e.schema().id());
      }
    }
    if (messy && chance(0.05)) {
      doc.set("schemas", NODES.textNode(type.schema().id()));
    }
    if (messy && type.hasMembers() && chance(0.05)) {
      doc.putArray("members").addObject().put("value", "shadow"); // a copy that shadows the table
    }
    return doc;
  }

  Instant instant() {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(1_000_000) - 500_000)
        .plusNanos(chance(0.5) ? 0 : random.nextInt(1_000_000_000));
  }

  // ---- filters ---------------------------------------------------------------------------------

  /** The paths of a type as a client may write them: any letter case, qualified or not. */
  AttributePath path(ResourceType type, boolean allowUnknown) {
    if (allowUnknown && chance(0.01)) {
      return chance(0.5) ? AttributePath.of("noSuchThing") : AttributePath.of("name", "noSuch");
    }
    int k = random.nextInt(10);
    if (k == 0) {
      String sub = pick(List.of("created", "lastModified", "version", "resourceType", "location"));
      return chance(0.9) ? AttributePath.of("meta", sub) : AttributePath.of("meta");
    }
    if (k == 1) {
      return AttributePath.of(pick(List.of("id", "externalId", "schemas", "externalId")));
    }
    Schema schema = type.schema();
    boolean extension = false;
    if (!type.extensions().isEmpty() && chance(0.25)) {
      schema = type.extensions().get(0).schema();
      extension = true;
    }
    Attribute a = pick(schema.attributes());
    String name = mangle(a.name());
    String urn = extension ? (chance(0.5) ? schema.id() : null) : (chance(0.1) ? schema.id() : null);
    if (a.isComplex() && chance(0.8)) {
      return new AttributePath(urn, name, mangle(pick(a.subAttributes()).name()));
    }
    return new AttributePath(urn, name, null);
  }

  private String mangle(String name) {
    if (chance(0.15)) {
      return chance(0.5) ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }
    return name;
  }

  FilterValue literal() {
    int k = random.nextInt(20);
    if (k < 11 && !pool.isEmpty()) {
      String s = pick(pool);
      switch (random.nextInt(6)) {
        case 0 -> s = s.toUpperCase(Locale.ROOT);
        case 1 -> s = s.toLowerCase(Locale.ROOT);
        case 2 -> s = s.isEmpty() ? s : s.substring(0, 1 + random.nextInt(s.length()));
        case 3 -> s = s.isEmpty() ? s : s.substring(random.nextInt(s.length()));
        default -> { }
      }
      return FilterValue.of(s);
    }
    if (k < 14) {
      return FilterValue.of(pick(SPECIAL));
    }
    if (k < 16) {
      return FilterValue.of(new BigDecimal(pick(List.of("42", "7", "1.5", "0", "-3", "1E+3", "1e20", "100000000000000000000", "2.0", "1e1000000000", "-1E+2000"))));
    }
    if (k < 18) {
      return FilterValue.of(random.nextBoolean());
    }
    if (k < 19) {
      return FilterValue.of(pick(List.of("2011-05-13T04:42:34Z", "2026-01-01T00:00:00Z", "2025-12-25T10:00:00.5Z",
          "2026-01-03T00:00:00+05:00", "2011-05-13T06:42:34+02:00")));
    }
    return FilterValue.ofNull();
  }

  private ComparisonOperator operator() {
    return pick(List.of(ComparisonOperator.values()));
  }

  Filter filter(ResourceType type, List<String> ids, int depth) {
    int k = random.nextInt(depth <= 0 ? 6 : 10);
    if (k < 4) {
      return comparison(type, ids);
    }
    if (k == 4) {
      return new Filter.Present(path(type, true));
    }
    if (k == 5) {
      return valuePath(type, ids);
    }
    if (k == 6) {
      return Filter.not(filter(type, ids, depth - 1));
    }
    if (k == 7) {
      return Filter.or(filter(type, ids, depth - 1), filter(type, ids, depth - 1));
    }
    return Filter.and(filter(type, ids, depth - 1), filter(type, ids, depth - 1));
  }

  private Filter comparison(ResourceType type, List<String> ids) {
    AttributePath p = path(type, true);
    FilterValue v = literal();
    if (!ids.isEmpty() && (p.name().equalsIgnoreCase("id") || p.name().equalsIgnoreCase("members")
        || p.name().equalsIgnoreCase("manager")) && chance(0.6)) {
      String id = pick(ids);
      v = FilterValue.of(chance(0.2) ? id.toUpperCase(Locale.ROOT) : id);
    }
    return new Filter.Comparison(p, operator(), v);
  }

  private Filter valuePath(ResourceType type, List<String> ids) {
    List<Attribute> complex = new ArrayList<>();
    for (Attribute a : type.schema().attributes()) {
      if (a.isComplex()) {
        complex.add(a);
      }
    }
    Attribute a = pick(complex);
    Filter inner = inner(a, ids, 1);
    return new Filter.ValuePath(AttributePath.of(mangle(a.name())), inner);
  }

  private Filter inner(Attribute parent, List<String> ids, int depth) {
    int k = random.nextInt(depth <= 0 ? 5 : 8);
    if (k == 5) {
      return Filter.not(inner(parent, ids, depth - 1));
    }
    if (k == 6) {
      return Filter.or(inner(parent, ids, depth - 1), inner(parent, ids, depth - 1));
    }
    if (k == 7) {
      return Filter.and(inner(parent, ids, depth - 1), inner(parent, ids, depth - 1));
    }
    AttributePath p = AttributePath.of(mangle(pick(parent.subAttributes()).name()));
    if (k == 4) {
      return new Filter.Present(p);
    }
    FilterValue v = literal();
    if (!ids.isEmpty() && p.name().equalsIgnoreCase("value") && chance(0.5)) {
      v = FilterValue.of(pick(ids));
    }
    return new Filter.Comparison(p, operator(), v);
  }

  /** A sort attribute (or null), resolved as the engine resolves {@code sortBy}. */
  ResolvedAttribute sortBy(ResourceType type) {
    if (chance(0.6)) {
      return null;
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      AttributePath p = path(type, false);
      ResolvedAttribute r = type.resolve(p);
      if (r != null) {
        return r;
      }
    }
    return type.resolve(AttributePath.of("id"));
  }

  SortOrder sortOrder() {
    return random.nextBoolean() ? SortOrder.ASCENDING : SortOrder.DESCENDING;
  }
}
