/**
 * Printing the model: JSON with Go's escaping, two-space indented ({@code JsonWriter}), and block YAML ({@code YamlWriter}).
 */
package io.berth.compose.internal.output;
