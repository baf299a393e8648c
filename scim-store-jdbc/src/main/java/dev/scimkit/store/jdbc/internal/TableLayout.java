package dev.scimkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.Attribute;
import dev.scimkit.core.schema.AttributeType;
import dev.scimkit.core.schema.CommonAttributes;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schema;
import dev.scimkit.core.schema.Uniqueness;
import dev.scimkit.core.search.ScimValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one resource type's attributes live beside the document: the key columns ({@code
 * user_name_key}, {@code display_name_key}, {@code external_id_key}), the side table of other
 * unique attributes, and the membership table.
 */
final class TableLayout {
  static final String USER_NAME_KEY = "user_name_key";
  static final String DISPLAY_NAME_KEY = "display_name_key";
  static final String EXTERNAL_ID_KEY = "external_id_key";

  /** A unique attribute: top-level, single-valued, simple, with uniqueness server or global. */
  record UniqueAttribute(ResolvedAttribute attribute, String column) {
    String name() {
      return attribute.attribute().name();
    }
  }

  /** The key values of one document. */
  record Keys(String userName, String displayName, String displayNameKey, String externalId,
      List<String[]> others, boolean irregular) {}

  private final ResourceType type;
  private final boolean hasMembers;
  private final UniqueAttribute userName;
  private final UniqueAttribute displayName;
  private final List<UniqueAttribute> unique;
  private final ResolvedAttribute externalId =
      new ResolvedAttribute(CommonAttributes.URN, false, CommonAttributes.EXTERNAL_ID, null);
  private final HostTable host;
  private final HostTable memberUsers;

  TableLayout(ResourceType type) {
    this(type, null);
  }

  /**
   * @param users the host's users table, if the store has one: it holds this type's attributes
   *     when this is the type it keeps, or this type's user members when this type has members
   */
  TableLayout(ResourceType type, HostTable users) {
    this.type = type;
    this.hasMembers = type.hasMembers();
    this.host = users != null && HostTable.holds(type) ? users : null;
    this.memberUsers = users != null && hasMembers ? users : null;
    List<UniqueAttribute> all = new ArrayList<>();
    collect(all, type.schema(), false);
    for (ResourceType.Extension e : type.extensions()) {
      collect(all, e.schema(), true);
    }
    UniqueAttribute u = null;
    UniqueAttribute d = null;
    for (UniqueAttribute a : all) {
      if (a.column() == USER_NAME_KEY && u == null) {
        u = a;
      } else if (a.column() == DISPLAY_NAME_KEY && d == null) {
        d = a;
      }
    }
    this.userName = u;
    this.displayName = d;
    List<UniqueAttribute> fixed = new ArrayList<>();
    for (UniqueAttribute a : all) {
      fixed.add(a == u || a == d ? a : new UniqueAttribute(a.attribute(), null));
    }
    this.unique = List.copyOf(fixed);
  }

  private void collect(List<UniqueAttribute> out, Schema schema, boolean extension) {
    for (Attribute a : schema.attributes()) {
      if (a.uniqueness() == Uniqueness.NONE || a.multiValued() || a.isComplex()) {
        continue;
      }
      String column = null;
      if (!extension && a.type() == AttributeType.STRING) {
        if (a.name().equals("userName")) {
          column = USER_NAME_KEY;
        } else if (a.name().equals("displayName")) {
          column = DISPLAY_NAME_KEY;
        }
      }
      out.add(new UniqueAttribute(new ResolvedAttribute(schema.id(), extension, a, null), column));
    }
  }

  ResourceType type() {
    return type;
  }

  boolean hasMembers() {
    return hasMembers;
  }

  /** The host's table that holds this type's rows, joined as {@code u}; null if none. */
  HostTable host() {
    return host;
  }

  /**
   * {@code " AND …"}: a condition that the membership row {@code m} names a member that exists,
   * for a group whose user members live in the host's table (a row the host deleted is no member);
   * empty otherwise.
   */
  String liveMember(String m) {
    if (memberUsers == null) {
      return "";
    }
    String u = m + "_u";
    return " AND (" + m + ".member_type <> '" + HostTable.USER_TYPE + "' OR EXISTS (SELECT 1 FROM "
        + memberUsers.table() + " " + u + " WHERE " + memberUsers.joins(u, m + ".tenant", m + ".member_id") + "))";
  }

