/**
 * Host rules that accept or reject a resource before it is stored: {@link
 * dev.scimkit.core.validation.ResourceCheck}, and {@link
 * dev.scimkit.core.validation.BeanValidationCheck} to reuse Jakarta Validation constraints.
 *
 * <p>Only {@code BeanValidationCheck} needs {@code jakarta.validation-api} (and a provider such as
 * Hibernate Validator) on the classpath; the rest of Scimkit runs without them.
 */
package dev.scimkit.core.validation;
