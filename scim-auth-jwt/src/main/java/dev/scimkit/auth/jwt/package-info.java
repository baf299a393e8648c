/**
 * Optional JWT bearer authentication for Scimkit: {@link
 * dev.scimkit.auth.jwt.EntraJwtAuthenticator} validates tokens issued by Microsoft Entra ID and
 * maps the Entra tenant to a Scimkit tenant. Depends on Nimbus JOSE+JWT, which is why it is a
 * module of its own: hosts that use organisation tokens do not carry it.
 */
package dev.scimkit.auth.jwt;
