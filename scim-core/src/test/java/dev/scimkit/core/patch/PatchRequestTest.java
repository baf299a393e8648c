package dev.scimkit.core.patch;

import static dev.scimkit.core.patch.PatchFixtures.assertBadRequest;
import static dev.scimkit.core.patch.PatchFixtures.body;
import static dev.scimkit.core.patch.PatchFixtures.json;
import static dev.scimkit.core.patch.PatchFixtures.object;
import static dev.scimkit.core.patch.PatchFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scimkit.core.ScimException;
import dev.scimkit.core.ScimType;
import dev.scimkit.core.patch.PatchOperation.Op;
import org.junit.jupiter.api.Test;

class PatchRequestTest {

  @Test
  void fromJson_opNamesInAnyCase_areAccepted() {
    PatchRequest r =
        request(
            """
            [{"op":"Add","path":"title","value":"x"},
             {"op":"replace","path":"title","value":"y"},
             {"op":"REMOVE","path":"title"},
             {"op":" rEpLaCe ","path":"title","value":"z"}]
            """);

    assertThat(r.operations()).extracting(PatchOperation::op)
        .containsExactly(Op.ADD, Op.REPLACE, Op.REMOVE, Op.REPLACE);
  }

  @Test
  void fromJson_keepsPathAsWrittenAndValueAsSent() {
    PatchRequest r = request("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");

    assertThat(r.operations()).containsExactly(
        new PatchOperation(Op.REPLACE, "active", json("\"False\"")));
  }

  @Test
  void fromJson_keysInAnyCase_areAccepted() {
    PatchRequest r =
        PatchRequest.fromJson(
            object("{\"operations\":[{\"OP\":\"add\",\"Path\":\"title\",\"VALUE\":\"x\"}]}"));

    assertThat(r.operations()).containsExactly(new PatchOperation(Op.ADD, "title", json("\"x\"")));
  }

  @Test
  void fromJson_missingOrWrongSchemas_isTolerated() {
    PatchRequest noSchemas =
        PatchRequest.fromJson(object("{\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}"));
    PatchRequest wrongSchemas =
        PatchRequest.fromJson(
            object(
                "{\"schemas\":[\"urn:scim:schemas:core:2.0\"],"
                    + "\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}"));

    assertThat(noSchemas).isEqualTo(wrongSchemas);
    assertThat(noSchemas.operations()).hasSize(1);
  }

  @Test
  void fromJson_emptyOperations_isInvalidValue() {
    // RFC 7644 section 3.5.2: "Operations", whose value is an array of one or more PATCH operations
    ScimException e = assertBadRequest(ScimType.INVALID_VALUE, () -> request("[]"));
    assertThat(e.detail()).contains("at least one operation");
  }

  @Test
  void fromJson_bodyWithoutOperationsArray_isInvalidSyntax() {
    assertBadRequest(ScimType.INVALID_SYNTAX, () -> PatchRequest.fromJson(object("{}")));
    assertBadRequest(
        ScimType.INVALID_SYNTAX, () -> PatchRequest.fromJson(object("{\"Operations\":{}}")));
    assertBadRequest(ScimType.INVALID_SYNTAX, () -> PatchRequest.fromJson(json("[]")));
    assertBadRequest(ScimType.INVALID_SYNTAX, () -> PatchRequest.fromJson(json("null")));
  }

  @Test
  void fromJson_operationThatIsNotAnObject_isInvalidSyntax() {
    assertBadRequest(ScimType.INVALID_SYNTAX, () -> request("[\"add\"]"));
  }

  @Test
  void fromJson_missingOp_isInvalidSyntax() {
    assertBadRequest(ScimType.INVALID_SYNTAX, () -> request("[{\"path\":\"title\",\"value\":\"x\"}]"));
    assertBadRequest(
        ScimType.INVALID_SYNTAX, () -> request("[{\"op\":null,\"path\":\"title\",\"value\":\"x\"}]"));
  }

