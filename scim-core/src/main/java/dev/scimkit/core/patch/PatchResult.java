package dev.scimkit.core.patch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a PATCH request does to one resource.
 *
 * @param document the resource's document after the request: a new object (the stored document
 *     is never modified), canonical like a stored document (no {@code id}, no {@code meta}, no
 *     {@code members}), with {@code schemas} rebuilt from the extensions present
 * @param membership the net change to the group's members, or {@code null} when the request has
 *     no operation on {@code members}
 * @param documentChanged whether {@code document} differs from the stored document; when it is
 *     {@code false} the document need not be written back (a member-only PATCH of a group)
 */
public record PatchResult(ObjectNode document, MembershipChange membership, boolean documentChanged) {

  public PatchResult {
    requireNonNull(document, "document == null");
  }
}