  /** Every unique attribute, those with a column of their own and those in the side table. */
  List<UniqueAttribute> uniqueAttributes() {
    return unique;
  }

  /**
   * The key column holding {@code a}'s value, or null: {@code a} must be the keyed attribute
   * itself, named without a sub-attribute, and not in the host's table (whose rows the host may
   * change without the key).
   */
  String keyColumn(ResolvedAttribute a) {
    if (a.subAttribute() != null || (host != null && host.holds(a))) {
      return null;
    }
    if (a.schema().equals(CommonAttributes.URN) && a.attribute() == CommonAttributes.EXTERNAL_ID) {
      return EXTERNAL_ID_KEY;
    }
    if (userName != null && same(a, userName.attribute())) {
      return USER_NAME_KEY;
    }
    if (displayName != null && same(a, displayName.attribute())) {
      return DISPLAY_NAME_KEY;
    }
    return null;
  }

  /** The attribute a key column holds. */
  ResolvedAttribute keyedAttribute(String column) {
    return switch (column) {
      case USER_NAME_KEY -> userName == null ? null : userName.attribute();
      case DISPLAY_NAME_KEY -> displayName == null ? null : displayName.attribute();
      case EXTERNAL_ID_KEY -> externalId;
      default -> null;
    };
  }

  /** Whether {@code a} is the {@code members} attribute kept in the membership table. */
  boolean isMembers(ResolvedAttribute a) {
    return hasMembers
        && !a.extension()
        && a.schema().equals(type.schema().id())
        && a.attribute().name().equals("members");
  }

  private static boolean same(ResolvedAttribute a, ResolvedAttribute b) {
    return a.schema().equals(b.schema()) && a.attribute().name().equals(b.attribute().name());
  }

  /** Works out the key columns of a document. */
  Keys keys(ObjectNode doc) {
    boolean[] irregular = {false};
    String u = userName == null ? null : key(doc, userName.attribute(), irregular);
    String dKey = displayName == null ? null : key(doc, displayName.attribute(), irregular);
    String x = key(doc, externalId, irregular);
    String display = display(doc);
    if (hasMembers && doc.has("members")) {
      irregular[0] = true; // members live in the membership table; a document copy would shadow it
    }
    List<String[]> others = new ArrayList<>();
    for (UniqueAttribute a : unique) {
      if (a.column() == null) {
        JsonNode v = value(doc, a.attribute());
        if (!ScimValues.isAbsent(v) && !v.isContainerNode()) {
          String text = v.asText();
          others.add(new String[] {a.name(), a.attribute().attribute().caseExact() ? text : ScimValues.fold(text)});
        }
      }
    }
    return new Keys(u, display, dKey, x, others, irregular[0]);
  }

  /**
   * The resource's name as a group shows its members ({@code members[].display}) and a user its
   * groups: {@code displayName}, else {@code userName}; kept in the {@code display_name} column.
   */
  static String display(ObjectNode doc) {
    JsonNode name = doc.get("displayName");
    if (name == null || !name.isValueNode() || name.isNull()) {
      name = doc.get("userName");
    }
    return name == null || !name.isValueNode() || name.isNull() ? null : name.asText();
  }

  private static JsonNode value(ObjectNode doc, ResolvedAttribute a) {
    JsonNode container = a.extension() ? doc.get(a.schema()) : doc;
    return container == null || !container.isObject() ? null : container.get(a.attribute().name());
  }

  /** A scalar's text as search compares it, folded unless caseExact; containers are irregular. */
  private static String key(ObjectNode doc, ResolvedAttribute a, boolean[] irregular) {
    JsonNode v = value(doc, a);
    if (ScimValues.isAbsent(v)) {
      return null;
    }
    if (v.isContainerNode()) {
      irregular[0] = true;
      return null;
    }
    String text = ScimValues.text(v);
    return a.attribute().caseExact() ? text : ScimValues.fold(text);
  }
}
