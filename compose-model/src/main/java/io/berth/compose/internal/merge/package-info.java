/**
 * Merging compose trees: {@code Merger} applies compose's per-field override rules, {@code Unicity} folds sequence entries that denote the same thing (ports, volumes by target, environment by key). Both work on mutable generic trees and change them in place.
 */
package io.berth.compose.internal.merge;
