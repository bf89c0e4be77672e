package io.berth.cli.engine;

import io.berth.cli.CliContext;
import io.berth.cli.CommandFailure;
import io.berth.cli.client.EngineClient;
import io.berth.cli.client.Request;
import io.berth.cli.client.Response;
import java.io.IOException;
import java.io.PrintWriter;

/** {@code POST /images/create?fromImage=&tag=} with credentials, its progress rendered as docker renders it. */
final class Pulls {
    private Pulls() {
    }

    /**
     * Pulls {@code ref}, rendering progress on {@code out} ({@code quiet}: nothing). An error inside the stream is
     * printed on {@code err} and ends the command with exit 1.
     */
    static void pull(CliContext ctx, EngineClient client, String ref, boolean all, PrintWriter out, PrintWriter err,
                     boolean terminal, boolean quiet) throws IOException {
        String[] p = ImageRefs.split(ref);
        Request request = Request.post("/images/create").query("fromImage", p[0])
                .query("tag", all ? null : p[1]);
        request.header("X-Registry-Auth", AuthStore.of(ctx.environment()).header(ImageRefs.registry(ref)));
        try (Response r = client.call(request)) {
            PrintWriter target = quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out;
            new PullProgress(target, terminal, width(terminal), ctx.clock().instant()).render(r.body());
        } catch (PullProgress.StreamError e) {
            out.flush();
            err.println(e.getMessage());
            throw new CommandFailure(1, null);
        }
    }

    static int width(boolean terminal) {
        if (!terminal) {
            return 200;
        }
        int[] size = Terminal.size();
        return size == null ? 200 : size[1];
    }
}
