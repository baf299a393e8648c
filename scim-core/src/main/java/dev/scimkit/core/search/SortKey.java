package dev.scimkit.core.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.store.StoredResource;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The value a resource sorts by: a typed value, else its text, else nothing. Keys of one sort
 * attribute form a total order: typed values first, then values that did not read as the
 * attribute's type (compared as text), then resources without a value.
 */
final class SortKey implements Comparable<SortKey> {
  private static final int TYPED = 0;
  private static final int TEXT = 1;
  private static final int MISSING = 2;

  static final SortKey NONE = new SortKey(MISSING, null);

  private final int rank;
  private final Comparable<Object> value;

  @SuppressWarnings("unchecked")
  private SortKey(int rank, Comparable<?> value) {
    this.rank = rank;
    this.value = (Comparable<Object>) value;
  }

  boolean isMissing() {
    return rank == MISSING;
  }

  @Override
  public int compareTo(SortKey other) {
    if (rank != other.rank) {
      return Integer.compare(rank, other.rank);
    }
    return rank == MISSING ? 0 : value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SortKey k && compareTo(k) == 0;
  }

  @Override
  public int hashCode() {
    return rank == MISSING ? 0 : value.hashCode();
  }

  @Override
  public String toString() {
    return rank == MISSING ? "(none)" : String.valueOf(value);
  }

  /** Extracts sort keys for one {@code sortBy} attribute. */
  static final class Extractor {
    private final ResolvedAttribute sortBy;
    private final AttributeReader reader;
    private final Attribute target;
    private final String subName;
    private final boolean complex;
    private final boolean id;
    private final boolean meta;

    Extractor(ResolvedAttribute sortBy) {
      this.sortBy = sortBy;
      this.reader = new AttributeReader(sortBy, "");
      this.complex = sortBy.attribute().isComplex();
      if (sortBy.subAttribute() != null) {
        this.target = sortBy.subAttribute();
        this.subName = target.name();
      } else if (complex) {
        this.target = sortBy.attribute().subAttribute("value");
        this.subName = "value";
      } else {
        this.target = sortBy.attribute();
        this.subName = null;
      }
      this.id = SearchAttributes.isCommon(sortBy, CommonAttributes.ID);
      this.meta = SearchAttributes.isCommon(sortBy, CommonAttributes.META);
    }

    SortKey key(ResourceSource source) {
      if (target == null || target.isComplex()) {
        return NONE;
      }
      StoredResource stored = source.stored();
      if (stored != null && (id || meta)) {
        return fromRecord(stored);
      }
      JsonNode top = reader.top(source);
      JsonNode value;
      if (complex) {
        JsonNode element = primaryOrFirst(top);
        if (element == null) {
          value = null;
        } else if (element.isObject()) {
          value = element.get(subName);
        } else {
          value = subName.equals("value") ? element : null; // Entra's bare "manager": "<id>"
        }
      } else {
        value = top;
      }
      return typed(first(value), target);
    }

    private SortKey fromRecord(StoredResource stored) {
      if (id) {
        return new SortKey(TYPED, stored.id());
      }
      if (sortBy.subAttribute() == null) {
        return NONE;
      }
      return switch (sortBy.subAttribute().name()) {
        case "created" -> new SortKey(TYPED, stored.created());
        case "lastModified" -> new SortKey(TYPED, stored.lastModified());
        case "version" -> new SortKey(TYPED, ScimValues.versionTag(stored.version()));
        default -> NONE; // resourceType is the same for all; location is not in the record
      };
    }

    /** The element marked {@code primary}, else the first one; for a single value, itself. */
    private static JsonNode primaryOrFirst(JsonNode top) {
      if (ScimValues.isAbsent(top)) {
        return null;
      }
      if (!top.isArray()) {
        return top;
      }
      for (JsonNode element : top) {
        if (element.isObject()) {
          JsonNode primary = element.get("primary");
          if (primary != null && Boolean.TRUE.equals(ScimValues.bool(primary))) {
            return element;
          }
        }
      }
      for (JsonNode element : top) {
        if (!ScimValues.isAbsent(element)) {
          return element;
        }
      }
      return null;
    }

    private static JsonNode first(JsonNode value) {
      if (value == null || !value.isArray()) {
        return value;
      }
      for (JsonNode element : value) {
        if (!ScimValues.isAbsent(element)) {
          return element;
        }
      }
      return null;
    }

    private static SortKey typed(JsonNode value, Attribute target) {
      if (!ScimValues.isPresent(value) || value.isContainerNode()) {
        return NONE;
      }
      switch (target.type()) {
        case BOOLEAN -> {
          Boolean b = ScimValues.bool(value);
          if (b != null) {
            return new SortKey(TYPED, b);
          }
        }
        case DECIMAL, INTEGER -> {
          BigDecimal d = ScimValues.number(value);
          if (d != null) {
            return new SortKey(TYPED, d);
          }
        }
        case DATE_TIME -> {
          Instant i = value.isTextual() ? ScimValues.instant(value.textValue()) : null;
          if (i != null) {
            return new SortKey(TYPED, i);
          }
        }
        default -> {
          return new SortKey(TYPED, text(value, target));
        }
      }
      return new SortKey(TEXT, text(value, target));
    }

    private static String text(JsonNode value, Attribute target) {
      String text = ScimValues.text(value);
      return target.caseExact() ? text : ScimValues.fold(text);
    }
  }
}
