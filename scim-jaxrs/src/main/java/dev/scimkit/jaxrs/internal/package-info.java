/**
 * Not API, may change without notice: the JAX-RS resource and providers behind {@code
 * dev.scimkit.jaxrs}. They are public only because JAX-RS requires it.
 */
package dev.scimkit.jaxrs.internal;
