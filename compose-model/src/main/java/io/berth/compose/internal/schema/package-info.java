/**
 * Our own JSON Schema validator, made for the Compose schema: it checks a parsed compose document (plain
 * {@code Map}/{@code List}/scalar trees) and words each {@link io.berth.compose.internal.schema.SchemaViolation}
 * as compose-go does ({@code services.web additional properties 'foo' not allowed}), with the path as keys and
 * list indexes so callers can find the YAML position. It exists because the CLI validates on every
 * {@code berth config} and must start fast: no Jackson, no reflection, no lambdas or {@code BigDecimal} on the
 * startup path, the schema read by a small {@code JsonReader}, no regular expression compiled nor exception
 * thrown while validating. {@link io.berth.compose.internal.schema.SchemaValidator} is the entry point;
 * {@code SchemaCompiler} turns the schema, once per validator, into a graph of {@code SchemaNode}s, each an
 * ordered array of small {@code Check}s; a {@code Walk} carries one validation's path and findings.
 * Invariants: a compiled validator is immutable and thread-safe; only the keywords the Compose schema uses are
 * supported (draft 2020-12 {@code $ref} within the document, {@code $defs}, {@code type}, {@code enum},
 * {@code properties}, {@code patternProperties}, {@code additionalProperties}, {@code required},
 * {@code items}, {@code uniqueItems}, {@code minimum}, {@code maximum}, {@code oneOf}, {@code pattern}, plus
 * ignored annotations) and any other keyword fails compilation rather than being skipped; checks run in the
 * order compose-go's library (santhosh-tekuri/jsonschema) runs them, so the first violation returned is
 * exactly the one compose-go reports.
 */
package io.berth.compose.internal.schema;
