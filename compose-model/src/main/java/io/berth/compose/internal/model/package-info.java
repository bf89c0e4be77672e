/**
 * The compose model's types ({@code ModelTypes}: compose-go's structs, field by field) and their decoding from the canonical tree into printable form ({@code ProjectDecoder}). Invariant: every printed value has the JSON type docker compose prints for that field.
 */
package io.berth.compose.internal.model;
