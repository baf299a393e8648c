/**
 * Authentication: the {@link dev.scimkit.core.auth.Authenticator} SPI that turns a bearer token
 * into a tenant and a principal, and organisation tokens ({@link
 * dev.scimkit.core.auth.OrganizationTokens}), the built-in authenticator: random 256-bit
 * secrets shown once, kept by a {@link dev.scimkit.core.auth.TokenStore} only as SHA-256 hashes,
 * one or many per tenant, revocable and expirable without touching any resource.
 *
 * <p>The HTTP layer ({@code scim-jaxrs}) calls the authenticator for every request once one is
 * configured; the {@code scim-auth-jwt} module adds validation of Entra-issued JWTs.
 */
package dev.scimkit.core.auth;
