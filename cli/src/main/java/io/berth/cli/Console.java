package io.berth.cli;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The process's standard streams as bytes, and whether they are terminals: what attach, exec, logs, save and cp
 * need beside the text writers every command prints through. Text written to a command's {@code getOut()} must be
 * flushed before bytes go to {@link #out()}.
 *
 * @param in          standard input (attach, exec -i, load, cp -, --password-stdin)
 * @param out         standard output, for bytes (logs, save, export, cp to -)
 * @param err         standard error, for bytes (a container's stderr)
 * @param inTerminal  whether standard input is a terminal
 * @param outTerminal whether standard output is a terminal
 */
public record Console(InputStream in, OutputStream out, OutputStream err, boolean inTerminal, boolean outTerminal) {
    /** No input, output discarded, no terminal: for tests and the training run. */
    public static Console none() {
        return new Console(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), false, false);
    }
}
