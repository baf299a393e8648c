/**
 * The SCIM filter and PATCH path language of RFC 7644 (sections 3.4.2.2 and 3.5.2).
 *
 * <p>{@link dev.scimkit.filter.Filters} is the entry point: it parses a filter such as
 * {@code userName eq "bjensen" and emails[type eq "work"]} into an immutable {@link
 * dev.scimkit.filter.Filter}, a PATCH path such as {@code members[value eq "2819c223"]} into a
 * {@link dev.scimkit.filter.PatchPath}, and formats either back into canonical text.
 *
 * <p>This package knows syntax only. What an attribute means (its type, whether it is case-exact,
 * whether it exists at all) is decided by the schema-aware code in {@code scim-core}. Attribute
 * names are kept exactly as written.
 *
 * <p>Everything outside this package ({@code dev.scimkit.filter.internal}) is not API.
 */
package dev.scimkit.filter;
