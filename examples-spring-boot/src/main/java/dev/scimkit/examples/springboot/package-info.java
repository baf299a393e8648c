/**
 * Embedding sample: a Spring Boot app with its own Spring MVC endpoints under {@code /api} and
 * Scimkit beside them at {@code /api/scim/v2}, through {@code scimkit-spring-boot-starter}. Start
 * with {@link dev.scimkit.examples.springboot.BootHost}.
 */
package dev.scimkit.examples.springboot;
