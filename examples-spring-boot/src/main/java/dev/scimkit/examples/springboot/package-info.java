/**
 * Embedding sample: a Spring Boot app with its own Spring MVC endpoints under {@code /api} and
 * Scimkit in a Jersey servlet of its own at {@code /api/scim/v2}. Start with {@link
 * dev.scimkit.examples.springboot.BootHost}.
 */
package dev.scimkit.examples.springboot;
