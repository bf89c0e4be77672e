package io.berth.cli.engine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The controlling terminal for {@code -t}: raw mode through {@code stty} (the JDK has no termios), the window size,
 * and window changes through {@code sun.misc.Signal("WINCH")}, which JDK 25 still lets an application handle.
 * Everything here degrades quietly: without a terminal, {@code -t} still works, only without raw mode or resize.
 */
final class Terminal {
    private final String saved;

    private Terminal(String saved) {
        this.saved = saved;
    }

    /** Puts {@code /dev/tty} in raw mode without echo; null when there is no terminal. */
    static Terminal raw() {
        String state = stty("-g");
        if (state == null) {
            return null;
        }
        if (stty("raw", "-echo") == null) {
            return null;
        }
        Terminal t = new Terminal(state.strip());
        Thread hook = new Thread(t::restore, "berth-tty-restore");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the finally of the caller restores
        }
        return t;
    }

    /** Turns echo off on {@code /dev/tty} (password prompts); null when there is no terminal. */
    static Terminal noEcho() {
        String state = stty("-g");
        if (state == null || stty("-echo") == null) {
            return null;
        }
        return new Terminal(state.strip());
    }

    /** Gives the terminal back its saved settings. */
    void restore() {
        stty(saved);
    }

    /** {rows, columns} of the terminal, or null. */
    static int[] size() {
        String s = stty("size");
        if (s == null) {
            return null;
        }
        String[] parts = s.strip().split("\\s+");
        try {
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Calls {@code action} on each SIGWINCH; false when the JVM does not let us handle it. */
    static boolean onResize(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), sig -> action.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }

    private static String stty(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
