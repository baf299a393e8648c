/**
 * Search semantics shared by the engine and every store: filter evaluation ({@link
 * dev.scimkit.core.search.FilterEvaluator}, {@link dev.scimkit.core.search.CompiledFilter}),
 * result order ({@link dev.scimkit.core.search.Sorting}), paging ({@link
 * dev.scimkit.core.search.Paging}) and attribute projection ({@link
 * dev.scimkit.core.search.Projection}).
 *
 * <p>These classes are the reference: a store that translates filters or sorting to its own query
 * language is correct when it returns what they would. A store that cannot translate something
 * can always fall back to them in memory.
 */
package dev.scimkit.core.search;
