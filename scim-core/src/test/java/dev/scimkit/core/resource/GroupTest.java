package dev.scimkit.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimkit.core.schema.Schemas;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TOUR_GUIDES =
      """
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
        "externalId": "60e3f7a2-0d4e-4b6f-8c60-2c4a2c1f3b6e",
        "displayName": "Tour Guides",
        "members": [
          {
            "value": "2819c223-7f76-453a-919d-413861904646",
            "$ref": "https://scim.example.com/v2/Users/2819c223-7f76-453a-919d-413861904646",
            "display": "Babs Jensen",
            "type": "User"
          },
          {
            "value": "902c246b-6245-4190-8e05-00816be7344a",
            "$ref": "https://scim.example.com/v2/Groups/902c246b-6245-4190-8e05-00816be7344a",
            "display": "Night Guides",
            "type": "Group"
          }
        ],
        "meta": {
          "resourceType": "Group",
          "created": "2010-01-23T04:56:22Z",
          "lastModified": "2011-05-13T04:42:34Z",
          "location": "https://scim.example.com/v2/Groups/e9e30dba-f08f-4109-8486-d5c6a331660a",
          "version": "W/\\"3694e05e9dff594\\""
        }
      }
      """;

  @Test
  void groupWithMembers_jsonToGroupToJson_isUnchanged() throws Exception {
    JsonNode original = JSON.readTree(TOUR_GUIDES);

    Group group = Group.fromJson(original);

    assertThat(group.toJson()).isEqualTo(original);
    assertThat(group.members()).extracting(GroupMember::type).containsExactly("User", "Group");
    assertThat(group.members().get(1).ref()).contains("/Groups/");
    assertThat(group.meta().resourceType()).isEqualTo("Group");
  }

  @Test
  void builder_writesMembersInTheShapeIdentityProvidersSend() {
    Group group =
        Group.builder()
            .displayName("Admins")
            .member("2819c223")
            .member(GroupMember.user("902c246b", "Mandy Pepperidge"))
            .build();

    assertThat(group.toJson().toString())
        .isEqualTo(
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                + "\"displayName\":\"Admins\",\"members\":[{\"value\":\"2819c223\"},"
                + "{\"value\":\"902c246b\",\"display\":\"Mandy Pepperidge\",\"type\":\"User\"}]}");
  }

  @Test
  void groupWithoutMembers_hasAnEmptyList_andWritesNoMembersKey() throws Exception {
    Group group =
        Group.fromJson(
            JSON.readTree(
                "{\"schemas\":[\"" + Schemas.GROUP + "\"],\"id\":\"g1\",\"displayName\":\"Empty\"}"));

    assertThat(group.members()).isEmpty();
    assertThat(group.toJson().has("members")).isFalse();
    assertThat(group.schemas()).containsExactly(Schemas.GROUP);
  }

  @Test
  void toBuilder_replacesMembers_withoutTouchingTheOriginal() throws Exception {
    Group original = Group.fromJson(JSON.readTree(TOUR_GUIDES));

    Group emptied = original.toBuilder().members(List.of()).build();

    assertThat(emptied.members()).isEmpty();
    assertThat(emptied.displayName()).isEqualTo("Tour Guides");
    assertThat(original.members()).hasSize(2);
  }
}
