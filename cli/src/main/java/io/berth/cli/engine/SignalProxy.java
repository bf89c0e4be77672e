package io.berth.cli.engine;

import io.berth.cli.client.EngineClient;
import io.berth.cli.client.Request;
import io.berth.compose.BerthException;
import java.util.List;

/**
 * {@code --sig-proxy}: signals the command line receives (INT, TERM, HUP, USR1, USR2) are sent to the container
 * instead of ending {@code berth}, as docker does for attached containers without a TTY. Uses
 * {@code sun.misc.Signal}, which JDK 25 still offers; where a signal cannot be handled, the JVM's default stays.
 */
final class SignalProxy {
    private SignalProxy() {
    }

    static void install(EngineClient client, String containerPath) {
        for (String name : List.of("INT", "TERM", "HUP", "USR2")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> forward(client, containerPath, "SIG" + name));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                // the JVM keeps this signal for itself
            }
        }
    }

    private static void forward(EngineClient client, String containerPath, String signal) {
        // Not a virtual thread: its socket I/O would start the JDK's poller, whose thread stays in native code
        // and delays the JVM's exit by up to 300 ms (see ExitWaiter).
        Thread.ofPlatform().daemon().name("berth-signal").start(() -> {
            try {
                client.exec(Request.post(containerPath + "/kill").query("signal", signal));
            } catch (BerthException e) {
                // the container has gone; the session ends by itself
            }
        });
    }
}
