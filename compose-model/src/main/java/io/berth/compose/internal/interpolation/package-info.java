/**
 * Variable interpolation in compose files, exactly as compose-go does it. {@link
 * io.berth.compose.internal.interpolation.Template} substitutes one string ({@code $VAR}, <code>${VAR:-x}</code>,
 * <code>${VAR:?msg}</code>, {@code $$}...); {@link io.berth.compose.internal.interpolation.Interpolator} applies it
 * to every string value of a parsed tree, never to keys, then casts the fields listed in {@link
 * io.berth.compose.internal.interpolation.TypeCasts} to integers, numbers or booleans. Failures are {@link
 * io.berth.compose.internal.interpolation.InterpolationException}s whose message is compose-go's, without file or
 * line, which the loader adds. Invariants: nothing here reads the process environment (the caller passes a
 * lookup, where {@code null} means unset and {@code ""} set but empty); inputs are never modified; messages and
 * accepted syntax follow compose-go even where it is odd, and {@code GoSyntax}/{@code GoStrconv} exist so that
 * quoting and number parsing match Go's.
 */
package io.berth.compose.internal.interpolation;
