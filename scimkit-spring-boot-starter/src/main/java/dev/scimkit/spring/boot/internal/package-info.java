/**
 * Not API, may change without notice: the store probe behind the health indicators, the
 * indicators for each Spring Boot generation's health API, and the JAX-RS filter behind the
 * metrics. They are public only because the auto-configuration in {@code dev.scimkit.spring.boot}
 * creates them.
 */
package dev.scimkit.spring.boot.internal;
