/**
 * The loading pipeline: {@code ProjectSetup} settles directory, environment, files and profiles; {@code FileLoader} reads files one by one (YAML, interpolation, include, extends, merge, unicity, schema, canonical form); {@code Loader} orders the stages as compose-go does. Invariant: nothing here reads the process environment or the working directory; both come from {@link io.berth.compose.LoadOptions}.
 */
package io.berth.compose.internal.load;
