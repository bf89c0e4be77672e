/**
 * Paths into generic compose trees ({@code TreePath}, with {@code *} patterns) and helpers over Map/List/scalar trees ({@code Trees}).
 */
package io.berth.compose.internal.tree;
