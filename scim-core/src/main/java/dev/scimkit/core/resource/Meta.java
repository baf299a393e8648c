package dev.scimkit.core.resource;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resource's metadata (RFC 7643 section 3.1, {@code meta}), set by the server: a client's
 * {@code meta} is ignored on create and replace.
 *
 * <p>Times are kept as the text the server wrote (an {@code xsd:dateTime} such as {@code
 * "2008-01-23T04:56:22Z"}), so a document survives {@code fromJson} and {@code toJson} unchanged;
 * {@link java.time.OffsetDateTime#parse} reads them.
 *
 * @param resourceType the resource type's name ({@code "User"})
 * @param created when the resource was created
 * @param lastModified when the resource was last changed
 * @param location the resource's URI
 * @param version the entity tag of this version ({@code W/"3"})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Meta(
    String resourceType, String created, String lastModified, String location, String version) {}
