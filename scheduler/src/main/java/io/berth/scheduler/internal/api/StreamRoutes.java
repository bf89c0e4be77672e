package io.berth.scheduler.internal.api;

import io.berth.agent.engine.ContainerIo;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.agent.runtime.AttachSession;
import io.berth.agent.runtime.LogEntry;
import io.berth.agent.runtime.LogQuery;
import io.berth.agent.runtime.LogStream;
import io.berth.agent.runtime.OutputHandler;
import io.berth.agent.runtime.StdStream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Streams of a container: {@code logs} (chunked), {@code attach} and {@code exec} start (HTTP upgrade to a raw
 * socket, as Docker does), plus resize. Blocking reads run on {@code streams} (virtual threads: a follower
 * costs no platform thread), never on the event loop.
 */
public final class StreamRoutes implements RouteModule {
    static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final ContainerIo io;
    private final Executor streams;
    private final Clock clock;

    public StreamRoutes(ContainerIo io, Executor streams, Clock clock) {
        this.io = io;
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public void mount(Router router, Handlers h) {
        router.get("/containers/:id/logs").handler(ctx -> logs(ctx, h));
        router.post("/containers/:id/resize").handler(ctx -> h.empty(ctx, 200, () -> {
            io.resize(ctx.pathParam("id"), intParam(ctx, "h"), intParam(ctx, "w"));
            return null;
        }));
        router.post("/exec/:id/resize").handler(ctx -> h.empty(ctx, 200, () -> {
            io.resizeExec(ctx.pathParam("id"), intParam(ctx, "h"), intParam(ctx, "w"));
            return null;
        }));
    }

    /**
     * Upgrade routes, mounted before the body handler (the socket is taken over raw). Docker attaches with
     * {@code POST} + {@code Upgrade: tcp}; Vert.x upgrades only {@code GET} (and CONNECT), so berthd attaches on
     * {@code GET /containers/{id}/attach} with the same query and headers, and answers a POST upgrade with an
     * error that says so.
     */
    public void mountRaw(Router router, Handlers h) {
        router.get("/containers/:id/attach").handler(ctx -> attach(ctx, h));
        router.post("/containers/:id/attach").handler(ctx -> h.errors().send(ctx.response(),
                new BerthException(ErrorCategory.INVALID_ARGUMENT,
                        ctx.request().path(), "attach with GET " + ctx.request().path()
                        + " and the headers Connection: Upgrade, Upgrade: tcp (berthd upgrades GET requests only)")));
    }

    private void logs(RoutingContext ctx, Handlers h) {
        String id = ctx.pathParam("id");
        LogQuery query = new LogQuery(Handlers.flag(ctx, "follow"), tail(ctx.request().getParam("tail")),
                time(ctx, "since"), time(ctx, "until"), Handlers.flag(ctx, "stdout"), Handlers.flag(ctx, "stderr"));
        boolean timestamps = Handlers.flag(ctx, "timestamps");
        h.workers().executeBlocking(() -> new Opened(io.tty(id), io.logs(id, query)), false).onComplete(opened -> {
            if (opened.failed()) {
                h.errors().send(ctx.response(), opened.cause());
                return;
            }
            boolean tty = opened.result().tty();
            LogStream stream = opened.result().stream();
            HttpServerResponse response = ctx.response().setChunked(true).putHeader("Content-Type",
                    tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream");
            response.writeHead();
            BlockingWriter writer = new BlockingWriter(response);
            response.closeHandler(v -> {
                writer.closed();
                stream.close();
            });
            streams.execute(() -> pump(stream, writer, tty, timestamps, response, ctx));
        });
    }

    private record Opened(boolean tty, LogStream stream) {
    }

    private static void pump(LogStream stream, BlockingWriter writer, boolean tty, boolean timestamps,
                             HttpServerResponse response, RoutingContext ctx) {
        try (stream) {
            for (LogEntry entry = stream.next(); entry != null; entry = stream.next()) {
                String text = timestamps ? RFC3339_NANO.format(entry.time()) + " " + entry.text() : entry.text();
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (!writer.write(StreamFrames.frame(tty, entry.stream(), bytes, 0, bytes.length))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            java.util.logging.Logger.getLogger(StreamRoutes.class.getName()).fine("log stream ended: " + e);
        } finally {
            ctx.vertx().runOnContext(v -> {
                if (!response.ended() && !writer.isClosed()) {
                    response.end();
                }
            });
        }
    }

    private void attach(RoutingContext ctx, Handlers h) {
        String id = ctx.pathParam("id");
        boolean stdin = Handlers.flag(ctx, "stdin");
        DetachKeys keys;
        try {
            keys = DetachKeys.parse(ctx.request().getParam("detachKeys"));
        } catch (RuntimeException e) {
            h.errors().send(ctx.response(), e);
            return;
        }
        boolean wantOut = Handlers.flag(ctx, "stdout");
        boolean wantErr = Handlers.flag(ctx, "stderr");
        h.workers().executeBlocking(() -> io.tty(id), false).onComplete(tty -> {
            if (tty.failed()) {
                h.errors().send(ctx.response(), tty.cause());
                return;
            }
            upgrade(ctx, socket -> {
                SocketOutput output = new SocketOutput(socket, tty.result(), wantOut, wantErr);
                return h.workers().executeBlocking(() -> io.attach(id, output), false)
                        .onSuccess(session -> Bridge.connect(socket, session, stdin ? keys : null, streams,
                                Bridge.framed(ctx)))
                        .onFailure(e -> {
                            byte[] message = ("Error: " + h.errors().classify(e).getMessage() + "\n")
                                    .getBytes(StandardCharsets.UTF_8);
                            socket.write(StreamFrames.frame(tty.result(), StdStream.STDERR, message, 0, message.length));
                            socket.end();
                        }).mapEmpty();
            }, h);
        });
    }

    /** Switches the connection to a raw stream (Docker's {@code 101 UPGRADED}), then runs {@code then}. */
    static void upgrade(RoutingContext ctx, Function<NetSocket, Future<Void>> then, Handlers h) {
        ctx.request().toNetSocket().onComplete(result -> {
            if (result.failed()) {
                h.errors().send(ctx.response(), result.cause());
            } else {
                then.apply(result.result());
            }
        });
    }

    private int tail(String value) {
        if (value == null || value.isEmpty() || value.equals("all")) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Instant time(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isEmpty() || value.equals("0")) {
            return null;
        }
        long nanos = TimeParams.toNanos(value, clock);
        return Instant.ofEpochSecond(0, nanos);
    }

    private static int intParam(RoutingContext ctx, String name) {
        try {
            return Integer.parseInt(ctx.request().getParam(name, "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + name + ": " + ctx.request().getParam(name));
        }
    }

    /** Container output to the upgraded socket, framed unless tty, filtered by the streams asked for. */
    static final class SocketOutput implements OutputHandler {
        private final NetSocket socket;
        private final boolean tty;
        private final boolean stdout;
        private final boolean stderr;

        SocketOutput(NetSocket socket, boolean tty, boolean stdout, boolean stderr) {
            this.socket = socket;
            this.tty = tty;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void onOutput(StdStream stream, byte[] data, int offset, int length) {
            if (stream == StdStream.STDOUT ? stdout : stderr) {
                socket.write(StreamFrames.frame(tty, stream, Arrays.copyOfRange(data, offset, offset + length), 0, length));
            }
        }

        @Override
        public void onEnd() {
            socket.end();
        }
    }

    /**
     * Client input to the session, in order, detach keys watched. Raw (Docker's way), the end of stdin is the
     * client's half-close — but Vert.x closes a connection whose peer half-closes, so berth's CLI asks for framed
     * stdin ({@code X-Berth-Stdin: framed}): Docker's 8-byte headers with stream 0, an empty frame for the end.
     */
    static final class Bridge {
        private Bridge() {
        }

        static boolean framed(RoutingContext ctx) {
            return "framed".equals(ctx.request().getHeader("X-Berth-Stdin"));
        }

        static void connect(NetSocket socket, AttachSession session, DetachKeys keys, Executor streams,
                            boolean framed) {
            socket.closeHandler(v -> session.close());
            if (keys == null) {
                return;
            }
            StdinFrames frames = framed ? new StdinFrames() : null;
            socket.handler(buffer -> {
                socket.pause();
                streams.execute(() -> {
                    try {
                        if (frames == null) {
                            if (forward(buffer.getBytes(), keys, session, socket)) {
                                socket.resume();
                            }
                            return;
                        }
                        for (byte[] chunk : frames.feed(buffer.getBytes())) {
                            if (chunk.length == 0) {
                                session.closeStdin();
                            } else if (!forward(chunk, keys, session, socket)) {
                                return;
                            }
                        }
                        socket.resume();
                    } catch (java.io.IOException e) {
                        socket.close();
                    }
                });
            });
            socket.endHandler(v -> streams.execute(() -> {
                try {
                    session.closeStdin();
                } catch (java.io.IOException e) {
                    socket.close();
                }
            }));
        }

        /** Passes stdin on; false when the detach keys ended the session. */
        private static boolean forward(byte[] data, DetachKeys keys, AttachSession session, NetSocket socket)
                throws java.io.IOException {
            DetachKeys.Result result = keys.feed(data);
            if (result.pass().length > 0) {
                session.write(result.pass(), 0, result.pass().length);
            }
            if (result.detach()) {
                session.close();
                socket.end();
                return false;
            }
            return true;
        }
    }
}
