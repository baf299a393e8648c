package dev.scimkit.core.search;

import static dev.scimkit.core.search.SearchFixtures.WIDGET_TYPE;
import static dev.scimkit.core.search.SearchFixtures.json;
import static dev.scimkit.core.search.SearchFixtures.representation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimkit.core.schema.ResolvedAttribute;
import dev.scimkit.core.schema.ResourceType;
import dev.scimkit.core.schema.Schemas;
import dev.scimkit.core.store.SortOrder;
import dev.scimkit.core.store.StoredResource;
import dev.scimkit.filter.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortingTest {

  private static ResolvedAttribute attr(ResourceType type, String path) {
    ResolvedAttribute resolved = type.resolve(Filters.parseAttributePath(path));
    assertThat(resolved).as(path).isNotNull();
    return resolved;
  }

  private static StoredResource r(String id, String document) {
    return SearchFixtures.stored(id, json(document));
  }

  private static List<String> ids(List<StoredResource> resources) {
    return resources.stream().map(StoredResource::id).toList();
  }

  /** Sorts with the comparator, with {@link Sorting#sort}, and as representations; all agree. */
  private static List<String> sorted(
      ResourceType type, List<StoredResource> resources, ResolvedAttribute sortBy, SortOrder order) {
    List<StoredResource> shuffled = new ArrayList<>(resources);
    Collections.shuffle(shuffled, new Random(42));
    List<StoredResource> byComparator = new ArrayList<>(shuffled);
    byComparator.sort(Sorting.storedResources(sortBy, order));
    List<StoredResource> bySort = Sorting.sort(shuffled, sortBy, order);
    List<ObjectNode> representations =
        new ArrayList<>(shuffled.stream().map(x -> representation(x, type)).toList());
    representations.sort(Sorting.representations(sortBy, order));
    assertThat(ids(bySort)).isEqualTo(ids(byComparator));
    assertThat(representations.stream().map(n -> n.get("id").asText()).toList())
        .isEqualTo(ids(byComparator));
    return ids(byComparator);
  }

  private static List<String> sortUsers(List<StoredResource> list, String path, SortOrder order) {
    return sorted(Schemas.userType(), list, attr(Schemas.userType(), path), order);
  }

  private static List<String> sortWidgets(List<StoredResource> list, String path, SortOrder order) {
    return sorted(WIDGET_TYPE, list, attr(WIDGET_TYPE, path), order);
  }

  private final List<StoredResource> people =
      List.of(
          r("4", "{'userName':'bob'}"),
          r("1", "{'userName':'Alice'}"),
          r("3", "{}"),
          r("2", "{'userName':'carol'}"),
          r("5", "{'userName':'ALICE'}"),
          r("6", "{'userName':''}"));

  @Test
  void strings_sortIgnoringCase_missingLast_tiesById() {
    assertThat(sortUsers(people, "userName", SortOrder.ASCENDING))
        .containsExactly("1", "5", "4", "2", "3", "6");
  }

  @Test
  void descending_isTheExactReverse_missingFirst() {
    assertThat(sortUsers(people, "USERNAME", SortOrder.DESCENDING))
        .containsExactly("6", "3", "2", "4", "5", "1");
  }

  @Test
  void caseExactStrings_sortByCodeUnits() {
    List<StoredResource> list = List.of(r("b", "{}"), r("B", "{}"), r("a", "{}"));
    assertThat(sortUsers(list, "id", SortOrder.ASCENDING)).containsExactly("B", "a", "b");
  }

  @Test
  void numbers_sortNumerically_notAsText() {
    List<StoredResource> list =
        List.of(
            r("a", "{'num':10}"),
            r("b", "{'num':9}"),
            r("c", "{'num':'100'}"),
            r("d", "{'num':-1.5}"),
            r("e", "{'num':'n/a'}"),
            r("f", "{}"));
    assertThat(sortWidgets(list, "num", SortOrder.ASCENDING))
        .containsExactly("d", "b", "a", "c", "e", "f");
  }

  @Test
  void booleans_sortFalseBeforeTrue() {
    List<StoredResource> list =
        List.of(r("a", "{'active':true}"), r("b", "{'active':false}"), r("c", "{'active':'False'}"), r("d", "{}"));
    assertThat(sortUsers(list, "active", SortOrder.ASCENDING))
        .containsExactly("b", "c", "a", "d");
  }

  @Test
  void dateTimes_sortAsInstants() {
    List<StoredResource> list =
        List.of(
            r("a", "{'when':'2024-01-01T02:00:00+03:00'}"),
            r("b", "{'when':'2024-01-01T00:00:00Z'}"),
            r("c", "{'when':'2023-12-31T23:30:00Z'}"));
    assertThat(sortWidgets(list, "when", SortOrder.ASCENDING))
        .containsExactly("a", "c", "b");
  }

  @Test
  void metaLastModified_sortsByTheRecordsInstant() {
    List<StoredResource> list =
        List.of(
            new StoredResource("a", 1, Instant.EPOCH, Instant.parse("2024-03-01T00:00:00Z"), json("{}")),
            new StoredResource("b", 1, Instant.EPOCH, Instant.parse("2024-01-01T00:00:00Z"), json("{}")),
            new StoredResource("c", 1, Instant.EPOCH, Instant.parse("2024-02-01T00:00:00.5Z"), json("{}")));
    assertThat(sortUsers(list, "meta.lastModified", SortOrder.ASCENDING))
        .containsExactly("b", "c", "a");
    assertThat(sortUsers(list, "meta.lastModified", SortOrder.DESCENDING))
        .containsExactly("a", "c", "b");
  }

  @Test
  void multiValuedAttributes_sortByThePrimaryValue_elseTheFirst() {
    List<StoredResource> list =
        List.of(
            r("a", "{'emails':[{'value':'a@x'},{'value':'z@x','primary':true}]}"),
            r("b", "{'emails':[{'value':'m@x'},{'value':'b@x'}]}"),
            r("c", "{'emails':[{'value':'c@x','primary':'True'}]}"),
            r("d", "{'emails':[]}"));
    assertThat(sortUsers(list, "emails", SortOrder.ASCENDING))
        .containsExactly("c", "b", "a", "d");
    assertThat(sortUsers(list, "emails.value", SortOrder.ASCENDING))
        .containsExactly("c", "b", "a", "d");
  }

  @Test
  void extensionAndSubAttributes_sortByTheirValues() {
    String ext = SearchFixtures.ENTERPRISE;
    List<StoredResource> list =
        List.of(
            r("a", "{'" + ext + "':{'manager':{'value':'m2'}}}"),
            r("b", "{'" + ext + "':{'manager':'m1'}}"),
            r("c", "{'name':{'familyName':'Zed'}}"));
    assertThat(sortUsers(list, "manager", SortOrder.ASCENDING))
        .containsExactly("b", "a", "c");
    List<StoredResource> names =
        List.of(r("a", "{'name':{'familyName':'zed'}}"), r("b", "{'name':{'familyName':'Adams'}}"), r("c", "{}"));
    assertThat(sortUsers(names, "name.familyName", SortOrder.ASCENDING))
        .containsExactly("b", "a", "c");
  }

  @Test
  void ties_areBrokenById_soPagesAreStable() {
    List<StoredResource> list =
        List.of(r("c", "{'title':'x'}"), r("a", "{'title':'X'}"), r("b", "{'title':'x'}"));
    assertThat(sortUsers(list, "title", SortOrder.ASCENDING))
        .containsExactly("a", "b", "c");
    assertThat(sortUsers(list, "title", SortOrder.DESCENDING))
        .containsExactly("c", "b", "a");
  }

  @Test
  void noSortBy_meansCreationOrder_andIgnoresTheDirection() {
    List<StoredResource> list =
        List.of(
            SearchFixtures.stored("b", Instant.parse("2024-01-02T00:00:00Z"), json("{}")),
            SearchFixtures.stored("c", Instant.parse("2024-01-01T00:00:00Z"), json("{}")),
            SearchFixtures.stored("a", Instant.parse("2024-01-02T00:00:00Z"), json("{}")));
    assertThat(sorted(Schemas.userType(), list, null, SortOrder.ASCENDING)).containsExactly("c", "a", "b");
    assertThat(sorted(Schemas.userType(), list, null, SortOrder.DESCENDING)).containsExactly("c", "a", "b");
  }

  @Test
  void sortById_usesTheRecordsId() {
    List<StoredResource> list = List.of(r("b", "{}"), r("A", "{}"), r("a", "{}"));
    assertThat(sortUsers(list, "id", SortOrder.ASCENDING))
        .containsExactly("A", "a", "b");
  }
}
