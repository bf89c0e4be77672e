/**
 * Env files ({@code .env}, {@code env_file}, {@code label_file}) read as compose-go's {@code dotenv} package reads
 * them. {@link io.berth.compose.internal.dotenv.DotEnv} parses text or a file into an ordered map of variables;
 * errors are {@link io.berth.compose.internal.dotenv.DotEnvException}s naming the file and the line of the
 * statement, in compose-go's words. Variable expansion inside values reuses {@link
 * io.berth.compose.internal.interpolation.Template}, looking variables up in the caller's lookup first and in the
 * keys already read second. Invariants: nothing here reads the process environment or writes to it (the caller
 * passes a lookup); parsing is a single pass with no backtracking, linear in the size of the file; keys keep the
 * order of the file, a later definition overwriting an earlier one in place.
 */
package io.berth.compose.internal.dotenv;
