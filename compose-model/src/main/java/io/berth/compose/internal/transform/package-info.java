/**
 * Short syntax to long ({@code Canonical}), default values ({@code Defaults}), and the parsers they share: ports ({@code PortParser}), volumes ({@code VolumeParser}), IP syntax, lexical paths. Pure functions over generic trees.
 */
package io.berth.compose.internal.transform;