  @Test
  void fromJson_unknownOp_isInvalidSyntax() {
    ScimException e =
        assertBadRequest(
            ScimType.INVALID_SYNTAX,
            () -> request("[{\"op\":\"move\",\"path\":\"title\",\"value\":\"x\"}]"));
    assertThat(e.detail()).contains("move");
    assertBadRequest(
        ScimType.INVALID_SYNTAX, () -> request("[{\"op\":1,\"path\":\"title\",\"value\":\"x\"}]"));
  }

  @Test
  void fromJson_removeWithoutPath_isNoTarget() {
    assertBadRequest(ScimType.NO_TARGET, () -> request("[{\"op\":\"remove\"}]"));
    assertBadRequest(ScimType.NO_TARGET, () -> request("[{\"op\":\"remove\",\"value\":\"x\"}]"));
  }

  @Test
  void fromJson_pathlessRemoveWithObjectValue_isAccepted() {
    PatchRequest r =
        request("[{\"op\":\"remove\",\"value\":{\"members\":[{\"value\":\"id1\"}]}}]");

    assertThat(r.operations().get(0).path()).isNull();
  }

  @Test
  void fromJson_addOrReplaceWithoutValue_isInvalidValue() {
    assertBadRequest(ScimType.INVALID_VALUE, () -> request("[{\"op\":\"add\",\"path\":\"title\"}]"));
    assertBadRequest(ScimType.INVALID_VALUE, () -> request("[{\"op\":\"replace\",\"path\":\"title\"}]"));
    assertBadRequest(ScimType.INVALID_VALUE, () -> request("[{\"op\":\"add\"}]"));
  }

  @Test
  void fromJson_addWithNullValue_isInvalidValue_butReplaceWithNullClears() {
    assertBadRequest(
        ScimType.INVALID_VALUE, () -> request("[{\"op\":\"add\",\"path\":\"title\",\"value\":null}]"));

    PatchRequest r = request("[{\"op\":\"replace\",\"path\":\"title\",\"value\":null}]");
    assertThat(r.operations().get(0).value().isNull()).isTrue();
  }

  @Test
  void fromJson_unparsablePath_isInvalidPathWithTheParserReason() {
    ScimException e =
        assertBadRequest(
            ScimType.INVALID_PATH,
            () -> request("[{\"op\":\"replace\",\"path\":\"emails[type eq \",\"value\":\"x\"}]"));

    assertThat(e.detail())
        .startsWith("operation 1: ")
        .contains("emails[type eq ")
        .contains("position 15");
  }

  @Test
  void fromJson_nonStringPath_isInvalidPath() {
    assertBadRequest(
        ScimType.INVALID_PATH, () -> request("[{\"op\":\"replace\",\"path\":7,\"value\":\"x\"}]"));
  }

  @Test
  void fromJson_blankPath_countsAsNoPath() {
    PatchRequest r = request("[{\"op\":\"replace\",\"path\":\" \",\"value\":{\"active\":false}}]");

    assertThat(r.operations().get(0).path()).isNull();
  }

  @Test
  void fromJson_errorDetail_namesTheOperationPosition() {
    ScimException e =
        assertBadRequest(
            ScimType.INVALID_SYNTAX,
            () ->
                request(
                    "[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"},{\"op\":\"jump\"}]"));

    assertThat(e.detail()).startsWith("operation 2 ");
  }

  @Test
  void operationFactories_buildTheSameOperationsAsTheParser() {
    assertThat(PatchRequest.of(
            PatchOperation.add("title", json("\"x\"")),
            PatchOperation.replace("title", json("\"y\"")),
            PatchOperation.remove("title")))
        .isEqualTo(
            PatchRequest.fromJson(
                body(
                    """
                    [{"op":"add","path":"title","value":"x"},
                     {"op":"replace","path":"title","value":"y"},
                     {"op":"remove","path":"title"}]
                    """)));
  }
}
