/**
 * YAML reading with go-yaml's semantics ({@code YamlReader}) and the positions of every value ({@code SourceMap}) so errors can name file, line and column.
 */
package io.berth.compose.internal.yaml;
