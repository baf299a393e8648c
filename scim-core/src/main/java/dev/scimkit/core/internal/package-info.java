/** Not API, may change without notice: the engine's machinery behind {@code dev.scimkit.core}. */
package dev.scimkit.core.internal;
