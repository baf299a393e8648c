/**
 * Not API, may change without notice: the ANTLR-backed parser and the formatter behind
 * {@link dev.scimkit.filter.Filters}.
 */
package dev.scimkit.filter.internal;
