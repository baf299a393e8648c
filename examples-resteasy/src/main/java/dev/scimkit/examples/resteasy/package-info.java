/**
 * Embedding sample: a RESTEasy application in Undertow's servlet container that serves its own
 * resources under {@code /api} and mounts Scimkit beside them under {@code /api/scim/v2}, with
 * organisation tokens. Start with {@link dev.scimkit.examples.resteasy.ResteasyUndertowHost}.
 */
package dev.scimkit.examples.resteasy;
