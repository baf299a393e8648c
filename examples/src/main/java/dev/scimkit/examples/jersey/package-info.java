/**
 * Embedding sample: a plain Jersey + Grizzly application that serves its own resources under
 * {@code /api} and mounts Scimkit beside them under {@code /api/scim/v2}, with organisation
 * tokens. Start with {@link dev.scimkit.examples.jersey.JerseyGrizzlyHost}.
 */
package dev.scimkit.examples.jersey;
