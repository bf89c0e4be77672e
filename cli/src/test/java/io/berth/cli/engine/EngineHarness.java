package io.berth.cli.engine;

import io.berth.cli.CliHarness;
import io.berth.cli.client.FakeDaemon;
import java.io.IOException;

/** A fake daemon and a {@code berth -H <its socket>} runner, for the engine commands' tests. */
final class EngineHarness implements AutoCloseable {
    final FakeDaemon daemon;
    private String stdin = "";
    private boolean outTerminal;

    EngineHarness() throws IOException {
        daemon = new FakeDaemon();
    }

    EngineHarness stdin(String s) {
        stdin = s;
        return this;
    }

    EngineHarness outTerminal(boolean on) {
        outTerminal = on;
        return this;
    }

    CliHarness.Result berth(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-H";
        all[1] = daemon.host();
        System.arraycopy(args, 0, all, 2, args.length);
        return new CliHarness().env("HOME", "/nonexistent").stdin(stdin).terminal(false, outTerminal).run(all);
    }

    @Override
    public void close() {
        daemon.close();
    }
}
