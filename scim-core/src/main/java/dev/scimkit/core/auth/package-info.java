/**
 * Authentication SPI and organisation tokens: the {@link dev.scimkit.core.auth.TokenStore} that
 * keeps bearer tokens only as hashes, one or many per tenant, revocable without touching any
 * resource.
 */
package dev.scimkit.core.auth;
