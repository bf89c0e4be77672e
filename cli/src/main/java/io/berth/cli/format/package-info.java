/**
 * What the engine commands print, as docker prints it: a subset of Go's text/template good for docker's
 * {@code --format} uses ({@link io.berth.cli.format.Template}), docker's tables and its {@code table}/{@code json}
 * format keys ({@link io.berth.cli.format.Formatter}, {@link io.berth.cli.format.TabWriter}), Go-style JSON
 * indentation ({@link io.berth.cli.format.JsonText}), sizes and durations as go-units writes them
 * ({@link io.berth.cli.format.Units}) and docker's {@code --since/--until} values
 * ({@link io.berth.cli.format.TimeArgs}).
 *
 * <p>Invariants: pure functions of their input (time comes in as an argument), no I/O besides the writer handed
 * in; values are plain maps, lists, strings, numbers and booleans, or {@link io.berth.cli.format.TemplateObject}s
 * for docker's computed columns.
 */
package io.berth.cli.format;
